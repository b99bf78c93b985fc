"""Findings in words from sentences kg used to read nothing from (session 24): two treatments
compared in effect with no measure written, the measure that changed most, a change denied in
every group, a predictor stated as an adjective, a superlative outcome a treatment resulted in.
Every sentence here was written for these tests, in at least two phrasings per class; the
negative cases are background, aims, hypotheses and methods, which state no finding."""

from __future__ import annotations

import pytest

from kg.extract.results import read_sentence


def read_(sentence: str, **kw) -> list[tuple[str, str]]:
    kw.setdefault("reports", True)
    return [(f.measure, f.value) for f in read_sentence(sentence, **kw)]


@pytest.mark.parametrize("sentence, expected", [
    ("Oral rehydration alone was as effective as oral rehydration with zinc.", [("efficacy", "as effective")]),
    ("The short course was more effective than the standard course (p = 0.03).", [("efficacy", "more effective")]),
    ("Twice-daily dosing was equally efficacious compared with once-daily dosing, and it was cheaper.",
     [("efficacy", "equally efficacious")]),
])
def test_two_treatments_compared_in_effect_without_a_measure_are_compared_in_efficacy(sentence, expected):
    assert read_(sentence) == expected


def test_a_measure_after_the_comparison_is_the_measure_not_the_efficacy():
    assert read_("Lidocaine was as effective as ice in reducing needle pain.") == [("needle pain", "as effective")]


@pytest.mark.parametrize("sentence", [
    "Drug A is as effective as drug B in most trials.",  # background: the present tense
    "We hypothesised that the short course was as effective as the standard course.",
    "If the short course were as effective as the standard course, costs would fall.",
])
def test_an_efficacy_comparison_that_is_background_or_a_supposition_is_no_finding(sentence):
    assert ("efficacy", "as effective") not in read_(sentence)


def test_an_efficacy_comparison_is_read_only_where_the_paper_reports_its_findings():
    assert read_("The short course was as effective as the standard course.", reports=False) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Morning stiffness and fatigue showed the most improvement.",
     [("Morning stiffness", "most improvement"), ("fatigue", "most improvement")]),
    ("Of all symptoms, bloating had the largest reduction.", [("bloating", "largest reduction")]),
])
def test_the_measure_that_changed_most_is_the_subject(sentence, expected):
    assert sorted(read_(sentence)) == sorted(expected)


@pytest.mark.parametrize("sentence", [
    "The yoga group showed the greatest improvement.",
    "Patients in the high-dose arm had the largest reduction.",
])
def test_a_group_that_changed_most_is_no_measure(sentence):
    assert not any(m in ("value", "yoga group", "Patients") or "arm" in m for m, _ in read_(sentence))


@pytest.mark.parametrize("sentence, expected", [
    ("Triple therapy resulted in the highest rate of discontinuation.",
     ("rate of discontinuation", "highest")),
    ("The fixed-dose regimen led to the lowest incidence of hypoglycaemia.",
     ("incidence of hypoglycaemia", "lowest")),
])
def test_a_superlative_outcome_a_treatment_resulted_in(sentence, expected):
    assert read_(sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("Neither group showed a change in resting heart rate.", [("resting heart rate", "no change")]),
    ("Neither of the two arms had a significant improvement in grip strength or gait speed.",
     [("grip strength", "no significant improvement"), ("gait speed", "no significant improvement")]),
])
def test_a_change_denied_in_every_group(sentence, expected):
    assert sorted(read_(sentence)) == sorted(expected)


@pytest.mark.parametrize("sentence, expected", [
    ("None of the serum markers was predictive of relapse.", ("serum markers", "not predictive")),
    ("Early weight loss was predictive of remission at one year.", ("Early weight loss", "predictive")),
])
def test_a_predictor_stated_as_an_adjective(sentence, expected):
    assert read_(sentence) == [expected]


def test_none_of_a_word_for_measures_keeps_its_quantifier():
    assert [m for m, _ in read_("None of these measures differed between the arms.")] == ["None of these measures"]


def test_a_significant_difference_only_at_one_time_is_a_finding_about_the_subject():
    assert read_("Quality-of-life scores differed significantly only at week 4.") == \
        [("Quality-of-life score", "differed significantly")]


@pytest.mark.parametrize("sentence, expected", [
    ("The nasal spray provided better symptom relief than the tablets.", ("symptom relief", "better")),
    ("Music therapy induced lower anxiety scores than standard care.", ("anxiety score", "lower")),
])
def test_a_comparative_object_after_a_verb_of_giving_with_its_comparison(sentence, expected):
    assert read_(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "The aim was to find out whether neither group showed a change in resting heart rate.",
    "Participants were asked which symptom showed the most improvement.",
])
def test_aims_and_methods_state_no_finding(sentence):
    assert read_(sentence, reports=False, strict=True) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Plasma renin was unchanged.", [("Plasma renin", "unchanged")]),
    ("Cortisol secretion was not significantly altered at week 6.",
     [("Cortisol secretion", "not significantly altered")]),
    ("Grip strength, gait speed and balance remained essentially unchanged.",
     [("Grip strength", "essentially unchanged"), ("gait speed", "essentially unchanged"),
      ("balance", "essentially unchanged")]),
])
def test_a_measure_stated_not_to_have_changed(sentence, expected):
    assert sorted(read_(sentence)) == sorted(expected)


@pytest.mark.parametrize("sentence", [
    "The insulin dose remained unchanged throughout the trial.",  # a plan kept, not a finding
    "Background medication was unchanged during the study.",
    "Most participants remained unchanged in their smoking habits.",
    "We assumed that renal function was unchanged after the first week.",
])
def test_doses_treatments_people_and_suppositions_left_unchanged_are_no_finding(sentence):
    assert read_(sentence) == []


def test_unchanged_is_read_only_where_the_paper_reports_its_findings():
    assert read_("Plasma renin was unchanged.", reports=False) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Neither was any difference detected in ferritin or transferrin.",
     [("ferritin", "no difference"), ("transferrin", "no difference")]),
    ("Nor was there any significant change in sleep latency.", [("sleep latency", "no significant change")]),
])
def test_a_difference_denied_by_an_inverted_neither_or_nor(sentence, expected):
    assert sorted(read_(sentence)) == sorted(expected)


@pytest.mark.parametrize("sentence, expected", [
    ("The waiting-list group did not show any improvement in reading speed.",
     [("reading speed", "no improvement")]),
    ("The sham arm did not show differences in lactate or heart rate.",
     [("lactate", "no differences"), ("heart rate", "no differences")]),
    ("Children given the placebo showed no improvement in vocabulary scores.",
     [("vocabulary score", "no improvement")]),
    ("The control group had no reduction in daytime sleepiness.", [("daytime sleepiness", "no reduction")]),
])
def test_a_change_denied_without_significance(sentence, expected):
    assert sorted(read_(sentence)) == sorted(expected)


@pytest.mark.parametrize("sentence", [
    "Participants who did not show an improvement in mood were referred to a psychiatrist.",
    "Patients who had no reduction in pain after two weeks received a higher dose.",
])
def test_a_relative_clause_that_picks_people_out_is_no_finding(sentence):
    assert read_(sentence) == []


def test_a_change_denied_without_significance_is_read_only_where_the_paper_reports():
    assert read_("The control group had no reduction in daytime sleepiness.", reports=False) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Greatest increases were observed in vigour and alertness.",
     [("vigour", "Greatest increases"), ("alertness", "Greatest increases")]),
    ("The largest reductions were seen in evening cravings.", [("evening cravings", "largest reductions")]),
])
def test_the_greatest_change_observed_in_named_measures(sentence, expected):
    assert sorted(read_(sentence)) == sorted(expected)


@pytest.mark.parametrize("sentence, expected", [
    ("Both groups showed significant and clinically relevant changes in pain and function.",
     [("pain", "significant and clinically relevant changes"),
      ("function", "significant and clinically relevant changes")]),
    ("Both arms evidenced a decrease of fatigue.", [("fatigue", "decrease")]),
])
def test_both_groups_changed_with_a_compound_qualifier_or_another_verb(sentence, expected):
    assert sorted(read_(sentence)) == sorted(expected)


@pytest.mark.parametrize("sentence, expected", [
    ("Survival estimates based on all randomised children were similar in the two arms.",
     ("Survival estimates", "similar")),
    ("Anxiety according to the STAI decreased in both groups.", ("Anxiety", "decreased")),
    ("Sleep quality as rated by the PSQI was unchanged.", ("Sleep quality", "unchanged")),
    ("The capacity to tolerate feeds during the illness was comparable among the three groups.",
     ("capacity to tolerate feeds", "comparable")),
])
def test_how_or_when_a_measure_was_taken_is_no_part_of_its_name(sentence, expected):
    assert read_(sentence) == [expected]


def test_according_to_a_practice_rather_than_an_instrument_keeps_its_words():
    assert [m for m, _ in read_("Prescribing according to guidelines was more common in the audit arm.")] == \
        ["Prescribing according to guidelines"]
