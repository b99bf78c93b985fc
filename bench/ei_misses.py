#!/usr/bin/env python3
"""Where kg's results fall short on Evidence Inference articles, grouped by class of phrasing.

Runs ../shared/eval/evidence_inference.py on a sample of a split (default: 60 articles of
the *train* split; never tune on validation) or reads a result.json it wrote before, then
prints:

1. annotated result sentences where kg has no `results` fact, grouped into classes of
   phrasing (the first class whose cue matches; cues below are diagnostics, not rules);
2. prompts whose outcome kg names nowhere, with the measures kg gave in the evidence sentence;
3. prompts whose significance disagrees with kg's p-value;
4. a precision check: kg results whose evidence sits in a part of the paper that reports no
   findings of the trial (background, methods, ...), with a sample of their sentences.

    .venv/bin/python bench/ei_misses.py --n 60                       # runs the harness (1-2 min)
    .venv/bin/python bench/ei_misses.py --result /tmp/ei/result.json # reads a run
    .venv/bin/python bench/ei_misses.py --result R --only misses --class trend
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from accuracy import shared_dir  # noqa: E402 - the one rule for where ../shared is

# Diagnostic classes of how a finding is written (first match wins). Order: specific first.
CLASSES: list[tuple[str, str]] = [
    ("table_row", r"\t"),
    ("legend_or_caption", r"^\s*(?:Figure|Fig\.?|Table)\s+\d|\b(?:values\s+are|data\s+are)\s+(?:means?|medians?)|"
                          r"\b(?:bars|error\s+bars|asterisks?|symbols)\b"),
    ("across_sentences", r"(?:^|[.]\s+)(?:This|The|These|That)\s+(?:difference|change|increase|decrease|reduction|"
                         r"effect|improvement)s?\s+(?:was|were|did|is|are|failed|reached|remained)"),
    ("trend", r"\b(?:tend(?:ed|s|ency)?|trend(?:ed)?|tendency)\b"),
    ("hedged_significance", r"\b(?:marginal(?:ly)?|nearly|almost|borderline|approach(?:ed|ing)?|not\s+quite)\s+"
                            r"(?:statistical(?:ly)?\s+)?significan"),
    ("no_difference_no_measure", r"\bno\s+(?:statistically\s+)?(?:significant\s+)?(?:[\w-]+\s+)?differences?\s+"
                                 r"(?:was|were)\s+(?:found|observed|seen|noted|detected)\s+between"),
    ("did_not_differ", r"\b(?:did|does|do)\s+not\s+(?:significantly\s+)?differ|\bnot\s+(?:statistically\s+)?"
                       r"significantly\s+different"),
    ("no_difference", r"\bno\s+(?:statistically\s+)?(?:significant\s+)?(?:[\w-]+\s+)?(?:differences?|changes?|"
                      r"effects?)\b"),
    ("similar", r"\b(?:similar|comparable|equal|equivalent)\b"),
    ("superior_inferior", r"\b(?:superior|inferior|better|worse|more\s+effective|less\s+effective)\b"),
    ("showed_comparative", r"\b(?:showed|show|displayed|had|has|have|exhibited|demonstrated)\s+(?:a\s+|an\s+)?"
                           r"(?:[\w-]+\s+){0,3}(?:higher|lower|greater|fewer|more|less|larger|smaller)\b"),
    ("comparative_than", r"\b\w+er\s+(?:in|among|with|for)\s+[^.;]{1,60}\bthan\b|\b(?:more|less)\s+\w+\s+than\b"),
    ("changed_plain", r"\b(?:improved|increased|decreased|reduced|declined|rose|fell)\b"),
    ("present_tense_finding", r"\b(?:increases|decreases|reduces|improves|lowers|raises)\b"),
    ("p_value_only", r"\b[Pp]\s*[<=>≤≥]|\bp\s*-?\s*values?\b"),
    ("has_number", r"\d"),
    ("words_only", r""),
]
QUIET_PARTS = re.compile(r"^(?:background|introduction|methods?|materials?|patients?\s+and\s+methods|study\s+design|"
                         r"statistical\s+analysis|statistics|sample\s+size|objectives?|aims?)\b", re.I)


def classify(sentence: str) -> str:
    for name, rx in CLASSES:
        if re.search(rx, sentence, re.I if name not in ("legend_or_caption",) else 0):
            return name
    return "words_only"


def run_harness(a) -> Path:
    shared = shared_dir() or ROOT.parent / "shared"
    work = Path(a.work)
    result = work / "result.json"
    subprocess.run([sys.executable, str(shared / "eval" / "evidence_inference.py"), "--repo-dir", str(shared / "ei"),
                    "--kg", str(ROOT / ".venv" / "bin" / "kg"), "--work", str(work), "--split", a.split,
                    "--n", str(a.n), "--seed", str(a.seed), "--source", "nxml", "--quiet", "--json", str(result)],
                   check=True, stdout=subprocess.DEVNULL)
    return result


def excluded(paths: list[str]) -> set[str]:
    """PMC ids (digits only) named by the --exclude files and folders."""
    ids: set[str] = set()
    for p in map(Path, paths):
        names = [f.stem for f in p.iterdir()] if p.is_dir() else p.read_text(encoding="utf-8").split()
        ids |= {m.group(1) for n in names if (m := re.match(r"(?:PMC)?(\d+)", n))}
    return ids


def without(data: dict, ids: set[str]) -> dict:
    """The harness result without the spans and prompts of the excluded articles."""
    keep = lambda rows: [r for r in rows if str(r.get("pmcid", "")).removeprefix("PMC") not in ids]  # noqa: E731
    return {**data, "spans": keep(data.get("spans", [])), "prompts": keep(data.get("prompts", []))}


def short(s: str, n: int) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return s if len(s) <= n else s[: n - 1] + "…"


def misses(data: dict, only_class: str | None, width: int) -> None:
    spans = [s for s in data["spans"] if s.get("located")]
    missed = [s for s in spans if not s["hit_sentence"]]
    print(f"== annotated result sentences without a kg result: {len(missed)} of {len(spans)} spans")
    groups: dict[str, list[dict]] = defaultdict(list)
    seen = set()
    for s in missed:
        key = (s["pmcid"], tuple(s["window"]))
        if key in seen:
            continue
        seen.add(key)
        groups[classify(s["sentence"])].append(s)
    for name, _ in CLASSES:
        if name not in groups or only_class and name != only_class:
            continue
        g = groups[name]
        print(f"\n-- {name}: {len(g)} sentence(s) in {len({s['pmcid'] for s in g})} article(s)")
        for s in g:
            print(f"  PMC{s['pmcid']} [{s['section']}] {short(s['sentence'], width)}")
            if s["any_fact_kinds"]:
                print(f"      (other kg facts here: {', '.join(s['any_fact_kinds'])})")


def outcomes(data: dict, width: int) -> None:
    spans_by_prompt: dict[int, list[dict]] = defaultdict(list)
    for s in data["spans"]:
        for pid in s.get("prompt_ids", []):
            spans_by_prompt[pid].append(s)
    bad = [p for p in data["prompts"] if not p["outcome_match"]]
    print(f"\n== prompts whose outcome kg does not name: {len(bad)} of {len(data['prompts'])}")
    for p in bad:
        measures = sorted({r["measure"] or "-" for s in spans_by_prompt[p["prompt_id"]] for r in s["kg_results"]})
        print(f"  PMC{p['pmcid']} outcome '{p['outcome']}'  kg measures there: {short('; '.join(measures), width)}")


def significance(data: dict, width: int) -> None:
    spans_by_prompt: dict[int, list[dict]] = defaultdict(list)
    for s in data["spans"]:
        for pid in s.get("prompt_ids", []):
            spans_by_prompt[pid].append(s)
    bad = [p for p in data["prompts"] if p["agree"] is False]
    print(f"\n== significance disagreements: {len(bad)} of {sum(p['agree'] is not None for p in data['prompts'])}")
    for p in bad:
        sent = next((s["sentence"] for s in spans_by_prompt[p["prompt_id"]] if s.get("sentence")), "")
        print(f"  PMC{p['pmcid']} label '{p['label']}' kg p {p['kg_p_relation']} {p['kg_p']} "
              f"outcome '{p['outcome']}'\n      {short(sent, width)}")


def precision(facts_path: Path, width: int, sample: int, skip: frozenset[str] = frozenset()) -> None:
    data = json.loads(facts_path.read_text(encoding="utf-8"))
    by_part: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    total = 0
    for doc in data.get("documents", []):
        if re.sub(r"\D", "", str(doc.get("doc", ""))) in skip:
            continue
        for r in doc.get("results", []):
            total += 1
            ev = (r.get("evidence") or [{}])[0]
            sec = ev.get("section") or "-"
            if QUIET_PARTS.match(sec):
                by_part[sec.lower()].append((doc["doc"], r))
    n = sum(len(v) for v in by_part.values())
    print(f"\n== kg results in parts that report no findings of the trial: {n} of {total}")
    for sec, rs in sorted(by_part.items(), key=lambda kv: -len(kv[1])):
        print(f"  {sec}: {len(rs)}")
        for doc, r in rs[:sample]:
            ev = r["evidence"][0]["text"]
            print(f"      {doc} conf {r.get('confidence')} [{short(r.get('measure') or '-', 40)} = "
                  f"{short(str(r.get('value')), 30)}] {short(ev, width)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--result", help="a result.json the harness wrote (else the harness runs)")
    ap.add_argument("--split", default="train", choices=("train", "validation", "test"))
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--work", default="/tmp/kg-ei-misses")
    ap.add_argument("--only", choices=("misses", "outcomes", "significance", "precision"))
    ap.add_argument("--class", dest="klass", help="print only this class of misses")
    ap.add_argument("--width", type=int, default=400)
    ap.add_argument("--sample", type=int, default=8, help="sentences shown per part in the precision check")
    ap.add_argument("--exclude", action="append", default=[],
                    help="a file listing PMC ids (one a line) or a folder of files named by them: articles kept "
                         "out of the listing (a held-out check); repeatable")
    a = ap.parse_args(argv)
    if a.split == "validation":
        print("ei_misses: validation is for measuring; look for classes of misses in train", file=sys.stderr)
    result = Path(a.result) if a.result else run_harness(a)
    skip = excluded(a.exclude)
    data = without(json.loads(result.read_text(encoding="utf-8")), skip)
    if a.only in (None, "misses"):
        misses(data, a.klass, a.width)
    if a.only in (None, "outcomes"):
        outcomes(data, a.width)
    if a.only in (None, "significance"):
        significance(data, a.width)
    if a.only in (None, "precision"):
        facts = result.parent / "facts.json"
        if facts.exists():
            precision(facts, a.width, a.sample, frozenset(skip))
    return 0


if __name__ == "__main__":
    sys.exit(main())
