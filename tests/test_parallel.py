"""Parallel ingest: worker processes give the same facts as one process; a document past
its time budget fails with one line and the rest of the batch goes on."""

from __future__ import annotations

import json
import shutil

from conftest import CORPUS_FILES

from kg.graph.store import GraphStore
from kg.pipeline import ingest

# sentences written for this test, in two layouts: a prose paragraph and a short list
OWN_DOCS = {
    "own-prose.txt": ("A phase 2 randomised trial of drug treatment\n\nMethods\n\n"
                      "Forty patients with systemic lupus erythematosus received 1 mg/kg prednisone "
                      "daily for 12 weeks.\n\nResults\n\nThree patients had grade 2 nausea and one "
                      "patient had a serious infection.\n"),
    "own-list.txt": ("Safety\n\nAdverse events:\n- headache in 4 patients (10%)\n- grade 3 neutropenia "
                     "in 2 patients\n\nNo patient had liver toxicity.\n"),
}


def _sources(dest):
    dest.mkdir()
    for n in range(2):
        for src in CORPUS_FILES:
            stem, dot, rest = src.name.partition(".")
            shutil.copyfile(src, dest / f"{stem}-{n}{dot}{rest}")
    for name, text in OWN_DOCS.items():
        (dest / name).write_text(text, encoding="utf-8")
    return dest


def _facts(kg, store) -> dict:
    run = kg("--store", store, "facts")
    assert run.code == 0, run.err
    return json.loads(run.out)


def test_jobs_1_and_jobs_2_and_in_process_give_the_same_facts(kg, tmp_path):
    src = _sources(tmp_path / "src")
    outs = []
    for jobs in ("0", "1", "2"):
        store = tmp_path / f"store-{jobs}"
        run = kg("--store", store, "ingest", "-q", "--jobs", jobs, "--batch", "2", src)
        assert run.code == 0, run.err
        outs.append(_facts(kg, store))
    assert len(outs[0]["documents"]) == len(list(src.iterdir()))
    assert outs[0] == outs[1] == outs[2]


def test_a_document_past_its_time_budget_fails_alone(tmp_path):
    src = _sources(tmp_path / "src")
    n = len(list(src.iterdir()))
    with GraphStore(tmp_path / "store") as store:
        report = ingest([src], store, jobs=2, timeout=0.001)
    assert len(report.failed) == n and not report.ingested
    assert all(reason == "timed out after 0.001 s" for _p, reason in report.failed)
    with GraphStore(tmp_path / "store") as store:  # and a later run with time enough ingests them all
        report = ingest([src], store, jobs=2, timeout=120)
        assert not report.failed and len(report.ingested) == n
        assert len(store.documents()) == n


def test_unchanged_sources_are_skipped_without_being_read(tmp_path, monkeypatch):
    src = _sources(tmp_path / "src")
    with GraphStore(tmp_path / "store") as store:
        first = ingest([src], store)
    import kg.readers

    def no_read(path):
        raise AssertionError(f"{path} was parsed although unchanged")

    monkeypatch.setattr(kg.readers, "read", no_read)
    with GraphStore(tmp_path / "store") as store:
        again = ingest([src], store)
    assert sorted(again.skipped) == sorted(first.ingested) and not again.ingested and not again.failed


def test_workers_read_the_kg_environment_of_now(tmp_path, monkeypatch):
    """Workers fork from a server started once; they must still see KG_LEXICON as set now."""
    import pytest

    from kg.errors import KgError

    src = _sources(tmp_path / "src")
    with GraphStore(tmp_path / "store") as store:  # starts the fork server with the default lexicon
        assert not ingest([src / "own-list.txt"], store, jobs=1).failed
    monkeypatch.setenv("KG_LEXICON", str(tmp_path / "no-such-lexicon.ttl"))
    with GraphStore(tmp_path / "store2") as store, pytest.raises(KgError):
        ingest([src / "own-prose.txt"], store, jobs=1)


def test_workers_retired_after_their_share_give_the_same_facts(kg, tmp_path, monkeypatch):
    """A worker hands over to a fresh one after DOCUMENTS_PER_WORKER sources (memory stays
    flat over a long ingest); nothing is lost or read twice on the way."""
    import kg.workers as workers

    src = _sources(tmp_path / "src")
    n = len(list(src.iterdir()))
    with GraphStore(tmp_path / "one") as store:
        assert len(ingest([src], store, jobs=0).ingested) == n
    monkeypatch.setattr(workers, "DOCUMENTS_PER_WORKER", 2)
    started = []
    real = workers._Worker.__init__

    def counting(self, *args):
        started.append(1)
        real(self, *args)

    monkeypatch.setattr(workers._Worker, "__init__", counting)
    with GraphStore(tmp_path / "many") as store:
        report = ingest([src], store, jobs=1, timeout=120)
    assert sorted(report.ingested) == sorted(p.name.split(".")[0] for p in src.iterdir()) and not report.failed
    assert len(started) == (n + 1) // 2  # a fresh worker for every two sources
    assert _facts(kg, tmp_path / "many") == _facts(kg, tmp_path / "one")


def test_workers_import_this_kg_whatever_the_working_folder_holds(tmp_path):
    """Run from a folder holding another `kg/` package (a checkout of another version), the
    ingest workers still import the kg that runs the command."""
    import subprocess
    import sys

    other = tmp_path / "elsewhere"
    (other / "kg").mkdir(parents=True)
    (other / "kg" / "__init__.py").write_text("WRONG_KG = True\n", encoding="utf-8")  # imports, holds nothing
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(CORPUS_FILES[0], docs)
    # the command itself imports this kg (the working folder taken off its own path, as a
    # console script has it), its workers are on their own
    runner = "import sys; sys.path.remove(''); from kg.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run([sys.executable, "-c", runner, "--store", str(tmp_path / "store"), "ingest",
                           "--jobs", "2", str(docs)], cwd=other, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "ingested 1," in proc.stderr


# Two papers naming one arm the lexicon lacks, written two ways ('qi-gong', 'qi gong'): one
# concept IRI, whose label each paper's graph gives as that paper writes it. A label a process
# remembered from the paper it read before made the graphs depend on the order and on --jobs.
SAME_ARM_TWO_WAYS = {
    "hyphen.txt": ("A randomised trial of qi-gong in knee osteoarthritis\n\nMethods\n\nEighty adults with knee "
                   "osteoarthritis were randomly assigned to qi-gong (twice weekly) or to usual care for 12 "
                   "weeks.\n\nResults\n\nPain scores fell more with qi-gong than with usual care (p = 0.01). "
                   "Two patients had mild dizziness.\n"),
    "spaced.txt": ("Qi gong for older adults with chronic low back pain: a pilot trial\n\nAbstract\n\n"
                   "Participants (n = 60) received qi gong classes or waiting-list control for 8 weeks. "
                   "Disability improved in the qi gong group compared with the control group (P < 0.05). "
                   "No serious adverse events occurred.\n"),
}


def test_the_store_is_the_same_whatever_the_jobs_and_the_order(tmp_path):
    from conftest import read_raw_quads

    src = tmp_path / "src"
    src.mkdir()
    for name, text in {**SAME_ARM_TWO_WAYS, **OWN_DOCS}.items():
        (src / name).write_text(text, encoding="utf-8")
    files = sorted(src.iterdir())
    runs = {"in process": (files, 0), "in process, reversed": (files[::-1], 0),
            "one worker, reversed": (files[::-1], 1), "two workers": (files, 2)}
    stores = {}
    for name, (paths, jobs) in runs.items():
        with GraphStore(tmp_path / name) as store:
            report = ingest(paths, store, jobs=jobs, batch_documents=2)
            assert len(report.ingested) == len(files) and not report.failed, report.failed
        stores[name] = {q for q in read_raw_quads(tmp_path / name)
                        if q.predicate.value != "http://www.w3.org/ns/prov#startedAtTime"}
    labels = {(q.object.value, q.graph_name.value.rsplit("/", 1)[-1]) for q in stores["two workers"]
              if q.subject.value.endswith("/arm/drug/qi-gong") and q.predicate.value.endswith("#prefLabel")}
    assert labels == {("qi-gong", "hyphen"), ("qi gong", "spaced")}  # each paper's own label
    first = stores.pop("in process")
    for name, quads in stores.items():
        assert quads == first, (name, sorted(map(str, quads ^ first))[:6])


def test_workers_take_the_largest_sources_first(tmp_path):
    """Sources go to the workers largest first (the last ones read are the small ones), in their
    order where sizes are equal; one that cannot be asked counts as empty."""
    from kg.workers import largest_first

    sizes = {"a.txt": 10, "b.txt": 300, "c.txt": 10, "d.txt": 2000, "e.txt": 10}
    for name, n in sizes.items():
        (tmp_path / name).write_text("x" * n, encoding="utf-8")
    paths = [tmp_path / n for n in sizes] + [tmp_path / "gone.txt"]
    assert [p.name for p in largest_first(paths)] == ["d.txt", "b.txt", "a.txt", "c.txt", "e.txt", "gone.txt"]
