"""Result shapes the result bridge (kg/extract/mechanism_results.py) and the clause reader now read
as a drug's effect on a biomarker, and the look-alikes they must leave alone.

Classes: the measure names one analyte of a list that shares its specimen word ('serum leptin,
resistin or ghrelin'); a marker measured in a cell population ('FOXP3 expression in CD4 cells');
a signed change whose verb stands before its value ('changed by -2.1'); a between-arm
difference estimate (its sign when the study arm is named first or it is the treatment's
difference, else 'modulates'); a marker with its unit and a colon before the arms' values; a
second change noun joined by 'and'; protein names with a member number after a hyphen; taxa
of the gut microbiota; a participle that qualifies a specimen ('induced sputum'); markers
listed before a classifier ('... and p53 status') and a marker stated as a predictor.

Every sentence was written for these tests, each class in two phrasings or layouts.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_mechanisms import find, mechs
from tests.test_mechanism_results import ACTIVE_TITLE, PLACEBO_TITLE, _about, _way


@pytest.mark.parametrize("drug, body, targets", [
    ("Berberine", "No significant differences between the groups were found in plasma visfatin, chemerin or "
     "adiponectin.", ("visfatin", "chemerin", "adiponectin")),
    ("Berberine", "Serum leptin and ghrelin did not differ between the berberine and placebo groups.",
     ("leptin", "ghrelin")),
])
def test_each_analyte_of_a_list_sharing_a_specimen_word_is_negated(tmp_path, drug, body, targets):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    for target in targets:
        hits = _about(found, target)
        assert hits and all(m["negated"] and drug.lower() in m["agent"].lower() for m in hits), (target, found)


@pytest.mark.parametrize("drug, body, target, way", [
    ("Resveratrol", "SIRT1 expression in peripheral blood mononuclear cells was 2.4 with resveratrol versus 1.1 "
     "with placebo (p = 0.02).", "sirt1", "up"),
    ("Resveratrol", "After 8 weeks, NF-κB activity in monocytes was 0.31 in the resveratrol group and 0.52 in the "
     "placebo group (P = 0.004).", "nf", "down"),
])
def test_a_marker_measured_in_cells_is_the_target_not_the_cells(tmp_path, drug, body, target, way):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    find(found, drug, way, target)
    assert not any("monocyte" in m["target"].lower() or "mononuclear" in m["target"].lower() for m in found), found


@pytest.mark.parametrize("drug, body, target", [
    ("Spirulina", "Plasma fibrinogen changed by -0.42 g/l in the spirulina group and by +0.05 g/l in the placebo "
     "group (P = 0.01).", "fibrinogen"),
    ("Spirulina", "Over 12 weeks, serum ferritin changed by −18 ng/ml in the spirulina group, against +2 ng/ml in "
     "the placebo group (p = 0.003).", "ferritin"),
])
def test_a_signed_change_after_its_verb_gives_the_direction(tmp_path, drug, body, target):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    find(found, drug, "down", target)
    assert not any(_way(m["relation"]) == "up" for m in _about(found, target)), found


@pytest.mark.parametrize("drug, body, target, way", [
    ("Curcumin", "The mean difference in serum IL-8 between the curcumin and placebo groups was -3.1 pg/ml "
     "(95% CI -5.0 to -1.2; P = 0.002).", "il-8", "down"),
    ("Curcumin", "The treatment effect for plasma adiponectin was +1.4 µg/ml (95% CI 0.5 to 2.3; P = 0.003).",
     "adiponectin", "up"),
    ("Curcumin", "A significant difference between the groups was found in plasma MDA (mean difference 0.9 "
     "µmol/l, P = 0.01).", "mda", "mod"),
])
def test_a_difference_estimate_between_the_arms_gives_its_way_when_ordered(tmp_path, drug, body, target, way):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    m = find(found, drug, way, target)
    assert not m["negated"]


@pytest.mark.parametrize("title, body", [
    (PLACEBO_TITLE.format(drug="Curcumin"), "The mean difference in serum IL-8 between the curcumin and placebo "
     "groups was -0.4 pg/ml (95% CI -1.1 to 0.3; P = 0.27)."),
    (PLACEBO_TITLE.format(drug="Curcumin"), "The treatment effect on diastolic blood pressure was -3.2 mmHg "
     "(P = 0.02)."),
    (PLACEBO_TITLE.format(drug="Curcumin"), "The only significant difference between the arms was a shorter "
     "interval among patients with biomarker samples (12 versus 20 months; P = 0.001)."),
    (ACTIVE_TITLE, "The mean difference in serum IL-8 between the groups was -3.1 pg/ml (P = 0.002)."),
])
def test_no_difference_effect_when_not_significant_clinical_two_values_or_two_active_arms(tmp_path, title, body):
    assert mechs(tmp_path, body, title=title) == []


@pytest.mark.parametrize("drug, body, target, way", [
    ("Quercetin", "IL-6 (pg/ml): quercetin 2.1 ± 0.4 vs placebo 3.5 ± 0.6, p = 0.002.", "il-6", "down"),
    ("Quercetin", "Serum osteocalcin (ng/ml): placebo 11.2 ± 2.0 versus quercetin 14.9 ± 2.6 (P < 0.01).",
     "osteocalcin", "up"),
])
def test_a_marker_with_its_unit_and_a_colon_before_the_arms_values(tmp_path, drug, body, target, way):
    find(mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug)), drug, way, target)


@pytest.mark.parametrize("drug, body", [
    ("Astaxanthin", "The astaxanthin group showed a significant increase in serum SOD (p < 0.001) and a "
     "significant decrease in plasma MDA (p = 0.002)."),
    ("Astaxanthin", "Astaxanthin produced a marked rise in glutathione peroxidase and a significant fall in "
     "serum MDA."),
])
def test_a_second_change_noun_joined_by_and_has_the_same_agent(tmp_path, drug, body):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug))
    find(found, drug, "down", "mda")


@pytest.mark.parametrize("drug, body, target, way", [
    ("Metformin", "Plasma nesfatin-1 was significantly higher in the metformin group than in the placebo group "
     "(p = 0.01).", "nesfatin-1", "up"),
    ("Metformin", "Metformin lowered serum galectin-3 after six months.", "galectin-3", "down"),
])
def test_a_protein_name_with_its_member_number_is_a_target(tmp_path, drug, body, target, way):
    find(mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug)), drug, way, target)


@pytest.mark.parametrize("drug, body, target, way", [
    ("Lactulose", "After lactulose, Bifidobacterium populations increased significantly (p = 0.01).",
     "bifidobacterium", "up"),
    ("Lactulose", "Lactulose lowered the Firmicutes/Bacteroidetes ratio in stool samples.", "firmicutes", "down"),
    ("Lactulose", "The proportion of Proteobacteria fell significantly in the lactulose group (p = 0.02).",
     "proteobacteria", "down"),
    ("Lactulose", "Lactobacillus counts rose with lactulose, whereas Enterobacteriaceae populations declined.",
     "enterobacteriaceae", "down"),
])
def test_gut_microbial_taxa_are_targets(tmp_path, drug, body, target, way):
    find(mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug)), drug, way, target)


@pytest.mark.parametrize("body", [
    "Diabetes and Minutes of exercise were recorded, and Athletes in Wales reduced their training.",
    "The Rationales of the trial increased enrolment.",
])
def test_capitalised_words_with_taxon_endings_are_no_taxa(tmp_path, body):
    assert mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug="Lactulose")) == []


@pytest.mark.parametrize("drug, body, target", [
    ("Montelukast", "Eosinophil numbers in induced sputum fell by 40% after montelukast (p = 0.01).", "eosinophil"),
    ("Montelukast", "The percentage of neutrophils in induced sputum decreased with montelukast.", "neutrophil"),
])
def test_a_participle_qualifying_a_specimen_is_no_relation(tmp_path, drug, body, target):
    found = _about(mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug=drug)), target)
    assert found and all(_way(m["relation"]) == "down" for m in found), found


@pytest.mark.parametrize("body", [
    "Flaxseed decreased serum lipid peroxidation and increased liver glutathione content.",
    "Flaxseed reduced urinary isoprostanes and increased glutathione levels in erythrocytes.",
])
def test_a_participle_after_and_is_still_a_relation(tmp_path, body):
    find(mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug="Flaxseed")), "flaxseed", "up", "glutathione")


@pytest.mark.parametrize("body", [
    "We asked whether response to docetaxel differed according to HER2, Ki-67, and p53 status.",
    "Outcomes with docetaxel differed by ERCC1 and BRCA1 genotype.",
    "Ki-67 expression was not associated with differences in response to docetaxel.",
    "Tumour VEGF expression was not correlated with changes in survival after docetaxel.",
])
def test_markers_before_a_classifier_or_as_predictors_are_no_targets(tmp_path, body):
    found = mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug="Docetaxel"))
    assert not [m for m in found if m["target"].lower() not in ("docetaxel",)], found


@pytest.mark.parametrize("body", [
    "Nicotinamide down-regulated 212 genes in the biopsies.",
    "Nicotinamide significantly increased mRNA expression after six weeks.",
])
def test_a_bare_generic_word_is_no_target(tmp_path, body):
    assert mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug="Nicotinamide")) == []


@pytest.mark.parametrize("body, target", [
    ("Nicotinamide reduced inflammatory biomarkers in the biopsies.", "inflammatory"),
    ("Nicotinamide down-regulated the genes ARG1 and NOS2.", "arg1"),
])
def test_a_qualified_or_named_generic_target_stays(tmp_path, body, target):
    assert _about(mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug="Nicotinamide")), target)


ADD_ON_TITLE = "Sitagliptin added to metformin in adults with type 2 diabetes: a randomised placebo-controlled trial"
ACTIVE_PAIR_TITLE = "Sitagliptin versus metformin in adults with type 2 diabetes: a randomised trial"


@pytest.mark.parametrize("body", [
    "Sitagliptin plus metformin reduced serum IL-6 compared with metformin alone (p = 0.01).",
    "Sitagliptin with metformin lowered plasma IL-6 more than metformin with placebo (p = 0.02).",
])
def test_the_background_drug_of_an_add_on_combination_is_no_agent(tmp_path, body):
    found = _about(mechs(tmp_path, body, title=ADD_ON_TITLE), "il-6")
    assert found and all("sitagliptin" in m["agent"].lower() for m in found), found


@pytest.mark.parametrize("body", [
    "In contrast to metformin, sitagliptin lowered plasma IL-6.",
    "In contrast with metformin, sitagliptin significantly reduced serum IL-6 (p = 0.01).",
])
def test_the_arm_after_in_contrast_to_is_the_comparator(tmp_path, body):
    found = _about(mechs(tmp_path, body, title=ACTIVE_PAIR_TITLE), "il-6")
    assert found and all("sitagliptin" in m["agent"].lower() for m in found), found


@pytest.mark.parametrize("body, target, way", [
    ("Villus height and crypt depth in the jejunum were increased as a result of glutamine treatment.",
     "villus height", "up"),
    ("Serum zonulin concentrations were reduced as a consequence of glutamine treatment (p = 0.02).",
     "zonulin", "down"),
    ("Intestinal permeability decreased owing to glutamine supplementation.", "permeability", "down"),
])
def test_a_causal_link_before_the_agent_names_what_caused_the_change(tmp_path, body, target, way):
    find(mechs(tmp_path, body, title=PLACEBO_TITLE.format(drug="Glutamine")), "glutamine", way, target)
