"""Publisher PDFs through pdfplumber, rebuilt into readable text with its structure.

A PDF holds glyphs at positions, not text. The reader rebuilds what a person reads:
words kept apart (publisher PDFs have no space characters, so a fixed x tolerance glues
"Fulllistofauthorinformation"), superscript marks taken off words, pages read in the
order their geometry gives (`pdf_layout`: columns, full-width bands, margin columns kept
apart as notes), sideways pages turned upright (`pdf_rotated`), running headers, footers
and page numbers dropped, hyphenated line-ends joined only when the document itself shows
it is safe (`pdf_text`), paragraphs separated by blank lines, headings found from font,
capitals and run-in back-matter labels, and tables rebuilt as tab-separated rows appended
after the running text (so a table never splits a sentence) with `Table` and `Cell`
offsets into the final text (`pdf_tables`). Figures' inner text is dropped; their captions
are appended too. Title and year come from `pdf_meta`. Any failure to parse becomes a
one-line `ReaderError`.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import ReaderError
from kg.model import Document, Metadata, Section, Table
from kg.readers import MAX_PAGES, doc_id, load_bytes
from kg.readers.common import (
    TextBuilder,
    abstract_parts,
    find_registry_ids,
    heading_kind,
    is_boilerplate,
)
from kg.readers.pdf_budget import BudgetExceeded, bounded_streams, cause, lay_out
from kg.readers.pdf_geometry import Line, Segment, Word, group_lines
from kg.readers.pdf_layout import reading_order
from kg.readers.pdf_meta import article_doi, article_journal, article_year, front_title, info_str
from kg.readers.pdf_rotated import turn_box, turned_chars
from kg.readers.pdf_tables import merge_note_lines, split_table_notes, table_cells
from kg.readers.pdf_text import join_lines, vocabulary

# A gap wider than this fraction of the font size separates words. Measured on BMC PDFs:
# gaps inside words are <= 0.04 em, between words >= 0.09 em (after a quote glyph).
X_TOLERANCE_RATIO = 0.06

_CAPTION_TABLE = re.compile(r"^Table\s+([0-9]+|[IVX]+)[A-Za-z]?\b")
_CAPTION_FIGURE = re.compile(r"^(?:(Figure|Fig\.?)\s+\d+[A-Za-z]?\b|Figure:)")  # 'Figure:' when only one
_CID = re.compile(r"\(cid:\d+\)")  # a glyph with no Unicode mapping; in practice a bullet
_PAGE_NUMBER = re.compile(r"^(page\s*)?(\d{1,4}|[ivxlc]{1,7})(\s*(of|/)\s*\d{1,4})?$", re.IGNORECASE)
_CONTINUED = re.compile(r"^\(?\s*continued( on next page| from previous page)?\s*\)?$", re.IGNORECASE)
_LIST_MARK = re.compile(r"^(\[\d{1,3}\]|\d{1,3}[.)]|[•●▪‣◦·]|\(?[a-z]\)|[a-z]\.)$")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|[.,+-]B$|-B[a-z]*$", re.IGNORECASE)
_EXTRA_BOILERPLATE = re.compile(
    r"Cite this article as|Submit your (next )?manuscript|www\.biomedcentral\.com/submit|"
    r"^\s*doi:\s*10\.\S+\s*$",
    re.IGNORECASE,
)
_AD_START = re.compile(r"Submit your (next )?manuscript|Ready to submit your research", re.IGNORECASE)


# --------------------------------------------------------------------------- geometry


@dataclass
class _Block:
    """A unit of the output text: heading, paragraph, or appended table/figure/note."""

    kind: str  # heading | para | front | note | figure | table
    lines: list[Line] = field(default_factory=list)
    text: str = ""
    page: int = 0
    level: int = 0
    boilerplate: bool = False
    table: _TableData | None = None


@dataclass
class _TableData:
    """A table before it is placed in the text: caption, rows of cell strings, notes."""

    caption: str
    rows: list[list[str]]
    footnotes: list[str]


@dataclass
class _Page:
    """What the layout needs from one page, gathered while pdfplumber has it open."""

    number: int
    width: float
    height: float
    words: list[Word]
    rules: list[tuple[float, float, float]]  # horizontal rules: x0, x1, y
    graphics: list[tuple[float, float, float, float]]  # x0, top, x1, bottom
    turned: bool = False  # sideways text turned upright: pdfplumber's own page geometry does not apply


@dataclass
class _Style:
    """The document's running-text font, against which headings and notes stand out."""

    font: str
    size: float



# --------------------------------------------------------------------------- loading


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """pdfminer logs every odd colour operator; a reader must print nothing."""
    logger = logging.getLogger("pdfminer")
    old = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(old)


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic collector: its full passes over pdfplumber's ~10^6 live objects cost ~20%."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _reason(exc: BaseException) -> str:
    """A short, one-line cause for a pdfminer/pdfplumber failure."""
    inner: BaseException = exc
    while inner.__cause__ is not None or (inner.args and isinstance(inner.args[0], BaseException)):
        nxt = inner.__cause__ or inner.args[0]
        if not isinstance(nxt, BaseException) or nxt is inner:
            break
        inner = nxt
    name = type(inner).__name__
    msg = " ".join(str(inner).split())[:100]
    if "password" in name.lower() or "encrypt" in name.lower() or "encrypt" in msg.lower():
        return "encrypted PDF (a password is needed)"
    return f"corrupt or unreadable PDF ({name}{': ' + msg if msg else ''})"


def _without_doubled_glyphs(page: Any) -> Any:
    """The page with glyphs drawn twice at one place (fake bold) kept once.

    pdfplumber's `dedupe_chars` does this too but costs four times a page's word
    extraction; an exact-position key finds the same doubles in one pass.
    """
    seen: set[tuple[str, float, float, str]] = set()
    doubled: set[int] = set()
    for c in page.chars:
        key = (c["text"], round(c["x0"], 1), round(c["top"], 1), c.get("fontname", ""))
        if key in seen:
            doubled.add(id(c))
        seen.add(key)
    if not doubled:
        return page
    return page.filter(lambda o: o.get("object_type") != "char" or id(o) not in doubled)


_MARK_CHARS = set("0123456789,–-*†‡§¶")
_UNIT_BEFORE = re.compile(r"(?:^|[^A-Za-z])(?:[kcmµ]?m|10)$")  # m², cm³, 10⁹: powers, not marks


def _without_marks(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A word's glyphs without superscript citation and affiliation marks ('Thompson1*',
    'ng/mL22'): smaller type on a raised baseline, digits or note symbols. A power after a
    unit or ten ('m2', '10⁹') and a charge ('CD4+') are kept."""
    big = max(c.get("size", 0.0) for c in chars)
    base = sorted(c["bottom"] for c in chars if c.get("size", 0.0) >= 0.95 * big)
    if not base or big <= 0:
        return chars
    line = base[len(base) // 2]
    raised = [c.get("size", 0.0) <= 0.85 * big and c["bottom"] < line - 0.15 * big for c in chars]
    if not any(raised) or all(raised):
        return chars
    out: list[dict[str, Any]] = []
    k = 0
    while k < len(chars):
        if not raised[k]:
            out.append(chars[k])
            k += 1
            continue
        j = k
        while j < len(chars) and raised[j]:
            j += 1
        run = chars[k:j]
        before = "".join(c["text"] for c in out)
        if not all(c["text"] in _MARK_CHARS for c in run) or _UNIT_BEFORE.search(before):
            out.extend(run)
        k = j
    return out or chars


def _page_words(page: Any) -> list[Word]:
    """extract_words with a size-relative tolerance, plus each word's dominant font.

    Glyphs drawn twice at the same place (fake bold: 'CCrriittiiccaall') are read once;
    sideways text is left to `_turned_page`.
    """
    extracted = _without_doubled_glyphs(page).extract_words(x_tolerance_ratio=X_TOLERANCE_RATIO, y_tolerance=3,
                                                            keep_blank_chars=False, return_chars=True)
    return _words_of([w for w in extracted if w.get("upright", True)])


def _turned_page(page: Any, number: int) -> _Page | None:
    """A page's sideways text (a landscape table) as an upright page of its own, with its
    rules and boxes turned too; None when there is none, or only a margin stamp."""
    width, height = float(page.width), float(page.height)
    chars, up = turned_chars(page.chars, width, height)
    if len(chars) < 40:
        return None
    import pdfplumber.utils

    words = _words_of(pdfplumber.utils.extract_words(chars, return_chars=True, x_tolerance_ratio=X_TOLERANCE_RATIO,
                                                     y_tolerance=3))
    if len(group_lines(words)) < 3:
        return None  # a one- or two-line stamp up the margin ('Downloaded from ...')
    rules: list[tuple[float, float, float]] = []
    boxes: list[tuple[float, float, float, float]] = []
    for kind in ("rect", "line", "curve", "image"):
        for o in page.objects.get(kind, []):
            x0, top, x1, bottom = turn_box((o["x0"], o["top"], o["x1"], o["bottom"]), up, width, height)
            if kind in ("rect", "line", "curve") and bottom - top < 2 and x1 - x0 > 20:
                rules.append((x0, x1, (top + bottom) / 2))
            boxes.append((x0, top, x1, bottom))
    return _Page(number, height, width, words, rules, boxes, turned=True)


def _words_of(extracted: list[dict[str, Any]]) -> list[Word]:
    """pdfplumber's words (with their chars) as Words, superscript marks taken out."""
    out: list[Word] = []
    for w in extracted:
        chars = w["chars"]
        text = w["text"]
        if "".join(c["text"] for c in chars) == text:
            chars = _without_marks(chars)
            text = "".join(c["text"] for c in chars)
        text = _CID.sub("•", text)
        if not text.strip():
            continue
        fonts: Counter[str] = Counter(c.get("fontname", "") for c in chars)
        sizes: Counter[float] = Counter(round(c.get("size", 0.0), 1) for c in chars)
        tops = sorted(c["top"] for c in chars)
        bottoms = sorted(c["bottom"] for c in chars)
        out.append(Word(text, w["x0"], w["x1"], tops[len(tops) // 2], bottoms[len(bottoms) // 2],
                         sizes.most_common(1)[0][0], fonts.most_common(1)[0][0], len(chars)))
    return out


def _page_graphics(page: Any) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float, float]]]:
    """Horizontal rules (for tables) and the boxes of all drawn objects (for figures)."""
    rules: list[tuple[float, float, float]] = []
    boxes: list[tuple[float, float, float, float]] = []
    area = page.width * page.height
    for kind in ("rect", "line", "curve", "image"):
        for o in page.objects.get(kind, []):
            x0, top, x1, bottom = o["x0"], o["top"], o["x1"], o["bottom"]
            if kind in ("rect", "line", "curve") and bottom - top < 2 and x1 - x0 > 20:
                rules.append((x0, x1, (top + bottom) / 2))
            if (x1 - x0) * (bottom - top) < 0.9 * area:
                boxes.append((x0, top, x1, bottom))
    return rules, boxes


# --------------------------------------------------------------------------- entry point


def read_pdf(path: Path, max_pages: int = MAX_PAGES) -> Document:
    """Read a PDF article into a Document; any parse failure, and a PDF over the page limit or
    over the reader's budget (`pdf_budget`), is a one-line ReaderError. Running out of memory
    is raised as MemoryError, for the worker to report and replace itself."""
    data, sha = load_bytes(path)
    if b"%PDF-" not in data[:1024]:
        raise ReaderError(str(path), "not a PDF (no %PDF- header)")
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - the venv has it
        raise ReaderError(str(path), "pdfplumber is not installed") from None
    del data  # the parser reads the file itself
    with _quiet(), _no_gc(), bounded_streams():
        try:
            over = _over_page_limit(path, max_pages)
            if over:
                raise ReaderError(str(path), over)
            with pdfplumber.open(str(path)) as pdf:
                info = {str(k): v for k, v in (pdf.metadata or {}).items()}
                if not pdf.pages:
                    with path.open("rb") as f:
                        f.seek(max(0, path.stat().st_size - 128))
                        truncated = b"%%EOF" not in f.read()
                    raise ReaderError(str(path), "truncated PDF: no pages found" if truncated else "PDF has no pages")
                return _Builder(path, sha, pdf, info).build()
        except ReaderError:
            raise
        except Exception as e:  # pdfminer raises many unrelated types on bad input
            if cause(e, MemoryError):
                raise MemoryError from None
            budget = cause(e, BudgetExceeded)
            if budget is not None:
                raise ReaderError(str(path), budget.reason) from None
            if cause(e, RecursionError):
                raise ReaderError(str(path), "corrupt or unreadable PDF (nesting too deep)") from None
            raise ReaderError(str(path), _reason(e)) from None


def _over_page_limit(path: Path, limit: int) -> str | None:
    """Why the PDF has too many pages, from its page tree, before any page is parsed: the
    /Count the tree declares, then (a /Count can lie) its pages counted up to one past `limit`.
    pdfminer alone: pdfplumber builds every page when it closes."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    with path.open("rb") as f:
        doc = PDFDocument(PDFParser(f))
        tree = resolve1(doc.catalog.get("Pages"))
        declared = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
        if isinstance(declared, int) and declared > limit:
            return f"{declared:,} pages, over the {limit:,}-page limit (--max-pages sets it)"
        counted = sum(1 for _ in itertools.islice(PDFPage.create_pages(doc), limit + 1))
    if counted > limit:
        return (f"over {limit:,} pages (its page tree claims {declared}), over the {limit:,}-page limit "
                "(--max-pages sets it)")
    return None


class _Builder:
    """One read: pages in, Document out. Holds the document-wide facts the steps share."""

    def __init__(self, path: Path, sha: str, pdf: Any, info: dict[str, Any]) -> None:
        self.path, self.sha, self.pdf, self.info = path, sha, pdf, info
        self.pages: list[_Page] = []
        self.style = _Style("", 10.0)
        self.header_url: str | None = None
        self.header_text: list[str] = []

    # ---- orchestration

    def build(self) -> Document:
        """Gather pages, find the running style, lay out each page, then assemble the text."""
        for i, page in enumerate(self.pdf.pages):
            lay_out(page)  # within the reader's budget of objects per page
            words = _page_words(page)
            rules, boxes = _page_graphics(page)
            self.pages.append(_Page(i, float(page.width), float(page.height), words, rules, boxes))
            turned = _turned_page(page, i)
            if turned is not None:
                self.pages.append(turned)
            page.close()  # its layout is rebuilt only for a page whose table needs pdfplumber again
        if sum(len(p.words) for p in self.pages) < 20:
            raise ReaderError(str(self.path), "no extractable text (a scanned or image-only PDF?)")
        self._drop_running_lines()
        self.style = self._body_style()
        flow: list[Segment] = []
        notes: list[Segment] = []
        adverts: list[Segment] = []
        appended: list[_Block] = []
        for p in self.pages:
            page = self.pdf.pages[p.number]
            tables = self._tables(p, page)
            figures = self._figures(p)
            appended.extend(figures + tables)
            gutter = _gutter(p.words, p.width)
            ad = _advert(p, gutter)
            note_lines = self._bottom_notes(p, gutter) if p.number == 0 else []
            if note_lines:
                notes.append(Segment(note_lines, min(ln.x0 for ln in note_lines),
                                      max(ln.x1 for ln in note_lines), p.number))
            if ad:
                adverts.append(Segment(ad, min(ln.x0 for ln in ad), max(ln.x1 for ln in ad), p.number))
            running, margin = reading_order(p.words, p.number, p.width)
            flow.extend(running)
            notes.extend(margin)
            page.close()
        blocks = self._paragraphs(flow)
        note_blocks = self._paragraphs(notes)
        ad_blocks = self._paragraphs(adverts)
        figures = [b for b in appended if b.kind == "figure"]
        tables = [b for b in appended if b.kind == "table"]
        return self._assemble(blocks, note_blocks, ad_blocks, figures + tables)

    # ---- running headers and footers

    def _drop_running_lines(self) -> None:
        """Remove lines repeated at the same place on many pages, page numbers, 'continued'."""
        n = len(self.pages)
        counts: Counter[str] = Counter()
        per_page: list[list[tuple[str, list[Word]]]] = []
        for p in self.pages:
            segs = []
            for line in group_lines([w for w in p.words if _in_margin_band(w, p.height)]):
                for part in _split_on_gaps(line):
                    key = _norm_running(" ".join(w.text for w in part))
                    segs.append((key, part))
            per_page.append(segs)
            counts.update({k for k, _ in segs})
        need = max(2, int(0.4 * n)) if n > 1 else 10 ** 6
        for p, segs in zip(self.pages, per_page):
            drop: set[int] = set()
            for key, part in segs:
                text = " ".join(w.text for w in part)
                if counts[key] >= need or _PAGE_NUMBER.match(text) or _CONTINUED.match(text):
                    if p.number == 0:
                        self.header_text.append(text)
                        if self.header_url is None:
                            m = re.search(r"https?://\S+|www\.\S+", text)
                            self.header_url = m.group(0) if m else None
                    drop.update(id(w) for w in part)
            # "(Continued on next page)" markers can sit anywhere, not just in the margins.
            for line in group_lines(p.words):
                if _CONTINUED.match(line.text.strip()):
                    drop.update(id(w) for w in line.words)
            p.words = [w for w in p.words if id(w) not in drop]

    def _body_style(self) -> _Style:
        """The font and size carrying the most characters: the running text."""
        styles: Counter[tuple[str, float]] = Counter()
        sizes: Counter[float] = Counter()
        for p in self.pages:
            for w in p.words:
                styles[(w.font, w.size)] += w.nchars
                sizes[w.size] += w.nchars
        font, _size = styles.most_common(1)[0][0]
        return _Style(font, sizes.most_common(1)[0][0])

    # ---- tables

    def _tables(self, p: _Page, page: Any) -> list[_Block]:
        """Each 'Table N' caption with the small-type rows and rules under it, as a table."""
        out: list[_Block] = []
        body = self.style.size
        gutter = _gutter(p.words, p.width)
        for cap in self._captions(p, _CAPTION_TABLE, gutter):
            x0, x1 = _caption_span(cap, p, gutter)
            cap_bottom = cap[-1].bottom
            words = [w for w in p.words if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and w.top >= cap_bottom - 1]
            rows = group_lines(words)
            rules = sorted(r for r in p.rules if r[2] > cap[0].top - 2 and r[0] < x1 and r[1] > x0
                           and (r[1] - r[0]) > 0.25 * (x1 - x0))
            region: list[Line] = []
            end = cap_bottom
            for row in rows:
                if _CAPTION_TABLE.match(row.text) or _CAPTION_FIGURE.match(row.text):
                    break
                small = row.size <= 0.92 * body
                ruled = any(row.top < r[2] <= row.bottom + 3 * body for r in rules if r[2] > end - 2)
                if not (small or ruled):
                    break
                region.append(row)
                end = row.bottom
            if not region:
                # Lancet-style: the caption sits under its table (and its notes).
                x0, x1 = _caption_span(cap, p, gutter, above=True)
                region = _region_above(cap, p, x0, x1, body)
                if not region:
                    continue
                end = cap[0].top
                rules = sorted(r for r in p.rules if region[0].top - 3 <= r[2] < cap[0].top and r[0] < x1
                               and r[1] > x0 and (r[1] - r[0]) > 0.25 * (x1 - x0))
                cap_bottom = region[0].top - 3
            inside = [r for r in rules if r[2] <= end + 2]
            body_rows, notes = split_table_notes(region, [r[2] for r in inside])
            caption = " ".join(ln.text for ln in cap)
            pieces = [r for r in p.rules if cap_bottom - 2 < r[2] <= end + 2 and r[0] < x1 and r[1] > x0]
            cells = table_cells(None if p.turned else page, body_rows, pieces) if body_rows else []
            out.append(_Block("table", page=p.number, table=_TableData(
                caption, cells, [join_lines(group) for group in merge_note_lines(notes)])))
            used = {id(w) for ln in cap + region for w in ln.words}
            p.words = [w for w in p.words if id(w) not in used]
        return out

    def _captions(self, p: _Page, pattern: re.Pattern[str],
                  gutter: tuple[float, float] | None) -> list[list[Line]]:
        """Caption blocks: a line opening with a bold label ('Table 2'), plus its wrapped lines.

        A caption inside one column is read from that column's words only, so the text of
        the other column at the same height does not run into it.
        """
        out: list[list[Line]] = []
        rows = group_lines(p.words)
        for n, row in enumerate(rows):
            for k, w in enumerate(row.words):
                if not pattern.match(" ".join(x.text for x in row.words[k:k + 2])):
                    continue
                words = p.words
                # A short caption line whose legend runs on across the page is not in a column.
                after = rows[n + 1] if n + 1 < len(rows) else None
                legend = after is not None and after.top - row.bottom < 0.5 * row.size and after.x0 <= w.x0 + 1 \
                    and gutter is not None and any(x.x0 < gutter[1] - 0.5 and x.x1 > gutter[0] + 0.5
                                                   for x in after.words)
                if gutter is not None and not legend and not any(x.x0 < gutter[1] - 0.5 and x.x1 > gutter[0] + 0.5
                                                                 for x in row.words[k:]):
                    mid = (gutter[0] + gutter[1]) / 2
                    left = w.x1 <= mid
                    words = [x for x in p.words if ((x.x0 + x.x1) / 2 < mid) == left]
                elif k > 0:
                    continue  # mid-line mention ('see Table 2'), not a caption
                lines = group_lines(words)
                i = next((j for j, ln in enumerate(lines) if ln.words[0] is w), None)
                if i is None or not self._caption_label(lines[i]):
                    continue
                block = [lines[i]]
                for nxt in lines[i + 1:]:
                    prev = block[-1]
                    if (abs(nxt.size - prev.size) > 0.3 or nxt.top - prev.bottom > 0.5 * prev.size
                            or nxt.x0 > prev.x1 or nxt.x1 < prev.x0):
                        break
                    block.append(nxt)
                out.append(block)
        return out

    def _caption_label(self, line: Line) -> bool:
        """A caption's label is set apart: bold or another font, or followed by '.', ':' or '|'."""
        label = line.words[0]
        return bool(_BOLD.search(label.font)) or label.font != self.style.font or \
            bool(re.match(r"^\S+\s+\S+[.:|]", line.text))

    # ---- figures

    def _figures(self, p: _Page) -> list[_Block]:
        """Figure captions become appended blocks; words drawn inside the figure are dropped."""
        out: list[_Block] = []
        for cap in self._captions(p, _CAPTION_FIGURE, _gutter(p.words, p.width)):
            region = _figure_region(cap, p)
            used = {id(w) for ln in cap for w in ln.words}
            if region is not None:
                rx0, rtop, rx1, rbottom = region
                used.update(id(w) for w in p.words
                            if rx0 - 1 <= w.x0 and w.x1 <= rx1 + 1 and rtop - 1 <= w.top and w.bottom <= rbottom + 1)
            out.append(_Block("figure", lines=cap, text=join_lines(cap), page=p.number))
            p.words = [w for w in p.words if id(w) not in used]
        return out

    # ---- page notes (correspondence, affiliations, licence at the foot of page 1)

    def _bottom_notes(self, p: _Page, gutter: tuple[float, float] | None) -> list[Line]:
        """Small-type lines at the foot of page 1 (correspondence, affiliations, licence)."""
        body = self.style.size
        groups = [p.words]
        if gutter is not None:
            mid = (gutter[0] + gutter[1]) / 2
            groups += [[w for w in p.words if (w.x0 + w.x1) / 2 < mid],
                       [w for w in p.words if (w.x0 + w.x1) / 2 >= mid]]
        for words in groups:
            lines = group_lines(words)
            k = len(lines)
            while k > 0 and lines[k - 1].size <= 0.85 * body:
                k -= 1
            if k == len(lines) or lines[k].top < 0.5 * p.height:
                continue
            if k > 0 and lines[k].top - lines[k - 1].bottom < 1.2 * body:
                continue
            if k == 0 and words is p.words:
                continue  # a whole page of small type (references), not notes
            notes = lines[k:]
            used = {id(w) for ln in notes for w in ln.words}
            p.words = [w for w in p.words if id(w) not in used]
            return notes
        return []

    # ---- paragraphs and headings

    def _paragraphs(self, segments: list[Segment]) -> list[_Block]:
        """Reading-order lines into headings and paragraphs, joining across column breaks."""
        flat: list[tuple[Line, Segment, int]] = []
        run_in_heads: set[int] = set()
        for s in segments:
            for i, ln in enumerate(s.lines):
                parts = _run_in_heading(ln)
                if len(parts) > 1:
                    run_in_heads.add(id(parts[0]))
                flat.extend((part, s, i) for part in parts)
        blocks: list[_Block] = []
        in_refs = False
        for n, (line, seg, i) in enumerate(flat):
            prev = flat[n - 1] if n > 0 else None
            nxt = flat[n + 1] if n + 1 < len(flat) else None
            if id(line) in run_in_heads or self._is_heading(line, seg, prev, nxt):
                name = _heading_name(line.text)
                if blocks and blocks[-1].kind == "heading" and blocks[-1].page == seg.page \
                        and blocks[-1].lines[-1].style == line.style and prev is not None \
                        and line.top - prev[0].bottom < 0.6 * line.size and not _kind(name):
                    blocks[-1].lines.append(line)  # a heading wrapped over two lines
                    continue
                blocks.append(_Block("heading", [line], page=seg.page))
                in_refs = _kind(name) == "references"
                continue
            cur = blocks[-1] if blocks and blocks[-1].kind == "para" else None
            if cur is not None and self._continues(cur.lines[-1], line, seg, i, prev, in_refs):
                cur.lines.append(line)
            else:
                blocks.append(_Block("para", [line], page=seg.page))
        return _demote_front_headings(blocks)

    def _is_heading(self, line: Line, seg: Segment, prev: tuple[Line, Segment, int] | None,
                    nxt: tuple[Line, Segment, int] | None) -> bool:
        """A short line in a distinct font (or a known section name) that stands alone."""
        text = line.text.strip()
        body = self.style
        words = text.split()
        if not words or len(words) > 14 or len(text) > 110 or not re.search(r"[A-Za-z]{2}", text):
            return False
        if _CAPTION_TABLE.match(text) or _CAPTION_FIGURE.match(text):
            return False
        if is_boilerplate(text) or _EXTRA_BOILERPLATE.search(text):
            return False
        name = _heading_name(text)
        known = _kind(name) is not None
        if _LIST_MARK.match(words[0]) and not known:  # '1. Introduction' is a heading, '1. Since...' an item
            return False
        distinct = line.font != body.font or line.size >= body.size + 1.0 or (known and text.isupper())
        # Small-type back matter ('Contributors' over a 7 pt paragraph): a bold line over
        # plain text of its own size is a heading there too.
        small_section = line.bold and nxt is not None and abs(nxt[0].size - line.size) < 0.3 \
            and not nxt[0].bold and line.size >= 0.6 * body.size
        if not distinct or (line.size < (0.7 if known else 0.88) * body.size and not small_section):
            return False
        if not (text[0].isupper() or text[0].isdigit()):
            return False
        if known:
            return True
        if text[-1] in ".,;:" or line.x1 - line.x0 > 0.85 * (seg.x1 - seg.x0):
            return False
        if prev is not None and prev[1] is seg:
            pl = prev[0]
            tight = line.top - pl.bottom < 0.5 * line.size
            if tight and pl.style == line.style and pl.x1 - pl.x0 > 0.85 * (seg.x1 - seg.x0):
                return False  # the last line of a paragraph set in the same font
            if tight and pl.font == body.font:
                return False  # headings have space above them, unless they follow another heading
        if nxt is not None:
            nl = nxt[0]
            if nl.style == line.style and (nl.x1 - nl.x0) > 0.85 * (nxt[1].x1 - nxt[1].x0):
                return False  # the first line of a paragraph set in this font
        return True

    def _continues(self, a: Line, b: Line, seg: Segment, i: int,
                   prev: tuple[Line, Segment, int] | None, in_refs: bool) -> bool:
        """Whether line b carries on the paragraph that line a ended."""
        size = min(a.size, b.size)
        if abs(a.size - b.size) > 1.0:
            return False
        first = b.words[0].text
        hanging = len(a.words) > 1 and _LIST_MARK.match(a.words[0].text) and abs(b.x0 - a.words[1].x0) < 2
        if _LIST_MARK.match(first) and (in_refs or a.text.rstrip()[-1:] in ".?!:" or
                                         a.x1 < seg.x1 - 2 * size):
            return False
        indented = b.x0 - seg.x0 > 0.6 * size
        if _starts_with_label(b):
            return False
        if i == 0:  # first line of a new column or page
            if in_refs:
                return not _LIST_MARK.match(first)
            return not indented or bool(hanging) or abs(b.x0 - a.x0) < 1.0
        if b.top - a.bottom > 0.8 * size or b.top < a.top:
            return False
        if hanging:
            return True
        if in_refs:
            return not (b.x0 < a.x0 - 0.6 * size)
        if indented and b.x0 > a.x0 + 0.6 * size:
            return False
        if b.text[:1].islower():
            return True
        return not (a.x1 < seg.x1 - 1.5 * size and a.text.rstrip()[-1:] in ".?!:")

    # ---- assembly

    def _assemble(self, blocks: list[_Block], notes: list[_Block], ads: list[_Block],
                  appended: list[_Block]) -> Document:
        """The running text, then page-1 notes, adverts, figure captions and tables, with sections."""
        vocab, compounds = vocabulary([b.lines for b in blocks + notes + ads + appended])
        w = _Writer()
        heads: list[tuple[int, str, tuple[str, float]]] = []  # start, name, style
        spans: list[tuple[int, int, _Block]] = []
        for b in blocks:
            if b.kind == "heading":
                name = " ".join(ln.text.strip() for ln in b.lines)
                heads.append((w.put(name)[0], _heading_name(name), b.lines[0].style))
            else:
                spans.append((*w.put(join_lines(b.lines, vocab, compounds)), b))
        sections = _heading_sections(heads, w.pos)
        first_head = next((k for k, b in enumerate(blocks) if b.kind == "heading"), None)
        front = blocks[:first_head] if first_head is not None and blocks[first_head].page <= 1 else []
        if front and heads:
            sections.append(Section("Front matter", 0, heads[0][0], "front"))
        sections += _boilerplate_sections(spans)
        note_spans = [(*w.put(join_lines(b.lines, vocab, compounds)), b) for b in notes]
        if note_spans:
            sections.append(Section("Notes", note_spans[0][0], note_spans[-1][1], "front"))
            sections += _boilerplate_sections(note_spans)
        for b in ads:
            sections.append(Section("Boilerplate", *w.put(join_lines(b.lines, vocab, compounds)), "boilerplate"))
        tables: list[Table] = []
        for b in appended:
            if b.table is not None:
                table = w.table(b.table)
                tables.append(table)
                sections.append(Section(_short(table.caption), table.start, table.end, "table"))
            else:
                start, end = w.put(join_lines(b.lines, vocab, compounds))
                sections.append(Section(_short(b.text), start, end, "figure"))
        text = "".join(w.parts)
        for sec in [x for x in sections if x.kind == "abstract"]:
            sections.extend(abstract_parts(text, sec.start, sec.end))
        sections.sort(key=lambda x: (x.start, -x.end))
        doc = Document(id=doc_id(self.path), source_path=str(self.path), sha256=self.sha, text=text,
                       kind="pdf", sections=sections, tables=tables)
        doc.metadata = self._metadata(doc, front or blocks[:3])
        return doc

    def _metadata(self, doc: Document, front: list[_Block]) -> Metadata:
        """Title, DOI, journal, year from the info dict, the first page and the text."""
        meta = Metadata()
        info_title = info_str(self.info.get("Title"))
        if info_title and len(info_title) > 20 and " " in info_title and not re.search(
                r"\.(pdf|docx?|tex)$|^untitled|^microsoft word", info_title, re.IGNORECASE):
            meta.title = info_title
        else:
            meta.title = front_title([ln for b in front for ln in b.lines], self.style.size)
        meta.doi = article_doi(doc, self.info, self.header_text)
        front = [doc.text[x.start:x.end] for x in doc.sections if x.kind == "front"]
        meta.journal = article_journal(self.header_text, front)
        meta.year = article_year(self.header_text, doc.text, self.info)
        meta.url = self.header_url
        meta.registry_ids = find_registry_ids(doc.text)
        return meta


# --------------------------------------------------------------------------- page layout helpers


def _run_in_heading(line: Line) -> list[Line]:
    """'References 1. Lim SS...' or 'Acknowledgments. We thank...': a bold back-matter or
    reference heading run into its paragraph's first line, split off as a line of its own.
    Abstract labels ('Background:') are left to the abstract's own parts."""
    words = line.words
    for k in range(1, min(4, len(words))):
        head = words[:k]
        if not all(bool(_BOLD.search(w.font)) for w in head) or _BOLD.search(words[k].font):
            continue
        kind = _kind(_heading_name(" ".join(w.text for w in head).rstrip(".:")))
        if kind in ("references", "backmatter"):
            return [Line(list(head)), Line(list(words[k:]))]
    return [line]


def _starts_with_label(line: Line) -> bool:
    """'Keywords: ...', 'Trial registration: ...': a run-in label in its own font."""
    words = line.words
    for n in range(min(3, len(words) - 1)):
        if words[n].text.endswith(":"):
            return all(w.font == words[0].font for w in words[: n + 1]) and words[n + 1].font != words[0].font
    return False


def _demote_front_headings(blocks: list[_Block]) -> list[_Block]:
    """Styled lines on page 1 before the first real section heading are front matter, not headings."""
    first = next((k for k, b in enumerate(blocks) if b.kind == "heading"
                  and _kind(_heading_name(b.lines[0].text)) is not None), None)
    if first is None:
        return blocks
    out: list[_Block] = []
    for k, b in enumerate(blocks):
        if k < first and b.kind == "heading" and b.page == 0:
            b.kind = "para"
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "para" and prev.lines[-1].text.rstrip().endswith((",", " and")):
                prev.lines.extend(b.lines)  # an author list running on
                continue
        out.append(b)
    return out


def _advert(p: _Page, gutter: tuple[float, float] | None) -> list[Line]:
    """The publisher's 'Submit your next manuscript' box: its lines, taken off the page."""
    words = p.words
    start = next((w for k, w in enumerate(words) if _AD_START.match(" ".join(x.text for x in words[k:k + 4]))),
                 None)
    if start is None:
        return []
    boxes = [b for b in p.graphics if b[0] <= start.x0 and b[2] >= start.x1 and b[1] <= start.top
             and b[3] >= start.bottom and (b[2] - b[0]) * (b[3] - b[1]) < 0.4 * p.width * p.height]
    if boxes:
        x0, top, x1, bottom = min(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
    else:
        x0, top, x1, bottom = start.x0 - 5, start.top - 1, p.width, p.height
        if gutter is not None and start.x1 <= gutter[0]:
            x1 = gutter[0]
    inside = [w for w in words if x0 - 1 <= w.x0 and w.x1 <= x1 + 1 and top - 1 <= w.top and w.bottom <= bottom + 1]
    used = {id(w) for w in inside}
    p.words = [w for w in words if id(w) not in used]
    return group_lines(inside)


def _in_margin_band(w: Word, height: float) -> bool:
    """Top or bottom tenth of the page, where running headers and footers live."""
    return w.bottom < 0.1 * height or w.top > 0.9 * height


def _split_on_gaps(line: Line) -> list[list[Word]]:
    """A header line split where words are far apart ('Dodd et al. ...' | 'Page 2 of 19')."""
    parts: list[list[Word]] = [[line.words[0]]]
    for a, b in zip(line.words, line.words[1:]):
        if b.x0 - a.x1 > 3 * line.size:
            parts.append([])
        parts[-1].append(b)
    return parts


def _norm_running(text: str) -> str:
    """Header text with numbers blanked, so 'Page 2 of 19' and 'Page 3 of 19' match."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def _gutter(words: list[Word], width: float) -> tuple[float, float] | None:
    """The empty strip between two columns: the gap most lines share near the page middle."""
    if len(words) < 20:
        return None
    lo, hi = width * 0.3, width * 0.7
    gaps: list[tuple[float, float]] = []
    for row in group_lines(words):
        # One gap per line, its widest near the middle: a list number's gap must not outvote it.
        inner = [(b.x0 - a.x1, a.x1, b.x0) for a, b in zip(row.words, row.words[1:])
                 if a.x1 < hi and b.x0 > lo and b.x0 - a.x1 >= max(6.0, 0.8 * row.size)]
        if inner:
            _w, a0, b0 = max(inner)
            gaps.append((a0, b0))
    if len(gaps) < 3:
        return None
    counts = Counter()
    for a, b in gaps:
        for x in range(int(max(a, lo)) + 1, int(min(b, hi)) + 1):
            counts[x] += 1
    if not counts:
        return None
    x_star, n = max(counts.items(), key=lambda kv: (kv[1], -abs(kv[0] - width / 2)))
    if n < 3:
        return None
    around = [(a, b) for a, b in gaps if a < x_star <= b]
    g0, g1 = max(a for a, _ in around), min(b for _, b in around)
    left = sum(1 for w in words if w.x1 <= g0 + 0.5)
    right = sum(1 for w in words if w.x0 >= g1 - 0.5)
    if g1 - g0 < 2 or left < 10 or right < 10:
        return None
    return g0, g1






def _region_above(cap: list[Line], p: _Page, x0: float, x1: float, body: float) -> list[Line]:
    """The small-type rows straight above a caption, up to body-size text or a wide gap."""
    top = cap[0].top
    words = [w for w in p.words if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and w.bottom <= top + 1]
    region: list[Line] = []
    for row in reversed(group_lines(words)):
        if _CAPTION_TABLE.match(row.text) or _CAPTION_FIGURE.match(row.text):
            break
        if row.size > 0.92 * body or top - row.bottom > 2.5 * body:
            break
        region.append(row)
        top = row.top
    region.reverse()
    return region if len(region) >= 2 else []


def _caption_span(cap: list[Line], p: _Page, gutter: tuple[float, float] | None,
                  above: bool = False) -> tuple[float, float]:
    """The x-range a table occupies: its column if the caption sits in one, else the page."""
    px0 = min((w.x0 for w in p.words), default=0.0)
    px1 = max((w.x1 for w in p.words), default=p.width)
    if gutter is None:
        return px0, px1
    cx0 = min(ln.x0 for ln in cap)
    cx1 = max(ln.x1 for ln in cap)
    if above:
        # The rules right above a caption set under its table give the table's width.
        over = [r for r in p.rules if cap[0].top - 0.6 * p.height < r[2] < cap[0].top and r[0] < cx1 and r[1] > cx0]
        if over:
            nearest = max(over, key=lambda r: r[2])
            return nearest[0], nearest[1]
    near = (lambda y: cap[0].top - 0.6 * p.height < y < cap[0].top) if above else (lambda y: y > cap[0].top)
    crosses_rule = any(r[0] < gutter[0] and r[1] > gutter[1] and near(r[2]) for r in p.rules)
    if cx1 <= gutter[0] + 0.5 and not crosses_rule:
        return px0, gutter[0]
    if cx0 >= gutter[1] - 0.5 and not crosses_rule:
        return gutter[1], px1
    return px0, px1
































def _figure_region(cap: list[Line], p: _Page) -> tuple[float, float, float, float] | None:
    """The drawn area a caption belongs to: graphics around or just above the caption."""
    cx0, ctop = min(ln.x0 for ln in cap), cap[0].top
    cx1 = max(ln.x1 for ln in cap)
    size = cap[0].size
    seeds = [b for b in p.graphics
             if (b[0] <= cx0 + 1 and b[2] >= cx1 - 1 and b[1] <= ctop and b[3] >= ctop)
             or (ctop - 4 * size <= b[3] <= ctop + 2 and b[0] < cx1 and b[2] > cx0)]
    if not seeds:
        return None
    x0 = min(b[0] for b in seeds)
    top = min(b[1] for b in seeds)
    x1 = max(b[2] for b in seeds)
    bottom = max(b[3] for b in seeds)
    for _ in range(20):
        grown = False
        for b in p.graphics:
            if b[0] <= x1 + 4 and b[2] >= x0 - 4 and b[1] <= bottom + 4 and b[3] >= top - 4:
                if b[0] < x0 or b[1] < top or b[2] > x1 or b[3] > bottom:
                    if b[3] > ctop + 4 * size and b[1] > ctop:
                        continue  # graphics below the caption belong to something else
                    x0, top, x1, bottom = min(x0, b[0]), min(top, b[1]), max(x1, b[2]), max(bottom, b[3])
                    grown = True
        if not grown:
            break
    if (x1 - x0) * (bottom - top) < 0.02 * p.width * p.height:
        return None
    return x0, top, x1, min(bottom, ctop - 0.5) if bottom > ctop + 2 * size else bottom


# --------------------------------------------------------------------------- text helpers


def _kind(name: str) -> str | None:
    """heading_kind, with typographic apostrophes ('Authors’ contributions') normalised."""
    return heading_kind(name.replace("’", "'").replace("‘", "'"))


def _heading_name(text: str) -> str:
    """A heading without its number or trailing colon: '2.1 Methods:' -> 'Methods'."""
    return re.sub(r"^(\d+(\.\d+)*\.?|[IVX]+\.)\s+", "", text.strip()).rstrip(":").strip()










def _short(text: str, n: int = 120) -> str:
    """A caption cut to a section name."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "..."


def _heading_sections(heads: list[tuple[int, str, tuple[str, float]]], end: int) -> list[Section]:
    """Heading ranges: each runs to the next heading of its level or above; kinds inherited."""
    if not heads:
        return []
    top_styles = {style for _s, name, style in heads if _kind(name) in ("abstract", "body", "references")}
    sizes = sorted({style[1] for _s, _n, style in heads}, reverse=True)

    def level(name: str, style: tuple[str, float]) -> int:
        """1 for known top-level names and their style; deeper for smaller type."""
        if _kind(name) is not None or style in top_styles:
            return 1
        return 2 + sizes.index(style[1])

    levels = [level(name, style) for _s, name, style in heads]
    out: list[Section] = []
    parent_kind = "body"
    for n, (s, name, _style) in enumerate(heads):
        lv = levels[n]
        e = next((heads[m][0] for m in range(n + 1, len(heads)) if levels[m] <= lv), end)
        kind = _kind(name)
        if lv == 1:
            parent_kind = kind or "body"
            kind = parent_kind
        else:
            kind = parent_kind if parent_kind in ("abstract", "references", "backmatter") else (kind or "body")
        out.append(Section(name, s, e, kind))
    return out


def _boilerplate_sections(spans: list[tuple[int, int, _Block]]) -> list[Section]:
    """Licence text, publisher adverts, 'cite this article' boxes as boilerplate sections."""
    out: list[Section] = []
    in_ad_page: int | None = None
    for s, e, b in spans:
        text = "\n".join(ln.text for ln in b.lines)
        if _AD_START.search(text):
            in_ad_page = b.page
        if is_boilerplate(text) or _EXTRA_BOILERPLATE.search(text) or in_ad_page == b.page:
            out.append(Section("Boilerplate", s, e, "boilerplate"))
    return out


class _Writer(TextBuilder):
    """The output text, built block by block with a blank line between blocks."""

    def table(self, t: _TableData) -> Table:
        """Append a table (caption, tab-separated rows, footnotes) and index its cells."""
        return self.add_table(t.caption, t.rows, t.footnotes)
