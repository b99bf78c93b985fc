"""Case-insensitive patterns searched without re.IGNORECASE: on the lowered text.

re scans for a match of an IGNORECASE pattern by trying it at every position, folding each
character it compares; the same pattern without the flag, lower-cased, finds where a match
starts from its possible first characters (re's prefix and charset scan), 2-3× faster on the
extractors' cue alternations. A `Folded` pattern searches the lowered text with that twin for
where the next match starts, then lets the pattern itself match there on the real text: the
same matches (groups, spans, `m.re`), read from the real text.

Why the two agree: for a pattern whose letters are ASCII and that says nothing case-sensitive
(no `(?-i:...)`, no escaped code points), IGNORECASE compares characters as `str.lower` folds them,
except for the few characters outside ASCII that re.I also equates with an ASCII letter
(`base.RE_I_ASCII_FOLDS`: İ, ı, ſ, the Kelvin sign; tests/test_folded.py asks re about every
code point); a text holding one of those is searched by the pattern itself. `str.lower` keeps
every other character's length, so offsets agree.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from collections.abc import Callable, Iterator
from typing import Any

from kg.extract import recache as re
from kg.extract.base import _lowered

_MAX = sys.maxsize


def lowered_source(pattern: str) -> str | None:
    """The pattern with its ASCII letters lower-cased (escapes, group names and inline flags
    kept), or None where lowering could change what it matches: a letter outside ASCII, an
    escaped code point or back-reference, a case-sensitive group, a class range from an upper-case letter
    to a character other than an upper-case letter."""
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            nxt = pattern[i + 1 : i + 2]
            if nxt in ("x", "u", "U", "N") or nxt.isdigit():
                return None
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            elif ch == "-" and out and out[-1] != "[" and pattern[i + 1 : i + 2] not in ("]", ""):
                lo, hi = pattern[i - 1], pattern[i + 1]
                if (lo.isupper() or hi.isupper()) and not (lo.isupper() and hi.isupper()):
                    return None  # [0-Z]: lowered it would hold [, _, ` ...
                span = map(chr, range(ord(lo), ord(hi) + 1))
                if not (lo.isascii() and hi.isascii()) and not all(map(_caseless, span)):
                    return None  # a range outside ASCII holding a letter with case
        elif ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            if pattern[i : i + 1] == "^":
                out.append("^")
                i += 1
            if pattern[i : i + 1] == "]":  # ']' first in a class is a member
                out.append("]")
                i += 1
            continue
        elif pattern.startswith("(?P<", i) or pattern.startswith("(?P=", i):
            j = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i : j + 1])  # a group's name is case-sensitive
            i = j + 1
            continue
        elif pattern.startswith("(?(", i):
            return None  # a conditional's group name is case-sensitive
        elif pattern.startswith("(?", i) and pattern[i + 2 : i + 3].isalpha() or pattern.startswith("(?-", i):
            j = i + 2
            while j < n and pattern[j] not in ":)":
                j += 1
            flags = pattern[i + 2 : j]
            if "-" in flags or "L" in flags:
                return None
            out.append(pattern[i:j])
            i = j
            continue
        if not ch.isascii() and not _caseless(ch) and not _lowers_as_re_does(ch):
            return None  # (İ: its lower case is two characters)
        out.append(ch.lower())
        i += 1
    return "".join(out)


def _lowers_as_re_does(ch: str) -> bool:
    """Is `str.lower` of a letter outside ASCII one character, the one re.I compares it by? (re
    also equates a few such letters with others, β with ϐ, µ with μ: a pattern holding one is
    searched on the lowered text only where the text holds none of them, `Folded.strict`.)"""
    import _sre

    from kg.extract.base import RE_I_ASCII_FOLDS

    low = ch.lower()  # (ı ſ: re.I equates them with ASCII letters, whatever the text)
    return len(low) == 1 and ord(low) == _sre.unicode_tolower(ord(ch)) and ch not in RE_I_ASCII_FOLDS


# The characters outside ASCII whose lower case re.I equates with another character's (re's own
# table: β ϐ ϴ, µ μ, σ ς, θ ϑ ...): a text holding one is searched by a pattern holding such a letter
# itself (`Folded.strict`). tests/test_folded.py finds them all by asking re about every code point.
RE_I_EQUATED = (  # İ ı ſ µ Β β ϐ ϴ ...
    "\u00b5\u0130\u0131\u017f\u0345\u0390\u0392\u0395\u0398\u0399\u039a\u039c\u03a0\u03a1\u03a3\u03a6"
    "\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6"
    "\u03f0\u03f1\u03f4\u03f5\u0412\u0414\u041e\u0421\u0422\u042a\u0432\u0434\u043e\u0441\u0442\u044a"
    "\u0462\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e60\u1e61\u1e9b\u1fbe\u1fd3"
    "\u1fe3\ua64a\ua64b\ufb05\ufb06"
)


@functools.cache
def _equated() -> re.Pattern:
    return re.compile("[" + "".join(map(re.escape, RE_I_EQUATED)) + "]")


_EQUATED_LAST: list = [None, False]  # the last text asked about, whether it holds one of them


def _holds_equated(text: str) -> bool:
    if _EQUATED_LAST[0] is not text:
        _EQUATED_LAST[0], _EQUATED_LAST[1] = text, not text.isascii() and _equated().search(text) is not None
    return _EQUATED_LAST[1]


def _caseless(ch: str) -> bool:
    """A character without case (±, –, ≤): re.I and str.lower leave it, and only it, as it is."""
    return ch.lower() == ch == ch.upper()


# What a Folded pattern answers as its pattern does, asked ~100,000 times per 62 papers (`match` most)
_DELEGATED = ("match", "fullmatch", "sub", "subn", "split", "pattern", "flags", "groups", "groupindex")


class Folded:
    """An IGNORECASE pattern whose searches start on the lowered text (see the module's
    docstring); everything else (`match`, `fullmatch`, `sub`, `split`, `groupindex` ...) is the
    pattern's own. Built by `folded()`; the twin is compiled when first asked for (re compiles
    in Python: ~1 ms for a long cue list, and many patterns are asked of few papers)."""

    __slots__ = ("rx", "source", "_low", "may_be_empty", "anchor", "reach", "strict", "words", *_DELEGATED)

    def __init__(self, rx: re.Pattern, source: str) -> None:
        self.rx, self.source, self._low, self.may_be_empty = rx, source, None, True
        for name in _DELEGATED:  # the pattern's own, read as attributes: `__getattr__` costs a call each time
            setattr(self, name, getattr(rx, name))
        # a letter outside ASCII that re.I equates with another (β, µ): texts holding one are searched by rx
        self.strict = not rx.pattern.isascii() and _equated().search(rx.pattern) is not None
        self.anchor, self.reach = None, _MAX  # (see `anchor_of`; set with the twin)
        self.words: tuple[str, ...] | None = None  # (see `required_words`; set with the twin; False: not asked)

    @property
    def low(self) -> re.Pattern:
        """The twin: the lowered source, its alternations regrouped, without IGNORECASE."""
        if self._low is None:
            import re._compiler as sre_compile
            import re._parser as sre_parse

            # a plain int: re's parser and compiler test the flags at every item, and a RegexFlag makes each test
            # a call of enum's __and__ (a quarter of building the twins)
            flags = int(self.rx.flags & ~re.IGNORECASE)
            try:  # parsed once: its shortest match is read off the tree re then compiles
                tree = sre_parse.parse(regrouped(self.source), flags)
                self._low = sre_compile.compile(tree, flags)
            except re.error:  # (a look-behind the regrouping made uneven: the lowered pattern as it is)
                tree = sre_parse.parse(self.source, flags)
                self._low = sre_compile.compile(tree, flags)
            self.may_be_empty = tree.getwidth()[0] == 0
            self.anchor, self.reach = anchor_of(tree, flags, _may_refer(self.source))
            if self.words is None:
                self.words = required_words(tree)
        return self._low

    def search(self, string: str, pos: int = 0, endpos: int = _MAX) -> re.Match | None:
        low = _lowered(string)
        if low is None or self.strict and _holds_equated(string):
            return self.rx.search(string, pos, endpos)
        twin = self._low or self.low
        if self.words and not _holds_one(low, self.words):
            return None
        if self.reach == 0:
            return self._scouted(string, low, pos, endpos)
        if self.anchor is not None:
            a = self.anchor.search(low, pos, endpos)
            if a is None:
                return None
            pos = max(pos, a.start() - self.reach)
        while True:  # the twin matches wherever the pattern does: no match of it starts before the twin's
            m = twin.search(low, pos, endpos)
            if m is None:
                return None
            found = self.rx.match(string, m.start(), endpos)
            if found is not None:
                return found
            pos = m.start() + 1  # (a twin made of case-sensitive parts matches at a few more places)

    def finditer(self, string: str, pos: int = 0, endpos: int = _MAX) -> Iterator[re.Match]:
        low = None if (self._low or self.low) is None or self.may_be_empty else _lowered(string)
        if low is not None and self.strict and _holds_equated(string):
            low = None
        if low is None:  # (after an empty match re asks the next to advance: not replayed here)
            return self.rx.finditer(string, pos, endpos)
        if self.words and not _holds_one(low, self.words):
            return iter(())
        return self._matches(string, low, pos, endpos)

    def _scouted(self, string: str, low: str, pos: int, endpos: int) -> re.Match | None:
        """The first match from `pos` of a pattern whose anchor opens every match (reach 0,
        `anchor_of`: '\\b(?:lower|higher)\\s...' → '(?:lower|higher)\\s...'): re tries a pattern
        that opens with a zero-width assertion or an optional part at every position of the
        text, where it finds the anchor by scanning for its first characters; the pattern is
        tried where the anchor matches, in order, and nowhere else."""
        anchor, rx = self.anchor, self.rx
        while (a := anchor.search(low, pos, endpos)) is not None:
            found = rx.match(string, a.start(), endpos)
            if found is not None:
                return found
            pos = a.start() + 1
        return None

    def _matches(self, string: str, low: str, pos: int, endpos: int) -> Iterator[re.Match]:
        """finditer's matches: each found where the twin finds the next start, the next looked
        for from its end (the twin's own end may differ: its alternatives are regrouped)."""
        rx, twin, anchor = self.rx, self.low, self.anchor
        if self.reach == 0:  # (see `_scouted`)
            while (m := self._scouted(string, low, pos, endpos)) is not None:
                yield m
                pos = m.end()  # never empty (may_be_empty)
            return
        while True:
            start = pos
            if anchor is not None:
                a = anchor.search(low, pos, endpos)
                if a is None:
                    return
                start = max(pos, a.start() - self.reach)
            t = twin.search(low, start, endpos)
            if t is None:
                return
            m = rx.match(string, t.start(), endpos)
            if m is None:  # (a twin made of case-sensitive parts matches at a few more places)
                pos = t.start() + 1
                continue
            yield m
            pos = m.end()  # never empty (may_be_empty)

    def findall(self, string: str, pos: int = 0, endpos: int = _MAX) -> list:
        if self.rx.groups == 0:
            return [m.group() for m in self.finditer(string, pos, endpos)]
        if self.rx.groups == 1:
            return [m.group(1) or "" for m in self.finditer(string, pos, endpos)]
        return [m.groups("") for m in self.finditer(string, pos, endpos)]

    def __getattr__(self, name: str) -> Any:  # pattern, flags, match, sub, groupindex ...
        return getattr(self.rx, name)

    def __repr__(self) -> str:
        return f"Folded({self.rx!r})"


def anchor_of(tree, flags: int, may_refer: bool = True) -> tuple[re.Pattern | None, int]:
    """A pattern every match of the parsed pattern `tree` holds from some point on, and how far
    before where it matches a match can start: the rest of the pattern from its first part that
    opens with a literal after a part of varying length ('(?P<x>[\\w-]+(?:\\s+[\\w-]+){0,5})\\s*\\((?:the
    \\s+)?(?:experimental|control)...' → '\\((?:the\\s+)?(?:experimental|control)...'). Where
    the pattern matches at s, that rest matches at s plus the length the parts before it took, in
    the same text: so where it is not found neither is the pattern, and where it is first found
    at a, no match starts before a minus the most those parts can take. re finds the rest's
    start by its literal prefix or first characters, where it tries the pattern's own varying
    opening at every position. (None, _) for a pattern without such a part, or whose rest refers
    to a group (a back-reference: what it matches depends on the parts before). `may_refer`:
    False where the source is known to hold no reference (`_may_refer`), so that the tree need
    not be walked for one."""
    import re._compiler as sre_compile
    import re._parser as sre_parse

    items = list(tree)
    if not items or may_refer and _refers_to_groups(items):
        return None, _MAX
    if not _scanned(tree, flags):  # re tries the pattern at every position: a scout finds where
        k = 0
        while k < len(items) - 1 and _zero_width(items[k : k + 1]):
            k += 1  # '\\b(?:lower|higher)...': the rest opens every match, where it opens
        if k and _scanned(sre_parse.SubPattern(tree.state, items[k:]), flags):
            return sre_compile.compile(sre_parse.SubPattern(tree.state, items[k:]), flags), 0
        scout = _scout(tree, flags)
        if scout is not None:
            return scout, 0
    for k in range(1, len(items)):
        head = sre_parse.SubPattern(tree.state, items[:k])
        lo, hi = head.getwidth()
        if lo == hi or not _opens_with_literal(items[k:]):
            continue
        rest = sre_parse.SubPattern(tree.state, items[k:])
        return sre_compile.compile(rest, flags), hi if hi < sre_parse.MAXREPEAT else _MAX
    return None, _MAX


def _zero_width(items: list) -> bool:
    """Are the items all zero-width assertions (`\\b`, `^`, look-aheads and look-behinds)?"""
    import re._constants as c

    return all(op in (c.AT, c.ASSERT, c.ASSERT_NOT) for op, _av in items)


def _scanned(tree, flags: int) -> bool:
    """Does re find where the parsed pattern may match by scanning for its literal prefix or for
    the first characters of an alternation whose branches each open with a literal (re._compiler's
    own tests), rather than by trying it at every position? (A class such as `[\\w-]` is also
    scanned for, to no gain: no.)"""
    import re._compiler as sre_compile
    import re._constants as c

    items = list(tree)
    while items and items[0][0] is c.SUBPATTERN:
        items = list(items[0][1][3])
    if not items or items[0][0] not in (c.LITERAL, c.BRANCH):
        return False
    try:
        return bool(sre_compile._get_literal_prefix(tree, flags)[0] or sre_compile._get_charset_prefix(tree, flags))
    except Exception:  # noqa: BLE001 - another Python's internals: no claim
        return False


def _scout(tree, flags: int) -> re.Pattern | None:
    """A pattern that matches wherever the parsed pattern does (a prefix of each of its matches)
    and that re finds by scanning for its first characters: the pattern's openings, read off it
    (`_heads`: '(?<![\\w-])(?:(?:serum|plasma)\\s+){0,3}(?:ferritin|zinc)' opens with 'serum\\s+',
    'plasma\\s+', 'ferritin' or 'zinc'), each cut after a few characters, in one alternation.
    None where an opening is not a literal (a class, a wildcard) or there are too many."""
    import re._compiler as sre_compile
    import re._constants as c
    import re._parser as sre_parse

    try:
        heads = _heads(list(tree))
    except RecursionError:  # (a deeply nested pattern: no claim)
        return None
    if not heads:
        return None
    alts = [sre_parse.SubPattern(tree.state, _cut(tree.state, h)) for h in heads]
    scout = sre_parse.SubPattern(tree.state, [(c.BRANCH, (None, alts))] if len(alts) > 1 else list(alts[0]))
    if not _scanned(scout, flags):
        return None
    try:
        return sre_compile.compile(scout, flags)
    except Exception:  # noqa: BLE001 - (a part re compiles only in its place: no scout)
        return None


_MAX_HEADS = 256  # openings a scout may hold


def _heads(items: list) -> list[list] | None:
    """The openings of the item sequence: item sequences, each opening with a literal, one of
    which matches at the start of (a prefix of) every match; None where there is none such."""
    import re._constants as c

    i = 0
    while i < len(items) and items[i][0] in (c.AT, c.ASSERT, c.ASSERT_NOT):
        i += 1  # zero-width: the match starts where what follows does
    items = items[i:]
    if not items:
        return None
    op, av = items[0]
    if op is c.LITERAL:
        return [items]
    if op is c.SUBPATTERN and not av[1] and not av[2]:
        return _heads(list(av[3]) + items[1:])
    if op is c.BRANCH:
        parts = [_heads(list(alt) + items[1:]) for alt in av[1]]
    elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        parts = [_heads(list(av[2]))] + ([] if av[0] >= 1 else [_heads(items[1:])])
    else:
        return None
    if any(p is None for p in parts) or sum(map(len, parts)) > _MAX_HEADS:
        return None
    return [h for p in parts for h in p]


def _cut(state, head: list) -> list:
    """An opening cut after its first items once they match a few characters or before a large
    item (a long alternation the scout need not spell again): what it matches opens the match."""
    import re._parser as sre_parse

    out: list = []
    width = 0
    for item in head:
        if out and (width >= _CUT_WIDTH or len(repr(item)) > _CUT_SIZE):
            break
        out.append(item)
        width += sre_parse.SubPattern(state, [item]).getwidth()[0]
    return out


_CUT_WIDTH, _CUT_SIZE = 6, 2000  # characters an opening matches at least; the size of an item kept in it


def _opens_with_literal(items: list) -> bool:
    """Does every match of the item sequence open with a literal character (zero-width
    assertions before it aside): re then scans for it instead of trying each position."""
    import re._constants as c

    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.LITERAL:
            return True
        if op is c.SUBPATTERN:
            return _opens_with_literal(list(av[-1]))
        if op is c.BRANCH:
            return all(_opens_with_literal(list(b)) for b in av[1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            return av[0] >= 1 and _opens_with_literal(list(av[2]))
        return False
    return False


def _may_refer(source: str) -> bool:
    """Can a pattern source refer to a group? Only by `(?P=name)`, a conditional `(?(...)` or a
    backslash and a digit (`\\1`; an escaped backslash before a digit answers yes too, to be safe)."""
    return "(?P=" in source or "(?(" in source or re.search(r"\\[0-9]", source) is not None


def _refers_to_groups(items) -> bool:
    """Is there a back-reference or a conditional on a group among the items (at any depth)?"""
    import re._constants as c

    def nested(av) -> bool:
        if hasattr(av, "data"):  # a SubPattern
            return _refers_to_groups(av.data)
        return isinstance(av, (tuple, list)) and any(nested(x) for x in av)

    return any(
        op in (c.GROUPREF, c.GROUPREF_EXISTS, c.GROUPREF_IGNORE, c.GROUPREF_LOC_IGNORE, c.GROUPREF_UNI_IGNORE)
        or nested(av)
        for op, av in items
    )


def required_words(tree) -> tuple[str, ...] | False:
    """The literal strings one of which every match of a twin holds (`base._required`: a
    mandatory alternation of cue words, a literal run), where re cannot find where a match
    starts by itself: the twin opens with something other than a literal (a `\\b`, a look-behind,
    an optional or varying part) and re then tries it at every position of the text. A text
    holding none of them (substring tests, far cheaper than that scan) holds no match. False
    where there are none of 3 characters or more, or the twin opens with a literal."""
    import re._constants as c

    from kg.extract.base import _required

    items = list(tree)
    if not items or items[0][0] is c.LITERAL:
        return False
    try:
        words = _required(items)
    except RecursionError:  # (a deeply nested pattern: no claim)
        return False
    if not words or min(map(len, words)) < 3 or len(words) > _MAX_WORDS:
        return False
    return tuple(sorted(words, key=len))


_MAX_WORDS = 24  # more words than this cost more substring tests than the scan they would spare


def _holds_one(low: str, words: tuple[str, ...]) -> bool:
    for w in words:
        if w in low:
            return True
    return False


class Scouted:
    """A case-sensitive pattern searched where its scout finds an opening (`anchor_of` with reach
    0, as `Folded._scouted` does on the lowered text): re tries a pattern that opens with `\\b`, a
    look-behind or an optional part at every position. The scout is read off the pattern when it
    is first searched; a pattern without one is then searched by re itself (its own methods take
    the place of these). Everything else is the pattern's own."""

    def __init__(self, rx: re.Pattern) -> None:
        self.rx, self.anchor = rx, None
        for name in _DELEGATED:  # the pattern's own, read as attributes (see Folded)
            setattr(self, name, getattr(rx, name))

    def _ready(self) -> None:
        """Read the scout; the methods searched from now on: the scouted ones, or the pattern's."""
        import re._parser as sre_parse

        rx, anchor = self.rx, None
        try:
            tree = sre_parse.parse(rx.pattern, int(rx.flags))
            if tree.getwidth()[0] > 0:
                anchor, reach = anchor_of(tree, int(rx.flags), _may_refer(rx.pattern))
                anchor = anchor if reach == 0 else None
        except Exception:  # noqa: BLE001 - a pattern the parser reads otherwise: re searches it
            anchor = None
        if anchor is None:
            self.search, self.finditer, self.findall = rx.search, rx.finditer, rx.findall
        else:
            self.anchor = anchor
            self.search, self.finditer, self.findall = self._search, self._finditer, self._findall

    def search(self, string: str, pos: int = 0, endpos: int = _MAX) -> re.Match | None:
        self._ready()
        return self.search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = _MAX) -> Iterator[re.Match]:
        self._ready()
        return self.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = _MAX) -> list:
        self._ready()
        return self.findall(string, pos, endpos)

    def _search(self, string: str, pos: int = 0, endpos: int = _MAX) -> re.Match | None:
        anchor, rx = self.anchor, self.rx
        while (a := anchor.search(string, pos, endpos)) is not None:
            found = rx.match(string, a.start(), endpos)
            if found is not None:
                return found
            pos = a.start() + 1
        return None

    def _finditer(self, string: str, pos: int = 0, endpos: int = _MAX) -> Iterator[re.Match]:
        while (m := self._search(string, pos, endpos)) is not None:
            yield m
            pos = m.end()  # never empty: a pattern with a scout matches a character at least

    def _findall(self, string: str, pos: int = 0, endpos: int = _MAX) -> list:
        groups = self.rx.groups
        return [m.group() if groups == 0 else m.group(1) or "" if groups == 1 else m.groups("")
                for m in self._finditer(string, pos, endpos)]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.rx, name)

    def __repr__(self) -> str:
        return f"Scouted({self.rx!r})"


def folded(rx: Any) -> Any:
    """`rx` as a `Folded` pattern where it is a compiled IGNORECASE pattern whose lowered twin
    matches the same (`lowered_source`); a case-sensitive one as a `Scouted` pattern; anything
    else as it is."""
    if not isinstance(rx, re.Pattern) or not isinstance(rx.pattern, str):
        return rx
    if not rx.flags & re.IGNORECASE:
        return Scouted(rx)
    source = lowered_source(rx.pattern)
    if source is None:
        opened = case_sensitive_parts_opened(rx.pattern)
        source = lowered_source(opened) if opened is not None else None
    if source is None:
        return rx
    return Folded(rx, source)


def case_sensitive_parts_opened(pattern: str) -> str | None:
    """The pattern with its case-sensitive groups `(?-i:...)` made case-insensitive like the rest
    ('(?-i:[A-Z][a-z]+)' → '(?:[A-Z][a-z]+)'), or None where it has none or where that could keep
    it from matching somewhere it matched: a group holding a negated class, a negative look-around
    or other inline flags, a group inside a negative look-around. What a group matches
    case-sensitively it matches under IGNORECASE, so the pattern so opened matches at every
    position where the pattern does (and at a few more: a twin read off it finds where to try the
    pattern itself, `Folded`)."""
    at = _syntax_positions(pattern)
    groups = [i for i in at if pattern.startswith("(?-i:", i)]
    if not groups:
        return None
    for i in groups:
        e = _group_end(pattern, i, at)
        inner = pattern[i + 1 : e] if e is not None else ""
        if e is None or any(x in inner for x in ("[^", "(?!", "(?<!", "(?i", "(?-", "(?a", "(?L", "(?u")):
            return None
    for i in at:  # a negative look-around around a group: the opened one could fail it
        if pattern.startswith("(?!", i) or pattern.startswith("(?<!", i):
            e = _group_end(pattern, i, at)
            if e is None or any(i < g < e for g in groups):
                return None
    out, last = [], 0
    for i in groups:
        out += [pattern[last:i], "(?:"]
        last = i + len("(?-i:")
    return "".join(out) + pattern[last:]


def _class_close(pattern: str, i: int) -> int:
    """The index of the `]` that closes the character class opening at pattern[i] (a `]` first
    in the class, after an optional `^`, is a member), or len(pattern) when none does."""
    k, n = i + 1, len(pattern)
    if pattern[k : k + 1] == "^":
        k += 1
    if pattern[k : k + 1] == "]":
        k += 1
    while k < n and pattern[k] != "]":
        k += 2 if pattern[k] == "\\" else 1
    return k


def _syntax_positions(pattern: str) -> list[int]:
    """The indices of the pattern's characters that are neither escaped nor inside a class."""
    out: list[int] = []
    k, n = 0, len(pattern)
    while k < n:
        ch = pattern[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            k = _class_close(pattern, k) + 1
            continue
        out.append(k)
        k += 1
    return out


def _group_end(pattern: str, i: int, at: list[int]) -> int | None:
    """The index of the `)` that closes the group opening at pattern[i] (`at`: its syntax positions)."""
    depth = 0
    for k in at:
        if k < i:
            continue
        if pattern[k] == "(":
            depth += 1
        elif pattern[k] == ")":
            depth -= 1
            if depth == 0:
                return k
    return None


def regrouped(pattern: str) -> str:
    """A pattern that matches at the same positions as `pattern` (not necessarily the same
    text), every alternation's branches grouped by first letter (`base.alternation`), the ones
    that open otherwise first: whether a backtracking engine finds a match at a position does
    not depend on the order it tries alternatives in. The pattern itself where an atomic group
    or a possessive quantifier (whose first success is final) is in it."""
    if "(?>" in pattern or re.search(r"(?<!\\)[*+?}]\+", pattern):
        return pattern
    out, end = _regroup(pattern, 0)
    return out if end == len(pattern) else pattern


def _regroup(p: str, i: int) -> tuple[str, int]:
    """The alternation from p[i] up to the `)` that closes its group (or the end), regrouped;
    and the index of that `)`."""
    branches: list[str] = []
    cur: list[str] = []
    n = len(p)
    while i < n:
        ch = p[i]
        if ch == "\\":
            cur.append(p[i : i + 2])
            i += 2
        elif ch == "[":
            j = _class_close(p, i)
            cur.append(p[i : j + 1])
            i = j + 1
        elif ch == "(":
            j = i + 1
            if p.startswith("?P<", j):
                j = p.index(">", j) + 1
            elif p.startswith("?<=", j) or p.startswith("?<!", j):
                j += 3
            elif p.startswith("?#", j):
                j = p.index(")", j)
                cur.append(p[i : j + 1])
                i = j + 1
                continue
            elif p.startswith("?", j):
                j += 1
                while j < n and p[j] not in ":)=!":
                    j += 1
                j += 1
            inner, k = _regroup(p, j)
            cur.append(p[i:j] + inner + ")")
            i = k + 1
        elif ch == ")":
            break
        elif ch == "|":
            branches.append("".join(cur))
            cur = []
            i += 1
        else:
            cur.append(ch)
            i += 1
    branches.append("".join(cur))
    if len(branches) == 1:
        return branches[0], i
    from kg.extract.base import alternation

    opening = [b for b in branches if not _groupable(b)]
    grouped = [b for b in branches if _groupable(b)]
    if len(opening) >= SPELL_OUT_FROM:  # (a few such branches cost less to try than a longer twin to build)
        spelled = [(b, _spelled_out(b)) for b in opening]
        opening = [b for b, s in spelled if s is None]
        grouped += [x for _b, s in spelled if s is not None for x in s]
    return alternation(opening + grouped, False), i


# Branches that open otherwise than with a letter, in one alternation, from which they are spelled out
# (`_spelled_out`): building every twin (~800 patterns) took ~1.0 s of CPU, ~1.6 s with all spelled out, paid
# once per process; mechanisms' 42 target layouts are where spelling out pays (see there)
SPELL_OUT_FROM = 16


def _spelled_out(branch: str, budget: int = 32) -> list[str] | None:
    """A branch that opens with a group of alternatives, an optional one or a class of a few
    letters ('(?:HDL|LDL)-C', '(?:serum\\s+)?lipids?', '[EP]-selectin') as branches that each
    open with a letter ('HDL-C', 'LDL-C'; 'serum\\s+lipids?', 'lipids?'; 'E-selectin',
    'P-selectin'): re tries a branch that opens otherwise at every position, entering its groups
    (mechanisms' 40 target layouts: most of ~30 µs a sentence), where a letter's group of
    branches is passed over at once on another letter (`base.alternation`). The twin matches
    where it did: `(?:A|B)x` matches what `Ax|Bx` does, `(?:A)?x` what `Ax|x` does. None where
    the branch cannot be spelled out so (a quantifier other than `?`, a class of ranges or
    escapes, an empty alternative) or would make more than `budget` branches."""
    if _groupable(branch):
        return [branch]
    if branch.startswith("(?:"):
        alternatives, close = _group_branches(branch, 3)
        if close < 0:
            return None
        after = branch[close + 1:]
        if after[:1] in ("*", "+", "{"):
            return None
        if after[:1] == "?":
            rest = after[2:] if after[1:2] == "?" else after[1:]
            candidates = [a + rest for a in alternatives] + [rest]
        else:
            candidates = [a + after for a in alternatives]
    elif branch.startswith("[") and not branch.startswith("[^"):
        close = _class_close(branch, 0)
        members, after = branch[1:close], branch[close + 1:]
        if not (members.isascii() and members.isalnum()) or after[:1] in ("?", "*", "+", "{"):
            return None
        candidates = [ch + after for ch in dict.fromkeys(members)]
    else:
        return None
    out: list[str] = []
    for c in candidates:
        spelled = _spelled_out(c, budget - len(out))
        if spelled is None or len(out) + len(spelled) > budget:
            return None
        out += spelled
    return out


def _group_branches(p: str, i: int) -> tuple[list[str], int]:
    """The branches of the group whose contents start at p[i], split at its own `|` (not those
    inside inner groups, classes or escapes: `_syntax_positions`), and the index of the `)` that
    closes it (-1: none)."""
    out, depth, start = [], 0, i
    for k in _syntax_positions(p):
        if k < i:
            continue
        ch = p[k]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return out + [p[start:k]], k
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(p[start:k])
            start = k + 1
    return out + [p[start:]], -1


def _groupable(branch: str) -> bool:
    first = branch[:1]
    return first.isascii() and first.isalnum() and branch[1:2] not in ("?", "*", "+", "{")


def fold_all(value: Any) -> Any:
    """`folded` applied to every compiled pattern in a dict, list or tuple of them (nested),
    as the extractors load their patterns; other values kept."""
    if isinstance(value, dict):
        return {k: fold_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [fold_all(v) for v in value]
    if isinstance(value, tuple):
        items = [fold_all(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)  # a NamedTuple keeps its type
    if dataclasses.is_dataclass(value) and not isinstance(value, type):  # (endpoints' cues: left unfolded before)
        return dataclasses.replace(value, **{f.name: fold_all(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    return folded(value)


def folding(loader: Callable[[], Any]) -> Callable[[], Any]:
    """A pattern loader whose compiled patterns come back `folded` (`fold_all`): put it under
    the loader's cache decorator, so that the folded patterns are the ones kept."""

    @functools.wraps(loader)
    def load() -> Any:
        return fold_all(loader())

    return load
