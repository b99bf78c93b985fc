"""Results whose measure was missing: a value that opens the clause after a colon is about the
subject of the clause before it, and a value sentence that names no measure is about the
subject of the sentence before it. Every sentence here was written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_results_unseen_phrasings import facts_of

from kg.extract import extract_all
from kg.extract.results import read_sentence
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp

TITLE = "A short article written for the tests of result measures, on a made-up randomised trial"


@pytest.mark.parametrize("sentence, measure, value", [
    ("The recovery time was shorter in the laser group: 9.4±2.1 days vs 11.8±3.0 days (P=0.002).",
     "recovery time", "9.4±2.1 days"),
    ("Length of stay was longer in arm B: 6.1 ± 1.2 d versus 5.0 ± 1.4 d (p < 0.01).",
     "Length of stay", "6.1 ± 1.2 d"),
    ("In the second week, wound closure was faster with the gel; 8.2 vs 10.4 days (p = 0.03).",
     "wound closure", "8.2"),
])
def test_value_after_a_colon_takes_the_subject_of_the_clause_before(sentence, measure, value):
    found = [(f.measure, f.value) for f in read_sentence(sentence)]
    assert (measure, value) in found


def test_a_label_before_a_colon_still_names_the_value():
    assert [f.measure for f in read_sentence("Nausea: 12% vs 30% (p = 0.01).")] == ["Nausea"]


@pytest.mark.parametrize("body, measure, value", [
    ("Intraoperative bleeding did not differ between the arms. MD = 12.4 mL; 95% CI −20.1 to 44.9.",
     "Intraoperative bleeding (md)", "12.4 mL; 95% CI −20.1 to 44.9"),
    ("The time to discharge was shorter with the new protocol. 3.1 ± 0.8 days vs 4.0 ± 1.1 days (p = 0.003).",
     "time to discharge", "3.1 ± 0.8 days"),
])
def test_value_sentence_without_a_measure_takes_the_subject_of_the_sentence_before(tmp_path, body, measure, value):
    text, facts = facts_of(tmp_path, body)
    got = [(f.fields["measure"], f.fields["value"]) for f in facts]
    assert (measure, value) in got
    fact = next(f for f in facts if f.fields["value"] == value)
    assert value in text[fact.evidence[0].start:fact.evidence[0].end]


def test_a_new_paragraph_lends_no_subject(tmp_path):
    _, facts = facts_of(tmp_path, "The time to discharge was shorter with the new protocol.\n\n"
                                  "3.1 ± 0.8 days vs 4.0 ± 1.1 days (p = 0.003).")
    assert all(f.fields["measure"] != "time to discharge" or f.fields["value"] == "shorter" for f in facts)


# -- junk measures: clause openers, adverbs, arm phrases, whole clauses --------------------------
@pytest.mark.parametrize("sentence, measure", [
    ("There were more responders in the drug group (40% vs 22%, p = 0.01).", "responders"),
    ("Fatigue scores in the exercise group were 3.1 versus 4.5 in the usual-care group (p = 0.02).",
     "Fatigue scores"),
    ("Sleep quality in the melatonin arm improved from 8.1 to 6.2 (p = 0.01).", "Sleep quality"),
    ("Unexpectedly, serum ferritin rose to 240 ng/mL (p = 0.02).", "serum ferritin"),
])
def test_an_arm_or_an_opening_adverb_is_no_part_of_the_measure(sentence, measure):
    assert measure in [f.measure for f in read_sentence(sentence)]


def test_a_clause_opener_is_no_measure_what_the_shares_reported_is():
    # the shares are of patients: what they reported after the values is the measure (s18)
    assert [f.measure for f in read_sentence("More broadly, 45% vs 30% reported benefit (p = 0.02).")] == ["benefit"]


@pytest.mark.parametrize("sentence", [
    "The pain groups were not significantly different (p = 0.41).",
    "The two walking arms were similar (p = 0.62).",
])
def test_a_clause_opener_or_an_arm_phrase_is_no_measure(sentence):
    found = read_sentence(sentence)
    assert found and all(f.measure == "value" for f in found)


@pytest.mark.parametrize("measure, clean", [
    ("either group", "value"), ("following ketamine administration", "value"), ("metformin arms", "value"),
    ("the placebo group", "value"), ("there were", "value"), ("values", "value"), ("parallel", "value"),
    ("culture positive and culture negative groups", "value"),
    ("gametocyte density in the standard group", "gametocyte density"),
    ("pain scores in the metformin group (md)", "pain scores (md)"),
    ("difference between the study groups", "difference between the study groups"),
    ("number of patients with remission", "number of patients with remission"),
])
def test_sane_measure(measure, clean):
    from kg.extract.results import sane_measure
    assert sane_measure(measure) == clean


# -- a qualitative value split from its measure ---------------------------------------------------
@pytest.mark.parametrize("sentence, measure, value", [
    ("The increase in disability was significant in both arms (p < 0.01).", "disability", "significant increase"),
    ("The difference in mean HbA1c between the groups was significant (p = 0.02).", "mean HbA1c",
     "significant difference"),
    ("The reduction in waist circumference was not significant (p = 0.31).", "waist circumference",
     "not significant reduction"),
    ("Participants showed a significant increase in their weekly step count (p = 0.049).",
     "weekly step count", "significant increase"),
])
def test_the_change_noun_goes_with_the_value_and_the_rest_is_the_measure(sentence, measure, value):
    assert (measure, value) in [(f.measure, f.value) for f in read_sentence(sentence)]


# -- a p-value that names what it covers ------------------------------------------------------------
@pytest.mark.parametrize("sentence, measures", [
    ("Patients in the yoga group improved more (p < .001 for fatigue, sleep quality and mood).",
     ["fatigue", "sleep quality", "mood"]),
    ("Scores were lower after training (p ≤ .01 for anxiety, depression, and stress).",
     ["anxiety", "depression", "stress"]),
])
def test_a_p_value_for_a_list_goes_to_each_listed_measure(sentence, measures):
    found = read_sentence(sentence)
    assert [f.measure for f in found] == measures
    assert len({f.p.text for f in found}) == 1 and all(f.p is not None for f in found)


def test_a_p_value_for_all_goes_to_every_finding_before_it():
    found = read_sentence("The walking group improved more than controls in fatigue, sleep quality and mood "
                          "(p ≤ .001 for each).")
    assert [f.measure for f in found] == ["fatigue", "sleep quality", "mood"]
    assert all(f.p is not None and f.p.fields["p"] == 0.001 for f in found)


def test_a_p_value_for_subgroups_is_no_list_of_measures():
    found = read_sentence("Pain was lower with the patch (p < 0.05 for men and women).")
    assert [f.measure for f in found] == ["Pain"]


# -- a time point is no value; a trailing time point is no part of the measure ---------------------
@pytest.mark.parametrize("body, times", [
    ("Pain relief was greater with the block than with saline at three time points: 4 h (P < 0.01), "
     "8 h (P < 0.01) and 24 h (P < 0.05).", ["4 h", "8 h", "24 h"]),
    ("Anxiety was lower in the music group at two time points: 30 min (p = 0.02) and 60 min (p = 0.04).",
     ["30 min", "60 min"]),
])
def test_time_points_written_as_values_are_timepoints_of_the_comparison(tmp_path, body, times):
    _, facts = facts_of(tmp_path, body)
    assert [f.fields["timepoint"] for f in facts] == times
    assert all(f.fields["value"] in ("greater", "lower") and f.fields["p_value"] is not None for f in facts)


def test_a_duration_compared_is_still_a_value():
    assert [(f.measure, f.value) for f in read_sentence("Median survival was 10 years versus 8 years (p = 0.03).")] \
        == [("Median survival", "10 years")]


@pytest.mark.parametrize("measure, clean", [
    ("fruit servings per day from baseline to follow-up", "fruit servings per day"),
    ("step count at week 12", "step count"),
    ("systolic pressure over 12 months", "systolic pressure"),
])
def test_a_trailing_time_point_leaves_the_measure(measure, clean):
    from kg.extract.results import sane_measure
    assert sane_measure(measure) == clean


# -- a subsection heading names the measure of a finding that names none -----------------------------
def full_text_facts(tmp_path: Path, body: str) -> list:
    from kg.readers import read as read_document
    path = tmp_path / "article.txt"
    path.write_text(f"{TITLE}\n\n{body}\n", encoding="utf-8")
    document = read_document(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    return [f for f in ctx.facts if f.kind == "result"]


def test_a_subsection_heading_names_the_measure(tmp_path):
    facts = full_text_facts(tmp_path, "Results\n\nGlobal symptom score\n\nSignificant differences between groups "
                                      "were found at week 4 (chi square = 5.1, p = 0.02).\n\nNegative symptoms\n\n"
                                      "At week 8, the difference between the arms approached significance (p = 0.07).")
    assert [(f.fields["measure"], f.fields["p_value"]) for f in facts] == \
        [("Global symptom", 0.02), ("Negative symptoms", 0.07)]


def test_a_generic_heading_names_no_measure(tmp_path):
    facts = full_text_facts(tmp_path, "Results\n\nSecondary outcomes\n\nSignificant differences between groups "
                                      "were found at week 4 (p = 0.02).")
    assert [f.fields["measure"] for f in facts] == [None]


# -- counts of a total compared ('13/69 vs 1/36') -------------------------------------------------------
@pytest.mark.parametrize("sentence, measure, value, comparator", [
    ("The cure rate was higher in the study group: 22/40 vs 9/41.", "cure rate", "22/40", "9"),
    ("Response occurred in 13/69 patients vs 1/36 patients (p = 0.03).", "Response", "13/69", "1"),
])
def test_counts_of_a_total_compared_keep_their_totals(sentence, measure, value, comparator):
    assert [(f.measure, f.value, f.comparator) for f in read_sentence(sentence)] == [(measure, value, comparator)]


def test_a_slash_before_a_unit_is_no_count_of_a_total():
    assert all("/" not in f.value for f in read_sentence("Blood pressure was 120/80 mmHg vs 135/85 mmHg (p = 0.02)."))


@pytest.mark.parametrize("sentence, measure, value, sd", [
    ("Onset time was 2.8 (1.1) versus 2.5 (1.1) min.", "Onset time", "2.8 (1.1)", 1.1),
    ("Recovery time was 4.2 (1.3) versus 3.9 (1.5) min (p = 0.21).", "Recovery time", "4.2 (1.3)", 1.3),
])
def test_bare_brackets_on_both_sides_of_a_comparison_are_spreads(sentence, measure, value, sd):
    assert [(f.measure, f.value, f.sd) for f in read_sentence(sentence)] == [(measure, value, sd)]


@pytest.mark.parametrize("body, measure", [
    ("The mean share of stained cells in arm B before and after dosing was 24.7% and 10.4%, respectively. "
     "A statistically significant reduction was observed (p < 0.001).", "share of stained cells"),
    ("Serum urate was lower after the diet than before it. The reduction was statistically significant (p = 0.002).",
     "Serum urate"),
])
def test_a_bare_change_noun_points_back_to_the_measure_before(tmp_path, body, measure):
    _, facts = facts_of(tmp_path, body)
    assert (measure, "statistically significant reduction") in [(f.fields["measure"], f.fields["value"]) for f in facts]


@pytest.mark.parametrize("sentence, measure", [
    ("There was no significant difference in 'mortality' between the two arms within the first week (P > 0.05).",
     "mortality"),
    ("The groups differed in “time to first stool” (12 vs 18 h, p = 0.01).", "time to first stool"),
])
def test_quotes_around_a_measure_are_no_part_of_it(sentence, measure):
    assert [f.measure for f in read_sentence(sentence)] == [measure]
