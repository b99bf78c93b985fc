"""The neighbourhood graph: an undirected projection of kg's concept graph, drawn as text.

Edges come from kg.graph.network.concept_graph (agent→target, drug→AE term, trial→drug,
trial→condition), plus "co-mentioned" edges between concepts of facts whose evidence
spans overlap in one document (so "As₂O₃ inhibits IFN-α secretion, via IRF7" links IRF7
and IFN-α). Each edge keeps the relations that support it, with their direction.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import islice
from typing import TYPE_CHECKING

from kg.graph.store import GraphStore
from tui import queries as Q

if TYPE_CHECKING:
    import networkx as nx

CO_MENTIONED = "co-mentioned"


def build(store: GraphStore, labels: dict[str, str], kinds: dict[str, str]) -> nx.Graph:
    """The projection, nodes labelled (`labels`, else the concept graph's label) and typed (`kinds`)."""
    import networkx as nx

    from kg.graph.network import concept_graph

    cg = concept_graph(store)
    g = nx.Graph()
    for n, data in cg.nodes(data=True):
        g.add_node(n, label=labels.get(n, data.get("label", n)), kind=kinds.get(n, ""))
    for a, b, data in cg.edges(data=True):
        _link(g, a, b, data.get("relation", ""))
    for a, b in co_mentions(store):
        for n in (a, b):
            if n not in g:
                g.add_node(n, label=labels.get(n, n.rsplit("/", 1)[-1]), kind=kinds.get(n, ""))
        _link(g, a, b, CO_MENTIONED)
    return g


def _link(g: nx.Graph, a: str, b: str, relation: str) -> None:
    if a == b:
        return
    if not g.has_edge(a, b):
        g.add_edge(a, b, relations=set())
    g.edges[a, b]["relations"].add((a, relation, b))


def co_mentions(store: GraphStore) -> set[tuple[str, str]]:
    """Pairs of concepts named by facts whose evidence spans overlap in the same document."""
    spans: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for r in store.select(Q.CO_MENTIONS):
        spans[str(r["d"])].append((int(r["start"]), int(r["end"]), str(r["c"]), str(r["f"])))
    pairs: set[tuple[str, str]] = set()
    for items in spans.values():
        items.sort()
        for i, (_s, e, c, f) in enumerate(items):
            for s2, _e2, c2, f2 in items[i + 1:]:
                if s2 >= e:
                    break
                if c != c2 and f != f2:
                    pairs.add((min(c, c2), max(c, c2)))
    return pairs


def relation_text(g: nx.Graph, a: str, b: str) -> str:
    """How a relates to b: 'inhibits →', '← tests', 'co-mentioned' (several joined by ' / ')."""
    rels = g.edges[a, b]["relations"]
    forward = sorted({rel for src, rel, _dst in rels if rel != CO_MENTIONED and src == a})
    backward = sorted({rel for src, rel, _dst in rels if rel != CO_MENTIONED and src != a})
    if not forward and not backward:
        return "co-mentioned"  # only when no fact states how they relate
    parts = ([", ".join(forward) + " →"] if forward else []) + (["← " + ", ".join(backward)] if backward else [])
    return " / ".join(parts)


def label(g: nx.Graph, n: str) -> str:
    return str(g.nodes[n].get("label", n))


def find(g: nx.Graph, name: str) -> str | None:
    """The node whose label (else IRI) is `name`, case-insensitively."""
    key = name.strip().casefold()
    for n, data in g.nodes(data=True):
        if str(data.get("label", "")).casefold() == key or n.casefold() == key:
            return n
    return None


def neighbours(g: nx.Graph, n: str) -> list[str]:
    """A node's neighbours, by label."""
    return sorted(g.neighbors(n), key=lambda m: label(g, m).casefold())


def paths(g: nx.Graph, a: str, b: str, k: int = 3) -> list[list[str]]:
    """Up to k shortest simple paths from a to b: fewest hops first, ties by their labels."""
    import networkx as nx

    try:
        found = list(islice(nx.shortest_simple_paths(g, a, b), 4 * k))
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []
    found.sort(key=lambda p: (len(p), [label(g, n).casefold() for n in p]))
    return found[:k]


def draw_path(g: nx.Graph, path: list[str]) -> str:
    """A path as box-drawing text, one node per line and the relation between each pair."""
    lines = []
    for i, n in enumerate(path):
        kind = g.nodes[n].get("kind", "")
        corner = "╭─" if i == 0 else ("╰─" if i == len(path) - 1 else "├─")
        lines.append(f"{corner} {label(g, n)}" + (f"  ({kind})" if kind else ""))
        if i < len(path) - 1:
            lines.append(f"│     {relation_text(g, n, path[i + 1])}")
    return "\n".join(lines)
