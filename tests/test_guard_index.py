"""One scan for a family of guarded patterns (kg.extract.base.GuardIndex) offers every pattern
that can match a text: the family's matches are those its patterns find each behind its own
guard. And the lowered text of a long string (the document's) keeps a cache slot of its own
without changing any answer."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from kg.extract import base, enrolment, interventions, mechanism_clauses, mechanisms, results
from kg.extract.base import Guarded, GuardIndex, WordGuard

ROOT = Path(__file__).resolve().parent.parent

# written for this test: findings in words, relation cues, dosing rhythms, properties, in several layouts
SENTENCES = [
    "Pain scores decreased significantly in the acupuncture group but did not change with sham treatment.",
    "There was no significant difference between the groups in the rate of relapse at one year.",
    "Fatigue improved over time in both arms, whereas sleep quality was similar.",
    "Zinc supplementation reduced serum IL-6 and increased the expression of SOD in the treated rats.",
    "Metformin was associated with lower TNF-α concentrations; it did not affect CRP.",
    "The drug inhibits COX-2 and up-regulates PPAR-γ in macrophages.",
    "Capsules were taken twice daily for 4 days, then once a week until week 12.",
    "Vitamin D 50,000 IU was given every 2 weeks (q2w) or monthly; infusions were administered b.i.d.",
    "Curcumin has anti-inflammatory and antioxidant properties, and its antiproliferative effect is known.",
    "GROUPS DID NOT DIFFER; HbA1c FELL MORE IN THE INSULIN ARM THAN IN THE DIET ARM (P = 0.03).",
    "The İstanbul cohort and the ſtudy arm: values rose by 3 K (Kelvin) and decreased thereafter.",
    "Doses were given three times weekly; no change was seen, and mortality was not reduced.",
    "",
    "subgroupset upsetting regroupings: overlapping words side by side",
    "We enrolled 48 adults with asthma; a total of 120 patients were randomised (n = 60 per arm).",
    "Thirty-two children were recruited from two schools and allocated to the two programmes.",
]


def _texts() -> list[str]:
    """The written sentences, every sentence-like piece of the corpus papers, of bench/dev2 and of
    the dev documents (when ../shared is beside the repository), and windows across sentence ends."""
    texts = list(SENTENCES)
    docs = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "bench" / "dev2" / "docs").glob("*.txt"))
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from accuracy import shared_dir

        shared = shared_dir()
    finally:
        sys.path.pop(0)
    if shared is not None and (shared / "dev" / "docs").is_dir():
        docs += sorted((shared / "dev" / "docs").glob("*.txt"))
    for path in docs:
        text = path.read_text(encoding="utf-8")
        pieces = [p for p in re.split(r"(?<=[.!?;])\s+|\n+", text) if p.strip()]
        texts += pieces
        texts += [" ".join(pieces[i:i + 2]) for i in range(0, len(pieces) - 1, 7)]
    return texts


def _families() -> list[tuple[str, list, GuardIndex]]:
    rx = results._rx()
    rules = interventions.rules()
    data = mechanism_clauses.data()
    return [
        ("results qualitative", [q[2] for q in rx["qualitative"]], rx["qualitative_index"]),
        ("relation cues", [p for p, _r in mechanisms.relation_cues()], mechanisms._relation_index()),
        ("frequencies", [p for p, _label in rules["freq"]], rules["freq_index"]),
        ("properties", [p for p, _r, _label in data["property"]], data["property_index"]),
        ("enrolment", [p for _name, p in enrolment._enrolled_patterns()], enrolment._enrolled_index()),
    ]


def _spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_every_family_offers_what_its_patterns_match(texts):
    assert len(texts) > 500
    for name, patterns, index in _families():
        assert index.patterns == patterns
        matched = 0
        for text in texts:
            offered = index.offered(text)
            assert [i for i, _scan in offered] == sorted(i for i, _scan in offered)
            by_index = dict(offered)
            for i, p in enumerate(patterns):
                expected = _spans(p.finditer(text))
                got = _spans(by_index[i].finditer(text)) if i in by_index else []
                assert got == expected, (name, p.pattern[:60], text[:80])
                if isinstance(p, Guarded) and index.keys[i] is not None and base._lowered(text) is not None:
                    # the index answers as the guard itself does, not only where the pattern matches
                    assert (i in by_index) == bool(p.guard.search(text)), (name, p.pattern[:60], text[:80])
                matched += bool(expected)
        assert matched >= 5, name  # the texts exercise the patterns, not only their guards


def test_most_texts_skip_most_of_a_family(texts):
    rx = results._rx()
    offered = [len(rx["qualitative_index"].offered(t)) for t in texts]
    assert sum(offered) < 0.5 * len(texts) * len(rx["qualitative"])


def test_overlapping_and_nested_guard_words_are_all_found():
    words = [{"group"}, {"groups"}, {"roup"}, {"upset"}, {"set", "sets"}, {"ups"}, {"gro"}, {"zzz"}]
    patterns = [Guarded(re.compile("|".join(sorted(w)) + r"\w*", re.I), WordGuard(w, re.I)) for w in words]
    index = GuardIndex(patterns)
    rng = random.Random(8)
    samples = ["groupset", "GROUPSETS", "subgroups upset", "ro up", "", "zz", "gr oup"]
    samples += ["".join(rng.choice("groupset Z") for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in samples:
        offered = {i for i, _scan in index.offered(text)}
        expected = {i for i, w in enumerate(words) if any(x in text.lower() for x in w)}
        assert offered == expected, text


def test_a_family_with_guards_of_other_kinds_asks_them_itself():
    sensitive = Guarded(re.compile(r"IL-\d+"), WordGuard({"IL-"}, 0))  # case-sensitive: asked itself
    plain = re.compile(r"\bfell\b", re.I)  # no guard at all
    folded_words = Guarded(re.compile(r"(?:\w+\s+)?rose", re.I), WordGuard({"rose"}, re.I))
    index = GuardIndex([sensitive, plain, folded_words])
    assert index.keys == [None, None, frozenset({"rose"})]
    for text in ("IL-6 rose", "il-6 fell", "nothing here", "ROSE and IL-2"):
        offered = dict(index.offered(text))
        assert 0 in offered and 1 in offered  # offered as they are: they answer for themselves
        assert (2 in offered) == ("rose" in text.lower())
        for i, p in enumerate((sensitive, plain, folded_words)):
            got = _spans(offered[i].finditer(text)) if i in offered else []
            assert got == _spans(p.finditer(text))


def test_a_text_re_folds_otherwise_offers_every_pattern():
    index = GuardIndex([Guarded(re.compile(r"sick\w*", re.I), WordGuard({"sick"}, re.I))])
    # 'ſ' (long s) is an 's' to re.I, not to str.lower: the pattern is asked itself
    assert [i for i, _ in index.offered("ſick leave")] == [0]
    assert index.offered("ſick leave")[0][1].search("ſick leave").group(0) == "ſick"
    assert [i for i, _ in index.offered("well again")] == []


def test_long_texts_are_lowered_in_their_own_slot():
    long_text = ("Serum LEVELS Rose. " * 400) + "The END."
    other = long_text[:5000] + " "  # long too, a different string
    short = "A Short SENTENCE"
    assert len(long_text) >= base._LONG_TEXT
    for _ in range(3):  # asked in turn, each answer its own text's lower case
        assert base._lowered(long_text) == long_text.lower()
        assert base._lowered(short) == short.lower()
        assert base._lowered(other) == other.lower()
    assert base._LONG_LAST[0] is other
    kelvin = "\u212a" * 10 + long_text  # the Kelvin sign folds to 'k' under re.I only
    assert base._lowered(kelvin) is None
    assert base._lowered(long_text) == long_text.lower()


def test_needs_digit_reads_what_every_match_consumes_or_asks_for():
    needs = [r"\d+", r"[0-9]", r"(?=\d)x", r"x{1,2}\d", r"(?:a\d|b[0-9])", r"(?>\d)", r"(?P<n>\d)?%\s*\d"]
    free = [r"a|\d", r"[\d.]", r"(?:\d)?x", r"[^\d]", r"(?!\d)x", r"\d*x", r"\bNS\b|p\s*<\s*\d"]
    assert all(base.needs_digit(re.compile(p)) for p in needs)
    assert not any(base.needs_digit(re.compile(p)) for p in free)


def test_mention_kinds_said_to_need_a_digit_match_no_text_without_one(texts):
    from kg.extract import mentions

    kinds = mentions._digit_kinds()
    assert {"value", "range", "time", "estimate", "fraction"} <= kinds and "p_value" not in kinds
    undigited = [re.sub(r"\d", "x", t) for t in texts] + ["NS", "HR x.xx (xx% CI x.x–x.x)", "x/x patients"]
    for kind in kinds:
        rx = mentions.patterns()[kind]
        assert not any(rx.search(t) for t in undigited), kind
    written = ["HR 0.71 (95% CI 0.52–0.97)", "12/40 patients", "from 5 to 7 mg", "at week 12", "p = NS"]
    for text in written + texts[:400]:  # the gate before each pattern changes no answer
        for kind in mentions.patterns():
            mentions._find.cache_clear()
            expected = [m.span() for m in mentions.patterns()[kind].finditer(text)
                        if mentions._parse(kind, m) is not None]
            pre = mentions._prefilters().get(kind)
            if pre is not None and not pre.search(text):
                expected = []
            assert [(m.start, m.end) for m in mentions.find(text, kind)] == expected, (kind, text[:60])


def test_fold_all_folds_the_patterns_a_dataclass_holds():
    import dataclasses

    from kg.extract import endpoints
    from kg.extract.folded import Folded, fold_all

    @dataclasses.dataclass(frozen=True)
    class Cues:
        words: re.Pattern
        kept: re.Pattern  # case-sensitive: kept as it is
        count: int

    cues = fold_all(Cues(re.compile(r"\b(?:rose|fell)\b", re.I), re.compile(r"IL-\d"), 3))
    assert isinstance(cues.words, Folded) and cues.kept.pattern == r"IL-\d" and cues.count == 3
    for text in ("Scores ROSE and fell", "arose", ""):
        assert [m.span() for m in cues.words.finditer(text)] == \
            [m.span() for m in re.finditer(r"\b(?:rose|fell)\b", text, re.I)]
    assert isinstance(endpoints._cues().active, Folded)  # the endpoint cues are searched on the lowered text
