"""Text on its way to spaCy, made safe: bounded time on any text, any length, exact offsets.

Two things in real files hurt spaCy's tokenizer and pipeline:
- long runs of punctuation (`[[[[`, `((((`, `____`, `====`, `****`): the tokenizer peels
  prefixes and suffixes one character at a time and searches the rest again, so its time
  grows with the square of the run (2,000 characters: 0.3 s; 8,000: minutes);
- texts over `nlp.max_length` (1,000,000 characters), which spaCy refuses (E088).

`spacy_text` replaces each long run (and cuts any whitespace-free stretch that no word
reaches) by spaces of the same length, so every offset into the text spaCy sees is an
offset into `Document.text`; evidence quotes are taken from `Document.text`, never from
spaCy's copy. `parse` reads a text longer than `max_length` in pieces that end on a
paragraph, sentence or line boundary and joins the pieces into one `Doc` whose text is
the whole text, character for character.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

# A run of this many punctuation characters (or underscores) is no word: it goes to spaCy as spaces.
PUNCT_RUN = 24
# A whitespace-free stretch longer than this gets a space every LONG_TOKEN characters.
LONG_TOKEN = 1000
# Pieces of a long text are at most this long (spaCy's own default limit is 1,000,000).
PIECE = 200_000

# Stretches of neither spaces nor ASCII letters or digits: where a punctuation run can be (with
# symbols, superscripts ¹²³ and the like, which the tokenizer peels off as suffixes too).
_CANDIDATE = re.compile(rf"[^\sA-Za-z0-9]{{{PUNCT_RUN},}}")
_LONG = re.compile(rf"\S{{{LONG_TOKEN + 1},}}")


def spacy_text(text: str) -> str:
    """`text` with long punctuation runs blanked and overlong tokens cut, of the same length."""
    if not _CANDIDATE.search(text) and not _LONG.search(text):
        return text
    out = _CANDIDATE.sub(_blank_runs, text)
    return _LONG.sub(_cut, out)


def _blank_runs(m: re.Match) -> str:
    """Spaces for each stretch of PUNCT_RUN or more characters that are not letters (so CJK or
    Greek text, which has letters, stays as it is)."""
    s = m.group(0)
    out, start = [], 0
    for i in range(len(s) + 1):
        if i == len(s) or s[i].isalpha():
            if i - start >= PUNCT_RUN:
                out.append(" " * (i - start))
            else:
                out.append(s[start:i])
            if i < len(s):
                out.append(s[i])
            start = i + 1
    return "".join(out)


def _cut(m: re.Match) -> str:
    s = m.group(0)
    return "".join(s[i:i + LONG_TOKEN - 1] + " " for i in range(0, len(s), LONG_TOKEN))[: len(s)]


def pieces(text: str, size: int = PIECE) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces covering `text`, each at most `size` long, cut after a
    paragraph break where there is one in the second half, else a sentence end, a line
    break, a space, or (a text without any) at `size`."""
    out = []
    start, n = 0, len(text)
    while n - start > size:
        lo, hi = start + size // 2, start + size
        cut = -1
        for rx in (r"\n[ \t]*\n", r"[.!?][\"')\]]?\s", r"\n", r"\s"):
            last = None
            for m in re.finditer(rx, text[lo:hi]):
                last = m
            if last is not None:
                cut = lo + last.end()
                break
        if cut <= start:
            cut = hi
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


_TEXT_KEY = "kg.text"  # where parse() leaves the text the Doc holds (Doc.user_data)


def parse(nlp, text: str):
    """The spaCy Doc of `text` (made safe), over its whole length, whatever that length."""
    from spacy.tokens import Doc

    safe = spacy_text(text)
    if len(safe) <= nlp.max_length:
        doc = nlp.make_doc(safe)  # the tokenizer keeps every character: its text is `safe`
        doc.user_data[_TEXT_KEY] = safe
        return nlp(doc)
    docs = [nlp(safe[a:b]) for a, b in pieces(safe)]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != safe:  # never expected; offsets would be wrong, so refuse rather than go on
        raise ValueError("joining the pieces of a long text changed it")
    doc.user_data[_TEXT_KEY] = safe
    return doc


def doc_text(doc) -> str:
    """`doc.text` as parse() left it in the Doc: spaCy joins a Python Token per token on every
    access (~40 ms for a full paper). Not stored on other Docs (a piece of a long text: merging
    the pieces would warn of the unknown user data)."""
    text = doc.user_data.get(_TEXT_KEY)
    return doc.text if text is None else text


def safe_pipe(nlp, items: Iterable[tuple[str, Any]],
              on_error: Callable[[Any, Exception], None] | None = None) -> Iterator[tuple[Any, Any]]:
    """Like `nlp.pipe(items, as_tuples=True)`, but each text made safe, read in pieces when long,
    and a failure reported for its own item (`on_error(context, exception)`) without ending
    the others."""
    for text, context in items:
        try:
            doc = parse(nlp, text)
        except Exception as e:  # noqa: BLE001 - one text must not stop the batch
            if on_error is None:
                raise
            on_error(context, e)
            continue
        yield doc, context
