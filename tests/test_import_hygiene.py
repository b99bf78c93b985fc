"""Import hygiene, each check in a fresh interpreter: the library never imports the UI
(textual), and what `kg query` needs never imports spaCy."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

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
