"""The name check run after every extractor (kg/extract/names.py): each class of fragment, in
at least two phrasings written for these tests, trimmed to the thing it names or refused; and
on facts, names replaced with evidence still exact. Nothing here is copied from a paper.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all, extractors
from kg.extract.base import Context, Fact
from kg.extract.names import flaw, review, trim
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read


# -- trimming: what is cut off a name ---------------------------------------------------------
@pytest.mark.parametrize("kind, name, trimmed", [
    # leading connectors, prepositions and determiners
    ("result", "in the nicotine patch group", "nicotine patch group"),
    ("result", "Moreover, the walking distance", "walking distance"),
    ("result", "as well as anxiety scores", "anxiety scores"),
    ("result", "or sleep quality", "sleep quality"),
    # enumerators opening a list item
    ("endpoint", "ii) time to first relapse", "time to first relapse"),
    ("endpoint", "(b) serum ferritin", "serum ferritin"),
    ("endpoint", "2) quality of life", "quality of life"),
    # a closing bracket whose opening one was cut off, a dangling opening one
    ("endpoint", "exacerbation frequency)", "exacerbation frequency"),
    ("endpoint", "grip strength (kg", "grip strength"),
    ("endpoint", "IL-6 (pg/ml)", "IL-6 (pg/ml)"),
    # trailing function words, dangling comparatives, verbs the name ran into
    ("endpoint", "plasma cortisol concentration of more", "plasma cortisol concentration"),
    ("endpoint", "step count in addition to", "step count"),
    ("intervention", "mindfulness training continued", "mindfulness training"),
    ("intervention", "group counselling participated", "group counselling"),
    ("result", "pain intensity seemed", "pain intensity"),
    # a finite verb or a relative clause inside
    ("result", "fatigue scores were not different", "fatigue scores"),
    ("result", "relapse rate which fell", "relapse rate"),
    # quotes around the name, a number range the sentence broke off
    ("result", "“emotional role”", "emotional role"),
    ("result", "nausea lasting from 3–", "nausea lasting"),
    # a time span closing an adverse-event term belongs to its timepoint
    ("adverse_event", "mild headache during the first week", "mild headache"),
    ("adverse_event", "skin rash the first three days", "skin rash"),
])
def test_trim(kind, name, trimmed):
    assert trim(name, kind) == trimmed


@pytest.mark.parametrize("kind, name", [
    ("endpoint", "grade 3 neutropenia"), ("endpoint", "HbA1c at week 12"), ("endpoint", "overall survival"),
    ("result", "Pain score, range 0 to 10"), ("endpoint", "probability of being readmitted"),
])
def test_trim_keeps_whole_names(kind, name):
    assert trim(name, kind) == name


# -- what names nothing -----------------------------------------------------------------------
@pytest.mark.parametrize("kind, name", [
    # ordinals, bare measures, document words
    ("endpoint", "second"), ("endpoint", "medians"), ("endpoint", "continuous"),
    ("endpoint", "supplementary table"), ("endpoint", "see the web appendix"),
    # aims and clauses, verb phrases
    ("endpoint", "evaluate patient satisfaction"), ("endpoint", "examine costs"),
    ("endpoint", "added to the data sheet"), ("result", "associated with lower weight"),
    ("result", "lowering the cost of care"), ("result", "were similar in both arms"),
    ("result", "likely to attend"), ("endpoint", "reported"),
    # counts of people, populations, groups of the trial
    ("result", "Three patients"), ("result", "four of these participants"), ("result", "Subjects"),
    ("result", "the placebo arm"), ("result", "both groups"), ("endpoint", "a novel telephone-based intervention"),
    # generic words alone
    ("result", "other factors"), ("result", "value"), ("adverse_event", "serious complication"),
    ("adverse_event", "minor"), ("intervention", "nine capsules"), ("intervention", "randomisation"),
    ("intervention", "three meals"),
])
def test_names_nothing(kind, name):
    assert flaw(trim(name, kind), kind) is not None


@pytest.mark.parametrize("kind, name", [
    ("endpoint", "response rate"), ("endpoint", "clinical improvement"), ("endpoint", "follow-up rate"),
    ("endpoint", "time to next treatment"), ("result", "reduced daily energy intake"),
    ("adverse_event", "bleeding in the gums"), ("adverse_event", "injection-site swelling"),
    ("adverse_event", "worsening of asthma"), ("intervention", "supervised walking"),
    ("intervention", "flaxseed"), ("intervention", "dietary advice"), ("endpoint", "skin-related quality of life"),
    ("result", "efficacy"), ("mechanism", "regulatory T cells"),
])
def test_real_names_stand(kind, name):
    assert flaw(trim(name, kind), kind) is None


def test_an_intervention_is_no_measure():
    assert flaw("ketamine", "result", frozenset({"ketamine"})) == "an intervention"
    assert flaw("ketamine", "intervention", frozenset({"ketamine"})) is None


# -- on facts ---------------------------------------------------------------------------------
TEXT = ("A made-up trial of a made-up tea, written for the name tests\n\n"
        "Results\n\n"
        "Sleep latency fell in the green tea group (p = 0.02). Two patients withdrew. "
        "The secondary outcomes were similar. Participants of the herbal tea drinking arm "
        "reported less fatigue. Outcomes: iii) daytime sleepiness.\n")


@pytest.fixture()
def ctx(tmp_path: Path) -> Context:
    path = tmp_path / "names.txt"
    path.write_text(TEXT, encoding="utf-8")
    document = read(path)
    return Context(document, get_nlp()(document.text), load_lexicon())


def _span(ctx: Context, words: str):
    start = ctx.document.text.index(words)
    return ctx.evidence(start, start + len(words))


def test_review_trims_drops_and_keeps_spans_exact(ctx):
    text = ctx.document.text
    lex = ctx.lexicon
    ctx.facts = [
        Fact("endpoint", {"name": "iii) daytime sleepiness", "kind": None}, [_span(ctx, "iii) daytime sleepiness")],
             "t", "t", surface="iii) daytime sleepiness"),
        Fact("result", {"measure": "in the green tea group", "value": "fell", "p_value": 0.02},
             [_span(ctx, "Sleep latency fell in the green tea group (p = 0.02)")], "t", "t", 0.8),
        Fact("result", {"measure": "Two patients", "value": "withdrew"}, [_span(ctx, "Two patients withdrew")],
             "t", "t", 0.8),
        Fact("result", {"measure": "The secondary outcomes", "value": "similar"},
             [_span(ctx, "The secondary outcomes were similar")], "t", "t", 0.8),
        Fact("intervention", {"drug": lex.discover("Drug", "herbal tea drinking arm", "arm")},
             [_span(ctx, "herbal tea drinking arm")], "t", "t", surface="herbal tea drinking arm"),
        Fact("intervention", {"drug": lex.discover("Drug", "the herbal tea", "arm")},
             [_span(ctx, "the herbal tea")], "t", "t", surface="the herbal tea"),
    ]
    out = review(ctx)
    by_kind = {}
    for f in out:
        by_kind.setdefault(f.kind, []).append(f)
    (endpoint,) = by_kind["endpoint"]
    assert endpoint.fields["name"] == "daytime sleepiness" == endpoint.surface
    assert text[endpoint.evidence[0].start:endpoint.evidence[0].end] == "daytime sleepiness"
    # a result whose measure names nothing keeps its finding without a measure, at a lower confidence
    # (with a number, without a measure; a finding in words with the words it was read with)
    measured = {f.fields["value"]: f for f in by_kind["result"]}
    assert sorted(measured) == ["fell", "similar", "withdrew"]
    assert all(f.confidence < 0.8 for f in measured.values())
    assert measured["fell"].fields["measure"] is None and measured["fell"].fields["p_value"] == 0.02
    assert measured["similar"].fields["measure"] == "The secondary outcomes"
    # the drug phrase "the herbal tea" loses its article and takes the concept of that name
    labels = sorted(f.fields["drug"].label for f in by_kind["intervention"])
    assert "herbal tea" in labels and "the herbal tea" not in labels
    for f in out:
        for ev in f.evidence:
            assert text[ev.start:ev.end] and text[ev.start:ev.end] == text[ev.start:ev.end].strip()


def test_trimming_merges_facts_it_makes_identical(ctx):
    lex = ctx.lexicon
    ctx.facts = [
        Fact("intervention", {"drug": lex.discover("Drug", "green tea", "arm")}, [_span(ctx, "green tea")], "t", "t",
             surface="green tea"),
        Fact("intervention", {"drug": lex.discover("Drug", "green tea fell", "arm")}, [_span(ctx, "green tea group")],
             "t", "t", surface="green tea fell"),
    ]
    (merged,) = review(ctx)
    assert merged.fields["drug"].label == "green tea" and len(merged.evidence) == 2


# -- wired into extract_all -------------------------------------------------------------------
FULLTEXT = """A made-up randomised trial of a made-up lozenge for sore throat, written for the name tests

Methods

Adults with acute sore throat were randomised to zinc lozenges or placebo lozenges. The primary outcome was
throat pain at day 3. Secondary outcomes were (i) time to recovery, (ii) use of rescue analgesics and (iii)
days off work. Further analyses were done separately and are described in the web appendix.

Results

In the zinc group, 21 of 40 participants recovered by day 5, compared with 12 of 41 in the placebo group
(p = 0.04). Two patients reported nausea. There were no differences in days off work.
"""


def test_extract_all_leaves_no_nameless_fact(tmp_path: Path):
    path = tmp_path / "lozenge.txt"
    path.write_text(FULLTEXT, encoding="utf-8")
    document = read(path)
    doc = get_nlp()(document.text)
    ctx = extract_all(document, doc, load_lexicon())
    naming = {"endpoint": ["name"], "result": ["measure"], "intervention": ["drug"], "adverse_event": ["term"]}
    arms = frozenset(f.fields["drug"].label for f in ctx.facts if f.kind == "intervention")
    seen = 0
    for f in ctx.facts:
        for field in naming.get(f.kind, ()):
            value = f.fields.get(field)
            name = getattr(value, "label", value)
            if name is None:
                assert f.kind == "result"
                continue
            seen += 1
            assert flaw(name, f.kind, arms) is None, (f.kind, name)
        for ev in f.evidence:
            assert document.text[ev.start:ev.end].strip()
    assert seen >= 3
    # the extractors alone do give such names here, so the check is what removed them
    raw = Context(document, doc, load_lexicon())
    for module in extractors():
        raw.facts.extend(module.extract(raw))
    endpoint_names = [f.fields["name"] for f in raw.facts if f.kind == "endpoint"]
    assert any(trim(n, "endpoint") != n or flaw(n, "endpoint") for n in endpoint_names), endpoint_names


@pytest.mark.parametrize("name", [
    "among adults assigned to either diet", "women with a prior stroke", "volunteers receiving the booster",
    "the sertraline arm (or)", "Lithium group (hazard ratio)", "SD", "95% CI",
])
def test_populations_groups_and_statistics_name_no_measure(name):
    assert flaw(trim(name, "result"), "result") is not None


def test_a_combination_of_the_papers_arms_is_no_endpoint():
    arms = frozenset({"artesunate", "mefloquine"})
    assert flaw("artesunate plus mefloquine combination", "endpoint", arms) == "an intervention"
    assert flaw("mefloquine with artesunate", "result", arms) == "an intervention"
    assert flaw("artesunate plasma levels", "result", arms) is None


def test_a_relative_clause_stays_where_it_makes_the_name(ctx):
    ctx.facts = [
        Fact("result", {"measure": "share of children who needed rescue inhalers", "value": "12%"},
             [_span(ctx, "Sleep latency")], "t", "t", 0.8),
        Fact("result", {"measure": "Children who needed rescue inhalers", "value": "12%"},
             [_span(ctx, "Sleep latency")], "t", "t", 0.8),
        Fact("result", {"measure": "Patients were", "value": "12%"}, [_span(ctx, "Sleep latency")], "t", "t", 0.8),
    ]
    assert [f.fields["measure"] for f in review(ctx)] == ["share of children who needed rescue inhalers", None, None]


@pytest.mark.parametrize("name, trimmed", [
    ("After six months the change in waist circumference", "change in waist circumference"),
    ("In the per-protocol set these odds of relapse", "odds of relapse"),
])
def test_a_phrase_the_name_ran_into_is_cut(name, trimmed):
    assert trim(name, "result") == trimmed


@pytest.mark.parametrize("kind, name", [
    ("intervention", "app-based"), ("adverse_event", "injection-related"), ("result", "elderly men"),
    ("result", "Hispanic adolescents"), ("result", "especially"),
])
def test_modifiers_without_a_noun_and_populations(kind, name):
    assert flaw(trim(name, kind), kind) is not None


def test_a_trimmed_arm_takes_the_clean_label(ctx):
    ctx.facts = [Fact("intervention", {"drug": ctx.lexicon.discover("Drug", "slow-release-", "arm")},
                      [_span(ctx, "green tea")], "t", "t", surface="SR")]
    (f,) = review(ctx)
    assert f.fields["drug"].label == "slow-release"


@pytest.mark.parametrize("name, trimmed", [
    ("dose) to evaluate the glucose target", "evaluate the glucose target"),
    ("of care) walking distance", "walking distance"),
    ("CRP) (mg/l)", "CRP (mg/l)"),
])
def test_the_end_of_a_bracket_the_name_began_in(name, trimmed):
    assert trim(name, "result") == trimmed


@pytest.mark.parametrize("name", ["Nine out of ten rats", "4 of the 15 clinics"])
def test_counts_of_units_name_no_measure(name):
    assert flaw(trim(name, "result"), "result") == "a count of the units studied"


def test_a_name_of_nothing_takes_another_wording_of_the_fact(ctx):
    ctx.facts = [
        Fact("endpoint", {"name": "last", "kind": None, "_surfaces": ["last (PEF)"]},
             [_span(ctx, "Sleep latency")], "t", "t", surface="last"),
        Fact("endpoint", {"name": "the third", "kind": None, "_surfaces": ["in the daytime sleepiness score"]},
             [_span(ctx, "Sleep latency")], "t", "t", surface="the third"),
    ]
    assert sorted(f.fields["name"] for f in review(ctx)) == ["PEF", "daytime sleepiness score"]


def test_a_results_statistic_in_brackets_is_not_its_measure(ctx):
    ctx.facts = [Fact("result", {"measure": "Placebo group (odds ratio)", "value": "1.4"},
                      [_span(ctx, "Sleep latency")], "t", "t", 0.8, surface="Placebo group (odds ratio)")]
    (f,) = review(ctx)
    assert f.fields["measure"] is None


@pytest.mark.parametrize("kind, name", [
    ("endpoint", "the main hypothesis"), ("endpoint", "secondary aims"), ("adverse_event", "percent"),
    ("result", "October 12"), ("result", "median (range)"),
])
def test_research_words_dates_and_statistics_name_nothing(kind, name):
    assert flaw(trim(name, kind), kind) is not None


def test_an_arm_phrase_does_not_unname_a_measure_of_the_same_words(ctx):
    lex = ctx.lexicon
    ctx.facts = [
        Fact("intervention", {"drug": lex.discover("Drug", "sleep latency", "arm")}, [_span(ctx, "Sleep latency")],
             "t", "t", surface="Sleep latency"),
        Fact("result", {"measure": "Sleep latency", "value": "fell", "p_value": 0.02},
             [_span(ctx, "Sleep latency fell")], "t", "t", 0.8),
    ]
    assert [f.fields.get("measure") for f in review(ctx) if f.kind == "result"] == ["Sleep latency"]
