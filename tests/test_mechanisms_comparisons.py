"""Mechanism statements in layouts of trial abstracts: a biomarker named by the short form the
paper defines for it, a change written in brackets after the biomarker, comparisons that name
the control arm first, antibody responses to vaccines, and a verb cue before a comparative.

Every sentence was written for these tests, each class in two phrasings or more.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_mechanisms import find, mechs


def _way(rel: str) -> str:
    return "up" if rel in {"increases", "expands", "activates", "induces"} else \
        "down" if rel in {"decreases", "inhibits", "suppresses", "reduces"} else "mod"


# -- a short form the paper defines for a biomarker ----------------------------------------
@pytest.mark.parametrize("body, agent, long_form", [
    ("Fasting serum glucose (FSG) was measured monthly. Vildagliptin lowered FSG by week 8.",
     "vildagliptin", "fasting serum glucose"),
    ("Serum uric acid (SUA) was measured at each visit. After six weeks of febuxostat, SUA fell markedly.",
     "febuxostat", "uric acid"),
])
def test_a_biomarker_named_by_its_defined_short_form(tmp_path, body, agent, long_form):
    m = find(mechs(tmp_path, body, title=f"{agent.title()} in adults with a chronic disease: a randomised trial"),
             agent, "down", long_form)
    assert m["statement"] == "trial_finding"


def test_a_short_form_of_a_clinical_outcome_is_no_target(tmp_path):
    found = mechs(tmp_path, "Systolic blood pressure (SBP) was recorded. Amlodipine lowered SBP at week 4.")
    assert not any("blood pressure" in m["target"].lower() or m["surface"] == "SBP" for m in found), found


# -- a change in brackets after the biomarker ----------------------------------------------
@pytest.mark.parametrize("body, target", [
    ("Compared with placebo, linagliptin reduced HbA1c (−0.6%) and fasting insulin.", "hba1c"),
    ("Ezetimibe lowered apolipoprotein B (-14 mg/dl) over three months.", "apolipoprotein b"),
    ("Fenofibrate lowered triglycerides (28%) at week 12.", "triglycerides"),
])
def test_a_change_in_brackets_is_no_part_of_the_target(tmp_path, body, target):
    found = mechs(tmp_path, body)
    m = find(found, "", "down", target)
    assert "(" not in m["target"] and "%" not in m["target"] and "mg" not in m["target"], m["target"]


def test_a_short_form_in_brackets_stays_with_its_target(tmp_path):
    m = find(mechs(tmp_path, "Allopurinol lowered 8-OHdG (8-hydroxydeoxyguanosine) in urine."),
             "allopurinol", "down", "8-ohdg")
    assert m["negated"] is False


# -- the control arm named first, the study arm after 'than' -------------------------------
CONTROL_FIRST = [
    ("At month 3, serum ferritin was higher in the placebo group than in the deferasirox group.",
     "deferasirox", "ferritin", "down"),
    ("Urinary isoprostane excretion was greater among controls than among patients taking colchicine.",
     "colchicine", "isoprostane", "down"),
    ("Superoxide dismutase activity was lower in the control arm than in those receiving allopurinol.",
     "allopurinol", "superoxide dismutase", "up"),
    ("Patients given placebo had higher hs-CRP concentrations than those treated with colchicine.",
     "colchicine", "hs-crp", "down"),
    ("The sham group showed lower plasma IL-18 levels than the colchicine group.",
     "colchicine", "il-18", "up"),
]


@pytest.mark.parametrize("body, agent, target, way", CONTROL_FIRST)
def test_a_comparison_naming_the_control_arm_first_is_the_study_arms_reversed(tmp_path, body, agent, target, way):
    found = mechs(tmp_path, body)
    find(found, agent, way, target)
    other = "up" if way == "down" else "down"
    assert not [m for m in found if agent in m["agent"].lower() and _way(m["relation"]) == other], found


@pytest.mark.parametrize("body, agent, target, way", [
    ("At month 3, serum ferritin was lower in the deferasirox group than in the placebo group.",
     "deferasirox", "ferritin", "down"),
    ("Plasma IL-18 was higher in the colchicine group than in controls.", "colchicine", "il-18", "up"),
])
def test_a_comparison_naming_the_study_arm_first_keeps_its_direction(tmp_path, body, agent, target, way):
    find(mechs(tmp_path, body), agent, way, target)


# -- antibody responses to vaccines --------------------------------------------------------
@pytest.mark.parametrize("body, target", [
    ("Adults received Boostrix. Boostrix increased anti-pertussis toxin IgG concentrations.", "anti-pertussis"),
    ("Infants received three doses of Vaxelis. Anti-PRP antibody titres rose after Vaxelis.", "anti-prp"),
])
def test_an_antibody_named_by_its_antigen_is_a_target(tmp_path, body, target):
    # the vaccine's antigen named in the antibody ('pertussis') does not make it the vaccine's own amount
    find(mechs(tmp_path, body), "vaccine", "up", target)


def test_an_antibody_drug_named_by_its_antigen_is_no_target(tmp_path):
    found = mechs(tmp_path, "The anti-CD52 antibody alemtuzumab depleted circulating lymphocytes.")
    find(found, "alemtuzumab", "down", "lymphocyte")
    assert not any("cd52" in m["target"].lower() for m in found), found


# -- a verb cue right before a comparative; the study agent named by its class -------------
@pytest.mark.parametrize("body, agent, target, way", [
    ("Patients received ferric carboxymaltose. Ferric carboxymaltose produced higher serum ferritin than "
     "oral iron.", "ferric carboxymaltose", "ferritin", "up"),
    ("Patients received omalizumab. Omalizumab resulted in lower free IgE concentrations.",
     "omalizumab", "ige", "down"),
])
def test_a_verb_before_a_comparative_is_one_cue(tmp_path, body, agent, target, way):
    found = mechs(tmp_path, body)
    m = find(found, agent, way, target)
    assert m["agent"].lower() == agent, m


@pytest.mark.parametrize("title, body, target", [
    ("An intradermal influenza vaccine in older adults: a randomised trial",
     "Participants were randomised to the intradermal vaccine or an intramuscular vaccine. The intradermal "
     "vaccine elicited higher haemagglutination inhibition titres.", "titres"),
    ("A quadrivalent HPV vaccine in girls: a randomised trial",
     "Girls received the quadrivalent vaccine or placebo. The quadrivalent vaccine induced higher neutralising "
     "antibody titres.", "antibody titres"),
])
def test_the_vaccine_named_with_the_titles_words_is_the_study_agent(tmp_path, title, body, target):
    found = mechs(tmp_path, body, title=title)
    find(found, "vaccin", "up", target)


@pytest.mark.parametrize("body, agent, target", [
    ("Hydrocortisone blunted the rise of plasma IL-6 after endotoxin.", "hydrocortisone", "il-6"),
    ("Methylprednisolone blunts IL-8 release by alveolar macrophages.", "methylprednisolone", "il-8"),
])
def test_blunting_is_a_decrease(tmp_path, body, agent, target):
    find(mechs(tmp_path, body), agent, "down", target)


# -- a change said to be smaller in an arm -------------------------------------------------
@pytest.mark.parametrize("body, agent, target, way", [
    ("The rise in serum procalcitonin after surgery was smaller in the hydrocortisone group.",
     "hydrocortisone", "procalcitonin", "down"),
    ("Postoperative increases in IL-8 were less pronounced in patients receiving ketamine.", "ketamine", "il-8",
     "down"),
    ("The fall in plasma glutathione was attenuated in the N-acetylcysteine group.", "acetylcysteine", "glutathione",
     "up"),
])
def test_a_change_smaller_in_an_arm_is_the_arms_opposite(tmp_path, body, agent, target, way):
    found = mechs(tmp_path, body)
    find(found, agent, way, target)
    other = "up" if way == "down" else "down"
    assert not [m for m in found if agent in m["agent"].lower() and _way(m["relation"]) == other], found


def test_a_change_greater_in_an_arm_keeps_its_direction(tmp_path):
    find(mechs(tmp_path, "The rise in serum adiponectin was greater in the pioglitazone group."),
         "pioglitazone", "up", "adiponectin")


# -- 'unchanged', 'remained stable'; 'X is a Y antagonist' ---------------------------------
@pytest.mark.parametrize("body, agent, target", [
    ("Plasma renin activity was unchanged after aliskiren withdrawal in the first week.", "aliskiren", "renin"),
    ("Serum ferritin remained stable in the deferiprone group.", "deferiprone", "ferritin"),
])
def test_an_unchanged_target_is_a_negated_mechanism(tmp_path, body, agent, target):
    m = find(mechs(tmp_path, body), agent, "mod", target)
    assert m["negated"] is True


@pytest.mark.parametrize("body, agent, target", [
    ("Tiotropium is a long-acting muscarinic receptor antagonist.", "tiotropium", "muscarinic receptor"),
    ("Apixaban (Eliquis) is a selective factor Xa inhibitor used for stroke prevention.", "apixaban", "factor xa"),
])
def test_a_drug_said_to_be_a_class_states_its_mechanism(tmp_path, body, agent, target):
    m = find(mechs(tmp_path, body, section="Background"), agent, "down", target)
    assert m["statement"] == "background"


# -- 'an improvement in', 'reductions were observed in' ------------------------------------
@pytest.mark.parametrize("body, agent, target, way", [
    ("Patients took berberine or placebo. The berberine group showed a marked improvement in HDL cholesterol.",
     "berberine", "hdl", "up"),
    ("Patients took berberine or placebo. Berberine produced an improvement in fasting glucose.",
     "berberine", "glucose", "down"),
])
def test_an_improvement_in_a_marker_goes_the_way_that_is_better(tmp_path, body, agent, target, way):
    find(mechs(tmp_path, body), agent, way, target)


@pytest.mark.parametrize("body, agent, target, way", [
    ("Patients took spironolactone or placebo. Reductions were seen in serum aldosterone and hs-CRP with "
     "spironolactone.", "spironolactone", "hs-crp", "down"),
    ("Patients took spironolactone or placebo. Significant increases were observed in plasma renin activity in "
     "the spironolactone arm.", "spironolactone", "renin", "up"),
])
def test_a_change_observed_in_a_target(tmp_path, body, agent, target, way):
    find(mechs(tmp_path, body), agent, way, target)


@pytest.mark.parametrize("body", [
    "Patients took indacaterol or placebo. There was an improvement in trough FEV1 with indacaterol.",
    "Patients took indacaterol or placebo. Indacaterol increased peak expiratory flow and FVC.",
])
def test_spirometry_is_a_clinical_outcome_not_a_target(tmp_path, body):
    found = mechs(tmp_path, body)
    assert not any(x in (m["surface"] or "").lower() for m in found for x in ("fev", "fvc", "flow")), found


# -- 'a beneficial effect on'; 'serum levels of X' -----------------------------------------
@pytest.mark.parametrize("body, agent, target, way", [
    ("Patients took quercetin or placebo. Quercetin had a beneficial effect on LDL cholesterol.",
     "quercetin", "ldl cholesterol", "down"),
    ("Patients took quercetin or placebo. Quercetin exerted a favourable effect on serum adiponectin.",
     "quercetin", "adiponectin", "up"),
])
def test_a_beneficial_effect_goes_the_way_that_is_better(tmp_path, body, agent, target, way):
    find(mechs(tmp_path, body), agent, way, target)


def test_hyphenated_lipoprotein_cholesterols_go_their_own_ways(tmp_path):
    found = mechs(tmp_path, "Patients took quercetin or placebo. Quercetin had a positive effect on LDL-cholesterol "
                            "and HDL-cholesterol.")
    find(found, "quercetin", "down", "ldl-cholesterol")
    find(found, "quercetin", "up", "hdl-cholesterol")


@pytest.mark.parametrize("body, target, way", [
    ("Patients took quercetin or placebo. Quercetin significantly increased serum levels of SIRT1.", "sirt1", "up"),
    ("Patients took quercetin or placebo. Quercetin lowered plasma concentrations of ADMA at week 8.", "adma", "down"),
])
def test_a_head_before_its_analyte_is_a_target(tmp_path, body, target, way):
    m = find(mechs(tmp_path, body), "quercetin", way, target)
    assert m["target"].lower() == target, m["target"]


@pytest.mark.parametrize("body", [
    "Patients took pentoxifylline or placebo. Neither IL-6 nor TNF-α differed between the groups at week 12.",
    "Patients took pentoxifylline or placebo. Pentoxifylline altered neither IL-6 nor TNF-α.",
])
def test_neither_nor_denies_both_targets(tmp_path, body):
    found = mechs(tmp_path, body)
    for target in ("il-6", "tnf"):
        assert find(found, "pentoxifylline", "mod", target)["negated"] is True


@pytest.mark.parametrize("body, agent", [
    ("Adolescents received MenB-FHbp or saline. GMTs against strain B24 were higher in the MenB-FHbp group.",
     "menb-fhbp"),
    ("Adults received RZV or placebo. RZV elicited higher anti-gE GMCs at month 3.", "rzv"),
])
def test_geometric_mean_titres_and_concentrations_are_targets(tmp_path, body, agent):
    m = find(mechs(tmp_path, body), agent, "up", "gm")
    assert m["statement"] == "trial_finding"


# -- molecular heads with their names; 'thereby' clauses -----------------------------------
@pytest.mark.parametrize("body, agent, target", [
    ("Eplerenone blocks the mineralocorticoid receptor in the kidney.", "eplerenone", "mineralocorticoid receptor"),
    ("Linagliptin inhibits dipeptidyl peptidase-4 with high selectivity.", "linagliptin", "dipeptidyl peptidase-4"),
])
def test_a_generic_head_takes_the_words_that_name_it(tmp_path, body, agent, target):
    m = find(mechs(tmp_path, body, section="Background"), agent, "down", target)
    assert target in m["target"].lower(), m["target"]


@pytest.mark.parametrize("body, agent, target, way", [
    ("Linagliptin inhibits the enzyme, thereby raising active GLP-1.", "linagliptin", "glp-1", "up"),
    ("In gout, febuxostat inhibits xanthine oxidase, thus lowering serum urate.", "febuxostat", "urate", "down"),
])
def test_a_thereby_clause_is_the_main_subjects(tmp_path, body, agent, target, way):
    found = mechs(tmp_path, body, section="Background")
    find(found, agent, way, target)
    assert not any(m["agent"].lower() in ("thereby", "thus") for m in found), found


@pytest.mark.parametrize("body, target", [
    ("Patients took pentoxifylline or placebo. Serum IL-18 levels were similar between the groups at week 8.", "il-18"),
    ("Patients took pentoxifylline or placebo. Plasma fibrinogen was similar in both arms after pentoxifylline.",
     "fibrinogen"),
])
def test_a_target_similar_between_arms_is_a_negated_mechanism(tmp_path, body, target):
    assert find(mechs(tmp_path, body), "pentoxifylline", "mod", target)["negated"] is True
