"""A SPARQL 1.1 server used as kg's graph store, through the standard protocols.

`SparqlHttpStore` answers the few pyoxigraph.Store calls kg makes (`query`, `update`,
`quads_for_pattern`, `named_graphs`, `extend`, `len`) with HTTP requests:

- queries: the SPARQL 1.1 Protocol (POST form to `/query`) over the union of all graphs
  (Oxigraph's `union-default-graph` parameter; start the server with `--union-default-graph`
  so other clients see the same default graph), or a dataset given as `default-graph-uri` /
  `named-graph-uri` parameters (exports, validation: the completed graphs);
- updates: the SPARQL 1.1 Protocol (POST `application/sparql-update` to `/update`), each one
  request, which Oxigraph runs as one transaction;
- one graph read or replaced whole: the Graph Store HTTP Protocol (`GET`/`PUT /store?graph=`).

Endpoints are Oxigraph's (`/query`, `/update`, `/store`); `KG_SPARQL_QUERY`, `KG_SPARQL_UPDATE`
and `KG_SPARQL_STORE` (paths or URLs) point kg at another server's. Results come back as
SPARQL JSON (rows, booleans) or N-Triples (graphs) and are parsed by pyoxigraph, so callers get
the same term objects as from the embedded store.
"""

from __future__ import annotations

import http.client
import itertools
import os
import re
import threading
from collections.abc import Iterable, Iterator
from urllib.parse import urlencode, urljoin, urlsplit

import pyoxigraph as ox

from kg.errors import StoreError
from kg.graph.store import (
    _STATE,
    _SUMMARY,
    COMPLETE,
    GRAPH_PREFIX,
    LEXICON_GRAPH,
    ONTOLOGY_GRAPH,
    REGISTRY_GRAPH,
    STAGING_SUFFIXES,
    GraphStore,
    _insert_data,
    _record,
    is_url,
    store_path,
)
from kg.graph.vocab import doc_id_of_graph
from kg.graph.writes import GraphWrite

_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_ACCEPT = f"{_RESULTS_JSON}, {_NTRIPLES};q=0.9"
# an IRI no graph has: the default graph of a dataset that holds no graph at all
_NO_GRAPH = "urn:x-kg:no-graph"
_PREFIX_DECL = re.compile(r"PREFIX\s+([\w.-]*):", re.I)
_POSITION = re.compile(r"(\d+):(\d+)")


class GraphTriples:
    """A CONSTRUCT or DESCRIBE answer: iterable triples that also serialize, as pyoxigraph's QueryTriples."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def __iter__(self) -> Iterator[ox.Triple]:
        return (q.triple for q in ox.parse(self._data, ox.RdfFormat.N_TRIPLES))

    def serialize(self, output=None, format: ox.RdfFormat = ox.RdfFormat.N_TRIPLES):  # noqa: A002 - pyoxigraph's name
        if format == ox.RdfFormat.N_TRIPLES and output is None:
            return self._data
        return ox.serialize(iter(self), output, format)


class _Http:
    """Kept-alive HTTP/1.1 connections to the server, one per thread (the TUI reads from
    worker threads), by the standard library's http.client: importing requests' urllib3 cost
    more than a whole `kg facts DOC`. A request on a connection the server closed while idle
    is sent again once on a new one: every request kg sends is idempotent (queries, PUTs, and
    updates that state marks and records)."""

    def __init__(self, base: str, timeout: float) -> None:
        parts = urlsplit(base)
        self.https = parts.scheme.lower() == "https"
        self.netloc, self.timeout = parts.netloc, timeout
        self._local = threading.local()
        self._all: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()

    def _connection(self) -> tuple[http.client.HTTPConnection, bool]:
        """This thread's connection, and whether it was just made."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return conn, False
        cls = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
        conn = self._local.conn = cls(self.netloc, timeout=self.timeout)
        with self._lock:
            self._all.append(conn)
        return conn, True

    def _drop(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
            with self._lock:
                self._all.remove(conn)

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, str, str, bytes]:
        """(status, reason, content type, body) of one request to `url` (on this server)."""
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        for attempt in (0, 1):
            conn, fresh = self._connection()
            try:
                conn.request(method, target, body=body, headers=headers or {})
                r = conn.getresponse()
                data = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self._drop()
                return r.status, r.reason, r.getheader("Content-Type", ""), data
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as e:
                self._drop()
                if fresh or attempt:
                    raise OSError(e.strerror or str(e) or type(e).__name__) from None
            except (OSError, http.client.HTTPException):
                self._drop()
                raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            conn.close()
        self._local = threading.local()


class SparqlHttpStore:
    """The subset of pyoxigraph.Store kg uses, over HTTP to a SPARQL 1.1 server."""

    def __init__(self, url: str, timeout: float | None = None) -> None:
        self.url = url if url.endswith("/") else url + "/"
        self.query_url = urljoin(self.url, os.environ.get("KG_SPARQL_QUERY", "query"))
        self.update_url = urljoin(self.url, os.environ.get("KG_SPARQL_UPDATE", "update"))
        self.store_url = urljoin(self.url, os.environ.get("KG_SPARQL_STORE", "store"))
        self.timeout = timeout or float(os.environ.get("KG_SPARQL_TIMEOUT", "600"))
        self.http = _Http(self.url, self.timeout)

    # -- requests ----------------------------------------------------------------------
    def _send(self, method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None,
              missing_ok: bool = False) -> tuple[str, bytes]:
        """(content type, body) of a successful request; a refused query or update is a SyntaxError."""
        try:
            status, reason, kind, data = self.http.request(method, url, body, headers)
        except (OSError, http.client.HTTPException) as e:
            raise StoreError(f"{self.url}: cannot reach the SPARQL server ({_reason(e)})") from None
        if status == 404 and missing_ok:
            return kind, b""
        if status >= 400:
            text = data.decode("utf-8", "replace").strip() or reason
            if status == 400:  # the server refused the query or update itself
                raise SyntaxError(text)
            raise StoreError(f"{self.url}: the SPARQL server answered {status} ({text.splitlines()[0][:200]})")
        return kind.split(";")[0].strip(), data

    def ping(self) -> None:
        """Fail now, in one line, when there is no SPARQL server at the URL."""
        self.query("ASK { }")

    # -- pyoxigraph.Store's interface ----------------------------------------------------
    def query(self, sparql: str, *, prefixes: dict[str, str] | None = None, use_default_graph_as_union: bool = False,
              default_graph=None, named_graphs=None):
        """QuerySolutions, QueryBoolean (both pyoxigraph's) or GraphTriples, as Store.query gives."""
        text, shift = _with_prefixes(sparql, prefixes)
        form: list[tuple[str, str]] = [("query", text)]
        if default_graph is not None or named_graphs is not None:
            defaults = [g.value for g in _as_list(default_graph) if isinstance(g, ox.NamedNode)]
            if default_graph is not None and not defaults:
                defaults = [_NO_GRAPH]
            named = [g.value for g in _as_list(named_graphs) if isinstance(g, ox.NamedNode)]
            if named_graphs is not None and not named:
                named = [_NO_GRAPH]
            form += [("default-graph-uri", g) for g in defaults or [_NO_GRAPH]]
            form += [("named-graph-uri", g) for g in named]
        elif use_default_graph_as_union:
            form.append(("union-default-graph", ""))
        try:
            kind, data = self._send("POST", self.query_url, urlencode(form).encode("ascii"),
                                    {"Accept": _ACCEPT, "Content-Type": "application/x-www-form-urlencoded"})
        except SyntaxError as e:
            raise SyntaxError(_shift_position(str(e), shift)) from None
        if kind == _RESULTS_JSON:
            return ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
        if kind == _NTRIPLES:
            return GraphTriples(data)
        raise StoreError(f"{self.url}: the SPARQL server answered in {kind or 'an unnamed format'}")

    def update(self, sparql: str) -> None:
        self._send("POST", self.update_url, sparql.encode("utf-8"), {"Content-Type": "application/sparql-update"})

    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace one named graph by one Graph Store Protocol PUT (idempotent: twice is once)."""
        self._send("PUT", f"{self.store_url}?{urlencode({'graph': graph})}", ntriples, {"Content-Type": _NTRIPLES})

    def graph_triples(self, graph: str | None) -> bytes:
        """One named graph (None: the default graph) as N-Triples (Graph Store Protocol GET);
        b'' when there is no such graph."""
        query = urlencode({"graph": graph}) if graph else "default"
        return self._send("GET", f"{self.store_url}?{query}", None, {"Accept": _NTRIPLES}, missing_ok=True)[1]

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> Iterator[ox.Quad]:  # noqa: A002
        if subject is None and predicate is None and object is None and isinstance(graph_name, ox.NamedNode):
            return (ox.Quad(q.subject, q.predicate, q.object, graph_name)
                    for q in ox.parse(self.graph_triples(graph_name.value), ox.RdfFormat.N_TRIPLES))
        if isinstance(graph_name, ox.DefaultGraph) or graph_name is None:  # (a server's default graph may
            # be the union of all: the real one is read by the Graph Store Protocol)
            default = (ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                       for t in ox.parse(self.graph_triples(None), ox.RdfFormat.N_TRIPLES)
                       if (subject is None or t.subject == subject) and (predicate is None or t.predicate == predicate)
                       and (object is None or t.object == object))
            if graph_name is not None:
                return default
        s, p, o = (str(t) if t is not None else v for t, v in ((subject, "?s"), (predicate, "?p"), (object, "?o")))
        g = str(graph_name) if graph_name is not None else "?g"
        rows = self.query(f"SELECT * WHERE {{ GRAPH {g} {{ {s} {p} {o} }} }}")
        named = (ox.Quad(subject or r["s"], predicate or r["p"], object or r["o"], graph_name or r["g"]) for r in rows)
        return named if graph_name is not None else itertools.chain(default, named)

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        return (r["g"] for r in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"))

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        quads = list(quads)
        if quads:
            body = " ".join(f"{q.subject} {q.predicate} {q.object} ." if isinstance(q.graph_name, ox.DefaultGraph)
                            else f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads)
            self.update(f"INSERT DATA {{ {body} }}")

    def __iter__(self) -> Iterator[ox.Quad]:
        """Every quad of the dataset (the default graph's and every named graph's)."""
        return self.quads_for_pattern()

    def __len__(self) -> int:
        r = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        default = self.graph_triples(None)
        return int(next(iter(r))["n"].value) + sum(1 for _ in ox.parse(default, ox.RdfFormat.N_TRIPLES))

    def flush(self) -> None:
        """Nothing to do: the server persists every request it answered."""

    def close(self) -> None:
        self.http.close()


def _as_list(graphs) -> list:
    return [] if graphs is None else list(graphs) if isinstance(graphs, list | tuple | set) else [graphs]


def _with_prefixes(sparql: str, prefixes: dict[str, str] | None) -> tuple[str, int]:
    """The query with kg's prefixes declared on one line before it (those it does not declare
    itself), and the number of lines added (to report an error at the user's line)."""
    if not prefixes:
        return sparql, 0
    own = {m.group(1) for m in _PREFIX_DECL.finditer(sparql)}
    decl = " ".join(f"PREFIX {p}: <{iri}>" for p, iri in prefixes.items() if p not in own)
    return (f"{decl}\n{sparql}", 1) if decl else (sparql, 0)


def _shift_position(msg: str, lines: int) -> str:
    """An error message's 'line:column' moved back by the lines kg added before the query (1-based)."""
    if not lines:
        return msg
    return _POSITION.sub(lambda m: f"{max(1, int(m.group(1)) - lines)}:{m.group(2)}", msg)


def _reason(e: Exception) -> str:
    """'Connection refused', 'timed out', ...: the system's words, in one line."""
    text = getattr(e, "strerror", None) or str(e)
    return text.splitlines()[0][:200] if text else type(e).__name__


# -- kg's graph store on a server ------------------------------------------------------------
# A pending mark older than this (by the server's clock) was left by a writer that died: a
# PUT of one graph takes well under a second, a batch of 50 under a minute.
PENDING_LEASE_SECONDS = 3600
_XSD = "http://www.w3.org/2001/XMLSchema#"


class ServerGraphStore(GraphStore):
    """kg's graph store kept by a SPARQL 1.1 server that many kg processes share.

    Each document's named graph is replaced by ONE Graph Store Protocol PUT, framed by
    registry records as the embedded store's bulk writes are: one update marks the batch's
    graphs pending, the PUTs write them, one update marks them complete with their summary.
    A pending mark names its writer and the server's time ("pending <dateTime> <writer>"),
    so writers on many machines do not take each other's work for a crash: a writer's
    completion clears its own marks and those older than its own (writers that started
    earlier and whose PUT the later one replaced); a writer opening the store drops only graphs
    whose marks are older than the lease (`KG_PENDING_LEASE` seconds, default 3600). Readers
    hide every graph with a pending mark, as with the embedded store, and every kg graph
    without a record (a dead writer's PUT that the server finished after the graph was dropped).
    """

    def __init__(self, path: str | None = None, read_only: bool = False) -> None:
        self.path = str(store_path(str(path) if path else None))
        self.read_only = read_only
        self._unflushed = 0
        self._dataset = None
        self._records = None
        self._visible = False
        self._rollup = None
        self._rollup_stamp = None
        self._state_quads = 0
        self.rollup_note = ""
        self.ox = SparqlHttpStore(self.path)
        self.ox.ping()
        self.writer = os.urandom(8).hex()
        self.lease = float(os.environ.get("KG_PENDING_LEASE", PENDING_LEASE_SECONDS))
        self.hide_pending = os.environ.get("KG_SPARQL_HIDE_PENDING", "") not in ("", "0")
        self.recovered: list[str] = []
        if not read_only:
            self.recovered = self.recover()

    @property
    def dataset(self):
        raise StoreError(f"{self.path}: an rdflib Dataset is only made over an embedded store")

    # -- the registry ------------------------------------------------------------------
    def _server_now(self) -> str:
        return next(iter(self.ox.query("SELECT (NOW() AS ?n) { }")))["n"].value

    def _mark_pending(self, graphs: list[str]) -> str:
        """Mark graphs pending in one update; returns the mark (its time is the server's)."""
        mark = f"pending {self._server_now()} {self.writer}"
        self.ox.extend([ox.Quad(ox.NamedNode(g), _STATE, ox.Literal(mark), ox.NamedNode(REGISTRY_GRAPH))
                        for g in graphs])
        records = self.records()
        for g in graphs:
            records[g] = ("pending", records.get(g, (None, {}))[1])
        self._visible = False
        return mark

    def _mark_complete(self, mark: str, done: list[tuple[str, dict]]) -> None:
        """One update: this writer's marks and older ones go, the new summaries and "complete"
        come, and the roll-up is replaced — if no other writer replaced it since it was read
        here; if one did, it is added up again from the records and written after."""
        rollup = self._fresh_rollup_after(done)
        roll_op, stamp = self._rollup_update(rollup)
        when = mark.split(" ")[1]
        values = " ".join(f"<{g}>" for g, _s in done)
        reg = f"GRAPH <{REGISTRY_GRAPH}>"
        self.ox.update(
            f"DELETE {{ {reg} {{ ?g <{_STATE.value}> ?st }} }} WHERE {{ VALUES ?g {{ {values} }} "
            f"{reg} {{ ?g <{_STATE.value}> ?st }} FILTER(STRSTARTS(STR(?st), \"pending\")) "
            f"FILTER(?st = {ox.Literal(mark)} || STR(?st) = \"pending\" || COALESCE(<{_XSD}dateTime>("
            f"STRBEFORE(STRAFTER(STR(?st), \"pending \"), \" \")) <= \"{when}\"^^<{_XSD}dateTime>, false)) }} ;\n"
            f"DELETE {{ {reg} {{ ?g <{_SUMMARY.value}> ?s }} }} WHERE {{ VALUES ?g {{ {values} }} "
            f"{reg} {{ ?g <{_SUMMARY.value}> ?s }} }} ;\n"
            + _insert_data([q for g, s in done for q in _record(g, COMPLETE, s)]) + " ;\n" + roll_op)
        self._records = None
        self._visible = False
        self._rollup, self._rollup_stamp = rollup, stamp
        self._settle_rollup(stamp)

    def _fresh_rollup_after(self, done: list[tuple[str, dict]]) -> dict:
        """The roll-up as the server holds it now, with these graphs' summaries in (by addition
        when they are all new to it, else added up again from the records)."""
        self._rollup = None
        self._records = None
        current = self.rollup()  # read now: another writer may have changed it
        graphs = {g: s for g, s in done}
        if LEXICON_GRAPH in graphs or ONTOLOGY_GRAPH in graphs:  # just PUT: read them back
            lexicon, schema = self._static_from_graphs()
            current = {**current, "lexicon": lexicon, "schema": schema}
            self._rollup = current
        return self._rollup_after(graphs)

    def _settle_rollup(self, stamp: str, tries: int = 3) -> None:
        """After a write: when the roll-up is not the one this writer stored (another writer's
        replaced it in between, so one of the two batches is missing from it), add it up
        again from the records and store that, conditionally, a few times."""
        for _ in range(tries):
            current = self._stored_rollup()[1]
            if current == stamp:
                return
            self._rollup = self._records = None
            rollup = self.rollup()
            if not self.rollup_note:  # the other writer's already holds everything
                return
            self.rollup_note = ""
            update, stamp = self._rollup_update(rollup)
            self.ox.update(update)
            self._rollup_stamp = stamp

    def recover(self) -> list[str]:
        """Drop graphs whose every pending mark outlived the lease (their writer died mid-write),
        and staging graphs an embedded writer left; returns the documents dropped."""
        self._records = None
        lease = f"\"PT{int(self.lease)}S\"^^<{_XSD}dayTimeDuration>"
        q = (f"SELECT ?g (MAX(?f) AS ?fresh) WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ ?g <{_STATE.value}> ?st }} "
             f"FILTER(STRSTARTS(STR(?st), \"pending\")) BIND(COALESCE(IF(<{_XSD}dateTime>(STRBEFORE(STRAFTER("
             f"STR(?st), \"pending \"), \" \")) > NOW() - {lease}, 1, 0), 0) AS ?f) }} GROUP BY ?g")
        stale = sorted(r["g"].value for r in self.ox.query(q) if int(r["fresh"].value) == 0)
        orphans = sorted(self._unrecorded())
        dropped = [self.records().get(g, (None, {}))[1].get("doc") or doc_id_of_graph(g) for g in stale]
        if stale or orphans:
            ops = [f"DROP SILENT GRAPH <{g}>" for g in stale + orphans]
            ops += [f"DELETE WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ <{g}> ?p ?o }} }}" for g in stale]
            self.ox.update(" ;\n".join(ops))
        self._records = None
        self._visible = False
        if not self.read_only:
            self._ensure_rollup()
        return sorted(dropped)

    def _unrecorded(self) -> set[str]:
        """kg graphs without a registry record, and staging graphs. A writer records a graph
        pending before its PUT and drops graph and record in one update, so on a server such a
        graph is the PUT of a writer that died, landed after its pending graph was dropped."""
        recs = self.records()
        return {g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode) and (
            g.value.endswith(STAGING_SUFFIXES)
            or (g.value.startswith(GRAPH_PREFIX) and g.value != REGISTRY_GRAPH and g.value not in recs))}

    def hidden_graphs(self) -> set[str]:
        """Pending graphs and graphs without a record (see _unrecorded)."""
        return {g for g, (state, _s) in list(self.records().items()) if state != COMPLETE} | self._unrecorded()

    def query_options(self, sparql: str) -> dict:
        """The union of all graphs, as the server's default graph (or the query's FROM).

        A SPARQL query is not restricted to the completed graphs here, as it is on the embedded
        store: naming ~100 graphs as the dataset made a GROUP BY 27x slower (5.4 s instead of
        0.2 s at 98 documents), and on a shared server some writer is nearly always between
        its pending and complete marks. It needs no restriction on Oxigraph: a PUT is loaded in
        one transaction, so a query sees a graph absent, empty or whole, never half; what is
        listed as a document (`kg facts`, `kg stats`, the catalog) is still only what the
        registry says is complete. For a server that does not load a PUT atomically,
        KG_SPARQL_HIDE_PENDING=1 names the completed graphs in every query while a graph is pending.
        """
        if self.hide_pending:
            return super().query_options(sparql)
        from kg.graph.sparql import names_dataset

        return {} if names_dataset(sparql) else {"use_default_graph_as_union": True}

    # -- writes ------------------------------------------------------------------------
    def write_documents(self, writes: list[GraphWrite], *, flush: bool = True) -> int:
        """Each document's graph replaced by one PUT (new and stored ones alike), the batch
        framed by one pending and one complete update. Returns the quads written. (`flush`:
        the embedded store's; a server keeps its own memory.)"""
        latest = {w.graph: w for w in writes}  # two sources with one id in a batch: the later one wins
        if latest:
            mark = self._mark_pending(list(latest))
            for w in latest.values():
                self.ox.put_graph(w.graph, _as_ntriples(w))
            self._mark_complete(mark, [(w.graph, w.summary) for w in latest.values()])
        return sum(w.summary["triples"] for w in writes)

    def replace_graph(self, graph: str, quads: Iterable, summary: dict | None = None) -> int:
        """Replace one named graph (by one PUT) with its registry record; returns the quad count."""
        triples = {ox.Triple(q[0], q[1], q[2]) for q in quads}
        summary = summary or {"triples": len(triples)}
        mark = self._mark_pending([graph])
        self.ox.put_graph(graph, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
        self._mark_complete(mark, [(graph, summary)])
        return len(triples)

    def flush(self) -> None:
        self._unflushed = 0

    def close(self) -> None:
        if self.ox is not None:
            self.ox.close()
            self.ox = None


def _as_ntriples(w: GraphWrite) -> bytes:
    """A document's N-Quads as the N-Triples a PUT to its graph carries. Every quad of a
    GraphWrite is in its graph and every line ends ` <graph> .`; a literal cannot hold a raw
    line break, so the suffix is only ever a line's end."""
    tail = f" <{w.graph}> .\n".encode()
    data = w.nquads if w.nquads.endswith(b"\n") or not w.nquads else w.nquads + b"\n"
    out = data.replace(tail, b" .\n")
    if data.count(tail) != data.count(b"\n"):
        out = ox.serialize((q.triple for q in ox.parse(w.nquads, ox.RdfFormat.N_QUADS)), format=ox.RdfFormat.N_TRIPLES)
    return out


__all__ = ["GraphTriples", "ServerGraphStore", "SparqlHttpStore", "is_url"]
