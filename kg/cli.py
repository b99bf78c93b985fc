"""The `kg` command line: ingest, facts, text, query, export, validate, stats, tui.

Results go to stdout, diagnostics to stderr; every error is one line. Heavy imports
(spaCy, pdfplumber) happen only in the commands that need them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from kg import __version__
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
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return 0


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


def _ingest_args(s: argparse.ArgumentParser) -> None:
    s.add_argument("paths", nargs="+", help="files (.txt .md .pdf .xml) or folders")
    s.add_argument("--force", action="store_true", help="re-ingest unchanged documents too, and replace a "
                   "document of the same id read from another file")
    s.add_argument("--follow-symlinks", action="store_true",
                   help="read symbolic links in folders that lead outside them (default: reported, not read)")
    s.add_argument("--max-bytes", type=_size, metavar="SIZE", default=None,
                   help="refuse larger files, e.g. 20M or 1G (default: 200M for PDF, 50M for text and XML)")
    s.add_argument("--max-pages", type=_count, metavar="N", default=None,
                   help=f"refuse PDFs with more pages, counted before any page is read (default {MAX_PAGES})")
    s.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    s.add_argument("-j", "--jobs", type=int, default=default_jobs(), metavar="N",
                   help="worker processes that read and extract (default: the number of cores; 0: in this process)")
    s.add_argument("--timeout", type=float, default=300, metavar="SECONDS",
                   help="time budget per document in a worker (default 300; 0: none)")
    s.add_argument("--memory", type=int, default=MEMORY_MB, metavar="MB",
                   help=f"address-space limit of each worker process, so its memory (default {MEMORY_MB}; 0: none)")
    s.add_argument("--batch", type=int, default=BATCH_DOCUMENTS, metavar="N",
                   help=f"documents per bulk write (default {BATCH_DOCUMENTS}; a crash redoes at most this many)")


def _facts_args(s: argparse.ArgumentParser) -> None:
    s.add_argument("docs", nargs="*", metavar="DOC", help="document ids (default: all)")


def _text_args(s: argparse.ArgumentParser) -> None:
    s.add_argument("doc", metavar="DOC")


def _query_args(s: argparse.ArgumentParser) -> None:
    s.add_argument("query", metavar="QUERY|@FILE")
    s.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table")
    s.add_argument("--allow-service", action="store_true",
                   help="allow SERVICE clauses (requests to other SPARQL servers); refused by default")


def _export_args(s: argparse.ArgumentParser) -> None:
    s.add_argument("--format", choices=EXPORT_FORMATS, default="turtle")
    s.add_argument("-o", "--output", metavar="FILE")


def _stats_args(s: argparse.ArgumentParser) -> None:
    s.add_argument("--json", action="store_true")


def _no_args(s: argparse.ArgumentParser) -> None:
    pass


# command: (help, its arguments, what runs it)
COMMANDS = {
    "ingest": ("read papers (files or folders) into the graph", _ingest_args, "cmd_ingest"),
    "facts": ("print the facts JSON read back from the graph", _facts_args, "cmd_facts"),
    "text": ("print a document's text (what evidence offsets index)", _text_args, "cmd_text"),
    "query": ("run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE)", _query_args, "cmd_query"),
    "export": ("export the graph as RDF or GraphML", _export_args, "cmd_export"),
    "validate": ("check the graph against the SHACL shapes", _no_args, "cmd_validate"),
    "stats": ("documents, triples and facts by kind", _stats_args, "cmd_stats"),
    "tui": ("open the terminal UI on the graph", _no_args, "cmd_tui"),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """kg's parser. Given the command about to run, only its sub-parser gets its arguments (the
    others are listed, for `kg --help`, without them): argparse checks each argument as it is
    added, and all of them took a few ms of every command's start-up."""
    p = argparse.ArgumentParser(prog="kg", description="Clinical-trial papers into a knowledge graph: "
                                "ingest, ask, browse, export.", formatter_class=_HelpFormatter)
    p.add_argument("--version", action="version", version=f"kg {__version__}")
    p.add_argument("--store", metavar="PATH|URL", help="graph store folder, or http://HOST:PORT/ of a SPARQL "
                   "server (oxigraph serve) that keeps it (default: $KG_STORE, else ./.kg)")
    # `--store` is accepted after the command too (`kg facts --store S`), as the docs show both
    # (prog given: argparse would format it from the parser's usage, i.e. "kg", with a formatter)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_SubParser, prog=p.prog)
    for name, (help_text, add_args, func) in COMMANDS.items():
        s = sub.add_parser(name, help=help_text)
        if command is None or name == command:
            add_args(s)
        s.set_defaults(func=globals()[func])
    return p


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


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help formatter, made when help or an error is written. argparse also makes
    one for each argument added, only to check its metavar, and making one looks the
    terminal's width up, which imports shutil (with bz2, lzma...): ~3 ms of every command's
    start-up. So the formatter is set up on first use of anything but that check."""

    def __init__(self, *args, **kwargs) -> None:
        self.__dict__["_deferred"] = (args, kwargs)

    def __getattr__(self, name: str):
        deferred = self.__dict__.pop("_deferred", None)
        if deferred is None:
            raise AttributeError(name)
        super().__init__(*deferred[0], **deferred[1])
        return getattr(self, name)


class _SubParser(argparse.ArgumentParser):
    """A sub-command's parser that also takes the options every command shares (`--store`)."""

    def __init__(self, *a, **kw) -> None:
        kw.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*a, **kw)
        self.add_argument("--store", metavar="PATH|URL", default=argparse.SUPPRESS,
                          help="graph store folder, or http://HOST:PORT/ of a SPARQL server (default: $KG_STORE, "
                          "else ./.kg)")


def _count(text: str) -> int:
    """A whole number above 0."""
    if not text.strip().isdigit() or int(text) <= 0:
        raise argparse.ArgumentTypeError(f"not a number above 0: {text!r}")
    return int(text)


def _size(text: str) -> int:
    """'50M' → 52428800; plain numbers are bytes."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgGtT]?)[bB]?\s*", text)
    if not m or float(m.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 500K, 20M, 1G)")
    return int(float(m.group(1)) * 1024 ** " KMGT".index(m.group(2).upper() or " "))


def main(argv: list[str] | None = None) -> int:
    args = build_parser(_command_in(sys.argv[1:] if argv is None else argv)).parse_args(argv)
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
    (finalizing every module imported: ~6 ms of a ~50 ms `kg facts DOC`). Should a flush fail
    (a closed pipe, a full disk), the usual exit reports it as before."""
    code = main()
    if _command_in(sys.argv[1:]) in _READ_COMMANDS:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            return code
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(console())
