"""Fitting text into a number of terminal cells: :func:`wrap`, :func:`truncate`, :func:`shorten`.

``textwrap`` counts characters; a drawing needs display cells (see
:mod:`patroon_tui.core.cells`), so these are written by hand. A word is cut only when it
cannot fit a line; a cut between two letters gets a hyphen (``gemeenschappelij-`` /
``kheid``) so the reader sees the word goes on. Text is cut between grapheme clusters, never
inside one (an accent stays on its letter, ``👩‍💻`` stays whole).
"""

from __future__ import annotations

import re
from functools import lru_cache

from patroon_tui.core.cells import cell_width, char_width, graphemes

__all__ = ["label_lines", "shorten", "truncate", "wrap"]

_HYPHEN_MIN_WIDTH = 4  # a hyphen in a narrower line leaves fewer than three letters beside it
_FILL_MIN_WIDTH = 6  # a cut word starts on a line with words only if five letters fit there
_TAIL_MIN = 5  # characters a cut word keeps on its last line, where possible
_AFTER_HYPHEN = re.compile(r"(?<=-)(?=[^-])")


def _chunks(word: str, width: int, first: int) -> list[str]:
    """A word too long for a line, cut into pieces: the first of at most ``first`` cells
    (the room left on the current line), the others of at most ``width``.

    A cut between two letters gets a hyphen. No hyphen is added in very narrow lines, or
    next to a wide character (CJK is written without them).
    """
    pieces: list[str] = []
    rest = list(graphemes(word))
    limit = first
    while sum(map(char_width, rest)) > limit:
        fit, fw = 0, 0  # how many characters fit in ``limit`` cells
        for ch in rest:
            w = char_width(ch)
            if fw + w > limit:
                break
            fit += 1
            fw += w
        if limit >= _HYPHEN_MIN_WIDTH and fit >= 3 and _joinable(rest[fit - 2], rest[fit - 1]):
            cut, mark = fit - 1, "-"  # one cell less, for the hyphen
            # Leave more than a stub (``id)``) for the last line of the word.
            short = _TAIL_MIN - len(rest[cut:])
            if short > 0 and cut - short >= 3 and _joinable(rest[cut - short - 1], rest[cut - short]):
                cut -= short
        else:
            cut, mark = max(fit, 1), ""
        pieces.append("".join(rest[:cut]) + mark)
        rest = rest[cut:]
        limit = width
    pieces.append("".join(rest))
    return pieces


def _joinable(before: str, after: str) -> bool:
    """A hyphen may go between ``before`` and ``after``: two letters or digits, not wide."""
    return (
        before.isalnum()
        and after.isalnum()
        and char_width(before) == 1
        and char_width(after) == 1
    )


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by display width; a word is cut only when it cannot fit a line."""
    return list(_wrap_cached(text, max(width, 2)))


@lru_cache(maxsize=1024)
def _wrap_cached(text: str, width: int) -> tuple[str, ...]:
    # fitting a drawing to a height plans it several times with the same box width
    lines: list[str] = []
    cur, cw = "", 0
    for word, ww in _measured_words(text):
        if ww > width:
            # Too long for any line: break it after its own hyphens first; a part that
            # still does not fit is cut, filling the current line when a few letters fit.
            sep = " " if cur else ""
            for part in filter(None, _AFTER_HYPHEN.split(word)):
                pw = cell_width(part)
                if cw + len(sep) + pw <= width:
                    cur += sep + part
                    cw += len(sep) + pw
                elif pw <= width:
                    lines.append(cur)
                    cur, cw = part, pw
                else:
                    room = width - cw - len(sep)
                    if cur and room < _FILL_MIN_WIDTH:
                        lines.append(cur)
                        cur, sep, room = "", "", width
                    head, *pieces = _chunks(part, width, first=room)
                    lines.append(cur + sep + head)
                    lines.extend(pieces[:-1])
                    cur = pieces[-1]
                    cw = cell_width(cur)
                sep = ""
        elif not cur:
            cur, cw = word, ww
        elif cw + 1 + ww <= width:
            cur += " " + word
            cw += 1 + ww
        else:
            lines.append(cur)
            cur, cw = word, ww
    if cur:
        lines.append(cur)
    return tuple(lines)


@lru_cache(maxsize=256)
def _measured_words(text: str) -> tuple[tuple[str, int], ...]:
    # a drawing wraps the same text at several widths while it looks for the best fit
    return tuple((word, cell_width(word)) for word in text.split())


def truncate(text: str, width: int, ellipsis: str = "…") -> str:
    """``text`` cut to ``width`` cells, ending in ``ellipsis`` when it was cut."""
    if cell_width(text) <= width:
        return text
    limit = width - cell_width(ellipsis)
    if limit < 0:
        return ""
    out, w = "", 0
    for ch in graphemes(text):
        cw = char_width(ch)
        if w + cw > limit:
            break
        out += ch
        w += cw
    return out.rstrip() + ellipsis


def shorten(lines: list[str], k: int, width: int) -> list[str]:
    """The first ``k`` lines, the last one ending in ``…`` when lines were left out."""
    if len(lines) <= k:
        return lines
    head = lines[:k]
    last = head[-1]
    while cell_width(last) + 2 > width and " " in last:
        last = last.rsplit(" ", 1)[0]
    head[-1] = last + " …" if cell_width(last) + 2 <= width else truncate(last + "…", width)
    return head


def label_lines(number: int, text: str, width: int, label_width: int) -> list[str]:
    """``"3  text"`` wrapped to ``width``, continuation lines indented under the text."""
    label = f"{number:<{label_width}}  "
    body = wrap(text, width - len(label))
    if not body:
        return [label.rstrip()]
    pad = " " * len(label)
    return [label + body[0]] + [pad + line for line in body[1:]]
