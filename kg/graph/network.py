"""The graph as networkx: the full fact graph (for GraphML) and a concept graph (for paths).

Provenance internals (annotations, selectors, sections, activities) are left out: they
are the evidence of the edges, not nodes a user walks through.
"""

from __future__ import annotations

import networkx as nx

from kg.graph.namespaces import sparql_prefixes
from kg.graph.store import GraphStore
from kg.graph.views import short

_EDGES = sparql_prefixes() + """
SELECT DISTINCT ?s ?p ?o WHERE {
  GRAPH ?g { ?s ?p ?o . FILTER(isIRI(?o))
    FILTER(?p NOT IN (rdf:type, prov:wasDerivedFrom, prov:wasGeneratedBy, kg:hasSection, oa:hasBody,
                      oa:hasTarget, oa:hasSource, oa:hasSelector, prov:used, prov:wasAssociatedWith)) }
}
"""
_NODES = sparql_prefixes() + """
SELECT ?n (SAMPLE(?t) AS ?type) (SAMPLE(?l) AS ?label) WHERE {
  { GRAPH ?g { ?n a ?t . FILTER(?t IN (kg:Document, kg:Trial, kg:TrialAttribute, kg:DoseRegimen, kg:Endpoint,
      kg:Result, kg:AdverseEvent, kg:MechanismFinding, kg:Participant)) } }
  UNION { ?n a skos:Concept ; a ?t . FILTER(STRSTARTS(STR(?t), STR(kg:)) && ?t != kg:Concept) }
  OPTIONAL { ?n skos:prefLabel|dcterms:title|kg:name|kg:measure ?l }
} GROUP BY ?n
"""
_LITERALS = sparql_prefixes() + """
SELECT ?s ?p ?o WHERE {
  GRAPH ?g { ?s ?p ?o . FILTER(isLiteral(?o))
    ?s a ?t . FILTER(?t IN (kg:Trial, kg:DoseRegimen, kg:Endpoint, kg:Result, kg:AdverseEvent,
                           kg:MechanismFinding, kg:TrialAttribute, kg:Participant)) }
}
"""
_CONCEPT_LINKS = sparql_prefixes() + """
SELECT ?a ?rel ?b ?f WHERE {
  { ?f a kg:MechanismFinding ; kg:agent ?a ; kg:target ?b ; kg:relation ?rel . }
  UNION { ?f a kg:AdverseEvent ; kg:term ?b ; kg:ofTrial ?t . ?t kg:describedBy ?d .
          ?d2 a kg:DoseRegimen ; kg:ofTrial ?t ; kg:drug ?a ; kg:role "study" .
          FILTER NOT EXISTS { ?f kg:negated true } BIND("adverse event" AS ?rel) }
  UNION { ?f a kg:DoseRegimen ; kg:drug ?b ; kg:ofTrial ?a . BIND("tests" AS ?rel) }
  UNION { ?a kg:condition ?b . ?a a kg:Trial . BIND("studies" AS ?rel) BIND(?a AS ?f) }
}
"""


def to_networkx(store: GraphStore) -> nx.MultiDiGraph:
    """Facts, trials, documents and concepts as nodes; their IRI-valued properties as edges."""
    g = nx.MultiDiGraph()
    for r in store.select(_NODES):
        g.add_node(str(r["n"]), label=str(r.get("label") or short(r["n"])), kind=short(r["type"]))
    for r in store.select(_LITERALS):
        s = str(r["s"])
        if s in g:
            key = short(r["p"]).replace(":", "_")
            g.nodes[s][key] = str(r["o"]) if key not in g.nodes[s] else f"{g.nodes[s][key]}; {r['o']}"
    for r in store.select(_EDGES):
        s, o = str(r["s"]), str(r["o"])
        if s in g and o in g:
            g.add_edge(s, o, predicate=short(r["p"]))
    return g


def concept_graph(store: GraphStore) -> nx.MultiDiGraph:
    """Concepts and trials linked by what the facts say: agent→target, drug→AE term,
    trial→drug, trial→condition; each edge keeps the fact that supports it."""
    g = nx.MultiDiGraph()
    labels = {str(r["n"]): str(r.get("label") or short(r["n"])) for r in store.select(_NODES)}
    for r in store.select(_CONCEPT_LINKS):
        a, b = str(r["a"]), str(r["b"])
        for n in (a, b):
            g.add_node(n, label=labels.get(n, short(r["a"] if n == a else r["b"])))
        g.add_edge(a, b, relation=str(r["rel"]), fact=str(r["f"]))
    return g
