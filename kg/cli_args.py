"""kg's argparse parser: every command's arguments, help and errors.

Apart from kg.cli so that a read command in its plain form (kg.cli.plain_args) never imports
argparse; everything else is parsed here, as it always was.
"""

from __future__ import annotations

import argparse

from kg import __version__
from kg.cli import BATCH_DOCUMENTS, COMMANDS, EXPORT_FORMATS, MAX_PAGES, MEMORY_MB, default_jobs


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


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """kg's parser. Given the command about to run, only its sub-parser gets its arguments (the
    others are listed, for `kg --help`, without them): argparse checks each argument as it is
    added, and all of them took a few ms of every command's start-up."""
    from kg import cli

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
            globals()[add_args](s)
        s.set_defaults(func=getattr(cli, func))
    return p


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
