"""Conclusion claims whose subject names one of the trial's arms in other words: the arm after
its dose, route or way of giving ('Low-dose A', 'Oral A', 'Continuous infusion of A', 'Adding A
to B'), and, where an abstract concludes, a pronoun or a noun for the treatment tested ('It',
'This regimen', 'The combination', 'The intervention delivered by ...'); the study a finding was
made in ('in this study') is no part of its measure. Groups, effects of the treatment and hedged
claims stay unread. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.results import read_sentence

ARMS = frozenset({"budesonide", "placebo", "walking programme"})


def claims(sentence: str) -> list[tuple[str, str]]:
    """(measure, value) of each finding read as a conclusion of a paper with a results part."""
    return [(f.measure, f.value) for f in read_sentence(sentence, restating=True, arms=ARMS, claims=True)]


@pytest.mark.parametrize("sentence, expected", [
    ("Low-dose budesonide reduced nocturnal wheeze.", [("nocturnal wheeze", "reduced")]),
    ("In conclusion, high dose inhaled budesonide is effective in controlling night cough.",
     [("night cough", "effective")]),
    ("Nebulised budesonide was well tolerated.", [("tolerability", "well tolerated")]),
    ("Continuous infusion of budesonide is safe in older adults.", [("safety", "safe")]),
    ("Adding budesonide to salbutamol lowered the rate of exacerbations.",
     [("rate of exacerbations", "lowered")]),
    ("Combination therapy with budesonide provided no additional benefit over salbutamol.",
     [("benefit", "no additional benefit")]),
])
def test_an_arm_after_its_dose_route_or_way_of_giving(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("It is effective in shortening hospital stay.", [("hospital stay", "effective")]),
    ("This regimen was well tolerated by adolescents.", [("tolerability", "well tolerated")]),
    ("The combination lowered morning stiffness.", [("morning stiffness", "lowered")]),
    ("Both new treatments improved sleep quality.", [("sleep quality", "improved")]),
    ("The intervention delivered by telephone provided no additional benefit over usual care.",
     [("benefit", "no additional benefit")]),
])
def test_a_pronoun_or_a_noun_for_the_treatment_where_the_abstract_concludes(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "It is safe to say that budesonide works.",  # an opinion, not an evaluation of the treatment
    "The treatment effect was beneficial.",  # a noun about the treatment, not the treatment
    "This regimen may be effective in shortening hospital stay.",  # hedged
    "Oral steroids reduced nocturnal wheeze.",  # no arm of the trial
    "Low-dose aspirin was well tolerated.",
])
def test_other_subjects_and_hedges_stay_unread(sentence):
    assert claims(sentence) == []


@pytest.mark.parametrize("sentence", ["It is effective in shortening hospital stay.",
                                      "This regimen was well tolerated by adolescents."])
def test_pronouns_are_no_arm_outside_the_conclusions(sentence):
    assert [f for f in read_sentence(sentence, arms=ARMS, reports=True) if f.rule.endswith("arm_evaluated")] == []


@pytest.mark.parametrize("sentence, measure", [
    ("Budesonide was not protective against croup in this study.", "protection against croup"),
    ("Overall, the walking programme was effective for weight loss in the present trial.", "weight loss"),
])
def test_the_study_a_finding_was_made_in_is_no_part_of_its_measure(sentence, measure):
    assert [m for m, _ in claims(sentence)] == [measure]


@pytest.mark.parametrize("sentence, expected", [
    ("These data show that budesonide lowers nocturnal wheeze.", [("nocturnal wheeze", "lowers")]),
    ("We conclude that the walking programme is effective in reducing knee pain.", [("knee pain", "effective")]),
    ("Our findings confirm that budesonide was well tolerated.", [("tolerability", "well tolerated")]),
])
def test_a_frame_that_reports_the_finding(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "These findings suggest that budesonide lowers nocturnal wheeze.",
    "Our data indicate that the walking programme is effective in reducing knee pain.",
])
def test_a_frame_that_supposes_stays_unread(sentence):
    assert claims(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Budesonide was effective and safe in preschool children.",
     {("efficacy", "effective"), ("safety", "safe")}),
    ("The walking programme is safe, feasible and well tolerated in frail adults.",
     {("safety", "safe"), ("feasibility", "feasible"), ("tolerability", "well tolerated")}),
    ("Budesonide was not effective and not safe.", {("efficacy", "not effective"), ("safety", "not safe")}),
])
def test_coordinated_evaluations_are_claims_of_their_own(sentence, expected):
    got = claims(sentence)
    assert set(got) == expected and len(got) == len(expected)


@pytest.mark.parametrize("sentence", [
    "We could not confirm the hypothesis that knee pain was reduced after walking.",
    "If adherence had been better, night cough might have improved with budesonide.",
])
def test_a_change_inside_a_supposition_is_no_finding(sentence):
    assert [f.value for f in read_sentence(sentence, arms=ARMS, reports=True) if f.rule.endswith("plain_change")] == []


@pytest.mark.parametrize("sentence, expected", [
    ("Budesonide therapy has beneficial effects on airway hyperresponsiveness.",
     [("airway hyperresponsiveness", "beneficial effects")]),
    ("The walking programme exerted a modest positive effect on mood.", [("mood", "modest positive effect")]),
])
def test_an_arm_with_a_valenced_effect(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Smoking has a negative effect on lung function.",  # no arm of the trial
    "Budesonide might have beneficial effects on airway hyperresponsiveness.",  # hedged
])
def test_other_effects_stay_unread(sentence):
    assert claims(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Budesonide alleviated nocturnal symptoms.", [("nocturnal symptoms", "alleviated")]),
    ("The walking programme ameliorates fatigue in older adults.", [("fatigue", "ameliorates")]),
    ("Budesonide restored normal peak flow variability.", [("normal peak flow variability", "restored")]),
])
def test_more_verbs_of_an_arms_change(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Budesonide was found to be effective in reducing croup severity.", [("croup severity", "effective")]),
    ("The walking programme proved effective for weight loss.", [("weight loss", "effective")]),
    ("Budesonide has been shown to be ineffective in preventing relapse.", [("relapse", "ineffective")]),
])
def test_an_evaluation_found_or_proved(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Budesonide is an effective adjunct to salbutamol.", {("efficacy", "effective")}),
    ("The walking programme is an effective, safe and inexpensive intervention for knee pain.",
     {("knee pain", "effective"), ("safety", "safe")}),
])
def test_an_arm_is_an_effective_means(sentence, expected):
    got = claims(sentence)
    assert set(got) == expected and len(got) == len(expected)


@pytest.mark.parametrize("sentence, expected", [
    ("Budesonide lowers the risk of hospital admission.", [("risk of hospital admission", "lowers")]),
    ("The walking programme reduced the risk of falls in frail adults.", [("risk of falls", "reduced")]),
])
def test_an_arm_changed_the_risk_of_an_outcome(sentence, expected):
    assert claims(sentence) == expected


def test_an_increased_risk_is_a_modifier_not_a_claim():
    assert claims("Budesonide increased risk of oral thrush.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Budesonide was protective against exercise-induced bronchospasm.",
     [("protection against exercise-induced bronchospasm", "protective")]),
    ("Overall, the walking programme was not protective against hip fracture.",
     [("protection against hip fracture", "not protective")]),
])
def test_what_an_arm_protects_against_is_its_protection(sentence, expected):
    assert claims(sentence) == expected
