"""Mechanism targets outside kg's own patterns: proteins, enzymes and biological factors named
by the MeSH records of the drug dictionary (`kg.vocabulary.target_names`), the laboratory panel
of ontology/mechanisms.json (liver enzymes, blood counts, hormones, oxidative-stress and neural
markers), bound to a drug and a direction in active, passive, nominal and target-first layouts;
and what stays out: clinical outcomes, a laboratory abnormality counted in patients, a
comparison of groups at baseline, the trial's own drug.

Every sentence was written for these tests, each class in two phrasings or layouts.
"""

from __future__ import annotations

import pytest

from kg.vocabulary import target_names
from tests.test_extraction_mechanisms import find, mechs


def _pairs(found: list[dict]) -> list[tuple[str, str, str]]:
    return [(m["agent"].lower(), m["relation"], f"{m['target']} | {m['surface']}".lower()) for m in found]


# -- the dictionary's names ------------------------------------------------------------------
def test_the_dictionary_names_proteins_and_enzymes_not_medicines():
    names = target_names()
    text = "Plasma lysyl oxidase, tenascin-C and caspase-3 rose; epoetin alfa was given."
    assert [text[s:e] for s, e in names.find(text)] == ["lysyl oxidase", "tenascin-C", "caspase-3"]
    other = "Decorin fell while BDNF rose"
    assert [other[s:e] for s, e in names.find(other)] == ["Decorin", "BDNF"]


def test_a_short_name_needs_its_capitals():
    names = target_names()
    assert names.find("The BDNF level")
    assert not names.find("the bdnf level")


@pytest.mark.parametrize("body, agent, way, target", [
    ("Pentoxifylline reduced lysyl oxidase and tenascin-C in the skin biopsies.", "pentoxifylline", "down",
     "lysyl oxidase"),
    ("Tenascin-C fell with pentoxifylline over twelve weeks.", "pentoxifylline", "down", "tenascin-c"),
    ("Losartan resulted in a reduction in neutrophil elastase (P = 0.02).", "losartan", "down",
     "neutrophil elastase"),
    ("A marked decrease in caspase-3 was observed with losartan.", "losartan", "down", "caspase-3"),
])
def test_dictionary_targets_in_several_layouts(tmp_path, body, agent, way, target):
    find(mechs(tmp_path, body), agent, way, target)


def test_a_cell_inside_an_enzyme_name_is_no_target_of_its_own(tmp_path):
    found = mechs(tmp_path, "Doxycycline lowered neutrophil elastase in sputum.")
    find(found, "doxycycline", "down", "neutrophil elastase")
    assert not any(t.startswith("neutrophil |") for _a, _r, t in _pairs(found)), _pairs(found)


# -- the laboratory panel --------------------------------------------------------------------
@pytest.mark.parametrize("body, agent, way, target", [
    ("Compared with placebo, silymarin significantly lowered serum ALT and GGT.", "silymarin", "down", "alt"),
    ("GGT and bilirubin decreased with silymarin.", "silymarin", "down", "bilirubin"),
    ("Haematocrit and reticulocytes increased after darbepoetin.", "darbepoetin", "up", "reticulocytes"),
    ("Darbepoetin raised the haematocrit by week 8.", "darbepoetin", "up", "haematocrit"),
    ("Melatonin decreased TBARS and increased GPx activity.", "melatonin", "down", "tbars"),
    ("Melatonin increased GPx activity in erythrocytes.", "melatonin", "up", "gpx"),
    ("Lithium did not change GFAP or NfL concentrations.", "lithium", "mod", "gfap"),
    ("Serum S100B fell after lithium.", "lithium", "down", "s100b"),
    ("Letrozole raised LH and lowered estrone.", "letrozole", "down", "estrone"),
    ("Estrone was suppressed by letrozole within four weeks.", "letrozole", "down", "estrone"),
])
def test_laboratory_analytes_are_targets(tmp_path, body, agent, way, target):
    find(mechs(tmp_path, body), agent, way, target)


# -- what stays out --------------------------------------------------------------------------
@pytest.mark.parametrize("body", [
    "Increased values of ALT (>60 U/L) were observed in 4/81 (4.9%) patients after primaquine.",
    "Raised AST was seen in 3 of 52 patients treated with primaquine.",
])
def test_a_laboratory_abnormality_counted_in_patients_is_no_mechanism(tmp_path, body):
    assert not mechs(tmp_path, body)


@pytest.mark.parametrize("body", [
    "There were no baseline differences other than AST and ALT, which were higher in the primaquine group.",
    "Apart from ALT, which was lower in the primaquine arm, there were no baseline imbalances.",
])
def test_a_comparison_at_baseline_is_no_mechanism(tmp_path, body):
    assert not mechs(tmp_path, body)


@pytest.mark.parametrize("body", [
    "Silymarin reduced systolic blood pressure and pain scores.",
    "Body weight and heart rate fell with silymarin.",
])
def test_clinical_outcomes_stay_out(tmp_path, body):
    assert not mechs(tmp_path, body)


@pytest.mark.parametrize("body", [
    "There was a mild increase in reticulocytes from day 0 to day 42 in both study groups.",
    "We saw a significant increase of platelet count in the high-dose group and the rise of GGT in both groups.",
])
def test_a_change_in_every_group_is_no_agents_effect(tmp_path, body):
    found = mechs(tmp_path, body)
    assert not any("reticulocyte" in t or "ggt" in t for _a, _r, t in _pairs(found)), _pairs(found)


@pytest.mark.parametrize("body", [
    "Psoriasis therapy is limited by the progressive rise in serum IL-17.",
    "Asthma treatment reduced exhaled nitric oxide in some children.",
])
def test_a_disease_named_as_a_therapy_is_no_agent(tmp_path, body):
    found = mechs(tmp_path, body, section="Background")
    assert not any(a in ("psoriasis", "asthma") for a, _r, _t in _pairs(found)), _pairs(found)


@pytest.mark.parametrize("body", [
    "On rosuvastatin, patients with the largest CK increase showed alterations in mitochondrial respiration.",
    "With rosuvastatin, those whose ALT rise was greatest had changes in serum ferritin.",
])
def test_a_change_noun_after_another_target_relates_no_agent_to_what_follows(tmp_path, body):
    found = mechs(tmp_path, body)
    assert not any("mitochondrial" in t or "ferritin" in t for _a, _r, t in _pairs(found)), _pairs(found)


@pytest.mark.parametrize("body, agent, way, target", [
    ("Tenofovir lowered HBV DNA by week 12.", "tenofovir", "down", "hbv dna"),
    ("FeNO fell with montelukast.", "montelukast", "down", "feno"),
    ("Artesunate reduced gametocyte carriage.", "artesunate", "down", "gametocyte"),
    ("Primaquine lowered gametocytaemia by day 7.", "primaquine", "down", "gametocyt"),
])
def test_pathogen_loads_and_airway_markers_are_targets(tmp_path, body, agent, way, target):
    found = mechs(tmp_path, body)
    assert any(agent in a and target in t for a, _r, t in _pairs(found)), _pairs(found)
    if way != "mod":
        find(found, agent, way, target)


# -- how papers write the dictionary's names, short forms, processes, microbiota ---------------
def test_a_protein_number_and_a_greek_letter_are_written_either_way():
    names = target_names()
    text = "Sirtuin-1, galectin 3, heat shock protein-70, haem oxygenase-1 and β-endorphin were measured."
    assert [text[s:e] for s, e in names.find(text)] == ["Sirtuin-1", "galectin 3", "heat shock protein-70",
                                                         "haem oxygenase-1", "β-endorphin"]


@pytest.mark.parametrize("body, way, target", [
    ("Resveratrol raised sirtuin-1 in the muscle biopsies (P = 0.02).", "up", "sirtuin-1"),
    ("Haem oxygenase-1 was induced by resveratrol within two weeks.", "up", "haem oxygenase-1"),
])
def test_name_variants_of_the_dictionary_are_targets(tmp_path, body, way, target):
    find(mechs(tmp_path, body), "resveratrol", way, target)


SHORT_FORMS = ("Plasma heme oxygenase-1 (HO-1) and fibroblast growth factor 23 (FGF23) were assayed at "
               "baseline and week 12; systolic blood pressure (SBP) was recorded at each visit.")


@pytest.mark.parametrize("body, way, target", [
    ("Calcitriol raised HO-1 compared with placebo (P = 0.03).", "up", "HO-1"),
    ("FGF23 fell after twelve weeks of calcitriol (P = 0.01).", "down", "FGF23"),
])
def test_a_short_form_defined_for_a_dictionary_name_is_a_target(tmp_path, body, way, target):
    found = mechs(tmp_path, body, section=f"Methods\n\n{SHORT_FORMS}\n\nResults")
    find(found, "calcitriol", way, target)


@pytest.mark.parametrize("body", [
    "Calcitriol lowered SBP compared with placebo (P = 0.03).",
    "SBP fell after twelve weeks of calcitriol (P = 0.01).",
])
def test_a_short_form_of_a_clinical_outcome_stays_out(tmp_path, body):
    assert not mechs(tmp_path, body, section=f"Methods\n\n{SHORT_FORMS}\n\nResults")


@pytest.mark.parametrize("body, agent, way, target", [
    ("Glutamine reduced intestinal permeability compared with placebo (P = 0.04).", "glutamine", "down",
     "intestinal permeability"),
    ("Gastric emptying was enhanced by erythromycin in the fasting state.", "erythromycin", "up", "gastric emptying"),
    ("Acipimox suppressed lipolysis and fat oxidation during the clamp.", "acipimox", "down", "fat oxidation"),
    ("Lipolysis was lower with acipimox than with placebo (P < 0.01).", "acipimox", "down", "lipolysis"),
])
def test_physiological_processes_are_targets(tmp_path, body, agent, way, target):
    find(mechs(tmp_path, body), agent, way, target)


@pytest.mark.parametrize("body, way, target", [
    ("Lactulose increased Bifidobacterium counts in stool samples (P = 0.02).", "up", "bifidobacterium counts"),
    ("Faecal lactobacilli rose with lactulose over four weeks.", "up", "faecal lactobacilli"),
])
def test_microbiota_written_with_a_count_after_the_taxon_are_targets(tmp_path, body, way, target):
    find(mechs(tmp_path, body), "lactulose", way, target)


@pytest.mark.parametrize("body", [
    "Lactulose reduced stool frequency and abdominal pain compared with placebo (P = 0.02).",
    "Heart rate and pain scores were lower with erythromycin than with placebo (P < 0.05).",
])
def test_clinical_outcomes_beside_the_new_classes_stay_out(tmp_path, body):
    assert not mechs(tmp_path, body)


@pytest.mark.parametrize("body, way, target", [
    ("Lactulose increased microbial diversity in stool samples (P = 0.01).", "up", "microbial diversity"),
    ("Compared with placebo, lactulose raised alpha diversity (P = 0.02).", "up", "alpha diversity"),
    ("Lactulose significantly decreased sCD163 compared with placebo (P = 0.03).", "down", "scd163"),
    ("Circulating miR-155 was reduced by lactulose.", "down", "mir-155"),
])
def test_community_diversity_soluble_markers_and_micrornas_are_targets(tmp_path, body, way, target):
    find(mechs(tmp_path, body), "lactulose", way, target)


@pytest.mark.parametrize("body", [
    "Lactulose increased the diversity of foods eaten at breakfast (P = 0.01).",
    "Dietary diversity rose with lactulose but not with placebo.",
])
def test_diversity_of_anything_but_a_microbial_community_stays_out(tmp_path, body):
    assert not mechs(tmp_path, body)


@pytest.mark.parametrize("body, way", [
    ("The pioglitazone group showed a significant decline in fasting blood sugar (FBS) (P = 0.004).", "down"),
    ("Pioglitazone improved blood sugar and fasting insulin after 12 weeks.", "down"),
])
def test_blood_sugar_is_a_glycaemic_marker_better_low(tmp_path, body, way):
    found = mechs(tmp_path, body, title="Effects of pioglitazone in adults with prediabetes: a randomised trial")
    find(found, "pioglitazone", way, "sugar")
