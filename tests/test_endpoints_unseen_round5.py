"""Endpoints: classes of phrasing from trial abstracts nobody here had annotated (session 24): measure
nouns declared with a kind, lists after the colon of an assessing clause, conditions assessed by a means,
passive 'studied' / 'checked', tests named by what they analyse, a gloss in brackets holding a number, and
a subject followed by whose and where ('X of 90 patients in the Y clinic').

Each class in two wordings and two layouts (a headed section; an abstract with inline labels), with
negative cases. Every sentence here was written for these tests; nothing is copied from a scored paper.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_endpoints_aes import facts_of, names

METHODS = [("Methods", "{}"), (None, "Methods: {}")]


def endpoints(tmp_path, body: str, section: str | None) -> dict[str, dict]:
    return names(facts_of(tmp_path, body, "endpoint", section=section))


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected, kind", [
    ("Primary efficacy measurements were resting heart rate and peak workload.",
     {"resting heart rate", "peak workload"}, "primary"),
    ("Secondary measures included itch intensity and sleep disturbance.", {"itch intensity", "sleep disturbance"},
     "secondary"),
    ("Nasal airflow was the main variable.", {"nasal airflow"}, "primary"),
])
def test_a_measure_noun_after_a_kind_declares(tmp_path, section, wrap, sentence, expected, kind):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found
    assert all(found[n]["kind"] == kind for n in expected), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, absent", [
    ("Other measures were taken to keep the allocation hidden from the nurses.", "allocation"),
    ("Secondary prevention measures included a low-salt diet and walking.", "low-salt diet"),
])
def test_a_measure_noun_without_a_kind_declares_nothing(tmp_path, section, wrap, sentence, absent):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert not any(absent in n for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected, kind, timepoint", [
    ("The following parameters were monitored: skin temperature, pulse rate and sweating.",
     {"skin temperature", "pulse rate", "sweating"}, None, None),
    ("Secondary outcomes were recorded at 9 months: hand grip, wrist pain and finger stiffness.",
     {"hand grip", "wrist pain", "finger stiffness"}, "secondary", "9 months"),
    ("We measured ten outcomes in three domains: Verbal Memory, Processing Speed and Attention.",
     {"verbal memory", "processing speed", "attention"}, None, None),
])
def test_a_list_after_the_colon_of_an_assessing_clause(tmp_path, section, wrap, sentence, expected, kind, timepoint):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found
    assert all(found[n]["kind"] == kind for n in expected), found
    if timepoint:
        assert all(found[n]["timepoint"] == timepoint for n in expected), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence", [
    "Outcomes were assessed as follows: posture was rated with a checklist, and balance was timed by a nurse.",
    "The children were examined at three visits: the first day, the tenth day and the last day.",
])
def test_clauses_or_visits_after_a_colon_are_no_list(tmp_path, section, wrap, sentence):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert not any(" was " in n or "visit" in n or "day" in n.split() for n in found), found


@pytest.mark.parametrize("layout", ["Methods: {} Results: The ulcers healed faster with the gel.",
                                    "Methods\n\n{}\n\nResults\n\nThe ulcers healed faster with the gel."])
@pytest.mark.parametrize("sentence, expected", [
    ("Gastritis and duodenal ulcers were evaluated by endoscopy before and after treatment.",
     {"gastritis", "duodenal ulcers"}),
    ("Duodenal ulcers were graded using a four-point endoscopic scale at week 6.", {"duodenal ulcers"}),
])
def test_a_condition_assessed_by_a_means_is_a_measure(tmp_path, layout, sentence, expected):
    title = "A made-up randomised trial of a made-up gel for duodenal ulcers and gastritis"
    found = names(facts_of(tmp_path, layout.format(sentence), "endpoint", section=None, title=title))
    assert expected <= set(found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected, absent, timepoint", [
    ("Four weeks later, plasma lipids were checked.", "plasma lipids", None, "four weeks"),
    ("The expression of two tumour markers was studied before and after surgery.",
     "expression of two tumour markers", None, None),
    ("Thyroid hormones of 90 obese women in the endocrine clinic of a city hospital were checked at entry.",
     "thyroid hormones", "clinic", None),
])
def test_studied_and_checked_assess_their_subject(tmp_path, section, wrap, sentence, expected, absent, timepoint):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected in found, found
    if absent:
        assert not any(absent in n for n in found), found
    if timepoint:
        assert found[expected]["timepoint"] == timepoint, found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence", [
    "The volunteers were studied at two sites over one winter.",
    "Randomisation lists were checked by a second statistician.",
])
def test_people_or_paperwork_studied_are_no_measure(tmp_path, section, wrap, sentence):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert not any(w in n for n in found for w in ("volunteers", "sites", "lists", "statistician")), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected, absent", [
    ("Secondary outcomes were quality of life, urine analysis and blood analysis.", "urine analysis",
     "blood analysis"),
    ("Other efficacy measures were sperm analysis and a pain diary.", "sperm analysis", None),
])
def test_a_test_named_by_what_it_analyses(tmp_path, section, wrap, sentence, expected, absent):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected in found, found
    if absent:
        assert absent not in found, found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence", [
    "This trial evaluated the efficacy (change in walking speed over 10 metres) and safety of the new brace.",
    "We assessed the efficacy (score on a 7-point scale) and safety of two doses of the lotion.",
])
def test_a_gloss_with_a_number_in_brackets_does_not_end_the_list(tmp_path, section, wrap, sentence):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert "safety" in found, found
    assert not any("brace" in n or "lotion" in n for n in found), found


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
def test_a_statistic_in_brackets_still_ends_the_list(tmp_path, section, wrap):
    found = endpoints(tmp_path, wrap.format("The gel reduced ulcer size at day 14 (OR95%CI 0.2-0.8) and later."),
                      section)
    assert not any("or95" in n or "ci" in n.split() for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("Outcomes were nasal congestion (primary) and sneezing frequency (secondary) at day 7.",
     {"nasal congestion": "primary", "sneezing frequency": "secondary"}),
    ("We measured sleep latency (primary outcome), night waking and daytime tiredness.",
     {"sleep latency": "primary", "night waking": None}),
])
def test_a_kind_in_brackets_after_a_measure(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert set(expected) <= set(found), found
    assert {n: found[n]["kind"] for n in expected} == expected, found
    assert not any("(" in n for n in found), found


@pytest.mark.parametrize("layout", [
    "Methods: The primary outcome was serum ferritin levels. Results: Serum ferritin was 40% higher with the syrup "
    "at week 8 (p = 0.01).",
    "Methods\n\nThe primary outcome was serum ferritin levels.\n\nResults\n\nSerum ferritin was 40% higher with "
    "the syrup at week 8 (p = 0.01)."])
def test_a_measure_word_dropped_finds_the_time_stated_elsewhere(tmp_path, layout):
    found = names(facts_of(tmp_path, layout, "endpoint", section=None))
    assert found["serum ferritin levels"]["timepoint"] == "week 8", found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("We assessed 9 outcomes in three domains: Mood, Sleep Quality, and Reading Speed measured by timed tests and "
     "Handwriting measured by a checklist.", {"mood", "sleep quality", "reading speed"}),
    ("The following variables were recorded: hand pain and grip force assessed with standard dynamometer tests.",
     {"hand pain", "grip force"}),
])
def test_a_colon_list_ends_at_its_means(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found
    assert not any("tests" in n or "checklist" in n for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, name, timepoint", [
    ("In addition, we assessed mood and appetite at baseline and after 12 months of treatment.", "appetite",
     "after 12 months"),
    ("Grip strength was measured at baseline, after 6 weeks and after 6 months.", "grip strength",
     "after 6 weeks and after 6 months"),
])
def test_baseline_and_a_later_time_after_it(tmp_path, section, wrap, sentence, name, timepoint):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert found[name]["timepoint"] == timepoint, found
