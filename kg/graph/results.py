"""SELECT and ASK results of pyoxigraph as `kg query` prints them (table, csv, tsv, json),
without rdflib: the same text as kg.graph.views.format_result gives for rdflib results,
for a command that otherwise spent most of its start-up importing rdflib."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox

from kg.graph.vocab import PREFIXES

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def format_ox(result, fmt: str) -> str:
    """An ASK or SELECT result (pyoxigraph) as text; see views.format_result."""
    if isinstance(result, ox.QueryBoolean):
        return json.dumps({"head": {}, "boolean": bool(result)}) + "\n" if fmt == "json" \
            else ("true\n" if result else "false\n")
    names = [v.value for v in result.variables]
    rows = [list(row) for row in result]
    if fmt == "json":
        return _json(names, rows) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(names)
        for r in rows:
            w.writerow(["" if v is None else v.value for v in r])
        return buf.getvalue()
    return _table(names, [[short(v) for v in r] for r in rows])


def short(term, prefixes: dict[str, str] = PREFIXES) -> str:
    """An IRI as a prefixed name where a known prefix fits; literals as their text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        s = term.value
        best = max(((p, ns) for p, ns in prefixes.items() if s.startswith(ns)), key=lambda x: len(x[1]),
                   default=None)
        return f"{best[0]}:{s[len(best[1]):]}" if best else f"<{s}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _json(names: list[str], rows: list[list]) -> str:
    """SPARQL 1.1 Query Results JSON (xsd:string literals without a datatype, as RDF 1.1 reads them)."""
    def term(v):
        if isinstance(v, ox.NamedNode):
            return {"type": "uri", "value": v.value}
        if isinstance(v, ox.BlankNode):
            return {"type": "bnode", "value": v.value}
        out = {"type": "literal", "value": v.value}
        if v.language:
            out["xml:lang"] = v.language
        elif v.datatype.value != _XSD_STRING:
            out["datatype"] = v.datatype.value
        return out
    bindings = [{n: term(v) for n, v in zip(names, r) if v is not None} for r in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False)


def _table(names: list[str], rows: list[list[str]], max_width: int = 60) -> str:
    cut = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in r] for r in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cut]) for i, n in enumerate(names)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in cut]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
