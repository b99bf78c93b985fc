"""`re`'s module functions over a compile cache of our own, least recently used first out.

The extractors call `re.search(r"...", text)` with literal patterns in their hot paths, and build
a few dozen patterns per paper (an alternation of the paper's own short forms or labels). `re`
keeps compiled patterns in a cache of 512 that drops the *oldest* entry when full, however often
it is used: every 512 new patterns (about a dozen papers) the shared patterns are pushed out and
parsed and compiled again (~3,000 compiles over 62 papers, ~12 % of extraction's CPU). Here a
pattern asked for again moves to the young end, so the few hundred patterns every paper uses stay
compiled and a paper's own patterns age out after a few dozen papers.

The extractors import it in the place of `re` (`from kg.extract import recache as re`): same
functions, same arguments, same results; the flags, `escape`, `Pattern`, `Match` and `error` are
`re`'s own.
"""

from __future__ import annotations

import functools
import re as _re
from collections.abc import Callable, Iterator
from re import *  # noqa: F403 - the flags, escape, error, Pattern, Match: re's own
from re import Match, Pattern  # (named for the type hints below)
from typing import Any

# Patterns kept: every paper uses ~400 shared ones and builds ~40 of its own (measured on the 62
# documents of bench/facts_same.py), so a paper's own patterns leave after ~15 more papers.
MAXSIZE = 1024

compile: Callable[..., Pattern] = functools.lru_cache(maxsize=MAXSIZE)(_re.compile)  # noqa: A001


@functools.lru_cache(maxsize=MAXSIZE)
def _searcher(pattern: str | Pattern, flags: int) -> Any:
    """The compiled pattern, a case-sensitive one searched where its scout finds an opening
    (`folded.Scouted`: `\\brespectively\\b` is tried where 'respectively' is, not at every position)."""
    rx = compile(pattern, flags)
    if rx.flags & _re.IGNORECASE or not isinstance(rx.pattern, str):
        return rx
    from kg.extract.folded import Scouted

    return Scouted(rx)


def search(pattern: str | Pattern, string: str, flags: int = 0) -> Match | None:
    return _searcher(pattern, flags).search(string)


def match(pattern: str | Pattern, string: str, flags: int = 0) -> Match | None:
    return compile(pattern, flags).match(string)


def fullmatch(pattern: str | Pattern, string: str, flags: int = 0) -> Match | None:
    return compile(pattern, flags).fullmatch(string)


def finditer(pattern: str | Pattern, string: str, flags: int = 0) -> Iterator[Match]:
    return _searcher(pattern, flags).finditer(string)


def findall(pattern: str | Pattern, string: str, flags: int = 0) -> list[Any]:
    return _searcher(pattern, flags).findall(string)


def split(pattern: str | Pattern, string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
    return compile(pattern, flags).split(string, maxsplit)


def sub(pattern: str | Pattern, repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern: str | Pattern, repl: Any, string: str, count: int = 0, flags: int = 0) -> tuple[str, int]:
    return compile(pattern, flags).subn(repl, string, count)
