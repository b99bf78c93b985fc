"""Numbers as papers write them: digits, decimals with '·' or ',', and number words."""

from __future__ import annotations

from kg.extract import recache as re

_WORDS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "both": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}
COUNT_WORDS = "|".join(sorted((w for w in _WORDS if w not in ("a", "an", "no", "none", "single", "both")),
                              key=len, reverse=True))
NUMBER = r"\d+(?:[.,·]\d+)?"
# a count written in digits or words ("11", "eleven", "twenty-one", "three hundred and sixty")
COUNT = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{COUNT_WORDS})" \
        rf"(?:(?:[- ]|(?<=hundred)(?:\s+and\s+|-and-)|(?<=thousand)(?:\s+and\s+|-and-))(?:{COUNT_WORDS})){{0,3}})"


def to_number(s: str) -> float | None:
    """'0.10' → 0.1, '1·5' → 1.5, 'eleven' → 11, 'twenty-one' → 21; None if not a number."""
    s = s.strip().lower()
    if re.fullmatch(r"\d+(?:[.·]\d+)?", s):
        return float(s.replace("·", "."))
    if re.fullmatch(r"\d+,\d{1,2}", s):  # decimal comma
        return float(s.replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", s):  # thousands
        return float(s.replace(",", ""))
    parts = [p for p in re.split(r"[- ]+", s) if p != "and"]
    if parts and all(p in _WORDS for p in parts):
        total = current = 0
        for p in parts:  # "three hundred sixty" = 3 × 100 + 60
            if p == "hundred":
                current = max(current, 1) * 100
            elif p == "thousand":
                total += max(current, 1) * 1000
                current = 0
            else:
                current += _WORDS[p]
        return float(total + current)
    return None


def to_int(s: str) -> int | None:
    v = to_number(s)
    return int(v) if v is not None and v == int(v) else None
