"""N enrolled and N analysed: the count of people a trial randomised or studied, from the shapes of an
enrolment statement kept as data in ontology/enrolment.json."""

from __future__ import annotations

import functools
import json

from kg.extract import recache as re
from kg.extract.base import Context, Fact, Guarded, GuardIndex, guarded, part_of
from kg.extract.folded import folding
from kg.extract.numbers import COUNT, to_int
from kg.extract.trial_common import (
    about_this_trial_text,
    fact,
    introduction,
    is_year,
    own_statement,
    sentences_by_preference,
)
from kg.lexicon import ONTOLOGY_DIR


@functools.cache
def _enrolment_cues() -> dict:
    """ontology/enrolment.json: the parts of an enrolment statement, as data."""
    return json.loads((ONTOLOGY_DIR / "enrolment.json").read_text(encoding="utf-8"))


def _alts(key: str) -> str:
    return "|".join(_enrolment_cues()[key])


# a population: up to five premodifiers ('unselected mechanically ventilated critically ill', 'college-aged',
# '(BMI > 30)', '(365 usual care, 236 lifestyle support)')
# and a head noun of ontology/enrolment.json; a function word or a bare number ends the premodifiers, a unit
# of time right after the count ('10 days') is no population
PEOPLE = (rf"(?!(?:{_alts('count_units')})(?![\w'’-]))"
           rf"(?:(?:[A-Za-z][\w'’]{{0,20}}-\s+(?:and|or)|"  # a suspended hyphen: "age- and sex-matched"
           rf"(?!(?:{_alts('premodifier_stop')})(?![\w'’-]))(?![\d.,]+\s)[A-Za-z][\w'’-]{{0,24}},?|"
           rf"(?![\d.,]+\s)[0-9][\w'’-]{{0,24}}|"
           rf"\([^()]{{1,80}}\))\s+){{0,5}}?"
           rf"(?:{_alts('population_nouns')})\b")


# what may stand between a population and its verb: a parenthetical (one level of nesting), and
# any words but a semicolon, up to 200 characters ('with X admitted to Y, Belfast,')
_PAREN = r"\((?:[^()]|\([^()]*\))*\)"


_BETWEEN = rf"(?:{_PAREN}|[^;()]){{0,200}}?"


@functools.cache
def _enrolled_patterns() -> list[tuple[str, re.Pattern | Guarded]]:
    """The enrolment statements, named; built from ontology/enrolment.json."""
    passive = _alts("passive_verbs")
    study = rf"(?:{_alts('study_words')})"
    did = rf"(?:was|were|is|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:{_alts('study_verbs')})"
    rx = {
        "verb_first": rf"\b(?:enrolled|included|recruited|randomi[sz]ed|randomly\s+(?:assigned|allocated)|studied)\s+"
                      rf"(?:a\s+total\s+of\s+)?(?P<n>{COUNT})\s+{PEOPLE}",
        "count_then_verb": rf"\b(?P<n>{COUNT})\s+{PEOPLE}(?P<mid>{_BETWEEN})\s+"
                           rf"(?:(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+){{0,2}}?(?:{passive})|"
                           rf"(?:\w+ly\s+)?(?:{_alts('active_verbs')}))\b",
        "whole_of": rf"\b(?:of|among)\s+(?:the\s+|these\s+|all\s+)?(?P<n>{COUNT})\s+(?:{PEOPLE}\s+)?"
                    rf"(?:randomi[sz]ed|enrolled|included|recruited|assigned|randomly\s+(?:assigned|allocated))\b",
        # who a report of the trial looked at, randomised ("We evaluated 7,216 men and women aged 55 to 80
        # years randomized to 1 of 3 interventions", "analysed 300 adults who had been randomly assigned to ...")
        "studied_randomised": rf"\b(?:evaluated|analy[sz]ed|examined|followed|assessed|included|studied)\s+"
                              rf"(?:a\s+total\s+of\s+|all\s+)?(?P<n>{COUNT})\s+{PEOPLE}[^.;]{{0,80}}?\s+"
                              rf"(?:who\s+(?:were|had\s+been)\s+)?(?:randomi[sz]ed|randomly\s+(?:assigned|allocated))\s+"
                              rf"(?:to|into|between)\b",
        # two groups named by their adjectives and one population noun ("in 6 normal and 6 asthmatic subjects",
        # "we studied 12 lean and 14 obese adults"): their counts added up
        "shared_noun": rf"\b(?:in|studied|enrolled|included|recruited|compared)\s+(?P<n>{COUNT})\s+"
                       rf"(?!(?:{_alts('premodifier_stop')})\b)[A-Za-z][\w'’-]*\s+(?:and|or|versus|vs\.?)\s+"
                       rf"(?P<second>{COUNT})\s+{PEOPLE}",
        "adjective": rf"\b(?P<n>{COUNT})\s+(?:randomi[sz]ed|enrolled|recruited)\s+{PEOPLE}",
        "randomisation": rf"\b(?P<n>{COUNT})\s+(?:{PEOPLE}\s+)?(?:underwent|were\s+included\s+in|entered)\s+"
                         rf"(?:the\s+)?randomi[sz]ation\b",
        "label": rf"\b(?:participants|patients|subjects|population)\s*:\s*(?:a\s+total\s+of\s+)?(?P<n>{COUNT})\s+"
                 rf"{PEOPLE}",
        "population_were": rf"\b(?:participants|subjects|study\s+population|study\s+sample|sample)\s+(?:were|was|"
                           rf"consisted\s+of|consisting\s+of|comprised|comprising)\s+(?:a\s+total\s+of\s+)?(?P<n>{COUNT})\s+{PEOPLE}",
        "n_equals": rf"\b[Nn]\s*=\s*(?P<n>\d+)\s+(?:{PEOPLE})",
        # "Adolescents (N = 143; 13-19 years) with depression were recruited"
        "n_equals_after": rf"\b{PEOPLE}[^.;()]{{0,60}}?\(\s*[Nn]\s*=\s*(?P<n>\d+)\s*(?:[;,][^()]{{0,40}})?\)"
                          rf"(?:\s+(?:with|from|in|aged|who\s+had)\s+[^.;()]{{1,60}}?)?\s*(?:were|was)\s+"
                          rf"(?:\w+\s+)?(?:{passive})\b",
        "there_were": rf"\bthere\s+were\s+(?:a\s+total\s+of\s+)?(?P<n>{COUNT})\s+{PEOPLE}\s+(?:\w+\s+)?"
                      rf"(?:{passive})\b",
        "study_in": rf"\b{study}(?:\s+{did}|\s+[^.;]{{1,80}}?\s+{did})?\s+"
                    rf"(?:{_alts('study_prepositions')})\s+(?:a\s+total\s+of\s+)?(?P<n>{COUNT})\s+{PEOPLE}",
        "received_either": rf"\b(?P<n>{COUNT})\s+{PEOPLE}(?P<mid>{_BETWEEN})\s+(?:{_alts('received_verbs')})\s+"
                           rf"(?:either\s+)?(?:[^,;.]{{1,80}}?\s+or\s+|(?:[^.]|\.(?=\d)){{1,160}}?[;,]\s+or\s+)",
        "whole_then_part": rf"\b(?:of|among|from)\s+(?:(?:{_alts('whole_words')})\s+){{0,3}}{COUNT}\s+{PEOPLE}"
                           rf"[^;]{{0,120}}?,\s*(?P<n>{COUNT})\s+(?:{PEOPLE}\s+)?(?:[^;,]{{0,60}}?\s+)?"
                           rf"(?:(?:were|was)\s+(?:\w+\s+)?(?:enrolled|recruited|randomi[sz]ed|included|assigned|"
                           rf"allocated)|{_alts('active_verbs')})\b",
        # a results line with no verb: "Results: 88 adults recruited from 12 practices."
        "telegraphic": rf"^\s*(?:a\s+total\s+of\s+)?(?P<n>{COUNT})\s+{PEOPLE}\s+(?:recruited|enrolled|"
                       rf"randomi[sz]ed|randomly\s+(?:assigned|allocated))\s+(?:from|in|at|to|between|into|over|"
                       rf"across|during)\b(?=[^.;]{{0,80}}(?:[.;]|$))(?![^.;]*\b(?:were|was|had|did|withdrew|completed|dropped|died|"
                       rf"left|discontinued|received|took)\b)",
        "aim_in": rf"\b(?:{_alts('aims')})\b[^.;]{{1,120}}?\s+(?:in|among)\s+(?P<n>{COUNT})\s+{PEOPLE}",
        "sample_of": rf"\b(?:a|an|the|our|this|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{_alts('sample_nouns')})\s+of\s+"
                     rf"(?P<n>{COUNT})\s+{PEOPLE}",
    }
    out: list[tuple[str, re.Pattern | Guarded]] = []
    for name, p in rx.items():
        compiled = re.compile(p, re.IGNORECASE if name != "n_equals" else 0)
        # an "n = 24" pattern opens with a costly population phrase: tried only where an "=" is
        out.append((name, Guarded(compiled, re.compile(r"=")) if name.startswith("n_equals") else guarded(compiled)))
    return out


@functools.cache
def _enrolled_index() -> GuardIndex:
    """The enrolment layouts' guard words, found in a sentence by one scan."""
    return GuardIndex(rx for _name, rx in _enrolled_patterns())


# each arm's own count, to be added up when no total is stated
_ARM_COUNTS = [
    # a cluster trial's arms: "(n = 26 classes, 432 children)": the people, not the clusters
    re.compile(rf"\(\s*[Nn]\s*=\s*\d+\s+(?:{_alts('cluster_units')})\s*[,;]\s*(?P<n>\d+)\s+{PEOPLE}", re.IGNORECASE),
    re.compile(r"\(\s*[Nn]\s*=\s*(?P<n>\d+)\s*\)"),
    # "twenty residents used A and 22 used B": the second count's people are the first's
    re.compile(rf"\b(?P<n>{COUNT})\s+(?:{PEOPLE}\s+)?(?:received|were\s+given|were\s+treated\s+with|used|took)\b",
               re.IGNORECASE),
    re.compile(r"\b[Nn]\s*=\s*(?P<n>\d+)\b"),
    # "73 patients from the GDFR group were compared with 72 patients from the control group"
    re.compile(rf"\b(?P<n>{COUNT})\s+{PEOPLE}\s+(?:from|in|of)\s+the\s+(?:[\w-]+\s+){{1,3}}?(?:group|arm)\b",
               re.IGNORECASE),
]


# "randomized into 2 groups of 24 each", "allocated to three arms (n = 20 per arm)": groups × size
# "divided into three equal groups randomly (each composing of 50 patients)", "into two arms with 40 adults in each"
_GROUPS_OF = guarded(re.compile(rf"\b(?:into|in|to)\s+(?P<g>{COUNT})\s+(?:equal\s+|parallel\s+)?(?:groups|arms)\s+"
                                rf"(?:of\s+(?P<n>{COUNT})\s*(?:each\b|{PEOPLE}\s+each\b|{PEOPLE})|"
                                rf"\(\s*[Nn]\s*=\s*(?P<m>\d+)\s+(?:each|per\s+(?:group|arm))\s*\)|"
                                rf"(?:\w+\s+){{0,2}}?\(\s*each\s+(?:group\s+|arm\s+)?(?:composing|consisting|comprising|composed|"
                                rf"made\s+up)\s+of\s+(?P<k>{COUNT})\b|"
                                rf"with\s+(?P<w>{COUNT})\s+{PEOPLE}\s+(?:in\s+)?(?:each|per\s+(?:group|arm))\b)",
                                re.IGNORECASE))


_ANALYSED = [guarded(rx) for rx in [
    re.compile(rf"\b[Aa]mong\s+(?:the\s+)?(?P<n>{COUNT})\s+{PEOPLE}\s+(?:assessed|evaluated|analy[sz]ed)\b"),
    re.compile(rf"\b(?P<n>{COUNT})\s+{PEOPLE}\s+(?:were\s+)?(?:evaluable|analy[sz]ed|included in the "
               rf"(?:\w+\s+)?analys[ie]s)\b", re.I),
]]


def analysed(ctx: Context) -> list[Fact]:
    """N analysed: "Among 10 patients assessed for efficacy", "10 patients were evaluable"."""
    return _first_count(ctx, "n_analysed", _ANALYSED, lambda part, in_abs: part in ("results", "other"))


def _first_count(ctx: Context, attribute: str, patterns: list[re.Pattern], where) -> list[Fact]:
    """The first number of people a pattern finds, in the parts `where(part, in_abstract)` accepts."""
    for sent in sentences_by_preference(ctx):
        if not where(*part_of(ctx.document, sent.start_char)):
            continue
        for rx in patterns:
            m = rx.search(sent.text)
            if m and (n := to_int(m.group("n"))):
                s = sent.start_char + m.start()
                return [fact(ctx, attribute, n, s, sent.start_char + m.end(), f"trial.{attribute}")]
    return []


def enrolled(ctx: Context) -> list[Fact]:
    """N enrolled: "enrolled 11 adult SLE patients", "Three hundred sixty patients were randomised",
    "Of the 1066 patients randomised", "underwent randomisation", "a cross-over study in 24 adults",
    "Methods: Forty adults scheduled for surgery."; else the sum of the arms' counts stated in one
    sentence ("cell group (n = 9) and control group (n = 9)")."""
    sents = [sent for sent in sentences_by_preference(ctx)
             if own_statement(ctx, sent) and not introduction(ctx, sent)]
    for sent in sents:
        part, _in_abs = part_of(ctx.document, sent.start_char)
        patterns = _enrolled_patterns()
        found = [f for f in (_first_enrolment(sent.text, patterns[i][0], rx, part)
                             for i, rx in _enrolled_index().offered(sent.text)) if f]
        if found:  # the count written first: a whole comes before its parts ("Of the 120 enrolled, 59 ... 61")
            name, m = min(found, key=lambda f: f[1].start("n"))
            total, end = _added_counts(sent.text, m, name)
            s = sent.start_char + m.start()
            return [fact(ctx, "n_enrolled", total, s, sent.start_char + end, "trial.n_enrolled")]
        labelled = _under_population_label(ctx, sent)
        if labelled:
            return [labelled]
    for sent in sents:
        g = _GROUPS_OF.search(sent.text)
        size = g and (g.group("n") or g.group("m") or g.group("k") or g.group("w"))
        if g and to_int(g.group("g")) and to_int(size):
            n = to_int(g.group("g")) * to_int(size)
            return [fact(ctx, "n_enrolled", n, sent.start_char + g.start(), sent.start_char + g.end(),
                          "trial.n_enrolled.groups_of", 0.8)]
        whole = _whole_with_parts(sent.text)
        if whole:
            n, s, e = whole
            return [fact(ctx, "n_enrolled", n, sent.start_char + s, sent.start_char + e,
                          "trial.n_enrolled.whole_with_parts", 0.8)]
    for sent in sents:
        if not re.search(r"\b(?:group|groups|arm|arms|randomi[sz]|allocated|assigned|received|used|took)\w*",
                         sent.text, re.I):
            continue
        for rx in _ARM_COUNTS:
            found = [m for m in rx.finditer(sent.text) if to_int(m.group("n"))]
            if len(found) >= 2:
                total = sum(to_int(m.group("n")) for m in found)
                s, e = sent.start_char + found[0].start(), sent.start_char + found[-1].end()
                return [fact(ctx, "n_enrolled", total, s, e, "trial.n_enrolled.sum_of_arms", 0.7)]
    return []


_WHOLE = guarded(re.compile(rf"\b(?P<n>{COUNT})\s+{PEOPLE}", re.IGNORECASE))  # asked of every sentence


_PART = re.compile(rf"\b(?P<n>{COUNT})\s+(?:{PEOPLE}\s+)?(?:receiving|received|who|were|in\s+(?:the|each|a|an|both)|"
                   rf"with|had|on|treated|assigned|allocated|randomi[sz]ed|using|used|took|taking|given)\b|\(\s*[Nn]\s*=\s*(?P<m>\d+)\s*\)",
                   re.IGNORECASE)


# a count that is a share of a larger whole ('145 (80.6%) patients') or counts people after enrolment
_SHARE_OR_LATER = re.compile(r"\(\s*\d+(?:[.,·]\d+)?\s*%\s*\)|\s+(?:completed|were\s+analy[sz]ed|were\s+lost|withdrew|"
                             r"dropped|were\s+followed|remained|finished|discontinued)\b", re.IGNORECASE)


def _whole_with_parts(text: str) -> tuple[int, int, int] | None:
    """A count of people that the counts after it add up to exactly ("149 patients, including 71 receiving
    A and 78 receiving B"): the parts' sum vouches for the whole. (count, start, end) or None."""
    for w in _WHOLE.finditer(text):
        total = to_int(w.group("n"))
        if not total or total <= 3 or _SHARE_OR_LATER.search(w.group(0)) \
                or _SHARE_OR_LATER.match(text, w.end()):
            continue  # "145 (81%) patients completed follow-up (78 in A and 67 in B)": a share, after enrolment
        bracket = re.match(r"\s*\(([^()]{1,80})\)", text[w.end():])  # "125 patients (63 A and 62 B)"
        if bracket:
            counts = [to_int(c.group(0)) or 0 for c in re.finditer(rf"\b{COUNT}\b(?!\s*%|\.\d)", bracket.group(1),
                                                                   re.IGNORECASE)]
            if len(counts) >= 2 and sum(counts) == total:
                return total, w.start(), w.end() + bracket.end()
        acc = 0
        parts = [p for p in _PART.finditer(text, w.end())]
        for k, p in enumerate(parts):
            acc += to_int(p.group("n") or p.group("m")) or 0
            if acc == total and k >= 1:
                return total, w.start(), p.end()
            if acc > total:
                break
    return None


_SAMPLE_OPENS = re.compile(r"\s*(?:a|an|the|our)\s+(?:[\w-]+\s+){0,2}?(?:sample|cohort)\s+of\b", re.IGNORECASE)


def _first_enrolment(text: str, name: str, rx, part: str) -> tuple[str, re.Match] | None:
    """The first statement of the number enrolled a pattern finds in a sentence, refusals applied."""
    if name in ("study_in", "aim_in", "sample_of", "shared_noun") and part == "background" \
            and not about_this_trial_text(text):
        return None  # a background names other trials' populations
    if name in ("aim_in", "shared_noun") and part == "results":
        return None  # "we compared X in 12 patients" in the results is about some of them
    if name == "sample_of" and part == "results" and not _SAMPLE_OPENS.match(text):
        return None  # "... in a sample of 12 patients" inside the results; "An opportunity sample of 30 adults
        # took part" opening a sentence of the results is who was studied
    if name == "sample_of" and _enrolment_rx()["planning"].search(text):
        return None  # "a sample of 27 patients per practice would give 85% power": a plan
    pos = 0
    while m := rx.search(text, pos):
        pos = m.end("n")
        n = to_int(m.group("n"))
        if not n or n <= 3 or is_year(m.group("n")) and not _people_after(text, m) \
                or _part_of_a_whole(text, m) or _per_arm(text, m.end()) \
                or name in ("count_then_verb", "received_either") and _not_the_subject(text, m) \
                or name == "received_either" and re.search(r"\brespectively\b", text) \
                or name == "whole_of" and _one_arm(text, m.end()):
            continue
        return name, m
    return None


def _people_after(text: str, m: re.Match) -> bool:
    """"2061 patients": a count of people, not a year."""
    return bool(re.match(rf"\s+{PEOPLE}", text[m.end("n"):], re.I))


def _one_arm(text: str, end: int) -> bool:
    """"Of the 51 patients randomised to therapy, ...": the count of one arm (one 'to' phrase, no 'or')."""
    # commas of a list of doses stay inside ('to paclitaxel at a dose of 175, 210, or 250 mg/m2')
    to = re.match(r"\s+to\s+((?:[^,;]|,(?=\s*(?:[\d.]+\s*(?:,|or\b|and\b)|(?:or|and)\s+[\d.]+)))*)", text[end:])
    return bool(to) and not re.search(r"\b(?:or|and|versus|vs|either|one\s+of|\d+\s+of)\b", to.group(1), re.I)


def _per_arm(text: str, end: int) -> bool:
    """"Twelve students were allocated to each group", "(N = 24 for each group)": one arm's count;
    "were included in the per-protocol analysis": the analysed; "consented and were assessed for
    eligibility": people before enrolment."""
    rx = _enrolment_rx()
    return bool(rx["per_arm"].match(text, end) or rx["analysis_after"].match(text, end)
                or rx["then_screened"].match(text, end))


def _breakdown(text: str, start: int) -> tuple[int, int]:
    """The counts of people listed right after text[:start] and closed by 'and' (", 12 women and 8
    men"): their sum and where they end; (0, start) when there are none."""
    chain: list[re.Match] = []
    for b in _enrolment_rx()["breakdown"].finditer(text, start):  # only counts that follow one another
        if b.start() != (chain[-1].end() if chain else start):
            break
        chain.append(b)
    while chain and not re.match(r"\s*,?\s*and\b", chain[-1].group(0)):
        chain.pop()
    return sum(to_int(b.group("n")) or 0 for b in chain), (chain[-1].end() if chain else start)


def _not_the_subject(text: str, m: re.Match) -> bool:
    """In "<count> <people> ... were <verb>" the count is not who the verb is about when it is the
    whole a part is taken from ("Of the 480 patients seen, 390 patients were enrolled") or when
    another count of people starts a clause between ("40 patients attended and 30 patients were
    randomised"); a breakdown set off by commas is an apposition ("48 adults, 22 with X and 26
    without, were recruited")."""
    rx = _enrolment_rx()
    mid = re.sub(_PAREN, "", m.group("mid"))
    mid = mid[_breakdown(mid, 0)[1]:]  # "30 men and 28 women were randomised": one subject
    verb = text[m.end("mid"): m.end()]
    if rx["modal_end"].search(m.group("mid")) or re.search(r"\bto\s+be\b", verb) or rx["count_end"].search(mid):
        return True  # "270 patients should have been recruited", "of 2400 women, 880 were enrolled"
    if rx["verb_between"].search(mid):  # "961 children completed the tests and were included in the analyses"
        return True
    if "," in mid and rx["whole_before"].search(text[max(0, m.start("n") - 20): m.start("n")]):
        return True
    marked = re.sub(_PAREN, "()", m.group("mid"))  # "forty (n = 40) ..., but only twenty (n = 20) ..."
    marked = marked[_breakdown(marked, 0)[1]:]
    return bool(rx["clause_count"].search(mid) or rx["clause_count"].search(marked)) and not mid.rstrip().endswith(",")


def _added_counts(text: str, m: re.Match, name: str) -> tuple[int, int]:
    """The count a match states, with the counts written beside it added: a breakdown ("20 men and
    22 women were randomised") or the other arms after one arm's ("21 patients were assigned to A,
    while 24 patients received B"). Returns the total and where its evidence ends."""
    rx = _enrolment_rx()
    total, end = to_int(m.group("n")), m.end()
    if name == "shared_noun":
        return total + (to_int(m.group("second")) or 0), end
    people_end = m.start("mid") if name == "count_then_verb" else m.end()
    more, chain_end = _breakdown(text, people_end)
    if more and name in ("count_then_verb", "population_were", "verb_first"):
        return total + more, max(end, chain_end)
    if name == "count_then_verb" and rx["arm_verb"].search(m.group(0)) and re.match(r"\s+to\b", text[end:]):
        arms = [a for a in rx["other_arm"].finditer(text, end) if to_int(a.group("n"))]
        if arms:
            return total + sum(to_int(a.group("n")) for a in arms), arms[-1].end()
    return total, end


@functools.cache
@folding  # searched on the lowered text where that matches the same (kg/extract/folded.py)
def _enrolment_rx() -> dict[str, re.Pattern]:
    """The cues of ontology/enrolment.json, compiled once: they are asked of every sentence."""
    cues = json.loads((ONTOLOGY_DIR / "enrolment.json").read_text(encoding="utf-8"))
    labels = "|".join(cues["population_labels"] + cues["opening_labels"])
    return {
        "subset_after": re.compile(r"\s+(?:" + "|".join(cues["subset_after_count"]) + r")\b", re.I),
        "proportion_before": re.compile(r"(?:" + "|".join(cues["proportion_before_count"]) + r")\s*$", re.I),
        "label_inline": re.compile(rf"(?:^|[.\n]\s*)(?:{labels})\s*:\s*$", re.I),
        "label_heading": re.compile(rf"\s*(?:{labels})\s*", re.I),
        "opening_count": re.compile(rf"(?:a\s+total\s+of\s+|in\s+total,?\s+)?(?P<n>{COUNT})\s+{PEOPLE}\b", re.I),
        "before_enrolment": re.compile(rf"(?:{_PAREN}|[^.;()]){{0,100}}?\b(?:(?:were|was|had\s+been)\s+"
                                       rf"(?:\w+\s+)?(?:{'|'.join(cues['before_enrolment'])})|"
                                       rf"(?:(?:were|was|had\s+been)\s+(?:\w+\s+)?)?"
                                       rf"(?:{'|'.join(cues['not_enrolment'])}))\b", re.I),
        "per_arm": re.compile(rf"\s*(?:{'|'.join(cues['per_arm_after'])})", re.I),
        "per_arm_in": re.compile(rf"\b(?:{'|'.join(cues['passive_verbs'])})\s*(?:{'|'.join(cues['per_arm_after'])})",
                                 re.I),
        "whole_before": re.compile(rf"(?<!\btotal\s)\b(?:of|among|from)\s+"
                                   rf"(?:(?:{'|'.join(cues['whole_words'])})\s+){{0,3}}$", re.I),
        "modal_end": re.compile(rf"\b(?:{'|'.join(cues['modal_before_verb'])})(?:\s+have)?\s*$", re.I),
        "count_end": re.compile(rf",\s*{COUNT}\s*$", re.I),
        "clause_count": re.compile(rf"(?:,|\band\b|\bbut\b|\bwhile\b|\bwhereas\b)\s*(?:(?:only|then|finally|"
                                   rf"eventually|subsequently)\s+)?(?P<n>{COUNT})(?:\s+{PEOPLE}|\s*\(|"
                                   rf"\s+(?:were|was|had|did|met|used|took|received|underwent)\b)", re.I),
        "breakdown": re.compile(rf"(?:\s*{_PAREN})?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<n>{COUNT})\s+{PEOPLE}",
                                re.I),
        "verb_between": re.compile(rf"\b(?:(?:were|was|had\s+been)\s+(?:\w+\s+)?"
                                   rf"(?:{'|'.join(cues['before_enrolment'])})|{'|'.join(cues['not_between'])})\b",
                                   re.I),
        "analysis_after": re.compile(cues["analysis_after"], re.I),
        "planning": re.compile(rf"\b(?:{'|'.join(cues['planning_words'])})\b", re.I),
        "then_screened": re.compile(rf"[^.;,]{{0,40}}?\s+and\s+(?:(?:were|was)\s+)?(?:\w+\s+)?"
                                    rf"(?:{'|'.join(cues['before_enrolment'])})\b", re.I),
        "subset_before": re.compile(rf"\b(?:{'|'.join(cues['subset_before_count'])})\s+$", re.I),
        "arm_verb": re.compile(r"\b(?:assigned|allocated|randomi[sz]ed)$", re.I),
        "other_arm": re.compile(rf"{cues['other_arm']}(?P<n>{COUNT})\s+(?:{PEOPLE}\s+)?(?:(?:were|was)\s+"
                                rf"(?:\w+\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to|to|received|were\s+given|"
                                rf"were\s+treated\s+with)\b", re.I),
    }


def _part_of_a_whole(text: str, m: re.Match) -> bool:
    """"six other participants", "the remaining 77 patients", "1 in 6 participants": not the N enrolled."""
    rx = _enrolment_rx()
    before = text[max(0, m.start("n") - 30): m.start("n")]
    return bool(rx["subset_after"].match(text, m.end("n")) or rx["proportion_before"].search(before)
                or rx["subset_before"].search(before))


def _under_population_label(ctx: Context, sent) -> Fact | None:
    """"Participants: 24 adults with ...", "Methods: Forty adults scheduled for surgery.": a count of
    people opening the part of a paper labelled with the population or the methods (labels in
    ontology/enrolment.json), unless what follows counts people before or after enrolment."""
    rx = _enrolment_rx()
    inline = rx["label_inline"].search(ctx.document.text[max(0, sent.start_char - 40): sent.start_char])
    if not inline and not any(
            sec.start <= sent.start_char < sec.end and rx["label_heading"].fullmatch(sec.name)
            and ctx.document.text[sec.start: sent.start_char].strip() in ("", sec.name.strip())
            for sec in ctx.document.sections):
        return None
    m = rx["opening_count"].match(sent.text)
    n = to_int(m.group("n")) if m else None
    if not n or n <= 3 or is_year(m.group("n")) or _part_of_a_whole(sent.text, m):
        return None
    if rx["before_enrolment"].match(sent.text[m.end():]) or rx["per_arm_in"].search(sent.text, m.end()) \
            or rx["clause_count"].search(sent.text, m.end()):  # one arm's count: "40 took A, and 15 took B"
        return None
    start, end = sent.start_char + m.start("n"), sent.start_char + m.end()
    return fact(ctx, "n_enrolled", n, start, end, "trial.n_enrolled.label")
