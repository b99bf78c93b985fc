"""Start-up done once in the fork server, so each ingest worker forks ready to work.

Imported by the fork server of `kg.workers` (its preload list), which starts with
WARM_FLAG set in its environment (and nothing else does): loads the lexicon and the
spaCy pipeline and runs one short made-up abstract through reading, extraction and graph
building, so the extractors' compiled patterns and tables exist before any worker forks.
A worker would otherwise spend about a second of CPU on this before its first document,
every worker of every ingest (on a short ingest that is much of the gain of a second worker).

The KG_* environment the server had when it did this is kept in `ENV`: a worker whose
parent's environment differs now (another KG_LEXICON) loads its own (kg.workers). Concepts
the made-up text discovers are forgotten again, so no paper's concept label comes from it.
Failure here is not an error: workers then load everything themselves.
"""

from __future__ import annotations

import gc
import os
import tempfile
from pathlib import Path

ENV: dict[str, str] = {}
READY = False
WARM_FLAG = "_KG_WARM_FORK_SERVER"  # not KG_*: not part of the environment workers compare

# written for this purpose; it names no real trial
_TEXT = """Low-dose examplimab versus placebo in adults with chronic plaque psoriasis: a randomised trial

Abstract

Background: Interleukin-17 drives psoriatic inflammation.
Methods: In this double-blind, placebo-controlled phase 2 trial (NCT00000000), 120 adults were randomly
assigned to examplimab 50 mg subcutaneously every 2 weeks or placebo for 12 weeks. The primary endpoint
was the change in PASI score from baseline to week 12.
Results: PASI fell by 8.1 points with examplimab and by 2.0 points with placebo (difference -6.1; 95% CI
-8.0 to -4.2; p < 0.001). Serum IL-17 levels decreased in the examplimab group. Headache occurred in
5 (8%) and 3 (5%) patients; two patients discontinued treatment because of adverse events.
Conclusions: Examplimab reduced psoriasis severity. Funded by the Example Foundation.
"""


def warm() -> None:
    """Load the lexicon and the pipeline, and read the made-up abstract once."""
    global ENV, READY
    ENV = {k: v for k, v in os.environ.items() if k.startswith("KG_")}
    from kg.lexicon import load_lexicon
    from kg.nlp import get_nlp
    from kg.workers import process

    get_nlp()
    lexicon = load_lexicon()
    with tempfile.TemporaryDirectory(prefix="kg-warm-") as tmp:
        path = Path(tmp) / "warm-up.txt"
        path.write_text(_TEXT, encoding="utf-8")
        process(path)
    lexicon.begin_document()  # what the made-up text discovered is not the papers'
    # Everything loaded so far lives as long as the workers: out of the cyclic collector's
    # reach, a worker's collections no longer write into (and so copy) the pages it shares
    # with this server.
    gc.collect()
    gc.freeze()
    READY = True


if os.environ.get(WARM_FLAG):  # the fork server; importing this module elsewhere does nothing
    try:
        warm()
    except Exception:  # noqa: BLE001 - best effort: workers load what they need themselves
        READY = False
