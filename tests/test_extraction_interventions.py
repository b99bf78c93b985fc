"""Interventions from arm and allocation phrases, and doses bound to the drug they belong to.

Every sentence here was written for these tests (none is taken from a scored paper); each
class of phrasing is tried in at least two wordings and two layouts (a plain "Methods"
heading, and a labelled abstract paragraph).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read

TITLE = "A made-up randomised trial written for kg's intervention tests"


def interventions(tmp_path: Path, body: str, layout: str = "heading", title: str = TITLE) -> list[dict]:
    """(drug label, dose, unit, role, frequency, route, duration) of every intervention fact."""
    path = tmp_path / "paper.txt"
    if layout == "heading":
        path.write_text(f"{title}\n\nMethods\n\n{body}\n", encoding="utf-8")
    else:  # a structured abstract whose labels run on in the paragraph
        path.write_text(f"{title}\n\nAbstract\n\nBackground: Little is known.\n\nMethods: {body}\n\n"
                        "Results: The trial ended as planned.\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    out = []
    for f in facts:
        if f.kind != "intervention":
            continue
        for ev in f.evidence:
            assert document.text[ev.start:ev.end].strip() == document.text[ev.start:ev.end] != ""
        fl = f.fields
        out.append({"drug": fl["drug"].label.lower(), "dose": fl["dose_value"], "unit": fl["dose_unit_label"],
                    "role": fl["role"], "frequency": fl.get("frequency"), "duration": fl.get("duration"),
                    "route": fl["route"].label if fl.get("route") else None})
    return out


def doses(items: list[dict]) -> set[tuple]:
    return {(i["drug"], i["dose"], i["unit"]) for i in items}


LAYOUTS = ["heading", "abstract"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_two_arms_each_with_its_own_dose(tmp_path, layout):
    body = ("Adults were randomly assigned to receive nebivolol 5 mg once daily or amlodipine 10 mg once daily "
            "for 12 weeks.")
    items = interventions(tmp_path, body, layout)
    assert doses(items) == {("nebivolol", 5.0, "mg"), ("amlodipine", 10.0, "mg")}
    assert {i["frequency"] for i in items} == {"once daily"}
    assert {i["duration"] for i in items} == {"12 weeks"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_doses_in_brackets_after_the_drug_and_its_abbreviation(tmp_path, layout):
    body = ("We randomised 80 participants to candesartan (CAN) (16 mg daily) or hydrochlorothiazide (25 mg), "
            "both taken orally for eight weeks.")
    items = interventions(tmp_path, body, layout)
    assert doses(items) == {("candesartan", 16.0, "mg"), ("hydrochlorothiazide", 25.0, "mg")}
    assert all(i["role"] == "study" for i in items)


def test_dose_before_the_drug_and_placebo_is_no_intervention(tmp_path):
    body = "Schoolchildren received a single dose of 400 mg albendazole or a matching placebo."
    items = interventions(tmp_path, body)
    assert doses(items) == {("albendazole", 400.0, "mg")}
    assert items[0]["frequency"] == "single dose"
    body = "Eligible pupils were given 400 mg of albendazole as one dose, or placebo."
    assert doses(interventions(tmp_path, body)) == {("albendazole", 400.0, "mg")}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_thousands_of_units_with_route_and_rhythm(tmp_path, layout):
    body = "The intervention group received 100,000 IU of oral cholecalciferol per month for 6 months."
    items = interventions(tmp_path, body, layout)
    item = next(i for i in items if i["dose"] is not None)
    assert (item["drug"], item["dose"], item["unit"]) == ("cholecalciferol", 100000.0, "IU")
    assert (item["route"], item["frequency"], item["duration"]) == ("oral", "monthly", "6 months")


def test_a_second_dose_joined_by_or_belongs_to_the_same_drug(tmp_path):
    body = ("Budesonide (BUD) is an inhaled corticosteroid. This randomised study compared BUD 200 mcg or 400 mcg "
            "once daily with BUD 200 mcg twice daily for 8 weeks.")
    items = interventions(tmp_path, body)
    assert doses(items) == {("budesonide", 200.0, "µg"), ("budesonide", 400.0, "µg")}
    assert {i["frequency"] for i in items if i["dose"] == 200.0} >= {"twice daily"}


def test_a_dose_never_goes_to_a_drug_across_a_clause(tmp_path):
    body = ("All patients continued cyclophosphamide, and a curcuminoid extract was added in the active arm "
            "at 500 mg daily.")
    items = interventions(tmp_path, body)
    assert ("cyclophosphamide", 500.0, "mg") not in doses(items)
    body = "Patients on methotrexate were randomised to a turmeric extract or placebo; 500 mg was taken daily."
    assert ("methotrexate", 500.0, "mg") not in doses(interventions(tmp_path, body))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_arms_that_are_not_drugs(tmp_path, layout):
    body = "Participants were randomly allocated to a supervised aerobic exercise programme or to usual care."
    items = interventions(tmp_path, body, layout)
    assert [i["drug"] for i in items] == ["supervised aerobic exercise programme"]
    assert items[0]["dose"] is None
    body = "Ninety women were assigned to the yoga group or to the waiting-list control group."
    assert [i["drug"] for i in interventions(tmp_path, body, layout)] == ["yoga"]


def test_supplements_and_strengths_in_percent(tmp_path):
    body = ("Children in the intervention arm were given zinc supplementation. Wounds were treated with "
            "mupirocin ointment 2% or with a gel containing 0.5% chlorhexidine.")
    items = interventions(tmp_path, body)
    assert ("mupirocin", 2.0, "%") in doses(items)
    assert ("chlorhexidine", 0.5, "%") in doses(items)
    assert any(i["drug"] == "zinc supplementation" and i["dose"] is None for i in items)


def test_percentages_among_results_are_not_strengths(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(f"{TITLE}\n\nResults\n\nCure was 95% with mupirocin and 80% with fusidic acid.\n",
                    encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    assert not [f for f in facts if f.kind == "intervention" and f.fields["dose_unit_label"] == "%"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_an_arm_named_before_its_role_in_brackets(tmp_path, layout):
    body = ("Participants were randomly assigned to Tai Chi Qigong (experimental group) or to stretching "
            "(control group).")
    assert [i["drug"] for i in interventions(tmp_path, body, layout)] == ["tai chi qigong"]
    body = "The pupils practised mindfulness breathing (intervention arm, n = 30) while the others read quietly."
    assert [i["drug"] for i in interventions(tmp_path, body, layout)] == ["mindfulness breathing"]


@pytest.mark.parametrize("body, drug, dose, unit", [
    ("Participants received oligofructose-enriched inulin (Synergy 1) 10 g/day for 3 months.", "inulin", 10.0,
     "g/day"),
    ("The intervention group drank beetroot juice 140 ml daily for two weeks.", "beetroot juice", 140.0, "mL"),
])
def test_a_substance_the_vocabulary_lacks_named_before_its_dose(tmp_path, body, drug, dose, unit):
    assert (drug, dose, unit) in doses(interventions(tmp_path, body))


def test_an_arm_phrase_that_opens_with_the_word_group(tmp_path):
    body = ("Forty pupils were randomly assigned to receive group lessons in Kundalini Yoga (experimental group) "
            "or reading (control group).")
    assert "kundalini yoga" in [i["drug"] for i in interventions(tmp_path, body)]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    # a route word in every written form, normalised to the route's label
    ("Patients were randomised to metformin 500 mg p.o. twice daily or to matching placebo.", {"metformin": "oral"}),
    ("Patients were randomised to receive ketamine 0.5 mg/kg i.v. or saline.", {"ketamine": "intravenous"}),
    ("Adults received enoxaparin 40 mg s.c. once daily for ten days.", {"enoxaparin": "subcutaneous"}),
    ("Asthmatic adults inhaled budesonide 400 µg twice daily for 8 weeks.", {"budesonide": "inhaled"}),
    # a dosage form or a way of taking that implies the route
    ("Participants took two capsules of curcumin 500 mg after breakfast.", {"curcumin": "oral"}),
    ("Children received 15 mg/kg of azithromycin as a single infusion.", {"azithromycin": "intravenous"}),
    ("Each patient applied clindamycin gel 1% to the lesions every evening.", {"clindamycin": "topical"}),
])
def test_route_from_route_words_and_dosage_forms(tmp_path, layout, body, expected):
    got = {i["drug"]: i["route"] for i in interventions(tmp_path, body, layout) if i["drug"] in expected}
    assert got == expected


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_route_next_to_one_dose_does_not_spread_to_the_other_arm(tmp_path, layout):
    body = ("Adults were randomly assigned to minocycline 50 mg twice daily or to fusidic acid cream 2% "
            "for four weeks.")
    got = {i["drug"]: i["route"] for i in interventions(tmp_path, body, layout)}
    assert got.get("fusidic acid") == "topical" and got.get("minocycline") is None, got
    body += " Minocycline tablets were swallowed with water."
    got = {i["drug"]: i["route"] for i in interventions(tmp_path, body, layout)}
    assert got.get("fusidic acid") == "topical" and got.get("minocycline") == "oral", got


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Healthy men were randomised to 30 mg of XYZ1234 or placebo.", {("xyz1234", 30.0, "mg")}),
    ("Patients received QRS-98765 (250 or 500 mg once daily) or matching placebo for 12 weeks.",
     {("qrs-98765", 250.0, "mg"), ("qrs-98765", 500.0, "mg")}),
])
def test_development_codes_are_drugs(tmp_path, layout, body, expected):
    assert doses(interventions(tmp_path, body, layout)) == expected


def test_registry_numbers_and_cell_markers_are_no_drugs(tmp_path):
    body = ("Patients were randomised to receive 10 mg of examplimab (NCT01234567); CD103 cells and "
            "ISRCTN12345678 were recorded.")
    assert {i["drug"] for i in interventions(tmp_path, body)} == {"examplimab"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Smokers were randomly assigned to brief motivational coaching (BMC) or usual care (UC). "
     "Quit rates were higher in the BMC group than in the UC group.", {"brief motivational coaching"}),
    ("Women with goitre were randomised to near-total thyroidectomy (NTT) or hemithyroidectomy (HT). "
     "Recurrence was 2% after NTT versus 9% after HT.", {"near-total thyroidectomy", "hemithyroidectomy"}),
    ("Adolescents were randomly allocated to receive six GIT sessions or six attention control sessions; "
     "guided imagery training (GIT) was delivered by nurses.", {"guided imagery training"}),
])
def test_arms_named_by_the_papers_own_abbreviations(tmp_path, layout, body, expected):
    assert {i["drug"] for i in interventions(tmp_path, body, layout)} == expected


@pytest.mark.parametrize("body", [
    "Children were allocated by lot to two classes. At six months, the yoga training group had fewer absences.",
    "Adults joined one of two classes. Weight fell more in the aerobic exercise group than in the control group.",
])
def test_a_group_named_in_the_results_by_what_it_received(tmp_path, body):
    path = tmp_path / "r.txt"
    methods, results = body.split(". ", 1)
    path.write_text(f"{TITLE}\n\nMethods\n\n{methods}.\n\nResults\n\n{results}\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    got = {f.fields["drug"].label for f in facts if f.kind == "intervention"}
    assert got & {"yoga training", "aerobic exercise"} and "control" not in got, got


@pytest.mark.parametrize("body", [
    "Nurses kept diaries of home oxygen therapy (HOT). Daily HOT use was compared to baseline use.",
    "Nurses kept diaries of home oxygen therapy (HOT). Changes in HOT requirements were compared with baseline.",
])
def test_a_short_form_that_modifies_a_measure_names_no_arm(tmp_path, body):
    assert "home oxygen therapy" not in {i["drug"] for i in interventions(tmp_path, body)}


def test_an_abbreviation_of_a_disease_or_measure_names_no_arm(tmp_path):
    body = ("Adults with major depressive disorder (MDD) were randomised to sertraline 50 mg or placebo. "
            "The MDD group and the health-related quality of life (HRQoL) group were compared.")
    assert {i["drug"] for i in interventions(tmp_path, body)} == {"sertraline"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "Patients applied a cream containing menthol, 1% hydrocortisone, allantoin and glycerol every night.",
    "The mouthwash held 0.12% chlorhexidine, xylitol and menthol and was used twice daily.",
])
def test_a_strength_belongs_to_one_ingredient_of_a_list(tmp_path, layout, body):
    strengths = {i["drug"] for i in interventions(tmp_path, body, layout) if i["unit"] == "%"}
    assert len(strengths) == 1 and strengths <= {"hydrocortisone", "chlorhexidine"}, strengths


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Patients received a weekly 45-minute session of hydrotherapy for 8 weeks or land exercises.", "hydrotherapy"),
    ("Children were randomly assigned to twelve weeks of hatha yoga or to reading classes.", "hatha yoga"),
    ("Adults with insomnia were randomly assigned to interpersonal psychotherapy or to a waiting list.",
     "interpersonal psychotherapy"),
])
def test_therapies_and_what_a_session_or_course_holds(tmp_path, layout, body, expected):
    assert expected in {i["drug"] for i in interventions(tmp_path, body, layout)}


def test_a_bare_kind_of_treatment_is_no_arm(tmp_path):
    body = "Patients in both arms received therapy and stimulation for 6 weeks."
    assert interventions(tmp_path, body) == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body,expected", [
    ("Participants were randomised to montelukast 10 mg or placebo during the 16-week trial.", "16 weeks"),
    ("Volunteers took montelukast 10 mg each evening for a 16-week period.", "16 weeks"),
    ("Adults received montelukast 10 mg nightly; the treatment duration was three months.", "three months"),
    ("Adults chewed montelukast 10 mg tablets for three months before the first visit.", "three months"),
    ("After 16 weeks of treatment with montelukast 10 mg, lung function was measured.", "16 weeks"),
    ("Participants received montelukast 10 mg for one week and were then seen at a 12-week follow-up visit.",
     "one week"),
])
def test_treatment_period_in_several_phrasings(tmp_path, layout, body, expected):
    items = interventions(tmp_path, body, layout)
    assert ("montelukast", 10.0, "mg") in doses(items)
    assert {i["duration"] for i in items if i["drug"] == "montelukast"} == {expected}


def test_follow_up_and_washout_are_no_treatment_period(tmp_path):
    body = ("Patients received montelukast 10 mg once daily after a 2-week washout period and were followed in "
            "a 24-week follow-up period.")
    items = interventions(tmp_path, body)
    assert {i["duration"] for i in items} == {None}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, dose", [
    ("The treated rats received a standard chow supplemented with chia seed 10 g/100 g of chow for 8 weeks.",
     ("chia seed", 10.0, "g/100 g of chow")),
    ("Mice in the second arm were given a diet enriched with quercetin, 50 mg quercetin/100 g of diet.",
     ("quercetin", 50.0, "mg/100 g of diet")),
    ("The supplemented group received taurine 200 mg per 100 ml drinking water.",
     ("taurine", 200.0, "mg/100 ml drinking water")),
])
def test_a_dose_given_per_amount_of_food_or_drink(tmp_path, layout, body, dose):
    assert dose in doses(interventions(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, dose", [
    ("Patients were randomised to an injection of 2 × 10^7 bone marrow-derived mesenchymal stem cells (BM-MSCs) "
     "or saline.", ("bone marrow-derived mesenchymal stem cells", 2e7, "cells")),
    ("Patients were randomised to bone marrow-derived mesenchymal stem cells (BM-MSCs) or saline; each "
     "participant in the cell arm received 5 × 106 BM-MSCs in 2 ml.", ("bone marrow-derived mesenchymal stem cells",
                                                                       5e6, "cells")),
    ("Children with the disorder received autologous mononuclear cells at 1.5×10⁶ cells/kg intrathecally.",
     ("autologous mononuclear cells", 1.5e6, "cells/kg")),
])
def test_a_count_of_cells_is_a_dose(tmp_path, layout, body, dose):
    assert dose in doses(interventions(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, agent", [
    ("Airway reactivity was assessed by a histamine provocation test. Adults were randomised to montelukast 10 mg "
     "or placebo, and histamine was inhaled again at week 8.", "histamine"),
    ("Patients with a positive adenosine challenge were randomly assigned to montelukast 10 mg or placebo. "
     "The adenosine dose causing a 20% fall in FEV1 was compared between groups.", "adenosine"),
])
def test_a_challenge_agent_is_no_intervention(tmp_path, layout, body, agent):
    items = interventions(tmp_path, body, layout)
    assert ("montelukast", 10.0, "mg") in doses(items)
    assert agent not in {i["drug"] for i in items}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, inducer", [
    ("Nephrotoxicity was induced with cisplatin, and the rats were then randomly assigned to "
     "metformin 200 mg/kg or saline.", "cisplatin"),
    ("In rats with cisplatin-induced kidney injury, metformin 200 mg/kg was compared with saline.", "cisplatin"),
    ("Obese mice fed a high-fat diet were randomly assigned to metformin 200 mg/kg or water; the high-fat diet "
     "group without metformin served as control.", "high-fat diet"),
])
def test_what_makes_the_disease_model_is_no_intervention(tmp_path, layout, body, inducer):
    items = interventions(tmp_path, body, layout)
    assert ("metformin", 200.0, "mg/kg") in doses(items)
    assert inducer not in {i["drug"] for i in items}


@pytest.mark.parametrize("body", [
    "Control rats received a standard diet deficient in vitamin A, and treated rats the same diet plus carrot powder.",
    "Group A received a chow free of vitamin A, while group B received the same chow with added carrot powder.",
])
def test_what_a_product_lacks_is_no_intervention(tmp_path, body):
    items = interventions(tmp_path, body)
    assert "vitamin a" not in {i["drug"] for i in items}


@pytest.mark.parametrize("body", [
    "The treated rats received a chow enriched with carrot powder, rich in vitamin A, for 8 weeks.",
    "Children were given pumpkin soup, a major source of vitamin A, twice a week.",
])
def test_an_aside_on_what_a_product_is_rich_in_is_no_intervention(tmp_path, body):
    assert "vitamin a" not in {i["drug"] for i in interventions(tmp_path, body)}


@pytest.mark.parametrize("title, body", [
    ("Propofol Emulsion versus Microemulsion Formulation for Sedation: A Randomised Study",
     "We compared a single dose of propofol lipid emulsion (PLE) with that of propofol microemulsion (PME). "
     "Adults were randomised to 2 mg/kg of either PLE or PME."),
    ("Propofol in two formulations for sedation",
     "Adults were randomised to propofol lipid emulsion (PLE) 2 mg/kg or propofol microemulsion (PME) 2 mg/kg; "
     "propofol versus the two formulations was not compared."),
])
def test_a_drug_is_no_arm_of_its_own_beside_its_formulations(tmp_path, title, body):
    items = interventions(tmp_path, body, title=title)
    assert {i["drug"] for i in items} == {"propofol lipid emulsion", "propofol microemulsion"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, product", [
    ("The active group applied 5 ml of an oral gel composed of hyaluronic acid, 0.5% lidocaine and aloe vera to "
     "the ulcer twice a day for 7 days.", ("oral gel", 5.0, "ml")),
    ("Participants in the intervention arm rinsed with 15 ml of a herbal mouthwash containing sage, 0.1% thymol "
     "and peppermint oil three times daily.", ("herbal mouthwash", 15.0, "ml")),
])
def test_an_amount_of_a_product_of_several_ingredients_is_one_intervention(tmp_path, layout, body, product):
    items = interventions(tmp_path, body, layout)
    assert {(i["drug"], i["dose"], i["unit"].lower() if i["unit"] else None) for i in items} == {product}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, dose", [
    ("Volunteers drank two cups of hibiscus tea (2 g) every morning for four weeks.", ("hibiscus tea", 2.0, "g")),
    ("Each child ate one slice of sesame bread (30 gr) daily.", ("sesame bread", 30.0, "g")),
])
def test_a_serving_of_a_food_is_counted_in_names_no_food(tmp_path, layout, body, dose):
    assert dose in doses(interventions(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, ways", [
    ("Volunteers took a 600 mg tablet of aspirin by chewing or swallowing, one week apart.",
     {"chewed", "swallowed"}),
    ("Adults received nicotine lozenges 4 mg either sucked or chewed, in random order.", {"sucked", "chewed"}),
])
def test_one_dose_taken_in_alternative_ways_is_one_arm_per_way(tmp_path, layout, body, ways):
    path = tmp_path / "paper.txt"
    items = interventions(tmp_path, body, layout)
    assert len([i for i in items if i["dose"] is not None]) == 2
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    assert {f.fields.get("arm", "").split("(")[-1].rstrip(")") for f in facts if f.kind == "intervention"} == ways


@pytest.mark.parametrize("body", [
    "This study compared BUD 200 mcg once daily, either in the morning or in the evening, with placebo.",
    "Budesonide (BUD) 200 mcg was given once daily in the morning or once daily in the evening for 8 weeks.",
])
def test_a_once_daily_dose_at_alternative_times_of_day(tmp_path, body):
    body = "Budesonide (BUD) is an inhaled steroid. " + body
    items = interventions(tmp_path, body)
    assert {i["frequency"] for i in items if i["dose"] == 200.0} == {"once daily (morning)", "once daily (evening)"}


def test_twice_daily_morning_and_evening_is_one_arm(tmp_path):
    body = "Participants inhaled budesonide 200 mcg twice daily (morning and evening) for 8 weeks."
    items = interventions(tmp_path, body)
    assert [i["frequency"] for i in items] == ["twice daily"]


def test_a_challenge_meal_of_the_studied_fat_is_still_an_arm(tmp_path):
    body = ("Adults were randomised to the canola oil group or the lard group for 4 weeks. At the end of each period "
            "subjects ate a canola oil challenge meal, and the lard test meal was compared with it.")
    assert {"rapeseed oil", "lard"} <= {i["drug"] for i in interventions(tmp_path, body)}  # canola is rapeseed


def test_a_challenge_with_an_agent_makes_it_a_test_agent(tmp_path):
    body = ("Bronchial challenge with inhaled histamine was done at baseline. Adults were then randomised to "
            "montelukast 10 mg or placebo; histamine responsiveness was the primary outcome.")
    assert "histamine" not in {i["drug"] for i in interventions(tmp_path, body)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Schools were randomised to a printed basic intervention or a printed environmental intervention.",
     {"printed basic intervention", "printed environmental intervention"}),
    ("Employees on sick leave were randomly assigned to a work support intervention or to usual care.",
     {"work support intervention"}),
    ("Patients were randomised to weekly counselling sessions or a leaflet; both arms ran for 12 weeks.",
     {"counselling sessions"}),
])
def test_a_named_intervention_strategy_or_sessions_is_an_arm(tmp_path, layout, body, expected):
    assert expected <= {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("body", [
    "Participants were randomised to the intervention or the control group.",
    "The control group received the standard intervention and the study intervention was delayed.",
])
def test_intervention_alone_or_with_a_design_word_is_no_arm(tmp_path, body):
    assert interventions(tmp_path, body) == []


@pytest.mark.parametrize("body, frequency", [
    ("Adults were randomised to montelukast 10 mg twice-daily or placebo.", "twice daily"),
    ("Adults were randomised to montelukast 10 mg once-daily or placebo.", "once daily"),
    ("Adults were randomised to montelukast 10 mg 3 times a week or placebo.", "3 times weekly"),
    ("Adults were randomised to montelukast 10 mg on five days per week or placebo.", "five days a week"),
    ("Adults were randomised to montelukast 10 mg every other week or placebo.", "every other week"),
])
def test_frequency_phrasings(tmp_path, body, frequency):
    items = interventions(tmp_path, body)
    assert [i["frequency"] for i in items if i["drug"] == "montelukast"] == [frequency]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, low, high, unit", [
    ("Children received paracetamol 10-15 mg/kg every 6 hours for 3 days.", 10.0, 15.0, "mg/kg"),
    ("A loading dose of 200,000–400,000 International Units of cholecalciferol was given, then 1000 IU daily.",
     200000.0, 400000.0, "IU"),
])
def test_a_dose_given_as_a_range_keeps_both_ends(tmp_path, layout, body, low, high, unit):
    path = tmp_path / "paper.txt"
    interventions(tmp_path, body, layout)
    document = read(path)
    facts = [f for f in extract_all(document, get_nlp()(document.text), load_lexicon()).facts
             if f.kind == "intervention" and f.fields.get("dose_min") is not None]
    assert [(f.fields["dose_value"], f.fields["dose_min"], f.fields["dose_max"], f.fields["dose_unit_label"])
            for f in facts] == [(None, low, high, unit)]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Patients were randomised to nivolumab 3 mg/kg every 2 weeks until disease progression or unacceptable "
     "toxicity, or to docetaxel.", "until disease progression or unacceptable toxicity"),
    ("Women received nitrofurantoin 50 mg nightly; treatment continued until delivery.", "until delivery"),
])
def test_a_treatment_period_that_ends_at_an_event(tmp_path, layout, body, expected):
    items = interventions(tmp_path, body, layout)
    assert {i["duration"] for i in items if i["dose"] is not None} == {expected}


@pytest.mark.parametrize("body", [
    "Adults received nitrofurantoin 50 mg nightly. Recruitment continued until the planned sample was reached.",
    "Adults received nitrofurantoin 50 mg nightly, and were randomised until March 2019.",
])
def test_recruitment_or_a_date_is_no_treatment_period(tmp_path, body):
    assert {i["duration"] for i in interventions(tmp_path, body)} == {None}


@pytest.mark.parametrize("body", [
    "Patients received morphine 2 mg boluses until the pain score was less than 4.",
    "Warfarin 5 mg was given daily and adjusted until the target INR was reached.",
])
def test_a_titration_target_is_no_treatment_period(tmp_path, body):
    assert {i["duration"] for i in interventions(tmp_path, body)} == {None}


def test_a_range_of_a_physiological_target_is_no_dose(tmp_path):
    body = "Patients received propofol 2 mg/kg; ventilation kept end-tidal carbon dioxide at 35-45 mmHg."
    assert {i["unit"] for i in interventions(tmp_path, body)} == {"mg/kg"}


@pytest.mark.parametrize("body", [
    "Each participant attended the subsequent sessions and the first intervention per intervention arm.",
    "Strategies differed between the two hospitals, where patients received usual care.",
])
def test_a_head_without_a_name_of_its_own_is_no_arm(tmp_path, body):
    assert interventions(tmp_path, body) == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Adults with type 2 diabetes were randomised to continue a sulfonylurea or to switch to linagliptin 5 mg.",
     {"sulfonylurea", "linagliptin"}),
    ("Participants were randomly assigned to an inhaled corticosteroid or montelukast 10 mg.",
     {"inhaled corticosteroid", "montelukast"}),
])
def test_a_drug_class_given_as_such_is_an_arm(tmp_path, layout, body, expected):
    assert expected <= {i["drug"] for i in interventions(tmp_path, body, layout)}


def test_a_drug_class_in_the_eligibility_criteria_is_no_arm(tmp_path):
    body = ("Adults on a stable dose of a statin for at least 3 months were eligible. They were randomised to "
            "ezetimibe 10 mg or placebo.")
    assert {i["drug"] for i in interventions(tmp_path, body)} == {"ezetimibe"}


def test_a_drug_class_with_no_indication_is_no_arm(tmp_path):
    body = ("Adults were randomised to ezetimibe 10 mg or placebo among those with diabetes and no indication for "
            "statin therapy.")
    assert {i["drug"] for i in interventions(tmp_path, body)} == {"ezetimibe"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Smokers were randomly assigned (1:1) to QuitCoach or to a printed leaflet.", "quitcoach"),
    ("Adults were randomised in a 2:1 ratio to a tai chi programme or to a waiting list.", "tai chi programme"),
    ("Parents were randomly allocated (1:1:1) to SleepWell, a booklet, or usual care.", "sleepwell"),
])
def test_an_allocation_ratio_does_not_hide_the_arms(tmp_path, layout, body, arm):
    assert arm in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Smokers were assigned to receive treatment with QuitCoach or with brief advice.", "quitcoach"),
    ("Children were randomised to therapy with montelukast or to no extra treatment.", "montelukast"),
])
def test_arms_after_treatment_with(tmp_path, layout, body, arm):
    assert arm in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, duration", [
    ("Patients received methotrexate 15 mg weekly for 6 weeks. Remission was assessed within 40 weeks after "
     "methotrexate administration.", "6 weeks"),
    ("Adults were given oral zinc 20 mg daily for 10 days; relapses were counted 26 weeks following the treatment.",
     "10 days"),
])
def test_a_time_after_the_treatment_is_not_its_duration(tmp_path, layout, body, duration):
    assert {i["duration"] for i in interventions(tmp_path, body, layout)} == {duration}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm, measured", [
    ("Teenagers were randomly assigned to peer mentoring (PM) or a leaflet. Serum cortisol (SC) fell in both "
     "groups, and the SC of the PM group was compared with baseline.", "peer mentoring", "serum cortisol"),
    ("Nurses were randomised to a resilience workshop (RW) or a waiting list. Mean heart rate variability (HRV) "
     "in the two groups was similar; HRV of the groups rose after the RW sessions.", "resilience workshop",
     "heart rate variability"),
])
def test_a_short_form_inside_a_group_phrase_is_what_is_measured(tmp_path, layout, body, arm, measured):
    got = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert arm in got and measured not in got, got


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Seventy pupils were randomly assigned to mindful walking (intervention group) or gentle stretching "
     "(control group) twice a week for eight weeks.", "gentle stretching"),
    ("Residents were allocated to singing lessons (the experimental arm) or to a reading circle (comparison "
     "group) for three months.", "reading circle"),
])
def test_a_control_arm_named_by_what_it_received(tmp_path, layout, body, arm):
    assert arm in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("body", [
    "Adults with type 2 diabetes were randomised to usual care (control group) or a coaching app (intervention "
    "group).",
    "Infants were randomly assigned to a sham device (control arm) or to kangaroo care (intervention arm).",
])
def test_a_control_arm_of_placebo_or_usual_care_is_no_intervention(tmp_path, body):
    got = {i["drug"] for i in interventions(tmp_path, body)}
    assert not got & {"usual care", "sham device", "control"}, got


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "We gave 4 mg of ondansetron or saline to adults undergoing elective hip surgery under spinal anaesthesia.",
    "Ondansetron 4 mg was given intravenously to patients scheduled for laparoscopic gallbladder surgery.",
])
def test_the_surgery_a_population_undergoes_is_no_arm(tmp_path, layout, body):
    got = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert "ondansetron" in got and not any("surgery" in g for g in got), got


@pytest.mark.parametrize("body", [
    "Assessors were blinded to the participant's exercise programme throughout the trial and received "
    "written instructions.",
    "Raters never learned each child’s intervention arm; the school’s intervention programme was given "
    "by teachers.",
])
def test_the_tail_of_a_possessive_names_no_arm(tmp_path, body):
    got = {i["drug"] for i in interventions(tmp_path, body)}
    assert not any(g.startswith("s ") for g in got), got


@pytest.mark.parametrize("title, drug", [
    ("Ketamine does not shorten recovery after knee arthroscopy: a randomised, blinded trial", "ketamine"),
    ("Effect of melatonin on sleep quality in shift workers: a randomised crossover study", "melatonin"),
])
def test_the_drug_a_title_names_is_a_study_intervention(tmp_path, title, drug):
    body = "Participants were randomised in blocks of four; outcomes were assessed by blinded raters."
    got = {(i["drug"], i["role"]) for i in interventions(tmp_path, body, title=title)}
    assert (drug, "study") in got, got


@pytest.mark.parametrize("title", [
    "Exercise training for fatigue in women receiving tamoxifen: a randomised trial",
    "Acupressure for cisplatin-induced nausea: a randomised sham-controlled trial",
])
def test_a_title_drug_the_population_already_takes_is_no_arm(tmp_path, title):
    body = "Participants were randomised in blocks of four; outcomes were assessed by blinded raters."
    got = {i["drug"] for i in interventions(tmp_path, body, title=title)}
    assert not got & {"tamoxifen", "cisplatin"}, got


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "Toddlers following a cow's milk-free diet were randomly assigned to a probiotic drink or a plain drink.",
    "Adults on a low-sodium diet were randomised to receive potassium tablets or matching placebo tablets.",
])
def test_the_diet_a_population_follows_is_no_arm(tmp_path, layout, body):
    got = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert not any("diet" in g for g in got), got


@pytest.mark.parametrize("body", [
    "Patients were randomised to inulin or maltodextrin. Lactobacillus counts in the inulin group rose.",
    "Adults were randomised to fish oil or olive oil. Vitamin E levels of the fish oil group did not change.",
])
def test_a_drug_measured_inside_a_group_phrase_is_no_arm(tmp_path, body):
    path = tmp_path / "r.txt"
    methods, results = body.split(". ", 1)
    path.write_text(f"{TITLE}\n\nMethods\n\n{methods}.\n\nResults\n\n{results}\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    got = {f.fields["drug"].label.lower() for f in facts if f.kind == "intervention"}
    assert not got & {"lactobacillus", "vitamin e", "alpha-tocopherol"}, got


@pytest.mark.parametrize("body, outcome", [
    ("Adults with knee pain were randomised to hyaluronan injections or saline injections. Knee replacement (KR) "
     "was recorded for two years, and the incidence of KR compared to saline was lower.", "knee replacement"),
    ("Older women were randomised to a hip protector or no protector; hip fracture surgery (HFS) was recorded. "
     "The time to HFS versus the control arm did not differ.", "hip fracture surgery"),
])
def test_a_short_form_after_an_outcome_word_is_no_side_of_a_comparison(tmp_path, body, outcome):
    assert outcome not in {i["drug"] for i in interventions(tmp_path, body)}


@pytest.mark.parametrize("body", [
    "Women were randomised to dietary advice or usual care. Meals were sorted into the five core food groups.",
    "Adults were randomised to a walking plan or usual care. Answers fell into three broad topic groups.",
])
def test_a_count_of_groups_names_no_arm(tmp_path, body):
    got = {i["drug"] for i in interventions(tmp_path, body)}
    assert not any(g.startswith(("five", "three", "core", "broad")) for g in got), got


@pytest.mark.parametrize("body", [
    "A quit smoking support service (QSS) helped recruit smokers. We randomized between 4.2 and 9.8% of those "
    "invited through general practice and QSS, at a cost of 20 minutes each.",
    "The pharmacy outreach service (POS) sent letters. We randomised 12% to 20% of adults invited through "
    "surgeries or POS, depending on the area.",
])
def test_a_share_randomised_is_no_list_of_arms(tmp_path, body):
    got = {i["drug"] for i in interventions(tmp_path, body)}
    assert not got & {"quit smoking support service", "pharmacy outreach service"}, got


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "Adults were randomised to tai chi or usual care. Exclusion criteria were lumbar spinal surgery, dementia "
    "and administration of sedatives.",
    "Patients were randomised to aquatic exercise or usual care. Those with previous knee surgery or receiving "
    "oral steroids were not eligible.",
])
def test_an_eligibility_procedure_names_no_arm(tmp_path, layout, body):
    got = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert not any("surgery" in g for g in got), got


@pytest.mark.parametrize("body", [
    "Participants were asked to avoid using alcohol or caffeine for a day before each visit.",
    "Volunteers refrained from taking ibuprofen and drank no coffee on test days.",
])
def test_what_participants_avoid_is_no_arm(tmp_path, body):
    got = {i["drug"] for i in interventions(tmp_path, body)}
    assert not got & {"ethanol", "alcohol", "benzyl alcohol", "caffeine", "ibuprofen"}, got


@pytest.mark.parametrize("body", [
    "Nurses were randomised to a coaching course or usual training. The course was taught in small groups "
    "with role play.",
    "Patients were randomised to yoga or stretching; they were divided into subgroups according to age.",
])
def test_how_a_course_is_taught_or_analysed_names_no_arm(tmp_path, body):
    got = {i["drug"] for i in interventions(tmp_path, body)}
    assert not any(g.startswith(("small", "subgroups")) for g in got), got


@pytest.mark.parametrize("body, measured", [
    ("Adults were randomised to semaglutide or placebo. Reductions in HbA1c compared with placebo were larger.",
     "glycated hemoglobin"),
    ("Shift workers were randomised to melatonin or placebo. The change in cortisol with melatonin versus "
     "placebo was small.", "cortisol"),
])
def test_a_drug_after_an_outcome_word_is_what_is_measured(tmp_path, body, measured):
    got = {i["drug"] for i in interventions(tmp_path, body)}
    assert not any(measured in g for g in got) and got, got


@pytest.mark.parametrize("body, outcome", [
    ("Patients were randomised to drug-eluting stents or bare-metal stents. Event-free survival (EFS) was "
     "longer in the stent arms, and EFS versus baseline risk was modelled.", "event-free survival"),
    ("Clinics were randomised to a reminder letter or no letter. Community nurses (CN) ran both arms; CN "
     "versus practice staff workloads were compared.", "community nurses"),
])
def test_a_short_form_of_an_outcome_or_a_profession_names_no_arm(tmp_path, body, outcome):
    assert outcome not in {i["drug"] for i in interventions(tmp_path, body)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arms", [
    ("Volunteers ate three diets rich in palm stearin (PS), high-oleic sunflower oil (HOSO) or shea butter "
     "(SB). Each diet lasted five weeks, and the PS diet and the HOSO diet were eaten in random order.",
     {"palm stearin", "high-oleic sunflower oil"}),
    ("Pupils in ten schools took part in Active Lessons for Learning (ALL). Teachers delivered the ALL "
     "programme to the intervention group twice weekly for a term.", {"active lessons for learning"}),
])
def test_an_arm_named_by_a_short_form_before_an_intervention_noun(tmp_path, layout, body, arms):
    got = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert arms <= got, got


@pytest.mark.parametrize("body", [
    "Patients were randomised to methotrexate (MTX) or to leflunomide (LEF); the MTX group and the LEF group "
    "were seen monthly.",
    "Adults were randomly assigned to receive either MTX or LEF, where MTX is methotrexate (MTX) and LEF is "
    "leflunomide (LEF).",
])
def test_a_drug_named_by_its_short_form_in_an_arm_phrase(tmp_path, body):
    got = {i["drug"] for i in interventions(tmp_path, body)}
    assert {"methotrexate", "leflunomide"} <= got, got


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Families were randomised to 1 of 2 programmes: Family Reading Circles (FRC) delivered with home visits, "
     "or a leaflet. At one year, FRC improved diet quality.", "family reading circles"),
    ("Wards were randomly allocated to one of two strategies: Early Mobility Bundle (EMB) supplemented with "
     "physiotherapy, or usual care. Falls were fewer with EMB.", "early mobility bundle"),
])
def test_arms_listed_after_a_colon_and_named_before_what_enriches_them(tmp_path, layout, body, arm):
    assert arm in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arms", [
    ("In a crossover trial, volunteers ate diets rich in palm olein (PAO) or cocoa butter (COB) for four weeks "
     "each. Blood was drawn at the end of the PAO and COB periods.", {"palm olein", "cocoa butter"}),
    ("Adults ate meals made with shea stearin (SHS), rapeseed oil (RSO) or lard in turn. Satiety was higher "
     "after the SHS, RSO and lard meals.", {"shea stearin", "rapeseed oil"}),
])
def test_arms_named_by_a_list_of_short_forms_before_a_period_or_diet(tmp_path, layout, body, arms):
    got = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert arms <= got, got


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, drug, duration", [
    ("Each patient received cefuroxime 750 mg i.v. q8h for 4 days.", "cefuroxime", "4 days"),
    ("Volunteers were given bisoprolol 5 mg p.o. b.i.d. for three weeks in total.", "bisoprolol", "three weeks"),
])
def test_duration_read_past_dotted_abbreviations(tmp_path, layout, body, drug, duration):
    """The periods of "i.v.", "p.o.", "b.i.d." end no clause: the period after them is the dose's."""
    items = [i for i in interventions(tmp_path, body, layout) if i["drug"] == drug]
    assert items and {i["duration"] for i in items} == {duration}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, drug, frequency, duration", [
    # an interval keeps its count as written, as a period does ("every three weeks", "two months")
    ("Patients received docetaxel 60 mg/m2 every three weeks for 18 wk.", "docetaxel", "every three weeks", "18 weeks"),
    ("Patients were treated with nivolumab 3 mg/kg q2w over 6 mo.", "nivolumab", "every 2 weeks", "6 months"),
    # an interval in hours stays one (GOLD.md: "every 12 hours"), not a count per day
    ("Adults received tramadol 50 mg every 6 h as needed.", "tramadol", "every 6 hours", None),
    ("Adults received tramadol 50 mg 6-hourly as needed.", "tramadol", "every 6 hours", None),
    ("Adults received codeine 30 mg every 4 hrs when in pain.", "codeine", "every 4 hours", None),
])
def test_frequencies_and_periods_in_short_forms(tmp_path, layout, body, drug, frequency, duration):
    """Counts in words or digits and units in any written form ("wk", "mo", "h", "q2w", "6-hourly")."""
    items = [i for i in interventions(tmp_path, body, layout) if i["drug"] == drug]
    assert items
    assert {i["frequency"] for i in items} == {frequency}
    assert {i["duration"] for i in items} == {duration}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Patients were randomly assigned to receive cefepime (Maxipime, Bristol Labs, Princeton, USA) 2 g "
     "every 12 hours or imipenem (Primaxin, Merck, Rahway, USA) 500 mg every 6 hours.",
     {("cefepime", 2.0, "g"), ("imipenem", 500.0, "mg")}),
    ("Children were allocated to clarithromycin (Klacid®, Abbott, Chicago, USA) 15 mg/kg/day or to "
     "cefuroxime 30 mg/kg/day for a week.",
     {("clarithromycin", 15.0, "mg/kg/day"), ("cefuroxime", 30.0, "mg/kg/day")}),
])
def test_dose_after_a_makers_bracket_is_the_drugs(tmp_path, layout, body, expected):
    """A bracket naming brand, maker and place between a drug and its dose binds nothing itself."""
    items = interventions(tmp_path, body, layout)
    assert expected <= doses(items)
    assert not {i["drug"] for i in items} & {"usa", "abbott", "merck", "primaxin"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "Each participant received a single 0.5 mL IM dose of the study vaccine, given intramuscularly (IM).",
    "Vaccines were injected intramuscularly (IM). All children received one double 1 mL IM injection on day 0.",
])
def test_dose_words_and_route_short_forms_name_no_arm(tmp_path, layout, body):
    names = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert not names & {"single", "double", "intramuscular", "im"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm, not_arms", [
    ("Adults were randomised to progressive muscle relaxation or to a waiting list. The waiting list group "
     "was offered the course afterwards.", "progressive muscle relaxation", {"list", "waiting list"}),
    ("Patients were randomized to inspiratory muscle training or usual care. Sessions trained the large muscle "
     "groups of the trunk, and a research group at the university designed them.", "inspiratory muscle training",
     {"large muscle", "muscle", "research"}),
])
def test_muscle_names_an_arm_but_not_a_grouping(tmp_path, layout, body, arm, not_arms):
    names = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert arm in names
    assert not names & not_arms


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arms, not_arms", [
    ("Older adults were randomised to home-based occupational therapy or no therapy.",
     {"home-based occupational therapy"}, {"therapy", "no therapy"}),
    ("Patients were randomly assigned to bright light therapy or to routine therapy, and the bright light therapy "
     "group was seen weekly.", {"bright light therapy"}, {"routine therapy", "therapy"}),
])
def test_a_named_therapy_is_an_arm(tmp_path, layout, body, arms, not_arms):
    """'therapy' names no arm alone, nor after a comparator word, but does after a word of its own."""
    names = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert arms <= names
    assert not names & not_arms


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("title, body, arm", [
    ("Short versus long dialysis sessions: the Kidney Replacement Therapy Study in Ward Patients",
     "Patients were randomised to short dialysis sessions or long dialysis sessions.", "kidney replacement therapy"),
    ("Home visits for frail adults: results of the Occupational Therapy Trial",
     "Adults were randomised to home visits or usual care.", "occupational therapy"),
])
def test_the_name_of_a_trial_is_no_arm(tmp_path, layout, title, body, arm):
    names = {i["drug"] for i in interventions(tmp_path, body, layout, title=title)}
    assert arm not in names


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm, not_arms", [
    ("Adults were referred by physical therapy departments. They were randomised to aquatic therapy or usual care.",
     "aquatic therapy", {"physical therapy"}),
    ("Patients on rescue therapy were excluded. Patients were randomised to art therapy or to add-on therapy with "
     "sertraline.", "art therapy", {"rescue therapy", "add-on therapy"}),
])
def test_a_therapy_that_modifies_another_noun_or_is_generic_is_no_arm(tmp_path, layout, body, arm, not_arms):
    names = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert arm in names
    assert not names & not_arms


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, study, background", [
    ("Patients were randomised to esmolol 0.5 mg/kg or saline. All patients received remifentanil 0.1 µg/kg/min "
     "during surgery.", "esmolol", "remifentanil"),
    ("Adults were randomly assigned to lamotrigine 100 mg or placebo. Fluoxetine 20 mg daily was given to all "
     "participants throughout the study.", "lamotrigine", "fluoxetine"),
])
def test_what_every_arm_receives_is_concomitant(tmp_path, layout, body, study, background):
    roles = {i["drug"]: i["role"] for i in interventions(tmp_path, body, layout)}
    assert roles.get(study) == "study"
    assert roles.get(background) == "concomitant"


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, drug", [
    ("All patients received rosuvastatin 20 mg daily for 8 weeks, and lipids were measured at baseline.",
     "rosuvastatin"),
    ("Both groups received ivabradine 5 mg or bisoprolol 5 mg twice daily in random order.", "ivabradine"),
])
def test_a_single_arm_or_a_choice_given_to_all_stays_the_study(tmp_path, layout, body, drug):
    roles = {i["drug"]: i["role"] for i in interventions(tmp_path, body, layout)}
    assert roles.get(drug) == "study"


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arms, not_arms", [
    ("Toddlers were allocated to selenium combined with vitamin C or to vitamin C alone.",
     {"selenium", "ascorbic acid"}, {"selenium combined", "vitamin c alone"}),
    ("Patients were randomised to sofosbuvir plus interferon or interferon only. Adults were randomised to tai chi or "
     "usual care.",
     {"sofosbuvir", "interferon", "tai chi"}, {"interferon only", "usual care"}),
])
def test_each_alternative_of_an_allocation_is_an_arm(tmp_path, layout, body, arms, not_arms):
    """Alternatives no dictionary names stand beside those it does; 'alone'/'only' name nothing."""
    names = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert {a.lower() for a in arms} <= {n.lower() for n in names}
    assert not {n.lower() for n in names} & not_arms


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "Participants were randomised to high or low intensity walking sessions.",
    "Patients were randomly assigned to early or late mobilisation.",
])
def test_the_first_half_of_an_elliptical_pair_is_no_arm(tmp_path, layout, body):
    names = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert not names & {"high", "low", "early", "late", "low intensity"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, not_arms", [
    ("A randomised trial was designed to assess uptake, filter performance, and health impact of the filters.",
     {"health impact", "filter performance"}),
    ("Households were allocated to the filter and were trained in use and upkeep, and schools to posters.",
     {"upkeep"}),
    ("Volunteers were assigned to either the tablets followed by the syrup or the reverse.", {"reverse"}),
])
def test_a_list_that_offers_no_choice_names_no_arm(tmp_path, layout, body, not_arms):
    """Only what 'or', 'versus' or 'plus' joins is offered as alternatives; a list with 'and' is not."""
    names = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert not names & not_arms


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Sites were stratified by size before randomizing patients to receive usual care or the pharmacist-led "
     "intervention.", "pharmacist-led intervention"),
    ("Weight was measured before randomising the families to standard care or to a coach-led programme.",
     "coach-led programme"),
])
def test_an_arm_after_usual_care_in_a_randomising_phrase(tmp_path, layout, body, arm):
    assert arm in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Adults with neck pain were randomised to massage or usual care.", "massage"),
    ("Smokers were randomly allocated to counselling or no counselling.", "counselling"),
])
def test_a_bare_intervention_noun_offered_by_an_allocation_is_an_arm(tmp_path, layout, body, arm):
    assert arm in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_bare_intervention_noun_elsewhere_is_no_arm(tmp_path, layout):
    body = "All smokers were offered counselling at the clinic. They were randomised to varenicline or placebo."
    assert "counselling" not in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, frequency", [
    ("Adults received 250 mg cefuroxime twice daily.", "twice daily"),
    ("Each adult took cefuroxime 250 mg once daily.", "once daily"),
])
def test_a_frequency_that_ends_its_sentence(tmp_path, layout, body, frequency):
    items = [i for i in interventions(tmp_path, body, layout) if i["drug"] == "cefuroxime"]
    assert items and {i["frequency"] for i in items} == {frequency}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Patients were divided into two groups. In group 1, 2 g cefazolin was given; in group 2, 1g cefuroxime "
     "was given.", {("cefazolin", 2.0, "g"), ("cefuroxime", 1.0, "g")}),
    ("Patients in arm 3, 40 mg pantoprazole daily; patients in arm 4, 20 mg omeprazole daily.",
     {("pantoprazole", 40.0, "mg"), ("omeprazole", 20.0, "mg")}),
])
def test_a_number_that_labels_a_group_is_no_dose(tmp_path, layout, body, expected):
    assert doses(interventions(tmp_path, body, layout)) == expected


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, drug, value", [
    ("Women were randomised to 800 IU ergocalciferol daily until term, or a single oral bolus of 60,000 IU "
     "ergocalciferol.", "ergocalciferol", 60000.0),
    ("Patients received ketorolac 30 mg once before induction, or morphine 5 mg every 4 hours.", "ketorolac", 30.0),
])
def test_a_single_dose_keeps_its_own_frequency(tmp_path, layout, body, drug, value):
    items = [i for i in interventions(tmp_path, body, layout) if i["drug"] == drug and i["dose"] == value]
    assert items and {i["frequency"] for i in items} == {"single dose"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Patients were randomised to receive 30 mL of lidocaine 1% or 30 mL of mepivacaine 1.5% for the block.",
     {("lidocaine", 1.0, "%"), ("mepivacaine", 1.5, "%")}),
    ("The block was performed with 10 ml chloroprocaine 3% in every patient randomised to the active arm.",
     {("chloroprocaine", 3.0, "%")}),
])
def test_the_strength_of_a_solution_is_its_dose_not_the_volume(tmp_path, layout, body, expected):
    assert doses(interventions(tmp_path, body, layout)) == expected


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, procedure", [
    ("Adults submitted to elective knee arthroscopy surgery were randomised to clonidine 2 µg/kg or saline.",
     "elective knee arthroscopy surgery"),
    ("Children subjected to tonsillectomy surgery were randomly allocated to receive ketamine 0.5 mg/kg or saline.",
     "tonsillectomy surgery"),
])
def test_the_surgery_a_population_is_submitted_to_is_no_arm(tmp_path, layout, body, procedure):
    names = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert not any(procedure.endswith(n) or n.endswith("surgery") for n in names)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm, not_arm", [
    ("We tested a chewable probiotic tablet as an adjunct to nonsurgical periodontal therapy in 60 adults; "
     "participants were randomised to the probiotic tablet or placebo.", "probiotic tablet", "periodontal therapy"),
    ("Participants were randomised to an oral iron syrup or placebo as an adjunctive to cognitive behavioural "
     "therapy.", "iron syrup", "behavioural therapy"),
    ("Adults were randomly assigned to start with either guided breathing exercises or quiet reading, "
     "then crossed over.", "guided breathing exercises", "start"),
])
def test_the_treatment_an_arm_is_added_to_and_the_verb_after_assigned_are_no_arms(tmp_path, layout, body, arm,
                                                                                    not_arm):
    names = [i["drug"].lower() for i in interventions(tmp_path, body, layout)]
    assert any(arm in n for n in names), names
    assert not any(n == not_arm or n.endswith(not_arm) for n in names), names


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, frequency, duration", [
    ("Doxycycline 100 mg was taken once a day for 7 days.", "once daily", "7 days"),
    ("Participants received 250 mg of cefuroxime daily for 10 days.", "daily", "10 days"),
])
def test_one_daily_phase_keeps_its_rhythm_and_gives_its_days_to_the_duration(tmp_path, layout, body, frequency,
                                                                             duration):
    found = [i for i in interventions(tmp_path, body, layout) if i["dose"]]
    assert [(i["frequency"], i["duration"]) for i in found] == [(frequency, duration)]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Patients applied a chamomile gel or an aloe gel twice daily for 14 days.",
     {"chamomile": "twice daily", "aloe vera leaf": "twice daily"}),
    ("Patients applied a chamomile gel daily or an aloe gel twice weekly for 14 days.",
     {"chamomile": "daily", "aloe vera leaf": "twice weekly"}),
])
def test_a_schedule_after_a_plain_list_of_arms_is_each_arms(tmp_path, layout, body, expected):
    found = {i["drug"]: i["frequency"] for i in interventions(tmp_path, body, layout)}
    assert found == expected


# -- rhythm bound to its own dose; intervals as written; rhythm words that qualify a measure -------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Adults were randomised to intravenous ceftazidime 2 g on day 1 plus oral linezolid 600 mg b.i.d. "
     "for 10 days.", {"ceftazidime": None, "linezolid": "twice daily"}),
    ("Patients received a single subcutaneous dose of teriparatide 20 µg and then oral alendronate 70 mg "
     "once weekly.", {"teriparatide": "single dose", "alendronate": "weekly"}),
])
def test_a_later_doses_rhythm_is_not_the_earlier_ones(tmp_path, layout, body, expected):
    found = {i["drug"]: i["frequency"] for i in interventions(tmp_path, body, layout) if i["dose"]}
    assert found == expected


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, drug, frequency", [
    ("Participants were allocated to ranitidine or placebo twice a day for four weeks.", "ranitidine",
     "twice daily"),
    ("Women were randomly assigned to receive letrozole or a matching placebo tablet once a day.", "letrozole",
     "once daily"),
])
def test_a_rhythm_after_the_placebo_is_the_drugs_too(tmp_path, layout, body, drug, frequency):
    assert {i["frequency"] for i in interventions(tmp_path, body, layout) if i["drug"] == drug} == {frequency}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, drug, frequency", [
    ("Children received mebendazole 500 mg every four weeks.", "mebendazole", "every four weeks"),
    ("Adults received denosumab 60 mg every 26 weeks.", "denosumab", "every 26 weeks"),
    ("Adults received ibandronate 3 mg three times a week.", "ibandronate", "three times weekly"),
    ("Adults received ibandronate 3 mg twice per week.", "ibandronate", "twice weekly"),
    ("Adults received cefazolin 1 g every 24 h.", "cefazolin", "every 24 hours"),
    ("Women received an annual infusion of zoledronic acid 5 mg.", "zoledronic acid", "yearly"),
])
def test_rhythms_in_the_forms_of_the_gold(tmp_path, layout, body, drug, frequency):
    assert {i["frequency"] for i in interventions(tmp_path, body, layout) if i["drug"] == drug} == {frequency}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "Children were allocated to flunarizine or propranolol. The primary outcome was the monthly attack "
    "frequency; the flunarizine group had fewer monthly headache days.",
    "Adults were randomly allocated to flunarizine or propranolol and kept daily symptom diaries.",
])
def test_a_rhythm_word_that_qualifies_a_measure_is_no_frequency(tmp_path, layout, body):
    assert {i["frequency"] for i in interventions(tmp_path, body, layout) if i["drug"] == "flunarizine"} == {None}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, drug, duration", [
    ("Children received artemether 4 mg/kg/day × 3 d.", "artemether", "3 days"),
    ("Adults received oral fluconazole 150 mg daily x 14 days.", "fluconazole", "14 days"),
    ("Adults received sirolimus 2 mg/day or placebo. Study medication was taken once daily for 9 months, "
     "followed by a 6-month observation period.", "sirolimus", "9 months"),
])
def test_periods_written_as_a_product_or_for_the_study_medication(tmp_path, layout, body, drug, duration):
    assert {i["duration"] for i in interventions(tmp_path, body, layout) if i["drug"] == drug} == {duration}


def test_a_rhythm_after_a_bracket_of_doses_is_each_doses(tmp_path):
    body = ("Patients received one infusion (etoposide: 100 mg/m2; cisplatin: 20 mg/m2) every three weeks "
            "for a year.")
    found = {i["drug"]: i["frequency"] for i in interventions(tmp_path, body) if i["dose"]}
    assert found == {"etoposide": "every three weeks", "cisplatin": "every three weeks"}


# -- what every arm stays on, or what the population failed, is no arm ---------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Adults whose diabetes was inadequately controlled with metformin were randomised to linagliptin 5 mg or "
     "placebo once daily, added to their metformin.", {"linagliptin"}),
    ("Patients with an inadequate response to methotrexate were randomised to abatacept 10 mg/kg or placebo "
     "on top of stable methotrexate.", {"abatacept"}),
    ("Women were randomised to glibenclamide versus insulin, each in addition to metformin.",
     {"glyburide", "insulin"}),
])
def test_background_treatment_is_no_arm(tmp_path, layout, body, expected):
    found = {i["drug"] for i in interventions(tmp_path, body, layout) if i["role"] == "study"}
    assert found == expected


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Volunteers were assigned to a group (A; n = 10) receiving naproxen 500 mg and rebamipide 100 mg, or a "
     "group (B; n = 10) receiving naproxen 500 mg and famotidine 20 mg, for seven days.", {"rebamipide", "famotidine"}),
    ("Patients were randomised to cisplatin 75 mg/m2 plus gemcitabine 1250 mg/m2 versus cisplatin 75 mg/m2 plus "
     "pemetrexed 500 mg/m2.", {"gemcitabine", "pemetrexed"}),
])
def test_a_drug_in_every_alternative_beside_its_own_is_background(tmp_path, layout, body, expected):
    assert {i["drug"] for i in interventions(tmp_path, body, layout) if i["role"] == "study"} == expected
