"""What the trial-field passes share: the fact builder, the sentences in the order a trial states its
own facts, and the tests of whether a sentence speaks of this trial."""

from __future__ import annotations

from kg.extract import recache as re
from kg.extract.base import Context, Fact, part_of, sentence_cached
from kg.extract.folded import folded

EXTRACTOR = "trial"
_PREFERRED_PARTS = ("title", "abstract", "methods", "results")


# "previous studies", "another trial", a citation "[12": a sentence about other studies; a share or a
# decimal in square brackets ("1.25 L [47.91% predicted]", "[95% CI ...]") is a journal's brackets, no citation
OTHER_STUDY = folded(re.compile(r"\b(?:previous|prior|earlier|other|another|recent)\s+(?:\w+\s+)?"
                                r"(?:studies|study|trials|trial|reports?)\b|\[\d(?![\d.,·]*\s*%)(?!\d*[.·]\d)",
                                re.IGNORECASE))


def fact(ctx: Context, attribute: str, value, start: int, end: int, rule: str, conf: float = 0.9) -> Fact:
    return Fact("trial", {"attribute": attribute, "value": value}, [ctx.evidence(start, end)],
                EXTRACTOR, rule, conf, surface=ctx.document.text[start:end])


def sentences_by_preference(ctx: Context) -> list:
    """Minable sentences: title, abstract, methods, results first; background/discussion last
    (sorted once per document: ten passes read them in this order; none changes the list)."""
    got = ctx.memo.get(sentences_by_preference)
    if got is None:
        got = ctx.memo[sentences_by_preference] = _by_preference(ctx)
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


def about_this_trial(sent) -> bool:
    return about_this_trial_text(sent.text)


_THIS_TRIAL = folded(re.compile(r"\b(?:we|our\s+(?:trial|study)|this\s+(?:[\w,-]+\s+){0,5}?(?:trial|study)|"
                                r"the\s+present\s+(?:trial|study))\b", re.IGNORECASE))
_THIS_TRIAL_LAST: list = [None, False]  # the last text asked about and its answer (passes ask in turn)


def about_this_trial_text(text: str) -> bool:
    if _THIS_TRIAL_LAST[0] is not text:
        _THIS_TRIAL_LAST[0], _THIS_TRIAL_LAST[1] = text, _THIS_TRIAL.search(text) is not None
    return _THIS_TRIAL_LAST[1]


def introduction(ctx: Context, sent) -> bool:
    """A full text's background (introduction) counts the people of earlier studies, not this trial's."""
    part, in_abs = part_of(ctx.document, sent.start_char)
    return part == "background" and not in_abs


@sentence_cached
def own_statement(ctx: Context, sent) -> bool:
    """A sentence that may state this trial's own numbers: not discussion, not another study's
    (asked by five passes over the same sentences: answered once)."""
    part, in_abs = part_of(ctx.document, sent.start_char)
    if part == "discussion" and not in_abs:
        return False
    return not OTHER_STUDY.search(sent.text)


def is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", text))
