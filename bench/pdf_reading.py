"""How well the PDF reader reads: kg's text against poppler's pdftotext, sentence by sentence.

For every PDF in a folder: the share of pdftotext's sentences (running headers and page
numbers removed first) that `kg text` holds whole, the same share for page 1 (where the
abstract is), the tables found with their row counts against the 'Table N' captions
pdftotext prints, and the title and year kg reads.

Sentences are compared on letters and digits only (spacing, punctuation, ligatures,
hyphens and glued citation marks set aside): what counts is that the words of the
sentence follow one another in kg's text, unbroken by other text.

    python bench/pdf_reading.py ../shared/realworld [--show N] [--ref DIR]

`--ref DIR` reads DIR/NAME.txt as the reference instead of running pdftotext (the
reference texts committed in tests/data are made by `reference_text` below).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MIN_WORDS = 4
_SENT_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z(\[])")
# Citation/affiliation marks glued to a word or after punctuation ('smokers.1,2', 'Thompson1*'):
# dropped from both texts before comparing, so kg is neither rewarded nor punished for them.
_MARK = re.compile(r"(?<=[A-Za-z.,;:)\]])[0-9]+(?:[,–-][0-9]+)*[*†‡§¶]*(?=\s|$)|(?:(?<=\s)|^)[0-9]{1,2}(?=[A-Z][a-z])")

# A bare list number ('24.'), which pdftotext prints beside its reference, not before it.
_LIST_NUMBER = re.compile(r"(?:(?<=\s)|^)\d{1,3}\.(?=\s|$)|^\d{1,3}(?= [A-Z])", re.MULTILINE)


def pdftotext(pdf: Path) -> str:
    """poppler's reading of the PDF (pages separated by form feeds)."""
    if not shutil.which("pdftotext"):
        sys.exit("pdftotext not found: apt-get install poppler-utils")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def reference_text(raw: str) -> str:
    """pdftotext's text without running headers, footers and page numbers; blocks kept."""
    pages = raw.split("\f")
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_key(ln) for ln in page.splitlines() if ln.strip()})
    need = max(3, len(pages) // 3)
    out: list[str] = []
    for page in pages:
        for ln in page.splitlines():
            s = ln.strip()
            if s and (counts[_key(s)] >= need or re.fullmatch(r"(page\s*)?\d{1,4}(\s*(of|/)\s*\d+)?", s, re.I)):
                continue
            out.append(s)
        out.append("\f")
    return "\n".join(out)


def sentences(ref: str) -> list[tuple[int, str]]:
    """(page, sentence) pairs: blocks joined into lines, split at sentence ends.

    Only prose counts: a piece must have MIN_WORDS words and end as a sentence ends, so
    table cells and headings (measured as tables and sections) are left out.
    """
    out: list[tuple[int, str]] = []
    for pno, page in enumerate(ref.split("\f")):
        for block in re.split(r"\n\s*\n", page):
            text = " ".join(block.split())
            for s in _SENT_END.split(text):
                if len(s.split()) >= MIN_WORDS and re.search(r"[a-z]{3}", s) and re.search(r"[.?!][)\]\"”’]?$", s):
                    out.append((pno, s))
    return out


def canon(text: str) -> str:
    """Letters and digits only, marks dropped: what 'holds whole' compares."""
    text = unicodedata.normalize("NFKC", text)
    text = _MARK.sub("", text)
    text = _LIST_NUMBER.sub(" ", text)
    return re.sub(r"[^0-9a-z]", "", text.lower())


def captions(ref: str) -> dict[str, int]:
    """'Table N' captions pdftotext prints at a line start, with their page."""
    out: dict[str, int] = {}
    for pno, page in enumerate(ref.split("\f")):
        for m in re.finditer(r"(?m)^Table\s+(\d+)\b(?!\s*(?:and|to|,|–|-)\s*\d)", page):
            out.setdefault(m.group(1), pno)
    return out


def measure(pdf: Path, ref_dir: Path | None, show: int) -> dict:
    """The figures for one PDF."""
    from kg.readers.pdf import read_pdf

    if ref_dir is not None:
        ref = (ref_dir / (pdf.stem + ".txt")).read_text(encoding="utf-8")
    else:
        ref = reference_text(pdftotext(pdf))
    t0 = time.perf_counter()
    doc = read_pdf(pdf)
    secs = time.perf_counter() - t0
    kg = canon(doc.text)
    sents = sentences(ref)
    missing = [(p, s) for p, s in sents if canon(s) and canon(s) not in kg]
    p1 = [s for p, s in sents if p == 0]
    p1_missing = [s for p, s in missing if p == 0]
    caps = captions(ref)
    found = {m.group(1) for t in doc.tables if (m := re.match(r"Table\s+(\d+)", t.caption))}
    res = {
        "pdf": pdf.name, "sentences": len(sents), "whole": len(sents) - len(missing),
        "p1": len(p1), "p1_whole": len(p1) - len(p1_missing),
        "tables": f"{len(found & set(caps))}/{len(caps)}",
        "rows": [len(t.rows) for t in doc.tables],
        "title": doc.metadata.title, "year": doc.metadata.year, "secs": secs,
    }
    print(f"{pdf.name}: sentences {res['whole']}/{res['sentences']} "
          f"({100 * res['whole'] / max(1, res['sentences']):.1f}%), page 1 {res['p1_whole']}/{res['p1']}, "
          f"tables {res['tables']} rows {res['rows']}, year {res['year']}, {secs:.1f}s\n  title: {res['title']}")
    for p, s in missing[:show]:
        print(f"    - p{p + 1}: {s[:160]}")
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--show", type=int, default=0, help="print up to N sentences kg does not hold whole")
    ap.add_argument("--ref", type=Path, default=None, help="folder of committed reference texts")
    ap.add_argument("--write-ref", type=Path, default=None, help="write cleaned pdftotext texts here")
    args = ap.parse_args()
    pdfs = sorted(args.folder.glob("*.pdf")) if args.folder.is_dir() else [args.folder]
    total = whole = 0
    for pdf in pdfs:
        if args.write_ref is not None:
            (args.write_ref / (pdf.stem + ".txt")).write_text(reference_text(pdftotext(pdf)), encoding="utf-8")
        r = measure(pdf, args.ref, args.show)
        total += r["sentences"]
        whole += r["whole"]
    print(f"all: {whole}/{total} ({100 * whole / max(1, total):.1f}%)")


if __name__ == "__main__":
    main()
