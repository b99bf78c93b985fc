"""Numeric results: changes from baseline, responder fractions, fold changes, with p-values.

Classes of statement read (each keeps its own evidence, so an abstract and a results
section that disagree both stay):
- change: "decreased from 11.25 mg/day at baseline to 6 mg/day at W24 (P < 0.01)",
  "was 8 and decreased to 3.4 points at week 16";
- responders: "five patients among 10 were SRI-4 responders", "seven out of 10 patients
  reached ...", "Five (50%) patients had a ... response" (N from n and %);
- an estimate with a p-value: "a 1.8±0.5-fold increase of Treg levels (p=0.0015)".
"""

from __future__ import annotations

import re

from kg.extract.base import Context, Fact, part_of
from kg.extract.numbers import COUNT, NUMBER, to_int, to_number

EXTRACTOR = "results"
_P = re.compile(r"\b[Pp]\s*(?:-?\s*value)?\s*(?P<rel>[<>=≤≥]|&lt;|&gt;)\s*(?P<v>0?\.\d+|1(?:\.0+)?|\d(?:\.\d+)?"
                r"\s*[x×]\s*10\s*[-−–]\s*\d+)")
_UNIT = r"(?:\s*(?P<u{n}>mg/day|mg/d|mg/kg|mg|points?|%|g/l|mmol/l|IU/ml|cells/µl|years|months|weeks|days))?"
_CHANGE = re.compile(
    r"\b(?P<verb>decreased|increased|fell|rose|dropped|declined|improved|changed|"
    r"reduced|went)\s+from\s+(?P<a>" + NUMBER + ")" + _UNIT.format(n=1) + r"[^.;]{0,30}?\bto\s+(?P<b>" + NUMBER + ")"
    + _UNIT.format(n=2), re.I)
CHANGE_PATTERN = re.compile(r"\bfrom\s+" + NUMBER + r"[^.;]{0,40}?\bto\s+" + NUMBER + r"[^\s,;.]*|"
                            r"\band\s+(?:decreased|increased|fell|rose)\s+to\s+" + NUMBER, re.I)
_WAS_THEN = re.compile(
    r"\bwas\s+(?P<a>" + NUMBER + r")" + _UNIT.format(n=1)
    + r"\s+and\s+(?P<verb>decreased|increased|fell|rose|dropped|declined|improved)\s+to\s+(?P<b>" + NUMBER + ")"
    + _UNIT.format(n=2), re.I)
_FRACTION = re.compile(
    rf"\b(?P<n>{COUNT})(?:\s+(?:\w+\s+)?(?:out\s+of|of|among)\s+(?:the\s+)?|\s*/\s*)(?P<d>{COUNT})\b(?:\s+(?:patients|"
    rf"participants|subjects))?", re.I)
_PERCENT = re.compile(rf"\b(?P<n>{COUNT})\s*\(\s*(?P<pct>{NUMBER})\s*%\s*\)", re.I)
_FOLD = re.compile(r"(?P<v>" + NUMBER + r"(?:\s*±\s*" + NUMBER + r")?)\s*-?\s*fold\s+(?P<dir>increase|decrease|"
                   r"rise|reduction|change|higher|lower|expansion)", re.I)
_OUTCOME = re.compile(r"\b(?:respon\w*|remission|reached|achieved|attained|attain\w*|improv\w*|LLDAS|"
                      r"target|endpoint|succe\w+|relapse\w*|flare\w*|reduc\w*)\b", re.I)
_TIME = re.compile(r"\b(?:at|by|after)\s+(?P<t>(?:week|day|month|W|D|M)\s*\d+)\b", re.I)
_MEAN_SD = NUMBER + r"(?:\s*±\s*" + NUMBER + r")?"
# "73.35 ± 6.62 versus 71.86 ± 7.01", "45% vs. 20%", "12 compared with 8"
_GROUP = r"(?:\s*(?:\([^()]{0,30}\)\s*)?(?:in|with|for) the [\w -]{1,30}?\s+(?:group|arm))"
_VERSUS = re.compile(r"(?<![\w.])(?P<a>" + _MEAN_SD + r")\s*(?P<u>%)?\s*(?:\([^()]{0,30}\)\s*)?(?:"
                     r"(?:" + _GROUP + r"\s*,?\s*)?(?:versus|vs\.?|compared (?:with|to))|" + _GROUP + r"\s*,?\s*and)"
                     r"\s+(?P<b>" + _MEAN_SD + r")", re.I)
# an effect estimate with its confidence interval: "adjusted difference in means 1.58; 95% CI 0.89 to 2.27"
_ESTIMATE = re.compile(
    r"(?P<kind>(?:adjusted\s+)?(?:mean\s+)?difference(?:\s+in\s+means)?|(?:adjusted\s+)?(?:relative risk|risk ratio|"
    r"odds ratio|hazard ratio|rate ratio)|\ba?(?:RR|OR|HR|MD)\b)\s*(?:[:=,]\s*|of\s+)?(?P<v>[-−–]?" + NUMBER +
    r")[^;]{0,80}?[;,]?\s*\(?95\s*%\s*(?:CI|confidence interval)\s*[:=,]?\s*(?P<lo>[-−–]?" + NUMBER +
    r")\s*(?:to|–|-|,)\s*(?P<hi>[-−–]?" + NUMBER + r")", re.I)
_SUBJECT = re.compile(r"^\s*(?:[^,]{1,30},\s+)?(?:the\s+|a\s+|an\s+)?(?P<s>(?:[\w±+/-]+\s+){0,7}?[\w±+/-]+)\s+"
                      r"(?:was|were|is|are|improved|increased|decreased|differed|did not)\b")


def extract(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    for sent in ctx.sentences():
        part, in_abs = part_of(ctx.document, sent.start_char)
        if part in ("background", "objective", "methods") and not in_abs:
            continue
        if part in ("discussion", "conclusions") and re.search(r"\[\d", sent.text):
            continue  # a cited result is another study's
        p_all = list(_P.finditer(sent.text))
        taken: list[tuple[int, int]] = []

        for rx in (_CHANGE, _WAS_THEN):
            for m in rx.finditer(sent.text):
                taken.append((m.start("a"), m.end("b")))
                before = re.split(r"[.;]", sent.text[: m.start()])[-1][-80:]
                measure = _measure(before, m.group("u1") or m.group("u2"))
                out.append(_fact(ctx, sent, m.start("a"), m.end(), measure, m.group("b"), m.group("a"),
                                 m.group("u2") or m.group("u1"), _p_for(p_all, m.end()), "result.change"))
        for m in _FOLD.finditer(sent.text):
            measure = _measure_after(sent.text, m.end()) or f"fold {m.group('dir').lower()}"
            out.append(_fact(ctx, sent, m.start(), m.end(), measure, m.group("v"), None, "fold", _p_for(p_all, m.end()),
                             "result.fold"))
            taken.append((m.start(), m.end()))
        for m in _ESTIMATE.finditer(sent.text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            measure = f"{_measure_before(sent.text, m.start())} ({m.group('kind').lower()})"
            f = _fact(ctx, sent, m.start(), m.end(), measure, _minus(m.group("v")), None, None, _p_for(p_all, m.end()),
                      "result.estimate")
            f.fields["ci_low"], f.fields["ci_high"] = to_number(_minus(m.group("lo"))), to_number(_minus(m.group("hi")))
            out.append(f)
            taken.append((m.start(), m.end()))
        for m in _VERSUS.finditer(sent.text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            comparator = m.group("b").split("±")[0].strip()
            value = m.group("a").strip() + (m.group("u") or "")
            out.append(_fact(ctx, sent, m.start(), m.end(), _measure_before(sent.text, m.start()), value,
                             comparator, m.group("u"), _p_for(p_all, m.end()), "result.versus"))
            taken.append((m.start(), m.end()))
        if not _OUTCOME.search(sent.text):
            continue
        for m in _FRACTION.finditer(sent.text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            n, d = to_int(m.group("n")), to_int(m.group("d"))
            if n is None or d is None or not 0 <= n <= d or d < 2:
                continue
            measure = _outcome_phrase(sent.text, m.end())
            out.append(_fact(ctx, sent, m.start(), m.end(), measure, f"{n}/{d}", None, None, _p_for(p_all, m.end()),
                             "result.fraction"))
            taken.append((m.start(), m.end()))
        for m in _PERCENT.finditer(sent.text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            n, pct = to_int(m.group("n")), to_number(m.group("pct"))
            if not n or not pct:
                continue
            d = round(n * 100 / pct)
            measure = _outcome_phrase(sent.text, m.end())
            out.append(_fact(ctx, sent, m.start(), m.end(), measure, f"{n}/{d} ({m.group('pct')}%)", None, None,
                             _p_for(p_all, m.end()), "result.percent"))
    return out


def _p_for(p_all: list[re.Match], end: int) -> tuple[float, str] | None:
    """The p-value of a result: the first one after it, or the sentence's only one."""
    after = [m for m in p_all if m.start() >= end and m.start() - end < 160]
    if after:
        return _p_value(after[0])
    return _p_value(p_all[0]) if len(p_all) == 1 else None


def _minus(s: str) -> str:
    return s.replace("−", "-").replace("–", "-")


def _measure_before(text: str, pos: int) -> str:
    """What a value is about: the sentence's subject if short, else the words before its bracket."""
    m = _SUBJECT.match(text)
    if m and m.end("s") <= pos and m.group("s").lower() not in ("there", "it", "this", "these", "they"):
        return m.group("s").strip()
    prefix = text[:pos]
    if prefix.rfind("(") > prefix.rfind(")"):
        prefix = prefix[: prefix.rfind("(")]
    words = re.split(r"[,;:]", prefix)[-1].split()
    return " ".join(words[-6:]) or "value"


def _p_value(m: re.Match | None) -> tuple[float, str] | None:
    if not m:
        return None
    raw = re.sub(r"\s+", "", m.group("v")).replace("−", "-").replace("–", "-")
    sci = re.match(r"(\d(?:\.\d+)?)[x×]10-(\d+)", raw)
    value = float(sci.group(1)) * 10 ** -int(sci.group(2)) if sci else float(raw)
    rel = {"&lt;": "<", "&gt;": ">"}.get(m.group("rel"), m.group("rel"))
    return value, rel


def _measure(prefix: str, unit: str | None) -> str:
    """The measure a change is about: the noun phrase before the verb."""
    phrase = re.split(r"[,:(]|\b(?:overall|then|and|while|whereas)\b", prefix)[-1]
    phrase = re.sub(r"^\s*(?:the|a|an|in)\s+", "", phrase.strip(), flags=re.I)
    phrase = re.sub(r"\s+(?:at|from)\s+(?:baseline|inclusion)\b.*$", "", phrase, flags=re.I)
    return phrase.strip() + (f" ({unit})" if unit and unit not in phrase else "")


def _measure_after(text: str, pos: int) -> str | None:
    m = re.match(r"\s*(?:of|in)\s+([^,.;()]{3,80})", text[pos:])
    return m.group(1).strip() if m else None


def _outcome_phrase(text: str, pos: int) -> str:
    """What the responders reached: the rest of the clause after the fraction."""
    tail = re.sub(r"^\s*\([^()]*\)", "", text[pos:])
    rest = re.split(r"[,;(]|\s+(?:and|which|while)\s+", tail)[0]
    rest = re.sub(r"^\s*(?:patients|participants|subjects)?\s*(?:were|was|had|have|achieved|reached|attained|"
                  r"could)?\s*", "", rest, flags=re.I)
    return rest.strip(" .\n") or "responders"


def _fact(ctx: Context, sent, s: int, e: int, measure: str, value: str, comparator: str | None,
          unit: str | None, p: tuple[float, str] | None, rule: str) -> Fact:
    t = _TIME.search(sent.text)
    fields = {
        "measure": measure, "value": value.strip(), "numeric_value": to_number(value.split("±")[0].split("/")[0]),
        "comparator_value": to_number(comparator) if comparator else None, "unit": unit, "p_value": p[0] if p else None,
        "p_relation": p[1] if p else None, "timepoint": t.group("t") if t else None,
    }
    if "±" in value:
        fields["sd"] = to_number(value.split("±")[1])
    start = sent.start_char + s
    end = sent.start_char + e
    if p:  # the evidence runs to the p-value when it follows in the sentence
        pm = next((m for m in _P.finditer(sent.text) if m.start() >= e and m.start() - e < 160), None)
        if pm:
            end = sent.start_char + pm.end()
    return Fact("result", fields, [ctx.evidence(start, end)], EXTRACTOR, rule, 0.8, surface=measure)
