"""Endpoints, round 3 of classes seen in trial abstracts nobody here had read: findings stated with a
copula, adverbs and an amount ('X was markedly lower'), change verbs after an adverb, differences
'between groups ... for/on X', people assessed 'on' measures, subjects closing with 'in patients with Y',
'as well as' lists, declarations listed over semicolons, declarations that only mention an outcome,
thresholds and values that are no timepoints, classes of outcomes, 'the results of the X analyses' and
a measure restated without its qualifiers.

Each class in two wordings and two layouts (a headed section; an abstract with inline labels).
Every sentence here was written for these tests; nothing is copied from a scored paper.
"""

from __future__ import annotations

import pytest

from tests.test_endpoints_unseen_abstracts import METHODS, RESULTS, endpoints


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Serum ferritin was markedly lower in the iron arm than with placebo (p = 0.01).", {"serum ferritin"}),
        (
            "Waist circumference was 3.2 cm smaller with the diet than with usual care (p = 0.03).",
            {"waist circumference"},
        ),
        (
            "Quality of life and grip strength were also increased in the exercise group (p = 0.03).",
            {"quality of life", "grip strength"},
        ),
        ("The median length of stay was significantly shorter after the new pathway (p < 0.001).", {"length of stay"}),
    ],
)
def test_a_copula_finding_names_its_subject(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found


@pytest.mark.parametrize("section, wrap", RESULTS)
def test_a_characteristic_compared_by_a_copula_is_no_measure(tmp_path, section, wrap):
    found = endpoints(tmp_path, wrap.format("Mean age was higher in the drug group than in controls."), section)
    assert not found, found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The cortisol level in the yoga arm significantly decreased after 8 weeks.", "cortisol level"),
        ("The six-minute walk distance improved 40% with training (p < 0.01).", "six-minute walk distance"),
    ],
)
def test_a_change_verb_after_an_adverb_or_before_an_amount(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected in found and not any("arm" in n or "significantly" in n for n in found), found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("No difference between conditions for nausea and dizziness was found (p = 0.4).", {"nausea", "dizziness"}),
        ("No significant changes between groups were observed in hand grip strength.", {"hand grip strength"}),
        ("Greater improvements from baseline in itch scores were reported with the cream.", {"itch scores"}),
        ("No significant difference was found for the onset of migraine.", {"onset of migraine"}),
    ],
)
def test_differences_between_groups_for_or_in_a_measure(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "All were assessed on balance, fatigue and functional disability after 12 weeks.",
            {"balance", "fatigue", "functional disability"},
        ),
        (
            "The children were rated for hyperactivity and attention problems by their teachers.",
            {"hyperactivity", "attention problems"},
        ),
    ],
)
def test_people_assessed_on_measures(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize(
    "sentence",
    [
        "Patients were assessed for eligibility by a nurse.",
        "Volunteers were screened and then evaluated for eligibility at the clinic.",
    ],
)
def test_eligibility_is_no_measure(tmp_path, section, wrap, sentence):
    assert not endpoints(tmp_path, wrap.format(sentence), section)


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize(
    "sentence, measure, condition",
    [
        (
            "Plasma ferritin levels from patients with sickle cell disease and healthy controls were measured.",
            "plasma ferritin levels",
            "sickle cell disease",
        ),
        (
            "The effect on fatigue scores in patients with mild to moderate lupus was evaluated.",
            "fatigue scores",
            "moderate lupus",
        ),
    ],
)
def test_a_subject_taken_in_patients_with_a_condition(tmp_path, section, wrap, sentence, measure, condition):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert measure in found and not any(condition in n or "control" in n for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Grip strength as well as gait speed was measured at 6 months.", {"grip strength", "gait speed"}),
        (
            "Daytime sleepiness as well as sleep latency were recorded in a diary.",
            {"daytime sleepiness", "sleep latency"},
        ),
    ],
)
def test_as_well_as_lists_measures(tmp_path, section, wrap, sentence, expected):
    assert expected <= set(endpoints(tmp_path, wrap.format(sentence), section))


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The primary outcomes were stroke; bleeding needing transfusion, surgery or both; and death.",
            {"stroke", "death"},
        ),
        (
            "Secondary outcomes included grip strength; time to walk 10 m, climb stairs and rise; and pain.",
            {"grip strength", "pain"},
        ),
    ],
)
def test_a_declaration_listed_over_semicolons(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found) and all(f["kind"] for f in found.values()), found


@pytest.mark.parametrize("section, wrap", METHODS)
def test_pieces_of_a_semicolon_list_are_split_again(tmp_path, section, wrap):
    found = endpoints(
        tmp_path,
        wrap.format(
            "Outcomes were pain scores, grip strength and the timed walk; and mood by the Beck Depression Inventory."
        ),
        section,
    )
    assert {"pain scores", "grip strength", "timed walk", "mood"} <= set(found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize(
    "sentence",
    [
        "Predictors of the primary outcome were older age and smoking.",
        "Outcomes were compared using mixed models and logistic regression.",
    ],
)
def test_a_sentence_about_an_outcome_declares_none(tmp_path, section, wrap, sentence):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert not found, found


@pytest.mark.parametrize("section, wrap", METHODS)
def test_an_outcome_of_a_named_measure_still_declares_it(tmp_path, section, wrap):
    found = endpoints(
        tmp_path, wrap.format("For the primary outcome of daytime sleepiness, no difference was seen."), section
    )
    assert found.get("daytime sleepiness", {}).get("kind") == "primary", found


@pytest.mark.parametrize("section, wrap", METHODS + RESULTS)
@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Secondary endpoints included exacerbations (symptoms lasting >3 days) and rescue use.", "rescue use"),
        ("Ward stay was shorter with the drug (median 5 versus 7 days, p = 0.02).", "ward stay"),
    ],
)
def test_a_threshold_or_a_value_is_no_timepoint(tmp_path, section, wrap, sentence, name):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert name in found and all(f["timepoint"] is None for f in found.values()), found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("A trend towards better vaccine immunogenicity was seen in the treated group.", "immunogenicity"),
        ("The tablet showed greater clinical efficacy than the syrup.", "efficacy"),
    ],
)
def test_a_class_of_outcomes_is_no_measure(tmp_path, section, wrap, sentence, absent):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert not any(absent in n for n in found), found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The results of the bone density and muscle strength assessments showed no benefit.",
            {"bone density", "muscle strength"},
        ),
        ("Findings from serum ferritin analyses favoured the iron arm.", {"serum ferritin"}),
    ],
)
def test_the_results_of_analyses_name_what_was_analysed(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize(
    "body, full, short",
    [
        ("Cerebrospinal fluid tau rose with the drug. Tau rose further at week 4.", "cerebrospinal fluid tau", "tau"),
        (
            "Morning serum cortisol fell in the yoga arm (p = 0.01). Cortisol was lower after 8 weeks (p = 0.02).",
            "morning serum cortisol",
            "cortisol",
        ),
    ],
)
def test_a_measure_restated_without_its_qualifiers_is_one(tmp_path, section, wrap, body, full, short):
    found = endpoints(tmp_path, wrap.format(body), section)
    assert full in found and short not in found, found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize(
    "sentence, name",
    [
        (
            "There was a trend toward a shorter median time to relapse with the drug (3.5 versus 6.2 months).",
            "time to relapse",
        ),
        ("The cream group showed significantly better wound closure (4.5 vs 7.5 days, p = 0.01).", "wound closure"),
    ],
)
def test_a_comparison_toward_or_better_names_the_measure_and_its_value_is_no_time(
    tmp_path, section, wrap, sentence, name
):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert name in found and found[name]["timepoint"] is None, found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize(
    "sentence, name, absent",
    [
        (
            "SF-36 physical component scores (P≤0.01) were higher with the drug.",
            "sf-36 physical component scores",
            "p≤",
        ),
        ("Sleep quality improved with melatonin, suggesting a benefit on rest.", "sleep quality", "suggesting"),
    ],
)
def test_a_statistic_or_a_clause_after_a_name_is_not_in_it(tmp_path, section, wrap, sentence, name, absent):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert name in found and not any(absent in n for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("Efficacy was assessed during the 52-week extension period.", "period"),
        ("Response did not differ by gender or by intermittent dosage.", "gender"),
    ],
)
def test_a_period_or_a_characteristic_is_no_measure(tmp_path, section, wrap, sentence, absent):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert not any(absent in n for n in found), found


@pytest.mark.parametrize(
    "body, expected, kind",
    [
        (
            "Methods: Adults were randomised. Main outcome measures: Pain, function and quality of life at 12 months. "
            "Results: Pain fell.",
            {"pain", "function", "quality of life"},
            "primary",
        ),
        (
            "Methods: A crossover trial. Outcome measures: grip strength, gait speed. Results: Both rose.",
            {"grip strength", "gait speed"},
            None,
        ),
    ],
)
def test_an_inline_label_naming_the_outcome_measures_declares_its_list(tmp_path, body, expected, kind):
    found = endpoints(tmp_path, body, None)
    assert expected <= set(found) and all(found[n]["kind"] == kind for n in expected), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize(
    "sentence, expected, absent",
    [
        (
            "Efficacy was assessed by changes in pain intensity and joint swelling.",
            {"pain intensity", "joint swelling"},
            "efficacy",
        ),
        (
            "Treatment response was evaluated using the tender joint count and morning stiffness.",
            {"tender joint count", "morning stiffness"},
            "response",
        ),
    ],
)
def test_a_general_subject_assessed_by_measures_names_them(tmp_path, section, wrap, sentence, expected, absent):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found) and not any(absent in n for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
def test_a_general_subject_assessed_by_a_method_names_none(tmp_path, section, wrap):
    assert not endpoints(tmp_path, wrap.format("Efficacy was assessed by ELISA and flow cytometry."), section)


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize(
    "sentence, name",
    [
        ("A benefit was seen only for the endpoint PD15 histamine.", "pd15 histamine"),
        ("The secondary outcome HbA1c fell by 0.4% with the drug.", "hba1c"),
    ],
)
def test_an_endpoint_noun_before_a_written_name(tmp_path, section, wrap, sentence, name):
    assert name in endpoints(tmp_path, wrap.format(sentence), section)


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Secondary outcomes: Back Pain Function Questionnaire, sleep score.", "back pain function questionnaire"),
        (
            "Patient-rated outcomes: Fatigue Severity Scale mean difference -1.2 [-2.0 to -0.4].",
            "fatigue severity scale",
        ),
    ],
)
def test_a_named_questionnaire_is_an_endpoint_without_its_figures(tmp_path, section, wrap, sentence, name):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert name in found, found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Exploratory outcomes included serum IL-6 and TNF-α at weeks 4 and 12.",
            {"serum il-6": "weeks 4 and 12", "tnf-α": "weeks 4 and 12"},
        ),
        (
            "Secondary outcomes were grip strength and gait speed at 3, 6 and 12 months.",
            {"grip strength": "3, 6 and 12 months", "gait speed": "3, 6 and 12 months"},
        ),
    ],
)
def test_a_list_of_times_is_not_split_as_items(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert {n: f["timepoint"] for n, f in found.items()} == expected, found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize(
    "body, full, short",
    [
        (
            "Ki67 and progesterone receptor (PgR) expression were measured at surgery. PgR fell (p = 0.01).",
            "progesterone receptor expression",
            "pgr",
        ),
        (
            "The Hand Function Disability Score (HFDS) was recorded. HFDS rose further after 6 weeks (p = 0.03).",
            "hand function disability score",
            "hfds",
        ),
    ],
)
def test_a_measure_restated_by_its_defined_short_form_is_one(tmp_path, section, wrap, body, full, short):
    found = endpoints(tmp_path, wrap.format(body), section)
    assert full in found and short not in found, found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("No differences were detected between the groups in terms of itch and redness.", {"itch", "redness"}),
        ("No difference was found between arms with regard to sleep latency.", {"sleep latency"}),
    ],
)
def test_a_difference_in_terms_of_measures(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert set(found) == expected, found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize(
    "sentence, expected, absent",
    [
        (
            "A respiratory monitor measured inspiratory time, tidal volume and breathing rate.",
            {"inspiratory time", "tidal volume", "breathing rate"},
            "monitor",
        ),
        (
            "Ultrasound measured muscle thickness, bioimpedance analysis determined fat mass, and scales weight.",
            {"muscle thickness"},
            "bioimpedance",
        ),
    ],
)
def test_a_device_that_measures_names_the_measures(tmp_path, section, wrap, sentence, expected, absent):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found) and not any(absent in n for n in found), found
