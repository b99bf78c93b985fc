"""Give the C heap's free pages back to the operating system.

Oxigraph's bulk loader (in threads of its own) and spaCy allocate and free large buffers
through the C allocator; glibc keeps what they free in its arenas, so a long ingest's
resident memory rose with every batch although nothing was held (bench/memory.py: ~50 MB
of a 13 MB batch's loader buffers stayed resident). `release()` asks glibc to hand the free
pages back (malloc_trim); elsewhere (musl, macOS) it does nothing.
"""

from __future__ import annotations

import functools


@functools.cache
def _malloc_trim():
    import ctypes  # (here: a reader that imports the store need not load ctypes, ~1.5 ms)

    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def release() -> None:
    """Return the heap's free pages to the system (a few ms; after a batch or a document)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
