"""The JATS reader on an invented PMC-style article, and on broken or hostile XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ReaderError
from kg.model import Document
from kg.readers import read
from kg.readers.jats import read_jats

SAMPLE = Path(__file__).parent / "data" / "sample-jats.xml"


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_jats(SAMPLE)


def _section(doc: Document, name: str, kind: str | None = None):
    return next(s for s in doc.sections if s.name == name and (kind is None or s.kind == kind))


def test_text_in_reading_order(doc):
    order = ["Low-dose examplimab versus placebo", "Abstract", "Examplimab is an invented", "Introduction",
             "Study design", "Participants", "Results\n\nOf 134", "Table 1 Adverse events", "Discussion",
             "Acknowledgements", "References", "2. Sample B. Another invented paper."]
    positions = [doc.text.index(x) for x in order]
    assert positions == sorted(positions)
    assert "FEV1 improved by 180 mL" in doc.text  # inline markup (<sub>, <italic>) flows into the words
    assert "• a physician diagnosis of asthma for at least 12 months;" in doc.text
    assert "\n\n\n" not in doc.text and "  " not in doc.text


def test_sections(doc):
    assert doc.kind == "jats"
    assert _section(doc, "Abstract").kind == "abstract"
    assert doc.section_at(0).kind == "title" and doc.text.startswith(doc.metadata.title)  # the title is read
    assert _section(doc, "Results", "abstract").kind == "abstract"  # structured abstract parts
    methods = _section(doc, "Methods", "body")
    design = _section(doc, "Study design")
    assert methods.start < design.start < design.end <= methods.end  # nested sec titles too
    assert design.kind == "body"
    assert _section(doc, "References").kind == "references"
    assert _section(doc, "Acknowledgements").kind == "backmatter"
    for s in doc.sections:
        assert 0 <= s.start <= s.end <= len(doc.text)
        if s.kind not in ("table", "figure", "front", "boilerplate", "title"):
            assert doc.text[s.start:s.end].startswith(s.name), s
    refs = _section(doc, "References")
    assert doc.section_at(doc.text.index("Another invented paper")) == refs
    assert not doc.is_minable(doc.text.index("Another invented paper"), doc.text.index("Another invented paper") + 5)


def test_table_and_cells(doc):
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.caption == "Table 1 Adverse events Safety population."
    assert doc.text[t.start:t.end].startswith(t.caption)
    rows = [[c.text for c in r] for r in t.rows]
    assert rows == [
        ["Adverse event", "Examplimab (n = 60)", "Placebo (n = 60)"],
        ["Headache", "9 (15%)", "4 (7%)"],
        ["Injection-site reactiona", "6 (10%)", "1 (2%)"],
        ["Nasopharyngitis", "5 (8%)", "5 (8%)"],
    ]
    for row in t.rows:
        for c in row:
            assert doc.text[c.start:c.end] == c.text
        assert doc.text[row[0].start:row[-1].end] == "\t".join(c.text for c in row)
    assert [c.text for c in t.footnotes] == ["a All reactions were mild."]
    assert doc.text[t.footnotes[0].start:t.footnotes[0].end] == "a All reactions were mild."
    table_section = next(s for s in doc.sections if s.kind == "table")
    assert (table_section.start, table_section.end) == (t.start, t.end)
    assert doc.section_at(t.rows[1][1].start).kind == "table"


def test_metadata(doc):
    m = doc.metadata
    assert m.title == ("Low-dose examplimab versus placebo in adults with mild asthma: a randomised, "
                       "double-blind, phase 2 trial")
    assert m.authors == ["Ana M Rivera", "Chidi Okafor", "The EXAMPLE Trial Group"]
    assert m.doi == "10.5555/kg-test.2024.001"
    assert (m.journal, m.issn, m.publisher) == ("Journal of Invented Trials", "0000-0027", "Example Press")
    assert (m.year, m.date) == (2024, "2024-03-14")
    # From the text (NCT, EudraCT) and from <custom-meta> only (ISRCTN).
    assert m.registry_ids == ["NCT01234567", "2023-000123-45", "ISRCTN12345678"]


def test_dispatch_and_pmc_articleset_wrapper(tmp_path):
    assert read(SAMPLE).kind == "jats"
    wrapped = tmp_path / "wrapped.nxml"
    body = SAMPLE.read_text(encoding="utf-8").split("?>", 1)[1].split("]>", 1)[-1]
    body = body.split("\n", 2)[2]  # drop the DOCTYPE line
    wrapped.write_text(f'<?xml version="1.0"?>\n<pmc-articleset>{body}</pmc-articleset>', encoding="utf-8")
    assert read(wrapped).metadata.doi == "10.5555/kg-test.2024.001"


# ------------------------------------------------------------------------ hostile and broken XML


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET-4242\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE article [<!ENTITY xxe SYSTEM "{uri}">]>',
    "<!DOCTYPE article [\n  <!ENTITY\n    xxe\n    SYSTEM\n    '{uri}'>\n]>",
    '<!DOCTYPE article [<!ENTITY % remote SYSTEM "{uri}"> %remote; <!ENTITY xxe "x">]>',
    '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS//EN" "{uri}" [<!ENTITY xxe "internal">]>',
])
def test_external_entities_are_never_read(doctype, secret, tmp_path):
    path = tmp_path / "xxe.xml"
    path.write_text('<?xml version="1.0"?>\n' + doctype.format(uri=secret.as_uri()) + "\n<article><front>"
                    "<article-meta><title-group><article-title>T &xxe;</article-title></title-group>"
                    "</article-meta></front><body><p>Before &xxe; after.</p></body></article>\n", encoding="utf-8")
    try:
        d = read_jats(path)
    except ReaderError as e:
        assert str(e).startswith(f"{path}: ") and "\n" not in str(e)
        assert "TOP-SECRET" not in str(e)
        return
    assert "TOP-SECRET" not in d.text
    assert "TOP-SECRET" not in repr(d.metadata)


def test_external_entity_is_refused_with_a_reason(secret, tmp_path):
    path = tmp_path / "xxe.xml"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE article [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
                    "<article><body><p>&xxe;</p></body></article>", encoding="utf-8")
    with pytest.raises(ReaderError, match="external entities are not allowed"):
        read_jats(path)


def test_entity_expansion_bomb_is_harmless(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
    path = tmp_path / "lol.xml"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE article [<!ENTITY l0 "lol">{lol}]>'
                    "<article><body><p>Laughs: &l8;</p></body></article>", encoding="utf-8")
    try:
        d = read_jats(path)
    except ReaderError as e:  # libxml2 refuses the amplification outright
        assert "\n" not in str(e) and str(e).startswith(f"{path}: ")
    else:
        assert len(d.text) < 100


def test_truncated_xml_names_file_line_and_column(tmp_path):
    path = tmp_path / "truncated.xml"
    path.write_bytes(SAMPLE.read_bytes()[:1500])
    with pytest.raises(ReaderError) as info:
        read(path)
    message = str(info.value)
    assert message.startswith(f"{path}: malformed XML at line ")
    assert ", column " in message and "\n" not in message


@pytest.mark.parametrize("content, reason", [
    ("<html><body><p>Not an article</p></body></html>", "not a JATS article (root element <html>)"),
    ("<?xml version='1.0'?><article><body><p>unclosed</body></article>", "malformed XML at line 1"),
    ("just text, no markup at all", "malformed XML"),
    ("", "empty file"),
])
def test_bad_xml(content, reason, tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReaderError) as info:
        read_jats(path)
    assert reason in str(info.value)
    assert str(info.value).startswith(f"{path}: ")
