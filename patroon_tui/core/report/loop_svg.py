"""A pattern's loop as an SVG picture for the HTML report: the terminal ring's geometry
(:func:`patroon_tui.core.drawing.ring.plan_ring`: the same boxes, rows and title in the middle),
drawn on a grid of character cells in a monospace font; and the collaboration triangle,
:func:`triangle_svg` (:mod:`.triangle_picture`'s geometry).

:func:`loop_svg` gives the ``<svg>`` element, with a ``<title>`` and a ``<desc>`` (every
step in cycle order) for screen readers. Each cell is :data:`CELL_W` by :data:`LINE_H`
pixels, wider than a monospace glyph at :data:`FONT_SIZE`, so text wrapped to a box's cells
stays inside the box in any monospace font.
"""

from __future__ import annotations

from html import escape

from patroon_tui.core.drawing.cells import cell_width, clean
from patroon_tui.core.drawing.marks import Marks
from patroon_tui.core.report.loop_picture import (
    CELL_W,
    FONT_SIZE,
    LINE_H,
    loop_picture,
    plan_picture,
)
from patroon_tui.core.report.triangle_picture import triangle_description, triangle_picture

__all__ = ["CELL_W", "FONT_SIZE", "LINE_H", "loop_svg", "plan_picture", "triangle_svg"]

_CUT = "#b3261e"  # a cut: red, as a stop
_SLOW = "#2b4c7e"  # the arrows' own colour


def loop_svg(title: str, steps: list[str], ident: str, *, small: bool = False,
             marks: Marks | None = None) -> str | None:
    """The loop as an inline ``<svg>``; ``ident`` makes its element ids unique in a page;
    ``small``: see :func:`~patroon_tui.core.report.loop_picture.plan_picture`; ``marks``:
    the arrows first steps cut and the slow ones, with the legend under the ring."""
    picture = loop_picture(title, steps, small=small, marks=marks)
    if picture is None:
        return None
    n = len(steps)
    width, height = picture.width + 2, picture.height + 2
    desc = " ".join(f"Stap {i}: {clean(s)}" for i, s in enumerate(steps, start=1))
    legend = [note.text for note in picture.notes if not note.middle]
    if legend:  # the legend's lines, read out after the steps
        desc += " " + " ".join(" ".join(legend).split())
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
    out += [
        f'<line class="arrow" x1="{a.x1:.1f}" y1="{a.y1:.1f}" x2="{a.x2:.1f}" y2="{a.y2:.1f}" '
        f'marker-end="url(#{ident}-arrow)"/>'
        for a in picture.arrows
    ]
    for box in picture.boxes:
        out.append(f'<g class="step" data-step="{box.step}">')
        out.append(
            f'<rect class="step-box" x="{box.x}" y="{box.y}" width="{box.w}" '
            f'height="{box.h}" rx="6"/>'
        )
        out.append(
            f'<text class="step-number" x="{box.number_x}" '
            f'y="{box.baseline(0):.1f}">{box.step}</text>'
        )
        for i, line in enumerate(box.lines):
            out.append(
                f'<text class="step-text" x="{box.text_x}" '
                f'y="{box.baseline(i):.1f}" data-cells="{cell_width(line)}">'
                f"{escape(line)}</text>"
            )
        out.append("</g>")
    for caption in picture.captions:
        cls = "loop-marker" if caption.marker else "loop-title"
        out.append(
            f'<text class="{cls}" x="{caption.x}" '
            f'y="{caption.baseline:.1f}" text-anchor="middle">'
            f"{escape(caption.text)}</text>"
        )
    # The marks' colours on the elements: a page without marks keeps its stylesheet.
    out += [
        f'<line class="{"cut" if st.cut else "slow"}" x1="{st.x1:.1f}" y1="{st.y1:.1f}" '
        f'x2="{st.x2:.1f}" y2="{st.y2:.1f}" stroke="{_CUT if st.cut else _SLOW}" '
        f'stroke-width="{2.4 if st.cut else 2}"/>'
        for st in picture.strokes
    ]
    for note in picture.notes:
        look = (f'class="cut-number" text-anchor="middle" fill="{_CUT}" font-weight="bold"'
                if note.middle else 'class="legend"')
        out.append(f'<text {look} x="{note.x:.1f}" y="{note.baseline:.1f}">'
                   f"{escape(note.text)}</text>")
    out.append("</svg>")
    return "\n".join(out)


def triangle_svg(layers: list[tuple[str, str]], ident: str) -> str:
    """The collaboration triangle as an inline ``<svg>``: ``layers`` (title, detail) top to
    bottom; ``ident`` makes its element ids unique in a page."""
    picture = triangle_picture(layers)
    width, height = picture.width + 2, picture.height + 2
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="triangle-picture" role="img" '
        f'viewBox="-1 -1 {width} {height}" width="{width}" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-size="{FONT_SIZE}">',
        f'<title id="{ident}-title">De samenwerkingsdriehoek</title>',
        f'<desc id="{ident}-desc">{escape(triangle_description(layers))}</desc>',
    ]
    for band in picture.bands:
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in band.corners)
        out.append(f'<g class="layer" data-layer="{band.number}">')
        out.append(f'<polygon class="layer-band layer-{band.number}" points="{points}"/>')
        out.append(f'<text class="layer-number" x="{band.number_x:.1f}" '
                   f'y="{band.number_baseline:.1f}" text-anchor="middle">{band.number}</text>')
        for i, line in enumerate(band.title):
            out.append(f'<text class="layer-title" x="{band.label_x}" '
                       f'y="{band.baseline(i):.1f}">{escape(line)}</text>')
        out.append(f'<text class="layer-detail" x="{band.label_x}" '
                   f'y="{band.baseline(len(band.title)):.1f}">{escape(band.detail)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
