"""Mechanism layouts beside the result facts: a change 'from baseline' named between the change
noun and its target, a gerund that says how the agent had its first effect ('X improved A by
lowering B'), the agent's second verb after 'and' ('X suppresses IL-6 production and raises B'),
property adjectives listed together or after 'with', and a biomarker that is no owner of a
property.

Every sentence was written for these tests, each class in two phrasings.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_mechanisms import find, mechs

TITLE = "Fenofibrate in adults with metabolic syndrome: a randomised placebo-controlled trial"


@pytest.mark.parametrize("body, way, target", [
    ("The fenofibrate group had reductions from baseline in serum triglycerides at week 24.", "down",
     "triglycerides"),
    ("Fenofibrate produced larger increases from baseline in HDL cholesterol than placebo.", "up", "hdl cholesterol"),
])
def test_a_change_from_baseline_in_a_target(tmp_path, body, way, target):
    find(mechs(tmp_path, body, title=TITLE), "fenofibrate", way, target)


@pytest.mark.parametrize("body, way, target", [
    ("Fenofibrate improved insulin resistance by lowering serum ceramide levels.", "down", "ceramide"),
    ("Fenofibrate reduced oxidative stress via decreasing plasma homocysteine levels.", "down", "homocysteine"),
])
def test_a_gerund_of_means_keeps_the_agent(tmp_path, body, way, target):
    find(mechs(tmp_path, body, title=TITLE), "fenofibrate", way, target)


@pytest.mark.parametrize("body, agent", [
    ("Pentoxifylline is a methylxanthine derivative with anti-inflammatory and antioxidant properties.",
     "pentoxifylline"),
    ("Omega-3 fatty acids have anti-inflammatory, antifibrotic and antioxidant effects.", "omega-3"),
])
def test_listed_property_adjectives_each_state_a_mechanism(tmp_path, body, agent):
    found = mechs(tmp_path, body, section="Background", title=TITLE)
    find(found, agent, "down", "inflammat")
    find(found, agent, "down", "oxidative stress")


@pytest.mark.parametrize("body", [
    "Statins lower LDL cholesterol and have pleiotropic anti-inflammatory effects.",
    "Fibrates reduce serum triglycerides and possess anti-inflammatory properties.",
])
def test_a_biomarker_is_no_owner_of_a_property(tmp_path, body):
    found = mechs(tmp_path, body, section="Background", title=TITLE)
    assert not any("cholesterol" in m["agent"].lower() or "triglyceride" in m["agent"].lower() for m in found), found


@pytest.mark.parametrize("body, agent, way, target", [
    ("Curcumin downregulates NF-kappaB signalling and inhibits COX-2 expression.", "curcumin", "down", "cox-2"),
    ("Curcumin suppresses IL-6 production and raises serum hepcidin levels.", "curcumin", "up", "hepcidin"),
    ("Tocilizumab blocks IL-6 signalling and lowers serum hepcidin.", "tocilizumab", "down", "hepcidin"),
])
def test_the_agents_second_verb_after_and(tmp_path, body, agent, way, target):
    find(mechs(tmp_path, body, section="Background", title=TITLE), agent, way, target)


@pytest.mark.parametrize("body", [
    "Curcumin lowered serum ferritin, and serum hepcidin rose.",
    "Curcumin lowered serum ferritin and serum hepcidin levels rose.",
])
def test_a_target_with_its_own_verb_after_and_is_not_the_agents_second_statement(tmp_path, body):
    found = mechs(tmp_path, body, section="Background", title=TITLE)
    find(found, "curcumin", "down", "ferritin")
    assert not any("hepcidin" in m["target"] for m in found), found
