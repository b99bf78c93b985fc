"""The PDF reader on two real publisher PDFs (BMC, two-column) and on broken files.

The expected sentences were checked against the rendered pages: each runs across a
column break (or a page break with a table or figure in between) in the PDF.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import struct
from pathlib import Path

import pytest
from hostile_pdfs import pdf

from kg.errors import ReaderError
from kg.model import Document
from kg.readers import read
from kg.readers.pdf import read_pdf

DATA = Path(__file__).parent / "data"
LIMIT = DATA / "limit-trial-bmcmed-2014.pdf"
ISTOP = DATA / "istop-ade-protocol-trials-2015.pdf"


@pytest.fixture(scope="module")
def limit() -> Document:
    return read_pdf(LIMIT)


@pytest.fixture(scope="module")
def istop() -> Document:
    return read_pdf(ISTOP)


LANCET = DATA / "stopadvisor-lancet-respir-med-2014.pdf"
JMIR = DATA / "handhygiene-jmir-2012.pdf"
EARS = DATA / "ears-trials-2015.pdf"


@pytest.fixture(scope="module")
def lancet() -> Document:
    return read_pdf(LANCET)


@pytest.fixture(scope="module")
def jmir() -> Document:
    return read_pdf(JMIR)


@pytest.fixture(scope="module")
def ears() -> Document:
    return read_pdf(EARS)


@pytest.fixture(scope="module", params=["limit", "istop", "lancet", "jmir", "ears"])
def doc(request) -> Document:
    return request.getfixturevalue(request.param)


def _bench():
    """bench/pdf_reading.py: the sentence splitter and comparison the measurements use."""
    spec = importlib.util.spec_from_file_location("pdf_reading", Path(__file__).parents[1] / "bench" / "pdf_reading.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _body(doc: Document) -> str:
    """The running text, without the figure captions and tables appended after it."""
    end = min((s.start for s in doc.sections if s.kind in ("figure", "table")), default=len(doc.text))
    return doc.text[:end]


# ------------------------------------------------------------------------ words and order


# ------------------------------------------------------------------------ against pdftotext

REFERENCE = DATA / "reference"


def test_sentences_of_pdftotext_are_held_whole(doc):
    """Reading order, sentence by sentence, against poppler's text (headers removed)."""
    bench = _bench()
    ref = (REFERENCE / (Path(doc.source_path).stem + ".txt")).read_text(encoding="utf-8")
    sents = bench.sentences(ref)
    text = bench.canon(doc.text)
    missing = [s for _p, s in sents if bench.canon(s) not in text]
    assert len(sents) > 200
    assert len(missing) <= 0.01 * len(sents), missing[:5]
    page1 = [s for p, s in sents if p == 0]
    assert sum(1 for s in page1 if s in missing) <= 1, [s for s in page1 if s in missing]


def test_margin_column_is_kept_out_of_the_abstract(lancet):
    bench = _bench()
    ref = (REFERENCE / "stopadvisor-lancet-respir-med-2014.txt").read_text(encoding="utf-8")
    summary = ref[ref.index("Summary"):ref.index("Funding National Prevention")]
    text = bench.canon(lancet.text)
    for s in bench._SENT_END.split(" ".join(summary.split())):
        assert bench.canon(s) in text, s
    abstract = next(s for s in lancet.sections if s.name == "Summary")
    assert abstract.kind == "abstract"
    margin = lancet.text.index("Cancer Research UK Health")
    assert not abstract.start <= margin < abstract.end
    assert lancet.section_at(margin).kind == "front"
    assert "Participants aged 18 years and older who smoked every day" in lancet.text
    # A one-line margin note beside a column ('See Online for appendix') stays out of its line.
    assert "smoking cessation at the 7 month endpoint to show the effect of biochemical verification" in lancet.text
    # Justified lines whose wide spaces line up are no columns.
    assert "effects across socioeconomic status subsamples, which should therefore be assessed separately" \
        in lancet.text


def test_full_width_heading_after_two_columns_stays_with_its_paragraph(jmir):
    ack = next(s for s in jmir.sections if s.name == "Acknowledgments")
    assert ack.kind == "backmatter"
    assert jmir.text[ack.start:ack.end].startswith("Acknowledgments\n\nWe are grateful to")
    refs = next(s for s in jmir.sections if s.name == "References")
    assert refs.kind == "references"


def test_small_type_back_matter_headings(lancet):
    kinds = {s.name: s.kind for s in lancet.sections}
    assert kinds["Contributors"] == kinds["Declaration of interests"] == kinds["Acknowledgments"] == "backmatter"
    assert kinds["References"] == "references"
    assert kinds["Panel: Research in context"] == "body"


def test_figure_legend_running_across_the_page_stays_whole(lancet):
    fig = next(s for s in lancet.sections if s.kind == "figure")
    legend = lancet.text[fig.start:fig.end]
    assert legend.startswith("Figure: Trial profile Eight participants violated the protocol by using an "
                             "alternative email address to view the other website to which they were allocated")
    assert "Per protocol, these participants were not excluded from the analysis and classified by the original " \
        "treatment to which they were allocated." in legend


def test_titles_and_years(limit, istop, lancet, jmir, ears):
    assert lancet.metadata.title.startswith("Internet-based intervention for smoking cessation (StopAdvisor)")
    assert jmir.metadata.title.startswith("Evaluation of a Web-Based Intervention to Promote Hand Hygiene")
    assert ears.metadata.title.startswith("Lessons learned from recruiting socioeconomically disadvantaged")
    years = [d.metadata.year for d in (limit, istop, lancet, jmir, ears)]
    assert years == [2014, 2015, 2014, 2011, 2015]  # the JMIR file was re-issued in 2017
    assert lancet.metadata.doi == "10.1016/S2213-2600(14)70195-X"
    assert (lancet.metadata.journal, jmir.metadata.journal, ears.metadata.journal) == \
        ("Lancet Respir Med", "J Med Internet Res", "Trials")


def test_marks_are_not_glued_to_names(lancet, ears, jmir, limit):
    assert "Tom P Thompson, Colin J Greaves, Richard Ayres" in ears.text
    assert "Lucy Yardley, PhD; Sascha Miller, MSc" in jmir.text
    for d in (lancet, ears, jmir):
        assert not re.search(r"\b[A-Z][a-z]+\d+\*?,", d.text[:3000])
        assert not re.search(r"(?:^|\s)\d[A-Z][a-z]+", d.text)  # '2University', '1Academic'
    assert "Jamie Brown, Susan Michie, Adam WA Geraghty" in lancet.text
    # Citation superscripts after words and units go; powers of units stay.
    assert "more than 6 million deaths worldwide every year, and is a major contributor" in lancet.text
    assert "concentration of less than 15 ng/mL or, for participants" in lancet.text
    assert "kg/m2" in limit.text


def test_small_capitals_read_as_mixed_case_are_capitals():
    from kg.readers.pdf_geometry import small_caps_upper

    assert small_caps_upper("WhAT IS AlReAdy KNOWN ON THIS TOPIC") == "WHAT IS ALREADY KNOWN ON THIS TOPIC"
    assert small_caps_upper("WhAT ThIS STudy AddS") == "WHAT THIS STUDY ADDS"
    for kept in ("StopAdvisor and LifeGuide", "StopAdvisor LifeGuide", "McPhee AJ", "CD4+ T cells", "iPhone users"):
        assert small_caps_upper(kept) == kept


def test_tables_under_their_rows_and_banded_rows(lancet, jmir, ears):
    t1 = next(t for t in lancet.tables if t.caption.startswith("Table 1"))
    rows = [[c.text for c in r] for r in t1.rows]
    assert ["Female", "658 (61%)", "632 (60%)", "804 (65%)", "796 (64%)", "1462 (63%)", "1428 (62%)"] in rows
    assert len(rows) >= 20
    # A shaded header band over spanning group labels: each label under the column it heads.
    assert rows[0] == ["", "Low SES (N=2142)* StopAdvisor (n=1088)", "Control (n=1054)",
                       "High SES (N=2471) StopAdvisor (n=1233)", "Control (n=1238)",
                       "Total (N=4613) StopAdvisor (n=2321)", "Control (n=2292)"]
    t2 = next(t for t in lancet.tables if t.caption.startswith("Table 2"))
    assert [c.text for c in t2.rows[1]][0] == "Primary outcome (abstinence for 6 months)"  # a row label stays put
    assert ["High SES", "147/1233 (12%)", "156/1238 (13%)", "0·95 (0·77 to 1·17)", "0·94 (0·74 to 1·19)",
            "–0·68 (–3·27 to 1·91)", "0·61"] in [[c.text for c in r] for r in t2.rows]
    assert [c.text for c in t1.footnotes][0].startswith("Data are n (%) or mean (SD), unless otherwise indicated.")
    t3 = next(t for t in lancet.tables if t.caption.startswith("Table 3"))  # in one column, caption under it
    assert [c.text for c in t3.rows[0]] == ["", "StopAdvisor (n=2321)", "Control (n=2292)", "t test*",
                                            "Mean difference (95% CI)", "p value"]
    assert "Table 3: Usage of StopAdvisor" not in _body(lancet)
    assert len({t.caption.split()[1] for t in jmir.tables}) == 6
    # Rules drawn as thin filled shapes: header underline and closing rule found, notes apart.
    t3 = next(t for t in jmir.tables if t.caption.startswith("Table 3."))
    rows = [[c.text for c in r] for r in t3.rows]
    assert len(rows) == 7 and all(len(r) == 7 for r in rows)
    assert rows[2] == ["Hand-washing at 4 weeks", "157", "4.04 (0.86)", "285", "4.40 (0.86)", "0.36 (0.17 to 0.55)",
                       "0.42"]
    assert [c.text for c in t3.footnotes][1] == "b Confidence interval."
    t2 = next(t for t in jmir.tables if t.caption.startswith("Table 2."))
    assert [[c.text for c in r] for r in t2.rows][0] == ["Characteristic", "Intervention (n = 336)",
                                                          "Control (n = 181)", "Total (n = 517)"]
    assert len({t.caption.split()[1] for t in ears.tables}) == 8


def test_words_are_kept_apart(doc):
    for token in _body(doc).split():
        if any(mark in token for mark in ("/", "@", "doi:", "www.")):
            continue  # URLs, e-mail addresses and DOIs have no spaces to lose
        assert len(token) <= 30, token
    if doc.metadata.doi and doc.metadata.doi.startswith("10.1186/"):  # BMC's page-1 note
        assert "Full list of author information" in doc.text
        assert "Fulllist" not in doc.text


def test_two_columns_are_read_in_order(limit, istop):
    # Left column -> right column, between two full-width tables (LIMIT page 14).
    assert ("The developmental over-nutrition hypothesis (also termed the Pedersen Hypothesis) was first "
            "proposed in 1954 [64] in an attempt to explain the relationship between maternal diabetes") in limit.text
    # Right column of page 14 -> left column of page 15, across a full-width figure.
    assert "increased placental transfer of glucose, resulting in fetal hyperglycaemia and increased insulin" \
        in limit.text
    # A plain column break (LIMIT page 7, under Table 1).
    assert "No changes in treatment effects over time were identified for any types of activity (Table 6)." \
        in limit.text
    # ISTOP page 3: left column -> right column.
    assert "We will only randomize patients once a physician confirms the patient’s eligibility for enrolment." \
        in istop.text


def test_full_width_title_and_abstract_come_first(limit):
    title = "The effects of antenatal dietary and lifestyle advice for women who are overweight or obese"
    assert limit.text.index(title) < limit.text.index("Abstract") < limit.text.index("Background\n\nObesity is")
    # The abstract continues from page 1 to page 2 with nothing in between.
    assert ("the stratification variables.\n\nResults: Women randomised to Lifestyle Advice demonstrated"
            in limit.text)


def test_hyphenation_and_paragraphs(limit, istop):
    assert "participate in mild-to-moderate exercise" in limit.text  # 'par-' + 'ticipate' joined
    assert "predominantly of white ethnicity" in limit.text  # 'eth-' + 'nicity' joined
    assert "to indicate the patient’s eligibility." in istop.text  # 'eligi-' + 'bility' joined
    assert "developmental over-nutrition hypothesis" in limit.text  # a hyphen inside a line kept
    assert not re.search(r"[a-z]- [a-z]", _body(limit))  # no line-end hyphen left dangling
    assert "medication non-adherence" in istop.text
    assert "\n\n" in limit.text and "\n\n\n" not in limit.text
    assert "\n\nMethods\n\n" in limit.text


# ------------------------------------------------------------------------ headers and footers


def test_running_headers_footers_and_page_numbers_are_gone(limit, istop):
    assert limit.text.count("Dodd et al. BMC Medicine 2014, 12:161") <= 1
    assert limit.text.count("http://www.biomedcentral.com/1741-7015/12/161") <= 1
    assert istop.text.count("Forster et al. Trials 2015, 16:2") <= 1
    for d in (limit, istop):
        assert not re.search(r"Page \d+ of \d+", d.text)
        assert not re.search(r"(?m)^\d{1,3}$", d.text)  # no bare page numbers on their own line
        assert "(Continued" not in d.text.replace("(Continued)", "")


# ------------------------------------------------------------------------ structure


def test_sections(limit, istop):
    names = {s.name for s in limit.sections}
    assert {"Abstract", "Background", "Methods", "Results", "Discussion", "Conclusions", "References"} <= names
    names = {s.name for s in istop.sections}
    assert {"Abstract", "Background", "Methods/design", "Discussion", "References"} <= names
    for d in (limit, istop):
        kinds = {s.name: s.kind for s in d.sections if s.kind != "abstract" or s.name == "Abstract"}
        assert kinds["References"] == "references"
        assert kinds["Abstract"] == "abstract"
        refs = next(s for s in d.sections if s.name == "References")
        assert re.match(r"References\n\n1\. ", d.text[refs.start:refs.end])
        assert d.section_at(d.text.index("Full list of author information")).kind in ("front", "boilerplate")


def test_section_offsets_are_inside_the_text(doc):
    for s in doc.sections:
        assert 0 <= s.start <= s.end <= len(doc.text), s
    heads = [s for s in doc.sections if s.kind in ("body", "references")]
    for s in heads:
        assert doc.text[s.start:s.end].startswith(s.name), s


def test_boilerplate_is_marked(limit):
    licence = limit.text.index("licensee BioMed Central")
    assert limit.section_at(licence).kind == "boilerplate"
    advert = limit.text.index("Submit your next manuscript")
    assert limit.section_at(advert).kind == "boilerplate"
    assert not limit.is_minable(advert, advert + 10)


def test_metadata(limit, istop):
    assert limit.metadata.doi == "10.1186/s12916-014-0161-y"
    assert istop.metadata.doi == "10.1186/1745-6215-16-2"
    assert limit.metadata.title.startswith("The effects of antenatal dietary and lifestyle advice")
    assert istop.metadata.title.startswith("Effectiveness of a computerized drug-monitoring program")
    assert (limit.metadata.journal, limit.metadata.year) == ("BMC Medicine", 2014)
    assert (istop.metadata.journal, istop.metadata.year) == ("Trials", 2015)
    assert limit.metadata.registry_ids == ["ACTRN12607000161426"]
    assert istop.metadata.registry_ids == ["NCT02059044"]


# ------------------------------------------------------------------------ tables


def test_tables_and_cells_index_the_text(doc):
    assert doc.tables
    for t in doc.tables:
        assert doc.text[t.start:t.end].startswith(t.caption)
        assert t.caption.startswith("Table ")
        assert t.rows and all(t.start <= c.start <= c.end <= t.end for row in t.rows for c in row)
        for row in t.rows:
            assert "\t".join(c.text for c in row) in doc.text[t.start:t.end]
            for c in row:
                assert doc.text[c.start:c.end] == c.text
                assert "\t" not in c.text and "\n" not in c.text
        for c in t.footnotes:
            assert doc.text[c.start:c.end] == c.text
        assert any(s.kind == "table" and s.start == t.start for s in doc.sections)


def test_table_content(limit, istop):
    t1 = next(t for t in limit.tables if t.caption.startswith("Table 1 Demographic"))
    rows = [[c.text for c in r] for r in t1.rows]
    assert rows[0] == ["Characteristic", "Lifestyle advice (n = 974)", "Standard care (n = 950)", "Total (n = 1924)"]
    assert ["Nulliparous, n (%)", "410 (42.1)", "385 (40.5)", "795 (41.3)"] in rows
    assert [c.text for c in t1.footnotes][0] == "aMean ± standard deviation."
    t5 = next(t for t in limit.tables if t.caption.startswith("Table 5"))
    assert ["Glycaemic load", "Trial entry", "129.46 (47.84)", "124.92 (45.07)", "0.45", "0.15",
            "2.62 (−0.94 to 6.18)"] in [[c.text for c in r] for r in t5.rows]
    # Wrapped cells stay in their row.
    t = istop.tables[0]
    assert ["Chronic obstructive pulmonary disease",
            "Short-acting bronchodilators, long-acting bronchodilators, phosphodiesterase type-4 inhibitors, "
            "combination inhaled corticosteroids and long-acting bronchodilators, theophylline"] \
        in [[c.text for c in r] for r in t.rows]


def test_tables_are_not_in_the_running_text(limit):
    body = _body(limit)
    assert "Quintile 5 (least disadvantaged)" not in body
    assert "Flow of participants" not in body  # figure captions are appended too
    assert "5,474 Eligible women" not in limit.text  # words drawn inside a figure are dropped


# ------------------------------------------------------------------------ bad inputs


_minimal_pdf = pdf  # a hand-made PDF with a correct xref (tests/hostile_pdfs.py)


_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_BLANK_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _encrypted_pdf(user: bytes = b"secret", owner: bytes = b"owner") -> bytes:
    """A one-page PDF under the standard security handler (RC4-40, revision 2), user password set."""
    o_value = _rc4(hashlib.md5((owner + _PAD)[:32]).digest()[:5], (user + _PAD)[:32])
    file_id = b"0123456789abcdef"
    key = hashlib.md5((user + _PAD)[:32] + o_value + struct.pack("<i", -4) + file_id).digest()[:5]
    u_value = _rc4(key, _PAD)
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (o_value.hex().encode(),
                                                                           u_value.hex().encode())
    objects = [_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", _BLANK_PAGE, encrypt]
    ident = file_id.hex().encode()
    return _minimal_pdf(objects, b"/Encrypt 4 0 R /ID [<%s> <%s>] " % (ident, ident))


BAD_PDFS = {
    "truncated.pdf": (lambda: ISTOP.read_bytes()[:2048], "truncated"),
    "renamed-text.pdf": (lambda: b"Just some notes, saved as text.\n" * 50, "not a PDF"),
    "garbage.pdf": (lambda: b"%PDF-1.4\n" + bytes(range(256)) * 40, "corrupt"),
    "zero-pages.pdf": (lambda: _minimal_pdf([_CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"]), "no pages"),
    "scanned.pdf": (lambda: _minimal_pdf([_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", _BLANK_PAGE]),
                    "no extractable text"),
    "encrypted.pdf": (_encrypted_pdf, "encrypted"),
    "empty.pdf": (lambda: b"", "empty"),
}


def _pdf_string(text: str) -> bytes:
    return b"(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1") + b")"


def _sideways_table_pdf(up: bool) -> bytes:
    """A portrait page of invented prose with an invented results table set sideways."""
    ops = [b"BT /F1 10 Tf"]
    prose = ("In this invented example the trial compared a study drug with placebo in adults. "
             "Participants were followed for twelve weeks and the primary outcome was response. ") * 3
    words = prose.split()
    for k in range(0, len(words), 12):
        y = 760 - 14 * (k // 12)
        ops.append(b"1 0 0 1 60 %d Tm " % y + _pdf_string(" ".join(words[k:k + 12])) + b" Tj")
    ops.append(b"ET BT /F1 8 Tf")
    rows = [["Table 2. Primary outcome at 12 weeks by group"],
            ["Outcome", "Placebo (n = 40)", "Drug (n = 41)", "P value"],
            ["Responders, n (%)", "12 (30)", "21 (51)", "0.04"],
            ["Relapse, n (%)", "8 (20)", "4 (10)", "0.21"],
            ["Withdrawals, n", "3", "2", "0.68"]]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if up:  # reads bottom to top; the next row is to the right
                ops.append(b"0 1 -1 0 %d %d Tm " % (120 + 14 * r, 150 + 110 * c) + _pdf_string(cell) + b" Tj")
            else:  # reads top to bottom; the next row is to the left
                ops.append(b"0 -1 1 0 %d %d Tm " % (480 - 14 * r, 600 - 110 * c) + _pdf_string(cell) + b" Tj")
    ops.append(b"ET")
    stream = b"\n".join(ops)
    objects = [_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return _minimal_pdf(objects)


@pytest.mark.parametrize("up", [True, False])
def test_sideways_table_is_read_as_a_table(up, tmp_path):
    path = tmp_path / "sideways.pdf"
    path.write_bytes(_sideways_table_pdf(up))
    d = read_pdf(path)
    assert "Participants were followed for twelve weeks" in d.text
    [t] = d.tables
    assert t.caption == "Table 2. Primary outcome at 12 weeks by group"
    rows = [[c.text for c in r] for r in t.rows]
    assert rows == [["Outcome", "Placebo (n = 40)", "Drug (n = 41)", "P value"],
                    ["Responders, n (%)", "12 (30)", "21 (51)", "0.04"],
                    ["Relapse, n (%)", "8 (20)", "4 (10)", "0.21"],
                    ["Withdrawals, n", "3", "2", "0.68"]]
    for row in t.rows:
        for c in row:
            assert d.text[c.start:c.end] == c.text


@pytest.mark.parametrize("name", sorted(BAD_PDFS))
def test_bad_pdfs_give_one_line_reader_errors(name, tmp_path, capfd):
    make, reason = BAD_PDFS[name]
    path = tmp_path / name
    path.write_bytes(make())
    for reader in (read_pdf, read):
        with pytest.raises(ReaderError) as info:
            reader(path)
        message = str(info.value)
        assert message.startswith(f"{path}: ") and "\n" not in message
        assert reason in info.value.reason, message
    out, err = capfd.readouterr()
    assert out == "" and err == ""  # no warnings or tracebacks leak to the terminal


def test_reading_prints_nothing(istop, capfd):
    read_pdf(ISTOP)
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_year_from_running_citation_then_dates_then_file():
    from kg.readers.pdf_meta import article_year

    # The running citation wins over a later re-issue date of the file.
    assert article_year(["Example J Med 2011 | vol. 3 | e12", "http://example.org/2019/3/e12/"], "",
                        {"CreationDate": "D:20170111"}) == 2011
    # Else a publication line; a range counts by its last year.
    assert article_year([], "Received: 2 May 2020 Accepted: 9 June 2021 Published: 1 July 2021", {}) == 2021
    assert article_year([], "Copyright 2001–2022 An Invented Foundation", {}) == 2022
    assert article_year([], "no dates here", {"CreationDate": "D:20190101"}) == 2019
