"""The document model every reader returns and every extractor reads.

All offsets (sections, table cells, evidence spans) index `Document.text`, so that
`document.text[start:end]` is always the quoted source text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    """A named stretch of the text: a heading's body, a table, boilerplate."""

    name: str  # the heading as written ("Results", "Safety profile", "Table 1 ...")
    start: int
    end: int
    kind: str = "body"  # body | abstract | table | references | boilerplate | metadata | figure


@dataclass(frozen=True)
class Cell:
    """One table cell; `text == document.text[start:end]` (stripped of padding)."""

    text: str
    start: int
    end: int


@dataclass
class Table:
    """A table as rows of cells, with its caption and footnote lines."""

    caption: str
    start: int
    end: int
    rows: list[list[Cell]] = field(default_factory=list)
    footnotes: list[Cell] = field(default_factory=list)
    caption_start: int = -1


@dataclass
class Metadata:
    """Bibliographic facts taken from a source's own fields, not from prose."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    doi: str | None = None
    journal: str | None = None
    issn: str | None = None
    year: int | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    registry_ids: list[str] = field(default_factory=list)


@dataclass
class Document:
    """One source turned into text with its structure; what every reader returns."""

    id: str  # file name without its extensions
    source_path: str
    sha256: str
    text: str
    kind: str  # text | record | pdf | jats
    metadata: Metadata = field(default_factory=Metadata)
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # Spans of `text` that carry a fact already given elsewhere (a repeated abstract):
    # extractors skip them so that each fact is taken once.
    duplicate_spans: list[tuple[int, int]] = field(default_factory=list)
    # derived values memoised by readers of the document (not part of its content)
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    def section_at(self, offset: int) -> Section | None:
        """The innermost section containing `offset`: of those containing it, the one that starts
        last (of two starting there, the later listed). Asked for every sentence and evidence span,
        it walks back from the last section starting at or before the offset (`_by_start`) instead
        of over every section of the paper (a JATS paper has a hundred)."""
        starts, ordered = self._by_start()
        i = bisect.bisect_right(starts, offset)
        while i:
            i -= 1
            if offset < ordered[i].end:
                return ordered[i]
        return None

    def _by_start(self) -> tuple[list[int], list[Section]]:
        """The sections sorted by start (a stable sort: listed order among equal starts) and their
        starts, kept in `cache` for as long as `sections` is the same list (held, so its id is
        not reused) of the same length (a reader appends while it reads)."""
        held = self.cache.get("sections_by_start")
        if held is None or held[0] is not self.sections or held[1] != len(self.sections):
            ordered = sorted(self.sections, key=lambda s: s.start)
            held = self.cache["sections_by_start"] = (self.sections, len(self.sections), [s.start for s in ordered],
                                                      ordered)
        return held[2], held[3]

    def is_minable(self, start: int, end: int) -> bool:
        """False for spans in boilerplate, references, metadata or repeated text."""
        for a, b in self.duplicate_spans:
            if a <= start < b:
                return False
        sec = self.section_at(start)
        return sec is None or sec.kind not in ("references", "boilerplate", "metadata")
