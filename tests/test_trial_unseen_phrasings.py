"""Trial fields on phrasings met in unseen abstracts, on sentences written for these tests: trial
names in brackets or with a cooperative group's number, designs written around their words
(a blinded run-in, an open-label background drug, 'assigned randomly'), the number enrolled of a
report on some of a trial's people, and conditions cut from a list or after a quantifier.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_trial import LAYOUTS, trial


@pytest.mark.parametrize(
    "title, acronym",
    [
        ("Daily walking in heart failure - the HomE Activity Regimen Trial (HEART) study", "HEART"),
        ("Oral rinses before surgery: the Finnish Oral Rinse Evaluation Study (FORES) trial", "FORES"),
        # a long form ending in a disease the dictionaries know: the brackets still name the study
        ("The Oslo Statin Therapy After Stroke (OSTAS): A Multicentre, Randomised, Open-label Study", "OSTAS"),
        ("The Zinc After Renal Failure (ZARF): a randomised, double-blind trial", "ZARF"),
    ],
)
def test_a_long_name_and_its_abbreviation_name_the_trial(tmp_path, title, acronym):
    assert trial(tmp_path, "Adults were randomised to two arms.", "acronym", title=title) == [acronym]


@pytest.mark.parametrize(
    "title",
    [
        "Chronic obstructive pulmonary disease (COPD): a randomised study of two inhalers",
        "Tea for people with chronic obstructive pulmonary disease (COPD) study",
    ],
)
def test_an_abbreviated_disease_in_brackets_is_no_trial_name(tmp_path, title):
    assert trial(tmp_path, "Adults were randomised to two arms.", "acronym", title=title) == []


@pytest.mark.parametrize(
    "title, acronym",
    [
        ("Zinc for wound healing: results from NCCTG 0412", "NCCTG 0412"),
        ("Early mobilisation in older inpatients: a secondary analysis of the ECOG E2197 trial", "ECOG E2197"),
        ("Hot flushes after chemotherapy: long-term follow-up of NSABP B-41", "NSABP B-41"),
    ],
)
def test_a_cooperative_groups_numbered_trial(tmp_path, title, acronym):
    assert trial(tmp_path, "Adults were randomised to two arms.", "acronym", title=title) == [acronym]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_numbered_trial_named_in_the_text(tmp_path, layout):
    body = "Patients of the SWOG S-0307 trial were randomised to three drugs."
    assert trial(tmp_path, body, "acronym", layout) == ["SWOG S-0307"]


def test_a_surveys_year_is_no_trial_number(tmp_path):
    title = "Smoking in adults: data from NHANES 2005"
    assert trial(tmp_path, "Adults were surveyed in this study.", "acronym", title=title) == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body",
    [
        "Volunteers were assigned randomly to the low-salt or the usual diet.",
        "Pupils were randomly and evenly divided into two classes.",
        "The 60 patients were divided into three equal groups randomly.",
    ],
)
def test_randomly_after_the_verb_or_beside_another_adverb(tmp_path, layout, body):
    assert "randomized" in trial(tmp_path, body, "design", layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, label",
    [
        (
            "After a two-week single-blind placebo run-in, patients took drug X or placebo under double-blind "
            "conditions.",
            "single-blind",
        ),
        ("The 52-week double-blind phase was followed by a single blind 6 week washout on placebo.", "single-blind"),
        ("Patients took drug X or placebo, plus open-label insulin glargine, in a double-blind design.", "open-label"),
        ("In this double-blind trial, drug Y or placebo was added to background open-label metformin.", "open-label"),
        (
            "Quality of life scales were designed as prospective secondary endpoints of this randomised trial.",
            "prospective",
        ),
    ],
)
def test_a_design_word_of_one_phase_or_one_drug(tmp_path, layout, body, label):
    assert label not in trial(tmp_path, body, "design", layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, label",
    [
        ("This was an open-label, randomised trial of two inhalers.", "open-label"),
        ("In this single-blind study, patients were randomised to two gels.", "single-blind"),
    ],
)
def test_the_same_design_words_naming_the_trial_stay(tmp_path, layout, body, label):
    assert label in trial(tmp_path, body, "design", layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, n",
    [
        ("Among 310 adults randomly assigned to 5, 10, or 20 mg of drug X, tissue was available from 120.", 310),
        ("Among the 188 children randomly allocated to zinc or placebo, stool samples were kept from 90.", 188),
        ("We examined 1,204 women aged 40 to 60 years randomized to one of two diets.", 1204),
        ("The authors analysed 415 smokers who had been randomly assigned to either patch or gum.", 415),
    ],
)
def test_the_people_a_report_took_from_the_randomised(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_one_arms_randomised_are_not_the_whole(tmp_path, layout):
    body = "Among 51 women randomly assigned to drug X, tissue was available from 40."
    assert trial(tmp_path, body, "n_enrolled", layout) == []


@pytest.mark.parametrize(
    "title, conditions",
    [
        (
            "Vitamin C for the prevention of esophagitis, peptic ulcers and bleeding in aspirin users",
            ["esophagitis", "peptic ulcer"],
        ),
        ("Probiotics against esophagitis, peptic and duodenal ulcers in older adults", ["esophagitis"]),
    ],
)
def test_an_inverted_dictionary_name_is_not_read_across_a_list(tmp_path, title, conditions):
    found = trial(tmp_path, "Adults were randomised.", "condition", title=title)
    assert "esophagitis, peptic" not in found and all(c in found for c in conditions)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, condition",
    [
        ("Adults with at least one organ failure were randomised to early or late feeding.", "organ failure"),
        ("Adults with two or more hamstring injuries were randomised to two exercise plans.", "hamstring injuries"),
    ],
)
def test_a_quantifier_before_the_condition_is_left_out(tmp_path, layout, body, condition):
    assert trial(tmp_path, body, "condition", layout) == [condition]


@pytest.mark.parametrize(
    "title, condition",
    [
        ("Metformin for diabetes in older adults: a randomised trial", "diabetes"),
        ("Music and insomnia: a randomised trial in care homes", "insomnia"),
        ("A diabetes recall system in general practice: a cluster randomised trial", "diabetes"),
    ],
)
def test_a_title_names_a_disease_by_its_common_name(tmp_path, title, condition):
    assert trial(tmp_path, "Adults were randomised.", "condition", title=title) == [condition]


def test_a_common_name_after_an_outcome_cue_is_no_condition(tmp_path):
    title = "Vitamin D and the risk of diabetes in older adults: a randomised trial"
    assert "diabetes" not in trial(tmp_path, "Adults were randomised.", "condition", title=title)


@pytest.mark.parametrize(
    "title, condition",
    [
        (
            "XYZ-12: a randomized trial of two preemptive treatment strategies of drug-induced skin toxicity",
            "drug-induced skin toxicity",
        ),
        (
            "Comparing two prevention approaches of radiation-induced skin toxicity: a randomised trial",
            "radiation-induced skin toxicity",
        ),
    ],
)
def test_a_title_names_the_problem_after_strategies_or_options(tmp_path, title, condition):
    assert condition in trial(tmp_path, "Adults were randomised.", "condition", title=title)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body",
    [
        "This was a controlled, double-blind, randomised clinical trial of two gels.",
        "We ran a randomised, controlled, dose-ranging study of a nasal spray.",
        "This is a randomised controlled pilot trial of a walking app.",
    ],
)
def test_controlled_among_other_design_words(tmp_path, layout, body):
    assert "controlled trial" in trial(tmp_path, body, "design", layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body",
    [
        "A placebo-controlled, double-blind study of drug X was run in two towns.",
        "An uncontrolled, open study of drug X was run in two towns.",
    ],
)
def test_placebo_controlled_or_uncontrolled_is_not_controlled_alone(tmp_path, layout, body):
    assert "controlled trial" not in trial(tmp_path, body, "design", layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body",
    [
        "A randomised, parallel 3-group study was done in 60 adults.",
        "This was a three-arm, parallel trial of two creams and a vehicle.",
    ],
)
def test_parallel_with_the_number_of_groups(tmp_path, layout, body):
    assert "parallel-group" in trial(tmp_path, body, "design", layout)


@pytest.mark.parametrize(
    "body",
    [
        "This randomised, parallel-group, 40-centre study enrolled adults (drug: N = 101, FEV1 = 1.3 L [48.2% "
        "predicted]; placebo: N = 99).",
        "This randomised, parallel-group study of drug X (mean dose 2.5 mg [1.5 to 3.5]) was done in 12 towns.",
    ],
)
def test_a_share_or_a_decimal_in_square_brackets_is_no_citation(tmp_path, body):
    found = trial(tmp_path, body, "design")
    assert "randomized" in found and "parallel-group" in found


@pytest.mark.parametrize("heading", ["Methods and patients", "Methods and participants"])
def test_a_methods_heading_naming_the_people(tmp_path, heading):
    from kg.extract import extract_all
    from kg.lexicon import load_lexicon
    from kg.nlp import get_nlp
    from kg.readers import read

    path = tmp_path / "paper.txt"
    path.write_text(
        f"A made-up trial of a sleep drug\n\nBackground\n\nSleep is often poor in older age.\n\n"
        f"{heading}\n\nIn a double-blind placebo-controlled study, we randomized 80 older women to "
        "drug X or placebo.\n",
        encoding="utf-8",
    )
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    designs = [f.fields["value"].label for f in facts if f.kind == "trial" and f.fields["attribute"] == "design"]
    assert "double-blind" in designs


@pytest.mark.parametrize(
    "title, body, condition",
    [
        (
            "A remote depression care programme for adolescents: a randomised trial",
            "Adolescents with major depressive disorder were randomised.",
            "major depressive disorder",
        ),
        (
            "Diabetes education for adults with type 2 diabetes: a randomised trial",
            "Adults were randomised.",
            "type 2 diabetes",
        ),
    ],
)
def test_a_common_name_beside_the_specific_disease(tmp_path, title, body, condition):
    assert trial(tmp_path, body, "condition", title=title) == [condition]


def _abstract(tmp_path, background: str, methods: str, attribute: str) -> list:
    from kg.extract import extract_all
    from kg.lexicon import load_lexicon
    from kg.nlp import get_nlp
    from kg.readers import read

    path = tmp_path / "paper.txt"
    text = f"Drug X in lupus\n\nAbstract\n\nBackground: {background}\n\nMethods: {methods}\n"
    path.write_text(text, encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    return [f.fields["value"] for f in facts if f.kind == "trial" and f.fields["attribute"] == attribute]


@pytest.mark.parametrize(
    "background, methods, phase",
    [
        (
            "In a previous phase II trial, drug X lowered disease activity.",
            "This phase-III trial randomised 300 adults with lupus to drug X or placebo.",
            "III",
        ),
        (
            "In a phase 2 study, drug X lowered disease activity. We therefore tested it further.",
            "Adults with lupus were randomised to drug X or placebo in this phase 3, double-blind study.",
            "III",
        ),
        ("This phase-2 trial tested drug X in lupus.", "Adults with lupus were randomised to drug X or placebo.", "II"),
    ],
)
def test_the_phase_of_this_trial_not_of_one_the_background_cites(tmp_path, background, methods, phase):
    assert _abstract(tmp_path, background, methods, "phase") == [phase]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, n",
    [
        ("We compared the effects of placebo and 10 mg drug X in 6 normal and 6 asthmatic subjects.", 12),
        ("We studied 12 lean and 14 obese adults on two test days.", 26),
    ],
)
def test_two_groups_sharing_one_population_noun(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


def test_two_groups_with_an_event_in_the_results_are_not_the_enrolled(tmp_path):
    path_body = "Wheeze fell in 5 treated and 3 untreated subjects."
    text = f"A made-up trial\n\nResults\n\n{path_body}\n"
    (tmp_path / "paper.txt").write_text(text, encoding="utf-8")
    from kg.extract import extract_all
    from kg.lexicon import load_lexicon
    from kg.nlp import get_nlp
    from kg.readers import read

    document = read(tmp_path / "paper.txt")
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    assert [f for f in facts if f.kind == "trial" and f.fields["attribute"] == "n_enrolled"] == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body",
    [
        "This randomised, 44-centre study compared two inhalers.",
        "A twelve-site trial randomised adults to two diets.",
    ],
)
def test_a_design_named_by_its_count_of_centres(tmp_path, layout, body):
    assert "multicenter" in trial(tmp_path, body, "design", layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body",
    [
        "Adults were randomised to two diets in six intensive care units.",
        "This randomised two-centre study compared two inhalers.",
    ],
)
def test_where_a_trial_ran_is_no_design_word(tmp_path, layout, body):
    assert "multicenter" not in trial(tmp_path, body, "design", layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, rid",
    [
        ("The trial was registered at ClinicalTrials.gov (NCT-01234567).", "NCT01234567"),
        ("Trial registration: NCT 07654321.", "NCT07654321"),
        (
            "It was registered with the Australian New Zealand Clinical Trials Registry (ACTRN 12615000123456).",
            "ACTRN12615000123456",
        ),
        ("Trial registration: jRCTs031180001.", "jRCTs031180001"),
        ("The trial was entered in the Netherlands Trial Register: NL7263.", "NL7263"),
    ],
)
def test_registry_numbers_written_with_a_space_or_hyphen_or_new_forms(tmp_path, layout, body, rid):
    assert trial(tmp_path, body, "registry_id", layout) == [rid]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, acronym",
    [
        ("Adults of the SPRINT 2 trial were randomised to two blood-pressure targets.", "SPRINT 2"),
        ("The CALMER (Cough And Lung Medicine Evaluation Research) study randomised 300 adults.", "CALMER"),
    ],
)
def test_a_trial_name_with_a_number_or_its_long_name_in_brackets(tmp_path, layout, body, acronym):
    assert trial(tmp_path, body, "acronym", layout) == [acronym]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, n",
    [
        (
            "Lipids were measured. They were divided into three equal groups randomly (each composing of 50 patients).",
            150,
        ),
        ("Volunteers were allocated to two arms with 40 adults in each arm.", 80),
    ],
)
def test_groups_times_their_size_in_other_words(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, n",
    [
        (
            "In all, 40 schools were randomly assigned to the programme (n = 20 schools, 610 pupils) "
            "or to usual teaching (n = 20 schools, 590 pupils).",
            1200,
        ),
        (
            "Villages were randomised to nets (n = 12 villages; 300 households) or no nets (n = 11 villages; 280 "
            "households).",
            580,
        ),
    ],
)
def test_a_cluster_trials_arms_count_people_not_clusters(tmp_path, layout, body, n):
    assert trial(tmp_path, body, "n_enrolled", layout) == [n]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, rid",
    [
        ("Trial registration: EU Clinical Trials Register 2011-005545-65.", "2011-005545-65"),
        ("The trial is registered in EU-CTR (2014-001122-33).", "2014-001122-33"),
    ],
)
def test_a_eudract_number_after_the_registers_name(tmp_path, layout, body, rid):
    assert trial(tmp_path, body, "registry_id", layout) == [rid]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, label",
    [  # the dictionary's (American) name of the disease read
        ("Adults with obstructive sleep apnoea were randomised to two mouthguards.", "obstructive sleep apnea"),
        ("Children with coeliac disease were randomised to two diets.", "celiac disease"),
        ("Women with preterm labour were randomised to two tocolytics.", "premature obstetric labor"),
        ("Patients with lymphoedema of the arm were randomised to two garments.", "lymphedema"),
    ],
)
def test_a_disease_spelled_the_british_way(tmp_path, layout, body, label):
    assert trial(tmp_path, body, "condition", layout) == [label]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, label",
    [
        ("Older adults with dementia were randomised to music or usual care.", "dementia"),
        ("Children with dyslexia were randomised to two reading programmes.", "dyslexia"),
        ("Patients with cystic fibrosis were randomised to two inhaled saline doses.", "cystic fibrosis"),
        (
            "Adults with idiopathic pulmonary fibrosis were randomised to drug X or placebo.",
            "idiopathic pulmonary fibrosis",
        ),
    ],
)
def test_diseases_the_dictionary_names_only_as_records_or_longer_names(tmp_path, layout, body, label):
    assert trial(tmp_path, body, "condition", layout) == [label]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body",
    [
        "Adults aged 60 or over were randomised; patients with epilepsy or renal failure were excluded.",
        "Adults aged 60 or over were randomised. Those with a history of stroke or heart failure were not eligible.",
        "Older adults were randomised. Participants with uncontrolled hypertension or diabetes were ineligible.",
    ],
)
def test_a_condition_whose_people_the_clause_excludes(tmp_path, layout, body):
    # no excluded disease; at most the enrolled people's own state ('older adults')
    assert all(c.lower().endswith("adults") for c in trial(tmp_path, body, "condition", layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "body, condition",
    [
        ("Patients with knee osteoarthritis who were not eligible for surgery were randomised.", "knee osteoarthritis"),
        ("Adults with gout were randomised to two diets; those with renal failure were excluded.", "gout"),
    ],
)
def test_the_studied_condition_beside_an_exclusion_stays(tmp_path, layout, body, condition):
    assert trial(tmp_path, body, "condition", layout) == [condition]


@pytest.mark.parametrize(
    "background, methods, condition",
    [
        (
            "Heart failure with preserved ejection fraction (HFpEF) has no proven therapy.",
            "Adults with HFpEF were randomised to drug X or placebo.",
            "heart failure with preserved ejection fraction",
        ),
        (
            "Cirrhosis with refractory ascites (CRA) shortens life.",
            "Patients with CRA were randomised to drug X or paracentesis.",
            "cirrhosis with refractory ascites",
        ),
    ],
)
def test_people_with_a_defined_short_form_of_a_longer_disease(tmp_path, background, methods, condition):
    found = [getattr(v, "label", v) for v in _abstract(tmp_path, background, methods, "condition")]
    assert condition in found
