"""Reading and extraction in worker processes, each document with a time and memory budget.

A worker reads one source, runs the spaCy pipeline and the extractors, and hands back the
document's graph as N-Quads bytes (plus its registry summary): the store is written by
the parent alone. Each worker has its own nlp (loaded once per worker); a worker that
exceeds its memory limit (RLIMIT_AS), dies, or runs past the document's time budget
fails that document with one line, and is replaced, while the rest of the batch goes on.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from kg.errors import KgError
from kg.graph.writes import GraphWrite

# What the fork server imports once, so that each new worker starts with it loaded: the
# libraries (spaCy without its CLI: kg.spacy_lite), then kg.warm, which loads the lexicon and
# pipeline and warms the extractors (a worker whose KG_* environment differs from the server's
# loads its own: kg.lexicon reads KG_LEXICON when imported, and the fork server keeps what it
# started with).
PRELOAD = ["kg.spacy_lite", "pyoxigraph", "kg.warm"]


@dataclass
class Outcome:
    """What became of one source: a graph to write, or a one-line failure."""

    path: str
    write: GraphWrite | None = None
    words: int = 0
    failure: str | None = None  # (path to report, reason) when failed
    failed_path: str | None = None
    cpu: float = 0.0  # CPU seconds the worker spent on it
    stages: dict[str, float] = field(default_factory=dict)  # CPU seconds by stage
    worker_rss_mb: float = 0.0  # the worker's peak resident memory so far


def process(source) -> Outcome:
    """Read, extract and build one document's graph (in whatever process calls it) from a
    `kg.readers.Source` (which carries the document's id) or a path."""
    from kg.errors import KgError, ReaderError
    from kg.extract import extract_all
    from kg.graph.build import build, graph_iri
    from kg.graph.writes import as_nquads, summarise
    from kg.lexicon import load_lexicon
    from kg.nlp import get_nlp
    from kg.readers import read
    from kg.textsafety import parse

    stages: dict[str, float] = {}
    c0 = time.process_time()

    def stage(name: str) -> None:
        nonlocal c0
        c1 = time.process_time()
        stages[name] = c1 - c0
        c0 = c1

    path = str(source)
    load_lexicon().begin_document()  # nothing an earlier paper added: the same graph in any process, any order
    try:
        document = read(source)
    except ReaderError as e:
        return Outcome(path, failure=e.reason, failed_path=e.path)
    except MemoryError:
        raise
    except Exception as e:  # noqa: BLE001 - a reader bug must not stop the batch
        return Outcome(path, failure=f"unexpected {type(e).__name__}: {e}")
    stage("read")
    try:
        sdoc = parse(get_nlp(), document.text)  # made safe for spaCy; a long text in pieces
        stage("nlp")
        ctx = extract_all(document, sdoc, load_lexicon())
        stage("extract")
        triples = build(document, ctx.facts, ctx.introduced_concepts())
        graph = str(graph_iri(document.id))
        write = GraphWrite(document.id, graph, as_nquads(graph, triples),
                           summarise(document.id, document.sha256, triples), document.source_path)
        stage("build")
        return Outcome(path, write=write, words=_words(sdoc), stages=stages)
    except MemoryError:
        raise
    except KgError as e:
        return Outcome(path, failure=str(e), failed_path=document.source_path)
    except Exception as e:  # noqa: BLE001 - one bad document must not stop the batch
        return Outcome(path, failure=f"extraction failed ({type(e).__name__}: {e})",
                       failed_path=document.source_path)


def _words(sdoc) -> int:
    """Tokens that are neither space nor punctuation, counted on spaCy's arrays (iterating the
    Doc makes a Python Token per token: ~3 % of an ingest's CPU)."""
    from spacy.attrs import IS_PUNCT, IS_SPACE

    arr = sdoc.to_array([IS_SPACE, IS_PUNCT])
    return int((arr.sum(axis=1) == 0).sum()) if len(arr) else 0


def _worker_main(conn: Connection, memory_mb: int | None, kg_env: dict[str, str]) -> None:
    """A worker's loop: receive a source, send its Outcome; None ends it. `kg_env` is the
    parent's KG_* environment now (the fork server keeps the one it started with)."""
    for key in [k for k in os.environ if k.startswith("KG_")]:
        del os.environ[key]
    os.environ.update(kg_env)
    _unless_warm_for(kg_env)
    if memory_mb:
        import resource

        limit = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from kg.lexicon import load_lexicon
    from kg.memory import release
    from kg.nlp import get_nlp

    try:
        get_nlp()
        load_lexicon()
        conn.send("ready")
    except MemoryError:
        conn.send("out of memory while loading the pipeline")
        return
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        c0 = time.process_time()
        try:
            out = process(path)
            out.cpu = time.process_time() - c0
            out.worker_rss_mb = _peak_rss_mb()
        except MemoryError:
            out = Outcome(str(path), failure=f"out of memory (worker limit {memory_mb} MB)")
            conn.send(out)
            return  # a worker that ran out of memory may be left in a bad state: replace it
        conn.send(out)
        del out
        release()  # the document's Doc and arrays, freed, go back to the system (kg.memory)


def _start_fork_server() -> None:
    """Start the fork server (if it is not running) with kg.warm's flag in its environment only.

    The server is `python -c ...`, which puts the working directory first on its sys.path
    (Python 3.11's forkserver ignores the parent's sys.path): run from a folder holding another
    `kg/` (a checkout of another version), the workers would import that one. PYTHONSAFEPATH
    keeps the working directory off it."""
    from multiprocessing import forkserver

    from kg.warm import WARM_FLAG

    added = {WARM_FLAG: "1", "PYTHONSAFEPATH": "1"}
    saved = {k: os.environ.get(k) for k in added}
    os.environ.update(added)
    try:
        forkserver.ensure_running()
    finally:
        for k, v in saved.items():
            if v is None:
                del os.environ[k]
            else:
                os.environ[k] = v


def _unless_warm_for(kg_env: dict[str, str]) -> None:
    """Forget what the fork server loaded (kg.warm) when it loaded it for another KG_*
    environment than the parent's now, so this worker loads its own."""
    import sys

    warm = sys.modules.get("kg.warm")
    if warm is None or (warm.READY and warm.ENV == kg_env):
        return
    from pathlib import Path

    import kg.lexicon
    import kg.nlp

    kg.lexicon.LEXICON_FILE = Path(os.environ.get("KG_LEXICON") or kg.lexicon.ONTOLOGY_DIR / "lexicon.ttl")
    kg.lexicon._load.cache_clear()
    kg.nlp.get_nlp.cache_clear()


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10  # KiB on Linux


class _Worker:
    def __init__(self, ctx, memory_mb: int | None) -> None:
        self.conn, child = ctx.Pipe()
        kg_env = {k: v for k, v in os.environ.items() if k.startswith("KG_")}
        self.proc = ctx.Process(target=_worker_main, args=(child, memory_mb, kg_env), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.sent: list = []  # sources sent and not answered yet, the one being worked on first
        self.count = 0  # sources sent in all
        self.started = 0.0  # when the first of them started

    @property
    def path(self):
        """The source being worked on, or None."""
        return self.sent[0] if self.sent else None

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join()
        self.conn.close()


# Sources a worker holds at once: the next one waits in its pipe, so the worker goes on while
# the parent takes the last result (and writes, and the ingest's consumer runs) instead of idling.
DEPTH = 2
# Sources a worker reads before a fresh one (forked ready from the warm fork server in a few ms)
# takes over: what a worker keeps across papers (discovered concepts, pattern caches, the
# allocator's fragments) grew ~55 MB over 500 papers; this keeps a long ingest's workers flat.
DOCUMENTS_PER_WORKER = 100


def largest_first(sources: list) -> list:
    """The sources by size, largest first (stable among equal sizes; one that cannot be asked
    counts as empty): the workers then end on the small ones, each about when the others do,
    where a large paper read last kept one worker busy while the others idled (the graphs do
    not depend on the order: `kg.lexicon.Lexicon.begin_document`)."""

    def size(source) -> int:
        try:
            return os.stat(source).st_size
        except (OSError, TypeError, ValueError):
            return 0

    return sorted(sources, key=size, reverse=True)


def run_pool(paths: list, jobs: int, *, timeout: float | None = None, memory_mb: int | None = None):
    """Yield an Outcome per source (a `kg.readers.Source` or a path) as workers finish them (not in order)."""
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    _start_fork_server()
    todo = list(reversed(largest_first(paths)))  # popped from the end: the largest first
    workers = [_Worker(ctx, memory_mb) for _ in range(max(1, min(jobs, len(paths))))]
    try:
        while todo or any(w.path for w in workers):
            # the last few sources wait here rather than behind another's in a busy worker's
            # pipe, so that no worker idles while another still holds two
            depth = DEPTH if len(todo) >= len(workers) else 1
            for w in workers:
                while w.ready and len(w.sent) < depth and w.count < DOCUMENTS_PER_WORKER and todo:
                    if not w.sent:
                        w.started = time.monotonic()
                    w.sent.append(todo.pop())
                    w.count += 1
                    w.conn.send(w.sent[-1])
            now = time.monotonic()
            deadlines = [w.started + timeout - now for w in workers if w.path and timeout]
            ready = set(wait([w.conn for w in workers] + [w.proc.sentinel for w in workers],
                             timeout=max(0.0, min(deadlines)) if deadlines else None))
            for i, w in enumerate(workers):
                broken = False
                if w.conn in ready:
                    try:
                        msg = w.conn.recv()
                    except (EOFError, OSError):
                        broken = True
                    else:
                        if msg == "ready":
                            w.ready = True
                        elif isinstance(msg, str):  # the worker could not load the pipeline
                            raise KgError(f"ingest worker: {msg}")
                        else:
                            w.sent.pop(0)
                            w.started = time.monotonic()  # the next one, if any, starts now
                            if not w.sent and w.count >= DOCUMENTS_PER_WORKER and todo:
                                w.conn.send(None)  # retired: a fresh worker takes over
                                w.proc.join(timeout=5)
                                w.kill()
                                workers[i] = _Worker(ctx, memory_mb)
                            yield msg
                            continue
                dead = broken or (w.proc.sentinel in ready and not w.conn.poll())
                late = bool(w.path and timeout and time.monotonic() - w.started > timeout)
                if not (dead or late):
                    continue
                w.kill()
                if w.path:
                    code = w.proc.exitcode
                    why = (f"timed out after {timeout:g} s" if late and not broken else
                           "worker killed (out of memory?)" if code == -9 else f"worker died (exit code {code})")
                    todo.extend(reversed(w.sent[1:]))  # sent but not begun: the next worker's
                    yield Outcome(str(w.path), failure=why)
                elif not w.ready:
                    raise KgError(f"ingest worker failed to start (exit code {w.proc.exitcode}; too little --memory?)")
                workers[i] = _Worker(ctx, memory_mb)
    finally:
        for w in workers:
            try:
                w.conn.send(None)
            except (OSError, ValueError):
                pass
        for w in workers:
            w.proc.join(timeout=2)
            w.kill()
