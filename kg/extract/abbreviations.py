"""The abbreviations a paper defines itself: "interpersonal psychotherapy (IPT)".

Papers name their arms, scales and populations by short forms they define once and then use
alone ("the IPT group", "4LB versus SSB"). Knowing the long form lets an extractor read the
short form as what it stands for. The long form is found by the algorithm of Schwartz and
Hearst (2003): the short form's letters occur, in order, in the words just before the
bracket, its first letter starting a word; the long form is the shortest such run of words.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.extract import recache as re

# "(IPT)", "(4LB)", "(iMT)", "(RCDC;", "(MI,": a bracketed short form with a capital and no space
_SHORT = re.compile(r"\((?P<s>[A-Za-z0-9][A-Za-z0-9\-]{0,9})(?=[),;])")


# a digit of a short form may stand for a number word of the long form ("four-layer bandage (4LB)")
_NUMBER_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven",
                 "8": "eight", "9": "nine"}


@dataclass(frozen=True)
class Abbreviation:
    """A short form, its long form and where the long form is written."""

    short: str
    long: str
    start: int  # document offsets of the long form
    end: int

    @property
    def name(self) -> str:
        """The long form without the brackets inside it: 'amphotericin B lipid emulsion'."""
        return re.sub(r"\s+", " ", re.sub(r"\s*\([^()]*\)", "", self.long)).strip()


def long_form_start(before: str, short: str) -> int | None:
    """Where the long form of `short` starts in `before` (the text just before its bracket),
    or None when the words before it do not spell it (Schwartz & Hearst 2003)."""
    letters = [ch.lower() for ch in short if ch.isalnum()]
    if not letters or not letters[0].isalnum():
        return None
    n_words = min(len(letters) + 5, 2 * len(letters))
    spans = [m.span() for m in re.finditer(r"\S+", before)][-n_words:]
    if not spans:
        return None
    parts = [m.span() for m in re.finditer(r"[^\s\-‐–]+", before[spans[0][0]:])]
    initials = _by_initials(before[spans[0][0]:], parts, letters)
    if initials is not None:
        initials += spans[0][0]
        return initials
    lo = spans[0][0]
    start = spelled_from(before[lo:].lower(), letters)
    return None if start is None else lo + start


def spelled_from(window: str, letters: list[str]) -> int | None:
    """Where in `window` (lower case) the letters of a short form start, found backwards from
    its end, the first letter starting a word; None when the window does not hold them in order."""
    i = len(window) - 1
    for k in range(len(letters) - 1, -1, -1):
        while i >= 0 and (window[i] != letters[k] or (k == 0 and i > 0 and window[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
    return i + 1


def _by_initials(before: str, spans: list[tuple[int, int]], letters: list[str]) -> int | None:
    """The start of the words (hyphenated parts apart) whose initials spell the short form, read
    backwards with small words skipped ("total thyroidectomy (TT)", "quality of life (QL)"): preferred to letters
    found inside words, which would read "(TT)" as "thyroidectomy" alone."""
    k = len(letters) - 1
    for s, e in reversed(spans):
        word = before[s:e].strip("'\"‘’“”").lower()
        if not word or word.startswith("(") or word.endswith(")"):
            continue  # a bracket inside the long form: "amphotericin B (AmB) lipid emulsion (ABLE)"
        if word[0] == letters[k] or word.startswith(_NUMBER_WORDS.get(letters[k], "\0")):
            k -= 1
            if k < 0:
                return s + (e - s - len(before[s:e].lstrip("'\"‘’“”(")))
        elif word not in ("of", "the", "and", "in", "for", "on", "to", "a", "with"):
            return None
    return None


def defines(before: str, short: str) -> bool:
    """Whether the words just before a bracketed short form spell it."""
    return long_form_start(before, short) is not None


def defined_abbreviations(text: str) -> dict[str, Abbreviation]:
    """Every short form the text defines, by its first definition; a short form needs a
    capital letter and may not be a bare number or a single letter."""
    out: dict[str, Abbreviation] = {}
    for m in _SHORT.finditer(text):
        short = m.group("s")
        if short in out or len(short) < 2 or not re.search(r"[A-Z]", short) or short.isdigit():
            continue
        lo = max(0, m.start() - 160)
        before = text[lo:m.start()]
        before_stripped = before.rstrip()
        start = long_form_start(before_stripped, short)
        if start is None:
            continue
        long = before_stripped[start:].strip(" ,:;'\"‘’“”")
        s = lo + before_stripped.find(long, start)
        if len(long) <= len(short) or "\n" in long or long.count("(") != long.count(")"):
            continue
        out[short] = Abbreviation(short, long, s, s + len(long))
    return out


def document_abbreviations(document) -> dict[str, Abbreviation]:
    """`defined_abbreviations` of a document's text, computed once per document (several
    extractors ask for them)."""
    cache = document.cache
    if "defined_abbreviations" not in cache:
        cache["defined_abbreviations"] = defined_abbreviations(document.text)
    return cache["defined_abbreviations"]


@functools.lru_cache(maxsize=4)
def list_named_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text defines a long form holding a list word ('Psoriasis Area and Severity
    Index (PASI)', 'Erythema, Scaling and Induration (ESI)'): one name, which a list of measures
    must not split."""
    return _list_named(defined_abbreviations(text))


def document_list_named_spans(document) -> tuple[tuple[int, int], ...]:
    """`list_named_spans` of a document's text, from its abbreviations read once
    (`document_abbreviations`) rather than the text scanned again."""
    cache = document.cache
    if "list_named_spans" not in cache:
        cache["list_named_spans"] = _list_named(document_abbreviations(document))
    return cache["list_named_spans"]


def _list_named(abbreviations: dict[str, Abbreviation]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted((a.start, a.end) for a in abbreviations.values() if re.search(r",|\b(?:and|or)\b", a.long)))
