"""Attribution of an intervention's schedule, and roles that make a mention no intervention.

A route, frequency or duration belongs to the intervention it is written with (its clause,
its sentence, its arm's description); it does not spread to the paper's other interventions,
and a route word never reaches a behavioural, food or programme arm it is not written with.
Outcome quantities a paper measures ('serum sex hormone binding globulin', 'minutes of
MVPA') and agents of a provocation test (and their challenge doses) are no arms.

Every sentence here was written for these tests; each class is tried in two wordings and
in two layouts (a "Methods" heading and a labelled abstract paragraph).
"""

from __future__ import annotations

import pytest

from tests.test_extraction_interventions import LAYOUTS, interventions


def by_drug(items: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for i in items:
        out.setdefault(i["drug"], []).append(i)
    return out


# -- a route stays with the drug it is written with -------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("title, body, routed, other", [
    ("Intravenous ketorolac versus saline after knee surgery: a made-up randomised trial",
     "Adults were randomly assigned to ketorolac 30 mg or to saline. "
     "All participants also received omeprazole 20 mg daily during the first week.", "ketorolac", "omeprazole"),
    ("Subcutaneous enoxaparin or no prophylaxis in day surgery: a made-up randomised trial",
     "Patients were randomised to enoxaparin 40 mg once daily or to no prophylaxis. "
     "Every patient was also given paracetamol 1 g when needed for pain.", "enoxaparin", "paracetamol"),
])
def test_a_route_does_not_spread_to_other_drugs(tmp_path, layout, title, body, routed, other):
    drugs = by_drug(interventions(tmp_path, body, layout, title=title))
    assert drugs[routed][0]["route"] in ("intravenous", "subcutaneous")
    assert {i["route"] for i in drugs[other]} == {None}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Pregnant women were randomly allocated to a lifestyle advice programme or to standard care. "
     "Women receiving advice were encouraged to drink water and eat two servings of fruit every day.",
     "lifestyle advice programme"),
    ("Children were randomly assigned to a cooking skills programme or to usual care. Every child "
     "received a healthy breakfast drink at school twice a day.", "cooking skills programme"),
])
def test_a_programme_arm_takes_no_route_or_frequency_from_a_drug(tmp_path, layout, body, arm):
    items = interventions(tmp_path, body, layout)
    arms = [i for i in items if arm in i["drug"]]
    assert arms, items
    assert {(i["route"], i["frequency"]) for i in arms} == {(None, None)}


# -- a duration stays with its own clause ------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, first, period, second", [
    ("Every participant received ivermectin 12 mg daily for the first two days of the study and "
     "pantoprazole 40 mg daily while taking the study drug.", "ivermectin", "two days", "pantoprazole"),
    ("Patients were given mebendazole 100 mg twice daily for three days and ranitidine 150 mg at night "
     "throughout the trial.", "mebendazole", "three days", "ranitidine"),
])
def test_a_duration_belongs_to_the_dose_it_follows(tmp_path, layout, body, first, period, second):
    drugs = by_drug(interventions(tmp_path, body, layout))
    assert drugs[first][0]["duration"] == period
    assert drugs[second][0]["duration"] != period


# -- measured quantities are no arms -----------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "Men were randomised to letrozole 2.5 mg weekly or placebo. Fasting blood was drawn for plasma "
    "testosterone and serum sex hormone binding globulin (SHBG). SHBG values fell in the letrozole group "
    "and rose in the SHBG placebo group.",
    "Women were randomly assigned to anastrozole 1 mg daily or to no treatment. Serum sex hormone-binding "
    "globulin (SHBG) was measured at each visit; SHBG concentrations in the SHBG low group did not change.",
])
def test_a_measured_binding_globulin_is_no_intervention(tmp_path, layout, body):
    drugs = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert not any("globulin" in d for d in drugs), drugs
    assert drugs & {"letrozole", "anastrozole"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, measured", [
    ("Office workers were randomly assigned to a text-message coaching programme or to printed leaflets. "
     "Moderate-to-vigorous physical activity (MVPA) was measured by accelerometry for seven days. "
     "Minutes of MVPA per day were higher in the MVPA high tertile group.", "moderate-to-vigorous"),
    ("Retired adults were allocated to a group dance course or to a waiting list. We recorded vigorous "
     "physical activity (VPA) with wrist monitors, and time spent in VPA was compared with the VPA "
     "reference group.", "vigorous physical activity"),
])
def test_a_measured_activity_abbreviation_is_no_intervention(tmp_path, layout, body, measured):
    drugs = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert not any(measured in d for d in drugs), drugs


# -- a provocation test's agent and its doses are no arm ---------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("title, body, agent", [
    (TITLE := "A made-up randomised trial written for kg's intervention tests",
     "Children with asthma were randomly assigned to budesonide 200 µg twice daily or placebo. Airway "
     "responsiveness was assessed by methacholine challenge; methacholine was inhaled in doubling doses "
     "from 0.03 mg to 16 mg.", "methacholine"),
    ("Inhaled dry powder mannitol as a bronchial provocation test: a made-up randomised comparison",
     "Adults were randomised to the order of two bronchial provocation tests. The cumulative dose of "
     "mannitol delivered (5 mg, 15 mg, 35 mg, 75 mg) was recorded after each step.", "mannitol"),
])
def test_challenge_doses_of_a_test_agent_are_no_arm(tmp_path, layout, title, body, agent):
    drugs = {i["drug"] for i in interventions(tmp_path, body, layout, title=title)}
    assert agent not in drugs, drugs


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, agent", [
    ("Adults with bronchiectasis were randomised to inhaled mannitol 400 mg twice daily or to a low-dose "
     "control. A mannitol challenge test was done at screening.", "mannitol"),
    ("Patients were randomly assigned to adenosine 6 mg or to saline before the procedure. Those with a "
     "history of a positive adenosine provocation were excluded.", "adenosine"),
])
def test_an_agent_the_arms_are_allocated_to_stays_an_arm(tmp_path, layout, body, agent):
    drugs = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert agent in drugs, drugs
