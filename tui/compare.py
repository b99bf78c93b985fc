"""Two trials side by side: what a reader compares (N, phase, design, conditions, arms and
doses, endpoints, key results, adverse events). Every query is anchored on the trial's IRI."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.graph.store import GraphStore
from tui.queries import sparql_iri

ASPECTS = ("registry ids", "acronym", "phase", "enrolled", "design", "conditions", "arms and doses",
           "primary endpoints", "other endpoints", "key results", "adverse events", "not observed")


@dataclass
class TrialSummary:
    """One trial's aspects, each a list of short lines."""

    iri: str
    name: str
    aspects: dict[str, list[str]] = field(default_factory=dict)


def _q(select: str, trial: str, body: str) -> str:
    return f"SELECT DISTINCT {select} WHERE {{ BIND({sparql_iri(trial)} AS ?t)\n{body}\n}}"


def _num(v) -> str:
    s = str(v)
    return s[:-2] if s.endswith(".0") else s


def summarise(store: GraphStore, trial: str, name: str) -> TrialSummary:
    """The aspects of one trial, read from the graph."""
    out = TrialSummary(trial, name)
    a = out.aspects
    rows = store.select(_q("?p ?o ?ol", trial, """?t ?p ?o . OPTIONAL { ?o skos:prefLabel ?ol }
  FILTER(?p IN (kg:registryId, kg:acronym, kg:phase, kg:enrolled, kg:design, kg:condition))"""))
    names = {"registryId": "registry ids", "acronym": "acronym", "phase": "phase", "enrolled": "enrolled",
             "design": "design", "condition": "conditions"}
    for r in rows:
        key = names[str(r["p"]).rsplit("#", 1)[-1]]
        a.setdefault(key, []).append(str(r.get("ol", r["o"])))
    for r in store.select(_q("?drug ?v ?u ?route ?freq ?dur ?arm", trial, """?f kg:ofTrial ?t ; a kg:DoseRegimen ;
    kg:drug/skos:prefLabel ?drug .
  FILTER NOT EXISTS { ?f kg:role "concomitant" }
  OPTIONAL { ?f kg:doseValue ?v } OPTIONAL { ?f kg:doseUnitLabel ?u } OPTIONAL { ?f kg:route/skos:prefLabel ?route }
  OPTIONAL { ?f kg:frequency ?freq } OPTIONAL { ?f kg:duration ?dur } OPTIONAL { ?f kg:arm ?arm }""")):
        dose = " ".join(_num(r[k]) if k == "v" else str(r[k]) for k in ("v", "u") if k in r)
        extra = ", ".join(str(r[k]) for k in ("route", "freq", "dur") if k in r)
        arm = f" [{r['arm']}]" if "arm" in r else ""
        a.setdefault("arms and doses", []).append(f"{r['drug']} {dose}".strip() + (f" ({extra})" if extra else "")
                                                    + arm)
    for r in store.select(_q("?name ?kind ?time", trial, """?f kg:ofTrial ?t ; a kg:Endpoint ; kg:name ?name .
  OPTIONAL { ?f kg:endpointKind ?kind } OPTIONAL { ?f kg:timepoint ?time }""")):
        key = "primary endpoints" if str(r.get("kind", "")) == "primary" else "other endpoints"
        when = f" ({r['time']})" if "time" in r else ""
        a.setdefault(key, []).append(f"{r['name']}{when}")
    for r in store.select(_q("?m ?v ?c ?p", trial, """?f kg:ofTrial ?t ; a kg:Result .
  OPTIONAL { ?f kg:measure ?m } OPTIONAL { ?f kg:value ?v } OPTIONAL { ?f kg:comparatorValue ?c }
  OPTIONAL { ?f kg:pValue ?p }""")):
        line = f"{r.get('m', 'result')}: {r.get('v', '')}"
        if "c" in r:
            line += f" vs {_num(r['c'])}"
        if "p" in r:
            line += f" (p {_num(r['p'])})"
        a.setdefault("key results", []).append(line)
    for r in store.select(_q("?term ?n ?g ?neg ?ser", trial, """?f kg:ofTrial ?t ; a kg:AdverseEvent ;
    kg:term/skos:prefLabel ?term .
  OPTIONAL { ?f kg:count ?n } OPTIONAL { ?f kg:grade ?g } OPTIONAL { ?f kg:negated ?neg }
  OPTIONAL { ?f kg:serious ?ser }""")):
        bits = [f"n={r['n']}" if "n" in r else "", f"grade {r['g']}" if "g" in r else "",
                "serious" if str(r.get("ser", "")).lower() == "true" else ""]
        detail = ", ".join(b for b in bits if b)
        key = "not observed" if str(r.get("neg", "")).lower() == "true" else "adverse events"
        a.setdefault(key, []).append(str(r["term"]) + (f" ({detail})" if detail else ""))
    for key, lines in a.items():
        a[key] = sorted(dict.fromkeys(lines), key=str.casefold)
    return out


def table_rows(left: TrialSummary, right: TrialSummary) -> list[tuple[str, str, str]]:
    """(aspect, left, right) rows, one per line of the longer side; aspects neither has are left out."""
    rows = []
    for aspect in ASPECTS:
        lv, rv = left.aspects.get(aspect, []), right.aspects.get(aspect, [])
        if not lv and not rv:
            continue
        for i in range(max(len(lv), len(rv))):
            rows.append((aspect if i == 0 else "", lv[i] if i < len(lv) else "", rv[i] if i < len(rv) else ""))
    return rows
