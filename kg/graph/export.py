"""Export the graph: RDF in six syntaxes (Oxigraph's serialisers), or GraphML (networkx)."""

from __future__ import annotations

from typing import BinaryIO

from kg.graph.namespaces import PREFIXES
from kg.graph.store import GraphStore

# formats that keep named graphs, and those that merge them into one graph
_QUAD_FORMATS = {"nquads": "N_QUADS", "trig": "TRIG", "jsonld": "JSON_LD"}
_TRIPLE_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "xml": "RDF_XML"}


def export(store: GraphStore, fmt: str, out: BinaryIO) -> int:
    """Write the whole graph to `out`; returns the number of statements written."""
    import pyoxigraph as ox

    if fmt == "graphml":
        import networkx as nx

        from kg.graph.network import to_networkx

        g = to_networkx(store)
        nx.write_graphml(g, out)
        return g.number_of_edges()
    if fmt in _QUAD_FORMATS:
        store.ox.dump(out, getattr(ox.RdfFormat, _QUAD_FORMATS[fmt]), prefixes=PREFIXES)
        return len(store.ox)
    if fmt in _TRIPLE_FORMATS:
        triples = store.ox.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        data = triples.serialize(format=getattr(ox.RdfFormat, _TRIPLE_FORMATS[fmt]))
        out.write(data)
        return sum(1 for _ in store.ox.query("SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"))
    raise ValueError(f"unknown export format {fmt!r}")
