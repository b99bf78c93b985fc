"""kg.extract.recache: re's module functions with the same answers, over a cache that keeps the
patterns in use however many new ones pass through."""

from __future__ import annotations

import re

import pytest

from kg.extract import recache

TEXTS = ["The dose was 20 mg daily, then 40 MG twice daily.", "no numbers here at all", ""]
PATTERNS = [(r"(\d+)\s*mg", re.I), (r"\bdaily\b", 0), (r"(?P<n>\d+)", 0), (r"x*", 0)]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_same_answers_as_re(pattern: str, flags: int, text: str) -> None:
    def spans(ms):
        return [(m.span(), m.groups()) for m in ms]

    for name in ("search", "match", "fullmatch"):
        a, b = getattr(re, name)(pattern, text, flags), getattr(recache, name)(pattern, text, flags)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
    assert spans(re.finditer(pattern, text, flags)) == spans(recache.finditer(pattern, text, flags))
    assert re.findall(pattern, text, flags) == recache.findall(pattern, text, flags)
    assert re.split(pattern, text, maxsplit=1, flags=flags) == recache.split(pattern, text, maxsplit=1, flags=flags)
    repl = "<\\g<0>>"
    assert re.sub(pattern, repl, text, count=2, flags=flags) == recache.sub(pattern, repl, text, count=2, flags=flags)
    assert re.subn(pattern, "-", text, flags=flags) == recache.subn(pattern, "-", text, flags=flags)


def test_keyword_arguments_and_compiled_patterns() -> None:
    rx = re.compile(r"mg", re.I)
    assert recache.search(rx, "20 MG").span() == (3, 5)
    assert recache.search(r"mg", "20 MG", flags=re.I).span() == (3, 5)
    assert recache.sub(r"\s+", " ", "a  b   c", count=1) == "a b   c"
    assert recache.split(r",\s*", "a, b,c", maxsplit=1) == ["a", "b,c"]
    with pytest.raises(re.error):
        recache.compile(r"(unclosed")


def test_a_pattern_in_use_outlives_many_new_ones() -> None:
    """re's own cache drops its oldest entry, however often used; this one the least recently used."""
    shared = recache.compile(r"\bshared\s+cue\b", re.I)
    for i in range(recache.MAXSIZE * 2):
        recache.search(rf"\bpaper{i}\b", "text of one paper")  # a paper's own pattern
        assert recache.compile(r"\bshared\s+cue\b", re.I) is shared  # and a shared one, asked for again
