"""Two classes of phrasing met on unread trial abstracts.

- A dose written in a bracket after the way a drug is given ('X supplementation (2000 IU/day)', 'X
  prophylaxis (5 mg/kg weekly)'), and an undosed arm phrase that is a dosed drug's name with a vehicle or
  a giving noun after it ('oral zinc drops' where '10 mg of elemental zinc' is dosed): one arm, dosed.
- A disease of the dictionaries reported as an event in a results sentence without a harm cue word:
  counted people who had it, the disease said to occur in counted people, no cases of it.

Every sentence here was written for these tests; nothing is copied from a scored or mined paper.
"""

from __future__ import annotations

import pytest

from kg.extract.arm_review import review
from kg.extract.base import Fact
from kg.lexicon import Concept
from tests.test_extraction_endpoints_aes import facts_of, terms
from tests.test_extraction_interventions import LAYOUTS, doses, interventions


# -- a dose after the way the drug is given --------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, expected",
    [
        ("Pregnant women were randomly assigned to vitamin D3 supplementation (1000 IU/day) or usual care "
         "until delivery.", {("cholecalciferol", 1000.0, "IU/day")}),
        ("Children were allocated to mefloquine prophylaxis (5 mg/kg weekly) or no prophylaxis for six months.",
         {("mefloquine", 5.0, "mg/kg")}),
    ],
)
def test_a_bracketed_dose_after_the_way_the_drug_is_given(tmp_path, layout, body, expected):
    assert {(d, v, u.replace("iu", "IU") if u else u) for d, v, u in doses(interventions(tmp_path, body, layout))} \
        == expected


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, expected",
    [
        ("Toddlers were randomised to oral zinc drops or no supplement for 6 months. The zinc group received "
         "10 mg of elemental zinc per day.", {("zinc", 10.0, "mg/day")}),
        ("Women were assigned to folic acid tablets or nothing. The active arm took 5 mg folic acid daily.",
         {("folic acid", 5.0, "mg")}),
    ],
)
def test_a_given_form_of_a_dosed_drug_names_the_same_arm(tmp_path, layout, body, expected):
    assert doses(interventions(tmp_path, body, layout)) == expected


@pytest.mark.parametrize("layout", LAYOUTS)
def test_an_other_product_of_a_dosed_drug_stays_an_arm(tmp_path, layout):
    # a vehicle after another name than the dosed drug's is another arm
    body = ("Infants were randomised to iron drops or a multiple micronutrient powder. The iron group "
            "received 2 mg/kg of elemental iron per day.")
    names = {d for d, _v, _u in doses(interventions(tmp_path, body, layout))}
    assert "iron" in names and any("micronutrient" in n for n in names)


# -- diseases reported as events -------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence, term",
    [
        ("Two infants in the vaccine group had febrile seizures.", "febrile seizure"),
        ("Only one child presented with febrile seizures after the second dose.", "febrile seizure"),
        ("Intussusception occurred in one infant in the vaccine arm.", "intussusception"),
        ("Mild intussusception was observed in 2 (1%) infants after vaccination.", "intussusception"),
    ],
)
def test_a_disease_reported_as_an_event(tmp_path, sentence, term):
    facts = facts_of(tmp_path, sentence, "adverse_event")
    assert (term, False) in terms(facts)


@pytest.mark.parametrize(
    "sentence",
    [
        "No cases of intussusception were observed in either group.",
        "There were no cases of intussusception during follow-up.",
    ],
)
def test_no_cases_of_a_disease(tmp_path, sentence):
    assert ("intussusception", True) in terms(facts_of(tmp_path, sentence, "adverse_event"))


@pytest.mark.parametrize(
    "sentence",
    [
        # a disease named without a count of people nor a report of its occurrence
        "Patients with intussusception were excluded from the analysis.",
        "Intussusception is a rare condition in infants.",
        # a counted case is a patient: a histology, not an event
        "Only one case of mucinous carcinoma was found in the biopsies.",
        # a disease in the methods is whom the trial enrolled
    ],
)
def test_no_event_without_a_report_of_one(tmp_path, sentence):
    assert not [t for t, _n in terms(facts_of(tmp_path, sentence, "adverse_event"))
                if t in ("intussusception", "mucinous adenocarcinoma")]


def test_counted_people_in_the_methods_are_the_population(tmp_path):
    body = "Two infants had febrile seizures before enrolment and were excluded."
    assert ("febrile seizure", False) not in terms(facts_of(tmp_path, body, "adverse_event", section="Methods"))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_plain_arm_without_a_dose_is_kept(tmp_path, layout):
    # no dosed drug to merge into: the arm phrase stays
    body = "Adults were randomised to omega-3 capsules or olive oil capsules for 12 weeks."
    assert interventions(tmp_path, body, layout)


# -- an arm written twice under two names ----------------------------------------------------------
def _names(tmp_path, body: str, layout: str, title: str) -> list[str]:
    return sorted(i["drug"] for i in interventions(tmp_path, body, layout, title=title))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "title, body, expected",
    [
        # a noun of giving the drug in the title, the drug in the design
        ("Regional citrate versus systemic heparinisation during dialysis: a randomised trial",
         "Patients were randomly assigned to citrate or heparin for the whole course.", "heparin"),
        ("Early heparinization or none after minor surgery: a randomised trial",
         "Adults were allocated to heparin or no prophylaxis.", "heparin"),
    ],
)
def test_a_noun_of_giving_a_drug_is_that_arm(tmp_path, layout, title, body, expected):
    names = _names(tmp_path, body, layout, title)
    assert expected in names and not [n for n in names if n.endswith(("isation", "ization"))]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "title, body, short",
    [
        ("Bipolar ablation versus monopolar ablation for liver tumours: a randomised trial",
         "Patients were randomised to bipolar radiofrequency ablation or monopolar radiofrequency ablation.",
         {"bipolar ablation", "monopolar ablation"}),
        ("Transcranial magnetic stimulation for tinnitus: a randomised trial",
         "Patients were randomised to transcranial repetitive magnetic stimulation or sham stimulation.",
         {"transcranial magnetic stimulation"}),
    ],
)
def test_a_shorter_name_with_words_left_out_is_the_same_arm(tmp_path, layout, title, body, short):
    names = _names(tmp_path, body, layout, title)
    assert names and not (short & set(names)), names


def _fact(name: str, value: float | None, unit: str | None) -> Fact:
    drug = Concept(f"https://example.org/{name.replace(' ', '-')}", "Drug", name, None, "arm")
    fields = {"drug": drug, "dose_value": value, "dose_unit": None, "dose_unit_label": unit, "role": "study"}
    return Fact("intervention", fields, [], "interventions", "test", 0.85, surface=name)


@pytest.mark.parametrize(
    "plural, singular",
    [("synbiotic supplements", "synbiotic supplement"), ("herbal teas", "herbal tea")],
)
def test_a_dosed_name_in_the_plural_is_one_arm(plural, singular):
    kept = review([_fact(plural, 500.0, "mg/day"), _fact(singular, 500.0, "mg/day")])
    assert [f.fields["drug"].label for f in kept] == [singular]
    # another dose is another arm
    kept = review([_fact(plural, 500.0, "mg/day"), _fact(singular, 250.0, "mg/day")])
    assert len(kept) == 2


@pytest.mark.parametrize("layout", LAYOUTS)
def test_two_arms_that_differ_by_a_first_word_stay_two(tmp_path, layout):
    body = "Children were randomised to aerobic exercise training or resistance exercise training for 12 weeks."
    names = _names(tmp_path, body, layout, "Two exercise programmes for children: a randomised trial")
    assert {"aerobic exercise training", "resistance exercise training"} <= set(names)


# -- what an allocation offers that is no arm ------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body",
    [
        "Adults with epilepsy taking valproate were randomised to add Qingre granules or continue valproate alone.",
        "Patients on stable therapy were randomly assigned to switch to Qingre granules or to remain on their "
        "current drug.",
    ],
)
def test_a_verb_of_changing_treatment_is_no_part_of_the_arm(tmp_path, layout, body):
    names = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert "qingre granules" in names and not [n for n in names if n.split()[0] in ("add", "switch", "continue")]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body",
    [
        "Volunteers were randomised to sertraline (n = 30) or an identical-looking tablet (n = 30).",
        "Participants received citalopram or indistinguishable capsules for eight weeks.",
        "Patients were randomly assigned to clopidogrel or best medical management.",
    ],
)
def test_a_placebo_or_control_described_is_no_arm(tmp_path, layout, body):
    names = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert len(names) == 1, names


# -- a strength written as a compound adjective ----------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, expected",
    [
        ("Adults were randomised to one 500-mg metformin tablet or a matching placebo tablet daily.",
         {("metformin", 500.0, "mg")}),
        ("Each participant took two 20-mg capsules of fluoxetine or placebo capsules every morning.",
         {("fluoxetine", 20.0, "mg")}),
    ],
)
def test_a_hyphenated_strength_is_the_dose(tmp_path, layout, body, expected):
    assert doses(interventions(tmp_path, body, layout)) == expected


# -- multi-word agents the arm shapes missed -------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, name",
    [
        ("Children were randomised to receive a single dose of oral cholera vaccine or no vaccine.", "cholera vaccine"),
        ("Infants were randomised to two doses of oral typhoid vaccine or placebo.", "typhoid vaccine"),
    ],
)
def test_a_count_of_doses_holds_the_arm(tmp_path, layout, body, name):
    assert name in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, name",
    [
        ("Toddlers were randomised to a lipid-based nutrient supplement or no supplement for 6 months.",
         "lipid-based nutrient supplement"),
        ("Pregnant women were randomised to a multiple micronutrient supplement or placebo.",
         "multiple micronutrient supplement"),
    ],
)
def test_a_named_supplement_is_an_arm_not_the_papers_supplement(tmp_path, layout, body, name):
    assert name in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, name",
    [
        ("Adults were randomised to a Nordic diet supplemented with rapeseed oil or their habitual diet.",
         "nordic diet"),
        ("Adults were randomised to a low-salt diet enriched with potassium or a usual diet.", "low-salt diet"),
    ],
)
def test_a_diet_supplemented_with_something_is_named_by_the_diet(tmp_path, layout, body, name):
    names = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert name in names and not [n for n in names if n.endswith(("supplemented", "enriched"))]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body",
    [
        "Adults were randomised to eat 40 g of almonds daily or to avoid nuts for 6 weeks.",
        "Children were randomised to iron-fortified flour or unfortified flour for one school year.",
    ],
)
def test_avoiding_or_an_unfortified_food_is_the_control(tmp_path, layout, body):
    names = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert names and not [n for n in names if n.startswith(("avoid", "unfortified"))], names
