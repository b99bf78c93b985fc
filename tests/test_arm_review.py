"""What is no arm of its own once a paper's interventions are seen together (kg/extract/arm_review.py),
fixed combinations, infusion rates, background before 'either', and test agents named by their measure.

Every sentence was written for these tests; each class is tried in two wordings and both layouts.
"""

from __future__ import annotations

import pytest
from test_extraction_interventions import LAYOUTS, doses, interventions


def names(items: list[dict], role: str = "study") -> set[str]:
    return {i["drug"] for i in items if i["role"] == role}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, drug", [
    ("Ninety adults having knee arthroscopy were randomised to intra-articular morphine 5 mg or normal saline.",
     "morphine"),
    ("The control group was given 10 ml of physiological saline, and the study group 10 ml of lidocaine 1% "
     "before the incision.", "lidocaine"),
])
def test_saline_against_a_drug_is_the_comparator(tmp_path, layout, body, drug):
    items = interventions(tmp_path, body, layout)
    assert drug in names(items)
    assert not any("saline" in i["drug"] or "sodium chloride" in i["drug"] for i in items)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_saline_stays_an_arm_among_fluids_or_when_hypertonic(tmp_path, layout):
    body = "Bladder irrigation used sorbitol 3% solution or normal saline 0.9% solution, allocated at random."
    assert any("saline" in i["drug"] for i in interventions(tmp_path, body, layout))
    for body in ("Infants with bronchiolitis were randomised to nebulised hypertonic saline (3%) or nebulised "
                 "salbutamol.",
                 "Infants were randomised to hypertonic saline or to salbutamol 2.5 mg, both nebulised."):
        items = interventions(tmp_path, body, layout)
        assert any("hypertonic saline" in i["drug"] for i in items)
        assert "albuterol" in names(items)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Families were randomised to an online parenting course or to no course. Children in the no-course group "
     "slept less.", "online parenting course"),
    ("Pupils were allocated to a peer mentoring programme; the non-mentoring schools served as controls.",
     "peer mentoring programme"),
])
def test_a_negated_arm_is_the_control(tmp_path, layout, body, arm):
    items = interventions(tmp_path, body, layout)
    assert arm in names(items)
    assert not any(i["drug"].startswith(("no-", "non-", "no ")) for i in items)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_part_of_an_arm_name_is_that_arm_again_and_keeps_its_schedule(tmp_path, layout):
    body = ("Patients were randomised to neuromuscular electrostimulation or usual care. In the electrostimulation "
            "group, sessions were given three times a day.")
    items = interventions(tmp_path, body, layout)
    assert names(items) == {"neuromuscular electrostimulation"}
    assert items[0]["frequency"] == "three times daily"
    body = ("Adults were randomised to guided mindfulness meditation or a waiting list. The meditation group "
            "practised twice a day for eight weeks.")
    items = interventions(tmp_path, body, layout)
    assert [(i["drug"], i["frequency"], i["duration"]) for i in items] == [
        ("guided mindfulness meditation", "twice daily", "eight weeks")]
    body = ("Older adults were assigned to aquatic balance training or land balance training; "
            "the balance training group met twice a week.")
    assert names(interventions(tmp_path, body, layout)) == {"aquatic balance training", "land balance training"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_dose_written_per_day_and_plain_is_one_dose(tmp_path, layout):
    body = ("Women took 20 mg of fluoxetine for eight weeks (fluoxetine 20 mg/day), or placebo.")
    assert doses(interventions(tmp_path, body, layout)) == {("fluoxetine", 20.0, "mg/day")}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, combos", [
    ("Participants were randomised to fluticasone/salmeterol twice daily or to tiotropium once daily.",
     {"fluticasone/salmeterol"}),
    ("Children were allocated to lopinavir/ritonavir-based treatment or efavirenz for 48 weeks.",
     {"lopinavir/ritonavir"}),
])
def test_a_slash_combination_is_one_intervention(tmp_path, layout, body, combos):
    got = names(interventions(tmp_path, body, layout))
    assert combos <= got
    assert not {"fluticasone", "salmeterol", "lopinavir", "ritonavir"} & got


def test_a_drug_slash_placebo_is_no_combination(tmp_path):
    body = "Patients were randomised to quinine plus doxycycline/placebo tablets for seven days."
    got = names(interventions(tmp_path, body))
    assert "doxycycline" in got and not any("/" in g for g in got)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, drug, value, unit", [
    ("Patients in the infusion group received propofol at 50 µg/kg/min until extubation, or intermittent boluses "
     "of midazolam.", "propofol", 50.0, "µg/kg/min"),
    ("In the ICU, esmolol was randomised against placebo and infused at 0.3 mg/kg/min for 24 hours.",
     "esmolol", 0.3, "mg/kg/min"),
])
def test_infusion_rates_per_minute(tmp_path, layout, body, drug, value, unit):
    found = {(d, v, u.replace("μ", "µ") if u else u) for d, v, u in doses(interventions(tmp_path, body, layout))}
    assert (drug, value, unit) in found


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, background, arm", [
    ("Patients received radiotherapy plus either temozolomide or placebo.", "radiotherapy", "temozolomide"),
    ("Women were randomised to letrozole with either zoledronic acid or observation for five years.",
     "letrozole", "zoledronic acid"),
    ("Adults treated with antibiotics were then randomised to kefir or to pasteurised milk.", "antibiotics", "kefir"),
    ("Patients received metformin 500 mg and were randomly assigned to sitagliptin 100 mg or glimepiride 2 mg.",
     "metformin", "sitagliptin"),
])
def test_what_comes_before_either_is_every_arms_background(tmp_path, layout, body, background, arm):
    items = interventions(tmp_path, body, layout)
    assert arm in names(items)
    assert background not in names(items)
    assert background in names(items, "concomitant")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "Patients were randomised to tiotropium or placebo for four weeks. Dose-response curves of salbutamol versus "
    "PD20 methacholine were then constructed.",
    "Subjects were randomised to tiotropium or placebo. After each period the provocative dose of histamine was "
    "compared with the dose-response curve of terbutaline.",
])
def test_an_agent_named_by_its_response_measure_is_a_test_agent(tmp_path, layout, body):
    assert names(interventions(tmp_path, body, layout)) == {"tiotropium"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_design_word_or_a_way_of_giving_names_no_arm(tmp_path, layout):
    body = "We ran a quasi-experimental intervention in which wards were allocated to a hand hygiene campaign."
    got = names(interventions(tmp_path, body, layout))
    assert "hand hygiene campaign" in got and not any("quasi" in g for g in got)
    body = "The bolus group received ketamine 0.5 mg/kg, and the infusion group received ketamine at 2 µg/kg/min."
    assert "bolus" not in names(interventions(tmp_path, body, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Women were randomised to yoga three times weekly for 12 weeks or to a waiting list.",
     ("yoga", "three times weekly", "12 weeks")),
    ("Older adults were allocated to qigong 3 days per week or to a wait list for 10 weeks.",
     ("qigong", "3 days a week", "10 weeks")),
    ("Older adults were allocated to qigong every day for 10 weeks or to a wait list.",
     ("qigong", "daily", "10 weeks")),
])
def test_a_schedule_after_an_arm_is_no_part_of_its_name(tmp_path, layout, body, expected):
    items = interventions(tmp_path, body, layout)
    assert [(i["drug"], i["frequency"], i["duration"]) for i in items] == [expected]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, drug, frequency", [
    ("Patients were randomised to cefazolin 1 g every 8 h or to clindamycin.", "cefazolin", "every 8 hours"),
    ("Patients were randomised to gentamicin q12h or to ceftriaxone once daily.", "gentamicin", "every 12 hours"),
    ("Adults were randomized to melatonin 3 mg or placebo, once at bedtime for 4 weeks.", "melatonin", "once daily"),
])
def test_intervals_in_hours_and_bedtime_doses(tmp_path, layout, body, drug, frequency):
    items = [i for i in interventions(tmp_path, body, layout) if i["drug"] == drug]
    assert items and all(i["frequency"].startswith(frequency) for i in items)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "The intervention group received 1 g of fish oil daily, and the control group received sunflower oil; "
    "treatment lasted 10 weeks.",
    "The study group received fish oil 1 g each day, whereas the control group received sunflower oil. "
    "The intervention period lasted 10 weeks.",
])
def test_a_period_said_of_the_treatment_is_every_arms(tmp_path, layout, body):
    items = interventions(tmp_path, body, layout)
    assert {i["drug"] for i in items} >= {"fish oil", "sunflower oil"}
    assert {i["duration"] for i in items} == {"10 weeks"}
    assert {i["frequency"] for i in items if i["drug"] == "fish oil"} == {"daily"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Patients were randomised to clonidine or placebo. Clonidine was infused at 0.3 µg/kg/h until extubation.",
     {("clonidine", 0.3, "µg/kg/h")}),
    ("In the study arm, ketamine 0.5 mg/kg was given over 5 min, followed by 0.2 mg/kg/h during surgery.",
     {("ketamine", 0.5, "mg/kg"), ("ketamine", 0.2, "mg/kg/h")}),
])
def test_a_rate_after_a_passive_verb_or_a_loading_dose_is_the_drugs(tmp_path, layout, body, expected):
    found = {(d, v, u.replace("μ", "µ") if u else u) for d, v, u in doses(interventions(tmp_path, body, layout))}
    assert expected <= found


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Children were randomised to drink 250 ml of cranberry juice or water each morning.",
     {("cranberry juice", 250.0, "ml")}),
    ("Volunteers were randomly assigned to eat 40 g of walnuts or 40 g of pretzels daily for six weeks.",
     {("walnuts", 40.0, "g"), ("pretzels", 40.0, "g")}),
])
def test_an_amount_of_a_product_is_its_dose_and_water_is_the_comparator(tmp_path, layout, body, expected):
    items = interventions(tmp_path, body, layout)
    assert {(d, v, u.lower() if u else u) for d, v, u in doses(items)} == expected
    assert "water" not in {i["drug"] for i in items}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("title", [
    "Effects of a psychological intervention programme on coping in percutaneous coronary intervention patients",
    "A telephone coaching intervention for anxiety in renal replacement therapy recipients: a randomised trial",
])
def test_a_treatment_before_patients_is_the_population(tmp_path, layout, title):
    body = "Patients were randomised to telephone coaching or usual follow-up."
    got = {i["drug"] for i in interventions(tmp_path, body, layout, title=title)}
    assert "telephone coaching" in got
    assert not got & {"percutaneous coronary intervention", "renal replacement therapy"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Lung function was measured after 4 week treatment periods with either montelukast or placebo, in random order.",
     "montelukast"),
    ("In a crossover design, volunteers completed three-day intervention phases of a low-salt diet or a usual diet.",
     "low-salt diet"),
])
def test_the_periods_of_a_crossover_name_its_arms(tmp_path, layout, body, arm):
    assert {i["drug"] for i in interventions(tmp_path, body, layout)} == {arm}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm", [
    ("Households were randomised to receive a ceramic water filter or to continue usual practice.",
     "ceramic water filter"),
    ("Smokers were randomised to personalised feedback on lung age or to standard care.", "personalised feedback"),
    ("Participants in the intervention group received tailored dietary advice by e-mail each week.",
     "tailored dietary advice"),
])
def test_advice_feedback_and_devices_are_arms(tmp_path, layout, body, arm):
    assert arm in {i["drug"] for i in interventions(tmp_path, body, layout)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arms", [
    ("Adults were randomized to vaccination with either the candidate vaccine ChAd-X or a licensed rabies vaccine.",
     {"chad-x"}),
    ("Toddlers were randomly assigned to prophylaxis with either cotrimoxazole or no prophylaxis.", {"co-trimoxazole"}),
])
def test_the_agent_after_vaccination_or_prophylaxis_with_is_the_arm(tmp_path, layout, body, arms):
    got = {i["drug"] for i in interventions(tmp_path, body, layout)}
    assert arms <= {g.replace("candidate vaccine ", "") for g in got}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm, rescue", [
    ("Patients were randomised to gabapentin 600 mg or placebo. Morphine 2 mg was given as rescue analgesia if "
     "pain exceeded 4/10, and morphine consumption was lower with gabapentin.", "gabapentin", "morphine"),
    ("Women were randomized to dexamethasone 4 mg or placebo. Rescue antiemetic (ondansetron 4 mg) was given on "
     "demand.", "dexamethasone", "ondansetron"),
])
def test_a_rescue_or_on_demand_drug_is_concomitant(tmp_path, layout, body, arm, rescue):
    items = interventions(tmp_path, body, layout)
    assert arm in names(items)
    assert rescue in names(items, "concomitant") and rescue not in names(items)


def test_a_drug_on_demand_in_a_single_arm_trial_stays_studied(tmp_path):
    items = interventions(tmp_path, "Adults with migraine took sumatriptan 50 mg as needed for three months.")
    assert names(items) == {"sumatriptan"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arm, technique", [
    ("Parturients were randomly assigned to receive norepinephrine or phenylephrine infusions. Spinal anaesthesia "
     "was performed with 0.5% hyperbaric bupivacaine 12 mg.", "phenylephrine", "bupivacaine"),
    ("Patients were randomised to intravenous magnesium 30 mg/kg or saline. Anesthesia was induced with propofol "
     "2 mg/kg and maintained with sevoflurane.", "magnesium", "propofol"),
])
def test_the_anaesthetic_technique_is_every_arms(tmp_path, layout, body, arm, technique):
    items = interventions(tmp_path, body, layout)
    assert any(arm in n for n in names(items))
    assert technique in names(items, "concomitant") and technique not in names(items)


def test_an_induction_agent_allocated_is_an_arm(tmp_path):
    body = ("Patients were randomised to induction with propofol 2 mg/kg or etomidate 0.3 mg/kg. Anaesthesia was "
            "induced with propofol (group P) or etomidate (group E).")
    assert names(interventions(tmp_path, body)) == {"propofol", "etomidate"}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Patients were randomised to receive an adductor canal block with levobupivacaine (0.25%, 15 mL) or "
     "ropivacaine (0.5%, 15 mL).", {("levobupivacaine", 0.25, "%"), ("ropivacaine", 0.5, "%")}),
    ("Infants were randomized to caudal block with ropivacaine 0.2% 1 ml/kg or levobupivacaine 0.2% 1 ml/kg.",
     {("ropivacaine", 0.2, "%"), ("levobupivacaine", 0.2, "%")}),
    ("The TAP block was done with 0.5% ropivacaine 15 ml per side in the study group, and with saline in the "
     "control group.", {("ropivacaine", 0.5, "%")}),
    ("Patients were randomised to 1% lidocaine 1 mg/kg or normal saline before propofol injection.",
     {("lidocaine", 1.0, "mg/kg")}),
])
def test_strength_volume_and_amount_of_a_local_anaesthetic(tmp_path, layout, body, expected):
    """The amount of the drug is its dose, else the strength of its solution; the volume is neither."""
    assert doses(interventions(tmp_path, body, layout)) == expected


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arms", [
    ("Golfers were randomised to quiet eye training or technical instruction. The QET group holed more putts.",
     {"quiet eye training", "technical instruction"}),
    ("Adults were randomised to cognitive behavioural therapy or a waiting list. Anxiety fell more with CBT.",
     {"cognitive behavioural therapy"}),
    ("Novices were randomised to quiet eye (QE) training or technical instruction.",
     {"quiet eye training", "technical instruction"}),
])
def test_a_short_form_of_an_arms_initials_is_that_arm(tmp_path, layout, body, arms):
    assert {i["drug"] for i in interventions(tmp_path, body, layout)} == arms


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, arms", [
    ("Participants assigned to the intervention received tailored walking advice, and participants assigned to "
     "control received a general health leaflet.", {"tailored walking advice"}),
    ("The intervention group received a structured exercise programme; the control group was given general "
     "health education.", {"structured exercise programme"}),
    ("The study group received melatonin 3 mg, and the control group received zolpidem 5 mg.",
     {"melatonin", "zolpidem"}),
])
def test_what_the_control_arm_received_is_no_arm_unless_a_drug(tmp_path, layout, body, arms):
    assert {i["drug"] for i in interventions(tmp_path, body, layout)} == arms


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "Patients were randomised to sitagliptin or placebo. In the high-risk group, HbA1c fell more than in the "
    "low-risk group.",
    "Patients were randomised to sitagliptin or placebo. In the combination group, adverse events were mild.",
])
def test_strata_and_combination_groups_are_no_arms(tmp_path, layout, body):
    assert {i["drug"] for i in interventions(tmp_path, body, layout)} == {"sitagliptin"}


def test_a_hyphenated_modifier_keeps_an_arm(tmp_path):
    body = "Wards were randomised to a community-based nursing intervention or to usual care."
    assert {i["drug"] for i in interventions(tmp_path, body)} == {"community-based nursing intervention"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_saline_infusions_and_a_drug_based_title_name_no_arm(tmp_path, layout):
    body = "Patients were randomised to infliximab 5 mg/kg or saline infusions every eight weeks."
    assert {i["drug"] for i in interventions(tmp_path, body, layout)} == {"infliximab"}
    body = "Children were randomised to artesunate plus mefloquine or to artemether-lumefantrine."
    title = "Artemisinin-based combination therapy for malaria in children: a randomised trial"
    assert "artemisinin" not in {i["drug"] for i in interventions(tmp_path, body, layout, title=title)}


@pytest.mark.parametrize("body, short", [
    ("Adults were randomised to internet-delivered interpersonal psychotherapy or a waiting list. Depression "
     "improved in the interpersonal psychotherapy group.", "interpersonal psychotherapy"),
    ("Golfers were randomised to quiet eye training or technical instruction. The QET group holed more putts.",
     "QET"),
])
def test_a_merged_name_stays_a_synonym_of_the_arm(tmp_path, body, short):
    """The shorter name a paper gives an arm is kept as one of its names (facts JSON drug_synonyms)."""
    from kg.extract import extract_all
    from kg.lexicon import load_lexicon
    from kg.nlp import get_nlp
    from kg.readers import read

    path = tmp_path / "paper.txt"
    path.write_text(f"A made-up randomised trial\n\nMethods\n\n{body}\n", encoding="utf-8")
    document = read(path)
    facts = [f for f in extract_all(document, get_nlp()(document.text), load_lexicon()).facts
             if f.kind == "intervention"]
    assert any(short in f.fields.get("_surfaces", []) for f in facts)
