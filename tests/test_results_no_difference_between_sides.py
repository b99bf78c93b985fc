"""A difference denied between two named sides, its measure after the preposition that follows them
('no significant differences between the A group and the B group for X'); and an endpoint written with the
plural of a short form the paper defines ('the mean GFTs') also named by the long form. Every sentence here
was written for these tests; each class is tried in two wordings and two layouts (plain headings, and a
labelled abstract), with negatives.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read

TITLE = "A made-up randomised trial of two lozenges written for kg's result tests"
LAYOUTS = ["heading", "abstract"]


def facts(tmp_path: Path, methods: str, results: str, layout: str) -> list:
    path = tmp_path / "paper.txt"
    if layout == "heading":
        path.write_text(f"{TITLE}\n\nMethods\n\n{methods}\n\nResults\n\n{results}\n\nDiscussion\n\nNothing more.\n",
                        encoding="utf-8")
    else:
        path.write_text(f"{TITLE}\n\nAbstract\n\nMethods: {methods}\n\nResults: {results}\n\n"
                        "Conclusions: The trial ended as planned.\n", encoding="utf-8")
    document = read(path)
    out = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    for f in out:
        for ev in f.evidence:
            assert document.text[ev.start:ev.end].strip() == document.text[ev.start:ev.end] != ""
    return out


METHODS = "Adults with a sore throat were randomised to a honey lozenge or a sage lozenge."


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("sentence, measure", [
    ("The analysis showed no significant differences between the honey group and the sage group for throat "
     "dryness (p = 0.31).", "throat dryness"),
    ("We found no difference between honey lozenge users and sage lozenge users in voice hoarseness.",
     "voice hoarseness"),
])
def test_the_measure_after_the_two_sides(tmp_path, layout, sentence, measure):
    got = {(f.fields.get("measure") or "").lower() for f in facts(tmp_path, METHODS, sentence, layout)
           if f.kind == "result"}
    assert measure in got


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("sentence, not_measure", [
    ("There was no difference between the soothing effect of honey and honey in combination with sage in "
     "any patient.", "combination with sage"),
    ("We saw no difference between the calming effect of sage and honey in children.", "children"),
    ("There was no difference between the arms in the Throat Pain and Dryness Index or in voice strength.",
     "dryness index or"),
])
def test_a_side_with_of_names_the_measure_itself(tmp_path, layout, sentence, not_measure):
    got = {(f.fields.get("measure") or "").lower() for f in facts(tmp_path, METHODS, sentence, layout)
           if f.kind == "result"}
    assert not any(not_measure in m for m in got)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("methods, short, long_form", [
    ("Throat pain scores (TPS) were recorded daily. The primary outcome was the mean of the daily TPSs.",
     "TPSs", "throat pain scores"),
    ("Swallowing times (ST) were measured at each visit. The main outcome was the change in STs over a week.",
     "STs", "swallowing times"),
])
def test_the_plural_of_a_short_form_is_named_by_its_long_form(tmp_path, layout, methods, short, long_form):
    names = [{x.lower() for x in [f.fields["name"], *f.fields.get("_surfaces", [])]}
             for f in facts(tmp_path, METHODS + " " + methods, "Both groups improved.", layout)
             if f.kind == "endpoint" and short in f.fields["name"]]
    assert names
    assert all(any(long_form in x for x in n) for n in names)
