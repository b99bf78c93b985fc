"""Mechanism statements read clause by clause, beyond the lexicon's drugs and targets.

Trial abstracts state mechanisms in many layouts: active ("X reduced serum MDA"), target
first ("IL-6 levels were lower in the X group", "MDA decreased after X"), nominal ("X
resulted in a reduction in IL-6"), aims ("to evaluate the effect of X on Y") and negated
ones ("X had no effect on Y"). Targets are biomarker noun phrases recognised by data
(`ontology/mechanisms.json`: analyte terms and nomenclature patterns, biomarker heads such as
"levels" or "titers", clinical outcomes excluded); agents are lexicon drugs, the paper's
interventions, or arm phrases ("the X group", "X supplementation"). A statement without an
agent of its own ("MDA decreased after 8 weeks") is read as the study intervention's. Two
more layouts state a mechanism in one phrase: a drug class ("HMG-CoA reductase inhibitors
(statins)") and a property adjective of an agent ("X has anti-inflammatory properties").
Each fact says what kind of statement it is (`statement`: trial_finding, study_aim,
prior_study, background).
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from dataclasses import dataclass

from kg.extract import recache as re
from kg.extract.abbreviations import document_abbreviations
from kg.extract.base import (
    AnyOf,
    Context,
    Fact,
    Guarded,
    GuardIndex,
    alternation,
    guarded,
    part_of,
    sentence_cached,
    whole_word,
)
from kg.extract.folded import folding
from kg.lexicon import ONTOLOGY_DIR, Concept, fold
from kg.vocabulary import target_names

EXTRACTOR = "mechanisms"
TARGET_KINDS = {"CellType", "Cytokine", "Gene", "BiologicalProcess"}
_BREAK = re.compile(r"[;:]|,\s*(?:but|whereas|while|although|however)\b|\bbut\b|\bwhereas\b", re.I)
_WORD = re.compile(r"[\w()+/-]+")
_UP = {"increases", "expands", "activates", "induces"}
_DOWN = {"decreases", "inhibits", "suppresses", "reduces"}


@dataclass(frozen=True)
class Mention:
    """A target, agent or cue in the text (absolute offsets)."""

    start: int
    end: int
    text: str
    concept: Concept | None = None
    relation: str | None = None
    group: tuple[Concept, ...] = ()  # every arm a collective phrase names ("all treatments")


def _direction(relation: str) -> str:
    return "up" if relation in _UP else "down" if relation in _DOWN else "mod"


@functools.lru_cache(maxsize=1)
@folding  # searched on the lowered text where that matches the same (kg/extract/folded.py)
def data() -> dict:
    """ontology/mechanisms.json, with its regular expressions compiled."""
    d = json.loads((ONTOLOGY_DIR / "mechanisms.json").read_text(encoding="utf-8"))
    d["target_terms"] = d["target_terms"] + _process_terms(d["target_processes"])
    alt = lambda xs: "|".join(x.replace(" ", r"\s+") for x in sorted(xs, key=len, reverse=True))  # noqa: E731
    heads, spec = alt(d["target_heads"]), alt(d["specimens"])
    # modifiers, one or two analyte terms ("HDL cholesterol"), an abbreviation in brackets, heads;
    # tried at every word of every sentence: its lists grouped by first letter (same matches)
    g = lambda xs: alternation([x.replace(" ", r"\s+") for x in sorted(xs, key=len, reverse=True)],  # noqa: E731
                               ignore_case=True)
    gmods, gterms, gheads, gspec = (g(d[k]) for k in ("target_modifiers", "target_terms", "target_heads", "specimens"))
    d["rx_target"] = re.compile(rf"(?<![\w-])(?:(?:{gmods})\s+){{0,3}}(?:{gterms})(?:\s+(?:{gterms}))?"
                                rf"(?:\s*\((?!{d['bracket_statistic']})[^()]{{1,20}}\))?(?:[\s-]+(?:{gheads})){{0,2}}"
                                rf"(?:\s+(?:of|in)\s+(?:the\s+)?(?:{gspec})(?:\s+(?:{gspec}))?)?(?![\w-])", re.I)
    # a name of the dictionary's biological entities with the modifiers before it and heads after it
    d["rx_modifiers_before"] = re.compile(rf"(?<![\w-])(?:(?:{gmods})\s+){{1,3}}$", re.I)
    d["rx_heads_after"] = re.compile(rf"(?:[\s-]+(?:{gheads})){{1,2}}(?![\w-])", re.I)
    d["rx_head"] = Guarded(re.compile(rf"(?<![\w-])((?:[\w+/-]+\s+){{1,3}})(?:{heads})(?:\s+(?:{heads}))?(?![\w-])",
                                      re.I),
                           re.compile(rf"\s(?:{heads})(?![\w-])", re.I))
    d["rx_outcome"] = re.compile(rf"(?<![\w-])(?:{alt(d['outcome_exclusions'])})(?![\w-])", re.I)
    d["rx_arms"] = [guarded(re.compile(rf"(?<![\w-]){p}", re.I)) for p in d["arm_patterns"]]
    d["rx_measured"] = [re.compile(p, re.I) for p in d["measured_drug"]]
    d["rx_comparator"] = re.compile(rf"(?<![\w-])(?:{alt(d['comparator_cues'])})\s+(?:the\s+|a\s+)?$", re.I)
    d["rx_non_agent"] = re.compile(rf"(?<![\w-])(?:{alt(d['non_agent_words'])})(?![\w-])", re.I)
    d["rx_future"] = guarded(re.compile(rf"\b(?:{alt(d['future_work_cues'])})\b", re.I))
    d["rx_analyte"] = re.compile(rf"(?:{d['analyte_word']})")
    d["rx_neg_only"] = re.compile(rf"(?:{alt(d['negated_only_cues'])})", re.I)
    d["rx_stop"] = re.compile(rf"(?:{alt(d['phrase_stopwords'])})", re.I)
    # every class pattern names its class noun (its "rel" group) among class_relations' keys
    class_nouns = re.compile("|".join(map(re.escape, d["class_relations"])), re.I)
    d["rx_class"] = [Guarded(re.compile(p, re.I), class_nouns) for p in d["class_patterns"]]
    d["rx_class_before_drug"] = [Guarded(re.compile(p, re.I), class_nouns) for p in d["class_before_drug_patterns"]]
    d["rx_specimen_after"] = re.compile(rf"^(.+?)(?:\s+(?:levels?|concentrations?))?\s+(?:of|in)\s+(?:the\s+)?"
                                        rf"((?:{spec})(?:\s+(?:{spec}))?)$", re.I)
    d["rx_specimen_np"] = re.compile(rf"(?<![\w-])(?:{alt(d['specimen_modifiers'])})\s+([\w-]+)(?![\w-])", re.I)
    d["rx_toxicity"] = re.compile(d["toxicity_target"])
    d["rx_participle_effect"] = re.compile(d["participle_effect"], re.I)
    d["modifier_set"] = {fold(x) for x in d["target_modifiers"]}
    d["class_qualifier_set"] = {fold(x) for x in d["class_qualifiers"]}
    d["rx_treatment_of"] = re.compile(d["treatment_of_agent"], re.I)
    d["rx_cells_given"] = [re.compile(p) for p in d["cells_given"]]
    d["rx_comparator_any"] = re.compile(rf"(?<![\w-])(?:{alt(d['comparator_cues'])})(?![\w-])", re.I)
    nouns, verbs = alt(d["property_nouns"]), alt(d["property_verbs"])
    listed = r"(?:\s*(?:,|\band\b|\bor\b|,\s*and)\s*[\w-]+){0,2}"  # "anti-inflammatory and antioxidant properties"
    d["property"] = [(guarded(re.compile(rf"(?<![\w-])(?:{k}){listed}\s+(?:{nouns})(?![\w-])", re.I)), v[0], v[1])
                     for k, v in d["property_adjectives"].items()]
    d["property_index"] = GuardIndex(rx for rx, _rel, _label in d["property"])  # their words in one scan
    d["rx_property_verb"] = re.compile(rf"(?<![\w-])(?:{verbs})(?![\w-])", re.I)
    d["rx_title"] = [re.compile(p, re.I) for p in d["title_agent_patterns"]]
    d["rx_arm_after"] = re.compile(d["arm_after_target"], re.I)
    d["rx_given_after"] = re.compile(d["given_after_target"], re.I)
    d["rx_association_after"] = re.compile(d["association_after_target"], re.I)
    d["rx_like_change"] = re.compile(d["like_change"], re.I)
    d["rx_class_arm"] = re.compile(rf"(?:{alt(d['class_arm_words'])})", re.I)
    d["rx_topic_before"] = re.compile(d["topic_before_target"], re.I)
    d["rx_lower_is_better"] = re.compile(rf"(?<![\w-])(?:{alt(d['lower_is_better'])})(?![\w-])", re.I)
    d["rx_improve"] = re.compile(d["improve_cue"], re.I)
    d["rx_improve_undirected"] = re.compile(d["improve_undirected"], re.I)
    d["rx_higher_is_better"] = re.compile(rf"(?<![\w-])(?:{alt(d['higher_is_better'])})(?![\w-])", re.I)
    d["rx_generic_target"] = re.compile(d["generic_target"].replace("{generic_nouns}", d["generic_nouns"]), re.I)
    d["rx_marker_cells"] = guarded(re.compile(d["marker_cells"], re.I))
    d["rx_fluid_np"] = re.compile(rf"(?<![\w-])(?:{alt(d['analyte_fluids'])})\s+([\w-]+)(?![\w-])", re.I)
    d["rx_specimen_word"] = re.compile(rf"(?:{spec}|{alt(d['specimen_modifiers'])})", re.I)
    d["rx_generic_analyte"] = re.compile(rf"(?:{alt(d['generic_analyte_words'])})", re.I)
    d["rx_members_lead"] = re.compile(d["members_lead"], re.I)
    d["rx_member"] = re.compile(d["member_name"])
    d["rx_anti_before"] = re.compile(d["anti_before_target"], re.I)
    d["rx_arm_head"] = re.compile(rf"(?:[\s-]+(?:{alt(d['arm_heads'])})s?)+$", re.I)
    d["excluded"] = {fold(x) for x in d["agent_exclusions"]}
    d["rx_generic"] = re.compile(rf"(?<![\w-])(?:{alt(d['generic_agents'])})(?![\w-])", re.I)
    d["rx_aim"] = re.compile(rf"\b(?:{alt(d['aim_cues'])})\b", re.I)
    d["rx_prior"] = guarded(re.compile(rf"\b(?:{alt(d['prior_cues'])})\b", re.I))
    w = d["other_work"]
    d["rx_citation"] = re.compile("|".join(f"(?:{p})" for p in w["citation"]))
    d["rx_other_work"] = guarded(re.compile(rf"\b(?:{alt(w['cues'])})\b", re.I))
    d["rx_own_work"] = re.compile(rf"\b(?:{alt(w['own_work'])})\b", re.I)
    d["rx_third_party"] = re.compile("|".join(f"(?:{p})" for p in w["third_party"]), re.I)
    d["rx_baseline"] = guarded(re.compile(d["baseline"], re.I))
    d["rx_baseline_change"] = re.compile(d["baseline_change"], re.I)
    d["rx_recovery"] = guarded(re.compile(d["recovery"], re.I))
    d["rx_intake_before"] = re.compile(d["intake_before"], re.I)
    d["rx_intake_after"] = re.compile(d["intake_after"], re.I)
    d["rx_patient_count"] = re.compile(d["patient_count_after_target"], re.I)
    d["rx_classifier_after"] = re.compile(rf"[\s-]*(?:{alt(d['classifier_after_target'])})\b", re.I)
    d["rx_classifier_list"] = re.compile(d["classifier_after_list"], re.I)
    d["rx_name_head"] = re.compile(rf"(?:{alt(d['name_head_words'])})", re.I)
    d["rx_bare_generic"] = re.compile(d["bare_generic_target"].replace("{generic_nouns}", d["generic_nouns"]), re.I)
    d["rx_effect_of"] = re.compile(rf"\b(?:{alt(d['effect_of_cues'])})\s+of\s+(?:the\s+|a\s+)?$", re.I)
    d["rx_neg"] = re.compile(rf"(?<![\w-])(?:{alt(d['negation_cues'])})(?![\w-])", re.I)
    d["rx_hedge"] = re.compile(rf"(?<![\w-])(?:{alt(d['hedge_cues'])})(?![\w-])", re.I)
    d["rx_base_before"] = re.compile(rf"(?<![\w-])(?:{alt(d['base_before_cues'])})\s+(?:an?\s+|the\s+|their\s+)?$",
                                     re.I)
    d["rx_base_after"] = re.compile(rf"^\s*(?:{alt(d['base_after_cues'])})(?![\w-])", re.I)
    d["rx_neg_before_statement"] = re.compile(d["negation_before_statement"], re.I)
    # asked of every sentence, found in few: behind the words each needs ('group', 'arm', 'cohort')
    d["rx_group_scope"] = guarded(re.compile(d["group_scope"], re.I))
    d["rx_group_pair"] = guarded(re.compile(d["group_pair"], re.I))
    d["rx_group_pair_shared"] = [guarded(re.compile(p, re.I)) for p in d["group_pair_shared"]]
    d["rx_group_label_pair"] = re.compile(d["group_label_pair"])
    d["rx_every_group_after"] = re.compile(d["every_group_after_target"], re.I)
    d["rx_group_short"] = re.compile(d["group_short_scope"])
    d["rx_receptor_of"] = re.compile(d["receptor_of_target"], re.I)
    d["rx_cell_subsets"] = [re.compile(p) for p in d["cell_subsets"]]
    d["rx_process"] = re.compile("|".join(f"(?:{x})" for x in _process_terms(d["target_processes"]))
                                 .replace(" ", r"\s+"), re.I)
    d["rx_ratio_pair"] = re.compile(d["ratio_pair"], re.I)
    d["rx_process_compound"] = re.compile(d["process_compound"], re.I)
    d["rx_process_owner"] = re.compile(d["process_owner"], re.I)
    d["rx_location"] = re.compile(d["location_of_target"], re.I)
    d["rx_subject_lead"] = re.compile(d["subject_lead"], re.I)
    d["rx_subject_trail"] = re.compile(d["subject_trail"], re.I)
    d["rx_group_label"] = re.compile(d["group_label_scope"])
    d["rx_group_label_defs"] = [re.compile(p) for p in d["group_label_definitions"]]
    d["rx_all_arms"] = guarded(re.compile(d["all_arms"], re.I))
    d["rx_healthy_comparison"] = re.compile(d["healthy_comparison"], re.I)
    d["rx_title_population"] = re.compile(d["title_population_therapy"], re.I)
    d["rx_control_arm"] = re.compile(d["control_arm_words"], re.I)
    d["rx_comparator_lead"] = re.compile(d["comparator_lead"], re.I)
    d["filler_set"] = {fold(w) for w in d["subject_fillers"]}
    d["rx_control_before_than"] = re.compile(d["control_before_than"], re.I)
    d["rx_smaller_change"] = re.compile(d["smaller_change"], re.I)
    d["rx_head_before"] = re.compile(d["head_before_analyte"], re.I)
    d["rx_named_head"] = re.compile(d["named_head"])
    d["rx_than_agent_lead"] = re.compile(d["than_agent_lead"], re.I)
    d["rx_premed_before"] = re.compile(d["premedication_before"], re.I)
    d["rx_premed_after"] = re.compile(d["premedication_after"], re.I)
    d["rx_control_after"] = re.compile(rf"^\s*(?:[\d.,]+\s*[^\s()]+\s*)?(?:{'|'.join(d['control_arm_cues'])})", re.I)
    d["rx_combination"] = re.compile(rf"^\s*(?:[\d.,]+\s*[^\s()]+\s*)?(?:\([^()]{{0,40}}\)\s*)?"
                                     rf"(?:{alt(d['combination_cues'])})\s*"
                                     rf"(?:[\d.,]+\s*\S+\s+(?:of\s+)?)?$", re.I)
    # 'depletion using the anti-CD20 antibody X': a link, then what the agent is, then its name
    d["rx_link_named"] = re.compile(rf"(?<![\w-])(?:{alt(d['instrument_links'])})\s+(?:the\s+|a\s+|an\s+)?"
                                    rf"(?:{d['instrument_descriptor']}\s+){{1,3}}$", re.I)
    d["rx_link"] = re.compile(rf"(?<![\w-])(?:{alt(d['passive_links'])})\s+(?:the\s+|a\s+|an\s+|all\s+|both\s+)?$",
                              re.I)
    return d


def _process_terms(p: dict) -> list[str]:
    """Target terms of physiological processes and microbiota: each modifier (organ, cell, agent)
    with every process noun ('intestinal permeability', 'viral replication'), one term per
    modifier so that the terms stay grouped by their first letter; the terms of every other list
    (standalone processes, reproduction, tissue structure, nerve fibres, microbiota...) as they are."""
    nouns = "|".join(x.replace(" ", r"\s+") for x in sorted(p["nouns"], key=len, reverse=True))
    gap = r"[\s-]+"
    joined = [m.replace(" ", gap) + rf"{gap}(?:{nouns})" for m in p["modifiers"]]
    return joined + [term for key, terms in p.items() if key not in ("modifiers", "nouns") for term in terms]


def clause_mechanisms(ctx: Context, seen: set[tuple], defaults: list[Concept], others: list[str]) -> list[Fact]:
    """Mechanism facts of every sentence, skipping (agent, direction, target) already in `seen`;
    `defaults` and `others`: the paper's default agents and other arms (`default_arms`)."""
    from kg.extract.mechanisms import _cues  # the relation cues of ontology/relations.json

    d = data()
    arms = active_arms(ctx)  # with several active arms, a statement names its own
    out: list[Fact] = []
    text = ctx.document.text
    label_arm, last_para = None, -1
    for sent in ctx.sentences():
        keys: set[tuple] = set()  # one fact per statement: a finding restated elsewhere is another statement
        part, in_abs = part_of(ctx.document, sent.start_char)
        para = text.rfind("\n\n", 0, sent.start_char)
        if para != last_para:
            label_arm, last_para = None, para
        arm, label_arm = _group_scope(ctx, sent.text, label_arm)
        arm = arm or _arm_heading(ctx, sent.start_char)
        if d["rx_future"].search(sent.text) or _with_control(arm):
            continue  # 'fell in the X group and in the placebo group': no effect of X
        context = statement_kind(sent.text, part, in_abs)
        out += _drug_classes(ctx, sent, context)
        # a sentence without a target states no mechanism but a property one ("X has
        # anti-inflammatory properties"), which asks for the agents only where such a phrase is
        found_t = _targets(ctx, sent) if _may_state(sent.text) else []
        if not found_t:
            out += _properties(ctx, sent, None, context)
            continue
        agents, blocked = _agents(ctx, sent)
        # "Statins lower LDL cholesterol and have anti-inflammatory effects": the biomarker is no owner
        out += _properties(ctx, sent, [a for a in agents if not any(_analyte(ctx, a, t) for t in found_t)], context)
        for f in _participle_effects(ctx, sent, agents, found_t, context):
            key = (f.fields["agent"].iri, _direction(f.fields["relation"]), f.fields["target"].iri)
            if key not in seen:  # the clause reading below then skips the same statement
                keys.add((key, f.fields["negated"]))
                out.append(f)
        # "serum cortisol", "IL-2 levels": a drug inside a biomarker phrase is the analyte
        agents = [a for a in agents if not any(_analyte(ctx, a, t) for t in found_t)]
        targets = [t for t in found_t if not any(_overlap(t, a) for a in agents + blocked)]
        if not targets:
            continue
        cues = [Mention(s, e, text[s:e], relation=r) for s, e, r in _cues(sent)]
        cues = [c for c in cues if not any(_overlap(c, t) for t in targets)
                and not any(a.end <= c.start <= a.end + 1 and text[a.end:c.start] == "-" for a in agents)
                and not _specimen_participle(text, c)]
        hedged = bool(d["rx_hedge"].search(sent.text))
        for t in targets:
            if d["rx_every_group_after"].match(text, t.end, sent.end_char) and not d["rx_neg"].search(sent.text):
                continue  # 'the rise of ALP in both groups': under the comparator too ('similar in both arms' denies)
            found = _read(ctx, sent, t, targets, agents, blocked, cues,
                          named_in(sent.text, fallback_agents(defaults, arms, arm, others))
                          if context == "trial_finding" and not d["rx_healthy_comparison"].search(sent.text)
                          else [], part, in_abs)
            for agent_list, relation, start, end, scope, *layout in found:
                if t.concept is not None and layout and all(a.source == "lexicon" for a in agent_list) \
                        and any(e.start_char == start for e in ctx.concepts_in(sent, {"Drug"})):
                    continue  # "<lexicon drug> <cue> <lexicon target>": mechanisms.py reads those
                lead = text[max(sent.start_char, scope[0] - 40):scope[0]]  # 'no evidence of a <statement>'
                negated = bool(d["rx_neg"].search(_scope_text(text, scope, t))) or \
                    bool(re.search(r"\b(?:not|no)\s+(?:\w+\s+)?$", text[max(sent.start_char, t.start - 20):t.start])) \
                    or bool(d["rx_neg_before_statement"].search(lead))
                target_c = t.concept or _target_concept(ctx, t)
                for agent_c in agent_list:
                    if set(re.findall(r"\w{3,}", fold(agent_c.label))) & set(re.findall(r"\w{3,}", fold(t.text))) \
                            and not _ANTIBODY.search(t.text):
                        continue  # "saturated fat content", "X serum levels": the agent's own amount
                    key = (agent_c.iri, _direction(relation), target_c.iri)
                    if key in seen or (key, negated) in keys or agent_c.iri == target_c.iri:
                        continue
                    keys.add((key, negated))
                    fields = {"agent": agent_c, "relation": relation, "target": target_c, "hedged": hedged,
                              "negated": negated, "cited": context == "prior_study", "statement": context,
                              "context": _setting(sent.text), "citation": None}
                    out.append(Fact("mechanism", fields, [ctx.evidence(start, end)], EXTRACTOR, "mechanism.clause",
                                    0.6, surface=t.text))
    return out


@functools.lru_cache(maxsize=1)
def _statement_words() -> AnyOf:
    """What a statement of a change in a target needs: a relation cue (the clause layouts and
    the participle one read nothing without one) or an effect noun ('the effect of X on Y')."""
    from kg.extract.mechanisms import relation_cues

    return AnyOf([rx for rx, _r in relation_cues()] + [guarded(data()["rx_effect_of"])])


def _may_state(sentence: str) -> bool:
    """Whether a sentence can state a mechanism with a target: one scan for the words every
    such statement holds, before the targets' costly patterns are tried on it."""
    return _statement_words().search(sentence)


def _group_scope(ctx: Context, sentence: str, label: str | None) -> tuple[str | None, str | None]:
    """The arm a sentence states its changes in ('in the X group', 'in PG' for a group the paper
    named 'placebo group (PG)'), else the one a label opening an earlier sentence of the paragraph
    named ('In X group: ...'); and the label carried on. Short forms are read as their long forms.
    Two groups a change is stated in ('in Group A (...) and in Group B') are one arm phrase naming
    both, so that each one's agent has the change."""
    d = data()
    pair = _group_pair(ctx, sentence) if " and " in sentence else None
    if pair is not None:
        return pair, label
    m = d["rx_group_scope"].search(sentence)
    label_m = d["rx_group_label"].search(sentence) if m is None else None
    if m is not None:
        arm = _long_forms(ctx, m.group("arm"))
    elif label_m is not None:
        m = label_m
        arm = _group_labels(ctx).get(_label_key(m.group("label")), m.group("label"))
    else:
        groups = _group_short_forms(ctx)
        m = next((x for x in d["rx_group_short"].finditer(sentence) if x.group("short") in groups), None) \
            if groups else None
        if m is None:
            return label, label
        arm = groups[m.group("short")]
    opens = m.start() <= 2 and sentence[m.end():m.end() + 2].strip().startswith(":")
    return arm, arm if opens else label


PAIR = " & "  # joins the two groups of a pair (_group_pair) into one arm phrase; no arm phrase of a text holds it


def _group_pair(ctx: Context, sentence: str) -> str | None:
    """The two groups of 'in the X group and in the Y group', 'both in the X group and the Y group',
    'in the X and Y groups' or 'in Group A and Group B' (labels read as what the paper says they
    are), as one phrase naming both."""
    d = data()
    m = d["rx_group_pair"].search(sentence) or next(
        (x for rx in d["rx_group_pair_shared"] for x in [rx.search(sentence)]
         if x is not None and not (d["rx_control_arm"].search(x.group(0)) and d["rx_neg"].search(sentence))),
        None) if "respectively" not in sentence else None  # 'in the X and Y groups, respectively': each its own value
    if m is not None:  # ('comparable in the X and placebo arms' denies a difference: no pair that voids it)
        return f"{_long_forms(ctx, m.group('arm'))}{PAIR}{_long_forms(ctx, m.group('arm2'))}"
    m = d["rx_group_label_pair"].search(sentence)
    if m is None:
        return None
    labels = _group_labels(ctx)
    return PAIR.join(labels.get(_label_key(m.group(k)), m.group(k)) for k in ("label", "label2"))


def _with_control(arm: str | None) -> bool:
    """True for a pair of groups (see _group_pair) one of which is a control arm."""
    return bool(arm) and PAIR in arm and bool(data()["rx_control_arm"].search(arm))


def _label_key(label: str) -> str:
    return re.sub(r"\s+", " ", label).lower()


def _group_labels(ctx: Context) -> dict[str, str]:
    """What the paper says each lettered or numbered group is ('group o' → 'omeprazole', 'group a'
    → 'control'), by its first definition."""
    cache = ctx.document.cache
    if "mechanism_group_labels" not in cache:
        out: dict[str, str] = {}
        text = ctx.document.text
        if re.search(r"(?i)\b(?:group|arm)\s+[A-Z0-9]{1,2}\b", text):
            for rx in data()["rx_group_label_defs"]:
                for m in rx.finditer(text):
                    out.setdefault(_label_key(m.group("label")), m.group("name"))
        cache["mechanism_group_labels"] = out
    return cache["mechanism_group_labels"]


def _short_forms(ctx: Context) -> dict[str, str]:
    """The paper's short forms and the long forms it defines for them ('PG' → 'placebo group')."""
    cache = ctx.document.cache
    if "mechanism_group_short_forms" not in cache:
        cache["mechanism_group_short_forms"] = {short: ab.name
                                                for short, ab in document_abbreviations(ctx.document).items()}
    return cache["mechanism_group_short_forms"]


def _group_short_forms(ctx: Context) -> dict[str, str]:
    """The short forms whose long form names a group ('PG' → 'placebo group'), read once per paper:
    most papers define none, and their sentences are then not scanned for one."""
    cache = ctx.document.cache
    if "mechanism_group_short_groups" not in cache:
        cache["mechanism_group_short_groups"] = {s: long for s, long in _short_forms(ctx).items()
                                                 if re.search(r"(?i)\b(?:group|arm|cohort)s?$", long)}
    return cache["mechanism_group_short_groups"]


def _long_forms(ctx: Context, phrase: str) -> str:
    """The phrase with each short form the paper defines replaced by its long form ('ZA' → 'zoledronic
    acid'), and an arm's short form with its dose ('ZA10', 'A40') by the arm's drug."""
    shorts, arms = _short_forms(ctx), _short_form_agents(ctx)
    return re.sub(r"[\w+-]+", lambda w: shorts.get(w.group(0)) or (arms[w.group(0)].label if w.group(0) in arms
                                                                  else w.group(0)), phrase)


_DOSED_SHORT = re.compile(r"(?<![\w-])(?P<prefix>[A-Z][A-Za-z]{0,4})-?(?P<dose>\d+(?:\.\d+)?)(?![\w-])")


def _short_form_agents(ctx: Context) -> dict[str, Concept]:
    """Short forms that name a study arm, with the arm's drug: one the paper defines with a long
    form naming an intervention ('atorvastatin 40 mg (A40)'), and one written as the short form
    or initials of an intervention followed by one of its doses ('ZA10' for zoledronic acid
    (ZA) 10 mg, 'A20' for atorvastatin 20 mg) even where the paper never defines it."""
    cache = ctx.document.cache.setdefault("mechanism_short_form_agents", {})
    if "agents" in cache:
        return cache["agents"]
    excluded = data()["excluded"]
    concepts = [c for c in _intervention_concepts(ctx) if fold(c.label) not in excluded]  # not 'intravenous'
    out: dict[str, Concept] = {}
    for short, ab in _abbreviations(ctx).items():
        long = ab.name
        if any(sp.label_ == "Condition" for sp in ctx.concept_spans(ab.start, ab.end)):
            continue  # 'diaphragmatic hernia (DH)': a disease, whatever the arms are called
        named = [c for c in concepts if _label_rx(c.label).search(long)]
        if len({c.iri for c in named}) == 1 and fold(short) != fold(named[0].label):
            out[short] = named[0]
    doses: dict[str, set[float]] = {}
    for f in ctx.facts:
        if f.kind == "intervention" and isinstance(f.fields.get("drug"), Concept) and f.fields.get("dose_value"):
            doses.setdefault(f.fields["drug"].iri, set()).add(float(f.fields["dose_value"]))
    for m in _DOSED_SHORT.finditer(ctx.document.text) if doses else ():
        token, prefix = m.group(0), m.group("prefix")
        if token in out:
            continue
        by_prefix = [out[prefix]] if prefix in out else \
            [c for c in concepts if "".join(w[0] for w in re.findall(r"[^\W\d_]+", c.label)).upper() == prefix.upper()]
        named = [c for c in by_prefix if float(m.group("dose")) in doses.get(c.iri, ())]
        if len(named) == 1:
            out[token] = named[0]
    cache["agents"] = out
    return out


def _arm_heading(ctx: Context, pos: int) -> str | None:
    """The heading of the innermost body section around pos when it is short enough to name an
    arm ('Placebo', 'Garlic group'): results are often written one sub-section per arm."""
    inner = [s for s in ctx.document.sections if s.kind == "body" and s.start <= pos < s.end]
    if not inner:
        return None
    name = min(inner, key=lambda s: s.end - s.start).name.strip()
    return name if 0 < len(name.split()) <= 3 else None


_BARE_LABEL = re.compile(r"(?i)(?:group|arm|cohort)\s+[A-Z0-9]{1,2}")


def _arm_defaults(defaults: list[Concept], arm: str | None, others: list[str]) -> list[Concept]:
    """The study arms a statement without an agent falls back to, narrowed to the arm it names:
    that arm's agent, none for a control arm or another arm of the paper (`others`: names of
    its other interventions and comparators), all of them for an arm named otherwise ('the
    intervention group', 'the high-dose group')."""
    if not arm or not defaults:
        return defaults
    if data()["rx_control_arm"].search(arm) or _BARE_LABEL.fullmatch(arm):
        return []  # a control arm; a group label the paper never says the arm of ('in group B')
    words = set(re.findall(r"\w{4,}", fold(arm)))
    named = [c for c in defaults if words & set(re.findall(r"\w{4,}", fold(c.label)))]
    if named:
        return named
    return [] if any(words & set(re.findall(r"\w{4,}", fold(o))) for o in others) else defaults


def fallback_agents(defaults: list[Concept], arms: list[Concept], arm: str | None, others: list[str]) -> list[Concept]:
    """The agents of a statement without one of its own: the study intervention narrowed to the
    arm named (_arm_defaults); the arm named among several study arms when there is no single
    one (named_arm); each of two groups named together, whichever is the study's."""
    if arm and PAIR in arm or not defaults:
        return named_arm(arms, arm)
    return _arm_defaults(defaults, arm, others) or comparator_arm(defaults, arms, arm)


def named_in(sentence: str, agents: list[Concept]) -> list[Concept]:
    """Of several study arms a statement without an agent falls back to, those its sentence names
    ('IL-6 fell after 8 weeks of X' in a trial of X, Y and placebo): X's, not Y's too; all of them
    when it names none or every one."""
    if len(agents) < 2:
        return agents
    words = set(re.findall(r"\w{4,}", fold(sentence)))
    named = [c for c in agents if set(re.findall(r"\w{4,}", fold(c.label))) <= words]
    return named or agents


def comparator_arm(defaults: list[Concept], arms: list[Concept], arm: str | None) -> list[Concept]:
    """The active comparator a statement names ('in the Y group', 'In Group B:' of a trial of X
    versus Y): a change stated in that arm is Y's own (not the study drug's, nor a placebo's)."""
    own = {c.iri for c in defaults}
    return [c for c in named_arm(arms, arm) if c.iri not in own]


def named_arm(arms: list[Concept], arm: str | None) -> list[Concept]:
    """In a trial of several study arms (no single one a statement without an agent falls back
    to), the arm the statement names ('in the X group', 'In Group B:', a section headed by it):
    its agent; both for a pair of groups ('in Group A and in Group B'); none when no arm, a
    control arm, or words every arm shares ('the high-dose group' of two doses) name it."""
    if not arm or len(arms) < 2 or data()["rx_control_arm"].search(arm):
        return []
    words = set(re.findall(r"\w{4,}", fold(arm)))
    named = [c for c in arms if words & set(re.findall(r"\w{4,}", fold(c.label)))]
    return named if named and (len(named) < len(arms) or PAIR in arm) else []


def default_arms(ctx: Context) -> tuple[list[Concept], list[str]]:
    """The agents a statement without its own falls back to (`_default_agents`) and the names of
    the paper's other arms (`_other_arms`): read once per paper for the clause and result readers
    both (reading every sentence's agents, ~1 ms a paper)."""
    defaults = _default_agents(ctx)
    return defaults, _other_arms(ctx, defaults)


def _other_arms(ctx: Context, defaults: list[Concept]) -> list[str]:
    """Names of the paper's interventions and comparator or background arms other than `defaults`."""
    own = {c.iri for c in defaults}
    base, control = _arm_roles(ctx)
    names = [c.label for c in _intervention_concepts(ctx) if c.iri not in own]
    return names + [iri.rsplit("/", 1)[-1].replace("-", " ") for iri in (base | control) - own]


def _scope_text(text: str, scope: tuple[int, int], t: Mention) -> str:
    """The negation scope of a target, without a 'but not Y' right after it: 'total but not
    specific IgA was elevated' denies the rise of specific IgA only."""
    out = data()["rx_like_change"].sub(lambda m: " " * len(m.group(0)), text[scope[0]:scope[1]])
    bn = re.match(r"\s+but\s+not\s+[\w-]+", text[t.end:scope[1]])
    if bn and scope[0] <= t.end:
        rel = t.end - scope[0]
        out = out[:rel] + " " * bn.end() + out[rel + bn.end():]
    return out


def _analyte(ctx: Context, a: Mention, t: Mention) -> bool:
    """True when the agent mention is (part of) the biomarker `t` rather than an agent: inside a
    longer biomarker phrase ("serum cortisol"), a lexicon match across two biomarkers of a list
    ("total cholesterol, LDL-C"), or a biomarker phrase itself that is not the study intervention
    (the title's agents, else the interventions): "... reduced cholesterol and MDA"."""
    if not _overlap(a, t):
        return False
    inside = t.start <= a.start and a.end <= t.end
    if not inside and not (a.start <= t.start and t.end <= a.end):
        return True
    if t.concept is not None and (a.start, a.end) == (t.start, t.end) and t.text in _target_short_forms(ctx) \
            and not any(a.concept and a.concept.iri == c.iri for c in studied_agents(ctx)):
        return True  # 'SUA' for 'serum uric acid (SUA)': the biomarker's short form, whatever the lexicon says
    if t.concept is not None or not inside:
        return False
    if (t.end - t.start) > (a.end - a.start):
        return True
    return not any(a.concept and a.concept.iri == c.iri for c in studied_agents(ctx))


def studied_agents(ctx: Context) -> list[Concept]:
    """The trial's own agents: the title's, when it names them, else the interventions."""
    return _title_agents(ctx) or _intervention_concepts(ctx)


def _properties(ctx: Context, sent, agents: list[Mention] | None, context: str) -> list[Fact]:
    """"X has anti-inflammatory properties", "the antioxidative role of X": an adjective that is
    a relation and a target in one, said of an agent's own effect. `agents`: the sentence's,
    or None to read them only when such a phrase is found."""
    d = data()
    text = ctx.document.text
    out = []
    for i, rx in d["property_index"].offered(sent.text):
        _rx, relation, label = d["property"][i]
        for m in rx.finditer(sent.text):
            if agents is None:
                agents = _agents(ctx, sent)[0]
            s, e = sent.start_char + m.start(), sent.start_char + m.end()
            after = next((a for a in agents if a.start >= e and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[e:a.start])),
                         None)
            before = [a for a in agents if a.end <= s and d["rx_property_verb"].search(text[a.end:s])
                      and len(_WORD.findall(text[a.end:s])) <= 20 and not _BREAK.search(text[a.end:s])]
            owner = [a for a in agents if a.end <= s] if re.search(r"(?i)\b(?:its|their)\s+$", text[s - 8:s]) else []
            agent = after or (before[-1] if before else None) or (owner[-1] if owner else None) \
                or _phrase_after_of(ctx, e, sent.end_char)
            if agent is None:
                continue
            target_c = ctx.lexicon.by_label(label) or _target_concept(ctx, Mention(s, e, label))
            start, end = min(s, agent.start), max(e, agent.end)
            for agent_c in _coordinated(text, agent, agents):
                fields = {"agent": agent_c, "relation": relation, "target": target_c,
                          "hedged": bool(d["rx_hedge"].search(sent.text)),
                          "negated": bool(d["rx_neg"].search(text[start:s])), "cited": context == "prior_study",
                          "statement": context, "context": _setting(sent.text), "citation": None}
                out.append(Fact("mechanism", fields, [ctx.evidence(start, end)], EXTRACTOR, "mechanism.property", 0.5,
                                surface=label))  # the paper names the target only through the adjective
    return out


def _participle_effects(ctx: Context, sent, agents: list[Mention], targets: list[Mention], context: str) -> list[Fact]:
    """"the nephrotoxicity ameliorating effect of X": a target, a participle that is a relation
    cue, an effect noun and the agent after 'of'."""
    if "ing " not in sent.text or " of " not in sent.text:
        return []
    from kg.extract.mechanisms import relation_cues

    d = data()
    text = ctx.document.text
    out = []
    for a in agents:
        m = d["rx_participle_effect"].search(text[max(sent.start_char, a.start - 60):a.start])
        if m is None:
            continue
        cue = m.group("cue")
        relation = next((r for rx, r in relation_cues() if rx.fullmatch(cue)), None)
        cue_start = a.start - (len(text[max(sent.start_char, a.start - 60):a.start]) - m.start("cue"))
        t = next((t for t in targets if t.end <= cue_start and not text[t.end:cue_start].strip(" -")), None)
        if relation is None or t is None:
            continue
        target_c = t.concept or _target_concept(ctx, t)
        start, end = t.start, a.end
        fields = {"agent": a.concept, "relation": relation, "target": target_c,
                  "hedged": bool(d["rx_hedge"].search(sent.text)), "negated": bool(d["rx_neg"].search(text[start:end])),
                  "cited": context == "prior_study", "statement": context, "context": _setting(sent.text),
                  "citation": None}
        out.append(Fact("mechanism", fields, [ctx.evidence(start, end)], EXTRACTOR, "mechanism.participle_effect", 0.6,
                        surface=t.text))
    return out


def _phrase_after_of(ctx: Context, pos: int, end: int) -> Mention | None:
    """The short noun phrase after "of" ("the antioxidant effect of ascorbic acid was ...")."""
    d = data()
    text = ctx.document.text
    m = re.match(r"\s+of\s+(?:the\s+)?((?:[\w-]+\s+){0,2}[\w-]+)", text[pos:end])
    if not m:
        return None
    words = list(re.finditer(r"[\w-]+", m.group(1)))
    keep = []
    for w in words:
        if fold(w.group(0)) in d["excluded"] or d["rx_stop"].fullmatch(w.group(0)) or _is_cue_word(w.group(0)) \
                or re.fullmatch(r"(?i)was|were|is|are|has|have|in|on", w.group(0)):
            break
        keep.append(w)
    if not keep:
        return None
    s, e = pos + m.start(1) + keep[0].start(), pos + m.start(1) + keep[-1].end()
    phrase = text[s:e]
    if d["rx_target"].search(phrase) or d["rx_outcome"].search(phrase) or d["rx_non_agent"].search(phrase) \
            or len(re.findall(r"[^\W\d_]", phrase)) < 3 or re.search(r"(?i)(?:tion|ment|ance|ence)$", phrase) \
            or re.match(r"\s+of\b", text[e:end]):
        return None  # "the effect of deletion of cells": a process, not an agent
    return Mention(s, e, phrase, ctx.lexicon.by_label(phrase, "Drug") or ctx.lexicon.discover("Drug", phrase, "arm"))


def _drug_classes(ctx: Context, sent, context: str) -> list[Fact]:
    """"HMG-CoA reductase inhibitors (statins)", "X, a COX-2 inhibitor": the class states the mechanism."""
    d = data()
    out = []
    drugs = None
    for rx, known in [(rx, False) for rx in d["rx_class"]] + [(rx, True) for rx in d["rx_class_before_drug"]]:
        for m in rx.finditer(sent.text):
            if known:  # 'the SGLT2 inhibitor dapagliflozin': the name after the class must be a drug
                drugs = drugs if drugs is not None else {(e.start_char, e.end_char): ctx.concept(e)
                                                         for e in ctx.concepts_in(sent, {"Drug"})}
                if (sent.start_char + m.start("agent"), sent.start_char + m.end("agent")) not in drugs:
                    continue
            words = list(re.finditer(r"\S+", m.group("target")))
            keep = []  # the noun phrase right before the class noun ("... with the BRAF inhibitors": BRAF)
            for w in reversed(words):
                if fold(w.group(0)) in d["excluded"] or d["rx_stop"].fullmatch(w.group(0)) \
                        or fold(w.group(0)) in d["class_qualifier_set"]:
                    break  # 'a partial agonist', 'a reversible inhibitor': how, not what
                keep.insert(0, w)
            if not keep or d["rx_outcome"].search(" ".join(w.group(0) for w in keep)):
                continue  # "blood pressure-lowering agents": a clinical outcome is a result, not a mechanism
            ts = sent.start_char + m.start("target") + keep[0].start()
            te = sent.start_char + m.end("target")
            target = Mention(ts, te, ctx.document.text[ts:te])
            relation = d["class_relations"][m.group("rel").lower().rstrip("s")]
            for agent in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+or\s+", m.group("agent").strip()):
                if len(agent) < 3 or fold(agent) in d["excluded"] or d["rx_non_agent"].search(agent):
                    continue
                agent_c = ctx.lexicon.by_label(agent, "Drug") or ctx.lexicon.discover("Drug", agent, "arm")
                fields = {"agent": agent_c, "relation": relation, "target": _target_concept(ctx, target),
                          "hedged": False, "negated": False, "cited": context == "prior_study", "statement": context,
                          "context": _setting(sent.text), "citation": None}
                ev = ctx.evidence(sent.start_char + m.start(), sent.start_char + m.end())
                out.append(Fact("mechanism", fields, [ev], EXTRACTOR, "mechanism.drug_class", 0.6, surface=target.text))
    return out


def _read(ctx, sent, t, targets, agents, blocked, cues, defaults, part, in_abs) -> list[tuple]:
    """(agents, relation, evidence start, evidence end, negation scope) for one target."""
    text = ctx.document.text
    s0 = sent.start_char
    # "the effect of X on Y"
    for a in reversed([a for a in agents if a.end <= t.start]):
        between = _strip(text, a.end, t.start, targets)
        if re.fullmatch(r"\s*(?:\([^()]*\)\s*)?(?:[\w-]+\s+){0,2}?(?:on|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}", between) \
                and _effect_of(text[max(s0, a.start - 40):a.start]):
            return [(_coordinated(text, a, agents), "modulates", a.start, t.end, (max(s0, a.start - 40), t.end))]
        break
    # active: agent ... cue ... target
    first = t  # "in total cholesterol, LDL-C, or any of the lipid markers": from the list's first member
    for x in sorted(targets, key=lambda m: -m.start):
        if x.end <= first.start and _LIST.fullmatch(re.sub(r"\([^()]*\)", " ", text[x.end:first.start])) \
                and not any(x.end <= c.start and c.end <= first.start for c in cues):
            first = x
    before = [c for c in cues if c.end <= first.start and _bridge_ok(text, c.end, first.start, targets, 5)
              and not _change_noun_of(text, c, targets, s0)]
    if not before:  # "differences in relapse rate, EDSS, quality of life, IL-10 and IFN-γ": outcomes listed first
        before = [c for c in cues if c.end <= first.start and _ITEMS.fullmatch(text, c.end, first.start)][-1:]
    near_after = [c for c in cues if c.start >= t.end and _bridge_ok(text, t.end, c.start, targets, 3)
                  and not re.search(r",|\band\b|\bor\b", text[t.end:c.start])]
    if before and near_after and re.search(r",|\band\b", _strip(text, before[-1].end, t.start, targets)):
        before = []  # "A rose and B fell": B's own verb follows it
    if len(before) > 1 and before[-1].text.lower().endswith("ed") and not text[before[-1].end:first.start].strip() \
            and (before[-2].text.lower().endswith((" of", " in")) and _bridge_ok(text, before[-2].end, before[-1].start,
                                                                                [], 2)
                 or NOUN_PARTICIPLE.fullmatch(text, before[-2].end, before[-1].start)
                 and not any(a.start >= before[-2].end and a.end <= before[-1].start for a in agents)):
        before = before[:-1]  # "suppression of mitogen stimulated IFN-γ", "affects exercise induced plasticity":
        # a noun and the participle, its hyphen left out, are an adjective ('exercise-induced')
    if before and _attributive_before(text, before[-1], first, s0):
        before = before[:-1]  # "released from activated neutrophils": the participle is an adjective
    if before:
        c = _directed(text, before[-1], cues)
        if _bare_comparison(text, c, s0):
            return []
        if any(AGENT_UNDERGOES.fullmatch(text, a.end, c.start) for a in agents):
            return []  # "X is activated and releases ...": what happens to the agent, not what it does
        a = _agent_before(text, _head_cue(text, c, targets, cues), agents, blocked, s0, words=25,
                          targets=targets, cues=cues)
        if a in ("blocked", None) and c.relation in _FLIP:
            # "Patients given placebo had higher TNF than those receiving X": the study arm's, reversed
            b = _than_agent(text, max(s0, c.start - 80), t.end, agents, sent.end_char)
            if b is not None and data()["rx_control_before_than"].match(text[max(s0, c.start - 80):sent.end_char]):
                return [(_coordinated(text, b, agents), _FLIP[c.relation], c.start, b.end, (c.start, b.end))]
        if a == "blocked":
            return []
        if a is not None:
            aside = _aside_end(text, a, c.start)  # 'X, but not placebo, ...': the negation is not X's
            return [(_coordinated(text, a, agents), c.relation, a.start, t.end,
                     (a.start if aside is None else aside, t.end), "active")]
        a = _agent_after(text, c.end, agents, blocked, t.start) or _agent_after(text, t.end, agents, blocked,
                                                                                sent.end_char)
        if a == "blocked":
            return []
        if a is not None:
            relation = c.relation
            if relation in _FLIP and a.start >= t.end and data()["rx_smaller_change"].search(text, t.end, a.start):
                relation = _FLIP[relation]  # "the rise in IL-6 was smaller in the X group": X lowers IL-6
            return [(_coordinated(text, a, agents), relation, c.start, max(a.end, t.end),
                     (max(s0, c.start - 20), max(a.end, t.end)))]
        # 'Aerobic training reduced A and increased B': the subject of the coordination's first verb
        subject = _subject_agent(ctx, s0, _head_cue(text, c, targets, cues).start, targets)
        if subject is not None:
            return [([subject.concept], c.relation, subject.start, t.end, (subject.start, t.end))]
        result = _RESULT_CLAUSE.search(text, s0, c.start)
        if result is not None and result.end() == c.start:
            # "X inhibits DPP-4, thereby increasing GLP-1": the main clause's subject is the agent
            first = next((a for a in agents if a.end <= result.start()
                          and not _BREAK.search(text, a.end, result.start())), None)
            if first is not None and re.search(r"(?:^|,)\s*$", text[s0:first.start]):
                return [(_coordinated(text, first, agents), c.relation, first.start, t.end, (first.start, t.end))]
        if defaults and _subject_is_generic(text, s0, c.start, targets, t, _title_words(ctx)) \
                and not _predictor(text, t):
            return [(defaults, c.relation, c.start, t.end, (max(s0, c.start - 30), t.end))]
        return []
    # target first: target ... cue ... (link) agent; in a list ("A, B and C were lower") from its last member
    last = t
    for x in targets:
        if x.start >= last.end and re.fullmatch(
                r"(?:\s+[\w-]+){0,6}?\s*(?:,|and|or|as well as|,\s*and|but\s+not)\s*(?:the\s+)?(?:[\w-]+\s+){0,2}",
                re.sub(r"\([^()]*\)", " ", text[last.end:x.start])) \
                and not any(last.end <= c.start and c.end <= x.start for c in cues):
            last = x
    after = [c for c in cues if c.start >= last.end and _bridge_ok(text, last.end, c.start, targets, 6)
             and not any(t.end <= a.start and a.end <= c.start for a in agents + blocked)
             and not _attributive(text, c, s0)]
    if not after or _predictor(text, last):
        return []  # 'X expression was not associated with differences in response': a predictor's cue
    c = after[0]
    if _bare_comparison(text, c, s0):
        return []
    if any(x.start >= c.end and _bridge_ok(text, c.end, x.start, targets, 3)
           and not re.search(r",|\band\b|\bin\b", text[c.end:x.start]) for x in targets):
        return []  # "vitamin C lowered MDA": the first noun is the subject, not what changed
    b = _than_agent(text, c.end, c.end, agents, sent.end_char) if c.relation in _FLIP else None
    if b is not None:  # "IL-6 was higher in the placebo group than in the X group": X's, reversed
        return [(_coordinated(text, b, agents), _FLIP[c.relation], t.start, b.end, (t.start, b.end))]
    a = _agent_after(text, c.end, agents, blocked, sent.end_char)
    if a == "blocked":
        return []
    if a is not None:
        return [(_coordinated(text, a, agents), c.relation, t.start, max(a.end, c.end), (t.start, a.end))]
    a = _agent_before(text, t, agents, blocked, s0, words=8, link=True)
    if a == "blocked":
        return []
    if a is not None:
        return [(_coordinated(text, a, agents), c.relation, a.start, c.end, (a.start, c.end))]
    if defaults and part not in ("background", "methods"):
        return [(defaults, c.relation, t.start, c.end, (t.start, c.end))]
    return []


def _change_noun_of(text: str, c: Mention, targets: list[Mention], s0: int) -> bool:
    """'subjects with the highest CK increase displayed alterations in Y': a cue in its base form
    right after a target inside its clause is that target's own change ('CK increase'), no relation
    of an agent to what follows ('Melatonin decreased Y' keeps its verb, 'genes regulating Y' its
    participle)."""
    if re.search(r"(?i)(?:ed|s|ing)$", c.text):
        return False
    x = next((x for x in targets if x.end <= c.start and not text[x.end:c.start].strip(" -")), None)
    return x is not None and bool(re.search(r"\w", _BREAK.split(text[s0:x.start])[-1]))


# antibodies to a vaccine's antigen name the antigen ('anti-pertussis toxin IgG' after a pertussis vaccine)
_ANTIBODY = re.compile(r"(?i)\banti-|antibod|\bIg[AGM]\b|tit(?:er|re)s?\b")
_RESULT_CLAUSE = re.compile(r"(?i),\s*(?:thereby|thus|hence|so)\s+")
_FLIP = {"increases": "decreases", "decreases": "increases", "reduces": "increases"}


def _than_agent(text: str, start: int, pos: int, agents: list[Mention], end: int) -> Mention | None:
    """The study arm named after 'than' when the stretch from `start` names a control arm before
    it ('higher in controls than in X-treated patients'): the agent right after 'than' (and its
    lead words), at or after `pos`."""
    d = data()
    m = d["rx_control_before_than"].match(text[start:end])
    if m is None or start + m.end() < pos:
        return None
    than_end = start + m.end()
    if _BREAK.search(text, start, than_end):
        return None
    for a in sorted(agents, key=lambda a: a.start):
        if a.start >= than_end and a.concept is not None or a.start >= than_end and a.group:
            return a if d["rx_than_agent_lead"].match(text[than_end:a.start]) else None
    return None


def _predictor(text: str, t: Mention) -> bool:
    """'Reduced Ki-67 was associated with survival', 'Higher IL-6 levels predicted death': the
    change is a predictor of an outcome, not a statement of what the study agent did."""
    return bool(data()["rx_association_after"].match(text, t.end))


def _attributive(text: str, c: Mention, s0: int) -> bool:
    """A participle after an article or a list comma and before a noun is an adjective of that
    noun ("a slightly increased risk", ", impaired consciousness"), not the verb of a target."""
    nxt = re.match(r"\s+([^\W\d_][\w-]*)", text[c.end:c.end + 40])
    if not c.text.lower().endswith("ed") or not nxt or data()["rx_stop"].fullmatch(nxt.group(1)) \
            or re.fullmatch(r"(?i)from|after|during|following|over|between|among|when|while|until|since|versus|vs|"
                            r"compared|relative|significantly|slightly", nxt.group(1)):
        return False
    before = text[max(s0, c.start - 30):c.start]
    return bool(re.search(r"(?i)(?:\b(?:a|an|the|its|their)\s+(?:\w+ly\s+)?|,\s*)$", before))


def _attributive_before(text: str, c: Mention, t: Mention, s0: int) -> bool:
    """A participle of state right before its target after a preposition or an article ('from
    activated neutrophils', 'the stimulated T cells') qualifies the target; it states no change.
    One of change ('by decreased lipid peroxidation') names the change, as 'a decrease in' does."""
    return c.relation not in ("increases", "decreases") and c.text.lower().endswith("ed") \
        and not text[c.end:t.start].strip() \
        and bool(re.search(r"(?i)\b(?:from|of|on|by|into|the|a|an|these|those|their|its)\s+$",
                           text[max(s0, c.start - 12):c.start]))


def _bare_comparison(text: str, c: Mention, s0: int) -> bool:
    """A neutral comparison cue ("difference in", "comparable") without a negation before it; a
    difference said to be significant ('a statistically significant difference between the
    groups in Y') is no bare comparison: the agent modulates Y."""
    d = data()
    return bool(d["rx_neg_only"].fullmatch(c.text)) and not d["rx_neg"].search(text[max(s0, c.start - 40):c.start]) \
        and not re.match(r"(?i)comparable|similar|(?:statistically\s+)?significant\s", c.text)


def _directed(text, c, cues):
    """"a lowering effect on": the direction word before a neutral cue gives the relation; "induced
    higher", "elicited lower": a verb cue right before a comparative is one cue with its direction
    (the verb's subject is the agent)."""
    if c.relation != "modulates":
        k = next((k for k in cues if k.end < c.start and re.fullmatch(r"\s+", text[k.end:c.start])), None)
        if k is not None and re.fullmatch(r"(?i)higher|greater|lower|less|more", c.text):
            return Mention(k.start, c.end, text[k.start:c.end], relation=c.relation)
        return c
    for k in cues:
        if k.end <= c.start and re.fullmatch(r"[\s-]*", text[k.end:c.start]) and k.relation != "modulates":
            return Mention(k.start, c.end, text[k.start:c.end], relation=k.relation)
    return c


# one lower-case word between a verb cue and a participle cue ('affects exercise induced plasticity')
NOUN_PARTICIPLE = re.compile(r"\s+(?!(?:and|or|but|then|not|also|further|thus)\s)(?-i:[a-z][a-z-]+)\s+")
_SECOND_VERB = re.compile(r"(?:\s*\([^()]{0,40}\))?(?:\s+[\w-]+){0,2}?\s*,?\s*(?:and|as\s+well\s+as|but\s+also"
                          r"|and\s+(?:did|does|do|had|has|have)\s+not|without(?:\s+any)?)\s+(?:also\s+)?"
                          r"(?:an?\s+(?:(?:statistically|significant(?:ly)?|marked(?:ly)?|slight|small|large)\s+){0,2})?",
                          re.I)
# a second verb, or one denied: 'X lowered A without affecting B' ('and did not alter'), or a second
# change noun: 'X showed an increase in A (p < 0.01) and a significant decrease in B'
_MEANS = re.compile(r"(?<![\w-])(?:by|through|via)\s+$", re.I)  # a gerund cue after it is the agent's means
_ITEMS = re.compile(r"(?:\s*(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}\s*,)+\s*(?:and\s+|or\s+)?(?:[\w-]+\s+){0,2}", re.I)
_LIST = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or|as well as)\s*(?:(?:any|all|each|other|of|the)\s+){0,3}", re.I)
_COORD = re.compile(r"\s*(?:,|and|,\s*and)?\s*(?:(?:levels?|concentrations?)\s*)?(?:,|and|,\s*and)?\s*", re.I)


def _head_cue(text, c, targets, cues):
    """The first cue of a coordination ("decreased A and increased B"): its subject is the agent."""
    while True:
        prev = [x for x in targets if x.end <= c.start and _COORD.fullmatch(text[x.end:c.start])]
        if not prev:
            return c
        x = prev[-1]
        before = [k for k in cues if k.end <= x.start and _bridge_ok(text, k.end, x.start, targets, 5)]
        if not before:
            return c
        c = before[-1]


def _effect_of(before: str) -> bool:
    return bool(data()["rx_effect_of"].search(before))


# the agent, maybe with its strain or product code ("GBI-30, 6086"), then a copula: what happens to it
AGENT_UNDERGOES = re.compile(r"(?:,?\s+(?=[\w-]*\d)[\w-]+){0,3},?\s*"
                             r"(?:is|are|was|were|being|been|becomes?|became|gets?|got)\s+(?:\w+ly\s+)?", re.I)


def _agent_before(text, c, agents, blocked, s0, words=15, link=False, targets=None, cues=None):
    """The nearest agent ending before `c` in the same clause (or "blocked" for a placebo arm);
    not one set aside ('X, but not placebo, lowered Y': X's)."""
    cands = [m for m in agents + blocked if m.end <= c.start and m.start >= s0
             and not data()["rx_comparator"].search(text[max(s0, m.start - 20):m.start])
             and not EXCEPTED.search(text, max(s0, m.start - 20), m.start)]
    if not cands:
        return None
    a = max(cands, key=lambda m: m.end)
    aside = _aside_end(text, a, c.start)
    gap = text[aside if aside is not None else a.end:c.start]
    if _BREAK.search(gap) or len(_WORD.findall(gap)) > words:
        return None
    if link and not data()["rx_link"].search(text[max(s0, a.start - 12):a.start]):
        return None
    if targets is not None and cues is not None and not _MEANS.search(text, max(s0, c.start - 12), c.start) \
            and any(a.end <= k.start and k.end <= x.start and x.end <= c.start for x in targets for k in cues) \
            and not _second_verb(text, a, c, targets):
        return None  # the agent has its own statement before this cue ("X lowered A, B rose"), unless the cue
        # says how it did so ("X improved A by lowering B": X lowered B) or is its second verb ("... and raised B")
    return "blocked" if a in blocked else a


# an agent set aside from the statement: 'X, but not placebo, lowered Y', 'X and not Y', 'unlike Y'
EXCEPTED = re.compile(r"(?i)(?:\bbut|\band)\s+not\s+(?:the\s+)?$"
                      r"|\b(?:unlike|rather\s+than|as\s+opposed\s+to)\s+(?:the\s+)?$")
ASIDE = re.compile(r"(?i)\s*,\s*(?:but|and)\s+not\s+(?:the\s+)?[^,;]{1,40},\s*")


def _aside_end(text: str, a, end: int) -> int | None:
    """Where an aside setting another agent apart ends, when one follows `a` before `end` ('X, but
    not placebo, lowered Y': after 'placebo,'), else None."""
    m = ASIDE.match(text, a.end, end)
    return m.end() if m else None


def _second_verb(text, a, c, targets) -> bool:
    """True when the cue is the agent's second verb, joined to its first statement by 'and' right
    after that statement's target ('X downregulates A signalling and inhibits B', and denied: 'X
    lowered A without affecting B', 'X lowered A and did not alter B'); in 'X lowered A, and B
    rose' the target B stands between 'and' and the cue."""
    last = max((x for x in targets if a.end <= x.start and x.end <= c.start), key=lambda x: x.end, default=None)
    return last is not None and bool(_SECOND_VERB.fullmatch(text, last.end, c.start))


def _agent_after(text, pos, agents, blocked, end, words=12):
    """The nearest agent after `pos`, introduced by a link word ("by", "after", "in the")."""
    cands = [m for m in agents + blocked if m.start >= pos and m.end <= end]
    if not cands:
        return None
    a = min(cands, key=lambda m: m.start)
    gap = text[pos:a.start]
    if _BREAK.search(gap) or len(_WORD.findall(gap)) > words or not (
            data()["rx_link"].search(gap) or data()["rx_link_named"].search(gap)):
        return None
    if data()["rx_comparator_any"].search(gap):
        return None  # "... by X compared to treatment with Y": Y is the comparator
    return "blocked" if a in blocked else a


# 'rose in the X group (p = 0.01) and in the Y group': the change stated for both groups
_GROUP_AND = re.compile(r"\s+(?:group|arm|cohort)\s*(?:\([^()]*\)\s*)?,?\s*and\s+(?:also\s+)?(?:in|among|within)\s+"
                        r"(?:the\s+)?", re.I)
# after 'both in the X group', the second group may go without its 'in': 'and the Y group'
_BOTH_IN = re.compile(r"(?i)\bboth\s+(?:in|among|within)\s+(?:the\s+)?$")
_GROUP_AND_BOTH = re.compile(r"\s+(?:group|arm|cohort)\s*(?:\([^()]*\)\s*)?,?\s*and\s+(?:the\s+)?", re.I)
_GROUP_HEAD = re.compile(r"(?i)\s+(?:group|arm|cohort)\b")


def _coordinated(text, a, agents) -> list[Concept]:
    """The agent and those listed with it ("flaxseed, vitamin E and their combination")."""
    chain = [a]
    for m in sorted(agents, key=lambda m: -m.start):
        if m.end <= chain[-1].start and re.fullmatch(r"\s*(?:,|and|or|,\s*and|/)\s*", text[m.end:chain[-1].start]):
            if data()["rx_comparator"].search(text, max(0, m.start - 25), m.start) \
                    or EXCEPTED.search(text, max(0, m.start - 25), m.start):
                break  # 'Compared with B, A lowered X', 'Unlike B, A ...': B is the comparison, not a second subject
            chain.append(m)
    both = _BOTH_IN.search(text, max(0, a.start - 20), a.start)  # 'both in the X group (...) and the Y group'
    for m in sorted(agents, key=lambda m: m.start):
        if m.start >= chain[0].end and (re.fullmatch(r"\s*(?:,|and|or|,\s*and|/)\s*", text[chain[0].end:m.start])
                                        or _GROUP_AND.fullmatch(text, chain[0].end, m.start)
                                        or both and _GROUP_AND_BOTH.fullmatch(text, chain[0].end, m.start)
                                        and _GROUP_HEAD.match(text, m.end)):
            chain.insert(0, m)
    return list({c.iri: c for m in chain for c in ((m.concept,) if m.concept else m.group)}.values())


# 'a significant difference between the two treatment groups in Y': which groups, no words of the statement
_BETWEEN_GROUPS = re.compile(r"(?i)\bbetween\s+(?:the\s+)?(?:two\s+|three\s+|both\s+)?(?:[\w-]+\s+)?(?:groups|arms)\b")


def _bridge_ok(text, start, end, targets, words) -> bool:
    """True when text[start:end], other targets removed, is a short stretch of one clause."""
    gap = _BETWEEN_GROUPS.sub(" ", re.sub(r"\([^()]*\)", " ", _strip(text, start, end, targets)))
    return not _BREAK.search(gap) and not re.search(r"[.]\s", gap) and len(_WORD.findall(gap)) <= words


def _strip(text, start, end, targets) -> str:
    gap = text[start:end]
    for t in sorted(targets, key=lambda m: -m.start):
        if start <= t.start and t.end <= end:
            gap = gap[:t.start - start] + " " + gap[t.end - start:]
    return gap


def _subject_agent(ctx: Context, s0: int, cue_start: int, targets) -> Mention | None:
    """The subject of a verb cue as the agent when it is a short noun phrase at the start of its
    clause ("Beetroot juice may increase ...", "... suggest that quercetin could lower ...")."""
    d = data()
    text = ctx.document.text
    clause_start = s0
    for m in re.finditer(r",\s+|\b(?:that|whether|if)\s+|:\s+", text[s0:cue_start]):
        clause_start = s0 + m.end()
    trail = d["rx_subject_trail"].search(text, clause_start, cue_start)
    subject_end = trail.start() if trail else cue_start
    lead = d["rx_subject_lead"].match(text, clause_start, subject_end)
    clause_start = lead.end()
    words = list(re.finditer(r"[\w+-]+(?:\s*\([^()]{1,30}\))?", text[clause_start:subject_end]))
    fillers = {fold(w) for w in d["subject_fillers"]}
    while words and (fold(words[-1].group(0)) in fillers or words[-1].group(0).endswith("ly")):
        words.pop()
    if text[cue_start - 1:cue_start] == "-":
        return None  # "mitogen-activated": a compound adjective, not a verb
    if not words or len(words) > 4 or re.search(r"[;.]", text[clause_start:cue_start]):
        return None
    s, e = clause_start + words[0].start(), clause_start + words[-1].end()
    phrase = text[s:e]
    if any(fold(w.group(0)) in d["excluded"] or d["rx_stop"].fullmatch(w.group(0)) for w in words) \
            or _is_cue_word(phrase) \
            or d["rx_non_agent"].search(phrase) or d["rx_outcome"].search(phrase) or d["rx_generic"].fullmatch(phrase):
        return None
    known = ctx.lexicon.by_label(phrase, "Drug") or next(
        (c for c in _intervention_concepts(ctx) if fold(c.label) == fold(phrase)), None) \
        or _arm_intervention(ctx, phrase)
    # a subject that is a target is an agent only as a known drug or intervention of its own
    # ('Vitamin D lowered PTH'); 'IL-10 increased, and TNF fell' names what changed
    given = d["rx_arm_head"].search(phrase)  # 'Vitamin D supplementation': what was given, not what changed
    if any(s < t.end and t.start < e and not (t.start == s and t.end == e and not d["rx_head"].search(phrase)
                                              and (known is not None or t.concept is None))
           and not (given and t.end <= s + given.start())
           for t in targets):
        return None
    if lead.group("det") and not lead.group("intake") and known is None:
        return None  # 'a 40-fold increase', 'the authors noted': after an article, only a known agent
    concept = known or ctx.lexicon.discover("Drug", phrase, "arm")
    return Mention(s, e, phrase, concept)


def _title_words(ctx: Context) -> frozenset[str]:
    """The folded words of the paper's title."""
    cache = ctx.document.cache
    if "mechanism_title_words" not in cache:
        cache["mechanism_title_words"] = frozenset(
            fold(w) for sent in ctx.sentences() if part_of(ctx.document, sent.start_char)[0] == "title"
            for w in _WORD.findall(sent.text))
    return cache["mechanism_title_words"]


def _subject_is_generic(text, s0, cue_start, targets, t, title_words=frozenset()) -> bool:
    """True when what stands before the cue names no other subject: nothing, "treatment", "it",
    the study agent's class ('the statin'), also with words the title qualifies it by ('the
    adjuvanted vaccine' in a trial of an adjuvanted vaccine)."""
    d = data()
    subject = text[s0:cue_start]
    clause = _BREAK.split(subject)[-1]
    clause = re.sub(r"\([^()]*\)", " ", clause)
    clause = clause[m.end():] if (m := d["rx_comparator_lead"].match(clause)) else clause
    if d["rx_control_arm"].search(clause):
        return False  # 'Placebo reduced IL-6': the control arm is the subject, not the study agent
    if d["rx_generic"].search(clause):
        return True
    # 'The supplement significantly reduced ...': an adverb or auxiliary is no word of the subject
    named = [w for w in _WORD.findall(clause) if fold(w) not in d["excluded"] and not w[0].isdigit()]
    words = [w for w in named if fold(w) not in d["filler_set"] and not (w.endswith("ly") and len(w) > 4)]
    if named and not words:
        return False  # 'Hence, higher levels of X ...': a link word, then no subject at all
    # 'The statin lowered ...', 'The antibody raised ...': the study agent named by its class
    return not words or len(words) <= 2 and all(d["rx_class_arm"].fullmatch(w) for w in words) \
        or len(words) <= 3 and bool(d["rx_class_arm"].fullmatch(words[-1])) \
        and all(fold(w) in title_words for w in words[:-1])


_SPECIMEN_LEAD = re.compile(r"\b(?:in|of|from)\s+$", re.I)


def _specimen_participle(text: str, cue: Mention) -> bool:
    """A participle written as a specimen's adjective after a preposition ('eosinophils in
    induced sputum', 'IL-8 of stimulated saliva'): how the sample was taken, no relation."""
    return cue.text.endswith("ed") and bool(_SPECIMEN_LEAD.search(text, max(0, cue.start - 6), cue.start)) \
        and bool(data()["rx_specimen_word"].match(text, cue.end + 1)) and text[cue.end:cue.end + 1] == " "


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


@sentence_cached
def _targets(ctx: Context, sent) -> list[Mention]:
    """Lexicon targets, then biomarker phrases of the data, longest first, non-overlapping (read
    once per sentence: mechanisms.py asks for them too; callers do not change the list)."""
    d = data()
    text = ctx.document.text
    found = [Mention(e.start_char, e.end_char, e.text, ctx.concept(e)) for e in ctx.concepts_in(sent, TARGET_KINDS)]
    for rx in d["rx_cell_subsets"] if "cell" in sent.text or "lympho" in sent.text or "Treg" in sent.text else ():
        for m in rx.finditer(sent.text):  # "CD4+CD25+FoxP3+ T cells": one population, not CD4, CD25 and T cells
            sub = Mention(sent.start_char + m.start(), sent.start_char + m.end(), m.group(0))
            if not any(_overlap(sub, x) and not (sub.start <= x.start and x.end <= sub.end) for x in found):
                found = [x for x in found if not (sub.start <= x.start and x.end <= sub.end)] + [sub]
    free: list[Mention] = []
    studied = {c.iri for c in _intervention_concepts(ctx)}  # the trial's own drugs: their levels are no target
    drug_spans = [(e.start_char, e.end_char) for e in ctx.concepts_in(sent, {"Drug"}) if ctx.concept(e).iri in studied]
    for m in d["rx_target"].finditer(sent.text):
        free.append(_trimmed(text, sent.start_char + m.start(), sent.start_char + m.end()))
    for m in d["rx_marker_cells"].finditer(sent.text):  # 'CD34-positive cells'
        free.append(_trimmed(text, sent.start_char + m.start(), sent.start_char + m.end()))
    named = _dictionary_targets(ctx, sent, drug_spans)
    free += [m for m, _core in named]
    for m in d["rx_head"].finditer(sent.text):
        words = list(re.finditer(r"\S+", m.group(1)))
        keep = []
        for w in reversed(words):
            if fold(w.group(0)) in d["excluded"] or d["rx_stop"].fullmatch(w.group(0)) or w.group(0)[0].isdigit() \
                    or _is_cue_word(w.group(0)):
                break
            keep.insert(0, w)
        s = sent.start_char + m.start(1) + keep[0].start() if keep else 0
        if not keep or any(ctx.lexicon.by_label(w.group(0), "Drug") for w in keep) \
                or any(s <= a and b <= sent.start_char + m.start(1) + keep[-1].end() for a, b in drug_spans) \
                or not any(d["rx_analyte"].fullmatch(w.group(0).strip("()")) for w in keep):
            continue  # "arsenic concentrations", "the X serum levels": a drug's own levels are pharmacokinetics
        free.append(_trimmed(text, s, sent.start_char + m.end()))
    for m in d["rx_toxicity"].finditer(sent.text) if "toxicit" in sent.text else ():
        s = sent.start_char + (m.start() if m.group("drug") is None or ctx.lexicon.by_label(m.group("drug"), "Drug")
                               else m.start("drug") + len(m.group("drug")))
        free.append(_trimmed(text, s, sent.start_char + m.end()))
    drug_words = {e.start_char for e in ctx.concepts_in(sent, {"Drug"})} if d["rx_specimen_np"].search(sent.text) \
        else set()
    for m in d["rx_specimen_np"].finditer(sent.text):
        w = m.group(1)
        # a substance after a specimen ('serum zinc', 'plasma tryptophan') is measured in the body: an
        # analyte, unless the trial gives it (its own levels are pharmacokinetics)
        substance = sent.start_char + m.start(1) in drug_words or ctx.lexicon.by_label(w, "Drug") is not None
        if (d["rx_analyte"].fullmatch(w) or substance) and not d["rx_stop"].fullmatch(w) \
                and fold(w) not in d["excluded"] and not (substance and _given_word(ctx, w)):
            free.append(_trimmed(text, sent.start_char + m.start(), sent.start_char + m.end()))
    drug_at = {a for a, _b in drug_spans}  # the trial's own drugs: their levels are pharmacokinetics
    for m in d["rx_head_before"].finditer(sent.text) if " of " in sent.text else ():
        w = m.group("analyte")  # 'serum levels of SIRT1': the head and its analyte (no drug's own levels)
        if d["rx_analyte"].fullmatch(w) and not d["rx_stop"].fullmatch(w) and fold(w) not in d["excluded"] \
                and not ctx.lexicon.by_label(w, "Drug") and sent.start_char + m.start("analyte") not in drug_at \
                and not d["rx_outcome"].fullmatch(w):
            s, e = sent.start_char + m.start("analyte"), sent.start_char + m.end("analyte")
            phrase = _trimmed(text, sent.start_char + m.start(), sent.start_char + m.end())
            if phrase is not None:  # the phrase as written, the analyte its concept ('ADMA')
                free.append(Mention(phrase.start, phrase.end, phrase.text, _target_concept(ctx, Mention(s, e, w))))
    free = [_with_long_form(ctx, f, sent.start_char) for f in free if f is not None]
    free += _short_form_targets(ctx, sent)
    free += _named_analytes(ctx, sent)
    found = _wider_than_lexicon(text, sent, found, free)
    for m, (s, e) in named:  # 'neutrophil elastase', 'T-cell receptor': the entity named, not the cell in its name
        if m is not None and any(s <= x.start and x.end <= e and x.end - x.start < e - s for x in found):
            found = [x for x in found if not (m.start <= x.start and x.end <= m.end)]
    for f in free:  # "soluble TNF receptor 1": the receptor, not the cytokine inside its name
        r = d["rx_receptor_of"].search(f.text)
        if r is not None:
            found = [x for x in found if not (f.start <= x.start and x.end <= f.start + r.start())]
    for f in sorted(free, key=lambda m: -(m.end - m.start)):
        if f is None or d["rx_outcome"].search(f.text) or any(_overlap(f, x) for x in found):
            continue
        found.append(f)
    found = [_named(ctx, sent, t, found) for t in found]
    found += _but_not_heads(ctx, sent, found)
    found = _named_members(text, sent, found)
    # "in the testosterone group", "the vitamin D arm": an arm's name, not what changed ("lower PT doses": what
    # is given); "Regarding X, ... Y
    # increased": a topic, when the sentence goes on to name what changed
    found = sorted((t for t in found if not d["rx_arm_after"].match(text, t.end)
                    and not d["rx_given_after"].match(text, t.end)
                    and not (d["rx_topic_before"].search(text, max(sent.start_char, t.start - 30), t.start)
                             and any(x.start > t.end for x in found))
                    and not d["rx_anti_before"].search(text, max(sent.start_char, t.start - 40), t.start)
                    and not (text[max(0, t.start - 5):t.start].lower() == "anti-" and t.text[:1].isupper())),
                   key=lambda m: m.start)
    # "TLR4 on monocytes": where the first target was measured is no target of its own
    return [t for i, t in enumerate(found)
            if not (i and d["rx_location"].match(text[found[i - 1].end:t.start]) and t.concept is not None
                    and t.concept.kind == "CellType")]


def _given_word(ctx: Context, word: str) -> bool:
    """True when the word names (a word of) one of the trial's interventions ('zinc' of 'zinc
    sulfate'), or the trial names no intervention to tell."""
    concepts = _intervention_concepts(ctx)
    return not concepts or any(fold(word) in re.findall(r"[\w-]+", fold(c.label)) for c in concepts)


def _wider_than_lexicon(text: str, sent, found: list[Mention], free: list[Mention]) -> list[Mention]:
    """A process named around lexicon targets ('keratinocyte proliferation', 'mast cell
    degranulation') or two targets set against each other ('the Th17/Treg ratio') is the target,
    whole: it replaces the cells and cytokines inside it, which otherwise win over the data's
    phrases (a falling ratio or a slowed migration says nothing of the cells' own amount)."""
    d = data()
    if not found and "ratio" not in sent.text:
        return found
    wide = [f for f in free if any(f.start <= x.start and x.end <= f.end and x.end - x.start < f.end - f.start
                                   for x in found)
            and d["rx_process"].fullmatch(f.text) and not d["rx_process_compound"].match(text[f.end:sent.end_char])]
    wide += _process_of_cells(text, free, found)
    if "ratio" in sent.text:
        known = found + free
        for m in d["rx_ratio_pair"].finditer(sent.text):
            s = sent.start_char
            sides = [(s + m.start(k), s + m.end(k)) for k in ("a", "b")]
            if all(any(x.start < b and a < x.end for x in known) for a, b in sides):
                wide.append(Mention(s + m.start(), s + m.end(), m.group(0)))
    wide = [w for w in wide if not d["rx_outcome"].search(w.text)]
    if not wide:
        return found
    kept = [x for x in found if not any(_overlap(x, w) for w in wide)]
    return kept + [w for i, w in enumerate(wide) if not any(_overlap(w, v) for v in wide[:i])]


def _process_of_cells(text: str, free: list[Mention], found: list[Mention]) -> list[Mention]:
    """A process of the data with the lexicon cells it is of written after it ('the bacterial
    killing capacity of neutrophils'): one target from the process to the cells."""
    d = data()
    cells = [x for x in found if x.concept is not None and x.concept.kind == "CellType"]
    out = []
    for f in free if cells else ():
        owner = next((x for x in cells if x.start > f.end and d["rx_process_owner"].match(text[f.end:x.start])), None)
        if owner is not None and d["rx_process"].fullmatch(f.text):
            out.append(Mention(f.start, owner.end, text[f.start:owner.end]))
    return out


def _dictionary_targets(ctx: Context, sent, drug_spans) -> list[tuple[Mention | None, tuple[int, int]]]:
    """Proteins, enzymes and biological factors the drug dictionary's MeSH records name
    (`kg.vocabulary.target_names`: 'lysyl oxidase', 'caspase-3', 'BDNF'), with the modifiers
    before them and the heads after them ('serum ferritin levels'); not the trial's own drugs.
    Each with the span of the name alone."""
    d = data()
    text = ctx.document.text
    out = []
    for s, e in target_names().find(text, sent.start_char, sent.end_char):
        if any(a < e and s < b for a, b in drug_spans):
            continue
        mod = d["rx_modifiers_before"].search(text, max(sent.start_char, s - 40), s)
        head = d["rx_heads_after"].match(text, e, sent.end_char)
        out.append((_trimmed(text, mod.start() if mod else s, head.end() if head else e), (s, e)))
    return out


def _named(ctx: Context, sent, t: Mention, found: list[Mention]) -> Mention:
    """A generic head found alone ('receptor', 'protein', 'kinase') with the words naming it: one
    more head after it ('protein kinase') and up to three words before it ('the mineralocorticoid
    receptor', 'AMP-activated protein kinase'), none a stopword, relation cue, drug or other target."""
    d = data()
    head = d["rx_named_head"].match(t.text) if t.concept is None else None
    if head is None or head.end() < len(t.text) and not re.match(r"\s+(?:of|in)\s", t.text[head.end():]):
        return t  # the head alone, or with where it was measured ('receptor in the kidney')
    text = ctx.document.text
    start, end = t.start, t.end
    nxt = re.match(r"\s+([\w-]+)", text[end:sent.end_char]) if head.end() == len(t.text) else None
    if nxt and d["rx_named_head"].fullmatch(nxt.group(1)):
        end += nxt.end()
    words = list(re.finditer(r"[\w+-]+", text[max(sent.start_char, start - 60):start]))
    base = max(sent.start_char, start - 60)
    drugs = [(e.start_char, e.end_char) for e in ctx.concepts_in(sent, {"Drug"})]
    taken = 0
    for w in reversed(words):
        s, e = base + w.start(), base + w.end()
        word = w.group(0)
        if taken == 3 or text[e:start].strip() or d["rx_stop"].fullmatch(word) or fold(word) in d["excluded"] \
                or _is_cue_word(word) or not (d["rx_analyte"].fullmatch(word) or re.search(r"(?:yl|ic)$", word)) \
                or any(a < e and s < b for a, b in drugs) \
                or any(x is not t and x.start < e and s < x.end for x in found):
            break  # a name-like word ('mineralocorticoid', 'dipeptidyl', 'AMP-activated'), not 'estimated'
        start, taken = s, taken + 1
    if (start, end) == (t.start, t.end):
        return t
    return Mention(start, end, text[start:end])


def _named_members(text: str, sent, found: list[Mention]) -> list[Mention]:
    """'the genes ARG1 and NOS2', 'mRNA levels for PGK1 and ACTB', 'the markers CD20 and CD19':
    a generic target followed by the names of its members is those members."""
    d = data()
    out = list(found)
    for t in found:
        if t.concept is not None and t.concept.kind != "BiologicalProcess" \
                or not d["rx_generic_target"].fullmatch(t.text):
            continue
        lead = d["rx_members_lead"].match(text, t.end, sent.end_char)
        if lead is None:
            continue
        members, pos = [], lead.end()
        while True:
            m = d["rx_member"].match(text, pos, sent.end_char)
            if m is None:
                break
            members.append(Mention(m.start(1), m.end(1), m.group(1)))
            pos = m.end()
            sep = re.compile(r"\s*(?:,\s*and|,|and|or)\s+|\s*,\s*").match(text, pos, sent.end_char)
            if sep is None:
                break
            pos = sep.end()
        if not members:
            continue
        if "," in lead.group(0) and not re.search(r"(?i)s$", t.text) and (
                len(members) > 1 or re.match(r"\s*(?:and|or)\b", text[members[0].end:sent.end_char])):
            continue  # 'mucosal protein, DNA and villus height': a list; 'the gene, GADD45A,' names one
        out.remove(t)
        out += [m for m in members if not any(_overlap(m, x) for x in out)]
    return out


def _with_long_form(ctx: Context, t: Mention, s0: int) -> Mention:
    """A target that ends in the short form the paper defines, cut inside its long form
    ('lipoprotein cholesterol (LDL-C)' of 'low-density lipoprotein cholesterol (LDL-C)'), taken
    from the start of the long form written right before the brackets."""
    m = re.search(r"\(\s*([^()]{2,20}?)\s*\)", t.text)
    ab = _abbreviations(ctx).get(m.group(1)) if m else None
    if ab is None:
        return t
    text = ctx.document.text
    paren = t.start + m.start()
    lo = max(s0, paren - len(ab.long) - 20)
    long = re.search(re.escape(ab.long).replace(r"\ ", r"\s+") + r"\s*$", text[lo:paren], re.I)
    if long is None or lo + long.start() >= t.start:
        return t
    return Mention(lo + long.start(), t.end, text[lo + long.start():t.end], t.concept)


def _named_analytes(ctx: Context, sent) -> list[Mention]:
    """An analyte the paper names bare ('PCSK9 fell', 'X lowered kynurenine') that it writes
    elsewhere as a measured analyte (`_measured_names`: 'plasma kynurenine', 'expression of
    HIF-1α'): the paper's own words say it is one, where no vocabulary of kg's names it."""
    rx = _document_analytes(ctx)
    if rx is None:
        return []
    s0 = sent.start_char
    return [Mention(s0 + m.start(), s0 + m.end(), m.group(0)) for m in rx.finditer(sent.text)]


def _document_analytes(ctx: Context) -> re.Pattern | None:
    """One pattern of the names the paper writes as measured analytes (`_measured_names`), each
    found alone, a symbol in its own case; None when the paper writes none."""
    key = "mechanism_named_analytes"
    cache = ctx.document.cache
    if key not in cache:
        names = _measured_names(ctx)
        symbols = sorted((n for n in names if _symbol(n)), key=len, reverse=True)
        words = sorted((n for n in names if not _symbol(n)), key=len, reverse=True)
        alts = ([f"(?-i:{'|'.join(map(re.escape, symbols))})"] if symbols else []) + \
            ([f"(?:{'|'.join(map(re.escape, words))})"] if words else [])
        cache[key] = re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])", re.I) if alts else None
    return cache[key]


def _symbol(word: str) -> bool:
    """A gene, protein or chemical symbol: a capital after its first letter, a digit or a Greek
    letter ('PCSK9', 'ADMA', 'HIF-1α'), as against a word of chemistry's suffixes ('kynurenine')."""
    return bool(re.search(r"(?-i:.[A-Z])|\d|[α-ω]", word))


def _gene_symbol(word: str) -> bool:
    """A gene or protein symbol: capitals with a digit or a Greek letter ('FNDC5', 'Bcl-2', 'PGC-1α')."""
    return bool(re.fullmatch(r"(?-i:[A-Z][A-Za-z]*[A-Z0-9α-ω-][\w-]*)", word)) and bool(re.search(r"\d|[α-ω]", word))


def _measured_names(ctx: Context) -> set[str]:
    """The analyte names written after a body fluid ('serum X', 'urinary X', 'fecal X') or, for gene
    and protein symbols, after a biomarker head ('expression of PGC-1α', 'levels of FNDC5'), that are
    no specimen, drug, clinical outcome, generic word ('protein') nor target term already. Not
    other words around a head ('levels of VPA' for vigorous physical activity, 'CSF levels'):
    acronyms of anything stand there; nor after a place ('intracellular HPV', 'muscle tone')."""
    d = data()
    text = ctx.document.text
    found: set[str] = {m.group(1) for m in d["rx_fluid_np"].finditer(text)}
    found |= {m.group("analyte") for m in d["rx_head_before"].finditer(text) if _gene_symbol(m.group("analyte"))}
    own = _drug_words(ctx) if found else set()
    return {w for w in found if len(w) > 2 and d["rx_analyte"].fullmatch(w) and not d["rx_stop"].fullmatch(w)
            and not _is_cue_word(w)  # 'occult blood rose': a verb, not an analyte shaped like 'glucose'
            and fold(w) not in d["excluded"] and fold(w) not in d["modifier_set"]
            and not d["rx_generic_analyte"].fullmatch(w) and not d["rx_outcome"].fullmatch(w)
            and not d["rx_target"].fullmatch(w) and not d["rx_specimen_word"].fullmatch(w)
            and ctx.lexicon.by_label(w, "Drug") is None
            and ctx.lexicon.by_label(w) is None and fold(w) not in own}


def _drug_words(ctx: Context) -> set[str]:
    """The words the trial's own drugs are written in (the dictionary's drugs too, which the
    lexicon's labels lack): the study drug measured in the blood is pharmacokinetics, not a
    target; a metabolite the drug dictionary also lists ('kynurenine') may be one."""
    own = {c.iri for c in _intervention_concepts(ctx) + studied_agents(ctx)}
    return {fold(e.text) for s in ctx.sentences() for e in ctx.concepts_in(s, {"Drug"}) if ctx.concept(e).iri in own}


def _short_form_targets(ctx: Context, sent) -> list[Mention]:
    """A short form the paper defines for a biomarker ('fasting blood glucose (FBG)', 'malondialdehyde
    (MDA)') named on its own later ('X decreased FBG'): the biomarker, labelled by its long form."""
    forms = _target_short_forms(ctx)
    if not forms:
        return []
    text = ctx.document.text
    out = []
    for m in re.finditer(r"(?<![\w-])[A-Za-z][\w-]*[A-Z][\w-]*(?![\w-])", sent.text):
        concept = forms.get(m.group(0))
        if concept is not None:
            s = sent.start_char + m.start()
            out.append(Mention(s, s + len(m.group(0)), text[s:s + len(m.group(0))], concept))
    return out


def _target_short_forms(ctx: Context) -> dict[str, Concept]:
    """The paper's short forms whose long form is a biomarker phrase of the data (and no clinical
    outcome, drug or lexicon concept of its own), with the long form's target concept."""
    cache = ctx.document.cache
    if "mechanism_target_short_forms" not in cache:
        d = data()
        out: dict[str, Concept] = {}
        for short, ab in _abbreviations(ctx).items():
            long = ab.name
            if not (d["rx_target"].fullmatch(long) or _dictionary_name(long)) or d["rx_outcome"].search(long) \
                    or ctx.lexicon.by_label(short) is not None or ctx.lexicon.by_label(long, "Drug") is not None:
                continue
            out[short] = _target_concept(ctx, Mention(ab.start, ab.end, long))
        cache["mechanism_target_short_forms"] = out
    return cache["mechanism_target_short_forms"]


def _dictionary_name(phrase: str) -> bool:
    """Whether the whole phrase is one name of the dictionary's biological entities, so that the
    short form a paper defines for it ('heme oxygenase-1 (HO-1)') names that entity too."""
    return target_names().find(phrase) == [(0, len(phrase))]


def _abbreviations(ctx: Context) -> dict:
    return document_abbreviations(ctx.document)


def _but_not_heads(ctx: Context, sent, found: list[Mention]) -> list[Mention]:
    """'total but not specific IgA': the first modifier names a target of its own (total IgA)."""
    if "but not" not in sent.text:
        return []
    d = data()
    text = ctx.document.text
    out = []
    for t in found:
        words = t.text.split()
        m = re.search(r"(?<![\w-])([A-Za-z][\w-]*)\s+but\s+not\s+$", text[max(sent.start_char, t.start - 40):t.start])
        if m is None or len(words) < 2 or fold(words[0]) not in d["modifier_set"]:
            continue
        s = t.start - (len(text[max(sent.start_char, t.start - 40):t.start]) - m.start(1))
        if fold(m.group(1)) in d["modifier_set"]:
            out.append(Mention(s, s + len(m.group(1)), f"{m.group(1)} {' '.join(words[1:])}"))
    return out


@functools.lru_cache(maxsize=8192)
def _is_cue_word(w: str) -> bool:
    """Is the word (or phrase) a relation cue as a whole? Memoised: asked of the same words in
    sentence after sentence, each time a fullmatch of every cue (~110 patterns)."""
    from kg.extract.mechanisms import relation_cues

    return any(rx.fullmatch(w) for rx, _r in relation_cues())


def _trimmed(text: str, start: int, end: int) -> Mention | None:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and text[end - 1] in " ,;.-":
        end -= 1
    return Mention(start, end, text[start:end]) if end > start else None


@sentence_cached
def _agents(ctx: Context, sent) -> tuple[list[Mention], list[Mention]]:
    """Agents of a sentence (drugs, interventions, arm phrases) and blocked ones (placebo arms)."""
    d = data()
    text = ctx.document.text
    agents = [Mention(e.start_char, e.end_char, e.text, class_agent(ctx, sent, e.text) or ctx.concept(e))
              for e in ctx.concepts_in(sent, {"Drug"})]
    for c in _intervention_concepts(ctx) + _title_agents(ctx):
        for name in {c.label}:
            for m in _label_rx(name).finditer(sent.text):
                mm = Mention(sent.start_char + m.start(), sent.start_char + m.end(), m.group(0), c)
                if not any(_overlap(mm, a) for a in agents):
                    agents.append(mm)
    for short, c in _short_form_agents(ctx).items():
        for m in _label_rx(short).finditer(sent.text) if short in sent.text else ():
            mm = Mention(sent.start_char + m.start(), sent.start_char + m.end(), m.group(0), c)
            if m.group(0) == short and not any(_overlap(mm, a) for a in agents):
                agents.append(mm)
    for m in d["rx_treatment_of"].finditer(sent.text) if " of " in sent.text else ():
        mm = Mention(sent.start_char + m.start(), sent.start_char + m.end(), m.group(0))
        if not any(_overlap(mm, a) for a in agents):
            phrase = re.sub(r"\s+", " ", m.group(0))
            agents.append(Mention(mm.start, mm.end, mm.text, ctx.lexicon.by_label(phrase, "Drug")
                                  or ctx.lexicon.discover("Drug", phrase, "arm")))
    for name, c in _cell_agents(ctx):
        for m in _label_rx(name).finditer(sent.text):
            mm = Mention(sent.start_char + m.start(), sent.start_char + m.end(), m.group(0), c)
            if not any(_overlap(mm, a) for a in agents):
                agents.append(mm)
    blocked: list[Mention] = []
    for rx in d["rx_arms"]:
        for m in rx.finditer(sent.text):
            s, e = sent.start_char + m.start("agent"), sent.start_char + m.end("agent")
            head = d["rx_arm_head"].search(m.group("agent"))
            if head and head.start() > 0:
                e -= len(head.group(0))
            words = text[s:e].split()
            while words and (fold(words[0]) in d["excluded"] or d["rx_stop"].fullmatch(words[0]) or len(words[0]) == 1):
                s = text.find(words[1], s + len(words[0])) if len(words) > 1 else e
                words = words[1:]
            phrase = text[s:e].strip(" ()")
            if not words or not phrase or fold(words[-1]) in d["excluded"] or d["rx_stop"].fullmatch(words[-1]) \
                    or d["rx_non_agent"].search(phrase) \
                    or len(re.findall(r"[^\W\d_]", phrase)) < 3 or phrase[0].isdigit():
                continue
            mm = Mention(s, e, phrase)
            if any(_overlap(mm, a) for a in agents + blocked):
                continue
            if all(fold(w) in d["excluded"] for w in words):
                if re.search(r"placebo|control|sham|vehicle|usual|standard", phrase, re.I):
                    blocked.append(Mention(sent.start_char + m.start(), sent.start_char + m.end(), m.group(0)))
                continue
            if d["rx_target"].fullmatch(phrase) or d["rx_outcome"].search(phrase) or _is_cue_word(words[-1]) \
                    or _disease_treated(ctx, phrase, m.group(0)):
                continue
            if d["rx_class_arm"].fullmatch(phrase) and _studied_arms(ctx):
                continue  # 'the probiotic group': the study's own agent, named by its class (group scope)
            if len(words) == 1 and re.fullmatch(r"(?i)[a-z-]+ed", phrase) and not _arm_intervention(ctx, phrase):
                continue  # 'the transplanted group', 'the vaccinated arm': what was done, not who did it
            concept = ctx.lexicon.by_label(phrase, "Drug") or _arm_intervention(ctx, phrase) \
                or _class_of_studied(ctx, sent, words) or ctx.lexicon.discover("Drug", phrase, "arm")
            agents.append(Mention(s, e, phrase, concept))
    for rx in d["rx_class"]:  # "HMG-CoA reductase inhibitors (statins)": the members are agents
        for m in rx.finditer(sent.text):
            for item in re.finditer(r"[^,;]+", m.group("agent")):
                name = item.group(0).strip()
                s = sent.start_char + m.start("agent") + item.start() + item.group(0).index(name)
                mm = Mention(s, s + len(name), name)
                if len(name) < 3 or fold(name) in d["excluded"] or d["rx_non_agent"].search(name) \
                        or any(_overlap(mm, a) for a in agents):
                    continue
                agents.append(Mention(mm.start, mm.end, name, ctx.lexicon.by_label(name, "Drug")
                                      or ctx.lexicon.discover("Drug", name, "arm")))
    every = d["rx_all_arms"].search(sent.text)
    studied = active_arms(ctx) if every else []  # 'all treatments': the active comparator's too ('A plus B versus A')
    for m in d["rx_all_arms"].finditer(sent.text) if every else ():
        mm = Mention(sent.start_char + m.start(), sent.start_char + m.end(), m.group(0), group=tuple(studied))
        if studied and not any(_overlap(mm, a) for a in agents):
            agents.append(mm)
        elif not studied:  # 'all treatment groups' of a paper with no study arm known: the comparator's too,
            blocked.append(mm)  # so no agent's, neither the fallback's
    agents = [a for a in agents if not _measured(text, a, sent)]
    base = _arm_roles(ctx)[0]
    agents = [a for a in agents if not (a.concept and a.concept.iri in base)]  # "X added to a high-fat diet"
    return sorted(agents, key=lambda m: m.start), blocked


def _disease_treated(ctx: Context, phrase: str, arm: str) -> bool:
    """'diabetes therapy', 'asthma treatment': an arm phrase that is a disease (the lexicon's or
    the disease dictionary's) names what is treated, not the agent; a vaccine named by its
    disease ('influenza vaccination') is one."""
    if "vaccin" in arm.lower():
        return False
    seen = ctx.document.cache.setdefault("mechanism_diseases_treated", {})  # a dictionary look-up costs ~0.1 ms
    if phrase not in seen:
        seen[phrase] = ctx.lexicon.named(phrase, "Condition") is not None
    return seen[phrase]


def class_agent(ctx: Context, sent, name: str) -> Concept | None:
    """The study drug, for a drug the sentence names by its class ('the bisphosphonate', 'the
    statin') in a trial with one study drug; None for any other name."""
    return _class_of_studied(ctx, sent, name.split()) if data()["rx_class_arm"].fullmatch(name.split()[-1]) else None


def _class_of_studied(ctx: Context, sent, words: list[str]) -> Concept | None:
    """'BACE inhibitor treatment lowered ...' in a trial with one study drug: the class names
    that drug (not in a sentence about other work, where the class may be someone else's)."""
    if not words or not data()["rx_class_arm"].fullmatch(words[-1]) or len(words) > 4:
        return None
    studied = _studied_arms(ctx)
    part, in_abs = part_of(ctx.document, sent.start_char)
    return studied[0] if len(studied) == 1 and statement_kind(sent.text, part, in_abs) == "trial_finding" else None


def _arm_intervention(ctx: Context, phrase: str) -> Concept | None:
    """The one intervention of the paper an arm phrase names by some of its words ('the
    mindfulness group' for mindfulness training, 'the tea group' for green tea extract)."""
    words = set(re.findall(r"\w{3,}", fold(phrase)))
    named = [c for c in _intervention_concepts(ctx) if words and words <= set(re.findall(r"\w{3,}", fold(c.label)))]
    return named[0] if len(named) == 1 else None


def _cell_agents(ctx: Context) -> list[tuple[str, Concept]]:
    """Cells the paper gives as its intervention ("injection of hADSCs", "implanting stem
    cells"), as (name written, agent): the long form with its short form, the long form, the
    short form, longest first. The agent is the long form the paper defines, when it does."""
    cache = ctx.document.cache.setdefault("mechanism_cell_agents", {})
    if "agents" in cache:
        return cache["agents"]
    text = ctx.document.text
    # (only a defined long form that ends in 'cells' can be one: the whole text is searched only then)
    cells = [(short, ab) for short, ab in document_abbreviations(ctx.document).items()
             if re.search(r"(?i)cells?$", ab.name)]
    given = {fold(m.group("cells")) for rx in data()["rx_cells_given"] for m in rx.finditer(text)} \
        if cells and "cells" in text else set()
    out: list[tuple[str, Concept]] = []
    if given:
        for short, ab in cells:
            long = ab.name
            named = fold(short) in given or any(g in fold(long) or fold(long) in g for g in given)
            if named:
                c = ctx.lexicon.by_label(long, "Drug") or ctx.lexicon.discover("Drug", long, "arm")
                out += [(f"{long} ({short})", c), (long, c), (short, c)]
    cache["agents"] = sorted(out, key=lambda x: -len(x[0]))
    return cache["agents"]


def _measured(text: str, a: Mention, sent) -> bool:
    """A drug named as an analyte ("serum levels of X", "X trough levels") is no agent."""
    before, after = text[max(sent.start_char, a.start - 40):a.start], text[a.end:min(sent.end_char, a.end + 30)]
    rx_before, rx_after = data()["rx_measured"]
    return bool(rx_before.search(before) or rx_after.search(after))


@functools.lru_cache(maxsize=2048)
def _label_rx(label: str) -> Guarded:
    """A concept's label as a whole word, any case: compiled once (each sentence asks for every
    intervention's; re's own cache of 512 patterns overflowed and recompiled them), tried
    where the label is found (base.whole_word)."""
    return whole_word(label)


def _intervention_concepts(ctx: Context) -> list[Concept]:
    cache = ctx.document.cache.setdefault("mechanism_interventions", [])
    if not cache:
        cache.extend({f.fields["drug"].iri: f.fields["drug"] for f in ctx.facts
                      if f.kind == "intervention" and isinstance(f.fields.get("drug"), Concept)}.values())
    return cache


def _mentions(ctx: Context, sent, concepts: list[Concept]) -> list[Mention]:
    """Where the sentence names the lexicon's drugs and the given concepts (by label)."""
    out = [Mention(e.start_char, e.end_char, e.text, ctx.concept(e)) for e in ctx.concepts_in(sent, {"Drug"})]
    for c in concepts:
        for m in _label_rx(c.label).finditer(sent.text):
            mm = Mention(sent.start_char + m.start(), sent.start_char + m.end(), m.group(0), c)
            if not any(_overlap(mm, a) for a in out):
                out.append(mm)
    return sorted(out, key=lambda m: m.start)


def _arm_roles(ctx: Context) -> tuple[set[str], set[str]]:
    """(background, control) concept IRIs of the paper.

    Background: a diet, vehicle or co-treatment every arm receives under the studied agent
    ("X added to a high-fat diet", "a standard diet enriched with X"); it is never the agent of
    a finding. Control: an arm named as the comparator somewhere ("versus Y", "Y (control
    group)"); it is not the study intervention a statement without an agent falls back to."""
    cache = ctx.document.cache.setdefault("mechanism_arm_roles", {})
    if "roles" in cache:
        return cache["roles"]
    d = data()
    text = ctx.document.text
    base: set[str] = set()
    control: set[str] = set()
    concepts = _intervention_concepts(ctx)
    # premedications and co-medications the interventions extractor found are background too
    base |= {f.fields["drug"].iri for f in ctx.facts if f.kind == "intervention"
             and f.fields.get("role") == "concomitant" and isinstance(f.fields.get("drug"), Concept)}
    for sent in ctx.sentences():
        part = part_of(ctx.document, sent.start_char)[0]
        own = part not in ("background", "discussion")  # others' regimens are not this trial's arms
        for m in _mentions(ctx, sent, concepts):
            if _measured(text, m, sent):
                continue  # "higher than the X serum levels": the drug measured, in no arm's role
            before = text[max(sent.start_char, m.start - 30):m.start]
            after = text[m.end:min(sent.end_char, m.end + 40)]
            if own and (d["rx_base_before"].search(before) or d["rx_base_after"].search(after)):
                base.add(m.concept.iri)
            if d["rx_premed_before"].search(text[sent.start_char:m.start]) \
                    or d["rx_premed_after"].search(text[m.end:sent.end_char]):
                base.add(m.concept.iri)
            cmp = d["rx_comparator"].search(before)
            if cmp is not None and _control_compared(text, max(sent.start_char, m.start - 30) + cmp.start(),
                                                     sent.start_char):
                cmp = None  # 'placebo 11.2 versus X 14.9': the control set against X, X the study arm
            if cmp is not None or d["rx_control_after"].search(after):
                control.add(m.concept.iri)
    studied = {c.iri for c in _title_agents(ctx)}
    cache["roles"] = (base - studied, control - studied)
    return cache["roles"]


def _control_compared(text: str, cue: int, s0: int) -> bool:
    """Whether a control arm is what stands before a comparison cue ('placebo 11.2 ± 2.0 versus X',
    'the placebo group vs. X'): the agent after the cue is then the study arm, not the comparator."""
    lead = re.search(r"[^,;]{0,30}$", text[max(s0, cue - 30):cue]).group(0)  # (always matches: maybe empty)
    return bool(data()["rx_control_arm"].search(lead))


def _title_agents(ctx: Context) -> list[Concept]:
    """Interventions the title names by its layout ("Effects of X on Y", "X versus Y", "... with X:")."""
    cache = ctx.document.cache.setdefault("mechanism_title_agents", {})
    if "agents" in cache:
        return cache["agents"]
    d = data()
    out: dict[str, Concept] = {}
    for sent in ctx.sentences():
        if part_of(ctx.document, sent.start_char)[0] != "title":
            continue
        drugs = ctx.concepts_in(sent, {"Drug"})
        conditions = {fold(e.text) for e in ctx.concepts_in(sent, {"Condition"})}
        for rx in d["rx_title"]:
            for m in rx.finditer(sent.text):
                if _population_therapy(ctx, sent, m.start("agent"), m.end("agent")):
                    continue
                inside = [e for e in drugs if sent.start_char + m.start("agent") <= e.start_char
                          and e.end_char <= sent.start_char + m.end("agent")]
                if inside:
                    out.update({ctx.concept(e).iri: ctx.concept(e) for e in inside})
                    continue
                for item in re.split(r",\s*|\s+and\s+|\s*/\s*", m.group("agent")):
                    words = item.split()
                    while words and fold(words[0]) in d["excluded"]:
                        words = words[1:]
                    while words and fold(words[-1]) in d["excluded"]:
                        words = words[:-1]
                    phrase = d["rx_arm_head"].sub("", " ".join(words)).strip()
                    if not phrase or len(phrase) < 3 or len(phrase.split()) > 5 or d["rx_target"].fullmatch(phrase) \
                            or d["rx_outcome"].search(phrase) or phrase[0].isdigit() \
                            or any(x in fold(phrase) for x in conditions) or d["rx_non_agent"].search(phrase):
                        continue  # a disease the title names is no agent
                    c = ctx.lexicon.by_label(phrase, "Drug") or ctx.lexicon.discover("Drug", phrase, "arm")
                    out[c.iri] = c
    cache["agents"] = list(out.values())
    return cache["agents"]


def _population_therapy(ctx: Context, sent, start: int, end: int) -> bool:
    """True when the title phrase at start:end (or its later words) is the therapy its population
    is on ('Vitamin D for patients with MS treated with interferon beta'), after a study
    intervention the title names first; without one ('... patients treated with X: a randomised
    trial') it is the study's."""
    rx = data()["rx_title_population"]
    at = (w.start() for w in re.finditer(r"[\w+-]+", sent.text[start:end]))
    pop = next((m for m in (rx.search(sent.text[:start + i]) for i in at) if m is not None), None)
    if pop is None:
        return False
    # the study intervention first, by the name of the interventions or of the lexicon ('Vitamin D' for
    # cholecalciferol 4000 IU)
    before = [m for m in _mentions(ctx, sent, _intervention_concepts(ctx)) if m.end <= sent.start_char + pop.start()]
    return any(m.concept and not _measured(ctx.document.text, m, sent) for m in before)


def _default_agents(ctx: Context) -> list[Concept]:
    """The experimental arm a statement without an agent of its own is read as: agents of the
    title, else the interventions, else the most frequent drug of the abstract (an arm phrase
    only when it recurs). Background and control arms never count; alternatives compared with
    each other ("X, Y or Z") leave no single experimental arm, components of one ("X plus Y") do."""
    if _title_agents(ctx):
        return list(_title_agents(ctx))
    base, control = _arm_roles(ctx)

    def agents_in(parts, title: bool = False) -> list[Concept]:  # agents of the sentences in some parts, in text order
        found = []
        for sent in ctx.sentences():
            part, in_abs = part_of(ctx.document, sent.start_char)
            if parts(part, in_abs):
                targets = _targets(ctx, sent) if _may_state(sent.text) else []
                found += [a.concept for a in _agents(ctx, sent)[0] if a.concept and a.concept.iri not in control
                          and not any(_analyte(ctx, a, t) for t in targets)  # 'β2-microglobulin': a biomarker
                          and not (title and _population_therapy(ctx, sent, a.start - sent.start_char,
                                                                 a.end - sent.start_char))]
        return found

    # each source read only when the ones before it gave nothing
    title = agents_in(lambda part, in_abs: part == "title", title=True)
    if title:
        return list({c.iri: c for c in title}.values())
    studied = list({f.fields["drug"].iri: f.fields["drug"] for f in ctx.facts if f.kind == "intervention"
                    and f.fields.get("role") == "study" and isinstance(f.fields["drug"], Concept)
                    and f.fields["drug"].iri not in base | control}.values())
    if len(studied) == 1 or studied and _one_arm(ctx, studied):
        return studied
    if studied:
        return []  # several arms, none the control: no single study intervention
    other = agents_in(lambda part, in_abs: part != "title" and (in_abs or part in ("methods", "results")))
    for iri, n in Counter(c.iri for c in other).most_common():
        c = next(c for c in other if c.iri == iri)
        if c.source != "arm" or n >= 3:  # an arm phrase read from the text counts when it recurs
            return [c]
    return []


def _studied_arms(ctx: Context) -> list[Concept]:
    """Every study intervention of the paper (not a control or background arm): what 'all
    treatments' or 'both doses' names; the title's agents when the paper lists none."""
    base, control = _arm_roles(ctx)
    studied = {f.fields["drug"].iri: f.fields["drug"] for f in ctx.facts if f.kind == "intervention"
               and f.fields.get("role") == "study" and isinstance(f.fields["drug"], Concept)
               and f.fields["drug"].iri not in base | control}
    return list(studied.values()) or list(_title_agents(ctx))


def active_arms(ctx: Context) -> list[Concept]:
    """Every active arm of the paper: the study interventions and the active comparators (an
    intervention neither a background treatment nor named as a placebo, sham or saline arm)."""
    cache = ctx.document.cache.setdefault("mechanism_active_arms", {})
    if "arms" not in cache:
        base = _arm_roles(ctx)[0]
        out = {c.iri: c for c in _studied_arms(ctx)}
        for c in _intervention_concepts(ctx):
            if c.iri not in base and not data()["rx_control_arm"].search(c.label) \
                    and fold(c.label) not in data()["excluded"]:
                out.setdefault(c.iri, c)
        cache["arms"] = list(out.values())
    return cache["arms"]


def _one_arm(ctx: Context, concepts: list[Concept]) -> bool:
    """True when the text joins every one of the concepts into one arm ("X plus Y", "X + Y")."""
    d = data()
    text = ctx.document.text
    joined: set[str] = set()
    for sent in ctx.sentences():
        found = [m for m in _mentions(ctx, sent, concepts) if m.concept in concepts]
        for a, b in zip(found, found[1:]):
            if a.concept.iri != b.concept.iri and d["rx_combination"].search(text[a.end:b.start]):
                joined |= {a.concept.iri, b.concept.iri}
    return joined >= {c.iri for c in concepts}


def _target_concept(ctx: Context, t: Mention) -> Concept:
    label = re.sub(r"\s+", " ", t.text)
    label = re.sub(r"(?i)(?<=[\w)])\s+(?:levels?|concentrations?|values?|amounts?)$", "", label)
    m = data()["rx_specimen_after"].match(label)
    if m:  # "lipid level of serum" → "serum lipid"
        label = f"{m.group(2)} {m.group(1)}"
    for kind in ("Cytokine", "CellType", "Gene", "BiologicalProcess"):
        c = ctx.lexicon.by_label(label, kind)
        if c is not None:
            return c
    kind = "CellType" if re.search(r"cells?\b|cytes?\b|phils?\b|Tregs?\b|blasts?\b", label, re.I) else \
        "Cytokine" if re.search(r"\b(?:IL|TNF|IFN|TGF|interleukin|interferon|chemokine|cytokine)", label, re.I) else \
        "BiologicalProcess"
    return ctx.lexicon.discover(kind, label, "mechanism")


def _setting(sentence: str) -> str | None:
    from kg.extract.mechanisms import _context as setting  # species, model, in vitro

    return setting(sentence)


def statement_kind(sentence: str, part: str, in_abs: bool) -> str:
    """trial_finding, study_aim, prior_study or background (what the gold calls "context")."""
    d = data()
    if part in ("background", "methods", "title") and d["rx_aim"].search(sentence):
        return "study_aim"
    if d["rx_prior"].search(sentence) or re.search(r"\[\d+", sentence):
        return "prior_study"
    if part in ("background", "discussion") and not in_abs or part == "background":
        return "background"
    return "trial_finding"
