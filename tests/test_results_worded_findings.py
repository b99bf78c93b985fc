"""Findings stated in words only, by class of phrasing (session 22): an agent's denied effect on
its object, recorded with the words the sentence uses ('did not potentiate'), as GOLD.md asks of
values. Every sentence here was written for these tests, in at least two phrasings per class."""

from __future__ import annotations

import pytest

from kg.extract.results import read_sentence


def read_(sentence: str, **kw) -> list[tuple[str, str]]:
    return [(f.measure, f.value) for f in read_sentence(sentence, reports=True, **kw)]


@pytest.mark.parametrize("sentence, expected", [
    ("Caffeine did not potentiate the analgesic effect of paracetamol.",
     [("analgesic effect of paracetamol", "did not potentiate")]),
    ("Under cold stimulation, the antagonist did not block the pressor response.",
     [("pressor response", "did not block")]),
    ("Adding zinc failed to improve linear growth.", [("linear growth", "failed to improve")]),
    ("The second dose did not significantly reduce nocturnal awakenings.",
     [("nocturnal awakenings", "did not significantly reduce")]),
    ("Extended treatment did not alter bone density or grip strength.",
     [("bone density", "did not alter"), ("grip strength", "did not alter")]),
])
def test_an_agents_denied_effect_on_its_object_is_said_of_the_object(sentence, expected):
    assert sorted(read_(sentence)) == sorted(expected)


@pytest.mark.parametrize("sentence, expected", [
    ("Pulse rate did not change during the infusion.", ("Pulse rate", "did not change")),
    ("The lozenge did not aid in swallowing comfort.", ("swallowing comfort", "did not aid")),
    ("Drug B did not provide additional symptom relief.", ("symptom relief", "did not provide additional")),
])
def test_a_denied_change_of_the_subject_or_with_a_preposition_keeps_its_words(sentence, expected):
    assert read_(sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("There was no significant correlation between the plasma drug level and the change in tremor score.",
     ("correlation between plasma drug level and change in tremor score", "no significant correlation")),
    ("No correlation between ferritin and hepcidin concentrations was found.",
     ("correlation between ferritin and hepcidin concentrations", "No correlation")),
    ("No association was observed between adherence and weight loss.",
     ("association between adherence and weight loss", "No association")),
    ("In the vaccine arm, we found no individual relationship between antibody titre and age.",
     ("individual relationship between antibody titre and age", "no individual relationship")),
])
def test_a_denied_relation_between_two_measures_is_one_finding_about_the_relation(sentence, expected):
    assert read_(sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("Sleep quality was not correlated with caffeine intake.", ("Sleep quality", "not correlated")),
    ("The response to treatment was not related to baseline severity.",
     ("response to treatment", "not related")),
])
def test_a_measure_denied_a_relation_to_another(sentence, expected):
    assert read_(sentence) == [expected]


def test_a_relation_only_hedged_as_unclear_is_no_finding():
    assert read_("There was no clear correlation between the doses given and the rash observed.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("After the second week of dosing the differences in serum ferritin were not significant.",
     ("serum ferritin", "not significant differences")),
    ("In the per-protocol population the differences in resting heart rate were not significant.",
     ("resting heart rate", "not significant differences")),
    ("During follow-up the differences in bone density were not statistically significant.",
     ("bone density", "not statistically significant differences")),
])
def test_a_fronted_adverbial_without_its_comma_is_no_part_of_the_subject(sentence, expected):
    assert read_(sentence) == [expected]


def test_a_fronted_adverbial_with_a_participle_keeps_no_subject_inside_it():
    assert read_("In patients receiving the infusion the differences were not significant.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Plasma renin was highest during the second week of the diet.", ("Plasma renin", "highest")),
    ("Nausea scores were lowest on the final study day.", ("Nausea score", "lowest")),
    ("The benefit on walking distance was consistent across age groups and centres.",
     ("benefit on walking distance", "consistent")),
    ("The fall in HbA1c was generally consistent across all baseline strata.", ("fall in HbA1c", "consistent")),
])
def test_a_measure_ranked_in_time_or_consistent_across_subgroups(sentence, expected):
    assert read_(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "These results were consistent across subgroups.",
    "Our findings were consistent across both sites.",
])
def test_results_or_findings_as_the_subject_name_no_measure(sentence):
    assert read_(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("There was no difference between the analgesic effect of codeine and codeine combined with caffeine.",
     ("analgesic effect", "no difference")),
    ("There were no significant differences between the serum lactate in sham-operated and ventilated piglets.",
     ("serum lactate", "no significant differences")),
])
def test_no_difference_between_the_measure_of_one_group_and_another(sentence, expected):
    assert read_(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "There was no significant difference between the means of arm A and arm B.",
    "There were no differences between the effects of drug A and drug B.",
])
def test_no_difference_between_a_generic_head_of_groups_keeps_the_whole_comparison(sentence):
    assert all(m.startswith("difference between") for m, _ in read_(sentence))


@pytest.mark.parametrize("sentence, expected", [
    ("We observed a significant lateral shift of the hand motor map after practice.",
     ("hand motor map", "significant lateral shift")),
    ("The cream produced a significant clinical improvement in itch severity.",
     ("itch severity", "significant clinical improvement")),
    ("There was a significant change in gut microbial diversity.", ("gut microbial diversity", "significant change")),
])
def test_a_significant_change_named_with_its_own_adjective(sentence, expected):
    assert read_(sentence) == [expected]


def test_a_noun_before_the_change_word_is_no_adjective_of_it():
    assert read_("Patients showed a significant weight reduction in the first month.") == []
