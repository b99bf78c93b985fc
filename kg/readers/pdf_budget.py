"""What one PDF may cost the reader: the decoded size of a stream and the objects a page draws.

A PDF is a program: 2 MB of deflated spaces inflate to 2 GB (pdfminer inflates a stream
whole, with no bound), and 90 KB of deflated `(a) Tj` operators draw three million glyphs,
each a pdfminer object and a pdfplumber dict (about 1 KB apiece). Both are refused here
with a `BudgetExceeded` that says which limit and where, long before the worker's
address-space limit would end the read with a bare "out of memory". Real papers stay far
below: in the five publisher PDFs of ../shared/realworld the largest decoded stream is
2.0 MB and the busiest page draws 7,804 objects.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Iterator
from typing import Any

MB = 1024 * 1024
MAX_STREAM_BYTES = 64 * MB  # decoded size of any one stream (a content stream, font, form)
MAX_PAGE_OBJECTS = 100_000  # glyphs, paths and images one page may draw (~15 s and ~150 MB at most)


class BudgetExceeded(Exception):
    """A PDF asked for more than the reader allows; `reason` is the one-line why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _inflate(data: bytes, limit: int) -> bytes:
    """zlib.decompress that stops at `limit` bytes instead of allocating whatever the stream says."""
    d = zlib.decompressobj()
    out = d.decompress(data, limit + 1)
    if len(out) > limit:
        raise BudgetExceeded(f"a stream inflates to over {limit // MB} MB (a decompression bomb?)")
    if not d.eof:
        raise zlib.error("incomplete or truncated stream")  # what zlib.decompress says: pdfminer salvages
    return out


def _inflate_salvaging(data: bytes, limit: int) -> bytes:
    """pdfminer's `decompress_corrupted` (a stream whose checksum is bad) in linear time and
    bounded: the library's feeds one byte at a time onto a growing bytes object."""
    d = zlib.decompressobj()
    out = d.decompress(data[:-3], limit + 1)  # an error before the checksum propagates, as in pdfminer
    for i in range(max(0, len(data) - 3), len(data)):
        if len(out) > limit:
            break
        try:
            out += d.decompress(data[i:i + 1], limit + 1 - len(out))
        except zlib.error:
            break
    if len(out) > limit:
        raise BudgetExceeded(f"a stream inflates to over {limit // MB} MB (a decompression bomb?)")
    return out


class _BoundedZlib:
    """Stands in for the `zlib` module inside pdfminer.pdftypes while a PDF is read."""

    error = zlib.error

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def decompress(self, data: bytes) -> bytes:
        return _inflate(data, self.limit)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


@contextlib.contextmanager
def bounded_streams(limit: int | None = None) -> Iterator[None]:
    """While it is open, pdfminer inflates no stream past `limit` bytes (MAX_STREAM_BYTES)."""
    from pdfminer import pdftypes

    limit = limit or MAX_STREAM_BYTES

    saved = pdftypes.zlib, pdftypes.decompress_corrupted
    pdftypes.zlib = _BoundedZlib(limit)  # type: ignore[assignment]
    pdftypes.decompress_corrupted = lambda data: _inflate_salvaging(data, limit)
    try:
        yield
    finally:
        pdftypes.zlib, pdftypes.decompress_corrupted = saved


def lay_out(page: Any, limit: int | None = None) -> None:
    """Build a pdfplumber page's layout (what `page.chars` and `page.objects` read) with a
    device that stops after `limit` drawn objects (MAX_PAGE_OBJECTS), and cache it on the
    page as pdfplumber does; the page's number is in the error."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    limit = limit or MAX_PAGE_OBJECTS

    class Budgeted(PDFPageAggregatorWithMarkedContent):
        drawn = 0

        def _count(self) -> None:
            self.drawn += 1
            if self.drawn > limit:
                raise BudgetExceeded(f"page {page.page_number} draws over {limit:,} objects (glyphs, paths, "
                                     "images)")

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self._count()
            return super().render_char(*args, **kwargs)

        def render_image(self, *args: Any, **kwargs: Any) -> None:
            self._count()
            super().render_image(*args, **kwargs)

        def paint_path(self, *args: Any, **kwargs: Any) -> None:
            self._count()
            super().paint_path(*args, **kwargs)

    device = Budgeted(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()  # pdfplumber's own cache of the layout


def cause(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    """The exception of `kind` behind `exc` (pdfplumber wraps pdfminer's errors), if any."""
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        if isinstance(e, kind):
            return e
        seen.add(id(e))
        e = e.__cause__ or e.__context__ or (e.args[0] if e.args and isinstance(e.args[0], BaseException) else None)
    return None
