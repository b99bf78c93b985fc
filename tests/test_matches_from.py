"""`interventions._matches_from`: a paper's own pattern tried only where one of its literal forms
opens finds what `finditer` finds."""

from __future__ import annotations

import re

from kg.extract.interventions import _COMPARED, _COMPARED_BEFORE, _literal_starts, _matches_from

FORMS = ["motor imagery training", "usual care", "MIT", "UC"]
ALT = "|".join(map(re.escape, sorted(FORMS, key=len, reverse=True)))
LISTED = re.compile(rf"(?<![\w-])(?:{ALT})(?:(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)(?:{ALT}|[\w-]+))*"
                    rf"(?:-(?:rich|based))?\s+(?:programme|sessions?|diet)\b", re.I)
SIDES = re.compile(rf"(?<![\w-])(?P<f>{ALT})\s*(?:(?:group|arm)s?\b|(?:versus|vs\.?)\s)|"
                   rf"{_COMPARED}\s+(?:the\s+)?(?P<g>{ALT})(?![\w-])", re.I)
TEXTS = [
    "Patients were randomised to six MIT sessions or UC; the mit-based programme ran for 8 weeks.",
    "The MIT, UC and walking programme groups were compared with the usual care group (MIT versus UC).",
    "Outcomes improved more with Motor Imagery Training than with usual care, compared with UC alone.",
    "Neither the MİT arm nor the UC arm changed versus baseline.",  # a dotted capital I: re.I folds it
    "No form here at all, vs. nothing.",
]


def _spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


def test_a_list_of_forms_is_found_where_finditer_finds_it():
    lowered = [f.lower() for f in FORMS]
    for text in TEXTS:
        starts = _literal_starts(text, lowered)
        assert _spans(_matches_from(LISTED, text, starts)) == _spans(LISTED.finditer(text))


def test_sides_open_at_a_form_or_at_the_comparison_words():
    lowered = [f.lower() for f in FORMS]
    for text in TEXTS:
        starts = _literal_starts(text, lowered)
        if starts is not None:
            starts = sorted({*starts, *(m.start() for m in _COMPARED_BEFORE.finditer(text))})
        assert _spans(_matches_from(SIDES, text, starts)) == _spans(SIDES.finditer(text))


def test_no_places_are_claimed_where_lowering_cannot_tell():
    assert _literal_starts("The MİT arm", ["mit"]) is None  # İ: re.I equates it with i, str.lower does not
    assert _literal_starts("The MIT arm", None) is None  # a form outside ASCII
    assert _literal_starts("MIT or mit", ["mit"]) == [0, 7]
