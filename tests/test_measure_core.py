"""A finding's measure is named as an annotator names what was measured: without a quantifier over
the measures, the change noun or summary statistic the value already carries, and the participle
phrase, whole-study period or people that say how, when or among whom it was taken. Sentences
written for these tests, two phrasings or layouts per class, and cases where the words stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.results import canonical_measure, measure_core, plain_measure, sane_measure
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read

TITLE = "A short article written for the measure-name tests of kg, on a made-up randomised trial"


def measures_of(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "snippet.txt"
    path.write_text(f"{TITLE}\n\nResults\n\n{body}\n", encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    for f in ctx.facts:
        for ev in f.evidence:
            assert document.text[ev.start:ev.end]  # spans stay inside the text
    return [f.fields.get("measure") for f in ctx.facts if f.kind == "result"]


def named(written: str) -> str:
    return measure_core(canonical_measure(plain_measure(canonical_measure(written))))


@pytest.mark.parametrize("written, name", [
    # a summary statistic is how the value was summed up
    ("mean ferritin", "ferritin"),
    ("Median duration of fever", "duration of fever"),
    ("average number of night awakenings", "number of night awakenings"),
    ("mean ± SD stool output", "stool output"),
    ("mean (SD) grip strength", "grip strength"),
    # a ratio the estimate is given as, and a bare 'significant': the value says so
    ("hazard ratio for hospital admission", "hospital admission"),
    ("odds ratios of early relapse", "early relapse"),
    ("significant bradycardia", "bradycardia"),
    ("statistically significant differences in knee flexion", "knee flexion"),
    ("slight decrease in serum potassium", "serum potassium"),
    # a change noun with its comparative or statistic: the value says the change
    ("greater reductions from baseline in itch intensity", "itch intensity"),
    ("median improvement in grip strength", "grip strength"),
    ("mean changes from baseline sodium", "sodium"),
    # a quantifier over the measures
    ("some of the features of dyspepsia", "features of dyspepsia"),
    ("various measures of sleep quality", "sleep quality"),
    # how or where it was taken
    ("nocturia episodes recorded in bladder diaries", "nocturia episodes"),
    ("grip strength measured by dynamometer", "grip strength"),
    ("number of fruit portions purchased", "number of fruit portions"),
    # when: the whole study
    ("wheezing episodes throughout the study period", "wheezing episodes"),
    ("stool frequency during the whole intervention period", "stool frequency"),
    # among whom
    ("return rates amongst nurses", "return rate"),
    ("uptake of screening among older farmers", "uptake of screening"),
    # a bracket at the end stays
    ("median duration of fever (hazard ratio)", "duration of fever (hazard ratio)"),
])
def test_the_words_an_annotator_leaves_out(written, name):
    assert named(written) == name


@pytest.mark.parametrize("written", [
    "mean arterial pressure",          # the statistic is part of the name
    "mean corpuscular volume",
    "heart rate",
    "overall survival",
    "total cholesterol",
    "number of ulcers healed",         # the participle is the outcome, not how it was taken
    "proportion of patients treated with insulin",  # what is left would name only people
    "mean VC",                         # two letters alone read as no name
    "change from baseline",            # nothing is left
    "mean difference",
    "clinically significant bleeding",
    "significant differences",
    "hazard ratio for OS",              # two letters alone
])
def test_words_that_are_part_of_the_name_stay(written):
    assert named(written) == written


@pytest.mark.parametrize("written, name", [
    ("scores for emotional wellbeing", "emotional wellbeing"),   # a generic head before 'for', as before 'of'
    ("levels of adiponectin", "adiponectin"),
    ("scores on the reading test", "scores on the reading test"),
])
def test_a_generic_head_before_what_it_scores(written, name):
    assert canonical_measure(written) == name


def test_the_people_it_was_taken_in_one_by_one():
    assert sane_measure("sweating in each subject") == "sweating"
    assert sane_measure("pallor in every participant") == "pallor"
    assert sane_measure("pallor in the participants") == "pallor"


def test_a_compound_with_a_specimen_word_keeps_its_order():
    assert named("faecal occult blood levels") == "faecal occult blood"
    assert named("peripheral blood concentrations") == "peripheral blood"
    assert named("resistin serum levels") == "serum resistin"


@pytest.mark.parametrize("body, expected", [
    ("The mean serum ferritin was significantly lower in the iron arm than with placebo (p = 0.01).",
     "serum ferritin"),
    ("Median improvement in grip strength was 4.1 kg in the training arm (p = 0.003).",
     "grip strength"),
    ("There was no difference in the average cost of the meals purchased by each household.",
     "cost of the meals"),
    ("The number of wheezing episodes throughout the study period was similar in both arms.",
     "number of wheezing episodes"),
])
def test_through_the_pipeline(tmp_path, body, expected):
    assert expected in measures_of(tmp_path, body)
