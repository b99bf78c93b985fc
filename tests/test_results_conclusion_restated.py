"""What an abstract's conclusion adds to its results, and what it only says again.

- A claim softened by 'seem'/'appear' ('A seemed to improve X', 'B appears to reduce Y') is a
  finding annotators record, unlike one with may/might/could/suggest or 'appears to be safe'.
- A finding in words in the Conclusions about a measure the results already report ('No
  significant improvements in X were seen' after X's numbers) is the same finding said again.
- A comparison a p-value's clause denies ('no better adherence (p = 0.41)') is no comparison made.
- People said to be alike ('The participants were similar across the arms') are the groups
  before treatment, no finding.
- The people a measure was taken of are no part of its name ('mood of people with aphasia').
Every sentence here was written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.results import plain_measure, read_sentence
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp

ARMS = frozenset({"ginger", "placebo", "balance training"})


def claims(sentence: str) -> list[tuple[str, str]]:
    """(measure, value) of each finding read where a paper with a results part concludes."""
    return [(f.measure, f.value) for f in read_sentence(sentence, restating=True, arms=ARMS, claims=True)]


@pytest.mark.parametrize("sentence, expected", [
    ("Ginger seemed to improve appetite in older adults.", [("appetite", "improve")]),
    ("Balance training appears to reduce the number of falls.", [("number of falls", "reduce")]),
    ("Ginger seems to effectively lower nausea scores after surgery.", [("nausea score", "lower")]),
    ("In this cohort, balance training appeared to shorten the time to recovery.", [("time to recovery", "shorten")]),
])
def test_a_claim_softened_by_seem_or_appear(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Ginger may seem to improve appetite in older adults.",  # a modal before it
    "These findings suggest that ginger seemed to improve appetite.",  # what the paper infers
    "Ginger appears to be safe in older adults.",  # an evaluation softened: no claim
    "Walking seemed to improve appetite in older adults.",  # no arm of the trial
    "It is not clear whether ginger appears to reduce nausea.",
])
def test_hedged_or_other_subjects_are_no_seeming_claim(sentence):
    assert [v for v in claims(sentence) if v[1] in ("improve", "reduce")] == []


@pytest.mark.parametrize("sentence", [
    "Ginger seemed to improve appetite in older adults.",
    "Balance training appears to reduce the number of falls.",
])
def test_a_seeming_claim_is_not_read_where_results_are_reported(sentence):
    assert [f for f in read_sentence(sentence, arms=ARMS, reports=True)
            if f.rule == "result.arm_seems_to_change"] == []


@pytest.mark.parametrize("written, name", [
    ("mood of people with aphasia", "mood"),
    ("muscle mass of critically ill patients", "muscle mass"),
    ("sleep quality in older adults", "sleep quality"),
])
def test_the_people_a_measure_was_taken_of_are_no_part_of_its_name(written, name):
    assert plain_measure(written) == name


@pytest.mark.parametrize("written", ["number of patients", "proportion of women", "patients"])
def test_a_measure_of_people_keeps_its_people(written):
    assert plain_measure(written) == written


@pytest.mark.parametrize("sentence", [
    "Children in the app group showed no better adherence than controls (p = 0.41).",
    "There were no significant changes in baseline were reported in urea among the groups (P > 0.05).",
])
def test_a_denied_comparison_is_no_p_comparison(sentence):
    assert [f for f in read_sentence(sentence) if f.rule == "result.p_comparison"] == []


@pytest.mark.parametrize("sentence, measure", [
    ("Children in the app group showed better adherence than controls (p = 0.01).", "adherence"),
    ("Participants given ginger reported less nausea than the others (P = 0.03).", "nausea"),
])
def test_a_comparison_made_is_a_p_comparison(sentence, measure):
    found = [(f.measure, f.value) for f in read_sentence(sentence) if f.rule == "result.p_comparison"]
    assert found and found[0][0] == measure


@pytest.mark.parametrize("sentence", [
    "The participants were similar across the two arms, and most were women.",
    "Both groups were comparable among the study sites, with a mean age of 61 years.",
])
def test_people_said_to_be_alike_are_no_finding(sentence):
    assert [f for f in read_sentence(sentence) if f.value in ("similar", "comparable")] == []


@pytest.mark.parametrize("sentence, measure", [
    ("Pain scores were similar across the two arms.", "Pain score"),
    ("Length of stay was comparable among the study sites.", "Length of stay"),
])
def test_a_measure_said_to_be_alike_is_a_finding(sentence, measure):
    assert [(f.measure, f.value) for f in read_sentence(sentence)][0][0] == measure


RESULTS = ("Appetite scores rose from 4.1 to 6.3 with ginger and from 4.0 to 4.4 with placebo (p = 0.02). "
           "Nausea scores fell from 5.2 to 2.9 with ginger and did not change with placebo (p = 0.01).")


def _results(tmp_path: Path, conclusion: str) -> tuple[str, list]:
    from kg.readers import read as read_document
    body = (f"Background\nWhether ginger helps older adults eat is not known.\n\nMethods\nOlder adults were "
            f"randomised to ginger 1 g daily or placebo for 8 weeks.\n\nResults\n{RESULTS}\n\n"
            f"Conclusions\n{conclusion}\n")
    path = tmp_path / "restated.txt"
    path.write_text(f"Ginger for appetite in older adults: a randomised trial\n\n{body}", encoding="utf-8")
    document = read_document(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    return document.text, [f for f in ctx.facts if f.kind == "result"]


@pytest.mark.parametrize("conclusion, restated, new", [
    ("Ginger had a significant favourable effect on appetite scores and on sleep quality.", "appetite",
     "sleep quality"),
    ("No significant improvements in nausea scores were seen, but hand grip strength was significantly "
     "higher with ginger.", "nausea", "hand grip strength"),
])
def test_a_conclusion_says_again_what_the_results_report(tmp_path, conclusion, restated, new):
    text, facts = _results(tmp_path, conclusion)
    start = text.index("Conclusions")
    later = [str(f.fields["measure"]) for f in facts if f.evidence[0].start > start]
    assert not any(restated in m.lower() for m in later)
    assert any(new in m.lower() for m in later)
    for f in facts:
        for ev in f.evidence:
            assert 0 <= ev.start < ev.end <= len(text)


@pytest.mark.parametrize("name", ["who received the placebo", "which improved over time", "whom the drug was given"])
def test_a_name_opening_with_a_relative_pronoun_is_a_clause(name):
    from kg.extract.names import flaw
    assert flaw(name, "result") == "a clause"


@pytest.mark.parametrize("name", ["proportion of patients who achieved remission", "time to relapse"])
def test_a_relative_clause_inside_a_name_is_no_flaw(name):
    from kg.extract.names import flaw
    assert flaw(name, "result") is None


def _document_results(tmp_path: Path, results: str) -> list[tuple[str, str]]:
    from kg.readers import read as read_document
    path = tmp_path / "people.txt"
    path.write_text("Ginger for appetite in older adults: a randomised trial\n\nMethods\nOlder adults were randomised "
                    f"to ginger 1 g daily or placebo for 8 weeks.\n\nResults\n{results}\n", encoding="utf-8")
    document = read_document(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    return [(str(f.fields.get("measure")), str(f.fields.get("value"))) for f in ctx.facts if f.kind == "result"]


@pytest.mark.parametrize("results", [
    "Significantly more mice in the ginger group survived than in the placebo group.",
    "Those fed ginger had the highest appetite scores and those who received placebo had the lowest food intake.",
])
def test_a_finding_in_words_about_people_or_a_clause_names_no_measure(tmp_path, results):
    got = _document_results(tmp_path, results)
    assert not any(m in ("mice", "who received placebo") or m.startswith("who ") for m, _ in got)


def test_a_difference_between_named_groups_is_kept(tmp_path):
    got = _document_results(tmp_path, "Weight gain was greater with ginger, but there was no significant difference "
                                      "between the ginger and placebo treated groups.")
    assert ("difference between the ginger and placebo treated groups", "no significant difference") in got


@pytest.mark.parametrize("sentence, measure", [
    ("The change between pre- and post-training scores was significantly greater with ginger (P = 0.01).",
     "change between pre- and post-training score"),
    ("Short- and long-term nausea scores were similar between the two groups.", "Short- and long-term nausea score"),
])
def test_a_hyphen_left_open_joins_the_two_halves(sentence, measure):
    assert [f.measure for f in read_sentence(sentence)] == [measure]


@pytest.mark.parametrize("written, name", [
    ("faster wound healing suggest", "faster wound healing"),
    ("lower appetite scores indicated", "lower appetite scores"),
])
def test_a_verb_of_inference_is_no_part_of_a_name(written, name):
    from kg.extract.names import trim
    assert trim(written, "result") == name


def test_a_name_ending_in_a_noun_like_support_stays():
    from kg.extract.names import trim
    assert trim("perceived social support", "result") == "perceived social support"


@pytest.mark.parametrize("sentence, measure", [
    ("Serum ferritin rose to significantly higher values in the iron group than with placebo.", "Serum ferritin"),
    ("Vitamin D levels increased to a significantly higher level and PTH fell in the high dose group.",
     "Vitamin D levels"),
])
def test_a_comparative_with_only_a_generic_noun_is_said_of_the_subject(sentence, measure):
    assert [f.measure for f in read_sentence(sentence) if f.rule == "result.comparative_noun"] == [measure]


def test_a_comparative_with_a_noun_of_its_own_keeps_it():
    assert [f.measure for f in read_sentence("Ginger led to significantly lower nausea scores.")] == ["nausea score"]


@pytest.mark.parametrize("sentence, measure, value, comparator", [
    ("Ginger reduced the nausea score, from 6.1 to 3.2 (p = 0.01).", "nausea score", "3.2", "6.1"),
    ("The programme significantly increased the number of steps per day by pedometer count, from a baseline "
     "of 4100 ± 900 up to 6200 ± 1100 steps in the walking group (p = 0.002).",
     "number of steps per day", "6200 ± 1100", "4100"),
])
def test_a_change_from_one_value_to_another_with_its_measure_as_object(sentence, measure, value, comparator):
    assert [(f.measure, f.value, f.comparator) for f in read_sentence(sentence)
            if f.rule == "result.change_with_object"] == [(measure, value, comparator)]


@pytest.mark.parametrize("sentence", [
    "Nausea decreased in the ginger group from 6.1 to 3.2.",  # a preposition, not an object
    "Nausea decreased from 6.1 to 3.2 with ginger.",  # no object: change reads it
])
def test_no_object_no_change_with_object(sentence):
    assert [f for f in read_sentence(sentence) if f.rule == "result.change_with_object"] == []
