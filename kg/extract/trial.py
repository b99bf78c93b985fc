"""Trial metadata: registry IDs, acronym, phase, design, N enrolled, conditions.

Each attribute becomes a `trial` fact {"attribute": name, "value": ...} with its evidence.
The trial's own statements are preferred in this order: title, abstract, methods, then
results; background and discussion sentences mostly speak of other trials.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter

from kg.extract.abbreviations import defines
from kg.extract.base import Context, Fact, Guarded, guarded, part_of
from kg.extract.numbers import COUNT, to_int
from kg.lexicon import ONTOLOGY_DIR, fold
from kg.readers.common import registry_id_spans

EXTRACTOR = "trial"
_PREFERRED_PARTS = ("title", "abstract", "methods", "results")

_PHASE = guarded(re.compile(
    r"\bphase\s+(IV|I{1,3}|[1-4])\s*([ab])?"
    r"(?:\s*(?:/|–|-|to|and)\s*(?:phase\s+)?(IV|I{1,3}|[1-4])\s*([ab])?)?(?![A-Za-z0-9])",
    re.IGNORECASE,
))
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_PEOPLE = r"(?:[A-Za-z][\w'-]{1,15}\s+){0,2}?" \
          r"(?:patients|outpatients|inpatients|participants|subjects|individuals|adults|women|men|children|" \
          r"infants|neonates|volunteers|" \
          r"persons|people|mothers|students|pairs|couples|recipients|smokers|athletes|animals|rats|mice|hamsters|" \
          r"rabbits|dogs|pigs|eyes|teeth)"
_ENROL_VERB = r"(?:enrolled|included|recruited|randomi[sz]ed|studied|treated|registered|selected|assigned|allocated|" \
              r"divided|distributed)"
_ENROLLED = [guarded(rx) for rx in [
    re.compile(rf"\b(?:enrolled|included|recruited|randomi[sz]ed|randomly\s+(?:assigned|allocated)|studied)\s+"
               rf"(?:a\s+total\s+of\s+)?(?P<n>{COUNT})\s+{_PEOPLE}", re.IGNORECASE),
    re.compile(rf"\b(?P<n>{COUNT})\s+{_PEOPLE}(?:\s+(?:with|aged|from|who|that|in|at|of|undergoing|receiving|"
               rf"scheduled|[a-z]+ed\s+(?:through|from|at|in|via|by|with|into|for|between))\b[^;]{{1,90}}?)?"
               rf"\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+){{0,2}}?"
               rf"{_ENROL_VERB}\b", re.IGNORECASE),
    re.compile(rf"\b(?:of|among)\s+(?:the|these|all)\s+(?P<n>{COUNT})\s+(?:{_PEOPLE}\s+)?"
               rf"(?:randomi[sz]ed|enrolled|included|recruited|assigned)\b", re.IGNORECASE),
    re.compile(rf"\b(?P<n>{COUNT})\s+(?:{_PEOPLE}\s+)?(?:underwent|were\s+included\s+in|entered)\s+"
               rf"(?:the\s+)?randomi[sz]ation\b", re.IGNORECASE),
    re.compile(rf"\b(?:participants|patients|subjects|population)\s*:\s*(?:a\s+total\s+of\s+)?(?P<n>{COUNT})\s+"
               rf"{_PEOPLE}", re.IGNORECASE),
    re.compile(rf"\b[Nn]\s*=\s*(?P<n>\d+)\s+(?:{_PEOPLE})"),
    re.compile(rf"\b{_PEOPLE}[^.;()]{{0,60}}?\(\s*[Nn]\s*=\s*(?P<n>\d+)\s*\)\s*(?:were|was)\s+"
               rf"(?:\w+\s+)?{_ENROL_VERB}\b", re.IGNORECASE),
]]
# each arm's own count, to be added up when no total is stated
_ARM_COUNTS = [
    re.compile(r"\(\s*[Nn]\s*=\s*(?P<n>\d+)\s*\)"),
    re.compile(rf"\b(?P<n>{COUNT})\s+{_PEOPLE}\s+(?:received|were\s+given|were\s+treated\s+with|used|took)\b",
               re.IGNORECASE),
    re.compile(r"\b[Nn]\s*=\s*(?P<n>\d+)\b"),
]
_OTHER_STUDY = re.compile(r"\b(?:previous|prior|earlier|other|another|recent)\s+(?:\w+\s+)?(?:studies|study|trials|"
                          r"trial|reports?)\b|\[\d", re.IGNORECASE)
_ACRONYM_CONTEXT = re.compile(
    r"\b(?:the\s+)?(?P<a>[A-Z][A-Z0-9-]{3,}|[A-Z][a-z]+[A-Z][A-Za-z]*)\s+(?:was|is)\s+an?\s+(?:[\w,-]+\s+){0,6}?"
    r"(?:trial|study)\b"
    r"|\b[Tt]he\s+(?P<b>[A-Z][A-Z0-9-]{3,})\s+(?:[\w-]+\s+){0,5}?(?:trial|study)\b"
    r"|\((?P<c>[A-Z][A-Za-z0-9-]{3,})\)\s*$"
    # a title that opens with the trial's name: "ABC-12: a randomised phase II trial of ..."
    r"|^\s*(?P<d>[A-Z][A-Z0-9-]{2,}(?:\s+[A-Z0-9][A-Z0-9-]{1,}){0,2})\s*:\s+(?:an?|the)\s+(?:[\w,-]+\s+){0,8}?"
    r"(?:trial|study)\b"
)


def extract(ctx: Context) -> list[Fact]:
    """All trial attributes stated in the paper."""
    facts: list[Fact] = []
    facts += _registry_ids(ctx)
    facts += _acronym(ctx)
    facts += _phase(ctx)
    facts += _designs(ctx)
    facts += _enrolled(ctx)
    facts += _conditions(ctx)
    facts += _analysed(ctx)
    facts += _period_and_sites(ctx)
    facts += _sponsor(ctx)
    return facts


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_PERIOD = re.compile(rf"\bbetween\s+(?P<a>(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:19|20)\d\d)\s+and\s+"
                     rf"(?P<b>(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:19|20)\d\d)")
_SITES = re.compile(r"\b(?P<n>\d+|[a-z]+)\s+(?:[\w-]+\s+){0,2}(?:hospitals|centres|centers|sites|clinics)\s+in\s+"
                    r"(?P<country>[A-Z][\w ]+?)\s*\((?P<list>[^()]{3,200})\)")
_SITES = guarded(_SITES)
_ANALYSED = [guarded(rx) for rx in [
    re.compile(rf"\b[Aa]mong\s+(?:the\s+)?(?P<n>{COUNT})\s+{_PEOPLE}\s+(?:assessed|evaluated|analy[sz]ed)\b"),
    re.compile(rf"\b(?P<n>{COUNT})\s+{_PEOPLE}\s+(?:were\s+)?(?:evaluable|analy[sz]ed|included in the "
               rf"(?:\w+\s+)?analys[ie]s)\b", re.I),
]]
_SPONSOR = [guarded(rx) for rx in [
    re.compile(r"\b(?:funded|sponsored|supported)\s+by\s+(?:a\s+grant\s+from\s+|the\s+)?(?P<s>[A-Z][\w&.-]*"
               r"(?:\s+[A-Z][\w&.-]*){0,5})"),
    re.compile(r"\b(?P<s>[A-Z][A-Z0-9&.-]{2,}(?:\s+[A-Z][\w&.-]*){0,3})\s+(?:funded|sponsored)\s+the\s+(?:study|trial)"),
]]


def _analysed(ctx: Context) -> list[Fact]:
    """N analysed: "Among 10 patients assessed for efficacy", "10 patients were evaluable"."""
    return _first_count(ctx, "n_analysed", _ANALYSED, lambda part, in_abs: part in ("results", "other"))


def _first_count(ctx: Context, attribute: str, patterns: list[re.Pattern], where) -> list[Fact]:
    """The first number of people a pattern finds, in the parts `where(part, in_abstract)` accepts."""
    for sent in _sentences_by_preference(ctx):
        if not where(*part_of(ctx.document, sent.start_char)):
            continue
        for rx in patterns:
            m = rx.search(sent.text)
            if m and (n := to_int(m.group("n"))):
                s = sent.start_char + m.start()
                return [_fact(ctx, attribute, n, s, sent.start_char + m.end(), f"trial.{attribute}")]
    return []


def _period_and_sites(ctx: Context) -> list[Fact]:
    """When and where, from the methods: "between July 2013 and October 2015", "6 hospitals in France (A, B)"."""
    out: list[Fact] = []
    for sent in ctx.sentences():
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part in ("background", "discussion") or not (in_abs or part in ("methods", "results", "other")):
            continue
        m = _PERIOD.search(sent.text)
        if m and not any(f.fields["attribute"] == "start_date" for f in out):
            for key, g in (("start_date", "a"), ("end_date", "b")):
                s = sent.start_char + m.start(g)
                out.append(_fact(ctx, key, m.group(g), s, s + len(m.group(g)), "trial.period"))
        m = _SITES.search(sent.text)
        if m and not any(f.fields["attribute"] == "site" for f in out):
            base = sent.start_char + m.start("list")
            for site in re.finditer(r"[^,;]+", m.group("list")):
                name = site.group(0).strip()
                if name:
                    s = base + site.start() + site.group(0).index(name)
                    out.append(_fact(ctx, "site", f"{name}, {m.group('country').strip()}", s, s + len(name),
                                     "trial.site"))
    return out


def _sponsor(ctx: Context) -> list[Fact]:
    """Who funded the trial: a funding statement anywhere but the references."""
    for sent in ctx.every_sentence():
        if not ctx.document.is_minable(sent.start_char, sent.end_char):
            continue  # references, metadata, boilerplate and repeated text; back matter is read
        for rx in _SPONSOR:
            m = rx.search(sent.text)
            if m:
                s = sent.start_char + m.start("s")
                return [_fact(ctx, "sponsor", m.group("s"), s, s + len(m.group("s")), "trial.sponsor", 0.7)]
    return []


def _fact(ctx: Context, attribute: str, value, start: int, end: int, rule: str, conf: float = 0.9) -> Fact:
    return Fact("trial", {"attribute": attribute, "value": value}, [ctx.evidence(start, end)],
                EXTRACTOR, rule, conf, surface=ctx.document.text[start:end])


@functools.lru_cache(maxsize=1)
def _registries() -> list[tuple[Guarded, str | None]]:
    """The registry identifier patterns of ontology/registries.json."""
    data = json.loads((ONTOLOGY_DIR / "registries.json").read_text(encoding="utf-8"))
    # guarded by the bare pattern: without the leading look-behind, re finds its literal prefix fast
    return [(Guarded(re.compile(rf"(?<![\w/-])(?:{r['pattern']})(?![\w/])"), re.compile(r["pattern"])), r.get("near"))
            for r in data["registries"]]


def registry_spans(text: str) -> list[tuple[str, int, int]]:
    """Every registry identifier of every registry the data names, in text order."""
    out = []
    for rx, near in _registries():
        for m in rx.finditer(text):
            if near and near not in text[max(0, m.start() - 40): m.start()].lower():
                continue
            out.append((re.sub(r"\s+", "", m.group(0)), m.start(), m.end()))
    return sorted(set(out), key=lambda x: x[1])


def _registry_ids(ctx: Context) -> list[Fact]:
    seen: set[str] = set()
    out = []
    spans = registry_spans(ctx.document.text)
    covered = [(s, e) for _r, s, e in spans]
    # a reader may know an id the text writes in a form the data lacks
    spans += [(rid, s, e) for rid, s, e in registry_id_spans(ctx.document.text)
              if not any(a <= s < b for a, b in covered)]
    for rid, s, e in spans:
        if rid in seen or not ctx.document.is_minable(s, e) or ctx.section_kind(s) == "references":
            continue
        seen.add(rid)
        out.append(_fact(ctx, "registry_id", rid, s, e, "trial.registry_id"))
    return out


def _acronym(ctx: Context) -> list[Fact]:
    """A capitalised name the paper calls its trial ("LUPSENIC was a phase IIa ... trial")."""
    abbreviations = _defined_abbreviations(ctx)
    votes: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for sent in _sentences_by_preference(ctx):
        for m in _ACRONYM_CONTEXT.finditer(sent.text):
            group = next(g for g in ("a", "b", "c", "d") if m.group(g))
            word = m.group(group)
            s = sent.start_char + m.start(group)
            if word.upper() in abbreviations or _is_concept_at(ctx, s) or word.lower() in ("this", "our"):
                continue
            votes[word.upper()] += 2 if group in ("c", "d") and part_of(ctx.document, s)[0] == "title" else 1
            first.setdefault(word.upper(), (s, s + len(word)))
    if not votes:
        return []
    best, _ = votes.most_common(1)[0]
    s, e = first[best]
    return [_fact(ctx, "acronym", best, s, e, "trial.acronym")]


def _defined_abbreviations(ctx: Context) -> set[str]:
    """Abbreviations the paper defines ("lupus low disease activity state (LLDAS)"): not trial names."""
    out = set()
    text = ctx.document.text
    for m in re.finditer(r"\(([A-Z][A-Za-z0-9-]{2,})\)", text):
        if defines(text[max(0, m.start() - 120): m.start()], m.group(1)):
            out.add(m.group(1).upper())
    return out


def _is_concept_at(ctx: Context, start: int) -> bool:
    return any(sp.start_char <= start < sp.end_char for sp in ctx.concept_spans(max(0, start - 80), start + 80))


def _sentences_by_preference(ctx: Context):
    """Minable sentences: title, abstract, methods, results first; background/discussion last."""
    sents = ctx.sentences()

    def rank(sent) -> int:
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part == "title":
            return 0
        if in_abs:
            return 1
        return 2 + (_PREFERRED_PARTS.index(part) if part in _PREFERRED_PARTS else 4)

    return sorted(sents, key=lambda s: (rank(s), s.start_char))


def _phase(ctx: Context) -> list[Fact]:
    """The first phase stated for this trial; "phase II/III trials" (plural) are other trials."""
    for sent in _sentences_by_preference(ctx):
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part in ("background", "discussion", "conclusions") and not in_abs:
            continue
        for m in _PHASE.finditer(sent.text):
            after = sent.text[m.end(): m.end() + 40].lower()
            if re.match(r"\s*(?:[\w-]+\s+){0,3}?(?:trials|studies)\b", after):
                continue
            phase = _roman(m.group(1)) + (m.group(2) or "").lower()
            if m.group(3):
                phase += "/" + _roman(m.group(3)) + (m.group(4) or "").lower()
            s = sent.start_char + m.start()
            return [_fact(ctx, "phase", phase, s, sent.start_char + m.end(), "trial.phase")]
    return []


def _roman(x: str) -> str:
    return _ROMAN.get(x, x.upper())


def _designs(ctx: Context) -> list[Fact]:
    """Study-design concepts where the paper describes its own trial (title, abstract, methods)."""
    out: list[Fact] = []
    seen: set[str] = set()
    for sent in _sentences_by_preference(ctx):
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part in ("background", "discussion") and not _about_this_trial(sent):
            continue  # designs of the trials a paper cites or wants
        if _OTHER_STUDY.search(sent.text):
            continue  # a cited design belongs to another study
        for ent in ctx.concepts_in(sent, {"StudyDesign"}):
            c = ctx.concept(ent)
            if c.iri not in seen:
                seen.add(c.iri)
                out.append(_fact(ctx, "design", c, ent.start_char, ent.end_char, "trial.design"))
    out += _described_designs(ctx, seen)
    out += _placebo_arm(ctx, seen)
    labels = {f.fields["value"].label for f in out}
    subsumed = _design_file()["subsumed"]
    return [f for f in out if not labels & set(subsumed.get(f.fields["value"].label, ()))]


@functools.lru_cache(maxsize=1)
def _design_file() -> dict:
    return json.loads((ONTOLOGY_DIR / "design_cues.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _design_cues() -> list[dict]:
    """The cues of ontology/design_cues.json, compiled."""
    cues = [dict(c) for c in _design_file()["cues"]]
    for cue in cues:
        cue["rx"] = Guarded(re.compile("|".join(f"(?:{p})" for p in cue["patterns"]), re.IGNORECASE),
                            re.compile(cue["guard"], re.IGNORECASE))
        cue["not_rx"] = re.compile(cue["not_in_sentence"], re.IGNORECASE) if cue.get("not_in_sentence") else None
    return cues


def _described_designs(ctx: Context, seen: set[str]) -> list[Fact]:
    """Designs a paper describes without naming them: a washout before the other arm (crossover),
    an assessor unaware of the allocation (assessor-blinded), the trial done at one hospital
    (single-centre), a before-and-after comparison named as the design."""
    out: list[Fact] = []
    sents = [sent for sent in _sentences_by_preference(ctx) if _own_statement(ctx, sent)
             and (part_of(ctx.document, sent.start_char)[0] != "background" or _about_this_trial(sent))]
    for cue in _design_cues():
        concept = ctx.lexicon.by_label(cue["design"], "StudyDesign")
        if concept is None or concept.iri in seen:
            continue
        labels = {ctx.lexicon.concepts[i].label for i in seen if i in ctx.lexicon.concepts}
        if labels & set(cue["unless"]):
            continue
        for sent in sents:
            m = cue["rx"].search(sent.text)
            if m and not (cue["not_rx"] and cue["not_rx"].search(sent.text)):
                seen.add(concept.iri)
                s = sent.start_char + m.start()
                out.append(_fact(ctx, "design", concept, s, sent.start_char + m.end(), "trial.design.cue",
                                 0.7))
                break
    return out


# a placebo arm makes a trial placebo-controlled, whether or not the paper says the word
_PLACEBO_ARM = re.compile(r"\b(?:or|versus|vs\.?|and|with|received|receive|receiving|given|to)\s+(?:an?\s+|the\s+)?"
                          r"(?:identical\s+|matching\s+|matched\s+|inactive\s+)?(?P<p>placebo)\b|"
                          r"\b(?P<q>placebo)[- ](?:group|arm|tablets?|capsules?|injections?|infusions?|treated)\b|"
                          # the placebo of one drug ("vs L-placebo", "lisinopril-placebo") or an arm
                          # labelled so ("3 ml saline (placebo) was injected")
                          r"(?<=\w-)(?<!non-)(?<!pre-)(?<!post-)(?<!anti-)(?P<r>placebo)\b|\((?P<s>placebo)\)",
                          re.IGNORECASE)
_PLACEBO_ARM = guarded(_PLACEBO_ARM)


def _placebo_arm(ctx: Context, seen: set[str]) -> list[Fact]:
    concept = ctx.lexicon.by_label("placebo-controlled", "StudyDesign")
    if concept is None or concept.iri in seen:
        return []
    for sent in _sentences_by_preference(ctx):
        if not _own_statement(ctx, sent):
            continue
        m = _PLACEBO_ARM.search(sent.text)
        if m:
            g = next(k for k in ("p", "q", "r", "s") if m.group(k))
            s = sent.start_char + m.start(g)
            return [_fact(ctx, "design", concept, s, s + len(m.group(g)), "trial.design.placebo_arm", 0.8)]
    return []


def _about_this_trial(sent) -> bool:
    return bool(re.search(r"\b(?:we|our\s+(?:trial|study)|this\s+(?:[\w,-]+\s+){0,5}?(?:trial|study)|"
                          r"the\s+present\s+(?:trial|study))\b", sent.text, re.IGNORECASE))


def _enrolled(ctx: Context) -> list[Fact]:
    """N enrolled: "enrolled 11 adult SLE patients", "Three hundred sixty patients were randomised",
    "Of the 1066 patients randomised", "underwent randomisation"; else the sum of the arms'
    counts stated in one sentence ("cell group (n = 9) and control group (n = 9)")."""
    sents = [sent for sent in _sentences_by_preference(ctx)
             if _own_statement(ctx, sent) and not _introduction(ctx, sent)]
    for sent in sents:
        labelled = _under_population_label(ctx, sent)
        if labelled:
            return [labelled]
        for rx in _ENROLLED:
            for m in rx.finditer(sent.text):
                n = to_int(m.group("n"))
                if n and n > 3 and not _is_year(m.group("n")) and not _part_of_a_whole(sent.text, m):
                    s = sent.start_char + m.start()
                    return [_fact(ctx, "n_enrolled", n, s, sent.start_char + m.end(), "trial.n_enrolled")]
    for sent in sents:
        if not re.search(r"\b(?:group|groups|arm|arms|randomi[sz]|allocated|assigned|received)\w*", sent.text, re.I):
            continue
        for rx in _ARM_COUNTS:
            found = [m for m in rx.finditer(sent.text) if to_int(m.group("n"))]
            if len(found) >= 2:
                total = sum(to_int(m.group("n")) for m in found)
                s, e = sent.start_char + found[0].start(), sent.start_char + found[-1].end()
                return [_fact(ctx, "n_enrolled", total, s, e, "trial.n_enrolled.sum_of_arms", 0.7)]
    return []


@functools.cache
def _enrolment_rx() -> dict[str, re.Pattern]:
    """The cues of ontology/enrolment.json, compiled once: they are asked of every sentence."""
    cues = json.loads((ONTOLOGY_DIR / "enrolment.json").read_text(encoding="utf-8"))
    labels = "|".join(cues["population_labels"])
    return {
        "subset_after": re.compile(r"\s+(?:" + "|".join(cues["subset_after_count"]) + r")\b", re.I),
        "proportion_before": re.compile(r"(?:" + "|".join(cues["proportion_before_count"]) + r")\s*$", re.I),
        "label_inline": re.compile(rf"(?:^|[.\n]\s*)(?:{labels})\s*:\s*$", re.I),
        "label_heading": re.compile(rf"\s*(?:{labels})\s*", re.I),
        "opening_count": re.compile(rf"(?:a\s+total\s+of\s+|in\s+total,?\s+)?(?P<n>{COUNT})\s+{_PEOPLE}\b", re.I),
        "before_enrolment": re.compile(rf"[^.;]{{0,60}}?\b(?:were|was|had\s+been)\s+(?:\w+\s+)?"
                                       rf"(?:{'|'.join(cues['before_enrolment'])})\b", re.I),
    }


def _part_of_a_whole(text: str, m: re.Match) -> bool:
    """"six other participants", "1 in 6 participants": not the N enrolled."""
    rx = _enrolment_rx()
    return bool(rx["subset_after"].match(text, m.end("n"))
                or rx["proportion_before"].search(text[max(0, m.start("n") - 30): m.start("n")]))


def _under_population_label(ctx: Context, sent) -> Fact | None:
    """"Participants: 24 adults with ...": a count of people opening the part of a structured
    abstract labelled with the population (labels in ontology/enrolment.json)."""
    rx = _enrolment_rx()
    inline = rx["label_inline"].search(ctx.document.text[max(0, sent.start_char - 40): sent.start_char])
    if not inline:
        section = ctx.document.section_at(sent.start_char)
        if not (section is not None and rx["label_heading"].fullmatch(section.name)
                and ctx.document.text[section.start: sent.start_char].strip() in ("", section.name.strip())):
            return None
    m = rx["opening_count"].match(sent.text)
    n = to_int(m.group("n")) if m else None
    if not n or n <= 3 or _is_year(m.group("n")) or _part_of_a_whole(sent.text, m):
        return None
    if rx["before_enrolment"].match(sent.text[m.end():]):
        return None
    start, end = sent.start_char + m.start("n"), sent.start_char + m.end()
    return _fact(ctx, "n_enrolled", n, start, end, "trial.n_enrolled.label")


def _introduction(ctx: Context, sent) -> bool:
    """A full text's background (introduction) counts the people of earlier studies, not this trial's."""
    part, in_abs = part_of(ctx.document, sent.start_char)
    return part == "background" and not in_abs


def _own_statement(ctx: Context, sent) -> bool:
    """A sentence that may state this trial's own numbers: not discussion, not another study's."""
    part, in_abs = part_of(ctx.document, sent.start_char)
    if part == "discussion" and not in_abs:
        return False
    return not _OTHER_STUDY.search(sent.text)


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", text))


@functools.lru_cache(maxsize=1)
def _condition_rules() -> dict:
    r = json.loads((ONTOLOGY_DIR / "conditions.json").read_text(encoding="utf-8"))
    r["with_rx"] = guarded(re.compile(rf"\b(?:{r['population']})\s+(?:\([^()]{{1,40}}\)\s+)?"
                              rf"(?:(?:aged|from|in)\s+[^,;()]{{1,40}}?\s+)?"
                              rf"(?:with|having|suffering\s+from|diagnosed\s+with|who\s+(?:are|were|have|had)|"
                              rf"{r['procedure_intro']})\s+(?P<x>[^,;:.()]{{3,90}})", re.I))
    r["head_rx"] = re.compile(rf"^(?P<p>(?:[\w'’-]+\s+){{0,4}}?[\w'’-]*(?:{r['disease_heads']}|"
                              rf"{r['procedure_heads']}))\b(?!\s+(?:{r['not_after_head']})\b)", re.I)
    r["adjective_rx"] = re.compile(rf"\b(?P<adj>[A-Za-z][a-z]+(?:ic|ive|ese|ed))\s+(?:{r['population']}|"
                                   rf"{r['population_after']})\b|\b(?P<noun>[A-Za-z][a-z]+ic)s\b")
    r["behaviour_rx"] = [(b, re.compile(r"\b(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(b["written"], key=len, reverse=True)) + r")\b", re.I))
        for b in r["behaviours"]]
    r["not_adjective_conditions"] = set(r["not_adjective_conditions"])
    r["generic_conditions"] = set(r["generic_conditions"])
    r["before_rx"] = guarded(re.compile(rf"(?P<x>\b[\w'’-]+(?:\s+[\w'’-]+){{0,2}}?)\s+(?:{r['population_after']})\b",
                                        re.I))
    r["premodifier_rx"] = re.compile(rf"(?:{r['disease_heads']}|{r['premodifier_heads']})$", re.I)
    r["headed_rx"] = Guarded(re.compile(rf"(?P<p>\b(?:[A-Za-z][\w'’-]*\s+){{1,2}}(?:{r['infection_heads']}))\b", re.I),
                             re.compile(rf"\b(?:{r['infection_heads']})\b", re.I))
    r["not_disease_words"] = set(r["not_disease_words"])
    r["outcome_rx"] = re.compile(rf"\b(?:{r['outcome_cues']})\s+(?:\w+\s+){{0,2}}$", re.I)
    return r


def _conditions(ctx: Context) -> list[Fact]:
    """The conditions a trial studies: those of the title and of "<patients> with X" in the
    paper's own statements; otherwise the most frequent in them. A disease the dictionaries
    lack is taken from "<patients> with X" when X ends in a disease word."""
    r = _condition_rules()
    title: list = []
    population: list = []
    other: list = []
    named = _named_conditions(ctx)
    for sent in _sentences_by_preference(ctx):
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part == "discussion" or not _own_statement(ctx, sent):
            continue
        spans = _condition_spans(ctx, sent.start_char, sent.end_char)
        if part == "title":
            text = ctx.document.text
            title += [sp for sp in spans if not r["outcome_rx"].search(text[sent.start_char:sp.start_char])]
            title += _adjectival(ctx, sent, named)
        elif part != "results":  # what patients had in the results is an event, not the topic
            other += spans
            population += _adjectival(ctx, sent, named)
        for m in r["with_rx"].finditer(sent.text):
            a, b = sent.start_char + m.start("x"), sent.start_char + m.end("x")
            inside = [sp for sp in spans if a <= sp.start_char and sp.end_char <= b]
            if inside:
                # "patients with bladder outlet obstruction due to benign prostatic hyperplasia" under a
                # title on the latter: the title's condition, named again, adds nothing new
                topic = [sp for sp in inside if sp.kb_id_ in {_iri(x) for x in title}]
                population.append((topic or inside)[0])
                continue
            x = re.sub(r"^(?:(?:a|an|the|their|his|her|its|some|any|this|these)\s+)+", "", m.group("x"), flags=re.I)
            a += len(m.group("x")) - len(x)
            head = r["head_rx"].match(x)
            if head and not re.search(r"\d", head.group("p")) and _specific(head.group("p")):
                c = ctx.lexicon.discover("Condition", head.group("p"), "population")
                population.append((c, a, a + len(head.group("p"))))
        if part != "results":
            population += _named_before_population(ctx, sent, spans)
    chosen = title + population[:1]
    if not chosen:
        chosen = _behaviour(ctx)
    if not chosen and not other:
        other = _headed_phrases(ctx)
    if not chosen and other:
        top, n = Counter(_iri(x) for x in other).most_common(1)[0]
        chosen = [x for x in other if _iri(x) == top][:1] if n >= 2 else []  # one passing mention is no topic
    out, seen = [], set()
    items = [x if isinstance(x, tuple) else (ctx.concept(x), x.start_char, x.end_char) for x in chosen]
    # a kind of disease ('tumour') after the specific ones, so that a specific one found later still wins
    items.sort(key=lambda x: fold_label(x[0].label) in r["generic_conditions"])
    for c, s, e in items:
        if out and fold_label(c.label) in r["generic_conditions"]:
            continue  # 'carcinoma' beside 'breast cancer': a kind, adding nothing
        if any(f" {fold_label(c.label)} " in f" {fold_label(f.fields['value'].label)} " or
               (f.evidence[0].start <= s and e <= f.evidence[0].end) for f in out):
            continue  # 'obstructive pulmonary disease' read inside 'chronic obstructive pulmonary disease'
        if c.iri not in seen:
            seen.add(c.iri)
            out.append(_fact(ctx, "condition", c, s, e, "trial.condition"))
    return out


def _named_conditions(ctx: Context) -> dict[str, tuple]:
    """The diseases the paper names (folded text → concept, first mention): what an adjective of a
    population ('asthmatic subjects') may stand for."""
    out: dict[str, tuple] = {}
    for sp in _condition_spans(ctx, 0, len(ctx.document.text)):
        out.setdefault(fold_label(sp.text), ctx.concept(sp))
    return out


def _adjectival(ctx: Context, sent, named: dict[str, tuple]) -> list:
    """'asthmatic subjects', 'hyperlipidemic patients', 'obese adults', 'asthmatics': a population
    named by an adjective of its condition. The adjective's ending is rewritten into candidate
    disease names (ontology/conditions.json); one counts when the paper names that disease itself
    or the lexicon knows it, so the rewrite never invents one. The evidence is the adjective."""
    r = _condition_rules()
    out = []
    for m in r["adjective_rx"].finditer(sent.text):
        group = "adj" if m.group("adj") else "noun"
        word = m.group(group).lower()
        for suffix, repl in r["adjective_suffixes"]:
            if not word.endswith(suffix) or len(word) - len(suffix) < 3:
                continue
            noun = word[: len(word) - len(suffix)] + repl
            if noun in r["not_adjective_conditions"]:
                continue
            c = named.get(noun) or ctx.lexicon.by_label(noun, "Condition")
            if c is not None:
                out.append((c, sent.start_char + m.start(group), sent.start_char + m.end(group)))
                break
    return out


def _behaviour(ctx: Context) -> list:
    """A trial of a behaviour (smoking cessation, hazardous drinking) where no disease is its topic:
    the behaviour its title names, or that its own statements name at least twice ('smokers')."""
    r = _condition_rules()
    hits: dict[str, list] = {}
    for sent in _sentences_by_preference(ctx):
        part, _in_abs = part_of(ctx.document, sent.start_char)
        if part in ("discussion", "results") or not _own_statement(ctx, sent):
            continue
        for b, rx in r["behaviour_rx"]:
            for m in rx.finditer(sent.text):
                hits.setdefault(b["label"], []).append((part, sent.start_char + m.start(), sent.start_char + m.end()))
    ranked = sorted(hits.items(), key=lambda kv: (not any(p == "title" for p, _s, _e in kv[1]), -len(kv[1])))
    for label, found in ranked:
        if len(found) >= 2 or found[0][0] == "title":
            c = ctx.lexicon.by_label(label, "Condition") or ctx.lexicon.discover("Condition", label, "population")
            return [(c, found[0][1], found[0][2])]
    return []


def related_condition_names(label: str) -> set[str]:
    """Names of the same state as a trial's condition that the dictionaries give otherwise (a
    smoking trial's 'nicotine dependence'): not adverse events of that trial."""
    return {fold(w) for b in _condition_rules()["behaviours"] if fold(b["label"]) == fold(label)
            for w in b["related"]}


def _headed_phrases(ctx: Context) -> list:
    """Diseases no dictionary knows, named in the paper's own statements (not its results) by a
    phrase that ends in a disease head ('helminth infections', 'Chlamydia trachomatis infection'):
    candidates for the topic when the dictionaries find none. Of a longer and a shorter reading
    ('clears schistosome infections', 'schistosome infections') the longer one written as often."""
    r = _condition_rules()
    found: list[tuple[list[str], int, int]] = []  # words before and including the head, where they end
    for sent in _sentences_by_preference(ctx):
        part, _in_abs = part_of(ctx.document, sent.start_char)
        if part in ("discussion", "results") or not _own_statement(ctx, sent):
            continue
        for m in r["headed_rx"].finditer(sent.text):
            words = m.group("p").split()
            while words and (words[0].lower() in _DETERMINERS or words[0].lower() in r["not_disease_words"]):
                words = words[1:]
            if len(words) >= 2 and not re.search(r"\d", " ".join(words)):
                found.append((words, sent.start_char + m.end("p"), len(words)))  # document offset of the end
    counts = Counter(" ".join(w[-k:]).lower() for w, _e, n in found for k in range(2, n + 1))
    out = []
    for words, end, n in found:
        k = max((k for k in range(2, n + 1) if counts[" ".join(words[-k:]).lower()] >= 2), default=2)
        phrase = " ".join(words[-k:])
        written = re.search(r"\s+".join(map(re.escape, words[-k:])) + r"$", ctx.document.text[max(0, end - 200):end])
        if written and _specific(phrase):  # the evidence is the text as written, spacing and all
            out.append((ctx.lexicon.discover("Condition", phrase, "population"), end - len(written.group(0)), end))
    return out


def _named_before_population(ctx: Context, sent, spans: list) -> list:
    """Conditions written before the population noun: 'renal transplant recipients', 'COPD
    patients' (a disease of the dictionaries, else words that end in a disease or procedure head)."""
    r = _condition_rules()
    out = []
    for m in r["before_rx"].finditer(sent.text):
        b = sent.start_char + m.end("x")
        ending = [sp for sp in spans if sp.end_char == b]  # 'chronic obstructive pulmonary disease patients'
        if ending:
            out.append(ending[0])
            continue
        words: list[str] = []
        for w in reversed(m.group("x").split()):  # back to a function word, a number or a verb
            if w.lower() in _DETERMINERS or re.search(r"\d", w) or to_int(w) is not None \
                    or (w.islower() and w.endswith("ed") and not r["premodifier_rx"].search(w)):
                break
            words.insert(0, w)
        phrase = " ".join(words)
        if phrase and r["premodifier_rx"].search(phrase) and len(words) >= 2 and _specific(phrase):
            s = b - len(phrase)
            out.append((ctx.lexicon.discover("Condition", phrase, "population"), s, b))
    return out


_DETERMINERS = {"a", "an", "the", "their", "his", "her", "its", "some", "any", "this", "these", "all", "of", "in",
                "and", "or", "with", "for", "to", "from", "among", "were", "was", "are", "is", "had", "been", "who"}


def _specific(phrase: str) -> bool:
    """A disease phrase that names one ('Trichomonas vaginalis infection'), not a kind ('advanced disease')."""
    generic = {"advanced", "early", "late", "severe", "mild", "moderate", "chronic", "acute", "systemic", "other",
               "various", "different", "several", "multiple", "underlying", "concomitant", "active", "stable",
               "known", "previous", "significant", "serious", "medical", "an", "a", "the", "no", "any"}
    words = [w.lower() for w in phrase.split()]
    return len([w for w in words[:-1] if w not in generic]) >= 1


def _iri(x) -> str:
    return x[0].iri if isinstance(x, tuple) else x.kb_id_


def fold_label(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def _condition_spans(ctx: Context, start: int, end: int) -> list:
    """Disease mentions in text[start:end], longest first where they overlap (the dictionary's
    disease reading of an AE term included)."""
    spans = sorted((sp for sp in ctx.concept_spans(start, end) if sp.label_ == "Condition"),
                   key=lambda sp: (sp.start_char, -(sp.end_char - sp.start_char)))
    out = []
    for sp in spans:
        if out and sp.start_char < out[-1].end_char:
            continue
        out.append(sp)
    return out
