"""`kg export`: every format parses back and holds exactly what the store holds (but its registry)."""

from __future__ import annotations

import pytest
from conftest import graphs_by_name, kg_subprocess, union_graph
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

TRIPLE_FORMATS = {"turtle": "turtle", "nt": "nt", "xml": "xml"}  # kg's name -> rdflib's parser
QUAD_FORMATS = {"nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def store_quads(corpus_store):
    """Every quad of the store but the registry graph's: kg's bookkeeping (which graphs are
    complete), not part of the knowledge graph, so not exported."""
    from rdflib import URIRef

    from kg.graph.store import REGISTRY_GRAPH

    everything = corpus_store.quads()
    assert len(everything) == len(corpus_store.store.ox)
    quads = {q for q in everything if q[3] != URIRef(REGISTRY_GRAPH)}
    assert 0 < len(everything) - len(quads) < len(quads)  # the registry is there, and left out
    return quads


@pytest.fixture(scope="module")
def store_union(store_quads) -> Graph:
    return union_graph(store_quads)


@pytest.fixture(scope="module")
def store_graphs(store_quads) -> dict:
    graphs = graphs_by_name(store_quads)
    # one graph per corpus document, the lexicon and the ontology; nothing in the default graph
    assert None not in graphs
    assert len(graphs) >= 4
    return graphs


def assert_isomorphic(got: Graph, expected: Graph, what: str) -> None:
    assert len(got) == len(expected), f"{what}: {len(got)} triples, the store has {len(expected)}"
    if not isomorphic(got, expected):
        _both, extra, missing = graph_diff(got, expected)
        raise AssertionError(f"{what}: not isomorphic to the store: {len(extra)} triples not in the store "
                             f"(e.g. {sorted(extra)[:2]}), {len(missing)} missing (e.g. {sorted(missing)[:2]})")


@pytest.mark.parametrize("fmt", sorted(TRIPLE_FORMATS))
def test_triple_formats_are_the_union_graph(kg, corpus_location, store_union, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    run = kg("--store", corpus_location, "export", "--format", fmt, "-o", out)
    assert run.code == 0, run.err
    assert run.out == ""
    assert run.err.strip() == f"exported {len(store_union)} statements as {fmt} to {out}"
    assert_isomorphic(Graph().parse(out, format=TRIPLE_FORMATS[fmt]), store_union, fmt)


@pytest.mark.parametrize("fmt", sorted(QUAD_FORMATS))
def test_quad_formats_keep_every_named_graph(kg, corpus_location, store_quads, store_graphs, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    run = kg("--store", corpus_location, "export", "--format", fmt, "-o", out)
    assert run.code == 0, run.err
    assert run.err.strip() == f"exported {len(store_quads)} statements as {fmt} to {out}"
    ds = Dataset()
    ds.parse(out, format=QUAD_FORMATS[fmt])
    parsed = {g.identifier: g for g in ds.graphs() if len(g)}
    assert DATASET_DEFAULT_GRAPH_ID not in parsed, "triples outside any named graph"
    assert set(parsed) == set(store_graphs), set(parsed) ^ set(store_graphs)
    for name, g in store_graphs.items():
        assert_isomorphic(parsed[name], g, f"{fmt} graph {name}")


def test_graphml_matches_the_networkx_view(kg, corpus_store, tmp_path):
    import networkx as nx

    from kg.graph.network import to_networkx

    out = tmp_path / "graph.graphml"
    run = kg("--store", corpus_store.path, "export", "--format", "graphml", "-o", out)
    assert run.code == 0, run.err
    parsed = nx.read_graphml(out, force_multigraph=True)
    expected = to_networkx(corpus_store.store)
    assert parsed.number_of_nodes() == expected.number_of_nodes() > 0
    assert parsed.number_of_edges() == expected.number_of_edges() > 0
    assert set(parsed.nodes) == set(expected.nodes)
    assert sorted((s, o, d.get("predicate")) for s, o, d in parsed.edges(data=True)) == \
        sorted((s, o, d.get("predicate")) for s, o, d in expected.edges(data=True))
    docs = {n for n, d in parsed.nodes(data=True) if d.get("kind") == "kg:Document"}
    assert len(docs) == len(corpus_store.store.documents())


def test_export_to_stdout_is_the_same_as_to_a_file(kg, corpus_store, store_quads, tmp_path):
    """Without -o the bytes go to stdout (a real one: a child process) and the count to stderr."""
    out = tmp_path / "graph.nq"
    assert kg("--store", corpus_store.path, "export", "--format", "nquads", "-o", out).code == 0
    proc = kg_subprocess("--store", corpus_store.path, "export", "--format", "nquads")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == out.read_bytes()
    assert proc.stderr.decode().strip() == f"exported {len(store_quads)} statements as nquads"
