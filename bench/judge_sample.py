"""A repeatable sample of mechanism, trial, condition, endpoint, adverse-event and result facts from
full texts, for judging by hand.

Why: dev and corpus gold cover abstracts; on full texts only a hand-judged sample says how
often a fact is right. This script draws the same sample every time (facts ranked by a hash
of their document, kind, value and evidence offsets, so a fact keeps its place whatever else
changes) and prints each with its quote, the sentence around it and the part of the paper.
Verdicts are kept in a JSON file (`--verdicts`: key → "right"/"wrong"); `--against` re-reads
the same sample from new facts and counts right/wrong before → after: a wrong fact that is
gone or corrected counts as fixed, a right fact that is gone as lost.

    kg --store S ingest -q SRC && kg --store S facts > before.json
    python bench/judge_sample.py --facts before.json --store S --n 60 --write sample.json
    # results: --kinds result (a result is right when it is a finding of this trial, with the
    # value, measure and comparison the text gives it; --exclude names held-out documents)
    python bench/judge_sample.py --facts before.json --store S --kinds result --n 60 --write r.json
    # interventions of 30 whole abstracts (a drug is right when it is a study or comparator arm,
    # with the dose, unit and arm the text gives it; recall: read the abstracts for what is missing)
    python bench/judge_sample.py --facts before.json --store S --kinds intervention --docs 30 --write i.json
    # judge: fill in the "verdict" of each item in sample.json (right / wrong) and its "why";
    # after a change, a fact read differently is judged again: its "verdict_after"
    python bench/judge_sample.py --facts after.json --store S2 --against sample.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

TRIAL_ATTRS = ("registry_ids", "phase", "n_enrolled", "acronym", "design")
KG = str(Path(__file__).resolve().parent.parent / ".venv" / "bin" / "kg")


def _ev(x) -> dict | None:
    ev = x.get("evidence") if isinstance(x, dict) else None
    if isinstance(ev, list):
        ev = ev[0] if ev else None
    return ev


def _label(x) -> str:
    return str(x.get("label") or x.get("text")) if isinstance(x, dict) else str(x)


def items(facts: dict) -> list[dict]:
    """Every mechanism and trial fact with evidence, as flat records."""
    out = []
    for d in facts["documents"]:
        trial = d.get("trial") or {}
        evs = trial.get("evidence") or {}
        for attr in TRIAL_ATTRS:
            vals = trial.get(attr)
            vals = vals if isinstance(vals, list) else [vals] if vals not in (None, "") else []
            for i, v in enumerate(vals):
                ev = _ev(v) or (evs.get(attr) if not isinstance(evs.get(attr), list) else
                               (evs[attr][i] if i < len(evs[attr]) else None))
                if isinstance(ev, list):
                    ev = ev[0] if ev else None
                if ev:
                    out.append({"doc": d["doc"], "kind": f"trial.{attr}", "value": _label(v), "evidence": ev,
                                "confidence": v.get("confidence") if isinstance(v, dict) else None})
        for m in d.get("mechanisms") or []:
            ev = _ev(m)
            if ev:
                value = f"{_label(m.get('agent'))} {m.get('relation')} {_label(m.get('target'))}"
                flags = [k for k in ("hedged", "negated") if m.get(k)]
                out.append({"doc": d["doc"], "kind": "mechanism", "value": value, "evidence": ev, "flags": flags,
                            "statement": m.get("statement"), "setting": m.get("context"), "cited": m.get("cited"),
                            "confidence": m.get("confidence")})
    for d in facts["documents"]:
        for c in (d.get("trial") or {}).get("conditions") or []:
            ev = _ev(c)
            if ev:
                out.append({"doc": d["doc"], "kind": "condition", "value": _label(c), "evidence": ev,
                            "confidence": c.get("confidence")})
        for e in d.get("endpoints") or []:
            ev = _ev(e)
            if ev:
                flags = [f"{k}={e[k]}" for k in ("kind", "timepoint") if e.get(k)]
                out.append({"doc": d["doc"], "kind": "endpoint", "value": str(e.get("name")), "evidence": ev,
                            "flags": flags, "confidence": e.get("confidence")})
        for a in d.get("adverse_events") or []:
            ev = _ev(a)
            if ev:
                flags = [f"{k}={a[k]}" for k in ("count", "grade", "serious", "negated", "arm") if a.get(k)]
                out.append({"doc": d["doc"], "kind": "adverse_event", "value": str(a.get("term")), "evidence": ev,
                            "flags": flags, "confidence": a.get("confidence")})
        for x in d.get("interventions") or []:
            ev = _ev(x)
            if ev:
                dose = " ".join(f"{x[k]:g}" if isinstance(x[k], float) else str(x[k])
                                for k in ("dose_value", "dose_unit") if x.get(k) is not None)
                flags = [f"{k}={x[k]}" for k in ("route", "frequency", "duration", "arm") if x.get(k)]
                out.append({"doc": d["doc"], "kind": "intervention", "value": f"{x.get('drug')} {dose}".strip(),
                            "evidence": ev, "flags": flags, "confidence": x.get("confidence")})
        for r in d.get("results") or []:
            ev = _ev(r)
            if ev:
                cmp = f" vs {r.get('comparator_value')}" if r.get("comparator_value") else ""
                p = f" ({r.get('p_text')})" if r.get("p_text") else ""
                within = f" [{r.get('comparison')}{' ' + r['group'] if r.get('group') else ''}]" \
                    if r.get("comparison") else ""
                out.append({"doc": d["doc"], "kind": "result",
                            "value": f"{r.get('measure')} = {r.get('value')}{cmp}{p}{within}",
                            "evidence": ev, "confidence": r.get("confidence")})
    for it in out:
        ev = it["evidence"]
        it["key"] = f"{it['doc']}|{it['kind']}|{ev['start']}|{ev['end']}"
        it["rank"] = hashlib.sha1(it["key"].encode()).hexdigest()
    return out


def sentence(text: str, start: int, end: int) -> str:
    """The text around a quote, out to sentence ends (at most ~300 characters each side)."""
    a = max(text.rfind(". ", max(0, start - 300), start), text.rfind("\n", max(0, start - 300), start))
    b = min([i for i in (text.find(". ", end, end + 300), text.find("\n", end, end + 300)) if i >= 0] or
            [min(len(text), end + 300)])
    return " ".join(text[a + 1 if a >= 0 else max(0, start - 300): b + 1].split())


def doc_text(store: str, doc: str, cache: dict) -> str:
    if doc not in cache:
        cache[doc] = subprocess.run([KG, "text", "--store", store, doc], capture_output=True,
                                    text=True, check=False).stdout
    return cache[doc]


GROUPS = ("mechanism", "trial", "condition", "endpoint", "adverse_event", "result", "intervention")


def draw(facts: dict, store: str, n: int, groups: tuple[str, ...] = ("mechanism", "trial"),
         exclude: frozenset[str] = frozenset(), docs: int = 0) -> list[dict]:
    """`n` facts of each group (trial attributes in turn), the same ones for the same facts file;
    documents named in `exclude` are left out; `docs`: every fact of the first `docs` documents
    ranked by a hash of their id (a sample of whole documents, for judging what they miss too)."""
    every = [i for i in items(facts) if i["doc"] not in exclude]
    if docs:
        ids = sorted({d["doc"] for d in facts["documents"]} - exclude,
                     key=lambda x: hashlib.sha1(x.encode()).hexdigest())[:docs]
        every = [i for i in every if i["doc"] in set(ids)]
        n = len(every)
    chosen = []
    for group in groups:
        if group != "trial":
            chosen += sorted((i for i in every if i["kind"] == group), key=lambda i: i["rank"])[:n]
            continue
        # trial attributes taken in turn, so that the rare ones (phase, N, acronym) are judged too
        by_attr = [sorted((i for i in every if i["kind"] == f"trial.{a}"), key=lambda i: i["rank"])
                   for a in TRIAL_ATTRS]
        turns = [it for k in range(max(map(len, by_attr), default=0)) for col in by_attr if k < len(col)
                 for it in [col[k]]]
        chosen += turns[:n]
    texts: dict[str, str] = {}
    for it in chosen:
        ev = it["evidence"]
        it["context"] = sentence(doc_text(store, it["doc"], texts), ev["start"], ev["end"])
        it["verdict"], it["why"] = "", ""
    return chosen


def against(sample: list[dict], facts: dict) -> None:
    """Each judged fact of the sample in the new facts: kept, changed or gone; right/wrong after."""
    now = {i["key"]: i for i in items(facts)}
    by_doc_kind: dict[tuple, list[dict]] = {}
    for i in now.values():
        by_doc_kind.setdefault((i["doc"], i["kind"]), []).append(i)
    tally: dict[str, dict[str, int]] = {}
    for it in sample:
        group = "trial" if it["kind"].startswith("trial.") else it["kind"]
        t = tally.setdefault(group, {"n": 0, "right_before": 0, "right_after": 0, "fixed": 0, "lost": 0,
                                     "still_wrong": 0, "kept_right": 0})
        t["n"] += 1
        right = it.get("verdict") == "right"
        t["right_before"] += right
        new = now.get(it["key"])
        doc = it["key"].split("|")[0]
        if new is None and it["kind"].startswith("trial."):
            # a trial attribute read elsewhere in the paper: the same attribute, other evidence
            new = next(iter(by_doc_kind.get((doc, it["kind"]), [])), None)
        if new is not None and it["kind"] == "result" and new["value"] != it["value"] \
                and it.get("verdict_after") in (None, ""):
            # a result read again at the same place with another measure or value: judged again
            new_value = new["value"]
            print(f"  NOW {it['key']}: {new_value!r} (was {it['value']!r})")
        same = new is not None and new["key"] == it["key"] and new["value"] == it["value"] \
            and (new.get("statement") or "") == (it.get("statement") or "")
        if new is None:
            right_after, state = (None if right else True), "gone"
        elif same:
            right_after, state = right, "kept"
        else:
            right_after = {"right": True, "wrong": False}.get(it.get("verdict_after", ""))
            state = f"changed to {new['value']!r} ({new.get('statement')}) at {new['key'].split('|')[2]}"
        if right_after is None:
            print(f"  JUDGE AGAIN {it['key']}: {it['value']!r} ({it.get('statement')}) {state}")
            right_after = right
        if state == "gone" and right:
            t["lost"] += 1
        elif not right and right_after:
            t["fixed"] += 1
        elif not right:
            t["still_wrong"] += 1
        else:
            t["kept_right"] += 1
        t["right_after"] += bool(right_after)
        conf = new.get("confidence") if new else None
        print(f"{it['verdict'] or '?':5} -> {'right' if right_after else 'wrong':5} {state:8} "
              f"{it['kind']:18} {it['value'][:60]!r} conf {it.get('confidence')} -> {conf}")
    for group, t in tally.items():
        print(f"{group}: right {t['right_before']}/{t['n']} -> {t['right_after']}/{t['n']} "
              f"(wrong facts fixed or dropped {t['fixed']}, right facts lost {t['lost']}, "
              f"still wrong {t['still_wrong']})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--facts", required=True, help="kg facts JSON")
    ap.add_argument("--store", help="the store the facts came from (for the documents' text)")
    ap.add_argument("--n", type=int, default=60, help="facts of each group")
    ap.add_argument("--groups", "--kinds", default="mechanism,trial",
                    help=f"comma-separated groups to draw from: {', '.join(GROUPS)}")
    ap.add_argument("--exclude", action="append", default=[],
                    help="a file of document ids (one a line) or a folder of documents to leave out (held out)")
    ap.add_argument("--docs", type=int, default=0,
                    help="every fact of this many hash-ranked documents (instead of --n facts of each group)")
    ap.add_argument("--write", help="write the sample (JSON) to this file")
    ap.add_argument("--against", help="a judged sample: count right/wrong before -> after")
    args = ap.parse_args(argv)
    facts = json.loads(Path(args.facts).read_text(encoding="utf-8"))
    if args.against:
        against(json.loads(Path(args.against).read_text(encoding="utf-8")), facts)
        return 0
    if not args.store:
        ap.error("--store is needed to draw a sample")
    groups = tuple(g for g in args.groups.split(",") if g)
    if set(groups) - set(GROUPS):
        ap.error(f"unknown group(s): {', '.join(sorted(set(groups) - set(GROUPS)))}")
    skip: set[str] = set()
    for x in map(Path, args.exclude):
        skip |= {f.stem for f in x.iterdir()} if x.is_dir() else set(x.read_text(encoding="utf-8").split())
    sample = draw(facts, args.store, args.n, groups, frozenset(skip), args.docs)
    for k, it in enumerate(sample):
        print(f"[{k}] {it['kind']} {it['value']!r} conf={it.get('confidence')} part={it['evidence'].get('section')} "
              f"{it.get('statement') or ''} {' '.join(it.get('flags', []))}\n    doc={it['doc']} "
              f"quote={it['evidence']['text']!r}\n    ...{it['context']}...")
    if args.write:  # keys, values and verdicts only: the papers' text stays out of the repository
        keep = [{k: it.get(k, "") for k in ("key", "kind", "value", "statement", "confidence", "verdict", "why")
                 if k in it or k != "statement"}
                for it in sample]
        Path(args.write).write_text(json.dumps(keep, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
