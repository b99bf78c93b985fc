"""SPARQL for the editor without a tree-sitter grammar: a regex highlighter and completion.

`highlights(line)` gives (start, end, style name) character ranges, the style names being
those of Textual's TextArea themes. `complete(before_cursor, vocabulary)` gives the word
being typed and the candidates to replace it with: prefix declarations after PREFIX,
classes/properties/concepts after `prefix:`, variables after `?`, keywords and prefixes
for a bare word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KEYWORDS = (
    "SELECT", "DISTINCT", "REDUCED", "WHERE", "FILTER", "OPTIONAL", "UNION", "MINUS", "GRAPH", "SERVICE", "BIND",
    "VALUES", "ORDER", "BY", "ASC", "DESC", "GROUP", "HAVING", "LIMIT", "OFFSET", "PREFIX", "BASE", "ASK",
    "CONSTRUCT", "DESCRIBE", "FROM", "NAMED", "AS", "NOT", "EXISTS", "IN", "COUNT", "SUM", "MIN", "MAX", "AVG",
    "SAMPLE", "GROUP_CONCAT", "SEPARATOR", "STR", "LANG", "LANGMATCHES", "DATATYPE", "BOUND", "IRI", "URI",
    "BNODE", "RAND", "ABS", "CEIL", "FLOOR", "ROUND", "CONCAT", "STRLEN", "UCASE", "LCASE", "ENCODE_FOR_URI",
    "CONTAINS", "STRSTARTS", "STRENDS", "STRBEFORE", "STRAFTER", "YEAR", "MONTH", "DAY", "NOW", "COALESCE", "IF",
    "STRLANG", "STRDT", "SAMETERM", "ISIRI", "ISURI", "ISBLANK", "ISLITERAL", "ISNUMERIC", "REGEX", "REPLACE",
    "SUBSTR", "TRUE", "FALSE",
)
_KEYWORD_SET = {k.casefold() for k in KEYWORDS} | {"a"}

_TOKEN = re.compile(r"""
    (?P<comment>\#.*)
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<string>"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)
  | (?P<variable>[?$][A-Za-z_0-9]+)
  | (?P<pname>(?:[A-Za-z][\w.-]*)?:[\w.-]*)
  | (?P<number>\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)
  | (?P<word>\b[A-Za-z_][A-Za-z_0-9]*\b)
""", re.VERBOSE)
# TextArea theme style names for each token kind
STYLE = {"comment": "comment", "iri": "tag", "string": "string", "variable": "type.builtin", "pname": "function",
         "number": "number", "keyword": "keyword"}


def highlights(line: str) -> list[tuple[int, int, str]]:
    """(start, end, style) character ranges of one line's tokens."""
    out = []
    for m in _TOKEN.finditer(line):
        kind = m.lastgroup or ""
        if kind == "word":
            if m.group().casefold() not in _KEYWORD_SET:
                continue
            kind = "keyword"
        out.append((m.start(), m.end(), STYLE[kind]))
    return out


@dataclass(frozen=True)
class Candidate:
    """A completion: the text that replaces the word typed, and what it is."""

    text: str
    kind: str  # keyword, prefix, class, property, concept, variable


@dataclass
class Vocab:
    """Names the editor completes: prefixes and prefixed classes, properties, concepts."""

    prefixes: dict[str, str]
    classes: list[str]
    properties: list[str]
    concepts: list[str]

    @classmethod
    def of(cls, vocabulary) -> Vocab:
        """The editor's vocabulary from the app's loaded graph vocabulary."""
        return cls(vocabulary.prefixes, vocabulary.classes, vocabulary.properties, vocabulary.concepts)


def complete(before: str, vocab: Vocab, text: str = "", *, force: bool = False,
             limit: int = 40) -> tuple[str, list[Candidate]]:
    """(the word being typed, candidates to replace it) for the text before the cursor.

    `text` is the whole query (for its variables); `force` completes a bare word of any length
    (ctrl+space), otherwise a bare word needs two letters.
    """
    if _in_comment_or_string(before.rsplit("\n", 1)[-1]):
        return "", []
    if (m := re.search(r"(?i)\bPREFIX\s+([\w.-]*)$", before)):
        word = m.group(1)
        return word, [Candidate(f"{p}: <{iri}>", "prefix") for p, iri in vocab.prefixes.items()
                      if p.startswith(word.lower())][:limit]
    if (m := re.search(r"(?<![\w<\"'])((?:[A-Za-z][\w-]*)?:[\w.-]*)$", before)):
        word = m.group(1)
        after_a = bool(re.search(r"(?:\ba|rdf:type)\s+$", before[: -len(word)] if word else before))
        pools = [("property", vocab.properties), ("class", vocab.classes), ("concept", vocab.concepts)]
        if after_a:  # `?x a kg:` wants a class
            pools = [pools[1], pools[2], pools[0]]
        low = word.casefold()
        cands = [Candidate(n, kind) for kind, names in pools for n in names
                 if n.casefold().startswith(low) and n != word]
        return word, cands[:limit]
    if (m := re.search(r"([?$][A-Za-z_0-9]*)$", before)):
        word = m.group(1)
        seen = dict.fromkeys(v for v in re.findall(r"[?$][A-Za-z_0-9]+", text) if v != word)
        return word, [Candidate(v, "variable") for v in seen if v[1:].startswith(word[1:])][:limit]
    if (m := re.search(r"(?<![\w:?$<\"'#/.])([A-Za-z_]\w*)$", before)) and (force or len(m.group(1)) >= 2):
        word = m.group(1)
        low = word.casefold()
        kw = [Candidate(k.lower() if word.islower() else k, "keyword") for k in KEYWORDS
              if k.casefold().startswith(low) and k.casefold() != low]
        pre = [Candidate(f"{p}:", "prefix") for p in vocab.prefixes if p.startswith(low)]
        return word, (kw + pre)[:limit]
    return "", []


def _in_comment_or_string(line: str) -> bool:
    """Is the end of this line inside a comment, or an unterminated string?"""
    for start, end, style in highlights(line):
        if style == "comment":
            return True
        if style == "string" and end == len(line):
            tok = line[start:end]
            if len(tok) == 1 or tok[-1] != tok[0] or tok.endswith("\\" + tok[0]):
                return True
    return False
