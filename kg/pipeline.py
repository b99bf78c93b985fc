"""Ingest: sources → documents → spaCy → facts → one named graph per document.

Unchanged sources (same sha256 of their bytes, same kg version) are skipped before they
are parsed. The others are read and extracted in worker processes (`jobs`, one nlp each,
a time and memory budget per document; `jobs=0` works in this process) and written from
this process in batches: new graphs through the store's bulk loader, each document
recorded complete only once all its quads are in (see kg.graph.store), so a crash at any
moment leaves every document wholly present or absent. A failure of one file is one
line in the report; the rest goes on.

Each source carries its document id (its path under the ingest root, kg.identity) to the
worker; the writing process, which holds the store, refuses a document whose id is stored
from another file (unless `force`) before writing it.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.graph.store import GraphStore
from kg.graph.writes import GraphWrite

# Documents per bulk write: more means fewer, larger bulk loads (cheaper per quad), but a
# crash redoes up to this many documents and the batch's graphs wait in memory.
BATCH_DOCUMENTS = 50
# N-Quads bytes a batch holds: the writer holds up to three batches (one written, one queued,
# one filling) and the bulk loader's working memory grows with it (bench/memory.py: the ingesting
# process's peak above its base +78 MB with 16 MB batches, +33 MB with 8 MB read as a stream;
# 64 MB once gave a 511 MB peak), while more, smaller loads cost the writer a little more CPU
BATCH_BYTES = 8 * 2**20


@dataclass
class IngestReport:
    """What one ingest did, for the CLI and the benchmark."""

    ingested: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    recovered: list[str] = field(default_factory=list)  # documents a crashed ingest left incomplete
    triples: int = 0
    words: int = 0
    seconds: float = 0.0
    worker_cpu: float = 0.0  # CPU seconds of worker processes (not counted in this process's)
    worker_peak_rss_mb: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # CPU seconds: read, nlp, extract, build, write


def ingest(paths: list[str | Path], store: GraphStore, *, force: bool = False, jobs: int = 0,
           timeout: float | None = None, memory_mb: int | None = None,
           batch_documents: int = BATCH_DOCUMENTS,
           on_progress: Callable[[str], None] | None = None,
           on_error: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest files and folders (or `Source`s from `kg.readers.iter_sources`) into the store;
    bad files are reported, one line each, and the rest goes on.

    `jobs` worker processes read and extract (0: in this process, no time or memory budget);
    `timeout` seconds and `memory_mb` bound each document in a worker. Unless `force`, a
    document whose id is stored from another file is refused (kg.identity.check_stored_source).
    """
    from kg.readers import iter_sources

    t0 = time.perf_counter()
    report = IngestReport()
    report.recovered = sorted(set(store.recovered) | set(store.recover()))

    def fail(path: str, reason: str) -> None:
        reason = " ".join(reason.split()) or "failed"  # one line, whatever a library's message held
        report.failed.append((path, reason))
        if on_error:
            on_error(f"{path}: {reason}")

    todo = []
    for source in iter_sources(paths):
        if source.error:  # a collision, a link out of the folder, an unreadable folder: nothing to read
            fail(str(source), source.error)
        elif not force and _unchanged(store, source):
            report.skipped.append(source.id)
        else:
            todo.append(source)
            continue
        if on_progress:
            on_progress(str(source))

    batch: list[GraphWrite] = []
    batch_words: list[int] = []
    writer = _Writer(store, report, threaded=jobs > 0)
    try:
        # the lexicon and ontology graphs (into a new store, ~0.5 s): beside workers, written
        # by the writer thread while the workers start on the first documents
        writer.call(store.ensure_static_graphs)
        for outcome in _outcomes(todo, jobs, timeout, memory_mb):
            with writer.lock:
                if jobs > 0:
                    report.worker_cpu += outcome.cpu
                    report.worker_peak_rss_mb = max(report.worker_peak_rss_mb, outcome.worker_rss_mb)
                for name, sec in outcome.stages.items():
                    report.stages[name] = report.stages.get(name, 0.0) + sec
            failure = outcome.failure if outcome.write is None else None
            if outcome.write is not None and not force:  # an id stored from another file is not replaced
                failure = _stored_elsewhere(store, outcome.write)
            if failure is not None:
                fail(outcome.failed_path or outcome.path, failure or "failed")
            else:
                batch.append(outcome.write)
                batch_words.append(outcome.words)
                if len(batch) >= batch_documents or sum(len(w.nquads) for w in batch) >= BATCH_BYTES:
                    writer.put(batch, batch_words)
                    batch, batch_words = [], []
            if on_progress:
                on_progress(outcome.path)
        if batch:
            writer.put(batch, batch_words)
    finally:
        writer.close()
    store.flush()
    report.seconds = time.perf_counter() - t0
    return report


class _Writer:
    """Writes batches of graphs, in a thread of its own when workers extract: Oxigraph's bulk
    loader releases the GIL, so this process keeps taking the workers' results (and the
    workers keep working) while a batch goes into the store."""

    def __init__(self, store: GraphStore, report: IngestReport, threaded: bool) -> None:
        import threading

        self.store, self.report = store, report
        self.lock = threading.Lock()
        self.error: BaseException | None = None
        self.queue = None
        if threaded:
            import queue

            self.queue = queue.Queue(maxsize=1)  # one batch waiting while one is written
            self.thread = threading.Thread(target=self._run, name="kg-writer", daemon=True)
            self.thread.start()

    def put(self, batch: list[GraphWrite], words: list[int]) -> None:
        if self.error is not None:
            raise self.error
        if self.queue is None:
            self._write(batch, words)
        else:
            self.queue.put((batch, words))

    def call(self, fn: Callable[[], None]) -> None:
        """Run `fn` in turn with the writes (in the writer thread, if there is one)."""
        if self.queue is None:
            fn()
        else:
            self.queue.put(fn)

    def _write(self, batch: list[GraphWrite], words: list[int]) -> None:
        # the bulk loader works in threads of its own: in this process alone, process time
        # counts them; beside workers, this thread's time is a lower bound
        clock = time.process_time if self.queue is None else time.thread_time
        c0 = clock()
        triples = self.store.write_documents(batch, flush=False)  # (ingest flushes after the last)
        with self.lock:
            r = self.report
            r.triples += triples
            r.stages["write"] = r.stages.get("write", 0.0) + clock() - c0
            r.ingested.extend(w.doc_id for w in batch)
            r.words += sum(words)

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is None:
                try:
                    item() if callable(item) else self._write(*item)
                except BaseException as e:  # noqa: BLE001 - raised again in the ingesting thread
                    self.error = e

    def close(self) -> None:
        """Wait for the last batch; raise what the writer met."""
        if self.queue is not None:
            self.queue.put(None)
            self.thread.join()
            self.queue = None
        if self.error is not None:
            error, self.error = self.error, None
            raise error


def _outcomes(sources: list, jobs: int, timeout: float | None, memory_mb: int | None) -> Iterator:
    from kg.workers import run_pool

    if not sources:
        return iter(())
    if jobs <= 0:
        return _in_process(sources)
    return run_pool(sources, jobs, timeout=timeout, memory_mb=memory_mb)


def _in_process(sources: list) -> Iterator:
    """Outcomes read in this process, with a fresh pipeline after as many documents as a
    worker reads (kg.workers): what spaCy keeps of each paper is freed as a worker's is.

    The first document of a pipeline loads what lives as long as the pipeline (the
    extractors' compiled patterns and tables, imported modules): read without the cyclic
    collector (whose full passes over that growing heap cost ~0.2 s there), then collected
    once and frozen, as a worker has it from the fork server (kg.warm), so that later full
    collections no longer walk it (~3 % of an in-process ingest's CPU in all). Unfrozen
    before a renewal, so that the old pipeline (a cycle) is collected."""
    from kg.nlp import renew_nlp
    from kg.workers import DOCUMENTS_PER_WORKER, process

    frozen = gc.get_freeze_count()  # what the caller froze stays so
    try:
        for i, source in enumerate(sources):
            if i % DOCUMENTS_PER_WORKER:
                yield process(source)
                continue
            if i:
                gc.unfreeze()
                renew_nlp()
            yield _settled(process, source)
    finally:
        if not frozen:
            gc.unfreeze()


def _settled(process: Callable, source):
    """`process(source)` with the cyclic collector off, then one collection and a freeze of
    what survives."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        outcome = process(source)
    finally:
        if enabled:
            gc.enable()
    gc.collect()
    gc.freeze()
    return outcome


def _stored_elsewhere(store: GraphStore, write: GraphWrite) -> str | None:
    """Why a document must not be written (its id is stored from another file), or None."""
    from types import SimpleNamespace

    from kg.errors import ReaderError
    from kg.identity import check_stored_source

    document = SimpleNamespace(id=write.doc_id, source_path=write.source_path, sha256=write.summary["sha256"])
    try:
        check_stored_source(store, document)
    except ReaderError as e:
        return e.reason
    return None


def _unchanged(store: GraphStore, source) -> bool:
    """True when the stored document of this source has the same bytes and kg version: decided
    from a hash of the file, before any parsing (a PDF costs seconds to parse)."""
    import hashlib
    import os
    import stat

    if store.document_state(source.id) is None:
        return False
    try:
        if not stat.S_ISREG(os.stat(source.path).st_mode):
            return False  # a FIFO, a device...: the reader reports it (reading it here could block)
        h = hashlib.sha256()
        with open(source.path, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
    except OSError:
        return False  # the reader reports it
    return store.is_current(source.id, h.hexdigest())
