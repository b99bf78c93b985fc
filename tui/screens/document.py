"""Document: a document's stored text, scrolled to an evidence span and the span selected."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TextArea
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
    ]
    DEFAULT_CSS = """
    DocumentScreen #where { height: 1; padding: 0 1; background: $boost; }
    DocumentScreen TextArea { height: 1fr; }
    """

    def __init__(self, doc: str, start: int, end: int) -> None:
        super().__init__()
        self.doc, self.start, self.end = doc, start, end
        self._text: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"{self.doc} · chars {self.start}–{self.end}", id="where")
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

    @property
    def selected(self) -> str:
        """The text selected (the evidence span, unless the user moved)."""
        return self.query_one("#text", TextArea).selected_text

    def action_back(self) -> None:
        self.app.pop_screen()
