"""The acronym and design of a full text: not those of the trials it cites, nor an arm's name.

Every sentence here was written for these tests; each class in two wordings, in the layouts
of tests/test_extraction_trial.py (a "Methods" heading, a labelled abstract) or a full text
(abstract, then the body's parts).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read

TITLE = "A made-up trial of zinc written for kg's trial-field tests"
LAYOUTS = ["heading", "abstract"]


def values(tmp_path: Path, text: str, attribute: str) -> list:
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    return [getattr(f.fields["value"], "label", f.fields["value"]) for f in facts
            if f.kind == "trial" and f.fields["attribute"] == attribute]


def trial(tmp_path: Path, body: str, attribute: str, layout: str) -> list:
    if layout == "heading":
        return values(tmp_path, f"{TITLE}\n\nMethods\n\n{body}\n", attribute)
    return values(tmp_path, f"{TITLE}\n\nAbstract\n\nBackground: Little is known.\n\nMethods: {body}\n\n"
                  "Conclusions: More work is needed.\n", attribute)


def full_text(tmp_path: Path, attribute: str, abstract: str = "Methods: Adults took zinc or placebo.",
              **parts: str) -> list:
    body = "".join(f"{head.capitalize()}\n\n{text}\n\n" for head, text in parts.items())
    return values(tmp_path, f"{TITLE}\n\nAbstract\n\n{abstract}\n\n{body}", attribute)


@pytest.mark.parametrize("sentence", [
    "The BRAVADO study was a large trial of copper in older adults.",
    "Results of the OSPREY trial were similar to ours.",
])
def test_acronyms_of_the_trials_a_paper_cites(tmp_path, sentence):
    found = full_text(tmp_path, "acronym", introduction=sentence, methods="Adults took zinc.",
                      discussion=sentence)
    assert found == []


@pytest.mark.parametrize("sentence", [
    "In the ZN-PLUS group, the study drug was stopped early in two adults.",
    "The ZINCO arm of the study had fewer visits.",
])
def test_an_arms_name_is_not_the_trials_acronym(tmp_path, sentence):
    assert trial(tmp_path, sentence, "acronym", "heading") == []


@pytest.mark.parametrize("sentence", [
    "There is a need for observational data on zinc in this illness.",
    "Previous observational studies linked zinc with fewer infections.",
])
def test_designs_of_other_studies_in_the_discussion(tmp_path, sentence):
    found = full_text(tmp_path, "design", introduction="Zinc is cheap.", methods="Adults took zinc.",
                      discussion=sentence)
    assert "observational" not in found


@pytest.mark.parametrize("registration", [
    "Trial registration: Australian New Zealand Clinical Trials Registry (ACTRN12610000123456)",
    "The trial was registered with ClinicalTrials.gov (NCT04455667)",
])
def test_a_registry_number_in_brackets_is_not_the_acronym(tmp_path, registration):
    text = f"{TITLE}\n\nAbstract\n\nMethods: Adults took zinc.\n\n{registration}\n"
    assert values(tmp_path, text, "acronym") == []


@pytest.mark.parametrize("sentence", [
    "Each volunteer completed three randomized trials of cycling, one week apart.",
    "All adults undertook two randomised trials (zinc and placebo) at least a week apart.",
])
def test_a_trials_own_sessions_named_as_randomised_trials_keep_the_design(tmp_path, sentence):
    found = full_text(tmp_path, "design", abstract="Methods: Volunteers cycled.", introduction="Cycling is common.",
                      methods=sentence)
    assert "randomized" in found


@pytest.mark.parametrize("discussion", [
    "Two larger trials now test longer courses (ClinicalTrials.gov NCT04123456 and NCT04123457).",
    "The next studies, registered as ISRCTN12345678, will give zinc for a year.",
])
def test_registry_numbers_a_discussion_cites_are_other_trials(tmp_path, discussion):
    ids = full_text(tmp_path, "registry_id", abstract="Methods: Adults took zinc or placebo (NCT01234567).",
                    Discussion=discussion)
    assert ids == ["NCT01234567"]


def test_a_number_stated_only_in_the_discussion_is_kept(tmp_path):
    ids = full_text(tmp_path, "registry_id", Discussion="This trial was registered as NCT07654321 before it began.")
    assert ids == ["NCT07654321"]
