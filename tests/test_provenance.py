"""Provenance invariant: every evidence offset pair indexes the quoted text exactly.

Checked three ways over the whole corpus: against `kg text DOC`, against the source file
decoded as UTF-8 (text sources keep the file unchanged), and on every Web Annotation
selector pair in the store, read by SPARQL without going through the facts view.
"""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS, CORPUS_FILES, doc_id, evidence_spans, kg_subprocess

from kg.graph.namespaces import sparql_prefixes


@pytest.fixture(scope="module")
def facts(corpus_store):
    from kg.graph.facts import facts_json

    return facts_json(corpus_store.store)


def test_facts_cli_lists_every_corpus_document(kg, corpus_store, facts):
    run = kg("--store", corpus_store.path, "facts")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data == facts
    assert sorted(d["doc"] for d in data["documents"]) == sorted(doc_id(p) for p in CORPUS_FILES)
    assert sorted(d["source_file"] for d in data["documents"]) == sorted(p.name for p in CORPUS_FILES)


def test_every_evidence_span_indexes_kg_text_and_the_source_file(kg, corpus_store):
    run = kg("--store", corpus_store.path, "facts")
    assert run.code == 0, run.err
    documents = json.loads(run.out)["documents"]
    checked = 0
    for doc in documents:
        spans = evidence_spans(doc)
        assert spans, f"{doc['doc']}: no evidence at all"
        shown = kg("--store", corpus_store.path, "text", doc["doc"])
        assert shown.code == 0 and shown.err == "", shown.err
        text = shown.out
        if doc["source_file"].endswith(".txt"):
            assert text == (CORPUS / doc["source_file"]).read_bytes().decode("utf-8")
        bad = [s for s in spans if not (0 <= s["start"] <= s["end"] <= len(text))
               or text[s["start"]:s["end"]] != s["text"]]
        assert not bad, f"{doc['doc']}: {len(bad)} of {len(spans)} spans do not index their text: {bad[:3]}"
        checked += len(spans)
    assert checked > 0


def test_kg_text_writes_the_file_bytes_unchanged(corpus_store):
    """Through a real stdout: no newline translation, no re-encoding, no trailing newline added."""
    path = next(p for p in CORPUS_FILES if ".record." not in p.name)
    proc = kg_subprocess("--store", corpus_store.path, "text", doc_id(path))
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == path.read_bytes()


_SELECTORS = sparql_prefixes() + """
SELECT ?g ?doc ?target ?start ?end ?exact ?prefix ?suffix WHERE {
  GRAPH ?g {
    ?target oa:hasSource ?doc ; oa:hasSelector ?pos, ?quote .
    ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
    OPTIONAL { ?quote oa:prefix ?prefix } OPTIONAL { ?quote oa:suffix ?suffix }
  }
}
"""
_TEXTS = sparql_prefixes() + "SELECT ?g ?doc ?text WHERE { GRAPH ?g { ?doc a kg:Document ; kg:text ?text } }"
_SELECTOR_COUNTS = sparql_prefixes() + """
SELECT ?kind (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s a ?kind } }
GROUP BY ?kind HAVING (?kind IN (oa:TextPositionSelector, oa:TextQuoteSelector))
"""


def test_every_selector_pair_in_the_store_quotes_its_source(corpus_store):
    ox = corpus_store.store.ox
    texts = {(r["g"].value, r["doc"].value): r["text"].value for r in ox.query(_TEXTS)}
    assert len(texts) == len(CORPUS_FILES)
    rows = list(ox.query(_SELECTORS))
    assert rows
    targets = set()
    for r in rows:
        key = (r["g"].value, r["doc"].value)
        assert key in texts, f"selector in {key[0]} points at {key[1]}, not a document of that graph"
        text = texts[key]
        start, end, exact = int(r["start"].value), int(r["end"].value), r["exact"].value
        assert 0 <= start <= end <= len(text), (key, start, end)
        assert text[start:end] == exact, (key, start, end, exact, text[start:end])
        if r["prefix"] is not None:
            assert text[:start].endswith(r["prefix"].value), (key, start, r["prefix"].value)
        if r["suffix"] is not None:
            assert text[end:].startswith(r["suffix"].value), (key, end, r["suffix"].value)
        targets.add(r["target"].value)
    # every selector was part of exactly one checked pair: none left over unchecked
    counts = {r["kind"].value.rsplit("#", 1)[1]: int(r["n"].value) for r in ox.query(_SELECTOR_COUNTS)}
    assert counts == {"TextPositionSelector": len(targets), "TextQuoteSelector": len(targets)}
    assert len(rows) == len(targets)


def test_facts_json_evidence_is_what_the_store_holds(corpus_store, facts):
    """The facts view adds no span of its own: each is a selector pair in the store."""
    ox = corpus_store.store.ox
    stored = {(r["doc"].value.rsplit("/", 1)[1], int(r["start"].value), int(r["end"].value), r["exact"].value)
              for r in ox.query(_SELECTORS)}
    shown = {(d["doc"], s["start"], s["end"], s["text"]) for d in facts["documents"] for s in evidence_spans(d)}
    assert shown and shown <= stored, sorted(shown - stored)[:3]
