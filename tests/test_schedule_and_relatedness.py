"""Schedule attributes of interventions, and what ties an adverse event to the treatment.

Classes: single administrations ('a single subcutaneous injection', 'a one-time infusion', 'as a
loading dose'), continuous and patient-controlled delivery, counts of doses given ('received
three doses'), intervals ('once in 8 weeks'); a treatment period stated once for the trial
('participants were treated for 10 weeks', 'during the 16-week intervention', 'for 8 consecutive
weeks'); a schedule written for one named substance stays with it; the words that lead a later
dose ('followed by a continuous infusion of 2 g') are that dose's. Adverse events: listed under
'adverse drug reactions' / 'side effects', named as the reason treatment stopped, said to go with a
study drug; counts closing the event's clause ('in four patients', 'in 8 (6.7%) patients').

Every sentence here was written for these tests; each class is tried in two wordings and two
layouts (a "Methods" heading and a labelled abstract paragraph).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read
from tests.test_extraction_interventions import LAYOUTS, interventions
from tests.test_intervention_attribution import by_drug

TITLE = "A made-up randomised trial written for kg's schedule tests"


# -- single, continuous and patient-controlled administration -----------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, drug, frequency", [
    ("Volunteers were randomised to a single subcutaneous injection of enoxaparin 40 mg or saline.",
     "enoxaparin", "single dose"),
    ("Adults were randomised to a one-time infusion of zoledronic acid 5 mg or placebo.", "zoledronic acid",
     "single dose"),
    ("Children were randomised to a continuous infusion of dexmedetomidine 0.4 µg/kg/h or saline.",
     "dexmedetomidine", "continuous infusion"),
    ("Patients were allocated to ketamine 0.2 mg/kg or saline. Ketamine was given as a continuous "
     "intravenous infusion.", "ketamine", "continuous infusion"),
    ("After surgery, patients were randomised to morphine 1 mg by patient-controlled intravenous "
     "analgesia or to tramadol 50 mg.", "morphine", "patient-controlled"),
])
def test_single_continuous_and_patient_controlled_administration(tmp_path, layout, body, drug, frequency):
    drugs = by_drug(interventions(tmp_path, body, layout))
    assert {i["frequency"] for i in drugs[drug]} == {frequency}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, drug, frequency", [
    ("Infants were assigned to receive three doses of the rotavirus vaccine or placebo.",
     "rotavirus vaccine", "three doses"),
    ("Women were randomised to receive two injections of medroxyprogesterone 150 mg or no injection.",
     "medroxyprogesterone", "two injections"),
    ("Men were randomised to denosumab 60 mg once in 8 weeks or to placebo.", "denosumab", "every 8 weeks"),
])
def test_counts_of_doses_and_intervals(tmp_path, layout, body, drug, frequency):
    drugs = by_drug(interventions(tmp_path, body, layout))
    assert {i["frequency"] for i in drugs[drug]} == {frequency}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "The trial compared three doses of docetaxel (60, 75 and 100 mg/m2).",
    "We tested two doses of docetaxel (60 and 75 mg/m2) in older women.",
])
def test_dose_levels_compared_are_no_count_of_doses(tmp_path, layout, body):
    items = interventions(tmp_path, body, layout)
    assert items and {i["frequency"] for i in items} == {None}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, loading, maintenance, rhythm", [
    ("Patients received clopidogrel 300 mg as a loading dose, then clopidogrel 75 mg once daily.",
     300.0, 75.0, "once daily"),
    ("In the infusion arm, patients received a loading dose of 1 g of vancomycin followed by a continuous "
     "infusion of 2 g of vancomycin over 24 hours.", 1.0, 2.0, "continuous infusion"),
])
def test_a_loading_dose_is_given_once_and_the_next_dose_keeps_its_lead(tmp_path, layout, body, loading,
                                                                         maintenance, rhythm):
    items = {i["dose"]: i for i in interventions(tmp_path, body, layout)}
    assert items[loading]["frequency"] == "single loading dose"
    assert items[maintenance]["frequency"] == rhythm


# -- a treatment period stated once for the whole trial -------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, period", [
    ("Adults were randomised to metformin 500 mg twice daily or placebo. Participants were treated for "
     "10 weeks.", "10 weeks"),
    ("Adults were randomised to metformin 500 mg twice daily or placebo. During the 16-week intervention, "
     "fasting glucose was measured at every visit.", "16 weeks"),
    ("Adults were randomised to curcumin 500 mg or placebo. The capsules were taken for 8 consecutive weeks.",
     "8 weeks"),
])
def test_a_treatment_period_stated_once_holds_for_the_arm(tmp_path, layout, body, period):
    items = interventions(tmp_path, body, layout)
    assert items and {i["duration"] for i in items} == {period}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, period", [
    ("Adults were randomised to mebeverine, methylcellulose or placebo for 6 weeks.", "6 weeks"),
    ("Patients were randomly assigned to melatonin, zolpidem or placebo for 10 weeks (8 weeks' treatment and "
     "2 weeks' follow-up).", "8 weeks"),
])
def test_a_period_after_the_list_of_arms_holds_for_each(tmp_path, layout, body, period):
    items = interventions(tmp_path, body, layout)
    assert len(items) == 2 and {i["duration"] for i in items} == {period}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, drug", [
    ("Adults with COPD received tiotropium 18 µg once daily via the HandiHaler or placebo.", "tiotropium"),
    ("Children were randomised to budesonide 200 µg twice daily by Turbuhaler or to montelukast 5 mg.",
     "budesonide"),
])
def test_an_inhaler_device_name_says_inhaled(tmp_path, layout, body, drug):
    drugs = by_drug(interventions(tmp_path, body, layout))
    assert {i["route"] for i in drugs[drug]} == {"inhaled"}
    assert all(i["route"] is None for d, items in drugs.items() if d != drug for i in items)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "Adults were randomised to melatonin 3 mg or placebo. All participants were followed for 6 months.",
    "Adults were randomised to mebeverine 135 mg or placebo and followed up for 12 months.",
    "Adults were randomised to magnesium 300 mg or placebo. Outcomes were recorded during the 12-week "
    "follow-up period.",
])
def test_a_follow_up_period_is_no_treatment_period(tmp_path, layout, body):
    items = interventions(tmp_path, body, layout)
    assert items and {i["duration"] for i in items} == {None}


# -- a schedule written for one substance stays with it ---------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, own, other", [
    ("Participants were randomised to iron 60 mg or zinc 10 mg. Zinc was taken twice daily for 10 days.",
     "zinc", "iron"),
    ("Children were randomised to zinc 20 mg or copper 1 mg. Copper was given twice daily for 10 days.",
     "copper", "zinc"),
])
def test_a_schedule_of_another_substance_is_not_taken(tmp_path, layout, body, own, other):
    drugs = by_drug(interventions(tmp_path, body, layout))
    assert {(i["frequency"], i["duration"]) for i in drugs[own]} == {("twice daily", "10 days")}
    assert {(i["frequency"], i["duration"]) for i in drugs[other]} == {(None, None)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, led, other", [
    ("Adults were randomised to a one-time infusion of zoledronic acid 5 mg or to alendronate 70 mg weekly.",
     "zoledronic acid", "alendronate"),
    ("Women were randomised to a single infusion of ibandronate 3 mg or to risedronate 35 mg weekly.",
     "ibandronate", "risedronate"),
])
def test_a_dosage_form_leading_one_dose_gives_its_route_to_that_dose_only(tmp_path, layout, body, led, other):
    drugs = by_drug(interventions(tmp_path, body, layout))
    assert {(i["frequency"], i["route"]) for i in drugs[led]} == {("single dose", "intravenous")}
    assert {(i["frequency"], i["route"]) for i in drugs[other]} == {("weekly", None)}


# -- adverse events: relatedness and counts ------------------------------------------------------
METHODS = "Children were randomised to dexmedetomidine 1 µg/kg or saline before anaesthesia."
AE_LAYOUTS = ["heading", "abstract"]


def aes(tmp_path: Path, results: str, layout: str) -> list[dict]:
    """The adverse events of a paper with the methods above and the given results sentence."""
    path = tmp_path / "paper.txt"
    if layout == "heading":
        path.write_text(f"{TITLE}\n\nMethods\n\n{METHODS}\n\nResults\n\n{results}\n", encoding="utf-8")
    else:
        path.write_text(f"{TITLE}\n\nAbstract\n\nMethods: {METHODS}\n\nResults: {results}\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    for f in facts:
        for ev in f.evidence:
            assert document.text[ev.start:ev.end] == document.text[ev.start:ev.end].strip() != ""
    return [dict(f.fields, term=f.fields["term"].label) for f in facts if f.kind == "adverse_event"]


def one(items: list[dict], term: str) -> dict:
    found = [i for i in items if i["term"] == term and not i["negated"]]
    assert len(found) == 1, items
    return found[0]


@pytest.mark.parametrize("layout", AE_LAYOUTS)
@pytest.mark.parametrize("sentence, term", [
    ("Adverse drug reactions were rash and pruritus.", "pruritus"),
    ("The most frequent side effects were dizziness and dry mouth.", "dizziness"),
    ("Three children discontinued the study drug because of vomiting.", "vomiting"),
    ("Two patients withdrew owing to nausea and vomiting.", "vomiting"),
    ("Bradycardia associated with the study drug occurred in 3 children.", "bradycardia"),
    ("Dexmedetomidine was associated with more bradycardia than saline.", "bradycardia"),
])
def test_an_event_tied_to_the_treatment_is_related(tmp_path, layout, sentence, term):
    assert one(aes(tmp_path, sentence, layout), term)["related_to_drug"] is True


@pytest.mark.parametrize("layout", AE_LAYOUTS)
@pytest.mark.parametrize("sentence, term", [
    ("No child was withdrawn because of vomiting, which occurred in both groups.", "vomiting"),
    ("No discontinuations were due to hypotension.", "hypotension"),
    ("In the saline group there was one episode of gastroenteritis and a rash (associated with "
     "amoxicillin use).", "gastroenteritis"),
    ("Headache was reported in 5 children.", "headache"),
])
def test_an_event_merely_reported_or_tied_to_another_drug_is_not_related(tmp_path, layout, sentence, term):
    assert one(aes(tmp_path, sentence, layout), term)["related_to_drug"] is None


@pytest.mark.parametrize("layout", AE_LAYOUTS)
@pytest.mark.parametrize("sentence, term, count", [
    ("Hypotension attributed to the study drug was seen in four patients.", "hypotension", 4),
    ("Bradycardia that resolved without any treatment occurred in 6 (9.5%) children.", "bradycardia", 6),
    ("The commonest adverse events were hypotension (7 [11.1%]) and bradycardia (5 [7.9%]).", "bradycardia", 5),
    ("Events included hypotension, 7 (11.1%); bradycardia, 5 (7.9%).", "bradycardia", 5),
    ("Hypotension occurred in 7 (11.1%) and bradycardia in 5 (7.9%).", "bradycardia", 5),
])
def test_a_count_closing_the_event_clause(tmp_path, layout, sentence, term, count):
    assert one(aes(tmp_path, sentence, layout), term)["count"] == count
