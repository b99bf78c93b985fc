"""Findings written in words, without numbers: classes of phrasing seen in trial papers
(the Evidence Inference train split), each tested on sentences written for these tests in
two phrasings or more, with what must not be read as a finding beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.results import read_sentence
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read

TITLE = "A short article written for the tests of findings in words, on a made-up randomised trial"


def findings(sentence: str) -> set[tuple[str, str]]:
    return {(f.measure, f.value) for f in read_sentence(sentence)}


def results_of(tmp_path: Path, body: str) -> tuple[str, list]:
    path = tmp_path / "snippet.txt"
    path.write_text(f"{TITLE}\n\nResults\n\n{body}\n", encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    return document.text, [f for f in ctx.facts if f.kind == "result"]


@pytest.mark.parametrize("sentence, expected", [
    ("Length of stay was not different between the arms.", {("Length of stay", "not different")}),
    ("Serum sodium was not statistically different across the three dose groups.",
     {("Serum sodium", "not statistically different")}),
])
def test_not_different_without_significantly(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The reduction in pain was marginally significant (p = 0.06).",
     {("reduction in pain", "marginally significant")}),
    ("The gain in grip strength was nearly statistically significant.",
     {("gain in grip strength", "nearly statistically significant")}),
    ("The effect on mood approached significance (p = 0.08).", {("effect on mood", "approached significance")}),
    ("The between-arm difference in sleep latency reached statistical significance at week 8.",
     {("between-arm difference in sleep latency", "reached statistical significance")}),
])
def test_hedged_or_reached_significance(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("No changes in blood pressure were seen during the study.", {("blood pressure", "No changes")}),
    ("No clinically relevant differences in heart rate or QT interval were found.",
     {("heart rate", "No clinically relevant differences"), ("QT interval", "No clinically relevant differences")}),
])
def test_no_change_named_before_the_verb(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Quality of life improved more in the yoga group than in the control group.",
     {("Quality of life", "improved more")}),
    ("Walking distance increased to a greater extent with exercise training than with usual care.",
     {("Walking distance", "increased to a greater extent")}),
])
def test_a_change_compared_in_words(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Acupuncture was superior to sham acupuncture for pain relief.", {("pain relief", "superior")}),
    ("Drug A was non-inferior to drug B in terms of viral clearance.", {("viral clearance", "non-inferior")}),
    ("Laser therapy was as effective as cryotherapy for wart clearance.", {("wart clearance", "as effective")}),
])
def test_superior_non_inferior_or_as_effective_for_a_measure(sentence, expected):
    assert findings(sentence) == expected


def test_superior_for_a_group_of_patients_names_no_measure():
    assert read_sentence("Drug A was superior to drug B in patients with severe disease.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Both groups had similar hospital stays.", {("hospital stays", "similar")}),
    ("Dexamethasone and saline produced similar rates of postoperative nausea.",
     {("rates of postoperative nausea", "similar")}),
    ("Similar rates of wound infection were observed in both arms.", {("rates of wound infection", "Similar")}),
])
def test_similar_rates_or_values_as_the_object(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Both groups had similar body weight at baseline.",
    "The groups were similar in age, sex and body weight.",
])
def test_groups_alike_before_treatment_are_no_finding(sentence):
    assert read_sentence(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("The groups were similar with respect to postoperative nausea.", {("postoperative nausea", "similar")}),
    ("The two arms were comparable in terms of blood loss and operating time.",
     {("blood loss", "comparable"), ("operating time", "comparable")}),
])
def test_groups_alike_in_a_measure(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The exercise group reported less fatigue than the control group.", {("fatigue", "less")}),
    ("Children in the zinc group had fewer episodes of diarrhoea than those in the placebo group.",
     {("episodes of diarrhoea", "fewer")}),
    ("Patients in the A group showed a higher rate of healing than those in the B group.",
     {("rate of healing", "higher")}),
])
def test_a_comparative_object_compared_with_another_group(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("There was a trend towards lower pain scores in the ketamine group.", {("pain score", "trend towards lower")}),
    ("Sleep quality showed a trend toward an improvement with melatonin.",
     {("Sleep quality", "trend toward an improvement")}),
    ("There was a tendency for the risk of relapse to be lower in the treated arm.",
     {("risk of relapse", "trend towards lower")}),
    ("Pain scores tended to be lower in the ketamine group.", {("Pain score", "tended to be lower")}),
    ("Ketamine tended to reduce pain scores, but the difference was not significant.",
     {("pain score", "tended to reduce; not significant")}),
])
def test_trends(sentence, expected):
    assert findings(sentence) == expected


def test_a_trend_keeps_its_p_value():
    (f,) = read_sentence("Pain scores tended to be lower in the ketamine group (p = 0.07).")
    assert f.measure == "Pain score" and f.p is not None and f.p.fields["p"] == 0.07


@pytest.mark.parametrize("sentence, expected", [
    ("Neither depression nor anxiety differed between groups.",
     {("depression", "not differed"), ("anxiety", "not differed")}),
    ("Postoperative nausea occurred less often in the dexamethasone group than in the saline group.",
     {("Postoperative nausea", "less often")}),
    ("Wheezing was observed more frequently with the nebuliser.", {("Wheezing", "more frequently")}),
    ("Pain relief was at all time points similar among the groups.", {("Pain relief", "similar")}),
    ("The primary outcome significantly favoured the exercise arm.",
     {("primary outcome", "significantly favoured the exercise arm")}),
])
def test_other_verbs_of_a_difference(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Both groups improved in walking speed; the groups did not differ.", {("walking speed", "improved")}),
    ("All three groups deteriorated on the memory subscale.", {("memory subscale", "deteriorated")}),
])
def test_groups_that_changed_in_a_measure(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Compared with usual care, the intervention reduced emergency visits.", {("emergency visits", "reduced")}),
    ("The new protocol shortened the time to recovery relative to standard care.",
     {("time to recovery", "shortened")}),
])
def test_a_treatment_that_changed_its_object_against_a_comparator(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The new protocol shortened the time to recovery.",  # a claim with no comparison written
    "Smokers had an increased risk of stroke compared with non-smokers.",  # 'increased' modifies 'risk'
])
def test_a_verb_without_a_comparison_or_as_a_modifier_is_no_finding(sentence):
    assert read_sentence(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Significant difference in the proportion of healed ulcers between the two dressings (Figure 2).",
     {("proportion of healed ulcers", "Significant difference")}),
    ("The costs of care are listed in Table 4, and were not significantly different between the arms.",
     {("costs of care", "not significantly different")}),
    ("Hospital readmissions are shown in Figure 2 and were similar in both groups.",
     {("Hospital readmissions", "similar")}),
])
def test_a_finding_without_its_own_verb_or_subject(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("body, follow_up, p", [
    ("Median time to healing was 12 days in the dressing group and 15 days in the control group. "
     "This difference was not significant (p = 0.31).", "This difference was not significant (p = 0.31)", 0.31),
    ("Mean blood loss was 310 ml with the new technique and 420 ml with the old one. "
     "However, the difference did not reach statistical significance.",
     "However, the difference did not reach statistical significance", None),
])
def test_a_follow_up_sentence_qualifies_the_finding_before_it(tmp_path, body, follow_up, p):
    text, facts = results_of(tmp_path, body)
    (f,) = facts
    assert [text[e.start:e.end] for e in f.evidence][1:] == [follow_up]
    assert f.fields["p_value"] == p


def test_a_follow_up_qualifies_every_finding_of_a_plural_subject(tmp_path):
    text, facts = results_of(tmp_path, "Pain scores were 3.1 in group A and 4.2 in group B, and walking distance was "
                                       "300 m versus 280 m. These differences were not significant (p = 0.2).")
    assert len(facts) == 2 and all(f.fields["p_value"] == 0.2 and len(f.evidence) == 2 for f in facts)


def test_a_new_paragraph_is_no_follow_up(tmp_path):
    text, facts = results_of(tmp_path, "Median time to healing was 12 days in the dressing group and 15 days in "
                                       "the control group.\n\nThis difference was not significant (p = 0.31).")
    (f,) = facts
    assert len(f.evidence) == 1 and f.fields["p_value"] is None


@pytest.mark.parametrize("claim", [
    "Compared with usual care, the intervention reduced emergency visits.",
    "There was a trend towards lower pain scores in the ketamine group.",
])
def test_a_claim_in_words_is_read_in_results_but_not_where_the_paper_restates_them(tmp_path, claim):
    path = tmp_path / "paper.txt"
    path.write_text(f"{TITLE}\n\nResults\n\n{claim}\n\nConclusions\n\n{claim}\n", encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    starts = [f.evidence[0].start for f in ctx.facts if f.kind == "result"]
    conclusions = document.text.index("Conclusions")
    assert starts and all(s < conclusions for s in starts)


@pytest.mark.parametrize("sentence, expected", [
    ("Although exercise significantly increased muscle strength (P < 0.001), body weight did not differ between "
     "the two visits (P = 0.19).",
     {("muscle strength", "significantly increased", 0.001), ("body weight", "did not differ", 0.19)}),
    ("Although the cream significantly reduced itching (p = 0.002), redness did not change (p = 0.4).",
     {("itching", "significantly reduced", 0.002), ("redness", "did not change", 0.4)}),
])
def test_each_clause_keeps_its_own_measure_and_p_value(sentence, expected):
    assert {(f.measure, f.value, f.p.fields["p"]) for f in read_sentence(sentence)} == expected


@pytest.mark.parametrize("sentence", [
    "Baseline demographic characteristics showed no difference in terms of age, sex and body mass index between "
    "the groups.",
    "At randomisation there were no differences in age, weight or disease duration between the arms.",
])
def test_groups_compared_before_treatment_are_no_finding(sentence):
    assert read_sentence(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Changes from baseline in fatigue did not differ between the arms.",
    "Compared with baseline, fatigue was lower in both arms.",
])
def test_a_change_from_baseline_is_a_finding(sentence):
    assert len(read_sentence(sentence)) == 1


@pytest.mark.parametrize("sentence, expected", [
    ("Compared with the control group, the pain scores were lower (P < 0.001), the analgesic doses were lower, "
     "and the stay was shorter.", {("pain score", "lower"), ("analgesic doses", "lower"), ("stay", "shorter")}),
    ("Relative to placebo, wheeze was less, and night waking was fewer.", {("wheeze", "less"),
                                                                         ("night waking", "fewer")}),
])
def test_comparatives_listed_after_one_named_comparison(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The overall incidence of wound infection was 12.5% (5/40).", {("incidence of wound infection", "12.5%")}),
    ("The overall response rate was 61% (22/36) in the combination arm.", {("response rate", "61%")}),
    ("Total bilirubin levels were 24% lower than at the start of treatment.",
     {("Total bilirubin levels", "24% lower")}),
    ("Serum ferritin was 18% higher than in the control group.", {("Serum ferritin", "18% higher")}),
])
def test_one_value_with_its_count_or_its_comparison(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("In contrast to placebo, modafinil increased alertness.", {("alertness", "increased")}),
    ("Only modafinil reduced appetite.", {("appetite", "reduced")}),
])
def test_a_treatment_that_changed_its_object_against_a_comparison_in_other_words(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence, value, comparator", [
    ("In the severe subgroup (n = 16), the gel gave a lower rate of scarring compared to vehicle "
     "(40% vs. 83%, p = 0.15).", "40%", "83"),
    ("Among smokers (n = 52), relapse was 30% with the patch and 45% with placebo.", "30%", "45"),
])
def test_the_size_of_a_group_is_no_value(sentence, value, comparator):
    (f,) = read_sentence(sentence)
    assert (f.value, f.comparator) == (value, comparator)


@pytest.mark.parametrize("sentence, expected", [
    ("Stool calprotectin increased significantly in Group B (p = 0.002), but there was no change in Group C "
     "(p = 1.0), and the between-group difference was significant (p = 0.003).",
     {("Stool calprotectin", 0.002), ("Stool calprotectin", 0.003)}),
    ("Itching fell significantly in Arm 1 (p = 0.01), redness was unchanged in Arm 2 (p = 0.8), and the difference "
     "between arms was significant (p = 0.04).", {("Itching", 0.01), ("difference between arms", 0.04)}),
])
def test_a_clause_after_a_bracket_of_statistics_keeps_its_own_p_value(sentence, expected):
    got = {(f.measure, f.p.fields["p"]) for f in read_sentence(sentence) if f.p is not None}
    assert expected <= got and not any(m == "Group B" or m == "Arm 1" for m, _ in got)


@pytest.mark.parametrize("sentence", [
    "The differences between arms for bloating and flatulence were not significant at the p < .05 level.",
    "Sleep scores did not differ between the arms at the P < 0.05 level.",
])
def test_the_threshold_of_the_tests_is_no_p_value(sentence):
    found = read_sentence(sentence)
    assert found and all(f.p is None for f in found)


@pytest.mark.parametrize("sentence, value, comparator, p", [
    ("At the end of the study, the average lengths of stay were 4.8 days and 4.4 days in the two groups "
     "(P = 0.489).", "4.8 days", "4.4", 0.489),
    ("Mean scores were 12 and 15 in groups A and B (p = 0.2).", "12", "15", 0.2),
])
def test_two_values_assigned_to_the_groups_together(sentence, value, comparator, p):
    (f,) = read_sentence(sentence)
    assert (f.value, f.comparator, f.p.fields["p"]) == (value, comparator, p)


def test_borderline_significance_of_each_listed_measure_keeps_its_p_value():
    found = read_sentence("Patients given the probiotic experienced borderline statistically significant improvement "
                          "in the pain score (P = .052) and statistically significant improvement in mobility "
                          "(P = .046) vs placebo.")
    assert {(f.measure, f.p.fields["p"]) for f in found} == {("pain score", 0.052), ("mobility", 0.046)}


@pytest.mark.parametrize("sentence, measure, p", [
    ("HDL cholesterol increased significantly in the fibre group, suggesting a protective effect (p = 0.024).",
     "HDL cholesterol", 0.024),
    ("Serum urate fell significantly in the low-dose arm, indicating a dose effect (P = 0.01).", "Serum urate", 0.01),
])
def test_the_group_after_a_change_is_no_object_and_a_comment_keeps_the_p_value(sentence, measure, p):
    (f,) = read_sentence(sentence)
    assert (f.measure, f.p.fields["p"]) == (measure, p)


@pytest.mark.parametrize("sentence, expected", [
    ("Ferritin, hepcidin and transferrin levels were decreased in the iron group (-64%, -37% and -46%, "
     "respectively, compared with baseline).",
     {("Ferritin", "-64%"), ("hepcidin", "-37%"), ("transferrin level", "-46%")}),
    ("Serum urea and creatinine were 6.1 and 88, respectively, in the treated arm.",
     {("Serum urea", "6.1"), ("creatinine", "88")}),
])
def test_as_many_values_as_measures_respectively_one_finding_each(sentence, expected):
    assert findings(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Remission rates with drug A and drug B were 40% and 22%, respectively (p = 0.03).",
    "Remission rates in the placebo and active groups were 40% and 22%, respectively.",
])
def test_values_of_the_groups_respectively_stay_one_comparison(sentence):
    (f,) = read_sentence(sentence)
    assert (f.measure, f.value, f.comparator) == ("Remission rates", "40%", "22")
