"""SVG snapshots of each screen of the terminal UI, at a fixed terminal size.

Each snapshot drives the app with pilot key presses in `run_before`, waits for the
workers (every store access runs in one), and stops the cursor blink timer with the cursor
shown, so that a frame never catches the cursor half-way. Update after an intended change
with `pytest --snapshot-update`.
"""

from __future__ import annotations

import pytest
from test_tui import corpus_store_path

from tui.app import KgApp

SIZE = (130, 40)
ATO = "https://w3id.org/kg-trials/concept/arsenic-trioxide"


@pytest.fixture(autouse=True)
def _history(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_HISTORY", str(tmp_path / "history.json"))


@pytest.fixture
def app(request, tmp_path_factory) -> KgApp:
    return KgApp(corpus_store_path(request, tmp_path_factory))


async def settle(pilot) -> None:
    """Workers done, their messages handled, no blinking cursor."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    for widget in pilot.app.screen.query("Input, TextArea"):
        # stop the blink timer with the cursor shown wherever the widget has focus
        widget._pause_blink(visible=widget.has_focus)
        widget.refresh()
    await pilot.pause()


def test_explorer(snap_compare, app):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("down", "down", "down")  # arsenic trioxide
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_explorer_filtered(snap_compare, app):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("slash", *"neuro")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_entity_evidence(snap_compare, app):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("slash", *"arsenic", "enter", "enter")
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#links").move_cursor(screen.find("Adverse events", "neutropenia · grade 3"))
        await settle(pilot)  # a row of distinct facts reads its evidence when highlighted
        await pilot.press("enter", "down")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_document(snap_compare, app):
    async def run_before(pilot):
        await settle(pilot)
        pilot.app.open_document("lupsenic-ato-sle-2021", 14976, 14987)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_ask(snap_compare, app):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f3", *"adverse events of arsenic trioxide", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_sparql_results(snap_compare, app):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f4", "f5")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_sparql_error(snap_compare, app):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f4")
        await pilot.pause()
        pilot.app.screen.editor.load_text("SELECT ?s WHERE {\n  ?s a kg:Trial .\n  ?s kg:phase ?p ?q }")
        await pilot.press("f5")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_sparql_completion(snap_compare, app):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f4")
        await pilot.pause()
        editor = pilot.app.screen.editor
        editor.load_text("SELECT * WHERE {\n  ?ae a ")
        editor.move_cursor(editor.document.end)
        await pilot.press(*"kg:Adv")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_neighbourhood(snap_compare, app):
    async def run_before(pilot):
        await settle(pilot)
        pilot.app.open_neighbourhood(ATO)
        await settle(pilot)
        await pilot.press("ctrl+l", "tab", *"ATO", "enter", *"IFN-alpha", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_help(snap_compare, app):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
