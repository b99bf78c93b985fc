"""Evidence spans: the sentence around a span of a document's text, and where the span sits in it."""

from __future__ import annotations

import re
from dataclasses import dataclass

# a sentence ends at . ! ? followed by space and a capital, digit or bracket, or at a line break
# unless the next line goes on in lower case (a PDF conversion's break inside a sentence)
_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[A-Z0-9(\[“\"])|\n(?![ \t\n]*[a-z])")
MAX_CONTEXT = 400  # characters either side, for run-on "sentences" (tables without line breaks)


@dataclass(frozen=True)
class Evidence:
    """One evidence annotation of a fact: a span of a document's text and how it was found."""

    fact: str
    doc: str  # document id (its graph name), what kg.graph.views.document_text takes
    start: int
    end: int
    exact: str
    section: str = ""
    extractor: str = ""
    rule: str = ""
    version: str = ""

    @property
    def where(self) -> str:
        """'doc · section · chars a–b · extractor/rule · kg version' for a status line."""
        parts = [self.doc, self.section or "?", f"chars {self.start}–{self.end}"]
        if self.extractor:
            parts.append(f"{self.extractor}/{self.rule}" if self.rule else self.extractor)
        if self.version:
            parts.append(f"kg {self.version}")
        return " · ".join(parts)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The [from, to) of the sentence(s) holding text[start:end]."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    lo = max(0, start - MAX_CONTEXT)
    s = lo
    for m in _END.finditer(text, lo, start):
        s = m.end()
    m = _END.search(text, max(end, s), min(len(text), end + MAX_CONTEXT))
    e = m.start() if m else min(len(text), end + MAX_CONTEXT)
    while s < start and text[s].isspace():
        s += 1
    return s, max(e, end)


def sentence(text: str, start: int, end: int) -> tuple[str, int, int]:
    """(sentence, span start in it, span end in it) for the span text[start:end]."""
    s, e = sentence_bounds(text, start, end)
    return text[s:e], start - s, end - s
