"""The `kg` command line on the corpus graph: help, query in every form and format,
errors as one line, stats, validate."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import CORPUS_FILES, ROOT, doc_id, kg_subprocess, union_graph
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from kg.cli import build_parser
from kg.graph.build import doc_iri
from kg.graph.namespaces import KG

COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)  # noqa: SLF001
FORMATS = ("table", "csv", "tsv", "json")
DOCS_QUERY = "SELECT ?doc ?file WHERE { ?doc a kg:Document ; kg:sourceFile ?file } ORDER BY ?file"


def expected_docs() -> list[tuple[str, str]]:
    return sorted((str(doc_iri(doc_id(p))), p.name) for p in CORPUS_FILES)


# ------------------------------------------------------------------------------ help


def test_the_commands_are_the_documented_ones():
    assert COMMANDS == sorted(["ingest", "facts", "text", "query", "export", "validate", "stats", "tui"])


def test_help_exits_0(kg):
    run = kg("--help")
    assert run.code == 0
    assert run.out.startswith("usage: kg")
    for cmd in COMMANDS:
        assert cmd in run.out


@pytest.mark.parametrize("cmd", COMMANDS)
def test_command_help_exits_0(kg, cmd):
    run = kg(cmd, "--help")
    assert run.code == 0, run.err
    assert run.out.startswith(f"usage: kg {cmd}")
    assert run.err == ""


def test_help_and_query_do_not_load_spacy(corpus_store):
    """`kg --help` and `kg query` stay quick: spaCy is imported only by ingest."""
    code = ("import sys\nfrom kg.cli import main\n"
            f"main(['--store', {str(corpus_store.path)!r}, 'query', 'ASK {{ ?s ?p ?o }}'])\n"
            "print('spacy' in sys.modules, 'pdfplumber' in sys.modules)\n")
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["true", "False False"]


def test_real_entry_point_runs():
    proc = kg_subprocess("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().startswith("kg ")


# ------------------------------------------------------------------------------ query


def test_select_in_every_format(kg, corpus_location, corpus_store):
    want = expected_docs()
    for fmt in FORMATS:
        run = kg("--store", corpus_location, "query", "--format", fmt, DOCS_QUERY)
        assert run.code == 0 and run.err == "", (fmt, run.err)
        if fmt == "json":
            data = json.loads(run.out)
            assert data["head"]["vars"] == ["doc", "file"]
            rows = data["results"]["bindings"]
            assert all(r["doc"]["type"] == "uri" and r["file"]["type"] == "literal" for r in rows)
            # a simple literal has no datatype in SPARQL results JSON (not an explicit xsd:string)
            assert all("datatype" not in r["file"] and "xml:lang" not in r["file"] for r in rows)
            got = [(r["doc"]["value"], r["file"]["value"]) for r in rows]
        elif fmt in ("csv", "tsv"):
            table = list(csv.reader(io.StringIO(run.out), delimiter="," if fmt == "csv" else "\t"))
            assert table[0] == ["doc", "file"]
            got = [tuple(r) for r in table[1:]]
        else:
            lines = run.out.splitlines()
            assert lines[0].split() == ["doc", "file"]
            assert set(lines[1]) <= {"-", " "}
            assert lines[-1] == f"({len(want)} rows)"
            # table cells show prefixed names: kgd:doc/<id>
            got = sorted((f"https://w3id.org/kg-trials/data/{c[0][4:]}", c[1])
                         for c in (ln.split() for ln in lines[2:-1]))
        assert sorted(got) == want, fmt


def test_select_json_is_sparql_results_json_with_typed_literals(kg, corpus_location, corpus_store):
    q = ("SELECT ?s ?n WHERE { ?s kg:authorCount ?n }")
    run = kg("--store", corpus_location, "query", "--format", "json", q)
    assert run.code == 0, run.err
    data = json.loads(run.out)
    rows = data["results"]["bindings"]
    assert rows, "the corpus documents have authors"
    for r in rows:
        assert r["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
        assert int(r["n"]["value"]) > 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_ask(kg, corpus_location, corpus_store, fmt):
    for q, answer in (("ASK { ?d a kg:Document }", True), ("ASK { ?d a kg:NoSuchClass }", False)):
        run = kg("--store", corpus_location, "query", "--format", fmt, q)
        assert run.code == 0, run.err
        if fmt == "json":
            assert json.loads(run.out)["boolean"] is answer
        else:
            assert run.out.strip() == str(answer).lower()


@pytest.mark.parametrize("fmt", FORMATS)
def test_construct(kg, corpus_location, corpus_store, fmt):
    q = "CONSTRUCT { ?doc kg:sourceFile ?file } WHERE { ?doc a kg:Document ; kg:sourceFile ?file }"
    run = kg("--store", corpus_location, "query", "--format", fmt, q)
    assert run.code == 0, run.err
    got = Graph().parse(data=run.out, format="json-ld" if fmt == "json" else "turtle")
    want = Graph()
    for d, f in expected_docs():
        want.add((URIRef(d), KG.sourceFile, Literal(f)))
    assert isomorphic(got, want), got.serialize(format="nt")


@pytest.mark.parametrize("fmt", ("table", "json"))
def test_describe_gives_the_documents_own_triples(kg, corpus_location, corpus_store, fmt):
    doc = URIRef(expected_docs()[0][0])
    run = kg("--store", corpus_location, "query", "--format", fmt, f"DESCRIBE <{doc}>")
    assert run.code == 0, run.err
    got = Graph().parse(data=run.out, format="json-ld" if fmt == "json" else "turtle")
    stored = union_graph(q for q in corpus_store.quads() if q[0] == doc)
    assert (doc, RDF.type, KG.Document) in got
    assert {t for t in got if t[0] == doc} == set(stored)


def test_query_from_a_file(kg, corpus_location, corpus_store, tmp_path):
    rq = tmp_path / "docs.rq"
    rq.write_text("# the documents\n" + DOCS_QUERY + "\n", encoding="utf-8")
    run = kg("--store", corpus_location, "query", "--format", "csv", f"@{rq}")
    assert run.code == 0, run.err
    assert [tuple(r) for r in csv.reader(io.StringIO(run.out))][1:] == expected_docs()


def test_query_from_a_missing_file_is_one_error_line(kg, corpus_store, tmp_path):
    run = kg("--store", corpus_store.path, "query", f"@{tmp_path / 'missing.rq'}")
    assert run.code == 2
    assert run.out == ""
    assert len(run.err_lines) == 1 and "missing.rq" in run.err


@pytest.mark.parametrize("query, line", [
    ("SELECT ?d WHERE { ?d a  }", 1),
    ("SELECT ?d\nWHERE {\n  ?d ?p ?o .\n  FILTER( }", 4),
    ("SELEC ?d WHERE { ?d ?p ?o }", 1),
])
def test_syntax_error_exits_2_with_line_and_column(kg, corpus_location, corpus_store, query, line):
    run = kg("--store", corpus_location, "query", query)
    assert run.code == 2
    assert run.out == ""
    first = run.err_lines[0]
    assert first.startswith("kg: error: ")
    assert f"line {line}, column " in first
    column = int(first.rsplit("column ", 1)[1].split()[0].rstrip(".,"))
    assert 1 <= column <= len(query.splitlines()[line - 1]) + 1


def test_unknown_prefix_is_an_error_not_a_crash(kg, corpus_location, corpus_store):
    run = kg("--store", corpus_location, "query", "SELECT ?x WHERE { ?x a nosuchprefix:Thing }")
    assert run.code == 2
    assert run.out == ""
    assert run.err_lines[0].startswith("kg: error: ")


# ------------------------------------------------------------------------------ text, facts


def test_text_of_an_unknown_document_is_one_error_line(kg, corpus_location, corpus_store):
    run = kg("--store", corpus_location, "text", "no-such-document")
    assert run.code == 1
    assert run.out == ""
    assert run.err_lines == ["kg: error: no document 'no-such-document' in the store"]


def test_facts_of_one_document_and_of_an_unknown_one(kg, corpus_location, corpus_store):
    doc = doc_id(CORPUS_FILES[-1])
    run = kg("--store", corpus_location, "facts", doc)
    assert run.code == 0, run.err
    assert [d["doc"] for d in json.loads(run.out)["documents"]] == [doc]
    run = kg("--store", corpus_location, "facts", doc, "nope")
    assert run.code == 1
    assert run.err_lines == ["kg: error: no document 'nope' in the store"]


# ------------------------------------------------------------------------------ stats, validate


def test_stats_json_counts_what_the_store_holds(kg, corpus_location, corpus_store):
    run = kg("--store", corpus_location, "stats", "--json")
    assert run.code == 0, run.err
    s = json.loads(run.out)
    assert s["documents"] == len(CORPUS_FILES)
    assert s["triples"] == len(corpus_store.store.ox)
    ox = corpus_store.store.ox
    by_type = {}
    q = f"SELECT ?t (COUNT(DISTINCT ?f) AS ?n) WHERE {{ GRAPH ?g {{ ?f <{KG.inDocument}> ?d ; a ?t }} }} GROUP BY ?t"
    for r in ox.query(q):
        by_type[r["t"].value.rsplit("#", 1)[1]] = int(r["n"].value)
    assert s["facts"] and all(by_type[k] == n for k, n in s["facts"].items())
    # the plain form says the same
    plain = kg("--store", corpus_location, "stats")
    assert plain.code == 0
    assert f"documents  {s['documents']}" in plain.out and f"triples    {s['triples']}" in plain.out


def test_validate_the_corpus_graph(kg, corpus_location, corpus_store):
    from kg.graph.validate import SHAPES_FILE

    if not SHAPES_FILE.exists():
        pytest.skip("ontology/shapes.ttl is not written yet")
    run = kg("--store", corpus_location, "validate")
    assert run.code == 0, run.out[:3000]
    assert run.out.startswith("SHACL: conforms")


def test_commands_on_a_missing_store_are_one_error_line(kg, tmp_path):
    for argv in (["facts"], ["text", "x"], ["query", "ASK {}"], ["stats"], ["export"], ["validate"]):
        run = kg("--store", tmp_path / "none", *argv)
        assert run.code == 2, argv
        assert run.out == ""
        assert run.err_lines == [f"kg: error: {tmp_path / 'none'}: no graph store here; run 'kg ingest' first"]


@pytest.mark.parametrize("body, written, preferred", [
    ("Adults with bladder outlet obstruction were randomised to tamsulosin or placebo.",
     "bladder outlet obstruction", "urinary bladder neck obstruction"),
    ("We randomly assigned 40 patients with head trauma to two groups.",
     "head trauma", "craniocerebral trauma"),
])
def test_facts_name_a_condition_as_written_with_the_preferred_name_beside(kg, tmp_path, body, written,
                                                                          preferred):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "made-up.txt").write_text(
        f"A made-up randomised trial\n\nAbstract\n\nMethods: {body}\n", encoding="utf-8")
    store = tmp_path / "store"
    assert kg("--store", store, "ingest", "-q", "--jobs", "0", tmp_path / "docs").code == 0
    run = kg("--store", store, "facts", "made-up")
    (condition,) = json.loads(run.out)["documents"][0]["trial"]["conditions"]
    assert condition["label"] == written
    assert condition["concept_label"] == preferred
    assert condition["id"].startswith("MESH:")


@pytest.mark.parametrize("written, preferred, label", [
    ("asthmatic", "asthma", "asthma"),  # 'asthmatic volunteers': the adjective names the disease
    ("obese", "obesity", "obesity"),
    ("Diabetics", "diabetes mellitus", "diabetes mellitus"),
    ("COPD", "chronic obstructive pulmonary disease", "COPD"),  # an acronym is the name as written
    ("HIV", "HIV infection", "HIV"),
    ("heart failure", "heart failure", "heart failure"),
    ("Migraines", "migraine disorder", "Migraines"),
])
def test_a_condition_named_by_a_word_made_from_it_is_labelled_by_its_name(written, preferred, label):
    from kg.graph.facts import _condition_item

    ev = [{"start": 0, "end": len(written), "text": written}]
    assert _condition_item(preferred, None, ev)["label"] == label


# ------------------------------------------------------------------------------ plain forms


@pytest.mark.parametrize("argv", [
    ["facts", "a/doc-1"], ["--store", "/tmp/s", "facts"], ["facts", "x", "y", "--store", "s"],
    ["--store=s", "facts", "x"], ["--store", "s", "facts", "--store", "t", "x"], ["facts", ""],
    ["--store", "facts", "facts", "facts"], ["text", "a/b"], ["text", "--store", "s", "a"],
    ["stats"], ["stats", "--json"], ["--store", "s", "stats", "--json", "--json"], ["stats", "--store=", "--json"],
    ["query", "ASK {}"], ["--store", "s", "query", "--format", "json", "SELECT * { ?s ?p ?o }"],
    ["query", "@q.rq", "--format=csv"], ["query", "--allow-service", "ASK { FILTER(1 = 1) }", "--store", "s"],
    ["query", "ASK {}", "--format", "tsv", "--format", "table"], ["query", ""],
])
def test_plain_read_commands_are_parsed_as_argparse_parses_them(argv):
    from kg.cli import plain_args

    args = plain_args(argv)
    assert args is not None
    assert vars(args) == vars(build_parser(argv[argv.index(args.command)]).parse_args(argv))


@pytest.mark.parametrize("argv", [
    [], ["--help"], ["facts", "--help"], ["facts", "-h"], ["--version"], ["--sto", "s", "facts"],
    ["facts", "a", "--store", "s", "b"], ["facts", "--", "-x"], ["facts", "-x"], ["text"], ["text", "a", "b"],
    ["stats", "x"], ["--json", "stats"], ["facts", "--json"], ["--store"], ["facts", "--store"],
    ["--store", "-s", "facts"], ["ingest", "x"], ["nonsense"], ["query"], ["query", "a", "b"],
    ["query", "--format", "xml", "ASK {}"], ["query", "--form", "json", "ASK {}"], ["query", "ASK {}", "--format"],
    ["--format", "json", "query", "ASK {}"], ["query", "--", "ASK {}"], ["query", "ASK {}", "--allow-service=1"],
    ["query", "a", "--format", "json", "b"], ["facts", "--format", "json"], ["query", "--help"],
])
def test_any_other_form_is_left_to_argparse(argv):
    from kg.cli import plain_args

    assert plain_args(argv) is None
