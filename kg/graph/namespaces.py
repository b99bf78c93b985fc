"""IRIs of kg's own vocabulary, as DefinedNamespaces so that a typo is an error.

`ontology/kg.ttl` defines every term listed here; a test checks that both agree.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.graph.vocab import BASE, PREFIXES, sparql_prefixes  # noqa: F401 - re-exported


class KG(DefinedNamespace):
    """kg's ontology: classes and properties of trial facts."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # documents and structure
    Document: URIRef
    Section: URIRef
    sha256: URIRef
    kgVersion: URIRef
    sourceFile: URIRef
    sourcePath: URIRef
    sourceKind: URIRef
    text: URIRef
    hasSection: URIRef
    sectionName: URIRef
    sectionKind: URIRef
    start: URIRef
    end: URIRef
    doi: URIRef
    journal: URIRef
    issn: URIRef
    year: URIRef
    authorName: URIRef
    authorCount: URIRef
    inDocument: URIRef
    section: URIRef
    # fact classes
    Fact: URIRef
    Trial: URIRef
    TrialAttribute: URIRef
    DoseRegimen: URIRef
    Endpoint: URIRef
    Result: URIRef
    AdverseEvent: URIRef
    MechanismFinding: URIRef
    Participant: URIRef
    Observation: URIRef
    # concept classes (lexicon)
    Concept: URIRef
    Drug: URIRef
    Condition: URIRef
    CellType: URIRef
    Cytokine: URIRef
    Gene: URIRef
    BiologicalProcess: URIRef
    AdverseEventTerm: URIRef
    Unit: URIRef
    Route: URIRef
    StudyDesign: URIRef
    Instrument: URIRef
    abbreviation: URIRef
    # trial
    describedBy: URIRef
    registryId: URIRef
    acronym: URIRef
    phase: URIRef
    design: URIRef
    enrolled: URIRef
    analysed: URIRef
    condition: URIRef
    sponsor: URIRef
    site: URIRef
    ofTrial: URIRef
    comparisonLine: URIRef  # derived at ingest: kg.graph.comparison
    comparisonLineCount: URIRef
    factLine: URIRef  # derived at ingest: kg.graph.comparison.rows_query
    factLineCount: URIRef
    attribute: URIRef
    value: URIRef
    # interventions
    drug: URIRef
    doseValue: URIRef
    doseMin: URIRef
    doseMax: URIRef
    doseUnit: URIRef
    doseUnitLabel: URIRef
    route: URIRef
    frequency: URIRef
    duration: URIRef
    administrations: URIRef
    arm: URIRef
    role: URIRef
    # endpoints and results
    name: URIRef
    endpointKind: URIRef
    timepoint: URIRef
    instrument: URIRef
    measure: URIRef
    numericValue: URIRef
    comparatorValue: URIRef
    numericComparatorValue: URIRef
    unit: URIRef
    pValue: URIRef
    pRelation: URIRef
    pText: URIRef
    comparison: URIRef
    resultGroup: URIRef
    ciLow: URIRef
    ciHigh: URIRef
    sd: URIRef
    # adverse events
    term: URIRef
    count: URIRef
    grade: URIRef
    serious: URIRef
    negated: URIRef
    relatedToDrug: URIRef
    ledToDiscontinuation: URIRef
    # mechanisms
    agent: URIRef
    relation: URIRef
    target: URIRef
    hedged: URIRef
    cited: URIRef
    context: URIRef
    statement: URIRef
    agentText: URIRef
    citation: URIRef
    # participants
    participantLabel: URIRef
    doseGroup: URIRef
    observation: URIRef
    variable: URIRef
    visit: URIRef
    responder: URIRef
    # common to facts
    surfaceText: URIRef
    confidence: URIRef
    extractor: URIRef
    rule: URIRef
    # the store's registry graph
    ingestState: URIRef
    ingestSummary: URIRef


class OA(DefinedNamespace):
    """The W3C Web Annotation vocabulary terms kg uses."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    Annotation: URIRef
    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    describing: URIRef


KGC = Namespace(BASE + "concept/")  # lexicon concepts: one IRI per concept across papers
KGD = Namespace(BASE + "data/")  # documents, facts, graphs, activities
SCHEMA = Namespace("https://schema.org/")
OBO = Namespace("http://purl.obolibrary.org/obo/")
