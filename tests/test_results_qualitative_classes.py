"""Qualitative findings and measure names by class of phrasing (session 21): a recovery compared
in time or found in one arm only, people given a treatment as the subject of a comparative
object, the effect of an agent on a measure, a share of people with its qualifier, a gerund in a
coordinated list, a denied second measure ('for X but not for Y'), a pronoun standing for the
measure just named, a finding where an abstract concludes about a measure its results do not
name; and numbers: a unit word after a value, a predicate before an estimate, a coordinated change
with its own verb, a between-group difference after a within-group change. Every sentence here
was written for these tests, in two phrasings or layouts per class."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.results import read_sentence
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read


def read_(sentence: str, **kw) -> list[tuple[str, str]]:
    return [(f.measure, f.value) for f in read_sentence(sentence, reports=True, **kw)]


@pytest.mark.parametrize("sentence, expected", [
    ("Wheezing subsided sooner with magnesium than with saline.", ("Wheezing", "subsided sooner")),
    ("Skin lesions healed more quickly in the cream group.", ("Skin lesions", "healed more quickly")),
    ("Jaundice cleared earlier in infants given phototherapy.", ("Jaundice", "cleared earlier")),
    ("Cough frequency declined significantly only in the honey arm.",
     ("Cough frequency", "declined significantly only")),
    ("Serum sodium returned to normal sooner among children on the new solution.",
     ("Serum sodium", "returned to normal sooner")),
])
def test_a_recovery_compared_in_time_or_in_one_arm_only(sentence, expected):
    assert read_(sentence) == [expected]


def test_only_with_a_time_is_no_comparison_of_arms():
    assert read_("Pain declined only after the second week.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Infants given probiotics had fewer episodes of colic.", ("episodes of colic", "fewer")),
    ("Those randomised to the cream experienced less itching.", ("itching", "less")),
    ("Metformin-treated women showed greater weight loss.", ("weight loss", "greater")),
    ("Adults receiving the vaccine reported more injection-site pain.", ("injection-site pain", "more")),
])
def test_people_given_a_treatment_with_a_comparative_object(sentence, expected):
    assert read_(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "Patients receiving higher doses were older.",
    "Patients with diabetes had higher glucose.",  # no treatment named: a description of people
])
def test_people_without_a_treatment_compared_are_no_finding(sentence):
    assert read_(sentence) == []


@pytest.mark.parametrize("sentence, measure", [
    ("No significant effect of iron was observed on the duration of fatigue.", "duration of fatigue"),
    ("There was no effect of the reading programme on spelling accuracy (p = 0.4).", "spelling accuracy"),
    ("The trial showed no significant effect of the app on daily step count.", "daily step count"),
    ("We did not find a significant effect of the reminder on attendance rates.", "attendance rate"),
])
def test_an_effect_is_about_what_it_acted_on(sentence, measure):
    (got,) = read_(sentence)
    assert got[0] == measure and "effect" in got[1]


def test_an_effect_listed_on_two_measures():
    assert [m for m, _ in read_("There was no significant effect of the diet on weight or on waist girth.")] \
        == ["weight", "waist girth"]


@pytest.mark.parametrize("sentence, measure", [
    ("The proportion of infants with a fever was lower in the vaccine group.", "proportion of infants with a fever"),
    ("The percentage of women with a live birth did not differ between the groups.",
     "percentage of women with a live birth"),
    ("The number of patients who relapsed was higher in the placebo arm.", "number of patients who relapsed"),
])
def test_a_share_of_people_keeps_who_it_counts(sentence, measure):
    assert [m for m, _ in read_(sentence)] == [measure]


def test_a_long_who_clause_is_left_out():
    got = read_("The proportion of patients who reported at least one adverse event was similar in both arms.")
    assert [m for m, _ in got] == ["proportion of patients"]


@pytest.mark.parametrize("sentence, measures", [
    ("Gel A was effective in reducing plaque and improving gum bleeding in adults.", ["plaque", "gum bleeding"]),
    ("Spray B was more effective than saline in relieving congestion, sneezing and lowering nasal itch.",
     ["congestion", "sneezing", "nasal itch"]),
])
def test_a_gerund_inside_a_list_is_no_part_of_the_measure(sentence, measures):
    assert [m for m, _ in read_(sentence)] == measures


@pytest.mark.parametrize("sentence, first, second", [
    ("Drug Z was superior to placebo for pain scores but not for sleep quality.",
     ("pain score", "superior"), ("sleep quality", "not superior")),
    ("The second cohort performed better than the first on the written test, but not on the oral test.",
     ("written test", "better"), ("oral test", "not better")),
])
def test_a_second_measure_denied_after_but_not(sentence, first, second):
    assert read_(sentence) == [first, second]


def test_but_not_in_a_group_is_no_second_measure():
    got = read_("Ferritin increased significantly in iron-treated but not in placebo-treated women.")
    assert got == [("Ferritin", "increased significantly")]


@pytest.mark.parametrize("sentence, measure, second", [
    ("Fractional exhaled nitric oxide decreased with drug B, whereas it rose with placebo.",
     "Fractional exhaled nitric oxide", "rose"),
    ("Serum urate fell in the allopurinol arm, but they increased in the control arm.", "Serum urate", "increased"),
])
def test_a_pronoun_stands_for_the_measure_just_named(sentence, measure, second):
    assert read_(sentence)[1] == (measure, second)


def test_a_pronoun_with_no_finding_before_names_nothing():
    assert all(m != "It" for m, _ in read_("It was significantly lower in the study group."))


@pytest.mark.parametrize("sentence, measure", [
    ("Median change in plaque volume was +12 units with drug A versus +48 with placebo.",
     "Median change in plaque volume"),
    ("The mean gain in reading fluency was 9 points with tutoring versus 4 with usual teaching.",
     "mean gain in reading fluency"),
])
def test_a_unit_word_after_a_value_is_no_measure(sentence, measure):
    (f,) = read_sentence(sentence, reports=True)
    assert f.measure == measure


@pytest.mark.parametrize("sentence, measure", [
    ("The odds of relapse were halved (odds ratio 0.48).", "odds of relapse (odds ratio)"),
    ("The risk of stroke was almost doubled (hazard ratio 1.9, 95% CI 1.2 to 3.0).", "risk of stroke (hazard ratio)"),
])
def test_a_predicate_before_an_estimate_is_no_measure(sentence, measure):
    assert [f.measure for f in read_sentence(sentence)] == [measure]


@pytest.mark.parametrize("sentence, measure", [
    ("Arterial stiffness decreased from 9.8 to 8.9 m/s with drug K and increased from 9.6 to 10.1 m/s with placebo.",
     "Arterial stiffness"),
    ("The mean number of tender and swollen joints fell from 8 to 5 with drug Q and rose from 7 to 8 with placebo.",
     "mean number of tender and swollen joints"),
])
def test_a_coordinated_change_with_its_own_verb_shares_the_measure(sentence, measure):
    found = [f for f in read_sentence(sentence) if f.rule == "result.change"]
    assert len(found) == 2 and all(f.measure.startswith(measure) for f in found)


def test_two_changes_each_with_its_own_subject_keep_them():
    found = read_sentence("HbA1c fell from 8.1% to 7.2% and fasting glucose decreased from 9.0 to 7.9 mmol/L.")
    assert [f.measure for f in found] == ["HbA1c (%)", "fasting glucose (mmol/L)"]


@pytest.mark.parametrize("sentence", [
    "Weight fell from 82 to 79 kg with the diet (between-group difference -2.4 kg, 95% CI -3.9 to -0.9).",
    "Heart rate fell from 80 to 72 beats/min with drug B and from 81 to 79 beats/min with placebo "
    "(difference between groups -6 beats/min, 95% CI -9 to -3).",
])
def test_a_between_group_difference_after_a_change_is_its_own_finding(sentence):
    found = read_sentence(sentence)
    assert any(f.rule == "result.estimate" for f in found)
    assert any(f.rule == "result.change" for f in found)


def test_a_mean_difference_after_one_change_still_qualifies_it():
    found = read_sentence("Systolic pressure fell from 150 to 141 mmHg (mean difference -9 mmHg, 95% CI -12 to -6).")
    assert [f.rule for f in found] == ["result.change"]


TITLE = "Drug W for adults with chronic cough: a randomised trial"
RESULTS = "Cough frequency fell from 30 to 18 per hour with drug W and from 31 to 27 with placebo (p = 0.01)."


def _facts(tmp_path: Path, conclusion: str, layout: str) -> list[tuple[str, str]]:
    if layout == "labelled":
        body = (f"Methods\nAdults with chronic cough were randomised to drug W or placebo for 8 weeks.\n\n"
                f"Results\n{RESULTS}\n\nConclusions\n{conclusion}\n")
    else:
        body = (f"Abstract\nAdults with chronic cough were randomised to drug W or placebo for 8 weeks. {RESULTS} "
                f"{conclusion}\n")
    path = tmp_path / "conclusion.txt"
    path.write_text(f"{TITLE}\n\n{body}", encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    out = []
    for f in ctx.facts:
        if f.kind == "result":
            for ev in f.evidence:
                span = document.text[ev.start:ev.end]
                assert 0 <= ev.start < ev.end <= len(document.text) and span.strip() == span
            out.append((str(f.fields["measure"]), f.fields["value"]))
    return out


@pytest.mark.parametrize("layout", ["labelled", "unlabelled"])
def test_a_conclusion_about_a_measure_the_results_do_not_name_is_read(tmp_path, layout):
    got = _facts(tmp_path, "Sleep disturbance improved more with drug W than with placebo.", layout)
    assert ("Sleep disturbance", "improved more") in got


@pytest.mark.parametrize("conclusion", [
    "Cough frequency fell more with drug W than with placebo.",  # the results report it
    "There was a trend towards better sleep with drug W.",  # a trend where the paper concludes
])
def test_a_conclusion_restating_or_a_trend_is_not_read(tmp_path, conclusion):
    got = _facts(tmp_path, conclusion, "labelled")
    assert not any(v in ("fell more", "trend towards better") for _, v in got)


ARMS = frozenset({"drug w", "metformin"})


@pytest.mark.parametrize("sentence, expected", [
    ("Drug W provides additional benefits to standard care in adults with cough.", ("benefit", "additional benefits")),
    ("Metformin offered no clinical benefit over lifestyle advice.", ("benefit", "no clinical benefit")),
    ("Metformin conferred a significant benefit in terms of weight loss.", ("weight loss", "significant benefit")),
])
def test_an_arm_provides_a_benefit(sentence, expected):
    assert [(f.measure, f.value) for f in read_sentence(sentence, arms=ARMS, reports=True)] == [expected]
    assert [(f.measure, f.value) for f in read_sentence(sentence, restating=True, arms=ARMS, claims=True)] == [expected]


@pytest.mark.parametrize("sentence", [
    "Metformin may provide additional benefit in older adults.",  # hedged
    "Walking provided no additional benefit.",  # no arm of the trial
    "This study has shown benefits from an area-wide register.",
])
def test_a_benefit_hedged_or_of_no_arm_is_no_finding(sentence):
    assert read_sentence(sentence, arms=ARMS, reports=True) == []


@pytest.mark.parametrize("sentence, measures", [
    ("Greater improvements at week 12 were noted for the drug B group for fatigue, anxiety and sleep scores.",
     ["fatigue", "anxiety", "sleep score"]),
    ("Patients given drug B had a significantly greater improvement compared with placebo on the pain index.",
     ["pain index"]),
    ("Grip strength fell in both arms; however, the decrease was smaller in the exercise arm.",
     ["Grip strength", "Grip strength"]),
    ("The change in the stiffness index was faster with drug B than with placebo.", ["stiffness index"]),
])
def test_a_change_named_by_its_noun_is_about_the_measure_written_elsewhere(sentence, measures):
    assert sorted(f.measure for f in read_sentence(sentence, reports=True)) == sorted(measures)


def test_a_change_noun_before_a_group_only_is_left_as_it_is():
    assert [f.measure for f in read_sentence("Greater reductions were seen in the placebo group.")] == ["reductions"]
