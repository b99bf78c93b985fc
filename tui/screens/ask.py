"""Ask: questions from templates with completion; the SPARQL shown, editable, re-runnable."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, OptionList
from textual.widgets.option_list import Option

from tui import ask
from tui.catalog import doc_id, node_label
from tui.evidence import Evidence
from tui.resolve import resolve
from tui.sparql_syntax import Vocab
from tui.widgets.evidence import EvidenceView
from tui.widgets.query_panel import QueryPanel
from tui.widgets.results import ResultsTable
from tui.widgets.sparql_editor import QueryEditor, SparqlEditor
from tui.widgets.suggest import QuestionSuggester


class AskScreen(Screen):
    """A question box, suggestions, the query it became, the answers and their evidence."""

    BINDINGS = [
        # F5 / ctrl+enter: run the (edited) SPARQL again
        Binding("f5,ctrl+enter,ctrl+j", "rerun", "Run SPARQL", priority=True),
        # escape: cancel a running query
        Binding("escape", "cancel", "Cancel"),
        # o: open the document at the highlighted answer's evidence span
        Binding("o", "open_document", "Open text"),
        # ctrl+l: back to the question box
        Binding("ctrl+l", "focus_question", "Question"),
        # ctrl+e: edit the question's SPARQL in the SPARQL screen
        Binding("ctrl+e", "to_sparql", "Edit in SPARQL"),
        # m: the next page of answers ("more…" in the status line)
        Binding("m", "more", "More"),
    ]
    DEFAULT_CSS = """
    AskScreen #question { margin: 0 1; }
    AskScreen #top { height: 30%; min-height: 5; max-height: 12; }
    AskScreen EvidenceView { max-height: 25%; }
    AskScreen #suggestions { width: 44; height: 1fr; border: round $secondary; }
    AskScreen QueryEditor { width: 1fr; height: 100%; }
    AskScreen QueryPanel { height: 1fr; }
    """

    _note = ""
    _subject = ""
    _distinct_on: str | None = "fact"
    _question: ask.Question | None = None  # the question whose answers are shown (for "more…")
    _offset = 0
    _appended_at: int | None = None  # rows shown before the last "more…"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="ask, e.g. adverse events of arsenic trioxide", id="question",
                    suggester=QuestionSuggester(self._labels))
        with Horizontal(id="top"):
            yield OptionList(id="suggestions")
            yield QueryEditor("# the SPARQL of your question appears here; edit it and press F5", id="sparql")
        yield QueryPanel(id="answers")
        yield EvidenceView(id="evidence")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "ask"
        self.query_one("#suggestions").border_title = "questions"
        self.query_one("#sparql", QueryEditor).editor.border_title = "SPARQL"
        self._suggest("")
        self.watch(self.app, "vocabulary", self._vocabulary)
        self.app.want_vocabulary()
        self.query_one("#question").focus()

    def _labels(self) -> list[str]:
        v = self.app.vocabulary
        return v.labels if v is not None else []

    def _vocabulary(self, vocabulary) -> None:
        if vocabulary is not None:
            self.editor.vocab = Vocab.of(vocabulary)

    @property
    def editor(self) -> SparqlEditor:
        return self.query_one("#sparql", QueryEditor).editor

    @property
    def panel(self) -> QueryPanel:
        return self.query_one("#answers", QueryPanel)

    # -- the question ------------------------------------------------------------------------
    def _suggest(self, text: str) -> None:
        lst = self.query_one("#suggestions", OptionList)
        items = (ask.complete(text, self._labels()) if text.strip() else []) or [t.text for t in ask.TEMPLATES]
        lst.set_options(Option(s, id=s) for s in items)

    @on(Input.Changed, "#question")
    def _typed(self, event: Input.Changed) -> None:
        self._suggest(event.value)

    @on(OptionList.OptionSelected, "#suggestions")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        text = str(event.option.id)
        template = next((t for t in ask.TEMPLATES if t.text == text), None)
        q = self.query_one("#question", Input)
        q.value = template.stem if template else text
        q.cursor_position = len(q.value)
        q.focus()

    @on(Input.Submitted, "#question")
    def _asked(self, event: Input.Submitted) -> None:
        self.ask(event.value)

    def ask(self, text: str) -> bool:
        """Turn a question into SPARQL and run it; False (with a hint) if it is not understood
        or names nothing the graph knows. The previous answers are cleared either way."""
        question = ask.parse(text)
        if question is None:
            self._no_answer(Text.assemble(("I did not understand that. ", "bold yellow"),
                                          ("I can ask: " + " · ".join(t.text for t in ask.TEMPLATES), "yellow")))
            return False
        if question.template.build is None:
            return self._compare(question.slots["x"], question.slots["y"])
        notes = []
        vocabulary = self.app.vocabulary
        if vocabulary is not None:
            for slot in ("x", "y"):
                if slot not in question.slots:
                    continue
                found = resolve(question.slots[slot], vocabulary.labels)
                if found.name is None:
                    hint = f"Did you mean: {', '.join(found.suggestions)}?" if found.suggestions else \
                        "Try a drug, condition, cell type or cytokine from the explorer (F2)."
                    self._no_answer(Text.assemble((f"Nothing named “{found.typed}” in the graph. ", "bold yellow"),
                                                  (hint, "yellow")))
                    return False
                if found.corrected:
                    notes.append(f"showing “{found.name}” (you typed “{found.typed}”)")
                question = ask.Question(question.template, {**question.slots, slot: found.name,
                                                            f"{slot}_iris": vocabulary.iris_named(found.name)})
        self._note = " · ".join(notes)
        self._subject = question.slots.get("x") or question.slots.get("y") or ""
        sparql = question.sparql()
        self.editor.load_text(sparql)
        self._distinct_on = question.template.distinct_on
        self._question, self._offset, self._appended_at = question, 0, None
        self.panel.run(sparql, distinct_on=self._distinct_on, page=(question.template.page_on, ask.PAGE))
        return True

    def action_more(self) -> None:
        """The next page of the question's answers, added below those shown."""
        if self._question is None or not self.panel.more or self.panel.running:
            self.notify("No more answers.", severity="information")
            return
        self._offset += ask.PAGE
        question = ask.Question(self._question.template, {**self._question.slots, "offset": str(self._offset)})
        self._appended_at = len(self.panel.result.rows) if self.panel.result else 0
        self.panel.run(question.sparql(), distinct_on=self._distinct_on,
                       page=(question.template.page_on, ask.PAGE), append=True)

    def _compare(self, a: str, b: str) -> bool:
        """Open two trials side by side; they are named by acronym, registry id or label."""
        catalog = self.app.catalog
        trials = catalog.of_kind("trial") if catalog is not None else []
        names: dict[str, tuple[str, str]] = {}
        for e in trials:
            for name in (e.label, node_label(e.iri), e.label.split(" (")[0]):
                names.setdefault(name, (e.iri, e.label))
        picked = []
        for typed in (a, b):
            found = resolve(typed, list(names))
            if found.name is None:
                hint = f"Did you mean: {', '.join(found.suggestions)}?" if found.suggestions else \
                    f"The trials are: {', '.join(e.label for e in trials[:8])}."
                self._no_answer(Text.assemble((f"No trial named “{typed}”. ", "bold yellow"), (hint, "yellow")))
                return False
            picked.append(names[found.name])
        from tui.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(picked[0], picked[1]))
        return True

    def _no_answer(self, message: Text) -> None:
        """Clear the answers and say why there are none."""
        self.panel.table.clear(columns=True)
        self.panel.result = None
        self.query_one(EvidenceView).show(None, "")
        self.panel.set_status(message)

    def action_rerun(self) -> None:
        if self.editor.text.strip():
            self._question, self._appended_at = None, None  # the edited query runs as written, unpaged
            self.panel.run(self.editor.text, distinct_on=self._distinct_on)

    def action_cancel(self) -> None:
        self.panel.cancel()

    def action_to_sparql(self) -> None:
        text = self.editor.text
        if not text.strip() or text.lstrip().startswith("# the SPARQL of your question"):
            self.notify("Ask a question first.", severity="warning")
            return
        self.app.edit_sparql(text)

    def action_focus_question(self) -> None:
        self.query_one("#question").focus()

    # -- answers and evidence ------------------------------------------------------------------
    @on(QueryPanel.Done)
    def _answered(self, event: QueryPanel.Done) -> None:
        result = event.result
        if result is None:
            return
        note, self._note = self._note, ""
        if note:
            self.panel.set_status(Text.assemble(self.panel.status, (f"  ·  {note}", "italic")))
        self.query_one(EvidenceView).show(None, "Highlight an answer to see its evidence.")
        at, self._appended_at = self._appended_at or 0, None
        if result.rows:
            self.panel.table.move_cursor(row=min(at, len(result.rows) - 1), column=0)
            self.panel.table.focus()  # answers first: o, enter and the arrows act on them
            self._show_evidence()
        elif result.kind == "SELECT" and self._subject:
            self.panel.set_status(Text(f"No answers: the graph has no such facts about “{self._subject}” "
                                       "(F2 explorer lists what it holds).", style="yellow"))

    @on(ResultsTable.OpenTerm)
    def _open_entity(self, event: ResultsTable.OpenTerm) -> None:
        self.app.open_entity(event.iri)

    @on(DataTable.CellHighlighted)
    def _cell(self, event: DataTable.CellHighlighted) -> None:
        self._show_evidence()

    def answer_evidence(self) -> Evidence | None:
        """The evidence of the highlighted answer (needs ?doc ?start ?end in the result)."""
        t = self.panel.table.terms_at_cursor()
        if not {"doc", "start", "end"} <= t.keys():
            return None
        try:
            start, end = int(t["start"]), int(t["end"])
        except (TypeError, ValueError):
            return None
        return Evidence(str(t.get("fact", "")), doc_id(str(t["doc"])), start, end, str(t.get("quote", "")),
                        str(t.get("section", "")))

    def _show_evidence(self) -> None:
        self.query_one(EvidenceView).show(self.answer_evidence(), "This answer has no evidence columns.")

    def action_open_document(self) -> None:
        ev = self.answer_evidence()
        if ev is None:
            self.notify("Highlight an answer with evidence first.", severity="warning")
            return
        self.app.open_document(ev.doc, ev.start, ev.end)
