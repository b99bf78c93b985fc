"""Bibliographic facts of a PDF article: title, DOI, journal and year.

The title is the first page's largest type unless the info dictionary holds a real one;
the year comes from the running header or footer citation ('BMC Medicine 2014, 12:161',
'J Med Internet Res 2011 | vol. 13'), else from 'Published'/'Accepted'/'Received'/©
lines, and only last from the file's creation date (which is often a later re-issue).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from kg.model import Document
from kg.readers.common import find_dois
from kg.readers.pdf_geometry import Line

_YEAR = re.compile(r"(?<![\d./-])((?:19|20)\d\d)(?![\d/-])")
_DATED = re.compile(r"(?:Published|Accepted|Received|Copyright|©)[^\n]{0,160}?(?<![\d./-])((?:19|20)\d\d)(?!\d)"
                    r"(?:\s*[-–]\s*((?:19|20)\d\d))?",  # a range '2001–2022': its last year
                    re.IGNORECASE)


# A journal's citation line: 'Dodd et al. BMC Medicine 2014, 12:161',
# 'J Med Internet Res 2011 | vol. 13', 'Lancet Respir Med 2014' (abbreviated title words, then the year).
_CITED = re.compile(r"(?:et al\.?\s+)?((?:[A-Z][A-Za-z]*\.?)(?: (?:[A-Z][A-Za-z]*\.?|of|and|&)){0,6}) "
                    r"(?:19|20)\d\d(?:\s*[,;|]|\s+vol\b|\s+Published\b|\s*$)")


def article_journal(header: list[str], front: list[str]) -> str | None:
    """The journal as its running citation names it, from the header or page 1's notes."""
    for line in header:
        m = re.search(r"et al\.?\s+(.+?)\s+((?:19|20)\d\d)\b", line)
        if m:
            return m.group(1).strip(" ,")
    for text in header + [p for block in front for p in block.split("\n\n")]:
        m = _CITED.match(text.strip())
        if m and not re.search(r"Published|Copyright|Received|Accepted", m.group(1)):
            return m.group(1)
    return None


def article_year(header: list[str], text: str, info: dict[str, Any]) -> int | None:
    """The publication year: the running citation's, else a publication date's, else the file's."""
    years: Counter[int] = Counter()
    for line in header:
        line = re.sub(r"\S*(?:https?://|doi|www\.)\S*", " ", line, flags=re.IGNORECASE)
        years.update(int(m.group(1)) for m in _YEAR.finditer(line))
    if years:
        return years.most_common(1)[0][0]
    dated = [int(m.group(2) or m.group(1)) for m in _DATED.finditer(text)]
    if dated:
        return Counter(dated).most_common(1)[0][0]
    m = re.match(r"D:((?:19|20)\d\d)", info_str(info.get("CreationDate")) or "")
    return int(m.group(1)) if m else None

def info_str(value: Any) -> str | None:
    """A PDF info-dict value as clean text (they may be bytes or PDF objects)."""
    if value is None:
        return None
    if isinstance(value, bytes):
        for enc in ("utf-16", "utf-8", "latin-1"):
            try:
                value = value.decode(enc)
                break
            except UnicodeDecodeError:
                continue
    text = " ".join(str(value).split()).strip()
    return text or None



def front_title(lines: list[Line], body: float) -> str | None:
    """The largest type on the first page, in reading order: the article title."""
    if not lines:
        return None
    big = max(ln.size for ln in lines)
    if big < 1.25 * body:
        return None
    title = [ln.text.strip() for ln in lines if ln.size >= big - 0.5]
    return " ".join(title) or None



def article_doi(doc: Document, info: dict[str, Any], header: list[str]) -> str | None:
    """The article's own DOI: from the info dict, page 1, or any DOI outside the references."""
    for key in ("doi", "DOI", "Subject", "Keywords"):
        found = find_dois(info_str(info.get(key)) or "")
        if found:
            return found[0]
    found = find_dois(" ".join(header))
    if found:
        return found[0]
    outside: list[str] = []
    for m in re.finditer(r"10\.\d{4,9}/\S+", doc.text):
        sec = doc.section_at(m.start())
        dois = find_dois(m.group(0))
        if not dois:
            continue
        if sec is not None and sec.kind in ("front", "boilerplate"):
            return dois[0]  # page 1, or the 'Cite this article' box
        if sec is None or sec.kind != "references":
            outside.append(dois[0])
    return outside[0] if outside else None

