"""A generic head noun after what was measured ('levels', 'scores', 'concentrations', 'values')
names nothing more: the measure is what they are levels or scores of, however it is written."""

import pytest

from kg.extract.results import canonical_measure, read_sentence


@pytest.mark.parametrize("written, named", [
    ("leptin levels", "leptin"),
    ("serum levels of leptin", "serum leptin"),
    ("leptin serum levels", "serum leptin"),
    ("fatigue scores", "fatigue"),
    ("plasma homocysteine concentration", "plasma homocysteine"),
    ("HbA1c values", "HbA1c"),
])
def test_the_generic_head_is_dropped(written, named):
    assert canonical_measure(written) == named


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
    assert canonical_measure(written) == named


@pytest.mark.parametrize("sentence", [
    "Leptin levels fell significantly in the walking arm (p = 0.02).",
    "In the walking arm, serum levels of leptin fell significantly (p = 0.02).",
    "Leptin concentrations were significantly lower in the walking arm than with usual care (p = 0.02).",
])
def test_one_measure_however_the_sentence_writes_it(sentence):
    (f,) = read_sentence(sentence)
    assert f.measure.lower() in ("leptin", "serum leptin")
