"""SPARQL: an editor with completion, a cancellable run, a sortable result, export and history."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header

from tui.export import export
from tui.history import History
from tui.screens.dialogs import ExportScreen, HistoryScreen, PathScreen
from tui.sparql_syntax import Vocab
from tui.widgets.query_panel import QueryPanel
from tui.widgets.results import ResultsTable
from tui.widgets.schema import SchemaTree
from tui.widgets.sparql_editor import QueryEditor, SparqlEditor

EXAMPLE = """\
# F5 or ctrl+enter runs · escape cancels · ctrl+space completes · F1 help
SELECT DISTINCT ?drug ?event ?grade ?count WHERE {
  ?ae a kg:AdverseEvent ; kg:term/skos:prefLabel ?event ; kg:ofTrial ?trial .
  ?dose a kg:DoseRegimen ; kg:ofTrial ?trial ; kg:role "study" ; kg:drug/skos:prefLabel ?drug .
  FILTER NOT EXISTS { ?ae kg:negated true }  # "no neutropenia" is not an adverse event
  OPTIONAL { ?ae kg:grade ?grade } OPTIONAL { ?ae kg:count ?count }
}
ORDER BY ?drug ?event
"""


class SparqlScreen(Screen):
    """Write and run SPARQL 1.1 against the store (read-only)."""

    BINDINGS = [
        # F5 / ctrl+enter (terminals often send ctrl+j for it): run the query
        Binding("f5,ctrl+enter,ctrl+j", "run", "Run", priority=True),
        # escape: cancel the running query
        Binding("escape", "cancel", "Cancel"),
        # ctrl+s: export the last result (CSV, JSON, Turtle)
        Binding("ctrl+s", "export", "Export"),
        # ctrl+up / ctrl+down: step through the history (kept across sessions)
        Binding("ctrl+up", "history(-1)", "Older", show=False),
        Binding("ctrl+down", "history(1)", "Newer", show=False),
        # ctrl+r: search the history
        Binding("ctrl+r", "search_history", "History"),
        # ctrl+o / F8: open a query file / save the query to a file (.rq); the editor keeps ctrl+w
        Binding("ctrl+o", "open_file", "Open", priority=True),
        Binding("f8", "save_file", "Save", priority=True),
        # F7: show or hide the sidebar of classes and properties (enter inserts one); priority
        # over the editor's own F7 (select all)
        Binding("f7", "toggle_schema", "Schema", priority=True),
    ]
    DEFAULT_CSS = """
    SparqlScreen #top { height: 45%; }
    SparqlScreen QueryEditor { width: 1fr; }
    """
    SCHEMA_FROM_WIDTH = 100  # the sidebar starts hidden on narrower terminals (F7 shows it)

    def __init__(self) -> None:
        super().__init__()
        self.history = History()
        self._draft = ""  # the unsaved query, while stepping through the history

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="top"):
            yield QueryEditor(EXAMPLE, id="query")
            yield SchemaTree(id="schema")
        yield QueryPanel(id="panel")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "SPARQL"
        self._take_pending()
        schema = self.query_one(SchemaTree)
        schema.display = self.app.size.width >= self.SCHEMA_FROM_WIDTH
        schema.show_vocabulary(self.app.vocabulary)
        self.watch(self.app, "vocabulary", self._vocabulary)
        self.app.want_vocabulary()
        self.editor.focus()

    def on_screen_resume(self) -> None:
        self._take_pending()

    def _take_pending(self) -> None:
        """A query another screen sent (Ask's ctrl+e) replaces the editor's text."""
        text, self.app.pending_sparql = self.app.pending_sparql, None
        if text:
            self.editor.load_text(text)
            self.editor.focus()

    def action_open_file(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is None:
                return
            try:
                self.editor.load_text(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as e:
                self.notify(f"Cannot read {path}: {getattr(e, 'strerror', None) or e}", severity="error")
                return
            self.notify(f"Opened {path}")

        self.app.push_screen(PathScreen("Open a query file", "query.rq"), chosen)

    def action_save_file(self) -> None:
        text = self.editor.text

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            try:
                path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
            except OSError as e:
                self.notify(f"Cannot write {path}: {e.strerror or e}", severity="error")
                return
            self.notify(f"Saved to {path}")

        self.app.push_screen(PathScreen("Save the query to", "query.rq"), chosen)

    def _vocabulary(self, vocabulary) -> None:
        if vocabulary is not None:
            self.editor.vocab = Vocab.of(vocabulary)
            self.query_one(SchemaTree).show_vocabulary(vocabulary)

    def action_toggle_schema(self) -> None:
        schema = self.query_one(SchemaTree)
        schema.display = not schema.display
        (schema if schema.display else self.editor).focus()

    @on(SchemaTree.Picked)
    def _picked(self, event: SchemaTree.Picked) -> None:
        """A class or property chosen in the sidebar goes into the query at the cursor."""
        self.editor.insert(event.name + " ")
        self.editor.focus()

    @property
    def editor(self) -> SparqlEditor:
        return self.query_one(SparqlEditor)

    @property
    def panel(self) -> QueryPanel:
        return self.query_one(QueryPanel)

    def action_run(self) -> None:
        text = self.editor.text
        if not text.strip():
            return
        self.history.add(text)
        self.panel.run(text)

    def action_cancel(self) -> None:
        if not self.panel.cancel():
            self.notify("No query is running.", timeout=2)

    @on(QueryPanel.Done)
    def _done(self, event: QueryPanel.Done) -> None:
        e = event.error
        if e is not None and e.line is not None:
            self.editor.cursor_location = (max(e.line - 1, 0), max((e.column or 1) - 1, 0))

    def action_history(self, step: int) -> None:
        """Step through the history; the query being written is kept and comes back past the newest."""
        if step < 0 and self.history.cursor >= len(self.history.entries):
            self._draft = self.editor.text
        text = self.history.previous() if step < 0 else self.history.next()
        if text is None and step < 0:
            self.notify("Oldest query in the history.", timeout=2)
            return
        self.editor.load_text(text if text is not None else self._draft)

    @on(ResultsTable.OpenTerm)
    def _open_entity(self, event: ResultsTable.OpenTerm) -> None:
        self.app.open_entity(event.iri)

    def action_search_history(self) -> None:
        def chosen(text: str | None) -> None:
            if text:
                self.editor.load_text(text)
                self.editor.focus()

        self.app.push_screen(HistoryScreen(self.history.entries), chosen)

    def action_export(self) -> None:
        result = self.panel.result
        if result is None:
            self.notify("Run a query first.", severity="warning")
            return

        def chosen(choice: tuple[str, Path] | None) -> None:
            if choice is None:
                return
            fmt, path = choice
            try:
                written = export(result, fmt, path)
            except OSError as e:
                self.notify(f"Cannot write {path}: {e.strerror or e}", severity="error")
                return
            self.notify(f"Exported to {written}")

        self.app.push_screen(ExportScreen(), chosen)
