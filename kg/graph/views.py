"""Small read-only views of the store: a document's text, query results as text, statistics."""

from __future__ import annotations

import csv
import io
import json

from rdflib import XSD, BNode, Graph, Literal, URIRef

from kg.graph.build import doc_iri, graph_iri
from kg.graph.namespaces import KG, PREFIXES, sparql_prefixes
from kg.graph.results import _table
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


def format_result(result, fmt: str, store: GraphStore | None = None) -> str:
    """A query result as table, csv, tsv or json (SELECT/ASK); Turtle for CONSTRUCT/DESCRIBE."""
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) + "\n" if fmt == "json" \
            else ("true\n" if result.askAnswer else "false\n")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        g = Graph()
        for s, p, o in result.graph:
            g.add((s, p, _rdf11(o)))
        for p, ns in PREFIXES.items():
            g.bind(p, ns, override=True)
        return g.serialize(format="json-ld" if fmt == "json" else "turtle")
    names = [str(v) for v in result.vars]
    rows = [[_rdf11(row.get(v) if hasattr(row, "get") else row[i]) for i, v in enumerate(result.vars)]
            for row in result]
    if fmt == "json":
        return result_json(names, rows) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(names)
        for r in rows:
            w.writerow(["" if v is None else str(v) for v in r])
        return buf.getvalue()
    return _table(names, [[short(v) for v in r] for r in rows])


def _rdf11(term):
    """A simple literal as rdflib writes and reads it: oxrdflib hands back "x"^^xsd:string,
    which rdflib treats as another term than "x" (RDF 1.1 says they are the same)."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def result_json(names: list[str], rows: list[list]) -> str:
    """SPARQL 1.1 Query Results JSON."""
    def term(v):
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
    bindings = [{n: term(v) for n, v in zip(names, r) if v is not None} for r in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False)


_FACT_COUNTS = sparql_prefixes() + """
SELECT ?type (COUNT(DISTINCT ?f) AS ?n) WHERE {
  ?f kg:inDocument ?d ; a ?type .
  FILTER (?type IN (kg:TrialAttribute, kg:DoseRegimen, kg:Endpoint, kg:Result, kg:AdverseEvent,
                    kg:MechanismFinding, kg:Participant))
} GROUP BY ?type ORDER BY ?type
"""


def stats(store: GraphStore) -> dict:
    """Documents, triples and facts by kind (from the registry; by queries on an old store)."""
    pre = store.stats()
    if pre is not None:
        return pre
    facts = {short(r["type"]).split(":", 1)[1]: int(r["n"]) for r in store.select(_FACT_COUNTS)}
    return {"documents": len(store.documents()), "triples": store.triple_count(), "facts": facts}
