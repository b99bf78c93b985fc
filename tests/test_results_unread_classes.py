"""Classes of result statements kg read nothing from (session 25): a signed change alone in a
bracket after its measure, a change denied with a verb of causing or showing before it, a
measure stated unaffected, and two values each followed by a bracket naming its group. Every
sentence here was written for these tests, each class in two phrasings at least, with negatives."""

from __future__ import annotations

import pytest

from kg.extract.results import read_sentence


def found(sentence: str) -> list[tuple[str, str, str | None]]:
    """(measure, value, comparator) of each finding where the paper reports its findings."""
    return [(f.measure, f.value, f.extra.get("comparator_text") or f.comparator)
            for f in read_sentence(sentence, reports=True)]


# -- a signed change alone in a bracket after its measure -----------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Both doses of the study drug gave reductions from baseline in serum urate (-0.6 to -0.9 mg/dl) "
     "and waist circumference (-2.0 to -3.4 cm) by month 6.",
     [("serum urate", "-0.6 to -0.9 mg/dl"), ("waist circumference", "-2.0 to -3.4 cm")]),
    ("Patients taking the herbal extract had improvements in stiffness (-1.4 points) and grip strength "
     "(+3.2 kg).",
     [("stiffness", "-1.4 points"), ("grip strength", "+3.2 kg")]),
    ("The supplement lowered resting heart rate (−4 beats/min) compared with the control drink.",
     [("resting heart rate", "−4 beats/min")]),
])
def test_signed_change_in_a_bracket_after_its_measure(sentence, expected):
    got = [(m, v) for m, v, _ in found(sentence) if any(c.isdigit() for c in v)]
    assert got == expected


@pytest.mark.parametrize("sentence", [
    "The active (−0.52) and sham (−0.49) groups both showed no change in mobility.",
    "The freezer was kept at a constant temperature (-20 °C) throughout the storage period.",
])
def test_a_bracket_after_a_group_or_without_a_change_is_no_change_of_a_measure(sentence):
    assert not [v for _, v, _ in found(sentence) if any(c.isdigit() for c in v)]


# -- a change denied with a verb of causing or showing before it ----------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("The lotion did not lead to any change in itch intensity or sleep loss.",
     [("itch intensity", "no change"), ("sleep loss", "no change")]),
    ("Adding the second inhaler did not result in a significant improvement in peak flow.",
     [("peak flow", "no significant improvement")]),
    ("We did not find a difference in length of stay between the two wards.",
     [("length of stay", "no difference")]),
])
def test_change_denied_after_a_verb_of_causing(sentence, expected):
    assert [(m, v) for m, v, _ in found(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "The missed visit did not result in a change of dosing schedule.",
    "The reminder did not lead to a reduction in the number of patients enrolled.",
])
def test_denied_change_of_a_plan_is_no_finding(sentence):
    assert found(sentence) == []


# -- a measure stated unaffected --------------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Serum potassium and creatinine were unaffected.",
     [("Serum potassium", "unaffected"), ("Serum creatinine", "unaffected")]),
    ("Bone density was not affected during the two years of follow-up.",
     [("Bone density", "not affected")]),
])
def test_measure_stated_unaffected(sentence, expected):
    assert [(m, v) for m, v, _ in found(sentence)] == expected


def test_unaffected_patients_are_no_measure():
    assert found("The unaffected patients were followed for a year.") == []


# -- two values, each followed by a bracket naming its group ---------------------------------
@pytest.mark.parametrize("sentence, measure, value, comparator", [
    ("Mean fasting insulin fell by 2.4% (cinnamon) and 0.3% (control).", "fasting insulin", "2.4%", "0.3%"),
    ("Healing rates were 61% (gel) and 38% (vehicle).", "Healing rates", "61%", "38%"),
    ("Body weight fell by 1.9 kg (orlistat) and by 0.6 kg (placebo).", "Body weight", "1.9 kg", "0.6 kg"),
])
def test_values_each_with_its_group_in_a_bracket(sentence, measure, value, comparator):
    got = [(v, c) for m, v, c in found(sentence) if m.endswith(measure)]
    assert got == [(value, comparator)]


def test_values_with_times_in_brackets_are_no_pair_of_groups():
    got = found("Healing rates were 41% (week 4) and 63% (week 8) with the gel.")
    assert all(c is None for _, _, c in got)


# -- an arm named after how much or how long it was given, where an abstract concludes -------
ARMS = frozenset({"melatonin", "placebo"})


@pytest.mark.parametrize("sentence, expected", [
    ("A 6-week course of melatonin shortened sleep latency and improved daytime alertness.",
     [("sleep latency", "shortened"), ("daytime alertness", "improved")]),
    ("Four weeks of melatonin lowered nocturnal awakenings.", [("nocturnal awakenings", "lowered")]),
    ("A single dose of melatonin reduced jet lag symptoms.", [("jet lag symptoms", "reduced")]),
    ("3 mg of melatonin reduced sleep latency.", [("sleep latency", "reduced")]),
])
def test_an_arm_after_its_amount_or_duration_is_the_subject_of_a_claim(sentence, expected):
    got = [(f.measure, f.value) for f in read_sentence(sentence, restating=True, arms=ARMS, claims=True)]
    assert got == expected


def test_a_duration_of_something_else_is_no_arm():
    got = read_sentence("Four weeks of bed rest lowered nocturnal awakenings.", restating=True, arms=ARMS,
                        claims=True)
    assert got == []


def test_a_denied_change_picking_people_out_is_no_finding():
    assert found("Children who did not show an improvement in reading were offered tutoring.") == []
