"""Interventions: drug, dose value and unit (normalised), route, schedule, duration, arm.

A dose is a number followed by a unit from the lexicon ("0.10 mg/kg", "1 million
international units (MIU)/day"); numbers coordinated before one unit share it ("0.15
and 0.20 mg/kg"). It belongs to the nearest drug in its sentence, else to the study
drug (the drug of the title). Thresholds ("≥ 10 mg/day") and changes ("decreased from
12.25 mg/day to 6 mg/day") are not doses. Drugs other than the study drug are marked
concomitant. Schedule and duration are read once per study drug from the methods.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from kg.extract.base import Context, Fact, part_of
from kg.extract.numbers import COUNT, NUMBER, to_int, to_number
from kg.extract.results import CHANGE_PATTERN
from kg.lexicon import Concept, Lexicon

EXTRACTOR = "interventions"
_DENOMINATORS = {"kg": "kg", "m2": "m²", "m²": "m²", "day": "day", "d": "day", "week": "week", "wk": "week",
                 "h": "h", "dose": "dose", "month": "month"}
# a number after these is a threshold or an amount of change, not a dose
_THRESHOLD = re.compile(r"(?:[≥>≤<]|\b(?:at least|more than|less than|below|above|up to|under|over|"
                        r"maximum of|minimum of|exceeding|by|difference(?: of)?|change(?: of)?))\s*$", re.IGNORECASE)
_CHANGE = re.compile(r"\b(?:decreas|increas|reduc|tap|fell|rose|declin|drop)\w*\b[^.;]{0,40}$|\bfrom\s*$|"
                     r"\b(?:mean|median|average|cumulative|cumulated|total)\b[^.;]{0,40}$", re.IGNORECASE)
_DOSING_WORDS = re.compile(r"\b(?:receiv|administ|dose|dosage|injection|infusion|group|arm|regimen|given|"
                           r"treated)\w*", re.IGNORECASE)
# a dose with no drug in its sentence is the study drug's only when the sentence gives it
_ADMINISTRATION = re.compile(r"\b(?:receiv|administ|given|infus|inject|dosed|escalat)\w*", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def _dose_regex(lexicon_id: int, units: tuple[str, ...]) -> re.Pattern:
    """NUMBER(S) UNIT, with the unit's base from the lexicon and optional denominators."""
    base = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(units, key=len, reverse=True))
    num = NUMBER
    nums = rf"(?P<nums>{num}(?:\s*,\s*{num})*(?:\s*,?\s*(?:and|or|to|–|-)\s*{num})?)"
    den = r"(?:\s*(?:/|per\s+)\s*(?P<d1>kg|m2|m²|day|d|week|wk|h|month)\b)?(?:\s*/\s*(?P<d2>day|d|week|wk|h)\b)?"
    return re.compile(rf"(?<![\w.]){nums}\s*(?P<u>{base})(?:\s*\([A-Za-z]{{1,6}}\))?{den}(?![\w/])")


def _base_units(lexicon: Lexicon) -> tuple[str, ...]:
    """Surface forms of units without a denominator (mg, MIU, million international units...)."""
    out = set()
    for surface, iri, _cs in lexicon.terms:
        c = lexicon.concepts[iri]
        if c.kind == "Unit" and "/" not in surface and " per " not in surface and not surface.startswith("%"):
            out.add(surface)
    return tuple(sorted(out))


def unit_concept(lexicon: Lexicon, base: str, d1: str | None, d2: str | None) -> tuple[str, Concept | None]:
    """The normalised unit label ("mg/kg", "MIU/day") and its lexicon concept, if any."""
    base_c = lexicon.by_label(base, "Unit")
    base_label = base_c.label if base_c else base
    label = base_label + "".join(f"/{_DENOMINATORS[d.lower()]}" for d in (d1, d2) if d)
    c = lexicon.by_label(label, "Unit")
    if c is None and (d1 or d2):
        alt = label.replace("m²", "m2")
        c = lexicon.by_label(alt, "Unit")
    return (c.label if c else label), (c or (base_c if not (d1 or d2) else None))


def study_drugs(ctx: Context) -> list[str]:
    """IRIs of the drugs under study: those of the title, else the most frequent in the abstract."""
    title, abstract = [], []
    for sent in ctx.sentences():
        part, in_abs = part_of(ctx.document, sent.start_char)
        drugs = [e.kb_id_ for e in ctx.concepts_in(sent, {"Drug"})]
        if part == "title":
            title += drugs
        elif in_abs or part == "methods":
            abstract += drugs
    if title:
        return list(dict.fromkeys(title))
    if abstract:
        return [Counter(abstract).most_common(1)[0][0]]
    return []


def extract(ctx: Context) -> list[Fact]:
    lex = ctx.lexicon
    rx = _dose_regex(id(lex), _base_units(lex))
    studied = study_drugs(ctx)
    found: dict[tuple, Fact] = {}
    for sent in ctx.sentences():
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part in ("background", "discussion") and not in_abs:
            continue
        if part == "results" and not _DOSING_WORDS.search(sent.text):
            continue  # results report measurements in mg and mL; a dose there comes with its giving
        drugs = ctx.concepts_in(sent, {"Drug"})
        changes = [(c.start(), c.end()) for c in CHANGE_PATTERN.finditer(sent.text)]
        for m in rx.finditer(sent.text):
            before = sent.text[: m.start()]
            if _THRESHOLD.search(before) or _CHANGE.search(before[-60:]):
                continue
            if any(a <= m.start() < b for a, b in changes):
                continue
            drug = _drug_for(ctx, sent, drugs, sent.start_char + m.start(), studied)
            if drug is None:
                continue
            label, unit = unit_concept(lex, m.group("u"), m.group("d1"), m.group("d2"))
            role = "study" if drug.iri in studied else "concomitant"
            for nm in re.finditer(NUMBER, m.group("nums")):
                value = to_number(nm.group(0))
                if value is None:
                    continue
                key = (drug.iri, round(value, 6), label)
                s = sent.start_char + m.start() + nm.start()
                e = sent.start_char + m.end()
                if key in found:
                    found[key].evidence.append(ctx.evidence(s, e))
                    continue
                fields = {"drug": drug, "dose_value": value, "dose_unit": unit, "dose_unit_label": label,
                          "role": role}
                found[key] = Fact("intervention", fields, [ctx.evidence(s, e)], EXTRACTOR, "dose.number_unit",
                                  0.85, surface=drug.label)
    facts = list(found.values())
    _add_schedule(ctx, facts, studied)
    return facts


def _drug_for(ctx: Context, sent, drugs, offset: int, studied: list[str]) -> Concept | None:
    """The drug a dose belongs to: the nearest drug mention in the sentence, else the study drug."""
    if drugs:
        nearest = min(drugs, key=lambda e: (abs(e.start_char - offset), e.start_char > offset))
        return ctx.concept(nearest)
    if studied and _ADMINISTRATION.search(sent.text):
        return ctx.lexicon.concepts[studied[0]]
    return None


# -- schedule: route, frequency, duration, administrations ----------------------------------
_FREQ = [  # the more specific first: "twice daily" before "daily"
    (re.compile(r"\b(?:twice daily|twice a day|twice per day|two times a day|b\.?i\.?d\.?)(?![\w.])", re.I),
     "twice daily"),
    (re.compile(r"\b(?:three times daily|three times a day|t\.?i\.?d\.?)(?![\w.])", re.I), "three times daily"),
    (re.compile(rf"\beach of the first (?P<n>{COUNT}) days\b", re.I), "daily for {n} days"),
    (re.compile(rf"/\s*day\b[^.;]{{0,30}}?\bfor (?P<n>{COUNT}) days\b", re.I), "daily for {n} days"),
    (re.compile(rf"\b(?:daily|once a day|once daily|every day)\b(?: for (?P<n>{COUNT}) days)?", re.I), "daily"),
    (re.compile(r"\b(?:twice a week|twice weekly|two times a week|twice per week)\b", re.I), "twice a week"),
    (re.compile(r"\b(?:three times a week|thrice weekly|three times per week)\b", re.I), "three times a week"),
    (re.compile(r"\b(?:once a week|once weekly|weekly)\b", re.I), "weekly"),
    (re.compile(r"\b(?:fortnightly|every two weeks|every 2 weeks|biweekly)\b", re.I), "fortnightly"),
    (re.compile(r"\b(?:every other day|on alternate days|every second day)\b", re.I), "every other day"),
    (re.compile(r"\b(?:once a month|monthly|every four weeks|every 4 weeks)\b", re.I), "monthly"),
    (re.compile(r"\bevery (?P<n>\d+) (?P<u>days|weeks|months)\b", re.I), "every {n} {u}"),
]
# a treatment period: right after what is given ("10 infusions within 24 days", "injections for 6 months")
_DURATION = re.compile(rf"\b(?:infusions|injections|administrations|doses|treatment|therapy|receive|received|"
                       rf"given|administered|daily|day|weekly|week)\b[^.;]{{0,40}}?\b(?:within|for|over|during)\s+"
                       rf"(?:a period of\s+)?(?P<n>{COUNT})\s+(?P<u>days|weeks|months|years)\b(?!\s+after)", re.I)
_ADMINS = re.compile(rf"\b(?P<n>{COUNT})\s+(?:IV\s+|intravenous\s+|subcutaneous\s+|SC\s+)?"
                     rf"(?:infusions|injections|administrations|doses)\b", re.I)
_DAYS = {"days": 1, "weeks": 7, "months": 30, "years": 365}


def _add_schedule(ctx: Context, facts: list[Fact], studied: list[str]) -> None:
    """Fill route, frequency, duration and administrations of the study drug's regimens."""
    if not studied or not facts:
        return
    sents = []
    for sent in ctx.sentences():
        part, in_abs = part_of(ctx.document, sent.start_char)
        if (in_abs and part != "conclusions") or part in ("title", "methods", "other"):
            if any(e.kb_id_ in studied for e in ctx.concepts_in(sent, {"Drug"})) or _DOSING_WORDS.search(sent.text):
                sents.append(sent)
    freq = _frequency(sents)
    duration = _duration(sents)
    admins = _administrations(sents)
    routes: Counter[str] = Counter()
    route_concepts: dict[str, Concept] = {}
    for sent in sents:
        for e in ctx.concepts_in(sent, {"Route"}):
            routes[e.kb_id_] += 1
            route_concepts[e.kb_id_] = ctx.concept(e)
    route = route_concepts[routes.most_common(1)[0][0]] if routes else None
    study = [f for f in facts if f.fields["role"] == "study"]
    values_per_drug = Counter(f.fields["drug"].iri for f in study)
    for f in study:
        f.fields.update({"route": route, "frequency": freq, "duration": duration, "administrations": admins})
        if values_per_drug[f.fields["drug"].iri] > 1:
            f.fields["arm"] = f"{f.fields['dose_value']:.2f} {f.fields['dose_unit_label']} group"


def _frequency(sents) -> str | None:
    """A loading phase then a maintenance rhythm: "daily for 4 days, then twice a week"."""
    phases: list[tuple[int, str]] = []
    for sent in sents:
        taken: list[tuple[int, int]] = []
        for rx, template in _FREQ:
            for m in rx.finditer(sent.text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                groups = {k: v for k, v in m.groupdict().items() if v}
                if "n" in groups:
                    groups["n"] = str(to_int(groups["n"]) or groups["n"])
                text = template.format(**groups) if "{n}" not in template or "n" in groups else template
                if template == "daily" and "n" in groups:
                    text = f"daily for {groups['n']} days"
                phases.append((sent.start_char + m.start(), text))
        if phases:
            break
    phases.sort()
    ordered = list(dict.fromkeys(p for _s, p in phases))
    return ", then ".join(ordered) if ordered else None


def _duration(sents) -> str | None:
    """The longest treatment period stated ("within 24 days", "for 6 months")."""
    best: tuple[int, str] | None = None
    for sent in sents:
        for m in _DURATION.finditer(sent.text):
            n = to_int(m.group("n"))
            if n is None:
                continue
            days = n * _DAYS[m.group("u").lower()]
            if best is None or days > best[0]:
                best = (days, f"{n} {m.group('u').lower()}")
    return best[1] if best else None


def _administrations(sents) -> int | None:
    for sent in sents:
        m = _ADMINS.search(sent.text)
        if m and (n := to_int(m.group("n"))):
            return n
    return None
