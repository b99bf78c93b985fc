"""Adverse events given one value per arm, in the layouts of abstracts nobody here has read: a fact
per arm, each with its value as evidence. Each layout in at least two wordings, in a Results section
and in an unlabelled abstract paragraph, with layouts that look alike but give no arms.

Every sentence is written for these tests; nothing is copied from a scored or mined paper.
"""

from __future__ import annotations

import pytest

from tests.test_aes_unseen_abstracts import LAYOUTS, aes, per_arm
from tests.test_extraction_endpoints_aes import terms


def arm_values(tmp_path, sentence: str, layout, label: str) -> list[str]:
    """The value each arm's fact of `label` gives as its second evidence, sorted."""
    found = [f for f in aes(tmp_path, sentence, layout) if f.fields["term"].label == label]
    text = (tmp_path / "snippet.txt").read_text(encoding="utf-8")  # what the evidence offsets index
    return sorted(text[f.evidence[-1].start:f.evidence[-1].end] if len(f.evidence) > 1 else "" for f in found)


# -- a value followed by the arm it counts --------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label, values",
    [
        ("Vomiting was reported in 14% of patients receiving lisinopril and 3% of those receiving placebo.",
         "vomiting", ["14%", "3%"]),
        ("Constipation occurred in 22.5% of participants treated with morphine, and 6.0% of participants "
         "given placebo.", "constipation", ["22.5%", "6.0%"]),
        ("Hypoglycaemia was seen in 9% to 12% of glimepiride patients and 2% of placebo patients.",
         "hypoglycemia", ["2%", "9% to 12%"]),
        ("Insomnia was reported by 18% of the bupropion group and 7% of the placebo group.",
         "insomnia", ["18%", "7%"]),
    ],
)
def test_percentages_followed_by_their_arms(tmp_path, layout, sentence, label, values):
    assert arm_values(tmp_path, sentence, layout, label) == values


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label, counts",
    [
        ("Bradycardia occurred in 7 of 50 patients (14%) given esmolol and 1 of 50 (2%) given saline placebo.",
         "bradycardia", [1, 7]),
        ("Two patients dropped out because of rash (3 from the active group, 1 from the placebo group).",
         "rash", [1, 3]),
    ],
)
def test_counts_of_each_arm(tmp_path, layout, sentence, label, counts):
    assert per_arm(aes(tmp_path, sentence, layout), label) == counts


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label",
    [
        # subgroups, timepoints and a word that is no drug are no arms
        ("Myalgia was reported by 11% of men and 6% of women.", "myalgia"),
        ("Fever occurred in 15% of children at week 1 and 3% at week 6.", "fever"),
        ("Rash was reported in 12% of older patients and 5% of younger patients.", "rash"),
    ],
)
def test_values_of_subgroups_or_times_are_no_arms(tmp_path, layout, sentence, label):
    assert arm_values(tmp_path, sentence, layout, label) == [""]


# -- a bracket of values tagged by their arms -----------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label, values",
    [
        ("The most frequent events were dizziness (14%L, 6%P) and tremor (9%L, 2%P).", "dizziness", ["14%L", "6%P"]),
        ("Somnolence (10% with gabapentin, 4% with placebo) was the commonest complaint.",
         "somnolence", ["10% with gabapentin", "4% with placebo"]),
        ("The most common adverse event was headache (21% and 17%, respectively).", "headache", ["17%", "21%"]),
        ("Diarrhoea (metformin, 16%; placebo, 5%) led the list of adverse events.", "diarrhea",
         ["metformin, 16%", "placebo, 5%"]),
    ],
)
def test_a_bracket_of_values_tagged_by_arm(tmp_path, layout, sentence, label, values):
    assert arm_values(tmp_path, sentence, layout, label) == values


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label",
    [
        # severities, times, a count with its share, a rate with its interval, and values of events in a list
        ("Pruritus (4 mild, 2 moderate) was reported after the infusions.", "pruritus"),
        ("Nausea (3 on day 1, 1 on day 5) resolved without treatment.", "nausea"),
        ("Headache (n = 6, 12%) was the most common adverse event.", "headache"),
        ("Somnolence (11%, 95% CI 7% to 15%) was the most common adverse event.", "somnolence"),
        ("The most common adverse events were nausea and vomiting (12% and 8%, respectively).", "vomiting"),
    ],
)
def test_brackets_that_tag_no_arms(tmp_path, layout, sentence, label):
    assert arm_values(tmp_path, sentence, layout, label) == [""]


def test_the_statistics_of_one_comparison_are_no_arms(tmp_path):
    found = aes(tmp_path, "Side effects were few; bloating (F = 2.61; eta2 = 0.07) did not differ.", LAYOUTS[0])
    assert len([f for f in found if f.fields["term"].label == "bloating"]) == 1, terms(found)


# -- '<event>: A% versus B%', and a compared bracket later in the clause ------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label, values",
    [
        ("Complaints after surgery were more frequent with the membrane (swelling: 40% versus 18%, "
         "bleeding: 12% versus 4%).", "hemorrhage", ["12%", "4%"]),
        ("Local reactions after the second dose differed (erythema: 22% vs 9%; pruritus: 6% vs 5%).",
         "erythema", ["22%", "9%"]),
        ("Vomiting occurred more often after ketamine (11 vs 2 children).", "vomiting", ["11", "2 children"]),
        ("Headache was somewhat more frequent with nitrate (30% vs 21%).", "headache", ["21%", "30%"]),
    ],
)
def test_values_compared_after_the_event(tmp_path, layout, sentence, label, values):
    assert arm_values(tmp_path, sentence, layout, label) == sorted(values)


# -- values, then the arms, then 'respectively' -----------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label, values",
    [
        ("Serious adverse events occurred in 6% and 4% of patients in the sitagliptin and placebo groups, "
         "respectively.", "serious adverse event", ["4%", "6%"]),
        ("Cough was reported by 15 and 4 patients receiving enalapril and losartan, respectively.",
         "cough", ["15", "4"]),
    ],
)
def test_values_in_the_order_of_the_arms(tmp_path, layout, sentence, label, values):
    assert arm_values(tmp_path, sentence, layout, label) == values


@pytest.mark.parametrize("layout", LAYOUTS)
def test_respectively_over_a_list_of_events_gives_no_arms(tmp_path, layout):
    sentence = "Nausea and dizziness occurred in 14% and 9% of patients, respectively."
    assert arm_values(tmp_path, sentence, layout, "dizziness") == [""]


# -- '<people> (A% in X and B% in Y) reported <event>' ----------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, values",
    [
        ("Most participants in both arms (72% in the oral arm and 65% in the topical arm) reported at least one "
         "adverse event.", ["65% in the topical arm", "72% in the oral arm"]),
        ("Many patients (40% with drug A, 33% with drug B) experienced an adverse event.",
         ["33% with drug B", "40% with drug A"]),
    ],
)
def test_values_per_arm_before_the_reporting_verb(tmp_path, layout, sentence, values):
    assert arm_values(tmp_path, sentence, layout, "adverse event") == values


@pytest.mark.parametrize(
    "sentence",
    [
        "Nausea was reported by most patients after the first dose. The commonest events were nausea (12%A, 9%B) "
        "and rash (3%A, 2%B).",
        "The commonest events were nausea (12% with A, 9% with B) and rash. Two patients withdrew because of nausea.",
    ],
)
def test_an_overall_statement_is_no_arm_of_its_own(tmp_path, sentence):
    # the event reported overall and per arm: one fact for each arm and one for the whole (in an unlabelled
    # abstract whose title names no condition, the first symptom named is taken for the condition)
    assert len(arm_values(tmp_path, sentence, LAYOUTS[0], "nausea")) == 3
    assert arm_values(tmp_path, sentence, LAYOUTS[0], "nausea")[0] == ""


# -- a tagged bracket later in the clause ---------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label, counts",
    [
        ("Adverse events were similar between groups (celecoxib 31%, placebo 28%).", "adverse event", [None, None]),
        ("Adverse events occurred in 15 patients (naproxen, 9; placebo, 6).", "adverse event", [6, 9]),
    ],
)
def test_a_tagged_bracket_later_in_the_clause(tmp_path, layout, sentence, label, counts):
    assert per_arm(aes(tmp_path, sentence, layout), label) == counts


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label",
    [
        # a signed value is a change of a measure; the sexes are no arms
        ("Tachycardia was seen after each injection (asthmatic subjects +20%, healthy subjects +31%).", "tachycardia"),
        ("Dizziness was reported by 9 participants (women 6, men 3).", "dizziness"),
    ],
)
def test_a_later_bracket_of_changes_or_sexes_gives_no_arms(tmp_path, layout, sentence, label):
    assert arm_values(tmp_path, sentence, layout, label) == [""]


# -- counts before the event ----------------------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label, counts",
    [
        ("There were 5 cases of pneumonia in the steroid group and 2 in the control group.", "pneumonia", [2, 5]),
        ("Three patients in the lithium group and one in the placebo group developed tremor.", "tremor", [1, 3]),
    ],
)
def test_counts_before_the_event_with_their_arms(tmp_path, layout, sentence, label, counts):
    assert per_arm(aes(tmp_path, sentence, layout), label) == counts


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_count_before_the_event_without_arms_is_one_fact(tmp_path, layout):
    found = aes(tmp_path, "There were 5 cases of pneumonia during the winter months.", layout)
    assert per_arm(found, "pneumonia") == [5]
