"""Endpoints: what the trial measured, its kind (primary / secondary / exploratory) and timepoint.

Four classes of statement, each a clause pattern over cue words kept as data
(`ontology/endpoint_cues.json`):
- declared endpoints: "The primary endpoint was X", "Primary efficacy endpoint: X",
  "secondary outcomes included X, Y and Z", "the primary outcome measure, X, ...",
  "X was the primary endpoint", "The outcomes were measured by A, B and C";
- assessed measures: "X and Y were measured at baseline and week 8", "we assessed X",
  "to evaluate the effect of D on X and Y", "changes in X";
- measures the abstract reports findings on: "X decreased from ...", "X did not differ",
  "no difference in X", "fewer X", "regarding X" (abstract only: a full text reports on
  far more than its endpoints);
- instruments the abstract names (scores and tests from the lexicon such as mRSS, EQ-5D-5L).

Coordinated lists become one endpoint per item; names are trimmed to the noun phrase
(determiners, "changes in", trailing timepoints and clauses dropped).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from kg.extract import recache as re
from kg.extract.abbreviations import document_list_named_spans, spelled_from
from kg.extract.base import Context, Fact, Guarded, Sentence, guarded, in_lay_summary, may_contain, part_of
from kg.extract.folded import folding
from kg.extract.numbers import COUNT
from kg.lexicon import ONTOLOGY_DIR, fold
from kg.readers.common import label_part

EXTRACTOR = "endpoints"


def _alt(words: list[str]) -> str:
    """A regex alternation of cue phrases, longest first, spaces matching any white space."""
    return _alt_of(tuple(words))


@functools.lru_cache(maxsize=256)
def _alt_of(words: tuple[str, ...]) -> str:
    """(`_alt`, built once per cue list: sentences ask for the same lists again and again)"""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Cues:
    kind_of: dict[str, str]
    declared: list[re.Pattern | Guarded]
    passive: re.Pattern
    active: re.Pattern
    aim_effect: re.Pattern
    change_noun: re.Pattern
    change_verb: re.Pattern
    predicate: re.Pattern
    comparative: re.Pattern
    regarding: re.Pattern
    strip_leading: re.Pattern
    stop_before: frozenset[str]
    stop_after: re.Pattern
    not_endpoints: frozenset[str]
    category_heads: frozenset[str]
    bad_heads: frozenset[str]
    measure_words: re.Pattern
    drug_use: re.Pattern
    assess_start: re.Pattern
    assess_words: frozenset[str]


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads((ONTOLOGY_DIR / "endpoint_cues.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
@folding  # searched on the lowered text where that matches the same (kg/extract/folded.py)
def _cues() -> _Cues:
    data = _data()
    kind_of = {fold(w): k for k, ws in data["kinds"].items() for w in ws}
    kind = rf"(?P<kind>{_alt(list(kind_of))})"
    noun = rf"(?:(?:{_alt(data['noun_qualifiers'])})\s+)?(?:{_alt(data['endpoint_nouns'])})(?:\s*\(s\))?"
    # with a kind, a measure noun declares too ("Primary efficacy measurements were X", "the main variable")
    knoun = (rf"(?:(?:{_alt(data['noun_qualifiers'])})\s+)?(?:{_alt(data['endpoint_nouns'] + data['kind_nouns'])})"
             r"(?:\s*\(s\))?")
    verbs = _alt(data["declaring_verbs"])
    # a list of endpoints runs to the sentence end or to the next declaration ("... and secondary endpoints were")
    # (a list of items with commas inside runs on over semicolons when it closes with '; and' or '; or')
    body = (rf"(?P<body>(?:(?!\b(?:and|while|whereas)\s+(?:the\s+)?(?:{_alt(list(kind_of))})\s)"
            r"(?!\([^()]*$)[^.;]|\.(?=\d)|\([^()]*\)|;(?=[^.]*;\s+(?:and|or)\s)|;(?=\s+(?:and|or)\s))+)")
    how = r"(?:(?:measured|assessed|evaluated|determined)\s+(?:by|using|with)\s+(?:the\s+)?)?"
    # "the primary metabolic outcome", "the main composite endpoint": a qualifier between kind and noun
    adj = r"(?:(?!(?:and|or|end)\s)[a-z][\w-]*\s+)?"
    own = r"(?:\s+(?:of|in|for)\s+(?:the|this|our)\s+(?:present\s+|current\s+)?(?:study|trial|analysis))?"
    # "Outcomes at 12 months of follow-up included X", "the primary outcome at 6 weeks was X": their time
    own += (r"(?:\s+(?:at|after|over|during|by|through)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
            r"(?:weeks?|months?|years?|days?|hours?|follow[\s-]?up|visit)\b(?:\s+(?:of\s+)?follow[\s-]?up)?)?")
    declared = [
        # "The primary endpoint was X", "secondary outcomes included X and Y", "Primary endpoint: X"
        # ("The primary outcome of this trial was X": the trial's own outcome)
        re.compile(rf"\b{kind}\s+{adj}{knoun}{own}\s*(?:(?:{verbs})\s*:?\s+{how}|:\s*){body}", re.I),
        # "The outcome measures were X", "Outcomes included X" (no kind stated)
        re.compile(rf"\b(?P<kind>)(?:{noun}){own}(?:\s+(?:{verbs})\s*:?\s+{how}|\s*:\s*){body}", re.I),
        # "the primary endpoint (Treg frequency)"
        re.compile(rf"\b{kind}\s+{adj}{knoun}\s*\((?P<body>[^()]+)\)", re.I),
        # "For the primary outcome of self-reported sleep quality, ...", "the primary endpoint of remission at
        # week 12 was met" (not "the primary outcome of the trial")
        re.compile(rf"\b{kind}\s+{adj}{noun}\s+of\s+(?!(?:the|this|that|these|our|each|both|all|its|their|interest)\s)"
                   r"(?P<body>[^,;.()]{3,120}?)(?=\s*(?:[,;()]|\.(?!\d)|$|\s(?:was|were|is|are|did|had|showed)\s))",
                   re.I),
        # "The primary outcome measure, 90-day mortality, was ..."
        re.compile(rf"\b{kind}\s+{adj}{noun},\s+(?P<body>[^,;.()]{{3,80}}),", re.I),
        # "X was the primary endpoint", "A and B were secondary end points" (no article); a list with commas
        # only from the sentence's start or a label's colon ("A, B and C were secondary outcomes"), not after an
        # opening clause
        re.compile(rf"(?P<body>(?:^|(?<=:\s))(?!(?:{_alt(data['opening_clause_words'])})\b)[A-Za-z][^.;:]{{3,150}}?|"
                   rf"[A-Za-z][^.;,:]{{3,80}}?)\s+(?:was|were)\s+(?:(?:the|a|our)\s+)?{kind}\s+{adj}{knoun}", re.I),
        # "for the endpoint PD20 methacholine", "the primary outcome HbA1c": a noun in apposition to a name
        # written with capitals or digits (an abbreviation, an analyte, a scale)
        re.compile(rf"\b(?:(?P<kind>{_alt(list(kind_of))})\s+)?(?:end[\s-]?points?|outcome\s+measures?|outcomes?)\s+"
                   r"(?P<body>(?=[\w-]*[A-Z0-9])[A-Za-z][\w-]*(?:\s+(?!(?:was|were|is|are|did|had|has|showed|and|or|in|"
                   r"at|of|for|to|with|by|on)\b)[a-z][\w-]*(?<!ed)(?<!ing))?)(?=[\s,.;:)]|$)"),
        # "The following parameters were monitored: A, B and C", "Secondary outcomes were assessed at 6 months:
        # A and B", "We assessed 15 outcomes in five domains: A, B, ...": a list after the colon of a clause that
        # assesses outcomes (a clause after the colon is no list: `_colon_list_ok`)
        re.compile(rf"\b(?:(?P<kind>{_alt(list(kind_of))})\s+)?(?:[\w-]+\s+){{0,2}}?(?:{knoun})\b[^.:;]{{0,80}}?"
                   rf"\b(?:{_alt(data['assessment_verbs'])})\b[^.:;]{{0,50}}?(?P<colon>:)\s*{body}", re.I),
        re.compile(rf"\b(?:{_alt(data['assessment_verbs'] + data['aim_verbs'])})\s+(?:[\w-]+\s+){{0,3}}?"
                   rf"(?:(?P<kind>{_alt(list(kind_of))})\s+)?(?:{knoun})\b[^.:;]{{0,60}}?(?P<colon>:)\s*{body}", re.I),
        # "In an exploratory analysis, we collected ... X"
        re.compile(r"\bin an? (?P<kind>exploratory|post[- ]hoc) analysis,\s+we\s+\w+\s+(?P<body>[^.;]+)", re.I),
    ]
    # all but the last name an endpoint noun: tried only on sentences that have one
    nouns = re.compile(rf"(?:{_alt(data['endpoint_nouns'] + data['kind_nouns'])})", re.I)
    # (the lists after a colon are tried only where a colon is: fewer sentences than those with a noun)
    colon = re.compile(r":")
    declared = [Guarded(rx, colon if "colon" in rx.groupindex else nouns) for rx in declared[:-1]] + declared[-1:]
    declared += _measured_set_rxs(data, kind, body)
    assess = _alt(data["assessment_verbs"])
    # ("X and Y were also assessed", "Z was further examined")
    passive = re.compile(rf"\b(?:was|were|are|is|will\s+be|have\s+been|had\s+been)\s+(?:\w+ly\s+|also\s+|further\s+)?"
                         rf"(?:{assess})\b",
                         re.I)
    active = re.compile(rf"\b(?:(?:{_alt(data['active_subjects'])})\s+(?:\w+ly\s+|also\s+)?(?:{assess})|"
                        rf"to\s+(?:{_alt(data['aim_verbs'])})|"
                        r"(?:would|could|can|may|might|will|to)\s+"
                        rf"(?:{_alt(data['lowering_verbs'])}))\s+(?:(?:the|both|all)\s+)?", re.I)
    aim_effect = re.compile(rf"\b(?:{_alt(data['effect_nouns'])})\s+of\s+[^.;]{{2,120}}?\s+on\s+(?:the\s+)?", re.I)
    # ("changes (p > 0.05) in X": a bracketed statistic between the noun and its measure)
    # ("differences between groups were observed in X", "improvements from baseline in X", "no difference
    # between conditions for X": after a between-clause or 'was found', 'for' and 'on' also lead to the measure)
    between = r"\s+between\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:groups?|arms?|conditions|treatments)"
    found = r"\s+(?:was|were)\s+(?:found|observed|seen|detected|noted|shown|present|apparent|evident)"
    change_noun = re.compile(rf"\b(?:{_alt(data['change_nouns'])})(?:\s*\([^()]*\))?(?:\s+from\s+(?:the\s+)?baseline)?"
                             rf"(?:(?:{between}(?:{found})?|{found}(?:{between})?)\s+(?:in|of|for|on)|\s+(?:in|of))"
                             r"\s+(?!terms\s+of\b|regard\s+to\b|respect\s+to\b)(?:the\s+)?", re.I)
    # a change verb as the predicate: "X decreased from", "X improved significantly", "X rose."
    change_verb = re.compile(rf"\s(?:{_alt(data['change_verbs'])})(?=\s*(?:from|to|by|significantly|in|after|during|"
                             r"more|less|further|[−-]?\d|\w+ly\b|"
                             r"over|with|compared|only|slightly|markedly|\(|,|\.|;|$))", re.I)
    predicate = re.compile(rf"\s(?:{_alt(data['result_predicates'])})\b", re.I)
    comparative = re.compile(rf"\b(?:(?:{_alt(data['comparative_leads'])})\s+|"
                             rf"(?:{_alt(data['comparative_article_leads'])})\s+(?:a|an)\s+)(?:significantly\s+)?"
                             rf"(?P<cmp>{_alt(data['comparatives'])})\s+"
                             rf"(?!(?:[\w-]+\s+)?(?:{_alt(data['change_nouns'])})\s+(?:in|of)\s)", re.I)
    regarding = re.compile(rf"\b(?:{_alt(data['regarding'])})\s+(?:the\s+)?", re.I)
    strip_leading = re.compile(rf"(?:(?:{_alt(data['strip_leading'])})\s+)+", re.I)
    people = json.loads((ONTOLOGY_DIR / "conditions.json").read_text(encoding="utf-8"))["population"]
    stop_after = re.compile(rf"\s(?:{_alt(data['stop_after'])})\b|\s+in\s+(?:the\s+|both\s+|each\s+|all\s+)?"
                            rf"(?:[\w-]+\s+){{0,3}}(?:{people}|{'|'.join(data['population_tail'])})\b|"
                            r"\s+of\s+(?:the\s+|both\s+|all\s+|each\s+)?(?:(?!(?:between|among|in|at|with|versus|vs|than|"
                            r"compared|from|to|after|before|during)\s)[\w-]+\s+(?:and\s+|or\s+)?){0,3}"
                            r"(?:groups?|arms?)(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|at|after|was|were|is|are|did|had|showed|"
                            r"compared|versus|vs)\b)", re.I)
    return _Cues(kind_of, declared, passive, active, aim_effect, change_noun, change_verb, predicate, comparative,
                 regarding, strip_leading, frozenset(fold(w) for w in data["stop_before"]), stop_after,
                 frozenset(fold(w) for w in data["not_endpoints"]), frozenset(data["category_heads"]),
                 frozenset(data["bad_heads"]),
                 re.compile(rf"\s*\b(?:{_alt(data['measure_words'])})\b\s*(?:of\s+)?", re.I),
                 re.compile(rf"[\s-]*(?:based\s+)?(?:(?:{_alt(data['drug_use_words'])})\s*)?", re.I),
                 re.compile(rf"(?:{assess})\b(?!\s+(?:by|using|with)\b)", re.I),
                 frozenset(fold(w) for w in data["assessment_verbs"]))


def _measured_set_rxs(data: dict, kind: str, body: str) -> list[Guarded]:
    """Two declarations without an endpoint noun before the verb: a set of measures with an assessment verb
    after it ('Vital signs measured were A, B and C', 'The variables recorded included A': group `set`), and
    the event a criterion defines ('... was considered treatment failure': group `event`)."""
    assess = _alt(data["assessment_verbs"])
    events = _alt(data["defined_events"])
    defining = _alt(data["defining_verbs"])
    measured = re.compile(rf"\b{kind.replace('(?P<kind>', '(?:(?P<kind>', 1)}\s+)?(?:[\w-]+\s+)?"
                          rf"(?P<set>{_alt(data['measured_sets'])})\s+(?:{assess})\s+"
                          rf"(?:were|was|included|include|comprised|consisted\s+of)\s*:?\s+(?!(?:not|no|also|all)\s)"
                          rf"(?!(?:{_alt(data['set_predicates'])}|[a-z]+(?:able|ible|ed|ly))(?:\s*[,.;)]|\s*$|"
                          rf"\s+(?:{_alt(data['set_predicate_ends'])})\b)){body}", re.I)
    defined = re.compile(rf"\b(?:was|were|is|are)\s+(?:{defining})\s+"
                         rf"(?:as\s+)?(?:an?\s+|the\s+)?(?P<kind>)(?P<event>)(?P<body>(?:[a-z][\w-]*\s+)?(?:{events}))"
                         r"(?=\s*(?:[,;.)]|$)|\s+(?:and|or|if|when|in|at|for|by|while|whereas)\b)", re.I)
    return [Guarded(measured, re.compile(rf"\b(?:{assess})\s+(?:were|was|include|comprised|consisted)", re.I)),
            Guarded(defined, re.compile(rf"\b(?:{defining})\s", re.I))]


@functools.lru_cache(maxsize=1)
def _defined_event_rx() -> re.Pattern:
    """'treatment failure', 'treatment success': an event a trial counts, though its first word alone
    ('treatment with X') names no measure."""
    return re.compile(rf"[a-z][\w-]*\s+(?:{_alt(_data()['defined_events'])})")


# timepoints as written: "week 8", "at 12 weeks", "Day 0, Day 28 and Day 84", "90-day", "baseline",
# "after the intervention", "during the 2-year follow-up", "postoperative day 3", "until 4 y of age"
_TP_NUM = (r"(?:baseline|(?:the\s+)?(?:end|completion) of (?:the )?(?:(?:\d+|one|two|three|four|five|six|eight|ten|"
           r"twelve)[\s-]*(?:weeks?|days?|months?|years?)\s+)?(?:study|treatment|trial|intervention|follow-up|"
           r"therapy)(?:\s+period)?|"
           r"(?:weeks?|days?|months?|years?|wk|W|D|M)\s*\d+(?:\s*/\s*\d+)?|"
           r"(?:\d+\s*,\s*)*\d+\s*,?\s*(?:and|or)\s+\d+\s*(?:-\s*)?(?:weeks?|days?|months?|years?|hours?)(?![\w-])|"
           r"(?:\d+|one|two|three|four|five|six|eight|ten|twelve)\s*(?:-\s*)?(?:weeks?|days?|months?|years?|hours?)"
           r"(?:\s+(?:after|post|following)[\w -]{3,25}?(?=[,;.)]|$))?)")


@functools.lru_cache(maxsize=1)
@folding  # (searched in every sentence that may state an endpoint's time)
def _time_rx() -> re.Pattern:
    """One timepoint or a list of them. Besides numbered times: a point relative to an event ("after the
    intervention"), a named period after "during" ("during Ramadan": Ramadan), a surgical time
    ("postoperative day 3") and an age limit ("until 4 y of age"); the cue words are data."""
    data = _data()
    operative = _alt(data["operative_times"])
    # a period's modifiers ("the first 8 weeks of"), not a clause ("week 2 when compared to")
    words = (r"(?!(?:and|or|but|with|in|during|was|were|is|are|to|when|compared|than|versus|vs|where|which|that)"
             r"\s)[\w-]+\s+")
    # "after the intervention", "after the 12-week intervention", "after the last dose"
    points = _alt(data["point_events"])
    one = (rf"(?:(?:after|before)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:{_alt(data['time_events'])})(?![\w-])|"
           rf"(?:(?<=at )|(?<=at the time of ))(?:{points})(?![\w-])|"
           rf"(?:the\s+)?(?:day|morning|evening|night)\s+(?:before|after|of)\s+(?:the\s+)?(?:{points})(?![\w-])|"
           rf"(?:(?<=during )|(?<=during the ))(?!an?\s)(?:{words}){{0,6}}(?:{_alt(data['time_periods'])})(?![\w-])|"
           rf"(?:(?<=during )|(?<=during the ))(?!an?\s|the\s)(?:{words}){{1,6}}"
           rf"(?:{_alt(data['generic_periods'])})(?![\w-])|"
           rf"{_TP_NUM}|"
           rf"(?:{operative})\s+(?:(?:day|week|month)\s*\d+|period)|"
           r"(?:(?<=until )|(?<=up to ))(?:\d+\s*(?:y|yrs?|years?|months?)\s+of\s+age|(?:the\s+)?age\s+(?:of\s+)?\d+))")
    return re.compile(rf"\b(?:(?:at|by|after|over|through|until|up\s+to|within|on|from|to|during|between)\s+"
                      r"(?:the\s+)?)?"
                      rf"(?P<t>{one}(?:\s*(?:,\s*and|,|and|to|through|or)\s+(?:(?:at|to|after|by|on)\s+)?(?:{one}|"
                      r"\d+\b(?![.,]?\d|\s*%)))*)(?![\w-])", re.I)


_FROM_BASELINE = re.compile(r"\s*(?:the\s+)?(?:(?:mean|median|absolute|relative|percent(?:age)?|adjusted|average)\s+)*"
                            r"changes?\s+from\s+baseline(?:\s+(?:to|until|through|at)\s+[^,;()]{2,30}?)?\s+(?:in|of)\s+",
                            re.I)
_FROM_BASELINE_BARE = re.compile(r"\s*(?:the\s+)?(?:(?:mean|median|absolute|relative|percent(?:age)?|adjusted|average)"
                                 r"\s+)*changes?\s+from\s+baseline\s+(?!(?:to|until|through|at|in|of|and|or|was|were)\b)"
                                 r"(?=[A-Za-z])", re.I)
_BASELINE_IN = re.compile(r"baseline(?:\s+(?:to|until|through|at)\s+[^,;()]{2,30}?)?\s+(?:in|of)\s+", re.I)
_STAT = re.compile(r"[=±<>%]|\bp\s*[<=>]|^\s*[−-]?\d|\bn\s*=|\bvs\b|\bversus\b|\bCI\b", re.I)
_TOKEN = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|[^\s,;:()\[\]]+|[,;:]")


def extract(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    seen = _Seen()
    cues = _cues()
    abstract_only = abstract_like(ctx)
    for sent in ctx.sentences():
        part, in_abs = part_of(ctx.document, sent.start_char)
        if in_abs and not abstract_only and in_lay_summary(ctx.document, sent.start_char):
            in_abs = False  # a plain-language summary retells the paper: read like its body
        if part in ("background", "discussion") and not in_abs and not abstract_only:
            continue
        declared_spans: list[tuple[int, int]] = []
        prev_end = sent.start_char  # a timepoint before a declaration belongs to it, not to an earlier one
        for rx in cues.declared:
            for m in rx.finditer(sent.text):
                if re.search(r"\b(?:if|whether|when|unless)\s+(?:the\s+)?$", sent.text[: m.start()], re.I):
                    continue  # "If the primary outcome is binary, ..." declares nothing
                if rx in cues.declared[:2] and re.search(
                        rf"\b(?:for|of|with|on|to|from|between|in)\s+(?:\w+ing\s+)?(?:the|a|an|their|its)\s+"
                        rf"(?:(?:{_alt(list(cues.kind_of))})\s+)?$", sent.text[: m.start()], re.I):
                    continue  # "Risk factors for developing the primary outcome were X": X predicts it
                if re.match(rf"(?:{_alt(_data()['analysing_verbs'])})\s+(?:by|using|with)\b", m.group("body"), re.I):
                    continue  # "Outcomes were analysed using logistic regression": a method
                if any(a <= m.start("body") < b for a, b in declared_spans):
                    continue
                colon = "colon" in _groups(rx)
                if colon and not _colon_list_ok(m.group("body")):
                    continue  # "Outcomes were assessed as follows: X was rated with ...": clauses, not a list
                own_verb = bool({"set", "event"} & set(_groups(rx)))  # the assessment or criterion declares
                if not colon and not own_verb and not _declaring_noun_ok(
                        sent.text[m.start():m.start("body")] + " " + sent.text[m.end("body"):m.end()]):
                    continue  # "other measures were taken", "secondary prevention measures": no declaration
                if cues.assess_start.match(m.group("body")) and re.search(
                        r"\b(?:was|were|is|are)\s+$", sent.text[m.start(): m.start("body")], re.I):
                    continue  # "secondary outcomes were assessed at 6 months" declares no measure
                declared_spans.append((m.start("body"), m.end("body")))
                kind = _kind(m.group("kind"))
                s, e = sent.start_char + m.start("body"), sent.start_char + m.end("body")
                means = _means_in_list_rx().search(ctx.document.text, s, e) if colon else None
                if means:  # "A, B and C measured by questionnaires and D by tests": the list ends at its means
                    e = means.start()
                for a, b in _items(ctx.document.text, s, e, document_list_named_spans(ctx.document)):
                    out.extend(_endpoint(ctx, a, b, kind, seen, sent, "endpoint.declared", 0.85,
                                         window=(prev_end, sent.start_char + m.start("body"), e)))
                prev_end = max(prev_end, e)
        heading = _endpoint_heading(ctx, sent) if not declared_spans and (in_abs or abstract_only) else None
        if heading is not None:  # "Main outcome measures: A, B and C" as a label of its own
            kind, a = heading
            s, e = sent.start_char + a, sent.end_char
            while e > s and ctx.document.text[e - 1] in " .;\n":
                e -= 1
            declared_spans.append((a, e - sent.start_char))
            for x, y in _items(ctx.document.text, s, e, document_list_named_spans(ctx.document)):
                out.extend(_endpoint(ctx, x, y, kind, seen, sent, "endpoint.declared", 0.8,
                                     window=(sent.start_char, s, e)))
        if not (in_abs or abstract_only) or part == "title":
            continue  # a full text assesses and reports on far more than its endpoints
        taken = [(sent.start_char + a, sent.start_char + b) for a, b in declared_spans]
        for a, b, rule in _assessed(ctx, sent, cues) + _reported(ctx, sent, cues):
            if any(x <= a < y for x, y in taken):
                continue
            if part == "background" and rule.startswith(("endpoint.reported", "endpoint.change")) and \
                    not cues.active.search(sent.text) and \
                    not re.search(r"\b(?:aims?|aimed|objectives?|purpose|goal)\b", sent.text, re.I):
                continue  # "X induces changes in Y", "Y is lower in ...": what is known, not what was measured
            if rule.startswith(_FINDING_RULES) and _prior_work_rx().search(sent.text):
                continue  # "Few studies have examined the effect of D on Y", "than in other trials": not this trial
            if rule.startswith(("endpoint.reported", "endpoint.change")) and _baseline_subject().search(
                    ctx.document.text, sent.start_char, a):
                continue  # "Baseline characteristics showed no difference in age, sex, ...": the groups at entry
            # (an instrument named as the means is one item already: 'the Hospital Anxiety and Depression Scale')
            items = [(a, b)] if rule == "endpoint.assessed_means" else _items(
                ctx.document.text, a, b, document_list_named_spans(ctx.document))
            for s, e in items:
                out.extend(_endpoint(ctx, s, e, None, seen, sent, rule, 0.7 if "reported" not in rule else 0.6))
    out.extend(_instruments(ctx, seen))
    if not abstract_only:
        out.extend(_measure_headings(ctx, seen))
    out = _pruned(ctx, out)
    _timepoints_from_text(ctx, out)
    _timepoints_from_abstract(ctx, out, abstract_only)
    return out


@functools.lru_cache(maxsize=1)
def _kind_noun_rx() -> tuple[re.Pattern, re.Pattern]:
    """An endpoint noun; a measure noun that declares only after a kind ('Primary efficacy measurements',
    'the main variables'), not after 'other' or another word ('other measures', 'secondary prevention
    measures'; ontology kind_nouns)."""
    data = _data()
    kinds = [w for w in _cues().kind_of if w != "other"]
    return (re.compile(rf"\b(?:{_alt(data['endpoint_nouns'])})\b", re.I),
            re.compile(rf"\b(?:{_alt(kinds)})\s+(?:(?:{_alt(data['noun_qualifiers'])})\s+)?"
                       rf"(?:{_alt(data['kind_nouns'])})\b", re.I),
            re.compile(rf"\b(?:{_alt(data['kind_nouns'])})\b", re.I))


def _groups(rx: re.Pattern | Guarded) -> dict[str, int]:
    """The named groups of a pattern, guarded or not."""
    return getattr(rx, "groupindex", None) or getattr(getattr(rx, "rx", None), "groupindex", {}) or {}


@functools.lru_cache(maxsize=1)
def _means_in_list_rx() -> re.Pattern:
    """'measured by', 'assessed using' inside a list after a colon: how the items before were measured."""
    d = _data()
    return re.compile(rf"\s(?:{_alt(d['assessment_verbs'])})\s+(?:{_alt(d['instrument_means'])})\s", re.I)


def _colon_list_ok(body: str) -> bool:
    """A list after a colon names measures; one with its own verb is a run of clauses ('X was rated by ...')."""
    return not re.search(r"\b(?:was|were|is|are|had|has|have)\b", body, re.I)


def _declaring_noun_ok(head: str) -> bool:
    """Whether a declaration's words around its list name the endpoints with an endpoint noun, or with a
    measure noun right after a kind."""
    endpoint_noun, kind_noun, bare = _kind_noun_rx()
    return bool(not bare.search(head) or endpoint_noun.search(head) or kind_noun.search(head))


@functools.lru_cache(maxsize=1)
def _heading_rx() -> re.Pattern:
    """A label that names the outcome measures ('Main outcome measures', 'Primary endpoint', 'Outcomes')."""
    data = _data()
    kinds = _alt(list(_cues().kind_of))
    return re.compile(rf"(?:(?P<kind>{kinds})\s+)?(?:and\s+(?P<other>{kinds})\s+)?"
                      rf"(?:(?:{_alt(data['noun_qualifiers'])})\s+)?(?:{_alt(data['endpoint_nouns'])})(?:\s+and\s+measures?)?",
                      re.I)


def _endpoint_heading(ctx: Context, sent: Sentence) -> tuple[str | None, int] | None:
    """The kind and the start (in the sentence) of a declaration under a label that names the outcome
    measures ('Main outcome measures: A, B and C' inline or as its own section): the whole sentence lists
    them, or None."""
    sec = next((x for x in reversed(ctx.document.sections) if x.start <= sent.start_char < x.end
                and x.kind in ("abstract", "body") and x.start > 0), None)
    if sec is None:
        return None
    m = _heading_rx().fullmatch(sec.name.strip().rstrip(":"))
    first = next((x for x in ctx.sentences() if x.start_char >= sec.start
                  and fold(x.text.strip().rstrip(":.")) != fold(sec.name.strip().rstrip(":."))), None)
    # (a label on a line of its own is a sentence of its own: the list is the one after it)
    if m is None or first is None or first.start_char != sent.start_char or re.search(
            r"\b(?:was|were|is|are|included?)\b", sent.text[:60], re.I):
        return None  # (a sentence with its own verb is read by the declared patterns)
    label = re.match(rf"\s*{re.escape(sec.name.strip())}\s*[:.-]?\s*", sent.text, re.I)
    a = label.end() if label else 0
    if a >= len(sent.text.rstrip()) - 1:
        return None
    kind = None if m.group("other") else _kind(m.group("kind"))
    return kind, a


def _kind(word: str | None) -> str | None:
    if not word:
        return None
    return _cues().kind_of.get(fold(re.sub(r"\s+", " ", word)))


def abstract_like(ctx: Context) -> bool:
    """A text that is an abstract (title and abstract parts, no abstract section of its own): one
    with none of a full paper's parts (introduction, discussion, references, back matter)."""
    doc = ctx.document
    if "abstract_like" not in doc.cache:
        full_paper = any(s.kind in ("abstract", "references", "backmatter") or re.match(
            r"(?:\d+\.?\s*)?(?:discussion|references|acknowledg)",
            s.name.strip(), re.I) for s in doc.sections)
        doc.cache["abstract_like"] = not full_paper and len(doc.text) < 20000
    return bool(doc.cache["abstract_like"])


# -- clause patterns ------------------------------------------------------------------------
def _assessed(ctx: Context, sent: Sentence, cues: _Cues) -> list[tuple[int, int, str]]:
    """'X and Y were measured', 'we assessed X', 'the effect of D on X', 'changes in X'."""
    text, base = sent.text, sent.start_char
    out = []
    for m in cues.passive.finditer(text):
        end = _before_time(text, m.start())  # "X between baseline and week 12 was measured": X, the time apart
        span = _walk_subject(text, end, cues)
        s, end = span if span else (None, end)
        if s is not None and _examined_for().match(text, m.end()):
            continue  # "The lambs were examined by ultrasound to measure X": X is the measure, not the lambs
        if s is not None and not _effect_without_measure(text[:m.start()]):
            # "X was observed in 3 patients" reports a finding; "X was measured" names a measure
            found = re.search(r"\b(?:observed|noted|seen)$", m.group()) and part_of(
                ctx.document, sent.start_char)[0] not in ("methods", "objective")
            out.append((base + s, base + end, "endpoint.reported" if found else "endpoint.assessed"))
        on = _assessed_on_rx().match(text, m.end())  # "All were assessed on A, B and C": who, then the measures
        if on and (s is None or _people_rx().fullmatch(text[s:end].strip())):
            e = _walk_forward(text, on.end(), cues)
            if e is not None:
                out.append((base + on.end(), base + e, "endpoint.assessed"))
        means = _means_rx().match(text, m.end())  # "X was assessed with A, B and C": the instruments too
        e = _walk_forward(text, means.end(), cues) if means and not _analysing_rx().search(m.group()) else None
        general = s is not None and fold(re.sub(r"^(?:the|a|an)\s+", "", text[s:end].strip(), flags=re.I)) in {
            fold(w) for w in _data()["means_subjects"]}
        items, tested = _tested_items(text, means.end(), e, cues) if e is not None else ([], [])
        # "... and laboratory tests for A and B": A and B are measures, whatever the subject
        out.extend((base + a, base + b, "endpoint.assessed") for a, b in tested)
        if general:  # "Efficacy was assessed by X and Y": X and Y are the measures
            out.extend((base + a, base + b, "endpoint.assessed") for a, b in items
                       if _instrument_like(text[a:b]) or not re.fullmatch(r"[A-Z][A-Za-z0-9-]*", text[a:b].strip())
                       and fold(text[a:b].strip()) not in {fold(w) for w in _data()["not_instruments"]})
        else:
            # (a known instrument is read by `_instruments` under its own label; "US" for ultrasonography
            # is a method)
            out.extend((base + a, base + b, "endpoint.assessed_means") for a, b in items
                       if _instrument_like(text[a:b], abbreviations(ctx).get(text[a:b].strip(), ""))
                       and not any(sp.label_ == "Instrument" for sp in ctx.concept_spans(base + a, base + b)))
    out += _used_instruments(ctx, sent, cues)
    hoped = part_of(ctx.document, sent.start_char)[0] in ("background", "conclusions")
    concluding = part_of(ctx.document, sent.start_char)[0] == "conclusions"
    for rx, rule in ((cues.active, "endpoint.assessed"), (cues.aim_effect, "endpoint.aim"),
                     (cues.change_noun, "endpoint.change")):
        for m in rx.finditer(text):
            if hoped and rx is cues.active and _lowering_rx().search(m.group()) and not _found_to_rx().search(
                    text, 0, m.start()):
                continue  # "efforts to prevent X", "may be a simple way to improve X": a hope, not a measure
            if rx is cues.active and re.match(r"(?:whether|if|how|which|what|why)\b", text[m.end():], re.I) and \
                    not re.search(rf"\b(?:{_alt(_data()['lowering_verbs'])})(?:s|d|ed|es)?\b",
                                  re.split(r"[,;.]", text[m.end():], maxsplit=1)[0], re.I):
                continue  # "to assess whether a manual is more effective ...": a question, whose measures come later
            if rx is cues.active and (_effect_object_rx().match(text, m.end()) or (
                    concluding and _aim_to_rx().match(m.group()))):
                continue  # "to test the effect of D versus P (on X)": D is given, X comes from 'on'; in
                # the conclusions "a model to evaluate X" proposes, it does not report a measure
            e = _walk_forward(text, m.end(), cues)
            if e is not None and rx is cues.active and cues.assess_start.match(text, e + 1):
                # "U determined X, D determined Y": the list ends before the next clause's subject D
                cut = list(re.finditer(r",\s*(?:and\s+)?|\s+and\s+", text[m.end():e]))
                e = m.end() + cut[-1].start() if cut else None
            if e is not None:
                out.append((base + m.end(), base + e, rule))
    if not concluding:  # "to detect X and measure Y": the purpose's second verb and its object
        for m in _second_aim_rx().finditer(text):
            e = _walk_forward(text, m.end(), cues)
            if e is not None:
                out.append((base + m.end(), base + e, "endpoint.assessed"))
    for m in _rated_rx().finditer(text):  # "severity ratings for A, B and C", "rated the intensity of A and B"
        e = _walk_forward(text, m.end(), cues)
        if e is not None:
            out.append((base + m.end(), base + e, "endpoint.assessed"))
    for m in _results_of_rx().finditer(text):  # "The results of the X and Y analyses": X and Y were measured
        out.append((base + m.start("body"), base + m.end("body"), "endpoint.assessed"))
    guard, listing = _listing_rx()
    if guard.search(text):  # cheap test first
        for m in listing.finditer(text):
            e = _walk_forward(text, m.end(), cues)
            if e is not None:
                out.append((base + m.end(), base + e, "endpoint.assessed"))
    return out


@functools.lru_cache(maxsize=1)
def _rated_rx() -> re.Pattern:
    """What participants rate ('daily severity ratings for A, B and C', 'symptom ratings of A', 'patients rated the
    severity of A'; ontology ratings): the measures after 'for' / 'of'. The rating is qualified by what of a
    symptom is rated: 'a rating for each clinic' rates no measure."""
    d = _data()["ratings"]
    nouns, aspects, quals = _alt(d["nouns"]), _alt(d["aspects"]), _alt(d["aspects"] + d["qualifiers"])
    return re.compile(rf"\b(?:(?:{quals})\s+(?:{nouns})\s+(?:for|of)|(?:{_alt(d['verbs'])})\s+"
                      rf"(?:the\s+|their\s+|his\s+|her\s+)?(?:{aspects})\s+of)\s+(?:the\s+|their\s+)?(?=[A-Za-z])",
                      re.I)


@functools.lru_cache(maxsize=1)
def _assessed_on_rx() -> re.Pattern:
    """'(were assessed) on / for (the)': the measures who was assessed was assessed on."""
    return re.compile(r"\s+(?:\w+ly\s+)?(?:on|for)\s+(?:the\s+|their\s+|his\s+|her\s+)?(?=[A-Za-z])", re.I)


@functools.lru_cache(maxsize=1)
def _people_rx() -> re.Pattern:
    """Who was assessed, as a subject ('All', 'Participants', 'the children', 'They')."""
    people = json.loads((ONTOLOGY_DIR / "conditions.json").read_text(encoding="utf-8"))["population"]
    return re.compile(rf"(?:(?:the|all|both|each)\s+)?(?:[\w-]+\s+){{0,2}}(?:{people})|all|they|both|each", re.I)


@functools.lru_cache(maxsize=1)
def _results_of_rx() -> re.Pattern:
    """'The results of (the) X and Y analyses/assessments': what was analysed names the measures (the words
    are data: results_of)."""
    d = _data()["results_of"]
    return re.compile(rf"\b(?:{_alt(d['nouns'])})\s+(?:of|from)\s+(?:the\s+)?(?P<body>[A-Za-z][^.;,:()]{{1,80}}?)\s+"
                      rf"(?:{_alt(d['methods'])})\b", re.I)


@functools.lru_cache(maxsize=1)
def _means_rx() -> re.Pattern:
    """The means after a passive assessment verb: 'was assessed with (the) ...'."""
    return re.compile(rf"\s+(?:{_alt(_data()['instrument_means'])})\s+(?:the\s+|a\s+|an\s+)?", re.I)


def _named_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`_items`, with a proper name that holds 'and' kept whole ('the Hospital Anxiety and Depression
    Scale'): capitalised words joined by a bare 'and' to the next item."""
    out: list[tuple[int, int]] = []
    for a, b in _items(text, start, end):
        words = text[a:b].split()  # (a next item with its own article is a name of its own)
        before = re.sub(r"^(?:the|a|an)\s+", "", text[out[-1][0]:out[-1][1]], flags=re.I).split() if out else []
        if before and re.fullmatch(r"\s+and\s+", text[out[-1][1]:a]) and words and words[0][:1].isupper() and all(
                w[:1].isupper() for w in before) and not _instrument_like(" ".join(before)):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


@functools.lru_cache(maxsize=1)
def _lab_lead_rx() -> re.Pattern:
    """'(the) laboratory tests for', 'blood sampling for', 'measurements of': tests named before what they
    measure (ontology measure_listings collection_qualifiers and collection_nouns, lab_lead_nouns)."""
    d = _data()
    nouns = _alt(d["measure_listings"]["collection_nouns"] + d["lab_lead_nouns"])
    return re.compile(rf"(?:(?:the|a|an)\s+)?(?:(?:{_alt(d['measure_listings']['collection_qualifiers'])})\s+)?"
                      rf"(?:{nouns})\s+(?:for|of)\s+(?:the\s+)?(?=[A-Za-z])", re.I)


def _tested_items(text: str, start: int, end: int, cues: _Cues) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The items of a means list (from `start`, its walk ending at `end`) and, where tests are named before
    what they measure ('joint counts, the X Score and laboratory tests for A and B'), the measures after the
    lead (A and B): the walk stopped at its 'for'."""
    for lead in _lab_lead_rx().finditer(text, start, min(len(text), end + 40)):
        if lead.start() < end < lead.end() or lead.end() <= end:
            stop = _walk_forward(text, lead.end(), cues)
            before = re.sub(r"(?:\s*,)?(?:\s+(?:and|or))?\s*$", "", text[start:lead.start()])
            return (_named_items(text, start, start + len(before)) if before.strip() else [],
                    _items(text, lead.end(), stop) if stop else [])
    return _named_items(text, start, end), []


@functools.lru_cache(maxsize=1)
def _used_rx() -> re.Pattern:
    """'(A, B and C) were used / administered / completed' closing a clause, not 'used to compare' (ontology
    used_verbs)."""
    return guarded(re.compile(rf"\s(?:was|were)\s+(?:\w+ly\s+|also\s+)?(?:{_alt(_data()['used_verbs'])})\b"
                              r"(?!\s+(?:to|for|in\s+order\s+to)\s+(?:the\s+)?(?:compar|analy|test|calculat|estimat|"
                              r"stratif|adjust|random|allocat|generat|determine\s+(?:the\s+)?sample|assess\s+the\s+"
                              r"(?:association|differences?|normality|correlation)))", re.I))


def _used_instruments(ctx: Context, sent: Sentence, cues: _Cues) -> list[tuple[int, int, str]]:
    """'The PSQI, the BDI and the Fatigue Severity Scale were used': the instruments of a list made use of
    (items that name a scale, index, questionnaire... or an abbreviation the paper defines by one), each an
    endpoint; drugs, devices and statistical tests in such a list are left out."""
    text, base = sent.text, sent.start_char
    out = []
    for m in _used_rx().finditer(text):
        # the clause before the verb (a name may hold a colon: 'the X Questionnaire: General Health (XQ:GH)');
        # only its named instruments are kept
        stops = [text.rfind(";", 0, m.start()) + 1, text.rfind(". ", 0, m.start()) + 2]
        start = max([x for x in stops if x > 1] or [0])
        label = re.match(r"\s*[A-Z][A-Za-z]*(?:\s+[A-Za-z]+){0,2}\s*:\s+", text[start:m.start()])
        start += label.end() if label else 0  # "Methods: The X Scale ...": after an inline label
        if re.match(r"(?i)(?:after|at|on|during|by|within|over|before)\s", text[start:]):
            opening = _time_rx().match(text, start)  # "At baseline and week 12 the X Scale ...": after the time
            start = opening.end() + len(re.match(r"\s*,?\s*", text[opening.end():]).group()) if opening else start
        for a, b in _named_items(text, start, m.start()):
            item = re.sub(r"^\s*(?:the|a|an)\s+", "", text[a:b]).strip()
            short = re.fullmatch(r"[A-Z][A-Za-z0-9:-]*", item)
            long = abbreviations(ctx).get(item, "") if short else ""
            if not (_named_instrument(long) if short else _named_instrument(item)):
                continue  # an abbreviation counts only where the paper spells it out as an instrument
            if not any(sp.label_ == "Instrument" for sp in ctx.concept_spans(base + a, base + b)):
                out.append((base + a, base + b, "endpoint.assessed_means"))
    return out


def _named_instrument(item: str) -> bool:
    """An instrument named as such ('the Fatigue Severity Scale', 'Beck Depression Inventory (BDI)'): a word of
    instrument_heads and a proper name (two capitalised words, or a defined abbreviation in brackets), not a
    generic one ('questionnaires on sleep', 'a battery of tests')."""
    bare = re.sub(r"\s*\([^()]*\)", "", item).strip()
    named = sum(w[:1].isupper() for w in bare.split()) >= 2 or bool(re.search(r"\([A-Z][A-Za-z0-9:-]+\)", item))
    return named and _instrument_like(item)


@functools.lru_cache(maxsize=1)
def _analysing_rx() -> re.Pattern:
    """Verbs whose means is a statistical method, not an instrument ('compared using ANOVA')."""
    return re.compile(rf"\b(?:{_alt(_data()['analysing_verbs'])})$", re.I)


def _instrument_like(item: str, long_form: str = "") -> bool:
    """A scale, questionnaire or test named as the means of an assessment ('the Beck Depression
    Inventory', 'MMSE'), not a laboratory, imaging or statistical method ('ELISA', 'ultrasound',
    'ANOVA', 'US' defined as ultrasonography) nor a generic one ('laboratory tests for X')."""
    data = _data()
    bare = re.sub(r"^(?:the|a|an)\s+", "", item.strip(), flags=re.I)
    bare = re.sub(r"\s*\([^()]*\)", "", bare).strip()
    bare = re.split(r"\s+for\s+", bare, maxsplit=1)[0]  # "laboratory tests for ESR": the means
    methods = {fold(w) for w in data["not_instruments"]}
    if not bare or fold(bare) in methods or fold(long_form) in methods or _statistical_rx().search(bare):
        return False  # (also "a Wilcoxon non-parametric test", "paired samples t-test": statistical methods)
    words = bare.split()
    if any(fold(w.rstrip(":,")) in data["instrument_heads"] for w in words):  # ('the X Questionnaire: Short Form')
        return True
    return len(words) == 1 and bool(re.fullmatch(r"[A-Z][A-Z0-9]{1,}(?:-[A-Za-z0-9]+)*", bare))


@functools.lru_cache(maxsize=1)
def _statistical_rx() -> re.Pattern:
    """A word of statistics in a named test ('Wilcoxon', 'non-parametric'; ontology statistical_words)."""
    return re.compile(rf"(?<![\w-])(?:{_alt(_data()['statistical_words'])})(?![\w-])", re.I)


@functools.lru_cache(maxsize=1)
def _baseline_subject() -> re.Pattern:
    """What opens a clause on the groups before treatment ('Baseline demographic characteristics
    showed no difference in ...'): the results' own pattern (ontology/patterns/results.json), so
    both extractors read such a sentence alike."""
    from kg.extract.results import _rx as results_patterns

    return results_patterns()["baseline_subject"]


@functools.lru_cache(maxsize=1)
def _covariate_rx() -> re.Pattern:
    """A cue that the list after it names covariates or strata ('adjusted for', 'stratified by')."""
    return re.compile(rf"\b(?:{_alt(_data()['covariate_cues'])})\b", re.I)


def _given_drug(ctx: Context, s: int, e: int) -> bool:
    """A name that opens with a drug followed by a word of giving it ('X added to', 'X versus') or
    by its possessive ("duloxetine's advantage"): the treatment, not a measure."""
    drug = next((sp for sp in ctx.concept_spans(s, e) if sp.start_char == s and sp.label_ == "Drug"), None)
    if drug is None:
        return False
    rest = ctx.document.text[drug.end_char:e]
    nxt = re.match(r"\s+([\w-]+)", rest)
    return bool(nxt) and nxt.group(1).lower() in _data()["given_words"] or bool(re.match(r"['’]s\s", rest))


def _after_drug_verb(ctx: Context, s: int, e: int) -> int:
    """Where the measure starts in 'X influences Y', 'X and/or Z reduce Y' (drugs and a verb of what
    they do to a measure, ontology lowering_verbs): at Y; else `s`."""
    drugs = [sp for sp in ctx.concept_spans(s, e) if sp.label_ == "Drug"]
    if not drugs or drugs[0].start_char != s:
        return s
    verbs = _alt(_data()["lowering_verbs"])
    m = re.match(rf"(?:\s*(?:,|and/or|and|or)\s+[\w-]+){{0,2}}\s+(?:{verbs})(?:s|d|ed|es)?\s+(?:the\s+)?(?=\w)",
                 ctx.document.text[drugs[-1].end_char:e], re.I)
    return drugs[-1].end_char + m.end() if m and drugs[-1].end_char + m.end() < e else s


@functools.lru_cache(maxsize=1)
def _to_heads() -> frozenset[str]:
    return frozenset(_data()["to_heads"])


@functools.lru_cache(maxsize=1)
def _found_to_rx() -> re.Pattern:
    """'appeared', 'was shown' right before 'to <lowering verb>': a finding, not a hope."""
    return re.compile(rf"\b(?:{_alt(_data()['found_to'])})\s+$", re.I)


@functools.lru_cache(maxsize=1)
def _lowering_rx() -> re.Pattern:
    """A verb of what a treatment should do to a measure ('to improve', 'could prevent')."""
    return re.compile(rf"\b(?:{_alt(_data()['lowering_verbs'])})\b", re.I)


@functools.lru_cache(maxsize=1)
def _listing_rx() -> tuple[re.Pattern, re.Pattern]:
    """Measures listed after what collects them: 'Laboratory tests included A, B and C', 'daily diary
    cards to document A and B'; the words are data."""
    data = _data()["measure_listings"]
    tools = rf"(?:{_alt(data['collections'])})"
    listing = re.compile(
        rf"\b(?:(?:{_alt(data['collection_qualifiers'])})\s+)?(?:{_alt(data['collection_nouns'])})\s+"
        rf"(?:{_alt(data['collection_verbs'])})\s+|\b{tools}\s+(?:(?:were|was)\s+used\s+)?(?:to|in\s+order\s+to)\s+"
        rf"(?:{_alt(data['recording_verbs'])})\s+(?:(?:information|data|details)\s+(?:on|about|of)\s+)?", re.I)
    guard = re.compile(rf"\b(?:{_alt(data['collection_nouns'] + data['collections'])})\b", re.I)
    return guard, listing


@functools.lru_cache(maxsize=1)
def _aim_to_rx() -> re.Pattern:
    """'to evaluate', 'to measure': an aim's verb (ontology aim_verbs)."""
    return re.compile(rf"to\s+(?:{_alt(_data()['aim_verbs'])})\b", re.I)


@functools.lru_cache(maxsize=1)
def _threshold_rx() -> re.Pattern:
    """A threshold of change before a measure ('a 10 points improvement in', 'a 0.8%-units decrease in',
    'at least 50% reduction of'): what counts as a response, not the measure's name."""
    return re.compile(rf"\s*(?:(?:a|an|the)\s+)?(?:at\s+least\s+|>\s*|≥\s*)?\d[\d.,]*\s*(?:%|[\w/%-]+)?[\s-]*"
                      rf"(?:[a-z]+\s+)?(?:{_alt(_data()['change_nouns'])})\s+(?:in|of)\s+(?:the\s+)?", re.I)


@functools.lru_cache(maxsize=1)
def _transitive_rx() -> re.Pattern:
    """'D (significantly) decreased X', 'the programme improved X': a change verb whose object is the measure
    (the verb followed by a word that is no preposition, adverb or pronoun; ontology not_objects)."""
    data = _data()
    return guarded(re.compile(rf"(?<=[\w)])\s+(?:(?:significantly|markedly|substantially|further|also)\s+)?"
                      rf"(?:{_alt(data['transitive_change_verbs'])})\s+(?:(?:the|a|an)\s+)?"
                      rf"(?!(?:{_alt(data['not_objects'])})\b)(?=[A-Za-z])", re.I))


@functools.lru_cache(maxsize=1)
def _negated_change_rx() -> re.Pattern:
    """'D did not (significantly) improve X', 'the diet does not affect X': a negated change verb in its base
    form (ontology lowering_verbs) whose object is the measure."""
    data = _data()
    return guarded(re.compile(rf"(?<=[\w)])\s+(?:did|does|do)\s+not\s+(?:(?:significantly|markedly|substantially|"
                              rf"further|also|adversely|materially|meaningfully)\s+)?(?:{_alt(data['lowering_verbs'])})\s+"
                              rf"(?:(?:the|a|an)\s+)?(?!(?:{_alt(data['not_objects'])})\b)(?=[A-Za-z])", re.I))


def _treatment_subject(ctx: Context, text: str, base: int, at: int) -> bool:
    """Whether the clause before a transitive change verb names what was given (a drug of the
    dictionaries, one of the paper's interventions, or a treatment word: 'the programme', 'the addition
    of D'), so that the verb's object is the measure; not 'and increased', 'by decreased' (adjectives)."""
    clause_start = max(text.rfind(x, 0, at) for x in (",", ";", ":", ". ")) + 1
    subject = text[clause_start:at]
    if not subject.strip() or re.search(r"\b(?:and|or|by|with|of|the|a|an|in|to|for|from|than)\s*$", subject, re.I):
        return False
    if re.search(rf"\b(?:{_alt(_data()['treatment_words'])})\b", subject, re.I):
        return True
    if any(sp.label_ == "Drug" for sp in ctx.concept_spans(base + clause_start, base + at)):
        return True
    low = subject.lower()
    return any(f.kind == "intervention" and f.surface and f.surface.lower() in low for f in ctx.facts)


@functools.lru_cache(maxsize=1)
def _effect_on_rx() -> re.Pattern:
    """'had no significant (p > 0.05) effect on X', 'exerted a beneficial effect on X': X is a measure."""
    data = _data()
    return guarded(re.compile(rf"\b(?:{_alt(data['effect_verbs'])})\s+(?:(?:a|an|no|any|little)\s+)?"
                      rf"(?:[\w-]+\s+){{0,2}}(?:\([^()]*\)\s+)?(?:effects?|impact|influence)\s+(?:on|upon)\s+"
                      r"(?:the\s+)?", re.I))


# the rules that read a measure from a finding or an aim: what other research or other measures name is none
_FINDING_RULES = ("endpoint.reported", "endpoint.change", "endpoint.aim")


@functools.lru_cache(maxsize=1)
def _prior_work_rx() -> re.Pattern:
    """A sentence about other research ('Few studies have investigated ...', 'than in previous trials', 'as
    described by others'; ontology prior_work): what its findings and aims name is not this trial's measure."""
    d = _data()["prior_work"]
    return re.compile(rf"\b(?:(?:{_alt(d['quantifiers'])})\s+(?:[\w-]+\s+){{0,2}}?(?:{_alt(d['nouns'])})|"
                      rf"{_alt(d['phrases'])})\b", re.I)


@functools.lru_cache(maxsize=1)
def _likely_rx() -> re.Pattern:
    """'more likely to report X', 'less likely to need X': X is what the groups are compared on."""
    return guarded(re.compile(rf"\b(?:more|less)\s+likely\s+to\s+(?:{_alt(_data()['likely_verbs'])})\s+"
                      r"(?:(?:a|an|the|their|any)\s+)?", re.I))


@functools.lru_cache(maxsize=1)
def _favouring_rx() -> re.Pattern:
    """'trends favouring the drug (were seen) for A and B': A and B are measures the arms were compared on;
    the favoured arm between is no measure."""
    d = _data()
    return guarded(re.compile(rf"\b(?:{_alt(d['favouring_nouns'])})\s+(?:\([^()]*\)\s+)?"
                      rf"(?:{_alt(d['favouring_verbs'])})\s+"
                      r"[^.;,()]{1,60}?\s+(?:(?:was|were)\s+(?:\w+ly\s+)?(?:seen|observed|found|noted|apparent|shown)\s+)?"
                      r"(?:for|on|in)\s+(?:the\s+|both\s+)?", re.I))


@functools.lru_cache(maxsize=1)
def _taking_rx() -> re.Pattern:
    """'Questionnaires were completed', 'samples were taken': a sentence on when measures were taken."""
    return re.compile(rf"\b(?:was|were)\s+(?:\w+ly\s+)?(?:{_alt(_data()['taking_verbs'])})\b", re.I)


@functools.lru_cache(maxsize=1)
def _point_rx() -> re.Pattern:
    """An event a measure is taken at ('discharge', 'surgery'; ontology point_events)."""
    return re.compile(rf"\b(?:{_alt(_data()['point_events'])})\b", re.I)


@functools.lru_cache(maxsize=1)
def _adverb_tail() -> re.Pattern:
    """A manner adverb closing a subject ('X dose-dependently', 'Y significantly'): not the name."""
    return re.compile(rf"\s+[\w-]*(?:{_alt(_data()['adverb_endings'])})$", re.I)


@functools.lru_cache(maxsize=1)
def _method_tail() -> re.Pattern:
    """A word for how a measure is taken closing its name ('HRV analysis', 'spinal mobility
    measurement'): the measure is the words before it (at least one word with letters)."""
    return re.compile(rf"(?<=[\w)])\s+(?:{_alt(_data()['name_method_tails'])})$", re.I)


@functools.lru_cache(maxsize=1)
def _second_aim_rx() -> re.Pattern:
    """'to detect X and measure Y', 'to assess X and determine Y': a purpose's second verb (the first
    is the active pattern's 'to <aim verb>')."""
    verbs = _alt(_data()["aim_verbs"])
    return re.compile(rf"\bto\s+(?:{verbs})\s[^.;:]{{1,80}}?\s(?:and|or)\s+(?:{verbs})\s+(?:(?:the|both|all)\s+)?"
                      r"(?=[\w-])", re.I)


@functools.lru_cache(maxsize=1)
def _aim_verb_cut() -> re.Pattern:
    """Where a purpose's first object ends before its second verb ('X and measure Y')."""
    return re.compile(rf"\s+(?:and|or)\s+(?:{_alt(_data()['aim_verbs'])})\s", re.I)


@functools.lru_cache(maxsize=1)
def _examined_for() -> re.Pattern:
    """After a passive assessment verb, the means and the purpose ('by ultrasonography to detect X'):
    the subject is who or what was examined; the measure follows the purpose's verb."""
    return re.compile(rf"\s+(?:by|using|with|through|via)\s+[^.;]{{1,80}}?\s(?:in\s+order\s+)?to\s+"
                      rf"(?:{_alt(_data()['aim_verbs'])})\b", re.I)


@functools.lru_cache(maxsize=1)
def _effect_object_rx() -> re.Pattern:
    """An aim's object that opens with an effect noun ('the (chronic) effects of D on X', 'the effect
    of D versus P'): what was given, whose measures follow 'on' (the aim_effect pattern)."""
    return re.compile(rf"(?:(?:the|its|their)\s+)?(?:(?!(?:and|or)\s)[\w-]+\s+){{0,2}}?"
                      rf"(?:{_alt(_data()['effect_nouns'])})\s+of\s",
                      re.I)


def _effect_without_measure(subject: str) -> bool:
    """'The effects of supplementation with A, B and C were investigated': the subject names what was
    given; a measure would follow 'on' ('the effects of A on B were assessed')."""
    lead = list(re.finditer(rf"\b(?:{_alt(_data()['effect_nouns'])})\s+of\s", subject, re.I))
    return bool(lead) and not re.search(r"\s(?:on|in|upon)\s", subject[lead[-1].end():], re.I)


def _reported(ctx: Context, sent: Sentence, cues: _Cues) -> list[tuple[int, int, str]]:
    """Measures a finding is reported on: 'X decreased', 'X did not differ', 'fewer X', 'regarding X'."""
    text, base = sent.text, sent.start_char
    out = []
    for rx in (cues.change_verb, cues.predicate, _copula_rx()):
        for m in rx.finditer(text):
            if rx is cues.predicate and _negated_change_rx().match(text, m.start()):
                continue  # "Adding D did not improve X": the subject gave, the object is the measure
            end = _before_group(text, _before_adverbs(text, m.start()))
            span = _walk_subject(text, _before_time(text, end), cues)
            if span is not None and _relative_object(text, span[0]):
                span = _before_relative(text, span[0], cues)  # "the reply rate for doctors who got X": the rate
            if span is not None and rx is cues.change_verb and re.search(r"\bas\s+$", text[:span[0]], re.I):
                continue  # "the effect grew as recess duration increased": what the effect varied with
            if span is not None:
                out.append((base + span[0], base + span[1], "endpoint.reported"))
    for rx, rule in ((cues.comparative, "endpoint.reported"), (cues.regarding, "endpoint.reported_regarding"),
                     (_likely_rx(), "endpoint.reported"), (_transitive_rx(), "endpoint.reported_object"),
                     (_effect_on_rx(), "endpoint.reported_object"), (_favouring_rx(), "endpoint.reported"),
                     (_negated_change_rx(), "endpoint.reported_object")):
        for m in rx.finditer(text):
            if rx is cues.comparative and m.start("cmp") > 0 and m.group("cmp")[0].isupper():
                continue  # "classes in Lower Austria", "Greater London": a capitalised comparative names a place
            if rx in (_transitive_rx(), _negated_change_rx()) and not _treatment_subject(ctx, text, base, m.start()):
                continue  # "X decreased from ...", "and increased degree of X": no treatment doing it
            if rx in (_favouring_rx(), _transitive_rx(), _negated_change_rx(), _effect_on_rx()):
                # "for A (difference = 6%) and B (difference = 7%)", "did not improve A (p = 0.3) or B (p = 0.5)":
                # each with its figures
                out.extend((base + a, base + b, rule) for a, b in _stat_separated(text, m.end(), cues))
                continue
            e = _walk_forward(text, m.end(), cues)
            if e is not None:
                out.append((base + m.end(), base + e, rule))
    return out


def _relative_object(text: str, start: int) -> bool:
    """Whether a walked-back subject is the object of a relative clause about people ('the response rate for
    nurses who received a voucher was higher'): what they received, not the measure the finding is on."""
    return bool(re.search(r"\b(?:who|whom)\s+(?:[\w-]+\s+){1,3}$", text[max(0, start - 60):start], re.I))


def _before_relative(text: str, start: int, cues: _Cues) -> tuple[int, int] | None:
    """The measure before the people a relative clause is about ('the reply rate among doctors who received a
    voucher'): the subject walked back from before 'among/for/of/in' and the people; None without one."""
    m = re.search(r"\s+(?:for|among|of|in)\s+(?:the\s+|all\s+|those\s+)?(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:who|whom)\s+"
                  r"(?:[\w-]+\s+){1,3}$", text[max(0, start - 100):start], re.I)
    if m is None:
        return None
    at = max(0, start - 100) + m.start()
    s = _walk_back(text, at, cues)
    return None if s is None else (s, at)


@functools.lru_cache(maxsize=1)
def _copula_rx() -> re.Pattern:
    """A finding stated with a copula, adverbs, an amount and a comparison ('X was markedly lower', 'Y were
    also increased', 'Z was 12% higher'; ontology copula_findings): its subject is a measure."""
    d = _data()["copula_findings"]
    amount = r"(?:(?:about|approximately|nearly|almost|over)\s+)?[−-]?\d[\d.,·]*\s*(?:%|-?fold|[A-Za-zµμ/]{1,8})?\s+"
    return re.compile(rf"\s(?:{_alt(d['copulas'])})\s+(?:(?:{_alt(d['adverbs'])})\s+){{0,3}}(?:{amount})?"
                      rf"(?:{_alt(d['comparatives'])})\b", re.I)


def _before_adverbs(text: str, end: int) -> int:
    """Where a subject ends that adverbs follow ('X significantly decreased', 'Y also rose'): before them."""
    m = re.search(r"(?:\s+(?:\w+ly|also|further|both|all|still))+$", text[:end], re.I)
    return m.start() if m and re.search(r"[\w)]", text[:m.start()][-1:]) else end


@functools.lru_cache(maxsize=1)
def _group_tail_rx() -> re.Pattern:
    """Who a measure was taken in, closing a subject ('IL-6 in the treatment group'; ontology group_tail)."""
    return re.compile(rf"(?<=[\w)])\s+(?:in|among|for|of)\s+(?:the\s+|both\s+|all\s+|each\s+)?(?:[\w-]+\s+){{0,3}}?"
                      rf"(?:{_alt(_data()['group_tail'])})$", re.I)


def _before_group(text: str, end: int) -> int:
    """Where a subject ends that the group it was taken in follows: before the group."""
    m = _group_tail_rx().search(text, max(0, end - 60), end)
    return m.start() if m else end


def _stat_separated(text: str, start: int, cues: _Cues) -> list[tuple[int, int]]:
    """A list whose items each carry their statistic in brackets ('A (difference = 6%) and B (p = 0.2)'):
    the spans of the items, the brackets between them left out."""
    out: list[tuple[int, int]] = []
    pos = start
    for _ in range(8):
        e = _walk_forward(text, pos, cues)
        if e is None:
            break
        if text[pos:e].count("(") > text[pos:e].count(")"):  # cut inside its bracket: the item ends before it
            e = pos + len(text[pos:pos + text[pos:e].rfind("(")].rstrip())
        out.append((pos, e))
        nxt = re.match(r"\s*(\([^()]*\))\s*(?:,\s*(?:and\s+|or\s+)?|\s*(?:and|or)\s+)(?:the\s+)?(?=[A-Za-z])",
                       text[e:])
        if not nxt or not _STAT.search(nxt.group(1)):
            break
        pos = e + nxt.end()
    return out


def _word_ok(tok: str, cues: _Cues) -> bool:
    if tok.startswith(("(", "[")):
        return not _STAT.search(tok[1:-1])
    if not re.search(r"[A-Za-z]", tok) or re.search(r"[=±<>%]", tok):
        return False
    return fold(tok) not in cues.stop_before


def _before_time(text: str, end: int) -> int:
    """Where a subject ends that a time phrase follows ("pain during the 2-year follow-up was
    measured"): the walk back starts before the time, which `_endpoint` then finds after the item."""
    head = text[:end].rstrip()
    prep = re.compile(r"\b(?:during|after|at|on|until|over|within|through|between)\s", re.I)
    period = _period_tail_rx().search(head, max(0, len(head) - 80))
    if period:  # "the completion rate for the 24-week open-label extension period was ...": before the period
        return period.start()
    if not re.search(r"[\w)-]$", head) or not prep.search(head[-80:]):
        return end  # cheap test first: no time preposition near
    for t in _time_rx().finditer(head, max(0, len(head) - 120)):
        # "between baseline and one year follow-up": the time, with its follow-up word
        # ("during 18 months of surveillance": the time, with what filled it)
        if (t.end() == len(head) or re.fullmatch(r"[\s-]+follow[\s-]?up|\s+of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?",
                                                 head[t.end():], re.I)) and \
                prep.match(t.group()):
            return t.start()
    # "the diameter of the CL after treatment-induced ovulation was ...": the measure is before the event
    m = re.search(r"(?<=[\w)])\s+(?:after|before|following)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}$", head)
    if m and not re.search(r"\d", m.group()):
        return m.start()
    return end


@functools.lru_cache(maxsize=1)
def _period_tail_rx() -> re.Pattern:
    """A period of the trial closing a subject ('for the 24-week extension period', 'during the run-in phase';
    ontology period_nouns)."""
    return re.compile(rf"(?<=[\w)])\s+(?:for|during|over|in|throughout)\s+(?:the\s+|each\s+|this\s+)?"
                      rf"(?:[\w-]+\s+){{0,3}}(?:{_alt(_data()['period_nouns'])})$", re.I)


def _walk_back(text: str, end: int, cues: _Cues) -> int | None:
    """Start of the noun-phrase list that ends at `end` (the subject of a predicate)."""
    toks = list(_TOKEN.finditer(text[:end]))
    start = None
    opening = _time_rx().match(text) if re.match(r"(?i)(?:after|at|on|during|by|within|over)\s", text) else None
    floor = opening.end() if opening and re.match(r"\s*,", text[opening.end():]) else 0
    for i in range(len(toks) - 1, max(-1, len(toks) - 31), -1):
        t, tok = toks[i], toks[i].group()
        if "\n" in text[t.end(): start if start is not None else end] or t.start() < floor:
            break  # a heading line is not part of the phrase, nor is an opening time ("After X, Y rose")
        within = i > 1 and fold(toks[i - 2].group()) == "in"  # "forced expiratory volume in 1 second"
        if re.fullmatch(r"\d+", tok) and start is not None and i > 0 and (
                fold(toks[i - 1].group()) == "in" or fold(toks[i - 1].group()) in _numbered_labels()):
            start = t.start()  # "volume in 1 second", "type 2 diabetes": a number inside the name
            continue
        if fold(tok) in ("all", "both", "each") and start is not None and i > 0 and fold(toks[i - 1].group()) in (
                "against", "of", "to", "for", "in"):
            start = t.start()  # "titres against all three strains": inside the name
            continue
        if i > 0 and re.fullmatch(r"[A-Za-zµμ/%]+", tok) and re.fullmatch(r"\d[\d.,·]*", toks[i - 1].group()) \
                and not within and not (i > 1 and fold(toks[i - 2].group()) in _numbered_labels()):
            break  # "120 ml": the unit of a value (not "type 2 diabetes", "stage 3 disease": a numbered kind)
        if tok in (",", "and", "or", "and/or", "of", "in") or _word_ok(tok, cues):
            start = t.start()
            continue
        if fold(tok) == "as" and start is not None and (re.search(r"\bas\s+well\s+$", text[:t.start()], re.I) or
                                                        re.match(r"as\s+well\s+as\b", text[t.start():], re.I)):
            start = t.start()  # "A as well as B": a list
            continue
        if fold(tok) == "per" and start is not None and i > 0 and _word_ok(toks[i - 1].group(), cues):
            start = t.start()  # "cost per patient", "falls per 1000 bed days": a rate, inside the name
            continue
        if fold(tok) == "to" and start is not None and i > 0 and fold(toks[i - 1].group()) in _to_heads():
            start = t.start()  # "time to first relapse", "readiness to train": inside the name
            continue
        if fold(tok) in ("treatment", "therapy") and start is not None and _treatment_inside().search(
                text, max(0, t.start() - 60), t.start()):
            start = t.start()  # "duration of antibiotic treatment", "response to therapy": inside the name
            continue
        if fold(tok) in ("no", "neither", "nor", "none", "without"):
            return None  # "no serious infections were observed": an absent event, not a measure
        break
    if start is None:
        return None
    # trim dangling coordination / prepositions at the left edge
    m = re.match(r"(?:\s*(?:,|and\b|or\b|and/or\b|of\b|in\b))+\s*", text[start:end], re.I)
    if m:
        start += m.end()
    return start if end - start > 1 else None


@functools.lru_cache(maxsize=1)
def _numbered_labels() -> frozenset[str]:
    """Words a number labels ('type 2 diabetes', 'grade 3 neutropenia'; ontology numbered_labels): the word
    after the number is a name, not a unit."""
    return frozenset(fold(w) for w in _data()["numbered_labels"])


@functools.lru_cache(maxsize=1)
def _of_drug_use() -> re.Pattern:
    """A measure word and 'of' right before a drug ('duration of', 'total dose of'; ontology shared_of_heads)."""
    return re.compile(rf"\b(?:{_alt(_data()['shared_of_heads'] + ['dose', 'doses', 'cost', 'costs'])})\s+of\s+"
                      r"(?:the\s+)?$", re.I)


@functools.lru_cache(maxsize=1)
def _treatment_inside() -> re.Pattern:
    """A measure word and 'of'/'to' right before a treatment word ('duration of (antibiotic) treatment',
    'response to', 'time to'; ontology shared_of_heads, to_heads): the treatment word is inside the name."""
    d = _data()
    return re.compile(rf"\b(?:{_alt(d['shared_of_heads'] + d['to_heads'])})\s+(?:of|to|with)\s+(?:the\s+)?"
                      r"(?:[\w-]+\s+){0,2}$", re.I)


@functools.lru_cache(maxsize=1)
def _people_with_rx() -> re.Pattern:
    """'in patients with', 'from patients with ... and': who a measure was taken in, before the subject's end."""
    people = json.loads((ONTOLOGY_DIR / "conditions.json").read_text(encoding="utf-8"))["population"]
    return re.compile(rf"\s+(?:in|from|of|among)\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){{0,2}}(?:{people})\s+with\s+"
                      r"(?:[\w-]+\s+(?:to|or)\s+)?$", re.I)


@functools.lru_cache(maxsize=1)
def _people_at_rx() -> re.Pattern:
    """'of 150 (hyperlipidemic) patients in / at / from': whose measure it is and where they were, before the
    subject's end; the walk back stopped at the people word."""
    people = json.loads((ONTOLOGY_DIR / "conditions.json").read_text(encoding="utf-8"))["population"]
    return re.compile(rf"\s+of\s+(?:the\s+|all\s+)?(?:\d[\d,]*\s+)?(?:[\w-]+\s+){{0,2}}(?:{people})\s+"
                      r"(?:in|at|from)\s+$", re.I)


def _walk_subject(text: str, end: int, cues: _Cues) -> tuple[int, int] | None:
    """`_walk_back` as a span, past who the measure was taken in: 'X in patients with Y (was evaluated)'
    names X, not the condition Y."""
    s = _walk_back(text, end, cues)
    if s is None:
        return None
    m = _people_with_rx().search(text, max(0, s - 80), s)
    if m is None:
        at = _people_at_rx().search(text, max(0, s - 80), s)
        if at is not None:  # "X of 150 patients in the Y department (were checked)": X, not the place
            s2 = _walk_back(text, at.start(), cues)
            return None if s2 is None else (s2, at.start())
        return s, end
    s = _walk_back(text, m.start(), cues)
    return None if s is None else (s, m.start())


def _in_gloss(text: str, start: int, at: int) -> bool:
    """Whether `at` lies inside a bracket opened after `start` that closes later and holds no statistic ('the
    efficacy (change in speed over 10 m) and safety of'): a gloss of the item, not where the list ends."""
    opened = text.rfind("(", start, at)
    if opened < 0 or text.find(")", opened, at) >= 0:
        return False
    close = text.find(")", at)
    return close >= 0 and "(" not in text[at:close] and not _STAT.search(text, opened, close)


def _walk_forward(text: str, start: int, cues: _Cues) -> int | None:
    """End of the noun-phrase list that starts at `start` (an object or a complement)."""
    lead = _FROM_BASELINE.match(text, start)  # "changes from baseline in A, B and C"
    m = next((x for x in cues.stop_after.finditer(text, lead.end() if lead else start)
              if not _in_gloss(text, start, x.start())), None)
    end = m.start() if m else len(text)
    # a list of measures ends before numbers (doses, values) and statistics
    # (an apposition ends it too: "X in the cortex, a region that ...")
    for cut in re.finditer(r"[.;:](?!\d)|\s\d|\(\s*(?:[pP]\s*[<=>]|n\s*=|\d[^()]*[%=±])|,\s+(?:a|an)\s",
                           text[start:end]):
        if cut.group().startswith(" ") and re.search(r"\b(?:days?|weeks?|months?|years?|visits?|cycles?)$",
                                                     text[start:start + cut.start()], re.I):
            continue  # "X on Day 4": the number of a time, which `_trim` takes off as the timepoint
        last = re.search(r"\w+$", text[start:start + cut.start()])
        if cut.group().startswith(" ") and last and fold(last.group()) in _numbered_labels():
            continue  # "X in type 2 diabetes": a number inside a name
        if cut.group().startswith(" ") and _in_gloss(text, start, start + cut.start()):
            continue  # "the efficacy (volume in 1 second) and safety of": a number inside a gloss in brackets
        end = start + cut.start()
        break
    cut = _aim_verb_cut().search(text, start, end)  # "to detect X and measure Y": X
    if cut:
        end = cut.start()
    return end if end - start > 1 else None


@functools.lru_cache(maxsize=1)
def _and_names_rx() -> re.Pattern:
    """Names of tests that hold a list word ('the sit and reach test', 'timed up and go'): one item."""
    return re.compile(rf"\b(?:{_alt(_data()['and_names'])})\b", re.I)


def _items(text: str, start: int, end: int, keep: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Split a coordinated list ('A, B (C), and D', 'A and/or B') into item spans, keeping
    bracketed text whole, a defined name in `keep` whole, and 'A and total B' (a coordinated
    modifier) as one item."""
    cuts: list[tuple[int, int]] = []
    depth = 0
    i = start
    keep = list(keep) + [m.span() for m in _and_names_rx().finditer(text, start, end)]  # "sit and reach test"
    # a list of times is one time ('at weeks 4 and 12', 'at 6, 12 and 24 months'), not items of the list
    keep += [m.span("t") for m in _time_rx().finditer(text, start, end) if re.search(r",|\s(?:and|or)\s", m.group("t"))]
    # a list of items with commas inside, set apart by semicolons ('A; severe, late B; and C'): split at those
    # (each piece split in turn: 'A, B and C; and D by E')
    semi = re.compile(r";\s*(?:and/or\s+|and\s+|or\s+)?")
    if ";" in re.sub(r"\([^()]*\)", "", text[start:end]):
        out, pos = [], start
        for m in semi.finditer(text, start, end):
            if text.count("(", start, m.start()) > text.count(")", start, m.start()):
                continue  # a semicolon inside brackets
            out += _items(text, pos, m.start(), keep)
            pos = m.end()
        return out + _items(text, pos, end, keep)
    separators = re.compile(r",\s*(?:and/or|and|or|nor)\s+|,\s*|;\s*|\s+(?:and/or|and|or|nor|as well as)\s+", re.I)
    while i < end:
        ch = text[i]
        inside = next((b for a, b in keep if a <= i < b), None)
        if inside is not None:
            i = inside
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = separators.match(text, i, end)
            if m:
                cuts.append((m.start(), m.end()))
                i = m.end()
                continue
        i += 1
    spans, pos = [], start
    for a, b in cuts:
        spans.append((pos, a))
        pos = b
    spans.append((pos, end))
    spans = [x for a, b in spans for x in _listed_in_brackets(text, a, b)]
    pieces = [text[a:b].strip() for a, b in spans]
    conjs = [text[spans[n][1]:spans[n + 1][0]].strip().lower() for n in range(len(spans) - 1)]
    joins = [_joins_next(pieces, conjs, n) for n in range(len(spans) - 1)] + [False]
    merged: list[tuple[int, int]] = []
    for n, (a, b) in enumerate(spans):
        if n > 0 and joins[n - 1]:
            merged[-1] = (merged[-1][0], b)  # "active and total MMP-9", "systolic, diastolic and mean pressure"
        else:
            merged.append((a, b))
    return [(a, b) for a, b in merged if b - a > 1]


_PREPOSITIONS = ("of", "in", "for", "to", "with", "at", "on", "by")


@functools.lru_cache(maxsize=1)
def _category_list_rx() -> re.Pattern:
    """A category noun with its members in brackets ('psychological measures (anxiety, depression and
    general health)', 'liver function tests (ALT, AST)'); the nouns are data (category_list_heads)."""
    heads = _alt(_data()["category_list_heads"])
    return re.compile(rf"[^()]*\b(?:{heads})\s*\((?P<inner>[^()]*(?:,|\sand\s)[^()]*)\)\s*", re.I)


def _listed_in_brackets(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The members of a category listed in brackets, as items of their own; else the item itself."""
    m = _category_list_rx().fullmatch(text, a, b)
    if not m:
        return [(a, b)]
    inner_s, inner_e = m.span("inner")
    return _items(text, inner_s, inner_e)


def _modifier_only(piece: str, opening: bool = False) -> bool:
    """An item that is only modifiers of a head named later ('diastolic', 'acute autonomic'); the first
    item of a list may open with a measure word and 'of' ('degree of inotropic')."""
    piece = re.sub(r"^(?:the|a|an)\s+", "", piece, flags=re.I)
    if opening:
        piece = _of_head_rx().sub("", piece)
    words = piece.split()
    if len(words) == 2:  # "acute autonomic": an adjective closes it, not an abbreviation ('IBS SSS')
        w = words[-1].lower()
        return w in _data()["shared_modifiers"] or (
            len(w) > 4 and w.endswith(tuple(_data()["modifier_suffixes"])) and w not in _data()["not_modifiers"])
    return len(words) == 1 and _modifier(words[-1])


@functools.lru_cache(maxsize=1)
def _of_head_rx() -> re.Pattern:
    """A measure word and 'of' opening a list that shares its head ('the degree of A and B support')."""
    return re.compile(rf"^(?:(?:the|a|an)\s+)?(?:{_alt(_data()['shared_of_heads'])})\s+of\s+", re.I)


def _joins_next(pieces: list[str], conjs: list[str], n: int) -> bool:
    """Whether item n and the next are one name: 'pupil- and school-level', a list of modifiers whose last
    item carries the shared head ('systolic, diastolic and mean arterial pressure', 'inotropic and
    ventilator support'), or measure words sharing an 'of' ('the duration and severity of X')."""
    piece, conj, right = pieces[n], conjs[n], pieces[n + 1].split()
    if conj in ("and", "or") and piece.endswith("-") and right:
        return True  # "pupil- and school-level covariates": one item
    if _body_part(pieces[n + 1]) and (_sited_rx().search(piece) or _body_part(piece) and any(
            _sited_rx().search(p) for p in pieces[:n])):
        return True  # "pain in the shoulders and neck": one measure at two sites, split by `_distributed`
    if conj in (",", "and", "or", ", and", ", or") and _role(piece):
        k = n + 1  # "service and patient costs", "staff, carer and patient satisfaction": a shared head
        while k < len(pieces) - 1 and _role(pieces[k]):
            k += 1
        last = pieces[k].split()
        if len(last) >= 2 and _role(last[0]) and last[1].lower() not in _PREPOSITIONS and \
                conjs[k - 1] in ("and", "or", ", and", ", or"):
            return True
    of_heads = _data()["shared_of_heads"]
    bare = re.sub(r"^(?:the|a|an)\s+", "", piece.lower())
    if conj in ("and", "or") and bare in of_heads and len(right) >= 3 and right[0].lower() in of_heads \
            and right[1].lower() == "of":
        return True  # "the duration and severity of diarrhoea"
    if not _modifier_only(piece, opening=n == 0 or not _modifier_only(pieces[n - 1], opening=n - 1 == 0)):
        return False
    k = n + 1  # the run of modifier-only items ends at the item with the head
    while k < len(pieces) - 1 and _modifier_only(pieces[k]) and conjs[k] in (",", "and", "or", ", and", ", or"):
        k += 1
    last = pieces[k].split()
    if any(c not in (",", "and", "or", ", and", ", or") for c in conjs[n:k]) or conjs[k - 1] not in (
            "and", "or", ", and", ", or") or len(last) < 2 or last[1].lower() in _PREPOSITIONS:
        return False
    return _modifier(last[0]) or (k == n + 1 and _strong_adjective(_of_head_rx().sub("", pieces[k - 1]).split()[-1]))


def _role(piece: str) -> bool:
    """A noun of who bears, gives or rates a measure ('patient', 'staff', 'service'), alone."""
    return fold(re.sub(r"^(?:the|a|an)\s+", "", piece.strip(), flags=re.I)) in _data()["role_modifiers"]


def _body_part(piece: str) -> bool:
    """A site of the body, alone ('the neck', 'knees')."""
    return fold(re.sub(r"^(?:the|both|a)\s+", "", piece.strip(), flags=re.I)) in _data()["body_parts"]


@functools.lru_cache(maxsize=1)
def _sited_rx() -> re.Pattern:
    """A measure at a site of the body, the site last ('pain in the shoulders'): group 1 the measure and
    its preposition."""
    return re.compile(rf"^(.*?\S\s+(?:in|of|at|on|over|around)\s+(?:the\s+|both\s+|his\s+|her\s+|their\s+)?)"
                      rf"(?:{_alt(_data()['body_parts'])})$", re.I)


def _strong_adjective(word: str) -> bool:
    """A word whose ending makes it an adjective ('inotropic', 'renal'), so that it modifies the next
    item's head even when that item opens with a noun ('inotropic and ventilator support')."""
    w = word.lower()
    return len(w) > 4 and w.endswith(tuple(_data()["strong_adjective_suffixes"])) and w not in _data()["not_modifiers"]


def _modifier(word: str) -> bool:
    """A word that may modify a head shared with the next item ('systolic', 'total', 'LDL'), not a
    noun that heads an item of its own ('intentions', 'depression')."""
    data = _data()
    w = word.strip("()").lower()
    if w in data["not_modifiers"]:
        return False
    if re.fullmatch(r"(?:\d+-(?:day|week|month|year|hour)|(?:day|week|month|year)-?\d+)", w):
        return True  # "day-14 and day-28 risks", "6-month and 12-month rates"
    return (w in data["shared_modifiers"] or bool(re.fullmatch(r"[A-Z][A-Z0-9-]+[α-ωa-z]?", word.strip("()")))
            or (len(w) > 4 and w.endswith(tuple(data["modifier_suffixes"]))))


def _distributed(name: str) -> list[str]:
    """'systolic and diastolic blood pressure' -> 'systolic blood pressure', 'diastolic blood
    pressure': one name per modifier of a shared head ('acute autonomic, subjective and cognitive
    effects', 'degree of inotropic and ventilator support'), or per measure word of a shared 'of'
    ('duration and severity of X'); [name] when the name is no such list."""
    m = re.fullmatch(r"([\w-]+)\s+(?:and|or)\s+([\w-]+)\s+(of\s+\S.*)", name)
    of_heads = _data()["shared_of_heads"]
    if m and m.group(1).lower() in of_heads and m.group(2).lower() in of_heads:
        return [f"{m.group(1)} {m.group(3)}", f"{m.group(2)} {m.group(3)}"]
    parts = re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", name)
    sited = _sited_rx().match(parts[0]) if len(parts) > 1 else None
    if sited and all(_body_part(p) for p in parts[1:]):  # "pain in the shoulders and neck"
        return [parts[0]] + [f"{sited.group(1)}{p}" for p in parts[1:]]
    last = parts[-1].split()
    if len(parts) > 1 and all(_role(p) for p in parts[:-1]) and len(last) >= 2 and _role(last[0]):
        head = " ".join(last[1:])  # "service and patient costs"
        return [f"{p} {head}" for p in parts[:-1]] + [parts[-1]]
    tail = re.search(r"\s*\([^()]*\)$", name)  # "A and B quality of life (QLQ-C30)": the last item's
    core, tail = (name[:tail.start()], tail.group()) if tail else (name, "")
    pre = _of_head_rx().match(core)
    for lead in ([pre.group(), ""] if pre else [""]):
        parts = re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", core[len(lead):])
        if len(parts) < 2 or "(" in core:
            continue
        pieces = parts[:-1]
        last = parts[-1].split()
        if len(last) < 2 or not all(_modifier_only(p) for p in pieces) or last[1].lower() in _PREPOSITIONS:
            continue
        if not (_modifier(last[0]) or (len(pieces) == 1 and _strong_adjective(pieces[-1].split()[-1]))):
            continue
        head = " ".join(last[1:])
        return [f"{lead}{p} {head}" for p in pieces] + [f"{lead}{parts[-1]}{tail}"]
    return [name]


@functools.lru_cache(maxsize=1)
def _period_rx() -> re.Pattern:
    """A period of the trial, named as such (ontology/endpoint_cues.json time_period_names)."""
    names = _alt(_data()["time_period_names"] + _data()["operative_times"])  # also 'the postprandial phase'
    return re.compile(rf"(?:\d+[\s-]*(?:day|week|month|year)s?\s+)?(?:(?:{names})\s+)?(?:or\s+)?(?:(?:{names})\s+)?"
                      r"(?:periods?|phases?)", re.I)  # (also 'the 78-week extension period')


@functools.lru_cache(maxsize=1)
def _back_reference_rx() -> re.Pattern:
    """'any of the', 'none of these', 'all the other' right before a name: it refers back to measures named
    elsewhere (ontology back_references)."""
    return re.compile(rf"\b(?:{_alt(_data()['back_references'])})\s+(?:of\s+)?(?:the|these|those|its|their)\s+"
                      r"(?:other\s+|remaining\s+|measured\s+|[\w-]+\s+)?$", re.I)


@functools.lru_cache(maxsize=1)
def _regimen_rx() -> re.Pattern:
    """A dose word after only schedule or level words ('intermittent dosage'; ontology regimen_heads,
    regimen_modifiers), on a folded name."""
    d = _data()
    return re.compile(rf"(?:(?:{_alt(d['regimen_modifiers'])})\s+)+(?:{_alt(d['regimen_heads'])})")


@functools.lru_cache(maxsize=1)
def _site_rx() -> re.Pattern:
    """An organ, tissue or region of the body alone, with at most position words before it ('motor cortex',
    'small intestine'; ontology sites, site_modifiers, body_parts), on a folded name."""
    d = _data()
    return re.compile(rf"(?:(?:{_alt(d['site_modifiers'])})\s+){{0,2}}(?:{_alt(d['sites'] + d['body_parts'])})")


@functools.lru_cache(maxsize=1)
def _absence_rx() -> re.Pattern:
    """Words that make a wrapped measure the absence of its object (measure_wrappers absence)."""
    words = _alt(_data()["measure_wrappers"]["absence"])
    return re.compile(rf"\b(?:{words})(?:\s+(?:a|an|the))?\s*$|(?:{words})\b", re.I)


@functools.lru_cache(maxsize=1)
def _clause_words_rx() -> re.Pattern:
    """A verb or predicate that makes a candidate name a clause (ontology/endpoint_cues.json clause_words)."""
    return re.compile(rf"\b(?:{_alt(_data()['clause_words'])})\b", re.I)


@functools.lru_cache(maxsize=1)
def _wrapper_rx() -> re.Pattern:
    """'the percentage of patients achieving', 'the proportion of participants with a', 'the effect on':
    words around a measure (ontology/endpoint_cues.json measure_wrappers)."""
    w = _data()["measure_wrappers"]
    return re.compile(rf"(?:the\s+)?(?:(?:{_alt(w['quantities'])})\s+of\s+(?:(?:the|all)\s+)?(?:[\w-]+\s+)?"
                      rf"(?:{_alt(w['people'])})\s+(?:{_alt(w['links'])})|(?:{_alt(w['effects'])}))\s+"
                      r"(?:(?:a|an|the)\s+)?(?=\w)", re.I)


# -- one endpoint -----------------------------------------------------------------------------
def _trim(text: str, s: int, e: int, cues: _Cues) -> tuple[int, int, str | None]:
    """The noun phrase of an item: no trailing timepoint or clause, no leading determiner."""
    timepoint = None
    lead = _FROM_BASELINE.match(text, s, e)  # "change from baseline (to week 24) in X": X
    if not lead and re.search(r"\bfrom\s+$", text[max(0, s - 8):s]):
        lead = _BASELINE_IN.match(text, s, e)  # the subject walked back to "baseline in X"
    if not lead:  # "mean change from baseline FEV1 at week 8": FEV1
        lead = _FROM_BASELINE_BARE.match(text, s, e)
    if lead:
        t = _time_rx().search(lead.group())
        timepoint = t.group("t") if t and t.group("t").lower() != "baseline" and not \
            _change_from_baseline(lead.group(), t) else None
        s = lead.end()
    threshold = _threshold_rx().match(text, s, e)  # "a 10 points improvement in the X score": X score
    if threshold and threshold.end() < e:
        s = threshold.end()
    wrapped = _wrapper_rx().match(text, s, e)
    keep_from = s  # where a clause cut may start: not inside a wrapper kept whole
    if wrapped and wrapped.end() < e:
        if _absence_rx().search(wrapped.group(0)) or _absence_rx().match(text, wrapped.end(), e):
            keep_from = wrapped.end()  # 'the percentage of patients with no X': the measure is the absence of X
        else:
            s = keep_from = wrapped.end()
    phrase = text[s:e]
    paren = re.search(r"\s*\(([^()]*)\)\s*$", phrase)
    if paren and _time_rx().fullmatch(paren.group(1).strip()):
        timepoint = paren.group(1).strip()
        e = s + paren.start()
        phrase = text[s:e]
    t = next((x for x in _time_rx().finditer(phrase) if not _change_from_baseline(phrase, x)
              and not _value_time(phrase, x)  # "exacerbations (lasting >3 days)": a threshold
              and not (x.start() == x.start("t") and re.match(r"\s+[A-Za-z][\w-]*\s+[A-Za-z]", phrase[x.end():])
                       and not re.match(r"\s+(?:and|or|after|post|following|of)\b", phrase[x.end():], re.I))), None)
    # (a bare time inside a name, 'the Framingham 10 year CVD risk score', is part of the name)
    if t and (t.start() > 0 and not re.match(r"\d+\s*-\s*(?:day|week|month|year)", t.group("t"), re.I)):
        timepoint = timepoint or t.group("t")
        e = s + t.start()
    m = cues.stop_after.search(text, keep_from, e)
    if m and m.start() > s:
        e = m.start()
    listed = "," in text[s:e] and len(_distributed(re.sub(r"^(?:the|a|an)\s+", "", text[s:e], flags=re.I))) > 1
    # (an item of a list set apart by semicolons keeps its commas: 'A; severe, late B; and C')
    listed = listed or bool(re.match(r"\s*;", text[e:]) or re.search(r";\s*(?:and\s+|or\s+)?$", text[max(0, s - 8):s]))
    m = re.search(r"\s+(?:using|analy[sz]ed|defined|which|that|when|where|as measured|expressed)\b" +
                  ("" if listed else "|,"), text[keep_from:e], re.I)  # not the commas of 'A, B and C effects'
    if m and keep_from + m.start() > s:
        e = keep_from + m.start()
    m = re.match(r"(?:the\s+)?(?:effects?|impact|influence|efficacy|benefits?)\s+of\s+[^()]+?\s+on\s+", text[s:e], re.I)
    if m:
        s += m.end()
    m = re.match(r"(?:the\s+)?(?:safety|tolerability|feasibility)(?=\s+(?:of|and)\b)", text[s:e], re.I)
    if m:
        e = s + m.end()
    if keep_from > s:  # a wrapper kept whole keeps its words, all but an article
        s += re.match(r"(?:(?:the|a|an)\s+)?", text[s:e], re.I).end()
    while keep_from <= s:
        lead = cues.strip_leading.match(text, s, e)
        if not lead or lead.end() == s:
            break
        s = lead.end()
    while s < e and text[s] in " ,:;-–.":
        s += 1
    stat = re.match(rf"\((?:{_alt(_data()['stat_brackets'])})\)\s*", text[s:e], re.I)  # "mean (SD) X score"
    if stat:
        s += stat.end()
    stat = re.search(rf"\s*\((?:{_alt(_data()['stat_brackets'])})\)$", text[s:e], re.I)  # "X (interquartile range)"
    if stat:
        e = s + stat.start()
    value = re.search(r"(?<=[\w)])\s+(?:(?:mean|median|adjusted)\s+)?(?:difference\s+|change\s+)?[\[(]?[−-]?\d+[.,·]\d|"
                      r"(?<=[\w)])\s+(?:mean|median|adjusted)\s+(?:difference|change)\b",
                      text[s:e], re.I)  # "X mean difference 0.42 [-0.08 to 0.93]": the finding, not the name
    if value:
        e = s + value.start()
    stat = re.search(r"\s*\(([^()]*)\)$", text[s:e])  # "X scores (P≤0.008)": a statistic, not the name
    if stat and e - s > len(stat.group()) + 2 and re.search(r"\b[pP]\s*[<=>≤≥]|[=±]|^\s*[−-]?\d", stat.group(1)):
        e = s + stat.start()
    lead = re.match(r"(?:(?:and|or|nor|but)\s+)+", text[s:e], re.I)
    if lead:
        s += lead.end()
    while e > s and text[e - 1] in " ,:;-–.":
        e -= 1
    cite = re.search(r"\s*\[[\d,–\s-]+\]$", text[s:e])  # "progression-free survival [5]"
    if cite:
        e = s + cite.start()
    adverb = _adverb_tail().search(text, s, e)  # "Aβ1-34 dose-dependently (decreased)": Aβ1-34
    if adverb:
        e = adverb.start()
    method = _method_tail().search(text, s, e)  # "heart rate variability (HRV) analysis": the measure
    kept = re.sub(r"\([^()]*\)", " ", text[s:method.start() if method else s]).split() or ["x"]
    if method and not _modifier(kept[-1]) and (len(kept) > 1 or re.fullmatch(r"[A-Z][A-Z0-9-]+", kept[0])):
        # (not a lone word: "semen analysis" is the test's name)
        # not "patient global assessment", "anthropometric measurements"
        e = method.start()
    tail = re.search(r"(?:\s+(?:and|or|and/or|of|in|the|but|while|whereas|although|than))+$", text[s:e], re.I)
    if tail:
        e = s + tail.start()
    if text[s:e].count("(") > text[s:e].count(")"):  # an unclosed bracket: drop it
        e = s + text[s:e].rfind("(")
        while e > s and text[e - 1] == " ":
            e -= 1
    return s, e, timepoint


def _endpoint(ctx: Context, s: int, e: int, kind: str | None, seen: set[str], sent: Sentence, rule: str,
              confidence: float, window: tuple[int, int, int] | None = None) -> list[Fact]:
    """One endpoint from an item span; its timepoint is in the item, else after it up to the end of
    its declaration (`window`) or sentence, else before the declaration ("At day 8, the primary ...")."""
    cues = _cues()
    text = ctx.document.text
    raw_s, raw_e = s, e
    s, e, timepoint = _trim(text, s, e, cues)
    unit = _unit_tail_rx().search(text[s:e])
    if unit and unit.start() > 0:  # "duration in hours", "fecal output in g/kg/h": the unit it is given in
        e = s + unit.start()
    e = _before_condition(ctx, s, e)
    marked = _kind_mark_rx().search(text, s, e) or _kind_mark_rx().match(text, e)
    if marked and (marked.start() == e or marked.end() == e):  # "nasal congestion (primary) and ...": its kind
        kind = kind or _kind(marked.group("kind"))
        e = min(e, marked.start())
    name = text[s:e]
    lead = re.match(r"\s*(?:the\s+)?", text[raw_s:s]).end()
    wrapped = _wrapper_rx().match(text, raw_s + lead, e)
    wrapper = [text[raw_s + lead:e]] if wrapped and wrapped.end() == s else []  # the phrase with its wrapper
    moved = _after_drug_verb(ctx, s, e)
    if moved != s:  # "whether simvastatin and/or ezetimibe influence serum irisin levels": the levels
        s, name = moved, text[moved:e]
    key = fold(re.sub(r"\s*\([^()]*\)", "", name))
    first = key.split()[0] if key else ""
    if _time_rx().fullmatch(name) or (re.match(r"\d[\d.,]*\s", name) and not re.match(
            r"\d+\s+(?:minute|hour|day|week|month|year)\s+[A-Za-z]", name)) or (
            rule != "endpoint.declared" and re.match(rf"(?:{COUNT})\s+(?:[\w-]+\s+){{0,2}}[\w-]+s\b", name, re.I)):
        return []  # "12 months", "400 mcg once daily", "four deaths (were recorded)": a time, a dose, a count
    if (len(key) < 2 or not re.search(r"[a-z]{2}|[a-z][α-λν-ω]", key)  # letters, or an analyte such as 'Aβ5-40'
            or key in cues.not_endpoints and not _changed_trait(text, key, sent.start_char, s, cues)
            or first in cues.stop_before and not _defined_event_rx().fullmatch(key)
            or key in ("the", "a", "an") or re.fullmatch(r"[a-z]{3,}(?<!i)ly", key)  # "surprisingly"
            or len(name.split()) > 14 or first in cues.assess_words
            or (_only_drugs_or_groups(ctx, s, e)
                and not _measured_substance(ctx, s, e, raw_s, raw_e, rule))):
        return []
    if (re.match(r"(?:months?|weeks?|days?|years?|hours?)\b", key)
            and re.search(r"\d\s*$", text[max(0, s - 12):s])) or any(
            fold(x) in cues.not_endpoints for x in _expanded(ctx, name)):
        return []  # "(18) months of surveillance"; "HR" where the paper writes "hazard ratio (HR)"
    words = key.split()
    if _covariate_rx().search(text, max(sent.start_char, text.rfind(";", sent.start_char, s) + 1), s):
        return []  # "adjusted for centre, parity and BMI": what an analysis adjusts for, not a measure
    if len(words) > 2 and words[1] in ("a", "an", "the") and words[0] not in ("of", "to", "in"):
        return []  # "use a different statin", "receive the vaccine": a verb and its object, not a measure
    if _given_drug(ctx, s, e):
        return []  # "rilonacept added to standard care": the treatment, not a measure
    if _period_rx().fullmatch(key):
        return []  # "the wash-out period": when a measure was taken, not a measure
    if rule != "endpoint.declared" and words[-1] in _data()["category_list_heads"] and _back_reference_rx().search(
            text, max(sent.start_char, s - 40), s):
        return []  # "no differences for any of the psychological measures": the measures named elsewhere
    if _regimen_rx().fullmatch(key):
        return []  # "higher intermittent dosage", "the standard dose": how a drug was given, not a measure
    if _site_rx().fullmatch(key):
        return []  # "the motor cortex", "the gut", "stomach": where a measure was taken, not a measure
    if rule != "endpoint.declared" and words[-1] in _data()["category_tails"]:
        return []  # "better vaccine immunogenicity", "clinical efficacy": a class of outcomes, read where declared
    if rule.startswith(_FINDING_RULES) and words[0] in _data()["other_words"] and len(words) > 1:
        return []  # "other behaviour aspects showed no difference": measures named elsewhere or not at all
    if words[0] in cues.category_heads or re.search(r"\b(?:outcomes?|end ?points?)\b", key):
        return []  # "efficacy of X" names a class of endpoints; "the primary outcome" names none
    named = words[-1] in _data()["instrument_heads"] and sum(w[:1].isupper() for w in name.split()) >= 2
    # ("semen analysis", "urine analysis": a test named by what it analyses)
    named = named or len(words) > 1 and words[-1] in ("analysis", "analyses") and " ".join(words[:-1]) in _data()[
        "analysed_specimens"]
    # ("duration of antibiotic treatment", "number of clinic visits": the measure word before 'of' heads it)
    named = named or words[-1] in _data()["of_head_tails"] and bool(
        _of_head_rx().match(key) or _of_head_rx().match(text[raw_s:e].strip()))  # (also before 'number of' went)
    if words[-1] in cues.bad_heads and not named or re.fullmatch(r"[a-z]{4,}ed", words[-1]) or re.search(
            r"\b(?:had|has|have|was|were|is|are|did|does|do|may|might|could|would|included|includes|"
            r"comprised|showed|enabled)\b", key) or _clause_words_rx().search(key) or (
            rule != "endpoint.declared" and _drug_headed(ctx, s, e)
            and not _measured_substance(ctx, s, e, raw_s, raw_e, rule)):
        return []
    if kind is None and rule != "endpoint.declared" and key in ("safety", "tolerability") and \
            not re.search(r"\b(?:evaluat|assess|investigat|compar|determin|examin)\w*", sent.text, re.I):
        return []
    if raw_s < s and _only_drugs_or_groups(ctx, s, e):  # "serum levels of X": the measure, not the drug
        m = re.search(r"\b(?:serum|plasma|blood|urinary|tissue|(?:levels?|concentrations?)\s+of)\b",
                      text[raw_s:s], re.I)
        if m:
            s = raw_s + m.start()
            name = text[s:e]
            key = fold(re.sub(r"\s*\([^()]*\)", "", name))
    before, lead, limit = window or (sent.start_char, s, sent.end_char)
    if timepoint is None:
        t = _find_time(text, e, limit) or _find_time(text, before, lead)
        if t is None and window and limit < sent.end_char:  # a declaration cut short at a ';' in brackets
            t = _find_time(text, limit, sent.end_char)
            if t and re.search(rf"\b(?:{_alt(_data()['endpoint_nouns'])})\b|[.;]\s", text[limit:t.start()], re.I) and \
                    text[limit:t.start()].count(")") <= text[limit:t.start()].count("("):
                t = None  # the time of the next declaration, or of another clause
        if t and fold(t.group("t")) == "baseline" and re.match(r"\s+(?:to|until|through)\s", text[t.end():]):
            t = _find_time(text, t.end(), sent.end_char) or t  # "from baseline to (the mean of) week 4 and 8"
        timepoint = t.group("t") if t else None
    own = re.match(r"(\d+)\s*-\s*(day|week|month|year)\b", name, re.I)
    if timepoint is None and own:  # "90-day mortality"
        timepoint = f"{own.group(1)} {own.group(2).lower()}s"
    surgical = _operative_rx().match(name)
    if timepoint is None and surgical:  # "postoperative troponin", "immediate postoperative haemoglobin"
        timepoint = surgical.group().lower()
    if timepoint:
        timepoint = _norm_time(timepoint)
    if timepoint and fold(timepoint) == "baseline":
        timepoint = None  # a measure taken at baseline alone says when nothing was compared: the abstract may say
    instrument = next((ctx.concept(x) for x in ctx.concepts_in(sent, {"Instrument"}) if s <= x.start_char < e),
                      None)
    ident = instrument.iri if instrument else _measured_concept(ctx, s, e, cues) or key
    if ident in seen or key in seen:
        earlier = seen.facts.get(ident) or seen.facts.get(key) if isinstance(seen, _Seen) else None
        if kind and earlier is not None and earlier.fields.get("kind") is None:
            earlier.fields["kind"] = kind  # reported on first ("X did not improve OS"), declared later: its kind
        return []
    seen.update((ident, key))
    # the name without a defined abbreviation ("occurrence of adverse events (AEs)"); the words as
    # written stay the surface form
    bare = re.sub(r"\s*\((?:[A-Z][A-Za-z0-9-]*s?)\)", "", name).strip() or name
    out = []
    for one in _distributed(bare):  # "systolic and diastolic blood pressure": one endpoint per modifier
        own_one = re.match(r"(\d+)\s*-\s*(day|week|month|year)\b", one, re.I)
        unit_first = re.match(r"(day|week|month|year)-?(\d+)\b", one, re.I)
        when = timepoint
        if own and own_one and timepoint == _norm_time(f"{own.group(1)} {own.group(2).lower()}s"):
            when = _norm_time(f"{own_one.group(1)} {own_one.group(2).lower()}s")  # "1-year and 2-year X"
        elif unit_first and (timepoint is None or len(_distributed(bare)) > 1):
            when = f"{unit_first.group(1).lower()} {unit_first.group(2)}"  # "day-14 and day-28 risks of X"
        fields = {"name": one, "kind": kind, "timepoint": when, "instrument": instrument,
                  "_surfaces": _variants(name if one == bare else one, cues) + _expanded(ctx, one) + wrapper}
        out.append(Fact("endpoint", fields, [ctx.evidence(s, e)], EXTRACTOR, rule, confidence, surface=name))
    if out and isinstance(seen, _Seen):
        seen.facts.setdefault(ident, out[0])
        seen.facts.setdefault(key, out[0])
    return out


def _before_condition(ctx: Context, s: int, e: int) -> int:
    """Where a name ends that the condition it was measured in closes ('progesterone receptors in breast
    carcinoma', 'microalbuminuria in non-obese type 2 diabetes'): before 'in'; the condition is the trial's."""
    text = ctx.document.text
    for sp in ctx.concept_spans(s, e):
        if sp.label_ != "Condition" or text[sp.end_char:e].strip(" )"):
            continue
        m = re.search(rf"\s+(?:in|among)\s+(?:(?:{_alt(_data()['condition_people'])})\s+with\s+)?(?:[\w-]+\s+){{0,2}}$",
                      text[s:sp.start_char])
        if m and m.start() > 0 and re.search(r"[A-Za-z]{2}", text[s:s + m.start()]):
            return s + m.start()
    return e


@functools.lru_cache(maxsize=1)
def _unit_tail_rx() -> re.Pattern:
    """The unit a measure is given in or how often it was taken, closing its name ('in hours', 'in g/kg/h',
    'every evening'; ontology unit_tail_words, frequency_tails)."""
    d = _data()
    unit = rf"{_alt(d['unit_tail_words'])}|[A-Za-zµμ%]{{1,5}}(?:/[A-Za-zµμ0-9]{{1,5}})+"
    return re.compile(rf"\s+(?:in\s+(?:{unit})|(?:{_alt(d['frequency_tails'])}))$", re.I)


@functools.lru_cache(maxsize=1)
def _kind_mark_rx() -> re.Pattern:
    """A kind in brackets right after a measure ('sleep latency (primary outcome)', 'X (secondary)')."""
    data = _data()
    nouns = _alt(data["endpoint_nouns"] + data["kind_nouns"])
    return re.compile(rf"\s*\((?:the\s+)?(?P<kind>{_alt(list(_cues().kind_of))})(?:\s+(?:efficacy\s+)?(?:{nouns}))?\)",
                      re.I)


class _Seen(set):
    """The names and concepts read so far, with the first endpoint of each: a declaration that comes after a
    finding on the same measure lends it its kind."""

    def __init__(self) -> None:
        super().__init__()
        self.facts: dict[str, Fact] = {}


def _changed_trait(text: str, key: str, start: int, at: int, cues: _Cues) -> bool:
    """A trait of the participants that is no measure alone ('weight' beside 'age' and 'sex') but is one
    where its change is named before it in the clause ('changes from baseline in HbA1c and weight';
    ontology changed_traits)."""
    if key not in _data()["changed_traits"]:
        return False
    clause = max(text.rfind(";", start, at), text.rfind(". ", start, at), start)
    return bool(cues.change_noun.search(text, clause, at))


def _measured_concept(ctx: Context, s: int, e: int, cues: _Cues) -> str | None:
    """'Treg levels' and 'Treg frequency' measure one thing: the concept, when the rest of the
    name is only a measure word."""
    spans = [sp for sp in ctx.concept_spans(s, e) if sp.label_ not in ("Drug", "Unit", "Route", "Design")]
    if not spans:
        return None
    sp = max(spans, key=lambda x: len(x.text))
    rest = ctx.document.text[s:sp.start_char] + " " + ctx.document.text[sp.end_char:e]
    rest = cues.measure_words.sub(" ", rest)
    return sp.kb_id_ if not re.search(r"[A-Za-z]{3}", rest) else None


def _variants(name: str, cues: _Cues) -> list[str]:
    """Other ways of writing the same measure: "the wound's appearance" / "appearance of the wound",
    "levels of hemoglobin" / "hemoglobin", plural / singular head."""
    out = []
    m = re.fullmatch(r"(.+?)['’]s\s+(.+)", name)
    if m:
        out.append(f"{m.group(2)} of the {m.group(1)}")
    bare = cues.measure_words.sub(" ", name).strip()
    if bare and bare != name and re.search(r"[A-Za-z]{2}", bare):
        out.append(re.sub(r"\s+", " ", bare))
    m = re.fullmatch(r"(.*\b\w{3,}?)(ies|s)\b(\s*\([^()]*\))?", name)
    if m and not re.search(r"(?:ss|us|is)$", m.group(1) + m.group(2)):
        out.append(m.group(1) + ("y" if m.group(2) == "ies" else ""))
    m = re.fullmatch(r"(.*?\b[a-z]{3,}?)(ies|s)(\s+of\s+.+)", name)  # "risks of relapse": also "risk of relapse"
    if m and not re.search(r"(?:ss|us|is)$", m.group(1) + m.group(2)):
        out.append(m.group(1) + ("y" if m.group(2) == "ies" else "") + m.group(3))
    return out


def _expanded(ctx: Context, name: str) -> list[str]:
    """The name with the paper's own abbreviations written out, or written short: 'HRQOL' is also
    'health-related quality of life' where the paper defines it so, and the other way round."""
    out = []
    for short, long in abbreviations(ctx).items():
        # ('HTLs', 'AEs': the plural of a short form is its long form too, which names the plural already)
        if may_contain(name, short) and re.search(rf"(?<![\w-]){re.escape(short)}s?(?![\w-])", name):
            out.append(re.sub(rf"(?<![\w-]){re.escape(short)}s?(?![\w-])", long.replace("\\", r"\\"), name))
        elif len(long) < len(name) + 1 and may_contain(name, long, True) \
                and re.search(rf"\b{re.escape(long)}\b", name, re.I) and long != name:
            out.append(re.sub(rf"\b{re.escape(long)}\b", short.replace("\\", r"\\"), name, flags=re.I))
        elif fold(long) == fold(name):
            out.append(short)
    return out


def abbreviations(ctx: Context) -> dict[str, str]:
    """Short → long forms the paper defines, 'long form (SHORT)' (Schwartz & Hearst 2003: the
    short form's letters in order in the words before it, the first one starting a word)."""
    doc = ctx.document
    if "abbreviations" not in doc.cache:
        found: dict[str, str] = {}
        for m in re.finditer(r"\(([A-Za-z][A-Za-z0-9-]{1,9})[);,]", doc.text):
            short = m.group(1)
            if short in found or sum(ch.isupper() for ch in short) < 2:
                continue
            long = _long_form(doc.text[max(0, m.start() - 150): m.start()], short)
            if long:
                found[short] = long
        doc.cache["abbreviations"] = found
    return doc.cache["abbreviations"]


def _long_form(before: str, short: str) -> str | None:
    letters = [ch.lower() for ch in short if ch.isalnum()]
    if not letters or not letters[0].isalpha():
        return None
    words = before.split()[-min(len(letters) + 5, 2 * len(letters)):]
    phrase = " ".join(words)
    start = spelled_from(phrase.lower(), letters)
    if start is None:
        return None
    long = phrase[start:].strip(" ,;:")
    if not re.search(r"[a-z]{3}", long) or "(" in long or ")" in long or len(long) <= len(short):
        return None
    return long


def _drug_headed(ctx: Context, s: int, e: int) -> bool:
    """'Vitamin D intake', 'a sitagliptin-based regimen': a drug or its use, not a measure."""
    use = _cues().drug_use
    text = ctx.document.text
    for sp in ctx.concept_spans(s, e):
        if sp.label_ != "Drug" or not use.fullmatch(text[sp.end_char:e]):
            continue
        if _of_drug_use().search(text, s, sp.start_char):
            continue  # "duration of antibiotic treatment", "total dose of X": a measure of the drug's use
        # a drug with nothing after it is a drug only when nothing qualifies it before either:
        # "plasma leptin", "fasting insulin" measure a substance the dictionaries also list as a drug
        if text[sp.end_char:e].strip() or not re.search(r"[A-Za-z]{3}", re.sub(
                r"\b(?:the|a|an)\b", " ", text[s:sp.start_char], flags=re.I)):
            return True
    for f in ctx.facts:
        if f.kind == "intervention" and f.surface and ctx.document.text[s:e].lower().endswith(f.surface.lower()):
            return True
    return False


def _measured_substance(ctx: Context, s: int, e: int, raw_s: int, raw_e: int, rule: str = "") -> bool:
    """A substance the drug dictionaries list that this trial did not give, written as a measure:
    'serum levels of cyclosporine', 'malondialdehyde decreased from 2.4 to 1.7 nmol/ml',
    'plasma glutathione concentrations' (DrugBank also lists metabolites and hormones)."""
    declared, assessed = rule == "endpoint.declared", rule in ("endpoint.assessed", "endpoint.change")
    text = ctx.document.text
    given = {f.fields["drug"].iri for f in ctx.facts
             if f.kind == "intervention" and getattr(f.fields.get("drug"), "iri", None)}
    drugs = [sp for sp in ctx.concept_spans(s, e) if sp.label_ == "Drug"]
    if not drugs or any(sp.kb_id_ in given for sp in drugs):
        return False
    if any(f.kind == "intervention" and f.surface and f.surface.lower() in text[s:e].lower() for f in ctx.facts):
        return False
    if declared:
        return True  # "the primary endpoint was glycated haemoglobin": declared, hence measured
    if assessed and given:
        return True  # "LDL cholesterol and glucose were measured" where the paper says what it gave
    around = text[raw_s:s] + " " + text[e:raw_e]
    if _cues().measure_words.search(around) or re.search(r"\b(?:serum|plasma|blood|urinary|tissue|changes?)\b",
                                                        around, re.I):
        return True
    return bool(re.match(rf"\s*(?:\([^()]*\)\s*)?(?:{_alt(_data()['change_verbs'])})\s+(?:significantly\s+)?"
                         r"(?:from|to|by)\s+[−-]?\d", text[e:e + 80], re.I))


def _only_drugs_or_groups(ctx: Context, s: int, e: int) -> bool:
    """An item that names a drug or arm and nothing else ('placebo', 'ABLE') is not an endpoint."""
    spans = [sp for sp in ctx.concept_spans(s, e) if sp.label_ in ("Drug", "Design", "Route", "Unit")]
    rest = ctx.document.text[s:e]
    for sp in sorted(spans, key=lambda x: -len(x.text)):
        rest = rest.replace(sp.text, " ")
    rest = re.sub(r"\([^()]*\)|\b(?:the|a|an|group|arm|alone|combined|combination|therapy|treatment)\b", " ",
                  rest, flags=re.I)
    return bool(spans) and not re.search(r"[A-Za-z]{3}", rest)


def _change_from_baseline(text: str, t: re.Match) -> bool:
    """'change from baseline' names a measure; 'from baseline to week 8' is a time span."""
    return t.group("t").lower() == "baseline" and bool(re.match(r"from\s", t.group(), re.I)) and not re.match(
        r"\s+(?:to|through|until)\b", text[t.end():], re.I)


def _value_time(text: str, t: re.Match) -> bool:
    """A number of days or weeks that is a threshold or a value, not when a measure was taken ('symptoms
    lasting >3 days', 'median 46 versus 32 hours', 'stay was 12 days')."""
    if re.match(r"\d", t.group()) and re.search(r"\d[.,·]$", text[max(0, t.start() - 2):t.start()]):
        return True  # "4.2 months": the decimals of a value
    return bool(re.match(r"\d", t.group()) and re.search(
        r"(?:[<>≤≥]\s*|\b(?:more|less|longer|shorter|greater)\s+than\s+|\bat\s+least\s+|\b(?:versus|vs\.?|was|were|"
        r"median|mean|of|lasting|lasted)\s+)$", text[max(0, t.start() - 20):t.start()], re.I))


def _find_time(text: str, start: int, end: int) -> re.Match | None:
    """The first timepoint in text[start:end] that is not an age ('aged 50-70 years', '6 years old')."""
    for t in _time_rx().finditer(text, start, end):
        if _change_from_baseline(text, t):
            continue
        if _value_time(text, t):
            continue
        if not (re.search(r"\bage[ds]?\b[^.;]{0,12}$", text[max(0, t.start() - 20): t.start()], re.I)
                or re.match(r"\s*(?:old|of age)\b", text[t.end():])):
            return t
    return None


@functools.lru_cache(maxsize=1)
def _operative_rx() -> re.Pattern:
    """A surgical time that opens a measure's name ("postoperative troponin"): the name's timepoint."""
    return re.compile(rf"(?:the\s+)?(?:{_alt(_data()['operative_times'])})(?![\w-])", re.I)


def _norm_time(t: str) -> str:
    t = re.sub(r"\s+", " ", t.strip())
    # "baseline to week 24", "baseline and at week 8": the measure is assessed at the later time
    t = re.sub(r"^baseline\s*(?:,\s*and|,|and|to|until|through)\s+(?:at\s+|the\s+)?(?=\S)", "", t, flags=re.I)
    # "before treatment and at surgery": the time before treatment is the baseline
    t = re.sub(r"^before\s+(?:the\s+)?(?:treatment|intervention|therapy|randomi[sz]ation)\s*(?:,\s*and|,|and)\s+"
               r"(?:at\s+)?(?=\S)", "", t, flags=re.I)
    t = re.sub(r"^the\s+(?=end|completion)", "", t, flags=re.I)
    t = re.sub(r"^(?:After|During|Until|At|On|By)\b", lambda m: m.group().lower(), t)  # "After X, ...": after X
    # "end of the 24-week treatment period": 24 weeks
    t = re.sub(r"^(?:end|completion) of (?:the )?(\d+)\s*-?\s*(day|week|month|year)s?\b.*", r"\1 \2s", t, flags=re.I)
    # "24-week", "30 day", "Six-month": 24 weeks, 30 days, six months
    m = re.fullmatch(r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*-?\s*"
                     r"(day|week|month|year|hour)s?", t, flags=re.I)
    if m:
        n = m.group(1).lower()
        return f"{n} {m.group(2).lower()}{'' if n in ('1', 'one') else 's'}"
    m = re.match(r"(?i)(W|wk|week|D|day|M|month|year)\s*(\d+)$", t)
    if m:
        unit = {"w": "week", "wk": "week", "d": "day", "m": "month"}.get(m.group(1).lower(), m.group(1).lower())
        return f"{unit} {m.group(2)}"
    return t


# -- instruments ------------------------------------------------------------------------------
def _instruments(ctx: Context, seen: set[str]) -> list[Fact]:
    """Scores and tests the abstract reports on, as endpoints of undeclared kind."""
    out = []
    for sent in ctx.sentences():
        part, in_abs = part_of(ctx.document, sent.start_char)
        if not in_abs or part not in ("results", "methods", "objective", "other"):
            continue
        for ent in ctx.concepts_in(sent, {"Instrument"}):
            c = ctx.concept(ent)
            if c.iri in seen or fold(c.label) in seen:
                continue
            seen.add(c.iri)
            after = sent.text[ent.end_char - sent.start_char:]
            t = _time_rx().match(after.lstrip()) or _time_rx().search(after[:40])
            fields = {"name": c.label, "kind": None, "timepoint": _norm_time(t.group("t")) if t else None,
                      "instrument": c}
            out.append(Fact("endpoint", fields, [ctx.evidence(ent.start_char, ent.end_char)], EXTRACTOR,
                            "endpoint.instrument", 0.7, surface=ent.text))
    return out


def _measure_headings(ctx: Context, seen: set[str]) -> list[Fact]:
    """A full text's methods subsection named after a measure and opening with how that measure was
    taken ("Viral load" / "Viral load was measured by PCR ..."): the heading names an endpoint."""
    data = _data()
    text = ctx.document.text
    excluded = re.compile(rf"\b(?:{_alt(data['heading_not_measures'])})\b", re.I)
    method_tail = re.compile(rf"\s+(?:{_alt(data['heading_method_tails'])})$", re.I)
    assess = re.compile(rf"\b(?:{_alt(data['assessment_verbs'])}|(?:{_alt(data['assessment_verbs'])}\w*))\b", re.I)
    out = []
    for sec in ctx.document.sections:
        if sec.kind != "body" or part_of(ctx.document, sec.start)[0] != "methods":
            continue
        line_end = text.find("\n", sec.start, sec.end)
        if line_end < 0:
            continue
        s = sec.start + len(re.match(r"[\d.\s]*", text[sec.start:line_end]).group())  # "2.4 Viral load"
        e = line_end
        while e > s and text[e - 1] in " .:":
            e -= 1
        heading = text[s:e]
        tail = method_tail.search(heading)
        if tail:
            e = s + tail.start()
            heading = text[s:e]
        words = re.findall(r"[A-Za-z][\w-]*", heading)
        if not words or len(words) > 6 or excluded.search(heading) or label_part(heading) or "," in heading:
            continue
        body = text[line_end: min(sec.end, line_end + 400)]
        head = fold(re.sub(r"\s*\([^()]*\)", "", heading)).split()[-1]
        stem = head[:-1] if head.endswith("s") and len(head) > 4 else head
        first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", body.strip(), maxsplit=2)
        if not any(stem in fold(x) and assess.search(x) for x in first[:2]):
            continue
        span = ctx.doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            line = Sentence(span, text[s:e], s, e, span.start, span.end)
            out.extend(_endpoint(ctx, s, e, None, seen, line, "endpoint.heading", 0.5))
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
                t = _time_rx().search(sent.text[ent.end_char - sent.start_char:][:60])
                if t:
                    f.fields["timepoint"] = _norm_time(t.group("t"))
                    break
            if f.fields.get("timepoint"):
                break


def _abstract_sentences(ctx: Context, abstract_only: bool) -> list[Sentence]:
    return [x for x in ctx.sentences() if (abstract_only or part_of(ctx.document, x.start_char)[1])
            and part_of(ctx.document, x.start_char)[0] not in ("title", "background", "registration", "funding")]


def _time_near(text: str, s: int, e: int) -> re.Match | None:
    """The timepoint stated with a mention text[s:e] in its sentence: the first one after it in its
    clause, else one that opens the sentence ("After the intervention, FEV1 ..."); not a dosing
    duration ("for 6 months")."""
    def usable(t: re.Match) -> bool:
        before = text[max(0, t.start() - 14):t.start()]
        return not re.search(r"\bfor\s+(?:the\s+)?(?:first\s+|next\s+|last\s+)?$", before, re.I) and \
            not _change_from_baseline(text, t) and not _value_time(text, t)
    clause_end = re.search(r"[;:]|,\s+(?:and\s+|but\s+|while\s+|whereas\s+)|\.(?!\d)", text[e:])
    limit = e + (clause_end.start() if clause_end else len(text) - e)
    after = next((t for t in _time_rx().finditer(text, e, min(limit, e + 100)) if usable(t)), None)
    if after:
        return after
    opening = _time_rx().match(text)
    return opening if opening and opening.end() <= s and usable(opening) else None


def _wordings(name: str) -> list[str]:
    """A measure's name and its other word order, as an abstract restates it: 'incidence of malaria' /
    'malaria incidence', 'sleep duration' / 'duration of sleep' (a head of the measure words or
    ontology shared_of_heads)."""
    heads = {fold(w) for w in _data()["shared_of_heads"] + _data()["measure_words"]}
    out = [name]
    m = re.fullmatch(r"(\w[\w-]*)\s+of\s+(?:the\s+)?([\w-]+(?:\s+[\w-]+)?)", name, re.I)
    if m and fold(m.group(1)) in heads:
        out.append(f"{m.group(2)} {m.group(1)}")
    m = re.fullmatch(r"([\w-]+(?:\s+[\w-]+)?)\s+(\w+)", name)
    if m and fold(m.group(2)) in heads:
        out.append(f"{m.group(2)} of {m.group(1)}")
    # 'fecal occult blood levels' is 'fecal occult blood' where the abstract says when it was measured
    bare = re.sub(r"\s+", " ", _cues().measure_words.sub(" ", name)).strip()
    if bare != name and len(bare.split()) >= 2:
        out.append(bare)
    return out


def _timepoints_from_abstract(ctx: Context, facts: list[Fact], abstract_only: bool) -> None:
    """An endpoint whose own sentence states no time takes the time stated where the abstract names the
    same measure again ("FEV1 ... at week 8"), else the one follow-up or trial period the abstract
    states ("Children were followed up until 4 y of age", "during the 24-week trial")."""
    todo = [f for f in facts if not f.fields.get("timepoint")]
    if not todo:
        return
    sentences = _abstract_sentences(ctx, abstract_only)
    lowered = [sent.text.lower() for sent in sentences]  # (each asked about by every wording of every fact)
    for f in todo:
        name = re.sub(r"\s*\([^()]*\)", "", f.fields["name"]).strip()
        if len(name) < 3:
            continue
        for wording in _wordings(name):
            low = wording.lower()
            for sent, sent_low in zip(sentences, lowered):
                if low not in sent_low:
                    continue  # cheap test first
                m = re.search(rf"(?<![\w-]){re.escape(wording)}(?![\w-])", sent.text, re.I)
                t = _time_near(sent.text, m.start(), m.end()) if m else None
                if t and fold(t.group("t")) != "baseline":  # a baseline value says when nothing was assessed
                    f.fields["timepoint"] = _norm_time(t.group("t"))
                    break
            if f.fields.get("timepoint"):
                break
    todo = [f for f in todo if not f.fields.get("timepoint")]
    if not todo:
        return
    periods = set()
    follow = re.compile(rf"\b(?:{_alt(_data()['follow_up_words'])})\b", re.I)
    for sent in sentences:
        # "Data were collected at baseline and 6 weeks after ...": when the measures were taken
        taken = (_cues().passive.search(sent.text) or _taking_rx().search(sent.text)) and \
            not re.search(r"\d\s*%|\bp\s*[<=>]", sent.text, re.I)  # not a finding's sentence
        if not taken and not follow.search(sent.text):
            continue
        for t in _time_rx().finditer(sent.text):
            # "at the one-year follow-up": a visit of the follow-up, when measures are taken
            visit = re.match(r"[\s-]*follow[\s-]?up\b", sent.text[t.end():], re.I)
            # ("The test period was 3 months", "follow-up lasted two years": the period's length)
            preps = "until|up\\s+to|for|over|during|after|lasted|(?:period|phase|up)\\s+(?:was|lasted)" + (
                "|at|and|between" if taken else "|at" if visit else "")
            if not re.search(rf"\b(?:{preps})\s+(?:the\s+|a\s+)?$", sent.text[max(0, t.start("t") - 12):t.start("t")],
                             re.I):
                continue
            if fold(t.group("t")) == "baseline":
                continue
            numbers = r"\d+|one|two|three|four|five|six|eight|ten|twelve" if taken or visit else r"\d+"  # "at one year"
            span = re.search(rf"(?:{numbers})[\s-]*(?:weeks?|days?|months?|years?)\b", t.group("t"), re.I)
            if not span and not re.search(r"\d", t.group("t")) and not (taken and _point_rx().search(t.group("t"))):
                continue  # "during the intervention" says no more than that the trial ran: no time to lend
            periods.add(_norm_time(span.group()) if span and "age" not in t.group("t") else _norm_time(t.group("t")))
    if len(periods) == 1:
        period = periods.pop()
        for f in todo:
            f.fields["timepoint"] = period


# -- what is not an endpoint after all ------------------------------------------------------------
def _content_words(name: str) -> frozenset[str]:
    """The words that say what a name measures: no bracketed text, function words, measure words
    ('levels', 'incidence') or variant qualifiers ('morning', 'overall')."""
    data = _data()
    ignore = {fold(w) for w in data["measure_words"] + data["duplicate_ignore_words"] + data["time_of_day_variants"]}
    words = re.findall(r"[\w-]+", fold(re.sub(r"\([^()]*\)", " ", name)))
    # a light stem: "hypoglycaemic events" and "hypoglycaemia" measure one thing
    return frozenset(re.sub(r"(?<=\w{4})(?:ical|ic|ias|ia|es|s)$", "", w) for w in words
                     if w not in ignore and w not in ("of", "the", "a", "an", "in", "and", "or"))


def _short_forms(name: str) -> list[str]:
    """A name written with its abbreviation defined inside it, written short: 'progesterone-receptor (PgR)'
    is 'PgR'; 'IIEF-Erectile Function (EF) scores' is 'IIEF-EF scores'."""
    out = []
    for m in re.finditer(r"\s*\(([A-Za-z][A-Za-z0-9-]{0,9})\)", name):
        long = _long_form(name[:m.start()], m.group(1))
        if long:
            at = name.rfind(long, 0, m.start())
            out.append(f"{name[:at]}{m.group(1)}{name[m.end():]}".strip())
    return out


def _arm_name(text: str, name: str) -> bool:
    """'YHD' where the paper writes 'the YHD group' or 'decoction (YHD) group': an arm, not a measure."""
    if not re.fullmatch(r"[A-Z][A-Za-z0-9-]{1,9}", name) or sum(ch.isupper() for ch in name) < 2:
        return False
    return bool(re.search(rf"(?<![\w-]){re.escape(name)}\)?\s+(?:group|arm|treatment group)s?\b", text))


def _listed_together(text: str, f: Fact, g: Fact) -> bool:
    """Two objects of one verb in one sentence ('did not improve overall survival (p = 0.3) or progression-free
    survival (p = 0.5)'): items of a list, not the same measure named twice."""
    if f.rule != g.rule or not f.evidence or not g.evidence:
        return False
    a, b = sorted((f.evidence[0].start, g.evidence[0].start))
    return b - a < 200 and not re.search(r"[.;]\s", text[a:b])


@functools.lru_cache(maxsize=1)
def _by_means_rx() -> re.Pattern:
    """What follows the subject (list) of 'X (and Y) were evaluated by / using / with ...'."""
    return re.compile(rf"(?:\s*(?:,\s*|\s+)(?:and\s+|or\s+)?[^.;:]{{1,60}}?)?\s+(?:was|were)\s+(?:\w+ly\s+)?"
                      rf"(?:{_alt(_data()['assessment_verbs'])})\s+(?:{_alt(_data()['instrument_means'])})\b", re.I)


def _assessed_by_means(text: str, f: Fact) -> bool:
    """'Oesophagitis and gastric ulcers were evaluated by endoscopy': a condition the paper says how it assessed
    is a measure of the trial, not only the condition the treatment should improve."""
    return bool(f.evidence) and bool(_by_means_rx().match(text, f.evidence[0].end))


def _pruned(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """Drop what only looks like an endpoint: a baseline characteristic ('baseline serum vitamin D
    levels'), an arm's abbreviation, the trial's condition named as what a treatment should improve,
    a result sentence's second wording of a measure already listed ('evening pre-dose FEV1' beside
    'pre-dose FEV1', 'risk of hypoglycaemia' beside the declared 'incidence of symptomatic
    hypoglycaemia'), and feasibility words
    a finding is stated in terms of ('advantages in terms of cost')."""
    text = ctx.document.text
    conditions = {fold(getattr(f.fields.get("value"), "label", f.fields.get("value")) or "")
                  for f in ctx.facts if f.kind == "trial" and f.fields.get("attribute") == "condition"}
    conditions |= {fold(text[f.evidence[0].start:f.evidence[0].end]) for f in ctx.facts
                   if f.kind == "trial" and f.fields.get("attribute") == "condition" and f.evidence}
    words = [_content_words(f.fields["name"]) for f in facts]
    keys = [fold(re.sub(r"\s*\([^()]*\)", "", f.fields["name"])).strip() for f in facts]
    short = [(m, _content_words(x)) for m, f in enumerate(facts) if f.evidence
             for x in _short_forms(text[f.evidence[0].start:f.evidence[0].end])]
    feasibility = {fold(w) for w in _data()["feasibility_words"]}
    kept = []
    for n, f in enumerate(facts):
        name = f.fields["name"]
        key = fold(re.sub(r"\s*\([^()]*\)", "", name)).strip()
        if re.match(r"baseline\s", key) or _arm_name(text, name):
            continue
        if f.rule in ("endpoint.assessed", "endpoint.aim") and key in conditions and not _assessed_by_means(text, f):
            continue  # "to improve anal incontinence": the condition, whose measures come elsewhere
        long = abbreviations(ctx).get(name.strip())
        spelled = next((g for m, g in enumerate(facts) if g is not f and long and _content_words(long)
                        and _content_words(long) <= words[m]), None)
        if f.rule != "endpoint.declared" and spelled is not None:
            if spelled.fields.get("kind") is None:
                spelled.fields["kind"] = f.fields.get("kind")  # (a kind its short form was declared with)
            continue  # "FEV1" beside "forced expiratory volume in 1 s (FEV1)": the paper's long form names it
        if f.rule == "endpoint.reported_object" and any(
                m != n and words[n] & words[m] and facts[m].evidence[:1] != f.evidence[:1]
                and not _listed_together(text, f, facts[m]) for m in range(len(facts))):
            # (not its sibling of one shared head: "reduced service and patient costs")
            continue  # "D had no effect on serum lipid levels" beside "serum lipids": the same measure again
        if f.rule.startswith(("endpoint.reported", "endpoint.change")):
            if words[n] and any(m != n and (words[n] == words[m] and m < n or words[n] < words[m] and len(
                    words[m] - words[n]) <= 4 and facts[m].rule == "endpoint.declared") for m in range(len(facts))):
                continue  # the same measure again, or a part of a declared one's name
            if words[n] and any(m != n and words[n] == w for m, w in short):
                continue  # 'PgR' after 'progesterone-receptor (PgR)': the paper's short form of a measure read
            if any(keys[m].endswith(" " + key) and len(keys[m].split()) - len(key.split()) <= 3 and not re.search(
                    r"\b(?:in|of|on|for|to|with)\b", keys[m][: -len(key)]) for m in range(n)):
                continue  # 'X' after 'cerebrospinal fluid X': the measure again, without its qualifiers
            if key in feasibility and f.rule == "endpoint.reported_regarding":
                continue  # "advantages in terms of cost and compliance": an outcome only where declared or assessed
        kept.append(f)
    return kept
