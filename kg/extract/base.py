"""What every extractor produces: facts with typed fields and the evidence they came from."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span

from kg.lexicon import Concept, Lexicon
from kg.model import Document
from kg.readers.common import normalise_heading

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
    _sent_cache: list[Sentence] | None = field(default=None, repr=False)
    _all_spans: list[Span] | None = field(default=None, repr=False)
    _all_starts: list[int] = field(default_factory=list, repr=False)

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
        """The minable sentences, outside tables (tables are read as tables)."""
        if self._sent_cache is None:
            table_ranges = [(t.start, t.end) for t in self.document.tables]
            text = self.document.text
            self._sent_cache = [Sentence(s, text[s.start_char:s.end_char], s.start_char, s.end_char, s.start, s.end)
                                for s in self.doc.sents if self.minable(s.start_char)
                                and not any(a <= s.start_char < b for a, b in table_ranges)]
        return self._sent_cache

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
        i = bisect.bisect_left(self._ent_starts, span.start)
        out = []
        while i < len(ents) and ents[i].start < span.end:
            e = ents[i]
            if e.end <= span.end and (kinds is None or e.label_ in kinds):
                out.append(e)
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
        return self._ent_cache


_PART_OF_HEADING = {
    "abstract": "abstract", "summary": "abstract", "background": "background", "introduction": "background",
    "objective": "background", "objectives": "background", "aim": "background", "aims": "background",
    "purpose": "background", "methods": "methods", "materials and methods": "methods",
    "patients and methods": "methods", "design": "methods", "setting": "methods", "participants": "methods",
    "intervention": "methods", "interventions": "methods", "trial registration": "methods",
    "results": "results", "findings": "results", "results and discussion": "results",
    "methods and analysis": "methods", "methods/design": "methods", "discussion": "discussion",
    "conclusion": "conclusions", "conclusions": "conclusions",
}


def part_of(document: Document, offset: int) -> tuple[str, bool]:
    """Which part of the paper an offset is in (title, background, methods, results,
    discussion, conclusions, other), and whether it is inside the abstract."""
    cache = document.cache.setdefault("part_of", {})
    if offset not in cache:
        if "structured" not in document.cache:
            document.cache["structured"] = any(_part_of(document, s.start)[0] != "other"
                                               for s in document.sections)
        # a text with no recognisable parts at all is read as a report of results
        cache[offset] = _part_of(document, offset) if document.cache["structured"] else ("results", False)
    return cache[offset]


def _part_of(document: Document, offset: int) -> tuple[str, bool]:
    in_abstract = False
    part = "other"
    for s in document.sections:  # sorted by start
        if s.start > offset:
            break
        if s.kind == "title" and s.start <= offset < s.end:
            return "title", False
        if s.kind == "abstract" and s.start <= offset < s.end:
            in_abstract = True
            part = _PART_OF_HEADING.get(normalise_heading(s.name), part)
            continue
        if s.kind in ("body", "references", "backmatter") and not (s.kind == "body" and in_abstract):
            key = normalise_heading(s.name)
            if key in _PART_OF_HEADING:
                part = _PART_OF_HEADING[key]
            elif s.kind != "body":
                part = "other"
    if in_abstract and part == "abstract":
        part = "other"
    return part, in_abstract
