"""Endpoints, round 2 of classes seen in trial abstracts nobody here had read: a rate per person
('cost per patient'), a count bound ('at least one X was recorded'), trends favouring an arm for
some measures, instruments named as the means of an assessment, shared heads in noun lists and
body-part lists.

Each class in two wordings and two layouts (a headed section; an abstract with inline labels).
Every sentence here was written for these tests; nothing is copied from a scored paper.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_endpoints_aes import facts_of, names

METHODS = [("Methods", "{}"), (None, "Methods: {}")]
RESULTS = [("Results", "{}"), (None, "Results: {}")]


def endpoints(tmp_path, body: str, section: str | None) -> dict[str, dict]:
    return names(facts_of(tmp_path, body, "endpoint", section=section))


@pytest.mark.parametrize("section, wrap", METHODS)
@pytest.mark.parametrize("sentence, expected", [
    ("Secondary outcomes were the cost per participant and the length of stay.", "cost per participant"),
    ("Outcome measures included the cost per person and grip strength.", "cost per person"),
])
def test_a_rate_per_person_names_a_measure(tmp_path, section, wrap, sentence, expected):
    assert expected in endpoints(tmp_path, wrap.format(sentence), section)


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, expected", [
    ("At least one fall was recorded in 12 residents of the exercise group and 20 of the control group.", "fall"),
    ("One or more asthma attacks were noted in 9% of the inhaler group.", "asthma attacks"),
])
def test_a_count_bound_is_not_part_of_the_name(tmp_path, section, wrap, sentence, expected):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected in found and not any("least" in n or "one or more" in n for n in found), found


@pytest.mark.parametrize("section, wrap", RESULTS)
@pytest.mark.parametrize("sentence, expected, arm", [
    ("There were trends favouring the gel for itching and redness.", {"itching", "redness"}, "gel"),
    ("A non-significant trend in favour of the walking arm was observed for resting heart rate and mood.",
     {"resting heart rate", "mood"}, "walking arm"),
])
def test_trends_favouring_an_arm_name_their_measures(tmp_path, section, wrap, sentence, expected, arm):
    found = endpoints(tmp_path, wrap.format(sentence), section)
    assert expected <= set(found) and not any(arm in n for n in found), found
