"""Arms of non-drug trials named by the sides of a comparison, by the group that received them, or
after 'with either'; and the condition of a trial whose people have no disease (their state as the
paper names them). Every sentence here was written for these tests; each class is tried in two
wordings and two layouts (a "Methods" heading, and a labelled abstract paragraph).
"""

from __future__ import annotations

import pytest

from tests.test_extraction_interventions import LAYOUTS, interventions
from tests.test_extraction_trial import trial


def names(items: list[dict]) -> set[str]:
    return {i["drug"] for i in items}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arms", [
    ("This pragmatic trial compared a pressure-sensing insole with a padded orthotic shoe in 90 runners.",
     {"pressure-sensing insole", "padded orthotic shoe"}),
    ("A comparison of video-assisted coaching and printed feedback cards was made among 60 nursing trainees.",
     {"video-assisted coaching", "printed feedback cards"}),
])
def test_each_side_of_a_stated_comparison_is_an_arm(tmp_path, layout, body, arms):
    assert arms <= names(interventions(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_title_versus_reads_each_side_back_to_its_boundary(tmp_path, layout):
    title = "Effect of laminated wall charts versus pocket reminder cards on hand hygiene: a randomised trial"
    body = "Wards were randomised in pairs and hand hygiene was observed for six weeks."
    assert {"laminated wall charts", "pocket reminder cards"} <= names(interventions(tmp_path, body, layout, title))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "We compared the response rates of younger adults with older adults after a postal reminder.",
    "Scores were compared between the two groups at baseline and after twelve weeks.",
    "This study compared the local versus systemic uptake of a tracer in healthy volunteers.",
])
def test_people_measures_and_adjectives_are_no_side(tmp_path, layout, body):
    got = names(interventions(tmp_path, body, layout))
    assert not got & {"younger adults", "older adults", "response rates", "local", "systemic uptake", "scores"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Clinics were randomised to two groups. Group A practised guided breathing drills before each session, "
     "while group B rested quietly.", "guided breathing drills"),
    ("The intervention group was offered a tailored walking plan by telephone; the control group received "
     "a leaflet.", "tailored walking plan"),
])
def test_the_object_of_an_arm_named_by_its_role_or_letter(tmp_path, layout, body, arm):
    got = names(interventions(tmp_path, body, layout))
    assert arm in got
    assert "leaflet" not in got


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Participants were randomised to hops or placebo. Sleep improved in 31% of the hops group and in 20% of "
     "the placebo group.", "hops"),
    ("Pupils were randomised by class. Test scores rose more in the robotics group than in the control group "
     "(12.5 vs 8.1 points).", "robotics"),
])
def test_a_group_set_against_the_placebo_or_control_group(tmp_path, layout, body, arm):
    assert arm in names(interventions(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arms, frame", [
    ("Households were randomly allocated to receive a water jar with either a ceramic filter or a chlorine "
     "dispenser.", {"ceramic filter", "chlorine dispenser"}, "water jar"),
    ("Members were randomised to receive an invitation letter with either a printed brochure or an online "
     "video link.", {"printed brochure", "online video link"}, "invitation letter"),
])
def test_the_alternatives_after_with_either_are_the_arms(tmp_path, layout, body, arms, frame):
    got = names(interventions(tmp_path, body, layout))
    assert arms <= got
    assert frame not in got


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("title, body, state", [
    ("Sleep hygiene coaching in shift-working nurses: a randomised trial", "Wards were randomised in pairs.",
     "shift-working nurses"),
    ("A randomised trial of a reading programme", "We randomised 120 second year dental students to two "
     "groups.", "dental students"),
    ("Pedometer feedback among sedentary older adults: a pilot trial", "Eligible people were randomised.",
     "sedentary older adults"),
])
def test_the_state_of_people_with_no_disease_is_the_condition(tmp_path, layout, title, body, state):
    assert trial(tmp_path, body, "condition", layout, title) == [state]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_disease_wins_over_the_state_of_the_people(tmp_path, layout):
    title = "Pedometer feedback among sedentary older adults with type 2 diabetes: a pilot trial"
    got = trial(tmp_path, "Eligible people were randomised.", "condition", layout, title)
    assert got == ["type 2 diabetes"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("title, arms", [
    ("Effects of Oat Bran and Psyllium Husk on Stool Frequency: a Randomised Crossover Study",
     {"oat bran", "psyllium husk"}),
    ("Effectiveness of a Peer Mentoring Programme in First-Year Nursing Trainees: a Cluster Randomised Trial",
     {"peer mentoring programme"}),
])
def test_what_a_title_says_the_trial_tests(tmp_path, layout, title, arms):
    got = names(interventions(tmp_path, "Classes were randomised in pairs.", layout, title))
    assert all(any(arm.startswith(x) or x.startswith(arm) for x in got) for arm in arms)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("title, absent", [
    ("Effects of Statin-Class Drugs on Muscle Enzymes in Older Adults: a Randomised Trial", "statin-class drugs"),
    ("Effects of Ward and Clinic Interventions on Waiting Times: a Cluster Trial", "ward"),
])
def test_a_class_of_drugs_or_a_word_sharing_the_head_is_no_title_arm(tmp_path, layout, title, absent):
    assert absent not in names(interventions(tmp_path, "Sites were randomised in pairs.", layout, title))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("The trial was designed to assess a solar-powered water filter in rural households.",
     "solar-powered water filter"),
    ("We aimed to evaluate an online coaching programme for new parents.", "online coaching programme"),
])
def test_an_objective_that_tests_an_intervention_noun(tmp_path, layout, body, arm):
    assert arm in names(interventions(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, state", [
    ("Sedentary office workers (n = 40) were randomised to two standing-desk schedules.", "sedentary office workers"),
    ("In this crossover study healthy adults were given each test meal in turn.", "healthy adults"),
    ("We enrolled people at high cardiovascular risk and randomised them to two diets.", "high cardiovascular risk"),
    ("Men at increased fracture risk were randomised to two exercise plans.", "increased fracture risk"),
])
def test_a_state_or_a_risk_of_the_people_enrolled(tmp_path, layout, body, state):
    assert trial(tmp_path, body, "condition", layout) == [state]
