"""Ask: questions in plain words, parsed into SPARQL anchored on the concepts they name.

`parse` reads a question with the grammar of tui/questions.json (lead-in words, verbs,
patterns per template) into a template and its slots X and Y. The screen resolves each
slot to concept IRIs through the graph's labels, and the query starts from them (VALUES);
without IRIs the words enter the query only as an escaped literal. Answers carry their
evidence span (?quote ?section ?doc ?start ?end): one row per fact, its first span.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.graph.vocab import KGD_NS
from tui.queries import RELATION_GROUPS, sparql_iri, sparql_literal

LEXICON_GRAPH = KGD_NS + "graph/lexicon"  # kg.graph.store's, without importing pyoxigraph here


def label_match(var: str, words: str, iris: list[str] | None = None) -> str:
    """Patterns binding ?var to the concepts named `words`: the IRIs the name resolved to
    (anchored: the engine starts from them), else a case-insensitive match on every name."""
    if iris:
        return f"VALUES ?{var} {{ {' '.join(sparql_iri(i) for i in iris)} }}  # {' '.join(words.split())}"
    return (f"?{var} skos:prefLabel|skos:altLabel|skos:hiddenLabel|kg:abbreviation ?{var}Name .\n"
            f"  FILTER(LCASE(STR(?{var}Name)) = LCASE({sparql_literal(words.strip())}))")


def _anchor(s: dict, slot: str) -> str:
    """label_match for a slot, with the IRIs resolved for it (`<slot>_iris`) when there are."""
    return label_match(slot, s[slot], s.get(f"{slot}_iris"))


def evidence(fact: str = "fact") -> str:
    """Patterns binding a fact's evidence spans: ?quote ?section ?doc ?start ?end. They join
    on the answers' facts only (a sub-select would compute them for every fact in the store)
    and must come before any OPTIONAL: after one, Oxigraph evaluated them for every span in
    the store (2.5 s instead of 4 ms on 221 papers). A fact with several spans gives a row
    per span, ordered by ?start; the screen keeps the first row of each (Template.distinct_on)."""
    return f"""  GRAPH ?g {{ ?{fact} prov:wasDerivedFrom ?ann }} ?ann kg:section ?section ; oa:hasTarget ?tgt .
  ?tgt oa:hasSource ?doc ; oa:hasSelector ?pos, ?quo .
  ?pos oa:start ?start ; oa:end ?end . ?quo oa:exact ?quote ."""


def label(node: str, out: str) -> str:
    """?out bound to a label of ?node, read from the answer's own document graph (?g, bound by
    `evidence`: a concept a paper introduces is restated, label and all, by every paper that
    names it, so an unscoped pattern repeated each answer that many times — 3.5x slower on
    1,000 papers), else from the lexicon graph, else from any graph."""
    return f"""  OPTIONAL {{ GRAPH ?g {{ ?{node} skos:prefLabel ?{out}InDoc }} }}
  OPTIONAL {{ GRAPH <{LEXICON_GRAPH}> {{ ?{node} skos:prefLabel ?{out}InLexicon }} }}
  OPTIONAL {{ ?{node} skos:prefLabel ?{out}Anywhere FILTER(!BOUND(?{out}InDoc) && !BOUND(?{out}InLexicon)) }}
  BIND(COALESCE(?{out}InDoc, ?{out}InLexicon, ?{out}Anywhere) AS ?{out})"""


_TRIAL = 'BIND(REPLACE(STR(?t), "^.*/trial/", "") AS ?trial)'
# a fact stated as absent ("no neutropenia") is never shown as if it happened
_STATUS = 'BIND(IF(COALESCE(?neg, false), "not observed", "observed") AS ?status)'
_EV_VARS = "?quote ?section ?doc ?start ?end ?fact"
# Answers come a page at a time: the inner sub-select picks one page of facts from the
# anchored patterns (ordered, LIMIT/OFFSET), and only those facts are joined to labels,
# evidence and optional fields. A page asks for one fact more than it shows, so the screen
# knows whether to offer "more…".
PAGE = 50
# No `a kg:AdverseEvent` / `a kg:MechanismFinding` next to kg:term / kg:agent, whose domain
# those classes are (ontology/kg.ttl): a type pattern is one more look-up per fact of the
# anchor, or a scan of every fact of the type when the engine starts from it.


def _page(s: dict) -> str:
    return f"LIMIT {PAGE + 1} OFFSET {max(0, int(s.get('offset', 0)))}"


# Facts restated by many papers (a trial's AEs told by every report of it, a finding repeated in
# abstract and results) are one answer: the page sub-select groups the facts by what a row shows,
# with the number of documents stating it and one of the facts (?fact: its evidence is shown).
# Grouping also costs less than sorting every fact: Oxigraph's ORDER BY compares decoded terms
# (a common drug's 704 findings: 40 ms sorted, 26 ms grouped and counted on 992 papers).
# ?fact is bound from the sample by COALESCE with a constant: Oxigraph then knows it is always
# bound and looks up the evidence of each answer's fact; bound straight from an aggregate, it
# read every evidence link in the store and joined them by hash (115 ms instead of 18).
_GROUPED = "(COUNT(DISTINCT ?d) AS ?documents) (SAMPLE(?f) AS ?sampled)"
# A span's annotation IRI is its document's IRI + "/span/<start>-<end>" (kg.graph.build._Spans),
# zero-padded here so that the least key is the earliest span.
_SPAN_KEY = ('BIND(STRBEFORE(STRAFTER(STR(?anySpan), "/span/"), "-") AS ?spanStart)\n'
             '    BIND(CONCAT(SUBSTR("0000000000", STRLEN(?spanStart) + 1), ?spanStart, " ", STR(?anySpan))'
             ' AS ?spanKey)')


def first_span(page: str, keys: str) -> str:
    """The page's answers (`page`: a grouped sub-select projecting `keys`, ?documents and
    ?sampled), each with its fact's first span only: ?fact ?quote ?section ?doc ?start ?end.
    The screen shows one span an answer, and joining every span of the page's facts (~5 an
    answer, ~12 look-ups each) cost 45 ms of a common drug's 60. The earliest span is read
    from the annotation IRIs (one look-up a fact; their key sorts as ?start does), and only
    it is joined. ?fact and ?ann are bound by COALESCE with a constant, as `_GROUPED` says
    why. An annotation IRI of another shape still gives a span, not necessarily the first."""
    return f"""  {{ SELECT {keys} ?documents ?sampledFact (MIN(?spanKey) AS ?firstSpan) WHERE {{
  {page}
    BIND(COALESCE(?sampled, <urn:kg:none>) AS ?sampledFact)
    ?sampledFact prov:wasDerivedFrom ?anySpan .
    {_SPAN_KEY}
  }} GROUP BY {keys} ?documents ?sampledFact }}
  BIND(COALESCE(?sampledFact, <urn:kg:none>) AS ?fact)
  BIND(COALESCE(IRI(STRAFTER(?firstSpan, " ")), <urn:kg:none>) AS ?ann)
{evidence()}"""


def _adverse_events(s: dict[str, str]) -> str:
    page = f"""{{ SELECT ?term ?t ?neg ?grade ?count ?serious {_GROUPED} WHERE {{
    {{ {_anchor(s, "x")}
      ?f kg:drug ?x ; kg:term ?term ; kg:ofTrial ?t ; kg:inDocument ?d . }}
    UNION {{ {{ SELECT DISTINCT ?t WHERE {{ {_anchor(s, "x")}
               ?dose kg:drug ?x ; kg:ofTrial ?t ; kg:role "study" ; a kg:DoseRegimen . }} }}
            ?f kg:ofTrial ?t ; kg:term ?term ; kg:inDocument ?d . }}
    OPTIONAL {{ ?f kg:negated ?neg }} OPTIONAL {{ ?f kg:grade ?grade }} OPTIONAL {{ ?f kg:count ?count }}
    OPTIONAL {{ ?f kg:serious ?serious }}
    }} GROUP BY ?term ?t ?neg ?grade ?count ?serious
    ORDER BY COALESCE(?neg, false) ?term ?t ?grade ?count ?serious {_page(s)} }}"""
    return f"""# Ask: adverse events of X (the facts of the trials that test X, each answer once with the
# number of documents stating it; events stated as absent are marked "not observed", listed last)
SELECT DISTINCT ?event ?status ?grade ?count ?serious ?trial ?documents {_EV_VARS} WHERE {{
{first_span(page, "?term ?t ?neg ?grade ?count ?serious")}
  {_STATUS}
{label("term", "event")}
  {_TRIAL}
}} ORDER BY DESC(?status) ?term ?t ?grade ?count ?serious ?fact ?start"""


def _drugs_that(s: dict[str, str]) -> str:
    verb = s.get("verb", "affect").lower()
    rels = ", ".join(sparql_literal(r) for r in RELATION_GROUPS[verb])
    page = f"""{{ SELECT ?a ?y ?relation ?neg ?context ?hedged {_GROUPED} WHERE {{
    {_anchor(s, "y")}
    ?f kg:target ?y ; kg:relation ?relation ; kg:agent ?a ; kg:inDocument ?d .
    FILTER(?relation IN ({rels}))
    OPTIONAL {{ ?f kg:negated ?neg }} OPTIONAL {{ ?f kg:context ?context }} OPTIONAL {{ ?f kg:hedged ?hedged }}
    }} GROUP BY ?a ?y ?relation ?neg ?context ?hedged
    ORDER BY COALESCE(?neg, false) ?a ?relation ?y ?context ?hedged {_page(s)} }}"""
    return f"""# Ask: drugs that {verb} Y (each finding once with the number of documents stating it;
# findings stated as absent are marked "not observed", listed last)
SELECT DISTINCT ?drug ?relation ?target ?status ?context ?hedged ?documents {_EV_VARS} WHERE {{
{first_span(page, "?a ?y ?relation ?neg ?context ?hedged")}
  {_STATUS}
{label("a", "drug")}
{label("y", "target")}
}} ORDER BY DESC(?status) ?a ?relation ?y ?context ?hedged ?fact ?start"""


def _trials_in(s: dict[str, str]) -> str:
    page = f"""{{ SELECT DISTINCT ?fact ?t WHERE {{
      {{ {_anchor(s, "y")}
        ?fact kg:value ?y ; a kg:TrialAttribute ; kg:ofTrial ?t . }}
      UNION {{ {_anchor(s, "y")}
        ?fact kg:drug ?y ; a kg:DoseRegimen ; kg:ofTrial ?t ; kg:role "study" . }}
    }} ORDER BY ?t ?fact {_page(s)} }}"""
    # The trial's phase, size and condition labels are read once per trial of the page, each
    # in its own DISTINCT sub-select: a trial and its conditions are restated, labels and all,
    # by every document graph that names them, so OPTIONALs joined to each answer row read
    # every copy (a common condition's label ~50 times a trial: 97 ms CPU on 1,105 papers,
    # 13 ms this way, the same rows). The page sub-select is cheap to run again (~0.5 ms).
    return f"""# Ask: trials in condition Y (or testing drug Y): one row per trial (the first fact of each shown)
SELECT DISTINCT ?trial ?phase ?enrolled ?condition {_EV_VARS} WHERE {{
  {page}
{evidence()}
  OPTIONAL {{ SELECT DISTINCT ?t ?phase WHERE {{ {page} ?t kg:phase ?phase }} }}
  OPTIONAL {{ SELECT DISTINCT ?t ?enrolled WHERE {{ {page} ?t kg:enrolled ?enrolled }} }}
  OPTIONAL {{ SELECT DISTINCT ?t ?condition WHERE {{ {page} ?t kg:condition ?c . ?c skos:prefLabel ?condition }} }}
  {_TRIAL}
}} ORDER BY ?trial ?start ?fact ?condition"""


def _doses(s: dict[str, str]) -> str:
    page = f"""{{ SELECT ?x ?t ?dose ?unit ?route ?frequency ?duration ?arm ?role {_GROUPED} WHERE {{
    {_anchor(s, "x")}
    ?f kg:drug ?x ; a kg:DoseRegimen ; kg:ofTrial ?t ; kg:inDocument ?d .
    OPTIONAL {{ ?f kg:doseValue ?dose }} OPTIONAL {{ ?f kg:doseUnitLabel ?unit }}
    OPTIONAL {{ ?f kg:route ?r . ?r skos:prefLabel ?route }} OPTIONAL {{ ?f kg:frequency ?frequency }}
    OPTIONAL {{ ?f kg:duration ?duration }} OPTIONAL {{ ?f kg:arm ?arm }} OPTIONAL {{ ?f kg:role ?role }}
    }} GROUP BY ?x ?t ?dose ?unit ?route ?frequency ?duration ?arm ?role
    ORDER BY ?t ?x ?dose ?unit ?route ?frequency ?duration ?arm ?role {_page(s)} }}"""
    return f"""# Ask: doses of X (each dose once with the number of documents stating it)
SELECT DISTINCT ?drug ?dose ?unit ?route ?frequency ?duration ?arm ?role ?trial ?documents {_EV_VARS} WHERE {{
{first_span(page, "?x ?t ?dose ?unit ?route ?frequency ?duration ?arm ?role")}
{label("x", "drug")}
  {_TRIAL}
}} ORDER BY ?t ?x ?dose ?unit ?route ?frequency ?duration ?arm ?role ?fact ?start"""


_TARGET_KINDS = ("CellType", "Cytokine", "Gene", "BiologicalProcess")


def _acts_on(s: dict[str, str]) -> str:
    # the kind by EXISTS, which stops at the first match: a target's type is restated by
    # every document graph that names it, and an OPTIONAL join repeated each answer that often
    kind = ", ".join(f'IF(EXISTS {{ ?y a kg:{k} }}, "{k}", ?none)' for k in _TARGET_KINDS)
    page = f"""{{ SELECT ?relation ?y ?neg ?context ?hedged {_GROUPED} WHERE {{
    {_anchor(s, "x")}
    ?f kg:agent ?x ; kg:relation ?relation ; kg:target ?y ; kg:inDocument ?d .
    OPTIONAL {{ ?f kg:negated ?neg }} OPTIONAL {{ ?f kg:context ?context }} OPTIONAL {{ ?f kg:hedged ?hedged }}
    }} GROUP BY ?relation ?y ?neg ?context ?hedged
    ORDER BY COALESCE(?neg, false) ?relation ?y ?context ?hedged {_page(s)} }}"""
    return f"""# Ask: what does X act on (each finding once with the number of documents stating it)
SELECT DISTINCT ?relation ?target ?status ?kind ?context ?hedged ?documents {_EV_VARS} WHERE {{
{first_span(page, "?relation ?y ?neg ?context ?hedged")}
{label("y", "target")}
  BIND(COALESCE({kind}) AS ?kind)
  {_STATUS}
}} ORDER BY DESC(?status) ?relation ?y ?context ?hedged ?fact ?start"""


def _compare(s: dict[str, str]) -> str:
    # one sub-select per aggregate, each starting from the page of trials: a trial node is
    # restated by every document graph about it, so one GROUP BY over all the OPTIONALs
    # multiplied their rows into each other (past 60 s on 1,000 papers)
    trials = f"""{{ SELECT DISTINCT ?t WHERE {{
        {_anchor(s, "x")}
        ?d0 kg:drug ?x ; kg:ofTrial ?t ; kg:role "study" ; a kg:DoseRegimen .
      }} ORDER BY ?t {_page(s)} }}"""
    return f"""# Ask: compare the trials of X (one row per trial that tests X; enter opens the trial)
SELECT ?trial ?phase ?enrolled ?conditions ?design ?doses ?adverseEvents ?t WHERE {{
  {trials}
  OPTIONAL {{ SELECT ?t (SAMPLE(?ph) AS ?phase) (SAMPLE(?n) AS ?enrolled) WHERE {{
      {trials}
      OPTIONAL {{ ?t kg:phase ?ph }} OPTIONAL {{ ?t kg:enrolled ?n }} }} GROUP BY ?t }}
  OPTIONAL {{ SELECT ?t (GROUP_CONCAT(DISTINCT ?cl; separator="; ") AS ?conditions) WHERE {{
      {trials}
      ?t kg:condition ?c . ?c skos:prefLabel ?cl }} GROUP BY ?t }}
  OPTIONAL {{ SELECT ?t (GROUP_CONCAT(DISTINCT ?dl; separator="; ") AS ?design) WHERE {{
      {trials}
      ?t kg:design ?dz . ?dz skos:prefLabel ?dl }} GROUP BY ?t }}
  OPTIONAL {{ SELECT ?t (GROUP_CONCAT(DISTINCT ?doseText; separator="; ") AS ?doses) WHERE {{
      {trials}
      {_anchor(s, "x")}
      ?d1 kg:ofTrial ?t ; kg:drug ?x ; kg:role "study" ; kg:doseValue ?dv . OPTIONAL {{ ?d1 kg:doseUnitLabel ?du }}
      BIND(CONCAT(STR(?dv), " ", COALESCE(?du, "")) AS ?doseText) }} GROUP BY ?t }}
  OPTIONAL {{ SELECT ?t (COUNT(DISTINCT ?ae) AS ?adverseEvents) WHERE {{
      {trials}
      ?ae kg:ofTrial ?t ; a kg:AdverseEvent . FILTER NOT EXISTS {{ ?ae kg:negated true }} }} GROUP BY ?t }}
  {_TRIAL}
}} ORDER BY ?trial"""


@dataclass(frozen=True)
class Template:
    """One kind of question: its example wording, the patterns that read it and its query."""

    key: str
    text: str  # the wording shown, with X / Y as slots
    build: Callable[[dict[str, str]], str] | None
    distinct_on: str | None = "fact"  # keep the first row of each value of this column (one answer per fact)
    page_on: str = "fact"  # the column a page of answers counts (PAGE values of it a page)

    @property
    def stem(self) -> str:
        """The wording up to the first slot ("adverse events of ")."""
        return re.split(r"\b[XY]\b", self.text, maxsplit=1)[0]

    @property
    def tail(self) -> str:
        """The wording after the slot (" act on")."""
        parts = re.split(r"\b[XY]\b", self.text, maxsplit=1)
        return parts[1] if len(parts) > 1 else ""


TEMPLATES: tuple[Template, ...] = (
    Template("adverse_events", "adverse events of X", _adverse_events),
    Template("drugs_that", "drugs that increase Y", _drugs_that),
    Template("trials_in", "trials in condition Y", _trials_in, distinct_on="trial"),
    Template("doses", "doses of X", _doses),
    Template("acts_on", "what does X act on", _acts_on),
    Template("compare", "compare the trials of X", _compare, distinct_on=None, page_on="t"),
    Template("compare_two", "compare trial X with trial Y", None),  # a side-by-side screen, not a query
)
GRAMMAR_FILE = Path(__file__).with_name("questions.json")


@dataclass(frozen=True)
class Grammar:
    """The plain-words grammar of tui/questions.json, compiled: lead-in words, verbs, and per
    template the patterns that read a question (tried in the file's order)."""

    lead_in: re.Pattern[str]
    verbs: dict[str, str]
    rules: tuple[tuple[Template, re.Pattern[str]], ...]


@functools.lru_cache(maxsize=1)
def grammar() -> Grammar:
    data = json.loads(GRAMMAR_FILE.read_text(encoding="utf-8"))
    verbs = {k.casefold(): v for k, v in data["verbs"].items()}
    verb_rx = "|".join(re.escape(v).replace("\\ ", r"\s+") for v in sorted(verbs, key=len, reverse=True))
    slots = {"{x}": r"(?P<x>.+?)", "{y}": r"(?P<y>.+?)", "{verb}": rf"(?P<verb>{verb_rx})"}
    by_key = {t.key: t for t in TEMPLATES}
    rules = []
    for key, patterns in data["intents"].items():
        for pat in patterns:
            for slot, rx in slots.items():
                pat = pat.replace(slot, rx)
            rules.append((by_key[key], re.compile(rf"^{pat}$", re.IGNORECASE)))
    leads = "|".join(re.escape(w) for w in sorted(data["lead_ins"], key=len, reverse=True))
    return Grammar(re.compile(rf"^(?:(?:{leads})\b[\s,:]*)+", re.IGNORECASE), verbs, tuple(rules))


@dataclass(frozen=True)
class Question:
    """A parsed question: its template and slot values (user words, not yet escaped)."""

    template: Template
    slots: dict[str, str]

    def sparql(self) -> str:
        if self.template.build is None:
            raise ValueError(f"'{self.template.text}' is answered by a screen, not a query")
        return self.template.build(self.slots)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip("?.! ")


def _clean_slot(value: str) -> str:
    """A slot's words without quotes, a leading article or a trailing 'in the graph'."""
    value = value.strip().strip("\"'“”‘’").strip()
    value = re.sub(r"^(?:the|a|an)\s+", "", value, flags=re.I)
    return re.sub(r"\s+(?:in (?:the|this) (?:graph|store|database|papers?|corpus)|please)$", "", value, flags=re.I)


def parse(text: str) -> Question | None:
    """The template a question matches, with its slots; None when none does."""
    g = grammar()
    q = normalise(text)
    candidates = [q]
    stripped = g.lead_in.sub("", q)
    if stripped and stripped != q:
        candidates.append(stripped)
    for cand in candidates:
        for template, rx in g.rules:
            m = rx.match(cand)
            if not m:
                continue
            slots = {k: _clean_slot(v) for k, v in m.groupdict().items() if v}
            if "verb" in slots:
                slots["verb"] = g.verbs[re.sub(r"\s+", " ", slots["verb"].casefold())]
            if all(slots.get(k) for k in ("x", "y") if k in m.groupdict()):
                return Question(template, slots)
    return None


def complete(text: str, labels: list[str], limit: int = 12) -> list[str]:
    """Whole questions completing `text`: template stems first, then slot values from `labels`."""
    typed = text.lstrip()
    low = typed.casefold()
    out = [t.stem for t in TEMPLATES if t.stem.casefold().startswith(low) and t.stem.casefold() != low]
    for t in TEMPLATES:
        stem = t.stem.casefold()
        m = re.match(r"^((?:drugs that )(\w+) )", low) if t.key == "drugs_that" else None
        if m and m.group(2) in RELATION_GROUPS:
            stem = m.group(1)
        if low.startswith(stem):
            part = low[len(stem):]
            out.extend(typed[:len(stem)] + lab + t.tail for lab in labels
                       if lab.casefold().startswith(part) and (lab + t.tail).casefold() != part)
            break
    return list(dict.fromkeys(out))[:limit]
