"""Findings whose measure the reader named by a generic word: the measure is the quantity the
sentence names elsewhere. Classes: a generic change head with the measures in a phrase after it
('greater improvements were noted for the A group for X and for Y'); a significant difference,
change or effect found in X; 'between-group difference' after a finding of the same sentence;
the share of responders as a measure. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest
from test_results_unseen_phrasings import facts_of

from kg.extract.names import flaw
from kg.extract.results import read_sentence


def _read(sentence: str) -> list[tuple[str, str]]:
    return [(f.measure, f.value) for f in read_sentence(sentence, reports=True)]


# -- a generic head, its measures in a phrase after it ------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Markedly greater improvements were noted for the oat bran arm for waist circumference and for "
     "triglyceride levels.",
     [("waist circumference", "Markedly greater improvements"),
      ("triglyceride level", "Markedly greater improvements")]),
    ("Greater reductions at month 6 were seen in the lozenge group for craving, irritability and restlessness "
     "scores.",
     [("craving", "Greater reductions"), ("irritability", "Greater reductions"),
      ("restlessness score", "Greater reductions")]),
    ("Larger gains were observed with the protein drink in grip strength and gait speed (p < 0.05).",
     [("grip strength", "Larger gains"), ("gait speed", "Larger gains")]),
])
def test_generic_head_takes_the_measures_named_after_it(sentence, expected):
    got = _read(sentence)
    assert [m for m, _ in got] == [m for m, _ in expected]
    assert all(v.lower().startswith(w.split()[0].lower()) for (_, v), (_, w) in zip(got, expected))
    assert not any(m in ("improvements", "reductions", "gains") for m, _ in got)


@pytest.mark.parametrize("sentence, head", [
    ("Greater improvements were seen in the massage group.", "improvements"),
    ("Significantly greater reductions were reported for the children at week 4.", "reductions"),
])
def test_generic_head_keeps_its_word_when_only_groups_people_or_times_follow(sentence, head):
    assert [m for m, _ in _read(sentence)] == [head]


@pytest.mark.parametrize("text", [
    "additional benefits to usual care in a representative asthma population.",
    "greater gains in an unselected sample at week 12.",
])
def test_a_population_or_sample_after_the_head_names_no_measure(text):
    from kg.extract.results import _named_in_phrase
    assert _named_in_phrase(text, text.index(" ")) == []


# -- a difference, change or effect found in X --------------------------------------------------
@pytest.mark.parametrize("sentence, expected, p", [
    ("A significant between-group difference was found in the change of nocturnal awakenings (p = 0.04).",
     ("nocturnal awakenings", "significant between-group difference"), "p = 0.04"),
    ("A highly significant difference was observed in shuttle walk distance between the two arms (P < 0.001).",
     ("shuttle walk distance", "highly significant difference"), "P < 0.001"),
])
def test_significant_difference_found_in_names_its_measure(sentence, expected, p):
    found = read_sentence(sentence, reports=True)
    assert [(f.measure, f.value) for f in found] == [expected]
    assert found[0].p is not None and found[0].p.text == p


def test_non_significant_changes_found_in_a_list():
    got = _read("Non significant changes were found in ferritin and hepcidin levels (Table 3).")
    assert got == [("ferritin", "Non significant changes"), ("hepcidin level", "Non significant changes")]


def test_significant_difference_found_in_a_group_names_no_measure():
    assert [m for m, _ in _read("Significant differences were found in the placebo group (p = 0.01).")] == ["value"]


# -- 'the between-group difference' after a finding of the same sentence -----------------------
@pytest.mark.parametrize("sentence, measure", [
    ("The lotion significantly reduced the itch score in the active arm (p = 0.002), and the between-group "
     "difference was significant (p = 0.01).", "itch score"),
    ("Resting heart rate fell significantly with the beta-blocker (p < 0.001), and the intergroup difference "
     "was significant (p = 0.03).", "Resting heart rate"),
])
def test_between_group_difference_is_about_the_finding_before_it(sentence, measure):
    found = read_sentence(sentence, reports=True)
    second = [f for f in found if f.p is not None and f.p.text.endswith(("0.01", "0.03"))]
    assert [f.measure for f in second] == [measure]


# -- the share of responders names a measure ----------------------------------------------------
@pytest.mark.parametrize("name", ["proportion of responders", "percentage of non-responders",
                                  "number of remitters"])
def test_share_of_responders_is_a_result_measure(name):
    assert flaw(name, "result") is None


@pytest.mark.parametrize("name", ["responders", "proportion of patients", "number of participants"])
def test_people_alone_still_name_nothing(name):
    assert flaw(name, "result") is not None


@pytest.mark.parametrize("body, measure", [
    ("There was a significant difference in the proportion of responders between the two arms (P = 0.03).",
     "proportion of responders"),
    ("The percentage of remitters did not differ between the groups (p = 0.41).", "percentage of remitters"),
])
def test_share_of_responders_reaches_the_facts(tmp_path, body, measure):
    text, facts = facts_of(tmp_path, body)
    assert [f.fields["measure"] for f in facts] == [measure]
    ev = facts[0].evidence[0]
    assert measure in text[ev.start:ev.end]


# -- a finding in words that names nothing a reader can place is dropped -------------------------
_TEXT = ("A made-up trial of a made-up lozenge, written for the unnamed-finding tests\n\n"
         "Results\n\n"
         "Throat pain was significantly lower. The lozenge helped; night-time cough occurred less often. "
         "The scores were similar. Relief was faster (p = 0.03).\n")


def test_words_only_finding_without_a_name_is_dropped(tmp_path):
    from kg.extract.base import Context, Fact
    from kg.extract.names import review
    from kg.lexicon import load_lexicon
    from kg.nlp import get_nlp
    from kg.readers import read

    path = tmp_path / "unnamed.txt"
    path.write_text(_TEXT, encoding="utf-8")
    document = read(path)
    ctx = Context(document, get_nlp()(document.text), load_lexicon())

    def span(words):
        start = document.text.index(words)
        return ctx.evidence(start, start + len(words))

    ctx.facts = [
        Fact("result", {"measure": "value", "value": "significantly lower"}, [span("significantly lower")],
             "t", "t", 0.8),
        Fact("result", {"measure": "occurred", "value": "less often"}, [span("occurred less often")], "t", "t", 0.8),
        Fact("result", {"measure": "lozenge", "value": "helped"}, [span("lozenge helped")], "t", "t", 0.8),
        Fact("result", {"measure": "scores", "value": "similar"}, [span("scores were similar")], "t", "t", 0.8),
        Fact("result", {"measure": "value", "value": "faster", "p_value": 0.03}, [span("faster (p = 0.03)")],
             "t", "t", 0.8),
    ]
    ctx.facts.append(Fact("intervention", {"drug": ctx.lexicon.discover("Drug", "lozenge", "arm"), "dose_value": 5},
                          [span("lozenge")], "t", "t", surface="lozenge"))
    kept = {f.fields["value"]: f.fields["measure"] for f in review(ctx) if f.kind == "result"}
    # the placeholder, the lone verb and the arm go; the text's own generic noun stays; a test keeps its finding
    assert kept == {"similar": "scores", "faster": None}


@pytest.mark.parametrize("body", [
    "There was no difference between the analgesic effect of morphine and morphine in combination with ketamine.",
    "No difference was found between the hypnotic effect of zolpidem and zolpidem in combination with melatonin.",
])
def test_an_arm_read_as_the_measure_of_a_finding_in_words_is_no_finding(tmp_path, body):
    _, facts = facts_of(tmp_path, body)
    assert not any((f.fields.get("measure") or "") in ("combination", "value") for f in facts)


@pytest.mark.parametrize("sentence", [
    "Secondary outcomes (n = 64) did not differ between the arms.",
    "The primary outcomes (see Table 2) did not differ between the arms.",
])
def test_a_bracket_of_counts_or_pointers_lists_no_measures(sentence):
    assert all("outcomes" in m for m, _ in _read(sentence))


# -- across a clause that names only the other group, the difference is the same measure's ----------
@pytest.mark.parametrize("body, measure, p", [
    ("Body weight was stable in both arms. Waist circumference fell significantly in the fibre arm (p = 0.003), "
     "but there was no change in the control arm (p = 0.9), and the between-group difference was significant "
     "(p = 0.01).", "Waist circumference", 0.01),
    ("Appetite was unchanged. Serum zinc rose significantly in Group Z (p < 0.001), but there was no change in "
     "Group P (p = 0.7), and the intergroup difference was significant (p = 0.002).", "Serum zinc", 0.002),
])
def test_between_group_difference_after_the_other_groups_clause(tmp_path, body, measure, p):
    _, facts = facts_of(tmp_path, body)
    assert measure in [f.fields["measure"] for f in facts if f.fields.get("p_value") == p]
    # the sentence before is no longer the topic once this sentence has named its measure
    assert not any(f.fields["measure"] in ("Body weight", "Appetite") and f.fields.get("p_value") == p
                   for f in facts)


def test_another_measure_between_keeps_the_difference_apart():
    got = {(f.measure, f.p.fields["p"]) for f in read_sentence(
        "Itching fell significantly in Arm 1 (p = 0.01), redness was unchanged in Arm 2 (p = 0.8), and the "
        "between-group difference was significant (p = 0.04).") if f.p is not None}
    assert ("Itching", 0.04) not in got


@pytest.mark.parametrize("sentence, expected", [
    ("The mean change in the symptom index was -4.2 with drug W and -1.9 with placebo (p = 0.01).",
     "mean change in the symptom index"),
    ("The reduction in the nightly cough count did not differ between the arms (p = 0.40).",
     "reduction in the nightly cough count"),
])
def test_a_change_noun_keeps_the_measure_after_in_the(sentence, expected):
    """'in the' after a change noun names what changed, not a group: the measure runs on."""
    assert expected in [f.measure for f in read_sentence(sentence)]


def test_in_the_group_after_a_change_noun_still_ends_the_measure():
    got = [f.measure for f in read_sentence(
        "The mean change in the active treatment group was -4.2 versus -1.9 in the placebo group (p = 0.01).")]
    assert got and all("group" not in m for m in got)
