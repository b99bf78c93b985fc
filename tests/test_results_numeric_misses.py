"""Numeric findings kg did not read (issue 7), by class of layout: a sentence that opens in lower
case after a finding closed by a bracket, '%' or a number ('... (p = 0.01). hsCRP fell'); litres
written with a lower-case 'l' ('0.4 l'). Every sentence here was written for these tests, each
class in two phrasings or layouts or more."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.results import read_sentence
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read
from kg.textsafety import parse

TITLE = "A short article written for the tests of numeric findings, on a made-up randomised trial"


def found(sentence: str) -> list[tuple[str, str, str | None]]:
    return [(f.measure, f.value, f.extra.get("comparator_text")) for f in read_sentence(sentence, reports=True)]


def results_of(tmp_path: Path, body: str) -> list[dict]:
    path = tmp_path / "snippet.txt"
    path.write_text(f"{TITLE}\n\nResults\n\n{body}\n", encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    return [f.fields for f in ctx.facts if f.kind == "result"]


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in parse(get_nlp(), text).sents if s.text.strip()]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sleep time rose (p = 0.03). hsCRP fell in both arms.",
         ["Sleep time rose (p = 0.03).", "hsCRP fell in both arms."]),
        ("Thirst fell by 40%. mRNA of the receptor was unchanged.",
         ["Thirst fell by 40%.", "mRNA of the receptor was unchanged."]),
        ("The count was 12. γ-GT did not change.", ["The count was 12.", "γ-GT did not change."]),
        ("Urea rose to 7.9 mmol/l. eGFR fell.", ["Urea rose to 7.9 mmol/l.", "eGFR fell."]),
        ("Ulcers healed faster. iNOS staining was weaker.", ["Ulcers healed faster.", "iNOS staining was weaker."]),
    ],
)
def test_a_sentence_opening_in_lower_case_after_a_finding_is_split(text, expected):
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gains were large (Smith et al. and vs. placebo alike).",
        "The dose was 12 (ref. 3) and (see Fig. 2). and so on.",
        "Sampling of Lactobacillus spp. and E. coli was done.",
    ],
)
def test_abbreviations_and_continuations_still_go_on_the_sentence(text):
    assert len(_sentences(text)) == 1


def test_each_lower_case_sentence_is_read_with_its_own_measure(tmp_path):
    facts = results_of(tmp_path, "Daily step count rose by 900 steps with the app (p = 0.01). "
                                 "eGFR fell by 4% in the app group and by 1% in the control group (p = 0.2).")
    by_value = {str(f.get("value")): f for f in facts}
    assert "egfr" in str(by_value["4%"]["measure"]).lower()
    assert "step" in str(by_value["900"]["measure"]).lower()


@pytest.mark.parametrize(
    "sentence, value, comparator",
    [
        ("Forced vital capacity increased by 0.4 l in the active group and by 0.1 l in the sham group (p = 0.02).",
         "0.4 l", "0.1 l"),
        ("Urine output was 2.3 l/day with the diuretic versus 1.6 l/day with placebo.", "2.3 l/day", "1.6 l/day"),
    ],
)
def test_litres_in_lower_case_are_a_unit(sentence, value, comparator):
    assert any(v == value and c == comparator for _, v, c in found(sentence))


@pytest.mark.parametrize(
    "sentence, value, comparator",
    [
        ("Eight relapses occurred with the sham device and four with the active device.", "four", "Eight"),
        ("Six patients in the control arm and one in the lozenge arm needed antibiotics.", "one", "Six patients"),
        ("Wound infection developed in five patients in the honey group and eleven in the saline group.",
         "five patients", "eleven"),
        ("There were fourteen falls in the usual care group and nine in the exercise group.", "nine", "fourteen"),
    ],
)
def test_counts_in_words_paired_with_their_groups_are_read(sentence, value, comparator):
    assert (value, comparator) in [(v, c) for _, v, c in found(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Two tablets with breakfast and one with dinner were taken for ten days.",
        "Three centres in Spain and two in Italy took part.",
        "One of the authors and two of the nurses read the charts.",
    ],
)
def test_counts_in_words_that_are_no_pair_of_findings_are_not_read(sentence):
    assert found(sentence) == []


def test_a_pair_of_counts_in_words_keeps_the_words_and_their_numbers(tmp_path):
    facts = results_of(tmp_path, "Seven exacerbations occurred with placebo and three with the inhaler.")
    assert [(f["value"], f["comparator_value"], f["numeric_value"], f["numeric_comparator_value"])
            for f in facts] == [("three", "Seven", 3.0, 7.0)]


@pytest.mark.parametrize(
    "sentence, value, comparator",
    [
        ("Itch scores at day 10 were 2.4 in the cream group; 5.1 in the vehicle group.", "2.4", "5.1"),
        ("Median time to walk was 3 days with the brace; 6 days with the cast (P = 0.04).", "3 days", "6 days"),
    ],
)
def test_values_of_two_groups_separated_by_a_semicolon_are_compared(sentence, value, comparator):
    assert (value, comparator) in [(v, c) for _, v, c in found(sentence)]


@pytest.mark.parametrize(
    "sentence, measure, value",
    [
        ("Wound dehiscence occurred in 9% of the suture group; in the staple group, 15%.", "Wound dehiscence", "9%"),
        ("Early relapse was observed in 31% of the taper arm, and the trial stopped.", "Early relapse", "31%"),
    ],
)
def test_an_outcome_seen_in_a_share_of_a_group_is_read(sentence, measure, value):
    assert (measure, value) in [(m, v) for m, v, _ in found(sentence)]


def test_one_and_one_with_no_counted_noun_is_no_pair_of_counts():
    assert found("The session was run twice: one with the real device and one with a dummy, in random order.") == []


@pytest.mark.parametrize(
    "sentence, value, comparator",
    [
        ("Birth weight was higher in the iron arm (3150 g vs 2980 g).", "3150 g", "2980 g"),
        ("Mean weight gain was greater in the fortified group (610 g) than in the plain group (450 g).",
         "610 g", "450 g"),
        ("Blood loss was 380 g with the clamp and 520 g with the tourniquet.", "380 g", "520 g"),
    ],
)
def test_grams_that_weigh_what_the_trial_measured_are_values(sentence, value, comparator):
    assert (value, comparator) in [(v, c) for _, v, c in found(sentence)]


def test_grams_of_a_dose_stay_no_values():
    sentence = "Pain scores fell more with 2 g than with 1 g of the powder."
    assert not any(v in ("2 g", "1 g") for _, v, _ in found(sentence))


@pytest.mark.parametrize(
    "sentence, measure, value",
    [
        ("Symptoms resolved within 48 hours in 70% of children given the syrup.", "Symptoms", "70%"),
        ("The cough subsided in 45% of the patients receiving honey.", "cough", "45%"),
    ],
)
def test_an_outcome_verb_then_a_share_of_people_is_read(sentence, measure, value):
    assert any(value == v and measure in m for m, v, _ in found(sentence))


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Only 3% of the vaccinated children were hospitalised.", "3%"),
        ("After six months, 27% of participants in the app arm were abstinent.", "27%"),
    ],
)
def test_a_share_of_people_in_an_outcome_state_is_read(sentence, value):
    assert value in [v for _, v, _ in found(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Overall, 48% of patients were male.",
        "In total, 87% of participants were followed up at 12 months.",
        "Of these, 62% of the children were randomised to the drug.",
    ],
)
def test_who_the_people_were_is_no_outcome(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Remission occurred in 40% of the low-dose group, 55% high-dose and 20% placebo, p = 0.01.",
         {("40%", "20%"), ("55%", "20%")}),
        ("Response was seen in 40% of the low-dose group, 55% of the high-dose group and 20% of the placebo group.",
         {("40%", "20%"), ("55%", "20%")}),
        ("Return to work: 61% in the usual care group, 70% in the coaching group, 74% in the coaching + app group.",
         {("70%", "61%"), ("74%", "61%")}),
    ],
)
def test_three_group_values_each_named_after_it_are_read_against_the_control(sentence, expected):
    assert expected <= {(v, c) for _, v, c in found(sentence)}


def test_counts_of_kinds_listed_with_their_names_are_no_group_values():
    sentence = "Eight of 14 had a concomitant treatment (4 MTX, 3 MMF and 1 AZA)."
    assert not any(c in ("4", "3") for _, _, c in found(sentence))


@pytest.mark.parametrize(
    "sentence, value, comparator",
    [
        ("Serum zinc rose from a baseline of 61 to 78 µg/dl in the zinc group.", "78", "61"),
        ("Plaque counts increased from a basal level of 0.4 ± 0.5 up to 1.7 ± 1.1 in the untreated arm (p = 0.01).",
         "1.7 ± 1.1", "0.4 ± 0.5"),
        ("The anxiety score fell from a mean value of 14.2 to 9.8 after the course.", "9.8", "14.2"),
    ],
)
def test_a_change_from_a_named_level_is_read(sentence, value, comparator):
    assert (value, comparator) in [(v, c) for _, v, c in found(sentence)]


def test_a_to_inside_a_bracket_opened_after_from_is_no_change():
    sentence = "Overall there was a mean increase from baseline of +31 ng/ml (95% CI +9 to +52 ng/ml)."
    assert not any(c == "+31 ng/ml" and v == "+52" for _, v, c in found(sentence))
