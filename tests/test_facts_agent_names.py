"""A mechanism's agent offers the names the paper gives the same intervention (a brand name in the
methods, the substance in the results), so that a search by either finds the effect. Sentences
written for this test."""

from __future__ import annotations

import json

import pytest

PAPERS = {
    "labelled": ("A made-up trial of low-dose interleukin-2 in adults with a made-up immune disorder\n\n"
                 "Abstract\n\nMethods: Forty adults were randomised to Proleukin 1 MIU daily or placebo for 12 weeks."
                 "\n\nResults: Interleukin-2 increased regulatory T cells compared with placebo (p = 0.01).\n"),
    "headings": ("Aldesleukin for a made-up immune disorder: a randomised trial\n\nMethods\n\nThirty patients "
                 "received Proleukin 1.5 MIU/day for five days.\n\nResults\n\nAfter treatment with aldesleukin, "
                 "regulatory T cells expanded.\n"),
}


@pytest.mark.parametrize("layout", sorted(PAPERS))
def test_a_mechanisms_agent_carries_the_interventions_names(kg, tmp_path, layout):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "paper.txt").write_text(PAPERS[layout], encoding="utf-8")
    store = tmp_path / "store"
    assert kg("--store", store, "ingest", "-q", "--jobs", "0", tmp_path / "docs").code == 0
    doc = json.loads(kg("--store", store, "facts").out)["documents"][0]
    brand = [i for i in doc["interventions"] if "Proleukin" in i.get("drug_synonyms", [])]
    assert brand, doc["interventions"]
    effects = [m for m in doc["mechanisms"] if m.get("agent_iri") == brand[0]["drug_iri"]]
    assert effects and all("Proleukin" in m["agent_synonyms"] for m in effects)
    assert all(m["agent"] not in m["agent_synonyms"] for m in effects)
