"""A query's result as the TUI holds it, and its export to CSV, JSON and Turtle.

SELECT results are written as CSV (header + values), SPARQL 1.1 Query Results JSON, and
Turtle in the W3C result-set vocabulary (rs:); CONSTRUCT/DESCRIBE graphs as s,p,o CSV,
JSON-LD and Turtle; ASK as a one-cell table, JSON boolean and rs:boolean.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.graph.namespaces import PREFIXES

FORMATS = {"csv": ".csv", "json": ".json", "turtle": ".ttl"}
RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"


@dataclass
class QueryResult:
    """What a query returned: SELECT rows, an ASK answer or a graph; `truncated` if rows were cut."""

    kind: str  # SELECT, ASK, CONSTRUCT, DESCRIBE
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    ask: bool | None = None
    graph: Any = None  # rdflib.Graph for CONSTRUCT/DESCRIBE
    truncated: bool = False

    def first_per(self, column: str) -> QueryResult:
        """The SELECT result with only the first row of each value of `column` (unchanged
        when it has no such column)."""
        if self.kind != "SELECT" or column not in self.vars:
            return self
        i, seen, rows = self.vars.index(column), set(), []
        for row in self.rows:
            if row[i] is None or row[i] not in seen:
                seen.add(row[i])
                rows.append(row)
        return QueryResult(self.kind, self.vars, rows, truncated=self.truncated)

    def first_values(self, column: str, n: int) -> tuple[QueryResult, bool]:
        """The rows of the first `n` distinct values of `column`, and whether there were more
        (a page asked for one value more than it shows: see tui.ask.PAGE)."""
        if self.kind != "SELECT" or column not in self.vars:
            return self, False
        i, seen, rows = self.vars.index(column), set(), []
        for row in self.rows:
            if row[i] not in seen:
                if len(seen) == n:
                    return QueryResult(self.kind, self.vars, rows, truncated=self.truncated), True
                seen.add(row[i])
            rows.append(row)
        return self, False

    def table(self) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows to show, whatever the kind."""
        if self.kind == "ASK":
            return ["answer"], [(str(bool(self.ask)).lower(),)]
        if self.graph is not None:
            return ["subject", "predicate", "object"], [tuple(t) for t in self.graph]
        return self.vars, self.rows


def to_csv(res: QueryResult) -> str:
    names, rows = res.table()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(names)
    for r in rows:
        w.writerow(["" if v is None else str(v) for v in r])
    return buf.getvalue()


def to_json(res: QueryResult) -> str:
    from kg.graph.views import result_json

    if res.kind == "ASK":
        return json.dumps({"head": {}, "boolean": bool(res.ask)}) + "\n"
    if res.graph is not None:
        return _bound(res.graph).serialize(format="json-ld")
    return result_json(res.vars, [list(r) for r in res.rows]) + "\n"


def to_turtle(res: QueryResult) -> str:
    from rdflib import RDF, BNode, Graph, Literal, Namespace

    if res.graph is not None:
        return _bound(res.graph).serialize(format="turtle")
    rs = Namespace(RS)
    g = Graph()
    g.bind("rs", rs)
    top = BNode()
    g.add((top, RDF.type, rs.ResultSet))
    if res.kind == "ASK":
        g.add((top, rs.boolean, Literal(bool(res.ask))))
    for v in res.vars:
        g.add((top, rs.resultVariable, Literal(v)))
    for i, row in enumerate(res.rows, 1):
        sol = BNode()
        g.add((top, rs.solution, sol))
        g.add((sol, rs["index"], Literal(i)))
        for v, value in zip(res.vars, row):
            if value is None:
                continue
            b = BNode()
            g.add((sol, rs.binding, b))
            g.add((b, rs.variable, Literal(v)))
            g.add((b, rs.value, value))
    return _bound(g).serialize(format="turtle")


def _bound(g):
    for p, ns in PREFIXES.items():
        g.bind(p, ns, override=True)
    return g


WRITERS = {"csv": to_csv, "json": to_json, "turtle": to_turtle}


def default_path(fmt: str, stem: str = "kg-result") -> Path:
    """A file name in the current directory for a format."""
    return Path(stem + FORMATS[fmt])


def export(res: QueryResult, fmt: str, path: str | Path) -> Path:
    """Write the result to `path` in `fmt` (csv, json, turtle); returns the path written."""
    path = Path(path).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(WRITERS[fmt](res), encoding="utf-8")
    return path
