"""Reading order from a page's geometry: columns, full-width bands and margin columns.

No publisher template: the page is cut recursively (an XY-cut). Its rows are gathered top
to bottom into bands while some vertical strip stays empty through the whole band (a
gutter); a band with gutters is split at them into columns, read left to right, and each
column is cut again the same way. So a full-width title, a two-column body, a full-width
table's leftovers and a narrow side column beside the abstract each come out as their own
run of lines, in the order a reader takes them. A narrow column at the page's edge beside
a wider one is a margin column (affiliations, 'See Online', DOIs) and is kept apart.
"""

from __future__ import annotations

import statistics

from kg.readers.pdf_geometry import Line, Segment, Word, group_lines

# A margin column is at most this share of the page width, beside a column twice as wide.
MARGIN_SHARE = 0.22
MAX_DEPTH = 6
MIN_ROWS = 3  # rows with text on both sides of a gutter
LONG_BAND = 8  # ...unless the strip stays empty down this many rows (a one-line margin note)


def reading_order(words: list[Word], page: int, width: float) -> tuple[list[Segment], list[Segment]]:
    """The page's running text as segments in reading order, and its margin columns apart."""
    if not words:
        return [], []
    size = statistics.median(w.size for w in words) or 9.0
    flow: list[Segment] = []
    margin: list[Segment] = []
    _cut(words, page, width, size, 0, flow, margin)
    return flow, margin


def _cut(words: list[Word], page: int, width: float, size: float, depth: int,
         flow: list[Segment], margin: list[Segment]) -> None:
    """Append the segments of `words` in reading order (recursive XY-cut)."""
    rows = group_lines(words)
    bands = _bands(rows, size)
    if len(bands) > 1:
        for band in bands:
            _cut([w for r in band for w in r.words], page, width, size, depth + 1, flow, margin)
        return
    gaps = _gutters(rows, size)
    if not gaps or depth >= MAX_DEPTH:
        flow.append(_segment(rows, page))
        return
    cols = _split(words, gaps)
    spans = [(min(w.x0 for w in c), max(w.x1 for w in c)) for c in cols]
    widest = max(b - a for a, b in spans)
    for k, (col, (a, b)) in enumerate(zip(cols, spans)):
        side = k in (0, len(cols) - 1)
        if len(cols) > 1 and side and b - a <= MARGIN_SHARE * width and widest >= 2 * (b - a):
            margin.append(_segment(group_lines(col), page))
        else:
            _cut(col, page, width, size, depth + 1, flow, margin)


def _segment(rows: list[Line], page: int) -> Segment:
    """Rows read in one go."""
    return Segment(rows, min(r.x0 for r in rows), max(r.x1 for r in rows), page)


def _bands(rows: list[Line], size: float) -> list[list[Line]]:
    """Rows gathered top to bottom: a band keeps a gutter through all its rows, or has none.

    A row that breaks a band's gutters starts a new band; so does a row that, with the row
    after it, opens columns under a band that has none (a title above a two-column body).
    """
    bands: list[list[Line]] = []
    has_gutter = False
    for k, row in enumerate(rows):
        if not bands:
            bands.append([row])
            continue
        cand = bands[-1] + [row]
        probe = cand + rows[k + 1:k + 1 + max(0, MIN_ROWS - len(cand))]  # a young band looks ahead
        if _gutters(probe, size):
            bands[-1].append(row)
            has_gutter = True
        elif has_gutter or _gutters(rows[k:k + MIN_ROWS], size):
            bands.append([row])
            has_gutter = False
        else:
            bands[-1].append(row)
    _hand_down_headings(bands, size)
    _hand_up_column_tops(bands, size)
    return [b for b in bands if b]


def _hand_down_headings(bands: list[list[Line]], size: float) -> None:
    """A one-sided last row of a columned band nearer the full-width band below (a heading
    over a full-width paragraph) belongs to that band."""
    for a, b in zip(bands, bands[1:]):
        while len(a) > 1 and b and not _gutters(b, size):
            last = a[-1]
            above = max(r.bottom for r in a[:-1])
            if b[0].top - last.bottom < 0.8 * (last.top - above) and last.top > above:
                b.insert(0, a.pop())
            else:
                break


def _hand_up_column_tops(bands: list[list[Line]], size: float) -> None:
    """One-sided rows just above a columned band are the tops of its columns (a heading in
    one column beside the other column's first line), not part of the band above."""
    for a, b in zip(bands, bands[1:]):
        gaps = _gutters(b, size) if b else []
        if not gaps or _gutters(a, size):
            continue
        while a:
            row = a[-1]
            crosses = any(w.x0 < g1 and w.x1 > g0 for w in row.words for g0, g1 in gaps)
            if crosses or b[0].top - row.bottom > 1.5 * size:
                break
            b.insert(0, a.pop())


def _gutters(rows: list[Line], size: float) -> list[tuple[float, float]]:
    """Vertical strips no word crosses, wide enough to part columns, with text on both sides
    in at least MIN_ROWS rows (wide word spaces of justified lines seldom line up for three),
    or in one row of a band of LONG_BAND rows (a margin note beside a column)."""
    if len(rows) < MIN_ROWS:
        return []
    spans = sorted((w.x0, w.x1) for r in rows for w in r.words)
    lo, hi = spans[0][0], max(b for _a, b in spans)
    min_gap = max(6.0, 0.9 * size)
    min_side = max(40.0, 5 * size)
    out: list[tuple[float, float]] = []
    reach = spans[0][1]
    for a, b in spans[1:]:
        if a - reach >= min_gap and reach - lo >= min_side and hi - a >= min_side:
            both = sum(1 for r in rows if r.x0 < reach and r.x1 > a)
            if both >= MIN_ROWS or (both >= 1 and len(rows) >= LONG_BAND):
                out.append((reach, a))
        reach = max(reach, b)
    return out


def _split(words: list[Word], gaps: list[tuple[float, float]]) -> list[list[Word]]:
    """Words into the columns the gutters bound, left to right."""
    edges = [(a + b) / 2 for a, b in gaps]
    cols: list[list[Word]] = [[] for _ in range(len(edges) + 1)]
    for w in words:
        k = sum(1 for e in edges if w.x0 >= e)
        cols[k].append(w)
    return [c for c in cols if c]
