"""The SKOS lexicon in `ontology/lexicon.ttl`: concepts, their labels and public CURIEs.

Every drug, condition, cell type, cytokine, gene, process, AE term, unit, route, design and
instrument kg recognises is a concept there; code holds no vocabulary of its own.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
# KG_LEXICON points kg at another lexicon file (same SKOS layout), e.g. a project's own
LEXICON_FILE = Path(os.environ.get("KG_LEXICON") or ONTOLOGY_DIR / "lexicon.ttl")

_SKOS = "http://www.w3.org/2004/02/skos/core#"
CONCEPT_BASE = "https://w3id.org/kg-trials/concept/"
_KG = "https://w3id.org/kg-trials/ontology#"


@dataclass(frozen=True)
class Concept:
    """One lexicon concept: its IRI (shared across papers), class, label and public id."""

    iri: str
    kind: str  # the kg class local name: Drug, Condition, CellType, ...
    label: str
    curie: str | None = None
    # "lexicon" for concepts of ontology/lexicon.ttl; otherwise how a paper introduced it
    # ("inn-stem": a drug name by its INN stem; "table": an AE term only a table names).
    # The graph builder writes the triples of non-lexicon concepts into the document's graph.
    source: str = "lexicon"


@dataclass
class Lexicon:
    """Concepts and the surface forms that name them."""

    concepts: dict[str, Concept] = field(default_factory=dict)
    # (surface form, concept iri, case-sensitive?)
    terms: list[tuple[str, str, bool]] = field(default_factory=list)
    # umbrella concepts (skos:topConceptOf their scheme, e.g. "adverse event"): a mention of
    # one is a finding only when negated ("no serious adverse events")
    generic: set[str] = field(default_factory=set)

    _index: dict[str, list[str]] | None = field(default=None, repr=False)
    # the field's dictionaries (DrugBank, MeSH) by whole name, set by the pipeline that loads them
    # (kg/nlp.py): (name, kind) -> concept or None
    dictionary: Callable[[str, str], Concept | None] | None = field(default=None, repr=False)
    # the concepts of the lexicon file alone, as loaded (begin_document goes back to them)
    _loaded: dict[str, Concept] | None = field(default=None, repr=False)

    def begin_document(self) -> None:
        """Forget the concepts earlier papers added (discovered, aliased, renamed, a dictionary's)
        before the next paper is read, so that what a paper yields does not depend on which
        papers this process read before it: a discovered concept's label is the one this
        paper first writes, whatever the order of the documents and the number of workers.
        Their IRIs do not change (one per kind and label, `discover`)."""
        if self._loaded is None:
            self._loaded = dict(self.concepts)
        elif len(self.concepts) != len(self._loaded):  # papers only add concepts (or rename added ones)
            self.concepts.clear()
            self.concepts.update(self._loaded)

    def by_label(self, label: str, kind: str | None = None) -> Concept | None:
        """Find a concept by any of its names (case-folded), optionally of one kind."""
        if self._index is None:
            self._index = {}
            for surface, iri, _cs in self.terms:
                self._index.setdefault(fold(surface), []).append(iri)
        for iri in self._index.get(fold(label), ()):
            c = self.concepts[iri]
            if kind is None or c.kind == kind:
                return c
        return None

    def named(self, label: str, kind: str) -> Concept | None:
        """A concept of one kind by a whole name: the lexicon's, else the dictionaries' (where a
        pipeline loaded them), so that a rewritten name ('obese' -> 'obesity') finds MeSH too."""
        c = self.by_label(label, kind)
        if c is None and self.dictionary is not None:
            c = self.dictionary(label, kind)
        return c

    def alias(self, label: str, of: Concept) -> Concept:
        """A concept named as papers write it ('depression') for a dictionary concept that names it
        otherwise ('depressive disorder'): kg's own IRI and label, the dictionary's public id."""
        slug = re.sub(r"[^a-z0-9]+", "-", fold(label)).strip("-")
        iri = f"{CONCEPT_BASE}alias/{of.kind.lower()}/{slug}"
        c = self.concepts.get(iri)
        if c is None:
            c = self.concepts[iri] = Concept(iri, of.kind, fold(label), of.curie, "alias")
        return c

    def discover(self, kind: str, label: str, source: str) -> Concept:
        """A concept for a term the lexicon lacks, one IRI per (kind, label) across papers."""
        slug = re.sub(r"[^a-z0-9]+", "-", fold(label)).strip("-")
        iri = f"{CONCEPT_BASE}{source}/{kind.lower()}/{slug}"
        c = self.concepts.get(iri)
        if c is None:
            c = self.concepts[iri] = Concept(iri, kind, fold(label), None, source)
        return c


@functools.lru_cache(maxsize=2**15)
def fold(s: str) -> str:
    """Case- and compatibility-folded form used to compare labels (memoised: the extractors
    fold the same words over and over)."""
    return " ".join(unicodedata.normalize("NFKC", s).split()).casefold()  # str.split's white space is re's \s


def load_lexicon(path: str | None = None) -> Lexicon:
    """The lexicon, parsed once per process and file (rdflib, ~0.5 s); every caller shares it.
    What a paper adds to it is forgotten before the next (`Lexicon.begin_document`)."""
    return _load(str(path or LEXICON_FILE))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> Lexicon:
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    g = Graph()
    g.parse(path, format="turtle")
    skos = lambda n: URIRef(_SKOS + n)  # noqa: E731
    kgp = lambda n: URIRef(_KG + n)  # noqa: E731
    lex = Lexicon()
    for s in sorted(set(g.subjects(RDF.type, skos("Concept")))):
        kinds = [str(o)[len(_KG):] for o in g.objects(s, RDF.type) if str(o).startswith(_KG)]
        kinds = [k for k in kinds if k != "Concept"]
        pref = next(iter(g.objects(s, skos("prefLabel"))), None)
        if not kinds or pref is None:
            continue
        notation = next(iter(g.objects(s, skos("notation"))), None)
        iri = str(s)
        lex.concepts[iri] = Concept(iri, kinds[0], str(pref), str(notation) if notation else None)
        for p in ("prefLabel", "altLabel", "hiddenLabel"):
            for o in g.objects(s, skos(p)):
                lex.terms.append((str(o), iri, False))
        for o in g.objects(s, kgp("abbreviation")):
            lex.terms.append((str(o), iri, True))
    lex.generic = {str(s) for s in g.subjects(skos("topConceptOf"), None)}
    lex.begin_document()  # what begin_document returns to
    return lex

