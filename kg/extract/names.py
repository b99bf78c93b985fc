"""One check, after every extractor, that the name a fact gives names a thing.

Extractors cut names out of sentences with patterns; on full texts the cut often lands on a
fragment ("the first", "in the placebo group", "two patients", "added to the protocol",
"effect sizes)"). Rather than patch each extractor, `review` looks at each fact's naming
field(s) (ontology/names.json "naming_fields") once: it trims what can be trimmed to the
thing named (leading connectors and enumerators, trailing function words, unbalanced
brackets, a finite verb the name ran into) and drops what names nothing, or for a result
keeps the finding without a measure. Word classes live in ontology/names.json.

Evidence stays exact: a span that was the old name is moved onto the trimmed name inside it;
any other span is left as it was.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from kg.extract import recache as re
from kg.extract.base import Context, Evidence, Fact
from kg.lexicon import ONTOLOGY_DIR, Concept, fold

_WORD = re.compile(r"[^\W_][\w'’/-]*")
_EDGE_PUNCT = " \t\n,;:.–—-·*"
_QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'"}


@dataclass(frozen=True)
class _Rules:
    fields: dict[str, list[str]]
    phrase_sources: frozenset[str]
    function: frozenset[str]
    numbers: frozenset[str]
    generic: frozenset[str]
    empty: dict[str, frozenset[str]]
    sections: frozenset[str]
    care_plans: frozenset[str]
    clause: frozenset[str]
    relative_openers: frozenset[str]
    aim: frozenset[str]
    participle_objects: frozenset[str]
    head_prepositions: frozenset[str]
    group_heads: frozenset[str]
    group_head_kinds: frozenset[str]
    population_heads: frozenset[str]
    population_followers: frozenset[str]
    arm_words: frozenset[str]
    dangling: re.Pattern
    dangling_kinds: frozenset[str]
    count_phrase: re.Pattern
    outcome_share: re.Pattern
    outcome_share_kinds: frozenset[str]
    glued: re.Pattern
    lead: re.Pattern
    tail: re.Pattern
    enumerator: re.Pattern
    number_tail: re.Pattern
    time_tail: re.Pattern
    time_tail_kinds: frozenset[str]
    tail_verbs: re.Pattern
    tail_verb_kinds: frozenset[str]
    max_words: dict[str, int]
    long_factor: float
    unnamed_factor: float
    unnamed_dropped: frozenset[str]
    comparison_name: re.Pattern
    unnamed_words: frozenset[str]


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def rules() -> _Rules:
    d = json.loads((ONTOLOGY_DIR / "names.json").read_text(encoding="utf-8"))
    heads = d["empty_heads"]
    return _Rules(
        fields=d["naming_fields"],
        phrase_sources=frozenset(d["phrase_sources"]),
        function=frozenset(d["function_words"]),
        numbers=frozenset(d["number_words"]),
        generic=frozenset(d["generic_modifiers"]),
        empty={k: frozenset(v) | frozenset(heads["any"]) for k, v in heads.items()},
        sections=frozenset(d["section_words"]),
        care_plans=frozenset(d["care_plan_heads"]),
        clause=frozenset(d["clause_words"]),
        relative_openers=frozenset(d["relative_openers"]),
        aim=frozenset(d["aim_verbs"]),
        participle_objects=frozenset(d["participle_objects"]),
        head_prepositions=frozenset(d["head_prepositions"]),
        group_heads=frozenset(d["group_heads"]),
        group_head_kinds=frozenset(d["group_head_kinds"]),
        population_heads=frozenset(d["population_heads"]),
        population_followers=frozenset(d["population_followers"]),
        arm_words=frozenset(d["arm_words"]),
        dangling=re.compile(d["dangling_suffix"], re.I),
        dangling_kinds=frozenset(d["dangling_kinds"]),
        count_phrase=re.compile(d["count_phrase"], re.I),
        outcome_share=re.compile(d["outcome_share"], re.I),
        outcome_share_kinds=frozenset(d["outcome_share_kinds"]),
        glued=re.compile(rf"(?<=[\w)])\s+(?:{_alternation(d['glued_determiners'])})\s+(?=\w)", re.I),
        lead=re.compile(rf"^(?:{_alternation(d['lead_phrases'])})(?:\s*,\s*|\s+)(?=\S)", re.I),
        tail=re.compile(rf"(?<=\S)(?:\s*,\s*|\s+)(?:{_alternation(d['tail_phrases'] + d['tail_words'])})$", re.I),
        enumerator=re.compile(d["enumerator"], re.I),
        number_tail=re.compile(d["number_tail"]),
        time_tail=re.compile(d["time_tail"], re.I),
        time_tail_kinds=frozenset(d["time_tail_kinds"]),
        tail_verbs=re.compile(rf"(?<=\S)\s+(?:{_alternation(d['tail_verbs'])})$", re.I),
        tail_verb_kinds=frozenset(d["tail_verb_kinds"]),
        max_words=d["max_words"],
        long_factor=float(d["long_name_factor"]),
        unnamed_factor=float(d["unnamed_result_factor"]),
        unnamed_dropped=frozenset(d["unnamed_finding_dropped"]),
        comparison_name=re.compile(d["comparison_name"], re.I),
        unnamed_words=frozenset(d["unnamed_finding_words"]),
    )


# -- trimming ---------------------------------------------------------------------------------
def trim(name: str, kind: str) -> str:
    """The name without what cannot be part of it: 'in the placebo group' → 'placebo group',
    'effect sizes)' → 'effect sizes', 'iii) quality of life' → 'quality of life',
    'results were not significant' → 'results'. Returns a substring of `name` ('' if nothing is left)."""
    r = rules()
    prev = None
    s = name.strip()
    while s != prev:
        prev = s
        s = s.strip(_EDGE_PUNCT)
        s = _quotes(s)
        close = _unmatched_close(s)
        if close == len(s) - 1:
            s = s[:-1]
        elif close > 0:  # the end of a bracket the name began inside: 'duration) to assess X'
            rest = s[close + 1:].lstrip()
            s = s[:close] + s[close + 1:] if rest.startswith("(") else rest  # 'MDA) (mg/l)': only the bracket
        if s.count("(") > s.count(")"):
            s = s[:s.rfind("(")]
        s = r.enumerator.sub("", s, count=1)
        m = r.lead.match(s)
        if m:
            s = s[m.end():]
        if kind in r.time_tail_kinds:  # before a glued phrase is looked for: 'rash the first week'
            s = r.time_tail.sub("", s)
        s = _after_glued(_cut_at_clause(s))
        s = r.tail.sub("", s)
        s = r.number_tail.sub("", s)
        if kind in r.tail_verb_kinds:
            s = r.tail_verbs.sub("", s)
        s = s.strip()
    return s


def _unmatched_close(s: str) -> int:
    """Where the last closing bracket without an opening one is in `s`, or -1."""
    depth, at = 0, -1
    for i, ch in enumerate(s):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                at = i
            depth = max(depth - 1, 0)
    return at


def _quotes(s: str) -> str:
    if s and s[0] in _QUOTES:
        close = _QUOTES[s[0]]
        if s.endswith(close) and len(s) > 1:
            return s[1:-1]
        if close not in s[1:]:
            return s[1:]
    if s and s[-1] in _QUOTES.values() and not any(o in s[:-1] for o, c in _QUOTES.items() if c == s[-1]):
        return s[:-1]
    return s


def _after_glued(s: str) -> str:
    """What follows a determiner glued after a content word ('trial the change' → 'change')."""
    r = rules()
    last = None
    for m in r.glued.finditer(s):
        before = _WORD.findall(s[:m.start()])
        word = before[-1].lower() if before else ""
        if word and word not in r.function and word not in r.aim and word not in r.clause and not word.isdigit() \
                and not (word.islower() and len(word) > 4 and word.endswith(("ing", "ed"))):
            last = m  # not the object of a verb: 'lowering the cost' stays whole
    return s[last.end():] if last else s


def _cut_at_clause(s: str) -> str:
    """Cut before a finite verb the name ran into ('results were not significant' → 'results')."""
    clause = rules().clause
    prev = ""
    for m in _WORD.finditer(s):
        word = m.group(0).lower()
        if m.start() > 0 and word in clause and prev != "to":  # "time to have ..." is no clause
            return s[:m.start()]
        prev = word
    return s


# -- classification ---------------------------------------------------------------------------
def flaw(name: str, kind: str, arm_names: frozenset[str] = frozenset()) -> str | None:
    """Why `name` (already trimmed) names nothing a fact of `kind` can be about, or None.
    `arm_names`: the paper's interventions, their names and the words of those names."""
    r = rules()
    words = [w.lower() for w in _WORD.findall(name)]
    if not words or not re.search(r"[^\W\d_]{2}", name):
        return "no words"
    first, raw_first = words[0], _WORD.findall(name)[0]
    if first in r.clause or first in r.aim:
        return "a clause or an aim"
    if first in r.relative_openers and len(words) > 1:
        return "a clause"  # 'who received B', 'which improved': a relative clause, no name
    if raw_first.islower() and "-" not in raw_first and len(words) > 1:
        nxt = words[1]
        if first.endswith("ed") and len(first) > 4 and (nxt in r.participle_objects or nxt in r.function
                                                        and nxt not in ("of", "and", "or")):
            return "a verb phrase"
        if first.endswith("ing") and len(first) > 5 and nxt in r.function and nxt not in r.participle_objects \
                and nxt not in ("of", "and", "or"):
            return "a verb phrase"
    if any(w in r.clause and words[i - 1] != "to" for i, w in enumerate(words) if i):
        return "a clause"
    if len(words) == 1 and raw_first.islower() and re.fullmatch(r"[a-z]{2,}[^e]ed", first):
        return "a verb"
    if r.count_phrase.match(name):
        return "a count of the units studied"
    if kind in r.dangling_kinds and r.dangling.search(name):
        return "a modifier without its noun"
    if kind in r.outcome_share_kinds and r.outcome_share.match(name):
        return None  # 'proportion of responders': the share of those who reached an outcome
    empty = r.empty.get(kind, r.empty["any"])
    if any(w in r.sections for w in words) and not _care_plan(words, kind, r, empty):
        return "a part of the document"
    if all(w in r.function or w in r.numbers or w in r.generic or w in empty or w.isdigit() for w in words):
        return "no word of its own"
    if kind in r.group_head_kinds:
        if first in r.population_heads and (len(words) == 1 or words[1] in r.population_followers) \
                or _head(words) in r.population_heads:
            return "a population"
        if _head([w.lower() for w in _WORD.findall(re.sub(r"\([^()]*\)", " ", name))] or words) in r.group_heads:
            return "a group of the trial"
        if fold(name) in arm_names or any(w in r.arm_words for w in words) and all(
                w in arm_names or w in r.arm_words or w in r.function for w in words):
            return "an intervention"
    return None


def _care_plan(words: list[str], kind: str, r: _Rules, empty: frozenset[str]) -> bool:
    """'a noise reduction protocol' given to an arm: a plan of care named by words of its own."""
    own = words[:-1]
    return kind == "intervention" and words[-1] in r.care_plans \
        and not any(w in r.sections or w in r.function or w in r.numbers for w in own) \
        and any(w not in r.generic and w not in empty for w in own)


def _head(words: list[str]) -> str:
    """The last word before the first preposition: 'rate of relapse' → 'rate'."""
    r = rules()
    cut = next((i for i, w in enumerate(words) if i and (w in r.participle_objects or w in r.head_prepositions)),
               len(words))
    return words[cut - 1]


# -- applying it to facts ---------------------------------------------------------------------
def review(ctx: Context) -> list[Fact]:
    """The facts with their names trimmed, those that name nothing dropped (a result is kept
    without a measure), and interventions the trimming made identical merged."""
    r = rules()
    # the paper's drugs (a dictionary's, or dosed): a phrase an extractor took for an arm may
    # itself be a measure ('the MVPA group'), so arm phrases do not count
    arm_names = {n for f in ctx.facts if f.kind == "intervention" and _drug_given(f, r)
                 for n in (_label(f.fields.get("drug")), fold(f.surface or "")) if n}
    arm_names = frozenset(arm_names | {w.lower() for n in arm_names for w in _WORD.findall(n)})
    out: list[Fact] = []
    renamed: set[int] = set()
    for f in ctx.facts:
        before = dict(f.fields)
        kept = _review_fact(ctx, f, r, arm_names)
        if kept is not None:
            out.append(kept)
            if kept.fields != before:
                renamed.add(id(kept))
    return _merge(out, renamed)


def _drug_given(f: Fact, r: _Rules) -> bool:
    drug = f.fields.get("drug")
    return f.fields.get("dose_value") is not None or isinstance(drug, Concept) and drug.source not in r.phrase_sources


def _label(v) -> str:
    return v.label if isinstance(v, Concept) else fold(v) if isinstance(v, str) else ""


def _review_fact(ctx: Context, f: Fact, r: _Rules, arm_names: frozenset[str]) -> Fact | None:
    for field in r.fields.get(f.kind, ()):
        value = f.fields.get(field)
        if isinstance(value, Concept):
            if value.source not in r.phrase_sources:
                continue  # a dictionary concept names a thing
            old = f.surface if f.surface and fold(f.surface) == value.label else value.label
        elif isinstance(value, str):
            old = value
        else:
            continue
        new = trim(old, f.kind)
        problem = flaw(new, f.kind, arm_names) if new else "no words"
        if problem:  # another wording of the same fact may name it: 'second (FEV1)' → 'FEV1'
            new = next((c for c in _other_wordings(f, old) if not flaw(c, f.kind, arm_names)), new)
            problem = None if new != trim(old, f.kind) else problem
        if problem:
            if f.kind == "result":  # the sentence reports a finding even where the measure is unnamed
                if _has_numbers(f):  # its numbers say what it is
                    f.fields[field] = None
                    if f.surface == old:
                        f.surface = None
                elif problem in r.unnamed_dropped and not r.comparison_name.search(new) \
                        or fold(new) in r.unnamed_words:
                    return None  # no number, no test and nothing it is about: no finding a reader can place
                # a finding in words ("no difference") keeps the words it was read with: without
                # them nothing would tell which finding it is
                f.confidence = round(f.confidence * r.unnamed_factor, 3)
                continue
            return None
        if new != old:
            _rename(ctx, f, field, value, old, new)
        if len(_WORD.findall(new)) > r.max_words.get(f.kind, 99):
            f.confidence = round(f.confidence * r.long_factor, 3)
    return f


def _has_numbers(f: Fact) -> bool:
    return f.fields.get("p_value") is not None or any(
        re.search(r"\d", str(f.fields.get(k) or "")) for k in ("value", "comparator_value"))


def _other_wordings(f: Fact, old: str) -> list[str]:
    """The fact's other surfaces, trimmed; of a wording whose words outside brackets name
    nothing ('last (PEF)'), what the brackets hold."""
    out = []
    for x in [old, f.surface or "", *f.fields.get("_surfaces", [])]:
        if not isinstance(x, str) or not x:
            continue
        outside = trim(re.sub(r"\([^()]*\)", " ", x), f.kind)
        if not outside or flaw(outside, f.kind):
            if f.kind != "result":  # a result's brackets name its statistic ('(hazard ratio)'), not its measure
                out += [m.group(1).strip() for m in re.finditer(r"\(([^()]{2,40})\)", x)]
        elif x != old:
            out.append(trim(x, f.kind))
    return [x for x in dict.fromkeys(out) if x]


def _rename(ctx: Context, f: Fact, field: str, value, old: str, new: str) -> None:
    """Give the fact the trimmed name, and move a span that was the old name onto the new one."""
    if isinstance(value, Concept):
        c = ctx.lexicon.by_label(new, value.kind) or ctx.lexicon.discover(value.kind, new, value.source)
        if c.source != "lexicon" and c.label != fold(new):  # one slug for 'long-acting-' and 'long-acting'
            c = ctx.lexicon.concepts[c.iri] = Concept(c.iri, c.kind, fold(new), c.curie, c.source)
        f.fields[field] = c
    else:
        f.fields[field] = new
    if f.surface == old:
        f.surface = new
    if "_surfaces" in f.fields:
        surfaces = f.fields["_surfaces"]
        f.fields["_surfaces"] = [s for s in surfaces if s != old] + ([new] if old in surfaces else [])
    text = ctx.document.text
    offset = old.find(new)
    moved = []
    for ev in f.evidence:
        if text[ev.start:ev.end] == old and offset >= 0:
            ev = Evidence(ev.start + offset, ev.start + offset + len(new), ev.section)
        moved.append(ev)
    f.evidence = moved


def _merge(facts: list[Fact], renamed: set[int]) -> list[Fact]:
    """An intervention renamed here that now has the same fields as another becomes one
    with it, with the evidence of both."""
    seen: dict[tuple, Fact] = {}
    out = []
    for f in facts:
        if f.kind != "intervention":  # other kinds may be listed twice on purpose (one per arm)
            out.append(f)
            continue
        key = (f.kind, tuple(sorted((k, _plain(v)) for k, v in f.fields.items() if not k.startswith("_"))))
        if key in seen and (id(f) in renamed or id(seen[key]) in renamed):
            g = seen[key]
            g.evidence.extend(e for e in f.evidence if e not in g.evidence)
            g.confidence = max(g.confidence, f.confidence)
            continue
        seen.setdefault(key, f)
        out.append(f)
    return out


def _plain(v) -> str:
    return v.iri if isinstance(v, Concept) else repr(v)
