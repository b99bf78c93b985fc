"""Endpoints declared without an endpoint noun before the verb: a set of measures with an assessment
verb after it ('Vital signs measured were A, B and C'), and the event a criterion defines ('... was
considered treatment failure'). Every sentence here was written for these tests; each class is tried in
two wordings and two layouts (a "Methods" heading, and a labelled abstract paragraph), with negatives.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read

TITLE = "A made-up randomised trial written for kg's endpoint tests"
LAYOUTS = ["heading", "abstract"]


def endpoints(tmp_path: Path, body: str, layout: str) -> set[str]:
    path = tmp_path / "paper.txt"
    if layout == "heading":
        path.write_text(f"{TITLE}\n\nMethods\n\n{body}\n\nDiscussion\n\nThe trial ended as planned.\n",
                        encoding="utf-8")
    else:
        path.write_text(f"{TITLE}\n\nAbstract\n\nBackground: Little is known.\n\nMethods: {body}\n\n"
                        "Conclusions: The trial ended as planned.\n", encoding="utf-8")
    document = read(path)
    out = set()
    for f in extract_all(document, get_nlp()(document.text), load_lexicon()).facts:
        if f.kind == "endpoint":
            for ev in f.evidence:
                assert document.text[ev.start:ev.end].strip() == document.text[ev.start:ev.end] != ""
            out.add(f.fields["name"].lower())
    return out


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, names", [
    ("Adults were randomised to a lozenge or placebo. Vital signs measured were seated pulse rate, skin "
     "temperature and grip strength, taken at every visit.",
     {"seated pulse rate", "skin temperature", "grip strength"}),
    ("Ewes were randomised to two feeds. The indices recorded included fleece weight and hoof hardness.",
     {"fleece weight", "hoof hardness"}),
])
def test_a_set_of_measures_with_its_assessment_verb_declares_its_list(tmp_path, layout, body, names):
    assert names <= endpoints(tmp_path, body, layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, names", [
    ("Adults were randomised to a lozenge or placebo. A fall of three points or more in itch score was "
     "considered treatment success, and a smaller fall was considered treatment failure.",
     {"treatment success", "treatment failure"}),
    ("Children were randomised to two ointments. A rash that returned within a month was regarded as a "
     "clinical relapse.", {"clinical relapse"}),
])
def test_the_event_a_criterion_defines_is_an_endpoint(tmp_path, layout, body, names):
    assert names <= endpoints(tmp_path, body, layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, not_names", [
    ("Adults were randomised to a lozenge or placebo. The markers measured were stable over the study, and "
     "the indices recorded were similar in both arms.", {"stable", "similar", "similar in both arms"}),
    ("Adults were randomised to a lozenge or placebo. Patients were considered eligible if they had a cough, "
     "and a visit was regarded as missed after two days.", {"eligible", "missed"}),
])
def test_a_statement_about_the_set_or_a_criterion_of_no_event_declares_nothing(tmp_path, layout, body, not_names):
    assert not not_names & endpoints(tmp_path, body, layout)
