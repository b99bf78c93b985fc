"""Where parallel ingest meets document identity: worker processes keep the ids of the
sources (paths under the ingest root), the writing process refuses an id stored from
another file, unchanged sources are skipped by their own ids, and a source that must not
be read fails in one line; the same in one process and with workers."""

from __future__ import annotations

import os

import pytest

from kg.graph.store import GraphStore
from kg.pipeline import ingest

# texts written for these tests, in two layouts
PROSE = ("A randomised trial of a drug in adults\n\nMethods\n\nSixty adults with asthma received 200 mg "
         "of the drug twice daily for eight weeks.\n\nResults\n\nTwo patients had grade 1 headache.\n")
LIST = ("Safety results\n\nAdverse events:\n- nausea in 3 patients (5%)\n- grade 2 rash in 1 patient\n\n"
        "No patient stopped treatment.\n")


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", [0, 1])
def test_two_files_of_one_name_in_two_subfolders_stay_two_documents(tmp_path, jobs):
    _write(tmp_path / "src" / "a" / "paper.txt", PROSE)
    _write(tmp_path / "src" / "b" / "paper.txt", LIST)
    with GraphStore(tmp_path / "store") as store:
        report = ingest([tmp_path / "src"], store, jobs=jobs)
        assert not report.failed, report.failed
        assert sorted(report.ingested) == ["a/paper", "b/paper"]
        assert store.documents() == ["a/paper", "b/paper"]
        again = ingest([tmp_path / "src"], store, jobs=jobs)  # skipped by their own ids, unread
    assert sorted(again.skipped) == ["a/paper", "b/paper"] and not again.ingested and not again.failed


@pytest.mark.parametrize("jobs", [0, 1])
def test_an_id_stored_from_another_file_is_refused_unless_forced(tmp_path, jobs):
    first = _write(tmp_path / "x" / "trial.txt", PROSE)
    other = _write(tmp_path / "y" / "trial.txt", LIST)
    with GraphStore(tmp_path / "store") as store:
        assert ingest([tmp_path / "x"], store, jobs=jobs).ingested == ["trial"]
        report = ingest([tmp_path / "y"], store, jobs=jobs)
        assert not report.ingested and len(report.failed) == 1
        path, reason = report.failed[0]
        assert "already in the store from" in reason and str(first) in reason and "\n" not in reason
        assert path.endswith("trial.txt")
        assert store.document_source("trial") == (str(first), store.document_state("trial")[0])
        forced = ingest([tmp_path / "y"], store, jobs=jobs, force=True)
        assert forced.ingested == ["trial"] and not forced.failed
        assert store.document_source("trial")[0] == str(other)


@pytest.mark.parametrize("jobs", [0, 1])
def test_a_source_with_an_error_fails_in_one_line_and_the_rest_goes_on(tmp_path, jobs):
    outside = _write(tmp_path / "outside" / "secret.txt", LIST)
    _write(tmp_path / "src" / "good.txt", PROSE)
    os.symlink(outside, tmp_path / "src" / "link.txt")
    with GraphStore(tmp_path / "store") as store:
        report = ingest([tmp_path / "src"], store, jobs=jobs)
        assert report.ingested == ["good"]
        assert [(p.endswith("link.txt"), "symbolic link" in r) for p, r in report.failed] == [(True, True)]
        assert store.documents() == ["good"]


def test_a_long_punctuation_run_goes_through_a_worker_in_bounded_time(tmp_path):
    """kg.textsafety makes the text safe for spaCy in the worker too (quadratic tokenizer runs)."""
    text = PROSE.replace("Results\n\n", "Results\n\n" + "[" * 6000 + "\n\n" + "=" * 6000 + "\n\n")
    _write(tmp_path / "src" / "runs.txt", text)
    with GraphStore(tmp_path / "store") as store:
        report = ingest([tmp_path / "src"], store, jobs=1, timeout=120)
        assert report.ingested == ["runs"] and not report.failed
