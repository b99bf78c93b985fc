"""PMC JATS XML articles, through lxml with a parser that cannot be turned against us.

JATS already says what each piece of text is, so the reader only lays it out: title,
abstract(s), body sections under their titles (nested too), lists, figure captions and
tables (caption line, tab-separated rows, footnotes) in document order, back matter, the
reference list, and floats. Offsets of sections, tables and cells index the text built.

Security: the parser never loads a DTD, never touches the network, never expands
entities and refuses huge trees; a document that declares an external entity (the XXE
trick: `<!ENTITY x SYSTEM "file:///etc/passwd">`) is rejected before anything is read.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from kg.errors import ReaderError
from kg.model import Document, Metadata, Section, Table
from kg.readers import doc_id, load_bytes
from kg.readers.common import TextBuilder, abstract_parts, find_registry_ids, heading_kind, is_boilerplate

_XLINK = "{http://www.w3.org/1999/xlink}href"
_EXTERNAL_ENTITY = re.compile(rb"<!ENTITY\s+(%\s*)?[^\s>]+\s+(SYSTEM|PUBLIC)\b", re.IGNORECASE)
# Elements laid out as blocks of their own; everything else is inline text.
_BLOCKS = {"sec", "p", "list", "table-wrap", "table-wrap-group", "fig", "fig-group", "disp-quote", "boxed-text",
           "def-list", "supplementary-material", "statement", "speech", "disp-formula-group", "ref-list",
           "fn-group", "glossary", "ack", "app", "app-group", "notes", "verse-group", "preformat"}
_SKIP = {"object-id", "alt-text", "long-desc", "graphic", "media", "inline-graphic", "table-wrap-foot"}
_SPACED = {"surname", "given-names", "prefix", "suffix", "name", "string-name", "collab", "etal", "label", "title",
           "p", "td", "th", "list-item", "term", "def", "aff", "institution", "addr-line", "country"}
_SEC_TYPES = {"intro": "Introduction", "methods": "Methods", "materials|methods": "Methods",
              "results": "Results", "discussion": "Discussion", "conclusions": "Conclusions"}


def _parser() -> etree.XMLParser:
    """A parser that resolves nothing: no DTD, no network, no entities, no huge trees."""
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def read_jats(path: Path) -> Document:
    """Read a JATS article into a Document; malformed or hostile XML is a one-line ReaderError."""
    data, sha = load_bytes(path)
    root = _parse(path, data)
    article = _article(path, root)
    b = _Builder()
    b.layout(article)
    text = "".join(b.parts)
    sections = b.sections
    for sec in [s for s in sections if s.kind == "abstract" and s.name == "Abstract" and not b.structured_abstract]:
        sections.extend(abstract_parts(text, sec.start, sec.end))
    sections.sort(key=lambda s: (s.start, -s.end))
    doc = Document(id=doc_id(path), source_path=str(path), sha256=sha, text=text, kind="jats",
                   sections=sections, tables=b.tables)
    doc.metadata = _metadata(article, text)
    return doc


def _parse(path: Path, data: bytes) -> etree._Element:
    """Parse with the hardened parser; external entities and syntax errors become ReaderErrors."""
    head = data[: data.find(b"<article") if b"<article" in data else len(data)]
    if _EXTERNAL_ENTITY.search(head):
        raise ReaderError(str(path), "external entities are not allowed")
    try:
        tree = etree.fromstring(data, parser=_parser()).getroottree()
    except etree.XMLSyntaxError as e:
        line, col = e.position if e.position else (e.lineno, 0)
        msg = " ".join(str(e.msg or e).split())
        msg = re.sub(r",?\s*line \d+(, column \d+)?$", "", msg)
        raise ReaderError(str(path), f"malformed XML at line {line}, column {col}: {msg}") from None
    except (ValueError, etree.LxmlError) as e:
        raise ReaderError(str(path), f"unreadable XML: {' '.join(str(e).split())[:120]}") from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(ent.system_url for ent in dtd.iterentities()):
        raise ReaderError(str(path), "external entities are not allowed")
    return tree.getroot()


def _local(tag: object) -> str:
    """An element's name without its namespace ('{ns}article' -> 'article'); '' for non-elements."""
    return _local_name(tag) if isinstance(tag, str) else ""


@functools.lru_cache(maxsize=1024)
def _local_name(tag: str) -> str:
    """Made once per tag: a QName per element visited was ~15 % of reading an article."""
    return etree.QName(tag).localname


def _article(path: Path, root: etree._Element) -> etree._Element:
    """The <article> element: the root, or the first one inside a PMC <pmc-articleset>."""
    name = _local(root.tag)
    if name == "article":
        return root
    if name == "pmc-articleset":
        for child in root:
            if _local(child.tag) == "article":
                return child
    raise ReaderError(str(path), f"not a JATS article (root element <{name or root.tag}>)")


def _kids(el: etree._Element, *names: str) -> list[etree._Element]:
    """Child elements with one of the given local names."""
    return [c for c in el if isinstance(c.tag, str) and _local(c.tag) in names]


def _find(el: etree._Element | None, *path: str) -> etree._Element | None:
    """The first descendant along a path of local names (namespace-agnostic)."""
    cur = el
    for name in path:
        if cur is None:
            return None
        cur = next((c for c in cur.iter() if c is not cur and _local(c.tag) == name), None)
    return cur


def _inline(el: etree._Element | None, skip_blocks: bool = True) -> str:
    """An element's text with whitespace collapsed; nested blocks and unresolved entities left out."""
    if el is None:
        return ""
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        """Text, then each child's text and tail, skipping what is not running text."""
        if node.text and isinstance(node.tag, str):
            out.append(node.text)
        for child in node:
            name = _local(child.tag)
            if isinstance(child.tag, str) and name not in _SKIP and not (skip_blocks and name in _BLOCKS):
                spaced = name in _SPACED  # 'Example' + 'A' is two names, not 'ExampleA'
                if spaced and out and out[-1][-1:] not in "([ \n\t":
                    out.append(" ")
                walk(child)
                if spaced and (child.tail or " ")[:1] not in ".,;:)]!? \n\t":
                    out.append(" ")
            if child.tail:
                out.append(child.tail)

    walk(el)
    return " ".join("".join(out).split())


@dataclass
class _Builder(TextBuilder):
    """Accumulates the text, sections and tables as the article is walked in order."""

    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    structured_abstract: bool = False

    def para(self, s: str) -> None:
        """A paragraph; licence and publisher text is marked as boilerplate."""
        if not s:
            return
        start, end = self.put(s)
        if is_boilerplate(s):
            self.sections.append(Section("Boilerplate", start, end, "boilerplate"))

    # ---- the article

    def layout(self, article: etree._Element) -> None:
        """Title, abstracts, body, back matter, then floats: the reading order of the article."""
        meta = _find(article, "front", "article-meta")
        title = _inline(_find(meta, "title-group", "article-title")) if meta is not None else ""
        if title:
            start, end = self.put(title)
            self.sections.append(Section("Title", start, end, "title"))  # read as the title, as in texts
        if meta is not None:
            for ab in _kids(meta, "abstract"):
                if ab.get("abstract-type") not in ("graphical", "teaser", "toc"):
                    self.abstract(ab)
        body = _kids(article, "body")
        for b in body:
            self.blocks(b, "body")
        for back in _kids(article, "back"):
            self.back(back)
        for floats in _kids(article, "floats-group"):
            self.blocks(floats, "body")

    def abstract(self, ab: etree._Element) -> None:
        """An abstract under its own heading; a structured one's parts become sections too."""
        name = _inline(_kids(ab, "title")[0]) if _kids(ab, "title") else "Abstract"
        start, _ = self.put(name)
        for child in ab:
            tag = _local(child.tag)
            if tag == "sec":
                self.structured_abstract = True
                self.sec(child, "abstract")
            elif tag != "title":
                self.block(child, "abstract")
        self.sections.append(Section(name, start, self.pos, "abstract"))

    def back(self, back: etree._Element) -> None:
        """Acknowledgements, notes, appendices and the reference list."""
        for child in back:
            tag = _local(child.tag)
            if tag == "ref-list":
                self.ref_list(child)
            elif tag in ("ack", "notes", "fn-group", "glossary", "app-group", "app", "sec"):
                default = {"ack": "Acknowledgements", "fn-group": "Footnotes", "glossary": "Abbreviations",
                           "notes": "Notes", "app-group": "Appendix", "app": "Appendix"}.get(tag, "")
                kind = "body" if tag in ("app", "app-group") else "backmatter"
                self.sec(child, kind, default_title=default)
            else:
                self.block(child, "backmatter")

    def ref_list(self, el: etree._Element) -> None:
        """The references: one paragraph per <ref>, its label first."""
        titles = _kids(el, "title")
        name = _inline(titles[0]) if titles else "References"
        start, _ = self.put(name)
        for child in el:
            tag = _local(child.tag)
            if tag == "ref":
                label = _inline(_kids(child, "label")[0]) if _kids(child, "label") else ""
                cites = [_inline(c, skip_blocks=False) for c in child if _local(c.tag) != "label"]
                text = " ".join(x for x in [label] + cites if x)
                if text:
                    self.put(text)
            elif tag == "ref-list":
                self.ref_list(child)
        self.sections.append(Section(name, start, self.pos, "references"))

    # ---- sections and blocks

    def sec(self, el: etree._Element, parent_kind: str, default_title: str = "") -> None:
        """A section: its title as a heading, its blocks, nested sections; kinds from the title."""
        titles = _kids(el, "title")
        name = _inline(titles[0]) if titles else ""
        if not name:
            name = _SEC_TYPES.get(el.get("sec-type", ""), default_title)
        kind = parent_kind
        if parent_kind == "body":
            known = heading_kind(name.replace("’", "'")) if name else None
            kind = known or "body"
        start = self.put(name)[0] if name else self.pos + (2 if self.parts else 0)
        for child in el:
            if _local(child.tag) not in ("title", "label"):
                self.block(child, kind)
        if name:
            self.sections.append(Section(name, start, self.pos, kind))

    def blocks(self, el: etree._Element, kind: str) -> None:
        """Each child of a container, as a block."""
        for child in el:
            self.block(child, kind)

    def block(self, el: etree._Element, kind: str) -> None:
        """One block-level element, laid out by its type."""
        if not isinstance(el.tag, str):
            return
        tag = _local(el.tag)
        if tag == "sec":
            self.sec(el, kind)
        elif tag == "p":
            self.para(_inline(el))
            for child in _nested_blocks(el):  # tables, figures, lists set inside a paragraph
                self.block(child, kind)
        elif tag == "list":
            self.list(el, kind)
        elif tag in ("table-wrap", "table-wrap-group"):
            wraps = [el] if tag == "table-wrap" else _kids(el, "table-wrap")
            for w in wraps:
                self.table(w)
        elif tag in ("fig", "fig-group"):
            for fig in [el] if tag == "fig" else _kids(el, "fig"):
                self.figure(fig)
        elif tag == "ref-list":
            self.ref_list(el)
        elif tag in ("boxed-text", "disp-quote", "statement", "app", "app-group", "notes", "ack", "glossary",
                     "fn-group", "speech", "verse-group"):
            if _kids(el, "title") or _kids(el, "sec"):
                self.sec(el, kind)
            else:
                self.blocks(el, kind)
        elif tag == "def-list":
            for item in _kids(el, "def-item"):
                term = _inline(_kids(item, "term")[0]) if _kids(item, "term") else ""
                defs = " ".join(_inline(d) for d in _kids(item, "def"))
                self.para(f"{term}: {defs}" if term else defs)
        elif tag == "supplementary-material":
            label = _inline(_kids(el, "label")[0]) if _kids(el, "label") else ""
            caption = _inline(_kids(el, "caption")[0]) if _kids(el, "caption") else ""
            self.para(" ".join(x for x in (label, caption) if x))
        elif tag in ("title", "label", "object-id", "graphic", "media", "alternatives"):
            return
        else:
            self.para(_inline(el))

    def list(self, el: etree._Element, kind: str) -> None:
        """List items as paragraphs, each with its label or a bullet."""
        ordered = el.get("list-type", "") in ("order", "alpha-lower", "alpha-upper", "roman-lower", "roman-upper")
        for n, item in enumerate(_kids(el, "list-item"), 1):
            label = _inline(_kids(item, "label")[0]) if _kids(item, "label") else (f"{n}." if ordered else "•")
            first = True
            for child in item:
                tag = _local(child.tag)
                if tag == "p" and first:
                    self.para(f"{label} {_inline(child)}".strip())
                    first = False
                elif tag == "list":
                    self.list(child, kind)
                elif tag != "label":
                    self.block(child, kind)
            if first and (item.text or "").strip():
                self.para(f"{label} {_inline(item)}")

    def figure(self, fig: etree._Element) -> None:
        """A figure's label and caption as one paragraph."""
        label = _inline(_kids(fig, "label")[0]) if _kids(fig, "label") else ""
        caption = _inline(_kids(fig, "caption")[0], skip_blocks=False) if _kids(fig, "caption") else ""
        text = " ".join(x for x in (label, caption) if x)
        if text:
            start, end = self.put(text)
            self.sections.append(Section(_short(text), start, end, "figure"))

    def table(self, wrap: etree._Element) -> None:
        """Caption line, one tab-separated line per row, then the table's footnotes."""
        label = _inline(_kids(wrap, "label")[0]) if _kids(wrap, "label") else ""
        caption = _inline(_kids(wrap, "caption")[0], skip_blocks=False) if _kids(wrap, "caption") else ""
        cap = " ".join(x for x in (label, caption) if x) or "Table"
        rows: list[list[str]] = []
        for tr in wrap.iter():
            if _local(tr.tag) == "tr" and not any(_local(a.tag) == "table-wrap-foot" for a in tr.iterancestors()):
                row: list[str] = []
                for cell in tr:
                    if _local(cell.tag) in ("td", "th"):
                        row.append(_inline(cell, skip_blocks=False))
                        row.extend([""] * (_int(cell.get("colspan")) - 1))
                if any(row):
                    rows.append(row)
        notes: list[str] = []
        for foot in _kids(wrap, "table-wrap-foot"):
            for item in foot:
                tag = _local(item.tag)
                if tag == "fn-group":
                    notes.extend(_inline(fn, skip_blocks=False) for fn in _kids(item, "fn"))
                elif tag in ("fn", "p", "attrib"):
                    notes.append(_inline(item, skip_blocks=False))
        self._place_table(cap, rows, [n for n in notes if n])

    def _place_table(self, caption: str, rows: list[list[str]], notes: list[str]) -> None:
        """Write the table text and index every cell and footnote in it."""
        table = self.add_table(caption, rows, notes)
        self.tables.append(table)
        self.sections.append(Section(_short(table.caption), table.start, table.end, "table"))


def _nested_blocks(el: etree._Element) -> list[etree._Element]:
    """Block elements inside an inline context, outermost first, in document order."""
    out: list[etree._Element] = []
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if _local(child.tag) in _BLOCKS:
            out.append(child)
        else:
            out.extend(_nested_blocks(child))
    return out


def _int(value: str | None) -> int:
    """A colspan as an int; junk counts as 1."""
    try:
        return max(1, min(int(value or 1), 50))
    except ValueError:
        return 1


def _short(text: str, n: int = 120) -> str:
    """A caption cut to a section name."""
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "..."


# --------------------------------------------------------------------------- metadata


def _metadata(article: etree._Element, text: str) -> Metadata:
    """Bibliographic fields from front/journal-meta and article-meta; registry IDs from all over."""
    meta = Metadata()
    am = _find(article, "front", "article-meta")
    jm = _find(article, "front", "journal-meta")
    if am is not None:
        meta.title = _inline(_find(am, "title-group", "article-title")) or None
        meta.authors = _authors(am)
        for aid in am.iter():
            if _local(aid.tag) == "article-id" and aid.get("pub-id-type") == "doi" and (aid.text or "").strip():
                meta.doi = aid.text.strip()
                break
        meta.year, meta.date = _pub_date(am)
        uri = next((u for u in _kids(am, "self-uri") if u.get(_XLINK)), None)
        meta.url = uri.get(_XLINK) if uri is not None else None
    if jm is not None:
        jt = _find(jm, "journal-title")
        meta.journal = _inline(jt) or None
        issns = _kids(jm, "issn")
        preferred = [i for i in issns if i.get("pub-type") == "epub" or i.get("publication-format") == "electronic"]
        chosen = (preferred or issns or [None])[0]
        if chosen is not None:
            meta.issn = (chosen.text or "").strip() or None
        pub = _find(jm, "publisher", "publisher-name")
        meta.publisher = _inline(pub) or None
    meta.registry_ids = _registry_ids(article, text)
    return meta


def _authors(am: etree._Element) -> list[str]:
    """Author names as 'Given Surname' (or a group's name), in order."""
    out: list[str] = []
    for contrib in am.iter():
        if _local(contrib.tag) != "contrib" or contrib.get("contrib-type", "author") != "author":
            continue
        name = next((c for c in contrib.iter() if _local(c.tag) in ("name", "string-name")), None)
        if name is not None:
            given = _inline(_find(name, "given-names"))
            surname = _inline(_find(name, "surname"))
            full = " ".join(x for x in (given, surname) if x) or _inline(name)
        else:
            full = _inline(_find(contrib, "collab"))
        if full and full not in out:
            out.append(full)
    return out


def _pub_date(am: etree._Element) -> tuple[int | None, str | None]:
    """The publication year and ISO date, preferring the electronic date."""
    dates = _kids(am, "pub-date")
    rank = {"epub": 0, "pub": 0, "ppub": 1, "collection": 2}
    dates.sort(key=lambda d: rank.get(d.get("pub-type") or d.get("date-type") or "", 3))
    for d in dates:
        year = _inline(_find(d, "year"))
        if not re.fullmatch(r"\d{4}", year):
            continue
        month = _inline(_find(d, "month"))
        day = _inline(_find(d, "day"))
        iso = year
        if month.isdigit():
            iso += f"-{int(month):02d}"
            if day.isdigit():
                iso += f"-{int(day):02d}"
        return int(year), iso
    return None, None


def _registry_ids(article: etree._Element, text: str) -> list[str]:
    """Registry IDs from the text, then from <ext-link> targets and <custom-meta> values."""
    extra: list[str] = []
    # lxml picks the elements out ('{*}': any namespace or none), in document order
    for el in article.iter("{*}ext-link", "{*}custom-meta", "{*}related-object", "{*}clinical-trial-number"):
        tag = _local(el.tag)
        if tag == "ext-link":
            extra.append(el.get(_XLINK, ""))
            extra.append(_inline(el))
        elif tag == "custom-meta":
            extra.append(_inline(_find(el, "meta-value")))
        elif tag in ("related-object", "clinical-trial-number"):
            extra.extend(filter(None, [el.get("document-id"), el.get("source-id"), _inline(el)]))
    out = find_registry_ids(text)
    for rid in find_registry_ids(" ".join(x for x in extra if x)):
        if rid not in out:
            out.append(rid)
    return out
