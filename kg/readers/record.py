"""Library catalogue records: a key/value export of a VuFind/Solr record (DOAJ and alike).

The record's text is kept unchanged (offsets index the file). Bibliographic facts come
from its fields (`title`, `author`, `container_title`, `issn`, `publishDate`, ...); the
abstract (`description`) is the one part mined for trial facts. The same abstract is
repeated in other fields (a truncated teaser, the concatenated `spelling` field): those
copies are marked as duplicate spans so that each fact is taken once.
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.model import Document, Metadata, Section
from kg.readers import decode_utf8, doc_id, load_bytes
from kg.readers.common import abstract_parts, find_dois, find_registry_ids

# Solr field names as exported: lower-case identifiers, with underscores or camelCase.
_FIELD = re.compile(r"^(_?[a-z][A-Za-z0-9_]*) (.*)$")
_KNOWN = {
    "author", "author_facet", "author_sort", "author2", "collection", "container_title", "description",
    "format", "id", "institution", "issn", "language", "publishDate", "publisher", "record_format",
    "spelling", "spellingShingle", "title", "title_full", "title_fullStr", "title_full_unstemmed",
    "title_short", "title_sort", "url", "work_keys_str_mv", "_version_", "topic", "topic_facet",
    "doi_str_mv", "container_volume", "container_issue", "container_start_page", "series", "isbn",
    "oclc_num", "physical", "dateSpan", "building", "contents", "edition", "genre", "hierarchytype",
}


def looks_like_record(head: bytes) -> bool:
    """True for a catalogue export: several known Solr field lines near the start."""
    try:
        text = head.decode("utf-8", errors="ignore")
    except Exception:  # noqa: BLE001 - sniffing never fails
        return False
    keys = {m.group(1) for m in re.finditer(r"(?m)^(_?[a-z][A-Za-z0-9_]*) ", text)}
    return len(keys & _KNOWN) >= 4


def parse_fields(text: str) -> list[tuple[str, int, int]]:
    """Fields as (name, value_start, value_end); continuation lines belong to the field above."""
    fields: list[tuple[str, int, int]] = []
    pos = 0
    current: list | None = None
    for line in text.split("\n"):
        m = _FIELD.match(line)
        if m and m.group(1) in _KNOWN:
            if current:
                fields.append(tuple(current))  # type: ignore[arg-type]
            vs = pos + len(m.group(1)) + 1
            current = [m.group(1), vs, pos + len(line)]
        elif current is not None and line.strip():
            current[2] = pos + len(line)
        elif current is not None:
            fields.append(tuple(current))  # type: ignore[arg-type]
            current = None
        pos += len(line) + 1
    if current:
        fields.append(tuple(current))  # type: ignore[arg-type]
    return fields


def read_record(path: Path) -> Document:
    """Read a catalogue record: metadata from its fields, the abstract as the minable text."""
    data, sha = load_bytes(path)
    text = decode_utf8(path, data)
    fields = parse_fields(text)
    if not fields:
        from kg.errors import ReaderError

        raise ReaderError(str(path), "no catalogue fields found (expected lines like 'title ...')")
    values: dict[str, list[str]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for name, s, e in fields:
        values.setdefault(name, []).append(text[s:e])
        spans.setdefault(name, []).append((s, e))

    doc = Document(id=doc_id(path), source_path=str(path), sha256=sha, text=text, kind="record")
    doc.metadata = _metadata(text, values)
    doc.sections = _sections(text, fields, spans, doc.metadata.title)
    doc.duplicate_spans = _duplicates(text, spans, doc.metadata.title)
    return doc


def _first(values: dict[str, list[str]], *names: str) -> str | None:
    for n in names:
        for v in values.get(n, []):
            if v.strip():
                return v.strip()
    return None


def _metadata(text: str, values: dict[str, list[str]]) -> Metadata:
    """Bibliographic facts from the record's own fields."""
    meta = Metadata()
    meta.title = _first(values, "title", "title_full", "title_short")
    author_field = _first(values, "author") or ""
    meta.authors = [a.strip() for a in author_field.split("\n") if a.strip()]
    meta.journal = _first(values, "container_title")
    meta.issn = _first(values, "issn")
    meta.publisher = _first(values, "publisher")
    meta.url = _first(values, "url")
    date = _first(values, "publishDate")
    if date:
        meta.date = date
        m = re.match(r"(\d{4})", date)
        meta.year = int(m.group(1)) if m else None
    meta.doi = _doi(values, meta.title)
    meta.registry_ids = find_registry_ids(_first(values, "description") or "")
    return meta


def _doi(values: dict[str, list[str]], title: str | None) -> str | None:
    """The DOI, often glued to the next field's text inside a concatenated field."""
    for name in ("doi_str_mv", "spelling", "url", "description"):
        for v in values.get(name, []):
            for doi in find_dois(v):
                if title and title[:20] in doi:
                    doi = doi[: doi.index(title[:20])]
                # a glued capitalised word ("...003500Induction") is not part of a DOI
                doi = re.split(r"(?<=[0-9a-z])(?=[A-Z][a-z]{2,})", doi)[0]
                return doi.rstrip(".")
    return None


def _sections(text: str, fields: list[tuple[str, int, int]], spans: dict[str, list[tuple[int, int]]],
              title: str | None) -> list[Section]:
    """The first title line and the description are minable; every field is metadata."""
    out: list[Section] = []
    first_field = fields[0][1] if fields else len(text)
    head_end = text.find("\n")
    if title and text[:head_end].strip() == title:
        out.append(Section("Title", 0, head_end, "title"))
    # the teaser and the interface labels before the first field: not minable
    header_end = _line_start(text, first_field)
    if max(head_end, 0) < header_end:  # (none when the record opens with a field: found by tests/test_fuzz.py)
        out.append(Section("Record header", max(head_end, 0), header_end, "metadata"))
    for name, s, e in fields:
        if name == "description":
            out.append(Section("Abstract", s, e, "abstract"))
            out.extend(abstract_parts(text, s, e))
        else:
            out.append(Section(name, _line_start(text, s), e, "metadata"))
    return sorted(out, key=lambda x: (x.start, -x.end))


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _duplicates(text: str, spans: dict[str, list[tuple[int, int]]], title: str | None) -> list[tuple[int, int]]:
    """Every copy of the abstract other than the description field itself."""
    desc = spans.get("description", [])
    if not desc:
        return []
    s, e = desc[0]
    abstract = text[s:e]
    out = []
    probe = abstract[:80]
    pos = text.find(probe)
    while pos != -1:
        if pos != s:
            out.append((pos, pos + len(abstract)))
        pos = text.find(probe, pos + 1)
    return out
