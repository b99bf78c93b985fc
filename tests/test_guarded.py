"""Guarded patterns (kg.extract.base.Guarded) find exactly what their unguarded patterns find:
the guard only skips sentences where the pattern cannot match."""

from __future__ import annotations

import re

from kg.extract import endpoints, interventions, mechanism_clauses, trial
from kg.extract.base import Guarded

# written for this test, in several layouts: arms, administration, comparisons, classes, registries
SENTENCES = [
    "Patients in the treatment group received oral zinc supplementation twice daily for 12 weeks.",
    "Forty adults were given either a placebo capsule or 20 mg of lisinopril at bedtime.",
    "The exercise arm versus the usual care arm showed no difference in fatigue scores.",
    "Celecoxib, a COX-2 inhibitor, was compared with naproxen in the intervention arm.",
    "Participants taking angiotensin receptor blockers (losartan, valsartan) were excluded.",
    "Registered at ClinicalTrials.gov (NCT01234567) and ISRCTN 12345678; see also ACTRN12612000123456.",
    "Vitamin D vs. placebo: serum calcium concentrations rose in both groups.",
    "No intervention was given; the cohort was observed for two years.",
    "The primary endpoint was the change in HbA1c at 24 weeks; secondary outcomes included weight.",
    "Mortality at 90 days was the primary outcome measure of the trial.",
    "TREATMENT GROUP: acupuncture sessions (n = 30); CONTROL GROUP: sham acupuncture (n = 30).",
    "",
]


def _guarded_patterns() -> list[Guarded]:
    found: list[Guarded] = []
    for table in (interventions.rules(), mechanism_clauses.data()):
        for value in table.values():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, Guarded):
                    found.append(item)
    found += [rx for rx, _near in trial._registries()]
    found += [rx for rx in endpoints._cues().declared if isinstance(rx, Guarded)]
    return found


def test_guarded_patterns_match_as_their_patterns_do():
    patterns = _guarded_patterns()
    assert len(patterns) >= 8
    matched = 0
    for g in patterns:
        for s in SENTENCES:
            expected = [(m.start(), m.end(), m.groupdict()) for m in g.rx.finditer(s)]
            assert [(m.start(), m.end(), m.groupdict()) for m in g.finditer(s)] == expected, (g.pattern[:60], s)
            plain, got = g.rx.search(s), g.search(s)
            assert (plain and plain.span()) == (got and got.span())
            assert bool(g.rx.fullmatch(s)) == bool(g.fullmatch(s))
            matched += bool(expected)
    assert matched >= 8  # the sentences exercise the patterns, not only their guards


def test_a_guard_that_does_not_match_skips_the_pattern():
    g = Guarded(re.compile(r"(?:\w+\s+){0,3}?inhibitors"), re.compile("inhibitor"))
    assert g.search("ACE inhibitors lower blood pressure").group(0) == "ACE inhibitors"
    assert g.search("ACE blockers lower blood pressure") is None
    shared = Guarded(re.compile(r"\w+ blockers"), g.guard)  # a second pattern behind the same guard
    text = "beta blockers"
    assert g.search(text) is None and shared.search(text) is None
    assert shared.search("beta blockers and ACE inhibitors").group(0) == "beta blockers"
