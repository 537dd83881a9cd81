"""The collaboration triangle as a picture's geometry, for every drawing in the report:
:func:`triangle_picture`.

A triangle, narrow at the top and wide at the bottom, cut into one band per layer (doel,
spelregels, relatie), the band's number in it and beside it the layer's title with how
many tables placed their pattern there. The label lines are wrapped to character cells of
:data:`~patroon_tui.core.report.loop_picture.CELL_W` by
:data:`~patroon_tui.core.report.loop_picture.LINE_H` pixels, as the loop's boxes are. The
SVG of the web page (``loop_svg.py``), the PDF's vectors (``pdf.py``) and the Word file's
picture (``loop_png.py``) all draw this one geometry.
"""

from __future__ import annotations

from dataclasses import dataclass

from patroon_tui.core.drawing.cells import clean
from patroon_tui.core.drawing.wrap import wrap
from patroon_tui.core.report.loop_picture import CELL_W, LINE_H

__all__ = ["Band", "TrianglePicture", "triangle_description", "triangle_picture"]

BASE_W = 260
"""The triangle's width at its base, in pixels."""
_BAND_H = 66
_GAP = 28
_LABEL_CELLS = 36


@dataclass(frozen=True)
class Band:
    """One layer's band: its outline (corners clockwise from the top left, pixels from the
    picture's top left; the top band has its top corners in one point), its number's place
    and the label beside it (``title`` lines, then ``detail``)."""

    number: int
    corners: tuple[tuple[float, float], ...]
    number_x: float
    number_baseline: float
    label_x: float
    title: tuple[str, ...]
    detail: str
    first_baseline: float

    def baseline(self, line: int) -> float:
        """Where line ``line`` of the label sits (the title's lines, then the detail)."""
        return self.first_baseline + line * LINE_H


@dataclass(frozen=True)
class TrianglePicture:
    """The whole picture: ``width`` by ``height`` pixels, its bands top to bottom."""

    width: int
    height: int
    bands: tuple[Band, ...]


def triangle_picture(layers: list[tuple[str, str]]) -> TrianglePicture:
    """The triangle for ``layers`` (title, detail), top to bottom."""
    titles = [tuple(wrap(clean(title), _LABEL_CELLS) or [""]) for title, _ in layers]
    # Every band as high as the tallest label needs: the sides stay straight lines.
    band_h = max([_BAND_H] + [(len(t) + 1) * LINE_H + 12 for t in titles])
    height = band_h * len(layers)
    middle = BASE_W / 2

    def half(y: float) -> float:
        return middle * y / height

    bands = []
    for n, ((_, detail), title) in enumerate(zip(layers, titles, strict=True)):
        top, bottom = n * band_h, (n + 1) * band_h
        corners = ((middle - half(top), top), (middle + half(top), top),
                   (middle + half(bottom), bottom), (middle - half(bottom), bottom))
        # The number where the band is widest enough: two thirds down the top band (a
        # triangle), in the middle of the others.
        centre = top + band_h * (2 / 3 if n == 0 else 1 / 2)
        lines = len(title) + 1
        first = top + (band_h - lines * LINE_H) / 2 + 0.75 * LINE_H
        bands.append(Band(n + 1, corners, middle, centre + 5, BASE_W + _GAP, title,
                          clean(detail), first))
    width = BASE_W + _GAP + _LABEL_CELLS * CELL_W
    return TrianglePicture(width, height, tuple(bands))


def triangle_description(layers: list[tuple[str, str]]) -> str:
    """What the picture shows, in words (a picture's description for screen readers)."""
    said = "; ".join(f"{n}. {clean(title)} ({clean(detail)})"
                     for n, (title, detail) in enumerate(layers, start=1))
    return f"De samenwerkingsdriehoek, van boven naar beneden: {said}."
