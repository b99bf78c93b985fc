"""Small read-only views of the store: a document's text, terms as text, statistics.

Query results are written by kg.graph.results (without rdflib), re-exported here."""

from __future__ import annotations

import json

from rdflib import XSD, BNode, Literal, URIRef

from kg.graph.facts import document_text  # noqa: F401 - re-exported (kg text reads it without rdflib)
from kg.graph.namespaces import PREFIXES, sparql_prefixes
from kg.graph.results import TABLE_SAMPLE, write_result  # noqa: F401 - re-exported (kg query streams)
from kg.graph.store import GraphStore


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


def sources(store: GraphStore) -> dict[str, str]:
    """Each stored document's id and the file it was read from (its absolute path where stored)."""
    return store.document_sources()


def stats(store: GraphStore) -> dict:
    """Documents, triples and facts by kind (from the registry; by queries on an old store),
    and which file each document was read from."""
    pre = store.stats()
    if pre is not None:
        return pre
    facts = {short(r["type"]).split(":", 1)[1]: int(r["n"]) for r in store.select(_FACT_COUNTS)}
    return {"documents": len(store.documents()), "triples": store.triple_count(), "facts": facts,
            "sources": store.document_sources()}
