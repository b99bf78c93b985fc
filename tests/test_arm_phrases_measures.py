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


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("The intervention group attended weekly Otago balance classes for six months. Controls received a leaflet.",
     "otago balance classes"),
    ("The experimental group attended weekly tango lessons; the control group kept their usual routine.",
     "tango lessons"),
])
def test_a_rhythm_before_what_the_intervention_group_attended_keeps_the_arm(tmp_path, layout, body, arm):
    assert arm in names(interventions(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("The intervention group underwent a nocturnal noise reduction protocol with earplugs, while the control group "
     "received usual care.", "nocturnal noise reduction protocol"),
    ("Ventilated adults were randomised to an early mobilisation protocol or usual care.",
     "early mobilisation protocol"),
])
def test_a_protocol_of_care_named_by_its_own_words_is_an_arm(tmp_path, layout, body, arm):
    assert arm in names(interventions(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_study_protocol_is_no_arm(tmp_path, layout):
    body = "Patients were randomised to chair yoga or usual care, as set out in the study protocol."
    got = names(interventions(tmp_path, body, layout))
    assert "chair yoga" in got
    assert not any("protocol" in n for n in got)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Stroke survivors were randomised to a home-based walking programme supported by weekly telephone calls or "
     "usual care.", "home-based walking programme"),
    ("Carers were allocated to a relaxation course taught by nurses or to an information leaflet.",
     "relaxation course"),
])
def test_a_participle_ends_the_arm_name(tmp_path, layout, body, arm):
    got = names(interventions(tmp_path, body, layout))
    assert arm in got
    assert not any(n.startswith(arm + " ") for n in got)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm, taken", [
    ("Adults starting antiretroviral therapy were randomly assigned to weekly SMS reminders or standard care.",
     "sms reminders", "antiretroviral therapy"),
    ("Skills were assessed before and after hands-on training. Students were randomised to video feedback or "
     "written feedback.", "video feedback", "hands-on training"),
])
def test_what_the_population_starts_or_a_timepoint_names_no_arm(tmp_path, layout, body, arm, taken):
    got = names(interventions(tmp_path, body, layout))
    assert arm in got
    assert taken not in got


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm, base", [
    ("Randomised trial comparing the health check programme only with the health check programme plus telephone "
     "lifestyle coaching.", "telephone lifestyle coaching", "health check programme"),
    ("A trial comparing a falls prevention programme alone with a falls prevention programme plus home hazard "
     "assessment in older people.", "home hazard assessment", "falls prevention programme"),
])
def test_what_both_sides_of_a_comparison_share_is_no_arm_alone(tmp_path, layout, body, arm, base):
    got = names(interventions(tmp_path, body, layout))
    assert base not in got  # alone, it is what every arm has
    assert any(n.startswith(base) and n.endswith(arm) for n in got)  # 'A plus B' is the arm


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm, contents", [
    ("Adults were randomized to 1 of 3 groups: an investigational booster vaccine (additionally containing tetanus "
     "toxoid and diphtheria toxoid), a licensed booster, or a control vaccine.", "investigational booster vaccine",
     {"tetanus toxoid", "diphtheria toxoid"}),
    ("Infants were randomised to a fortified porridge (containing zinc sulfate and ferrous fumarate) or plain "
     "porridge.", "fortified porridge", {"zinc sulfate", "ferrous fumarate"}),
])
def test_what_a_bracket_says_a_product_contains_is_no_arm(tmp_path, layout, body, arm, contents):
    got = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert not got & contents


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm, population", [
    ("Children with asthma were allocated to a school-based asthma education programme or usual care. The asthma "
     "group had fewer absences.", "school-based asthma education programme", "asthma"),
    ("Adults with chronic heart failure were randomised to a heart failure exercise programme or usual care. The "
     "heart failure group was compared with healthy controls.", "heart failure exercise programme", "heart failure"),
])
def test_a_condition_that_qualifies_a_treatment_noun_keeps_the_arm(tmp_path, layout, body, arm, population):
    got = names(interventions(tmp_path, body, layout))
    assert arm in got
    assert population not in got
