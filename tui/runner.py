"""Running a query for a worker: in a child process that cancel and quit can kill at once."""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.export import QueryResult
from tui.query_process import Cancelled, Progress, QueryFailed, QueryProcess, to_rdflib

ROW_LIMIT = 100_000


def execute(proc: QueryProcess, sparql: str, on_progress: Callable[[Progress], None] | None = None
            ) -> QueryResult | None:
    """The result of `sparql` run by `proc`, or None if it was cancelled. Raises QueryError."""
    from kg.graph.store import _query_error

    try:
        raw = proc.run(sparql, on_progress)
    except Cancelled:
        return None
    except QueryFailed as e:
        raise _query_error(e, sparql) from None
    if raw["kind"] == "ASK":
        return QueryResult("ASK", ask=bool(raw["ask"]))
    rows = [tuple(to_rdflib(t) for t in row) for row in raw["rows"]]
    if raw["kind"] == "CONSTRUCT":
        from rdflib import Graph

        g = Graph()
        for s, p, o in rows:
            g.add((s, p, o))
        return QueryResult(_form(sparql), graph=g, truncated=raw["truncated"])
    return QueryResult("SELECT", vars=raw["vars"], rows=rows, truncated=raw["truncated"])


def _form(sparql: str) -> str:
    """CONSTRUCT or DESCRIBE: the first query-form keyword outside comments and IRIs."""
    text = re.sub(r"#[^\n]*|<[^>\s]*>|\"[^\"]*\"", " ", sparql)
    m = re.search(r"\b(CONSTRUCT|DESCRIBE)\b", text, re.I)
    return m.group(1).upper() if m else "CONSTRUCT"


def describe(res: QueryResult) -> str:
    """'12 rows', 'true', '40 triples' for a status line."""
    if res.kind == "ASK":
        return f"answer: {str(bool(res.ask)).lower()}"
    if res.graph is not None:
        return f"{len(res.graph)} triples"
    n = len(res.rows)
    more = f" (stopped at {ROW_LIMIT:,})" if res.truncated else ""
    return f"{n:,} row{'s' if n != 1 else ''}{more}"
