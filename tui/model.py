"""Reading what the screens show from the store: the explorer catalog, vocabularies, entity views.

Every function here runs queries and is meant for a worker thread; none touches the UI.
"""

from __future__ import annotations

from collections import defaultdict

from kg.graph.store import GraphStore
from kg.graph.views import short
from tui import queries as Q
from tui.catalog import Catalog, EntityView, Entry, FactRow, Vocabulary, doc_id, node_label
from tui.evidence import Evidence


def load_catalog(store: GraphStore) -> Catalog:
    """Trials, concepts used by facts (drugs, conditions, AE terms, targets) and documents:
    from the store's roll-up (one literal, kept at ingest: kg.graph.rollup), else added up
    from the registry's per-document summaries, with labels and kinds read for the
    concepts and trials they name (anchored queries); a store without those summaries is
    scanned instead."""
    rollup = store.rollup() if hasattr(store, "rollup") else None
    if rollup and rollup["documents"] and not rollup.get("partial"):
        return _catalog_from_rollup(store, rollup)
    summaries = store.document_summaries() if hasattr(store, "document_summaries") else []
    if summaries and all("nodes" in s for s in summaries):
        return _catalog_from_nodes(store, summaries)
    if summaries and all("concepts" in s for s in summaries):
        return _catalog_from_summaries(store, summaries)
    return _catalog_by_scan(store)


_SKOS = "http://www.w3.org/2004/02/skos/core#"


def lexicon_nodes(store: GraphStore) -> dict[str, dict]:
    """{concept IRI: {"types": [...], "label": ..., "names": [...]}} of the lexicon graph, read
    by index scans of that graph alone (a few thousand quads) and kept on the store object:
    the lexicon changes only when a writer reloads it."""
    cached = getattr(store, "_tui_lexicon", None)
    if cached is not None:
        return cached
    rollup = store.rollup() if hasattr(store, "rollup") else None
    if rollup and rollup.get("lexicon"):
        store._tui_lexicon = rollup["lexicon"]
        return store._tui_lexicon
    import pyoxigraph as ox

    from kg.graph.store import LEXICON_GRAPH
    from kg.graph.vocab import KG_NS, RDF_TYPE

    def pairs(predicate: str):
        """(subject, object) of the lexicon graph's triples with this predicate: an index scan
        of that graph on the embedded store, a SPARQL query on a store behind a server."""
        if isinstance(getattr(store, "ox", None), ox.Store):
            return ((q.subject.value, q.object.value) for q in
                    store.ox.quads_for_pattern(None, ox.NamedNode(predicate), None, ox.NamedNode(LEXICON_GRAPH)))
        rows = store.select(f"SELECT ?s ?o WHERE {{ GRAPH <{LEXICON_GRAPH}> {{ ?s <{predicate}> ?o }} }}")
        return ((str(r["s"]), str(r["o"])) for r in rows)

    out: dict[str, dict] = {}
    for s, o in pairs(RDF_TYPE):
        out.setdefault(s, {}).setdefault("types", []).append(o.rsplit("#", 1)[-1])
    for rank, p in enumerate((_SKOS + "prefLabel", _SKOS + "altLabel", KG_NS + "abbreviation")):
        for s, o in pairs(p):
            d = out.setdefault(s, {})
            d.setdefault("names", []).append((rank, o))
            if rank == 0 and ("label" not in d or o < d["label"]):
                d["label"] = o
    for d in out.values():
        d["names"] = [n for _r, n in sorted(d.get("names", []))]
    store._tui_lexicon = out
    return out


def _catalog_from_nodes(store: GraphStore, summaries: list[dict]) -> Catalog:
    """The catalog added up from the registry's summaries alone (a store object without a
    roll-up): kg.graph.rollup adds them up as the store's roll-up does."""
    from kg.graph import rollup as rollups

    return _catalog_from_rollup(store, rollups.added(rollups.empty(), ((str(i), s) for i, s in enumerate(summaries))))


def _catalog_from_rollup(store: GraphStore, rollup: dict) -> Catalog:
    """The catalog from the store's roll-up: facts per trial and concept, and what the
    document graphs state of the trials and concepts their facts name (types, label,
    acronym, phase, condition); the lexicon's concepts from the lexicon graph. No query per
    node (on 1,000 papers the anchored look-ups took over a second) and no per-document record
    read (5.4 MB of JSON on 1,105 papers)."""
    from kg.graph.vocab import doc_iri

    cat = Catalog()
    trials, concepts, nodes = rollup["trials"], rollup["concepts"], rollup["nodes"]
    for doc, (_graph, n, title) in rollup["documents"].items():
        cat.entries.append(Entry(doc_iri(doc), doc, "document", n, title))
        cat.facts += n
    cat.documents = len(rollup["documents"])
    lex = lexicon_nodes(store)

    def label_of(iri: str) -> str | None:
        return (lex.get(iri) or {}).get("label") or (nodes.get(iri) or {}).get("label")

    for t, n in trials.items():
        d = nodes.get(t, {})
        cond = label_of(d["condition"]) if "condition" in d else None
        detail = " · ".join(x for x in (d.get("phase"), cond) if x)
        name = node_label(t)
        label = f"{d['acronym']} ({name})" if d.get("acronym") and d["acronym"] != name else name
        cat.entries.append(Entry(t, label, "trial", n, detail))
    for c, n in concepts.items():
        types = set((lex.get(c) or {}).get("types", [])) | set((nodes.get(c) or {}).get("types", []))
        label = label_of(c)
        if "Concept" not in types or label is None:
            continue
        for t in sorted(types):
            if kind := Q.CONCEPT_KINDS.get(t):
                cat.entries.append(Entry(c, label, kind, n))
    cat.triples = store.triple_count()
    return cat


def _catalog_from_summaries(store: GraphStore, summaries: list[dict]) -> Catalog:
    from collections import Counter

    from kg.graph.vocab import doc_iri

    cat = Catalog()
    trials: Counter = Counter()
    concepts: Counter = Counter()
    for s in summaries:
        trials.update(s.get("trials", {}))
        concepts.update(s.get("concepts", {}))
        n = sum(s.get("facts", {}).values())
        cat.entries.append(Entry(doc_iri(s["doc"]), s["doc"], "document", n, s.get("title", "")))
        cat.facts += n
    cat.documents = len(summaries)
    info: dict[str, dict] = {}
    for chunk in _chunks(sorted(trials)):
        for r in store.select(Q.trial_details(chunk)):
            info[str(r["t"])] = r
    for t, n in trials.items():
        r = info.get(t, {})
        detail = " · ".join(str(r[k]) for k in ("phase", "condition") if k in r)
        name = node_label(t)
        label = f"{r['acronym']} ({name})" if "acronym" in r and str(r["acronym"]) != name else name
        cat.entries.append(Entry(t, label, "trial", n, detail))
    for chunk in _chunks(sorted(concepts)):
        for r in store.select(Q.concept_details(chunk)):
            kind = Q.CONCEPT_KINDS.get(str(r["type"]).rsplit("#", 1)[-1])
            if kind:
                cat.entries.append(Entry(str(r["c"]), str(r["label"]), kind, concepts[str(r["c"])]))
    cat.triples = store.triple_count()
    return cat


def _catalog_by_scan(store: GraphStore) -> Catalog:
    cat = Catalog()
    for r in store.select(Q.TRIALS):
        detail = " · ".join(str(r[k]) for k in ("phase", "condition") if k in r)
        name = node_label(str(r["t"]))
        label = f"{r['acronym']} ({name})" if "acronym" in r and str(r["acronym"]) != name else name
        cat.entries.append(Entry(str(r["t"]), label, "trial", int(r["n"]), detail))
    for r in store.select(Q.CONCEPTS):
        kind = Q.CONCEPT_KINDS.get(str(r["type"]).rsplit("#", 1)[-1])
        if kind:
            cat.entries.append(Entry(str(r["c"]), str(r["label"]), kind, int(r["n"])))
    for r in store.select(Q.DOCUMENTS):
        title = str(r.get("title") or "")
        cat.entries.append(Entry(str(r["d"]), node_label(str(r["g"])), "document", int(r["n"]), title))
        cat.documents += 1
    rows = store.select(Q.FACT_COUNTS)
    cat.facts = int(rows[0]["n"]) if rows else 0
    cat.triples = store.triple_count()
    return cat


def load_vocabulary(store: GraphStore, catalog: Catalog) -> Vocabulary:
    """Classes and properties present in the graph (and the ontology), with their counts where
    the registry's summaries record them, and concept names: the catalog's labels and the
    lexicon's labels, synonyms and abbreviations (never a scan of every label in the store:
    each document graph restates the labels of the concepts it introduces)."""
    from collections import Counter

    from rdflib import URIRef

    def pname(iri) -> str | None:
        s = short(URIRef(str(iri)))
        return None if s.startswith("<") else s

    v = Vocabulary()
    from kg.graph.store import LEXICON_GRAPH, ONTOLOGY_GRAPH
    from kg.graph.vocab import graph_iri

    rollup = store.rollup() if hasattr(store, "rollup") else None
    if rollup and rollup["documents"]:
        counted = bool(rollup.get("predicates"))
        summaries = [rollup]
    else:
        summaries = store.document_summaries() if hasattr(store, "document_summaries") else []
        counted = bool(summaries) and all("predicates" in s for s in summaries)
    graphs = [ONTOLOGY_GRAPH, LEXICON_GRAPH]
    if not counted:  # every document uses the same vocabulary: one stands for all
        graphs += [graph_iri(doc_id(d.iri)) for d in catalog.entries if d.kind == "document"][:1]
    schema = (rollup or {}).get("schema", {})
    if counted and all(g in schema for g in graphs):  # the static graphs' vocabulary, kept in the roll-up
        classes = {n for g in graphs for c in schema[g]["classes"] if (n := pname(c))}
        properties = {n for g in graphs for p in schema[g]["properties"] if (n := pname(p))}
    else:
        classes = {n for r in store.select(Q.with_prefixes(Q.classes(graphs))) if (n := pname(r["c"]))}
        properties = {n for r in store.select(Q.with_prefixes(Q.properties(graphs))) if (n := pname(r["p"]))}
    if counted:
        by_class: Counter = Counter()
        by_property: Counter = Counter()
        for s in summaries:
            by_class.update(s["classes"])
            by_property.update(s["predicates"])
        # keys are prefixed names where a known prefix fits (kg.graph.writes._curies), else IRIs
        v.class_counts = {n: c for key, c in by_class.items() if (n := key if "://" not in key else pname(key))}
        v.property_counts = {n: c for key, c in by_property.items()
                             if (n := key if "://" not in key else pname(key))}
        classes |= set(v.class_counts)
        properties |= set(v.property_counts)
    v.classes, v.properties = sorted(classes), sorted(properties)
    concepts = [e for e in catalog.entries if e.kind not in ("trial", "document")]
    v.concepts = sorted({n for e in concepts if (n := pname(e.iri))})
    ranked = []
    used = set()
    for e in concepts:
        if e.iri not in used:
            used.add(e.iri)
            v.names.setdefault(e.iri, []).append(e.label)
            ranked.append((False, 0, e.label.casefold(), e.label))
    for iri, d in lexicon_nodes(store).items():
        names = v.names.setdefault(iri, [])
        for rank, name in enumerate(d.get("names", [])):
            if name not in names:
                names.append(name)
            ranked.append((iri not in used, min(rank, 1) if rank else 0, name.casefold(), name))
    for iri, names in v.names.items():
        for name in names:
            if iri in used or name.casefold() not in v.label_index:
                v.label_index[name.casefold()] = iri
    # concepts the facts use first; preferred labels before alternative ones and abbreviations
    v.labels = list(dict.fromkeys(name for *_key, name in sorted(ranked)))
    return v


def load_entity(store: GraphStore, iri: str, catalog: Catalog | None = None) -> EntityView:
    """The view of one trial, concept or document."""
    types = {str(r["t"]) for r in store.select(Q.node_types(iri))}
    props: list[tuple[str, str]] = []
    title = catalog.label(iri) if catalog else node_label(iri)
    import pyoxigraph as ox
    from rdflib import URIRef

    from tui.compare import concept_labels, lexical

    own = [(p.value, o) for p, o in store.ox_query(Q.node_properties(iri))]
    labels = concept_labels(store, {o.value for _p, o in own if isinstance(o, ox.NamedNode)})
    for p_iri, o in own:
        p = short(URIRef(p_iri))
        if p == "rdf:type":
            continue
        if isinstance(o, ox.NamedNode):
            text = labels.get(o.value) or short(URIRef(o.value))
        else:
            text = lexical(o) if isinstance(o, ox.Literal) else o.value
        if p == "skos:prefLabel":
            title = text
        props.append((p, text))
    groups = []
    more: dict[str, tuple[object, bool, int]] = {}
    trials_q = Q.entity_trials(iri, types)
    trials = [str(r["t"]) for r in store.select(trials_q)] if trials_q else None
    pages = []
    lined = dict((Q.line_groups(iri, types, trials) or []) if lines_stored(store) else [])
    first = _first_line_pages(store, lined, catalog)
    scan = classes_to_scan(store, trials if trials is not None else [iri])
    for name, body, by_link in Q.entity_groups(iri, types, trials, scan):
        if name in lined:
            rows, has_more = first[name]
            if rows:
                pages.append((name, lined[name], False, rows, has_more))
            continue
        found, has_more = _group_page(store, body, by_link, 0)
        if found:
            pages.append((name, body, by_link, found, has_more))
    # every group's fields and up-front evidence in one query each, not two a group: a trial's
    # or a document's page has seven groups, and each query costs 1.5-3 ms CPU on 1,105 papers
    read = [found for _n, body, by_link, found, _m in pages if not by_link and isinstance(body, str)]
    facts = [f for found in read for f in _facts(found)]
    up_front = [f for found in read for f in _facts(found)[:EVIDENCE_UP_FRONT]]
    fetched = (fact_fields(store, facts), load_evidence(store, up_front)) if read else None
    for name, body, by_link, found, has_more in pages:
        rows = found if isinstance(body, Q.LineGroup) else _rows(store, found, by_link, catalog, fetched)
        groups.append((name, rows))
        if has_more:
            more[name] = (body, by_link, page_size(by_link))
    type_names = sorted(short(URIRef(t)) for t in types)
    return EntityView(iri, title, type_names, props, groups, more)


# A fact class is read whole (a hash join) for a trial's group when it has fewer than this many
# times the trial's facts: a type look-up per fact of the trial costs ~20x a fact of a class scan.
SCAN_RATIO = 20


def classes_to_scan(store: GraphStore, trials: list[str]) -> set[str]:
    """The fact classes whose groups on a page joined on these trials (a trial's own page, a
    condition's trials) start from the class (tui.queries._of_class), chosen from the roll-up's
    counts: the trials' facts against each class's instances."""
    rollup = (store.rollup() if hasattr(store, "rollup") else None) or {}
    facts_of = rollup.get("trials", {})
    n = sum(facts_of.get(t, 0) for t in trials)
    counts = rollup.get("classes", {})
    return {c for c in (q.split(":", 1)[1] for q in Q.FACT_CLASSES)
            if f"kg:{c}" in counts and counts[f"kg:{c}"] < SCAN_RATIO * n}


# An entity page shows this many facts of each group (a group merged by link: this many
# fact-link pairs), with "more…" for the next page; evidence is read up front for the first
# few facts of a page, the others' when their row is first highlighted or expanded (on a
# common concept, reading all of it cost seconds).
ENTITY_PAGE = 20
LINK_PAGE = 100
EVIDENCE_UP_FRONT = 5


def page_size(by_link: bool) -> int:
    return LINK_PAGE if by_link else ENTITY_PAGE


def load_group_page(store: GraphStore, body: str | Q.LineGroup, by_link: bool, offset: int,
                    catalog: Catalog | None = None) -> tuple[list[FactRow], bool]:
    """One page of an entity group's rows, from `offset` (in facts, fact-link pairs, or distinct
    facts of a LineGroup), and whether there are more."""
    if isinstance(body, Q.LineGroup):
        found = [(key.value, int(n.value)) for key, n in store.ox_query(Q.line_page(body, offset, ENTITY_PAGE + 1))]
        return _line_rows(store, body, found[:ENTITY_PAGE], catalog), len(found) > ENTITY_PAGE
    found, has_more = _group_page(store, body, by_link, offset)
    return (_rows(store, found, by_link, catalog) if found else []), has_more


def _group_page(store: GraphStore, body: str, by_link: bool, offset: int) -> tuple[list[dict], bool]:
    """One page of a group's (?f, ?link) rows and whether there are more."""
    n = page_size(by_link)
    found = store.select(Q.group_page(body, offset, n + 1))
    return found[:n], len(found) > n


def _facts(found: list[dict]) -> list[str]:
    return list(dict.fromkeys(str(r["f"]) for r in found))


def _rows(store: GraphStore, found: list[dict], by_link: bool, catalog: Catalog | None,
          fetched: tuple | None = None) -> list[FactRow]:
    """A page's rows; `fetched`: (fact_fields, load_evidence) already read for its facts."""
    facts = _facts(found)
    link_of = {str(r["f"]): str(r["link"]) for r in found if "link" in r}
    # rows merged by link (a drug's trials) show links: their fields are not shown, their
    # evidence is read when opened
    if by_link:
        (fields, kinds), ev = ({}, {}), {}
    elif fetched is not None:
        (fields, kinds), ev = fetched
    else:
        fields, kinds = fact_fields(store, facts)
        ev = load_evidence(store, facts[:EVIDENCE_UP_FRONT])
    label = catalog.label if catalog else node_label
    if by_link:
        merged: dict[str, FactRow] = {}
        for r in found:
            link = str(r.get("link", ""))
            row = merged.setdefault(link, FactRow([], "link", label(link) if link else "?", link or None))
            f = str(r["f"])
            if f not in row.facts:
                row.facts.append(f)
                row.evidence.extend(ev.get(f, []))
        for row in merged.values():
            row.summary += f"  ({len(row.facts)} fact{'s' if len(row.facts) != 1 else ''})"
            row.evidence_loaded = False
        return sorted(merged.values(), key=lambda r: r.summary.casefold())
    up_front = set(facts[:EVIDENCE_UP_FRONT])
    rows = [FactRow([f], kinds.get(f, ""), summarise(kinds.get(f, ""), fields.get(f, {}), label), link_of.get(f),
                    ev.get(f, []) if f in up_front else [], f in up_front) for f in facts]
    def said_not_to_happen(f: str) -> bool:
        return fields.get(f, {}).get("negated") == ["true"]

    return sorted(rows, key=lambda r: (said_not_to_happen(r.facts[0]), r.summary.casefold(),
                                       r.evidence[0].start if r.evidence else 0))


def lines_stored(store: GraphStore) -> bool:
    """Whether every document's graph states its row lines (kg.graph.comparison.rows_query; the
    roll-up counts the graphs marked with kg:factLineCount): then entity pages list restated
    facts once, from the lines; a store with older documents lists every fact."""
    rollup = (store.rollup() if hasattr(store, "rollup") else None) or {}
    documents = len(rollup.get("documents") or {})
    return bool(documents) and not rollup.get("partial") and \
        (rollup.get("predicates") or {}).get("kg:factLineCount", 0) == documents


def _first_line_pages(store: GraphStore, lined: dict[str, Q.LineGroup],
                      catalog: Catalog | None) -> dict[str, tuple[list[FactRow], bool]]:
    """The first page of each LineGroup, from one query of every line the nodes of the
    one-node groups state (a group over several nodes: `Q.line_page`'s query): the lines as
    `Q.line_page` pages them (distinct "Kind fields" keys in key order, each with the
    documents stating it), a page's worth of rows each, and whether a group has more."""
    if not lined:
        return {}
    # a group over many nodes (a drug's adverse events: the drug and each study trial) is paged
    # by the engine: read here, every line of its trials came too (a common drug's 16 trials:
    # ~700 lines of every kind, for a page of adverse events or none)
    out = {name: load_group_page(store, g, False, 0, catalog) for name, g in lined.items()
           if len({node for node, _p in g.sources}) > 1}
    lined = {name: g for name, g in lined.items() if name not in out}
    nodes = {node for g in lined.values() for node, _prefix in g.sources}
    if not nodes:
        return out
    # pyoxigraph terms, not rdflib's: a common drug's page reads ~1,000 lines (a third of the time)
    found = [(a.value, line.value, int(n.value)) for a, line, n in store.ox_query(Q.node_lines(nodes))]
    for name, group in lined.items():
        keys: dict[str, int] = {}
        for node, line, n in found:
            if group.takes(node, line):
                key = line.split(" ", 1)[1]
                keys[key] = max(keys.get(key, 0), n)  # one fact under two roles: the same documents
        page = sorted(keys.items(), key=lambda kn: (Q.NEGATED in kn[0], kn[0]))  # as Q.line_page orders
        out[name] = _line_rows(store, group, page[:ENTITY_PAGE], catalog), len(page) > ENTITY_PAGE
    return out


_XSD = "http://www.w3.org/2001/XMLSchema#"
_PLAIN = ("", _XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")


def _line_fields(key: str) -> tuple[str, list[tuple[str, str, str]]]:
    """(kind, [(local property name, datatype or "" for an IRI, value)]) of a "Kind fields" key."""
    from urllib.parse import unquote

    kind, _sep, sig = key.partition(" ")
    return kind, [(p, dt, unquote(v)) for p, dt, v in (item.split("|", 2) for item in sig.split(" ") if item)]


def _line_rows(store: GraphStore, group: Q.LineGroup, page: list[tuple[str, int]],
               catalog: Catalog | None) -> list[FactRow]:
    """Rows of distinct facts ("Kind fields" keys and the documents stating each): summarised
    as a fact with those fields is; their facts and evidence are read when a row is opened."""
    from tui.compare import _normal, concept_labels

    parsed = [(key, n, *_line_fields(key)) for key, n in page]
    label = concept_labels(store, {v for *_k, fields in parsed for p, dt, v in fields if dt == "" and p != "ofTrial"})
    name = catalog.label if catalog else node_label
    rows = []
    for key, n, kind, items in parsed:
        fields: dict[str, list[str]] = defaultdict(list)
        link = None
        for p, dt, v in items:
            text = label.get(v, v) if dt == "" else (v if dt in _PLAIN else _normal(v, dt))
            if text not in fields[p]:
                fields[p].append(text)
            if p == group.link and dt == "" and link is None:
                link = v
        summary = summarise(kind, fields, name) + (f"  ({n} documents)" if n > 1 else "")
        rows.append((fields.get("negated") == ["true"], FactRow([], kind, summary, link, [], False, n, key)))
    return [row for _neg, row in sorted(rows, key=lambda x: (x[0], x[1].summary.casefold()))]


# text fields with a handful of values in the whole store: no better start than a number
_FEW_VALUES = {"relation", "attribute", "role", "endpointKind", "pRelation", "doseUnitLabel"}


def _selective_first(item: tuple[str, str, str]) -> int:
    """A field's rank in the patterns that find a row's facts, most selective first: a text (a
    measure, an endpoint's name), a concept, the trial, a number, a flag (the engine started from
    `kg:negated false` when it came first: every adverse event of the store, 60-75 ms)."""
    p, dt, _v = item
    if dt == _XSD + "string" and p not in _FEW_VALUES:
        return 0
    if dt == "":
        return 2 if p == "ofTrial" else 1
    return 4 if dt == _XSD + "boolean" else 3


def facts_of_row(store: GraphStore, key: str) -> list[str]:
    """The facts a row of restated facts stands for: those of its kind with exactly its fields,
    found from the fields (anchored on their values), in document order."""
    kind, items = _line_fields(key)
    patterns = []
    for p, dt, v in sorted(items, key=_selective_first):
        if dt == "":
            patterns.append(f"kg:{p} {Q.sparql_iri(v)}")
        elif dt == _XSD + "string":
            patterns.append(f"kg:{p} {Q.sparql_literal(v)}")
        elif dt not in _PLAIN:
            patterns.append(f"kg:{p} {Q.sparql_literal(v)}^^{Q.sparql_iri(dt)}")
    want = sorted(key.split(" ", 1)[1].split(" "))
    found = [str(r["f"]) for r in store.select(Q.facts_of_line(kind, patterns))
             if sorted(str(r["sig"]).split(" ")) == want]
    return sorted(found)


def row_evidence(store: GraphStore, row: FactRow) -> list[Evidence]:
    """Every evidence span of a row's facts, by document and position: a row of restated facts
    first finds its facts (one span or more per restating document, to step through)."""
    if row.key and not row.facts:
        row.facts[:] = facts_of_row(store, row.key)
    found = load_evidence(store, row.facts)
    return sorted((e for f in row.facts for e in found.get(f, [])), key=lambda e: (e.doc, e.start))


def fact_fields(store: GraphStore, facts: list[str]) -> tuple[dict[str, dict[str, list[str]]], dict[str, str]]:
    """{fact: {local property name: [values]}} (concepts by label, IRIs kept for ofTrial) and fact kinds.

    The facts' own triples only, as pyoxigraph terms: concept labels come from the store's
    roll-up (tui.compare.concept_labels), not from a label join. Every document graph that
    names a concept restates its label, so the join read each label once per such document
    (on 992 papers a trial page's fields were ~1,500 grouped rows, 31 ms of CPU; without the
    join and the rdflib terms, ~1/3 of that)."""
    import pyoxigraph as ox

    from tui.compare import concept_labels, lexical

    fields: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    kinds: dict[str, str] = {}
    triples = []
    for chunk in _chunks(facts):
        for f, kind, p, o in store.ox_query(Q.fact_properties(chunk)):
            triples.append((f.value, kind.value, p.value, o))
    label = concept_labels(store, {o.value for *_, o in triples if isinstance(o, ox.NamedNode)})
    for f, kind, p, o in triples:
        kinds[f] = kind.rsplit("#", 1)[-1]
        name = p.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        value = label.get(o.value, o.value) if isinstance(o, ox.NamedNode) else lexical(o)
        if value not in fields[f][name]:
            fields[f][name].append(value)
    return fields, kinds


def load_evidence(store: GraphStore, facts: list[str]) -> dict[str, list[Evidence]]:
    """Every evidence annotation of the given facts, in text order."""
    out: dict[str, list[Evidence]] = defaultdict(list)
    for chunk in _chunks(facts):
        for r in store.select(Q.fact_evidence(chunk)):
            f = str(r["f"])
            out[f].append(Evidence(f, doc_id(str(r["doc"])), int(r["start"]), int(r["end"]), str(r["exact"]),
                                   str(r["section"]), str(r.get("extractor", "")), str(r.get("rule", "")),
                                   str(r.get("version", ""))))
    return out


def _chunks(items: list[str], size: int = 200) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)] if items else []


def summarise(kind: str, f: dict[str, list[str]], label=node_label) -> str:
    """One line for a fact, from its fields (see kg.graph.build.FIELDS)."""
    def one(name: str) -> str:
        return ", ".join(f.get(name, []))

    trial = label(one("ofTrial")) if f.get("ofTrial") else ""
    # a negated fact is said not to have happened: shown apart (listed last) and marked so
    negated = {"AdverseEvent": "not observed", "MechanismFinding": "not found"}.get(kind, "negated")
    flags = [negated if n == "negated" else n for n in ("serious", "negated", "hedged", "cited") if one(n) == "true"]
    if kind == "AdverseEvent":
        bits = [one("term")]
        if one("grade"):
            bits.append(f"grade {one('grade')}")
        if one("count"):
            bits.append(f"n={one('count')}")
        text = " · ".join(bits + flags)
    elif kind == "DoseRegimen":
        dose = " ".join(x for x in (one("doseValue"), one("doseUnitLabel") or one("doseUnit")) if x)
        bits = [one("drug"), dose, one("route"), one("frequency"), f"for {one('duration')}" if one("duration") else ""]
        text = " ".join(b for b in bits if b)
        extra = [x for x in (f"arm: {one('arm')}" if one("arm") else "", one("role")) if x]
        text += f"  ({'; '.join(extra)})" if extra else ""
    elif kind == "MechanismFinding":
        text = f"{one('agent')} {one('relation')} {one('target')}"
        if one("context"):
            flags.append(one("context"))
        text += f"  [{', '.join(flags)}]" if flags else ""
        return text + (f" · {trial}" if trial else "")
    elif kind == "Endpoint":
        text = one("name") + "".join(f" · {one(k)}" for k in ("endpointKind", "timepoint") if one(k))
    elif kind == "Result":
        text = f"{one('measure')}: {one('value')}"
        if one("pValue"):
            text += f" (p {one('pRelation') or '='} {one('pValue')})"
        if one("timepoint"):
            text += f" · {one('timepoint')}"
    elif kind == "TrialAttribute":
        text = f"{one('attribute')}: {one('value')}"
    elif kind == "Participant":
        text = " · ".join(x for x in (one("participantLabel"), one("doseGroup"),
                                      "responder" if one("responder") == "true" else "") if x)
    else:
        text = ", ".join(f"{k}={', '.join(v)}" for k, v in f.items())
    return text + (f" · {trial}" if trial and kind not in ("TrialAttribute",) else "")
