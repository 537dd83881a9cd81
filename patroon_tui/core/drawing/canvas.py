"""A grid of terminal cells to draw on (:class:`Canvas`), and the line glyphs drawn with.

A wide character (CJK, emoji) fills its cell and the next, which is left empty, so every
row of the grid is as many cells wide on screen as it has places. :data:`UNICODE` draws
with box-drawing characters and arrows, :data:`ASCII` with ``+ - | > < ^ v``.
"""

from __future__ import annotations

from dataclasses import dataclass

from patroon_tui.core.drawing.cells import char_width, graphemes

__all__ = ["ASCII", "UNICODE", "Canvas", "Glyphs"]


class Canvas:
    """A grid of terminal cells; a wide character fills its cell and the next (left empty)."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.cells = [[" "] * width for _ in range(height)]

    def put(self, x: int, y: int, text: str) -> None:
        """Write ``text`` from cell ``x`` of row ``y``; what falls outside the grid is dropped."""
        if not 0 <= y < self.height:
            return
        row = self.cells[y]
        # Per grapheme cluster, not per code point: ``👩‍💻`` takes one place of two cells.
        for ch in graphemes(text):
            w = char_width(ch)
            if w == 0:
                # a combining mark belongs to the cell before it
                back = x - 1
                while back > 0 and row[back] == "":
                    back -= 1
                if 0 <= back < self.width:
                    row[back] += ch
                continue
            if 0 <= x and x + w <= self.width:
                row[x] = ch
                if w == 2:
                    row[x + 1] = ""
            x += w

    def lines(self) -> list[str]:
        """The rows as text, without trailing spaces."""
        return ["".join(row).rstrip() for row in self.cells]


@dataclass(frozen=True)
class Glyphs:
    """The characters a drawing is made of."""

    tl: str
    tr: str
    bl: str
    br: str
    h: str
    v: str
    ph: str  # placeholder box edges
    pv: str
    right: str
    left: str
    up: str
    down: str
    chain_down: str
    chain_back: str


UNICODE = Glyphs(*"┌┐└┘─│┄┆▶◀▲▼↓↺")
ASCII = Glyphs(*"++++-|-|><^vv^")
