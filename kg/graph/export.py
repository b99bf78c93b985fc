"""Export the graph: RDF in six syntaxes (Oxigraph's serialisers), or GraphML (networkx).

N-Triples, N-Quads, Turtle, TriG and JSON-LD escape every character, so any text goes out
and comes back unchanged. XML 1.0 (RDF/XML, GraphML) cannot hold most control characters
(a form feed from a PDF's page break, NUL...) even escaped: each is written as U+FFFD, one
character for one, so offsets into a document's text still hold in the export; a carriage
return is written as `&#13;` so that the XML parser keeps it.
"""

from __future__ import annotations

import re
from typing import BinaryIO

from kg.graph.namespaces import PREFIXES
from kg.graph.store import GraphStore

# formats that keep named graphs, and those that merge them into one graph
_QUAD_FORMATS = {"nquads": "N_QUADS", "trig": "TRIG", "jsonld": "JSON_LD"}
_TRIPLE_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "xml": "RDF_XML"}
# Characters XML 1.0 does not allow, escaped or not.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


def xml_safe(text: str) -> str:
    """`text` with every character XML 1.0 forbids replaced by U+FFFD (same length)."""
    return XML_FORBIDDEN.sub(REPLACEMENT, text) if XML_FORBIDDEN.search(text) else text


def export(store: GraphStore, fmt: str, out: BinaryIO) -> int:
    """Write the whole graph to `out`; returns the number of statements written."""
    import pyoxigraph as ox

    if fmt == "graphml":
        import networkx as nx

        from kg.graph.network import to_networkx

        g = _xml_safe_graph(to_networkx(store))
        nx.write_graphml(g, out)
        return g.number_of_edges()
    if fmt in _QUAD_FORMATS:
        rdf_format = getattr(ox.RdfFormat, _QUAD_FORMATS[fmt])
        # the completed documents' graphs, the lexicon and the ontology: not the registry (kg's
        # bookkeeping) nor what a killed write left (pending or staging graphs)
        counted = [0]

        def quads():
            for g in store.data_graphs():
                for q in store.ox.quads_for_pattern(None, None, None, g):
                    counted[0] += 1
                    yield q

        ox.serialize(quads(), out, rdf_format, prefixes=PREFIXES)
        return counted[0]
    if fmt in _TRIPLE_FORMATS:
        query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
        triples = store.ox.query(query, **_named_only(store))
        if fmt == "xml":
            triples = (_xml_safe_triple(t) for t in triples)
            out = _EscapeCR(out)
        ox.serialize(triples, out, getattr(ox.RdfFormat, _TRIPLE_FORMATS[fmt]), prefixes=PREFIXES)
        return sum(1 for _ in store.ox.query("SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
                                             **_named_only(store)))
    raise ValueError(f"unknown export format {fmt!r}")


class _EscapeCR:
    """Writes carriage returns as `&#13;`: an XML parser turns a raw CR (or CR LF) into LF, so a
    text's CR would not come back, and its offsets would shift. A CR byte is never part of
    another UTF-8 character and never markup in Oxigraph's RDF/XML, so this is safe in chunks."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out

    def write(self, data: bytes) -> int:
        self.out.write(bytes(data).replace(b"\r", b"&#13;"))
        return len(data)

    def flush(self) -> None:
        if hasattr(self.out, "flush"):
            self.out.flush()


def _named_only(store: GraphStore) -> dict:
    """The dataset of `GRAPH ?g` in an export: the knowledge graph's named graphs (see `data_graphs`)."""
    return {"named_graphs": store.data_graphs()}


def _xml_safe_triple(t):
    import pyoxigraph as ox

    o = t.object
    if isinstance(o, ox.Literal) and XML_FORBIDDEN.search(o.value):
        o = ox.Literal(xml_safe(o.value), language=o.language,
                       datatype=None if o.language else o.datatype)
        return ox.Triple(t.subject, t.predicate, o)
    return t


def _xml_safe_graph(g):
    """The networkx graph with every string (ids, attribute names and values) XML-safe."""
    import networkx as nx

    fix = lambda v: xml_safe(v) if isinstance(v, str) else v  # noqa: E731
    if not any(XML_FORBIDDEN.search(str(v)) for _, d in g.nodes(data=True) for v in d.values()) and \
            not any(XML_FORBIDDEN.search(str(v)) for *_, d in g.edges(keys=True, data=True) for v in d.values()):
        return g
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(fix(n), **{fix(k): fix(v) for k, v in d.items()})
    for a, b, k, d in g.edges(keys=True, data=True):
        h.add_edge(fix(a), fix(b), key=k, **{fix(kk): fix(v) for kk, v in d.items()})
    return h
