"""The terminal UI for daily work: plain-word questions, names resolved through every label,
a cancel that stops the query's process, an immediate quit, a first run on an empty store,
and the small things (focus on answers, enter opens, history keeps the draft)."""

from __future__ import annotations

import time

import pytest
from test_tui import ATO, SIZE, aio, settle
from test_tui import store_path as store_path  # noqa: F401 - the fixture, re-exported

from tui import ask
from tui.app import KgApp
from tui.resolve import resolve

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


# ------------------------------------------------------------------------------ questions in plain words


@pytest.mark.parametrize("text, key, slots", [
    ("drugs that act on Treg", "drugs_that", {"verb": "affect", "y": "Treg"}),
    ("Which drugs raise regulatory T cells?", "drugs_that", {"verb": "increase", "y": "regulatory T cells"}),
    ("show me medications that could lower IL-6", "drugs_that", {"verb": "decrease", "y": "IL-6"}),
    ("what blocks IRF7", "drugs_that", {"verb": "inhibit", "y": "IRF7"}),
    ("what are the adverse events of ATO", "adverse_events", {"x": "ATO"}),
    ("ATO side effects", "adverse_events", {"x": "ATO"}),
    ("which side effects does aldesleukin cause?", "adverse_events", {"x": "aldesleukin"}),
    ("is IL-2 safe", "adverse_events", {"x": "IL-2"}),
    ("Please list trials for lupus", "trials_in", {"y": "lupus"}),
    ("which studies enrolled patients with systemic sclerosis", "trials_in", {"y": "systemic sclerosis"}),
    ("at what dose was IL-2 given", "doses", {"x": "IL-2"}),
    ("how was arsenic trioxide administered", "doses", {"x": "arsenic trioxide"}),
    ("what does ATO target?", "acts_on", {"x": "ATO"}),
    ("mechanisms of interleukin-2", "acts_on", {"x": "interleukin-2"}),
    ("compare IL-2 trials", "compare", {"x": "IL-2"}),
])
def test_plain_questions_map_to_intents(text, key, slots):
    q = ask.parse(text)
    assert q is not None, text
    assert (q.template.key, q.slots) == (key, slots)


@pytest.mark.parametrize("text", ["hello", "adverse events", "what is the weather in Paris", ""])
def test_questions_not_understood(text):
    assert ask.parse(text) is None


NAMES = ["arsenic trioxide", "ATO", "interleukin-2", "IL-2", "regulatory T cell", "Treg", "interferon alpha",
         "IFN-alpha", "systemic lupus erythematosus", "SLE", "neutropenia"]


@pytest.mark.parametrize("typed, name, corrected", [
    ("ato", "ATO", False),  # case
    ("IL2", "IL-2", False),  # hyphen
    ("il 2", "IL-2", False),  # space
    ("Tregs", "Treg", False),  # plural
    ("arsenic trioxyde", "arsenic trioxide", True),  # a typo, corrected and said so
    ("neutropenai", "neutropenia", True),
])
def test_names_resolve_through_labels_variants_and_typos(typed, name, corrected):
    r = resolve(typed, NAMES)
    assert (r.name, r.corrected) == (name, corrected)


def test_unknown_names_are_not_guessed():
    r = resolve("paracetamol", NAMES)
    assert r.name is None and r.suggestions == []
    r = resolve("interferon", NAMES)  # close to one name, not close enough to take without asking
    assert r.name is None or r.name == "interferon alpha"


# ------------------------------------------------------------------------------ Ask, on the corpus


async def _ask(pilot, question: str):
    await pilot.press("f3")
    await settle(pilot)
    screen = pilot.app.screen
    await pilot.press("ctrl+l")  # back to the question box (the answers have the focus after a question)
    screen.query_one("#question").value = question
    await pilot.press("enter")
    await settle(pilot)
    return screen


@aio
async def test_ask_in_plain_words_focuses_answers_and_enter_opens_the_entity(store_path):  # noqa: F811
    from tui.screens.entity import EntityScreen

    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _ask(pilot, "what are the adverse events of ATO?")
        table = screen.panel.table
        assert screen.panel.error is None and table.row_count > 0, screen.panel.status
        assert app.focused is table  # o, enter and the arrows act on the answers at once
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)


@aio
async def test_negated_adverse_events_are_marked_not_observed_and_listed_last(store_path):  # noqa: F811
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _ask(pilot, "adverse events of arsenic trioxide")
        result = screen.panel.result
        col = result.vars.index("status")
        statuses = [str(r[col]) for r in result.rows]
        assert "observed" in statuses and "not observed" in statuses
        assert statuses == sorted(statuses, key=lambda s: s == "not observed")  # observed ones first
        # every "not observed" row is a fact the graph states as negated
        fact = result.vars.index("fact")
        negated = {str(r["f"]) for r in app.get_store().select(
            "SELECT ?f WHERE { ?f a kg:AdverseEvent ; kg:negated true }")}
        assert all(str(r[fact]) in negated for r in result.rows if str(r[col]) == "not observed")
        assert not any(str(r[fact]) in negated for r in result.rows if str(r[col]) == "observed")


@aio
async def test_typos_are_corrected_and_unknown_names_get_a_hint(store_path):  # noqa: F811
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _ask(pilot, "adverse events of arsenic trioxyde")
        assert screen.panel.table.row_count > 0
        assert "you typed" in screen.panel.status and "arsenic trioxide" in screen.panel.status
        screen = await _ask(pilot, "adverse events of zzqxw")
        assert "Nothing named" in screen.panel.status
        assert screen.panel.table.row_count == 0  # the previous answers are gone


@aio
async def test_a_question_not_understood_clears_the_previous_answer(store_path):  # noqa: F811
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _ask(pilot, "doses of IL-2")
        assert screen.panel.table.row_count > 0
        screen = await _ask(pilot, "what is the weather")
        assert screen.panel.table.row_count == 0 and screen.panel.result is None
        assert "I can ask" in screen.panel.status


@aio
async def test_ask_shows_answer_rows_at_80x24(store_path):  # noqa: F811
    app = KgApp(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await _ask(pilot, "adverse events of arsenic trioxide")
        table = screen.panel.table
        assert table.row_count > 0
        assert table.region.height >= 4  # a header and at least three answers are on screen


# ------------------------------------------------------------------------------ cancel and quit


@aio
async def test_cancel_kills_the_query_process_and_the_next_query_runs(store_path):  # noqa: F811
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        screen.editor.load_text(RUNAWAY)
        await pilot.press("f5")
        deadline = time.monotonic() + 20
        while app._query_process is None or app._query_process._proc is None:  # the child started
            assert time.monotonic() < deadline
            await pilot.pause(0.05)
        child = app._query_process._proc
        await pilot.pause(0.3)
        assert screen.panel.running and "running…" in screen.panel.status
        await pilot.press("escape")
        t0 = time.monotonic()
        while child.poll() is None and time.monotonic() - t0 < 5:
            await pilot.pause(0.05)
        assert child.poll() is not None  # the engine's work stopped: its process is gone
        await settle(pilot)
        assert not screen.panel.running and "cancelled" in screen.panel.status
        screen.editor.load_text("ASK { ?t a kg:Trial }")
        await pilot.press("f5")
        await settle(pilot)
        assert "true" in screen.panel.status


@aio
async def test_quit_while_a_query_runs_stops_it(store_path):  # noqa: F811
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await pilot.pause()
        app.screen.editor.load_text(RUNAWAY)
        await pilot.press("f5")
        deadline = time.monotonic() + 20
        while app._query_process is None or app._query_process._proc is None:
            assert time.monotonic() < deadline
            await pilot.pause(0.05)
        child = app._query_process._proc
        await pilot.pause(0.3)
        await pilot.press("ctrl+q")
    # killed on quit (not waited for there): it is gone within a second, not when the query ends
    assert child.wait(timeout=1) is not None


# ------------------------------------------------------------------------------ first run, explorer, history


@pytest.mark.parametrize("make", ["missing", "empty folder"])
@aio
async def test_first_run_on_no_store_shows_how_to_ingest(tmp_path, make):
    from tui.screens.welcome import WelcomeScreen

    path = tmp_path / "store"
    if make == "empty folder":
        path.mkdir()
    app = KgApp(str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        text = str(app.screen.query_one("#welcome").render())
        assert "kg --store" in text and "ingest" in text
        assert not app.load_error  # no engine error
        assert not path.exists() or not any(path.iterdir())  # nothing was created


@aio
async def test_explorer_filter_finds_entries_by_synonym_and_abbreviation(store_path):  # noqa: F811
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", *"ATO")
        await settle(pilot)
        screen.rebuild("ATO")
        shown = [n.data.label for n in _leaves(screen.tree.root)]
        assert "arsenic trioxide" in shown


def _leaves(node):
    for child in node.children:
        if child.data is not None:
            yield child
        yield from _leaves(child)


@aio
async def test_history_keeps_the_unsaved_query(store_path):  # noqa: F811
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        screen.editor.load_text("ASK { ?t a kg:Trial }")
        await pilot.press("f5")
        await settle(pilot)
        screen.editor.load_text("SELECT ?draft WHERE { }")
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert screen.editor.text == "ASK { ?t a kg:Trial }"
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert screen.editor.text == "SELECT ?draft WHERE { }"


@aio
async def test_reload_rebuilds_the_neighbourhood(store_path):  # noqa: F811
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        screen = app.screen
        before = screen.graph
        assert before is not None
        app.reload()
        await settle(pilot, rounds=5)
        assert screen.graph is not None and screen.graph is not before


# ------------------------------------------------------------------------------ copy, send, files, search


@aio
async def test_copy_a_cell_and_an_evidence_quote(store_path):  # noqa: F811
    from tui.screens.entity import EntityScreen

    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _ask(pilot, "doses of arsenic trioxide")
        table = screen.panel.table
        await pilot.press("y")
        assert app.clipboard == table.cell_value() and app.clipboard
        app.open_entity("https://w3id.org/kg-trials/concept/arsenic-trioxide")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        ev = app.screen.query_one("EvidenceView").evidence
        assert ev is not None  # the first fact's evidence is shown
        await pilot.press("y")
        assert app.clipboard == ev.exact


@aio
async def test_ask_sends_its_sparql_to_the_sparql_screen(store_path):  # noqa: F811
    from tui.screens.sparql import SparqlScreen

    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _ask(pilot, "trials in systemic sclerosis")
        sparql = screen.editor.text
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, SparqlScreen)
        assert app.screen.editor.text == sparql


@aio
async def test_save_and_open_a_query_file(store_path, tmp_path):  # noqa: F811
    app = KgApp(store_path)
    target = tmp_path / "q.rq"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        screen.editor.load_text("ASK { ?t a kg:Trial }")
        await pilot.press("f8")
        await pilot.pause()
        app.screen.query_one("#path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text() == "ASK { ?t a kg:Trial }\n"
        screen.editor.load_text("")
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.editor.text.strip() == "ASK { ?t a kg:Trial }"


@aio
async def test_search_inside_a_document(store_path):  # noqa: F811
    from kg.graph.views import document_text

    app = KgApp(store_path)
    doc = "lupsenic-ato-sle-2021"
    text = document_text(app.get_store(), doc)
    word = "neutropenia"
    hits = [i for i in range(len(text)) if text.lower().startswith(word, i)]
    assert len(hits) >= 2
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_document(doc, 0, 1)
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", *word, "enter")
        await pilot.pause()
        assert screen.selected.lower() == word
        first = screen._found
        await pilot.press("n")
        await pilot.pause()
        assert screen.selected.lower() == word and screen._found > first


@aio
async def test_every_screen_says_which_store_and_how_much_it_holds(store_path):  # noqa: F811
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        from pathlib import Path

        assert Path(store_path).name in app.title and "documents" in app.title and "facts" in app.title


# ------------------------------------------------------------------------------ two trials side by side


@aio
async def test_two_trials_side_by_side_from_ask_and_from_the_explorer(store_path):  # noqa: F811
    from tui.screens.compare import CompareScreen

    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        trials = app.catalog.of_kind("trial")
        assert len(trials) >= 2
        a, b = trials[0], trials[1]
        screen = await _ask(pilot, f"compare {a.label.split(' (')[0]} with {b.label.split(' (')[0]}")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen), screen.panel.status
        left, right = app.screen.summaries
        assert {left.iri, right.iri} == {a.iri, b.iri}
        table = app.screen.query_one("#table")
        aspects = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert "enrolled" in aspects and "arms and doses" in aspects
        # the values are the graph's: each trial's enrolment as the store holds it
        for s in (left, right):
            n = [str(r["n"]) for r in app.get_store().select(f"SELECT ?n WHERE {{ <{s.iri}> kg:enrolled ?n }}")]
            assert s.aspects.get("enrolled", []) == sorted(n)
        await pilot.press("escape")
        await pilot.press("f2")
        await settle(pilot)
        explorer = app.screen
        nodes = [n for n in _leaves(explorer.tree.root) if n.data.kind == "trial"]
        explorer.tree.move_cursor(nodes[0])
        await pilot.press("c")
        explorer.tree.move_cursor(nodes[1])
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)


@aio
async def test_evidence_not_read_up_front_is_read_when_the_fact_is_highlighted(store_path, monkeypatch):  # noqa: F811
    import tui.model

    monkeypatch.setattr(tui.model, "EVIDENCE_UP_FRONT", 0)  # every row lazy
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_entity("https://w3id.org/kg-trials/concept/arsenic-trioxide")
        await settle(pilot)
        screen = app.screen
        tree = screen.query_one("#links")
        rows = [n for g in tree.root.children for n in g.children if n.data.row is not None]
        # only the row the cursor landed on has read its evidence
        assert [n for n in rows if n.data.row.evidence_loaded] in ([], [tree.cursor_node])
        node = next(n for n in rows if n.data.row.kind != "link" and n is not tree.cursor_node)
        assert not node.data.row.evidence_loaded
        tree.move_cursor(node)
        await settle(pilot)
        row = node.data.row
        assert row.evidence_loaded and row.evidence  # read on highlight
        ev = screen.query_one("EvidenceView").evidence
        assert ev is not None and ev in row.evidence
        assert len(node.children) == len(row.evidence)  # the spans are under the row


# ------------------------------------------------------------------------------ the catalog without a scan


def test_catalog_from_registry_summaries_equals_the_scan(store_path):  # noqa: F811
    """The explorer's catalog added up from the per-document summaries written at ingest lists
    the same trials, concepts and documents, with the same counts, as a scan of the store."""
    from kg.graph.store import GraphStore
    from tui import model

    with GraphStore(store_path, read_only=True) as store:
        assert store.document_summaries() and all("nodes" in s for s in store.document_summaries())
        fast, scan = model.load_catalog(store), model._catalog_by_scan(store)
        anchored = model._catalog_from_summaries(store, store.document_summaries())  # stores without "nodes"
    key = lambda c: {(e.iri, e.label, e.kind, e.count, e.detail) for e in c.entries if e.kind != "document"}  # noqa: E731
    assert key(fast) == key(scan) == key(anchored) and key(fast)
    docs = {e.iri: e for e in fast.entries if e.kind == "document"}
    assert set(docs) == {e.iri for e in scan.entries if e.kind == "document"}
    assert [e.detail for e in docs.values()] == [next(x.detail for x in scan.entries if x.iri == i) for i in docs]
    assert sum(e.count for e in docs.values()) == fast.facts == scan.facts > 0
    assert (fast.documents, fast.triples) == (scan.documents, scan.triples)


# ------------------------------------------------------------------------------ answers a page at a time


def _facts(result) -> list[str]:
    col = result.vars.index("fact")
    return [str(r[col]) for r in result.rows]


@aio
async def test_ask_pages_answers_and_more_adds_the_next_page(store_path, monkeypatch):  # noqa: F811
    """A question's answers come a page at a time; 'm' adds the next page below, until the
    pages together hold every answer of the unpaged question, each once."""
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _ask(pilot, "what does arsenic trioxide act on")
        everything = _facts(screen.panel.result)
        assert not screen.panel.more and len(everything) > 3  # one page holds them all
        monkeypatch.setattr(ask, "PAGE", 2)
        screen = await _ask(pilot, "what does arsenic trioxide act on")
        assert len(_facts(screen.panel.result)) == 2 and screen.panel.more
        assert "more…" in screen.panel.status
        seen = []
        for _ in range(len(everything)):
            seen = _facts(screen.panel.result)
            if not screen.panel.more:
                break
            await pilot.press("m")
            await settle(pilot)
            assert len(_facts(screen.panel.result)) > len(seen)  # added below, the first kept
            assert _facts(screen.panel.result)[:len(seen)] == seen
        assert not screen.panel.more and "more…" not in screen.panel.status
        assert sorted(seen) == sorted(everything) and len(set(seen)) == len(seen)


@aio
async def test_entity_groups_page_with_a_more_node(store_path, monkeypatch):  # noqa: F811
    """An entity page shows a page of each group and a "more…" node; enter on it reads the next
    page into the group, until the group holds what an unpaged page lists."""
    import tui.model

    def group_rows(screen, title):
        group = next(g for g in screen.query_one("#links").root.children if str(g.label).startswith(title))
        return group, [n.data.row.ident for n in group.children if n.data.row is not None]

    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_entity(ATO)
        await settle(pilot)
        group, everything = group_rows(app.screen, "Mechanisms")
        assert len(everything) > 3 and not any(n.data.more for n in group.children)
        await pilot.press("escape")
        monkeypatch.setattr(tui.model, "ENTITY_PAGE", 2)
        app.open_entity(ATO)
        await settle(pilot)
        screen = app.screen
        tree = screen.query_one("#links")
        group, shown = group_rows(screen, "Mechanisms")
        assert len(shown) == 2 and group.children[-1].data.more == "Mechanisms"
        assert "2+" in str(group.label)
        for _ in range(len(everything)):
            more = group.children[-1]
            if not more.data.more:
                break
            tree.move_cursor(more)
            await pilot.press("enter")
            await settle(pilot)
            group, now = group_rows(screen, "Mechanisms")
            assert now[:len(shown)] == shown and len(now) > len(shown)
            shown = now
        assert sorted(shown) == sorted(everything) and len(set(shown)) == len(shown)
        assert not any(n.data.more for n in group.children)


@aio
async def test_sparql_sidebar_lists_classes_and_properties_with_counts(store_path):  # noqa: F811
    """Beside the editor: the graph's classes and properties with the counts the registry
    records; enter puts the name into the query; F7 hides and shows it; hidden at 80 columns."""
    import pyoxigraph as ox

    from kg.graph.store import GraphStore
    from tui.widgets.schema import SchemaTree

    kg = "https://w3id.org/kg-trials/ontology#"
    with GraphStore(store_path, read_only=True) as store:  # what a count over every graph finds
        n_ae = sum(1 for _ in store.ox.quads_for_pattern(
            None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(kg + "AdverseEvent")))
        n_term = sum(1 for _ in store.ox.quads_for_pattern(None, ox.NamedNode(kg + "term"), None))
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        tree = app.screen.query_one(SchemaTree)
        assert tree.display
        groups = {str(g.label).split()[0]: g for g in tree.root.children}
        classes = {n.data: str(n.label) for n in groups["classes"].children}
        props = {n.data: str(n.label) for n in groups["properties"].children}
        assert classes["kg:AdverseEvent"] == f"kg:AdverseEvent  {n_ae:,}"
        assert props["kg:term"] == f"kg:term  {n_term:,}"
        node = next(n for n in groups["properties"].children if n.data == "kg:term")
        app.screen.editor.load_text("SELECT * WHERE { ?ae ")
        app.screen.editor.cursor_location = (0, len("SELECT * WHERE { ?ae "))
        tree.focus()
        tree.move_cursor(node)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.editor.text == "SELECT * WHERE { ?ae kg:term "
        assert app.focused is app.screen.editor
        await pilot.press("f7")
        assert not tree.display
        await pilot.press("f7")
        assert tree.display
    async with KgApp(store_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert not pilot.app.screen.query_one(SchemaTree).display  # the editor keeps the width


@aio
async def test_entity_page_lists_events_said_not_to_happen_last_as_not_observed(store_path, monkeypatch):  # noqa: F811
    """On a drug's page the adverse events the papers state as absent ("no infection") come
    after those that happened (page after page: here, one page holds them all), marked "not
    observed", never as if they happened."""
    import tui.model

    monkeypatch.setattr(tui.model, "ENTITY_PAGE", 100)
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_entity(ATO)
        await settle(pilot)
        group = next(g for g in app.screen.query_one("#links").root.children
                     if str(g.label).startswith("Adverse events"))
        rows = [n.data.row for n in group.children if n.data.row is not None]
        negated = {str(r["f"]) for r in app.get_store().select(
            "PREFIX kg: <https://w3id.org/kg-trials/ontology#> "
            "SELECT ?f WHERE { ?f a kg:AdverseEvent ; kg:negated true }")}
        marked = [("not observed" in r.summary) for r in rows]
        assert any(marked) and not all(marked)
        assert marked == sorted(marked)  # every unobserved event after every observed one
        # a row of restated facts stands for the facts with its fields (tui.model.facts_of_row)
        from tui.model import facts_of_row

        facts = [r.facts or facts_of_row(app.get_store(), r.key) for r in rows]
        assert all(fs and all((f in negated) == m for f in fs) for fs, m in zip(facts, marked))
