"""Words and lines of a PDF page: the geometry every other step of the PDF reader reads.

pdfplumber gives words with boxes and fonts; a line is the words sharing a baseline band,
joined with spaces where the gap says so (letter-spaced capitals closed up).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_BOLD_FONT = r"bold|black|heavy|semibold|demi|[.,+-]B$|-B[a-z]*$"


@dataclass
class Word:
    """One word with the font facts the layout needs (size, font name)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    nchars: int


@dataclass
class Line:
    """Words on one baseline, left to right."""

    words: list[Word]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    font: str = ""
    base: float = 0.0  # the bottom most of its characters share: a steady baseline

    def __post_init__(self) -> None:
        """Geometry, dominant size and font, and the text, computed once."""
        self.words.sort(key=lambda w: w.x0)
        self.x0 = min(w.x0 for w in self.words)
        self.x1 = max(w.x1 for w in self.words)
        self.top = min(w.top for w in self.words)
        self.bottom = max(w.bottom for w in self.words)
        sizes: Counter[float] = Counter()
        fonts: Counter[str] = Counter()
        bases: Counter[float] = Counter()
        for w in self.words:
            sizes[round(w.size, 1)] += w.nchars
            fonts[w.font] += w.nchars
            bases[round(w.bottom * 2) / 2] += w.nchars
        self.base = bases.most_common(1)[0][0]
        self.size = sizes.most_common(1)[0][0]
        self.font = fonts.most_common(1)[0][0]
        self.text = small_caps_upper(join_words(self.words, self.size))

    @property
    def style(self) -> tuple[str, float]:
        """Font and size together: what tells a heading level apart."""
        return self.font, self.size

    @property
    def bold(self) -> bool:
        """Whether the font name says bold (publishers' subset names often do not)."""
        return bool(re.search(_BOLD_FONT, self.font, re.IGNORECASE))


@dataclass
class Segment:
    """Lines read in one go: a column of a two-column band, or a full-width band."""

    lines: list[Line]
    x0: float
    x1: float
    page: int


_CAMEL = re.compile(r"(?:[A-Z][a-z]{2,}|Mc|Mac)+")


def small_caps_upper(text: str) -> str:
    """Small capitals that pdfminer read as mixed case ('WhAT IS AlReAdy KNOWN') in capitals.

    A line qualifies when every word is in capitals or case-garbled (mixed case that is
    neither Titlecase nor CamelCase like 'StopAdvisor'), and at least one is garbled.
    """
    words = re.findall(r"[A-Za-z]+", text)
    if len(words) < 2:
        return text
    garbled = [w for w in words if len(w) >= 3 and not w.isupper() and not w.islower()
               and not re.fullmatch(r"[A-Z][a-z]+", w) and not _CAMEL.fullmatch(w)]
    if garbled and all(w.isupper() or w in garbled or len(w) == 1 for w in words):
        return text.upper()
    return text


def join_words(words: list[Word], size: float) -> str:
    """Words joined by spaces, except marks that touch the word before (superscripts).

    Letter-spaced capitals ('R E S E A R C H  A R T I C L E') are closed up: within a run
    of single letters only gaps clearly wider than the letter spacing separate words.
    """
    single = [len(w.text) == 1 and w.text.isalpha() for w in words]
    out: list[str] = []
    for k, w in enumerate(words):
        if k:
            gap = w.x0 - words[k - 1].x1
            if single[k] and single[k - 1] and _spaced_run(words, single, k):
                if gap > 1.6 * _letter_gap(words, single, k):
                    out.append(" ")
            elif gap >= 0.1 * size:
                out.append(" ")
        out.append(w.text)
    return "".join(out)


def _run_bounds(single: list[bool], k: int) -> tuple[int, int]:
    """The run of consecutive single-letter words around index k."""
    a = k
    while a > 0 and single[a - 1]:
        a -= 1
    b = k
    while b + 1 < len(single) and single[b + 1]:
        b += 1
    return a, b


def _spaced_run(words: list[Word], single: list[bool], k: int) -> bool:
    """Four or more single letters in a row: letter-spaced type, not initials like 'J M'."""
    a, b = _run_bounds(single, k)
    return b - a + 1 >= 4


def _letter_gap(words: list[Word], single: list[bool], k: int) -> float:
    """The usual gap between letters of the letter-spaced run around index k."""
    a, b = _run_bounds(single, k)
    gaps = sorted(words[i].x0 - words[i - 1].x1 for i in range(a + 1, b + 1))
    return max(gaps[len(gaps) // 4], 0.1)


def group_lines(words: list[Word]) -> list[Line]:
    """Words into lines by vertical overlap, so superscripts and raised quotes stay put."""
    groups: list[list[Word]] = []
    bands: list[tuple[float, float, float]] = []  # top, bottom, size of the line's largest word
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        h = max(w.bottom - w.top, 0.1)
        best, best_ov = -1, 0.0
        for i in range(len(groups) - 1, max(-1, len(groups) - 8), -1):
            top, bottom, _size = bands[i]
            overlap = (min(bottom, w.bottom) - max(top, w.top)) / max(min(h, bottom - top), 0.1)
            if overlap >= 0.5 and overlap > best_ov:
                best, best_ov = i, overlap
        if best < 0:
            groups.append([w])
            bands.append((w.top, w.bottom, w.size))
            continue
        groups[best].append(w)
        if w.size > bands[best][2]:
            bands[best] = (w.top, w.bottom, w.size)
    return sorted((Line(g) for g in groups), key=lambda ln: (ln.top, ln.x0))

