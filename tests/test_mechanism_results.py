"""Mechanisms read from result facts that state a biomarker's values with no relation verb
(kg/extract/mechanism_results.py): values before and after a drug, a signed change from
baseline with its p-value, a direction word set against the control arm, and no difference
from the control arm (negated). And what they must not read: clinical outcomes, changes that
are not significant, changes of the control arm, and comparisons of two active arms.

Every sentence was written for these tests, each class in two phrasings.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_mechanisms import find, mechs

PLACEBO_TITLE = "{drug} for adults with chronic kidney disease: a randomised placebo-controlled trial"
ACTIVE_TITLE = "Atorvastatin versus rosuvastatin in adults with dyslipidaemia: a randomised trial"


def _way(rel: str) -> str:
    return "up" if rel in {"increases", "expands", "activates", "induces"} else \
        "down" if rel in {"decreases", "inhibits", "suppresses", "reduces"} else "mod"


def _about(found: list[dict], target: str) -> list[dict]:
    return [m for m in found if target in m["target"].lower() or target in (m["surface"] or "").lower()]


@pytest.mark.parametrize("drug, body, target, way", [
    ("Melatonin", "Serum MDA was 4.2 nmol/ml before and 2.9 nmol/ml after melatonin treatment (p = 0.01).",
     "mda", "down"),
    ("Pioglitazone", "In the pioglitazone arm, plasma adiponectin was 6.1 µg/ml before and 8.4 µg/ml after "
     "pioglitazone therapy.", "adiponectin", "up"),
])
def test_values_before_and_after_the_drug_give_the_direction(tmp_path, drug, body, target, way):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    m = find(found, drug, way, target)
    assert (m["negated"], m["statement"]) == (False, "trial_finding")


@pytest.mark.parametrize("drug, body, target", [
    ("Curcumin", "The mean change in IL-6 relative to baseline was -2.4 pg/ml (P = 0.003) and +0.3 pg/ml "
     "(P = 0.61) in the curcumin and placebo groups, respectively.", "il-6"),
    ("Saxagliptin", "At week 24, changes from baseline in HbA1c were +0.05% for placebo compared with -0.62% "
     "(P < 0.001) for saxagliptin.", "hba1c"),
])
def test_a_significant_signed_change_of_the_study_arm_gives_the_direction(tmp_path, drug, body, target):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    find(found, drug, "down", target)
    assert not any(_way(m["relation"]) == "up" for m in _about(found, target))


@pytest.mark.parametrize("drug, body, target", [
    ("Deferasirox", "Serum ferritin and hepcidin were not significantly different between the deferasirox-treated "
     "and placebo-treated groups.", "ferritin"),
    ("Colchicine", "Plasma fibrinogen concentrations did not differ between the colchicine and placebo groups.",
     "fibrinogen"),
])
def test_no_difference_from_the_control_arm_is_a_negated_mechanism(tmp_path, drug, body, target):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    hits = _about(found, target)
    assert hits and all(m["negated"] for m in hits), hits
    assert drug.lower() in hits[0]["agent"].lower()


@pytest.mark.parametrize("drug, body", [
    ("Losartan", "Systolic blood pressure was 131 mmHg before and 124 mmHg after losartan treatment (p = 0.02)."),
    ("Celecoxib", "The mean change in pain score from baseline was -2.1 points (P = 0.01) in the celecoxib group."),
])
def test_a_clinical_outcome_is_no_mechanism(tmp_path, drug, body):
    assert mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug)) == []


@pytest.mark.parametrize("drug, body, target", [
    ("Melatonin", "Serum MDA was 4.2 nmol/ml before and 3.9 nmol/ml after melatonin treatment, but the fall was "
     "not significant.", "mda"),
    ("Curcumin", "The mean change in IL-6 from baseline was -0.8 pg/ml (P = 0.41) in the curcumin group.", "il-6"),
    ("Curcumin", "The mean change in IL-6 from baseline was -2.0 pg/ml (P = 0.01) in the placebo group.", "il-6"),
    ("Curcumin", "The changes of IL-6 in the three dose groups were -3.1 pg/ml (P = 0.01), -1.0 pg/ml (P = 0.30) "
     "and -2.2 pg/ml (P = 0.04), respectively.", "il-6"),
])
def test_no_direction_from_a_change_not_significant_or_not_the_study_arms(tmp_path, drug, body, target):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    assert not [m for m in _about(found, target) if _way(m["relation"]) != "mod"], found


@pytest.mark.parametrize("body", [
    "The mean change in hs-CRP from baseline was -1.2 mg/l (P = 0.01) in the atorvastatin group and -1.5 mg/l "
    "(P = 0.02) in the rosuvastatin group.",
    "Serum hs-CRP concentrations were not significantly different between the atorvastatin and rosuvastatin "
    "groups.",
])
def test_two_active_arms_give_no_mechanism_of_either(tmp_path, body):
    assert _about(mechs(tmp_path, body, title=ACTIVE_TITLE), "crp") == []


@pytest.mark.parametrize("body, target", [
    ("At week 8, serum IL-6 was 3.2 pg/ml in the curcumin group versus 5.1 pg/ml in the placebo group (p = 0.01).",
     "il-6"),
    ("Serum MDA at week 8 was 2.1 ± 0.4 nmol/ml with curcumin and 2.9 ± 0.6 nmol/ml with placebo (P < 0.001).",
     "mda"),
    ("At week 8, serum IL-6 was 5.1 pg/ml in the placebo group versus 3.2 pg/ml in the curcumin group (p = 0.01).",
     "il-6"),
])
def test_the_study_arms_value_against_the_control_arms_gives_the_direction(tmp_path, body, target):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug="Curcumin"))
    find(found, "curcumin", "down", target)
    assert not any(_way(m["relation"]) == "up" for m in _about(found, target))


@pytest.mark.parametrize("body", [
    "At week 8, serum IL-6 was 3.2 pg/ml in the curcumin group versus 5.1 pg/ml in the placebo group (p = 0.41).",
    "At week 8, systolic blood pressure was 128 mmHg in the curcumin group versus 135 mmHg in the placebo group "
    "(p = 0.01).",
])
def test_compared_values_not_significant_or_of_a_clinical_outcome_give_none(tmp_path, body):
    assert mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug="Curcumin")) == []


@pytest.mark.parametrize("body, way", [
    ("In the curcumin group, MDA went from 3.1 to 2.2 nmol/ml (P = 0.003).", "down"),
    ("Plasma adiponectin in the curcumin group went from 5.0 to 6.3 µg/ml (P = 0.01).", "up"),
])
def test_from_to_values_of_the_study_arm_give_the_direction(tmp_path, body, way):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug="Curcumin"))
    find(found, "curcumin", way, "mda" if "MDA" in body else "adiponectin")


def test_from_to_values_of_the_control_arm_give_none(tmp_path):
    body = "In the placebo group, MDA went from 3.1 to 2.2 nmol/ml (P = 0.003)."
    assert mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug="Curcumin")) == []


@pytest.mark.parametrize("drug, body, target, way", [
    ("Allopurinol", "In the allopurinol group, serum uric acid was significantly lower at week 12 than at baseline "
     "(p < 0.001).", "uric acid", "down"),
    ("Roxadustat", "At six months, plasma haemoglobin was significantly higher in the roxadustat arm compared with "
     "values at baseline (P = 0.02).", "haemoglobin", "up"),
])
def test_a_direction_against_the_arms_own_baseline_is_its_effect(tmp_path, drug, body, target, way):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    assert find(found, drug, way, target)["negated"] is False


@pytest.mark.parametrize("drug, body", [
    ("Allopurinol", "In the placebo group, serum uric acid was significantly lower at week 12 than at baseline "
     "(p = 0.01)."),
    ("Allopurinol", "At baseline, serum uric acid was significantly lower in the allopurinol group than in the "
     "placebo group (p = 0.03)."),
])
def test_the_control_arms_baseline_change_and_a_baseline_imbalance_are_no_effect(tmp_path, drug, body):
    assert mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug)) == []


@pytest.mark.parametrize("drug, body, target", [
    ("Ezetimibe", "Adiponectin was reduced by 22% in the ezetimibe group versus 4% in the placebo group "
     "(p = 0.002).", "adiponectin"),
    ("Ezetimibe", "Apolipoprotein B concentration, expressed as a ratio to the value at screening, was lowered by "
     "18% with ezetimibe compared with 2% with placebo (P < 0.01).", "apolipoprotein b"),
])
def test_sizes_of_a_stated_change_give_no_opposite_direction(tmp_path, drug, body, target):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    assert not [m for m in _about(found, target) if _way(m["relation"]) == "up"], found


@pytest.mark.parametrize("drug, body, target, way", [
    ("Colchicine", "Mean plasma fibrinogen fell from 4.1 ± 0.6 to 3.3 ± 0.5 g/l over 12 weeks of colchicine therapy "
     "(P = 0.004), while no significant change was seen in the placebo group.", "fibrinogen", "down"),
    ("Colchicine", "Mean changes in serum amyloid A were −6.2 mg/l in the colchicine group and 0.9 mg/l in the "
     "placebo group (P = 0.01).", "amyloid", "down"),
    ("Colchicine", "At week 12, serum amyloid A in the colchicine arm was significantly lower than that in the placebo "
     "arm.", "amyloid", "down"),
])
def test_a_result_is_its_own_clauses_and_values_arm(tmp_path, drug, body, target, way):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    assert find(found, drug, way, target)["negated"] is False


@pytest.mark.parametrize("drug, body", [
    ("Colchicine", "Mean plasma fibrinogen fell from 4.1 to 3.3 g/l (P = 0.004) in the placebo group, whereas it was "
     "unchanged with colchicine."),
    ("Colchicine", "Mean changes in serum amyloid A were −0.4 mg/l in the colchicine group and −5.9 mg/l in the "
     "placebo group (P = 0.02)."),
])
def test_the_control_arms_change_is_not_the_drugs(tmp_path, drug, body):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    assert not [m for m in found if _way(m["relation"]) != "mod"], found


@pytest.mark.parametrize("drug, body, first, second", [
    ("Quercetin", "At week 8 the quercetin group showed significantly reduced levels of MDA (P < 0.001) and raised "
     "levels of GPx (P = 0.02) compared with the control group.", "mda", "gpx"),
    ("Quercetin", "Quercetin led to significantly lower serum 8-isoprostane (P = 0.01) and higher glutathione "
     "reductase activity (P = 0.03) than placebo.", "isoprostane", "glutathione reductase"),
])
def test_a_direction_word_is_not_read_for_a_later_target(tmp_path, drug, body, first, second):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    find(found, drug, "down", first)
    assert not [m for m in _about(found, second) if _way(m["relation"]) == "down"], found


@pytest.mark.parametrize("drug, body", [
    ("Resveratrol", "There were no significant between-group differences in changes of IL-6 (P = 0.41) or "
     "fibrinogen (P = 0.38)."),
    ("Resveratrol", "Between-group comparisons showed no significant differences for the changes in serum IL-6 "
     "(P = 0.52) and fibrinogen (P = 0.29)."),
])
def test_no_between_group_difference_in_a_placebo_controlled_trial_is_negated(tmp_path, drug, body):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    for target in ("il-6", "fibrinogen"):
        hits = _about(found, target)
        assert hits and all(m["negated"] and drug.lower() in m["agent"].lower() for m in hits), found


def test_no_between_group_difference_of_two_active_arms_is_no_negated_effect(tmp_path):
    body = "There were no significant between-group differences in changes of IL-6 (P = 0.41)."
    assert not _about(mechs(tmp_path, body, title=ACTIVE_TITLE), "il-6")


@pytest.mark.parametrize("drug, body, target, negated", [
    ("Sulforaphane", "The change in serum IL-8 differed significantly between groups (P = 0.03).", "il-8", False),
    ("Sulforaphane", "Between the two groups, the change in plasma MDA was statistically significant (P = 0.01).",
     "mda", False),
    ("Sulforaphane", "The between-group difference in serum IL-8 did not reach significance (P = 0.27).", "il-8", True),
])
def test_a_significant_difference_between_groups_without_its_way_modulates(tmp_path, drug, body, target, negated):
    found = _about(mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug)), target)
    assert [(m["agent"].lower(), _way(m["relation"]), m["negated"]) for m in found] == \
        [(drug.lower(), "mod", negated)], found


@pytest.mark.parametrize("title, body", [
    (PLACEBO_TITLE.format(drug="Sulforaphane"),
     "The between-group difference in pain scores was statistically significant (P = 0.01)."),
    (ACTIVE_TITLE, "The change in serum IL-8 differed significantly between groups (P = 0.03)."),
])
def test_no_undirected_difference_for_a_clinical_outcome_or_two_active_arms(tmp_path, title, body):
    assert mechs(tmp_path, body, title=title) == []
