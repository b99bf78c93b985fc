#!/usr/bin/env python3
"""Latency of every query the terminal UI runs, on a store you give it: p50 / p95 per screen.

The TUI's screens run these through `tui.model`, `tui.ask`, `tui.compare` and `tui.graphs`;
here each is timed over the store's most used entities (several of each kind), repeated,
and compared with the target of 100 ms p95 per screen. An entity page is every group's first
page (what the screen paints); "more…" rows time a group's or an answer list's next page; "a row's
evidence" the facts and spans of a row of restated facts, read when it is highlighted. The
first run of each query is included (RocksDB's block cache is cold for it). Build a big store first, e.g.
`bench/bench.py --copies 500 --keep`, then:

    .venv/bin/python bench/tui_queries.py --store PATH [--entities 5] [--repeat 3]

It is a script, not a test: it prints figures measured in this run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MS = 100.0


def timed(fn: Callable[[], object], repeat: int) -> list[tuple[float, float]]:
    """(wall ms, CPU ms) of each of `repeat` calls. CPU time (all of this process's threads) is
    the steadier figure on a shared machine, where wall time also counts waiting for a core."""
    out = []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        out.append(((time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000))
    return out


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--entities", type=int, default=5, help="entities of each kind to open (most used first)")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)

    from kg.graph.store import GraphStore
    from tui import ask
    from tui.compare import compare
    from tui.model import load_catalog, load_entity, load_group_page, load_vocabulary, row_evidence

    load = os.getloadavg()[0]
    store = GraphStore(a.store, read_only=True)
    timings: dict[str, list[tuple[float, float]]] = {}

    def run(name: str, fn: Callable[[], object]) -> object:
        t0, c0 = time.perf_counter(), time.process_time()
        value = fn()
        timings.setdefault(name, []).append(((time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000))
        timings[name].extend(timed(fn, a.repeat - 1))
        return value

    catalog = run("explorer: catalog", lambda: load_catalog(store))
    vocabulary = run("completion vocabulary", lambda: load_vocabulary(store, catalog))
    top: dict[str, list] = {}
    for e in sorted(catalog.entries, key=lambda e: -e.count):
        top.setdefault(e.kind, [])
        if len(top[e.kind]) < a.entities:
            top[e.kind].append(e)
    for kind, entries in sorted(top.items()):
        for e in entries:
            view = run(f"entity page: {kind}", lambda e=e: load_entity(store, e.iri, catalog))
            for body, by_link, offset in view.more.values():  # "more…" on a group: its next page
                run("entity page: more… (next page)",
                    lambda b=body, k=by_link, o=offset: load_group_page(store, b, k, o, catalog))
            for _name, rows in view.groups:  # a row of restated facts highlighted: its facts and spans
                if rows and getattr(rows[0], "key", None):
                    run("entity page: a row's evidence", lambda r=rows[0]: row_evidence(store, replace(r, facts=[])))
    label = {e.iri: e.label for e in catalog.entries}
    drugs = [label[e.iri] for e in top.get("drug", [])]
    targets = [label[e.iri] for k in ("cell", "cytokine", "gene", "process") for e in top.get(k, [])]
    conditions = [label[e.iri] for e in top.get("condition", [])]
    questions = ([f"adverse events of {d}" for d in drugs] + [f"doses of {d}" for d in drugs]
                 + [f"what does {d} act on" for d in drugs] + [f"compare the trials of {d}" for d in drugs]
                 + [f"drugs that affect {t}" for t in targets] + [f"trials in {c}" for c in conditions])
    for q in questions:
        parsed = ask.parse(q)
        if parsed is None or parsed.template.build is None:
            continue
        # as the Ask screen does: the names resolved to IRIs first, so the query is anchored on them
        slots = dict(parsed.slots)
        for slot in ("x", "y"):
            if slot in slots:
                slots[f"{slot}_iris"] = vocabulary.iris_named(slots[slot])
        sparql = ask.Question(parsed.template, slots).sparql()
        rows = run(f"ask: {parsed.template.key}", lambda s=sparql: store.select(s))
        col = parsed.template.page_on
        if len({str(r.get(col)) for r in rows}) > ask.PAGE:  # "more…": the next page
            nxt = ask.Question(parsed.template, {**slots, "offset": str(ask.PAGE)}).sparql()
            run("ask: more… (next page)", lambda s=nxt: store.select(s))
    trials = top.get("trial", [])
    for left, right in zip(trials, trials[1:]):
        run("compare two trials", lambda x=left, y=right: compare(store, [(x.iri, x.label), (y.iri, y.label)]))
    store.close()

    print(f"store: {a.store} · {catalog.documents} documents · {catalog.facts} facts · {catalog.triples} triples")
    print(f"load average {load:.1f} -> {os.getloadavg()[0]:.1f}; {os.cpu_count()} cores")
    print(f"{'screen / query':34} {'n':>4} {'wall p50':>9} {'p95':>7}  {'CPU p50':>8} {'p95':>7}  "
          f"target p95 < {TARGET_MS:.0f} ms (wall)")
    worst = worst_cpu = 0.0
    for name, xs in timings.items():
        wall, cpu = [w for w, _c in xs], [c for _w, c in xs]
        p95, cpu95 = pct(wall, 95), pct(cpu, 95)
        worst, worst_cpu = max(worst, p95), max(worst_cpu, cpu95)
        mark = "ok" if p95 < TARGET_MS else "SLOW"
        print(f"{name:34} {len(xs):4} {statistics.median(wall):9.1f} {p95:7.1f}  {statistics.median(cpu):8.1f} "
              f"{cpu95:7.1f}  {mark}")
    print(f"worst p95: wall {worst:.1f} ms ({worst / TARGET_MS:.2f}× the target), CPU {worst_cpu:.1f} ms")
    print(f"vocabulary: {len(vocabulary.labels)} labels")
    return 0


if __name__ == "__main__":
    sys.exit(main())
