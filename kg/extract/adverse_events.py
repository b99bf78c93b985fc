"""Adverse events: term, grade, count, seriousness, relatedness, discontinuation, negation.

Two sources, merged per (term, negated) so that each event is one fact with all of its
evidence:
- sentences of the results (and the abstract's results): AE-term concepts from the
  lexicon, with count ("five patients had diarrhoea"), grade ("grade 3 neutropenia",
  "(grade 2)"), seriousness, relatedness and negation (NegEx cues, "without infection");
  generic terms ("adverse events", "SAEs") become facts only when negated;
- AE tables (caption about safety/adverse events/toxicity): rows are terms with a count
  cell; rows without a count, or with a summary word, are section rows whose meaning
  (serious, related, leading to discontinuation) applies to the rows below them;
  footnote markers (* † ‡ ...) are resolved to their notes.
"""

from __future__ import annotations

import re

from kg.extract.base import Context, Fact, part_of
from kg.extract.numbers import COUNT, to_int
from kg.lexicon import Concept
from kg.model import Cell, Table

EXTRACTOR = "adverse_events"
_AE_TABLE = re.compile(r"adverse|safety|toxicit|side[- ]effect|tolerab|\bAEs?\b", re.I)
_GRADE = re.compile(r"\bgrade\s*(?:[≥>]\s*)?(?P<g>[1-5]|I{1,3}V?|IV|V)\b"
                    r"(?:\s*(?:or|-|–|/)\s*(?:grade\s*)?(?P<g2>[1-5]))?", re.I)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
_SERIOUS = re.compile(r"\b(?:serious|SAEs?|life[- ]threatening|hospitali[sz]|death|died|fatal)\b", re.I)
_NON_SERIOUS = re.compile(r"\b(?:non[- ]?serious|mild|moderate|minor)\b", re.I)
_RELATED = re.compile(r"\b(?i:treatment|drug|study[- ]drug|therapy)[- ]related\b|\b[A-Z]{2,}[A-Za-z0-9]*-related\b|"
                      r"\b(?i:related|attributable|attributed)\s+to\s+(?:the\s+)?(?:\w+\s+)?"
                      r"(?:(?i:treatment|drug|therapy)|[A-Z]{2,}\w*)\b")
_UNRELATED = re.compile(r"\bnot\s+(?:\w+\s+){0,4}(?:related|attributable|responsible)\b|\bunrelated\b", re.I)
_DISCONTINUATION = re.compile(r"\b(?:discontinu|withdraw|stopp|leading to .*(?:cessation|interruption))\w*", re.I)
_CAUSE_CONTEXT = re.compile(r"\b(?:concomitant with|associated with|secondary to|because of|due to|caused by|"
                            r"risk of|history of|avoid)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,5}$", re.I)
# an umbrella term is negated only as the head of the negation: "no serious adverse events"
_NEGATED_HEAD = re.compile(r"\b(?:no|without|nor|none of the|neither)\s+(?:[\w-]+\s+){0,2}$", re.I)
# a condition the patient already had is not an event of the trial
_BASELINE = re.compile(r"\b(?:chronic|pre-?existing|underlying|known|prior|previous)\s+(?:[\w-]+\s+){0,2}$", re.I)
_COUNT_BEFORE = re.compile(rf"\b(?P<n>{COUNT}|an?|one)\s+(?:\([^()]*\)\s+)?(?:\w+\s+){{0,2}}?"
                           rf"(?:patients?|participants?|subjects?|cases?|episodes?)\b", re.I)
_COUNT_PAREN = re.compile(r"^\s*\(\s*(?:n\s*=\s*)?(?P<n>\d+)\s*(?:patients?|/|\)|,|;|%)", re.I)
_FOOTNOTE_MARKS = "*†‡§¶‖#"
_SUMMARY_ROW = re.compile(r"\b(?:total|any|all|number of|overall)\b|\bAEs?\b|\badverse events?\b|\bSAEs?\b|"
                          r"\bevents\b", re.I)


def extract(ctx: Context) -> list[Fact]:
    merged: dict[tuple[str, bool], Fact] = {}
    for fact in _from_tables(ctx) + _from_sentences(ctx):
        key = (fact.fields["term"].iri, bool(fact.fields["negated"]))
        if key in merged:
            _merge(merged[key], fact)
        else:
            merged[key] = fact
    return list(merged.values())


def _merge(into: Fact, other: Fact) -> None:
    """One event, several statements: keep every evidence, fill what the first lacked."""
    a, b = into.fields, other.fields
    into.evidence.extend(e for e in other.evidence if e not in into.evidence)
    a.setdefault("_surfaces", [])
    a["_surfaces"] = list(dict.fromkeys([*a["_surfaces"], other.surface or "", *b.get("_surfaces", [])]))
    if a.get("count") is None or (into.rule.startswith("ae.sentence") and other.rule.startswith("ae.table")):
        a["count"] = b.get("count") if b.get("count") is not None else a.get("count")
    for k in ("grade",):
        if b.get(k) is not None and (a.get(k) is None or b[k] > a[k]):
            a[k] = b[k]
    for k in ("serious", "related_to_drug", "led_to_discontinuation"):
        if b.get(k) is True or a.get(k) is None:
            a[k] = b.get(k) if b.get(k) is not None else a.get(k)


# -- sentences ----------------------------------------------------------------------------
def _from_sentences(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    for sent in ctx.sentences():
        part, _in_abs = part_of(ctx.document, sent.start_char)
        if part not in ("results", "other"):  # "other": no label says (an unlabelled abstract)
            continue
        for ent in ctx.concepts_in(sent, {"AdverseEventTerm"}):
            c = ctx.concept(ent)
            negated = bool(ent._.negex)
            before = ctx.document.text[sent.start_char: ent.start_char]
            if _CAUSE_CONTEXT.search(before) or _BASELINE.search(before):
                continue
            if c.iri in ctx.lexicon.generic and not (negated and _NEGATED_HEAD.search(before)):
                continue  # "Four SAEs occurred"; "no patient stopped because of AEs" is not "no AEs"
            clause = _clause(sent, ent)
            if negated:  # an absent event has no count, grade or consequence; it may be "related"
                fields = {"term": c, "negated": True, "count": None, "grade": None,
                          "serious": True if _is_serious_term(c) else None,
                          "related_to_drug": _relatedness(clause), "led_to_discontinuation": None}
                out.append(Fact("adverse_event", fields, [ctx.evidence(ent.start_char, ent.end_char)], EXTRACTOR,
                                "ae.sentence.negated", 0.8, surface=ent.text))
                continue
            fields = {
                "term": c, "negated": negated,
                "count": _count(ctx.document.text, sent, ent),
                "grade": _grade_near(ctx.document.text, sent, ent),
                "serious": True if _SERIOUS.search(clause) or _is_serious_term(c) else
                (False if _NON_SERIOUS.search(clause) else None),
                "related_to_drug": _relatedness(clause),
                "led_to_discontinuation": True if _DISCONTINUATION.search(clause) else None,
            }
            out.append(Fact("adverse_event", fields, [ctx.evidence(ent.start_char, ent.end_char)], EXTRACTOR,
                            "ae.sentence", 0.8, surface=ent.text))
    return out


def _is_serious_term(c: Concept) -> bool:
    return "serious" in c.label.lower() or "death" in c.label.lower()


def _clause(sent, ent) -> str:
    """The part of the sentence around a mention, bounded by ';' and sentence ends."""
    text = sent.text
    s, e = ent.start_char - sent.start_char, ent.end_char - sent.start_char
    left = max(text.rfind(";", 0, s), -1) + 1
    right = text.find(";", e)
    return text[left: right if right != -1 else len(text)]


def _count(text: str, sent, ent) -> int | None:
    """'five patients had diarrhoea', 'diarrhoea (n = 5)', 'in two patients'."""
    after = text[ent.end_char: min(sent.end_char, ent.end_char + 40)]
    m = _COUNT_PAREN.match(after)
    if m:
        return to_int(m.group("n"))
    before = text[sent.start_char: ent.start_char]
    segment = re.split(r"[,;](?!\d)", before)[-1]
    matches = list(_COUNT_BEFORE.finditer(segment))
    if matches:
        n = matches[-1].group("n").lower()
        return 1 if n in ("a", "an", "one") else to_int(n)
    m = re.search(rf"\bin\s+(?P<n>{COUNT})\s+(?:(?:of|/|out of)\s+{COUNT}\s+)?(?:patients|participants|subjects)\b",
                  after, re.I)
    return to_int(m.group("n")) if m else None


def _grade_near(text: str, sent, ent) -> int | None:
    """A grade stated just before or just after the term ("grade 3 neutropenia", "(grade 2)")."""
    before = text[max(sent.start_char, ent.start_char - 40): ent.start_char]
    after = text[ent.end_char: min(sent.end_char, ent.end_char + 20)]
    m = list(_GRADE.finditer(before))
    if m and not re.search(r"[,;]", before[m[-1].end():]) and len(before) - m[-1].end() <= 30:
        return _grade_value(m[-1])
    m2 = re.match(r"\s*\(?\s*" + _GRADE.pattern, after, re.I)
    return _grade_value(m2) if m2 else None


def _grade_value(m: re.Match) -> int | None:
    g = m.group("g").upper()
    return _ROMAN.get(g) or to_int(g)


def _relatedness(clause: str) -> bool | None:
    if _UNRELATED.search(clause):
        return False
    if _RELATED.search(clause):
        return True
    return None


# -- tables -------------------------------------------------------------------------------
def _from_tables(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    for table in ctx.document.tables:
        if not _AE_TABLE.search(table.caption) or not ctx.document.is_minable(table.start, table.end):
            continue
        out.extend(_read_ae_table(ctx, table))
    return out


def _read_ae_table(ctx: Context, table: Table) -> list[Fact]:
    """Rows of (term, count); section rows set serious/related/discontinuation for rows below."""
    notes = _footnotes(table)
    state: dict[str, bool | None] = {"serious": None, "related_to_drug": None, "led_to_discontinuation": None}
    column, column_grade = _count_column(ctx, table)
    out: list[Fact] = []
    for n, row in enumerate(table.rows):
        if not row or not row[0].text:
            continue
        first = row[0]
        count_cell = _count_cell(row, column)
        count = _cell_count(count_cell) if count_cell else None
        if n == 0 and count is None:
            continue  # the header row
        term_text, marks = _strip_marks(first.text)
        concept = _ae_concept(ctx, first, term_text)
        if _SUMMARY_ROW.search(term_text) or concept is None and count is None:
            _set_section(state, term_text)
            continue
        if concept is None:
            concept = _new_term(ctx, term_text)
        note_text = " ".join(notes.get(m, "") for m in marks)
        fields = {
            "term": concept, "negated": False, "count": count,
            "grade": _table_grade(term_text) or column_grade,
            "serious": state["serious"], "related_to_drug": state["related_to_drug"],
            "led_to_discontinuation": state["led_to_discontinuation"],
        }
        if note_text and _UNRELATED.search(note_text):
            fields["related_to_drug"] = False
        ev = [ctx.evidence(first.start, first.end)]
        if count_cell is not None and count is not None:
            ev.append(ctx.evidence(count_cell.start, count_cell.end))
        out.append(Fact("adverse_event", fields, ev, EXTRACTOR, "ae.table.row", 0.9, surface=term_text))
    return out


_TOTAL_COLUMN = re.compile(r"\b(?:total|all|overall|any grade)\b", re.I)
_CONTROL_COLUMN = re.compile(r"\b(?:placebo|control|standard of care|SoC|vehicle|sham)\b", re.I)


def _count_column(ctx: Context, table: Table) -> tuple[int | None, int | None]:
    """Which column holds the counts for the drug under study, and the grade it stands for.

    One count column: that one. Several (arms, grades): a column naming the study drug,
    else a total column, else the first column that is not a control arm."""
    from kg.extract.interventions import study_drugs

    header = table.rows[0] if table.rows else []
    numeric = {i for row in table.rows[1:] for i, c in enumerate(row) if i > 0 and _cell_count(c) is not None}
    if len(numeric) <= 1 or not header:
        return None, None
    studied = set(study_drugs(ctx))
    names = {i: header[i].text if i < len(header) else "" for i in sorted(numeric)}

    def names_study_drug(i: int) -> bool:
        cell = header[i] if i < len(header) else None
        return cell is not None and any(sp.kb_id_ in studied for sp in ctx.concept_spans(cell.start, cell.end))

    choice = next((i for i in names if names_study_drug(i)), None)
    if choice is None:
        choice = next((i for i, t in names.items() if _TOTAL_COLUMN.search(t)), None)
    if choice is None:
        choice = next((i for i, t in names.items() if not _CONTROL_COLUMN.search(t)), min(names))
    g = _GRADE.search(names[choice])
    return choice, (_grade_value(g) if g and not _TOTAL_COLUMN.search(names[choice]) else None)


def _count_cell(row: list[Cell], column: int | None) -> Cell | None:
    if column is not None:
        return row[column] if column < len(row) else None
    return next((c for c in row[1:] if _cell_count(c) is not None), None)


def _cell_count(c: Cell) -> int | None:
    """A count cell: '5', '5 (45%)', '2/11', '5 (45.5)'."""
    m = re.match(r"^\s*(\d+)\s*(?:\(|/|$)", c.text)
    return int(m.group(1)) if m else None


def _strip_marks(text: str) -> tuple[str, list[str]]:
    marks = [ch for ch in text if ch in _FOOTNOTE_MARKS]
    return text.strip(_FOOTNOTE_MARKS + " ").strip(), marks


def _footnotes(table: Table) -> dict[str, str]:
    out = {}
    for f in table.footnotes:
        if f.text and f.text[0] in _FOOTNOTE_MARKS:
            out[f.text[0]] = f.text[1:].strip()
    return out


def _ae_concept(ctx: Context, cell: Cell, term_text: str) -> Concept | None:
    """The AE concept named in a cell (longest lexicon match inside it)."""
    inside = [sp for sp in ctx.concept_spans(cell.start, cell.end) if sp.label_ == "AdverseEventTerm"]
    if inside:
        return ctx.concept(max(inside, key=len))
    found = ctx.lexicon.by_label(term_text, "AdverseEventTerm")
    if found is None and re.search(r"[a-z][a-e]$", term_text):  # a footnote letter glued on: "reactiona"
        found = ctx.lexicon.by_label(term_text[:-1], "AdverseEventTerm")
    return found


def _new_term(ctx: Context, term_text: str) -> Concept:
    """An AE term the lexicon lacks, named only in this paper's table: a concept of its own."""
    label = re.sub(r"\s*\((?:grade|G)\s*\w+\)\s*", " ", term_text, flags=re.I).strip().lower()
    return ctx.lexicon.discover("AdverseEventTerm", label, "table")


def _table_grade(text: str) -> int | None:
    m = _GRADE.search(text)
    return _grade_value(m) if m else None


def _set_section(state: dict, text: str) -> None:
    """What a section row says of the rows under it."""
    low = text.lower()
    if re.search(r"\btotal\b|\bany\b|\ball\b", low) and not re.search(r"leading|serious|sae", low):
        return  # a summary line, not a section
    serious = bool(re.search(r"\bserious\b|\bsaes?\b", low))
    non_serious = bool(_NON_SERIOUS.search(low))
    related = bool(re.search(r"related|attributable", low)) and not re.search(r"unrelated|not related", low)
    discontinuation = bool(_DISCONTINUATION.search(low))
    state["serious"] = True if serious else (False if non_serious else None)
    state["related_to_drug"] = True if related else None
    state["led_to_discontinuation"] = True if discontinuation else None

