"""Short forms a paper defines itself, and their long forms (Schwartz & Hearst, by initials first).

Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.abbreviations import defined_abbreviations, defines, document_abbreviations


@pytest.mark.parametrize("text, short, long", [
    ("Pupils took part in guided imagery training (GIT) twice a week.", "GIT", "guided imagery training"),
    ("Women were offered cognitive behavioural therapy (CBT; 8 sessions).", "CBT", "cognitive behavioural therapy"),
    ("The arms were partial nephrectomy (PN) and radical nephrectomy (RN).", "PN", "partial nephrectomy"),
    ("The arms were partial nephrectomy (PN) and radical nephrectomy (RN).", "RN", "radical nephrectomy"),
    ("We compared a web-based coaching programme (wCP) with leaflets.", "wCP", "web-based coaching programme"),
    ("Health-related quality of life (HRQoL) was recorded.", "HRQoL", "Health-related quality of life"),
    # a digit for a number word, hyphenated words read part by part
    ("Legs were wrapped in a three-layer bandage (3LB) for a week.", "3LB", "three-layer bandage"),
    ("We used a two-step counselling approach (2SCA) in clinics.", "2SCA", "two-step counselling approach"),
])
def test_long_forms(text, short, long):
    found = defined_abbreviations(text)
    assert found[short].long == long
    assert text[found[short].start:found[short].end] == long


def test_initials_are_preferred_to_letters_inside_a_word():
    # "(TT)" spelled by the initials of two words, not by the two t's of "thyroidectomy"
    text = "Patients had a total thyroidectomy (TT) or a lobectomy (LOB)."
    found = defined_abbreviations(text)
    assert found["TT"].long == "total thyroidectomy"
    assert "LOB" in found and found["LOB"].long == "lobectomy"


def test_a_bracket_inside_the_long_form_is_kept_out_of_its_name():
    text = "Dogs received nanoparticle paclitaxel (PTX) albumin suspension (NPAS) weekly."
    ab = defined_abbreviations(text)["NPAS"]
    assert ab.long == "nanoparticle paclitaxel (PTX) albumin suspension"
    assert ab.name == "nanoparticle paclitaxel albumin suspension"


@pytest.mark.parametrize("text", ["The sample size (n = 40) was small.", "Scores fell (P < 0.05).",
                                  "It was given (see Table 2).", "Two arms (A and B) were compared.",
                                  "The drug was stopped (ALT above 3 times the limit)."])
def test_brackets_that_define_nothing(text):
    assert defined_abbreviations(text) == {}


def test_defines_reads_the_words_before_the_bracket():
    assert defines("the lupus low disease activity state", "LLDAS")
    assert not defines("the primary outcome", "XYZ")


def test_a_documents_abbreviations_are_read_once_and_shared():
    from kg.model import Document

    text = "Pupils took part in guided imagery training (GIT). GIT lasted a week."
    doc = Document(id="d", source_path="d.txt", sha256="0", text=text, kind="text")
    first = document_abbreviations(doc)
    assert first is document_abbreviations(doc) and first["GIT"].name == "guided imagery training"
