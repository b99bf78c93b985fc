"""`kg tui`: a Textual app on the graph store (opened read-only).

Screens are modes (Explorer F2, Ask F3, SPARQL F4, Neighbourhood F6); Entity and Document
screens are pushed on top of them. The store is opened, and the explorer's data loaded, in
a worker thread: the UI thread never waits on the store.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, NoReturn

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.reactive import var
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui.catalog import Catalog, Vocabulary, node_label
from tui.screens.explorer import ExplorerScreen

if TYPE_CHECKING:
    import networkx as nx

    from kg.graph.store import GraphStore
    from tui.query_process import QueryProcess


def _lazy(module: str, name: str) -> Callable[[], Screen]:
    """A mode's screen factory that imports its module on first use (a faster first screen)."""
    def make() -> Screen:
        return getattr(importlib.import_module(module), name)()

    return make


class EntityCommands(Provider):
    """Command palette: "open <name>" for every trial, concept and document of the explorer."""

    def _entries(self):
        app = self.app
        return app.catalog.entries if isinstance(app, KgApp) and app.catalog is not None else []

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        app = self.app
        names = app.vocabulary.names if isinstance(app, KgApp) and app.vocabulary is not None else {}
        if isinstance(app, KgApp) and app.vocabulary is None:
            app.want_vocabulary()  # synonyms and abbreviations ("Treg", "IL-2") as soon as they load
        for e in self._entries():
            others = [n for n in names.get(e.iri, ()) if n.casefold() != e.label.casefold()]
            text = f"open {e.label}" + (f" ({', '.join(others[:4])})" if others else "")
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self.app.open_entity, e.iri),
                          help=f"{e.kind.replace('_', ' ')} · {e.count} facts")


class KgApp(App[int]):
    """Explorer, entity, ask, SPARQL and neighbourhood screens over one read-only store."""

    TITLE = "kg"
    MODES = {"explorer": ExplorerScreen, "ask": _lazy("tui.screens.ask", "AskScreen"),
             "sparql": _lazy("tui.screens.sparql", "SparqlScreen"),
             "neighbourhood": _lazy("tui.screens.neighbourhood", "NeighbourhoodScreen")}
    DEFAULT_MODE = "explorer"
    COMMANDS = App.COMMANDS | {EntityCommands}
    BINDINGS = [
        # priority: TextArea binds f6/f7 itself (select line/all); these keys win everywhere
        Binding("f1", "help", "Help", priority=True),  # F1: keys of every screen
        Binding("f2", "switch_mode('explorer')", "Explorer", priority=True),  # F2: the explorer tree
        Binding("f3", "switch_mode('ask')", "Ask", priority=True),  # F3: questions from templates
        Binding("f4", "switch_mode('sparql')", "SPARQL", priority=True),  # F4: the SPARQL editor
        Binding("f6", "switch_mode('neighbourhood')", "Graph", priority=True),  # F6: ego graph and paths
        Binding("ctrl+q", "quit", "Quit", priority=True),  # ctrl+q: quit
    ]

    catalog: var[Catalog | None] = var(None)
    vocabulary: var[Vocabulary | None] = var(None)
    load_error: var[str] = var("")

    def __init__(self, store_path: str | None = None) -> None:
        super().__init__()
        self.store_path = store_path
        self.pending_centre: str | None = None
        self.pending_sparql: str | None = None  # a query another screen sends to the SPARQL editor
        self._store: GraphStore | None = None
        self._graph: nx.Graph | None = None
        self._texts: dict[str, str | None] = {}
        self._lock = threading.RLock()
        self._want_vocabulary = self._vocabulary_started = False
        self._query_process: QueryProcess | None = None

    # -- the store (called from worker threads) ------------------------------------------------
    def get_store(self) -> GraphStore:
        """The store, opened read-only on first use."""
        with self._lock:
            if self._store is None:
                from kg.graph.store import GraphStore

                self._store = GraphStore(self.store_path, read_only=True)
            return self._store

    def query_process(self) -> QueryProcess:
        """The child process that runs the queries users write (Ask, SPARQL); started once."""
        with self._lock:
            if self._query_process is None:
                from kg.graph.namespaces import PREFIXES
                from kg.graph.store import store_path
                from tui.query_process import QueryProcess
                from tui.runner import ROW_LIMIT

                self._query_process = QueryProcess(str(store_path(self.store_path)),
                                                   {k: str(v) for k, v in PREFIXES.items()}, ROW_LIMIT)
            return self._query_process

    def cancel_queries(self) -> None:
        """Stop the running user query now: its process is killed (the next query starts another)."""
        with self._lock:
            proc = self._query_process
        if proc is not None:
            proc.cancel()

    def document_text(self, doc: str) -> str | None:
        """A document's text (cached); call from a worker."""
        with self._lock:
            if doc in self._texts:
                return self._texts[doc]
        from kg.graph.views import document_text

        text = document_text(self.get_store(), doc)
        with self._lock:
            self._texts[doc] = text
        return text

    def cached_text(self, doc: str) -> str | None:
        """A document's text if already fetched (safe on the UI thread)."""
        return self._texts.get(doc)

    def neighbourhood_graph(self) -> nx.Graph:
        """The neighbourhood projection (built once); call from a worker."""
        with self._lock:
            if self._graph is None:
                from tui.graphs import build

                cat = self.catalog
                labels = {e.iri: e.label for e in cat.entries} if cat else {}
                kinds = {e.iri: e.kind.replace("_", " ") for e in cat.entries} if cat else {}
                self._graph = build(self.get_store(), labels, kinds)
            return self._graph

    # -- loading ---------------------------------------------------------------------------------
    def on_load(self) -> None:
        """Start loading before the terminal is set up (the first screen shows sooner)."""
        self.load()

    def load(self) -> Worker:
        return self.run_worker(self._load, thread=True, exclusive=True, group="load", exit_on_error=False,
                               name="load")

    def _load(self) -> None:
        from kg.graph.store import store_path
        from tui.model import load_catalog

        path = store_path(self.store_path)
        empty = _empty_store_reason(path)
        if empty:
            self.call_from_thread(self._welcome, str(path), empty)
            return
        store = self.get_store()
        catalog = load_catalog(store)
        self.call_from_thread(setattr, self, "catalog", catalog)
        if note := getattr(store, "rollup_note", ""):  # an older kg's store: slower to open, and why
            self.call_from_thread(self.notify, f"{note}: the explorer added up every document's record "
                                  "(slower on a big store); the next `kg ingest` into it stores one.", timeout=8)
        self.call_from_thread(self._status, str(path), catalog)
        if catalog.documents == 0:
            self.call_from_thread(self._welcome, str(path), "The graph holds no document yet.")
        if self._claim_vocabulary():
            self._load_vocabulary(catalog)

    def _status(self, store: str, catalog: Catalog) -> None:
        """The header of every screen: the store (its folder and parent: "papers/.kg"), its
        documents and facts."""
        from pathlib import Path

        path = Path(store)
        name = f"{path.parent.name}/{path.name}" if path.parent.name else path.name
        if "://" in store:  # a SPARQL server: its host and port
            name = store.split("://", 1)[1].rstrip("/")
        self.title = f"kg · {name} · {catalog.documents:,} documents · {catalog.facts:,} facts"

    def _welcome(self, store: str, reason: str) -> None:
        """Show the welcome screen (once) over the explorer."""
        from tui.screens.welcome import WelcomeScreen

        self.catalog = self.catalog or Catalog()
        if not isinstance(self.screen, WelcomeScreen):
            self.push_screen(WelcomeScreen(store, reason))

    def want_vocabulary(self) -> None:
        """Load the completion vocabulary once. Screens that complete names call this; the
        explorer does not, so the first screen never waits for it."""
        self._want_vocabulary = True
        catalog = self.catalog
        if catalog is not None and self._claim_vocabulary():
            self.run_worker(lambda: self._load_vocabulary(catalog), thread=True, group="vocabulary",
                            exit_on_error=False, name="vocabulary")

    def _claim_vocabulary(self) -> bool:
        """True for the one caller that should load the vocabulary (it is wanted, not yet started)."""
        with self._lock:
            if not self._want_vocabulary or self._vocabulary_started:
                return False
            self._vocabulary_started = True
            return True

    def _load_vocabulary(self, catalog: Catalog) -> None:
        from tui.model import load_vocabulary

        vocabulary = load_vocabulary(self.get_store(), catalog)
        self.call_from_thread(setattr, self, "vocabulary", vocabulary)

    def on_unmount(self) -> None:
        """Release the store now (a GraphStore left to the garbage collector keeps files open),
        and kill the query process, so that quitting never waits on a query."""
        with self._lock:
            store, self._store = self._store, None
            proc, self._query_process = self._query_process, None
        if proc is not None:
            proc.close(wait=False)  # killed, not waited for (a killed child's teardown took 0.1-0.15 s)
        close = getattr(store, "close", None)
        if close is not None:
            try:
                close()
            except Exception:  # noqa: BLE001 - closing on the way out must not hide the real exit
                pass

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group in ("load", "vocabulary") and event.state == WorkerState.ERROR:
            self.load_error = f"Cannot load the graph: {event.worker.error}"
            self.notify(self.load_error, severity="error", timeout=10)

    def reload(self) -> None:
        """Re-open the store (to see a new ingest) and reload everything."""
        with self._lock:
            old, self._store, self._graph, self._texts = self._store, None, None, {}
            proc, self._query_process = self._query_process, None
            self._vocabulary_started = False
        getattr(old, "close", lambda: None)()
        if proc is not None:
            proc.close()
        self.catalog = self.vocabulary = None
        self.load()

    # -- navigation ------------------------------------------------------------------------------
    def label_of(self, iri: str) -> str:
        return self.catalog.label(iri) if self.catalog is not None else node_label(iri)

    def open_entity(self, iri: str) -> None:
        from tui.screens.entity import EntityScreen

        self.push_screen(EntityScreen(iri))

    def open_document(self, doc: str, start: int, end: int) -> None:
        from tui.screens.document import DocumentScreen

        self.push_screen(DocumentScreen(doc, start, end))

    def edit_sparql(self, text: str) -> None:
        """Switch to the SPARQL screen with `text` in its editor."""
        self.pending_sparql = text
        self.switch_mode("sparql")

    def open_neighbourhood(self, iri: str) -> None:
        """Switch to the neighbourhood screen, centred on a node (it centres when it resumes)."""
        self.pending_centre = iri
        if self.current_mode != "neighbourhood":
            self.switch_mode("neighbourhood")
        elif len(self.screen_stack) > 1:
            while len(self.screen_stack) > 1:
                self.pop_screen()
        elif hasattr(self.screen, "on_screen_resume"):
            self.screen.on_screen_resume()

    def action_help(self) -> None:
        """Open the help screen (F1 again closes it)."""
        from tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Explorer", "Trials, drugs, conditions, AEs, targets, documents (F2)",
                            partial(self.switch_mode, "explorer"))
        yield SystemCommand("Ask", "Questions from templates, answered with evidence (F3)",
                            partial(self.switch_mode, "ask"))
        yield SystemCommand("SPARQL", "Edit and run SPARQL, export results (F4)", partial(self.switch_mode, "sparql"))
        yield SystemCommand("Neighbourhood", "A concept's ego graph and shortest paths (F6)",
                            partial(self.switch_mode, "neighbourhood"))
        yield SystemCommand("Help", "Keys of every screen (F1)", self.action_help)
        yield SystemCommand("Reload the store", "Re-open the store and reload the explorer", self.reload)


def _empty_store_reason(path) -> str:
    """Why the store at `path` cannot hold a graph yet ('' when it looks like a store, or is a
    SPARQL server's URL: the server is asked when the catalog loads)."""
    if isinstance(path, str):
        return ""
    if not path.exists():
        return "There is no graph here yet."
    if path.is_dir() and not (path / "CURRENT").exists():
        return "This folder holds no graph yet." if not any(path.iterdir()) else \
            "This folder is not a kg graph store (no database files in it)."
    return ""


def run(store_path: str | None = None) -> NoReturn:
    """Run the app on a store (None: --store default resolution, $KG_STORE or ./.kg); exit status.
    A missing or empty store opens on the welcome screen. Quitting never waits for a query a
    worker thread is still running, nor for the interpreter's teardown (freeing the catalog,
    rdflib and Textual's objects took ~0.4 s at load 8 on 1,105 papers): the process exits once
    the terminal is restored and the store closed (it is read-only: there is nothing to flush)."""
    import os
    import sys

    app = KgApp(store_path)
    app.run()
    code = app.return_code or 0
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
