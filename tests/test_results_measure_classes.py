"""Values compared whose measure was lost (the first reading named a predicate, a population or
nothing, and kg/extract/names.py left the finding without a measure): each class of phrasing
gives the measure where it puts it. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest
from test_results_unseen_phrasings import facts_of

from kg.extract.results import read_sentence


def measures(sentence: str) -> list[tuple[str, str]]:
    return [(f.measure, f.value) for f in read_sentence(sentence, reports=True)]


# -- the subject of the clause, when what stands before the bracket is its predicate ------------
@pytest.mark.parametrize("sentence, measure, value", [
    # a connective set off between the subject and its verb
    ("Hospital stay, however, was slightly shorter in the older patients (5.2 vs 6.0 days).",
     "Hospital stay", "5.2"),
    # the comparative's group ('larger among ...') is no measure
    ("The mean weight loss was larger among participants given the diet (4.1 kg vs 2.3 kg, p = 0.01).",
     "mean weight loss", "4.1 kg"),
    # a concessive clause closed by its values' bracket; no verb inside 'nurse-led'
    ("Although serious infections occurred equally often in both arms (4% vs 5%), readmission was less "
     "common in the nurse-led arm (11% vs 19%, p = 0.03).", "readmission", "11%"),
    ("While the two arms had similar costs (£410 vs £395), relapse was more frequent with usual care "
     "(14% vs 6%, p = 0.02).", "relapse", "14%"),
    # arm labels inside the bracket, the sentence glued to the one before it by its full stop
    ("In all, 212 visits were logged (median n = 3).The main outcome, wheeze recurrence, was similar "
     "between arms (drug: 30% vs. placebo: 33%, P = 0.61).", "main outcome, wheeze recurrence", "30%"),
])
def test_subject_of_the_clause_before_the_bracket(sentence, measure, value):
    assert (measure, value) in measures(sentence)


@pytest.mark.parametrize("sentence, measure, value", [
    ("Late initiation was linked to a significant reduction in survival (14.2 versus 19.8 months; P = 0.01).",
     "survival", "14.2"),
    ("Obese patients were older, and were associated with an increase in length of stay "
     "(7.5 vs 5.1 days; p = 0.02).", "length of stay", "7.5"),
])
def test_what_a_change_noun_in_the_predicate_is_about(sentence, measure, value):
    assert (measure, value) in measures(sentence)


# -- a threshold written in the measure's name -----------------------------------------------
@pytest.mark.parametrize("sentence, measure, value", [
    ("Treated patients missed fewer visits and reached adherence ≥80% by self-report (64 vs. 41%; p = 0.03).",
     "adherence ≥80% by self-report", "64%"),
    ("The proportion of women with ≥2 relapses was lower (drug 12%; placebo 25%; p = 0.02).",
     "proportion of women with ≥2 relapses", "12%"),
    ("The % fall in peak flow after exercise was 14.2% ± 4.1 in the asthmatic children and 4.9% ± 2.2 in "
     "the healthy children.", "% fall in peak flow", "14.2% ± 4.1"),
])
def test_a_threshold_in_the_name_is_kept(sentence, measure, value):
    assert (measure, value) in measures(sentence)


# -- what the people a value counts did or had, written after the value -----------------------
@pytest.mark.parametrize("sentence, measure, value", [
    ("58% of the children in the zinc arm developed otitis media versus 47% in the control arm (P = 0.2).",
     "otitis media", "58%"),
    ("Of those screened positive, 62.5% were taking aspirin and of those screened negative, 70.3% were "
     "taking aspirin.", "aspirin use", "62.5%"),
    ("Overall, 140 (90.3%) patients in the short-course arm and 131 (85.1%) patients in the standard arm "
     "completed the treatment.", "treatment completion", "140 (90.3%)"),
    ("By day 30, 31/120 (26%) of drug A-treated patients died versus 40/118 (34%) of drug B-treated "
     "patients (P = 0.2).", "death", "31/120 (26%)"),
    ("Most participants in both arms (64% in arm A and 59% in arm B) reported at least one episode of "
     "dizziness.", "at least one episode of dizziness", "64%"),
])
def test_the_predicate_after_the_value_names_the_measure(sentence, measure, value):
    assert (measure, value) in measures(sentence)


def test_the_people_an_outcome_is_counted_in_are_no_part_of_it():
    found = measures("Very low birth weight infants occurred in 7 (5%) of 140 iron-treated and 15 (11%) of "
                     "136 placebo-treated mothers (P = 0.04).")
    assert ("Very low birth weight", "7 (5%) of 140") in found


# -- 'N times more likely (...) to VERB X' -----------------------------------------------------
@pytest.mark.parametrize("sentence, measure", [
    ("Patients in arm A were 1.8 times more likely (95% CI 1.2–2.7; p = 0.004) to stop treatment than "
     "those in arm B.", "stop treatment"),
    ("Women given the vaccine were 3.1 times less likely ([1.4–6.9]; p = 0.01) to develop pneumonia than "
     "controls.", "pneumonia"),
    ("Smokers were 2.5 times more likely (OR 2.5, 95% CI 1.3–4.8) to discontinue the study drug than "
     "non-smokers.", "study drug discontinuation"),
])
def test_what_was_more_likely_is_the_measure(sentence, measure):
    assert [f.measure for f in read_sentence(sentence, reports=True) if f.rule == "result.times"] == [measure]


# -- a bracket of labelled values, each label before a list of the groups and '=' ---------------
def test_labels_before_a_list_of_groups_name_each_value():
    found = measures("The gel reduced IL-8 levels in the explants (total: vehicle vs 1 vs 5 mg = 100 ± 7 vs "
                     "72 ± 11 vs 58 ± 9%; free: 100 ± 5 vs 80 ± 12 vs 61 ± 8%).")
    assert ("total IL-8 levels in the explants", "72 ± 11") in found
    assert ("free IL-8 levels in the explants", "61 ± 8%") in found


# -- through the whole pipeline: the measure survives names.py, the evidence stays exact -------
@pytest.mark.parametrize("body, measure, value", [
    ("In all, 96 (88.9%) participants in the yoga group and 90 (83.3%) participants in the walking group "
     "completed the programme.", "programme completion", "96 (88.9%)"),
    ("Joint pain, however, was slightly less frequent among women given the supplement (21% vs 30%, "
     "p = 0.04).", "Joint pain", "21%"),
    ("Participants given the app were 1.6 times more likely (95% CI 1.1–2.3) to quit smoking than "
     "controls.", "quit smoking", "1.6 times more likely"),
])
def test_pipeline_keeps_the_measure_and_exact_evidence(tmp_path, body, measure, value):
    text, facts = facts_of(tmp_path, body)
    fact = next(f for f in facts if f.fields["value"].startswith(value))
    assert fact.fields["measure"] == measure
    quote = text[fact.evidence[0].start:fact.evidence[0].end]
    assert quote.startswith(value) and quote in body  # the span is the sentence's own text, from the value on


# -- a count of responders after a colon: what the clause before the colon is about ------------
@pytest.mark.parametrize("sentence, measure, values", [
    ("Clinical cure at day 28 was frequent in both arms: drug A 41/45, drug B 38/44.",
     "Clinical cure", ["41/45", "38/44"]),
    ("In the per-protocol set, the parasitological response was high: regimen X 29/30, 96.7% (95% CI 83–99), "
     "and regimen Y 27/27, 100% (87–100).", "parasitological response", ["29/30", "27/27"]),
])
def test_responders_after_a_colon_take_the_subject_before_it(sentence, measure, values):
    found = [(f.measure, f.value) for f in read_sentence(sentence, reports=True) if f.rule == "result.fraction"]
    assert found == [(measure, v) for v in values]


def test_responders_named_after_the_count_keep_that_name():
    assert [f.measure for f in read_sentence("Seven of 12 patients (58%) were responders to the new drug.")
            if f.rule == "result.fraction"] == ["responders to the new drug"]


# -- where no measure can be found with confidence, none is made up ---------------------------
@pytest.mark.parametrize("sentence, not_measure", [
    ("For serum ferritin similar results were observed (12% vs 14%).", "serum ferritin similar results"),
    ("Restricting the analysis to adults, this was reported more often in arm A than in arm B (31% vs 18%).",
     "Restricting the analysis to adults"),
    ("The estimate held when smokers were excluded from the analysis (2.1 vs 2.4, p = 0.7).", "smokers"),
])
def test_no_measure_from_a_clause_that_points_back_or_does_not_compare(sentence, not_measure):
    assert not_measure not in [f.measure for f in read_sentence(sentence, reports=True)]


def test_a_subgroup_with_a_threshold_is_no_measure():
    found = measures("The ferritin level was lower with iron in all patients (40 vs 55 ng/ml; P = 0.01) and in "
                     "the subgroup of patients with haemoglobin < 10 g/dl (38 vs 60 ng/ml; P = 0.02).")
    assert ("ferritin level", "38") in found
