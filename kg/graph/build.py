"""Facts into RDF: one named graph per document, every fact with its provenance.

Each fact node has `prov:wasDerivedFrom` one W3C Web Annotation per evidence span
(section; target: source document, TextPositionSelector start/end, TextQuoteSelector exact),
shared by every fact read from that span, and `prov:wasGeneratedBy` an extraction activity
(kg version, extractor, rule, time), one per document and rule. Concepts are the lexicon's
IRIs, so one drug is one node across papers. Fact IRIs are hashes of their content, so
re-ingesting the same text yields the same graph.

Terms are built as pyoxigraph terms directly (no rdflib term per value, no conversion at
write time): converting rdflib terms cost ~10 % of an ingest's CPU.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import RDF, XSD, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg import __version__
from kg.graph import comparison, schema, vocab
from kg.graph.namespaces import KG, KGC, KGD, OA, SCHEMA
from kg.graph.vocab import KG_NS, KGD_NS
from kg.identity import iri_segment, printable, source_path
from kg.lexicon import Concept
from kg.model import Document

if TYPE_CHECKING:  # spaCy is not imported by `kg query`, `kg facts`...: only ingest needs it
    from kg.extract.base import Fact

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]

# the tables live rdflib-free in kg.graph.schema (kg facts reads them); here as rdflib IRIs
FACT_CLASS: dict[str, URIRef] = {k: URIRef(v) for k, v in schema.FACT_CLASS.items()}
FIELDS: dict[str, dict[str, tuple[URIRef, str]]] = {
    kind: {name: (URIRef(pred), t) for name, (pred, t) in spec.items()} for kind, spec in schema.FIELDS.items()}
TRIAL_DIRECT: dict[str, URIRef] = {k: URIRef(v) for k, v in schema.TRIAL_DIRECT.items()}


def graph_iri(doc_id: str) -> URIRef:
    return URIRef(vocab.graph_iri(doc_id))


def doc_iri(doc_id: str) -> URIRef:
    return URIRef(vocab.doc_iri(doc_id))


_slug = vocab.slug


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


class _Terms:
    """pyoxigraph NamedNodes of the vocabulary and of concepts, made once for the process:
    `N(str(KG["drug"]))`. A document's own IRIs (the document, its sections, facts,
    activities, evidence) are made with `ox.NamedNode` directly: kept here, they grew with
    every paper for as long as the process lived (~5,000 objects a paper)."""

    def __init__(self) -> None:
        self._cache: dict[str, ox.NamedNode] = {}

    def __call__(self, iri: str) -> ox.NamedNode:
        node = self._cache.get(iri)
        if node is None:
            node = self._cache[iri] = ox.NamedNode(iri)
        return node


N = _Terms()


def kg_term(name: str) -> ox.NamedNode:
    """kg:name as the process's one NamedNode of it (an rdflib `KG[name]` and its string per
    triple cost ~5 % of building a graph)."""
    return N(KG_NS + name)


_XSD_DECIMAL, _XSD_INTEGER, _XSD_BOOLEAN, _XSD_DATETIME = (
    ox.NamedNode(str(x)) for x in (XSD.decimal, XSD.integer, XSD.boolean, XSD.dateTime))
TYPE = N(str(RDF.type))
_GENERATED_BY = N(str(PROV.wasGeneratedBy))


def _decimal(value: Any) -> ox.Literal:
    # fixed-point lexical form, as rdflib writes an xsd:decimal ('1E+1' → '10')
    return ox.Literal(format(Decimal(str(value)), "f"), datatype=_XSD_DECIMAL)


def _integer(value: Any) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=_XSD_INTEGER)


def literal(value: Any, kind: str) -> ox.Literal | ox.NamedNode:
    """A typed literal (or concept IRI) for a field value."""
    if isinstance(value, Concept):
        return N(value.iri)
    if kind == "decimal" or (kind == "any" and isinstance(value, float)):
        return _decimal(value)
    if kind == "int" or (kind == "any" and isinstance(value, int) and not isinstance(value, bool)):
        return _integer(value)
    if kind == "bool":
        return ox.Literal("true" if value else "false", datatype=_XSD_BOOLEAN)
    return ox.Literal(str(value))


def trial_iri(doc: Document, facts: list[Fact]) -> str:
    """One trial node across papers: by registry ID, else acronym, else the document."""
    ids = [f.fields["value"] for f in facts if f.kind == "trial" and f.fields["attribute"] == "registry_id"]
    nct = [i for i in ids if i.startswith("NCT")]
    if nct or ids:
        return KGD[f"trial/{_slug((nct or ids)[0])}"]
    acr = [f.fields["value"] for f in facts if f.kind == "trial" and f.fields["attribute"] == "acronym"]
    return KGD[f"trial/{_slug(acr[0])}"] if acr else KGD[f"trial/doc-{iri_segment(doc.id)}"]


def build_quads(doc: Document, facts: list[Fact], concepts: list[Concept] = ()) -> list[ox.Quad]:
    """The document's named graph as pyoxigraph quads, ready for the store's bulk loader."""
    g = ox.NamedNode(str(graph_iri(doc.id)))
    return [ox.Quad(s, p, o, g) for s, p, o in build(doc, facts, concepts)]


def build(doc: Document, facts: list[Fact], concepts: list[Concept] = ()) -> list[Triple]:
    """Every triple of a document's named graph: the document, its sections, facts, provenance."""
    now = ox.Literal(datetime.now(UTC).replace(microsecond=0).isoformat(), datatype=_XSD_DATETIME)
    d = ox.NamedNode(str(doc_iri(doc.id)))
    kg = kg_term
    lit = ox.Literal
    out: list[Triple] = []
    add = out.append
    add((d, TYPE, kg("Document")))
    add((d, TYPE, N(str(SCHEMA.ScholarlyArticle))))
    add((d, kg("sha256"), lit(doc.sha256)))
    add((d, kg("kgVersion"), lit(__version__)))
    add((d, N(str(DCTERMS.identifier)), lit(doc.id)))
    add((d, kg("sourceFile"), lit(printable(doc.source_path.replace("\\", "/").split("/")[-1]))))
    add((d, kg("sourcePath"), lit(source_path(doc.source_path))))
    add((d, kg("sourceKind"), lit(doc.kind)))
    add((d, kg("text"), lit(doc.text)))
    m = doc.metadata
    if m.title:
        add((d, N(str(DCTERMS.title)), lit(m.title)))
    for key in ("doi", "journal", "issn"):
        if getattr(m, key):
            add((d, kg(key), lit(getattr(m, key))))
    if m.year:
        add((d, kg("year"), _integer(m.year)))
    if m.date:
        add((d, N(str(DCTERMS.date)), lit(m.date)))
    for a in m.authors:
        add((d, kg("authorName"), lit(a)))
    if m.authors:
        add((d, kg("authorCount"), _integer(len(m.authors))))
    for n, s in enumerate(doc.sections):
        si = ox.NamedNode(f"{d.value}/section/{n}")
        add((d, kg("hasSection"), si))
        add((si, TYPE, kg("Section")))
        add((si, kg("sectionName"), lit(s.name)))
        add((si, kg("sectionKind"), lit(s.kind)))
        add((si, kg("start"), _integer(s.start)))
        add((si, kg("end"), _integer(s.end)))

    trial = ox.NamedNode(str(trial_iri(doc, facts)))  # per document unless a registry id or acronym names it
    if any(f.kind == "trial" for f in facts) or facts:
        add((trial, TYPE, kg("Trial")))
        add((trial, TYPE, N(str(SCHEMA.MedicalTrial))))
        add((trial, kg("describedBy"), d))
    activities: dict[str, ox.NamedNode] = {}
    spans = _Spans(doc, d)
    for f in facts:
        act = activities.get(f.rule)
        if act is None:
            act = activities[f.rule] = ox.NamedNode(str(KGD[f"activity/{iri_segment(doc.id)}/{_slug(f.rule)}"]))
            add((act, TYPE, N(str(PROV.Activity))))
            add((act, kg("extractor"), lit(f.extractor)))
            add((act, kg("rule"), lit(f.rule)))
            add((act, kg("kgVersion"), lit(__version__)))
            add((act, N(str(PROV.used)), d))
            add((act, N(str(PROV.startedAtTime)), now))
            add((act, N(str(PROV.wasAssociatedWith)), N(str(KGD[f"agent/kg-{__version__}"]))))
        out.extend(_fact_triples(doc, d, trial, f, act, spans))
    for c in concepts:  # concepts a document introduces itself (e.g. an AE term only its table names)
        ci = N(c.iri)
        add((ci, TYPE, N(str(SKOS.Concept))))
        add((ci, TYPE, kg(c.kind)))
        add((ci, N(str(SKOS.prefLabel)), lit(c.label, language="en")))
        add((ci, N(str(SKOS.inScheme)), N(str(KGC["document-terms"]))))
        if c.curie:  # a dictionary concept (DrugBank, MeSH) carries its public identifier
            add((ci, N(str(SKOS.notation)), lit(c.curie)))
    out.extend(comparison.lines(d, out))  # derived from the triples above (kg.graph.comparison)
    return out


def _fact_triples(doc: Document, d: ox.NamedNode, trial: ox.NamedNode, f: Fact,
                  act: ox.NamedNode, spans: _Spans) -> list[Triple]:
    kg = kg_term
    if f.kind == "participant":  # one node per patient, whichever tables list them
        fi = ox.NamedNode(f"{KGD_NS}participant/{iri_segment(doc.id)}/{_slug(str(f.fields['label']))}")
    else:
        key = [f.kind] + [f"{k}={_plain(v)}" for k, v in sorted(f.fields.items()) if not k.startswith("_")] + \
              [f"{e.start}:{e.end}" for e in f.evidence]
        fi = ox.NamedNode(f"{KGD_NS}fact/{iri_segment(doc.id)}/{f.kind}-{_hash(*key)}")
    out: list[Triple] = [(fi, TYPE, N(schema.FACT_CLASS[f.kind])), (fi, kg("inDocument"), d),
                         (fi, _GENERATED_BY, act),
                         (fi, kg("confidence"), _decimal(round(f.confidence, 3)))]
    if f.kind != "trial":
        out.append((fi, kg("ofTrial"), trial))
    if f.surface:
        for s in dict.fromkeys([f.surface, *f.fields.get("_surfaces", [])]):
            out.append((fi, kg("surfaceText"), ox.Literal(s)))
    spec = schema.FIELDS[f.kind]
    for name, value in f.fields.items():
        if value is None or name.startswith("_"):
            continue
        pred, kind = spec[name]
        out.append((fi, N(pred), literal(value, kind)))
    if f.kind == "trial":
        out.append((fi, kg("ofTrial"), trial))
        pred = schema.TRIAL_DIRECT[f.fields["attribute"]]
        out.append((trial, N(pred), literal(f.fields["value"], "any")))
    for ev in f.evidence:
        spans.link(fi, ev, out)
    for obs in f.fields.get("_observations", []):
        oi = ox.NamedNode(f"{fi.value}/observation/{obs['evidence'].start}")
        out += [(fi, kg("observation"), oi), (oi, TYPE, kg("Observation")), (oi, kg("inDocument"), d),
                (oi, _GENERATED_BY, act), (oi, kg("variable"), ox.Literal(obs["variable"])),
                (oi, kg("value"), ox.Literal(obs["value"]))]
        if obs.get("visit"):
            out.append((oi, kg("visit"), ox.Literal(obs["visit"])))
        spans.link(oi, obs["evidence"], out)
    return out


def _plain(v: Any) -> str:
    return v.iri if isinstance(v, Concept) else str(v)


_EV = {name: N(iri) for name, iri in {
    "derived": str(PROV.wasDerivedFrom), "Annotation": str(OA.Annotation),
    "hasTarget": str(OA.hasTarget), "section": str(KG.section),
    "hasSource": str(OA.hasSource), "hasSelector": str(OA.hasSelector),
    "TextPositionSelector": str(OA.TextPositionSelector), "start": str(OA.start), "end": str(OA.end),
    "TextQuoteSelector": str(OA.TextQuoteSelector), "exact": str(OA.exact)}.items()}


class _Spans:
    """The evidence of one document: one annotation per span and section, one target with one
    selector pair per span, shared by every fact read from it (a fact adds one
    `prov:wasDerivedFrom`). No oa:hasBody (the inverse of prov:wasDerivedFrom), no
    oa:prefix/oa:suffix (the document's kg:text holds them) and no rdf:type on the target
    (oa:hasSelector implies an oa:SpecificResource): 12 triples a span instead of 16."""

    def __init__(self, doc: Document, d: ox.NamedNode) -> None:
        self.text, self.d, self.base = doc.text, d, f"{d.value}/span/"
        self.annotations: dict[tuple[int, int, str], ox.NamedNode] = {}
        self.targets: dict[tuple[int, int], ox.NamedNode] = {}

    def link(self, fi: ox.NamedNode, ev, out: list[Triple]) -> None:
        """Append `fi prov:wasDerivedFrom` the span's annotation, and the annotation if new."""
        key = (ev.start, ev.end, ev.section)
        ann = self.annotations.get(key)
        if ann is None:
            ann = self.annotations[key] = self._annotation(ev, out)
        out.append((fi, _EV["derived"], ann))

    def _annotation(self, ev, out: list[Triple]) -> ox.NamedNode:
        e, span = _EV, (ev.start, ev.end)
        a = f"{self.base}{ev.start}-{ev.end}"
        target = self.targets.get(span)
        if target is None:  # first annotation of the span: the target and its selectors
            target = self.targets[span] = ox.NamedNode(f"{a}#target")
            pos, quote = ox.NamedNode(f"{a}#position"), ox.NamedNode(f"{a}#quote")
            out += [(target, e["hasSource"], self.d), (target, e["hasSelector"], pos),
                    (target, e["hasSelector"], quote),
                    (pos, TYPE, e["TextPositionSelector"]), (pos, e["start"], _integer(ev.start)),
                    (pos, e["end"], _integer(ev.end)),
                    (quote, TYPE, e["TextQuoteSelector"]), (quote, e["exact"], ox.Literal(self.text[ev.start:ev.end]))]
        else:  # the same span under another section name (rare): an annotation of its own
            a = f"{a}/{_hash(ev.section)}"
        ann = ox.NamedNode(a)
        out += [(ann, TYPE, e["Annotation"]), (ann, e["hasTarget"], target),
                (ann, e["section"], ox.Literal(ev.section))]
        return ann
