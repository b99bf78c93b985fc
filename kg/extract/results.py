"""Results: numeric and qualitative findings assembled clause by clause from the mention layer.

Classes of statement read (each keeps its own evidence, so an abstract and a results
section that disagree both stay):
- change: "decreased from 11.25 mg/day at baseline to 6 mg/day (P < 0.01)", "was 8 and
  decreased to 3.4", "reduced ... by 14%", "a 7.9% increase in ...";
- comparison of groups: "45% versus 20%", "8% of A compared with 11% of B", values after
  group names ("the A group (12.3 ± 2.1) and the B group (10.1 ± 3.0)"), counts with
  percentages ("9 (8%) of 114 A-treated and 18 (17%) of 105 B-treated"), "... respectively";
- effect estimates with or without a keyword ("HR 0.61 [95% CI 0.31–1.22]", "β = 0.135",
  "−2.46, 95% CI −3.72 to −1.21"), and a value bound to its own p-value ("(−3.3 mmHg, p = 0.05)");
- responders: "five patients among 10 were responders", "Five (50%) patients had a response";
- values stated without a test, read only in the part that reports findings: each group's value
  after its own group name ("was 4.1% (0.85%/year) in A and 4.2% in B", "40 min for A (IQR ...)
  and 49 min for B", "X at 6 months: 132 in A, 138 in B"), one value closing its clause ("the
  median X was 11 (range 7 to 18)"), how often an outcome occurred ("X occurred in 45% of
  patients"), how many reached it ("12 patients (24%) had a relapse"), a percentage change before
  its noun ("a 39% lower mortality risk"), a change inside a bracket ("(2% to 65%, p < 0.001)");
- significance in words, with or without a p-value: "did not differ significantly",
  "no significant difference in X", "was significantly lower in ...", one result per measure
  of a coordinated list ("X, Y and Z did not change").

Numbers, p-values, CIs and estimates come from `kg.extract.mentions`; the cue words and
phrase patterns from `ontology/patterns/results.json`. The part of the paper a sentence sits
in is a preference: outside results/conclusions only statistically backed findings are kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from kg.extract import names
from kg.extract import recache as re
from kg.extract.abbreviations import document_abbreviations, list_named_spans
from kg.extract.base import AnyMatch, Context, Fact, GuardIndex, guarded, part_of
from kg.extract.folded import folded, folding
from kg.extract.mentions import Mention, find, fragment, p_number, values
from kg.extract.numbers import COUNT, COUNT_WORDS, to_int, to_number
from kg.lexicon import fold

EXTRACTOR = "results"
PATTERNS = Path(__file__).resolve().parents[2] / "ontology" / "patterns" / "results.json"

# a change written "from X ... to Y" (interventions.py uses it to tell a dose change from a dose)
NUMBER = r"\d+(?:[.,·]\d+)?"
CHANGE_PATTERN = re.compile(r"\bfrom\s+" + NUMBER + r"[^.;]{0,40}?\bto\s+" + NUMBER + r"[^\s,;.]*|"
                            r"\band\s+(?:decreased|increased|fell|rose)\s+to\s+" + NUMBER, re.I)
CHANGE_PATTERN = guarded(CHANGE_PATTERN)


@dataclass
class Found:
    """One finding in sentence coordinates, before it becomes a Fact."""

    start: int
    end: int
    measure: str
    value: str
    rule: str
    comparator: str | None = None
    unit: str | None = None
    sd: float | None = None
    ci: tuple[float, float] | None = None
    p: Mention | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class Item:
    """A value with what is written right after it and belongs to it: '(8%)', 'of 114', a CI."""

    start: int
    end: int
    num_end: int
    value: float
    unit: str | None
    sd: float | None
    ci: tuple[float, float] | None = None
    count_pct: bool = False
    threshold: bool = False
    dose: bool = False  # in a unit doses are written in ('10 mg', '2 g'), and not a weight the sentence measures


@cache
@folding  # searched on the lowered text where that matches the same (kg/extract/folded.py)
def _rx() -> dict:
    data = json.loads(PATTERNS.read_text(encoding="utf-8"))
    frags = {k: v for k, v in data["fragments"].items()}

    def expand(rx: str) -> str:
        def sub(m: re.Match) -> str:
            name = m.group(1)
            return "(?:" + (expand(frags[name]) if name in frags else fragment(name)) + ")"
        return re.sub(r"<([A-Z_]+)>", sub, rx)

    out = {name: re.compile(expand(v), re.I) for name, v in frags.items()}
    out["not_a_result"] = re.compile(data["not_a_result"], re.I)
    out["not_a_result_lead"] = re.compile(data["not_a_result_lead"], re.I)
    out["methods_cue"] = re.compile(data["methods_cue"], re.I)
    out["sd_in_brackets"] = re.compile(data["sd_in_brackets"], re.I)
    out["sd_pair"] = re.compile(data["sd_pair"], re.I)
    out["parallel_groups"] = re.compile(data["parallel_groups"], re.I)
    out["order_after_before"] = re.compile(data["order_after_before"], re.I)
    out["ae_frequency_cue"] = re.compile(data["ae_frequency_cue"], re.I)
    out["baseline_measure"] = re.compile(data["baseline_measure"], re.I)
    out["table"] = {k: re.compile(v, re.I) for k, v in data["table"].items() if not k.startswith("_")}
    out["measure_stop"] = re.compile(data["measure_stop"], re.I)
    out["measure_lead"] = re.compile(data["measure_lead"], re.I)
    out["measure_head_of"] = re.compile(data["measure_head_of"], re.I)
    out["measure_specimen_inside"] = re.compile(data["measure_specimen_inside"], re.I)
    out["measure_singular"] = data["measure_singular"]
    out["measure_generic_tail"] = re.compile(data["measure_generic_tail"], re.I)
    out["measure_bare_core"] = re.compile(data["measure_bare_core"], re.I)
    out["measure_plain_lead"] = re.compile(data["measure_plain_lead"], re.I)
    out["measure_plain_tail"] = re.compile(data["measure_plain_tail"], re.I)
    out["measure_shared_modifier"] = re.compile(data["measure_shared_modifier"], re.I)
    out["responder_cue"] = re.compile(data["responder_cue"], re.I)
    out["qualitative"] = [(q["name"], q["where"], guarded(re.compile(expand(q["rx"]), re.I)), q.get("value_prefix", ""),
                           q.get("transitive", False)) for q in data["qualitative"]]
    out["qualitative_index"] = GuardIndex(q[2] for q in out["qualitative"])  # their guard words in one scan

    def optional(q: dict, key: str) -> re.Pattern | None:
        return re.compile(q[key], re.I) if key in q else None

    # per pattern: what a measure may not be ("exclude_measure"; "exclude_list": the whole list),
    # words the match may not follow ("not_after"), words the sentence must hold ("requires") or not ("excludes")
    out["qualitative_options"] = {q["name"]: {"member_value": q.get("member_value", False),
                                              "subject": optional(q, "subject"),
                                              "exclude": optional(q, "exclude_measure"),
                                              "exclude_list": optional(q, "exclude_list"),
                                              "not_after": optional(q, "not_after"),
                                              "requires": optional(q, "requires"),
                                              "excludes": optional(q, "excludes"),
                                              "restates": q.get("restates", False),
                                              # a trend where an abstract concludes motivates; it is no new finding
                                              "conclusion_new": q.get("conclusion_new", True),
                                              "subject_arm": q.get("subject_arm", False),
                                              "claim": q.get("claim", False),
                                              "claim_only": q.get("claim_only", False),
                                              # read only where the paper reports its findings (`_reports`)
                                              "reports_only": q.get("reports_only", False),
                                              "verb_noun": q.get("verb_noun", {})}
                                  for q in data["qualitative"]}
    out["member_direction"] = re.compile(r"^" + expand(frags["MEMBER_DIRECTION"]) + r"\b", re.I)
    out["verb_noun_object"] = re.compile(expand(data["verb_noun_object"]), re.I)
    out["arm_subject_cue"] = re.compile(data["arm_subject_cue"], re.I)
    for key in ("claim_hedge", "evaluated_object", "evaluated_population", "abstract_note", "arm_subject_all",
                "arm_subject_modifier", "arm_subject_anaphor", "evaluation_coordinated", "evaluation_word"):
        out[key] = re.compile(data[key], re.I)
    out["arm_subject_lead"] = re.compile(data["arm_subject_lead"], re.I)
    out["arm_subject_max_words"] = data["arm_subject_max_words"]
    out["p_comparative"] = re.compile(data["p_comparative"], re.I)
    out["p_comparative_denied"] = re.compile(data["p_comparative_denied"], re.I)
    out["measure_verb"] = re.compile(data["measure_verb"], re.I)
    out["measure_verb_negated"] = re.compile(data["measure_verb_negated"], re.I)
    for key in ("measure_opener", "measure_arm_tail", "measure_junk", "measure_change_head", "value_bare_significance",
                "value_article", "p_for", "value_time_only", "value_time_context", "measure_time_tail",
                "measure_population_tail", "measure_setting_tail", "measure_basis_tail", "heading_not_measure",
                "measure_generic",
                "measure_change_bare",
                "measure_verb_object", "effect_of_agent_on", "but_not_for", "people_share",
                "predicate_only", "pronoun_subject", "restated_generic", "bare_change_noun",
                "bare_change_verb", "measure_generic_head", "generic_head_named_in", "generic_head_not_measure",
                "verbless_head", "verbless_head_not", "verbless_head_refused", "stat_label"):
        out[key] = re.compile(data[key], re.I)
    out["dose_unit"] = re.compile(data["dose_unit"])
    out["group_list_label"] = re.compile(data["group_list_label"])
    out["group_list_sep"] = re.compile(data["group_list_sep"])
    out["group_list_none"] = re.compile(data["group_list_none"], re.I)
    out["weighed_unit"] = re.compile(data["weighed_unit"])
    out["weighed_measure"] = re.compile(data["weighed_measure"], re.I)
    for key in ("group_values_gap", "group_values_after", "group_values_before", "copula_value_before",
                "copula_value_after", "copula_not_measure", "occurred_in_before", "occurred_in_after",
                "percent_adjective", "percent_adjective_before", "values_baseline", "bracket_change_open",
                "bracket_change_to", "bracket_change_close", "bracket_change_cue", "bracket_change_group",
                "bracket_change_coordinated", "next_value_clause", "value_and_clause",
                "bracket_delta_open", "bracket_delta_value", "bracket_delta_cue", "bracket_delta_close",
                "bracket_delta_phrase", "bracket_delta_not_after", "event_count_item", "event_count_verb",
                "event_count_not", "events_among", "copula_range_before", "copula_range_rest",
                "share_in_bracket_before", "later_time", "later_time_gap", "change_of_before", "change_of_not",
                "change_of_not_after", "change_of_after", "bracket_delta_pct_close",
                "copula_judged_before", "copula_judged_close", "rate_unit_after"):
        out[key] = re.compile(data[key], re.I)
    out["coordinated_to"] = re.compile(expand(data["coordinated_to"]), re.I)
    out["outcome_of_count_verb"] = re.compile(expand(data["outcome_of_count_verb"]), re.I)
    out["verb_names_outcome"] = re.compile(expand(data["verb_names_outcome"]), re.I)
    out["between_measure_first"] = re.compile(data["between_measure_first"], re.I)
    # compiled once: the clause patterns built from the fragments above
    label = r"[A-Za-z][\w-]*(?:\s+[\w-]+)?\s*:?\s*"
    # ('(drug 9.5%; placebo 17.9%)', 'X: drug 9.5%, placebo 17.9%', 'X — drug 9.5%, placebo 17.9%')
    out["label_before"] = re.compile(r"[(;,:—–]\s*" + label + "$")
    out["label_gap"] = re.compile(r"\s*(?:[;,]\s*" + label + r"|(?:\w+\s+)?(?=[A-Z])" + label
                                  + r"|[A-Za-z][\w-]*(?:\s+[\w-]+)?\s*:\s*)")
    unit_word = r"(?:" + data["pair_unit_word"] + r"\.?\s*)?"  # '10 (7 to 14) days vs. 12 (7 to 19) days'
    out["tight"] = re.compile(r"\s*\)?\s*(?:\([^()]{0,40}\)\s*)?" + unit_word + r",?\s*" + out["VERSUS"].pattern
                              + r"\s*(?:[\w-]{1,25}\s*:\s*|\(?\s*)?", re.I)
    out["versus_next"] = re.compile(r"\s*\)?\s*" + unit_word + out["VERSUS"].pattern, re.I)
    out["for_groups"] = re.compile(r"(?:[^.;]|\.(?=\d)){0,50}?\bfor\s+the\b[^.;]{0,40}?"
                                   + out["GROUP_WORD"].pattern, re.I)
    out["clause_after"] = re.compile(data["clause_after"], re.I)
    out["object_stop"] = re.compile(r"[.(](?:\s|$)|\s(?:was|were|is|are|did|had|but)\b|" + out["measure_stop"].pattern,
                                    re.I)
    # (no verb inside a hyphenated word: 'the nurse-led arm')
    out["head_split"] = re.compile(r"[,;:()\[\]]|(?<!-)" + out["measure_verb"].pattern, re.I)
    out["time"] = re.compile(fragment("TIME"))
    out["spread"] = re.compile(data["spread"], re.I)
    out["value_comparative"] = re.compile(data["value_comparative"], re.I)
    out["in_the_groups"] = re.compile(data["in_the_groups"], re.I)
    out["p_threshold"] = re.compile(data["p_threshold"], re.I)
    out["spelled_count_of"] = re.compile(rf"(?<![\w-])(?P<n>{COUNT})\s+(?:out\s+of|of)\s+(?:the\s+)?$", re.I)
    out["share_outcome"] = re.compile(data["share_outcome"], re.I)
    out["count_outcome"] = re.compile(data["count_outcome"], re.I)
    out["count_outcome_after"] = re.compile(data["count_outcome_after"], re.I)
    for key in ("value_predicate", "likely_to_after", "measure_threshold", "subject_adverb_tail",
                "anaphoric_subject"):
        out[key] = re.compile(data[key], re.I)
    out["predicate_measures"] = data["predicate_measures"]
    out["unit_after"] = re.compile(r"\s?(" + fragment("UNIT") + r")(?![\w/])")
    out["observed"] = re.compile(data["observed"], re.I)
    out["cited"] = re.compile(data["cited"])
    for name in ("negation_before", "negation_subject", "negated_value", "none_of_named"):
        out[name] = re.compile(data[name], re.I)
    out["baseline"] = re.compile(data["baseline"], re.I)
    out["baseline_reference"] = re.compile(data["baseline_reference"], re.I)
    out["follow_up"] = re.compile(data["follow_up"], re.I)
    out["baseline_subject"] = re.compile(data["baseline_subject"], re.I)
    out["people_alike"] = re.compile(data["people_alike"], re.I)
    out["bare_head"] = re.compile(data["bare_head"], re.I)
    out["named_comparison"] = re.compile(data["named_comparison"], re.I)
    out["group_suffix"] = re.compile(data["group_suffix"], re.I)
    # sentences without one of these words hold no finding in words (cheap pre-checks)
    out["words_cue"] = AnyMatch(data["words_cue"], re.I)
    out["cue"] = AnyMatch(r"\d|" + data["words_cue"], re.I)
    num = fragment("NUM")
    unit = fragment("UNIT")

    class _V:  # a value with its optional SD and unit, its groups named after `n`
        @staticmethod
        def format(n: str) -> str:
            return f"(?P<w{n}>(?P<{n}>{num})(?:\\s*±\\s*{fragment('DIGITS')})?(?:\\s?(?P<u{n}>{unit}))?)"
    v = _V
    from_to = "(?:" + data["change_from_level"] + ")?" + v.format(n="a") + r"[^.;]{0,40}?\bto\s*" + v.format(n="b")
    out["change"] = re.compile(
        r"\b(?P<verb>" + expand("<CHANGE_VERB>") + r")(?:\s+(?:significantly|markedly|slightly|only))?\s+from\s*"
        + from_to, re.I)
    # 'A increased the number of X (by Y), from 0.1 to 1.9': the object between the verb and 'from'
    out["change_with_object"] = re.compile(
        r"\b(?P<verb>" + expand("<CHANGE_VERB>") + r")(?:\s+(?:significantly|markedly|slightly))?\s+(?:the\s+)?(?!"
        + data["change_with_object_not"] + r")(?P<obj>[A-Za-z][^\d.;()]{2,90}?)"
        + r"(?:\s+by\s+[^\d,;()]{1,60}?)?,?\s+from\s*" + from_to, re.I)
    # 'X was 21 before and 26 after the programme': the time words after each value (data)
    out["before_after"] = re.compile(
        v.format(n="a") + r"\s+" + data["before_words"] + r"\s*,?\s*(?:and|vs\.?|versus|compared\s+(?:with|to))\s+"
        + v.format(n="b") + r"\s+(?=" + data["after_words"] + ")", re.I)
    out["p_list_more"] = re.compile(expand(data["p_list_more"]), re.I)
    out["p_list_end"] = re.compile(data["p_list_end"], re.I)
    out["own_p_gap"] = re.compile(data["own_p_gap"], re.I)
    out["own_p_direction"] = re.compile(data["own_p_direction"], re.I)
    out["coordinated_by"] = re.compile(data["coordinated_by"], re.I)
    out["between_groups"] = [re.compile(x, re.I) for x in data["between_groups"]]
    out["difference_subject"] = re.compile(data["difference_subject"], re.I)
    out["p_label_before"] = re.compile(data["label_before"], re.I)
    out["p_label_after"] = re.compile(data["label_after"], re.I)
    out["groups_tail"] = re.compile(r"^(?:the\s+)?[\w+/-]+(?:\s+[\w+/-]+)?\s+(?:groups|arms|cohorts)$", re.I)
    out["of_the_groups"] = re.compile(r"\s+(?:of|in|for|among)\s+(?:the\s+)?(?:[\w+/-]+\s+){1,3}?and\s+"
                                      r"(?:[\w+/-]+\s+){1,2}?(?:groups|arms|cohorts)$", re.I)
    out["instrument_end"] = re.compile(
        r"\b" + data["instrument_head"] + r"(?:\s+(?:scores?|totals?|ratings?|results?))?$", re.I)
    for key in ("whole_index", "arm_before_bracket", "arm_change_measure", "rate_value_before", "rate_not_finding",
                "change_value", "value_bare_comparative", "fronted_measure", "arm_finding_object", "parallel_gap",
                "change_object", "colon_head", "values_as_labels", "count_pair_after", "p_all_before",
                "measure_size_lead", "shared_head_modifier", "measure_likely_to", "bracket_measure_frame",
                "labelled_pair_gap", "labelled_pair_after"):
        out[key] = re.compile(data[key], re.I)
    for key in ("arm_bracket", "labelled_group_segment", "labelled_group_split", "estimate_label",
                "count_pair_gap", "p_inside_predicate", "spelled_pair_gap", "spelled_pair_after", "copula_raising"):
        # case-sensitive: capitals and labels matter
        out[key] = re.compile(data[key])
    out["title_tail"] = re.compile(r"(?:^|\s)(?:" + data["title_word"] + r")(?:\s+" + data["title_word"] + r")*$")
    out["title_head"] = re.compile(r"^(?:" + data["title_word"] + r")\s+(?:(?:" + data["name_small_word"] + r")\s+)*(?:"
                                   + data["title_word"] + r")\b")
    for name in ("baseline_sentence", "baseline_sentence_change", "demographic_measure", "demographic_after",
                 "before_after_in_group"):
        out[name] = re.compile(data[name], re.I)
    out["baseline_caption"] = re.compile(data["table"]["baseline_caption"], re.I)
    for name in ("within_group_cue", "between_group_cue", "groups_respectively", "control_group", "group_after_change",
                 "measure_after_groups", "noun_change_of"):
        out[name] = re.compile(data[name], re.I)
    out["change_verb_tail"] = re.compile(r"\s+(?:(?:was|were)\s+)?" + expand("<CHANGE_VERB>") + r"\s+(?:by|to)$", re.I)
    out["by_earlier"] = re.compile(r"\b" + expand("<CHANGE_VERB>") + r"(?:\s+[\w/+-]+){0,5}?\s+by\s+[-−+]?\d", re.I)
    # '... from 31% to 28% in A and from 30% to 29% in B': a second change of the same measure
    out["change_more"] = re.compile(
        r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:in|among|for)\s+(?:the\s+)?[^,;.()]{1,60}?\s+)?from\s*" + v.format(n="a")
        + r"[^.;]{0,40}?\bto\s*" + v.format(n="b"), re.I)
    out["was_then"] = re.compile(
        r"\bwas\s+" + v.format(n="a") + r"\s+and\s+(?P<verb>" + expand("<CHANGE_VERB>") + r")\s+to\s+"
        + v.format(n="b"), re.I)
    out["by"] = re.compile(r"\b" + expand("<CHANGE_VERB>") + r"(?:\s+[\w/+-]+){0,5}?\s+by\s+"
                           r"(?:(?:about|approximately|nearly|almost|around|up\s+to|an?\s+average\s+of)\s+|~\s*)?$",
                           re.I)
    out["to"] = re.compile(r"\b" + expand("<CHANGE_VERB>") + r"(?:\s+significantly)?\s+to\s+$", re.I)
    out["noun_change"] = re.compile(r"^\s*(?:-\s*|\s)?(?:point\s+|unit\s+|relative\s+|absolute\s+)?(?P<n>"
                                    + expand("<NOUN_CHANGE>") + r")s?\b", re.I)
    out["fold"] = re.compile(r"(?P<v>" + num + r"(?:\s*±\s*" + num + r")?)\s*-?\s*fold\s+(?P<dir>increase|decrease|"
                             r"rise|reduction|change|higher|lower|expansion)", re.I)
    out["times"] = re.compile(r"(?P<v>" + num + r")\s*(?:-|\s)\s*times\s+(?:more|less|higher|lower|greater)"
                              r"(?:\s+likely)?", re.I)
    out["fraction"] = re.compile(
        rf"\b(?P<n>{COUNT})(?:\s+(?:\w+\s+)?(?:out\s+of|of|among)\s+(?:the\s+)?|\s*/\s*)(?P<d>{COUNT})\b"
        rf"(?:\s+(?:patients|participants|subjects))?", re.I)
    out["percent"] = re.compile(rf"\b(?P<n>{COUNT})\s*\(\s*(?P<pct>{num})\s*%\s*\)", re.I)
    return out


def extract(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    last: tuple | None = None  # the sentence before and its findings (a follow-up may qualify them)
    prev = None  # the sentence before, read or not (its subject may name what the next one's values are)
    arms: frozenset[str] | None = None
    for sent in ctx.sentences():
        part, in_abs = part_of(ctx.document, sent.start_char)
        # a full text's background, objective and methods report other studies and plans, not findings
        if part == "title" or part in ("background", "objective", "methods") and not in_abs:
            continue
        text = sent.text
        if part in ("discussion", "conclusions", "background") and _rx()["cited"].search(text):
            continue  # a cited result is another study's
        if _rx()["baseline_sentence"].match(text) and not _rx()["baseline_sentence_change"].search(text):
            continue  # 'At baseline, X was associated with Y': the groups before treatment
        legend = ctx.evidence(sent.start_char, sent.start_char + 1).section or ""
        if re.match(r"(?:fig(?:ure)?|table)\b", legend, re.I) and _rx()["baseline_caption"].search(legend):
            continue  # a legend of a figure of the groups at baseline
        strict = part in ("background", "objective", "methods") and _has_results_part(ctx) \
            or in_abs and part not in _KNOWN_PARTS and sent.start_char < _methods_start(ctx)
        here: list[Fact] = []
        restating = part in ("conclusions", "discussion") and _has_results_part(ctx)
        reports = _reports(ctx, sent, part, in_abs)
        claims = _claims(ctx, sent, part, in_abs)
        if arms is None and (claims or reports and _rx()["arm_subject_cue"].search(text)):
            arms = _arm_names(ctx)
        found = read_sentence(text, strict=strict, restating=restating,
                              arms=arms or frozenset() if reports or claims else frozenset(), claims=claims,
                              reports=reports)
        if found:
            arms = _arm_names(ctx) if arms is None else arms
            found = _without_arm_measures(text, found, arms)
        harms = bool(found) and _rx()["ae_frequency_cue"].search(text) is not None  # asked where findings are
        for f in found:
            if harms and _ae_frequency(ctx, f):
                continue
            if _unnamed(f.measure) is not None and prev is not None and _follows(ctx, prev, sent) \
                    and (re.search(r"\d", f.value)
                         or not any(g.start < f.start and _unnamed(g.measure) is None for g in found)):
                # (a finding in words after one of this sentence that names a measure ('..., and the
                # between-group difference was significant') is about this sentence, not the one before)
                _measure_from_sentence_before(f, prev.text)
            if _unnamed(f.measure) is not None:
                _measure_from_heading(ctx, sent, f)
            if (f.extra.get("claim") or restating and claims and "pred" in f.extra) and _reported(f.measure, out):
                continue  # the conclusion restates a finding the results part already gives
            if f.extra.get("restated") and (_reported(f.measure, out) or _in_results_text(ctx, f.measure)):
                continue  # a finding in words where the abstract concludes: new only if the results name none
            here.append(_fact(ctx, sent, f, 0.6 if strict else 0.8, arms))
        if not here and last and _follows(ctx, last[0], sent):
            _follow_up(ctx, sent, last[1])
        out += here
        last = (sent, here) if here else None
        prev = sent
    return out + _from_tables(ctx)


def _arm_names(ctx: Context) -> frozenset[str]:
    """The names the paper gives its arms (each intervention's name, arm and wording), with
    the short and long forms the paper defines for them."""
    names: set[str] = set()
    for f in ctx.facts:
        if f.kind != "intervention":
            continue
        for v in (f.fields.get("drug"), f.fields.get("arm"), f.surface):
            label = getattr(v, "label", v)
            if isinstance(label, str) and label.strip():
                names.add(fold(label))
    for short, ab in document_abbreviations(ctx.document).items():
        if fold(ab.long) in names or fold(short) in names:
            names |= {fold(ab.long), fold(short)}
    return frozenset(names)


def _without_arm_measures(text: str, found: list[Found], arms: frozenset[str]) -> list[Found]:
    """'The mean score for A and B showed no significant difference', 'A and B do not differ':
    the arms compared are no measures. A finding in words whose measure is only an arm's name
    is dropped when another finding of the sentence names the measure, else measured by what
    follows it ('... than B in X'); an arm named at the end of a measure ('... for A') is cut off it."""
    if not arms:
        return found
    out = []
    named = [f for f in found if fold(f.measure) not in arms and fold(f.measure).rstrip("s") not in arms]
    for f in found:
        name = fold(f.measure)
        if (name in arms or name.rstrip("s") in arms) and not re.search(r"\d", f.value):
            if named:
                continue  # 'X for A and B showed no difference': the finding that names X stays
            # 'A was significantly more effective than B in maintaining X': what the arm did better
            after = _rx()["arm_finding_object"].match(text, f.end)
            f.measure = _clean_measure(after.group("m")) if after else "value"
        for tail in re.finditer(r"\s+(?:for|in|with|among|on)\s+(?:the\s+)?(?=[^()]+$)", f.measure):
            if fold(f.measure[tail.end():]) in arms and f.measure[:tail.start()].strip():
                f.measure = f.measure[:tail.start()].strip()
                break
        out.append(f)
    return out


def _measure_from_sentence_before(f: Found, before: str) -> None:
    """'Total blood loss did not differ. MD = 35 g (95% CI ...)': a value whose own sentence
    names no measure is about the subject of the sentence before it."""
    np = subject_of(_mask(before).split(";")[0].split(":")[0])
    # a number of its own is no name ('12 patients'); a digit inside a name is ('HbA1c', 'IL-6')
    if np and not re.search(r"(?<![A-Za-z-])\d+(?:[.,]\d+)?(?![A-Za-z])", np) \
            and not _rx()["GROUP_WORD"].search(np):
        f.measure = np + _unnamed(f.measure)


def _unnamed(measure: str) -> str | None:
    """None when a measure names something; else what to keep after the name found elsewhere
    ('value (md)': ' (md)'; 'difference between the groups', which names no quantity: '')."""
    if re.match(r"value\b", measure):
        return measure[len("value"):]
    return "" if _rx()["measure_generic"].match(measure) else None


def _measure_from_heading(ctx: Context, sent, f: Found) -> None:
    """'Global symptom score' as a subsection heading, then 'Significant differences between
    groups were found (p < 0.05)': a finding that names no measure reports the one its
    heading names, when the heading is a short noun phrase and no part of the paper."""
    sec = ctx.document.section_at(sent.start_char)
    if sec is None or sec.kind != "body":
        return
    name = re.sub(r"\s+", " ", sec.name).strip(" .:")
    if not name or len(name.split()) > 6 or re.search(r"\d|[=<>%]", name) \
            or _rx()["heading_not_measure"].match(name) or _rx()["measure_junk"].match(name):
        return
    f.measure = name + _unnamed(f.measure)


def _follows(ctx: Context, prev, sent) -> bool:
    """Whether a sentence goes on from the one before it: the next sentence of the same
    paragraph, in the same part of the paper."""
    between = ctx.document.text[prev.start_char:sent.start_char]
    gap = between[len(between.rstrip()):]  # a sentence's span may end with the blank line after it
    return "\n" not in gap and len(gap) < 5 and \
        part_of(ctx.document, prev.start_char) == part_of(ctx.document, sent.start_char)


def _follow_up(ctx: Context, sent, before: list[Fact]) -> None:
    """'X was 12 in A and 14 in B. This difference was not significant (p = 0.3).': a sentence
    that only qualifies the finding(s) of the sentence before it adds its test to them. The
    finding keeps its value; it gains the p-value (when it had none) and the follow-up as a
    second evidence span, so the statement stays traceable to both sentences."""
    m = _rx()["follow_up"].match(sent.text)
    if not m:
        return
    plural = bool(re.search(r"(?:s|these|those|both|all|each)$", m.group("subject").strip(), re.I))
    targets = before if plural else before[-1:]
    ps = find(sent.text, "p_value")
    p = ps[0] if len(ps) == 1 else None
    end = max(m.end(), p.end if p else 0)
    if sent.text[end:end + 1] == ")" and sent.text[:end].count("(") > sent.text[:end].count(")"):
        end += 1
    ev = ctx.evidence(sent.start_char, sent.start_char + end)
    for fact in targets:
        fact.evidence.append(ev)
        if p is not None and fact.fields.get("p_value") is None and p.fields["p"] is not None:
            fact.fields.update({"p_value": p.fields["p"], "p_relation": p.fields["relation"],
                                "p_text": p.text.strip("() ")})


def _ae_frequency(ctx: Context, f: Found) -> bool:
    """Whether a finding is how often an adverse event occurred ('infusion-related pyrexia
    (37.2% vs 32.3%)'): a percentage or count whose measure ends in an adverse-event term,
    with no test of its own. The AE extractor records it; as a result it would be counted
    twice, in the wrong kind."""
    if f.p is not None or f.ci is not None:
        return False  # rates of an event compared by a test are a finding of the trial
    if not (f.unit == "%" or "%" in f.value or re.fullmatch(r"\d+(?:\s*/\s*\d+)?", f.value.strip())):
        return False
    words = re.sub(r"\([^()]*\)", " ", f.measure).split()
    for n in (3, 2, 1):
        if len(words) >= n:
            c = ctx.lexicon.by_label(" ".join(words[-n:]).strip(",;:"), "AdverseEventTerm")
            if c is not None:
                return True
    return False


def _from_tables(ctx: Context) -> list[Fact]:
    """Rows of result tables (kg/extract/result_tables.py)."""
    from kg.extract.result_tables import from_tables
    return from_tables(ctx)


_KNOWN_PARTS = ("background", "objective", "methods", "results", "conclusions", "discussion")


def _methods_start(ctx: Context) -> int:
    """In an abstract without part labels, where the sentences saying how the trial was run
    begin: what comes before them is background (-1 when no such sentence is found)."""
    key = "results_methods_start"
    if key not in ctx.document.cache:
        cue = _rx()["methods_cue"]
        ctx.document.cache[key] = next((s.start_char for s in ctx.sentences()
                                        if part_of(ctx.document, s.start_char)[1] and cue.search(s.text)), -1)
    return ctx.document.cache[key]


def _as_copula(m: re.Match) -> str:
    """'X was found to be lower', 'A proved more effective than B': the finding the plain copula
    states ('X was lower'), read by the same patterns; offsets kept (the raising words become
    spaces, a verb that is the copula itself becomes 'was')."""
    out = m.group(0)
    for name, fill in (("cop", "was"), ("b", ""), ("b2", "")):
        if m.group(name):
            a, b = m.start(name) - m.start(), m.end(name) - m.start()
            out = out[:a] + fill.ljust(b - a) + out[b:]
    return out


def _has_results_part(ctx: Context) -> bool:
    """Whether the layout shows a results part: only then is a sentence outside it held to
    the stricter standard (a misread layout must not drop findings)."""
    key = "results_part_known"
    if key not in ctx.document.cache:
        ctx.document.cache[key] = any(part_of(ctx.document, s.start_char)[0] == "results" for s in ctx.sentences())
    return ctx.document.cache[key]


def read_sentence(text: str, strict: bool = False, restating: bool = False,
                  arms: frozenset[str] = frozenset(), claims: bool = False, reports: bool = False) -> list[Found]:
    """The findings of one sentence. `strict`: keep only findings with a p-value or CI
    (for sentences outside the results part of a paper). `restating`: the sentence sits where
    a paper restates or interprets its results (conclusions, discussion, beside a results
    part): the patterns marked "restates" (claims in words, trends) are not read there.
    `arms`: the names the paper gives its arms (folded), for the patterns whose subject must be one.
    `claims`: the sentence is where an abstract concludes (its conclusions, or the closing sentence
    of an unlabelled one): the patterns marked "claim" (an arm's stated effect) are read there.
    `reports`: the sentence is where the paper reports its findings (`_reports`): values stated
    without a test ('X was 12.3', 'X occurred in 45% of patients') are read there only."""
    rx = _rx()
    lead = rx["not_a_result_lead"].match(text)
    if lead:  # 'When covariates were included, the adjusted HR was ...': the main clause is read
        text = " " * lead.end() + text[lead.end():]
    if not (rx["cue"].search(text) or _spelled_pairs(text)) \
            or rx["not_a_result"].search(text):
        return []
    # 'not significant at the p < .05 level': the threshold of the test, no finding's p-value
    ps = _p_lists([p for p in find(text, "p_value") if not rx["p_threshold"].match(text, p.end)], text)
    # 'no significant (p > 0.05) effect on X': read as if the bracket were not there (same offsets)
    text = rx["p_inside_predicate"].sub(lambda m: m.group(0)[:m.start("b") - m.start()] + " " * len(m.group("b")),
                                         text)
    text = rx["copula_raising"].sub(_as_copula, text)
    items = _items(text)
    taken: list[tuple[int, int]] = []
    found: list[Found] = []

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    def add(f: Found, span: tuple[int, int] | None = None) -> None:
        found.append(f)
        taken.append(span or (f.start, f.end))

    _two_changes(text, items, free, add)
    _changes(text, found, taken, free, add)
    _group_list(text, items, free, add)
    _labelled_groups(text, items, ps, free, add)
    _arm_brackets(text, items, ps, free, add)
    _estimates(text, items, free, add)
    _respective(text, items, free, add)
    _parallel_brackets(text, items, free, add)
    _named_of_many(text, items, free, add)
    _own_p_run(text, items, ps, free, add)
    _listed_respectively(text, items, free, add)
    _events_among(text, free, add)
    _pairs(text, items, free, add)
    _single(text, items, ps, free, add)
    _value_run(text, items, free, add)
    _responders(text, free, add)
    found = _fold_estimates(text, [f for f in found if not f.extra.get("drop")])
    _bind_p(text, found, ps)
    _respective_ps(text, found, ps)
    numbered = len(taken)  # the spans read so far hold numbers; those after, findings in words
    _qualitative(text, found, ps, free, add, restating, arms, claims, reports)
    _p_clauses(text, found, ps, free, add)
    _labelled_ps(text, found, ps, add)
    added: list[Found] = []
    if reports and not strict:  # read after all others, which they leave as they were
        known = len(found)

        def free_of_numbers(a: int, b: int) -> bool:  # a change in a bracket is read beside its finding in words
            return not any(a < y and x < b for x, y in taken[:numbered])

        _bracket_change(text, items, free_of_numbers, add)
        _bracket_delta(text, items, found, free_of_numbers, add)
        _values_without_statistics(text, items, free, add)
        _bind_new_p(text, found, known, ps)
        added = found[known:]
        del found[known:]
    found = _p_for(text, found, ps)
    _later_times(text, items, found, taken)
    _later_times(text, items, added, taken)
    if strict:
        found = [f for f in found if f.p is not None or f.ci is not None]
    for f in found + added:
        f.measure = sane_measure(f.measure)
        _split_qualitative(f)
    found = _named_after_head(text, found)
    found = _lean_on_named(text, found)
    found = _without_worded_twins(found) + added
    return [f for f in found if _time_is_no_value(text, f)]


def _later_times(text: str, items: list[Item], found: list[Found], taken: list[tuple[int, int]]) -> None:
    """'X was 97% at day 14 and 92% at day 28': after a value read with the time it was measured
    at, a second value of the same unit with its own later time is the same measure then
    (results.json "later_time", "later_time_gap"); appended to `found`, whose finding it follows."""
    rx = _rx()
    for f in list(found):
        if f.comparator or not re.search(r"\d", f.value) or f.extra.get("comparator_text"):
            continue
        first = rx["later_time"].match(text, f.end) or re.match(r"\s+", text[f.end:]) \
            and rx["later_time"].match(text, f.end + 1)
        if not first:
            continue
        nxt = next((i for i in items if i.start >= first.end()), None)
        if nxt is None or nxt.threshold or nxt.unit != f.unit or nxt.sd is None and f.sd is not None \
                or not rx["later_time_gap"].fullmatch(text, first.end(), nxt.start) \
                or any(nxt.start < y and x < nxt.end for x, y in taken):
            continue
        when = re.match(r"\s*(" + rx["later_time"].pattern + r")", text[nxt.end:], re.I)
        if not when:
            continue
        end = nxt.end + when.end()
        later = Found(nxt.start, end, f.measure, text[nxt.start:nxt.end].strip(), "result.later_time",
                      unit=nxt.unit, sd=nxt.sd, ci=nxt.ci)
        later.extra["timepoint"] = re.sub(r"^(?:at|by|after|on|in|during|within|over|to)\s+(?:the\s+)?", "",
                                          when.group(1), flags=re.I)
        found.append(later)
        taken.append((nxt.start, end))


def _without_worded_twins(found: list[Found]) -> list[Found]:
    """'better procedural quality' read as a measure by one pattern and 'procedural quality'
    (value 'better') by another: the measure that holds its own direction word is the same
    finding read worse."""
    names = {f.measure.lower() for f in found}
    out = []
    for f in found:
        d = _rx()["member_direction"].match(f.measure)
        if d and f.measure[d.end():].strip().lower() in names and not re.search(r"\d", f.value):
            continue
        out.append(f)
    return out


def _lean_on_named(text: str, found: list[Found]) -> list[Found]:
    """'Both groups improved in X and Y, and there was no difference between the groups': a
    finding in words that names no measure of its own (only the groups compared) is about the
    measures the finding before it in the same sentence names, one finding per measure; one
    whose measure is the whole list the finding before it split ('X and Y') is split the same way."""
    out: list[Found] = []
    fronted = _rx()["fronted_measure"].match(text)
    for f in found:
        rest = _unnamed(f.measure) if f.measure not in ("difference", "differences") else ""
        if rest is not None and fronted and f.start >= fronted.end():
            # 'For the primary outcome of X, the difference between A (29%) and B (21%) ...': X
            out.append(replace(f, measure=_clean_measure(fronted.group("m")) + rest, extra=dict(f.extra)))
            continue
        if rest is not None and f.rule == "result.estimate":
            # '63 events in A and 60 in B (HR = 1.2, ...)': the estimate in the bracket after a comparison
            pair = [g for g in found if g.end <= f.start and g.rule == "result.versus" and _unnamed(g.measure) is None
                    and re.fullmatch(r"[^\d.;]{0,40}\(\s*", text[g.end:f.start])]
            if pair:
                out.append(replace(f, measure=pair[-1].measure + rest, extra=dict(f.extra)))
                continue
        if rest is None and not re.search(r"\d", f.value):  # 'X and Y rose in both groups, with no difference'
            listed = [g for g in found if g.start < f.start and g is not f and g.measure != f.measure
                      and g.measure in f.measure]
            names = list(dict.fromkeys(g.measure for g in listed))
            if len(names) >= 2 and re.fullmatch(r"(?:\s*(?:,|and|or)?\s*(?:" + "|".join(map(re.escape, names))
                                                + r"))+\s*", f.measure):
                out += [replace(f, measure=name, extra=dict(f.extra)) for name in names]
                continue
        if rest is None or re.search(r"\d", f.value):
            out.append(f)
            continue
        # a finding whose measure is only a group ('no change in Group C') lends no measure
        before = [g for g in found if g.start < f.start and _unnamed(g.measure) is None
                  and not _rx()["generic_head_not_measure"].match(g.measure)]
        if not before:
            out.append(f)
            continue
        last = max(g.extra.get("pred", g.start) for g in before)
        mine = [g for g in before if g.extra.get("pred", g.start) == last]
        gap = text[max(g.end for g in mine):f.start]
        # 'X rose in A (p), but there was no change in B (p), and the difference ...': a clause between
        # them that names only the other group is the same comparison, not another measure
        groups_only = [g for g in found if max(x.end for x in mine) <= g.start < f.start]
        if groups_only and all(_rx()["generic_head_not_measure"].match(g.measure) or _unnamed(g.measure) is not None
                               or g.measure in {x.measure for x in mine} for g in groups_only):
            gap = ""
        if ";" in gap or len(re.findall(r",", re.sub(r"\([^()]*\)", "", gap))) > 1:
            out.append(f)  # another clause between them ('X fell in A, Y was unchanged in B, and the difference ...')
            continue
        joint = re.fullmatch(r"[\w\s-]{0,40}?\s(?P<c>or|and)\s+", text[last:f.extra.get("pred", f.start)])
        if joint and not re.search(r"\b(?:there|was|were|is|are|had|has|have|showed?)\s*$", joint.group(0)):
            for g in mine:  # 'were similar or significantly higher': one finding, its value in two words
                g.value = f"{g.value} {joint.group('c')} {f.value}"
            continue
        names = list(dict.fromkeys(g.measure for g in mine))
        out += [replace(f, measure=name + rest, extra=dict(f.extra)) for name in names]
    return out


def _named_after_head(text: str, found: list[Found]) -> list[Found]:
    """'Significantly greater improvements were noted for the A group for X and for Y': a finding
    in words whose measure is only a generic head (improvement, change, difference, effect ...)
    is about the measures a phrase after it names ('for X', 'in X'), one finding per measure;
    phrases naming a group, the people or a time are passed over. Else it stays as it was."""
    rx = _rx()
    out: list[Found] = []
    for f in found:
        head = rx["measure_generic_head"].match(f.measure)
        at = text.find(f.measure, f.start, f.end)  # the phrase is looked for after the head itself
        after = at + len(f.measure) if at >= 0 else f.end
        named = _named_in_phrase(text, after) if head and not re.search(r"\d", f.value) else []
        if not named:
            out.append(f)
            continue
        value = f.value
        if head and rx["value_bare_comparative"].match(value.strip()):  # 'Greater' + 'improvements'
            value = f"{value.strip()} {head.group('noun')}"
        out += [replace(f, start=min(f.start, s), end=max(f.end, e), measure=m, value=value, p=own or f.p,
                        extra=dict(f.extra)) for s, e, m, own in named]
    return out


def _named_in_phrase(text: str, pos: int) -> list[tuple[int, int, str, Mention | None]]:
    """The measures named by the first prepositional phrase after `pos`, in its clause, that
    names no group, people or time ('... were seen in the A group for X, Y and Z': X, Y, Z)."""
    rx = _rx()
    ce = len(text)
    for m in _CLAUSE_BREAK.finditer(text, pos):
        if _depth(text, m.start()) == 0:
            ce = m.start()
            break
    ce = min(ce, pos + 160)
    for prep in rx["generic_head_named_in"].finditer(text, pos, ce):
        if _depth(text, prep.start()) > _depth(text, pos) or rx["generic_head_not_measure"].match(text, prep.end()):
            continue
        return [x for x in _objects(text, prep.end(), ce) if not rx["generic_head_not_measure"].match(x[2])]
    return []


def _time_is_no_value(text: str, f: Found) -> bool:
    """A value that is only a time point ('greater at three time points: 4 h (P < 0.01), ...',
    'twice as large at 5 years') is the finding's timepoint; its value is the comparison
    written before it. Whether the finding stays (it goes when no comparison names it)."""
    rx = _rx()
    if not rx["value_time_only"].match(f.value.strip()) \
            or not rx["value_time_context"].search(text[max(0, f.start - 80):f.start]):
        return True
    said = [m for m in rx["p_comparative"].finditer(text, 0, f.start)]
    if not said:
        return False
    f.extra["timepoint"] = f.value.strip()
    f.value, f.comparator, f.unit, f.sd = said[-1].group(0), None, None, None
    f.extra.pop("comparator_text", None)
    return True


def _p_for(text: str, found: list[Found], ps: list[Mention]) -> list[Found]:
    """'(p < .001 for fatigue, sleep and mood)': the p-value tests each listed measure, so the
    finding it qualifies becomes one finding per measure; '(p <= .001 for all)': every finding
    before it without a p-value of its own has it."""
    out = list(found)
    for p in ps:
        m = _rx()["p_for"].match(text, p.end)
        before_all = _rx()["p_all_before"].search(text, 0, p.start)  # '(all P < 0.05)', '(both p < .01)'
        if not m and not before_all:
            continue
        if before_all or m.group("all"):
            for f in out:
                if f.p is None and f.end <= p.start and not any(f.end <= q.start < p.start for q in ps):
                    f.p = p
            continue
        items = [i.strip() for i in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group("list"))]
        items = [re.sub(r"^(?:the|a|an)\s+", "", i, flags=re.I) for i in items if i]
        if len(items) < 2 or any(len(i.split()) > 6 or _rx()["GROUP_WORD"].search(i) for i in items):
            continue
        mine = [f for f in out if f.p is not None and f.p.start == p.start]
        if len(mine) != 1:
            continue
        at = out.index(mine[0])
        out[at:at + 1] = [replace(mine[0], measure=i, extra=dict(mine[0].extra)) for i in items]
    return out


def _split_qualitative(f: Found) -> None:
    """'a significant increase in X' read as measure 'increase in X', value 'significant': the
    change noun is part of what was found, X is what was measured."""
    f.value = _rx()["value_article"].sub("", f.value)  # 'a significant increase': the finding, not the article
    q = _rx()["value_bare_significance"].match(f.value.strip())
    m = _rx()["measure_change_head"].match(f.measure) or _rx()["measure_change_bare"].match(f.measure)
    cmp = _rx()["value_bare_comparative"].match(f.value.strip())
    if cmp and m and "rest" in m.groupdict() and m.group("noun").lower() != "difference":
        # 'Greater reductions in X were seen': X, 'Greater reductions'
        f.measure, f.value = m.group("rest").strip(), f"{f.value.strip()} {m.group('noun')}"
        return
    if not (q and m):
        return
    noun = m.group("noun").lower()
    f.measure = m.group("rest").strip() if "rest" in m.groupdict() else "value"
    # 'the differences in X were not significant': the words as written, with the noun ('not significant differences')
    f.value = f"not {q.group('q')} {noun}" if q.group("neg") else f"{q.group('q')} {noun}"


def _closing_bracket_apart(name: str) -> tuple[str, str]:
    """A name and the bracket that closes it ('pain (VAS)' -> 'pain', ' (VAS)'), so that trims of
    the name's words leave the bracket as written; a name that is all bracket stays whole."""
    tail = re.search(r"\s*\([^()]*\)$", name)
    return (name[:tail.start()], tail.group(0)) if tail and tail.start() > 0 else (name, "")


def sane_measure(measure: str) -> str:
    """A measure is a noun phrase naming a quantity: an opening adverb or phrase is dropped,
    the arm that qualifies it set aside, and a clause opener, an arm phrase or a whole clause
    is no measure at all ('value': the caller may find it elsewhere). A trailing bracket
    ('(hr)', '(mg/dl)') is kept as it is."""
    rx = _rx()
    base, suffix = _closing_bracket_apart(measure)
    prev = None
    while prev != base:
        prev = base
        quoted = re.fullmatch(r"(['‘\"“])(.+?)(['’\"”])", base)
        if quoted:  # "'mortality'": the quotes mark the name, they are no part of it
            base = quoted.group(2)
        base = rx["measure_opener"].sub("", base).strip(" ,")
        base = rx["measure_arm_tail"].sub("", base).strip(" ,")
        base = rx["measure_time_tail"].sub("", base).strip(" ,")
        base = rx["measure_population_tail"].sub("", base).strip(" ,")
        base = rx["measure_setting_tail"].sub("", base).strip(" ,")
        base = rx["measure_basis_tail"].sub("", base).strip(" ,")  # 'X according to the Y scale': X
        sized = rx["measure_size_lead"].match(base)
        if sized and base[sized.end():].strip():  # 'a 25% lower risk of death': the risk of death
            base = base[sized.end():].strip()
    # 'X in these patients': the population the measure was taken in is no part of its name
    base = re.sub(r"\s+(?:in|among)\s+(?:these\s+|the\s+|all\s+)?(?:patients|participants|subjects|children|adults|"
                  r"women|men|infants)\b(?!\s+(?:with|who|receiving|treated|given|in|on))[^()]*$", "", base)
    vo = rx["measure_verb_object"].match(base)
    if vo and not rx["measure_verb"].search(vo.group("obj")):
        base = vo.group("obj").strip()  # 'A did not reduce the incidence of X': the incidence of X
    if not base or rx["measure_junk"].match(base):
        base = "value"
    return base + suffix


# -- mentions → items ----------------------------------------------------------------------
_GROUP_SIZE = re.compile(r"\b[nN]\s*[=:]\s*$")
_COUNT_UNITS = (None, "patients", "participants", "subjects", "children", "women", "men", "cases")


_PEOPLE = r"(?:patients|participants|subjects|children|women|men|infants|adults|cases)"
# a count written in words, of a total in words ('five of the nine lambs') or with its share
# ('four (13%) in the control arm'): a value as if written in digits
_SPELLED = rf"(?:{COUNT_WORDS})(?:[- ](?:{COUNT_WORDS})){{0,2}}"
_SPELLED_COUNT = folded(re.compile(rf"(?<![\w-])(?P<n>{_SPELLED})"
                                   rf"(?:\s+(?:out\s+of|of)\s+(?:the\s+)?(?P<of>{_SPELLED}|(?P<d>\d+))\b"
                                   rf"|(?=(?:\s+{_PEOPLE})?\s*[(\[]\s*\d+(?:[.·]\d+)?\s*%\s*[)\]]))", re.I))
_COUNT_WORD = folded(re.compile(COUNT_WORDS, re.I))  # (searched on the lowered text: asked of every sentence)


def _spelled_counts(text: str) -> list[Mention]:
    out = []
    if not _COUNT_WORD.search(text):
        return out
    for m in _SPELLED_COUNT.finditer(text):
        n, of = to_int(m.group("n")), to_int(m.group("of")) if m.group("of") else None
        if n is None or m.group("d") or m.group("of") and (of is None or of < 3 or n > of):
            continue  # 'one of the two centres': no count of a total ('seven of 13' is read with its digits)
        out.append(Mention("value", m.start(), m.end(), m.group(0), {"value": float(n), "unit": None, "sd": None,
                                                                    "total": of}))
    return out + [w for w in _spelled_pairs(text) if not any(o.start < w.end and w.start < o.end for o in out)]


_SPELLED_WORD = folded(re.compile(rf"(?<![\w-])(?:{_SPELLED})(?![\w-])", re.I))


def _spelled_pairs(text: str) -> list[Mention]:
    """'Seven exacerbations occurred with placebo and three with drug Z', 'nine patients in the A
    group and two in the B group': counts in words, one per group, are values only as such a pair
    (results.json "spelled_pair_*"); a lone count in words is not."""
    rx = _rx()
    if not _COUNT_WORD.search(text):
        return []
    words = list(_SPELLED_WORD.finditer(text))
    out: list[Mention] = []
    for a, b in zip(words, words[1:]):
        if to_int(a.group(0)) is None or to_int(b.group(0)) is None or any(o.start == a.start() for o in out) \
                or not rx["spelled_pair_gap"].fullmatch(text, a.end(), b.start()) \
                or not rx["spelled_pair_after"].match(text, b.end()):
            continue
        for w in (a, b):
            if not any(o.start == w.start() for o in out):
                who = re.match(rf"\s+({_PEOPLE})\b", text[w.end():])  # 'nine patients', as '9 patients' is read
                end = w.end() + who.end() if who else w.end()
                out.append(Mention("value", w.start(), end, text[w.start():end],
                                   {"value": float(to_int(w.group(0))), "unit": who.group(1) if who else None,
                                    "sd": None, "total": None}))
    return out


def _in_digits(s: str | None) -> str | None:
    """'Five of the nine' → '5 of the 9', 'four (13%)' → '4 (13%)': the counts of a value in digits."""
    if not s or not _COUNT_WORD.search(s):
        return s
    return _SPELLED_COUNT.sub(lambda m: m.group(0).replace(m.group("n"), str(to_int(m.group("n"))), 1)
                              if m.group("of") is None else
                              f"{to_int(m.group('n'))}/{to_int(m.group('of'))}"
                              if to_int(m.group("n")) is not None and to_int(m.group("of")) is not None
                              else m.group(0), s)


# what a duration written before it names ('the 7 day trial'): a period, no finding's value
_PERIOD_NAMED = re.compile(r"\s+(?:trial|study|period|course|program(?:me)?|intervention|treatment|regimen|phase|"
                           r"run-in|washout|follow-?up)\b", re.I)
_TIME_UNIT = re.compile(r"(?:min|minutes?|h|hours?|d|days?|weeks?|months?|years?|y|wk|wks|mo)$")

# the upper end of a range written right after a value, with the value's unit ('-34% to -45%')
_RANGE_TO = re.compile(r"\s*(?:to|–|—)\s*[-−]?\d+(?:[.·]\d+)?(?:\s?(?P<u>%|mmol/[lL]|mg/d[lL]|kg|g|mmHg|mm\s?Hg|cm|"
                       r"points?|ng/m[lL]|µg/m[lL]|U/[lL]|IU/[lL]|[lL]|ml|mL))?(?![\d.·/])")
# a range that is no finding's value: ages, bounds of an inclusion criterion, a change written 'from ... to'
_RANGE_NOT = re.compile(r"\b(?:from|between|aged?|ages|range[sd]?|ranging|within|doses?|dosages?)\s+(?:of\s+)?$", re.I)

# the dose an arm received, named where a group is ('patients receiving 10 mg'), is no value
_DOSE_OF_ARM = re.compile(r"\b(?:receiving|received|given|treated\s+with|taking|assigned\s+to)\s+(?:[\w-]+\s+){0,2}$",
                          re.I)
# 'from baseline to follow-up (2% to 65%': the bracket holds the values before and after, no range
_CHANGE_BRACKET = re.compile(r"\bfrom\b[^.;()]{1,60}\bto\b[^.;()]{1,40}[(\[]\s*$")


def _items(text: str) -> list[Item]:
    """Values with their own trailing parts ('(8%)', 'of 114', a CI) merged in."""
    vals = values(text)
    spelled = [w for w in _spelled_counts(text) if not any(v.start < w.end and w.start < v.end for v in vals)]
    vals = sorted(vals + spelled, key=lambda v: v.start) if spelled else vals
    cis = find(text, "ci") + find(text, "bracket_ci")
    out: list[Item] = []
    consumed_to = -1
    sd_declared = "(" in text and (_rx()["sd_in_brackets"].search(text) is not None
                                   or _rx()["sd_pair"].search(text) is not None)
    for v in vals:
        if v.start < consumed_to or _GROUP_SIZE.search(text, max(0, v.start - 8), v.start):
            continue  # '(n = 16)': the size of a group, not a finding's value
        if v.fields["unit"] is None and re.match(r"-(?:minutes?|hours?|days?|weeks?|months?|years?|h|d)\b",
                                                 text[v.end:]):
            continue  # 'the 6-hour study period': a duration naming a period, not a value
        if v.fields["unit"] and _TIME_UNIT.match(v.fields["unit"]) and _PERIOD_NAMED.match(text, v.end):
            continue  # 'the 7 day trial', 'a 12 week programme': a duration naming a period, not a value
        end = v.end
        item = Item(v.start, v.end, v.end, v.fields["value"], v.fields["unit"], v.fields["sd"])
        item.count_pct = v.fields.get("total") is not None
        share = re.match(r"(?:\s+[A-Za-z][\w-]*){0,5}?\s*[(\[]\s*\d+(?:[.·]\d+)?\s*%\s*[)\]]", text[end:]) \
            if item.count_pct else None
        if share:  # 'five of the nine lambs treated (56%)': the share of the count
            end += share.end()
        spelled = _rx()["spelled_count_of"].search(text, max(0, v.start - 40), v.start) \
            if item.unit in _COUNT_UNITS and float(item.value).is_integer() else None
        if spelled and to_int(spelled.group("n")) is not None and to_int(spelled.group("n")) <= item.value:
            item.start = spelled.start("n")  # 'Seven of 13 patients (53.8%)': a count of a total
            item.count_pct = True
        m = re.match(r"\s*\(\s*(\d+(?:[.·]\d+)?)\s*\)", text[end:]) if sd_declared and item.sd is None else None
        m = m or (re.match(r"\s*[(\[]\s*(?:SD|SE|SEM|s\.d\.|s\.e\.)\s*[:=]?\s*(\d+(?:[.·]\d+)?)\s*[)\]]", text[end:])
                  if item.sd is None else None)  # '0.8% (SD 1.1)'
        if m:  # 'the mean (SD) count was 3.3 (2.71)': the bracket holds the SD
            end += m.end()
            item.sd = to_number(m.group(1))
            u = _rx()["unit_after"].match(text, end) if item.unit is None else None
            if u:  # '6.5 (1.9) days'
                end, item.unit = u.end(), u.group(1)
        m = re.match(r"\s*±\s*(\d+(?:[.·]\d+)?)(?![\d.·])", text[end:]) \
            if item.sd is None and item.unit == "%" else None
        if m:  # '21.0% ± 5.7': the SD written after the value's percent sign
            end += m.end()
            item.sd = to_number(m.group(1))
        item.threshold = bool(re.search(r"(?:[<>≤≥]|grade|≥\s*grade)\s*$", text[max(0, v.start - 8): v.start], re.I))
        item.dose = _dose_like(text, v.start, item.unit)
        if item.dose \
                and _DOSE_OF_ARM.search(text, max(0, v.start - 40), v.start):
            item.threshold = True  # '58% of patients receiving 10 mg and 31% ...': the dose names the arm
        m = re.match(r"\s*/\s*\d+(?:,\d{3})*(?![\d.,·])(?!\s*%)", text[end:])
        u = _rx()["unit_after"].match(text, end + m.end()) if m else None
        if u and u.group(1) not in _COUNT_UNITS:
            m = None  # '120/80 mmHg', '5/10 mg': a unit follows, no count of a total
        if m and item.unit is None and float(item.value).is_integer():  # '24/73 (33%)': a count of a total
            end += m.end()
            item.count_pct = True
        # '90 (8%) of 1088', Lancet's '90 [8%] of 1088': a count, its share, the total
        m = re.match(r"(?:\s+" + _PEOPLE + r"(?=\s*[(\[]))?"  # 'Twelve patients (24%)'
                     r"\s*[(\[]\s*\d+(?:[.·]\d+)?\s*%\s*[)\]](?:\s+(?:of|out\s+of)\s+(?:the\s+)?\d+(?:,\d{3})*)?",
                     text[end:]) if item.unit is None else \
            re.match(r"\s*[(\[]\s*\d+(?:[.·]\d+)?\s*%\s*[)\]](?:\s+(?:of|out\s+of)\s+(?:the\s+)?\d+(?:,\d{3})*)?",
                     text[end:])
        if m and item.unit in _COUNT_UNITS:
            end += m.end()
            item.count_pct = True
        m = re.match(r"\s*[(\[]\s*\d+(?:,\d{3})*\s*/\s*\d+(?:,\d{3})*\s*[)\]]", text[end:]) \
            if item.unit == "%" else None
        if m:  # '45% (27/60)': the count of the total that the percentage is
            end += m.end()
        m = re.match(r"\s*(?:of|out\s+of)\s+(?:the\s+)?\d+(?:,\d{3})*\b(?!\s*%)", text[end:])
        if not item.count_pct and m and item.unit is None and float(item.value).is_integer():
            end += m.end()
            item.count_pct = True
            share = re.match(r"(?:\s+[a-z]+)?\s*\(\s*\d+(?:[.·]\d+)?\s*%\s*\)", text[end:])
            if share:  # '45 of 210 patients (21.4%)'
                end += share.end()
        upto = _RANGE_TO.match(text, end) if item.sd is None and not item.count_pct else None
        if upto and item.unit in (None, upto.group("u")) and (item.unit or upto.group("u")) \
                and not _RANGE_NOT.search(text, max(0, v.start - 30), v.start) \
                and not _CHANGE_BRACKET.search(text[max(0, v.start - 120):v.start]):
            end = upto.end()  # '-1.07 to -1.47 mmol/l', '34% to 45%': a range of values is one value
            item.unit = item.unit or upto.group("u")
        spread = _rx()["spread"].match(text, end)
        if spread:  # '5 days (IQR 3-8)', '12 (range 4 to 30)': the spread belongs to the value
            end = spread.end()
        for c in cis:
            gap = text[end:c.start]
            if c.start >= end and re.fullmatch(r"\s*[,;:]?\s*[(\[]?\s*(?:(?:95|90|99)\s*%\s*CI\s*[:=]?\s*)?", gap) \
                    and c.end - end < 60:
                end = c.end
                if text[end:end + 1] in ")]" and text[item.start:end].count("(") + text[item.start:end].count("[") > \
                        text[item.start:end].count(")") + text[item.start:end].count("]"):
                    end += 1
                item.ci = (c.fields["low"], c.fields["high"])
                break
        if text[end - 1:end] in ")]" and text[item.start:end].count(")") + text[item.start:end].count("]") > \
                text[item.start:end].count("(") + text[item.start:end].count("["):
            end -= 1  # the bracket that closes is the one the value sits in
        item.end = end
        consumed_to = end
        out.append(item)
    return out


def _dose_like(text: str, pos: int, unit: str | None) -> bool:
    """A value in a unit doses are written in ('10 mg', '2 g'): no finding's value, unless its unit
    weighs and the clause before it names a weight it measures ('weight gain was higher (420 g vs
    310 g)', 'blood loss 350 g'): results.json "dose_unit", "weighed_measure"."""
    rx = _rx()
    if not unit or not rx["dose_unit"].match(unit):
        return False
    if not rx["weighed_unit"].match(unit):
        return True
    clause = re.split(r"[;.]\s", text[max(0, pos - 120):pos])[-1]
    return not rx["weighed_measure"].search(clause)


# -- rules ---------------------------------------------------------------------------------
# between two changes 'from A to B': the first group and the comparison ('in the A group versus')
_TWO_CHANGES_GAP = re.compile(r"\s*\)?\s*(?P<g>(?:in|with|for|among|on)\s+(?:the\s+)?[^,;()\d]{1,50}?)?\s*,?\s*"
                              r"(?:versus|vs\.?|compared\s+(?:with|to)|and|whereas|while)\s+(?:from\s+)?")
_GROUP_AFTER = re.compile(r"\s*\)?\s*(?:in|with|for|among|on)\s+(?:the\s+)?(?P<g>[^,;()\d]{1,50}?)(?=\s*(?:[,;.(]|$))")
_VERB_AT_END = re.compile(r"\s+(?:(?:was|were)\s+)?(?:[a-z]+ed|fell|rose|went|grew)"
                          r"(?:\s+(?:significantly|markedly|slightly|only))?\s*$")


def _two_changes(text, items, free, add) -> None:
    """'X increased from A to B in the active group versus C to D in the placebo group', 'fell
    from A to B with drug compared with C to D with placebo': each group's change is a finding
    (its value after, against its value before), not the first group's end against the second's start."""
    if text.count(" to ") < 2 or "from" not in text:
        return
    for k in range(len(items) - 3):
        a, b, c, d = items[k:k + 4]
        if not re.search(r"\bfrom\s*$", text[max(0, a.start - 8):a.start]) \
                or not re.fullmatch(r"\s*\)?\s*to\s*", text[a.end:b.start]) \
                or not re.fullmatch(r"\s*to\s*", text[c.end:d.start]) \
                or not all(free(i.start, i.end) for i in (a, b, c, d)):
            continue
        gap = _TWO_CHANGES_GAP.fullmatch(text[b.end:c.start])
        if not gap:
            continue
        prefix = re.sub(r"\s*from\s*$", "", re.split(r"[.;]", text[:a.start])[-1])
        if not _VERB_AT_END.search(prefix):
            continue  # '..., from A to B in X and from C to D in Y': a list of changes, read by _changes
        prefix = _VERB_AT_END.sub("", prefix)
        prefix = re.sub(r"\s*[(\[](?:sd|se|sem|iqr|range)[)\]]", "", prefix, flags=re.I)  # 'the mean (sd) score'
        measure = _measure_from_prefix(prefix, None)
        after = _GROUP_AFTER.match(text, d.end)
        groups = [gap.group("g"), after.group("g") if after else None]
        for (x, y), group in zip(((a, b), (c, d)), groups):
            extra = {"comparator_text": text[x.start:x.end].strip(), "comparison": "within_group"}
            if group:
                extra["group"] = re.sub(r"^(?:in|with|for|among|on)\s+(?:the\s+)?", "", group.strip())
            add(Found(x.start, y.end, measure, text[y.start:y.end].strip(), "result.change",
                      comparator=_first_number(text[x.start:x.end]), unit=y.unit or x.unit, sd=y.sd, extra=extra),
                (x.start, y.end))


def _changes(text, found, taken, free, add) -> None:
    rx = _rx()
    for m in rx["before_after"].finditer(text) if (" before" in text or "baseline" in text or "pre" in text) else ():
        if not free(m.start("a"), m.end("b")):
            continue  # 'X was 21 before and 26 after': the later value the finding, the earlier its comparator
        unit = m.group("ub") or m.group("ua")
        measure = _measure_before(text, m.start())
        add(Found(m.start(), m.end("wb"), measure, m.group("wb"), "result.before_after", comparator=m.group("a"),
                  unit=unit, extra={"comparator_text": m.group("wa")}), (m.start(), m.end("wb")))
    for name in ("change", "was_then"):
        if (" from" if name == "change" else " and ") not in text:
            continue
        for m in rx[name].finditer(text):
            if not free(m.start("a"), m.end("b")) or _opens_unclosed(text, m.end("wa"), m.start("wb")):
                continue  # '... of +28 ng/ml (95% CI +7 to +49': the 'to' is the CI's, inside a bracket
            unit = m.group("ub") or m.group("ua")
            before = re.split(r"[.;]", text[: m.start()])[-1][-80:]
            measure = _measure_from_prefix(before, unit)
            if measure.startswith("value") and re.search(r"\sand\s*$", before):
                measure = _shared_change_measure(text, found, m.start(), unit) or measure
            add(Found(m.start(), m.end(), measure, _with_sd(m, "b"),
                      f"result.{name}", comparator=m.group("a"), unit=unit,
                      extra={"comparator_text": m.group("wa"), **_group_of_change(text, m.end())}),
                (m.start(), m.end()))
            if name != "change":
                continue
            pos = m.end()
            while (more := rx["change_more"].match(text, _end_of_bracket(text, pos))) is not None \
                    and free(more.start("a"), more.end("b")):
                unit_b = more.group("ub") or more.group("ua") or unit
                add(Found(more.start("a") - len("from "), more.end(), measure if unit_b == unit else
                          _measure_from_prefix(before, unit_b), more.group("b"), "result.change",
                          comparator=more.group("a"), unit=unit_b,
                          extra={"comparator_text": more.group("wa"), **_group_of_change(text, more.end())}),
                    (more.start(), more.end()))
                pos = more.end()
    for m in rx["change_with_object"].finditer(text) if " from" in text else ():
        if not free(m.start("a"), m.end("b")) or _opens_unclosed(text, m.end("wa"), m.start("wb")):
            continue
        unit = m.group("ub") or m.group("ua")
        add(Found(m.start(), m.end(), m.group("obj").strip(), _with_sd(m, "b"), "result.change_with_object",
                  comparator=m.group("a"), unit=unit,
                  extra={"comparator_text": m.group("wa"), **_group_of_change(text, m.end())}),
            (m.start(), m.end()))
    for m in (rx["fold"].finditer(text) if "fold" in text else ()):
        if free(m.start(), m.end()):
            measure = _measure_after(text, m.end()) or f"fold {m.group('dir').lower()}"
            sd = m.group("v").split("±")
            add(Found(m.start(), m.end(), measure, m.group("v"), "result.fold", unit="fold",
                      sd=to_number(sd[1]) if len(sd) > 1 else None))


def _opens_unclosed(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] opens a bracket it does not close."""
    gap = text[a:b]
    return gap.count("(") + gap.count("[") > gap.count(")") + gap.count("]")


def _with_sd(m: re.Match, n: str) -> str:
    """A change's value with the SD written beside it ('2.1 ± 1.8'), without its unit (kept apart)."""
    w, u = m.group("w" + n), m.group("u" + n)
    return (w[: m.start("u" + n) - m.start("w" + n)] if u else w).strip() if "±" in w else m.group(n)


def _shared_change_measure(text: str, found: list[Found], pos: int, unit: str | None) -> str | None:
    """'X decreased from 9.8 to 8.9 with A and increased from 9.6 to 10.1 with B': a change whose
    clause opens with 'and' and its own verb, right after another change of the same sentence, is
    a change of the same measure (its unit, when written, the same)."""
    prev = [f for f in found if f.rule == "result.change" and f.end <= pos]
    if not prev:
        return None
    last = max(prev, key=lambda f: f.end)
    if re.search(r"[;:]", text[last.end:pos]) or unit and last.unit and unit != last.unit:
        return None
    return last.measure


def _end_of_bracket(text: str, pos: int) -> int:
    """After the value at pos, past the bracket of statistics right after it ('(p < 0.001)')
    and the group it names ('in the diet group'), where a coordinated finding may start."""
    m = re.match(r"\s*\([^()]*\)", text[pos:])
    pos += m.end() if m else 0
    g = _rx()["group_after_change"].match(text, pos)
    return g.end() if g else pos


def _group_of_change(text: str, pos: int) -> dict:
    """'fell from 31% to 28% (p < 0.001) in the diet group': a change within one group."""
    g = _rx()["group_after_change"].match(text, pos)
    if not g:
        return {}
    return {"comparison": "within_group", "group": re.sub(r"^the\s+", "", g.group("g").strip(), flags=re.I)}


def _labelled_groups(text, items, ps, free, add) -> None:
    """'All arms reduced X from baseline (A: -41%, P = 0.0001; B: -39%, P = 0.0001)': a bracket of
    values each after its group's name is one finding per group (see labelled_group_segment)."""
    rx = _rx()
    for br in re.finditer(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)", text):
        cuts = [0] + [m.end() for m in rx["labelled_group_split"].finditer(br.group(1))]
        ends = [m.start() for m in rx["labelled_group_split"].finditer(br.group(1))] + [len(br.group(1))]
        segments = [br.group(1)[a:b] for a, b in zip(cuts, ends)]
        if len(segments) < 2:
            continue
        parsed = [rx["labelled_group_segment"].match(seg) for seg in segments]
        if not all(parsed) or any(re.fullmatch(r"(?:p|n|sd|se|ci|95% ci|range|iqr|mean|median)", m.group("label"), re.I)
                                  or rx["VERSUS"].search(m.group("val")) for m in parsed):
            continue  # '(pain: 2 vs 3; itch: 1 vs 1)': each label's comparison, read by _pairs
        if not all(re.match(r"from\s", m.group("val")) or re.search(r"[Pp][\s-]*(?:values?)?\s*[<=>≤≥]", seg)
                   for m, seg in zip(parsed, segments)):
            continue  # '(A: 4.1 kg B: 1.3 kg)' without a test per group: the groups compared, read by _pairs
        head = text[:br.start()]
        obj = rx["change_object"].search(head)
        measures = [_clean_measure(obj.group("m")) if obj else _measure_before(text, br.start())]
        verb = re.search(r"\s(?:" + rx["CHANGE_VERB"].pattern + r"|were|was)\b", head, re.I)
        listed = [x[2] for x in _subjects(text, 0, verb.start())] if not obj and verb else []
        if len(listed) > 1 and len(segments) % len(listed) == 0 and re.search(r"\brespectively\s*$", br.group(1)):
            measures = listed  # 'X and Y decreased in both groups (A: ..., B: ...; A: ..., B: ..., respectively)'
        elif len(listed) == 1:
            measures = listed  # 'Grip strength increased in both arms (A: from 21 to 25 kg; B: ...)'
        starts = [br.start(1) + a for a in cuts]
        for k, (at, seg, m) in enumerate(zip(starts, segments, parsed)):
            measure = measures[k * len(measures) // len(segments)]
            vs, ve = at + m.start("val"), at + m.end("val")
            inside = [i for i in items if vs <= i.start < ve and not i.threshold]
            change = re.match(r"from\s", m.group("val")) and len(inside) >= 2
            it = inside[-1] if change else (inside[0] if inside else None)
            if it is None or not free(it.start, it.end):
                continue
            p = next((q for q in ps if ve <= q.start < at + len(seg)), None)
            extra = {"group": m.group("label").strip()}
            if change:  # 'B: from 22 to 23 kg': the change within the group, from its baseline
                extra.update(comparison="within_group", comparator_text=text[inside[0].start:inside[0].end].strip())
            add(Found(inside[0].start if change else it.start, max(it.end, p.end if p else it.end), measure,
                      text[it.start:it.end].strip(), "result.group_values", unit=it.unit, sd=it.sd, ci=it.ci, p=p,
                      comparator=_first_number(text[inside[0].start:inside[0].end]) if change else None,
                      extra=extra), (vs, ve))


def _arm_brackets(text, items, ps, free, add) -> None:
    """'an increase in X in the A group (mean increase, 2.0 points; SE 0.2; p < 0.001) and B group
    (mean increase, 2.1 points; ...)': each arm with its own bracket and test is one finding per
    arm, the group kept (see arm_bracket)."""
    rx = _rx()
    arms = []
    for br in re.finditer(r"\(([^()]*)\)", text):
        body = rx["arm_bracket"].fullmatch(br.group(1))
        group = rx["arm_before_bracket"].search(text, 0, br.start())
        if body and group:
            arms.append((br, body, group))
    if len(arms) < 2:
        return
    change = rx["arm_change_measure"].search(text, 0, arms[0][0].start())
    measure = _clean_measure(change.group("m")) if change else _measure_before(text, arms[0][2].start())
    for br, body, group in arms:
        vs, ve = br.start(1) + body.start("val"), br.start(1) + body.end("val")
        it = next((i for i in items if vs <= i.start < ve and not i.threshold), None)
        if it is None or not free(it.start, it.end):
            continue
        p = next((q for q in ps if ve <= q.start < br.end()), None)
        add(Found(it.start, max(it.end, p.end if p else it.end), measure, text[vs:ve].strip(), "result.arm_value",
                  unit=it.unit, sd=it.sd, ci=it.ci, p=p, extra={"group": group.group("g").strip()}), (vs, ve))


# between two estimates, only the next time point ('..., 0.2–0.8), week 4 (OR = ...')
_LATER_TIME = re.compile(r"\s*[)\]]?\s*[,;]?\s*(?:and\s+)?(?:at\s+|on\s+|by\s+)?(?:days?|weeks?|months?|years?|visits?)"
                         r"[-\s]?\d+\s*[(\[]\s*", re.I)


def _estimates(text, items, free, add) -> None:
    """Estimates with a keyword (HR, OR, β, difference...), or a value with its CI."""
    rx = _rx()
    last: tuple[int, str] | None = None  # where the estimate before ended, and its measure
    for e in find(text, "estimate"):
        vstart = e.end - len(re.search(r"\S+$", e.text).group(0))
        it = next((i for i in items if i.start == vstart), None)
        end = it.end if it else e.end
        if not free(e.start, end):
            continue
        kind = re.sub(r"\s+", " ", e.fields["estimate"])
        weak = kind.lower() in ("r", "rs", "b", "ρ", "β", "beta", "coefficient", "difference", "τ") or \
            re.search(r"(?:tau|rho|r)$", kind.lower())
        spread = re.match(r"\s*(?:to|–|—)\s*[-−]?\d+(?:[.·]\d+)?(?![\d.·])", text[end:]) \
            if kind.lower() in ("r", "rs", "ρ", "rho") else None
        if spread:  # 'rs = 0.89 to 0.98': the correlations of several measures, their range
            end += spread.end()
        ci_near = any(0 <= c.start - end < 50 for c in find(text, "ci"))
        if weak and not (it and it.ci) and not ci_near and not _p_near(text, end):
            continue  # a bare 'difference of 3' or 'r = 0.2' is a finding only with its statistics
        measure = _measure_before(text, e.start)
        if e.fields.get("of") and not _clean_measure(re.sub(r"^(?:the|an?)\b", "", measure, flags=re.I)):
            measure = e.fields["of"]  # 'The odds ratio for relapse was 0.61': relapse is what it measures
        if re.fullmatch(r"(?:the|an?)?", measure.strip(), re.I) and len(kind) > 6:
            measure = kind  # 'The area under the ROC curve was 0.81': the estimate names itself
        if last and _LATER_TIME.fullmatch(text[last[0]:e.start]):
            measure = last[1]  # 'X at week 2 (OR 0.4 ...), week 4 (OR 0.5 ...)': X at each time
        measure = measure if kind.lower() in measure.lower() else f"{measure} ({kind.lower()})"
        add(Found(e.start, end, measure, text[vstart:end].strip().rstrip(",;").strip(), "result.estimate",
                  ci=it.ci if it else None))
        last = (end, measure)
    for m in (rx["times"].finditer(text) if "times" in text else ()):
        if not free(m.start(), m.end()):
            continue
        end = m.end()
        b = re.match(r"\s*\(?\s*[\[(]\s*[-−]?\d[\d.·]*\s*(?:–|-|to|,)\s*[-−]?\d[\d.·]*\s*[\])]", text[end:])
        ci = None
        if b:
            lo_hi = re.findall(r"\d[\d.·]*", b.group(0))
            ci = (to_number(lo_hi[0]), to_number(lo_hi[1]))
            end += b.end()
        value = m.group(0) + (" " + b.group(0).strip().lstrip("(").strip() if b else "")
        measure = _measure_before(text, m.start())
        if _names_nothing(measure):  # '2.2 times more likely (CI) to discontinue treatment than ...'
            measure = _likely_measure(text, end) or measure
        add(Found(m.start(), end, measure, value, "result.times",
                  ci=ci if ci and None not in ci else None))
    for it in items:  # a value followed directly by its CI, no keyword: "−2.46, 95% CI −3.72 to −1.21"
        if it.ci and free(it.start, it.end) and not it.threshold:
            nxt = _rx()["versus_next"].match(text, it.end)
            before = [i for i in items if i.end <= it.start]
            if nxt or before and before[-1].ci and _rx()["tight"].fullmatch(text[before[-1].end:it.start]):
                continue  # one side of a comparison: read by _pairs
            gap = _GAPPED.search(text, max(0, it.start - 120), it.start)  # '... and the Y 93% (95% CI ...)'
            measure = gap.group("m") if gap and gap.end() == it.start and not rx["GROUP_WORD"].search(gap.group("m")) \
                else _measure_before(text, it.start)
            add(Found(it.start, it.end, measure, text[it.start:it.end].strip(" ,;"),
                      "result.estimate", unit=it.unit, sd=it.sd, ci=it.ci))


def _link(text: str, a: Item, b: Item) -> str | None:
    """How two neighbouring values are compared: 'tight' ('A vs B', 'A (x) versus B'),
    'loose' ('A of X compared with B of Y', 'A in X and B in Y', 'A and B, respectively')."""
    rx = _rx()
    gap = text[a.end:b.start]
    label = rx["label_before"].search(text[max(0, a.start - 60):a.start])
    if (a.unit == "%" or a.sd is not None) and _compatible(a, b) and rx["label_gap"].fullmatch(gap) and label \
            and not (label.group(0)[0] in "—–" and (_stat_label(label.group(0)) or _stat_label(gap))):
        return "loose"  # '(drug 9.5%; placebo 17.9%)', '(A: 50.9 ± 16.2 N B: 44.1 ± 12.0 N)'
    if ";" in gap or len(gap) > 130 or not _compatible(a, b):
        return None
    if any(i.dose and i.sd is None for i in (a, b)):
        return None  # doses of the arms, not a finding
    if a.unit != "%" and a.sd is None and not a.ci and rx["values_as_labels"].match(text, b.end):
        return None  # 'in the 30, 60 and 90 min walking trials': the numbers name the groups
    if rx["labelled_pair_gap"].fullmatch(gap) and rx["labelled_pair_after"].match(text, b.end) \
            and not re.search(r"\)\s*,\s*$", text[max(0, a.start - 3):a.start]):
        return "loose"  # 'fell by 0.8% (A) and 0.2% (B)': each value with its group in a bracket after it
    if _depth(text, a.end) != _depth(text, b.start) and not rx["tight"].fullmatch(gap):
        return None  # one value outside a bracket, the other inside it
    if re.search(r"[(\[]\s*from\s*$", gap) and re.search(r"\bto\s*$", text[max(0, a.start - 12):a.start]):
        return None  # 'A (from 1 to 5) and B (from 2 to 3)': an arm's value after, the other's before
    vs = rx["VERSUS"].search(gap)
    if rx["tight"].fullmatch(gap):
        return "tight"
    if vs and len(gap) - vs.end() <= 45 and not re.search(r"\d", gap[vs.end():]) \
            and not re.search(r"(?<!\bvs)(?<!\bv)[.!?]\s", gap):  # 'vs.' ends no sentence
        bracketed = text[:a.start].rstrip().endswith("(") and gap.rstrip().endswith("(")
        return "loose" if vs.group(0).lower() != "than" or rx["GROUP_WORD"].search(gap) or bracketed else None
    if re.search(r"\band\b", gap) and not vs:
        resp = re.match(r"[^;.]{0,120}?\brespectively\b", text[b.end:]) or _rx()["in_the_groups"].match(text, b.end)
        if re.fullmatch(r"\s*\)?\s*,?\s*and\s*\(?\s*", gap) and (
                resp or (a.unit == "%" or a.sd is not None)
                and rx["for_groups"].match(text, b.end)):
            return "loose"
        rich = a.unit == "%" or a.sd is not None or a.count_pct
        if rich and rx["GROUP_WORD"].search(gap) and len(gap) <= 90 \
                and not re.search(r"[.!?]\s|,\s*(?:and|but|while|whereas)\b", gap):
            return "loose"
    if a.unit is None and b.unit is None and a.sd is None and b.sd is None and not a.ci and not b.ci \
            and rx["count_pair_gap"].fullmatch(gap) and rx["count_pair_after"].match(text, b.end):
        return "loose"  # 'There were 12 falls in the exercise group and 25 in the control group'
    par = rx["parallel_groups"].fullmatch(gap) if " and" in gap else None
    if par and re.match(r"\s*" + par.group("prep") + r"\s+\S", text[b.end:]):
        return "loose"  # '58% for A and 53% for B', '4.1 in arm A and 5.2 in arm B'
    if (a.count_pct or a.unit == "%") and re.search(r"\b(?:whereas|while)\b", gap) and len(gap) <= 90 \
            and not re.search(r"[.!?;]\s", gap):
        return "loose"  # 'A was stopped in 24/73 (33%) whereas B was stopped in 5/66 (8%)'
    return None


def _stat_label(label: str) -> bool:
    """Whether a value's label names a statistic ('mean score', 'range'), not a group."""
    return _rx()["stat_label"].fullmatch(re.sub(r"^[\s(;,:—–]+|[\s:]+$", "", label)) is not None


def _parallel_brackets(text, items, free, add) -> None:
    """'decreased less in A (-0.11 ± 0.06 cm, -8 ± 3.9%) as compared to B (-0.21 ± 0.10 cm,
    -13.9 ± 6.4%; P < 0.05)': two brackets holding the same kinds of values, compared member by
    member (the first value of one with the first of the other, and so on)."""
    brackets = [m for m in re.finditer(r"\(([^()]*)\)", text)]
    for b1, b2 in zip(brackets, brackets[1:]):
        if not _rx()["parallel_gap"].fullmatch(text[b1.end():b2.start()]):
            continue
        one = [i for i in items if b1.start() < i.start < b1.end() and not i.threshold]
        two = [i for i in items if b2.start() < i.start < b2.end() and not i.threshold]
        if len(one) < 2 or len(one) != len(two) or not all(_compatible(a, b) and (a.unit or "") == (b.unit or "")
                                                            for a, b in zip(one, two)):
            continue
        if not all(free(i.start, i.end) for i in one + two):
            continue
        measure = _measure_before(text, b1.start())
        for a, b in zip(one, two):
            add(Found(a.start, b.end, measure, text[a.start:a.end].strip(), "result.versus",
                      comparator=_first_number(text[b.start:b.end]), unit=a.unit, sd=a.sd, ci=a.ci,
                      extra={"comparator_text": text[b.start:b.end].strip()}), (a.start, b.end))


def _pairs(text, items, free, add) -> None:
    """Values compared: 'A vs B', 'A in X and B in Y', 'A and B, respectively',
    'X (A) compared with Y (B)'; in a chain 'A vs B vs C' each later value against the first."""
    live = [i for i in items if not i.threshold and free(i.start, i.end)]
    k = 0
    while k + 1 < len(live):
        chain = [live[k]]
        while k + len(chain) < len(live) and _link(text, chain[-1], live[k + len(chain)]) == "tight":
            chain.append(live[k + len(chain)])
        if len(chain) == 1 and _link(text, live[k], live[k + 1]):
            chain.append(live[k + 1])
        if len(chain) < 2 or re.match(r"\s*[=:]", text[chain[-1].end:]) or not free(chain[0].start, chain[-1].end):
            k += 1  # no comparison, or a list of labels ('control vs 10 vs 100 mg =')
            continue
        if _verbless_refused(text[:chain[0].start]):
            k += len(chain)  # the groups at baseline or their sizes, under a heading of their own
            continue
        pairs = [(chain[0], chain[1])] if len(chain) == 2 else [(c, chain[0]) for c in chain[1:]]
        if len(chain) == 2:  # 'with 20 mg (−5.9) and 30 mg (−4.4) compared with placebo (1.9)': each arm vs one
            pairs = [(o, chain[1]) for o in _other_arms(text, items, chain[0], free)] + pairs
        head = text[:chain[0].start].lower()
        if len(chain) == 2 and ("before" in head or "baseline" in head or "pre" in head) \
                and _rx()["order_after_before"].search(text[:chain[0].start]):
            pairs = [(chain[1], chain[0])]  # 'before versus after ... was 1 versus 4': 4 is the finding
        for a, b in pairs:
            value = text[a.start:a.end].strip()
            comp = text[b.start:b.end].strip()
            unit = a.unit or b.unit
            if unit == "%" and not a.unit and a.sd is None and not a.count_pct:
                value += "%"
            s, e = min(a.start, b.start), max(a.end, b.end)
            close = re.match(r"\s*\)", text[e:])
            if close and text[s:e].count("(") > text[s:e].count(")"):
                e += close.end()
            measure = _measure_before(text, chain[0].start)
            if measure == "value" or _rx()["GROUP_WORD"].fullmatch(measure):
                measure = _share_outcome(text, chain[0].end) or measure
            if measure == "value" and (a.count_pct or a.unit == "%") and (b.count_pct or b.unit == "%"):
                # '... and four (13%) on placebo wished to ...', '62% of A versus 38% in B achieved remission'
                after = _rx()["count_outcome_after"].match(text, chain[-1].end)
                measure = _clean_measure(re.sub(r"^(?:achieved|reached|attained|had|developed|experienced|required|"
                                                r"reported|needed)\s+(?:an?\s+|the\s+)?(?=\w)", "",
                                                after.group("m"))) if after else measure
            if _names_nothing(measure):  # '69% of the patients in A suffered from X versus 63% in B': X
                measure = next((m for m in (_predicate_measure(text, chain[0].end),
                                            _predicate_measure(text, chain[-1].end)) if m), None) \
                    or _without_people_head(measure)
            counted = _rx()["count_pair_gap"].fullmatch(text[a.end:b.start]) if len(chain) == 2 else None
            if counted and a.unit is None and a.sd is None:  # '12 falls in A and 25 in B': falls were counted
                measure = counted.group("noun")
            if (counted or _spelled_pair(text, a, b)) and _control_first(text, a, b):
                value, comp = comp, value  # '9 exacerbations with placebo and 5 with X': X's count is the finding
            found = Found(s, e, measure, value, "result.versus",
                          comparator=_first_number(comp), unit=unit, sd=a.sd, ci=a.ci,
                          extra={"comparator_text": comp})
            add(found, (chain[0].start, chain[-1].end))
        k += len(chain)


def _spelled_pair(text: str, a: Item, b: Item) -> bool:
    """Whether two values are a pair of counts in words, each in its group ('nine ... and two in ...')."""
    first = _SPELLED_WORD.match(text, a.start)  # the word alone: 'nine patients' counts patients
    return bool(first and _SPELLED_WORD.match(text, b.start)
                and _rx()["spelled_pair_gap"].fullmatch(text, first.end(), b.start))


def _control_first(text: str, a: Item, b: Item) -> bool:
    """'... with placebo and five with X': the first count's group is the control and the second's is
    not; the second is then the finding and the first its comparator (as the gold convention has it)."""
    rx = _rx()
    after = re.match(r"[^,;.()]{0,60}", text[b.end:]).group(0)
    return bool(rx["control_group"].search(text, a.end, b.start)) and not rx["control_group"].search(after)


def _other_arms(text: str, items: list[Item], a: Item, free) -> list[Item]:
    """The values of other arms listed before `a` in the same way, each in its own bracket after
    its arm's name ('A (x) and B (y) versus C (z)': x is compared with z too)."""
    out: list[Item] = []
    cur = a
    while True:
        if not text[:cur.start].rstrip().endswith(("(", "[")):
            break
        before = [i for i in items if i.end <= cur.start and not i.threshold
                  and not i.dose and _compatible(i, cur)]
        p = before[-1] if before else None
        if p is None or not free(p.start, p.end) or not text[:p.start].rstrip().endswith(("(", "[")):
            break
        gap = re.sub(r"[-−]?\d+(?:[.,·]\d+)?\s*(?:mg|µg|mcg|g|ml|mL|IU|mg/kg)?", "", text[p.end:cur.start])
        if not re.fullmatch(r"\s*[)\]]\s*,?\s*(?:and\s+|or\s+)?[^()\[\]\d;]{0,40}[(\[]\s*", gap) \
                or _rx()["VERSUS"].search(gap):
            break
        out.insert(0, p)
        cur = p
    return out


def _own_p_run(text, items, ps, free, add) -> None:
    """'+2% (P = 0.9), -14% (P = 0.2) and -15% (P = 0.04) in the three arms, respectively':
    two or more values listed, each followed by its own bracketed p-value, are one finding
    each (the list's measure, the value's own test), not a comparison of the values."""
    rx = _rx()
    own: list[tuple] = []  # a value, its p-value, the end of its bracket, its direction word
    for it in items:
        if it.threshold or not free(it.start, it.end):
            continue
        d = rx["own_p_direction"].match(text, it.end)
        br = re.match(r"\s*\(\s*", text[d.end():])
        p = next((p for p in ps if br and p.start == d.end() + br.end()), None)
        close = re.match(r"\s*\)", text[p.end:]) if p else None
        if p and close:
            own.append((it, p, p.end + close.end(), d))
    runs: list[list[tuple]] = []
    for x in own:
        if runs and rx["own_p_gap"].fullmatch(text[runs[-1][-1][2]:x[0].start]):
            runs[-1].append(x)
        else:
            runs.append([x])
    for run in (r for r in runs if len(r) >= 2):
        # '+0.02% for placebo compared with -0.48% (P = ...), -0.58% (P = ...)': each against the first
        base = next((i for i in reversed(items) if i.end <= run[0][0].start and free(i.start, i.end)), None)
        gap = text[base.end:run[0][0].start] if base else ""
        vs = rx["VERSUS"].search(gap)
        if not (base and vs and vs.end() == len(gap.rstrip()) and len(gap) <= 60 and not re.search(r"[;.]\s", gap)
                and _compatible(base, run[0][0])):
            base = None
        first = base or run[0][0]
        measure = _measure_before(text, first.start)
        measure = rx["change_verb_tail"].sub("", measure)  # 'X changed by' (+3%, ...): X
        groups = _groups_respectively(text, run[-1][2], len(run))
        for k, (it, p, _, d) in enumerate(run):
            value = text[it.start:it.end].strip() + (f" {d.group('dir')}" if d.group("dir") else "")
            comp = text[base.start:base.end].strip() if base else None
            span = (first.start if it is run[0][0] else it.start, d.end() if d.group("dir") else it.end)
            extra = {"comparator_text": comp} if comp else {}
            if groups and not base:
                extra.update(comparison="within_group", group=groups[k])
            add(Found(span[0], span[1], measure, value, "result.own_p",
                      comparator=_first_number(comp) if comp else None,
                      unit=it.unit or (base.unit if base else None), sd=it.sd, ci=it.ci, p=p, extra=extra))


def _groups_respectively(text: str, pos: int, n: int) -> list[str]:
    """'... in the treatment and control arms, respectively' after n values with their own
    p-values: the n groups, when a control or placebo group is one of them (each value is then
    that group's own change and its p-value a within-group test); else none."""
    rx = _rx()
    m = rx["groups_respectively"].match(text, pos)
    if not m or not rx["GROUP_WORD"].search(m.group("groups")) or not rx["control_group"].search(m.group("groups")):
        return []
    names = [re.sub(r"^the\s+", "", g.strip(), flags=re.I)
             for g in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("groups")) if g.strip()]
    if len(names) != n:
        return []
    tail = re.search(r"\s+(?:groups?|arms?|cohorts?)$", names[-1])  # 'the A and B arms': each an arm
    word = tail.group(0).strip().rstrip("s") if tail else ""
    return [re.sub(r"(groups?|arms?|cohorts?)$", word, x) if tail and re.search(r"(?:groups?|arms?|cohorts?)$", x)
            else (f"{x} {word}" if tail else x) for x in names]


def _respective_run(text, items, free, pos: int) -> list[Item]:
    """The free values listed right before 'respectively' at `pos` ('5, 6 and 7%, respectively')."""
    run: list[Item] = []
    for it in reversed([i for i in items if i.end <= pos and free(i.start, i.end)]):
        nxt = run[0].start if run else pos
        if not re.fullmatch(r"\s*,?\s*(?:and\s+)?" if run else r"\s*,?\s*", text[it.end:nxt]):
            break
        run.insert(0, it)
    return run


def _respective(text, items, free, add) -> None:
    """'X, Y and Z were decreased (-64%, -37% and -46%, respectively)': as many values as
    measures listed before them, each value its own measure's (one finding per measure). When
    the counts differ the values are the groups' ('... with A, B and C were 5, 6 and 7,
    respectively') and _pairs reads them."""
    for resp in re.finditer(r"\brespectively\b", text):
        run = _respective_run(text, items, free, resp.start())
        if len(run) < 2:
            continue
        measure = _measure_before(text, run[0].start)
        members = [(text.find(m, max(0, run[0].start - 300)), m)
                   for m in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", measure) if m.strip()]
        verb = None
        for v in _rx()["measure_verb"].finditer(text, 0, run[0].start):
            verb = v
            break
        if len(members) != len(run) and verb:  # 'X, Y and Z were decreased in A (...)': the subject lists them
            members = [(ms, m) for ms, _, m, _ in _subjects(text, 0, verb.start())]
        if len(members) != len(run) or any(re.search(r"\d", m) or _rx()["GROUP_WORD"].search(m) for _, m in members) \
                or re.search(r"\s(?:with|in|among|for|receiving|given|after|on|between|versus|vs\.?)\s", members[0][1]):
            continue  # 'rates with A and B were 40% and 22%, respectively': the list names the groups
        for (at, member), it in zip(members, run):
            start = at if 0 <= at < it.start else it.start
            add(Found(start, it.end, member, text[it.start:it.end].strip(), "result.respective", unit=it.unit,
                      sd=it.sd, ci=it.ci), (it.start, it.end))


_LABEL_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_LIST_GAP = re.compile(r"\s*,?\s*(?:and\s+)?")


def _value_list(text: str, items: list[Item], free, end: int, gap: re.Pattern) -> list[Item]:
    """The free values listed ('A, B and C') with only `gap` between the last one and `end`."""
    run: list[Item] = []
    for it in reversed([i for i in items if i.end <= end and free(i.start, i.end)]):
        if not (_LIST_GAP.fullmatch(text[it.end:run[0].start]) if run else gap.fullmatch(text[it.end:end])):
            break
        run.insert(0, it)
    return run


def _listed_respectively(text, items, free, add) -> None:
    """Three values or more and as many groups or times, 'respectively': 'rates were 45%, 52%
    and 30% in the low-dose, high-dose and placebo groups, respectively', 'the rates with A, B
    and placebo were 40%, 35% and 12%, respectively', 'levels were 12 [8-20], 9 [6-14] and 5
    [3-9] at baseline, week 2 and week 6, respectively': each value its own finding; against
    the control group's value, or against the baseline value, when one of them is that."""
    rx = _rx()
    for resp in re.finditer(r"\brespectively\b", text):
        run, labels, lead = [], [], ""
        window = max(0, resp.start() - 160)
        for prep in reversed(list(re.finditer(r"\s(?:in|for|among|on|at|with|after|during|receiving)\s+(?:the\s+)?",
                                               text[window:resp.start()]))):
            tail = text[window + prep.end():resp.start()].rstrip(" ,")
            parts = [x for x in _LABEL_SPLIT.split(tail) if x.strip()]
            if len(parts) < 3 or re.search(r"[%±;()\[\]=]|\d+\s*/\s*\d", tail):
                continue
            run = _value_list(text, items, free, window + prep.start(),
                              re.compile(r"\s*(?:(?:in|for|among|with)\s+[^,;\d()]{1,40}?)?\s*"))
            if len(run) == len(parts):
                labels = parts
                break
        if not labels:
            run = _value_list(text, items, free, resp.start(), re.compile(r"\s*,?\s*"))
            lead = text[max(0, (run[0].start if run else 0) - 200):run[0].start] if len(run) >= 3 else ""
            verb = list(re.finditer(r"\s(?:were|was|are|is)\s+(?:\w+\s+)?$", lead))
            head = lead[: verb[-1].start()] if verb else ""
            for prep in reversed(list(re.finditer(r"\s(?:with|in|among|for|receiving)\s+(?:the\s+)?", head))):
                labels = [x for x in _LABEL_SPLIT.split(head[prep.end():]) if x.strip()]
                if len(labels) >= len(run) or re.search(r"[;:()]", head[prep.end():]):
                    break
            if len(labels) != len(run):
                continue
        if len(run) < 3 or any(i.threshold for i in run) or len({i.unit for i in run} - {None}) > 1:
            continue
        # 'in patients fed A, B and C': the groups' names
        labels = [re.sub(r"^(?:the|at|on|in|(?:patients|participants|subjects|those)\s+(?:fed|given|receiving|"
                         r"treated\s+with|on|in|with))\s+", "", x.strip(), flags=re.I) for x in labels]
        # 'The median [IQR] X': the bracket names the statistics, not the measure
        measure = re.sub(r"\s*[(\[](?:IQR|SD|SE|SEM|range|interquartile\s+range)[)\]]", "",
                         _measure_before(text, run[0].start), flags=re.I)
        if lead:  # 'the rates with A, B and C were': the groups are no part of the measure
            measure = re.split(r"\s(?:with|in|among|for|receiving|of)\s+(?:the\s+)?(?:" +
                               "|".join(re.escape(x) for x in labels[:1]) + r")", measure)[0]
        timed = all(re.search(r"\b(?:baseline|days?|weeks?|months?|years?|hours?|visits?|follow-up|end)\b", x, re.I)
                    for x in labels)
        base = next((k for k, x in enumerate(labels) if (rx["baseline"] if timed else rx["control_group"]).search(x)),
                    None)
        for k, it in enumerate(run):
            if k == base:
                continue
            value = text[it.start:it.end].strip()
            comp = text[run[base].start:run[base].end].strip() if base is not None else None
            extra = {"comparator_text": comp, "timepoint": labels[k]} if timed else \
                {"comparator_text": comp, "group": labels[k]}
            if timed and base is not None:
                extra["comparison"] = "within_group"
            add(Found(it.start, it.end, measure if timed or base is not None else f"{measure} ({labels[k]})",
                      value, "result.listed_respectively", comparator=_first_number(comp) if comp else None,
                      unit=it.unit, sd=it.sd, ci=it.ci, extra=extra), (it.start, it.end))
        # the control's or baseline's value is the others' comparator, and the labels after the values
        # ('at baseline, week 2 and week 6') are no values: both are taken
        add(Found(run[0].start, resp.end(), "", "", "result.listed_respectively", extra={"drop": True}),
            (run[0].start, resp.end()))


def _named_of_many(text, items, free, add) -> None:
    """'The rates with A, B, and C were 65, 56, and 34%, respectively (A vs. C, p = 0.006)': of
    three or more groups' values, the two the named comparison tests (value: the first group's,
    comparator: the second's), the groups read from the list before the values."""
    rx = _rx()
    for resp in re.finditer(r"\brespectively\b", text):
        cmp = rx["named_comparison"].match(text, resp.end())
        if not cmp:
            continue
        run = _respective_run(text, items, free, resp.start())
        if len(run) < 3:
            continue
        lead = _mask(text[: run[0].start])
        verb = list(re.finditer(r"\s(?:were|was|are|is)\s", lead))
        if not verb:
            continue
        clause = re.split(r"[;:]", lead[: verb[-1].start()])[-1]
        groups = [g for g in re.split(r",\s*(?:and\s+)?|\s+and\s+", clause) if g.strip()]
        if len(groups) != len(run):
            continue
        names = [_group_name(g) for g in groups]
        names[0] = names[0].split()[-1] if names[0].split() else names[0]  # 'The rates with A': A
        a, b = _position(names, cmp.group("g1")), _position(names, cmp.group("g2"))
        if a is None or b is None or a == b:
            continue
        first, second = run[a], run[b]
        unit = first.unit or second.unit
        value = text[first.start:first.end].strip()
        if unit == "%" and not first.unit:
            value += "%"
        measure = _measure_before(text, run[0].start)
        comp = text[second.start:second.end].strip()
        add(Found(run[0].start, run[-1].end, measure, value, "result.versus", comparator=_first_number(comp),
                  unit=unit, sd=first.sd, ci=first.ci, extra={"comparator_text": comp}), (run[0].start, run[-1].end))


def _group_list(text, items, free, add) -> None:
    """'Enablement = 0 in 56.8% of the A group, 18.4% B, 10.5% C', 'responders: 32.4% in A, 45.7% in B,
    63.2% in C': three or more percentages (or means with their SD), each followed by its group's name,
    one name at least a group's; each group's value against the control group's (or, with no control
    named, the first group's). Patterns: results.json "group_list_*"."""
    rx = _rx()
    live = [i for i in items if free(i.start, i.end) and not i.threshold and not i.dose]
    k = 0
    while k < len(live):
        run, labels = _labelled_run(text, live[k:])
        if len(run) < 3:
            k += 1
            continue
        k += len(run)
        control = next((j for j, g in enumerate(labels)
                        if rx["control_group"].search(g) or rx["group_list_none"].match(g)), 0)
        if not all(i.unit == "%" or i.sd is not None for i in run) \
                or not any(rx["GROUP_WORD"].search(g) for g in labels):
            continue  # '(149 SSI, 15 bacteremia, 28 both)': counts of kinds, no groups compared
        measure = _measure_before(text, run[0].start)
        if _no_measure(measure) or any(_GROUP_WORD_ONLY.fullmatch(g) for g in labels):
            continue
        base = run[control]
        comp = text[base.start:base.end].strip()
        for j, it in enumerate(run):
            if j == control:
                continue
            value = text[it.start:it.end].strip()
            add(Found(it.start, it.end, measure, value, "result.group_list", comparator=_first_number(comp),
                      unit=it.unit or base.unit, sd=it.sd, ci=it.ci,
                      extra={"comparator_text": comp, "group": labels[j]}), (it.start, it.end))


_GROUP_WORD_ONLY = re.compile(r"(?:the\s+)?(?:groups?|arms?|patients|participants|subjects|cases|controls?)", re.I)


def _labelled_run(text: str, live: list[Item]) -> tuple[list[Item], list[str]]:
    """The values from the first of `live` on that each have their group's name after them, in one list."""
    rx = _rx()
    run: list[Item] = []
    labels: list[str] = []
    label_end = 0
    for it in live:
        if run and (not _compatible(run[-1], it) or it.unit != run[0].unit):
            break
        if run:
            sep = rx["group_list_sep"].match(text, label_end)
            if not sep or sep.end() != it.start:
                break
        lab = rx["group_list_label"].match(text, it.end)
        if not lab:
            break
        run.append(it)
        labels.append(lab.group("label"))
        label_end = lab.end()
    return run, labels


def _group_name(written: str) -> str:
    """A group as a list or a comparison names it, without 'alone', 'treatment', 'group'."""
    name = _rx()["group_suffix"].sub("", written.strip()).strip().lower()
    return re.sub(r"^(?:the|a|an)\s+", "", name)


def _position(names: list[str], group: str) -> int | None:
    hits = [n for n, name in enumerate(names) if name == _group_name(group)]
    return hits[0] if len(hits) == 1 else None


def _share_outcome(text: str, pos: int) -> str | None:
    """What a share of patients reached: '40% of patients receiving X achieved ACR20 versus
    18% ...' is about ACR20."""
    m = _rx()["share_outcome"].match(text, pos) or _rx()["count_outcome"].match(text, pos)
    return _clean_measure(m.group("m")) if m else None


# a second subject with its value after 'and', the verb of the first left out ('X was 81% and the Y 90%')
_GAPPED = re.compile(r"\b(?:was|were)\s+[-−]?\d(?:[^;()]|\([^()]*\)){0,60}?,?\s+and\s+(?:the\s+)?"
                     r"(?P<m>(?!(?:in|for|with|at|of|to|on|by|after|during)\b)[A-Za-z][\w-]*"
                     r"(?:\s+(?!(?:was|were|is|are|for|with|at)\b)[\w-]+){0,3}(?<!\bin)(?<!\bof)(?<!\bto))\s+$")


# '-1.2 mg/l (P = 0.01) in the A group and -1.5 mg/l (P = 0.02) in the B group': a value with its own
# p-value in one group, another group's value after it; neither is the sentence's one value
_OTHER_GROUP_VALUE = re.compile(r"\s*\([^()]*\)\s*(?:in|among|with|for)\s+(?:the\s+)?[^,;()]{1,40}?\s*,?\s+and\s+"
                                r"(?:(?:in|among|with|for)\s+(?:the\s+)?[^,;()]{1,40}?\s+)?[-−+]?\d", re.I)


def _single(text, items, ps, free, add) -> None:
    """One value with its own p-value, or a change written as 'by X', 'to X', 'a X% increase'."""
    rx = _rx()
    for it in items:
        if it.threshold or not free(it.start, it.end):
            continue
        before = text[max(0, it.start - 80): it.start]
        after = text[it.end:]
        rule = None
        rated = None
        nc = rx["noun_change"].match(after)
        by = rx["by"].search(before)
        coord = None if by else rx["coordinated_by"].search(before)
        if coord and not rx["by_earlier"].search(text, 0, it.start - len(coord.group(0))):
            coord = None
        if by or coord:
            rule = "result.change_by"
        elif rx["to"].search(before):
            rule = "result.change_to"
        elif nc and re.search(r"\b(?:a|an|the|of)\s*$", before):
            rule = "result.change_noun"
        elif (nco := rx["noun_change_of"].search(text, 0, it.start)) and it.unit == "%" \
                and nco.end() == it.start:
            rule = "result.change_noun"  # 'reductions in the prevalence of X of 53%': the change's size
        elif re.match(r"\s*[,;]\s*", after) and any(p.start == it.end + re.match(r"\s*[,;]\s*", after).end()
                                                    for p in ps) and re.search(r"\(\s*$", before):
            rule = "result.value_p"
        elif it.sd is not None and it.unit and not re.match(r"(?:years?|months?|weeks?|days?|patients?)$", it.unit) \
                and re.search(r"[a-z]\s*\(\s*$", before) and re.match(r"\s*\)", after) \
                and rx["observed"].search(text) and not _before_treatment(text):
            rule = "result.value"  # 'hypokalaemia (3.4 ± 0.6 mmol/l) occurred in ...'
        elif re.search(r"\b(?:was|were)\s+$", before) and not _before_treatment(text) \
                and re.match(r"\s*(?:[A-Za-z]{1,3}\s*)?\(\s*[Pp]\s*[<=>≤]", after) \
                and not _OTHER_GROUP_VALUE.match(after):
            rule = "result.value"  # 'median improvement in X was 0.12 L (p < 0.001)'
        elif re.search(r"\b(?:was|were)\s+$", before) and not _before_treatment(text) and it.unit == "%" \
                and (re.match(r"\s*\(\s*\d+\s*/\s*\d+\s*\)", after)
                     or re.search(r"[(\[]\s*\d+(?:,\d{3})*\s*/\s*\d+(?:,\d{3})*\s*[)\]]$", text[it.start:it.end])):
            rule = "result.value_count"  # 'the overall incidence of X was 12.5% (5/40)': a rate with its count
        elif (cmp := rx["value_comparative"].match(after)) and not _before_treatment(before):
            rule = "result.value_comparative"  # 'X was 24% lower than at the start', '18% higher than in B'
        elif it.unit == "%" and (rv := rx["rate_value_before"].search(before)) \
                and not rx["rate_not_finding"].search(rv.group("m")) and not _before_treatment(text) \
                and not re.match(r"\s*(?:of\s+(?:the\s+)?(?:patients|participants|subjects|children|women|men)\b)",
                                 after):
            rule = "result.value"  # 'led to a success rate of 77.4%', 'the concordance ... was 71.6%'
            rated = rv.group("m")
        elif (gap := _GAPPED.search(before)) and not rx["GROUP_WORD"].search(gap.group("m")) \
                and not _before_treatment(text) \
                and any(not free(o.start, o.end) for o in items
                        if it.start - len(before) + gap.start() <= o.start < it.start - len(before) + gap.start("m")):
            rule = "result.value"  # 'the sensitivity was 81% and the specificity 90%': the verb is left out
            rated = gap.group("m")
        if not rule:
            continue
        end = it.end + (nc.end() if rule == "result.change_noun" and nc else 0)
        value = text[it.start:it.end].strip()
        if rule == "result.value_count":
            counted = re.match(r"\s*\(\s*\d+\s*/\s*\d+\s*\)", after)
            rule, end = "result.value", it.end + (counted.end() if counted else 0)
            value = re.sub(r"\s*[(\[][^()\[\]]*[)\]]$", "", value)  # the rate; its count is in the evidence
        if rule == "result.value_comparative":
            end = it.end + cmp.end("dir")
            value = f"{value} {cmp.group('dir')}"
            stats = re.match(r"\s*\(([^()]*)\)", text[end:])
            if stats and re.search(r"\bCI\b|confidence", stats.group(1)):  # '0.66% lower (95% CI 0.48–0.84)'
                ci_text = re.split(r"[,;]\s*[Pp]\b", stats.group(1))[0].strip()
                value = f"{value} ({ci_text})"
                end += stats.end()
        measure = _measure_after(text, end) if rule == "result.change_noun" else None
        if rule == "result.change_noun" and not nc:
            measure = _clean_measure(nco.group("m"))
        if coord:  # 'lowered X by 2% and Y by 4%': Y
            measure = _clean_measure(coord.group("obj"))
        elif rule == "result.change_by":  # 'reduced the number of awakenings by 14%': the object is the measure
            obj = re.sub(r"^\S+\s+|\s+by(?:\s+.*)?$", "", by.group(0).strip(), flags=re.S)
            obj = "" if obj.lower() == "by" else obj  # 'decreased by 0.8%': no object written
            obj = _clean_measure(obj) if obj != by.group(0).strip() else ""
            measure = obj if obj and not re.match(r"(?:significantly|markedly|slightly)$", obj) else None
        if rated:
            measure = _clean_measure(rated)
        if measure and _rx()["GROUP_WORD"].search(measure):
            measure = None  # 'in the active group' says where, not what
        if measure is None and by and rule == "result.change_by":
            # 'X was reduced in this group by 22 mg/dl': the subject of the verb before 'by'
            vpos = max(0, it.start - 80) + by.start()
            subject = re.sub(r"\s+(?:was|were|is|are|has\s+been|have\s+been)$", "", _measure_before(text, vpos))
            measure = subject if subject != "value" and not rx["GROUP_WORD"].search(subject) else None
        add(Found(it.start, end, measure or _measure_before(text, it.start), value, rule,
                  unit=it.unit, sd=it.sd, ci=it.ci))


def _value_run(text, items, free, add) -> None:
    """'The concentrations in the placebo group were 21.6 ng/ml [16.9-28.7], 13.9 ng/ml [12.0-19.5]
    and 17.8 ng/ml [13.6-20.9]': three values or more listed after the verb, with no groups or
    times named for them (the sentence before named those), are each a finding of the measure."""
    rx = _rx()
    if _before_treatment(text):
        return
    live = [i for i in items if free(i.start, i.end) and not i.threshold]
    k = 0
    while k < len(live):
        run = [live[k]]
        while k + len(run) < len(live) and re.fullmatch(r"\s*,\s*(?:and\s+)?|\s*,?\s+and\s+",
                                                        text[run[-1].end:live[k + len(run)].start]):
            run.append(live[k + len(run)])
        k += len(run)
        if len(run) < 3 or not re.search(r"\b(?:was|were)\s+$", text[:run[0].start]) \
                or len({i.unit for i in run} - {None}) > 1 \
                or not all(i.sd is not None or i.ci or i.unit and not i.dose
                           and i.unit not in ("days", "weeks", "months", "years", "hours") for i in run) \
                or rx["values_as_labels"].match(text, run[-1].end) \
                or re.match(r"\s*,?\s*respectively", text[run[-1].end:]):
            continue
        measure = _measure_before(text, run[0].start)
        for it in run:
            add(Found(it.start, it.end, measure, text[it.start:it.end].strip(), "result.value_list",
                      unit=it.unit, sd=it.sd, ci=it.ci))


def _responders(text, free, add) -> None:
    rx = _rx()
    if not rx["responder_cue"].search(text):
        return
    for m in rx["fraction"].finditer(text):
        if not free(m.start(), m.end()):
            continue
        n, d = to_int(m.group("n")), to_int(m.group("d"))
        if re.search(r"\b(?:day|week|month|visit|D|W|M)\s*$", text[: m.start()], re.I):
            continue  # 'Day 30/45' is a time
        if n is None or d is None or not 0 <= n <= d or d < 2:
            continue
        add(Found(m.start(), m.end(), _reached(text, m), f"{n}/{d}", "result.fraction"))
    for m in rx["percent"].finditer(text):
        if not free(m.start(), m.end()):
            continue
        n, pct = to_int(m.group("n")), to_number(m.group("pct"))
        if not n or not pct:
            continue
        d = round(n * 100 / pct)
        add(Found(m.start(), m.end(), _reached(text, m), f"{n}/{d} ({m.group('pct')}%)",
                  "result.percent"))


# -- values stated without a test, where a paper reports its findings ---------------------------
def _before_treatment(text: str) -> bool:
    """The text speaks of the groups before treatment ('at baseline', 'aged', 'characteristics'),
    so its values describe who was enrolled; baseline named only as the point a change is measured
    from ('the change from baseline in X was -0.8%') reports a finding (results.json "baseline_reference")."""
    rx = _rx()
    if not rx["baseline"].search(text):
        return False
    masked = rx["baseline_reference"].sub(lambda m: " " * len(m.group(0)), text)
    return rx["baseline"].search(masked) is not None


def _values_without_statistics(text, items, free, add) -> None:
    """The classes of finding a results part states without a p-value (the cue words are data:
    results.json "group_values_*", "copula_value_*", "occurred_in_*", "percent_adjective*")."""
    if _before_treatment(text) or _rx()["values_baseline"].search(text):
        return  # the groups before treatment, or how old the patients were
    _group_values(text, items, free, add)
    _percent_adjective(text, items, free, add)
    _occurred_in(text, items, free, add)
    _patients_with_outcome(text, items, free, add)
    _coordinated_to(text, items, free, add)
    _event_counts(text, items, free, add)
    _change_of(text, items, free, add)
    _copula_value(text, items, free, add)


def _bind_new_p(text: str, found: list[Found], known: int, ps: list[Mention]) -> None:
    """The p-value of each finding added after the first `known` ones: the first after it, in
    its clause, before the next finding (the others keep the p-values they were given)."""
    starts = sorted(f.start for f in found)
    for f in found[known:]:
        nxt = next((s for s in starts if s > f.start), len(text))
        f.p = next((p for p in ps if f.end <= p.start < max(nxt, f.end + 1) and p.start - f.end < 160
                    and _same_clause(text, f.end, p.start)), None)


def _without_stat_brackets(measure: str) -> str:
    """'time effect (p < 0.05) for soreness' → 'time effect for soreness': a test is no part of a name."""
    return re.sub(r"\s*[(\[][^()\[\]]*\b[Pp]\s*[<=>≤≥][^()\[\]]*[)\]]", "", measure).strip()


def _bracket_end(text: str, pos: int) -> int:
    """Past the bracket that holds the value at `pos`, if the value opened one."""
    close = re.match(r"\s*[)\]]", text[pos:])
    return pos + close.end() if close and _depth(text, pos) > 0 else pos


def _no_measure(measure: str) -> bool:
    """A measure that names no finding's quantity: nothing, a group, a population count, a time."""
    rx = _rx()
    return measure == "value" or not re.search(r"[A-Za-z]{2}", measure) or bool(
        rx["GROUP_WORD"].fullmatch(measure.strip()) or rx["copula_not_measure"].search(measure)
        or rx["demographic_measure"].match(measure.strip()) or rx["measure_junk"].match(measure))


def _group_values(text, items, free, add) -> None:
    """'X was 4.1% (0.85%/year) in the A group and 4.2% (0.84%/year) in the B group', 'X was
    40 min for A (IQR 30-60) and 49 min for B', 'X was 21% ± 6 and for B, 5% ± 5': each group's
    value with its own group named, whatever bracket follows a value; the first against the second."""
    rx = _rx()
    live = [i for i in items if free(i.start, i.end) and not i.threshold and not i.dose]
    for a in live:
        if not free(a.start, a.end) or not rx["group_values_before"].search(text, max(0, a.start - 40), a.start):
            continue
        gap = rx["group_values_gap"].match(text, a.end)
        b = next((i for i in live if gap and i.start == gap.end()), None)
        if b is None or not _compatible(a, b) or not (gap.group("g1") or gap.group("g1b") or gap.group("g2")) \
                or not free(a.start, b.end):
            continue
        after = rx["group_values_after"].match(text, b.end) if not gap.group("g2") else None
        if not gap.group("g2") and after is None:
            continue  # 'was 12 in A and 14': the second value names no group
        measure = _measure_before(text, a.start)
        colon = re.search(r":\s*$", text[:a.start])
        if colon and _unnamed(measure) is not None:  # 'Mean X at 6 months: 132 in A, 138 in B'
            measure = _clean_measure(re.split(r"[;,.(]\s*", text[:colon.start()])[-1])
        if _no_measure(measure):
            continue
        comp = text[b.start:b.end].strip()
        end = _bracket_end(text, b.end)
        add(Found(a.start, end, measure, text[a.start:a.end].strip(), "result.group_values",
                  comparator=_first_number(comp), unit=a.unit or b.unit, sd=a.sd, ci=a.ci,
                  extra={"comparator_text": comp}), (a.start, end))


def _bracket_change(text, items, free, add) -> None:
    """'X increased from baseline to follow-up (2% to 65%, p < 0.001)', 'no change in X in
    group I (0.3 ± 0.8 to 0.5 ± 0.7, p = 0.62)': a bracket that holds a value before and one after,
    in a sentence that speaks of a change; the later value is the finding, the earlier its comparator."""
    rx = _rx()
    if not rx["bracket_change_cue"].search(text) or rx["baseline_sentence"].match(text):
        return
    live = [i for i in items if free(i.start, i.end) and not i.threshold]
    last = None  # the measure of the change before, for a second arm's bracket
    for a, b in zip(live, live[1:]):
        if not rx["bracket_change_open"].search(text, max(0, a.start - 8), a.start) or not _compatible(a, b) \
                or not rx["bracket_change_to"].fullmatch(text, a.end, b.start) \
                or not rx["bracket_change_close"].match(text, b.end) or not free(a.start, b.end):
            continue
        opened = _open_bracket(text[:a.start])
        group = rx["bracket_change_group"].search(text, 0, opened)  # 'in group I (...': the measure is before
        pos = group.start() if group else a.start
        relative = re.search(r"\s*,?\s*\b(?:which|that)\s+[a-z]+$", text[:pos])  # 'X, which increased in A (...'
        measure = _without_stat_brackets(_measure_before(text, relative.start() if relative else pos))
        if last and rx["bracket_change_coordinated"].search(text, max(0, a.start - 60), a.start):
            measure = last  # 'in both A (1 to 5) and B (1 to 6)': B is the second arm of the same measure
        if _no_measure(measure) or rx["GROUP_WORD"].search(measure):
            continue
        last = measure
        before = text[a.start:a.end].strip()
        add(Found(a.start, b.end, measure, text[b.start:b.end].strip(), "result.bracket_change",
                  comparator=_first_number(before), unit=b.unit or a.unit, sd=b.sd,
                  extra={"comparator_text": before}), (a.start, b.end))


def _bracket_delta(text, items, found, free, add) -> None:
    """'A reduced X (-0.9 mmol/l) and Y (-1.8 kg)', 'reductions from baseline in X (-1.07 to
    -1.47 mmol/l)': a signed change alone in a bracket right after its measure, in a sentence
    that speaks of a change. Each bracket is the finding of the measure written before it (the
    verb in words says the direction; the bracket says how much)."""
    rx = _rx()
    if rx["baseline_sentence"].match(text):
        return
    cued = rx["bracket_change_cue"].search(text) or rx["bracket_delta_cue"].search(text)
    for i in items:
        if i.threshold or not free(i.start, i.end) \
                or not rx["bracket_delta_open"].search(text, max(0, i.start - 3), i.start):
            continue
        # '(6.0% increase)': a percentage whose bracket says its direction, with or without a change word
        worded = rx["bracket_delta_pct_close"].match(text, i.end) if i.unit == "%" else None
        if not worded and not (cued and rx["bracket_delta_value"].match(text[i.start:i.end])
                               and rx["bracket_delta_close"].match(text, i.end)):
            continue
        opened = _open_bracket(text[:i.start])
        # the finding in words whose measure holds the bracket, else the phrase before it
        named = [f for f in found if f.extra.get("mend") is not None and f.start <= opened
                 and (f.extra["mend"] >= i.end or not text[f.extra["mend"]:opened].strip())]
        if named:
            measure = min(named, key=lambda f: f.extra["mend"]).measure
        elif rx["bracket_delta_not_after"].match(text, _bracket_end(text, i.end)):
            continue  # 'the A (-0.7) and B (-0.8) groups showed ...': the phrase is a group's name
        else:
            measure = _phrase_before(text, opened)
        if not measure or _no_measure(measure) or rx["GROUP_WORD"].search(measure) or re.search(r"\d", measure):
            continue
        end = worded.end("dir") if worded else i.end
        if worded:  # 'and raised HDL cholesterol (8% increase)': the verb says the direction, not the measure
            measure = re.sub(r"^(?:raised|lowered|increased|decreased|reduced|improved|worsened)\s+", "", measure)
        add(Found(i.start, end, measure, text[i.start:end].strip(), "result.bracket_delta",
                  unit=i.unit, sd=i.sd), (i.start, end))


def _phrase_before(text: str, pos: int) -> str | None:
    """The noun phrase that ends at `pos`, back to the preposition, conjunction or punctuation
    that opens it ('reductions in [fasting glucose] (', 'and [body weight] ('); None when a verb
    sits in it (then it is a clause, not a name)."""
    m = _rx()["bracket_delta_phrase"].search(text, 0, pos)
    if not m:
        return None
    phrase = re.sub(r"^(?:the|a|an|their|its|mean|median)\s+", "", m.group("p"), flags=re.I)
    return None if _rx()["measure_verb"].search(phrase) else phrase


def _percent_adjective(text, items, free, add) -> None:
    """'had a 39% lower mortality risk', 'a non-significant 46% reduced odds of death', 'and 54%
    reduction in X': a percentage change written before the noun phrase it changes."""
    rx = _rx()
    for it in items:
        if it.unit != "%" or it.threshold or not free(it.start, it.end):
            continue
        m = rx["percent_adjective"].match(text, it.end)
        if not m or not rx["percent_adjective_before"].search(text, max(0, it.start - 40), it.start):
            continue
        measure = _clean_measure(m.group("m"))
        if _no_measure(measure):
            continue
        add(Found(it.start, m.end("dir"), measure, f"{text[it.start:it.end].strip()} {m.group('dir')}",
                  "result.percent_adjective", unit="%", ci=it.ci), (it.start, m.end()))


def _occurred_in(text, items, free, add) -> None:
    """'X occurred in 45% of patients', 'X was observed in 12 (8%) patients in the A group':
    how often an outcome was seen, as a share or a count of a total."""
    rx = _rx()
    for it in items:
        if it.threshold or not free(it.start, it.end) or not (it.unit == "%" or it.count_pct):
            continue
        verb = rx["occurred_in_before"].search(text, max(0, it.start - 60), it.start)
        if not verb or not rx["occurred_in_after"].match(text, it.end):
            continue
        measure = _measure_before(text, verb.start())
        if _no_measure(measure):
            continue
        add(Found(it.start, _bracket_end(text, it.end), measure, text[it.start:it.end].strip(), "result.occurred_in",
                  unit=it.unit, sd=it.sd, ci=it.ci))


def _patients_with_outcome(text, items, free, add) -> None:
    """'12 patients (24%) had a relapse', '58% of patients in the A group achieved remission':
    how many reached an outcome, the outcome named by the verb phrase after the count."""
    rx = _rx()
    for it in items:
        if it.threshold or not free(it.start, it.end) or not (it.count_pct or it.unit == "%"):
            continue
        bracket = it.unit == "%" and rx["share_in_bracket_before"].search(text, max(0, it.start - 80), it.start) \
            and re.match(r"\s*[)\]]", text[it.end:])
        if bracket:  # 'Most patients (85%) preferred X': the share of a quantifier, the outcome after the bracket
            m = rx["count_outcome_after"].match(text, it.end + re.match(r"\s*[)\]]", text[it.end:]).end())
        else:
            m = rx["share_outcome"].match(text, it.end) if it.unit == "%" \
                else rx["count_outcome_after"].match(text, it.end)
        verb = re.search(r"\b[a-z]+(?:\s+(?:an?\s+|the\s+)?|\s*)$", text[:m.start("m")]) \
            if m and it.unit == "%" and not bracket else None
        said = text[verb.start():m.end()] if verb else m.group("m").strip() if m else ""
        if not m or not rx["outcome_of_count_verb"].match(said):
            continue  # '23 (21%) had had a stroke', '476 (87%) continued': who they were, not what they reached
        # 'preferred X', 'relapsed': the verb says what was measured
        measure = rx["outcome_of_count_verb"].sub("", m.group("m").strip(" .")) \
            if not rx["verb_names_outcome"].match(said) else said.strip(" .")
        measure = _clean_measure(re.sub(r"\s+(?:during|at|after|over|by|within|throughout)\b.*$", "", measure))
        if _no_measure(measure):
            continue
        add(Found(it.start, it.end, measure, text[it.start:it.end].strip(), "result.patients_with_outcome",
                  unit=it.unit, sd=it.sd, ci=it.ci), (it.start, m.end()))


def _coordinated_to(text, items, free, add) -> None:
    """'X fell to 128 mmHg in A and to 135 mmHg in B': the second value a change reached, its verb
    left out after 'and to', against the first; the measure is the subject of the verb."""
    rx = _rx()
    for it in items:
        if it.threshold or not free(it.start, it.end):
            continue
        m = rx["coordinated_to"].search(text, max(0, it.start - 160), it.start)
        if not m:
            continue
        measure = _measure_before(text, m.start("verb"))
        first = next((o for o in items if m.start("verb") < o.start < it.start), None)
        if _no_measure(measure) or first is None or not _compatible(first, it):
            continue
        comp = text[first.start:first.end].strip()  # the first group's value, the other side of the comparison
        add(Found(it.start, it.end, measure, text[it.start:it.end].strip(), "result.change_to",
                  comparator=_first_number(comp), unit=it.unit, sd=it.sd, ci=it.ci,
                  extra={"comparator_text": comp}))


def _copula_value(text, items, free, add) -> None:
    """'The median X was 11 (range 7 to 18)', 'Mean X in the A group was 36.1 ± 6.1 ng/ml':
    one value that closes its clause after 'was', with at most its bracket, a group and a time, or
    before another clause that gives another measure its value ('..., and the mean Y (was) 3.1 L')."""
    rx = _rx()
    read: list[Found] = []
    for it in items:
        if it.threshold or not free(it.start, it.end) or it.dose \
                or it.unit in _COUNT_UNITS[1:]:
            continue  # 'were 2 patients': a number of people, no value of a measure
        ranged = rx["copula_range_rest"].match(text, it.end) \
            if rx["copula_range_before"].search(text, max(0, it.start - 40), it.start) else None
        end = ranged.end() if ranged else it.end  # 'X was in the range 4-6%': the range is the value
        digits = re.match(r"[-−+]?\d+(?:[.,·]\d+)?", text[it.start:]) \
            if it.unit and re.fullmatch(r"[a-z]+s", it.unit) and not ranged else None  # '1.2 episodes per ...'
        rate = rx["rate_unit_after"].match(text, it.start + digits.end() if digits else end) \
            if it.unit is None or digits else None
        end = rate.end() if rate else end  # '1.2 episodes per child-year': the rate's unit is the value's
        judged = rx["copula_judged_before"].search(text, max(0, it.start - 50), it.start)
        closed = rx["copula_judged_close"].match(text, end) if judged and judged.group(0).rstrip()[-1] in "([" \
            else None
        if not rx["copula_value_after"].match(text, closed.end() if closed else end) \
                or judged and judged.group(0).rstrip()[-1] in "([" and not closed:
            continue
        if judged:  # 'Compliance was high (92%)': the value after the word that judges it
            measure = _measure_before(text, judged.start())
        elif ranged:
            measure = _measure_before(text, rx["copula_range_before"].search(text, max(0, it.start - 40),
                                                                              it.start).start())
        elif cb := rx["copula_value_before"].search(text, max(0, it.start - 40), it.start):
            # 'X (A plus B) numbered 29': the subject of a verb other than 'was' is read before the verb
            measure = _subject_before_verb(text, cb.start()) if cb.group("verb") else _measure_before(text, it.start)
        else:
            # 'X was 2.4 L and the mean Y 3.1 L': the verb left out, after a value this rule read
            gap = _GAPPED.search(text, max(0, it.start - 120), it.start)
            if not gap or rx["GROUP_WORD"].search(gap.group("m")) \
                    or not any(gap.start() < f.start < gap.start("m") for f in read):
                continue
            measure = _clean_measure(gap.group("m"))
        if not measure or _no_measure(measure):
            continue
        read.append(Found(it.start, end if closed else _bracket_end(text, end), measure, text[it.start:end].strip(),
                          "result.copula_value", unit=it.unit, sd=it.sd, ci=it.ci))
        add(read[-1])


def _subject_before_verb(text: str, pos: int) -> str:
    """The subject of the verb at `pos`; a bracket that explains it ('Treatment failures (relapses
    plus deaths) numbered 29') is left out."""
    prefix = text[:pos].rstrip()
    if prefix.endswith(")"):
        opened = _open_bracket(prefix[:-1])
        if opened >= 0:
            return _measure_before(text, opened)
    return _measure_before(text, pos)


def _change_of(text, items, free, add) -> None:
    """'there was a mean weight gain of 210 g in A and of 150 g in B', 'an improvement of 0.06 L
    (95% CI ...) was seen with X': the size of a change written after its noun and 'of'
    (results.json "change_of_*"); the measure is what the change is in, written after the value,
    else the change's own noun phrase ('mean weight gain')."""
    rx = _rx()
    if rx["change_of_not"].search(text):
        return  # a threshold, a scale's step or a model's prediction in the sentence
    last: str | None = None  # the measure of the change read before ('... of 210 g in A and of 150 g in B')
    for it in items:
        if it.threshold or it.dose or not free(it.start, it.end):
            continue
        m = rx["change_of_before"].search(text, max(0, it.start - 100), it.start)
        if not m or rx["change_of_not_after"].match(text, it.end) or m.group("m") is None and last is None:
            continue
        after = rx["change_of_after"].match(text, it.end)
        named = _clean_measure(after.group("x")) if after else None
        if named and (rx["GROUP_WORD"].search(named) or _no_measure(named) or _arm_like(named)):
            named = None  # 'in the salt group', 'in those given X': where, not what
        measure = named or (_clean_measure(m.group("m")) if m.group("m") else last)
        if not measure or _no_measure(measure):
            continue
        last = measure
        end = it.end + len(after.group("rest") or "") if after else it.end  # '25-30% in X': the range is the value
        add(Found(it.start, _bracket_end(text, end), measure, text[it.start:end].strip(), "result.change_of",
                  unit=it.unit, sd=it.sd, ci=it.ci))


def _arm_like(phrase: str) -> bool:
    """'those given X', 'the patients fed Y': people named by what they received, no measure."""
    return re.match(r"(?:those|patients|participants|subjects|children|women|men|infants|people)\b", phrase.strip(),
                    re.I) is not None


def _event_counts(text, items, free, add) -> None:
    """'323 deaths, 81 strokes and 130 cancers occurred', '49 events met the primary endpoint':
    counts of events listed before one verb that says they happened (results.json "event_count_*");
    each count is a finding of the noun phrase after it. Counts of people are no events."""
    rx = _rx()
    live = [i for i in items if free(i.start, i.end) and not i.threshold]
    run: list[tuple[Item, re.Match]] = []
    joined = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
    refused = -1  # where a count of people (or of no event) ended: the counts listed with it are no events
    for it in live:
        worded = it.unit is not None and re.fullmatch(r"[a-z]+s", it.unit) is not None \
            and it.unit not in _COUNT_UNITS and not _TIME_UNIT.match(it.unit)  # '31 episodes'
        count = (it.unit is None or worded) and not it.count_pct and float(it.value).is_integer() \
            and text[it.start:it.end].strip()[:1].isdigit()
        digits = re.match(r"\d+(?:,\d{3})*", text[it.start:]) if count else None
        m = rx["event_count_item"].match(text, it.start + digits.end() if worded else it.end) if digits else None
        if not m or rx["event_count_not"].search(m.group("m")) \
                or refused >= 0 and joined.fullmatch(text[refused:it.start]):
            people = it.unit in _COUNT_UNITS[1:] or m is not None or refused >= 0 and count
            run, refused = [], (m.end() if m else it.end) if people else -1
            continue
        if run and not joined.fullmatch(text[run[-1][1].end():it.start]):
            run = []
        run.append((it, m))
        verb = rx["event_count_verb"].match(text, m.end())
        if not verb:
            continue
        if not re.search(r"(?:^|[,;:]\s*|\b(?:and|then|overall|total|all)\s+)$", text[:run[0][0].start]):
            run = []  # 'of the 40 tests 12 samples were ...': the count is part of another phrase
            continue
        for one, named in run:
            measure = named.group("m")
            if verb.group("ep"):  # '49 events met the primary endpoint'
                measure = f"{measure} meeting the {verb.group('ep')}"
            value = re.match(r"\d+(?:,\d{3})*", text[one.start:]).group(0)  # '31 episodes': the count
            add(Found(one.start, named.end(), measure, value, "result.event_count"))
        run = []


def _events_among(text, free, add) -> None:
    """'12 relapses occurred among the 150 patients in the A group, and 20 among 148 in the B
    group': each group's count of events with its denominator (results.json "events_among")."""
    for m in _rx()["events_among"].finditer(text):
        n, k = to_int(m.group("n")), to_int(m.group("k"))
        if n is None or k is None or not free(m.start(), m.end()) or n > int(m.group("d")) or k > int(m.group("l")):
            continue
        add(Found(m.start(), m.end(), m.group("m"), f"{n}/{m.group('d')}", "result.events_among",
                  comparator=str(k), extra={"comparator_text": f"{k}/{m.group('l')}",
                                                  "comparison": "between_group"}))


_CLAUSE_BREAK = re.compile(r";|,\s*(?:whereas|while|but|although|though)\b|\s(?:whereas|while)\s|"
                           r"(?<=\))\s*,\s*and\s+(?=(?:the|this|that|these|there)\b)|"
                           r"\s+and\s+(?=(?:had|has|have|showed|demonstrated|resulted|led|was|were)\s)", re.I)


# a comma that opens another clause, not a phrase that still qualifies the finding before it
# ('..., in comparison with placebo (p = 0.016)', '..., respectively', '..., p = 0.03')
_NEW_CLAUSE_COMMA = re.compile(r",\s*(?=[A-Za-z])(?![Pp]\b|[Pp][\s-]*values?\b|(?:in|compared|relative|versus|vs|as|"
                               r"with|at|after|during|over|by|from|than|respectively|when|both|all|each|either|"
                               r"particularly|especially|mainly|only|but\s+not|suggesting|indicating|"
                               r"reflecting)\b)", re.I)


def _qualitative(text, found, ps, free, add, restating: bool = False, arms: frozenset[str] = frozenset(),
                 claims: bool = False, reports: bool = False) -> None:
    """Significance and direction in words, one finding per measure named."""
    rx = _rx()
    if not rx["words_cue"].search(text):
        return
    cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text) if _depth(text, m.start()) == 0] + [len(text)]
    clauses = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    numeric = [(f.start, f.end) for f in found]
    # pattern by pattern (an earlier pattern wins a span); a predicate that leans on the finding
    # before it ('... improved over time but did not differ') waits until all others are read
    specs = rx["qualitative"]
    queue = [(m, specs[i]) for i, scan in rx["qualitative_index"].offered(text) for m in scan.finditer(text)]
    deferred: list[tuple[re.Match, tuple]] = []
    final = False
    while queue:
        for m, (name, where, q, prefix, transitive) in queue:
            if not free(m.start(), m.end()):
                continue
            cs, ce = next(((a, b) for a, b in clauses if a <= m.start() < b), (0, len(text)))
            # 'although X did not change, Y decreased from 5 to 3': a comma after the predicate
            # ends what it says, and the numbers after it are another finding's
            comma = _NEW_CLAUSE_COMMA.search(text, m.end(), ce)
            ne = comma.start() if comma and _depth(text, comma.start()) == 0 else ce
            if any(a < ne and cs < b for a, b in numeric):
                continue  # the clause has its numbers: they are the finding
            opts = rx["qualitative_options"][name]
            claim = claims and opts["claim"]
            # where an abstract concludes, a restating pattern reads a finding too: kept only when the
            # results before name no such measure (extract() drops it otherwise, as it drops claims)
            restated = restating and opts["restates"] and not claim and claims and opts["conclusion_new"]
            if restating and opts["restates"] and not claim and not restated or opts["claim_only"] and not claims \
                    or opts["reports_only"] and not reports:
                continue
            if restated and not final:  # read after every other pattern: a span they read is theirs
                deferred.append((m, (name, where, q, prefix, transitive)))
                continue
            if (claim or restated) and rx["claim_hedge"].search(text, cs, m.end()):
                continue  # 'X may improve Y', 'X appears to be safe': a conclusion hedged, no finding
            lead_in = max([cs] + [i + 1 for i in (text.rfind(c, cs, m.start()) for c in ",;:") if i >= 0])
            if rx["baseline_subject"].search(text, lead_in, m.start()):
                continue  # 'Baseline characteristics showed no difference in age, ...': the groups before treatment
            if rx["people_alike"].fullmatch(text, lead_in, m.end()):
                continue  # 'The patients were similar among the groups': the groups before treatment
            if opts["not_after"] and opts["not_after"].search(text, 0, m.start()) \
                    or opts["requires"] and not opts["requires"].search(text) \
                    or opts["excludes"] and opts["excludes"].search(text):
                continue  # 'an increased risk', 'with improved X': a modifier, not the predicate
            # a claim read where the paper concludes has one of the trial's arms as its subject
            claimed = claim and (restating and opts["restates"] or opts["claim_only"])
            if (opts["subject_arm"] or claimed) and not _arm_subject(text[lead_in:m.start()], arms, claims):
                continue  # 'Simvastatin increased X': only an arm of the trial as the subject makes it a finding
            vg = next((g for g in ("val", "val2") if g in q.groupindex and m.group(g)), None)
            vstart, vend = (m.start(vg), m.end(vg)) if vg else (m.start(), m.end())
            value = ("no " if vg == "val2" and where != "inner" else prefix) + re.sub(
                r"\s+", " ", re.sub(r"\s*\([^()]*\)", "", text[vstart:vend])).strip()  # '(p < 0.05)' is no part of it
            obj = re.match(r"\s+(?:(?:in|on|to)\s+(?!(?:the\s+)?"
                           r"(?:(?!(?:between|among|across|and|or|with|of|in|for|at)\b)[\w+/-]+\s+){0,3}?"
                           r"(?:groups?|arms?|cohorts?)\b))?"
                           r"(?!(?:the\s+)?(?:two\s+|three\s+)?groups?\b|both\b|either\b|all\b|"
                           r"only\s+(?:at|on|after|during|between|when|from|by|until)\b|"  # 'differed ... only at t1'
                           r"in\b|on\b|to\b|from\b|by\b|after\b|before\b|at\b|with\b|over\b|during\b|between\b|among\b|"
                           r"across\b|within\b|throughout\b|for\b|compared\b|"
                           r"than\b|and\b|or\b|but\b|when\b|while\b|statistically\b|significantly\b|as\b|relative\b)(?=[a-zA-Z])",
                           text[m.end():], re.I)  # 'in Group B' names a group, not an object
            own = _subjects(text, cs, m.start()) if where == "subject" and transitive and obj \
                and re.match(r"\s+(?:in|on|to)\s", text[m.end():]) \
                and _POPULATION_END.search(text[m.end():ne].rstrip(" .")) else []
            if own and not any(rx["GROUP_WORD"].search(x[2]) for x in own):
                measures = own  # 'Irisin increased significantly in statin-treated subjects': the subject is measured
            elif where == "subject" and transitive and obj:
                measures = _objects(text, m.end() + obj.end(), ce)
            elif where == "after":
                measures = _objects(text, m.end(), ce)
                who = re.match(r"(patients|participants|subjects|children|women|men|people)\b", measures[0][2]) \
                    if measures else None
                got = who and re.compile(r"\b(?:developed|had|experienced|reported|achieved|reached|required|"
                                         r"needed|showed|suffered\s+from)\s+").search(text, measures[0][1], ce)
                if got:  # 'significantly more patients ... developed X': the finding is about X
                    value = f"{value} {who.group(1)}"
                    measures = _objects(text, got.end(), ce)
                if measures and all(rx["bare_head"].fullmatch(x[2]) for x in measures):
                    measures = _subject_measure(text, cs, m.start()) or measures
            elif where in ("subject", "subject_or_none"):
                ds = rx["difference_subject"].search(text, cs, m.start())
                if ds and re.fullmatch(r"\W*(?:[A-Za-z]+\s*,\s*)?", text[cs:ds.start()]):
                    # 'The differences between arms for X and Y were ...': the list after the preposition
                    measures = _objects(text, ds.end(), m.start())
                else:
                    measures = _subjects(text, cs, m.start())
                pronoun = rx["pronoun_subject"].fullmatch(text, cs, m.start()) if not measures else None
                if pronoun:
                    measures = _named_before(found, pronoun.start("it"))
                lead = text[max(0, cs - 8):m.start()]  # with the ', but' that may open the clause
                prev = [f for f in found if f.extra.get("pred") is not None and f.extra["pred"] < m.start()]
                leans = not measures and re.search(r"\b(?:but|and|yet)\s+(?:(?:the|this|these|that)\s+)?"
                                                   r"(?:differences?\s*)?$", lead, re.I)
                if leans and not final:
                    deferred.append((m, (name, where, q, prefix, transitive)))
                    continue
                if leans and prev:
                    last = max(f.extra["pred"] for f in prev)
                    for f in prev:  # '..., but the difference was not significant': the finding before, qualified
                        if f.extra["pred"] == last and re.search(r"differences?\s*$", lead, re.I):
                            f.value = f"{f.value}; {value}"
                            f.end = max(f.end, vend)
                    if re.search(r"differences?\s*$", lead, re.I):
                        continue
                    # '... improved over time but did not differ between groups': the same subject
                    measures = [(f.start, f.end, f.measure, None) for f in prev if f.extra["pred"] == last]
                elif not measures:
                    diff = re.search(r"\b(?P<d>differences?\s+(?:between|among)\s+[^,;()]{3,60}?)\s*$", lead, re.I)
                    if diff:  # 'The differences between the two arms were not significant'
                        at = max(0, cs - 8)  # where `lead` starts
                        measures = [(at + diff.start("d"), at + diff.end("d"), diff.group("d"), None)]
                if not measures and re.search(r"\band\s*$", lead) and _depth(text, cs) == 0:
                    # 'X are summarised in Table 5, and were not different': the subject of the clause before
                    shared = _measure_before(text, max(0, text.rfind("and", 0, m.start())))
                    if shared != "value" and not re.search(r"\d", shared) and not _ANAPHORA.match(shared):
                        measures = [(m.start(), m.end(), shared, None)]
                if where == "subject_or_none" and re.search(r",\s*with\s*$", text[cs:m.start()]):
                    measures = []  # '..., which increased in both arms, with no differences between arms': no subject
                if not measures and where == "subject_or_none":
                    before = _measure_before(text, m.start())
                    between = re.match(r"[^,;()]*?(?=\s(?:was|were|is|are)\b|[,;(]|\.?\s*$)", text[m.end() - 7:ce])
                    if before != "value" and not re.search(r"\d", before) and not _ANAPHORA.match(before) \
                            and not rx["measure_verb"].search(before) \
                            and not re.fullmatch(r"(?:with|and|but|or|in|of|for|to|by|as|also)", before, re.I):
                        measures = [(m.start(), m.end(), before, None)]
                    elif between and len(between.group(0).split()) <= 12:  # what was compared
                        measures = [(m.start(), m.end() - 7 + between.end(), "difference " + between.group(0).strip(),
                                     None)]
            elif where == "coordinated":  # the subject of the finding just before, in this clause
                prev = [f for f in found if cs <= f.start and f.end <= m.start() and f.rule.startswith("result.")
                        and not re.search(r"\d", f.value)]
                measures = [(prev[-1].start, prev[-1].end, prev[-1].measure, None)] if prev else []
            elif where == "evaluated":  # 'A is effective in controlling X', 'A was safe in adults'
                measures = _evaluated_measures(text, m, ce, opts["verb_noun"])
            elif where == "verb_noun":  # 'A scored lower than B (on X)': X, else what the verb measures
                measures = _verb_noun_measures(text, m, ce, opts["verb_noun"])
            elif where == "phrase":  # 'no correlation between X and Y': the relation between both, one measure
                measures = [(m.start("m"), m.end("m"), _relation_measure(value, m.group("m")), None)]
            elif where == "inner":  # 'had similar efficacy to': the measure is written inside the match
                mg = "m" if m.group("m") else "m2"
                measures = _objects(text[: m.end(mg)], m.start(mg), m.end(mg))
            else:
                measures = _objects(text, m.end(), ce)
            if where in ("object", "subject_or_none") and re.search(r"(?:between|among|across)$", m.group(0), re.I):
                # 'no difference between the A and B groups' X': the groups first, then the measure
                measures = _between_measures(text, m.end(), ce) or ([] if where == "object" else measures)
            if measures and (all(_GROUP_NAME.search(x[2]) and not _GROUP_QUALIFIED.search(x[2]) for x in measures)
                             or where == "after" and re.match(r"than\b", measures[0][2], re.I)):
                # 'The A group and the B group were better than the control group in X': groups are
                # no measures; the measure is written after the predicate
                after = rx["measure_after_groups"].search(text, m.end(), ne)
                measures = _objects(text, after.end(), ce) if after else [(m.start(), m.end(), "value", None)]
            on = _effect_on(text, vend, ce) if re.search(r"effects?$", value, re.I) else None
            if on:  # 'no significant effect of A (was observed) on X': X, not A, is what was measured
                measures = on
            if where.startswith("subject"):
                measures = _without_own_group(text, m.end(), measures)
            if opts["subject"]:
                measures = [x for x in measures if opts["subject"].search(x[2])]
            # 'no between-group differences for baseline X': the groups' starting point, not a finding
            if measures and _at_baseline(measures[0][2], value):
                measures = []  # 'baseline X or Y': the whole list
            measures = [x for x in measures if not _at_baseline(x[2], value)]
            if opts["exclude"]:  # 'the dose was increased at week 4' is a plan, not a finding
                measures = [x for x in measures if not opts["exclude"].search(x[2])]
            if opts["exclude_list"] and any(opts["exclude_list"].search(x[2]) for x in measures) \
                    or any(rx["demographic_measure"].search(x[2]) for x in measures) \
                    or rx["demographic_after"].match(text, m.end()):
                measures = []  # 'similar in age, sex and weight': the groups at baseline, the whole list
            if name == "treatment_changed":  # 'decreased X and prevented Y': the second verb reads its own object
                measures = [(a, b, re.sub(r"\s+(?:and|or)$", "", x), p) for a, b, x, p in measures
                            if not re.match(r"(?:(?:could|can|may|did|does)\s+)?(?:not\s+)?(?:reduced?|increased?|"
                                            r"improved?|decreased?|lowered|lower|raised|shortened|prolonged|"
                                            r"enhanced|attenuated|prevented|prevent|affect)\s", x)]
            measures, negated = _but_not(measures)
            measures, negated = _but_not_for(text, measures, negated)
            measures, denied = _denied(text, cs, vstart, value, measures, where)
            if denied:  # 'X was not increased', 'None of these measures were significant'
                value = _negate(value)
            if opts["member_value"]:
                measures, values = _member_values(measures)
            for i, (ms, me, measure, own_p) in enumerate(measures):
                if opts["member_value"]:
                    value = values[i]
                if negated[i]:  # 'total but not specific IgA was elevated': specific IgA was not
                    value = _negate(value)
                if own_p is not None and any(f.p is not None and f.p.start == own_p.start for f in found):
                    own_p = None  # a p-value another finding already took is that finding's
                p = own_p or _p_after(ps, m.end(), ne) or next((x for x in ps if m.start() <= x.start < m.end()), None)
                s, e = min(ms, m.start()), max(me, vend)
                if p:
                    e = max(e, p.end)
                add(Found(s, e, measure, value, f"result.{name}", p=p,
                          extra={"pred": m.start(), "claim": claimed, "restated": restated, "mend": me}),
                    (m.start(), m.end()))
            if where == "evaluated" and measures and opts["claim_only"]:
                for cs_, ce_, noun, also in _coordinated_evaluations(text, m, vstart, vend, opts["verb_noun"]):
                    if noun != measures[0][2]:  # 'A was effective and safe': safety, a claim of its own
                        add(Found(cs_, ce_, noun, also, f"result.{name}",
                                  extra={"pred": m.start(), "claim": claimed, "restated": restated, "mend": ce_}),
                            (cs_, ce_))
        queue, deferred, final = deferred, [], True
    _name_bare_changes(text, found, clauses)


def _subject_measure(text: str, cs: int, pos: int) -> list[tuple[int, int, str, None]]:
    """'X levels increased to a significantly higher level': a comparative whose noun is only a
    generic head (data: bare_head) is said of the clause's subject, the measure."""
    subject = subject_of(text[cs:pos])
    at = text.find(subject, cs, pos) if subject else -1
    return [(at, at + len(subject), subject, None)] if at >= 0 else []


def _name_bare_changes(text: str, found: list[Found], clauses: list[tuple[int, int]]) -> None:
    """'Greater improvements were noted for the A group for X and Y', 'A-treated patients had a greater
    improvement compared with placebo on X', 'X showed greater improvements in the A group', '...;
    however, the decrease was smaller in A': a change named by its noun alone is a change of the
    measures written after it (past the groups and times; one finding each), else of the clause's
    subject before the verb, else of the finding just before it in the sentence."""
    for f in list(found):
        if f.rule.startswith("result.") and "mend" in f.extra and _rx()["bare_change_noun"].fullmatch(f.measure):
            names = _changed_measures(text, found, f, clauses)
            if names:
                f.measure = names[0]
                found += [replace(f, measure=n, extra=dict(f.extra)) for n in names[1:]]


def _no_group(named: list) -> list[str]:
    return [x[2] for x in named if not _rx()["GROUP_WORD"].search(x[2]) and not _POPULATION_END.search(x[2])]


def _changed_measures(text: str, found: list[Found], f: Found, clauses: list[tuple[int, int]]) -> list[str]:
    """The measures a change noun is about (see `_name_bare_changes`), or none."""
    rx = _rx()
    cs, ce = next(((a, b) for a, b in clauses if a <= f.start < b), (0, len(text)))
    noun = f.measure.split()[-1]
    own = re.compile(r"\b" + re.escape(noun) + r"\s+(?:in|of)\s+(?:the\s+)?(?=[A-Za-z])").search(text, cs, ce)
    if own:  # 'the change in the X index was faster': the noun's own object, cut off by 'in the'
        objs = _no_group(_objects(text, own.end(), ce))
        if objs:
            return objs
    for after in rx["measure_after_groups"].finditer(text, f.extra["mend"], ce):
        objs = _objects(text, after.end(), ce)
        if objs and len(_no_group(objs)) == len(objs):  # a list that opens with a group names the group
            return [x[2] for x in objs]
    verb = rx["bare_change_verb"].search(text, cs, f.start)
    if verb:
        return _no_group(_subjects(text, cs, verb.start()))
    before = next((g.measure for g in sorted(found, key=lambda g: -g.end)
                   if g is not f and g.end <= f.start and _unnamed(g.measure) is None
                   and not rx["bare_change_noun"].fullmatch(g.measure)), None)
    return [before] if before else []


def _named_before(found: list[Found], pos: int) -> list[tuple[int, int, str, None]]:
    """'X decreased in A, whereas it rose in B': the pronoun that opens a clause stands for the
    measure of the finding just before it in the sentence (none when no finding precedes)."""
    prev = [f for f in found if f.end <= pos and _unnamed(f.measure) is None]
    if not prev:
        return []
    last = max(prev, key=lambda f: f.end)
    return [(pos, pos, last.measure, None)]


def _reports(ctx: Context, sent, part: str, in_abs: bool) -> bool:
    """Whether a sentence sits where a paper reports its findings: the results part, or in an
    unlabelled abstract the sentences after the methods but before the closing one (which
    concludes). Only there is an arm's change in words ('A reduced X') read as a finding;
    elsewhere it restates or claims."""
    if part == "results":
        return True
    if not in_abs or part in _KNOWN_PARTS:
        return False
    start = _methods_start(ctx)
    return 0 <= start < sent.start_char < _last_abstract_sentence(ctx)


def _claims(ctx: Context, sent, part: str, in_abs: bool) -> bool:
    """Whether a sentence is where an abstract concludes: its conclusions part, or the closing
    sentence of an unlabelled abstract. There an arm's stated effect ('A reduced X', 'A is safe')
    is the paper's claim, which the gold records as a finding."""
    if not in_abs:
        return False
    if part == "conclusions":
        return True
    return part not in _KNOWN_PARTS and _methods_start(ctx) >= 0 and sent.start_char >= _closing_sentence(ctx)


def _closing_sentence(ctx: Context) -> int:
    """Where the abstract's closing sentence starts: the last one that is no note after it
    (a trial registration, a pointer to supplementary material)."""
    return _last_abstract_sentence(ctx, skip_notes=True)


def _reported(measure: str, before: list[Fact]) -> bool:
    """Whether a measure a conclusion claims is one a finding before it already names
    ('improved FEV1' after 'FEV1 was increased'): the words of one within the other."""
    words = set(fold(measure).split())
    for f in before:
        other = set(fold(str(f.fields.get("measure") or "")).split())
        if words and other and (words <= other or other <= words):
            return True
    return False


def _in_results_text(ctx: Context, measure: str) -> bool:
    """Whether the abstract's results part names a measure a conclusion states a finding about:
    any of its words that is no generic head ('risk', 'level', ...; data: "restated_generic"),
    compared by its first letters so that 'hypoglycaemic' names 'hypoglycaemia'."""
    key = "results_part_words"
    if key not in ctx.document.cache:
        words: set[str] = set()
        for sent in ctx.sentences():
            part, in_abs = part_of(ctx.document, sent.start_char)
            if in_abs and part == "results":
                words.update(w[:6] for w in re.findall(r"[a-z][a-z0-9-]{3,}", fold(sent.text)))
        ctx.document.cache[key] = words
    own = [w[:6] for w in re.findall(r"[a-z][a-z0-9-]{3,}", fold(measure))
           if not _rx()["restated_generic"].fullmatch(w)]
    return not own or any(w in ctx.document.cache[key] for w in own)


def _evaluated_measures(text: str, m: re.Match, ce: int, nouns: dict) -> list[tuple[int, int, str, None]]:
    """'A is effective in controlling X', 'A was protective against Y': what follows the preposition
    (after 'against', the evaluated noun's: 'protection against Y'), unless it names the people
    treated ('safe in postmenopausal women'); else what the adjective evaluates ('safe': safety)."""
    rx = _rx()
    on = rx["evaluated_object"].match(text, m.end())
    noun = nouns.get(re.sub(r"[\s-]+", " ", m.group("verb").lower()))
    if on and not rx["evaluated_population"].match(text, on.end()):
        found = _objects(text, on.end(), ce)
        if found and noun and re.search(r"\bagainst\s+(?:the\s+)?$", on.group(0), re.I):
            # 'A was not protective against malaria': the protection against malaria, not malaria
            return [(s, e, f"{noun} against {name}", p) for s, e, name, p in found]
        if found:
            return found
    return [(m.start(), m.end(), noun, None)] if noun else []


def _coordinated_evaluations(text: str, m: re.Match, vstart: int, vend: int,
                              nouns: dict) -> list[tuple[int, int, str, str]]:
    """'A was effective and safe', 'A is safe, effective and well tolerated': the evaluations
    coordinated with the one read (before it inside the match, or chained after it), each with
    the noun of what it evaluates (rx "evaluation_coordinated", "evaluation_word")."""
    rx = _rx()
    found = [(w.start("val"), w.end("val"), w) for w in rx["evaluation_word"].finditer(text, m.start(), vstart)]
    pos = vend
    while (c := rx["evaluation_coordinated"].match(text, pos)) is not None:
        found.append((c.start("val"), c.end("val"), c))
        pos = c.end()
    out = []
    for s, e, w in found:
        noun = nouns.get(re.sub(r"[\s-]+", " ", w.group("verb").lower()))
        if noun:
            out.append((s, e, noun, re.sub(r"\s+", " ", w.group("val"))))
    return out


def _last_abstract_sentence(ctx: Context, skip_notes: bool = False) -> int:
    """Where the last sentence of the abstract starts (-1 when the paper has none); with
    `skip_notes`, the last that is no note (rx "abstract_note")."""
    key = f"results_last_abstract_sentence_{skip_notes}"
    if key not in ctx.document.cache:
        note = _rx()["abstract_note"] if skip_notes else None
        ctx.document.cache[key] = max((s.start_char for s in ctx.sentences()
                                       if part_of(ctx.document, s.start_char)[1]
                                       and not (note and note.search(s.text))), default=-1)
    return ctx.document.cache[key]


def _verb_noun_measures(text: str, m: re.Match, ce: int, nouns: dict) -> list[tuple[int, int, str, None]]:
    """'Students who consented scored lower than those who did not', 'Group B performed better on
    the recall test': people are the subject, so the measure is what follows 'on', 'for' or 'in terms of'
    (when it names no group) or else what the verb itself measures ('scores', 'performance')."""
    on = _rx()["verb_noun_object"].match(text, m.end())
    if on:
        found = _objects(text, on.end(), ce)
        if found:
            return found
    verb = m.group("verb").lower() if "verb" in m.re.groupindex and m.group("verb") else ""
    noun = nouns.get(verb)
    return [(m.start(), m.end(), noun, None)] if noun else []


def _arm_subject(subject: str, arms: frozenset[str], concludes: bool = False) -> bool:
    """Whether a clause's subject is one of the trial's arms ('Simvastatin', 'TO in CDH lungs',
    'Drug A added to B for 12 weeks', 'Low-dose A', 'Adding A to B'): an arm named first, after
    the words of its dose, route or way of giving (rx "arm_subject_modifier"), a few words of
    setting after it. Where an abstract concludes (`concludes`), a pronoun or a noun for the
    treatment tested ('It', 'This regimen'; rx "arm_subject_anaphor") names it too."""
    rx = _rx()
    lead = rx["arm_subject_lead"].match(subject)
    words = fold(subject[lead.end() if lead else 0:]).strip()
    if not words or len(words.split()) > rx["arm_subject_max_words"]:
        return False
    if rx["arm_subject_all"].fullmatch(words):
        return True  # 'Both regimens': every arm of the trial
    if concludes and rx["arm_subject_anaphor"].fullmatch(words):
        return True  # 'It is effective', 'This regimen was well tolerated': the treatment the trial tested
    bare = words[rx["arm_subject_modifier"].match(words).end():]
    return any(w == a or w.startswith(a + " ") for w in {words, bare} if w for a in arms if len(a) > 1)


def _at_baseline(name: str, value: str) -> bool:
    """Whether a measure names the groups before treatment ('baseline X', 'X at baseline');
    'reductions in X from baseline' (a value that states a change) is a change of X."""
    return bool(_rx()["baseline_measure"].search(name)) and not (
        re.search(r"\bfrom\s+baseline$", name) and _rx()["change_value"].search(value))


# where a change happened, not what changed: 'in simvastatin-treated subjects', 'in treated patients'
_POPULATION_END = re.compile(r"(?:\btreated|\breceiving|\bgiven)\b|\b(?:subjects|patients|participants|people|"
                             r"individuals|women|men|children|adults|rats|mice|animals|volunteers)$", re.I)
_GROUP_QUALIFIED = re.compile(r"^differences?\b|\b(?:across|between|among|in|of|for)\b", re.I)  # 'X across groups'
_GROUP_NAME = re.compile(r"\b(?:groups?|arms?|cohorts?)$", re.I)


def _between_measures(text: str, pos: int, ce: int):
    """The measures after 'between' once the groups compared are passed ('between the A and B
    groups' X', 'between the A and B arms in X'); none when only the groups are named."""
    first = _rx()["between_measure_first"].match(text, pos, ce)
    if first:  # 'between the sedative effect of A and B': the measure, then the groups
        return [(first.start("m"), first.end("m"), first.group("m"), None)]
    for rx in _rx()["between_groups"]:
        bm = rx.match(text, pos, ce)
        if bm:
            return _objects(text, bm.end(), ce)
    return []


_BUT_NOT = re.compile(r"^(?P<a>[\w-]+)\s+but\s+not\s+(?P<b>[\w-]+)\s+(?P<head>\S.*)$", re.I)


def _but_not(measures):
    """'Systolic but not diastolic pressure', 'total but not specific IgA': two measures, the
    second with the finding denied (the flags say which)."""
    out, negated = [], []
    for ms, me, measure, own_p in measures:
        m = _BUT_NOT.match(measure)
        if not m:
            out.append((ms, me, measure, own_p))
            negated.append(False)
            continue
        head = m.group("head")
        out += [(ms, me, f"{m.group('a')} {head}", own_p), (ms, me, f"{m.group('b')} {head}", None)]
        negated += [False, True]
    return out, negated


def _effect_on(text: str, vend: int, ce: int) -> list[tuple[int, int, str, Mention | None]]:
    """'No significant effect of zinc was observed on X', 'showed no effect of the training on Y':
    the effect's agent is named after 'of' and what it acted on after 'on'; the measures are the latter
    (none when the sentence names no 'on')."""
    on = _rx()["effect_of_agent_on"].match(text, vend, ce)
    return _objects(text, on.end(), ce) if on else []


def _but_not_for(text: str, measures, negated: list[bool]):
    """'A was superior to B for X but not for Y', 'better on the total score, but not on the sub-score':
    the measure after 'but not' + the same preposition is a second measure, its finding denied (not
    when it names a group or people: 'in treated but not in untreated subjects')."""
    if not measures:
        return measures, negated
    bn = _rx()["but_not_for"].match(text, measures[-1][1])
    if not bn:
        return measures, negated
    ce = text.find(";", bn.end())  # the clause 'but not' opens runs to the next ';'
    ce = ce if ce > 0 else len(text)
    more = [x for x in _objects(text, bn.end(), ce)
            if not _rx()["GROUP_WORD"].search(x[2]) and not _POPULATION_END.search(x[2])]
    return measures + more, negated + [True] * len(more)


_NEGATED_AUX = re.compile(r"\s+(?:(?:was|were|is|are|has|have|had|been|did|does|do|could|would)\s+)+(?:not|never)"
                          r"(?:\s+been)?\s*$", re.I)


def _denied(text: str, cs: int, vstart: int, value: str, measures, where: str):
    """Whether a negation outside the matched predicate denies the finding ('X was not
    increased', 'None of these measures were significant', 'Neither X nor Y improved'), and
    the measures without the negative quantifier that opens them. A value that already says
    'not'/'no' is left as it is."""
    rx = _rx()
    if rx["negated_value"].search(value):
        return measures, False
    if rx["negation_before"].search(text[cs:vstart]):
        return [(ms, me, _NEGATED_AUX.sub("", x), p) for ms, me, x, p in measures], True
    if not where.startswith("subject") or not any(rx["negation_subject"].match(x[2]) for x in measures):
        return measures, False
    out = []
    for ms, me, measure, own_p in measures:
        measure = _NEGATED_AUX.sub("", measure)  # 'X was not' (increased): X
        q = rx["negation_subject"].match(measure)
        if q and not re.match(r"\W*none\s+of", measure, re.I):  # 'neither X', 'no X': X
            measure = measure[q.end():].strip()
        elif q and (named := rx["none_of_named"].match(measure)):  # 'None of the biomarkers was ...': biomarkers
            measure = measure[named.end():].strip()
        if measure:
            out.append((ms, me, measure, own_p))
    return out, True


def _negate(value: str) -> str:
    if re.match(r"(?:not|no)\s", value, re.I):
        return re.sub(r"^(?:not|no)\s+", "", value, flags=re.I)
    if re.match(r"did\s+not\s", value, re.I):
        return re.sub(r"^did\s+not\s+", "did ", value, flags=re.I)
    return f"not {value}"


def _relation_measure(value: str, between: str) -> str:
    """'no significant correlation' + 'between the X and Y' -> 'correlation between X and Y': the
    relation without its denial or its test, the articles after its prepositions dropped as
    people write it."""
    noun = re.sub(r"^no\s+(?:statistically\s+)?(?:significant\s+)?", "", value, flags=re.I)
    return noun + " " + re.sub(r"\b(between|and|with|of)\s+the\s+", r"\1 ", re.sub(r"\s+", " ", between.strip()))


def _without_own_group(text: str, pos: int, measures):
    """'The effect of A was similar to that of B': the compared group is written after the
    measure with the preposition 'that' repeats, and the measure is what comes before it."""
    that = re.match(r"\s+(?:\w+\s+){0,2}?(?:to|than|with|as|from)\s+th(?:at|ose)\s+(?P<prep>of|in|with|for|on|after)\b",
                    text[pos:])
    if not that:
        return measures
    out = []
    for ms, me, measure, own_p in measures:
        cut = measure.rfind(f" {that.group('prep')} ")
        out.append((ms, me, measure[:cut] if cut > 0 else measure, own_p))
    return out




def _member_values(measures):
    """'lower X, lower Y and shorter Z': each member's own direction word is its value (a
    member without one shares the one before it), and the rest of the member its measure."""
    out, values, last = [], [], None
    for ms, me, measure, own_p in measures:
        d = _rx()["member_direction"].match(measure)
        if d:
            last = d.group(0)
            measure = measure[d.end():].strip()
        elif re.match(r"(?:no|none|a|an|the)\b", measure, re.I):
            last = None  # '... and no cardiac toxicity': not a member of the comparison
        if last and measure:
            out.append((ms, me, canonical_measure(measure), own_p))
            values.append(last)
    return out, values


def _p_clauses(text, found, ps, free, add) -> None:
    """A clause whose p-value no finding has taken, with a comparison in words ('gave lower
    VT than ... (p = 0.002)', 'showed greater progress than ... (P = 0.01)')."""
    rx = _rx()
    used = {f.p.start for f in found if f.p}
    for p in ps:
        if p.start in used:
            continue
        cs = max(text.rfind(";", 0, p.start) + 1, 0)
        while cs > 0 and _depth(text, cs) > 0:  # a ';' inside brackets does not end the clause
            cs = max(text.rfind(";", 0, cs - 1) + 1, 0)
        if any(cs <= f.start < p.start for f in found):
            continue
        comp = [m for m in rx["p_comparative"].finditer(text, cs, p.start) if free(m.start(), m.end())]
        if not comp:
            continue
        m = comp[0]
        if rx["p_comparative_denied"].search(text[max(cs, m.start() - 12):m.start()]):
            continue  # 'no better progress (p = 0.56)': a comparison denied, not one made
        words = m.group(0).split()
        has_noun = len(words) > 1 and not rx["p_comparative"].fullmatch(words[-1])
        value = " ".join(words[:-1]) if has_noun else m.group(0)
        cut = m.end() - len(words[-1]) if has_noun else m.end()
        objs = _objects(text, cut, p.start)  # 'greater gains': the comparative is the value, its noun the measure
        measure = objs[0][2] if objs else _measure_before(text, m.start())
        ce = text.find(";", p.end)
        listed = _objects(text, cut, ce if ce > 0 and _depth(text, ce) == 0 else len(text)) if has_noun else []
        if len(listed) >= 2 and listed[0][3] is not None and listed[0][3].start == p.start \
                and all(o[3] is not None and o[3].start not in used for o in listed):
            # 'reduced X (P = 0.002) and Y (P = 0.04)': each object with its own test
            for os_, _, om, op in listed:
                add(Found(m.start() if op.start == p.start else os_, op.end, om, value, "result.p_comparison", p=op),
                    (m.start(), m.end()) if op.start == p.start else (os_, op.end))
                used.add(op.start)
            continue
        add(Found(m.start(), p.end, measure, value, "result.p_comparison", p=p), (m.start(), m.end()))


def _p_label(text: str, p: Mention) -> tuple[int, int, str] | None:
    """The measure a p-value names beside it inside a bracket ('(X, P = 0.01; Y, P = 0.03)',
    '(P = 0.01 for X and P = 0.03 for Y)'): its span and text."""
    if _depth(text, p.start) <= 0:
        return None
    rx = _rx()
    lb = rx["p_label_before"].search(text, max(0, p.start - 50), p.start)
    if lb and not re.fullmatch(r"(?:and|or|vs|versus|with|both|all|each|overall)", lb.group("label"), re.I):
        return lb.start("label"), lb.end("label"), lb.group("label")
    la = rx["p_label_after"].match(text, p.end)
    return (la.start("label"), la.end("label"), la.group("label")) if la else None


def _labelled_ps(text, found, ps, add) -> None:
    """'X improved more with A than with B (X, P = 0.01; Y, P = 0.03)': p-values labelled in
    one bracket each test the clause's finding for the measure they name. A labelled p-value
    no finding took becomes a finding of its own (that measure, the clause's value); the
    finding that took one is named by its label when its own measure does not say it."""
    labelled = [(p, lab) for p in ps if (lab := _p_label(text, p))]
    if len(labelled) < 2:
        return
    groups: list[list[tuple[Mention, tuple]]] = []
    for p, lab in labelled:
        opened = text.rfind("(", 0, p.start)
        if groups and text.rfind("(", 0, groups[-1][0][0].start) == opened:
            groups[-1].append((p, lab))
        else:
            groups.append([(p, lab)])
    for group in (g for g in groups if len(g) >= 2):
        opened = text.rfind("(", 0, group[0][0].start)
        owners = {id(f.p): f for f in found if f.p is not None}
        anchor = next((owners[id(p)] for p, _ in group if id(p) in owners), None)
        if anchor is None:
            anchor = max((f for f in found if f.end <= opened + 1 and f.p is None
                           and _same_clause(text, f.end, opened)), key=lambda f: f.end, default=None)
        if anchor is None or re.search(r"\d", anchor.value):
            continue  # only a finding in words is shared by its labelled tests
        taken = {id(f.p) for f in found if f.p is not None}
        groupwise = all(_rx()["GROUP_WORD"].search(lab[2]) for _, lab in group)
        for p, (ls, le, label) in group:
            if groupwise:  # '(P = 0.13 for the A group and P = 0.31 for the B group)': each group's own change
                owner = owners.get(id(p))
                if owner is None and anchor.p is not None:
                    owner = Found(min(ls, p.start), max(le, p.end), anchor.measure, anchor.value, "result.labelled_p",
                                  p=p)
                    add(owner, (owner.start, owner.end))
                (owner or anchor).p = p
                group_name = re.sub(r"^the\s+", "", label, flags=re.I)
                (owner or anchor).extra.update(comparison="within_group", group=group_name)
                continue
            if id(p) in taken:
                owner = owners.get(id(p))
                if owner is not None and label.lower() not in owner.measure.lower():
                    owner.measure = label
                continue
            if anchor.p is None:
                anchor.p, anchor.measure = p, label
                continue
            add(Found(min(ls, p.start), max(le, p.end), label, anchor.value, "result.labelled_p", p=p),
                (min(ls, p.start), max(le, p.end)))


# -- measures ------------------------------------------------------------------------------
# (', however,' between a subject and its verb is no boundary: 'X, however, was lower in A (...)'; a full
# stop glued to the next sentence's first word is one: '(n = 877).The primary outcome, X, ...')
_BOUNDARY = re.compile(r"[:;]|\b(?:similarly|likewise|conversely|additionally|in\s+addition|in\s+contrast),?\s|"
                       r"(?-i:(?<=[\w\s])\.(?=[A-Z][a-z]))|"
                       r"\b(?:that|although|though|while|whilst|whereas|where|but(?!\s+not\b)|which|"
                       r"however(?!\s*,\s*(?:\w+ly\s+)?(?:was|were|is|are|had|has|have|did|remained)\b)|"
                       r"because|since|if|when)\b|\b(?:was|were|is|are)\s+\w+,?\s+and\b|"
                       r"\b(?:improved|increased|decreased|reduced|declined|worsened|rose|fell|dropped),?\s+and\b",
                       re.I)
_PREP_CHUNK = re.compile(r"^\s*(?:after|before|in|at|during|by|for|with|among|from|on|per|based\s+on|also|overall|"
                         r"then|thus|moreover|furthermore|compared|according|as|of)\b", re.I)
# 'After the first day of treatment the differences in X were ...', 'In per-protocol analysis the total
# duration of Y was ...': a fronted adverbial written without its comma ends where a determiner follows a
# word that is no preposition, article, conjunction or participle; the subject starts at that determiner
_FRONTED_NO_COMMA = re.compile(
    r"^\s*(?:after|before|in|at|during|by|for|among|from|on|over|within|following|throughout|under)\b[^,;:]*\s"
    r"(?!(?:of|in|at|on|after|before|during|for|with|by|from|to|among|between|over|than|and|or|as|into|within|"
    r"under|across|through|throughout|per|versus|vs|via|about|all|both|that|which|who|whom|whose|the|a|an|"
    r"given|received|treated|randomi[sz]ed|assigned|allocated|is|are|was|were|receiving|taking|using|having|"
    r"undergoing|including|excluding|comparing)\b)"
    r"[A-Za-z0-9-]+\s+(?P<s>(?:the|these|this|those|mean|median)\s)", re.I)


def _past_fronted(clause: str) -> int:
    """Where the subject of a clause opened by a fronted adverbial without a comma starts (0: none)."""
    f = _FRONTED_NO_COMMA.match(clause)
    return f.start("s") if f else 0


_ANAPHORA = re.compile(r"^(?:there(?:\s+(?:was|were|is|are)(?:\s+also)?)?|we(?:\s+\w+)?|it|this|these|they|those|"
                       r"both|all|each|results?|the results|data|the data|this study|our study|"
                       r"(?:the|this|these|that|our|all)\s+(?:differences?|measures?|outcomes?|variables?|parameters?|results?|"
                       r"findings?|data)|differences?|them|"
                       r"which|findings?|(?:the\s+)?(?:(?:two|three|four|both|all)\s+)?(?:groups?|arms?))$", re.I)


def _mask(s: str) -> str:
    """Parentheses blanked out (same length): they hold p-values or abbreviations, not measures."""
    prev = None
    while prev != s:
        prev, s = s, re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), s)
    return s


def _one_name(left: str, right: str, joint: str) -> bool:
    """Whether 'left and right' is one name: an instrument ('anxiety and depression scale',
    the head ends the second half, the first has none of its own and is short), a
    Title-Case name ('Emotional and Social Experience') or a first half whose hyphen waits for
    the second's word ('pre- and postexercise data')."""
    rx = _rx()
    if not re.fullmatch(r"\s+and\s+", joint):
        return False
    left, right = left.strip(), right.strip()
    if left.endswith("-"):  # 'pre- and post-exercise scores', 'short- and long-term outcomes': a hyphen left open
        return True
    if rx["instrument_end"].search(right) and not rx["instrument_end"].search(left) and len(left.split()) <= 3 \
            and len(right.split()) <= 4 and not re.search(r"\d", left) and not rx["whole_index"].match(right):
        return True
    # one capitalised word, then a capitalised name of three or more words ('Pain and Physical Function' is two)
    if rx["groups_tail"].match(right):  # 'the HRV of the A and B groups': two groups, one measure
        return True
    tail = rx["title_tail"].search(left)
    return bool(tail and len(tail.group(0).split()) == 1 and rx["title_head"].match(right) and len(right.split()) >= 3)


def _join_named(parts: list[tuple[int, int]], base: int, text: str) -> list[tuple[int, int]]:
    """Parts of a list that lie in one defined long form ('Psoriasis Area' + 'Severity Index' of
    'Psoriasis Area and Severity Index (PASI)') or form one name with an 'and' in it
    (`_one_name`) joined back into that one name."""
    if len(parts) < 2:
        return parts
    spans = list_named_spans(text)  # (only where there are parts to join: a scan of the text's definitions)
    out = [parts[0]]
    for a, b in parts[1:]:
        pa, pb = out[-1]
        if any(s < base + pb and base + a < e for s, e in spans) \
                or _one_name(text[base + pa:base + pb], text[base + a:base + b], text[base + pb:base + a]):
            out[-1] = (pa, b)
        else:
            out.append((a, b))
    return out


def _split_list(masked: str, a: int, b: int) -> list[tuple[int, int]]:
    """The members of a coordinated list in masked[a:b], split at commas, 'and', 'or'."""
    out, last = [], a
    for m in re.finditer(r",|\s+(?:and|or|nor|as\s+well\s+as)\s+(?:in\s+|on\s+|for\s+)?", masked[a:b]):
        out.append((last, a + m.start()))
        last = a + m.end()
    out.append((last, b))
    return [(x, y) for x, y in out if masked[x:y].strip()]


_FRONTED_COMPARISON = re.compile(r"\s*(?:compared\s+(?:with|to)|relative\s+to|in\s+comparison\s+(?:with|to)|unlike|"
                                 r"in\s+contrast\s+(?:to|with)|as\s+opposed\s+to)\s[^,;()]{1,60},\s*", re.I)


def _subjects(text: str, cs: int, pos: int) -> list[tuple[int, int, str, Mention | None]]:
    """The measures a predicate is about: the subject before it, split at ',' and 'and'."""
    fronted = _FRONTED_COMPARISON.match(text, cs, pos)
    if fronted:  # 'Compared with controls, X was lower': the comparison opens the clause, X is the subject
        cs = fronted.end()
    full = _mask(text)
    start, end, prev = cs, pos, cs
    for m in _BOUNDARY.finditer(full, cs, pos):
        prev, start = start, m.end()
        if re.fullmatch(r"which|who", m.group(0), re.I):  # 'X which caused Y were not significant': X
            start, end = prev, m.start()
        else:
            end = pos
    masked = full[start:end] + " " * (pos - end)
    fronted = _past_fronted(masked)
    masked = " " * fronted + masked[fronted:]
    rel = re.search(r"\s(?:which|who|whose)\s", masked)
    if rel and rel.start() > 0 and not _counted_who(masked, rel.start()):
        masked = masked[: rel.start()] + " " * (len(masked) - rel.start())
    stop = _past_people_qualifier(masked, _rx()["measure_stop"].search(masked))
    while stop and "," in masked[stop.start():] \
            and not masked[masked.rfind(",", 0, stop.start()) + 1:stop.start()].strip():
        # 'After the study, in the case group, FEV1 was ...': a chunk that opens with the
        # preposition is a fronted adverbial, not what follows a measure
        stop = _rx()["measure_stop"].search(masked, masked.index(",", stop.start()) + 1)
    if stop and stop.start() > 0 and (not re.search(r"\s(?:and|or)\s|,", masked[stop.start():])
                                      or _rx()["GROUP_WORD"].search(masked[stop.start():])
                                      or re.match(r"\s(?:at|after|during|before|over|by)\s+\d", masked[stop.start():])):
        masked = masked[: stop.start()] + " " * (len(masked) - stop.start())
    chunks = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", masked) if m.group(0).strip()]
    if not chunks:
        return []
    keep = [chunks[-1]]
    if re.search(r"\s(?:and|or)\s", masked[chunks[-1][0]:chunks[-1][1]]):
        for a, b in reversed(chunks[:-1]):
            words = masked[a:b].split()
            if len(words) > (7 if {"and", "or"} & set(words) else 5) or _PREP_CHUNK.match(masked[a:b]):
                break  # a long chunk is a clause, unless it is a list itself ('ICU and hospital length of stay')
            keep.insert(0, (a, b))
    parts = _join_named([pt for a, b in keep for pt in _split_list(masked, a, b)], start, text)
    ps = find(text[start:pos], "p_value")
    return [(start + a + off, start + b, phrase, _shift(own, start))
            for a, b, off, phrase, own in _phrases(masked, parts, ps)]


def _counted_who(masked: str, rel: int) -> bool:
    """'The number of patients who relapsed was higher': the 'who' clause says which people a share
    or number counts, and stays in the measure when it is short and whole (a few words, no
    preposition that would end the measure inside it)."""
    rest = masked[rel:]
    return bool(_rx()["people_share"].search(masked, 0, rel)) and len(rest.split()) <= 5 \
        and not _rx()["measure_stop"].search(rest, 1)


def _past_people_qualifier(masked: str, stop: re.Match | None) -> re.Match | None:
    """'The proportion of children with treatment failure was lower': a share or number of people
    keeps the 'with X' that says which people are counted, so the measure does not stop there."""
    while stop and stop.group(0).strip() == "with" and _rx()["people_share"].search(masked, 0, stop.start()):
        stop = _rx()["measure_stop"].search(masked, stop.end())
    return stop


_VERB_INSIDE = re.compile(r"\s(?:improved|increased|decreased|declined|reduced|rose|fell|dropped|worsened|changed)\b")


def _phrases(masked: str, parts: list[tuple[int, int]], ps: list[Mention]):
    """Cleaned measure phrases of the parts, each with the p-value written inside its part
    (up to the next part that is a measure: statistics between them belong to it)."""
    kept = []
    for a, b in parts:
        phrase = _clean_measure(masked[a:b])
        phrase = _rx()["of_the_groups"].sub("", phrase) or phrase  # 'HRV of the A and B groups': HRV
        if not phrase or len(phrase.split()) > 10 or _ANAPHORA.match(phrase) or _PREP_CHUNK.match(phrase) \
                or re.match(r"[\d.,·]", phrase) or re.search(r"[=<>]", phrase) \
                or _VERB_INSIDE.search(phrase):  # 'X declined at week 6 (and did not differ)': a clause
            continue  # '200 mcg or 400 mcg' names doses, 'F = 0.16' is a statistic: not measures
        kept.append((a, b, phrase))
    shared = _rx()["measure_shared_modifier"].match(kept[0][2]) \
        if len(kept) > 1 and all(" " not in k[2] for k in kept[1:]) else None
    kept = _share_head(kept)
    for i, (a, b, phrase) in enumerate(kept):
        reach = kept[i + 1][0] if i + 1 < len(kept) else len(masked)
        off = masked[a:b].find(phrase.split()[0])
        own = next((p for p in ps if a <= p.start < reach), None)
        if shared and i > 0 and " " not in phrase:  # 'the mean FEV1, FVC and VC': each one a mean
            phrase = shared.group("mod") + phrase
        yield a, b, off, canonical_measure(phrase), own


def _share_head(kept: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """'Clinical and functional outcomes', 'systolic or diastolic blood pressure': a lone modifier
    before the last member of a list that opens with a modifier too names the same head."""
    if len(kept) < 2:
        return kept
    words = kept[-1][2].split()
    mod = _rx()["shared_head_modifier"]
    if len(words) < 2 or not mod.match(words[0]):
        return kept
    head = " ".join(words[1:])
    return [(a, b, f"{phrase} {head}" if " " not in phrase and mod.match(phrase) else phrase)
            for a, b, phrase in kept[:-1]] + [kept[-1]]


_ENUMERATOR = re.compile(r"\s\((?:[a-h]|i{1,3}|iv|vi{0,3})\)\s")


def _objects(text: str, pos: int, ce: int) -> list[tuple[int, int, str, Mention | None]]:
    """The measures after a nominal predicate ('no significant difference in X and Y')."""
    tail = text[pos:ce]
    masked = _mask(tail)
    stop = _rx()["object_stop"].search(masked)
    end = stop.start() if stop else len(masked)
    enum = _ENUMERATOR.search(tail, 0, end)
    if enum:  # '... on X (a) the Y were ...': an enumerator opens the next statement of a list
        end = enum.start()
    ps = find(tail, "p_value")
    for p in ps:  # 'increased X (P < 0.001), Y did not differ': the statistics close the list of objects
        opened, closed = tail.rfind("(", 0, p.start), tail.find(")", p.end)
        if 0 <= opened < end and closed > 0 and _rx()["clause_after"].match(tail, closed + 1):
            end = opened
            break
    parts = _join_named(_split_list(masked, 0, end), pos, text)
    return [(pos + a + off, pos + b, phrase, _shift(own, pos))
            for a, b, off, phrase, own in _phrases(masked, parts, ps)]


def _clean_measure(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip(" ,.;:")
    prev = None
    while prev != s:
        prev = s
        s = _rx()["measure_lead"].sub("", s).strip(" ,")
        s = re.sub(r"^(?:any|all|each|both)\s+(?:of\s+)?(?:the\s+)?", "", s, flags=re.I)
    return s


def canonical_measure(s: str) -> str:
    """One written form for a measure: 'serum levels of X' is 'serum X', 'mean scores of X' is
    'mean X' (the generic head noun says nothing), and a plural head noun at the end is
    singular ('Y scores' is 'Y score'; measure_core then drops the generic ones)."""
    rx = _rx()
    m = rx["measure_head_of"].match(s)
    if m and not re.search(r"\b(?:of|in|and|or|with)\b", m.group("what")):
        what = re.sub(r"^the\s+", "", m.group("what"), flags=re.I)
        s = f"{m.group('mod')}{what}"
    m = rx["measure_specimen_inside"].match(s)
    if m and not re.match(r"(?i)(?:the|a|an|mean|median)$", m.group("what")):
        what = m.group("what")
        what = what[0].lower() + what[1:] if what[:2].istitle() else what  # no longer opens the sentence
        s = f"{m.group('spec')} {what} {m.group('head')}"
    last = s.rsplit(" ", 1)
    if len(last) == 2 and last[1].lower() in rx["measure_singular"]:
        s = f"{last[0]} {rx['measure_singular'][last[1].lower()]}"
    return s


def measure_core(s: str, arms: frozenset[str] = frozenset()) -> str:
    """What a measure is of: 'IL-6 level' is 'IL-6', 'pain score' is 'pain' (the generic head says
    nothing more), so one measure has one name across papers and beside mechanisms' targets. The
    head stays where what is left names nothing alone ('total score'), where it is written with a
    capital as part of a name, and where what is left is one of the paper's arms or a word of
    one: 'arsenic concentration' in a trial of arsenic trioxide is the drug's level, not the drug."""
    rx = _rx()
    m = rx["measure_generic_tail"].match(s)
    if not m or m.group("head")[0].isupper() or rx["measure_bare_core"].match(m.group("core")):
        return s
    return s if _arm_word(m.group("core"), arms) else m.group("core")


def _arm_word(name: str, arms: frozenset[str]) -> bool:
    """Whether `name` is one of the arms or a word of one ('arsenic' of 'arsenic trioxide')."""
    name = fold(name)
    named = arms | {w for a in arms for w in a.split()}
    return name in named or name.rstrip("s") in named


def plain_measure(s: str) -> str:
    """What was measured, as an annotator names it: without a quantifier over the measures, the
    change noun or summary statistic the value already carries ('median improvement in FVC' is
    'FVC', 'mean cholesterol' is 'cholesterol'), nor the participle phrase, whole-study period or
    people that say how, when or among whom it was taken ('X based on all patients enrolled',
    'X amongst GPs'): ontology/patterns/results.json measure_plain_lead / measure_plain_tail. A cut
    is kept only when what is left still names something; a closing bracket ('(hr)') stays."""
    rx = _rx()
    base, suffix = _closing_bracket_apart(s)
    prev = None
    while prev != base:
        prev = base
        for key in ("measure_plain_lead", "measure_plain_tail"):
            cut = rx[key].sub("", base, count=1).strip(" ,")
            # ('mean VC' stays: a name of two letters alone reads as no name)
            if cut != base and len(cut) >= 3 and cut.count("(") == cut.count(")") and not _names_nothing(cut):
                base = cut
    return base + suffix


def _shift(m: Mention | None, by: int) -> Mention | None:
    return None if m is None else Mention(m.kind, m.start + by, m.end + by, m.text, m.fields)


def _measure_before(text: str, pos: int) -> str:
    """What a value is about: the noun phrase right before its bracket when the value opens
    one ('declines in diastolic BP (−3.3 mmHg'), else the subject of its clause ('Initial
    cure was achieved by 95.9%'), else the last words before it."""
    rx = _rx()
    prefix = text[:pos]
    opened = _open_bracket(prefix)
    if _depth(text, pos) > 0 and opened >= 0:
        # '(pain: 2 vs 3, p = 0.4; itch: 1 vs 1, p = 0.9)': a bracket listing labelled values names each one
        # ('(total: control vs 10 vs 100 mg = 100 vs 60 vs 61; active: ...)': the groups listed before '=')
        item = re.search(r"[(\[;—–]\s*(?P<l>[A-Za-z][\w/+-]*(?:\s+[\w/+-]+){0,3})\s*:\s*(?:[^:;=()]{1,60}=\s*)?$",
                         prefix[opened:])
        closed = min((i for i in (text.find(")", pos), text.find("]", pos)) if i > 0), default=-1)
        inside = text[opened:closed if closed > 0 else len(text)]
        if item and re.search(r"[;—–]\s*[A-Za-z][\w/+ -]{0,30}:\s*[-−]?\d", inside) \
                and not re.fullmatch(r"(?:means?|medians?|geometric\s+mean|sd|se|n|range|iqr)", item.group("l"), re.I):
            label = item.group("l")
            if re.fullmatch(r"[a-z]+", label):  # '... MMP-9 levels (total: ...; active: ...)': active MMP-9 levels
                head = _clean_measure(_rx()["head_split"].split(text[:opened])[-1].strip())
                if head and len(head.split()) <= 8 and not _stray_digits(head, word_digits=False) \
                        and not _ANAPHORA.match(head) \
                        and label not in head.lower() and not _rx()["GROUP_WORD"].search(head) \
                        and not re.search(r"\b(?:did|does|do|was|were|is|are|had|has|have)\b", head) \
                        and not re.search(r"\b(?:than|compared|versus|vs)\b", head):
                    return f"{label} {head}"
            return label
        if re.fullmatch(r"\s*(?:[\w -]{1,25}[:=]\s*)?", prefix[opened + 1:]) \
                or rx["estimate_label"].fullmatch(prefix[opened + 1:]):
            # 'A did not reduce the rate of X (rate ratio 0.91 ...)': what the treatment acted on
            vo = rx["measure_verb_object"].match(re.split(r"[.;:]", prefix[:opened])[-1].strip())
            obj = _clean_measure(re.sub(r"\s+(?:at|after|by|over|within|during|on)\s+(?:the\s+)?(?:\w+\s+)?\d[\w.,·-]*"
                                        r"(?:\s+(?:weeks?|days?|months?|years?|hours?))?$", "", vo.group("obj"),
                                        flags=re.I)) if vo and not rx["measure_verb"].search(vo.group("obj")) else ""
            if obj and len(obj.split()) <= 10 and not re.search(r"\d", obj):
                return obj
            # 'X (BP) (OR 2.14 ...)': an abbreviation bracket right before is part of the name, not its end
            head = rx["head_split"].split(re.sub(r"\s*\([^()\d]{1,15}\)\s*$", "", prefix[:opened]))[-1]
            # 'Mortality did not differ (18% vs 20%)': the predicate before the bracket is no part of it
            # 'no (evidence of a) difference in X between the groups (66% vs 64%)': X
            framed = rx["bracket_measure_frame"].match(head.strip())
            if framed and framed.group("m") != head.strip():
                head = framed.group("m")
            head = re.sub(r"\s+(?:did|does|do|could)\s+not\s+\w+(?:\s+(?:significantly|statistically))?\s*$", "",
                          head)
            phrase = _clean_measure(re.sub(r"^\s*(?:significant|marked|substantial)\w*\s+", "", head.strip(),
                                           flags=re.I))
            cmp = re.match(r"(?:(?:significantly|markedly|slightly)\s+)?(?:fewer|more|less|greater|lower|higher|"
                           r"better|worse|shorter|longer|smaller|larger)\s+(?!than\b|in\b|with\b|for\b|as\b|among\b|between\b|"
                           r"compared\b|common\b|frequent\w*|likely\b|often\b|effective\b|pronounced\b|severe\b)"
                           r"(?P<rest>[a-z].*)$", phrase, re.I)
            if cmp:  # 'needed fewer transfusions (A vs B)': the transfusions were compared
                phrase = cmp.group("rest")
            sized = rx["measure_size_lead"].match(phrase)
            if sized and phrase[sized.end():].strip():  # '54% reduction in composite EAO (OR 0.46 ...)'
                phrase = phrase[sized.end():]
            likely = rx["measure_likely_to"].match(phrase)
            if likely:  # 'were more likely to report missed doses (88 vs 35%)'
                phrase = likely.group("rest")
            of_size = re.search(r"\s+(?:of|by)\s+[-−]?\d[\d.,·]*\s*%?(?:\s+(?:among|in|for|at)\s+"
                                r"(?:[^()\d<>≤≥]|[<>≤≥]=?\s*\d[\d.,·]*)*)?$", head)  # ('among children <2 years')
            nco = rx["noun_change_of"].search(head[:of_size.start()] + " of ") if of_size else None
            if nco and not re.search(r"\d", nco.group("m")):  # 'a reduction in X of 31% among Y (IRR = ...)': X
                phrase = _clean_measure(nco.group("m"))
            # 'a lower X compared to vehicle (40% vs 83%)': the comparison is no part of the measure
            phrase = re.sub(r"\s+(?:compared\s+(?:with|to)|relative\s+to|versus|vs\.?|than)\s.*$", "", phrase,
                            flags=re.I)
            # 'Mortality at 28 days (18% vs 20%)': the time point is read apart (the fact's timepoint)
            phrase = re.sub(r"\s+(?:at|after|by|over|within|during|on)\s+(?:the\s+)?(?:\w+\s+)?\d[\w.,·-]*"
                            r"(?:\s+(?:weeks?|days?|months?|years?|hours?|h|wk|mo))?$", "", phrase, flags=re.I)
            if phrase and len(phrase.split()) <= 10 and not _stray_digits(phrase) \
                    and not re.search(r"\b(?:weeks?|days?|months?|years?)$", phrase) \
                    and not rx["p_comparative"].match(phrase) and not re.match(r"(?:similar|comparable)\b", phrase) \
                    and not rx["predicate_only"].fullmatch(phrase):
                if not _names_nothing(phrase):
                    return phrase
                # 'were associated with a significant reduction in OS (8.7 vs 12.9 months)': OS; else, where
                # the predicate compares ('was reported more often by A than B (...)'), the clause's subject
                changed = rx["colon_head"].search(phrase)
                if changed and not _names_nothing(changed.group("m")):
                    return _clean_measure(changed.group("m"))
                subject = _clause_subject(_mask(prefix[:opened]))[0] if rx["p_comparative"].search(phrase) else None
                if subject and not _names_nothing(subject):
                    return subject
                if not re.search(r"\d", phrase):  # ('the subgroup with score > 20 (...)': as a phrase with a number)
                    return phrase
        return _measure_before(text, opened)  # what the bracket qualifies
    heading = _verbless_head(prefix)
    if heading:
        return heading
    masked = _mask(prefix)
    np, bounds, clause = _clause_subject(masked)
    if np:
        return np
    # '—DVS: 0 vs. 0 p = 0.2', '; TNF: 12 vs 15': a short label with a colon right before the value names it
    lab = re.search(r"(?:^|[-—–;,(\[]\s*)(?P<l>[A-Za-z][\w/+-]*(?:\s+[\w/+-]+){0,3})\s*:\s*$", prefix)
    if lab and not re.fullmatch(r"(?:results?|conclusions?|methods?|background|findings?|objectives?|n|p|note)",
                                lab.group("l"), re.I):
        return lab.group("l")
    # ('the response was high: drug A 35/36, 97.2% ...': a short label of a group before the value too)
    if bounds and bounds[-1].group(0) in (":", ";") and (
            not clause.strip() or bounds[-1].group(0) == ":"
            and len(re.sub(r"[-−]?\d[\d.,/·%]*|[,;]", " ", clause).split()) <= 6
            and not _rx()["measure_verb"].search(clause)):
        # 'The healing time was shorter in A: 12 vs 15 days': the value opens the clause after a colon,
        # so what it is about is the subject of the clause the colon ends
        before = masked[(bounds[-2].end() if len(bounds) > 1 else 0):bounds[-1].start()]
        np = subject_of(before)
        if np:
            return np
        head = rx["colon_head"].search(before)  # '... comparison of mean X scores: 82 vs 37'
        if head and _clean_measure(head.group("m")):
            return _clean_measure(head.group("m"))
    # 'X (...) and Y (decreased by 3)': after a closed bracket and 'and', the member before this bracket
    words = re.split(r"[,;:]|\)\s*,?\s*(?:and|or)\s", prefix)[-1].split()
    joined = " ".join(words[-6:])
    return _clean_measure(joined) or joined or "value"


def _clause_subject(masked: str) -> tuple[str | None, list[re.Match], str]:
    """The subject of the clause that `masked` (brackets blanked) ends in, what the values after
    it are about; with the clause boundaries found and that clause."""
    bounds = list(_BOUNDARY.finditer(masked))
    clause = masked[bounds[-1].end():] if bounds else masked
    # 'X decreased less in A (...) than in B (...) and Y decreased less in A (...': after a bracket that
    # closed and 'and', a second clause with its own subject and verb names the values after it
    join = list(re.finditer(r"\S\s{3,},?\s*and\s+", clause))
    verb = _rx()["measure_verb"].search(clause)
    if join and verb and verb.end() <= join[-1].start():
        np = subject_of(clause[join[-1].end():])
        if np:
            return np, bounds, clause
    # 'X was 2.4 L and the mean Y was 3.1 L': after a value and 'and', a clause with its own subject and verb
    after_value = list(_rx()["value_and_clause"].finditer(clause))
    if after_value and verb and verb.end() <= after_value[-1].start():
        np = subject_of(clause[after_value[-1].end():])
        if np:
            return np, bounds, clause
    return subject_of(clause), bounds, clause


def _verbless_head(prefix: str) -> str | None:
    """'Mean X (unit) at 12 weeks: A 2.1 vs B 3.4', 'X rate — A 45%, B 30%', 'X scores, A vs B: 3.2 vs 4.5':
    a measure written as the heading of its clause, with no verb, names the values after it (not the
    group named right before the first one); a head of the groups before treatment or of who they are is none."""
    m = _rx()["verbless_head"].search(prefix)
    if not m or _rx()["verbless_head_not"].search(m.group(0)):
        return None
    measure = _clean_measure(m.group("m").strip())
    if not measure or len(measure.split()) > 8 or _rx()["heading_not_measure"].match(measure) \
            or _rx()["GROUP_WORD"].search(measure):
        return None
    return measure


def _verbless_refused(prefix: str) -> bool:
    """'Number of participants analysed: A 88 vs B 86', 'X before treatment: 5.5 (A) versus 5.6 (B)':
    a verbless heading of the groups before treatment or of their size: what follows is no finding."""
    m = _rx()["verbless_head"].search(prefix)
    return bool(m) and _rx()["verbless_head_refused"].search(m.group(0)) is not None


def _open_bracket(prefix: str) -> int:
    """Where the innermost bracket still open at the end of `prefix` opens (-1: none); a
    bracket that closed before ('(hazard ratio (HR) 0.61') is skipped."""
    depth = 0
    for i in range(len(prefix) - 1, -1, -1):
        c = prefix[i]
        if c in ")]":
            depth += 1
        elif c in "([":
            if depth == 0:
                return i
            depth -= 1
    return -1


def subject_of(clause: str) -> str | None:
    """The noun phrase before a clause's verb ('The healing time was shorter ...': healing time),
    when it names something measured rather than pointing back ('This was ...')."""
    chunks = [c for c in clause.split(",") if c.strip()]
    while len(chunks) > 1 and _PREP_CHUNK.match(chunks[0]):
        chunks = chunks[1:]
    # 'X occurred in both groups (...), Y was less frequent': a clause closed by its values' bracket is done
    # when a clause with its own subject and verb follows it (not 'in group B an increase was found')
    while len(chunks) > 1 and re.search(r"\S\s{3,}$", chunks[0]) and _rx()["measure_verb"].search(chunks[0]) \
            and not _PREP_CHUNK.match(chunks[1]) and _rx()["measure_verb"].search(chunks[1]):
        chunks = chunks[1:]
    clause = ",".join(chunks)
    clause = clause[_past_fronted(clause):]
    verbs = [v for v in (_rx()["measure_verb"].search(clause), _rx()["measure_verb_negated"].search(clause)) if v]
    if not verbs:
        return None
    verb = min(verbs, key=lambda v: v.start())
    np = _rx()["subject_adverb_tail"].sub("", _INTERJECTED_TAIL.sub("", clause[: verb.start()]))
    stop = _rx()["measure_stop"].search(np)
    whole = _clean_measure(np)
    np = _clean_measure(np[: stop.start()]) if stop and stop.start() > 0 else whole
    if np != whole and _names_nothing(np) and not _names_nothing(whole):
        np = whole  # 'The percentage of patients with ≥1 exacerbation was ...': cut, it would name nothing
    last = [c for c in whole.split(",") if c.strip()]
    if last and (_ANAPHORA.match(_clean_measure(last[-1])) or _rx()["anaphoric_subject"].search(last[-1])):
        return None  # '..., i.e. ..., this was reported more often', 'For X similar results were observed'
    if np and not _ANAPHORA.match(np) and len(np.split()) <= 12:
        return np
    return None


# 'X, however, was lower': the connective set off between a subject and its verb is no part of the subject
_INTERJECTED_TAIL = re.compile(r",\s*(?:however|therefore|thus|moreover|furthermore|though|nevertheless|"
                               r"in\s+contrast|in\s+addition)\s*,?\s*$", re.I)


def _names_nothing(measure: str) -> bool:
    """Whether kg/extract/names.py would find that `measure` names nothing (a predicate, a
    population, a clause, 'value'): then the measure is looked for where another class of
    phrasing puts it, rather than the finding being left without one."""
    trimmed = names.trim(measure, "result")
    # ('women given the vaccine' trims to 'vaccine', yet names who was counted, not what)
    return not trimmed or names.flaw(trimmed, "result") is not None \
        or names.flaw(measure.strip(), "result") == "a population"


def _stray_digits(phrase: str, word_digits: bool = True) -> bool:
    """Whether a phrase holds a number, so it is no name: a threshold written in a name ('adherence
    <90% by pill count', 'grade ≥ 2') is no such number, nor (`word_digits` False) a digit inside
    a word ('MMP-9')."""
    bare = _rx()["measure_threshold"].sub(" ", phrase)
    return re.search(r"\d" if word_digits else r"(?<![A-Za-z-])\d+(?:[.,·]\d+)?(?![A-Za-z])", bare) is not None


def _predicate_measure(text: str, pos: int) -> str | None:
    """What the people a value counts did or had, written after the value: '69% of the patients in
    A suffered from X versus ...' is about X, '... and 122 (98%) patients in B completed the study'
    about study completion (ontology/patterns/results.json "value_predicate")."""
    m = _rx()["value_predicate"].match(text, pos)
    name = _predicate_noun(m.group("v"), m.group("m")) if m else None
    return name if name and not _names_nothing(name) else None


def _without_people_head(measure: str) -> str:
    """'low birth weight infants occurred in 9 (8%) of 114 A-treated and ...': the people the
    outcome is counted in close the phrase; what is said of them is the measure."""
    r = names.rules()
    m = re.fullmatch(r"(?P<m>.+?)\s+(?P<who>[A-Za-z]+)", measure.strip())
    if m and m.group("who").lower() in r.population_heads - r.group_heads and not _names_nothing(m.group("m")):
        return m.group("m")
    return measure


def _likely_measure(text: str, pos: int) -> str | None:
    """'were 2.2 times more likely ([1.1-4.3]; p = 0.02) to discontinue treatment than ...': what
    was more likely, after the estimate and its bracket."""
    m = _rx()["likely_to_after"].match(text, pos)
    if not m:
        return None
    verb, rest = m.group("v"), m.group("m").strip()
    name = _predicate_noun(verb, rest) if verb.lower() in _rx()["predicate_measures"] else f"{verb} {rest}".strip()
    name = _clean_measure(name) if name else None
    return name if name and not _names_nothing(name) else None


def _predicate_noun(verb: str, obj: str | None) -> str | None:
    """The measure a predicate names: its noun when the verb is the outcome ('completed the study':
    study completion; 'died': death), else its object ('suffered from X': X)."""
    obj = re.sub(r"\s+", " ", obj or "").strip(" ,.;:")
    forms = _rx()["predicate_measures"].get(re.sub(r"\s+", " ", verb.lower()))
    if forms is None:
        return obj or None
    with_obj, _, bare = forms.partition("|")
    if "{m}" not in with_obj:
        return with_obj
    return with_obj.format(m=obj) if obj else bare or None


# the word before 'and' is a lone modifier right after 'of' or an article ('number of tender and swollen joints')
_SHARED_HEAD_BEFORE_AND = re.compile(r"\b(?:of|the)\s+[A-Za-z-]+\s+$", re.I)


def _measure_from_prefix(prefix: str, unit: str | None) -> str:
    """The measure a change is about: the noun phrase before the verb."""
    parts = re.split(r"([,:(]|\b(?:overall|then|and|while|whereas|that)\b)", prefix)
    phrase = parts[-1]
    if len(parts) >= 3 and parts[-2] == "and" and _SHARED_HEAD_BEFORE_AND.search(parts[-3]):
        # 'the mean number of tender and swollen joints decreased': one noun phrase with two modifiers
        phrase = parts[-3].split("(")[-1].split(",")[-1] + "and" + phrase
    phrase = re.sub(r"^\s*(?:the|a|an|in)\s+", "", phrase.strip(), flags=re.I)
    phrase = re.sub(r"\s+(?:at|from)\s+(?:baseline|inclusion)\b.*$", "", phrase, flags=re.I)
    phrase = phrase.strip() or "value"
    return phrase + (f" ({unit})" if unit and unit not in phrase else "")


def _measure_after(text: str, pos: int) -> str | None:
    m = re.match(r"\s*(?:of|in)\s+([^,.;()]{3,80})", text[pos:])
    if not m:
        return None
    stop = _rx()["measure_stop"].search(m.group(1))
    return (m.group(1)[: stop.start()] if stop else m.group(1)).strip() or None


def _reached(text: str, m: re.Match) -> str:
    """What the people a count of responders counts reached: the rest of its clause, or where
    that names nothing and the count follows a colon after a few words naming its group ('the
    response was high: drug A 35/36, drug B 32/32') what the clause the colon ends is about."""
    outcome = _outcome_phrase(text, m.end())
    colon = text.rfind(":", 0, m.start())
    if not _names_nothing(outcome) or colon < 0:
        return outcome
    between = re.sub(r"[-−]?\d[\d.,/·%]*|\([^()]*\)|[,;]", " ", text[colon + 1:m.start()])
    if ";" in text[colon:m.start()] or len(between.split()) > 6 or _rx()["measure_verb"].search(between):
        return outcome
    clause = _mask(text[:colon])
    changed = _rx()["colon_head"].search(clause)  # '... did not show any difference in mortality: 18/61 ...'
    before = _clean_measure(changed.group("m")) if changed else _clause_subject(clause)[0]
    return before if before and not _names_nothing(before) else outcome


def _outcome_phrase(text: str, pos: int) -> str:
    """What the responders reached: the rest of the clause after the fraction."""
    tail = re.sub(r"^\s*\([^()]*\)", "", text[pos:])
    rest = re.split(r"[,;(]|\s+(?:and|which|while)\s+", tail)[0]
    rest = re.sub(r"^\s*(?:patients|participants|subjects)?\s*(?:were|was|had|have|achieved|reached|attained|"
                  r"could)?\s*", "", rest, flags=re.I)
    return rest.strip(" .\n") or "responders"


_CI_IN_GAP = re.compile(r"\(\s*(?:9[059]|80)\s*%\s*CI[^()]*\)")


def _fold_estimates(text: str, found: list[Found]) -> list[Found]:
    """An estimate written right after a comparison or a 'times more likely' belongs to it
    ('0.47 versus 0.59 (rate difference −0.12 [95% CI ...])'): one finding, not two."""
    order = sorted(found, key=lambda f: f.start)
    out: list[Found] = []
    for f in order:
        prev = out[-1] if out else None
        if prev and f.rule == "result.estimate" and prev.rule in ("result.versus", "result.times", "result.change") \
                and f.start >= prev.end and len(_CI_IN_GAP.sub("", text[prev.end:f.start])) <= 60 \
                and not re.search(r"\d|[.!?]\s", _CI_IN_GAP.sub("", text[prev.end:f.start])):
            # a hazard or odds ratio is no quotient of the two values, however near it comes to one
            hazard = re.search(r"\((?:adjusted\s+)?(?:a?hrs?|a?ors?|hazard\s+ratio|odds\s+ratio)\)$", f.measure, re.I)
            if prev.rule == "result.versus" and (hazard or not _restates(prev, f)):
                out.append(f)
                continue
            if prev.rule == "result.change" and _rx()["between_group_cue"].search(text, prev.end, f.end):
                out.append(f)  # 'fell from 9 to 8 with A (between-group difference -1.1; 95% CI ...)': a change
                continue       # within one group, and the groups' difference: two findings
            prev.ci = prev.ci or f.ci
            prev.extra["estimate"] = f.value
            if prev.rule == "result.times":
                prev.value = f"{prev.value} ({text[f.start:f.end].strip()})"
            prev.end = f.end
            continue
        out.append(f)
    return out


def _restates(pair: Found, est: Found) -> bool:
    """Whether an estimate is the difference or ratio of a pair's two values (then it is the
    same finding written twice; an adjusted estimate differs and stays a finding of its own)."""
    a, b, e = _num(pair.value), _num(pair.comparator), _num(est.value)
    if a is None or b is None or e is None:
        return False
    if abs((a - b) - e) <= 0.011 + 0.02 * abs(e) or abs((b - a) - e) <= 0.011 + 0.02 * abs(e):
        return True
    return b != 0 and abs(a / b - e) <= 0.011 + 0.02 * abs(e)


# -- p-values ------------------------------------------------------------------------------
def _p_near(text: str, end: int) -> bool:
    return any(0 <= p.start - end < 40 for p in find(text, "p_value"))


def _p_after(ps: list[Mention], pos: int, limit: int) -> Mention | None:
    return next((p for p in ps if pos <= p.start < limit and p.start - pos < 160), None)


def _same_clause(text: str, a: int, b: int) -> bool:
    """No clause break between a and b: a ';' counts only outside the bracket that holds both
    ('(A vs B; difference d; P < 0.001)')."""
    depth = _depth(text, a)
    for ch in text[a:b]:
        depth += ch in "([" and 1 or ch in ")]" and -1 or 0
        if ch == ";" and depth <= 0:
            return False
    return True


def _depth(text: str, pos: int) -> int:
    """How many brackets are open at pos."""
    head = text[:pos]
    return head.count("(") + head.count("[") - head.count(")") - head.count("]")


def _bind_p(text: str, found: list[Found], ps: list[Mention]) -> None:
    """Each finding's p-value: the first one after it and before the next finding, else the
    sentence's only one when the sentence has one finding."""
    order = sorted(found, key=lambda f: f.start)
    for i, f in enumerate(order):
        # the next finding that is not this one's own estimate ('A vs B; difference d; P')
        later = [g for g in order[i + 1:] if not (g.rule == "result.estimate" and g.start - f.end < 40)]
        nxt = later[0].start if later else len(text)
        f.p = next((p for p in ps if f.end <= p.start < max(nxt, f.end + 1) and p.start - f.end < 160
                    and _same_clause(text, f.end, p.start)), None)
        if f.p is None:
            inside = [p for p in ps if f.start <= p.start < f.end]
            f.p = inside[0] if inside else None
    if len(found) == 1 and found[0].p is None and len(ps) == 1:
        found[0].p = ps[0]


def _p_lists(ps: list[Mention], text: str) -> list[Mention]:
    """The p-values of a list written after one 'P' and assigned by 'respectively' ('(P = .61
    and .14, respectively)'): each further number becomes a p-value mention of its own, with
    the first one's relation."""
    rx = _rx()
    out: list[Mention] = []
    for p in ps:
        out.append(p)
        if p.fields.get("p") is None:
            continue
        more, pos = [], p.end
        while (m := rx["p_list_more"].match(text, pos)) is not None:
            more.append(m)
            pos = m.end()
        if not more or not rx["p_list_end"].match(text, pos):
            continue
        for m in more:
            v = p_number(m.group("v"))
            if v is not None:
                out.append(Mention("p_value", m.start("v"), m.end("v"), m.group("v"),
                                   {**p.fields, "p": v, "ns": p.fields["relation"] in (">", ">=") and v >= 0.05}))
    return out


def _respective_ps(text: str, found: list[Found], ps: list[Mention]) -> None:
    """'X fell by 2% and Y by 4%, but these were not significant (P = .61 and .14,
    respectively)': a run of p-values closed by 'respectively' goes, in order, to as many
    findings before it in the sentence that have no p-value of their own."""
    rx = _rx()
    for resp in rx["p_list_end"].finditer(text):
        run = []
        for p in reversed([p for p in ps if p.end <= resp.start()]):
            nxt = run[0].start if run else resp.start()
            if not re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?", text[p.end:nxt]):
                break
            run.insert(0, p)
        if len(run) < 2:
            continue
        own = {id(p) for p in run}
        before = sorted((f for f in found if f.end <= run[0].start and (f.p is None or id(f.p) in own)),
                        key=lambda f: f.start)[-len(run):]
        if len(before) != len(run):
            continue
        for f, p in zip(before, run):
            f.p = p


# -- helpers -------------------------------------------------------------------------------
def _compatible(a: Item, b: Item) -> bool:
    if a.count_pct != b.count_pct and not (a.unit is None and b.unit is None):
        return False
    if a.unit and b.unit and a.unit.lower() != b.unit.lower():
        return False
    return (a.sd is None) == (b.sd is None) or a.unit == b.unit


def _first_number(s: str) -> str | None:
    m = re.search(r"[-−–]?\d+(?:,\d{3})*(?:[.·]\d+)?", s)
    return m.group(0) if m else None


def _tidy_measure(measure: str) -> str:
    """A measure that is a fragment of statistics ('= 0.013] larger in ...', 'χ2 = 0.76') says nothing;
    a threshold in its name ('adherence <90% by pill count') is no such fragment."""
    bare = _rx()["measure_threshold"].sub("", measure)
    if re.search(r"[=<>\[\]]|^(?!%\s+[A-Za-z])\W", bare) or bare != measure and _names_nothing(measure):
        return "value"  # (a name with a threshold that names only people: 'subgroup of patients with X > 20')
    return measure


def _time_point(text: str, f: Found) -> re.Match | None:
    """The sentence's first time point that is not one of the finding's own values ('4.5 vs 8 days':
    the 8 days is the comparator, not when it was measured)."""
    own = {_num(_in_digits(f.value)), _num(f.comparator) if f.comparator else None} - {None}
    in_time = bool(f.unit and re.match(r"(?:weeks?|days?|months?|years?|hours?|h)$", f.unit))
    for t in _rx()["time"].finditer(text):
        n = re.search(r"\d+", t.group(0))
        if not (in_time and n and float(n.group(0)) in own):
            return t
    return None


def _stored_measure(measure: str, arms: frozenset[str]) -> str:
    """The name a finding is stored under: tidied and in one written form, then without what its
    value already carries (plain_measure) and without a generic head (measure_core); each cut can
    leave a plural or a specimen to put in order again, hence canonical_measure twice."""
    once = canonical_measure(_tidy_measure(measure))
    return measure_core(canonical_measure(plain_measure(once)), arms)


def _fact(ctx: Context, sent, f: Found, confidence: float, arms: frozenset[str]) -> Fact:
    # the measure as the sentence names it: a short form the paper defines stays as written ('UAE'),
    # as readers quote it (the endpoint facts carry the paper's long form among their name synonyms)
    f.measure = _stored_measure(f.measure, arms)
    t = _time_point(sent.text, f)
    p = f.p.fields if f.p else None
    fields = {
        "measure": f.measure, "value": _in_digits(f.value),
        "numeric_value": n if (n := _num(_in_digits(f.value))) is not None else _lone_count(f.value),
        "comparator_value": _in_digits(_comparator_text(f)),
        "numeric_comparator_value": _num(f.comparator) if f.comparator else _lone_count(_comparator_text(f)),
        "unit": f.unit,
        "p_value": p["p"] if p else None, "p_relation": p["relation"] if p and p["p"] is not None else None,
        "p_text": f.p.text.strip("() ") if f.p else None,
        "timepoint": re.sub(r"^(?:at|by|after|over|within|during)\s+", "", t.group(0)) if t else None,
    }
    if f.extra.get("timepoint"):  # the time point that was written where a value would be
        fields["timepoint"] = f.extra["timepoint"]
    if not f.extra.get("comparison"):
        # the finding's own words, not what follows ('X in A (p = 0.6), and the between-group difference ...')
        clause = sent.text[max(0, f.start - 120):max(f.end, f.p.end if f.p else 0)]
        if _rx()["within_group_cue"].search(clause):
            f.extra["comparison"] = "within_group"
        elif _rx()["between_group_cue"].search(clause):
            f.extra["comparison"] = "between_group"
        elif _rx()["before_after_in_group"].search(clause):
            f.extra["comparison"] = "within_group"
    if f.extra.get("comparison"):  # a within-group test is no comparison of the groups: say which it is
        fields["comparison"] = f.extra["comparison"]
        if f.extra.get("group"):
            fields["group"] = f.extra["group"]
    if f.sd is not None:
        fields["sd"] = abs(f.sd)
    if f.ci:
        fields["ci_low"], fields["ci_high"] = f.ci
    start = sent.start_char + f.start
    end = sent.start_char + f.end
    if f.p and f.p.end > f.end and f.p.start - f.end < 160:  # the evidence runs to the p-value
        end = sent.start_char + f.p.end
    quote = sent.text[f.start:end - sent.start_char]
    if sent.text[end - sent.start_char: end - sent.start_char + 1] == ")" and quote.count("(") > quote.count(")"):
        end += 1  # and to the bracket that holds it
    return Fact("result", fields, [ctx.evidence(start, end)], EXTRACTOR, f.rule, confidence, surface=f.measure)


def _comparator_text(f: Found) -> str | None:
    """The comparator value as written, with its own SD, percentage, denominator or CI
    ('20.9 ± 19.8', '18 (17%) of 105'), as the value is kept."""
    text = f.extra.get("comparator_text") or f.comparator
    return text.strip(" ,;") if text else None


def _lone_count(s: str | None) -> float | None:
    """'three', 'nine patients': a count written in words alone (kept as written in the value)."""
    lone = re.fullmatch(rf"({_SPELLED})(?:\s+{_PEOPLE})?", (s or "").strip(), re.I)
    n = to_int(lone.group(1)) if lone else None
    return float(n) if n is not None else None


def _num(s: str | None) -> float | None:
    from kg.extract.mentions import signed_number
    if not s:
        return None
    m = re.search(r"[-−–]?\d+(?:,\d{3})*(?:[.·]\d+)?", s)
    return signed_number(m.group(0)) if m else None
