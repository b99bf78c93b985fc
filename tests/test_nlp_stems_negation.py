"""The lexicon's drug stems and the negation scopes, after reading them from spaCy's arrays."""

from kg.nlp import get_nlp, sentence_starts
from kg.textsafety import parse


def _drugs(text: str) -> list[str]:
    doc = parse(get_nlp(), text)  # (held: a span group refers to its Doc weakly)
    return [sp.text for sp in doc.spans["concepts"] if sp.label_ == "Drug"]


def test_words_ending_in_a_drug_stem_are_drugs() -> None:
    assert "zorbelimab" in _drugs("Patients were given zorbelimab weekly.")
    assert "quintaprazole" in _drugs("Each arm took quintaprazole or a sham tablet.")
    # a stem inside a word, not at its end, names no drug
    assert "mabrotelix" not in _drugs("Patients were given mabrotelix weekly.")


def test_negation_stays_within_its_sentence() -> None:
    doc = parse(get_nlp(), "There was no fever after the dose. Headache occurred in two patients.")
    negated = {e.text.lower(): e._.negex for e in doc.ents}
    assert negated.get("fever") is True and negated.get("headache") is False
    doc = parse(get_nlp(), "Nausea was reported twice. No patient had a rash.")
    negated = {e.text.lower(): e._.negex for e in doc.ents}
    assert negated.get("nausea") is False and negated.get("rash") is True


def test_sentence_starts_are_those_of_doc_sents() -> None:
    for text in ("", "One. Two! Three?", "A line\n\nAnother line. And more."):
        doc = parse(get_nlp(), text)
        assert sentence_starts(doc) == [s.start for s in doc.sents]
