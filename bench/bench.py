#!/usr/bin/env python3
"""Ingest and query benchmark on varied documents, every ratio measured in the same run.

Sources: the corpus, ../shared/dev/docs and JATS files of ../shared/ei (whichever exist),
each copied N times under distinct ids. Prints:

- ingest CPU (this process, `jobs=0`) / the CPU of a bare spaCy tokenizer pass over the
  same texts (`spacy.blank("en")`, `nlp.pipe`), and triples per paper;
- throughput of `--jobs 1` vs `--jobs 2` (wall time, worker processes), and their ratio;
- resident memory of the ingesting process after 25 %, 50 % and 100 % of the documents;
- p50/p95 of what the CLI runs: `kg facts DOC`, `kg stats`, two SPARQL queries, in-process
  and as whole commands (start-up included).

    .venv/bin/python bench/bench.py --copies 5
    .venv/bin/python bench/bench.py --copies 20 --jats 100 --no-jobs
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from accuracy import shared_dir  # noqa: E402 - the one rule for where ../shared is

SHARED = shared_dir() or ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 4.0

Q_FACTS_BY_TYPE = """
SELECT ?type (COUNT(DISTINCT ?f) AS ?n) WHERE {
  ?f kg:inDocument ?d ; a ?type .
  FILTER (?type IN (kg:TrialAttribute, kg:DoseRegimen, kg:Endpoint, kg:Result, kg:AdverseEvent,
                    kg:MechanismFinding, kg:Participant))
} GROUP BY ?type ORDER BY DESC(?n)
"""
Q_DOC_COUNT = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }"


# what the console script `kg` runs (pip writes it so); argv after "-c" is the command line
CONSOLE = "import sys; from kg.cli import console; sys.exit(console())"


def rss_mb() -> float:
    """Current resident set size (Linux /proc), else the peak from getrusage."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return peak_rss_mb()


def peak_rss_mb(who=resource.RUSAGE_SELF) -> float:
    peak = resource.getrusage(who).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB on Linux


def cpu_seconds() -> float:
    """CPU (user + system) of this process and its finished children."""
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def source_sets(args) -> list[tuple[str, list[Path]]]:
    from kg.readers import iter_sources

    wanted = set(args.sets.split(","))
    sets = [("corpus", iter_sources([args.corpus]))] if "corpus" in wanted else []
    if "dev" in wanted and (SHARED / "dev" / "docs").is_dir():
        sets.append(("dev", iter_sources([SHARED / "dev" / "docs"])))
    jats = SHARED / "ei" / "annotations" / "xml_files"
    if "jats" in wanted and args.jats and jats.is_dir():
        from facts_same import excluded

        seen = {Path(str(p)).name.partition(".")[0] for _, paths in sets for p in paths}  # one id an article
        sets.append(
            (
                "jats",
                [p for p in excluded(iter_sources([jats])) if Path(str(p)).name.partition(".")[0] not in seen][
                    : args.jats
                ],
            )
        )
    return sets


def make_copies(sets: list[tuple[str, list[Path]]], dest: Path, copies: int) -> list[Path]:
    """name-0001.txt ...: distinct document ids, the same bytes."""
    out = []
    for n in range(1, copies + 1):
        for _name, sources in sets:
            for src in sources:
                src = Path(src)
                stem, dot, rest = src.name.partition(".")
                target = dest / f"{stem}-{n:04d}{dot}{rest}"
                shutil.copyfile(src, target)
                out.append(target)
    return out


def words_of(doc) -> int:
    return sum(1 for t in doc if not t.is_space and not t.is_punct)


def tokenizer_floor(texts: list[str]) -> tuple[float, int]:
    """CPU seconds and words of a bare spaCy tokenizer pass (blank English) over the texts."""
    import spacy

    nlp = spacy.blank("en")
    t0 = time.process_time()
    words = sum(words_of(d) for d in nlp.pipe(texts, batch_size=4))
    return time.process_time() - t0, words


def percentiles(fn, repeat: int, budget: float = 10.0) -> tuple[float, float, int]:
    """p50 and p95 wall time in ms over up to `repeat` runs after a warm-up (fewer when the
    runs exceed `budget` seconds), and the number of runs."""
    fn()
    times: list[float] = []
    while len(times) < repeat and (not times or sum(times) < budget * 1000):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, max(0, round(0.95 * len(times)) - 1))]
    return statistics.median(times), p95, len(times)


def graph_shape(store) -> dict[str, float]:
    """Triples per fact and per evidence span in the document graphs (the registry left out).

    A fact is a node with `prov:wasGeneratedBy` (observations included); its own triples are
    those with it as subject bar `prov:wasDerivedFrom`. Evidence triples are the
    `prov:wasDerivedFrom` links and every triple about an annotation, its target and
    selectors; a span is a distinct (graph, start, end)."""
    import pyoxigraph as ox

    from kg.graph.vocab import KG_NS

    pred = lambda iri: ox.NamedNode(iri)  # noqa: E731
    prov, oa = "http://www.w3.org/ns/prov#", "http://www.w3.org/ns/oa#"
    docs = [
        q.graph_name
        for q in store.ox.quads_for_pattern(
            None, pred("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), pred(KG_NS + "Document"), None
        )
    ]
    total = links = facts = fact_triples = ev_triples = spans = 0
    for g in docs:
        quads = list(store.ox.quads_for_pattern(None, None, None, g))
        total += len(quads)
        fact_nodes = {q.subject for q in quads if q.predicate.value == prov + "wasGeneratedBy"}
        anns = {q.object for q in quads if q.predicate.value == prov + "wasDerivedFrom"}
        targets = {q.object for q in quads if q.predicate.value == oa + "hasTarget"}
        selectors = {q.object for q in quads if q.predicate.value == oa + "hasSelector"}
        evidence_nodes = anns | targets | selectors
        facts += len(fact_nodes)
        spans += len(_spans(quads, oa))
        for q in quads:
            if q.predicate.value == prov + "wasDerivedFrom":
                links += 1
                ev_triples += 1
            elif q.subject in evidence_nodes:
                ev_triples += 1
            elif q.subject in fact_nodes:
                fact_triples += 1
    n = max(1, len(docs))
    return {
        "documents": len(docs),
        "triples": total / n,
        "facts": facts / n,
        "links": links / n,
        "spans": spans / n,
        "evidence share": ev_triples / max(1, total),
        "per fact": fact_triples / max(1, facts),
        "per span": ev_triples / max(1, spans),
        "per link": ev_triples / max(1, links),
    }


def _spans(quads, oa: str) -> set[tuple[str, str]]:
    start = {q.subject: q.object.value for q in quads if q.predicate.value == oa + "start"}
    end = {q.subject: q.object.value for q in quads if q.predicate.value == oa + "end"}
    return {(start[s], end.get(s)) for s in start}


def write_costs(store, work: Path, batch: int = 50) -> None:
    """CPU of writing the same document graphs three ways: one `extend` transaction per
    document (before), bulk loads of `batch` documents framed by registry records (now),
    and re-writing unchanged documents by difference vs dropping and bulk-loading them."""
    import pyoxigraph as ox

    from kg.graph.store import GraphStore
    from kg.graph.writes import GraphWrite

    writes = []
    for summary in store.document_summaries():
        from kg.graph.vocab import graph_iri

        g = graph_iri(summary["doc"])
        quads = list(store.ox.quads_for_pattern(None, None, None, ox.NamedNode(g)))
        writes.append((GraphWrite(summary["doc"], g, ox.serialize(quads, format=ox.RdfFormat.N_QUADS), summary), quads))
    n_quads = sum(len(q) for _w, q in writes)
    with GraphStore(work / "w-extend") as a:
        w0 = time.perf_counter()
        c0 = time.process_time()
        for _w, quads in writes:
            a.ox.extend(quads)
        a.flush()
        t_extend = time.process_time() - c0
        w_extend = time.perf_counter() - w0
    with GraphStore(work / "w-bulk") as b:
        w0 = time.perf_counter()
        c0 = time.process_time()
        for i in range(0, len(writes), batch):
            b.write_documents([w for w, _q in writes[i : i + batch]])
        b.flush()
        t_bulk = time.process_time() - c0
        w_bulk = time.perf_counter() - w0
        c0 = time.process_time()
        for w, quads in writes:
            b.replace_graph(w.graph, quads, w.summary)
        t_diff = time.process_time() - c0
        c0 = time.process_time()
        for i in range(0, len(writes), batch):
            for w, _q in writes[i : i + batch]:
                b.remove_document(w.doc_id)
            b.write_documents([w for w, _q in writes[i : i + batch]])
        t_redo = time.process_time() - c0
    print(
        f"writing {len(writes)} graphs, {n_quads} quads: one extend per document {t_extend:.2f} s CPU "
        f"({t_extend / n_quads * 1e6:.1f} us/quad); bulk loads of {batch} with records {t_bulk:.2f} s CPU "
        f"({t_bulk / n_quads * 1e6:.1f} us/quad): {t_extend / t_bulk:.1f} x less CPU "
        f"(wall {w_extend:.2f} s vs {w_bulk:.2f} s)"
    )
    print(f"re-writing them unchanged: by difference {t_diff:.2f} s CPU; drop + bulk load {t_redo:.2f} s CPU")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=5, help="copies of each source set (default 5)")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--jats", type=int, default=40, help="JATS files of ../shared/ei to include (default 40)")
    ap.add_argument(
        "--sets",
        default="corpus,dev,jats",
        help="source sets, comma-separated, of corpus, dev, jats (default: all three)",
    )
    ap.add_argument("--workdir", type=Path, help="where to put the copies and the stores (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the copies and the stores")
    ap.add_argument("--repeat", type=int, default=20, help="runs per query (p50/p95 reported)")
    ap.add_argument("--no-jobs", action="store_true", help="skip the --jobs 1 / --jobs 2 comparison")
    ap.add_argument(
        "--jobs-rounds", type=int, default=1, help="rounds of --jobs 1, 2, 2, 1 ingests (medians reported; default 1)"
    )
    ap.add_argument(
        "--profile",
        type=int,
        metavar="TOP",
        default=0,
        help="run the in-process ingest under cProfile and print the TOP functions (slower)",
    )
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
    src_dir = work / "sources"
    src_dir.mkdir()
    sets = source_sets(args)
    files = make_copies(sets, src_dir, args.copies)
    n_docs = len(files)

    from kg.graph.store import GraphStore
    from kg.lexicon import load_lexicon
    from kg.nlp import get_nlp
    from kg.pipeline import ingest
    from kg.readers import read

    texts = [read(f).text for f in files]
    # start-up left out of the timed ingest, as a long ingest amortises it: the lexicon, the
    # spaCy pipeline and the patterns the extractors compile on first use (one document)
    c0 = cpu_seconds()
    load_lexicon()
    get_nlp()
    warm = work / "warm-up"
    warm.mkdir()
    shutil.copyfile(files[0], warm / files[0].name)
    with GraphStore(work / "store-warm-up") as s:
        ingest([warm], s, jobs=0)
    startup_cpu = cpu_seconds() - c0
    samples: dict[int, float] = {}
    marks = {max(1, round(n_docs * p)): p for p in (0.25, 0.5, 1.0)}
    seen = 0
    sampling_cpu = 0.0  # the RSS samples' gc.collect(), left out of the ingest's CPU

    def on_progress(_path: str) -> None:
        nonlocal seen, sampling_cpu
        seen += 1
        if seen in marks:
            c = cpu_seconds()
            gc.collect()
            samples[seen] = rss_mb()
            sampling_cpu += cpu_seconds() - c

    errors: list[str] = []
    store = GraphStore(work / "store")
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    c0, t0 = cpu_seconds(), time.perf_counter()
    report = ingest([src_dir], store, jobs=0, on_progress=on_progress, on_error=errors.append)
    cpu_ingest, t_ingest = cpu_seconds() - c0 - sampling_cpu, time.perf_counter() - t0
    if profiler:
        profiler.disable()
    if len(report.ingested) + len(errors) != n_docs:
        print(f"ingest: {len(report.ingested)} of {n_docs} documents", file=sys.stderr)
        return 1
    cpu_floor, floor_words = tokenizer_floor(texts)
    ratio = cpu_ingest / cpu_floor

    import kg

    print(
        f"kg {kg.__version__} bench: {args.copies} copies of "
        + " + ".join(f"{name} ({len(s)})" for name, s in sets)
        + f" = {n_docs} documents, {sum(map(len, texts)) / 1e6:.2f} M characters, {report.words} words"
        + (f"; {len(errors)} failed" if errors else "")
    )
    print()
    print(
        f"ingest, one process (jobs=0)   {t_ingest:7.2f} s wall  {cpu_ingest:7.2f} s CPU  "
        f"{len(report.ingested) / t_ingest:6.1f} docs/s  {report.triples} triples "
        f"({report.triples / max(1, len(report.ingested)):.0f} per document)"
    )
    print(
        f"floor: spacy.blank('en') pipe                    {cpu_floor:7.2f} s CPU  "
        f"{floor_words / cpu_floor:9.0f} words/s"
    )
    print(
        f"ingest CPU / floor CPU         {ratio:7.1f} x   (target <= {TARGET_RATIO:.0f} x: "
        f"{'met' if ratio <= TARGET_RATIO else 'NOT met'})"
    )
    c0 = cpu_seconds()
    again = ingest([src_dir], store, jobs=0)
    print(f"start-up (lexicon, spaCy, extractor patterns, one document), not in the above: {startup_cpu:.2f} s CPU")
    print(
        f"re-ingest of the unchanged sources: {cpu_seconds() - c0:.2f} s CPU, {len(again.skipped)} skipped "
        f"(decided from a hash of each file, before parsing)"
    )
    stages = report.stages
    print(
        "  CPU by stage: "
        + ", ".join(f"{k} {v:.2f} s ({v / cpu_ingest:.0%})" for k, v in stages.items())
        + f"; other {cpu_ingest - sum(stages.values()):.2f} s"
    )
    shape = graph_shape(store)
    print(
        f"graph shape: {shape['triples']:.0f} triples, {shape['facts']:.0f} facts, {shape['spans']:.0f} evidence "
        f"spans, {shape['links']:.0f} fact-span links per document; {shape['per fact']:.1f} triples per fact "
        f"(evidence aside), {shape['per span']:.1f} evidence triples per span ({shape['per link']:.1f} per link); "
        f"evidence {shape['evidence share']:.0%} of all triples"
    )
    print(
        "RSS of the ingesting process: "
        + ", ".join(f"{marks[n]:.0%} {samples[n]:.0f} MB" for n in sorted(samples))
        + f"; peak {peak_rss_mb():.0f} MB"
    )

    if not args.no_jobs:
        # the workers' fork server starts (and loads what it preloads) with the first pool of this
        # process: one one-document ingest first, timed apart, so that no timed run pays it alone
        t0 = time.perf_counter()
        with GraphStore(work / "store-pool-warm-up") as s:
            ingest([warm], s, jobs=1, timeout=600)
        print(
            f"first worker pool of this process (fork server start, one document): "
            f"{time.perf_counter() - t0:.2f} s wall, not in the runs below"
        )
        walls, cpus, peaks = {1: [], 2: []}, {1: [], 2: []}, {1: 0.0, 2: 0.0}
        order = [1, 2, 2, 1] * args.jobs_rounds  # interleaved: both see the same load, on average
        for run_no, jobs in enumerate(order):
            with GraphStore(work / f"store-j{jobs}-{run_no}") as s:
                c0, t0 = cpu_seconds(), time.perf_counter()
                r = ingest([src_dir], s, jobs=jobs, timeout=600)
                walls[jobs].append(time.perf_counter() - t0)
                cpus[jobs].append((cpu_seconds() - c0, r.worker_cpu))
                peaks[jobs] = max(peaks[jobs], r.worker_peak_rss_mb)
            shutil.rmtree(work / f"store-j{jobs}-{run_no}", ignore_errors=True)
            assert len(r.ingested) == len(report.ingested), (jobs, len(r.ingested), r.failed[:2])
        walls = {j: statistics.median(v) for j, v in walls.items()}
        cpus = {j: tuple(statistics.median(x) for x in zip(*v)) for j, v in cpus.items()}
        load = os.getloadavg()[0]
        print(
            f"--jobs 1 {walls[1]:7.2f} s wall ({n_docs / walls[1]:.2f} docs/s); --jobs 2 {walls[2]:7.2f} s wall "
            f"({n_docs / walls[2]:.2f} docs/s): jobs 2 / jobs 1 throughput {walls[1] / walls[2]:.2f} x "
            f"(target >= 1.7 x) on {os.cpu_count()} cores at load average {load:.1f}; medians of "
            f"{len(order) // 2} runs each, interleaved"
        )
        for jobs in (1, 2):
            writer, workers = cpus[jobs]
            print(
                f"  --jobs {jobs}: writer process {writer:6.2f} s CPU, workers {workers:6.2f} s CPU, "
                f"peak worker RSS {peaks[jobs]:.0f} MB"
            )
        # on idle cores a run takes at least max(all CPU / cores, the busiest worker's share, the writer)
        cores = min(2, os.cpu_count() or 1)
        floor_t = {j: max(sum(cpus[j]) / cores, cpus[j][1] / j, cpus[j][0]) for j in (1, 2)}
        print(
            f"  on {cores} idle cores (CPU-time bound): --jobs 2 / --jobs 1 = {floor_t[1] / floor_t[2]:.2f} x; "
            f"--jobs 2 / one process (jobs=0) = {cpu_ingest / floor_t[2]:.2f} x"
        )
    write_costs(store, work)
    print()

    from kg.graph.facts import facts_json

    doc = sorted(report.ingested)[0]
    store.flush()
    queries = [
        ("facts JSON of one document", lambda: facts_json(store, [doc])),
        ("stats (registry)", lambda: store.stats()),
        ("document count (SPARQL)", lambda: list(store.ox_query(Q_DOC_COUNT))),
        ("facts by type (SPARQL GROUP BY)", lambda: list(store.ox_query(Q_FACTS_BY_TYPE))),
    ]
    print(f"in-process latency over {len(store.ox)} quads, p50 / p95 of up to {args.repeat} runs:")
    for name, fn in queries:
        p50, p95, runs = percentiles(fn, args.repeat)
        print(f"  {name:36} {p50:8.1f} / {p95:8.1f} ms  ({runs} runs)")
    store.close()

    # as an installed kg runs: bytecode caches written (PYTHONDONTWRITEBYTECODE, set in some sandboxes,
    # makes every run compile each module changed since its cache again), and the console script's
    # import of kg.cli (`python -m kg.cli` compiles cli.py from source at every run, as __main__)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(KG_STORE=str(work / "store"), PYTHONPATH=str(ROOT))
    commands = [
        ("kg facts DOC", ["facts", doc]),
        ("kg stats", ["stats"]),
        ("kg query (document count)", ["query", Q_DOC_COUNT]),
    ]
    print("whole commands (start-up included), p50 / p95:")
    for name, argv in commands:

        def cli(argv=argv):
            subprocess.run([sys.executable, "-c", CONSOLE, *argv], env=env, check=True, stdout=subprocess.DEVNULL)

        p50, p95, runs = percentiles(cli, min(args.repeat, 10))
        print(f"  {name:36} {p50:8.1f} / {p95:8.1f} ms  ({runs} runs)")

    if profiler:
        import pstats

        print()
        for key in ("cumulative", "tottime"):
            print(f"cProfile of the ingest, top {args.profile} by {key}:")
            pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats(key).print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
