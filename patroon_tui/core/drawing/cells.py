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

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from types import ModuleType

__all__ = ["PLAIN", "cell_width", "char_width", "clean", "graphemes"]

#: Characters that are one cell and one cluster each, whatever surrounds them: printable
#: ASCII, Latin letters with their accents, Dutch quotation marks and dashes, arrows, box
#: drawing and the shapes a loop is drawn with (a test checks each against ``wcwidth``).
#: Text made of these alone is measured without ``wcwidth``, whose import alone costs some
#: 70 ms on the way to the first screen; anything else (a combining accent, an emoji, CJK,
#: a zero width joiner) is measured by ``wcwidth``.
PLAIN = re.compile(
    "[\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25f7]*"
)


def _wcwidth() -> ModuleType:
    import wcwidth

    return wcwidth


def _plain(text: str) -> bool:
    return (text.isascii() and "\r" not in text) or PLAIN.fullmatch(text) is not None


def graphemes(text: str) -> Iterable[str]:
    """The grapheme clusters of ``text``, in order; joined they give ``text`` back."""
    if _plain(text):
        return text  # every character is a cluster of its own (ASCII: except "\r\n")
    return _clusters(text)


@lru_cache(maxsize=4096)
def _clusters(text: str) -> tuple[str, ...]:
    # A drawing puts the same borders and wrapped lines on its grid at every redraw.
    return tuple(_wcwidth().iter_graphemes(text))


@lru_cache(maxsize=8192)
def char_width(char: str) -> int:
    """Number of terminal cells one character takes (0, 1 or 2).

    ``char`` is one code point or one grapheme cluster (an item of :func:`graphemes`).
    A control character counts as one cell: :func:`clean` puts a space in its place.
    """
    if len(char) == 1 and (unicodedata.category(char) == "Cc" or PLAIN.fullmatch(char)):
        return 1
    width = _wcwidth().wcswidth(char)
    if width < 0:  # a control character inside a cluster
        return sum(map(char_width, char))
    return min(width, 2)


def cell_width(text: str) -> int:
    """Display width of ``text`` in terminal cells."""
    if text.isascii() or PLAIN.fullmatch(text):
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
