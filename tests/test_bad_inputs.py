"""Bad inputs, each ingested through the CLI in one batch with a good file: one stderr line
naming the file and why, a non-zero exit, the good file still ingested, and the store
otherwise exactly as it was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CORPUS_FILES, TEST_DATA, graph_name, read_raw_quads

from kg.graph.store import REGISTRY_GRAPH, GraphStore

GOOD_SOURCE = next(p for p in CORPUS_FILES if ".record." in p.name)  # the smaller corpus file
SECRET = "kg-test-secret-5f2d9c"


def _empty(d: Path) -> Path:
    p = d / "empty.txt"
    p.write_bytes(b"")
    return p


def _binary(d: Path) -> Path:
    p = d / "binary.txt"
    p.write_bytes(b"Results\n\nTwo patients\x00\x00\x01\x02 had \xff\xfe grade 3 neutropenia.\n" * 20)
    return p


def _corrupt_pdf(d: Path) -> Path:
    pytest.importorskip("kg.readers.pdf")
    p = d / "corrupt.pdf"
    p.write_bytes((TEST_DATA / "limit-trial-bmcmed-2014.pdf").read_bytes()[:2048])
    return p


def _text_named_pdf(d: Path) -> Path:
    pytest.importorskip("kg.readers.pdf")
    p = d / "not-really.pdf"
    p.write_text("Results\n\nTwo patients had grade 3 neutropenia after arsenic trioxide.\n", encoding="utf-8")
    return p


def _truncated_jats(d: Path) -> Path:
    pytest.importorskip("kg.readers.jats")
    p = d / "truncated.xml"
    p.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<article xmlns:xlink="http://www.w3.org/1999/xlink">'
                 "<front><article-meta><title-group><article-title>Low-dose interleukin-2 in lupus"
                 "</article-title></title-group></article-meta></front><body><sec><title>Results</title>"
                 "<p>Two patients had grade 3 neutrop", encoding="utf-8")
    return p


def _xxe(d: Path) -> Path:
    pytest.importorskip("kg.readers.jats")
    secret = d.parent / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    p = d / "xxe.xml"
    p.write_text('<?xml version="1.0" encoding="UTF-8"?>\n'
                 f'<!DOCTYPE article [ <!ENTITY xxe SYSTEM "{secret.as_uri()}"> ]>\n'
                 "<article><front><article-meta><title-group><article-title>&xxe;</article-title>"
                 "</title-group></article-meta></front><body><sec><title>Results</title>"
                 "<p>&xxe; Two patients had grade 3 neutropenia.</p></sec></body></article>\n", encoding="utf-8")
    return p


def _latin1(d: Path) -> Path:
    p = d / "latin1.txt"
    p.write_bytes("Results\n\nCaf\u00e9: two patients had grade 3 neutropenia (r\u00e9sultats).\n".encode("latin-1"))
    return p


def _missing(d: Path) -> Path:
    return d / "does-not-exist.txt"


def _fifo(d: Path) -> Path:
    p = d / "pipe.txt"
    os.mkfifo(p)
    return p


def _oversize(d: Path) -> Path:
    p = d / "huge.txt"
    with p.open("wb") as f:  # sparse: refused by its size, never read
        f.truncate(2 * 1024 ** 3)
    return p


def _gzip_named_txt(d: Path) -> Path:
    p = d / "archive.txt"
    p.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 8)
    return p


CASES = {
    "fifo": _fifo,
    "oversize": _oversize,
    "gzip-named-txt": _gzip_named_txt,
    "empty": _empty,
    "binary": _binary,
    "corrupt-pdf": _corrupt_pdf,
    "text-named-pdf": _text_named_pdf,
    "truncated-jats": _truncated_jats,
    "xxe": _xxe,
    "latin1": _latin1,
    "missing": _missing,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_in_a_batch(kg, corpus_store, tmp_path, case):
    inputs = tmp_path / "in"
    inputs.mkdir()
    bad = CASES[case](inputs)
    # the good file is a corpus file under a new name: a new document in the batch
    good = inputs / f"good-{case}.record.txt"
    shutil.copyfile(GOOD_SOURCE, good)
    store = corpus_store.clone(tmp_path / "store")
    before = read_raw_quads(store)

    run = kg("--store", store, "ingest", "-q", bad, good)

    assert run.code != 0
    assert run.out == ""
    assert len(run.err_lines) == 1, run.err
    line = run.err_lines[0]
    assert line.startswith("kg: error: "), line
    assert str(bad) in line, line
    reason = line.split(str(bad), 1)[1]
    assert reason.startswith(": ") and len(reason.strip(": ")) >= 5, line
    assert "Traceback" not in run.err

    after = read_raw_quads(store)
    good_graph = ox.NamedNode(str(graph_name(good.name.split(".")[0])))
    # the good document's graph and its record in the registry graph; the store's roll-up
    # (subject: the registry graph) now counts the good document, and only it, besides
    rollup_subject = ox.NamedNode(REGISTRY_GRAPH)
    good_quads = {q for q in after if good_graph in (q.graph_name, q.subject)}
    assert good_quads, "the good file was not ingested"
    assert not {q for q in before if q.graph_name == good_graph}
    assert {q for q in after - good_quads if q.subject != rollup_subject} == \
        {q for q in before if q.subject != rollup_subject}, "the bad file changed the store"
    with GraphStore(store, read_only=True) as s:
        assert set(s.rollup()["documents"]) == set(s.documents()) and not s.rollup_note
    if case == "xxe":
        assert SECRET not in run.err
        assert not [q for q in after if SECRET in str(q)], "the external entity was expanded into the store"


def test_bad_input_summary_names_the_failure_once(kg, corpus_store, tmp_path):
    """Without -q: the error line, then the summary; the file is named on one line only."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    bad = _binary(inputs)
    good = inputs / "good.record.txt"
    shutil.copyfile(GOOD_SOURCE, good)
    store = corpus_store.clone(tmp_path / "store")
    run = kg("--store", store, "ingest", bad, good)
    assert run.code == 1
    assert [ln for ln in run.err_lines if bad.name in ln] == [f"kg: error: {bad}: binary content, not text"]
    assert run.err_lines[-1].startswith("ingested 1, unchanged 0, failed 1;")


def test_a_bad_file_in_a_folder_does_not_stop_the_folder(kg, corpus_store, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    bad = _latin1(inputs)
    good = inputs / "zz-good.record.txt"  # after the bad one in folder order
    shutil.copyfile(GOOD_SOURCE, good)
    store = corpus_store.clone(tmp_path / "store")
    run = kg("--store", store, "ingest", "-q", inputs)
    assert run.code == 1
    assert len(run.err_lines) == 1 and str(bad) in run.err_lines[0]
    zz = ox.NamedNode(str(graph_name("zz-good")))
    assert any(q.graph_name == zz for q in read_raw_quads(store))
