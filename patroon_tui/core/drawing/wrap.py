"""Fitting text into a number of terminal cells: :func:`wrap`, :func:`truncate`, :func:`shorten`.

``textwrap`` counts characters; a drawing needs display cells (see
:mod:`patroon_tui.core.drawing.cells`), so these are written by hand. A word is cut only when it
cannot fit a line; a cut between two letters gets a hyphen (``gemeenschappelij-`` /
``kheid``) so the reader sees the word goes on. Text is cut between grapheme clusters, never
inside one (an accent stays on its letter, ``👩‍💻`` stays whole).

How far words are broken is a :class:`Breaking`: with the Dutch dictionary (from
:mod:`patroon_tui.core.drawing.hyphen`) a word too long for a line breaks between syllables
(``(gemeen-`` / ``schappelijkheid)``), and where room is short other words may break to fill
the end of a line (``organisa-`` / ``ties``) when that saves a line. A word with its own
hyphen is broken there first.
"""

from __future__ import annotations

import re
from enum import IntEnum
from functools import lru_cache

from patroon_tui.core.drawing import hyphen
from patroon_tui.core.drawing.cells import cell_width, char_width, graphemes

__all__ = ["Breaking", "label_lines", "shorten", "truncate", "wrap"]


class Breaking(IntEnum):
    """How far :func:`wrap` may break words at line ends."""

    CUT = 0
    """A word too long for a line is cut between any two letters (no dictionary needed)."""
    SYLLABLES = 1
    """Such a word breaks between syllables; other words stay whole."""
    FILL = 2
    """Other words also break between syllables, to fill lines, where that saves a line."""


_HYPHEN_MIN_WIDTH = 4  # a hyphen in a narrower line leaves fewer than three letters beside it
_FILL_MIN_WIDTH = 6  # a cut word starts on a line with words only if five letters fit there
_TAIL_MIN = 5  # characters a cut word keeps on its last line, where possible
_FILL_MIN_ROOM = 5  # a line ends in a broken word only if three letters and a hyphen fit
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


def _hyphen_pieces(word: str, width: int, first: int) -> list[str]:
    """A word too long for a line, broken at Dutch break points: the first piece of at
    most ``first`` cells, the others of at most ``width``, each but the last ending in a
    hyphen. Where no break point fits, the rest is cut as :func:`_chunks` cuts it."""
    points = hyphen.break_points(word)
    pieces: list[str] = []
    start, limit = 0, first
    while cell_width(word[start:]) > limit:
        best = _last_point_within(word, start, points, limit)
        if best is None:
            return pieces + _chunks(word[start:], width, first=limit)
        pieces.append(word[start:best] + "-")
        start, limit = best, width
    pieces.append(word[start:])
    return pieces


def _last_point_within(word: str, start: int, points: tuple[int, ...], room: int) -> int | None:
    """The last break point after ``start`` whose piece and hyphen fit ``room`` cells."""
    best = None
    for point in points:
        if point <= start:
            continue
        if cell_width(word[start:point]) + 1 > room:
            break
        best = point
    return best


def _fill_split(word: str, room: int) -> tuple[str, str] | None:
    """``word`` split so its first part fits the ``room`` left on a line: after its own
    hyphen, or at a Dutch break point with a hyphen added; ``None`` when neither fits."""
    own = [m.start() for m in _AFTER_HYPHEN.finditer(word)]
    best_own = max((p for p in own if cell_width(word[:p]) <= room), default=None)
    point = _last_point_within(word, 0, hyphen.break_points(word), room)
    if point is not None and (best_own is None or point > best_own):
        return word[:point] + "-", word[point:]
    if best_own is not None:
        return word[:best_own], word[best_own:]
    return None


def wrap(text: str, width: int, breaking: Breaking = Breaking.CUT) -> list[str]:
    """Greedy word wrap by display width; a word is cut only when it cannot fit a line.

    ``breaking`` says how words may be broken (see :class:`Breaking`); a broken word is
    harder to read than a ragged edge, so a way of breaking is used only where it gives
    fewer lines than the ways before it."""
    width = max(width, 2)
    cut = _wrap_cached(text, width, Breaking.CUT)
    if breaking == Breaking.CUT or len(cut) < 2:
        return list(cut)
    # Between equals: a long word broken at a syllable, then cut between any letters (in
    # very narrow lines no syllable may fit), then other words broken too.
    choices = [cut]
    if _longest_word(text) > width:
        choices.insert(0, _wrap_cached(text, width, Breaking.SYLLABLES))
    if breaking == Breaking.FILL:
        choices.append(_wrap_cached(text, width, Breaking.FILL))
    return list(min(choices, key=lambda lines: len(list(lines))))


@lru_cache(maxsize=1024)
def _wrap_cached(text: str, width: int, breaking: Breaking) -> tuple[str, ...]:
    # fitting a drawing to a height plans it several times with the same box width
    lines: list[str] = []
    cur, cw = "", 0
    words = list(_measured_words(text))
    words.reverse()  # a stack: a broken word's rest goes back on top
    while words:
        word, ww = words.pop()
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
                    if breaking >= Breaking.SYLLABLES:
                        head, *pieces = _hyphen_pieces(part, width, first=room)
                    else:
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
            room = width - cw - 1
            fill = breaking == Breaking.FILL and room >= _FILL_MIN_ROOM
            split = _fill_split(word, room) if fill else None
            if split is None:
                lines.append(cur)
                cur, cw = word, ww
            else:
                head, rest = split
                lines.append(f"{cur} {head}")
                cur, cw = "", 0
                words.append((rest, cell_width(rest)))
    if cur:
        lines.append(cur)
    return tuple(lines)


@lru_cache(maxsize=256)
def _measured_words(text: str) -> tuple[tuple[str, int], ...]:
    # a drawing wraps the same text at several widths while it looks for the best fit
    return tuple((word, cell_width(word)) for word in text.split())


@lru_cache(maxsize=256)
def _longest_word(text: str) -> int:
    return max((ww for _, ww in _measured_words(text)), default=0)


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


def label_lines(
    number: int, text: str, width: int, label_width: int, breaking: Breaking = Breaking.CUT
) -> list[str]:
    """``"3  text"`` wrapped to ``width``, continuation lines indented under the text."""
    label = f"{number:<{label_width}}  "
    body = wrap(text, width - len(label), breaking)
    if not body:
        return [label.rstrip()]
    pad = " " * len(label)
    return [label + body[0]] + [pad + line for line in body[1:]]
