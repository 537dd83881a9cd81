"""How many terminal cells text takes: :func:`cell_width`, :func:`char_width`, :func:`graphemes`.

A terminal draws text per grapheme cluster, the unit a reader sees as one character: ``é``
written as ``e`` plus a combining accent, a flag (two regional indicators), ``❤️`` (a heart
and the emoji variation selector) and ``👩‍💻`` (two emoji joined by a zero width joiner) each
take one place, two cells wide for emoji and CJK. Counting code points gets those wrong
(``👩‍💻`` as four cells, ``❤️`` as one), and a drawing measured that way is misaligned on
screen. The widths come from ``wcwidth``; for whole clusters they are the widths Textual
draws with (rich's ``cell_len``, which the core must not import).

:func:`clean` makes text safe to place on a grid of cells.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import wcwidth

__all__ = ["cell_width", "char_width", "clean", "graphemes"]


def graphemes(text: str) -> Iterable[str]:
    """The grapheme clusters of ``text``, in order; joined they give ``text`` back."""
    if text.isascii() and "\r" not in text:
        return text  # every ASCII character is a cluster of its own, except "\r\n"
    return _clusters(text)


@lru_cache(maxsize=4096)
def _clusters(text: str) -> tuple[str, ...]:
    # A drawing puts the same borders and wrapped lines on its grid at every redraw.
    return tuple(wcwidth.iter_graphemes(text))


@lru_cache(maxsize=8192)
def char_width(char: str) -> int:
    """Number of terminal cells one character takes (0, 1 or 2).

    ``char`` is one code point or one grapheme cluster (an item of :func:`graphemes`).
    A control character counts as one cell: :func:`clean` puts a space in its place.
    """
    if len(char) == 1 and unicodedata.category(char) == "Cc":
        return 1
    width = wcwidth.wcswidth(char)
    if width < 0:  # a control character inside a cluster
        return sum(map(char_width, char))
    return min(width, 2)


def cell_width(text: str) -> int:
    """Display width of ``text`` in terminal cells."""
    if text.isascii():
        return len(text)
    return sum(map(char_width, graphemes(text)))


def clean(text: str) -> str:
    """Text safe to place on a grid: control characters become spaces."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Cc":
            out.append(" ")
        elif cat == "Cs":
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)
