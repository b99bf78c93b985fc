"""The accuracy floor: dev, dev2 and corpus F1 must not fall below bench/accuracy_floor.json.

Runs bench/accuracy.py's scoring (../shared/eval/score.py) on ../shared/dev, bench/dev2 and corpus/;
skipped when ../shared is not beside the repository (set KG_SHARED to point at it). Raise
the floors in bench/accuracy_floor.json as the extractors improve.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _accuracy():
    spec = importlib.util.spec_from_file_location("kg_bench_accuracy", ROOT / "bench" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


accuracy = _accuracy()
FLOORS = json.loads(accuracy.FLOOR_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def measured() -> dict[str, dict]:
    shared = accuracy.shared_dir()
    if shared is None:
        pytest.skip("../shared (the scorer and the dev set) is not beside the repository; set KG_SHARED")
    return accuracy.measure(shared)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_micro_f1_at_or_above_floor(measured, name):
    got = measured[name]["micro"]["f1"]
    assert got >= FLOORS[name]["micro_f1"], f"{name} micro-F1 {got} fell below the floor {FLOORS[name]['micro_f1']}"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_category_f1_at_or_above_floor(measured, name):
    below = {cat: (measured[name]["categories"][cat]["f1"], floor)
             for cat, floor in FLOORS[name].get("categories", {}).items()
             if measured[name]["categories"][cat]["f1"] < floor}
    assert not below, f"{name}: categories below their floor (measured, floor): {below}"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_every_evidence_span_is_exact(measured, name):
    prov = measured[name]["provenance"]
    assert prov["checked"] > 0 and prov["exact"] == prov["checked"], prov
