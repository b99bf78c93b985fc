"""A second look at a paper's mechanism facts, with the whole sentence and paper in view.

Why: the readers of `mechanisms` and `mechanism_clauses` judge one statement at a time.
On full texts that is not enough (hand-judged sample, bench/judge_sample.py): the
introduction and discussion report other studies' findings as if they were the trial's,
the discussion restates the trial's own findings as "background", a sentence comparing the
arms at baseline or telling a target's recovery after the effect reads as an effect, a
classifier ("receptor positive", "receptor blockers") or a nutrient eaten reads as a
target, a laboratory abnormality counted in patients reads as an effect, and a paper can be
read as saying both that a drug raised and lowered the same thing. The cues are data
(ontology/mechanisms.json: other_work, baseline, baseline_change, recovery, intake_before,
intake_after, classifier_after_target, patient_count_after_target).
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from kg.extract import recache as re
from kg.extract.base import Context, Fact, Sentence, part_of
from kg.extract.mechanism_clauses import _direction, data


def review(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """The facts that state an effect, each marked with whose finding it is; a direction the
    paper contradicts in its abstract (or states fewer times) is dropped."""
    d = data()
    text = ctx.document.text
    sents = ctx.sentences()
    starts = [s.start_char for s in sents]
    out = []
    for f in facts:
        ev = f.evidence[0]
        sent = _sentence(sents, starts, ev.start)
        if sent is None:
            out.append(f)
            continue
        if d["rx_baseline"].search(sent.text) and not d["rx_baseline_change"].search(sent.text):
            continue  # the arms compared before treatment: no effect of an agent
        if d["rx_recovery"].search(sent.text):
            continue  # a target coming back after the effect ('B cells started to increase again')
        if d["rx_classifier_after"].match(text, ev.end, min(len(text), ev.end + 30)) \
                or _classifier_list(text, ev.end):
            continue  # 'receptor positive', 'receptor blockers', 'HER2, receptor and p53 status': a classifier
        if _bare_generic(f):
            continue  # 'genes were down-regulated', 'reduced protein': no entity named
        if _eaten(text, ev.start, ev.end, f.surface):
            continue  # 'greater intake of calcium and vitamin B2': diet, not a target
        if _counted(text, ev.start, ev.end, f.surface):
            continue  # 'raised ALT was seen in 3/72': a laboratory adverse event, counted in patients
        part, in_abs = part_of(ctx.document, sent.start_char)
        _whose(f, sent.text, part, in_abs)
        _improvement(f, text[ev.start:ev.end])
        out.append(f)
    return _without_vaguer(_without_contradictions(ctx, out))


def _improvement(f: Fact, quote: str) -> None:
    """'X improved HbA1c', 'LDL cholesterol was improved': to improve a marker that is better low
    (ontology/mechanisms.json lower_is_better) is to lower it, and to improve a profile or a
    make-up ('the lipid profile', improve_undirected) is to modulate it, when 'improve' is the cue
    nearest the target."""
    from kg.extract.mechanisms import relation_cues

    d = data()
    if f.fields["relation"] != "increases" or not f.surface:
        return
    undirected = bool(d["rx_improve_undirected"].search(f.surface))
    if not undirected and (not d["rx_lower_is_better"].search(f.surface) or d["rx_higher_is_better"].search(f.surface)):
        return
    at = quote.rfind(f.surface)
    if at < 0:
        return
    cues = [(m.start(), m.end(), m.group(0)) for rx, _r in relation_cues() for m in rx.finditer(quote)]
    if not cues:
        return
    nearest = min(cues, key=lambda c: at - c[1] if c[1] <= at else c[0] - (at + len(f.surface)) + 1000)
    if d["rx_improve"].fullmatch(nearest[2]):
        f.fields["relation"] = "modulates" if undirected else "decreases"


def _bare_generic(f: Fact) -> bool:
    """Whether the target, as written and as labelled, is only a generic word ('genes', 'protein')."""
    rx = data()["rx_bare_generic"]
    names = [x.strip() for x in (f.surface, getattr(f.fields["target"], "label", None)) if x]
    return bool(names) and all(rx.fullmatch(x) for x in names)


_LIST_MEMBERS = re.compile(r"(?:\s*(?:,\s*(?:and|or)?|and|or)\s+[\w+-]+){1,3}", re.I)


def _classifier_list(text: str, end: int) -> bool:
    """The target is a member of a list whose last member a classifier word follows ('according to
    HER2, hormone receptor, and p53 status'): the classifier is every member's."""
    m = _LIST_MEMBERS.match(text, end, min(len(text), end + 60))
    return m is not None and bool(data()["rx_classifier_list"].match(text, m.end(), min(len(text), m.end() + 30)))


def _counted(text: str, start: int, end: int, surface: str | None) -> bool:
    """The target (its words as written in the evidence) followed by the number of patients in whom
    its change was seen: a laboratory abnormality counted as an adverse event."""
    at = text.rfind(surface, start, end) if surface else -1
    return at >= 0 and bool(data()["rx_patient_count"].match(text, at + len(surface), min(len(text), end + 80)))


def _eaten(text: str, start: int, end: int, surface: str | None) -> bool:
    """The target (its words as written, last in the evidence) named as what people ate or took."""
    d = data()
    at = text.rfind(surface, start, end) if surface else -1
    if at < 0:
        return False
    return bool(d["rx_intake_before"].search(text, max(0, at - 120), at)
                or d["rx_intake_after"].match(text, at + len(surface)))


def _sentence(sents: list[Sentence], starts: list[int], pos: int) -> Sentence | None:
    i = bisect.bisect_right(starts, pos) - 1
    return sents[i] if i >= 0 and pos < sents[i].end_char else None


def _whose(f: Fact, sentence: str, part: str, in_abs: bool) -> None:
    """Mark a full text's statement of other work as prior_study (cited, less confidence), and
    the discussion's statement of the authors' own findings as a trial finding."""
    d = data()
    w = d["other_work"]
    if in_abs:
        return
    own = bool(d["rx_own_work"].search(sentence)) and not d["rx_third_party"].search(sentence)
    if part in w["parts"] and not own and (d["rx_citation"].search(sentence) or d["rx_other_work"].search(sentence)):
        if f.fields.get("statement") != "study_aim":
            f.fields["statement"] = "prior_study"
        f.fields["cited"] = True
        f.confidence = round(f.confidence * w["confidence"], 3)
    elif own and part in w["own_parts"] and f.fields.get("statement") in ("background", "prior_study"):
        f.fields["statement"], f.fields["cited"] = "trial_finding", False


def _without_contradictions(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """Of two opposite directions the trial's findings give for one agent and target, the one
    the abstract (or title) states, else the one stated more often; a tie keeps both."""
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        way = _direction(f.fields["relation"])
        if way != "mod" and not f.fields.get("negated") and f.fields.get("statement") == "trial_finding":
            groups[(f.fields["agent"].iri, f.fields["target"].iri)].append(f)
    dropped: set[int] = set()
    for group in groups.values():
        ways = defaultdict(list)
        for f in group:
            ways[_direction(f.fields["relation"])].append(f)
        if len(ways) < 2:
            continue
        up, down = ways["up"], ways["down"]
        abs_up, abs_down = (any(_in_abstract(ctx, f) for f in x) for x in (up, down))
        if abs_up != abs_down:
            loser = down if abs_up else up
        elif len(up) != len(down):
            loser = down if len(up) > len(down) else up
        else:
            continue
        dropped.update(id(f) for f in loser)
    return [f for f in facts if id(f) not in dropped]


def _without_vaguer(facts: list[Fact]) -> list[Fact]:
    """An agent said to 'modulate' (affect, change) a target that the paper, in the same kind
    of statement, also says it raises or lowers: the directed statement says more, the vaguer
    one is dropped. Negated ones stay ('no effect on X' is a finding of its own), and so does
    an aim ('to determine how X influences Y') beside the finding."""
    def key(f: Fact) -> tuple:
        return f.fields["agent"].iri, f.fields["target"].iri, f.fields.get("statement")

    directed = {key(f) for f in facts if _direction(f.fields["relation"]) != "mod" and not f.fields.get("negated")}
    return [f for f in facts if f.fields.get("negated") or _direction(f.fields["relation"]) != "mod"
            or key(f) not in directed]


def _in_abstract(ctx: Context, f: Fact) -> bool:
    part, in_abs = part_of(ctx.document, f.evidence[0].start)
    return in_abs or part == "title"
