"""The persistent graph store: Oxigraph on disk, used through rdflib (oxrdflib).

Location: `--store PATH`, else `$KG_STORE`, else `./.kg/`. A document's graph is written
to a staging graph in one atomic `extend` and then moved over the live graph by one SPARQL
`MOVE` (one transaction), so a reader never sees half a document and a failure leaves
the previous graph in place.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from kg import __version__
from kg.errors import QueryError, StoreError
from kg.graph.namespaces import KG, KGD, PREFIXES

DEFAULT_STORE = ".kg"
LEXICON_GRAPH = KGD["graph/lexicon"]
ONTOLOGY_GRAPH = KGD["graph/ontology"]


def store_path(explicit: str | None = None) -> Path:
    return Path(explicit or os.environ.get("KG_STORE") or DEFAULT_STORE)


class GraphStore:
    """An Oxigraph store on disk, with the few operations kg needs."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False) -> None:
        import pyoxigraph as ox
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        self.path = store_path(str(path) if path else None)
        try:
            if read_only:
                if not self.path.exists():
                    raise StoreError(f"{self.path}: no graph store here; run 'kg ingest' first")
                self.ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(self.path))
        except OSError as e:
            raise StoreError(f"{self.path}: cannot open the graph store ({e})") from None
        self.dataset = Dataset(store=OxigraphStore(store=self.ox), default_union=True)
        for prefix, iri in PREFIXES.items():
            self.dataset.bind(prefix, iri, override=True)

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
        """Replace one named graph with `triples`, atomically; returns the triple count."""
        import pyoxigraph as ox
        from oxrdflib._converter import to_ox

        staging = ox.NamedNode(f"{graph}#staging")
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), staging) for s, p, o in triples]
        self.ox.update(f"DROP SILENT GRAPH <{staging.value}>")
        self.ox.extend(quads)
        self.ox.update(f"MOVE SILENT GRAPH <{staging.value}> TO <{graph}>")
        return len(quads)

    def remove_document(self, doc_id: str) -> None:
        from kg.graph.build import graph_iri

        self.ox.update(f"DROP SILENT GRAPH <{graph_iri(doc_id)}>")

    def documents(self) -> list[str]:
        """Ids of the stored documents."""
        q = (f"SELECT ?g WHERE {{ GRAPH ?g {{ ?d a <{KG.Document}> }} }}")
        prefix = str(KGD["graph/"])
        return sorted(r["g"].value[len(prefix):] for r in self.ox.query(q))

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
            from rdflib import Graph, Literal, URIRef

            g = Graph()
            g.parse(data=data, format="turtle")
            triples = list(g) + [(URIRef(str(graph)), URIRef(str(KG.sha256)), Literal(sha))]
            self.replace_graph(str(graph), triples)

    # -- queries -----------------------------------------------------------------------
    def query(self, sparql: str):
        """Run SPARQL 1.1 through rdflib (answered by Oxigraph) over the union of graphs."""
        try:
            return self.dataset.query(sparql, initNs={})
        except SyntaxError as e:
            raise _query_error(e, sparql) from None
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


def _query_error(e: Exception, sparql: str) -> QueryError:
    """A readable error with line and column (Oxigraph reports them as 'line:col' or 'at line x')."""
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    line = col = None
    m = re.search(r"(\d+):(\d+)", msg) or re.search(r"line (\d+),? column (\d+)", msg)
    if m:
        line, col = int(m.group(1)), int(m.group(2))
    return QueryError(f"SPARQL error: {msg}", line, col, sparql)
