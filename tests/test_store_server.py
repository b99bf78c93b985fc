"""The graph store on a SPARQL server (`--store http://...`): what sharing one store among
many writers needs beyond what the embedded store's tests (run on a server too) check —
writers that do not take each other's pending graphs for a crash, concurrent `kg ingest`
processes filling one graph, and one-line errors when the server is not there."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pyoxigraph as ox
import pytest
from conftest import CORPUS_FILES, ROOT, Backend, doc_id, kg_subprocess

from kg.errors import StoreError
from kg.graph.facts import facts_json
from kg.graph.store import COMPLETE, REGISTRY_GRAPH, GraphStore
from kg.graph.vocab import graph_iri
from kg.pipeline import ingest


@pytest.fixture
def server(tmp_path):
    b = Backend("server")
    yield b
    b.stop()


def _visible_docs(url: str) -> set[str]:
    """What a reader sees: the document list, and the documents any query reaches."""
    with GraphStore(url, read_only=True) as s:
        listed = set(s.documents())
        assert set(F["doc"] for F in facts_json(s)["documents"]) == listed
        reached = {r["id"].value for r in s.ox_query("SELECT ?id WHERE { ?d a kg:Document ; dcterms:identifier ?id }")}
        facts = {r["d"].value.rsplit("/", 1)[-1] for r in s.ox_query("SELECT DISTINCT ?d { ?f kg:inDocument ?d }")}
    assert reached == listed and facts <= listed
    return listed


def test_a_writer_in_progress_is_hidden_and_not_taken_for_a_crash(server, tmp_path, monkeypatch):
    """On a server whose PUT would not be atomic, KG_SPARQL_HIDE_PENDING=1 hides half a graph
    from queries too (here: a PUT of half the quads stands for one)."""
    monkeypatch.setenv("KG_SPARQL_HIDE_PENDING", "1")
    url = server.fresh(tmp_path / "db")
    first, second = CORPUS_FILES[0], CORPUS_FILES[1]
    with GraphStore(url) as a:
        assert ingest([first], a).ingested == [doc_id(first)]
    # writer B has marked a document pending and PUT only part of it (it is still at work, or died)
    b = GraphStore(url)
    with GraphStore(tmp_path / "emb") as emb:  # the document's quads, made by an embedded ingest
        ingest([second], emb)
        quads = list(emb.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri(doc_id(second)))))
    g = graph_iri(doc_id(second))
    mark = b._mark_pending([g])
    b.ox.put_graph(g, ox.serialize([q.triple for q in quads[: len(quads) // 2]], format=ox.RdfFormat.N_TRIPLES))
    assert _visible_docs(url) == {doc_id(first)}
    with GraphStore(url) as c:  # another writer opening the store leaves B's fresh work alone...
        assert c.recovered == []
    with GraphStore(url, read_only=True) as r:
        assert r.records()[g][0] != COMPLETE
        assert sum(1 for _ in r.ox.quads_for_pattern(None, None, None, ox.NamedNode(g))) == len(quads) // 2
    # ...and B completes: the document appears whole
    b.ox.put_graph(g, ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES))
    b._mark_complete(mark, [(g, {"doc": doc_id(second), "triples": len(set(quads)), "sha256": "x",
                                 "kg_version": "0"})])
    b.close()
    assert _visible_docs(url) == {doc_id(first), doc_id(second)}
    with GraphStore(url, read_only=True) as r:
        states = {q.object.value for q in r.ox.quads_for_pattern(ox.NamedNode(g), None, None,
                                                                  ox.NamedNode(REGISTRY_GRAPH))}
        assert not [s for s in states if s.startswith("pending")]


def test_queries_read_the_union_while_a_writer_is_between_its_marks(server, tmp_path):
    """By default a query reads the union of all graphs (fast), as Oxigraph loads a PUT in one
    transaction; what kg lists as documents is still only what the registry says is complete."""
    url = server.fresh(tmp_path / "db")
    first, second = CORPUS_FILES[0], CORPUS_FILES[1]
    with GraphStore(url) as a:
        ingest([first], a)
    b = GraphStore(url)
    g = graph_iri(doc_id(second))
    b._mark_pending([g])
    with GraphStore(tmp_path / "emb") as emb:
        ingest([second], emb)
        whole = emb.ox.quads_for_pattern(None, None, None, ox.NamedNode(g))
        b.ox.put_graph(g, ox.serialize([q.triple for q in whole], format=ox.RdfFormat.N_TRIPLES))
    with GraphStore(url, read_only=True) as r:
        assert r.query_options("SELECT * { ?s ?p ?o }") == {"use_default_graph_as_union": True}
        assert r.documents() == [doc_id(first)]
        assert [d["doc"] for d in facts_json(r)["documents"]] == [doc_id(first)]
        assert r.stats()["documents"] == 1
        ids = {x["id"].value for x in r.ox_query("SELECT ?id { ?d a kg:Document ; dcterms:identifier ?id }")}
        assert ids == {doc_id(first), doc_id(second)}  # the whole graph, before its complete mark
    b.close()


def test_a_pending_graph_older_than_the_lease_is_dropped_and_a_rerun_writes_it(server, tmp_path, monkeypatch):
    url = server.fresh(tmp_path / "db")
    doc = doc_id(CORPUS_FILES[0])
    g = graph_iri(doc)
    with GraphStore(url) as dead:  # a writer that died after its pending mark and half a PUT
        dead._mark_pending([g])
        dead.ox.put_graph(g, b"<urn:x:s> <urn:x:p> <urn:x:o> .\n")
    assert _visible_docs(url) == set()
    monkeypatch.setenv("KG_PENDING_LEASE", "0")
    with GraphStore(url) as s:
        assert s.recovered == [doc]
        assert graph_iri(doc) not in {x.value for x in s.ox.named_graphs()}
        assert ingest([CORPUS_FILES[0]], s).ingested == [doc]
    assert _visible_docs(url) == {doc}


def test_a_later_writers_mark_keeps_the_graph_hidden_when_an_earlier_one_completes(server, tmp_path):
    url = server.fresh(tmp_path / "db")
    g = graph_iri("some-doc")
    a, b = GraphStore(url), GraphStore(url)
    mark_a = a._mark_pending([g])
    mark_b = b._mark_pending([g])
    summary = {"doc": "some-doc", "triples": 1, "sha256": "x", "kg_version": "0"}
    a.ox.put_graph(g, b"<urn:x:s> <urn:x:p> <urn:x:o> .\n")
    a._mark_complete(mark_a, [(g, summary)])
    with GraphStore(url, read_only=True) as r:  # B still writes: hidden
        assert r.records()[g][0] != COMPLETE and r.documents() == []
    b.ox.put_graph(g, b"<urn:x:s> <urn:x:p> <urn:x:o> .\n")
    b._mark_complete(mark_b, [(g, summary)])
    with GraphStore(url, read_only=True) as r:
        assert r.full_records()[g] == (COMPLETE, summary) and r.documents() == ["some-doc"]
    a.close()
    b.close()


def test_concurrent_ingest_processes_fill_one_graph(server, tmp_path):
    """Two `kg ingest` processes (as on two machines) write different papers into one server
    at once; the facts are those of one embedded ingest of all the papers."""
    url = server.fresh(tmp_path / "db")
    halves = [tmp_path / "a", tmp_path / "b"]
    for i, folder in enumerate(halves):
        folder.mkdir()
        for src in CORPUS_FILES[i::2]:
            shutil.copyfile(src, folder / src.name)
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    procs = [subprocess.Popen([sys.executable, "-m", "kg.cli", "--store", url, "ingest", "-q", "--jobs", "0",
                               folder], env=env, stderr=subprocess.PIPE) for folder in halves]
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    assert _visible_docs(url) == {doc_id(p) for p in CORPUS_FILES}
    ref = tmp_path / "ref"
    both = tmp_path / "both"
    both.mkdir()
    for src in CORPUS_FILES:
        shutil.copyfile(src, both / src.name)
    assert kg_subprocess("--store", ref, "ingest", "-q", "--jobs", "0", both).returncode == 0
    got, want = (json.loads(kg_subprocess("--store", s, "facts").stdout) for s in (url, ref))
    assert got == want
    stats = [json.loads(kg_subprocess("--store", s, "stats", "--json").stdout) for s in (url, ref)]
    assert stats[0]["documents"] == stats[1]["documents"] == len(CORPUS_FILES)
    assert stats[0]["facts"] == stats[1]["facts"]


def test_kg_store_url_from_the_environment_and_after_the_command(server, tmp_path):
    url = server.fresh(tmp_path / "db")
    run = kg_subprocess("ingest", "-q", "--jobs", "0", CORPUS_FILES[0], env={"KG_STORE": url})
    assert run.returncode == 0, run.stderr.decode()
    for argv, env in ((["stats", "--json"], {"KG_STORE": url}), (["stats", "--json", "--store", url], {})):
        run = kg_subprocess(*argv, env=env)
        assert run.returncode == 0, run.stderr.decode()
        assert json.loads(run.stdout)["documents"] == 1


def test_no_server_at_the_url_is_one_error_line(tmp_path):
    import socket

    with socket.socket() as s:  # a loopback port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    for argv in (["stats"], ["facts"], ["query", "ASK { ?s ?p ?o }"], ["ingest", CORPUS_FILES[0]]):
        run = kg_subprocess("--store", url, *argv)
        assert run.returncode == 2
        assert run.stderr.decode().splitlines() == [f"kg: error: {url}: cannot reach the SPARQL server "
                                                    "(Connection refused)"], argv
    with pytest.raises(StoreError, match="cannot reach"):
        GraphStore(url, read_only=True)
