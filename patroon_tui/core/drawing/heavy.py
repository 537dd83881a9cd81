"""A drawing's lines made heavy, for a projector: ``┌─┐`` becomes ``┏━┓``.

:func:`heavy` turns the thin line glyphs of ``canvas.UNICODE`` into their heavy forms,
one cell for one cell, so a drawing keeps its layout (the highlight's spans, the
arrows) and only its lines get thicker; text and ASCII drawings are left as they are.
"""

from __future__ import annotations

__all__ = ["heavy"]

_HEAVY = str.maketrans("┌┐└┘─│┄┆", "┏┓┗┛━┃┅┇")


def heavy(line: str) -> str:
    """``line`` with every thin box-drawing glyph heavy."""
    return line.translate(_HEAVY)
