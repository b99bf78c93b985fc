"""Plain text and Markdown articles (such as a PDF converted to text).

`text` is the file decoded as UTF-8, unchanged, so offsets index the file itself. The
reader only finds structure: headings, sections and their kind, tab-separated tables
with their footnotes, and boilerplate (licence, journal adverts) to be left unmined.

Layouts vary more than words: a structured abstract's labels (ontology/sections.json) may be
heading lines, upper-case and inline (`BACKGROUND: ... RESULTS: ...`), glued to their text,
or absent; a title may be short. The abstract is found from the labels' order and length, or
as the first prose after the title, and front matter is only what comes before it.
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.model import Cell, Document, Metadata, Section, Table
from kg.readers import decode_utf8, doc_id, load_bytes
from kg.readers.common import (
    PART_ORDER,
    find_dois,
    find_registry_ids,
    heading_kind,
    is_boilerplate,
    label_key,
    label_marks,
    label_part,
)

_TABLE_CAPTION = re.compile(r"^\s*Table\s+(\d+|[IVX]+)\b")
_FIG_CAPTION = re.compile(r"^\s*(Fig\.?|Figure)\s+\d+\b")
_FOOTNOTE_MARK = re.compile(r"^\s*([*†‡§¶‖#]|[a-e]\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\^)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
# A paragraph: lines up to a blank one (spaces and a CR of CRLF text count as blank).
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t\r]*\n))+")


def read_text(path: Path) -> Document:
    """Read a UTF-8 article text; structure is found, the text is kept byte for byte."""
    data, sha = load_bytes(path)
    text = decode_utf8(path, data)
    doc = Document(id=doc_id(path), source_path=str(path), sha256=sha, text=text, kind="text")
    lines = _lines(text)
    doc.tables = _tables(text, lines)
    title_block = _title_block(lines)
    doc.sections = _sections(text, lines, doc.tables, title_block)
    doc.metadata, title_span = _metadata(text, lines, doc.sections, title_block)
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
    core = re.sub(r"^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+", "", s)  # "2.1 Participants" → "Participants"
    if label_part(s) is not None and core[:1].isupper() and (prev_blank or next_blank or s.endswith(":")):
        return True  # a structured-abstract label as a heading line ("RESULTS", "Main outcome measures:")
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


# An abstract is short: a run of labelled parts longer than this is a paper's body.
_ABSTRACT_MAX_CHARS = 6000
_TWO_SENTENCES = re.compile(r"[a-z0-9%)\]][.!?]\s+[A-Z(]")


# Front-matter lines that are not a title: a citation ("1. J Foo. 2021;12(3):201-9. doi: ..."),
# numbered author affiliations ("Rivera A(1), Okafor C(2)"), a label line ("Author information:").
_NOT_TITLE = re.compile(r"\bdoi\b|\bPMID\b|\bEpub\b|;\s*\d+\s*\(\d+\)\s*:|\(\d+\)|:$|^\d+\.\s", re.IGNORECASE)


def _title_like(block: str) -> bool:
    """A few words that read as a title (a subtitle after a full stop too): not a citation, author
    list, label or licence text."""
    first = block.split("  ")[0].strip()
    if len(block) > 350 or len(block.split()) < 2 or "\t" in block or is_boilerplate(block) \
            or len(_TWO_SENTENCES.findall(block)) > 1 or _NOT_TITLE.search(block) or not block[:1].isalnum() \
            or heading_kind(first) is not None or label_part(first) is not None or label_marks(block, 0, len(block)):
        return False
    # an author list: mostly short capitalised chunks ("Rivera A, Okafor C"); a title's list of
    # designs ("a randomised, double-blind, placebo-controlled, cross-over study") is in lower case
    chunks = [c.split() for c in block.rstrip(".").split(",")]
    names = sum(len(c) <= 3 and c[0][:1].isupper() for c in chunks if c)
    return not (len(chunks) >= 3 and names >= 0.75 * len(chunks))


def _paragraphs(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Line indices (first, last) of each run of non-blank lines."""
    out, i = [], 0
    while i < len(lines):
        if _is_blank(lines[i][2]):
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and not _is_blank(lines[j + 1][2]):
            j += 1
        out.append((i, j))
        i = j + 1
    return out


def _title_block(lines: list[tuple[int, int, str]], before: int | None = None) -> tuple[int, int] | None:
    """Line indices (first, last) of the first paragraph that can be a title: a few short lines,
    not a known heading or label, citation, author list or licence text. With `before`, the first
    such paragraph that starts before that offset; without, only the very first paragraph."""
    for i, j in _paragraphs(lines):
        if before is not None and lines[i][0] >= before:
            return None
        block = " ".join(line.strip() for _s, _e, line in lines[i:j + 1])
        if j - i < 4 and _title_like(block):
            return i, j
        if before is None:
            return None
    return None


def _marks(text: str, lines: list[tuple[int, int, str]], tables: list[Table],
           title_block: tuple[int, int] | None) -> list[tuple[int, str, bool]]:
    """Where parts begin: heading lines, and labels written inside paragraphs ("RESULTS: ...",
    "Main outcome measures: ...", glued "Abstract  Hyperlipidemia ..."), as (offset, name, inline)."""
    in_table = [(t.start, t.end) for t in tables]
    title_lines = range(title_block[0], title_block[1] + 1) if title_block else range(0)
    marks: dict[int, tuple[str, bool]] = {}
    heading_lines = set()
    for i, (s, _e, line) in enumerate(lines):
        if i in title_lines or any(a <= s < b for a, b in in_table):
            continue
        if _looks_like_heading(lines, i):
            marks[s] = (_MD_HEADING.sub("", line.strip()).rstrip(":").strip(), False)
            heading_lines.add(s)
    title_end = lines[title_block[1]][1] if title_block else 0
    found_in: list[tuple[re.Match, list]] = []
    for para in _PARAGRAPH.finditer(text):
        if para.start() in heading_lines or para.end() <= title_end or any(a <= para.start() < b for a, b in in_table):
            continue
        found_in.append((para, label_marks(text, para.start(), para.end())))
    # a label glued to its text with no colon ("Findings Between 2010 and ...") is a label when
    # others are written so: in the same paragraph, or at the start of lines (one part a paragraph)
    line_glued = {label_part(label) for _para, found in found_in for start, _b, label, colon in found
                  if not colon and not text[text.rfind("\n", 0, start) + 1:start].strip()}
    for _para, found in found_in:
        glued = [m for m in found if not m[3]]
        for start, _body, label, colon in found:
            at_line_start = not text[text.rfind("\n", 0, start) + 1:start].strip()
            if colon or len(glued) >= 2 or at_line_start and (len(line_glued) >= 2
                                                              or heading_kind(label) == "abstract"):
                if start not in heading_lines:
                    marks[start] = (label, True)
    return [(s, name, inline) for s, (name, inline) in sorted(marks.items())]


def _continues(order: list[int], seen: set[str], name: str) -> bool:
    """Whether a label goes on with the abstract: a new label whose part does not go back."""
    key, part = label_key(name), label_part(name)
    if part is None or key in seen:
        return False
    idx = PART_ORDER.index("conclusions" if part == "discussion" else part) if part in PART_ORDER or part == \
        "discussion" else None
    return idx is None or not order or idx >= order[-1]


def _walk(text: str, marks: list[tuple[int, str, bool]]) -> list[Section]:
    """Each mark opens a section up to the next; its kind follows from the labels before it.
    Labels inside paragraphs count in the front matter, the abstract and a run of such labels,
    not in a body under heading lines (there "Outcomes: ..." is a sentence) nor in references or
    back matter, which a label alone never leaves."""
    kept: list[tuple[int, str, str]] = []
    state = "front"
    body_by_heading = False
    order: list[int] = []
    seen: set[str] = set()
    abstract_at = 0
    for s, name, inline in marks:
        if inline and (state in ("references", "backmatter", "boilerplate") or state == "body" and body_by_heading):
            continue
        dk, part = heading_kind(name), label_part(name)
        # an abstract written as prose under its heading is not followed by labelled parts:
        # the next heading line ("Introduction") opens the body
        unstructured = (state == "abstract" and not inline and not seen
                        and _first_prose(text, abstract_at, s) is not None)
        if dk == "abstract":
            state, order, seen, abstract_at = "abstract", [], set(), s
            kind = "abstract"
        elif state == "abstract" and part is not None and not unstructured and _continues(order, seen, name):
            kind = "abstract"
        elif state == "abstract" and part is None and dk is None:
            kind = "abstract"  # an unknown heading inside the abstract
        elif dk is None and state in ("references", "backmatter", "boilerplate"):
            kind = state
        elif dk is not None or part is not None:
            state = dk if dk in ("references", "backmatter", "boilerplate") else "body"
            body_by_heading = not inline
            kind = state
        elif state == "front" and _first_prose(text, 0, s) is not None:
            state = kind = "body"  # prose came before: an unknown heading after it opens the body, not front matter
            body_by_heading = True
        else:
            kind = state  # an unknown heading: front matter before any known one, else its part's kind
        if kind == "abstract" and part is not None:
            seen.add(label_key(name))
            p = "conclusions" if part == "discussion" else part
            if p in PART_ORDER:
                order.append(PART_ORDER.index(p))
        kept.append((s, name, kind))
    return [Section(name, s, kept[n + 1][0] if n + 1 < len(kept) else len(text), kind)
            for n, (s, name, kind) in enumerate(kept)]


def _abstract_runs(sections: list[Section], text: str, first_prose: int | None) -> list[Section]:
    """The abstract: runs of 'abstract' sections under one span; with no 'Abstract' heading before
    them, the first short run of labelled parts, else the first prose paragraph(s) after the title."""
    out = []
    first_abstract = next((s.start for s in sections if s.kind == "abstract"), None)
    if first_abstract is not None:
        run: list[Section] = []
        for s in [*sections, None]:
            if s is not None and s.kind == "abstract" and (not run or run[-1].end == s.start):
                run.append(s)
                continue
            if len(run) > 1:
                out.append(Section(run[0].name, run[0].start, run[-1].end, "abstract"))
            run = [s] if s is not None and s.kind == "abstract" else []
    labelled = [(n, s) for n, s in enumerate(sections) if label_part(s.name) is not None
                and (first_abstract is None or s.start < first_abstract)]
    if labelled:
        n0, first = labelled[0]
        order: list[int] = []
        seen: set[str] = set()
        n = n0
        while n < len(sections) and label_part(sections[n].name) is not None \
                and _continues(order, seen, sections[n].name):
            seen.add(label_key(sections[n].name))
            p = label_part(sections[n].name)
            p = "conclusions" if p == "discussion" else p
            if p in PART_ORDER:
                order.append(PART_ORDER.index(p))
            n += 1
        end = sections[n - 1].end
        if end - first.start > _ABSTRACT_MAX_CHARS:  # the last label's text may run on into unlabelled pages
            end = _first_paragraph_end(text, sections[n - 1].start)
        if end - first.start <= _ABSTRACT_MAX_CHARS:
            last = sections[n - 1]
            for k in range(n0, n):
                sec = sections[k]
                sections[k] = Section(sec.name, sec.start, min(sec.end, end), "abstract")
            if last.end > end:  # what runs on after the abstract keeps the last label's part
                out.append(Section(last.name, end, last.end, last.kind))
            out.append(Section("Abstract", first.start, end, "abstract"))
        return out
    if first_prose is not None and first_abstract is None:
        end = next((s.start for s in sections if s.start > first_prose), len(text))
        if end - first_prose <= _ABSTRACT_MAX_CHARS:
            out.append(Section("Abstract", first_prose, end, "abstract"))
    return out


def _first_paragraph_end(text: str, heading: int) -> int:
    """Where the first paragraph of text after a heading line (or an inline label) ends."""
    m = re.compile(r"\S(?:[^\n]|\n(?![ \t\r]*\n))*").search(text, text.find("\n", heading) + 1 or len(text))
    line_end = text.find("\n", heading)
    if line_end < 0 or text[heading:line_end].rstrip().endswith((".", ")")):
        m = re.compile(r"(?:[^\n]|\n(?![ \t\r]*\n))*").match(text, heading)  # label and text on one line
    return m.end() if m else len(text)


# Words of running prose, which author lists and affiliations lack.
_FUNCTION_WORDS = re.compile(r"\b(?:is|are|was|were|has|have|had|been|we|our|this|these|that|which|than)\b", re.I)


def _first_prose(text: str, start: int, end: int) -> int | None:
    """The start of the first paragraph in text[start:end] that reads as sentences."""
    for para in _PARAGRAPH.finditer(text[start:end]):
        p = para.group(0)
        if len(p) >= 150 and (_TWO_SENTENCES.search(p) or p.rstrip().endswith(".")) and _FUNCTION_WORDS.search(p) \
                and not is_boilerplate(p):
            return start + para.start() + (len(p) - len(p.lstrip()))
    return None


def _sections(text: str, lines: list[tuple[int, int, str]], tables: list[Table],
              title_block: tuple[int, int] | None) -> list[Section]:
    """Sections from headings and labels; tables, figure captions and boilerplate as their own."""
    marks = _marks(text, lines, tables, title_block)
    sections = _walk(text, marks)
    if sections and sections[0].start > 0:
        sections.insert(0, Section("Front matter", 0, sections[0].start, "front"))
    title_end = lines[title_block[1]][1] if title_block else 0
    first_known = next((s.start for s in sections if heading_kind(s.name) or label_part(s.name)), len(text))
    prose = _first_prose(text, title_end, first_known) if first_known > title_end else None
    sections.extend(_abstract_runs(sections, text, prose))
    for t in tables:
        sections.append(Section(t.caption, t.start, t.end, "table"))
    for s, e, line in lines:
        if _FIG_CAPTION.match(line) and len(line) > 40:
            sections.append(Section(line[:60].strip(), s, e, "figure"))
    sections.extend(_boilerplate(text))
    return sorted(sections, key=lambda x: (x.start, -x.end))


def _boilerplate(text: str) -> list[Section]:
    """Paragraphs that are licence text, correspondence lines or publisher adverts."""
    out, pos = [], 0
    for para in re.split(r"(\n\s*\n)", text):
        if para.strip() and not para.startswith("\n") and is_boilerplate(para):
            out.append(Section("Boilerplate", pos, pos + len(para), "boilerplate"))
        pos += len(para)
    return out


def _metadata(text: str, lines: list[tuple[int, int, str]], sections: list[Section],
              title_block: tuple[int, int] | None) -> tuple[Metadata, tuple[int, int] | None]:
    """Title (the first long line of the front matter, else the first paragraph when it reads as
    a title), DOI and registry IDs from the text."""
    meta = Metadata()
    title_span = None
    first_head = next((s.start for s in sections if heading_kind(s.name) or label_part(s.name)
                       or s.kind == "abstract"), len(text))
    for s, _e, line in lines:
        if s >= first_head:
            break
        stripped = _MD_HEADING.sub("", line.strip())
        if 40 < len(stripped) <= 300 and not stripped.endswith(".") and not is_boilerplate(stripped) \
                and "," not in stripped[:30]:
            meta.title = stripped
            lead = len(line) - len(stripped) - (len(line) - len(line.rstrip()))
            title_span = (s + lead, s + lead + len(stripped))
            break
    title_block = title_block or _title_block(lines, first_head)
    if title_span is None and title_block:
        first, last = lines[title_block[0]], lines[title_block[1]]
        lead = len(first[2]) - len(_MD_HEADING.sub("", first[2].lstrip()))
        title_span = (first[0] + lead, last[0] + len(last[2].rstrip().removesuffix(".")))
        meta.title = " ".join(text[title_span[0]:title_span[1]].split())
    dois = find_dois(text)
    meta.doi = dois[0] if dois else None
    meta.registry_ids = find_registry_ids(text)
    for m in re.finditer(r"(?:Published(?: online)?|Accepted|©)[^\n]{0,40}?\b((?:19|20)\d\d)\b", text):
        meta.year = int(m.group(1))
        break
    return meta, title_span
