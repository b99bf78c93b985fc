"""What a writer builds of a document before it goes in the store: its quads as N-Quads and
the registry summary of them. Only ingest needs this; readers (`kg facts`, `kg query`) do
not import it (dataclasses alone took ~8 ms of CPU at start-up)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pyoxigraph as ox

from kg import __version__
from kg.graph.comparison import LINE_COUNT
from kg.graph.schema import FACT_CLASS
from kg.graph.vocab import KG_NS, PREFIXES, RDF_TYPE

_TYPE = ox.NamedNode(RDF_TYPE)
_IN_DOCUMENT = ox.NamedNode(KG_NS + "inDocument")
_FACT_CLASSES = {ox.NamedNode(i): i[len(KG_NS):] for i in FACT_CLASS.values()}
_OF_TRIAL = ox.NamedNode(KG_NS + "ofTrial")
_PROV = "http://www.w3.org/ns/prov#"
_NOT_CONCEPT_LINKS = {_TYPE, _IN_DOCUMENT, _OF_TRIAL, ox.NamedNode(_PROV + "wasDerivedFrom"),
                      ox.NamedNode(_PROV + "wasGeneratedBy")}
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_NODE_FIELDS = {_TYPE: "types", ox.NamedNode(_SKOS + "prefLabel"): "label", ox.NamedNode(KG_NS + "acronym"): "acronym",
                ox.NamedNode(KG_NS + "phase"): "phase", ox.NamedNode(KG_NS + "condition"): "condition"}
_PREFIXES_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
_DOC_FIELDS = {ox.NamedNode("http://purl.org/dc/terms/title"): "title", ox.NamedNode(KG_NS + "year"): "year",
               ox.NamedNode(KG_NS + "sourceFile"): "file"}
_SOURCE_FILE = ox.NamedNode(KG_NS + "sourceFile")
_LINE_COUNT = ox.NamedNode(LINE_COUNT)
# read for `source` only (what `kg stats` lists), not kept in the summary themselves
_SOURCE_FIELDS = {ox.NamedNode("http://purl.org/dc/terms/identifier"): "id", ox.NamedNode(KG_NS + "sourcePath"): "path"}


@dataclass
class GraphWrite:
    """One document's named graph, ready to write (made in a worker process, so: bytes)."""

    doc_id: str
    graph: str
    nquads: bytes  # every quad of the graph, as N-Quads (the bulk loader's input)
    summary: dict  # doc, sha256, kg_version, triples, facts (by class)
    source_path: str = ""  # the file it was read from (kg.identity.check_stored_source)


def as_nquads(graph: str, triples: list[tuple]) -> bytes:
    """A graph's triples as the N-Quads `ox.serialize` writes of them, line for line, from
    each term object's N-Triples form made once: build.py reuses one object for a node in
    all its triples, and a pyoxigraph Quad made per triple cost more than the rest of the
    serialisation. Keyed by object identity (the triples hold every term alive meanwhile):
    hashing a term hashes its whole text, the document's included."""
    text: dict[int, str] = {}
    g = f" {ox.NamedNode(graph)} .\n"
    lines = []
    add = lines.append
    for s, p, o in triples:
        if (st := text.get(id(s))) is None:
            st = text[id(s)] = str(s)
        if (pt := text.get(id(p))) is None:
            pt = text[id(p)] = str(p)
        if (ot := text.get(id(o))) is None:
            ot = text[id(o)] = str(o)
        add(f"{st} {pt} {ot}{g}")
    return "".join(lines).encode("utf-8")


def summarise(doc_id: str, sha256: str, quads: list) -> dict:
    """What the registry records of a graph (given as its quads or its triples): its quad count,
    facts by class, and what every screen lists without scanning the store — the facts per
    trial and per concept they name
    (any IRI a fact points to but its trial, document, provenance and type), and the
    document's title, year, file and source (the file's absolute path as stored, else its
    name: what `kg stats` lists, kept in the store's roll-up so that it reads no document graph)."""
    distinct = set(_triples(quads))
    in_doc = {s for s, p, _o in distinct if p == _IN_DOCUMENT}
    facts = Counter(_FACT_CLASSES[o] for s, p, o in distinct
                    if p == _TYPE and o in _FACT_CLASSES and s in in_doc)
    # keyed by term, named once at the end: a term's `.value` is a new string at each call
    trial_facts: dict[ox.NamedNode, set] = {}
    concept_facts: dict[ox.NamedNode, set] = {}
    meta: dict[str, str] = {}
    source: dict[ox.NamedNode, dict[str, str]] = {}
    by_predicate = Counter(p for _s, p, _o in distinct)
    by_class = Counter(o for _s, p, o in distinct if p == _TYPE and isinstance(o, ox.NamedNode))
    for s, p, o in distinct:
        if s in in_doc and isinstance(o, ox.NamedNode):
            if p == _OF_TRIAL:
                trial_facts.setdefault(o, set()).add(s)
            elif p not in _NOT_CONCEPT_LINKS:
                concept_facts.setdefault(o, set()).add(s)
        elif p in _DOC_FIELDS and isinstance(o, ox.Literal):
            meta[_DOC_FIELDS[p]] = o.value
            if p == _SOURCE_FILE:
                source.setdefault(s, {})["file"] = o.value
        elif p in _SOURCE_FIELDS and isinstance(o, ox.Literal):
            source.setdefault(s, {})[_SOURCE_FIELDS[p]] = o.value
    trials = {t.value: f for t, f in trial_facts.items()}
    concepts = {c.value: f for c, f in concept_facts.items()}
    predicates = Counter({p.value: n for p, n in by_predicate.items()})
    classes = Counter({c.value: n for c, n in by_class.items()})
    # as kg.graph.store.document_sources lists the document (by its identifier): its path, else file
    listed = [d.get("path", d["file"]) for d in source.values() if "file" in d and d.get("id") == doc_id]
    if len(listed) == 1:
        meta["source"] = listed[0]
    per_trial = {t: len(f) for t, f in sorted(trials.items())}
    # a graph that states its comparison lines covers each of its trials' facts (kg.graph.comparison)
    lined = per_trial if predicates.get(LINE_COUNT) else {}
    return {"doc": doc_id, "sha256": sha256, "kg_version": __version__, "triples": len(distinct),
            "facts": dict(sorted(facts.items())), "trials": per_trial, "lined": lined,
            "concepts": {c: len(f) for c, f in sorted(concepts.items())},
            "predicates": _curies(predicates), "classes": _curies(classes),
            "nodes": _node_details(distinct, set(trials) | set(concepts)), **meta}


def _triples(quads: list) -> list:
    """(subject, predicate, object) of each quad of one graph, or the triples themselves."""
    if not quads or isinstance(quads[0], tuple):
        return quads
    return [(q.subject, q.predicate, q.object) for q in quads]


def _curies(counts: Counter) -> dict[str, int]:
    """Counts keyed by prefixed name where a known prefix fits (a third of the JSON of full IRIs:
    the registry is read whole when a reader opens the store)."""
    out = {}
    for iri, n in counts.items():
        for prefix, ns in _PREFIXES_LONGEST_FIRST:
            if iri.startswith(ns) and iri[len(ns):].replace("_", "").replace("-", "").isalnum():
                iri = f"{prefix}:{iri[len(ns):]}"
                break
        out[iri] = n
    return dict(sorted(out.items()))


def _node_details(triples: set[tuple], nodes: set[str]) -> dict[str, dict]:
    """What the graph itself states of the trials and concepts its facts name — types, label,
    and a trial's acronym, phase and condition — so that lists of them (the TUI's explorer)
    are added up from the records instead of a lookup per node in a store where every
    document graph restates them. Concepts the lexicon defines are not restated here."""
    out: dict[str, dict] = {}
    for subject, p, o in triples:
        s = subject.value
        if s not in nodes or not (key := _NODE_FIELDS.get(p)):
            continue
        d = out.setdefault(s, {})
        if key == "types":
            d.setdefault("types", []).append(o.value.rsplit("#", 1)[-1])
        elif key not in d or str(o.value) < d[key]:  # one value, the same whichever order
            d[key] = o.value
    for d in out.values():
        if "types" in d:
            d["types"] = sorted(set(d["types"]))
    # a node the graph only types (an observation, a concept of the lexicon) adds nothing to a list
    return {n: d for n, d in sorted(out.items()) if d.keys() - {"types"}}
