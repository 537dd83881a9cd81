"""A pattern drawn as a ring of boxes in plain text: ``draw_loop`` and ``LoopDrawing``.

Graph renderers lay a cycle out as a column with one back-edge; a workshop room must see at a
glance that a pattern goes round, so the steps are drawn as boxes on a ring (top row left to
right, down the right side, bottom row right to left, up the left side) joined by arrows that
all turn the same way, with the pattern's title and the kind of loop in the middle.

The drawing adapts to the space it gets: with room, every box shows its step's whole text;
with too little height the boxes show their first words and ``…`` and the highlighted step's
full text is written under the ring; below about 60 columns (or when even one-line boxes do
not fit) the ring becomes a vertical chain. Every line's display width stays within the width
asked for, counting wide characters (CJK, emoji) as two cells. The result is a pure function
of its arguments, so it can be cached, tested against text fixtures and shown by any front end.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

__all__ = [
    "CHAIN_TRUNCATE_WIDTH",
    "DEFAULT_MARKER",
    "LoopDrawing",
    "RING_MIN_WIDTH",
    "cell_width",
    "char_width",
    "draw_loop",
]

DEFAULT_MARKER = "↻ versterkende lus"
RING_MIN_WIDTH = 60
"""Below this width the ring is always drawn as a vertical chain."""
CHAIN_TRUNCATE_WIDTH = 24
"""Below this width each chain step is one line, cut short with ``…``."""
RETURN_TEXT = "terug naar 1"

_BOX_MIN = 20  # narrower boxes leave too few cells per text line to be readable
_BOX_MAX = 46  # wider boxes make short lines of long steps hard to follow on a projector
_BOX_PREFERRED = 24  # boxes of short steps still get a comfortable width
_TITLE_MAX_LINES = 3

# (top, side rows, bottom) per step count, in order of preference. A layout with side rows
# has one box on the left and one on the right in each side row; its top row is shifted half
# a box inward (as in the design sketch) so the corner arrows can run straight down and up.
_CONFIGS: dict[int, list[tuple[int, int, int]]] = {
    3: [(2, 0, 1)],
    4: [(2, 0, 2)],
    5: [(3, 0, 2)],
    6: [(2, 1, 2), (3, 0, 3)],
    7: [(3, 1, 2), (4, 0, 3)],
    8: [(3, 1, 3), (2, 2, 2), (4, 0, 4)],
    9: [(4, 1, 3), (3, 2, 2)],
    10: [(4, 1, 4), (3, 2, 3), (2, 3, 2)],
    11: [(4, 2, 3), (3, 3, 2), (5, 1, 4)],
    12: [(4, 2, 4), (3, 3, 3), (2, 4, 2), (5, 1, 5)],
}


@dataclass(frozen=True)
class LoopDrawing:
    """A drawn pattern: text lines plus where each step's box is, for styling."""

    lines: list[str]
    """The drawing; each line's display width is at most the width asked for."""
    spans: dict[int, list[tuple[int, int, int]]]
    """Step number (1-based) -> ``(row, start_cell, end_cell)`` of its box, one per row of the
    box; ``end_cell`` is exclusive. In the chain layout: the cells of the step's lines."""
    layout: Literal["ring", "chain"]
    """``ring`` (boxes around the title) or ``chain`` (a vertical list, for narrow spaces)."""
    detail: list[str]
    """The highlighted step's full text as shown under the drawing when boxes were shortened
    (``[]`` otherwise). These are the last lines of ``lines``."""


# -- display width ---------------------------------------------------------------------------
# wcwidth is not a dependency and rich (which has cell_len) must not be imported by the core,
# so the width of a character is taken from the Unicode database: East Asian Wide and
# Fullwidth characters (CJK, most emoji) take two cells, combining marks and format
# characters none, everything else one.


@lru_cache(maxsize=8192)
def char_width(ch: str) -> int:
    """Number of terminal cells one character takes (0, 1 or 2)."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def cell_width(text: str) -> int:
    """Display width of ``text`` in terminal cells."""
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))


def _clean(text: str) -> str:
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


# -- text fitting --------------------------------------------------------------------------


_HYPHEN_MIN_WIDTH = 4  # a hyphen in a narrower line leaves fewer than three letters beside it
_FILL_MIN_WIDTH = 6  # a cut word starts on a line with words only if five letters fit there
_TAIL_MIN = 5  # characters a cut word keeps on its last line, where possible
_AFTER_HYPHEN = re.compile(r"(?<=-)(?=[^-])")


def _chunks(word: str, width: int, first: int) -> list[str]:
    """A word too long for a line, cut into pieces: the first of at most ``first`` cells
    (the room left on the current line), the others of at most ``width``.

    A cut between two letters gets a hyphen (``gemeenschappelij-`` / ``kheid``), so the
    reader sees the word goes on. No hyphen is added in very narrow lines, or next to a
    wide character (CJK is written without them).
    """
    pieces: list[str] = []
    rest = word
    limit = first
    while cell_width(rest) > limit:
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
        pieces.append(rest[:cut] + mark)
        rest = rest[cut:]
        limit = width
    pieces.append(rest)
    return pieces


def _joinable(before: str, after: str) -> bool:
    """A hyphen may go between ``before`` and ``after``: two letters or digits, not wide."""
    return (
        before.isalnum()
        and after.isalnum()
        and char_width(before) == 1
        and char_width(after) == 1
    )


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by display width; a word is cut only when it cannot fit a line.

    Written by hand because ``textwrap`` counts characters, not terminal cells.
    """
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


def _truncate(text: str, width: int, ellipsis: str = "…") -> str:
    """``text`` cut to ``width`` cells, ending in ``ellipsis`` when it was cut."""
    if cell_width(text) <= width:
        return text
    limit = width - cell_width(ellipsis)
    if limit < 0:
        return ""
    out, w = "", 0
    for ch in text:
        cw = char_width(ch)
        if w + cw > limit:
            break
        out += ch
        w += cw
    return out.rstrip() + ellipsis


def _shorten(lines: list[str], k: int, width: int) -> list[str]:
    """The first ``k`` lines, the last one ending in ``…`` when lines were left out."""
    if len(lines) <= k:
        return lines
    head = lines[:k]
    last = head[-1]
    while cell_width(last) + 2 > width and " " in last:
        last = last.rsplit(" ", 1)[0]
    head[-1] = last + " …" if cell_width(last) + 2 <= width else _truncate(last + "…", width)
    return head


def _label_lines(number: int, text: str, width: int, label_width: int) -> list[str]:
    """``"3  text"`` wrapped to ``width``, continuation lines indented under the text."""
    label = f"{number:<{label_width}}  "
    body = _wrap(text, width - len(label))
    if not body:
        return [label.rstrip()]
    pad = " " * len(label)
    return [label + body[0]] + [pad + line for line in body[1:]]


# -- the grid ------------------------------------------------------------------------------


class _Canvas:
    """A grid of terminal cells; a wide character fills its cell and the next (left empty)."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.cells = [[" "] * width for _ in range(height)]

    def put(self, x: int, y: int, text: str) -> None:
        if not 0 <= y < self.height:
            return
        row = self.cells[y]
        for ch in text:
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
        return ["".join(row).rstrip() for row in self.cells]


@dataclass(frozen=True)
class _Glyphs:
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


_UNICODE = _Glyphs(*"┌┐└┘─│┄┆▶◀▲▼↓↺")
_ASCII = _Glyphs(*"++++-|-|><^vv^")


# -- ring layout ---------------------------------------------------------------------------


@dataclass
class _Box:
    step: int
    x: int
    y: int
    w: int
    h: int
    lines: list[str]


@dataclass
class _Ring:
    width: int
    height: int
    boxes: dict[int, _Box]
    title: list[str]
    title_x: int  # centre column of the title block
    title_y: int  # first row of the title block
    text_shortened: bool
    lines_per_box: int  # the cap on text lines per box (a large number when none)


def _title_block(title: str, marker: str, width: int) -> list[str]:
    width = max(width, 4)
    lines: list[str] = []
    if title.strip():
        lines = _shorten(_wrap(f"‘{title.strip()}’", width), _TITLE_MAX_LINES, width)
    if marker.strip():
        lines.append(_truncate(marker.strip(), width))
    return lines or [""]


def _box_width(available: int, steps: list[str]) -> int:
    """As wide as the space allows, but no wider than the longest step on one line needs."""
    one_line = max(_one_line_width(s) for s in steps)
    return min(available, _BOX_MAX, max(_BOX_PREFERRED, one_line))


@lru_cache(maxsize=1024)
def _one_line_width(text: str) -> int:
    return cell_width(" ".join(text.split()))


def _plan_ring(
    config: tuple[int, int, int] | None,
    steps: list[str],
    title: str,
    marker: str,
    width: int,
    k: int | None,
    connector: int,
) -> _Ring | None:
    """Place the boxes of one layout; ``None`` when the boxes would be too narrow.

    ``config`` is ``(top, side rows, bottom)``, or ``None`` for two boxes side by side.
    ``k`` caps the text lines per box (``None``: all); ``connector`` is the arrows' length.
    """
    n = len(steps)
    label_width = len(str(n))
    inset = 4 + label_width + 2  # borders, padding, "3  "

    if config is None:
        title_lines = _title_block(title, marker, 26)
        gap = max(9, max(cell_width(t) for t in title_lines) + 4)
        box_w = _box_width((width - gap) // 2, steps)
        if box_w < _BOX_MIN:
            return None
        total_w = 2 * box_w + gap
        xs = {1: 0, 2: box_w + gap}
        rows = [[1, 2]]
        has_sides = None
    else:
        top, sides, bottom = config
        pitches = top if sides else top - 1
        gap = max(3, min(8, width // 20, width // (pitches + 1) // 5))
        box_w = _box_width((width - pitches * gap) // (pitches + 1), steps)
        if box_w < _BOX_MIN:
            return None
        pitch = box_w + gap
        total_w = pitches * pitch + box_w
        pos: dict[int, float] = {}
        if sides:
            for i in range(top):
                pos[1 + i] = 0.5 + i
            for j in range(sides):
                pos[top + 1 + j] = top
                pos[n - j] = 0
            first_bottom = top + sides + 1
            spread = (top - 1) / (bottom - 1) if bottom > 1 else 0
            for i in range(bottom):
                pos[first_bottom + i] = top - 0.5 - i * spread
            rows = [list(range(1, top + 1))]
            rows += [[n - j, top + 1 + j] for j in range(sides)]
            rows.append(list(range(first_bottom, first_bottom + bottom)))
        else:
            for i in range(top):
                pos[1 + i] = i
            offset = (top - bottom) / 2
            for i in range(bottom):
                pos[top + 1 + i] = top - 1 - offset - i
            rows = [list(range(1, top + 1)), list(range(top + 1, n + 1))]
        xs = {step: int(p * pitch) for step, p in pos.items()}
        has_sides = sides

    text_w = box_w - inset
    wrapped = {i + 1: _wrap(s, text_w) for i, s in enumerate(steps)}
    shortened = False
    shown: dict[int, list[str]] = {}
    for step, lines in wrapped.items():
        if k is not None and len(lines) > k:
            shortened = True
            lines = _shorten(lines, k, text_w)
        shown[step] = lines

    # the title's room: between the side boxes, between the vertical arrows, or in the gap
    if config is None:
        title_room = gap - 4
    elif has_sides:
        title_room = total_w - 2 * box_w - 4
    else:
        left_arrow = max(xs[1], xs[n]) + 2
        right_arrow = min(xs[top], xs[top + 1]) + box_w - 3
        title_room = max(4, right_arrow - left_arrow - 5)
    title_lines = _title_block(title, marker, title_room)

    boxes: dict[int, _Box] = {}
    y = 0
    title_y = 0
    for r, row in enumerate(rows):
        inner = max(max(len(shown[s]), 1) for s in row)
        if config is None:
            inner = max(inner, len(title_lines) + 2)
        h = inner + 2
        for s in row:
            boxes[s] = _Box(s, xs[s], y, box_w, h, shown[s])
        y += h
        if r < len(rows) - 1:
            if config is not None and not has_sides:
                between = len(title_lines) + (2 if connector == 2 else 0)
                title_y = y + (between - len(title_lines)) // 2
                y += between
            else:
                y += connector
    total_h = y
    if config is None:
        title_y = 2 + (total_h - 4 - len(title_lines)) // 2
        title_x = box_w + gap // 2
    elif has_sides:
        band_top = boxes[1].y + boxes[1].h
        band_bottom = boxes[rows[-1][0]].y
        title_y = band_top + (band_bottom - band_top - len(title_lines)) // 2
        title_x = total_w // 2
    else:
        title_x = (left_arrow + right_arrow + 1) // 2
    return _Ring(total_w, total_h, boxes, title_lines, title_x, title_y, shortened, k or 10**6)


def _draw_ring(
    ring: _Ring, n: int, width: int, reveal: int, glyphs: _Glyphs, detail: list[str]
) -> tuple[list[str], dict[int, list[tuple[int, int, int]]]]:
    ox = max(0, (width - ring.width) // 2)
    extra = len(detail) + (1 if detail else 0)
    canvas = _Canvas(width, ring.height + extra)
    label_width = len(str(n))
    spans: dict[int, list[tuple[int, int, int]]] = {}

    for step, box in ring.boxes.items():
        x, y, w, h = box.x + ox, box.y, box.w, box.h
        visible = step <= reveal
        hz, vt = (glyphs.h, glyphs.v) if visible else (glyphs.ph, glyphs.pv)
        canvas.put(x, y, glyphs.tl + hz * (w - 2) + glyphs.tr)
        canvas.put(x, y + h - 1, glyphs.bl + hz * (w - 2) + glyphs.br)
        for r in range(1, h - 1):
            canvas.put(x, y + r, vt)
            canvas.put(x + w - 1, y + r, vt)
        if visible:
            label = f"{step:<{label_width}}  "
            pad = " " * len(label)
            for r, line in enumerate(box.lines or [""]):
                canvas.put(x + 2, y + 1 + r, (label if r == 0 else pad) + line)
        spans[step] = [(y + r, x, x + w) for r in range(h)]

    for step, box in ring.boxes.items():
        nxt = step % n + 1
        if step > reveal or nxt > reveal:
            continue
        dest = ring.boxes[nxt]
        if dest.y == box.y:  # same row: a horizontal arrow through the gap
            if n == 2 and step == 2:
                row = box.y + box.h - 2
            else:
                row = box.y + 1
            if dest.x > box.x:
                a, b = box.x + box.w, dest.x
                canvas.put(a + ox, row, glyphs.h * (b - a - 1) + glyphs.right)
            else:
                a, b = dest.x + dest.w, box.x
                canvas.put(a + ox, row, glyphs.left + glyphs.h * (b - a - 1))
        else:
            lo = max(box.x, dest.x)
            hi = min(box.x + box.w, dest.x + dest.w)
            if dest.y > box.y:  # down the right side
                col = max(lo + 1, hi - 3)
                y0, y1 = box.y + box.h, dest.y
                shaft = [glyphs.v] * (y1 - y0 - 1) + [glyphs.down]
            else:  # up the left side
                col = min(hi - 2, lo + 2)
                y0, y1 = dest.y + dest.h, box.y
                shaft = [glyphs.up] + [glyphs.v] * (y1 - y0 - 1)
            for i, ch in enumerate(shaft):
                canvas.put(col + ox, y0 + i, ch)

    for i, line in enumerate(ring.title):
        canvas.put(ring.title_x + ox - cell_width(line) // 2, ring.title_y + i, line)
    for i, line in enumerate(detail):
        canvas.put(ox, ring.height + 1 + i, line)
    return canvas.lines(), spans


# -- chain layout --------------------------------------------------------------------------


def _draw_chain(
    title: str,
    marker: str,
    steps: list[str],
    width: int,
    height: int | None,
    highlight: int | None,
    reveal: int,
    glyphs: _Glyphs,
) -> LoopDrawing:
    n = len(steps)
    label_width = len(str(max(n, 1)))
    quoted = f"‘{title.strip()}’" if title.strip() else ""
    head = "  ".join(part for part in (quoted, marker.strip()) if part)
    header = [_truncate(head, width), ""] if head else []
    one_line = width < CHAIN_TRUNCATE_WIDTH
    text_w = width - label_width - 2
    full = [_wrap(s, text_w) or [""] for s in steps]
    most = max((len(f) for f in full), default=1)

    def block_height(k: int) -> int:
        return len(header) + sum(min(len(f), k) for f in full) + max(n - 1, 0) + 1

    k = 1 if one_line else most
    if height is not None and not one_line and block_height(most) > height:
        reserve = _detail_room(steps, width, label_width) if steps else 1
        k = _fit(block_height, most, height, reserve)
    shortened = one_line or k < most

    out: list[str] = list(header)
    spans: dict[int, list[tuple[int, int, int]]] = {}
    pad = " " * (label_width + 2)
    for i, step_lines in enumerate(full, start=1):
        if one_line:
            shown = [_truncate(" ".join(step_lines), text_w)]
        else:
            shown = _shorten(step_lines, k, text_w)
        rows: list[str] = []
        for r, line in enumerate(shown):
            if i > reveal:  # a placeholder as tall as the step, so nothing moves on reveal
                rows.append(pad + glyphs.ph * min(8, text_w) if r == 0 else "")
            else:
                rows.append((f"{i:<{label_width}}  " if r == 0 else pad) + line)
        spans[i] = []
        for line in rows:
            line = _truncate(line, width)
            spans[i].append((len(out), 0, cell_width(line)))
            out.append(line.rstrip())
        if i < n:
            out.append(glyphs.chain_down if i < reveal else "")
    if n:
        back = f"{glyphs.chain_back}  {RETURN_TEXT}" if reveal >= n else ""
        out.append(_truncate(back, width))
    detail: list[str] = []
    if shortened and highlight is not None:
        detail = _detail(highlight, steps[highlight - 1], width, label_width)
        room = len(detail) if height is None else height - len(out) - 1
        detail = _shorten(detail, room, width) if room > 0 else []
        if detail:
            out += [""] + detail
    return LoopDrawing(out, spans, "chain", detail)


def _detail(number: int, text: str, width: int, label_width: int) -> list[str]:
    """A step's full text as written under a shortened drawing."""
    return [_truncate(line, width) for line in _label_lines(number, text, width, label_width)]


def _detail_room(steps: list[str], width: int, label_width: int) -> int:
    """Lines to keep free under a drawing for the longest step's detail (and a blank line)."""
    text_w = width - label_width - 2
    return 1 + max(max(len(_wrap(s, text_w)), 1) for s in steps)


def _fit(block_height: Callable[[int], int], most: int, height: int, reserve: int) -> int:
    """The most text lines per step that fit ``height``, with the detail's room if possible."""
    for use_reserve in (reserve, 0):
        for k in range(most - 1, 0, -1):
            if block_height(k) + use_reserve <= height:
                return k
    return 1


def _most_text(
    config: tuple[int, int, int] | None,
    steps: list[str],
    title: str,
    marker: str,
    width: int,
    most: int,
    height: int,
    least: int = 1,
) -> _Ring | None:
    """The ring with the most text lines per box (``least`` to ``most - 1``) that fits ``height``.

    Text comes first: the longest arrows (2) only if they fit with that many lines. The
    ring's height grows with the lines per box, so the lines are found by bisection.
    ``None`` when not even ``least`` lines per box fit.
    """
    lo, hi, best = least, most - 1, None
    while lo <= hi:
        k = (lo + hi) // 2
        ring = _plan_ring(config, steps, title, marker, width, k, 1)
        if ring is not None and ring.height <= height:
            best, lo = ring, k + 1
        else:
            hi = k - 1
    if best is None:
        return None
    roomy = _plan_ring(config, steps, title, marker, width, best.lines_per_box, 2)
    return roomy if roomy is not None and roomy.height <= height else best


def _fits(
    config: tuple[int, int, int] | None,
    steps: list[str],
    title: str,
    marker: str,
    width: int,
    height: int,
) -> bool:
    """Whether the ring with one text line per box fits ``height``."""
    ring = _plan_ring(config, steps, title, marker, width, 1, 1)
    return ring is not None and ring.height <= height


# -- entry point ---------------------------------------------------------------------------


def draw_loop(
    title: str,
    steps: Sequence[str],
    width: int,
    height: int | None = None,
    *,
    highlight: int | None = None,
    reveal: int | None = None,
    ascii: bool = False,
    marker: str = DEFAULT_MARKER,
) -> LoopDrawing:
    """Draw a pattern's steps as a ring of boxes (or a chain when space is short).

    ``width`` is the number of cells available (every line fits in it); ``height``, when
    given, is the number of lines the drawing should fit in if at all possible: box text is
    shortened first, and the ring becomes a chain when even one-line boxes do not fit. With
    ``height=None`` boxes are as tall as their text needs. ``highlight`` (1-based) selects the
    step whose full text is written under the drawing when boxes were shortened; ``reveal``
    shows steps ``1..reveal`` and empty placeholder boxes (same places) for the rest, with
    arrows only between shown steps. ``ascii`` draws with ``+ - | > < ^ v``.
    """
    width = max(1, int(width))
    texts = [_clean(str(s)) for s in steps]
    title = _clean(title)
    marker = _clean(marker)
    n = len(texts)
    glyphs = _ASCII if ascii else _UNICODE
    shown_up_to = n if reveal is None else max(0, min(int(reveal), n))
    if highlight is not None and not 1 <= highlight <= n:
        highlight = None

    configs: list[tuple[int, int, int] | None]
    configs = [None] if n == 2 else list(_CONFIGS.get(n, []))
    if width < RING_MIN_WIDTH or not configs:
        return _draw_chain(title, marker, texts, width, height, highlight, shown_up_to, glyphs)

    label_width = len(str(n))
    best: _Ring | None = None
    reserves: dict[int, int] = {}  # detail width -> room the longest step's detail needs
    for config in configs:
        full = _plan_ring(config, texts, title, marker, width, None, 2)
        if full is None:
            continue
        if height is None or full.height <= height:
            best = full
            break
        # At most one line less per box than the full text; an earlier layout wins a tie.
        most = max(max(len(b.lines) for b in full.boxes.values()), 1)
        least = 1 if best is None else best.lines_per_box + 1
        if least >= most:
            continue
        detail_width = min(width, full.width)
        if detail_width not in reserves:
            reserves[detail_width] = _detail_room(texts, detail_width, label_width)
        reserve = reserves[detail_width]
        found = _most_text(config, texts, title, marker, width, most, height - reserve, least)
        if found is None and not _fits(config, texts, title, marker, width, height - reserve):
            # Not even one-line boxes leave room for the detail: fill the height instead.
            found = _most_text(config, texts, title, marker, width, most, height, least)
        if found is not None:
            best = found
    if best is None:
        return _draw_chain(title, marker, texts, width, height, highlight, shown_up_to, glyphs)

    ring = best
    detail: list[str] = []
    if ring.text_shortened and highlight is not None:
        detail = _detail(highlight, texts[highlight - 1], min(width, ring.width), label_width)
        if height is not None:
            room = height - ring.height - 1
            detail = _shorten(detail, room, min(width, ring.width)) if room > 0 else []
    lines, spans = _draw_ring(ring, n, width, shown_up_to, glyphs, detail)
    return LoopDrawing(lines, spans, "ring", detail)

