"""A change stated for several study arms at once is each arm's (kg/extract/mechanisms.py
_listed_before; mechanism_clauses._group_pair, _coordinated): drugs listed together as the
subject ('Both A and B lowered X'), and groups named with shared words ('in both the A and B
groups', 'both in the A group (...) and the B group (...)'). A pair with a control arm stays
no effect of either.

Every sentence was written for these tests, each class in two phrasings.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_mechanisms import find, mechs

TWO_ACTIVE = "Pravastatin versus simvastatin in adults with dyslipidaemia: a randomised trial"


@pytest.mark.parametrize("body, target, way", [
    ("Both pravastatin and simvastatin significantly lowered serum IL-6.", "il-6", "down"),
    ("Simvastatin, pravastatin and fenofibrate raised plasma HDL cholesterol after 12 weeks.", "hdl", "up"),
])
def test_drugs_listed_as_the_subject_each_have_the_effect(tmp_path, body, target, way):
    found = mechs(tmp_path, body, title=TWO_ACTIVE)
    for drug in ("pravastatin", "simvastatin"):
        find(found, drug, way, target)


@pytest.mark.parametrize("body, target", [
    ("Plasma MDA fell significantly in both the pravastatin and simvastatin groups (p < 0.01).", "mda"),
    ("Serum ferritin was significantly reduced both in the simvastatin group (from 210 to 150 ng/ml, p = 0.01) "
     "and the pravastatin group (from 205 to 170 ng/ml, p = 0.04).", "ferritin"),
])
def test_a_change_in_two_named_groups_is_each_groups_agent(tmp_path, body, target):
    found = mechs(tmp_path, body, title=TWO_ACTIVE)
    for drug in ("pravastatin", "simvastatin"):
        find(found, drug, "down", target)


@pytest.mark.parametrize("body", [
    "Plasma MDA fell significantly in both the pravastatin and placebo groups.",
    "Serum ferritin was significantly reduced both in the pravastatin group and the placebo group.",
])
def test_a_change_in_the_study_and_the_control_group_is_no_effect(tmp_path, body):
    title = "Pravastatin in adults with dyslipidaemia: a randomised placebo-controlled trial"
    assert not [m for m in mechs(tmp_path, body, title=title) if not m["negated"]]


def test_a_second_group_after_the_first_names_no_agent_without_both(tmp_path):
    body = ("Serum ferritin was significantly reduced in the simvastatin group and the pravastatin group showed "
            "no change.")
    found = mechs(tmp_path, body, title=TWO_ACTIVE)
    find(found, "simvastatin", "down", "ferritin")
    assert not [m for m in found if "pravastatin" in m["agent"].lower()]


THREE_ARMS = "Pravastatin, simvastatin or placebo in adults with dyslipidaemia: a randomised trial"


@pytest.mark.parametrize("body, drug, other, target", [
    ("Plasma MDA decreased significantly after 8 weeks of simvastatin (p = 0.004), whereas no change was seen "
     "with placebo.", "simvastatin", "pravastatin", "mda"),
    ("Serum ferritin fell markedly over six months of pravastatin treatment (P < 0.01).", "pravastatin",
     "simvastatin", "ferritin"),
])
def test_a_statement_naming_one_of_several_study_arms_is_that_arms(tmp_path, body, drug, other, target):
    found = mechs(tmp_path, body, title=THREE_ARMS)
    find(found, drug, "down", target)
    assert not [m for m in found if other in m["agent"].lower()]
