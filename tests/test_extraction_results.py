"""Results and the mention layer, on sentences written for these tests (two phrasings or more
per class of statement), read sentence by sentence and through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.mentions import find, signed_number, values
from kg.extract.results import read_sentence
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read

TITLE = "A short article written for the result tests of kg, on a made-up randomised trial"


def results_of(tmp_path: Path, body: str, section: str = "Results") -> list[dict]:
    path = tmp_path / "snippet.txt"
    path.write_text(f"{TITLE}\n\n{section}\n\n{body}\n", encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    out = []
    for f in ctx.facts:
        if f.kind == "result":
            for ev in f.evidence:
                assert document.text[ev.start:ev.end].strip() == document.text[ev.start:ev.end]
            out.append(f.fields)
    return out


def by_value(found, value: str):
    hits = [f for f in found if f.value == value]
    assert len(hits) == 1, [(f.measure, f.value) for f in found]
    return hits[0]


# -- the mention layer -------------------------------------------------------------------
@pytest.mark.parametrize("text, p, relation", [
    ("the difference was small (P < 0.05)", 0.05, "<"),
    ("arms differed, p=0·0499, at week 4", 0.0499, "="),
    ("it fell (P = .03) in both", 0.03, "="),
    ("with a p-value of 0.21 for the trend", 0.21, "="),
    ('reported as "P<0.001" in the table', 0.001, "<"),
    ("no change (P > 0.05) was seen", 0.05, ">"),
    ("levels rose (p ≤ 0.01)", 0.01, "<="),
    ("a strong association (P = 2.3 × 10−6)", 2.3e-6, "="),
    ("p-value= 0.131 for the first arm", 0.131, "="),
])
def test_p_values_in_every_written_form(text, p, relation):
    (m,) = find(text, "p_value")
    assert m.fields["p"] == pytest.approx(p) and m.fields["relation"] == relation


@pytest.mark.parametrize("text", ["the two arms did not differ (NS)", "rates were similar (P = n.s.)"])
def test_not_significant_without_a_number(text):
    (m,) = find(text, "p_value")
    assert m.fields["ns"] is True and m.fields["p"] is None


@pytest.mark.parametrize("text, low, high", [
    ("mean difference -1.9 (95% CI -3.10 to -0.72)", -3.10, -0.72),
    ("odds ratio 2.1; 95% CI: 1.2–3.4", 1.2, 3.4),
    ("hazard ratio 0·74 (95% confidence interval 0·60–0·91)", 0.60, 0.91),
    ("risk ratio 1.30 (90% CI, 0.95 to 1.77)", 0.95, 1.77),
])
def test_confidence_intervals(text, low, high):
    (m,) = find(text, "ci")
    assert (m.fields["low"], m.fields["high"]) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text, low, high", [
    ("a gain of 4.2 kg [CI 1.1 to 7.3] over the year", 1.1, 7.3),
    ("the change was -0.8 mmol/l (CI -1.4 to -0.2; p = 0.01)", -1.4, -0.2),
    ("plasma levels rose by 12 ng/ml, CI 3-21, p = 0.02", 3, 21),
    ("a relative fall of 31% [CrI 12 to 47%] in events", 12, 47),
])
def test_confidence_intervals_without_their_level(text, low, high):
    """'CI' alone, right after a bracket or a comma, opens an interval as '95% CI' does."""
    (m,) = find(text, "ci")
    assert (m.fields["low"], m.fields["high"]) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text", ["cardiac index (CI) was measured by thermodilution",
                                  "the CI rose to 2.9 l/min/m2 after surgery"])
def test_a_bare_ci_that_opens_no_interval(text):
    assert find(text, "ci") == []


def test_values_with_an_interval_without_its_level(tmp_path):
    """The value keeps its interval up to the closing bracket, its unit included."""
    found = results_of(tmp_path, "Drug A raised the fraction of responders (7.5% [CI 1.2 to 13.8%]; p = 0.02) and "
                                 "the urinary sodium excretion (18.4% [CI 2.9 to 33.9%]; p = 0.04) against placebo.")
    by = {f["measure"]: f for f in found}
    assert by["fraction of responders"]["value"] == "7.5% [CI 1.2 to 13.8%]"
    assert (by["urinary sodium excretion"]["ci_low"], by["urinary sodium excretion"]["ci_high"]) == (2.9, 33.9)


@pytest.mark.parametrize("text, unit", [
    ("clearance was 58 mL/min/1.73 m2 at week 12", "mL/min/1.73 m2"),
    ("a velocity of 7.4 m/s in the carotid", "m/s"),
    ("intake rose to 2,150 kcal/day on the diet", "kcal/day"),
    ("activity of 2.6 ng/ml/h after the drug", "ng/ml/h"),
    ("an HbA1c of 53 mmol/mol at the end", "mmol/mol"),
])
def test_compound_units_stay_with_their_value(text, unit):
    """Units written as a quotient of several units (clearance, velocity, energy, renin activity)."""
    assert unit in [m.fields.get("unit") for m in find(text, "value")]


def test_bracketed_interval_and_unicode_minus():
    (m,) = find("the ratio was 0.66 [0.41, 0.93] overall", "bracket_ci")
    assert (m.fields["low"], m.fields["high"]) == (0.41, 0.93)
    assert signed_number("−4.25") == -4.25 and signed_number("1,250") == 1250 and signed_number("0·5") == 0.5


@pytest.mark.parametrize("text, kind, value", [
    ("adjusted HR 0.58 (95% CI 0.40-0.84)", "HR", 0.58),
    ("the odds ratio of remission was 3.05", "odds ratio", 3.05),
    ("β = −0.21, P = 0.004", "β", -0.21),
    ("a between-group difference of −6.4 points", "between-group difference", -6.4),
])
def test_effect_estimates(text, kind, value):
    (m,) = find(text, "estimate")
    assert m.fields["estimate"].endswith(kind) and m.fields["value"] == pytest.approx(value)


@pytest.mark.parametrize("text, fields", [
    ("healed in 14/20 and 9/21 (week 12)", {"n": 14, "of": 20}),
    ("responders: 7 / 15 overall", {"n": 7, "of": 15}),
])
def test_fractions(text, fields):
    assert find(text, "fraction")[0].fields == fields


@pytest.mark.parametrize("text, low, high, unit", [
    ("ages ranged from 18–65 years", 18, 65, "years"),
    ("doses of 0.5 to 2.0 mg were given", 0.5, 2.0, "mg"),
])
def test_ranges(text, low, high, unit):
    (m,) = find(text, "range")
    assert (m.fields["low"], m.fields["high"], m.fields["unit"]) == (low, high, unit)


@pytest.mark.parametrize("text, when", [
    ("assessed at week 12 and", "at week 12"),
    ("after 6 months of treatment, the", "after 6 months of treatment"),
])
def test_time_points(text, when):
    assert find(text, "time")[0].text == when


def test_values_leave_out_names_and_keep_signs_and_sds():
    vals = values("IL-6 and CD4 counts and FEV1 changed by −12.5 ± 3.1 mg/dL in 1,204 patients")
    assert [(v.fields["value"], v.fields["sd"], v.fields["unit"]) for v in vals] == [
        (-12.5, 3.1, "mg/dL"), (1204.0, None, "patients")]


# -- comparisons --------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, value, comparator, p", [
    ("Remission occurred in 48% and 27% of the active and control groups, respectively (P = 0.002).",
     "48%", 27.0, 0.002),
    ("The rates of healing at week 12 were 61.2% and 40.5%, respectively, for the gel and vehicle arms.",
     "61.2%", 40.5, None),
])
def test_values_in_order_with_respectively(sentence, value, comparator, p):
    f = by_value(read_sentence(sentence), value)
    assert signed_number(f.comparator) == comparator
    assert (f.p.fields["p"] if f.p else None) == (pytest.approx(p) if p else None)


@pytest.mark.parametrize("sentence, value, comparator", [
    ("Sustained response was seen in 72% of patients given the vaccine versus 58% of those given saline.",
     "72%", 58.0),
    ("Wound closure was complete in 81.5% with the dressing compared to 66.0% with gauze (p = 0.01).",
     "81.5%", 66.0),
])
def test_percent_of_one_group_versus_another(sentence, value, comparator):
    f = by_value(read_sentence(sentence), value)
    assert signed_number(f.comparator) == comparator


@pytest.mark.parametrize("sentence, value, comparator", [
    ("Pain scores were lower in group A (3.1 ± 1.2) than in group B (4.6 ± 1.5) at discharge (P < 0.01).",
     "3.1 ± 1.2", 4.6),
    ("Length of stay was shorter in the early-feeding arm (6.2 ± 2.0 days) compared with the standard arm "
     "(8.4 ± 3.1 days).", "6.2 ± 2.0 days", 8.4),
])
def test_values_after_group_names(sentence, value, comparator):
    f = by_value(read_sentence(sentence), value)
    assert signed_number(f.comparator) == comparator


@pytest.mark.parametrize("sentence, value, comparator", [
    ("Relapse occurred in 12 (10%) of 120 treated and 25 (21%) of 118 placebo-treated patients.",
     "12 (10%) of 120", 25.0),
    ("Overall, 40 (80%) patients in the statin group and 31 (62%) patients in the control group reached target.",
     "40 (80%)", 31.0),
])
def test_counts_with_percentages_of_two_groups(sentence, value, comparator):
    f = by_value(read_sentence(sentence), value)
    assert signed_number(f.comparator) == comparator


@pytest.mark.parametrize("sentence, value, comparator, p", [
    ("Discharge rates were 64% and 59% (p = 0.4) for the nurse-led group and usual-care group.", "64%", 59.0, 0.4),
    ("Opioid use was 12.1 ± 4.0 mg in the block group and 19.8 ± 6.3 mg in the control group (P = 0.001).",
     "12.1 ± 4.0 mg", 19.8, 0.001),
])
def test_two_group_values_joined_by_and(sentence, value, comparator, p):
    f = by_value(read_sentence(sentence), value)
    assert signed_number(f.comparator) == comparator and f.p.fields["p"] == pytest.approx(p)


def test_a_chain_of_comparisons_is_read_against_its_first_value():
    found = read_sentence("Titres (control vs low vs high dose) were 100 ± 5 vs 71 ± 9 vs 64 ± 12, respectively.")
    assert {(f.value, f.comparator) for f in found} == {("71 ± 9", "100"), ("64 ± 12", "100")}


# -- changes ------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, value, comparator", [
    ("Mean systolic pressure fell from 151.3 to 138.9 mmHg after eight weeks (P < 0.001).", "138.9", 151.3),
    ("The median score improved from 42 at baseline to 30 at month 6.", "30", 42.0),
])
def test_from_x_to_y(sentence, value, comparator):
    f = by_value(read_sentence(sentence), value)
    assert signed_number(f.comparator) == comparator


@pytest.mark.parametrize("sentence, value, rule", [
    ("Daily step count increased to 7,450 steps in the walking group.", "7,450", "result.change_to"),
    ("Treatment reduced the number of night-time awakenings by 14% (p = 0.03).", "14%", "result.change_by"),
    ("Serum ferritin was lowered by 22.5 ng/mL in the iron arm.", "22.5 ng/mL", "result.change_by"),
    ("We observed a 9.3% increase in lean mass in the exercise group.", "9.3%", "result.change_noun"),
])
def test_change_by_to_and_nominal_change(sentence, value, rule):
    assert by_value(read_sentence(sentence), value).rule == rule


def test_what_changed_by_an_amount_is_the_object_of_the_verb():
    f = by_value(read_sentence("Both diets raised the LDL/HDL ratio by about 10% (P < 0.001)."), "10%")
    assert f.measure == "LDL/HDL ratio"


# -- estimates ----------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, value, low, p", [
    ("The adjusted mean change was −3.05, 95% CI −4.91 to −1.19, favouring the active arm.",
     "−3.05, 95% CI −4.91 to −1.19", -4.91, None),
    ("Compared with usual care, the intervention reduced HbA1c (−0.42 [95% CI −0.61 to −0.23]; P < 0.001).",
     "−0.42 [95% CI −0.61 to −0.23]", -0.61, 0.001),
])
def test_estimates_without_a_keyword(sentence, value, low, p):
    f = by_value(read_sentence(sentence), value)
    assert f.ci[0] == pytest.approx(low)
    assert (f.p.fields["p"] if f.p else None) == (pytest.approx(p) if p else None)


@pytest.mark.parametrize("sentence, value, p", [
    ("Fatigue was associated with sleep duration (β = 0.135, P = 0.039).", "0.135", 0.039),
    ("In the adjusted model, the hazard ratio for death was 0.71 (95% CI 0.55 to 0.92; p = 0.009).",
     "0.71 (95% CI 0.55 to 0.92", 0.009),
])
def test_estimates_with_a_keyword(sentence, value, p):
    f = [f for f in read_sentence(sentence) if f.rule == "result.estimate"][0]
    assert f.value.startswith(value) and f.p.fields["p"] == pytest.approx(p)


@pytest.mark.parametrize("sentence, value, low", [
    ("The relative risk of readmission with telemonitoring was 0.79 (0.61-1.02, P=.07) compared with usual care.",
     "0.79 (0.61-1.02", 0.61),
    ("The odds ratio for remission was 1.9 (1.1 to 3.2; p = 0.02).", "1.9 (1.1 to 3.2", 1.1),
])
def test_an_interval_in_the_bracket_of_its_p_value(sentence, value, low):
    (f,) = read_sentence(sentence)
    assert f.value == value and f.ci[0] == pytest.approx(low) and f.p is not None


def test_an_estimate_restating_a_comparison_is_one_finding():
    found = read_sentence("Exacerbation rates were 0.52 versus 0.81 per year (rate difference −0.29 "
                          "[95% CI −0.47 to −0.11]).")
    assert len(found) == 1 and found[0].ci == (-0.47, -0.11)


def test_an_adjusted_estimate_stays_a_finding_of_its_own():
    found = read_sentence("Scores were 61.0 versus 57.5 (adjusted difference 2.9; 95% CI 0.8 to 5.0; P = 0.007).")
    assert {f.rule for f in found} == {"result.versus", "result.estimate"}
    assert all(f.p.fields["p"] == pytest.approx(0.007) for f in found)


def test_a_value_with_its_own_p_value():
    found = read_sentence("Patients on the diuretic had larger falls in weight (−2.4 kg, p = 0.01) and in "
                          "NT-proBNP (−310 pg/mL, p = 0.04).")
    assert {(f.value, f.p.fields["p"]) for f in found} == {("−2.4 kg", 0.01), ("−310 pg/mL", 0.04)}


@pytest.mark.parametrize("sentence, value", [
    ("Marked hyponatraemia (128.4 ± 4.1 mmol/l) was observed in the glycine arm after surgery.",
     "128.4 ± 4.1 mmol/l"),
    ("Postoperative glucose (181 ± 40.2 mg/dl) rose in the dextrose group.", "181 ± 40.2 mg/dl"),
])
def test_a_mean_with_its_sd_after_what_it_measures(sentence, value):
    (f,) = read_sentence(sentence)
    assert f.value == value and f.sd is not None


def test_a_baseline_mean_is_not_a_finding():
    assert read_sentence("Serum sodium at baseline (139.2 ± 3.3 mmol/l) was noted for every patient.") == []


# -- significance in words ------------------------------------------------------------------
@pytest.mark.parametrize("sentence, value, measures", [
    ("Body weight, fasting glucose and HOMA-IR did not change during the study.", "did not change",
     ["Body weight", "fasting glucose", "HOMA-IR"]),
    ("Quality of life and anxiety scores did not differ significantly between the arms.",
     "did not differ significantly", ["Quality of life", "anxiety score"]),
    ("There was no significant difference in walking distance or grip strength between groups.",
     "no significant difference", ["walking distance", "grip strength"]),
    ("No significant differences were found regarding nausea scores and patient satisfaction.",
     "No significant differences", ["nausea score", "patient satisfaction"]),
])
def test_no_difference_one_finding_per_measure(sentence, value, measures):
    found = read_sentence(sentence)
    assert [f.measure for f in found] == measures
    assert {f.value for f in found} == {value}


@pytest.mark.parametrize("sentence, value, measure, p", [
    ("Serum uric acid was significantly lower in the allopurinol group (P < 0.05).", "significantly lower",
     "Serum uric acid", 0.05),
    ("Morning stiffness decreased significantly after the second month (p = 0.002).", "decreased significantly",
     "Morning stiffness", 0.002),
    ("The fish-oil supplement had no significant effect on triglyceride levels (P = 0.36).",
     "no significant effect", "triglyceride level", 0.36),
    ("The probiotic did not have any significant effect on stool frequency.", "no significant effect",
     "stool frequency", None),
])
def test_significance_in_words_with_or_without_a_p_value(sentence, value, measure, p):
    (f,) = read_sentence(sentence)
    assert (f.value, f.measure) == (value, measure)
    assert (f.p.fields["p"] if f.p else None) == (pytest.approx(p) if p else None)


@pytest.mark.parametrize("sentence, value, measure", [
    ("Salivary cortisol was reduced in the yoga group compared with the waiting-list group.", "reduced",
     "Salivary cortisol"),
    ("Fasting insulin was elevated compared to the control diet at week 10.", "elevated", "Fasting insulin"),
])
def test_a_direction_with_its_comparison(sentence, value, measure):
    (f,) = read_sentence(sentence)
    assert (f.value, f.measure) == (value, measure)


def test_a_direction_without_a_comparison_is_not_a_finding():
    assert read_sentence("Plasma volume was increased by the infusion protocol used in this unit.") == []


def test_each_member_keeps_its_own_p_value():
    found = read_sentence("Mean FVC (P = 0.41), peak flow (P = 0.77) and DLCO (P = 0.12) were not significantly "
                          "different after treatment.")
    assert {(f.measure, f.p.fields["p"]) for f in found} == {("Mean FVC", 0.41), ("peak flow", 0.77), ("DLCO", 0.12)}


def test_statistics_between_members_are_not_measures():
    found = read_sentence("Oxytocin had no effect on trust ratings, F(1, 60) = 0.42, p = 0.52, or on generosity, "
                          "F(1, 60) = 1.1, p = 0.30.")
    assert [(f.measure, f.p.fields["p"]) for f in found] == [("trust ratings", 0.52), ("generosity", 0.30)]


def test_time_points_after_a_measure_are_not_members_of_it():
    (f,) = read_sentence("Nausea scores at 2, 6 and 24 hours were not significantly different between the arms.")
    assert f.measure == "Nausea score"


def test_a_clause_with_its_numbers_is_not_read_twice_in_words():
    found = read_sentence("Response was significantly higher with drug A (64%) than with drug B (41%; P = 0.003).")
    assert [(f.rule, f.value) for f in found] == [("result.versus", "64%")]


@pytest.mark.parametrize("sentence, value, measure", [
    ("Walking speed was faster than in the sham arm (P = 0.004).", "faster", "Walking speed"),
    ("Children given the syrup showed greater gains than controls (p<0.01).", "greater", "gains"),
    ("Training increased fat-free mass (P < 0.05).", "increased", "fat-free mass"),
])
def test_a_comparison_in_words_around_an_unclaimed_p_value(sentence, value, measure):
    (f,) = read_sentence(sentence)
    assert (f.value, f.measure, f.rule) == (value, measure, "result.p_comparison") and f.p is not None


@pytest.mark.parametrize("sentence, value, measure", [
    ("The between-arm difference in recovery time did not reach statistical significance (P = 0.09).",
     "did not reach statistical significance", "between-arm difference in recovery time"),
    ("Comparing pain scores in the two arms showed no significant difference.", "no significant difference",
     "pain score"),
    ("No significant differences in itching, redness and scaling were observed between the creams.",
     "No significant differences", "itching"),
])
def test_more_ways_of_saying_no_difference(sentence, value, measure):
    found = read_sentence(sentence)
    assert found and found[0].value == value and found[0].measure == measure


@pytest.mark.parametrize("sentence, value, measure", [
    ("The scans did not reveal any significant differences in lesion volume between arms.",
     "no significant differences", "lesion volume"),
    ("No between-arm difference was found in the changes of craving scores over the study.",
     "No between-arm difference", "craving scores over the study"),
    ("The mentoring group achieved a marginally significant improvement in step count (p = 0.048).",
     "a marginally significant improvement", "step count"),
    ("However, no statistically significant difference between sertraline- and placebo-treated women was "
     "seen at any visit.", "no statistically significant difference",
     "difference between sertraline- and placebo-treated women"),
])
def test_further_phrasings_of_significance(sentence, value, measure):
    (f,) = read_sentence(sentence)
    assert (f.value, f.measure) == (value, measure)


@pytest.mark.parametrize("sentence, value", [
    ("The median gain in peak flow over eight weeks was 41 L/min (p < 0.001).", "41 L/min"),
    ("Mean weight loss at one year was 3.9 kg (P = 0.02).", "3.9 kg"),
])
def test_a_value_stated_with_its_p_value(sentence, value):
    (f,) = read_sentence(sentence)
    assert f.value == value and f.p is not None


@pytest.mark.parametrize("sentence, value, comparator", [
    ("Exacerbations were less frequent (budesonide 11.2%; placebo 19.6%; p = 0.02).", "11.2%", 19.6),
    ("Grip strength rose more with the supplement (supplement: 4.1 ± 2.2 kg placebo: 1.3 ± 2.0 kg).",
     "4.1 ± 2.2 kg", 1.3),
])
def test_values_after_their_group_labels(sentence, value, comparator):
    f = by_value(read_sentence(sentence), value)
    assert signed_number(f.comparator) == comparator


def test_transitive_verbs_take_the_measure_from_their_object():
    (f,) = read_sentence("The new regimen significantly reduced nocturnal hypoglycaemia compared with the old one.")
    assert (f.measure, f.value) == ("nocturnal hypoglycaemia", "significantly reduced")


def test_a_clause_in_words_beside_a_clause_with_numbers():
    found = read_sentence("Nausea did not differ between arms, whereas vomiting was less common with the patch "
                          "(8% vs. 19%, P = 0.01).")
    assert {(f.measure, f.value) for f in found} == {("Nausea", "did not differ"), ("vomiting", "8%")}


# -- what is not a result -----------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "A two-sided P < 0.05 was considered statistically significant.",
    "Patients were randomised to 10 mg or 20 mg of the study drug, respectively, for 12 weeks.",
    "The mean age was 54.2 ± 9.8 years and 61% were women.",
    "A total of 212 patients were enrolled and 198 were included in the analysis.",
    "Infants were given 0.5 and 1.0 mg/kg, respectively, once daily.",
    "Adherence <80% and grade ≥ 3 toxicity led to withdrawal.",
])
def test_methods_baselines_doses_and_thresholds_are_not_results(sentence):
    assert read_sentence(sentence) == []


# -- through the pipeline -----------------------------------------------------------------
def test_results_in_an_abstract_keep_p_text_and_exact_evidence(tmp_path):
    body = ("Mortality at 90 days was 21.4% in the intervention group and 29.9% in the control group (P = .03). "
            "Length of ICU stay did not differ between groups.")
    found = results_of(tmp_path, body)
    mortality = [f for f in found if f["value"] == "21.4%"][0]
    assert mortality["comparator_value"] == "29.9%" and mortality["numeric_comparator_value"] == pytest.approx(29.9)
    assert mortality["p_value"] == pytest.approx(0.03)
    assert mortality["p_text"] == "P = .03" and mortality["timepoint"] == "90 days"
    stay = [f for f in found if f["value"] == "did not differ"][0]
    assert stay["measure"] == "Length of ICU stay"


def test_another_studys_finding_in_the_discussion_is_not_kept(tmp_path):
    body = ("Results\n\nThe patch did not change resting heart rate.\n\nDiscussion\n\n"
            "Earlier trials found that oral dosing was significantly better tolerated (Novak et al., 2011). "
            "Previous studies reported 41% versus 26% adherence with the two schedules.")
    found = results_of(tmp_path, body, section="Abstract")
    assert [(f["measure"], f["value"]) for f in found] == [("resting heart rate", "did not change")]


def test_in_methods_only_statistically_backed_findings_are_kept(tmp_path):
    body = ("Results\n\nPain fell from 6.1 to 3.2 points (P < 0.001).\n\nMethods\n\n"
            "Scores were expected to be similar in both arms. Pain was 5.0 versus 4.0 at screening.")
    found = results_of(tmp_path, body, section="Abstract")
    assert [f["value"] for f in found] == ["3.2"]


# -- measures in one written form -----------------------------------------------------------
@pytest.mark.parametrize("sentence, measures", [
    ("Plasma levels of homocysteine and folate did not change during follow-up.",
     ["Plasma homocysteine", "Plasma folate"]),
    ("The median scores of PSQI and ESS were not significantly different between the arms.",
     ["median PSQI", "median ESS"]),
    ("Children's reading scores did not differ between the two schools.", ["reading score"]),
    ("Changes in grip strength were not significant in either arm (p = 0.4).", ["grip strength"]),
])
def test_measures_are_written_one_way(sentence, measures):
    assert [f.measure for f in read_sentence(sentence)] == measures


@pytest.mark.parametrize("sentence, measure", [
    ("Shifts in sleep stage which lasted more than 10 minutes were not significant between arms (p = 0.3).",
     "Shifts in sleep stage"),
    ("The count of night-time awakenings, which was the main outcome, did not differ between arms.",
     "count of night-time awakenings"),
])
def test_the_antecedent_of_a_which_clause_is_the_measure(sentence, measure):
    (f,) = read_sentence(sentence)
    assert f.measure == measure


# -- clauses --------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Although serum urea and body weight did not change, fasting glucose fell from 7.9 to 6.8 mmol/l (p = 0.01).",
    "While serum urea and body weight did not change, glucose decreased from 7.9 to 6.8 mmol/l (p = 0.01).",
])
def test_a_subordinate_clause_in_words_beside_numbers(sentence):
    found = read_sentence(sentence)
    words = {f.measure: f for f in found if f.value == "did not change"}
    assert set(words) == {"serum urea", "body weight"} and all(f.p is None for f in words.values())
    assert any(f.value.startswith("6.8") for f in found)


@pytest.mark.parametrize("sentence, measure, value", [
    ("Patients on the pump needed fewer insulin boluses (3.1 ± 1.0 vs. 4.2 ± 1.3, P = 0.02) and had a "
     "substantial reduction in time spent in hospital (P < 0.001).", "time spent in hospital",
     "a substantial reduction"),
    ("The app group had more steps (8,100 vs. 6,900, P = 0.03) and showed a marked increase in weekly "
     "active minutes (P = 0.01).", "weekly active minutes", "a marked increase"),
])
def test_a_coordinated_predicate_is_a_clause_of_its_own(sentence, measure, value):
    found = read_sentence(sentence)
    f = by_value(found, value)
    assert f.measure == measure and f.p is not None
    assert any(g.measure in ("insulin boluses", "steps") for g in found if g is not f)


# -- more classes of qualitative statement ------------------------------------------------
@pytest.mark.parametrize("sentence, value, measures", [
    ("Improvements of resting heart rate and sleep quality were observed in both training arms.",
     "Improvements", ["resting heart rate", "sleep quality"]),
    ("A significant reduction in nocturia was seen in the men given the spray.",
     "significant reduction", ["nocturia"]),
])
def test_a_change_as_the_subject_of_was_observed(sentence, value, measures):
    found = read_sentence(sentence)
    assert [f.measure for f in found] == measures and {f.value for f in found} == {value}


@pytest.mark.parametrize("sentence, value, measure", [
    ("The weekly tablet had similar efficacy to the daily tablet.", "similar", "efficacy"),
    ("Both inhalers showed a tolerability profile broadly comparable to placebo.", "broadly comparable",
     "tolerability profile"),
    ("Patient satisfaction was high and similar in both arms.", "high and similar", "Patient satisfaction"),
])
def test_similar_to_with_the_measure_inside(sentence, value, measure):
    (f,) = read_sentence(sentence)
    assert (f.measure, f.value) == (measure, value)


@pytest.mark.parametrize("sentence, value, measures", [
    ("Massage was better at relieving neck pain and stiffness than stretching.", "better",
     ["neck pain", "stiffness"]),
    ("The new splint was superior to the old one in improving grip strength.", "superior", ["grip strength"]),
])
def test_one_arm_better_at_a_measure(sentence, value, measures):
    found = read_sentence(sentence)
    assert [f.measure for f in found] == measures and {f.value for f in found} == {value}


@pytest.mark.parametrize("sentence, measure, value", [
    ("A low vitamin D level was associated with the flare.", "low vitamin D level", "associated"),
    ("Higher step counts were inversely associated with HbA1c.", "Higher step count", "inversely associated"),
    ("The primary endpoint was not met.", "primary endpoint", "not met"),
    ("Although both co-primary outcomes were met, the effect was small.", "co-primary outcomes", "met"),
])
def test_associations_and_endpoint_status(sentence, measure, value):
    (f,) = read_sentence(sentence)
    assert (f.measure, f.value) == (measure, value)


def test_present_tense_association_is_background_not_a_finding(tmp_path):
    assert read_sentence("Obesity is associated with knee pain.") == []
    body = ("Background\n\nObesity is associated with a higher risk of knee pain.\n\nResults\n\n"
            "Knee pain did not differ between the arms (p = 0.6).")
    assert [f["measure"] for f in results_of(tmp_path, body, section="Abstract")] == ["Knee pain"]


@pytest.mark.parametrize("sentence, expected", [
    ("Bupivacaine use was associated with lower pain scores, shorter stay and fewer readmissions.",
     [("pain score", "lower"), ("stay", "shorter"), ("readmissions", "fewer")]),
    ("Early feeding led to shorter ileus and lower costs, and no wound infection.",
     [("ileus", "shorter"), ("costs", "lower")]),
])
def test_each_member_keeps_its_own_direction(sentence, expected):
    assert [(f.measure, f.value) for f in read_sentence(sentence)] == expected


@pytest.mark.parametrize("sentence, measures, value", [
    ("The mean scores of PHQ-9 and GAD-7 in both arms improved at the end of the 8-week programme.",
     ["mean PHQ-9", "mean GAD-7"], "improved"),
    ("In the yoga arm, peak flow was increased, and the use of rescue inhalers fell.",
     ["peak flow", "use of rescue inhalers"], None),
])
def test_a_plain_change_in_words(sentence, measures, value):
    found = read_sentence(sentence)
    assert [f.measure for f in found] == measures
    assert value is None or {f.value for f in found} == {value}


@pytest.mark.parametrize("sentence", [
    "The dose was increased at week 4 when glucose stayed high.",
    "Doses were reduced in two patients.",
])
def test_a_dose_change_is_not_a_finding(sentence):
    assert [f for f in read_sentence(sentence) if f.rule == "result.plain_change"] == []


@pytest.mark.parametrize("sentence, value, measures", [
    ("There was no treatment difference for drug X vs placebo in weight, waist or blood pressure.",
     "no treatment difference", ["weight", "waist", "blood pressure"]),
    ("Systolic and diastolic pressure had no significant differences by either route.",
     "no significant differences", ["Systolic pressure", "diastolic pressure"]),
])
def test_more_no_difference_phrasings(sentence, value, measures):
    found = read_sentence(sentence)
    assert [f.measure for f in found] == measures and {f.value for f in found} == {value}


@pytest.mark.parametrize("sentence, measure", [
    ("The analgesic effect of ketamine was similar to that of morphine.", "analgesic effect"),
    ("The incidence of nausea with the patch was lower than that with the tablet.", "incidence of nausea"),
    ("Recovery time of the younger children did not differ from that of the older ones.", "Recovery time"),
])
def test_the_group_before_that_of_is_not_part_of_the_measure(sentence, measure):
    (f,) = read_sentence(sentence)
    assert f.measure == measure


@pytest.mark.parametrize("sentence, measure, value", [
    ("The spray did not aid sleep; however, improved daytime alertness was observed.", "daytime alertness",
     "improved"),
    ("Lower pain scores were seen in the nerve-block arm.", "pain score", "Lower"),
])
def test_a_direction_adjective_before_was_observed(sentence, measure, value):
    f = by_value(read_sentence(sentence), value)
    assert f.measure == measure


@pytest.mark.parametrize("sentence, measures", [
    ("After the study, in the yoga arm, peak flow was increased and the rescue inhaler use was decreased.",
     ["peak flow", "rescue inhaler use"]),
    ("At week 12, among the women, bone density improved and the fracture count fell.",
     ["bone density", "fracture count"]),
])
def test_a_fronted_adverbial_is_not_the_subject(sentence, measures):
    assert [f.measure for f in read_sentence(sentence)] == measures


@pytest.mark.parametrize("sentence, p", [
    ("Mean fatigue scores were significantly reduced in the 10 mg and 20 mg arms, in comparison with placebo "
     "(p = 0.016).", 0.016),
    ("Night-time cough was significantly less frequent with the syrup, compared with honey (p = 0.03).", 0.03),
])
def test_a_comparison_after_a_comma_keeps_its_p_value(sentence, p):
    (f,) = read_sentence(sentence)
    assert f.p is not None and f.p.fields["p"] == p


@pytest.mark.parametrize("sentence", [
    "There were no between-group differences for baseline pain score or sleep quality.",
    "No significant differences were found regarding baseline weight and height.",
    "These response rates are superior to those reported in earlier cohorts.",
])
def test_baseline_comparisons_and_comparisons_with_other_studies_are_not_findings(sentence):
    assert read_sentence(sentence) == []


@pytest.mark.parametrize("sentence, measure, value", [
    ("Serum potassium rapidly increased in two patients.", "Serum potassium", "increased"),
    ("Walking speed gradually declined after the third month.", "Walking speed", "declined"),
])
def test_an_adverb_before_a_change_verb_is_not_the_measure(sentence, measure, value):
    (f,) = read_sentence(sentence)
    assert (f.measure, f.value) == (measure, value)


@pytest.mark.parametrize("sentence, measure, values", [
    ("The incidence of nausea was lower with drug A relative to drug B and similar to that observed with drug C.",
     "incidence of nausea", ["lower", "similar"]),
    ("Recovery time was longer after surgery than after casting and comparable to that of physiotherapy.",
     "Recovery time", ["longer", "comparable"]),
])
def test_a_second_complement_shares_the_subject(sentence, measure, values):
    found = read_sentence(sentence)
    assert [(f.measure, f.value) for f in found] == [(measure, v) for v in values]


# -- result tables --------------------------------------------------------------------------
OUTCOME_TABLE = ("Table 2 {caption}\n\n"
                 "Outcome\tSplint (n = 30)\tSham (n = 31)\t{p_head}\n"
                 "Grip strength (kg)\t24.1 ± 5.2\t21.0 ± 6.3\t0.04\n"
                 "Pain at night, VAS\t3.2 ± 1.9\t3.4 ± 2.0\t.71a\n"
                 "Return to work, n (%)\t21 (70)\t15 (48)\t<0.001\n")


@pytest.mark.parametrize("caption, p_head", [("Outcomes at 12 weeks", "P value"), ("Results by arm", "p*"),
                                             ("Changes between baseline and week 12", "Pa")])
def test_rows_of_a_result_table_with_a_p_column(tmp_path, caption, p_head):
    body = "Grip strength improved.\n\n" + OUTCOME_TABLE.format(caption=caption, p_head=p_head)
    rows = [r for r in results_of(tmp_path, body) if r["p_value"] is not None and r["measure"] != "Grip strength"]
    got = {(r["measure"], r["value"], r["comparator_value"], r["p_value"]) for r in rows}
    assert got == {("Grip strength (kg)", "24.1 ± 5.2", "21.0 ± 6.3", 0.04),
                   ("Pain at night, VAS", "3.2 ± 1.9", "3.4 ± 2.0", 0.71),
                   ("Return to work, n (%)", "21 (70)", "15 (48)", 0.001)}
    assert {r["numeric_comparator_value"] for r in rows} == {21.0, 3.4, 15.0}


@pytest.mark.parametrize("caption, p_head", [("Baseline characteristics of the patients", "P value"),
                                             ("Outcomes at 12 weeks", "Mean difference")])
def test_baseline_tables_and_tables_without_a_p_column_give_no_rows(tmp_path, caption, p_head):
    body = "Grip strength improved.\n\n" + OUTCOME_TABLE.format(caption=caption, p_head=p_head)
    assert not [r for r in results_of(tmp_path, body) if r["p_value"] is not None]


@pytest.mark.parametrize("sentence, measures, value", [
    ("Peak flow and cough scores were modestly higher in the active arm compared to the sham arm, but the "
     "difference was not statistically significant (p = 0.2).", ["Peak flow", "cough score"],
     "modestly higher; not statistically significant"),
    ("Reading speed was slightly lower with the new font but differences were not significant.",
     ["Reading speed"], "slightly lower; not significant"),
])
def test_but_the_difference_was_not_significant_qualifies_the_finding_before(sentence, measures, value):
    found = read_sentence(sentence)
    assert [f.measure for f in found] == measures and {f.value for f in found} == {value}


@pytest.mark.parametrize("sentence, measures", [
    ("Mood and sleep quality improved over time but did not differ between arms.", ["Mood", "sleep quality"]),
    ("Pain scores declined at week 6 and did not differ significantly between the two groups.", ["Pain score"]),
])
def test_a_second_predicate_shares_the_subject(sentence, measures):
    found = read_sentence(sentence)
    differ = [f.measure for f in found if f.value.startswith("did not differ")]
    assert differ == measures


@pytest.mark.parametrize("sentence, measure", [
    ("The differences between intervention and control groups were not statistically significant.",
     "differences between intervention and control groups"),
    ("Differences among the three schools were not significant (p = 0.41).", "Differences among the three schools"),
])
def test_differences_between_groups_as_the_subject(sentence, measure):
    (f,) = read_sentence(sentence)
    assert f.measure == measure


@pytest.mark.parametrize("sentence, expected", [
    ("Total but not specific IgE was elevated in the treated group compared to the control group.",
     [("Total IgE", "elevated"), ("specific IgE", "not elevated")]),
    ("Systolic but not diastolic pressure did not change after the training.",
     [("Systolic pressure", "did not change"), ("diastolic pressure", "did change")]),
])
def test_a_but_not_b_splits_into_two_findings(sentence, expected):
    assert [(f.measure, f.value) for f in read_sentence(sentence)] == expected


@pytest.mark.parametrize("sentence, measure, value", [
    ("Only smoking was significantly associated with relapse (P = 0.045).", "smoking", "significantly associated"),
    ("Heart rate was stable at rest, where HRV was significantly higher after the session (P < 0.001).", "HRV",
     "significantly higher"),
])
def test_subordinators_and_only_are_not_part_of_the_measure(sentence, measure, value):
    f = by_value(read_sentence(sentence), value)
    assert f.measure == measure


@pytest.mark.parametrize("sentence", ["Whilst these were not statistically significantly different, the trend held.",
                                      "No differences were found in this measure."])
def test_a_pronoun_subject_is_no_measure(sentence):
    assert read_sentence(sentence) == []


@pytest.mark.parametrize("sentence, measures, value, p", [
    ("The comparison revealed significantly (p < 0.05) higher levels of butyrate and acetate in the fibre group.",
     ["butyrate", "acetate"], "significantly higher", 0.05),
    ("The fibre group had significantly (P = 0.01) fewer hospital days than the control group.", ["hospital days"],
     "significantly fewer", 0.01),
])
def test_a_p_value_inside_a_comparative(sentence, measures, value, p):
    found = read_sentence(sentence)
    assert [f.measure for f in found] == measures
    assert {(f.value, f.p.fields["p"]) for f in found} == {(value, p)}


@pytest.mark.parametrize("sentence", ["Obesity rates have increased in recent decades.",
                                      "Use of opioids has declined since the guideline was published."])
def test_a_present_perfect_change_is_background(sentence):
    assert read_sentence(sentence) == []


@pytest.mark.parametrize("body", [
    "Physical activity is associated with lower mortality and fewer falls. Obesity was associated with knee pain "
    "in earlier surveys. We randomised 120 adults to a walking programme or usual care. Knee pain was "
    "significantly lower with walking than with usual care (p = 0.01). Quality of life did not differ between arms.",
    "Sleep loss has been linked to weight gain, and poor sleep was associated with obesity. In this double-blind "
    "trial, 80 adults received melatonin or placebo. Sleep quality did not differ between arms. Daytime "
    "sleepiness was significantly lower with melatonin (P = 0.02).",
])
def test_background_before_the_methods_of_an_unlabelled_abstract_gives_no_findings(tmp_path, body):
    measures = {r["measure"] for r in results_of(tmp_path, body, section="Abstract")}
    assert measures in ({"Knee pain", "Quality of life"}, {"Sleep quality", "Daytime sleepiness"})


# -- comparator values as written, time order of labelled pairs, AE frequencies ---------------
@pytest.mark.parametrize("body, value, comparator", [
    ("Hospital stay was shorter with the new protocol (6.2 ± 2.4 vs. 8.9 ± 3.1 days, P = 0.01).",
     "6.2 ± 2.4", "8.9 ± 3.1 days"),
    ("Relapse occurred in 7 (9%) of 80 children given zinc and 19 (24%) of 79 given the dummy tablet "
     "(P = 0.02).", "7 (9%) of 80", "19 (24%) of 79"),
])
def test_comparator_value_keeps_what_is_written_with_it(tmp_path, body, value, comparator):
    (r,) = [r for r in results_of(tmp_path, body) if r["value"] == value]
    assert r["comparator_value"] == comparator
    assert r["numeric_comparator_value"] == signed_number(comparator.split()[0])


@pytest.mark.parametrize("sentence, value, comparator", [
    ("The mean pain score before versus after the course in the massage group was 6.1 versus 3.2.", "3.2", "6.1"),
    ("Median walking distance before and after the programme was 210 and 305 m, respectively, in the exercise "
     "arm.", "305", "210"),
])
def test_values_labelled_before_and_after_put_the_later_value_first(sentence, value, comparator):
    (f,) = read_sentence(sentence)
    assert (f.value.rstrip("%"), f.extra.get("comparator_text")) == (value, comparator)


@pytest.mark.parametrize("body", [
    "Treatment-related nausea (12.5% vs. 4.1%) and headache (8.0% vs. 7.7%) were similar in the two arms.",
    "Adverse events were mild; rash occurred in 14% of the cream group compared with 9% of the vehicle group.",
])
def test_shares_of_patients_with_an_adverse_event_are_no_results(tmp_path, body):
    assert results_of(tmp_path, body) == []


def test_a_measured_value_of_a_term_that_is_also_an_adverse_event_stays_a_result(tmp_path):
    body = "Safety endpoints aside, serum potassium fell from 4.6 ± 0.4 to 4.1 ± 0.5 mmol/l (P = 0.002)."
    (r,) = results_of(tmp_path, body)
    assert r["comparator_value"] == "4.6 ± 0.4" and r["value"] == "4.1 ± 0.5"


@pytest.mark.parametrize("body, written", [
    ("We measured the urinary albumin excretion (UAE) of every patient. UAE decreased from 95 to 61 mg/day "
     "(P = 0.01).", "UAE (mg/day)"),
    ("Peak expiratory flow (PEF) was recorded twice daily. After 8 weeks, PEF was significantly higher with the "
     "inhaler than with the tablets (P < 0.05).", "PEF"),
])
def test_a_measure_written_as_a_defined_short_form_stays_as_written(tmp_path, body, written):
    """Readers quote a finding's measure as the sentence names it; the long form is the paper's definition."""
    measures = {r["measure"] for r in results_of(tmp_path, body)}
    assert written in measures, measures


# -- comparisons and ranks in words ---------------------------------------------------------
@pytest.mark.parametrize("sentence, measures, value", [
    ("After the tablets were stopped, cases of influenza, severe pneumonia, and otitis were more frequent among the "
     "vaccinated children than among the control children.", {"cases of influenza", "severe pneumonia", "otitis"},
     "more frequent"),
    ("Falls and delirium were less common in the exercise group than in the usual-care group.",
     {"Falls", "delirium"}, "less common"),
    ("Recovery was faster in the laser group than in the sham group.", {"Recovery"}, "faster"),
])
def test_comparisons_in_words_without_numbers(sentence, measures, value):
    found = read_sentence(sentence)
    assert {f.measure for f in found} == measures and {f.value for f in found} == {value}


@pytest.mark.parametrize("sentence, measure, value", [
    ("Patients with hyponatraemia had the highest postoperative sorbitol levels.", "postoperative sorbitol level",
     "highest"),
    ("Serum sorbitol was lowest in the mannitol group.", "Serum sorbitol", "lowest"),
])
def test_a_group_ranked_first_is_a_finding(sentence, measure, value):
    (f,) = read_sentence(sentence)
    assert (f.measure, f.value) == (measure, value)


@pytest.mark.parametrize("sentence, measure", [
    ("The cyclosporine serum levels did not change.", "serum cyclosporine level"),
    ("Tacrolimus plasma concentrations were similar in both arms.", "plasma tacrolimus concentration"),
])
def test_the_specimen_leads_the_measure(sentence, measure):
    (f,) = read_sentence(sentence)
    assert f.measure == measure


@pytest.mark.parametrize("sentence, value, p", [
    ("IL-6 serum levels fell (P = 0.01).", "fell", 0.01),
    ("Serum ferritin rose (p<0.05) in the active arm.", "rose", 0.05),
])
def test_a_change_in_words_followed_by_its_p_value(sentence, value, p):
    (f,) = read_sentence(sentence)
    assert f.value == value and f.p.fields["p"] == pytest.approx(p)


@pytest.mark.parametrize("body", [
    "More patients on the active drug reported treatment-emergent adverse events (61.2% vs. 40.3%; p < .001).",
    "Rash was more frequent with the cream than with the vehicle (14% vs 5%, P = 0.02), a safety finding.",
])
def test_rates_of_an_adverse_event_compared_by_a_test_stay_results(tmp_path, body):
    (r,) = [r for r in results_of(tmp_path, body) if r["p_value"] is not None]
    assert r["numeric_comparator_value"] in (40.3, 5.0)


@pytest.mark.parametrize("sentence, measures, value", [
    ("The width of the largest cyst at the time of surgery did not differ among arms (P = 0.7).",
     {"width of the largest cyst"}, "did not differ"),
    ("Pain scores did not change across the three visits.", {"Pain score"}, "did not change"),
    ("Serum ferritin and transferrin increased dose-dependently after treatment.",
     {"Serum ferritin", "Serum transferrin"}, "increased"),
    ("Reaction time improved equivalently across all training groups compared to controls.", {"Reaction time"},
     "improved"),
])
def test_a_change_or_no_difference_with_an_adverb_or_the_groups_after_it(sentence, measures, value):
    found = read_sentence(sentence)
    assert {f.measure for f in found} == measures and {f.value for f in found} == {value}


@pytest.mark.parametrize("sentence, measures, value", [
    ("A significant reduction was seen in fasting glucose in the active arm.", {"fasting glucose"},
     "significant reduction"),
    ("A statistically significant improvement is observed in fasting glucose and triglyceride levels in the active "
     "arms.", {"fasting glucose", "triglyceride level"}, "statistically significant improvement"),
    ("Sertraline was significantly effective in reducing the HAM-D scores and anxiety ratings.",
     {"HAM-D score", "anxiety ratings"}, "significantly effective"),
])
def test_a_change_named_before_its_measures(sentence, measures, value):
    found = read_sentence(sentence)
    assert {f.measure for f in found} == measures and {f.value for f in found} == {value}


@pytest.mark.parametrize("sentence, value, comparator", [
    ("Warfarin was stopped in 24/73 (33%) of patients whereas apixaban was stopped in 5/66 (8%) of patients "
     "(P < 0.001).", "24/73 (33%)", "5/66 (8%)"),
    ("Relapse occurred in 12 (30%) patients on zinc while 20 (51%) patients on placebo relapsed (P = 0.04).",
     "12 (30%)", "20 (51%)"),
    ("Cure rates were 45/50 (90%) and 30/50 (60%), respectively (P < 0.01).", "45/50 (90%)", "30/50 (60%)"),
])
def test_counts_of_a_total_compared_across_a_clause(sentence, value, comparator):
    (f,) = read_sentence(sentence)
    assert (f.value, f.extra["comparator_text"]) == (value, comparator) and f.p is not None


@pytest.mark.parametrize("sentence, value, comparator", [
    ("At 12 weeks, the healing rate was 58% for 2LB and 53% for SPB.", "58%", "53%"),
    ("Mean pain was 4.1 in arm A and 5.2 in arm B.", "4.1", "5.2"),
])
def test_values_each_followed_by_their_group(sentence, value, comparator):
    (f,) = read_sentence(sentence)
    assert (f.value, f.extra["comparator_text"]) == (value, comparator)


@pytest.mark.parametrize("sentence, value, sd, comparator", [
    ("The mean (SD) number of eggs retrieved was 3.3 (2.71) in the combined group compared with 3.6 (2.82) in "
     "the single group.", "3.3 (2.71)", 2.71, "3.6 (2.82)"),
    ("Hospital stay, mean (standard deviation), was 6.5 (1.9) days with the pathway versus 8.0 (2.4) days with "
     "usual care.", "6.5 (1.9) days", 1.9, "8.0 (2.4) days"),
])
def test_a_bracket_declared_as_the_sd_holds_each_values_sd(sentence, value, sd, comparator):
    (f,) = read_sentence(sentence)
    assert (f.value, f.sd, f.extra["comparator_text"]) == (value, sd, comparator)


@pytest.mark.parametrize("sentence, measure, value", [
    ("Ketamine significantly impaired the recall of neutral words compared with placebo (p < 0.001).",
     "recall of neutral words", "significantly impaired"),
    ("The new dressing significantly shortened the time to healing (P = 0.01).", "time to healing",
     "significantly shortened"),
])
def test_other_verbs_of_a_significant_change(sentence, measure, value):
    (f,) = read_sentence(sentence)
    assert (f.measure, f.value) == (measure, value) and f.p is not None


@pytest.mark.parametrize("sentence, value, comparator", [
    ("The median length of stay was 5 days (IQR 3-8) vs 7 days (IQR 4-11) (P = 0.02).", "5 days (IQR 3-8)",
     "7 days (IQR 4-11)"),
    ("Median survival was 14 months (range, 2 to 40) with A and 9 months (range, 1 to 31) with B (P = 0.03).",
     "14 months (range, 2 to 40)", "9 months (range, 1 to 31)"),
    ("The median time to latch-on was 7.7 weeks (Q1 = 3.7, Q3 = 10.7) in the cup group vs. 7.1 weeks (Q1 = 4.6, "
     "Q3 = 11.7) in the bottle group.", "7.7 weeks (Q1 = 3.7, Q3 = 10.7)", "7.1 weeks (Q1 = 4.6, Q3 = 11.7)"),
    ("The primary outcome occurred in 45 of 210 patients (21.4%) in the intervention group and in 62 of 208 "
     "(29.8%) in the control group.", "45 of 210 patients (21.4%)", "62 of 208 (29.8%)"),
])
def test_a_value_keeps_its_spread_or_share(sentence, value, comparator):
    (f,) = read_sentence(sentence)
    assert (f.value, f.extra["comparator_text"]) == (value, comparator)


@pytest.mark.parametrize("sentence, value", [
    ("Compared with usual care, the intervention reduced emergency visits (incidence rate ratio 0.64, 95% CI "
     "0.48-0.85).", "0.64, 95% CI 0.48-0.85"),
    ("Falls were fewer with training (rate ratio 0.70; 95% CI 0.52 to 0.94).", "0.70; 95% CI 0.52 to 0.94"),
])
def test_an_estimate_in_brackets_leaves_the_closing_bracket_out(sentence, value):
    (f,) = read_sentence(sentence)
    assert f.value == value


@pytest.mark.parametrize("body, measure, timepoint", [
    ("Mortality at 28 days did not differ (18% vs 20%; P = 0.61).", "Mortality", "28 days"),
    ("Pain scores did not change significantly (4.1 vs 4.3; P = 0.61) by week 6.", "Pain", "week 6"),
])
def test_the_measure_before_a_bracket_leaves_out_its_predicate_and_time(tmp_path, body, measure, timepoint):
    (r,) = [r for r in results_of(tmp_path, body) if r["p_value"] is not None]
    assert r["measure"] == measure and r["timepoint"] == timepoint


@pytest.mark.parametrize("sentence, measure", [
    ("At week 12, 40% of patients receiving X achieved ACR20 versus 18% receiving placebo (P<0.001).", "ACR20"),
    ("In total, 62% of participants in the app arm reached the step target, compared with 41% in the control arm "
     "(P = 0.003).", "step target"),
])
def test_a_share_of_patients_is_about_what_they_reached(sentence, measure):
    (f,) = read_sentence(sentence)
    assert f.measure == measure


@pytest.mark.parametrize("sentence, measure, value, sd", [
    ("Mean HbA1c decreased by 0.8% (SD 1.1) with the new drug.", "Mean HbA1c", "0.8% (SD 1.1)", 1.1),
    ("Training reduced the number of falls by 14%.", "number of falls", "14%", None),
])
def test_a_change_by_an_amount_names_what_changed(sentence, measure, value, sd):
    (f,) = read_sentence(sentence)
    assert (f.measure, f.value, f.sd) == (measure, value, sd)


@pytest.mark.parametrize("sentence, measure, value, comparator", [
    ("Seven of 13 patients (53.8%) responded in the active arm compared with 2 of 12 (16.7%) on placebo.",
     # (the predicate that is the outcome by its noun: 'responded' alone named nothing, names.py dropped it)
     "response", "Seven of 13 patients (53.8%)", "2 of 12 (16.7%)"),
    ("Overall, three of 20 children (15%) in the zinc arm were admitted to hospital, compared with nine of 21 (43%) "
     "in the control arm (P = 0.05).", "admitted to hospital", "three of 20 children (15%)", "nine of 21 (43%)"),
])
def test_a_spelled_count_of_a_total_and_what_happened(sentence, measure, value, comparator):
    (f,) = read_sentence(sentence)
    assert (f.measure, f.value, f.extra["comparator_text"]) == (measure, value, comparator)


@pytest.mark.parametrize("section", ["Results", "Abstract"])
@pytest.mark.parametrize("body, measure", [
    ("The Nail Area and Severity Score (NASS) improved significantly with the lacquer (p = 0.003).",
     "Nail Area and Severity Score"),
    ("There was a significant reduction in the Itch, Redness and Scaling Index (IRSI) with the cream (P < 0.01).",
     "Itch, Redness and Scaling Index"),
])
def test_a_defined_name_holding_a_list_word_is_one_measure(tmp_path, section, body, measure):
    found = results_of(tmp_path, body, section)
    names = [str(getattr(f["measure"], "label", f["measure"])) for f in found]
    assert measure in names, names
    assert not {"Nail Area", "Severity Score", "Itch", "Scaling Index"} & set(names), names


@pytest.mark.parametrize("section", ["Results", "Abstract"])
@pytest.mark.parametrize("body, value, comparator", [
    ("Remission rates with the gel, the cream alone and the foam alone were 41.0%, 35.5% and 12.5%, "
     "respectively (gel vs. foam, p = 0.01).", "41.0%", "12.5"),
    ("The 12-week responder rates in X, Y, and Z were 22, 48, and 31%, respectively (X vs Z; P = 0.03).",
     "22%", "31"),
])
def test_three_groups_values_with_the_comparison_named_after_them(tmp_path, section, body, value, comparator):
    found = [f for f in results_of(tmp_path, body, section) if f["value"] == value]
    assert len(found) == 1, found
    assert str(found[0]["comparator_value"]).startswith(comparator), found


@pytest.mark.parametrize("section", ["Results", "Abstract"])
@pytest.mark.parametrize("body, measure, value", [
    ("The hazard ratio for disease progression was 0.68 (95% CI 0.51 to 0.90).", "disease progression", "0.68"),
    ("The odds ratio of clinical cure was 1.9 (95% CI 1.2, 3.0; P = 0.006) with the spray.", "clinical cure",
     "1.9"),
    ("The adjusted odds ratio of response at month 6 was 2.4 (95% CI 1.3 to 4.4).", "response", "2.4"),
])
def test_an_estimate_names_what_it_measures_after_for_or_of(tmp_path, section, body, measure, value):
    found = results_of(tmp_path, body, section)
    assert len(found) == 1, found
    assert str(found[0]["value"]).startswith(value), found
    assert measure in str(getattr(found[0]["measure"], "label", found[0]["measure"])), found
