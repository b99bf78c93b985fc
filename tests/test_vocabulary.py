"""The drug and disease vocabulary read from the field's dictionaries (kg/vocabulary.py).

Sentences are written for these tests; they check what is recognised, with which public
identifier, what ordinary English is left alone, that the lexicon keeps its own concepts,
and that the compiled table is cached.
"""

from __future__ import annotations

import numpy
import pytest

from kg import vocabulary
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp, tokenizer_version
from kg.vocabulary import natural_order, rules, singular, variant_mode


def concepts(text: str) -> list[tuple[str, str, str, str | None]]:
    """(surface, kind, label, CURIE) of every concept span, lexicon and dictionary alike."""
    doc = get_nlp()(text)
    lex = load_lexicon()
    return [(sp.text, sp.label_, lex.concepts[sp.kb_id_].label, lex.concepts[sp.kb_id_].curie)
            for sp in doc.spans["concepts"]]


def by_surface(text: str) -> dict[str, tuple[str, str, str | None]]:
    return {s: (k, label, curie) for s, k, label, curie in concepts(text)}


@pytest.mark.parametrize("text", [
    "Patients were switched to sitagliptin and lisinopril.",
    "SITAGLIPTIN was compared with Lisinopril in an open trial.",
])
def test_drugs_the_lexicon_lacks_come_with_their_drugbank_ids(text):
    found = {label: curie for _s, kind, label, curie in concepts(text) if kind == "Drug"}
    assert found == {"sitagliptin": "DRUGBANK:DB01261", "lisinopril": "DRUGBANK:DB00722"}


@pytest.mark.parametrize("text", [
    "Volunteers inhaled mannitol before the test and drank coffee containing caffeine.",
    "Caffeine was given after mannitol; Potassium and glucose in serum were measured.",
])
def test_drugs_the_dictionary_names_only_as_records_are_read_but_measured_substances_are_not(text):
    found = {label.lower(): curie for _s, kind, label, curie in concepts(text) if kind == "Drug"}
    assert found == {"mannitol": "DRUGBANK:DB00742", "caffeine": "DRUGBANK:DB00201"}


@pytest.mark.parametrize("text, surface", [
    ("Adults with visceral leishmaniasis were treated.", "visceral leishmaniasis"),
    ("Kala-azar (visceral leishmaniasis) remains common in the region.", "visceral leishmaniasis"),
])
def test_diseases_come_with_mesh_ids_and_labels_in_reading_order(text, surface):
    kind, label, curie = by_surface(text)[surface]
    assert (kind, label, curie) == ("Condition", "visceral leishmaniasis", "MESH:D007898")


def test_a_plural_mesh_heading_reads_in_the_singular():
    assert by_surface("Adults living with HIV infection were enrolled.")["HIV infection"][1] == "HIV infection"
    assert singular("HIV infections", {"hiv infection"}) == "HIV infection"
    assert singular("measles", set()) == "measles"


def test_the_lexicon_keeps_its_own_concepts_and_ids():
    for text in ("Patients with systemic lupus erythematosus received tocilizumab.",
                 "In systemic lupus erythematosus, tocilizumab was given monthly."):
        found = by_surface(text)
        lupus = [c for c in concepts(text) if c[0] == "systemic lupus erythematosus"]
        assert [c[3] for c in lupus] == [found["systemic lupus erythematosus"][2]]  # one reading: the lexicon's
        assert lupus[0][3].startswith("MONDO:")
        assert not (found["tocilizumab"][2] or "").startswith("DRUGBANK:")


@pytest.mark.parametrize("text", [
    "All of them lead busy lives, and hearing aids may iron out the shock of a diagnosis.",
    "It was all in vain: the ace of the team had a fever of ambition and a burn of regret.",
])
def test_ordinary_english_is_not_a_drug_or_disease(text):
    assert [c for c in concepts(text) if c[1] in ("Drug", "Condition")] == []


@pytest.mark.parametrize("text, surface", [
    ("Patients with AIDS were excluded.", "AIDS"),
    ("Those with COPD were excluded.", "COPD"),
])
def test_short_forms_are_read_where_written_in_capitals(text, surface):
    assert by_surface(text)[surface][0] == "Condition"
    assert surface.lower() not in by_surface(text.replace(surface, surface.lower()))


def test_variant_rules():
    r = rules()
    assert variant_mode("lead", r) == "upper"  # an English word: only its capitalised abbreviation
    assert variant_mode("anxiety", r) is None  # a longer English word: never
    assert variant_mode("ab", r) is None  # too short
    assert variant_mode("dmso", r) == "upper"  # an abbreviation
    assert variant_mode("acne", r) == "fold"  # a short English word that names the disease
    assert variant_mode("stroke", r) == "fold"  # a common word kept as a domain word
    assert variant_mode("visceral leishmaniasis", r) == "fold"


def test_mesh_headings_in_reading_order():
    assert natural_order("Leishmaniasis, Visceral") == "visceral leishmaniasis"
    assert natural_order("Pulmonary Disease, Chronic Obstructive") == "chronic obstructive pulmonary disease"
    assert natural_order("BCG Vaccine") == "BCG vaccine"


def test_the_compiled_table_is_cached_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    vocabulary._load.cache_clear()
    tok = get_nlp().tokenizer

    def tokenize(texts):
        return [[t.text for t in d] for d in tok.pipe(texts)]

    try:
        first = vocabulary.load_vocabulary(tokenize, tokenizer_version())
        files = list(tmp_path.glob("vocabulary-*.npz"))
        assert len(files) == 1
        assert len(first.entries) > 15000 and len(first.keys) > 100000
        vocabulary._load.cache_clear()
        calls = []
        second = vocabulary.load_vocabulary(lambda texts: calls.append(texts) or tokenize(texts), tokenizer_version())
        assert calls == []  # read from the cache, nothing tokenised again
        assert all(numpy.array_equal(a, second.arrays()[k]) for k, a in first.arrays().items())
        with numpy.load(files[0], allow_pickle=False) as f:  # plain arrays: no pickle to trust
            assert set(f.files) == set(first.arrays())
    finally:
        vocabulary._load.cache_clear()


def test_a_dictionary_concept_enters_the_graph_with_its_curie(tmp_path):
    from rdflib.namespace import SKOS

    from kg.extract import extract_all
    from kg.graph.build import build
    from kg.readers import read

    path = tmp_path / "p.txt"
    path.write_text("A made-up trial\n\nMethods\n\nAdults were randomly assigned to sitagliptin 100 mg daily or "
                    "placebo.\n", encoding="utf-8")
    document = read(path)
    ctx = extract_all(document, get_nlp()(document.text), load_lexicon())
    triples = build(document, ctx.facts, ctx.introduced_concepts())
    # build gives pyoxigraph terms
    notations = {o.value for _s, p, o in triples if p.value == str(SKOS.notation)}
    assert "DRUGBANK:DB01261" in notations
    assert any(p.value == str(SKOS.prefLabel) and (o.value, o.language) == ("sitagliptin", "en")
               for _s, p, o in triples)


def test_the_longest_dictionary_sequence_is_found_at_every_position():
    from spacy.strings import hash_string

    from kg.vocabulary import Entry, Vocabulary

    def seq(text):
        return tuple(hash_string(w) for w in text.split())

    entries = [Entry("Condition", name, f"MESH:D{i}", f"urn:x:{i}") for i, name in
               enumerate(["renal failure", "acute renal failure", "renal", "zorbitide"])]
    table = {seq("renal failure"): (0, False), seq("acute renal failure"): (1, False),
             seq("renal"): (2, True), seq("zorbitide"): (3, False)}
    vocab = Vocabulary.from_table(entries, table)
    words = "patients with acute renal failure or renal disease took zorbitide".split()
    found = vocab.longest(numpy.array([hash_string(w) for w in words], dtype=numpy.uint64))
    # (start, length, entry, upper case required): the longest sequence at each start
    assert found == [(2, 3, 1, False), (3, 2, 0, False), (6, 1, 2, True), (9, 1, 3, False)]
    assert vocab.entries[1].label == "acute renal failure" and vocab.entries[3].iri == "urn:x:3"
    # a sequence cut off by the end of the text is not matched; a lone prefix word still is
    assert vocab.longest(numpy.array([hash_string("acute")], dtype=numpy.uint64)) == []
    assert vocab.longest(numpy.array([hash_string(w) for w in ["acute", "renal"]], dtype=numpy.uint64)) == \
        [(1, 1, 2, True)]
    assert vocab.longest(numpy.zeros(0, dtype=numpy.uint64)) == []
