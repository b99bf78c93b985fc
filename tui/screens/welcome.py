"""Welcome: what a first run shows when the store is missing or holds no document yet."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


def welcome_text(store: str, reason: str) -> Text:
    """The welcome message: why the graph is empty and the command that fills it."""
    return Text.assemble(
        ("Welcome to kg\n\n", "bold"),
        (f"{reason}\n", ""), ("store: ", "dim"), (f"{store}\n\n", ""),
        ("Read papers into the graph (plain text, Markdown, PDF, PMC JATS XML):\n\n", ""),
        (f"  kg --store {store} ingest PATH/TO/PAPERS\n\n", "bold green"),
        ("for example the bundled corpus:  ", "dim"), (f"kg --store {store} ingest corpus\n\n", "green"),
        ("Then press r here to load it. F1 help · ctrl+q quit.", "dim"),
    )


class WelcomeScreen(Screen):
    """Shown instead of the explorer while the graph is empty; r reloads once papers are in."""

    BINDINGS = [
        # r: look at the store again (after `kg ingest`)
        Binding("r", "reload", "Reload"),
    ]
    DEFAULT_CSS = """
    WelcomeScreen #welcome { width: auto; max-width: 100; height: auto; padding: 1 2; border: round $primary; }
    """

    def __init__(self, store: str, reason: str) -> None:
        super().__init__()
        self.store, self.reason = store, reason

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(), Center():
            yield Static(welcome_text(self.store, self.reason), id="welcome")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "welcome"

    def action_reload(self) -> None:
        self.dismiss()
        self.app.reload()
