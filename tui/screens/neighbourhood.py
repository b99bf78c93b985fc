"""Neighbourhood: a concept's ego graph as a tree, and the shortest paths between two concepts."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static, Tree

from tui import graphs
from tui.widgets.suggest import LabelSuggester


class NeighbourhoodScreen(Screen):
    """Centre on a concept to see what links to it; ask for paths between two."""

    BINDINGS = [
        # e: open the highlighted node as an entity
        Binding("e", "entity", "Entity"),
        # c: centre on the highlighted node (enter does too; space expands it in place)
        Binding("c", "recentre", "Centre"),
        # ctrl+l: type a concept to centre on
        Binding("ctrl+l", "focus_centre", "Concept"),
    ]
    AUTO_FOCUS = "#ego"
    DEFAULT_CSS = """
    NeighbourhoodScreen #inputs { height: 3; }
    NeighbourhoodScreen #inputs Input { width: 1fr; }
    NeighbourhoodScreen #body { height: 1fr; }
    NeighbourhoodScreen #ego { width: 1fr; border: round $primary; }
    NeighbourhoodScreen #paths-box { width: 1fr; border: round $secondary; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.graph = None
        self.centre: str | None = None
        self.paths_text = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="inputs"):
            yield Input(placeholder="centre on… (e.g. arsenic trioxide)", id="centre",
                        suggester=LabelSuggester(self._labels))
            yield Input(placeholder="path from…", id="from", suggester=LabelSuggester(self._labels))
            yield Input(placeholder="…to (enter)", id="to", suggester=LabelSuggester(self._labels))
        with Horizontal(id="body"):
            tree: Tree[str] = Tree("", id="ego")
            tree.border_title = "ego graph"
            yield tree
            with VerticalScroll(id="paths-box"):
                yield Static("", id="paths")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "neighbourhood"
        self.app.want_vocabulary()
        self.query_one("#paths-box").border_title = "shortest paths"
        self.query_one("#paths", Static).update(Text(
            "Type two concepts in 'path from' and 'to', then enter.", style="dim"))
        self.query_one("#ego").loading = True
        self.load()
        self.watch(self.app, "catalog", self._reloaded, init=False)

    def _reloaded(self, catalog) -> None:
        """The store was reloaded: rebuild from the new graph, keeping the centre if it is still there."""
        if catalog is not None and self.graph is not None:
            self.graph = None
            self.query_one("#ego").loading = True
            self.load()

    def _labels(self) -> list[str]:
        v = self.app.vocabulary
        return v.labels if v is not None else []

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        g = self.app.neighbourhood_graph()
        self.app.call_from_thread(self._loaded, g)

    def _loaded(self, g) -> None:
        self.graph = g
        self.query_one("#ego").loading = False
        pending = self.app.pending_centre or self.centre
        if pending is None:
            drugs = self.app.catalog.of_kind("drug") if self.app.catalog else []
            pending = next((d.iri for d in drugs if d.iri in g), None)
        if pending:
            self.show_centre(pending)
        self._paths()

    def on_screen_resume(self) -> None:
        if self.graph is not None and self.app.pending_centre:
            self.show_centre(self.app.pending_centre)

    def resolve(self, name: str) -> str | None:
        """A node of the graph by label, alternative label or IRI."""
        if self.graph is None or not name.strip():
            return None
        node = graphs.find(self.graph, name)
        if node is None and self.app.vocabulary is not None:
            iri = self.app.vocabulary.label_index.get(name.strip().casefold())
            node = iri if iri in self.graph else None
        return node

    # -- ego graph -----------------------------------------------------------------------------
    def show_centre(self, node: str) -> None:
        """Centre the tree on a node: its neighbours, each expandable to theirs."""
        self.app.pending_centre = None
        g = self.graph
        tree = self.query_one("#ego", Tree)
        if g is None or node not in g:
            tree.reset(Text(f"{self.app.label_of(node)} is not linked to any concept", style="yellow"))
            return
        self.centre = node
        kind = g.nodes[node].get("kind", "")
        tree.reset(Text.assemble((graphs.label(g, node), "bold"), (f"  {kind}" if kind else "", "dim")), node)
        self._add_neighbours(tree.root, node, exclude=None)
        tree.root.expand()
        tree.move_cursor(tree.root)
        self.query_one("#ego").border_title = f"ego graph · {graphs.label(g, node)} · {g.degree(node)} links"

    def _add_neighbours(self, parent, node: str, exclude: str | None) -> None:
        g = self.graph
        for m in graphs.neighbours(g, node):
            if m == exclude:
                continue
            kind = g.nodes[m].get("kind", "")
            label = Text.assemble((graphs.relation_text(g, node, m) + " ", "italic"), (graphs.label(g, m), "bold"),
                                  (f"  {kind}" if kind else "", "dim"))
            parent.add(label, m, allow_expand=g.degree(m) > 1)

    @on(Tree.NodeExpanded, "#ego")
    def _expand(self, event: Tree.NodeExpanded) -> None:
        node = event.node
        if node.is_root or node.children or node.data is None:
            return
        parent = node.parent.data if node.parent is not None else None
        self._add_neighbours(node, node.data, exclude=parent)

    @on(Tree.NodeSelected, "#ego")
    def _selected(self, event: Tree.NodeSelected) -> None:
        if not event.node.is_root and event.node.data:
            self.show_centre(event.node.data)

    def action_recentre(self) -> None:
        node = self.query_one("#ego", Tree).cursor_node
        if node is not None and node.data:
            self.show_centre(node.data)

    def action_entity(self) -> None:
        node = self.query_one("#ego", Tree).cursor_node
        if node is not None and node.data:
            self.app.open_entity(node.data)

    def action_focus_centre(self) -> None:
        self.query_one("#centre").focus()

    @on(Input.Submitted, "#centre")
    def _centre(self, event: Input.Submitted) -> None:
        node = self.resolve(event.value)
        if node is None:
            self.notify(f"No concept called '{event.value}' in the graph.", severity="warning")
            return
        self.show_centre(node)
        self.query_one("#ego").focus()

    # -- paths -------------------------------------------------------------------------------
    @on(Input.Submitted, "#from")
    def _from(self) -> None:
        self.query_one("#to").focus()

    @on(Input.Submitted, "#to")
    def _to(self) -> None:
        self._paths()

    def _paths(self) -> None:
        a_name, b_name = self.query_one("#from", Input).value, self.query_one("#to", Input).value
        out = self.query_one("#paths", Static)
        if not (a_name.strip() and b_name.strip()) or self.graph is None:
            return
        a, b = self.resolve(a_name), self.resolve(b_name)
        missing = [n for n, x in ((a_name, a), (b_name, b)) if x is None]
        if missing:
            out.update(Text("Not in the graph: " + ", ".join(missing), style="yellow"))
            return
        out.update(Text("searching…", style="italic"))
        self._find_paths(a, b, f"No path between {a_name} and {b_name}.")

    @work(thread=True, exclusive=True, group="paths", exit_on_error=False)
    def _find_paths(self, a: str, b: str, none: str) -> None:
        """Shortest paths off the UI thread (path enumeration grows with the graph)."""
        found = graphs.paths(self.graph, a, b, k=3)
        parts = []
        for i, p in enumerate(found, 1):
            steps = f"{len(p) - 1} step{'s' if len(p) != 2 else ''}"
            parts.append(f"path {i} · {steps}\n" + graphs.draw_path(self.graph, p))
        self.app.call_from_thread(self._show_paths, "\n\n".join(parts) if parts else "", none)

    def _show_paths(self, text: str, none: str) -> None:
        self.paths_text = text
        self.query_one("#paths", Static).update(text or Text(none, style="yellow"))

    def set_path(self, a: str, b: str) -> None:
        """Fill both ends and look for paths (tests use this; the result arrives from a worker)."""
        self.query_one("#from", Input).value = a
        self.query_one("#to", Input).value = b
        self._paths()
