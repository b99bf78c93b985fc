"""Mechanism statements in the layouts trial abstracts use, each class in two phrasings.

Every sentence here was written for these tests. Each is wrapped in a minimal article and
read by the same reader and pipeline as any paper.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read

TITLE = "A short article written for the mechanism tests of kg, on a made-up trial"
UP = {"increases", "expands", "activates", "induces"}
DOWN = {"decreases", "inhibits", "suppresses", "reduces"}


def mechs(tmp_path: Path, body: str, section: str = "Results", title: str = TITLE) -> list[dict]:
    """Mechanism facts of `body` under `section`, as plain dicts with labels for concepts."""
    path = tmp_path / "snippet.txt"
    path.write_text(f"{title}\n\n{section}\n\n{body}\n", encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    out = []
    for f in ctx.facts:
        if f.kind != "mechanism":
            continue
        for ev in f.evidence:
            assert document.text[ev.start:ev.end].strip() == document.text[ev.start:ev.end] and ev.end > ev.start
        d = {k: getattr(v, "label", v) for k, v in f.fields.items()}
        d["surface"] = f.surface
        out.append(d)
    return out


def find(found: list[dict], agent: str, direction: str, target: str) -> dict:
    """The one fact whose agent and target contain the given words and whose relation goes that way."""
    def way(rel):
        return "up" if rel in UP else "down" if rel in DOWN else "mod"
    hits = [m for m in found if agent.lower() in m["agent"].lower() and way(m["relation"]) == direction
            and (target.lower() in m["target"].lower() or target.lower() in (m["surface"] or "").lower())]
    assert hits, f"no {agent} {direction} {target} in {[(m['agent'], m['relation'], m['target']) for m in found]}"
    return hits[0]


# -- active ------------------------------------------------------------------------------
def test_active_statements_with_lists_of_biomarkers(tmp_path):
    found = mechs(tmp_path, "Rosuvastatin reduced serum malondialdehyde levels after six weeks.")
    m = find(found, "rosuvastatin", "down", "malondialdehyde")
    assert (m["negated"], m["hedged"], m["statement"]) == (False, False, "trial_finding")
    found = mechs(tmp_path, "Fish oil supplementation lowered plasma triglycerides and raised HDL cholesterol.")
    find(found, "fish oil", "down", "triglycerides")
    find(found, "fish oil", "up", "HDL cholesterol")


# -- passive and target first --------------------------------------------------------------
def test_passive_and_target_first_statements(tmp_path):
    found = mechs(tmp_path, "Circulating TNF-α was markedly reduced by tocilizumab at week 4.")
    find(found, "tocilizumab", "down", "TNF")
    found = mechs(tmp_path, "Plasma glutathione concentrations increased after curcumin supplementation.")
    find(found, "curcumin", "up", "glutathione")


def test_target_first_with_the_arm_named_as_a_group(tmp_path):
    body = ("Ferritin levels were significantly lower in the deferiprone group than in the placebo group "
            "(p = 0.01).")
    find(mechs(tmp_path, body), "deferiprone", "down", "ferritin")
    body = "At the end of the study, IgG titres were higher in the probiotic-treated arm compared with controls."
    find(mechs(tmp_path, body), "probiotic", "up", "IgG")


def test_a_placebo_arm_is_no_agent(tmp_path):
    body = "Serum cortisol decreased in the placebo group, while it was stable with the study drug."
    assert not [m for m in mechs(tmp_path, body) if "placebo" in m["agent"].lower()]
    body = "CRP levels were higher in the control arm."
    assert not mechs(tmp_path, body)


# -- nominal ------------------------------------------------------------------------------
def test_treatment_resulted_in_a_change_of_a_biomarker(tmp_path):
    body = "Metformin treatment resulted in a marked reduction in fasting insulin."
    find(mechs(tmp_path, body), "metformin", "down", "insulin")
    body = "Six months of zinc supplementation led to an increase in CD4 counts."
    find(mechs(tmp_path, body), "zinc", "up", "CD4")


def test_nominalised_change_observed_in_the_arm(tmp_path):
    body = "A decrease in MMP-9 activity was observed in the minocycline group."
    find(mechs(tmp_path, body), "minocycline", "down", "MMP-9")
    body = "An expansion of regulatory T cells was seen with low-dose IL-2 but not with placebo."
    find(mechs(tmp_path, body), "interleukin-2", "up", "regulatory T cell")


# -- negated, aims, hedged ---------------------------------------------------------------------
def test_no_effect_statements_are_negated(tmp_path):
    m = find(mechs(tmp_path, "Metformin had no effect on serum cortisol."), "metformin", "mod", "cortisol")
    assert m["negated"] is True
    m = find(mechs(tmp_path, "Vitamin C did not lower plasma MDA concentrations."), "vitamin C", "down", "MDA")
    assert m["negated"] is True


def test_study_aims_are_modulation_as_statement_kind_study_aim(tmp_path):
    body = "This trial aimed to evaluate the effect of resveratrol on inflammatory markers in obese adults."
    m = find(mechs(tmp_path, body, section="Background"), "resveratrol", "mod", "inflammatory markers")
    assert m["statement"] == "study_aim"
    body = "We investigated whether melatonin influences oxidative stress in shift workers."
    m = find(mechs(tmp_path, body, section="Background"), "melatonin", "mod", "oxidative stress")
    assert m["statement"] == "study_aim"


def test_hedged_statements(tmp_path):
    m = find(mechs(tmp_path, "Beetroot juice may increase nitric oxide availability.", section="Conclusions"),
             "beetroot", "up", "nitric oxide")
    assert m["hedged"] is True
    body = "These data suggest that quercetin could lower LDL cholesterol in adults with obesity."
    m = find(mechs(tmp_path, body, section="Conclusions"), "quercetin", "down", "LDL")
    assert m["hedged"] is True


# -- what is not a mechanism ---------------------------------------------------------------------
def test_clinical_outcomes_are_results_not_mechanisms(tmp_path):
    assert not mechs(tmp_path, "Rosuvastatin reduced systolic blood pressure by 5 mmHg.")
    assert not mechs(tmp_path, "Pain scores decreased more in the acupuncture group than in the sham group.")


def test_a_drug_measured_as_an_analyte_is_no_agent(tmp_path):
    body = "Serum levels of cyclosporine did not change, but creatinine decreased after treatment."
    assert not [m for m in mechs(tmp_path, body) if "ciclosporin" in m["agent"].lower()]


# -- the study intervention as the agent --------------------------------------------------------
def test_a_statement_without_agent_is_the_interventions_named_by_the_title(tmp_path):
    title = "Effects of pomegranate extract on oxidative stress in haemodialysis: a randomised trial"
    body = "Serum malondialdehyde decreased significantly after eight weeks (p = 0.003)."
    find(mechs(tmp_path, body, title=title), "pomegranate", "down", "malondialdehyde")
    title = "Green tea versus placebo in adults with prediabetes"
    body = "After treatment, adiponectin rose and leptin fell compared with baseline."
    found = mechs(tmp_path, body, title=title)
    find(found, "green tea", "up", "adiponectin")
    find(found, "green tea", "down", "leptin")


# -- comparisons ----------------------------------------------------------------------------
def test_no_difference_is_a_negated_modulation_for_each_listed_target(tmp_path):
    body = ("There was no significant difference between ezetimibe and placebo in apolipoprotein B, "
            "triglycerides, or any of the inflammatory markers.")
    found = mechs(tmp_path, body)
    for target in ("apolipoprotein B", "triglycerides", "inflammatory markers"):
        assert find(found, "ezetimibe", "mod", target)["negated"] is True
    body = "Adiponectin concentrations were comparable in the spirulina and placebo arms at week 12."
    assert find(mechs(tmp_path, body), "spirulina", "mod", "adiponectin")["negated"] is True


def test_a_bare_difference_is_a_result_not_a_mechanism(tmp_path):
    assert not mechs(tmp_path, "The difference in ferritin between the arms was 12 ng/mL (95% CI 4 to 20).")
    assert not mechs(tmp_path, "Differences in fasting glucose were analysed with mixed models.", section="Methods")


# -- drugs named by their class, analytes with their specimen after them ----------------------
def test_a_drug_class_states_its_mechanism(tmp_path):
    body = "Dipeptidyl peptidase-4 inhibitors (gliptins) are widely prescribed in type 2 diabetes."
    find(mechs(tmp_path, body, section="Background"), "gliptins", "down", "dipeptidyl peptidase-4")
    body = "We gave montelukast, a leukotriene receptor antagonist, for eight weeks."
    find(mechs(tmp_path, body, section="Methods"), "montelukast", "down", "leukotriene receptor")


def test_the_specimen_written_after_the_analyte_stays_with_the_target(tmp_path):
    m = find(mechs(tmp_path, "Chewed ginger had no lowering effect on the glucose level of plasma."),
             "ginger", "down", "glucose")
    assert (m["target"], m["negated"]) == ("plasma glucose", True)
    m = find(mechs(tmp_path, "Doxycycline reduced MMP-9 concentrations in brain tissue."), "doxycycline", "down",
             "MMP-9")
    assert m["surface"] == "MMP-9 concentrations in brain tissue"


# -- "X-induced", specimen-named analytes, "did not change" -----------------------------------
def test_an_agent_written_as_x_induced(tmp_path):
    find(mechs(tmp_path, "Curcumin-induced suppression of NF-kB activity was seen in all patients."),
         "curcumin", "down", "NF")
    find(mechs(tmp_path, "We observed a ketamine-mediated reduction in serum IL-6."), "ketamine", "down", "IL-6")


def test_an_analyte_named_after_its_specimen_and_an_unchanged_one(tmp_path):
    m = find(mechs(tmp_path, "Probiotic administration did not change fecal calprotectin."), "probiotic", "mod",
             "calprotectin")
    assert m["negated"] is True
    find(mechs(tmp_path, "Urinary albumin declined in the losartan arm."), "losartan", "down", "albumin")
    assert not mechs(tmp_path, "Changes in serum ferritin were larger with deferasirox.")


def test_the_comparator_and_a_supplier_are_no_agents(tmp_path):
    body = "Fibroblast proliferation was enhanced by emdogain compared to treatment with hyaluronan."
    found = mechs(tmp_path, body)
    assert not [m for m in found if "hyaluronan" in m["agent"].lower()]
    body = "Lysates were mixed with a protease inhibitor (Sigma, St Louis, USA) before storage."
    assert not mechs(tmp_path, body, section="Methods")


def test_property_adjectives_of_an_agent_and_not_of_a_drug_class(tmp_path):
    m = find(mechs(tmp_path, "Colchicine may have anti-inflammatory benefits in stable angina.", section="Conclusions"),
             "colchicine", "down", "inflammat")
    assert m["hedged"] is True
    find(mechs(tmp_path, "The antioxidant effect of ascorbic acid was confirmed.", section="Discussion"),
         "ascorbic acid", "down", "oxidative stress")
    body = "Immunosuppressive drugs such as tacrolimus were withheld for a week."
    assert not mechs(tmp_path, body, section="Methods")


def test_class_members_are_agents_of_the_rest_of_the_sentence(tmp_path):
    body = "Angiotensin receptor blockers (sartans) are widely used drugs which also have anti-fibrotic properties."
    found = mechs(tmp_path, body, section="Background")
    find(found, "sartans", "down", "angiotensin receptor")
    find(found, "sartans", "down", "fibrosis")


def test_a_property_said_with_its_or_their_belongs_to_the_agents_named_before(tmp_path):
    body = "The benefit of metformin and pioglitazone was explained by their antioxidant activity in the liver."
    found = mechs(tmp_path, body, section="Discussion")
    find(found, "metformin", "down", "oxidative stress")
    find(found, "pioglitazone", "down", "oxidative stress")


def test_a_participle_before_the_target_is_an_adjective_after_a_nominal_cue(tmp_path):
    body = "Dexamethasone caused a marked suppression of mitogen stimulated IFN-γ production."
    found = mechs(tmp_path, body)
    find(found, "dexamethasone", "down", "IFN")
    assert not [m for m in found if m["relation"] in ("activates", "increases")]
    body = "In contrast, none had raised anti-nuclear antibodies."
    assert not [m for m in mechs(tmp_path, body) if m["agent"].lower() == "none"]


# -- control and background arms -------------------------------------------------------------
def test_a_background_diet_is_never_the_agent(tmp_path):
    title = "Curcumin in rats given a high-sucrose diet: a controlled feeding study"
    body = ("Rats received a high-sucrose diet enriched with curcumin or the high-sucrose diet alone. "
            "Curcumin added to a high-sucrose diet lowered hepatic malondialdehyde and raised liver glutathione.")
    found = mechs(tmp_path, body, title=title)
    find(found, "curcumin", "down", "malondialdehyde")
    find(found, "curcumin", "up", "glutathione")
    assert not [m for m in found if "sucrose" in m["agent"].lower()]
    body = ("All animals were fed a cafeteria diet. The cafeteria diet supplemented with resveratrol "
            "reduced serum triglycerides, and the benefit of resveratrol on top of the cafeteria diet "
            "was ascribed to its anti-inflammatory properties.")
    found = mechs(tmp_path, body, title="Resveratrol and lipids in obese rats")
    find(found, "resveratrol", "down", "triglycerides")
    assert not [m for m in found if "cafeteria" in m["agent"].lower()]


def test_a_statement_without_agent_falls_back_to_the_experimental_arm_not_the_control(tmp_path):
    layouts = [("Adults were randomly assigned to ginger tea or chamomile tea (control group) for six weeks.",
                "ginger tea", "chamomile"),
               ("Adults were randomly assigned to receive melatonin 3 mg or zopiclone 7.5 mg (control arm) nightly.",
                "melatonin", "zopiclone"),
               ("Patients received melatonin 3 mg versus zopiclone 7.5 mg nightly for a month.",
                "melatonin", "zopiclone")]
    for allocation, study, control in layouts:
        body = f"{allocation}\n\nResults\n\nSerum interleukin-6 decreased after six weeks."
        found = mechs(tmp_path, body, section="Methods")
        find(found, study, "down", "interleukin-6")
        assert not [m for m in found if control in m["agent"].lower()]


def test_alternative_arms_compared_head_to_head_give_no_fallback_agent(tmp_path):
    result = "\n\nResults\n\nA small increase in serum interleukin-6 was seen at the end of the study."
    for allocation in ("Patients were randomly assigned to receive melatonin 3 mg, zopiclone 7.5 mg or zolpidem 10 mg.",
                       "Each patient was randomised to either zolpidem 10 mg or melatonin 3 mg nightly."):
        assert not mechs(tmp_path, allocation + result, section="Methods"), allocation
    # components of one arm ("X plus Y") are that arm's agents together
    found = mechs(tmp_path, "Patients received melatonin 3 mg plus zolpidem 10 mg nightly." + result, section="Methods")
    find(found, "melatonin", "up", "interleukin-6")
    find(found, "zolpidem", "up", "interleukin-6")


def test_a_participle_before_its_noun_is_no_verb_of_the_target_before_it(tmp_path):
    title = "Effects of zinc on vaccine responses in older adults: a randomised trial"
    for body, target in (("Interleukin-6 release was accompanied by a slightly increased rate of fever.", "IL-6"),
                         ("Tumour necrosis factor production came with an increased risk of chills.", "TNF"),
                         ("Infections were defined as interferon-gamma release plus fever, headache, impaired "
                          "appetite or rash.", "interferon")):
        found = mechs(tmp_path, body, title=title)
        find(found, "zinc", "mod", "vaccine responses")  # the title's own statement is still read
        assert not [m for m in found if target.lower() in m["target"].lower()], body


# -- session 13: a drug named by what it lowers or raises ------------------------------------
@pytest.mark.parametrize("section", ["Background", "Introduction"])
@pytest.mark.parametrize("sentence, agent, direction, target", [
    ("Rosuvastatin, a potent LDL-lowering drug, was given to all patients.", "rosuvastatin", "down", "ldl"),
    ("Fibrates are triglyceride-lowering agents.", "fibrates", "down", "triglyceride"),
    ("Fibrates (PPAR-alpha agonists) are effective plasma triglyceride-lowering drugs.", "fibrates", "down",
     "triglyceride"),
    ("The HDL-raising effect of niacin is well documented.", "niacin", "up", "hdl"),
    ("Bile acid sequestrants (colesevelam), are LDL-lowering drugs.", "colesevelam", "down", "ldl"),
])
def test_a_drug_named_by_what_it_lowers_or_raises(tmp_path, section, sentence, agent, direction, target):
    find(mechs(tmp_path, sentence, section=section), agent, direction, target)


def test_a_drug_lowering_a_clinical_outcome_states_no_mechanism(tmp_path):
    found = mechs(tmp_path, "Amlodipine, a blood pressure-lowering drug, was continued.", section="Background")
    assert not [m for m in found if "pressure" in m["target"].lower()], found


@pytest.mark.parametrize("section", ["Background", "Introduction"])
@pytest.mark.parametrize("body, agent, direction, target", [
    ("We hypothesised that quercetin would lower IL-6 in smokers.", "quercetin", "down", "il-6"),
    ("We sought to determine whether zinc expands regulatory T cells.", "zinc", "up", "regulatory t cell"),
])
def test_hypotheses_and_sought_aims_are_study_aims(tmp_path, section, body, agent, direction, target):
    m = find(mechs(tmp_path, body, section=section), agent, direction, target)
    assert m["statement"] == "study_aim"


@pytest.mark.parametrize("section", ["Results", "Findings"])
def test_a_participle_cue_before_a_nominal_cue_is_no_relation_of_its_own(tmp_path, section):
    for body in ("Etanercept-induced reduction in IL-1 beta was sustained.",
                 "The etanercept-mediated decrease in TNF-alpha persisted at week 12."):
        found = mechs(tmp_path, body, section=section)
        assert found and all(m["relation"] not in UP for m in found), found


@pytest.mark.parametrize("body, agent, direction, target", [
    ("Etanercept failed to reduce IL-17 in these patients.", "etanercept", "down", "il-17"),
    ("Abatacept was unable to expand regulatory T cells.", "abatacept", "up", "regulatory t cell"),
])
def test_a_negated_verb_before_the_cue_negates_the_statement(tmp_path, body, agent, direction, target):
    assert find(mechs(tmp_path, body), agent, direction, target)["negated"] is True


# -- no-difference statements on biomarkers, agents by their short form -------------------------
CURCUMIN_TITLE = "Curcumin supplementation and oxidative stress in adults with gout: a randomised trial"


@pytest.mark.parametrize("body, target", [
    ("Ferritin and transferrin levels did not differ between the two arms.", "ferritin"),
    ("Serum  IL-6  and  MDA  levels  had  no  significant  differences  between  the  arms.", "IL-6"),
    ("Plasma  homocysteine  was  comparable  with  placebo  in  all  curcumin  groups.", "homocysteine"),
])
def test_no_difference_on_a_biomarker_is_a_negated_modulation(tmp_path, body, target):
    m = find(mechs(tmp_path, body, title=CURCUMIN_TITLE), "curcumin", "mod", target)
    assert m["negated"] is True


@pytest.mark.parametrize("body", [
    "Mometasone furoate (MF) was inhaled twice daily. Urinary cortisol was comparable with placebo in all MF groups.",
    "Patients inhaled mometasone furoate (MF) or placebo. MF did not suppress urinary cortisol at week 4.",
])
def test_the_agent_carries_the_short_form_the_paper_defines(tmp_path, body):
    m = find(mechs(tmp_path, body, title="Inhaled steroid in asthma: a randomised trial"), "mometasone", "mod"
             if "comparable" in body else "down", "cortisol")
    assert m["agent_text"] == "MF" and m["negated"] is True


def test_the_agent_without_a_short_form_is_named_as_written(tmp_path):
    m = find(mechs(tmp_path, "Vitamin C lowered plasma MDA concentrations."), "vitamin C", "down", "MDA")
    assert m["agent_text"].lower() == "vitamin c"


@pytest.mark.parametrize("body, direction, target", [
    ("Autologous adipose stromal cells (ASCs) were implanted in the lesion. The ASCs secreted high levels of "
     "growth factors.", "up", "growth factor"),
    ("Patients received injections of autologous adipose stromal cells (ASCs). ASCs did not change serum CRP.",
     "mod", "CRP"),
])
def test_cells_given_as_the_intervention_are_the_agent(tmp_path, body, direction, target):
    found = mechs(tmp_path, body, title="Cell therapy for a chronic wound: a randomised trial")
    m = find(found, "adipose stromal cells", direction, target)
    assert m["agent_text"] == "ASCs"
    assert not [x for x in found if "stromal" in x["target"].lower()]  # the cells given are no target


@pytest.mark.parametrize("body, first, second, direction", [
    ("Total but not specific IgG was elevated in the albendazole treated group compared to the control group.",
     "total igg", "specific igg", "up"),
    ("Free but not total testosterone fell in the letrozole group.", "free testosterone", "total testosterone",
     "down"),
])
def test_a_but_not_b_names_two_targets_one_denied(tmp_path, body, first, second, direction):
    found = mechs(tmp_path, body, title="A drug before vaccination: a randomised trial")
    agent = "albendazole" if "albendazole" in body else "letrozole"
    assert find(found, agent, direction, first)["negated"] is False
    assert find(found, agent, direction, second)["negated"] is True


GARLIC_TITLE = "Effect of garlic on lipids in renal transplant recipients: a randomised trial"


@pytest.mark.parametrize("body, target", [
    ("The fall in creatinine may be due to the cyclosporine nephrotoxicity ameliorating effect of garlic.",
     "cyclosporine nephrotoxicity"),
    ("We confirmed the cholesterol lowering effect of garlic.", "cholesterol"),
])
def test_a_target_participle_effect_of_an_agent(tmp_path, body, target):
    found = mechs(tmp_path, body, title=GARLIC_TITLE)
    m = find(found, "garlic", "down", target)
    assert m["hedged"] is ("may" in body)
    assert len([x for x in found if x["target"] == m["target"]]) == 1  # one fact per statement


@pytest.mark.parametrize("body", [
    "Garlic reduced cyclosporine nephrotoxicity.",
    "Tacrolimus nephrotoxicity was attenuated by garlic.",
])
def test_the_drug_of_a_toxicity_is_part_of_the_target_not_the_agent(tmp_path, body):
    found = mechs(tmp_path, body, title=GARLIC_TITLE)
    find(found, "garlic", "down", "nephrotoxicity")
    assert not [x for x in found if x["agent"].lower() in ("ciclosporin", "cyclosporine", "tacrolimus")]


@pytest.mark.parametrize("body, agent, direction, target", [
    ("Treatment of helminth infections before vaccination may be a simple intervention to improve vaccine "
     "immunogenicity.", "treatment of helminth infections", "up", "immunogenicity"),
    ("Eradication of Helicobacter pylori infection increased serum ferritin levels.",
     "eradication of helicobacter pylori infection", "up", "ferritin"),
    ("Treatment of periodontal disease reduced CRP levels.", "treatment of periodontal disease", "down", "CRP"),
])
def test_an_intervention_named_by_what_it_treats_is_the_agent(tmp_path, body, agent, direction, target):
    find(mechs(tmp_path, body, title="A made-up randomised trial in adults"), agent, direction, target)


@pytest.mark.parametrize("section", ["Results", "Abstract"])
@pytest.mark.parametrize("body, agent, direction, targets", [
    ("Bromocriptine lowered prolactin and IGF-1 within four weeks.", "bromocriptine", "down", ["prolactin", "IGF"]),
    ("After eight weeks of spironolactone, aldosterone and renin rose markedly.", "spironolactone", "up",
     ["aldosterone", "renin"]),
])
def test_hormones_are_targets(tmp_path, section, body, agent, direction, targets):
    found = mechs(tmp_path, body, section=section)
    for target in targets:
        find(found, agent, direction, target)


# -- arms named by their short forms, by dose, or all at once -----------------------------------
TWO_ARM_TITLE = "Sodium butyrate and gut hormones in adults with obesity: a randomised placebo-controlled trial"


@pytest.mark.parametrize("methods, finding", [
    ("Adults were allocated to a butyrate group (BG) taking sodium butyrate 600 mg daily or a placebo group (PG).",
     "Serum ghrelin and leptin were increased in PG at week 12."),
    ("Participants were randomised to sodium butyrate 300 mg twice daily (intervention group, IG) or to the "
     "control group (CG).", "By the end of follow-up, adiponectin had risen in the CG."),
])
def test_a_control_group_named_by_its_short_form_lends_no_agent(tmp_path, methods, finding):
    found = mechs(tmp_path, f"Methods: {methods}\n\nResults: {finding}", section="Abstract", title=TWO_ARM_TITLE)
    assert not [m for m in found if "butyr" in m["agent"].lower()], found


@pytest.mark.parametrize("finding, direction, target", [
    ("Plasma leptin was reduced in BG compared with baseline.", "down", "leptin"),
    ("Among the BG, fasting insulin declined by 9%.", "down", "insulin"),
])
def test_a_study_group_named_by_its_short_form_is_its_intervention(tmp_path, finding, direction, target):
    methods = ("Adults were allocated to a butyrate group (BG) taking sodium butyrate 600 mg daily "
               "or a placebo group (PG).")
    found = mechs(tmp_path, f"Methods: {methods}\n\nResults: {finding}", section="Abstract", title=TWO_ARM_TITLE)
    find(found, "butyr", direction, target)


@pytest.mark.parametrize("finding, direction, target", [
    ("All treatments significantly lowered serum osteocalcin from baseline.", "down", "osteocalcin"),
    ("Both doses raised plasma adiponectin concentrations at week 8.", "up", "adiponectin"),
    ("Hepcidin levels fell with each of the three regimens.", "down", "hepcidin"),
])
def test_a_phrase_naming_every_arm_gives_each_study_intervention(tmp_path, finding, direction, target):
    methods = ("Women were randomised to denosumab 60 mg, to alendronate 70 mg weekly, or to the two combined; "
               "there was no placebo arm.")
    found = mechs(tmp_path, f"Methods: {methods}\n\nResults: {finding}", section="Abstract",
                  title="Denosumab, alendronate or both in postmenopausal osteoporosis: a randomised trial")
    for agent in ("denosumab", "alendronate"):
        find(found, agent, direction, target)


@pytest.mark.parametrize("title", [
    "Omega-3 fatty acids for patients with rheumatoid arthritis treated with methotrexate: a randomised trial",
    "Zinc supplementation in children with HIV receiving antiretroviral therapy: a randomised controlled trial",
])
def test_the_therapy_a_titles_population_is_on_is_not_the_studied_agent(tmp_path, title):
    agent = "omega-3" if title.startswith("Omega") else "zinc"
    dose = "3 g daily" if agent == "omega-3" else "10 mg daily"
    body = (f"Methods: Patients were randomised to {title.split(' for ')[0].split(' in ')[0].lower()} {dose} "
            f"or placebo for 24 weeks.\n\nResults: Serum IL-6 decreased in the high-dose group.")
    found = mechs(tmp_path, body, section="Abstract", title=title)
    assert not [m for m in found if any(w in m["agent"].lower() for w in ("methotrexate", "antiretroviral"))], found


# -- verbs that stop a change reverse it ----------------------------------------------------------
@pytest.mark.parametrize("body, direction, target", [
    ("Ranolazine attenuated the postprandial rise in plasma triglycerides.", "down", "triglycerides"),
    ("Ranolazine blunted the exercise-induced increase in serum lactate.", "down", "lactate"),
    ("Ranolazine prevented the decline in serum IgA seen with placebo.", "up", "IgA"),
    ("Ranolazine limited the loss of CD4 cells over six months.", "up", "CD4"),
])
def test_a_verb_that_stops_a_change_reverses_its_direction(tmp_path, body, direction, target):
    found = mechs(tmp_path, body)
    find(found, "ranolazine", direction, target)
    opposite = "up" if direction == "down" else "down"
    assert not [m for m in found if target.lower() in (m["surface"] or "").lower()
                and ("up" if m["relation"] in UP else "down" if m["relation"] in DOWN else "mod") == opposite]


# -- a drug named inside a longer biomarker name is no agent ---------------------------------------
@pytest.mark.parametrize("body", [
    "Heparin-binding protein is released from activated neutrophils during sepsis.",
    "Insulin-like growth factor binding protein 3 rose as neutrophils were activated.",
])
def test_a_drug_inside_a_biomarker_name_is_no_agent(tmp_path, body):
    found = mechs(tmp_path, body, section="Background")
    assert not [m for m in found if m["agent"].lower() in ("heparin", "insulin", "insulin human")], found


# -- microbes counted in the gut are targets --------------------------------------------------------
@pytest.mark.parametrize("body, direction", [
    ("Inulin supplementation increased the relative abundance of Faecalibacterium.", "up"),
    ("The proportion of Enterobacteriaceae was reduced by inulin supplementation.", "down"),
])
def test_the_abundance_of_a_microbe_is_a_target(tmp_path, body, direction):
    find(mechs(tmp_path, body), "inulin", direction, "Faecalibacterium" if "Faecali" in body else "Enterobacteriaceae")


@pytest.mark.parametrize("finding", [
    "Serum resistin was higher in patients with sepsis than in healthy volunteers at enrolment.",
    "Compared with age-matched healthy controls, plasma IL-18 was elevated in the patients.",
])
def test_patients_compared_with_healthy_people_lend_no_study_agent(tmp_path, finding):
    title = "Effects of melatonin on inflammation in sepsis: a randomised placebo-controlled trial"
    body = f"Methods: Patients received melatonin 20 mg nightly or placebo.\n\nResults: {finding}"
    found = mechs(tmp_path, body, section="Abstract", title=title)
    assert not [m for m in found if any(w in (m["surface"] or "") for w in ("resistin", "IL-18"))], found


@pytest.mark.parametrize("body", [
    "Rituximab lowered IgM, but the neutrophil count did not change.",
    "Rituximab increased IL-10; regulatory T cells were not measured.",
])
def test_a_target_in_a_later_clause_takes_no_cue_of_the_first(tmp_path, body):
    found = mechs(tmp_path, body)
    wrong = [m for m in found if ("neutrophil" in m["target"].lower() or "regulatory" in m["target"].lower())
             and not m["negated"] and m["relation"] != "modulates"]
    assert not wrong, found


# -- arms written as short forms with their dose ---------------------------------------------------
@pytest.mark.parametrize("methods, finding", [
    ("Adults were randomised to rosuvastatin 10 mg daily (R10) or rosuvastatin 20 mg daily (R20) for 8 weeks.",
     "R20 lowered serum IL-6 more than R10."),
    ("Adults were randomised to rosuvastatin (RSV) 10 mg or 20 mg daily for 8 weeks.",
     "Serum IL-6 was reduced in the RSV20 group."),
])
def test_an_arm_short_form_with_its_dose_is_the_arms_drug(tmp_path, methods, finding):
    title = "Two doses of rosuvastatin and inflammation after stroke: a randomised trial"
    found = mechs(tmp_path, f"Methods: {methods}\n\nResults: {finding}", section="Abstract", title=title)
    m = find(found, "rosuvastatin", "down", "IL-6")
    assert m["agent"] == "rosuvastatin"


# -- a target written with its short form is its long form whole ------------------------------------
@pytest.mark.parametrize("body, target", [
    ("Pitavastatin reduced high-sensitivity C-reactive protein (hs-CRP) levels by a third.",
     "high-sensitivity c-reactive protein"),
    ("Very-low-density lipoprotein cholesterol (VLDL-C) was lowered by pitavastatin.",
     "very-low-density lipoprotein cholesterol"),
])
def test_a_target_with_a_defined_short_form_is_named_by_its_whole_long_form(tmp_path, body, target):
    m = find(mechs(tmp_path, body), "pitavastatin", "down", target.split()[-1])
    assert m["target"].lower().startswith(target), m["target"]


# -- biomarkers beyond cytokines and cells ------------------------------------------------------------
@pytest.mark.parametrize("body, direction, target", [
    ("Denosumab suppressed serum CTX and P1NP within one month.", "down", "CTX"),
    ("Plasma peptide YY rose after the oligofructose supplement.", "up", "peptide YY"),
    ("Faecal calprotectin concentrations were reduced by mesalazine.", "down", "calprotectin"),
    ("Letrozole lowered Ki-67 expression in the tumour.", "down", "Ki-67"),
])
def test_bone_gut_and_proliferation_markers_are_targets(tmp_path, body, direction, target):
    title = "A made-up randomised trial of denosumab, oligofructose, mesalazine and letrozole"
    found = mechs(tmp_path, body, title=title)
    assert [m for m in found if target.lower() in (m["surface"] or "").lower()
            and ("up" if m["relation"] in UP else "down" if m["relation"] in DOWN else "mod") == direction], found


# -- groups named by a letter -------------------------------------------------------------------------
@pytest.mark.parametrize("methods", [
    "Volunteers were assigned to a rebamipide group (Group R; n = 20) receiving diclofenac 75 mg and rebamipide "
    "300 mg daily, or a lansoprazole group (Group L; n = 20) receiving diclofenac 75 mg and lansoprazole 15 mg daily.",
    "Volunteers took diclofenac 75 mg daily and were divided into Group R (rebamipide 300 mg daily) and "
    "Group L (lansoprazole 15 mg daily).",
])
def test_a_lettered_group_is_the_arm_the_paper_defines_it_as(tmp_path, methods):
    title = "Rebamipide against diclofenac-induced small-bowel injury: a randomised trial"
    body = (f"Methods: {methods}\n\nResults: Faecal calprotectin increased significantly in Group L (p = 0.001). "
            "Serum IL-8 decreased in Group R.")
    found = mechs(tmp_path, body, section="Abstract", title=title)
    m = find(found, "rebamipide", "down", "IL-8")
    assert not [x for x in found if "diclofenac" in x["agent"].lower() and "IL-8" in (x["surface"] or "")], found
    assert not [x for x in found if "rebamipide" in x["agent"].lower() and "calprotectin" in (x["surface"] or "")]
    assert m["statement"] == "trial_finding"


# -- the subject of a verb, without its determiner, intake noun or duration ---------------------------
@pytest.mark.parametrize("body, agent, direction, target", [
    ("The fish oil increased plasma adiponectin.", "fish oil", "up", "adiponectin"),
    ("Intake of black seed oil reduced serum MDA.", "black seed oil", "down", "MDA"),
    ("Daily consumption of kefir for 8 weeks lowered plasma IL-6.", "kefir", "down", "IL-6"),
    ("Pomegranate juice decreased oxidized LDL.", "pomegranate juice", "down", "oxidized LDL"),
])
def test_the_subject_noun_phrase_is_the_agent_without_its_frame(tmp_path, body, agent, direction, target):
    m = find(mechs(tmp_path, body, title="A made-up randomised trial in adults"), agent, direction, target)
    assert m["agent"].lower() == agent


@pytest.mark.parametrize("body", [
    "In earlier work, a 40-fold increase in plasma LH was seen within an hour.",
    "The authors noted increased levels of circulating IL-18 in older adults.",
])
def test_a_noun_phrase_after_an_article_is_no_agent_unless_known(tmp_path, body):
    found = mechs(tmp_path, body, section="Discussion", title="A made-up randomised trial in adults")
    assert not [m for m in found if m["agent"].lower() in ("40-fold", "authors", "authors noted")], found


# -- 'unchanged', plural nominal cues, receptors -----------------------------------------------------
@pytest.mark.parametrize("finding", [
    "Serum fibrinogen was unaffected by pentoxifylline.",
    "With pentoxifylline, serum fibrinogen was unaltered throughout the study.",
])
def test_an_unaffected_target_is_a_negated_modulation(tmp_path, finding):
    m = find(mechs(tmp_path, finding), "pentoxifylline", "mod", "fibrinogen")
    assert m["negated"] is True


@pytest.mark.parametrize("body, direction", [
    ("Significant reductions in serum hepcidin were observed with pentoxifylline.", "down"),
    ("Pentoxifylline produced elevations in serum hepcidin in two thirds of the patients.", "up"),
])
def test_plural_nominal_cues(tmp_path, body, direction):
    find(mechs(tmp_path, body), "pentoxifylline", direction, "hepcidin")


@pytest.mark.parametrize("body, target", [
    ("Soluble TNF receptor 1 levels were significantly elevated in patients receiving pentoxifylline.",
     "soluble tnf receptor 1"),
    ("Pentoxifylline increased plasma IL-1 receptor antagonist.", "il-1 receptor antagonist"),
])
def test_a_receptor_named_after_a_cytokine_is_its_own_target(tmp_path, body, target):
    found = mechs(tmp_path, body)
    m = find(found, "pentoxifylline", "up", "receptor")
    assert target in m["target"].lower()
    assert not [x for x in found if x["target"] in ("TNF", "interleukin-1")], found


# -- cell populations named by their markers, and where a target was measured -------------------------
@pytest.mark.parametrize("body, target", [
    ("Abatacept lowered the percentage of CD4+CD28- T cells at week 24.", "cd4+cd28- t cells"),
    ("The frequency of CD56bright NK cells was reduced by abatacept.", "cd56bright nk cells"),
    ("Abatacept decreased IFN-γ-producing T cells in synovial fluid.", "producing t cells"),
])
def test_a_cell_population_named_by_its_markers_is_one_target(tmp_path, body, target):
    found = mechs(tmp_path, body)
    m = find(found, "abatacept", "down", target.split()[-2])
    assert target in m["target"].lower(), m["target"]
    assert not [x for x in found if x["target"] in ("CD4", "T cell", "NK cell", "interferon gamma")], found


@pytest.mark.parametrize("body", [
    "Etanercept reduced the expression of TLR2 on monocytes.",
    "Etanercept lowered IL-1β production by macrophages in the biopsies.",
])
def test_the_cells_a_target_was_measured_in_are_no_target(tmp_path, body):
    found = mechs(tmp_path, body)
    assert found and not [x for x in found if x["target"].lower() in ("monocyte", "macrophage")], found
