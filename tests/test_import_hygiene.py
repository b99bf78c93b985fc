"""Import hygiene, each check in a fresh interpreter: the library never imports the UI
(textual), and what `kg query` needs never imports spaCy."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_tui import corpus_store_path

import kg

ROOT = Path(__file__).resolve().parent.parent


def kg_modules() -> list[str]:
    """Every module of the kg package (found on disk, not imported here)."""
    return ["kg"] + sorted(m.name for m in pkgutil.walk_packages(kg.__path__, "kg."))


def loaded_after(code: str) -> set[str]:
    """The top-level packages in sys.modules after running `code` in a new interpreter."""
    probe = code + "\nimport sys, json\nprint(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=300,
                         check=False)
    assert out.returncode == 0, out.stderr
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_every_kg_module_is_listed():
    mods = kg_modules()
    assert {"kg.cli", "kg.pipeline", "kg.graph.facts", "kg.graph.store"} <= set(mods)


def test_kg_never_imports_textual():
    imports = "\n".join(f"import {m}" for m in ["kg", "kg.cli", "kg.pipeline", "kg.graph.facts", *kg_modules()])
    loaded = loaded_after(imports)
    assert "kg" in loaded
    assert "textual" not in loaded


def test_query_path_does_not_import_spacy():
    loaded = loaded_after("import kg.cli, kg.graph.store, kg.graph.views")
    assert "spacy" not in loaded and "textual" not in loaded


def test_kg_query_command_does_not_import_spacy(request, tmp_path_factory):
    path = corpus_store_path(request, tmp_path_factory)
    loaded = loaded_after(
        "import contextlib, io\nfrom kg.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['--store', {path!r}, 'query', 'SELECT * WHERE {{ ?t a kg:Trial }}']) == 0")
    assert "spacy" not in loaded and "textual" not in loaded


def test_facts_stats_text_and_select_commands_do_not_import_rdflib(request, tmp_path_factory):
    """rdflib's import took most of these commands' start-up; they use pyoxigraph alone."""
    path = corpus_store_path(request, tmp_path_factory)
    loaded = loaded_after(
        "import contextlib, io\nfrom kg.cli import main\nfrom kg.graph.store import GraphStore\n"
        f"with GraphStore({path!r}, read_only=True) as s:\n    doc = s.documents()[0]\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    assert main(['--store', {path!r}, 'facts']) == 0\n"
        f"    assert main(['--store', {path!r}, 'stats']) == 0\n"
        f"    assert main(['--store', {path!r}, 'text', doc]) == 0 and len(out.getvalue()) > 1000\n"
        f"    for fmt in ('table', 'json'):\n"
        f"        assert main(['--store', {path!r}, 'query', '--format', fmt,\n"
        f"                     'SELECT * WHERE {{ ?t a kg:Trial }}']) == 0")
    assert "rdflib" not in loaded and "spacy" not in loaded


def test_plain_read_commands_import_neither_argparse_nor_pathlib(request, tmp_path_factory):
    """A plain `kg facts DOC`, `kg stats` or `kg text DOC` parses its arguments without argparse
    and reads without pathlib, urllib or ctypes (together ~9 ms of a ~45 ms command)."""
    path = corpus_store_path(request, tmp_path_factory)
    doc = "lupsenic-ato-sle-2021"
    loaded = loaded_after(
        "import contextlib, io\nfrom kg.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    assert main(['--store', {str(path)!r}, 'facts', {doc!r}]) == 0\n"
        f"    assert main(['stats', '--store', {str(path)!r}]) == 0\n"
        f"    assert main(['--store={path}', 'text', {doc!r}]) == 0 and len(out.getvalue()) > 1000")
    assert not loaded & {"argparse", "pathlib", "urllib", "ctypes", "rdflib", "spacy"}, loaded


def test_ingest_path_imports_spacy_without_its_command_line_interface():
    """spaCy's CLI (requests, httpx, typer, jinja2, weasel) is ~35 MB in every ingest process;
    kg.spacy_lite leaves it out, and `spacy.info` and `import spacy.cli` still work afterwards."""
    loaded = loaded_after("import kg.nlp, kg.extract, kg.workers\nnlp = kg.nlp.get_nlp()\n"
                          "assert len(nlp('Aspirin 100 mg was given. Nausea was rare.')) > 5")
    assert "spacy" in loaded
    assert not loaded & {"requests", "httpx", "typer", "jinja2", "weasel"}
    loaded = loaded_after("import kg.extract, spacy\nassert spacy.info()['spacy_version'] == spacy.__version__\n"
                          "import spacy.cli\nassert callable(spacy.cli.info)")
    assert "typer" in loaded


# what the `kg` console script does, with one change: the exit that ends a read command (os._exit)
# first writes the top-level modules loaded, whether the store was left to the exit, and whether
# the SPARQL lexer's patterns were compiled, to stderr
_CONSOLE_RUNNER = """
import os, sys
_exit = os._exit
def _report(code):
    import kg.graph.sparql as sparql, kg.graph.store as store
    mods = sorted({m.split('.')[0] for m in sys.modules})
    sys.stderr.write(repr((mods, len(store._LEFT_TO_EXIT), sparql._patterns.cache_info().currsize)) + chr(10))
    sys.stderr.flush()
    _exit(code)
os._exit = _report
sys.argv = ['kg', *sys.argv[1:]]
from kg.cli import console
sys.exit(console())
"""


def console_run(*argv: str) -> tuple[str, set[str], int, int]:
    """(stdout, top-level modules loaded, stores left open to the exit, SPARQL patterns compiled)
    of a `kg` command run as the console script runs it, in a new interpreter."""
    import ast

    out = subprocess.run([sys.executable, "-c", _CONSOLE_RUNNER, *argv], capture_output=True, text=True,
                         cwd=ROOT, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    mods, left, compiled = ast.literal_eval(out.stderr.strip().splitlines()[-1])
    return out.stdout, set(mods), left, compiled


@pytest.mark.parametrize("argv", [
    ("facts", "lupsenic-ato-sle-2021"),
    ("stats",),
    ("query", "--format", "json", "SELECT (COUNT(*) AS ?n) WHERE { ?t a kg:Trial }"),
    ("text", "lupsenic-ato-sle-2021"),
])
def test_read_commands_run_as_the_console_script_load_only_what_they_use(argv, request, tmp_path_factory):
    """`kg facts DOC`, `kg stats`, `kg query` and `kg text DOC`, as typed: no argparse (their plain
    forms), no rdflib, spaCy, textual, pathlib, and the store is left to the process's exit
    rather than torn down; an ordinary query never compiles the SPARQL lexer's patterns."""
    path = corpus_store_path(request, tmp_path_factory)
    out, loaded, left, compiled = console_run("--store", path, *argv)
    assert out.strip()
    assert not loaded & {"argparse", "rdflib", "oxrdflib", "spacy", "textual", "pathlib", "urllib"}, loaded
    assert left == 1
    assert compiled == 0


def test_a_query_that_names_a_service_is_still_read_by_the_lexer(request, tmp_path_factory):
    """The patterns are compiled when the query might hold the keyword: SERVICE is refused."""
    path = corpus_store_path(request, tmp_path_factory)
    out = subprocess.run([sys.executable, "-c", _CONSOLE_RUNNER, "--store", path, "query",
                          "SELECT * WHERE { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert out.returncode == 2 and "SERVICE" in out.stderr
