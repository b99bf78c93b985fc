"""Endpoints, round 4 of classes seen in trial abstracts: a means list that names tests before what they
measure ('laboratory tests for A and B'), counts and criteria as instruments, a list of named instruments
made use of ('A, B and C were used/administered/completed'), endpoints named before a copula without an
article ('A and B were secondary end points'), sites of the body and dose regimens that are no measures,
'risks of X' also read as 'risk of X', a negated change verb in its base form ('D did not improve X'),
a declaration after a finding lending the finding's endpoint its kind, a category after 'any of the'
(a reference back) and a passive after 'also'/'further' ('A and B were also assessed').

Each class in two wordings and two layouts (a headed section; an abstract with inline labels).
Every sentence here was written for these tests; nothing is copied from a scored paper.
"""

from __future__ import annotations

import pytest

from tests.test_endpoints_unseen_abstracts import METHODS, RESULTS, endpoints
from tests.test_extraction_endpoints_aes import facts_of


# -- means lists -------------------------------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected, absent", [
    ("Gout activity was evaluated by tophus counts, the Flare Impact Questionnaire (FIQ) and laboratory tests "
     "for serum urate and creatinine clearance.",
     {"tophus counts", "flare impact questionnaire", "serum urate", "creatinine clearance"}, {"laboratory tests"}),
    ("Liver injury was assessed with the Leeds Steatosis Index, and blood sampling for alanine aminotransferase, "
     "bilirubin and albumin.",
     {"leeds steatosis index", "alanine aminotransferase", "bilirubin", "albumin"}, {"blood sampling"}),
])
def test_a_means_list_names_tests_then_what_they_measure(tmp_path, section, wrap, sentence, expected, absent):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found
    assert not absent & set(found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("Joint damage was rated with the Brixton erosion criteria and swollen joint counts.",
     {"brixton erosion criteria", "swollen joint counts"}),
    ("Skin disease was scored using lesion counts and the Harlow Itch Scale.", {"lesion counts", "harlow itch scale"}),
])
def test_counts_and_criteria_are_instruments_of_a_means_list(tmp_path, section, wrap, sentence, expected):
    assert expected <= set(endpoints(tmp_path, wrap.format(sentence), section))


# -- named instruments made use of ---------------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("The Morven Sleep Index (MSI), the Tarrant Mood Inventory and the Kessington Fatigue Scale were used.",
     {"morven sleep index", "tarrant mood inventory", "kessington fatigue scale"}),
    ("At baseline and week 12 the Ashdown Pain Questionnaire: Short Form (APQ:SF) and the Corley Anxiety "
     "Scale (CAS) were completed by each participant.",
     {"corley anxiety scale"}),
])
def test_a_list_of_named_instruments_made_use_of(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found
    if "APQ" in sentence:
        assert any(n.startswith("ashdown pain questionnaire") for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence", [
    "A paired samples t-test and a Wilcoxon signed-rank test were used.",
    "Oral prednisolone and the Brookfield inhaler device were used; a battery of tests was administered.",
])
def test_statistical_tests_drugs_and_generic_tests_made_use_of_are_no_endpoints(tmp_path, section, wrap, sentence):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert not any(w in n for n in found for w in ("test", "prednisolone", "device", "battery")), found


# -- declared before a copula ----------------------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected, kind", [
    ("Serum urate, flare frequency and tophus size were secondary end points.",
     {"serum urate", "flare frequency", "tophus size"}, "secondary"),
    ("Time to relapse and hospital admission were primary outcomes of the trial.",
     {"time to relapse", "hospital admission"}, "primary"),
])
def test_endpoints_named_before_a_copula_without_an_article(tmp_path, section, wrap, sentence, expected, kind):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found
    assert all(found[n]["kind"] == kind for n in expected), found


@pytest.mark.parametrize("section, wrap", METHODS)
def test_an_opening_clause_is_no_endpoint_of_a_copula_declaration(tmp_path, section, wrap):
    found = endpoints(tmp_path, wrap.format("In the second cohort, walking speed was a secondary outcome."), section)
    assert "walking speed" in found, found
    assert not any("cohort" in n for n in found), found


# -- what is no measure ------------------------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, site", [
    ("Changes in the prefrontal cortex were small (p = 0.4).", "prefrontal cortex"),
    ("The tea had no measurable effect on the gut (p = 0.6).", "gut"),
])
def test_a_site_of_the_body_alone_is_no_measure(tmp_path, section, wrap, sentence, site):
    assert site not in endpoints(tmp_path, wrap.format(sentence), section)


@pytest.mark.parametrize("section, wrap", RESULTS)
def test_a_list_of_sites_after_a_measure_keeps_the_measure_only(tmp_path, section, wrap):
    found = endpoints(tmp_path, wrap.format(
        "There was no difference in the erosion score in the antrum, stomach and duodenum (p = 0.3)."), section)
    assert any(n.startswith("erosion score") for n in found), found
    assert not {"stomach", "duodenum"} & set(found), found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, regimen", [
    ("Compared with a higher intermittent dosage, the infusion gave a shorter fever duration (p = 0.02).",
     "higher intermittent dosage"),
    ("Patients on the standard dose showed fewer relapses than those on continuous dosing (p = 0.04).",
     "continuous dosing"),
])
def test_a_regimen_is_no_measure(tmp_path, section, wrap, sentence, regimen):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert regimen not in found and "standard dose" not in found, found


@pytest.mark.parametrize("section, wrap", METHODS)
def test_what_was_dosed_stays_a_measure(tmp_path, section, wrap):
    found = endpoints(tmp_path, wrap.format("The secondary endpoint was the reduction of insulin dosage."), section)
    assert any("insulin dosage" in n for n in found), found


# -- name variants -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, variant", [
    ("The primary endpoints were the day-7 and day-21 risks of treatment failure.", "day-7 risk of treatment failure"),
    ("Secondary outcomes were the rates of wound dehiscence at 30 days.", "rate of wound dehiscence"),
])
def test_a_plural_head_before_of_is_also_read_singular(tmp_path, section, wrap, sentence, variant):
    facts = facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section)
    surfaces = {s.lower() for f in facts for s in f.fields.get("_surfaces", [])}
    assert variant in surfaces, surfaces


# -- negated change verbs ------------------------------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, expected", [
    ("Adding atorvastatin did not significantly improve walking distance (p = 0.41).", {"walking distance"}),
    ("The exercise programme does not reduce fall rate or fracture risk (p > 0.2).", {"fall rate", "fracture risk"}),
])
def test_a_negated_change_verb_names_its_object(tmp_path, section, wrap, sentence, expected):
    assert expected <= set(endpoints(tmp_path, wrap.format(sentence), section))


@pytest.mark.parametrize("section, wrap", RESULTS)
def test_a_negated_verb_without_a_treatment_subject_names_nothing(tmp_path, section, wrap):
    found = endpoints(tmp_path, wrap.format("Most patients did not improve markedly."), section)
    assert not found, found


# -- a declaration lends its kind ------------------------------------------------------------------------------
@pytest.mark.parametrize("body", [
    "Results: The spray did not improve nasal airflow (p = 0.3). Methods: Nasal airflow was the primary outcome.",
    "Results\n\nThe spray did not improve nasal airflow (p = 0.3).\n\nNasal airflow was the primary endpoint.",
])
def test_a_declaration_after_a_finding_lends_its_kind(tmp_path, body):
    found = endpoints(tmp_path, body, None)
    assert found.get("nasal airflow", {}).get("kind") == "primary", found


# -- lists of objects with their statistics, treatment words inside names, changed traits ----------------------
@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, expected", [
    ("Adding cisplatin did not significantly improve overall survival (OS) (p = 0.31) or event-free survival "
     "(EFS) (p = 0.44).", {"overall survival", "event-free survival"}),
    ("Metformin reduced fasting insulin (p = 0.01) and insulin resistance (p = 0.03) at week 12.",
     {"fasting insulin", "insulin resistance"}),
])
def test_objects_each_with_their_statistic_are_all_measures(tmp_path, section, wrap, sentence, expected):
    assert expected <= set(endpoints(tmp_path, wrap.format(sentence), section))


@pytest.mark.parametrize("section, wrap", RESULTS)
def test_the_subject_of_a_negated_change_verb_with_an_object_is_no_measure(tmp_path, section, wrap):
    found = endpoints(tmp_path, wrap.format("Adding cisplatin did not improve tumour response (p = 0.2)."), section)
    assert "tumour response" in found and not any("cisplatin" in n for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("Clinical cure, duration of antibiotic treatment and ventilator days were assessed.",
     {"clinical cure", "duration of antibiotic treatment", "ventilator days"}),
    ("Relapse, number of clinic visits and length of steroid therapy were recorded for each child.",
     {"relapse", "clinic visits", "length of steroid therapy"}),  # ('number of' goes, as for any count)
])
def test_a_treatment_word_after_a_measure_word_and_of_is_inside_the_name(tmp_path, section, wrap, sentence, expected):
    assert expected <= set(endpoints(tmp_path, wrap.format(sentence), section))


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence", [
    "We assessed changes from baseline in HbA1c, fasting glucose and weight at week 24.",
    "The change in weight and waist circumference was measured after 6 months.",
])
def test_weight_is_a_measure_where_its_change_is_named(tmp_path, section, wrap, sentence):
    assert "weight" in endpoints(tmp_path, wrap.format(sentence), section)


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence", [
    "Age, sex and weight were recorded at entry.",
    "Weight and height were measured to compute the dose.",
])
def test_weight_among_traits_recorded_is_no_measure(tmp_path, section, wrap, sentence):
    assert "weight" not in endpoints(tmp_path, wrap.format(sentence), section)


# -- back references ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence", [
    "There were no differences between the arms for any of the inflammatory biomarkers (p > 0.2).",
    "No change was seen in any of the secondary cognitive measures after the diet.",
])
def test_a_category_after_any_of_the_refers_back(tmp_path, section, wrap, sentence):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert not any(n.endswith(("biomarkers", "measures")) for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("Haemodynamic and respiratory parameters were also assessed.",
     {"haemodynamic parameters", "respiratory parameters"}),
    ("Grip strength was further examined in the older patients.", {"grip strength"}),
])
def test_a_passive_after_also_or_further_and_a_category_assessed(tmp_path, section, wrap, sentence, expected):
    assert expected <= set(endpoints(tmp_path, wrap.format(sentence), section))
