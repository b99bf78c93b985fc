"""Query results of pyoxigraph as `kg query` prints them, without rdflib (its import took
most of the command's start-up), and streamed: rows are written as they come, never all
held (a 690 k-row answer once took 1.46 GB).

SELECT and ASK as table, csv, tsv or SPARQL JSON; CONSTRUCT and DESCRIBE as Turtle (or
JSON-LD for `json`). xsd:string literals are written as plain literals (RDF 1.1 makes
them the same term).
"""

from __future__ import annotations

import codecs
import csv
import io
import json

import pyoxigraph as ox

from kg.graph.vocab import PREFIXES

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
TABLE_SAMPLE = 1000  # rows read before a table's column widths are fixed


def format_ox(result, fmt: str) -> str:
    """A query result (pyoxigraph) as one string; see `write_result`."""
    parts: list[str] = []
    write_result(result, fmt, parts.append)
    return "".join(parts)


def write_result(result, fmt: str, write, prefixes: dict[str, str] = PREFIXES) -> int:
    """Write an Oxigraph query result as table, csv, tsv or json (SELECT/ASK), Turtle or
    JSON-LD (CONSTRUCT/DESCRIBE), row by row; returns the number of rows or triples."""
    if isinstance(result, ox.QueryBoolean):
        write(json.dumps({"head": {}, "boolean": bool(result)}) + "\n" if fmt == "json"
              else ("true\n" if result else "false\n"))
        return 1
    if isinstance(result, ox.QueryTriples) or not hasattr(result, "variables"):  # (a server's: GraphTriples)
        return _write_triples(result, "json" if fmt == "json" else "turtle", write, prefixes)
    names = [v.value for v in result.variables]
    rows = (list(solution) for solution in result)
    if fmt == "json":
        return _write_json(names, rows, write)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(names)
        n = 0
        for r in rows:
            w.writerow(["" if v is None else v.value for v in r])
            n += 1
            if n % 256 == 0:
                write(buf.getvalue())
                buf.seek(0)
                buf.truncate()
        write(buf.getvalue())
        return n
    return _write_table(names, ([short(v, prefixes) for v in r] for r in rows), write)


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


def json_term(v) -> dict:
    """One term of SPARQL 1.1 Query Results JSON."""
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


def _write_json(names: list[str], rows, write) -> int:
    write(json.dumps({"head": {"vars": names}}, ensure_ascii=False)[:-1] + ', "results": {"bindings": [')
    n = 0
    for r in rows:
        one = {name: json_term(v) for name, v in zip(names, r) if v is not None}
        write(("" if n == 0 else ", ") + json.dumps(one, ensure_ascii=False))
        n += 1
    write("]}}\n")
    return n


def _write_table(names: list[str], rows, write, max_width: int = 60) -> int:
    cut = lambda c: c if len(c) <= max_width else c[: max_width - 1] + "…"  # noqa: E731
    sample: list[list[str]] = []
    for r in rows:
        sample.append([cut(c) for c in r])
        if len(sample) >= TABLE_SAMPLE:
            break
    widths = [max([len(n)] + [len(r[i]) for r in sample]) for i, n in enumerate(names)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip() + "\n"  # noqa: E731
    write(line(names) + line(["-" * w for w in widths]))
    n = 0
    for r in sample:
        write(line(r))
        n += 1
    for r in rows:
        write(line([cut(c) for c in r]))
        n += 1
    write(f"({n} row{'s' if n != 1 else ''})\n")
    return n


class _TextSink:
    """A binary writer (what Oxigraph's serialisers take) onto a text `write`, UTF-8 decoded
    incrementally so that a character split between two chunks stays whole."""

    def __init__(self, write) -> None:
        self._write, self.decoder = write, codecs.getincrementaldecoder("utf-8")()

    def write(self, data: bytes) -> int:
        self._write(self.decoder.decode(bytes(data)))
        return len(data)

    def flush(self) -> None:
        pass


def _write_triples(triples, syntax: str, write, prefixes: dict[str, str]) -> int:
    counted = [0]

    def count(it):
        for t in it:
            counted[0] += 1
            yield t

    fmt = ox.RdfFormat.JSON_LD if syntax == "json" else ox.RdfFormat.TURTLE
    sink = _TextSink(write)
    ox.serialize(count(triples), sink, fmt, prefixes=prefixes if syntax == "turtle" else None)
    write(sink.decoder.decode(b"", final=True) + ("\n" if syntax == "json" else ""))
    return counted[0]
