"""Arm phrases that name no arm: the sides of a comparison of measures, a generic word before a
treatment noun, the trial's condition; and an aim stated as the study's in the background.

Every sentence was written for these tests; each class is tried in two wordings and both layouts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_extraction_interventions import LAYOUTS, interventions

from kg.extract import arm_review, extract_all
from kg.extract.base import Fact
from kg.lexicon import Concept, load_lexicon
from kg.nlp import get_nlp
from kg.readers import read


def names(items: list[dict]) -> set[str]:
    return {i["drug"] for i in items if i["role"] == "study"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm, measures", [
    ("Patients with stable angina were allocated to guided relaxation training or usual care. We compared exercise "
     "tolerance with angina frequency at 8 weeks.", "guided relaxation training",
     {"exercise tolerance", "angina frequency"}),
    ("Schools were randomised to a handwashing game or usual lessons. Student's t-test was used to compare absent "
     "pupils with classmates present.", "handwashing game", {"absent pupils", "classmates present"}),
])
def test_a_comparison_of_measures_names_no_arm(tmp_path, layout, body, arm, measures):
    got = names(interventions(tmp_path, body, layout))
    assert arm in got
    assert not got & measures


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_sides_of_a_comparison_of_treatments_stay_arms(tmp_path, layout):
    body = "This trial compared hip protector garments with balance classes in care home residents."
    assert {"hip protector garments", "balance classes"} <= names(interventions(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm, generic", [
    ("After joint training of all teachers, schools were randomised to a handwashing game or usual lessons.",
     "handwashing game", "joint training"),
    ("Residents were assigned to supervised tooth brushing or usual care. Both groups had subsequent training.",
     "supervised tooth brushing", "subsequent training"),
])
def test_a_generic_word_before_a_treatment_noun_names_no_arm(tmp_path, layout, body, arm, generic):
    got = names(interventions(tmp_path, body, layout))
    assert arm in got
    assert generic not in got


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_word_of_its_own_between_keeps_the_arm(tmp_path, layout):
    body = "Nurses were randomised to basic life support training or to a printed leaflet."
    assert "basic life support training" in names(interventions(tmp_path, body, layout))


def _background(tmp_path: Path, sentence: str) -> set[str]:
    path = tmp_path / "paper.txt"
    path.write_text(f"Play at school: a cluster trial\n\nBackground\n\n{sentence}\n\nMethods\n\n"
                    "Schools took part for one term.\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    return {f.fields["drug"].label for f in facts if f.kind == "intervention"}


@pytest.mark.parametrize("sentence, arm", [
    ("The aim of the study was to investigate the effects of a painted playground intervention on break-time "
     "activity.", "painted playground intervention"),
    ("The purpose of the trial was to evaluate the effect of a lunchtime walking programme on pupils' fitness.",
     "lunchtime walking programme"),
])
def test_the_aim_of_the_study_in_the_background_names_its_arm(tmp_path, sentence, arm):
    assert arm in _background(tmp_path, sentence)


def test_the_aim_of_a_previous_study_names_no_arm(tmp_path):
    sentence = ("The aim of a previous study was to investigate the effects of a painted playground intervention "
                "on break-time activity.")
    assert "painted playground intervention" not in _background(tmp_path, sentence)


def _arm(label: str, dose: float | None = None) -> Fact:
    fields = {"drug": Concept(f"urn:x:{label}", "Drug", label, None, "arm"), "dose_value": dose, "role": "study"}
    return Fact("intervention", fields, [], "interventions", "arm.phrase", 0.7, surface=label)


@pytest.mark.parametrize("measured", [
    Fact("endpoint", {"name": "Sleep quality"}, [], "endpoints", "endpoint.declared", 0.8),
    Fact("trial", {"attribute": "condition", "value": Concept("urn:x:c", "Condition", "poor sleep quality", None,
                                                              "mesh")}, [], "trial", "trial.condition", 0.9),
])
def test_an_arm_phrase_naming_the_condition_or_an_endpoint_is_no_arm(measured):
    kept = arm_review.without_measures([measured, _arm("sleep quality"), _arm("sleep hygiene coaching"),
                                        _arm("sleep quality", dose=5.0)])
    arms = [(f.fields["drug"].label, f.fields["dose_value"]) for f in kept if f.kind == "intervention"]
    assert arms == [("sleep hygiene coaching", None), ("sleep quality", 5.0)]
    assert measured in kept
