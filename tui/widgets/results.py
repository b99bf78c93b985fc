"""A query result in a DataTable that sorts by a column: click its header, or press s on it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from kg.graph.views import short
from tui.export import QueryResult

MAX_CELL = 80
MAX_SHOWN = 5000


def cell_text(term: Any) -> str:
    """A term as a table cell: prefixed IRIs, literal text, cut at MAX_CELL characters."""
    text = short(term) if term is not None else ""
    text = text.replace("\n", " ").replace("\t", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def sort_key(cell: Any) -> tuple:
    """Numbers by value before text by case-folded text; empty cells last."""
    text = str(cell)
    if not text:
        return (2, 0.0, "")
    try:
        return (0, float(text), "")
    except ValueError:
        return (1, 0.0, text.casefold())


class ResultsTable(DataTable):
    """Rows of a QueryResult; `row_terms(key)` gives back a row's RDF terms. Enter on a cell
    asks to open the entity behind it (the cell's IRI, else the row's ?fact, else its first IRI)."""

    class OpenTerm(Message):
        """Open the entity with this IRI."""

        def __init__(self, iri: str) -> None:
            super().__init__()
            self.iri = iri

    BINDINGS = [
        # s: sort by the column under the cursor (again: reverse)
        Binding("s", "sort_column", "Sort column"),
        # y / ctrl+c: copy the cell under the cursor (its whole value, not the cut one shown)
        Binding("y,ctrl+c", "copy_cell", "Copy cell"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(zebra_stripes=True, cursor_type="cell", **kwargs)
        self.result: QueryResult | None = None
        self._rows: list[tuple[Any, ...]] = []
        self._names: list[str] = []
        self._sorted: tuple[str, bool] | None = None

    def show(self, result: QueryResult) -> None:
        """Replace the table's content with a result (at most MAX_SHOWN rows shown)."""
        self.result = result
        self._names, self._rows = result.table()
        self._sorted = None
        self.clear(columns=True)
        for name in self._names:
            self.add_column(name, key=name)
        # row keys are indexes into self._rows, so that sorting keeps the terms at hand
        for i, row in enumerate(self._rows[:MAX_SHOWN]):
            self.add_row(*(cell_text(v) for v in row), key=str(i))

    def row_terms(self, row_key: str | None) -> dict[str, Any]:
        """{column: term} of a row, by its key."""
        if row_key is None:
            return {}
        row = self._rows[int(row_key)]
        return {n: v for n, v in zip(self._names, row) if v is not None}

    def terms_at_cursor(self) -> dict[str, Any]:
        if not self.row_count:
            return {}
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return self.row_terms(key.value)

    def sort_by(self, column: str) -> None:
        """Sort by a column; sorting by the same column again reverses."""
        reverse = self._sorted == (column, False)
        self.sort(column, key=sort_key, reverse=reverse)
        self._sorted = (column, reverse)
        for key, col in self.columns.items():
            name = str(key.value)
            col.label = Text(f"{name} {'▼' if reverse else '▲'}" if name == column else name)
            col.content_width = max(col.content_width, col.label.cell_len)
        self._require_update_dimensions = True
        self.refresh()

    def action_sort_column(self) -> None:
        if self.columns:
            key: ColumnKey = list(self.columns)[self.cursor_column]
            self.sort_by(str(key.value))

    def entity_at_cursor(self) -> str | None:
        """The IRI behind the highlighted cell: the cell itself, the row's fact, or its first IRI."""
        from rdflib import URIRef

        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate)
        terms = self.row_terms(key.row_key.value)
        cell = terms.get(str(key.column_key.value))
        for term in (cell, terms.get("fact"), *terms.values()):
            if isinstance(term, URIRef):
                return str(term)
        return None

    def cell_value(self) -> str | None:
        """The whole value of the highlighted cell (IRIs in full), or None on an empty table."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate)
        term = self.row_terms(key.row_key.value).get(str(key.column_key.value))
        return "" if term is None else str(term)

    def action_copy_cell(self) -> None:
        value = self.cell_value()
        if value is None:
            return
        self.app.copy_to_clipboard(value)
        shown = value if len(value) <= 60 else value[:59] + "…"
        self.notify(f"Copied: {shown}", timeout=2)

    @on(DataTable.CellSelected)
    def _open(self, event: DataTable.CellSelected) -> None:
        event.stop()
        iri = self.entity_at_cursor()
        if iri is not None:
            self.post_message(self.OpenTerm(iri))

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.sort_by(str(event.column_key.value))
