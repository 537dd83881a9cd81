"""A pattern's loop as an SVG picture for the HTML report: the terminal ring's geometry
(:func:`patroon_tui.core.drawing.ring.plan_ring`: the same boxes, rows and title in the middle),
drawn on a grid of character cells in a monospace font.

:func:`loop_svg` gives the ``<svg>`` element, with a ``<title>`` and a ``<desc>`` (every
step in cycle order) for screen readers. Each cell is :data:`CELL_W` by :data:`LINE_H`
pixels, wider than a monospace glyph at :data:`FONT_SIZE`, so text wrapped to a box's cells
stays inside the box in any monospace font.
"""

from __future__ import annotations

import math
from html import escape

from patroon_tui.core.drawing.cells import cell_width, clean
from patroon_tui.core.drawing.ring import CONFIGS, Ring, plan_ring
from patroon_tui.core.drawing.wrap import Breaking

__all__ = ["CELL_W", "FONT_SIZE", "LINE_H", "loop_svg", "plan_picture"]

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


def _centre(box) -> tuple[float, float]:
    return (box.x + box.w / 2) * CELL_W, (box.y + box.h / 2) * LINE_H


def _edge(box, towards: tuple[float, float], margin: float) -> tuple[float, float]:
    """Where the line from the box's centre towards a point leaves the box (plus margin)."""
    cx, cy = _centre(box)
    dx, dy = towards[0] - cx, towards[1] - cy
    half_w, half_h = box.w * CELL_W / 2 + margin, box.h * LINE_H / 2 + margin
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale


def loop_svg(title: str, steps: list[str], ident: str, *, small: bool = False) -> str | None:
    """The loop as an inline ``<svg>``; ``ident`` makes its element ids unique in a page;
    ``small``: see :func:`plan_picture`."""
    ring = plan_picture(title, steps, small=small)
    if ring is None:
        return None
    n = len(steps)
    label_w = len(str(n))
    width, height = ring.width * CELL_W + 2, ring.height * LINE_H + 2
    desc = " ".join(f"Stap {i}: {clean(s)}" for i, s in enumerate(steps, start=1))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="loop-picture" role="img" '
        f'viewBox="-1 -1 {width} {height}" width="{width}" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-size="{FONT_SIZE}">',
        f'<title id="{ident}-title">{escape(clean(title))}</title>',
        f'<desc id="{ident}-desc">{escape(desc)} Na stap {n} begint de cirkel weer bij '
        "stap 1.</desc>",
        f'<defs><marker id="{ident}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="arrow-head"/></marker></defs>',
    ]
    for step in range(1, n + 1):
        box = ring.boxes[step]
        nxt = ring.boxes[step % n + 1]
        start = _edge(box, _centre(nxt), 3)
        end = _edge(nxt, _centre(box), 5)
        out.append(
            f'<line class="arrow" x1="{start[0]:.1f}" y1="{start[1]:.1f}" '
            f'x2="{end[0]:.1f}" y2="{end[1]:.1f}" marker-end="url(#{ident}-arrow)"/>'
        )
    for step in range(1, n + 1):
        box = ring.boxes[step]
        x, y = box.x * CELL_W, box.y * LINE_H
        out.append(f'<g class="step" data-step="{step}">')
        out.append(
            f'<rect class="step-box" x="{x}" y="{y}" width="{box.w * CELL_W}" '
            f'height="{box.h * LINE_H}" rx="6"/>'
        )
        out.append(
            f'<text class="step-number" x="{(box.x + 2) * CELL_W}" '
            f'y="{(box.y + 1.75) * LINE_H:.1f}">{step}</text>'
        )
        for i, line in enumerate(box.lines):
            out.append(
                f'<text class="step-text" x="{(box.x + 4 + label_w) * CELL_W}" '
                f'y="{(box.y + 1.75 + i) * LINE_H:.1f}" data-cells="{cell_width(line)}">'
                f"{escape(line)}</text>"
            )
        out.append("</g>")
    for i, line in enumerate(ring.title):
        cls = "loop-marker" if i == len(ring.title) - 1 and line == MARKER else "loop-title"
        out.append(
            f'<text class="{cls}" x="{ring.title_x * CELL_W}" '
            f'y="{(ring.title_y + 0.75 + i) * LINE_H:.1f}" text-anchor="middle">'
            f"{escape(line)}</text>"
        )
    out.append("</svg>")
    return "\n".join(out)
