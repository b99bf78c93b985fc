#!/usr/bin/env python3
"""A store as canonical text: every quad as N-Quads, sorted by named graph and then line, with
the activities' start times (`prov:startedAtTime`, the one value that differs between two
ingests by design) blanked. Two ingests of the same documents
must give the same text whatever `--jobs` and the order of the documents (issue 8).

    .venv/bin/python bench/store_dump.py STORE > a.nq
    .venv/bin/python bench/store_dump.py STORE_A --against STORE_B   # per graph: same or not

Exit status 1 when `--against` finds a difference; the first differing lines are printed.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections import defaultdict

import pyoxigraph as ox

_TIME = re.compile(r'^(<[^>]*> <http://www\.w3\.org/ns/prov#startedAtTime> )"[^"]*"')


def canonical(path: str) -> dict[str, list[str]]:
    """{graph IRI: its quads as sorted N-Quads lines}, read from the store at `path`."""
    store = ox.Store.read_only(path)
    graphs: dict[str, list[str]] = defaultdict(list)
    for q in store.quads_for_pattern(None, None, None, None):
        graphs[str(q.graph_name)].append(_TIME.sub(r'\1"T"', f"{q.subject} {q.predicate} {q.object} {q.graph_name} ."))
    return {g: sorted(lines) for g, lines in sorted(graphs.items())}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--against", help="another store: say which graphs differ")
    args = ap.parse_args()
    a = canonical(args.store)
    if not args.against:
        for lines in a.values():
            sys.stdout.write("\n".join(lines) + "\n")
        return 0
    b = canonical(args.against)
    differ = sorted(g for g in a.keys() | b.keys() if a.get(g) != b.get(g))
    print(f"{len(a)} and {len(b)} graphs, {sum(map(len, a.values()))} and {sum(map(len, b.values()))} quads; "
          f"{len(differ)} graphs differ")
    for g in differ[:5]:
        print(g)
        for line in list(difflib.unified_diff(a.get(g, []), b.get(g, []), lineterm="", n=0))[2:12]:
            print("   ", line[:240])
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
