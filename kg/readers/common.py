"""What every reader needs: heading names and their kinds, boilerplate, DOIs, registry IDs."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from kg.model import Cell, Section, Table

# Top-level headings of a research article, by the kind of section they open.
TOP_HEADINGS: dict[str, str] = {
    "abstract": "abstract",
    "summary": "abstract",
    "background": "body",
    "introduction": "body",
    "methods": "body",
    "materials and methods": "body",
    "patients and methods": "body",
    "results": "body",
    "results and discussion": "body",
    "methods and analysis": "body",
    "discussion": "body",
    "conclusion": "body",
    "conclusions": "body",
    "references": "references",
    "bibliography": "references",
    "literature cited": "references",
}
# Back matter: declarations, abbreviations, funding... not mined for trial facts.
BACKMATTER_HEADINGS: dict[str, str] = {
    name: "backmatter"
    for name in (
        "abbreviations", "supplementary information", "supplementary material", "acknowledgements",
        "acknowledgments", "authors' contributions", "author contributions", "funding",
        "availability of data and materials", "data availability", "declarations",
        "ethics approval and consent to participate", "consent for publication", "competing interests",
        "conflict of interest", "conflicts of interest", "author details", "additional files",
        "footnotes", "notes", "publisher's note", "keywords", "contributors", "declaration of interests",
        "declaration of competing interest", "acknowledgment",
    )
}

_BOILERPLATE = re.compile(
    r"Creative Commons|licen[cs]ed under|© The Author|Open Access This article|"
    r"Publisher['’]s Note|Ready to submit your research|Learn more biomedcentral|"
    r"Submit your (?:next )?manuscript|Full list of author information|^\s*\* Correspondence|"
    r"remains neutral with regard to jurisdictional|^\s*[-•] (?:fast, convenient|thorough peer|"
    r"rapid publication|support for research|gold Open Access|maximum visibility)|"
    r"At BMC, research is always in progress",
    re.IGNORECASE | re.MULTILINE,
)

_DOI = re.compile(r"10\.\d{4,9}/[-._;()/:A-Za-z0-9]+")
_REGISTRY = re.compile(
    r"\b(NCT\d{8}|ISRCTN\d{8}|ACTRN\d{14}|ChiCTR[-A-Z0-9]{6,20}\d|DRKS\d{8}|"
    r"JPRN-[A-Za-z]+\d+|CTRI/\d{4}/\d+/\d+|(?:19|20)\d\d-\d{6}-\d\d)\b"
)


@functools.lru_cache(maxsize=4096)
def normalise_heading(name: str) -> str:
    """'## 2. Materials and Methods:' → 'materials and methods'."""
    low = re.sub(r"^[#\s]*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+", "", name.strip()).rstrip(":. ").lower()
    return re.sub(r"\s+", " ", low)


def heading_kind(name: str) -> str | None:
    """The kind of section a known heading opens, or None for an unknown heading."""
    low = normalise_heading(name)
    if low in TOP_HEADINGS:
        return TOP_HEADINGS[low]
    if low in BACKMATTER_HEADINGS:
        return "boilerplate" if low == "publisher's note" else "backmatter"
    return None


def is_boilerplate(paragraph: str) -> bool:
    """Licence, correspondence and publisher text that carries no trial fact."""
    return bool(_BOILERPLATE.search(paragraph))


def find_dois(text: str) -> list[str]:
    """DOIs in order of appearance, trailing punctuation removed."""
    out: list[str] = []
    for m in _DOI.finditer(text):
        doi = m.group(0).rstrip(".,;:)>]")
        if doi not in out:
            out.append(doi)
    return out


def find_registry_ids(text: str) -> list[str]:
    """Trial registry IDs (NCT, EudraCT, ISRCTN, ACTRN, ChiCTR, DRKS, JPRN, CTRI) in order."""
    out: list[str] = []
    for m in _REGISTRY.finditer(text):
        rid = m.group(1)
        if re.fullmatch(r"(?:19|20)\d\d-\d{6}-\d\d", rid) and not _near_eudract(text, m.start()):
            continue
        if rid not in out:
            out.append(rid)
    return out


def _near_eudract(text: str, pos: int) -> bool:
    """A bare yyyy-nnnnnn-nn number counts as EudraCT only when the word is near it."""
    return "eudract" in text[max(0, pos - 40):pos].lower()


def registry_id_spans(text: str) -> list[tuple[str, int, int]]:
    """Each registry ID mention with its offsets (for evidence)."""
    out = []
    for m in _REGISTRY.finditer(text):
        rid = m.group(1)
        if re.fullmatch(r"(?:19|20)\d\d-\d{6}-\d\d", rid) and not _near_eudract(text, m.start()):
            continue
        out.append((rid, m.start(1), m.end(1)))
    return out


_ABSTRACT_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[.\s]))(Background|Objectives?|Aims?|Purpose|Methods/design|Methods|Design|Setting|"
    r"Participants|Interventions?|Results|Findings|Discussion|Conclusions?|Trial registration)(?=\s*:|\s+[A-Z])",
    re.MULTILINE,
)


def abstract_parts(text: str, start: int, end: int) -> list[Section]:
    """Labelled parts of a structured abstract ("Results: ...", or glued: "...in SSc.Results At day 8")."""
    marks = [(start + m.start(1), m.group(1)) for m in _ABSTRACT_LABEL.finditer(text[start:end])]
    out = []
    for n, (s, label) in enumerate(marks):
        e = marks[n + 1][0] if n + 1 < len(marks) else end
        out.append(Section(label, s, e, "abstract"))
    return out


@dataclass
class TextBuilder:
    """A document text built block by block (a blank line between blocks), keeping the offsets
    of every block, table cell and footnote, for readers that lay out their own text."""

    parts: list[str] = field(default_factory=list)
    pos: int = 0

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def put(self, s: str) -> tuple[int, int]:
        """Append a block; return its offsets."""
        if self.parts:
            self.parts.append("\n\n")
            self.pos += 2
        self.parts.append(s)
        start = self.pos
        self.pos += len(s)
        return start, self.pos

    def add_table(self, caption: str, rows: list[list[str]], notes: list[str]) -> Table:
        """Append a table as its caption, one tab-separated line per row, then its notes."""
        caption = " ".join(caption.split())
        start, cur = self.put(caption)
        chunks: list[str] = []
        table_rows: list[list[Cell]] = []
        for row in rows:
            cells: list[Cell] = []
            for j, raw in enumerate(row):
                chunks.append("\t" if j else "\n")
                cur += 1
                txt = " ".join(raw.split())
                cells.append(Cell(txt, cur, cur + len(txt)))
                chunks.append(txt)
                cur += len(txt)
            table_rows.append(cells)
        foot: list[Cell] = []
        for raw in notes:
            txt = " ".join(raw.split())
            if txt:
                chunks.append("\n")
                foot.append(Cell(txt, cur + 1, cur + 1 + len(txt)))
                chunks.append(txt)
                cur += 1 + len(txt)
        self.parts.append("".join(chunks))
        self.pos = cur
        return Table(caption=caption, start=start, end=cur, rows=table_rows, footnotes=foot, caption_start=start)
