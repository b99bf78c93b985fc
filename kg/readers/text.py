"""Plain text and Markdown articles (such as a PDF converted to text).

`text` is the file decoded as UTF-8, unchanged, so offsets index the file itself. The
reader only finds structure: headings, sections and their kind, tab-separated tables
with their footnotes, and boilerplate (licence, journal adverts) to be left unmined.
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.model import Cell, Document, Metadata, Section, Table
from kg.readers import decode_utf8, doc_id, load_bytes
from kg.readers.common import (
    BACKMATTER_HEADINGS,
    TOP_HEADINGS,
    abstract_parts,
    find_dois,
    find_registry_ids,
    heading_kind,
    is_boilerplate,
    normalise_heading,
)

_TABLE_CAPTION = re.compile(r"^\s*Table\s+(\d+|[IVX]+)\b")
_FIG_CAPTION = re.compile(r"^\s*(Fig\.?|Figure)\s+\d+\b")
_FOOTNOTE_MARK = re.compile(r"^\s*([*†‡§¶‖#]|[a-e]\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\^)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")


def read_text(path: Path) -> Document:
    """Read a UTF-8 article text; structure is found, the text is kept byte for byte."""
    data, sha = load_bytes(path)
    text = decode_utf8(path, data)
    doc = Document(id=doc_id(path), source_path=str(path), sha256=sha, text=text, kind="text")
    lines = _lines(text)
    doc.tables = _tables(text, lines)
    doc.sections = _sections(text, lines, doc.tables)
    doc.metadata, title_span = _metadata(text, lines, doc.sections)
    if title_span:
        doc.sections = sorted([*doc.sections, Section("Title", *title_span, "title")], key=lambda x: (x.start, -x.end))
    return doc


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Every line as (start, end, content) with offsets into `text` (newline excluded)."""
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _is_blank(line: str) -> bool:
    return not line.strip()


def _looks_like_heading(lines: list[tuple[int, int, str]], i: int) -> bool:
    """A short line standing alone between blank lines, not ending like a sentence."""
    s = lines[i][2].strip()
    if not s or "\t" in s or len(s) > 80:
        return False
    if _MD_HEADING.match(s):
        return True
    if heading_kind(s) is not None:
        return True
    prev_blank = i == 0 or _is_blank(lines[i - 1][2])
    next_blank = i + 1 >= len(lines) or _is_blank(lines[i + 1][2])
    if not (prev_blank and next_blank):
        return False
    if s[-1] in ".,;:" or not s[0].isupper():
        return False
    if _TABLE_CAPTION.match(s) or _FIG_CAPTION.match(s):
        return False
    words = s.split()
    return 1 <= len(words) <= 10 and not re.search(r"\d{3,}", s)


def _tables(text: str, lines: list[tuple[int, int, str]]) -> list[Table]:
    """Tab-separated tables: caption line, rows (lines with tabs), then footnote lines."""
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        start, end, line = lines[i]
        if not _TABLE_CAPTION.match(line):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and _is_blank(lines[j][2]):
            j += 1
        rows: list[list[Cell]] = []
        while j < len(lines) and "\t" in lines[j][2]:
            rows.append(_cells(lines[j][0], lines[j][2]))
            j += 1
        if not rows:
            i += 1
            continue
        last_end = lines[j - 1][1]
        footnotes: list[Cell] = []
        k = j
        while k < len(lines):
            if _is_blank(lines[k][2]):
                k += 1
                continue
            s, e, content = lines[k]
            if not _is_footnote(content):
                break
            lead = len(content) - len(content.lstrip())
            footnotes.append(Cell(content.strip(), s + lead, s + lead + len(content.strip())))
            last_end = e
            k += 1
        tables.append(Table(caption=line.strip(), start=start, end=last_end, rows=rows,
                            footnotes=footnotes, caption_start=start))
        i = k
    return tables


def _cells(line_start: int, line: str) -> list[Cell]:
    """Split a row on tabs; each cell's offsets exclude its surrounding spaces."""
    cells, pos = [], 0
    for raw in line.split("\t"):
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        s = line_start + pos + lead
        cells.append(Cell(stripped, s, s + len(stripped)))
        pos += len(raw) + 1
    return cells


def _is_footnote(line: str) -> bool:
    """A table's note: a marked line, or an abbreviation legend (commas, no sentences)."""
    s = line.strip()
    if _FOOTNOTE_MARK.match(s):
        return True
    return s.count(",") >= 2 and ". " not in s and not _TABLE_CAPTION.match(s)


def _sections(text: str, lines: list[tuple[int, int, str]], tables: list[Table]) -> list[Section]:
    """Sections from headings; tables, figure captions and boilerplate as their own."""
    in_table = [(t.start, t.end) for t in tables]
    heads: list[tuple[int, str, str]] = []  # (offset, name, kind)
    for i, (s, _e, line) in enumerate(lines):
        if any(a <= s < b for a, b in in_table):
            continue
        if _looks_like_heading(lines, i):
            name = _MD_HEADING.sub("", line.strip())
            heads.append((s, name, heading_kind(name) or "body"))
    sections: list[Section] = []
    top_kind = "front"
    seen_top = False
    for n, (s, name, kind) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(text)
        low = normalise_heading(name)
        if low in TOP_HEADINGS or low in BACKMATTER_HEADINGS or kind in ("references", "boilerplate"):
            top_kind = kind
            seen_top = True
        elif not seen_top:
            kind = "front"
        elif top_kind in ("references", "backmatter", "boilerplate", "abstract"):
            kind = top_kind
        sections.append(Section(name, s, end, kind))
    if heads and heads[0][0] > 0:
        sections.insert(0, Section("Front matter", 0, heads[0][0], "front"))
    for t in tables:
        sections.append(Section(t.caption, t.start, t.end, "table"))
    for s, e, line in lines:
        if _FIG_CAPTION.match(line) and len(line) > 40:
            sections.append(Section(line[:60].strip(), s, e, "figure"))
    sections.extend(_boilerplate(text))
    if not any(x.kind == "abstract" for x in sections):
        first_top = next((h[0] for h in heads if heading_kind(h[1])), len(text))
        sections.extend(_unheaded_abstract(text, first_top))
    for sec in [x for x in sections if x.kind == "abstract"]:
        sections.extend(abstract_parts(text, sec.start, sec.end))
    return sorted(sections, key=lambda x: (x.start, -x.end))


_LABELLED_PARAGRAPH = re.compile(r"(?m)^(?:Background|Objectives?|Aims?|Purpose|Methods|Results|Findings|"
                                 r"Conclusions?)\s*:")


def _unheaded_abstract(text: str, front_end: int) -> list[Section]:
    """A structured abstract with no 'Abstract' heading: labelled paragraphs ("Results: ...")
    before the first heading."""
    marks = list(_LABELLED_PARAGRAPH.finditer(text, 0, front_end))
    if len(marks) >= 2:
        return [Section("Abstract", marks[0].start(), front_end, "abstract")]
    parts = abstract_parts(text, 0, front_end)  # labels glued into one paragraph
    if len({p.name for p in parts}) >= 3:
        return [Section("Abstract", parts[0].start, front_end, "abstract")]
    return []


def _boilerplate(text: str) -> list[Section]:
    """Paragraphs that are licence text, correspondence lines or publisher adverts."""
    out, pos = [], 0
    for para in re.split(r"(\n\s*\n)", text):
        if para.strip() and not para.startswith("\n") and is_boilerplate(para):
            out.append(Section("Boilerplate", pos, pos + len(para), "boilerplate"))
        pos += len(para)
    return out


def _metadata(text: str, lines: list[tuple[int, int, str]],
              sections: list[Section]) -> tuple[Metadata, tuple[int, int] | None]:
    """Title (the first long line of the front matter), DOI and registry IDs from the text."""
    meta = Metadata()
    title_span = None
    first_head = next((s.start for s in sections if heading_kind(s.name)), len(text))
    for s, _e, line in lines:
        if s >= first_head:
            break
        stripped = line.strip()
        if 40 < len(stripped) <= 300 and not stripped.endswith(".") and not is_boilerplate(stripped) \
                and "," not in stripped[:30]:
            meta.title = stripped
            lead = len(line) - len(line.lstrip())
            title_span = (s + lead, s + lead + len(stripped))
            break
    dois = find_dois(text)
    meta.doi = dois[0] if dois else None
    meta.registry_ids = find_registry_ids(text)
    for m in re.finditer(r"(?:Published(?: online)?|Accepted|©)[^\n]{0,40}?\b((?:19|20)\d\d)\b", text):
        meta.year = int(m.group(1))
        break
    return meta, title_span
