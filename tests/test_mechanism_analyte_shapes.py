"""Mechanism targets by their shape: gene and protein symbols with a hyphenated number or a Greek
letter before a biomarker head ('Bcl-2 expression', 'PPAR-gamma expression'), a symbol with
'mRNA' or 'transcripts' after it, cells named by the marker they carry ('CD34-positive cells'),
and a name the paper writes after a body fluid ('serum kynurenine') or after a biomarker head
when it is a gene symbol ('expression of HIF-1α'), read as a target where the paper then names
it bare. What stays out: clinical outcomes, time words shaped like symbols ('Day-1'), and bare
names and acronyms the paper never writes as measured analytes.

Every sentence was written for these tests, each class in two phrasings or layouts.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_mechanisms import find, mechs

TITLE = "Quercetin versus placebo in adults with fatty liver disease: a randomised trial"


def _targets(found: list[dict]) -> list[str]:
    return [f"{m['target']} | {m['surface']}".lower() for m in found]


@pytest.mark.parametrize("body, way, target", [
    ("Compared with placebo, quercetin lowered hepatic Mcl-1 expression.", "down", "mcl-1 expression"),
    ("Mcl-1 expression in liver biopsies fell after quercetin (P = 0.02).", "down", "mcl-1 expression"),
    ("Quercetin raised PPAR-gamma expression in adipose tissue.", "up", "ppar-gamma expression"),
    ("PGC-1α expression increased with quercetin over twelve weeks.", "up", "pgc-1α expression"),
])
def test_symbols_with_a_number_or_greek_letter_before_a_head(tmp_path, body, way, target):
    find(mechs(tmp_path, body, title=TITLE), "quercetin", way, target)


@pytest.mark.parametrize("body, way, target", [
    ("Quercetin suppressed Sirt3 mRNA by week 12.", "down", "sirt3 mrna"),
    ("Hepatic Fgf21 transcripts rose after quercetin.", "up", "fgf21 transcripts"),
])
def test_a_symbol_with_its_transcript_is_one_target(tmp_path, body, way, target):
    found = mechs(tmp_path, body, title=TITLE)
    find(found, "quercetin", way, target)
    assert not any(t.startswith("mrna |") for t in _targets(found)), _targets(found)


@pytest.mark.parametrize("body, way, target", [
    ("Quercetin reduced the number of CD68-positive cells in the portal tracts.", "down", "cd68-positive cells"),
    ("Quercetin reduced TUNEL-positive nuclei in the biopsies.", "down", "tunel-positive nuclei"),
    ("Quercetin increased IL-10-producing cells.", "up", "il-10-producing cells"),
])
def test_cells_named_by_the_marker_they_carry(tmp_path, body, way, target):
    find(mechs(tmp_path, body, title=TITLE), "quercetin", way, target)


@pytest.mark.parametrize("body, way, target", [
    ("Plasma kynurenine was measured at baseline and week 8. Kynurenine fell after quercetin "
     "(P = 0.03).", "down", "kynurenine"),
    ("Serum pentraxin was measured at baseline and week 8. Quercetin lowered pentraxin "
     "compared with placebo (P = 0.03).", "down", "pentraxin"),
    ("Urinary hydroxyproline was assayed every month. After quercetin, hydroxyproline fell "
     "significantly.", "down", "hydroxyproline"),
    ("The expression of HIF-1α was read by PCR. Quercetin reduced HIF-1α in the biopsies.", "down", "hif-1α"),
    ("We measured levels of ANGPTL8 in serum. ANGPTL8 increased after quercetin.", "up", "angptl8"),
])
def test_a_name_the_paper_writes_as_an_analyte_is_a_target_when_bare(tmp_path, body, way, target):
    find(mechs(tmp_path, body, title=TITLE), "quercetin", way, target)


@pytest.mark.parametrize("body", [
    "Kynurenine fell after quercetin (P = 0.03).",
    "Quercetin lowered pentraxin compared with placebo (P = 0.03).",
    "After quercetin, hydroxyproline fell significantly.",
    "Quercetin reduced ANGPTL8 in the biopsies.",
])
def test_the_same_names_bare_alone_are_no_target(tmp_path, body):
    assert not mechs(tmp_path, body, title=TITLE)


@pytest.mark.parametrize("body", [
    "Compared with placebo, quercetin significantly reduced systolic blood pressure.",
    "Blood pressure and heart rate fell after quercetin.",
    "Quercetin lowered Day-1 pain levels.",
    "Muscle tone was measured weekly. Quercetin increased tone in the lower limbs.",
    "Levels of VPA were recorded by accelerometer. Quercetin increased VPA in the children.",
])
def test_clinical_outcomes_and_acronyms_of_anything_stay_out(tmp_path, body):
    assert not mechs(tmp_path, body, title=TITLE), _targets(mechs(tmp_path, body, title=TITLE))


# -- the subject that is the study agent by its class, or the control arm ---------------------
CURCUMIN = "Curcumin capsules versus placebo in adults with knee osteoarthritis: a randomised trial"


@pytest.mark.parametrize("body, target", [
    ("The supplement significantly reduced serum IL-6 compared with placebo.", "il-6"),
    ("Compared with placebo, the supplement lowered hs-CRP.", "crp"),
    ("The active product markedly decreased MDA.", "mda"),
    ("Relative to the control arm, the capsules reduced TNF-α.", "tnf"),
])
def test_a_class_word_subject_after_an_adverb_or_a_comparison_is_the_study_agent(tmp_path, body, target):
    find(mechs(tmp_path, body, title=CURCUMIN), "curcumin", "down", target)


@pytest.mark.parametrize("body", [
    "Placebo reduced serum IL-6 over the same period.",
    "Compared with curcumin, placebo lowered hs-CRP.",
    "Hence, higher concentrations of MDA may have been reached.",
])
def test_the_control_arm_or_a_link_word_is_no_study_agent(tmp_path, body):
    found = [m for m in mechs(tmp_path, body, title=CURCUMIN) if "inflamm" not in m["target"]]
    assert not found, found
