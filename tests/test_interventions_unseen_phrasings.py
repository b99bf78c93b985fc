"""Interventions in phrasings met on unread trial abstracts: what a product contains, routes written
before the drug or read into a Roman numeral, products named by a code, objectives that name the
drugs compared, a blinded 'X/placebo' pair's dose, lettered lists of arms, measured bacteria and a
drug class that only describes the drug it stands before.

Every sentence here was written for these tests (none is taken from a scored or mined paper); each
class is tried in at least two wordings, in both layouts of tests/test_extraction_interventions.py.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_interventions import LAYOUTS, doses, interventions


@pytest.mark.parametrize("layout", LAYOUTS)
def test_what_a_dosed_product_contains_is_no_arm(tmp_path, layout):
    body = (
        "Adolescents were randomized to receive either 3 g/day of flaxseed oil containing 1.5 g "
        "alpha-linolenic acid or placebo for 10 weeks."
    )
    assert doses(interventions(tmp_path, body, layout)) == {("linseed oil", 3.0, "g/day")}  # the label of flaxseed oil
    body = (
        "Volunteers took 300 mg ginseng extract (equivalent to 12 mg ginsenosides) twice daily or a matching placebo."
    )
    assert doses(interventions(tmp_path, body, layout)) == {("ginseng", 300.0, "mg")}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_product_named_before_its_ingredient_list(tmp_path, layout):
    body = (
        "The active group consumed 600 mg/d of a herbal blend containing ginseng, astragalus and licorice, "
        "and the control group consumed identical capsules for 8 weeks."
    )
    assert doses(interventions(tmp_path, body, layout)) == {("herbal blend", 600.0, "mg/day")}
    # the excipients of the placebo are no arm either
    body = (
        "Patients received 20 mg of tadalafil daily, and the placebo group received capsules filled with "
        "lactose (200 mg) for 6 weeks."
    )
    assert doses(interventions(tmp_path, body, layout)) == {("tadalafil", 20.0, "mg")}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_combination_tablet_keeps_each_drug(tmp_path, layout):
    body = "Patients received tablets containing 20 mg of simvastatin and 10 mg of ezetimibe once daily."
    assert doses(interventions(tmp_path, body, layout)) == {("simvastatin", 20.0, "mg"), ("ezetimibe", 10.0, "mg")}
    body = "Each capsule contained 500 mg of calcium carbonate and 400 IU of cholecalciferol, taken daily."
    assert ("cholecalciferol", 400.0, "IU") in doses(interventions(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_roman_numeral_iv_is_no_route(tmp_path, layout):
    body = "Adults meeting DSM-IV criteria for panic disorder received sertraline 50 mg daily or placebo."
    items = interventions(tmp_path, body, layout)
    assert [(i["drug"], i["route"]) for i in items] == [("sertraline", None)]
    body = "Women with stage IV breast cancer received letrozole 2.5 mg daily for 24 weeks."
    assert [i["route"] for i in interventions(tmp_path, body, layout)] == [None]
    body = "Patients received IV ceftriaxone 2 g daily."
    assert [i["route"] for i in interventions(tmp_path, body, layout)] == ["intravenous"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_route_written_before_the_drug_is_that_drugs(tmp_path, layout):
    body = (
        "Patients were randomized to intramuscular (IM) ceftriaxone 250 mg once plus oral azithromycin 1 g "
        "or to oral cefixime 400 mg."
    )
    routes = {i["drug"]: i["route"] for i in interventions(tmp_path, body, layout)}
    assert routes == {"ceftriaxone": "intramuscular", "azithromycin": "oral", "cefixime": "oral"}
    body = "Children received subcutaneous octreotide 50 µg plus intravenous pantoprazole 40 mg daily."
    routes = {i["drug"]: i["route"] for i in interventions(tmp_path, body, layout)}
    assert routes == {"octreotide": "subcutaneous", "pantoprazole": "intravenous"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_product_code_offered_against_placebo(tmp_path, layout):
    body = "Participants were randomized to receive QRT7 or placebo for 16 weeks."
    assert doses(interventions(tmp_path, body, layout)) == {("qrt7", None, None)}
    body = "Patients were randomly assigned to BX-24 15 mg or matching placebo once daily."
    assert doses(interventions(tmp_path, body, layout)) == {("bx-24", 15.0, "mg")}
    # a number that labels a group is no product
    body = "Participants were randomly assigned to group 1 or group 2 and received counselling."
    assert not any(i["drug"].startswith("group") for i in interventions(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_an_objective_names_the_drugs_compared(tmp_path, layout):
    body = "This trial compared the efficacy and safety of lamotrigine and levetiracetam in elderly epilepsy."
    assert doses(interventions(tmp_path, body, layout)) == {("lamotrigine", None, None), ("levetiracetam", None, None)}
    body = (
        "The study was designed to assess the therapeutic efficacies of mefloquine, atovaquone-proguanil "
        "and primaquine in travellers."
    )
    assert {"mefloquine", "primaquine"} <= {i["drug"] for i in interventions(tmp_path, body, layout)}
    # a drug that qualifies what is studied is no arm
    body = (
        "We evaluated the effect of doxorubicin-induced cardiotoxicity on survival. Patients received "
        "carvedilol 12.5 mg or placebo."
    )
    assert {i["drug"] for i in interventions(tmp_path, body, layout)} == {"carvedilol"}
    body = "This trial assessed the efficacy of steroid-sparing azathioprine-related regimens with mycophenolate."
    assert "azathioprine" not in {i["drug"] for i in interventions(tmp_path, body, layout)}
    # what the objective says of no drug names no arm
    body = "We evaluated the effect of obesity on the response to exercise in older adults."
    assert interventions(tmp_path, body, layout) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_an_objective_of_a_product_and_its_contents(tmp_path, layout):
    body = (
        "This study aims to evaluate the efficacy of a mouth rinse containing zinc, 0.12% chlorhexidine and "
        "xylitol. Patients applied 15 ml of the mouth rinse twice daily."
    )
    assert "zinc" not in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_dose_of_a_blinded_drug_placebo_pair(tmp_path, layout):
    body = "The trial tested the addition of primaquine/placebo (0.25 mg/kg single dose) to artemether-lumefantrine."
    assert ("primaquine", 0.25, "mg/kg") in doses(interventions(tmp_path, body, layout))
    body = "Patients were randomized to oral melatonin/placebo 3 mg nightly for 4 weeks."
    assert doses(interventions(tmp_path, body, layout)) == {("melatonin", 3.0, "mg")}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_arm_of_a_lettered_list(tmp_path, layout):
    body = (
        "Patients were randomly assigned to one of three groups: (A) cisplatin every 3 weeks; (B) the same "
        "regimen plus bevacizumab; (C) best supportive care."
    )
    assert {i["drug"] for i in interventions(tmp_path, body, layout)} >= {"cisplatin", "bevacizumab"}
    body = (
        "Participants were allocated to three arms: 1) metformin 500 mg twice daily; 2) pioglitazone 30 mg "
        "daily; and 3) diet alone."
    )
    assert doses(interventions(tmp_path, body, layout)) == {("metformin", 500.0, "mg"), ("pioglitazone", 30.0, "mg")}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_measured_bacterium_is_no_arm(tmp_path, layout):
    body = (
        "Patients received inulin 10 g daily or placebo for 6 weeks. Faecal Lactobacillus and Bifidobacterium "
        "populations were compared with those of healthy volunteers."
    )
    assert {i["drug"] for i in interventions(tmp_path, body, layout)} == {"inulin"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_drug_class_before_its_drug_only_describes_it(tmp_path, layout):
    body = "The aim of this trial was to evaluate the effect of the antidepressant sertraline on glycaemic control."
    assert {i["drug"] for i in interventions(tmp_path, body, layout)} == {"sertraline"}
    body = "Patients were randomised to the statin rosuvastatin 10 mg or placebo."
    assert doses(interventions(tmp_path, body, layout)) == {("rosuvastatin", 10.0, "mg")}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_parallel_arm_clause_without_its_drug(tmp_path, layout):
    body = (
        "In this double-blind trial of 60 adults, 30 patients were assigned to 1000 IU of vitamin D3 per day, "
        "whereas 30 patients received 4000 IU per day for six months."
    )
    assert {(i["dose"], i["unit"]) for i in interventions(tmp_path, body, layout)} == {
        (1000.0, "iu/day"),
        (4000.0, "iu/day"),
    }
    body = "Twenty children were given 3 mg of melatonin at bedtime and the other 20 children received 6 mg at bedtime."
    assert doses(interventions(tmp_path, body, layout)) == {("melatonin", 3.0, "mg"), ("melatonin", 6.0, "mg")}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_per_day_written_after_the_drug(tmp_path, layout):
    body = "The treated group received 20 mg of simvastatin/day; the control group received no statin."
    assert doses(interventions(tmp_path, body, layout)) == {("simvastatin", 20.0, "mg/day")}
    body = "Patients were randomized to 5 mg of folic acid per day or placebo for 12 weeks."
    assert doses(interventions(tmp_path, body, layout)) == {("folic acid", 5.0, "mg/day")}
    # "daily" is a frequency, not a per-day unit
    body = "Patients received 75 mg of clopidogrel daily."
    assert doses(interventions(tmp_path, body, layout)) == {("clopidogrel", 75.0, "mg")}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_less_exact_name_of_a_dosed_arm(tmp_path, layout):
    title = "Vitamin D supplementation in adults with asthma: a made-up randomised trial"
    body = "Adults were randomized to 2000 IU of vitamin D3 daily or placebo for 6 months."
    assert doses(interventions(tmp_path, body, layout, title=title)) == {("cholecalciferol", 2000.0, "IU")}
    title = "Omega-3 supplementation for dry eye: a made-up randomised trial"
    body = "Patients were randomized to 2 g of omega-3 fatty acids daily or olive oil placebo for 12 weeks."
    assert {i["drug"] for i in interventions(tmp_path, body, layout, title=title)} == {"omega-3 fatty acids"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_consuming_and_supplemented_with_give_a_treatment(tmp_path, layout):
    body = "Athletes were randomly divided into two groups, consuming 30 g of whey protein or maltodextrin daily."
    assert ("whey", 30.0, "g") in doses(interventions(tmp_path, body, layout))
    body = "Participants were supplemented with 1 g of fish oil or sunflower oil daily for 3 months."
    assert doses(interventions(tmp_path, body, layout)) == {("fish oil", 1.0, "g"), ("sunflower oil", 1.0, "g")}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_divided_doses_and_nightly(tmp_path, layout):
    body = "Children received oral azithromycin 20 mg/kg/day in two divided doses for 3 days."
    assert [i["frequency"] for i in interventions(tmp_path, body, layout)] == ["twice daily"]
    body = "Patients received gabapentin 900 mg/day in three divided doses for 8 weeks."
    assert [i["frequency"] for i in interventions(tmp_path, body, layout)] == ["three times daily"]
    body = "Women were randomized to receive 2 or 5 mg melatonin, or placebo nightly for 6 months."
    assert {i["frequency"] for i in interventions(tmp_path, body, layout)} == {"once daily"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_what_a_placebo_is_made_of_is_no_arm(tmp_path, layout):
    body = "Patients took 3 g of fish oil daily or sunflower oil placebo capsules for 16 weeks."
    assert {i["drug"] for i in interventions(tmp_path, body, layout)} == {"fish oil"}
    body = "Volunteers were randomised to curcumin 500 mg twice daily or a lactose placebo."
    assert {i["drug"] for i in interventions(tmp_path, body, layout)} == {"curcumin"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_tapered_dose_of_the_same_drug(tmp_path, layout):
    body = "Patients received oral prednisolone 40 mg daily for 5 days followed by 20 mg daily for 5 days."
    assert doses(interventions(tmp_path, body, layout)) == {("prednisolone", 40.0, "mg"), ("prednisolone", 20.0, "mg")}
    body = "Naproxen was given at 500 mg twice daily for two days, then 250 mg twice daily until day 7."
    assert doses(interventions(tmp_path, body, layout)) == {("naproxen", 500.0, "mg"), ("naproxen", 250.0, "mg")}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_strength_stated_as_an_equivalence(tmp_path, layout):
    body = "Patients were given a ginger root capsule (equivalent to 250 mg ginger, 5 mg gingerols) three times daily."
    assert doses(interventions(tmp_path, body, layout)) == {("ginger root capsule", 250.0, "mg")}
    body = "Patients received fish oil soft capsules (equal to 1 g of eicosapentaenoic acid) twice daily or placebo."
    assert doses(interventions(tmp_path, body, layout)) == {("fish oil", 1.0, "g")}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_product_code_set_against_placebo_anywhere(tmp_path, layout):
    body = "We compared the effectiveness of HRB5 with indistinguishable placebo as add-on therapy in asthma."
    assert doses(interventions(tmp_path, body, layout)) == {("hrb5", None, None)}
    body = "Volunteers were given placebo or TQ-207 once daily for 4 weeks."
    assert doses(interventions(tmp_path, body, layout)) == {("tq-207", None, None)}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_title_umbrella_of_the_arms_the_design_names(tmp_path, layout):
    title = "A Tibetan Breathing Exercise Improves Sleep of Adults with Insomnia: A Randomized Controlled Trial"
    body = (
        "Adults were randomly assigned to receive training in Tsa Lung (experimental group) or progressive "
        "relaxation three times per week for six weeks."
    )
    drugs = {i["drug"] for i in interventions(tmp_path, body, layout, title=title)}
    assert "tsa lung" in drugs and "tibetan breathing exercise" not in drugs
    title = "Effects of a Psychological Intervention Programme on Anxiety before Cardiac Surgery"
    body = "Patients in the experimental group received cognitive therapy and relaxation therapy."
    drugs = {i["drug"] for i in interventions(tmp_path, body, layout, title=title)}
    assert "cognitive therapy" in drugs and "psychological intervention" not in drugs
    # with no arm named in the design, the title's intervention is the arm
    title = "A Tibetan Breathing Exercise Improves Sleep of Adults with Insomnia: A Randomized Controlled Trial"
    body = "Adults were randomly assigned to the intervention group or the control group."
    assert {i["drug"] for i in interventions(tmp_path, body, layout, title=title)} == {"tibetan breathing exercise"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_hyphenated_no_arm_is_the_control(tmp_path, layout):
    body = "Patients were randomised to a web-based coaching programme or to a no-coaching control."
    assert "no-coaching" not in {i["drug"] for i in interventions(tmp_path, body, layout)}
    body = "Participants were randomised to an exercise DVD or to the non-exercise group."
    assert "non-exercise" not in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_treatment_period_written_as_a_range(tmp_path, layout):
    body = "Women were randomised to letrozole (2.5 mg) once daily for two to four weeks before surgery or placebo."
    assert [i["duration"] for i in interventions(tmp_path, body, layout)] == ["two to four weeks"]
    body = "Patients received exemestane 25 mg/day for 10 to 14 days."
    assert [i["duration"] for i in interventions(tmp_path, body, layout)] == ["10 to 14 days"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_per_day_dose_is_given_daily(tmp_path, layout):
    body = "Patients were randomized to sertraline 50 mg/day or placebo for 12 weeks."
    assert [i["frequency"] for i in interventions(tmp_path, body, layout)] == ["daily"]
    body = "Patients received anastrozole 1 mg/day for 28 days."
    assert [(i["frequency"], i["duration"]) for i in interventions(tmp_path, body, layout)] == [("daily", "28 days")]
    body = "Children received 20 mg/kg/day of azithromycin in two divided doses."
    assert [i["frequency"] for i in interventions(tmp_path, body, layout)] == ["twice daily"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_salt_a_dose_is_given_as_is_no_arm(tmp_path, layout):
    body = "Infants were assigned to receive zinc (10 mg elemental zinc as zinc acetate) or placebo daily for 7 days."
    assert doses(interventions(tmp_path, body, layout)) == {("zinc", 10.0, "mg")}
    body = "Patients received magnesium (300 mg elemental magnesium as magnesium oxide) or placebo once daily."
    items = interventions(tmp_path, body, layout)
    assert [(i["drug"].split()[0], i["dose"]) for i in items] == [("magnesium", 300.0)]


def _roles(items: list[dict]) -> dict:
    return {i["drug"]: i["role"] for i in items}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_premedication_is_no_arm(tmp_path, layout):
    body = (
        "All patients were premedicated with dexamethasone 8 mg and received carboplatin AUC 5 with or without "
        "bevacizumab 7.5 mg/kg every 3 weeks."
    )
    roles = _roles(interventions(tmp_path, body, layout))
    assert roles["dexamethasone"] == "concomitant" and roles["bevacizumab"] == "study"
    body = "Children were pretreated with ondansetron 0.1 mg/kg, then given ketamine 1 mg/kg or propofol 1 mg/kg."
    roles = _roles(interventions(tmp_path, body, layout))
    assert roles == {"ondansetron": "concomitant", "ketamine": "study", "propofol": "study"}
