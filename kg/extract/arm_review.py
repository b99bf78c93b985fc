"""Second look at a paper's interventions: which found ones are no arm of their own.

Read after every intervention of a paper is found, because each rule compares one intervention
with the others of the same paper (cue words in `ontology/interventions.json`, `arm_review`):
- a **comparator fluid** ('normal saline', 'phosphate-buffered saline') given against a study drug
  is the placebo of that trial, not an arm; where every arm is a fluid (irrigation or resuscitation
  fluids compared) or the fluid is hypertonic, it stays;
- a **negated arm** ('no-website', 'non-exercise') names the absence of another arm: the control;
- a **part of another arm's name** ('electrostimulation' beside 'neuromuscular electrostimulation',
  'home exercise' beside 'combined home exercise') is that arm named again, when neither has a dose
  and the longer name is no combination of arms ('diet plus exercise' keeps 'exercise');
- an undefined **short form** made of another arm's initials ('QET' beside 'quiet eye training') is that
  arm again;
- a **per-day repeat** ('10 mg' beside '10 mg/day' of the same drug) is one dose written twice, and so is
  a dosed name in the **plural** beside the same dose in the singular;
- an undosed arm named with **words inserted** in another's name ('switching bipolar ablation' beside
  'switching bipolar radiofrequency ablation'), in the plural, or as a **noun of giving** another arm
  ('systemic heparinisation' beside 'heparin') is that arm again (interventions.json arm_review).
Evidence of a dropped repeat moves onto the arm it repeats, so nothing the paper said is lost.

`without_measures` reads once every kind is extracted: an arm phrase no dictionary names and no dose
binds that is the paper's condition, a part of its name, or the name of one of its endpoints
('Fatigue and activity in ...: a trial of X' → no arm 'fatigue') is what the trial measures or treats,
not what it gives.
"""

from __future__ import annotations

import functools

from kg.extract import recache as re
from kg.extract.base import Fact
from kg.lexicon import ONTOLOGY_DIR, Concept, fold

RULES_FILE = ONTOLOGY_DIR / "interventions.json"


@functools.lru_cache(maxsize=1)
def _rules() -> dict:
    import json

    r = json.loads(RULES_FILE.read_text(encoding="utf-8"))["arm_review"]
    return {
        "fluid": re.compile(rf"^(?:{r['comparator_fluids']})$", re.I),
        "any_fluid": re.compile(rf"\b(?:{r['fluids']})\b", re.I),
        "active_fluid": re.compile(rf"\b(?:{r['active_fluid_cues']})\b", re.I),
        "negated": re.compile(rf"^(?:{r['negated_arm_prefixes']})[- ]+(?P<rest>\w.*)$", re.I),
        "links": re.compile(rf"(?:^|[\s-])(?:{r['combination_words']})(?:$|[\s-])|\+|/", re.I),
        "isotonic_max": float(r["isotonic_strength_max"]),
        "initials_skip": set(r["initials_skip"]),
        "nominal": re.compile(rf"(?:{r['nominal_suffixes']})$", re.I),
        "inserted_max": int(r["inserted_words_max"]),
    }


def review(facts: list[Fact]) -> list[Fact]:
    """The facts less comparator fluids, negated arms and repeated names or doses."""
    facts = _without_comparator_fluids(facts)
    facts = _without_negated_arms(facts)
    facts = _without_name_parts(facts)
    facts = _without_initials(facts)
    facts = _without_plural_repeats(facts)
    return _without_day_repeats(facts)


def _name(f: Fact) -> str:
    return f.fields["drug"].label.lower()


def _words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower())


def _is_fluid(f: Fact) -> bool:
    r = _rules()
    names = [_name(f), (f.surface or "").lower()]
    if not any(r["fluid"].match(n.strip()) for n in names if n):
        return False
    if any(r["active_fluid"].search(n) for n in names if n):
        return False  # 'hypertonic saline' is a treatment of its own
    unit = f.fields.get("dose_unit_label")
    value = f.fields.get("dose_value")
    return not (unit == "%" and value is not None and value > r["isotonic_max"])  # '3% saline' is hypertonic


def _without_comparator_fluids(facts: list[Fact]) -> list[Fact]:
    """'ondansetron 4 mg or normal saline': saline is the comparator; 'glycine, glucose or saline
    for irrigation': every arm is a fluid, so each is an arm."""
    r = _rules()
    fluids = [f for f in facts if _is_fluid(f)]
    if not fluids:
        return facts
    others = [f for f in facts if f not in fluids and f.fields["role"] == "study"]
    if not others or all(r["any_fluid"].search(_name(f)) for f in others):
        return facts
    return [f for f in facts if f not in fluids]


def _without_negated_arms(facts: list[Fact]) -> list[Fact]:
    """'no-website' where another arm is a website: the arm without it, the control."""
    r = _rules()
    out = []
    for f in facts:
        m = r["negated"].match(_name(f))
        if m and f.fields.get("dose_value") is None:
            rest = set(_words(m.group("rest")))
            if any(o is not f and not r["negated"].match(_name(o)) and rest <= set(_words(_name(o)))
                   for o in facts):
                continue
        out.append(f)
    return out


def _merge(host: Fact, alias: Fact) -> None:
    """`alias` is `host` named again: its evidence, its names (synonyms of the host) and the
    sentences that name it (for the host's schedule) go to the host."""
    host.evidence.extend(e for e in alias.evidence if e not in host.evidence)
    host.fields.setdefault("_aliases", []).append(alias.fields["drug"].iri)
    host.fields.setdefault("_surfaces", []).extend(x for x in (alias.surface, alias.fields["drug"].label) if x)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n < len(longer) and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _spread_within(longer: list[str], shorter: list[str]) -> bool:
    """'switching bipolar ablation' in 'switching bipolar radiofrequency ablation': the shorter name's words
    in order, the same first and last word, a few words inserted between (arm_review inserted_words_max)."""
    if len(shorter) < 2 or not 0 < len(longer) - len(shorter) <= _rules()["inserted_max"]:
        return False
    if longer[0] != shorter[0] or longer[-1] != shorter[-1]:
        return False
    it = iter(longer)
    return all(w in it for w in shorter)


def _singular(words: list[str]) -> list[str]:
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


def _nominalised(words: list[str], other: list[str]) -> bool:
    """'systemic heparinisation' of the arm 'heparin': a noun of giving the other arm's one-word name."""
    if len(other) != 1 or not words or len(words) > 3:
        return False
    last = words[-1]
    return last.startswith(other[0]) and bool(_rules()["nominal"].fullmatch(last[len(other[0]):]))


def _named_again(f: Fact, o: Fact) -> bool:
    """Whether undosed `f` is `o` named again: part of its name, its name with words inserted, in the
    plural, or a noun of giving it."""
    words, host = _words(_name(f)), _words(_name(o))
    return _contains(host, words) or _spread_within(host, words) \
        or _plural_of(words, host) or _nominalised(words, host)


def _plural_of(words: list[str], host: list[str]) -> bool:
    """'symbiotic supplementations' of 'symbiotic supplementation' (never the other way round)."""
    return words != host and _singular(words) == host


def _without_plural_repeats(facts: list[Fact]) -> list[Fact]:
    """'500 mg/d of X supplements' and '500 mg/d X supplement': one dosed arm, its name written in the plural."""
    out = []
    for f in facts:
        value = f.fields.get("dose_value")
        twin = next((o for o in facts if o is not f and value is not None
                     and o.fields.get("dose_value") == value
                     and o.fields.get("dose_unit_label") == f.fields.get("dose_unit_label")
                     and _plural_of(_words(_name(f)), _words(_name(o)))), None)
        if twin is not None:
            _merge(twin, f)
            continue
        out.append(f)
    return out


def _without_name_parts(facts: list[Fact]) -> list[Fact]:
    """An undosed arm named by part of another undosed arm's name is that arm again."""
    r = _rules()
    undosed = [f for f in facts if f.fields.get("dose_value") is None and f.fields.get("dose_max") is None]
    out = []
    for f in facts:
        if f in undosed and f.fields["drug"].source == "arm":
            hosts = [o for o in undosed if o is not f and not r["links"].search(_name(o)) and _named_again(f, o)]
            if hosts:
                if len(hosts) == 1:
                    _merge(hosts[0], f)
                continue
        out.append(f)
    return out


def _initials(name: str) -> str:
    """'quiet eye training' → 'qet'; 'cognitive behavioural therapy' → 'cbt' (function words skipped)."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name.lower())
                   if w and w not in _rules()["initials_skip"])


def _without_initials(facts: list[Fact]) -> list[Fact]:
    """'The QET group' where no definition ties QET to 'quiet eye training', an arm of the paper."""
    out = []
    for f in facts:
        surface = (f.surface or "").strip()
        if f.fields["drug"].source == "arm" and f.fields.get("dose_value") is None \
                and re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", surface):
            hosts = [o for o in facts if o is not f and len(_words(_name(o))) > 1
                     and _initials(_name(o)) == surface.lower()]
            if len(hosts) == 1:
                _merge(hosts[0], f)
                continue
        out.append(f)
    return out


def _without_day_repeats(facts: list[Fact]) -> list[Fact]:
    """'10 mg of X' and 'X 10 mg/day' in one paper: the dose per day, once."""
    out = []
    for f in facts:
        unit, value = f.fields.get("dose_unit_label"), f.fields.get("dose_value")
        twin = next((o for o in facts if o is not f and value is not None and unit
                     and o.fields["drug"].iri == f.fields["drug"].iri and o.fields.get("dose_value") == value
                     and o.fields.get("dose_unit_label") == f"{unit}/day"), None)
        if twin is not None:
            twin.evidence.extend(e for e in f.evidence if e not in twin.evidence)
            continue
        out.append(f)
    return out


def without_measures(facts: list[Fact]) -> list[Fact]:
    """The facts less the undosed arm phrases that name the trial's condition or an endpoint."""
    measured = {_folded_words(f.fields.get("name")) for f in facts if f.kind == "endpoint"}
    conditions = [_folded_words(f.fields.get("value")) for f in facts
                  if f.kind == "trial" and f.fields.get("attribute") == "condition"]
    measured |= set(conditions)
    measured.discard(())
    if not measured:
        return facts
    return [f for f in facts if not (_free_arm(f) and _measure_name(_folded_words(f.fields["drug"]), measured,
                                                                    conditions))]


def _free_arm(f: Fact) -> bool:
    """An intervention read from an arm phrase alone: no dictionary's concept, no dose."""
    return f.kind == "intervention" and f.rule == "arm.phrase" and f.fields["drug"].source == "arm" \
        and f.fields.get("dose_value") is None and f.fields.get("dose_max") is None


def _folded_words(value) -> tuple[str, ...]:
    label = value.label if isinstance(value, Concept) else value if isinstance(value, str) else ""
    return tuple(_words(fold(label)))


def _measure_name(words: tuple[str, ...], measured: set[tuple[str, ...]], conditions: list[tuple[str, ...]]) -> bool:
    """'fatigue' beside the endpoint 'fatigue'; 'breast cancer' inside the condition 'metastatic breast cancer'."""
    return bool(words) and (words in measured or any(_contains(list(c), list(words)) for c in conditions))
