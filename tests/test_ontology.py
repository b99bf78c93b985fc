"""The ontology files: kg.ttl declares exactly the terms of KG, lexicon.ttl is a well-formed
SKOS lexicon with correct public IDs, and shapes.ttl validates lexicon and fact graphs."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

from kg.graph.namespaces import KG, KGC

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology"
CORPUS = ROOT / "corpus"
KG_NS = str(KG._NS)
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
OBO = "http://purl.obolibrary.org/obo/"

# scheme local name -> kg concept class, and the ID prefixes that class may use
SCHEMES = {
    "drugs": ("Drug", {"CHEBI", "NCIT"}),
    "conditions": ("Condition", {"MONDO"}),
    "cell-types": ("CellType", {"CL"}),
    "cytokines": ("Cytokine", {"PR", "NCIT", "GO"}),
    "genes": ("Gene", {"HGNC"}),
    "processes": ("BiologicalProcess", {"GO"}),
    "adverse-events": ("AdverseEventTerm", {"NCIT"}),
    "units": ("Unit", {"UO", "NCIT"}),
    "routes": ("Route", {"NCIT"}),
    "designs": ("StudyDesign", {"NCIT"}),
    "instruments": ("Instrument", {"NCIT"}),
}
CONCEPT_CLASSES = {KG[cls] for cls, _ in SCHEMES.values()}
FACT_CLASSES = {
    "TrialAttribute",
    "DoseRegimen",
    "Endpoint",
    "Result",
    "AdverseEvent",
    "MechanismFinding",
    "Participant",
    "Observation",
}
CURIE_LOCAL = {
    "CHEBI": r"[1-9][0-9]*",
    "MONDO": r"[0-9]{7}",
    "CL": r"[0-9]{7}",
    "HGNC": r"[1-9][0-9]*",
    "NCIT": r"C[1-9][0-9]*",
    "GO": r"[0-9]{7}",
    "UO": r"[0-9]{7}",
    "PR": r"[0-9]{9}",
}


def parse(name: str) -> Graph:
    return Graph().parse(ONTOLOGY / name, format="turtle")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return parse("kg.ttl")


@pytest.fixture(scope="module")
def lexicon() -> Graph:
    return parse("lexicon.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return parse("shapes.ttl")


def kg_names() -> set[str]:
    return set(KG.__annotations__)


def curie_iri(curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    if prefix == "HGNC":
        return URIRef(f"http://identifiers.org/hgnc/{local}")
    return URIRef(f"{OBO}{prefix}_{local}")


def concepts(lexicon: Graph) -> list[URIRef]:
    return sorted(set(lexicon.subjects(RDF.type, SKOS.Concept)))


def concept_class(lexicon: Graph, c: URIRef) -> URIRef:
    classes = set(lexicon.objects(c, RDF.type)) & CONCEPT_CLASSES
    assert len(classes) == 1, f"{c} has kg classes {classes}"
    return classes.pop()


def labels(lexicon: Graph, c: URIRef) -> list[str]:
    return [str(o) for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel) for o in lexicon.objects(c, p)]


def abbreviations(lexicon: Graph, c: URIRef) -> list[str]:
    return [str(o) for o in lexicon.objects(c, KG.abbreviation)]


# ---------------------------------------------------------------------------- kg.ttl


def test_files_parse(onto: Graph, lexicon: Graph, shapes: Graph) -> None:
    assert len(onto) > 300
    assert len(lexicon) > 3000
    assert len(shapes) > 100


def test_kg_ttl_declares_exactly_the_terms_of_KG(onto: Graph) -> None:
    declared = {str(s)[len(KG_NS) :] for s in onto.subjects(RDF.type, None) if str(s).startswith(KG_NS)}
    assert declared == kg_names(), (
        f"missing from kg.ttl: {sorted(kg_names() - declared)}; not in KG: {sorted(declared - kg_names())}"
    )
    assert {str(t)[len(KG_NS) :] for t in dir(KG)} == kg_names()


@pytest.mark.parametrize("name", ["kg.ttl", "lexicon.ttl", "shapes.ttl"])
def test_no_kg_term_outside_KG(name: str) -> None:
    g = parse(name)
    used = {str(t)[len(KG_NS) :] for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(KG_NS)}
    assert used <= kg_names(), f"{name} uses kg: terms not in KG: {sorted(used - kg_names())}"


def test_every_term_is_typed_labelled_and_commented(onto: Graph) -> None:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property}
    for name in kg_names():
        term = KG[name]
        types = set(onto.objects(term, RDF.type))
        assert len(types & kinds) == 1, f"kg:{name} types {types}"
        assert (term, RDFS.label, None) in onto, f"kg:{name} has no rdfs:label"
        assert (term, RDFS.comment, None) in onto, f"kg:{name} has no rdfs:comment"
        if name[0].isupper():
            assert OWL.Class in types, f"kg:{name} should be an owl:Class"
        else:
            assert OWL.Class not in types, f"kg:{name} should be a property"


def test_class_hierarchy(onto: Graph) -> None:
    assert (KG.Fact, RDFS.subClassOf, PROV.Entity) in onto
    assert (KG.Concept, RDFS.subClassOf, SKOS.Concept) in onto
    facts = {str(s)[len(KG_NS) :] for s in onto.subjects(RDFS.subClassOf, KG.Fact)}
    assert facts == FACT_CLASSES
    concept_classes = set(onto.subjects(RDFS.subClassOf, KG.Concept))
    assert concept_classes == CONCEPT_CLASSES


def test_alignments(onto: Graph) -> None:
    objects = {
        o
        for s, p, o in onto
        if p in (RDFS.subClassOf, OWL.equivalentClass, SKOS.closeMatch, RDFS.subPropertyOf, SKOS.exactMatch)
    }
    for iri in (
        SCHEMA.MedicalTrial,
        SCHEMA.ScholarlyArticle,
        SCHEMA.Drug,
        SCHEMA.MedicalCondition,
        PROV.Entity,
        OA.exact,
        URIRef(OBO + "NCIT_C41331"),
        URIRef(OBO + "CL_0000000"),
        URIRef(OBO + "CHEBI_23888"),
        URIRef(OBO + "GO_0008150"),
        URIRef(OBO + "UO_0000000"),
        URIRef(OBO + "OBI_0000066"),
    ):
        assert iri in objects, f"no alignment to {iri}"
    assert (KG.Trial, RDFS.subClassOf, SCHEMA.MedicalTrial) in onto


DECIMAL = "doseValue doseMin doseMax numericValue numericComparatorValue pValue ciLow ciHigh sd confidence".split()
INTEGER = ("count grade enrolled analysed administrations start end year authorCount comparisonLineCount "
           "factLineCount").split()
BOOLEAN = "serious negated relatedToDrug ledToDiscontinuation hedged cited responder".split()
OBJECT = {
    "drug": "Drug",
    "doseUnit": "Unit",
    "route": "Route",
    "design": "StudyDesign",
    "condition": "Condition",
    "term": "AdverseEventTerm",
    "agent": "Concept",
    "target": "Concept",
    "instrument": "Instrument",
    "ofTrial": "Trial",
    "inDocument": "Document",
    "describedBy": "Document",
    "hasSection": "Section",
    "observation": "Observation",
}


def test_property_ranges(onto: Graph) -> None:
    def rng(name: str) -> set:
        return set(onto.objects(KG[name], RDFS.range))

    for name in DECIMAL:
        assert rng(name) == {XSD.decimal}, name
    for name in INTEGER:
        assert rng(name) == {XSD.integer}, name
    for name in BOOLEAN:
        assert rng(name) == {XSD.boolean}, name
    for name, cls in OBJECT.items():
        assert (KG[name], RDF.type, OWL.ObjectProperty) in onto, name
        assert rng(name) == {KG[cls]}, name
    typed = set(DECIMAL) | set(INTEGER) | set(BOOLEAN) | set(OBJECT) | {"value", "abbreviation"}
    for name in kg_names() - typed:
        if name[0].islower():
            assert rng(name) == {XSD.string}, f"kg:{name} should range over xsd:string"
            assert (KG[name], RDF.type, OWL.DatatypeProperty) in onto, name


# ------------------------------------------------------------------------ lexicon.ttl


def test_schemes(lexicon: Graph) -> None:
    declared = set(lexicon.subjects(RDF.type, SKOS.ConceptScheme))
    # document-terms holds concepts that kg/graph/build.py mints for terms a document names
    assert declared == {KGC[s] for s in SCHEMES} | {KGC["document-terms"]}
    for scheme in declared:
        assert len(list(lexicon.objects(scheme, SKOS.prefLabel))) == 1


def test_concept_counts(lexicon: Graph) -> None:
    per_scheme = defaultdict(int)
    for c in concepts(lexicon):
        for s in lexicon.objects(c, SKOS.inScheme):
            per_scheme[str(s)[len(str(KGC)) :]] += 1
    minimum = {
        "drugs": 120,
        "conditions": 60,
        "cell-types": 30,
        "cytokines": 25,
        "genes": 30,
        "processes": 20,
        "adverse-events": 150,
        "units": 20,
        "routes": 7,
        "designs": 15,
        "instruments": 20,
    }
    for scheme, n in minimum.items():
        assert per_scheme[scheme] >= n, f"{scheme}: {per_scheme[scheme]} concepts"


def test_every_concept_is_well_formed(lexicon: Graph) -> None:
    typed = {s for cls in CONCEPT_CLASSES for s in lexicon.subjects(RDF.type, cls)}
    assert typed == set(concepts(lexicon)), "every kg concept class instance must be a skos:Concept and back"
    for c in concepts(lexicon):
        assert str(c).startswith(str(KGC)), c
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(c)[len(str(KGC)) :]), f"bad slug {c}"
        prefs = list(lexicon.objects(c, SKOS.prefLabel))
        assert len(prefs) == 1, f"{c} has {len(prefs)} prefLabels"
        cls = concept_class(lexicon, c)
        schemes = list(lexicon.objects(c, SKOS.inScheme))
        assert len(schemes) == 1, c
        scheme = str(schemes[0])[len(str(KGC)) :]
        assert scheme in SCHEMES and KG[SCHEMES[scheme][0]] == cls, f"{c} is a {cls} in scheme {scheme}"
        for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for o in lexicon.objects(c, p):
                assert isinstance(o, Literal) and o.language == "en" and str(o).strip() == str(o) and str(o), (c, o)
        for o in lexicon.objects(c, KG.abbreviation):
            assert isinstance(o, Literal) and o.language is None and o.datatype in (None, XSD.string), (c, o)
            assert str(o).strip() == str(o) and str(o), (c, o)


def test_notations_are_known_curies_matching_exact_match(lexicon: Graph) -> None:
    seen: dict[str, URIRef] = {}
    for c in concepts(lexicon):
        notations = [str(n) for n in lexicon.objects(c, SKOS.notation)]
        matches = set(lexicon.objects(c, SKOS.exactMatch))
        assert len(notations) <= 1, c
        if not notations:
            assert not matches, f"{c} has exactMatch without notation"
            continue
        curie = notations[0]
        m = re.fullmatch(r"([A-Za-z]+):([A-Za-z0-9_]+)", curie)
        assert m, f"{c}: bad CURIE {curie}"
        prefix, local = m.groups()
        assert prefix in CURIE_LOCAL, f"{c}: unknown prefix {prefix}"
        assert re.fullmatch(CURIE_LOCAL[prefix], local), f"{c}: malformed {curie}"
        scheme = str(next(lexicon.objects(c, SKOS.inScheme)))[len(str(KGC)) :]
        assert prefix in SCHEMES[scheme][1], f"{c}: {prefix} IDs do not belong in {scheme}"
        assert matches == {curie_iri(curie)}, f"{c}: exactMatch {matches} disagrees with {curie}"
        assert curie not in seen, f"{curie} used by {seen.get(curie)} and {c}"
        seen[curie] = c


def test_no_two_concepts_of_a_class_share_a_label_or_abbreviation(lexicon: Graph) -> None:
    owners: dict[tuple[URIRef, str], set[URIRef]] = defaultdict(set)
    for c in concepts(lexicon):
        cls = concept_class(lexicon, c)
        for text in labels(lexicon, c) + abbreviations(lexicon, c):
            owners[cls, text.casefold()].add(c)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes, clashes


def test_seed_concepts_have_their_public_ids(lexicon: Graph) -> None:
    expected = {
        "arsenic-trioxide": "CHEBI:30621",
        "systemic-lupus-erythematosus": "MONDO:0007915",
        "systemic-sclerosis": "MONDO:0005100",
        "regulatory-t-cell": "CL:0000815",
        "th17-cell": "CL:0000899",
        "irf7": "HGNC:6122",
        "stat3": "HGNC:11364",
        "mg-per-kg": "UO:0000308",
        "intravenous": "NCIT:C38276",
        "open-label": "NCIT:C49659",
        "adverse-event": "NCIT:C41331",
        "anemia": "NCIT:C2869",
        "dendritic-cell-cytokine-production": "GO:0002371",
        "mycophenolate-mofetil": "CHEBI:8764",
        "methotrexate": "CHEBI:44185",
        "prednisone": "CHEBI:8382",
        "prednisolone": "CHEBI:8378",
    }
    for slug, curie in expected.items():
        assert (KGC[slug], SKOS.notation, Literal(curie)) in lexicon, slug


class Lookup:
    """Labels case-insensitively, abbreviations exactly, as the extractor's matchers do."""

    def __init__(self, lexicon: Graph) -> None:
        self.by_label: dict[str, set[str]] = defaultdict(set)
        self.by_abbreviation: dict[str, set[str]] = defaultdict(set)
        for c in concepts(lexicon):
            slug = str(c)[len(str(KGC)) :]
            for text in labels(lexicon, c):
                self.by_label[text.lower()].add(slug)
            for text in abbreviations(lexicon, c):
                self.by_abbreviation[text].add(slug)

    def __call__(self, text: str) -> set[str]:
        return self.by_abbreviation.get(text, set()) | self.by_label.get(text.lower(), set())


SURFACE_FORMS = {
    # drugs
    "arsenic trioxide": "arsenic-trioxide",
    "ATO": "arsenic-trioxide",
    "As₂O₃": "arsenic-trioxide",
    "As2O3": "arsenic-trioxide",
    "arsenic": "arsenic-trioxide",
    "interleukin-2": "interleukin-2",
    "Low-dose interleukin-2": "interleukin-2",
    "IL-2LD": "interleukin-2",
    "IL-2": "interleukin-2",
    "LD-IL-2": "interleukin-2",
    "aldesleukin": "interleukin-2",
    "MMF": "mycophenolate-mofetil",
    "HCQ": "hydroxychloroquine",
    "MTX": "methotrexate",
    "AZA": "azathioprine",
    "THAL": "thalidomide",
    "ciclosporine": "ciclosporin",
    "cyclosporine": "ciclosporin",
    "RTX": "rituximab",
    "BELI": "belimumab",
    "rapamycin": "sirolimus",
    "IVIG": "intravenous-immunoglobulin",
    "all-trans-retinoic acid": "all-trans-retinoic-acid",
    # conditions
    "SLE": "systemic-lupus-erythematosus",
    "lupus": "systemic-lupus-erythematosus",
    "Systemic lupus erythematosus": "systemic-lupus-erythematosus",
    "SSc": "systemic-sclerosis",
    "scleroderma": "systemic-sclerosis",
    "systemic scleroderma": "systemic-sclerosis",
    "acute promyelocytic leukaemia": "acute-promyelocytic-leukemia",
    "APL": "acute-promyelocytic-leukemia",
    "cGVHD": "graft-versus-host-disease",
    "chronic graft-versus-host disease": "graft-versus-host-disease",
    "Sjögren's syndrome": "sjogren-syndrome",
    "Crohn's disease": "crohn-disease",
    # cells, cytokines, genes, processes
    "Tregs": "regulatory-t-cell",
    "Treg cells": "regulatory-t-cell",
    "Regulatory T cells": "regulatory-t-cell",
    "Foxp3⁺ Treg cells": "regulatory-t-cell",
    "Th17 cells": "th17-cell",
    "Th17": "th17-cell",
    "effector T cells": "effector-t-cell",
    "B cells": "b-cell",
    "B lymphocytes": "b-cell",
    "T lymphocytes": "t-cell",
    "CD4+ T lymphocytes": "cd4-t-cell",
    "pDCs": "plasmacytoid-dendritic-cell",
    "dendritic cells": "dendritic-cell",
    "memory T cells": "memory-t-cell",
    "IFN-alpha": "interferon-alpha",
    "IFN- α": "interferon-alpha",
    "type I interferons": "interferon-alpha",
    "type 1 interferon": "interferon-alpha",
    "IFN-gamma": "interferon-gamma",
    "INF-gamma": "interferon-gamma",
    "IL-17": "il-17",
    "Interleukin-17": "il-17",
    "IRF7": "irf7",
    "STAT3": "stat3",
    "Foxp3": "foxp3",
    "plasmablast differentiation of B cells": "plasmablast-differentiation",
    "auto-antibody production": "autoantibody-production",
    "production of autoantibodies": "autoantibody-production",
    "dendritic cell cytokine production": "dendritic-cell-cytokine-production",
    "T cell proliferation": "t-cell-proliferation",
    "NETosis": "netosis",
    "immune rejection": "immune-rejection",
    # adverse events
    "neutropenia": "neutropenia",
    "Axonal neuropathy": "axonal-neuropathy",
    "osteitis": "osteitis",
    "Anaemia": "anemia",
    "Diarrhoea": "diarrhea",
    "diarrhea": "diarrhea",
    "Nausea": "nausea",
    "Hypomagnesaemia": "hypomagnesemia",
    "hypomagnesemia": "hypomagnesemia",
    "hypokaliemia": "hypokalemia",
    "hypokalaemia": "hypokalemia",
    "QT prolongation": "qt-prolongation",
    "QTc prolongation": "qt-prolongation",
    "Injection-related reaction": "injection-related-reaction",
    "infusion-related reaction": "injection-related-reaction",
    "Injection site reaction": "injection-site-reaction",
    "Hypotension": "hypotension",
    "Flushing": "flushing",
    "Increased transaminases": "increased-transaminases",
    "elevated liver enzymes": "increased-transaminases",
    "Fatigue": "fatigue",
    "severe flare": "severe-flare",
    "flares": "flare",
    "small-cell lung cancer": "small-cell-lung-cancer",
    "dose-limiting toxicity": "dose-limiting-toxicity",
    "DLT": "dose-limiting-toxicity",
    "infection": "infection",
    "serious adverse events": "serious-adverse-event",
    "SAEs": "serious-adverse-event",
    "SAE": "serious-adverse-event",
    "AEs": "adverse-event",
    "adverse events": "adverse-event",
    "sensory peripheral neuropathy": "sensory-neuropathy",
    "pyrexia": "fever",
    # units, routes, designs, instruments
    "mg/kg": "mg-per-kg",
    "mg kg-1": "mg-per-kg",
    "mg/kg/d": "mg-per-kg-per-day",
    "mg/day": "mg-per-day",
    "mg/d": "mg-per-day",
    "MIU/day": "miu-per-day",
    "million international units": "miu",
    "MIU": "miu",
    "mg/m²": "mg-per-m2",
    "intravenous": "intravenous",
    "IV": "intravenous",
    "intravenously": "intravenous",
    "subcutaneously": "subcutaneous",
    "s.c.": "subcutaneous",
    "orally": "oral",
    "open-label": "open-label",
    "open label": "open-label",
    "dose-escalating": "dose-escalation",
    "dose-escalation": "dose-escalation",
    "multi-centre": "multicenter",
    "multicentre": "multicenter",
    "basket": "basket",
    "randomised": "randomized",
    "double-blind": "double-blind",
    "SRI-4": "sri-4",
    "SLE Responder Index 4": "sri-4",
    "SELENA-SLEDAI": "sledai",
    "SLEDAI": "sledai",
    "BILAG": "bilag",
    "PGA": "pga",
    "LLDAS": "lldas",
    "SF-36": "sf-36",
    "modified Rodnan skin score": "mrss",
    "mRSS": "mrss",
    "Valentini score": "valentini-score",
    "EuroQL-5D-5L": "eq-5d-5l",
    "EuroQol-5D-5L": "eq-5d-5l",
    "pulmonary function test": "pulmonary-function-test",
}


def test_surface_forms_of_the_seed_papers_and_beyond(lexicon: Graph) -> None:
    lookup = Lookup(lexicon)
    for text, slug in SURFACE_FORMS.items():
        assert slug in lookup(text), f"{text!r} should find {slug}, found {lookup(text)}"
    # abbreviations are case-sensitive: a lower-case word must not hit them
    assert not lookup("ato") and not lookup("sle")


def test_generic_terms_are_not_concepts(lexicon: Graph) -> None:
    lookup = Lookup(lexicon)
    for text in (
        "immunosuppressive drugs",
        "immunosuppressants",
        "immunosuppressant",
        "corticosteroids",
        "corticosteroid",
        "steroids",
        "placebo",
        "biologics",
        "antimalarials",
        "treatment",
        "autoimmune diseases",
        "JAK inhibitors",
        "drug",
    ):
        assert not lookup(text), f"{text!r} should not be a concept: {lookup(text)}"


def test_matchers_find_the_seed_papers_gold_concepts(lexicon: Graph) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.matcher import PhraseMatcher

    paths = [CORPUS / "lupsenic-ato-sle-2021.txt", CORPUS / "transreg-il2-ssc-2024.record.txt"]
    if not all(p.exists() for p in paths):
        pytest.skip("seed corpus not present")
    nlp = spacy.blank("en")
    # footnote marks and superscripts glued to words ("neuropathy†", "Foxp3⁺") must split off
    suffixes = [*nlp.Defaults.suffixes, r"[†‡§¶*⁺⁰¹²³⁴⁵⁶⁷⁸⁹]+"]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_orth = PhraseMatcher(nlp.vocab, attr="ORTH")
    for c in concepts(lexicon):
        key = str(c)[len(str(KGC)) :]
        by_lower.add(key, [nlp.make_doc(t) for t in labels(lexicon, c)])
        if abbreviations(lexicon, c):
            by_orth.add(key, [nlp.make_doc(t) for t in abbreviations(lexicon, c)])
    found = {}
    for path in paths:
        doc = nlp.make_doc(path.read_text(encoding="utf-8"))
        found[path.name] = {nlp.vocab.strings[m] for m, _, _ in by_lower(doc) + by_orth(doc)}
    lupsenic = {
        "arsenic-trioxide",
        "systemic-lupus-erythematosus",
        "open-label",
        "dose-escalation",
        "multicenter",
        "intravenous",
        "mg-per-kg",
        "sri-4",
        "lldas",
        "neutropenia",
        "axonal-neuropathy",
        "osteitis",
        "anemia",
        "diarrhea",
        "nausea",
        "hypomagnesemia",
        "hypokalemia",
        "qt-prolongation",
        "injection-related-reaction",
        "injection-site-reaction",
        "hypotension",
        "flushing",
        "increased-transaminases",
        "fatigue",
        "severe-flare",
        "small-cell-lung-cancer",
        "dose-limiting-toxicity",
        "infection",
        "interferon-alpha",
        "irf7",
        "interferon-gamma",
        "regulatory-t-cell",
        "stat3",
        "th17-cell",
        "plasmablast-differentiation",
        "dendritic-cell-cytokine-production",
        "autoantibody-production",
        "mycophenolate-mofetil",
    }
    transreg = {
        "interleukin-2",
        "systemic-sclerosis",
        "open-label",
        "basket",
        "regulatory-t-cell",
        "miu-per-day",
        "serious-adverse-event",
        "mrss",
        "valentini-score",
        "eq-5d-5l",
        "effector-t-cell",
        "b-cell",
        "pulmonary-function-test",
    }
    assert lupsenic <= found["lupsenic-ato-sle-2021.txt"], lupsenic - found["lupsenic-ato-sle-2021.txt"]
    assert transreg <= found["transreg-il2-ssc-2024.record.txt"], transreg - found["transreg-il2-ssc-2024.record.txt"]


# ------------------------------------------------------------------------- shapes.ttl


def validate(data: Graph, shapes: Graph, onto: Graph) -> tuple[bool, str]:
    """As kg/graph/validate.py does: the union of facts, lexicon and ontology, no inference."""
    pyshacl = pytest.importorskip("pyshacl")
    conforms, _, text = pyshacl.validate(data + onto, shacl_graph=shapes, inference="none", advanced=True)
    return conforms, text


def test_lexicon_conforms_to_shapes(lexicon: Graph, shapes: Graph, onto: Graph) -> None:
    conforms, text = validate(lexicon, shapes, onto)
    assert conforms, text


PREFIXES = """
@prefix kg:   <https://w3id.org/kg-trials/ontology#> .
@prefix kgc:  <https://w3id.org/kg-trials/concept/> .
@prefix kgd:  <https://w3id.org/kg-trials/data/> .
@prefix oa:   <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
"""
FACTS = (
    PREFIXES
    + """
kgd:doc a kg:Document ;
    kg:sha256 "8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4" ;
    kg:text "Four serious AEs occurred (grade 3 neutropenia)." ;
    kg:kgVersion "0.1.0" ;
    kg:doi "10.1186/s13075-021-02454-6" ;
    kg:year 2021 ;
    kg:hasSection kgd:doc-abstract .
kgd:doc-abstract a kg:Section ; kg:start 0 ; kg:end 48 ; kg:sectionName "Abstract" .
kgd:trial a kg:Trial ; kg:describedBy kgd:doc ; kg:acronym "LUPSENIC" ; kg:enrolled 11 .
kgd:run a prov:Activity .
kgd:ann a oa:Annotation ;
    oa:hasTarget [ a oa:SpecificResource ; oa:hasSource kgd:doc ;
        oa:hasSelector [ a oa:TextPositionSelector ; oa:start 27 ; oa:end 46 ] ,
                       [ a oa:TextQuoteSelector ; oa:exact "grade 3 neutropenia" ] ] .
kgd:ae a kg:AdverseEvent ;
    kg:inDocument kgd:doc ; prov:wasDerivedFrom kgd:ann ; prov:wasGeneratedBy kgd:run ;
    kg:ofTrial kgd:trial ;
    kg:term kgc:neutropenia ; kg:negated false ; kg:grade 3 ; kg:serious true ;
    kg:confidence 0.9 .
kgd:dose a kg:DoseRegimen ;
    kg:inDocument kgd:doc ; prov:wasDerivedFrom kgd:ann ; prov:wasGeneratedBy kgd:run ;
    kg:drug kgc:arsenic-trioxide ; kg:doseValue 0.10 ; kg:doseUnit kgc:mg-per-kg ; kg:route kgc:intravenous .
kgd:mech a kg:MechanismFinding ;
    kg:inDocument kgd:doc ; prov:wasDerivedFrom kgd:ann ; prov:wasGeneratedBy kgd:run ;
    kg:agent kgc:arsenic-trioxide ; kg:relation "inhibits" ; kg:target kgc:irf7 ; kg:hedged false .
kgd:res a kg:Result ;
    kg:inDocument kgd:doc ; prov:wasDerivedFrom kgd:ann ; prov:wasGeneratedBy kgd:run ;
    kg:value "5/10" ; kg:pValue 0.0046 .
kgd:end a kg:Endpoint ;
    kg:inDocument kgd:doc ; prov:wasDerivedFrom kgd:ann ; prov:wasGeneratedBy kgd:run ;
    kg:name "SRI-4 response" ; kg:endpointKind "secondary" ; kg:instrument kgc:sri-4 .
"""
)


def facts_graph(lexicon: Graph, extra: str = "", drop: tuple = ()) -> Graph:
    g = Graph().parse(data=FACTS, format="turtle")
    for triple in drop:
        g.remove(triple)
    g.parse(data=PREFIXES + extra, format="turtle")
    return g + lexicon


KGD = Namespace("https://w3id.org/kg-trials/data/")


def test_a_well_formed_facts_graph_conforms(lexicon: Graph, shapes: Graph, onto: Graph) -> None:
    conforms, text = validate(facts_graph(lexicon), shapes, onto)
    assert conforms, text


def test_facts_with_several_evidence_spans_and_document_terms_conform(
    lexicon: Graph, shapes: Graph, onto: Graph
) -> None:
    extra = """
    kgd:ann2 a oa:Annotation ; kg:section "Results" ;
        oa:hasTarget [ a oa:SpecificResource ; oa:hasSource kgd:doc ;
            oa:hasSelector [ a oa:TextPositionSelector ; oa:start 0 ; oa:end 4 ] ,
                           [ a oa:TextQuoteSelector ; oa:exact "Four" ; oa:prefix "" ] ] .
    kgd:ae prov:wasDerivedFrom kgd:ann2 ; kg:surfaceText "grade 3 neutropenia", "neutropenia" .
    kgd:res kg:comparatorValue "11.25" .
    kgd:ae2 a kg:AdverseEvent ;
        kg:inDocument kgd:doc ; prov:wasDerivedFrom kgd:ann ; prov:wasGeneratedBy kgd:run ;
        kg:term kgc:jaccoud-toe-osteitis ; kg:negated false .
    kgc:jaccoud-toe-osteitis a <http://www.w3.org/2004/02/skos/core#Concept>, kg:AdverseEventTerm ;
        <http://www.w3.org/2004/02/skos/core#prefLabel> "toe osteitis"@en ;
        <http://www.w3.org/2004/02/skos/core#inScheme> kgc:document-terms .
    kgd:run kg:extractor "adverse_events" ; kg:rule "ae-table" ; kg:kgVersion "0.1.0" .
    """
    conforms, text = validate(facts_graph(lexicon, extra), shapes, onto)
    assert conforms, text


def test_umbrella_concepts_are_top_concepts(lexicon: Graph) -> None:
    tops = {str(s)[len(str(KGC)) :]: o for s, o in lexicon.subject_objects(SKOS.topConceptOf)}
    assert {"adverse-event", "serious-adverse-event"} <= set(tops)
    for slug, scheme in tops.items():
        assert (KGC[slug], SKOS.inScheme, scheme) in lexicon, slug


@pytest.mark.parametrize(
    "extra, drop",
    [
        ("kgd:ae kg:grade 7 .", ((KGD.ae, KG.grade, None),)),
        ("kgd:ae kg:term kgc:anemia .", ()),
        ("", ((KGD.ae, KG.negated, None),)),
        ("", ((KGD.ae, PROV.wasDerivedFrom, None),)),
        ("", ((KGD.dose, PROV.wasGeneratedBy, None),)),
        ("kgd:ae kg:inDocument kgd:other . kgd:other a kg:Document .", ()),
        ("", ((KGD.dose, KG.drug, None),)),
        ("kgd:dose kg:drug kgc:neutropenia .", ((KGD.dose, KG.drug, None),)),
        ('kgd:dose kg:doseValue "0.1" .', ((KGD.dose, KG.doseValue, None),)),
        ('kgd:mech kg:relation "blocks" .', ((KGD.mech, KG.relation, None),)),
        ("", ((KGD.mech, KG.hedged, None),)),
        ("kgd:res kg:pValue 1.5 .", ((KGD.res, KG.pValue, None),)),
        ("", ((KGD.end, KG.name, None),)),
        ("", ((KGD.trial, KG.describedBy, None),)),
        ('kgd:doc kg:sha256 "xyz" .', ((KGD.doc, KG.sha256, None),)),
        ("", ((KGD.doc, KG.kgVersion, None),)),
        (
            "kgd:ann2 a oa:Annotation ; oa:hasTarget [ oa:hasSource kgd:doc ;"
            " oa:hasSelector [ a oa:TextPositionSelector ; oa:start 0 ; oa:end 4 ] ] .",
            (),
        ),
        ('kgc:neutropenia <http://www.w3.org/2004/02/skos/core#prefLabel> "neutropaenia"@en .', ()),
        ('kgc:neutropenia <http://www.w3.org/2004/02/skos/core#notation> "not a curie" .', ()),
    ],
)
def test_broken_facts_graphs_do_not_conform(
    lexicon: Graph, shapes: Graph, onto: Graph, extra: str, drop: tuple
) -> None:
    conforms, _ = validate(facts_graph(lexicon, extra, drop), shapes, onto)
    assert not conforms, f"should not conform: +{extra!r} -{drop!r}"
