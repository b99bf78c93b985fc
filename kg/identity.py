"""Document ids: one per source file, never shared silently, and their IRI form.

A file given by name is known by its name without its source extension (`PMC1173136.txt`
→ `PMC1173136`; `trial.v1.txt` → `trial.v1`; `x.record.txt` → `x`); a file found in a
folder by its path relative to that folder without the extension (`a/paper.pdf` →
`a/paper`), so two `paper.txt` in two subfolders stay two documents. Unicode is kept in
the id; only the graph IRI percent-encodes what an IRI may not hold, injectively, so
`my paper` and `my-paper` stay apart.
"""

from __future__ import annotations

import os

# Extensions that name a source kind (lower case); `.record` before one marks a catalogue record.
SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".pdf", ".xml", ".nxml")
_RECORD_MARK = ".record"
# Graph names the store itself uses (kg/graph/store.py): a document called so is encoded apart.
RESERVED = frozenset({"lexicon", "ontology"})
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")


def strip_source_suffix(name: str) -> str:
    """`paper.txt` → `paper`, `x.record.txt` → `x`, `trial.v1.pdf` → `trial.v1`; other names as they are."""
    low = name.lower()
    for suffix in SOURCE_SUFFIXES:
        if low.endswith(suffix) and len(name) > len(suffix):
            name, low = name[: -len(suffix)], low[: -len(suffix)]
            if low.endswith(_RECORD_MARK) and len(name) > len(_RECORD_MARK):
                name = name[: -len(_RECORD_MARK)]
            break
    return name


def printable(s: str) -> str:
    """`s` with bytes that were not UTF-8 in a file name (surrogate escapes) written as %XX, so
    the string can be stored and printed."""
    if s.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in s):
        return s
    return "".join(f"%{ord(ch) - 0xDC00:02X}" if "\udc80" <= ch <= "\udcff" else ch for ch in s)


def doc_id(path: str | os.PathLike, root: str | os.PathLike | None = None) -> str:
    """The id of a source file: relative to `root` when it was found in that folder, else its name."""
    from pathlib import PurePath  # (imported where needed: readers' start-up does without pathlib)

    p = PurePath(path)
    if root is not None:
        try:
            rel = p.relative_to(root)
        except ValueError:
            rel = PurePath(p.name)
    else:
        rel = PurePath(p.name)
    parts = list(rel.parts)
    parts[-1] = strip_source_suffix(parts[-1])
    return printable("/".join(parts))


def iri_segment(doc: str) -> str:
    """The id as an IRI path: unreserved ASCII, `/` and letters or digits of any script kept,
    everything else percent-encoded (`%` too, so that the encoding is one-to-one). The names
    of the store's own graphs get their first letter encoded, so no document replaces them."""
    out = []
    for i, ch in enumerate(doc):
        if i == 0 and doc in RESERVED:
            out.append(f"%{ord(ch):02X}")
        elif ch in _UNRESERVED or (ord(ch) >= 0xA0 and ch.isalnum()):
            out.append(ch)
        else:
            try:
                data = ch.encode("utf-8")
            except UnicodeEncodeError:
                data = ch.encode("utf-8", "surrogatepass")
            out.append("".join(f"%{b:02X}" for b in data))
    return "".join(out) or "%20"


def id_of_segment(segment: str) -> str:
    """The inverse of `iri_segment`."""
    if "%" not in segment:
        return segment
    from urllib.parse import unquote  # (with ipaddress: ~2 ms of a reader's start-up, needed for few ids)

    return unquote(segment, errors="surrogatepass")


def source_path(path: str | os.PathLike) -> str:
    """The absolute path of a source, as stored with its document (to tell two sources apart)."""
    return printable(os.path.abspath(os.fspath(path)))


def check_stored_source(store, document) -> None:
    """Refuse to overwrite a stored document that came from another file with other content.

    Same path, or same bytes (a moved or copied folder) is the same document; anything else
    under one id would silently replace a paper by another. `--force` skips this check.
    """
    from kg.errors import ReaderError

    here = source_path(document.source_path)
    other = store.document_of_source(here)
    if other is not None and other != document.id:
        raise ReaderError(document.source_path,
                          f"this file is already in the store as document '{other}' (ingested from another folder); "
                          "ingest the same folder as before, or use --force to store it under both ids")
    stored = store.document_source(document.id)
    if stored is None:
        return
    path, sha = stored
    if path is None or path == here or sha == document.sha256:
        return
    raise ReaderError(document.source_path,
                      f"document id '{document.id}' is already in the store from {path}; rename one of the files, "
                      "ingest their common folder so that the ids keep their subfolders, or use --force to replace it")


def describe(path: str | os.PathLike) -> str:
    """What a path that is not a regular file is, for an error line."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        return e.strerror or str(e)
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return f"not a regular file ({name})"
    return "not a regular file"
