"""`kg facts` reads evidence by index scans of a document's graph; the SPARQL query it
replaced (kept in kg.graph.facts as the reference) gives the same rows, in the same order."""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox
from conftest import CORPUS_FILES, doc_id

from kg.graph import facts as F
from kg.graph.store import GraphStore
from kg.graph.vocab import graph_iri


def test_evidence_by_scans_equals_the_sparql_reference(corpus_location):
    with GraphStore(corpus_location, read_only=True) as store:
        total = 0
        for path in CORPUS_FILES:
            g = graph_iri(doc_id(path))
            reference = defaultdict(list)
            for r in store.ox_query(F._in_graph(F._EVIDENCE, g)):
                reference[r["f"].value].append({"start": int(r["start"].value), "end": int(r["end"].value),
                                                "text": r["exact"].value, "section": r["section"].value})
            graph = ox.NamedNode(g)

            def scan(pred, obj=None, graph=graph):
                return store.ox.quads_for_pattern(None, ox.NamedNode(pred), obj and ox.NamedNode(obj), graph)

            in_doc = {q.subject.value for q in scan(F.KG.inDocument)}
            assert F._read_evidence(scan, in_doc) == reference
            total += sum(map(len, reference.values()))
        assert total > 100


def test_fields_by_scans_equal_the_sparql_reference(corpus_store):
    """Each fact's kind, fields, confidence and surface texts (as a set: their order is the
    index's) read by scans are what the _FACTS query returns."""
    with GraphStore(corpus_store.path, read_only=True) as store:
        checked = 0
        for path in CORPUS_FILES:
            g = graph_iri(doc_id(path))
            kinds, fields, surfaces = {}, defaultdict(dict), defaultdict(set)
            for r in store.ox_query(F._in_graph(F._FACTS, g)):
                f, kind, pred = r["f"].value, F._KIND_OF_CLASS[r["type"].value], r["p"].value
                kinds[f] = kind
                if pred == F.KG.surfaceText:
                    surfaces[f].add(r["o"].value)
                elif pred == F.KG.confidence:
                    fields[f]["confidence"] = F._py(r["o"])
                elif pred in F._FIELD_OF_PRED[kind]:
                    fields[f][F._FIELD_OF_PRED[kind][pred]] = F._py(r["o"])
            _row, (facts, got_kinds, got_surfaces), _ev, used = F.read_graph(store, g, {})
            assert got_kinds == kinds
            assert facts == fields
            assert {f: set(s) for f, s in got_surfaces.items()} == surfaces
            assert list(facts) == sorted(facts)  # IRI order, as the reference's ORDER BY ?f
            assert used and all(iri.startswith("http") for iri in used)
            checked += len(facts)
        assert checked > 100
