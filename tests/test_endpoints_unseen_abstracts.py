"""Endpoints: classes of phrasing seen in trial abstracts nobody here had read (aims whose object is
the treatment, purposes after a passive, proposals in the conclusions, list tails, timepoints
stated with an event or in a separate assessment sentence).

Each class in two wordings and two layouts (a headed section; an abstract with inline labels).
Every sentence here was written for these tests; nothing is copied from a scored paper.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_endpoints_aes import facts_of, names

METHODS = [("Methods", "{}"), (None, "Methods: {}")]
RESULTS = [("Results", "{}"), (None, "Results: {}")]


def endpoints(tmp_path, body: str, section: str | None) -> dict[str, dict]:
    return names(facts_of(tmp_path, body, "endpoint", section=section))


# -- what an aim or a purpose names ----------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, given, measures", [
    ("The aim was to test the effect of nasal saline versus a sham spray given twice daily.",
     {"nasal saline", "sham spray"}, set()),
    ("We aimed to assess the long-term effects of yoga classes and breathing drills on sleep latency.",
     {"yoga classes", "breathing drills", "long-term effects of yoga classes"}, {"sleep latency"}),
    ("This trial was designed to evaluate the effects of the herbal syrup, brand GX-7, on cough frequency.",
     {"herbal syrup", "brand gx-7"}, {"cough frequency"}),
])
def test_an_aims_effect_of_names_what_was_given(tmp_path, section, wrap, sentence, given, measures):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert not given & set(found), found
    assert measures <= set(found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, measures, subject", [
    ("The horses were examined by endoscopy to detect gastric ulcers and measure gastric pH.",
     {"gastric ulcers", "gastric ph"}, "horses"),
    ("All volunteers were evaluated with a treadmill protocol to determine peak heart rate and assess "
     "perceived exertion.", {"peak heart rate", "perceived exertion"}, "volunteers"),
])
def test_a_passive_with_a_purpose_names_the_purposes_measures(tmp_path, section, wrap, sentence, measures, subject):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert measures <= set(found), found
    assert not any(subject in n for n in found), found


@pytest.mark.parametrize("body", [
    "Conclusions: The ferret offers a convenient model to evaluate the potency of new adjuvants.",
    "Conclusions\n\nThese tablets are a practical tool to assess the adherence of older outpatients in future work.",
])
def test_a_proposal_in_the_conclusions_is_no_measure(tmp_path, body):
    found = endpoints(tmp_path, body, None)
    assert not any("potency" in n or "adherence" in n for n in found), found


# -- what a results sentence names -------------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, name", [
    ("Nightly melatonin resulted in a lower relapse rate than placebo (20% vs 41%; P = 0.02).", "relapse rate"),
    ("The brace showed a greater knee extension range than the bandage (P = 0.01).", "knee extension range"),
])
def test_a_comparative_after_an_article(tmp_path, section, wrap, sentence, name):
    assert name in endpoints(tmp_path, wrap.format(sentence), section)


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, name", [
    ("The walking group showed higher improvements in fatigue than the control group (P = 0.03).", "fatigue"),
    ("Massage produced greater and more rapid reductions in neck pain than stretching (P < 0.01).", "neck pain"),
])
def test_a_comparative_before_a_change_noun_names_the_measure_once(tmp_path, section, wrap, sentence, name):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert name in found, found
    assert not any(n.startswith(("improvements", "rapid", "reductions")) for n in found), found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, name", [
    ("There was no change in the grip strength of the yoga and control groups.", "grip strength"),
    ("We found no difference in the resting heart rate of both study arms.", "resting heart rate"),
])
def test_the_groups_after_of_are_not_the_name(tmp_path, section, wrap, sentence, name):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert name in found, found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, expected", [
    ("Serum ferritin dose-dependently decreased after both doses.", {"serum ferritin"}),
    ("Aβ1-42 and Aβ1-40 increased in the treated arm, while p-tau substantially decreased.",
     {"aβ1-42", "aβ1-40", "p-tau"}),
])
def test_adverbs_and_greek_analytes(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found
    assert not any(n.endswith("ly") for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected, kept", [
    ("Outcomes were gait speed, heart rate variability (HRV) analysis and spinal mobility measurement.",
     {"heart rate variability", "spinal mobility", "gait speed"}, set()),
    ("Outcome measures were the patient global assessment and anthropometric measurements.",
     set(), {"patient global assessment", "anthropometric measurements"}),
])
def test_a_method_word_closing_a_name(tmp_path, section, wrap, sentence, expected, kept):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected | kept <= set(found), found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, name, timepoint", [
    ("For the primary outcome of complete wound closure, the difference was not significant (P = 0.3).",
     "complete wound closure", None),
    ("The primary endpoint of sustained remission at week 24 was met by 40% of patients.",
     "sustained remission", "week 24"),
])
def test_the_primary_outcome_of_x(tmp_path, section, wrap, sentence, name, timepoint):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert found[name]["kind"] == "primary" and found[name]["timepoint"] == timepoint, found


def test_the_primary_outcome_of_the_trial_declares_what_follows(tmp_path):
    found = endpoints(tmp_path, "The primary outcome of the trial was hospital readmission.", "Methods")
    assert "hospital readmission" in found and not any("trial" in n for n in found), found


# -- timepoints ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, name, expected", [
    ("Tumour Ki-67 expression was measured before treatment and at surgery.", "tumour ki-67 expression", "surgery"),
    ("Anxiety scores were recorded at admission and the day before discharge.", "anxiety scores", "discharge"),
    ("Pain was scored at 6, 24 and 48 hours.", "pain", "6, 24 and 48 hours"),
    ("Changes in waist circumference between baseline and two-year follow-up were compared.",
     "waist circumference", "two years"),
])
def test_timepoints_stated_with_events_and_lists(tmp_path, section, wrap, sentence, name, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected in (found[name]["timepoint"] or ""), found
    assert not any("follow-up" in n for n in found), found


@pytest.mark.parametrize("methods, results", [
    ("Data were collected at baseline and 10 weeks after the workshop.",
     "Self-efficacy improved more in the workshop group (P = 0.01)."),
    ("Questionnaires were completed at baseline and at 6 months.",
     "Loneliness scores decreased in the visiting group but not in controls (P = 0.04)."),
])
@pytest.mark.parametrize("layout", ["headed", "inline"])
def test_an_assessment_sentence_lends_its_time(tmp_path, methods, results, layout):
    body = (f"Methods\n\n{methods}\n\nResults\n\n{results}" if layout == "headed"
            else f"Methods: {methods} Results: {results}")
    found = endpoints(tmp_path, body, None)
    name = next(n for n in found if "efficacy" in n or "loneliness" in n)
    assert found[name]["timepoint"] in ("10 weeks", "6 months"), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, name", [
    ("Serum vitamin D was measured at baseline.", "serum vitamin d"),
    ("Resting blood pressure was recorded at baseline by a nurse.", "resting blood pressure"),
])
def test_baseline_alone_is_no_timepoint(tmp_path, section, wrap, sentence, name):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert found[name]["timepoint"] is None, found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, name", [
    ("The primary outcome was the QRISK 10 year cardiovascular risk score.",
     "qrisk 10 year cardiovascular risk score"),
    ("The main outcome was the 24 hour urinary sodium excretion.", "24 hour urinary sodium excretion"),
])
def test_a_bare_time_inside_a_name_stays_in_it(tmp_path, section, wrap, sentence, name):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert name in found and found[name]["kind"] == "primary", found


# -- lists sharing a head ----------------------------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("We recorded the acute cardiovascular, subjective and cognitive effects of the drink.",
     {"acute cardiovascular effects of the drink", "subjective effects of the drink",
      "cognitive effects of the drink"}),
    ("Secondary outcomes were renal, hepatic and haematological toxicity.",
     {"renal toxicity", "hepatic toxicity", "haematological toxicity"}),
    ("Outcomes were the degree of manual and automated assistance, depression and sleep quality.",
     {"degree of manual assistance", "degree of automated assistance", "depression", "sleep quality"}),
    ("Secondary outcomes were the frequency and intensity of hot flushes, and IL-6 and TNF-α levels.",
     {"frequency of hot flushes", "intensity of hot flushes", "il-6 levels", "tnf-α levels"}),
])
def test_lists_sharing_a_head_name_one_endpoint_per_item(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("Outcomes were serum ferritin and total cholesterol.", {"serum ferritin", "total cholesterol"}),
    ("Outcomes were depression, anxiety and sleep quality.", {"depression", "anxiety", "sleep quality"}),
])
def test_lists_of_whole_names_stay_apart(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert set(found) == expected, found


# -- results that compare a measure without a change verb --------------------------------------------------
@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, name", [
    ("Women in the coaching arm were more likely to report regular breakfast eating (61% vs 40%).",
     "regular breakfast eating"),
    ("Children given the spacer were less likely to need rescue inhalers than controls (P = 0.03).",
     "rescue inhalers"),
    ("The median hospital stay was not significantly different between the two arms (P = 0.41).",
     "median hospital stay"),
    ("Wound tensile strength was not affected by the suture type.", "wound tensile strength"),
])
def test_likelihood_and_negated_comparisons_name_the_measure(tmp_path, section, wrap, sentence, name):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert any(name.endswith(n) or n.endswith(name) for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("Assessment included grip strength, shoulder range of motion and a timed stair climb.",
     {"grip strength", "shoulder range of motion", "timed stair climb"}),
    ("Evaluation included resting heart rate and clinical laboratory and adverse event assessments.",
     {"resting heart rate", "clinical laboratory", "adverse event"}),
])
def test_a_singular_collection_noun_lists_measures(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found
    assert "clinical laboratory event" not in found, found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, name, event", [
    ("The thickness of the endometrium after hormone-induced ovulation was not affected by the route.",
     "thickness of the endometrium", "ovulation"),
    ("Blood loss following caesarean delivery was lower with the new drape (P = 0.02).",
     "blood loss", "delivery"),
])
def test_an_event_after_the_measure_is_not_its_name(tmp_path, section, wrap, sentence, name, event):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert name in found, found
    assert not any(event in n for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected, category", [
    ("Pain ratings and psychological measures (anxiety, low mood and general health) were obtained weekly.",
     {"pain ratings", "anxiety", "low mood", "general health"}, "psychological measures"),
    ("We recorded liver function tests (ALT, AST and bilirubin) at each visit.",
     {"alt", "ast", "bilirubin"}, "liver function tests"),
])
def test_members_listed_in_brackets_after_a_category(tmp_path, section, wrap, sentence, expected, category):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found
    assert category not in found, found


@pytest.mark.parametrize("section, wrap", [("Background", "{}"), (None, "Objective: {}")])
@pytest.mark.parametrize("sentence", [
    "The aim was to assess whether a structured planning manual is more effective than routine care.",
    "We set out to determine if a telephone coaching service and printed leaflets are acceptable to carers.",
])
def test_a_question_after_an_aim_verb_is_no_measure(tmp_path, section, wrap, sentence):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert not any(w in n for n in found for w in ("manual", "leaflets", "coaching")), found


# -- a treatment's verb and its object ---------------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, name", [
    ("The addition of zinc significantly decreased diarrhoeal stool output on Day 3 (P = 0.01).",
     "diarrhoeal stool output"),
    ("The coaching programme improved medication adherence compared with usual care (P = 0.02).",
     "medication adherence"),
    ("Saline injection had no significant (P > 0.05) effect on tidal volume, heart rate or breathlessness.",
     "breathlessness"),
])
def test_a_treatments_verb_names_its_object_as_the_measure(tmp_path, section, wrap, sentence, name):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert name in found, found
    assert not any(n.endswith(("on day", "day")) for n in found), found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence", [
    "Systolic pressure decreased from140.1 to 131.2 mmHg in the garlic arm.",
    "Obesity and increased waist circumference are common in this population.",
])
def test_a_change_verb_without_a_treatment_subject_names_no_object(tmp_path, section, wrap, sentence):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert not any(n.startswith(("from", "waist")) for n in found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("Primary endpoints were the day-14 and day-28 risks of treatment failure.",
     {"day-14 risks of treatment failure": "day 14", "day-28 risks of treatment failure": "day 28"}),
    ("Secondary endpoints were the 6-month and 12-month rates of reintervention.",
     {"6-month rates of reintervention": "6 months", "12-month rates of reintervention": "12 months"}),
])
def test_timed_modifiers_share_a_head_and_keep_their_times(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert {n: found[n]["timepoint"] for n in expected if n in found} == expected, found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("We tested whether the two formats differ in regard to the level of difficulty and response times.",
     {"difficulty", "response times"}),
    ("The arms were compared in respect of wound infection and length of stay.",
     {"wound infection", "length of stay"}),
])
def test_in_regard_to_lists_measures(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("The app was designed to improve sleep hygiene, reduce screen time, and increase daylight exposure.",
     {"sleep hygiene", "screen time", "daylight exposure"}),
    ("Our aim was to lower salt consumption and raise potassium excretion in older men.",
     {"salt consumption", "potassium excretion"}),
])
def test_a_list_of_aims_each_with_its_verb(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found), found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, name", [
    ("Pneumonia incidence during 12 months of surveillance was similar in both arms.", "pneumonia incidence"),
    ("Weight gain over 24 weeks of treatment was higher with the new formula (P = 0.03).", "weight gain"),
])
def test_a_time_filled_with_an_activity_is_not_the_name(tmp_path, section, wrap, sentence, name):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert name in found, found
    assert not any(w in n for n in found for w in ("surveillance", "treatment")), found


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("Other efficacy measures were: serum ferritin, the Oxford knee score and patient satisfaction.",
     {"serum ferritin", "oxford knee score", "patient satisfaction"}),
    ("Secondary efficacy parameters were grip strength and gait speed.", {"grip strength", "gait speed"}),
])
def test_efficacy_measures_declare_a_list(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found) and {found[n]["kind"] for n in expected} == {"secondary"}, found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, name", [
    ("Tea drinkers exhibited significantly lower fatigue scores than abstainers (P = 0.01).", "fatigue scores"),
    ("The splint group experienced fewer night-time awakenings than controls.", "night-time awakenings"),
])
def test_comparatives_after_verbs_of_experience(tmp_path, section, wrap, sentence, name):
    assert name in endpoints(tmp_path, wrap.format(sentence), section)


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence", [
    "The herbal tablet was well tolerated and more effective than placebo in the older group.",
    "Serum samples from three regional laboratories were tested for antibodies.",
])
def test_adjectives_and_counted_sources_are_no_measures(tmp_path, section, wrap, sentence):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert not any(n in ("effective", "three regional laboratories") for n in found), found
