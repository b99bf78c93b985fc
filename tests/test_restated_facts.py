"""Facts restated by many documents, as the screens show them.

A popular drug, condition or trial is named by hundreds of papers, each stating its own copy of
the same fact. Ask gives each answer once with the number of documents stating it (tui.ask: the
page groups the facts by what a row shows); the entity page and the comparison of two trials read
concept labels from the store's roll-up instead of joining the labels every document restates.
Checked on a store holding the same paper under two names (each fact stated by two documents) and
a second paper on another trial of the same drug, against the graph's own facts export
(`kg facts`, kg.graph.facts) and against the label-joining formulations the screens used before.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from kg.graph.facts import facts_json
from kg.graph.store import GraphStore
from kg.pipeline import ingest
from tui import ask
from tui import queries as Q
from tui.compare import _add_fact, compare, lexical
from tui.model import fact_fields, load_catalog, load_entity, load_vocabulary

# Written for this test: one trial report (stored under two names) and another trial of the drug
# in a structured layout.
REPORT = """Weekly methotrexate in adults with psoriatic arthritis: a randomized, double-blind,
placebo-controlled phase 2 trial (NCT04433333)

Methods: In this randomized, double-blind, placebo-controlled phase 2 trial, 90 patients with
psoriatic arthritis were randomly assigned to methotrexate 15 mg orally once weekly or placebo
for 24 weeks. The primary endpoint was the ACR20 response at week 24.
Results: ACR20 response was 52% with methotrexate versus 24% with placebo (p<0.001).
Methotrexate reduced interleukin-6 and increased regulatory T cells compared with placebo.
Nausea occurred in 10 patients and elevated liver enzymes in 4 patients. No patient had neutropenia.
"""
OTHER = """Subcutaneous methotrexate for early rheumatoid arthritis (NCT04455555)

BACKGROUND: Whether subcutaneous dosing helps in early disease is unknown.
METHODS: 140 adults with early rheumatoid arthritis received methotrexate 20 mg subcutaneously
every week or placebo for 12 weeks in a randomized phase 3 trial.
RESULTS: Methotrexate decreased interleukin-6 levels. Headache was reported by 8 participants
and nausea by 6 participants.
"""
PAPERS = {"psa-report.txt": REPORT, "psa-report-again.txt": REPORT, "ra-early.txt": OTHER}
MTX = "https://w3id.org/kg-trials/concept/methotrexate"


@pytest.fixture(scope="module")
def restated(tmp_path_factory):
    src = tmp_path_factory.mktemp("papers")
    for name, text in PAPERS.items():
        (src / name).write_text(text, encoding="utf-8")
    where = tmp_path_factory.mktemp("store") / "db"
    with GraphStore(where) as store:
        report = ingest([src], store)
        assert not report.failed, report.failed
    return where


def _answers(store: GraphStore, question: str, vocabulary) -> list[dict]:
    """The rows the Ask screen shows: the first row of each fact (Template.distinct_on)."""
    parsed = ask.parse(question)
    slots = dict(parsed.slots)
    for slot in ("x", "y"):
        if slot in slots:
            slots[f"{slot}_iris"] = vocabulary.iris_named(slots[slot])
    rows, seen = [], set()
    for r in store.select(ask.Question(parsed.template, slots).sparql()):
        if str(r["fact"]) not in seen:
            seen.add(str(r["fact"]))
            rows.append({k: str(v) for k, v in r.items()})
    return rows


def _documents(docs: list[dict], kind: str, key, keep) -> dict[tuple, int]:
    """{answer key: number of documents stating it} from the facts export."""
    out: dict[tuple, set] = defaultdict(set)
    for d in docs:
        for x in d[kind]:
            if keep(d, x):
                out[key(x)].add(d["doc"])
    return {k: len(v) for k, v in out.items()}


def test_ask_gives_each_restated_answer_once_with_its_documents(restated):
    with GraphStore(restated, read_only=True) as store:
        docs = facts_json(store)["documents"]
        vocabulary = load_vocabulary(store, load_catalog(store))

        acts = _answers(store, "what does methotrexate act on", vocabulary)
        got = Counter((r["relation"], r["target"], r["status"]) for r in acts)
        assert max(got.values()) == 1  # each finding once
        shown = {(r["relation"], r["target"], r["status"]): int(r["documents"]) for r in acts}
        want = _documents(docs, "mechanisms",
                          lambda m: (m["relation"], m["target"], "not observed" if m["negated"] else "observed"),
                          lambda _d, m: m["agent_iri"] == MTX)
        assert shown == want and 2 in shown.values()

        events = _answers(store, "adverse events of methotrexate", vocabulary)
        shown = {(r["event"], r["status"], r["trial"], r.get("count")): int(r["documents"]) for r in events}
        assert len(shown) == len(events)

        want: dict[tuple, set] = defaultdict(set)
        for d in docs:
            if any(i["drug_iri"] == MTX and i["role"] == "study" for i in d["interventions"]):
                for a in d["adverse_events"]:
                    count = str(a["count"]) if a["count"] is not None else None
                    want[(a["term"], "not observed" if a["negated"] else "observed",
                          d["trial"]["registry_ids"][0], count)].add(d["doc"])
        assert shown == {k: len(v) for k, v in want.items()}
        # the restated report's events are stated by both of its names, the other trial's by one
        assert shown[("nausea", "observed", "NCT04433333", "10")] == 2
        assert shown[("neutropenia", "not observed", "NCT04433333", None)] == 2
        assert {n for (_e, _s, t, _c), n in shown.items() if t == "NCT04455555"} == {1}

        doses = _answers(store, "doses of methotrexate", vocabulary)
        keys = [(r["trial"], r.get("dose"), r.get("route"), r.get("frequency")) for r in doses]
        assert len(set(keys)) == len(keys) == 2
        stated = sum(1 for d in docs for i in d["interventions"] if i["drug_iri"] == MTX)
        assert sum(int(r["documents"]) for r in doses) == stated == 3


def test_ask_pages_count_answers_not_restatements(restated, monkeypatch):
    """A page holds PAGE answers; the next page (OFFSET in answers) holds the rest, none twice."""
    with GraphStore(restated, read_only=True) as store:
        vocabulary = load_vocabulary(store, load_catalog(store))
        everything = _answers(store, "what does methotrexate act on", vocabulary)
        monkeypatch.setattr(ask, "PAGE", 1)
        parsed = ask.parse("what does methotrexate act on")
        slots = {**parsed.slots, "x_iris": vocabulary.iris_named("methotrexate")}
        seen = []
        for offset in range(len(everything) + 1):
            rows = store.select(ask.Question(parsed.template, {**slots, "offset": str(offset)}).sparql())
            answers = list(dict.fromkeys((str(r["relation"]), str(r["target"])) for r in rows))
            assert len(answers) <= 2  # the page and the one more that tells "more…"
            seen.extend(answers[:1])
        assert sorted(seen) == sorted((r["relation"], r["target"]) for r in everything)


def _label_joined_fields(store: GraphStore, facts: list[str]) -> dict:
    """The reference: every fact property with concept labels joined in the query (as before)."""
    out: dict = defaultdict(lambda: defaultdict(set))
    rows = store.select(f"""SELECT ?f ?p ?o (SAMPLE(?ol) AS ?olabel) WHERE {{ {Q.values("f", facts)}
      ?f a ?type ; ?p ?o . FILTER(?type IN ({", ".join(Q.FACT_CLASSES)}))
      FILTER(?p NOT IN (rdf:type, prov:wasDerivedFrom, prov:wasGeneratedBy, kg:inDocument, kg:confidence))
      OPTIONAL {{ ?o skos:prefLabel ?ol }} }} GROUP BY ?f ?p ?o""")
    for r in rows:
        p = str(r["p"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        out[str(r["f"])][p].add(str(r["olabel"]) if "olabel" in r else str(r["o"]))
    return out


@pytest.mark.parametrize("question", ["doses of methotrexate", "adverse events of methotrexate",
                                      "what does methotrexate act on", "drugs that decrease interleukin-6"])
def test_each_answer_shows_the_earliest_span_of_its_fact_exactly(restated, question):
    """Ask joins only each answer's first span (tui.ask.first_span, read from the annotation
    IRIs): it must be the fact's earliest span by position, its quote the document's text there."""
    with GraphStore(restated, read_only=True) as store:
        rows = _answers(store, question, load_vocabulary(store, load_catalog(store)))
        assert rows
        for r in rows:
            spans = store.select(f"""SELECT ?start ?text WHERE {{ <{r['fact']}> prov:wasDerivedFrom ?a .
                ?a oa:hasTarget ?t . ?t oa:hasSelector ?p ; oa:hasSource ?d . ?p oa:start ?start .
                ?d kg:text ?text }}""")
            assert int(r["start"]) == min(int(str(x["start"])) for x in spans)
            assert str(spans[0]["text"])[int(r["start"]):int(r["end"])] == r["quote"]


def test_entity_fields_and_labels_are_those_of_the_label_join(restated):
    with GraphStore(restated, read_only=True) as store:
        facts = [str(r["f"]) for r in store.select("SELECT DISTINCT ?f WHERE { ?f kg:inDocument ?d }")]
        assert len(facts) > 20
        fields, kinds = fact_fields(store, facts)
        want = _label_joined_fields(store, facts)
        assert {f: {p: set(v) for p, v in ps.items()} for f, ps in fields.items()} == \
            {f: dict(ps) for f, ps in want.items()}
        assert set(kinds) == set(want)
        view = load_entity(store, "https://w3id.org/kg-trials/data/trial/NCT04433333", load_catalog(store))
        assert ("kg:condition", "psoriatic arthritis") in view.properties


TRIALS = ["https://w3id.org/kg-trials/data/trial/NCT04433333", "https://w3id.org/kg-trials/data/trial/NCT04455555"]
_COMPARED = {"arms and doses", "primary endpoints", "other endpoints", "key results", "adverse events", "not observed"}


def _every_fact_lines(store, trials: list[str]) -> dict[str, dict[str, list[str]]]:
    """The comparison's lines of each trial made by reading every fact's fields one by one
    (the formulation the signatures and the stored lines replaced)."""
    from kg.graph.comparison import FIELDS
    from tui.compare import _LABELLED, concept_labels

    types = " ".join(f"kg:{t}" for t in FIELDS)
    props = ", ".join(sorted({f"kg:{p}" for ps in FIELDS.values() for p in ps}))
    facts: dict = {}
    for t, f, kind, p, o in store.ox_query(
            f"SELECT ?t ?f ?type ?p ?o WHERE {{ VALUES ?t {{ {' '.join(f'<{t}>' for t in trials)} }} "
            f"VALUES ?type {{ {types} }} ?f kg:ofTrial ?t ; a ?type ; ?p ?o FILTER(?p IN ({props})) }}"):
        fact = facts.setdefault(f.value, (t.value, kind.value.rsplit("#", 1)[-1], defaultdict(list)))
        values = fact[2][p.value.rsplit("#", 1)[-1]]
        if lexical(o) not in values:
            values.append(lexical(o))
    label = concept_labels(store, {v for _t, _k, fs in facts.values() for k, vs in fs.items() if k in _LABELLED
                                   for v in vs})
    want: dict = {t: {} for t in trials}
    for t, kind, fs in facts.values():
        _add_fact(want[t], kind, fs, label)
    return {t: {k: sorted(set(v)) for k, v in a.items()} for t, a in want.items()}


def _compared_lines(store, trials: list[str]) -> dict[str, dict[str, list[str]]]:
    return {s.iri: {k: sorted(v) for k, v in s.aspects.items() if k in _COMPARED}
            for s in compare(store, [(t, t) for t in trials])}


def test_two_trials_compared_give_the_lines_of_every_fact(restated):
    """compare() reads the distinct lines each document states of its trial; they must be those
    of reading every fact's fields one by one."""
    from tui.compare import _distinct_facts, _facts_query, _fields_of, lined_trials

    with GraphStore(restated, read_only=True) as store:
        assert lined_trials(store, TRIALS) == set(TRIALS)  # written by this kg: every trial has its lines
        got = _compared_lines(store, TRIALS)
        assert got == _every_fact_lines(store, TRIALS)
        assert "nausea (n=10)" in got[TRIALS[0]]["adverse events"]
        # the stored lines are the signatures a query of the facts gives
        from_facts = {(t.value, k.value.rsplit("#", 1)[-1], repr(sorted((p, sorted(v)) for p, v in
                                                                           _fields_of(s.value).items())))
                      for t, k, s in store.ox_query(_facts_query(TRIALS))}
        stored = {(t, k, repr(sorted((p, sorted(v)) for p, v in fs.items())))
                  for t, k, fs in _distinct_facts(store, TRIALS)}
        assert stored == from_facts and len(stored) >= 8


def _without_lines(store, doc_id: str) -> None:
    """Rewrite a document's graph as a kg before the comparison lines wrote it (no lines, no
    line count, a summary without "lined"): what an old store holds."""
    import pyoxigraph as ox

    from kg.graph.build import graph_iri
    from kg.graph.comparison import LINE, LINE_COUNT
    from kg.graph.writes import summarise

    g = ox.NamedNode(str(graph_iri(doc_id)))
    quads = [q for q in store.ox.quads_for_pattern(None, None, None, g)
             if q.predicate.value not in (LINE, LINE_COUNT)]
    summary = summarise(doc_id, store.summary(g.value)["sha256"], quads)
    assert summary["lined"] == {}
    store.replace_graph(g.value, quads, summary)


def test_the_lines_stay_exact_through_reingest_removal_and_old_documents(tmp_path):
    """Ingest, compare; re-ingest one document changed (a count and an adverse event of its own),
    remove one, rewrite one as an older kg did: after each, the comparison equals reading every
    fact, and the roll-up's per-trial counts say which trials have every line."""
    from tui.compare import lined_trials

    src = tmp_path / "papers"
    src.mkdir()
    for name, text in PAPERS.items():
        (src / name).write_text(text, encoding="utf-8")
    where = tmp_path / "db"

    def check(lined: set[str]) -> dict:
        with GraphStore(where, read_only=True) as store:
            assert lined_trials(store, TRIALS) == lined
            got = _compared_lines(store, TRIALS)
            assert got == _every_fact_lines(store, TRIALS)
            return got

    with GraphStore(where) as store:
        assert not ingest([src], store).failed
    first = check(set(TRIALS))
    changed = REPORT.replace("Nausea occurred in 10 patients", "Nausea occurred in 12 patients and rash in 3 patients")
    (src / "psa-report-again.txt").write_text(changed, encoding="utf-8")
    with GraphStore(where) as store:
        assert not ingest([src], store).failed
    second = check(set(TRIALS))
    assert "nausea (n=12)" in second[TRIALS[0]]["adverse events"]
    assert "nausea (n=10)" in second[TRIALS[0]]["adverse events"]  # the other copy still says 10
    with GraphStore(where) as store:
        store.remove_document("psa-report")
    third = check(set(TRIALS))
    assert "nausea (n=10)" not in third[TRIALS[0]]["adverse events"]
    with GraphStore(where) as store:
        store.remove_document("psa-report-again")
    assert check(set(TRIALS))[TRIALS[0]] == {}
    (src / "psa-report-again.txt").write_text(REPORT, encoding="utf-8")
    with GraphStore(where) as store:
        assert not ingest([src], store).failed
        _without_lines(store, "psa-report")  # an older kg's document: that trial is read from its facts
    assert check({TRIALS[1]}) == first
    with GraphStore(where) as store:
        _without_lines(store, "ra-early")
        _without_lines(store, "psa-report-again")
    assert check(set()) == first


def test_groups_started_from_their_class_hold_the_pairs_of_the_plain_patterns(restated):
    """A trial's groups and a condition's drugs may start from every fact of a class (a hash join,
    chosen from the roll-up's counts: tui.model.classes_to_scan); the pairs must be the same."""
    with GraphStore(restated, read_only=True) as store:
        catalog = load_catalog(store)
        every = {c.split(":", 1)[1] for c in Q.FACT_CLASSES}
        compared = 0
        for e in catalog.entries:
            if e.kind not in ("trial", "condition"):
                continue
            types = {str(r["t"]) for r in store.select(Q.node_types(e.iri))}
            query = Q.entity_trials(e.iri, types)
            trials = [str(r["t"]) for r in store.select(query)] if query else None
            for (name, plain, _), (_, scanned, _) in zip(Q.entity_groups(e.iri, types, trials),
                                                         Q.entity_groups(e.iri, types, trials, every)):
                pairs = [sorted((str(r["f"]), str(r.get("link"))) for r in
                                store.select(f"SELECT DISTINCT ?f ?link WHERE {{ {b} }}")) for b in (plain, scanned)]
                assert pairs[0] == pairs[1], (e.label, name)
                compared += plain != scanned and bool(pairs[0])
        assert compared >= 5


# -- entity pages: one row per distinct fact ---------------------------------------------------
PAGES = TRIALS + [MTX, "https://w3id.org/kg-trials/concept/nausea", "https://w3id.org/kg-trials/concept/il-6"]


def _bare(summary: str) -> str:
    """A row's text without the number of documents stating it."""
    return summary.rsplit("  (", 1)[0] if summary.endswith(" documents)") else summary


def _per_fact_groups(store, iri: str, catalog, monkeypatch) -> dict[str, dict[str, set[str]]]:
    """{group: {row text: documents}} of the page listing every fact (as a store whose documents
    state no row lines is shown), every page of each group read."""
    import tui.model as model

    with monkeypatch.context() as m:
        m.setattr(model, "lines_stored", lambda _store: False)
        m.setattr(model, "ENTITY_PAGE", 10_000)
        view = model.load_entity(store, iri, catalog)
    doc_of = {str(r["f"]): str(r["d"]) for r in store.select("SELECT ?f ?d WHERE { ?f kg:inDocument ?d }")}
    out: dict[str, dict[str, set[str]]] = {}
    for name, rows in view.groups:
        for row in rows:
            if row.kind != "link":
                out.setdefault(name, {}).setdefault(row.summary, set()).update(doc_of[f] for f in row.facts)
    return out


def test_entity_pages_list_each_restated_fact_once_with_its_documents(restated, monkeypatch):
    """A trial's, a drug's, an AE term's and a target's page: one row per distinct fact, the
    rows those of the page listing every fact with restatements merged, each with the number of
    documents stating it; the restated report's facts are stated by two."""
    from tui.model import lines_stored

    with GraphStore(restated, read_only=True) as store:
        catalog = load_catalog(store)
        assert lines_stored(store)
        restated_rows = 0
        for iri in PAGES:
            want = _per_fact_groups(store, iri, catalog, monkeypatch)
            with monkeypatch.context() as m:
                m.setattr("tui.model.ENTITY_PAGE", 10_000)
                view = load_entity(store, iri, catalog)
            got = {name: {_bare(r.summary): r.documents for r in rows} for name, rows in view.groups
                   if rows and rows[0].kind != "link"}
            for name, rows in view.groups:
                texts = [r.summary for r in rows]
                assert len(texts) == len(set(texts)), (iri, name)  # each fact once
            assert got == {name: {text: len(docs) for text, docs in rows.items()} for name, rows in want.items()}, iri
            for _name, rows in view.groups:
                for r in rows:
                    if r.kind != "link":
                        assert (r.documents > 1) == r.summary.endswith(f"({r.documents} documents)")
                        restated_rows += r.documents == 2
        trial = load_entity(store, TRIALS[0], catalog)
        aes = dict(trial.groups)["Adverse events"]
        assert [r.documents for r in aes] == [2] * len(aes) and len(aes) == 3
        assert restated_rows >= 20


def test_a_restated_row_opens_the_exact_quote_of_each_document(restated):
    """The evidence of a row of restated facts: its facts (one per document here), each span
    an exact quote of its document, the first document's first."""
    from kg.graph.facts import document_text
    from tui.model import row_evidence

    with GraphStore(restated, read_only=True) as store:
        view = load_entity(store, MTX, load_catalog(store))
        for name, rows in view.groups:
            for row in rows:
                if row.kind == "link":
                    continue
                assert not row.evidence_loaded and not row.facts  # read when opened
                spans = row_evidence(store, row)
                assert len(row.facts) == row.documents == len({e.doc for e in spans}), (name, row.summary)
                assert spans == sorted(spans, key=lambda e: (e.doc, e.start))
                for e in spans:
                    assert document_text(store, e.doc)[e.start:e.end] == e.exact


def test_pages_of_restated_facts_hold_every_row_once(restated, monkeypatch):
    """A page of ENTITY_PAGE distinct facts, "more…" the next (OFFSET in distinct facts): the
    pages together hold the unpaged group's rows, none twice."""
    import tui.model as model

    with GraphStore(restated, read_only=True) as store:
        catalog = load_catalog(store)
        for iri in (TRIALS[0], MTX):
            whole = {n: [r.summary for r in rows] for n, rows in load_entity(store, iri, catalog).groups}
            monkeypatch.setattr(model, "ENTITY_PAGE", 1)
            view = load_entity(store, iri, catalog)
            paged = 0
            for name, rows in view.groups:
                if name not in view.more:
                    continue
                seen = [r.summary for r in rows]
                body, by_link, offset = view.more[name]
                while True:
                    rows, more = model.load_group_page(store, body, by_link, offset, catalog)
                    seen += [r.summary for r in rows]
                    offset += len(rows)
                    if not more:
                        break
                assert sorted(seen) == sorted(whole[name]) and len(seen) == len(set(seen)), name
                paged += 1
            monkeypatch.setattr(model, "ENTITY_PAGE", 20)
            assert paged >= 2


def test_row_lines_follow_reingest_and_removal_and_old_documents(tmp_path):
    """The documents a row counts are those that state it now: a restating document changed,
    then removed, changes the counts; a document written without row lines (an older kg) makes
    the pages list every fact again."""
    import pyoxigraph as ox

    from kg.graph.build import graph_iri
    from kg.graph.comparison import ROW, ROW_COUNT
    from kg.graph.writes import summarise
    from tui.model import lines_stored

    src = tmp_path / "papers"
    src.mkdir()
    for name, text in PAPERS.items():
        (src / name).write_text(text, encoding="utf-8")
    where = tmp_path / "db"

    def events() -> dict[str, int]:
        with GraphStore(where, read_only=True) as store:
            view = load_entity(store, TRIALS[0], load_catalog(store))
            return {r.summary: r.documents for r in dict(view.groups).get("Adverse events", [])}

    with GraphStore(where) as store:
        assert not ingest([src], store).failed
    assert events()["nausea · n=10 · NCT04433333  (2 documents)"] == 2
    (src / "psa-report-again.txt").write_text(REPORT.replace("Nausea occurred in 10", "Nausea occurred in 12"),
                                              encoding="utf-8")
    with GraphStore(where) as store:
        assert not ingest([src], store).failed
    got = events()
    assert got["nausea · n=10 · NCT04433333"] == got["nausea · n=12 · NCT04433333"] == 1
    with GraphStore(where) as store:
        store.remove_document("psa-report")
    assert "nausea · n=10 · NCT04433333" not in events()
    with GraphStore(where) as store:
        g = ox.NamedNode(str(graph_iri("ra-early")))
        quads = [q for q in store.ox.quads_for_pattern(None, None, None, g)
                 if q.predicate.value not in (ROW, ROW_COUNT)]
        store.replace_graph(g.value, quads, summarise("ra-early", store.summary(g.value)["sha256"], quads))
    with GraphStore(where, read_only=True) as store:
        assert not lines_stored(store)
        view = load_entity(store, TRIALS[0], load_catalog(store))
        assert all(r.facts and r.key is None for _n, rows in view.groups for r in rows)


def test_facts_stated_as_absent_come_last_page_after_page(restated, monkeypatch):
    """A drug's adverse events read a row a page: every observed event before any stated as absent."""
    import tui.model as model

    with GraphStore(restated, read_only=True) as store:
        catalog = load_catalog(store)
        monkeypatch.setattr(model, "ENTITY_PAGE", 1)
        view = load_entity(store, MTX, catalog)
        rows = dict(view.groups)["Adverse events"]
        body, by_link, offset = view.more["Adverse events"]
        more = True
        while more:
            page, more = model.load_group_page(store, body, by_link, offset, catalog)
            rows += page
            offset += len(page)
        absent = ["not observed" in r.summary for r in rows]
        assert absent == sorted(absent) and any(absent) and not all(absent)


def test_an_ae_terms_drugs_are_the_study_drugs_of_the_trials_reporting_it(restated):
    """An AE term's "Drugs of those trials", joined on the trials read first: the same study
    doses (fact, drug) as the join of the term's reports with their trials' doses, for a term
    reported in both trials (nausea) and in one (headache); each drug once, its facts counted."""
    with GraphStore(restated, read_only=True) as store:
        catalog = load_catalog(store)
        for term, trials in (("nausea", 2), ("headache", 1)):
            iri = f"https://w3id.org/kg-trials/concept/{term}"
            joined = {(str(r["f"]), str(r["link"])) for r in store.select(
                f"SELECT DISTINCT ?f ?link WHERE {{ ?ae a kg:AdverseEvent ; kg:term <{iri}> ; kg:ofTrial ?t . "
                '?f a kg:DoseRegimen ; kg:ofTrial ?t ; kg:role "study" ; kg:drug ?link . }')}
            assert len({str(r["t"]) for r in store.select(f"SELECT DISTINCT ?t WHERE {{ ?ae kg:term <{iri}> ; "
                                                          "kg:ofTrial ?t }")}) == trials
            rows = dict(load_entity(store, iri, catalog).groups)["Drugs of those trials"]
            assert {(f, r.link) for r in rows for f in r.facts} == joined and joined
            n = len(joined)
            assert [r.link for r in rows] == [MTX] and rows[0].summary.endswith(f"({n} fact{'s' * (n != 1)})")
