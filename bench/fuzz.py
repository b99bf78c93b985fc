#!/usr/bin/env python3
"""Fuzz kg end to end: thousands of mutated texts, JATS files, catalogue records and PDFs,
ingested through the real command line in batches, each batch under a time limit.

A crash is a traceback, an exit code other than 0/1, or a file missing from the report
(neither ingested nor named in an error line); a hang is a batch over its time limit.
Also checks, per batch, that every stored evidence span equals the stored text at its
offsets. Prints the counts; exits 1 on any crash or hang.

    .venv/bin/python bench/fuzz.py --n 2000 --batch 100 --timeout 600
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "kg.cli"]

TEXT = ("A randomised trial of low-dose interleukin-2 in lupus\n\n"
        "Methods\n\nAdults received 1 MIU daily for 5 days.\n\n"
        "Results\n\nTable 1 Adverse events\nEvent\tn (%)\nHeadache\t3 (15)\n\n"
        "Grade 3 neutropenia occurred in 2 of 20 patients (p = 0.04). Regulatory T cells increased.\n")
RECORD = ("id doaj-0001\ntitle A pilot trial of tocilizumab in systemic sclerosis\nauthor Writer, Ann\n"
          "author Author, Ben\ncontainer_title Journal of Trials\nissn 1234-5678\npublishDate 2020\n"
          "description Background Tocilizumab was given to 14 participants. Results Two of the 14 participants "
          "had grade 2 headache while on tocilizumab.\nlanguage English\n")
NASTY = ["\x00", "\x0c", "\ufeff", "\udcff", "[" * 5000, "(" * 3000, "_" * 4000, "=*" * 3000, "\u202e", "\r\n" * 50,
         "é" * 1000, "<![CDATA[", "<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>", "&x;", "%PDF-1.4\n"]


def seeds(hostile: bool = False) -> dict[str, bytes]:
    """The files mutated: a text, a record, a JATS file, two PDFs; with `hostile`, small
    versions of the hostile PDFs too (a decompression bomb, nested forms, deep arrays, too
    many pages, a lying page count: tests/hostile_pdfs.py)."""
    out = {".txt": TEXT.encode(), ".record.txt": RECORD.encode()}
    jats = ROOT / "tests" / "data" / "sample-jats.xml"
    if jats.exists():
        out[".xml"] = jats.read_bytes()
    pdfs = sorted((ROOT / "tests" / "data").glob("*.pdf"), key=lambda p: p.stat().st_size)
    if pdfs:
        out["-paper.pdf"] = pdfs[0].read_bytes()
    sys.path.insert(0, str(ROOT / "tests"))
    from test_fuzz import PDF_SEED  # a one-page text PDF, small enough that most mutants still parse

    out[".pdf"] = PDF_SEED
    if hostile:
        import hostile_pdfs as h

        out.update({"-bomb.pdf": h.content_bomb(128), "-forms.pdf": h.nested_forms(1000),
                    "-arrays.pdf": h.nested_arrays(20_000), "-pages.pdf": h.many_pages(400),
                    "-count.pdf": h.lying_count(400)})
    return out


def mutate(rng: random.Random, data: bytes) -> bytes:
    """A few random edits: byte flips, inserted junk or nasties, deletions, repeats, a cut."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        pos = rng.randint(0, max(len(b) - 1, 0))
        op = rng.random()
        if op < 0.35 and b:
            b[pos] = rng.randint(0, 255)
        elif op < 0.55:
            b[pos:pos] = rng.choice(NASTY).encode("utf-8", "surrogateescape")
        elif op < 0.7:
            b[pos:pos] = bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 32)))
        elif op < 0.85:
            del b[pos:pos + rng.randint(1, 256)]
        else:
            b[pos:pos] = b[pos:pos + rng.randint(1, 16)] * rng.randint(2, 500)
    if rng.random() < 0.2:
        b = b[: rng.randint(0, len(b))]
    return bytes(b)


def run_batch(files: list[Path], store: Path, timeout: float) -> dict:
    t0 = time.perf_counter()
    try:
        p = subprocess.run([*KG, "--store", str(store), "ingest", "-q", "--force", str(files[0].parent)],
                           capture_output=True, timeout=timeout, cwd=ROOT, check=False)
    except subprocess.TimeoutExpired:
        return {"hang": True, "seconds": timeout}
    err = p.stderr.decode("utf-8", "replace")
    failed = sum(1 for f in files if f"kg: error: {f}: " in err)
    reasons = [re.sub(r"\d+", "N", ln.split(": ", 3)[-1])[:40] for ln in err.splitlines()
               if ln.startswith("kg: error: ")]
    crash = "Traceback" in err or p.returncode not in (0, 1)
    docs, bad_spans = check_store(store)
    missing = len(files) - failed - len(docs)
    return {"reasons": reasons, "hang": False, "crash": crash or missing > 0, "rc": p.returncode, "failed": failed,
            "ingested": len(docs), "missing": max(missing, 0), "bad_spans": bad_spans,
            "seconds": time.perf_counter() - t0, "err": err if crash else ""}


def check_store(store: Path) -> tuple[list[dict], int]:
    """The stored documents, and how many evidence spans differ from the stored text."""
    sys.path.insert(0, str(ROOT))
    from kg.graph.facts import facts_json
    from kg.graph.store import GraphStore
    from kg.graph.views import document_text

    if not store.exists():
        return [], 0
    bad = 0
    with GraphStore(store, read_only=True) as st:
        docs = facts_json(st)["documents"]
        for d in docs:
            text = document_text(st, d["doc"]) or ""
            for kind in ("results", "adverse_events", "interventions", "endpoints", "mechanisms"):
                for f in d.get(kind, []):
                    for ev in f.get("evidence", []):
                        bad += text[ev["start"]:ev["end"]] != ev["text"]
    return docs, bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400, help="mutated files in all (default 400)")
    ap.add_argument("--batch", type=int, default=50, help="files per kg ingest (default 50)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds allowed per batch (default 600)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--hostile", action="store_true", help="mutate small hostile PDFs too (tests/hostile_pdfs.py)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    kinds = seeds(a.hostile)
    reasons: Counter = Counter()
    totals = {"files": 0, "ingested": 0, "failed": 0, "crashes": 0, "hangs": 0, "missing": 0, "bad_spans": 0}
    work = Path(tempfile.mkdtemp(prefix="kg-fuzz-"))
    t0 = time.perf_counter()
    try:
        for b in range(0, a.n, a.batch):
            folder = work / f"batch-{b // a.batch:04d}"
            folder.mkdir()
            files = []
            for i in range(min(a.batch, a.n - b)):
                suffix = rng.choice(list(kinds))
                f = folder / f"f{b + i:05d}{suffix}"
                f.write_bytes(mutate(rng, kinds[suffix]))
                files.append(f)
            r = run_batch(files, work / f"store-{b // a.batch:04d}", a.timeout)
            totals["files"] += len(files)
            if r["hang"]:
                totals["hangs"] += 1
                print(f"batch {b // a.batch}: HANG (> {a.timeout:.0f} s) in {folder}", flush=True)
                continue
            totals["crashes"] += int(r["crash"])
            reasons.update(r["reasons"])
            for k in ("ingested", "failed", "missing", "bad_spans"):
                totals[k] += r[k]
            print(f"batch {b // a.batch}: {r['ingested']} ingested, {r['failed']} refused, {r['missing']} missing, "
                  f"rc {r['rc']}, {r['seconds']:.0f} s" + (f"  CRASH: {r['err'][-300:]}" if r["crash"] else ""),
                  flush=True)
            if not r["crash"]:
                shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(work / "store-0000", ignore_errors=True)
    totals["seconds"] = round(time.perf_counter() - t0)
    print("refusals by reason:")
    for reason, n in reasons.most_common(15):
        print(f"  {n:6}  {reason}")
    print(json.dumps(totals))
    bad = totals["crashes"] or totals["hangs"] or totals["bad_spans"]
    if not bad:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
