"""Classes of result phrasing found in Evidence Inference *train* articles that kg missed or
misread: values before and after treatment, values each with its own p-value, p-values listed
after one 'P' or labelled with the measure they test, comparisons in words after 'between the
A and B groups', names holding an 'and', within-group tests. Every sentence here was written
for these tests, each class in two phrasings or layouts at least."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.mentions import find
from kg.extract.results import read_sentence
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp

TITLE = "A short article written for the tests of result phrasings, on a made-up randomised trial"


def read(sentence: str) -> list[tuple[str, str, str | None, str | None]]:
    """(measure, value, comparator, p as written) of each finding, in order."""
    return [(f.measure, f.value, f.comparator, f.p.text if f.p else None) for f in read_sentence(sentence)]


def facts_of(tmp_path: Path, body: str) -> tuple[str, list]:
    from kg.readers import read as read_document
    path = tmp_path / "snippet.txt"
    path.write_text(f"{TITLE}\n\nResults\n\n{body}\n", encoding="utf-8")
    document = read_document(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    return document.text, [f for f in ctx.facts if f.kind == "result"]


# -- p-values written with a colon, and lists of p-values after one 'P' ------------------------
@pytest.mark.parametrize("text, p", [
    ("and the fall was significant (P-value: .004)", 0.004),
    ("(P value: 0.03)", 0.03),
])
def test_p_value_with_a_colon(text, p):
    assert [m.fields["p"] for m in find(text, "p_value")] == [p]


@pytest.mark.parametrize("sentence, expected", [
    ("Zinc lowered fasting glucose by 2.1% and insulin by 4.4% but these changes were not significant "
     "(P = .612 and .145, respectively).",
     [("fasting glucose", "2.1%", None, "P = .612"), ("insulin", "4.4%", None, ".145")]),
    ("The drug reduced the relapse rate by 30% and hospital admissions by 25% (p = 0.01 and p = 0.04, "
     "respectively).",
     [("relapse rate", "30%", None, "p = 0.01"), ("hospital admissions", "25%", None, "p = 0.04")]),
])
def test_p_values_listed_with_respectively(sentence, expected):
    assert read(sentence) == expected


def test_a_p_list_without_respectively_is_not_split():
    # 'P = .61 and .14' with no 'respectively' is not known to be a list of p-values
    assert [m.text for m in find("fell (P = .61 and .14 at the two visits).", "p_value")] == ["P = .61"]
    assert len(read("Weight fell by 2% (P = .61 and .14 at the two visits).")) == 1


# -- a value before and one after treatment ----------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Grip strength was 21.4 kg before and 25.9 kg after the training programme.",
     [("Grip strength", "25.9 kg", "21.4", None)]),
    ("The median stiffness score was 6 at baseline and 3 after twelve weeks of stretching (p = 0.02).",
     [("median stiffness score", "3", "6", "p = 0.02")]),
    ("In the vitamin group, mean serum calcidiol was 41.3 ± 9.0 nmol/L pre-treatment versus 72.5 ± 12.1 nmol/L "
     "at week 12.",
     [("mean serum calcidiol", "72.5 ± 12.1 nmol/L", "41.3", None)]),
])
def test_before_and_after_values(sentence, expected):
    assert read(sentence) == expected


# -- values listed, each with its own p-value ---------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Sleep latency changed by +3% (P = 0.81), -11% (P = 0.19), and -19% (P = 0.04) with the low, middle, "
     "and high doses, respectively.",
     [("Sleep latency", "+3%", None, "P = 0.81"), ("Sleep latency", "-11%", None, "P = 0.19"),
      ("Sleep latency", "-19%", None, "P = 0.04")]),
    ("Compared with the control walk, triglyceride AUC was 4% higher (P = 0.7), 9% lower (P = 0.3) and 12% lower "
     "(P = 0.02) after the short, medium and long walks.",
     [("triglyceride AUC", "4% higher", None, "P = 0.7"), ("triglyceride AUC", "9% lower", None, "P = 0.3"),
      ("triglyceride AUC", "12% lower", None, "P = 0.02")]),
])
def test_values_each_with_its_own_p(sentence, expected):
    assert read(sentence) == expected


def test_values_with_own_p_against_a_shared_comparator():
    got = read("At week 52, mean changes in systolic pressure were +0.4 mmHg for placebo compared with -3.1 mmHg "
               "(P = 0.002), -4.4 mmHg (P < 0.001), and -6.0 mmHg (P < 0.001) for the three doses, respectively.")
    assert [(v, c, p) for _, v, c, p in got] == [("-3.1 mmHg", "0.4", "P = 0.002"), ("-4.4 mmHg", "0.4", "P < 0.001"),
                                                  ("-6.0 mmHg", "0.4", "P < 0.001")]
    assert {m for m, *_ in got} == {"mean changes in systolic pressure"}


# -- p-values labelled with what they test ------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Itch improved more with the cream than with the ointment (itch, P = 0.01; redness, P = 0.03).",
     [("Itch", "improved more", None, "P = 0.01"), ("redness", "improved more", None, "P = 0.03")]),
    ("Both severity scores fell further in the laser group than in the cryotherapy group "
     "(PASI, P = 0.002; DLQI, P = 0.04).",
     [("PASI", "fell further", None, "P = 0.002"), ("DLQI", "fell further", None, "P = 0.04")]),
    ("Scores were significantly better with the app (P = 0.01 for anxiety and P = 0.03 for depression).",
     [("anxiety", "significantly better", None, "P = 0.01"), ("depression", "significantly better", None, "P = 0.03")]),
])
def test_labelled_p_values(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The gel reduced redness (P = 0.002) and scaling (P = 0.04) compared with vehicle.",
    "Compared with vehicle, the gel reduced redness (p = 0.002), and scaling (p = 0.04).",
])
def test_objects_each_with_its_own_p(sentence):
    assert [(m, v, p.replace("p", "P")) for m, v, _, p in read(sentence)] == [
        ("redness", "reduced", "P = 0.002"), ("scaling", "reduced", "P = 0.04")]


# -- within-group tests are said to be so -------------------------------------------------------
@pytest.mark.parametrize("body, groups", [
    ("Changes in symptom scores were not significant in the drug group or the placebo group "
     "(p = 0.21 for the drug group and p = 0.44 for the placebo group).", ["drug group", "placebo group"]),
    ("Pain scores fell by 30% (p < 0.001) and 12% (p = 0.09) in the acupuncture and sham groups, respectively.",
     ["acupuncture group", "sham group"]),
])
def test_within_group_tests(tmp_path, body, groups):
    _, facts = facts_of(tmp_path, body)
    assert [f.fields.get("comparison") for f in facts] == ["within_group", "within_group"]
    assert [f.fields.get("group") for f in facts] == groups


@pytest.mark.parametrize("body", [
    "The mean difference between groups in weight was 2.1 kg (95% CI 0.4 to 3.8; p = 0.02).",
    "There was no significant difference between the two arms in weight (p = 0.3).",
])
def test_between_group_tests(tmp_path, body):
    _, facts = facts_of(tmp_path, body)
    assert facts and all(f.fields.get("comparison") == "between_group" for f in facts)


def test_values_of_arms_without_a_control_are_not_called_within_group(tmp_path):
    _, facts = facts_of(tmp_path, "Weight fell by 3.1 kg (p = 0.01) and 1.2 kg (p = 0.2) with the low-dose and "
                                  "high-dose regimens, respectively.")
    assert len(facts) == 2 and not any(f.fields.get("comparison") for f in facts)


# -- comparisons in words: the groups after 'between' are no measures -------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("There was no significant difference between the usual care and coaching groups' scores on the final "
     "skills examination.", [("scores on the final skills examination", "no significant difference")]),
    ("We found no significant difference between the two arms in waist circumference or body weight.",
     [("waist circumference", "no significant difference"), ("body weight", "no significant difference")]),
    ("There was also no difference between study groups for any of the secondary outcomes.",
     [("secondary outcomes", "no difference")]),
    ("There were no significant differences between groups.",
     [("difference between groups", "no significant differences")]),
    ("In the per-protocol set, there were no differences in adherence across groups (p = 0.13).",
     [("adherence", "no differences")]),
])
def test_groups_after_between_are_not_measures(sentence, expected):
    assert [(m, v) for m, v, _, _ in read(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The differences between arms for nausea, vomiting and dizziness were not significant.",
     ["nausea", "vomiting", "dizziness"]),
    ("Differences between the groups in sleep onset and sleep duration were not significant (p = 0.4).",
     ["sleep onset", "sleep duration"]),
])
def test_difference_between_groups_for_a_list(sentence, expected):
    assert [m for m, *_ in read(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("At six months, the coaching group showed statistically and clinically greater improvements in fatigue "
     "and mood.", [("fatigue", "statistically and clinically greater improvements"),
                   ("mood", "statistically and clinically greater improvements")]),
    ("Participants in the walking arm had a larger reduction in knee pain at week 8.",
     [("knee pain", "a larger reduction")]),
])
def test_greater_change_in_words(sentence, expected):
    assert [(m, v) for m, v, _, _ in read(sentence)] == expected


# -- names that hold an 'and' -------------------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("There were no significant differences between the arms in the Hospital Anxiety and Depression Scale or "
     "in grip strength.", ["Hospital Anxiety and Depression Scale", "grip strength"]),
    ("Anxiety and depression scale scores did not differ between groups.", ["Anxiety and depression scale score"]),
    ("We saw no differences between groups for Emotional and Social Experience in School or for fatigue.",
     ["Emotional and Social Experience in School", "fatigue"]),
])
def test_a_name_holding_and_is_one_measure(sentence, expected):
    assert [m for m, *_ in read(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Pain and Physical Function did not differ between groups.", ["Pain", "Physical Function"]),
    ("HbA1c and LDL Cholesterol did not change significantly.", ["HbA1c", "LDL Cholesterol"]),
    ("Anxiety and depression scores did not differ between groups.", ["Anxiety", "depression score"]),
])
def test_two_measures_joined_by_and_stay_two(sentence, expected):
    assert [m for m, *_ in read(sentence)] == expected


def test_evidence_spans_cover_their_findings(tmp_path):
    text, facts = facts_of(tmp_path, "Zinc lowered fasting glucose by 2.1% and insulin by 4.4% but these changes "
                                     "were not significant (P = .612 and .145, respectively). Itch improved more "
                                     "with the cream than with the ointment (itch, P = 0.01; redness, P = 0.03).")
    assert len(facts) == 4
    quotes = [text[ev.start:ev.end] for f in facts for ev in f.evidence]
    assert quotes[1].startswith("4.4%") and quotes[1].endswith(".145") and quotes[3] == "redness, P = 0.03"
    assert all(f.fields["p_text"] in text[f.evidence[0].start:f.evidence[0].end + 30] for f in facts)


# -- changes of several groups in one sentence --------------------------------------------------
@pytest.mark.parametrize("body, expected", [
    ("Body fat fell from 31.2% to 28.4% (p < 0.001) in the diet group and from 30.8% to 29.9% (p = 0.04) in the "
     "control group.", [("28.4", "31.2", "diet group"), ("29.9", "30.8", "control group")]),
    ("Mean HbA1c decreased from 8.1% to 7.2% in the insulin arm, from 8.0% to 7.6% in the tablet arm and from "
     "8.2% to 8.1% in the control arm.",
     [("7.2", "8.1", "insulin arm"), ("7.6", "8.0", "tablet arm"), ("8.1", "8.2", "control arm")]),
])
def test_each_groups_change_is_its_own_within_group_finding(tmp_path, body, expected):
    _, facts = facts_of(tmp_path, body)
    assert [(f.fields["value"], f.fields["numeric_comparator_value"] and f.fields["comparator_value"].rstrip("%"),
             f.fields.get("group")) for f in facts] == expected
    assert {f.fields.get("comparison") for f in facts} == {"within_group"}


def test_a_change_without_a_group_is_not_called_within_group(tmp_path):
    _, facts = facts_of(tmp_path, "Weight decreased from 82 kg to 79 kg (p = 0.01).")
    assert len(facts) == 1 and facts[0].fields.get("comparison") is None


# -- groups as the subject of a comparison ------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Both the yoga group and the stretching group were significantly better than the control group in balance.",
     [("balance", "significantly better")]),
    ("The exercise arm and the diet arm scored significantly higher than usual care on the mobility scale "
     "(p = 0.01).", [("mobility scale", "significantly higher")]),
    ("Mortality in the treated group was significantly lower than in the control group.",
     [("Mortality", "significantly lower")]),
])
def test_groups_compared_are_no_measure(sentence, expected):
    assert [(m, v) for m, v, _, _ in read(sentence)] == expected


# -- a change named by its noun, its size after 'of', an estimate beside it ---------------------
@pytest.mark.parametrize("sentence, measure, size", [
    ("The programme was associated with a reduction in the incidence of falls of 31% among residents "
     "(IRR = 0.69, 95% CI: 0.52–0.91, p = 0.008).", "incidence of falls", "31%"),
    ("The filter was associated with reductions in the longitudinal prevalence of cough of 40% among children "
     "(LPR = 0.60, 95% CI: 0.41–0.88, p = 0.01).", "longitudinal prevalence of cough", "40%"),
])
def test_noun_change_of_a_size_with_its_estimate(sentence, measure, size):
    got = read(sentence)
    assert got[0][:2] == (measure, size)
    assert len(got) == 2 and got[1][0].startswith(measure)


# -- result tables: p-value headers of many forms, grouped rows, named comparisons -------------
def table_results(tmp_path: Path, table: str) -> list[dict]:
    text, facts = facts_of(tmp_path, "Hand function improved in both arms.\n\n" + table)
    rows = [f for f in facts if f.rule == "result.table_row"]
    for f in rows:
        for ev in f.evidence:
            assert ev.start < ev.end <= len(text)
    return [f.fields for f in rows]


@pytest.mark.parametrize("p_head", ["Sig.", "*p-value", "p-value2", "P value (95% CI)"])
def test_p_columns_under_other_headers(tmp_path, p_head):
    got = table_results(tmp_path, "Table 2 Outcomes after eight weeks\n\n"
                                  f"Measure\tBrace (n = 20)\tSling (n = 22)\t{p_head}\n"
                                  "Grip strength (kg)\t24.1 ± 5.2\t21.0 ± 6.3\t0.04\n"
                                  "Pinch strength (kg)\t6.2 ± 1.1\t6.0 ± 1.4\t.52\n")
    assert [(r["measure"], r["value"], r["comparator_value"], r["p_value"]) for r in got] == [
        ("Grip strength (kg)", "24.1 ± 5.2", "21.0 ± 6.3", 0.04),
        ("Pinch strength (kg)", "6.2 ± 1.1", "6.0 ± 1.4", 0.52)]


@pytest.mark.parametrize("p_head", ["", " "])
def test_a_p_column_without_a_header_is_found_by_its_cells(tmp_path, p_head):
    got = table_results(tmp_path, "Table 3 Outcomes after eight weeks\n\n"
                                  f"Measure\tBrace\tSling\tDifference\t{p_head}\n"
                                  "Grip strength (kg)\t24.1\t21.0\t3.1\t0.04\n"
                                  "Pinch strength (kg)\t6.2\t6.0\t0.2\t0.52\n"
                                  "Pain (VAS)\t2.2\t3.9\t-1.7\t<0.001\n")
    assert [(r["value"], r["comparator_value"], r["p_value"]) for r in got] == [
        ("24.1", "21.0", 0.04), ("6.2", "6.0", 0.52), ("2.2", "3.9", 0.001)]


def test_a_last_column_of_numbers_that_are_no_p_values_is_no_p_column(tmp_path):
    assert not table_results(tmp_path, "Table 3 Outcomes after eight weeks\n\n"
                                       "Measure\tBrace\tSling\t\n"
                                       "Grip strength (kg)\t24.1\t21.0\t31\n"
                                       "Pinch strength (kg)\t6.2\t6.0\t27\n")


@pytest.mark.parametrize("p_head, later", [("P value (Bs–12 wk)", "12 weeks"), ("P (baseline vs week 12)", "Week 12")])
def test_grouped_rows_with_a_p_naming_two_time_points_are_within_group(tmp_path, p_head, later):
    got = table_results(tmp_path, "Table 2 Hand function over time\n\n"
                                  f"Variable\tBaseline (Bs)\t6 weeks\t{later}\tChange\t{p_head}\n"
                                  "Grip strength (kg)\t\t\t\t\t\n"
                                  "Brace group\t20.2 ± 4.0\t22.5 ± 4.1\t24.1 ± 5.2\t3.9 ± 2.0\t0.001\n"
                                  "Sling group\t20.9 ± 4.4\t21.1 ± 4.0\t21.0 ± 6.3\t0.1 ± 2.2\t0.81\n")
    assert [(r["measure"], r["value"], r["comparator_value"], r["p_value"], r["comparison"], r["group"])
            for r in got] == [
        ("Grip strength (kg)", "24.1 ± 5.2", "20.2 ± 4.0", 0.001, "within_group", "Brace group"),
        ("Grip strength (kg)", "21.0 ± 6.3", "20.9 ± 4.4", 0.81, "within_group", "Sling group")]


@pytest.mark.parametrize("sentence, expected", [
    ("Circulating irisin increased significantly in simvastatin-treated but not in ezetimibe-treated subjects.",
     [("Circulating irisin", "increased significantly")]),
    ("Serum ferritin decreased significantly in the iron group.", [("Serum ferritin", "decreased significantly")]),
    ("Patients improved significantly in pain and in function.",
     [("pain", "improved significantly"), ("function", "improved significantly")]),
])
def test_where_a_change_happened_is_no_measure(sentence, expected):
    assert [(m, v) for m, v, _, _ in read(sentence)] == expected


@pytest.mark.parametrize("sentence", ["There was no change in the HRV of the yoga and walking groups.",
                                      "No significant change was seen in HRV of the yoga and walking arms."])
def test_groups_coordinated_after_a_measure_stay_out_of_it(sentence):
    assert [m for m, *_ in read(sentence)] == ["HRV"]


# -- values labelled inside one bracket ---------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Scores for each item were compared between the two groups (pain: 2 vs. 3 p = 0.4; itch: 1 vs. 1 p = 0.9).",
     [("pain", "2", "3"), ("itch", "1", "1")]),
    ("The drug significantly decreased TNF levels in synovial tissue (total: 100 ± 6 vs 60 ± 16; free: "
     "100 ± 8 vs 48 ± 16).",
     [("total TNF levels in synovial tissue", "100 ± 6", "60"),
      ("free TNF levels in synovial tissue", "100 ± 8", "48")]),
])
def test_labelled_values_in_one_bracket(sentence, expected):
    assert [(m, v, c) for m, v, c, _ in read(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Both teams did equally well on the easy case [Team A vs. Team B—time sec: 445 vs. 496 p = 0.64—errors: 4 vs. "
     "3 p = 0.88].", [("time sec", "445", "496"), ("errors", "4", "3")]),
    ("Significantly greater energy (mean (SD) 1712 (511) calories vs. 1130 (601) calories, p < 0.0001) was "
     "delivered to the feeding group.", [("energy", "1712 (511)", "1130")]),
])
def test_labelled_values_after_dashes_and_comparatives_before_a_measure(sentence, expected):
    assert [(m, v, c) for m, v, c, _ in read(sentence)] == expected


# -- what is no finding of the trial: the groups at baseline, other studies ----------------------
@pytest.mark.parametrize("body", [
    "At baseline, female sex was associated with higher adherence (r = .31, P < .001).",
    "Baseline fatigue in the control group (mean: 6.1) was not significantly different from that in the yoga "
    "group (5.8) (P = 0.62).",
    "The two arms did not differ in sex, age, education or smoking status.",
    "The yoga group contained a significantly greater proportion of women than the control group.",
])
def test_the_groups_at_baseline_are_no_finding(tmp_path, body):
    assert facts_of(tmp_path, body)[1] == []


def test_a_change_from_baseline_is_a_finding(tmp_path):
    _, facts = facts_of(tmp_path, "Baseline fatigue fell from 6.1 to 4.2 in the yoga group (P = 0.01).")
    assert [(f.fields["value"], f.fields["p_value"]) for f in facts] == [("4.2", 0.01)]


@pytest.mark.parametrize("sentence", [
    "He observed a significant decrease in these receptors when the drug was given for two weeks.",
    "This rebound after stopping the drug is similar to the results of the ALPHA 2 trial of a related agent.",
])
def test_findings_of_other_studies_in_a_discussion_are_not_this_trials(tmp_path, sentence):
    path = tmp_path / "paper.txt"
    path.write_text(f"{TITLE}\n\nResults\n\nPain fell by 20% (p = 0.01).\n\nDiscussion\n\n{sentence}\n",
                    encoding="utf-8")
    from kg.readers import read as read_document
    document = read_document(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    results = [f for f in ctx.facts if f.kind == "result"]
    assert [f.fields["value"] for f in results] == ["20%"]


@pytest.mark.parametrize("sentence, expected", [
    ("A gel of chitosan and allantoin did not aid in patients' postoperative comfort.",
     [("postoperative comfort", "did not aid")]),
    ("Plasma leptin decreased significantly in metformin-treated but not in placebo-treated volunteers.",
     [("Plasma leptin", "decreased significantly")]),
])
def test_the_object_is_the_measure_unless_it_names_a_population(sentence, expected):
    assert [(m, v) for m, v, _, _ in read(sentence)] == expected


@pytest.mark.parametrize("text, measure", [
    ("Group differences were small — NLR: 2.1 vs. 2.4 p = 0.3", "NLR"),
    ("Secondary outcomes; sleep latency: 22 vs. 31 min p = 0.04", "sleep latency"),
])
def test_a_label_with_a_colon_names_the_values_after_it(text, measure):
    assert [m for m, *_ in read(text)] == [measure]


@pytest.mark.parametrize("body, comparison", [
    ("There was no significant change in the number of flares before and after treatment in the cream group "
     "(2.1 ± 0.9 to 1.8 ± 1.0, p = 0.41), and the between-group difference was significant (p = 0.003).",
     "within_group"),
    ("In the diet group, waist circumference did not change significantly before and after the programme "
     "(p = 0.52), whereas the difference between the groups was significant (p = 0.01).", "within_group"),
])
def test_a_within_group_test_beside_a_between_group_one_is_said_to_be_within(tmp_path, body, comparison):
    _, facts = facts_of(tmp_path, body)
    first = min(facts, key=lambda f: f.evidence[0].start)
    assert first.fields.get("comparison") == comparison


def test_the_predicate_before_an_estimate_is_no_measure():
    got = read("The difference in parasite carriage between arms was statistically significant on Day 4 "
               "(OR = 0.1 95%CI 0.02–0.6), Day 7 (OR = 0.2 95%CI 0.04–0.9).")
    assert [m for m, *_ in got] == ["difference in parasite carriage (or)"] * 2


@pytest.mark.parametrize("sentence, measures", [
    ("Total cholesterol dropped in the garlic group by 26.8 mg/dl (P-value: .001.) Similarly, LDL-cholesterol was "
     "reduced in this group by 22.2 mg/dl (P-value: .002).", ["Total cholesterol", "LDL-cholesterol"]),
    ("Fasting glucose was lowered in the zinc arm by 0.4 mmol/l.", ["Fasting glucose"]),
])
def test_a_change_by_in_a_group_names_the_subject(sentence, measures):
    assert [m for m, *_ in read(sentence)] == measures


@pytest.mark.parametrize("entry", ["Trial entry", "Baseline"])
def test_time_point_rows_under_a_measure_and_no_entry_row(tmp_path, entry):
    got = table_results(tmp_path, "Table 4 Diet quality: between treatment group comparison\n\n"
                                  "Outcome\tTime point\tAdvice (n = 90)\tUsual care (n = 88)\tP\n"
                                  f"Fruit score\t{entry}\t4.50 (1.02)\t4.48 (1.03)\t0.57\n"
                                  "\t28 weeks\t4.63 (0.89)\t4.42 (1.11)\t0.001\n"
                                  "\t36 weeks\t4.58 (0.97)\t4.34 (1.18)\t<0.001\n")
    assert [(r["measure"], r["timepoint"], r["value"], r["comparator_value"], r["p_value"]) for r in got] == [
        ("Fruit", "28 weeks", "4.63 (0.89)", "4.42 (1.11)", 0.001),
        ("Fruit", "36 weeks", "4.58 (0.97)", "4.34 (1.18)", 0.001)]


def test_body_weight_and_bmi_are_outcomes_not_demographics():
    assert [m for m, *_ in read("There was no significant difference between the groups regarding body weight or "
                                "BMI.")] == ["body weight", "BMI"]


def test_a_section_heading_naming_baseline_does_not_hide_its_findings(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(f"{TITLE}\n\nResults\n\nSerum vitamin D at baseline and during follow-up\n\nThe high dose gave "
                    "significantly higher serum vitamin D levels than the low dose (P < 0.001).\n", encoding="utf-8")
    from kg.readers import read as read_document
    document = read_document(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    assert [f.fields["p_value"] for f in ctx.facts if f.kind == "result"] == [0.001]


@pytest.mark.parametrize("sentence", [
    "There was a significant time effect for calf and thigh girth (p < 0.05), which increased from pre to post "
    "training in both conditions, with no differences between conditions.",
    "Grip strength rose over time (p < 0.01) in both the soy and whey arms, with no differences between arms.",
])
def test_with_no_differences_between_takes_no_earlier_subject_or_p(sentence):
    got = [x for x in read(sentence) if x[1] == "no differences"]
    assert len(got) == 1 and got[0][3] is None  # the time effect's p-value is not this finding's
    assert got[0][0] in ("difference between conditions", "Grip strength")
