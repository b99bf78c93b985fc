"""Small generators of hostile PDFs (issue 11): each a few KB to a few MB on disk, built in
well under a second, that would cost a naive reader gigabytes or hours. Used by
tests/test_reliability.py and bench/pdf_limits.py; nothing here is committed as a file.

- `content_bomb`: a page whose FlateDecode content stream inflates to `mb` MB (~1000:1);
- `image_bomb`: a page drawing an image whose FlateDecode data inflates to `mb` MB;
- `text_ops`: a page with `n` one-glyph text-showing operators (each a glyph object);
- `nested_forms`: a chain of `depth` Form XObjects, each drawing the next;
- `nested_arrays`: a page dictionary holding an array nested `depth` deep;
- `many_pages`: `n` distinct pages, each with one line of text;
- `lying_count`: a page tree whose /Count says 1 while it holds `n` pages.
"""

from __future__ import annotations

import struct
import zlib

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
LINE = b"Grade 3 neutropenia occurred in 2 of 20 patients after the second cycle of treatment."


def pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF from its objects (1 = catalog, 2 = pages, ...) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def stream(data: bytes, attrs: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(data), attrs, data)


def flate_of_repeated(byte: bytes, mb: int) -> bytes:
    """A zlib stream of `mb` MiB of one byte, built from one compressed MiB repeated (a full
    flush makes each block independent), with the right Adler-32: no gigabytes compressed."""
    c = zlib.compressobj(9)
    chunk = byte * (1 << 20)
    first = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    n, v = mb << 20, byte[0]
    a = (1 + n * v) % 65521
    b = (n + v * (n * (n + 1) // 2)) % 65521
    return first + block * (mb - 1) + b"\x03\x00" + struct.pack(">I", (b << 16) | a)


def _text(lines: list[bytes], y: int = 720) -> bytes:
    return b"BT /F1 10 Tf 72 %d Td 12 TL " % y + b" ".join(b"(%s) '" % ln for ln in lines) + b" ET"


_TEXT = _text([b"A pilot trial under a hostile page", b"Results", LINE, LINE])


def _one_page(contents: bytes, extra_objects: list[bytes] = (), resources: bytes = b"") -> bytes:
    """Catalog, pages, one page (object 3) drawing `contents` (object 4), Helvetica (5), then extras (6...)."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> %s >> >>" % resources,
                contents, _FONT, *extra_objects])


def content_bomb(mb: int = 2048, bad_checksum: bool = False) -> bytes:
    """One page whose content stream is `mb` MiB of spaces, deflated (~1 KB per MiB); with
    `bad_checksum`, its Adler-32 is wrong (pdfminer then salvages the stream byte by byte)."""
    data = flate_of_repeated(b" ", mb)
    if bad_checksum:
        data = data[:-4] + bytes(4)
    return _one_page(stream(data, b"/Filter /FlateDecode "))


def image_bomb(mb: int = 2048) -> bytes:
    """One page of text and an 8-bit grey image of `mb` MiB (32768 pixels wide), deflated."""
    image = stream(flate_of_repeated(b"\x00", mb), b"/Type /XObject /Subtype /Image /Width 32768 /Height %d "
                   b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode " % (mb * 32))
    return _one_page(stream(b"q 400 0 0 300 100 100 cm /Im1 Do Q " + _TEXT), [image],
                     b"/XObject << /Im1 6 0 R >>")


def text_ops(n: int = 3_000_000) -> bytes:
    """One page with `n` glyphs, each its own text-showing operator on a grid, deflated."""
    ops = b"BT /F1 1 Tf " + b"(a) Tj 0.1 0 Td " * n + b"ET " + _TEXT
    return _one_page(stream(zlib.compress(ops, 6), b"/Filter /FlateDecode "))


def nested_forms(depth: int = 5000) -> bytes:
    """A page drawing form 6, which draws form 7, ... `depth` forms deep."""
    forms = []
    for i in range(depth):
        obj = 6 + i
        body = b"/Fm%d Do" % (obj + 1) if i + 1 < depth else _TEXT
        res = b"/Resources << /Font << /F1 5 0 R >> /XObject << /Fm%d %d 0 R >> >> " % (obj + 1, obj + 1) \
            if i + 1 < depth else b"/Resources << /Font << /F1 5 0 R >> >> "
        forms.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + res))
    return _one_page(stream(b"/Fm6 Do " + _TEXT), forms, b"/XObject << /Fm6 6 0 R >>")


def nested_arrays(depth: int = 200_000) -> bytes:
    """A page whose dictionary holds `[[[[...]]]]`, `depth` deep, beside ordinary text."""
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> /Junk " + b"[" * depth + b"]" * depth + b" >>")
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
                stream(_TEXT), _FONT])


def many_pages(n: int = 20_000, count: int | None = None) -> bytes:
    """`n` pages, each a page object of its own sharing one content stream; /Count says
    `count` (default: the truth)."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
    pages = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
             b"/Resources << /Font << /F1 4 0 R >> >> >>"] * n
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n if count is None else count),
                stream(_TEXT), _FONT, *pages])


def lying_count(n: int = 20_000) -> bytes:
    """`many_pages` whose /Count claims a single page."""
    return many_pages(n, count=1)


HOSTILE = {
    "content-bomb": content_bomb,
    "image-bomb": image_bomb,
    "text-ops": text_ops,
    "nested-forms": nested_forms,
    "nested-arrays": nested_arrays,
    "many-pages": many_pages,
    "lying-count": lying_count,
}
