"""A generic head noun after what was measured ('levels', 'scores', 'concentrations', 'values')
names nothing more: the measure a paper's finding is stored under is what they are levels or
scores of, however the sentence writes it (kg/extract/results.py measure_core)."""

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.results import canonical_measure, measure_core
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read

TITLE = "Brisk walking for adults with obesity: a randomised controlled trial"


def measures(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "snippet.txt"
    path.write_text(f"{TITLE}\n\nResults\n\n{body}\n", encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    return [f.fields["measure"] for f in ctx.facts if f.kind == "result"]


@pytest.mark.parametrize("written, named", [
    ("leptin levels", "leptin"),
    ("serum levels of leptin", "serum leptin"),
    ("leptin serum levels", "serum leptin"),
    ("fatigue scores", "fatigue"),
    ("plasma homocysteine concentration", "plasma homocysteine"),
    ("HbA1c values", "HbA1c"),
])
def test_the_generic_head_is_dropped(written, named):
    assert measure_core(canonical_measure(written)) == named


@pytest.mark.parametrize("written, named", [
    ("heart rates", "heart rate"),            # a rate, a count, an index or a titre is the measure's name
    ("CD4 counts", "CD4 count"),
    ("body mass index", "body mass index"),
    ("antibody titres", "antibody titre"),
    ("total scores", "total score"),          # what is left would name nothing alone
    ("mean levels", "mean level"),
    ("Fatigue Severity Score", "Fatigue Severity Score"),  # a capital: part of the instrument's name
])
def test_a_head_that_names_the_measure_stays(written, named):
    assert measure_core(canonical_measure(written)) == named


def test_the_level_of_a_drug_the_trial_gives_keeps_its_head():
    arms = frozenset({"zinc sulfate", "placebo"})
    assert measure_core("zinc level", arms) == "zinc level"
    assert measure_core("zinc sulfate concentration", arms) == "zinc sulfate concentration"
    assert measure_core("copper level", arms) == "copper"


@pytest.mark.parametrize("sentence", [
    "Leptin levels fell significantly in the walking arm (p = 0.02).",
    "In the walking arm, serum levels of leptin fell significantly (p = 0.02).",
    "Leptin concentrations were significantly lower in the walking arm than with usual care (p = 0.02).",
])
def test_one_measure_however_the_sentence_writes_it(tmp_path, sentence):
    assert [m.lower() for m in measures(tmp_path, sentence)] in (["leptin"], ["serum leptin"])
