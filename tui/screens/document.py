"""Document: a document's stored text, scrolled to an evidence span and the span selected."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static, TextArea
from textual.widgets.text_area import Selection

_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of a character offset, with lines split as TextArea splits them."""
    lines = text[:offset].splitlines(keepends=True)
    if not lines:
        return 0, 0
    last = lines[-1]
    if last != last.rstrip(_BREAKS):  # the offset is at the start of a line
        return len(lines), 0
    return len(lines) - 1, len(last)


class DocumentScreen(Screen):
    """The text that evidence offsets index (kg.graph.views.document_text), read-only."""

    BINDINGS = [
        # escape: back to the entity
        Binding("escape", "back", "Back"),
        # h: select and scroll to the evidence span again
        Binding("h", "show_span", "Back to span"),
        # / : search the text (enter finds the next match); n: the next match again
        Binding("slash", "find", "Find"),
        Binding("n", "find_next", "Next match"),
    ]
    DEFAULT_CSS = """
    DocumentScreen #where { height: 1; padding: 0 1; background: $boost; }
    DocumentScreen #find { display: none; margin: 0 1; }
    DocumentScreen #find.shown { display: block; }
    DocumentScreen TextArea { height: 1fr; }
    """

    def __init__(self, doc: str, start: int, end: int) -> None:
        super().__init__()
        self.doc, self.start, self.end = doc, start, end
        self._text: str | None = None
        self._found = -1  # where the last match ended (the next search starts there)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"{self.doc} · chars {self.start}–{self.end}", id="where")
        yield Input(placeholder="find in the document (enter: next match, escape: back to the text)", id="find")
        yield TextArea("", read_only=True, soft_wrap=True, show_line_numbers=False, id="text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "document"
        self.query_one("#text").loading = True
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        text = self.app.document_text(self.doc)
        self.app.call_from_thread(self._show, text)

    def _show(self, text: str | None) -> None:
        area = self.query_one("#text", TextArea)
        area.loading = False
        if text is None:
            area.load_text(f"(no document '{self.doc}' in the store)")
            return
        area.load_text(text)
        self._text = text
        area.focus()
        self.call_after_refresh(self.action_show_span)

    def action_show_span(self) -> None:
        text = self._text
        if text is None:
            return
        area = self.query_one("#text", TextArea)
        area.selection = Selection(location(text, self.start), location(text, self.end))
        area.scroll_cursor_visible(center=True, animate=False)

    def action_find(self) -> None:
        box = self.query_one("#find", Input)
        box.add_class("shown")
        box.focus()

    @on(Input.Submitted, "#find")
    def _find(self, event: Input.Submitted) -> None:
        self.action_find_next()
        self.query_one("#text", TextArea).focus()

    def action_find_next(self) -> None:
        """Select the next match of the search words after the cursor (wrapping to the top)."""
        text, words = self._text, self.query_one("#find", Input).value.strip()
        if text is None or not words:
            return
        area = self.query_one("#text", TextArea)
        after = self._found if self._found >= 0 else self.end
        low, key = text.casefold(), words.casefold()
        at = low.find(key, after)
        if at < 0:
            at = low.find(key)
            if at < 0:
                self.notify(f"“{words}” is not in this document.", severity="warning", timeout=3)
                return
            self.notify("Search wrapped to the top.", timeout=2)
        self._found = at + len(key)
        area.selection = Selection(location(text, at), location(text, at + len(words)))
        area.scroll_cursor_visible(center=True, animate=False)
        self.query_one("#where", Static).update(f"{self.doc} · “{words}” at char {at}")

    @property
    def selected(self) -> str:
        """The text selected (the evidence span, unless the user moved)."""
        return self.query_one("#text", TextArea).selected_text

    def action_back(self) -> None:
        self.app.pop_screen()
