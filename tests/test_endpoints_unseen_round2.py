"""Endpoints, round 2 of classes seen in trial abstracts nobody here had read: a rate per person
('cost per patient'), a count bound ('at least one X was recorded'), trends favouring an arm for
some measures, instruments named as the means of an assessment, shared heads in noun lists and
body-part lists.

Each class in two wordings and two layouts (a headed section; an abstract with inline labels).
Every sentence here was written for these tests; nothing is copied from a scored paper.
"""

from __future__ import annotations

import pytest

from tests.test_endpoints_unseen_abstracts import METHODS, RESULTS, endpoints


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("Secondary outcomes were the cost per participant and the length of stay.", "cost per participant"),
    ("Outcome measures included the cost per person and grip strength.", "cost per person"),
])
def test_a_rate_per_person_names_a_measure(tmp_path, section, wrap, sentence, expected):
    assert expected in endpoints(tmp_path, wrap.format(sentence), section)


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, expected", [
    ("At least one fall was recorded in 12 residents of the exercise group and 20 of the control group.", "fall"),
    ("One or more asthma attacks were noted in 9% of the inhaler group.", "asthma attacks"),
])
def test_a_count_bound_is_not_part_of_the_name(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected in found and not any("least" in n or "one or more" in n for n in found), found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, expected, arm", [
    ("There were trends favouring the gel for itching and redness.", {"itching", "redness"}, "gel"),
    ("A non-significant trend in favour of the walking arm was observed for resting heart rate and mood.",
     {"resting heart rate", "mood"}, "walking arm"),
])
def test_trends_favouring_an_arm_name_their_measures(tmp_path, section, wrap, sentence, expected, arm):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found) and not any(arm in n for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected, absent", [
    ("Secondary outcomes were staff and carer satisfaction.", {"staff satisfaction", "carer satisfaction"},
     {"staff"}),
    ("Outcomes included parent and teacher ratings of behaviour and sleep duration.",
     {"parent ratings of behaviour", "teacher ratings of behaviour", "sleep duration"}, {"parent"}),
])
def test_role_nouns_share_the_next_items_head(tmp_path, section, wrap, sentence, expected, absent):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found) and not absent & set(found), found


@pytest.mark.parametrize("section, wrap", RESULTS)
def test_a_treatment_lowering_costs_of_two_payers_names_both(tmp_path, section, wrap):
    found = endpoints(tmp_path, wrap.format("The nurse-led programme reduced hospital and family costs."), section)
    assert {"hospital costs", "family costs"} <= set(found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence", [
    "Secondary outcomes were fatigue and patient satisfaction.",
    "Mortality and patient satisfaction were recorded at discharge.",
])
def test_a_measure_before_a_role_noun_keeps_its_own_name(tmp_path, section, wrap, sentence):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert "patient satisfaction" in found and not any(n in ("fatigue satisfaction", "mortality satisfaction")
                                                       for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("The primary outcome was pain in the shoulders and neck.", {"pain in the shoulders", "pain in the neck"}),
    ("Stiffness in the knees, hips and ankles was assessed at 6 weeks.",
     {"stiffness in the knees", "stiffness in the hips", "stiffness in the ankles"}),
])
def test_a_measure_at_listed_body_sites_names_one_per_site(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found) and not {"neck", "hips", "ankles"} & set(found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("Mood was measured by the Zorvan Mood Inventory, the Calder Worry Scale and the Profile of Daily Moods.",
     {"mood", "zorvan mood inventory", "calder worry scale", "profile of daily moods"}),
    ("Memory was evaluated using the Tillman Recall Test and the Brisk Attention and Memory Battery at 6 months.",
     {"memory", "tillman recall test", "brisk attention and memory battery"}),
])
def test_instruments_named_as_the_means_are_endpoints(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found
    assert not any(n.startswith("memory battery") for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, measure, method", [
    ("Serum ferritin was measured by ELISA and HPLC.", "serum ferritin", {"elisa", "hplc"}),
    ("Gastric ulcers were assessed by endoscopy and biopsy.", "gastric ulcers", {"endoscopy", "biopsy"}),
    ("Joint swelling was evaluated by physical examination and laboratory tests for ESR and CRP.", "joint swelling",
     {"physical examination", "laboratory tests"}),
    ("Group differences in hand grip were compared using ANOVA and the Mann-Whitney U test.", "hand grip",
     {"anova", "mann-whitney u test"}),
    ("Muscle thickness was measured with ultrasonography (USG) and the Lund Frailty Scale.", "muscle thickness",
     {"usg"}),
])
def test_a_laboratory_or_imaging_method_is_no_instrument(tmp_path, section, wrap, sentence, measure, method):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert measure in found and not method & set(found), found


@pytest.mark.parametrize("layout", ["Methods\n\n{m}\n\nResults\n\n{r}", "Methods: {m} Results: {r}"])
@pytest.mark.parametrize("methods, results, name, when", [
    ("Secondary outcomes were the duration of sleep and mood. Participants were followed for 6 months.",
     "Sleep duration at 8 weeks was longer in the tea group (p = 0.02).", "duration of sleep", "8 weeks"),
    ("The primary endpoint was malaria incidence. Children were followed up for 2 years.",
     "The incidence of malaria over the first 9 months was lower in the vaccine group.", "malaria incidence",
     "9 months"),
])
def test_a_measure_restated_in_another_word_order_lends_its_time(tmp_path, layout, methods, results, name, when):
    found = endpoints(tmp_path, layout.format(m=methods, r=results), None)
    assert name in found and when in (found[name]["timepoint"] or ""), found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, expected", [
    ("There were trends favouring the gel for itching (difference = 4%, 95% CI -1 to 9) and redness "
     "(difference = 3%, p = 0.2).", {"itching", "redness"}),
    ("Trends in favour of yoga were seen for fatigue (p = 0.07), sleep latency (p = 0.09) and mood (p = 0.1).",
     {"fatigue", "sleep latency", "mood"}),
])
def test_trends_over_items_each_with_its_statistic(tmp_path, section, wrap, sentence, expected):
    assert expected <= set(endpoints(tmp_path, wrap.format(sentence), section))


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence", [
    "The mean cost per patient did not differ between groups.",
    "Cost per patient did not change after the programme.",
])
def test_a_rate_per_person_as_a_results_subject(tmp_path, section, wrap, sentence):
    assert "cost per patient" in endpoints(tmp_path, wrap.format(sentence), section)


@pytest.mark.parametrize("layout", ["Methods\n\n{m}\n\nResults\n\n{r}", "Methods: {m} Results: {r}"])
@pytest.mark.parametrize("methods, when", [
    ("Interviews at entry and at the two-year follow-up covered loneliness and daily activity.", "two years"),
    ("Ratings at the start of the study and at the 9-month follow-up visit included loneliness and daily "
     "activity.", "9 months"),
])
def test_a_follow_up_visit_lends_its_time(tmp_path, layout, methods, when):
    found = endpoints(tmp_path, layout.format(m=methods, r="Loneliness fell in both arms."), None)
    assert "loneliness" in found and found["loneliness"]["timepoint"] == when, found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected, when", [
    ("Outcomes at 18 months of follow-up included loneliness, grip strength and carer burden.",
     {"loneliness", "grip strength", "carer burden"}, "18 months"),
    ("Secondary endpoints after one year were hospital admissions and falls.", {"hospital admissions", "falls"},
     "one year"),
])
def test_a_declaration_with_its_time_between_noun_and_verb(tmp_path, section, wrap, sentence, expected, when):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found) and {found[n]["timepoint"] for n in expected} == {when}, found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected, split", [
    ("Outcomes were the sit and reach test and grip strength.", {"sit and reach test", "grip strength"},
     {"sit", "reach test"}),
    ("Flexibility was assessed with the chair sit and reach test.", {"flexibility", "chair sit and reach test"},
     {"chair sit", "reach test"}),
])
def test_a_test_name_holding_and_is_one_item(tmp_path, section, wrap, sentence, expected, split):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found) and not split & set(found), found


@pytest.mark.parametrize("layout", ["Methods\n\n{m}", "Methods: {m}"])
@pytest.mark.parametrize("methods, when", [
    ("Outcomes were perceived stress and step count. The test period was 3 months.", "3 months"),
    ("Outcomes were perceived stress and step count. Follow-up lasted 18 months in both arms.", "18 months"),
])
def test_the_length_of_the_trial_period_lends_its_time(tmp_path, layout, methods, when):
    found = endpoints(tmp_path, layout.format(m=methods), None)
    assert {found[n]["timepoint"] for n in ("perceived stress", "step count")} == {when}, found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, name", [
    ("Median length of stay (interquartile range) did not differ between the two wards.", "length of stay"),
    ("Peak expiratory flow (SD) did not change after the course.", "peak expiratory flow"),
])
def test_a_summary_bracket_after_a_name_is_dropped(tmp_path, section, wrap, sentence, name):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert name in found and not any("range" in n or "(sd)" in n for n in found), found
