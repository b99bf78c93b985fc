"""Mechanism statements in layouts found in trial papers nobody here had read (the Evidence
Inference train split): targets cut or padded by what surrounds them, arms, microbes and
physiological systems as targets, and statements that only look like mechanisms.

Every sentence was written for these tests, each class in two phrasings.
"""

from __future__ import annotations

import re

import pytest

from kg.nlp import get_nlp
from tests.test_extraction_mechanisms import find, mechs


def _way(rel: str) -> str:
    return "up" if rel in {"increases", "expands", "activates", "induces"} else \
        "down" if rel in {"decreases", "inhibits", "suppresses", "reduces"} else "mod"


def _targets(found: list[dict]) -> list[str]:
    return [f"{m['target']} | {m['surface']}".lower() for m in found]


# -- what surrounds a target is not part of it ----------------------------------------------
@pytest.mark.parametrize("body, target", [
    ("Atorvastatin lowered hs-CRP (P < 0.01) and LDL cholesterol (all p<0.05) at week 12.", "hs-crp"),
    ("Linagliptin lowered serum uric acid (18 to 25 µmol/l) over the first month.", "uric acid"),
])
def test_a_statistic_in_brackets_is_no_part_of_the_target(tmp_path, body, target):
    found = mechs(tmp_path, body)
    find(found, "", "down", target)
    assert not any(re.search(r"\bp\b|<|µmol|\d\s+to", t) for t in _targets(found)), _targets(found)


@pytest.mark.parametrize("body, topic, target, way", [
    ("Regarding MMP9 activity, losartan raised TIMP1 in the kidney.", "mmp9", "timp1", "up"),
    ("Concerning KLF2 expression, atorvastatin increased serum nitric oxide.", "klf2", "nitric oxide", "up"),
    ("Vildagliptin raised the values regarding lipase activity.", "values", "lipase activity", "up"),
    ("Sitagliptin lowered the values concerning DPP4 activity.", "values", "dpp4 activity", "down"),
])
def test_a_topic_phrase_is_no_target(tmp_path, body, topic, target, way):
    found = mechs(tmp_path, body)
    find(found, "", way, target)
    assert not any(topic in t or "regarding" in t or "concerning" in t for t in _targets(found)), _targets(found)


def test_a_topic_phrase_that_is_what_changed_stays(tmp_path):
    found = mechs(tmp_path, "Regarding CXCL10 levels, the values fell after montelukast.")
    find(found, "montelukast", "down", "cxcl10")


@pytest.mark.parametrize("title, body, agent, target, way", [
    ("Testosterone gel for older men with low bone mass: a randomised trial",
     "Serum osteocalcin rose significantly in the testosterone group.", "testosterone", "osteocalcin", "up"),
    ("Testosterone gel for older men: a randomised trial",
     "IL-6 decreased significantly in the testosterone group compared with placebo.", "testosterone", "il-6", "down"),
])
def test_an_arm_named_after_a_hormone_is_the_agent_not_a_target(tmp_path, title, body, agent, target, way):
    found = mechs(tmp_path, body, title=title)
    find(found, agent, way, target)
    assert not any(agent in m["target"].lower() for m in found), [(m["agent"], m["target"]) for m in found]


@pytest.mark.parametrize("title, body", [
    ("Valproate in acute mania: a randomised trial",
     "The valproate plasma levels at week 6 were markedly higher than at week 2."),
    ("Gabapentin for neuropathic pain: a randomised trial",
     "Serum gabapentin concentrations rose with the higher dose of gabapentin."),
])
def test_the_trial_drugs_own_levels_are_no_mechanism(tmp_path, title, body):
    assert mechs(tmp_path, body, title=title) == []


# -- microbes and physiological systems are targets ---------------------------------------
@pytest.mark.parametrize("body, agent, target", [
    ("Chlorhexidine reduced counts of Streptococcus mutans in saliva.", "chlorhexidine", "streptococcus mutans"),
    ("Levels of Prevotella intermedia in plaque fell after metronidazole.", "metronidazole", "prevotella intermedia"),
    ("The total cultivable microbiota decreased with amoxicillin.", "amoxicillin", "cultivable microbiota"),
])
def test_microbial_counts_are_targets(tmp_path, body, agent, target):
    find(mechs(tmp_path, body), agent, "down", target)


@pytest.mark.parametrize("body, agent, way, target", [
    ("Clonidine lowered muscle sympathetic nerve activity.", "clonidine", "down", "sympathetic nerve activity"),
    ("We conclude that ivabradine increases cardiac vagal tone.", "ivabradine", "up", "vagal tone"),
    ("Verapamil increased the sensitivity of leukaemia cells to daunorubicin.", "verapamil", "up",
     "sensitivity of leukaemia cells"),
    ("Chloroquine enhanced the sensitivity of glioma cells to temozolomide in vitro.", "chloroquine", "up",
     "sensitivity of glioma cells"),
])
def test_physiological_systems_and_sensitivity_are_targets(tmp_path, body, agent, way, target):
    found = mechs(tmp_path, body)
    find(found, agent, way, target)
    assert not any(m["agent"].lower() in ("daunorubicin", "temozolomide") for m in found)


# -- arms named by a class or by some words of the intervention -----------------------------
@pytest.mark.parametrize("title, body, agent, target, way", [
    ("Lactobacillus rhamnosus lozenges in children with caries: a randomised trial",
     "Salivary IgA rose in the probiotic group.", "rhamnosus", "iga", "up"),
    ("Mindfulness training for intensive care nurses: a randomised trial",
     "Serum cortisol decreased in the mindfulness group.", "mindfulness training", "cortisol", "down"),
])
def test_an_arm_named_by_its_class_or_some_of_its_words_is_the_study_agent(tmp_path, title, body, agent, target,
                                                                          way):
    found = mechs(tmp_path, body, title=title)
    find(found, agent, way, target)
    assert all(agent in m["agent"].lower() for m in found), [m["agent"] for m in found]


# -- statements that only look like mechanisms ----------------------------------------------
@pytest.mark.parametrize("body, target, way", [
    ("Dexamethasone reduced LPS-induced IL-8 release in the lavage fluid.", "il-8", "down"),
    ("Metformin lowered glucose-stimulated insulin secretion.", "insulin", "down"),
])
def test_a_participle_glued_by_a_hyphen_is_no_relation(tmp_path, body, target, way):
    found = mechs(tmp_path, body)
    find(found, "", way, target)
    assert not any(target in t and _way(m["relation"]) != way for m, t in zip(found, _targets(found)))


@pytest.mark.parametrize("body, agent, target", [
    ("Aripiprazole, a partial agonist of the dopamine D2 receptor, was added.", "aripiprazole", "d2 receptor"),
    ("Buprenorphine, a partial agonist at mu-opioid receptors, was given.", "buprenorphine", "opioid receptors"),
])
def test_a_qualified_class_names_its_target_after_of(tmp_path, body, agent, target):
    found = mechs(tmp_path, body, section="Background")
    find(found, agent, "up", target)
    assert "partial" not in " ".join(_targets(found))


@pytest.mark.parametrize("body, agent, target", [
    ("A similar reduction in IL-6 was seen with atorvastatin [12].", "atorvastatin", "il-6"),
    ("Comparable decreases in CRP were reported with simvastatin [7].", "simvastatin", "crp"),
])
def test_a_similar_change_is_not_negated(tmp_path, body, agent, target):
    m = find(mechs(tmp_path, body, section="Discussion"), agent, "down", target)
    assert m["negated"] is False


@pytest.mark.parametrize("body", [
    "Higher IL-6 levels were associated with mortality at one year.",
    "Reduced ferritin independently predicted longer survival.",
])
def test_a_change_stated_as_a_predictor_takes_no_study_agent(tmp_path, body):
    title = "Pentoxifylline in alcoholic hepatitis: a randomised trial"
    assert mechs(tmp_path, body, title=title) == []


@pytest.mark.parametrize("body, target", [
    ("Curcumin has been shown to down regulate IL-1 beta production.", "il-1"),
    ("Resveratrol was found to down regulate TNF-alpha expression.", "tnf"),
])
def test_down_regulate_with_a_space_is_a_direction(tmp_path, body, target):
    find(mechs(tmp_path, body, section="Background"), "", "down", target)


@pytest.mark.parametrize("body", [
    "Pioglitazone affected adiponectin. Pioglitazone increased adiponectin.",
    "Sibutramine altered serum leptin. Sibutramine lowered serum leptin.",
])
def test_modulates_gives_way_to_a_direction_for_the_same_pair(tmp_path, body):
    found = mechs(tmp_path, body)
    assert found and all(_way(m["relation"]) != "mod" for m in found), [m["relation"] for m in found]


@pytest.mark.parametrize("text, n", [
    ("Leptin was lower with orlistat. orlistat also raised adiponectin.", 2),
    ("CRP fell with colchicine. the colchicine group also had lower IL-6 levels.", 2),
    ("Counts of P. gingivalis fell with doxycycline.", 1),
    ("Bifidobacterium spp. and lactobacilli rose with inulin.", 1),
    ("Fibre intake (e.g. oats, rye etc. and barley) rose.", 1),
])
def test_a_sentence_opening_in_lower_case_is_its_own_sentence(text, n):
    assert len(list(get_nlp()(text).sents)) == n


@pytest.mark.parametrize("body, agent, target", [
    ("Leptin was lower with orlistat. orlistat also raised adiponectin.", "orlistat", "adiponectin"),
    ("CRP fell with colchicine. colchicine also reduced IL-6 levels.", "colchicine", "il-6"),
])
def test_a_statement_after_a_lower_case_opening_is_read(tmp_path, body, agent, target):
    find(mechs(tmp_path, body), agent, "up" if "raised" in body else "down", target)


@pytest.mark.parametrize("body, agent, target", [
    ("Ocrelizumab, the anti-CD20 monoclonal antibody, depleted circulating B cells within two weeks.",
     "ocrelizumab", "b cell"),
    ("B-cell depletion using the anti-CD20 antibody obinutuzumab was complete by month two.",
     "obinutuzumab", "b cell"),
])
def test_what_an_antibody_is_named_against_is_no_target(tmp_path, body, agent, target):
    found = mechs(tmp_path, body)
    find(found, agent, "down", target)
    assert not any("cd20" in t or "ms4a1" in t or "antibod" in t for t in _targets(found)), _targets(found)


@pytest.mark.parametrize("title, body, agent, target, way", [
    ("Autologous stem cell transplantation in systemic sclerosis: a randomised trial",
     "Serum IL-17 fell after six months, and TGF-beta rose in the transplanted group.", "stem cell", "il-17", "down"),
    ("Whole-body vibration training for frail older adults: a randomised trial",
     "Plasma IL-6 decreased over the programme, and IGF-1 rose in the trained group.", "vibration", "il-6", "down"),
])
def test_a_procedure_named_by_the_title_is_the_agent_and_a_participle_arm_is_no_agent(tmp_path, title, body, agent,
                                                                                      target, way):
    found = mechs(tmp_path, body, title=title)
    find(found, agent, way, target)
    assert all(agent in m["agent"].lower() for m in found), [(m["agent"], m["target"]) for m in found]


@pytest.mark.parametrize("body, agent, way, members", [
    ("After eight weeks of exenatide, mRNA levels for PDX1 and GCK were elevated.", "exenatide", "up", ["pdx1", "gck"]),
    ("Sirolimus lowered the expression of the genes CCND1, MYC and HIF1A in tumour tissue.", "sirolimus", "down",
     ["ccnd1", "myc", "hif1a"]),
])
def test_a_generic_target_followed_by_its_members_is_the_members(tmp_path, body, agent, way, members):
    found = mechs(tmp_path, body)
    for name in members:
        find(found, agent, way, name)
    assert not any(m["target"].lower() in ("genes", "mrna", "gene expression") for m in found), _targets(found)


@pytest.mark.parametrize("body", [
    "Etanercept increased the ACR20 response at week 16.",
    "Tocilizumab improved DAS28 and raised VO2max within three months.",
])
def test_disease_activity_scores_and_fitness_are_results_not_mechanisms(tmp_path, body):
    assert mechs(tmp_path, body) == []


@pytest.mark.parametrize("body, agent, way, target", [
    ("Patients were given the DPP-4 inhibitor linagliptin or placebo.", "linagliptin", "down", "dpp-4"),
    ("We added the interleukin-6 receptor blocker, tocilizumab, to methotrexate.", "tocilizumab", "down",
     "interleukin-6 receptor"),
])
def test_a_drug_named_after_its_class_states_the_class_mechanism(tmp_path, body, agent, way, target):
    find(mechs(tmp_path, body, section="Methods"), agent, way, target)


@pytest.mark.parametrize("body", [
    "The SGLT2 inhibitor group lost more weight.",
    "The ACE inhibitor arm and the placebo arm were similar.",
])
def test_a_class_before_a_word_that_is_no_drug_states_nothing(tmp_path, body):
    assert mechs(tmp_path, body, section="Methods") == []


@pytest.mark.parametrize("title, body, targets", [
    ("Zinc supplementation in haemodialysis: a randomised trial",
     "No significant differences in relapse rate, hospital admissions, quality of life, appetite, serum IL-6 and "
     "TNF-alpha were found.", ["il-6", "tnf"]),
    ("Omega-3 fatty acids after myocardial infarction: a randomised trial",
     "No significant changes in body weight, waist circumference, quality of life, IL-1 beta or CRP were seen.",
     ["il-1", "crp"]),
])
def test_a_biomarker_listed_after_clinical_measures_keeps_the_cue(tmp_path, title, body, targets):
    found = mechs(tmp_path, body, title=title)
    for target in targets:
        assert find(found, "", "mod", target)["negated"] is True


@pytest.mark.parametrize("body, agent, lowered, raised", [
    ("Berberine improved HbA1c and insulin sensitivity over twelve weeks.", "berberine", "hba1c",
     "insulin sensitivity"),
    ("In the ezetimibe group LDL cholesterol was improved, and ezetimibe also improved HDL cholesterol.", "ezetimibe",
     "ldl cholesterol", "hdl cholesterol"),
])
def test_improving_a_marker_that_is_better_low_lowers_it(tmp_path, body, agent, lowered, raised):
    title = f"{agent.capitalize()} in type 2 diabetes: a randomised trial"
    found = mechs(tmp_path, body, title=title)
    find(found, agent, "down", lowered)
    find(found, agent, "up", raised)


@pytest.mark.parametrize("title, body, agent, way, target", [
    ("Verubecestat in prodromal Alzheimer's disease: a randomised trial",
     "In the CSF, BACE inhibitor treatment lowered Aβ1-40 and raised Aβ5-40 peptides.", "verubecestat", "down",
     "aβ1-40"),
    ("Secukinumab in psoriatic arthritis: a randomised trial",
     "Serum IL-17A fell and IL-23 rose in the antibody group.", "secukinumab", "up", "il-23"),
])
def test_an_arm_named_by_its_drug_class_is_the_study_drug(tmp_path, title, body, agent, way, target):
    found = mechs(tmp_path, body, title=title)
    find(found, agent, way, target)
    assert not any(m["agent"].lower() in ("inhibitor", "antibody", "bace inhibitor") for m in found)


@pytest.mark.parametrize("body, agent, target", [
    ("Monocytes exposed to verapamil secreted less IL-8 than untreated cells [4].", "verapamil", "il-8"),
    ("Macrophages treated with quercetin produced lower amounts of TNF-alpha [9].", "quercetin", "tnf"),
])
def test_secreting_less_is_a_decrease(tmp_path, body, agent, target):
    find(mechs(tmp_path, body, section="Discussion"), agent, "down", target)


@pytest.mark.parametrize("body", [
    "After heparin, calprotectin is released from activated neutrophils.",
    "In patients given heparin, elastase comes from stimulated neutrophils.",
])
def test_a_state_participle_after_a_preposition_is_no_relation(tmp_path, body):
    found = mechs(tmp_path, body, section="Background")
    assert not any("neutrophil" in m["target"].lower() for m in found), [(m["agent"], m["target"]) for m in found]


@pytest.mark.parametrize("title, body, agent, target", [
    ("Rosuvastatin in chronic heart failure: a randomised trial", "The statin lowered hs-CRP and IL-6.",
     "rosuvastatin", "il-6"),
    ("Ixekizumab in plaque psoriasis: a randomised trial", "The antibody reduced serum IL-22 by week twelve.",
     "ixekizumab", "il-22"),
])
def test_a_subject_naming_the_study_drug_by_its_class_is_the_study_drug(tmp_path, title, body, agent, target):
    find(mechs(tmp_path, body, title=title), agent, "down", target)


@pytest.mark.parametrize("body, agent, kept, not_member", [
    ("Glutamine increased mucosal protein, DNA and villus height in the biopsies.", "glutamine", "mucosal protein",
     "dna"),
    ("The cell-cycle gene, CDKN1A, was up-regulated after sulforaphane.", "sulforaphane", "cdkn1a", "cell-cycle gene"),
])
def test_a_singular_generic_target_before_a_comma_is_a_list_item_unless_it_names_one(tmp_path, body, agent, kept,
                                                                                   not_member):
    found = mechs(tmp_path, body)
    find(found, agent, "up", kept)
    assert not any(m["target"].lower() == not_member for m in found), _targets(found)
