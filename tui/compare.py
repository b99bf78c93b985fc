"""Two trials side by side: what a reader compares (N, phase, design, conditions, arms and
doses, endpoints, key results, adverse events). Every query is anchored on the trial's IRI."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from kg.graph.comparison import LINE, facts_query, split_line
from kg.graph.store import GraphStore
from kg.graph.vocab import KGD_NS
from tui.queries import sparql_iri

ASPECTS = ("registry ids", "acronym", "phase", "enrolled", "design", "conditions", "arms and doses",
           "primary endpoints", "other endpoints", "key results", "adverse events", "not observed")


@dataclass
class TrialSummary:
    """One trial's aspects, each a list of short lines."""

    iri: str
    name: str
    aspects: dict[str, list[str]] = field(default_factory=dict)


_TRIAL_FIELDS = {"registryId": "registry ids", "acronym": "acronym", "phase": "phase", "enrolled": "enrolled",
                 "design": "design", "condition": "conditions"}
_LABELLED = {"drug", "route", "term", "condition"}  # fields whose values are concepts, shown by label


def _num(v) -> str:
    s = str(v)
    return s[:-2] if s.endswith(".0") else s


def lexical(term) -> str:
    """A term's text as rdflib shows it (a literal's normal lexical form: "2" for "02"^^xsd:integer)."""
    datatype = getattr(term, "datatype", None)
    if datatype is None or term.language or datatype.value.endswith("#string"):
        return term.value
    return _normal(term.value, datatype.value)


@functools.lru_cache(maxsize=4096)
def _normal(value: str, datatype: str) -> str:
    """rdflib's normal form of a typed literal (cached: a trial's papers repeat the same values)."""
    from rdflib import Literal, URIRef

    return str(Literal(value, datatype=URIRef(datatype)))


def _values(trials: list[str]) -> str:
    return " ".join(sparql_iri(t) for t in trials)


def _trial_query(trials: list[str]) -> str:
    props = ", ".join(f"kg:{p}" for p in _TRIAL_FIELDS)
    return (f"SELECT DISTINCT ?t ?p ?o WHERE {{ VALUES ?t {{ {_values(trials)} }} ?t ?p ?o "
            f"FILTER(?p IN ({props})) }}")


def _facts_query(trials: list[str]) -> str:
    """One row per distinct fact of the trials, read from the facts (kg.graph.comparison): the
    engine reads each fact (trial → its facts → their fields, anchored), O(facts of the trials).
    For trials some document states without comparison lines (a store an older kg wrote)."""
    return facts_query(f"VALUES ?t {{ {_values(trials)} }}")


def _lines_query(trials: list[str]) -> str:
    """The distinct comparison lines the documents state of the trials: a few quads per
    restating document, each distinct line decoded once."""
    return f"SELECT DISTINCT ?t ?line WHERE {{ VALUES ?t {{ {_values(trials)} }} ?t <{LINE}> ?line }}"


def lined_trials(store: GraphStore, trials: list[str]) -> set[str]:
    """The trials whose every fact is in a graph that states its comparison lines: the roll-up
    counts, per trial, facts in such graphs ("lined") and all facts ("trials")."""
    rollup = store.rollup() if hasattr(store, "rollup") else None
    if not rollup or "lined" not in rollup:
        return set()
    lined, counts = rollup["lined"], rollup.get("trials", {})
    return {t for t in trials if lined.get(t, 0) == counts.get(t, 0)}


def _distinct_facts(store: GraphStore, trials: list[str]) -> list[tuple[str, str, dict]]:
    """(trial, kind, fields) of each distinct fact: from the lines where every document states
    them, else from the facts."""
    lined = lined_trials(store, trials)
    out = []
    if lined:
        rows = store.ox_query(_lines_query([t for t in trials if t in lined]))
        out += [(t.value, *_kind_fields(split_line(line.value))) for t, line in rows]
    rest = [t for t in trials if t not in lined]
    if rest:
        out += [(t.value, kind.value.rsplit("#", 1)[-1], _fields_of(sig.value))
                for t, kind, sig in store.ox_query(_facts_query(rest))]
    return out


def _kind_fields(kind_sig: tuple[str, str]) -> tuple[str, dict]:
    return kind_sig[0], _fields_of(kind_sig[1])


_PLAIN_TYPES = ("", "http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")


def _fields_of(sig: str) -> dict[str, list[str]]:
    """{local property name: [values]} of a `_facts_query` signature, each value as `lexical`
    gives it (a typed literal in rdflib's normal form, an IRI or plain string as it is)."""
    from urllib.parse import unquote

    fields: dict[str, list[str]] = {}
    for item in sig.split(" "):
        if not item:
            continue
        p, datatype, encoded = item.split("|", 2)
        value = unquote(encoded)
        if datatype not in _PLAIN_TYPES:
            value = _normal(value, datatype)
        values = fields.setdefault(p.rsplit("#", 1)[-1], [])
        if value not in values:
            values.append(value)
    return fields


def concept_labels(store: GraphStore, iris: set[str]) -> dict[str, str]:
    """Labels of concepts: the store's roll-up (lexicon and the nodes the facts name), and one
    anchored query for any it does not hold. Nodes kg mints under its data namespace (trials,
    participants, observations) never carry a label (kg.graph.build labels concepts only), so
    they are not looked up: a trial page names ~100 of them, ~7 ms of look-ups for nothing."""
    known: dict[str, str] = {}
    rollup = store.rollup() if hasattr(store, "rollup") else None
    if rollup:
        for iri in iris:
            d = rollup.get("lexicon", {}).get(iri) or {}
            label = d.get("label") or (rollup.get("nodes", {}).get(iri) or {}).get("label")
            if label:
                known[iri] = label
    missing = sorted(i for i in iris - known.keys() if not i.startswith(KGD_NS))
    if missing:
        rows = store.select(f"SELECT ?o (MIN(STR(?l)) AS ?label) WHERE {{ VALUES ?o {{ {_values(missing)} }} "
                            f"?o skos:prefLabel ?l }} GROUP BY ?o")
        known.update({str(r["o"]): str(r["label"]) for r in rows if "label" in r})
    return known


def compare(store: GraphStore, trials: list[tuple[str, str]]) -> list[TrialSummary]:
    """The aspects of each trial ((IRI, name) pairs), read in two queries for all of them."""
    import pyoxigraph as ox

    iris = [t for t, _n in trials]
    out = {t: TrialSummary(t, n) for t, n in trials}
    # pyoxigraph's terms as they come (their lexical forms): converting ~1,000 rows to rdflib
    # terms cost as much as the query
    own = [(r["t"].value, r["p"].value, r["o"]) for r in store.ox_query(_trial_query(iris))]
    facts = _distinct_facts(store, iris)
    concepts = {o.value for _t, _p, o in own if isinstance(o, ox.NamedNode)}
    concepts |= {v for _t, _k, fields in facts for k, vs in fields.items() if k in _LABELLED for v in vs}
    label = concept_labels(store, concepts)
    for t, p, o in own:
        key = _TRIAL_FIELDS[p.rsplit("#", 1)[-1]]
        out[t].aspects.setdefault(key, []).append(label.get(o.value, lexical(o)))
    for t, kind, fields in facts:
        _add_fact(out[t].aspects, kind, fields, label)
    for summary in out.values():
        for key, lines in summary.aspects.items():
            # ties under casefold by the text itself: the order lines come in is the engine's
            summary.aspects[key] = sorted(dict.fromkeys(lines), key=lambda s: (s.casefold(), s))
    return [out[t] for t in iris]


def _add_fact(a: dict[str, list[str]], kind: str, fields: dict, label: dict[str, str]) -> None:
    """The lines one fact adds (one per combination of its values, as a join of its fields would)."""
    from itertools import product

    def vals(name: str, labelled: bool = False) -> list:
        vs = fields.get(name, [])
        if labelled:
            vs = [label[v] for v in vs if v in label]
        return vs or [None]

    if kind == "DoseRegimen":
        if any(str(r) == "concomitant" for r in fields.get("role", [])):
            return
        for drug, v, u, route, freq, dur, arm in product(
                vals("drug", True), vals("doseValue"), vals("doseUnitLabel"), vals("route", True),
                vals("frequency"), vals("duration"), vals("arm")):
            if drug is None:
                continue
            dose = " ".join(x for x in (_num(v) if v is not None else None, str(u) if u is not None else None) if x)
            extra = ", ".join(str(x) for x in (route, freq, dur) if x is not None)
            a.setdefault("arms and doses", []).append(f"{drug} {dose}".strip() + (f" ({extra})" if extra else "")
                                                        + (f" [{arm}]" if arm is not None else ""))
    elif kind == "Endpoint":
        for name, k, time in product(vals("name"), vals("endpointKind"), vals("timepoint")):
            if name is None:
                continue
            key = "primary endpoints" if str(k or "") == "primary" else "other endpoints"
            a.setdefault(key, []).append(f"{name}" + (f" ({time})" if time is not None else ""))
    elif kind == "Result":
        for m, v, c, p in product(vals("measure"), vals("value"), vals("comparatorValue"), vals("pValue")):
            line = f"{m if m is not None else 'result'}: {v if v is not None else ''}"
            if c is not None:
                line += f" vs {_num(c)}"
            if p is not None:
                line += f" (p {_num(p)})"
            a.setdefault("key results", []).append(line)
    elif kind == "AdverseEvent":
        for term, n, g, neg, ser in product(vals("term", True), vals("count"), vals("grade"), vals("negated"),
                                            vals("serious")):
            if term is None:
                continue
            bits = [f"n={n}" if n is not None else "", f"grade {g}" if g is not None else "",
                    "serious" if str(ser or "").lower() == "true" else ""]
            detail = ", ".join(b for b in bits if b)
            key = "not observed" if str(neg or "").lower() == "true" else "adverse events"
            a.setdefault(key, []).append(str(term) + (f" ({detail})" if detail else ""))


def summarise(store: GraphStore, trial: str, name: str) -> TrialSummary:
    """The aspects of one trial, read from the graph."""
    return compare(store, [(trial, name)])[0]


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
