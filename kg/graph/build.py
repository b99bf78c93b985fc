"""Facts into RDF: one named graph per document, every fact with its provenance.

Each fact node has `prov:wasDerivedFrom` one W3C Web Annotation per evidence span
(source document, TextPositionSelector start/end, TextQuoteSelector exact/prefix/suffix,
section) and `prov:wasGeneratedBy` an extraction activity (kg version, extractor, rule,
time). Concepts are the lexicon's IRIs, so one drug is one node across papers. Fact IRIs
are hashes of their content, so re-ingesting the same text yields the same graph.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg import __version__
from kg.graph.namespaces import KG, KGC, KGD, OA, SCHEMA
from kg.identity import iri_segment, printable, source_path
from kg.lexicon import Concept
from kg.model import Document

if TYPE_CHECKING:  # spaCy is not imported by `kg query`, `kg facts`...: only ingest needs it
    from kg.extract.base import Fact

Triple = tuple[Any, Any, Any]

FACT_CLASS = {
    "trial": KG.TrialAttribute,
    "intervention": KG.DoseRegimen,
    "endpoint": KG.Endpoint,
    "result": KG.Result,
    "adverse_event": KG.AdverseEvent,
    "mechanism": KG.MechanismFinding,
    "participant": KG.Participant,
}
# facts-JSON field → (predicate, kind of value); "concept" values are lexicon IRIs
FIELDS: dict[str, dict[str, tuple[URIRef, str]]] = {
    "trial": {"attribute": (KG.attribute, "str"), "value": (KG.value, "any")},
    "intervention": {
        "drug": (KG.drug, "concept"), "dose_value": (KG.doseValue, "decimal"),
        "dose_unit": (KG.doseUnit, "concept"), "dose_unit_label": (KG.doseUnitLabel, "str"),
        "route": (KG.route, "concept"), "frequency": (KG.frequency, "str"), "duration": (KG.duration, "str"),
        "administrations": (KG.administrations, "int"), "arm": (KG.arm, "str"), "role": (KG.role, "str"),
    },
    "endpoint": {
        "name": (KG.name, "str"), "kind": (KG.endpointKind, "str"), "timepoint": (KG.timepoint, "str"),
        "instrument": (KG.instrument, "concept"),
    },
    "result": {
        "measure": (KG.measure, "str"), "value": (KG.value, "str"), "numeric_value": (KG.numericValue, "decimal"),
        "comparator_value": (KG.comparatorValue, "decimal"), "unit": (KG.unit, "str"),
        "p_value": (KG.pValue, "decimal"), "p_relation": (KG.pRelation, "str"), "p_text": (KG.pText, "str"),
        "sd": (KG.sd, "decimal"),
        "ci_low": (KG.ciLow, "decimal"), "ci_high": (KG.ciHigh, "decimal"), "timepoint": (KG.timepoint, "str"),
        "instrument": (KG.instrument, "concept"),
    },
    "adverse_event": {
        "term": (KG.term, "concept"), "count": (KG.count, "int"), "grade": (KG.grade, "int"),
        "serious": (KG.serious, "bool"), "negated": (KG.negated, "bool"),
        "related_to_drug": (KG.relatedToDrug, "bool"), "led_to_discontinuation": (KG.ledToDiscontinuation, "bool"),
        "drug": (KG.drug, "concept"),
    },
    "mechanism": {
        "agent": (KG.agent, "concept"), "relation": (KG.relation, "str"), "target": (KG.target, "concept"),
        "hedged": (KG.hedged, "bool"), "negated": (KG.negated, "bool"), "cited": (KG.cited, "bool"),
        "context": (KG.context, "str"), "citation": (KG.citation, "str"), "statement": (KG.statement, "str"),
    },
    "participant": {
        "label": (KG.participantLabel, "str"), "dose_group": (KG.doseGroup, "str"),
        "responder": (KG.responder, "bool"),
    },
}
TRIAL_DIRECT = {"registry_id": KG.registryId, "acronym": KG.acronym, "phase": KG.phase, "design": KG.design,
                "n_enrolled": KG.enrolled, "n_analysed": KG.analysed, "condition": KG.condition,
                "sponsor": KG.sponsor, "site": KG.site, "start_date": SCHEMA.startDate, "end_date": SCHEMA.endDate}


def graph_iri(doc_id: str) -> URIRef:
    return KGD[f"graph/{iri_segment(doc_id)}"]


def doc_iri(doc_id: str) -> URIRef:
    return KGD[f"doc/{iri_segment(doc_id)}"]


def _slug(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", s).strip("-") or "x"


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def literal(value: Any, kind: str) -> Literal | URIRef:
    """A typed literal (or concept IRI) for a field value."""
    if isinstance(value, Concept):
        return URIRef(value.iri)
    if kind == "decimal" or (kind == "any" and isinstance(value, float)):
        return Literal(Decimal(str(value)), datatype=XSD.decimal)
    if kind == "int" or (kind == "any" and isinstance(value, int) and not isinstance(value, bool)):
        return Literal(int(value), datatype=XSD.integer)
    if kind == "bool":
        return Literal(bool(value), datatype=XSD.boolean)
    return Literal(str(value))


def trial_iri(doc: Document, facts: list[Fact]) -> URIRef:
    """One trial node across papers: by registry ID, else acronym, else the document."""
    ids = [f.fields["value"] for f in facts if f.kind == "trial" and f.fields["attribute"] == "registry_id"]
    nct = [i for i in ids if i.startswith("NCT")]
    if nct or ids:
        return KGD[f"trial/{_slug((nct or ids)[0])}"]
    acr = [f.fields["value"] for f in facts if f.kind == "trial" and f.fields["attribute"] == "acronym"]
    return KGD[f"trial/{_slug(acr[0])}"] if acr else KGD[f"trial/doc-{iri_segment(doc.id)}"]


def build(doc: Document, facts: list[Fact], concepts: list[Concept] = ()) -> list[Triple]:
    """Every triple of a document's named graph: the document, its sections, facts, provenance."""
    now = Literal(datetime.now(UTC).replace(microsecond=0).isoformat(), datatype=XSD.dateTime)
    d = doc_iri(doc.id)
    out: list[Triple] = []
    add = out.append
    add((d, RDF.type, KG.Document))
    add((d, RDF.type, SCHEMA.ScholarlyArticle))
    add((d, KG.sha256, Literal(doc.sha256)))
    add((d, KG.kgVersion, Literal(__version__)))
    add((d, DCTERMS.identifier, Literal(doc.id)))
    add((d, KG.sourceFile, Literal(printable(doc.source_path.replace("\\", "/").split("/")[-1]))))
    add((d, KG.sourcePath, Literal(source_path(doc.source_path))))
    add((d, KG.sourceKind, Literal(doc.kind)))
    add((d, KG.text, Literal(doc.text)))
    m = doc.metadata
    if m.title:
        add((d, DCTERMS.title, Literal(m.title)))
    for key, pred in (("doi", KG.doi), ("journal", KG.journal), ("issn", KG.issn)):
        if getattr(m, key):
            add((d, pred, Literal(getattr(m, key))))
    if m.year:
        add((d, KG.year, Literal(m.year, datatype=XSD.integer)))
    if m.date:
        add((d, DCTERMS.date, Literal(m.date)))
    for a in m.authors:
        add((d, KG.authorName, Literal(a)))
    if m.authors:
        add((d, KG.authorCount, Literal(len(m.authors), datatype=XSD.integer)))
    for n, s in enumerate(doc.sections):
        si = URIRef(f"{d}/section/{n}")
        add((d, KG.hasSection, si))
        add((si, RDF.type, KG.Section))
        add((si, KG.sectionName, Literal(s.name)))
        add((si, KG.sectionKind, Literal(s.kind)))
        add((si, KG.start, Literal(s.start, datatype=XSD.integer)))
        add((si, KG.end, Literal(s.end, datatype=XSD.integer)))

    trial = trial_iri(doc, facts)
    if any(f.kind == "trial" for f in facts) or facts:
        add((trial, RDF.type, KG.Trial))
        add((trial, RDF.type, SCHEMA.MedicalTrial))
        add((trial, KG.describedBy, d))
    activities: dict[str, URIRef] = {}
    for f in facts:
        act = activities.get(f.rule)
        if act is None:
            act = activities[f.rule] = KGD[f"activity/{iri_segment(doc.id)}/{_slug(f.rule)}"]
            add((act, RDF.type, PROV.Activity))
            add((act, KG.extractor, Literal(f.extractor)))
            add((act, KG.rule, Literal(f.rule)))
            add((act, KG.kgVersion, Literal(__version__)))
            add((act, PROV.used, d))
            add((act, PROV.startedAtTime, now))
            add((act, PROV.wasAssociatedWith, KGD[f"agent/kg-{__version__}"]))
        out.extend(_fact_triples(doc, d, trial, f, act))
    for c in concepts:  # concepts a document introduces itself (e.g. an AE term only its table names)
        ci = URIRef(c.iri)
        add((ci, RDF.type, SKOS.Concept))
        add((ci, RDF.type, KG[c.kind]))
        add((ci, SKOS.prefLabel, Literal(c.label, lang="en")))
        add((ci, SKOS.inScheme, KGC["document-terms"]))
        if c.curie:  # a dictionary concept (DrugBank, MeSH) carries its public identifier
            add((ci, SKOS.notation, Literal(c.curie)))
    return out


def _fact_triples(doc: Document, d: URIRef, trial: URIRef, f: Fact, act: URIRef) -> list[Triple]:
    if f.kind == "participant":  # one node per patient, whichever tables list them
        fi = KGD[f"participant/{iri_segment(doc.id)}/{_slug(str(f.fields['label']))}"]
    else:
        key = [f.kind] + [f"{k}={_plain(v)}" for k, v in sorted(f.fields.items()) if not k.startswith("_")] + \
              [f"{e.start}:{e.end}" for e in f.evidence]
        fi = KGD[f"fact/{iri_segment(doc.id)}/{f.kind}-{_hash(*key)}"]
    out: list[Triple] = [(fi, RDF.type, FACT_CLASS[f.kind]), (fi, KG.inDocument, d),
                         (fi, PROV.wasGeneratedBy, act),
                         (fi, KG.confidence, Literal(Decimal(str(round(f.confidence, 3))), datatype=XSD.decimal))]
    if f.kind != "trial":
        out.append((fi, KG.ofTrial, trial))
    if f.surface:
        for s in dict.fromkeys([f.surface, *f.fields.get("_surfaces", [])]):
            out.append((fi, KG.surfaceText, Literal(s)))
    spec = FIELDS[f.kind]
    for name, value in f.fields.items():
        if value is None or name.startswith("_"):
            continue
        pred, kind = spec[name]
        out.append((fi, pred, literal(value, kind)))
    if f.kind == "trial":
        out.append((fi, KG.ofTrial, trial))
        pred = TRIAL_DIRECT[f.fields["attribute"]]
        out.append((trial, pred, literal(f.fields["value"], "any")))
    first = f.evidence[0].start if f.evidence else 0
    for n, ev in enumerate(f.evidence):
        out.extend(_evidence_triples(doc, d, fi, f"{first}-{n}", ev))
    for obs in f.fields.get("_observations", []):
        oi = URIRef(f"{fi}/observation/{obs['evidence'].start}")
        out += [(fi, KG.observation, oi), (oi, RDF.type, KG.Observation), (oi, KG.inDocument, d),
                (oi, PROV.wasGeneratedBy, act), (oi, KG.variable, Literal(obs["variable"])),
                (oi, KG.value, Literal(obs["value"]))]
        if obs.get("visit"):
            out.append((oi, KG.visit, Literal(obs["visit"])))
        out.extend(_evidence_triples(doc, d, oi, "0", obs["evidence"]))
    return out


def _plain(v: Any) -> str:
    return v.iri if isinstance(v, Concept) else str(v)


def _evidence_triples(doc: Document, d: URIRef, fi: URIRef, n: str, ev) -> list[Triple]:
    ann = URIRef(f"{fi}/evidence/{n}")
    target, pos, quote = URIRef(f"{ann}#target"), URIRef(f"{ann}#position"), URIRef(f"{ann}#quote")
    text = doc.text
    return [
        (fi, PROV.wasDerivedFrom, ann),
        (ann, RDF.type, OA.Annotation),
        (ann, OA.hasBody, fi),
        (ann, OA.hasTarget, target),
        (ann, KG.section, Literal(ev.section)),
        (target, RDF.type, OA.SpecificResource),
        (target, OA.hasSource, d),
        (target, OA.hasSelector, pos),
        (target, OA.hasSelector, quote),
        (pos, RDF.type, OA.TextPositionSelector),
        (pos, OA.start, Literal(ev.start, datatype=XSD.integer)),
        (pos, OA.end, Literal(ev.end, datatype=XSD.integer)),
        (quote, RDF.type, OA.TextQuoteSelector),
        (quote, OA.exact, Literal(text[ev.start:ev.end])),
        (quote, OA.prefix, Literal(text[max(0, ev.start - 32):ev.start])),
        (quote, OA.suffix, Literal(text[ev.end:ev.end + 32])),
    ]
