"""The terminal UI, driven by Textual's pilot over the repository's corpus, ingested once.

The store is tests/conftest.py's session `corpus_store` when there is one, else one this
module ingests itself (once per session). Every store access of the app runs in a worker
thread; tests wait for the workers (`settle`) before looking at what the screens show.
"""

from __future__ import annotations

import asyncio
import functools
import json
import re
from pathlib import Path

import pytest
from rdflib import Graph

from tui import ask
from tui.app import KgApp
from tui.evidence import sentence
from tui.history import History, history_path
from tui.queries import sparql_iri, sparql_literal, with_prefixes
from tui.sparql_syntax import Vocab, complete, highlights

SIZE = (160, 48)
ATO = "https://w3id.org/kg-trials/concept/arsenic-trioxide"


def aio(test):
    """Run an async pilot test with asyncio.run (no async pytest plugin needed)."""
    @functools.wraps(test)
    def run_sync(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run_sync


@pytest.fixture(autouse=True)
def _history(tmp_path, monkeypatch):
    """Each test has its own SPARQL history file."""
    monkeypatch.setenv("KG_HISTORY", str(tmp_path / "history.json"))


_OWN_STORE: list[Path] = []


def corpus_store_path(request, tmp_path_factory) -> str:
    """The corpus store: conftest's session `corpus_store`, else ingested here once per session."""
    try:
        return str(request.getfixturevalue("corpus_store").path)
    except pytest.FixtureLookupError:
        pass
    if not _OWN_STORE:
        from kg.graph.store import GraphStore
        from kg.pipeline import ingest

        path = tmp_path_factory.mktemp("tui-corpus") / "store"
        store = GraphStore(path)
        report = ingest([Path(__file__).resolve().parent.parent / "corpus"], store)
        getattr(store, "close", lambda: None)()
        assert not report.failed, report.failed
        _OWN_STORE.append(path)
    return str(_OWN_STORE[0])


@pytest.fixture
def store_path(request, tmp_path_factory) -> str:
    return corpus_store_path(request, tmp_path_factory)


@pytest.fixture
def store_on_both(corpus_location) -> str:
    """The corpus store as a folder and as an oxigraph server's URL (conftest's corpus_location)."""
    return str(corpus_location)


async def settle(pilot, rounds: int = 3) -> None:
    """Wait until the workers are done and the messages they posted are handled."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def labels(node) -> list[str]:
    return [str(n.label) for n in node.children]


# ------------------------------------------------------------------------------ escaping


ODD = ['plain', 'say "hi"', "it's", "back\\slash", "two\nlines", "cr\rlf\r\n", "tab\tbed", '\\"',
       '") } ; DROP ALL ; SELECT * { ("', "\\u0022 not a quote", "émoji 🧪 α", "", "end\\"]


@pytest.mark.parametrize("value", ODD)
def test_sparql_literal_is_one_string_token(value):
    lit = sparql_literal(value)
    # SPARQL 1.1 STRING_LITERAL2: no raw ", \ or line break; only ECHAR escapes
    assert re.fullmatch(r'"(?:[^"\\\n\r]|\\[tbnrf"\'\\])*"', lit), lit


def test_sparql_literal_round_trips_through_the_store(store_path):
    from kg.graph.store import GraphStore

    store = GraphStore(store_path, read_only=True)
    try:
        for value in ODD:
            rows = store.select(f"SELECT (STR({sparql_literal(value)}) AS ?v) WHERE {{}}")
            assert str(rows[0]["v"]) == value
    finally:
        getattr(store, "close", lambda: None)()


def test_sparql_iri_encodes_what_an_iri_may_not_hold():
    assert sparql_iri("https://x.org/a b>c") == "<https://x.org/a%20b%3Ec>"
    assert sparql_iri(ATO) == f"<{ATO}>"


def test_user_words_only_enter_queries_as_literals(store_path):
    from kg.graph.store import GraphStore

    evil = 'x") } } SELECT * WHERE { ?s ?p ?o } #'
    q = ask.parse(f"adverse events of {evil}")
    assert q is not None
    text = q.sparql()
    assert sparql_literal(evil) in text
    assert evil not in text.replace(sparql_literal(evil), "")
    store = GraphStore(store_path, read_only=True)
    try:
        assert store.select(text) == []  # well-formed, and no such drug
    finally:
        getattr(store, "close", lambda: None)()


def test_with_prefixes_declares_only_what_is_used():
    q = with_prefixes("SELECT * WHERE { ?s a kg:Trial ; skos:prefLabel ?l }")
    assert q.startswith("PREFIX kg: <") and "PREFIX skos:" in q and "PREFIX oa:" not in q
    assert with_prefixes("PREFIX kg: <x>\nSELECT * { ?s a kg:T }").count("PREFIX kg:") == 1


# ------------------------------------------------------------------------------ pure helpers


@pytest.mark.parametrize("text, key, slots", [
    ("adverse events of arsenic trioxide", "adverse_events", {"x": "arsenic trioxide"}),
    ("Side effects of ATO?", "adverse_events", {"x": "ATO"}),
    ("drugs that increase Treg", "drugs_that", {"verb": "increase", "y": "Treg"}),
    ("what inhibits IRF7", "drugs_that", {"verb": "inhibit", "y": "IRF7"}),
    ("trials in condition systemic sclerosis", "trials_in", {"y": "systemic sclerosis"}),
    ("doses of interleukin-2", "doses", {"x": "interleukin-2"}),
    ("what does arsenic trioxide act on?", "acts_on", {"x": "arsenic trioxide"}),
    ("compare the trials of arsenic trioxide", "compare", {"x": "arsenic trioxide"}),
])
def test_questions_parse_into_templates(text, key, slots):
    q = ask.parse(text)
    assert q is not None and q.template.key == key and q.slots == slots


def test_question_completion_offers_templates_then_labels():
    names = ["arsenic trioxide", "ATO", "regulatory T cell", "Treg"]
    assert "adverse events of " in ask.complete("adv", names)
    assert ask.complete("adverse events of ars", names) == ["adverse events of arsenic trioxide"]
    assert ask.complete("what does A", names)[0] == "what does arsenic trioxide act on"
    assert "drugs that inhibit Treg" in ask.complete("drugs that inhibit T", names)


def test_sentence_around_a_span():
    text = "First one. Four serious AEs occurred (grade 3 neutropenia, osteitis). Next 0.5 mg.\nTable\tx"
    s, a, b = sentence(text, text.index("neutropenia"), text.index("neutropenia") + 11)
    assert s == "Four serious AEs occurred (grade 3 neutropenia, osteitis)."
    assert s[a:b] == "neutropenia"
    s, a, b = sentence(text, text.index("Table"), text.index("Table") + 5)
    assert s == "Table\tx"


def test_sparql_highlighting_and_completion():
    line = 'SELECT ?x WHERE { ?x a kg:Trial ; rdfs:label "a \\" b" . } # note'
    styles = {line[s:e]: name for s, e, name in highlights(line)}
    assert styles["SELECT"] == "keyword" and styles["?x"] == "type.builtin" and styles["kg:Trial"] == "function"
    assert styles['"a \\" b"'] == "string" and styles["# note"] == "comment"
    vocab = Vocab({"kg": "https://w3id.org/kg-trials/ontology#"}, ["kg:AdverseEvent", "kg:Trial"],
                  ["kg:agent", "kg:term"], ["kgc:irf7"])
    word, cands = complete("SELECT * WHERE { ?s a kg:", vocab)
    assert word == "kg:" and [c.text for c in cands][:2] == ["kg:AdverseEvent", "kg:Trial"]
    assert [c.kind for c in complete("SELECT * WHERE { ?s kg:", vocab)[1]][:2] == ["property", "property"]
    assert complete("PREFIX k", vocab)[1][0].text.startswith("kg: <https://")
    assert [c.text for c in complete("SELECT ?drug WHERE { ?d", vocab, "SELECT ?drug WHERE { ?d")[1]] == ["?drug"]
    assert complete('FILTER(?x = "sel', vocab)[1] == []


def test_history_file_location(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_HISTORY")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert history_path() == tmp_path / "state" / "kg" / "history.json"
    monkeypatch.setenv("KG_HISTORY", str(tmp_path / "h.json"))
    h = History()
    assert h.add("SELECT 1") and h.add("SELECT 1") and h.add("SELECT 2")
    assert History().entries == ["SELECT 1", "SELECT 2"]
    assert h.previous() == "SELECT 2" and h.previous() == "SELECT 1" and h.previous() is None
    (tmp_path / "h.json").write_text("not json")
    assert History().entries == []


def test_a_missing_store_is_not_created_by_looking(tmp_path):
    from tui.app import _empty_store_reason

    assert "no graph" in _empty_store_reason(tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists()


# ------------------------------------------------------------------------------ explorer


@aio
async def test_explorer_shows_trials_and_drugs(store_on_both):
    app = KgApp(store_on_both)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = app.screen.query_one("#tree")
        groups = {str(n.label).split("  ")[0]: n for n in tree.root.children}
        assert list(groups) == ["Trials", "Drugs", "Conditions", "Adverse events", "Targets", "Documents"]
        trials = [t.split("  ")[0] for t in labels(groups["Trials"])]
        drugs = [d.split("  ")[0] for d in labels(groups["Drugs"])]
        assert any(t.startswith("LUPSENIC") for t in trials) and "TRANSREG" in trials
        assert {"arsenic trioxide", "interleukin-2"} <= set(drugs)
        assert [str(n.label).split("  ")[0] for n in groups["Targets"].children] == \
            ["Cells", "Cytokines", "Genes", "Processes"]
        # the filter keeps matching entries only
        await pilot.press("slash", *"interleukin")
        await pilot.pause()
        shown = [str(leaf.label) for g in tree.root.children for leaf in g.children if leaf.data]
        assert shown and all("interleukin" in s.lower() for s in shown)


@aio
async def test_evidence_of_arsenic_trioxide_grade_3_neutropenia(store_on_both):
    """explorer → drug → adverse event → its evidence sentence, span highlighted → document."""
    from tui.screens.document import DocumentScreen
    from tui.screens.entity import EntityScreen
    from tui.widgets.evidence import EvidenceView

    app = KgApp(store_on_both)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"arsenic", "enter")  # filter, jump to the first match
        await pilot.pause()
        assert app.screen.query_one("#tree").cursor_node.data.iri == ATO
        await pilot.press("enter")  # open the drug
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntityScreen) and screen.iri == ATO
        node = screen.find("Adverse events", "neutropenia · grade 3")
        assert node is not None, "arsenic trioxide has no grade 3 neutropenia"
        tree = screen.query_one("#links")
        tree.move_cursor(node)
        await pilot.press("enter")  # expand the fact into its evidence spans
        await pilot.pause()
        await pilot.press("down")  # the first span
        await settle(pilot)
        view = screen.query_one(EvidenceView)
        assert view.evidence is not None and view.evidence.doc == "lupsenic-ato-sle-2021"
        assert "grade 3 neutropenia" in view.sentence or "Neutropenia" in view.sentence
        assert view.highlighted.casefold().startswith("neutropenia")
        assert view.evidence.section and view.evidence.version
        await pilot.press("o")  # the document, scrolled to the span
        await settle(pilot)
        assert isinstance(app.screen, DocumentScreen)
        assert app.screen.selected == view.evidence.exact
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ExplorerScreen"


@aio
async def test_entity_links_of_a_trial_and_following_them(store_path):
    from tui.screens.entity import EntityScreen

    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_entity("https://w3id.org/kg-trials/data/trial/TRANSREG")
        await settle(pilot)
        screen = app.screen
        groups = [str(g.label).split("  ")[0] for g in screen.query_one("#links").root.children]
        assert "Attributes" in groups and "Doses" in groups
        node = screen.find("Doses", "interleukin-2")
        screen.query_one("#links").move_cursor(node)
        await pilot.press("l")  # follow the dose to its drug
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen) and app.screen.iri.endswith("/interleukin-2")


# ------------------------------------------------------------------------------ ask


@aio
async def test_ask_adverse_events_of_arsenic_trioxide(store_on_both):
    from tui.screens.ask import AskScreen
    from tui.widgets.evidence import EvidenceView

    app = KgApp(store_on_both)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press(*"adverse events of arsenic trioxide", "enter")
        await settle(pilot)
        screen = app.screen
        panel = screen.panel
        assert panel.error is None, panel.status
        events = [str(r[panel.result.vars.index("event")]) for r in panel.result.rows]
        assert "neutropenia" in events
        # the SPARQL it ran starts from the concept the words name (resolved through the graph's labels)
        assert f"VALUES ?x {{ <{ATO}> }}  # arsenic trioxide" in screen.editor.text
        view = screen.query_one(EvidenceView)
        assert view.evidence is not None and view.sentence  # answers come with evidence


@aio
async def test_ask_completes_the_question_and_reruns_edited_sparql(store_path):
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await pilot.press(*"drugs that increase Tre")
        await settle(pilot)
        await pilot.press("right")  # take the grey completion
        await pilot.pause()
        question = app.screen.query_one("#question")
        assert question.value.startswith("drugs that increase Treg")
        await pilot.press("enter")
        await settle(pilot)
        panel = app.screen.panel
        drugs = {str(r[0]) for r in panel.result.rows}
        assert {"interleukin-2", "arsenic trioxide"} <= drugs
        editor = app.screen.editor
        editor.load_text(editor.text + "\nLIMIT 1")
        await pilot.press("f5")
        await settle(pilot)
        assert len(panel.result.rows) == 1


# ------------------------------------------------------------------------------ SPARQL


async def _sparql(pilot, text: str):
    from tui.screens.sparql import SparqlScreen

    await pilot.press("f4")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SparqlScreen)
    screen.editor.load_text(text)
    await pilot.press("f5")
    await settle(pilot)
    return screen


@aio
async def test_sparql_query_gets_rows_and_sorts(store_on_both):
    app = KgApp(store_on_both)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _sparql(pilot, "SELECT ?term (COUNT(?ae) AS ?n) WHERE {\n"
                                      "  ?ae a kg:AdverseEvent ; kg:term/skos:prefLabel ?term }\nGROUP BY ?term")
        panel = screen.panel
        assert panel.error is None and len(panel.result.rows) > 5
        assert "rows" in panel.status
        table = panel.table
        table.focus()
        table.move_cursor(column=1)
        await pilot.press("s")  # sort by ?n, ascending
        await pilot.pause()
        counts = [int(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert counts == sorted(counts)
        await pilot.press("s")  # again: descending
        await pilot.pause()
        counts = [int(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert counts == sorted(counts, reverse=True)
        await pilot.click("ResultsTable", offset=(3, 0))  # a header click sorts by ?term
        await pilot.pause()
        terms = [str(table.get_row_at(i)[0]).casefold() for i in range(table.row_count)]
        assert terms == sorted(terms)
        assert History().entries[-1].startswith("SELECT ?term")


@aio
async def test_sparql_error_shows_line_and_column(store_on_both):
    app = KgApp(store_on_both)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _sparql(pilot, "SELECT ?s WHERE {\n  ?s a kg:Trial .\n  ?s kg:phase ?p ?q }")
        panel = screen.panel
        err = panel.error
        assert err is not None and err.line == 3 and err.column
        assert f"line 3, column {err.column}" in panel.status
        assert "^" in panel.status  # the caret under the column
        assert screen.editor.cursor_location == (2, err.column - 1)


@aio
async def test_sparql_query_can_be_cancelled(store_path):
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        screen = app.screen
        screen.editor.load_text("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")  # 10^12 rows, lazily
        await pilot.press("f5")
        await pilot.pause(0.05)
        assert screen.panel.running
        await pilot.press("escape")
        await settle(pilot)
        assert not screen.panel.running
        assert "cancelled" in screen.panel.status
        assert screen.panel.result is None


@aio
async def test_sparql_completion_from_the_graph(store_path):
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await pilot.pause()
        editor = app.screen.editor
        editor.load_text("SELECT * WHERE { ?ae a ")
        editor.move_cursor(editor.document.end)
        await pilot.press(*"kg:Adv")
        await pilot.pause()
        lst = app.screen.query_one("CompletionList")
        assert lst.display and "kg:AdverseEvent" in [c.text for c in editor.candidates]
        await pilot.press("tab")
        await pilot.pause()
        assert editor.text.endswith("kg:AdverseEvent") or "kg:AdverseEvent" in editor.text
        assert not lst.display


@aio
async def test_export_csv_json_turtle(store_path, tmp_path, monkeypatch):
    from tui.export import export

    monkeypatch.chdir(tmp_path)
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _sparql(pilot, "SELECT ?t ?phase WHERE { ?t a kg:Trial ; kg:phase ?phase } ORDER BY ?t")
        await pilot.press("ctrl+s", "enter")  # the dialog's defaults: CSV to ./kg-result.csv
        await pilot.pause()
        csv_text = (tmp_path / "kg-result.csv").read_text()
        assert csv_text.splitlines()[0] == "t,phase" and "IIa" in csv_text
        result = screen.panel.result
    data = json.loads(export(result, "json", tmp_path / "r.json").read_text())
    assert data["head"]["vars"] == ["t", "phase"] and len(data["results"]["bindings"]) == 2
    g = Graph().parse(export(result, "turtle", tmp_path / "r.ttl"), format="turtle")
    assert len(list(g.triples((None, None, None)))) > 5


@aio
async def test_history_survives_a_restart(store_path):
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _sparql(pilot, "ASK { ?t a kg:Trial }")
        assert "true" in app.screen.panel.status
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert app.screen.editor.text == "ASK { ?t a kg:Trial }"


# ------------------------------------------------------------------------------ neighbourhood, help


@aio
async def test_neighbourhood_ego_graph_and_paths(store_path):
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_neighbourhood(ATO)
        await settle(pilot)
        screen = app.screen
        tree = screen.query_one("#ego")
        assert str(tree.root.label).startswith("arsenic trioxide")
        assert any("IRF7" in s for s in labels(tree.root))
        screen.set_path("ATO", "IFN-alpha")  # names resolve through alternative labels too
        await settle(pilot)
        chains = [[ln.split("─ ", 1)[1].split("  (")[0] for ln in block.splitlines() if "─ " in ln]
                  for block in screen.paths_text.split("path ")[1:]]
        assert chains[0] == ["arsenic trioxide", "interferon alpha"]  # it inhibits it directly
        assert ["arsenic trioxide", "IRF7", "interferon alpha"] in chains  # and via IRF7 (co-mentioned)


@aio
async def test_reload_reopens_the_store(store_path):
    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = app.catalog
        await pilot.press("r")
        await settle(pilot)
        assert app.catalog is not None and app.catalog is not before
        assert not app.screen.query_one("#tree").loading
        assert len(app.catalog.entries) == len(before.entries)


@aio
async def test_a_store_that_cannot_be_opened_is_shown(tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "CURRENT").write_text("not a database\n")  # looks like a store, is not one
    app = KgApp(str(broken))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Cannot load the graph" in app.load_error
        assert "Cannot load the graph" in str(app.screen.query_one("#details").render())
        assert not app.screen.query_one("#tree").loading  # no spinner left turning


@aio
async def test_help_palette_and_quit(store_path):
    from tui.screens.help import HelpScreen

    app = KgApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Explorer", "Ask", "SPARQL", "Neighbourhood", "Help"} <= set(titles)
        await pilot.press("ctrl+p", *"SPARQL")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "sparql"
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code in (0, None)



def test_two_trials_are_compared_in_two_queries_on_a_folder_and_a_server(store_on_both):
    """Both trials' aspects in two anchored queries (labels from the store's roll-up), the same
    lines as each trial read alone, on the embedded store and through a server."""
    from kg.graph.store import GraphStore
    from tui.compare import compare, summarise
    from tui.model import load_catalog

    with GraphStore(store_on_both, read_only=True) as store:
        trials = [(e.iri, e.label) for e in load_catalog(store).of_kind("trial")][:2]
        assert len(trials) == 2
        alone = [summarise(store, *t).aspects for t in trials]
        sent: list[str] = []
        real = store.ox_query
        store.ox_query = lambda q, **kw: sent.append(q) or real(q, **kw)
        both = compare(store, trials)
    assert len(sent) == 2, sent
    assert [s.aspects for s in both] == alone
    for aspects in alone:  # each corpus trial: its design, conditions and doses, by label
        assert aspects.get("design") and aspects.get("conditions") and aspects.get("arms and doses")
        assert not any("://" in line for k in ("design", "conditions", "arms and doses") for line in aspects[k])
