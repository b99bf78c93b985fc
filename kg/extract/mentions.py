"""One mention layer for numbers and statistics: values (± SD, units, %), p-values in every
written form, confidence intervals and effect estimates, found once per sentence.

The patterns are data (`ontology/patterns/mentions.json`): fragments that name earlier ones
as `<NAME>`, compiled here. Extractors ask for the mentions of a text and read their parsed
fields (numbers with their signs, p-value and bound, CI limits) instead of keeping their own
regular expressions for the same things.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from kg.extract import recache as re
from kg.extract.base import needs_digit
from kg.extract.numbers import to_number

PATTERNS = Path(__file__).resolve().parents[2] / "ontology" / "patterns" / "mentions.json"
_REF = re.compile(r"<([A-Z_]+)>")
_MINUS = str.maketrans({"−": "-", "–": "-", "‒": "-", "—": "-"})


@dataclass(frozen=True)
class Mention:
    """A numeric or statistical mention: its kind, offsets in the text it was found in, and
    the parsed fields (numbers as floats, relations and kinds as strings)."""

    kind: str  # p_value | ci | bracket_ci | ci_level | estimate | value | fraction | range | time
    start: int
    end: int
    text: str
    fields: dict


@cache
def patterns() -> dict[str, re.Pattern]:
    """The compiled mention patterns, by kind."""
    data = json.loads(PATTERNS.read_text(encoding="utf-8"))
    frags: dict[str, str] = {}

    def expand(rx: str) -> str:
        return _REF.sub(lambda m: "(?:" + frags[m.group(1)] + ")", rx)

    for name, rx in data["fragments"].items():
        frags[name] = expand(rx)
    return {kind: re.compile(expand(rx)) for kind, rx in data["mentions"].items()}


@cache
def _prefilters() -> dict[str, re.Pattern]:
    """Cheap tests a text must pass before a costly pattern is run on it (a word it needs)."""
    data = json.loads(PATTERNS.read_text(encoding="utf-8"))
    return {kind: re.compile(rx) for kind, rx in data.get("prefilter", {}).items()}


@cache
def fragment(name: str) -> str:
    """A named fragment, expanded (for extractors that build a clause pattern around it)."""
    data = json.loads(PATTERNS.read_text(encoding="utf-8"))["fragments"]
    out = data[name]
    while _REF.search(out):
        out = _REF.sub(lambda m: "(?:" + data[m.group(1)] + ")", out)
    return out


def signed_number(s: str | None) -> float | None:
    """'−2.46' → -2.46, '0·31' → 0.31, '1,375' → 1375; None if not a number."""
    if s is None:
        return None
    s = s.strip().translate(_MINUS).replace(" ", "")
    sign = -1.0 if s.startswith("-") else 1.0
    v = to_number(s.lstrip("+-"))
    if v is None and re.fullmatch(r"[.·]\d+", s.lstrip("+-")):
        v = float("0" + s.lstrip("+-").replace("·", "."))
    return None if v is None else sign * v


def p_number(s: str) -> float | None:
    """A p-value as written ('.001', '0·0499', '1.2 × 10−5', '3e-4') as a number."""
    raw = re.sub(r"\s+", "", s).translate(_MINUS).replace("·", ".").replace("^", "")
    sci = re.fullmatch(r"(\d(?:\.\d+)?)[x×]10-(\d+)", raw)
    if sci:
        return float(sci.group(1)) * 10 ** -int(sci.group(2))
    try:
        v = float(raw)
    except ValueError:
        return None
    return v if 0 <= v <= 1 else None


def _parse(kind: str, m: re.Match) -> dict | None:
    g = m.groupdict()
    if kind == "p_value":
        if g.get("ns") or g.get("ns2"):
            return {"p": 0.05 if g.get("ns") and "0" in g["ns"] else None, "relation": ">", "ns": True}
        v = p_number(g.get("v") or g.get("v2") or "")
        if v is None:
            return None
        rel = {"&lt;": "<", "&gt;": ">", "=<": "<=", "=>": ">=", "≤": "<=", "≥": ">="}.get(g.get("rel") or "=",
                                                                                         g.get("rel") or "=")
        return {"p": v, "relation": rel, "ns": rel in (">", ">=") and v >= 0.05}
    if kind in ("ci", "bracket_ci"):
        lo, hi = signed_number(g["lo"]), signed_number(g["hi"])
        if lo is None or hi is None or lo > hi:
            return None
        return {"low": lo, "high": hi}
    if kind == "estimate":
        v = signed_number(g["v"])
        return None if v is None else {"estimate": re.sub(r"\s+", " ", g["kind"]), "value": v,
                                       "of": g.get("of")}
    if kind == "fraction":
        n, d = int(g["n"]), int(g["d"])
        return {"n": n, "of": d} if 0 <= n <= d and d > 0 else None
    if kind == "range":
        lo, hi = signed_number(g["lo"]), signed_number(g["hi"])
        return None if lo is None or hi is None or lo > hi else {"low": lo, "high": hi, "unit": g.get("unit")}
    if kind == "value":
        v = signed_number(g["num"])
        if v is None:
            return None
        return {"value": v, "sd": signed_number(g["sd"]) if g.get("sd") else None, "unit": g.get("unit")}
    return {}


def find(text: str, kind: str) -> list[Mention]:
    """Every mention of one kind in a text, left to right, not overlapping."""
    return list(_find(text, kind))


@cache
def _digit_kinds() -> frozenset[str]:
    """The kinds whose every mention holds a digit (`base.needs_digit`: all but p-values, 'NS')."""
    return frozenset(kind for kind, rx in patterns().items() if needs_digit(rx))


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=2048)
def _find(text: str, kind: str) -> tuple[Mention, ...]:
    if kind in _digit_kinds() and _DIGIT.search(text) is None:
        return ()  # about half the sentences of a full text hold no digit
    pre = _prefilters().get(kind)
    if pre is not None and not pre.search(text):
        return ()
    out = []
    for m in patterns()[kind].finditer(text):
        fields = _parse(kind, m)
        if fields is not None:
            out.append(Mention(kind, m.start(), m.end(), m.group(0), fields))
    return tuple(out)


def values(text: str) -> list[Mention]:
    """Numeric values, leaving out the digits of p-values, CI levels and names such as
    'IL-6', 'CD4' or 'FEV1' (a number glued to a lower-case word, 'from138.2', is kept)."""
    skip = [(m.start, m.end) for m in find(text, "p_value")]
    skip += [(m.start, m.end) for m in find(text, "ci_level")]
    out = []
    for v in find(text, "value"):
        if any(a <= v.start < b for a, b in skip):
            continue
        word = re.search(r"([A-Za-zα-ωΑ-Ω]+)(-?)$", text[max(0, v.start - 20): v.start])
        if word and not (word.group(1).islower() and len(word.group(1)) >= 2 and not word.group(2)):
            continue
        if re.match(r"[A-Za-z]", text[v.end: v.end + 1]):
            continue
        out.append(v)
    return out
