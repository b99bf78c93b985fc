"""Running a query for a worker: rows are pulled one by one so that a cancel stops it."""

from __future__ import annotations

from collections.abc import Callable

from kg.errors import QueryError
from kg.graph.store import GraphStore
from tui.export import QueryResult

ROW_LIMIT = 100_000


def execute(store: GraphStore, sparql: str, cancelled: Callable[[], bool],
            limit: int = ROW_LIMIT) -> QueryResult | None:
    """The result of `sparql`, or None if `cancelled()` turned true while reading rows.

    rdflib SELECT results are lazy (oxrdflib yields Oxigraph's solutions one at a time),
    so the rows are read here, checking `cancelled` between them. Raises QueryError.
    """
    res = store.query(sparql)
    if res.type == "ASK":
        return QueryResult("ASK", ask=bool(res.askAnswer))
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(res.type, graph=res.graph)
    out = QueryResult("SELECT", vars=[str(v) for v in res.vars])
    rows = iter(res)
    try:
        for row in rows:
            if cancelled():
                return None
            out.rows.append(tuple(row))
            if len(out.rows) >= limit:
                out.truncated = True
                break
    except QueryError:
        raise
    except Exception as e:  # noqa: BLE001 - an evaluation error from the engine, shown to the user
        raise QueryError(f"SPARQL error: {str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__}",
                         query=sparql) from None
    finally:
        _release(res, rows)
    return out


def _release(res, rows) -> None:
    """Drop Oxigraph's solution iterator on this thread: pyoxigraph's QuerySolutions may not be
    freed from another thread, and a cancelled query would otherwise leave it to the collector."""
    for gen in (rows, getattr(res, "_genbindings", None)):
        close = getattr(gen, "close", None)
        if close is not None:
            close()
    res._genbindings = None


def describe(res: QueryResult) -> str:
    """'12 rows', 'true', '40 triples' for a status line."""
    if res.kind == "ASK":
        return f"answer: {str(bool(res.ask)).lower()}"
    if res.graph is not None:
        return f"{len(res.graph)} triples"
    n = len(res.rows)
    more = f" (stopped at {ROW_LIMIT:,})" if res.truncated else ""
    return f"{n:,} row{'s' if n != 1 else ''}{more}"
