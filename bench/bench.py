#!/usr/bin/env python3
"""Ingest benchmark: N copies of the corpus into a fresh on-disk store, in one process.

Prints documents/s, words/s and triples/s of `kg.pipeline.ingest`, resident memory after
25 %, 50 % and 100 % of the documents (does memory grow with N?), peak RSS, the latency
of three representative queries, and the floor: a bare spaCy tokenizer pass
(`spacy.blank("en")`, `nlp.pipe`) over the same texts. Target: ingest within 5x the
floor's time, and memory flat in N. See bench/README.md.

    .venv/bin/python bench/bench.py --copies 50
    .venv/bin/python bench/bench.py --copies 200 --profile 25
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 5.0

Q_FACTS_BY_TYPE = """
SELECT ?type (COUNT(DISTINCT ?f) AS ?n) WHERE {
  ?f kg:inDocument ?d ; a ?type .
  FILTER (?type IN (kg:TrialAttribute, kg:DoseRegimen, kg:Endpoint, kg:Result, kg:AdverseEvent,
                    kg:MechanismFinding, kg:Participant))
} GROUP BY ?type ORDER BY DESC(?n)
"""
Q_DRUG_TO_AES = """
SELECT ?drug ?term ?exact ?start WHERE {
  ?dose a kg:DoseRegimen ; kg:drug ?drug ; kg:inDocument ?d .
  ?ae a kg:AdverseEvent ; kg:term ?term ; kg:inDocument ?d ;
      prov:wasDerivedFrom/oa:hasTarget/oa:hasSelector ?pos, ?quote .
  ?pos oa:start ?start . ?quote oa:exact ?exact .
  FILTER NOT EXISTS { ?ae kg:negated true }
}
"""


def rss_mb() -> float:
    """Current resident set size (Linux /proc), else the peak from getrusage."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return peak_rss_mb()


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB on Linux


def make_copies(corpus: Path, dest: Path, copies: int) -> list[Path]:
    """name-0001.txt, name-0002.txt ...: distinct document ids, the same bytes."""
    from kg.readers import iter_sources

    sources = iter_sources([corpus])
    out = []
    for n in range(1, copies + 1):
        for src in sources:
            stem, dot, rest = src.name.partition(".")
            target = dest / f"{stem}-{n:04d}{dot}{rest}"
            shutil.copyfile(src, target)
            out.append(target)
    return out


def words_of(doc) -> int:
    return sum(1 for t in doc if not t.is_space and not t.is_punct)


def tokenizer_floor(texts: list[str]) -> tuple[float, int]:
    """Seconds and words of a bare spaCy tokenizer pass (blank English) over the texts."""
    import spacy

    nlp = spacy.blank("en")
    t0 = time.perf_counter()
    words = sum(words_of(d) for d in nlp.pipe(texts, batch_size=4))
    return time.perf_counter() - t0, words


def timed(fn, repeat: int, budget: float = 10.0) -> tuple[float, object, int]:
    """Median wall time in ms over up to `repeat` runs after a warm-up (fewer when the runs
    exceed `budget` seconds), the last result and the number of timed runs."""
    result = fn()
    times: list[float] = []
    while len(times) < repeat and (not times or sum(times) < budget * 1000):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result, len(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=50, help="copies of the corpus (default 50)")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--workdir", type=Path, help="where to put the copies and the store (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the copies and the store")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query (median reported)")
    ap.add_argument("--profile", type=int, metavar="TOP", default=0,
                    help="run the ingest under cProfile and print the TOP functions (slower)")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="kg-bench-", dir=args.workdir))
    try:
        return run(args, work)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def run(args, work: Path) -> int:
    t_start = time.perf_counter()
    rss_start = rss_mb()
    src_dir = work / "corpus"
    src_dir.mkdir()
    files = make_copies(args.corpus, src_dir, args.copies)
    texts = [f.read_bytes().decode("utf-8") for f in files]
    n_docs = len(files)

    # setup: imports, lexicon, spaCy pipeline (once per process, cached by kg)
    t0 = time.perf_counter()
    from kg.graph.store import GraphStore
    from kg.lexicon import load_lexicon
    from kg.nlp import get_nlp
    from kg.pipeline import ingest

    load_lexicon()
    get_nlp()
    t_setup = time.perf_counter() - t0

    samples: dict[int, float] = {}
    marks = {max(1, round(n_docs * p)): p for p in (0.25, 0.5, 1.0)}
    seen = 0

    def on_progress(_path: str) -> None:
        nonlocal seen
        seen += 1
        if seen in marks:
            gc.collect()
            samples[seen] = rss_mb()

    errors: list[str] = []
    store = GraphStore(work / "store")
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    t0 = time.perf_counter()
    report = ingest([src_dir], store, on_progress=on_progress, on_error=errors.append)
    t_ingest = time.perf_counter() - t0
    if profiler:
        profiler.disable()
    t_end_to_end = time.perf_counter() - t_start
    if errors or len(report.ingested) != n_docs:
        print(f"ingest failed for {len(errors)} of {n_docs} documents: {errors[:3]}", file=sys.stderr)
        return 1

    t_floor, floor_words = tokenizer_floor(texts)
    ratio = t_ingest / t_floor

    import kg

    print(f"kg {kg.__version__} bench: {args.copies} copies of {args.corpus.name}/ = {n_docs} documents, "
          f"{sum(map(len, texts)) / 1e6:.2f} M characters, {report.words} words")
    print()
    print(f"setup (imports, lexicon, spaCy pipeline)  {t_setup:8.2f} s")
    print(f"ingest                                     {t_ingest:8.2f} s   "
          f"{n_docs / t_ingest:8.1f} documents/s  {report.words / t_ingest:9.0f} words/s  "
          f"{report.triples / t_ingest:9.0f} triples/s  ({report.triples} triples)")
    print(f"end to end (copies, setup, ingest)         {t_end_to_end:8.2f} s   "
          f"{n_docs / t_end_to_end:8.1f} documents/s  {report.words / t_end_to_end:9.0f} words/s")
    print(f"floor: spacy.blank('en') nlp.pipe           {t_floor:8.2f} s   "
          f"{n_docs / t_floor:8.1f} documents/s  {floor_words / t_floor:9.0f} words/s")
    print(f"ingest / floor                             {ratio:8.1f} x    (target <= {TARGET_RATIO:.0f} x: "
          f"{'met' if ratio <= TARGET_RATIO else 'NOT met'})")
    print()
    print(f"RSS at start {rss_start:.0f} MB; after setup and during ingest:")
    for n in sorted(samples):
        print(f"  after {n:5d} documents ({marks[n]:4.0%})  {samples[n]:7.0f} MB")
    grow = samples[max(samples)] - samples[min(samples)]
    print(f"  growth from 25 % to 100 %: {grow:+.0f} MB; peak RSS (ru_maxrss) {peak_rss_mb():.0f} MB")
    print()

    from kg.graph.facts import facts_json
    from kg.graph.namespaces import sparql_prefixes

    doc = sorted(report.ingested)[0]

    def kg_query(q):  # what `kg query` runs: rdflib's API, answered by Oxigraph, rows as rdflib terms
        return lambda: len(list(store.query(q)))

    def ox_query(q):  # Oxigraph alone, rows left as pyoxigraph terms
        return lambda: len(list(store.ox.query(sparql_prefixes() + q, use_default_graph_as_union=True)))

    queries = [
        ("facts by type (GROUP BY, COUNT)", kg_query(Q_FACTS_BY_TYPE), ox_query(Q_FACTS_BY_TYPE), "rows"),
        ("drug -> adverse events with evidence (join)", kg_query(Q_DRUG_TO_AES), ox_query(Q_DRUG_TO_AES), "rows"),
        ("facts JSON of one document", lambda: len(str(facts_json(store, [doc]))), None, "chars"),
    ]
    print(f"query latency over {len(store.ox)} quads, median of up to {args.repeat} runs "
          f"(kg query = through rdflib / oxrdflib; oxigraph = pyoxigraph alone):")
    for name, fn, native, unit in queries:
        ms, n, runs = timed(fn, args.repeat)
        line = f"  {name:44} kg query {ms:9.1f} ms"
        if native:
            ms_ox, n_ox, _r = timed(native, args.repeat)
            assert n_ox == n, (name, n_ox, n)
            line += f"   oxigraph {ms_ox:8.1f} ms"
        else:
            line += " " * 24
        print(f"{line}   ({n} {unit}{'' if runs == args.repeat else f'; {runs} runs'})")
    store.close()

    if profiler:
        import pstats

        print()
        for key in ("cumulative", "tottime"):
            print(f"cProfile of the ingest, top {args.profile} by {key}:")
            pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats(key).print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
