"""An arm the paper abbreviates is also named by its other form, and a measurement cue in another
table cell or caption line does not make an arm a measured quantity. Every sentence here was written
for these tests; each class is tried in two wordings and two layouts (a "Methods" heading, and a
labelled abstract paragraph).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read
from tests.test_extraction_interventions import LAYOUTS, TITLE, interventions


def arm_names(tmp_path: Path, body: str, layout: str, title: str = TITLE) -> dict[str, set[str]]:
    """Each study intervention's label and the names its evidence gives it (surface and synonyms)."""
    path = tmp_path / "paper.txt"
    if layout == "heading":
        path.write_text(f"{title}\n\nMethods\n\n{body}\n", encoding="utf-8")
    else:
        path.write_text(f"{title}\n\nAbstract\n\nBackground: Little is known.\n\nMethods: {body}\n\n"
                        "Results: The trial ended as planned.\n", encoding="utf-8")
    document = read(path)
    out: dict[str, set[str]] = {}
    for f in extract_all(document, get_nlp()(document.text), load_lexicon()).facts:
        if f.kind != "intervention" or f.fields["role"] != "study":
            continue
        for ev in f.evidence:
            assert document.text[ev.start:ev.end].strip() == document.text[ev.start:ev.end] != ""
        names = {f.surface or "", *f.fields.get("_surfaces", [])} - {""}
        out.setdefault(f.fields["drug"].label.lower(), set()).update(names)
    return out


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm, short", [
    ("Pulsed quadriceps stimulation (PQS) may slow wasting in ventilated adults. Patients were randomly "
     "assigned to daily pulsed quadriceps stimulation or to the control group.", "pulsed quadriceps stimulation",
     "PQS"),
    ("We tested whether a guided rhythm breathing course (GRBC) eases panic. Volunteers were randomised to a "
     "guided rhythm breathing course or a waiting list.", "guided rhythm breathing course", "GRBC"),
])
def test_the_short_form_of_an_abbreviated_arm_is_one_of_its_names(tmp_path, layout, body, arm, short):
    got = arm_names(tmp_path, body, layout)
    assert arm in got
    assert short in got[arm]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Walking capacity was tested with the shuttle walk test (SWT). Adults were randomly assigned to pulsed "
     "quadriceps stimulation or to the control group.", "pulsed quadriceps stimulation"),
    ("Anxiety was rated on the panic severity scale (PSS). Volunteers were randomised to a guided rhythm "
     "breathing course or a waiting list.", "guided rhythm breathing course"),
])
def test_a_measures_short_form_names_no_arm(tmp_path, layout, body, arm):
    got = arm_names(tmp_path, body, layout)
    assert arm in got
    assert not {"SWT", "PSS", "shuttle walk test", "panic severity scale"} & got[arm]


TABLE = ("Table 2 Changes in serum hormones and {cue}\n"
         "Variable\t{arm}\tPlacebo\n"
         "Hormone A\t4.1\t3.9\n")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("arm, cue", [("Veltrosa Forte", "plasma lipids"), ("Marvicol tonic", "serum urate")])
def test_a_cue_in_a_caption_line_leaves_the_arm_in_the_next_cell(tmp_path, layout, arm, cue):
    body = (f"Men were randomised to receive {arm} or placebo, two capsules twice daily for 12 weeks.\n\n"
            + TABLE.format(cue=cue, arm=arm) + "\n" + TABLE.format(cue=cue, arm=arm))
    assert arm.lower() in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, measured", [
    ("Adults were randomised to a walking plan or usual care. Serum lutein was measured at baseline, and "
     "serum lutein rose in the walking group.", "lutein"),
    ("Children were randomised to a reading club or a waiting list. Plasma taurine levels were taken twice; "
     "plasma taurine fell in both groups.", "taurine"),
])
def test_a_cue_in_the_same_line_still_makes_a_measure(tmp_path, layout, body, measured):
    assert measured not in {i["drug"] for i in interventions(tmp_path, body, layout)}


def combined(tmp_path: Path, label: str, body: str) -> set[str]:
    """The study interventions of an abstract whose design and findings share one part."""
    path = tmp_path / "paper.txt"
    path.write_text("A made-up randomised trial in rural homes\n\nBackground\nLittle is known.\n\n"
                    f"{label}\n{body}\n\nConclusions\nThe trial ended as planned.\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    return {f.fields["drug"].label.lower() for f in facts if f.kind == "intervention" and f.fields["role"] == "study"}


@pytest.mark.parametrize("label", ["Methods and Findings", "Methods and Results"])
@pytest.mark.parametrize("body, arm", [
    ("We ran a 9-month randomised field trial in 80 farms to assess a ceramic candle filter. Filter use "
     "was high (91%), and spoilage fell (p = 0.01).", "ceramic candle filter"),
    ("This cluster trial in 40 villages was designed to evaluate a lay-led hygiene coaching programme. "
     "Diarrhoea was less common in coached homes (odds ratio 0.6).", "lay-led hygiene coaching programme"),
])
def test_the_design_sentences_of_a_combined_part_read_as_methods(tmp_path, label, body, arm):
    assert arm in combined(tmp_path, label, body)


@pytest.mark.parametrize("label", ["Methods and Findings", "Methods and Results"])
@pytest.mark.parametrize("body, not_arm", [
    ("We ran a randomised field trial in 80 farms. Spoilage fell by 30% (p = 0.01); a later survey aimed to "
     "assess a ceramic candle filter in other regions.", "ceramic candle filter"),
    ("Forty villages took part. Diarrhoea was less common (odds ratio 0.6) and a second study will evaluate "
     "a lay-led hygiene coaching programme.", "lay-led hygiene coaching programme"),
])
def test_after_the_first_statistic_a_combined_part_reports(tmp_path, label, body, not_arm):
    assert not_arm not in combined(tmp_path, label, body)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Patients with tinnitus were randomised to active or sham transcranial magnetic stimulation for two weeks.",
     "transcranial magnetic stimulation"),
    ("Each volunteer attended two sessions, genuine and sham exposure of radiofrequency fields, in random order.",
     "radiofrequency fields"),
    ("Knees were treated with sham or real laser irradiation on five days.", "laser irradiation"),
])
def test_what_a_sham_and_its_active_twin_qualify_is_the_arm(tmp_path, layout, body, arm):
    assert arm in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, not_arm", [
    ("Adults were randomised to capsules; active and placebo treatment looked alike.", "treatment"),
    ("Sham and real sessions were scheduled by a nurse who was not told the order.", "sessions"),
])
def test_a_sham_pair_before_a_generic_word_names_no_arm(tmp_path, layout, body, not_arm):
    assert not_arm not in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Foals were randomised to Tendorex or placebo. The number of Tendorex treated foals with a healed tendon "
     "was 12, and the number of Tendorex treated foals that raced again was 9.", "tendorex"),
    ("Ewes were randomised to Lanovix or water. The proportion of Lanovix recipients that lambed twice was 40%, "
     "and the proportion of Lanovix recipients that lost weight was 10%.", "lanovix"),
])
def test_a_count_of_the_people_who_received_an_agent_does_not_measure_it(tmp_path, layout, body, arm):
    assert arm in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, measured", [
    ("Adults were randomised to a walking plan or usual care. The number of steps and serum carnitine levels "
     "were recorded; serum carnitine rose with walking.", "carnitine"),
    ("Children were randomised to a reading club or a waiting list. Urinary cotinine concentrations were "
     "measured, and urinary cotinine fell in both groups.", "cotinine"),
])
def test_a_measured_substance_followed_by_no_people_word_stays_measured(tmp_path, layout, body, measured):
    assert measured not in {i["drug"] for i in interventions(tmp_path, body, layout)}
