"""Text set sideways on a portrait page (a landscape table turned 90°), turned upright.

Publishers set wide tables sideways: the glyphs' text matrix is rotated, pdfplumber marks
them not `upright`, and a reader of upright words drops them silently. Here each sideways
glyph box (and each drawn line and box) is mapped into the frame in which that text reads
left to right, top to bottom, so the same layout and table steps read it as an upright
page of its own.
"""

from __future__ import annotations

from typing import Any

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def turn_box(box: Box, up: bool, width: float, height: float) -> Box:
    """A box of the page in the frame where the sideways text is upright.

    `up`: the text reads bottom to top (turned 90° anticlockwise); else top to bottom.
    """
    x0, top, x1, bottom = box
    if up:
        return height - bottom, x0, height - top, x1
    return top, width - x1, bottom, width - x0


def reads_up(char: dict[str, Any]) -> bool:
    """Whether a sideways glyph reads bottom to top (its matrix turns x towards -y on the page)."""
    matrix = char.get("matrix") or (1, 0, 0, 1, 0, 0)
    return matrix[1] > 0


def turned_chars(chars: list[dict[str, Any]], width: float, height: float) -> tuple[list[dict[str, Any]], bool]:
    """The page's sideways glyphs as upright ones in their own frame, and their direction.

    Only the direction most sideways glyphs share is taken (a page turns one way).
    """
    side = [c for c in chars if not c.get("upright", True)]
    if not side:
        return [], True
    up = sum(1 for c in side if reads_up(c)) * 2 >= len(side)
    out = []
    for c in side:
        if reads_up(c) != up:
            continue
        x0, top, x1, bottom = turn_box((c["x0"], c["top"], c["x1"], c["bottom"]), up, width, height)
        out.append({**c, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "upright": True,
                    "width": x1 - x0, "height": bottom - top})
    out.sort(key=lambda c: (round(c["top"]), c["x0"]))
    return out, up
