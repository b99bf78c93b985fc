"""The rdflib-free tables of kg.graph.schema name only terms kg's ontology declares, and
kg.graph.build writes by the same tables."""

from __future__ import annotations

from rdflib import URIRef

from kg.graph import build, schema
from kg.graph.namespaces import KG


def _iris() -> list[str]:
    out = list(schema.FACT_CLASS.values()) + list(schema.TRIAL_DIRECT.values())
    out += [pred for spec in schema.FIELDS.values() for pred, _t in spec.values()]
    return out


def test_every_kg_iri_of_the_tables_is_declared_in_KG():
    ns = str(KG._NS)
    kg_terms = [i for i in _iris() if i.startswith(ns)]
    assert len(kg_terms) > 40
    declared = set(KG.__annotations__)
    assert [i for i in kg_terms if i[len(ns):] not in declared] == []


def test_build_uses_the_same_tables_as_rdflib_iris():
    assert {k: str(v) for k, v in build.FACT_CLASS.items()} == schema.FACT_CLASS
    assert all(isinstance(p, URIRef) for spec in build.FIELDS.values() for p, _t in spec.values())
    assert {k: {n: (str(p), t) for n, (p, t) in spec.items()} for k, spec in build.FIELDS.items()} == schema.FIELDS


def test_nquads_from_triples_are_what_pyoxigraph_serialises():
    """kg.graph.writes.as_nquads writes each term's N-Triples form once; the bytes must be the
    serializer's, escapes included, whatever a literal holds."""
    import pyoxigraph as ox

    from kg.graph.writes import as_nquads

    s, p = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    objects = [ox.Literal('a "quoted" back\\slash'), ox.Literal("two\nlines\r\tand a bell \x07 \x7f"),
               ox.Literal("µg/kg ≥ 5 — naïve 😀", language="en"),
               ox.Literal("1.50", datatype=ox.NamedNode(xsd + "decimal")),
               ox.Literal("", datatype=ox.NamedNode(xsd + "string")), ox.NamedNode("https://example.org/o%20x?a=b#c"),
               ox.Literal("tab\there", language="en-gb"), s]
    triples = [(s, p, o) for o in objects] + [(o, p, s) for o in objects if isinstance(o, ox.NamedNode)]
    graph = "https://example.org/graph/1"
    expected = ox.serialize([ox.Quad(a, b, c, ox.NamedNode(graph)) for a, b, c in triples], format=ox.RdfFormat.N_QUADS)
    assert as_nquads(graph, triples) == expected
    assert as_nquads(graph, []) == b""
