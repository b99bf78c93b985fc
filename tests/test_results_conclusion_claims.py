"""Claims where an abstract concludes: one of the trial's arms as subject, a direction or an
evaluation as predicate ('A lowers X', 'A is safe', 'A was effective in reducing Y'), read in
the Conclusions part or the closing sentence of an unlabelled abstract; hedged claims, claims
about something that is no arm, and claims restating a measure the results already report are
not. Every sentence here was written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.results import read_sentence
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp

ARMS = frozenset({"metformin", "placebo", "exercise programme"})


def claims(sentence: str) -> list[tuple[str, str]]:
    """(measure, value) of each finding read as a conclusion of a paper with a results part."""
    return [(f.measure, f.value) for f in read_sentence(sentence, restating=True, arms=ARMS, claims=True)]


@pytest.mark.parametrize("sentence, expected", [
    ("Metformin is safe in older adults with prediabetes.", [("safety", "safe")]),
    ("Overall, metformin was well tolerated.", [("tolerability", "well tolerated")]),
    ("Metformin was effective in reducing fasting glucose.", [("fasting glucose", "effective")]),
    ("Treatment with metformin is highly effective for weight loss in obese adolescents.",
     [("weight loss", "highly effective")]),
    ("The exercise programme was not protective against falls.", [("protection against falls", "not protective")]),
])
def test_an_arm_evaluated(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Metformin lowers fasting insulin in adults with prediabetes.", [("fasting insulin", "lowers")]),
    ("In this trial, metformin reduced hepatic fat content.", [("hepatic fat content", "reduced")]),
    ("The exercise programme protected against loss of muscle strength.",
     [("loss of muscle strength", "protected against")]),
])
def test_an_arm_changed_a_measure(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Both study regimens were well tolerated.", [("tolerability", "well tolerated")]),
    ("All three oral formulations were effective in lowering fasting glucose.", [("fasting glucose", "effective")]),
    ("Both treatments reduced nocturnal cough.", [("nocturnal cough", "reduced")]),
])
def test_a_subject_naming_all_arms(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Metformin is a better treatment for fatty liver than placebo.", [("fatty liver", "better")]),
    ("Overall, the exercise programme was a safer option for knee pain as compared to rest.",
     [("knee pain", "safer")]),
])
def test_an_arm_is_a_better_treatment(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Metformin showed greater and more rapid improvements in fatigue and mood than placebo.",
     [("fatigue", "greater and more rapid improvements"), ("mood", "greater and more rapid improvements")]),
    ("Adults on metformin achieved larger and more sustained reductions in pain.",
     [("pain", "larger and more sustained reductions")]),
])
def test_two_comparatives_of_one_change(sentence, expected):
    assert [(f.measure, f.value) for f in read_sentence(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "Metformin may be effective in reducing fasting glucose.",
    "Metformin appears to be safe in older adults.",
    "Metformin could lower fasting insulin in adults with prediabetes.",
    "These results suggest that metformin reduces hepatic fat content.",
    "Lifestyle advice is safe in older adults.",  # no arm of the trial
    "Walking reduced hepatic fat content.",  # no arm of the trial
    "Both groups were well tolerated.",  # groups, not the arms' treatments
])
def test_hedges_and_other_subjects_are_no_claims(sentence):
    assert claims(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Metformin is safe in older adults with prediabetes.",
    "Metformin lowers fasting insulin in adults with prediabetes.",
])
def test_claim_patterns_are_not_read_in_the_results(sentence):
    assert [f for f in read_sentence(sentence, arms=ARMS) if f.rule == "result.arm_evaluated"] == []
    assert [f.value for f in read_sentence(sentence, restating=True, arms=ARMS)] == []


@pytest.mark.parametrize("measure", ["PBLS performance", "some of the symptoms", "irisin concentration"])
def test_a_comparison_or_setting_ends_the_object(measure):
    tail = {"PBLS performance": " as judged by two raters", "some of the symptoms": " above placebo level",
            "irisin concentration": "s in vivo and in vitro"}[measure]
    assert claims(f"Metformin improves {measure}{tail}.")[0][0] == measure


BODY = """Background
Whether metformin helps adults with prediabetes is not known.

Methods
Adults with prediabetes were randomised to metformin 500 mg twice daily or placebo for 24 weeks.

Results
Fasting insulin fell from 14.2 to 11.0 mU/l with metformin and did not change with placebo (p = 0.01).

Conclusions
Metformin lowers fasting insulin and reduces hepatic fat content. Metformin is safe in adults with prediabetes.
Larger trials should test whether metformin prevents diabetes.
"""

UNLABELLED = ("Whether metformin helps adults with prediabetes is not known. Adults with prediabetes were "
              "randomised to metformin 500 mg twice daily or placebo for 24 weeks. Fasting insulin fell from "
              "14.2 to 11.0 mU/l with metformin and did not change with placebo (p = 0.01). Metformin is safe "
              "and lowers hepatic fat content in adults with prediabetes.\nTrial registration: NCT00000000.\n")


def _results(tmp_path: Path, body: str) -> tuple[str, list]:
    from kg.readers import read as read_document
    path = tmp_path / "claims.txt"
    path.write_text(f"Metformin for adults with prediabetes: a randomised trial\n\n{body}", encoding="utf-8")
    document = read_document(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    return document.text, [f for f in ctx.facts if f.kind == "result"]


@pytest.mark.parametrize("body", [BODY, "Abstract\n" + UNLABELLED])
def test_conclusion_claims_in_a_document(tmp_path, body):
    text, facts = _results(tmp_path, body)
    got = {(str(f.fields["measure"]), f.fields["value"]) for f in facts}
    assert ("hepatic fat content", "lowers" if body is not BODY else "reduces") in got
    assert ("safety", "safe") in got
    # fasting insulin is in the results already: the conclusion restates it
    assert sum(1 for f in facts if "insulin" in str(f.fields["measure"])) == 1 if body is BODY else True
    assert not any("diabetes" == str(f.fields["measure"]) for f in facts)  # a call for research
    for f in facts:
        for ev in f.evidence:
            assert 0 <= ev.start < ev.end <= len(text) and text[ev.start:ev.end].strip() == text[ev.start:ev.end]
