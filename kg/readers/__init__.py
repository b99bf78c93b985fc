"""Readers: one module per source kind, each turning a file into a `Document`.

`iter_sources(paths)` expands files and folders into `Source`s (a path, its document id,
and a one-line error when it must not be read: an id another input already has, a
symbolic link out of the folder, an unreadable folder). `read(source)` checks what the
file is before reading it (a regular file, under the size limit, its kind sniffed from
its first bytes) and picks the reader from its name and those bytes.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ReaderError
from kg.identity import SOURCE_SUFFIXES, describe, printable
from kg.identity import doc_id as _doc_id
from kg.model import Document

SUFFIXES = set(SOURCE_SUFFIXES)
_SKIPPED_NAMES = ("readme.md", "readme.txt", "licence.md", "license.md")
MB = 1024 * 1024
# Size limits by kind: a PDF carries images and fonts, a text or XML file only text.
MAX_BYTES = {"pdf": 200 * MB, "jats": 50 * MB, "record": 50 * MB, "text": 50 * MB}
# Pages a PDF may have (--max-pages): a paper has 5-40, a thesis up to ~300; the reader's
# time grows with the pages.
MAX_PAGES = 300
# First bytes of binary formats that are never a paper's text.
_BINARY_MAGIC = {b"PK\x03\x04": "a ZIP archive", b"\x1f\x8b": "gzip data", b"\x89PNG": "a PNG image",
                 b"\xff\xd8\xff": "a JPEG image", b"\x7fELF": "an executable", b"GIF8": "a GIF image",
                 b"BZh": "bzip2 data", b"\xfd7zXZ": "xz data", b"7z\xbc\xaf": "a 7-Zip archive",
                 b"\xd0\xcf\x11\xe0": "an MS Office file", b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image"}


def doc_id(path: str | Path, root: str | Path | None = None) -> str:
    """The document id: the path relative to `root` (else the file name) without its source extension."""
    return _doc_id(path, root)


@dataclass(frozen=True)
class Source:
    """One input of an ingest: a file, the id its document gets, and why not to read it (if so).

    It behaves as a path (`str()`, `os.fspath()`), so code that took paths takes it."""

    path: Path
    id: str
    error: str | None = None
    max_bytes: int | None = None  # None: the kind's default (MAX_BYTES)
    max_pages: int | None = None  # None: MAX_PAGES

    def __fspath__(self) -> str:
        return os.fspath(self.path)

    def __str__(self) -> str:
        return printable(str(self.path))


def load_bytes(path: str | Path) -> tuple[bytes, str]:
    """The file's bytes and their sha256; an empty or unreadable file is a ReaderError."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ReaderError(printable(str(path)), e.strerror or str(e)) from None
    if not data.strip():
        raise ReaderError(printable(str(path)), "empty file")
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


def sniff_binary(head: bytes) -> str | None:
    """What binary format the first bytes show, or None: a text source is refused from its
    first bytes, before the whole file is read."""
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return what
    if b"\x00" in head[:4096]:
        return "binary content"
    return None


def human_size(n: int) -> str:
    for unit, size in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} bytes"


def read(path: str | Path | Source) -> Document:
    """Read one source file into a Document, or raise ReaderError naming it and why."""
    src = path if isinstance(path, Source) else None
    name = str(path)
    if src is not None and src.error:
        raise ReaderError(name, src.error)
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise ReaderError(name, "no such file") from None
    except OSError as e:
        raise ReaderError(name, e.strerror or str(e)) from None
    if not stat.S_ISREG(st.st_mode):
        raise ReaderError(name, describe(p))
    try:
        with p.open("rb") as f:
            head = f.read(65536)
    except OSError as e:
        raise ReaderError(name, e.strerror or str(e)) from None
    kind = kind_of(p, head)
    limit = (src.max_bytes if src is not None and src.max_bytes else None) or MAX_BYTES[kind]
    if st.st_size > limit:
        raise ReaderError(name, f"{human_size(st.st_size)}, over the {human_size(limit)} limit for "
                                f"{'PDF' if kind == 'pdf' else 'text and XML'} files (--max-bytes sets it)")
    if kind != "pdf":
        what = sniff_binary(head)
        if what == "binary content":
            raise ReaderError(name, "binary content, not text")
        if what:
            raise ReaderError(name, f"{what}, not text")
    if kind == "pdf":
        from kg.readers.pdf import read_pdf

        pages = (src.max_pages if src is not None else None) or MAX_PAGES

        def reader(p: Path) -> Document:
            return read_pdf(p, max_pages=pages)
    elif kind == "jats":
        from kg.readers.jats import read_jats as reader
    elif kind == "record":
        from kg.readers.record import read_record as reader
    else:
        from kg.readers.text import read_text as reader
    try:
        document = reader(p)
    except OSError as e:  # a disk or permission error part-way through a reader
        raise ReaderError(name, e.strerror or str(e)) from None
    if src is not None:
        document.id = src.id
    return document


def iter_sources(paths: list[str | Path | Source], *, follow_symlinks: bool = False,
                 max_bytes: int | None = None, max_pages: int | None = None) -> list[Source]:
    """Expand files and folders into the sources to ingest, in a stable order.

    A file found in a folder is known by its path relative to that folder; a file named
    directly by its name. A second input with an id already taken, a symbolic link that
    leads out of its folder (unless `follow_symlinks`) and a folder that cannot be read
    become sources carrying their error, so the ingest reports each in one line and goes
    on. The same file reached twice is read once.
    """
    out: list[Source] = []
    for raw in paths:
        if isinstance(raw, Source):
            out.append(raw)
            continue
        p = Path(raw)
        if p.is_dir():
            found = _walk(p, follow_symlinks, max_bytes, max_pages)
            out.extend(found or [Source(p, "", error="no documents to read in this folder (files ending "
                                        f"{' '.join(SOURCE_SUFFIXES)})")])
        else:
            out.append(Source(p, doc_id(p), max_bytes=max_bytes, max_pages=max_pages))
    return _deduplicate(out)


def _walk(root: Path, follow_symlinks: bool, max_bytes: int | None, max_pages: int | None) -> list[Source]:
    """The source files under one folder, sorted, with links out of it and unreadable folders as errors."""
    found: list[Source] = []
    real_root = os.path.realpath(root)
    seen_dirs: set[str] = set()

    def inside(target: str) -> bool:
        return target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)

    def on_error(e: OSError) -> None:
        where = Path(e.filename) if e.filename else root
        found.append(Source(where, "", error=f"cannot read folder ({e.strerror or e})"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen_dirs:  # a link back to a folder already walked: no loop
            dirnames[:] = []
            continue
        seen_dirs.add(real)
        keep = []
        for d in sorted(dirnames):
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                target = os.path.realpath(full)
                if not follow_symlinks and not inside(target):
                    found.append(Source(Path(full), "", error="symbolic link to a folder outside "
                                        f"{root}; not followed (use --follow-symlinks to read it)"))
                    continue
                if not follow_symlinks:
                    continue  # a link within the folder: its files are reached directly
            keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            if not name.lower().endswith(tuple(SUFFIXES)) or name.lower() in _SKIPPED_NAMES:
                continue
            full = Path(dirpath) / name
            if os.path.islink(full) and not follow_symlinks and not inside(os.path.realpath(full)):
                found.append(Source(full, doc_id(full, root), error="symbolic link to a file outside "
                                    f"{root}; not read (use --follow-symlinks to read it)"))
                continue
            found.append(Source(full, doc_id(full, root), max_bytes=max_bytes, max_pages=max_pages))
    return sorted(found, key=lambda s: str(s.path))


def _deduplicate(sources: list[Source]) -> list[Source]:
    """One source per file; a second file with an id already taken becomes an error."""
    def real(s: Source) -> str:
        try:
            return os.path.realpath(s.path)
        except (OSError, ValueError):
            return str(s.path)

    # a file reached both directly and by a link is known by its own path
    direct = {real(s) for s in sources if not s.error and not os.path.islink(s.path)}
    out: list[Source] = []
    files: set[str] = set()
    owner: dict[str, Source] = {}
    for s in sources:
        if s.error:
            out.append(s)
            continue
        r = real(s)
        if r in files or (r in direct and os.path.islink(s.path)):
            continue
        files.add(r)
        first = owner.get(s.id)
        if first is not None:
            out.append(Source(s.path, s.id, error=f"same document id '{s.id}' as {first} in this batch; rename "
                              "one, or ingest their common folder so that the ids keep their subfolders"))
            continue
        owner[s.id] = s
        out.append(s)
    return out
