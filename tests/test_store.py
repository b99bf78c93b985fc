"""The on-disk store: re-ingest is idempotent, --force only moves timestamps, a changed
document replaces its own graph and nothing else, and readers never write."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import (
    CORPUS,
    CORPUS_FILES,
    ROOT,
    doc_id,
    graph_name,
    in_graph,
    kg_subprocess,
    read_quads,
    union_graph,
    without_timestamps,
)
from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from kg.graph import rollup as rollups
from kg.graph.namespaces import KG
from kg.graph.store import REGISTRY_GRAPH, GraphStore
from kg.pipeline import ingest

TEXT_SOURCE = next(p for p in CORPUS_FILES if ".record." not in p.name)
# a paragraph the extractors read: an AE with count and grade, under a heading of its own
APPENDED = ("\nResults\n\nTwo patients had grade 3 neutropenia and one patient had a serious infection "
            "related to arsenic trioxide.\n")


def assert_same_graphs(after: set, before: set, docs: list[str]) -> None:
    """The same quads (the store has no blank nodes, so this is isomorphism, and stricter), and
    each document's graph isomorphic to its counterpart by rdflib.compare as well."""
    assert not [t for q in after for t in q if isinstance(t, BNode)]
    extra, missing = after - before, before - after
    assert not extra and not missing, f"{len(extra)} quads added (e.g. {sorted(extra)[:2]}), " \
                                      f"{len(missing)} removed (e.g. {sorted(missing)[:2]})"
    for doc in docs:
        g = graph_name(doc)
        assert isomorphic(union_graph(in_graph(after, g)), union_graph(in_graph(before, g)))


def facts_of(quads, doc: str) -> set[URIRef]:
    g = graph_name(doc)
    return {s for s, p, _o, gg in quads if gg == g and p == KG.inDocument and "/fact/" in s}


# ------------------------------------------------------------------------------ re-ingest


def test_reingest_unchanged_skips_and_leaves_the_store_as_it_was(backend, corpus_store, tmp_path):
    path = backend.clone(corpus_store, tmp_path / "store")
    before = read_quads(path)
    with GraphStore(path) as store:
        report = ingest([CORPUS], store)
    assert report.ingested == [] and report.failed == []
    assert sorted(report.skipped) == sorted(doc_id(p) for p in CORPUS_FILES)
    assert_same_graphs(read_quads(path), before, report.skipped)


def test_reingest_unchanged_through_the_cli_says_so(kg, backend, corpus_store, tmp_path):
    path = backend.clone(corpus_store, tmp_path / "store")
    before = read_quads(path)
    run = kg("--store", path, "ingest", CORPUS)
    assert run.code == 0, run.err
    assert run.out == ""
    assert run.err.startswith(f"ingested 0, unchanged {len(CORPUS_FILES)}, failed 0;"), run.err
    assert read_quads(path) == before


def test_force_reingest_changes_nothing_but_activity_times(backend, corpus_store, tmp_path):
    path = backend.clone(corpus_store, tmp_path / "store")
    before = read_quads(path)
    with GraphStore(path) as store:
        report = ingest([CORPUS], store, force=True)
    assert sorted(report.ingested) == sorted(doc_id(p) for p in CORPUS_FILES)
    assert report.skipped == [] and report.failed == []
    after = read_quads(path)
    stamps = [q for q in before if q[1] == PROV.startedAtTime]
    assert stamps, "activities carry their start time"
    assert len([q for q in after if q[1] == PROV.startedAtTime]) == len(stamps)
    assert_same_graphs(without_timestamps(after), without_timestamps(before), report.ingested)


def test_a_changed_document_replaces_its_graph_and_only_its_graph(backend, corpus_store, tmp_path):
    path = backend.clone(corpus_store, tmp_path / "store")
    doc = doc_id(TEXT_SOURCE)
    g = graph_name(doc)
    src = tmp_path / "in" / TEXT_SOURCE.name
    src.parent.mkdir()
    shutil.copyfile(TEXT_SOURCE, src)
    original = TEXT_SOURCE.read_bytes()
    before = read_quads(path)

    with GraphStore(path) as store:  # the same bytes from another folder: the same document
        assert ingest([src], store).skipped == [doc]
    assert read_quads(path) == before

    src.write_bytes(original + APPENDED.encode("utf-8"))
    new_sha = hashlib.sha256(src.read_bytes()).hexdigest()
    with GraphStore(path) as store:  # other bytes from another file under the same id: refused...
        report = ingest([src], store)
        assert not report.ingested and "is already in the store from" in report.failed[0][1]
    assert read_quads(path) == before
    with GraphStore(path) as store:  # ...unless forced
        report = ingest([src], store, force=True)
        assert report.ingested == [doc] and not report.failed
        assert store.document_state(doc)[0] == new_sha
    after = read_quads(path)

    # other graphs (the other document, lexicon, ontology) are untouched, quad for quad; so are
    # the registry's records of them (the document's own record names its new sha256); the
    # store's roll-up (subject: the registry graph) is the sum of the records now held
    reg = URIRef(REGISTRY_GRAPH)
    assert {q for q in after if q[3] != g and q[0] not in (g, reg)} == \
        {q for q in before if q[3] != g and q[0] not in (g, reg)}
    with GraphStore(path, read_only=True) as store:
        held = store.rollup()
        assert not store.rollup_note
        assert held == rollups.build(store.full_records(), *store._static_from_graphs())
    # the document node has exactly one sha256 and one text: the new ones
    d = URIRef(str(g).replace("/graph/", "/doc/"))
    assert {q[2] for q in after if q[0] == d and q[1] == KG.sha256} == {Literal(new_sha)}
    assert {q[2] for q in after if q[0] == d and q[1] == KG.text} == {Literal(src.read_text(encoding="utf-8"))}
    old_sha = hashlib.sha256(original).hexdigest()
    assert not [q for q in after if q[2] == Literal(old_sha)]
    # the appended sentence gave facts whose evidence lies in the appended text
    old_facts, new_facts = facts_of(before, doc), facts_of(after, doc)
    appended = _facts_with_evidence_from(after, g, len(original.decode("utf-8")))
    assert appended and appended <= new_facts
    assert not appended & old_facts
    # facts that the new text no longer yields are gone from the store altogether
    stale = old_facts - new_facts
    assert not {q for q in after if q[0] in stale or q[2] in stale}

    # and the graph is what a fresh store makes of the new file (up to activity times)
    fresh_path = backend.fresh(tmp_path / "fresh")
    with GraphStore(fresh_path) as fresh:
        ingest([src], fresh)
    fresh_quads = read_quads(fresh_path)
    assert isomorphic(union_graph(without_timestamps(in_graph(after, g))),
                      union_graph(without_timestamps(in_graph(fresh_quads, g))))

    # back to the original text: the appended facts go, the graph is the original one again
    src.write_bytes(original)
    with GraphStore(path) as store:
        assert ingest([src], store).ingested == [doc]
    restored = read_quads(path)
    assert not facts_of(restored, doc) & appended
    assert facts_of(restored, doc) == old_facts
    # (but for the source path it was read from, which moved: the document node's, and the one its
    # record and the store's roll-up keep for `kg stats`)
    moved = lambda quads: {q for q in without_timestamps(quads)  # noqa: E731
                           if q[1] != KG.sourcePath and not (q[3] == reg and q[0] in (g, reg))}
    assert_same_graphs(moved(restored), moved(before), [doc])
    record = lambda quads: json.loads(next(q[2] for q in quads if q[0] == g and q[1] == KG.ingestSummary))  # noqa: E731
    assert record(restored)["source"] == os.path.abspath(src)
    assert record(before)["source"] == os.path.abspath(TEXT_SOURCE)
    assert {**record(restored), "source": ""} == {**record(before), "source": ""}
    with GraphStore(path, read_only=True) as store:
        assert store.stats()["sources"][doc] == os.path.abspath(src)


def _facts_with_evidence_from(quads, g, offset: int) -> set[URIRef]:
    """Facts of graph g with an evidence span starting at or after `offset`."""
    from kg.graph.namespaces import OA

    q = [x for x in quads if x[3] == g]
    starts = {s: int(o) for s, p, o, _ in q if p == OA.start}
    selector_of = {}  # target -> selectors
    for s, p, o, _ in q:
        if p == OA.hasSelector:
            selector_of.setdefault(s, []).append(o)
    target_of = {s: o for s, p, o, _ in q if p == OA.hasTarget}
    return {f for f, p, ann, _ in q if p == PROV.wasDerivedFrom and "/fact/" in f
            and any(starts.get(sel, -1) >= offset for sel in selector_of.get(target_of[ann], []))}


# ------------------------------------------------------------------------------ opening


def test_readers_do_not_write_to_the_store(kg, backend, corpus_store, tmp_path):
    """facts, text, query, stats and export open the store read-only: no file changes (on a
    server: no quad changes)."""
    path = backend.clone(corpus_store, tmp_path / "store")

    def snapshot():
        if backend.kind == "server":
            return read_quads(path)
        return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in path.iterdir()}

    before = snapshot()
    doc = doc_id(CORPUS_FILES[0])
    for argv in (["facts"], ["text", doc], ["query", "ASK { ?s ?p ?o }"], ["stats"],
                 ["export", "--format", "nt", "-o", tmp_path / "x.nt"]):
        run = kg("--store", path, *argv)
        assert run.code == 0, (argv, run.err)
    assert snapshot() == before


def test_query_from_another_process_while_this_one_holds_the_store(corpus_store):
    """The session store is open read-write in this process (not being written): a `kg query`
    child process opens it read-only, twice at once, and sees the whole graph."""
    argv = [sys.executable, "-m", "kg.cli", "--store", str(corpus_store.writer_path), "query", "--format", "csv",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"]
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"} | {"PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(2)]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
        assert out.decode().splitlines() == ["n", str(len(corpus_store.store.ox))]


def test_ingest_while_another_process_holds_the_store_is_one_error_line(corpus_store, tmp_path):
    proc = kg_subprocess("--store", corpus_store.writer_path, "ingest", CORPUS_FILES[0])
    assert proc.returncode == 2
    err = proc.stderr.decode().splitlines()
    assert len(err) == 1 and err[0].startswith(f"kg: error: {corpus_store.writer_path}: another kg process (pid "
                                               f"{os.getpid()}) is writing to this graph store; wait for it")


def test_a_closed_store_can_be_reopened_in_the_same_process(backend, corpus_store, tmp_path, kg):
    path = backend.clone(corpus_store, tmp_path / "store")
    for _ in range(2):  # each CLI call opens read-write and must release the lock when done
        run = kg("--store", path, "ingest", "-q", CORPUS_FILES[0])
        assert run.code == 0, run.err
    store = GraphStore(path)
    store.close()
    store.close()  # twice is harmless
    with GraphStore(path) as again:
        assert again.documents() == corpus_store.store.documents()


def test_a_writer_leaves_no_write_ahead_log_for_readers_to_replay(tmp_path):
    """A read-only open reads every write-ahead log RocksDB still keeps and the manifest's whole
    history; after a writer closes (an ingest, a replaced graph), the logs are empty, there is
    one manifest, and everything written is there."""
    path = tmp_path / "store"
    for sources in ([CORPUS_FILES[0]], [CORPUS]):
        with GraphStore(path) as store:
            ingest(sources, store, jobs=0)
        logs = sorted(path.glob("*.log"))
        assert logs and all(p.stat().st_size == 0 for p in logs), [(p.name, p.stat().st_size) for p in logs]
        assert len(list(path.glob("MANIFEST-*"))) == 1
    import pyoxigraph as ox

    extra = str(graph_name("extra"))
    with GraphStore(path) as store:
        store.replace_graph(extra, [(ox.NamedNode("https://x.org/a"), ox.NamedNode("https://x.org/p"),
                                     ox.Literal("b"))])
    assert all(p.stat().st_size == 0 for p in path.glob("*.log"))
    with GraphStore(path, read_only=True) as store:
        assert store.documents() == sorted(doc_id(p) for p in CORPUS_FILES)
        assert store.ox.contains_named_graph(ox.NamedNode(extra))


def test_read_only_open_of_a_missing_store_is_a_store_error(tmp_path):
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="no graph store here"):
        GraphStore(tmp_path / "nothing", read_only=True)
    assert not (tmp_path / "nothing").exists()


# ------------------------------------------------------------------------------ location


def test_store_location_flag_then_env_then_dot_kg(kg, corpus_store, tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    missing_env = tmp_path / "from-env"
    n_docs = len(CORPUS_FILES)

    # nothing anywhere: ./.kg is where kg looks
    run = kg("stats", "--json")
    assert run.code == 2 and run.err.strip() == "kg: error: .kg: no graph store here; run 'kg ingest' first"
    # ./.kg is used when there is one
    corpus_store.clone(work / ".kg")
    run = kg("stats", "--json")
    assert run.code == 0, run.err
    assert f'"documents": {n_docs}' in run.out
    # $KG_STORE wins over ./.kg
    monkeypatch.setenv("KG_STORE", str(missing_env))
    run = kg("stats", "--json")
    assert run.code == 2 and str(missing_env) in run.err
    # --store wins over $KG_STORE
    run = kg("--store", corpus_store.path, "stats", "--json")
    assert run.code == 0, run.err
    # ingest creates the store where $KG_STORE says
    run = kg("ingest", "-q", CORPUS_FILES[0])
    assert run.code == 0, run.err
    assert missing_env.is_dir()
    monkeypatch.delenv("KG_STORE")
    with GraphStore(missing_env, read_only=True) as s:
        assert s.documents() == [doc_id(CORPUS_FILES[0])]


def test_kg_store_in_a_child_process(corpus_store, tmp_path):
    proc = kg_subprocess("stats", "--json", env={"KG_STORE": str(corpus_store.path)}, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert f'"documents": {len(CORPUS_FILES)}' in proc.stdout.decode()


def test_every_document_has_its_own_named_graph(corpus_store):
    names = {q[3] for q in corpus_store.quads()}
    assert {graph_name(doc_id(p)) for p in CORPUS_FILES} <= names
    assert None not in names  # nothing is written to the default graph


def test_a_bulk_load_read_as_a_stream_of_chunks_holds_every_quad(tmp_path):
    """The batch's N-Quads go to the bulk loader as one stream over the documents' chunks (no
    joined copy): every quad arrives, whatever the chunk sizes."""
    import pyoxigraph as ox

    from kg.graph.store import _Chunks

    lines = [f'<http://example.org/s{i}> <http://example.org/p> "v{i} é" <http://example.org/g{i % 3}> .\n'
             for i in range(500)]
    chunks = [b"".join(x.encode() for x in lines[a:b]) for a, b in ((0, 1), (1, 1), (1, 257), (257, 500))]
    store = ox.Store(str(tmp_path / "s"))
    store.bulk_load(_Chunks(chunks), ox.RdfFormat.N_QUADS, lenient=True)
    assert len(store) == 500
    assert ox.Literal("v499 é") in {q.object for q in store}
    assert _Chunks([b"ab", b"", b"cde"]).read() == b"abcde"


def test_a_writer_keeps_only_the_newest_rotated_info_logs(tmp_path):
    """Every open as a writer rotates RocksDB's diagnostic LOG; after many ingests the folder
    holds at most KEEP_INFO_LOGS of them, the newest, and the store still reads."""
    from kg.graph.store import KEEP_INFO_LOGS

    path = tmp_path / "store"
    seen: set[str] = set()
    for _ in range(KEEP_INFO_LOGS + 2):
        with GraphStore(path) as store:
            ingest([CORPUS_FILES[0]], store, jobs=0)
        seen |= {p.name for p in path.glob("LOG.old.*")}
    kept = sorted(p.name for p in path.glob("LOG.old.*"))
    assert 0 < len(kept) <= KEEP_INFO_LOGS
    assert len(seen) > len(kept)  # some were rotated and then removed
    newest = sorted(seen, key=lambda n: (len(n), n))[-len(kept):]
    assert kept == sorted(newest)
    with GraphStore(path, read_only=True) as store:
        assert store.documents() == [doc_id(CORPUS_FILES[0])]
