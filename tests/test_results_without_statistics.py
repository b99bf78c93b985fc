"""Findings stated without statistics: a comparative (with an adverb, or one the older patterns
lack) bound to its comparison by 'than'; a change named as a noun after the verb that produced it;
a predicate coordinated after another; a list of comparatives parted by 'but'; a change whose
subject is one of the trial's arms. Every sentence here was written for these tests, each class
in two phrasings at least; the cases that are no findings are written beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.results import read_sentence
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp


def read(sentence: str, **kw) -> list[tuple[str, str]]:
    """(measure, value) of each finding, in order."""
    return [(f.measure, f.value) for f in read_sentence(sentence, **kw)]


@pytest.mark.parametrize("sentence, expected", [
    ("The slope of the pain curve was clearly steeper with the combination than with morphine alone.",
     ("slope of the pain curve", "clearly steeper")),
    ("Night-time awakening was generally lower for drug K than for drug M.",
     ("Night-time awakening", "generally lower")),
    ("The rebound effect was stronger in younger volunteers compared with older ones.",
     ("rebound effect", "stronger")),
])
def test_comparative_with_adverb_than(sentence, expected):
    assert expected in read(sentence)


@pytest.mark.parametrize("sentence", [
    "Nurses were more satisfied with the new rota than with the old one.",  # a population, no measure
    "The gain was more than 5 kg in most volunteers.",  # 'more than' is an amount
    "Recovery was considerably faster in the first group than in the second (P = 0.02).",  # p_comparison's
    "Dosing twice daily helped, suggesting that timing was more important for relief than the dose.",
    "If confirmed, one could infer that the effect is more marked in girls than in boys.",
])
def test_comparative_than_not_read_here(sentence):
    assert not [f for f in read_sentence(sentence) if f.rule == "result.comparative_than_adverb"]


@pytest.mark.parametrize("sentence, expected", [
    ("Six months of drug K produced sustained reductions in fasting glucose and body weight.",
     [("fasting glucose", "sustained reductions"), ("body weight", "sustained reductions")]),
    ("The school programme resulted in small but non-significant increases in daily step counts.",
     [("daily step count", "small but non-significant increases")]),
    ("The exercise arm showed greater and faster improvements in grip strength than the stretching arm.",
     [("grip strength", "greater and faster improvements")]),
])
def test_change_noun_after_verb(sentence, expected):
    got = read(sentence)
    for item in expected:
        assert item in got


def test_change_noun_after_verb_is_no_finding_in_a_plan():
    assert read("We expected that drug K could produce reductions in fasting glucose.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Drug K was safe and more effective than placebo in relieving nasal congestion.",
     ("nasal congestion", "more effective")),
    ("The patch was well tolerated and as effective as the tablet in reducing headache frequency.",
     ("headache frequency", "as effective")),
])
def test_coordinated_better_at(sentence, expected):
    assert expected in read(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("The rapid assay displayed similar specificity, slightly lower sensitivity but clearly higher speed "
     "than culture.", [("specificity", "similar"), ("sensitivity", "slightly lower")]),
    ("Treated rats had comparable body weight, slightly higher liver mass but lower serum urea than controls.",
     [("body weight", "comparable"), ("liver mass", "slightly higher")]),
])
def test_comparative_list_parted_by_but(sentence, expected):
    got = read(sentence)
    for item in expected:
        assert item in got


ARMS = frozenset({"drug k", "ketorolac"})


@pytest.mark.parametrize("sentence, expected", [
    ("Ketorolac increases serum creatinine in older adults.", ("serum creatinine", "increases")),
    ("Drug K reduced morning stiffness and improved grip strength.", ("morning stiffness", "reduced")),
    ("In this study, drug K lowered fasting insulin.", ("fasting insulin", "lowered")),
])
def test_arm_as_subject_of_a_change(sentence, expected):
    assert expected in read(sentence, arms=ARMS)


@pytest.mark.parametrize("sentence", [
    "Ketorolac increases serum creatinine in older adults.",  # no arm of this trial: a claim
    "Mechanical stretching increased the expression of collagen.",
])
def test_change_without_an_arm_subject_is_not_read_so(sentence):
    assert not [f for f in read_sentence(sentence) if f.rule == "result.arm_changed"]


def test_arm_subject_not_read_when_it_restates(tmp_path: Path):
    """In the conclusions of a paper with a results part the arm's change restates the results."""
    from kg.readers import read as read_document
    body = ("Results\n\nMorning stiffness fell from 40 to 22 minutes with ketorolac (P = 0.01).\n\n"
            "Conclusions\n\nKetorolac reduced morning stiffness in adults with arthritis.\n")
    path = tmp_path / "snippet.txt"
    path.write_text("Ketorolac 10 mg twice daily versus placebo for arthritis: a randomised trial\n\n"
                    "Methods\n\nAdults were randomised to ketorolac 10 mg twice daily or placebo.\n\n" + body,
                    encoding="utf-8")
    document = read_document(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    results = [f for f in ctx.facts if f.kind == "result"]
    assert results and not [f for f in results if f.rule == "result.arm_changed"]


@pytest.mark.parametrize("measure, core", [
    ("incidence of wheeze for 3 y", "incidence of wheeze"),
    ("itch score over 12 weeks of treatment", "itch score"),
    ("risk of relapse within the month after surgery", "risk of relapse"),
    ("risk of falls in a rural population", "risk of falls"),
    ("sleep latency for shift-working nurses", "sleep latency for shift-working nurses"),  # no population word
    ("pain in patients with gout", "pain in patients with gout"),  # who the patients are is part of it
])
def test_measure_is_its_core_noun_phrase(measure, core):
    from kg.extract.results import sane_measure
    assert sane_measure(measure) == core


def _facts(tmp_path: Path, text: str) -> list:
    from kg.readers import read as read_document
    path = tmp_path / "snippet.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    return [f for f in extract_all(document, get_nlp()(document.text), load_lexicon()).facts if f.kind == "result"]


@pytest.mark.parametrize("closing, read", [
    ("Ketorolac reduced knee swelling in older adults.", True),  # its claim (tests/test_results_conclusion_claims.py)
    ("Ketorolac may reduce knee swelling in older adults.", False),  # hedged: no finding
])
def test_unlabelled_abstract_reads_arm_changes_before_its_closing_sentence(tmp_path: Path, closing, read):
    """An unlabelled abstract: an arm's change after the methods is a finding; the closing sentence
    concludes, and only its unhedged claim is read."""
    text = ("Ketorolac 10 mg twice daily for knee pain in older adults: a randomised trial\n\n"
            "Knee pain is common. We randomly assigned 80 adults to ketorolac 10 mg twice daily or placebo "
            f"for four weeks. Ketorolac lowered night pain and improved walking distance. {closing}\n")
    results = [(f.fields["measure"], f.fields["value"]) for f in _facts(tmp_path, text)]
    assert ("night pain", "lowered") in results
    assert bool([m for m, _ in results if "swelling" in m]) is read


@pytest.mark.parametrize("sentence, expected", [
    ("Pupils who revised weekly scored higher than those who did not.", ("scores", "higher")),
    ("The coached team performed markedly better on the knot-tying task than the uncoached team.",
     ("knot-tying task", "markedly better")),
    ("Residents in the second year clearly outperformed first-year residents.",
     ("performance", "clearly outperformed")),
    ("The app users outperformed the leaflet group for improvement in the ability to climb stairs.",
     ("ability to climb stairs", "outperformed")),
])
def test_how_people_did_compared(sentence, expected):
    assert expected in read(sentence)


def test_how_people_did_is_no_finding_when_inferred():
    assert read("This suggests that the trained pupils coped better with stress than the others.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Fewer patients in the drug K group needed rescue inhalers.", ("rescue inhalers", "Fewer patients")),
    ("Significantly more children given drug K than placebo reached full remission.",
     ("full remission", "Significantly more children")),
])
def test_how_many_people_did_compared(sentence, expected):
    assert expected in read(sentence)


def test_how_many_people_without_an_outcome_verb_is_no_finding():
    assert read("More patients were enrolled in the drug K group than planned.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Viral load fell more rapidly with drug K than with placebo.", ("Viral load", "fell more rapidly")),
    ("Joint swelling decreased more slowly in the placebo arm.", ("Joint swelling", "decreased more slowly")),
])
def test_change_compared_in_its_manner(sentence, expected):
    assert expected in read(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("Itch intensity was reduced by drug K compared to placebo.", ("Itch intensity", "reduced")),
    ("Sleep latency was shortened by melatonin relative to the sham tablet.", ("Sleep latency", "shortened")),
])
def test_passive_change_with_its_comparison(sentence, expected):
    assert expected in read(sentence)


def test_passive_change_by_an_amount_is_not_read_so():
    assert not [f for f in read_sentence("The dose was increased by one step compared with the week before.")
                if f.rule == "result.passive_by_compared"]


@pytest.mark.parametrize("sentence, expected", [
    ("The lower pain ratings were found in the acupuncture arm.", ("pain ratings", "lower")),
    ("A better functional outcome was seen with the brace.", ("functional outcome", "better")),
    ("Non-significant increases were also observed in ferritin and transferrin.",
     ("transferrin", "Non-significant increases")),
    ("A slight improvement of morning stiffness was seen in both arms.", ("morning stiffness", "slight improvement")),
])
def test_observed_change_with_article_or_qualifier(sentence, expected):
    assert expected in read(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("The other scales did not demonstrate a difference between drug K and placebo.",
     ("other scales", "no difference")),
    ("We did not find any differences between the arms in grip strength.", ("grip strength", "no differences")),
])
def test_no_difference_without_the_word_significant(sentence, expected):
    assert expected in read(sentence)


def test_no_difference_in_a_period_before_treatment_is_no_finding():
    assert read("Race results in the year before the injury did not show any differences between the groups.") == []


def test_population_tail_takes_no_earlier_phrase():
    from kg.extract.results import sane_measure
    assert sane_measure("mean change in FEV1 for individual subjects") == "mean change in FEV1"


@pytest.mark.parametrize("sentence, expected", [
    ("Patients in the drug K group had a higher rate of remission.", ("rate of remission", "higher")),
    ("The placebo arm showed fewer relapses at one year.", ("relapses", "fewer")),
])
def test_comparative_object_of_a_group(sentence, expected):
    assert expected in read(sentence)


def test_comparative_object_without_a_group_is_not_read_so():
    assert not [f for f in read_sentence("Patients with diabetes had a higher rate of infection.")
                if f.rule == "result.comparative_object_of_group"]


@pytest.mark.parametrize("sentence, expected", [
    ("Exercise capacity increased significantly more with drug K.",
     ("Exercise capacity", "increased significantly more")),
    ("Trough FEV1 improved significantly further in the high-dose arm.",
     ("Trough FEV1", "improved significantly further")),
])
def test_significant_change_compared_is_one_finding(sentence, expected):
    got = read(sentence)
    assert expected in got and len(got) == 1
