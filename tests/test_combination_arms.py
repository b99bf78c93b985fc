"""A drug given in several arms, alone and combined, is one intervention per arm (GOLD.md: one entry per
distinct dose or arm): a list of alternatives one of which joins two drugs ('A, B or A plus B'), drugs given
'alone and in combination' or one 'alone or in combination with' another, and a list closed by 'or their
combination'. A further arm repeats the drug's
dose; an arm with a dose of its own, a placebo named after the drug and a list without a combination add
nothing.

Every sentence here was written for these tests (none is taken from a scored or mined paper); each
phrasing is tried in two wordings, in both layouts of tests/test_extraction_interventions.py.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read
from tests.test_extraction_interventions import LAYOUTS, TITLE


def arms(tmp_path: Path, body: str, layout: str) -> list[tuple]:
    """(drug label, dose, unit, arm) of every study intervention; every evidence span names words."""
    path = tmp_path / "paper.txt"
    if layout == "heading":
        path.write_text(f"{TITLE}\n\nMethods\n\n{body}\n", encoding="utf-8")
    else:
        path.write_text(f"{TITLE}\n\nAbstract\n\nBackground: Little is known.\n\nMethods: {body}\n\n"
                        "Results: The trial ended as planned.\n", encoding="utf-8")
    document = read(path)
    out = []
    for f in extract_all(document, get_nlp()(document.text), load_lexicon()).facts:
        if f.kind != "intervention" or f.fields["role"] != "study":
            continue
        for ev in f.evidence:
            assert document.text[ev.start:ev.end].strip() == document.text[ev.start:ev.end] != ""
        out.append((f.fields["drug"].label.lower(), f.fields["dose_value"], f.fields["dose_unit_label"],
                    f.fields.get("arm")))
    return out


def per_drug(items: list[tuple]) -> Counter:
    return Counter((d, v, u) for d, v, u, _arm in items)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_list_of_arms_one_of_which_combines_two_drugs(tmp_path, layout):
    body = "Patients were randomised to metformin, sitagliptin, or metformin plus sitagliptin for 24 weeks."
    items = arms(tmp_path, body, layout)
    assert per_drug(items) == Counter({("metformin", None, None): 2, ("sitagliptin", None, None): 2})
    assert ("metformin", None, None, "metformin plus sitagliptin") in items
    body = ("Women received letrozole 2.5 mg daily plus zoledronic acid 4 mg; letrozole plus a placebo infusion; "
            "or letrozole placebo plus zoledronic acid.")
    items = arms(tmp_path, body, layout)
    assert per_drug(items) == Counter({("letrozole", 2.5, "mg"): 2, ("zoledronic acid", 4.0, "mg"): 2})
    assert ("zoledronic acid", 4.0, "mg", "letrozole placebo plus zoledronic acid") in items


@pytest.mark.parametrize("layout", LAYOUTS)
def test_drugs_given_alone_and_in_combination(tmp_path, layout):
    body = ("In a crossover design, volunteers received morphine and ketorolac, alone and in combination, "
            "in random order.")
    items = arms(tmp_path, body, layout)
    assert per_drug(items) == Counter({("morphine", None, None): 2, ("ketorolac", None, None): 2})
    assert ("ketorolac", None, None, "morphine + ketorolac") in items
    body = "Healthy volunteers were given oral ibuprofen 400 mg and codeine 30 mg, separately or combined, on 4 days."
    assert per_drug(arms(tmp_path, body, layout)) == Counter({("ibuprofen", 400.0, "mg"): 2,
                                                              ("codeine", 30.0, "mg"): 2})


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_drug_alone_or_in_combination_with_another(tmp_path, layout):
    body = "Patients were randomised to valproate alone or in combination with lamotrigine for 6 months."
    items = arms(tmp_path, body, layout)
    assert per_drug(items) == Counter({("valproic acid", None, None): 2, ("lamotrigine", None, None): 1})
    assert ("valproic acid", None, None, "valproate + lamotrigine") in items
    body = "Adults received 1 g of paracetamol, alone or combined with 400 mg of ibuprofen, after surgery."
    assert per_drug(arms(tmp_path, body, layout)) == Counter({("paracetamol", 1.0, "g"): 2,
                                                              ("ibuprofen", 400.0, "mg"): 1})
    # what the population took before is no arm of this trial
    body = ("Patients who had previously received valproate alone or in combination with lamotrigine were "
            "randomised to levetiracetam or placebo.")
    assert set(per_drug(arms(tmp_path, body, layout)).values()) == {1}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_list_closed_by_their_combination(tmp_path, layout):
    body = "Adults were randomized to 14 days of simvastatin 20 mg, ezetimibe 10 mg, or their combination."
    items = arms(tmp_path, body, layout)
    assert per_drug(items) == Counter({("simvastatin", 20.0, "mg"): 2, ("ezetimibe", 10.0, "mg"): 2})
    body = "Patients received losartan 50 mg or hydrochlorothiazide 12.5 mg or the combination of both for 8 weeks."
    assert per_drug(arms(tmp_path, body, layout)) == Counter({("losartan", 50.0, "mg"): 2,
                                                              ("hydrochlorothiazide", 12.5, "mg"): 2})


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_further_arm_without_a_combination_or_with_a_dose_of_its_own(tmp_path, layout):
    # each alternative once: no drug in two arms
    body = "Participants were randomly assigned to ibuprofen 400 mg, paracetamol 1 g or placebo."
    assert set(per_drug(arms(tmp_path, body, layout)).values()) == {1}
    # 'a combination of' two other drugs names one arm, not a further arm of the first
    body = "Patients received tramadol 50 mg or a combination of paracetamol and codeine after surgery."
    assert set(per_drug(arms(tmp_path, body, layout)).values()) == {1}
    # the combined arm has its own dose of the drug: already an intervention of its own
    body = "Patients were randomised to metformin 500 mg or metformin 1000 mg plus glipizide 5 mg."
    assert set(per_drug(arms(tmp_path, body, layout)).values()) == {1}
