"""Lines of a paragraph joined into text: line-end hyphens kept or dropped on evidence.

A hyphen at a line end is a syllable break ('par-' + 'ticipate') or part of a compound
('non-' + 'adherence'); the document's own words decide, from what it prints mid-line.
"""

from __future__ import annotations

import re

from kg.readers.pdf_geometry import Line

_HYPHEN_PREFIXES = {"non", "self", "well", "low", "high", "long", "short", "semi", "anti", "multi", "cross",
                    "follow", "double", "single", "open", "placebo", "intention", "all", "mid"}


def _tokens_of(line: Line) -> list[str]:
    """A line's words without surrounding punctuation (hyphens kept: they are the evidence)."""
    return [re.sub(r"^[^\w]+|[^\w-]+$", "", w.text) for w in line.words]


def vocabulary(groups: list[list[Line]]) -> tuple[set[str], set[str]]:
    """Words and hyphenated compounds the document uses mid-line: evidence for dehyphenation."""
    vocab: set[str] = set()
    compounds: set[str] = set()
    for lines in groups:
        for k, ln in enumerate(lines):
            toks = _tokens_of(ln)
            after_hyphen = k > 0 and lines[k - 1].text.endswith("-")
            for j, t in enumerate(toks):
                if not t or (j == 0 and after_hyphen) or (j == len(toks) - 1 and ln.text.endswith("-")):
                    continue
                low = t.lower()
                if "-" in low.strip("-"):
                    compounds.add(low)
                    vocab.update(x for x in low.split("-") if x)
                vocab.add(low)
    return vocab, compounds


def join_lines(lines: list[Line], vocab: set[str] | None = None, compounds: set[str] | None = None) -> str:
    """Lines of a paragraph into one string; a line-end hyphen is dropped only when safe.

    Each join looks only at the end of the text so far: a paragraph of thousands of lines
    (a hostile PDF's) joins in linear time."""
    parts: list[str] = []
    tail = ""  # the last _TAIL characters joined so far
    for ln in lines:
        t = ln.text.strip()
        if parts:
            drop, sep = _glue(tail, t, vocab or set(), compounds or set())
            if drop:  # the tail ends with a hyphen: the last non-empty part does
                k = next(i for i in range(len(parts) - 1, -1, -1) if parts[i])
                parts[k] = parts[k][:-1]
                tail = tail[:-1]
            t = sep + t
        parts.append(t)
        tail = (tail + t)[-_TAIL:]
    return "".join(parts)


_TAIL = 1024  # longer than any word or URL end the join rules look at


def _glue(a: str, b: str, vocab: set[str], compounds: set[str]) -> tuple[bool, str]:
    """How line `b` joins the text `a` before it: whether `a`'s line-end hyphen goes, and what
    goes between. A syllable break 'par-' + 'ticipate' loses its hyphen, a compound 'non-' +
    'adherence' keeps it, a URL broken at the line end joins with nothing, the rest with a space."""
    m = re.search(r"(\w+)-$", a)
    if m and not a.endswith("--"):
        left = m.group(1)
        right_m = re.match(r"[\w-]+", b)
        right = right_m.group(0) if right_m else ""
        if not (left[-1:].islower() and right[:1].islower()):
            return False, ""  # 'ISTOP-' + 'ADE', 'type-' + '2': keep the hyphen, no space
        joined, hyph = (left + right).lower(), f"{left}-{right}".lower()
        if hyph in compounds and joined not in vocab:
            return False, ""
        if joined in vocab:
            return True, ""
        if left.lower() in _HYPHEN_PREFIXES or (left.lower() in vocab and right.lower() in vocab
                                                and len(left) > 2 and len(right) > 2):
            return False, ""
        return True, ""
    if a.endswith(("–", "—")):
        return False, ""
    if re.search(r"(https?://|www\.)\S*[./-]$", a) and re.match(r"[a-z0-9]", b):
        return False, ""  # a URL broken at the line end
    return False, " "
