#!/usr/bin/env python3
"""Are the facts unchanged? Ingest a fixed set of varied documents and write, or compare
against, their `kg facts` JSON — the check behind every "no fact changed" speed-up.

The set: the corpus, ../shared/dev/docs and the first `--jats` JATS files of ../shared/ei
(62 documents by default), ingested in this process into a temporary store; `KG_BENCH_EXCLUDE`
names a file of ids (one a line: held-out articles) whose JATS files are never read, the next
ones taken instead. `--dir DIR` checks a folder's documents instead.

    .venv/bin/python bench/facts_same.py --write /tmp/facts-before.json
    # ... change the code ...
    .venv/bin/python bench/facts_same.py --against /tmp/facts-before.json

Exit status 1 when any document's facts differ; the first differences are printed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from accuracy import shared_dir  # noqa: E402 - the one rule for where ../shared is

SHARED = shared_dir() or ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def excluded(paths: list) -> list:
    """The paths whose file name does not hold an id listed in the file `KG_BENCH_EXCLUDE` names
    (one id a line, e.g. held-out article numbers): what a benchmark may read."""
    import os

    listed = os.environ.get("KG_BENCH_EXCLUDE")
    if not listed:
        return list(paths)
    ids = {line.strip() for line in Path(listed).read_text().splitlines() if line.strip()}
    digits = lambda p: Path(str(p)).name.partition(".")[0].removeprefix("PMC")  # noqa: E731
    return [p for p in paths if digits(p) not in ids and Path(str(p)).name.partition(".")[0] not in ids]


def sources(jats: int) -> list[Path]:
    """The corpus, the dev documents and the first `jats` JATS files (those `KG_BENCH_EXCLUDE`
    lists left out)."""
    from kg.readers import iter_sources

    out = [Path(str(s)) for s in iter_sources([ROOT / "corpus"])]
    if (SHARED / "dev" / "docs").is_dir():
        out += [Path(str(s)) for s in iter_sources([SHARED / "dev" / "docs"])]
    xml = SHARED / "ei" / "annotations" / "xml_files"
    if jats and xml.is_dir():
        seen = {p.name.partition(".")[0] for p in out}  # a dev text of the same article: one id
        jats_files = [Path(str(s)) for s in excluded(iter_sources([xml]))]
        out += [p for p in jats_files if p.name.partition(".")[0] not in seen][:jats]
    return out


def facts_of(files: list[Path], jobs: int) -> tuple[dict, float]:
    """The facts JSON of the files, by document id, and the ingest's CPU seconds."""
    from kg.graph.facts import facts_json
    from kg.graph.store import GraphStore
    from kg.pipeline import ingest

    work = Path(tempfile.mkdtemp(prefix="kg-facts-same-"))
    try:
        src = work / "sources"
        src.mkdir()
        for f in files:
            shutil.copyfile(f, src / f.name)
        with GraphStore(work / "store") as store:
            c0 = time.process_time()
            report = ingest([src], store, jobs=jobs)
            cpu = time.process_time() - c0
            if report.failed:
                print(f"failed: {report.failed}", file=sys.stderr)
            data = facts_json(store, None)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    docs = data["documents"] if isinstance(data, dict) and "documents" in data else data
    if isinstance(docs, list):
        docs = {d.get("id") or d.get("doc") or str(i): d for i, d in enumerate(docs)}
    return docs, cpu


def differences(before: dict, after: dict, limit: int = 10) -> list[str]:
    out = []
    for doc in sorted(set(before) | set(after)):
        a, b = before.get(doc), after.get(doc)
        if a == b:
            continue
        if a is None or b is None:
            out.append(f"{doc}: only {'after' if a is None else 'before'}")
            continue
        out.append(f"{doc}: differs")
        sa = json.dumps(a, indent=1, sort_keys=True).splitlines()
        sb = json.dumps(b, indent=1, sort_keys=True).splitlines()
        import difflib

        out.extend("    " + line for line in list(difflib.unified_diff(sa, sb, lineterm="", n=1))[2:40])
        if len(out) > limit * 40:
            break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jats", type=int, default=40, help="JATS files of ../shared/ei (default 40)")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (default 0: this process)")
    ap.add_argument(
        "--dir",
        type=Path,
        action="append",
        default=[],
        help="the documents of this folder instead of the fixed set (repeatable)",
    )
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--write", type=Path, help="write the facts JSON here")
    g.add_argument("--against", type=Path, help="compare with the facts JSON written before")
    args = ap.parse_args(argv)
    if args.dir:
        from kg.readers import iter_sources

        files = [Path(str(s)) for s in iter_sources(args.dir)]
    else:
        files = sources(args.jats)
    docs, cpu = facts_of(files, args.jobs)
    n_facts = sum(len(json.dumps(d)) for d in docs.values())
    print(f"{len(docs)} documents ({len(files)} files), {n_facts} characters of facts JSON, ingest {cpu:.2f} s CPU")
    if args.write:
        args.write.write_text(json.dumps(docs, sort_keys=True))
        return 0
    before = json.loads(args.against.read_text())
    diff = differences(before, docs)
    if diff:
        print("\n".join(diff))
        return 1
    print("facts identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
