"""The ring layout of a loop drawing: boxes on a ring around the title, arrows between them.

:func:`plan_ring` places the boxes of one layout (how many on top, on the sides, at the
bottom: :data:`CONFIGS`) for a width and a cap on text lines per box; :func:`most_text`
and :func:`fits_one_line` find the layout that fits a height; :func:`draw_ring` draws a
plan on a :class:`~patroon_tui.core.drawing.canvas.Canvas`. :func:`patroon_tui.core.drawing.loop.draw_loop`
chooses between this and the chain.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from patroon_tui.core.drawing.canvas import ASCII, Canvas, Glyphs
from patroon_tui.core.drawing.cells import cell_width
from patroon_tui.core.drawing.marks import Arrow, Marks, place
from patroon_tui.core.drawing.wrap import Breaking, shorten, truncate, wrap

__all__ = ["CONFIGS", "Ring", "draw_ring", "fits_one_line", "most_text", "plan_ring"]

_BOX_MIN = 20  # narrower boxes leave too few cells per text line to be readable
_BOX_MAX = 46  # wider boxes make short lines of long steps hard to follow on a projector
_BOX_PREFERRED = 24  # boxes of short steps still get a comfortable width
_TITLE_MAX_LINES = 3

# (top, side rows, bottom) per step count, in order of preference. A layout with side rows
# has one box on the left and one on the right in each side row; its top row is shifted half
# a box inward (as in the design sketch) so the corner arrows can run straight down and up.
CONFIGS: dict[int, list[tuple[int, int, int]]] = {
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


@dataclass
class _Box:
    """One step's box: where it is (cells from the ring's top left), its size, its text."""

    step: int
    x: int
    y: int
    w: int
    h: int
    lines: list[str]


@dataclass
class Ring:
    """A planned ring: its size, the boxes, and where the title block goes."""

    width: int
    height: int
    boxes: dict[int, _Box]
    title: list[str]
    title_x: int  # centre column of the title block
    title_y: int  # first row of the title block
    text_shortened: bool
    lines_per_box: int  # the cap on text lines per box (a large number when none)


def _title_block(title: str, marker: str, width: int, breaking: Breaking) -> list[str]:
    """The quoted title (at most three lines) and the kind of loop, for the ring's middle."""
    width = max(width, 4)
    lines: list[str] = []
    if title.strip():
        quoted = wrap(f"‘{title.strip()}’", width, min(breaking, Breaking.SYLLABLES))
        lines = shorten(quoted, _TITLE_MAX_LINES, width)
    if marker.strip():
        lines.append(truncate(marker.strip(), width))
    return lines or [""]


def _box_width(available: int, steps: list[str]) -> int:
    """As wide as the space allows, but no wider than the longest step on one line needs."""
    one_line = max(_one_line_width(s) for s in steps)
    return min(available, _BOX_MAX, max(_BOX_PREFERRED, one_line))


@lru_cache(maxsize=1024)
def _one_line_width(text: str) -> int:
    return cell_width(" ".join(text.split()))


@dataclass
class _Layout:
    """Where the boxes of one layout go across: their width, the gap, each step's x and
    the rows of steps from top to bottom."""

    box_w: int
    gap: int
    total_w: int
    xs: dict[int, int]
    rows: list[list[int]]
    has_sides: int | None


def _pair_layout(steps: list[str], width: int, title_lines: list[str]) -> _Layout | None:
    gap = max(9, max(cell_width(t) for t in title_lines) + 4)
    box_w = _box_width((width - gap) // 2, steps)
    if box_w < _BOX_MIN:
        return None
    return _Layout(box_w, gap, 2 * box_w + gap, {1: 0, 2: box_w + gap}, [[1, 2]], None)


def _ring_layout(config: tuple[int, int, int], steps: list[str], width: int) -> _Layout | None:
    n = len(steps)
    top, sides, bottom = config
    pitches = top if sides else top - 1
    gap = max(3, min(8, width // 20, width // (pitches + 1) // 5))
    box_w = _box_width((width - pitches * gap) // (pitches + 1), steps)
    if box_w < _BOX_MIN:
        return None
    pitch = box_w + gap
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
    return _Layout(box_w, gap, pitches * pitch + box_w, xs, rows, sides)


def _shown_lines(
    steps: list[str], rows: list[list[int]], text_w: int, k: int | None, breaking: Breaking
) -> tuple[dict[int, list[str]], bool]:
    """Each step's lines in its box (at most ``k``), and whether any was shortened."""
    wrapped = {i + 1: wrap(s, text_w, breaking) for i, s in enumerate(steps)}
    if breaking == Breaking.FILL:
        # A box lower than its row's tallest keeps its words whole: breaking them gains nothing.
        for row in rows:
            tallest = max(len(wrapped[s]) for s in row)
            if k is not None:
                tallest = min(tallest, k)
            for step in row:
                whole = wrap(steps[step - 1], text_w, Breaking.SYLLABLES)
                if len(whole) <= tallest:
                    wrapped[step] = whole
    shortened = False
    shown: dict[int, list[str]] = {}
    for step, lines in wrapped.items():
        if k is not None and len(lines) > k:
            shortened = True
            lines = shorten(lines, k, text_w)
        shown[step] = lines
    return shown, shortened


def plan_ring(
    config: tuple[int, int, int] | None,
    steps: list[str],
    title: str,
    marker: str,
    width: int,
    k: int | None,
    connector: int,
    breaking: Breaking = Breaking.CUT,
) -> Ring | None:
    """Place the boxes of one layout; ``None`` when the boxes would be too narrow.

    ``config`` is ``(top, side rows, bottom)``, or ``None`` for two boxes side by side.
    ``k`` caps the text lines per box (``None``: all); ``connector`` is the arrows' length;
    ``breaking`` says how words may break (:class:`~patroon_tui.core.drawing.wrap.Breaking`); with
    ``FILL`` only the boxes that make their row tall have words broken to fill lines.
    """
    n = len(steps)
    inset = 4 + len(str(n)) + 2  # borders, padding, "3  "
    if config is None:
        layout = _pair_layout(steps, width, _title_block(title, marker, 26, breaking))
    else:
        layout = _ring_layout(config, steps, width)
    if layout is None:
        return None
    box_w, gap, total_w, xs, rows = layout.box_w, layout.gap, layout.total_w, layout.xs, layout.rows
    shown, shortened = _shown_lines(steps, rows, box_w - inset, k, breaking)

    # the title's room: between the side boxes, between the vertical arrows, or in the gap
    left_arrow = right_arrow = 0
    if config is None:
        title_room = gap - 4
    elif layout.has_sides:
        title_room = total_w - 2 * box_w - 4
    else:
        top = config[0]
        left_arrow = max(xs[1], xs[n]) + 2
        right_arrow = min(xs[top], xs[top + 1]) + box_w - 3
        title_room = max(4, right_arrow - left_arrow - 5)
    title_lines = _title_block(title, marker, title_room, breaking)

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
            if config is not None and not layout.has_sides:
                between = len(title_lines) + (2 if connector == 2 else 0)
                title_y = y + (between - len(title_lines)) // 2
                y += between
            else:
                y += connector
    total_h = y
    if config is None:
        title_y = 2 + (total_h - 4 - len(title_lines)) // 2
        title_x = box_w + gap // 2
    elif layout.has_sides:
        band_top = boxes[1].y + boxes[1].h
        band_bottom = boxes[rows[-1][0]].y
        title_y = band_top + (band_bottom - band_top - len(title_lines)) // 2
        title_x = total_w // 2
    else:
        title_x = (left_arrow + right_arrow + 1) // 2
    return Ring(total_w, total_h, boxes, title_lines, title_x, title_y, shortened, k or 10**6)


def draw_ring(
    ring: Ring, n: int, width: int, reveal: int, glyphs: Glyphs, detail: list[str],
    marks: Marks | None = None,
) -> tuple[list[str], dict[int, list[tuple[int, int, int]]]]:
    """The ring centred in ``width`` cells, ``detail`` under it: its lines and box spans.

    Steps after ``reveal`` are empty placeholder boxes, with no arrows to or from them.
    ``marks`` (cuts, slow arrows) go on the arrows where they fit in empty cells.
    """
    ox = max(0, (width - ring.width) // 2)
    extra = len(detail) + (1 if detail else 0)
    canvas = Canvas(width, ring.height + extra)
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

    arrows: list[Arrow] = []
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
                arrows.append(Arrow(step, True, row, a + ox, b + ox - 1, forward=True))
            else:
                a, b = dest.x + dest.w, box.x
                canvas.put(a + ox, row, glyphs.left + glyphs.h * (b - a - 1))
                arrows.append(Arrow(step, True, row, a + ox, b + ox - 1, forward=False))
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
            arrows.append(Arrow(step, False, col + ox, y0, y1 - 1, forward=dest.y > box.y))

    for i, line in enumerate(ring.title):
        canvas.put(ring.title_x + ox - cell_width(line) // 2, ring.title_y + i, line)
    if marks:
        place(canvas, arrows, marks, glyphs is ASCII)
    for i, line in enumerate(detail):
        canvas.put(ox, ring.height + 1 + i, line)
    return canvas.lines(), spans


def most_text(
    config: tuple[int, int, int] | None,
    steps: list[str],
    title: str,
    marker: str,
    width: int,
    most: int,
    height: int,
    least: int = 1,
    breaking: Breaking = Breaking.CUT,
) -> Ring | None:
    """The ring with the most text lines per box (``least`` to ``most - 1``) that fits ``height``.

    Text comes first: the longest arrows (2) only if they fit with that many lines. The
    ring's height grows with the lines per box, so the lines are found by bisection.
    ``None`` when not even ``least`` lines per box fit.
    """
    lo, hi, best = least, most - 1, None
    while lo <= hi:
        k = (lo + hi) // 2
        ring = plan_ring(config, steps, title, marker, width, k, 1, breaking)
        if ring is not None and ring.height <= height:
            best, lo = ring, k + 1
        else:
            hi = k - 1
    if best is None:
        return None
    roomy = plan_ring(config, steps, title, marker, width, best.lines_per_box, 2, breaking)
    return roomy if roomy is not None and roomy.height <= height else best


def fits_one_line(
    config: tuple[int, int, int] | None,
    steps: list[str],
    title: str,
    marker: str,
    width: int,
    height: int,
    breaking: Breaking = Breaking.CUT,
) -> bool:
    """Whether the ring with one text line per box fits ``height``."""
    ring = plan_ring(config, steps, title, marker, width, 1, 1, breaking)
    return ring is not None and ring.height <= height
