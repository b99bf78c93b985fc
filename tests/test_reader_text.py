"""The plain-text and catalogue-record readers on the seed corpus and on small inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ReaderError
from kg.readers import kind_of, read

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
LUPSENIC = CORPUS / "lupsenic-ato-sle-2021.txt"
TRANSREG = CORPUS / "transreg-il2-ssc-2024.record.txt"


@pytest.fixture(scope="module")
def lupsenic():
    return read(LUPSENIC)


@pytest.fixture(scope="module")
def transreg():
    return read(TRANSREG)


def test_text_is_the_file_unchanged(lupsenic):
    assert lupsenic.text == LUPSENIC.read_bytes().decode("utf-8")
    assert lupsenic.id == "lupsenic-ato-sle-2021" and lupsenic.kind == "text"


def test_sections_and_their_kinds(lupsenic):
    kinds = {s.name: s.kind for s in lupsenic.sections}
    for name in ("Background", "Methods", "Results", "Safety profile", "Discussion", "Conclusions"):
        assert kinds.get(name) == "body", name
    assert kinds["Abstract"] == "abstract"
    assert kinds["References"] == "references"
    assert kinds["Abbreviations"] == "backmatter" and kinds["Funding"] == "backmatter"
    for s in lupsenic.sections:
        assert 0 <= s.start <= s.end <= len(lupsenic.text)
    # licence text and journal adverts are marked, not mined
    lic = lupsenic.text.index("Creative Commons Attribution 4.0")
    assert not lupsenic.is_minable(lic, lic + 10)
    advert = lupsenic.text.index("Ready to submit your research")
    assert not lupsenic.is_minable(advert, advert + 10)
    ref = lupsenic.text.index("Recent developments in systemic lupus")
    assert lupsenic.section_at(ref).kind == "references"


def test_tables_rows_cells_and_footnotes(lupsenic):
    captions = [t.caption for t in lupsenic.tables]
    assert [c.split()[1] for c in captions] == ["1", "2", "3"]
    t1 = lupsenic.tables[0]
    first_cells = [r[0].text for r in t1.rows]
    assert "Axonal neuropathy†" in first_cells and "Diarrhoea (grade 1)" in first_cells
    for table in lupsenic.tables:
        for row in table.rows:
            for cell in row:
                assert lupsenic.text[cell.start:cell.end] == cell.text
        for note in table.footnotes:
            assert lupsenic.text[note.start:note.end] == note.text
    assert [f.text[0] for f in t1.footnotes[:3]] == ["*", "†", "‡"]
    assert len(lupsenic.tables[1].rows) == 12  # two header rows and ten patients


def test_metadata_from_the_text(lupsenic):
    m = lupsenic.metadata
    assert m.title.startswith("Safety and efficacy of low-dose intravenous arsenic trioxide")
    assert m.doi == "10.1186/s13075-021-02454-6"
    assert m.year == 2021
    assert m.registry_ids == ["NCT01738360", "2012-002259-40"]


def test_record_fields_give_the_bibliographic_facts(transreg):
    m = transreg.metadata
    assert transreg.kind == "record"
    assert m.title.startswith("Induction of regulatory T cells and efficacy of low-dose interleukin-2")
    assert m.journal == "RMD Open" and m.issn == "2056-5933" and m.year == 2024
    assert m.doi == "10.1136/rmdopen-2023-003500"  # glued inside the 'spelling' field
    assert len(m.authors) == 11 and m.authors[0] == "Michelle Rosenzwajg"


def test_record_abstract_is_minable_once(transreg):
    text = transreg.text
    probe = "we studied nine patients with SSc"
    hits = [i for i in range(len(text)) if text.startswith(probe, i)]
    assert len(hits) == 2  # the description field and the concatenated 'spelling' field
    minable = [i for i in hits if transreg.is_minable(i, i + len(probe))
               and transreg.section_at(i).kind == "abstract"]
    assert len(minable) == 1
    parts = {s.name for s in transreg.sections if s.kind == "abstract"}
    assert {"Background", "Objective", "Methods", "Results", "Conclusion"} <= parts


def test_kind_of_by_name_and_content(tmp_path):
    assert kind_of("a.pdf") == "pdf" and kind_of("a.nxml") == "jats"
    assert kind_of("x.record.txt") == "record" and kind_of("x.txt", b"Title\n\nBody") == "text"
    assert kind_of("x.txt", TRANSREG.read_bytes()[:4000]) == "record"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"abc\x00def", "binary"),
    ("Caf\u00e9 au lait".encode("latin-1"), "UTF-8"),
])
def test_bad_text_files_are_one_clear_error(tmp_path, data, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(ReaderError) as e:
        read(p)
    assert str(p) in str(e.value) and reason in str(e.value) and "\n" not in str(e.value)


def test_structured_abstract_without_a_heading_is_the_abstract(tmp_path):
    p = tmp_path / "paper.txt"
    p.write_text("Low-dose interleukin-2 in systemic lupus erythematosus: a randomised trial\n\n"
                 "Background: Tregs are few in SLE.\n\nMethods: 60 patients were randomly assigned.\n\n"
                 "Results: Tregs expanded.\n\nIntroduction\n\nSLE is a disease.\n", encoding="utf-8")
    doc = read(p)
    results = doc.text.index("Tregs expanded")
    assert doc.section_at(results).kind == "abstract" and doc.section_at(results).name == "Results"
    assert doc.is_minable(results, results + 5)
