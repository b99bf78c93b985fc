"""A bare 'v' between two numbers is 'versus' (the BMJ's house style: '4.5 v 8.1 days'), and a
time point is never one of the finding's own values nor the tail of a decimal ('8.1 days' is no
'1 days')."""

from __future__ import annotations

import pytest

from tests.test_extraction_endpoints_aes import facts_of


def results(tmp_path, body, section):
    return [f.fields for f in facts_of(tmp_path, body, "result", section=section)]


@pytest.mark.parametrize("section", ["Results", None])
@pytest.mark.parametrize("sentence,value,comparator", [
    ("Time to first stool was shorter with lactulose (2.5 v 3.75 days, P=0.02).", "2.5", "3.75 days"),
    ("Median pain scores at 12 weeks were 31 v 44 in the two groups (P<0.001).", "31", "44"),
    ("Relapse occurred in 12% v 21% of patients (P=0.04).", "12%", "21%"),
])
def test_a_bare_v_compares_two_values(tmp_path, section, sentence, value, comparator):
    got = results(tmp_path, sentence, section)
    assert any(r["value"] == value and r["comparator_value"] == comparator for r in got), got


@pytest.mark.parametrize("section", ["Results", None])
def test_the_time_point_is_not_a_value(tmp_path, section):
    got = results(tmp_path, "Hospital stay was shorter with early feeding (6 v 9 days, P=0.01).", section)
    assert got and all(r["timepoint"] is None for r in got), got
    got = results(tmp_path, "Hospital stay was 5.1 days with early feeding v 7.4 days with delayed feeding at "
                            "12 weeks (P=0.01).", section)
    assert got and all(r["timepoint"] in (None, "12 weeks") for r in got), got


@pytest.mark.parametrize("section", ["Results", None])
def test_a_letter_v_inside_a_name_compares_nothing(tmp_path, section):
    got = results(tmp_path, "Factor V 12 and factor VIII levels did not differ (P=0.4).", section)
    assert not any(r["comparator_value"] for r in got), got
