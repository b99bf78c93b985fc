"""Dose units whose denominators are written as negative powers (the SI style of anaesthesia and
pharmacology journals: 'µg·kg−1·h−1', 'mg kg-1', 'mg.kg⁻¹', 'mg m−2') read as the slash forms
('µg/kg/h', 'mg/kg', 'mg/m2'); a power is required, so 'mg. Kg ...' or 'mg kg' is no denominator.

Every sentence here was written for these tests; each form is tried in two wordings, in both
layouts of tests/test_extraction_interventions.py.
"""

from __future__ import annotations

import pytest

from kg.lexicon import fold
from tests.test_extraction_interventions import LAYOUTS, doses, interventions

# a compound unit the lexicon lacks is a concept of its own, labelled in folded form ('µ' as 'μ')


@pytest.mark.parametrize("layout", LAYOUTS)
def test_per_kilogram_written_as_a_power(tmp_path, layout):
    body = ("Children were randomly assigned to midazolam 0.3 mg·kg−1 orally or a matching syrup "
            "before induction.")
    assert doses(interventions(tmp_path, body, layout)) == {("midazolam", 0.3, "mg/kg")}
    body = "Each patient in the active arm received remifentanil 1 μg.kg-1 as a bolus."
    assert doses(interventions(tmp_path, body, layout)) == {("remifentanil", 1.0, "µg/kg")}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_infusion_rates_written_as_powers(tmp_path, layout):
    body = ("Patients were randomized to an infusion of dexmedetomidine 0.4 µg kg−1 h−1 or saline "
            "until the end of surgery.")
    assert doses(interventions(tmp_path, body, layout)) == {("dexmedetomidine", 0.4, fold("µg/kg/h"))}
    body = "The intervention group received propofol 50 µg·kg⁻¹·min⁻¹ throughout the procedure."
    assert doses(interventions(tmp_path, body, layout)) == {("propofol", 50.0, fold("µg/kg/min"))}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_body_surface_written_as_a_power(tmp_path, layout):
    body = "Women were randomised to docetaxel 75 mg m−2 every 3 weeks or observation."
    assert doses(interventions(tmp_path, body, layout)) == {("docetaxel", 75.0, "mg/m2")}
    body = "The experimental arm was given cisplatin 60 mg m-2 on day 1."
    assert doses(interventions(tmp_path, body, layout)) == {("cisplatin", 60.0, "mg/m2")}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_power_no_denominator(tmp_path, layout):
    # a full stop before a capitalised 'Kg' word, and a unit with a space before a word, divide nothing
    body = "Patients were randomised to ketamine 20 mg. Kg values were not recorded."
    assert doses(interventions(tmp_path, body, layout)) == {("ketamine", 20.0, "mg")}
    body = "The active group received tramadol 50 mg daily for 5 days."
    assert doses(interventions(tmp_path, body, layout)) == {("tramadol", 50.0, "mg")}
