"""The facts JSON (shared/eval/FACTS.md), read back from the graph by SPARQL.

Nothing here sees an extractor's objects: every value comes from the store, so this
view also checks what the graph holds. Each document is read from its own named graph
(anchored queries, not scans of the union), with pyoxigraph alone: importing rdflib took
longer than a whole `kg facts DOC`.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections import defaultdict

import pyoxigraph as ox

from kg.graph.schema import FACT_CLASS, FIELDS, KG
from kg.graph.store import GraphStore
from kg.graph.vocab import doc_iri, graph_iri, sparql_prefixes

_DOCS = sparql_prefixes() + """
SELECT ?d ?id ?file ?title ?doi ?journal ?year ?issn ?nauthors WHERE {
  GRAPH ?g { ?d a kg:Document ; kg:sourceFile ?file . OPTIONAL { ?d dcterms:identifier ?id }
    OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d kg:doi ?doi } OPTIONAL { ?d kg:journal ?journal }
    OPTIONAL { ?d kg:year ?year } OPTIONAL { ?d kg:issn ?issn } OPTIONAL { ?d kg:authorCount ?nauthors } }
} ORDER BY ?file
"""
_FACTS = sparql_prefixes() + """
SELECT ?f ?type ?p ?o WHERE {
  GRAPH ?g { ?f kg:inDocument ?d ; a ?type ; ?p ?o . }
  FILTER (?type IN (kg:TrialAttribute, kg:DoseRegimen, kg:Endpoint, kg:Result, kg:AdverseEvent,
                    kg:MechanismFinding, kg:Participant))
  FILTER (?p NOT IN (rdf:type, prov:wasDerivedFrom, prov:wasGeneratedBy, kg:inDocument, kg:ofTrial))
} ORDER BY ?f
"""
_EVIDENCE = sparql_prefixes() + """
SELECT ?f ?start ?end ?exact ?section WHERE {
  GRAPH ?g { ?f kg:inDocument ?d ; prov:wasDerivedFrom ?ann .
    ?ann kg:section ?section ; oa:hasTarget/oa:hasSelector ?pos, ?quote .
    ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    ?quote a oa:TextQuoteSelector ; oa:exact ?exact . }
} ORDER BY ?f ?start
"""
_CONCEPTS = sparql_prefixes() + """
SELECT ?c ?label ?notation WHERE {
  VALUES ?c { %s }
  ?c skos:prefLabel ?label . OPTIONAL { ?c skos:notation ?notation }
}
"""
_XSD = "http://www.w3.org/2001/XMLSchema#"

_KIND_OF_CLASS = {str(v): k for k, v in FACT_CLASS.items()}
_DOCUMENT, _IN_DOC, _SURFACE, _CONFIDENCE = KG.Document, KG.inDocument, KG.surfaceText, KG.confidence
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_OA, _PROV = "http://www.w3.org/ns/oa#", "http://www.w3.org/ns/prov#"
_DERIVED = _PROV + "wasDerivedFrom"
_FIELD_OF_PRED = {kind: {str(pred): name for name, (pred, _t) in spec.items()} for kind, spec in FIELDS.items()}
_LISTS = {"intervention": "interventions", "endpoint": "endpoints", "result": "results",
          "adverse_event": "adverse_events", "mechanism": "mechanisms", "participant": "participants"}


def facts_json(store: GraphStore, doc_ids: list[str] | None = None) -> dict:
    """{"documents": [...]} for all stored documents, or the ones named (in file-name order)."""
    if doc_ids:
        graphs = list(dict.fromkeys(graph_iri(d) for d in doc_ids))
        complete = {graph_iri(d) for d in store.stored_documents(doc_ids)}
    else:
        graphs = [graph_iri(d) for d in store.documents()]
        complete = set(graphs)
    read = []
    for g in graphs:
        if g not in complete:
            continue
        # a completed graph named in the query: no dataset to restrict, no SERVICE to refuse
        for row in _select(store, _in_graph(_DOCS, g), direct=True):
            read.append(((row["file"].value, _doc_id(row)), read_graph(store, g, row)))
    read.sort(key=lambda x: x[0])
    concepts = _concepts(store, {iri for _f, (_r, _fa, _e, used) in read for iri in used})
    return {"documents": [_document(*parts, concepts) for _f, parts in read]}


def document_text(store: GraphStore, doc_id: str) -> str | None:
    """The text that a document's evidence offsets index, as stored in its graph (pyoxigraph
    alone: `kg text` imported rdflib for this, ~4x its start-up)."""
    q = f"SELECT ?t WHERE {{ GRAPH <{graph_iri(doc_id)}> {{ <{doc_iri(doc_id)}> <{KG.text}> ?t }} }}"
    for row in store.ox_query(q):
        return row[0].value
    return None


def _doc_id(row: dict) -> str:
    """The document's id as stored (graphs written before ids were stored: the file name's stem)."""
    return row["id"].value if row.get("id") is not None else row["file"].value.split(".")[0]


def _select(store: GraphStore, sparql: str, direct: bool = False) -> list[dict]:
    """Rows as {variable: pyoxigraph term} (unbound variables left out). `direct`: by the
    engine itself, for a query of kg's own that reads only completed graphs it names."""
    res = store.ox.query(sparql) if direct else store.ox_query(sparql)
    names = [v.value for v in res.variables]
    return [{n: t for n, t in zip(names, row) if t is not None} for row in res]


def _in_graph(query: str, graph: str) -> str:
    """The query restricted to one document's named graph."""
    return query.replace("GRAPH ?g {", f"GRAPH <{graph}> {{", 1)


def _py(term: object) -> object:
    """A Python value for a literal (as rdflib's toPython would give; decimals as floats), or
    the IRI string."""
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if not term.language else ""
        v = term.value
        try:
            if dt in (_XSD + "integer", _XSD + "int", _XSD + "long", _XSD + "nonNegativeInteger"):
                return int(v)
            if dt in (_XSD + "decimal", _XSD + "double", _XSD + "float"):
                return float(v)  # (of an xsd:decimal, the same float as float(Decimal(v)))
            if dt == _XSD + "boolean":
                return v in ("true", "1")
        except (ValueError, ArithmeticError):
            return v
        return v
    return term.value


_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
_NOTATION = ox.NamedNode("http://www.w3.org/2004/02/skos/core#notation")


def _concepts(store: GraphStore, iris: set[str]) -> dict:
    """{IRI: (label, CURIE or None)} of the concepts the documents name, as _CONCEPTS gives
    them over the union of the graphs (a concept restated by many documents: the last row)."""
    if isinstance(store.ox, ox.Store) and store._visible_graphs() is None:
        return _concepts_by_values(store.ox, iris)
    out: dict[str, tuple[str, str | None]] = {}
    chunk = sorted(iris)
    for i in range(0, len(chunk), 500):
        values = " ".join(f"<{c}>" for c in chunk[i:i + 500])
        for r in _select(store, _CONCEPTS % values):
            out[r["c"].value] = (r["label"].value, r["notation"].value if "notation" in r else None)
    return out


# each concept's distinct labels (?k 0) and notations (?k 1) over the named graphs
_CONCEPT_VALUES = f"""SELECT DISTINCT ?c ?k ?v WHERE {{ VALUES ?c {{ %s }} GRAPH ?g {{
  {{ ?c <{_LABEL.value}> ?v BIND(0 AS ?k) }} UNION {{ ?c <{_NOTATION.value}> ?v BIND(1 AS ?k) }} }} }}"""


def _concepts_by_values(ox_store: ox.Store, iris: set[str]) -> dict:
    """_concepts_by_scans' answer from each concept's distinct label and notation: every document
    that names a concept restates its label, and a scan decoded each restatement (~1,000 of a
    common concept on a 1,000-paper store, ~10 ms cold for a paper's 20 concepts), while the
    engine's DISTINCT compares the stored terms and decodes one (2.5x faster). A concept given
    two labels or two notations is read by the scans, which pick the last, as before."""
    values: dict[tuple[str, str], list[str]] = defaultdict(list)
    chunk = sorted(iris)
    for i in range(0, len(chunk), 500):
        for c, k, v in ox_store.query(_CONCEPT_VALUES % " ".join(f"<{c}>" for c in chunk[i:i + 500])):
            values[c.value, k.value].append(v.value)
    out: dict[str, tuple[str, str | None]] = {}
    for c in chunk:
        labels, notations = values.get((c, "0"), ()), values.get((c, "1"), ())
        if len(labels) > 1 or len(notations) > 1:
            out.update(_concepts_by_scans(ox_store, {c}))
        elif labels:
            out[c] = (labels[0], notations[0] if notations else None)
    return out


def _concepts_by_scans(ox_store: ox.Store, iris: set[str]) -> dict:
    """_concepts by two index scans a concept (its labels, its notations, in every named graph):
    the same answer, in the engine's order (subject, predicate, object, graph), ~3x faster than
    the query, whose OPTIONAL joined every restated label with every restated notation."""
    out: dict[str, tuple[str, str | None]] = {}
    for c in sorted(iris):
        node = ox.NamedNode(c)
        label = notation = None
        for q in ox_store.quads_for_pattern(node, _LABEL, None, None):
            if not isinstance(q.graph_name, ox.DefaultGraph):
                label = q.object.value
        if label is None:
            continue
        for q in ox_store.quads_for_pattern(node, _NOTATION, None, None):
            if not isinstance(q.graph_name, ox.DefaultGraph):
                notation = q.object.value
        out[c] = (label, notation)
    return out


_FACT_PREDS = sorted({KG.surfaceText, KG.confidence} | {pred for spec in FIELDS.values() for pred, _t in spec.values()})


def read_graph(store: GraphStore, g: str, row: dict) -> tuple:
    """(the document row, fields of each fact, evidence, concept IRIs used) from a document's
    graph, by one index scan per predicate: only the terms a fact needs are decoded (a scan of
    the whole graph decodes each section, observation and IRI too, and took longer).

    A fact's surface texts come in the index's order of their values; the first is its "text"
    (the SPARQL engine's order, which an earlier reader kept, depends on its plan).
    """
    graph = ox.NamedNode(g)

    def scan(pred: str, obj: str | None = None):
        return store.ox.quads_for_pattern(None, ox.NamedNode(pred), obj and ox.NamedNode(obj), graph)

    in_doc = {q.subject.value for q in scan(_IN_DOC)}
    kinds: dict[str, str] = {}
    for cls, kind in _KIND_OF_CLASS.items():
        for q in scan(_RDF_TYPE, cls):
            if q.subject.value in in_doc:
                kinds[q.subject.value] = kind
    facts: dict[str, dict] = {f: {} for f in sorted(kinds)}  # IRI order, as the reference's ORDER BY ?f
    surfaces: dict[str, list[str]] = defaultdict(list)
    used: set[str] = set()
    for pred in _FACT_PREDS:
        for q in scan(pred):
            f = q.subject.value
            fields = facts.get(f)
            if fields is None:
                continue
            o = q.object
            if pred == _SURFACE:
                surfaces[f].append(o.value)
            elif pred == _CONFIDENCE:
                fields["confidence"] = _py(o)
            else:
                name = _FIELD_OF_PRED[kinds[f]].get(pred)
                if name:
                    fields[name] = _py(o)
                    if isinstance(o, ox.NamedNode):
                        used.add(o.value)
    return row, (facts, kinds, surfaces), _read_evidence(scan, in_doc), used


def _read_evidence(scan, in_doc: set[str]) -> dict[str, list[dict]]:
    """{fact: [{start, end, text, section}]} ordered by start, as _EVIDENCE gives them."""
    def objects(pred: str) -> dict[str, list]:
        out: dict[str, list] = defaultdict(list)
        for q in scan(pred):
            out[q.subject.value].append(q.object)
        return out

    section, target, selectors = objects(KG.section), objects(_OA + "hasTarget"), objects(_OA + "hasSelector")
    start, end, exact = objects(_OA + "start"), objects(_OA + "end"), objects(_OA + "exact")
    # a selector with oa:start is the TextPositionSelector, one with oa:exact the TextQuoteSelector
    # (shapes.ttl requires the types; not scanning them saves an eighth of the read)
    rows: dict[str, list[dict]] = defaultdict(list)
    for q in scan(_DERIVED):
        f, ann = q.subject.value, q.object.value
        if f not in in_doc:
            continue
        for sec in section.get(ann, ()):
            for t in target.get(ann, ()):
                sels = [s.value for s in selectors.get(t.value, ())]
                for pos in (s for s in sels if s in start):
                    for quote in (s for s in sels if s in exact):
                        for st in start.get(pos, ()):
                            for en in end.get(pos, ()):
                                for ex in exact.get(quote, ()):
                                    rows[f].append({"start": int(st.value), "end": int(en.value),
                                                    "text": ex.value, "section": sec.value})
    for f in rows:
        rows[f].sort(key=lambda r: r["start"])
    return rows


def _document(row: dict, parts: tuple, evidence: dict, _used: set, concepts: dict) -> dict:
    facts, kinds, surfaces = parts
    out: dict[str, object] = {
        "doc": _doc_id(row),
        "source_file": row["file"].value,
        "title": _py(row["title"]) if row.get("title") is not None else None,
        "publication": {k: _py(row[v]) for k, v in (("doi", "doi"), ("journal", "journal"), ("year", "year"),
                                                      ("issn", "issn"), ("n_authors", "nauthors")) if v in row},
    }
    trial: dict[str, object] = {"registry_ids": [], "acronym": None, "phase": None, "design": [],
                             "n_enrolled": None, "conditions": [], "evidence": {}}
    lists: dict[str, list] = {name: [] for name in _LISTS.values()}
    lists["concomitant_interventions"] = []
    for f in sorted(facts, key=lambda x: _first_start(evidence.get(x, ()))):
        kind, fields = kinds[f], facts[f]
        ev = evidence.get(f, [])
        if kind == "trial":
            _trial_attribute(trial, fields, ev, concepts)
            continue
        item = _item(kind, fields, concepts, surfaces[f])
        item["evidence"] = ev
        if kind == "intervention" and fields.get("role") not in (None, "study"):
            lists["concomitant_interventions"].append(item)
        else:
            lists[_LISTS[kind]].append(item)
    out["trial"] = trial
    _agent_synonyms(lists)
    out.update(lists)
    return out


def _agent_synonyms(lists: dict[str, list]) -> None:
    """A mechanism's agent is one of the paper's interventions: it offers the names the paper gives
    that intervention ('IMOD' beside 'setarud'), so a search by any of them finds the effect."""
    names: dict[str, list[str]] = defaultdict(list)
    for it in lists["interventions"] + lists["concomitant_interventions"]:
        if it.get("drug_iri"):
            names[it["drug_iri"]] += [it.get("drug"), *it.get("drug_synonyms", [])]
    for m in lists["mechanisms"]:
        other = [n for n in names.get(m.get("agent_iri"), ()) if n and n != m.get("agent")]
        if other:
            m["agent_synonyms"] = list(dict.fromkeys(other))


def _first_start(ev: list[dict]) -> int:
    return min((e["start"] for e in ev), default=0)


def _concept_fields(name: str, iri: str, concepts: dict) -> dict:
    label, curie = concepts.get(iri, (iri.rsplit("/", 1)[-1], None))
    return {name: label, f"{name}_id": curie, f"{name}_iri": iri}


def _item(kind: str, fields: dict, concepts: dict, surfaces: list[str]) -> dict:
    """One list entry of the facts JSON, concepts as labels with their CURIE and IRI."""
    item: dict[str, object] = {}
    spec = FIELDS[kind]
    for name, (_pred, vtype) in spec.items():
        value = fields.get(name)
        if vtype == "concept" and value is not None:
            item.update(_concept_fields(name, value, concepts))
        else:
            item[name] = value
    if kind == "adverse_event":
        item["negated"] = bool(item.get("negated"))
    main = {"adverse_event": "term", "intervention": "drug", "mechanism": "target", "endpoint": "name"}.get(kind)
    if main and surfaces:
        item["text"] = surfaces[0]
        item[f"{main}_synonyms"] = list(dict.fromkeys(surfaces))
    if kind == "endpoint" and item.get("name"):
        names = [item["name"], *item.get("name_synonyms", [])]
        extra = [v for n in names for v in head_final(n)] + [item.get("instrument")]
        item["name_synonyms"] = list(dict.fromkeys(x for x in [*names[1:], *extra] if x))
    if "confidence" in fields:
        item["confidence"] = fields["confidence"]
    return item


def head_final(phrase: str) -> list[str]:
    """'reduction of corticosteroid dosage' → 'corticosteroid dosage reduction' (English compounds)."""
    m = re.fullmatch(r"(?:the\s+)?(\w[\w-]*)\s+of\s+(?:the\s+)?(.+)", phrase.strip(), re.IGNORECASE)
    return [f"{m.group(2)} {m.group(1)}"] if m else []


def _condition_item(label: str, curie: str | None, ev: list[dict]) -> dict:
    """A condition named as the paper writes it ("benign prostatic hyperplasia", "COPD"), as
    the facts format asks, with the vocabulary's preferred name beside it."""
    written = " ".join(ev[0]["text"].split()) if ev else ""
    if _derived_word(written, label):
        written = label  # 'asthmatic subjects', 'depressed adolescents': the adjective names asthma, depression
    item = {"label": written or label, "id": curie, "evidence": ev}
    if item["label"] != label:
        item["concept_label"] = label
    return item


@functools.lru_cache(maxsize=1)
def _derived_word_endings() -> tuple[str, ...]:
    # os.path, not pathlib: a plain `kg facts` imports no pathlib (tests/test_import_hygiene.py)
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                        "ontology", "conditions.json")
    with open(path, encoding="utf-8") as f:
        return tuple(json.load(f)["derived_word_endings"])


def _derived_word(written: str, label: str) -> bool:
    """A one-word adjective or noun made from the condition's name ('asthmatic' of asthma,
    'obese' of obesity, 'diabetics' of diabetes), not the name itself, its plural nor an acronym."""
    w, words = written.lower(), label.lower().split()
    if not w or " " in w or written.isupper() or w in words or not words:
        return False
    if not w.endswith(_derived_word_endings()):
        return False  # 'Migraines' is the name as written, not a word made from it
    return any(len(os.path.commonprefix([w, word])) >= 4 for word in words)


def _trial_attribute(trial: dict, fields: dict, ev: list[dict], concepts: dict) -> None:
    attr, value = fields.get("attribute"), fields.get("value")
    if attr in ("design", "condition"):
        key = "design" if attr == "design" else "conditions"
        label, curie = concepts.get(value, (value, None))
        if key == "conditions":
            trial[key].append(_condition_item(label, curie, ev))
        else:
            trial[key].append({"label": label, "id": curie, "evidence": ev})
    elif attr == "registry_id":
        trial["registry_ids"].append(value)
        trial["evidence"].setdefault("registry_ids", []).extend(ev)
    elif attr == "site":
        trial.setdefault("sites", []).append(value)
        trial["evidence"].setdefault("sites", []).extend(ev)
    elif attr in ("acronym", "phase", "n_enrolled", "n_analysed", "sponsor", "start_date", "end_date"):
        if trial.get(attr) is None:
            trial[attr] = value
            trial["evidence"][attr] = ev
