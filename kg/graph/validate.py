"""SHACL validation of the stored graph against `ontology/shapes.ttl` (pySHACL)."""

from __future__ import annotations

from kg.errors import StoreError
from kg.graph.store import GraphStore
from kg.lexicon import ONTOLOGY_DIR

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


def validate(store: GraphStore) -> tuple[bool, str]:
    """(conforms, report text) for the union of every graph in the store."""
    import pyoxigraph as ox
    from pyshacl import validate as shacl
    from rdflib import Graph

    if not SHAPES_FILE.exists():
        raise StoreError(f"{SHAPES_FILE}: no SHACL shapes to validate against")
    data = Graph()
    q = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
    # the knowledge graph's named graphs: no registry, pending or staging graph
    nt = store.ox.query(q, named_graphs=store.data_graphs()).serialize(format=ox.RdfFormat.N_TRIPLES)
    data.parse(data=nt.decode("utf-8"), format="nt")
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    conforms, _graph, text = shacl(data, shacl_graph=shapes, inference="none", advanced=True)
    summary = f"SHACL: {'conforms' if conforms else 'does not conform'} ({len(data)} triples checked)"
    return bool(conforms), summary if conforms else f"{summary}\n{text}"
