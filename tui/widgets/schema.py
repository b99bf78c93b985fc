"""The SPARQL screen's sidebar: the graph's classes and properties, with how many instances
and triples each has (added up from the registry's per-document summaries, not counted by a
query); enter inserts the name into the editor."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import Tree

from tui.catalog import Vocabulary


class SchemaTree(Tree[str]):
    """Classes and properties, most used first; counts where the store records them."""

    DEFAULT_CSS = """
    SchemaTree { width: 34; border: round $secondary; }
    """

    class Picked(Message):
        """A class or property chosen: its prefixed name."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, **kwargs) -> None:
        super().__init__("schema", **kwargs)
        self.show_root = False
        self.border_title = "classes · properties"

    def show_vocabulary(self, v: Vocabulary | None) -> None:
        """Fill the tree from a vocabulary (None: still loading)."""
        self.clear()
        if v is None:
            self.root.add_leaf(Text("reading…", style="italic dim"))
            return
        for title, names, counts in (("classes", v.classes, v.class_counts), ("properties", v.properties,
                                                                               v.property_counts)):
            group = self.root.add(Text.assemble((title, "bold"), (f"  {len(names)}", "dim")), expand=True)
            for name in sorted(names, key=lambda n: (-counts.get(n, 0), n)):
                n = counts.get(name)
                group.add_leaf(Text.assemble(name, (f"  {n:,}" if n else "", "dim")), data=name)
        self.root.expand()

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        if event.node.data:
            event.stop()
            self.post_message(self.Picked(event.node.data))
