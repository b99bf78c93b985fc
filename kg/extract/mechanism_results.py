"""Mechanisms read from the trial's own result facts: a biomarker's values stated with no verb.

Why: abstracts often state a drug's effect on a biomarker only through numbers ("Ki-67 was
24% before and 10% after X", "mean changes from baseline in HbA1c were +0.02% for placebo
and -0.48% for X (P = 0.001)", "A and B did not differ between the X-treated and
placebo-treated groups"). `results.py` reads each as a result; no relation verb is there for
`mechanisms` or `mechanism_clauses` to read. GOLD.md: a biomarker change caused by the drug is
both a result and a mechanism. Three layouts, each read from a result's own fields:

- before / after values of one arm (`result.before_after`): the direction of the numbers;
- a signed change from baseline with a significant p-value: the direction of the sign;
- no difference between the study arm and a control arm the sentence names: a negated
  'modulates' (the gold's convention for "comparable with placebo");
- a significant difference between the groups, its way not said ('differed significantly between
  groups'), in a trial of one study agent against a control arm: 'modulates';
- a significant difference estimate between the arms ('the mean difference in IL-6 between the X
  and placebo groups was -1.2 (p = 0.01)', 'the treatment effect for CRP was -0.3'): the direction
  of its sign when the sentence names the study arm first or calls it the treatment's, else
  'modulates'.

The target is a biomarker of the clause reader's vocabulary named in the result's sentence
before its values (clinical outcomes are excluded there); the agent is the study intervention
(`_default_agents`), narrowed to the arm the result or sentence names, none for a control arm
or where several active arms leave no single study intervention. Cues are data
(ontology/mechanisms.json: result_change_measure, result_no_difference).
"""

from __future__ import annotations

import bisect
import functools
import json

from kg.extract import recache as re
from kg.extract.base import Context, Fact, Sentence, part_of
from kg.extract.mechanism_clauses import (
    EXTRACTOR,
    PAIR,
    Mention,
    _arm_defaults,
    _arm_heading,
    _arm_roles,
    _direction,
    _group_scope,
    _predictor,
    _target_concept,
    _targets,
    active_arms,
    comparator_arm,
    data,
    named_arm,
    named_in,
    statement_kind,
)
from kg.lexicon import ONTOLOGY_DIR, Concept, fold

_SIGNED = re.compile(r"^\s*[+−–-]\s*\d")
_SIGNIFICANT = 0.05
# what may stand between a biomarker and its values: a few words of one clause ('... by Ki-67 was'),
# the verb alone after a comma ('... receptor (PgR 636), was'), or its unit and a colon before the
# arms' values ('IL-6 (pg/ml): X 2.1 vs placebo 3.5')
_VALUE_LEAD = re.compile(r"[^,;:]{0,60}|\s*,\s*(?:was|were|is|are)\s+|\s*(?:\([^()]{1,20}\))?\s*:\s*[^,;:]{0,40}")
_FROM_TO = {"result.before_after", "result.change", "result.was_then"}  # value after, comparator before
# the arm written right after a value ('-0.48% (P = 0.01) for placebo') or right before it ('placebo: -0.48%')
_ARM_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:for|in|with|on)\s+(?:the\s+)?(\S+)")
_ARM_BEFORE = re.compile(r"(\S+)\s*[:=,]?\s*(?:of\s+|was\s+|were\s+)?$")


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    """The result cues of ontology/mechanisms.json, compiled."""
    d = json.loads((ONTOLOGY_DIR / "mechanisms.json").read_text(encoding="utf-8"))
    keys = ("result_change_measure", "result_difference", "result_difference_signed", "result_no_difference",
            "result_not_significant", "result_higher",
            "result_lower", "result_against_control", "result_against_baseline", "result_magnitude_lead",
            "value_group_after", "result_clause_break", "result_undirected")
    return {k: re.compile(d[k], re.I) for k in keys}


def result_mechanisms(ctx: Context, facts: list[Fact], defaults: list[Concept], others: list[str]) -> list[Fact]:
    """Mechanism facts of the result facts read before, where no mechanism fact of the same
    sentence already names the target (one statement, one reading); `defaults` and `others` as
    `clause_mechanisms` has them (`default_arms`)."""
    results = [f for f in ctx.facts if f.kind == "result" and f.evidence]
    if not results:
        return []
    arms = active_arms(ctx)  # with several active arms, a result names its own ('in the X group')
    if not defaults and len(arms) < 2:
        return []
    sents = ctx.sentences()
    starts = [s.start_char for s in sents]
    seen = {(f.fields["agent"].iri, _direction(f.fields["relation"]), f.fields["target"].iri) for f in facts}
    covered = {(_sentence_index(starts, sents, f.evidence[0].start), f.fields["target"].iri)
               for f in facts if f.evidence}
    out: list[Fact] = []
    for r in results:
        i = _sentence_index(starts, sents, r.evidence[0].start)
        if i is None:
            continue
        sent = sents[i]
        reading = _reading(ctx, r, sent, defaults)
        if reading is None:
            continue
        relation, negated, between = reading
        part, in_abs = part_of(ctx.document, sent.start_char)
        if statement_kind(sent.text, part, in_abs) != "trial_finding":
            continue
        target = _target(ctx, sent, r)
        if target is None:
            continue
        if _predictor(ctx.document.text, target):
            continue  # 'X expression was not associated with differences in response': a predictor, no effect
        if _other_target_between(ctx, sent, r, target):
            continue  # 'reduced levels of A and increased levels of B': the value's word is A's, not B's
        target_c = target.concept or _target_concept(ctx, target)
        if (i, target_c.iri) in covered:
            continue
        if _paired(ctx, sent):
            continue  # 'in Group A (from 1 to 5) and in Group B (...)': the clause reader gives each group its change
        for agent_c in named_in(sent.text, _agents(ctx, r, sent, defaults, others, between, tuple(arms))) \
                if defaults else _arm_agents(ctx, r, sent, arms, between):
            key = (agent_c.iri, _direction(relation), target_c.iri)
            if key in seen or agent_c.iri == target_c.iri or _own_amount(agent_c, target.text):
                continue
            seen.add(key)
            covered.add((i, target_c.iri))
            fields = {"agent": agent_c, "relation": relation, "target": target_c,
                      "hedged": bool(data()["rx_hedge"].search(sent.text)), "negated": negated, "cited": False,
                      "statement": "trial_finding", "context": None, "citation": None}
            end = max(r.evidence[0].end, target.end)
            out.append(Fact("mechanism", fields, [ctx.evidence(target.start, end)], EXTRACTOR,
                            "mechanism.result", 0.55, surface=target.text))
    return out


def _sentence_index(starts: list[int], sents: list[Sentence], pos: int) -> int | None:
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < sents[i].end_char else None


def _reading(ctx: Context, r: Fact, sent: Sentence, defaults: list[Concept]) -> tuple[str, bool, bool] | None:
    """(relation, negated, whether the result sets the study arm against the control arm) the
    result states, or None when it states no direction of its own."""
    f = r.fields
    cues = _cues()
    if cues["result_no_difference"].search(f.get("value") or ""):
        return "modulates", True, False
    if cues["result_not_significant"].search(sent.text) or _p_above(f):
        return None
    value, before = f.get("numeric_value"), f.get("numeric_comparator_value")
    if r.rule in _FROM_TO and value is not None and before is not None and value != before:
        return _way(value - before), False, False
    change = _study_change(ctx, r, sent)
    if change and _significant(f) and (cues["result_change_measure"].search(f.get("measure") or "")
                                       or cues["result_change_measure"].search(ctx.document.text, sent.start_char,
                                                                                _value_at(ctx, r, sent))):
        return _way(change), False, False
    difference = _difference(ctx, r, sent, defaults)
    if difference is not None:
        return difference
    arms = _study_and_control(ctx, r, sent)
    if arms and _significant(f) and arms[0] != arms[1]:
        return _way(arms[0] - arms[1]), False, True
    if cues["result_undirected"].search(f.get("value") or "") and _significant(f) \
            and f.get("comparison") == "between_group":
        return "modulates", False, True  # 'the change in X differed significantly between groups': no way said
    for key, relation in (("result_higher", "increases"), ("result_lower", "decreases")):
        if cues[key].search(f.get("value") or "") and (cues["result_against_control"].search(sent.text)
                                                        or _against_baseline(f, sent)):
            return relation, False, False
    return None


def _difference(ctx: Context, r: Fact, sent: Sentence, defaults: list[Concept]) -> tuple[str, bool, bool] | None:
    """A significant difference between the study arm and the control arm stated as an estimate
    ('the mean difference in IL-6 between the X and placebo groups was -1.2 pg/ml (p = 0.01)',
    'a significant difference between the groups in HbA1c (mean difference = 0.6%, p = 0.02)'), in
    a trial of one study agent against a control: its sign is the direction when the sentence
    names the study agent before the control arm (X minus control), else 'modulates'."""
    f = r.fields
    value = f.get("numeric_value")
    if not value or f.get("numeric_comparator_value") is not None or f.get("comparison") == "within_group" \
            or not _significant(f) and not _ci_excludes_zero(f):
        return None  # one estimate, not two arms' values ('19 versus 31 months')
    text = ctx.document.text
    lead = text[sent.start_char:_value_at(ctx, r, sent)]
    cues = _cues()
    if not (cues["result_difference"].search(f.get("measure") or "") or cues["result_difference"].search(lead)) \
            or cues["result_no_difference"].search(f.get("value") or ""):
        return None
    if len(defaults) != 1 or len(active_arms(ctx)) > 1 or _arm_roles(ctx)[1] \
            or not data()["rx_control_arm"].search(text):
        return None
    at = _named_at(defaults[0], lead)
    control = data()["rx_control_arm"].search(fold(lead), at) if at is not None else None
    signed = cues["result_difference_signed"]
    if _SIGNED.match(f.get("value") or "") and (control is not None or signed.search(f.get("measure") or "")
                                                  or signed.search(lead)):
        return _way(value), False, True  # the study arm's value less the control arm's
    return "modulates", False, True


def _ci_excludes_zero(f: dict) -> bool:
    low, high = f.get("ci_low"), f.get("ci_high")
    return low is not None and high is not None and low * high > 0


def _value_at(ctx: Context, r: Fact, sent: Sentence) -> int:
    """Where the result's value is written in its sentence ('IL-6 changed by -2.1 pg/ml': the words
    up to it say whether it is a change), else where its evidence starts."""
    value = r.fields.get("value") or ""
    at = ctx.document.text.find(value, r.evidence[0].start, sent.end_char) if value else -1
    return at if at >= 0 else r.evidence[0].start


def _against_baseline(f: dict, sent: Sentence) -> bool:
    """A significant direction word set against the arm's own baseline, no control arm named
    ('In the X group, A was significantly lower than at baseline')."""
    cues = _cues()
    return bool(cues["result_against_baseline"].search(sent.text)) \
        and not cues["result_against_control"].search(sent.text) \
        and ("significant" in (f.get("value") or "").lower() or _significant(f))


def _way(difference: float) -> str:
    return "increases" if difference > 0 else "decreases"


def _study_and_control(ctx: Context, r: Fact, sent: Sentence) -> tuple[float, float] | None:
    """(study arm's value, control arm's value) of a result comparing the arms' values ('IL-6 was
    3.2 in the X group versus 5.1 in the placebo group'): exactly one of the two written beside a
    control arm. Signed values are changes, read by _study_change."""
    f = r.fields
    value, other = f.get("numeric_value"), f.get("numeric_comparator_value")
    if value is None or other is None or f.get("comparison") == "within_group" \
            or _SIGNED.match(f.get("value") or "") or _SIGNED.match(f.get("comparator_value") or ""):
        return None
    if _magnitudes(ctx.document.text, sent, f.get("value") or ""):
        return None  # 'reduced by 25% in the X group versus 3%': sizes of a change, whose order says no direction
    own, theirs = (_beside_control(ctx.document.text, sent, f.get(k) or "") for k in ("value", "comparator_value"))
    if own == theirs:
        return None
    return (other, value) if own else (value, other)


def _magnitudes(text: str, sent: Sentence, value: str) -> bool:
    """Whether the words right before the value make it the size of a change ('fell by 25%')."""
    at = text.find(value, sent.start_char, sent.end_char)
    return at >= 0 and bool(_cues()["result_magnitude_lead"].search(text, max(sent.start_char, at - 10), at))


def _study_change(ctx: Context, r: Fact, sent: Sentence) -> float | None:
    """The study arm's signed change: the value of a result that names its group, or of two
    values set against each other the one that is not written beside a control arm ('+0.02% for
    placebo compared with -0.48%'). Changes listed for several arms 'respectively', with no
    group, belong to no arm that is known here."""
    f = r.fields
    value, other = f.get("numeric_value"), f.get("numeric_comparator_value")
    if not _SIGNED.match(f.get("value") or "") or not value:
        return None
    if f.get("group") or "respectively" not in sent.text and _result_arm(ctx, r, sent):
        if other is not None and (value - other) * value < 0:
            return None  # '-0.3 in the X group and -1.8 in the placebo group': X fell, yet less than placebo
        return value  # the result's group, or the one group its clause states it in ('In the X group, ...')
    if other is None or not _SIGNED.match(f.get("comparator_value") or ""):
        return None
    own, theirs = (_beside_control(ctx.document.text, sent, f.get(k) or "") for k in ("value", "comparator_value"))
    if own == theirs:
        return None  # neither, or both, written beside a control arm: whose value is which is not said
    return other if own else value


def _beside_control(text: str, sent: Sentence, value: str) -> bool:
    """True when a control arm is named in the few words right after the value ('+0.02% for
    placebo', '-0.1 in the control group') or right before it ('placebo: +0.02%')."""
    at = text.find(value, sent.start_char, sent.end_char)
    if at < 0:
        return False
    rx = data()["rx_control_arm"]
    after = _ARM_AFTER.match(text, at + len(value), sent.end_char)
    before = _ARM_BEFORE.search(text, sent.start_char, at)
    return bool(after and rx.match(after.group(1)) or before and rx.match(before.group(1)))


def _p_above(f: dict) -> bool:
    p = f.get("p_value")
    return p is not None and (p > _SIGNIFICANT or f.get("p_relation") == ">")


def _significant(f: dict) -> bool:
    p = f.get("p_value")
    rel = f.get("p_relation")
    return p is not None and (p < _SIGNIFICANT and rel in ("=", "<", "≤", "<=") or p == _SIGNIFICANT and rel == "<")


def _target(ctx: Context, sent: Sentence, r: Fact) -> Mention | None:
    """The biomarker the result measures: a target of the sentence before the result's values
    that shares a word with the result's measure, else the only target before them."""
    ev = r.evidence[0]
    if data()["rx_outcome"].search(r.fields.get("measure") or ""):
        return None  # 'systolic blood pressure': a clinical outcome, a result only
    before = [t for t in _targets(ctx, sent) if t.end <= ev.end and t.start < max(ev.start, t.start + 1)]
    if not before:
        return None
    measure = _name_words(r.fields.get("measure") or "")
    named = _unlocated([t for t in before if measure & _name_words(t.text)], ctx.document.text)
    if len(named) == 1:
        return named[0]
    if named:
        return None  # several biomarkers named by the measure: which one is not said
    last = before[-1]  # 'the share of nuclei stained by Ki-67 was 24% before ...': right before the values
    gap = ctx.document.text[last.end:ev.start]
    return last if len(before) == 1 and _VALUE_LEAD.fullmatch(gap) else None


def _name_words(phrase: str) -> set[str]:
    """The words of a measure or target that name what was measured: not the specimen, modifier or
    head words biomarkers share ('serum', 'total', 'levels'), so that 'serum resistin' is not
    named by 'serum leptin' in 'no difference in serum leptin, resistin or ghrelin'."""
    d = data()
    return {w for w in re.findall(r"\w{2,}", fold(phrase)) if w not in d["modifier_set"]
            and not d["rx_specimen_word"].fullmatch(w) and not d["rx_name_head"].fullmatch(w)}


def _unlocated(named: list[Mention], text: str) -> list[Mention]:
    """The targets a measure names, less those written as where an earlier one was measured
    ('FOXP3 expression in CD4 cells': FOXP3, not the CD4 cells it was measured in)."""
    rx = data()["rx_location"]
    return [t for i, t in enumerate(named) if not (i and rx.match(text[named[i - 1].end:t.start]))]


def _agents(ctx: Context, r: Fact, sent: Sentence, defaults: list[Concept], others: list[str],
            between: bool = False, arms: tuple[Concept, ...] = ()) -> list[Concept]:
    """The study intervention, narrowed to the arm the result or its sentence names (not for a
    result that sets the study arm against the control arm: the sentence names both). A
    no-difference result needs the sentence to name the study arm and a control arm."""
    arm = None if between else _result_arm(ctx, r, sent)
    agents = _arm_defaults(defaults, arm, others) or comparator_arm(defaults, list(arms), arm)
    if r.fields.get("comparison") == "within_group" and not r.fields.get("group"):
        return []
    cues = _cues()
    value = r.fields.get("value") or ""
    if cues["result_no_difference"].search(value):
        if not data()["rx_control_arm"].search(sent.text):
            return agents if _between_drug_and_control(ctx, r, arm, defaults, arms) else []
        return [c for c in agents if _named_at(c, sent.text) is not None]
    directed = cues["result_higher"].search(value) or cues["result_lower"].search(value)
    if directed and _against_baseline(r.fields, sent):
        # the arm's own change: the arm the result or sentence names, else the agent the sentence names
        return agents if arm else [c for c in agents if _named_at(c, sent.text) is not None]
    if directed:
        control = cues["result_against_control"].search(fold(sent.text))  # the study arm first, then the control
        return [c for c in agents if control and _before(_named_at(c, sent.text), control.start())]
    if cues["result_undirected"].search(value):
        return agents if _between_drug_and_control(ctx, r, arm, defaults, arms) else []
    return agents


def _other_target_between(ctx: Context, sent: Sentence, r: Fact, target: Mention) -> bool:
    """Whether the result's value is written before its target with another target between them,
    the target having a relation word of its own after that one ('significantly reduced levels of
    A (...) and increased levels of B'): the value is A's ('no difference in A or B' is both's)."""
    from kg.extract.mechanisms import relation_cues

    value = r.fields.get("value") or ""
    text = ctx.document.text
    at = text.find(value, r.evidence[0].start, target.start) if value else -1
    if at < 0:
        return False
    between = [t for t in _targets(ctx, sent) if at + len(value) <= t.start and t.end <= target.start]
    return bool(between) and any(rx.search(text, between[-1].end, target.start) for rx, _r in relation_cues())


def _between_drug_and_control(ctx: Context, r: Fact, arm: str | None, defaults: list[Concept],
                              arms: tuple[Concept, ...]) -> bool:
    """Whether a no-difference result between the groups, naming none ('no significant
    between-group differences in changes of IL-6'), compares the one study drug with a control:
    a trial of a single study agent whose paper names a placebo or control arm and no active
    comparator."""
    return r.fields.get("comparison") == "between_group" and not arm and len(defaults) == 1 and len(arms) < 2 \
        and not _arm_roles(ctx)[1] and bool(data()["rx_control_arm"].search(ctx.document.text))


def _paired(ctx: Context, sent: Sentence) -> bool:
    """Whether the sentence states its change in two groups ('in Group A (...) and in Group B')."""
    arm = _group_scope(ctx, sent.text, None)[0]
    return bool(arm) and PAIR in arm


def _arm_agents(ctx: Context, r: Fact, sent: Sentence, arms: list[Concept], between: bool) -> list[Concept]:
    """In a trial of several study arms, the agent of the one arm the result or its sentence names
    ('In the X group, IL-6 fell from 5.1 to 3.2', a paragraph under 'In X group:'); none for a
    comparison of the arms, a control arm or no arm named."""
    if between or _cues()["result_no_difference"].search(r.fields.get("value") or ""):
        return []
    return named_arm(arms, _result_arm(ctx, r, sent))


def _result_arm(ctx: Context, r: Fact, sent: Sentence) -> str | None:
    """The arm a result is stated in: its group, the group written right after its value
    ('-1.8 pg/mL in the X group and 0.2 pg/mL in the placebo group'), a group named in its own
    clause (not one another clause of the sentence names: '..., while no change was seen in the
    placebo group'), else the heading of its section."""
    text = ctx.document.text
    cues = _cues()
    value = r.fields.get("value") or ""
    at = text.find(value, r.evidence[0].start, sent.end_char) if value else -1
    after = cues["value_group_after"].match(text, at + len(value), sent.end_char) if at >= 0 else None
    return r.fields.get("group") or (after.group("arm") if after else None) \
        or _group_scope(ctx, _result_clause(ctx, r, sent), None)[0] or _arm_heading(ctx, sent.start_char)


def _result_clause(ctx: Context, r: Fact, sent: Sentence) -> str:
    """The clause of its sentence a result is stated in: from the last clause break before its
    evidence to the first after it ('; ', ', while', ', whereas', ', but')."""
    text = ctx.document.text
    ev = r.evidence[0]
    rx = _cues()["result_clause_break"]
    start = sent.start_char
    for m in rx.finditer(text, sent.start_char, ev.start):
        start = m.end()
    end = rx.search(text, ev.end, sent.end_char)
    return text[start:end.start() if end else sent.end_char]


def _before(at: int | None, pos: int) -> bool:
    return at is not None and at < pos


def _named_at(agent: Concept, sentence: str) -> int | None:
    """Where the sentence names the agent (its label's words, folded), else None."""
    m = re.search(r"(?<![\w-])" + re.escape(fold(agent.label)) + r"(?![\w])", fold(sentence))
    return m.start() if m else None


def _own_amount(agent: Concept, target: str) -> bool:
    """'serum vitamin D' after vitamin D: the agent's own level, not its effect on a target."""
    return bool(set(re.findall(r"\w{3,}", fold(agent.label))) & set(re.findall(r"\w{3,}", fold(target))))
