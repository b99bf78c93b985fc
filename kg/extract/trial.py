"""Trial metadata: registry IDs, acronym, phase, design, N enrolled, conditions.

Each attribute becomes a `trial` fact {"attribute": name, "value": ...} with its evidence.
The trial's own statements are preferred in this order: title, abstract, methods, then
results; background and discussion sentences mostly speak of other trials.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter, defaultdict

from kg.extract.abbreviations import defines
from kg.extract.base import Context, Fact, Guarded, guarded, part_of, sentence_cached
from kg.extract.folded import folded, folding
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


@functools.cache
def _enrolment_cues() -> dict:
    """ontology/enrolment.json: the parts of an enrolment statement, as data."""
    return json.loads((ONTOLOGY_DIR / "enrolment.json").read_text(encoding="utf-8"))


def _alts(key: str) -> str:
    return "|".join(_enrolment_cues()[key])


# a population: up to five premodifiers ('unselected mechanically ventilated critically ill', 'college-aged',
# '(BMI > 30)')
# and a head noun of ontology/enrolment.json; a function word or a bare number ends the premodifiers, a unit
# of time right after the count ('10 days') is no population
_PEOPLE = (rf"(?!(?:{_alts('count_units')})(?![\w'’-]))"
           rf"(?:(?:(?!(?:{_alts('premodifier_stop')})(?![\w'’-]))(?![\d.,]+\s)[A-Za-z0-9][\w'’-]{{0,24}}|"
           rf"\([^()]{{1,40}}\))\s+){{0,5}}?"
           rf"(?:{_alts('population_nouns')})\b")
# what may stand between a population and its verb: a parenthetical (one level of nesting), and
# any words but a semicolon, up to 160 characters ('with X admitted to Y, Belfast,')
_PAREN = r"\((?:[^()]|\([^()]*\))*\)"
_BETWEEN = rf"(?:{_PAREN}|[^;()]){{0,160}}?"


@functools.cache
def _enrolled_patterns() -> list[tuple[str, re.Pattern | Guarded]]:
    """The enrolment statements, named; built from ontology/enrolment.json."""
    passive = _alts("passive_verbs")
    study = rf"(?:{_alts('study_words')})"
    did = rf"(?:was|were|is|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:{_alts('study_verbs')})"
    rx = {
        "verb_first": rf"\b(?:enrolled|included|recruited|randomi[sz]ed|randomly\s+(?:assigned|allocated)|studied)\s+"
                      rf"(?:a\s+total\s+of\s+)?(?P<n>{COUNT})\s+{_PEOPLE}",
        "count_then_verb": rf"\b(?P<n>{COUNT})\s+{_PEOPLE}(?P<mid>{_BETWEEN})\s+"
                           rf"(?:(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+){{0,2}}?(?:{passive})|"
                           rf"(?:\w+ly\s+)?(?:{_alts('active_verbs')}))\b",
        "whole_of": rf"\b(?:of|among)\s+(?:the\s+|these\s+|all\s+)?(?P<n>{COUNT})\s+(?:{_PEOPLE}\s+)?"
                    rf"(?:randomi[sz]ed|enrolled|included|recruited|assigned)\b",
        "adjective": rf"\b(?P<n>{COUNT})\s+(?:randomi[sz]ed|enrolled|recruited)\s+{_PEOPLE}",
        "randomisation": rf"\b(?P<n>{COUNT})\s+(?:{_PEOPLE}\s+)?(?:underwent|were\s+included\s+in|entered)\s+"
                         rf"(?:the\s+)?randomi[sz]ation\b",
        "label": rf"\b(?:participants|patients|subjects|population)\s*:\s*(?:a\s+total\s+of\s+)?(?P<n>{COUNT})\s+"
                 rf"{_PEOPLE}",
        "population_were": rf"\b(?:participants|subjects|study\s+population|study\s+sample|sample)\s+(?:were|was|"
                           rf"consisted\s+of|comprised)\s+(?:a\s+total\s+of\s+)?(?P<n>{COUNT})\s+{_PEOPLE}",
        "n_equals": rf"\b[Nn]\s*=\s*(?P<n>\d+)\s+(?:{_PEOPLE})",
        "n_equals_after": rf"\b{_PEOPLE}[^.;()]{{0,60}}?\(\s*[Nn]\s*=\s*(?P<n>\d+)\s*\)\s*(?:were|was)\s+"
                          rf"(?:\w+\s+)?(?:{passive})\b",
        "study_in": rf"\b{study}(?:\s+{did}|\s+[^.;]{{1,80}}?\s+{did})?\s+"
                    rf"(?:{_alts('study_prepositions')})\s+(?:a\s+total\s+of\s+)?(?P<n>{COUNT})\s+{_PEOPLE}",
        "received_either": rf"\b(?P<n>{COUNT})\s+{_PEOPLE}(?P<mid>{_BETWEEN})\s+(?:{_alts('received_verbs')})\s+"
                           rf"(?:either\s+)?[^,;.]{{1,80}}?\s+or\s+",
        "whole_then_part": rf"\b(?:of|among|from)\s+(?:(?:{_alts('whole_words')})\s+){{0,3}}{COUNT}\s+{_PEOPLE}"
                           rf"[^;]{{0,120}}?,\s*(?P<n>{COUNT})\s+(?:{_PEOPLE}\s+)?(?:[^;,]{{0,60}}?\s+)?"
                           rf"(?:(?:were|was)\s+(?:\w+\s+)?(?:enrolled|recruited|randomi[sz]ed|included|assigned|"
                           rf"allocated)|{_alts('active_verbs')})\b",
        "aim_in": rf"\b(?:{_alts('aims')})\b[^.;]{{1,120}}?\s+(?:in|among)\s+(?P<n>{COUNT})\s+{_PEOPLE}",
        "sample_of": rf"\b(?:a|an|the|our|this|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{_alts('sample_nouns')})\s+of\s+"
                     rf"(?P<n>{COUNT})\s+{_PEOPLE}",
    }
    out: list[tuple[str, re.Pattern | Guarded]] = []
    for name, p in rx.items():
        compiled = re.compile(p, re.IGNORECASE if name != "n_equals" else 0)
        # an "n = 24" pattern opens with a costly population phrase: tried only where an "=" is
        out.append((name, Guarded(compiled, re.compile(r"=")) if name.startswith("n_equals") else guarded(compiled)))
    return out


# each arm's own count, to be added up when no total is stated
_ARM_COUNTS = [
    re.compile(r"\(\s*[Nn]\s*=\s*(?P<n>\d+)\s*\)"),
    re.compile(rf"\b(?P<n>{COUNT})\s+{_PEOPLE}\s+(?:received|were\s+given|were\s+treated\s+with|used|took)\b",
               re.IGNORECASE),
    re.compile(r"\b[Nn]\s*=\s*(?P<n>\d+)\b"),
]
_OTHER_STUDY = folded(re.compile(r"\b(?:previous|prior|earlier|other|another|recent)\s+(?:\w+\s+)?"
                                 r"(?:studies|study|trials|trial|reports?)\b|\[\d", re.IGNORECASE))
_ACRONYM_CONTEXT = re.compile(
    r"\b(?:the\s+)?(?P<a>[A-Z][A-Z0-9-]{3,}|[A-Z][a-z]+[A-Z][A-Za-z]*)\s+(?:was|is)\s+an?\s+(?:[\w,-]+\s+){0,6}?"
    r"(?:trial|study)\b"
    # "the ABCD trial", "the previously reported ABCD study", "the iStopp randomised trial"
    r"|\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?(?P<b>[A-Z][A-Z0-9-]{3,}|[a-z]{0,2}[A-Z][a-z]+[A-Z][A-Za-z0-9]*)\s+"
    r"(?:[\w-]+\s+){0,5}?(?:trial|study)\b"
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
    """Every registry identifier of every registry the data names, in text order: ids written
    whole ('UMIN000024317') and numbers written after the registry's name ('University Hospital
    Medical Information Network 000024317'), both as the canonical id."""
    out = []
    for rx, near in _registries():
        for m in rx.finditer(text):
            if near and near not in text[max(0, m.start() - 40): m.start()].lower():
                continue
            out.append((re.sub(r"\s+", "", m.group(0)), m.start(), m.end()))
    for a, b in _near_registry_words(text):
        for rx, prefix, not_number in _named_registries():
            for m in rx.finditer(text, a, b):
                number = m.group("num")
                if len(m.group("link")) > 40 or not_number and not_number.fullmatch(number):
                    continue
                rid = number if number.upper().startswith(prefix.upper()) else prefix + number
                out.append((rid, m.start("num"), m.end("num")))
    best: dict[str, tuple[str, int, int]] = {}
    for rid, s, e in sorted(set(out), key=lambda x: x[1]):
        best.setdefault(rid, (rid, s, e))
    covered = sorted(best.values(), key=lambda x: x[1])
    # an id written whole also read as a named number ('ISRCTN 12345678'): once
    return [x for x in covered if not any(o[1] <= x[1] and x[2] <= o[2] and o != x for o in covered)]


def _near_registry_words(text: str) -> list[tuple[int, int]]:
    """Stretches of text around the words every registry name holds (named_anchor), merged."""
    data = _registry_data()
    spans: list[tuple[int, int]] = []
    low = text.lower()
    # lower-cased once and matched case-sensitively: far faster than IGNORECASE over a full text
    found = re.finditer(data["named_anchor"], low) if len(low) == len(text) else \
        re.finditer(data["named_anchor"], text, re.IGNORECASE)
    for m in found:
        a, b = max(0, m.start() - 150), min(len(text), m.end() + 200)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


@functools.lru_cache(maxsize=1)
def _registry_data() -> dict:
    return json.loads((ONTOLOGY_DIR / "registries.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _named_registries() -> list[tuple[re.Pattern | Guarded, str, re.Pattern | None]]:
    """The 'named' forms of ontology/registries.json: a registry's name, then its bare number."""
    data = _registry_data()
    words = "|".join(data["connector_words"])
    link = rf"(?P<link>(?:\s*\([A-Za-z][A-Za-z-]{{1,11}}\))?(?:[\s:;,.(\[#-]+|(?:{words})\b\.?){{0,12}}?)"
    out = []
    for r in data["registries"]:
        named = r.get("named")
        if not named:
            continue
        rx = guarded(re.compile(rf"(?<![\w-])(?:{'|'.join(named['names'])}){link}(?P<num>{named['number']})"
                                rf"(?![\w/-])", re.IGNORECASE))
        not_number = re.compile(named["not_number"]) if named.get("not_number") else None
        out.append((rx, named["prefix"], not_number))
    return out


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
    spellings: defaultdict[str, set[str]] = defaultdict(set)
    for sent in _sentences_by_preference(ctx):
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part in ("background", "discussion") and not in_abs:
            continue  # the names of the trials a paper cites
        if not _may_name_trial(sent.text):
            continue
        for m in _ACRONYM_CONTEXT.finditer(sent.text):
            group = next(g for g in ("a", "b", "c", "d") if m.group(g))
            word = m.group(group)
            s = sent.start_char + m.start(group)
            if word.upper() in abbreviations or _is_concept_at(ctx, s) or word.lower() in ("this", "our"):
                continue
            if _ARM_AFTER.match(sent.text, m.end(group)) or registry_spans(word):
                continue  # "the ABC group": an arm's name; "(NCT01234567)": a registry's number
            votes[word.upper()] += 2 if group in ("c", "d") and part_of(ctx.document, s)[0] == "title" else 1
            first.setdefault(word.upper(), (s, s + len(word)))
            spellings[word.upper()].add(word)
    if not votes:
        return []
    best, _ = votes.most_common(1)[0]
    s, e = first[best]
    # as the paper spells it ("iStopp"); a name it also writes in capitals keeps them
    written = best if best in spellings[best] else ctx.document.text[s:e]
    return [_fact(ctx, "acronym", written, s, e, "trial.acronym")]


def _may_name_trial(sentence: str) -> bool:
    """What every layout of _ACRONYM_CONTEXT needs: the word 'trial' or 'study', or a bracket
    closing the sentence; the pattern (tried at every capital of the sentence) is asked only then."""
    return "trial" in sentence or "study" in sentence or sentence.rstrip().endswith(")")


_ARM_AFTER = re.compile(r"[\s-]*(?:groups?|arms?|cohorts?)\b", re.IGNORECASE)


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


def _sentences_by_preference(ctx: Context) -> list:
    """Minable sentences: title, abstract, methods, results first; background/discussion last
    (sorted once per document: ten passes read them in this order; none changes the list)."""
    got = ctx.memo.get(_sentences_by_preference)
    if got is None:
        got = ctx.memo[_sentences_by_preference] = _by_preference(ctx)
    return got


def _by_preference(ctx: Context) -> list:
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
        ents = ctx.concepts_in(sent, {"StudyDesign"})
        if not ents:
            continue  # the tests below only for sentences that name a design
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part in ("background", "discussion") and not _about_this_trial(sent):
            continue  # designs of the trials a paper cites or wants
        if _OTHER_STUDY.search(sent.text):
            continue  # a cited design belongs to another study
        for ent in ents:
            c = ctx.concept(ent)
            if part not in ("title", "methods", "results") and _other_studies_after().match(ctx.document.text,
                                                                                             ent.end_char):
                continue  # "observational studies", "randomised trials": other studies' design (the
                # methods' "each subject undertook four randomised trials" are this trial's sessions)
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
def _other_studies_after() -> re.Pattern:
    return re.compile(_design_file()["other_studies_after"], re.IGNORECASE)


@functools.lru_cache(maxsize=1)
@folding  # searched on the lowered text where that matches the same (kg/extract/folded.py)
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
    return _about_this_trial_text(sent.text)


def _about_this_trial_text(text: str) -> bool:
    return bool(re.search(r"\b(?:we|our\s+(?:trial|study)|this\s+(?:[\w,-]+\s+){0,5}?(?:trial|study)|"
                          r"the\s+present\s+(?:trial|study))\b", text, re.IGNORECASE))


def _enrolled(ctx: Context) -> list[Fact]:
    """N enrolled: "enrolled 11 adult SLE patients", "Three hundred sixty patients were randomised",
    "Of the 1066 patients randomised", "underwent randomisation", "a cross-over study in 24 adults",
    "Methods: Forty adults scheduled for surgery."; else the sum of the arms' counts stated in one
    sentence ("cell group (n = 9) and control group (n = 9)")."""
    sents = [sent for sent in _sentences_by_preference(ctx)
             if _own_statement(ctx, sent) and not _introduction(ctx, sent)]
    for sent in sents:
        part, _in_abs = part_of(ctx.document, sent.start_char)
        found = [f for f in (_first_enrolment(sent.text, name, rx, part) for name, rx in _enrolled_patterns()) if f]
        if found:  # the count written first: a whole comes before its parts ("Of the 120 enrolled, 59 ... 61")
            name, m = min(found, key=lambda f: f[1].start("n"))
            total, end = _added_counts(sent.text, m, name)
            s = sent.start_char + m.start()
            return [_fact(ctx, "n_enrolled", total, s, sent.start_char + end, "trial.n_enrolled")]
        labelled = _under_population_label(ctx, sent)
        if labelled:
            return [labelled]
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


def _first_enrolment(text: str, name: str, rx, part: str) -> tuple[str, re.Match] | None:
    """The first statement of the number enrolled a pattern finds in a sentence, refusals applied."""
    if name in ("study_in", "aim_in", "sample_of") and part == "background" and not _about_this_trial_text(text):
        return None  # a background names other trials' populations
    if name in ("aim_in", "sample_of") and part == "results":
        return None  # "we compared X in 12 patients" in the results is about some of them
    if name == "sample_of" and _enrolment_rx()["planning"].search(text):
        return None  # "a sample of 27 patients per practice would give 85% power": a plan
    pos = 0
    while m := rx.search(text, pos):
        pos = m.end("n")
        n = to_int(m.group("n"))
        if not n or n <= 3 or _is_year(m.group("n")) and not _people_after(text, m) \
                or _part_of_a_whole(text, m) or _per_arm(text, m.end()) \
                or name in ("count_then_verb", "received_either") and _not_the_subject(text, m) \
                or name == "received_either" and re.search(r"\brespectively\b", text) \
                or name == "whole_of" and _one_arm(text, m.end()):
            continue
        return name, m
    return None


def _people_after(text: str, m: re.Match) -> bool:
    """"2061 patients": a count of people, not a year."""
    return bool(re.match(rf"\s+{_PEOPLE}", text[m.end("n"):], re.I))


def _one_arm(text: str, end: int) -> bool:
    """"Of the 51 patients randomised to therapy, ...": the count of one arm (one 'to' phrase, no 'or')."""
    to = re.match(r"\s+to\s+([^,;]*)", text[end:])
    return bool(to) and not re.search(r"\b(?:or|and|versus|vs|either|one\s+of|\d+\s+of)\b", to.group(1), re.I)


def _per_arm(text: str, end: int) -> bool:
    """"Twelve students were allocated to each group", "(N = 24 for each group)": one arm's count;
    "were included in the per-protocol analysis": the analysed; "consented and were assessed for
    eligibility": people before enrolment."""
    rx = _enrolment_rx()
    return bool(rx["per_arm"].match(text, end) or rx["analysis_after"].match(text, end)
                or rx["then_screened"].match(text, end))


def _breakdown(text: str, start: int) -> tuple[int, int]:
    """The counts of people listed right after text[:start] and closed by 'and' (", 12 women and 8
    men"): their sum and where they end; (0, start) when there are none."""
    chain: list[re.Match] = []
    for b in _enrolment_rx()["breakdown"].finditer(text, start):  # only counts that follow one another
        if b.start() != (chain[-1].end() if chain else start):
            break
        chain.append(b)
    while chain and not re.match(r"\s*,?\s*and\b", chain[-1].group(0)):
        chain.pop()
    return sum(to_int(b.group("n")) or 0 for b in chain), (chain[-1].end() if chain else start)


def _not_the_subject(text: str, m: re.Match) -> bool:
    """In "<count> <people> ... were <verb>" the count is not who the verb is about when it is the
    whole a part is taken from ("Of the 480 patients seen, 390 patients were enrolled") or when
    another count of people starts a clause between ("40 patients attended and 30 patients were
    randomised"); a breakdown set off by commas is an apposition ("48 adults, 22 with X and 26
    without, were recruited")."""
    rx = _enrolment_rx()
    mid = re.sub(_PAREN, "", m.group("mid"))
    mid = mid[_breakdown(mid, 0)[1]:]  # "30 men and 28 women were randomised": one subject
    verb = text[m.end("mid"): m.end()]
    if rx["modal_end"].search(m.group("mid")) or re.search(r"\bto\s+be\b", verb) or rx["count_end"].search(mid):
        return True  # "270 patients should have been recruited", "of 2400 women, 880 were enrolled"
    if rx["verb_between"].search(mid):  # "961 children completed the tests and were included in the analyses"
        return True
    if "," in mid and rx["whole_before"].search(text[max(0, m.start("n") - 20): m.start("n")]):
        return True
    marked = re.sub(_PAREN, "()", m.group("mid"))  # "forty (n = 40) ..., but only twenty (n = 20) ..."
    marked = marked[_breakdown(marked, 0)[1]:]
    return bool(rx["clause_count"].search(mid) or rx["clause_count"].search(marked)) and not mid.rstrip().endswith(",")


def _added_counts(text: str, m: re.Match, name: str) -> tuple[int, int]:
    """The count a match states, with the counts written beside it added: a breakdown ("20 men and
    22 women were randomised") or the other arms after one arm's ("21 patients were assigned to A,
    while 24 patients received B"). Returns the total and where its evidence ends."""
    rx = _enrolment_rx()
    total, end = to_int(m.group("n")), m.end()
    people_end = m.start("mid") if name == "count_then_verb" else m.end()
    more, chain_end = _breakdown(text, people_end)
    if more and name in ("count_then_verb", "population_were", "verb_first"):
        return total + more, max(end, chain_end)
    if name == "count_then_verb" and rx["arm_verb"].search(m.group(0)) and re.match(r"\s+to\b", text[end:]):
        arms = [a for a in rx["other_arm"].finditer(text, end) if to_int(a.group("n"))]
        if arms:
            return total + sum(to_int(a.group("n")) for a in arms), arms[-1].end()
    return total, end


@functools.cache
@folding  # searched on the lowered text where that matches the same (kg/extract/folded.py)
def _enrolment_rx() -> dict[str, re.Pattern]:
    """The cues of ontology/enrolment.json, compiled once: they are asked of every sentence."""
    cues = json.loads((ONTOLOGY_DIR / "enrolment.json").read_text(encoding="utf-8"))
    labels = "|".join(cues["population_labels"] + cues["opening_labels"])
    return {
        "subset_after": re.compile(r"\s+(?:" + "|".join(cues["subset_after_count"]) + r")\b", re.I),
        "proportion_before": re.compile(r"(?:" + "|".join(cues["proportion_before_count"]) + r")\s*$", re.I),
        "label_inline": re.compile(rf"(?:^|[.\n]\s*)(?:{labels})\s*:\s*$", re.I),
        "label_heading": re.compile(rf"\s*(?:{labels})\s*", re.I),
        "opening_count": re.compile(rf"(?:a\s+total\s+of\s+|in\s+total,?\s+)?(?P<n>{COUNT})\s+{_PEOPLE}\b", re.I),
        "before_enrolment": re.compile(rf"(?:{_PAREN}|[^.;()]){{0,100}}?\b(?:(?:were|was|had\s+been)\s+"
                                       rf"(?:\w+\s+)?(?:{'|'.join(cues['before_enrolment'])})|"
                                       rf"(?:(?:were|was|had\s+been)\s+(?:\w+\s+)?)?"
                                       rf"(?:{'|'.join(cues['not_enrolment'])}))\b", re.I),
        "per_arm": re.compile(rf"\s*(?:{'|'.join(cues['per_arm_after'])})", re.I),
        "per_arm_in": re.compile(rf"\b(?:{'|'.join(cues['passive_verbs'])})\s*(?:{'|'.join(cues['per_arm_after'])})",
                                 re.I),
        "whole_before": re.compile(rf"\b(?:of|among|from)\s+(?:(?:{'|'.join(cues['whole_words'])})\s+){{0,3}}$", re.I),
        "modal_end": re.compile(rf"\b(?:{'|'.join(cues['modal_before_verb'])})(?:\s+have)?\s*$", re.I),
        "count_end": re.compile(rf",\s*{COUNT}\s*$", re.I),
        "clause_count": re.compile(rf"(?:,|\band\b|\bbut\b|\bwhile\b|\bwhereas\b)\s*(?:(?:only|then|finally|"
                                   rf"eventually|subsequently)\s+)?(?P<n>{COUNT})(?:\s+{_PEOPLE}|\s*\(|"
                                   rf"\s+(?:were|was|had|did|met)\b)", re.I),
        "breakdown": re.compile(rf"(?:\s*{_PAREN})?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<n>{COUNT})\s+{_PEOPLE}",
                                re.I),
        "verb_between": re.compile(rf"\b(?:(?:were|was|had\s+been)\s+(?:\w+\s+)?"
                                   rf"(?:{'|'.join(cues['before_enrolment'])})|{'|'.join(cues['not_between'])})\b",
                                   re.I),
        "analysis_after": re.compile(cues["analysis_after"], re.I),
        "planning": re.compile(rf"\b(?:{'|'.join(cues['planning_words'])})\b", re.I),
        "then_screened": re.compile(rf"[^.;,]{{0,40}}?\s+and\s+(?:(?:were|was)\s+)?(?:\w+\s+)?"
                                    rf"(?:{'|'.join(cues['before_enrolment'])})\b", re.I),
        "subset_before": re.compile(rf"\b(?:{'|'.join(cues['subset_before_count'])})\s+$", re.I),
        "arm_verb": re.compile(r"\b(?:assigned|allocated|randomi[sz]ed)$", re.I),
        "other_arm": re.compile(rf"{cues['other_arm']}(?P<n>{COUNT})\s+(?:{_PEOPLE}\s+)?(?:(?:were|was)\s+"
                                rf"(?:\w+\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to|to|received|were\s+given|"
                                rf"were\s+treated\s+with)\b", re.I),
    }


def _part_of_a_whole(text: str, m: re.Match) -> bool:
    """"six other participants", "the remaining 77 patients", "1 in 6 participants": not the N enrolled."""
    rx = _enrolment_rx()
    before = text[max(0, m.start("n") - 30): m.start("n")]
    return bool(rx["subset_after"].match(text, m.end("n")) or rx["proportion_before"].search(before)
                or rx["subset_before"].search(before))


def _under_population_label(ctx: Context, sent) -> Fact | None:
    """"Participants: 24 adults with ...", "Methods: Forty adults scheduled for surgery.": a count of
    people opening the part of a paper labelled with the population or the methods (labels in
    ontology/enrolment.json), unless what follows counts people before or after enrolment."""
    rx = _enrolment_rx()
    inline = rx["label_inline"].search(ctx.document.text[max(0, sent.start_char - 40): sent.start_char])
    if not inline and not any(
            sec.start <= sent.start_char < sec.end and rx["label_heading"].fullmatch(sec.name)
            and ctx.document.text[sec.start: sent.start_char].strip() in ("", sec.name.strip())
            for sec in ctx.document.sections):
        return None
    m = rx["opening_count"].match(sent.text)
    n = to_int(m.group("n")) if m else None
    if not n or n <= 3 or _is_year(m.group("n")) or _part_of_a_whole(sent.text, m):
        return None
    if rx["before_enrolment"].match(sent.text[m.end():]) or rx["per_arm_in"].search(sent.text, m.end()) \
            or rx["clause_count"].search(sent.text, m.end()):  # one arm's count: "40 took A, and 15 took B"
        return None
    start, end = sent.start_char + m.start("n"), sent.start_char + m.end()
    return _fact(ctx, "n_enrolled", n, start, end, "trial.n_enrolled.label")


def _introduction(ctx: Context, sent) -> bool:
    """A full text's background (introduction) counts the people of earlier studies, not this trial's."""
    part, in_abs = part_of(ctx.document, sent.start_char)
    return part == "background" and not in_abs


@sentence_cached
def _own_statement(ctx: Context, sent) -> bool:
    """A sentence that may state this trial's own numbers: not discussion, not another study's
    (asked by five passes over the same sentences: answered once)."""
    part, in_abs = part_of(ctx.document, sent.start_char)
    if part == "discussion" and not in_abs:
        return False
    return not _OTHER_STUDY.search(sent.text)


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", text))


@functools.lru_cache(maxsize=1)
@folding  # searched on the lowered text where that matches the same (kg/extract/folded.py)
def _condition_rules() -> dict:
    r = json.loads((ONTOLOGY_DIR / "conditions.json").read_text(encoding="utf-8"))
    r["with_rx"] = guarded(re.compile(rf"\b(?:{r['population']})\s+(?:\([^()]{{1,40}}\)\s+)?"
                              rf"(?:(?:aged|from|in)\s+[^,;()]{{1,40}}?\s+)?"
                              rf"(?:with|having|suffering\s+from|diagnosed\s+with|who\s+(?:are|were|have|had)|"
                              rf"{r['procedure_intro']})\s+(?P<x>[^,;:.()]{{3,90}})", re.I))
    r["head_rx"] = re.compile(rf"^(?P<p>(?:[\w'’-]+\s+){{0,4}}?[\w'’-]*(?:{r['disease_heads']}|"
                              rf"{r['procedure_heads']}))\b(?!\s+(?:{r['not_after_head']})\b)", re.I)
    words = "|".join(sorted(map(re.escape, r["population_words"]), key=len, reverse=True))
    r["adjective_rx"] = re.compile(rf"\b(?P<adj>[A-Za-z][a-z]+(?:ic|ive|ese|ed)|{words})\s+(?:{r['population']}|"
                                   rf"{r['population_after']})\b|\b(?P<noun>[A-Za-z][a-z]+ic)s\b|\b(?P<word>{words})\b"
                                   rf"(?=\s*(?:[,;:.)]|and\b|or\b|$))", re.I)
    r["negated_rx"] = re.compile(r["negated_before"], re.I)
    r["negated_opening_rx"] = re.compile(r["negated_opening"], re.I)
    r["alias_rx"] = re.compile(r"(?:" + "|".join(sorted((re.escape(a).replace(r"\ ", r"\s+") for a in r["aliases"]),
                                                   key=len, reverse=True)) + r")\b", re.I)
    r["behaviour_rx"] = [(b, re.compile(r"\b(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(b["written"], key=len, reverse=True)) + r")\b", re.I))
        for b in r["behaviours"]]
    agent = "(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+")
                             for a in sorted(r["agents"], key=len, reverse=True)) + ")"
    forms = [form.replace("{agent}", f"(?P<agent{n}>{agent})") for n, form in enumerate(r["agent_forms"])]
    r["agent_rx"] = guarded(re.compile(r"(?<![\w-])(?:" + "|".join(forms) + ")", re.I))
    r["agent_of"] = {k.lower(): v for k, v in r["agents"].items()}
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
    other_sentences: set[tuple[str, int]] = set()  # (concept, sentence) of each of them
    described: list = []  # populations named by an adjective of their condition
    named = _named_conditions(ctx)
    for sent in _sentences_by_preference(ctx):
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part == "discussion" or not _own_statement(ctx, sent):
            continue
        if population and part != "title":
            continue  # only the first population is chosen, and then no other mention is needed
        spans = [sp for sp in _condition_spans(ctx, sent.start_char, sent.end_char)
                 if not _negated(ctx.document.text, sp.start_char, sent.start_char)]
        if part == "title":
            text = ctx.document.text
            title += [sp for sp in spans if not r["outcome_rx"].search(text[sent.start_char:sp.start_char])]
            title += _adjectival(ctx, sent, named)
            title += _agent_populations(ctx, sent)
        elif part != "results":  # what patients had in the results is an event, not the topic
            other += spans
            other_sentences.update((_iri(sp), sent.start_char) for sp in spans)
            described += _adjectival(ctx, sent, named)
            population += _agent_populations(ctx, sent)
        # a full text's results describe subgroups ('fewer individuals with diabetes'), not who was enrolled
        for m in r["with_rx"].finditer(sent.text) if part != "results" or in_abs else ():
            a, b = sent.start_char + m.start("x"), sent.start_char + m.end("x")
            inside = [sp for sp in spans if a <= sp.start_char and sp.end_char <= b]
            if inside:
                # "patients with bladder outlet obstruction due to benign prostatic hyperplasia" under a
                # title on the latter: the title's condition, named again, adds nothing new
                topic = [sp for sp in inside if sp.kb_id_ in {_iri(x) for x in title}]
                population.append((topic or inside)[0])
                continue
            x = re.sub(r"^(?:(?:a|an|the|their|his|her|its|some|any|this|these)\s+)+", "", m.group("x"), flags=re.I)
            if r["negated_opening_rx"].match(x):
                continue
            a += len(m.group("x")) - len(x)
            head = r["head_rx"].match(x)
            if head and not re.search(r"\d", head.group("p")) and _specific(head.group("p")):
                c = ctx.lexicon.discover("Condition", head.group("p"), "population")
                population.append((c, a, a + len(head.group("p"))))
            elif (found := _aliased(ctx, x)) is not None:
                population.append((found[0], a, a + found[1]))
        if part != "results":
            population += _named_before_population(ctx, sent, spans)
    # a population named by an adjective ('depressed adolescents') only where none is named by its disease
    chosen = title + (population or described)[:1]
    if not chosen:
        chosen = _behaviour(ctx)
    if not chosen and not other:
        other = _headed_phrases(ctx)
    if not chosen and other:
        top, n = Counter(_iri(x) for x in other).most_common(1)[0]
        # one passing mention is no topic, nor are two words of one concept in one sentence ('nausea and vomiting')
        if other_sentences:
            n = min(n, sum(1 for iri, _s in other_sentences if iri == top))
        chosen = [x for x in other if _iri(x) == top][:1] if n >= 2 else []
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
        group = next(g for g in ("adj", "noun", "word") if m.group(g))
        word = m.group(group).lower()
        if group == "word" and word not in r["population_words"]:
            continue  # a plural adjective alone ('diabetics') is in population_words; other words need a population
        if word in r["population_words"]:
            candidates = [r["population_words"][word]]
        elif group == "word":
            continue
        else:
            candidates = [word[: len(word) - len(suffix)] + repl for suffix, repl in r["adjective_suffixes"]
                          if word.endswith(suffix) and len(word) - len(suffix) >= 3]
        for noun in candidates:
            if noun in r["not_adjective_conditions"]:
                continue
            c = _condition_named(ctx, noun, named)
            if c is not None:
                out.append((c, sent.start_char + m.start(group), sent.start_char + m.end(group)))
                break
    return out


def _condition_named(ctx: Context, name: str, named: dict[str, tuple] | None = None):
    """The concept of a disease name: the paper's own mention of it, the lexicon's or the
    dictionaries', else one under the name as written that carries the id of its alias's concept
    (ontology/conditions.json aliases: 'depression' with MeSH's 'depressive disorder' id)."""
    c = (named or {}).get(fold_label(name)) or ctx.lexicon.named(name, "Condition")
    if c is None and (target := _condition_rules()["aliases"].get(name.lower())):
        known = (named or {}).get(fold_label(target)) or ctx.lexicon.named(target, "Condition")
        c = ctx.lexicon.alias(name, known) if known is not None else None
    return c


def _aliased(ctx: Context, phrase: str):
    """(concept, length) of the alias that opens `phrase` ('major depression who ...'), if any."""
    r = _condition_rules()
    m = r["alias_rx"].match(phrase)
    if m is None:
        return None
    c = _condition_named(ctx, m.group(0))
    return (c, m.end()) if c is not None else None


def _negated(text: str, start: int, sent_start: int) -> bool:
    """A condition the words before it deny ('adults without X', 'no history of X'): an eligibility
    limit, not what the trial studies."""
    return bool(_condition_rules()["negated_rx"].search(text[max(sent_start, start - 120):start]))


def _agent_populations(ctx: Context, sent) -> list:
    """'HIV-positive patients', 'adults living with HIV': a population named by the microbe it
    carries stands for the infection (ontology/conditions.json agents); the evidence is the microbe."""
    r = _condition_rules()
    out = []
    for m in r["agent_rx"].finditer(sent.text):
        group = next(g for g, v in m.groupdict().items() if v)
        written = " ".join(m.group(group).split()).lower()
        name = r["agent_of"][written]
        c = ctx.lexicon.by_label(name, "Condition") or ctx.lexicon.discover("Condition", name, "population")
        out.append((c, sent.start_char + m.start(group), sent.start_char + m.end(group)))
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
    smoking trial's 'nicotine dependence', a depressive-disorder trial's 'depression'): not
    adverse events of that trial."""
    r = _condition_rules()
    return ({fold(w) for b in r["behaviours"] if fold(b["label"]) == fold(label) for w in b["related"]}
            | {fold(w) for w, target in r["aliases"].items() if fold(target) == fold(label)})


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
