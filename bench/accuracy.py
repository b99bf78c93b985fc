#!/usr/bin/env python3
"""Accuracy report: per-category precision, recall and F1 of kg's facts against gold.

Ingests corpus/, ../shared/dev/docs and bench/dev2/docs (30 more abstracts, gold written
without kg's output: bench/dev2/README.md) into temporary stores (in one process, so spaCy and
the lexicon load once), prints `kg facts` scored by ../shared/eval/score.py for each set,
and with --ei runs the Evidence Inference harness on its validation split and prints its
headline figures. ../shared sits beside the repository; set KG_SHARED to use another.
tests/test_accuracy_floor.py fails when the dev micro-F1 falls below bench/accuracy_floor.json.

    .venv/bin/python bench/accuracy.py
    .venv/bin/python bench/accuracy.py --ei          # also Evidence Inference (1-2 min)
    .venv/bin/python bench/accuracy.py --json        # one JSON object
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FLOOR_FILE = ROOT / "bench" / "accuracy_floor.json"


def shared_dir() -> Path | None:
    """../shared beside the repository (or beside the folder holding a git worktree), or $KG_SHARED."""
    env = os.environ.get("KG_SHARED")
    candidates = [Path(env)] if env else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    for c in candidates:
        if (c / "eval" / "score.py").is_file():
            return c.resolve()
    return None


def sets(shared: Path) -> dict[str, tuple[Path, Path]]:
    """The scored sets: name → (documents folder, gold folder)."""
    return {"corpus": (ROOT / "corpus", shared / "gold"),
            "dev": (shared / "dev" / "docs", shared / "dev" / "gold"),
            "dev2": (ROOT / "bench" / "dev2" / "docs", ROOT / "bench" / "dev2" / "gold")}


def predict(docs: Path, work: Path) -> Path:
    """Ingest `docs` into a fresh store under `work`; write and return the facts JSON."""
    from kg.graph.facts import facts_json
    from kg.graph.store import GraphStore
    from kg.pipeline import ingest

    with GraphStore(work / "store") as store:
        report = ingest([docs], store)
        if report.failed:
            for path, reason in report.failed:
                print(f"accuracy: {path}: {reason}", file=sys.stderr)
        data = facts_json(store, None)
    out = work / "facts.json"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def score(shared: Path, gold: Path, pred: Path, docs: Path) -> dict:
    """score.py's JSON summary (micro, categories, provenance) for one set."""
    run = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold),
                          "--pred", str(pred), "--docs", str(docs), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def measure(shared: Path, names: list[str] | None = None) -> dict[str, dict]:
    """Score each named set (default: all) on a fresh temporary store."""
    out = {}
    for name, (docs, gold) in sets(shared).items():
        if names and name not in names:
            continue
        with tempfile.TemporaryDirectory(prefix=f"kg-accuracy-{name}-") as tmp:
            pred = predict(docs, Path(tmp))
            out[name] = score(shared, gold, pred, docs)
    return out


def evidence_inference(shared: Path, n: int) -> dict:
    """Run ../shared/eval/evidence_inference.py on the validation split; its totals."""
    kg_exe = Path(sys.executable).with_name("kg")
    if not kg_exe.exists():
        kg_exe = Path(shutil.which("kg") or kg_exe)
    with tempfile.TemporaryDirectory(prefix="kg-accuracy-ei-") as tmp:
        result = Path(tmp) / "result.json"
        subprocess.run([sys.executable, str(shared / "eval" / "evidence_inference.py"),
                        "--repo-dir", str(shared / "ei"), "--kg", str(kg_exe), "--work", str(Path(tmp) / "work"),
                        "--split", "validation", "--n", str(n), "--source", "nxml", "--quiet",
                        "--json", str(result)], check=True, stdout=subprocess.DEVNULL)
        return json.loads(result.read_text(encoding="utf-8"))["totals"]


EI_HEADLINES = [("result-sentence recall", "result_sentence_recall"),
                ("result-span recall (strict)", "result_span_recall"),
                ("intervention recall", "intervention_recall_all"),
                ("  drug-like", "intervention_recall_drug_like"),
                ("  not drug-like", "intervention_recall_not_drug_like"),
                ("outcome recall", "outcome_recall"),
                ("significance agreement", "significance_agreement"),
                ("precision proxy", "precision_proxy")]


def print_set(name: str, s: dict, floor: dict | None) -> None:
    print(f"\n{name}")
    print(f"  {'category':22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for cat, c in s["categories"].items():
        mark = ""
        if floor and cat in floor.get("categories", {}) and c["f1"] < floor["categories"][cat]:
            mark = f"  below floor {floor['categories'][cat]:.2f}"
        print(f"  {cat:22} {c['precision']:6.2f} {c['recall']:6.2f} {c['f1']:6.2f} "
              f"{c['tp']:4} {c['fp']:4} {c['fn']:4}{mark}")
    m = s["micro"]
    print(f"  {'micro':22} {m['precision']:6.2f} {m['recall']:6.2f} {m['f1']:6.2f} {m['tp']:4} {m['fp']:4} {m['fn']:4}"
          + (f"  (floor {floor['micro_f1']:.2f})" if floor else ""))
    p = s["provenance"]
    print(f"  provenance: {p['exact']}/{p['checked']} evidence spans exact")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", choices=("corpus", "dev", "dev2"),
                    help="score only this set (repeatable)")
    ap.add_argument("--ei", action="store_true", help="also run the Evidence Inference validation split")
    ap.add_argument("--ei-n", type=int, default=42, help="Evidence Inference articles (default 42: all)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    a = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("accuracy: ../shared not found beside the repository; set KG_SHARED", file=sys.stderr)
        return 2
    floors = json.loads(FLOOR_FILE.read_text(encoding="utf-8")) if FLOOR_FILE.exists() else {}
    result: dict = measure(shared, a.set)
    if a.ei:
        result["evidence_inference"] = evidence_inference(shared, a.ei_n)
    if a.json:
        print(json.dumps(result))
        return 0
    print(f"shared: {shared}")
    for name in ("corpus", "dev", "dev2"):
        if name in result:
            print_set(name, result[name], floors.get(name))
    if "evidence_inference" in result:
        t = result["evidence_inference"]
        print("\nEvidence Inference, validation split (--source nxml)")
        print(f"  articles {t.get('articles')}, with any result {t.get('articles_with_any_result')}, "
              f"ingest failures {t.get('ingest_failures')}")
        for label, key in EI_HEADLINES:
            v = t.get(key)
            print(f"  {label:28} {'n/a' if v is None else f'{100 * v:.1f}%'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
