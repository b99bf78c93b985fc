"""Mechanism targets of physiology beyond molecules: reproductive processes (ovulation), tissue
structure (villus height, crypt depth, extracellular matrix, liver fat, mucus production), nerve
fibres (C fibres), a cell's killing capacity; a process named around a lexicon cell
('keratinocyte proliferation') and a ratio of two targets ('CD4/CD8 ratio') read whole, not as
the cells inside them. Clinical outcomes and ratios of no biological entity stay no target.

Every sentence was written for these tests, each class in two phrasings or layouts.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_mechanisms import find, mechs


def _targets(found: list[dict]) -> list[str]:
    return [m["target"].lower() for m in found]


@pytest.mark.parametrize("body, agent, way, target", [
    ("Letrozole induced ovulation in most women.", "letrozole", "up", "ovulation"),
    ("Ovulation was restored after metformin treatment.", "metformin", "up", "ovulation"),
    ("Glutamine increased villus height and crypt depth in the jejunum.", "glutamine", "up", "villus height"),
    ("Glutamine increased villus height and crypt depth in the jejunum.", "glutamine", "up", "crypt depth"),
    ("Crypt depth was reduced by octreotide.", "octreotide", "down", "crypt depth"),
    ("Pirfenidone reduced extracellular matrix deposition in the biopsies.", "pirfenidone", "down",
     "extracellular matrix deposition"),
    ("The composition of the extracellular matrix was altered by budesonide.", "budesonide", "mod",
     "extracellular matrix"),
    ("Pioglitazone reduced liver fat content.", "pioglitazone", "down", "liver fat content"),
    ("Intrahepatic lipid content decreased after exenatide.", "exenatide", "down", "intrahepatic lipid content"),
    ("Carbocisteine decreased mucus production.", "carbocisteine", "down", "mucus production"),
    ("Mucus hypersecretion fell with azithromycin.", "azithromycin", "down", "mucus hypersecretion"),
    ("Capsaicin stimulates sensory C-fibres in the airway.", "capsaicin", "up", "c-fibres"),
    ("Lidocaine inhibited the firing of vagal C-fibre afferents.", "lidocaine", "down", "c-fibre"),
])
def test_physiology_targets_in_active_and_target_first_layouts(tmp_path, body, agent, way, target):
    find(mechs(tmp_path, body), agent, way, target)


@pytest.mark.parametrize("body, agent, way, target, inside", [
    ("Cyclosporine inhibited T-cell proliferation.", "ciclosporin", "down", "t-cell proliferation", "t cell"),
    ("Keratinocyte proliferation was suppressed by calcipotriol.", "calcipotriol", "down",
     "keratinocyte proliferation", "keratinocyte"),
    ("Sargramostim enhanced the bacterial killing capacity of neutrophils.", "sargramostim", "up",
     "bacterial killing capacity of neutrophils", "neutrophil"),
])
def test_a_process_of_cells_is_the_target_not_the_cells(tmp_path, body, agent, way, target, inside):
    found = mechs(tmp_path, body)
    find(found, agent, way, target)
    assert inside not in _targets(found), _targets(found)


@pytest.mark.parametrize("body, agent, way, target, sides", [
    ("Vitamin D raised the CD4/CD8 ratio.", "vitamin d", "up", "cd4/cd8 ratio", ("cd4", "cd8a")),
    ("The Th17:Treg ratio decreased after rapamycin.", "sirolimus", "down", "th17:treg ratio",
     ("th17 cell", "regulatory t cell")),
])
def test_a_ratio_of_two_targets_is_one_target(tmp_path, body, agent, way, target, sides):
    found = mechs(tmp_path, body)
    find(found, agent, way, target)
    assert not set(sides) & set(_targets(found)), _targets(found)


@pytest.mark.parametrize("body", [
    "Metformin reduced the waist/hip ratio.",
    "Atorvastatin lowered the C:V ratio.",
    "Metformin lowered blood pressure and pain.",
    "Metformin reduced mortality and the length of stay.",
])
def test_clinical_outcomes_and_ratios_of_no_entity_are_no_targets(tmp_path, body):
    assert mechs(tmp_path, body) == []


def test_a_process_naming_another_noun_leaves_the_cell(tmp_path):
    found = mechs(tmp_path, "The monocyte differentiation antigen CD14 rose after atorvastatin.")
    find(found, "atorvastatin", "up", "cd14")
    assert not any("differentiation" in t for t in _targets(found)), _targets(found)


@pytest.mark.parametrize("body, agent, target", [
    ("Zinc improved the lipid profile.", "zinc", "lipid profile"),
    ("Psyllium improved gut microbiota composition in the treated children.", "psyllium", "gut microbiota"),
])
def test_improving_a_profile_or_make_up_says_no_direction(tmp_path, body, agent, target):
    found = mechs(tmp_path, body)
    find(found, agent, "mod", target)
    assert not any(m["relation"] in ("increases", "decreases") for m in found), found


def test_improving_a_marker_keeps_its_direction(tmp_path):
    find(mechs(tmp_path, "Zinc improved HbA1c and insulin sensitivity."), "zinc", "down", "hba1c")
    find(mechs(tmp_path, "Zinc improved HbA1c and insulin sensitivity."), "zinc", "up", "insulin sensitivity")


@pytest.mark.parametrize("body, agent, way, target", [
    ("Long-term inhaled antihistamines modulate airway remodeling.", "inhaled antihistamines", "mod",
     "airway remodeling"),
    ("Short-term herbal extracts raised glutathione.", "herbal extracts", "up", "glutathione"),
    ("Prolonged treatment with inhaled antihistamines can lower mucus production.", "inhaled antihistamines",
     "down", "mucus production"),
])
def test_a_subject_after_its_term_or_a_treatment_noun_is_the_agent(tmp_path, body, agent, way, target):
    find(mechs(tmp_path, body), agent, way, target)


@pytest.mark.parametrize("body, agent, way, target", [
    ("Montelukast can not only reduce IL-13, but can also attenuate the decline in lung function.",
     "montelukast", "down", "IL-13"),
    ("Montelukast not only lowered eosinophil counts but also raised IL-10.", "montelukast", "up", "IL-10"),
])
def test_not_only_is_no_negation(tmp_path, body, agent, way, target):
    assert find(mechs(tmp_path, body), agent, way, target)["negated"] is False


def test_a_plain_not_still_negates(tmp_path):
    assert find(mechs(tmp_path, "Montelukast did not reduce IL-13."), "montelukast", "down", "IL-13")["negated"]


@pytest.mark.parametrize("body, agent, way, target", [
    ("Yohimbine raised plasma noradrenaline within an hour.", "yohimbine", "up", "noradrenaline"),
    ("Plasma oxytocin and vasopressin fell after the first dose of carbetocin.", "carbetocin", "down", "vasopressin"),
    ("Inulin increased faecal butyrate and propionate.", "inulin", "up", "butyrate"),
    ("Phytate lowered iron absorption from the test meal.", "phytic acid", "down", "iron absorption"),
    ("Cholesterol absorption was reduced by ezetimibe.", "ezetimibe", "down", "cholesterol absorption"),
    ("PCV13 increased opsonophagocytic titres.", "pcv13", "up", "opsonophagocytic titres"),
    ("BCG vaccination enhanced delayed-type hypersensitivity responses.", "bcg", "up", "delayed-type hypersensitivity"),
])
def test_hormones_transmitters_fermentation_products_and_absorption(tmp_path, body, agent, way, target):
    find(mechs(tmp_path, body), agent, way, target)


@pytest.mark.parametrize("body, agent, way, target", [
    ("Propranolol blocked the β2-adrenoceptor.", "propranolol", "down", "β2-adrenoceptor"),
    ("Isoprenaline stimulates beta-adrenergic receptors.", "isoproterenol", "up", "beta-adrenergic receptors"),
])
def test_adrenoceptors_are_targets(tmp_path, body, agent, way, target):
    find(mechs(tmp_path, body), agent, way, target)


@pytest.mark.parametrize("finding", ["Sertraline had a beneficial effect on GHbA1c.", "Sertraline improved GHbA1c."])
def test_improving_a_glycated_haemoglobin_short_form_lowers_it(tmp_path, finding):
    body = f"Glycosylated haemoglobin A1c (GHbA1c) was measured monthly. {finding}"
    find(mechs(tmp_path, body), "sertraline", "down", "glycosylated haemoglobin")
