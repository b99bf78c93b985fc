"""Ingest: sources → documents → spaCy (batched) → facts → one named graph per document.

Documents stream through `nlp.pipe`; each document's graph replaces the stored one in one
transaction, so a failure part-way through a file leaves the store as it was for that
file. Unchanged documents (same sha256, same kg version) are skipped before parsing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError, ReaderError
from kg.graph.store import GraphStore
from kg.model import Document


@dataclass
class IngestReport:
    """What one ingest did, for the CLI and the benchmark."""

    ingested: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    triples: int = 0
    words: int = 0
    seconds: float = 0.0


def ingest(paths: list[str | Path], store: GraphStore, *, force: bool = False,
           on_progress: Callable[[str], None] | None = None,
           on_error: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest files and folders into the store; bad files are reported, the rest goes on."""
    from kg.extract import extract_all
    from kg.graph.build import build, graph_iri
    from kg.identity import check_stored_source
    from kg.lexicon import load_lexicon
    from kg.nlp import get_nlp
    from kg.readers import iter_sources, read
    from kg.textsafety import safe_pipe

    t0 = time.perf_counter()
    report = IngestReport()
    store.ensure_static_graphs()
    lexicon = load_lexicon()
    nlp = get_nlp()

    def fail(path: str, reason: str) -> None:
        reason = " ".join(reason.split()) or "failed"  # one line, whatever a library's message held
        report.failed.append((path, reason))
        if on_error:
            on_error(f"{path}: {reason}")

    def documents() -> Iterator[tuple[str, Document]]:
        for path in iter_sources(paths):
            try:
                document = read(path)
                if not force:  # an id stored from another file is not silently replaced
                    check_stored_source(store, document)
            except ReaderError as e:
                fail(e.path, e.reason)
                if on_progress:
                    on_progress(str(path))
                continue
            except Exception as e:  # noqa: BLE001 - a reader bug must not stop the batch
                fail(str(path), f"unexpected {type(e).__name__}: {e}")
                if on_progress:
                    on_progress(str(path))
                continue
            if not force and store.is_current(document.id, document.sha256):
                report.skipped.append(document.id)
                if on_progress:
                    on_progress(str(path))
                continue
            yield document.text, document

    for sdoc, document in safe_pipe(nlp, documents(), lambda d, e: fail(d.source_path, f"{type(e).__name__}: {e}")):
        try:
            ctx = extract_all(document, sdoc, lexicon)
            triples = build(document, ctx.facts, ctx.introduced_concepts())
            report.triples += store.replace_graph(str(graph_iri(document.id)), triples)
            report.words += sum(1 for t in sdoc if not t.is_space and not t.is_punct)
            report.ingested.append(document.id)
        except KgError as e:
            fail(document.source_path, str(e))
        except Exception as e:  # noqa: BLE001 - one bad document must not stop the batch
            fail(document.source_path, f"extraction failed ({type(e).__name__}: {e})")
        if on_progress:
            on_progress(document.source_path)
    store.flush()
    report.seconds = time.perf_counter() - t0
    return report
