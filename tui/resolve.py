"""Names typed in a question, resolved to a name the graph knows: exactly, by a spelling
variant (case, hyphens, spaces, a plural), or by a close match offered as "did you mean"."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

# a close match is taken without asking when it is this similar and clearly the best
AUTO_CORRECT = 0.88
SUGGEST = 0.6


@dataclass(frozen=True)
class Resolution:
    """What the typed words resolved to."""

    typed: str
    name: str | None  # a label of the graph (None: nothing close enough)
    corrected: bool = False  # the name differs from what was typed beyond case and spelling variants
    suggestions: list[str] = field(default_factory=list)


def squash(s: str) -> str:
    """Case, spaces, hyphens and punctuation dropped: 'IL-2', 'il 2' and 'IL2' are one name."""
    return re.sub(r"[\W_]+", "", s.casefold())


def resolve(words: str, names: list[str]) -> Resolution:
    """Resolve `words` against the graph's labels (`names`: every label, synonym, abbreviation)."""
    typed = words.strip()
    folded = {n.casefold(): n for n in names}
    if typed.casefold() in folded:
        return Resolution(typed, folded[typed.casefold()])
    squashed: dict[str, str] = {}
    for n in names:
        squashed.setdefault(squash(n), n)
    key = squash(typed)
    for variant in (key, re.sub(r"(?:e?s)$", "", key), key + "s"):
        if variant and variant in squashed:
            return Resolution(typed, squashed[variant])
    scored = sorted(((difflib.SequenceMatcher(None, key, k).ratio(), n) for k, n in squashed.items()
                     if k and abs(len(k) - len(key)) <= max(3, len(key) // 2)), reverse=True)
    close = [(r, n) for r, n in scored if r >= SUGGEST][:5]
    if close and close[0][0] >= AUTO_CORRECT and (len(close) == 1 or close[0][0] - close[1][0] >= 0.05):
        return Resolution(typed, close[0][1], corrected=True, suggestions=[n for _r, n in close[1:]])
    return Resolution(typed, None, suggestions=list(dict.fromkeys(n for _r, n in close)))
