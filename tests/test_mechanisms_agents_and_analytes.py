"""Which arm a mechanism statement is of, and analytes the target vocabulary lacked.

Agents: an arm set before the subject by a comparator cue ('Compared with B, A lowered X',
'Unlike B, A ...', 'A, compared to B, ...', 'A was superior to B in ...') is no subject; a
subject that names what was given ('Vitamin D supplementation') is the agent even when its
first words name a biomarker; the subject of a coordination's first verb is the agent of its
second ('Aerobic training reduced A and increased B'); the therapy a title's population is on
('X for patients treated with Y') is no default agent, also when the title names X by a word
of the lexicon rather than by the intervention's name; 'all treatments' includes the active
comparator; a statement whose agent is the default arm names it with the paper's own words.

Targets: receptors written with a hyphen ('estrogen-receptor'), short forms with their number
after a hyphen before a biomarker head ('DPP-4 activity'), and a substance measured in a
specimen ('plasma tryptophan') unless the trial gives it. Clinical outcomes stay results.

Every sentence was written for these tests, each class in two phrasings or more.
"""

from __future__ import annotations

import pytest

from tests.test_extraction_mechanisms import find, mechs

DOSES = "Adults received atorvastatin 20 mg/day or ezetimibe 10 mg/day for 12 weeks. "
TITLE = "Atorvastatin versus ezetimibe in adults with hypercholesterolaemia: a randomised trial"


@pytest.mark.parametrize("body", [
    "Compared with ezetimibe, atorvastatin lowered plasma interleukin-6 at week 12.",
    "In comparison with ezetimibe, atorvastatin lowered plasma interleukin-6 at week 12.",
    "Unlike ezetimibe, atorvastatin reduced serum interleukin-6 at week 12.",
    "Atorvastatin, compared to ezetimibe, significantly decreased plasma interleukin-6.",
    "Atorvastatin was superior to ezetimibe in lowering plasma interleukin-6.",
])
def test_an_arm_set_apart_by_a_comparator_is_no_subject(tmp_path, body):
    found = mechs(tmp_path, DOSES + body, title=TITLE)
    find(found, "atorvastatin", "down", "IL-6")
    assert not any("ezetimibe" in m["agent"].lower() for m in found), found


@pytest.mark.parametrize("body, agent, direction, target", [
    ("Women received metformin 1500 mg/day plus vitamin D3 4000 IU/day or metformin plus placebo for 12 weeks. "
     "Vitamin D supplementation increased serum 25(OH)D and lowered serum AMH.", "vitamin d", "down", "amh"),
    ("Women received metformin 1500 mg/day plus melatonin 3 mg/day or metformin plus placebo for 12 weeks. "
     "Melatonin administration reduced serum malondialdehyde.", "melatonin", "down", "malondialdehyde"),
])
def test_a_subject_naming_what_was_given_is_the_agent(tmp_path, body, agent, direction, target):
    found = mechs(tmp_path, body, title="Metformin with or without a supplement in polycystic ovary syndrome")
    find(found, agent, direction, target)
    assert not any(m["agent"].lower() == "metformin" and target in m["target"].lower() for m in found), found


@pytest.mark.parametrize("body, agent", [
    ("Patients were randomised to supervised aerobic training or usual care for 16 weeks. "
     "Aerobic training reduced plasma IL-6 and increased adiponectin.", "aerobic training"),
    ("Patients were randomised to a yoga programme or a waiting list for 16 weeks. "
     "Yoga practice lowered salivary cortisol and raised serum adiponectin.", "yoga"),
])
def test_the_subject_of_the_first_verb_is_the_agent_of_the_second(tmp_path, body, agent):
    found = mechs(tmp_path, body, title="A lifestyle programme in adults with type 2 diabetes")
    find(found, agent, "up", "adiponectin")


@pytest.mark.parametrize("title, body, other", [
    ("Vitamin D supplementation for patients with multiple sclerosis treated with interferon-beta: a randomised trial",
     "Patients were assigned to 800 IU of vitamin D3 per day (low dose) or 4,000 IU per day (high dose) for one "
     "year. Serum PTH levels decreased in the high dose group.", "interferon"),
    ("Fish oil for women with rheumatoid arthritis treated with methotrexate: a randomised trial",
     "Women were assigned to 1 g (low dose) or 3 g (high dose) of omega-3 fatty acids per day for six months. "
     "Serum IL-6 levels fell in the high dose group.", "methotrexate"),
])
def test_the_therapy_of_the_titles_population_is_no_default_agent(tmp_path, title, body, other):
    found = mechs(tmp_path, body, title=title)
    assert found and not any(other in m["agent"].lower() for m in found), found


@pytest.mark.parametrize("body", [
    "All treatments significantly reduced ER expression from baseline.",
    "Ki67 expression was significantly reduced with all treatments.",
])
def test_all_treatments_include_the_active_comparator(tmp_path, body):
    title = "Pre-surgical endocrine therapy in postmenopausal breast cancer: a randomised trial"
    methods = ("Patients received fulvestrant 500 mg plus anastrozole 1 mg/day versus fulvestrant 500 mg alone or "
               "anastrozole 1 mg/day alone for 14 days. ")
    found = mechs(tmp_path, methods + body, title=title)
    agents = {m["agent"].lower() for m in found if m["relation"] in ("decreases", "reduces")}
    assert {"fulvestrant", "anastrozole"} <= agents, found


@pytest.mark.parametrize("drug, body, target", [
    ("letrozole", "Letrozole lowered the estrogen-receptor H-score of the tumour.", "estrogen-receptor"),
    ("sitagliptin", "After 8 weeks, sitagliptin lowered the progesterone-receptor index of the tumour.",
     "progesterone-receptor"),
    ("sitagliptin", "Sitagliptin reduced plasma DPP-4 activity by 80%.", "dpp-4 activity"),
    ("calcitriol", "Calcitriol lowered serum FGF-23 at week 12.", "fgf-23"),
    ("celecoxib", "Celecoxib lowered plasma tryptophan at week 4.", "plasma tryptophan"),
    ("dexamethasone", "Dexamethasone lowered serum 17-hydroxyprogesterone within two days.", "17-hydroxyprogesterone"),
])
def test_analytes_the_vocabulary_lacked(tmp_path, drug, body, target):
    found = mechs(tmp_path, body, title=f"{drug.title()} in adults: a randomised trial")
    find(found, drug, "down", target)


@pytest.mark.parametrize("body", [
    "Adults received tryptophan 1 g/day or placebo. Tryptophan raised plasma tryptophan at week 4.",
    "Adults received zinc sulfate 50 mg/day or placebo. Plasma zinc increased with zinc sulfate.",
])
def test_the_trials_own_substance_in_a_specimen_is_no_target(tmp_path, body):
    found = mechs(tmp_path, body, title="A supplement in adults: a randomised trial")
    assert not any(m["target"].lower().startswith("plasma") for m in found), found


@pytest.mark.parametrize("body", [
    "Atorvastatin lowered systolic blood pressure and mortality at one year.",
    "Compared with ezetimibe, atorvastatin reduced body weight and the pain score.",
])
def test_clinical_outcomes_stay_results(tmp_path, body):
    assert mechs(tmp_path, DOSES + body, title=TITLE) == []


def test_a_default_arm_is_named_with_the_papers_words(tmp_path):
    body = ("Adults received vitamin D 4000 IU/day or placebo for 12 weeks. "
            "Serum PTH levels decreased significantly in the high dose group (p = 0.01).")
    found = mechs(tmp_path, body, title="Vitamin D in adults with low bone density: a randomised trial")
    m = find(found, "", "down", "pth")
    assert m["agent_text"] and "vitamin d" in m["agent_text"].lower(), m
