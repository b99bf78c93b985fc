"""Queries the user writes run in a child process, so that cancel and quit stop them at once.

An Oxigraph query cannot be interrupted from another thread: a runaway query in a worker
thread went on after "cancel", slowed the UI and kept the interpreter from exiting. Here a
child process opens the store read-only and answers queries sent over a pipe, streaming
rows back in batches (the UI shows elapsed time and rows while it runs). Cancel kills the
child; the next query starts a fresh one. The child imports only pyoxigraph, kg's store
and this module (no rdflib, no Textual), so it starts in a fraction of a second. It reads
what `kg query` reads: completed graphs only, `FROM` honoured, `SERVICE` refused.

Terms cross the pipe as tuples: ("u", iri), ("b", id), ("l", text, datatype, language),
and are turned back into rdflib terms on the UI side.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

BATCH_ROWS = 500
BATCH_SECONDS = 0.1


@dataclass
class Progress:
    """What a running query has produced so far."""

    rows: int
    seconds: float


class Cancelled(Exception):
    """The query was cancelled (its process was killed)."""


# -- the child ------------------------------------------------------------------------------------
def _term(t: Any) -> tuple:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return ("u", t.value)
    if isinstance(t, ox.BlankNode):
        return ("b", t.value)
    if isinstance(t, ox.Literal):
        return ("l", t.value, t.datatype.value if t.datatype else None, t.language)
    return ("l", str(t), None, None)  # an RDF-star triple term: shown as text


class _Pipe:
    """Pickled messages over a pair of byte streams (the child's stdin and stdout)."""

    def __init__(self, reader, writer) -> None:
        self.reader, self.writer = reader, writer

    def send(self, obj) -> None:
        pickle.dump(obj, self.writer, protocol=pickle.HIGHEST_PROTOCOL)
        self.writer.flush()

    def recv(self):
        return pickle.load(self.reader)


def _serve(conn: _Pipe, store_path: str, prefixes: dict[str, str], row_limit: int) -> None:
    """The child's loop: one query in, its answer out in messages, until the pipe closes."""
    import pyoxigraph as ox

    from kg.errors import KgError
    from kg.graph.sparql import uses_service
    from kg.graph.store import GraphStore

    store = None
    while True:
        try:
            sparql = conn.recv()
        except (EOFError, OSError, pickle.UnpicklingError):
            return
        try:
            if store is None:
                store = GraphStore(store_path, read_only=True)
            if uses_service(sparql):  # a request to another server: not from the TUI
                conn.send(("error", "SERVICE (a request to another server) is not allowed here"))
                continue
            # the union of the completed graphs (no pending or staging graph), or the query's FROM
            res = store.ox.query(sparql, prefixes=prefixes, **store.query_options(sparql))
            if isinstance(res, ox.QueryBoolean):
                conn.send(("ask", bool(res)))
            elif isinstance(res, ox.QuerySolutions):
                names = [v.value for v in res.variables]
                conn.send(("vars", names))
                _stream(conn, ([None if s[n] is None else _term(s[n]) for n in names] for s in res), row_limit)
            else:
                conn.send(("graph", None))
                _stream(conn, ([_term(t.subject), _term(t.predicate), _term(t.object)] for t in res), row_limit)
        except (SyntaxError, ValueError, OSError, RuntimeError, KgError) as e:
            conn.send(("error", str(e) or type(e).__name__))


def _stream(conn, rows, row_limit: int) -> None:
    batch: list = []
    last = time.monotonic()
    n = 0
    for row in rows:
        batch.append(row)
        n += 1
        if n >= row_limit:
            conn.send(("rows", batch))
            conn.send(("done", True))
            return
        if len(batch) >= BATCH_ROWS or time.monotonic() - last > BATCH_SECONDS:
            conn.send(("rows", batch))
            batch, last = [], time.monotonic()
    conn.send(("rows", batch))
    conn.send(("done", False))


# -- the UI side ----------------------------------------------------------------------------------
class QueryProcess:
    """A killable child process answering SPARQL on a read-only store, one query at a time."""

    def __init__(self, store_path: str, prefixes: dict[str, str], row_limit: int) -> None:
        self.store_path, self.prefixes, self.row_limit = store_path, prefixes, row_limit
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self._conn: _Pipe | None = None
        self._cancelled = False

    def start(self) -> None:
        """Start the child now (it is also started on the first query)."""
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                # a fresh interpreter (no fork of a process that runs threads), talking over its stdio
                self._proc = subprocess.Popen([sys.executable, "-m", "tui.query_process"], stdin=subprocess.PIPE,
                                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
                self._conn = _Pipe(self._proc.stdout, self._proc.stdin)
                self._conn.send((self.store_path, self.prefixes, self.row_limit))

    def run(self, sparql: str, on_progress: Callable[[Progress], None] | None = None) -> dict:
        """Run one query; blocks (call from a worker thread). Returns {"kind", "vars", "rows",
        "ask", "truncated"} with rows of term tuples, or raises Cancelled or QueryFailed."""
        self.start()
        self._cancelled = False
        conn = self._conn
        t0 = time.monotonic()
        out: dict = {"kind": "SELECT", "vars": [], "rows": [], "ask": None, "truncated": False}
        try:
            conn.send(sparql)
            while True:
                tag, payload = conn.recv()
                if tag == "rows":
                    out["rows"].extend(payload)
                    if on_progress:
                        on_progress(Progress(len(out["rows"]), time.monotonic() - t0))
                elif tag == "vars":
                    out["vars"] = payload
                elif tag == "graph":
                    out["kind"] = "CONSTRUCT"
                elif tag == "ask":
                    out.update(kind="ASK", ask=payload)
                    return out
                elif tag == "done":
                    out["truncated"] = payload
                    return out
                elif tag == "error":
                    raise QueryFailed(payload)
        except (EOFError, OSError, ValueError, pickle.UnpicklingError):
            if self._cancelled:
                raise Cancelled() from None
            raise QueryFailed("the query process stopped unexpectedly") from None

    def cancel(self) -> None:
        """Kill the child: the query stops now; the next one starts a new child."""
        self._cancelled = True
        self.close()

    def close(self, wait: bool = True) -> None:
        """Kill the child; `wait=False` (quitting) does not wait for the system to reap it."""
        with self._lock:
            proc, self._proc, self._conn = self._proc, None, None
        if proc is not None:
            if proc.poll() is None:
                proc.kill()
            if not wait:  # (closing the pipe would wait for a worker thread still reading it)
                return
            proc.wait(timeout=5)
            for stream in (proc.stdin, proc.stdout):
                try:
                    stream.close()
                except OSError:
                    pass


class QueryFailed(Exception):
    """The engine refused or failed the query; the message is the engine's."""


def to_rdflib(t: tuple | None):
    """A term tuple from the child as an rdflib term."""
    from rdflib import BNode, Literal, URIRef

    if t is None:
        return None
    if t[0] == "u":
        return URIRef(t[1])
    if t[0] == "b":
        return BNode(t[1])
    _, text, datatype, lang = t
    return Literal(text, lang=lang, datatype=URIRef(datatype) if datatype and not lang else None)


def main() -> None:
    """The child: read the set-up, then serve queries until the parent closes the pipe."""
    conn = _Pipe(sys.stdin.buffer, sys.stdout.buffer)
    sys.stdout = sys.stderr  # nothing else may write to the message stream
    try:
        store_path, prefixes, row_limit = conn.recv()
    except (EOFError, pickle.UnpicklingError):
        return
    _serve(conn, store_path, prefixes, row_limit)


if __name__ == "__main__":
    main()
