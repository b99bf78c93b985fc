"""`kg facts` writes its JSON by kg.cli.indented_json: the very text json.dumps(indent=1,
ensure_ascii=False) gives, for any JSON value, and json.dumps' own answer for anything else."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.cli import indented_json


def reference(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_any_json_value_is_written_as_json_dumps_writes_it(value):
    assert indented_json(value) == reference(value)


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"evidence": [], "trial": {}, "n": 0},
        {"quote": "a “curly” quote, é, \u2028, a tab\t, a control \x01 and a lone surrogate \ud800"},
        {"values": [0.1, -0.0, 1e300, 5e-324, 2.5, 10**40, -7], "flags": [True, False, None]},
        [[[]], [{}], [{"deep": [[{"x": "y"}]]}]],
    ],
)
def test_facts_shaped_values(value):
    assert indented_json(value) == reference(value)


class Count(int):
    pass


@pytest.mark.parametrize(
    "value",
    [
        {"ratio": float("nan")},
        {"upper": float("inf"), "lower": [float("-inf")]},
        {1: "a key that is not a string"},
        {"pair": (1, 2)},
        ("a", "tuple"),
        {"n": Count(3)},
        {"flag": [None, True, 1.5, {"k": Count(0)}]},
    ],
)
def test_what_json_dumps_converts_is_left_to_it(value):
    assert indented_json(value) == reference(value)


def test_kg_facts_prints_the_same_text_as_json_dumps(kg, corpus_store):
    from kg.graph.facts import facts_json
    from kg.graph.store import GraphStore

    with GraphStore(corpus_store.path, read_only=True) as store:
        data = facts_json(store)
    assert data["documents"]
    run = kg("--store", corpus_store.path, "facts")
    assert run.code == 0
    assert run.out == reference(data) + "\n"
