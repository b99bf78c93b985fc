"""What a long ingest keeps from paper to paper: nothing of a paper once it is written, so
memory stays flat (bench/memory.py measures it over 1,105 papers)."""

from __future__ import annotations

import pytest

from kg.lexicon import load_lexicon
from kg.nlp import get_nlp, renew_nlp

# written for these tests; they name no real trial
TEXTS = [
    "Methods\n\nAdults were randomly assigned to zorvalimab 40 mg weekly or placebo for 8 weeks.\n\n"
    "Results\n\nThe Quexley fatigue score fell by 3.2 points with zorvalimab (p = 0.01).\n",
    "Patients (n = 64) received either plimotrel 10 mg/day or matching placebo; at day 90 the "
    "Brandholm index improved more with plimotrel than with placebo (P<0.05).\n",
]


def read(tmp_path, text: str, name: str):
    from kg.extract import extract_all
    from kg.graph.build import build_quads
    from kg.readers import read as read_source

    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    document = read_source(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    return document, build_quads(document, ctx.facts, ctx.introduced_concepts())


@pytest.mark.parametrize("text", TEXTS)
def test_a_renewed_pipeline_forgets_a_papers_words_and_reads_it_the_same(text):
    nlp = get_nlp()
    before = [(e.text, e.label_, e.kb_id_) for e in nlp(text).ents]
    words = {t.lower_ for t in nlp(text) if t.is_alpha}
    assert words <= set(nlp.vocab.strings)  # spaCy keeps every word it has read...
    renew_nlp()
    fresh = get_nlp()
    assert fresh is not nlp
    assert {"quexley", "brandholm"}.isdisjoint(fresh.vocab.strings)  # ... until it is renewed
    assert [(e.text, e.label_, e.kb_id_) for e in fresh(text).ents] == before


def test_a_documents_own_iris_are_not_kept_after_its_graph_is_built(tmp_path):
    from kg.graph import build

    for i, text in enumerate(TEXTS):
        document, quads = read(tmp_path, text, f"paper-{i}")
        own = {t.value for q in quads for t in (q.subject, q.object) if hasattr(t, "value")
               and document.id in t.value and "/concept/" not in t.value}
        assert len(own) > 5  # the document, its sections, facts, evidence
        assert own.isdisjoint(build.N._cache)
    assert str(build.KG["inDocument"]) in build.N._cache  # the vocabulary's are made once


def test_a_renewed_pipeline_shares_the_dictionaries_and_lets_the_old_tokenizer_go():
    """The drug and disease table is one per process: a renewed pipeline does not read it again,
    and nothing kg caches keeps the old pipeline's tokenizer (and so its Vocab of every word
    it read) alive once the pipeline is renewed."""
    import gc
    import types

    nlp = get_nlp()
    table = nlp.get_pipe("kg_lexicon").vocabulary
    tokenizer = nlp.tokenizer
    nlp(TEXTS[0])
    del nlp
    renew_nlp()
    fresh = get_nlp()
    assert fresh.get_pipe("kg_lexicon").vocabulary is table
    gc.collect()
    holders = [r for r in gc.get_referrers(tokenizer) if isinstance(r, types.CellType)]
    assert holders == []  # (a closure over it in a cache kept it before)
