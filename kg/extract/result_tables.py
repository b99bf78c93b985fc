"""Results read from tables: a row per measure, the groups' (or time points') values, the row's p-value.

Why a module of its own: tables are laid out, not written, and the layouts vary more than
sentences do. What is read (cue patterns in `ontology/patterns/results.json`, key "table"):
- the p-value column, found by its header ('P', 'P value', 'p*', '*p-value', 'Sig.', 'P value*
  (Bs-6 m)', 'P (CG vs IG)', 'p-value2'), or, when its header cell is empty, by its cells;
- a bracket in that header naming the two columns it compares ('(Bs-6 m)', '(CG vs IG)'): the
  value and the comparator are those columns' cells (the later time point is the finding);
- rows grouped under a measure row whose other cells are empty ('Bone level (mm)' then
  'A group', 'B group'): each row is that group's result for the measure above it, and a p
  comparing time points is a within-group test (facts field `comparison`);
- tables whose caption says they describe the groups at baseline or their harms are skipped.
Every fact's evidence is the row (and the measure row above it), as the document text has it.
"""

from __future__ import annotations

from kg.extract import recache as re
from kg.extract.base import Context, Fact

EXTRACTOR = "results"
_RELATION = {"≤": "<=", "≥": ">="}


def from_tables(ctx: Context) -> list[Fact]:
    """The result facts of every minable table of the document."""
    from kg.extract.results import _rx

    spec = _rx()["table"]
    out: list[Fact] = []
    for table in ctx.document.tables:
        if not table.rows or spec["skip_caption"].search(table.caption) \
                or not ctx.document.is_minable(table.start, table.end):
            continue
        found = _p_columns(table.rows, spec)
        if found is None:
            continue
        h, header, p_cols = found
        heads, h = _header_texts(table.rows, h, spec)
        section = last = None  # a measure row over its groups' rows; the last row that named a measure
        for row in table.rows[h + 1:]:
            if not row or spec["p_header"].match(row[0].text):
                continue
            if not spec["label"].search(row[0].text):
                # ' | t0 | 31.0 (12.9) | 34.8 (17.1) | .34', ' | 28 weeks | 73.4 | 71.9 | <0.001': a time
                # point of the measure named in the row above
                over = section if section is not None else last
                if over is not None and len(row) > 2 and row[1].text.strip() and not row[0].text.strip() \
                        and (spec["label"].search(row[1].text) is None or spec["time_column"].search(row[1].text)):
                    out += _row_facts(ctx, spec, heads, p_cols, row, over, sub=True)
                continue
            if all(not c.text.strip() for c in row[1:]):
                section = row[0]  # 'Bone level (mm, mean ± SD)' over the groups' rows
                continue
            last = row[0]
            if any(spec["baseline_row"].match(c.text) for c in row[1:3]):
                continue  # 'X | baseline, mean (SD) | 34 | 35 | 0.71': the groups before treatment
            out += _row_facts(ctx, spec, heads, p_cols, row, section)
    return out


def _p_columns(rows, spec) -> tuple[int, list, list[int]] | None:
    """The header row's index, the header, and the p-value columns: by a header cell that
    names one, else a last column whose header is empty and whose cells are p-values."""
    for i, r in enumerate(rows[:3]):
        cols = [j for j, c in enumerate(r) if j > 0 and spec["p_header"].match(c.text)]
        if cols:
            return i, r, cols
    header = rows[0]
    last = len(header) - 1
    body = [r for r in rows[1:] if len(r) == len(header)]
    if last < 3 or header[last].text.strip() or len(body) < 2:
        return None
    cells = [r[last].text for r in body if r[last].text.strip()]
    if len(cells) >= 2 and sum(bool(spec["p_cell"].match(c)) for c in cells) >= max(2, 0.8 * len(cells)):
        return 0, header, [last]
    return None


def _header_texts(rows, h: int, spec) -> tuple[list[str], int]:
    """Each column's header: the header row's cell, with the cell of a second header row
    under it ('Scores' over 'Control group (CG)') when that row holds no values; and the
    index of the last header row."""
    heads = [c.text for c in rows[h]]
    nxt = rows[h + 1] if h + 1 < len(rows) else None
    if nxt and len(nxt) == len(heads) and not nxt[0].text.strip() \
            and not any(re.search(r"\d", c.text) and not spec["label"].search(c.text) for c in nxt[1:]) \
            and any(c.text.strip() for c in nxt[1:]):
        return [f"{a} {b.text}".strip() for a, b in zip(heads, nxt)], h + 1
    return heads, h


def _row_facts(ctx: Context, spec, header, p_cols, row, section, sub: bool = False) -> list[Fact]:
    from kg.extract.results import _arm_names, _first_number, _num, _rx, canonical_measure, measure_core

    out: list[Fact] = []
    last = 0
    for j in p_cols:
        span = range(last + 1, j)
        last = j
        pm = spec["p_cell"].match(row[j].text) if j < len(row) else None
        if not pm:
            continue
        named = _named_columns(header, j, span, spec)
        if named:
            value, comp = row[named[0]] if named[0] < len(row) else None, row[named[1]] if named[1] < len(row) else None
            if value is None or comp is None or not _first_number(value.text) or not _first_number(comp.text):
                continue
        else:
            cells = [row[k] for k in span if k < len(row) and _first_number(row[k].text)
                     and not spec["label"].search(row[k].text)
                     and not (k < len(header) and spec["stat_header"].match(header[k]))]
            if len(cells) < 2:
                continue
            value, comp = cells[0], (cells[1] if len(cells) == 2 else None)  # more arms: no one comparator
        p = float(pm.group("v").replace("·", "."))
        label = re.sub(r"\s*\(\s*n\s*=\s*\d+\s*\)|[*†‡§¶#]+$", "", row[0].text).strip()
        group = timepoint = None
        if sub:  # a time point's row under its measure
            timepoint, label = re.sub(r"\s+[a-z*†‡§¶#]$", "", row[1].text.strip()), section.text.strip()
        elif section is not None and _rx()["GROUP_WORD"].search(label):
            group, label = label, re.sub(r"[*†‡§¶#]+$", "", section.text).strip()
        measure = measure_core(canonical_measure(label), _arm_names(ctx))
        fields = {"measure": measure, "value": value.text, "numeric_value": _num(value.text),
                  "comparator_value": comp.text if comp else None,
                  "numeric_comparator_value": _num(comp.text) if comp else None, "unit": None,
                  "p_value": p, "p_relation": _RELATION.get(pm.group("rel") or "=", pm.group("rel") or "="),
                  "p_text": row[j].text, "timepoint": timepoint}
        comparison = _comparison(header, named, group, spec)
        if comparison:
            fields["comparison"] = comparison
            if group and comparison == "within_group":
                fields["group"] = group
        first = row[1] if sub else row[0]
        ev = [ctx.evidence(first.start, row[j].end)]
        if (group or sub) and section is not None:
            ev.append(ctx.evidence(section.start, section.end))
        out.append(Fact("result", fields, ev, EXTRACTOR, "result.table_row", 0.7, surface=fields["measure"]))
    return out


def _named_columns(header, j: int, span: range, spec) -> tuple[int, int] | None:
    """The two columns a p-value header names in its bracket ('P value (Bs-6 m)', 'P (CG vs
    IG)'), as (value column, comparator column): a baseline column is the comparator."""
    if j >= len(header):
        return None
    m = spec["p_compares"].search(header[j])
    if not m:
        return None
    a, b = (_column(header, span, m.group(g), spec) for g in ("a", "b"))
    if a is None or b is None or a == b:
        return None
    if spec["baseline_column"].match(header[a]):
        return b, a
    return a, b


def _column(header, span: range, name: str, spec) -> int | None:
    """The one column in span whose header the short name names: each of its words starts a
    word of the header, or (a short abbreviation) is spelt in order by one header word."""
    words = re.findall(r"\w+", name.lower())
    hits = []
    for k in span:
        if k >= len(header):
            continue
        if spec["stat_header"].match(header[k]):
            continue  # 'Difference (after 6 m)' is no time point's values
        head = re.findall(r"\w+", header[k].lower())
        if words and all(any(h.startswith(w) or len(w) <= 3 and h[0] == w[0] and _spelt(w, h) for h in head)
                         for w in words):
            hits.append(k)
    return hits[0] if len(hits) == 1 else None


def _spelt(short: str, word: str) -> bool:
    """'bs' is spelt in order by 'baseline'."""
    it = iter(word)
    return all(ch in it for ch in short)


def _comparison(header, named, group, spec) -> str | None:
    """Within-group when the p-value compares time points of one group's row; between-group
    when it compares columns that are groups."""
    if named:
        heads = [header[k] for k in named]
        if any(spec["baseline_column"].match(h) or spec["time_column"].search(h) for h in heads):
            return "within_group" if group or not any(spec["group_column"].search(h) for h in heads) else None
        if all(spec["group_column"].search(h) for h in heads):
            return "between_group"
    return None
