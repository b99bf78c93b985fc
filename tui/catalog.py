"""The data the screens show, as plain objects: explorer entries, vocabularies, entity views.

Kept free of rdflib and the store so that the first screen imports quickly; tui.model
fills these from the store in worker threads.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from tui.evidence import Evidence

KIND_TITLES = {"trial": "Trials", "drug": "Drugs", "condition": "Conditions", "adverse_event": "Adverse events",
               "cell": "Cells", "cytokine": "Cytokines", "gene": "Genes", "process": "Processes",
               "document": "Documents"}
TARGET_KINDS = ("cell", "cytokine", "gene", "process")


@functools.cache
def _data_prefixes() -> tuple[str, ...]:
    from kg.graph.namespaces import KGD

    return str(KGD["trial/"]), str(KGD["doc/"]), str(KGD["graph/"])


@dataclass(frozen=True)
class Entry:
    """One explorer entry: a trial, concept or document, with the number of facts about it."""

    iri: str
    label: str
    kind: str
    count: int
    detail: str = ""


@dataclass
class Catalog:
    """Everything the explorer lists, by kind."""

    entries: list[Entry] = field(default_factory=list)
    documents: int = 0
    facts: int = 0
    triples: int = 0
    _index: dict[str, Entry] = field(default_factory=dict, repr=False)
    _indexed: int = field(default=-1, repr=False)

    def of_kind(self, kind: str) -> list[Entry]:
        return sorted((e for e in self.entries if e.kind == kind), key=lambda e: (-e.count, e.label.casefold()))

    def get(self, iri: str) -> Entry | None:
        if self._indexed != len(self.entries):  # (re)index after entries were added
            self._index = {e.iri: e for e in reversed(self.entries)}
            self._indexed = len(self.entries)
        return self._index.get(iri)

    def label(self, iri: str) -> str:
        e = self.get(iri)
        return e.label if e else node_label(iri)


def node_label(iri: str) -> str:
    """A readable name for an IRI without a label: a trial's registry id, a document's id, else short()."""
    for prefix in _data_prefixes():
        if iri.startswith(prefix):
            return iri[len(prefix):]
    from rdflib import URIRef

    from kg.graph.views import short

    return short(URIRef(iri))


def doc_id(iri: str) -> str:
    """The document id (what document_text takes) of a document or graph IRI."""
    from kg.identity import id_of_segment

    return id_of_segment(node_label(iri))


@dataclass
class Vocabulary:
    """Names for completion: prefixed classes and properties for SPARQL, concept labels for Ask."""

    classes: list[str] = field(default_factory=list)
    properties: list[str] = field(default_factory=list)
    concepts: list[str] = field(default_factory=list)  # prefixed names of concepts the facts use
    labels: list[str] = field(default_factory=list)  # concept names, concepts the facts use first
    label_index: dict[str, str] = field(default_factory=dict)  # case-folded name → concept IRI
    names: dict[str, list[str]] = field(default_factory=dict)  # concept IRI → all its names and abbreviations
    prefixes: dict[str, str] = field(default_factory=lambda: dict(_prefixes()))
    class_counts: dict[str, int] = field(default_factory=dict)  # prefixed class → instances (registry summaries)
    property_counts: dict[str, int] = field(default_factory=dict)  # prefixed property → triples

    _by_name: dict[str, list[str]] | None = field(default=None, repr=False)

    def iris_named(self, name: str) -> list[str]:
        """Every concept one of whose names is `name` (case-insensitive)."""
        if self._by_name is None:
            self._by_name = {}
            for iri, names in self.names.items():
                for n in {n.casefold() for n in names}:
                    self._by_name.setdefault(n, []).append(iri)
        return sorted(self._by_name.get(name.casefold(), []))

# -- entity view ------------------------------------------------------------------------------
@dataclass
class FactRow:
    """One fact, the facts several documents restate with the same fields, or several facts
    about one linked node, in an entity's links."""

    facts: list[str]
    kind: str
    summary: str
    link: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    evidence_loaded: bool = True  # False: fetched when the row is first highlighted or expanded
    documents: int = 0  # a row of restated facts: how many documents state it
    key: str | None = None  # such a row's "Kind fields" line: its facts are found from it when opened

    @property
    def ident(self) -> str:
        """What tells this row from the others of its group: its line, else its first fact."""
        return self.key or (self.facts[0] if self.facts else "")


@dataclass
class EntityView:
    """A node: its kind, properties and groups of linked facts."""

    iri: str
    title: str
    types: list[str]
    properties: list[tuple[str, str]]
    groups: list[tuple[str, list[FactRow]]]
    # groups with further pages: title → (group body or tui.queries.LineGroup, merged by link,
    # offset of the next page)
    more: dict[str, tuple[object, bool, int]] = field(default_factory=dict)




def _prefixes() -> dict[str, str]:
    from kg.graph.namespaces import PREFIXES

    return PREFIXES
