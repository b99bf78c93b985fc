#!/usr/bin/env python3
"""Which Evidence Inference interventions and comparators kg misses, per article, to find
CLASSES of misses on the train split (never tune on validation).

Reads the result.json and facts.json the harness (`../shared/eval/evidence_inference.py
--split train --work DIR`) wrote in DIR and prints, per article, each prompt intervention or
comparator kg did not name, beside the names kg gave (study and concomitant).

    python3 bench/ei_arm_misses.py /tmp/ei-train [--role comparator] [--hits]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def kg_names(doc: dict) -> tuple[list[str], list[str]]:
    """(study, concomitant) intervention names of one facts-JSON document."""
    def names(items):
        return sorted({i.get("drug") or "" for i in items if isinstance(i, dict)} - {""})
    return names(doc.get("interventions") or []), names(doc.get("concomitant_interventions") or [])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("work", type=Path, help="the harness's --work folder")
    ap.add_argument("--role", choices=("intervention", "comparator", "both"), default="both")
    ap.add_argument("--hits", action="store_true", help="print matched pairs too")
    a = ap.parse_args(argv)
    result = json.loads((a.work / "result.json").read_text(encoding="utf-8"))
    facts = json.loads((a.work / "facts.json").read_text(encoding="utf-8"))
    docs = {d.get("doc"): d for d in facts.get("documents", [])}
    by_article: dict[str, list[dict]] = {}
    for p in result["pairs"]:
        if a.role in ("both", p["role"]) and (a.hits or not p["match"]):
            by_article.setdefault(p["pmcid"], []).append(p)
    for pmc, pairs in sorted(by_article.items()):
        study, con = kg_names(docs.get(f"PMC{pmc}", {}))
        print(f"PMC{pmc}  kg: {study}" + (f"  concomitant: {con}" if con else ""))
        for p in pairs:
            mark = "+" if p["match"] else "-"
            kind = "drug" if p["drug_like"] else "other"
            print(f"   {mark} {p['role'][:4]} {kind:<5} {p['text']!r}" + (f" = {p['match']!r}" if p["match"] else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
