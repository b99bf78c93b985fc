"""Classes of numeric findings kg read nothing from, or not with every value (session 26): a
change measured from baseline stated as one value, counts of events listed before one verb,
each group's count of events among its people, a total written with 'numbered', a value written
as a range, a share of people in a bracket after a quantifier or with a verb of rating or
preferring, and a second value of the same measure at a later time. Every sentence here was
written for these tests, each class in two phrasings at least, with negatives (baseline
descriptors, ages, counts of people and sample sizes stay no findings)."""

from __future__ import annotations

import pytest

from kg.extract.results import read_sentence


def found(sentence: str) -> list[tuple[str, str, str | None]]:
    """(measure, value, comparator) of each finding where the paper reports its findings."""
    return [(f.measure, f.value, f.extra.get("comparator_text") or f.comparator)
            for f in read_sentence(sentence, reports=True)]


def numeric(sentence: str) -> list[tuple[str, str, str | None]]:
    return [x for x in found(sentence) if any(c.isdigit() for c in x[1])]


# -- a change from baseline stated as one value ---------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("The mean change from baseline in fasting glucose was -1.2 mmol/l in the insulin group.",
     ("mean change from baseline in fasting glucose", "-1.2 mmol/l")),
    ("The adjusted reduction from baseline in trough FEV1 was 95 ml (p = 0.002).",
     ("adjusted reduction from baseline in trough FEV1", "95 ml")),
    ("The mean change in pain score from baseline to week 8 was -2.4 points.",
     ("mean change in pain score", "-2.4 points")),
])
def test_a_change_from_baseline_is_a_finding(sentence, expected):
    assert expected in [(m, v) for m, v, _ in numeric(sentence)]


@pytest.mark.parametrize("sentence", [
    "Mean fasting glucose at baseline was 9.1 mmol/l in the insulin group.",
    "Baseline characteristics were similar: mean age was 54 years.",
    "At baseline, the mean pain score was 6.8 points.",
])
def test_values_at_baseline_stay_no_findings(sentence):
    assert numeric(sentence) == []


# -- counts of events listed before one verb -----------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Over a median follow-up of 3.1 years, 210 deaths, 57 strokes and 88 myocardial infarctions occurred.",
     [("deaths", "210"), ("strokes", "57"), ("myocardial infarctions", "88")]),
    ("In total, 44 falls and 19 wrist fractures were recorded during the study.",
     [("falls", "44"), ("wrist fractures", "19")]),
    ("During the second season, 31 episodes met the primary endpoint.",
     [("episodes meeting the primary endpoint", "31")]),
])
def test_counts_of_events_before_one_verb(sentence, expected):
    assert [(m, v) for m, v, _ in numeric(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "In total, 44 patients, 12 nurses and 19 doctors were recorded.",
    "Overall, 120 participants and 30 carers were observed.",
    "Of the 40 tests, 12 samples were recorded as positive.",
])
def test_counts_of_people_or_samples_are_no_events(sentence):
    assert numeric(sentence) == []


# -- each group's count of events among its people -----------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("12 relapses occurred among the 150 patients in the vitamin group, and 20 among 148 in the placebo group.",
     ("relapses", "12/150", "20/148")),
    ("Nine infections were recorded in 60 children receiving zinc, compared with 17 in 58 children "
     "receiving placebo.",
     ("infections", "9/60", "17/58")),
])
def test_events_among_each_group_with_denominators(sentence, expected):
    assert expected in numeric(sentence)


# -- a total with 'numbered' or 'totalled', a range after the verb --------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Treatment failures (relapses plus deaths plus withdrawals for toxicity) numbered 29.",
     ("Treatment failures", "29")),
    ("The number of hospital admissions totalled 17.", ("number of hospital admissions", "17")),
    ("Pain relief was in the range 10-15%.", ("Pain relief", "10-15%")),
    ("The gain in grip strength was within the range of 2 to 4 kg.", ("gain in grip strength", "2 to 4 kg")),
])
def test_a_total_or_a_range_after_the_verb(sentence, expected):
    assert expected in [(m, v) for m, v, _ in numeric(sentence)]


def test_an_age_range_stays_no_finding():
    assert numeric("Participants were aged 20 to 60 years.") == []
    assert numeric("Ages were in the range 20 to 60 years at entry.") == []


# -- a share of people: in a bracket after a quantifier, or rating and preferring -----------
@pytest.mark.parametrize("sentence, expected", [
    ("Most patients (85%) preferred the new inhaler.", ("preferred the new inhaler", "85%")),
    ("The majority of children (62%) had a complete response.", ("complete response", "62%")),
    ("Overall, 78% of patients rated the treatment as good or excellent.",
     ("rated the treatment as good or excellent", "78%")),
    ("A total of 64% of participants reported improvement.", ("improvement", "64%")),
    ("Seroconversion was achieved by 92% of vaccinees.", ("Seroconversion", "92%")),
])
def test_a_share_of_people_reaching_an_outcome(sentence, expected):
    assert expected in [(m, v) for m, v, _ in numeric(sentence)]


@pytest.mark.parametrize("sentence", [
    "Most participants (85%) were women.",
    "Most patients (70%) had diabetes.",
    "Overall, 23% of patients reported a history of smoking.",
    "Twelve patients (24%) preferred to stop treatment.",
])
def test_who_the_people_were_is_no_outcome(sentence):
    assert numeric(sentence) == []


# -- a second value of the same measure at a later time -------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Cure rates were 97% at day 14 and 92% at day 28.", [("Cure rates", "97%"), ("Cure rates", "92%")]),
    ("All regimens gave cure rates above 95% by day 14 and 90% by day 28.",
     [("cure rates", "95%"), ("cure rates", "90%")]),
    ("The response rate was 40% at week 12, and 55% at week 24.",
     [("response rate", "40%"), ("response rate", "55%")]),
])
def test_a_later_value_of_the_same_measure(sentence, expected):
    assert [(m, v) for m, v, _ in numeric(sentence)] == expected


def test_the_later_value_carries_its_own_time():
    later = [f for f in read_sentence("The response rate was 40% at week 12 and 55% at week 24.", reports=True)
             if f.rule == "result.later_time"]
    assert [f.extra["timepoint"] for f in later] == ["week 24"]


def test_ages_at_two_times_stay_no_findings():
    assert numeric("Mean age was 45 years at entry and 46 years at follow-up.") == []


# -- the size of a change after its noun and 'of' -------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("There was a mean weight gain of 210 g in the formula group and of 150 g in those given cow milk.",
     [("mean weight gain", "210 g"), ("mean weight gain", "150 g")]),
    ("An improvement of 0.08 L in trough FEV1 was seen with the new inhaler compared with placebo.",
     [("trough FEV1", "0.08 L")]),
    ("The drug produced a reduction of 20-25% in minute ventilation, as compared with the control group.",
     [("minute ventilation", "20-25%")]),
    ("Patients lost weight, with an average loss of 3.2 kg.", [("average loss", "3.2 kg")]),
])
def test_the_size_of_a_change_after_its_noun(sentence, expected):
    assert [(m, v) for m, v, _ in numeric(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "For the saline test 12 subjects recorded a fall of 20% or more.",
    "Gridlines represent changes of 5 points each.",
    "For each extra point in the entry score, a reduction of 0.3 points in symptoms is expected.",
    "The patients received a dose of 10 mg daily.",
])
def test_thresholds_scale_steps_and_predictions_are_no_changes(sentence):
    assert numeric(sentence) == []


# -- a percentage change in a bracket after its measure, its direction in the bracket -------
@pytest.mark.parametrize("sentence, expected", [
    ("The supplement lowered triglycerides (12% reduction) and raised HDL cholesterol (8% increase).",
     [("triglycerides", "12% reduction"), ("HDL cholesterol", "8% increase")]),
    ("The herb had no beneficial effect on blood glucose (4.0% increase) and serum insulin (2.1% reduction).",
     [("blood glucose", "4.0% increase"), ("serum insulin", "2.1% reduction")]),
])
def test_a_percentage_change_in_a_bracket_after_its_measure(sentence, expected):
    assert [(m, v) for m, v, _ in numeric(sentence)] == expected


# -- each group's count with the preposition repeated ---------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Sepsis was diagnosed in 12 patients in the early group and in 19 patients in the late group.",
     ("Sepsis", "12 patients", "19 patients")),
    ("Mean HbA1c was 7.1% in the diet group and in 7.9% in the exercise group.", ("Mean HbA1c", "7.1%", "7.9%")),
])
def test_two_groups_with_the_preposition_repeated(sentence, expected):
    assert expected in numeric(sentence)


# -- a second measure after 'and', its verb left out, named with 'of' or 'to' ---------------
@pytest.mark.parametrize("sentence, expected", [
    ("The median time to recovery was 4 days and time to discharge 6 days.",
     [("median time to recovery", "4 days"), ("time to discharge", "6 days")]),
    ("The mean duration of fever was 3.1 days and the duration of cough 5.2 days.",
     [("mean duration of fever", "3.1 days"), ("duration of cough", "5.2 days")]),
])
def test_a_second_measure_with_its_verb_left_out(sentence, expected):
    assert [(m, v) for m, v, _ in numeric(sentence)] == expected


# -- people who reached an outcome the verb names -------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Twelve patients (15%) relapsed within a year.", ("relapsed", "Twelve patients (15%)")),
    ("Nine children (20%) recovered.", ("recovered", "Nine children (20%)")),
    ("By day 5, 45% of the zinc group recovered.", ("recovered", "45%")),
])
def test_people_who_reached_an_outcome_named_by_the_verb(sentence, expected):
    assert expected in [(m, v) for m, v, _ in numeric(sentence)]


@pytest.mark.parametrize("sentence", [
    "23% of the placebo group had diabetes.",
    "Nine children (20%) were girls.",
])
def test_who_a_group_was_is_no_outcome(sentence):
    assert numeric(sentence) == []


# -- a value after a word judging it; a rate with its unit ----------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Overall, the cure rate was high: 95%.", ("cure rate", "95%")),
    ("Adherence to the diet was high (92%).", ("Adherence to the diet", "92%")),
    ("The incidence of malaria was 1.2 episodes per child-year in the vaccine group.",
     ("incidence of malaria", "1.2 episodes per child-year")),
    ("The rate of falls was 3.4 per 100 patient-years.", ("rate of falls", "3.4 per 100 patient-years")),
])
def test_a_judged_value_or_a_rate(sentence, expected):
    assert expected in [(m, v) for m, v, _ in numeric(sentence)]


@pytest.mark.parametrize("sentence", [
    "Attrition was low (8%).",
    "Mean age was similar (45 years).",
])
def test_judged_values_of_who_stayed_or_how_old_are_no_findings(sentence):
    assert numeric(sentence) == []


# -- two values 'of' a measure, then the verb and the two groups ----------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Response rates of 45% and 30% were observed in the A and B groups.", ("45%", "30%")),
    ("Cure rates of 88% and 71% were achieved in the two groups.", ("88%", "71%")),
])
def test_two_values_before_the_verb_and_the_groups(sentence, expected):
    assert expected in [(v, c) for _, v, c in numeric(sentence)]


# -- a value with its own p-value in one group, another group's value after it --------------
@pytest.mark.parametrize("sentence, expected", [
    ("The mean change in LDL cholesterol from baseline was -0.9 mmol/l (P = 0.01) in the diet group and "
     "-1.1 mmol/l (P = 0.02) in the statin group.", ("-0.9 mmol/l", "-1.1 mmol/l")),
    ("Mean weight change was -2.0 kg (p < 0.01) with the low-fat diet and -3.1 kg (p < 0.01) with the "
     "low-carbohydrate diet.", ("-2.0 kg", "-3.1 kg")),
])
def test_each_groups_value_with_its_own_p_is_no_single_value(sentence, expected):
    got = [(v, c) for _, v, c in numeric(sentence)]
    assert expected in got and not any(c is None for _, c in got)
