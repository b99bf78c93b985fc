#!/usr/bin/env python3
"""The same store embedded and behind an Oxigraph server (`--store http://...`): write and query
costs, measured in one run, interleaved.

An embedded store of varied documents is ingested (or `--store DIR` reused), backed up, and
`oxigraph serve --union-default-graph` started on the backup on a loopback port. Prints:

- writing the same document graphs into a fresh store: embedded bulk loads vs one Graph
  Store PUT per document framed by pending/complete updates (CPU of this process, wall);
- p50/p95 in-process (`kg facts DOC`'s reader, `kg stats`'s, two SPARQL queries) and as whole
  commands (start-up included), embedded and server runs interleaved (the machine is shared:
  alternating A and B keeps the load alike for both).

    .venv/bin/python bench/server_bench.py --copies 2 --jats 27      # 100 documents
    .venv/bin/python bench/server_bench.py --store /tmp/kg-100       # an existing store
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench import Q_DOC_COUNT, Q_FACTS_BY_TYPE, make_copies, source_sets  # noqa: E402


def start_server(location: Path) -> tuple[subprocess.Popen, str]:
    binary = shutil.which("oxigraph", path=f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin")
    if not binary:
        sys.exit("the oxigraph server is not installed: pip install oxigraph")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(600):
        try:
            urllib.request.urlopen(url + "query?query=ASK%7B%7D", timeout=2).read()
            return proc, url
        except OSError:
            time.sleep(0.05)
    proc.kill()
    sys.exit("oxigraph serve did not start")


def interleaved(fns: dict[str, callable], repeat: int, budget: float = 60.0) -> dict[str, tuple[float, float, int]]:
    """p50, p95 (ms) and runs of each function, run in turn (A B A B ...) after one warm-up each."""
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {k: [] for k in fns}
    t_end = time.monotonic() + budget
    while len(next(iter(times.values()))) < repeat and time.monotonic() < t_end:
        for k, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[k].append((time.perf_counter() - t0) * 1000)
    out = {}
    for k, ts in times.items():
        ts.sort()
        out[k] = (statistics.median(ts), ts[min(len(ts) - 1, max(0, round(0.95 * len(ts)) - 1))], len(ts))
    return out


def write_costs(store, work: Path, url_of_fresh_server) -> None:
    """The same graphs written into a fresh embedded store (bulk loads) and a fresh server (PUTs)."""
    import pyoxigraph as ox

    from kg.graph.store import GraphStore
    from kg.graph.vocab import graph_iri
    from kg.graph.writes import GraphWrite

    writes = []
    for summary in store.document_summaries():
        g = graph_iri(summary["doc"])
        quads = list(store.ox.quads_for_pattern(None, None, None, ox.NamedNode(g)))
        writes.append(GraphWrite(summary["doc"], g, ox.serialize(quads, format=ox.RdfFormat.N_QUADS), summary))
    n_quads = sum(w.summary["triples"] for w in writes)
    rows = []
    for name, where in (("embedded bulk loads", work / "w-embedded"), ("server PUTs", url_of_fresh_server())):
        with GraphStore(where) as s:
            w0, c0 = time.perf_counter(), time.process_time()
            for i in range(0, len(writes), 50):
                s.write_documents(writes[i:i + 50])
            s.flush()
            rows.append((name, time.process_time() - c0, time.perf_counter() - w0))
    print(f"writing {len(writes)} document graphs ({n_quads} quads) into a fresh store, batches of 50:")
    for name, cpu, wall in rows:
        print(f"  {name:22} {cpu:6.2f} s CPU here, {wall:6.2f} s wall ({n_quads / wall:,.0f} quads/s)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, help="an existing embedded store to use (default: ingest one)")
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--jats", type=int, default=27, help="JATS files of ../shared/ei per copy (default 27)")
    ap.add_argument("--sets", default="corpus,dev,jats")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--repeat", type=int, default=30, help="runs per query (p50/p95 reported)")
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args(argv)

    from kg.graph.facts import facts_json
    from kg.graph.store import GraphStore

    work = Path(tempfile.mkdtemp(prefix="kg-server-bench-", dir=args.workdir))
    servers: list[subprocess.Popen] = []
    try:
        store_dir = args.store
        if store_dir is None:
            from kg.pipeline import ingest

            src = work / "sources"
            src.mkdir()
            sets = [(name, [Path(s) for s in sources]) for name, sources in source_sets(args)]  # Sources: paths
            files = make_copies(sets, src, args.copies)
            store_dir = work / "store"
            t0 = time.perf_counter()
            with GraphStore(store_dir) as s:
                report = ingest([src], s, jobs=2)
            print(f"ingested {len(report.ingested)} of {len(files)} documents in {time.perf_counter() - t0:.0f} s")
        with GraphStore(store_dir) as s:
            s.ox.backup(str(work / "served"))
        proc, url = start_server(work / "served")
        servers.append(proc)

        def fresh_server() -> str:
            p, u = start_server(work / f"fresh-{len(servers)}")
            servers.append(p)
            return u

        emb = GraphStore(store_dir, read_only=True)
        srv = GraphStore(url, read_only=True)
        docs = emb.documents()
        doc = docs[len(docs) // 2]
        print(f"store: {len(docs)} documents, {len(emb.ox)} quads; server {url} (oxigraph serve --union-default-graph)")
        write_costs(emb, work, fresh_server)

        def fresh(where):  # every command opens the store anew, as the CLI does
            return GraphStore(where, read_only=True)

        queries = {
            "kg facts DOC (reader)": lambda w: facts_json(fresh(w), [doc]),
            "kg stats (registry)": lambda w: fresh(w).stats(),
            "SPARQL document count": lambda w: list(fresh(w).ox_query(Q_DOC_COUNT)),
            "SPARQL facts by type (GROUP BY)": lambda w: list(fresh(w).ox_query(Q_FACTS_BY_TYPE)),
        }
        emb.close()
        srv.close()
        print(f"in-process (store opened per call), p50 / p95 ms, embedded vs server, up to {args.repeat} runs:")
        for name, fn in queries.items():
            res = interleaved({"embedded": lambda fn=fn: fn(store_dir), "server": lambda fn=fn: fn(url)}, args.repeat)
            (e50, e95, n), (s50, s95, _n) = res["embedded"], res["server"]
            print(f"  {name:32} {e50:7.1f} / {e95:7.1f}   vs {s50:7.1f} / {s95:7.1f}  ({n} runs)")
        commands = {"kg facts DOC": ["facts", doc], "kg stats": ["stats"], "kg query (document count)":
                    ["query", Q_DOC_COUNT], "kg query (facts by type)": ["query", Q_FACTS_BY_TYPE]}
        print("whole commands (start-up included), p50 / p95 ms, embedded vs server:")
        for name, argv in commands.items():
            def cli(where, argv=argv):
                subprocess.run([sys.executable, "-m", "kg.cli", "--store", str(where), *argv], check=True,
                               stdout=subprocess.DEVNULL, cwd=ROOT)
            res = interleaved({"embedded": lambda: cli(store_dir), "server": lambda: cli(url)}, min(args.repeat, 10))
            (e50, e95, n), (s50, s95, _n) = res["embedded"], res["server"]
            print(f"  {name:32} {e50:7.1f} / {e95:7.1f}   vs {s50:7.1f} / {s95:7.1f}  ({n} runs)")
    finally:
        for p in servers:
            p.terminate()
            p.wait()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
