"""Mechanisms stated per group in trials of several study arms, for two groups at once, as
tissue and neural processes, with 'dropped' and 'blockade of', as effect adjectives, and the
participle of a compound written without its hyphen ('exercise induced').

Every sentence was written for these tests, each class in two phrasings or layouts.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_mechanisms import find, mechs

TWO_DRUGS = "Sitagliptin and pioglitazone in adults with type 2 diabetes: a randomised trial"
LABELLED = "Adults were randomised to sitagliptin 100 mg daily (group A) or pioglitazone 30 mg daily (group B)."
NAMED = "Adults were randomised to sitagliptin 100 mg daily or pioglitazone 30 mg daily for 24 weeks."
PAIR_TITLE = "Rebamipide or famotidine against aspirin-induced gastric injury: a randomised trial"
PAIR_ARMS = ("Forty volunteers were assigned to a rebamipide group (Group R; n = 20) receiving aspirin 100 mg and "
             "rebamipide 300 mg daily, or a famotidine group (Group F; n = 20) receiving aspirin 100 mg and "
             "famotidine 20 mg daily for 7 days.")


def _about(found: list[dict], agent: str, target: str) -> list[dict]:
    return [m for m in found if agent in m["agent"].lower()
            and (target in m["target"].lower() or target in (m["surface"] or "").lower())]


@pytest.mark.parametrize("body, agent, way, target, other", [
    (f"{LABELLED} Among group B: serum adiponectin rose (p < 0.001).", "pioglitazone", "up", "adiponectin",
     "sitagliptin"),
    (f"{LABELLED} In group A, plasma GLP-1 increased significantly (p = 0.002).", "sitagliptin", "up", "glp-1",
     "pioglitazone"),
])
def test_a_group_label_defined_after_a_dose_names_its_arm(tmp_path, body, agent, way, target, other):
    found = mechs(tmp_path, body, title=TWO_DRUGS)
    find(found, agent, way, target)
    assert _about(found, other, target) == []


@pytest.mark.parametrize("body", [
    f"{NAMED} In group C, serum ferritin fell (p = 0.01).",
    f"{NAMED} Among arm 2: serum ferritin was lower after treatment (p = 0.01).",
])
def test_a_group_label_the_paper_never_defines_names_no_agent(tmp_path, body):
    assert [m for m in mechs(tmp_path, body, title=TWO_DRUGS) if "ferritin" in m["target"].lower()] == []


@pytest.mark.parametrize("body, agent, way, target", [
    (f"{NAMED} In the pioglitazone group, the mean change in serum adiponectin was +3.2 µg/ml (p < 0.001).",
     "pioglitazone", "up", "adiponectin"),
    (f"{NAMED} In the sitagliptin group, the mean change in plasma leptin was -1.4 ng/ml (p = 0.01).",
     "sitagliptin", "down", "leptin"),
])
def test_a_signed_change_stated_in_a_named_group_is_that_arms(tmp_path, body, agent, way, target):
    found = mechs(tmp_path, body, title=TWO_DRUGS)
    find(found, agent, way, target)
    assert len([m for m in found if target in m["target"].lower()]) == 1


@pytest.mark.parametrize("body, target", [
    (f"{PAIR_ARMS} Fecal calprotectin was significantly increased both in Group F (from 1.0 to 9.2, p = 0.001) "
     "and in Group R (from 1.0 to 3.1, p = 0.04).", "calprotectin"),
    (f"{PAIR_ARMS} Serum gastrin rose in the famotidine group (p = 0.01) and in the rebamipide group (p = 0.03).",
     "gastrin"),
])
def test_a_change_stated_in_two_groups_is_each_groups(tmp_path, body, target):
    found = mechs(tmp_path, body, title=PAIR_TITLE)
    find(found, "famotidine", "up", target)
    find(found, "rebamipide", "up", target)


@pytest.mark.parametrize("body", [
    f"{PAIR_ARMS} Urinary 8-isoprostane fell in the famotidine group and in the placebo group.",
    f"{PAIR_ARMS} Urinary 8-isoprostane fell in the famotidine group (p = 0.02) and also in the control group.",
])
def test_a_change_in_a_study_group_and_a_control_group_is_no_mechanism(tmp_path, body):
    assert [m for m in mechs(tmp_path, body, title=PAIR_TITLE) if "isoprostane" in m["target"].lower()] == []


@pytest.mark.parametrize("body, way, target", [
    ("Budesonide attenuated airway remodelling over the year.", "down", "airway remodelling"),
    ("After eight weeks, budesonide inhibited motor cortex plasticity.", "down", "motor cortex plasticity"),
    ("Budesonide led to a marked blockade of exercise-dependent synaptic plasticity.", "down", "synaptic plasticity"),
    ("Vascular remodeling was blunted by budesonide.", "down", "vascular remodeling"),
])
def test_tissue_remodelling_and_neural_plasticity_are_targets(tmp_path, body, way, target):
    find(mechs(tmp_path, body), "budesonide", way, target)


@pytest.mark.parametrize("body, way, target", [
    ("In the fenugreek group, serum triglyceride dropped by 9.5 mg/dl, but this was not significant (P = 0.3).",
     "down", "triglyceride"),
    ("Plasma apolipoprotein B dropped in the fenugreek group after eight weeks.", "down", "apolipoprotein b"),
])
def test_dropped_states_a_decrease_significant_or_not(tmp_path, body, way, target):
    title = "Fenugreek seed powder in adults with dyslipidaemia: a randomised placebo-controlled trial"
    find(mechs(tmp_path, body, title=title), "fenugreek", way, target)


def test_dropping_out_is_no_decrease(tmp_path):
    title = "Fenugreek seed powder in adults with dyslipidaemia: a randomised placebo-controlled trial"
    body = "Two participants with high serum triglyceride dropped out of the fenugreek group."
    assert [m for m in mechs(tmp_path, body, title=title) if "triglyceride" in m["target"].lower()] == []


@pytest.mark.parametrize("body, agent", [
    ("Bifidobacterium probiotics demonstrate immunomodulatory and anti-inflammatory effects in animals.",
     "bifidobacterium"),
    ("Curcumin exhibits immunomodulating properties.", "curcumin"),
])
def test_immunomodulatory_effects_modulate_the_immune_response(tmp_path, body, agent):
    m = find(mechs(tmp_path, body, section="Background"), agent, "mod", "immune response")
    assert m["statement"] == "background"


@pytest.mark.parametrize("body, agent, target", [
    ("Budesonide affects exercise induced airway remodelling.", "budesonide", "airway remodelling"),
    ("Budesonide reduces allergen stimulated IL-13 release.", "budesonide", "IL-13"),
])
def test_a_noun_and_a_participle_without_their_hyphen_are_an_adjective(tmp_path, body, agent, target):
    found = mechs(tmp_path, body)
    assert [m["relation"] for m in found if target.lower() in m["target"].lower()] \
        and all(m["relation"] not in ("induces", "activates") for m in found if target.lower() in m["target"].lower())


VERSUS = "Sitagliptin versus pioglitazone in adults with type 2 diabetes: a randomised trial"


@pytest.mark.parametrize("body, way, target", [
    ("Adults were randomised to sitagliptin 100 mg daily (group A) or pioglitazone 30 mg daily (group B). "
     "Among group B: serum adiponectin rose (p < 0.001).", "up", "adiponectin"),
    (f"{NAMED} In the pioglitazone group, serum ferritin was 80 ng/ml before and 60 ng/ml after treatment "
     "(p = 0.01).", "down", "ferritin"),
])
def test_a_change_in_the_active_comparators_group_is_the_comparators(tmp_path, body, way, target):
    found = mechs(tmp_path, body, title=VERSUS)
    find(found, "pioglitazone", way, target)
    assert _about(found, "sitagliptin", target) == []


@pytest.mark.parametrize("body", [
    f"{PAIR_ARMS} Stool occult blood rose significantly in Group F (p = 0.004).",
    f"{PAIR_ARMS} In Group F, faecal occult blood increased after treatment (p = 0.004).",
])
def test_occult_blood_is_a_target(tmp_path, body):
    find(mechs(tmp_path, body, title=PAIR_TITLE), "famotidine", "up", "occult blood")


FENUGREEK = "Fenugreek seed powder in adults with dyslipidaemia: a randomised placebo-controlled trial"


@pytest.mark.parametrize("body, target, negated", [
    ("After twelve weeks we found a statistically significant difference between the two treatment groups in "
     "serum apolipoprotein B (mean difference = 8.1 mg/dl, p = 0.01).", "apolipoprotein b", False),
    ("We found a statistically significant difference in serum leptin between the two groups (p = 0.01).",
     "leptin", False),
    ("There were no significant differences between the two study arms in plasma leptin.", "leptin", True),
])
def test_a_significant_difference_between_the_groups_modulates_the_target(tmp_path, body, target, negated):
    m = find(mechs(tmp_path, body, title=FENUGREEK), "fenugreek", "mod", target)
    assert m["negated"] is negated


@pytest.mark.parametrize("body", [
    "There were differences in serum ferritin between the groups.",
    "Differences in serum ferritin between the two arms were examined.",
])
def test_a_difference_not_said_to_be_significant_is_no_mechanism(tmp_path, body):
    assert [m for m in mechs(tmp_path, body, title=FENUGREEK) if "ferritin" in m["target"].lower()] == []


ANTIOXIDANTS = "Two antioxidant supplements in haemodialysis patients: a randomised placebo-controlled trial"
ASSIGNED = ("Patients were randomly assigned to vitamin E (400 IU/day), zinc sulphate (220 mg/day) or placebo "
            "for 8 weeks.")


@pytest.mark.parametrize("body, way, target", [
    (f"{ASSIGNED} CRP decreased in both supplemented groups compared with placebo.", "down", "crp"),
    (f"{ASSIGNED} Plasma MDA fell in all supplemented arms (p < 0.01).", "down", "mda"),
])
def test_every_supplemented_group_names_each_study_arm(tmp_path, body, way, target):
    found = mechs(tmp_path, body, title=ANTIOXIDANTS)
    find(found, "vitamin e", way, target)
    find(found, "zinc", way, target)
