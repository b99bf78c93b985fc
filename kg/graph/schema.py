"""Which predicate holds each field of each fact kind: the one table that kg.graph.build
writes by and kg.graph.facts reads by. Plain IRI strings (no rdflib), so `kg facts` starts fast.

`KG.name` is the IRI of kg:name; a name that kg.graph.namespaces.KG does not declare is an
error (tests/test_store_schema.py checks every name used here).
"""

from __future__ import annotations

from kg.graph.vocab import KG_NS


class _Namespace:
    """Attribute access to IRIs of one namespace, as strings."""

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        return self._base + name


KG = _Namespace(KG_NS)
SCHEMA = _Namespace("https://schema.org/")

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
FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "trial": {"attribute": (KG.attribute, "str"), "value": (KG.value, "any")},
    "intervention": {
        "drug": (KG.drug, "concept"), "dose_value": (KG.doseValue, "decimal"),
        "dose_min": (KG.doseMin, "decimal"), "dose_max": (KG.doseMax, "decimal"),
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
        "comparator_value": (KG.comparatorValue, "str"),
        "numeric_comparator_value": (KG.numericComparatorValue, "decimal"), "unit": (KG.unit, "str"),
        "p_value": (KG.pValue, "decimal"), "p_relation": (KG.pRelation, "str"), "p_text": (KG.pText, "str"),
        "comparison": (KG.comparison, "str"), "group": (KG.resultGroup, "str"),
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
        "agent_text": (KG.agentText, "str"),
    },
    "participant": {
        "label": (KG.participantLabel, "str"), "dose_group": (KG.doseGroup, "str"),
        "responder": (KG.responder, "bool"),
    },
}
TRIAL_DIRECT = {"registry_id": KG.registryId, "acronym": KG.acronym, "phase": KG.phase, "design": KG.design,
                "n_enrolled": KG.enrolled, "n_analysed": KG.analysed, "condition": KG.condition,
                "sponsor": KG.sponsor, "site": KG.site, "start_date": SCHEMA.startDate, "end_date": SCHEMA.endDate}
