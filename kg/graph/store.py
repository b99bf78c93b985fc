"""The persistent graph store: Oxigraph on disk, used through pyoxigraph.

Location: `--store PATH`, else `$KG_STORE`, else `./.kg/`. A location `http://HOST:PORT/`
is a SPARQL server's store: `GraphStore(url)` is then a `kg.graph.remote.ServerGraphStore`,
the same operations over the SPARQL 1.1 and Graph Store protocols.

Writes. New documents go in batches through Oxigraph's bulk loader (many documents per
call; it writes sorted files straight to disk, ~4x less CPU than one transaction per
document) — but the bulk loader is not transactional, so every graph it writes is framed
by records in the registry graph (`kgd:graph/registry`, one record per named graph):

1. one transaction marks the batch's graphs `kg:ingestState "pending"`;
2. the bulk loader writes their quads;
3. one transaction marks them "complete" with a JSON `kg:ingestSummary` (sha256, kg
   version, quad count, facts by class: what `kg stats` adds up instead of scanning).

A crash between 1 and 3 leaves pending records: readers hide those graphs (the document
list, facts and every SPARQL query see only completed graphs), and the next writer to
open the store drops them and their records, so a rerun ingests those documents again.
A stored document whose source changed is replaced by difference in one SPARQL update
(one transaction) that also rewrites its record: a forced re-ingest rewrites a few quads.

The registry is kg's bookkeeping, not part of the knowledge graph: exports and validation
read `data_graphs()` (which leaves it out); SPARQL sees it (`GRAPH kgd:graph/registry`), as
hiding it would make every query a union of per-graph scans instead of one index scan.
`kg query` refuses `SERVICE` unless allowed, and honours `FROM`/`FROM NAMED`.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterable

import pyoxigraph as ox

from kg import __version__
from kg.errors import QueryError, StoreError
from kg.graph import rollup as rollups
from kg.graph.vocab import KG_NS, KGD_NS, PREFIXES, doc_id_of_graph, doc_iri, graph_iri

DEFAULT_STORE = ".kg"
# RocksDB keeps transactional writes in memory tables until they are flushed; without a
# flush now and then, resident memory grew with every document (bench/: +700 MB over 400
# documents). The bulk loader writes files directly; the transaction that completes a bulk
# batch (its records and the roll-up) is flushed after each batch.
FLUSH_EVERY_QUADS = 100_000
LEXICON_GRAPH = KGD_NS + "graph/lexicon"
ONTOLOGY_GRAPH = KGD_NS + "graph/ontology"
REGISTRY_GRAPH = KGD_NS + "graph/registry"
GRAPH_PREFIX = KGD_NS + "graph/"
PENDING, COMPLETE = "pending", "complete"
STAGING_SUFFIXES = ("#staging-add", "#staging-del")
# read-only stores a process about to end by os._exit closed: kept, not released (see exit_soon)
_LEFT_TO_EXIT: list = []
_exit_soon = False

_REG = ox.NamedNode(REGISTRY_GRAPH)
_STATE = ox.NamedNode(KG_NS + "ingestState")
_SUMMARY = ox.NamedNode(KG_NS + "ingestSummary")
# the store's roll-up (kg.graph.rollup) and a stamp that changes with each write of it
_ROLLUP = ox.NamedNode(KG_NS + "rollup")
_ROLLUP_STAMP = ox.NamedNode(KG_NS + "rollupStamp")


def exit_soon() -> None:
    """This process ends by os._exit once its output is written (kg.cli.console, a read
    command): closing a read-only store then only drops its reference, leaving RocksDB's
    teardown (freeing every table reader it opened, ~2 ms on 1,000 papers) to the exit."""
    global _exit_soon
    _exit_soon = True


KEEP_INFO_LOGS = 4  # RocksDB's rotated diagnostic logs (LOG.old.*, ~140 KB each) a store keeps


def _prune_info_logs(folder: str) -> None:
    """Delete all but the newest KEEP_INFO_LOGS of RocksDB's rotated diagnostic logs: every
    open as a writer rotates one (two per ingest, with _settle), and RocksDB's own limit is
    1,000 files. They are text for a person debugging the engine, never read by it."""
    try:
        names = [n for n in os.listdir(folder) if n.startswith("LOG.old.")]
    except OSError:
        return
    names.sort(key=lambda n: (len(n), n))  # the suffix is a microsecond time stamp
    for name in names[:-KEEP_INFO_LOGS]:
        try:
            os.remove(os.path.join(folder, name))
        except OSError:
            pass


def store_path(explicit: str | None = None):
    """The store's folder (a Path), or the URL of the SPARQL server that keeps it (http:// or https://)."""
    where = _location(explicit)
    if is_url(where):
        return where
    from pathlib import Path

    return Path(where)


def _location(explicit: str | None = None) -> str:
    """The store's folder as given, or the URL of its server (with one trailing slash)."""
    where = str(explicit or os.environ.get("KG_STORE") or DEFAULT_STORE)
    return where.rstrip("/") + "/" if is_url(where) else where


def _folder(where: str) -> str:
    """`str(Path(where))` without importing pathlib (~3 ms of a reader's start-up, with
    urllib.parse): the same string for a plain path; pathlib itself normalises the others."""
    if where and where != "." and "//" not in where and "/./" not in where and not where.startswith("./") \
            and not where.endswith(("/", "/.")):
        return where
    from pathlib import Path

    return str(Path(where))


def is_url(location: object) -> bool:
    """True when a --store value names a SPARQL server (http:// or https://) rather than a folder."""
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


class GraphStore:
    """An Oxigraph store on disk, with the few operations kg needs. Given a URL (`--store
    http://host:port/`), the store is a SPARQL 1.1 server's: `kg.graph.remote.ServerGraphStore`
    (the same operations over the SPARQL and Graph Store protocols)."""

    def __new__(cls, path: str | os.PathLike | None = None, read_only: bool = False):
        where = _location(str(path) if path else None)
        if cls is GraphStore and is_url(where):
            from kg.graph.remote import ServerGraphStore

            return super().__new__(ServerGraphStore)
        return super().__new__(cls)

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False) -> None:
        self._path = None
        self._where = _folder(_location(str(path) if path else None))
        self.read_only = read_only
        self._unflushed = 0
        self._dataset = None
        self._records: dict[str, tuple[str, dict]] | None = None
        self._visible: list | None | bool = False  # False: not computed yet
        self._rollup: dict | None = None
        self._rollup_stamp: str | None = None
        self._state_quads = 0
        self.rollup_note = ""  # how the roll-up was had when the registry did not hold a valid one
        try:
            if read_only:
                if not os.path.exists(self._where):
                    raise StoreError(f"{self.path}: no graph store here; run 'kg ingest' first")
                self.ox = ox.Store.read_only(self._where)
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(self._where)
        except OSError as e:
            raise _open_error(self.path, e) from None
        self.recovered: list[str] = []  # documents a crashed writer left incomplete, dropped at open
        if not read_only:
            self.recovered = self.recover()

    @property
    def path(self):
        """The store's folder, a Path (made on first use: reading needs no pathlib)."""
        if self._path is None:
            from pathlib import Path

            self._path = Path(self._where)
        return self._path

    @path.setter
    def path(self, value) -> None:
        self._path = value

    @property
    def dataset(self):
        """An rdflib Dataset over the store (oxrdflib), made on first use: importing rdflib
        costs more than a whole `kg facts DOC`, so only callers that want rdflib pay."""
        if self._dataset is None:
            from oxrdflib import OxigraphStore
            from rdflib import Dataset

            self._dataset = Dataset(store=OxigraphStore(store=self.ox), default_union=True)
            for prefix, iri in PREFIXES.items():
                self._dataset.bind(prefix, iri, override=True)
        return self._dataset

    # -- the registry ------------------------------------------------------------------
    def records(self) -> dict[str, tuple[str, dict]]:
        """{graph IRI: (state, brief summary)} from the registry graph: of each summary only
        what the writer checks per document (doc, sha256, kg version, triples). The whole
        summaries (facts per node, nodes, predicates...) stay in the store: held for every
        document, they grew a writer by ~30 MB per 1,000 documents. `full_records()` reads them."""
        if self._records is None:
            self._records = self._read_records(brief)
        return self._records

    def full_records(self) -> dict[str, tuple[str, dict]]:
        """{graph IRI: (state, whole summary)}, read from the registry now (not kept)."""
        return self._read_records(lambda summary: summary)

    def _read_records(self, keep) -> dict[str, tuple[str, dict]]:
        states: dict[str, set[str]] = {}
        summaries: dict[str, dict] = {}
        for q in self.ox.quads_for_pattern(None, None, None, _REG):
            if q.predicate == _STATE:
                states.setdefault(q.subject.value, set()).add(q.object.value)
            elif q.predicate == _SUMMARY:
                summaries[q.subject.value] = keep(json.loads(q.object.value))
        # complete only when said so and not also pending (a write under way)
        return {g: (COMPLETE if st == {COMPLETE} else PENDING, summaries.get(g, {})) for g, st in states.items()}

    def summary(self, graph: str) -> dict:
        """The whole registry summary of one graph ({} when it has none)."""
        for q in self.ox.quads_for_pattern(ox.NamedNode(graph), _SUMMARY, None, _REG):
            return json.loads(q.object.value)
        return {}

    def hidden_graphs(self) -> set[str]:
        """Graphs readers must not see: pending bulk writes and replace-staging graphs (a
        writer drops them when it opens the store; a reader leaves them out of everything)."""
        if self._records is None and self.read_only:
            # a reader needs only the graphs that are not complete (reading the records decoded
            # and parsed every summary: 5.4 MB on 1,105 papers), and staging graphs, which have
            # no record: when no state is other than complete (so every recorded graph exists)
            # and the store holds as many graphs as records, plus the registry, there is none.
            # Three counts the engine makes on encoded terms, decoding no IRI (~1 ms at 1,105).
            reg, state = f"GRAPH <{REGISTRY_GRAPH}> {{ ?g <{_STATE.value}> ?s }}", ox.Literal(COMPLETE)
            counts = next(iter(self.ox.query(
                f"SELECT ?pending ?graphs ?recorded WHERE {{ "
                f"{{ SELECT (COUNT(*) AS ?pending) WHERE {{ {reg} FILTER(?s != {state}) }} }} "
                f"{{ SELECT (COUNT(*) AS ?graphs) WHERE {{ GRAPH ?g {{ }} }} }} "
                f"{{ SELECT (COUNT(DISTINCT ?g) AS ?recorded) WHERE {{ {reg} }} }} }}")))
            pending, graphs, recorded = (int(t.value) for t in counts)
            if pending == 0 and graphs == recorded + 1 and self.ox.contains_named_graph(_REG):
                return set()
            hidden = {r[0].value for r in self.ox.query(
                f"SELECT DISTINCT ?g WHERE {{ {reg} FILTER(?s != {state}) }}")}
        else:
            # a snapshot of the records: the writer thread adds to them while the ingest checks sources
            hidden = {g for g, (state, _s) in list(self.records().items()) if state != COMPLETE}
        for g in self.ox.named_graphs():
            if isinstance(g, ox.NamedNode) and g.value.endswith(STAGING_SUFFIXES):
                hidden.add(g.value)
        return hidden

    def _visible_graphs(self) -> list | None:
        """The graphs a query may read, or None when all of them are complete (the usual case)."""
        if self._visible is False:
            hidden = self.hidden_graphs()
            self._visible = None if not hidden else [
                g for g in self.ox.named_graphs() if not (isinstance(g, ox.NamedNode) and g.value in hidden)]
        return self._visible

    def recover(self) -> list[str]:
        """Drop what a crashed writer left half-done (pending graphs, staging graphs) and
        record the graphs of a store written before the registry existed; returns the ids of
        documents dropped, which a rerun of the ingest will write again."""
        self._records = None
        hidden = self.hidden_graphs()
        dropped = [self.records().get(g, (None, {}))[1].get("doc") or doc_id_of_graph(g)
                   for g in hidden if not g.endswith(STAGING_SUFFIXES)]
        if hidden:
            ops = [f"DROP SILENT GRAPH <{g}>" for g in sorted(hidden)]
            ops += [f"DELETE WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ <{g}> ?p ?o }} }}" for g in sorted(hidden)]
            self.ox.update(" ;\n".join(ops))
        self._records = None
        self._visible = False
        self._register_unrecorded()
        self._ensure_rollup()
        return sorted(dropped)

    def _register_unrecorded(self) -> None:
        """Records for graphs written by an older kg (one transaction per document, so complete)."""
        recs = self.records()
        missing = [g for g in self.ox.named_graphs()
                   if isinstance(g, ox.NamedNode) and g.value.startswith(GRAPH_PREFIX)
                   and g.value != REGISTRY_GRAPH and g.value not in recs]
        if not missing:
            return
        from kg.graph.writes import summarise

        quads = []
        for g in missing:
            graph_quads = list(self.ox.quads_for_pattern(None, None, None, g))
            sha = next((q.object.value for q in graph_quads if q.predicate.value == KG_NS + "sha256"), "")
            version = next((q.object.value for q in graph_quads
                            if q.predicate.value == KG_NS + "kgVersion" and "/doc/" in q.subject.value), "")
            is_document = any(q.predicate.value == KG_NS + "sourceFile" for q in graph_quads)
            doc = doc_id_of_graph(g.value) if is_document else None
            summary = summarise(doc, sha, graph_quads) if doc else {"triples": len(set(graph_quads))}
            summary["kg_version"] = version
            quads += _record(g.value, COMPLETE, summary)
        self.ox.extend(quads)
        self._records = None

    # -- the roll-up (kg.graph.rollup) -------------------------------------------------------
    def states(self) -> dict[str, set[str]]:
        """{graph IRI: its registry states}: one index scan of the registry's state quads,
        without the summaries (reading those is what the roll-up saves)."""
        out: dict[str, set[str]] = {}
        for q in self.ox.quads_for_pattern(None, _STATE, None, _REG):
            out.setdefault(q.subject.value, set()).add(q.object.value)
        return out

    def _states_for_rollup(self) -> dict[str, set[str]]:
        """`states()`, cheaper in the usual case where every state is "complete": one count
        (no term decoded) proves it, and then only the graph of each state is decoded, by the
        engine (one term a row instead of four, ~3x less CPU on 1,105 records)."""
        if not isinstance(self.ox, ox.Store):
            return self.states()
        reg, done = f"GRAPH <{REGISTRY_GRAPH}> {{ ?g <{_STATE.value}> ?s }}", ox.Literal(COMPLETE)
        others = next(iter(self.ox.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {reg} FILTER(?s != {done}) }}")))
        if int(others[0].value):
            return self.states()
        q = f"SELECT ?g WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ ?g <{_STATE.value}> {done} }} }}"
        return {row[0].value: {COMPLETE} for row in self.ox.query(q)}

    def _stored_rollup(self) -> tuple[dict | None, str | None]:
        """(roll-up, stamp) as the registry holds them, or None for what it lacks."""
        value = stamp = None
        for q in self.ox.quads_for_pattern(_REG, None, None, _REG):
            if q.predicate == _ROLLUP:
                value = rollups.loads(q.object.value) if value is None else {}  # two: a lost race
            elif q.predicate == _ROLLUP_STAMP:
                stamp = q.object.value
        return value, stamp

    def _static_from_graphs(self) -> tuple[dict, dict]:
        """(the lexicon's names, the static graphs' classes and properties), read from those graphs."""
        schema = {}
        lexicon: dict = {}
        for graph in (LEXICON_GRAPH, ONTOLOGY_GRAPH):
            triples = [(q.subject.value, q.predicate.value, q.object.value)
                       for q in self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))]
            if triples:
                schema[graph] = rollups.schema_of(triples)
            if graph == LEXICON_GRAPH:
                lexicon = rollups.lexicon_nodes(triples)
        return lexicon, schema

    def rollup(self) -> dict:
        """The store's roll-up: counts by class and property, facts per trial and concept,
        the nodes they name, the documents and the lexicon's names — what the TUI's catalog and
        status bar show on every screen. Read as one literal and checked against the records'
        states; a store without one, or with one that does not match (an older kg wrote to
        it), gets it added up from the records here, and `rollup_note` says so."""
        if self._rollup is None:
            stored, stamp = self._stored_rollup()
            states = self._states_for_rollup()
            self._state_quads = sum(len(v) for v in states.values())
            if rollups.consistent(stored, states, formats=rollups.READABLE if self.read_only else (rollups.FORMAT,)):
                self._rollup, self._rollup_stamp = stored, stamp
            else:
                if states or stored is not None:  # (a new store has neither: nothing to say)
                    self.rollup_note = ("this store has no roll-up (an older kg wrote it)" if stored is None
                                        else "the store's roll-up is an older kg's" if stored
                                        and stored.get("format") != rollups.FORMAT and rollups.consistent(
                                            stored, states, formats=(stored.get("format"),))
                                        else "the store's roll-up does not match its documents")
                self._rollup = rollups.build(self.full_records(), *self._static_from_graphs())
                self._rollup_stamp = stamp
        return self._rollup

    def _ensure_rollup(self) -> None:
        """A writer's open: write the roll-up once when the store lacks it (or it does not
        match the records), and say so in `rollup_note`."""
        self._rollup, said = None, self.rollup_note
        self.rollup_note = ""
        had = self.rollup()
        if self.rollup_note:
            records = self._records_with_sources()
            if records:  # the roll-up is the sum of the records: made again from the upgraded ones
                merged = {**self.full_records(), **{g: (COMPLETE, new) for g, (_old, new) in records.items()}}
                had = rollups.build(merged, had.get("lexicon"), had.get("schema"))
            self._write_rollup(had, records)
            self.rollup_note = (f"{self.rollup_note}: added it up from {len(had['documents']):,} "
                                "documents' records and stored it (once)")
        else:
            self.rollup_note = said

    def _rollup_update(self, rollup: dict) -> tuple[str, str]:
        """(SPARQL update, new stamp) that replaces the roll-up — only if it is still the one
        this writer read (its stamp): on a server another writer may have replaced it since."""
        text = rollups.dumps(rollup)
        stamp = rollups.stamp(text)
        reg = f"GRAPH <{REGISTRY_GRAPH}>"
        new = (f"{reg} {{ <{REGISTRY_GRAPH}> <{_ROLLUP.value}> {ox.Literal(text)} . "
               f"<{REGISTRY_GRAPH}> <{_ROLLUP_STAMP.value}> {ox.Literal(stamp)} }}")
        roll = f"{reg} {{ <{REGISTRY_GRAPH}> <{_ROLLUP.value}> ?r }}"
        mark = f"{reg} {{ <{REGISTRY_GRAPH}> <{_ROLLUP_STAMP.value}> ?s }}"
        # both operations hold only while the stamp is the one read: never drop another writer's
        held = (f"FILTER NOT EXISTS {{ {mark} }}" if self._rollup_stamp is None
                else f"{mark} FILTER(?s = {ox.Literal(self._rollup_stamp)})")
        return (f"DELETE {{ {roll} }} WHERE {{ {roll} {held} }} ;\n"
                f"DELETE {{ {mark} }} INSERT {{ {new} }} WHERE {{ {held} }}"), stamp

    def _records_with_sources(self) -> dict[str, tuple[str, dict]]:
        """{graph: (its summary's JSON as stored, the summary with its document's source)} for
        the completed documents whose record lacks the source (an older kg wrote them): read
        once from the document graphs, as `kg stats` lists them, when a writer makes the roll-up."""
        recs = self.records()
        lacking = {}
        for q in self.ox.quads_for_pattern(None, _SUMMARY, None, _REG):
            g, text = q.subject.value, q.object.value
            if recs.get(g, (None,))[0] == COMPLETE:
                summary = json.loads(text)
                if "doc" in summary and "source" not in summary and graph_iri(summary["doc"]) == g:
                    lacking[g] = (text, summary)
        if not lacking:
            return {}
        listed = self.document_sources()
        return {g: (text, {**summary, "source": listed[summary["doc"]]})
                for g, (text, summary) in lacking.items() if summary["doc"] in listed}

    def _write_rollup(self, rollup: dict, records: dict[str, tuple[str, dict]] | None = None) -> None:
        """Store the roll-up, with the records given ({graph: (summary JSON as read, new
        summary)}) rewritten in the same update — each only if it is still the one read."""
        update, stamp = self._rollup_update(rollup)
        if records:
            reg = f"GRAPH <{REGISTRY_GRAPH}>"
            ops = [f"DELETE {{ {reg} {{ <{g}> <{_SUMMARY.value}> {ox.Literal(old)} }} }} "
                   f"INSERT {{ {reg} {{ <{g}> <{_SUMMARY.value}> {ox.Literal(json.dumps(new, sort_keys=True))} }} }} "
                   f"WHERE {{ {reg} {{ <{g}> <{_SUMMARY.value}> {ox.Literal(old)} }} }}"
                   for g, (old, new) in sorted(records.items())]
            update = " ;\n".join([*ops, update])
            self._records = None
        self.ox.update(update)
        self._rollup, self._rollup_stamp = rollup, stamp

    def _rollup_after(self, changes: dict[str, dict | None]) -> dict:
        """The roll-up once the given graphs hold these summaries (None: removed): by
        addition for new graphs, by difference for a document whose nodes did not change,
        else added up again from the records."""
        current = self.rollup()
        recs = self.records()
        held = current.get("graphs", {})
        if all(s is not None and g not in held for g, s in changes.items()):
            out = rollups.added(current, [(g, s) for g, s in changes.items() if g != LEXICON_GRAPH])
            if LEXICON_GRAPH in changes:
                out["graphs"][LEXICON_GRAPH] = changes[LEXICON_GRAPH].get("triples", 0)
            return out
        if len(changes) == 1:
            (g, s), = changes.items()
            old = self.summary(g) if g in recs else {}
            if s is not None and g in held and "doc" in s and (out := rollups.replaced(current, g, old, s)):
                return out
            if s is not None and g in held and "doc" not in s:  # the lexicon, the ontology
                return {**current, "graphs": {**held, g: s.get("triples", 0)}}
        merged = {g: v for g, v in self.full_records().items() if g not in changes}
        merged.update({g: (COMPLETE, s) for g, s in changes.items() if s is not None})
        return rollups.build(merged, current.get("lexicon"), current.get("schema"))

    # -- documents ---------------------------------------------------------------------
    def document_state(self, doc_id: str) -> tuple[str, str] | None:
        """(sha256, kg version) of a completely stored document, or None."""
        state, summary = self.records().get(graph_iri(doc_id), (None, {}))
        if state != COMPLETE or "sha256" not in summary:
            return None
        return summary["sha256"], summary["kg_version"]

    def is_current(self, doc_id: str, sha256: str) -> bool:
        return self.document_state(doc_id) == (sha256, __version__)

    def write_documents(self, writes: list, *, flush: bool = True) -> int:
        """Write documents' graphs (`kg.graph.writes.GraphWrite`s): new ones in one bulk load
        framed by registry records, stored ones replaced by difference (one transaction each).
        Returns the quads written. `flush=False` leaves the batch's records in RocksDB's memory
        tables for a writer with more batches to come (it flushes after the last): the next bulk
        load flushes them first anyway, and a flush of its own per batch was one more level-0
        file per index, so more compactions (~0.08 s of a 62-document ingest's ~1 s of writer CPU)."""
        recs = self.records()
        seen: set[str] = set()
        new, changed = [], []
        for w in writes:
            if w.graph in seen:  # two sources with one id in a batch: the later one wins
                new = [x for x in new if x.graph != w.graph]
                changed = [x for x in changed if x.graph != w.graph]
            seen.add(w.graph)
            (changed if w.graph in recs else new).append(w)
        if new:
            self.ox.extend([q for w in new for q in _record(w.graph, PENDING)])
            # lenient: no IRI re-validation, the workers made every term through pyoxigraph already
            # read as one stream: a joined copy of the batch added its size to the peak
            self.ox.bulk_load(_Chunks([w.nquads for w in new]), ox.RdfFormat.N_QUADS, lenient=True)
            # the roll-up is rewritten in the transaction that completes the batch
            rollup = self._rollup_after({w.graph: w.summary for w in new})
            roll_op, stamp = self._rollup_update(rollup)
            ops = [f"DELETE DATA {{ GRAPH <{REGISTRY_GRAPH}> {{ "
                   + " ".join(f"<{w.graph}> <{_STATE.value}> {ox.Literal(PENDING)} ." for w in new) + " } }",
                   _insert_data([q for w in new for q in _record(w.graph, COMPLETE, w.summary)]), roll_op]
            self.ox.update(" ;\n".join(ops))
            # the records and the roll-up (a literal of a few MB, rewritten each batch) went
            # into RocksDB's memory tables: flushed now (or by the next batch's bulk load, which
            # flushes the memory tables its files overlap), they no longer pile up there
            if flush:
                self.flush()
            from kg.memory import release

            release()  # what the bulk loader's threads freed goes back to the system
            self._rollup, self._rollup_stamp = rollup, stamp
            for w in new:
                recs[w.graph] = (COMPLETE, brief(w.summary))
        for w in changed:
            quads = list(ox.parse(w.nquads, ox.RdfFormat.N_QUADS))
            self.replace_graph(w.graph, quads, w.summary)
        return sum(w.summary["triples"] for w in writes)

    def replace_graph(self, graph: str, quads: Iterable, summary: dict | None = None) -> int:
        """Replace one named graph with `quads` (or triples), atomically, with its registry
        record; returns the quad count.

        A graph that is not in the store yet is written by one `extend` (one transaction).
        An existing graph is compared with the new quads: what changed is staged (one
        `extend`) and applied by one SPARQL update (one transaction) that deletes the old
        quads, inserts the new ones, rewrites the record and drops the staging graphs. A
        forced re-ingest that changes only activity times thus rewrites a few quads.
        """
        g = ox.NamedNode(graph)
        new = {ox.Quad(q[0], q[1], q[2], g) for q in quads}
        summary = summary or {"triples": len(new)}
        record = _record(graph, COMPLETE, summary)
        old = set(self.ox.quads_for_pattern(None, None, None, g))
        recs = self.records()
        rollup = self._rollup_after({graph: summary})
        if graph in (LEXICON_GRAPH, ONTOLOGY_GRAPH):  # the static graphs: their names and vocabulary
            triples = [(q.subject.value, q.predicate.value, q.object.value) for q in new]
            rollup = {**rollup, "schema": {**rollup.get("schema", {}), graph: rollups.schema_of(triples)}}
            if graph == LEXICON_GRAPH:
                rollup["lexicon"] = rollups.lexicon_nodes(triples)
        if not old:
            # the new roll-up goes in the graph's one transaction; the old one goes in the
            # update before it (a crash between them leaves none: the next open adds it up)
            text = rollups.dumps(rollup)
            stamp = rollups.stamp(text)
            reg = f"GRAPH <{REGISTRY_GRAPH}> {{ <{REGISTRY_GRAPH}>"
            self.ox.update(f"DELETE WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ <{graph}> ?p ?o }} }} ;\n"
                           f"DELETE WHERE {{ {reg} <{_ROLLUP.value}> ?r }} }} ;\n"
                           f"DELETE WHERE {{ {reg} <{_ROLLUP_STAMP.value}> ?s }} }}")
            self.ox.extend(list(new) + record + [ox.Quad(_REG, _ROLLUP, ox.Literal(text), _REG),
                                                 ox.Quad(_REG, _ROLLUP_STAMP, ox.Literal(stamp), _REG)])
            self._rollup, self._rollup_stamp = rollup, stamp
            recs[graph] = (COMPLETE, brief(summary))
            self._written(len(new))
            return len(new)
        added, removed = new - old, old - new
        if (not added and not removed and recs.get(graph, (None,))[0] == COMPLETE and graph in rollup["graphs"]
                and self.summary(graph) == summary):
            return len(new)
        roll_op, stamp = self._rollup_update(rollup)
        st_add, st_del = ox.NamedNode(f"{graph}#staging-add"), ox.NamedNode(f"{graph}#staging-del")
        self.ox.update(f"DROP SILENT GRAPH <{st_add.value}> ; DROP SILENT GRAPH <{st_del.value}>")
        self.ox.extend([ox.Quad(q.subject, q.predicate, q.object, st_add) for q in added]
                       + [ox.Quad(q.subject, q.predicate, q.object, st_del) for q in removed])
        self.ox.update(
            f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{st_del.value}> {{ ?s ?p ?o }} }} ;\n"
            f"INSERT {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{st_add.value}> {{ ?s ?p ?o }} }} ;\n"
            f"DELETE WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ <{graph}> ?p ?o }} }} ;\n"
            f"{_insert_data(record)} ;\n{roll_op} ;\n"
            f"DROP SILENT GRAPH <{st_add.value}> ; DROP SILENT GRAPH <{st_del.value}>")
        self._rollup, self._rollup_stamp = rollup, stamp
        recs[graph] = (COMPLETE, brief(summary))
        self._written(2 * (len(added) + len(removed)))
        return len(new)

    def _written(self, n: int) -> None:
        self._unflushed += n
        if self._unflushed >= FLUSH_EVERY_QUADS:
            self.flush()

    def remove_document(self, doc_id: str) -> None:
        g = graph_iri(doc_id)
        rollup = self._rollup_after({g: None})
        roll_op, stamp = self._rollup_update(rollup)
        self.ox.update(f"DROP SILENT GRAPH <{g}> ; "
                       f"DELETE WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ <{g}> ?p ?o }} }} ;\n{roll_op}")
        self._rollup, self._rollup_stamp = rollup, stamp
        self.records().pop(g, None)

    def documents(self) -> list[str]:
        """Ids of the completely stored documents, sorted."""
        if not self.records():  # a store written before the registry (opened read-only)
            q = f"SELECT ?g WHERE {{ GRAPH ?g {{ ?d a <{KG_NS}Document> }} }}"
            return sorted(doc_id_of_graph(r["g"].value) for r in self.ox.query(q))
        return sorted(doc_id_of_graph(g) for g, (state, s) in self.records().items()
                      if state == COMPLETE and "doc" in s)

    def stored_documents(self, doc_ids: Iterable[str]) -> set[str]:
        """Which of these ids are completely stored documents, from the registry records of
        their graphs alone (`documents()` reads every record: 5.4 MB on 1,105 papers)."""
        if self._records is not None:
            return set(doc_ids) & set(self.documents())
        out = set()
        for d in doc_ids:
            states, summary = set(), {}
            for q in self.ox.quads_for_pattern(ox.NamedNode(graph_iri(d)), None, None, _REG):
                if q.predicate == _STATE:
                    states.add(q.object.value)
                elif q.predicate == _SUMMARY:
                    summary = json.loads(q.object.value)
            if states == {COMPLETE} and "doc" in summary:
                out.add(d)
        if not out and next(iter(self.ox.quads_for_pattern(None, _STATE, None, _REG)), None) is None:
            return set(doc_ids) & set(self.documents())  # a store written before the registry
        return out

    def document_of_source(self, path: str) -> str | None:
        """The id of the completely stored document read from the file at `path` (absolute), or None."""
        q = (f"SELECT ?g ?id WHERE {{ GRAPH ?g {{ ?d <{KG_NS}sourcePath> {ox.Literal(path)} ; "
             f"<http://purl.org/dc/terms/identifier> ?id }} }}")
        for row in self.ox.query(q):
            if self._complete(row["g"].value):
                return row["id"].value
        return None

    def _complete(self, graph: str) -> bool:
        """True unless the graph is pending or a staging graph (what a killed write left)."""
        return not graph.endswith(STAGING_SUFFIXES) and self.records().get(graph, (COMPLETE,))[0] == COMPLETE

    def document_source(self, doc_id: str) -> tuple[str | None, str] | None:
        """(absolute source path or None, sha256) of a completely stored document, or None."""
        g, d = graph_iri(doc_id), doc_iri(doc_id)
        if not self._complete(g):
            return None
        q = (f"SELECT ?path ?sha WHERE {{ GRAPH <{g}> {{ <{d}> <{KG_NS}sha256> ?sha "
             f"OPTIONAL {{ <{d}> <{KG_NS}sourcePath> ?path }} }} }}")
        for row in self.ox.query(q):
            return (row["path"].value if row["path"] is not None else None), row["sha"].value
        return None

    def stats(self) -> dict | None:
        """Documents, quads and facts by class, added up from the registry's records (kept in
        the transaction that completes each document); None for a store without records."""
        rollup = self.rollup()
        if not rollup["documents"]:
            return None
        sources = rollups.sources(rollup)  # each document's record says it (else: read from the graphs)
        return {"documents": len(rollup["documents"]), "triples": self.triple_count(),
                "facts": {k: n for k, n in sorted(rollup["facts"].items()) if n},
                "sources": sources if sources is not None else self.document_sources()}

    def document_sources(self) -> dict[str, str]:
        """Each stored document's id and the file it was read from (its absolute path where stored)."""
        # four index scans in one query, joined here on the document's IRI: the engine's joins
        # (a lookup per document and predicate) took twice as long at 1,105 documents
        q = (f"SELECT ?d ?k ?v WHERE {{ GRAPH ?g {{ {{ ?d a <{KG_NS}Document> BIND(0 AS ?k) }} "
             f"UNION {{ ?d <{KG_NS}sourceFile> ?v BIND(1 AS ?k) }} "
             f"UNION {{ ?d <http://purl.org/dc/terms/identifier> ?v BIND(2 AS ?k) }} "
             f"UNION {{ ?d <{KG_NS}sourcePath> ?v BIND(3 AS ?k) }} }} }}")
        docs: dict[str, list] = {}
        for d, k, v in self.ox.query(q, **self.query_options(q)):
            docs.setdefault(d.value, [False, None, None, None])[int(k.value)] = v.value if v is not None else True
        out = {}
        for typed, file, ident, path in docs.values():
            if typed and file is not None:
                out[ident if ident is not None else file.split(".")[0]] = path if path is not None else file
        return dict(sorted(out.items()))

    def document_summaries(self) -> list[dict]:
        """The registry summary of every completely stored document."""
        return [s for state, s in self.full_records().values() if state == COMPLETE and "doc" in s]

    def ensure_static_graphs(self) -> None:
        """Load the lexicon and ontology graphs when their files changed."""
        import hashlib  # (a writer's: OpenSSL's load is ~3 ms of a reader's start-up)

        from kg.lexicon import LEXICON_FILE, ONTOLOGY_DIR

        for graph, path in ((LEXICON_GRAPH, LEXICON_FILE), (ONTOLOGY_GRAPH, ONTOLOGY_DIR / "kg.ttl")):
            if not path.exists():
                continue
            data = path.read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            state, summary = self.records().get(graph, (None, {}))
            if state == COMPLETE and summary.get("sha256") == sha:
                continue
            try:  # Oxigraph's own Turtle parser: ~20x faster than rdflib's on the lexicon
                parsed = list(ox.parse(data, ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()))
            except SyntaxError as e:
                raise StoreError(f"{path}: not valid Turtle ({e})") from None
            triples = [(q.subject, q.predicate, q.object) for q in parsed]
            triples.append((ox.NamedNode(graph), ox.NamedNode(KG_NS + "sha256"), ox.Literal(sha)))
            self.replace_graph(graph, triples, {"sha256": sha, "triples": len(set(triples))})

    # -- queries -----------------------------------------------------------------------
    def query_options(self, sparql: str) -> dict:
        """How Oxigraph is to run a query: over the union of the completed graphs, unless the
        query names its own dataset (`FROM`, `FROM NAMED`); never over a pending or staging graph."""
        from kg.graph.sparql import names_dataset

        if names_dataset(sparql):
            return {}
        visible = self._visible_graphs()
        if visible is None:
            return {"use_default_graph_as_union": True}
        return {"default_graph": visible or [ox.DefaultGraph()], "named_graphs": visible}

    def data_graphs(self) -> list:
        """The named graphs that make up the knowledge graph (what exports and validation
        read): every completed graph but the registry, kg's own bookkeeping."""
        visible = self._visible_graphs()
        graphs = visible if visible is not None else list(self.ox.named_graphs())
        return [g for g in graphs if not (isinstance(g, ox.NamedNode) and g.value == REGISTRY_GRAPH)]

    def ox_query(self, sparql: str, *, allow_service: bool = False):
        """Run SPARQL 1.1 with Oxigraph over the union of the completed graphs; pyoxigraph
        results (QuerySolutions, QueryBoolean or QueryTriples), which stream. kg's prefixes
        are predeclared. `SERVICE` (a request to another server) is refused unless `allow_service`."""
        from kg.graph.sparql import uses_service

        if not allow_service and uses_service(sparql):
            raise QueryError("SPARQL error: SERVICE (a request to another server) is not allowed here; "
                             "kg query --allow-service permits it")
        try:
            return self.ox.query(sparql, prefixes=PREFIXES, **self.query_options(sparql))
        except (SyntaxError, ValueError, OSError) as e:
            raise _query_error(e, sparql) from None

    def query(self, sparql: str, *, allow_service: bool = False):
        """Run SPARQL 1.1 (answered by Oxigraph) over the union of the completed graphs, as an
        rdflib Result (the TUI's runner wants one)."""
        from kg.graph.sparql import to_rdflib_result

        result = self.ox_query(sparql, allow_service=allow_service)
        try:
            return to_rdflib_result(result, None)
        except (ValueError, OSError) as e:
            raise _query_error(e, sparql) from None

    def select(self, sparql: str) -> list[dict]:
        """A SELECT's rows as dicts of rdflib terms (unbound variables left out)."""
        from kg.graph.terms import to_rdflib

        res = self.ox_query(sparql)
        names = [v.value for v in res.variables]
        return [{n: to_rdflib(t) for n, t in zip(names, row) if t is not None} for row in res]

    def triple_count(self) -> int:
        """Quads in the store, from the registry's records (a count of the store scans it all)."""
        if self.read_only and self.rollup() and self._rollup_stamp is not None and not self.rollup_note:
            # a valid stored roll-up: its graphs' quads, and the registry's (a state quad per
            # record, a summary per completed one, the roll-up and its stamp) without reading it
            held = self._rollup["graphs"]
            return sum(held.values()) + self._state_quads + len(held) + 2
        recs = self.records()
        if not recs:
            return len(self.ox)
        n_registry = sum(1 for _ in self.ox.quads_for_pattern(None, None, None, _REG))
        return n_registry + sum(s.get("triples", 0) for state, s in recs.values() if state == COMPLETE)

    def flush(self) -> None:
        self.ox.flush()
        self._unflushed = 0

    def close(self) -> None:
        """Release the database (and its lock) now, not whenever the garbage collector runs:
        the rdflib Dataset holds reference cycles, so a dropped GraphStore kept the store
        locked and a second open in the same process (tests, the TUI) failed."""
        if self.ox is None:
            return
        if self.read_only and _exit_soon and self._dataset is None:
            _LEFT_TO_EXIT.append(self.ox)
        if not self.read_only:
            self.ox.flush()
        if self._dataset is not None:
            self._dataset.close()
            self._dataset = None
        self.ox = None
        if not self.read_only:
            self._settle()

    def _settle(self) -> None:
        """Open the folder once more as a writer and close it: RocksDB keeps write-ahead logs a
        flush has made obsolete, and a manifest that lists every flush and compaction since the
        store was made, until its next open as a writer; a read-only open reads both, every time
        (1.8 MB of logs and a 220 KB manifest after 992 papers: ~1.4 ms of CPU of each read
        command). This open drops the logs and starts a short manifest. Best effort: another
        process may hold the store by now, or a reference to the engine may still be alive."""
        try:
            ox.Store(self._where)
        except OSError:
            return
        _prune_info_logs(self._where)

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_BRIEF = ("doc", "sha256", "kg_version", "triples")


class _Chunks(io.RawIOBase):
    """The batch's N-Quads as one stream, read chunk by chunk (no joined copy of the batch)."""

    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = [memoryview(c) for c in chunks if c]
        self._i = 0
        self._at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._i >= len(self._chunks):
            return 0
        chunk = self._chunks[self._i]
        n = min(len(buffer), len(chunk) - self._at)
        buffer[:n] = chunk[self._at:self._at + n]
        self._at += n
        if self._at >= len(chunk):
            self._i, self._at = self._i + 1, 0
        return n


def brief(summary: dict) -> dict:
    """What a writer keeps of a registry summary in memory (see `GraphStore.records`)."""
    return {k: summary[k] for k in _BRIEF if k in summary}


def _record(graph: str, state: str, summary: dict | None = None) -> list[ox.Quad]:
    g = ox.NamedNode(graph)
    out = [ox.Quad(g, _STATE, ox.Literal(state), _REG)]
    if summary is not None:
        out.append(ox.Quad(g, _SUMMARY, ox.Literal(json.dumps(summary, sort_keys=True)), _REG))
    return out


def _insert_data(quads: list[ox.Quad]) -> str:
    body = " ".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads)
    return f"INSERT DATA {{ {body} }}"


def _lock_holder(path: os.PathLike) -> int | None:
    """The pid holding the store's lock file (Linux: from /proc/locks), or None."""
    try:
        inode = os.stat(os.path.join(path, "LOCK")).st_ino
        with open("/proc/locks", encoding="ascii", errors="replace") as f:
            for line in f:
                fields = line.split()
                if len(fields) > 5 and fields[5].rsplit(":", 1)[-1] == str(inode):
                    return int(fields[4])
    except (OSError, ValueError):
        return None
    return None


def _open_error(path: os.PathLike, e: OSError) -> StoreError:
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


def __getattr__(name: str):
    """`GraphWrite` and `summarise` live in kg.graph.writes (only writers import them); the old
    names here still work."""
    if name in ("GraphWrite", "summarise"):
        from kg.graph import writes

        return getattr(writes, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
