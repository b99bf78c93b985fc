"""Extractors: one module per fact kind, each `extract(ctx) -> list[Fact]`.

| fact kind       | module                         |
|-----------------|--------------------------------|
| trial metadata  | kg/extract/trial.py            |
|   designs       | kg/extract/designs.py          |
|   N enrolled    | kg/extract/enrolment.py        |
| interventions   | kg/extract/interventions.py    |
| endpoints       | kg/extract/endpoints.py        |
| results         | kg/extract/results.py          |
| adverse events  | kg/extract/adverse_events.py   |
| mechanisms      | kg/extract/mechanisms.py       |
| participants    | kg/extract/participants.py     |

After them all, kg/extract/names.py checks the name each fact gives (one layer for every kind).
"""

from __future__ import annotations

import kg.spacy_lite  # noqa: F401 - first: spaCy without its command-line interface (see there)

# isort: split
from spacy.tokens import Doc as SpacyDoc

from kg.extract import arm_review, names
from kg.extract.base import Context, Fact, part_of, part_preference
from kg.lexicon import Lexicon
from kg.model import Document


def extractors() -> list:
    """The extractor modules, in the order they run (later ones may read earlier facts)."""
    from kg.extract import adverse_events, endpoints, interventions, mechanisms, participants, results, trial

    return [trial, interventions, endpoints, results, adverse_events, mechanisms, participants]


def extract_all(document: Document, doc: SpacyDoc, lexicon: Lexicon) -> Context:
    """Run every extractor over one parsed document; the facts are in `ctx.facts`."""
    ctx = Context(document, doc, lexicon)
    for module in extractors():
        ctx.facts.extend(module.extract(ctx))
    ctx.facts = arm_review.without_measures(ctx.facts)  # an arm phrase naming the condition or an endpoint
    ctx.facts = names.review(ctx)  # one check that each fact's name names a thing (kg/extract/names.py)
    for f in ctx.facts:  # the part a fact was read in weighs on its confidence, never drops it
        if f.evidence:
            f.confidence = round(f.confidence * part_preference(f.kind, part_of(document, f.evidence[0].start)[0]), 3)
    return ctx


__all__ = ["Context", "Fact", "extract_all", "extractors"]
