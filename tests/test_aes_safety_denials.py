"""Safety statements that say no event happened, in the layouts of abstracts nobody here has read: a
denial that reaches the umbrella term across a relative clause, and a denied stop of the trial for
harms. Each in two wordings and two layouts (a Results section, an unlabelled abstract paragraph).

Every sentence is written for these tests; nothing is copied from a scored or mined paper.
"""

from __future__ import annotations

import pytest

from tests.test_aes_unseen_abstracts import LAYOUTS, aes
from tests.test_extraction_endpoints_aes import terms


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence",
    [
        "None of the children who finished the eight-week course reported any side effects.",
        "None of the women enrolled at the two rural sites experienced any adverse events.",
    ],
)
def test_a_denial_across_a_relative_clause(tmp_path, layout, sentence):
    assert ("adverse event", True) in terms(aes(tmp_path, sentence, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence",
    [
        # a clause between the denial and the events ends it; the events of those who had them are no denial
        "None of the children was withdrawn, and those who reported any side effects recovered within days.",
        "Most of the children who finished the course reported side effects.",
    ],
)
def test_no_denial_across_a_new_clause(tmp_path, layout, sentence):
    assert ("adverse event", True) not in terms(aes(tmp_path, sentence, layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence, surface",
    [
        ("None of the volunteers stopped participation because of side effects.",
         "stopped participation because of side effects"),
        ("No dropouts occurred in this trial due to adverse events.",
         "dropouts occurred in this trial due to adverse events"),
    ],
)
def test_a_denied_stop_for_harms(tmp_path, layout, sentence, surface):
    found = aes(tmp_path, sentence, layout)
    stop = [f for f in found if f.fields["term"].label == "treatment discontinuation"]
    assert len(stop) == 1 and stop[0].fields["negated"] is True, terms(found)
    assert stop[0].surface == surface
    assert ("adverse event", True) not in terms(found)
