"""An outcome-measures label on a line of its own (BMJ, JAMA and Annals layouts) heads the list
of endpoints that follows it; before, the label was read as a sentence of its own and the list,
being the section's second sentence, declared nothing."""

from __future__ import annotations

import pytest

from tests.test_extraction_endpoints_aes import facts_of, names

LAYOUTS = [
    # (label, gap between label and list)
    ("Main outcome measures", "\n"),
    ("Main outcome measures", "\n\n"),
    ("Main Outcomes and Measures", "\n"),
    ("Outcome measures:", "\n"),
]


@pytest.mark.parametrize("label,gap", LAYOUTS)
@pytest.mark.parametrize("body,expected", [
    ("Days to resolution of fever and the serum ferritin concentration.",
     {"days to resolution of fever", "serum ferritin concentration"}),
    ("Change in exercise capacity at 16 weeks; hospital admissions.",
     {"exercise capacity", "hospital admissions"}),
])
def test_a_label_line_heads_the_list_after_it(tmp_path, label, gap, body, expected):
    text = (f"Design\nA randomised, double blind trial in 14 clinics.\n\n{label}{gap}{body}\n\n"
            "Results\nFever resolved sooner with the drug.")
    got = names(facts_of(tmp_path, text, "endpoint", section="Abstract"))
    assert expected <= set(got), got


def test_a_label_line_with_a_sentence_of_its_own_is_read_by_the_sentence(tmp_path):
    text = ("Main outcome measures\nThe primary outcome was the time to relapse.\n\n"
            "Results\nRelapse came later with the drug.")
    got = names(facts_of(tmp_path, text, "endpoint", section="Abstract"))
    assert "time to relapse" in got and got["time to relapse"]["kind"] == "primary", got
