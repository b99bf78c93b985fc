"""Two title classes and one rhythm: a dictionary's plural name of a kind that only the title gives ('the
candidate X Vaccines A and B') is the umbrella of the arms the design names; a plant that only the title
names ('Effects of Nigella sativa') is the dosed form the design gives ('nigella capsules 500 mg'); and a
cycle's length is its interval ('repeated on a 3-week cycle', 'in 21-day cycles' → 'every 3 weeks'); and a
dose binds across the words that say how its substance was prepared ('2 g of purified fish oil').

Every sentence here was written for these tests (none is taken from a scored or mined paper); each
class is tried in two wordings, with negative cases.
"""

from __future__ import annotations

from pathlib import Path

from kg.extract import extract_all
from kg.extract.interventions import _frequency_in
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read


def study(tmp_path: Path, title: str, body: str) -> list[tuple]:
    """(drug label, dose, frequency) of every study intervention of a paper with this title and methods."""
    path = tmp_path / "paper.txt"
    path.write_text(f"{title}\n\nMethods\n\n{body}\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    return [(f.fields["drug"].label.lower(), f.fields["dose_value"], f.fields.get("frequency"))
            for f in facts if f.kind == "intervention" and f.fields["role"] == "study"]


def named(tmp_path: Path, title: str, body: str) -> dict[str, tuple]:
    """Drug label → (dose, frequency) of the study interventions."""
    return {name: (dose, frequency) for name, dose, frequency in study(tmp_path, title, body)}


def test_a_plural_kind_only_the_title_names_is_the_umbrella_of_the_arms(tmp_path):
    title = "Safety of two Pneumococcal Vaccines in healthy infants"
    body = "Infants were randomised to PCV-10 or PCV-13 at 2, 4 and 6 months of age."
    assert set(named(tmp_path, title, body)) == {"pcv-10", "pcv-13"}
    title = "A randomised trial of the candidate Influenza Vaccines FLU-21 and FLU-35 in older adults"
    body = "Older adults were randomly assigned to FLU-21, FLU-35 or placebo."
    assert not any("influenza" in name for name in named(tmp_path, title, body))
    # the design names no other arm: the title's kind is the intervention
    title = "Influenza Vaccines in older adults: a randomised trial"
    body = "Participants were randomised to high-dose or standard-dose vaccine."
    assert any("influenza" in name for name in named(tmp_path, title, body))
    # in the singular the title names the vaccine the design gives
    title = "Influenza vaccine in pregnant women: a randomised trial"
    body = "Women were randomised to influenza vaccine or saline placebo."
    assert any("influenza" in name for name in named(tmp_path, title, body))


def test_a_plant_only_the_title_names_is_the_dosed_form_of_the_design(tmp_path):
    title = "Effects of Nigella sativa on blood pressure in adults"
    body = "Adults were randomised to nigella capsules 500 mg twice daily or placebo capsules for 8 weeks."
    assert named(tmp_path, title, body) == {"nigella capsules": (500.0, "twice daily")}
    title = "Effects of Zingiber officinale on nausea in pregnancy"
    body = "Women received zingiber powder 250 mg four times daily or placebo for 4 days."
    assert named(tmp_path, title, body) == {"zingiber powder": (250.0, "four times daily")}
    # another plant's dosed form leaves the title's plant an arm of its own
    title = "Effects of Nigella sativa and garlic in adults"
    body = "Adults were randomised to garlic tablets 300 mg twice daily or placebo for 8 weeks."
    assert "nigella sativa" in named(tmp_path, title, body)


def test_a_cycle_length_is_the_interval():
    assert _frequency_in("cisplatin and etoposide repeated on a 3-week cycle") == "every 3 weeks"
    assert _frequency_in("gemcitabine 1000 mg/m2 on a four-week cycle") == "every four weeks"
    assert _frequency_in("docetaxel 75 mg/m2 in 21-day cycles for up to six cycles") == "every 21 days"
    assert _frequency_in("given on days 1 and 8 of cycles of 28 days") == "every 28 days"
    # a number of cycles, or a course's length, is no interval
    assert _frequency_in("patients completed six 3-week cycles of chemotherapy") is None
    assert _frequency_in("a 12-week course of treatment") is None


def test_a_dose_binds_across_how_its_substance_was_prepared(tmp_path):
    title = "A made-up randomised trial"
    body = "Patients were randomised to 2 g of purified fish oil or 2 g of olive oil daily for 12 weeks."
    assert named(tmp_path, title, body) == {"fish oil": (2.0, "daily"), "olive oil": (2.0, "daily")}
    body = "Participants took 120 mg of standardized ginkgo extract or 100 mg of sertraline daily."
    assert named(tmp_path, title, body)["ginkgo extract"][0] == 120.0
    # another noun between the dose and the drug: the dose is not the drug's
    body = "Adults were randomised to 300 mg of dried leaves brewed as tea or 10 mg of melatonin at night."
    assert [dose for name, dose, _f in study(tmp_path, title, body) if name == "melatonin"] == [10.0]
