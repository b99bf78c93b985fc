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
