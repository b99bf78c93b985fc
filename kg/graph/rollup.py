"""The store's roll-up: what every screen lists, added up once for the whole store.

The registry keeps one summary per document (facts per class, per trial and per concept, the
nodes they name, triples per predicate, instances per class). A reader that added them up on
every open read all of them: 5.4 MB of JSON on 1,105 papers, 150-230 ms cold. The roll-up is
their sum, kept as ONE literal in the registry graph (`kgd:graph/registry kg:rollup "{json}"`)
and rewritten in the same transaction (or server update) that completes, replaces or removes
a document, so that it always matches the completed records; a reader checks it against the
records' states (cheap: one index scan of ~1 quad a document) and adds the summaries up itself
when it does not match.

Everything here is pure: dicts in, dicts out.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping

from kg.graph.vocab import KGD_NS

# 3: with each document's source (what `kg stats` lists). A writer makes a roll-up of another
# format again; a reader also uses one of format 2, which lacks only the sources (an older kg
# writing to the store makes its own format again, so it never leaves a stale source behind).
# 4: with "lined", facts per trial in graphs that state the trial's comparison lines
# (kg.graph.comparison): a trial whose count there equals its count in "trials" is compared
# from its lines. An older kg does not read format 4: it adds its roll-up up again without
# "lined", so a document it writes never leaves a trial counted as covered.
FORMAT = 4
READABLE = (2, 3, 4)
_COUNTERS = ("facts", "trials", "lined", "concepts", "predicates", "classes")
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_KG = "https://w3id.org/kg-trials/ontology#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_NAME_PREDICATES = (_SKOS + "prefLabel", _SKOS + "altLabel", _KG + "abbreviation")


def empty() -> dict:
    return {"format": FORMAT, "graphs": {}, "documents": {}, "sources": {}, "nodes": {}, "lexicon": {},
            "schema": {}, **{k: {} for k in _COUNTERS}}


def _merge_node(have: dict | None, d: dict) -> dict:
    """One node restated by two documents: the union of types, the smallest value of each
    other field (the same whichever order the documents come in). Never mutates its inputs."""
    if have is None:
        return d
    merged = {**d, **have}
    for k in d.keys() & have.keys():
        merged[k] = sorted(set(d[k]) | set(have[k])) if k == "types" else min(d[k], have[k])
    return merged


def _add_counts(into: dict, counts: Mapping, sign: int = 1) -> dict:
    out = dict(into)
    for k, n in counts.items():
        v = out.get(k, 0) + sign * n
        if v:
            out[k] = v
        else:
            out.pop(k, None)
    return out


def _counts(s: dict, key: str) -> Mapping:
    """A summary's counts as the roll-up keeps them. Facts per node the document minted for
    itself (a participant, an observation: IRIs under kgd:) are left out unless the document
    types that node a concept: never listed, they were half the roll-up on 1,105 papers and
    grew with every document."""
    counts = s.get(key) or {}
    if key != "concepts":
        return counts
    nodes = s.get("nodes", {})
    return {k: n for k, n in counts.items()
            if not k.startswith(KGD_NS) or "Concept" in nodes.get(k, {}).get("types", ())}


def added(rollup: dict, items: Iterable[tuple[str, dict]]) -> dict:
    """A new roll-up with the records (graph IRI, summary) of graphs it does not hold yet
    added. The input is left as it was (a failed write keeps the old one valid)."""
    out = dict(rollup)
    for k in ("graphs", "documents", "sources", "nodes", *_COUNTERS):
        out[k] = dict(rollup.get(k, {}))
    for graph, s in items:
        out["graphs"][graph] = s.get("triples", 0)
        if "doc" not in s:
            continue
        out["documents"][s["doc"]] = [graph, sum(s.get("facts", {}).values()), s.get("title", "")]
        if "source" in s:
            out["sources"][s["doc"]] = s["source"]
        if "nodes" not in s or "predicates" not in s:  # a record of an older kg: lists need more
            out["partial"] = True
        for k in _COUNTERS:
            if s.get(k):
                out[k] = _add_counts(out[k], _counts(s, k))
        for iri, d in s.get("nodes", {}).items():
            out["nodes"][iri] = _merge_node(out["nodes"].get(iri), d)
    return out


def replaced(rollup: dict, graph: str, old: dict, new: dict) -> dict | None:
    """The roll-up with one graph's summary replaced, or None when that cannot be done by
    difference (the nodes it states changed: their merged values cannot be taken back)."""
    if old.get("nodes", {}) != new.get("nodes", {}) or old.get("doc") != new.get("doc"):
        return None
    out = dict(rollup)
    for k in _COUNTERS:
        out[k] = _add_counts(_add_counts(rollup.get(k, {}), _counts(old, k), -1), _counts(new, k))
    out["graphs"] = {**rollup.get("graphs", {}), graph: new.get("triples", 0)}
    if "doc" in new:
        out["documents"] = {**rollup.get("documents", {}),
                            new["doc"]: [graph, sum(new.get("facts", {}).values()), new.get("title", "")]}
        out["sources"] = {k: v for k, v in rollup.get("sources", {}).items() if k != new["doc"]}
        if "source" in new:
            out["sources"][new["doc"]] = new["source"]
    return out


def build(records: Mapping[str, tuple[str, dict]], lexicon: dict | None = None, schema: dict | None = None,
          complete: str = "complete") -> dict:
    """The roll-up of every completed record (graph IRI → (state, summary)), in a fixed order,
    with the lexicon's names and the static graphs' classes and properties."""
    out = added(empty(), sorted((g, s) for g, (state, s) in records.items() if state == complete and s))
    out["lexicon"] = lexicon or {}
    out["schema"] = schema or {}
    return out


_OWL = "http://www.w3.org/2002/07/owl#"
_PROPERTY_TYPES = {_OWL + "ObjectProperty", _OWL + "DatatypeProperty",
                   "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property"}


def schema_of(triples: Iterable[tuple[str, str, str]]) -> dict[str, list[str]]:
    """The classes (used as a type, or declared) and properties (used, or declared) of a static
    graph (the ontology, the lexicon): what SPARQL completion offers besides the documents'
    own, kept here so that no screen scans those graphs."""
    classes, properties = set(), set()
    for s, p, o in triples:
        properties.add(p)
        if p == _RDF_TYPE:
            classes.add(o)
            if o == _OWL + "Class":
                classes.add(s)
            elif o in _PROPERTY_TYPES:
                properties.add(s)
    return {"classes": sorted(classes), "properties": sorted(properties)}


def lexicon_nodes(triples: Iterable[tuple[str, str, str]]) -> dict[str, dict]:
    """{concept IRI: {"types": [...], "label": ..., "names": [...]}} from the lexicon graph's
    (subject, predicate, object) strings: its concepts' kinds, preferred label (the smallest
    one) and every name, preferred labels before alternative ones and abbreviations."""
    out: dict[str, dict] = {}
    ranked: dict[str, list] = {}
    for s, p, o in triples:
        if p == _RDF_TYPE:
            out.setdefault(s, {}).setdefault("types", []).append(o.rsplit("#", 1)[-1])
        elif p in _NAME_PREDICATES:
            rank = _NAME_PREDICATES.index(p)
            d = out.setdefault(s, {})
            ranked.setdefault(s, []).append((rank, o))
            if rank == 0 and ("label" not in d or o < d["label"]):
                d["label"] = o
    for s, d in out.items():
        if "types" in d:
            d["types"] = sorted(d["types"])
        d["names"] = [n for _r, n in sorted(ranked.get(s, []))]
    return out


def consistent(rollup: dict | None, states: Mapping[str, set[str]], complete: str = "complete",
               formats: tuple[int, ...] = (FORMAT,)) -> bool:
    """True when the roll-up holds every completed graph, and no graph without a record: what a
    crash, an older kg's write or a lost race between two writers on a server would break."""
    if not rollup or rollup.get("format") not in formats:
        return False
    held = rollup.get("graphs", {})
    done = {g for g, st in states.items() if st == {complete}}
    return done <= held.keys() and held.keys() <= states.keys()


def dumps(rollup: dict) -> str:
    return json.dumps(rollup, sort_keys=True, separators=(",", ":"))


def stamp(text: str) -> str:
    """A roll-up's stamp: a digest of its JSON, so that writing the same roll-up again changes
    no quad, and a writer's conditional replace (on a server) holds whenever the roll-up it
    read is still the one stored."""
    import hashlib  # (only writers stamp: a reader's start-up need not load OpenSSL)

    return hashlib.sha256(text.encode()).hexdigest()[:16]


def loads(text: str) -> dict | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def sources(rollup: dict) -> dict[str, str] | None:
    """{document id: its source} for every document, sorted by id, as `kg stats` lists them;
    None when some document's record does not say (written by an older kg)."""
    held = rollup.get("sources") or {}
    if held.keys() != rollup.get("documents", {}).keys():
        return None
    return dict(sorted(held.items()))


def facts_total(rollup: dict) -> int:
    return sum(Counter(rollup.get("facts", {})).values())
