"""Whose finding a full text's mechanism statement is, and statements that state no effect.

Every sentence here was written for these tests, each class in two phrasings, in a full-text
layout (abstract, then the body's parts) read by the same reader and pipeline as any paper.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read

UP = {"increases", "expands", "activates", "induces"}
DOWN = {"decreases", "inhibits", "suppresses", "reduces"}


def mechs(tmp_path: Path, abstract: str, parts: dict[str, str]) -> list:
    """Mechanism facts of a made-up full text: title, abstract, then the body's parts."""
    body = "".join(f"{head}\n\n{text}\n\n" for head, text in parts.items())
    path = tmp_path / "fulltext.txt"
    path.write_text(f"A made-up randomised trial written for the kg tests\n\nAbstract\n\n{abstract}\n\n{body}",
                    encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    return [f for f in ctx.facts if f.kind == "mechanism"]


def find(facts, agent: str, way: str, target: str):
    hits = [f for f in facts if agent in f.fields["agent"].label.lower() and target in f.fields["target"].label.lower()
            and (f.fields["relation"] in UP if way == "up" else f.fields["relation"] in DOWN)]
    return hits[0] if hits else None


ABSTRACT = "Results: Rosuvastatin lowered serum IL-6 after twelve weeks."


@pytest.mark.parametrize("heading", ["Introduction", "Discussion"])
@pytest.mark.parametrize("sentence", [
    "In earlier work, atorvastatin lowered plasma triglycerides in adults with gout [4, 7].",
    "Atorvastatin has been shown to lower plasma triglycerides in older men.",
    "Okafor et al. found that atorvastatin lowered plasma triglycerides in a cohort of farmers.",
    "In rats, atorvastatin lowered plasma triglycerides (Lindqvist, 2009).",
])
def test_other_work_in_the_body_is_kept_as_a_prior_study_with_less_confidence(tmp_path, heading, sentence):
    parts = {"Introduction": "Gout is common.", "Results": "Rosuvastatin reduced serum malondialdehyde levels.",
             "Discussion": "Adherence was high."}
    facts = mechs(tmp_path, ABSTRACT, {**parts, heading: sentence})
    f = find(facts, "atorvastatin", "down", "triglyceride")
    assert f is not None, [(x.fields["agent"].label, x.fields["target"].label) for x in facts]
    assert (f.fields["statement"], f.fields["cited"]) == ("prior_study", True)
    own = find(facts, "rosuvastatin", "down", "malondialdehyde")
    assert own.fields["statement"] == "trial_finding"
    assert f.confidence < own.confidence


@pytest.mark.parametrize("sentence", [
    "Our results show that rosuvastatin lowered serum homocysteine, in line with an earlier trial [12].",
    "In the present study, rosuvastatin lowered serum homocysteine.",
    "Rosuvastatin lowered serum homocysteine by 2.1 umol/l, but the difference was not significant (P = 0.21).",
])
def test_the_authors_own_findings_in_the_discussion_are_trial_findings(tmp_path, sentence):
    for heading in ("Discussion", "Conclusions"):
        parts = {"Results": "Adherence was high.", "Discussion": "Adherence was high.", heading: sentence}
        f = find(mechs(tmp_path, ABSTRACT, parts), "rosuvastatin", "down", "homocysteine")
        assert f is not None and f.fields["statement"] == "trial_finding" and not f.fields["cited"]


@pytest.mark.parametrize("sentence", [
    "Serum IL-8 and TNF-alpha at baseline were similar in the rosuvastatin and placebo groups.",
    "Baseline concentrations of IL-8 did not differ between the rosuvastatin and placebo arms.",
])
def test_arms_compared_at_baseline_state_no_effect(tmp_path, sentence):
    facts = mechs(tmp_path, ABSTRACT, {"Results": sentence})
    assert not [f for f in facts if "IL-8" in f.fields["target"].label], facts
    # a change from baseline is an effect
    facts = mechs(tmp_path, ABSTRACT, {"Results": "Rosuvastatin lowered IL-8 from baseline in the treated arm."})
    assert find(facts, "rosuvastatin", "down", "il-8")


@pytest.mark.parametrize("sentence, target", [
    ("Tamoxifen reduced cell proliferation in estrogen receptor positive tumours.", "estrogen receptor"),
    ("Letrozole slowed growth of hormone receptor-negative cells.", "receptor"),
])
def test_a_classifier_after_a_target_is_no_target(tmp_path, sentence, target):
    facts = mechs(tmp_path, ABSTRACT, {"Results": sentence})
    assert not [f for f in facts if f.fields["target"].label.lower().endswith(target)], \
        [(f.fields["agent"].label, f.fields["target"].label) for f in facts]


@pytest.mark.parametrize("abstract, body", [
    ("Results: Etanercept depleted circulating B cells within a month.",
     "B cells increased with etanercept from the sixth month."),
    ("Findings: Etanercept reduced circulating B cells.",
     "Later in follow-up, etanercept increased B cells again."),
])
def test_a_direction_the_abstract_contradicts_is_dropped(tmp_path, abstract, body):
    facts = mechs(tmp_path, abstract, {"Introduction": "Arthritis is common.", "Results": body})
    assert find(facts, "etanercept", "down", "b cell")
    assert not find(facts, "etanercept", "up", "b cell")


@pytest.mark.parametrize("sentence, agent", [
    ("Prednisone caused a marked suppression of mitogen stimulated IFN-gamma, TNF-alpha and IL-2 production.",
     "prednisone"),
    ("Budesonide led to a reduction in LPS-stimulated IL-6, IL-8 and TNF-alpha release.", "budesonide"),
])
def test_a_participle_opening_a_list_of_targets_is_no_relation_for_any_of_them(tmp_path, sentence, agent):
    facts = [f for f in mechs(tmp_path, f"Results: {sentence}", {}) if agent in f.fields["agent"].label.lower()]
    assert len(facts) >= 3 and all(f.fields["relation"] in DOWN for f in facts), \
        [(f.fields["relation"], f.fields["target"].label) for f in facts]


@pytest.mark.parametrize("sentence", [
    "Okafor et al. showed that atorvastatin lowered plasma triglycerides with the dose used in this study.",
    "Those investigators found that atorvastatin lowered plasma triglycerides, as in the present study.",
])
def test_other_authors_finding_compared_with_this_study_is_still_theirs(tmp_path, sentence):
    parts = {"Introduction": "Gout is common.", "Results": "Adherence was high.", "Discussion": sentence}
    f = find(mechs(tmp_path, ABSTRACT, parts), "atorvastatin", "down", "triglyceride")
    assert f is not None and f.fields["statement"] == "prior_study" and f.fields["cited"]


@pytest.mark.parametrize("sentence, agent, target", [
    ("Once in the gut, Lactobacillus reuteri is activated and releases molecules that act on the inflammatory "
     "immune response.", "lactobacillus", "immune response"),
    ("In the gut, Bifidobacterium longum is activated and produces butyrate near the regulatory T cells.",
     "bifidobacterium", "regulatory t cell"),
    ("Once swallowed, Lactobacillus plantarum LP-115, 299v is activated and acts on the inflammatory immune response.",
     "lactobacillus", "immune response"),
])
def test_what_happens_to_the_agent_is_no_relation_to_a_later_target(tmp_path, sentence, agent, target):
    assert agent.lower() in sentence.lower()
    facts = mechs(tmp_path, f"Conclusions: {sentence}", {})
    assert not [f for f in facts if target in f.fields["target"].label.lower()], \
        [(f.fields["agent"].label, f.fields["relation"], f.fields["target"].label) for f in facts]


@pytest.mark.parametrize("sentence", [
    "After the second infusion of rituximab, B-cell counts started to increase again from month 6.",
    "With rituximab, regulatory T cells recovered and increased by month 9.",
])
def test_a_target_recovering_after_the_effect_is_no_mechanism(tmp_path, sentence):
    facts = mechs(tmp_path, "Results: Fatigue improved.", {"Introduction": "Fatigue is common.", "Results": sentence})
    assert not [f for f in facts if f.fields["relation"] in UP], \
        [(f.fields["relation"], f.fields["target"].label) for f in facts]


@pytest.mark.parametrize("sentence", [
    "Women in the advice group reported a greater intake of calcium, potassium and vitamin B2 than controls.",
    "Coaching increased vitamin E intake.",
])
def test_a_nutrient_people_ate_is_no_target(tmp_path, sentence):
    facts = mechs(tmp_path, "Results: Weight gain was lower.", {"Introduction": "Diet matters.", "Results": sentence})
    assert not [f for f in facts if "vitamin" in f.fields["target"].label.lower()], \
        [(f.fields["agent"].label, f.fields["relation"], f.fields["target"].label) for f in facts]
    body = "Zinc increased plasma vitamin D concentrations."
    facts = mechs(tmp_path, "Results: Weight gain was lower.", {"Introduction": "Diet matters.", "Results": body})
    assert [f for f in facts if "vitamin d" in f.fields["target"].label.lower()]
