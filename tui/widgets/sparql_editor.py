"""A SPARQL editor: a TextArea with regex highlighting and a completion list from the graph.

No tree-sitter grammar for SPARQL ships with Textual, so highlighting comes from
tui.sparql_syntax (this overrides TextArea's private `_build_highlight_map`, the hook its
tree-sitter highlighting uses). Completion: typing `kg:` (or a variable, a keyword, a
PREFIX) opens a list under the cursor; the first candidate also shows as ghost text.
"""

from __future__ import annotations

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, TextArea
from textual.widgets.option_list import Option

from tui.sparql_syntax import Candidate, Vocab, complete, highlights


class SparqlEditor(TextArea):
    """TextArea for SPARQL: highlighting, completion list, ghost-text suggestion."""

    BINDINGS = [
        # tab: take the highlighted completion (else move focus on, as usual)
        Binding("tab", "accept_completion", "Complete", show=False),
        # ctrl+space: list completions for the word at the cursor, however short
        Binding("ctrl+space", "force_completion", "Complete", show=False),
        # escape: close the completion list (else the screen's escape, e.g. cancel)
        Binding("escape", "dismiss_completion", "Close list", show=False),
    ]

    class Completions(Message):
        """The completion candidates changed (empty: close the list)."""

        def __init__(self, editor: SparqlEditor) -> None:
            super().__init__()
            self.editor = editor

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(text, soft_wrap=False, show_line_numbers=True, tab_behavior="focus", **kwargs)
        self.vocab: Vocab | None = None
        self.word = ""
        self.candidates: list[Candidate] = []
        self.index = 0
        self._at: tuple[int, int] | None = None

    # -- highlighting -----------------------------------------------------------------------
    def _build_highlight_map(self) -> None:
        """Highlights by regex (TextArea expects UTF-8 byte offsets per line)."""
        self._line_cache.clear()
        self._highlights.clear()
        for row, line in enumerate(self.document.lines):
            for start, end, name in highlights(line):
                self._highlights[row].append((len(line[:start].encode()), len(line[:end].encode()), name))

    # -- completion -------------------------------------------------------------------------
    def update_suggestion(self) -> None:
        """Called by TextArea after each edit: recompute the completions."""
        self._complete(force=False)

    def _complete(self, force: bool) -> None:
        self.suggestion = ""
        cands: list[Candidate] = []
        word = ""
        if self.vocab is not None and self.selection.is_empty and (self.has_focus or force):
            row, col = self.cursor_location
            line = self.document.get_line(row)
            if col >= len(line) or not (line[col].isalnum() or line[col] in "_:-"):
                word, cands = complete(line[:col], self.vocab, self.text, force=force)
        self.word, self.candidates, self.index = word, cands, 0
        self._at = self.cursor_location if cands else None
        if cands and cands[0].text.startswith(word):
            self.suggestion = cands[0].text[len(word):]
        self.post_message(self.Completions(self))

    def _close(self) -> None:
        if self.candidates:
            self.word, self.candidates, self.index, self._at = "", [], 0, None
            self.suggestion = ""
            self.post_message(self.Completions(self))

    @on(TextArea.SelectionChanged)
    def _moved(self, event: TextArea.SelectionChanged) -> None:
        if self._at is not None and self.cursor_location != self._at:
            self._close()

    def _on_blur(self, event) -> None:
        self._close()
        super()._on_blur(event)

    def accept(self, index: int | None = None) -> None:
        """Replace the word typed by a candidate (the highlighted one by default)."""
        if not self.candidates:
            return
        cand = self.candidates[self.index if index is None else index]
        row, col = self.cursor_location
        self.replace(cand.text, (row, col - len(self.word)), (row, col))
        self._close()

    def action_accept_completion(self) -> None:
        if not self.candidates:
            raise SkipAction()
        self.accept()

    def action_force_completion(self) -> None:
        self._complete(force=True)

    def action_dismiss_completion(self) -> None:
        if not self.candidates:
            raise SkipAction()
        self._close()

    def _step(self, delta: int) -> None:
        self.index = (self.index + delta) % len(self.candidates)
        cand = self.candidates[self.index]
        self.suggestion = cand.text[len(self.word):] if cand.text.startswith(self.word) else ""
        self.post_message(self.Completions(self))

    def action_cursor_up(self, select: bool = False) -> None:
        if self.candidates and not select:
            self._step(-1)
        else:
            super().action_cursor_up(select)

    def action_cursor_down(self, select: bool = False) -> None:
        if self.candidates and not select:
            self._step(1)
        else:
            super().action_cursor_down(select)


class CompletionList(OptionList, can_focus=False):
    """The candidates, shown over the screen just under the cursor."""

    DEFAULT_CSS = """
    CompletionList {
        overlay: screen;
        position: absolute;
        constrain: inside inside;
        display: none;
        width: auto;
        min-width: 24;
        max-width: 80;
        max-height: 10;
        border: round $accent;
        padding: 0;
        background: $panel;
    }
    """


class QueryEditor(Vertical):
    """A SparqlEditor with its completion list."""

    DEFAULT_CSS = """
    QueryEditor { height: 1fr; }
    QueryEditor > SparqlEditor { height: 1fr; }
    """

    def __init__(self, text: str = "", *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._text = text

    def compose(self) -> ComposeResult:
        yield SparqlEditor(self._text)
        yield CompletionList()

    @property
    def editor(self) -> SparqlEditor:
        return self.query_one(SparqlEditor)

    @on(SparqlEditor.Completions)
    def _show(self, event: SparqlEditor.Completions) -> None:
        event.stop()
        ed, lst = event.editor, self.query_one(CompletionList)
        if not ed.candidates:
            lst.display = False
            return
        lst.set_options(Option(f"{c.text}  [dim]{c.kind}[/]", id=str(i)) for i, c in enumerate(ed.candidates))
        lst.highlighted = ed.index
        cursor = ed.cursor_screen_offset
        lst.styles.offset = (max(0, cursor.x - len(ed.word) - self.region.x - 1),
                             cursor.y - self.region.y + 1)
        lst.display = True

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.editor.accept(int(event.option.id or 0))
        self.editor.focus()
