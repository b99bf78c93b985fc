"""kill -9 at random moments of a bulk ingest: every document is wholly present or absent
(readers see only completed graphs; the next writer drops what was left half-written), and
a rerun completes the ingest to the same facts as an uninterrupted one."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, corpus_copies

from kg.graph import rollup as rollups
from kg.graph.store import COMPLETE, GraphStore
from kg.graph.vocab import graph_iri


def _kg(*argv, wait: bool = True):
    env = {k: v for k, v in os.environ.items() if k not in ("KG_STORE", "KG_LEXICON")}
    env["PYTHONPATH"] = str(ROOT)
    cmd = [sys.executable, "-m", "kg.cli", *map(str, argv)]
    if wait:
        return subprocess.run(cmd, env=env, capture_output=True, timeout=120, check=False)
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def _check_complete_or_absent(path: Path | str, whole: dict[str, int] | None = None) -> set[str]:
    """Each document a reader sees has all its quads; one it does not see has no quad a query
    can reach — except, on a server, a graph whose PUT is done and whose complete mark is not:
    a query may reach it, whole (`whole`: its quad count, doc id → count). Returns the ids of
    the documents seen."""
    with GraphStore(path, read_only=True) as store:
        seen = set(store.documents())
        # the roll-up a reader uses is the sum of the completed records: the stored one (written
        # in the transaction that completes a batch), or one added up when it does not match
        held = store.rollup()
        assert held == rollups.build(store.full_records(), *store._static_from_graphs())
        assert set(held["documents"]) == seen
        for g, (state, summary) in store.records().items():
            if state == COMPLETE and "doc" in summary:
                n = sum(1 for _ in store.ox.quads_for_pattern(None, None, None, _node(g)))
                assert n == summary["triples"], f"{g}: {n} quads of {summary['triples']}"
        visible = {r["g"].value for r in store.ox_query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
        docs_visible = {g.rsplit("/", 1)[-1] for g in visible if "/graph/" in g} - {"lexicon", "ontology", "registry"}
        put_whole = {d for d in docs_visible - seen if whole and sum(
            1 for _ in store.ox.quads_for_pattern(None, None, None, _node(graph_iri(d)))) == whole.get(d)}
        assert docs_visible - put_whole == seen, f"visible graphs without a complete record: {docs_visible - seen}"
        facts = store.ox_query("SELECT DISTINCT ?d WHERE { ?f kg:inDocument ?d }")
        assert {r["d"].value.rsplit("/", 1)[-1] for r in facts} <= seen | put_whole
    with GraphStore(path) as store:  # a writer's open drops what a crash left half-written
        graphs = {g.value.rsplit("/", 1)[-1] for g in store.ox.named_graphs()} - {"lexicon", "ontology", "registry"}
        assert graphs == seen, f"graphs left after recovery: {graphs - seen}"
    return seen


def _node(iri: str):
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def test_kill_9_mid_ingest_leaves_documents_whole_and_a_rerun_completes(tmp_path, backend, monkeypatch):
    # on a server, a writer drops only pending graphs older than the lease (its writer is dead
    # and the requests it sent are done): here, a second, which the test waits for after a kill
    monkeypatch.setenv("KG_PENDING_LEASE", "1")
    src = corpus_copies(tmp_path / "src", 4)
    n_docs = len(list(src.iterdir()))
    ref = tmp_path / "ref"
    t0 = time.monotonic()
    run = _kg("--store", ref, "ingest", "-q", "--jobs", "1", "--batch", "2", src)
    full = time.monotonic() - t0
    assert run.returncode == 0, run.stderr
    with GraphStore(ref, read_only=True) as r:
        whole = {s["doc"]: s["triples"] for s in r.document_summaries()}
    store = backend.fresh(tmp_path / "store")
    rng = random.Random(8)
    kills = 0
    for _ in range(3):
        proc = _kg("--store", store, "ingest", "-q", "--jobs", "1", "--batch", "2", src, wait=False)
        time.sleep(rng.uniform(0.2, full * 0.9))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        if backend.kind == "server":
            time.sleep(1.5)
        seen = _check_complete_or_absent(store, whole)
        assert len(seen) <= n_docs
    assert kills, "the ingest finished before any kill: no crash was tested"
    run = _kg("--store", store, "ingest", "-q", "--jobs", "1", src)
    assert run.returncode == 0, run.stderr
    assert len(_check_complete_or_absent(store)) == n_docs
    facts = [json.loads(_kg("--store", p, "facts").stdout) for p in (ref, store)]
    assert facts[0] == facts[1]


CRASH_SCRIPT = """
import os, sys
import pyoxigraph as ox
from kg.graph.store import GraphStore
from kg.pipeline import ingest

class DiesInBulkLoad:
    '''The store, but the process dies inside the bulk load: after writing part of the batch.'''
    def __init__(self, real):
        self.real = real
    def __getattr__(self, name):
        return getattr(self.real, name)
    def bulk_load(self, data, fmt, **kw):
        quads = list(ox.parse(data, fmt))
        self.real.bulk_extend(quads[: len(quads) // 2])
        self.real.flush()
        os._exit(9)

store = GraphStore(sys.argv[1])
store.ox = DiesInBulkLoad(store.ox)
ingest([sys.argv[2]], store, batch_documents=3)
"""


def test_a_crash_inside_the_bulk_load_leaves_no_partial_document(tmp_path):
    """Deterministic: the process dies with half of a batch's quads on disk."""
    src = corpus_copies(tmp_path / "src", 2)
    store = tmp_path / "store"
    env = {k: v for k, v in os.environ.items() if k not in ("KG_STORE", "KG_LEXICON")}
    env["PYTHONPATH"] = str(ROOT)
    run = subprocess.run([sys.executable, "-c", CRASH_SCRIPT, str(store), str(src)], env=env,
                         capture_output=True, timeout=120, check=False)
    assert run.returncode == 9, run.stderr.decode()
    with GraphStore(store, read_only=True) as s:  # half-written graphs are on disk, but hidden
        pending = [g for g, (state, _s) in s.records().items() if state != COMPLETE]
        assert pending, "the crash left no pending record: the test did not hit the bulk load"
        on_disk = {g.value for g in s.ox.named_graphs()}
        assert set(pending) & on_disk, "no partial graph on disk: the test did not write half a batch"
        assert s.documents() == []
        assert list(s.ox_query("SELECT ?d WHERE { ?d a kg:Document }")) == []
        assert s.select("SELECT ?d WHERE { ?d a kg:Document }") == []  # rows as rdflib terms (the TUI)
        assert list(s.query("SELECT ?d WHERE { ?d a kg:Document }")) == []  # kg query's rdflib path
        assert s.stats() is None or s.stats()["documents"] == 0
    with GraphStore(store) as s:  # a writer's open drops the half-written documents and says which
        assert sorted(s.recovered) == sorted(g.removeprefix("https://w3id.org/kg-trials/data/graph/")
                                             for g in pending)
    assert _check_complete_or_absent(store) == set()
    run = _kg("--store", store, "ingest", "-q", "--jobs", "0", src)
    assert run.returncode == 0, run.stderr
    assert len(_check_complete_or_absent(store)) == len(list(src.iterdir()))
