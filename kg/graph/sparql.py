"""What kg needs to know about a SPARQL query's text before running it, and its results as rdflib's.

The checks read the query as SPARQL's lexer would: `\\u` escapes decoded first (SPARQL
applies them to the whole query), then comments, strings and IRIs set aside, so a keyword
is found only where it is a keyword, and hidden forms of it are found too.
"""

from __future__ import annotations

import functools
import re


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(escapes, what may hold a keyword's letters harmlessly, SERVICE, FROM), compiled on first
    use: compiling them was ~3 ms of every `kg query` and `kg text`, and most queries never need
    them (see _may_name)."""
    escape = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
    # strings (long and short, both quotes), IRIs, comments
    skip = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|'
                      r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*', re.S)
    service = re.compile(r"(?<![\w?$:])SERVICE(?![\w:-])", re.I)
    from_ = re.compile(r"(?<![\w?$:])FROM(?![\w:-])", re.I)
    return escape, skip, service, from_


def _codepoint(m: re.Match) -> str:
    try:
        return chr(int(m.group(1) or m.group(2), 16))
    except (ValueError, OverflowError):
        return m.group(0)


def keywords_text(sparql: str) -> str:
    """The query with escapes decoded and strings, IRIs and comments blanked."""
    escape, skip, _service, _from = _patterns()
    return skip.sub(" ", escape.sub(_codepoint, sparql))


def _may_name(sparql: str, keyword: str) -> bool:
    """False when an ASCII query cannot hold the keyword: neither its letters (in any case) nor
    a \\u or \\U escape, which could spell them. Then the lexer's reading is not needed. (Other
    text is read: the patterns ignore case as Unicode does, where 'ſ' is an 's'.)"""
    return not sparql.isascii() or "\\u" in sparql or "\\U" in sparql or keyword in sparql.lower()


def uses_service(sparql: str) -> bool:
    """True when the query has a SERVICE clause (a request to another server)."""
    return _may_name(sparql, "service") and bool(_patterns()[2].search(keywords_text(sparql)))


def names_dataset(sparql: str) -> bool:
    """True when the query states its own dataset (FROM or FROM NAMED)."""
    return _may_name(sparql, "from") and bool(_patterns()[3].search(keywords_text(sparql)))


def to_rdflib_result(result, _dataset=None):
    """An Oxigraph result as an rdflib Result, as oxrdflib builds it (SELECT rows stay lazy)."""
    import pyoxigraph as ox
    from oxrdflib._converter import from_ox
    from rdflib import Graph, Variable
    from rdflib.query import Result

    if isinstance(result, ox.QueryBoolean):
        out = Result("ASK")
        out.askAnswer = bool(result)
    elif isinstance(result, ox.QuerySolutions):
        out = Result("SELECT")
        out.vars = [Variable(v.value) for v in result.variables]
        out.bindings = ({v: from_ox(val) for v, val in zip(out.vars, solution) if val is not None}
                        for solution in result)
    else:
        out = Result("CONSTRUCT")
        out.graph = Graph()
        out.graph += (from_ox(t) for t in result)
    return out
