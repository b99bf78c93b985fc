"""Folded patterns (kg.extract.folded) find exactly what their IGNORECASE patterns find: the
lowered text only tells where the next match starts."""

from __future__ import annotations

import re
import sys

import pytest

from kg.extract import adverse_events, designs, endpoints, enrolment, interventions, mechanism_clauses, results, trial
from kg.extract.base import RE_I_ASCII_FOLDS
from kg.extract.folded import Folded, fold_all, folded, lowered_source

# written for this test: mixed case, symbols outside ASCII, the letters re.I folds to ASCII
SENTENCES = [
    "Serum IL-6 DECREASED from 12.1 ± 3.4 to 8.2 ± 2.9 pg/mL in the Treatment Group (P < 0.01).",
    "The odds ratio (OR) was 0.62 (95% CI 0.41–0.93); Adverse Events were SIMILAR between arms.",
    "No significant difference was seen in HbA1c ≤ 7% at Week 12 versus placebo.",
    "Patients RECEIVED 20 mg/kg intravenously; 14 of 40 (35%) reported nausea — all mild.",
    "An İNHIBITOR of ſignalling, ınterleukin-driven: levels fell 3-fold in the K-cohort.",
    "Μ-opioid agonists (µ receptors) were given twice daily; β-blockers were not allowed.",
    "",
]


def _patterns() -> list[re.Pattern]:
    """The compiled IGNORECASE patterns the extractors load, as they were before folding."""
    found: list[re.Pattern] = []

    def walk(value) -> None:
        if isinstance(value, Folded):
            found.append(value.rx)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif hasattr(value, "_scan") and isinstance(value._scan, Folded):  # behind a guard
            found.append(value.rx)

    for table in (
        results._rx(),
        interventions.rules(),
        mechanism_clauses.data(),
        adverse_events._cues(),
        endpoints._cues(),
        enrolment._enrolment_rx(),
        trial._condition_rules(),
        designs._design_cues(),
    ):
        walk(table)
    return found


def _key(m: re.Match | None):
    return None if m is None else (m.span(), m.groups(), m.groupdict(), m.re.pattern)


def test_the_extractors_patterns_are_folded():
    assert len(_patterns()) > 200


@pytest.mark.parametrize("text", SENTENCES)
def test_folded_patterns_match_as_their_patterns_do(text):
    for rx in _patterns():
        f = folded(rx)
        assert isinstance(f, Folded)
        for pos in (0, 5):
            assert _key(f.search(text, pos)) == _key(rx.search(text, pos)), rx.pattern
            assert _key(f.search(text, pos, 40)) == _key(rx.search(text, pos, 40)), rx.pattern
        assert [_key(m) for m in f.finditer(text)] == [_key(m) for m in rx.finditer(text)], rx.pattern
        assert f.findall(text) == rx.findall(text), rx.pattern


def test_written_patterns_match_as_their_patterns_do():
    written = [
        r"\b(?:decreas|increas|fell|rose)\w*",
        r"(?P<Arm>[A-Z][\w-]+)\s+group",
        r"\bp\s*[<=>≤]\s*0?\.\d+",
        r"(?<![\w-])(?:or|hr|rr)\b",
        r"[A-Z]{2,}(?:-\d+)?",
        r"(?i:week)\s*\d+|\bday\s+\d+",
        r"[–—-]\s*all",
        r"\bk-\w+",
        r"signal|interleukin|inhibitor",
    ]
    for pattern in written:
        rx = re.compile(pattern, re.I)
        f = folded(rx)
        assert isinstance(f, Folded), pattern
        for text in SENTENCES:
            assert _key(f.search(text)) == _key(rx.search(text)), (pattern, text)
            assert [_key(m) for m in f.finditer(text)] == [_key(m) for m in rx.finditer(text)], (pattern, text)


def test_what_lowering_could_change_is_not_folded():
    for pattern in (r"\x41", r"\u0041", r"(a)\1", r"[0-Z]", r"[A-z]", r"İnhibitor", r"(?P<x>a)(?(x)b|c)"):
        assert lowered_source(pattern) is None, pattern
        assert not isinstance(folded(re.compile(pattern, re.I)), Folded), pattern
    assert lowered_source(r"(?-i:A)b") is None  # (its twin is read off the pattern with the group opened)
    assert lowered_source(r"(?P<Arm>[A-Z]+)\s*±\W(?i:Week)") == r"(?P<Arm>[a-z]+)\s*±\W(?i:week)"
    plain = re.compile("abc")
    assert not isinstance(folded(plain), Folded) and folded(plain).rx is plain  # case-sensitive: Scouted
    out = fold_all({"a": [plain, (1, "x")]})
    assert out["a"][0].rx is plain and out["a"][1] == (1, "x")


def test_str_lower_folds_as_re_ignorecase_does_outside_the_known_letters():
    """Why the lowered text is searched only without RE_I_ASCII_FOLDS: for every other code point,
    an ASCII letter and the classes \\w \\d \\s agree between the character under re.I and its
    lower case without it, and the lower case is one character."""
    chars = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF and chr(c) not in RE_I_ASCII_FOLDS]
    text = "".join(chars)
    low_text = text.lower()
    assert len(low_text) == len(text)
    for cls in (r"[a-z]", r"[^a-z]", r"\w", r"\d", r"\s", r"[\w-]", r"m"):
        under_i = [m.start() for m in re.finditer(cls, text, re.I)]
        on_lower = [m.start() for m in re.finditer(cls, low_text)]
        assert under_i == on_lower, cls


def test_regrouped_alternations_match_at_the_same_places():
    from kg.extract.folded import regrouped

    assert regrouped(r"\d|signific|associat|\bmet\b|achiev") == r"\d|\bmet\b|signific|a(?:ssociat|chiev)"
    assert (
        regrouped(r"\b(?:was\s+not|were\s+not|side)\b(?P<x>a|b)") == r"\b(?:w(?:as\s+not|ere\s+not)|side)\b(?P<x>a|b)"
    )
    for atomic in (r"(?>ab|a)c", r"(?:ab|a)++c"):
        assert regrouped(atomic) == atomic  # the first success of an atomic group is final: order matters
    texts = [t.lower() for t in SENTENCES]
    for pattern in (
        r"(?:was|were)\s+(?:not\s+)?(?:reported|observed|seen)|\d+\s*%|adverse",
        r"\b(?:a|an|the)\s+\w+",
        r"(?<![\w-])(?:or|hr|rr)\b|[βµ]",
    ):
        plain, grouped = re.compile(pattern), re.compile(regrouped(pattern))
        for text in texts:
            for pos in range(len(text)):
                assert (plain.match(text, pos) is None) == (grouped.match(text, pos) is None), (pattern, text, pos)



def test_branches_opening_with_groups_are_spelled_out_by_letter(monkeypatch):
    import kg.extract.folded as folded_module
    from kg.extract.folded import _spelled_out, regrouped

    monkeypatch.setattr(folded_module, "SPELL_OUT_FROM", 1)  # (else only long lists of such branches are)

    assert _spelled_out(r"(?:ldl|hdl)-c") == ["ldl-c", "hdl-c"]
    assert _spelled_out(r"(?:fasting\s+)?insulin") == [r"fasting\s+insulin", "insulin"]
    assert _spelled_out(r"[pe]-selectin") == ["p-selectin", "e-selectin"]
    for unchanged in (r"(?:a|b)+c", r"[a-z]+ase", r"(?:\d+|x)y", r"(?:abc)?", r"(?P<n>ab|cd)e"):
        assert _spelled_out(unchanged) is None, unchanged
    assert _spelled_out("(?:" + "|".join(f"w{i}" for i in range(40)) + ")x") is None  # too many to spell out
    texts = [t.lower() for t in SENTENCES] + [
        "serum ldl-c and hdl cholesterol fell; fasting insulin, insulin-like factors and p-selectin rose",
        "the e-selectin, ldl and (hdl-c) levels; no fasting glucose-insulin change",
    ]
    for pattern in (
        r"(?<![\w-])(?:(?:serum|plasma)\s+){0,2}(?:(?:ldl|hdl)(?:-?c)?|(?:fasting\s+)?insulin|[pe]-selectin)\b",
        r"\b(?:adverse|(?:serious\s+)?(?:events?|reactions?)|[ab]\d)",
        r"(?:(?:no|any)\s+)?(?:change|differ(?:ence|ed))|(?:fell|rose)\s+(?:significantly\s+)?",
    ):
        plain, grouped = re.compile(pattern), re.compile(regrouped(pattern))
        assert regrouped(pattern) != pattern
        for text in texts:
            for pos in range(len(text)):
                assert (plain.match(text, pos) is None) == (grouped.match(text, pos) is None), (pattern, text, pos)
    assert "p-selectin" in regrouped(r"(?:[pe]-selectin|(?:ldl|hdl)-c)")  # spelled out, each under its letter


# patterns opening with a part of varying length, then a literal: searched from that literal's rest
ANCHORED = [
    r"(?P<x>\b[\w'-]+(?:\s+[\w'-]+){0,3})\s*\((?:the\s+)?(?:active|sham)\s+(?:arm|group)\)",
    r"(?P<subj>[^.;:,()]{0,25}?)\b(?:were\s+given|received)\s+(?P<what>\w+)",
    r"\b(?:in|among)\s+(?:the\s+)?(?P<arm>[\w-]+(?:\s+[\w-]+){0,2}?)\s+(?:group|arm)s?\b",
    r"(?:^|(?<=[,;]\s))(?P<v>[a-z]+)\s+(?:rose|fell)\b",
    r"[\w-]{2,6}\s*(?:[(]\s*)?p\s*[<=]\s*0?\.\d+",
]
ANCHOR_TEXTS = [
    "Forty Older Adults (the ACTIVE arm) and twenty (sham group) were followed; (Active Arm).",
    "Those in the Yoga Training GROUP improved, as did those among low-dose arms, in arms.",
    "Patients in cohort A Received Metformin, and cohort B were given placebo; none received",
    "Serum ferritin ROSE; hepcidin fell, and transferrin rose while ALT FELL (p<0.05, P = .03).",
    "x" * 40 + " received it (sham arm) " + "y" * 40 + ", a rose",
]


def test_patterns_with_a_varying_opening_match_as_they_do():
    from kg.extract.folded import anchor_of

    for pattern in ANCHORED:
        rx = re.compile(pattern, re.I)
        f = folded(rx)
        assert isinstance(f, Folded) and f.low is not None and f.anchor is not None, pattern
        for text in ANCHOR_TEXTS + SENTENCES:
            for pos, end in ((0, sys.maxsize), (7, sys.maxsize), (3, 50), (30, 45)):
                assert _key(f.search(text, pos, end)) == _key(rx.search(text, pos, end)), (pattern, text, pos)
                assert [_key(m) for m in f.finditer(text, pos, end)] == [_key(m) for m in rx.finditer(text, pos, end)]
            assert f.findall(text) == rx.findall(text), (pattern, text)
    # what the rest matches depends on a group of the opening: no anchor
    import re._parser as sre_parse

    for pattern in (r"(\w+)\s+and\s+\1", r"(?P<a>\w+)?\s+x(?(a)y|z)"):
        assert anchor_of(sre_parse.parse(pattern), 0)[0] is None, pattern
    assert anchor_of(sre_parse.parse(r"given\s+\w+"), 0)[0] is None  # opens with its literal: re scans for it
    # behind a zero-width assertion re tries it at every position: the rest is the anchor, reach 0
    anchor, reach = anchor_of(sre_parse.parse(r"\bgiven\s+\w+"), 0)
    assert anchor is not None and anchor.pattern is None and reach == 0
    # an optional opening: the scout holds each way a match can open ('serum\s+', 'plasma\s+', 'zinc')
    anchor, reach = anchor_of(sre_parse.parse(r"(?<![\w-])(?:(?:serum|plasma)\s+){0,2}(?:zinc|iron)\b"), 0)
    assert reach == 0 and anchor.search("the plasma zinc").start() == 4 and anchor.search("the zin") is None
    assert anchor_of(sre_parse.parse(r"\b[\w-]+\s+group"), 0)[1] != 0  # a class opens it: no scout


SCOUTED = [
    r"\b(?:lower|higher|similar)\s+(?:in|among)\s+(?:the\s+)?\w+",
    r"(?<![\w-])(?:(?:serum|plasma|total)\s+){0,2}(?:ferritin|zinc|iron)(?:\s+levels?)?\b",
    r"(?<!\bnot\s)\b(?:were\s+)?(?:given|received)\b",
    r"\b(?:(?:sham|active)\s+)?(?:arm|group)s?\b(?![\w-])",
    r"(?<![\w.])(?:i\.\s?v\.|intravenous(?:ly)?|(?-i:IV))(?!\w)",
]


def test_patterns_opening_with_an_assertion_or_an_optional_part_match_as_they_do():
    """A pattern re tries at every position (it opens with `\\b`, a look-behind, an optional
    part) is tried where its scout finds an opening, in order: the same matches, from any
    position and up to any end."""
    for pattern in SCOUTED:
        rx = re.compile(pattern, re.I)
        f = folded(rx)
        assert isinstance(f, Folded) and f.low is not None and f.reach == 0, pattern
        for text in ANCHOR_TEXTS + SENTENCES + ["Serum Total IRON levels and plasma zinc; not given, were Given IV"]:
            for pos, end in ((0, sys.maxsize), (7, sys.maxsize), (3, 50), (30, 45)):
                assert _key(f.search(text, pos, end)) == _key(rx.search(text, pos, end)), (pattern, text, pos)
                assert [_key(m) for m in f.finditer(text, pos, end)] == [_key(m) for m in rx.finditer(text, pos, end)]
            assert f.findall(text) == rx.findall(text), (pattern, text)


def test_anchored_patterns_agree_on_random_texts():
    import random

    rng = random.Random(7)
    words = "arm Group ( ) the ACTIVE sham rose fell , ; were given Received in among p < 0.05 x-y İ q".split() + [" "]
    words += "serum plasma total iron zinc levels not lower among similar sham arms ArM i.v. iv IV".split()
    compiled = [(re.compile(p, re.I), folded(re.compile(p, re.I))) for p in ANCHORED + SCOUTED]
    for _ in range(400):
        text = "".join(rng.choice(words) + rng.choice(["", " "]) for _ in range(rng.randint(0, 30)))
        for rx, f in compiled:
            assert _key(f.search(text)) == _key(rx.search(text)), (rx.pattern, text)
            assert [_key(m) for m in f.finditer(text)] == [_key(m) for m in rx.finditer(text)], (rx.pattern, text)


def test_letters_outside_ascii_fold_as_re_equates_them():
    """A pattern with letters outside ASCII is folded: re.I compares each by its one-character
    lower case, save the letters it also equates with others (β ϐ, µ μ ...: `_equated`); a
    pattern holding one of those searches a text holding one by itself."""
    import _sre
    import re._compiler as sre_compile

    from kg.extract.folded import RE_I_EQUATED, _equated

    table = sre_compile._EXTRA_CASES  # re's letters equated with others beside their lower case
    assert set(RE_I_EQUATED) == {chr(c) for c in range(0x80, sys.maxunicode + 1) if _sre.unicode_tolower(c) in table}
    equated = _equated()
    chars = [
        chr(c)
        for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF and chr(c) not in RE_I_ASCII_FOLDS and not equated.match(chr(c))
    ]
    text = "".join(chars)
    low_text = text.lower()
    assert len(low_text) == len(text)
    letters = sorted(set(RE_I_EQUATED) | set("αγδωΩéÉïЖжŁł"))
    for letter in letters:
        if lowered_source(letter) is None:
            assert letter in RE_I_ASCII_FOLDS, letter  # (ı ſ: re.I equates them with ASCII letters)
            continue
        under_i = [m.start() for m in re.finditer(re.escape(letter), text, re.I)]
        on_lower = [m.start() for m in re.finditer(re.escape(letter.lower()), low_text)]
        assert under_i == on_lower, letter
    beta = folded(re.compile(r"(?:TNF-α|IL-1β|µg)\s*(?P<n>\d+)", re.I))
    assert isinstance(beta, Folded) and beta.strict
    assert not folded(re.compile(r"TNF-α", re.I)).strict
    for sample in ("tnf-Α 5, IL-1Β 3 and il-1ϐ 4", "12 μG 7 µg 8", "TNF-α 9 and ΜG 2", "no letter: il-1b 3"):
        assert [_key(m) for m in beta.finditer(sample)] == [_key(m) for m in beta.rx.finditer(sample)], sample
        assert _key(beta.search(sample, 2)) == _key(beta.rx.search(sample, 2)), sample


# written for this test: a case-sensitive part decides whether, or where, a match is
CASED_TEXTS = [
    "Levels of Lactobacillus and of bifidobacteria rose; IV and iv dosing, SC (not sc) injections.",
    "an Anti-TNF agent, anti-tnf serum, an ANTI-IL6 titre: A patient, a Patient, AN arm and an ARM.",
    "the expression of FOXP3 and of foxp3 mRNA in the Ab group, an iv drip, then IM and im doses.",
    "",
]


def test_case_sensitive_groups_open_into_a_twin_that_finds_where_to_try_the_pattern():
    """A pattern with `(?-i:...)` groups is searched from a twin of it with those groups opened:
    the twin matches at every position the pattern does and at a few more, where the pattern
    itself is asked and found wanting; the matches are the pattern's own."""
    from kg.extract.folded import case_sensitive_parts_opened

    written = [
        r"\b(?:levels?|counts?)\s+of\s+(?:(?-i:[A-Z][a-z]+)|\w+)",  # cased as an option: same starts
        r"(?<![\w.])(?:intravenous(?:ly)?|(?-i:IV))(?!\w)|(?<![\w.])(?-i:SC|IM)(?!\w)",  # cased as the whole match
        r"anti-(?=[\w-]*(?-i:[A-Z]))[\w-]+",  # inside a look-ahead
        r"\b(?:(?-i:a|an)|the)\s+(?:patient|arm)\b",
        r"expression\s+of\s+(?-i:[A-Z][A-Z0-9]{2,8})",
    ]
    for pattern in written:
        rx = re.compile(pattern, re.I)
        assert case_sensitive_parts_opened(pattern) is not None, pattern
        f = folded(rx)
        assert isinstance(f, Folded), pattern
        for text in CASED_TEXTS + SENTENCES:
            for pos in (0, 7):
                assert _key(f.search(text, pos)) == _key(rx.search(text, pos)), (pattern, text)
            assert [_key(m) for m in f.finditer(text)] == [_key(m) for m in rx.finditer(text)], (pattern, text)
    # opening could lose a match: a negated class or a negative look-around in the group, the group in one
    for pattern in (r"x(?-i:[^A-Z])", r"(?-i:a(?!B))", r"(?!(?-i:A))\w+", r"(?<!(?-i:T))cell", r"(?-i:a(?i:b))"):
        assert case_sensitive_parts_opened(pattern) is None, pattern
        assert not isinstance(folded(re.compile(pattern, re.I)), Folded), pattern
    assert case_sensitive_parts_opened(r"[(?-i:]\(?-i:x") is None  # in a class, escaped: no group


def test_a_twin_opening_with_a_boundary_is_asked_only_where_its_words_are():
    # the words every match holds, read off the pattern: a text without them is not scanned
    rx = re.compile(r"\b(?:mild\s+|moderate\s+)?(?:headache|backache)s?\b", re.I)
    f = folded(rx)
    assert f.low is not None  # (the twin and its words are made when first asked for)
    assert sorted(f.words) == ["backache", "headache"]
    texts = ["Mild HEADACHES occurred twice.", "moderate backache in one", "A mild head cold.",
             "ſevere or mild headache", "No aches at all.", "a headache-free week; backaches"]
    for text in texts:
        assert _key(f.search(text)) == _key(rx.search(text)), text
        assert [_key(m) for m in f.finditer(text)] == [_key(m) for m in rx.finditer(text)], text
    # a twin that opens with a literal is found by re's own prefix scan, and short words guard nothing
    for pattern in (r"week\s+\d+", r"\b(?:or|hr)\s*=\s*\d"):
        g = folded(re.compile(pattern, re.I))
        assert g.low is not None
        assert not g.words, pattern


def test_case_sensitive_patterns_are_searched_where_their_scout_finds_an_opening():
    """A case-sensitive pattern re tries at every position (`\\b`, a look-behind, an optional part
    first) is tried where its scout finds an opening (`Scouted`, also behind recache's module
    functions): the same matches; one without a scout is searched by re itself."""
    import random

    from kg.extract import recache
    from kg.extract.folded import Scouted

    patterns = [p.replace("(?-i:IV)", "IV") for p in SCOUTED] + [r"\brespectively\b", r"(?<![\w-])(?:CD4|IL-6)\b"]
    rng = random.Random(11)
    words = "lower Lower in among the given received not were arm group sham IV iv CD4 IL-6 respectively , ;".split()
    texts = ANCHOR_TEXTS + SENTENCES + ["".join(rng.choice(words) + rng.choice(["", " ", "-"]) for _ in range(25))
                                       for _ in range(200)]
    for pattern in patterns:
        rx = re.compile(pattern)
        s = folded(rx)
        assert isinstance(s, Scouted), pattern
        for text in texts:
            for pos, end in ((0, sys.maxsize), (7, sys.maxsize), (3, 50)):
                assert _key(s.search(text, pos, end)) == _key(rx.search(text, pos, end)), (pattern, text, pos)
                assert [_key(m) for m in s.finditer(text, pos, end)] == [_key(m) for m in rx.finditer(text, pos, end)]
            assert s.findall(text) == rx.findall(text) == recache.findall(pattern, text), (pattern, text)
            assert _key(recache.search(pattern, text)) == _key(rx.search(text))
        assert s.anchor is not None, pattern
    unscouted = folded(re.compile(r"[\w-]+\s+group"))
    assert unscouted.search("a b group").group() == "b group" and unscouted.anchor is None
