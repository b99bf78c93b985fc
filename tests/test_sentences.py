"""kg_sentences: sentence starts read from spaCy's arrays keep the rules' behaviour."""

from kg.nlp import get_nlp
from kg.textsafety import parse


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in parse(get_nlp(), text).sents if s.text.strip()]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    assert _sentences("As Brown et al. showed, sleep improved. Mood did not.") == [
        "As Brown et al. showed, sleep improved.", "Mood did not."]
    assert _sentences("Drug A vs. Placebo is shown in Fig. 2 here! Then we stopped.") == [
        "Drug A vs. Placebo is shown in Fig. 2 here!", "Then we stopped."]


def test_newlines_and_lower_case_starts() -> None:
    # a line that goes on in lower case is debris of a page break; a capital after a newline opens one
    assert _sentences("Pain fell in the\ngroup given the gel\n\nSecond part begins") == [
        "Pain fell in the\ngroup given the gel", "Second part begins"]
    assert _sentences("Scores were lower. ketamine also helped.") == [
        "Scores were lower.", "ketamine also helped."]
    assert _sentences("Values of 2.5 mg were given (P < 0.01). Weight rose.") == [
        "Values of 2.5 mg were given (P < 0.01).", "Weight rose."]


def test_empty_and_space_only_texts() -> None:
    assert _sentences("") == []
    assert _sentences("  \n ") == []
