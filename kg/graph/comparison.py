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

Entity pages (tui.model) list restated facts once the same way: each document's graph states,
of its trials and of every concept a shown field of a fact names, one `kg:factLine` per
distinct fact ("role Kind field ...": `rows_query`, fields `ROW_FIELDS`). A page counts the
graphs stating each line (the documents stating the fact) with one index range per node;
the facts themselves, and their evidence, are found from a line's fields when a row is opened.
`kg:factLineCount` marks the graphs written with them (the roll-up's predicate counts tell
whether every document is).
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.graph.vocab import KG_NS, RDF_TYPE

LINE = KG_NS + "comparisonLine"
LINE_COUNT = KG_NS + "comparisonLineCount"
ROW = KG_NS + "factLine"
ROW_COUNT = KG_NS + "factLineCount"

FIELDS = {  # the properties a comparison reads of each kind of fact, by local name
    "DoseRegimen": ("drug", "doseValue", "doseUnitLabel", "route", "frequency", "duration", "arm", "role"),
    "Endpoint": ("name", "endpointKind", "timepoint"),
    "Result": ("measure", "value", "comparatorValue", "pValue"),
    "AdverseEvent": ("term", "count", "grade", "negated", "serious"),
}
# The fields an entity page shows of each kind of fact (tui.model.summarise), by local name:
# restated facts with the same values are one row of the page (`row_lines`).
ROW_FIELDS = {
    "TrialAttribute": ("attribute", "value"),
    "DoseRegimen": ("drug", "doseValue", "doseUnitLabel", "doseUnit", "route", "frequency", "duration", "arm",
                    "role"),
    "Endpoint": ("name", "endpointKind", "timepoint", "instrument"),
    "Result": ("measure", "value", "pValue", "pRelation", "timepoint", "instrument"),
    "AdverseEvent": ("term", "grade", "count", "serious", "negated", "hedged", "cited", "drug"),
    "MechanismFinding": ("agent", "relation", "target", "context", "negated", "hedged", "cited"),
    "Participant": ("participantLabel", "doseGroup", "responder"),
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


def rows_query() -> str:
    """Each fact's row signature (`ROW_FIELDS` and its trial, encoded as in `facts_query` but
    each property by its local name: a trial's page reads a line per fact and document) and
    the nodes an entity page lists it under: its trial (role ofTrial) and each concept a
    shown field names (role: the field's local name). One row per (node, role, kind, signature)."""
    types = " ".join(f"<{KG_NS}{t}>" for t in ROW_FIELDS)
    props = ", ".join(sorted({f"<{KG_NS}{p}>" for ps in ROW_FIELDS.values() for p in ps} | {f"<{_OF_TRIAL}>"}))
    field = (f'CONCAT(STRAFTER(STR(?p), "{KG_NS}"), "|", IF(isLiteral(?o), STR(DATATYPE(?o)), ""), "|", '
             'ENCODE_FOR_URI(STR(?o)))')
    return (f"SELECT DISTINCT ?node ?role ?type ?sig WHERE {{ {{ SELECT ?f ?type "
            f'(GROUP_CONCAT({field}; separator=" ") AS ?sig) WHERE {{ VALUES ?type {{ {types} }} '
            f"?f a ?type ; ?p ?o FILTER(?p IN ({props})) }} GROUP BY ?f ?type }} "
            f"?f ?r ?node FILTER(?r IN ({props}) && isIRI(?node)) "
            f'BIND(REPLACE(STR(?r), "^.*[#/]", "") AS ?role) }}')


def row_text(role: str, kind_iri: str, sig: str) -> str:
    """A row line as stored: the role of the node it is stated of, the kind, the sorted fields."""
    return f"{role} {line_text(kind_iri, sig)}"


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
_ROW_KINDS = _KINDS | {ox.NamedNode(KG_NS + k) for k in ROW_FIELDS}
_ROW_PROPS = _PROPS | {ox.NamedNode(KG_NS + p) for ps in ROW_FIELDS.values() for p in ps}


def lines(doc: ox.NamedNode, triples: list[tuple]) -> list[tuple]:
    """The triples a document's graph adds for the comparison and the entity pages: its trials'
    distinct comparison lines, the distinct row lines of the nodes its facts name
    (`kg:factLine`, `rows_query`), and the document's count of each, read by `facts_query` and
    `rows_query` from its own fact triples (only those: a few hundred quads in a store in
    memory, so that literals get the engine's lexical forms, the ones a query of the facts
    would give)."""
    facts = {s for s, p, o in triples if p == _OF_TRIAL_NODE}
    typed = {s for s, p, o in triples if p == _TYPE and o in _ROW_KINDS and s in facts}
    mini = ox.Store()
    # loaded as N-Triples text: a pyoxigraph Quad made per triple cost more than the query
    mini.load("".join(f"{s} {p} {o} .\n" for s, p, o in triples
                      if s in typed and (p in _ROW_PROPS or p == _OF_TRIAL_NODE or (p == _TYPE and o in _ROW_KINDS))
                      ).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    found = sorted({(row["t"].value, line_text(row["type"].value, row["sig"].value))
                    for row in mini.query(facts_query())})
    out = [(ox.NamedNode(t), ox.NamedNode(LINE), ox.Literal(text)) for t, text in found]
    out.append((doc, ox.NamedNode(LINE_COUNT), ox.Literal(str(len(found)), datatype=ox.NamedNode(_XSD_INTEGER))))
    rows = sorted({(row["node"].value, row_text(row["role"].value, row["type"].value, row["sig"].value))
                   for row in mini.query(rows_query())})
    out += [(ox.NamedNode(node), ox.NamedNode(ROW), ox.Literal(text)) for node, text in rows]
    out.append((doc, ox.NamedNode(ROW_COUNT), ox.Literal(str(len(rows)), datatype=ox.NamedNode(_XSD_INTEGER))))
    return out
