"""The concepts' labels in the facts JSON: read from each concept's distinct label and notation
over the named graphs (kg.graph.facts._concepts_by_values), the same answer as the scans of
every restatement, including for a concept two documents label differently."""

from __future__ import annotations

import pyoxigraph as ox

from kg.graph.facts import _LABEL, _NOTATION, _concepts_by_scans, _concepts_by_values

C = "https://w3id.org/kg-trials/concept/"


def store_of(statements: list[tuple[str, ox.NamedNode, str, str | None]]) -> ox.Store:
    """An in-memory store of (concept, predicate, value, graph or None for the default graph) quads."""
    store = ox.Store()
    for concept, pred, value, graph in statements:
        g = ox.NamedNode(graph) if graph else ox.DefaultGraph()
        store.add(ox.Quad(ox.NamedNode(C + concept), pred, ox.Literal(value), g))
    return store


def graph(n: int) -> str:
    return f"https://w3id.org/kg-trials/data/graph/doc{n}"


def test_a_concept_restated_by_many_documents_has_its_one_label_and_notation():
    store = store_of(
        [
            (stmt, pred, value, graph(n))
            for n in range(30)
            for stmt, pred, value in [
                ("aspirin", _LABEL, "aspirin"),
                ("aspirin", _NOTATION, "CHEBI:15365"),
                ("nausea", _LABEL, "nausea"),
            ]
        ]
    )
    iris = {C + "aspirin", C + "nausea", C + "unknown"}
    got = _concepts_by_values(store, iris)
    assert got == {C + "aspirin": ("aspirin", "CHEBI:15365"), C + "nausea": ("nausea", None)}
    assert got == _concepts_by_scans(store, iris)


def test_two_labels_or_two_notations_are_read_as_the_scans_read_them():
    store = store_of(
        [
            ("fatigue", _LABEL, "fatigue", graph(1)),
            ("fatigue", _LABEL, "tiredness", graph(2)),
            ("fever", _LABEL, "fever", graph(1)),
            ("fever", _NOTATION, "HP:0001945", graph(1)),
            ("fever", _NOTATION, "MEDDRA:10016558", graph(2)),
            ("rash", _LABEL, "rash", graph(3)),
        ]
    )
    iris = {C + "fatigue", C + "fever", C + "rash"}
    got = _concepts_by_values(store, iris)
    assert got == _concepts_by_scans(store, iris)
    assert got[C + "fatigue"][0] in ("fatigue", "tiredness")
    assert got[C + "fever"][1] in ("HP:0001945", "MEDDRA:10016558")
    assert got[C + "rash"] == ("rash", None)


def test_labels_in_the_default_graph_are_not_the_documents():
    store = store_of(
        [("cough", _LABEL, "coughing", None), ("cough", _LABEL, "cough", graph(1)), ("wheeze", _LABEL, "wheeze", None)]
    )
    got = _concepts_by_values(store, {C + "cough", C + "wheeze"})
    assert got == {C + "cough": ("cough", None)}
    assert got == _concepts_by_scans(store, {C + "cough", C + "wheeze"})
