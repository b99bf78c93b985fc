"""Trial fields on sentences written for these tests: enrolment, registry ids, designs, conditions.

Each class of phrasing is tried in two wordings or two layouts (a "Methods" heading, and a
labelled abstract paragraph).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read

TITLE = "A made-up trial written for kg's trial-field tests"
LAYOUTS = ["heading", "abstract"]


def trial(tmp_path: Path, body: str, attribute: str, layout: str = "heading", title: str = TITLE) -> list:
    path = tmp_path / "paper.txt"
    if layout == "heading":
        path.write_text(f"{title}\n\nMethods\n\n{body}\n", encoding="utf-8")
    else:
        path.write_text(f"{title}\n\nAbstract\n\nBackground: Little is known.\n\nMethods: {body}\n\n"
                        "Conclusions: More work is needed.\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    out = []
    for f in facts:
        if f.kind == "trial" and f.fields["attribute"] == attribute:
            v = f.fields["value"]
            out.append(getattr(v, "label", v))
    return out


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, n", [
    ("Two hundred forty adults with gout were randomly assigned to one of two arms.", 240),
    ("Four hundred and twelve children were enrolled across five schools.", 412),
    ("Of the 733 participants randomised, 701 completed the study.", 733),
    ("The trial randomly assigned 58 patients to the two arms.", 58),
    ("In all, 96 volunteers underwent randomisation after screening.", 96),
    ("Sixty-two outpatients who had chronic cough were recruited.", 62),
    ("Thirty-three boys with dyslexia were split into two reading programmes.", 33),
    ("The programme was delivered in a sample of 140 rural fifth-graders.", 140),
    ("We offered the app to a convenience sample of 75 nurses from two wards.", 75),
    ("Grip strength was measured with a dynamometer before and after the course in forty older women.", 40),
])
def test_enrolment_phrasings(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


@pytest.mark.parametrize("body, n", [
    ("Participants were divided into an exercise group (n = 21) and a control group (n = 19).", 40),
    ("Forty-five patients received the active cream, and 15 patients received the vehicle.", 60),
    ("Twenty residents used the paper checklist and 22 used the electronic checklist.", 42),
    ("Thirty nurses took the online course, while 28 took the classroom course.", 58),
])
def test_enrolment_as_the_sum_of_the_arms(tmp_path, body, n):
    assert trial(tmp_path, body, "n_enrolled") == [n]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, n", [
    ("In a pragmatic design, 344 unblinded adults recruited through community pharmacies were "
     "automatically randomly assigned to the app or to usual care.", 344),
    ("Overall, 128 older women identified from practice lists were randomised to yoga or stretching.", 128),
])
def test_enrolment_with_a_participle_after_the_people(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, n", [
    ("Letters reached two clinics (40 patients). Seven other patients were recruited by posters. "
     "In total, 52 patients were randomised.", 52),
    ("Nine additional children were enrolled after an amendment; 75 children were enrolled in all.", 75),
    ("Only 1 in 5 participants were randomly assigned to the waiting list. We enrolled 90 participants.", 90),
])
def test_counts_of_a_part_are_not_the_number_enrolled(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


def test_numbers_of_other_studies_are_not_this_trials(tmp_path):
    body = "A previous trial randomised 300 patients. Our study was a small pilot."
    assert trial(tmp_path, body, "n_enrolled") == []


@pytest.mark.parametrize("body, ids", [
    ("The trial was registered with the Pan African Clinical Trials Registry (PACTR202001123456789).",
     ["PACTR202001123456789"]),
    ("Registration: IRCT20190101012345N3 and UMIN000012345.", ["IRCT20190101012345N3", "UMIN000012345"]),
    ("Trial registration: CTRI/2019/05/019000; ChiCTR-IOR-17012345; DRKS00012345; NTR4321.",
     ["CTRI/2019/05/019000", "ChiCTR-IOR-17012345", "DRKS00012345", "NTR4321"]),
])
def test_registry_ids_of_many_registries(tmp_path, body, ids):
    assert trial(tmp_path, body, "registry_id") == ids


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_placebo_arm_makes_the_trial_placebo_controlled(tmp_path, layout):
    body = "Patients were randomized to oral montelukast or placebo for 4 weeks."
    assert "placebo-controlled" in trial(tmp_path, body, "design", layout)
    body = "The placebo group took identical tablets; the trial was randomised."
    assert "placebo-controlled" in trial(tmp_path, body, "design", layout)
    # the placebo of one drug in a factorial trial, and an arm labelled as the placebo
    body = "Adults took ramipril with atorvastatin, ramipril with A-placebo, or R-placebo with atorvastatin."
    assert "placebo-controlled" in trial(tmp_path, body, "design", layout)
    body = "Each knee received 2 ml of hyaluronate (active) or 2 ml of buffered saline (placebo)."
    assert "placebo-controlled" in trial(tmp_path, body, "design", layout)


def test_a_word_with_placebo_in_it_is_no_placebo_arm(tmp_path):
    body = "Patients were randomised to two doses of sertraline; non-placebo responders were described."
    assert "placebo-controlled" not in trial(tmp_path, body, "design")


@pytest.mark.parametrize("body, design", [
    ("This was a prospective, two-centre, assessor-blinded study.", {"prospective", "two-centre", "assessor-blinded"}),
    ("We did a randomised controlled trial with a split-mouth design.", {"randomized", "controlled trial",
                                                                          "split-mouth"}),
    ("Design: open, double centre, clinical trial on two parallel groups.", {"two-centre", "parallel-group"}),
    ("A double-blind controlled randomised trial in parallel arms was run at two hospitals.",
     {"double-blind", "controlled trial", "parallel-group"}),
    ("The two sides of each mouth were randomly placed into the active or the control arm.", {"randomized"}),
    # a control that is another active treatment or a sham, and a parallel design written so
    ("This single-centre, active-controlled, parallel-design trial enrolled 80 adults.",
     {"active-controlled", "parallel-group"}),
    ("An open-label, active comparator study of two inhalers was run in 12 clinics.", {"active-comparator"}),
    ("Design: randomised sham-controlled trial of acupressure.", {"randomized", "sham-controlled"}),
])
def test_design_words(tmp_path, body, design):
    assert design <= set(trial(tmp_path, body, "design"))


def test_a_cited_design_is_not_this_trials(tmp_path):
    body = "Earlier studies were double-blind. We enrolled 20 adults in an open-label extension."
    assert "double-blind" not in trial(tmp_path, body, "design")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_condition_of_patients_with_x(tmp_path, layout):
    body = "We enrolled 40 adults with visceral leishmaniasis, of whom some had anaemia."
    assert trial(tmp_path, body, "condition", layout) == ["visceral leishmaniasis"]
    body = "Women with Trichomonas vaginalis infection were eligible; rates of preterm birth were compared."
    assert trial(tmp_path, body, "condition", layout) == ["trichomonas vaginalis infection"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, condition", [
    ("Sixty liver transplant recipients with normal graft function were randomised to two arms.", "liver transplant"),
    ("Overall, 48 kidney transplant patients took part in the study.", "kidney transplant"),
    ("We enrolled 75 COPD patients from three clinics.", "chronic obstructive pulmonary disease"),
])
def test_the_condition_written_before_the_population(tmp_path, layout, body, condition):
    assert trial(tmp_path, body, "condition", layout) == [condition]


@pytest.mark.parametrize("body", ["Adults with mild Alzheimer's disease were randomised.",
                                  "Patients with mild Alzheimer disease were enrolled in two clinics."])
def test_eponymous_diseases_are_labelled_as_papers_write_them(tmp_path, body):
    assert trial(tmp_path, body, "condition") == ["Alzheimer's disease"]


def test_a_title_outcome_is_not_the_condition(tmp_path):
    title = "Iron supplements in pregnancy and the incidence of low birth weight: a randomised trial"
    assert "birth weight" not in trial(tmp_path, "Pregnant women were randomised.", "condition", title=title)


@pytest.mark.parametrize("title, acronym", [
    ("ZEBRA-7: a randomised phase III trial of two schedules in lymphoma", "ZEBRA-7"),
    ("KLM PX-0042: an open-label randomized study of a mouthwash", "KLM PX-0042"),
    ("Home exercise for frail older people: The STRIDE Trial", "STRIDE"),
    ("Walking After Stroke: Results of the MOVE-IT Randomised Study", "MOVE-IT"),
    ("Coaching and Low Mood (COLM): a randomized controlled trial", "COLM"),
    ("Sleep After Surgery (SAS-2): A Pilot Randomised Study", "SAS-2"),
])
def test_a_title_that_opens_with_the_trials_name(tmp_path, title, acronym):
    assert trial(tmp_path, "Patients were randomised.", "acronym", title=title) == [acronym]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, acronym", [
    ("The HeartSmart randomised controlled trial compared two coaching schedules.", "HeartSmart"),
    ("Patients of the eWalkCare pragmatic trial were randomised by practice.", "eWalkCare"),
    ("We re-analysed 40 patients from the previously published TORNADO study.", "TORNADO"),
])
def test_trial_names_as_the_paper_spells_them(tmp_path, layout, body, acronym):
    assert trial(tmp_path, body, "acronym", layout) == [acronym]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, acronym", [
    ("The aim of this trial, the Utrecht Home Visits Intervention Study (UHVIS), was to test home visits.", "UHVIS"),
    ("Adults were enrolled in the Northern Walking Study (NorWalk) and randomised to two programmes.", "NorWalk"),
])
def test_a_study_named_in_full_before_its_abbreviation(tmp_path, layout, body, acronym):
    assert trial(tmp_path, body, "acronym", layout) == [acronym]


@pytest.mark.parametrize("body", [
    "Quality of life was scored by the manual of the EORTC Study Group on Quality of Life.",
    "Nutrition was screened with the Nutrition Screening Initiative (NSI) checklist in this study.",
    "Data were managed by the ALPHA Trial Unit in this trial.",
])
def test_groups_units_and_instruments_are_no_trial_name(tmp_path, body):
    assert trial(tmp_path, body, "acronym") == []


@pytest.mark.parametrize("body", [
    "A t test compared the change between subjects randomized to the probiotic and to placebo.",
    "Variation within subjects randomised to the same dose was small.",
])
def test_between_and_within_subjects_unhyphenated_are_no_design(tmp_path, body):
    designs = trial(tmp_path, body, "design")
    assert "between-subjects" not in designs and "within-subject" not in designs


def test_an_abbreviated_term_or_a_cited_programme_is_no_trial_name(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(f"{TITLE}\n\nAbstract\n\nBackground: The Women Health Project (WHP) showed benefits of visits."
                    "\n\nMethods: Children with acute otitis media (AOM) were randomised to zinc or placebo in this "
                    "trial.\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    assert [f for f in facts if f.kind == "trial" and f.fields["attribute"] == "acronym"] == []


@pytest.mark.parametrize("body", [
    "In a sample of 2,400 adults from a national survey, falls were common.",
    "A cohort of 900 women was followed for a decade in an earlier registry.",
    "PLANNED",
])
def test_a_sample_in_the_background_or_a_power_calculation_is_not_the_number_enrolled(tmp_path, body):
    methods = "Adults were randomised."
    if body == "PLANNED":  # a sample-size plan in the methods
        body, methods = "Little is known.", ("Adults were randomised. A final sample of 128 adults would give 80% "
                                             "power to detect a difference of 5 points.")
    text = (f"{TITLE}\n\nAbstract\n\nBackground: {body}\n\nMethods: {methods}\n\n"
            "Conclusions: More work is needed.\n")
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    assert not [f for f in facts if f.kind == "trial" and f.fields["attribute"] == "n_enrolled"]


@pytest.mark.parametrize("text, n", [
    (f"{TITLE}\n\nAbstract\n\nObjective: To test a cream. Design: Randomised, two centres. "
     "Participants: 36 adults with plaque psoriasis. Intervention: A cream twice daily.\n", 36),
    (f"{TITLE}\n\nAbstract\n\nSetting\n\nTwo rural clinics.\n\nSubjects\n\nForty-eight children aged 6 to 10 "
     "years with asthma.\n\nResults\n\nSymptoms fell.\n", 48),
    (f"{TITLE}\n\nAbstract\n\nSubjects\n\nChildren with asthma joined. Twelve children needed oxygen.\n\n"
     "Results\n\nSymptoms fell.\n", None),
    (f"{TITLE}\n\nResults\n\nFever was seen in nine patients. Eight patients needed oxygen.\n", None),
    (f"{TITLE}\n\nAbstract\n\nParticipants: 212 adults with eczema were screened at three clinics.\n", None),
])
def test_enrolment_opening_a_part_labelled_with_the_population(tmp_path, text, n):
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    found = [f for f in facts if f.kind == "trial" and f.fields["attribute"] == "n_enrolled"]
    assert [f.fields["value"] for f in found] == ([n] if n else [])
    if not n:  # a count further into the part is about some of the people, not the number enrolled
        return
    ev = found[0].evidence[0]
    assert document.text[ev.start:ev.end].split()[0] in ("36", "Forty-eight")


@pytest.mark.parametrize("intro", ["Introduction", "Background"])
def test_counts_in_a_full_texts_introduction_are_earlier_studies(tmp_path, intro):
    text = (f"{TITLE}\n\nAbstract\n\nBackground: Reminders may help. Methods: We describe the protocol of a "
            f"trial of a reminder service. Discussion: The trial will tell.\n\nKeywords: reminders\n\n{intro}\n\n"
            "Our feasibility study included 340 patients who received the reminders.\n\nMethods\n\n"
            "We will randomise patients in a 1:1 ratio to the service or usual care.\n")
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    assert [f for f in facts if f.kind == "trial" and f.fields["attribute"] == "n_enrolled"] == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, design", [
    ("Each volunteer drank beetroot juice or water for ten days; after a two-week washout they drank the other "
     "beverage.", "crossover"),
    ("Adults used the new inhaler first and, following a washout of 7 days, the alternative inhaler device.",
     "crossover"),
    ("Participants started on yoga or stretching and crossed over to the other programme at week 6.", "crossover"),
    ("The physiotherapist who measured grip strength was unaware of the group allocation.", "assessor-blinded"),
    ("Outcomes were assessed by two nurses blinded to treatment assignment.", "assessor-blinded"),
    ("The trial was conducted at a tertiary referral hospital in Lyon between 2015 and 2017.", "single-center"),
    ("This randomised study was done in the paediatric unit of one teaching hospital.", "single-center"),
    ("Design: before and after, single group, interventional.", "before-and-after"),
    ("We report a before-and-after clinical study of a hand-washing campaign.", "before-and-after"),
])
def test_designs_described_without_their_name(tmp_path, layout, body, design):
    assert design in trial(tmp_path, body, "design", layout)


@pytest.mark.parametrize("body, absent", [
    ("The trial was conducted at 12 hospitals in Spain; each site enrolled children.", "single-center"),
    ("This multicentre trial was done at a university hospital coordinating centre.", "single-center"),
    ("All patients completed a 2-week washout of previous medication before randomisation.", "crossover"),
    ("In this double-blind trial the assessors were unaware of the allocation.", "assessor-blinded"),
    ("Pain was recorded before and after the operation in both arms.", "before-and-after"),
])
def test_described_designs_need_their_cue(tmp_path, body, absent):
    assert absent not in trial(tmp_path, body, "design")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Schistosome infections are common in the lake region. We tested whether praziquantel given before "
     "vaccination clears schistosome infections and improves the response.", "schistosome infections"),
    ("Pinworm infestation is frequent in day-care centres; our trial treated pinworm infestation with a single "
     "dose of mebendazole in all children.", "pinworm infestation"),
])
def test_an_infection_no_dictionary_knows_named_twice_is_the_topic(tmp_path, layout, body, expected):
    assert [c.lower() for c in trial(tmp_path, body, "condition", layout)] == [expected]


def test_an_infection_named_once_is_no_topic(tmp_path):
    body = "Children in the lake region, where schistosome infections occur, were vaccinated against measles."
    assert "schistosome infections" not in [c.lower() for c in trial(tmp_path, body, "condition")]


@pytest.mark.parametrize("body", [
    "This was a randomised, placebo-controlled trial of zinc in children.",
    "In this randomised controlled trial, children received zinc or a matching placebo.",
])
def test_a_placebo_controlled_trial_is_not_also_just_controlled(tmp_path, body):
    designs = trial(tmp_path, body, "design")
    assert "placebo-controlled" in designs and "controlled trial" not in designs


def test_a_controlled_trial_without_placebo_stays_controlled(tmp_path):
    assert "controlled trial" in trial(tmp_path, "In this randomised controlled trial, zinc was compared with iron.",
                                       "design")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, n", [
    ("Serum samples from 149 adults with colon cancer were analysed, including 71 receiving chemotherapy alone "
     "and 78 receiving chemotherapy plus an antibody.", 149),
    ("Gait was filmed in 55 older women, 30 in the dance group and 25 in the walking group.", 55),
])
def test_a_count_its_parts_add_up_to_is_the_enrolment(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, n", [
    ("In this randomised study, a total of 64 patients, who had had back pain for 3 months, were randomly split "
     "into two groups.", 64),
    ("In this double-blind trial, 90 women received iron 60 mg daily for 8 weeks; iron plus folate; or placebo.", 90),
    ("Twelve towns and 512 (250 usual teaching, 262 extra reading sessions) pupils were recruited and randomised.",
     512),
    ("Forty-six age- and sex-matched children with autism were randomly assigned to two programmes.", 46),
    ("Teenagers (N=143; 13-19 years) with depression were recruited in 16 clinics.", 143),
    ("Our study population comprising 45 asthmatic adults inhaled both sprays.", 45),
    ("Sixty GPs were randomised to a reminder letter or none.", 60),
])
def test_enrolment_with_long_populations_and_alternatives(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, n", [
    ("Next, all volunteers were randomized into 2 groups of 24 each and received oxygen or air.", 48),
    ("Patients were allocated to three arms (n = 20 per arm).", 60),
    ("Here we report data from 125 patients (63 on drug A and 62 on drug B).", 125),
    ("Participants: Three-hundred-and-seven healthy, term infants recruited within two days of birth.", 307),
    ("A cluster trial in eight practices; 250 healthy, pregnant women were recruited.", 250),
])
def test_enrolment_from_group_sizes_and_parts(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


@pytest.mark.parametrize("results, n", [
    ("88 adults recruited from 12 dental practices. Mean plaque score fell.", 88),
    ("There were 100 patients included in the study and 97 analysed.", 100),
    ("A total of 73 patients from the fluid group were compared with 72 patients from the control group.", 145),
    ("We analysed 125 patients (mean age 63, 62% women).", None),
    ("A convenience sample of 40 (12 male, mean age 31) office workers took part.", 40),
    ("Sleep was also recorded in a sample of 12 workers only.", None),
    ("In all, 145 (81%) patients completed follow-up (78 in the app group and 67 in the leaflet group).", None),
    ("Twelve patients recruited in the first month withdrew.", None),
    ("There were 12 patients who withdrew.", None),
])
def test_enrolment_stated_in_the_results(tmp_path, results, n):
    path = tmp_path / "paper.txt"
    path.write_text(f"{TITLE}\n\nAbstract\n\nMethods: Adults with burns were randomised to two dressings.\n\n"
                    f"Results: {results}\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    found = [f.fields["value"] for f in facts if f.kind == "trial" and f.fields["attribute"] == "n_enrolled"]
    assert found == ([n] if n else [])


def test_counts_that_do_not_add_up_make_no_whole(tmp_path):
    body = "Gait was filmed in 55 older women; 30 in the dance group and 20 in the walking group completed it."
    assert 55 not in trial(tmp_path, body, "n_enrolled")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, design", [
    ("This was a prospective, observer-blinded trial of two dressings after hip surgery.", "observer-blinded"),
    ("Ninety adults took part in an investigator-blinded, randomised comparison of two gels.", "investigator-blinded"),
    ("Study nurses enrolled patients and the investigators were masked to group assignment.", "investigator-blinded"),
    ("We ran an un-blinded crossover study of two infusion pumps in the ward.", "unblinded"),
    ("Children were randomly assigned to reading lessons or a waitlist control group.", "waitlist-controlled"),
    ("Couples received counselling at once; the control group was wait-listed for six months.", "waitlist-controlled"),
    ("Smokers were randomized to coaching or to two attention control sessions.", "attention-controlled"),
    ("An international, multicentre, randomised trial enrolled 400 adults.", "international"),
    ("We undertook a secondary analysis of a randomised trial of iron in pregnancy.", "secondary analysis"),
    ("This post hoc analysis of a randomised trial examines smokers only.", "post-hoc analysis"),
    ("The study design was a pragmatic, cluster randomised controlled trial in 30 practices.", "pragmatic"),
    ("We ran an exploratory randomised trial of two diets in 40 adults.", "exploratory"),
    ("In a within-subject experiment, each volunteer saw all six labels in random order.", "within-subject"),
    ("Two between-subjects studies compared a nasal spray with placebo.", "between-subjects"),
    ("Playground markings and recess activity: a quasi-experimental study in two schools.", "quasi-experimental"),
    ("This study was a blinded, randomised controlled trial of two splints.", "blinded"),
    ("Dance for older adults: a community-based, pilot randomized controlled trial was run in 2019.", "pilot study"),
    ("Schools joined a clustered randomised controlled trial of daily running.", "cluster-randomized"),
])
def test_designs_named_by_whom_they_blind_their_control_or_their_analysis(tmp_path, layout, body, design):
    assert design in trial(tmp_path, body, "design", layout)


@pytest.mark.parametrize("body, absent", [
    ("Activity was measured with the International Physical Activity Questionnaire.", "international"),
    ("Units were converted to international units before the analysis.", "international"),
    ("In a secondary analysis, the effect was larger in women.", "secondary analysis"),
    ("Post hoc analysis showed no difference between centres.", "post-hoc analysis"),
    ("In pragmatic terms, the clinics kept their usual schedules.", "pragmatic"),
    ("Exploratory outcomes included sleep and mood.", "exploratory"),
    ("Within-subject changes in mood were small.", "within-subject"),
    ("The pilot phase enrolled 20 adults and the blinded nurse measured gait.", "pilot study"),
    ("In this double-blind trial the blinded pharmacist prepared the syringes.", "blinded"),
    ("An observer-blinded trial is planned; this one was double-blind and enrolled 80 adults.", "assessor-blinded"),
])
def test_design_words_that_do_not_name_this_trials_design(tmp_path, body, absent):
    assert absent not in trial(tmp_path, body, "design")


@pytest.mark.parametrize("background", [
    "In a pilot study, the app doubled quit rates; this trial tests it in 900 smokers.",
    "Results from two earlier crossover trials were mixed, so we designed this study.",
])
def test_a_design_of_another_study_in_the_background(tmp_path, background):
    path = tmp_path / "paper.txt"
    path.write_text(f"{TITLE}\n\nAbstract\n\nBackground: {background}\n\nMethods: Smokers were randomised to the "
                    "app or a leaflet.\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    designs = [f.fields["value"].label for f in facts if f.kind == "trial" and f.fields["attribute"] == "design"]
    assert "pilot study" not in designs and "crossover" not in designs and "randomized" in designs


def test_a_design_named_with_an_indefinite_article_about_this_study_stays(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(f"{TITLE}\n\nAbstract\n\nBackground: Falls are common. In a randomised double-blinded cross over "
                    "study design we therefore gave placebo or the drug.\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    designs = {f.fields["value"].label for f in facts if f.kind == "trial" and f.fields["attribute"] == "design"}
    assert {"double-blind", "crossover"} <= designs


def test_this_trials_design_in_the_background_stays(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(f"{TITLE}\n\nAbstract\n\nBackground: We report this pilot study of a quit-smoking app.\n\n"
                    "Methods: Smokers were randomised to the app or a leaflet.\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    assert "pilot study" in [f.fields["value"].label for f in facts
                             if f.kind == "trial" and f.fields["attribute"] == "design"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "Schools joined a clustered randomised controlled trial of daily running.",
    "In this cluster-randomized trial, 40 villages received water filters or nothing.",
])
def test_a_cluster_randomised_trial_is_randomised(tmp_path, layout, body):
    designs = trial(tmp_path, body, "design", layout)
    assert "cluster-randomized" in designs and designs.count("randomized") == 1


def test_a_trial_title_names_its_own_secondary_analysis(tmp_path):
    title = "Iron and fatigue in pregnancy: a secondary analysis of a randomised controlled trial"
    assert "secondary analysis" in trial(tmp_path, "Women took iron or nothing.", "design", title=title)


# The general shape of an enrolment statement: [count][population: premodifiers, modifiers, a
# parenthetical, an apposition][a verb of enrolment, participation or consent], or
# [study/trial (performed) in/of/with][count][population] (cues in ontology/enrolment.json).
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, n", [
    ("Forty-one older adults (mean age 71 years; 55% women) living at home were randomised into two arms.", 41),
    ("Eighteen healthy young males (mean ± SD; age 24 ± 3 years; BMI 23 ± 2) gave written informed consent to "
     "take part.", 18),
    ("Fifty adults with indications for knee replacement participated.", 50),
    ("Twenty-three rugby players volunteered for the study after a club meeting.", 23),
    ("Sixty-six unselected mechanically ventilated adults, most of them after surgery, were enrolled.", 66),
])
def test_enrolment_with_material_between_the_count_and_the_verb(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, n", [
    ("We ran a single-blind, crossover study in 30 healthy volunteers.", 30),
    ("This trial was conducted in 44 stroke survivors with hemiparesis.", 44),
    ("A cluster trial of a reading scheme was carried out with 210 pupils from nine schools.", 210),
    ("Randomisation was done in 128 outpatients before the first visit.", 128),
    ("The participants were 150 community-living older people with frailty.", 150),
    ("There were 97 randomised participants, mean age 58 years.", 97),
])
def test_enrolment_after_a_study_word(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


@pytest.mark.parametrize("body, n", [
    ("Eighty-two women scheduled for caesarean delivery. Spinal anaesthesia was given to all.", 82),
    ("Fourteen amateur cyclists, aged 20 to 35 years, rode three time trials in random order.", 14),
])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_count_of_people_opening_the_methods(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, n", [
    ("Of 212 randomized children, 198 were analysed at one year.", 212),
    ("Of the 650 people screened at the clinics, 320 patients were enrolled.", 320),
    ("From 1,245 screened adults, 96 entered the trial.", 96),
    ("Of a planned 600 children, 410 were enrolled.", 410),
    ("Of the 90 mothers enrolled, 44 were allocated to coaching and 46 mothers were allocated to leaflets.", 90),
])
def test_the_whole_and_its_parts(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, n", [
    ("Thirty men and 28 women were randomised to the two diets.", 58),
    ("Twenty-five patients were assigned to the low dose, while 27 patients received the high dose.", 52),
    ("Forty-eight adults, 20 with asthma and 28 without, were recruited.", 48),
])
def test_counts_written_beside_each_other_are_added_up(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "Twelve nurses were allocated to each group.",
    "Sixty patients were screened; forty were invited.",
    "Subgroup results (n = 16) were consistent.",
    "Allowing for losses, 180 patients should have been recruited.",
    "Allowing for losses, 180 patients were to be included.",
    "The remaining 77 participants were included in the per-protocol analysis.",
    "After keeping a diary for 10 days participants were allocated to the two arms.",
    "Seventy-two adults completed the questionnaire and were included in the final analyses.",
])
def test_counts_that_are_not_the_number_enrolled(tmp_path, layout, body):
    assert trial(tmp_path, body, "n_enrolled", layout) == []


@pytest.mark.parametrize("body, ids", [
    ("Trial registration: University Hospital Medical Information Network 000031234.", ["UMIN000031234"]),
    ("Registered as UMIN-CTR ID: 000045678 (receipt R: 000051234).", ["UMIN000045678"]),
    ("The trial is in the ISRCTN registry 12345678 and the International Standard Randomised Controlled Trial "
     "Number (ISRCTN): 87654321.", ["ISRCTN12345678", "ISRCTN87654321"]),
    ("Registered with the Australian New Zealand Clinical Trials Registry ACTRN12619000123456.",
     ["ACTRN12619000123456"]),
    ("Chinese Clinical Trial Register (number: ChiCTR-INR-17012345). CTRI Registration Number: CTRI/2015/03/005678.",
     ["ChiCTR-INR-17012345", "CTRI/2015/03/005678"]),
    ("EudraCT Number: 2016-001234-21. Iranian Registry of Clinical Trials IRCT201506071234N2.",
     ["2016-001234-21", "IRCT201506071234N2"]),
    ("We registered in the German Clinical Trials Register, DRKS 00004321, and in the Netherlands Trial Register "
     "under number 4895.", ["DRKS00004321", "NTR4895"]),
])
def test_registry_ids_written_with_the_registrys_name(tmp_path, body, ids):
    assert trial(tmp_path, body, "registry_id") == ids


def test_a_year_after_a_registrys_name_is_no_id(tmp_path):
    body = "The trial was entered in the Netherlands Trial Register, 2012, before recruitment."
    assert trial(tmp_path, body, "registry_id") == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Forty asthmatic volunteers inhaled the test powder or a matched placebo. All had asthma for at least "
     "two years.", "asthma"),
    ("We enrolled 30 asthmatics, each with a history of asthma treated by inhaled steroids, and randomised them "
     "to the new inhaler or to placebo.", "asthma"),
    ("Sixty hyperlipidemic adults were given the herbal tablet or a placebo; hyperlipidemia was defined by the "
     "usual thresholds.", "hyperlipidemia"),
])
def test_a_population_named_by_an_adjective_of_its_disease(tmp_path, layout, body, expected):
    """'asthmatic subjects', 'asthmatics': the adjective stands for the disease the paper names."""
    assert [c.lower() for c in trial(tmp_path, body, "condition", layout)] == [expected]


def test_an_adjective_the_paper_names_no_disease_for_is_no_condition(tmp_path):
    """'ethnic' or 'clinic' before 'patients' rewrites into no disease the paper names: nothing."""
    body = "Eighty clinic patients of two ethnic communities were randomised to reminders or usual care."
    assert trial(tmp_path, body, "condition") == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    # a word of circumstance ('elective') is not the procedure's: it is left out
    ("We randomised 120 patients undergoing elective hip arthroplasty to the new dressing or to gauze.",
     "hip arthroplasty"),
    ("Adults presenting with acute bacterial sinusitis to a walk-in clinic were allocated to two antibiotics.",
     "sinusitis"),
    ("Forty children needing tracheal intubation in the emergency room were randomised to two laryngoscopes.",
     "tracheal intubation"),
    ("Women scheduled for caesarean section (n = 200) were allocated to either skin glue or sutures.",
     "caesarean section"),
])
def test_a_population_defined_by_a_procedure(tmp_path, layout, body, expected):
    """'patients undergoing X', 'scheduled for X': the procedure is the condition studied."""
    assert [c.lower() for c in trial(tmp_path, body, "condition", layout)] == [expected]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("title, expected", [
    # perioperative care: the procedure the trial's care is for, or the problem it prevents
    ("Two muscle relaxants compared for rapid tracheal intubation in adults: a randomised trial",
     "tracheal intubation"),
    ("Nasal dexmedetomidine for the sedation of frightened toddlers during dental work: a pilot trial",
     "sedation"),
    ("Wound infiltration or nerve block after total knee arthroplasty: a randomized comparison",
     "total knee arthroplasty"),
    ("Misoprostol for the prevention of postpartum bleeding in home births: a randomised trial",
     "postpartum bleeding"),
    ("Treatment of infrabony periodontal defects with two graft materials: a randomized study",
     "infrabony periodontal defects"),
])
def test_a_title_names_the_procedure_or_problem_studied(tmp_path, layout, title, expected):
    """'... for tracheal intubation', '... after hernia repair', 'for the prevention of X': a
    trial of perioperative care or prevention is about what its title names there."""
    body = "Adults were randomised to one of the two arms."
    assert expected in [c.lower() for c in trial(tmp_path, body, "condition", layout, title=title)]


@pytest.mark.parametrize("title", [
    "Two diets compared for weight maintenance after the holiday season: a randomised trial",
    "A smartphone reminder for medication adherence during the first year: a randomized trial",
])
def test_a_title_without_a_procedure_or_disease_head_names_no_condition(tmp_path, title):
    body = "Adults were randomised to one of the two arms."
    assert trial(tmp_path, body, "condition", "heading", title=title) == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("title, expected", [
    ("A herbal tea for insomnia in shift workers: a randomised placebo-controlled trial", "insomnia"),
    ("Acupressure bands against postoperative nausea after breast surgery: a randomized trial", "nausea"),
])
def test_a_symptom_a_title_treats_is_the_condition(tmp_path, layout, title, expected):
    """A symptom the lexicon files as an adverse event ('insomnia', 'nausea') is what the trial
    treats when the title names it after 'for', 'against', 'in'."""
    body = "Adults were randomised to one of the two arms."
    assert any(expected in c.lower() for c in trial(tmp_path, body, "condition", layout, title=title))


@pytest.mark.parametrize("title", [
    "The incidence of nausea with two opioids: a randomised trial",
    "A once-weekly tablet with fewer side effects: a randomised trial",
])
def test_a_symptom_a_title_measures_is_no_condition(tmp_path, title):
    body = "Adults were randomised to one of the two arms."
    assert trial(tmp_path, body, "condition", "heading", title=title) == []


@pytest.mark.parametrize("results", [
    "Results: Blood pressure fell more with the new drug. Four patients with ankle oedema withdrew from it.",
    "Results: Rash developed in three patients with eczema; none stopped treatment.",
])
def test_people_with_an_event_in_the_results_are_not_the_population(tmp_path, results):
    """'four patients with oedema withdrew': in an abstract's results, who had an event, not whom the
    trial enrolled (no other population is named here, so nothing is the condition)."""
    path = tmp_path / "paper.txt"
    path.write_text(f"{TITLE}\n\nAbstract\n\nMethods: Eighty adults were randomised to two drugs.\n\n"
                    f"{results}\n\nConclusions: More work is needed.\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    assert [f for f in facts if f.kind == "trial" and f.fields["attribute"] == "condition"] == []


def test_a_title_listing_its_designs_is_still_a_title(tmp_path):
    """'X, a herbal mixture for asthma: a randomised, double-blind, placebo-controlled, cross-over
    study' has many short comma-separated chunks, in lower case: a title, not an author list."""
    title = ("HX2, a herbal mixture for the treatment of eczema: a randomised, double-blind, placebo-controlled, "
             "crossover study")
    body = "Adults were randomised to one of the two arms."
    assert [c.lower() for c in trial(tmp_path, body, "condition", "heading", title=title)] == ["eczema"]


def test_a_treatment_being_undergone_is_no_condition(tmp_path):
    body = "Patients undergoing chemotherapy were randomised to ginger capsules or placebo."
    assert trial(tmp_path, body, "condition") == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("title, body", [
    ("A text-message programme for smoking cessation: a randomised trial",
     "Adults who wanted to quit were randomised to daily text messages or to a leaflet."),
    (TITLE, "We recruited 300 smokers from general practices. Smokers were randomised to an exercise "
            "counselling session or to brief advice."),
])
def test_a_behaviour_trial_has_the_behaviour_as_its_condition(tmp_path, layout, title, body):
    assert trial(tmp_path, body, "condition", layout, title=title) == ["smoking"]


def test_healthy_volunteers_have_their_state_as_condition(tmp_path):
    # no disease: the state of the people enrolled, as the paper names them (see
    # tests/test_nondrug_arms_and_populations.py), not a disease of its own
    body = "Twenty-four healthy volunteers received the tablet or a placebo in random order, a week apart."
    assert trial(tmp_path, body, "condition") == ["healthy volunteers"]


def test_a_disease_read_inside_a_longer_one_is_not_a_second_condition(tmp_path):
    title = "Inhaled vitamin D in chronic obstructive pulmonary disease patients: a randomised trial"
    assert trial(tmp_path, "Patients were randomised to vitamin D or placebo.", "condition",
                 title=title) == ["chronic obstructive pulmonary disease"]


@pytest.mark.parametrize("body", [
    "Women with carcinoma of the breast confirmed by biopsy were randomised to the tablet or placebo.",
    "Patients with metastatic disease were randomised to the tablet or placebo.",
])
def test_a_kind_of_disease_adds_nothing_to_the_specific_one(tmp_path, body):
    title = "Low-dose tablet therapy in breast cancer: a randomised trial"
    assert trial(tmp_path, body, "condition", title=title) == ["breast cancer"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body", [
    "We enrolled men with urinary retention due to benign prostatic hyperplasia.",
    "Patients with acute urinary retention secondary to benign prostatic hyperplasia were randomised.",
])
def test_a_population_naming_the_title_condition_again_adds_no_other(tmp_path, layout, body):
    title = "Two catheters compared in benign prostatic hyperplasia: a randomised trial"
    assert trial(tmp_path, body, "condition", layout, title=title) == ["prostatic hyperplasia"]


@pytest.mark.parametrize("title", [
    "Pre-operative tablet treatment reduces tumour growth in breast cancer: a randomised trial",
    "Tumour markers after a short tablet course in women with breast cancer: a randomised trial",
])
def test_a_kind_of_disease_named_first_still_gives_way(tmp_path, title):
    assert trial(tmp_path, "Women were randomised to the tablet or placebo.", "condition",
                 title=title) == ["breast cancer"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, written", [
    ("Eighty HIV-positive adults were randomised to the new tablet or to the usual regimen.", "HIV"),
    ("We enrolled adults living with HIV-1 on stable therapy and randomised them to two doses.", "HIV-1"),
    ("Women chronically infected with hepatitis C virus were randomised to the gel or placebo.",
     "hepatitis C virus"),
])
def test_a_population_named_by_its_microbe_has_that_infection(tmp_path, layout, body, written):
    path = tmp_path / "paper.txt"
    path.write_text(f"{TITLE}\n\nMethods\n\n{body}\n" if layout == "heading" else
                    f"{TITLE}\n\nAbstract\n\nMethods: {body}\n\nConclusions: More work is needed.\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    conditions = [f for f in facts if f.kind == "trial" and f.fields["attribute"] == "condition"]
    assert len(conditions) == 1
    ev = conditions[0].evidence[0]
    assert document.text[ev.start:ev.end] == written
    assert "infection" in conditions[0].fields["value"].label or "hepatitis" in conditions[0].fields["value"].label


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("We randomised 96 obese women to a walking programme or to written advice.", "obesity"),
    ("Obese adults (n = 64) were allocated to the low-fat meal plan or the usual diet.", "obesity"),
    ("Eighty overweight adults were randomly assigned to the app or to a booklet.", "overweight"),
    ("A total of 70 hypertensive patients received the new tablet or a matching placebo.", "hypertension"),
    ("Fifty diabetic patients were randomised to the foot cream or to an inert cream.", "diabetes"),
    ("We enrolled 40 diabetics attending two clinics and randomised them to text reminders or none.", "diabetes"),
    ("Ninety preterm infants were randomised to the new feeding protocol or to standard feeds.",
     "premature birth"),
    ("Sixty mildly depressed patients were allocated to the exercise classes or to a waiting list.",
     "depression"),
])
def test_a_population_named_by_a_word_of_its_condition(tmp_path, layout, body, expected):
    """'obese women', 'preterm infants', 'depressed patients', 'diabetics': the word stands for the
    condition (through the disease dictionaries, or an alias where MeSH names it otherwise), though the
    paper never writes the disease's own name."""
    assert [c.lower() for c in trial(tmp_path, body, "condition", layout)] == [expected]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Seventy adults with major depression were randomised to the app or to usual care.", "major depression"),
    ("We randomised 120 people with insomnia to the sleep course or to sleep-hygiene leaflets.", "insomnia"),
])
def test_a_condition_the_dictionaries_name_otherwise(tmp_path, layout, body, expected):
    """'major depression', 'insomnia': MeSH lists them as 'major depressive disorder' and 'sleep
    initiation and maintenance disorders'; the condition keeps the paper's name and MeSH's id."""
    path = tmp_path / "paper.txt"
    path.write_text(f"{TITLE}\n\nMethods\n\n{body}\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    found = [f.fields["value"] for f in facts if f.kind == "trial" and f.fields["attribute"] == "condition"]
    assert [c.label for c in found] == [expected]
    assert found[0].curie and found[0].curie.startswith("MESH:")


def test_postmenopausal_women_are_a_population_without_a_disease(tmp_path):
    title = "Resistance exercise and bone density in postmenopausal women: a randomised trial"
    body = "Sixty women were randomised to twice-weekly resistance exercise or to stretching."
    assert trial(tmp_path, body, "condition", title=title) == ["postmenopause"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, denied", [
    ("We enrolled 150 adults without cognitive impairment. Adults without cognitive impairment were "
     "randomised to brisk walking or to stretching.", "cognitive impairment"),
    ("Older people with no history of heart failure (n = 200) were enrolled. People free of heart failure "
     "were randomised to the salt substitute or to ordinary salt.", "heart failure"),
])
def test_a_denied_condition_is_not_the_condition_studied(tmp_path, layout, body, denied):
    """'without X', 'no history of X', 'free of X': an eligibility limit, not the trial's condition (the
    people's own state, 'older people', may be: tests/test_nondrug_arms_and_populations.py)."""
    assert not any(denied in c.lower() for c in trial(tmp_path, body, "condition", layout))


@pytest.mark.parametrize("finding", [
    "Fewer participants with type 2 diabetes were in the upper third of nut intake.",
    "In the upper tertile there were more individuals with hypertension than in the lowest.",
])
def test_a_subgroup_in_a_full_texts_results_is_not_the_condition(tmp_path, finding):
    """'fewer participants with X' in a full text's results describes a subgroup, not who was enrolled."""
    path = tmp_path / "paper.txt"
    path.write_text(f"{TITLE}\n\nAbstract\n\nMethods: We randomised 300 adults to nut snacks or to usual snacks.\n\n"
                    "Introduction\n\nSnacking is common.\n\nMethods\n\nAdults were randomised.\n\n"
                    f"Results\n\n{finding}\n\nDiscussion\n\nNuts may help.\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    assert [f for f in facts if f.kind == "trial" and f.fields["attribute"] == "condition"] == []


@pytest.mark.parametrize("title, expected", [
    ("Chemotherapy with or without interferon in advanced malignant melanoma: a randomised trial", "melanoma"),
    ("Surgery alone versus surgery and radiotherapy without chemotherapy in early breast cancer", "breast cancer"),
])
def test_a_denial_of_an_arm_denies_no_condition(tmp_path, title, expected):
    """'with or without X in Y', 'without X in Y': the denial is of a treatment, not of the disease."""
    found = [c.lower() for c in trial(tmp_path, "Patients were randomised to the two arms.", "condition",
                                      title=title)]
    assert any(expected in c for c in found), found


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("body, expected", [
    ("Depressed adolescents rarely get care. We randomised 143 adolescents with major depressive disorder to "
     "phone coaching or usual care.", "major depressive disorder"),
    ("Obese adults often have knee pain. Adults with knee osteoarthritis (n = 90) were randomised to "
     "exercise or advice.", "knee osteoarthritis"),
])
def test_a_population_named_by_its_disease_wins_over_one_named_by_an_adjective(tmp_path, layout, body, expected):
    assert [c.lower() for c in trial(tmp_path, body, "condition", layout)] == [expected]
