"""Two layouts of one sentence stating an agent's effect beside another statement
(kg/extract/mechanism_clauses.py _second_verb, _aside_end; mechanisms._set_apart_from):

- a second target the agent is said not to affect, joined to its first statement by 'without'
  or 'and did not' ('X lowered A without affecting B'): a negated statement of B;
- an aside that sets another arm apart ('X, but not placebo, lowered A', 'X, and not Y, raised
  A'): the statement is X's and not denied; the arm set apart has none of its own.

Every sentence was written for these tests, each class in two phrasings.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_mechanisms import find, mechs

TITLE = "Effects of {drug} on oxidative stress in adults with type 2 diabetes: a randomised placebo-controlled trial"


@pytest.mark.parametrize("drug, body, first, way, second", [
    ("Pioglitazone", "Pioglitazone significantly decreased serum MDA without affecting serum paraoxonase activity.",
     "mda", "down", "paraoxonase"),
    ("Pioglitazone", "Pioglitazone raised plasma adiponectin and did not alter plasma resistin.", "adiponectin", "up",
     "resistin"),
])
def test_a_second_target_the_agent_leaves_unchanged_is_a_negated_statement(tmp_path, drug, body, first, way,
                                                                          second):
    found = mechs(tmp_path, body, title=TITLE.format(drug=drug))
    assert find(found, drug, way, first)["negated"] is False
    assert find(found, drug, "mod", second)["negated"] is True


@pytest.mark.parametrize("drug, body, target, way", [
    ("Quercetin", "Quercetin, but not placebo, reduced the plasma concentration of MDA (P < 0.05).", "mda", "down"),
    ("Quercetin", "Quercetin, and not the placebo, raised serum glutathione peroxidase activity.", "glutathione",
     "up"),
])
def test_an_agent_before_an_aside_setting_placebo_apart_has_the_effect(tmp_path, drug, body, target, way):
    found = mechs(tmp_path, body, title=TITLE.format(drug=drug))
    assert find(found, drug, way, target)["negated"] is False


@pytest.mark.parametrize("body, target", [
    ("Atorvastatin, but not ezetimibe, reduced plasma IL-6 (P < 0.05).", "il-6"),
    ("Ezetimibe, but not atorvastatin, lowered serum TNF-α.", "tnf"),
])
def test_the_drug_before_the_aside_is_the_subject_and_the_one_set_apart_is_denied(tmp_path, body, target):
    first, other = (w.strip(",").lower() for w in body.split()[:4:3])
    found = mechs(tmp_path, body, title="Atorvastatin or ezetimibe in adults with type 2 diabetes: a randomised trial")
    assert find(found, first, "down", target)["negated"] is False
    assert all(m["negated"] for m in found if other in m["agent"].lower())
