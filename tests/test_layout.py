"""Layout-independent reading: the same abstract in different layouts gives the same facts.

The abstracts here are written for these tests (no scored paper's text). Layouts: heading
lines, PubMed's upper-case labels inline in one paragraph, labels glued with a colon at each
paragraph's start, NLM label variants ("Design, setting and participants", "Findings",
"Interpretation"), Markdown headings, and no labels at all under a short title.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.base import part_of
from kg.lexicon import load_lexicon
from kg.nlp import get_nlp
from kg.readers import read
from kg.readers.common import label_part

TITLE = "Weekly methotrexate for early psoriatic arthritis"  # six words: a short title, not a heading
PARTS = [
    ("Background", "Psoriatic arthritis lacks trials of early treatment."),
    ("Methods", "In this randomised, double-blind, placebo-controlled trial we randomly assigned 96 adults with "
                "psoriatic arthritis to methotrexate 15 mg weekly or placebo for 24 weeks. The primary outcome "
                "was the change in the Disease Activity Score at week 24."),
    ("Results", "The Disease Activity Score decreased from 4.8 to 3.1 with methotrexate and from 4.7 to 4.5 "
                "with placebo (p = 0.002). Nausea occurred in 9 patients given methotrexate and 3 given placebo. "
                "Methotrexate reduced interleukin-6 concentrations."),
    ("Conclusions", "Methotrexate improved disease activity in early psoriatic arthritis."),
]
# the same parts under the labels other journals use for them
VARIANTS = {"Background": "Context", "Methods": "Design, setting and participants", "Results": "Findings",
            "Conclusions": "Interpretation"}


def heading_lines(title=TITLE, parts=PARTS) -> str:
    return title + "\n\n" + "\n\n".join(f"{label}\n{text}" for label, text in parts) + "\n"


def pubmed_inline(title=TITLE, parts=PARTS) -> str:
    return title + "\n\n" + " ".join(f"{label.upper()}: {text}" for label, text in parts) + "\n"


def colon_paragraphs(title=TITLE, parts=PARTS) -> str:
    return title + "\n\n" + "\n\n".join(f"{label}: {text}" for label, text in parts) + "\n"


def markdown(title=TITLE, parts=PARTS) -> str:
    return f"# {title}\n\n## Abstract\n\n" + "\n\n".join(f"### {label}\n\n{text}" for label, text in parts) + "\n"


def pubmed_export(title=TITLE, parts=PARTS) -> str:
    """PubMed's text format: citation, title with a full stop, authors, affiliations, one label a line."""
    return ("1. J Invented Trials. 2021 Mar;12(3):201-209. doi: 10.5555/jit.2021.0042. Epub 2021 Jan 12.\n\n"
            f"{title}.\n\nRivera A(1), Okafor C(2), Park L(1).\n\nAuthor information:\n"
            "(1)Department of Rheumatology, Example Hospital, Exampleton.\n(2)Trials Unit, Example Institute.\n\n"
            + "\n".join(f"{label.upper()}: {text}" for label, text in parts)
            + "\n\nCopyright © 2021 Example Press.\n\nDOI: 10.5555/jit.2021.0042\nPMID: 12345678\n")


def unlabelled(title=TITLE, parts=PARTS) -> str:
    return title + "\n\n" + " ".join(text for _label, text in parts) + "\n"


def variant_labels(title=TITLE, parts=PARTS) -> str:
    return pubmed_inline(title, [(VARIANTS[label], text) for label, text in parts])


def lancet(title=TITLE, parts=PARTS) -> str:
    """A Lancet-style summary: one paragraph a part, its label glued to it with no colon."""
    names = {"Results": "Findings", "Conclusions": "Interpretation"}
    return (f"{title}\n\nSummary\n\n" + "\n\n".join(f"{names.get(label, label)} {text}" for label, text in parts)
            + "\n\nFunding Example Foundation.\n")


def crlf(layout):
    """The same layout with Windows line ends."""
    return lambda *a, **k: layout(*a, **k).replace("\n", "\r\n")


LAYOUTS = {"pubmed_inline": pubmed_inline, "pubmed_export": pubmed_export, "colon_paragraphs": colon_paragraphs,
           "markdown": markdown, "unlabelled": unlabelled, "variant_labels": variant_labels,
           "crlf_heading_lines": crlf(heading_lines), "crlf_pubmed_export": crlf(pubmed_export),
           "crlf_unlabelled": crlf(unlabelled), "lancet": lancet}


def _key(fact) -> tuple:
    """What a fact says, without where it was found or how sure the extractor was."""
    fields = tuple(sorted((k, tuple(v) if isinstance(v, list) else getattr(v, "iri", v))
                          for k, v in fact.fields.items()))
    return fact.kind, fields


def facts(tmp_path: Path, text: str, name: str = "abstract"):
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    document = read(path)
    found = extract_all(document, get_nlp()(document.text), load_lexicon()).facts
    for f in found:  # provenance stays exact whatever the layout
        for ev in f.evidence:
            assert 0 <= ev.start < ev.end <= len(document.text)
    return document, found


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The facts of the heading-line layout, which the corpus layout already read well."""
    _doc, found = facts(tmp_path_factory.mktemp("ref"), heading_lines())
    kinds = {f.kind for f in found}
    assert {"trial", "intervention", "endpoint", "result", "adverse_event", "mechanism"} <= kinds, kinds
    return {_key(f) for f in found}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_layout_gives_the_facts_of_heading_lines(tmp_path, reference, layout):
    document, found = facts(tmp_path, LAYOUTS[layout]())
    got = {_key(f) for f in found}
    assert got == reference, (layout, reference - got, got - reference)
    assert document.metadata.title == TITLE


@pytest.mark.parametrize("layout", ["pubmed_inline", "pubmed_export", "colon_paragraphs", "variant_labels",
                                    "markdown", "crlf_heading_lines", "crlf_pubmed_export", "lancet"])
def test_labelled_parts_are_found_in_every_layout(tmp_path, layout):
    document, _ = facts(tmp_path, LAYOUTS[layout]())
    text = document.text
    expected = {"Psoriatic arthritis lacks": "background", "we randomly assigned": "methods",
                "decreased from 4.8": "results", "improved disease activity": "conclusions"}
    for phrase, part in expected.items():
        assert part_of(document, text.index(phrase)) == (part, True), (layout, phrase)
    assert part_of(document, text.index(TITLE)) == ("title", False)


@pytest.mark.parametrize("title", [TITLE, "Methotrexate in arthritis. A pilot trial"])
def test_unlabelled_abstract_under_a_short_title_is_the_abstract(tmp_path, title):
    document, _ = facts(tmp_path, unlabelled(title))
    start = document.text.index("Psoriatic arthritis lacks")
    assert part_of(document, start) == ("other", True)
    assert document.section_at(start).kind == "abstract"
    assert document.metadata.title == title and part_of(document, 0) == ("title", False)


def test_a_second_study_written_in_two_layouts(tmp_path):
    """Another trial, with labels NLM maps to the same parts, upper-case inline vs heading lines."""
    title = "Tocilizumab in giant cell arteritis"
    parts = [("Objective", "To test whether tocilizumab spares glucocorticoids in giant cell arteritis."),
             ("Design", "A randomized, double-blind, placebo-controlled trial in 12 centres."),
             ("Interventions", "Tocilizumab 162 mg weekly or placebo, each with a prednisone taper."),
             ("Main outcome measures", "The primary endpoint was sustained remission at week 52."),
             ("Main results", "Sustained remission occurred in 56% of patients given tocilizumab and 14% given "
                              "placebo (p < 0.001). Neutropenia was reported in 4 patients."),
             ("Trial registration", "ClinicalTrials.gov NCT01791153.")]
    _d1, inline = facts(tmp_path, pubmed_inline(title, parts), "inline")
    _d2, lines = facts(tmp_path, heading_lines(title, parts), "lines")
    assert {_key(f) for f in inline} == {_key(f) for f in lines}
    kinds = {f.kind for f in inline}
    assert {"trial", "intervention", "endpoint", "adverse_event"} <= kinds, kinds
    assert any(f.fields.get("attribute") == "registry_id" for f in inline)


def test_references_and_acknowledgements_stay_unmined(tmp_path):
    body = heading_lines() + ("\nAcknowledgements\nWe thank the nurses. Nausea occurred in 5 patients given "
                              "methotrexate in a pilot.\n\nReferences\n1. Smith J. Methotrexate 25 mg weekly in "
                              "psoriatic arthritis reduced pain (p = 0.01). J Rheum 2001.\n")
    document, found = facts(tmp_path, body)
    cut = document.text.index("Acknowledgements")
    assert found and all(ev.start < cut for f in found for ev in f.evidence)


@pytest.mark.parametrize(("label", "part"), [
    ("BACKGROUND", "background"), ("Aims", "objective"), ("Purpose", "objective"), ("Introduction", "background"),
    ("Materials and methods", "methods"), ("Patients and Methods", "methods"), ("METHODS/DESIGN", "methods"),
    ("Design, Setting, and Participants", "methods"), ("Main Outcome Measures", "methods"),
    ("Interventions", "methods"), ("Measurements", "methods"), ("Outcome measures", "methods"),
    ("Findings", "results"), ("Main results", "results"), ("Results and conclusion", "results"),
    ("Interpretation", "conclusions"), ("Significance", "conclusions"), ("Discussion", "discussion"),
    ("Trial registration", "registration"), ("Funding", "funding"), ("Safety profile", None)])
def test_label_to_part_is_case_insensitive_data(label, part):
    assert label_part(label) == part
    assert label_part(label.upper()) == part and label_part(label.lower() + ":") == part


def _read(tmp_path: Path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read(path)


def test_authors_and_affiliations_between_title_and_labels_stay_front_matter(tmp_path):
    text = (f"{TITLE}\n\nAna Rivera, Chidi Okafor and Lee Park\n\nDepartment of Rheumatology, Example Hospital, "
            "Exampleton\n\n" + pubmed_inline().split("\n\n", 1)[1])
    document = _read(tmp_path, text)
    assert document.section_at(text.index("Department of")).kind == "front"
    assert part_of(document, text.index("decreased from 4.8")) == ("results", True)
    assert document.metadata.title == TITLE


def test_abstract_ends_where_the_body_repeats_a_label(tmp_path):
    """BMC layout: an 'Abstract' with heading-line parts, then the body's own Background, Methods..."""
    filler = "A sentence that stands for a paragraph of the article body, written for this test. " * 20
    body = "\n\n".join(f"{h}\n{filler}" for h in ("Background", "Methods", "Study population", "Results",
                                                 "Efficacy", "Discussion"))
    body = body.replace("Results\n", "Outcomes: pain was scored every week.\n\nResults\n", 1)
    abstract = heading_lines().split("\n\n", 1)[1]
    text = (f"{TITLE}\n\nAbstract\n\n{abstract}\n{body}\n\nReferences\n1. A ref.\n\n"
            "Trial registration\nA registry entry cited in a reference.\n")
    document = _read(tmp_path, text)
    body_start = text.index(filler)
    assert part_of(document, text.index("decreased from 4.8")) == ("results", True)
    assert part_of(document, body_start) == ("background", False)
    # a label under a top-level heading ("Study population" under Methods, "Efficacy" under Results) keeps its part
    assert part_of(document, text.index(filler, text.index("Study population"))) == ("methods", False)
    assert part_of(document, text.index(filler, text.index("\nEfficacy"))) == ("results", False)
    assert document.section_at(text.index("1. A ref.")).kind == "references"
    # a label inside a body paragraph is a sentence; a label after the references is still references
    assert part_of(document, text.index("Outcomes: pain")) == ("methods", False)
    assert document.section_at(text.index("A registry entry")).kind == "references"


def test_jats_abstract_sections_map_through_the_same_labels(tmp_path):
    secs = "".join(f"<sec><title>{label}</title><p>{body}</p></sec>" for label, body in
                   [("Context", "A context."), ("Methods and Findings", "We found a fall (p = 0.01)."),
                    ("Interpretation", "It works.")])
    xml = ("<?xml version='1.0'?><article><front><article-meta><title-group><article-title>A title"
           f"</article-title></title-group><abstract>{secs}</abstract></article-meta></front>"
           "<body><sec><title>Introduction</title><p>Why.</p></sec></body></article>")
    document = _read(tmp_path, xml, "a.xml")
    text = document.text
    assert part_of(document, text.index("A context")) == ("background", True)
    assert part_of(document, text.index("We found")) == ("results", True)
    assert part_of(document, text.index("It works")) == ("conclusions", True)
    assert part_of(document, text.index("Why.")) == ("background", False)


def test_unknown_headings_after_prose_open_the_body_not_front_matter(tmp_path):
    """Headings no list knows ("Disease activity", "Side effects") after the first paragraph of prose."""
    methods, results = PARTS[1][1], PARTS[2][1]
    score, nausea, il6 = results.split(". ")
    text = (f"{TITLE}\n\n{PARTS[0][1]} {methods}\n\nDisease activity\n\n{score}.\n\nSide effects\n\n{nausea}.\n\n"
            f"Immune markers\n\n{il6}\n")
    document, found = facts(tmp_path, text)
    assert document.section_at(text.index("decreased from 4.8")).kind == "body"
    kinds = {f.kind for f in found}
    assert {"intervention", "result", "adverse_event", "mechanism"} <= kinds, kinds


def test_every_top_level_body_heading_opens_a_part():
    """A top-level heading sets the part for the sub-headings under it, so each must have one."""
    from kg.readers.common import sections_data

    assert [h for h in sections_data()["document"]["body"] if label_part(h) is None] == []
