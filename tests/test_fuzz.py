"""A bounded fuzz run (hypothesis): readers on mutated bytes, document ids, exports of any
text, query templates with any value and queries of any text. Each property holds for
every generated input: a Document or a one-line ReaderError, never another exception;
ids one-to-one and valid in an IRI; exports that parse back to the same statements;
queries whose structure a value cannot change. `bench/fuzz.py` runs the same properties
for longer."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import TEST_DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_reader_pdf import _minimal_pdf

from kg.errors import ReaderError

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)

TEXT_SEED = (b"A randomised trial of low-dose interleukin-2\n\nMethods\n\nAdults with lupus received 1 MIU daily.\n\n"
             b"Results\n\nTable 1 Adverse events\nEvent\tn (%)\nHeadache\t3 (15)\n* grade 1 only\n\n"
             b"Grade 3 neutropenia occurred in 2 of 20 patients (p = 0.04).\n")
RECORD_SEED = (b"id rec-0001\ntitle A pilot trial of tocilizumab\nauthor Writer, Ann\nauthor Author, Ben\n"
               b"container_title Journal of Trials\nissn 1234-5678\npublishDate 2020\n"
               b"description Results Two of the 14 participants had grade 2 headache on tocilizumab.\n")


def _text_pdf(lines: list[bytes]) -> bytes:
    """A one-page PDF whose text is `lines` (Helvetica), with a correct xref table."""
    stream = b"BT /F1 11 Tf 72 720 Td 14 TL " + b" ".join(b"(%s) '" % ln for ln in lines) + b" ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return _minimal_pdf(objects)


PDF_SEED = _text_pdf([b"A pilot trial of tocilizumab", b"Results", b"Grade 3 neutropenia occurred in 2 of 20 patients.",
                      b"Headache was reported by 3 patients (15%)."])
SEEDS = {"paper.txt": TEXT_SEED, "paper.xml": (TEST_DATA / "sample-jats.xml").read_bytes(),
         "paper.record.txt": RECORD_SEED, "paper.pdf": PDF_SEED}


def test_the_seeds_read():
    from kg.readers import read

    with tempfile.TemporaryDirectory() as d:
        for name, data in SEEDS.items():
            path = Path(d) / name
            path.write_bytes(data)
            doc = read(path)
            assert doc.kind == {"txt": "text", "xml": "jats", "pdf": "pdf"}.get(name.rsplit(".", 1)[1], "text") \
                or name.endswith(".record.txt") and doc.kind == "record"
            assert "patients" in doc.text or "participants" in doc.text


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """The seed with a few bytes replaced, inserted or deleted, and perhaps cut short."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, 6))):
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        op = draw(st.sampled_from(["flip", "insert", "delete", "repeat"]))
        if op == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[pos:pos + draw(st.integers(1, 64))]
        else:
            data[pos:pos] = data[pos:pos + 8] * draw(st.integers(1, 400))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


def _check_document(doc) -> None:
    n = len(doc.text)
    for s in doc.sections:
        assert 0 <= s.start <= s.end <= n
    for t in doc.tables:
        for cell in [c for row in t.rows for c in row] + t.footnotes:
            assert doc.text[cell.start:cell.end] == cell.text


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_readers_on_mutated_bytes(name):
    from kg.readers import read

    @FUZZ
    @given(data=mutated(SEEDS[name]))
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / name
            path.write_bytes(data)
            try:
                doc = read(path)
            except ReaderError as e:
                assert str(e).startswith(f"{path}: ") and "\n" not in str(e)
                return
            _check_document(doc)

    run()


def test_spacy_on_mutated_text():
    """Whatever the text, spaCy (through textsafety) gives a Doc over exactly that text."""
    from kg.nlp import get_nlp
    from kg.textsafety import parse

    nlp = get_nlp()

    @FUZZ
    @given(data=mutated(TEXT_SEED))
    def run(data: bytes) -> None:
        text = data.decode("utf-8", "replace")
        doc = parse(nlp, text)
        assert len(doc.text) == len(text)
        for ent in doc.ents:
            assert 0 <= ent.start_char <= ent.end_char <= len(text)

    run()


_NAME = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), min_size=1, max_size=12)


@FUZZ
@given(parts=st.lists(_NAME, min_size=1, max_size=3), other=st.lists(_NAME, min_size=1, max_size=3))
def test_document_ids_are_one_to_one_and_valid_iris(parts, other):
    from kg.identity import doc_id, id_of_segment, iri_segment

    a, b = "/".join(parts), "/".join(other)
    for x in (a, b):
        seg = iri_segment(x)
        ox.NamedNode(f"https://w3id.org/kg-trials/data/graph/{seg}")
        assert id_of_segment(seg) == x
    assert (iri_segment(a) == iri_segment(b)) == (a == b)
    if all(p not in (".", "..") for p in parts):
        assert doc_id(Path("root", *parts), Path("root")) in (a, a.rsplit(".", 1)[0], a.rsplit(".", 2)[0])


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@pytest.fixture(scope="module")
def scratch_store(tmp_path_factory):
    from kg.graph.store import GraphStore

    store = GraphStore(tmp_path_factory.mktemp("fuzz") / "store")
    yield store
    store.close()


_G = ox.NamedNode("https://w3id.org/kg-trials/data/graph/fuzz")
_F = ox.NamedNode("https://w3id.org/kg-trials/data/fact/fuzz/r")
_P = ox.NamedNode("https://w3id.org/kg-trials/ontology#measure")
_TYPE = ox.Quad(_F, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                ox.NamedNode("https://w3id.org/kg-trials/ontology#Result"), _G)


def test_exports_of_any_text(scratch_store):
    from kg.graph.export import export, xml_safe

    @FUZZ
    @given(text=_TEXT)
    def run(text: str) -> None:
        scratch_store.ox.clear()
        scratch_store.ox.extend([_TYPE, ox.Quad(_F, _P, ox.Literal(text), _G)])
        for fmt, syntax in (("nquads", ox.RdfFormat.N_QUADS), ("turtle", ox.RdfFormat.TURTLE),
                            ("jsonld", ox.RdfFormat.JSON_LD), ("xml", ox.RdfFormat.RDF_XML)):
            out = io.BytesIO()
            export(scratch_store, fmt, out)
            values = {q.object.value for q in ox.parse(out.getvalue(), syntax) if q.predicate == _P}
            assert values == {xml_safe(text) if fmt == "xml" else text}, fmt
        import networkx as nx

        out = io.BytesIO()
        export(scratch_store, "graphml", out)
        g = nx.read_graphml(io.BytesIO(out.getvalue()))
        got = g.nodes[_F.value].get("kg_measure", "")
        assert got == xml_safe(text) or (text.strip() == "" and got in ("", text))

    run()


def test_query_templates_keep_their_structure(scratch_store):
    """A value in a template is one literal, whatever it holds: the query finds exactly it."""
    from tui.queries import sparql_literal

    @FUZZ
    @given(text=_TEXT, decoy=_TEXT)
    def run(text: str, decoy: str) -> None:
        scratch_store.ox.clear()
        scratch_store.ox.extend([ox.Quad(_F, _P, ox.Literal(text), _G),
                                 ox.Quad(ox.NamedNode("https://x.org/decoy"), _P, ox.Literal(decoy + "\x00"), _G)])
        q = f"SELECT ?s WHERE {{ ?s <{_P.value}> ?v FILTER(?v = {sparql_literal(text)}) }}"
        rows = [r["s"].value for r in scratch_store.ox_query(q)]
        assert rows == [_F.value]

    run()


def test_queries_of_any_text_fail_in_one_line(scratch_store):
    from kg.errors import QueryError
    from kg.graph.views import write_result

    words = st.sampled_from(["SELECT", "ASK", "CONSTRUCT", "WHERE", "{", "}", "?s", "?p", "?o", "FILTER", "(", ")",
                             "SERVICE", "FROM", "NAMED", "GRAPH", "<https://x.org/a>", '"x"', "OPTIONAL", "UNION",
                             "LIMIT", "1", ".", ";", "\\u0053ERVICE", "#", "\n", "INSERT", "DATA", "DROP", "ALL"])

    @FUZZ
    @given(tokens=st.lists(words, max_size=14), noise=st.text(max_size=10))
    def run(tokens: list[str], noise: str) -> None:
        q = " ".join(tokens) + noise
        try:
            result = scratch_store.ox_query(q)
            write_result(result, "table", io.StringIO().write)
        except QueryError as e:
            assert "\n" not in str(e)

    run()
