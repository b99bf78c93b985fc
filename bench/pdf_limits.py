#!/usr/bin/env python3
"""Peak memory and wall time of `kg ingest` on hostile PDFs (and on real ones).

Each input is ingested alone beside one good text file, through the real command line
(`-j 1`: one worker), while /proc is sampled every 20 ms: the peak resident memory of any
one process of the run (the kernel's VmHWM; the worker is the big one) and of the whole
process tree. Prints, per input: wall seconds, exit code, peak RSS, the error lines, and
whether the good file was ingested.

    .venv/bin/python bench/pdf_limits.py                       # the generated hostile PDFs
    .venv/bin/python bench/pdf_limits.py ../shared/realworld/*.pdf -- --memory 1024
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD = ("A pilot trial of tocilizumab\n\nResults\n\n"
        "Two of the 14 participants had grade 2 headache while on tocilizumab.\n")


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(path: Path, extra: list[str], timeout: float) -> dict:
    """Ingest `path` and a good file into a fresh store; sample memory until it ends."""
    with tempfile.TemporaryDirectory(prefix="kg-limits-") as tmp:
        good = Path(tmp) / "good.txt"
        good.write_text(GOOD, encoding="utf-8")
        cmd = [sys.executable, "-m", "kg.cli", "--store", str(Path(tmp) / "store"), "ingest", "-j", "1",
               *extra, str(path), str(good)]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
        peak_one = peak_tree = 0
        while proc.poll() is None:
            if time.monotonic() - t0 > timeout:
                for p in reversed(_descendants(proc.pid)):
                    try:
                        os.kill(p, 9)
                    except OSError:
                        pass
                break
            pids = _descendants(proc.pid)
            peak_one = max([peak_one] + [_status_kb(p, "VmHWM") for p in pids])
            peak_tree = max(peak_tree, sum(_status_kb(p, "VmRSS") for p in pids))
            time.sleep(0.02)
        out, err = proc.communicate()
        seconds = time.monotonic() - t0
    lines = [ln for ln in err.splitlines() if ln.strip()]
    return {"file": path.name, "size": path.stat().st_size, "seconds": seconds, "code": proc.returncode,
            "peak_mb": peak_one / 1024, "tree_mb": peak_tree / 1024, "lines": lines,
            "traceback": "Traceback" in err, "good_ingested": "ingested 0," not in err and proc.returncode in (0, 1)}


def main() -> int:
    argv = sys.argv[1:]
    extra: list[str] = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="PDFs to measure (default: the generated hostile ones)")
    ap.add_argument("--only", help="comma-separated hostile generators to run")
    ap.add_argument("--timeout", type=float, default=900, help="seconds before a run is killed (default 900)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-hostile-") as tmp:
        files = list(args.files)
        if not files:
            sys.path.insert(0, str(ROOT / "tests"))
            from hostile_pdfs import HOSTILE

            for name, make in HOSTILE.items():
                if args.only and name not in args.only.split(","):
                    continue
                p = Path(tmp) / f"{name}.pdf"
                p.write_bytes(make())
                files.append(p)
        print(f"kg ingest -j 1 {' '.join(extra)} FILE good.txt", flush=True)
        for f in files:
            r = measure(f, extra, args.timeout)
            good = "yes" if r["good_ingested"] else "NO"
            print(f"{r['file']:40} {r['size'] / 1024:8.0f} KB {r['seconds']:7.1f} s exit {r['code']:>3} "
                  f"peak {r['peak_mb']:6.0f} MB (tree {r['tree_mb']:6.0f} MB) good {good}"
                  f"{' TRACEBACK' if r['traceback'] else ''}", flush=True)
            for ln in r["lines"]:
                if not ln.startswith("ingested "):
                    print(f"    {ln[:200]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
