"""Readers: one module per source kind, each turning a file into a `Document`.

`read(path)` picks the reader from the file name (and, for `.txt`, from the content:
a library catalogue export is told apart from an article's text).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.errors import ReaderError
from kg.model import Document

SUFFIXES = {".txt", ".md", ".markdown", ".text", ".pdf", ".xml", ".nxml"}


def doc_id(path: str | Path) -> str:
    """The document id: the file name without any of its extensions."""
    return Path(path).name.split(".")[0]


def load_bytes(path: str | Path) -> tuple[bytes, str]:
    """The file's bytes and their sha256; an empty or unreadable file is a ReaderError."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ReaderError(str(path), e.strerror or str(e)) from None
    if not data.strip():
        raise ReaderError(str(path), "empty file")
    return data, hashlib.sha256(data).hexdigest()


def decode_utf8(path: str | Path, data: bytes) -> str:
    """Decode a text source strictly; binary or non-UTF-8 bytes are a ReaderError."""
    if b"\x00" in data[:4096]:
        raise ReaderError(str(path), "binary content, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ReaderError(str(path), f"not UTF-8 text (byte {e.start}: {data[e.start:e.start + 1]!r})") from None
    if text.startswith("\ufeff"):
        raise ReaderError(str(path), "starts with a byte-order mark; save as UTF-8 without BOM")
    return text


def kind_of(path: str | Path, head: bytes = b"") -> str:
    """Which reader a file needs: pdf, jats, record or text."""
    name = Path(path).name.lower()
    if name.endswith(".pdf") or head.startswith(b"%PDF"):
        return "pdf"
    if name.endswith((".xml", ".nxml")):
        return "jats"
    if ".record." in name or _looks_like_record(head):
        return "record"
    return "text"


def _looks_like_record(head: bytes) -> bool:
    from kg.readers.record import looks_like_record

    return looks_like_record(head)


def read(path: str | Path) -> Document:
    """Read one source file into a Document, or raise ReaderError naming it and why."""
    p = Path(path)
    if not p.is_file():
        raise ReaderError(str(path), "no such file")
    with p.open("rb") as f:
        head = f.read(65536)
    kind = kind_of(p, head)
    if kind == "pdf":
        from kg.readers.pdf import read_pdf as reader
    elif kind == "jats":
        from kg.readers.jats import read_jats as reader
    elif kind == "record":
        from kg.readers.record import read_record as reader
    else:
        from kg.readers.text import read_text as reader
    return reader(p)


def iter_sources(paths: list[str | Path]) -> list[Path]:
    """Expand files and folders into the source files to ingest, in a stable order."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                              and f.name.lower() not in ("readme.md", "readme.txt", "licence.md", "license.md")))
        else:
            out.append(p)
    return out
