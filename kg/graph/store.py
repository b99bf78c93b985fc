"""The persistent graph store: Oxigraph on disk, used through rdflib (oxrdflib).

Location: `--store PATH`, else `$KG_STORE`, else `./.kg/`. A new document's graph is
written by one atomic `extend`; a stored one is replaced by staging what changed and
applying it in one SPARQL update (one transaction). Either way a reader never sees half
a document and a failure leaves the previous graph in place.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg import __version__
from kg.errors import QueryError, StoreError
from kg.graph.namespaces import KG, KGD, PREFIXES
from kg.identity import id_of_segment

DEFAULT_STORE = ".kg"
# RocksDB keeps written data in memory tables until they are flushed; without a flush now
# and then, resident memory grew with every document ingested (bench/: +700 MB over 400
# documents). Flushing after this many quads keeps it flat, for ~2 % of the write time.
FLUSH_EVERY_QUADS = 100_000
LEXICON_GRAPH = KGD["graph/lexicon"]
ONTOLOGY_GRAPH = KGD["graph/ontology"]


def store_path(explicit: str | None = None) -> Path:
    return Path(explicit or os.environ.get("KG_STORE") or DEFAULT_STORE)


class GraphStore:
    """An Oxigraph store on disk, with the few operations kg needs."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False) -> None:
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        self.path = store_path(str(path) if path else None)
        self.read_only = read_only
        self._unflushed = 0
        try:
            if read_only:
                if not self.path.exists():
                    raise StoreError(f"{self.path}: no graph store here; run 'kg ingest' first")
                self.ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(self.path))
        except OSError as e:
            raise _open_error(self.path, e) from None
        # Staging graphs left by a process killed inside replace_graph's window: a writer drops
        # them; a reader leaves them out of every query (see `query_options`).
        self.staging = [g for g in self.ox.named_graphs() if _is_staging(g)]
        if self.staging and not read_only:
            for g in self.staging:
                self.ox.remove_graph(g)
            self.staging = []
        self.dataset = Dataset(store=OxigraphStore(store=self.ox), default_union=True)
        for prefix, iri in PREFIXES.items():
            self.dataset.bind(prefix, iri, override=True)
        self.prefixes = {p: str(ns) for p, ns in self.dataset.namespaces() if p}

    # -- documents ---------------------------------------------------------------------
    def document_state(self, doc_id: str) -> tuple[str, str] | None:
        """(sha256, kg version) of a stored document, or None."""
        from kg.graph.build import doc_iri, graph_iri

        q = (f"SELECT ?sha ?v WHERE {{ GRAPH <{graph_iri(doc_id)}> {{ <{doc_iri(doc_id)}> "
             f"<{KG.sha256}> ?sha ; <{KG.kgVersion}> ?v }} }}")
        for row in self.ox.query(q):
            return row["sha"].value, row["v"].value
        return None

    def is_current(self, doc_id: str, sha256: str) -> bool:
        return self.document_state(doc_id) == (sha256, __version__)

    def replace_graph(self, graph: str, triples: Iterable[tuple]) -> int:
        """Replace one named graph with `triples`, atomically; returns the triple count.

        A graph that is not in the store yet is written by one `extend` (one transaction).
        An existing graph is compared with the new triples: what changed is staged (one
        `extend`) and applied by one SPARQL update (one transaction) that deletes the old
        quads, inserts the new ones and drops the staging graphs. A forced re-ingest that
        changes only activity times thus rewrites a few quads instead of the whole graph,
        and a failure at any step leaves the previous graph in place.
        """
        g = ox.NamedNode(graph)
        quads = {ox.Quad(_ox(s), _ox(p), _ox(o), g) for s, p, o in triples}
        old = set(self.ox.quads_for_pattern(None, None, None, g))
        if not old:
            self.ox.extend(quads)
            self._written(len(quads))
            return len(quads)
        added, removed = quads - old, old - quads
        if not added and not removed:
            return len(quads)
        st_add, st_del = ox.NamedNode(f"{graph}#staging-add"), ox.NamedNode(f"{graph}#staging-del")
        self.ox.update(f"DROP SILENT GRAPH <{st_add.value}> ; DROP SILENT GRAPH <{st_del.value}>")
        self.ox.extend([ox.Quad(q.subject, q.predicate, q.object, st_add) for q in added]
                       + [ox.Quad(q.subject, q.predicate, q.object, st_del) for q in removed])
        self.ox.update(
            f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{st_del.value}> {{ ?s ?p ?o }} }} ;\n"
            f"INSERT {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{st_add.value}> {{ ?s ?p ?o }} }} ;\n"
            f"DROP SILENT GRAPH <{st_add.value}> ; DROP SILENT GRAPH <{st_del.value}>")
        self._written(2 * (len(added) + len(removed)))
        return len(quads)

    def _written(self, n: int) -> None:
        self._unflushed += n
        if self._unflushed >= FLUSH_EVERY_QUADS:
            self.flush()

    def remove_document(self, doc_id: str) -> None:
        from kg.graph.build import graph_iri

        self.ox.update(f"DROP SILENT GRAPH <{graph_iri(doc_id)}>")

    def documents(self) -> list[str]:
        """Ids of the stored documents."""
        q = (f"SELECT ?g WHERE {{ GRAPH ?g {{ ?d a <{KG.Document}> }} }}")
        prefix = str(KGD["graph/"])
        return sorted(id_of_segment(r["g"].value[len(prefix):]) for r in self.ox.query(q))

    def document_of_source(self, path: str) -> str | None:
        """The id of the stored document read from the file at `path` (absolute), or None."""
        q = (f"SELECT ?id WHERE {{ GRAPH ?g {{ ?d <{KG.sourcePath}> {ox.Literal(path)} ; "
             f"<http://purl.org/dc/terms/identifier> ?id }} }} LIMIT 1")
        for row in self.ox.query(q):
            return row["id"].value
        return None

    def document_source(self, doc_id: str) -> tuple[str | None, str] | None:
        """(absolute source path or None, sha256) of a stored document, or None."""
        from kg.graph.build import doc_iri, graph_iri

        q = (f"SELECT ?path ?sha WHERE {{ GRAPH <{graph_iri(doc_id)}> {{ <{doc_iri(doc_id)}> <{KG.sha256}> ?sha "
             f"OPTIONAL {{ <{doc_iri(doc_id)}> <{KG.sourcePath}> ?path }} }} }}")
        for row in self.ox.query(q):
            return (row["path"].value if row["path"] is not None else None), row["sha"].value
        return None

    def ensure_static_graphs(self) -> None:
        """Load the lexicon and ontology graphs when their files changed."""
        from kg.lexicon import LEXICON_FILE, ONTOLOGY_DIR

        for graph, path in ((LEXICON_GRAPH, LEXICON_FILE), (ONTOLOGY_GRAPH, ONTOLOGY_DIR / "kg.ttl")):
            if not path.exists():
                continue
            data = path.read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            q = f"ASK {{ GRAPH <{graph}> {{ <{graph}> <{KG.sha256}> \"{sha}\" }} }}"
            if self.ox.query(q):
                continue
            try:  # Oxigraph's own Turtle parser: ~20x faster than rdflib's on the lexicon
                parsed = list(ox.parse(data, ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()))
            except SyntaxError as e:
                raise StoreError(f"{path}: not valid Turtle ({e})") from None
            triples = [(q.subject, q.predicate, q.object) for q in parsed]
            triples.append((URIRef(str(graph)), URIRef(str(KG.sha256)), Literal(sha)))
            self.replace_graph(str(graph), triples)

    # -- queries -----------------------------------------------------------------------
    def query_options(self, sparql: str) -> dict:
        """How Oxigraph is to run a query: over the union of the graphs, unless the query names
        its own dataset (`FROM`, `FROM NAMED`); never over a staging graph."""
        from kg.graph.sparql import names_dataset

        if names_dataset(sparql):
            return {}
        if self.staging:
            graphs = [g for g in self.ox.named_graphs() if not _is_staging(g)]
            return {"default_graph": graphs, "named_graphs": graphs}
        return {"use_default_graph_as_union": True}

    def ox_query(self, sparql: str, *, allow_service: bool = False):
        """Run SPARQL 1.1 on Oxigraph; results stream (an iterator of solutions or triples).

        `SERVICE` (a request to another server) is refused unless `allow_service`."""
        from kg.graph.sparql import uses_service

        if not allow_service and uses_service(sparql):
            raise QueryError("SPARQL error: SERVICE (a request to another server) is not allowed here; "
                             "kg query --allow-service permits it")
        try:
            return self.ox.query(sparql, prefixes=self.prefixes, **self.query_options(sparql))
        except (SyntaxError, ValueError, OSError) as e:
            raise _query_error(e, sparql) from None

    def query(self, sparql: str, *, allow_service: bool = False):
        """Run SPARQL 1.1 (answered by Oxigraph) over the union of graphs, as an rdflib Result."""
        from kg.graph.sparql import to_rdflib_result

        result = self.ox_query(sparql, allow_service=allow_service)
        try:
            return to_rdflib_result(result, self.dataset)
        except (ValueError, OSError) as e:
            raise _query_error(e, sparql) from None

    def select(self, sparql: str) -> list[dict]:
        """A SELECT's rows as dicts of rdflib terms (unbound variables left out)."""
        res = self.query(sparql)
        return [{str(k): v for k, v in row.asdict().items()} for row in res]

    def triple_count(self) -> int:
        return len(self.ox)

    def flush(self) -> None:
        self.ox.flush()
        self._unflushed = 0

    def close(self) -> None:
        """Release the database (and its lock) now, not whenever the garbage collector runs:
        the rdflib Dataset holds reference cycles, so a dropped GraphStore kept the store
        locked and a second open in the same process (tests, the TUI) failed."""
        if self.ox is None:
            return
        if not self.read_only:
            self.ox.flush()
        self.dataset.close()
        self.dataset = None
        self.ox = None

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _ox(term):
    """An rdflib term as an Oxigraph term (Oxigraph terms pass through)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, Literal):
        return ox.Literal(term, language=term.language,
                          datatype=ox.NamedNode(term.datatype) if term.datatype and not term.language else None)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term
    raise TypeError(f"not an RDF term: {term!r}")


def _is_staging(graph) -> bool:
    return isinstance(graph, ox.NamedNode) and graph.value.endswith(("#staging-add", "#staging-del"))


def _lock_holder(path: Path) -> int | None:
    """The pid holding the store's lock file (Linux: from /proc/locks), or None."""
    try:
        inode = os.stat(path / "LOCK").st_ino
        with open("/proc/locks", encoding="ascii", errors="replace") as f:
            for line in f:
                fields = line.split()
                if len(fields) > 5 and fields[5].rsplit(":", 1)[-1] == str(inode):
                    return int(fields[4])
    except (OSError, ValueError):
        return None
    return None


def _open_error(path: Path, e: OSError) -> StoreError:
    """One line on why the store could not be opened; a lock held by another process said so."""
    msg = str(e)
    if "lock" in msg.lower() and ("temporarily unavailable" in msg.lower() or "LOCK" in msg):
        pid = _lock_holder(path)
        who = f"another kg process (pid {pid})" if pid and pid != os.getpid() else "another kg process"
        return StoreError(f"{path}: {who} is writing to this graph store; wait for it to finish (or stop it), "
                          "or give another --store")
    reason = getattr(e, "strerror", None) or (msg.splitlines()[0] if msg else type(e).__name__)
    return StoreError(f"{path}: cannot open the graph store ({reason})")


def _query_error(e: Exception, sparql: str) -> QueryError:
    """A readable error with line and column (Oxigraph reports them as 'line:col' or 'at line x')."""
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    line = col = None
    m = re.search(r"(\d+):(\d+)", msg) or re.search(r"line (\d+),? column (\d+)", msg)
    if m:
        line, col = int(m.group(1)), int(m.group(2))
        msg = re.sub(r"^error at \d+:\d+(?:-\d+:\d+)?:\s*", "", msg)  # the position is reported once, below
    return QueryError(f"SPARQL error: {msg}", line, col, sparql)
