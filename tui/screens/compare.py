"""Compare: two trials side by side (N, phase, design, arms and doses, endpoints, results, AEs)."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from tui.compare import TrialSummary, compare, table_rows


class CompareScreen(Screen):
    """One row per aspect line, one column per trial; every value is read from the graph."""

    BINDINGS = [
        # escape: back
        Binding("escape", "back", "Back"),
    ]
    DEFAULT_CSS = """
    CompareScreen #caption { height: 1; padding: 0 1; background: $boost; }
    CompareScreen DataTable { height: 1fr; }
    """

    def __init__(self, left: tuple[str, str], right: tuple[str, str]) -> None:
        super().__init__()
        self.left, self.right = left, right  # (iri, name)
        self.summaries: tuple[TrialSummary, TrialSummary] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(f"{self.left[1]}  ⟷  {self.right[1]}", style="bold"), id="caption")
        yield DataTable(zebra_stripes=True, cursor_type="row", id="table")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "compare"
        self.query_one("#table").loading = True
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        store = self.app.get_store()
        left, right = compare(store, [self.left, self.right])  # both trials in the same two queries
        summaries = (left, right)
        self.app.call_from_thread(self._show, summaries)

    def _show(self, summaries: tuple[TrialSummary, TrialSummary]) -> None:
        self.summaries = summaries
        table = self.query_one("#table", DataTable)
        table.loading = False
        table.clear(columns=True)
        table.add_column("", key="aspect")
        table.add_column(self.left[1], key="left")
        table.add_column(self.right[1], key="right")
        for aspect, lv, rv in table_rows(*summaries):
            table.add_row(Text(aspect, style="bold"), lv, rv)
        table.focus()

    def action_back(self) -> None:
        self.app.pop_screen()
