"""Numeric findings a results part states without a test: each group's value after its own
group name, one value closing its clause after 'was', how often an outcome occurred, how many
patients reached it, a percentage change written before its noun, a change written inside a
bracket. They are read only where a paper reports its findings (`reports=True`); baseline
statements, enrolment, follow-up and doses stay out. Every sentence here was written for these
tests, each class in two phrasings or layouts at least."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.mentions import values
from kg.extract.results import read_sentence
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp

NEW_RULES = {"result.group_values", "result.copula_value", "result.occurred_in", "result.patients_with_outcome",
             "result.percent_adjective", "result.bracket_change"}


def read(sentence: str, reports: bool = True) -> list[tuple[str, str, str | None]]:
    """(measure, value, comparator as written) of each finding, in order."""
    return [(f.measure, f.value, f.extra.get("comparator_text") or f.comparator)
            for f in read_sentence(sentence, reports=reports)]


@pytest.mark.parametrize("sentence, expected", [
    # value, a bracket of its own, the group; the second value, its bracket, its group
    ("Yearly incidence of gout flares was 3.2% (1.1%/year) in the allopurinol group and 5.4% (1.8%/year) "
     "in the usual-care group (p = 0.21).", ("Yearly incidence of gout flares", "3.2%", "5.4%")),
    ("Median time to discharge was 6 days for the early-feeding group (IQR 4–9) and 8 days for the "
     "delayed-feeding group (IQR 5–12).", ("Median time to discharge", "6 days", "8 days")),
    # the second group named before its value
    ("The mean weight lost was 4.1 ± 1.2 kg and for the sham group, 1.3 ± 0.9 kg.",
     ("mean weight lost", "4.1 ± 1.2 kg", "1.3 ± 0.9 kg")),
    ("Mean peak flow in the inhaler group was 412 ± 30 l/min and for the spacer group was 398 ± 35 l/min.",
     ("Mean peak flow", "412 ± 30 l/min", "398 ± 35 l/min")),
    # the groups named in brackets after the values
    ("Readmission at 90 days was 14% (ward) and 22% (home).", ("Readmission", "14%", "22%")),
    # a colon heads the list, a comma parts the groups; a semicolon parts them
    ("Mean diastolic pressure at 8 weeks: 81 mmHg in the salt-reduction group, 86 mmHg in controls.",
     ("Mean diastolic pressure", "81 mmHg", "86 mmHg")),
    ("In the yoga group, the mean anxiety score was 9.4; in the waiting-list group, 13.1.",
     ("mean anxiety score", "9.4", "13.1")),
])
def test_each_group_value_after_its_group(sentence, expected):
    assert expected in read(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("The median number of night waking episodes was 3 (range 0 to 9).",
     ("median number of night waking episodes", "3 (range 0 to 9)")),
    ("Mean plasma ghrelin two hours after the meal was 412.5 ± 60.2 pg/ml.",
     ("Mean plasma ghrelin two hours", "412.5 ± 60.2 pg/ml")),
    ("The mean length of hospital stay was 5.4 days in the fast-track arm.",
     ("mean length of hospital stay", "5.4 days")),
    ("Mean itch intensity was 2.8 at week 6.", ("Mean itch intensity", "2.8")),
])
def test_one_value_closing_its_clause(sentence, expected):
    assert expected in [(m, v) for m, v, _ in read(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    # the verb written again: each value is its own clause's subject's
    ("The mean forced vital capacity was 3.3 L and the mean peak flow was 410 l/min.",
     [("mean forced vital capacity", "3.3 L"), ("mean peak flow", "410 l/min")]),
    ("Median serum sodium was 136 mmol/l, and median potassium was 4.1 mmol/l.",
     [("Median serum sodium", "136 mmol/l"), ("median potassium", "4.1 mmol/l")]),
    # the verb left out of the second clause
    ("The mean waist circumference was 94 cm and the mean hip circumference 103 cm.",
     [("mean waist circumference", "94 cm"), ("mean hip circumference", "103 cm")]),
    ("Median ferritin was 31 ng/ml, and median transferrin 2.6 g/l.",
     [("Median ferritin", "31 ng/ml"), ("median transferrin", "2.6 g/l")]),
])
def test_coordinated_clauses_each_with_its_value(sentence, expected):
    assert [(m, v) for m, v, _c in read(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Wound dehiscence occurred in 7% of the operated patients.", ("Wound dehiscence", "7%")),
    ("Postoperative ileus was observed in 9 (11%) patients in the early-feeding group.",
     ("Postoperative ileus", "9 (11%)")),
    ("Complete epithelial healing was reached by 64% of the eyes.", ("Complete epithelial healing", "64%")),
])
def test_how_often_an_outcome_occurred(sentence, expected):
    assert expected in [(m, v) for m, v, _ in read(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("In the lithium arm, 14 patients (28%) had a relapse of mania.", ("relapse of mania", "14 patients (28%)")),
    ("At 6 months, 41% of participants in the coaching arm achieved smoking abstinence.",
     ("smoking abstinence", "41%")),
    ("Overall, 33 patients (22%) developed a surgical site infection during admission.",
     ("surgical site infection", "33 patients (22%)")),
])
def test_how_many_patients_reached_an_outcome(sentence, expected):
    assert expected in [(m, v) for m, v, _ in read(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("Walkers had a 27% lower risk of hip fracture (HR 0.73; 95% CI 0.60 to 0.89).",
     ("risk of hip fracture", "27% lower")),
    ("Screening was associated with a non-significant 18% reduced odds of late diagnosis (OR 0.82, "
     "95% CI 0.61–1.10) and 31% reduction in advanced-stage disease (OR 0.69, 95% CI 0.50–0.95).",
     ("advanced-stage disease", "31% reduction")),
])
def test_percent_change_before_its_noun(sentence, expected):
    assert expected in [(m, v) for m, v, _ in read(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("There was a rise in the uptake of hepatitis B vaccination from enrolment to the final visit "
     "(12% to 58%, p < 0.001).", ("58%", "12%")),
    ("Grip strength increased in both the resistance arm (from 21.0 ± 4.1 to 26.5 ± 3.9 kg, p = 0.001) "
     "and the stretching arm (from 20.6 ± 4.4 to 22.0 ± 4.0 kg, p = 0.09).", ("22.0 ± 4.0 kg", "20.6 ± 4.4")),
])
def test_change_written_in_a_bracket(sentence, expected):
    found = read_sentence(sentence, reports=True)
    assert expected in [(f.value, f.extra.get("comparator_text")) for f in found]


def test_change_in_a_bracket_keeps_its_p_value_and_measure():
    found = [f for f in read_sentence("Grip strength increased in both the resistance arm (from 21.0 ± 4.1 to "
                                      "26.5 ± 3.9 kg, p = 0.001) and the stretching arm (from 20.6 ± 4.4 to "
                                      "22.0 ± 4.0 kg, p = 0.09).", reports=True)
             if f.rule == "result.bracket_change"]
    assert [(f.measure, f.p.fields["p"]) for f in found] == [("Grip strength", 0.001), ("Grip strength", 0.09)]


@pytest.mark.parametrize("sentence", [
    "The mean age was 61.3 years in the surgery group and 60.8 years in the splint group.",
    "At baseline, mean fasting glucose was 7.9 mmol/l in the diet group and 8.1 mmol/l in controls.",
    "The median follow-up was 2.7 years.",
    "Thirty-one patients (26%) were women.",
    "Overall, 52 patients (35%) completed all visits.",
    "Of the 412 people screened, 300 (73%) were randomised.",
    "The mean dose was 2.5 mg in the low-dose group.",
    "The diary was returned by 71% of the participants.",
    "Eighteen (15%) had had a previous myocardial infarction.",
    "Pain ratings ranged widely (1 to 8).",
    "There were 3 patients with headache in the open-label phase.",
    "Nurses were recruited from 14 wards and 9 clinics.",
    "A sample of 90 patients per arm was needed to detect a difference of 12%.",
])
def test_no_finding_without_statistics_here(sentence):
    assert not [f for f in read_sentence(sentence, reports=True) if f.rule in NEW_RULES]


@pytest.mark.parametrize("sentence", [
    "Mean itch intensity was 2.8 at week 6.",
    "Wound dehiscence occurred in 7% of the operated patients.",
    "Median time to discharge was 6 days for the early-feeding group and 8 days for the delayed-feeding group.",
])
def test_not_read_outside_the_results_part(sentence):
    assert not [f for f in read_sentence(sentence) if f.rule in NEW_RULES]


@pytest.mark.parametrize("text, numbers", [
    ("the duration was shorter (8.1±2.0 vs.11.6±3.2 min, p = 0.01)", [8.1, 11.6]),
    ("with a mean of 4.2±1.1 vs.5.9±1.7 units", [4.2, 5.9]),
])
def test_value_glued_to_vs_dot_is_read_whole(text, numbers):
    assert [v.fields["value"] for v in values(text)] == numbers


@pytest.mark.parametrize("sentence, expected", [
    ("The mean % fall in peak flow was 18.5% ± 6.2 with the drug and 7.5% ± 3.1 with placebo.",
     ("18.5% ± 6.2", "7.5% ± 3.1")),
    ("Percent body fat was 31.2% ± 4.0 in the exercise group and 33.9% ± 4.4 in the control group.",
     ("31.2% ± 4.0", "33.9% ± 4.4")),
])
def test_sd_after_a_percent_sign_belongs_to_the_value(sentence, expected):
    assert expected in [(v, c) for _, v, c in read(sentence)]


@pytest.mark.parametrize("sentence", [
    "Of 60 patients who finished the 6 week programme, 12 (20%) relapsed in the drug arm compared with "
    "20 (33%) in the placebo arm.",
    "Of 40 children who completed the 10 day course, 9 (23%) had diarrhoea in the zinc group compared with "
    "15 (38%) in the control group.",
])
def test_period_named_by_a_duration_is_no_value(sentence):
    found = read_sentence(sentence, reports=True)
    assert [(f.value, f.extra.get("comparator_text")) for f in found if f.rule == "result.versus"][0][1] \
        in ("20 (33%)", "15 (38%)")


def test_wired_to_the_results_part(tmp_path: Path):
    """In a document the rules read the results part, not the methods; the quote holds the value."""
    from kg.readers import read as read_document
    path = tmp_path / "snippet.txt"
    path.write_text("Early feeding after bowel surgery: a randomised trial\n\n"
                    "Methods\n\nThe mean age was 58 years. Median time to discharge was recorded for each "
                    "patient; the target was 7 days.\n\n"
                    "Results\n\nMedian time to discharge was 6 days for the early-feeding group (IQR 4–9) and 8 days "
                    "for the delayed-feeding group (IQR 5–12). Postoperative ileus occurred in 12% of the patients.\n",
                    encoding="utf-8")
    document = read_document(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    results = [f for f in ctx.facts if f.kind == "result" and f.rule in NEW_RULES]
    assert {(f.fields["value"], f.fields["comparator_value"]) for f in results} == {("6 days", "8 days"),
                                                                                   ("12%", None)}
    for f in results:  # the quote holds the value as written, in the results part
        ev = f.evidence[0]
        assert f.fields["value"] in document.text[ev.start:ev.end]
        assert ev.start > document.text.index("Results")


@pytest.mark.parametrize("sentence, values_read", [
    ("Night pain showed a time effect (p < 0.01) for the diary score, which decreased in both the massage "
     "(6.1 ± 1.2 to 3.2 ± 1.0) and rest (6.0 ± 1.4 to 4.9 ± 1.3) groups.", ["3.2 ± 1.0", "4.9 ± 1.3"]),
    ("There was a dose effect (P = 0.03) for serum zinc, which rose in the zinc arm (from 11.2 to "
     "14.8 µmol/l, p < 0.001).", ["14.8 µmol/l"]),
])
def test_bracketed_change_measure_leaves_the_test_out(sentence, values_read):
    found = [f for f in read_sentence(sentence, reports=True) if f.rule == "result.bracket_change"]
    assert [f.value for f in found][:len(values_read)] == values_read
    assert all("p <" not in f.measure.lower() and "p =" not in f.measure.lower() for f in found)


@pytest.mark.parametrize("sentence, expected", [
    ("Systolic pressure fell to 127 mmHg in the walking group and to 134 mmHg in the control group.",
     ("Systolic pressure", "134 mmHg", "127 mmHg")),
    ("Mean ferritin increased to 48 ng/ml with the iron syrup, and with the placebo syrup to 22 ng/ml.",
     ("Mean ferritin", "22 ng/ml", "48 ng/ml")),
])
def test_second_value_a_change_reached(sentence, expected):
    assert expected in read(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("The incidence of catheter blockage was 6.5% overall.", ("incidence of catheter blockage", "6.5%")),
    ("Mean satisfaction was 8.2 in all participants.", ("Mean satisfaction", "8.2")),
])
def test_one_value_for_everyone(sentence, expected):
    assert expected in [(m, v) for m, v, _ in read(sentence)]
