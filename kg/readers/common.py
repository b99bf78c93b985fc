"""What every reader needs: heading names and their kinds, boilerplate, DOIs, registry IDs."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field

from kg.lexicon import ONTOLOGY_DIR
from kg.model import Cell, Section, Table


@functools.lru_cache(maxsize=4096)
def normalise_heading(name: str) -> str:
    """'## 2. Materials and Methods:' → 'materials and methods'."""
    low = re.sub(r"^[#\s]*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+", "", name.strip()).rstrip(":. ").lower()
    return re.sub(r"\s+", " ", low)


SECTIONS_FILE = ONTOLOGY_DIR / "sections.json"


@functools.cache
def sections_data() -> dict:
    """ontology/sections.json: section labels → parts of the paper, document-level headings, part order."""
    return json.loads(SECTIONS_FILE.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=8192)  # the extractors ask for the same headings' parts over and over
def label_key(name: str) -> str:
    """A label as looked up: 'Design, Setting, & Participants:' → 'design setting and participants'."""
    low = normalise_heading(name.replace("’", "'").replace("‘", "'"))
    low = re.sub(r"\s*[&/+]\s*", " and ", low)
    low = re.sub(r"[,;:]+", " ", low)
    low = re.sub(r"\band and\b", "and", low)
    return re.sub(r"\s+", " ", low).strip(" .-")


@functools.cache
def label_parts() -> dict[str, str]:
    """Every known section label (normalised) → its part: background, objective, methods, results,
    conclusions, discussion, registration, funding."""
    return {label_key(label): part for part, labels in sections_data()["parts"].items() for label in labels}


def label_part(name: str) -> str | None:
    """The part of the paper a section label opens ('MAIN OUTCOME MEASURES' → 'methods'), or None."""
    return label_parts().get(label_key(name))


PART_ORDER: list[str] = sections_data()["order"]

# Top-level headings of a research article, by the kind of section they open.
TOP_HEADINGS: dict[str, str] = {label_key(name): kind for kind in ("abstract", "body", "references")
                                for name in sections_data()["document"][kind]}
# Back matter: declarations, abbreviations, funding... not mined for trial facts.
BACKMATTER_HEADINGS: dict[str, str] = {label_key(name): kind for kind in ("backmatter", "boilerplate")
                                       for name in sections_data()["document"][kind]}

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


def heading_kind(name: str) -> str | None:
    """The kind of section a known top-level heading opens (abstract, body, references,
    backmatter, boilerplate), or None for an unknown heading."""
    low = label_key(name)
    return TOP_HEADINGS.get(low) or BACKMATTER_HEADINGS.get(low)


def is_boilerplate(paragraph: str) -> bool:
    """Licence, correspondence and publisher text that carries no trial fact."""
    return bool(_boilerplate().search(paragraph))


@functools.cache
def _boilerplate():
    """_BOILERPLATE searched on the lowered text where that matches the same (kg/extract/folded.py):
    under IGNORECASE, re tries each of its branches at every position of every paragraph (~50 µs a
    paragraph of a full text, a third of that so). Imported when first asked: kg.extract imports
    this module."""
    from kg.extract.folded import folded

    return folded(_BOILERPLATE)


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


@functools.cache
def _label_rx() -> re.Pattern:
    """Any known label or abstract heading as written, longest first, spaces and joiners loose."""
    names = {label for labels in sections_data()["parts"].values() for label in labels}
    names |= set(sections_data()["document"]["abstract"])
    alts = []
    for name in sorted(names, key=len, reverse=True):
        words = [re.escape(w) for w in re.split(r"[\s/&,]+", name) if w]
        alts.append(r"[\s,]*(?:[/&+]|\band\b)?[\s,]*".join(words) if len(words) > 1 else words[0])
    return re.compile(r"(?<![\w-])(?P<label>" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


# What may stand before a label inside a paragraph: the start of a line, or a sentence's end
# (glued or not: "...in SSc.Results At day 8", "...in SLE. METHODS: We ...").
_BEFORE_LABEL = re.compile(r"[.!?)\]][ \t]{0,3}$")


def label_marks(text: str, start: int, end: int) -> list[tuple[int, int, str, bool]]:
    """Section labels written inside text[start:end]: (label start, body start, label, colon).

    A label counts after a line start or a sentence end, followed by a colon (any case:
    'RESULTS:', 'Main outcome measures:') or, without a colon, when written as a heading
    word (Title-case or upper-case) before a capitalised word ('Results At day 8')."""
    out = []
    for m in _label_rx().finditer(text, start, end):
        line_start = max(start, text.rfind("\n", 0, m.start()) + 1)
        if not _BEFORE_LABEL.search(text[max(line_start, m.start() - 4):m.start()]) \
                and text[line_start:m.start()].strip():
            continue
        label = m.group("label")
        after = text[m.end():min(end, m.end() + 4)]
        colon = re.match(r"[ \t]*[:：]", after)
        if colon:
            body = m.end() + colon.end()
        elif re.match(r"[ \t]+[A-Z0-9\u0391-\u03a9]", after) and (label.isupper() or label[:1].isupper()
                                                                  and label[1:] == label[1:].lower()):
            body = m.end()
        else:
            continue
        while body < end and text[body] in " \t":
            body += 1
        out.append((m.start(), body, label, bool(colon)))
    return out


def abstract_parts(text: str, start: int, end: int) -> list[Section]:
    """Labelled parts of a structured abstract ("Results: ...", "RESULTS: ...", or glued:
    "...in SSc.Results At day 8"); each part is named by its label as written."""
    marks = label_marks(text, start, end)
    if sum(1 for m in marks if not m[3]) < 2:  # one glued word alone is a capitalised word, not a label
        marks = [m for m in marks if m[3]]
    out = []
    for n, (s, _body, label, _colon) in enumerate(marks):
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
