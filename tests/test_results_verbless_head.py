"""A measure written as the heading of its clause, with no verb, then the groups and their values
('Mean X (unit) at 12 weeks: A 2.1 vs B 3.4', 'X, A versus B: 3.2 versus 4.5', 'X: 7.1% (A) vs 7.6% (B)'):
the heading names the values, not the group written right before the first one. A heading of the
groups before treatment or of who they are (baseline, age, numbers of patients) names no finding."""

from __future__ import annotations

import pytest

from kg.extract.results import _verbless_head, read_sentence
from tests.test_extraction_endpoints_aes import facts_of


def results(tmp_path, body, section):
    return [f.fields for f in facts_of(tmp_path, body, "result", section=section)]


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("sentence,measure,value,comparator", [
    # the group before each value
    ("Mean serum sodium (mmol/l) at 6 weeks: tolvaptan 138.2 vs placebo 134.9 (p = 0.002).",
     "serum sodium", "138.2", "134.9"),
    ("Trough FEV1 after 24 weeks: tiotropium 1.42 L versus placebo 1.31 L; P = 0.01.",
     "FEV1", "1.42 L", "1.31 L"),
    # the groups in brackets after the values
    ("Serum magnesium at week 8: 0.91 mmol/l (oral magnesium) versus 0.82 mmol/l (placebo); P = 0.004.",
     "magnesium", "0.91 mmol/l", "0.82 mmol/l"),
    # the groups compared named before the colon
    ("Itch scores, cetirizine vs vehicle: 2.4 vs 5.1; P < 0.001.", "Itch", "2.4", "5.1"),
    ("Nausea frequency, ondansetron versus metoclopramide: 1.3 versus 2.8 episodes (p = 0.03).",
     "Nausea frequency", "1.3", "2.8"),
])
def test_the_heading_names_the_values(tmp_path, section, sentence, measure, value, comparator):
    got = results(tmp_path, sentence, section)
    hit = [r for r in got if r["value"] == value and (r["comparator_value"] or "").startswith(comparator)]
    assert hit and measure.lower() in hit[0]["measure"].lower(), got


@pytest.mark.parametrize("sentence,measure", [
    ("Mean ALT (U/l) at 12 weeks: silymarin 31.5 vs placebo 44.0 (p = 0.02).", "Mean ALT"),
    ("Pain scores, naproxen versus placebo: 3.1 versus 4.6; P = 0.01.", "Pain scores"),
    ("Serum urate at 6 months: 5.2 mg/dl (febuxostat) vs 6.9 mg/dl (allopurinol).", "Serum urate"),
])
def test_read_sentence_takes_the_heading(sentence, measure):
    got = read_sentence(sentence, reports=True)
    assert got and got[0].measure == measure, [(f.measure, f.value) for f in got]


@pytest.mark.parametrize("prefix", [
    "Mean age (years): drug ",  # who the groups are
    "At baseline, HbA1c: ",  # before treatment
    "Number of patients: drug ",  # a sample size
    "Patients randomised: drug ",  # a verb: a clause of its own
    "Results: drug ",  # a part's heading
    "The mean ALT was lower with drug: ",  # a clause with a verb
])
def test_no_heading_of_people_baseline_or_a_clause(prefix):
    assert _verbless_head(prefix) is None


def test_a_baseline_heading_does_not_name_the_values(tmp_path):
    got = results(tmp_path, "Mean age (years): tolvaptan 61.2 vs placebo 60.8.", "Results")
    assert not any("age" in (r["measure"] or "").lower() for r in got), got


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("sentence,measure,value,comparator", [
    ("Clinical cure \u2014 amoxicillin 81%, cefuroxime 74% (p = 0.04).", "Clinical cure", "81%", "74%"),
    ("Seroconversion at day 28 \u2013 adjuvanted vaccine 92.5%, plain vaccine 70.1%; P < 0.001.",
     "Seroconversion", "92.5%", "70.1%"),
])
def test_a_dash_heading_then_groups_and_values(tmp_path, section, sentence, measure, value, comparator):
    got = results(tmp_path, sentence, section)
    hit = [r for r in got if r["value"] == value and r["comparator_value"] == comparator]
    assert hit and measure.lower() in hit[0]["measure"].lower(), got


def test_a_dash_between_unrelated_values_pairs_nothing():
    got = read_sentence("Each capsule holds ginkgo extract \u2013 minimum 24%, and ginger extract \u2013 minimum 5%.",
                        reports=True)
    assert not any(f.comparator for f in got), [(f.measure, f.value, f.comparator) for f in got]


@pytest.mark.parametrize("sentence", [
    "Nurses rated the tool's clarity\u2014mean score 5.8 (0.9), range 3 to 7, mode 6.",
    "Satisfaction with the app \u2013 median 8.0 (1.2), range 5 to 10.",
])
def test_one_groups_summary_after_a_dash_is_no_comparison(sentence):
    got = read_sentence(sentence, reports=True)
    assert not any(f.comparator for f in got), [(f.measure, f.value, f.comparator) for f in got]


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("sentence,values", [
    ("Number of participants analysed: magnesium 91 vs placebo 89.", {"91", "89"}),
    ("Patients randomised \u2014 tolvaptan 120, placebo 118.", {"120", "118"}),
    ("Pain score before treatment: 6.4 (naproxen) versus 6.6 (placebo).", {"6.4", "6.6"}),
    ("Baseline serum urate, febuxostat vs allopurinol: 8.9 vs 9.0 mg/dl.", {"8.9", "9.0"}),
])
def test_a_heading_of_baseline_or_sample_size_gives_no_finding(tmp_path, section, sentence, values):
    got = results(tmp_path, sentence, section)
    assert not any(r["value"] in values for r in got), got
