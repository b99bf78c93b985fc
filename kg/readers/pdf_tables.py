"""Table regions into rows and cells: pdfplumber's finder for drawn grids, else a grid
from text alignment (column edges where no word crosses, wrapped rows joined by line
pitch, the header closed by its rule), and the notes under the table set apart.
"""

from __future__ import annotations

import re
import statistics
from typing import Any

from kg.readers.pdf_geometry import Line, Word, group_lines
from kg.readers.pdf_text import join_lines


def split_table_notes(region: list[Line], rule_ys: list[float]) -> tuple[list[Line], list[Line]]:
    """Rows under the table's lowest rule that has rows under it (a rule may also close the
    notes, above a caption set under the table), set in smaller type or marked, are its notes."""
    last_rule = next((y for y in sorted(rule_ys, reverse=True) if any(r.top >= y - 1 for r in region)), None)
    if last_rule is None:
        return _smaller_tail(region)
    sizes = sorted(r.size for r in region if r.top < last_rule)
    if not sizes:
        return region, []
    median = sizes[len(sizes) // 2]
    k = len(region)
    for j, row in enumerate(region):
        if row.top >= last_rule - 1:
            k = j
            break
    tail = region[k:]
    if tail and all(r.size < median - 0.4 or re.match(r"^([a-z*†‡§¶]|Abbreviations?\b)", r.text) for r in tail):
        return region[:k], tail
    # Notes wrapped over lines: the first opens with a mark or reads as prose ('Data are n (%)
    # or mean (SD), unless...'), and none is spaced out like a row.
    if tail and (re.match(r"^([a-z*†‡§¶]\s?[A-Z(]|Abbreviations?\b|Notes?\b)", tail[0].text)
                 or len(tail[0].words) >= 8) and not any(_spaced_like_a_row(r) for r in tail):
        return region[:k], tail
    return _smaller_tail(region)


def _smaller_tail(region: list[Line]) -> tuple[list[Line], list[Line]]:
    """With no rule to go by: the closing run of lines in smaller type than the rows, set as
    prose, are the notes."""
    sizes = sorted(r.size for r in region)
    median = sizes[len(sizes) // 2]
    k = len(region)
    while k > 1 and region[k - 1].size < median - 0.4 and not _spaced_like_a_row(region[k - 1]):
        k -= 1
    return region[:k], region[k:]


def _spaced_like_a_row(line: Line) -> bool:
    """A line with a gap wider than two spaces between words: table cells, not prose."""
    return any(b.x0 - a.x1 > 1.5 * line.size for a, b in zip(line.words, line.words[1:]))


def merge_note_lines(lines: list[Line]) -> list[list[Line]]:
    """Table footnote lines, wrapped lines grouped with the note they continue."""
    out: list[list[Line]] = []
    for ln in lines:
        starts_note = bool(re.match(r"^([a-z*†‡§¶]\s?[A-Z(]|Abbreviations?\b|Note)", ln.text)) or \
            ln.words[0].size < ln.size - 0.5
        if out and not starts_note:
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


def _below_header(lines: list[Line], rules: list[tuple[float, float, float]]) -> float | None:
    """The y of the rule closing the table header (whose cells may span columns), if any."""
    header_end = None
    limit = max(4, int(0.3 * len(lines)))
    for _x0, _x1, y in sorted(rules, key=lambda r: r[2]):
        above = sum(1 for ln in lines if ln.bottom <= y + 1)
        if 1 <= above <= limit and above < len(lines):
            header_end = y
    return header_end


def _pitch_cut(pitches: list[float]) -> float:
    """The line pitch below which two lines are one wrapped row: the split of a bimodal spread."""
    values = sorted(x for x in pitches if x > 0)
    if len(values) < 2 or values[-1] < 1.25 * values[0]:
        return 0.0
    _gap, k = max((b - a, k) for k, (a, b) in enumerate(zip(values, values[1:])))
    low, high = values[: k + 1], values[k + 1:]
    if statistics.mean(high) < 1.25 * statistics.mean(low):
        return 0.0
    return (values[k] + values[k + 1]) / 2


def _column_edges(lines: list[Line], x0: float, x1: float, size: float,
                  rules: list[tuple[float, float, float]]) -> list[float]:
    """Column boundaries: x-strips no word crosses, and joints in the header's underline."""
    words = [w for ln in lines for w in ln.words]
    if not words:
        return []
    width = int(x1 - x0) + 3
    diff = [0] * (width + 2)
    for w in words:
        a, b = max(0, int(w.x0 - x0)), min(width, int(w.x1 - x0) + 1)
        if a < b:
            diff[a] += 1
            diff[b] -= 1
    cov, run = [], 0
    for x in range(width):
        run += diff[x]
        cov.append(run)
    min_gap = max(4.0, 0.6 * size)
    first = min(w.x0 for w in words) - x0
    last = max(w.x1 for w in words) - x0
    edges: list[float] = []
    start = None
    for x in range(width):
        empty = cov[x] == 0 and first < x < last
        if empty and start is None:
            start = x
        elif not empty and start is not None:
            if x - start >= min_gap:
                edges.append(x0 + (start + x) / 2)
            start = None
    # Publishers underline each header cell separately: where two rule pieces meet is an edge.
    for r1 in rules:
        for r2 in rules:
            if r1 is not r2 and abs(r1[2] - r2[2]) < 0.5 and abs(r1[1] - r2[0]) < 3:
                x = (r1[1] + r2[0]) / 2
                same_gap = any(not any(min(e, x) < (w.x0 + w.x1) / 2 < max(e, x) for w in words) for e in edges)
                if not same_gap and not any(w.x0 < x < w.x1 for w in words):
                    edges.append(x)
    return sorted(edges)


def table_cells(page: Any, lines: list[Line], rules: list[tuple[float, float, float]]) -> list[list[str]]:
    """Cells: pdfplumber's table finder for ruled grids, else a grid from text alignment.

    Rules that only band the rows (shaded or underlined rows, no column rules) give the
    finder one wide cell per row; where the alignment grid fills clearly more cells, it wins.
    """
    ruled = _ruled_cells(page, lines)
    aligned = _aligned_cells(lines, rules)
    if ruled is not None and _filled(aligned) <= 1.3 * _filled(ruled):
        return ruled
    return aligned


def _filled(rows: list[list[str]]) -> int:
    """How many cells hold text."""
    return sum(1 for row in rows for c in row if c)


def _aligned_cells(lines: list[Line], rules: list[tuple[float, float, float]]) -> list[list[str]]:
    """A grid from text alignment: column edges where no word crosses, wrapped rows joined."""
    size = statistics.median(ln.size for ln in lines)
    header_end = _below_header(lines, rules)
    data = [ln for ln in lines if header_end is None or ln.top >= header_end - 1]
    left = min(ln.x0 for ln in lines) - 1
    right = max(ln.x1 for ln in lines) + 1
    pieces = [r for r in rules if left - 2 <= r[0] and r[1] <= right + 2]
    edges = _column_edges(data or lines, left, right, size, pieces)
    bounds = [left] + edges + [right]
    cut = _pitch_cut([b.base - a.base for a, b in zip(lines, lines[1:])])

    def col(w: Word) -> int:
        """The column a word's centre falls in."""
        cx = (w.x0 + w.x1) / 2
        return next((k for k in range(len(bounds) - 1) if cx < bounds[k + 1]), len(bounds) - 2)

    rows: list[list[Line]] = []
    for ln in lines:
        if header_end is not None and ln.bottom <= header_end + 1 and rows:
            rows[-1].append(ln)  # the header is one row, however many lines it takes
            continue
        if rows and _continues_row(rows[-1], ln, col, cut) and not (
                header_end is not None and rows[-1][-1].bottom <= header_end + 1):
            rows[-1].append(ln)
        else:
            rows.append([ln])
    out: list[list[str]] = []
    for row in rows:
        cells: list[list[Word]] = [[] for _ in range(len(bounds) - 1)]
        header = header_end is not None and row[0].bottom <= header_end + 1
        for ln in row:
            # Header labels overhang their columns: place each phrase by its middle.
            groups = _phrases(ln.words, 0.45 * size) if header else [[w] for w in ln.words]
            for g in groups:
                mid = Word("", g[0].x0, g[-1].x1, 0, 0, 0, "", 0)
                cells[col(mid)].extend(g)
        texts = [_cell_text(ws) for ws in cells]
        if any(texts):
            out.append(texts)
    return out


def _phrases(words: list[Word], gap: float) -> list[list[Word]]:
    """Words of a line split where the space between them is wider than `gap`."""
    out: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.x0):
        if out and w.x0 - out[-1][-1].x1 <= gap:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def _continues_row(row: list[Line], ln: Line, col: Any, cut: float) -> bool:
    """A line wraps the row above when each column it fills was filled just above it."""
    if cut <= 0 or ln.base - row[-1].base >= cut:
        return False
    for c in {col(w) for w in ln.words}:
        above = [r for r in row if any(col(w) == c for w in r.words)]
        if not above or ln.base - above[-1].base >= cut:
            return False
    return True


def _ruled_cells(page: Any, lines: list[Line]) -> list[list[str]] | None:
    """A table drawn with a full grid of rules, read with pdfplumber's table finder."""
    if page is None:
        return None  # a turned page: pdfplumber's finder sees the page sideways
    top = min(ln.top for ln in lines) - 2
    bottom = max(ln.bottom for ln in lines) + 2
    left = min(ln.x0 for ln in lines) - 2
    right = max(ln.x1 for ln in lines) + 2
    bbox = (max(0.0, left), max(0.0, top), min(float(page.width), right), min(float(page.height), bottom))
    words = [w for ln in lines for w in ln.words]
    found = page.crop(bbox).find_tables()
    if not found:
        return None
    t = max(found, key=lambda t: (t.bbox[2] - t.bbox[0]) * (t.bbox[3] - t.bbox[1]))
    if len(t.rows) < 2 or len(t.columns) < 2 or sum(1 for w in words if _in_bbox(w, t.bbox)) < 0.8 * len(words):
        return None
    # Column edges from the rows whose every cell is drawn; a shaded row band is one wide
    # cell, so its words are placed by those edges (a header cell spanning columns stays whole
    # unless its words fall into several columns with room between them).
    full = [row for row in t.rows if all(row.cells)]
    edges = sorted({round(c[0], 1) for row in full for c in row.cells[1:]}) if full else []
    out: list[list[str]] = []
    for row in t.rows:
        cells = [_cell_text([w for w in words if _in_bbox(w, cell)]) if cell else "" for cell in row.cells]
        if edges and len(row.cells) == len(edges) + 1 and not all(row.cells):
            inside = [w for w in words if _in_bbox(w, row.bbox)]
            split: list[list[Word]] = [[] for _ in range(len(edges) + 1)]
            for w in inside:
                split[sum(1 for e in edges if w.x0 >= e - 1)].append(w)
            if any(any(w.x0 < e - 1 < w.x1 for w in inside) for e in edges):
                # Header labels spanning columns: each phrase goes where its middle falls.
                split = [[] for _ in range(len(edges) + 1)]
                for ln in group_lines(inside):
                    for g in _phrases(ln.words, 0.45 * ln.size):
                        mid = (g[0].x0 + g[-1].x1) / 2  # a row label starting in the stub stays there
                        split[0 if g[0].x0 < edges[0] - 1 else sum(1 for e in edges if mid >= e)].extend(g)
            cells = [_cell_text(ws) for ws in split]
        if any(cells):
            out.append(cells)
    return out


def _in_bbox(w: Word, bbox: tuple[float, float, float, float]) -> bool:
    """A word's centre inside a box."""
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _cell_text(words: list[Word]) -> str:
    """A cell's words as lines joined with spaces; no tabs or newlines can leak out."""
    if not words:
        return ""
    lines = group_lines(words)
    return join_lines(lines).replace("\t", " ").replace("\n", " ").strip()
