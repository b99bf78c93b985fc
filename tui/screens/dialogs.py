"""Modal dialogs of the SPARQL screen: export of a result, the history, a file path."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, RadioButton, RadioSet
from textual.widgets.option_list import Option

from tui.export import FORMATS, default_path


class ExportScreen(ModalScreen[tuple[str, Path] | None]):
    """Choose a format and a path (default: kg-result.<ext> in the current directory)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]  # escape: close without writing
    AUTO_FOCUS = "#path"
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical { width: 70; height: auto; border: round $accent; background: $surface;
                              padding: 1 2; }
    ExportScreen RadioSet { width: 100%; }
    ExportScreen Horizontal { height: auto; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Export the last result")
            with RadioSet(id="format"):
                for i, fmt in enumerate(FORMATS):
                    yield RadioButton(fmt.upper() if fmt != "turtle" else "Turtle", value=i == 0, name=fmt)
            yield Input(str(default_path("csv")), id="path")
            with Horizontal():
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @property
    def fmt(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else "csv"

    @on(RadioSet.Changed)
    def _format(self, event: RadioSet.Changed) -> None:
        path = self.query_one("#path", Input)
        p = Path(path.value or "kg-result")
        if p.suffix in FORMATS.values() or not p.suffix:
            path.value = str(p.with_suffix(FORMATS[self.fmt]))

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#path")
    def _save(self) -> None:
        self.dismiss((self.fmt, Path(self.query_one("#path", Input).value or default_path(self.fmt))))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class HistoryScreen(ModalScreen[str | None]):
    """The SPARQL history, newest first, filtered by what you type."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]  # escape: close, editor unchanged
    DEFAULT_CSS = """
    HistoryScreen { align: center middle; }
    HistoryScreen > Vertical { width: 90%; height: 80%; border: round $accent; background: $surface; }
    HistoryScreen OptionList { height: 1fr; }
    """

    def __init__(self, entries: list[str]) -> None:
        super().__init__()
        self.entries = list(reversed(entries))

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(placeholder="search the history", id="search")
            yield OptionList(id="entries")

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, text: str) -> None:
        lst = self.query_one(OptionList)
        key = text.casefold()
        lst.set_options(Option(" ".join(q.split())[:200], id=str(i)) for i, q in enumerate(self.entries)
                        if key in q.casefold())
        if lst.option_count:
            lst.highlighted = 0

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#search")
    def _first(self) -> None:
        lst = self.query_one(OptionList)
        if lst.option_count:
            self.dismiss(self.entries[int(lst.get_option_at_index(lst.highlighted or 0).id or 0)])

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.entries[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)


class PathScreen(ModalScreen[Path | None]):
    """Ask for a file path (enter accepts, escape cancels)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]  # escape: close, nothing read or written
    AUTO_FOCUS = "#path"
    DEFAULT_CSS = """
    PathScreen { align: center middle; }
    PathScreen > Vertical { width: 70; height: auto; border: round $accent; background: $surface; padding: 1 2; }
    """

    def __init__(self, title: str, default: str) -> None:
        super().__init__()
        self.title_text, self.default = title, default

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text)
            yield Input(self.default, id="path")

    @on(Input.Submitted, "#path")
    def _done(self, event: Input.Submitted) -> None:
        self.dismiss(Path(event.value).expanduser() if event.value.strip() else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
