"""Layouts of one sentence stating an agent's effect beside another statement
(kg/extract/mechanism_clauses.py _second_verb):

- a second target the agent is said not to affect, joined to its first statement by 'without'
  or 'and did not' ('X lowered A without affecting B'): a negated statement of B;

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
