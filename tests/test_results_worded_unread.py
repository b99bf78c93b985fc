"""Worded findings kg read nothing from (session 26): a finding stated through a verb of finding
or proving ('was found to be lower', 'proved more effective'), a correlation stated as found, a
change denied in the passive with a verb of suppression, an effect denied with a word of its size
('did not have a major effect on X'), a measure preserved, significant effects found on measures,
no evidence of a difference or effect, a treatment's efficacy or safety demonstrated, the best of
the groups, and 'more efficacious ... in reducing X'. Every sentence here was written for these
tests, each class in two phrasings at least, with negatives (background, aims, procedures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.results import read_sentence
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp

ARMS = frozenset({"ginger extract", "placebo", "rowing programme"})


def found(sentence: str) -> list[tuple[str, str]]:
    """(measure, value) of each finding where the paper reports its findings."""
    return [(f.measure, f.value) for f in read_sentence(sentence, reports=True, arms=ARMS)]


# -- a finding stated through a verb of finding or proving ----------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Ginger extract was found to be more effective than placebo in relieving nausea.",
     [("nausea", "more effective")]),
    ("The rowing programme proved more effective than stretching at improving grip strength.",
     [("grip strength", "more effective")]),
    ("Ginger extract proved to be more efficacious than placebo with respect to vomiting episodes.",
     [("vomiting episodes", "more efficacious")]),
    ("Serum magnesium was found to be significantly lower in the placebo group.",
     [("Serum magnesium", "significantly lower")]),
    ("Recovery of heart rate was shown to be faster after rowing than after cycling.",
     [("Recovery of heart rate", "faster")]),
])
def test_finding_through_a_verb_of_finding(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Two volunteers were found to be ineligible after screening.",
    "Nausea is known to be more frequent in the first trimester.",
    "The questionnaire was shown to be reliable in an earlier validation.",
])
def test_a_verb_of_finding_without_a_comparison_or_finding_is_none(sentence):
    assert found(sentence) == []


# -- a correlation stated as found ----------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Changes in waist size were correlated with changes in fasting insulin.",
     [("waist size", "correlated")]),
    ("Plasma ferritin was positively correlated with liver fat (r = 0.52).",
     [("Plasma ferritin", "positively correlated")]),
])
def test_correlation_found(sentence, expected):
    assert found(sentence) == expected


def test_correlation_in_present_tense_is_background():
    assert found("Plasma ferritin is correlated with liver fat in obese adults.") == []


# -- a change denied in the passive with a verb of suppression ------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Morning cortisol was not suppressed by the ginger extract.", [("Morning cortisol", "not suppressed")]),
    ("Platelet aggregation was significantly inhibited by the extract.",
     [("Platelet aggregation", "significantly inhibited")]),
])
def test_passive_suppression_by_a_cause(sentence, expected):
    assert found(sentence) == expected


def test_passive_suppression_by_an_amount_is_no_cause():
    assert ("Morning cortisol", "not suppressed") not in found("Morning cortisol was not suppressed by 20%.")


# -- an effect denied with a word of its size ----------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Ginger extract did not have a major effect on gastric emptying.",
     [("gastric emptying", "did not have a major effect")]),
    ("The rowing programme does not exert any meaningful influence on resting blood pressure.",
     [("resting blood pressure", "does not exert any meaningful influence")]),
])
def test_effect_denied_with_its_size(sentence, expected):
    assert found(sentence) == expected


def test_effect_denied_without_an_object_is_none():
    assert found("The reminder letter did not have a major effect.") == []


# -- a measure preserved -------------------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Muscle strength was preserved in the rowing programme group.", [("Muscle strength", "preserved")]),
    ("Bone density remained largely preserved with ginger extract.", [("Bone density", "largely preserved")]),
])
def test_measure_preserved(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Blinding was preserved throughout the trial.",
    "All participants were preserved in the analysis.",
])
def test_a_procedure_or_the_people_preserved_is_no_finding(sentence):
    assert found(sentence) == []


def test_preserved_is_read_only_where_findings_are_reported():
    assert read_sentence("Muscle strength was preserved in the rowing programme group.") == []


# -- significant effects found on measures --------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Significant effects on nausea and appetite were found for ginger extract.",
     [("nausea", "Significant effects"), ("appetite", "Significant effects")]),
    ("Significant effects of the rowing programme were observed on grip strength and balance.",
     [("grip strength", "Significant effects"), ("balance", "Significant effects")]),
])
def test_significant_effects_found(sentence, expected):
    assert sorted(found(sentence)) == sorted(expected)


def test_effects_named_without_being_found_are_none():
    assert found("Significant effects on nausea are expected in later pregnancy.") == []


# -- no evidence of a difference or effect -------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("There was no evidence of a difference in sleep quality between the two groups.",
     [("sleep quality", "no evidence of a difference")]),
    ("We found no evidence of an effect of ginger extract on appetite or weight.",
     [("appetite", "no evidence of an effect"), ("weight", "no evidence of an effect")]),
    ("There was no evidence of further benefit of the booster session in terms of smoking abstinence.",
     [("smoking abstinence", "no evidence of further benefit")]),
])
def test_no_evidence_of_a_difference(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "There was no evidence of a difference between the groups.",
    "There was no evidence of liver disease on ultrasound.",
    "We found no evidence for a significant effect in either direction.",
])
def test_no_evidence_without_a_measure_is_none(sentence):
    assert found(sentence) == []


# -- a treatment's efficacy or safety demonstrated ------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("The efficacy and safety of ginger extract were demonstrated in pregnant women.",
     [("efficacy", "demonstrated"), ("safety of ginger extract", "demonstrated")]),
    ("Non-inferiority of the rowing programme was confirmed.", [("Non-inferiority of the rowing programme",
                                                                 "confirmed")]),
])
def test_efficacy_demonstrated(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The efficacy of ginger extract was shown to depend on the dose.",
    "Safety was assessed at every visit.",
    "The benefit of exercise has been demonstrated in earlier trials.",
])
def test_efficacy_not_demonstrated_here_is_none(sentence):
    assert found(sentence) == []


# -- the best of the groups, and 'more efficacious' -----------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("The rowing programme group had the best attendance.", [("attendance", "best")]),
    ("Patients in the placebo group showed the worst sleep quality.", [("sleep quality", "worst")]),
    ("Ginger extract was more efficacious than placebo in reducing nausea.", [("nausea", "more efficacious")]),
])
def test_best_of_the_groups_and_more_efficacious(sentence, expected):
    assert found(sentence) == expected


def test_a_better_result_in_an_analysis_names_no_measure():
    assert ("per-protocol analysis", "superior") not in found(
        "Ginger extract was superior to placebo in the per-protocol analysis.")


# -- a change noun with its time before the measure; a count compared as what occurred ---------
@pytest.mark.parametrize("sentence, expected", [
    ("There was a statistically significant improvement from baseline in grip strength in both groups.",
     [("grip strength", "statistically significant improvement")]),
    ("The rowing programme group showed a significant reduction at week 8 in resting heart rate.",
     [("resting heart rate", "significant reduction")]),
    ("Significant improvement was obtained in balance and gait speed.",
     [("balance", "Significant improvement"), ("gait speed", "Significant improvement")]),
    ("A significant improvement in sleep quality occurred in the ginger extract group.",
     [("sleep quality", "significant improvement")]),
])
def test_change_noun_with_its_time_before_the_measure(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Fewer vomiting episodes occurred in the ginger extract group.", [("vomiting episodes", "Fewer")]),
    ("More falls occurred with stretching than with the rowing programme.", [("falls", "More")]),
])
def test_count_compared_as_what_occurred(sentence, expected):
    assert found(sentence) == expected


def test_time_from_baseline_named_in_a_measure_is_no_interposed_time():
    assert ("relapse", "longer") not in found("The time from baseline to relapse was longer with ginger extract.")


# -- in a whole abstract: background and aims are not findings ------------------------------
BODY = """Background
Nausea is known to be more frequent in the first trimester. Ginger is thought to be more effective than
vitamin B6 in relieving nausea.

Objective
To test whether ginger extract was found to be more effective than placebo in earlier work holds in a trial.

Methods
Pregnant women were randomised to ginger extract 250 mg four times daily or placebo for 4 weeks.

Results
Ginger extract was found to be more effective than placebo in relieving nausea. Morning cortisol was not
suppressed by ginger extract.

Conclusions
The efficacy and safety of ginger extract were demonstrated in pregnant women.
"""


def _results(tmp_path: Path) -> tuple[str, list]:
    from kg.readers import read as read_document
    path = tmp_path / "ginger.txt"
    path.write_text(f"Ginger extract for nausea in pregnancy: a randomised trial\n\n{BODY}", encoding="utf-8")
    document = read_document(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    return document.text, [f for f in ctx.facts if f.kind == "result"]


def test_worded_findings_in_a_document(tmp_path):
    text, facts = _results(tmp_path)
    got = {(str(f.fields["measure"]), f.fields["value"]) for f in facts}
    assert ("nausea", "more effective") in got
    assert ("Morning cortisol", "not suppressed") in got
    assert ("efficacy", "demonstrated") in got
    background = text.index("Methods")
    assert not any(ev.start < background for f in facts for ev in f.evidence)
    for f in facts:
        for ev in f.evidence:
            assert 0 <= ev.start < ev.end <= len(text) and text[ev.start:ev.end].strip() == text[ev.start:ev.end]
