"""kg's IRIs as plain strings, without rdflib: what the store and the read paths of
`kg facts`, `kg stats` and `kg query` need (importing rdflib costs them more than their work).

`kg.graph.namespaces` builds rdflib namespaces over the same strings.
"""

from __future__ import annotations

import re

from kg.identity import id_of_segment, iri_segment

BASE = "https://w3id.org/kg-trials/"
KG_NS = BASE + "ontology#"
KGC_NS = BASE + "concept/"
KGD_NS = BASE + "data/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "kgc": KGC_NS,
    "kgd": KGD_NS,
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "obo": "http://purl.obolibrary.org/obo/",
    "sh": "http://www.w3.org/ns/shacl#",
}

def sparql_prefixes() -> str:
    """The PREFIX lines every kg query may rely on."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def slug(s: str) -> str:
    """A name (a rule, a registry id, an acronym) as it appears in IRIs."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", s).strip("-") or "x"


def graph_iri(doc_id: str) -> str:
    """A document's named graph: its id as an IRI path (kg.identity.iri_segment, one-to-one)."""
    return f"{KGD_NS}graph/{iri_segment(doc_id)}"


def doc_iri(doc_id: str) -> str:
    return f"{KGD_NS}doc/{iri_segment(doc_id)}"


def doc_id_of_graph(graph: str) -> str:
    """The document id a graph IRI names (the inverse of graph_iri)."""
    return id_of_segment(graph[len(KGD_NS) + len("graph/"):])
