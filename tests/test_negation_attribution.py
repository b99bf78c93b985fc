"""Negation and attribution of findings: a negation outside the matched predicate denies a
result's value; a premedication, a comparator arm or a control arm never takes the study
drug's finding; a negation before a whole statement negates the mechanism. Every sentence
here was written for these tests, each class in two phrasings or more.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.results import read_sentence
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read


def _facts(tmp_path: Path, text: str, kind: str) -> list[dict]:
    path = tmp_path / "snippet.txt"
    path.write_text(text, encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    out = []
    for f in ctx.facts:
        if f.kind == kind:
            for ev in f.evidence:
                assert ev.end > ev.start
            out.append({k: getattr(v, "label", v) for k, v in f.fields.items()})
    return out


# -- results: a negation outside the predicate ----------------------------------------------
@pytest.mark.parametrize("sentence, measure, value", [
    ("Although drug A raised the pain threshold, the hypnotic effect was not increased.",
     "hypnotic effect", "not increased"),
    ("Heart rate was not reduced at the end of week 8.", "Heart rate", "not reduced"),
    ("Fasting glucose has not been lowered in either arm.", None, None),  # present perfect: background
    ("None of the secondary scores were statistically significant (all p > 0.2).", None,
     "not statistically significant"),
    ("Neither nausea nor dizziness was significantly increased.", "nausea", "not significantly increased"),
    ("No quality-of-life domain was significantly improved.", "quality-of-life domain", "not significantly improved"),
])
def test_negation_outside_the_predicate_denies_the_value(sentence, measure, value):
    found = read_sentence(sentence)
    if value is None:
        assert all(not f.value.endswith("lowered") for f in found)
        return
    hits = [f for f in found if f.value == value and (measure is None or f.measure == measure)]
    assert hits, [(f.measure, f.value) for f in found]
    assert all("not" not in f.measure.split() for f in found)  # 'X was not' is no measure


@pytest.mark.parametrize("sentence, positive", [
    ("Serum sodium was reduced, but serum potassium was increased.", "increased"),
    ("Walking distance was improved at week 12.", "improved"),
])
def test_an_affirmed_change_stays_affirmed(sentence, positive):
    values = [f.value for f in read_sentence(sentence)]
    assert positive in values and not any(v.startswith("not ") for v in values)


@pytest.mark.parametrize("sentence, value", [
    ("The new regimen failed to reduce morning stiffness.", "failed to reduce"),
    ("Morning stiffness failed to improve with the new regimen.", "failed to improve"),
])
def test_failed_to_is_a_negative_finding(sentence, value):
    assert value in [f.value for f in read_sentence(sentence)]


# -- mechanisms: who the agent is ------------------------------------------------------------
PREMED = """Benefit from interleukin-6 blockade in relapsing polychondritis: a double-blind study

Methods

Patients were randomised to tocilizumab 8 mg/kg or saline infusions every four weeks.
{premed} Loratadine was repeated at home if itching occurred.

Results

Neutrophil counts were reduced at week 8 in most patients. Loratadine was taken at home by three patients.

Discussion

Other authors gave methotrexate in addition to tocilizumab in refractory cases.
"""


@pytest.mark.parametrize("premed", [
    "All patients received oral loratadine 10 mg and paracetamol 500 mg prior to each infusion.",
    "Patients were premedicated with loratadine 10 mg and paracetamol 500 mg to prevent infusion reactions.",
])
def test_a_premedication_is_never_the_agent(tmp_path, premed):
    """The drug given most often is the premedication; the study drug is the agent of the
    finding, and a discussion of others' regimens ('in addition to X') does not make X background."""
    found = [m for m in _facts(tmp_path, PREMED.format(premed=premed), "mechanism")
             if "neutrophil" in m["target"].lower()]
    assert found and all("tocilizumab" in m["agent"].lower() for m in found), found


ARMS = """Ginger versus cinnamon powder for dyslipidaemia: a randomised trial

Results

{a}

{b}
"""


@pytest.mark.parametrize("a, b, changed", [
    ("In ginger group: total cholesterol decreased by 12 mg/dl and triglycerides decreased by 9 mg/dl.",
     "In cinnamon group: HDL-cholesterol increased by 2 mg/dl.", "cinnamon"),
    ("Total cholesterol decreased in the ginger group by 12 mg/dl.",
     "HDL-cholesterol increased in the cinnamon group by 2 mg/dl.", "cinnamon"),
])
def test_a_change_in_the_x_group_is_x(tmp_path, a, b, changed):
    found = _facts(tmp_path, ARMS.format(a=a, b=b), "mechanism")
    hdl = [m for m in found if "hdl" in m["target"].lower()]
    assert all(changed in m["agent"].lower() for m in hdl), found  # the comparator's, or none
    tc = [m for m in found if "total cholesterol" in m["target"].lower()]
    assert tc and all("ginger" in m["agent"].lower() for m in tc), found


@pytest.mark.parametrize("body", [
    "Control\n\nTriglycerides increased and HDL-cholesterol was reduced over the six weeks.",
    "In the placebo group, triglycerides increased over the six weeks.",
])
def test_a_control_arm_change_has_no_study_agent(tmp_path, body):
    text = ARMS.format(a="Ginger powder was given as 1 g capsules.", b=body)
    found = _facts(tmp_path, text, "mechanism")
    assert not [m for m in found if "triglyceride" in m["target"].lower()], found


@pytest.mark.parametrize("sentence, target", [
    ("There was no evidence of an atorvastatin treatment effect on any of the inflammatory markers at week 12.",
     "inflammatory markers"),
    ("There was no evidence of a rosuvastatin treatment effect on C-reactive protein or interleukin-6.",
     "c-reactive protein"),
])
def test_a_negation_before_the_statement_negates_it(tmp_path, sentence, target):
    text = ("Atorvastatin and rosuvastatin in stable angina: a randomised trial\n\nMethods\n\n"
            "Patients received atorvastatin 40 mg or rosuvastatin 10 mg daily.\n\nResults\n\n" + sentence + "\n")
    found = [m for m in _facts(tmp_path, text, "mechanism") if target in m["target"].lower()]
    assert found and all(m["negated"] for m in found), found
