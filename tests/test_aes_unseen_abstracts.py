"""Adverse events in the phrasings of abstracts nobody here has read: each class of phrasing in at
least two wordings and two layouts (a Results section, and one unlabelled abstract paragraph).

Every sentence is written for these tests; nothing is copied from a scored or mined paper.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_endpoints_aes import ae as one
from tests.test_extraction_endpoints_aes import facts_of, terms

OPENING = "We randomly assigned 120 adults to the study drug or placebo for 12 weeks."
CLOSING = "The drug may be a useful option."
# a headed results section, and an abstract with no labels at all (its sentences are in no part)
LAYOUTS = [("Results", "{}"), ("Abstract", OPENING + " {} " + CLOSING)]


def aes(tmp_path, sentence: str, layout: tuple[str, str]):
    section, wrap = layout
    return facts_of(tmp_path, wrap.format(sentence), "adverse_event", section=section)


def per_arm(facts, label: str) -> list[int | None]:
    return sorted((f.fields["count"] for f in facts if f.fields["term"].label == label), key=lambda n: n or 0)


# -- the short forms AE / SAE are words about harms -----------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, count",
    [
        ("Of 11 serious AEs, none were judged vaccine-related.", 11),
        ("Of the 6 SAEs, none was considered related to the study drug.", 6),
    ],
)
def test_a_tally_of_serious_events_in_short_form(tmp_path, layout, sentence, count):
    sae = one(aes(tmp_path, sentence, layout), "serious adverse event")
    assert (sae["count"], sae["serious"], sae["related_to_drug"]) == (count, True, False)


# -- the umbrella term compared between arms ------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence",
    [
        "The four-drug regimen had the highest occurrence of adverse events.",
        "No statistically significant intergroup difference was seen in the frequency of adverse events.",
        "Side-effects were infrequent and similar in the two arms.",
        "The adverse event profile was consistent with that of earlier trials.",
    ],
)
def test_the_umbrella_term_compared_between_arms(tmp_path, layout, sentence):
    assert one(aes(tmp_path, sentence, layout), "adverse event")["count"] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Pain in the lower back was the main complaint; no adverse events were seen.",
        "Despite prophylaxis, many side effects follow the removal of lower wisdom teeth.",
    ],
)
def test_a_bare_comparative_word_compares_nothing(tmp_path, sentence):
    # 'lower' names a place here: the umbrella term is a fact only when negated
    found = aes(tmp_path, sentence, ("Background", "{}"))
    assert ("adverse event", False) not in terms(found)


# -- 'no patient withdrew because of adverse effects' ---------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, surface",
    [
        ("No participant withdrew because of side effects.", "withdrew because of side effects"),
        (
            "There were no discontinuations due to adverse events in either arm.",
            "discontinuations due to adverse events",
        ),
        (
            "None of the children stopped treatment owing to adverse effects.",
            "stopped treatment owing to adverse effects",
        ),
    ],
)
def test_no_withdrawal_because_of_harms(tmp_path, layout, sentence, surface):
    found = aes(tmp_path, sentence, layout)
    stop = [f for f in found if f.fields["term"].label == "treatment discontinuation"]
    assert len(stop) == 1 and stop[0].fields["negated"] is True, terms(found)
    assert stop[0].surface == surface and stop[0].fields["count"] is None
    assert ("adverse event", True) not in terms(found)  # stopping for harms is denied, not the harms


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_counted_withdrawal_stays_an_event(tmp_path, layout):
    stop = one(aes(tmp_path, "Four patients withdrew because of adverse effects.", layout), "treatment discontinuation")
    assert stop["count"] == 4 and stop["led_to_discontinuation"] is True


# -- one fact per arm: the count first, the arm after it ------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label, counts",
    [
        (
            "Dizziness occurred in 9 (11%) patients in the active group and 4 (5%) in the placebo group.",
            "dizziness",
            [4, 9],
        ),
        (
            "Rash was reported by 7/52 (13%) participants of the high-dose arm and 2/50 (4%) of the control arm.",
            "rash",
            [2, 7],
        ),
        (
            "Hypoglycaemia was more frequent with insulin glargine (n = 12) than with the oral agent (n = 3).",
            "hypoglycemia",
            [3, 12],
        ),
    ],
)
def test_counts_followed_by_their_arms(tmp_path, layout, sentence, label, counts):
    assert per_arm(aes(tmp_path, sentence, layout), label) == counts


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_count_without_arms_is_one_fact(tmp_path, layout):
    assert per_arm(aes(tmp_path, "Dizziness occurred in 9 patients during the first week.", layout), "dizziness") == [9]


# -- relatedness said after the event ------------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label",
    [
        (
            "Serious adverse events occurred in 4 patients; none were considered treatment related.",
            "serious adverse event",
        ),
        ("Three deaths occurred in the control arm, neither of them related to the study drug.", "death"),
    ],
)
def test_events_said_not_to_be_related(tmp_path, layout, sentence, label):
    assert one(aes(tmp_path, sentence, layout), label)["related_to_drug"] is False


# -- a measured rate is no event --------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "In-hospital mortality did not differ between the arms (9% vs 11%).",
        "Length of stay, mortality and readmission rates were similar in both groups.",
    ],
)
def test_mortality_as_a_measured_outcome_is_no_event(tmp_path, sentence):
    assert not [f for f in aes(tmp_path, sentence, LAYOUTS[0]) if f.fields["term"].label == "death"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_deaths_that_occurred_are_events(tmp_path, layout):
    death = one(aes(tmp_path, "Two deaths occurred in the placebo arm.", layout), "death")
    assert death["count"] == 2 and death["serious"] is True


# -- symptoms with a head of their own, items in brackets and before their noun ---------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label, count",
    [
        ("Mild nasal irritation was reported by 5 participants.", "nasal irritation", 5),
        ("Adverse reactions occurred in 12 children, chiefly gastrointestinal upset.", "gastrointestinal upset", None),
        ("Abdominal discomfort was reported by 8 patients in the first week.", "abdominal discomfort", 8),
    ],
)
def test_symptoms_named_by_their_head_noun(tmp_path, layout, sentence, label, count):
    assert one(aes(tmp_path, sentence, layout), label)["count"] == count


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Five serious adverse events (three pneumonias and two seizures) were reported.", {"pneumonia", "seizure"}),
        ("Brief and mild somnolence was the main side effect of the higher dose.", {"somnolence"}),
    ],
)
def test_events_listed_with_counts_or_before_their_noun(tmp_path, layout, sentence, expected):
    assert expected <= {t for t, _neg in terms(aes(tmp_path, sentence, layout))}


# -- laboratory values out of range ----------------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label, count",
    [
        ("A transient rise in serum creatinine was observed in three patients.", "creatinine increased", 3),
        ("Deranged liver function tests were found in 2 children.", "abnormal liver function", 2),
        ("AST elevations were noted in 4 participants given the higher dose.", "increased transaminases", 4),
    ],
)
def test_laboratory_abnormalities(tmp_path, layout, sentence, label, count):
    assert one(aes(tmp_path, sentence, layout), label)["count"] == count


@pytest.mark.parametrize(
    "sentence",
    [
        "Serum creatinine fell from 1.6 to 1.3 mg/dl after 12 weeks (p = 0.02).",
        "Liver enzymes were measured at baseline and at week 12.",
    ],
)
def test_a_laboratory_value_measured_is_no_event(tmp_path, sentence):
    assert aes(tmp_path, sentence, LAYOUTS[0]) == []


# -- how many events each patient had is no count of patients ---------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, count",
    [
        ("Fourteen participants (12%) reported at least one adverse event.", 14),
        ("Overall, 31 patients had one or more adverse events.", 31),
    ],
)
def test_at_least_one_event_is_not_the_count(tmp_path, layout, sentence, count):
    assert one(aes(tmp_path, sentence, layout), "adverse event")["count"] == count


# -- what the drug did (not) cause; where a negation ends ---------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, absent, present",
    [
        ("The infusion did not cause hypotension, but caused flushing in 4 patients.", "hypotension", "flushing"),
        (
            "Ketamine does not cause bradycardia, and this supports its use; dizziness occurred in 3.",
            "bradycardia",
            "dizziness",
        ),
    ],
)
def test_a_negation_ends_with_its_clause(tmp_path, layout, sentence, absent, present):
    found = aes(tmp_path, sentence, layout)
    assert (absent, True) in terms(found) and (present, False) in terms(found), terms(found)


# -- where it happened stays in the name; a definition is no event -----------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label",
    [
        ("Vulvovaginal infection was reported by 6% of women on the higher dose.", "vulvovaginal infection"),
        ("Gastrointestinal bleeding occurred in 3 patients in the aspirin arm.", "gastrointestinal bleeding"),
    ],
)
def test_the_site_of_an_event_stays_in_its_name(tmp_path, layout, sentence, label):
    one(aes(tmp_path, sentence, layout), label)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tolerability was defined as the absence of any adverse event leading to withdrawal.",
        "Safety is defined as freedom from serious adverse events during the infusion.",
    ],
)
def test_a_definition_names_no_event(tmp_path, sentence):
    assert aes(tmp_path, sentence, ("Methods", "{}")) == []


# -- a named toxicity speaks of harms; umbrella terms qualified by severity -----------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label",
    [
        ("There was no evidence of nephrotoxicity.", "nephrotoxicity"),
        ("No signs of hepatotoxicity were recorded in either arm.", "hepatotoxicity"),
    ],
)
def test_a_named_toxicity_denied(tmp_path, layout, sentence, label):
    one(aes(tmp_path, sentence, layout), label, negated=True)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label",
    [
        (
            "No participant experienced any serious or unexpected adverse reactions.",
            "serious or unexpected adverse reactions",
        ),
        (
            "Neither group had any severe or unexpected adverse event.",
            "severe or unexpected adverse event",
        ),
    ],
)
def test_umbrella_terms_denied_with_their_severity(tmp_path, layout, sentence, label):
    one(aes(tmp_path, sentence, layout), label, negated=True)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label, counts",
    [
        (
            "Adverse events were reported in 18 (36%) patients receiving the drug and 11 (22%) receiving placebo.",
            "adverse event",
            [11, 18],
        ),
        ("Nausea occurred in 7 participants given ginger and 2 given placebo.", "nausea", [2, 7]),
    ],
)
def test_counts_followed_by_what_the_arm_received(tmp_path, layout, sentence, label, counts):
    assert per_arm(aes(tmp_path, sentence, layout), label) == counts


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label",
    [
        (
            "Apart from transient pain at the injection site, the vaccine was well tolerated.",
            "pain at the injection site",
        ),
        (
            "Tolerance was good; only 3 patients complained of swelling at the injection site.",
            "injection site reaction",
        ),
    ],
)
def test_local_symptoms_beside_a_statement_of_tolerability(tmp_path, layout, sentence, label):
    one(aes(tmp_path, sentence, layout), label)


# -- no difference in a category of events: the category is compared, and a minor one is not serious ---
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label",
    [
        (
            "There were no serious adverse events and no relevant or statistically significant differences in minor "
            "adverse events.",
            "minor adverse events",
        ),
        (
            "No deaths occurred, and there were no important between-group differences in minor side effects.",
            "minor side effects",
        ),
    ],
)
def test_no_difference_in_a_milder_category(tmp_path, layout, sentence, label):
    assert one(aes(tmp_path, sentence, layout), label)["serious"] is False


# -- counts: a denominator is no count; 'none ... deemed to be treatment related' ---------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, label, count",
    [
        ("Vomiting was reported by 6/45 children.", "vomiting", 6),
        (
            "Across both arms, 20/50 (40%) and 18/49 (37%) participants had at least one adverse event.",
            "adverse event",
            None,
        ),
    ],
)
def test_a_denominator_is_no_count(tmp_path, layout, sentence, label, count):
    assert one(aes(tmp_path, sentence, layout), label)["count"] == count


@pytest.mark.parametrize("layout", LAYOUTS)
def test_unrelated_said_at_a_distance(tmp_path, layout):
    sentence = "Rash occurred in 4 patients; none of these was judged treatment related."
    assert one(aes(tmp_path, sentence, layout), "rash")["related_to_drug"] is False


# -- '..., the most common being A, B and C' ----------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Reported events were alike in the two arms, the most common being headache (12%), oropharyngeal pain (6%) "
            "and cough (3%).",
            {"headache", "oropharyngeal pain", "cough"},
        ),
        (
            "Side effects were few, the most frequent ones being dry mouth and constipation.",
            {"dry mouth", "constipation"},
        ),
    ],
)
def test_a_list_after_the_most_common_being(tmp_path, layout, sentence, expected):
    assert expected <= {t for t, _neg in terms(aes(tmp_path, sentence, layout))}


def test_the_most_common_being_needs_a_sentence_about_harms(tmp_path):
    sentence = "Reasons for referral varied, the most common being poor sleep and school refusal."
    assert aes(tmp_path, sentence, LAYOUTS[0]) == []
