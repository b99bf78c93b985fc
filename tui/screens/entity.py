"""Entity: one node's properties and links, each fact with the sentence it was read from."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, Tree

from tui.catalog import EntityView, FactRow
from tui.evidence import Evidence
from tui.widgets.evidence import EvidenceView


@dataclass(frozen=True)
class NodeRef:
    """What a links-tree node stands for: a group title, a fact row, or one evidence span."""

    row: FactRow | None = None
    evidence: Evidence | None = None
    more: str | None = None  # the group whose next page this "more…" node loads


class EntityScreen(Screen):
    """A trial, concept or document: properties, grouped links and the evidence of each."""

    BINDINGS = [
        # escape: back to where you came from
        Binding("escape", "back", "Back"),
        # o: open the document text at the highlighted evidence span
        Binding("o", "open_document", "Open text"),
        # l: open the linked node of the highlighted fact (enter on a fact does too)
        Binding("l", "follow", "Follow link"),
        # n: this node's neighbourhood graph
        Binding("n", "neighbourhood", "Neighbourhood"),
        # y: copy the evidence quote shown
        Binding("y", "copy_quote", "Copy quote"),
    ]
    DEFAULT_CSS = """
    EntityScreen #title { height: auto; padding: 0 1; background: $boost; }
    EntityScreen #body { height: 1fr; }
    EntityScreen #links { width: 3fr; border: round $primary; }
    EntityScreen #props { width: 2fr; border: round $secondary; }
    """

    def __init__(self, iri: str) -> None:
        super().__init__()
        self.iri = iri
        self.view: EntityView | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.app.label_of(self.iri), style="bold"), id="title")
        with Horizontal(id="body"):
            tree: Tree[NodeRef] = Tree("links", id="links")
            tree.show_root = False
            tree.border_title = "links and evidence"
            yield tree
            table: DataTable = DataTable(id="props", cursor_type="row", zebra_stripes=True)
            table.border_title = "properties"
            yield table
        yield EvidenceView(id="evidence")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "entity"
        self.query_one("#links").loading = True
        self.query_one("#links").focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        from tui.model import load_entity

        view = load_entity(self.app.get_store(), self.iri, self.app.catalog)
        self.app.call_from_thread(self.show, view)

    def show(self, view: EntityView) -> None:
        """Fill the properties table and the links tree."""
        self.view = view
        self.query_one("#title", Static).update(
            Text.assemble((view.title, "bold"), ("  " + " · ".join(view.types), "italic dim"),
                          ("  " + self.iri, "dim")))
        props = self.query_one("#props", DataTable)
        props.clear(columns=True)
        props.add_columns("property", "value")
        for p, v in view.properties:
            props.add_row(p, v if len(v) < 120 else v[:119] + "…")
        tree = self.query_one("#links", Tree)
        tree.loading = False
        tree.clear()
        for title, rows in view.groups:
            group = tree.root.add(self._group_label(title, len(rows)), NodeRef(), expand=True)
            self._add_rows(group, title, rows)
        tree.root.expand()
        if not view.groups:
            self.query_one(EvidenceView).show(None, "No facts link to this node.")
            return
        first = tree.root.children[0]
        self.call_after_refresh(tree.move_cursor, first.children[0] if first.children else first)

    def _group_label(self, title: str, shown: int) -> Text:
        more = self.view is not None and title in self.view.more
        return Text.assemble((title, "bold"), (f"  {shown}{'+' if more else ''}", "dim"))

    def _add_rows(self, group, title: str, rows: list[FactRow]) -> None:
        """Rows under a group node (a row of a link already shown takes the new facts), then
        "more…" when the group has a further page."""
        shown = {n.data.row.link: n for n in group.children if n.data and n.data.row and n.data.row.link}
        for row in rows:
            old = shown.get(row.link) if row.kind == "link" else None
            if old is not None:
                old.data.row.facts.extend(f for f in row.facts if f not in old.data.row.facts)
                n = len(old.data.row.facts)
                old.data.row.summary = f"{old.data.row.summary.rsplit('  (', 1)[0]}  ({n} fact{'s' if n != 1 else ''})"
                old.set_label(Text(old.data.row.summary))
                continue
            node = group.add(Text(row.summary.replace("\n", " ")), NodeRef(row), expand=False,
                             allow_expand=bool(row.evidence) or not row.evidence_loaded)
            self._add_spans(node, row)
        if self.view is not None and title in self.view.more:
            group.add_leaf(Text("more…  (enter)", style="bold italic"), NodeRef(more=title))

    @work(thread=True, group="more", exit_on_error=False)
    def load_more(self, node, title: str) -> None:
        """The next page of a group, added where its "more…" node was."""
        from tui.model import load_group_page, page_size

        body, by_link, offset = self.view.more[title]
        rows, has_more = load_group_page(self.app.get_store(), body, by_link, offset, self.app.catalog)
        self.app.call_from_thread(self._more_loaded, node, title, rows, has_more, offset + page_size(by_link))

    def _more_loaded(self, node, title: str, rows: list[FactRow], has_more: bool, next_offset: int) -> None:
        group = node.parent
        node.remove()
        if has_more:
            body, by_link, _ = self.view.more[title]
            self.view.more[title] = (body, by_link, next_offset)
        else:
            self.view.more.pop(title, None)
        for i, (name, shown) in enumerate(self.view.groups):
            if name == title:
                shown.extend(rows)
                self.view.groups[i] = (name, shown)
        self._add_rows(group, title, rows)
        group.set_label(self._group_label(title, sum(1 for n in group.children if n.data and n.data.row)))

    @staticmethod
    def _add_spans(node, row: FactRow) -> None:
        for ev in row.evidence:
            quote = ev.exact.replace("\n", " ").replace("\t", " ")
            quote = quote if len(quote) <= 70 else quote[:69] + "…"
            node.add_leaf(Text.assemble(("“" + quote + "”", "italic"),
                                        (f"  {ev.section} · {ev.start}–{ev.end}", "dim")), NodeRef(row, ev))

    @work(thread=True, group="evidence", exit_on_error=False)
    def load_evidence(self, node, row: FactRow) -> None:
        """Read the evidence of a row not read up front, then show it (spans under the row)."""
        from tui.model import row_evidence

        spans = row_evidence(self.app.get_store(), row)
        self.app.call_from_thread(self._evidence_loaded, node, row, spans)

    def _evidence_loaded(self, node, row: FactRow, spans: list[Evidence]) -> None:
        if row.evidence_loaded:
            return
        row.evidence[:] = spans
        row.evidence_loaded = True
        self._add_spans(node, row)
        node.allow_expand = bool(spans)
        if self.query_one("#links", Tree).cursor_node is node:
            self.query_one(EvidenceView).show(spans[0] if spans else None, "This fact has no evidence span.")

    def find(self, group: str, text: str):
        """The first fact node of a group whose summary contains `text` (for tests and jumps)."""
        tree = self.query_one("#links", Tree)
        for g in tree.root.children:
            if str(g.label).startswith(group):
                for node in g.children:
                    if text.casefold() in str(node.label).casefold():
                        return node
        return None

    def current(self) -> NodeRef | None:
        node = self.query_one("#links", Tree).cursor_node
        return node.data if node is not None else None

    @on(Tree.NodeHighlighted, "#links")
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        ref: NodeRef | None = event.node.data
        view = self.query_one(EvidenceView)
        if ref is not None and ref.more:
            view.show(None, "Enter shows more of this group.")
            return
        if ref is None or ref.row is None:
            view.show(None, "Highlight a fact to see its evidence; expand it for every span.")
            return
        if not ref.row.evidence_loaded:
            view.show(None, "reading the evidence…")
            self.load_evidence(event.node, ref.row)
            return
        ev = ref.evidence or (ref.row.evidence[0] if ref.row.evidence else None)
        view.show(ev, "This fact has no evidence span.")

    @on(Tree.NodeSelected, "#links")
    def _selected(self, event: Tree.NodeSelected) -> None:
        ref: NodeRef | None = event.node.data
        if ref is not None and ref.more and self.view is not None and ref.more in self.view.more:
            event.node.set_label(Text("reading…", style="italic"))
            self.load_more(event.node, ref.more)
        elif ref is not None and ref.evidence is not None:
            self.action_open_document()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_open_document(self) -> None:
        ev = self.query_one(EvidenceView).evidence
        if ev is None:
            self.notify("Highlight a fact or an evidence span first.", severity="warning")
            return
        self.app.open_document(ev.doc, ev.start, ev.end)

    def action_follow(self) -> None:
        ref = self.current()
        if ref is not None and ref.row is not None and ref.row.link:
            self.app.open_entity(ref.row.link)
        else:
            self.notify("This fact links to no other node.", severity="warning")

    def action_neighbourhood(self) -> None:
        self.app.open_neighbourhood(self.iri)

    def action_copy_quote(self) -> None:
        ev = self.query_one(EvidenceView).evidence
        if ev is None:
            self.notify("Highlight a fact with evidence first.", severity="warning")
            return
        self.app.copy_to_clipboard(ev.exact)
        self.notify(f"Copied the quote ({ev.doc}, {ev.start}–{ev.end})", timeout=2)
