"""Study designs a paper names or describes for its own trial (the kg:StudyDesign concepts of
ontology/lexicon.ttl; cues, contexts and entailments in ontology/design_cues.json)."""

from __future__ import annotations

import functools
import json

from kg.extract import recache as re
from kg.extract.base import Context, Fact, Guarded, guarded, part_of
from kg.extract.folded import folding
from kg.extract.trial_common import (
    OTHER_STUDY,
    about_this_trial,
    fact,
    own_statement,
    sentences_by_preference,
)
from kg.lexicon import ONTOLOGY_DIR


def designs(ctx: Context) -> list[Fact]:
    """Study-design concepts where the paper describes its own trial (title, abstract, methods)."""
    out: list[Fact] = []
    seen: set[str] = set()
    for sent in sentences_by_preference(ctx):
        ents = ctx.concepts_in(sent, {"StudyDesign"})
        if not ents:
            continue  # the tests below only for sentences that name a design
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part in ("background", "discussion") and not about_this_trial(sent):
            continue  # designs of the trials a paper cites or wants
        if OTHER_STUDY.search(sent.text):
            continue  # a cited design belongs to another study
        for ent in ents:
            c = ctx.concept(ent)
            if part not in ("title", "methods", "results") and _other_studies_after().match(ctx.document.text,
                                                                                             ent.end_char):
                continue  # "observational studies", "randomised trials": other studies' design (the
                # methods' "each subject undertook four randomised trials" are this trial's sessions)
            if not _design_in_context(c.label, sent, ent, part, ctx.document.text):
                continue
            if part in ("background", "discussion") and _another_studys_design(ctx.document.text, sent, ent):
                continue  # "In a pilot study, X showed promise; this trial ...": another study's design
            if c.iri not in seen:
                seen.add(c.iri)
                out.append(fact(ctx, "design", c, ent.start_char, ent.end_char, "trial.design"))
    out += _described_designs(ctx, seen)
    out += _placebo_arm(ctx, seen)
    out += _implied_designs(ctx, out)
    labels = {f.fields["value"].label for f in out}
    subsumed = _design_file()["subsumed"]
    return [f for f in out if not labels & set(subsumed.get(f.fields["value"].label, ()))]


def _implied_designs(ctx: Context, found: list[Fact]) -> list[Fact]:
    """Designs that a found one entails ('cluster randomised' is randomised; ontology/design_cues.json
    implies), on the same evidence, where the paper does not state them itself."""
    labels = {f.fields["value"].label for f in found}
    out: list[Fact] = []
    for f in found:
        for label in _design_file()["implies"].get(f.fields["value"].label, ()):
            concept = ctx.lexicon.by_label(label, "StudyDesign")
            if concept is not None and label not in labels:
                labels.add(label)
                ev = f.evidence[0]
                out.append(fact(ctx, "design", concept, ev.start, ev.end, "trial.design.implied", 0.8))
    return out


@functools.lru_cache(maxsize=1)
def _design_file() -> dict:
    return json.loads((ONTOLOGY_DIR / "design_cues.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _design_contexts() -> tuple[dict[str, re.Pattern], frozenset[str], re.Pattern]:
    """ontology/design_cues.json's needs_after and this_paper_only, compiled."""
    f = _design_file()
    after = {label: re.compile(rx, re.IGNORECASE) for label, rx in f["needs_after"].items()}
    own = f["this_paper_only"]
    return after, frozenset(own["labels"]), re.compile(own["own"], re.IGNORECASE)


# "in a pilot study", "from two earlier crossover trials": a design of some other study, even in a
# sentence that goes on to speak of this one
_ANOTHER_STUDY_BEFORE = re.compile(r"\b(?:in|from|by|of)\s+(?:a|an|one|two|three|several|earlier|previous|prior)\s+"
                                   r"(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def _another_studys_design(text: str, sent, ent) -> bool:
    """"In a pilot study, X showed promise": a design after 'in a/from two/by earlier', unless its own
    clause goes on about this study ("In a randomised crossover study we gave ...")."""
    if not _ANOTHER_STUDY_BEFORE.search(text[max(sent.start_char, ent.start_char - 60): ent.start_char]):
        return False
    clause = re.match(r"[^,;.]*", text[ent.end_char: sent.end_char]).group(0)
    return not re.search(r"\b(?:we|our|this|the\s+present)\b", clause, re.IGNORECASE)


def _design_in_context(label: str, sent, ent, part: str, text: str) -> bool:
    """A design label that names this trial only in some contexts: 'international' before a design
    word, 'secondary analysis' in the title or a sentence about this study."""
    after, own_labels, own = _design_contexts()
    key = label if label in after else text[ent.start_char: ent.end_char].lower()
    if key in after and not after[key].match(text, ent.end_char):
        return False
    if label in own_labels and part != "title" and not own.search(sent.text):
        return False
    around = _not_around().get(label)
    if around and (around[1] and around[1].match(text, ent.end_char)
                   or around[0] and around[0].search(text[max(sent.start_char, ent.start_char - 40): ent.start_char])):
        return False  # 'a single-blind run-in', 'plus open-label metformin': one phase's or one drug's
    return True


@functools.lru_cache(maxsize=1)
def _not_around() -> dict[str, tuple[re.Pattern | None, re.Pattern | None]]:
    """ontology/design_cues.json's not_around: (before, after) patterns of each label."""
    return {label: tuple(re.compile(x[k], re.IGNORECASE) if x.get(k) else None for k in ("before", "after"))
            for label, x in _design_file()["not_around"].items()}


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
    sents = [sent for sent in sentences_by_preference(ctx) if own_statement(ctx, sent)
             and (part_of(ctx.document, sent.start_char)[0] != "background" or about_this_trial(sent))]
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
                out.append(fact(ctx, "design", concept, s, sent.start_char + m.end(), "trial.design.cue",
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
    for sent in sentences_by_preference(ctx):
        if not own_statement(ctx, sent):
            continue
        m = _PLACEBO_ARM.search(sent.text)
        if m:
            g = next(k for k in ("p", "q", "r", "s") if m.group(k))
            s = sent.start_char + m.start(g)
            return [fact(ctx, "design", concept, s, s + len(m.group(g)), "trial.design.placebo_arm", 0.8)]
    return []
