#!/usr/bin/env python3
"""CPU of each extractor as an ingest spends it, on the fixed documents of facts_same.py
(corpus + ../shared/dev/docs + the first 40 EI JATS files), parsed once.

Every timed run extracts from fresh copies of the documents (their memo caches empty) with
the extractors' process-wide memos cleared: a second pass over the same Document objects
would find what the first one cached (sentences by part, abbreviations, arm phrases) and hide
those costs. One untimed run first (the patterns compiled), then `--runs` timed ones (the
fastest reported).

    .venv/bin/python bench/extract_cpu.py                       # this tree
    .venv/bin/python bench/extract_cpu.py --tree /tmp/base --tree . --rounds 2   # A/B, interleaved

With `--tree` (repeatable), each tree's kg runs in a child process (PYTHONPATH first), the
trees in turn, `--rounds` times (A B B A ... for two trees).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(runs: int) -> str:
    """One line: each extractor's CPU seconds (fastest of `runs`) and the total."""
    sys.path.insert(0, str(HERE))
    from facts_same import sources  # puts this repository first on sys.path

    if os.environ.get("KG_TREE"):  # ... the tree asked for goes before it
        sys.path.insert(0, os.environ["KG_TREE"])
    import kg
    import kg.extract.base as base
    import kg.extract.mentions as mentions
    from kg.extract import extractors, names
    from kg.extract.base import Context
    from kg.lexicon import fold, load_lexicon
    from kg.nlp import get_nlp
    from kg.readers import read
    from kg.textsafety import parse

    nlp, lexicon = get_nlp(), load_lexicon()
    docs = [(d, parse(nlp, d.text)) for d in map(read, sources(40))]
    modules = extractors()
    memos = [fold, mentions._find, base.whole_word]

    def run() -> dict[str, float]:
        for memo in memos:
            memo.cache_clear()
        per: dict[str, float] = {}
        for document, sdoc in docs:
            ctx = Context(dataclasses.replace(document, cache={}), sdoc, lexicon)
            for m in modules:
                c = time.process_time()
                ctx.facts.extend(m.extract(ctx))
                name = m.__name__.rsplit(".", 1)[-1]
                per[name] = per.get(name, 0.0) + time.process_time() - c
            c = time.process_time()
            ctx.facts = names.review(ctx)
            per["names"] = per.get("names", 0.0) + time.process_time() - c
        return per

    run()
    best = min((run() for _ in range(runs)), key=lambda p: sum(p.values()))
    where = Path(kg.__file__).resolve().parent.parent
    return f"{where}  " + " ".join(f"{k}={v:.3f}" for k, v in best.items()) + f"  total={sum(best.values()):.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tree", action="append", default=[], help="a source tree to measure (repeatable)")
    ap.add_argument("--rounds", type=int, default=1, help="rounds over the trees (alternating order)")
    ap.add_argument("--runs", type=int, default=2, help="timed runs per measurement (fastest kept)")
    args = ap.parse_args()
    if not args.tree:
        print(measure(args.runs))
        return
    for r in range(args.rounds):
        for tree in (args.tree if r % 2 == 0 else list(reversed(args.tree))):
            root = str(Path(tree).resolve())
            env = {**os.environ, "PYTHONPATH": root, "KG_TREE": root}
            code = (f"import sys; sys.path.insert(0, {str(HERE)!r}); import extract_cpu; "
                    f"print(extract_cpu.measure({args.runs}))")
            out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
            print(out.stdout.strip() or out.stderr.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
