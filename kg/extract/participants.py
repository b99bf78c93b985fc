"""Per-patient tables: each row a participant with dose group, observations and responder status.

A table is per-patient when most of its data rows start with a patient number ("1. F, 35",
"Patient 3", "P4", "#5"). Column names join a spanning group header ("Baseline", "Week 24")
with the sub-header under it ("SLEDAI", "OCS mg/d"). Every cell becomes an observation
(variable, visit, value) with the cell as evidence; a dose column gives the dose group and
a responder column ("... response", "SRI-4-R", "responder") the responder status. Rows of
several tables with the same patient number are one participant.
"""

from __future__ import annotations

from kg.extract import recache as re
from kg.extract.base import Context, Fact
from kg.model import Cell, Table

EXTRACTOR = "participants"
_ROW_ID = re.compile(r"^\s*(?:patient\s*|pt\.?\s*|p|#)?(?P<n>\d{1,3})(?:[.):]|\s*,|\s|$)", re.I)
_VISIT = re.compile(r"\b(?:baseline|screening|inclusion|week\s*\d+|W\d+|day\s*\d+|D\d+|month\s*\d+|M\d+|"
                    r"follow-?up|post-trial)\b", re.I)
_DOSE = re.compile(r"\bdos(?:e|age)\b", re.I)
_RESPONDER = re.compile(r"respon|-R\b", re.I)
_YES = {"yes", "y", "responder", "+", "r"}
_NO = {"no", "n", "non-responder", "-", "nr"}


def extract(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    for table in ctx.document.tables:
        if not ctx.document.is_minable(table.start, table.end):
            continue
        header_rows, data_rows = _split(table)
        if len(data_rows) < 3:
            continue
        names = _column_names(header_rows, max(len(r) for r in data_rows))
        for row in data_rows:
            out.append(_participant(ctx, names, row))
    return out


def _split(table: Table) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """Header rows (before the first numbered row) and patient rows (numbered)."""
    rows = table.rows
    first = next((i for i, r in enumerate(rows) if r and r[0].text and _ROW_ID.match(r[0].text)
                  and len(r) >= 3), None)
    if first is None or first == 0:
        return [], []
    data = [r for r in rows[first:] if r and r[0].text and _ROW_ID.match(r[0].text)]
    if len(data) < 0.8 * len(rows[first:]):
        return [], []
    return rows[:first], data


def _column_names(header_rows: list[list[Cell]], width: int) -> list[tuple[str, str | None]]:
    """(variable, visit) per column: group headers fill right over their empty cells."""
    names: list[tuple[str, str | None]] = []
    groups: list[str] = [""] * width
    subs: list[str] = [""] * width
    for depth, row in enumerate(header_rows):
        current = ""
        for i in range(width):
            text = row[i].text if i < len(row) else ""
            if depth < len(header_rows) - 1:
                current = text or current
                groups[i] = current
            else:
                subs[i] = text
    for i in range(width):
        group, sub = groups[i], subs[i]
        variable = sub or group
        visit_src = f"{group} {sub}" if sub else group
        visit = _VISIT.search(visit_src)
        names.append((variable, visit.group(0) if visit and variable != group else None))
    return names


def _participant(ctx: Context, names, row: list[Cell]) -> Fact:
    label = _ROW_ID.match(row[0].text).group("n")
    observations = []
    dose_group = responder = None
    for i, cell in enumerate(row):
        if i >= len(names) or not cell.text:
            continue
        variable, visit = names[i]
        if i == 0:
            variable = variable or "patient"
        observations.append({"variable": variable, "visit": visit, "value": cell.text,
                             "evidence": ctx.evidence(cell.start, cell.end)})
        if _DOSE.search(variable) and re.fullmatch(r"\d+(?:[.,]\d+)?", cell.text):
            unit = re.search(r"(mg/kg|mg/m2|mg|MIU|IU/kg|IU)", variable)
            dose_group = f"{cell.text} {unit.group(1)}" if unit else cell.text
        if _RESPONDER.search(variable):
            low = cell.text.strip().lower()
            responder = True if low in _YES else False if low in _NO else None
    fields = {"label": label, "dose_group": dose_group, "responder": responder, "_observations": observations}
    return Fact("participant", fields, [ctx.evidence(row[0].start, row[0].end)], EXTRACTOR,
                "participant.table_row", 0.9, surface=row[0].text)
