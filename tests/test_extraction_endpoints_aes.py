"""Endpoints and adverse events on sentences written for these tests, each class of phrasing in
at least two wordings and two layouts (a headed section, and an abstract with inline labels).

Nothing here is copied from a scored paper.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.lexicon import fold, load_lexicon
from kg.nlp import get_nlp
from kg.readers import read

TITLE = "A made-up randomised trial of a made-up drug, written for the endpoint and adverse-event tests"


def facts_of(tmp_path: Path, body: str, kind: str, section: str = "Results", title: str = TITLE):
    """Facts of one kind from `body` under `section` (None: an abstract paragraph with no heading)."""
    path = tmp_path / "snippet.txt"
    text = f"{title}\n\n{section}\n\n{body}\n" if section else f"{title}\n\n{body}\n"
    path.write_text(text, encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    for f in ctx.facts:
        for ev in f.evidence:
            span = document.text[ev.start:ev.end]
            assert span and span == span.strip()
    return [f for f in ctx.facts if f.kind == kind]


def names(facts) -> dict[str, dict]:
    return {f.fields["name"].lower(): f.fields for f in facts}


def terms(facts) -> list[tuple[str, bool]]:
    return [(f.fields["term"].label, f.fields["negated"]) for f in facts]


def ae(facts, label: str, negated: bool = False) -> dict:
    found = [f.fields for f in facts if f.fields["term"].label == label and f.fields["negated"] == negated]
    assert len(found) == 1, f"expected one {label!r} (negated={negated}), got {terms(facts)}"
    return found[0]


LAYOUTS = [("Methods", "{}"), (None, "Methods: {}")]


# -- endpoints: declared ----------------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, name, kind, timepoint", [
    ("The primary outcome of interest was the change in HbA1c at 26 weeks.", "hba1c", "primary", "26 weeks"),
    ("The primary efficacy endpoint is the proportion of patients in remission at week 12.",
     "remission", "primary", "week 12"),
    ("Primary endpoint: time to first relapse.", "time to first relapse", "primary", None),
    ("The main outcome measure, 28-day survival, was compared between arms.", "28-day survival", "primary",
     "28 days"),
])
def test_declared_primary_endpoints(tmp_path, section, wrap, sentence, name, kind, timepoint):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert name in found, found
    assert (found[name]["kind"], found[name]["timepoint"]) == (kind, timepoint)


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, expected, kind", [
    ("Secondary outcomes included fasting glucose, body weight and quality of life.",
     {"fasting glucose", "body weight", "quality of life"}, "secondary"),
    ("Secondary end points were serum ferritin, haemoglobin, and transfusion requirement.",
     {"serum ferritin", "haemoglobin", "transfusion requirement"}, "secondary"),
    ("Outcome measures were pain intensity, analgesic consumption and patient satisfaction.",
     {"pain intensity", "analgesic consumption", "patient satisfaction"}, None),
])
def test_declared_lists_split_into_one_endpoint_per_item(tmp_path, section, wrap, sentence, expected, kind):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert expected <= set(found), found
    assert {found[n]["kind"] for n in expected} == {kind}


def test_a_declaration_ends_where_the_next_begins(tmp_path):
    body = ("The primary endpoint was mortality at day 90 and secondary endpoints were length of stay and "
            "organ support.")
    found = names(facts_of(tmp_path, body, "endpoint", section="Methods"))
    assert found["mortality"]["kind"] == "primary" and found["mortality"]["timepoint"] == "day 90"
    assert found["length of stay"]["kind"] == found["organ support"]["kind"] == "secondary"
    assert found["length of stay"]["timepoint"] is None


# -- endpoints: assessed and reported ------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", LAYOUTS)
def test_measured_at_timepoints(tmp_path, section, wrap):
    body = wrap.format("Grip strength and gait speed were measured at baseline and week 8. "
                       "Serum zinc was determined on Day 0, Day 28 and Day 84.")
    found = names(facts_of(tmp_path, body, "endpoint", section=section))
    # measured at baseline and later: the later time is when the outcome is assessed
    assert found["grip strength"]["timepoint"] == found["gait speed"]["timepoint"] == "week 8"
    assert found["serum zinc"]["timepoint"] == "Day 0, Day 28 and Day 84"


@pytest.mark.parametrize("sentence, expected", [
    ("We measured plasma leptin and adiponectin concentrations.", {"plasma leptin", "adiponectin concentrations"}),
    ("To assess sleep quality and daytime fatigue, a diary was kept.", {"sleep quality", "daytime fatigue"}),
    ("Mixed models estimated changes in systolic pressure and heart rate from baseline to month 3.",
     {"systolic pressure", "heart rate"}),
    ("We aimed to test the effect of cocoa flavanols on arterial stiffness and endothelial function.",
     {"arterial stiffness", "endothelial function"}),
    ("This open-label crossover study evaluated the safety and tolerability of 40 mg twice daily for 6 weeks.",
     {"safety", "tolerability"}),
])
def test_assessed_measures(tmp_path, sentence, expected):
    found = names(facts_of(tmp_path, sentence, "endpoint", section="Methods"))
    assert expected <= set(found), found


def test_measures_the_results_report_on(tmp_path):
    body = ("Fasting insulin decreased from 14.2 to 11.0 µU/ml in the active group. Length of stay did not "
            "differ between groups, and patients given the drug needed fewer rescue inhalations.")
    found = names(facts_of(tmp_path, body, "endpoint"))
    assert {"fasting insulin", "length of stay", "rescue inhalations"} <= set(found), found
    assert all(f["kind"] is None for f in found.values())


def test_a_measure_of_a_drug_is_an_endpoint_its_use_is_not(tmp_path):
    body = "Serum vitamin D levels increased from 20 to 32 ng/ml. Vitamin D supplementation was well tolerated."
    found = names(facts_of(tmp_path, body, "endpoint"))
    assert "serum vitamin d levels" in found and "vitamin d supplementation" not in found, found
    assert all(f["kind"] is None for f in found.values())


def test_a_full_paper_reports_on_more_than_its_endpoints(tmp_path):
    body = ("We tested whether a new drug lowers insulin resistance in adults with type 2 diabetes. Forty adults were "
            "randomised to the drug or to placebo for twelve weeks, and the drug was well tolerated.\n\n"
            "Introduction\n\nWe tested a drug.\n\n"
            "Results\n\nFasting insulin decreased from 14.2 to 11.0 µU/ml.\n\n"
            "Discussion\n\nLength of stay did not differ between groups.\n\n"
            "References\n\n1. Smith J. A paper. 2001.")
    found = names(facts_of(tmp_path, body, "endpoint", section="Abstract"))
    assert not set(found) & {"fasting insulin", "length of stay"}, found


def test_what_is_not_an_endpoint(tmp_path):
    body = ("We studied nine patients with gout. The secondary endpoints evaluated the efficacy of the drug. "
            "No serious infections were observed in the active group. Secondary outcome measures were assessed at "
            "6 and 12 months.")
    found = names(facts_of(tmp_path, body, "endpoint", section="Methods"))
    assert not found, found


def test_an_event_given_as_an_example_is_not_reported(tmp_path):
    body = "Infusion reactions (for example, chills or rigors) were recorded by the nurses."
    facts = facts_of(tmp_path, body, "adverse_event")
    assert "chills" not in {label for label, _ in terms(facts)}


# -- adverse events ----------------------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
def test_most_common_events_with_counts_and_percentages(tmp_path, section, wrap):
    body = wrap.format("The most common adverse events were headache (n = 12), nausea (n = 7) and dizziness. "
                       "Fatigue (12%) and arthralgia (8%) were also reported.")
    facts = facts_of(tmp_path, body, "adverse_event", section=section)
    assert ae(facts, "headache")["count"] == 12
    assert ae(facts, "nausea")["count"] == 7
    assert ae(facts, "dizziness")["count"] is None
    assert ae(facts, "fatigue")["count"] is None  # "(12%)" is a percentage, not a count
    assert ae(facts, "arthralgia")["count"] is None


@pytest.mark.parametrize("sentence, expected", [
    ("The most frequent side effects were metallic taste (n = 6), vivid dreams (n = 3) and dry skin.",
     {"metallic taste": 6, "vivid dreams": 3, "dry skin": None}),
    ("Adverse events included mild gum soreness and jaw stiffness in the active group.",
     {"gum soreness": None, "jaw stiffness": None}),
])
def test_listed_events_outside_any_vocabulary(tmp_path, sentence, expected):
    facts = facts_of(tmp_path, sentence, "adverse_event")
    assert {label: ae(facts, label)["count"] for label in expected} == expected


@pytest.mark.parametrize("sentence, label, count", [
    ("Constipation occurred in 5 patients.", "constipation", 5),
    ("Tinnitus was reported by three participants in the active arm; three participants had tinnitus.",
     "tinnitus", 3),
    ("Two patients developed photophobia during the infusions.", "photophobia", 2),
    ("One patient developed chronic diarrhoea after the second cycle.", "diarrhea", 1),
])
def test_counts_of_patients(tmp_path, sentence, label, count):
    facts = facts_of(tmp_path, sentence, "adverse_event")
    assert ae(facts, label)["count"] == count


@pytest.mark.parametrize("sentence, label", [
    ("Hypotensive episodes occurred in four patients.", "hypotension"),
    ("Two patients reported hypoglycemic events.", "hypoglycemia"),
])
def test_events_named_by_an_adjective(tmp_path, sentence, label):
    assert ae(facts_of(tmp_path, sentence, "adverse_event"), label)["count"] in (2, 4)


def test_a_condition_the_patients_already_had_is_not_an_event(tmp_path):
    body = "Two patients with pre-existing neuropathy were included; one patient with a history of gout."
    facts = facts_of(tmp_path, body, "adverse_event")
    assert not [f for f in facts if f.fields["term"].label in ("neuropathy", "gout")], terms(facts)


def test_terms_from_the_mesh_dictionary_need_a_sentence_about_harms(tmp_path):
    body = ("Hot flashes and hyperhidrosis occurred in the first week. "
            "Tinnitus is common in the general population.")
    facts = facts_of(tmp_path, body, "adverse_event", section="Background")
    assert {"hot flashes", "hyperhidrosis"} <= {label for label, _ in terms(facts)}
    assert "tinnitus" not in {label for label, _ in terms(facts)}
    assert ae(facts, "hyperhidrosis")["term"].curie == "MESH:D006945"


@pytest.mark.parametrize("sentence, label", [
    ("Two patients discontinued the study drug because of pruritus.", "pruritus"),
    ("Two participants withdrew from treatment due to vomiting.", "vomiting"),
])
def test_discontinued_because_of_an_event(tmp_path, sentence, label):
    f = ae(facts_of(tmp_path, sentence, "adverse_event"), label)
    assert f["led_to_discontinuation"] is True and f["count"] == 2


@pytest.mark.parametrize("sentence, count", [
    ("Four patients stopped treatment early because of side effects.", 4),
    ("In the active arm, 11 participants discontinued treatment prematurely, mostly due to poor tolerability.", 11),
])
def test_discontinuation_for_harms_in_general(tmp_path, sentence, count):
    f = ae(facts_of(tmp_path, sentence, "adverse_event"), "treatment discontinuation")
    assert (f["count"], f["led_to_discontinuation"]) == (count, True)


@pytest.mark.parametrize("sentence, label", [
    ("One patient was hospitalised for pneumonia.", "pneumonia"),
    ("Cellulitis requiring hospitalization occurred in one participant.", "cellulitis"),
])
def test_hospitalisation_marks_an_event_serious(tmp_path, sentence, label):
    assert ae(facts_of(tmp_path, sentence, "adverse_event"), label)["serious"] is True


@pytest.mark.parametrize("sentence, label", [
    ("There were no serious adverse events.", "serious adverse event"),
    ("No serious adverse events were reported in either group.", "serious adverse event"),
    ("The drug was well tolerated with no hepatotoxicity.", "hepatotoxicity"),
    ("Renal toxicity and ototoxicity were not observed.", "nephrotoxicity"),  # the lexicon's names
    ("Renal toxicity and ototoxicity were not observed.", "hearing loss"),
    ("Neither group displayed infectious complications.", "infectious complications"),
])
def test_negated_events(tmp_path, sentence, label):
    assert ae(facts_of(tmp_path, sentence, "adverse_event"), label, negated=True)["count"] is None


@pytest.mark.parametrize("section, wrap", [("Background", "{}"), (None, "Background: {}")])
def test_side_effect_and_toxicity_phrasing_with_a_shared_head(tmp_path, section, wrap):
    body = wrap.format("Cutaneous toxicity, and renal and hepatic complications are the main side effects of "
                       "these agents.")
    found = {label for label, _ in terms(facts_of(tmp_path, body, "adverse_event", section=section))}
    assert {"cutaneous toxicity", "renal complications", "hepatic complications"} <= found, found


@pytest.mark.parametrize("sentence, label, counts", [
    ("Headache (14% vs. 9%) was more frequent with the active drug.", "headache", [None, None]),
    ("Few patients in either arm reported side effects (n = 4 vs. n = 2).", "adverse event", [4, 2]),
    ("Rash was seen in 30% of the active arm versus 12% of the placebo arm.", "rash", [None, None]),
])
def test_one_event_per_arm_when_arms_are_compared(tmp_path, sentence, label, counts):
    facts = [f for f in facts_of(tmp_path, sentence, "adverse_event") if f.fields["term"].label == label]
    assert sorted(f.fields["count"] or 0 for f in facts) == sorted(c or 0 for c in counts)
    assert len({tuple((e.start, e.end) for e in f.evidence) for f in facts}) == len(counts)  # distinct evidence


def test_ae_table_term_column_found_by_its_header(tmp_path):
    table = ("Table 2 Adverse events\n\n"
             "Arm\tAdverse event\tPatients\n"
             "Active\tHeadache\t4\n"
             "Active\tInsomnia\t2\n"
             "Placebo\tHeadache\t1\n")
    facts = facts_of(tmp_path, "Events are listed in Table 2.\n\n" + table, "adverse_event")
    labels = {label for label, _ in terms(facts)}
    assert {"headache", "insomnia"} <= labels
    assert not labels & {"active", "placebo"}
    assert ae(facts, "insomnia")["count"] == 2


# -- session 13: grade ranges, more event vocabularies, measured substances, abbreviations -------
@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence, label, count, grade", [
    ("Grade 3-4 thrombocytopenia occurred in 9 patients.", "thrombocytopenia", 9, 3),
    ("Eleven participants (15%) had grade 3 or 4 neutropenia.", "neutropenia", 11, 3),
    ("Grade 2–3 fatigue was reported by six patients.", "fatigue", 6, 2),
])
def test_a_grade_range_is_not_a_count(tmp_path, section, wrap, sentence, label, count, grade):
    fields = ae(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section=section), label)
    assert (fields["count"], fields["grade"]) == (count, grade)


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence, label, negated", [
    ("No episode of lactic acidosis was recorded in either arm.", "lactic acidosis", True),
    ("Neither of the arms displayed wound infection after surgery.", "wound infection", True),
    ("A haematoma at the puncture site occurred in two patients.", "haematoma", False),
    ("Transient confusion developed in three elderly participants.", "confusion", False),
    ("Gastrointestinal bleeding was reported in one patient on the active drug.", "gastrointestinal bleeding",
     False),
])
def test_event_terms_from_the_wider_vocabulary(tmp_path, section, wrap, sentence, label, negated):
    ae(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section=section), label, negated)


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence, name", [
    ("Plasma levels of insulin did not change during treatment.", "plasma levels of insulin"),
    ("Malondialdehyde fell from 3.1 to 2.2 nmol/ml after twelve weeks.", "malondialdehyde"),
    ("Serum glutathione concentrations were unchanged in both arms.", "serum glutathione concentrations"),
])
def test_a_measured_substance_the_drug_dictionary_lists_is_an_endpoint(tmp_path, section, wrap, sentence, name):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section,
                           title="A randomised trial of oral zinc in adults with type 2 diabetes"))
    assert name in found, found


def test_a_study_drug_is_still_no_endpoint(tmp_path):
    body = "Patients received metformin 500 mg twice daily or placebo. Metformin decreased from week 4 onwards."
    found = names(facts_of(tmp_path, body, "endpoint"))
    assert "metformin" not in found, found


@pytest.mark.parametrize("section, wrap", [("Methods", "{}"), (None, "Methods: {}")])
@pytest.mark.parametrize("sentence, not_names", [
    ("The effects of supplementation with fish oil, walnuts and vitamin E were investigated in obese rats.",
     {"walnuts", "vitamin e", "fish oil"}),
    ("Effects of zinc, selenium or both were evaluated in a factorial design.", {"selenium", "both"}),
])
def test_what_was_given_is_not_what_was_measured(tmp_path, section, wrap, sentence, not_names):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert not set(found) & not_names, found


@pytest.mark.parametrize("section, wrap", LAYOUTS)
def test_endpoints_carry_the_papers_own_abbreviations(tmp_path, section, wrap):
    body = wrap.format("Health-related quality of life (HRQoL) and the six-minute walk distance (6MWD) were "
                       "assessed at week 24. HRQoL improved in both arms.")
    facts = facts_of(tmp_path, body, "endpoint", section=section)
    surfaces = {fold(s) for f in facts for s in [f.fields["name"], *f.fields.get("_surfaces", [])]}
    assert {"health-related quality of life", "hrqol"} <= surfaces, surfaces


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, expected", [
    ("The primary endpoint was change from baseline in HbA1c at week 26.", {"hba1c": "week 26"}),
    ("The main outcome was the mean change from baseline to week 16 in fasting plasma glucose.",
     {"fasting plasma glucose": "week 16"}),
    ("We assessed changes from baseline in systolic blood pressure, heart rate and body weight.",
     {"systolic blood pressure": None, "heart rate": None}),
])
def test_change_from_baseline_in_a_measure(tmp_path, section, wrap, sentence, expected):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    for name, timepoint in expected.items():
        assert name in found, found
        assert found[name]["timepoint"] == timepoint


@pytest.mark.parametrize("section, wrap", LAYOUTS)
def test_a_declared_endpoint_the_drug_dictionary_lists_is_kept(tmp_path, section, wrap):
    body = wrap.format("The primary endpoint was the change in glycated hemoglobin at week 24.")
    assert "glycated hemoglobin" in names(facts_of(tmp_path, body, "endpoint", section=section))


FULL_TEXT = """{title}

Abstract

Background: Made-up text for a test. Results: Nothing here.

Introduction

A made-up introduction.

Methods

Participants

Adults were randomised to a made-up drug or placebo.

{heading}

{body}

Statistical analysis

Groups were compared with t tests.

Results

The made-up drug was tolerated.

Discussion

A made-up discussion.
"""


@pytest.mark.parametrize("heading, body, name", [
    ("Plasma Cytokines", "Plasma cytokine concentrations were measured with a bead-based immunoassay.",
     "plasma cytokines"),
    ("Grip strength assessment", "Grip strength was assessed with a hand dynamometer at each visit.",
     "grip strength"),
    ("Viral shedding", "Viral shedding was quantified by PCR on days 2, 4 and 6.", "viral shedding"),
])
def test_a_methods_subsection_named_after_a_measure_is_an_endpoint(tmp_path, heading, body, name):
    path = tmp_path / "paper.txt"
    path.write_text(FULL_TEXT.format(title=TITLE, heading=heading, body=body), encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    found = {f.fields["name"].lower() for f in ctx.facts if f.kind == "endpoint"}
    assert name in found, found
    assert "participants" not in found and "statistical" not in " ".join(found)


def test_a_methods_subsection_that_describes_no_measurement_is_none(tmp_path):
    path = tmp_path / "paper.txt"
    body = "Capsules were packed by the hospital pharmacy and handed out weekly."
    path.write_text(FULL_TEXT.format(title=TITLE, heading="Study capsules", body=body), encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    assert not [f for f in ctx.facts if f.kind == "endpoint" and f.rule == "endpoint.heading"]


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence, not_names, names_", [
    ("Secondary outcome measures were also taken.", {"taken"}, set()),
    ("Secondary endpoints were overall survival and progression-free survival [12].",
     {"progression-free survival [12]"}, {"overall survival", "progression-free survival"}),
    ("Stroke incidence during 24 months of follow-up was similar in both arms.", {"months of follow-up"}, set()),
    ("The hazard ratio (HR) of relapse was 0.81. The HR did not change over time.", {"hr"}, set()),
    ("Vomiting fell by half, whereas increases were noted in the control arm.", {"increases"}, set()),
    ("Surprisingly, the ferritin level improved in both arms.", {"surprisingly"}, {"ferritin level"}),
    ("Blood samples were collected at 8 am and serum urate was measured.", {"blood samples"}, {"serum urate"}),
    ("Peak expiratory flow rose by 40 l/min and evening peak flow rose by 25 l/min.", {"l/min and evening peak flow"},
     set()),
])
def test_words_that_name_no_measure(tmp_path, section, wrap, sentence, not_names, names_):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert not set(found) & not_names, found
    assert names_ <= set(found), found


@pytest.mark.parametrize("section, wrap", [("Background", "{}"), (None, "Background: {}")])
def test_background_knowledge_names_no_endpoint(tmp_path, section, wrap):
    body = wrap.format("Night shifts induce changes in sleep architecture and in glucose tolerance. "
                       "Melatonin secretion is lower in shift workers.")
    assert not facts_of(tmp_path, body, "endpoint", section=section)


@pytest.mark.parametrize("section, wrap", [("Background", "{}"), (None, "Background: {}")])
def test_an_aim_in_the_background_still_names_endpoints(tmp_path, section, wrap):
    body = wrap.format("This study aims to evaluate whether the gel speeds up the reduction of postoperative "
                       "swelling.")
    assert "postoperative swelling" in names(facts_of(tmp_path, body, "endpoint", section=section))


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence, label", [
    ("Somnolence was observed more often with the active drug than with placebo.", "somnolence"),
    ("Peripheral oedema was noted in seven participants.", "edema"),
])
def test_an_event_observed_in_the_results_is_an_event_not_an_endpoint(tmp_path, section, wrap, sentence, label):
    ae(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section=section), label)


@pytest.mark.parametrize("section, wrap", [("Methods", "{}"), (None, "Methods: {}")])
def test_events_noted_as_a_method_are_an_endpoint(tmp_path, section, wrap):
    body = wrap.format("Operating time, length of stay and perioperative complications were noted.")
    facts = facts_of(tmp_path, body, "adverse_event", section=section)
    assert not [f for f in facts if "complication" in f.fields["term"].label], terms(facts)


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence, label, related, count", [
    ("There were two deaths in the active arm, none related to the study drug.", "death", False, 2),
    ("Hypokalaemia was reported by 6 (9.5%) patients on the active drug.", "hypokalemia", None, 6),
    ("One stroke occurred during follow-up.", "stroke", None, 1),
])
def test_relatedness_and_counts_in_more_wordings(tmp_path, section, wrap, sentence, label, related, count):
    fields = ae(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section=section), label)
    assert (fields["related_to_drug"], fields["count"]) == (related, count)


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence, negated", [
    ("Neither of the arms displayed delayed healing of the surgical site.", True),
    ("Poor wound healing occurred in two patients given the active gel.", False),
])
def test_impaired_healing_is_an_event(tmp_path, section, wrap, sentence, negated):
    ae(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section=section), "impaired healing", negated)


# -- endpoint timepoints: times that are not "week N" -----------------------------------------------
@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, name, timepoint", [
    ("Changes in grip strength after the intervention were compared between arms.", "grip strength",
     "after the intervention"),
    ("Peak expiratory flow was recorded after the supplementation period.", "peak expiratory flow",
     "after the supplementation period"),
    ("The primary outcome was the rate of falls recorded during the fasting month of Ramadan.", "rate of falls",
     "fasting month of Ramadan"),
    ("Night-time awakenings during the 2-year follow-up were the secondary outcome.",
     "night-time awakenings", "2-year follow-up"),
    ("Pain intensity was scored on postoperative day 3.", "pain intensity", "postoperative day 3"),
    ("Serum sodium was measured at baseline and at week 10.", "serum sodium", "week 10"),
    ("Body weight was recorded at the end of the 16-week treatment period.", "body weight", "16 weeks"),
])
def test_timepoints_relative_to_events_and_periods(tmp_path, section, wrap, sentence, name, timepoint):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert found[name]["timepoint"] == timepoint, found


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, name, timepoint", [
    ("Postoperative troponin and blood loss were noted.", "postoperative troponin", "postoperative"),
    ("We recorded the immediate postoperative levels of lactate.", "immediate postoperative levels of lactate",
     "immediate postoperative"),
])
def test_a_surgical_time_in_the_name_is_its_timepoint(tmp_path, section, wrap, sentence, name, timepoint):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert found[name]["timepoint"] == timepoint, found


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
def test_a_count_of_events_is_not_an_endpoint(tmp_path, section, wrap):
    found = names(facts_of(tmp_path, wrap.format("Four deaths were recorded in the active arm."), "endpoint",
                           section=section))
    assert not any("deaths" in n for n in found), found


def test_a_time_between_subject_and_verb_is_not_the_name(tmp_path):
    body = "Knee pain during the 6-month follow-up was measured with a visual analogue scale."
    found = names(facts_of(tmp_path, body, "endpoint", section="Methods"))
    assert "knee pain" in found and found["knee pain"]["timepoint"] == "6-month follow-up", found
    assert not any("follow-up" in n for n in found), found


@pytest.mark.parametrize("methods, results, name, timepoint", [
    ("Outcomes were the walking distance and the dyspnoea score.",
     "After the training programme, the walking distance rose by 40 m.", "walking distance",
     "after the training programme"),
    ("The outcome measures were hand function and the tremor rating.",
     "Hand function improved at month 3 in the active arm.", "hand function", "month 3"),
])
def test_a_timepoint_stated_where_the_results_name_the_measure(tmp_path, methods, results, name, timepoint):
    text = f"Methods: {methods}\nResults: {results}"
    found = names(facts_of(tmp_path, text, "endpoint", section=None))
    assert found[name]["timepoint"] == timepoint, found


@pytest.mark.parametrize("follow_up, timepoint", [
    ("Infants were followed up until 3 y of age.", "3 y of age"),
    ("All participants were followed for 18 months.", "18 months"),
])
def test_the_one_follow_up_period_is_the_fallback_timepoint(tmp_path, follow_up, timepoint):
    text = f"Methods: Wheezing episodes and hospital admissions were recorded. {follow_up}"
    found = names(facts_of(tmp_path, text, "endpoint", section=None))
    assert found["wheezing episodes"]["timepoint"] == timepoint, found


@pytest.mark.parametrize("follow_up", [
    "In this trial, leaflets were handed out during the intervention visits.",
    "The trial nurses phoned each family during the treatment course.",
])
def test_a_period_without_a_length_lends_no_timepoint(tmp_path, follow_up):
    text = f"Methods: Wheezing episodes and hospital admissions were recorded. {follow_up}"
    found = names(facts_of(tmp_path, text, "endpoint", section=None))
    assert found["wheezing episodes"]["timepoint"] is None, found


# -- endpoints that are not endpoints ---------------------------------------------------------------
@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence, kept, dropped", [
    ("The primary outcome was the incidence of symptomatic hypotension. The risk of hypotension was "
     "significantly lower with the new drug.", "incidence of symptomatic hypotension", "risk of hypotension"),
    ("Trough FEV1 was the primary endpoint. Morning trough FEV1 improved by 120 ml and evening trough FEV1 "
     "improved by 95 ml.", "trough fev1", "morning trough fev1"),
])
def test_a_result_rewording_of_a_listed_measure_is_no_new_endpoint(tmp_path, section, wrap, sentence, kept,
                                                                     dropped):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert kept in found and dropped not in found, found


@pytest.mark.parametrize("sentence, dropped", [
    ("Patients were randomised to the ZQP group or the control group. Pain scores fell faster and ZQP was "
     "superior in reducing pain scores.", "zqp"),
    ("Baseline serum ferritin levels were recorded. Haemoglobin was measured at week 6.",
     "baseline serum ferritin levels"),
    ("A one-day course offers advantages in terms of cost, adherence and convenience.", "cost"),
])
def test_arms_baselines_and_feasibility_words_are_not_endpoints(tmp_path, sentence, dropped):
    found = names(facts_of(tmp_path, f"Methods: {sentence}", "endpoint", section=None))
    assert dropped not in found, found


def test_a_finding_on_costs_still_names_an_endpoint(tmp_path):
    found = names(facts_of(tmp_path, "Results: The new dialysis regimen had lower costs compared to the old one.",
                           "endpoint", section=None))
    assert "costs" in found, found


# -- adverse events: categories, shares and lists ---------------------------------------------------
@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence, label, negated", [
    ("More patients on the study drug developed moderate or severe skin rash.", "moderate or severe skin rash",
     False),
    ("None had severe bleeding events.", "severe bleeding", True),
    ("There were no hypotensive episodes requiring medical assistance.",
     "hypotensive episodes requiring medical assistance", True),
    ("No hypoglycaemic events that required hospitalisation occurred.",
     "hypoglycaemic events requiring hospitalisation", True),
])
def test_severity_and_what_it_required_make_an_event_category(tmp_path, section, wrap, sentence, label, negated):
    ae(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section=section), label, negated)


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
def test_moderate_alone_is_the_event_itself(tmp_path, section, wrap):
    facts = facts_of(tmp_path, wrap.format("Two patients had moderate hypokalaemia."), "adverse_event",
                     section=section)
    assert ae(facts, "hypokalemia")["count"] == 2


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence, label, share_label, total, share", [
    ("Three deaths occurred in the active arm, of which two were possibly related to treatment.", "death",
     "death possibly related to treatment", 3, 2),
    ("Four deaths were recorded; of these, one was considered related to the study drug.", "death",
     "death considered related to the study drug", 4, 1),
    ("Two cases of pneumonia were seen, one of which was related to the study drug.", "pneumonia",
     "pneumonia related to the study drug", 2, 1),
])
def test_the_share_of_events_related_to_the_drug_is_an_event_of_its_own(tmp_path, section, wrap, sentence, label,
                                                                        share_label, total, share):
    facts = facts_of(tmp_path, wrap.format(sentence), "adverse_event", section=section)
    whole, part = ae(facts, label), ae(facts, share_label)
    assert (whole["count"], whole["related_to_drug"]) == (total, None)
    assert (part["count"], part["related_to_drug"]) == (share, True)


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence, labels", [
    ("Headache, dizziness and dry mouth were the most common adverse events.", {"headache", "dizziness", "dry mouth"}),
    ("In the placebo arm, nausea and fatigue were the most frequent side effects.", {"nausea", "fatigue"}),
])
def test_a_list_before_its_noun_names_events(tmp_path, section, wrap, sentence, labels):
    facts = facts_of(tmp_path, wrap.format(sentence), "adverse_event", section=section)
    found = {f.fields["term"].label for f in facts}
    assert labels <= found and not any("arm" in x for x in found), found


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence", [
    "After 6 weeks, forced expiratory volume in 1 second (FEV1) was assessed as the primary outcome variable.",
    "Forced expiratory volume in 1 second (FEV1) was measured before and after the bronchodilator.",
])
def test_a_number_inside_a_measure_name_is_kept(tmp_path, section, wrap, sentence):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert "forced expiratory volume in 1 second" in found, found


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, expected", [
    ("Laboratory tests included haemoglobin, platelet count and serum albumin.",
     {"haemoglobin", "platelet count", "serum albumin"}),
    ("Safety assessments comprised liver enzymes and creatine kinase.", {"liver enzymes", "creatine kinase"}),
    ("Patients completed daily diary cards to record wheezing episodes and rescue inhaler use.",
     {"wheezing episodes", "rescue inhaler use"}),
    ("Questionnaires were used to assess sleep quality and daytime fatigue.", {"sleep quality", "daytime fatigue"}),
])
def test_measures_listed_after_what_collects_them(tmp_path, section, wrap, sentence, expected):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert expected <= set(found), found


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, name, kind, timepoint", [
    ("The primary endpoint was mean change from baseline FEV1 at week 12 in trough (morning or evening) FEV1.",
     "fev1", "primary", "week 12"),
    ("The key secondary outcome was the adjusted change from baseline HbA1c at week 26.", "hba1c", "secondary",
     "week 26"),
])
def test_change_from_baseline_without_in(tmp_path, section, wrap, sentence, name, kind, timepoint):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert (found[name]["kind"], found[name]["timepoint"]) == (kind, timepoint), found


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, name", [
    ("Neutralising antibody titres against all four serotypes were assessed at week 4.",
     "neutralising antibody titres against all four serotypes"),
    ("IgG titres against both influenza strains were measured on day 28.", "igg titres against both influenza strains"),
])
def test_all_or_both_inside_a_measure_name(tmp_path, section, wrap, sentence, name):
    assert name in names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentences, labels", [
    ("Fewer patients on the new drug had symptomatic hypotensive episodes (4% vs 9%). There were no reported "
     "events that required medical assistance (i.e. emergency visits) or were considered severe during the study.",
     {"hypotensive events requiring medical assistance", "severe hypotensive events"}),
    ("Hypoglycaemic episodes were recorded in diaries. No episodes that led to hospitalisation occurred.",
     {"hypoglycaemic episodes requiring hospitalisation"}),
])
def test_absent_categories_of_the_events_a_paper_is_about(tmp_path, section, wrap, sentences, labels):
    facts = facts_of(tmp_path, wrap.format(sentences), "adverse_event", section=section)
    for label in labels:
        ae(facts, label, negated=True)


@pytest.mark.parametrize("section, wrap", [("Background", "{}"), (None, "Background: {}")])
@pytest.mark.parametrize("sentence", [
    "The management of hyperlipidemia in transplant recipients is limited by drug side effects.",
    "Drugs used to treat hypokalaemia often cause adverse effects.",
])
def test_a_condition_being_treated_is_not_an_event(tmp_path, section, wrap, sentence):
    facts = facts_of(tmp_path, wrap.format(sentence), "adverse_event", section=section)
    treated = ("dyslipidemia", "hyperlipidemia", "hypokalemia")
    assert not [f for f in facts if f.fields["term"].label in treated], terms(facts)


@pytest.mark.parametrize("methods, results, short, long", [
    ("Outcomes were the walking distance and the peak expiratory flow (PEF).", "PEF rose by 40 l/min.", "pef",
     "peak expiratory flow"),
    ("The primary endpoint was the mean arterial pressure (MAP) at day 2.", "MAP decreased in both arms.", "map",
     "arterial pressure"),
])
def test_an_abbreviation_alone_is_its_defined_long_form(tmp_path, methods, results, short, long):
    found = names(facts_of(tmp_path, f"Methods: {methods}\nResults: {results}", "endpoint", section=None))
    assert short not in found and any(long in n for n in found), found


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body, had, event", [
    ("Both arms were similar at baseline: 31% of participants had hypertension and 12% had asthma. "
     "Nausea occurred in 14 patients on the active drug.", "hypertension", "nausea"),
    ("In the recruited sample, rates of depression were high (table 1). Headache was reported by 9 patients "
     "in the treated group.", "depression", "headache"),
])
def test_what_participants_had_at_baseline_is_no_event(tmp_path, section, body, had, event):
    found = {label.lower() for label, _ in terms(facts_of(tmp_path, body, "adverse_event", section=section))}
    assert event in found and not any(had in label for label in found), found


# -- adverse events: what participants had, or what the trial measured ------------------------
@pytest.mark.parametrize("section, wrap", [("Background", "{}"), (None, "{}")])
@pytest.mark.parametrize("sentence", [
    "Nausea is the most frequent complaint of people on opioids, and constipation remains common.",
    "Chronic illnesses such as stroke and heart failure are the leading cause of disability in old age.",
])
def test_what_is_known_is_not_an_event_of_the_trial(tmp_path, section, wrap, sentence):
    body = wrap.format(sentence) + " We randomised 80 adults to the new tablet or to placebo."
    assert terms(facts_of(tmp_path, body, "adverse_event", section)) == []


def test_an_event_in_the_past_tense_is_still_read(tmp_path):
    body = "Nausea occurred in four patients of the tablet group and in one of the placebo group."
    assert ("nausea", False) in terms(facts_of(tmp_path, body, "adverse_event", "Results"))


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence", [
    "At entry the two arms were similar in age, duration of illness and presence of headache and vomiting.",
    "Only participants eligible for the trial, those with nausea or dizziness for over a month, were enrolled.",
])
def test_how_participants_were_at_entry_is_no_event(tmp_path, section, wrap, sentence):
    assert terms(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section)) == []


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence", [
    "Heartburn and bloating showed the greatest improvement with the capsules.",
    "The differences between groups for bloating and heartburn were not significant.",
])
def test_a_symptom_reported_as_an_efficacy_outcome_is_no_event(tmp_path, section, wrap, sentence):
    assert terms(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section)) == []


@pytest.mark.parametrize("layout", ["heading", "abstract"])
def test_an_outcome_the_trial_measured_is_no_event(tmp_path, layout):
    methods = "Episodes of pneumonia and anaemia were recorded by weekly home visits for two years."
    results = "Anaemia was less frequent in the vitamin group (12 versus 20 episodes)."
    if layout == "heading":
        path_text = f"{TITLE}\n\nMethods\n\n{methods}\n\nResults\n\n{results}\n"
    else:
        path_text = f"{TITLE}\n\nMethods: {methods} Results: {results}\n"
    path = tmp_path / "t.txt"
    path.write_text(path_text, encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    assert "anaemia" in [fold(f.fields["name"]) for f in ctx.facts if f.kind == "endpoint"]
    assert [f for f in ctx.facts if f.kind == "adverse_event" and "anemia" in f.fields["term"].label] == []


def test_an_outcome_named_with_harm_words_is_still_an_event(tmp_path):
    body = ("Methods\n\nEpisodes of anaemia were recorded at every visit.\n\nResults\n\n"
            "Anaemia was reported as an adverse event in three patients of the iron group.")
    assert ("anemia", False) in [(f.fields["term"].label, f.fields["negated"]) for f in
                                 facts_of(tmp_path, body, "adverse_event", None)]


@pytest.mark.parametrize("rows", [
    "Gastrointestinal disorders\t5\t2\nNausea\t3\t1\nDiarrhoea\t2\t1\nNervous system disorders\t4\t1\nHeadache\t4\t1\n",
    "Skin and subcutaneous tissue disorders\t3\t0\nRash\t3\t0\nGeneral disorders and administration\t2\t2\n"
    "Fatigue\t2\t2\nRun-in period (%)\t1\t0\n",
])
def test_system_organ_class_rows_group_events_and_are_none(tmp_path, rows):
    table = "Table 3 Adverse events by system organ class\n\nEvent\tActive\tPlacebo\n" + rows
    facts = facts_of(tmp_path, "Events are listed in Table 3.\n\n" + table, "adverse_event")
    labels = {label for label, _ in terms(facts)}
    assert not [x for x in labels if "disorders" in x or "period" in x], labels
    assert labels & {"nausea", "headache", "rash", "fatigue"}


# -- endpoints: shared heads, coordinated nouns, what was given ----------------------------------
@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, expected", [
    ("Systolic and diastolic blood pressure were measured at baseline and at week 8.",
     {"systolic blood pressure", "diastolic blood pressure"}),
    ("Secondary outcomes were total and LDL cholesterol, and fasting and postprandial glucose at 12 weeks.",
     {"total cholesterol", "ldl cholesterol", "fasting glucose", "postprandial glucose"}),
])
def test_modifiers_sharing_a_head_name_one_endpoint_each(tmp_path, section, wrap, sentence, expected):
    found = set(names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section)))
    assert expected <= found, found


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, expected", [
    ("We measured intentions and perceived risk at 4 weeks.", {"intentions", "perceived risk"}),
    ("Secondary outcomes were fatigue, depression and sleep quality.", {"fatigue", "depression", "sleep quality"}),
])
def test_coordinated_nouns_stay_items_of_their_own(tmp_path, section, wrap, sentence, expected):
    found = set(names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section)))
    assert expected <= found and not [x for x in found if " and " in x], found


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence", [
    "We aimed to assess a new web-based coaching programme (QuitCoach) for adults who wish to drink less.",
    "This study aimed to evaluate a smartphone application for insomnia in older adults.",
])
def test_the_intervention_an_aim_names_is_no_endpoint(tmp_path, section, wrap, sentence):
    assert names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section)) == {}


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence", [
    "Secondary outcomes were adherence and use a different inhaler.",
    "We recorded adherence and receive the booster dose at six months.",
])
def test_a_verb_and_its_object_is_no_endpoint(tmp_path, section, wrap, sentence):
    found = set(names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section)))
    assert "adherence" in found and not [x for x in found if x.split()[1:2] in (["a"], ["the"])], found


@pytest.mark.parametrize("sentence", [
    "Nicotine dependence was reported as high by 52 participants of each group.",
    "At six months, 40 participants had developed tobacco dependence symptoms again.",
])
def test_the_behaviour_a_trial_studies_is_no_event_of_it(tmp_path, sentence):
    """A smoking trial's 'nicotine dependence' (MeSH: tobacco use disorder) is what it treats."""
    title = "A text-message programme for smoking cessation: a randomised trial"
    assert terms(facts_of(tmp_path, sentence, "adverse_event", "Results", title=title)) == []
    assert terms(facts_of(tmp_path, sentence, "adverse_event", "Results")) != []


@pytest.mark.parametrize("section, wrap", [("Background", "{}"), (None, "Background: {}"),
                                           ("Conclusions", "{}"), (None, "Conclusions: {}")])
@pytest.mark.parametrize("sentence, hope", [
    ("Despite efforts to prevent wound dehiscence, it remains common after abdominal surgery.", "wound dehiscence"),
    ("A short course of the lozenge may be a simple way to improve taste recovery.", "taste recovery"),
])
def test_what_a_treatment_is_hoped_to_do_is_no_endpoint(tmp_path, section, wrap, sentence, hope):
    body = wrap.format(sentence) + "\n\nMethods: Adults were randomised to the lozenge or to placebo." \
        if section is None else wrap.format(sentence)
    assert hope not in names(facts_of(tmp_path, body, "endpoint", section))


@pytest.mark.parametrize("section, wrap", [("Methods", "{}"), (None, "Objective: {}")])
def test_an_aim_to_improve_a_measure_still_names_it(tmp_path, section, wrap):
    body = wrap.format("We assessed whether the lozenge could improve taste recovery at day 14.")
    assert "taste recovery" in names(facts_of(tmp_path, body, "endpoint", section))


@pytest.mark.parametrize("sentence", [
    "Laboratory adverse events were also common but similar in the two arms.",
    "Side effects were still frequent yet comparable between groups.",
])
def test_an_adverb_opening_a_predicate_is_no_list_of_events(tmp_path, sentence):
    # the umbrella term compared between the arms is an event of its own; no item of a list is
    assert terms(facts_of(tmp_path, sentence, "adverse_event", "Results")) == [("adverse event", False)]


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, covariates", [
    ("Weight change was analysed with mixed models adjusted for site, smoking status and baseline BMI.",
     {"smoking status", "baseline bmi", "bmi"}),
    ("Randomisation was stratified by age group and parity; HbA1c was measured at week 12.", {"parity", "age group"}),
    ("Scores were analysed using mixed models including arm and visit, with adjustment made for the minimisation "
     "variables region, gravidity and BMI as fixed effects.", {"gravidity", "bmi"}),
    ("Moderator analyses showed that the programme worked equally for older and younger adults, and for those "
     "with higher and lower levels of health literacy.", {"health literacy", "lower levels of health literacy"}),
])
def test_covariates_and_strata_are_no_endpoints(tmp_path, section, wrap, sentence, covariates):
    found = set(names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section)))
    assert not found & covariates, found


@pytest.mark.parametrize("section, wrap", [("Results", "{}"), (None, "Results: {}")])
@pytest.mark.parametrize("sentence, expected", [
    ("Two participants had a serious event. One was diagnosed with glaucoma and the other with peptic ulcer "
     "disease.", [("glaucoma", False)]),
    ("None of the participants developed hypertension, tuberculosis or diabetes mellitus.",
     [("diabetes mellitus", True)]),
])
def test_a_disease_diagnosed_during_the_trial_is_an_event(tmp_path, section, wrap, sentence, expected):
    found = terms(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section))
    assert all(x in found for x in expected), found


def test_a_disease_diagnosed_before_the_results_is_no_event(tmp_path):
    body = "Adults who had been diagnosed with glaucoma in the past year were randomised to drops or placebo."
    assert terms(facts_of(tmp_path, body, "adverse_event", "Methods")) == []


@pytest.mark.parametrize("sentence, kept, dropped", [
    # drowsiness is the lexicon's somnolence (an entry term of MeSH Sleepiness)
    ("The most common side effects were drowsiness, sweating and follows.", {"somnolence", "sweating"}, {"follows"}),
    ("Adverse events included restlessness (n = 2), clinic and experiencing a single event.", {"restlessness"},
     {"clinic", "experiencing a single event"}),
])
def test_a_listed_item_must_name_an_event(tmp_path, sentence, kept, dropped):
    found = {label for label, _ in terms(facts_of(tmp_path, sentence, "adverse_event"))}
    assert kept <= found and not found & dropped, found


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body, dropped, kept", [
    ("At entry the two arms showed no difference in terms of height, smoking status or renal function. "
     "Fatigue scores decreased in the tablet group (p = 0.02).", ["height", "renal function"], "fatigue scores"),
    ("Baseline clinical characteristics showed no differences in weight, blood pressure and disease "
     "duration. The walking distance improved in the exercise arm.", ["weight", "disease duration"],
     "walking distance"),
])
def test_the_groups_compared_at_entry_name_no_endpoint(tmp_path, section, body, dropped, kept):
    got = names(facts_of(tmp_path, body, "endpoint", section=section))
    assert not set(dropped) & set(got), got
    assert kept in got, got


@pytest.mark.parametrize("section", ["Methods", None])
@pytest.mark.parametrize("body, name", [
    ("Outcomes were the Nail Area and Severity Score (NASS) and the itch score, measured at week 12.",
     "nail area and severity score"),
    ("The Daily Living and Mobility Index (DLMI) and grip strength were recorded at each visit.",
     "daily living and mobility index"),
])
def test_a_defined_name_holding_a_list_word_is_one_endpoint(tmp_path, section, body, name):
    got = names(facts_of(tmp_path, body, "endpoint", section=section))
    assert name in got, got
    assert not {"severity score", "mobility index", "daily living"} & set(got), got


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body, negated, arms", [
    ("Taking the capsules did not cause any side effects in the children.", True, 1),
    ("The children who drank the tea were free of adverse effects throughout the study.", True, 1),
    # a share in each arm: one event per arm
    ("Adverse drug reactions were seen in 6.5% of those on the gel and 7.1% of those on the cream.", False, 2),
    ("The share of patients with treatment-emergent adverse events was 21.4% with the patch.", False, 1),
])
def test_an_umbrella_term_is_an_event_when_negated_or_given_a_share(tmp_path, section, body, negated, arms):
    got = facts_of(tmp_path, body, "adverse_event", section=section)
    assert [f.fields["negated"] for f in got] == [negated] * arms, terms(got)


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body", [
    "Three SAEs occurred during the open phase.",
    "Twelve adverse events were judged unrelated by the investigators.",
])
def test_a_tally_of_umbrella_events_is_no_finding_on_patients(tmp_path, section, body):
    assert facts_of(tmp_path, body, "adverse_event", section=section) == []


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body, events", [
    ("Side effects (dry mouth, drowsiness and blurred vision) were reported by twelve patients.",
     ["dry mouth", "drowsiness", "blurred vision"]),
    ("Adverse reactions (itching, local swelling, and skin peeling) occurred in both arms.",
     ["itching", "local swelling", "skin peeling"]),
])
def test_events_listed_in_a_bracket_after_the_harm_noun(tmp_path, section, body, events):
    got = facts_of(tmp_path, body, "adverse_event", section=section)
    written = {f.surface.lower() if f.surface else str(f.fields["term"].label).lower() for f in got}
    for event in events:
        assert any(event in w for w in written), written


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body", [
    "Adverse events (n = 3) were mild and transient.",
    "Treatment-emergent adverse events (TEAEs) were similar in both arms.",
])
def test_a_bracket_with_a_count_or_a_short_form_lists_no_events(tmp_path, section, body):
    got = facts_of(tmp_path, body, "adverse_event", section=section)
    assert all(str(f.fields["term"].label).lower() in ("adverse event", "treatment-emergent adverse event")
               for f in got), terms(got)


# -- endpoints: the measure, not its wrapper --------------------------------------------------
@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, name, wrapped", [
    ("The primary outcome was the percentage of patients achieving clinical remission at week 12.",
     "clinical remission", "percentage of patients achieving clinical remission"),
    ("The primary endpoint was the proportion of participants with a sustained virological response at Day 28.",
     "sustained virological response", "proportion of participants with a sustained virological response"),
    ("The main outcome was the effect on systolic blood pressure after 12 months of follow-up.",
     "systolic blood pressure", "effect on systolic blood pressure"),
    ("Secondary outcomes were the number of children who developed a febrile seizure and length of stay.",
     "febrile seizure", "number of children who developed a febrile seizure"),
])
def test_a_counted_or_affected_measure_is_named_without_its_wrapper(tmp_path, section, wrap, sentence, name,
                                                                     wrapped):
    """'the percentage of patients achieving X', 'the effect on X': the endpoint is X; the whole
    phrase stays one of its names."""
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert name in found, found
    assert wrapped in found[name]["_surfaces"]


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence", [
    "The primary outcome was the percentage of patients with no grade 3 rash at week 8.",
    "The primary endpoint was the proportion of women without a relapse by month 6.",
])
def test_a_wrapper_around_an_absence_stays(tmp_path, section, wrap, sentence):
    """'the percentage of patients with no X': the measure is the absence of X, not X."""
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert found and all(not n.startswith(("no ", "without ")) for n in found), found


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, absent", [
    ("The primary outcome was the change in peak flow between the final week of the run-in or wash-out period "
     "and the final week of treatment.", "wash-out period"),
    ("The primary endpoint was the difference in pain score between the screening phase or the treatment phase "
     "and the last visit.", "treatment phase"),
])
def test_a_period_of_the_trial_is_no_endpoint(tmp_path, section, wrap, sentence, absent):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert found and absent not in found, found


@pytest.mark.parametrize("section", ["Background", "Objective"])
@pytest.mark.parametrize("sentence", [
    "The effects of strength training on the autonomic system remain unknown.",
    "How yoga changes cortisol rhythms seems unclear.",
])
def test_a_clause_is_no_endpoint(tmp_path, section, sentence):
    found = names(facts_of(tmp_path, f"{section}: {sentence}", "endpoint", section=None))
    assert not any(w in n for n in found for w in ("remain", "unknown", "unclear", "seems")), found


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body, expected", [
    ("Fatigue and insomnia improved more with the tablet than with placebo.", "fatigue"),
    ("Nausea and vomiting were assessed on postoperative day 1.", "nausea"),
])
def test_symptoms_as_measures(tmp_path, section, body, expected):
    """Symptoms a trial measures are endpoints, the first of a pair too."""
    assert expected in names(facts_of(tmp_path, body, "endpoint", section=section))


def _with_summary(summary: str) -> str:
    return ("Background: Older adults often fall.\n\nMethods: We randomised 200 adults to home visits or usual "
            "care. The primary outcome was mortality at 12 months.\n\nConclusions: Home visits helped.\n\n"
            f"Editors' Summary\n\n{summary}\n\nIntroduction\n\nFalls are common.\n\nMethods\n\nAdults were "
            "randomised.\n\nResults\n\nMortality was lower.\n\nDiscussion\n\nThis worked.\n")


@pytest.mark.parametrize("summary, absent", [
    ("Future research is needed to test the scalability of this model of care.", "scalability"),
    ("Reviews of earlier trials show that advice can bring improvements in diet and in blood pressure.", "diet"),
])
def test_a_plain_language_summary_is_read_like_the_body(tmp_path, summary, absent):
    """An Editors' Summary or commentary beside the abstract retells the paper and others' work."""
    found = names(facts_of(tmp_path, _with_summary(summary), "endpoint", section="Abstract"))
    assert "mortality" in found and absent not in found, found


# -- adverse events: a term that names a variable or a measure --------------------------------
@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body, term", [
    ("Age, sex and Helicobacter infection status did not differ between the groups (Table 1).", "infection"),
    ("Adverse events were rare; the mean insomnia score fell by 4 points with melatonin.", "insomnia"),
])
def test_a_term_before_status_or_score_is_no_event(tmp_path, section, body, term):
    assert term not in [t.lower() for t, _n in terms(facts_of(tmp_path, body, "adverse_event", section=section))]


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body", [
    "After treatment the horses raced as before injury, with no adverse events.",
    "Most patients returned to work as prior to injury; no adverse reactions were seen.",
])
def test_a_phrase_opening_on_a_preposition_is_no_event(tmp_path, section, body):
    got = [t.lower() for t, _n in terms(facts_of(tmp_path, body, "adverse_event", section=section))]
    assert not any(t.startswith(("before", "prior")) for t in got), got


@pytest.mark.parametrize("sentence, name", [
    ("Conclusions: The nurse-led programme appeared to reduce all-cause mortality in older adults.",
     "all-cause mortality"),
    ("Conclusions: Daily stretching was shown to improve hamstring flexibility in young women.",
     "hamstring flexibility"),
])
def test_a_finding_in_the_conclusions_names_its_measure(tmp_path, sentence, name):
    """'appeared to reduce X', 'was shown to improve X': a finding on X, not a hope such as
    'may be a simple way to improve X'."""
    assert name in names(facts_of(tmp_path, sentence, "endpoint", section=None))


@pytest.mark.parametrize("sentence", [
    "Conclusions: Walking may be a simple way to improve sleep quality.",
    "Conclusions: Such programmes could help to reduce falls in care homes.",
])
def test_a_hope_in_the_conclusions_names_no_measure(tmp_path, sentence):
    assert names(facts_of(tmp_path, sentence, "endpoint", section=None)) == {}


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, name", [
    ("Ratings of fatigue and readiness to exercise were recorded before each session.", "readiness to exercise"),
    ("Time to first exacerbation was recorded from the diaries.", "time to first exacerbation"),
])
def test_a_measure_with_to_inside_its_name(tmp_path, section, wrap, sentence, name):
    """'readiness to X', 'time to X': the 'to' belongs to the measure's name."""
    assert name in names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, name", [
    ("We aimed to assess the development of tolerance in mild asthmatics.", "development of tolerance"),
    ("The aim was to evaluate hamstring flexibility in recreational runners.", "hamstring flexibility"),
])
def test_the_population_a_measure_is_taken_in_closes_no_name(tmp_path, section, wrap, sentence, name):
    assert name in names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence", [
    "An ANOVA model was used to measure group, time, and group by time interactions.",
    "We evaluated aspirin added to usual care in older adults.",
])
def test_a_statistical_term_or_a_treatment_is_no_endpoint(tmp_path, section, wrap, sentence):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert not any("interactions" in n or n.startswith("aspirin") for n in found), found


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body, counts", [
    ("Nausea occurred in the tablet group (n = 3, 5%) and in the placebo group (n = 1, 2%).", [3, 1]),
    ("Dizziness was reported in the active arm (n = 7) and in the control arm (n = 2; 3%).", [7, 2]),
])
def test_an_event_counted_in_each_named_arm(tmp_path, section, body, counts):
    """'X in the A group (n = 3, 5%) and in the B group (n = 1, 2%)': one event per arm, with its count."""
    got = facts_of(tmp_path, body, "adverse_event", section=section)
    assert sorted(f.fields["count"] for f in got) == sorted(counts), [(terms([f]), f.fields["count"]) for f in got]


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body", [
    "Rash (n = 4) and dizziness (n = 2) were the most common adverse events.",
    "Headache (n = 6) and cough (n = 3) were reported most often.",
])
def test_counts_of_two_events_are_not_arms(tmp_path, section, body):
    got = facts_of(tmp_path, body, "adverse_event", section=section)
    assert len(got) == 2 and all(f.fields["count"] for f in got), terms(got)


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body", [
    "Counts were modelled as incidence rate ratios (IRR). The IRR between the arms was 0.90 (95% CI 0.62 to 1.33).",
    "We report the infusion rate ratio (IRR) of each arm; the IRR was 1.2 in both arms and no events occurred.",
])
def test_an_abbreviation_the_paper_defines_otherwise_is_no_event(tmp_path, section, body):
    """'IRR' defined as a rate ratio is not an infusion-related reaction."""
    got = [t.lower() for t, _n in terms(facts_of(tmp_path, body, "adverse_event", section=section))]
    assert not any("reaction" in t for t in got), got


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body", [
    "We recorded self-reports of empathic reactions to the scenario in 96 participants.",
    "Emotional reactions to the video were rated by 40 viewers on a 7-point scale.",
])
def test_a_reaction_without_harm_words_is_no_event(tmp_path, section, body):
    got = [t.lower() for t, _n in terms(facts_of(tmp_path, body, "adverse_event", section=section))]
    assert not any("reaction" in t for t in got), got


@pytest.mark.parametrize("summary", [
    "Earlier trials found that lowering salt reduces strokes and heart attacks, which were reported often.",
    "Side effects such as nausea are common with many similar drugs, earlier studies reported.",
])
def test_no_event_from_a_plain_language_summary(tmp_path, summary):
    got = [t.lower() for t, _n in terms(facts_of(tmp_path, _with_summary(summary), "adverse_event",
                                                  section="Abstract"))]
    assert not any(t in ("stroke", "nausea") for t in got), got


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("body", [
    "There was no significant difference between the arms in the length of stay, readmissions, wound "
    "complications of surgery or quality of life.",
    "There were no significant differences between the groups in hospital stay, pain scores, infectious "
    "complications of the wound or mobility.",
])
def test_no_significant_difference_negates_no_event(tmp_path, section, body):
    """'no significant differences in ... X' compares arms; it does not say that X never happened."""
    assert not any(neg for _t, neg in terms(facts_of(tmp_path, body, "adverse_event", section=section)))


@pytest.mark.parametrize("section, wrap", LAYOUTS)
@pytest.mark.parametrize("sentence, name", [
    ("We aimed to determine whether simvastatin and/or ezetimibe influence serum irisin levels.",
     "serum irisin levels"),
    ("We sought to determine whether aspirin and/or clopidogrel affect platelet reactivity.", "platelet reactivity"),
])
def test_what_a_drug_does_to_a_measure_names_the_measure(tmp_path, section, wrap, sentence, name):
    found = names(facts_of(tmp_path, wrap.format(sentence), "endpoint", section=section))
    assert name in found and not any(n.startswith(("simvastatin", "ezetimibe", "aspirin", "clopidogrel"))
                                     for n in found), found


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("sentence", [
    "In addition, duloxetine's advantage over placebo did not differ between the subgroups.",
    "Blood and urine samples were collected before and after 12 weeks; its addition did not change the model.",
])
def test_a_drugs_possessive_or_a_specimen_is_no_endpoint(tmp_path, section, sentence):
    found = names(facts_of(tmp_path, sentence, "endpoint", section=section))
    assert not any(n in ("addition", "blood", "urine") or n.startswith("duloxetine") for n in found), found


def test_a_long_list_after_drugs_is_read_quickly(tmp_path):
    """A name that opens with drugs and runs on without a verb must not make the pattern backtrack."""
    import time
    t = time.perf_counter()
    facts_of(tmp_path, "We assessed simvastatin plasma concentration variability patterns seasonal practice "
             "site physician prescribing habit score distribution summary statistic values.", "endpoint")
    assert time.perf_counter() - t < 10


@pytest.mark.parametrize("section", ["Results", "Adverse events"])
@pytest.mark.parametrize("body", [
    "There were three serious AEs (SAEs). Two patients withdrew from the study due to AEs: pancytopenia (SAE) "
    "and arrhythmia (non-SAE).",
    "Serious AEs (SAEs) were rare. One participant stopped the study due to an AE: sepsis (SAE).",
])
def test_an_abbreviation_defined_as_the_event_stays(tmp_path, section, body):
    got = [t.lower() for t, _n in terms(facts_of(tmp_path, body, "adverse_event", section=section))]
    assert "serious adverse event" in got, got


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("sentence, expected", [
    ("The adverse reactions of the injection included: pain at the injection site, chills, ostealgia and "
     "myosalgia, and cold-like symptoms.",
     ["pain at the injection site", "chills", "ostealgia", "myosalgia", "cold-like symptoms"]),
    ("Side effects of the cream were: burning, dryness and peeling.", ["burning", "dryness", "peeling"]),
    ("Reported side effects of the patch were itching and redness at the site, and blistering in two patients.",
     ["pruritus", "redness at the site", "blistering"]),
])
def test_a_list_after_the_events_of_a_named_treatment(tmp_path, section, sentence, expected):
    found = terms(facts_of(tmp_path, sentence, "adverse_event", section))
    assert [t.lower() for t, negated in found if not negated] == expected


@pytest.mark.parametrize("sentence, negated", [
    ("No adverse reactions of the vaccine were seen.", True),
    ("Adverse reactions occurred in 8% of the children given the gel.", False),
])
def test_adverse_reactions_are_the_umbrella_term_with_or_without_their_drug(tmp_path, sentence, negated):
    assert terms(facts_of(tmp_path, sentence, "adverse_event")) == [("adverse drug reaction", negated)]


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("sentence, name", [
    ("Nevertheless, fatigue was lower in the active group.", "fatigue"),
    ("Nonetheless, appetite was higher in the intervention group than in the control group.", "appetite"),
])
def test_a_sentence_adverb_is_no_part_of_the_measure(tmp_path, section, sentence, name):
    assert [f.fields["name"] for f in facts_of(tmp_path, sentence, "endpoint", section)] == [name]


RESULT_LAYOUTS = [("Results", "{}"), (None, "Results: {}")]


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence, expected", [
    ("No severe adverse events occurred during the eight weeks.", ("severe adverse events", True)),
    ("There were no major adverse events in either arm.", ("major adverse events", True)),
    ("Major complications were seen in three patients in each group.", ("major complications", False)),
    ("Complications occurred in four patients of the laser arm.", ("complications", False)),
])
def test_an_umbrella_term_qualified_by_its_severity_is_an_event(tmp_path, section, wrap, sentence, expected):
    """'no severe adverse events', 'major complications': the umbrella term and its severity name
    a category of events, kept although every word of it is a generic one."""
    assert expected in terms(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section))


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence", [
    "Adverse events were comparable between both arms, with slightly more complaints after the gel.",
    "The incidence of side effects did not differ between the two groups.",
    "Most children in both arms (70% and 64%) reported at least one adverse event.",
])
def test_an_umbrella_term_compared_or_rated_is_an_event(tmp_path, section, wrap, sentence):
    """An umbrella term the sentence compares between arms, or gives rates to, is a finding on
    the events; one that is only assessed is not (next test)."""
    assert ("adverse event", False) in terms(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section))


@pytest.mark.parametrize("sentence", [
    "Adverse events were recorded at every visit by a blinded nurse.",
    "Side effects were assessed with a checklist at weeks 2 and 6.",
])
def test_an_umbrella_term_only_assessed_is_no_event(tmp_path, sentence):
    assert terms(facts_of(tmp_path, sentence, "adverse_event", "Methods")) == []


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence", [
    "Lidocaine was well tolerated, with no serious adverse events related to lidocaine.",
    "Two patients had serious adverse events attributable to lidocaine.",
])
def test_an_event_tied_to_the_drug_by_name_is_drug_related(tmp_path, section, wrap, sentence):
    facts = facts_of(tmp_path, wrap.format(sentence), "adverse_event", section)
    assert [f.fields["related_to_drug"] for f in facts if f.fields["term"].label == "serious adverse event"] == [True]


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence, expected", [
    ("Two children had transient discomfort at the puncture site.", ("discomfort", False)),
    ("No respiratory depression or oxygen desaturation was observed.", ("respiratory depression", True)),
    ("No respiratory depression or oxygen desaturation was observed.", ("oxygen desaturation", True)),
])
def test_harms_of_sedation_and_procedures(tmp_path, section, wrap, sentence, expected):
    assert expected in terms(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section))


@pytest.mark.parametrize("section, sentence", [
    ("Methods", "Adults admitted to the medical wards who suffered from severe pneumonia were randomised to "
                "two antibiotic schedules, and adverse events were recorded."),
    ("Methods", "The aim was to compare the safety of two schedules in older patients with severe pneumonia."),
    ("Conclusions", "The shorter schedule was safe and effective in patients with severe pneumonia."),
])
def test_the_population_s_disease_is_no_event(tmp_path, section, sentence):
    """'patients with X' (or 'who suffered from X' in a sentence that enrols them) outside the
    results says whom the trial enrolled, not what befell them."""
    assert "pneumonia" not in {t for t, _n in terms(facts_of(tmp_path, sentence, "adverse_event", section))}


@pytest.mark.parametrize("section, sentence", [
    ("Results", "Pruritus visual analogue scale scores fell more with the cream than with the vehicle."),
    ("Methods", "Outcomes were the itch VAS and the sleep score."),
])
def test_a_symptom_rated_on_a_scale_is_a_measure(tmp_path, section, sentence):
    assert terms(facts_of(tmp_path, sentence, "adverse_event", section)) == []


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence, expected", [
    ("Three children were hospitalised because of dehydration.", "dehydration"),
    ("One adult was admitted to hospital due to syncope after the second dose.", "syncope"),
])
def test_what_a_patient_was_hospitalised_for_is_a_serious_event(tmp_path, section, wrap, sentence, expected):
    fields = ae(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section), expected)
    assert fields["serious"] is True


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence", [
    "Two patients developed permanent morbidity after the operation.",
    "Permanent morbidity was reported in two patients of the open-surgery arm.",
])
def test_morbidity_in_a_sentence_about_harms_is_an_event(tmp_path, section, wrap, sentence):
    assert ("permanent morbidity", False) in terms(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section))


@pytest.mark.parametrize("sentence", [
    "The new regimen showed strong toxicity in the first cycle.",
    "Both schedules had acceptable toxicity.",
])
def test_an_intensity_word_is_no_name_of_a_toxicity(tmp_path, sentence):
    assert not [t for t, _n in terms(facts_of(tmp_path, sentence, "adverse_event", "Results"))
                if t.startswith(("strong", "acceptable"))]


@pytest.mark.parametrize("sentence", [
    "The primary outcomes were maternal death and severe maternal morbidity, and a composite adverse outcome.",
    "Secondary outcomes included severe maternal morbidity and adverse neonatal outcomes.",
])
def test_the_sentence_declaring_outcomes_names_measures(tmp_path, sentence):
    assert not [t for t, _n in terms(facts_of(tmp_path, sentence, "adverse_event", "Methods")) if "morbidity" in t]


@pytest.mark.parametrize("title, body", [
    ("Olive oil intake and mortality in older adults: a randomised nutrition trial",
     "During four years, 210 deaths occurred, 60 of them cardiovascular deaths."),
    (TITLE, "The primary outcome was all-cause mortality at five years. Overall, 210 deaths occurred "
            "during follow-up."),
])
def test_deaths_where_mortality_is_the_outcome_are_findings(tmp_path, title, body):
    """Deaths counted by the trial's mortality outcome are its finding, not adverse events."""
    assert "death" not in {t for t, _n in terms(facts_of(tmp_path, body, "adverse_event", "Results", title))}


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
def test_a_count_of_one_patient_after_the_event(tmp_path, section, wrap):
    sentence = "Bleeding occurred in one patient in each group, and major complications in one patient."
    fields = ae(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section), "hemorrhage")
    assert fields["count"] == 1


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence, expected", [
    ("Hyperkalaemia or other potential major adverse events were not observed.", "major adverse events"),
    ("Serious adverse events did not occur in either arm.", "serious adverse event"),
])
def test_an_umbrella_term_denied_after_it_is_negated(tmp_path, section, wrap, sentence, expected):
    assert (expected, True) in terms(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section))


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence", [
    "Four patients with ankle oedema and two with rash withdrew from the active arm.",
    "Four patients reported ankle oedema and two had rash during the first month.",
])
def test_each_event_keeps_its_own_count(tmp_path, section, wrap, sentence):
    facts = facts_of(tmp_path, wrap.format(sentence), "adverse_event", section)
    assert ae(facts, "rash")["count"] == 2


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence, expected, related", [
    ("No serious drug-related adverse events were reported.", "serious drug-related adverse events", True),
    ("There were no serious or unexpected adverse events in either arm.", "serious or unexpected adverse events",
     None),
    ("No child experienced a serious adverse event.", "serious adverse event", None),
])
def test_a_denied_serious_category_is_serious(tmp_path, section, wrap, sentence, expected, related):
    fields = ae(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section), expected, negated=True)
    assert fields["serious"] is True
    assert fields["related_to_drug"] is related


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence", [
    "Adverse drug reactions were mild and transient in both arms.",
    "Side effects were mostly mild and resolved without treatment.",
])
def test_umbrella_events_described_are_events(tmp_path, section, wrap, sentence):
    assert [n for _t, n in terms(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section))] == [False]


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence, measured", [
    ("Weight loss at six months was greater with the low-carbohydrate diet (P = 0.02).", "weight loss"),
    ("Anxiety was significantly lower after the music session than after silence.", "anxiety"),
])
def test_a_symptom_compared_as_an_outcome_is_no_event(tmp_path, section, wrap, sentence, measured):
    assert measured not in {t for t, _n in terms(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section))}


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence, event", [
    ("Weight loss occurred in three patients given the new drug.", "weight loss"),
    ("Nausea was more frequent with the new drug (P = 0.01).", "nausea"),
])
def test_a_symptom_that_befell_patients_is_an_event(tmp_path, section, wrap, sentence, event):
    assert event in {t for t, _n in terms(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section))}


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence, term", [
    ("The side effects of metformin were mild and transient.", "adverse event"),
    ("Vaccine-related adverse events occurred in 5% of the children.", "adverse event"),
    ("Adverse reactions to mefloquine included headache and dizziness.", "dizziness"),
])
def test_events_of_the_drug_are_drug_related(tmp_path, section, wrap, sentence, term):
    assert ae(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section), term)["related_to_drug"] is True


def test_events_of_two_regimens_compared_are_not_tied_to_one(tmp_path):
    fields = ae(facts_of(tmp_path, "The side effects of the two regimens were similar.", "adverse_event"),
                "adverse event")
    assert fields["related_to_drug"] is None


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
def test_a_tally_of_serious_events_and_the_one_that_led_to_withdrawal(tmp_path, section, wrap):
    sentence = ("Of 12 serious adverse events, none was judged vaccine-related; one led to study withdrawal "
                "(pulmonary embolism, day 40).")
    facts = facts_of(tmp_path, wrap.format(sentence), "adverse_event", section)
    sae = ae(facts, "serious adverse event")
    assert (sae["count"], sae["related_to_drug"]) == (12, False)
    embolism = [f.fields for f in facts if "embolism" in f.fields["term"].label]
    assert embolism and embolism[0]["led_to_discontinuation"] is True and embolism[0]["serious"] is True


@pytest.mark.parametrize("section, wrap", RESULT_LAYOUTS)
@pytest.mark.parametrize("sentence, n", [
    ("Two patients withdrew because they could not tolerate the tablets.", 2),
    ("Five children stopped the syrup early as they were unable to tolerate its taste.", 5),
])
def test_withdrawal_for_intolerance_is_an_event(tmp_path, section, wrap, sentence, n):
    fields = ae(facts_of(tmp_path, wrap.format(sentence), "adverse_event", section), "intolerance")
    assert (fields["count"], fields["led_to_discontinuation"]) == (n, True)


# -- adverse events: a treatment's associations, each event's own count ------------------------
@pytest.mark.parametrize("section, body", [
    ("Results", "Ketorolac was associated with more headache (14% vs 5%) and dizziness (9% vs 3%)."),
    (None, "Results: The active spray was significantly associated with higher rates of headache and dizziness."),
])
def test_what_a_treatment_is_associated_with_is_an_event(tmp_path, section, body):
    found = {f.fields["term"].label for f in facts_of(tmp_path, body, "adverse_event", section=section)}
    assert {"headache", "dizziness"} <= found


def test_an_event_associated_with_a_procedure_is_caused_not_an_event_of_its_own(tmp_path):
    found = facts_of(tmp_path, "Pain associated with the infusion was rare; headache occurred in 3 patients.",
                     "adverse_event")
    assert {f.fields["term"].label for f in found} == {"headache"}


@pytest.mark.parametrize("body, counts", [
    ("Bradycardia occurred in 2 patients and hypotension in 4 patients.", {"bradycardia": 2, "hypotension": 4}),
    ("Fever was seen in 6 participants, while rash developed in 1 participant.", {"fever": 6, "rash": 1}),
])
def test_each_event_keeps_the_count_written_after_it(tmp_path, body, counts):
    found = {f.fields["term"].label: f.fields["count"] for f in facts_of(tmp_path, body, "adverse_event")}
    assert found == counts


# -- seriousness and relatedness said of the events as a whole, or by the event's own name ---------------
@pytest.mark.parametrize("body, label", [
    ("Headache was reported by 6 patients and dizziness by 3. All adverse events were mild and transient.",
     "headache"),
    ("The most frequent side effects were constipation (9%) and dry mouth (7%). Side effects were generally "
     "mild to moderate and resolved without treatment.", "constipation"),
])
def test_events_said_to_be_mild_as_a_whole_are_not_serious(tmp_path, body, label):
    facts = facts_of(tmp_path, body, "adverse_event")
    assert ae(facts, label)["serious"] is False


@pytest.mark.parametrize("sentence, label", [
    ("Adverse events were non-serious and mostly limited to injection-site pain.", "pain at the injection site"),
    ("Rash occurred in two patients but was not serious.", "rash"),
])
def test_non_serious_is_no_serious(tmp_path, sentence, label):
    assert ae(facts_of(tmp_path, sentence, "adverse_event"), label)["serious"] is False


def test_a_collective_statement_leaves_an_events_own_seriousness(tmp_path):
    body = ("Pneumonia requiring hospitalisation occurred in one patient; nausea occurred in four. "
            "Adverse events were otherwise mild.")
    facts = facts_of(tmp_path, body, "adverse_event")
    assert ae(facts, "pneumonia")["serious"] is True
    assert ae(facts, "nausea")["serious"] is False


@pytest.mark.parametrize("body", [
    "Vomiting occurred in five children and cough in two. None of the adverse events was considered related "
    "to the study drug.",
    "Vomiting occurred in five children. Adverse events were judged unrelated to treatment.",
])
def test_events_said_to_be_unrelated_as_a_whole(tmp_path, body):
    assert ae(facts_of(tmp_path, body, "adverse_event"), "vomiting")["related_to_drug"] is False


@pytest.mark.parametrize("sentence", [
    "Adverse drug reactions were reported by 12 patients.",
    "Side effects occurred in 7 participants in the active arm.",
])
def test_events_named_as_the_drugs_are_related(tmp_path, sentence):
    facts = facts_of(tmp_path, sentence, "adverse_event")
    assert facts and all(f.fields["related_to_drug"] is True for f in facts), terms(facts)


@pytest.mark.parametrize("sentence, label", [
    ("Dizziness due to the study medication was reported by three patients.", "dizziness"),
    ("Two patients had rash caused by the trial drug.", "rash"),
])
def test_an_event_said_to_be_caused_by_the_treatment_is_related(tmp_path, sentence, label):
    assert ae(facts_of(tmp_path, sentence, "adverse_event"), label)["related_to_drug"] is True
