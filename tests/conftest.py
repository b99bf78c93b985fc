"""Shared fixtures: the repo corpus ingested once per session, stores cloned from it,
the CLI run in-process or as a subprocess, and the store's quads read back as rdflib terms.

The session store is ingested with the repository's own lexicon (ontology/lexicon.ttl);
nothing here depends on files outside the repository and pytest's tmp directories.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, XSD

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
TEST_DATA = ROOT / "tests" / "data"
CORPUS_FILES = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")


def corpus_copies(dest: Path, copies: int) -> Path:
    """The corpus papers copied under distinct names: many documents, each a full paper, that
    name the same trials and concepts."""
    import shutil

    dest.mkdir()
    for n in range(copies):
        for src in CORPUS_FILES:
            stem, dot, rest = src.name.partition(".")
            shutil.copyfile(src, dest / f"{stem}-{n:03d}{dot}{rest}")
    return dest
DATA_GRAPH_PREFIX = "https://w3id.org/kg-trials/data/graph/"

Quad = tuple  # (s, p, o, g) as rdflib terms; g is None for the default graph


# ------------------------------------------------------------------------------ the CLI


@dataclass
class Run:
    """What one `kg` invocation did."""

    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [ln for ln in self.err.splitlines() if ln.strip()]


@pytest.fixture
def kg(capsys):
    """Run `kg ARGV...` in-process (kg.cli.main) and capture what it printed."""
    from kg.cli import main

    def run(*argv: str | Path) -> Run:
        capsys.readouterr()  # drop anything printed before
        try:
            code = main([str(a) for a in argv])
        except SystemExit as e:  # argparse: --help, usage errors
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
        cap = capsys.readouterr()
        return Run(code, cap.out, cap.err)

    return run


def kg_subprocess(*argv: str | Path, env: dict | None = None, cwd: str | Path | None = None,
                  timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `python -m kg.cli ARGV...` in a child process; stdout/stderr are bytes."""
    base = {k: v for k, v in os.environ.items() if k not in ("KG_STORE", "KG_LEXICON")}
    base["PYTHONPATH"] = os.pathsep.join([str(ROOT), base.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, argv)], capture_output=True,
                          env={**base, **(env or {})}, cwd=cwd, timeout=timeout, check=False)


@pytest.fixture(autouse=True)
def _no_store_env(monkeypatch):
    """A KG_STORE from the developer's shell must not redirect the tests."""
    monkeypatch.delenv("KG_STORE", raising=False)


# ------------------------------------------------------------------------------ stores


@dataclass
class CorpusStore:
    """The corpus ingested once. `store` stays open read-write for the session at
    `writer_path` (tests of the store's lock use it); `path` is a copy taken right after the
    ingest that nothing writes, for commands that open it read-only (a read-only open beside
    a live RocksDB writer may list files the writer has since compacted away). `clone()`
    gives a test a store of its own to change."""

    path: Path
    writer_path: Path
    store: object  # kg.graph.store.GraphStore
    report: object  # kg.pipeline.IngestReport

    def clone(self, dest: Path) -> Path:
        """A consistent, independent copy (Oxigraph backup: hard links to immutable files)."""
        self.store.ox.backup(str(dest))
        return dest

    def quads(self) -> set[Quad]:
        return quads_of(self.store)


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> CorpusStore:
    from kg.graph.store import GraphStore
    from kg.pipeline import ingest

    base = tmp_path_factory.mktemp("corpus")
    writer_path = base / "store"
    store = GraphStore(writer_path)
    report = ingest([CORPUS], store)
    assert not report.failed, report.failed
    assert sorted(report.ingested) == sorted(doc_id(p) for p in CORPUS_FILES)
    store.ox.backup(str(base / "read-only"))
    yield CorpusStore(base / "read-only", writer_path, store, report)
    store.close()


def doc_id(path: Path) -> str:
    return path.name.split(".")[0]


def graph_name(doc: str) -> URIRef:
    from kg.graph.build import graph_iri

    return graph_iri(doc)


# ------------------------------------------------------------------------------ quads


_XSD_STRING = str(XSD.string)


@functools.lru_cache(maxsize=200_000)
def to_rdflib(term):
    """A pyoxigraph term as rdflib would parse it from a file (xsd:string → plain literal)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"unexpected term {term!r}")


def quads_of(store) -> set[Quad]:
    """Every quad of an open GraphStore, read directly from Oxigraph, as rdflib terms."""
    return {(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), to_rdflib(q.graph_name))
            for q in store.ox}


def read_quads(path: Path) -> set[Quad]:
    """Every quad of the store at `path` (opened read-only and closed again), as rdflib terms."""
    from kg.graph.store import GraphStore

    with GraphStore(path, read_only=True) as store:
        return quads_of(store)


def read_raw_quads(path: Path) -> set:
    """Every quad of the store at `path` as pyoxigraph Quads: exact, and quick to compare."""
    from kg.graph.store import GraphStore

    with GraphStore(path, read_only=True) as store:
        return set(store.ox)


def in_graph(quads: Iterable[Quad], g: URIRef) -> set[Quad]:
    return {q for q in quads if q[3] == g}


def without_timestamps(quads: Iterable[Quad]) -> set[Quad]:
    """The quads minus activity start times, which differ between two runs by design."""
    return {q for q in quads if q[1] != PROV.startedAtTime}


def union_graph(quads: Iterable[Quad]) -> Graph:
    g = Graph()
    for s, p, o, _g in quads:
        g.add((s, p, o))
    return g


def graphs_by_name(quads: Iterable[Quad]) -> dict:
    """{graph name: rdflib Graph} for a set of quads (None for the default graph)."""
    out: dict = {}
    for s, p, o, g in quads:
        out.setdefault(g, Graph()).add((s, p, o))
    return out


def dataset_graphs(ds: Dataset) -> dict:
    """{graph name: rdflib Graph} of a parsed Dataset's non-empty graphs (None = default)."""
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    out: dict = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = None if g is None or g == DATASET_DEFAULT_GRAPH_ID else g
        out.setdefault(name, Graph()).add((s, p, o))
    return out


def assert_isomorphic_datasets(got: dict, expected: dict) -> None:
    """Same graph names, and each named graph isomorphic (rdflib.compare) to its counterpart."""
    from rdflib.compare import graph_diff, isomorphic, to_isomorphic

    assert set(got) == set(expected), (set(got) ^ set(expected))
    for name, g in expected.items():
        if not isomorphic(got[name], g):
            _both, only_got, only_expected = graph_diff(to_isomorphic(got[name]), to_isomorphic(g))
            raise AssertionError(f"graph {name} differs: {len(only_got)} triples only in the output "
                                 f"(e.g. {sorted(only_got)[:2]}), {len(only_expected)} only in the store "
                                 f"(e.g. {sorted(only_expected)[:2]})")


def evidence_spans(obj) -> list[dict]:
    """Every evidence span ({start, end, text, ...}) anywhere in a facts-JSON value."""
    out: list[dict] = []
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys() and isinstance(obj["start"], int):
            out.append(obj)
        for v in obj.values():
            out.extend(evidence_spans(v))
    elif isinstance(obj, list):
        for v in obj:
            out.extend(evidence_spans(v))
    return out


# ------------------------------------------------------------------------------ a SPARQL server


def oxigraph_binary() -> str | None:
    """The `oxigraph` server (PyPI package `oxigraph`, in the test extra): beside this Python, or on PATH."""
    import shutil

    return shutil.which("oxigraph", path=os.pathsep.join([str(Path(sys.executable).parent),
                                                          os.environ.get("PATH", "")]))


class OxigraphServer:
    """`oxigraph serve` over one folder, on a free loopback port, until stop()."""

    def __init__(self, location: Path) -> None:
        import socket
        import time
        import urllib.request

        binary = oxigraph_binary()
        if binary is None:
            pytest.skip("the `oxigraph` server is not installed (pip install oxigraph; the test extra brings it)")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        location.mkdir(parents=True, exist_ok=True)
        self.url = f"http://127.0.0.1:{port}/"
        self.proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                                      "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.url + "query?query=ASK%7B%7D", timeout=2).read()
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    err = self.proc.stderr.read().decode(errors="replace") if self.proc.poll() is not None else ""
                    self.stop()
                    raise RuntimeError(f"oxigraph serve did not start: {err.strip()[:500]}") from None
                time.sleep(0.05)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stderr.close()


class Backend:
    """Where a test's store lives: a folder (embedded Oxigraph) or an Oxigraph server over a
    folder (`--store http://...`). `fresh` and `clone` give the location to pass as --store."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.servers: list[OxigraphServer] = []

    def fresh(self, folder: Path) -> Path | str:
        if self.kind == "embedded":
            return folder
        self.servers.append(OxigraphServer(folder))
        return self.servers[-1].url

    def clone(self, corpus: CorpusStore, folder: Path) -> Path | str:
        """A store of the test's own holding the corpus (a server serves an Oxigraph backup)."""
        if self.kind == "server" and oxigraph_binary() is None:
            pytest.skip("the `oxigraph` server is not installed (pip install oxigraph; the test extra brings it)")
        corpus.clone(folder)
        return self.fresh(folder)

    def stop(self) -> None:
        for s in self.servers:
            s.stop()


@pytest.fixture(params=["embedded", "server"])
def backend(request):
    """Each test that takes it runs twice: on an embedded store and on a server's."""
    b = Backend(request.param)
    yield b
    b.stop()


@pytest.fixture(scope="session", params=["embedded", "server"])
def corpus_location(request, corpus_store, tmp_path_factory):
    """The corpus store, read-only, as a folder and as a server (`--store` either way)."""
    if request.param == "embedded":
        yield corpus_store.path
        return
    b = Backend("server")
    yield b.clone(corpus_store, tmp_path_factory.mktemp("served") / "store")
    b.stop()
