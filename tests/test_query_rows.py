"""Rewrites for speed that must keep the rows.

Ask's "trials in Y" reads a trial's phase, size and condition labels once per trial of the
page (tui.ask._trials_in), not once per answer row: a trial and its conditions are restated by
every document graph that names them. The rows must be those of the plain formulation, where
each answer row joins the trial's fields directly — checked here for every condition and drug
of a store whose trial is restated by two papers and has two conditions.

An entity page of a drug or condition joins its groups on the entity's trials, read first and
passed back as VALUES (tui.queries.entity_trials): the groups must hold the pairs the patterns
that find those trials give."""

from __future__ import annotations

import pytest

from kg.graph.store import GraphStore
from kg.pipeline import ingest
from tui import ask
from tui import queries as Q
from tui.model import load_catalog, load_vocabulary

# Written for this test: one trial told by two papers in different layouts (a title with the
# registry number, then an extension report), one of them naming two conditions; another trial.
PAPERS = {
    "ra-main.txt": """Low-dose methotrexate in adults with rheumatoid arthritis and psoriasis: a randomized,
double-blind, placebo-controlled phase 2 trial (NCT04411111)

Methods: In this randomized, double-blind, placebo-controlled phase 2 trial, 120 patients with
rheumatoid arthritis were randomly assigned to methotrexate 15 mg orally once weekly or placebo
for 24 weeks. The primary endpoint was the ACR20 response at week 24.
Results: ACR20 response was 58% with methotrexate versus 27% with placebo (p<0.001). Nausea
occurred in 12 patients and elevated liver enzymes in 5 patients.
""",
    "ra-extension.txt": """Long-term follow-up of NCT04411111: methotrexate for rheumatoid arthritis

Methods: This open-label extension followed the 120 participants with rheumatoid arthritis of a
phase 2 randomized trial (NCT04411111). Participants received methotrexate 20 mg subcutaneously
every week for 48 weeks.
Results: Headache was reported by 9 participants and nausea by 7.
""",
    "sle.txt": """Interleukin-2 for systemic lupus erythematosus: a multicentre phase 3 trial

Methods: We enrolled 200 patients with systemic lupus erythematosus in a randomized, double-blind,
placebo-controlled phase 3 trial (NCT05522222). Patients received interleukin-2 1 million IU
subcutaneously every other day or placebo for 12 weeks.
Results: Injection-site reactions occurred in 20 patients. Fever occurred in 6 patients.
""",
}


def _plain_trials_in(s: dict) -> str:
    """The reference: the template's page of facts with the trial's fields joined to every row."""
    return f"""SELECT DISTINCT ?trial ?phase ?enrolled ?condition {ask._EV_VARS} WHERE {{
  {{ SELECT DISTINCT ?fact ?t WHERE {{
      {{ {ask._anchor(s, "y")}
        ?fact kg:value ?y ; a kg:TrialAttribute ; kg:ofTrial ?t . }}
      UNION {{ {ask._anchor(s, "y")}
        ?fact kg:drug ?y ; a kg:DoseRegimen ; kg:ofTrial ?t ; kg:role "study" . }}
    }} ORDER BY ?t ?fact {ask._page(s)} }}
{ask.evidence()}
  OPTIONAL {{ ?t kg:phase ?phase }} OPTIONAL {{ ?t kg:enrolled ?enrolled }}
  OPTIONAL {{ ?t kg:condition ?c . ?c skos:prefLabel ?condition }}
  {ask._TRIAL}
}} ORDER BY ?trial ?start"""


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    src = tmp_path_factory.mktemp("papers")
    for name, text in PAPERS.items():
        (src / name).write_text(text, encoding="utf-8")
    where = tmp_path_factory.mktemp("store") / "db"
    with GraphStore(where) as store:
        report = ingest([src], store)
        assert not report.failed, report.failed
    return where


def _rows(store: GraphStore, sparql: str) -> list[tuple]:
    return [tuple(sorted((k, str(v)) for k, v in r.items())) for r in store.select(sparql)]


def test_trials_in_gives_the_rows_of_the_plain_join(small_store):
    with GraphStore(small_store, read_only=True) as store:
        # the case the rewrite is for: a trial restated by two graphs, with two conditions
        told = store.select("SELECT ?g ?c WHERE { GRAPH ?g { ?t kg:condition ?c } }")
        assert len({str(r["g"]) for r in told}) >= 2
        by_trial = store.select("SELECT ?t (COUNT(DISTINCT ?c) AS ?n) WHERE { ?t kg:condition ?c } GROUP BY ?t")
        assert max(int(r["n"]) for r in by_trial) >= 2

        catalog = load_catalog(store)
        vocabulary = load_vocabulary(store, catalog)
        names = sorted({e.label for e in catalog.entries if e.kind in ("condition", "drug")})
        assert len(names) >= 4, names
        answered = 0
        for name in names:
            for slots in ({"y": name, "y_iris": vocabulary.iris_named(name)}, {"y": name}):
                for offset in ("0", "1"):
                    s = {**slots, "offset": offset}
                    fast, plain = _rows(store, ask._trials_in(s)), _rows(store, _plain_trials_in(s))
                    assert sorted(fast) == sorted(plain), (name, s)
                    # in the order the plain query promises: by trial, then by the span's start
                    keys = [(d["trial"], int(d["start"])) for d in map(dict, fast)]
                    assert keys == sorted(keys)
                    answered += bool(fast)
        assert answered >= len(names)  # the questions found trials: the comparison is not vacuous


def test_entity_groups_on_trials_read_first_hold_the_pairs_of_the_patterns(small_store):
    with GraphStore(small_store, read_only=True) as store:
        catalog = load_catalog(store)
        joined = 0
        for e in catalog.entries:
            types = {str(r["t"]) for r in store.select(Q.node_types(e.iri))}
            query = Q.entity_trials(e.iri, types)
            trials = [str(r["t"]) for r in store.select(query)] if query else None
            for (name, plain, _), (_, anchored, _) in zip(Q.entity_groups(e.iri, types),
                                                         Q.entity_groups(e.iri, types, trials)):
                pairs = [_rows(store, f"SELECT DISTINCT ?f ?link WHERE {{ {b} }}") for b in (plain, anchored)]
                assert sorted(pairs[0]) == sorted(pairs[1]), (e.label, name)
                joined += plain != anchored and bool(pairs[0])
        assert joined >= 3  # drugs' adverse events and conditions' drugs were compared, not empty groups
