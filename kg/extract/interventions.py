"""Interventions: what each arm received, with dose (normalised unit), route, schedule, duration.

Two sources, both written for classes of phrasing (cue words in `ontology/interventions.json`):
- **arm phrases**: "randomly assigned to X or Y", "patients received X", "treated with X",
  "the X group", "X versus Y", "X supplementation". A drug the vocabulary knows is taken as
  its concept; otherwise a short phrase whose words are not a comparator, population or
  design word becomes an intervention of its own (supplements, foods, devices, procedures,
  behavioural programmes). Placebo is a design, never an intervention.
- **doses**: a number and a unit ("0.10 mg/kg", "100,000 IU", "200 mcg", "2%"), bound to
  the drug it belongs to: the drug right after it ("400 mg albendazole", "15 mg/kg of
  either X or Y"), the drug right before it with nothing but an abbreviation, a vehicle
  or "at a dose of" between ("erythromycin ointment 2%", "lisinopril (L) (10 mg daily)"),
  the drug of the dose just before it ("FF 200 mcg or 400 mcg"), else the only drug of its
  sentence. Never the nearest drug across a clause. Thresholds ("≥ 10 mg/day") and changes
  ("decreased from 12.25 mg/day") are not doses.
Schedule and duration are read in the dose's own clause first, then in the clauses and
sentences that name the same intervention, then (a drug only, and a route only when the
trial names one route) in the methods' sentences that name no intervention: never from
another intervention's words, and no route reaches a behavioural, food or programme arm.
Also doses per amount of food ('15 g/100 g of food'), counts of cells ('6 × 10^6 cells'),
amounts of a product no drug names ('10 ml of a topical gel composed of ...'), ranges
(dose_min/dose_max), and one arm per way of taking a dose ('by chewing or swallowing',
'in the morning or in the evening'). No arm: test agents ('methacholine challenge'),
disease-model inducers ('fed a high-fat diet'), what a product lacks, a drug beside its own
formulations, the ingredients of a product given by amount. What every arm receives ('all
patients received X', 'X was given to all') is concomitant, not an arm of the comparison. Each
alternative an allocation offers ('X or Y', 'X plus Y', 'X combined with Y') is an arm, named by
the dictionaries or by its own words. All cue words in the JSON.
"""

from __future__ import annotations

import bisect
import functools
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract import arm_review
from kg.extract import recache as re
from kg.extract.abbreviations import Abbreviation, document_abbreviations
from kg.extract.base import (
    AnyOf,
    Context,
    Fact,
    Guarded,
    GuardIndex,
    _lowered,
    guarded,
    may_contain_any,
    part_of,
    whole_word,
)
from kg.extract.folded import folded, folding
from kg.extract.numbers import COUNT, NUMBER, to_int, to_number
from kg.extract.results import CHANGE_PATTERN
from kg.lexicon import ONTOLOGY_DIR, Concept, Lexicon

EXTRACTOR = "interventions"
RULES_FILE = ONTOLOGY_DIR / "interventions.json"
_DENOMINATORS = {"kg": "kg", "m2": "m²", "m²": "m²", "day": "day", "d": "day", "week": "week", "wk": "week",
                 "h": "h", "min": "min", "dose": "dose", "month": "month", "ml": "ml", "mL": "ml"}
# a number after these is a threshold or an amount of change, not a dose
_THRESHOLD = folded(re.compile(r"(?:[≥>≤<]|\b(?:at least|more than|less than|below|above|up to|under|over|"
                               r"maximum of|minimum of|exceeding|(?<!followed )by|difference(?: of)?|change(?: of)?))"
                               r"\s*$", re.IGNORECASE))
_CHANGE = folded(re.compile(r"\b(?:decreas|increas|reduc|taper|fell|rose|declin|drop)\w*\b[^.;]{0,40}$|\bfrom\s*$|"
                            r"\b(?:mean|median|average|cumulative|cumulated|total)\b[^.;]{0,40}$", re.IGNORECASE))
_DOSING_WORDS = folded(re.compile(r"\b(?:receiv|administ|dose|dosage|injection|infusion|group|arm|regimen|given|"
                                  r"treated|randomi[sz]|assigned|allocated)\w*", re.IGNORECASE))
# words that end a clause: a dose does not bind across them
_CLAUSE_BREAK = re.compile(r"[;.]|\b(?:or|and|versus|vs|plus|compared|whereas|while|but|than|with)\b",
                           re.IGNORECASE)
# where an allocation phrase's list of arms ends and a new statement begins (", and X was inhaled")
_NEW_CLAUSE = re.compile(r"[,;]\s*(?:and|but|while|whereas|then)\b|\b(?:was|were|is|are|had|has)\b", re.IGNORECASE)
_ROUTE_WORDS = r"(?:oral|orally|intravenous|intravenously|iv|i\.v\.|subcutaneous|subcutaneously|sc|s\.c\.|" \
               r"inhaled|topical|topically|intramuscular|intramuscularly|intranasal|sublingual)"


@functools.lru_cache(maxsize=1)
@folding  # searched on the lowered text where that matches the same (kg/extract/folded.py)
def rules() -> dict:
    """The cue phrases of ontology/interventions.json, compiled."""
    r = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    tail = r"(?P<tail>[^;]{2,240})"
    # "randomly assigned (1:1) to": a ratio's colon is no clause break
    r["alloc_rx"] = guarded(re.compile(rf"\b(?:{r['allocation']})\b(?:[^.;:]|(?<=\d):(?=\d)){{0,60}}?"
                                       rf"\b(?:{r['allocation_link']})\s+"
                                       rf"(?:(?:{'|'.join(r['allocation_lead'])})\s+)*{tail}", re.I))
    r["admin_rx"] = Guarded(re.compile(rf"(?P<subj>[^.;:,()]{{0,60}}?)\b(?:{r['administration']})\s+"
                                       rf"(?:(?:either|a|an|the|daily|oral|orally|intravenous|topical)\s+)*{tail}",
                                       re.I), re.compile(rf"\b(?:{r['administration']})\s", re.I))
    r["plain_list_rx"] = re.compile(r["plain_list"], re.I)
    r["concentration_rx"] = re.compile(rf"/\s*(?:{r['concentration_units']})$", re.I)
    r["administered_rx"] = guarded(re.compile(rf"\b(?:{r['administration']}|{r['schedule_verbs']})\b", re.I))
    r["period_rx"] = Guarded(re.compile(rf"\b(?:{r['period_lead']})\s+(?:(?:{'|'.join(r['allocation_lead'])})\s+)*"
                                        rf"(?P<tail>[^.;:]{{2,120}}?\b(?:or|versus|vs)\b[^.;:]{{2,80}})", re.I),
                         re.compile(r"\s(?:periods?|phases?|blocks?)\s", re.I))
    r["combined_parts_rx"] = re.compile(r["combined_design_parts"], re.I)
    r["statistic_rx"] = re.compile(r["first_statistic"], re.I)
    r["sham_pair_rx"] = Guarded(re.compile(r["sham_pair"], re.I), re.compile(r"\b(?:sham|placebo|simulated|mock)\s",
                                                                           re.I))
    r["sham_pair_lead_rx"] = re.compile(r["sham_pair_lead"], re.I)
    r["umbrella_rx"] = re.compile(rf"\b(?:{r['umbrella_heads']})$", re.I)
    r["recipients_rx"] = re.compile(rf"\b(?:{r['recipients']})\b", re.I)
    # "21 patients were assigned to 800 IU of X per day, while 24 patients received 4,370 IU per day": the
    # same drug, its name not written again in the other arm's clause
    r["parallel_arm_rx"] = re.compile(
        rf"[^.;]{{0,40}}?,?\s*\b(?:while|whereas|and|but)\s+(?:those\s+in\s+)?(?:the\s+)?(?:other\s+|remaining\s+)?"
        rf"(?:(?:\d+|{COUNT})\s+)?(?:{r['recipients']})\s+(?:(?:were|was)\s+)?(?:{r['administration']}|"
        rf"(?:assigned|allocated|randomi[sz]ed)\s+to)\s+(?:(?:either|a|an|the)\s+)?(?:(?:daily\s+)?dose\s+of\s+)?",
        re.I)
    r["control_subject_rx"] = re.compile(rf"\b(?:{r['control_subjects']})\b", re.I)
    r["concomitant_rx"] = guarded(re.compile(rf"\b(?:{r['concomitant_cues']})\b", re.I))
    r["this_trial_rx"] = guarded(re.compile(rf"\b(?:{r['this_trial_cues']})\b", re.I))
    # lower-case "group": "Eastern Cooperative Oncology Group" is an organisation, not an arm
    r["group_rx"] = Guarded(re.compile(r"\b(?P<x>(?:[\w+/'-]+\s+){0,4}?[\w+/'-]+(?:\s*\([^()]{1,20}\))?)\s+"
                                       r"(?:group|arm)s?\b"), re.compile(r"\s(?:group|arm)s?\b"))
    # "Nei Yang Gong (experimental group)": a name followed by the arm it is
    r["named_arm_rx"] = re.compile(rf"(?P<x>\b[\w'-]+(?:\s+[\w'-]+){{0,5}})\s*\((?:the\s+)?(?:{r['arm_role_words']})\s+"
                                   r"(?:group|arm)\b[^()]*\)", re.I)
    r["named_arm_rx"] = guarded(r["named_arm_rx"])
    r["versus_rx"] = Guarded(re.compile(r"(?P<x>[^,;:()]{2,80}?)\s+(?:versus|vs\.?|compared\s+(?:with|to))\s+"
                                        r"(?P<tail>[^,;:.]{2,80})", re.I),
                             re.compile(r"\s(?:versus|vs\.?|compared\s+(?:with|to))\s", re.I))
    nouns = rf"(?:the\s+)?(?:{r['aim_nouns']})"
    r["aim_rx"] = Guarded(re.compile(rf"\b(?:{r['aim_verbs']})\s+{nouns}(?:(?:\s*,\s*|\s+and\s+|\s+or\s+){nouns})*"
                                     rf"\s+of\s+(?P<tail>[^;.:]{{2,160}}?)(?=\s+(?:{r['aim_list_end']})\b|[;.:]|$)",
                                     re.I), re.compile(r"\sof\s", re.I))
    heads = f"{r['intervention_nouns']}|{r['modified_heads']}"
    r["noun_rx"] = Guarded(re.compile(rf"\b(?P<x>(?:[\w'-]+\s+){{0,3}}?(?:{heads}))\b", re.I),
                           re.compile(rf"\b(?:{heads})\b", re.I))
    r["modified_head_rx"] = re.compile(rf"(?:{r['modified_heads']})", re.I)
    r["vehicle_rx"] = r["vehicles"]
    r["stop"] = set(r["not_intervention"])
    r["not_last"] = set(r["not_arm_last_words"])
    r["source_rx"] = re.compile(r["source_parenthetical"])
    r["trial_name_rx"] = re.compile(r["name_of_trial_after"])  # case-sensitive: a proper name
    r["every_arm_rx"] = re.compile(r["every_arm_recipients"], re.I)
    r["schedule_start_rx"] = re.compile(rf"(?<=\w),?\s+(?:{r['schedule_starts']})\b[^,;()]*?"
                                        rf"(?=\s*(?:[,;()]|\b(?:or|and|versus|vs|plus)\b|$))", re.I)
    # "patients treated with antibiotics were randomised to X or Y", "treated with X and then randomised to ..."
    r["shared_before_alloc_rx"] = Guarded(re.compile(
        rf"\b(?:{r['administration']})\s+(?P<x>[^,;:.()]{{2,60}}?)\s*,?\s+(?:(?:and|who)\s+)?(?:were|was)\s+"
        rf"(?:then\s+|subsequently\s+|further\s+)?(?:{r['allocation']})\b", re.I),
        re.compile(r"\s(?:were|was)\s", re.I))
    r["shared_before_either_rx"] = Guarded(re.compile(
        rf"\b(?:{r['administration']}|{r['allocation_link']})\s+(?P<x>[^,;:.()]{{2,60}}?)\s+"
        rf"(?:{r['shared_links']})\s+either\b", re.I), re.compile(r"\seither\s", re.I))
    r["ellipsis"] = set(r["ellipsis_modifiers"])
    r["volume_rx"] = re.compile(r["volume_units"], re.I)
    r["amount_units_rx"] = re.compile(r["amount_units"], re.I)
    r["number_label_rx"] = re.compile(rf"\b(?:{r['number_labels']})\s*$", re.I)
    r["alone_rx"] = re.compile(rf"\s+(?:{r['alone_words']})\s*$", re.I)
    r["every_arm_passive_rx"] = re.compile(r["every_arm_passive"], re.I)
    r["technique_rx"] = guarded(re.compile(r["every_arm_technique"], re.I))
    r["every_arm_not_rx"] = re.compile(r["every_arm_not"], re.I)
    r["boundary"] = set(r["boundary_words"])
    r["diagnostic_rx"] = re.compile(rf"^\s+(?:[\w-]+\s+)?(?:{r['diagnostic_heads']})\b", re.I)
    r["test_agent_rx"] = re.compile(rf"^\s*(?:-|\s)(?:{r['test_agent_heads']})\b"
                                    rf"(?!\s+(?:{r['challenge_foods']})\b)", re.I)
    r["test_agent_before_rx"] = re.compile(rf"\b(?:{r['test_agent_heads']})\s+(?:\w+\s+)?(?:with|using|to)\s+"
                                           r"(?:inhaled\s+|nebuli[sz]ed\s+|intravenous\s+|oral\s+)?$", re.I)
    r["test_role_rx"] = re.compile(r["test_role_after"], re.I)
    r["test_measure_rx"] = re.compile(r["test_measure_before"], re.I)
    r["background_before_rx"] = re.compile(rf"(?:{r['background_cues_before']})", re.I)
    r["rescue_before_rx"] = re.compile(rf"(?:{r['rescue_cues_before']})$", re.I)
    r["rescue_after_rx"] = re.compile(rf"(?:{r['rescue_cues_after']})", re.I)
    r["rescue_guard_rx"] = re.compile(r["rescue_guard"], re.I)
    r["measured_before_rx"] = re.compile(r["measured_cues_before"], re.I)
    r["measured_after_rx"] = re.compile(r["measured_cues_after"], re.I)
    r["measured_people_rx"] = re.compile(r["measured_people_after"], re.I)
    r["governed_rx"] = re.compile(rf"\b(?:{r['administration']}|{r['allocation']})\b[^.;:]{{0,30}}$", re.I)
    r["measured_after_freq_rx"] = re.compile(
        rf"\s+(?:(?!(?:and|or|of|for|in|on|at|to|with|the|a|an|from|by|until|during|over|then|per|each|every)\b)"
        rf"[a-z][\w-]*\s+){{0,2}}?(?:{r['frequency_measured_after']})\b", re.I)
    r["comparator_tail_rx"] = re.compile(rf"(?:{r['comparator_tail']})(?![\w-])", re.I)
    # each tried on every dosing phrase: behind the words it needs, where it has some (base.guarded)
    r["freq"] = [(guarded(re.compile(_hyphen_or_space(p).replace("COUNT", COUNT), re.I)), label)
                 for p, label in r["frequencies"]]
    r["freq_index"] = GuardIndex(rx for rx, _label in r["freq"])  # their guard words in one scan
    unit, heads, nots = r["duration_units"], r["duration_heads"], r["not_duration_words"]
    adj = rf"(?:(?:{r['period_adjectives']})\s+)?"  # "for 16 consecutive weeks"
    cues = f"{r['durations']}|{r['administration']}"
    r["duration_rx"] = [
        # "received X daily for 12 weeks", "given over a period of six months", "treated with X for 48 hours"
        # "randomised to X or placebo for 6 weeks" (not "... and followed for 12 months": _duration)
        re.compile(rf"\b(?:{cues}|{r['allocation']})\b[^.;]{{0,60}}?\b(?:within|for|over|during)\s+"
                   rf"(?:a\s+(?:total\s+)?period\s+of\s+|"
                   rf"the\s+next\s+|(?<=for\s)the\s+first\s+|a\s+total\s+of\s+)?(?:(?P<n1>{COUNT})\s*(?:to|-|–|or)\s*)?(?P<n>{COUNT})\s+"
                   rf"{adj}(?P<u>{unit}|hour)s?\b"
                   rf"(?!\s+(?:after|later|post|of\s+(?:follow|wash)))", re.I),
        # "for a 20-week period", "during the 24-week trial", "an 8-week double-blind treatment phase"
        re.compile(rf"(?<![\w-])(?P<n>{COUNT})[- ](?P<u>{unit})s?'?[- ]"  # "12 weeks' intervention"
                   rf"(?!(?:after|later|post|following|since|before)\b)(?:long\s+)?(?!(?:{nots})\b)"
                   rf"(?:[\w-]+,?\s+){{0,2}}?(?<!follow-up\s)(?:{heads})\b", re.I),
        # "12 weeks of supplementation", "six months of treatment"
        re.compile(rf"(?<![\w-])(?P<n>{COUNT})\s+{adj}(?P<u>{unit})s?\s+of\s+(?:\w+\s+)?(?:{heads})\b", re.I),
        # "4 mg/kg/day × 3 d", "twice daily x 5 days": a count of periods written as a product
        re.compile(rf"(?<![\w.])[×xX]\s*(?P<n>\d+)\s*(?P<u>{unit}|d|days)\b(?!\s*(?:/|per\b))", re.I),
        # "treatment duration was 12 weeks", "an intervention period of six months", "treatment lasted 8 weeks"
        re.compile(rf"\b(?:treatment|intervention|supplementation|therapy)\s+(?:(?:duration|period|length)\s+"
                   rf"(?:was|of|lasted)|lasted|continued\s+for|was\s+continued\s+for)\s+(?P<n>{COUNT})\s+"
                   rf"(?P<u>{unit})s?\b", re.I),
    ]
    r["duration_rx"] = [guarded(rx) for rx in r["duration_rx"]]  # behind the words each needs
    r["dotted_rx"] = re.compile(r["dotted_abbreviation"])
    r["loading_before_rx"] = re.compile(r["loading_dose_before"], re.I)
    r["loading_after_rx"] = re.compile(r["loading_dose_after"], re.I)
    r["duration_guard"] = re.compile(rf"(?:{unit}|hour)s?\b", re.I)
    r["until_rx"] = Guarded(re.compile(rf"\b(?:{cues}|{r['until_cues']})\b[^.;]{{0,60}}?\b(?P<until>until\s+"
                                       r"(?:[^,;.()]|\.(?=\d)){3,80}?)(?=\s*[,;.()]|\s*$)", re.I),
                            re.compile(r"\buntil\s", re.I))
    r["not_head_mod"] = set(r["not_head_modifiers"])
    r["generic_mod"] = set(r["generic_modifiers"])
    r["head_noun_rx"] = re.compile(rf"(?:{r['intervention_nouns']}|{r['modified_heads']})", re.I)
    r["ends_in_head_noun_rx"] = re.compile(rf"\b(?:{r['intervention_nouns']}|{r['modified_heads']})$", re.I)
    r["not_class_before_rx"] = re.compile(r["not_class_before"], re.I)
    r["not_given_before_rx"] = re.compile(r["not_given_before"], re.I)
    r["drug_classes_rx"] = Guarded(re.compile(rf"(?<![\w-])(?:{r['drug_classes']})(?![\w-])", re.I),
                                   re.compile(r"(?:urea|statin|inhibitor|blocker|phonate|steroid|corticoid|SSRI|NSAID|opioid|"
                                              r"antibiotic|histamine|diuretic|coagulant|platelet|agonist|zolidinedione|"
                                              r"benzodiazepine|psychotic|depressant|triptan|biologic)", re.I))
    r["range_units_rx"] = re.compile(rf"(?:{r['range_units']})", re.I)
    r["amount_before_rx"] = re.compile(rf"^\d+(?:[.,]\d+)?\s*(?:{r['range_units']}|{r['serving_nouns']})\s+of\s+",
                                       re.I)
    r["until_not_rx"] = re.compile(r["until_not"], re.I)
    r["not_until_rx"] = re.compile(rf"\b(?:{r['not_until']})", re.I)
    r["bare_nouns"] = r["intervention_nouns"].replace("[a-z]*", "")  # "therapy" alone, not "hydrotherapy"
    r["abbr_allowed"] = set(r["abbreviation_allowed"])
    r["population_before_rx"] = re.compile(r["population_cues_before"], re.I)
    r["outcome_of_rx"] = re.compile(r["outcome_of_before"], re.I)
    r["title_background_before_rx"] = re.compile(rf"{r['title_background_before']}|{r['background_cues_before']}",
                                                 re.I)
    r["title_background_after_rx"] = re.compile(r["title_background_after"], re.I)
    r["not_arm_head_rx"] = re.compile(rf"(?:{r['not_arm_heads']})$", re.I)
    r["composition_rx"] = re.compile(rf"\s*(?:(?<=\s)|(?=,))(?:{r['composition_cues']})\s+", re.I)
    r["content_rx"] = re.compile(rf"(?<!\w)(?:{r['content_cues']})\s", re.I)
    r["equivalence_rx"] = re.compile(rf"(?:{r['equivalence_cues']})\s", re.I)
    r["inducer_rx"] = re.compile(rf"(?<![\w-])(?:{r['model_inducers']})(?![\w-])", re.I)
    r["inducer_before_rx"] = re.compile(r["model_role_cues_before"], re.I)
    r["inducer_after_rx"] = re.compile(r["model_role_cues_after"], re.I)
    r["ingredients_rx"] = Guarded(re.compile(
        rf"\b(?:{r['vehicles']})\s+(?:{r['product_links']})\s+(?P<list>(?:[^.;:]|\.(?=\d)){{3,160}}?)(?=\s+(?:to|for|on|in|at|"
        rf"three|twice|once|daily|every|per|was|were|is|are|had|has)\b|\.(?!\d)|[;:)]|$)", re.I),
        re.compile(rf"\b(?:{r['product_links']})\s", re.I))
    manners = "|".join(f"(?P<{k}>{v})" for k, v in r["manners"].items())
    any_manner = "|".join(r["manners"].values())
    r["manner_alt_rx"] = Guarded(re.compile(rf"\b(?:either\s+)?(?:by\s+)?(?:{manners})\s+or\s+"
                                            rf"(?:[\w-]+\s+){{0,3}}?(?:by\s+)?(?P<second>{any_manner})\b", re.I),
                                 re.compile(r"\sor\s", re.I))
    r["manner_one_rx"] = {k: re.compile(rf"\b{v}\b", re.I) for k, v in r["manners"].items()}
    r["route_rx"] = [(label, guarded(re.compile(rf"(?<![\w.])(?:{cue})(?!\w)", re.I)))
                     for label, cue in r["route_cues"].items()]
    r["route_any"] = AnyOf([rx for _label, rx in r["route_rx"]])  # one scan for every route cue's words
    return r


def _hyphen_or_space(pattern: str) -> str:
    """A pattern whose spaces (outside character classes) also match a hyphen: 'twice-daily'."""
    return re.sub(r"\[[^\]]*\]| ", lambda m: "[- ]" if m.group(0) == " " else m.group(0), pattern)


@functools.lru_cache(maxsize=4)
def _dose_regex(lexicon_id: int, units: tuple[str, ...]) -> re.Pattern:
    """NUMBER(S) UNIT, with the unit's base from the lexicon and optional denominators."""
    words = [re.escape(u).replace(r"\ ", r"\s+") for u in sorted(units, key=len, reverse=True)]
    base = "|".join(f"(?i:{u})" if r"\s+" in u else u for u in words)  # "International Units" too
    num = rf"(?:\d{{1,3}}(?:,\d{{3}})+|{NUMBER})"
    nums = rf"(?P<nums>{num}(?:\s*,\s*{num})*(?:\s*,?\s*(?:and|or|to|–|-)\s*{num})?)"
    den = (r"(?:\s*(?:/|per\s+)\s*(?P<d1>kg|m2|m²|day|d|week|wk|h|min|month|ml|mL)\b"
           rf"|{_exponent_den('d1x')})?"
           rf"(?:\s*/\s*(?P<d2>day|d|week|wk|h|min)\b|{_exponent_den('d2x')})?")  # rates: 'µg/kg/min', 'mg/kg/h'
    # "75-mg capsules", "a 500-mg dose": a strength written as a compound adjective, hyphen and all
    return re.compile(rf"(?<![\w.,]){nums}(?:-(?=[^\W\d])|\s*)(?P<u>{base}|%)(?:\s*\([A-Za-z]{{1,6}}\))?"
                      rf"(?:{_food_den()}|{den})(?![\w/])")


def _exponent_den(group: str) -> str:
    """A denominator written as a negative power ('µg·kg−1', 'mg kg-1 h-1', 'mg.kg⁻¹', 'mg m−2'): the
    journals' SI style. The power is required, so a bare 'mg kg' or a full stop before a word is none."""
    units = rules()["exponent_denominators"]
    return (rf"(?:\s*[·⋅.]\s*|\s+)(?P<{group}>(?:{units})(?=\s*[-−⁻]\s*[1¹])|m(?=\s*[-−⁻]\s*[2²]))"
            r"\s*[-−⁻]\s*[1¹²2](?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])")


def denominators(m: re.Match) -> tuple[str | None, str | None]:
    """The dose's denominators, written after a slash or 'per' or as negative powers."""
    d1 = m.group("d1") or m.group("d1x")
    d2 = m.group("d2") or m.group("d2x")
    return ("m2" if d1 == "m" else d1), d2


def _food_den() -> str:
    """'/100 g of food', 'per 100 g diet': the amount of food or drink a dose is given in."""
    return (r"\s*(?:/|per\s+)\s*(?P<fn>\d+(?:\.\d+)?)\s*(?P<fu>g|kg|ml|mL|l|L)\s+(?P<fo>of\s+)?(?:the\s+)?"
            rf"(?P<fv>{rules()['food_vehicles']})\b")


@functools.lru_cache(maxsize=1)
def _food_after() -> re.Pattern:
    """A per-food denominator written after the substance ('40 mg X/100 g of food')."""
    return re.compile(_food_den(), re.I)


def _food_label(m: re.Match) -> str:
    """'/100 g of food' as it ends a unit label."""
    vehicle = " ".join(m.group("fv").split())
    return f"/{m.group('fn')} {m.group('fu')} {m.group('fo') or ''}{vehicle}"


@functools.lru_cache(maxsize=1)
def _cell_regex() -> re.Pattern:
    """A count of cells: '6 × 10^6 cells', '1×10⁶ cells/kg', '2 x 10(6) MSCs', '5 × 107 viable cells'
    (an exponent printed as a superscript and flattened to digits)."""
    r = rules()
    return re.compile(r"(?<![\w.,])(?P<nums>\d+(?:[.,·]\d+)?\s*[×xX]\s*10\s*(?:\^\s*|\(\s*|[eE]\s*)?"
                      r"(?:\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})\)?)\s*"
                      r"(?P<u>(?:" + r["cell_nouns"] + r")(?!\w)|[A-Za-z][\w/+-]{1,20})"
                      r"(?:\s*(?:/|per\s+)\s*(?P<d1>kg)\b)?(?P<d2>)(?P<fn>)(?![\w/])")


_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def cell_count(text: str) -> float | None:
    """'6 × 106' → 6000000.0, '1.5x10^7' → 15000000.0, '2 × 10⁶' → 2000000.0."""
    m = re.fullmatch(r"(\d+(?:[.,·]\d+)?)\s*[×xX]\s*10\s*(?:\^\s*|\(\s*|[eE]\s*)?(\d{1,2})\)?",
                     text.translate(_SUPERSCRIPT))
    mantissa = to_number(m.group(1)) if m else None
    return mantissa * 10 ** int(m.group(2)) if mantissa is not None else None


def _base_units(lexicon: Lexicon) -> tuple[str, ...]:
    """Surface forms of units without a denominator (mg, MIU, million international units...)."""
    out = set()
    for surface, iri, _cs in lexicon.terms:
        c = lexicon.concepts[iri]
        if c.kind == "Unit" and "/" not in surface and " per " not in surface and not surface.startswith("%") \
                and surface.lower() not in ("kg", "kilogram", "kilograms"):
            out.add(surface)
            if len(surface) >= 2 and surface.endswith("L"):
                out.add(surface.lower())  # "ml" as often as "mL"
    return tuple(sorted(out))


def unit_concept(lexicon: Lexicon, base: str, d1: str | None, d2: str | None) -> tuple[str, Concept | None]:
    """The normalised unit label ("mg/kg", "MIU/day") and its lexicon concept, if any."""
    base_c = lexicon.by_label(base, "Unit")
    base_label = base_c.label if base_c else base
    if base_label == "mL":
        base_label = "ml"
    label = base_label + "".join(f"/{_DENOMINATORS.get(d, _DENOMINATORS.get(d.lower(), d))}" for d in (d1, d2) if d)
    c = lexicon.by_label(label, "Unit")
    if c is None and (d1 or d2):
        alt = label.replace("m²", "m2")
        c = lexicon.by_label(alt, "Unit")
    if c is None:  # a compound the lexicon lacks ("µg/ml"): a unit concept of its own
        c = lexicon.discover("Unit", label, "unit")
    return c.label, c


@dataclass
class _Mention:
    """An intervention named in a sentence: its concept and where the words are."""

    concept: Concept
    start: int  # document offsets
    end: int
    arm: bool  # named in an arm phrase (so a study intervention)


def study_drugs(ctx: Context) -> list[str]:
    """IRIs of the interventions under study: those of arm phrases and the title, else the
    most frequent drug in the abstract."""
    cached = ctx.document.cache.get("study_interventions")
    if cached is not None:
        return cached
    title, arms, abstract = [], [], []
    surfaces: dict[str, list[str]] = {}
    for sent in ctx.sentences():
        part, in_abs = part_of(ctx.document, sent.start_char)
        drugs = [e.kb_id_ for e in ctx.concepts_in(sent, {"Drug"})]
        for e in ctx.concepts_in(sent, {"Drug"}):
            surfaces.setdefault(e.kb_id_, []).append(e.text)
        if part == "title":
            title += drugs
        elif in_abs or part == "methods":
            abstract += drugs
        if reading(ctx, sent):
            arms += [m.concept.iri for m in _arm_mentions(ctx, sent)]
    out = list(dict.fromkeys(title + arms))
    if not out and abstract:  # the most named drug, unless the paper only measures it ("counts of Bifidobacterium")
        given = [iri for iri, _n in Counter(abstract).most_common() if not _measured(ctx, surfaces[iri])]
        out = given[:1]
    ctx.document.cache["study_interventions"] = out
    return out


def reading(ctx: Context, sent) -> str | None:
    """How a sentence speaks of interventions: 'plan' (the design: title, methods, an abstract's
    methods, a background sentence about this trial), 'report' (results, conclusions,
    discussion: doses only where written next to their drug), or None (another study's).
    Asked ~20 times per sentence by the passes: kept per document."""
    cache = ctx.document.cache.setdefault("reading", {})
    key = (sent.start_char, sent.text)
    try:
        return cache[key]
    except KeyError:
        out = cache[key] = _reading(ctx, sent)
        return out


def _reading(ctx: Context, sent) -> str | None:
    part, in_abs = part_of(ctx.document, sent.start_char)
    if part in ("title", "methods", "other") or in_abs and part not in ("results", "conclusions", "background"):
        return "plan"
    if part == "results" and _design_lead(ctx, sent):
        return "plan"
    if part == "background" or in_abs and part == "background":
        other = re.search(r"\b(?:previous|prior|earlier|other)\s+(?:\w+\s+)?(?:studies|study|trials|trial)\b",
                          sent.text, re.I)
        return "plan" if rules()["this_trial_rx"].search(sent.text) and not other else None
    return "report"


def _design_lead(ctx: Context, sent) -> bool:
    """Whether a sentence of a part that joins the design and the findings ('Methods and Findings',
    'Methods and Results') comes before its first statistic: such a part opens with the design ('We
    conducted a trial ... to assess a X', 'Households were randomised to X or Y'), read as the methods are."""
    sec = ctx.document.section_at(sent.start_char)
    if sec is None or not rules()["combined_parts_rx"].fullmatch(sec.name.strip().rstrip(":.").strip()):
        return False
    firsts = ctx.document.cache.setdefault("first_statistic", {})
    if sec.start not in firsts:
        m = rules()["statistic_rx"].search(ctx.document.text, sec.start, sec.end)
        firsts[sec.start] = m.start() if m else sec.end
    return sent.end_char <= firsts[sec.start]


def extract(ctx: Context) -> list[Fact]:
    lex = ctx.lexicon
    rx = _dose_regex(id(lex), _base_units(lex))
    studied = study_drugs(ctx)
    found: dict[tuple, Fact] = {}  # one per drug, dose and frequency (arms differ by schedule too)
    arm_mentions: dict[str, _Mention] = {}
    named: dict[str, Concept] = {}  # the words of the arms a paper names itself
    outside: set[str] = set()  # the arms named outside the title
    for sent in ctx.sentences():
        if reading(ctx, sent):
            for m in _arm_mentions(ctx, sent):
                if m.concept.source == "arm":
                    named.setdefault(ctx.document.text[m.start:m.end], m.concept)
    for sent in ctx.sentences():
        mode = reading(ctx, sent)
        if mode is None:
            continue
        arms = _arm_mentions(ctx, sent)
        for m in arms:
            arm_mentions.setdefault(m.concept.iri, m)
        if part_of(ctx.document, sent.start_char)[0] != "title":
            outside.update(m.concept.iri for m in arms)
        mentions = _sentence_mentions(ctx, sent, arms, named)
        for fact in _doses(ctx, sent, rx, mentions, studied, mode):
            value = fact.fields["dose_value"]
            key = (fact.fields["drug"].iri, round(value, 6) if value is not None else fact.fields.get("dose_max"),
                   fact.fields["dose_unit_label"], fact.fields.get("frequency"), fact.fields.get("arm"))
            if key in found:
                found[key].evidence.extend(fact.evidence)
            else:
                found[key] = fact
    not_given = _model_inducers(ctx, arm_mentions)
    found = {k: f for k, f in found.items() if k[0] not in not_given}
    tests = _test_agents(ctx)
    found = {k: f for k, f in found.items() if k[0] not in tests}  # a challenge dose is no arm
    not_given |= tests
    dosed = {k[0] for k in found if k[1] is not None}
    text = ctx.document.text
    dosed_words = " | ".join(f"{f.surface} {f.fields['drug'].label}".lower() for f in found.values())
    dosed_labels = {f.fields["drug"].label.lower() for f in found.values() if f.fields["dose_value"] is not None}
    for iri, m in arm_mentions.items():
        short = text[m.start:m.end]
        defined = any(o is not m and f"({short})" in text[o.end:o.end + len(short) + 4]
                      and re.match(rf"\s*\({re.escape(short)}\)", text[o.end:o.end + len(short) + 4])
                      for o in arm_mentions.values())
        within = m.concept.source == "arm" and short.lower() in dosed_words \
            and re.search(rf"(?<!\w){re.escape(short.lower())}(?!\w)", dosed_words)
        # "amphotericin B" where the arms are "amphotericin B lipid emulsion" and another formulation
        label = m.concept.label.lower()
        parent = any(x != label and label in x and re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", x)
                     for x in dosed_labels)
        ingredient = any(a <= m.start < b for a, b in ctx.document.cache.get("product_ingredients", [])) \
            or bool(_SALT_OF.search(text[max(0, m.start - 60):m.start])) \
            or _in_content_bracket(text, m.start)  # "20 mg elemental zinc as zinc sulphate", "TdaP (containing X)"
        # "Vitamin D supplementation" in the title, "800 IU of vitamin D3" dosed: the same arm, named less exactly
        longer = any(re.match(rf"{re.escape(short.lower())}[\w-]", (f.surface or "").lower())
                     for f in found.values() if f.fields["dose_value"] is not None) \
            or m.concept.source == "arm" and _given_form_of(short, found.values()) \
            or iri not in outside and _form_of_title_name(short, found.values())
        # "A Chinese Mind-Body Exercise Improves ..." in the title, the arms "Nei Yang Gong" and "PMR" in the design:
        # a phrase only the title names is the umbrella of the arms the design names; so is a dictionary's name
        # of a kind written in the plural ("the Candidate Malaria Vaccines X and Y" in the title, X and Y the arms)
        umbrella = (m.concept.source == "arm" or short.lower().endswith("s")) and iri not in outside \
            and bool(outside - {iri}) \
            and part_of(ctx.document, m.start)[0] == "title" and rules()["umbrella_rx"].search(short)
        if iri not in dosed and not defined and not within and not parent and iri not in not_given \
                and not ingredient and not longer and not umbrella and not _measured(ctx, [short, m.concept.label]):
            fields = {"drug": m.concept, "dose_value": None, "dose_unit": None, "dose_unit_label": None,
                      "role": "study"}
            found[(iri, None, None, None)] = Fact("intervention", fields, [ctx.evidence(m.start, m.end)], EXTRACTOR,
                                            "arm.phrase", 0.7, surface=ctx.document.text[m.start:m.end])
    if not any(f.fields["role"] == "study" for f in found.values()):
        # "Phenylephrine does not improve oxygenation": the title's drug, when nothing else names one
        for m in _title_drugs(ctx):
            if m.concept.iri not in not_given and not _measured(ctx, [ctx.document.text[m.start:m.end]]):
                fields = {"drug": m.concept, "dose_value": None, "dose_unit": None, "dose_unit_label": None,
                          "role": "study"}
                found[(m.concept.iri, None, None, None)] = Fact("intervention", fields, [ctx.evidence(m.start, m.end)],
                                                              EXTRACTOR, "arm.title", 0.6,
                                                              surface=ctx.document.text[m.start:m.end])
    facts = arm_review.review(list(found.values()))
    _every_arm_is_concomitant(ctx, facts)
    _add_schedule(ctx, facts, studied, named)
    _short_form_names(ctx, facts)
    return facts + _combination_arm_copies(ctx, facts, named)


def _given_form_of(short: str, found) -> bool:
    """'oral iron drops' where '1 mg/kg of elemental iron' is dosed, 'zinc supplementation' where '10 mg zinc'
    is: an arm phrase that is a dosed drug's name with a vehicle or a giving noun after it (and a route
    before it) names the dosed arm again (interventions.json giving_nouns, vehicles)."""
    r = rules()
    words = re.sub(r"\s+", " ", short.lower()).strip()
    for f in found:
        if f.fields["dose_value"] is None:
            continue
        names = {f.fields["drug"].label.lower(), (f.surface or "").lower()} - {""}
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        if re.fullmatch(rf"(?:{_ROUTE_WORDS}\s+)?(?:{alt})\s+(?:{r['vehicle_rx']}|{r['giving_nouns']})", words):
            return True
    return False


def _short_form_names(ctx: Context, facts: list[Fact]) -> None:
    """An arm the paper abbreviates ('electrical muscle stimulation (EMS)', 'VigRX Plus (VXP)') is also
    named by its short form, and one named by its short form also by its long form: the other form of
    the definition is a name of the arm (a synonym), its words cited where the paper defines it."""
    text = ctx.document.text
    by_form: dict[str, list[Abbreviation]] = {}
    for ab in document_abbreviations(ctx.document).values():
        if re.search(r"[A-Za-z]{2}", ab.short):
            by_form.setdefault(ab.name.lower(), []).append(ab)
            by_form.setdefault(ab.short.lower(), []).append(ab)
    if not by_form:
        return
    for f in facts:
        names = {x.lower() for x in (f.surface, f.fields["drug"].label, *f.fields.get("_surfaces", ())) if x}
        for ab in {id(a): a for n in names for a in by_form.get(n, ())}.values():
            short_at = text.find(ab.short, ab.end, ab.end + len(ab.short) + 4)
            if short_at < 0:
                continue
            for form, span in ((ab.short, (short_at, short_at + len(ab.short))), (ab.name, (ab.start, ab.end))):
                if form.lower() in names:
                    continue
                names.add(form.lower())
                f.evidence.append(ctx.evidence(*span))
                f.fields.setdefault("_surfaces", []).append(form)


@functools.lru_cache(maxsize=1)
def _combination_rules() -> dict:
    """The combination_arms cues of ontology/interventions.json, compiled."""
    c = rules()["combination_arms"]
    return {"link": re.compile(rf"(?:{c['links']})", re.I),
            "separator": re.compile(rf"\s*(?:{c['separators']})\s*", re.I),
            "cues": [guarded(re.compile(c[k], re.I)) for k in ("alone_and_combined", "their_combination")],
            "placebo_after": re.compile(c["placebo_after"], re.I)}


def _combination_arm_copies(ctx: Context, facts: list[Fact], named: dict[str, Concept]) -> list[Fact]:
    """One intervention per arm for a drug a design gives in several arms, alone and combined ('A, B or A
    plus B', 'A and B alone and in combination', 'A, B or their combination'): the drug's facts copied
    (same dose and schedule) for each further arm, with that arm's words as evidence."""
    study = [f for f in facts if f.fields["role"] == "study"]
    if len({f.fields["drug"].iri for f in study}) < 2:
        return []
    arms: dict[str, list[_Arm]] = {}  # per drug: each arm that names it
    for sent in ctx.sentences():
        if reading(ctx, sent) != "plan" or part_of(ctx.document, sent.start_char)[0] == "title":
            continue
        for iri, found in _combined_arms_in(ctx, sent, named).items():
            if len(found) > len(arms.get(iri, [])):
                arms[iri] = found
    out: list[Fact] = []
    for iri, found in arms.items():
        own = [f for f in study if f.fields["drug"].iri == iri]
        base = [f for f in own if any(found[0].lo <= e.start < found[0].hi for e in f.evidence)] or own
        for arm in found[1:]:
            if any(any(arm.lo <= e.start < arm.hi for e in f.evidence) and f not in base for f in own):
                continue  # the arm has a dose of its own ('A 10 mg plus B, or A 20 mg')
            for f in base:
                fields = {**f.fields, "arm": arm.label}
                out.append(Fact("intervention", fields, [ctx.evidence(arm.start, arm.end)], EXTRACTOR,
                                "arm.combination", f.confidence, surface=f.surface))
    return out


@dataclass
class _Arm:
    """One arm a drug is given in: its name, the words that name the drug there (evidence) and the
    stretch of text that is the arm's (document offsets)."""

    label: str
    start: int
    end: int
    lo: int
    hi: int


def _combined_arms_in(ctx: Context, sent, named: dict[str, Concept]) -> dict[str, list[_Arm]]:
    """The arms of one design sentence that name each drug, where the drug is in two or more of them and
    one combines it with another drug; an arm is named by the alternative's words (or 'A + B')."""
    r, c = rules(), _combination_rules()
    text, s0 = sent.text, sent.start_char
    cues = [cue for cue in c["cues"] if cue.search(text)]
    mentions = [m for m in _sentence_mentions(ctx, sent, _arm_mentions(ctx, sent), named)
                if not c["placebo_after"].match(ctx.document.text, m.end)]
    iris = Counter(m.concept.iri for m in mentions)
    if len(iris) < 2 or not cues and max(iris.values()) < 2:
        return {}  # no drug named twice, no cue of a combined arm: no drug in two arms
    out: dict[str, list[_Arm]] = {}
    starts = [m.start("tail") for rx in (r["alloc_rx"], r["admin_rx"], r["aim_rx"]) for m in rx.finditer(text)]
    if starts and max(iris.values()) >= 2:
        out.update(_listed_combinations(text, s0, min(starts), mentions))
    for cue in cues if not r["concomitant_rx"].search(text) else ():  # not what the population took before
        for m in cue.finditer(text):
            clause = max([0] + [x.end() for x in re.finditer(r"[;:]|\.(?!\d)", text[:m.start()])])
            given = list({x.concept.iri: x for x in mentions if clause <= x.start - s0 < m.start()}.values())
            # "A alone or in combination with B": B is given in the combined arm only
            partner = re.match(r"\s+with\s+[^,;:.()]{2,60}", text[m.end():])
            partners = [x for x in mentions if partner and m.end() < x.start - s0 <= m.end() + partner.end()
                        and x.concept.iri not in {g.concept.iri for g in given}]
            if not given or len(given) + len(partners) < 2:
                continue
            label = " + ".join(ctx.document.text[x.start:x.end] for x in given + partners)
            for x in given:
                alone = _Arm(ctx.document.text[x.start:x.end], x.start, x.end, s0 + clause, s0 + m.start())
                found = out.setdefault(x.concept.iri, [alone])
                if not any(a.start < s0 + m.end() and s0 + m.start() < a.end for a in found[1:]):
                    found.append(_Arm(label, s0 + m.start(), s0 + m.end(), s0 + m.start(), s0 + m.end()))
    return out


def _listed_combinations(text: str, s0: int, start: int, mentions: list[_Mention]) -> dict[str, list[_Arm]]:
    """'randomised to A, B, A plus B (AB) or C plus B': each alternative after `start`, split at commas,
    semicolons and coordinators outside brackets; a drug named in two or more of them, one of which joins
    two drugs by a link, is given in each of them."""
    c = _combination_rules()
    blank = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), text)
    items, at = [], start
    for sep in [*c["separator"].finditer(blank, start), None]:
        end = sep.start() if sep else len(text.rstrip(". "))
        if text[at:end].strip():
            items.append((at, end))
        at = sep.end() if sep else end
    named = [{m.concept.iri: m for m in mentions if a <= m.start - s0 < b} for a, b in items]
    combined = {k for k, (a, b) in enumerate(items) if len(named[k]) >= 2 and c["link"].search(blank, a, b)}
    if not combined:
        return {}
    out: dict[str, list[_Arm]] = {}
    for iri in dict.fromkeys(i for n in named for i in n):  # in the order the text names them
        ks = [k for k, n in enumerate(named) if iri in n]
        if len(ks) >= 2 and combined & set(ks):
            out[iri] = [_Arm(_arm_words(text[items[k][0]:items[k][1]]), named[k][iri].start, named[k][iri].end,
                             s0 + items[k][0], s0 + items[k][1]) for k in ks]
    return out


def _arm_words(item: str) -> str:
    """An alternative's words as an arm's name: without leading articles and 'either', nor what follows a
    preposition of period or setting outside brackets ('A + B (n = 9) in an open-label study'), at most 100
    characters."""
    words = re.sub(r"^(?:(?:either|the|an?|to|receive|receiving)\s+)+", "", item.strip(), flags=re.I)
    blank = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), words)
    tail = re.search(r"\s+(?:in|for|during|until|over)\s", blank, re.I)
    return words[:tail.start() if tail else 100][:100].rstrip(" ,.;")


def _form_of_title_name(short: str, found) -> bool:
    """Whether a dosed arm is a dosage form named by the first word of a plant or product only the title names
    ('Effects of Nigella sativa on ...' in the title, 'nigella capsules 500 mg' in the design): one arm."""
    first = re.match(r"[\w-]+", short.lower())
    form = rf"(?:{rules()['vehicles']}|{rules()['plant_forms']})"
    return bool(first) and len(short.split()) >= 2 and any(
        re.fullmatch(rf"{re.escape(first.group(0))}\s+{form}", (f.surface or "").lower())
        for f in found if f.fields["dose_value"] is not None)


def _in_content_bracket(text: str, pos: int) -> bool:
    """Whether `pos` stands in a bracket that lists what a product contains ('a vaccine (additionally
    containing X and Y)', 'the supplement (composed of A, B)'): an ingredient, not an arm."""
    window = text[max(0, pos - 150):pos]
    opened = window.rfind("(")
    if opened < 0 or ")" in window[opened:]:
        return False
    return bool(re.match(rf"\(\s*(?:[a-z]+\s+)?(?:{rules()['content_cues']})\s", window[opened:], re.I))


def _every_arm(ctx: Context) -> set[str]:
    """IRIs of what a sentence of the design says every participant received ("all patients received
    X", "both groups were given X", "X was given to all patients"), not as one of several choices."""
    r = rules()
    out: set[str] = set()
    for sent in ctx.sentences():
        if reading(ctx, sent) != "plan":
            continue
        text = sent.text
        spans = [(m.start("tail"), m.end("tail")) for m in r["admin_rx"].finditer(text)
                 if r["every_arm_rx"].search(m.group("subj"))]
        for m in r["every_arm_passive_rx"].finditer(text):
            start = max([0] + [x.end() for x in re.finditer(r"[,;:]|\b(?:and|while|whereas)\b", text[:m.start()])])
            spans.append((start, m.start()))
        # "spinal anaesthesia was performed with X", "anaesthesia was induced with Y and maintained with Z"
        spans += [(m.end(), len(text)) for m in r["technique_rx"].finditer(text)]
        for a, b in spans:
            cut = re.search(r";|\.(?!\d)", text[a:b])  # "0.5%" ends no clause
            b = a + cut.start() if cut else b
            if r["every_arm_not_rx"].search(text[a:b]) or r["every_arm_not_rx"].search(text[:a][-40:]):
                continue
            out.update(m.concept.iri for m in _chunk(ctx, sent, a, b, free="nouns"))
            # "both groups received handouts in preparation of X training": each treatment noun phrase of it
            for n in r["noun_rx"].finditer(text, a, b):
                out.update(x.concept.iri for x in _chunk(ctx, sent, n.start("x"), n.end("x"), free="nouns", whole=True))
    return out


def _shared_before_either(ctx: Context) -> set[str]:
    """IRIs of what comes before 'plus either A or B' in the design ('received chemotherapy plus
    either X or placebo', 'randomised to metformin with either Y or Z'), or what the participants
    were given before they were allocated ('treated with antibiotics and were randomised to ...'):
    every arm's background."""
    r = rules()
    out: set[str] = set()
    for sent in ctx.sentences():
        if reading(ctx, sent) != "plan":
            continue
        for rx in (r["shared_before_either_rx"], r["shared_before_alloc_rx"]):
            for m in rx.finditer(sent.text):
                out.update(x.concept.iri for x in _chunk(ctx, sent, m.start("x"), m.end("x"), free="nouns"))
        for m in r["alloc_rx"].finditer(sent.text):
            out |= _common_to_alternatives(ctx, sent, m.start())
    return out


def _common_to_alternatives(ctx: Context, sent, start: int) -> set[str]:
    """IRIs of the drugs named in each alternative of an allocation beside one of its own ("to a group
    receiving X 75 mg and A 4 mg, or a group receiving X 75 mg and B 10 mg": X is every arm's)."""
    text = sent.text
    blank = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), text)  # "(Group I; n = 16)" splits nothing
    end = _SENTENCE_PART_END.search(blank, start)
    cuts = [start, *(x.start() for x in _ALTERNATIVE_CUT.finditer(blank, start, end.start() if end else len(text))),
            end.start() if end else len(text)]
    drugs = [(e.start_char - sent.start_char, e.kb_id_) for e in ctx.concepts_in(sent, {"Drug"})]
    parts = [{iri for p, iri in drugs if a <= p < b} for a, b in zip(cuts, cuts[1:])]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return set()
    common = set.intersection(*parts)
    return common if common and all(p - common for p in parts) else set()


_ALTERNATIVE_CUT = re.compile(r",?\s+(?:or|versus|vs\.?|compared\s+with)\s+", re.I)


def _rescue_agents(ctx: Context) -> set[str]:
    """IRIs of drugs the paper gives only as rescue or on demand ('tramadol 50 mg was given as rescue
    analgesia', 'rescue analgesia (pethidine 25 mg)', 'X as needed'), or measures as a consumption
    ('tramadol consumption', 'the requirement for morphine'): concomitant, not an arm, when most of
    their mentions say so (rescue_cues_before / rescue_cues_after)."""
    r = rules()
    text = ctx.document.text
    votes: Counter = Counter()
    for sent in ctx.sentences():
        if not r["rescue_guard_rx"].search(sent.text):
            continue
        for e in ctx.concepts_in(sent, {"Drug"}):
            if r["rescue_before_rx"].search(text, max(sent.start_char, e.start_char - 50), e.start_char) \
                    or r["rescue_after_rx"].match(text, e.end_char, min(sent.end_char, e.end_char + 70)):
                votes[e.kb_id_] += 1
    if not votes:
        return set()
    named = Counter(e.kb_id_ for sent in ctx.sentences() for e in ctx.concepts_in(sent, {"Drug"})
                    if e.kb_id_ in votes)
    return {iri for iri, n in votes.items() if 2 * n >= named[iri]}


_FINDING_PARTS = ("results", "conclusions", "discussion")


def _background_agents(ctx: Context) -> set[str]:
    """IRIs of drugs the paper gives as what every arm stays on or what the population failed ('X add-on
    to metformin', 'on top of stable methotrexate', 'inadequately controlled with metformin'): concomitant,
    not an arm, when most of their mentions say so (background_cues_before)."""
    r = rules()
    text = ctx.document.text
    votes: Counter = Counter()
    named: Counter = Counter()
    for sent in ctx.sentences():
        if reading(ctx, sent) != "plan" or part_of(ctx.document, sent.start_char)[0] in _FINDING_PARTS:
            continue  # the title and design, where the trial says what it gives, not others' regimens
        for e in ctx.concepts_in(sent, {"Drug"}):
            named[e.kb_id_] += 1
            if r["background_before_rx"].search(text, max(sent.start_char, e.start_char - 60), e.start_char):
                votes[e.kb_id_] += 1
    return {iri for iri, n in votes.items() if 2 * n >= named[iri]}


def _every_arm_is_concomitant(ctx: Context, facts: list[Fact]) -> None:
    """What every arm receives is no arm of the comparison (ontology/interventions.json,
    every_arm_recipients): concomitant, unless the paper names it as an arm, the title names it, or
    the trial would be left with no study intervention."""
    sides = ctx.document.cache.get("arm_sides", set())
    versus = ctx.document.cache.get("versus_sides", set())
    given = (_every_arm(ctx) - sides) | _shared_before_either(ctx) | (_rescue_agents(ctx) - sides) \
        | (_background_agents(ctx) - versus)
    given -= {m.concept.iri for m in _title_drugs(ctx)}
    if not given:
        return
    study = [f for f in facts if f.fields["role"] == "study"]
    if all(f.fields["drug"].iri in given for f in study):
        return  # "all patients received X" in a single-arm trial: X is what is studied
    for f in study:
        if f.fields["drug"].iri in given:
            f.fields["role"] = "concomitant"


def _title_drugs(ctx: Context) -> list[_Mention]:
    """The drugs a title names as what the trial gives ("Phenylephrine does not improve oxygenation",
    "Effect of melatonin on sleep"), not as what the population has ("in women receiving X",
    "X-induced nausea"), a product's ingredient ("a gel containing X") or a test agent."""
    r = rules()
    out = []
    for sent in ctx.sentences():
        if part_of(ctx.document, sent.start_char)[0] != "title":
            continue
        text, s0 = sent.text, sent.start_char
        for e in ctx.concepts_in(sent, {"Drug"}):
            a, b = e.start_char - s0, e.end_char - s0
            if not (_is_stop(e.text) or r["diagnostic_rx"].match(text[b:b + 40])
                    or r["title_background_before_rx"].search(text[max(0, a - 80):a])
                    or r["title_background_after_rx"].match(text[b:b + 20])):
                out.append(_Mention(ctx.concept(e), e.start_char, e.end_char, True))
    return out


def _test_agents(ctx: Context) -> set[str]:
    """Drugs the paper uses as test agents ('a methacholine challenge test', 'an adenosine
    provocation'): written before a diagnostic head somewhere, and neither named in the title
    (other than as a test) nor allocated to."""
    text = ctx.document.text
    diagnostic, before = rules()["test_agent_rx"], rules()["test_agent_before_rx"]
    role, measure = rules()["test_role_rx"], rules()["test_measure_rx"]
    titled = [e for sent in ctx.sentences() if part_of(ctx.document, sent.start_char)[0] == "title"
              for e in ctx.concepts_in(sent, {"Drug"})]
    # a title that calls the agent a test ("X as a bronchial provocation test") does not make it an arm
    title = {e.kb_id_ for e in titled if not role.match(text[e.end_char:e.end_char + 80])}
    out = set()
    for sent in ctx.sentences():
        # an agent the arms are allocated to ("randomised to inhaled mannitol or placebo") is an arm
        tails = [(sent.start_char + m.start("tail"), sent.start_char + m.end("tail"))
                 for m in rules()["alloc_rx"].finditer(sent.text)] if reading(ctx, sent) == "plan" else []
        title |= {e.kb_id_ for e in ctx.concepts_in(sent, {"Drug"})
                  if any(a <= e.start_char < b and not _NEW_CLAUSE.search(text, a, e.start_char) for a, b in tails)
                  and not diagnostic.match(text[e.end_char:e.end_char + 40])}
    for sent in ctx.sentences():
        for e in ctx.concepts_in(sent, {"Drug"}):
            if e.kb_id_ not in title and (diagnostic.match(text[e.end_char:e.end_char + 40])
                                          or role.match(text[e.end_char:e.end_char + 80])
                                          or before.search(text[max(0, e.start_char - 50):e.start_char])
                                          or measure.search(text[max(0, e.start_char - 50):e.start_char])):
                out.add(e.kb_id_)
    return out


def _measured(ctx: Context, surfaces: list[str]) -> bool:
    """Whether the paper speaks of an intervention-like mention only as a quantity it measures
    ('serum sex hormone binding globulin', 'SHBG values', 'accelerometer-measured MVPA'): some
    more occurrences of its words have a measurement cue than an allocation or administration
    verb before them, and the title does not name it (nor its singular: 'X intake'). Asked for each
    arm mention, each time scanning the whole paper: kept per document and set of names."""
    cache = ctx.document.cache.setdefault("measured", {})
    key = frozenset(s for s in surfaces if len(s) > 2)
    if key not in cache:
        cache[key] = _measured_in(ctx, key)
    return cache[key]


def _measured_in(ctx: Context, surfaces: frozenset[str]) -> bool:
    text = ctx.document.text
    r = rules()
    title = " ".join(s.text for s in ctx.sentences() if part_of(ctx.document, s.start_char)[0] == "title").lower()
    measured = given = 0
    for surface in surfaces:
        stem = surface.lower().rstrip('s')
        if stem in title and re.search(rf"(?<![\w-]){re.escape(stem)}", title):  # "X intake" names X
            return False
        for m in whole_word(surface).finditer(text):
            before, after = _same_cell(text, m.start(), m.end())
            if r["governed_rx"].search(before):
                given += 1
            elif (r["measured_before_rx"].search(before) or r["measured_after_rx"].match(after)) \
                    and not r["measured_people_rx"].match(after):
                measured += 1  # but 'the number of X-treated horses', 'levels in the X group': people counted
    return measured > given  # "given the benefit of X" is no administration: most cued mentions decide


def _same_cell(text: str, start: int, end: int) -> tuple[str, str]:
    """The 60 characters before a mention and the 30 after it, each cut at a line break or a table's
    tab: a cue in a caption or another cell ('... and serum testosterone' / 'Variable<TAB>X') is not
    the mention's own."""
    before = text[max(0, start - 60):start]
    before = before[max(before.rfind("\n"), before.rfind("\t")) + 1:]
    after = re.split(r"[\n\t]", text[end:end + 30], maxsplit=1)[0]
    return before, after


def _model_inducers(ctx: Context, arm_mentions: dict[str, _Mention]) -> set[str]:
    """Interventions that make the disease model ('hamsters fed with a high-fat diet',
    'streptozotocin-induced diabetes'): an inducer named with the role the cues give it."""
    r = rules()
    text = ctx.document.text
    out = set()
    for iri, m in arm_mentions.items():
        names = {m.concept.label.lower(), text[m.start:m.end].lower()}
        if not any(r["inducer_rx"].fullmatch(n) for n in names):
            continue
        for x in r["inducer_rx"].finditer(text):
            if x.group(0).lower() not in names:
                continue
            if r["inducer_before_rx"].search(text[max(0, x.start() - 40):x.start()]) \
                    or r["inducer_after_rx"].match(text[x.end():x.end() + 40]):
                out.add(iri)
                break
    return out


# -- arm phrases ------------------------------------------------------------------------------
def _arm_mentions(ctx: Context, sent) -> list[_Mention]:
    """Interventions named by the arm and allocation phrases of one sentence."""
    cache = ctx.document.cache.setdefault("arm_mentions", {})
    if sent.start_char in cache:
        return cache[sent.start_char]
    r = rules()
    text = sent.text
    out: list[_Mention] = []
    mode = reading(ctx, sent)
    planned = mode == "plan"
    if mode is None:
        cache[sent.start_char] = []
        return []
    sides: list[_Mention] = []  # the arms of the comparison: allocation alternatives, groups, sides of 'versus'
    for m in r["alloc_rx"].finditer(text):
        sides += _chunk(ctx, sent, _after_either(ctx, sent, m), m.end("tail"), free="arms" if planned else "")
        # "to one of four groups: (A) X and Y; (B) same as (A) plus Z; (C) ...": each lettered arm of the list
        end = m.end("tail")
        while (item := _LETTERED_ARM.match(text, end)) is not None:
            sides += _chunk(ctx, sent, item.start("seg"), item.end("seg"), free="arms" if planned else "")
            end = item.end("seg")
    controls: list[tuple[int, int]] = []  # what the control arm received
    if planned and not r["concomitant_rx"].search(text):
        for m in r["admin_rx"].finditer(text):
            if r["recipients_rx"].search(m.group("subj")):
                # "participants assigned to control received general advice": the comparator, unless a drug
                if r["control_subject_rx"].search(m.group("subj")):
                    controls.append((m.start("tail"), m.end("tail")))
                    out += _chunk(ctx, sent, m.start("tail"), m.end("tail"), free="")
                else:
                    out += _chunk(ctx, sent, m.start("tail"), m.end("tail"), free="nouns")
    for m in r["group_rx"].finditer(text):  # in results, a group named by what it received ("the yoga training group")
        sides += _chunk(ctx, sent, m.start("x"), m.end("x"), free="group" if planned else "group_nouns", whole=True)
    for m in r["versus_rx"].finditer(text):
        opposed = _chunk(ctx, sent, m.start("x"), m.end("tail"), free="")
        ctx.document.cache.setdefault("versus_sides", set()).update(x.concept.iri for x in opposed)
        sides += opposed
    for m in r["aim_rx"].finditer(text) if planned else ():  # "This study compares the efficacy of X and Y"
        content = r["content_rx"].search(text, m.start("tail"), m.end("tail"))  # "of a gel containing X, Y"
        # "the effect of cisplatin-induced nephrotoxicity": a drug that qualifies what is studied is no arm
        sides += [x for x in _chunk(ctx, sent, m.start("tail"), content.start() if content else m.end("tail"), free="")
                  if not _QUALIFIER_AFTER.match(ctx.document.text, x.end)]
    for m in _CODE_VS_PLACEBO.finditer(text) if planned else ():  # "received AKL1 or placebo", "AKL1 with placebo"
        code = m.group("code") or m.group("code2")
        at = m.start("code") if m.group("code") else m.start("code2")
        if _PRODUCT_CODE.fullmatch(code):
            sides.append(_Mention(ctx.lexicon.discover("Drug", code, "arm"), sent.start_char + at,
                                  sent.start_char + at + len(code), True))
    sides += _comparison_sides(ctx, sent) if planned else []  # "a trial comparing X with Y", "X versus Y"
    sides += _sham_pair_arms(ctx, sent) if planned else []  # "active or sham X": X is the arm
    sides += _arm_subject_objects(ctx, sent, planned)  # "Group A practised X", "the valerian group ... placebo group"
    sides += _aim_phrases(ctx, sent) if planned else []  # "Effects of X and Y on Z", "to assess a X filter"
    for m in r["period_rx"].finditer(text) if planned else ():  # "two treatment periods with either X or Y"
        sides += _chunk(ctx, sent, m.start("tail"), m.end("tail"), free="arms")
    if planned and (_DOSING_WORDS.search(text) or part_of(ctx.document, sent.start_char)[0] == "title") \
            and not r["concomitant_rx"].search(text):  # "exclusion criteria: previous abdominal surgery"
        for m in r["noun_rx"].finditer(text):  # "aerobic exercise", "zinc supplementation"
            if len(m.group("x").split()) >= 2 and not any(a <= m.start("x") < b for a, b in controls):
                out += _chunk(ctx, sent, m.start("x"), m.end("x"), free="nouns", whole=True)
    title = part_of(ctx.document, sent.start_char)[0] == "title"
    for m in r["named_arm_rx"].finditer(text) if planned else ():
        sides += _chunk(ctx, sent, m.start("x"), m.end("x"), free="group", whole=True)
    out += sides
    bases = ctx.document.cache.get("shared_bases", [])
    out = [x for x in out if x.concept.source != "arm" or not any(a <= x.start < b and x.end <= b for a, b in bases)]
    if controls:  # no phrase of what the control arm received is an arm (a drug may be: an active control)
        s0 = sent.start_char
        out = [m for m in out if m.concept.source != "arm" or not any(a <= m.start - s0 < b for a, b in controls)]
        sides = [m for m in sides if m in out]
    ctx.document.cache.setdefault("arm_sides", set()).update(m.concept.iri for m in sides)
    if title:  # "in women receiving tamoxifen", "cisplatin-induced nausea": what the population has
        s0 = sent.start_char
        out = [m for m in out
               if not (r["title_background_before_rx"].search(text[max(0, m.start - s0 - 60):m.start - s0])
                       or r["title_background_after_rx"].match(text[m.end - s0:m.end - s0 + 20]))]
    seen: dict[str, _Mention] = {}
    for mention in sorted(out, key=lambda x: x.start - x.end):  # longest first
        inside = any(o.start <= mention.start and mention.end <= o.end and o.concept.source == "arm"
                     and mention.concept.source == "arm" for o in seen.values())
        if not inside:
            seen.setdefault(mention.concept.iri, mention)
    cache[sent.start_char] = sorted(seen.values(), key=lambda x: x.start)
    return cache[sent.start_char]


def _sham_pair_arms(ctx: Context, sent) -> list[_Mention]:
    """The treatment a sham imitates, named once after a pair of adjectives ('randomised to active or sham
    transcranial stimulation', 'genuine and sham exposure of radiofrequency fields', 'sham or real laser
    irradiation'): what both adjectives qualify is the studied arm (the sham is the design's control)."""
    rx, lead = rules()["sham_pair_rx"], rules()["sham_pair_lead_rx"]
    out = []
    for m in rx.finditer(sent.text):
        a = m.start("x")
        skip = lead.match(sent.text, a)
        out += _chunk(ctx, sent, skip.end() if skip else a, m.end("x"), free="arms")
    return out


@functools.lru_cache(maxsize=1)
def _comparison_rules() -> dict:
    """The comparison_sides cues of ontology/interventions.json, compiled (read by _comparison_sides only)."""
    c = rules()["comparison_sides"]
    return {
        "rx": Guarded(re.compile(rf"\b(?:{c['lead']})(?!(?:{c['x_not_start']})\b)(?P<x>[^,;:.]{{3,100}}?)\s+"
                                 rf"(?P<link>{c['links']})\s+(?P<y>[^,;:.]{{3,120}}?)(?=\s+(?:{c['y_end']})\b|\s*[,;:.]|\s*$)",
                                 re.I), re.compile(r"compar", re.I)),
        "versus": Guarded(re.compile(rf"\s(?:versus|vs\.?)\s+(?P<y>[^,;:.]{{3,120}}?)(?=\s+(?:{c['y_end']})\b|"
                                     r"\s*[,;:.]|\s*$)", re.I), re.compile(r"\s(?:versus|vs)", re.I)),
        "boundary": set(c["versus_boundary"]),
        "not_last": set(c["not_last"]),
        "measures": set(c["measure_heads"]),
        "statistics_rx": guarded(re.compile(rf"(?<![\w-])(?:{c['statistics']})(?![\w-])", re.I)),
        "clause_rx": re.compile(r"\b(?:were|was|is|are|be|been|had|has|have)\b", re.I),
    }


def _comparison_sides(ctx: Context, sent) -> list[_Mention]:
    """The sides of a comparison a design sentence states ('Comparison of X and Y', 'a trial comparing X
    with Y', 'X versus Y in ...'): each an arm when it names something of its own, no dictionary needed
    (devices, techniques, programmes), and neither people, a place nor a measure."""
    c = _comparison_rules()
    text = sent.text
    spans: list[tuple[int, int]] = []
    statistics = bool(c["statistics_rx"].search(text))  # "t-tests compared baseline values with ...": measures
    combined: list[_Mention] = []
    for m in c["rx"].finditer(text):
        if c["clause_rx"].search(m.group("x")):
            continue  # "comparisons of X were performed before and after": a clause, no side
        y = m.start("y")
        base = _shared_base(m.group("x"), m.group("y"))
        if base:  # "comparing A only with A plus B": A alone is no arm; 'A plus B' is
            s0 = sent.start_char
            ctx.document.cache.setdefault("shared_bases", []).append((s0 + m.start("x"), s0 + y + base))
            lead = re.match(r"(?:the|an?)\s+", m.group("y"), re.I)
            a = y + (lead.end() if lead else 0)
            combined.append(_Mention(ctx.lexicon.discover("Drug", text[a:m.end("y")], "arm"), s0 + a, s0 + m.end("y"),
                                     True))
            continue
        # "comparison of A with B and C with D": 'with' joined each arm to its part; 'and' joins the arms
        parallel = re.search(r"\s(?:and|versus|vs\.?)\s+(?=\S.*\swith\s)", m.group("y"), re.I) \
            if m.group("link").lower() == "with" else None
        if parallel:
            y += parallel.end()
        spans += [(m.start("x"), m.end("x"), statistics), (y, m.end("y"), statistics)]
    for m in c["versus"].finditer(text):
        spans += [(_side_before(text, m.start(), c["boundary"]), m.start(), False), (m.start("y"), m.end("y"), False)]
    out = []
    heads = rf"(?:{rules()['intervention_nouns']}|{rules()['modified_heads']})$"
    for k, (a, b, measured) in enumerate(spans):
        if b - a < 3:
            continue
        # "local versus systemic uptake": one side a lone adjective, the other that adjective's kind of a shared
        # noun, an arm only when that noun names an intervention ('local versus systemic therapy')
        pair = spans[k ^ 1]
        side = re.sub(r"^(?:the|an?)\s+", "", text[pair[0]:pair[1]].strip(), flags=re.I)
        elliptic = not re.search(r"\s", side) and not _group_name(side.lower())
        for x in _chunk(ctx, sent, a, b, free="arms"):
            words = re.findall(r"[\w'-]+", ctx.document.text[x.start:x.end].lower())
            if x.concept.source != "arm" or words and words[-1] not in c["not_last"] \
                    and not measured and words[-1] not in c["measures"] \
                    and (len(words) > 1 or _group_name(words[0])) \
                    and not (elliptic and not re.search(heads, words[-1], re.I)):
                out.append(x)
    return out + combined


def _shared_base(x: str, y: str) -> int:
    """Where what 'A plus B' adds to 'A only' starts in y (0 when the sides share no base): A alone is
    every arm's, the arm is A with what it adds."""
    base = rules()["alone_rx"].sub("", x).strip()
    if not base or base == x.strip():
        return 0
    link = re.match(rf"(?:the\s+|an?\s+)?{re.escape(base)}\s+(?:plus|with|and|combined\s+with|in\s+addition\s+to)\s+",
                    y, re.I)
    return link.end() if link else 0


def _side_before(text: str, end: int, boundary: set[str]) -> int:
    """Where the side of a comparison written before 'versus' starts: read back over at most six words
    to a boundary word, a number or a punctuation mark ('Effect of hand written versus ...' → 'hand written')."""
    base = max(0, end - 80)
    start, n = end, 0
    for w in reversed(list(re.finditer(r"[^\s,;:.()]+", text[base:end]))):
        if w.group(0).lower() in boundary or re.search(r"[,;:.()]", text[base + w.end():start]) or n == 6 \
                or re.search(r"\d", w.group(0)):  # "2% after X versus 9% after Y": results, no side
            break
        start, n = base + w.start(), n + 1
    return start


@functools.lru_cache(maxsize=1)
def _arm_subject_rules() -> dict:
    """The arm_subjects cues of ontology/interventions.json, compiled (read by _arm_subject_objects only)."""
    a = rules()["arm_subjects"]
    group = r"\s+(?:group|arm)\b(?:\s*\([^()]{0,40}\))?"
    named = r"(?:the\s+)?(?P<N>[\w'-]+(?:\s+[\w'-]+)?)" + group
    other = rf"(?:the\s+)?(?:{a['comparators']}){group}"
    gap = r"(?:[^.;]|\.(?=\d)){0,80}?"  # within one clause; a decimal point ends none ('12.5% in the X group')
    return {
        "object_rx": Guarded(re.compile(rf"\b(?:the\s+)?(?:{a['subject']})(?:\s*\([^()]{{0,30}}\))?\s+"
                                        rf"(?:(?:additionally|also|then|each)\s+)?(?:{a['verbs']})\s+"
                                        rf"(?P<tail>[^.;]{{3,200}})", re.I),
                             re.compile(r"\b(?:group|arm)\s", re.I)),
        "contrast_rx": Guarded(re.compile(rf"\b{named.replace('N', 'x')}{gap}\b{other}|"
                                          rf"\b{other}{gap}\b{named.replace('N', 'y')}", re.I),
                               re.compile(rf"\b(?:{a['comparators']})\s+(?:group|arm)\b", re.I)),
    }


def _arm_subject_objects(ctx: Context, sent, planned: bool) -> list[_Mention]:
    """Arms a sentence names through the group that received them: the object of an arm named by its role
    or letter ('the intervention group received X', 'Group A practised X'; in the design only), and a group
    named by what it received set against the placebo or control group ('the X group (29%) and the placebo
    group')."""
    r = _arm_subject_rules()
    out = []
    for m in r["object_rx"].finditer(sent.text) if planned else ():
        out += [x for x in _chunk(ctx, sent, m.start("tail"), m.end("tail"), free="arms")
                if x.concept.source != "arm" or x.start - sent.start_char - m.start("tail") <= 3
                or _OBJECT_LEAD.fullmatch(sent.text, m.start("tail"), x.start - sent.start_char)]
    for m in r["contrast_rx"].finditer(sent.text):
        g = "x" if m.group("x") else "y"
        if re.search(r"[a-z]ed$", m.group(g)):
            continue  # "the antihelminthic treated group": how the group was treated, named elsewhere
        out += _chunk(ctx, sent, m.start(g), m.end(g), free="group", whole=True)
    return out


@functools.lru_cache(maxsize=1)
def _aim_rules() -> dict:
    """The aim_phrases cues of ontology/interventions.json, compiled (read by _aim_phrases only)."""
    a = rules()["aim_phrases"]
    return {"title_rx": re.compile(rf"{a['title_lead']}(?P<tail>[^:;.?]{{3,160}}?)\s+(?:{a['ending']})\s", re.I),
            "object_rx": Guarded(re.compile(rf"\b(?:{a['object_verbs']})\s+(?:whether\s+)?(?P<tail>(?:an?|the)\s+"
                                            rf"[^.;:]{{3,160}}?)(?=\s+(?:{rules()['aim_list_end']})\b|[.;:]|$)", re.I),
                                 re.compile(rf"\b(?:{a['object_verbs']})\s", re.I))}


def _aim_phrases(ctx: Context, sent) -> list[_Mention]:
    """What a title or an objective says the trial tests, named by no dictionary: each item of a title's
    'Effects of X and Y on Z' that names something of its own, and an objective's object that ends in an
    intervention noun ('to assess a high-performance water filter', 'the effects of a X intervention on')."""
    r = _aim_rules()
    out: list[_Mention] = []
    title = part_of(ctx.document, sent.start_char)[0] == "title"
    for m in r["title_rx"].finditer(sent.text) if title else ():
        out += _each_item(ctx, sent, m.start("tail"), m.end("tail"), "arms")
    for m in [*rules()["aim_rx"].finditer(sent.text), *r["object_rx"].finditer(sent.text)]:
        out += _each_item(ctx, sent, m.start("tail"), m.end("tail"), "nouns")
    not_last = _comparison_rules()["not_last"]
    text = ctx.document.text
    # "the effects of a mind-body exercise, Nei Yang Gong, on": a kind the name after it says; "lipid-lowering
    # drugs": a class, its drugs named apart; an objective's drugs are read as before, a title's list here
    return [x for x in out if (title or x.concept.source == "arm")
            and not re.match(r"\s*[,(]\s*[A-Z]", text[x.end:x.end + 4])
            and _last_word(text[x.start:x.end]) not in not_last]


def _last_word(phrase: str) -> str:
    words = re.findall(r"[\w'-]+", phrase.lower())
    return words[-1] if words else ""


def _each_item(ctx: Context, sent, a: int, b: int, free: str) -> list[_Mention]:
    """The interventions of each item of a list ('X, Y and Z') in sentence text [a:b], each read as a
    phrase of its own (so that 'and' offers each item as 'or' does)."""
    items, start = [], a
    for sep in [*re.finditer(r"\s*(?:,|\band\b|\bor\b|\bplus\b)\s*", sent.text[a:b]), None]:
        end = a + sep.start() if sep else b
        if sent.text[start:end].strip():
            items.append((start, end))
        start = a + sep.end() if sep else b
    heads = rules()["ends_in_head_noun_rx"]
    # "Provider and Community Interventions": a lone word before the last item's head shares that head
    shared = len(items) > 1 and bool(heads.search(sent.text[items[-1][0]:items[-1][1]]))
    out = []
    for k, (start, end) in enumerate(items):
        if free == "nouns" and not heads.search(sent.text[start:end].rstrip()):
            continue  # only a phrase that ends in an intervention noun may stand: no need to read the others
        lone = k < len(items) - 1 and len(sent.text[start:end].split()) == 1
        out += [x for x in _chunk(ctx, sent, start, end, free=free)
                if not (shared and lone and x.concept.source == "arm")]
    return out


def _after_either(ctx: Context, sent, m: re.Match) -> int:
    """Where the alternatives of an allocation start: after 'either' when what stands before it is no
    drug but the frame every arm shares ('to receive a letter with either X or Y': X and Y are the arms)."""
    a, b = m.start("tail"), m.end("tail")
    either = re.search(r"\s(?:with|of|using|by|through|via)\s+either\s+", sent.text[a:b], re.I)
    if either is None:
        return a
    s0 = sent.start_char
    if any(a <= e.start_char - s0 < a + either.start() for e in ctx.concepts_in(sent, {"Drug"})):
        return a  # 'received chemotherapy with either X or Y': the shared drug is read by _shared_before_either
    return a + either.end()


_LETTERED_ARM = re.compile(r";\s*(?:and\s+|or\s+)?\(?(?:[A-H]|[1-8]|i{1,3}|iv)\)\s*(?P<seg>[^;]{2,240})")


def _chunk(ctx: Context, sent, a: int, b: int, free: str, whole: bool = False) -> list[_Mention]:
    """Interventions in sentence text [a:b]: its drugs, else its own phrases when `free` says
    which may stand: "arms" (allocation alternatives that name a group or end in an
    intervention noun), "nouns" (only the latter), "group" (the name of a group), "group_nouns" (a
    group named by an intervention noun, as results name arms)."""
    s0 = sent.start_char
    # "yoga three times weekly for 12 weeks or usual care": an arm's schedule is no part of its name (blanked,
    # offsets kept), and it ends no list of arms
    text = rules()["schedule_start_rx"].sub(lambda m: " " * len(m.group(0)), sent.text[a:b])
    cut = re.search(r"\s+(?:for|during|until|after|before|at\s+(?:a|the)\s+ratio|in\s+a\s+\d|with\s+a|who|which|"
                    r"than)\s+|[.;](?:\s|$)", text, re.I)
    if cut and not whole:
        b = a + cut.start()
        text = text[:cut.start()]
    made_of = rules()["composition_rx"].search(text)
    if made_of:  # "a diet deficient in X": what the product contains, not what an arm received
        b = a + made_of.start()
        text = sent.text[a:b]
    drugs = [e for e in ctx.concepts_in(sent, {"Drug"}) if a <= e.start_char - s0 and e.end_char - s0 <= b]
    # "reductions in HbA1c with X were larger than with placebo": a drug after an outcome word is what is measured
    drugs = [e for e in drugs if not rules()["outcome_of_rx"].search(sent.text[max(0, e.start_char - s0 - 40):
                                                                               e.start_char - s0])]
    # "olive oil placebo", "saline placebo": what the placebo is made of is no arm
    placebo_of = [e for e in drugs if re.match(r"[\s-]*(?:placebo|sham|dummy)\b", sent.text[e.end_char - s0:], re.I)]
    if placebo_of and len(placebo_of) == len(drugs) and whole:
        return []  # nor is the phrase it heads
    drugs = [e for e in drugs if e not in placebo_of]
    if whole:  # "Bifidobacterium counts in the inulin group": a drug before a preposition is what is measured
        drugs = [e for e in drugs if not re.search(r"\b(?:in|of|among|within|between|for|at|on|from|than)\b",
                                                   sent.text[e.end_char - s0:b], re.I)]
    # "sitagliptin or a sulphonylurea": a class of drugs given as such
    classes = [_Mention(ctx.lexicon.discover("Drug", c.group(0), "arm"), s0 + a + c.start(), s0 + a + c.end(), True)
               for c in rules()["drug_classes_rx"].finditer(text)
               if not any(e.start_char - s0 <= a + c.start() < e.end_char - s0 for e in drugs)
               and not rules()["not_class_before_rx"].search(sent.text[max(0, a + c.start() - 60):a + c.start()])
               # "the antidepressant paroxetine": the class describes the drug it stands before
               and not any(e.start_char - s0 - (a + c.end()) in (1, 2) for e in drugs)]
    # only a short form that names an arm somewhere ("patients who underwent RRT" is often who was eligible)
    named = _abbreviated_arms(ctx, sent, a, b)
    drugs, combos = _combined(ctx, sent, drugs)
    if drugs or classes or combos:
        full = ctx.document.text
        # "palm stearin (PS) or high-oleic sunflower oil (HOSO)": the arms the paper names, and the drugs
        # outside them
        out = [_Mention(ctx.concept(e), e.start_char, e.end_char, True) for e in drugs
               if not _is_stop(e.text) and not rules()["diagnostic_rx"].match(full[e.end_char:e.end_char + 40])
               and not any(n.start <= e.start_char and e.end_char <= n.end and n.end - n.start > len(e.text)
                           for n in named)] \
            + classes + [n for n in named if not any(e.start_char <= n.start and n.end <= e.end_char for e in drugs)]
        out += combos
        if free == "arms":  # "ribavirin plus interferon or interferon alone": the alternatives no dictionary names
            out += [x for x in _phrases(ctx, sent, a, text, free, whole)
                    if not any(o.start < x.end and x.start < o.end for o in out)]
        return out
    if named:
        return named
    if not free:
        return []
    return _phrases(ctx, sent, a, text, free, whole)


def _combinations(ctx: Context, sent) -> list[_Mention]:
    """Fixed combinations written with a slash ('budesonide/formoterol', 'A/B/C'): one product,
    named as written, where the design names it (in results 'A/B (n = 9)' may be a factorial cell)."""
    if "/" not in sent.text or reading(ctx, sent) != "plan":
        return []
    text, out = ctx.document.text, []
    run: list = []
    for e in ctx.concepts_in(sent, {"Drug"}):
        if _is_stop(e.text):
            run = []
            continue
        if run and text[run[-1].end_char:e.start_char] == "/":
            run.append(e)
            continue
        if len(run) > 1:
            out.append(run)
        run = [e]
    if len(run) > 1:
        out.append(run)
    # 'L-placebo/pravastatin': a placebo in the run makes it no product
    return [_Mention(ctx.lexicon.discover("Drug", text[r[0].start_char:r[-1].end_char], "arm"),
                     r[0].start_char, r[-1].end_char, True) for r in out
            if not re.search(r"placebo|sham|vehicle", text[r[0].start_char - 12:r[-1].end_char + 12], re.I)]


def _combined(ctx: Context, sent, drugs: list) -> tuple[list, list[_Mention]]:
    """`drugs` less those inside a slash combination, and the combinations they make."""
    combos = [c for c in _combinations(ctx, sent)
              if any(c.start <= e.start_char < c.end for e in drugs)]
    return [e for e in drugs if not any(c.start <= e.start_char < c.end for c in combos)], combos


def _phrases(ctx: Context, sent, a: int, text: str, free: str, whole: bool) -> list[_Mention]:
    """The phrases of sentence text [a:a+len(text)] that name an intervention no dictionary knows,
    of the kinds `free` allows (see _chunk)."""
    s0 = sent.start_char
    r = rules()
    offered: set[int] = set()  # the parts a choice joins ("X or Y", "X versus Y", "X plus Y")
    if whole:
        parts = [(a, text)]
    else:  # alternatives, brackets blanked so that their commas split nothing
        blank = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), text)
        parts, start = [], 0
        for sep in re.finditer(rf"\s*(?:,|;|\bor\b|\bversus\b|\bvs\.|\bvs\b|\band\b|\bplus\b|"
                               rf"(?<!\w)(?:{r['combination_links']})(?!\w))\s*", blank, re.I):
            parts.append((a + start, text[start:sep.start()]))
            if re.fullmatch(rf"\s*(?:or|versus|vs\.?|plus|{r['combination_links']})\s*", sep.group(0), re.I):
                offered |= {len(parts) - 1, len(parts)}
            start = sep.end()
        parts = parts + [(a + start, text[start:])]
        # a clause among the parts ("by a researcher, blinded to details of patients or practices") ends the choice
        clause = next((k for k, (_p, t) in enumerate(parts) if len(t.split()) > 5), len(parts))
        offered = {k for k in offered if k < min(3, clause + (clause == 0)) and parts[k][1].strip()}
        kept = [k for k, (_p, t) in enumerate(parts) if t.strip()][:4]
        offered = {kept.index(k) for k in offered if k in kept}
        parts = [parts[k] for k in kept]
    out = []
    for k, (pos, part) in enumerate(parts):
        part = r["alone_rx"].sub("", part)  # "interferon alone", "diet only"
        phrase = _clean_phrase(part, whole, offered=free == "arms" and k in offered)
        if phrase is None:
            continue
        p0, plen = sent.text.find(phrase, pos), len(phrase)
        if p0 < 0:  # "quiet eye (QE) training": a bracket inside the name
            inside = re.compile(r"(?:\s+|\s*\([^()]{1,20}\)\s*)".join(map(re.escape, phrase.split())))
            found = inside.search(sent.text, pos)
            if found is None:
                continue
            p0, plen = found.start(), found.end() - found.start()
        if re.search(r"['’]$", sent.text[:p0]):
            continue  # the tail of a possessive ("the participant's intervention arm")
        if free != "arms" and r["population_before_rx"].search(sent.text[max(0, p0 - 60):p0]):
            continue  # the procedure that makes the population ("patients undergoing thoracic surgery")
        if free == "nouns" and r["not_given_before_rx"].search(sent.text[max(0, p0 - 60):p0]):
            continue  # what the population has or lacks ("no indication for statin therapy")
        after = sent.text[p0 + plen:]
        if r["trial_name_rx"].match(after):
            continue  # "the Renal Replacement Therapy Study": the trial's name
        follower = re.match(r"\s+([\w-]+)", after)
        if follower and re.fullmatch(r["not_arm_followers"], follower.group(1), re.I):
            continue  # "speech and language therapy services": a modifier of another noun
        names_group = bool(re.match(r"\s*(?:\([^()]*\)\s*)?(?:group|arm)s?\b|\s*\([^()]*\b(?:group|arm)\b", after))
        head = r["ends_in_head_noun_rx"].search(phrase)  # the treatment noun the phrase ends in
        noun = head is not None
        # the object of "randomised to" itself, when it is no bare verb ("to evaluate")
        first = k == 0 and pos - a <= 3 and (len(phrase.split()) >= 2 or not phrase.islower())
        # one of two or more alternatives: a noun of its own ("zinc or vitamin A", "qigong or usual care")
        alternative = k in offered and phrase.split()[0].lower() not in r["ellipsis"] \
            and (len(phrase.split()) >= 2 or phrase.islower() and _group_name(phrase)
                 or bool(_PRODUCT_CODE.fullmatch(phrase)))
        if not (free == "group" and _group_name(phrase) or free == "arms" and (names_group or noun or first
                                                                               or alternative)
                or free in ("nouns", "group_nouns") and noun):
            continue
        # a population ("the COPD group") or an outcome, not what was given; but a condition that only
        # qualifies a treatment noun names what the treatment is for ("diabetes self-management education")
        if any(e.label_ in ("Condition", "AdverseEventTerm", "StudyDesign", "Unit", "Instrument")
               and not (head and e.label_ in ("Condition", "AdverseEventTerm") and e.end_char - s0 < p0 + head.start())
               for e in ctx.concepts_in(sent) if e.start_char - s0 < p0 + plen and p0 < e.end_char - s0):
            continue
        concept = ctx.lexicon.discover("Drug", phrase, "arm")
        out.append(_Mention(concept, s0 + p0, s0 + p0 + plen, True))
    return out


def arm_abbreviations(ctx: Context) -> dict[str, Abbreviation]:
    """The short forms this paper defines whose long form can name an arm ("motivational
    interviewing (MI)"), not a measure, a population or a comparator ("usual care (UC)")."""
    cached = ctx.document.cache.get("arm_abbreviations")
    if cached is not None:
        return cached
    r = rules()
    out = {}
    for short, ab in document_abbreviations(ctx.document).items():
        words = [w.lower().strip("'‘’\"“”,") for w in ab.long.split()]
        if not words or len(words) > 8 or r["not_arm_head_rx"].search(words[-1]) or re.search(r"\d|=|%", ab.long):
            continue
        if any(w in r["stop"] and w not in r["abbr_allowed"] for w in words):
            continue
        if any(rx.fullmatch(ab.long) for _label, rx in r["route_rx"]):
            continue  # "intramuscular (IM)": how a dose is given, not what
        head = ab.end - len(ab.long.split()[-1])
        if any(sp.label_ in ("Condition", "AdverseEventTerm", "Instrument", "Unit", "StudyDesign")
               and sp.start_char < ab.end and head < sp.end_char for sp in ctx.concept_spans(ab.start, ab.end)):
            continue  # the long form names a disease or a measure ("major depressive disorder (MDD)")
        out[short] = ab
    ctx.document.cache["arm_abbreviations"] = out
    return out


def _abbreviated_arms(ctx: Context, sent, a: int, b: int, short_forms: bool = True) -> list[_Mention]:
    """Arms named in sentence text [a:b] by a short form the paper defines (or by its long
    form): each an intervention labelled with the long form."""
    text = sent.text[a:b]
    out = []
    # each form is looked for as itself (whole_word's guard): which short forms name arms (patterns
    # compiled for each paper) is asked only where one of them is in the text
    every = [(short, ab, (short, ab.long) if short_forms else (ab.long,))
             for short, ab in arm_abbreviations(ctx).items()]
    named = [(short, ab, forms) for short, ab, forms in every if any(f in text for f in forms)]
    confirmed = _abbreviations_naming_arms(ctx) if named else set()
    for short, ab, forms in named:
        if short not in confirmed:
            continue  # a short form no arm phrase names is what the paper measures ("ECM", "HBP")
        for form in forms:
            for m in whole_word(form, 0).finditer(text):
                after = re.match(r"\s+([\w-]+)", sent.text[a + m.end():])
                if after and re.fullmatch(rules()["not_arm_followers"], after.group(1), re.I):
                    continue  # a modifier of what is measured: "the daily OCS dose"
                s = sent.start_char + a + m.start()
                out.append(_Mention(ctx.lexicon.discover("Drug", ab.name, "arm"), s, s + len(form), True))
    return out


def _abbreviations_naming_arms(ctx: Context) -> set[str]:
    """The defined short forms that name an arm somewhere in the paper: an alternative of an
    allocation phrase ("randomised to GIT or ...", "to six GIT sessions"), the name of a group
    ("the GIT group", "(GIT arm)"), the name of a diet, programme or session ("the SFA diet",
    "the PAL programme"), or a side of a comparison ("GIT versus ..."). A short form
    that only stands somewhere in such a phrase names what is measured ("EEG activity of the
    groups", "HBP in the two groups", "IQR ... vs.")."""
    cached = ctx.document.cache.get("abbreviations_naming_arms")
    if cached is not None:
        return cached
    r = rules()
    shorts = arm_abbreviations(ctx)
    out: set[str] = set()
    if shorts:
        forms = {short: (short, ab.long) for short, ab in shorts.items()}
        every_form = sorted({f for fs in forms.values() for f in fs}, key=len, reverse=True)
        alt = "|".join(map(re.escape, every_form))
        of_form = {f.lower(): short for short, fs in forms.items() for f in fs}
        sides = re.compile(rf"(?<![\w-])(?P<f>{alt})(?:\s*\([^()]{{1,40}}\))?\s*(?:(?:group|arm)s?\b|"
                           rf"\((?:the\s+)?(?:{r['arm_role_words']})\s+(?:group|arm)\b|"
                           rf"(?:versus|vs\.?|compared\s+(?:with|to))\s)|"
                           rf"{_COMPARED}\s+(?:the\s+|an?\s+)?(?P<g>{alt})(?![\w-])",
                           re.I)
        # "the SFA diet", "the SFA-rich diet", "the SFA, TFA and IE diets", "during the PUFA period": every form
        # of a list that names diets, programmes or crossover periods
        named_list = re.compile(rf"(?<![\w-])(?:{alt})(?:(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)(?:{alt}|[\w-]+))*"
                                rf"(?:-(?:rich|enriched|based|containing|fed|only))?\s+(?:{r['intervention_nouns']}|"
                                rf"{r['modified_heads']}|{r['arm_period_nouns']})\b", re.I)
        forms_rx = re.compile(rf"(?<![\w-])(?:{alt})(?![\w])", re.I)
        lowered = [f.lower() for f in every_form] if all(f.isascii() for f in every_form) else None
        in_text = _literal_starts(ctx.document.text, lowered)  # where a list of forms or a side's form may open
        for sent in ctx.sentences():
            if reading(ctx, sent) is None:
                continue
            text = sent.text
            starts = _starts_within(in_text, sent.start_char, sent.end_char)
            if starts == [] or starts is None and not may_contain_any(text, every_form, True):
                continue  # each layout below names one of the forms
            for m in _matches_from(named_list, text, starts):
                if r["outcome_of_rx"].search(text[max(0, m.start() - 40):m.start()]):
                    continue
                for f in forms_rx.finditer(m.group(0)):
                    short = of_form.get(f.group(0).lower())
                    if short and f.group(0) in forms[short]:
                        out.add(short)
            compared = None if starts is None else [c.start() for c in _COMPARED_BEFORE.finditer(text)]
            for m in _matches_from(sides, text, None if compared is None else sorted({*starts, *compared})):
                if r["outcome_of_rx"].search(text[max(0, m.start() - 40):m.start()]):
                    continue  # "a lower incidence of TKR compared to saline": an outcome, not a side
                short = of_form.get((m.group("f") or m.group("g")).lower())
                if short and (m.group("f") or m.group("g")) in forms[short]:  # a short form in its own case
                    out.add(short)
            for m in r["alloc_rx"].finditer(text):
                for part in _alternatives(m.group("tail")):
                    short = of_form.get(part.lower())
                    if short and part in forms[short]:
                        out.add(short)
    ctx.document.cache["abbreviations_naming_arms"] = out
    return out


# the words a side named after them opens with ('versus GIT'); where they stand, a side may
_COMPARED = r"(?:\bversus|\bvs\.?|\bcompared\s+(?:with|to))"
_COMPARED_BEFORE = folded(re.compile(rf"{_COMPARED}\s", re.I))  # (overlap none: each opens with its own word)


def _literal_starts(text: str, lowered: list[str] | None) -> list[int] | None:
    """Every place in `text` where one of some ASCII literals (`lowered`: their lower case) opens
    as re.I finds it, ascending (more places may be listed, never fewer): where its lower case is
    found in the lowered text. None where str.lower cannot say (literals outside ASCII: None;
    a character re.I folds otherwise)."""
    low = _lowered(text) if lowered is not None else None
    if low is None:
        return None
    out: set[int] = set()
    for w in lowered:
        at = low.find(w)
        while at >= 0:
            out.add(at)
            at = low.find(w, at + 1)
    return sorted(out)


def _starts_within(starts: list[int] | None, a: int, b: int) -> list[int] | None:
    """The `starts` (ascending document offsets) in [a, b), as offsets from a; None for None."""
    if starts is None:
        return None
    return [at - a for at in starts[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]]


def _matches_from(rx: re.Pattern, text: str, starts: list[int] | None) -> Iterator[re.Match]:
    """`rx.finditer(text)`'s matches for a pattern none of whose matches start outside `starts`
    (ascending; None: anywhere), found by trying it at those places alone: a paper's own pattern
    (its short and long forms, `_abbreviations_naming_arms`) opens with a look-behind and an
    alternation under re.I, which re tries at every position of every sentence."""
    if starts is None:
        yield from rx.finditer(text)
        return
    pos = 0
    for at in starts:
        if at >= pos and (m := rx.match(text, at)) is not None:
            yield m
            pos = m.end()  # (never empty: a form opens every match)


def _alternatives(tail: str) -> list[str]:
    """The arms an allocation phrase offers, each bare of what surrounds a name ("receive six GIT
    sessions or usual care (UC)" → "GIT", "usual care")."""
    r = rules()
    if re.match(rf"\s*{NUMBER}\s*(?:%|(?:and|to|-|–)\s*{NUMBER})", tail):
        return []  # "randomised between 5.1 and 11.1% of those invited": a share, no list of arms
    # "to 1 of 3 interventions: a MedDiet with olive oil, ...": the list after the colon
    tail = re.sub(rf"^\s*(?:(?:{COUNT})\s+of\s+)?(?:the\s+)?(?:(?:{COUNT})\s+)?[\w-]+\s*:\s*", "", tail, flags=re.I)
    tail = re.split(r"\s+(?:for|during|until|after|before|who|which|than)\s+|[.;:](?:\s|$)", tail, maxsplit=1)[0]
    blank = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), tail)
    out = []
    for part in re.split(r"\s*(?:,|\bor\b|\bversus\b|\bvs\.?|\band\b|\bplus\b)\s*", blank):
        part = re.sub(rf"^(?:(?:{NUMBER}\s*[^\s\d]+|the|a|an|either|to|receive|receiving|be|treated|with|one|of|"
                      rf"{COUNT})\s+)+", "",
                      part.strip(), flags=re.I)
        part = re.sub(rf"^(?:[\w-]+\s+){{0,2}}?(?:{r['container_nouns']})\s+of\s+(?:the\s+|an?\s+)?", "", part,
                      flags=re.I)
        part = re.split(r"\s+(?:enriched|supplemented|with|containing|using|in|at|by|from|given|delivered)\b", part,
                        maxsplit=1, flags=re.I)[0]  # "a MedDiet enriched with nuts": the arm's name
        part = re.sub(rf"\s+(?:(?:group|arm)s?|{r['modified_heads']})$", "", part, flags=re.I)
        if part:
            out.append(part.strip())
    return out


_PHRASE_LEAD = re.compile(r"^(?:(?:the|a|an|either|to|receive|receiving|with|of|plus|daily|weekly|monthly|oral|"
                          r"topical)\s+)+", re.I)


def _clean_phrase(part: str, whole: bool = False, offered: bool = False) -> str | None:
    """A short intervention phrase from an arm chunk, or None: 'a Yishen decoction (YD) group' → 'Yishen decoction'."""
    r = rules()
    phrase = re.sub(r"\([^()]*\)", " ", part)
    phrase = re.sub(r"(?<=\S)\s+(?:group|arm)s?\s*$", "", phrase, flags=re.I)  # "the yoga group" → "yoga"
    if whole:  # the noun phrase just before "group": read backwards to the first function word or verb
        words = phrase.split()
        k = len(words)
        while k > 0 and not (_boundary(words[k - 1]) and (k < len(words) or words[k - 1].lower() in r["boundary"])):
            k -= 1  # the last word is the head noun even in -ing ("mindfulness breathing")
        if k > 0 and words[k - 1].lower() == "of":
            return None  # the tail of a longer name ("the quality of life (QoL) group")
        phrase = " ".join(words[k:])
    phrase = _PHRASE_LEAD.sub("", phrase.strip())
    # "200 ml of orange juice", "30 g of almonds": the amount is the arm's dose, not its name
    phrase = rules()["amount_before_rx"].sub("", phrase)
    # "a weekly 30-minute session of hydrotherapy", "three cycles of chemotherapy", "a single dose of oral X":
    # what is in the container (and what leads it)
    contained = re.sub(rf"^(?:[\w-]+\s+){{0,3}}?(?:{r['container_nouns']})\s+of\s+(?:the\s+|a\s+|an\s+)?", "",
                       phrase, flags=re.I)
    phrase = _PHRASE_LEAD.sub("", contained) if contained != phrase else phrase
    pieces = re.split(r"\s+(?:in|on|at|to|by|from|as|per|plus|containing|supplemented|enriched|who|that|which|was|"
                      r"were|is|are|has|had|group|for|of|with|during|after|before|between|among|within|delivered|provided|"
                      r"administered|offered|conducted|performed|supplied|using|supported|accompanied|facilitated|given|"
                      r"taught|followed|guided)\b", phrase, maxsplit=1)
    if whole and len(pieces) > 1:
        return None  # the words just before "group" do not name what the group received
    phrase = pieces[0]
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,:;.-–")
    words = phrase.split()
    if not words or len(words) > 6 or len(phrase) < 3:
        return None
    if len(words) > 1 and words[0].islower() and to_int(words[0]) is not None:
        return None  # a count of things ("five core food groups", "two exercise classes"), not a name
    if len(words) == 2 and words[0].lower() in r["generic_mod"] and r["head_noun_rx"].fullmatch(words[1]):
        return None  # "joint training", "empirical therapy": when or to whom it is given, not which treatment
    named = words
    if r["modified_head_rx"].fullmatch(words[-1]):
        named = words[:-1]  # "a work support intervention": the words before the head must name it
        if not named or any(to_number(w) is not None or w.lower() in r["boundary"] or w.lower() in r["not_head_mod"]
                            for w in named) or all(w.isupper() for w in named):
            return None  # "six sessions", "per intervention", "GIT sessions" (the short form names the arm)
    # "X/placebo", "high-risk": each part of a slash compound counts, and the head of a hyphenated one
    # ("high-risk" as "risk"; "community-based" is no "community")
    if any(w.lower().strip("'-") in r["stop"] for word in named for w in [*word.split("/"), word.split("-")[-1]]) \
            or _is_stop(phrase):
        return None
    if words[-1].lower() in r["not_last"]:
        return None  # "the major muscle groups", "the waiting list group": people or things grouped
    if re.match(r"(?:no|non|not|without)-", words[0], re.I):
        return None  # "the no-website group": the control
    if _FORM_ONLY.fullmatch(phrase):
        return None  # "soft capsules", "dry powder": a dosage form names no product
    if (re.search(r"\d|%|=", phrase) and not (offered and _PRODUCT_CODE.fullmatch(phrase))) \
            or not re.search(r"[A-Za-z]{2}", phrase):
        return None  # but "AKL1 or placebo", "KX-01 or matching placebo": a product's code offered as an arm
    if len(words) == 1 and words[0].islower() and (words[0].endswith(("ed", "ing", "ly"))
                                                   or re.fullmatch(rf"(?:{r['bare_nouns']})", words[0])):
        # "vaccination", "exercise" alone name a kind of intervention, not one; but one offered as an
        # alternative of an allocation names the arm ("randomised to acupuncture or usual care")
        if not (offered and re.fullmatch(rf"(?:{r['bare_arm_nouns']})", words[0], re.I)):
            return None
    return phrase


# what may stand before the object of 'the intervention group attended X': articles, a rhythm, a length of time
# ('weekly X', 'a 12-week X', 'two 60-minute sessions of X' is read through container_nouns)
_OBJECT_LEAD = re.compile(r"(?:(?:an?|the|either|weekly|daily|monthly|fortnightly|twice[- ]weekly|regular|"
                          r"\d+[- ](?:week|month|day|minute|hour)s?|[a-z]+[- ](?:week|month|day|minute|hour))\s+)+",
                          re.I)
# a product code set against placebo ("AKL1 or placebo", "placebo or KX-01", "AKL1 with matching placebo")
_CODE_VS_PLACEBO = re.compile(
    r"(?<![\w-])(?P<code>[A-Za-z][\w-]{1,9})\s+(?:or|versus|vs\.?|with|against|compared\s+(?:with|to))\s+"
    r"(?:(?:an?|the|identical|indistinguishable|matching|matched)\s+)*placebo\b"
    r"|\bplacebo\s+(?:or|versus|vs\.?)\s+(?P<code2>[A-Za-z][\w-]{1,9})(?![\w-])", re.I)
# the salt form a dose is given as ("20 mg elemental zinc as zinc sulphate", "1 g calcium as carbonate")
_SALT_OF = re.compile(r"\b\d[\d.,]*\s*(?:mg|g|µg|μg|mcg|IU|mmol|mEq)\b[^().;,]{0,30}\bas\s+$", re.I)
# what makes a drug the qualifier of another noun ("cisplatin-induced", "methotrexate-resistant")
_QUALIFIER_AFTER = re.compile(r"\s*-\s*(?:induced|related|associated|treated|resistant|refractory|naive|naïve|exposed|"
                              r"dependent|sparing|free|intolerant)\b", re.I)
# what makes a dosed drug a premedication of every arm
_PREMEDICATION = re.compile(r"\b(?:pre-?medicated|pre-?medication|pre-?treated|pretreatment)\s+(?:with\s+|of\s+)?"
                            r"(?:(?:oral|intravenous|iv|i\.v\.)\s+)?$", re.I)
# a dosage form alone ("soft capsules", "dry powder", "enteric-coated tablets")
_FORM_ONLY = re.compile(r"(?:(?:soft|hard|gelatin|film-coated|enteric-coated|coated|dry|chewable|effervescent|"
                        r"identical|white|small)\s+)*(?:(?:soft\s*)?gel\s+)?(?:capsules?|tablets?|caplets?|pills?|"
                        r"powders?|granules?|sachets?|lozenges?|softgels?)", re.I)
# a product's code name: capitals, then a serial number ("AKL1", "KX-01", "HT-061", "BL-1020b")
_PRODUCT_CODE = re.compile(r"(?-i:[A-Z][A-Z]{1,5}-?\d{1,4}[a-z]?)")


def _group_name(phrase: str) -> bool:
    """Words that can name an arm: not an adjective ("the upper group")."""
    words = phrase.split()
    if len(words) == 1 and words[0].islower():
        w = words[0]
        return len(w) >= 4 and not w.endswith(("er", "al", "ic", "ive", "ous", "ly", "ent", "ant", "ary", "ory"))
    return True


def _boundary(word: str) -> bool:
    w = word.lower().strip(",;:")
    return w in rules()["boundary"] or (word.islower() and len(w) > 4 and w.endswith(("ed", "ing")))


def _is_stop(text: str) -> bool:
    return text.lower().strip() in rules()["stop"]


def _sentence_mentions(ctx: Context, sent, arms: list[_Mention], named: dict[str, Concept]) -> list[_Mention]:
    """Every intervention mention of a sentence a dose may bind to: drugs, arm phrases, and
    other occurrences of the phrases the paper's arms are named by ("glycine ... (glycine group)").
    Read once per sentence (the doses, the combined arms and the schedule each ask, with the
    same arm mentions and names; callers do not change the list)."""
    cache = ctx.document.cache.setdefault("sentence_mentions", {})
    key = (sent.start_char, id(arms), id(named))
    if key not in cache:
        cache[key] = _read_sentence_mentions(ctx, sent, arms, named)
    return cache[key]


def _read_sentence_mentions(ctx: Context, sent, arms: list[_Mention], named: dict[str, Concept]) -> list[_Mention]:
    out = [_Mention(ctx.concept(e), e.start_char, e.end_char, False) for e in ctx.concepts_in(sent, {"Drug"})]
    out += _combinations(ctx, sent) + arms
    for surface, concept in named.items():
        flags = 0 if any(ch.isupper() for ch in surface) else re.I
        for m in whole_word(surface, flags).finditer(sent.text):
            out.append(_Mention(concept, sent.start_char + m.start(), sent.start_char + m.end(), True))
    kept: dict[tuple[int, int], _Mention] = {}
    for m in sorted(out, key=lambda m: (m.start, m.start - m.end)):
        if not any(k[0] <= m.start and m.end <= k[1] for k in kept):
            kept[(m.start, m.end)] = m
    return sorted(kept.values(), key=lambda m: m.start)


# -- doses ------------------------------------------------------------------------------------
_DIGIT = re.compile(r"\d")


def _doses(ctx: Context, sent, rx: re.Pattern, mentions: list[_Mention], studied: list[str],
           mode: str = "plan") -> list[Fact]:
    """Dose facts of one sentence, each bound to the intervention it belongs to."""
    text, s0 = sent.text, sent.start_char
    if not _DIGIT.search(text):
        return []  # every dose (and every cell count) is written with a number
    changes = [(c.start(), c.end()) for c in CHANGE_PATTERN.finditer(text)]
    out: list[Fact] = []
    targets_of: dict[int, int] = {}  # each fact's intervention mention (its start)
    previous: tuple[int, list[_Mention]] | None = None  # end of the last bound dose and its drugs
    cells = _cell_doses(ctx, sent) if re.search(r"[×xX]\s*10", text) else []
    # the ingredient lists of products of two or more ingredients ("10 ml of a gel composed of X, 0.2% Y and Z")
    ingredients = [(x.start("list"), x.end("list")) for x in rules()["ingredients_rx"].finditer(text)
                   if re.search(r",|\band\b", x.group("list"))]
    for c in rules()["content_rx"].finditer(text):  # "500 mg/d of a supplement containing X (A, B), Y and Z"
        end = _CONTENT_END.search(text, c.end())
        if end and re.search(r",|\band\b", text[c.end():end.start()]):
            ingredients.append((c.end(), end.start()))
    matches = list(rx.finditer(text))
    starts = [x.start() for x in matches]
    for m in [*matches, *(c for c, _t in cells)]:
        before = text[: m.start()]
        if _THRESHOLD.search(before) or _CHANGE.search(before[-60:]):
            continue
        if _content(text, m.start(), starts):  # "2 g/day of oil containing 1 g X": what the product contains
            end = _CONTENT_END.search(text, m.end())
            ctx.document.cache.setdefault("product_ingredients", []).append(
                (s0 + m.start(), s0 + (end.start() if end else len(text))))  # and its substance no arm either
            continue
        if any(a <= m.start() < b for a, b in changes):
            continue
        percent = m.group("u") == "%"
        if percent and mode != "plan":
            continue  # a percentage among results is a proportion
        cell = next((t for c, t in cells if c is m), None)
        targets = [cell] if cell else (_equivalent_of(ctx, sent, m, mentions) or _bind(text, s0, m, mentions, previous,
                                                                                  percent))
        if percent and any(a <= s0 + m.start() < b for a, b in ctx.document.cache.get("product_ingredients", [])):
            continue  # a strength among the ingredients of a product given by amount: its composition
        if not targets and not percent and mode == "plan":
            targets = (_product_after(ctx, sent, m) or _fallback(ctx, sent, mentions, [])
                       or _named_before(ctx, sent, m) or _fallback(ctx, sent, mentions, studied))
        if not targets:
            continue
        previous = (m.end(), targets)
        if not percent:  # a dosed product's ingredients ("X mouthwash containing A, B and C") are no arms
            ctx.document.cache.setdefault("product_ingredients", []).extend(
                (s0 + a, s0 + b) for a, b in ingredients for t in targets if 0 <= a - (t.end - s0) <= 40)
        if m.re is _cell_regex():
            label, unit = unit_concept(ctx.lexicon, "cells", m.group("d1"), None)
            values = [cell_count(m.group("nums"))]
        else:
            label, unit = unit_concept(ctx.lexicon, m.group("u"), *denominators(m))
            # "in group 2, 1 g X": a number that labels a group is no dose of the list
            values = [to_number(n.group(0)) for n in re.finditer(rf"\d{{1,3}}(?:,\d{{3}})+|{NUMBER}",
                                                                  m.group("nums"))
                      if not rules()["number_label_rx"].search(text, 0, m.start("nums") + n.start())]
            # "10 mg of pravastatin/day", "800 IU of vitamin D3 per day": the day after the drug is the dose's
            if not denominators(m)[0] and len(targets) == 1 and targets[0].start - s0 >= m.end() \
                    and re.match(r"(?:\s*/\s*|\s+per\s+)(?:day|d)\b", text[targets[0].end - s0:]):
                label, unit = unit_concept(ctx.lexicon, m.group("u"), "day", None)
            food = m if m.group("fn") else None
            if food is None:  # "40 mg X/100 g of food": the substance's name between
                word = re.match(r"\s*[^\s\d/,;()]{2,40}", text[m.end():])
                food = _food_after().match(text, m.end() + word.end()) if word else None
            if food is not None:
                label, unit = unit_concept(ctx.lexicon, m.group("u"), None, None)
                unit = ctx.lexicon.discover("Unit", label + _food_label(food), "unit")
                label = unit.label
        span = None
        if len(values) == 2 and re.search(r"\d\s*(?:–|-|to)\s*\d", m.group("nums")):
            if None in values or values[0] >= values[1] or not rules()["range_units_rx"].fullmatch(m.group("u")):
                continue
            span, values = (values[0], values[1]), [None]  # a range ("300,000–600,000 IU") is no one dose
        planned = mode == "plan" and not rules()["concomitant_rx"].search(text)
        for target in targets:
            role = "study" if (target.arm or target.concept.iri in studied or planned) else "concomitant"
            if _PREMEDICATION.search(text[max(0, target.start - s0 - 40):max(0, target.start - s0)]):
                role = "concomitant"  # "premedicated with dexamethasone 8 mg": given with every arm's drug
            for value in values:
                if value is None and span is None:
                    continue
                a, b = min(s0 + m.start(), target.start), max(s0 + m.end(), target.end)
                ev = ctx.evidence(a, b) if b - a <= 160 else ctx.evidence(s0 + m.start(), s0 + m.end())
                window = (m.start("u"), _window_end(text, m.end()))
                rhythm = _loading_dose(text, a - s0, b - s0) or _frequency_in(_without_next_lead(text, window))
                fields = {"drug": target.concept, "dose_value": value, "dose_unit": unit, "dose_unit_label": label,
                          "role": role, "frequency": rhythm, "_window": window}
                if span is not None:
                    fields["dose_min"], fields["dose_max"] = span
                for manner_fields in _manners(text, m, fields):
                    out.append(Fact("intervention", manner_fields, [ev], EXTRACTOR, "dose.number_unit", 0.85,
                                    surface=ctx.document.text[target.start:target.end]))
                    manner_fields["_sentence"] = sent
                    targets_of[id(out[-1])] = target.start
    return _strength_over_volume(out, targets_of)


_CONTENT_END = re.compile(r"[;)]|\.(?:\s|$)|\b(?:or|versus|vs|whereas|while|was|were)\b", re.I)


def _content(text: str, pos: int, starts: list[int]) -> bool:
    """Whether the amount at `pos` is what a product contains ('2 g/day of oil containing 1 g X',
    '250 mg extract (equivalent to 5 mg Y)', 'placebo capsules filled with starch (1 g)'): it follows a
    content cue of the same clause, and the product before the cue has an amount of its own or is the
    placebo; after an equivalence ('a tablet (equal to 400 mg garlic, 1 mg allicin)') every amount but
    the first is content too."""
    r = rules()
    cue = None
    for c in r["content_rx"].finditer(text, max(0, pos - 200), pos):
        cue = c
    if cue is None:
        return False
    between = text[cue.end():pos]
    depth = 0
    for ch in between:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return False  # the bracket of the cue closed: "(equal to 400 mg X) twice daily, Y tablet (650 mg)"
    if re.search(r"[.;:](?:\s|$)|\b(?:was|were|is|are|received|receiving|consumed|given|took|versus|vs|whereas|"
                 r"while)\b", between, re.I):
        return False  # a new clause: "containing X; the other group received 10 mg Y"
    own = any(cue.start() - 80 <= s < cue.start() and not _CLAUSE_BREAK.search(text, s, cue.start())
              for s in starts)  # the product's own amount, not another arm's ("X 2% or with a gel containing")
    dummy = re.search(r"\b(?:placebo|vehicle|sham|dummy)\b", text[max(0, cue.start() - 60):cue.start()], re.I)
    later = r["equivalence_rx"].match(text, cue.start()) and any(cue.end() <= s < pos for s in starts)
    return bool(own or dummy or later)


def _strength_over_volume(facts: list[Fact], targets_of: dict[int, int]) -> list[Fact]:
    """'20 mL of X 0.25%': a volume given of a solution whose strength is stated is no dose of its own;
    the strength is the dose (GOLD.md), the volume stays in the evidence. '2% X 1.5 mg/kg': an amount
    of the drug (amount_units) is the dose, and neither strength nor volume is another."""
    r = rules()

    def base(f: Fact) -> str:  # "ml/kg", "ml/h": a volume per weight or per hour is a volume too
        return (f.fields["dose_unit_label"] or "").split("/")[0]

    strong = {targets_of.get(id(f)) for f in facts if f.fields["dose_unit_label"] == "%"}
    # '2% lidocaine 1.5 mg/kg': an amount of the drug is the dose; the strength is its formulation's
    amount = {targets_of.get(id(f)) for f in facts if r["amount_units_rx"].fullmatch(base(f))}
    return [f for f in facts if not (targets_of.get(id(f)) in strong | amount and r["volume_rx"].fullmatch(base(f))
                                     or targets_of.get(id(f)) in amount and f.fields["dose_unit_label"] == "%")]


_TIMES_OF_DAY = ("morning", "evening", "bedtime")


def _manners(text: str, m: re.Match, fields: dict) -> list[dict]:
    """One dose taken in alternative ways is one arm per way ('1 g by chewing or swallowing',
    '200 µg once daily, either in the morning or in the evening'); a once-daily dose named with
    its time of day keeps it ('once daily (evening)')."""
    r = rules()
    end = re.search(r"[;]|\.(?:\s|$)|\b(?:and|than|versus|vs\.?|compared\s+with)\s+(?:[\w-]+\s+){0,3}?\d",
                    text[m.end():])
    region = text[m.end(): m.end() + end.start() if end else len(text)]
    alt = r["manner_alt_rx"].search(region)
    ways: list[str] = []
    if alt:
        first = next(k for k in r["manners"] if alt.group(k))
        second = next(k for k, rx in r["manner_one_rx"].items() if rx.fullmatch(alt.group("second")))
        ways = [first, second] if first != second else []
        region = region[:alt.start()]
    else:
        ways = [k for k in _TIMES_OF_DAY if r["manner_one_rx"][k].search(region)]
        if len(ways) != 1 or re.search(r"\b(?:twice|thrice|two\s+times|three\s+times|b\.?i\.?d|t\.?i\.?d)\b",
                                       region, re.I):
            ways = []  # "twice daily (morning and evening)" names no one time
    if not ways:
        return [fields]
    out = []
    for way in ways:
        f = dict(fields)
        if way in _TIMES_OF_DAY:
            f["frequency"] = f"{_frequency_in(region) or fields.get('frequency') or 'once daily'} ({way})"
        f["arm"] = way
        out.append(f)
    return out


def _cell_doses(ctx: Context, sent) -> list[tuple[re.Match, _Mention | None]]:
    """Counts of cells given as a dose, each with the cell product it counts when the count is
    written before it ('6 × 10^6 hADSCs', a short form whose long form ends in 'cells'), else
    None (bound like any dose: 'MSCs at 1 × 10^6 cells/kg')."""
    r = rules()
    out = []
    abbreviations = document_abbreviations(ctx.document)  # (read once per paper: asked per sentence)
    heads = rf"(?:{r['cell_abbreviation_heads']})"
    for m in _cell_regex().finditer(sent.text):
        word = m.group("u")
        if re.fullmatch(rf"(?:{r['cell_nouns']})", word, re.I):  # "at 1 × 10^6 cells/kg": the product named before
            before = re.search(rf"(?P<x>(?:[\w/+-]+\s+){{0,5}}?[\w/+-]*{heads})\s*(?:\([^()]{{1,20}}\)\s*)?,?\s*"
                               r"(?:(?:at|in|with)\s+(?:an?\s+|the\s+)?(?:(?:total|single|target|fixed)\s+)?"
                               r"(?:(?:dose|dosage|concentration)\s+)?(?:of\s+)?)?$", sent.text[:m.start()], re.I)
            out.append((m, _cell_product(ctx, sent, before.start("x"), before.group("x")) if before else None))
            continue
        s = sent.start_char + m.start("u")
        ab = abbreviations.get(word) or abbreviations.get(word.rstrip("s"))
        if ab and re.search(rf"\b{heads}$", ab.name, re.I):  # "6 × 10^6 hADSCs"
            out.append((m, _Mention(ctx.lexicon.discover("Drug", ab.name, "arm"), s, s + len(word), True)))
            continue
        after = re.match(rf"(?:[\w/+-]+\s+){{0,5}}?[\w/+-]*{heads}\b", sent.text[m.start("u"):], re.I)
        if after:  # "2 × 10^7 bone marrow-derived stem cells"
            out.append((m, _cell_product(ctx, sent, m.start("u"), after.group(0), whole=True)))
    return out


def _cell_product(ctx: Context, sent, pos: int, words: str, whole: bool = False) -> _Mention | None:
    """The cell product a noun phrase names: all of it when it follows the count, else from its
    first content word ('received autologous mononuclear cells' → 'autologous mononuclear cells')."""
    tokens = words.split()
    k = 0 if whole else len(tokens) - 1
    while k > 0 and not _boundary(tokens[k - 1]):
        k -= 1
    phrase = " ".join(tokens[k:])
    if len(tokens) - k < 2:
        return None  # "cells" alone names no product
    p0 = sent.text.find(phrase, pos)
    s = sent.start_char + p0
    return _Mention(ctx.lexicon.discover("Drug", phrase, "arm"), s, s + len(phrase), True)


def _bind(text: str, s0: int, m: re.Match, mentions: list[_Mention], previous, percent: bool) -> list[_Mention]:
    """The intervention(s) a dose belongs to, by what stands between them (see the module doc)."""
    vehicles = rules()["vehicle_rx"]
    after = [x for x in mentions if x.start - s0 >= m.end()]
    # a brand or maker in a bracket ("X (Brand™, Maker, City) 10 mg") is no drug the dose may bind to
    sources = [(x.start(), x.end()) for x in rules()["source_rx"].finditer(text, 0, m.start())]
    before = [x for x in mentions if x.end - s0 <= m.start()
              and not any(a <= x.start - s0 < b for a, b in sources)]
    # "400 mg albendazole", "100,000 IU of oral vitamin D", "15 mg/kg single infusion of either X or Y"
    if after:
        first = after[0]
        gap = text[m.end(): first.start - s0]
        # "2 g of purified fish oil", "5 ml of alpaca seminal plasma": how the substance was prepared, or whence
        link = (r"\s*(?:(?:of|single|daily|weekly|the|a|an|either|elemental|" + _ROUTE_WORDS + "|" + vehicles +
                r"|" + rules()["preparation_words"] + r"|dose|doses|infusion|injection|infusions|injections)\s+)*")
        giving = _DOSING_WORDS.search(text) or rules()["admin_rx"].search(text)
        if re.fullmatch(link, gap + " ", re.I) and (not percent or len(gap.strip()) <= 2 and giving):
            out = [first]
            rest = after[1:]
            tail = text[first.end - s0:]
            while rest and not percent:  # a strength belongs to one ingredient ("0.2% X, Y and Z")
                g = text[out[-1].end - s0: rest[0].start - s0]
                if re.fullmatch(r"\s*(?:\([^()]{0,40}\))?\s*(?:,|or|and|,\s*or|,\s*and)\s*", g) and tail:
                    out.append(rest[0])
                    rest = rest[1:]
                else:
                    break
            return out
    # "erythromycin 333 mg", "doxycycline (100 mg)", "lisinopril (L) (10 mg daily)", "CPM: 750 mg/m2"
    if before:
        last = before[-1]
        # "X (Brand™, Maker, City, Country) 10 mg/kg": the maker's bracket stands for nothing
        gap = rules()["source_rx"].sub("", text[last.end - s0: m.start()])
        # "X/placebo (4 mg/kg/day)": the blinded pair's dose is the drug's
        pattern = (r"\)?\s*(?:/\s*(?:matching\s+)?(?:placebo|vehicle|sham|dummy)\s*)?"
                   r"(?:\([^()0-9]{1,20}\))?\s*(?:(?:" + vehicles + r"|" + rules()["giving_nouns"] + r"|"
                   + _ROUTE_WORDS + r"|at|a|an|the|"
                   r"daily|total|starting|initial|dose|dosage|doses|of|in)\s*)*[,:(]?\s*"
                   # "X was infused at 0.5 µg/kg/h", "Y was given in a dose of 2 mg"
                   r"(?:(?:was|were)\s+(?:(?:then|initially|continuously)\s+)?(?:given|administered|infused|injected|"
                   r"started|continued|titrated)\s+)?(?:(?:at|in|with)\s+)?"
                   r"(?:(?:a|an|the)\s+)?(?:(?:daily|total|fixed|single|oral|starting)\s+)?"
                   r"(?:(?:dose|dosage|doses)\s+(?:of\s+)?)?")
        if percent:  # a strength: "glycine 1.5%", "erythromycin ointment 2%", "X (0.2%, 20 mL)"
            pattern = r"\s*(?:(?:" + vehicles + r")\s*)?\(?\s*"
        if len(gap) <= 45 and re.fullmatch(pattern, gap, re.I):
            return [last]
    # "FF 200 mcg or 400 mcg": the drug of the dose just before
    if previous is not None and not percent:
        gap = text[previous[0]: m.start()]
        # "1 µg/kg was given over 10 min, followed by 0.4 µg/kg/h": a loading dose, then the infusion's rate
        loading = (r"(?:(?:was|were)\s+(?:given|administered|infused|injected)\s+)?"
                   r"(?:over\s+\d+\s*(?:min|minutes|h|hours)\s*)?,?\s*")
        if re.fullmatch(r"\s*(?:\([^()]{0,30}\)\s*)?" + loading + r"(?:,|or|and|to|then|–|-|followed\s+by)?\s*"
                        r"(?:(?:at|" + _ROUTE_WORDS + r"|once|twice|daily)\s+)*", gap, re.I):
            return previous[1]
        last = max([previous[0]] + [t.end - s0 for t in previous[1]])
        if last <= m.start() and rules()["parallel_arm_rx"].fullmatch(text, last, m.start()):
            return previous[1]
        # "X 50 mg TID for 3 days followed by 25 mg TID": a tapered dose of the same drug
        if re.fullmatch(r"[^.;()]{0,40}?,?\s*(?:and\s+)?(?:then|followed\s+by|thereafter)\s+(?:by\s+)?(?:an?\s+)?"
                        r"(?:(?:maintenance|daily|lower|reduced)\s+)?(?:dose\s+of\s+)?", gap, re.I) \
                and not re.search(r"\b(?:or|versus|vs|group|arm|placebo)\b", gap, re.I):
            return previous[1]
    return []


def _equivalent_of(ctx: Context, sent, m: re.Match, mentions: list[_Mention]) -> list[_Mention]:
    """The product whose strength an equivalence in its bracket states ('garlic powder tablet (equal to
    400 mg garlic, 1 mg allicin)'): the first amount after the cue is the product's dose, and what the
    bracket names is no arm of its own."""
    text, s0 = sent.text, sent.start_char
    cue = re.search(rf"\(\s*(?:each\s+)?(?:{rules()['equivalence_cues']})\s*$", text[:m.start()], re.I)
    if cue is None:
        return []
    near = re.compile(rf"\s*(?:[\w-]+\s+){{0,2}}?(?:(?:{rules()['vehicles']})\s*)?", re.I)
    fits = [x for x in mentions if x.end - s0 <= cue.start() and near.fullmatch(text, x.end - s0, cue.start())]
    if not fits:
        return []
    close = text.find(")", m.end())
    ctx.document.cache.setdefault("product_ingredients", []).append(
        (s0 + m.start(), s0 + (close if close >= 0 else len(text))))
    # "fish oil soft capsules (equal to ...)": the drug before the dosage form's words
    return [next((x for x in fits if x.concept.source != "arm"), fits[-1])]


def _product_after(ctx: Context, sent, m: re.Match) -> list[_Mention]:
    """A dosage form no known drug names, given in the amount just before it ('10 ml of a
    topical gel composed of ...', '5 g of a herbal cream'): the product is the intervention."""
    r = rules()
    x = re.match(rf"\s+of\s+(?:an?\s+|the\s+)?(?P<p>(?:[\w-]+\s+){{0,3}}?(?:{r['vehicles']}))\b",
                 sent.text[m.end():], re.I)
    # "500 mg/d of a symbiotic supplement containing X, Y and Z": the product before what it contains
    x = x or re.match(rf"\s+of\s+(?:an?\s+|the\s+)?(?P<p>(?:[\w-]+\s+){{0,3}}?[\w-]+)(?=\s+(?:{r['content_cues']})\s)",
                      sent.text[m.end():], re.I)
    if not x:
        return []
    phrase = _clean_phrase(x.group("p"))
    if phrase is None or len(phrase.split()) < 2:  # "oral gel": a route word then the dosage form
        words = x.group("p").split()
        phrase = x.group("p") if len(words) >= 2 and not any(_is_stop(w) for w in words) else None
    if phrase is None:
        return []  # "10 ml of gel", "10 ml of the control gel" name no product
    s = sent.start_char + m.end() + x.end("p") - len(phrase)
    if ctx.document.text[s:s + len(phrase)] != phrase:
        return []
    return [_Mention(ctx.lexicon.discover("Drug", phrase, "arm"), s, s + len(phrase), True)]


def _named_before(ctx: Context, sent, m: re.Match) -> list[_Mention]:
    """A substance the vocabulary lacks, named right before the dose it is given at
    ('received oligofructose-enriched inulin (Synergy) 10 g/day'): an intervention of its own."""
    text = sent.text
    if not (rules()["admin_rx"].search(text) or _DOSING_WORDS.search(text)):
        return []
    before = re.sub(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*)?(?:\(\s*)?$", "", text[: m.start()])  # "X (1 g)" too
    tail = re.split(r"[,;]|\b(?:group|arm)s?\b", before)[-1]
    tail = re.sub(rf"^.*\b(?:{rules()['serving_nouns']})\s+of\s+(?=(?:\S+\s+){{0,2}}\S+$)", "", tail,
                  flags=re.I)  # "one clove of X", "two cups of X tea"
    phrase = _clean_phrase(tail, whole=True)
    code = re.search(r"(?<![\w-])\S+$", tail)
    if phrase is None and code and _PRODUCT_CODE.fullmatch(code.group(0)):
        phrase = code.group(0)  # "KX-01 20 mg": a product's code
    elif phrase is None or not re.search(r"[A-Za-z]{4}", phrase) or len(phrase.split()) > 4:
        return []
    p0 = before.rfind(phrase)
    if p0 < 0 or p0 + len(phrase) != len(before):
        return []
    concept = ctx.lexicon.discover("Drug", phrase, "arm")
    return [_Mention(concept, sent.start_char + p0, sent.start_char + p0 + len(phrase), True)]


def _fallback(ctx: Context, sent, mentions: list[_Mention], studied: list[str]) -> list[_Mention]:
    """A dose nothing binds: the sentence's only intervention when the sentence gives it; with none
    named, the trial's only study intervention."""
    if not rules()["admin_rx"].search(sent.text) and not re.search(r"\b(?:dose|dosage|infus|inject)\w*",
                                                                    sent.text, re.I):
        return []
    distinct = {m.concept.iri: m for m in mentions}
    if len(distinct) == 1:
        return list(distinct.values())
    if not distinct and len(studied) == 1 and studied[0] in ctx.lexicon.concepts:
        c = ctx.lexicon.concepts[studied[0]]
        return [_Mention(c, sent.start_char, sent.start_char, True)]
    return []


def _window_end(text: str, start: int) -> int:
    """Where a dose's own clause ends: the next clause break or dose-like number."""
    m = re.search(r"[;]|,\s*(?:or|whereas|while)\b|\b(?:or|and|versus|vs)\b\s+(?:\w+\s+){0,3}?\d|"
                  r"\d+(?:\.\d+)?\s*(?:mg|µg|mcg|g|IU|ml)\b|"
                  # ", and the control group received ...": a clause about another arm
                  r",\s*(?:and|but)\s+(?:the\s+|those\s+in\s+the\s+)?(?:[\w-]+\s+){0,2}?(?:group|arm)s?\b",
                  text[start:])
    return start + m.start() if m else len(text)


# -- schedule: route, frequency, duration, administrations ----------------------------------
_ADMINS = guarded(re.compile(rf"\b(?P<n>{COUNT})\s+(?:IV\s+|intravenous\s+|subcutaneous\s+|SC\s+)?"
                     rf"(?:infusions|injections|administrations|doses)\b", re.I))
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


def _add_schedule(ctx: Context, facts: list[Fact], studied: list[str], named: dict[str, Concept]) -> None:
    """Route, frequency, duration and administrations: from each dose's own clause, else from
    the clauses that name the same intervention, else (a drug only) from the study's sentences
    that name no intervention at all. Nothing spreads from one intervention to another."""
    regions: dict[int, list[tuple[int, int]]] = {}  # per sentence, each dose's own words
    units: dict[int, list[int]] = {}  # and where each dose's unit begins
    for f in facts:
        sent, window = f.fields.get("_sentence"), f.fields.get("_window")
        if sent is not None and window is not None:
            regions.setdefault(sent.start_char, []).append(_own_words(f, sent, window))
            units.setdefault(sent.start_char, []).append(window[0])
    for f in facts:
        sent = f.fields.pop("_sentence", None)
        window = f.fields.pop("_window", None)
        if sent is None or window is None:
            continue
        own = _own_words(f, sent, window)
        # the sentence without the own words of the doses before this one ("X 400 mg for 3 days and
        # Y 40 mg daily": the 3 days are X's), but with the words that lead this one ("followed by a
        # continuous infusion of 2 g"); a schedule after the last dose is every dose's
        lead = _lead_start(sent.text, window[0])
        free = _blank(sent.text, [(r[0], min(r[1], lead)) for r in regions[sent.start_char] if r[0] < own[0]])
        if not f.fields.get("frequency"):
            later = _later_doses(sent.text, own, regions[sent.start_char])
            # "X 1 g followed by a continuous infusion of 2 g": the words leading a later dose are its
            mine = _blank(free, [(_lead_start(sent.text, w0), w0) for w0 in units[sent.start_char] if w0 > window[0]])
            loading = _loading_dose(sent.text, own[0], f.evidence[0].end - sent.start_char)
            f.fields["frequency"] = loading or _frequency_in(mine[window[0]:later]) or _frequency_in(
                _after_bracket(sent.text, own, later)) or _frequency_in(
                    _blank(mine, [r for r in regions[sent.start_char] if r[0] >= later]))
        dur = _duration([free])
        if dur:
            f.fields["duration"] = dur
        route = _route_near(ctx, sent, own, regions[sent.start_char])
        if route is not None:
            f.fields["route"] = route
    study = [f for f in facts if f.fields["role"] == "study"]
    if not study:
        for f in facts:
            f.fields.pop("_aliases", None)
        return
    sents = []
    period_sents: list[str] = []  # no dose, but the treatment period ("During the 16-week intervention, ...")
    for sent in ctx.sentences():
        part, in_abs = part_of(ctx.document, sent.start_char)
        if (in_abs and part != "conclusions") or part in ("title", "methods", "other"):
            if any(e.kb_id_ in studied for e in ctx.concepts_in(sent, {"Drug"})) or _DOSING_WORDS.search(sent.text) \
                    or rules()["administered_rx"].search(sent.text) \
                    or rules()["until_rx"].search(sent.text) or rules()["duration_rx"][-1].search(sent.text):
                sents.append(sent)
            elif any(rx.search(sent.text) for rx in rules()["duration_rx"][1:3]) \
                    and not rules()["not_until_rx"].search(sent.text):  # not the enrolment or follow-up period
                period_sents.append(sent.text)
    clauses: dict[str, list[str]] = {}  # per intervention, the clauses that name it
    sentences: dict[str, list[str]] = {}  # and the sentences
    generic: list[str] = []  # sentences about the treatment that name no intervention
    names = _study_names(study)
    for sent in sents:
        mentions = _sentence_mentions(ctx, sent, _arm_mentions(ctx, sent), named)
        if not mentions:
            # a sentence that names a study intervention no dictionary knows ("Zinc was taken twice daily")
            # speaks of that one, not of the trial's every arm
            own_of = {iri for name, iri in names.items() if whole_word(name, re.I).search(sent.text)}
            for iri in own_of:
                clauses.setdefault(iri, []).append(sent.text)
                sentences.setdefault(iri, []).append(sent.text)
            if not own_of:
                generic.append(sent.text)
        spans = [(m, _mention_clause(sent, m, mentions)) for m in mentions]
        for m, _span in spans:
            a, b = _mention_clause(sent, m, mentions, shared=True)
            clauses.setdefault(m.concept.iri, []).append(sent.text[a:b])
            # the sentence without what it says of the other interventions named before this one
            sentences.setdefault(m.concept.iri, []).append(
                _blank(sent.text, [span for o, span in spans if o.concept.iri != m.concept.iri and o.start < m.start]))
    # a route the study's sentences name without an intervention is the trial's only when they name no other
    named_routes = {c.iri: c for sent in sents for _p, c in _routes_in(ctx, sent.text)}
    generic_routes = {c.iri for t in generic for _p, c in _routes_in(ctx, t)}
    trial_route = next(iter(named_routes.values())) if len(named_routes) == 1 and generic_routes else None
    by_drug = {f.fields["drug"].iri: f.fields["route"] for f in facts if f.fields.get("route") is not None}
    values_per_drug = Counter(f.fields["drug"].iri for f in study if f.fields.get("dose_value") is not None)
    for f in facts:
        if f not in study:
            f.fields.pop("_aliases", None)
    # each study intervention reads the same sentences (the generic ones, often its own too): each
    # sentence's rhythm and each list's period read once
    rhythms: dict[str, str | None] = {}
    periods: dict[tuple[str, ...], str | None] = {}

    def rhythm_of(texts: list[str]) -> str | None:  # _frequency, each text's rhythm read once
        for t in texts:
            if t not in rhythms:
                rhythms[t] = _frequency_in(t)
            if rhythms[t]:
                return rhythms[t]
        return None

    def period_of(texts: list[str]) -> str | None:  # _duration, each list read once
        key = tuple(texts)
        if key not in periods:
            periods[key] = _duration(texts)
        return periods[key]

    for f in study:
        concept = f.fields["drug"]
        iris = [concept.iri, *f.fields.pop("_aliases", [])]  # and the shorter names the paper gives it
        own = [t for iri in iris for t in clauses.get(iri, [])]
        drug = concept.source != "arm"  # a dictionary drug, not a behavioural, food or programme arm
        texts = own + (generic if drug else [])
        route = by_drug.get(concept.iri) or next((c for t in own for _p, c in _routes_in(ctx, t)), None) \
            or (trial_route if drug else None)
        # a treatment period stated in the intervention's sentences or for the whole trial holds for every arm
        said = [t for iri in iris for t in sentences.get(iri, [])]
        duration = period_of(said) or period_of(generic) or period_of(period_sents)
        admins = _administrations(said + (generic if drug else []))
        # a concentration ("10 µg/ml") is what cells or tissue were exposed to, not a dose given on a rhythm
        exposure = rules()["concentration_rx"].search(f.fields.get("dose_unit_label") or "")
        rhythm = None if exposure else rhythm_of(texts)
        for key, value in (("route", route), ("frequency", rhythm), ("duration", duration),
                           ("administrations", admins)):
            if f.fields.get(key) is None:
                f.fields[key] = value
        if f.fields.get("frequency") is None and (f.fields.get("dose_unit_label") or "").endswith("/day"):
            f.fields["frequency"] = "daily"  # "20 mg/day": a dose per day, given daily where no rhythm is written
        if values_per_drug[concept.iri] > 1 and f.fields.get("dose_value") is not None:
            way = f" ({f.fields['arm']})" if f.fields.get("arm") else ""
            f.fields["arm"] = f"{f.fields['dose_value']:g} {f.fields['dose_unit_label']} group{way}"


_LEAD_OF = re.compile(r"(?:[\w-]+\s+){1,3}of\s+(?:the\s+)?$", re.I)


_NUMBER_BEFORE = re.compile(r"[\d.,–-]+\s*$")


def _lead_start(text: str, unit: int) -> int:
    """Where the words that lead a dose begin ("a continuous infusion of 4 g", "a single injection of
    2 mg"): what they say of the schedule is that dose's; the dose's number when none lead it."""
    number = _NUMBER_BEFORE.search(text, max(0, unit - 30), unit)
    start = number.start() if number else unit
    lead = _LEAD_OF.search(text, max(0, start - 60), start)
    return lead.start() if lead else start


def _loading_dose(text: str, start: int, end: int) -> str | None:
    """A dose the sentence names a loading dose (its words at text[start:end]) is given once
    (loading_dose_* of ontology/interventions.json)."""
    r = rules()
    if r["loading_before_rx"].search(text[max(0, start - 40):start]) or r["loading_after_rx"].match(text[end:]):
        return r["loading_dose_label"]
    return None


def _without_next_lead(text: str, window: tuple[int, int]) -> str:
    """A dose's own words up to the next dose, without the words that lead that one ("X 1 g followed by
    a continuous infusion of 2 g": 'continuous infusion' is the 2 g's)."""
    own = text[window[0]:window[1]]
    lead = _LEAD_OF.search(own) if window[1] < len(text) else None
    return own[:lead.start()] if lead else own


def _study_names(study: list[Fact]) -> dict[str, str]:
    """The words each dosed study intervention is written with (its label and the paper's surface) → its
    IRI (a dose says it is a substance, not a programme named by a common word such as 'information');
    a word two interventions share names neither alone."""
    out: dict[str, str] = {}
    shared: set[str] = set()
    for f in study:
        if f.fields.get("dose_value") is None and f.fields.get("dose_max") is None:
            continue
        iri = f.fields["drug"].iri
        for name in {f.fields["drug"].label.lower(), (f.surface or "").lower()}:
            if len(name) < 3:
                continue
            if out.setdefault(name, iri) != iri:
                shared.add(name)
    return {k: v for k, v in out.items() if k not in shared}


def _later_doses(text: str, own: tuple[int, int], others: list[tuple[int, int]]) -> int:
    """Where the words of the doses after one dose begin, so that its rhythm is not read from theirs
    ("X 320 mg at baseline plus Y 50 mg TID": TID is Y's); the doses of a plain list after it share
    the rhythm written after the last ("A 5 mg or B 10 mg twice daily": each twice daily)."""
    end = own[1]
    for a, b in sorted(r for r in others if r[0] > own[0]):
        gap = text[end:a]
        if a < end or not rules()["plain_list_rx"].fullmatch(gap) or re.search(r"\d", gap):
            return a
        end = b
    return len(text)


_SENTENCE_PART_END = re.compile(r";|\.(?:\s|$)")


def _after_bracket(text: str, own: tuple[int, int], later: int) -> str:
    """The clause after the bracket that holds a dose and the doses after it: what it says is said of
    each ("(X: 750 mg/m2 - Y: 1 g) every four weeks"); '' when no bracket holds them."""
    opened = text.rfind("(", 0, own[0])
    if opened < 0 or ")" in text[opened:own[0]] or later >= len(text):
        return ""
    depth = 0
    for i in range(opened, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            if i < later:
                return ""
            end = _SENTENCE_PART_END.search(text, i)
            return text[i + 1:end.start() if end else len(text)]
    return ""


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the given spans replaced by spaces (offsets kept)."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _mention_clause(sent, m: _Mention, mentions: list[_Mention], shared: bool = False) -> tuple[int, int]:
    """Where the words of a sentence that speak of one intervention mention lie: from the clause break or
    other mention before it to the clause break or other mention after it ("oral X versus
    intravenous Y": "oral X" and "intravenous Y"); `shared`: with what follows the plain list the
    mention opens ("A or B four times daily")."""
    text, s0 = sent.text, sent.start_char
    a, b = m.start - s0, m.end - s0
    lo = max([0] + [o.end - s0 for o in mentions if o.end - s0 <= a and o is not m]
             + [x.end() for x in _CLAUSE_BREAK.finditer(text, 0, a)])
    nxt = _CLAUSE_BREAK.search(text, b)
    while nxt and (cmp := rules()["comparator_tail_rx"].match(text, nxt.start())):
        nxt = _CLAUSE_BREAK.search(text, cmp.end())  # "X or placebo twice daily": the rhythm is X's too
    after = sorted((o for o in mentions if o.start - s0 >= b and o is not m), key=lambda o: o.start)
    hi = min([len(text)] + [o.start - s0 for o in after] + ([nxt.start()] if nxt else []))
    # "received A or B four times daily": what follows the last of a plain list is said of each item
    chain_end = b
    for o in after:
        gap = text[chain_end:o.start - s0]
        if not rules()["plain_list_rx"].fullmatch(gap) or re.search(r"\d", gap) or _frequency_in(gap):
            break  # "A daily or B weekly": each has its own
        chain_end = o.end - s0
    if shared and chain_end > b:
        later = [o.start - s0 for o in after if o.start - s0 >= chain_end]
        brk = _CLAUSE_BREAK.search(text, chain_end)
        hi = min([len(text)] + later + ([brk.start()] if brk else []))
    return lo, hi


def _routes_in(ctx: Context, text: str) -> list[tuple[int, Concept]]:
    """(position, route concept) of every route a stretch of text names, by a route word or a
    dosage form that implies one (`route_cues` of ontology/interventions.json). Kept per text
    for the paper: the schedule asks again of the same sentences and clauses for each dose;
    callers do not change the list."""
    cache = ctx.document.cache.setdefault("routes_in", {})
    if text not in cache:
        cache[text] = _read_routes(ctx, text)
    return cache[text]


def _read_routes(ctx: Context, text: str) -> list[tuple[int, Concept]]:
    out = []
    if not rules()["route_any"].search(text):
        return out
    for label, rx in rules()["route_rx"]:
        concept = ctx.lexicon.by_label(label, "Route")
        if concept is None:
            continue
        out += [(m.start(), concept) for m in rx.finditer(text)]
    return sorted(out, key=lambda x: x[0])


def _own_words(fact: Fact, sent, window: tuple[int, int]) -> tuple[int, int]:
    """Where a dose's own words lie in its sentence: from its drug (or number) to the end of its clause."""
    a = max(0, fact.evidence[0].start - sent.start_char)
    return a, max(a, window[1])


def _route_near(ctx: Context, sent, own: tuple[int, int], others: list[tuple[int, int]]) -> Concept | None:
    """The route of one dose: named in the dose's own words, else the route of its sentence
    nearest to them that lies in no other dose's own words ("X 100 mg or Y ointment 2%")."""
    a, b = own
    b = min([b] + [x for x, _y in others if a < x < b])  # up to the next dose's own words
    lead = _route_before(ctx, sent.text, a)
    if lead is not None:  # "subcutaneous (SC) X 320 mg", "oral Y 50 mg"
        return lead
    # a route written just before the next dose's drug is that dose's ("X 320 mg plus oral Y 50 mg")
    inside = [(p, c) for p, c in _routes_in(ctx, sent.text[a:b])
              if not any(a + p < x < a + p + 40 and _leads(ctx, sent.text, a + p, x, c, a) for x, _y in others)]
    if inside:
        return inside[0][1]
    free = [(p, c) for p, c in _routes_in(ctx, sent.text)
            if not any(x <= p < y or p < x < p + 40 and _leads(ctx, sent.text, p, x, c, a)
                       for x, y in others if (x, y) != own)]
    return min(free, key=lambda x: abs(x[0] - a))[1] if free else None


_FORM_OF = re.compile(r"[\w-]+(?:\s+[\w-]+)?\s+of\s+(?:the\s+)?", re.I)
_ALTERNATIVE = re.compile(r"\b(?:or|versus|vs|compared|whereas|while)\b|;", re.I)


def _leads(ctx: Context, text: str, p: int, x: int, route: Concept, own: int) -> bool:
    """Whether the route cue at `p` introduces only the dose whose words begin at `x`, not the one at
    `own`: a route word just before it ("oral Y"), or a dosage form of it when the two doses are
    alternatives ("a one-time infusion of Y or Z weekly"; "intravenous administration of Y and Z" is both's)."""
    if _route_before(ctx, text, x) is route:
        return True
    lo, hi = sorted((x, own))
    return bool(_FORM_OF.fullmatch(text, p, x)) and bool(_ALTERNATIVE.search(text, lo, hi))


def _route_before(ctx: Context, text: str, pos: int) -> Concept | None:
    """The route word written just before a drug at `pos` ("oral X", "subcutaneous (SC) X", "i.v. X")."""
    lead = text[max(0, pos - 40):pos]
    if not re.search(r"\S\s*(?:\([^()]{1,12}\)\s*)?$", lead):
        return None
    found = [(p, c) for p, c in _routes_in(ctx, lead)
             if (w := re.fullmatch(r"([\w.]+)\s*(?:\([^()]{1,12}\)\s*)?", lead[p:]))
             and re.fullmatch(_ROUTE_WORDS, w.group(1), re.I)]  # a route word, not a dosage form ("tablets")
    return found[-1][1] if found else None


def _frequency_in(text: str) -> str | None:
    """The frequencies stated in a stretch of text, in order ("daily for 4 days, then twice a week")."""
    phases: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    plain: dict[str, str] = {}
    counted: set[str] = set()  # "received six doses": how many doses, said where no rhythm is
    r = rules()
    for i, rx in r["freq_index"].offered(text):
        template = r["freq"][i][1]
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken) or _counted_per_period(text, m):
                continue
            taken.append((m.start(), m.end()))
            groups = {k: v for k, v in m.groupdict().items() if v}
            count = to_int(groups["n"]) if "n" in groups else None
            if "n" in groups:  # a count of days stays a number; an interval or a count per week as written
                groups["n"] = " ".join(groups["n"].lower().split()) if template.startswith(("every", "{n}")) \
                    else str(count or groups["n"])
            if "u" in groups:  # "every 3 wk", "q3w": the unit named in full
                unit = rules()["frequency_unit_names"].get(groups["u"].lower(), groups["u"].lower())
                groups["u"] = unit if count == 1 else unit + "s"
            if template in ("daily", "once daily", "daily for {n} days") and "n" in groups:
                label = f"daily for {groups['n']} days"
                # alone, "once a day for 5 days" is once daily and "10 mg/day for 14 days" daily (the days a duration)
                plain[label] = "daily" if template == "daily for {n} days" else template
            else:
                label = template.format(**groups) if "{n}" not in template or "n" in groups else template
            phases.append((m.start(), label))
            if template == _COUNTED_DOSES:
                counted.add(label)
    phases.sort()
    if len(counted) < len(phases):  # "six doses every 3 weeks": the rhythm, the count being how many times
        phases = [(s, p) for s, p in phases if p not in counted]
    ordered = list(dict.fromkeys(p for _s, p in phases))
    if len(ordered) == 1 and ordered[0] in plain:
        return plain[ordered[0]]
    return ", then ".join(ordered) if ordered else None


_COUNTED_DOSES = "{n} {k}"  # the label of a count of doses given (frequencies of ontology/interventions.json)


def _counted_per_period(text: str, m: re.Match) -> bool:
    """Whether a rhythm adjective qualifies what is counted or recorded ('monthly migraine frequency',
    'daily activities'), not how a dose is given (frequency_measured_after of ontology/interventions.json)."""
    return bool(_RHYTHM_ADJECTIVE.search(m.group(0))) and bool(rules()["measured_after_freq_rx"].match(text, m.end()))


_RHYTHM_ADJECTIVE = re.compile(r"^(?:daily|weekly|monthly|nightly|yearly|annual|fortnightly|biweekly)$", re.I)


def _frequency(texts: list[str]) -> str | None:
    """A loading phase then a maintenance rhythm: "daily for 4 days, then twice a week"."""
    for text in texts:
        found = _frequency_in(text)
        if found:
            return found
    return None


def _duration(texts: list[str]) -> str | None:
    """The longest treatment period stated ("within 24 days", "for two months", "a 20-week period"),
    its count as written ("two months", "20 weeks")."""
    best: tuple[float, str] | None = None
    r = rules()
    texts = [_undotted(t) for t in texts]  # "25 mg p.o. t.i.d. for two weeks": no clause ends at "p.o."
    for text in texts:
        if not r["duration_guard"].search(text):
            continue
        for i, rx in enumerate(r["duration_rx"]):
            for m in rx.finditer(text):
                n = to_int(m.group("n"))
                if not n or i == 0 and (r["not_until_rx"].search(m.group(0)) or _with_follow_up(text, m.end())):
                    continue  # "randomised ... and followed up for 12 months": how long they were observed
                u = m.group("u").lower()
                u = r["duration_unit_names"].get(u, u)  # "24 wk", "6 mo"
                if u == "hour" and not re.search(r"\bfor\s+(?:the\s+first\s+)?$", text[:m.start("n")], re.I):
                    continue  # "infused over 2 hours" is how long one dose takes
                days = n * _DAYS[u]
                if best is None or days > best[0]:
                    count = re.sub(r"\s+", " ", m.group("n"))
                    if "n1" in m.groupdict() and m.group("n1"):  # "for two to three weeks", "for 14 to 21 days"
                        count = re.sub(r"\s+", " ", m.group(0)[m.start("n1") - m.start():m.end("n") - m.start()])
                    best = (days, f"{count} {u}" + ("" if n == 1 else "s"))
    if best:
        return best[1]
    for text in texts:  # no counted period: one that ends at an event
        m = r["until_rx"].search(text)
        if m and not r["not_until_rx"].search(text) and not r["until_not_rx"].search(m.group("until")) \
                and not re.match(rf"until\s+(?:\d|{_MONTHS})", m.group("until"), re.I):
            return " ".join(m.group("until").split())
    return None


def _with_follow_up(text: str, end: int) -> bool:
    """Whether the bracket right after a period says it holds a follow-up ("for 16 weeks (12 weeks'
    intervention and 4 weeks' follow-up)"): the whole is no treatment period."""
    bracket = re.match(r"\s*\(([^()]{0,80})\)", text[end:])
    return bool(bracket and rules()["not_until_rx"].search(bracket.group(1)))


def _undotted(text: str) -> str:
    """`text` with the periods of its dotted abbreviations ("i.v.", "p.o.", "b.i.d.", "i.e.") dropped,
    so that a window that stops at a sentence's period reads past them."""
    return rules()["dotted_rx"].sub(lambda m: m.group(0).replace(".", ""), text)


def _administrations(texts: list[str]) -> int | None:
    for text in texts:
        m = _ADMINS.search(text)
        if m and (n := to_int(m.group("n"))):
            return n
    return None
