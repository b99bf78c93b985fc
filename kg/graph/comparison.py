"""The lines two trials are compared by, written at ingest into each document's graph.

The TUI's comparison (tui/compare.py) shows of each trial its doses, endpoints, results and
adverse events, one line per distinct fact. Read from the facts, it costs O(facts of the trial):
a trial restated by 16 papers has ~1,500 facts and ~10 fields each to read before identical
lines are merged. So each document's graph also states, per trial, the distinct signatures of
its facts (`?trial kg:comparisonLine "Kind field field ..."`): the same SPARQL that reads them
from the facts, run at build time over this document's own triples, so what is written is
derived from the facts, never from an extractor's objects. A reader asks for the DISTINCT
lines of a trial: one index scan of a few quads per restating document, decoded once per
distinct line. Being part of the document's graph, the lines are written, replaced and removed
with it (a crash leaves them whole or absent like the rest of the graph).

`kg:comparisonLineCount` on the document marks a graph that states them (zero included), so
that a reader can tell, from the store's roll-up, the trials whose every document does; a
trial some older document states without them is compared from its facts.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.graph.vocab import KG_NS, RDF_TYPE

LINE = KG_NS + "comparisonLine"
LINE_COUNT = KG_NS + "comparisonLineCount"

FIELDS = {  # the properties a comparison reads of each kind of fact, by local name
    "DoseRegimen": ("drug", "doseValue", "doseUnitLabel", "route", "frequency", "duration", "arm", "role"),
    "Endpoint": ("name", "endpointKind", "timepoint"),
    "Result": ("measure", "value", "comparatorValue", "pValue"),
    "AdverseEvent": ("term", "count", "grade", "negated", "serious"),
}
_OF_TRIAL = KG_NS + "ofTrial"
_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def facts_query(values: str = "") -> str:
    """Each fact's signature, one row per distinct (trial, kind, signature): every field a
    comparison shows of a dose, endpoint, result or AE joined into one string (`split_line`
    and tui.compare read it back). `values` is a SPARQL VALUES clause naming ?t, or nothing
    for every trial. Property | datatype ("" for an IRI) | value percent-encoded: no space nor
    "|" inside a field."""
    types = " ".join(f"<{KG_NS}{t}>" for t in FIELDS)
    props = ", ".join(sorted({f"<{KG_NS}{p}>" for ps in FIELDS.values() for p in ps}))
    field = 'CONCAT(STR(?p), "|", IF(isLiteral(?o), STR(DATATYPE(?o)), ""), "|", ENCODE_FOR_URI(STR(?o)))'
    return (f"SELECT DISTINCT ?t ?type ?sig WHERE {{ {{ SELECT ?t ?f ?type "
            f'(GROUP_CONCAT({field}; separator=" ") AS ?sig) WHERE {{ {values} VALUES ?type {{ {types} }} '
            f"?f <{_OF_TRIAL}> ?t ; a ?type ; ?p ?o FILTER(?p IN ({props})) }} GROUP BY ?t ?f ?type }} }}")


def line_text(kind_iri: str, sig: str) -> str:
    """A line as stored: the fact's kind (local name), a space, its fields sorted (one order
    whatever order the engine joined them in: the same graph for the same source)."""
    return kind_iri.rsplit("#", 1)[-1] + " " + " ".join(sorted(sig.split(" ")))


def split_line(text: str) -> tuple[str, str]:
    """(kind, signature) of a stored line."""
    kind, _sep, sig = text.partition(" ")
    return kind, sig


_TYPE = ox.NamedNode(RDF_TYPE)
_KINDS = {ox.NamedNode(KG_NS + k) for k in FIELDS}
_PROPS = {ox.NamedNode(KG_NS + p) for ps in FIELDS.values() for p in ps}
_OF_TRIAL_NODE = ox.NamedNode(_OF_TRIAL)


def lines(doc: ox.NamedNode, triples: list[tuple]) -> list[tuple]:
    """The triples a document's graph adds for the comparison: its trials' distinct lines and
    the document's line count, read by `facts_query` from its own fact triples (only those:
    a few hundred quads in a store in memory, so that literals get the engine's lexical forms,
    the ones a query of the facts would give)."""
    facts = {s for s, p, o in triples if p == _OF_TRIAL_NODE}
    typed = {s for s, p, o in triples if p == _TYPE and o in _KINDS and s in facts}
    mini = ox.Store()
    mini.extend([ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in triples
                 if s in typed and (p in _PROPS or p == _OF_TRIAL_NODE or (p == _TYPE and o in _KINDS))])
    found = sorted({(row["t"].value, line_text(row["type"].value, row["sig"].value))
                    for row in mini.query(facts_query())})
    out = [(ox.NamedNode(t), ox.NamedNode(LINE), ox.Literal(text)) for t, text in found]
    out.append((doc, ox.NamedNode(LINE_COUNT), ox.Literal(str(len(found)), datatype=ox.NamedNode(_XSD_INTEGER))))
    return out
