"""The spaCy pipeline: a blank English pipeline plus kg's rules and lexicon.

Components, in order:
- `kg_sentences`: sentence starts that survive "et al.", "vs.", "Fig. 1a", decimals,
  "P < 0.01", and page-break debris (a paragraph that goes on in lower case);
- `kg_lexicon`: a PhraseMatcher over every label of the SKOS lexicon (case-insensitive)
  and abbreviation (case-sensitive); then the drug and disease dictionaries of
  `kg/vocabulary.py` (DrugBank and MeSH, ~180,000 names, looked up on the Doc's
  LOWER hashes in cached arrays) where no lexicon concept is; drugs by INN stem; and abbreviations a paper
  defines itself ("low-dose interleukin-2 (IL-2LD)"). Spans go to `doc.spans["concepts"]`
  and the longest non-overlapping ones to `doc.ents`, each with the concept IRI as `kb_id_`;
- `negex` and `hedge`: negspacy's NegEx (ConText-style cues and scopes) run twice, once
  with negation cues and once with hedging cues, both from `ontology/context_rules.json`;
  results in `span._.negex` and `span._.hedged`.

Why negspacy rather than medspaCy's ConText: medspaCy 1.3 pins spaCy < 3.8 and brings
about 20 packages; negspacy is one small module on spaCy 3.8 whose termsets are data,
and running it twice gives both negation and hedging with the same scope rules.
"""

from __future__ import annotations

import kg.spacy_lite  # noqa: F401 - first: spaCy without its command-line interface (see there)

# isort: split
import bisect
import functools
import json
import re

import numpy
import spacy
from negspacy.negation import Negex
from spacy.attrs import IDX, IS_ALPHA, IS_DIGIT, IS_SPACE, LENGTH, LOWER, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_suffix_regex, filter_spans

from kg.lexicon import ONTOLOGY_DIR, Concept, Lexicon, load_lexicon
from kg.textsafety import doc_text
from kg.vocabulary import Vocabulary, load_vocabulary

CONTEXT_RULES = ONTOLOGY_DIR / "context_rules.json"
DRUG_STEMS = ONTOLOGY_DIR / "drug_stems.json"
PIPELINE_VERSION = "1"

# Tokens after which a period does not end a sentence.
_ABBREV = {
    "al", "vs", "fig", "figs", "e.g", "i.e", "cf", "approx", "ca", "resp", "dr", "prof", "no", "nos",
    "ref", "refs", "eq", "suppl", "vol", "pp", "coll", "st", "inc", "ltd", "co", "mr", "mrs", "ms",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "min", "max",
}
# abbreviations a sentence may also end with ("Lactobacillus spp. Patients ..."): only a
# lower-case word after them goes on the sentence ("spp. and ...", "etc. were")
_LOWER_ABBREV = _ABBREV | {"spp", "subsp", "ssp", "etc", "incl", "var", "viz", "eds", "wks", "hrs", "yrs"}
# lower-case words that go on a sentence after an abbreviation rather than open one
_CONTINUATIONS = {"and", "or", "nor", "but", "et", "of", "to", "vs", "than"}
_EXTRA_INFIXES = [r"[±=–—≥≤<>⁺⁻×]", r"(?<=[0-9])\.(?=[A-Z][a-z])", r"(?<=[A-Za-z0-9])[()\[\]](?=\S)",
                  r"(?<=[A-Za-z])-(?=\s|$)", r"(?<=[0-9])/(?=[0-9])"]


def tokenizer_version() -> str:
    """What the dictionary cache depends on: spaCy's version and kg's tokenizer rules."""
    return f"{spacy.__version__}|{PIPELINE_VERSION}|{'|'.join(_EXTRA_INFIXES)}"


def _customise_tokenizer(nlp: Language) -> None:
    """Split on ±, =, en dashes, comparison signs and glued brackets (`p=0.0015`, `MIU)/day`),
    and footnote marks glued to a word ("Axonal neuropathy†")."""
    infixes = list(nlp.Defaults.infixes) + _EXTRA_INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = list(nlp.Defaults.suffixes) + [r"[*†‡§¶‖⁺⁰¹²³⁴⁵⁶⁷⁸⁹]"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


@Language.component("kg_sentences")
def kg_sentences(doc: Doc) -> Doc:
    """Rule-based sentence starts; see the module docstring for what it survives.

    Read from spaCy's arrays and the text's code points: a Python Token per token cost more
    than the rules. Only a word after a newline or after a token ending in '.', '!' or '?'
    can open a sentence past the first; those few are judged on their Tokens."""
    if not len(doc):
        return doc
    arr = doc.to_array([IS_SPACE, IDX, LENGTH]).astype(numpy.int64)
    space, idx, length = arr[:, 0] == 1, arr[:, 1], arr[:, 2]
    codes = numpy.frombuffer(doc_text(doc).encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    newlines = numpy.concatenate(([0], numpy.cumsum(codes == 10)))
    broken = space & (newlines[idx + length] > newlines[idx])  # a space token holding a newline
    real = numpy.flatnonzero(~space)
    starts = numpy.full(len(doc), -1, dtype=numpy.int32)
    starts[0] = 1
    if len(real):
        starts[real[0]] = 1
        # a newline since the last word: a space token between the two words holds one
        breaks_before = numpy.concatenate(([0], numpy.cumsum(broken)))[real]
        pending = breaks_before[1:] > breaks_before[:-1]
        last = codes[idx[real[:-1]] + length[real[:-1]] - 1]
        ends = (last == ord(".")) | (last == ord("!")) | (last == ord("?"))
        for j in numpy.flatnonzero(pending | ends).tolist():
            if _opens(doc, doc[int(real[j])], doc[int(real[j + 1])], bool(pending[j])):
                starts[real[j + 1]] = 1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc


def _opens(doc: Doc, prev_real, tok, pending_break: bool) -> bool:
    """Does `tok` open a sentence after the word `prev_real` (a newline between them or not)?"""
    prev_text = prev_real.text
    if pending_break:
        # a paragraph or line that goes on in lower case is page-break debris
        return not (tok.text[:1].islower() and prev_text not in (".", "!", "?", ":"))
    if prev_text in (".", "!", "?") and _opens_sentence(tok):
        before = doc[prev_real.i - 1] if prev_real.i > 0 else None
        return before is None or not _is_abbreviation(before)
    if prev_text == "." and _lower_case_start(doc, prev_real, tok):
        return True
    if prev_text.endswith(".") and len(prev_text) > 1 and "." not in prev_text[:-1] \
            and prev_real.i > 0 and doc[prev_real.i - 1].text == "/" and _lower_case_name(doc, tok):
        return True  # '... 2.1 mmol/l. hsCRP fell': a unit's last letter keeps its full stop
    return (prev_text.endswith(".") and len(prev_text) > 1 and "." not in prev_text[:-1]
            and prev_text[:-1].lower() not in _ABBREV and _opens_sentence(tok)
            and not prev_text[:-1].isdigit())


def _opens_sentence(tok) -> bool:
    t = tok.text
    return t[:1].isupper() or t[:1].isdigit() or t[:1] in "([“\"'" or t.startswith("$")


def _lower_case_start(doc: Doc, period, tok) -> bool:
    """A sentence that opens in lower case after a full stop ("... were lower. moxonidine also
    ..."): a word of three or more letters ends the sentence before, not an initial ("P.
    gingivalis"), an abbreviation ("spp. and") or a number, and a word follows."""
    before = doc[period.i - 1] if period.i > 0 else None
    if before is None or period.idx != before.idx + len(before.text):
        return False
    if before.text.isalpha() and len(before.text) >= 3 and before.text.lower() not in _LOWER_ABBREV \
            and (tok.text.isalpha() and tok.text.islower() and len(tok.text) >= 2 and tok.text not in _CONTINUATIONS
                 or _lower_case_name(doc, tok)):
        return True
    # '... (p = 0.01). hsCRP fell', '... by 12%. mRNA rose', '... in 3. γ-GT fell': a finding closed by a
    # bracket, a percent sign or a number, then a name written in lower case (or opening so) at its start
    return _closes_finding(before) and _lower_case_name(doc, tok)


def _closes_finding(tok) -> bool:
    """A token a finding ends with before its full stop: a closing bracket, '%' or a number."""
    return tok.text in (")", "]", "%") or tok.like_num and any(c.isdigit() for c in tok.text)


def _lower_case_name(doc: Doc, tok) -> bool:
    """A word that opens a sentence though written in lower case: a name in mixed case ('pEF',
    'hsCRP', 'mRNA'), a lower-case word of two or more letters, or a Greek letter joined by a hyphen
    ('γ-GT'); not a word that goes on the sentence ('and', 'vs') nor one holding a full stop ('e.g.')."""
    t = tok.text
    if not t[:1].isalpha() or not t[:1].islower() or "." in t or t in _CONTINUATIONS or t.lower() in _ABBREV:
        return False
    if len(t) >= 2:
        return sum(c.isalpha() for c in t) >= 2
    return "\u03b1" <= t <= "\u03c9" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"


def _is_abbreviation(tok) -> bool:
    t = tok.text.rstrip(".").lower()
    if t in _ABBREV:
        return True
    # an initial ("J. Smith") or a one-letter label ("Fig. 1a. Patients") is not a sentence end
    return len(tok.text) == 1 and tok.text.isupper() and tok.i > 0 and tok.nbor(-1).text[:1].isupper()


@Language.factory("kg_lexicon", default_config={"lexicon_path": None, "dictionaries": True})
def make_lexicon_matcher(nlp: Language, name: str, lexicon_path: str | None, dictionaries: bool) -> LexiconMatcher:
    vocab = None
    if dictionaries:
        tok = nlp.tokenizer
        vocab = load_vocabulary(lambda texts: [[t.text for t in d] for d in tok.pipe(texts, batch_size=2000)],
                                tokenizer_version())
    return LexiconMatcher(nlp, load_lexicon(lexicon_path), vocab)


class LexiconMatcher:
    """Mark every lexicon concept mention; also learn a paper's own abbreviations."""

    def __init__(self, nlp: Language, lexicon: Lexicon, vocabulary: Vocabulary | None = None) -> None:
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        self.nlp = nlp
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_iri: dict[str, tuple[list, list]] = {}
        for surface, iri, case_sensitive in lexicon.terms:
            bucket = by_iri.setdefault(iri, ([], []))
            bucket[1 if case_sensitive else 0].append(surface)
        self.stems = json.loads(DRUG_STEMS.read_text(encoding="utf-8"))
        self.stems["exceptions"] = set(self.stems["exceptions"])
        self.stem_rx = re.compile("(?:" + "|".join(sorted(self.stems["stems"], key=len, reverse=True)) + ")$")
        # literal stems (all of them now) are tested with str.endswith: re's search of '(?:...)$' tries
        # the alternation at every position of every word (the words tested are alphabetic: no '\n'
        # before which '$' could also match)
        literal = all(re.escape(stem) == stem for stem in self.stems["stems"])
        self.stem_endings = tuple(self.stems["stems"]) if literal else None
        self.code_rx = re.compile(self.stems.get("code_pattern", r"(?!)"))
        self.code_exceptions = set(self.stems.get("code_prefix_exceptions", ()))
        for iri, (folded, exact) in by_iri.items():
            if folded:
                self.folded.add(iri, list(nlp.tokenizer.pipe(folded)))
            if exact:
                self.exact.add(iri, list(nlp.tokenizer.pipe(exact)))
        if vocabulary is not None:
            lexicon.dictionary = self.dictionary_concept

    def dictionary_concept(self, name: str, kind: str) -> Concept | None:
        """The dictionaries' concept of one kind named by the whole of `name` (any case), if any."""
        words = [t for t in self.nlp.make_doc(name) if not t.is_space]
        if not words or self.vocabulary is None:
            return None
        lowers = numpy.array([t.lower for t in words], dtype=numpy.uint64)
        for k, n, entry_id, _upper in self.vocabulary.longest(lowers):
            entry = self.vocabulary.entries[entry_id]
            if k == 0 and n == len(words) and entry.kind == kind:
                if entry.iri not in self.lexicon.concepts:
                    source = entry.curie.split(":")[0].lower()
                    self.lexicon.concepts[entry.iri] = Concept(entry.iri, entry.kind, entry.label, entry.curie, source)
                return self.lexicon.concepts[entry.iri]
        return None

    def __call__(self, doc: Doc) -> Doc:
        spans = [self._span(doc, m, s, e) for m, s, e in self.folded(doc)]
        spans += [self._span(doc, m, s, e) for m, s, e in self.exact(doc)]
        spans += self._dictionary(doc, spans)
        spans += self._inn_drugs(doc, spans)
        spans += self._defined_abbreviations(doc, spans)
        doc.spans["concepts"] = spans
        doc.ents = filter_spans(spans)
        return doc

    def _span(self, doc: Doc, match_id: int, start: int, end: int) -> Span:
        iri = self.nlp.vocab.strings[match_id]
        return Span(doc, start, end, label=self.lexicon.concepts[iri].kind, kb_id=iri)

    def _dictionary(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Drugs and diseases of the field's dictionaries, longest first, where the lexicon
        names nothing (so a paper's lexicon concepts keep their CURIEs and labels)."""
        vocab = self.vocabulary
        if vocab is None:
            return []
        near = _Near(spans)
        # from spaCy's arrays: a Python Token per token cost more than the lookups
        arr = doc.to_array([IS_SPACE, LOWER])
        index = numpy.flatnonzero(arr[:, 0] == 0).tolist() if len(arr) else []
        lowers = arr[index, 1] if index else numpy.zeros(0, dtype=numpy.uint64)  # spaCy's string hashes
        out = []
        after = 0  # the first word not inside a span taken
        for k, n, entry_id, upper in vocab.longest(lowers):
            if k < after:
                continue
            start, end = index[k], index[k + n - 1] + 1
            span_text = doc[start:end].text
            if upper and span_text == span_text.lower():
                continue
            if "," in span_text and end < len(doc) and doc[end].is_alpha:
                # an inverted entry ('esophagitis, peptic') read across a list ('esophagitis, peptic ulcers'):
                # the words before the comma, if the dictionaries name them
                words = [doc[index[k + i]].text for i in range(n)]
                comma = words.index(",") if "," in words else 0
                head = [m for m in vocab.longest(lowers[k:k + comma]) if m[0] == 0 and m[1] == comma] if comma else []
                if not head:
                    continue
                n, entry_id, end = comma, head[0][2], index[k + comma - 1] + 1
                if head[0][3] and doc[start:end].text == doc[start:end].text.lower():
                    continue
            entry = vocab.entries[entry_id]
            lexicon_spans = near(start, end)
            if _overruled(lexicon_spans, start, end, entry.kind):
                if entry.kind == "Condition" and any(sp.start == start and sp.end == end and sp.label_ != "Condition"
                                                     for sp in lexicon_spans):
                    # an AE term of the lexicon that is also a disease ("acute kidney injury"): the
                    # disease reading stays among the concept spans, for the trial's conditions
                    out.append(self._entry_span(doc, start, end, entry))
                continue
            out.append(self._entry_span(doc, start, end, entry))
            after = k + n
        return out

    def _entry_span(self, doc: Doc, start: int, end: int, entry) -> Span:
        if entry.iri not in self.lexicon.concepts:
            source = entry.curie.split(":")[0].lower()
            self.lexicon.concepts[entry.iri] = Concept(entry.iri, entry.kind, entry.label, entry.curie, source)
        return Span(doc, start, end, label=entry.kind, kb_id=entry.iri)

    def _inn_drugs(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Drug names the lexicon lacks, known by their INN stem ("examplimab", "-tinib") or
        written as a development code ("AZD1234", "LY-123456")."""
        covered = {i for sp in spans for i in range(sp.start, sp.end)}
        out = []
        if not len(doc):
            return out
        # from spaCy's arrays (a Python Token per token cost more than the test), one stem test per word
        arr = doc.to_array([IS_ALPHA, LENGTH, LOWER, IS_DIGIT])
        strings, stem_of = doc.vocab.strings, {}
        # a development code mixes capitals and digits: only such tokens reach its pattern
        for i in numpy.flatnonzero((arr[:, 0] == 0) & (arr[:, 3] == 0) & (arr[:, 1] >= 5)).tolist():
            if i in covered:
                continue
            code = self.code_rx.match(doc[i].text)
            if code and code.group("prefix") not in self.code_exceptions:
                c = self.lexicon.discover("Drug", doc[i].text, "code")
                out.append(Span(doc, i, i + 1, label="Drug", kb_id=c.iri))
        for i in numpy.flatnonzero((arr[:, 0] == 1) & (arr[:, 1] >= self.stems["min_length"])).tolist():
            if i in covered:
                continue
            h = int(arr[i, 2])
            is_drug = stem_of.get(h)
            if is_drug is None:
                low = strings[h]
                stem = low.endswith(self.stem_endings) if self.stem_endings else self.stem_rx.search(low)
                is_drug = stem_of[h] = bool(stem) and low not in self.stems["exceptions"]
            if is_drug:
                c = self.lexicon.discover("Drug", strings[h], "inn-stem")
                out.append(Span(doc, i, i + 1, label="Drug", kb_id=c.iri))
        return sorted(out, key=lambda sp: sp.start)

    def _defined_abbreviations(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """'<concept> (ABBR)' defines ABBR for this paper: mark its other mentions too."""
        found: dict[str, Span] = {}
        text = doc_text(doc)
        for sp in spans:
            after = text[sp.end_char: sp.end_char + 16]
            m = re.match(r"\s?\(([A-Za-z][A-Za-z0-9₀-₉\-]{1,9})\)", after)
            if m and m.group(1) not in found and any(ch.isupper() for ch in m.group(1)):
                found[m.group(1)] = sp
        if not found:
            return []
        known = {(s.start, s.end) for s in spans}
        matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for abbr in found:
            matcher.add(abbr, [self.nlp.make_doc(abbr)])
        out = []
        for match_id, s, e in matcher(doc):
            src = found[self.nlp.vocab.strings[match_id]]
            if (s, e) not in known:
                out.append(Span(doc, s, e, label=src.label_, kb_id=src.kb_id_))
        return out


class _Near:
    """The lexicon spans that overlap a stretch of tokens, found by bisection on their starts
    (no span is longer than the longest): a paper has thousands of lexicon spans and its
    dictionary names were each compared with all of them."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans, key=lambda sp: sp.start)
        self.starts = [sp.start for sp in self.spans]
        self.ends = [sp.end for sp in self.spans]
        self.longest = max((b - a for a, b in zip(self.starts, self.ends)), default=0)

    def __call__(self, start: int, end: int) -> list[Span]:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return [self.spans[i] for i in range(lo, hi) if self.ends[i] > start]


def _overruled(spans: list[Span], start: int, end: int, kind: str) -> bool:
    """A lexicon concept names (part of) this stretch: it wins, unless the dictionary's name
    is longer and of another kind ("influenza vaccine" over the AE term "influenza")."""
    for sp in spans:
        if sp.start < end and start < sp.end:
            inside = start <= sp.start and sp.end <= end and (sp.end - sp.start) < (end - start)
            # nor where a one-word disease of the lexicon is part of a longer disease's name ('cystic
            # fibrosis' over 'fibrosis'): the longer name is another, more specific disease
            if not (inside and (sp.label_ != kind or kind == "Condition" == sp.label_ and sp.end - sp.start == 1)):
                return True
    return False


class _Context(Negex):
    """negspacy's NegEx with the same cues and scopes, but each scope visits only its own
    entities (negspacy scans every entity for every scope: quadratic on a whole paper)."""

    def negex(self, doc: Doc) -> Doc:
        preceding, following, terminating = self.process_negations(doc)
        ents = list(doc.ents)
        starts = [e.start for e in ents]
        for b0, b1 in self.termination_boundaries(doc, terminating):
            i = bisect.bisect_left(starts, b0)
            if i >= len(ents) or ents[i].start >= b1:
                continue
            sub_pre = [m for m in preceding if b0 <= m[1] < b1]
            sub_fol = [m for m in following if b0 <= m[1] < b1]
            while i < len(ents) and ents[i].start < b1:
                if ents[i].end <= b1:
                    self._apply_negation(ents[i], sub_pre, sub_fol)
                i += 1
        return doc

    def termination_boundaries(self, doc: Doc, terminating: list) -> list[tuple[int, int]]:
        """negspacy's stretches between sentence starts and termination cues, the sentence starts
        read from spaCy's array (`doc.sents` makes a Span per sentence, each asked for its start)."""
        starts = sorted(sentence_starts(doc) + [t[1] for t in terminating] + [len(doc)])
        return list(zip(starts, starts[1:]))


def sentence_starts(doc: Doc) -> list[int]:
    """The token index of each sentence's start, as `[s.start for s in doc.sents]`."""
    if not len(doc) or "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return [s.start for s in doc.sents]
    flags = doc.to_array(SENT_START)
    return [0] + (numpy.flatnonzero(flags[1:] == 1) + 1).tolist()


@Language.factory("kg_context", default_config={"termset": "negation", "extension_name": "negex"})
def make_context(nlp: Language, name: str, termset: str, extension_name: str) -> _Context:
    return _Context(nlp, name, context_rules()[termset], extension_name=extension_name)


@functools.lru_cache(maxsize=2)
def context_rules() -> dict:
    """The negation and hedging termsets, from ontology/context_rules.json."""
    data = json.loads(CONTEXT_RULES.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@functools.lru_cache(maxsize=2)
def get_nlp(lexicon_path: str | None = None, dictionaries: bool = True) -> Language:
    """The whole pipeline, built once per process."""
    nlp = spacy.blank("en")
    _customise_tokenizer(nlp)
    nlp.add_pipe("kg_sentences")
    nlp.add_pipe("kg_lexicon", config={"lexicon_path": lexicon_path, "dictionaries": dictionaries})
    nlp.add_pipe("kg_context", name="negex", config={"termset": "negation", "extension_name": "negex"})
    nlp.add_pipe("kg_context", name="hedge", config={"termset": "hedging", "extension_name": "hedged"})
    return nlp


def renew_nlp() -> None:
    """Let the next `get_nlp()` build a fresh pipeline (~0.3 s of CPU), freeing the old one.

    spaCy's vocabulary keeps every string and lexeme of every text it reads, and its tokenizer
    a cache entry for every new word: one process reading many papers grew ~290 KB a new paper
    (bench/memory.py). Workers end after a number of documents (kg.workers); an ingest in one
    process renews its pipeline as often instead. spaCy's memory zones would free the same per
    document, but they turn the tokenizer's cache off: +12 % of an ingest's CPU.
    """
    import gc

    from kg.memory import release

    get_nlp.cache_clear()
    gc.collect()  # the pipeline's components refer to it: a cycle
    release()
