#!/usr/bin/env python3
"""Resident memory of one `kg ingest` of many documents, sampled from /proc as it runs.

Ingests DIR... into a fresh on-disk store with `kg.pipeline.ingest` (what `kg ingest --jobs N`
runs) while a thread samples every process of this process's tree every `--every` seconds.
Prints the ingesting process's RSS at each tenth of the documents, its peak (VmHWM), the
largest worker's peak and the whole tree's RSS and PSS (shared pages counted once): whether
memory stays flat as the store grows (issue 8: < 600 MB to 1,000 documents).

    .venv/bin/python bench/memory.py /tmp/src1k --jobs 0
    .venv/bin/python bench/memory.py /tmp/src1k --jobs 2
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from pdf_limits import _descendants, _status_kb  # noqa: E402 - the same /proc readers


def pss_kb(pid: int) -> int:
    """Proportional set size: pages shared by processes (a worker's copy-on-write pipeline,
    forked from the fork server) counted once across them, which RSS sums do not."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _role(pid: int, me: int) -> str:
    """'parent', 'fork server' or 'resource tracker' (children of the parent), or 'worker PID'
    (the fork server's children)."""
    if pid == me:
        return "parent"
    try:
        with open(f"/proc/{pid}/stat") as f:
            ppid = int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        ppid = 0
    if ppid != me:
        return f"worker {pid}"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            tracker = b"resource_tracker" in f.read()
    except OSError:
        tracker = False
    return "resource tracker" if tracker else "fork server"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--every", type=float, default=0.25, help="seconds between samples (default 0.25)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from kg.graph.store import GraphStore
    from kg.pipeline import ingest
    from kg.readers import iter_sources

    total = len(iter_sources(args.dirs))
    done = [0]
    marks: dict[int, tuple[int, float, float, float]] = {}  # tenth -> (documents, RSS, tree RSS, tree PSS), MB
    procs: dict[int, dict[str, tuple[float, float]]] = {}  # tenth -> {process: (RSS, PSS)}, MB
    peaks = {"parent": 0, "worker": 0, "tree": 0, "pss": 0}
    stop = threading.Event()
    me = os.getpid()

    def sample() -> None:
        while not stop.is_set():
            pids = _descendants(me)
            parent = _status_kb(me, "VmRSS")
            tree = sum(_status_kb(p, "VmRSS") for p in pids)
            peaks["parent"] = max(peaks["parent"], _status_kb(me, "VmHWM"))
            peaks["worker"] = max([peaks["worker"]] + [_status_kb(p, "VmHWM") for p in pids if p != me])
            peaks["tree"] = max(peaks["tree"], tree)
            pss = sum(pss_kb(p) for p in pids)
            peaks["pss"] = max(peaks["pss"], pss)
            tenth = min(10, done[0] * 10 // max(1, total))
            if tenth and tenth not in marks:
                marks[tenth] = (done[0], parent / 1024, tree / 1024, pss / 1024)
                procs[tenth] = {_role(p, me): (_status_kb(p, "VmRSS") / 1024, pss_kb(p) / 1024) for p in pids}
            stop.wait(args.every)

    sampler = threading.Thread(target=sample, daemon=True)
    with tempfile.TemporaryDirectory(prefix="kg-memory-") as tmp, GraphStore(Path(tmp) / "store") as store:
        sampler.start()
        t0 = time.monotonic()
        report = ingest(args.dirs, store, jobs=args.jobs, timeout=600 if args.jobs else None,
                        on_progress=lambda _p: done.__setitem__(0, done[0] + 1))
        seconds = time.monotonic() - t0
        time.sleep(2 * args.every)
        stop.set()
        sampler.join()
        quads = len(store.ox)
    print(f"ingest --jobs {args.jobs}: {total} sources, {len(report.ingested)} ingested, {len(report.failed)} "
          f"failed, {quads} quads, {seconds:.0f} s wall, load average {os.getloadavg()[0]:.1f}")
    print("ingesting process RSS by documents done: " + ", ".join(
        f"{n} {p:.0f} MB" for _t, (n, p, _tr, _ps) in sorted(marks.items())))
    if args.jobs:
        print("whole tree RSS by documents done:        " + ", ".join(
            f"{n} {tr:.0f} MB" for _t, (n, _p, tr, _ps) in sorted(marks.items())))
        print("whole tree PSS by documents done:        " + ", ".join(
            f"{n} {ps:.0f} MB" for _t, (n, _p, _tr, ps) in sorted(marks.items())))
    if args.jobs:
        for t in (1, 5, 10):
            if t in procs:
                print(f"  at {marks[t][0]} documents, RSS/PSS per process: " + ", ".join(
                    f"{who} {r:.0f}/{ps:.0f} MB" for who, (r, ps) in sorted(procs[t].items())))
    print(f"peak: ingesting process {peaks['parent'] / 1024:.0f} MB"
          + (f", largest worker {peaks['worker'] / 1024:.0f} MB, whole tree RSS {peaks['tree'] / 1024:.0f} MB, "
             f"PSS {peaks['pss'] / 1024:.0f} MB" if args.jobs else "") + " (target < 600 MB)")
    for path, why in report.failed[:5]:
        print(f"  failed: {path}: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
