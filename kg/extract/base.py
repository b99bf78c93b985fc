"""What every extractor produces: facts with typed fields and the evidence they came from."""

from __future__ import annotations

import kg.spacy_lite  # noqa: F401 - first: spaCy without its command-line interface (see there)

# isort: split
import bisect
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span

from kg.extract import recache as re
from kg.lexicon import Concept, Lexicon
from kg.model import Document
from kg.readers.common import heading_kind, label_key, label_part, sections_data
from kg.textsafety import doc_text

# What follows a part label before its text: a colon or full stop, spaces, line breaks.
_AFTER_LABEL = re.compile(r"[ \t]*[:：.]?\s*")

# Sections whose text is mined for findings (not references, back matter or metadata).
MINABLE_KINDS = {"title", "abstract", "body", "table", "figure"}


@dataclass(frozen=True)
class Evidence:
    """A span of the document text a fact was read from."""

    start: int
    end: int
    section: str


@dataclass
class Fact:
    """One extracted fact; `fields` hold literals or `Concept`s, keyed by facts-JSON names."""

    kind: str  # trial | intervention | endpoint | result | adverse_event | mechanism | participant
    fields: dict[str, Any]
    evidence: list[Evidence]
    extractor: str
    rule: str
    confidence: float = 0.9
    surface: str | None = None  # the words the paper used for the main concept


@dataclass
class Sentence:
    """A sentence with its text and offsets computed once (spaCy rebuilds `Span.text` on
    every access)."""

    span: Span
    text: str
    start_char: int
    end_char: int
    start: int  # token indices, for concept lookups
    end: int


@dataclass
class Context:
    """What an extractor reads: the document, its spaCy parse and the lexicon."""

    document: Document
    doc: SpacyDoc
    lexicon: Lexicon
    facts: list[Fact] = field(default_factory=list)
    _ent_cache: list[Span] | None = field(default=None, repr=False)
    _ent_starts: list[int] = field(default_factory=list, repr=False)
    _ent_ends: list[int] = field(default_factory=list, repr=False)
    _ent_labels: list[str] = field(default_factory=list, repr=False)
    _sent_cache: list[Sentence] | None = field(default=None, repr=False)
    _all_spans: list[Span] | None = field(default=None, repr=False)
    _all_starts: list[int] = field(default_factory=list, repr=False)
    memo: dict = field(default_factory=dict, repr=False)  # per-sentence results (`sentence_cached`)
    _every_sent: list[Sentence] | None = field(default=None, repr=False)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for text[start:end], trimmed of surrounding white space."""
        text = self.document.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        sec = self.document.section_at(start)
        return Evidence(start, end, sec.name if sec else "")

    def section_kind(self, offset: int) -> str:
        sec = self.document.section_at(offset)
        return sec.kind if sec else "body"

    def minable(self, start: int, end: int | None = None) -> bool:
        """True where findings may be taken: not references, back matter, metadata or repeats."""
        end = start if end is None else end
        if not self.document.is_minable(start, end):
            return False
        return self.section_kind(start) in MINABLE_KINDS

    def sentences(self) -> list[Sentence]:
        """The minable sentences, outside tables (tables are read as tables), each without the
        part label it may open with ("RESULTS: The score fell" is read as "The score fell")."""
        if self._sent_cache is None:
            table_ranges = [(t.start, t.end) for t in self.document.tables]
            labels = {s.start: s.name for s in self.document.sections
                      if s.kind in ("abstract", "body") and (label_part(s.name) or heading_kind(s.name))}
            self._sent_cache = [self._without_label(s, labels) for s in self.doc.sents if self.minable(s.start_char)
                                and not any(a <= s.start_char < b for a, b in table_ranges)]
        return self._sent_cache

    def every_sentence(self) -> list[Sentence]:
        """Every sentence of the parse, minable or not, with the text spaCy holds (made safe by
        kg.textsafety), read once: `Span.text` joins the span's tokens anew on each access."""
        if self._every_sent is None:
            text = doc_text(self.doc)
            self._every_sent = [Sentence(s, text[s.start_char:s.end_char], s.start_char, s.end_char, s.start, s.end)
                                for s in self.doc.sents]
        return self._every_sent

    def _without_label(self, s: Span, labels: dict[int, str]) -> Sentence:
        """The sentence from after a leading section label, if it has one and words after it."""
        text = self.document.text
        start, tok = s.start_char, s.start
        name = labels.get(start)
        if name and text.startswith(name, start):
            m = _AFTER_LABEL.match(text, start + len(name))
            if m.end() < s.end_char:
                start = m.end()
                while tok < s.end and self.doc[tok].idx < start:
                    tok += 1
                start = self.doc[tok].idx if tok < s.end else start
        return Sentence(s, text[start:s.end_char], start, s.end_char, tok, s.end)

    def concept(self, span: Span) -> Concept:
        return self.lexicon.concepts[span.kb_id_]

    def introduced_concepts(self) -> list[Concept]:
        """Concepts the facts use that the lexicon file lacks (drugs by INN stem, table-only AE terms)."""
        out: dict[str, Concept] = {}
        for f in self.facts:
            for v in f.fields.values():
                if isinstance(v, Concept) and v.source != "lexicon":
                    out[v.iri] = v
        return list(out.values())

    def concepts_in(self, span: Span | Sentence, kinds: set[str] | None = None) -> list[Span]:
        """Concept mentions (longest, non-overlapping) inside a span, optionally of some kinds."""
        ents = self._ents()
        starts, ends, labels = self._ent_starts, self._ent_ends, self._ent_labels  # (read off the Spans once)
        i = bisect.bisect_left(starts, span.start)
        end, n = span.end, len(ents)
        out = []
        while i < n and starts[i] < end:
            if ends[i] <= end and (kinds is None or labels[i] in kinds):
                out.append(ents[i])
            i += 1
        return out

    def concept_spans(self, start: int, end: int) -> list[Span]:
        """Every concept mention (overlapping ones too) inside text[start:end]."""
        if self._all_spans is None:
            self._all_spans = sorted(self.doc.spans.get("concepts", []), key=lambda sp: sp.start_char)
            self._all_starts = [sp.start_char for sp in self._all_spans]
        i = bisect.bisect_left(self._all_starts, start)
        out = []
        while i < len(self._all_spans) and self._all_spans[i].start_char < end:
            if self._all_spans[i].end_char <= end:
                out.append(self._all_spans[i])
            i += 1
        return out

    def _ents(self) -> list[Span]:
        if self._ent_cache is None:
            self._ent_cache = list(self.doc.ents)
            self._ent_starts = [e.start for e in self._ent_cache]
            self._ent_ends = [e.end for e in self._ent_cache]
            self._ent_labels = [e.label_ for e in self._ent_cache]
        return self._ent_cache


def part_of(document: Document, offset: int) -> tuple[str, bool]:
    """Which part of the paper an offset is in, and whether it is inside the abstract.

    Parts are those of ontology/sections.json (background, objective, methods, results,
    conclusions, discussion, registration, funding), "title", or "other" where no label says
    (an unlabelled abstract, a text without headings). A part is a preference for the
    extractors (`part_preference`), never a reason to drop a sentence."""
    try:  # asked ~4,000 times a paper: no new dict per call, one lookup where the answer is known
        return document.cache["part_of"][offset]
    except KeyError:
        cache = document.cache.setdefault("part_of", {})
        cache[offset] = _part_of(document, offset)
        return cache[offset]


def _part_of(document: Document, offset: int) -> tuple[str, bool]:
    """`part_of` worked out: the walk over the sections that start at or before the offset, read
    from `_PartIndex` (the body's part after each section, the title and abstract sections apart)
    instead of walked for each of the ~4,000 offsets a paper is asked about."""
    index = document.cache.get("part_index")
    if index is None or index.sections is not document.sections or index.n != len(document.sections):
        index = document.cache["part_index"] = _PartIndex(document.sections)
    return index.part(offset)


class _PartIndex:
    """The walk of `part_of` over a document's sections (in listed order, which readers sort by
    start; it stops at the first that starts after the offset), kept once per document: the
    body's part after each section and the title and abstract sections with their places. Of
    the sections walked, a title containing the offset answers "title"; else the abstract's part
    is the last label of an abstract section containing it, else the body's part."""

    def __init__(self, sections: list) -> None:
        self.sections, self.n = sections, len(sections)
        self.reach: list[int] = []  # the greatest start up to each section: the walk stops where it passes the offset
        self.body: list[str] = []  # the body's part after each section
        self.heads: list[tuple[int, object, str | None]] = []  # (place, title or abstract section, its label's part)
        part, top = "other", -1
        for i, s in enumerate(sections):
            top = max(top, s.start)
            self.reach.append(top)
            if s.kind == "title":
                self.heads.append((i, s, None))
            elif s.kind == "abstract":
                self.heads.append((i, s, label_part(s.name)))
            elif s.kind == "body":  # a top-level heading sets the part; labels under it ("Study population") keep it
                p = label_part(s.name)
                if p and (heading_kind(s.name) == "body" or part == "other"):
                    part = p
            elif s.kind in ("references", "backmatter", "front"):
                part = "other"
            self.body.append(part)

    def part(self, offset: int) -> tuple[str, bool]:
        walked = bisect.bisect_right(self.reach, offset)  # the sections the walk reads
        in_abstract, abstract_part = False, "other"
        for i, s, label in self.heads:
            if i >= walked:
                break
            if s.start <= offset < s.end:
                if s.kind == "title":
                    return "title", False
                in_abstract = True
                abstract_part = label or abstract_part
        if in_abstract:
            return abstract_part, True
        return (self.body[walked - 1] if walked else "other"), False


def in_lay_summary(document: Document, offset: int) -> bool:
    """Whether an offset of the abstract is in a plain-language summary or commentary printed beside
    it (ontology/sections.json lay_summaries), which retells the paper rather than stating it."""
    cache = document.cache.setdefault("lay_summary", {})
    if offset not in cache:
        labels = _lay_labels()
        inside = False
        for s in document.sections:  # sorted by start
            if s.start > offset:
                break
            if s.kind != "abstract":
                inside = False
            elif label_key(s.name) in labels:
                inside = True
        cache[offset] = inside and part_of(document, offset)[1]
    return cache[offset]


@functools.lru_cache(maxsize=1)
def _lay_labels() -> frozenset[str]:
    return frozenset(label_key(x) for x in sections_data().get("lay_summaries", ()))


def part_preference(kind: str, part: str) -> float:
    """How much a fact of `kind` found in `part` is to be trusted, relative to its usual part
    (ontology/sections.json "preference"; 1.0 where nothing is said)."""
    return sections_data()["preference"].get(kind, {}).get(part, 1.0)


class _LastAnswer:
    """A guard pattern that keeps its last answer (one sentence is asked about by several
    patterns sharing a guard, one after another; the string is held, so `is` cannot mistake
    another), asked only where the cheaper `words` (a WordGuard read off it) pass."""

    __slots__ = ("guard", "words", "last", "ok")

    def __init__(self, guard: re.Pattern, words: WordGuard | None = None) -> None:
        self.guard, self.words, self.last, self.ok = guard, words, None, False

    def passes(self, string: str) -> bool:
        if string is not self.last:
            self.ok = self.search(string) is not None
            self.last = string
        return self.ok

    def search(self, string: str):
        if self.words is not None and self.words.search(string) is None:
            return None
        return self.guard.search(string)


_PATTERN_GUARDS: dict[re.Pattern, _LastAnswer | WordGuard] = {}


def _words_of_guard(guard: re.Pattern, min_length: int = 3) -> WordGuard | None:
    """The literal words every match of a case-insensitive guard pattern contains
    (`\\b(?:group|arm)s?\\b` → group, arm): they pass wherever the pattern does, and substring
    tests cost less than re's scan of an alternation under IGNORECASE, so the pattern is asked
    only where they pass. None for a case-sensitive guard (re finds a literal prefix fast) or
    one without such words."""
    import re._parser as sre_parse

    if not guard.flags & re.IGNORECASE:
        return None
    try:
        words = _required(list(sre_parse.parse(guard.pattern, guard.flags)))
    except Exception:  # noqa: BLE001 - a pattern the parser reads otherwise: the pattern stays the guard
        return None
    if not words or min(map(len, words)) < min_length:
        return None
    return WordGuard(words, guard.flags)


class Guarded:
    """A compiled pattern tried only on texts where a cheaper pattern it cannot match without
    is found: the same matches, without the pattern's attempt at every position of every
    sentence (a leading `(?:\\w+\\s+){0,4}?` or `[^.]{0,60}?` makes those attempts costly).

    `guard` must match wherever `rx` can (e.g. the keyword alternation `rx` requires).
    """

    def __init__(self, rx: re.Pattern, guard) -> None:
        from kg.extract.folded import Folded, folded  # (it reads base's lowered texts: imported when first asked)

        self.pattern, self.flags = rx.pattern, rx.flags
        self.rx, self._scan = rx, folded(rx)  # searches start on the lowered text where that matches the same
        if isinstance(self._scan, Folded):
            self._scan.words = False  # the guard asks for the words first: not the scan again
        if not isinstance(guard, (WordGuard, _LastAnswer)):  # a pattern: one keeper of its answers
            if guard not in _PATTERN_GUARDS:
                _PATTERN_GUARDS[guard] = _LastAnswer(folded(guard), _words_of_guard(guard))
            guard = _PATTERN_GUARDS[guard]
        self.guard = guard
        self._passes = guard.passes

    def search(self, string: str, *args: int) -> re.Match | None:
        return self._scan.search(string, *args) if self._passes(string) else None

    def finditer(self, string: str, *args: int):
        return self._scan.finditer(string, *args) if self._passes(string) else iter(())

    def fullmatch(self, string: str, *args: int) -> re.Match | None:
        return self.rx.fullmatch(string, *args)  # anchored: fails at once, faster than asking the guard

    def findall(self, string: str, *args: int) -> list:
        return self._scan.findall(string, *args) if self._passes(string) else []

    def match(self, string: str, *args: int) -> re.Match | None:
        return self.rx.match(string, *args)

    def __getattr__(self, name: str) -> Any:  # sub, split, groupindex ...: the pattern's own, unguarded
        return getattr(self.rx, name)


def guarded(rx: re.Pattern, min_length: int = 3) -> re.Pattern | Guarded:
    r"""`rx` behind a guard read off the pattern itself: the literal words one of which every
    match must contain (a mandatory alternation such as `(?:group|arm|cohort)`, or a literal
    run), looked for as substrings (`WordGuard`). A pattern that opens with a costly prefix (a
    `(?:[\w-]+\s+){0,2}?` phrase, a word class) is then tried only on sentences holding one of
    them. `rx` itself when it has no such words of `min_length` characters or more, or when it
    is case-sensitive and opens with them (the engine then finds them as fast as a guard would)."""
    import re._parser as sre_parse  # the standard library's own parser: its tree, not a copy

    try:
        tree = sre_parse.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001 - a pattern the parser reads otherwise: no guard, same matches
        return rx
    words = _required(list(tree))
    if not words or min(map(len, words)) < min_length or not rx.flags & re.I and _opens_with(list(tree), words):
        from kg.extract.folded import folded

        return folded(rx)  # no guard: its searches still start on the lowered text where that matches the same
    return Guarded(rx, WordGuard(words, rx.flags))


_LOWER_LAST: list = [None, "", False]  # the last string lowered, its lower case, whether re.I may fold more
# The characters outside ASCII that `re.I` equates with an ASCII letter where `str.lower`
# does not give that letter (İ → 'i̇', ı, ſ; the Kelvin sign is listed too): tests/test_guarded.py finds them
# all by asking `re` about every code point.
RE_I_ASCII_FOLDS = "\u0130\u0131\u017f\u212a"  # İ ı ſ and the Kelvin sign


class WordGuard:
    """Does a text contain one of some literal words? Asked as `guard.search(text)` (true or
    None), like a pattern, or as `guard.passes(text)`, which keeps the last answer (several
    patterns behind one guard ask about the same sentence in turn). Plain substring tests:
    `re`'s scan of an alternation under IGNORECASE costs about what the pattern it guards does.
    A case-insensitive test of ASCII words lowers the text once: ASCII letters lower exactly,
    and a text holding one of the few other characters re.I folds to an ASCII letter
    (RE_I_ASCII_FOLDS) asks the alternation."""

    _shared: dict = {}

    def __new__(cls, words: set[str], flags: int) -> WordGuard:
        # one guard per word set: patterns with the same words share the answer per sentence
        key = (frozenset(words), flags & (re.IGNORECASE | re.ASCII))
        guard = cls._shared.get(key)
        if guard is None:
            guard = cls._shared[key] = super().__new__(cls)
        return guard

    def __init__(self, words: set[str], flags: int) -> None:
        if getattr(self, "words", None) is not None:
            return
        self.words = sorted(words, key=len, reverse=True)
        self.ignore_case = bool(flags & re.IGNORECASE)
        self.rx = re.compile("|".join(map(re.escape, self.words)), flags & (re.IGNORECASE | re.ASCII))
        self.fast = all(w.isascii() for w in self.words)
        self.lowered = [w.lower() for w in self.words]
        self.last, self.ok = None, False

    def passes(self, text: str) -> bool:
        if text is not self.last:
            self.ok = self.search(text) is not None
            self.last = text
        return self.ok

    def search(self, text: str) -> bool | None:
        if not self.ignore_case:
            for w in self.words:
                if w in text:
                    return True
            return None
        if not self.fast:
            return self.rx.search(text) is not None or None
        low = _lowered(text)
        if low is None:
            return self.rx.search(text) is not None or None
        for w in self.lowered:
            if w in low:
                return True
        return None


def _lowered(text: str) -> str | None:
    """`text.lower()`, kept for the next asker of the same string; None where a character that
    re.I folds to an ASCII letter otherwise than `str.lower` does (RE_I_ASCII_FOLDS) is in it.
    A long text (the document's, searched between offsets) has a slot of its own: asked about
    between sentences, it was lowered whole again each time (~1,000 times per 62 papers)."""
    if _LOWER_LAST[0] is not text:
        if len(text) >= _LONG_TEXT:
            return _long_lowered(text)
        _LOWER_LAST[0], _LOWER_LAST[1] = text, text.lower()
        _LOWER_LAST[2] = not text.isascii() and _RE_I_ASCII_FOLDS_RX.search(text) is not None
    return None if _LOWER_LAST[2] else _LOWER_LAST[1]


_LONG_TEXT = 4096  # characters: a text this long is kept in `_LONG_LAST`, not `_LOWER_LAST`
_LONG_LAST: list = [None, "", False]  # as _LOWER_LAST, for the last long text lowered
_RE_I_ASCII_FOLDS_RX = re.compile(f"[{RE_I_ASCII_FOLDS}]")


def _long_lowered(text: str) -> str | None:
    """`_lowered` of a long text, from its own one-entry cache."""
    if _LONG_LAST[0] is not text:
        _LONG_LAST[0], _LONG_LAST[1] = text, text.lower()
        _LONG_LAST[2] = not text.isascii() and _RE_I_ASCII_FOLDS_RX.search(text) is not None
    return None if _LONG_LAST[2] else _LONG_LAST[1]


class AnyOf:
    """Can any of several patterns match a text? True wherever one of them can, from their
    guards' words looked for at once: one scan of the lowered text by an alternation of all
    the words (re dispatches on a word's first letter) instead of a substring test per word of
    each guard in turn. A sentence none of them can match then skips a whole family of
    patterns (a relation's cues, a list of layouts) at the cost of one. Patterns without a
    guard, and guards that are case-sensitive or hold non-ASCII words, are asked themselves."""

    def __init__(self, patterns: Iterable) -> None:
        from kg.extract.folded import folded as fold_pattern

        folded: set[str] = set()
        self.fast: list[WordGuard] = []  # the guards whose words the alternation holds
        self.others: list = []  # what is asked itself: patterns or guards
        for p in patterns:
            guard = p.guard if isinstance(p, Guarded) else None
            if isinstance(guard, _LastAnswer):
                guard = guard.words if guard.words is not None else guard.guard
            if isinstance(guard, WordGuard) and guard.ignore_case and guard.fast:
                folded.update(guard.lowered)
                self.fast.append(guard)
            else:
                self.others.append(fold_pattern(guard if guard is not None else p))
        self.rx = re.compile(alternation([re.escape(w) for w in sorted(folded, key=len, reverse=True)], False)) \
            if folded else None

    def search(self, text: str) -> bool:
        for o in self.others:
            if o.search(text):
                return True
        if self.rx is None:
            return False
        low = _lowered(text)
        if low is None:  # a character re.I folds otherwise: each guard asks re itself
            return any(g.search(text) for g in self.fast)
        return self.rx.search(low) is not None


class AnyMatch:
    r"""Does a text hold a match of an alternation? (True or False: asked where nothing but that
    matters, e.g. a sentence's cue words before it is read.) re finds where a match of an
    alternation may start from its branches' first characters only when every branch opens with
    a literal; one branch opening with `\b` or `\d` makes it try every branch at every position
    (~9 µs a sentence for results' ~90 cue words). An alternation matches somewhere exactly when
    one of its branches does, so the branches are asked apart: those opening with a literal
    together (re's scan for their first characters), each other one on its own (a `\b`-led word
    behind a substring test of it, `Folded.words`; a class by re's scan for it)."""

    def __init__(self, source: str, flags: int) -> None:
        from kg.extract.folded import folded

        branches = _top_level_branches(source)
        if source.startswith("(?") and source[2:3].isalpha():  # global inline flags: the pattern as it is
            branches = [source]
        literal = [b for b in branches if _opens_with_letter(b)]
        self.patterns = [folded(re.compile(b, flags)) for b in branches if not _opens_with_letter(b)]
        if literal:
            self.patterns.append(folded(re.compile(alternation(literal, bool(flags & re.IGNORECASE)), flags)))

    def search(self, text: str) -> bool:
        for rx in self.patterns:
            if rx.search(text) is not None:
                return True
        return False


def _top_level_branches(p: str) -> list[str]:
    """The branches of a pattern's top-level alternation (the pattern itself when it has none)."""
    out = []
    while (i := _top_level_bar(p)) >= 0:
        out.append(p[:i])
        p = p[i + 1:]
    return out + [p]


def _opens_with_letter(p: str) -> bool:
    """Does the branch open with a letter or digit that no quantifier follows (as `alternation` groups)?"""
    first = p[:1]
    return first.isascii() and first.isalnum() and p[1:2] not in ("?", "*", "+", "{")


class GuardIndex:
    """Which of a family of patterns may match a text, from one scan of its lowered text: every
    guard word of the family found at once (an alternation in a look-ahead, so that words that
    overlap are all found; at each position the longest, whose prefixes among the words are
    found with it), where each pattern's guard made its own substring tests in turn (~50 µs a
    sentence for results' 60 qualitative layouts against ~10 µs for the scan). A pattern is
    offered wherever its guard passes, and then searched without asking the guard again:
    the same matches. Patterns whose guard is not a case-insensitive ASCII `WordGuard` (and
    every pattern, for a text holding a character re.I folds otherwise than str.lower) are
    offered as they are, to ask their own guards."""

    def __init__(self, patterns: Iterable) -> None:
        self.patterns = list(patterns)
        self.keys: list[frozenset[str] | None] = []  # each pattern's guard words, None: asked itself
        self.scans: list = []  # what is searched once the pattern is offered
        words: set[str] = set()
        for p in self.patterns:
            guard = p.guard if isinstance(p, Guarded) else None
            if isinstance(guard, WordGuard) and guard.ignore_case and guard.fast:
                self.keys.append(frozenset(guard.lowered))
                self.scans.append(p._scan)
                words.update(guard.lowered)
            else:
                self.keys.append(None)
                self.scans.append(p)
        ordered = sorted(words, key=len, reverse=True)  # the longest word at a position is the one found
        self._prefixes = {w: frozenset(w[:i] for i in range(1, len(w) + 1) if w[:i] in words) for w in words}
        self.rx = re.compile("(?=(" + alternation([re.escape(w) for w in ordered], False) + "))") if words else None
        # which patterns each word lets in, and those asked themselves: a text names a few of the words, so
        # the patterns offered are gathered from them rather than each pattern's words tested in turn
        self._by_word: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            for w in key or ():
                self._by_word.setdefault(w, []).append(i)
        self._unguarded = [i for i, key in enumerate(self.keys) if key is None]

    def offered(self, text: str) -> list[tuple[int, Any]]:
        """(i, what to search) for the family's patterns that may match `text`, in order: the
        i-th pattern itself, or without its guard where the index answered for it."""
        low = _lowered(text) if self.rx is not None else None
        if low is None:
            return list(enumerate(self.patterns))
        found: set[str] = set()
        for m in self.rx.finditer(low):
            found |= self._prefixes[m.group(1)]
        offered = set(self._unguarded)
        for w in found:
            offered.update(self._by_word[w])
        scans = self.scans
        return [(i, scans[i]) for i in sorted(offered)]


def needs_digit(pattern: re.Pattern) -> bool:
    """Whether every match of a compiled pattern needs a decimal digit in the text searched (one
    it consumes, or one a look-ahead or look-behind it holds asks for): then a text without one
    cannot match, which one `\\d` scan tells before the pattern is tried at every position. False
    where unsure (a back-reference, a class that also holds other characters)."""
    import re._parser as sre_parse

    try:
        return _digit_in(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    except Exception:  # noqa: BLE001 - a pattern the parser reads otherwise: no claim
        return False



def _digit_in(items: list) -> bool:
    """Does every match of the item sequence hold a digit? (for `needs_digit`)"""
    import re._constants as c

    for op, av in items:
        if op is c.LITERAL and chr(av).isdigit() and chr(av).isascii():
            return True
        if op is c.IN and all(_digit_member(m) for m in av):
            return True
        if op is c.SUBPATTERN and _digit_in(list(av[3])):
            return True
        if op is c.BRANCH and all(_digit_in(list(b)) for b in av[1]):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1 and _digit_in(list(av[2])):
            return True
        if op is c.ASSERT and _digit_in(list(av[1])):  # a look-around that must match: its digit is in the text
            return True
        if op is c.ATOMIC_GROUP and _digit_in(list(av)):
            return True
    return False


def _digit_member(member: tuple) -> bool:
    """Is every character a class member matches a decimal digit ('\\d', '0-9', a digit)?"""
    import re._constants as c

    op, av = member
    if op is c.CATEGORY:
        return av is c.CATEGORY_DIGIT
    if op is c.RANGE:
        return ord("0") <= av[0] and av[1] <= ord("9")
    if op is c.LITERAL:
        return chr(av).isascii() and chr(av).isdigit()
    return False


def _required(items: list) -> set[str] | None:
    """A set of literal strings one of which every match of the item sequence contains, the
    most selective found (longest shortest member); None when there is none."""
    import re._constants as c

    best: set[str] | None = None

    def offer(cand: set[str] | None) -> None:
        nonlocal best
        if cand and all(cand) and (best is None or min(map(len, cand)) > min(map(len, best))):
            best = cand

    runs = {""}  # what the items read so far must spell, one of them (a class of a few letters forks it)
    for op, av in items + [(None, None)]:
        if op is c.LITERAL:
            runs = {r + chr(av) for r in runs}
            continue
        members = _class_letters(op, av)
        if members is not None and len(runs) * len(members) <= _MAX_RUNS:  # 'r[io]se' -> rise, rose
            runs = {r + m for r in runs for m in members}
            continue
        offer(runs if "" not in runs else None)
        runs = {""}
        if op is c.SUBPATTERN and not av[1] and not av[2]:  # a group without flags of its own
            offer(_required(list(av[3])))
        elif op is c.BRANCH:
            alts = [_required(list(alt)) for alt in av[1]]
            offer(set().union(*alts) if all(alts) else None)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            offer(_required(list(av[2])))
    return best


_MAX_RUNS = 16  # literal strings a required run may fork into ('oxidi[sz]ed' is two)


def _class_letters(op, av) -> list[str] | None:
    """The characters a class of a few literal members matches (`[io]`, `[sz]`), else None."""
    import re._constants as c

    if op is not c.IN or not 1 <= len(av) <= 4 or any(o is not c.LITERAL for o, _v in av):
        return None
    return [chr(v) for _o, v in av]


def _opens_with(items: list, words: set[str]) -> bool:
    """True when the pattern's first item that consumes text is the literal or alternation that
    gave the guard (zero-width assertions such as `\b` or a look-behind aside)."""
    import re._constants as c

    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.SUBPATTERN and not av[1] and not av[2]:
            return _opens_with(list(av[3]), words)
        return _required([(op, av)]) == words or op is c.LITERAL
    return False


@functools.lru_cache(maxsize=4096)
def whole_word(literal: str, flags: int = re.IGNORECASE) -> Guarded:
    """`literal` as a whole word (no word character or hyphen on either side), compiled once
    and tried only where the literal itself is found (WordGuard's substring test): a sentence is
    asked for every label of the paper, and re under IGNORECASE tries every position of it."""
    return Guarded(re.compile(rf"(?<![\w-]){re.escape(literal)}(?![\w-])", flags), WordGuard({literal}, flags))


def may_contain(text: str, literal: str, ignore_case: bool = False) -> bool:
    """False only where `literal` cannot occur in `text` (as re.I compares, with `ignore_case`):
    the test before a pattern built around one paper's words is compiled. re keeps 512
    compiled patterns and drops the oldest: every such pattern pushed out one the extractors
    use on every sentence, which was then compiled again (~2,800 compiles per 62 papers)."""
    if not ignore_case:
        return literal in text
    if text.isascii() and literal.isascii():  # ASCII letters fold under re.I as str.lower folds them
        return literal.lower() in text.lower()
    return True


def may_contain_any(text: str, literals: Iterable[str], ignore_case: bool = False) -> bool:
    """may_contain for several literals, the text lowered once: False only where none of them
    can occur in it."""
    if not ignore_case:
        return any(w in text for w in literals)
    if not text.isascii():
        return True
    low = text.lower()
    return any(not w.isascii() or w.lower() in low for w in literals)


def alternation(patterns: list[str], ignore_case: bool) -> str:
    r"""`"|".join(patterns)`, matching exactly as it does, with the alternatives that open with
    the same letter or digit behind it once (`crp|c3|il-6` → `c(?:rp|3)|i(?:l-6)`): re tries an
    alternation's branches one by one at every position, so a list of 140 terms costs 140 tries
    per word where the grouped one costs one per first letter. Two branches that open with
    different letters never match at the same place, even under re.I (whose foldings keep
    ASCII letters apart), so only their order relative to each other changes; a branch that opens
    otherwise (a group, a class, an escape, a letter with a quantifier) keeps its place, and
    the groups around it close there. `ignore_case`: the pattern it goes into has re.I (then
    'C3' and 'crp' share a group; without it they must not)."""
    out: list[str] = []
    groups: dict[str, list[str]] = {}

    def flush() -> None:
        out.extend(members[0] if len(members) == 1 else
                   re.escape(k) + "(?:" + "|".join(m[1:] for m in members) + ")" for k, members in groups.items())
        groups.clear()

    for p in patterns:
        first = p[:1]
        if first.isascii() and first.isalnum() and p[1:2] not in ("?", "*", "+", "{") \
                and _top_level_bar(p) < 0:
            groups.setdefault(first.lower() if ignore_case else first, []).append(p)
        else:
            flush()
            out.append(p)
    flush()
    return "|".join(out)


def _top_level_bar(p: str) -> int:
    """The index of a `|` outside any group or class in a pattern, or -1."""
    depth, i, cls = 0, 0, False
    while i < len(p):
        ch = p[i]
        if ch == "\\":
            i += 2
            continue
        if cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
            if p[i + 1:i + 2] == "]":  # ']' first in a class is a member
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return i
        i += 1
    return -1


_R = TypeVar("_R")


def sentence_cached(fn: Callable[[Context, Sentence], _R]) -> Callable[[Context, Sentence], _R]:
    """Memoise `fn(ctx, sentence)` for one extraction run: a sentence read by several passes
    (a document-wide one and the per-sentence one) is read once. Only for functions whose
    answer depends on nothing but the sentence and what the document already holds, and whose
    callers do not change the returned value."""

    @functools.wraps(fn)
    def cached(ctx: Context, sent: Sentence) -> _R:
        key = (fn, sent.start_char, sent.end_char)
        try:
            return ctx.memo[key]
        except KeyError:
            out = ctx.memo[key] = fn(ctx, sent)
            return out

    return cached
