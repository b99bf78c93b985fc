"""Explorer: the graph's trials, drugs, conditions, adverse events, targets and documents, with counts."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static, Tree

from tui.catalog import KIND_TITLES, TARGET_KINDS, Catalog, Entry

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Trials", ("trial",)), ("Drugs", ("drug",)), ("Conditions", ("condition",)),
    ("Adverse events", ("adverse_event",)), ("Targets", TARGET_KINDS), ("Documents", ("document",)),
)


class ExplorerScreen(Screen):
    """A tree by kind with fact counts, a filter box and a summary of the highlighted entry."""

    BINDINGS = [
        # /: type in the filter box (enter there jumps to the first match)
        Binding("slash", "focus_filter", "Filter"),
        # n: the highlighted concept's neighbourhood graph
        Binding("n", "neighbourhood", "Neighbourhood"),
        # r: re-open the store and reload (after an ingest)
        Binding("r", "reload", "Reload"),
        # c: on a trial, mark it; on a second trial, compare the two side by side
        Binding("c", "compare", "Compare trials"),
        # escape: clear the filter
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]
    AUTO_FOCUS = "#tree"
    DEFAULT_CSS = """
    ExplorerScreen #filter { margin: 0 1; }
    ExplorerScreen #body { height: 1fr; }
    ExplorerScreen #tree { width: 2fr; border: round $primary; }
    ExplorerScreen #details { width: 1fr; height: 1fr; border: round $secondary; padding: 0 1; }
    ExplorerScreen #stats { height: 1; padding: 0 2; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter by name  (/ to focus, enter to jump)", id="filter")
        with Horizontal(id="body"):
            tree: Tree[Entry | None] = Tree("graph", id="tree")
            tree.show_root = False
            tree.border_title = "explorer"
            yield tree
            yield Static("", id="details")
        yield Static("", id="stats")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "explorer"
        self.query_one("#tree").loading = True
        self.query_one("#details").border_title = "details"
        self.watch(self.app, "catalog", self._show_catalog)
        self.watch(self.app, "load_error", self._show_error)
        self.watch(self.app, "vocabulary", self._vocabulary, init=False)

    @property
    def tree(self) -> Tree[Entry | None]:
        return self.query_one("#tree", Tree)

    def _show_error(self, error: str) -> None:
        if error:
            self.tree.loading = False
            self.query_one("#details", Static).update(Text(error, style="bold red"))

    def _show_catalog(self, catalog: Catalog | None) -> None:
        if catalog is None:
            return
        self.tree.loading = False
        self.query_one("#stats", Static).update(
            f"{catalog.documents} documents · {catalog.facts} facts · {catalog.triples} triples")
        self.rebuild(self.query_one("#filter", Input).value)

    def rebuild(self, text: str = "") -> None:
        """Fill the tree; with a filter, only matching entries, their groups expanded."""
        catalog: Catalog | None = self.app.catalog
        tree = self.tree
        tree.clear()
        if catalog is None:
            return
        key = text.strip().casefold()
        names = self.app.vocabulary.names if self.app.vocabulary is not None else {}

        def shown(e: Entry) -> bool:  # by its label, or by any synonym or abbreviation ("Treg", "ATO")
            return key in e.label.casefold() or any(key in n.casefold() for n in names.get(e.iri, ()))

        for title, kinds in GROUPS:
            subgroups = [(KIND_TITLES[k], [e for e in catalog.of_kind(k) if shown(e)]) for k in kinds]
            total = sum(len(es) for _t, es in subgroups)
            node = tree.root.add(Text.assemble(title, (f"  {total}", "dim")), None, expand=bool(key) or title in
                                 ("Trials", "Drugs"))
            for sub_title, entries in subgroups:
                parent = node
                if len(kinds) > 1:
                    parent = node.add(Text.assemble(sub_title, (f"  {len(entries)}", "dim")), None, expand=bool(key))
                for e in entries:
                    parent.add_leaf(Text.assemble(e.label.replace("\n", " "), (f"  {e.count}", "dim")), e)
        tree.root.expand()
        first = self.first_match()
        if first is not None:
            self.call_after_refresh(tree.move_cursor, first)

    def first_match(self):
        """The first entry node shown (after filtering)."""
        stack = list(self.tree.root.children)
        while stack:
            node = stack.pop(0)
            if node.data is not None:
                return node
            stack[0:0] = list(node.children)
        return None

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        if event.value.strip() and self.app.vocabulary is None:
            self.app.want_vocabulary()  # synonyms for the filter; it refilters when they arrive
        self.rebuild(event.value)

    def _vocabulary(self, vocabulary) -> None:
        if vocabulary is not None and self.query_one("#filter", Input).value.strip():
            self.rebuild(self.query_one("#filter", Input).value)

    @on(Input.Submitted, "#filter")
    def _jump(self, event: Input.Submitted) -> None:
        node = self.first_match()
        self.tree.focus()
        if node is not None:
            self.tree.move_cursor(node)

    @on(Tree.NodeHighlighted, "#tree")
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        e: Entry | None = event.node.data
        details = self.query_one("#details", Static)
        if e is None:
            details.update("")
            return
        lines = [Text(e.label, style="bold"), Text(KIND_TITLES[e.kind].rstrip("s"), style="italic"),
                 Text(f"{e.count} facts"), Text(e.iri, style="dim")]
        if e.detail:
            lines.insert(2, Text(e.detail))
        lines.append(Text("\nenter: open · n: neighbourhood", style="dim"))
        details.update(Text("\n").join(lines))

    @on(Tree.NodeSelected, "#tree")
    def _selected(self, event: Tree.NodeSelected) -> None:
        if event.node.data is not None:
            self.app.open_entity(event.node.data.iri)

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        filt = self.query_one("#filter", Input)
        filt.value = ""
        self.tree.focus()

    def action_neighbourhood(self) -> None:
        node = self.tree.cursor_node
        if node is not None and node.data is not None:
            self.app.open_neighbourhood(node.data.iri)

    _marked: Entry | None = None

    def action_compare(self) -> None:
        node = self.tree.cursor_node
        e: Entry | None = node.data if node is not None else None
        if e is None or e.kind != "trial":
            self.notify("Highlight a trial first (c marks it, c on another compares them).", severity="warning")
            return
        if self._marked is None or self._marked.iri == e.iri:
            self._marked = e
            self.notify(f"Marked {e.label}: press c on another trial to compare.", timeout=4)
            return
        from tui.screens.compare import CompareScreen

        first, self._marked = self._marked, None
        self.app.push_screen(CompareScreen((first.iri, first.label), (e.iri, e.label)))

    def action_reload(self) -> None:
        self.tree.loading = True
        self.app.reload()
