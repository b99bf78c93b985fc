"""Each fact kind on short sentences written for its patterns (incl. negated and hedged ones),
and on the seed corpus.

Sentences are wrapped in a minimal article (a title line and a section heading) and read by
the same text reader and pipeline as any paper, so each test exercises the whole path
from text to facts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read

ROOT = Path(__file__).resolve().parent.parent
TITLE = "A short article written for the extraction tests of kg, on a made-up trial"


def facts_of(tmp_path: Path, body: str, section: str = "Results", title: str = TITLE, kind: str | None = None):
    """Facts extracted from `body` placed under `section` of a minimal article."""
    path = tmp_path / "snippet.txt"
    path.write_text(f"{title}\n\n{section}\n\n{body}\n", encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    for f in ctx.facts:  # every fact's evidence indexes the text
        for ev in f.evidence:
            assert document.text[ev.start:ev.end].strip() == document.text[ev.start:ev.end]
            assert ev.end > ev.start
    return [f for f in ctx.facts if kind is None or f.kind == kind]


def one(facts, **where):
    found = [f for f in facts if all(_get(f, k) == v for k, v in where.items())]
    assert len(found) == 1, f"expected one fact with {where}, got {[f.fields for f in facts]}"
    return found[0].fields


def _get(f, key):
    v = f.fields.get(key)
    return getattr(v, "label", v)


def trial(facts, attribute):
    return [_get(f, "value") for f in facts if f.kind == "trial" and f.fields["attribute"] == attribute]


# -- trial ------------------------------------------------------------------------------
def test_trial_registry_ids_phase_design_and_enrolment(tmp_path):
    body = ("This randomised, double-blind, placebo-controlled phase Ib/IIa trial (ISRCTN12345678; "
            "EudraCT 2015-001234-56; NCT01234567) enrolled 24 adult patients with rheumatoid arthritis.")
    facts = facts_of(tmp_path, body, section="Methods")
    assert set(trial(facts, "registry_id")) == {"ISRCTN12345678", "2015-001234-56", "NCT01234567"}
    assert trial(facts, "phase") == ["Ib/IIa"]
    assert {"double-blind", "placebo-controlled"} <= set(trial(facts, "design"))
    assert trial(facts, "n_enrolled") == [24]


def test_phase_of_other_trials_is_not_this_trials_phase(tmp_path):
    body = ("Many phase II/III trials have failed. Eleven patients were included in this phase 1–phase 2a "
            "open-label study.")
    facts = facts_of(tmp_path, body, section="Methods")
    assert trial(facts, "phase") == ["I/IIa"]
    assert trial(facts, "n_enrolled") == [11]


def test_acronym_is_the_name_the_paper_gives_its_trial(tmp_path):
    body = ("The lupus low disease activity state (LLDAS) was assessed. SUNRISE was a phase II, open-label, "
            "multicentre trial of tocilizumab in systemic sclerosis.")
    facts = facts_of(tmp_path, body, section="Methods")
    assert trial(facts, "acronym") == ["SUNRISE"]
    assert {"multicentre", "multicenter"} & set(trial(facts, "design"))


def test_conditions_come_from_the_title(tmp_path):
    facts = facts_of(tmp_path, "Patients were treated.",
                     title="Low-dose interleukin-2 in systemic lupus erythematosus: a phase II trial")
    assert trial(facts, "condition") == ["systemic lupus erythematosus"]
    assert trial(facts, "phase") == ["II"]


# -- interventions ---------------------------------------------------------------------
def test_doses_per_arm_share_a_coordinated_unit(tmp_path):
    body = ("Patients received arsenic trioxide intravenously at 0.10, 0.15 and 0.20 mg/kg per injection, "
            "on each of the first 4 days, then twice a week, i.e. 10 infusions within 24 days.")
    facts = facts_of(tmp_path, body, section="Methods",
                     title="Arsenic trioxide in systemic lupus erythematosus: a dose-escalation trial",
                     kind="intervention")
    values = sorted(f.fields["dose_value"] for f in facts)
    assert values == [0.10, 0.15, 0.20]
    f = one(facts, dose_value=0.15)
    assert f["dose_unit_label"] == "mg/kg"
    assert _label(f["route"]) == "intravenous"
    assert f["frequency"] == "daily for 4 days, then twice weekly"
    assert f["duration"] == "24 days"
    assert f["administrations"] == 10
    assert f["arm"] == "0.15 mg/kg group"


def test_loading_then_maintenance_schedule_and_unit_with_abbreviation(tmp_path):
    body = ("Patients received 1 million international units (MIU)/day of IL-2 for 5 days, followed by "
            "fortnightly injections for 6 months.")
    facts = facts_of(tmp_path, body, section="Methods",
                     title="Low-dose interleukin-2 in systemic sclerosis: an open-label study", kind="intervention")
    f = one(facts, dose_value=1.0)
    assert f["dose_unit_label"] == "MIU/day"
    assert _label(f["drug"]) == "interleukin-2"
    assert f["frequency"] == "daily for 5 days, then fortnightly"
    assert f["duration"] == "6 months"


def test_thresholds_changes_and_other_drugs_are_not_study_doses(tmp_path):
    body = ("Patients had to be receiving prednisone ≥ 10 mg/day. The median dosage of prednisone decreased "
            "from 12.25 mg/day at baseline to 6 mg/day at week 24. One patient received methotrexate 15 mg "
            "weekly. Seven patients reached the 7.5 mg/day target dose.")
    facts = facts_of(tmp_path, body, title="Arsenic trioxide in lupus: a pilot trial", kind="intervention")
    # no dose of the study drug is given here: the title names it (without a dose), the rest is background
    assert sorted((_label(f.fields["drug"]), f.fields["dose_value"] or 0, f.fields["role"]) for f in facts) == \
        [("arsenic trioxide", 0, "study"), ("methotrexate", 15.0, "concomitant")]


# -- endpoints --------------------------------------------------------------------------
def test_declared_endpoints_split_by_kind_with_timepoints(tmp_path):
    body = ("The primary endpoint was the occurrence of adverse events (AEs) and secondary endpoints were the "
            "number of SLE Responder Index 4 (SRI-4) responders at week 24 and reduction of corticosteroid "
            "dosage. At day 8, the co-primary endpoint (Treg frequency) was reached.")
    facts = facts_of(tmp_path, body, section="Methods", kind="endpoint")
    assert one(facts, name="occurrence of adverse events")["kind"] == "primary"
    sri = [f.fields for f in facts if _label(f.fields.get("instrument")) == "SRI-4"]
    assert sri and sri[0]["kind"] == "secondary" and sri[0]["timepoint"] == "week 24"
    assert one(facts, name="reduction of corticosteroid dosage")["kind"] == "secondary"
    assert one(facts, name="Treg frequency")["timepoint"] == "day 8"


# -- results ----------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, value, comparator, p", [
    ("Mean corticosteroid dosage decreased from 11.25 mg/day at baseline to 6 mg/day at W24 ($P < 0.01$).",
     "6", 11.25, 0.01),
    ("Median SLEDAI score at inclusion was 8 and decreased to 3.4 points at week 16 (p < .001).", "3.4", 8, 0.001),
    ("Median HAQ fell from 1.5 to 0.75 (P=0.0015).", "0.75", 1.5, 0.0015),
])
def test_changes_from_baseline_with_p_values(tmp_path, sentence, value, comparator, p):
    f = one(facts_of(tmp_path, sentence, kind="result"), value=value)
    assert f["numeric_comparator_value"] == comparator
    assert f["comparator_value"].startswith(str(comparator).rstrip("0").rstrip(".") if "." in str(comparator)
                                            else str(comparator))
    assert f["p_value"] == pytest.approx(p)


def test_responder_fractions_and_fold_changes(tmp_path):
    body = ("At W24, five patients among 10 were SRI-4 responders. Five (50%) patients had a 24-week SRI-4 "
            "response. The primary endpoint was reached with a 1.8±0.5-fold increase of Treg levels (p=0.0015). "
            "Six among 11 had a concomitant immunosuppressive treatment.")
    facts = facts_of(tmp_path, body, kind="result")
    values = {f.fields["value"] for f in facts}
    assert "5/10" in values and "5/10 (50%)" in values
    fold = one(facts, value="1.8±0.5")
    assert fold["p_value"] == pytest.approx(0.0015) and fold["sd"] == pytest.approx(0.5)
    assert "6/11" not in values  # a baseline description, not an outcome


# -- adverse events ---------------------------------------------------------------------
def test_adverse_events_in_sentences_with_count_grade_relatedness(tmp_path):
    body = ("One patient had moderate hypomagnesemia and hypokaliemia, five patients had diarrhoea and two "
            "patients had asymptomatic grade 1 QT prolongation. Two patients experienced grade 3 neutropenia "
            "related to treatment.")
    facts = facts_of(tmp_path, body, kind="adverse_event")
    assert one(facts, term="diarrhea")["count"] == 5
    assert one(facts, term="hypokalemia")["count"] == 1
    qt = [f.fields for f in facts if "QT" in _get(f, "term")]
    assert qt and qt[0]["count"] == 2 and qt[0]["grade"] == 1
    n = one(facts, term="neutropenia")
    assert (n["count"], n["grade"], n["related_to_drug"], n["negated"]) == (2, 3, True, False)


@pytest.mark.parametrize("sentence, term", [
    ("No dose-limiting toxicity (DLT) occurred.", "dose-limiting toxicity"),
    ("Both patients recovered in less than 5 days, without infection.", "infection"),
    ("IL-2 was well tolerated, and no serious adverse events related to treatment occurred.",
     "serious adverse event"),
    ("Febrile neutropenia was not observed.", "febrile neutropenia"),
])
def test_negated_adverse_events_are_negated_facts(tmp_path, sentence, term):
    f = one(facts_of(tmp_path, sentence, kind="adverse_event"), term=term)
    assert f["negated"] is True and f["count"] is None


def test_umbrella_terms_and_causes_are_not_events(tmp_path):
    body = ("Four SAEs occurred in four patients. One patient had a neuropathy concomitant with acute hepatitis "
            "A virus infection. Another had chronic cutaneous ulceration of a toe.")
    terms = {_get(f, "term") for f in facts_of(tmp_path, body, kind="adverse_event")}
    assert "serious adverse event" not in terms and "adverse event" not in terms
    assert not any("infection" in t for t in terms)
    assert not any("ulcer" in t for t in terms)


def test_ae_table_section_rows_and_footnotes(tmp_path):
    table = ("Table 1 Safety at week 24\n\n"
             "Adverse event\tn\n"
             "Treatment-emergent SAEs\t3\n"
             "Neutropenia*\t2\n"
             "Osteitis†\t1\n"
             "Treatment-related AEs (mild to moderate)\t9\n"
             "Anaemia (grade 2)\t2\n"
             "Rash\t7\n\n"
             "* In 2 patients also treated with MMF\n"
             "† Not related to the study drug\n")
    facts = facts_of(tmp_path, "The AEs are listed in Table 1.\n\n" + table, kind="adverse_event")
    n = one(facts, term="neutropenia")
    assert (n["count"], n["serious"]) == (2, True)
    o = one(facts, term="osteitis")
    assert (o["serious"], o["related_to_drug"]) == (True, False)
    a = one(facts, term="anemia")
    assert (a["count"], a["grade"], a["serious"], a["related_to_drug"]) == (2, 2, False, True)
    assert one(facts, term="rash")["count"] == 7


# -- mechanisms -------------------------------------------------------------------------
def test_mechanism_targets_after_one_verb(tmp_path):
    body = "At clinically relevant concentrations, As2O3 inhibits IFN-α secretion, via IRF7 [38]."
    facts = facts_of(tmp_path, body, section="Discussion", kind="mechanism")
    f = one(facts, target="IRF7")
    assert (_label(f["agent"]), f["relation"], f["cited"], f["hedged"]) == ("arsenic trioxide", "inhibits", True,
                                                                             False)
    assert one(facts, relation="inhibits", target=_label(facts[0].fields["target"]))


def test_coordinated_verbs_hedging_and_negation(tmp_path):
    body = ("Low-dose IL-2 activates and expands regulatory T cells. Tocilizumab may modulate Th17 cells. "
            "Rituximab did not increase Tregs.")
    facts = facts_of(tmp_path, body, section="Results", kind="mechanism")
    rels = {(_label(f.fields["agent"]), f.fields["relation"], _label(f.fields["target"])): f.fields for f in facts}
    assert ("interleukin-2", "activates", "regulatory T cell") in rels
    assert ("interleukin-2", "expands", "regulatory T cell") in rels
    assert rels[("tocilizumab", "modulates", "Th17 cell")]["hedged"] is True
    assert rels[("rituximab", "increases", "regulatory T cell")]["negated"] is True


def test_a_verb_whose_subject_is_another_cell_is_not_the_drugs(tmp_path):
    body = "Arsenic reduces the ability of dendritic cells to activate T cells in vitro."
    facts = facts_of(tmp_path, body, section="Discussion", kind="mechanism")
    assert not [f for f in facts if f.fields["relation"] == "activates"]


# -- participants ------------------------------------------------------------------------
def test_per_patient_table_rows_become_participants(tmp_path):
    table = ("Table 2 Patients and response at week 24\n\n"
             "Patient\tBaseline\t\tWeek 24\t\n"
             "\tSLEDAI\tDose mg/kg\tSLEDAI\tResponder\n"
             "1. F, 35\t10\t0.10\t8\tNo\n"
             "2. F, 41\t12\t0.10\t2\tYes\n"
             "3. M, 37\t6\t0.20\t2\tYes\n")
    facts = facts_of(tmp_path, table, kind="participant")
    by_label = {f.fields["label"]: f.fields for f in facts}
    assert set(by_label) == {"1", "2", "3"}
    assert by_label["2"]["dose_group"] == "0.10 mg/kg" and by_label["2"]["responder"] is True
    assert by_label["1"]["responder"] is False
    visits = {(o["variable"], o["visit"]) for o in by_label["3"]["_observations"]}
    assert ("SLEDAI", "Week 24") in visits and ("SLEDAI", "Baseline") in visits


def _label(v):
    return getattr(v, "label", v)


# -- the seed corpus ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus_facts():
    out = {}
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        document = read(path)
        out[document.id] = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    return out


def test_corpus_lupsenic_has_each_fact_kind(corpus_facts):
    facts = corpus_facts["lupsenic-ato-sle-2021"]
    assert set(trial(facts, "registry_id")) == {"NCT01738360", "2012-002259-40"}
    assert trial(facts, "acronym") == ["LUPSENIC"]
    doses = {f.fields["dose_value"] for f in facts if f.kind == "intervention" and f.fields["role"] == "study"}
    assert doses == {0.1, 0.15, 0.2}
    n = one([f for f in facts if f.kind == "adverse_event"], term="neutropenia", negated=False)
    assert (n["grade"], n["count"], n["serious"]) == (3, 2, True)
    assert one([f for f in facts if f.kind == "adverse_event"], term="dose-limiting toxicity")["negated"] is True
    mech = {(f.fields["relation"], _label(f.fields["target"])) for f in facts if f.kind == "mechanism"}
    assert ("inhibits", "IRF7") in mech
    assert ("increases", "regulatory T cell") in mech
    assert len([f for f in facts if f.kind == "participant"]) == 20  # Table 2 and Table 3 rows


def test_corpus_record_yields_each_abstract_fact_once(corpus_facts):
    facts = corpus_facts["transreg-il2-ssc-2024"]
    results = [f for f in facts if f.kind == "result"]
    assert [f.fields["value"] for f in results if f.fields["numeric_value"] is not None] == ["1.8±0.5"]
    keys = [(f.fields["measure"], f.fields["value"]) for f in results]
    assert len(keys) == len(set(keys))
    assert trial(facts, "phase") == ["I/IIa"] and trial(facts, "n_enrolled") == [9]
    sae = one([f for f in facts if f.kind == "adverse_event"], term="serious adverse event")
    assert sae["negated"] is True and sae["related_to_drug"] is True


def test_ae_table_with_arms_takes_the_study_drug_column(tmp_path):
    table = ("Table 3 Adverse events by arm\n\n"
             "Event\tPlacebo (n = 20)\tTocilizumab (n = 21)\n"
             "Any adverse event\t15 (75%)\t18 (86%)\n"
             "Headache\t3 (15%)\t5 (24%)\n"
             "Nausea\t2 (10%)\t4 (19%)\n")
    facts = facts_of(tmp_path, "Safety data are shown in Table 3.\n\n" + table, kind="adverse_event",
                     title="Tocilizumab in systemic sclerosis: a randomised placebo-controlled trial")
    assert one(facts, term="headache")["count"] == 5
    assert one(facts, term="nausea")["count"] == 4
    assert not [f for f in facts if _get(f, "term") == "adverse event"]


def test_counts_written_before_with_percent_and_umbrella_not_negated_by_far_cue(tmp_path):
    body = ("Headache occurred in 5 patients (25%). 3 (15%) patients reported fatigue. "
            "No patient discontinued treatment because of AEs.")
    facts = facts_of(tmp_path, body, kind="adverse_event")
    assert one(facts, term="headache")["count"] == 5
    assert one(facts, term="fatigue")["count"] == 3
    assert not [f for f in facts if _get(f, "term") == "adverse event"]


def test_group_comparisons_and_effect_estimates_with_their_own_p_values(tmp_path):
    body = ("Maternal HEI was significantly improved at both 28 (73.35 ± 6.62 versus 71.86 ± 7.01; adjusted "
            "difference in means 1.58; 95% CI 0.89 to 2.27; P < 0.0001) and 36 weeks (72.95 ± 6.82 versus "
            "71.17 ± 7.60; P = 0.002). The response rate was 45% versus 20% with placebo (odds ratio 3.2, "
            "95% CI 1.4 to 7.1; P=.004).")
    facts = facts_of(tmp_path, body, kind="result")
    first = one(facts, value="73.35 ± 6.62")
    assert first["comparator_value"] == "71.86 ± 7.01" and first["p_value"] == pytest.approx(0.0001)
    assert first["measure"] == "Maternal HEI"
    est = one(facts, value="1.58; 95% CI 0.89 to 2.27")  # an estimate keeps its CI as written
    assert (est["ci_low"], est["ci_high"]) == (pytest.approx(0.89), pytest.approx(2.27))
    assert one(facts, value="72.95 ± 6.82")["p_value"] == pytest.approx(0.002)
    assert one(facts, value="45%")["numeric_comparator_value"] == pytest.approx(20)
    odds = one(facts, value="3.2, 95% CI 1.4 to 7.1")
    assert odds["p_value"] == pytest.approx(0.004) and odds["ci_high"] == pytest.approx(7.1)


def test_a_randomised_abstract_end_to_end(tmp_path):
    """An abstract in the usual structured form: every fact kind from one paragraph each."""
    title = ("Efficacy and safety of low-dose interleukin-2 in patients with systemic lupus erythematosus: "
             "a randomised, double-blind, placebo-controlled trial")
    body = ("Methods: In this double-blind, placebo-controlled trial, 60 patients with active SLE were randomly "
            "assigned (1:1) to receive IL-2 (1 million IU) or placebo subcutaneously every other day for 2 weeks. "
            "The primary endpoint was the SRI-4 response rate at week 24.\n\n"
            "Results: At week 24, the SRI-4 response rate was 65.52% in the IL-2 group and 36.67% in the placebo "
            "group (p=0.027). Low-dose IL-2 expanded regulatory T cells and decreased follicular helper T cells. "
            "No serious infections were observed in the IL-2 group. Injection-site reactions occurred in 11 "
            "patients (36.7%).")
    facts = facts_of(tmp_path, body, section="Abstract", title=title)
    assert trial(facts, "n_enrolled") == [60]
    dose = one([f for f in facts if f.kind == "intervention"], dose_value=1.0)
    assert (dose["dose_unit_label"], _label(dose["route"]), dose["frequency"]) == ("MIU", "subcutaneous",
                                                                                   "every other day")
    result = one([f for f in facts if f.kind == "result"], value="65.52%")
    assert result["comparator_value"] == "36.67%" and result["p_value"] == pytest.approx(0.027)
    assert result["measure"] == "SRI-4 response rate"
    aes = [f for f in facts if f.kind == "adverse_event"]
    assert one(aes, term="serious infection")["negated"] is True
    assert one(aes, term="injection site reaction")["count"] == 11
    mech = {(f.fields["relation"], _label(f.fields["target"])) for f in facts if f.kind == "mechanism"}
    assert ("expands", "regulatory T cell") in mech
    assert any(rel == "decreases" and "follicular" in target.lower() for rel, target in mech)


def test_trial_period_sites_analysed_and_sponsor(tmp_path):
    methods = ("The study was conducted between July 2013 and October 2015 and included patients from 3 "
               "university hospitals in France (Nantes, Lille, Paris).")
    results = "Among 10 patients assessed for efficacy, nine received all infusions."
    funding = "ACME Pharma funded the study but had no role in its analysis."
    path = tmp_path / "t.txt"
    path.write_text(f"{TITLE}\n\nMethods\n\n{methods}\n\nResults\n\n{results}\n\nFunding\n\n{funding}\n",
                    encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    assert trial(facts, "start_date") == ["July 2013"] and trial(facts, "end_date") == ["October 2015"]
    assert trial(facts, "site") == ["Nantes, France", "Lille, France", "Paris, France"]
    assert trial(facts, "n_analysed") == [10]
    assert trial(facts, "sponsor") == ["ACME Pharma"]


def test_a_text_without_any_structure_is_still_read(tmp_path):
    path = tmp_path / "bare.txt"
    path.write_text("Tocilizumab was given to 20 patients. Headache occurred in 4 patients. No deaths occurred. "
                    "Tocilizumab decreased IL-17 levels.\n", encoding="utf-8")
    document = read(path)
    facts = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    aes = [f for f in facts if f.kind == "adverse_event"]
    assert one(aes, term="headache")["count"] == 4
    assert one(aes, term="death")["negated"] is True
    assert [f for f in facts if f.kind == "mechanism" and f.fields["relation"] == "decreases"]


def test_slash_fractions_and_grade_at_least(tmp_path):
    body = ("An ACR20 response was achieved by 12/20 patients. Grade ≥3 neutropenia occurred in 2 patients.")
    facts = facts_of(tmp_path, body)
    assert one([f for f in facts if f.kind == "result"], value="12/20")
    assert one([f for f in facts if f.kind == "adverse_event"], term="neutropenia")["grade"] == 3


def test_passive_mechanism_statements(tmp_path):
    body = "Treg frequency was significantly increased by low-dose IL-2, whereas Th17 cells were not affected."
    facts = facts_of(tmp_path, body, kind="mechanism")
    f = one(facts, target="regulatory T cell")
    assert (_label(f["agent"]), f["relation"], f["negated"]) == ("interleukin-2", "increases", False)


def test_twice_daily_oral_dose(tmp_path):
    body = "Patients received tofacitinib 5 mg orally twice daily for 12 weeks."
    facts = facts_of(tmp_path, body, section="Methods", kind="intervention",
                     title="Tofacitinib in systemic lupus erythematosus: a phase Ib trial")
    f = one(facts, dose_value=5.0)
    assert (f["dose_unit_label"], _label(f["route"]), f["frequency"], f["duration"]) == \
        ("mg", "oral", "twice daily", "12 weeks")
