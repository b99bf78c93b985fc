"""Trial metadata: registry IDs, acronym, phase, conditions, period, sites and sponsor; the design
(kg/extract/designs.py) and N enrolled (kg/extract/enrolment.py) are read by their own modules.

Each attribute becomes a `trial` fact {"attribute": name, "value": ...} with its evidence.
The trial's own statements are preferred in this order: title, abstract, methods, then
results; background and discussion sentences mostly speak of other trials.
"""

from __future__ import annotations

import functools
import json
from collections import Counter, defaultdict

from kg.extract import recache as re
from kg.extract.abbreviations import defines, document_abbreviations, long_form_start
from kg.extract.base import Context, Fact, Guarded, guarded, part_of
from kg.extract.designs import designs
from kg.extract.enrolment import analysed, enrolled
from kg.extract.folded import folding
from kg.extract.numbers import COUNT, to_int
from kg.extract.trial_common import (
    OTHER_STUDY,
    about_this_trial_text,
    fact,
    is_year,
    own_statement,
    sentences_by_preference,
)
from kg.lexicon import ONTOLOGY_DIR, fold
from kg.readers.common import registry_id_spans

_PHASE = guarded(re.compile(
    r"\bphase[\s-]+(IV|I{1,3}|[1-4])\s*([ab])?"
    r"(?:\s*(?:/|–|-|to|and)\s*(?:phase\s+)?(IV|I{1,3}|[1-4])\s*([ab])?)?(?![A-Za-z0-9])",
    re.IGNORECASE,
))
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


_ACRONYM_CONTEXT = re.compile(
    r"\b(?:the\s+)?(?P<a>[A-Z][A-Z0-9-]{3,}|[A-Z][a-z]+[A-Z][A-Za-z]*)\s+(?:was|is)\s+an?\s+(?:[\w,-]+\s+){0,6}?"
    r"(?:trial|study)\b"
    # "the ABCD trial", "the previously reported ABCD study", "the iStopp randomised trial"
    # ("the SPRINT 2 trial", "the ABCD (A Big Cardiac Drug) study": a number or the long name in brackets after it)
    r"|\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?(?P<b>[A-Z][A-Z0-9-]{3,}(?:\s(?:[A-Z]-?)?\d{1,5}\b(?![-/.]\d))?|"
    r"[a-z]{0,2}[A-Z][a-z]+[A-Z][A-Za-z0-9]*)\s+(?:\([^()]{3,150}\)\s+)?"
    r"(?:[\w-]+\s+){0,5}?(?:[Tt]rial|[Ss]tudy)\b"
    r"|\((?P<c>[A-Z][A-Za-z0-9-]{3,})\)\s*$"
    # a title that names the trial and then says what it is: "Communication and Low Mood (CALM): a randomized
    # controlled trial"
    # a study's long name and its abbreviation: "the Utrecht Home Visits Intervention Study (UHVIS)"
    r"|\b(?:Study|Trial)\s*\((?P<f>[A-Z][A-Za-z0-9-]{2,})\)"
    # a long name, its abbreviation, then the word: "the SPiRiva Usual CarE (SPRUCE) study"
    r"|\((?P<g>[A-Z][A-Za-z0-9-]{2,})\)\s+(?:[Tt]rial|[Ss]tudy)\b"
    # a cooperative group's trial number, a report of which the paper is: "results from CALGB 9342",
    # "a secondary analysis of NSABP B-14"
    r"|\b(?:[Rr]esults?|[Dd]ata|[Aa]nalys[ie]s|[Ff]indings|[Uu]pdate|[Ss]ub-?study|[Ff]ollow-up)\s+(?:from|of|in)\s+"
    r"(?:the\s+)?(?P<h>[A-Z][A-Z0-9]{2,}[ -](?:[A-Z]-?)?\d{2,5})\b(?![-/.]\d)"
    r"|^[^()]{3,120}\((?P<e>[A-Z][A-Za-z0-9-]{2,})\)\s*:\s+(?:[Aa]n?|[Tt]he)\s+(?:[\w,-]+\s+){0,8}?(?:[Tt]rial|[Ss]tudy)\b"
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
    facts += designs(ctx)
    facts += enrolled(ctx)
    facts += _conditions(ctx)
    facts += analysed(ctx)
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
_SPONSOR = [guarded(rx) for rx in [
    re.compile(r"\b(?:funded|sponsored|supported)\s+by\s+(?:a\s+grant\s+from\s+|the\s+)?(?P<s>[A-Z][\w&.-]*"
               r"(?:\s+[A-Z][\w&.-]*){0,5})"),
    re.compile(r"\b(?P<s>[A-Z][A-Z0-9&.-]{2,}(?:\s+[A-Z][\w&.-]*){0,3})\s+(?:funded|sponsored)\s+the\s+(?:study|trial)"),
]]


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
                out.append(fact(ctx, key, m.group(g), s, s + len(m.group(g)), "trial.period"))
        m = _SITES.search(sent.text)
        if m and not any(f.fields["attribute"] == "site" for f in out):
            base = sent.start_char + m.start("list")
            for site in re.finditer(r"[^,;]+", m.group("list")):
                name = site.group(0).strip()
                if name:
                    s = base + site.start() + site.group(0).index(name)
                    out.append(fact(ctx, "site", f"{name}, {m.group('country').strip()}", s, s + len(name),
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
                return [fact(ctx, "sponsor", m.group("s"), s, s + len(m.group("s")), "trial.sponsor", 0.7)]
    return []


@functools.lru_cache(maxsize=1)
def _registries() -> list[tuple[Guarded, re.Pattern | None, re.Pattern]]:
    """The registry identifier patterns of ontology/registries.json."""
    data = json.loads((ONTOLOGY_DIR / "registries.json").read_text(encoding="utf-8"))
    # guarded by the bare pattern: without the leading look-behind, re finds its literal prefix fast
    return [(Guarded(re.compile(rf"(?<![\w/-])(?:{r['pattern']})(?![\w/])"), re.compile(r["pattern"])),
             re.compile(r["near"]) if r.get("near") else None, re.compile(r.get("drop") or r"\s+"))
            for r in data["registries"]]


def registry_spans(text: str) -> list[tuple[str, int, int]]:
    """Every registry identifier of every registry the data names, in text order: ids written
    whole ('UMIN000024317') and numbers written after the registry's name ('University Hospital
    Medical Information Network 000024317'), both as the canonical id."""
    out = []
    for rx, near, drop in _registries():
        for m in rx.finditer(text):
            if near and not near.search(text[max(0, m.start() - 40): m.start()].lower()):
                continue
            out.append((re.sub(r"\s+", "", drop.sub("", m.group(0))), m.start(), m.end()))
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
    spans = registry_spans(ctx.document.text)
    covered = [(s, e) for _r, s, e in spans]
    # a reader may know an id the text writes in a form the data lacks
    spans += [(rid, s, e) for rid, s, e in registry_id_spans(ctx.document.text)
              if not any(a <= s < b for a, b in covered)]
    own, cited = [], []
    for rid, s, e in sorted(spans, key=lambda x: x[1]):
        if rid in seen or not ctx.document.is_minable(s, e) or ctx.section_kind(s) == "references":
            continue
        seen.add(rid)
        (cited if part_of(ctx.document, s)[0] in ("background", "discussion") else own).append((rid, s, e))
    # an introduction or a discussion may cite other trials' numbers ("the next studies (NCT01156909)"):
    # they are this trial's only when the paper states no number elsewhere
    return [fact(ctx, "registry_id", rid, s, e, "trial.registry_id") for rid, s, e in (own or cited)]


def _acronym(ctx: Context) -> list[Fact]:
    """A capitalised name the paper calls its trial ("LUPSENIC was a phase IIa ... trial")."""
    abbreviations = _defined_abbreviations(ctx)
    votes: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    spellings: defaultdict[str, set[str]] = defaultdict(set)
    for sent in sentences_by_preference(ctx):
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part in ("background", "discussion") and not in_abs:
            continue  # the names of the trials a paper cites
        if not _may_name_trial(sent.text):
            continue
        for m in _ACRONYM_CONTEXT.finditer(sent.text):
            group = next(g for g in "abcdefgh" if m.group(g))
            word = m.group(group)
            s = sent.start_char + m.start(group)
            if group == "e" and part_of(ctx.document, s)[0] != "title":
                continue
            if group == "f" and part == "background" and not about_this_trial_text(sent.text):
                continue  # "the Women's Health Initiative (WHI) showed ...": a trial the background cites
            if group in ("e", "f", "g"):  # a name in brackets: a term's abbreviation ('(COPD) study') or not
                if _abbreviates_a_term(ctx, s, word) or group == "f" and word.upper() in abbreviations:
                    continue
            elif (number := _TRIAL_NUMBER.search(word)) is not None:
                if is_year(number.group("n")):
                    continue  # "data from NHANES 2005": a survey's year, not a trial's number
            elif word.upper() in abbreviations or _is_concept_at(ctx, s) or word.lower() in ("this", "our"):
                continue
            if group == "h" and part_of(ctx.document, s)[0] != "title" and not about_this_trial_text(sent.text):
                continue
            if _ORGANISATION_AFTER.match(sent.text, m.end(group)):
                continue  # "the EORTC Study Group", "the ALPHA Trials Unit": who runs trials, not a trial
            if _ARM_AFTER.match(sent.text, m.end(group)) or registry_spans(word):
                continue  # "the ABC group": an arm's name; "(NCT01234567)": a registry's number
            in_title = part_of(ctx.document, s)[0] == "title"
            votes[word.upper()] += 2 if group in ("c", "d", "e", "g", "h") and in_title else 1
            first.setdefault(word.upper(), (s, s + len(word)))
            spellings[word.upper()].add(word)
    if not votes:
        return []
    best, _ = votes.most_common(1)[0]
    s, e = first[best]
    # as the paper spells it ("iStopp"); a name it also writes in capitals keeps them
    written = best if best in spellings[best] else ctx.document.text[s:e]
    return [fact(ctx, "acronym", written, s, e, "trial.acronym")]


def _may_name_trial(sentence: str) -> bool:
    """What every layout of _ACRONYM_CONTEXT needs: the word 'trial' or 'study', or a bracket
    closing the sentence; the pattern (tried at every capital of the sentence) is asked only then."""
    return ("trial" in sentence or "study" in sentence or "Trial" in sentence or "Study" in sentence
            or sentence.rstrip().endswith(")") or bool(_NUMBERED_NAME.search(sentence)))


# a cooperative group's name and its trial's number ('CALGB 9342', 'NSABP B-14', 'ECOG E2197'): a name even
# where the group's abbreviation alone is a term ('ECOG' performance status)
_TRIAL_NUMBER = re.compile(r"\s(?:[A-Z]-?)?(?P<n>\d{2,5})$")
_NUMBERED_NAME = re.compile(r"\b[A-Z][A-Z0-9]{2,}[ -](?:[A-Z]-?)?\d{2,5}\b")


_ORGANISATION_AFTER = re.compile(r"\s+(?:[Tt]rials?|[Ss]tud(?:y|ies))\s+(?:[Gg]roups?|[Uu]nits?|[Cc]ent(?:re|er)s?|"
                                 r"[Nn]etworks?|[Cc]ommittees?|[Tt]eams?|[Cc]oordinat\w+|[Oo]ffices?)\b")
_ARM_AFTER = re.compile(r"[\s-]*(?:groups?|arms?|cohorts?)\b", re.IGNORECASE)


def _defined_abbreviations(ctx: Context) -> set[str]:
    """Abbreviations the paper defines ("lupus low disease activity state (LLDAS)"): not trial names."""
    out = set()
    text = ctx.document.text
    for m in re.finditer(r"\(([A-Z][A-Za-z0-9-]{2,})\)", text):
        before = text[max(0, m.start() - 120): m.start()]
        if defines(before, m.group(1)) and not _NAMES_A_STUDY.search(before):
            out.add(m.group(1).upper())
    return out


# a long form that names a study ("the Leiden 85-Plus Occupational Therapy Intervention Study (LOTIS)"):
# its abbreviation is the trial's name, not a term's
_NAMES_A_STUDY = re.compile(r"\b(?:Study|Trial|Studies|Trials)\s*$")


def _abbreviates_a_term(ctx: Context, start: int, word: str) -> bool:
    """'Chronic obstructive pulmonary disease (COPD)': a bracketed short form whose long form is a term of
    the dictionaries (a concept covers its long form, or the short form is a concept and no long form is
    spelled before it). A long form that runs beyond any concept ('The Japan Statin Treatment Against
    Recurrent Stroke (J-STARS)', read as 'stroke' by the abbreviation's last word) names a study."""
    text = ctx.document.text
    bracket = text.rfind("(", max(0, start - 3), start)
    w = max(0, bracket - 160)
    before = text[w:bracket].rstrip()
    lf = long_form_start(before, word) if bracket >= 0 else None
    if lf is None:
        return _is_concept_at(ctx, start)
    a, b = w + lf, w + len(before)
    return any(sp.start_char <= a and b <= sp.end_char for sp in ctx.concept_spans(max(0, a - 40), b))


def _is_concept_at(ctx: Context, start: int) -> bool:
    return any(sp.start_char <= start < sp.end_char for sp in ctx.concept_spans(max(0, start - 80), start + 80))


def _phase(ctx: Context) -> list[Fact]:
    """The first phase stated for this trial; "phase II/III trials" (plural) are other trials."""
    for sent in sentences_by_preference(ctx):
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part in ("background", "discussion", "conclusions") and not in_abs:
            continue
        if _PHASE.search(sent.text) is None:
            continue  # (no phase named: the tests below are for sentences that name one)
        if (part == "background" or OTHER_STUDY.search(sent.text)) and not about_this_trial_text(sent.text):
            continue  # "In a phase III trial, X improved survival": another trial's phase
        for m in _PHASE.finditer(sent.text):
            after = sent.text[m.end(): m.end() + 40].lower()
            if re.match(r"\s*(?:[\w-]+\s+){0,3}?(?:trials|studies)\b", after):
                continue
            phase = _roman(m.group(1)) + (m.group(2) or "").lower()
            if m.group(3):
                phase += "/" + _roman(m.group(3)) + (m.group(4) or "").lower()
            s = sent.start_char + m.start()
            return [fact(ctx, "phase", phase, s, sent.start_char + m.end(), "trial.phase")]
    return []


def _roman(x: str) -> str:
    return _ROMAN.get(x, x.upper())


@functools.lru_cache(maxsize=1)
@folding  # searched on the lowered text where that matches the same (kg/extract/folded.py)
def _condition_rules() -> dict:
    r = json.loads((ONTOLOGY_DIR / "conditions.json").read_text(encoding="utf-8"))
    r["with_rx"] = guarded(re.compile(rf"\b(?:{r['population']})\s+(?:\([^()]{{1,40}}\)\s+)?"
                              rf"(?:(?:aged|from|in)\s+[^,;()]{{1,40}}?\s+)?"
                              rf"(?:with|having|suffering\s+from|diagnosed\s+with|who\s+(?:are|were|have|had)|"
                              rf"{r['procedure_intro']}|{r['with_intro_extra']})\s+(?P<x>[^,;:.()]{{3,90}})", re.I))
    r["head_rx"] = re.compile(rf"^(?P<p>(?:[\w'’-]+\s+){{0,4}}?[\w'’-]*(?:{r['disease_heads']}|"
                              rf"{r['procedure_heads']}))\b(?!\s+(?:{r['not_after_head']})\b)", re.I)
    words = "|".join(sorted(map(re.escape, r["population_words"]), key=len, reverse=True))
    r["adjective_rx"] = re.compile(rf"\b(?P<adj>[A-Za-z][a-z]+(?:ic|ive|ese|ed)|{words})\s+(?:{r['population']}|"
                                   rf"{r['population_after']})\b|\b(?P<noun>[A-Za-z][a-z]+ic)s\b|\b(?P<word>{words})\b"
                                   rf"(?=\s*(?:[,;:.)]|and\b|or\b|$))", re.I)
    r["negated_rx"] = re.compile(r["negated_before"], re.I)
    r["excluded_after_rx"] = re.compile(r["excluded_after"], re.I)
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
    r["title_rx"] = re.compile(rf"\b(?:{r['title_intro']})\s+(?:(?:the|an?)\s+)?(?P<p>(?:[\w'’-]+\s+){{0,4}}?[\w'’-]*?"
                               rf"(?:{r['procedure_heads']}|{r['disease_heads']}))\b(?![\w'’-])"
                               rf"(?!\s+(?:{r['not_after_head']})\b)", re.I)
    r["title_heads_alone"] = set(r["title_heads_alone"])
    r["event_rx"] = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in r["event_words"])
                               + r")\b", re.I)
    r["symptom_intro_rx"] = re.compile(rf"\b(?:{r['title_intro']}|in|with|against)\s+(?:(?:the|an?)\s+)?"
                                       rf"(?:[\w'’-]+\s+){{0,2}}$", re.I)
    r["procedure_modifiers"] = set(r["procedure_modifiers"])
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
    for sent in sentences_by_preference(ctx):
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part == "discussion" or not own_statement(ctx, sent):
            continue
        if population and part != "title":
            continue  # only the first population is chosen, and then no other mention is needed
        spans = [sp for sp in _condition_spans(ctx, sent.start_char, sent.end_char)
                 if not _negated(ctx.document.text, sp.start_char, sent.start_char)
                 and not _excluded(sent, sp.start_char)]
        if part == "title":
            text = ctx.document.text
            title += [sp for sp in spans if not r["outcome_rx"].search(text[sent.start_char:sp.start_char])]
            title += _adjectival(ctx, sent, named)
            title += _agent_populations(ctx, sent)
            title += _title_procedures(ctx, sent, spans)
            title += _title_symptoms(ctx, sent, spans)
            title += _title_aliases(ctx, sent, spans + title)
        elif part != "results":  # what patients had in the results is an event, not the topic
            other += spans
            other_sentences.update((_iri(sp), sent.start_char) for sp in spans)
            described += [x for x in _adjectival(ctx, sent, named) if not _excluded(sent, x[1])]
            population += [x for x in _agent_populations(ctx, sent) if not _excluded(sent, x[1])]
        # a full text's results describe subgroups ('fewer individuals with diabetes'), not who was enrolled
        # nor, in an abstract's results, those who had an event ('four patients with oedema withdrew')
        events = part == "results" and bool(r["event_rx"].search(sent.text))
        for m in r["with_rx"].finditer(sent.text) if (part != "results" or in_abs) and not events else ():
            a, b = sent.start_char + m.start("x"), sent.start_char + m.end("x")
            if _excluded(sent, a):
                continue  # "patients with epilepsy or renal failure were excluded"
            inside = [sp for sp in spans if a <= sp.start_char and sp.end_char <= b]
            if inside:
                # "patients with bladder outlet obstruction due to benign prostatic hyperplasia" under a
                # title on the latter: the title's condition, named again, adds nothing new
                topic = [sp for sp in inside if sp.kb_id_ in {_iri(x) for x in title}]
                chosen_sp = (topic or inside)[0]
                # 'patients with CRA' where 'cirrhosis with refractory ascites (CRA)' was read as its last disease
                population.append(_abbreviated_condition(ctx, chosen_sp.text, whole=True) or chosen_sp)
                continue
            x = re.sub(rf"^(?:(?:a|an|the|their|his|her|its|some|any|this|these|{r['quantifiers']})\s+)+", "",
                       m.group("x"), flags=re.I)
            if r["negated_opening_rx"].match(x):
                continue
            a += len(m.group("x")) - len(x)
            head = r["head_rx"].match(x)
            if head and not re.search(r"\d", head.group("p")) and _specific(head.group("p")):
                # 'elective hip surgery' is hip surgery; 'elective surgery' names no procedure of its own
                phrase = head.group("p")[_circumstance(head.group("p")):]
                if _specific(phrase):
                    a += len(head.group("p")) - len(phrase)
                    c = ctx.lexicon.discover("Condition", phrase, "population")
                    population.append((c, a, a + len(phrase)))
            elif (found := _aliased(ctx, x)) is not None:
                population.append((found[0], a, a + found[1]))
            elif (found := _abbreviated_condition(ctx, x)) is not None:
                population.append(found)
        if part != "results":
            population += [x for x in _named_before_population(ctx, sent, spans)
                           if not _excluded(sent, _bounds(x)[0])]
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
    if not chosen:
        chosen = _population_state(ctx)
    out, seen = [], set()
    items = [x if isinstance(x, tuple) else (ctx.concept(x), x.start_char, x.end_char) for x in chosen]
    # a common name ('depression', 'diabetes') beside a disease that holds it or its dictionary name ('major
    # depressive disorder', 'type 2 diabetes'): the specific one only
    names = [fold_label(c.label) for c, _s, _e in items]
    items = [x for x, name in zip(items, names) if not any(
        f" {w} " in f" {other} " and other != name for w in (name, fold_label(r["aliases"].get(name, "")))
        if w and name in r["aliases"] for other in names)]
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
            out.append(fact(ctx, "condition", c, s, e, "trial.condition"))
    return out


@functools.lru_cache(maxsize=1)
def _population_rules() -> dict:
    """The population_states cues of ontology/conditions.json, compiled (read by _population_state only)."""
    p = _condition_rules()["population_states"]  # the file as _condition_rules read it
    before = r"(?P<q>(?:[A-Za-z][\w'’-]*\s+){1,4}?)"
    return {"title_rx": re.compile(rf"\b(?:{p['intro']})\s+{before}(?P<n>{p['nouns']})\b", re.I),
            "count_rx": re.compile(rf"\b{COUNT}\s+{before}(?P<n>{p['nouns']})\b", re.I),
            "state_rx": re.compile(rf"\b(?P<q>(?:{p['state_words']})\s+(?:[A-Za-z][\w'’-]*\s+)?)"
                                   rf"(?P<n>{p['nouns']})\b", re.I),
            "risk_rx": re.compile(rf"\b{p['at_risk']}", re.I),
            "not_q": set(p["not_qualifiers"])}


def _population_state(ctx: Context) -> list[tuple]:
    """Where the paper names no disease, procedure or behaviour: the state of the people it enrols, as the
    title ('in healthy men', 'among older general practitioners') or the methods' count ('146 fourth year
    medical students') names them: their noun and at most three words that set them apart."""
    r = _population_rules()
    for sent in sentences_by_preference(ctx):
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part in ("results", "conclusions", "discussion") or not own_statement(ctx, sent):
            continue
        if (risk := r["risk_rx"].search(sent.text)) is not None:  # "individuals at high cardiovascular risk"
            a, b = sent.start_char + risk.start("c"), sent.start_char + risk.end("c")
            return [(ctx.lexicon.discover("Condition", ctx.document.text[a:b], "population"), a, b)]
        rxs = [r["title_rx"]] if part == "title" else [r["count_rx"], r["state_rx"]]
        for m in (m for rx in rxs for m in rx.finditer(sent.text)):
            words = list(re.finditer(r"[\w'’-]+", m.group("q")))
            kept = []
            for w in reversed(words):
                word = w.group(0).lower()
                if word in r["not_q"] or re.fullmatch(r"\w+ing|.*\d.*", word) or len(kept) == 3:
                    break
                kept.insert(0, w)
            if not kept:
                continue  # 'in men', '30 volunteers': no state of their own
            a = sent.start_char + m.start("q") + kept[0].start()
            b = sent.start_char + m.end("n")
            phrase = ctx.document.text[a:b]
            return [(ctx.lexicon.discover("Condition", phrase, "population"), a, b)]
    return []


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


def _title_symptoms(ctx: Context, sent, spans: list) -> list:
    """'Valerian for Insomnia', '... in Postoperative Nausea and Vomiting': a symptom the lexicon
    files as an adverse event is the condition a title names after 'for', 'in', 'with' or
    'treatment/prevention of' (title_intro) - the trial treats it - as the disease dictionaries name it
    where they do (ontology/conditions.json aliases), else under its own name."""
    r = _condition_rules()
    text = ctx.document.text
    out = []
    for sp in ctx.concept_spans(sent.start_char, sent.end_char):
        if sp.label_ != "AdverseEventTerm" or sp.kb_id_ in ctx.lexicon.generic or any(
                c.start_char < sp.end_char and sp.start_char < c.end_char for c in spans):
            continue  # an umbrella term ('with fewer side effects') names no condition
        before = text[sent.start_char:sp.start_char]
        if not r["symptom_intro_rx"].search(before) or r["outcome_rx"].search(before):
            continue
        name = " ".join(sp.text.split())
        c = _condition_named(ctx, name.lower()) or ctx.lexicon.discover("Condition", name, "population")
        out.append((c, sp.start_char, sp.end_char))
    return out


def _title_aliases(ctx: Context, sent, found: list) -> list:
    """'Metformin for diabetes', 'Music and insomnia': a disease a title names by a common name the
    dictionaries file under another ('diabetes' under 'diabetes mellitus'; ontology/conditions.json
    aliases), where nothing else is read there and no outcome cue ('incidence of') comes before it."""
    r = _condition_rules()
    text = ctx.document.text
    out = []
    for m in r["alias_rx"].finditer(sent.text):
        s, e = sent.start_char + m.start(), sent.start_char + m.end()
        if m.start() and sent.text[m.start() - 1].isalnum() or any(a < e and s < b for a, b in map(_bounds, found)):
            continue
        if r["outcome_rx"].search(text[sent.start_char:s]) or _negated(text, s, sent.start_char):
            continue
        c = _condition_named(ctx, m.group(0))
        if c is not None:
            out.append((c, s, e))
    return out


def _bounds(x) -> tuple[int, int]:
    """Where a condition found is written: a (concept, start, end) tuple's offsets or a span's."""
    return (x[1], x[2]) if isinstance(x, tuple) else (x.start_char, x.end_char)


def _circumstance(phrase: str) -> int:
    """Length of the words of circumstance opening a procedure ('elective', 'emergency'; ontology/
    conditions.json procedure_modifiers) and the space after them."""
    m = re.match(r"(?:(?:" + "|".join(map(re.escape, _condition_rules()["procedure_modifiers"])) + r")\s+)+", phrase,
                 re.I)
    return m.end() if m else 0


def _title_procedures(ctx: Context, sent, spans: list) -> list:
    """'... for tracheal intubation', '... after laparoscopic renal surgery', 'for the prevention of
    postpartum bleeding', 'Treatment of Periodontal Intrabony Defects': the procedure or problem a
    title names after the words that introduce one (ontology/conditions.json title_intro), where
    no dictionary disease is written there. Words of circumstance ('elective', 'rapid') are left out."""
    r = _condition_rules()
    out = []
    for m in r["title_rx"].finditer(sent.text):
        a = sent.start_char + m.start("p")
        b = sent.start_char + m.end("p")
        if any(sp.start_char < b and a < sp.end_char for sp in spans):
            continue  # a disease of the dictionaries is read there already
        words = list(re.finditer(r"[\w'’-]+", m.group("p")))
        while words and (words[0].group().lower() in _DETERMINERS or words[0].group().lower() in r["not_disease_words"]
                         or words[0].group().lower() in r["procedure_modifiers"]):
            words = words[1:]
        if not words or any(re.search(r"\d", w.group()) for w in words):
            continue
        words = words[-3:]  # the procedure's own words: 'third molar extraction' of 'impacted lower third ...'

        phrase = m.group("p")[words[0].start():]
        alone = len(words) == 1 and words[0].group().lower() in r["title_heads_alone"]
        if not alone and (len(words) < 2 or not _specific(phrase)):
            continue
        s = sent.start_char + m.start("p") + words[0].start()
        out.append((ctx.lexicon.discover("Condition", " ".join(phrase.split()), "population"), s, b))
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


def _abbreviated_condition(ctx: Context, phrase: str, whole: bool = False):
    """'adults with HFpEF' where the paper wrote 'Heart failure with preserved ejection fraction (HFpEF)':
    a short form the paper defines, whose long form holds a disease of the dictionaries but is no
    dictionary name itself, stands for that long form (concept, start, end of the long form)."""
    m = re.match(r"[A-Za-z][\w-]*", phrase)
    abbr = document_abbreviations(ctx.document).get(m.group(0)) if m and (not whole or m.end() == len(phrase)) else None
    if abbr is None:
        return None
    inside = [sp for sp in ctx.concept_spans(abbr.start, abbr.end) if sp.label_ == "Condition"]
    if not inside or any(sp.start_char <= abbr.start and abbr.end <= sp.end_char for sp in inside):
        return None  # no disease in the long form, or the long form is a dictionary name itself
    return ctx.lexicon.discover("Condition", abbr.name, "population"), abbr.start, abbr.end


def _excluded(sent, start: int) -> bool:
    """A condition in a clause that goes on to exclude the people who have it ('patients with epilepsy
    or renal failure were excluded', 'those with a history of stroke were not eligible'; ontology/
    conditions.json excluded_after): an eligibility limit, not what the trial studies."""
    rest = sent.text[start - sent.start_char:]
    clause = rest[: rest.index(";")] if ";" in rest else rest
    return bool(_condition_rules()["excluded_after_rx"].search(clause))


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
    for sent in sentences_by_preference(ctx):
        part, _in_abs = part_of(ctx.document, sent.start_char)
        if part in ("discussion", "results") or not own_statement(ctx, sent):
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
    for sent in sentences_by_preference(ctx):
        part, _in_abs = part_of(ctx.document, sent.start_char)
        if part in ("discussion", "results") or not own_statement(ctx, sent):
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
