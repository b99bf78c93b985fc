"""The SPARQL the terminal UI runs, and the escaping that keeps user words out of its syntax.

User words (a drug typed in Ask, a filter) only ever enter a query through
`sparql_literal`; IRIs taken from the graph go through `sparql_iri`. Every query
here relies on the prefixes that the store pre-declares (kg.graph.namespaces.PREFIXES),
and `with_prefixes` spells them out for queries shown to or exported by the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.graph.namespaces import PREFIXES

_LITERAL_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')

FACT_CLASSES = ("kg:TrialAttribute", "kg:DoseRegimen", "kg:Endpoint", "kg:Result", "kg:AdverseEvent",
                "kg:MechanismFinding", "kg:Participant")
CONCEPT_KINDS = {"Drug": "drug", "Condition": "condition", "AdverseEventTerm": "adverse_event", "CellType": "cell",
                 "Cytokine": "cytokine", "Gene": "gene", "BiologicalProcess": "process"}
# how a question's verb maps to the relations mechanism findings record
RELATION_GROUPS: dict[str, tuple[str, ...]] = {
    "increase": ("increases", "expands", "activates", "induces"),
    "decrease": ("decreases", "inhibits", "suppresses"),
    "reduce": ("decreases", "inhibits", "suppresses"),
    "expand": ("expands",), "activate": ("activates",), "induce": ("induces",), "inhibit": ("inhibits",),
    "suppress": ("suppresses",), "modulate": ("modulates",),
    "affect": ("increases", "expands", "activates", "induces", "decreases", "inhibits", "suppresses", "modulates"),
}


def sparql_literal(value: str) -> str:
    """`value` as a double-quoted SPARQL string literal: quotes, backslashes and line breaks escaped.

    >>> sparql_literal('say "hi"\\n')
    '"say \\\\"hi\\\\"\\\\n"'
    """
    return '"' + "".join(_LITERAL_ESCAPES.get(ch, ch) for ch in value) + '"'


def sparql_iri(iri: str) -> str:
    """`<iri>` with the characters an IRIREF may not hold percent-encoded."""
    return "<" + _IRI_FORBIDDEN.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), iri) + ">"


def with_prefixes(query: str) -> str:
    """`query` preceded by PREFIX lines for the known prefixes it uses but does not declare."""
    declared = {m.lower() for m in re.findall(r"(?im)^\s*PREFIX\s+([\w.-]*):", query)}
    used = [p for p in PREFIXES if p not in declared and re.search(rf"(?<![\w?$:<]){re.escape(p)}:", query)]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used) + query


def values(var: str, iris: list[str]) -> str:
    """A VALUES block binding ?var to IRIs."""
    return f"VALUES ?{var} {{ {' '.join(sparql_iri(i) for i in iris)} }}"


# -- explorer -------------------------------------------------------------------------------
TRIALS = """SELECT ?t (SAMPLE(?ac) AS ?acronym) (SAMPLE(?ph) AS ?phase) (SAMPLE(?cl) AS ?condition)
       (COUNT(DISTINCT ?f) AS ?n) WHERE {
  ?t a kg:Trial .
  OPTIONAL { ?t kg:acronym ?ac }
  OPTIONAL { ?t kg:phase ?ph }
  OPTIONAL { ?t kg:condition/skos:prefLabel ?cl }
  OPTIONAL { ?f kg:ofTrial ?t }
} GROUP BY ?t"""

CONCEPTS = f"""SELECT ?c ?type (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?f) AS ?n) WHERE {{
  ?f kg:inDocument ?d ; ?p ?c . FILTER(isIRI(?c))
  ?c a skos:Concept ; a ?type ; skos:prefLabel ?l .
  FILTER(?type IN ({", ".join("kg:" + k for k in CONCEPT_KINDS)}))
}} GROUP BY ?c ?type"""

DOCUMENTS = """SELECT ?g ?d ?file (SAMPLE(?ti) AS ?title) (SAMPLE(?y) AS ?year) (COUNT(DISTINCT ?f) AS ?n) WHERE {
  GRAPH ?g { ?d a kg:Document ; kg:sourceFile ?file .
    OPTIONAL { ?d dcterms:title ?ti } OPTIONAL { ?d kg:year ?y } OPTIONAL { ?f kg:inDocument ?d } }
} GROUP BY ?g ?d ?file"""

def trial_details(trials: list[str]) -> str:
    """Acronym, phase and a condition of the given trials (the explorer's catalog)."""
    return f"""SELECT ?t (SAMPLE(?ac) AS ?acronym) (SAMPLE(?ph) AS ?phase) (SAMPLE(?cl) AS ?condition) WHERE {{
  {values("t", trials)}
  OPTIONAL {{ ?t kg:acronym ?ac }} OPTIONAL {{ ?t kg:phase ?ph }} OPTIONAL {{ ?t kg:condition/skos:prefLabel ?cl }}
}} GROUP BY ?t"""


def concept_details(concepts: list[str]) -> str:
    """Kind and label of the given IRIs that are concepts of a kind the explorer lists."""
    return f"""SELECT ?c ?type (SAMPLE(?l) AS ?label) WHERE {{
  {values("c", concepts)}
  ?c a ?type ; skos:prefLabel ?l .
  FILTER(?type IN ({", ".join("kg:" + k for k in CONCEPT_KINDS)}))
}} GROUP BY ?c ?type"""


FACT_COUNTS = f"""SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{
  ?f kg:inDocument ?d ; a ?type . FILTER(?type IN ({", ".join(FACT_CLASSES)}))
}}"""

# -- completion vocabulary ------------------------------------------------------------------
def classes(graphs: list[str]) -> str:
    """Classes for completion, from the given graphs (the ontology, the lexicon and one document:
    every document uses the same vocabulary), never from a scan of every triple in the store."""
    return (f"SELECT DISTINCT ?c WHERE {{ {values('g', graphs)} "
            "GRAPH ?g { { ?s a ?c } UNION { ?c a owl:Class } } }")


def properties(graphs: list[str]) -> str:
    """Properties for completion, from the given graphs (see `classes`)."""
    return (f"SELECT DISTINCT ?p WHERE {{ {values('g', graphs)} GRAPH ?g {{ {{ ?s ?p ?o }} UNION {{ ?p a ?k . "
            "FILTER(?k IN (owl:ObjectProperty, owl:DatatypeProperty, rdf:Property)) } } }")
LABELS = """SELECT ?c ?l ?rank WHERE { ?c a skos:Concept .
  { ?c skos:prefLabel ?l BIND(0 AS ?rank) } UNION { ?c skos:altLabel ?l BIND(1 AS ?rank) }
  UNION { ?c kg:abbreviation ?l BIND(2 AS ?rank) } }"""


# -- entity --------------------------------------------------------------------------------
def node_types(iri: str) -> str:
    return f"SELECT ?t WHERE {{ {sparql_iri(iri)} a ?t }}"


def node_properties(iri: str) -> str:
    """A node's own statements (a document's text and section list, and a trial's comparison
    lines, kg.graph.comparison: what the comparison screen shows, 100+ lines on a trial). Objects' labels
    come from the roll-up (tui.compare.concept_labels): a trial and its conditions are restated
    by every document graph about it, and a label join read each label once per graph. GROUP BY,
    not DISTINCT: the values of one property keep the order the page showed them in."""
    return f"""SELECT ?p ?o WHERE {{
  {sparql_iri(iri)} ?p ?o . FILTER(?p NOT IN (kg:text, kg:hasSection, kg:comparisonLine, kg:comparisonLineCount,
                     kg:factLine, kg:factLineCount))
}} GROUP BY ?p ?o ORDER BY ?p"""


def fact_properties(facts: list[str]) -> str:
    """Every property of the given facts (concepts as IRIs: their labels come from the roll-up)."""
    return f"""SELECT ?f ?type ?p ?o WHERE {{
  {values("f", facts)}
  ?f a ?type ; ?p ?o .
  FILTER(?type IN ({", ".join(FACT_CLASSES)}))
  FILTER(?p NOT IN (rdf:type, prov:wasDerivedFrom, prov:wasGeneratedBy, kg:inDocument, kg:confidence))
}}"""


def fact_evidence(facts: list[str]) -> str:
    """Each evidence annotation of the given facts: span, quote, section, document, extractor.
    The selectors are told apart by their properties, not by `a oa:...Selector`: a type
    pattern made the engine start from every selector in the store (~100x slower), and an
    OPTIONAL activity was matched against every activity (every fact has one: ARCHITECTURE.md 2)."""
    return f"""SELECT ?f ?doc ?start ?end ?exact ?section ?extractor ?rule ?version WHERE {{
  {values("f", facts)}
  ?f prov:wasDerivedFrom ?ann . ?ann kg:section ?section ; oa:hasTarget ?tgt .
  ?tgt oa:hasSource ?doc ; oa:hasSelector ?pos, ?quo .
  ?pos oa:start ?start ; oa:end ?end .
  ?quo oa:exact ?exact .
  ?f prov:wasGeneratedBy ?act . ?act kg:extractor ?extractor ; kg:rule ?rule ; kg:kgVersion ?version .
}} ORDER BY ?f ?start"""


# each branch starts from the drug (a UNION whose branch does not bind it first scans every AE)
_STUDY_DRUG_AE = """{{ ?f kg:drug {x} ; a kg:AdverseEvent ; kg:term ?link . }} UNION {{ {trials}
      ?f kg:ofTrial ?t ; a kg:AdverseEvent ; kg:term ?link . }}"""
_STUDY_TRIALS = '?dose kg:drug {x} ; a kg:DoseRegimen ; kg:ofTrial ?t ; kg:role "study" .'
_CONDITION_TRIALS = "?t kg:condition {x} ."
# no `a kg:AdverseEvent`: kg:term's domain (a type look-up per report of a common term)
_TERM_TRIALS = "?ae kg:term {x} ; kg:ofTrial ?t ."


def _trial_patterns(x: str, types: set[str]) -> str | None:
    """The patterns binding ?t to the trials an entity's groups join on: a drug's study trials,
    a condition's trials, the trials reporting an AE term; None for other kinds."""
    kg_types = {t.rsplit("#", 1)[-1] for t in types}
    if "Trial" in kg_types or "Document" in kg_types:
        return None
    if "Drug" in kg_types:
        return _STUDY_TRIALS.format(x=x)
    if "Condition" in kg_types:
        return _CONDITION_TRIALS.format(x=x)
    if "AdverseEventTerm" in kg_types:
        return _TERM_TRIALS.format(x=x)
    return None


def entity_trials(iri: str, types: set[str]) -> str | None:
    """The query of the trials `entity_groups` joins on (None: it joins on none). Reading them
    first and passing them back as VALUES lets the engine look up each trial's facts once:
    joined directly, a trial was repeated once per dose (or per document graph restating its
    condition), and each repeat read all the trial's facts again (40-50 ms of CPU a page for a
    common drug or condition on 1,105 papers); a DISTINCT sub-select instead made Oxigraph
    read every fact of the kind in the store."""
    patterns = _trial_patterns(sparql_iri(iri), types)
    return f"SELECT DISTINCT ?t WHERE {{ {patterns} }}" if patterns else None


def group_page(body: str, offset: int, limit: int) -> str:
    """One page of an entity group's (?f, ?link) pairs. No ORDER BY: the engine streams the
    anchored patterns and stops at the limit, where sorting first would read every fact of a
    common concept (the screen sorts the rows it shows; a read-only store answers in the
    same order each time, so OFFSET pages do not overlap)."""
    return f"SELECT DISTINCT ?f ?link WHERE {{ {body} }} LIMIT {limit} OFFSET {offset}"


def _of_class(cls: str, scan: frozenset[str] | set[str]) -> str:
    """The pattern typing ?f a fact of `cls`: a sub-select of every fact of the class when `cls`
    is in `scan`. Oxigraph otherwise looks up each of the anchor's facts' type (~7 us a fact:
    a trial restated by 16 papers has ~1,500 facts, and an empty group read them all); the
    sub-select is joined by hash and stops at the page (~0.3 us a fact of the class)."""
    return f"{{ SELECT ?f WHERE {{ ?f a kg:{cls} }} }} ?f" if cls in scan else f"?f a kg:{cls} ;"


def entity_groups(iri: str, types: set[str], trials: list[str] | None = None,
                  scan: frozenset[str] | set[str] = frozenset()) -> list[tuple[str, str, bool]]:
    """(title, group body binding ?f and ?link, one row per link) for the links of an entity of
    `types`; `group_page` makes a page's query of a body. `trials`: the answer of
    `entity_trials`, joined on as VALUES (without it, the patterns that find them). `scan`: the
    fact classes the groups of a trial or of a condition's trials start from (see `_of_class`;
    tui.model.classes_to_scan)."""
    x = sparql_iri(iri)
    if trials is not None:
        t_in = f"VALUES ?t {{ {' '.join(sparql_iri(t) for t in trials)} }}"
    else:
        t_in = _trial_patterns(x, types) or ""
    kg_types = {t.rsplit("#", 1)[-1] for t in types}
    sel = "{}".format
    if "Trial" in kg_types:
        return [(title, sel(f"{_of_class(cls, scan)} kg:ofTrial {x} . "
                            f"OPTIONAL {{ ?f {link} ?link . FILTER(isIRI(?link)) }}"), False)
                for title, cls, link in (("Attributes", "TrialAttribute", "kg:value"),
                                         ("Doses", "DoseRegimen", "kg:drug"),
                                         ("Endpoints", "Endpoint", "kg:instrument"),
                                         ("Results", "Result", "kg:instrument"),
                                         ("Adverse events", "AdverseEvent", "kg:term"),
                                         ("Mechanisms", "MechanismFinding", "kg:target"),
                                         ("Participants", "Participant", "kg:doseGroup"))]
    if "Document" in kg_types:
        return [(title, sel(f"?f a kg:{cls} ; kg:inDocument {x} . OPTIONAL {{ ?f kg:ofTrial ?link }}"), False)
                for title, cls in (("Trial attributes", "TrialAttribute"), ("Doses", "DoseRegimen"),
                                   ("Endpoints", "Endpoint"), ("Results", "Result"),
                                   ("Adverse events", "AdverseEvent"), ("Mechanisms", "MechanismFinding"),
                                   ("Participants", "Participant"))]
    if "Drug" in kg_types:
        return [
            ("Trials", sel(f"?f a kg:DoseRegimen ; kg:drug {x} ; kg:ofTrial ?link ."), True),
            ("Doses", sel(f"?f a kg:DoseRegimen ; kg:drug {x} ; kg:ofTrial ?link ."), False),
            ("Adverse events", sel(_STUDY_DRUG_AE.format(x=x, trials=t_in)), False),
            ("Mechanisms", sel(f"?f a kg:MechanismFinding ; kg:agent {x} ; kg:target ?link ."), False),
            ("Acted on by", sel(f"?f a kg:MechanismFinding ; kg:target {x} ; kg:agent ?link ."), False),
        ]
    if "Condition" in kg_types:
        return [
            ("Trials", sel(f"?f a kg:TrialAttribute ; kg:value {x} ; kg:ofTrial ?link ."), True),
            ("Drugs tested", sel(f"{t_in} {_of_class('DoseRegimen', scan)} kg:ofTrial ?t ; kg:drug ?link ."), True),
        ]
    if "AdverseEventTerm" in kg_types:
        return [
            ("Reports", sel(f"?f a kg:AdverseEvent ; kg:term {x} ; kg:ofTrial ?link ."), False),
            # the trials read first (`entity_trials`): joined directly, each trial came once per
            # report of the term (the top term of 976 papers: 119 trials, reports of each by 16
            # papers), and its doses were read again each time (33-48 ms CPU a page, 14-24 now)
            ("Drugs of those trials", sel(f"{t_in} ?f kg:ofTrial ?t ; kg:role \"study\" ; a kg:DoseRegimen ;"
                                          f" kg:drug ?link ."), True),
        ]
    return [
        ("Acted on by", sel(f"?f a kg:MechanismFinding ; kg:target {x} ; kg:agent ?link ."), False),
        ("Acts on", sel(f"?f a kg:MechanismFinding ; kg:agent {x} ; kg:target ?link ."), False),
        ("Mentioned by", sel(f"?f kg:inDocument ?d ; ?p {x} . FILTER(?p NOT IN (kg:agent, kg:target)) "
                             f"OPTIONAL {{ ?f kg:ofTrial ?link }}"), False),
    ]


# -- neighbourhood ---------------------------------------------------------------------------
CO_MENTIONS = """SELECT ?d ?f ?c ?start ?end WHERE {
  ?f kg:inDocument ?d ; ?p ?c . FILTER(?p IN (kg:agent, kg:target, kg:term, kg:drug, kg:value, kg:condition))
  ?c a skos:Concept .
  ?f prov:wasDerivedFrom/oa:hasTarget/oa:hasSelector ?pos .
  ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
}"""


# -- entity pages from the rows each document states (kg.graph.comparison.rows_query) ---------
@dataclass(frozen=True)
class LineGroup:
    """An entity group listed from the stored row lines (`kg:factLine`): one row per distinct
    fact, whichever documents restate it. `sources`: (node, line prefix: "role Kind ") pairs
    whose lines the group lists; `skip`: roles left out (a prefix of "" takes every role);
    `link`: the field whose IRI a row links to."""

    sources: tuple[tuple[str, str], ...]
    link: str
    skip: tuple[str, ...] = ()

    def takes(self, node: str, line: str) -> bool:
        return any(node == n and line.startswith(p) for n, p in self.sources) and \
            not any(line.startswith(r + " ") for r in self.skip)


def line_groups(iri: str, types: set[str], trials: list[str] | None = None) -> list[tuple[str, LineGroup]] | None:
    """(title, LineGroup) of the groups an entity page lists from row lines, in the page's
    order; groups merged by link and documents keep `entity_groups`. None: no such group.
    `trials`: a drug's study trials (`entity_trials`), whose adverse events its page lists."""
    kg_types = {t.rsplit("#", 1)[-1] for t in types}
    if "Document" in kg_types:
        return None
    if "Trial" in kg_types:
        return [(title, LineGroup(((iri, f"ofTrial {cls} "),), link))
                for title, cls, link in (("Attributes", "TrialAttribute", "value"), ("Doses", "DoseRegimen", "drug"),
                                         ("Endpoints", "Endpoint", "instrument"), ("Results", "Result", "instrument"),
                                         ("Adverse events", "AdverseEvent", "term"),
                                         ("Mechanisms", "MechanismFinding", "target"),
                                         ("Participants", "Participant", "doseGroup"))]
    if "Drug" in kg_types:
        aes = ((iri, "drug AdverseEvent "),) + tuple((t, "ofTrial AdverseEvent ") for t in trials or ())
        return [("Doses", LineGroup(((iri, "drug DoseRegimen "),), "ofTrial")),
                ("Adverse events", LineGroup(aes, "term")),
                ("Mechanisms", LineGroup(((iri, "agent MechanismFinding "),), "target")),
                ("Acted on by", LineGroup(((iri, "target MechanismFinding "),), "agent"))]
    if "Condition" in kg_types:
        return None
    if "AdverseEventTerm" in kg_types:
        return [("Reports", LineGroup(((iri, "term AdverseEvent "),), "ofTrial"))]
    return [("Acted on by", LineGroup(((iri, "target MechanismFinding "),), "agent")),
            ("Acts on", LineGroup(((iri, "agent MechanismFinding "),), "target")),
            ("Mentioned by", LineGroup(((iri, ""),), "ofTrial", ("agent", "target")))]


def _lines_of(nodes: list[str], count: str = "n") -> str:
    """The distinct row lines stated of the given nodes and how many documents state each: one
    index range per node (a trial restated by 16 papers: ~1,500 quads), grouped by the encoded
    line so that each line's text is decoded once (a string function on every quad decoded each
    copy: 15x slower)."""
    return (f"SELECT ?a ?line (COUNT(DISTINCT ?g) AS ?{count}) WHERE {{ {values('a', nodes)} "
            f"GRAPH ?g {{ ?a kg:factLine ?line }} }} GROUP BY ?a ?line")


def node_lines(nodes: set[str]) -> str:
    """Every row line stated of the given nodes, with the number of documents stating it."""
    return _lines_of(sorted(nodes))


# a row line's field of a fact stated as absent: such rows come after the others, page after page
NEGATED = "negated|http://www.w3.org/2001/XMLSchema#boolean|true"


def line_page(group: LineGroup, offset: int, limit: int) -> str:
    """One page of a LineGroup's distinct facts ("Kind fields" keys; those stated as absent
    last, else in key order) and the number of documents stating each (a fact listed under two
    of the group's nodes is stated by the same documents under both)."""
    pairs = " ".join(f"({sparql_iri(n)} {sparql_literal(p)})" for n, p in group.sources)
    skip = "".join(f" && !STRSTARTS(?line, {sparql_literal(r + ' ')})" for r in group.skip)
    return f"""SELECT ?key (MAX(?count) AS ?n) WHERE {{
  {{ {_lines_of(sorted({n for n, _p in group.sources}), "count")} }}
  VALUES (?a ?prefix) {{ {pairs} }} FILTER(STRSTARTS(?line, ?prefix){skip})
  BIND(STRAFTER(?line, " ") AS ?key) }} GROUP BY ?key ORDER BY CONTAINS(?key, {sparql_literal(NEGATED)}) ?key
LIMIT {limit} OFFSET {offset}"""


def facts_of_line(kind: str, patterns: list[str]) -> str:
    """The facts of a kind with every given (predicate object) pattern, and their row
    signatures (kg.graph.comparison.rows_query's), to keep those whose fields are exactly a row's."""
    from kg.graph.comparison import ROW_FIELDS
    from kg.graph.vocab import KG_NS

    props = ", ".join(sorted({f"kg:{p}" for ps in ROW_FIELDS.values() for p in ps} | {"kg:ofTrial"}))
    field = (f'CONCAT(STRAFTER(STR(?p), "{KG_NS}"), "|", IF(isLiteral(?o), STR(DATATYPE(?o)), ""), "|", '
             'ENCODE_FOR_URI(STR(?o)))')
    return f"""SELECT ?f (GROUP_CONCAT({field}; separator=" ") AS ?sig) WHERE {{
  {{ SELECT DISTINCT ?f WHERE {{ ?f {" ; ".join(patterns)} ; a kg:{kind} }} }}
  ?f ?p ?o FILTER(?p IN ({props})) }} GROUP BY ?f"""
