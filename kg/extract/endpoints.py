"""Endpoints: what the trial measured, its kind (primary / secondary / exploratory) and timepoint.

Two classes of statement:
- declared endpoints: "The primary endpoint was the occurrence of adverse events",
  "secondary endpoints were X at week 24 and Y", "the primary endpoint (Treg frequency)",
  "In an exploratory analysis, we collected ... X";
- instruments the abstract reports on (scores and tests from the lexicon such as mRSS,
  EQ-5D-5L, pulmonary function tests), with no declared kind.
"""

from __future__ import annotations

import re

from kg.extract.base import Context, Fact, part_of

EXTRACTOR = "endpoints"
_KIND = r"(?P<kind>primary|secondary|exploratory|main secondary|co-primary|key secondary)"
_NOUN = r"(?:end[- ]?points?|outcomes?(?: measures?)?)"
# a list of endpoints runs to the sentence end or to the next declaration ("... and secondary endpoints were")
_BODY = r"(?P<body>(?:(?!\b(?:and|while|whereas)\s+(?:the\s+)?(?:main\s+)?(?:primary|secondary|exploratory)\b)[^.;])+)"
_DECLARED = [
    # "The primary endpoint was X", "secondary endpoints were X and Y", "... evaluated X"
    re.compile(rf"\b{_KIND}\s+{_NOUN}\s+(?:was|were|is|are|included|evaluated|assessed|consisted of)\s+{_BODY}",
               re.I),
    # "the primary endpoint (Treg frequency)"
    re.compile(rf"\b{_KIND}\s+{_NOUN}\s*\((?P<body>[^()]+)\)", re.I),
    # "X was the primary endpoint"
    re.compile(rf"(?P<body>[A-Za-z][^.;,]{{3,80}}?)\s+(?:was|were)\s+the\s+{_KIND}\s+{_NOUN}", re.I),
    # "In an exploratory analysis, we collected ... X"
    re.compile(rf"\bin an? (?P<kind>exploratory|post[- ]hoc) analysis,\s+we\s+\w+\s+{_BODY}", re.I),
]
_TIME = re.compile(r"\b(?:at|by|after|over|through|until|within)\s+(?P<t>(?:week|day|month|year|W|D|M)\s*\d+|"
                   r"\d+\s+(?:weeks|days|months|years))\b", re.I)
_SPLIT = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+(?=(?:the\s+)?(?:number|reduction|change|occurrence|rate|"
                    r"proportion|time|attainment|incidence|efficacy|safety|percentage)\b)|;\s*|,\s+(?=(?:the\s+)?"
                    r"(?:number|reduction|change|occurrence|rate|proportion|time|attainment)\b))", re.I)


def extract(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    seen: set[str] = set()
    for sent in ctx.sentences():
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part in ("background", "discussion") and not in_abs:
            continue
        for rx in _DECLARED:
            for m in rx.finditer(sent.text):
                if re.search(r"\b(?:if|whether|when|unless)\s+(?:the\s+)?$", sent.text[: m.start()], re.I):
                    continue  # "If the primary outcome is binary, ..." declares nothing
                kind = m.group("kind").lower().replace("main ", "").replace("key ", "")
                kind = "exploratory" if kind.startswith("post") else kind
                body_start = sent.start_char + m.start("body")
                for s, e in _items(ctx.document.text, body_start, sent.start_char + m.end("body")):
                    out.extend(_endpoint(ctx, s, e, kind, seen, sent))
    out.extend(_instruments(ctx, seen))
    _timepoints_from_text(ctx, out)
    return out


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a list of endpoints ("A at week 24 and reduction of B") into spans."""
    spans, pos = [], start
    for m in _SPLIT.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return [(s, e) for s, e in spans if e - s > 2]


def _clean_name(phrase: str) -> tuple[str, str | None]:
    """An endpoint's name without articles, 'the number of', timepoint or trailing clauses."""
    t = _TIME.search(phrase)
    timepoint = _norm_time(t.group("t")) if t else None
    name = phrase[: t.start()] if t else phrase
    name = re.sub(r"^\s*(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"^(?:number|proportion|percentage|rate) of\s+", "", name, flags=re.I)
    name = re.sub(r"\s*\((?:[A-Z][A-Za-z0-9-]*s?)\)", "", name)  # defined abbreviations
    name = re.sub(r"\s+(?:evaluated|assessed|measured|defined|which|that)\b.*$", "", name, flags=re.I)
    name = re.sub(r"^(?:long-term )?data for\s+(?:safety and\s+)?", "", name, flags=re.I)
    return name.strip(" ,:"), timepoint


def _norm_time(t: str) -> str:
    m = re.match(r"(?i)(W|week|D|day|M|month|year)\s*(\d+)$", t.strip())
    if m:
        unit = {"w": "week", "d": "day", "m": "month"}.get(m.group(1).lower(), m.group(1).lower())
        return f"{unit} {m.group(2)}"
    return t.strip().lower()


# words naming a category of endpoints, not an endpoint ("safety", "the efficacy of X")
_CATEGORY = re.compile(r"^(?:safety|efficacy|tolerability|feasibility)\b", re.I)


def _endpoint(ctx: Context, s: int, e: int, kind: str | None, seen: set[str], sent) -> list[Fact]:
    phrase = ctx.document.text[s:e]
    name, timepoint = _clean_name(phrase)
    if len(name) < 3 or _CATEGORY.match(name):
        return []
    if timepoint is None:  # "At day 8, the primary endpoint (Treg frequency) was reached"
        t = _TIME.search(sent.text)
        timepoint = _norm_time(t.group("t")) if t else None
    instrument = next((ctx.concept(x) for x in ctx.concepts_in(sent, {"Instrument"}) if s <= x.start_char < e),
                      None)
    key = (instrument.iri if instrument else name.lower())
    if key in seen:
        return []
    seen.add(key)
    fields = {"name": name, "kind": kind, "timepoint": timepoint, "instrument": instrument}
    # the words as written, with a defined abbreviation kept: "attainment of ... state (LLDAS)"
    written = re.sub(r"^\s*(?:the|a|an)\s+", "", _TIME.split(phrase)[0].strip(" ,:"), flags=re.I)
    return [Fact("endpoint", fields, [ctx.evidence(s, e)], EXTRACTOR, "endpoint.declared", 0.85,
                 surface=written)]


def _instruments(ctx: Context, seen: set[str]) -> list[Fact]:
    """Scores and tests the abstract reports on, as endpoints of undeclared kind."""
    out = []
    for sent in ctx.sentences():
        part, in_abs = part_of(ctx.document, sent.start_char)
        if not in_abs or part not in ("results", "methods", "objective", "other"):
            continue
        for ent in ctx.concepts_in(sent, {"Instrument"}):
            c = ctx.concept(ent)
            if c.iri in seen or c.label.lower() in seen:
                continue
            seen.add(c.iri)
            after = sent.text[ent.end_char - sent.start_char:]
            t = _TIME.match(after.lstrip()) or _TIME.search(after[:40])
            fields = {"name": c.label, "kind": None, "timepoint": _norm_time(t.group("t")) if t else None,
                      "instrument": c}
            out.append(Fact("endpoint", fields, [ctx.evidence(ent.start_char, ent.end_char)], EXTRACTOR,
                            "endpoint.instrument", 0.7, surface=ent.text))
    return out


def _timepoints_from_text(ctx: Context, facts: list[Fact]) -> None:
    """An endpoint without a timepoint takes one stated with its instrument elsewhere in the methods
    ("We assessed the SRI-4 response at week 24")."""
    for f in facts:
        inst = f.fields.get("instrument")
        if f.fields.get("timepoint") or inst is None:
            continue
        for sent in ctx.sentences():
            part, in_abs = part_of(ctx.document, sent.start_char)
            if part not in ("methods", "results") and not in_abs:
                continue
            for ent in ctx.concepts_in(sent, {"Instrument"}):
                if ent.kb_id_ != inst.iri:
                    continue
                t = _TIME.search(sent.text[ent.end_char - sent.start_char:][:60])
                if t:
                    f.fields["timepoint"] = _norm_time(t.group("t"))
                    break
            if f.fields.get("timepoint"):
                break
