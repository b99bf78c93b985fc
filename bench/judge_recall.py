"""Precision and recall of conditions and adverse events against a hand-judged sample.

Why: the dev gold has 20 abstracts; the papers kg is scored on are others. A sample of Evidence
Inference train abstracts judged by hand (bench/judged_ei_abstracts_conditions_aes.json: what a
reader takes as each trial's conditions and adverse events, recall included) says whether a
change generalises. Matching is the shared scorer's (token containment or 85 % similarity).

    python bench/judge_recall.py --build /tmp/ei-abstracts     # title + abstract texts of the sample
    kg --store S ingest -q /tmp/ei-abstracts && kg --store S facts > facts.json
    python bench/judge_recall.py --facts facts.json [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "judged_ei_abstracts_conditions_aes.json"


def _shared() -> Path:
    sys.path.insert(0, str(HERE))
    from accuracy import shared_dir

    shared = shared_dir()
    if shared is None:
        sys.exit("../shared is not beside the repository; set KG_SHARED")
    return Path(shared)


def build(out: Path, judged: dict) -> None:
    """Title and abstract of each judged article, its labelled parts as headings."""
    xml_dir = _shared() / "ei" / "annotations" / "xml_files"
    out.mkdir(parents=True, exist_ok=True)

    def text(e) -> str:
        return re.sub(r"\s+", " ", "".join(e.itertext())).strip()

    for pmc in judged:
        root = ET.parse(xml_dir / f"{pmc}.nxml").getroot()
        parts = [text(root.find(".//article-meta//article-title")), ""]
        for child in root.find(".//article-meta/abstract"):
            if child.tag == "p":
                parts += [text(child), ""]
            elif child.tag == "sec":
                title = child.find("title")
                body = " ".join(text(p) for p in child.findall("p"))
                parts += ([text(title)] if title is not None else []) + [body, ""]
        (out / f"{pmc}.txt").write_text("\n".join(parts), encoding="utf-8")


def score(facts: dict, judged: dict, show: bool) -> dict:
    sys.path.insert(0, str(_shared() / "eval"))
    from score import labels, similar

    tally = {"conditions": [0, 0, 0], "adverse_events": [0, 0, 0], "related_to_drug": [0, 0], "serious": [0, 0]}

    def same_ae(want: str, p: dict) -> bool:
        negated = want.startswith("NOT ")
        term = want[4:] if negated else want
        return bool(p["negated"]) == negated and any(similar(term, x) for x in labels(p, "term"))

    for doc, want in judged.items():
        d = facts.get(doc, {"trial": {}, "adverse_events": []})
        pairs = (("conditions", want["cond"], [c["label"] for c in d["trial"].get("conditions") or []],
                  lambda w, p: similar(w, p)),
                 ("adverse_events", want["ae"], d["adverse_events"], lambda w, p: same_ae(w.split("|")[0], p)))
        for kind, wanted, predicted, same in pairs:
            used: set[int] = set()
            for w in wanted:
                hit = next((j for j, p in enumerate(predicted) if j not in used and same(w, p)), None)
                if hit is None:
                    tally[kind][2] += 1
                    if show:
                        print(f"{doc} {kind} missed: {w}")
                    continue
                used.add(hit)
                tally[kind][0] += 1
                for flag, attr in (("rel", "related_to_drug"), ("ser", "serious")):
                    if f"|{flag}" in w:
                        tally[attr][1] += 1
                        tally[attr][0] += predicted[hit].get(attr) is True
            for j, p in enumerate(predicted):
                if j not in used and not any(same(w, p) for w in wanted):
                    tally[kind][1] += 1
                    if show:
                        name = p if isinstance(p, str) else ("NOT " if p["negated"] else "") + p["term"]
                        print(f"{doc} {kind} spurious: {name}")
    out = {}
    for kind in ("conditions", "adverse_events"):
        tp, fp, fn = tally[kind]
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        out[kind] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(prec, 3), "recall": round(rec, 3),
                     "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0}
    out["related_to_drug"] = f"{tally['related_to_drug'][0]}/{tally['related_to_drug'][1]}"
    out["serious"] = f"{tally['serious'][0]}/{tally['serious'][1]}"
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--judged", type=Path, default=JUDGED)
    ap.add_argument("--build", type=Path, help="write the sample's title + abstract texts to this folder")
    ap.add_argument("--facts", type=Path, help="`kg facts` JSON of those texts")
    ap.add_argument("--show", action="store_true", help="list missed and spurious items")
    a = ap.parse_args(argv)
    judged = {k: v for k, v in json.loads(a.judged.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    if a.build:
        build(a.build, judged)
    if a.facts:
        facts = {d["doc"]: d for d in json.loads(a.facts.read_text(encoding="utf-8"))["documents"]}
        print(json.dumps(score(facts, judged, a.show), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
