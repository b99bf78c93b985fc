"""Small read-only views of the store: a document's text, query results written as they come, statistics."""

from __future__ import annotations

import csv
import io
import json

from rdflib import XSD, BNode, Literal, URIRef

from kg.graph.build import doc_iri, graph_iri
from kg.graph.namespaces import KG, PREFIXES, sparql_prefixes
from kg.graph.store import GraphStore


def document_text(store: GraphStore, doc_id: str) -> str | None:
    """The text that a document's evidence offsets index, as stored in its graph."""
    q = f"SELECT ?t WHERE {{ GRAPH <{graph_iri(doc_id)}> {{ <{doc_iri(doc_id)}> <{KG.text}> ?t }} }}"
    rows = store.select(q)
    return str(rows[0]["t"]) if rows else None


def short(term, prefixes: dict[str, str] = PREFIXES) -> str:
    """An IRI as a prefixed name where a known prefix fits; literals as their text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        s = str(term)
        best = max(((p, ns) for p, ns in prefixes.items() if s.startswith(ns)), key=lambda x: len(x[1]),
                   default=None)
        return f"{best[0]}:{s[len(best[1]):]}" if best else f"<{s}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _rdf11(term):
    """A simple literal as rdflib writes and reads it: oxrdflib hands back "x"^^xsd:string,
    which rdflib treats as another term than "x" (RDF 1.1 says they are the same)."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def result_json(names: list[str], rows: list[list]) -> str:
    """SPARQL 1.1 Query Results JSON."""
    bindings = [{n: _json_term(v) for n, v in zip(names, r) if v is not None} for r in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False)


def _json_term(v) -> dict:
    if isinstance(v, URIRef):
        return {"type": "uri", "value": str(v)}
    if isinstance(v, BNode):
        return {"type": "bnode", "value": str(v)}
    out = {"type": "literal", "value": str(v)}
    if isinstance(v, Literal) and v.language:
        out["xml:lang"] = v.language
    elif isinstance(v, Literal) and v.datatype:
        out["datatype"] = str(v.datatype)
    return out


_FACT_COUNTS = sparql_prefixes() + """
SELECT ?type (COUNT(DISTINCT ?f) AS ?n) WHERE {
  ?f kg:inDocument ?d ; a ?type .
  FILTER (?type IN (kg:TrialAttribute, kg:DoseRegimen, kg:Endpoint, kg:Result, kg:AdverseEvent,
                    kg:MechanismFinding, kg:Participant))
} GROUP BY ?type ORDER BY ?type
"""


_SOURCES = (f"SELECT ?g ?id ?file ?path WHERE {{ GRAPH ?g {{ ?d a <{KG.Document}> ; <{KG.sourceFile}> ?file . "
            f"OPTIONAL {{ ?d <http://purl.org/dc/terms/identifier> ?id }} "
            f"OPTIONAL {{ ?d <{KG.sourcePath}> ?path }} }} }}")


def sources(store: GraphStore) -> dict[str, str]:
    """Each stored document's id and the file it was read from (its absolute path where stored)."""
    out = {}
    for r in store.ox.query(_SOURCES, **store.query_options(_SOURCES)):
        doc = r["id"].value if r["id"] is not None else r["file"].value.split(".")[0]
        out[doc] = r["path"].value if r["path"] is not None else r["file"].value
    return dict(sorted(out.items()))


def stats(store: GraphStore) -> dict:
    """Documents, triples and facts by kind, and which file each document was read from."""
    facts = {short(r["type"]).split(":", 1)[1]: int(r["n"]) for r in store.select(_FACT_COUNTS)}
    return {"documents": len(store.documents()), "triples": store.triple_count(), "facts": facts,
            "sources": sources(store)}


# -- streaming query results (kg query): rows are written as they come, never all held ----------
TABLE_SAMPLE = 1000  # rows read before a table's column widths are fixed


def write_result(result, fmt: str, write, prefixes: dict[str, str] = PREFIXES) -> int:
    """Write an Oxigraph query result as table, csv, tsv or json (SELECT/ASK), Turtle or
    JSON-LD (CONSTRUCT/DESCRIBE), row by row; returns the number of rows or triples."""
    import pyoxigraph as ox
    from oxrdflib._converter import from_ox

    if isinstance(result, ox.QueryBoolean):
        write(json.dumps({"head": {}, "boolean": bool(result)}) + "\n" if fmt == "json"
              else ("true\n" if result else "false\n"))
        return 1
    if isinstance(result, ox.QueryTriples):
        return _write_triples(result, "json" if fmt == "json" else "turtle", write, prefixes)
    names = [v.value for v in result.variables]
    rows = ([_rdf11(from_ox(v)) if v is not None else None for v in solution] for solution in result)
    if fmt == "json":
        return _write_json(names, rows, write)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(names)
        n = 0
        for r in rows:
            w.writerow(["" if v is None else str(v) for v in r])
            n += 1
            if n % 256 == 0:
                write(buf.getvalue())
                buf.seek(0)
                buf.truncate()
        write(buf.getvalue())
        return n
    return _write_table(names, ([short(v) for v in r] for r in rows), write)


def _write_json(names: list[str], rows, write) -> int:
    write(json.dumps({"head": {"vars": names}}, ensure_ascii=False)[:-1] + ', "results": {"bindings": [')
    n = 0
    for r in rows:
        one = {name: _json_term(v) for name, v in zip(names, r) if v is not None}
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
        import codecs

        self._write, self._decoder, self.count = write, codecs.getincrementaldecoder("utf-8")(), 0

    def write(self, data: bytes) -> int:
        self._write(self._decoder.decode(bytes(data)))
        return len(data)

    def flush(self) -> None:
        pass


def _write_triples(triples, syntax: str, write, prefixes: dict[str, str]) -> int:
    import pyoxigraph as ox

    counted = [0]

    def count(it):
        for t in it:
            counted[0] += 1
            yield t

    fmt = ox.RdfFormat.JSON_LD if syntax == "json" else ox.RdfFormat.TURTLE
    sink = _TextSink(write)
    ox.serialize(count(triples), sink, fmt, prefixes=prefixes if syntax == "turtle" else None)
    write(sink._decoder.decode(b"", final=True) + ("\n" if syntax == "json" else ""))
    return counted[0]
