"""Endpoint readings that generalise to unseen abstracts (session 27): sentences about other research are
not this trial's measures; a capitalised comparative names a place; what people in a relative clause
received is no measure; 'other X' names no measure; two groups' figures after a copula name the measure
they were compared on (not at entry); a unit closing a name is left out. Every sentence here was written
for these tests; each class is tried in two wordings and two layouts, with negatives.
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


def endpoints(tmp_path: Path, body: str, layout: str) -> dict[str, str]:
    """Endpoint names (lower case) → the rule that read them, from `body` as an abstract's results."""
    path = tmp_path / "paper.txt"
    if layout == "heading":
        path.write_text(f"{TITLE}\n\nAbstract\n\nResults\n\n{body}\n\nConclusions\n\nThe trial ended as planned.\n",
                        encoding="utf-8")
    else:
        path.write_text(f"{TITLE}\n\nBackground: Little is known.\n\nMethods: Adults were randomised to a "
                        f"lozenge or placebo.\n\nResults: {body}\n\nConclusions: The trial ended as planned.\n",
                        encoding="utf-8")
    document = read(path)
    out = {}
    for f in extract_all(document, get_nlp()(document.text), load_lexicon()).facts:
        if f.kind == "endpoint":
            for ev in f.evidence:
                assert document.text[ev.start:ev.end].strip() == document.text[ev.start:ev.end] != ""
            out[f.fields["name"].lower()] = f.rule
    return out


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, not_name", [
    ("Few trials have examined the effect of ginger capsules on nausea severity.", "nausea severity"),
    ("Further research is needed to establish the effect of the lozenge on voice quality.", "voice quality"),
    ("The rate of dizziness was higher than in earlier trials of the drug.", "rate of dizziness"),
])
def test_a_sentence_about_other_research_names_no_measure_of_this_trial(tmp_path, layout, body, not_name):
    assert not_name not in endpoints(tmp_path, body, layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, name", [
    ("This trial investigated the effect of ginger capsules on nausea severity.", "nausea severity"),
    ("We examined the effect of the lozenge on voice quality over four weeks.", "voice quality"),
])
def test_the_trials_own_aim_still_names_its_measure(tmp_path, layout, body, name):
    assert name in endpoints(tmp_path, body, layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, not_name", [
    ("Pupils were recruited from schools in Lower Saxony that had not taken part in a similar scheme.", "saxony"),
    ("Clinics in Greater Manchester with more than two nurses were eligible.", "manchester"),
])
def test_a_capitalised_comparative_inside_a_sentence_is_a_place(tmp_path, layout, body, not_name):
    assert not_name not in endpoints(tmp_path, body, layout)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_lower_case_comparative_still_reports_its_measure(tmp_path, layout):
    body = "Children in the lozenge arm had lower cough scores than children in the placebo arm."
    assert "cough scores" in endpoints(tmp_path, body, layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, name, not_name", [
    ("The reply rate among doctors who received a voucher was higher in the intervention arm (58%) than in the "
     "control arm (41%).", "reply rate", "voucher"),
    ("The attendance rate for mothers who received a diary was higher than for the others.", "attendance rate",
     "diary"),
])
def test_what_people_in_a_relative_clause_received_is_no_measure(tmp_path, layout, body, name, not_name):
    found = endpoints(tmp_path, body, layout)
    assert name in found and not_name not in found


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, name, not_name", [
    ("Tremor amplitude decreased, but other motor signs did not change.", "tremor amplitude", "other motor signs"),
    ("Cough frequency fell in both arms, and other symptoms did not differ between arms.", "cough frequency",
     "other symptoms"),
])
def test_other_measures_name_none(tmp_path, layout, body, name, not_name):
    found = endpoints(tmp_path, body, layout)
    assert name in found and not_name not in found


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, name", [
    ("Mean blood loss in ml was significantly lower with the new technique (p = 0.02).", "blood loss"),
    ("The mean (SD) hospital stay in days was markedly shorter after day surgery (P = 0.01).", "hospital stay"),
])
def test_the_unit_and_the_statistic_label_are_not_the_name(tmp_path, layout, body, name):
    assert name in endpoints(tmp_path, body, layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, names", [
    ("Participants gave daily severity ratings for nausea, bloating and heartburn.",
     {"nausea", "bloating", "heartburn"}),
    ("Patients rated the intensity of itch and sleep disturbance every evening for four weeks.",
     {"itch", "sleep disturbance"}),
])
def test_what_participants_rate_is_a_measure(tmp_path, layout, body, names):
    assert names <= set(endpoints(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "Patients rated the lozenge as easy to use.",
    "A rating for each clinic was not available.",
])
def test_a_rating_of_the_treatment_or_of_nothing_names_no_measure(tmp_path, layout, body):
    assert not {"lozenge", "clinic", "each clinic"} & set(endpoints(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, name, not_name", [
    ("The completion rate for the 24-week open-label extension period was lower for the placebo group (63%) than "
     "for the lozenge group (75%).", "completion rate", "24-week open-label extension period"),
    ("Adherence during the run-in phase was similar in both arms.", "adherence", "run-in phase"),
])
def test_a_period_closing_the_subject_says_when_not_what(tmp_path, layout, body, name, not_name):
    found = endpoints(tmp_path, body, layout)
    assert name in found and not_name not in found


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, not_name", [
    ("The intervention effect increased as class size increased.", "class size"),
    ("The benefit of the programme on fitness was larger in schools where it started early, and it grew as "
     "playground area increased.", "playground area"),
])
def test_what_an_effect_grows_with_is_no_measure(tmp_path, layout, body, not_name):
    assert not_name not in endpoints(tmp_path, body, layout)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_measure_before_as_did_still_reports(tmp_path, layout):
    assert "cough scores" in endpoints(tmp_path, "Cough scores decreased, as did night waking.", layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, name", [
    ("The expression of oestrogen receptors in breast carcinoma was measured before and after the lozenge.",
     "oestrogen receptors"),
    ("We assessed bone mineral density in type 2 diabetes at baseline and after 12 months.", "bone mineral density"),
    ("Urinary albumin excretion in patients with type 2 diabetes was assessed at every visit.",
     "urinary albumin excretion"),
])
def test_the_condition_a_measure_was_taken_in_is_not_its_name(tmp_path, layout, body, name):
    found = endpoints(tmp_path, body, layout)
    assert any(k.endswith(name) for k in found), found
    assert not any(w in k for k in found for w in ("carcinoma", "diabetes", "type"))
