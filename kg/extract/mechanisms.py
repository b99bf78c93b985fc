"""Mechanisms: agent → relation → target, with hedging, negation, context and citation.

A mechanism statement names a drug (the agent, or "it"/"this drug" referring to the last
drug of the paragraph), a relation cue after it (a verb such as "inhibits", "expand",
"increasing the proportion of", or a noun such as "inhibition of"), and targets after the
cue: immune cells, cytokines, genes and processes from the lexicon. Each target takes the
nearest cue before it. Relation cues are data (`ontology/relations.json`). A bracketed
reference ("[38]") marks a cited finding; hedging and negation come from the NegEx
components; context (species, model, in vitro, disease) from cue words in the sentence.
Statements in other layouts (target first, arm phrases as agents, biomarkers the lexicon
lacks, aims, drug classes) are read by `mechanism_clauses`.
"""

from __future__ import annotations

import functools
import json

from kg.extract import recache as re
from kg.extract.abbreviations import document_abbreviations
from kg.extract.base import Context, Fact, GuardIndex, guarded, part_of
from kg.extract.mechanism_clauses import (
    AGENT_UNDERGOES,
    ASIDE,
    EXCEPTED,
    NOUN_PARTICIPLE,
    _arm_roles,
    _direction,
    class_agent,
    clause_mechanisms,
    data,
    default_arms,
    statement_kind,
    studied_agents,
)
from kg.extract.mechanism_clauses import _target_short_forms as target_short_forms
from kg.extract.mechanism_clauses import _targets as clause_targets
from kg.extract.mechanism_results import result_mechanisms
from kg.extract.mechanism_review import review
from kg.lexicon import ONTOLOGY_DIR, fold

EXTRACTOR = "mechanisms"
TARGET_KINDS = {"CellType", "Cytokine", "Gene", "BiologicalProcess"}
_CITATION = re.compile(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]")
_PRONOUN = re.compile(r"^\s*(?:[A-Z][^,]{0,60},\s*)?(?:it|this drug|the drug|this agent|this compound)\b", re.I)
_CONTEXTS = [
    (re.compile(r"\bin vitro\b", re.I), "in vitro"),
    (re.compile(r"\b(?:mice|murine|mouse|rats?|animal models?)\b", re.I), "animal model"),
    (re.compile(r"\b(?:patients|human|donors|PBMCs?|peripheral blood)\b", re.I), "human"),
]


@functools.lru_cache(maxsize=1)
def relation_cues() -> list[tuple[re.Pattern, str]]:
    """(regex, relation) pairs from ontology/relations.json, longest cue first."""
    data = json.loads((ONTOLOGY_DIR / "relations.json").read_text(encoding="utf-8"))
    pairs = [(cue, rel) for rel, cues in data["relations"].items() for cue in cues]
    pairs.sort(key=lambda x: len(x[0]), reverse=True)
    # a space in a cue is any run of white space: text from PDFs and HTML spaces words unevenly
    return [(guarded(re.compile(r"\b" + cue.replace(" ", r"\s+") + r"\b", re.I)), rel) for cue, rel in pairs]


@functools.lru_cache(maxsize=1)
def _relation_index() -> GuardIndex:
    """The relation cues' guard words, found in a sentence by one scan (`_cues`)."""
    return GuardIndex(rx for rx, _rel in relation_cues())


def extract(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    seen: set[tuple] = set()
    last_agent = None
    last_para = -1
    for sent in ctx.sentences():
        para = ctx.document.text.rfind("\n\n", 0, sent.start_char)
        if para != last_para:
            last_agent, last_para = None, para
        part, in_abs = part_of(ctx.document, sent.start_char)
        drugs = ctx.concepts_in(sent, {"Drug"})
        if drugs:
            last_agent = drugs[0]
        targets = ctx.concepts_in(sent, TARGET_KINDS)
        if not targets:
            continue
        if drugs:
            phrases = clause_targets(ctx, sent)
            drugs = _not_inside_targets(drugs, phrases, target_short_forms(ctx), studied_agents(ctx))
            # a cytokine inside its receptor's name ('soluble TNF receptor 1'), a cell a target was
            # measured on ('TLR4 on monocytes'): the clause reader's targets leave them out
            kept = {(m.start, m.end) for m in phrases}
            targets = [t for t in targets if (t.start_char, t.end_char) in kept]
        agents = [(d.end_char, class_agent(ctx, sent, d.text) or ctx.concept(d)) for d in drugs]
        if not agents and last_agent is not None and _PRONOUN.match(sent.text):
            agents = [(sent.start_char + _PRONOUN.match(sent.text).end(), ctx.concept(last_agent))]
        if not agents:
            continue
        cues = _cues(sent)
        citation = _CITATION.search(sent.text)
        context = _context(sent.text)
        for t in targets:
            target_c = ctx.concept(t)
            flags = {"hedged": bool(t._.hedged), "negated": bool(t._.negex),
                     "cited": bool(citation) or part == "background" and not in_abs, "context": context,
                     "citation": citation.group(0) if citation else None,
                     "statement": "prior_study" if citation else statement_kind(sent.text, part, in_abs)}
            for agent_c, relation, start, end in _active(ctx, t, agents, drugs, cues, targets) + \
                    _passive(ctx, t, drugs, cues):
                # 'X, but not Y, reduced Z': the 'not' denies Y's effect, not X's
                negated = flags["negated"] and not ASIDE.search(ctx.document.text, start, t.start_char) \
                    or _verb_negated(ctx.document.text, start, t.start_char, cues)
                key = (agent_c.iri, relation, target_c.iri, negated)
                if target_c.iri == agent_c.iri or key in seen:
                    continue
                seen.add(key)
                fields = {"agent": agent_c, "relation": relation, "target": target_c, **flags, "negated": negated}
                out.append(Fact("mechanism", fields, [ctx.evidence(start, end)], EXTRACTOR, "mechanism.cue", 0.75,
                                surface=t.text))
    defaults, others = default_arms(ctx)  # the clause and result readers' fallback agents, read once
    out += clause_mechanisms(ctx, {(f.fields["agent"].iri, _direction(f.fields["relation"]), f.fields["target"].iri)
                                   for f in out}, defaults, others)
    # biomarker values stated with no verb: the result facts say the direction
    out += result_mechanisms(ctx, out, defaults, others)
    out = review(ctx, out)
    for f in out:
        f.fields["agent_text"] = _agent_text(ctx, f)
    return out


def _not_inside_targets(drugs: list, phrases: list, short_forms=(), studied=()) -> list:
    """The drugs that are not a word of a longer biomarker name ('heparin' in 'heparin-binding
    protein', 'insulin' in 'insulin-like growth factor'): such a name is the target, not an agent;
    nor the short form the paper defines for a biomarker ('SUA' for 'serum uric acid'), unless the
    trial studies that drug."""
    own = {c.iri for c in studied}
    shorts = [t for t in phrases if t.text in short_forms]
    phrases = [t for t in phrases if t.concept is None]
    return [d for d in drugs if not any(t.start <= d.start_char and d.end_char <= t.end
                                        and t.end - t.start > d.end_char - d.start_char for t in phrases)
            and not (any((t.start, t.end) == (d.start_char, d.end_char) for t in shorts) and d.kb_id_ not in own)]


def _agent_text(ctx: Context, f: Fact) -> str | None:
    """The agent as the paper names it: the short form the paper defines for it ('FF' for
    'fluticasone furoate (FF)'), else its words in the evidence, so that either name finds it."""
    key = "mechanism_short_forms"
    if key not in ctx.document.cache:
        ctx.document.cache[key] = {fold(ab.name): short
                                   for short, ab in document_abbreviations(ctx.document).items()}
    agent = f.fields["agent"]
    ev = f.evidence[0]
    written = next((sp.text for sp in ctx.concept_spans(ev.start, ev.end) if sp.kb_id_ == agent.iri), None)
    if written is None:
        m = re.search(re.escape(agent.label).replace(r"\ ", r"\s+"), ctx.document.text[ev.start:ev.end], re.I)
        written = m.group(0) if m else None
    shorts = ctx.document.cache[key]
    return shorts.get(fold(agent.label)) or (shorts.get(fold(written)) if written else None) or written \
        or _first_written(ctx, agent)


def _first_written(ctx: Context, agent) -> str | None:
    """The words the paper first names a concept by, when its label is none of the paper's words
    ('vitamin D' for ergocalciferol): a statement whose agent is the trial's default arm ('IL-6
    fell in the high-dose group') need not name it."""
    cache = ctx.document.cache.setdefault("mechanism_first_written", {})
    if agent.iri not in cache:
        text = ctx.document.text
        own = re.search(r"(?<![\w-])" + re.escape(agent.label).replace(r"\ ", r"\s+") + r"(?![\w-])", text, re.I)
        cache[agent.iri] = None if own else next(
            (sp.text for sp in ctx.concept_spans(0, len(text)) if sp.kb_id_ == agent.iri), None)
    return cache[agent.iri]


def _active(ctx: Context, t, agents, drugs, cues, targets) -> list[tuple]:
    """"<drug> <cue> <target>": (agent, relation, evidence start, evidence end) per cue."""
    cands = [a for a in agents if not _compared(ctx.document.text, a[0], drugs)]
    base = _arm_roles(ctx)[0]  # 'X plus metformin reduced Y' in a trial of X added to metformin: X's
    if any(a[1].iri not in base for a in cands if a[0] <= t.start_char):
        cands = [a for a in cands if a[1].iri not in base]
    agent = _agent_before(cands, t.start_char)
    if agent is None:
        return []
    agent_end, agent_c = agent
    out = []
    for cue_start, relation in _cues_for(ctx.document.text, cues, agent_end, t.start_char):
        if _other_subject(ctx.document.text, targets, agent_end, cue_start):
            continue
        if _CLAUSE_BREAK.search(ctx.document.text, cue_start, t.start_char):
            continue  # "X increased A, but the B count did not ...": B is in another clause
        if AGENT_UNDERGOES.fullmatch(ctx.document.text, agent_end, cue_start):
            continue  # "X is activated and releases ...": what happens to the agent, not what it does
        s = next((d.start_char for d in drugs if d.end_char == agent_end), min(agent_end, cue_start))
        for c, start in [(agent_c, s)] + _listed_before(ctx.document.text, drugs, agents, s) \
                + _set_apart_from(ctx.document.text, drugs, agents, s):
            out.append((c, relation, min(start, cue_start), t.end_char))
    return out


def _compared(text: str, end: int, drugs) -> bool:
    """True when the drug ending at `end` follows a comparator cue ('compared with B', 'superior to
    B', 'unlike B'): the comparison's other arm, not a subject of the verb."""
    d = next((d for d in drugs if d.end_char == end), None)
    if d is None:
        return False
    lead = max(0, d.start_char - 25)
    return bool(data()["rx_comparator"].search(text, lead, d.start_char) or EXCEPTED.search(text, lead, d.start_char))


_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")


def _set_apart_from(text: str, drugs, agents, start: int) -> list[tuple]:
    """The subject before an aside that sets the drug at `start` apart ('X, but not Y, reduced
    Z': X, besides Y's denied effect). (concept, start) pairs."""
    exc = EXCEPTED.search(text, max(0, start - 20), start)
    if exc is None:
        return []
    concept = dict(agents)
    before = [d for d in drugs if d.end_char <= exc.start() and d.end_char in concept
              and re.fullmatch(r"\s*,?\s*", text[d.end_char:exc.start()])]
    return [(concept[before[-1].end_char], before[-1].start_char)] if before else []


def _listed_before(text: str, drugs, agents, start: int) -> list[tuple]:
    """The drugs listed with the subject before it ('Both A and B reduced X', 'A, B and C lowered
    X'): each is a subject of the verb, not only the one next to it. (concept, start) pairs."""
    concept = dict(agents)  # end offset -> the agent's concept
    out = []
    for d in sorted(drugs, key=lambda d: -d.start_char):
        if d.end_char <= start and d.end_char in concept and _LISTED.fullmatch(text, d.end_char, start) \
                and not _compared(text, d.end_char, drugs):
            # 'Compared with B, A lowered X', 'Unlike B, A ...': B is set apart from the subject
            out.append((concept[d.end_char], d.start_char))
            start = d.start_char
    return out


# a new clause between the cue and the target; "but not B" still lists B under the cue
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|whereas|while|although|however)\b(?!\s+not\b)", re.I)
_PASSIVE_BY = re.compile(r"\b(?:was|were|is|are|been|being)\b[^,;.]{0,60}\bby\s+(?:the\s+|low-dose\s+)?$", re.I)


def _passive(ctx: Context, t, drugs, cues) -> list[tuple]:
    """"<target> was <cue> by <drug>" ("Treg frequency was increased by IL-2")."""
    text = ctx.document.text
    for d in drugs:
        if d.start_char <= t.end_char or d.start_char - t.end_char > 80:
            continue
        if not _PASSIVE_BY.search(text[t.end_char:d.start_char]):
            continue
        inside = [c for c in cues if t.end_char <= c[0] and c[1] <= d.start_char]
        if inside:
            return [(ctx.concept(d), inside[-1][2], t.start_char, d.end_char)]
    return []


def _cues(sent) -> list[tuple[int, int, str]]:
    """Relation cues in the sentence as (start, end, relation), absolute offsets, non-overlapping."""
    found: list[tuple[int, int, str]] = []
    cues = relation_cues()
    for i, rx in _relation_index().offered(sent.text):  # the cues' words found in one scan
        rel = cues[i][1]
        for m in rx.finditer(sent.text):
            s, e = sent.start_char + m.start(), sent.start_char + m.end()
            if m.start() and sent.text[m.start() - 1] == "-" and m.group(0).lower().endswith("ed"):
                continue  # "LPS-induced neutrophilia", "mitogen-stimulated cells": an adjective, no relation
            if not any(a < e and s < b for a, b, _r in found):
                found.append((s, e, rel))
    return sorted(found)


@functools.lru_cache(maxsize=1)
def _verb_negation() -> re.Pattern:
    data = json.loads((ONTOLOGY_DIR / "mechanisms.json").read_text(encoding="utf-8"))
    cues = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(data["verb_negations"], key=len, reverse=True))
    return re.compile(rf"\b(?:{cues})\s+(?:\w+ly\s+)?$", re.I)


def _verb_negated(text: str, start: int, end: int, cues) -> bool:
    """A negated verb right before the relation cue: 'failed to reduce', 'was unable to expand'."""
    inside = [c for c in cues if start <= c[0] and c[1] <= end]
    return bool(inside) and bool(_verb_negation().search(text[start:inside[-1][0]]))


def _agent_before(agents, pos: int):
    before = [a for a in agents if a[0] <= pos]
    return max(before, key=lambda a: a[0]) if before else None


def _other_subject(text: str, targets, agent_end: int, cue_start: int) -> bool:
    """True when the cue's subject is another entity: "the ability of dendritic cells to
    activate T cells", "pDCs of healthy donors to promote ...", "Tregs, which suppress"."""
    for e in targets:
        if agent_end <= e.start_char and e.end_char <= cue_start:
            gap = text[e.end_char:cue_start]
            if re.fullmatch(r"(?:\s+[\w-]+){0,4}\s+to\s+|\s*,?\s*(?:which|that|who)\s+(?:\w+\s+)?", gap):
                return True
    return False


def _after_article_or_cue(text: str, inside) -> bool:
    before = text[:inside[-1][0]].rstrip()
    if re.search(r"\b(?:the|a|an|these|those|its|their)$", before, re.I):
        return True
    if inside[-1][2] not in ("increases", "decreases") and re.search(r"\b(?:from|of|on|by)$", before, re.I):
        return True  # 'released from activated neutrophils': a state participle after a preposition
    # right after another cue, or after a nominal cue and one word ("suppression of mitogen stimulated")
    gap = text[inside[-2][1]:inside[-1][0]].split() if len(inside) > 1 else None
    # or a verb cue and a bare noun ('reduces allergen stimulated IL-13': 'allergen-stimulated')
    return gap is not None and (not gap or len(gap) == 1 and (text[:inside[-2][1]].lower().endswith((" of", " in"))
                                                              or NOUN_PARTICIPLE.fullmatch(text, inside[-2][1],
                                                                                           inside[-1][0])))


_LIST_GAP = re.compile(r"\s*(?:[^\s,;.()]+(?:\s*,\s*and|\s*,|\s+and)\s*){0,4}")


def _cues_for(text: str, cues, start: int, end: int) -> list[tuple[int, str]]:
    """The cue nearest before the target (after the agent), with the cues coordinated with it
    ("activates and expands Tregs": both)."""
    inside = [c for c in cues if start <= c[0] and c[1] <= end]
    # a participle right before the target, after an article or another cue, is an adjective, not
    # the relation ("impaired activated pDCs", "the activated T cells"), also for the later items
    # of a list it opens ("suppression of mitogen stimulated IFN-γ, TNF-α and IL-2": none activated)
    while len(inside) and text[inside[-1][0]:inside[-1][1]].lower().endswith("ed") \
            and _LIST_GAP.fullmatch(text, inside[-1][1], end) and _after_article_or_cue(text, inside):
        inside.pop()
    if not inside:
        return []
    chosen = [inside[-1]]
    for c in reversed(inside[:-1]):
        gap = text[c[1]:chosen[-1][0]]
        if not re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", gap):
            break  # "X-induced reduction in Y": the first cue qualifies the second, it is no relation of its own
        chosen.append(c)
    return [(c[0], c[2]) for c in chosen]


def _context(text: str) -> str | None:
    found = [label for rx, label in _CONTEXTS if rx.search(text)]
    return ", ".join(found) if found else None
