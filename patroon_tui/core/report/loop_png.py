"""A pattern's loop as a PNG picture, for the Word report: :func:`loop_png`; the
collaboration triangle likewise, :func:`triangle_png`.

The same geometry as the web page's SVG and the PDF's vectors
(:func:`patroon_tui.core.report.loop_picture.loop_picture`), drawn with Pillow at twice its
size so that it prints sharp; the text in Bitstream Vera (:mod:`.fonts`). A PNG, because
every Word since 2007 and LibreOffice show one (an SVG in a Word file needs a PNG beside it
anyway for older Words). Pillow comes with ReportLab; this module is imported only when a
Word report is made.
"""

from __future__ import annotations

import functools
import io
import math

from PIL import Image, ImageDraw, ImageFont

from patroon_tui.core.drawing.marks import Marks
from patroon_tui.core.report.fonts import font_file
from patroon_tui.core.report.loop_picture import LoopPicture, loop_picture, text_size
from patroon_tui.core.report.triangle_picture import triangle_picture

__all__ = ["SCALE", "loop_png", "triangle_png"]

SCALE = 2
"""Pixels of the PNG per pixel of the picture's geometry."""
_INK = (29, 39, 51)
_ACCENT = (43, 76, 126)
_BOX = (238, 243, 250)
#: The triangle's bands, top to bottom: darker at the top.
_BANDS = ((213, 225, 242), (228, 236, 247), (244, 247, 251))
_MUTED = (85, 85, 85)
_CUT = (179, 38, 30)


@functools.cache
def _font(style: str, size: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_file(style)), size=max(1, round(size)))


def loop_png(title: str, steps: list[str], *, small: bool = False,
             marks: Marks | None = None) -> tuple[bytes, int, int] | None:
    """The loop as PNG bytes, with the picture's width and height in pixels of its geometry
    (the PNG is :data:`SCALE` times that); ``None`` when no ring layout exists. ``marks``:
    the arrows first steps cut and the slow ones, with the legend under the ring."""
    key = None
    if marks:
        key = (tuple((a, tuple(s)) for a, s in marks.cuts.items()), tuple(sorted(marks.slow)),
               tuple(sorted(marks.notes.items())))
    return _made(title, tuple(steps), small, key)


# A picture takes about 25 ms (most of it the PNG's compression); the same loops go into
# every export of a session.
@functools.lru_cache(maxsize=32)
def _made(title: str, steps: tuple[str, ...], small: bool,
          key: tuple | None) -> tuple[bytes, int, int] | None:
    marks = None if key is None else Marks(dict(key[0]), frozenset(key[1]), dict(key[2]))
    picture = loop_picture(title, list(steps), small=small, marks=marks)
    if picture is None:
        return None
    return _draw(picture), picture.width, picture.height


def _draw(picture: LoopPicture) -> bytes:
    s = SCALE
    image = Image.new("RGB", (picture.width * s + 2, picture.height * s + 2), "white")
    draw = ImageDraw.Draw(image)
    measure = _font("regular", 100)
    size = text_size(picture, lambda line: measure.getlength(line) / 100, 12.0) * s
    for arrow in picture.arrows:
        start, end = (arrow.x1 * s, arrow.y1 * s), (arrow.x2 * s, arrow.y2 * s)
        draw.line([start, end], fill=_ACCENT, width=3)
        draw.polygon(_arrow_head(start, end, 8.0 * s), fill=_ACCENT)
    for box in picture.boxes:
        draw.rounded_rectangle(
            [box.x * s, box.y * s, (box.x + box.w) * s, (box.y + box.h) * s],
            radius=6 * s, fill=_BOX, outline=_ACCENT, width=2,
        )
        draw.text((box.number_x * s, box.baseline(0) * s), str(box.step), fill=_ACCENT,
                  font=_font("bold", 11 * s), anchor="ls")
        for i, line in enumerate(box.lines):
            draw.text((box.text_x * s, box.baseline(i) * s), line, fill=_INK,
                      font=_font("regular", size), anchor="ls")
    for caption in picture.captions:
        # The font has no ↻: the marker's words alone, in italics.
        text = caption.text.removeprefix("↻ ") if caption.marker else caption.text
        draw.text((caption.x * s, caption.baseline * s), text, fill=_ACCENT,
                  font=_font("italic" if caption.marker else "bold", 11 * s), anchor="ms")
    for stroke in picture.strokes:
        draw.line([(stroke.x1 * s, stroke.y1 * s), (stroke.x2 * s, stroke.y2 * s)],
                  fill=_CUT if stroke.cut else _ACCENT, width=5 if stroke.cut else 4)
    for note in picture.notes:
        draw.text((note.x * s, note.baseline * s), note.text,
                  fill=_CUT if note.middle else _INK,
                  font=_font("bold" if note.middle else "regular", 11 * s),
                  anchor="ms" if note.middle else "ls")
    out = io.BytesIO()
    # The quickest compression: a fifth of the time, a fifth larger (the Word file zips it
    # no further).
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()


def _arrow_head(start: tuple[float, float], end: tuple[float, float],
                length: float) -> list[tuple[float, float]]:
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    return [end] + [(end[0] - length * math.cos(angle + side),
                     end[1] - length * math.sin(angle + side)) for side in (-0.45, 0.45)]


@functools.lru_cache(maxsize=8)
def triangle_png(layers: tuple[tuple[str, str], ...]) -> tuple[bytes, int, int]:
    """The triangle of ``layers`` (title, detail) as PNG bytes, with the picture's width
    and height in pixels of its geometry (the PNG is :data:`SCALE` times that)."""
    picture = triangle_picture(list(layers))
    s = SCALE
    image = Image.new("RGB", (picture.width * s + 2, picture.height * s + 2), "white")
    draw = ImageDraw.Draw(image)
    for band in picture.bands:
        fill = _BANDS[(band.number - 1) % len(_BANDS)]
        draw.polygon([(x * s, y * s) for x, y in band.corners], fill=fill, outline=_ACCENT,
                     width=3)
        draw.text((band.number_x * s, band.number_baseline * s), str(band.number),
                  fill=_ACCENT, font=_font("bold", 14 * s), anchor="ms")
        for i, line in enumerate(band.title):
            draw.text((band.label_x * s, band.baseline(i) * s), line, fill=_ACCENT,
                      font=_font("bold", 12 * s), anchor="ls")
        draw.text((band.label_x * s, band.baseline(len(band.title)) * s), band.detail,
                  fill=_MUTED, font=_font("regular", 12 * s), anchor="ls")
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue(), picture.width, picture.height
