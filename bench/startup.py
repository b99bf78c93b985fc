"""Whole-command latency of kg's read commands, start-up included, against the interpreter's floor.

What a user waits for when typing `kg facts DOC` is mostly start-up: the interpreter, the
imports, opening the store. This runs the real console script (`kg`, next to this Python)
N times per command and, interleaved in the same run (shuffled within each round), the
floors `python -c pass`, `python -c "import pyoxigraph"` and, for each store folder, pyoxigraph
opening it read-only (RocksDB's open, ~15 ms of CPU, is the largest part of any read command
that kg cannot shorten; "over open" is a command's CPU p50 less that floor's: kg's own share),
so that the ratios mean something on a shared, noisy machine. Several source trees can be
compared A/B in one run (`--tree DIR`, put first on PYTHONPATH: e.g. a `git archive` of
another commit); their outputs are compared byte for byte before timing.

    .venv/bin/python bench/startup.py --store /tmp/dev-store --runs 30
    .venv/bin/python bench/startup.py --store S1 --store S2 --tree /tmp/base --tree . --runs 20
    .venv/bin/python bench/startup.py --store NEW1 --tree /tmp/base --tree . --tree-store /tmp/base=OLD1 --runs 20
    .venv/bin/python -X importtime -m kg.cli --store S facts DOC 2>&1 >/dev/null | sort -t'|' -k2 -n | tail
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the interpreter, pyoxigraph and RocksDB opening the store read-only, then the exit without the
# interpreter's teardown that kg's read commands take (kg.cli.console)
OPEN_FLOOR = "import os, sys, pyoxigraph; pyoxigraph.Store.read_only(sys.argv[1]); os._exit(0)"
Q_COUNT = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }"


def first_document(kg: str, store: str, env: dict) -> str:
    """A document id of the store (the first `kg stats --json` lists)."""
    import json

    out = subprocess.run([kg, "--store", store, "stats", "--json"], env=env, check=True,
                         capture_output=True, text=True).stdout
    return sorted(json.loads(out)["sources"])[0]


def commands(store: str, doc: str) -> list[tuple[str, list[str]]]:
    return [("facts DOC", ["--store", store, "facts", doc]),
            ("stats", ["--store", store, "stats"]),
            ("query (document count)", ["--store", store, "query", Q_COUNT]),
            ("text DOC", ["--store", store, "text", doc])]


def is_url(store: str) -> bool:
    return store.lower().startswith(("http://", "https://"))


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))]


def run_once(argv: list[str], env: dict) -> tuple[float, float]:
    """(wall ms, CPU ms: user + system) of one run of a command."""
    t = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = (time.perf_counter() - t) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, argv)
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--store", action="append", required=True, help="a store folder (or URL); repeatable")
    p.add_argument("--tree", action="append", help="a source tree to put first on PYTHONPATH; repeatable "
                   "(default: this repository)")
    p.add_argument("--doc", help="the document for facts/text (default: the store's first)")
    p.add_argument("--runs", type=int, default=20, help="runs of each command (default 20)")
    p.add_argument("--only", help="comma-separated command names to time (facts,stats,query,text)")
    p.add_argument("--no-check", action="store_true", help="do not compare the trees' outputs")
    p.add_argument("--tree-store", action="append", metavar="TREE=S1,S2", default=[],
                   help="this tree runs on these stores instead of the --store ones, position for position "
                   "(the same documents, written by that tree's kg: e.g. a store an older kg wrote for the "
                   "older tree); repeatable")
    args = p.parse_args(argv)

    py = sys.executable
    kg = str(Path(py).parent / "kg")
    trees = [str(Path(t).resolve()) for t in (args.tree or [ROOT])]
    # bytecode caches written, as an installed kg has them (PYTHONDONTWRITEBYTECODE, set in some
    # sandboxes, made every run compile each changed module again: ~4 ms for kg/cli.py alone)
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    envs = {t: {**base_env, "PYTHONPATH": t} for t in trees}
    load = os.getloadavg()[0]
    jobs: list[tuple[str, list[str], dict]] = [
        ("floor: python -c pass", [py, "-c", "pass"], base_env),
        ("floor: python -c 'import pyoxigraph'", [py, "-c", "import pyoxigraph"], base_env)]
    # the console script calls kg.cli:console; a tree from before it (285892e and older) is run
    # the way its own script ran it, main(), from a script of the same shape
    import tempfile

    legacy = Path(tempfile.mkdtemp(prefix="kg-startup-")) / "kg"
    legacy.write_text("import sys\nfrom kg.cli import main\nsys.exit(main())\n")
    runner = {t: kg if "def console" in (Path(t) / "kg" / "cli.py").read_text() else str(legacy) for t in trees}
    open_floor: dict[str, str] = {}  # a command's name: the name of its store's open floor
    own_stores = {str(Path(t).resolve()): s.split(",") for t, _eq, s in (x.partition("=") for x in args.tree_store)}
    for k, store in enumerate(args.store):
        doc = args.doc or first_document(kg, store, envs[trees[-1]])
        opened = None
        if not is_url(store):  # what no command that reads this store can avoid: the engine opening it
            opened = f"floor: open {Path(store).name} read-only"
            jobs.append((opened, [py, "-c", OPEN_FLOOR, store], base_env))
        keep = args.only.split(",") if args.only else None
        names = [name for name, _c in commands(store, doc) if keep is None or name.split()[0] in keep]
        for name in names:
            outs = {}
            for t in trees:
                where = own_stores[t][k] if t in own_stores else store
                cmd = dict(commands(where, doc))[name]
                argv_t = [kg, *cmd] if runner[t] == kg else [py, runner[t], *cmd]
                jobs.append((f"{Path(where).name} {name} [{Path(t).name}]", argv_t, envs[t]))
                if opened and where == store:
                    open_floor[jobs[-1][0]] = opened
                if not args.no_check:
                    outs[t] = subprocess.run(argv_t, env=envs[t], capture_output=True).stdout
            if len(set(outs.values())) > 1:
                print(f"OUTPUT DIFFERS between trees: {name} on {store}", file=sys.stderr)
                return 1
    times: dict[str, list[tuple[float, float]]] = {name: [] for name, _a, _e in jobs}
    for _name, a, e in jobs:  # one untimed run each: the page cache warm for all
        run_once(a, e)
    for _ in range(args.runs):
        order = list(jobs)
        random.shuffle(order)
        for name, a, e in order:
            times[name].append(run_once(a, e))
    floor = statistics.median(w for w, _c in times[jobs[0][0]])
    cpu_floor = statistics.median(c for _w, c in times[jobs[0][0]])
    print(f"whole commands, ms, {args.runs} runs each, shuffled within rounds; "
          f"load average {load:.1f} -> {os.getloadavg()[0]:.1f}; {os.cpu_count()} cores")
    print(f"  {'command':58} {'wall p50':>8} {'p95':>7} {'/floor':>6}   {'CPU p50':>7} {'p95':>7} {'/floor':>6}"
          f" {'over open':>9}")
    for name, xs in times.items():
        wall, cpu = [w for w, _c in xs], [c for _w, c in xs]
        over = ""
        if name in open_floor:
            over = f"{statistics.median(cpu) - statistics.median(c for _w, c in times[open_floor[name]]):9.1f}"
        print(f"  {name:58} {statistics.median(wall):8.1f} {percentile(wall, 95):7.1f} "
              f"{statistics.median(wall) / floor:5.2f}x   {statistics.median(cpu):7.1f} {percentile(cpu, 95):7.1f} "
              f"{statistics.median(cpu) / cpu_floor:5.2f}x {over}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
