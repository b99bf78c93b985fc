"""Results phrasings common in trial abstracts: one finding stated for several measures at once,
within-group changes with a between-group finding after them, and a fronted clause on how
the analysis was made. Every sentence here was written for these tests, in two phrasings."""

from __future__ import annotations

import pytest
from test_results_unseen_phrasings import facts_of

from kg.extract.results import read_sentence


def _found(sentence: str) -> list[tuple[str, str]]:
    return [(f.measure, f.value) for f in read_sentence(sentence)]


# -- a fronted comparative with a list of measures: one finding per member ----------------------
@pytest.mark.parametrize("sentence, measures, value", [
    ("Lower peak heart rate, peak oxygen uptake and energy cost were observed after rowing than after "
     "stepping (P < 0.001).", ["peak heart rate", "peak oxygen uptake", "energy cost"], "Lower"),
    ("Higher fatigue scores, insomnia and irritability were found in the withdrawal arm (p = 0.01).",
     ["fatigue score", "insomnia", "irritability"], "Higher"),
])
def test_fronted_comparative_with_a_list_is_one_finding_per_measure(sentence, measures, value):
    got = _found(sentence)
    for m in measures:
        assert (m, value) in got
    assert len(got) == len(measures)


def test_fronted_comparative_with_one_measure_stays_one_finding():
    assert _found("Lower anxiety scores were seen with the music programme.") == [("anxiety score", "Lower")]


# -- the groups as subject of a nominal change ---------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Both arms showed improvements in grip strength.", [("grip strength", "improvements")]),
    ("All three groups showed a significant reduction in resting pulse and body mass index.",
     [("resting pulse", "significant reduction"), ("body mass index", "significant reduction")]),
])
def test_groups_showed_a_change_in_measures(sentence, expected):
    got = _found(sentence)
    for e in expected:
        assert e in got


# -- a no-difference finding that names only the groups is about the measures before it ---------
@pytest.mark.parametrize("sentence, measures, value", [
    ("Both arms showed improvements in grip strength, and there was no significant difference observed "
     "between the arms.", ["grip strength"], "no significant difference"),
    ("Serum ferritin and transferrin saturation rose in both groups, with no significant difference between "
     "the groups at week 12.", ["Serum ferritin", "transferrin saturation"], "no significant difference"),
])
def test_between_group_finding_takes_the_measures_of_the_within_group_finding(sentence, measures, value):
    got = _found(sentence)
    for m in measures:
        assert (m, value) in got
    assert not any(m.startswith("difference between") for m, _ in got)


def test_two_predicates_of_one_subject_are_one_value():
    got = _found("Antibody titres, neutralising activity and persistence were similar or significantly "
                 "higher than with the licensed vaccine.")
    assert got == [("Antibody titre", "similar or significantly higher"),
                   ("neutralising activity", "similar or significantly higher"),
                   ("persistence", "similar or significantly higher")]


@pytest.mark.parametrize("body, measure", [
    ("Median pain fell from 6 to 3 in the acupuncture group. There was no significant difference between "
     "the two groups at either measurement point.", "pain"),
    ("Mean HbA1c decreased from 8.1% to 7.4% in the coaching arm. No significant difference was seen between "
     "the arms at any time point.", "HbA1c"),
])
def test_difference_between_groups_at_a_time_takes_the_measure_of_the_sentence_before(tmp_path, body, measure):
    _, facts = facts_of(tmp_path, body)
    words = [f for f in facts if not any(c.isdigit() for c in f.fields["value"])]
    assert words and all(f.fields["measure"] == measure for f in words)


# -- a fronted clause on how the analysis was made does not drop the finding ----------------------
@pytest.mark.parametrize("sentence, value, p", [
    ("When age, sex and baseline severity were included in the model, the adjusted HR was 0.81 "
     "(95% CI 0.66–0.99, p = 0.04).", "0.81 (95% CI 0.66–0.99", "p = 0.04"),
    ("Once the 12 sites were entered as random effects, the odds ratio for remission was 1.9 "
     "(95% CI 1.2 to 3.1; P = 0.008).", "1.9 (95% CI 1.2 to 3.1", "P = 0.008"),
])
def test_fronted_analysis_clause_keeps_the_main_clause(sentence, value, p):
    got = read_sentence(sentence)
    assert [(f.value, f.p.text) for f in got] == [(value, p)]


@pytest.mark.parametrize("sentence", [
    "A total of 212 patients were randomised, and 190 completed the study.",
    "Participants were enrolled between 2009 and 2011, and 40% were women.",
])
def test_enrolment_sentences_are_still_no_findings(sentence):
    assert read_sentence(sentence) == []


# -- a value bracket after 'no difference in X between the groups': X is the measure -------------
@pytest.mark.parametrize("sentence, measure, value", [
    ("There was no evidence of a difference in uptake of screening between the arms (41% in the letter arm "
     "vs 39% in the phone arm, p = 0.52).", "uptake of screening", "41%"),
    ("There was no significant difference in the proportion of healed ulcers between groups (58% vs. 61%).",
     "proportion of healed ulcers", "58%"),
])
def test_value_bracket_after_a_difference_frame_names_the_measure(sentence, measure, value):
    assert (measure, value) in _found(sentence)


@pytest.mark.parametrize("sentence, measure", [
    ("Mortality did not differ between the groups (18% vs 20%).", "Mortality"),
    ("Walking speed was similar between the two arms (p = 0.4).", "Walking speed"),
])
def test_the_groups_compared_are_no_part_of_the_measure(sentence, measure):
    assert [m for m, _ in _found(sentence)] == [measure]


# -- a p-value bracket inside the predicate ------------------------------------------------------
@pytest.mark.parametrize("sentence, expected, p", [
    ("The sham procedure had no significant (p > 0.05) effect on peak flow, pulse rate or dyspnoea score.",
     [("peak flow", "no significant effect"), ("pulse rate", "no significant effect"),
      ("dyspnoea score", "no significant effect")], "p > 0.05"),
    ("Time to sleep onset was significantly (P < 0.01) shorter with melatonin.",
     [("Time to sleep onset", "significantly shorter")], "P < 0.01"),
    ("The cream produced a significant (p = 0.003) reduction in itch scores.",
     [("itch score", "significant reduction")], "p = 0.003"),
])
def test_p_value_inside_the_predicate(sentence, expected, p):
    got = read_sentence(sentence)
    assert [(f.measure, f.value) for f in got] == expected
    assert all(f.p is not None and f.p.text == p for f in got)


# -- medians with their spread and a unit on each side of 'vs' are one comparison -----------------
@pytest.mark.parametrize("sentence, value, comparator", [
    ("Time on the ward was shorter with early mobilisation (5 (4 to 7) days vs. 8 (6 to 11) days; P = 0.01).",
     "5 (4 to 7)", "8 (6 to 11)"),
    ("The cumulative dose was lower in the protocol arm (30 [22-41] mg versus 52 [40-66] mg, p < 0.001).",
     "30 [22-41]", "52 [40-66]"),
])
def test_medians_with_spread_and_unit_are_paired(sentence, value, comparator):
    (f,) = read_sentence(sentence)
    assert (f.value, f.extra.get("comparator_text")) == (value, comparator)
    assert f.p is not None


@pytest.mark.parametrize("sentence, measure", [
    ("Walkers who used the app were more likely to reach the step target (64% vs 41%, p = 0.002).",
     "reach the step target"),
    ("Women in the text-message arm were less likely to be lost to follow-up (12% vs 25%, p = 0.03).",
     "lost to follow-up"),
    ("Oral dosing gave a higher remission rate than infusion (71% versus 52%; P = 0.04).", "remission rate"),
])
def test_measure_of_a_likelihood_or_a_comparison_with_than(sentence, measure):
    assert [f.measure for f in read_sentence(sentence)] == [measure]


# -- a lone modifier shares the head of the last member; a list member may hold 'and' ------------
@pytest.mark.parametrize("sentence, measures", [
    ("Clinical and radiological outcomes were similar in the two arms.",
     ["Clinical outcomes", "radiological outcomes"]),
    ("There were no differences in systolic or diastolic blood pressure at week 8.",
     ["systolic blood pressure", "diastolic blood pressure"]),
    ("Pain and functional outcomes improved significantly in both arms.", ["Pain", "functional outcomes"]),
    ("Survival and disease-free survival were similar.", ["Survival", "disease-free survival"]),
])
def test_shared_head_of_coordinated_modifiers(sentence, measures):
    assert [m for m, _ in _found(sentence)] == measures


@pytest.mark.parametrize("sentence, measures", [
    ("Readmissions, ward and clinic waiting times, cost and patient satisfaction did not differ between arms.",
     ["Readmissions", "ward", "clinic waiting times", "cost", "patient satisfaction"]),
    ("Sedative use, day and night nursing hours, falls and delirium were similar between the two groups.",
     ["Sedative use", "day", "night nursing hours", "falls", "delirium"]),
])
def test_a_list_member_with_and_inside_keeps_the_members_before_it(sentence, measures):
    got = [m for m, _ in _found(sentence)]
    assert got[0] == measures[0] and got[-3:] == measures[-3:]


# -- the size of an effect written before its measure is no part of the measure -----------------
@pytest.mark.parametrize("sentence, measure", [
    ("Screening was followed by a 40% lower odds of admission (OR 0.60, 95% CI 0.41 to 0.88) and 35% reduction "
     "in emergency visits (OR 0.65, 95% CI 0.47 to 0.90).", "emergency visits (or)"),
    ("Overall, a 20% lower relative risk of relapse (hazard ratio [HR] 0.80 [95% CI 0.66–0.97], p = 0.02) was "
     "seen with the booster.", "relative risk of relapse"),
])
def test_effect_size_before_the_measure_is_no_part_of_it(sentence, measure):
    assert measure in [f.measure for f in read_sentence(sentence)]


@pytest.mark.parametrize("sentence", [
    "Of 640 screened adults, 210 entered the trial: 106 in the yoga arm and 104 in the waiting-list arm.",
    "48 of the 96 randomised participants received the booklet, while 48 had usual care.",
    "We conducted a 9-month trial in 80 villages (60 with a health worker and 20 without).",
])
def test_how_many_entered_each_arm_is_no_finding(sentence):
    assert read_sentence(sentence) == []


# -- a list of comparatives after 'had'/'showed', each member with its own direction ---------------
@pytest.mark.parametrize("sentence, expected", [
    ("Compared with usual care, patients in the coaching arm had a better mood and sleep quality, higher levels "
     "of vitamin D and lower levels of CRP (all P<0.05).",
     [("mood", "better"), ("sleep quality", "better"), ("vitamin D", "higher"), ("CRP", "lower")]),
    ("Children in the garden arm had higher fruit intake, lower screen time and better sleep quality than "
     "controls (p < 0.05 for all).",
     [("fruit intake", "higher"), ("screen time", "lower"), ("sleep quality", "better")]),
])
def test_list_of_comparatives_each_with_its_direction(sentence, expected):
    got = read_sentence(sentence)
    assert [(f.measure, f.value) for f in got] == expected
    assert all(f.p is not None for f in got)


def test_a_measure_holding_its_own_direction_word_is_not_kept_twice():
    got = _found("At week 6, the app group showed significantly better recall of the steps and timing, and better "
                 "hand position than did the leaflet group.")
    assert ("hand position", "better") in got
    assert not any(m.lower().startswith("better ") for m, _ in got)


# -- a change in the passive with its cause after 'by' -------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Mortality was not reduced by the vitamin A supplement.", [("Mortality", "not reduced")]),
    ("The size of the follicle was not affected by the route of dosing.", [("size of the follicle", "not affected")]),
    ("Relapse rate was unaffected by the booster dose.", [("Relapse rate", "unaffected")]),
    ("Sleep quality was significantly improved by the app (p = 0.02).", [("Sleep quality", "significantly improved")]),
])
def test_passive_change_with_its_cause(sentence, expected):
    assert _found(sentence) == expected


def test_passive_with_a_size_after_by_is_the_size():
    assert _found("Pain was reduced by 30% in the laser group.") == [("Pain", "30%")]


# -- two counts of one thing in two groups, the thing named after the first count ------------------
@pytest.mark.parametrize("sentence, measure, value, comparator", [
    ("There were 12 falls in the exercise group and 25 in the control group.", "falls", "12", "25"),
    ("Over two winters, 41 admissions occurred among the vaccinated and 57 among the unvaccinated.",
     "admissions", "41", "57"),
])
def test_counts_of_one_thing_in_two_groups(sentence, measure, value, comparator):
    (f,) = read_sentence(sentence)
    assert (f.measure, f.value, f.comparator) == (measure, value, comparator)


def test_estimate_after_a_count_pair_is_about_the_counted_thing():
    got = _found("During follow-up there were 63 relapses in the booster group and 60 in the control group "
                 "(HR = 1.2, 95% CI 0.84-1.73, p = 0.35).")
    assert ("relapses", "63") in got and ("relapses (hr)", "1.2, 95% CI 0.84-1.73") in got


@pytest.mark.parametrize("sentence", [
    "We enrolled 40 patients in the drug group and 38 in the placebo group.",
    "We randomised 212 women, 106 to each arm.",
])
def test_enrolment_told_by_we_is_no_finding(sentence):
    assert read_sentence(sentence) == []


# -- a difference written 'N lower (CI) in/than ...' ------------------------------------------------
@pytest.mark.parametrize("sentence, measure, value", [
    ("Mean systolic pressure was 4.2 mmHg lower (95% CI 1.1 to 7.3) in the salt-substitute arm.",
     "Mean systolic pressure", "4.2 mmHg lower (95% CI 1.1 to 7.3)"),
    ("The fat content of the baskets bought by the nudged shoppers was 0.8% lower (95% confidence interval "
     "0.5–1.1, p < 0.001) than in the control group.", "fat content of the baskets", "0.8% lower (95% confidence "
     "interval 0.5–1.1)"),
])
def test_difference_with_direction_and_ci(sentence, measure, value):
    got = read_sentence(sentence)
    assert [(f.value) for f in got] == [value]
    assert got[0].measure.startswith(measure)


# -- numbers that name the groups are no values ---------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Glucose was, relative to rest, -3% (P = 0.6) and -9% (P = 0.04) in the 20 and 40 min cycling trials, "
    "respectively.",
    "Pain scores were 4.1 (P = 0.3) and 3.2 (P = 0.02) lower in the 6 and 12 week exercise arms, respectively.",
])
def test_numbers_naming_the_groups_are_not_compared(sentence):
    values = [f.value for f in read_sentence(sentence)]
    assert not any(v.split()[0] in ("20", "40", "6", "12") for v in values)


# -- a percentage with its count in brackets, in each of two groups --------------------------------
@pytest.mark.parametrize("sentence, value, comparator", [
    ("Remission was 45% (27/60) in the drug arm and 30% (18/60) in the placebo arm.", "45% (27/60)", "30% (18/60)"),
    ("Uptake was 62.5% [50/80] with the text reminder versus 41.3% [33/80] with the letter (p = 0.01).",
     "62.5% [50/80]", "41.3% [33/80]"),
])
def test_percentages_with_counts_in_two_groups_are_compared(sentence, value, comparator):
    (f,) = read_sentence(sentence)
    assert (f.value, f.extra.get("comparator_text")) == (value, comparator)


# -- measures named around the groups or before a colon --------------------------------------------
@pytest.mark.parametrize("sentence, measures", [
    ("There were no significant differences between the two study groups for quit intentions (week 4: β = 0.05, "
     "95% CI -0.04 to 0.14) or for self-efficacy (β = 0.11, 95% CI -0.02 to 0.24).",
     {"quit intentions (β)", "self-efficacy (β)"}),
    ("There was a significant difference for the app versus leaflet comparison of mean (SD) knowledge scores: "
     "14.2 (3.1) vs 10.9 (3.5).", {"mean knowledge scores"}),
    ("There was a clear improvement in walking speed: 1.1 vs 0.8 m/s.", {"walking speed"}),
])
def test_measure_named_around_the_groups_or_before_a_colon(sentence, measures):
    assert {f.measure for f in read_sentence(sentence)} == measures


# -- several arms, each value in its own bracket, against one comparator -----------------------------
@pytest.mark.parametrize("sentence, pairs", [
    ("Greater falls in itch scores were seen with 10 mg (−35.5%) and 20 mg (−43.7%) versus placebo (−6.1%; "
     "P≤0.005).", [("−35.5%", "−6.1"), ("−43.7%", "−6.1")]),
    ("Larger gains in grip strength were recorded with the low dose (4.1) and the high dose (5.3) compared with "
     "the sham device (0.9; P < 0.01 for both).", [("4.1", "0.9"), ("5.3", "0.9")]),
])
def test_each_arm_against_one_comparator(sentence, pairs):
    got = [(f.value, f.comparator) for f in read_sentence(sentence)]
    assert got == pairs


def test_arms_without_their_own_brackets_are_not_paired_back():
    got = [(f.value, f.comparator) for f in read_sentence("Remission was 45% in the drug arm and 30% in the "
                                                           "placebo arm.")]
    assert got == [("45%", "30")]


# -- an estimate bracket after an abbreviation bracket, or opening with the estimate's name ----------
@pytest.mark.parametrize("sentence, measure", [
    ("Patients in the coached arm were more likely to have their body mass index (BMI) (OR 1.64, 95% CI 1.10, "
     "2.45) recorded.", "body mass index"),
    ("Walkers had a 28% lower risk of falls (hazard ratio (HR) 0.72; 95% CI 0.58 to 0.90).", "risk of falls"),
    ("Adherent women had a lower odds of relapse (adjusted OR: 0.55, 95% CI 0.36 to 0.84).", "odds of relapse"),
])
def test_measure_before_an_estimate_bracket(sentence, measure):
    assert [f.measure.split(" (")[0] for f in read_sentence(sentence)] == [measure]


# -- one value per group, each after its group's name, in one bracket --------------------------------
@pytest.mark.parametrize("sentence, measure, expected", [
    ("All regimens significantly lowered serum uric acid from baseline (drug A: -31%, P < 0.001; drug B: -22%, "
     "P = 0.002).", "serum uric acid", [("drug A", "-31%", "P < 0.001"), ("drug B", "-22%", "P = 0.002")]),
    ("Pain fell in both arms (yoga: -2.1 points, p = 0.01; stretching: -1.2 points, p = 0.04).", "Pain",
     [("yoga", "-2.1 points", "p = 0.01"), ("stretching", "-1.2 points", "p = 0.04")]),
])
def test_values_labelled_by_group_in_one_bracket(sentence, measure, expected):
    got = read_sentence(sentence)
    assert [(f.extra.get("group"), f.value, f.p.text) for f in got] == expected
    assert {f.measure for f in got} == {measure}


@pytest.mark.parametrize("sentence, measure, expected", [
    ("Grip strength increased in both arms (exercise group: from 21 to 25 kg, P = 0.01; control group: from 22 to "
     "23 kg, P = 0.3).", "Grip strength", [("exercise group", "25 kg", "21"), ("control group", "23 kg", "22")]),
    ("Resting heart rate fell in both cohorts (walkers: from 78 ± 6 to 71 ± 5 bpm, P = 0.002 swimmers: from 80 ± 7 "
     "to 74 ± 6 bpm, P = 0.01).", "Resting heart rate",
     [("walkers", "71 ± 5 bpm", "78"), ("swimmers", "74 ± 6 bpm", "80")]),
])
def test_changes_within_each_labelled_group(sentence, measure, expected):
    got = read_sentence(sentence)
    assert [(f.extra.get("group"), f.value, f.comparator) for f in got] == expected
    assert {f.measure for f in got} == {measure}
    assert all(f.extra.get("comparison") == "within_group" for f in got)


# -- the arms compared are no measures --------------------------------------------------------------
def _facts_with_methods(tmp_path, methods: str, results: str):
    from kg.extract import extract_all
    from kg.lexicon import load_lexicon
    from kg.nlp import get_nlp
    from kg.readers import read as read_document
    path = tmp_path / "arms.txt"
    path.write_text("A short made-up randomised trial of two tablets written for the tests\n\nMethods\n\n"
                    f"{methods}\n\nResults\n\n{results}\n", encoding="utf-8")
    document = read_document(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    return [f for f in ctx.facts if f.kind == "result"]


@pytest.mark.parametrize("methods, results, arm", [
    ("Adults with type 2 diabetes were randomised to metformin 500 mg twice daily or acarbose 50 mg three times "
     "daily for 12 weeks.", "Metformin and acarbose did not differ significantly.", "acarbose"),
    ("Adults with hypertension were randomised to amlodipine 5 mg once daily or lisinopril 10 mg once daily.",
     "The mean fall in systolic pressure with amlodipine and lisinopril showed no significant difference "
     "(p = 0.41).", "lisinopril"),
])
def test_arms_compared_are_no_measures(tmp_path, methods, results, arm):
    measures = [(f.fields["measure"] or "").lower() for f in _facts_with_methods(tmp_path, methods, results)]
    assert arm not in measures
    assert not any(m.endswith(("metformin", "amlodipine", "acarbose", "lisinopril")) for m in measures)


# -- two brackets of values compared member by member -------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Calf girth fell significantly less in the stimulation group (-0.4 ± 0.2 cm, -3 ± 1.5%) as compared to the "
     "control group (-0.9 ± 0.3 cm, -7.2 ± 2.1%; P < 0.05).",
     [("-0.4 ± 0.2 cm", "-0.9 ± 0.3 cm"), ("-3 ± 1.5%", "-7.2 ± 2.1%")]),
    ("Hospital stay was shorter in the fast-track arm (4.1 ± 1.2 days, 12%) than in the usual-care arm "
     "(6.3 ± 2.0 days, 25%; p = 0.01).", [("4.1 ± 1.2 days", "6.3 ± 2.0 days"), ("12%", "25%")]),
])
def test_two_brackets_of_values_compared_member_by_member(sentence, expected):
    got = [(f.value, f.extra.get("comparator_text")) for f in read_sentence(sentence)]
    assert got == expected


@pytest.mark.parametrize("methods, results, measure", [
    ("Adults with reflux were randomised to esomeprazole 20 mg once daily or placebo for 6 months.",
     "Esomeprazole was significantly more effective than placebo in maintaining relief of heartburn.",
     "maintaining relief of heartburn"),
    ("Children with otitis were randomised to amoxicillin 40 mg/kg daily or placebo.",
     "Amoxicillin was significantly better than placebo for resolution of ear pain.", "resolution of ear pain"),
])
def test_an_arm_that_did_better_is_measured_by_what_it_did(tmp_path, methods, results, measure):
    got = [(f.fields["measure"], f.fields["value"]) for f in _facts_with_methods(tmp_path, methods, results)]
    assert len(got) == 1 and got[0][0] == measure


# -- a measure named by a fronted 'For X,' or holding 'time from A to B' ---------------------------------
@pytest.mark.parametrize("sentence, measure", [
    ("For the primary outcome of relief of night cough, the difference between the honey group (41%) and the "
     "syrup group (33%) was not statistically significant (p = 0.21).", "relief of night cough"),
    ("For pain at rest, there was no significant difference between the groups (p = 0.3).", "pain at rest"),
    ("Median time from surgery to first walk was 2 days (range 1–4) versus 3 days (range 1–6) (p = 0.02).",
     "Median time from surgery to first walk"),
])
def test_measure_named_in_front_or_as_a_time_between_events(sentence, measure):
    assert {f.measure for f in read_sentence(sentence)} == {measure}


# -- changes compared in words: 'greater reductions in X' ------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("There were greater reductions in body weight in the diet and exercise groups versus baseline.",
     [("body weight", "greater reductions")]),
    ("Greater reductions in LDL cholesterol were seen in the statin and combination arms (p < 0.01).",
     [("LDL cholesterol", "Greater reductions")]),
    ("Both the yoga and the walking groups had significant reductions in anxiety and fatigue scores from "
     "baseline.", [("anxiety", "significant reductions"), ("fatigue scores", "significant reductions")]),
])
def test_changes_compared_in_words(sentence, expected):
    assert _found(sentence) == expected


# -- a rate stated on its own; a CI with its minus glued to 'CI' ------------------------------------
@pytest.mark.parametrize("sentence, measure, value", [
    ("At six months, the brace led to a success rate of 81.5%.", "success rate", "81.5%"),
    ("The concordance between the two assays was 68.2%.", "concordance", "68.2%"),
])
def test_a_rate_stated_on_its_own(sentence, measure, value):
    assert _found(sentence) == [(measure, value)]


@pytest.mark.parametrize("sentence", [
    "The follow-up rate was 91% at 12 weeks.",
    "The completion rate was 88%.",
])
def test_disposition_rates_are_no_findings(sentence):
    assert read_sentence(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("There were similar trends favouring the tea group for night waking (difference = 5.0%, 95% CI-0.7 to 10.9) "
     "and sleep length (difference = 6.5%, 95% CI-1.2 to 14.0).",
     [("night waking (difference)", (-0.7, 10.9)), ("sleep length (difference)", (-1.2, 14.0))]),
    ("The mean difference in pain was -1.2 points (95% CI-2.0 to -0.4).", [("mean difference in pain", (-2.0, -0.4))]),
])
def test_ci_with_its_minus_glued_to_ci(sentence, expected):
    assert [(f.measure, f.ci) for f in read_sentence(sentence)] == expected


# -- each arm named, then its own bracket with its value and its own test ----------------------------
@pytest.mark.parametrize("sentence, measure, expected", [
    ("Over two years there was a steady increase in frailty in the home-visit group (mean annual increase, "
     "1.8 points; SE 0.3; p < 0.001) and usual-care group (mean annual increase, 1.9 points; SE 0.3; p < 0.001).",
     "frailty", [("home-visit group", "1.8 points"), ("usual-care group", "1.9 points")]),
    ("Pain fell in the acupuncture group (mean change, -2.4 points; p = 0.01) and in the sham group (mean change, "
     "-1.1 points; p = 0.2).", "Pain", [("acupuncture group", "-2.4 points"), ("sham group", "-1.1 points")]),
])
def test_each_arm_with_its_own_bracket_and_test(sentence, measure, expected):
    got = read_sentence(sentence)
    assert [(f.extra.get("group"), f.value) for f in got] == expected
    assert {f.measure for f in got} == {measure} and all(f.p is not None for f in got)


def test_arms_compared_without_their_own_tests_stay_one_comparison():
    got = read_sentence("Remission was higher in the drug group (45%) than in the placebo group (30%).")
    assert [(f.value, f.comparator) for f in got] == [("45%", "30")]


# -- counts with their share in square brackets and the total after 'of' (a journal's house style) ---
@pytest.mark.parametrize("sentence, value, comparator", [
    ("Relapse was less frequent with the cream (31 [9%] of 344 vs 52 [15%] of 350 participants; p=0·02).",
     "31 [9%] of 344", "52 [15%] of 350"),
    ("Healing was reached by 120 [40%] of 300 children given zinc and by 90 (30%) of 300 given placebo.",
     "120 [40%] of 300", "90 (30%) of 300"),
])
def test_a_count_with_its_share_in_square_brackets_and_its_total(sentence, value, comparator):
    got = [(f.value, f.extra.get("comparator_text")) for f in read_sentence(sentence)]
    assert (value, comparator) in got, got
