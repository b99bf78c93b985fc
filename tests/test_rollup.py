"""The store's roll-up (kg.graph.rollup): one literal in the registry that the TUI's catalog,
status bar and SPARQL sidebar read instead of every document's record. It must always be the
sum of the completed records — after new, changed and removed documents, on a folder and on a
server — be made once for a store an older kg wrote, and be noticed (and re-made) when it does
not match the records."""

from __future__ import annotations

import pytest
from conftest import CORPUS_FILES, Backend, corpus_copies, doc_id, oxigraph_binary

from kg.graph import rollup as rollups
from kg.graph.store import REGISTRY_GRAPH, GraphStore
from kg.graph.vocab import KG_NS, graph_iri
from kg.pipeline import ingest
from tui.model import _catalog_from_nodes, load_catalog, load_vocabulary


def _matches(location) -> dict:
    """The stored roll-up is valid and equals the sum of the records, and the catalog made from
    it is the one made from every record."""
    with GraphStore(location, read_only=True) as s:
        held = s.rollup()
        assert not s.rollup_note, s.rollup_note
        assert held == rollups.build(s.full_records(), *s._static_from_graphs())
        from_records = _catalog_from_nodes(s, s.document_summaries())
        catalog = load_catalog(s)
        assert sorted(map(repr, catalog.entries)) == sorted(map(repr, from_records.entries))
        assert (catalog.documents, catalog.facts) == (from_records.documents, from_records.facts)
        assert catalog.triples == len(s.ox)  # the registry's own quads included
        return held


@pytest.mark.parametrize("kind", ["embedded", "server"])
def test_the_rollup_is_the_sum_of_the_records_after_every_kind_of_write(kind, tmp_path):
    if kind == "server" and oxigraph_binary() is None:
        pytest.skip("the `oxigraph` server is not installed")
    backend = Backend(kind)
    try:
        where = backend.fresh(tmp_path / "db")
        src = corpus_copies(tmp_path / "src", 2)
        with GraphStore(where) as store:
            assert ingest([src], store, batch_documents=2).ingested
        held = _matches(where)
        assert len(held["documents"]) == 2 * len(CORPUS_FILES)
        assert rollups.facts_total(held) > 0 and held["trials"] and held["lexicon"]

        # a changed document (the same name, another paper's text: its facts, trials and nodes
        # change), replaced by difference
        first = sorted(src.iterdir())[0]
        other = next(p for p in CORPUS_FILES if not first.name.startswith(doc_id(p)))
        first.write_text(other.read_text(encoding="utf-8"), encoding="utf-8")
        with GraphStore(where) as store:
            assert ingest([first], store, force=True).ingested == [doc_id(first)]
        after = _matches(where)
        assert after["documents"][doc_id(first)] != held["documents"][doc_id(first)]
        assert after["trials"] != held["trials"]

        if kind == "embedded":  # a removed document leaves the sum
            with GraphStore(where) as store:
                store.remove_document(doc_id(first))
            assert doc_id(first) not in _matches(where)["documents"]
    finally:
        backend.stop()


def _drop_rollup(location) -> None:
    with GraphStore(location) as s:
        s.ox.update(f"DELETE WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ <{REGISTRY_GRAPH}> ?p ?o }} }}")


def test_a_store_without_a_rollup_is_read_from_its_records_then_gets_one_once(corpus_store, tmp_path, kg):
    path = corpus_store.clone(tmp_path / "old")
    with GraphStore(path, read_only=True) as s:
        expected = load_catalog(s)
        vocabulary = load_vocabulary(s, expected)
    _drop_rollup(path)  # as an older kg left it (the writer's open above made one: drop it after)
    import pyoxigraph as ox

    raw = ox.Store.read_only(str(path))
    assert not list(raw.quads_for_pattern(None, ox.NamedNode(KG_NS + "rollup"), None, None))
    del raw
    with GraphStore(path, read_only=True) as s:  # a reader: added up from the records, and said so
        catalog = load_catalog(s)
        assert "no roll-up" in s.rollup_note
        assert sorted(map(repr, catalog.entries)) == sorted(map(repr, expected.entries))
        assert load_vocabulary(s, catalog).property_counts == vocabulary.property_counts
    run = kg("--store", path, "ingest", CORPUS_FILES[0])  # a writer: stores it, once, and says so
    assert run.code == 0 and "no roll-up" in run.err and "stored it (once)" in run.err
    _matches(path)
    run = kg("--store", path, "ingest", CORPUS_FILES[0])
    assert run.code == 0 and "roll-up" not in run.err


def test_a_rollup_that_does_not_match_the_records_is_not_used(corpus_store, tmp_path):
    """An older kg removing a document (graph and record, not the roll-up): readers see the
    mismatch and add up the records; the next writer re-makes the roll-up."""
    path = corpus_store.clone(tmp_path / "stale")
    gone = doc_id(CORPUS_FILES[0])
    g = graph_iri(gone)
    with GraphStore(path) as s:
        s.ox.update(f"DROP GRAPH <{g}> ; DELETE WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ <{g}> ?p ?o }} }}")
    with GraphStore(path, read_only=True) as s:
        catalog = load_catalog(s)
        assert "does not match" in s.rollup_note
        assert gone not in {e.label for e in catalog.entries if e.kind == "document"}
        assert catalog.documents == len(CORPUS_FILES) - 1
    with GraphStore(path) as s:
        assert "stored it (once)" in s.rollup_note
    assert gone not in _matches(path)["documents"]


def test_two_writers_on_a_server_never_leave_a_batch_out_of_the_rollup(tmp_path):
    """Writer A adds its batch to a roll-up read before writer B stored another: A's
    conditional replace fails, A sees it and adds the roll-up up again from the records."""
    if oxigraph_binary() is None:
        pytest.skip("the `oxigraph` server is not installed")
    backend = Backend("server")
    try:
        url = backend.fresh(tmp_path / "db")
        first, second = CORPUS_FILES[0], CORPUS_FILES[1]
        a, b = GraphStore(url), GraphStore(url)
        stale, stale_stamp = a.rollup(), a._rollup_stamp  # what A read before B's write
        assert ingest([second], b).ingested == [doc_id(second)]

        def read_before_b(done):  # A read the roll-up (and its stamp) just before B stored its own
            a._rollup_stamp = stale_stamp
            return rollups.added(stale, done)

        a._fresh_rollup_after = read_before_b
        assert ingest([first], a).ingested == [doc_id(first)]
        a.close()
        b.close()
        held = _matches(url)
        assert set(held["documents"]) == {doc_id(first), doc_id(second)}
    finally:
        backend.stop()


def test_stats_lists_sources_from_the_rollup_and_an_older_stores_records_get_them(backend, corpus_store, tmp_path,
                                                                                   kg):
    """`kg stats` lists each document's source from the roll-up (what it read from every
    document graph before); a store an older kg wrote (records without sources, a roll-up of
    format 2) lists the same from its graphs, and the next writer adds the sources to its
    records and roll-up once."""
    import json

    import pyoxigraph as ox

    path = backend.clone(corpus_store, tmp_path / "old")
    expected = kg("--store", path, "stats", "--json")
    assert expected.code == 0
    with GraphStore(path, read_only=True) as s:
        listed = s.document_sources()
        assert len(listed) == len(CORPUS_FILES) and rollups.sources(s.rollup()) == listed
        assert json.loads(expected.out)["sources"] == listed
    summary = ox.NamedNode(KG_NS + "ingestSummary")
    with GraphStore(path) as s:  # as an older kg left it
        ops = []
        for q in s.ox.quads_for_pattern(None, summary, None, ox.NamedNode(REGISTRY_GRAPH)):
            old = json.loads(q.object.value)
            if "source" in old:
                del old["source"]
                ops.append(f"DELETE DATA {{ GRAPH <{REGISTRY_GRAPH}> {{ {q.subject} {q.predicate} {q.object} }} }} ; "
                           f"INSERT DATA {{ GRAPH <{REGISTRY_GRAPH}> {{ {q.subject} {q.predicate} "
                           f"{ox.Literal(json.dumps(old, sort_keys=True))} }} }}")
        assert len(ops) == len(CORPUS_FILES)
        s.ox.update(" ;\n".join(ops))
        older = {k: v for k, v in s.rollup().items() if k != "sources"}
        s._write_rollup({**older, "format": 2})
    with GraphStore(path, read_only=True) as s:  # a reader uses that roll-up, and the graphs for the sources
        assert not s.rollup_note and rollups.sources(s.rollup()) is None
        assert s.stats()["sources"] == listed
    assert kg("--store", path, "stats", "--json").out == expected.out
    with GraphStore(path) as s:  # a writer: the records get their sources, the roll-up is made again
        assert "an older kg's: added it up" in s.rollup_note and "stored it (once)" in s.rollup_note
    held = _matches(path)
    assert held["format"] == rollups.FORMAT and rollups.sources(held) == listed
    with GraphStore(path, read_only=True) as s:
        assert all("source" in summary for summary in s.document_summaries())
    assert kg("--store", path, "stats", "--json").out == expected.out
