"""A pattern's loop as a picture's geometry, for every drawing in the report:
:func:`loop_picture`.

The terminal ring's layout (:func:`patroon_tui.core.drawing.ring.plan_ring`: the same boxes,
rows and title in the middle) placed on a grid of character cells, each :data:`CELL_W` by
:data:`LINE_H` pixels: the boxes with their number and wrapped lines, an arrow from each
step to the next, and the title and kind of loop in the middle. The SVG of the web page
(``loop_svg.py``), the PDF's vectors (``pdf.py``) and the Word file's picture
(``loop_png.py``) all draw this one geometry, so the three cannot drift apart.

A loop's marks (:class:`~patroon_tui.core.drawing.marks.Marks`) are drawn as in the
terminal: a slow arrow with two slanted strokes across it (``//``, the causal-loop sign for
a delay), an arrow a first step cuts with a cross and the first steps' numbers beside it,
and a legend under the ring naming each arrow (:class:`Note` lines).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from patroon_tui.core.drawing.cells import clean
from patroon_tui.core.drawing.marks import Marks, legend
from patroon_tui.core.drawing.ring import CONFIGS, Ring, plan_ring
from patroon_tui.core.drawing.wrap import Breaking

__all__ = [
    "CELL_W", "FONT_SIZE", "LINE_H", "MARKER", "SLOW_SIGN", "Arrow", "Caption", "LoopPicture",
    "Note", "StepBox", "Stroke", "loop_picture", "plan_picture", "text_size",
]

SLOW_SIGN = "//"
"""A slow arrow in a picture's legend: the two strokes drawn across it."""

CELL_W = 9  # px per character cell; monospace glyphs at FONT_SIZE are about 8.4 px wide
LINE_H = 19  # px per text line
FONT_SIZE = 14
MARKER = "↻ versterkende lus"
#: Ring widths tried, in cells, narrowest first: the first that fits every step is drawn.
_WIDTHS = (90, 110, 130, 160, 200)
#: A small picture (the one-page summary): narrower, at most three lines a box (a longer
#: step is shortened with "…"; the full report has every word).
_SMALL_WIDTHS = (60, 70, 80, 90)
_SMALL_LINES = 3


def plan_picture(title: str, steps: list[str], *, small: bool = False) -> Ring | None:
    """The ring for ``steps`` with every word shown (``small``: in a smaller ring, with at
    most three lines a box); ``None`` when no ring layout exists for that many steps (the
    report then lists the steps only)."""
    texts = [clean(step) for step in steps]
    configs: list[tuple[int, int, int] | None] = [None] if len(texts) == 2 else list(
        CONFIGS.get(len(texts), [])
    )
    lines = _SMALL_LINES if small else None
    for width in _SMALL_WIDTHS if small else _WIDTHS:
        for config in configs:
            ring = plan_ring(config, texts, clean(title), MARKER, width, lines, 2,
                             Breaking.SYLLABLES)
            if ring is not None:
                return ring
    return None


@dataclass(frozen=True)
class StepBox:
    """A step's box, in pixels from the picture's top left: its number and its text lines
    start at ``number_x`` and ``text_x``; ``cells`` is the width its lines were wrapped to."""

    step: int
    x: int
    y: int
    w: int
    h: int
    number_x: int
    text_x: int
    lines: tuple[str, ...]
    cells: int

    def baseline(self, line: int) -> float:
        """Where line ``line`` of the text sits (the number sits on line 0's)."""
        return self.y + (1.75 + line) * LINE_H


@dataclass(frozen=True)
class Arrow:
    """From one box's edge to the next box's edge, in pixels."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Caption:
    """A line in the ring's middle, centred on ``x``: the title, or the kind of loop."""

    x: int
    baseline: float
    text: str
    marker: bool


@dataclass(frozen=True)
class Stroke:
    """A short line across an arrow: ``slow`` (one of its two strokes) or a cut's cross."""

    x1: float
    y1: float
    x2: float
    y2: float
    cut: bool


@dataclass(frozen=True)
class Note:
    """A text of the marks: a cut's numbers beside its cross (``middle``: centred on
    ``x``), or a line of the legend under the ring (from ``x`` on)."""

    x: float
    baseline: float
    text: str
    middle: bool


@dataclass(frozen=True)
class LoopPicture:
    """The whole picture: ``width`` by ``height`` pixels."""

    width: int
    height: int
    boxes: tuple[StepBox, ...]
    arrows: tuple[Arrow, ...]
    captions: tuple[Caption, ...]
    strokes: tuple[Stroke, ...] = ()
    notes: tuple[Note, ...] = ()


def text_size(picture: LoopPicture, width_at_one: Callable[[str], float],
              largest: float) -> float:
    """One size for every box's text in a proportional font, at most ``largest``: the
    largest at which each line fits its box (the lines were wrapped to monospace cells).
    ``width_at_one`` is a line's width in the font at size 1."""
    size = largest
    for box in picture.boxes:
        room = box.cells * CELL_W
        for line in box.lines:
            used = width_at_one(line)
            if used:
                size = min(size, room / used)
    return size


def _centre(box) -> tuple[float, float]:
    return (box.x + box.w / 2) * CELL_W, (box.y + box.h / 2) * LINE_H


def _edge(box, towards: tuple[float, float], margin: float) -> tuple[float, float]:
    """Where the line from the box's centre towards a point leaves the box (plus margin)."""
    cx, cy = _centre(box)
    dx, dy = towards[0] - cx, towards[1] - cy
    half_w, half_h = box.w * CELL_W / 2 + margin, box.h * LINE_H / 2 + margin
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale


def _marked(arrow: Arrow, number: int, marks: Marks) -> tuple[list[Stroke], list[Note]]:
    """The strokes across one arrow and the numbers beside it: on the part of the arrow
    clear of its head, a cut before a delay where an arrow has both, smaller on a short
    arrow so they stay apart."""
    length = math.hypot(arrow.x2 - arrow.x1, arrow.y2 - arrow.y1) or 1.0
    dx, dy = (arrow.x2 - arrow.x1) / length, (arrow.y2 - arrow.y1) / length
    nx, ny = -dy, dx
    size = max(0.6, min(1.0, length / 48))
    first, last = 2.0, max(2.0, length - 11)  # from the start, clear of the head

    def along(part: float) -> tuple[float, float]:
        at = first + (last - first) * part
        return arrow.x1 + dx * at, arrow.y1 + dy * at

    slow = number in marks.slow
    steps = marks.cuts.get(number)
    strokes: list[Stroke] = []
    notes: list[Note] = []
    if slow:  # two strokes slanted like "//" across the arrow
        mx, my = along(0.75 if steps else 0.5)
        ax, ay = (nx + dx * 0.5) * 7 * size / 1.118, (ny + dy * 0.5) * 7 * size / 1.118
        for shift in (-2.5 * size, 2.5 * size):
            cx, cy = mx + dx * shift, my + dy * shift
            strokes.append(Stroke(cx - ax, cy - ay, cx + ax, cy + ay, cut=False))
    if steps:
        cx, cy = along(0.2 if slow else 0.5)
        arm = 4.5 * size
        for sx, sy in ((dx + nx, dy + ny), (dx - nx, dy - ny)):
            strokes.append(Stroke(cx - sx * arm, cy - sy * arm, cx + sx * arm, cy + sy * arm,
                                  cut=True))
        # The numbers beside the cross, clear of it however many there are.
        text = ",".join(map(str, steps))
        side = 1 if abs(dx) >= abs(dy) else -1
        away = 9 + 3.5 * len(text)
        notes.append(Note(cx + nx * away * side, cy + ny * away * side + 4.5, text,
                          middle=True))
    return strokes, notes


def loop_picture(title: str, steps: list[str], *, small: bool = False,
                 marks: Marks | None = None) -> LoopPicture | None:
    """The loop's picture (``small``: see :func:`plan_picture`); ``None`` when no ring
    layout exists for that many steps. ``marks``: the arrows cut and slow, drawn on the
    arrows and named in a legend under the ring."""
    ring = plan_picture(title, steps, small=small)
    if ring is None:
        return None
    n = len(steps)
    label_w = len(str(n))
    arrows = []
    for step in range(1, n + 1):
        box, nxt = ring.boxes[step], ring.boxes[step % n + 1]
        (x1, y1), (x2, y2) = _edge(box, _centre(nxt), 3), _edge(nxt, _centre(box), 5)
        arrows.append(Arrow(x1, y1, x2, y2))
    boxes = []
    for step in range(1, n + 1):
        b = ring.boxes[step]
        text_x = b.x + 4 + label_w
        boxes.append(StepBox(step, b.x * CELL_W, b.y * LINE_H, b.w * CELL_W, b.h * LINE_H,
                             (b.x + 2) * CELL_W, text_x * CELL_W, tuple(b.lines),
                             b.x + b.w - 1 - text_x))
    captions = tuple(
        Caption(ring.title_x * CELL_W, (ring.title_y + 0.75 + i) * LINE_H, line,
                i == len(ring.title) - 1 and line == MARKER)
        for i, line in enumerate(ring.title)
    )
    strokes: list[Stroke] = []
    notes: list[Note] = []
    height = ring.height * LINE_H
    if marks:
        for number, arrow in enumerate(arrows, start=1):
            more, said = _marked(arrow, number, marks)
            strokes += more
            notes += said
        lines = legend(n, marks, ring.width, False, None, to=" naar ", slow_sign=SLOW_SIGN)
        notes += [Note(0, height + (1.5 + i) * LINE_H, line, middle=False)
                  for i, line in enumerate(lines)]
        height += (len(lines) + 1) * LINE_H
    return LoopPicture(ring.width * CELL_W, height, tuple(boxes), tuple(arrows), captions,
                       tuple(strokes), tuple(notes))
