"""Guarded patterns (kg.extract.base.Guarded) find exactly what their unguarded patterns find:
the guard only skips sentences where the pattern cannot match."""

from __future__ import annotations

import re

from kg.extract import adverse_events, endpoints, interventions, mechanism_clauses, trial
from kg.extract.base import Guarded

# written for this test, in several layouts: arms, administration, comparisons, classes, registries
SENTENCES = [
    "Patients in the treatment group received oral zinc supplementation twice daily for 12 weeks.",
    "Forty adults were given either a placebo capsule or 20 mg of lisinopril at bedtime.",
    "The exercise arm versus the usual care arm showed no difference in fatigue scores.",
    "Celecoxib, a COX-2 inhibitor, was compared with naproxen in the intervention arm.",
    "Participants taking angiotensin receptor blockers (losartan, valsartan) were excluded.",
    "Registered at ClinicalTrials.gov (NCT01234567) and ISRCTN 12345678; see also ACTRN12612000123456.",
    "Vitamin D vs. placebo: serum calcium concentrations rose in both groups.",
    "No intervention was given; the cohort was observed for two years.",
    "The primary endpoint was the change in HbA1c at 24 weeks; secondary outcomes included weight.",
    "Mortality at 90 days was the primary outcome measure of the trial.",
    "TREATMENT GROUP: acupuncture sessions (n = 30); CONTROL GROUP: sham acupuncture (n = 30).",
    "Patients given the drug were more likely to complete the programme; it had no effect on pain.",
    "The programme significantly reduced the number of falls, with trends favouring exercise for mobility.",
    "",
]


def _guarded_patterns() -> list[Guarded]:
    found: list[Guarded] = []
    for table in (interventions.rules(), mechanism_clauses.data(), adverse_events._attr()):
        for value in table.values():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, Guarded):
                    found.append(item)
    found += [rx for rx, *_rest in trial._registries()]
    found += [rx for rx in endpoints._cues().declared if isinstance(rx, Guarded)]
    found += [f() for f in (endpoints._likely_rx, endpoints._transitive_rx, endpoints._effect_on_rx,
                            endpoints._favouring_rx)]
    return found


def test_guarded_patterns_match_as_their_patterns_do():
    patterns = _guarded_patterns()
    assert len(patterns) >= 8
    matched = 0
    for g in patterns:
        for s in SENTENCES:
            expected = [(m.start(), m.end(), m.groupdict()) for m in g.rx.finditer(s)]
            assert [(m.start(), m.end(), m.groupdict()) for m in g.finditer(s)] == expected, (g.pattern[:60], s)
            plain, got = g.rx.search(s), g.search(s)
            assert (plain and plain.span()) == (got and got.span())
            assert bool(g.rx.fullmatch(s)) == bool(g.fullmatch(s))
            matched += bool(expected)
    assert matched >= 8  # the sentences exercise the patterns, not only their guards


def test_a_guard_that_does_not_match_skips_the_pattern():
    g = Guarded(re.compile(r"(?:\w+\s+){0,3}?inhibitors"), re.compile("inhibitor"))
    assert g.search("ACE inhibitors lower blood pressure").group(0) == "ACE inhibitors"
    assert g.search("ACE blockers lower blood pressure") is None
    shared = Guarded(re.compile(r"\w+ blockers"), g.guard)  # a second pattern behind the same guard
    text = "beta blockers"
    assert g.search(text) is None and shared.search(text) is None
    assert shared.search("beta blockers and ACE inhibitors").group(0) == "beta blockers"


# -- guards read off the pattern itself (kg.extract.base.guarded) ---------------------------
from kg.extract.base import Context, Sentence, WordGuard, guarded, sentence_cached  # noqa: E402

# written for these tests: arms, comparisons, cues, and texts outside ASCII
MORE = SENTENCES + [
    "Both the Metformin-treated COHORT and the control arm were followed for 6 months.",
    "Serum ferritin was lower in the iron group than in the placebo-group (p = 0.02).",
    "The sham arm — unlike the active ARM — received no stimulation at 5 K or 300 K.",
    "Die Behandlungsgruppe erhielt 20 µg; the ſtudy groups were compared by INHIBITOR class.",
    "Aspirin inhibitors? No: aspirin is itself an inhibitor of cyclo-oxygenase.",
]

PATTERNS = [
    re.compile(r"(?<![\w-])(?:the|an?|both)\s+(?P<agent>[\w+-]+(?:\s+[\w+-]+)?)\s+(?:group|arm|cohort)s?\b", re.I),
    re.compile(r"(?P<agent>(?:[\w+-]+\s+)?[\w+-]+)\s+(?:versus|vs\.?|compared (?:with|to))\s+(?:placebo|sham)",
               re.I),
    re.compile(r"\b(?:[\w-]+\s+){0,3}?(?:inhibitors?|blockers?)\b", re.I),
    re.compile(r"(?P<x>\w+)-(?:treated|induced)\b"),
    re.compile(r"\b\w+\s+(?:sham|placebo)[- ](?:group|arm)\b", re.I),
]


def test_guards_are_the_words_every_match_must_contain():
    words = lambda rx: sorted(guarded(rx).guard.words)  # noqa: E731
    assert words(PATTERNS[0]) == ["arm", "cohort", "group"]
    assert words(PATTERNS[2]) == ["blocker", "inhibitor"]
    assert words(PATTERNS[3]) == ["induced", "treated"]
    assert words(PATTERNS[4]) == ["placebo", "sham"]  # the longer of two mandatory alternations
    # an optional part gives no guard, nor a short alternative ("vs" may stand alone)
    assert not isinstance(guarded(re.compile(r"(?:\w+\s+)?(?:inhibitors)?\s*\d+")), Guarded)
    assert not isinstance(guarded(re.compile(r"\w+\s+(?:vs|versus)\s+\w+", re.I)), Guarded)
    # a case-sensitive pattern that opens with its words is found as fast without a guard
    assert not isinstance(guarded(re.compile(r"\bPhase\s+\d")), Guarded)


def test_a_class_of_a_few_letters_forks_the_guard_words():
    words = lambda rx: sorted(guarded(rx).guard.words)  # noqa: E731
    # British and American spellings, a vowel that changes with the tense: both spellings guard
    assert words(re.compile(r"\b(?:\w+\s+){0,2}standardi[sz]ed\b", re.I)) == ["standardised", "standardized"]
    assert words(re.compile(r"(?:\w+\s+)?\bf[ae]ll\s+(?:by|to)\b", re.I)) == ["fall", "fell"]
    # a class of many letters, or a negated one, ends the run instead
    assert words(re.compile(r"(?:\w+\s+)?\bdose[a-z]level", re.I)) == ["level"]
    assert words(re.compile(r"(?:\w+\s+)?\bover[^s]weight", re.I)) == ["weight"]
    forked = guarded(re.compile(r"(?:\w+\s+)?\bf[ae]ll\s+by\s+\d+", re.I))
    for s in ("Scores fell by 4 points.", "It may FALL BY 3 or more.", "A fill by 2."):
        assert [m.span() for m in forked.finditer(s)] == [m.span() for m in forked.rx.finditer(s)]


def test_guarded_patterns_find_what_their_patterns_find():
    for rx in PATTERNS:
        g = guarded(rx)
        assert isinstance(g, Guarded), rx.pattern
        hits = 0
        for s in MORE:
            assert [(m.span(), m.groupdict()) for m in g.finditer(s)] == \
                   [(m.span(), m.groupdict()) for m in rx.finditer(s)], (rx.pattern, s)
            span = lambda m: m and m.span()  # noqa: E731
            assert span(g.search(s)) == span(rx.search(s))
            assert bool(g.match(s)) == bool(rx.match(s))
            hits += bool(rx.search(s))
        assert hits >= 1, rx.pattern  # the sentences exercise each pattern, not only its guard


def test_word_guard_follows_the_case_rules_of_re():
    g = WordGuard({"group", "Arm"}, re.I)
    assert g.search("the GROUP") and g.search("one ARM") and g.search("a ſubgroup of") is True
    assert g.search("no such word") is None
    assert WordGuard({"Arm"}, 0).search("one ARM") is None  # case-sensitive
    # outside ASCII the pattern's own case folding decides: the long s (ſ) is an s to re.I
    assert WordGuard({"sham"}, re.I).search("the ſham arm") is True
    assert re.search("sham", "the ſham arm", re.I)


def test_the_non_ascii_letters_re_folds_to_ascii_are_known():
    """WordGuard lowers a text to compare ASCII words; the characters re.I equates with an ASCII
    letter that str.lower does not turn into it must be the ones it knows (RE_I_ASCII_FOLDS)."""
    from kg.extract.base import RE_I_ASCII_FOLDS

    letter = re.compile("[a-z]", re.I)
    folds = {c for c in map(chr, range(128, 0x110000)) if letter.match(c)}
    assert folds == set(RE_I_ASCII_FOLDS)
    g = WordGuard({"inhibitor", "sir"}, re.I)
    for text in ("an İNHIBITOR", "the ınhibitor", "ſir", "an INHIBITOR – here"):
        assert g.search(text) is True and g.rx.search(text)
    assert g.search("no such word – here") is None


def test_sentence_cached_reads_each_sentence_once():
    calls = []

    @sentence_cached
    def read(ctx, sent):
        calls.append(sent.start_char)
        return [sent.text]

    ctx = Context.__new__(Context)
    ctx.memo = {}
    a, b = Sentence(None, "One.", 0, 4, 0, 2), Sentence(None, "Two.", 5, 9, 2, 4)
    assert read(ctx, a) == ["One."] and read(ctx, b) == ["Two."] and read(ctx, a) == ["One."]
    assert calls == [0, 5]


# -- alternations grouped by first letter (kg.extract.base.alternation) -----------------------
from kg.extract.base import alternation  # noqa: E402

ALTERNATIVES = [
    "tumou?r\\s+necrosis\\s+factor", "interleukin-?\\d+", "(?:non-)?HDL(?:-?C)?", "insulin(?:\\s+resistance)?",
    "IL-?\\d+", "insulin", "T[-\\s]cells?", "triglycerides?", "cells?", "Tregs?", "s?IgA", "IgG\\d?", "IFN-?γ",
    "C3", "CRP", "crp", "c4", "lipids?|lipoproteins?", "[Ll]eptin", "\\bTNF", "ω-3", "3-OHB", "a", "ab",
]
TEXTS = [
    "Serum IL-6, TNF and hs-CRP fell, while HDL-C and non-HDL rose in the insulin resistance subgroup.",
    "Treg and T-cells counts; sIgA and IgG4 titres; c3 and C4 complement; crp at week 4.",
    "Leptin, lipoproteins and ω-3 index were higher; interleukin 10 and IFN-γ did not change (tumor necrosis factor).",
    "ab a abc; cells; CELLS; İnsulin and ınsulin; 3-OHB levels",
]


def test_an_alternation_grouped_by_first_letter_matches_as_the_plain_one():
    for flags in (re.I, 0):
        for order in (ALTERNATIVES, ALTERNATIVES[::-1], sorted(ALTERNATIVES, key=len, reverse=True)):
            plain = re.compile(rf"(?<![\w-])(?:{'|'.join(order)})(?:\s+(?:{'|'.join(order)}))?", flags)
            grouped = alternation(order, ignore_case=bool(flags))
            assert grouped != "|".join(order)  # alternatives were grouped
            fast = re.compile(rf"(?<![\w-])(?:{grouped})(?:\s+(?:{grouped}))?", flags)
            for text in TEXTS:
                assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
                       [(m.span(), m.groups()) for m in plain.finditer(text)], (flags, text)
    assert alternation(["crp", "C3"], ignore_case=False) == "crp|C3"
    assert alternation(["crp", "C3"], ignore_case=True) == "c(?:rp|3)"


def test_the_mechanism_target_pattern_finds_what_its_plain_lists_find():
    import json

    from kg.lexicon import ONTOLOGY_DIR

    d = json.loads((ONTOLOGY_DIR / "mechanisms.json").read_text(encoding="utf-8"))
    alt = lambda xs: "|".join(x.replace(" ", r"\s+") for x in sorted(xs, key=len, reverse=True))  # noqa: E731
    mods, terms, heads, spec = (alt(d[k]) for k in ("target_modifiers", "target_terms", "target_heads", "specimens"))
    plain = re.compile(rf"(?<![\w-])(?:(?:{mods})\s+){{0,3}}(?:{terms})(?:\s+(?:{terms}))?"
                       rf"(?:\s*\([^()]{{1,20}}\))?(?:[\s-]+(?:{heads})){{0,2}}"
                       rf"(?:\s+(?:of|in)\s+(?:the\s+)?(?:{spec})(?:\s+(?:{spec}))?)?(?![\w-])", re.I)
    fast = mechanism_clauses.data()["rx_target"]
    assert fast.pattern != plain.pattern
    hits = 0
    for text in TEXTS + MORE:
        found = [(m.span(), m.groups()) for m in fast.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)], text
        hits += len(found)
    assert hits >= 5


def test_a_whole_word_is_found_where_its_plain_pattern_finds_it():
    from kg.extract.base import whole_word

    labels = ["zinc", "Vitamin D", "IL-2", "sham", "İnsulin", "omega-3 fatty acids", "ω-3", "K"]
    hits = 0
    for label in labels:
        for flags in (re.I, 0):
            plain = re.compile(rf"(?<![\w-]){re.escape(label)}(?![\w-])", flags)
            for text in TEXTS + MORE + ["vitamin d3 and VITAMIN D; low-dose IL-2, il-2 and IL-2R", "ſham and insulin",
                                        "Omega-3 Fatty Acids (ω-3) at 5 K"]:
                got = [m.span() for m in whole_word(label, flags).finditer(text)]
                assert got == [m.span() for m in plain.finditer(text)], (label, flags, text)
                hits += len(got)
    assert hits >= 10


def test_any_of_passes_wherever_one_of_its_patterns_matches():
    """AnyOf (one scan for the words of many guards) is true exactly where some pattern of the
    family matches or may: never false where one matches."""
    from kg.extract.base import AnyOf, guarded
    from kg.extract.mechanisms import relation_cues

    family = [rx for rx, _r in relation_cues()] + [guarded(re.compile(r"\b(?:effects?|impact)\s+of\b", re.I))]
    bank = AnyOf(family)
    extra = [
        "Zinc lowered serum CRP in the second month.",
        "The IMPACT OF the diet on weight was small.",
        "Levels did not change.",
        "Blood pressure ROSE after the infusion.",  # the cue pattern without a guard
        "Weight and height were recorded at each visit.",
        "Serum \u212aetone bodies were measured.",  # a character re.I folds to an ASCII letter
    ]
    for s in SENTENCES + extra:
        matched = any(rx.search(s) for rx in family)
        if matched:
            assert bank.search(s), s
    assert bank.search("Zinc lowered serum CRP in the second month.")
    assert not bank.search("Weight and height were recorded at each visit.")
    assert not AnyOf([]).search("Zinc lowered serum CRP.")


def test_any_of_asks_patterns_without_words_themselves():
    from kg.extract.base import AnyOf

    bank = AnyOf([re.compile(r"\d+\s*mg"), re.compile(r"(?i)\bdose\b")])
    assert bank.search("Each capsule held 20 mg.")
    assert bank.search("The DOSE was fixed.")
    assert not bank.search("Capsules were taken daily.")


def test_may_contain_is_false_only_where_the_literal_cannot_match():
    """base.may_contain, the test before a pattern built around a paper's word is compiled:
    never false where `re` (with or without IGNORECASE) would find the literal."""
    from kg.extract.base import may_contain

    texts = ["Health-related quality of life (HRQOL) improved.", "HRQoL scores", "ſerum \u212aetone", "Straße", ""]
    literals = ["HRQOL", "hrqol", "quality of life", "serum", "kEtone", "STRASSE", "straße", "x"]
    for t in texts:
        for w in literals:
            for flags in (0, re.I):
                found = re.search(re.escape(w), t, flags) is not None
                if found:
                    assert may_contain(t, w, bool(flags)), (t, w, flags)
    assert not may_contain("HRQoL scores", "HRQOL")
    assert may_contain("HRQoL scores", "HRQOL", True)
    assert not may_contain("Quality of life", "quality of sleep", True)


def test_may_contain_any_is_false_only_where_no_literal_can_match():
    from kg.extract.base import may_contain_any

    forms = ["GIT", "guided imagery therapy", "SFA"]
    assert may_contain_any("Patients in the git group improved.", forms, True)
    assert not may_contain_any("Patients in the git group improved.", forms, False)
    assert may_contain_any("The Guided Imagery Therapy arm", forms, True)
    assert not may_contain_any("Patients in the control arm improved.", forms, True)
    assert may_contain_any("Patiënts in the control arm", forms, True)  # not ASCII: asked of re
    assert not may_contain_any("anything", [], True)


def test_any_match_answers_as_the_alternation_searched():
    from kg.extract.base import AnyMatch

    # branches opening with a letter, with \b, with a class; a branch with a group of its own
    sources = [r"\d|improv|\bmet\b|reduc(?:ed|tion)|favou?r|\bthan\b",
               r"\bless\b|lower|[0-9]+\s*%|dropp|related\s+to"]
    texts = ["Scores improved in both arms.", "The target was MET by most.", "Metabolic markers only.",
             "Pain fell by 12 %.", "Nothing of note here.", "It was lower THAN before.",
             "favour and FAVOR alike", "Thankfully, none.", "Cases dropped; unrelated to dose."]
    for source in sources:
        rx, any_match = re.compile(source, re.I), AnyMatch(source, re.I)
        for t in texts:
            assert any_match.search(t) is (rx.search(t) is not None), (source, t)
