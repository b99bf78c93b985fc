"""The `kg` command line: ingest, facts, text, query, export, validate, stats, tui.

Results go to stdout, diagnostics to stderr; every error is one line. Heavy imports
(spaCy, pdfplumber) happen only in the commands that need them.
"""

from __future__ import annotations

import json
import os
import sys

from kg.errors import KgError, QueryError

BATCH_DOCUMENTS = 50  # kg.pipeline.BATCH_DOCUMENTS, without importing the pipeline for --help
MAX_PAGES = 300  # kg.readers.MAX_PAGES, likewise
MEMORY_MB = 1024  # a worker's address-space limit: every input, hostile or not, stays under 1 GB
EXPORT_FORMATS = ("turtle", "nt", "nquads", "trig", "jsonld", "xml", "graphml")


def _store(args, read_only: bool = False):
    from kg.graph.store import GraphStore

    return GraphStore(args.store, read_only=read_only)


def cmd_ingest(args) -> int:
    from pathlib import Path

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.pipeline import ingest
    from kg.readers import iter_sources

    sources = iter_sources(args.paths, follow_symlinks=args.follow_symlinks, max_bytes=args.max_bytes,
                           max_pages=args.max_pages)
    total = len(sources)
    err = _stderr_console()
    with _store(args) as store, Progress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.description}"), console=err, transient=True,
            disable=args.quiet or not err.is_terminal) as progress:
        task = progress.add_task("", total=total)

        def tick(path: str) -> None:
            progress.update(task, advance=1, description=Path(path).name)

        def error(line: str) -> None:
            # one line, as is: rich would wrap it at the console width (80 when not a terminal)
            if progress.disable:
                print(f"kg: error: {line}", file=sys.stderr)
            else:
                progress.console.print(f"kg: error: {line}", markup=False, highlight=False, emoji=False,
                                       soft_wrap=True)

        report = ingest(sources, store, force=args.force, jobs=args.jobs, timeout=args.timeout or None,
                        memory_mb=args.memory or None, batch_documents=args.batch, on_progress=tick,
                        on_error=error)
    if store.rollup_note and not args.quiet:  # an older kg's store: its roll-up was made once
        print(f"kg: {store.rollup_note}", file=sys.stderr)
    if report.recovered and not args.quiet:
        print(f"kg: {len(report.recovered)} document(s) an interrupted ingest left incomplete were removed "
              f"first: {', '.join(report.recovered[:5])}{' ...' if len(report.recovered) > 5 else ''}", file=sys.stderr)
    if not args.quiet:
        print(f"ingested {len(report.ingested)}, unchanged {len(report.skipped)}, failed {len(report.failed)}; "
              f"{report.triples} triples in {report.seconds:.1f} s -> {store.path}", file=sys.stderr)
    return 1 if report.failed else 0


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def cmd_facts(args) -> int:
    from kg.graph.facts import facts_json

    with _store(args, read_only=True) as store:
        data = facts_json(store, args.docs or None)
    if args.docs:
        missing = set(args.docs) - {d["doc"] for d in data["documents"]}
        for m in sorted(missing):
            print(f"kg: error: no document '{m}' in the store", file=sys.stderr)
        if missing:
            return 1
    # one write of the whole text: json.dump wrote each of its (many) pieces to stdout in turn
    sys.stdout.write(indented_json(data) + "\n")
    return 0


def indented_json(data) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=1)`, the same text, in half the time: with an
    indent, json encodes in pure Python, by generators (~2.4 ms of CPU for a paper's 28 KB of facts,
    1.1 ms this way: strings still by json's C encoder). JSON's own types only (dicts with string
    keys, lists, strings, numbers, booleans, None); anything else is left to json.dumps."""
    from json.encoder import encode_basestring

    out: list[str] = []
    put = out.append

    def value(o, pad: str) -> None:
        if isinstance(o, str):
            put(encode_basestring(o))
        elif o is None or o is True or o is False:
            put("null" if o is None else "true" if o else "false")
        elif type(o) is int or (type(o) is float and o - o == 0):  # not NaN nor an infinity
            put(repr(o))
        elif type(o) is dict:
            if not o:
                put("{}")
                return
            inner = pad + " "
            sep = "{" + inner
            for k, v in o.items():
                if type(k) is not str:
                    raise TypeError(k)
                put(sep)
                put(encode_basestring(k))
                put(": ")
                value(v, inner)
                sep = "," + inner
            put(pad + "}")
        elif type(o) is list:
            if not o:
                put("[]")
                return
            inner = pad + " "
            sep = "[" + inner
            for v in o:
                put(sep)
                value(v, inner)
                sep = "," + inner
            put(pad + "]")
        else:
            raise TypeError(o)

    try:
        value(data, "\n")
    except TypeError:
        return json.dumps(data, ensure_ascii=False, indent=1)
    return "".join(out)


def cmd_text(args) -> int:
    from kg.graph.facts import document_text

    with _store(args, read_only=True) as store:
        text = document_text(store, args.doc)
    if text is None:
        print(f"kg: error: no document '{args.doc}' in the store", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


def write_result_checked(result, fmt: str, sparql: str) -> None:
    """Write a query's result to stdout as it comes; an error while the engine evaluates is a QueryError."""
    from kg.graph.results import write_result

    try:
        write_result(result, fmt, sys.stdout.write)
    except (OSError, ValueError, RuntimeError) as e:
        if isinstance(e, OSError) and e.errno is not None:  # writing stdout failed (a closed pipe, disk full)
            raise
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise QueryError(f"SPARQL error: {msg}", query=sparql) from None


def cmd_query(args) -> int:
    q = args.query
    if q.startswith("@"):
        from pathlib import Path

        try:
            q = Path(q[1:]).read_text(encoding="utf-8")
        except OSError as e:
            print(f"kg: error: {q[1:]}: {e.strerror}", file=sys.stderr)
            return 2
    try:
        with _store(args, read_only=True) as store:
            result = store.ox_query(q, allow_service=args.allow_service)
            write_result_checked(result, args.format, q)
    except QueryError as e:
        print(f"kg: error: {e}", file=sys.stderr)
        caret = e.caret()
        if caret:
            print(caret, file=sys.stderr)
        return 2
    return 0


def cmd_export(args) -> int:
    from pathlib import Path

    from kg.graph.export import export

    with _store(args, read_only=True) as store:
        if not args.output:
            n = export(store, args.format, sys.stdout.buffer)
        else:
            n = _export_to_file(store, args.format, Path(args.output), export)
    print(f"exported {n} statements as {args.format}" + (f" to {args.output}" if args.output else ""),
          file=sys.stderr)
    return 0


def _export_to_file(store, fmt: str, path, export) -> int:
    """Write the export beside `path` and rename it into place: a failure (disk full, no
    permission) leaves no half-written file, and is reported in one line. A target that is
    not a regular file (a device, a FIFO, /dev/stdout) is written to directly."""
    import stat
    import tempfile
    from pathlib import Path

    real = Path(os.path.realpath(path))
    try:
        special = real.exists() and not stat.S_ISREG(real.stat().st_mode)
        if special:
            with open(real, "wb") as out:
                return export(store, fmt, out)
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".part", dir=real.parent)
    except OSError as e:
        raise KgError(f"{path}: cannot write ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "wb") as out:
            n = export(store, fmt, out)
        os.replace(tmp, real)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise KgError(f"{path}: cannot write ({e.strerror or e})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n


def cmd_validate(args) -> int:
    from kg.graph.validate import validate

    with _store(args, read_only=True) as store:
        ok, report = validate(store)
    print(report)
    return 0 if ok else 1


def cmd_stats(args) -> int:
    with _store(args, read_only=True) as store:
        s = store.stats()
        if s is None:  # a store written before the registry: count by queries (imports rdflib)
            from kg.graph.views import stats

            s = stats(store)
    if args.json:
        print(json.dumps(s, indent=1))
        return 0
    print(f"documents  {s['documents']}")
    print(f"triples    {s['triples']}")
    print("facts by kind")
    for kind, n in s["facts"].items():
        print(f"  {kind:18} {n}")
    print("documents by id (source file)")
    for doc, path in s["sources"].items():
        print(f"  {doc}  {path}")
    return 0


def cmd_tui(args) -> int:
    try:
        from tui.app import run
    except ImportError as e:
        print(f"kg: error: the terminal UI is not available ({e})", file=sys.stderr)
        return 2
    return run(str(args.store) if args.store else None)


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


# command: (help, its arguments, what runs it)
COMMANDS = {
    "ingest": ("read papers (files or folders) into the graph", "_ingest_args", "cmd_ingest"),
    "facts": ("print the facts JSON read back from the graph", "_facts_args", "cmd_facts"),
    "text": ("print a document's text (what evidence offsets index)", "_text_args", "cmd_text"),
    "query": ("run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE)", "_query_args", "cmd_query"),
    "export": ("export the graph as RDF or GraphML", "_export_args", "cmd_export"),
    "validate": ("check the graph against the SHACL shapes", "_no_args", "cmd_validate"),
    "stats": ("documents, triples and facts by kind", "_stats_args", "cmd_stats"),
    "tui": ("open the terminal UI on the graph", "_no_args", "cmd_tui"),
}


def build_parser(command: str | None = None):
    """kg's argparse parser (kg.cli_args: argparse is imported only when a command needs it)."""
    from kg.cli_args import build_parser

    return build_parser(command)


def _command_in(argv: list[str]) -> str | None:
    """The command named in `argv` (the first word that is one, past the options before it), or None."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word.startswith("-"):
            # --store VALUE (or an abbreviation of it) takes the next word; --store=VALUE does not
            skip = len(word) > 2 and "--store".startswith(word) and "=" not in word
        else:
            return word if word in COMMANDS else None
    return None


# the read commands whose plain forms are parsed without argparse: {command: (positionals, flags,
# options with a value: {option: (its choices, default)})} where positionals is (name, count):
# count "*" (any number), 1 (exactly one) or 0
_PLAIN = {"facts": (("docs", "*"), (), {}), "text": (("doc", 1), (), {}), "stats": ((None, 0), ("--json",), {}),
          "query": (("query", 1), ("--allow-service",), {"--format": (("table", "csv", "tsv", "json"), "table")})}


def plain_args(argv: list[str]):
    """The arguments of a read command in its plain form — `[--store S] facts [DOC...]`,
    `text DOC`, `stats [--json]`, `query [--format F] [--allow-service] QUERY`, `--store` before
    or after the command, options written whole — as argparse would parse them, without
    argparse: importing it, building the parser and its message look-ups (gettext, locale)
    were ~4 ms of a ~50 ms `kg facts DOC`. None for anything else (any other option, help, an
    abbreviation, an error), which argparse parses as ever."""
    from types import SimpleNamespace

    store, command, words, flags, values = None, None, [], set(), {}
    i, after_words = 0, False
    while i < len(argv):
        word = argv[i]
        name, eq, value = word.partition("=")
        takes = _PLAIN[command][2] if command is not None else {}
        if name == "--store" or name in takes:
            if not eq:
                if i + 1 == len(argv) or argv[i + 1].startswith("-"):
                    return None
                value, i = argv[i + 1], i + 1
            if name == "--store":
                store = value
            elif value in takes[name][0]:
                values[name] = value
            else:
                return None
            i += 1
            after_words = bool(words)
            continue
        if word.startswith("-"):
            if command is None or word not in _PLAIN[command][1]:
                return None
            flags.add(word)
            after_words = bool(words)
        elif command is None:
            if word not in _PLAIN:
                return None
            command = word
        elif after_words:  # argparse takes one run of positionals: a second one is an error
            return None
        else:
            words.append(word)
        i += 1
    if command is None:
        return None
    (name, count), known, takes = _PLAIN[command]
    if (count == 1 and len(words) != 1) or (count == 0 and words):
        return None
    args = SimpleNamespace(store=store, command=command, func=globals()[COMMANDS[command][2]])
    if name:
        setattr(args, name, words if count == "*" else words[0])
    for option, (_choices, default) in takes.items():
        setattr(args, option.lstrip("-"), values.get(option, default))
    for flag in known:
        setattr(args, flag.lstrip("-").replace("-", "_"), flag in flags)
    return args


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    args = plain_args(words) or build_parser(_command_in(words)).parse_args(argv)
    try:
        return args.func(args)
    except KgError as e:
        print(f"kg: error: {e}", file=sys.stderr)
        return 2
    except MemoryError:
        print("kg: error: out of memory", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as e:  # disk full, permission...: one line, no traceback
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        reason = e.strerror or (str(e).splitlines()[0] if str(e) else type(e).__name__)
        print(f"kg: error: {where}{reason}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130


# commands that only read: once their output is flushed, nothing is left to do
_READ_COMMANDS = frozenset({"facts", "text", "query", "stats"})


def console() -> int:
    """The `kg` command (and `python -m kg.cli`): `main()`, and for a command that only reads,
    the process ends as soon as its output is flushed, without the interpreter's teardown
    (finalizing every module imported: ~6 ms of a ~50 ms `kg facts DOC`) nor RocksDB's (the
    store is left open: kg.graph.store.exit_soon). Should a flush fail
    (a closed pipe, a full disk), the usual exit reports it as before."""
    reads = _command_in(sys.argv[1:]) in _READ_COMMANDS
    if reads:
        from kg.graph.store import exit_soon

        exit_soon()
    code = main()
    if reads:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            return code
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(console())
