"""The report as a PDF, made without a browser: :func:`render_pdf`.

A4 pages with the session's title and date and the page number at the foot of each; the
title, author (the facilitator), subject and date in the document's properties; the fonts
embedded (Bitstream Vera, which ReportLab ships: no system fonts are needed); a heading
never alone at the foot of a page (each is kept with what follows it); a table's header
row repeated on every page it runs over. Each loop is drawn as vectors from the same ring
as the HTML report's SVG (:func:`patroon_tui.core.report.loop_picture.loop_picture`): its boxes,
arrows and title in the middle, then its steps as a list for those who read it aloud. The
collaboration triangle is drawn as vectors too (:mod:`.triangle_picture`).

ReportLab (BSD licence, a pure-Python wheel of 2 MB with Pillow beside it) was chosen
over fpdf2 (LGPL, ships no font with more than Latin-1, so a TrueType font would have to
be found and shipped) and typst (a 34 MB compiled wheel, and the report would have to be
written out as typst markup): see ``docs/report.md``. It is imported only when a PDF is
asked for.

A character the font does not have (an emoji, Hebrew, most symbols) is drawn as the font's
empty box: the PDF is for reading on paper; every format but this one keeps it.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import re
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Group, Line as Stroke, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph as Para,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from patroon_tui.core.drawing.cells import clean
from patroon_tui.core.drawing.marks import Marks
from patroon_tui.core.report.document import (
    Document,
    Grid,
    Heading,
    Items,
    Line,
    Loop,
    Paragraph,
    Triangle,
    TypedText,
)
from patroon_tui.core.report.fonts import font_file
from patroon_tui.core.report.loop_picture import LoopPicture, loop_picture, text_size
from patroon_tui.core.report.triangle_picture import triangle_picture

__all__ = ["render_pdf"]

_FONT, _BOLD, _ITALIC, _BOLD_ITALIC = "Vera", "Vera-Bold", "Vera-Italic", "Vera-BoldItalic"
_INK = colors.HexColor("#1d2733")
_ACCENT = colors.HexColor("#2b4c7e")
_CUT = colors.HexColor("#b3261e")  # a cut: red, as a stop
_BOX = colors.HexColor("#eef3fa")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MARGIN_X, _MARGIN_Y = 16 * mm, 18 * mm


@functools.cache
def _fonts() -> None:
    """Bitstream Vera from ReportLab's own folder, registered once per process."""
    for name, style in ((_FONT, "regular"), (_BOLD, "bold"), (_ITALIC, "italic"),
                        (_BOLD_ITALIC, "bold-italic")):
        pdfmetrics.registerFont(TTFont(name, str(font_file(style))))
    pdfmetrics.registerFontFamily(_FONT, normal=_FONT, bold=_BOLD, italic=_ITALIC,
                                  boldItalic=_BOLD_ITALIC)


@functools.cache
def _styles(scale: float = 1.0) -> dict[str, ParagraphStyle]:
    """The paragraph styles; ``scale`` < 1 makes them smaller (the one-page summary)."""

    def style(name: str, parent: ParagraphStyle | None = None, **sizes: Any) -> ParagraphStyle:
        scaled: dict[str, Any] = {
            k: v * scale if isinstance(v, int | float) and k != "keepWithNext" else v
            for k, v in sizes.items()
        }
        return ParagraphStyle(name, parent, **scaled)

    body = style("body", None, fontName=_FONT, bulletFontName=_FONT, fontSize=10, leading=14,
                 bulletFontSize=10, textColor=_INK, spaceAfter=5)
    return {
        "body": body,
        "title": style("title", body, fontName=_BOLD, fontSize=20, leading=25, spaceAfter=10,
                       textColor=_ACCENT),
        "h2": style("h2", body, fontName=_BOLD, fontSize=15, leading=19, spaceBefore=12,
                    spaceAfter=6, textColor=_ACCENT, keepWithNext=1),
        "h3": style("h3", body, fontName=_BOLD, fontSize=12, leading=16, spaceBefore=10,
                    spaceAfter=4, keepWithNext=1),
        "h4": style("h4", body, fontName=_BOLD, fontSize=10.5, leading=14, spaceBefore=6,
                    spaceAfter=2, keepWithNext=1),
        "typed": style("typed", body, spaceAfter=0),
        "item": style("item", body, leftIndent=14, bulletIndent=3, spaceAfter=2),
        "cell": style("cell", body, fontSize=9, leading=12, spaceAfter=0),
        "head": style("head", body, fontName=_BOLD, fontSize=9, leading=12, spaceAfter=0),
    }


def _typed(text: str) -> str:
    return "<br/>".join(escape(clean(line)) for line in _LINE_BREAK.split(text))


def _typed_text(text: str, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """A long typed text as a paragraph per line: ReportLab lays a paragraph that runs over
    a page out again from its start for each page, so one paragraph of a 20 kB answer took
    seconds (time that grows with the square of its length)."""
    lines = _LINE_BREAK.split(text)
    tight = styles["typed"]
    out: list[Flowable] = [Para(escape(clean(line)), tight) if line.strip() else Spacer(1, 7)
                           for line in lines]
    out.append(Spacer(1, 5))
    return out


def _line(line: Line) -> str:
    out = []
    for run in line:
        text = _typed(run.text)
        out.append(f"<b>{text}</b>" if run.strong else text)
    return "".join(out)


def _heading(block: Heading, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    style = {1: "title", 2: "h2", 3: "h3"}.get(block.level, "h4")
    # Room for a heading and a few lines under it, or the next page.
    room = 40 * mm * styles["body"].fontSize / 10
    out: list[Flowable] = [PageBreak()] if block.new_page else [CondPageBreak(room)]
    out.append(Para(_line(block.line), styles[style]))
    return out


def _grid(block: Grid, styles: dict[str, ParagraphStyle], width: float) -> Table:
    rows = [[Para(escape(h), styles["head"]) for h in block.header]]
    rows += [[Para(_line(cell), styles["cell"]) for cell in row] for row in block.rows]
    table = Table(rows, colWidths=[width / len(block.header)] * len(block.header),
                  repeatRows=1, hAlign="LEFT")
    pad = styles["cell"].fontSize / 3
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), _FONT, 9),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#9aa7b8")),
        ("BACKGROUND", (0, 0), (-1, 0), _BOX),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def loop_drawing(title: str, steps: list[str], width: float, *,
                 small: bool = False, marks: Marks | None = None) -> Drawing | None:
    """The loop as vectors, at most ``width`` points wide (``small``: the small ring of
    :func:`~patroon_tui.core.report.loop_picture.plan_picture`); ``None`` when no ring
    layout exists for that many steps (the steps are then only listed). ``marks``: the
    arrows cut and slow, with the legend under the ring."""
    picture = loop_picture(title, steps, small=small, marks=marks)
    if picture is None:
        return None
    scale = min(1.0, width / picture.width)
    size = text_size(picture, lambda line: pdfmetrics.stringWidth(line, _FONT, 1), 11.0)

    def top(y: float) -> float:  # the picture's rows run down; a PDF's y runs up
        return picture.height - y

    shapes = Group()
    for arrow in picture.arrows:
        shapes.add(Stroke(arrow.x1, top(arrow.y1), arrow.x2, top(arrow.y2),
                          strokeColor=_ACCENT, strokeWidth=1.4))
        shapes.add(_arrow_head((arrow.x1, arrow.y1), (arrow.x2, arrow.y2), top))
    for box in picture.boxes:
        rect = Rect(box.x, top(box.y + box.h), box.w, box.h, 6, 6)
        rect.fillColor, rect.strokeColor, rect.strokeWidth = _BOX, _ACCENT, 1
        shapes.add(rect)
        shapes.add(String(box.number_x, top(box.baseline(0)), str(box.step), fontName=_BOLD,
                          fontSize=11, fillColor=_ACCENT))
        for i, line in enumerate(box.lines):
            shapes.add(String(box.text_x, top(box.baseline(i)), line, fontName=_FONT,
                              fontSize=size, fillColor=_INK))
    for caption in picture.captions:
        # The font has no ↻: the marker's words alone, in italics.
        text = caption.text.removeprefix("↻ ") if caption.marker else caption.text
        shapes.add(String(caption.x, top(caption.baseline), text,
                          fontName=_ITALIC if caption.marker else _BOLD, fontSize=11,
                          fillColor=_ACCENT, textAnchor="middle"))
    _add_marks(shapes, picture, top)
    shapes.scale(scale, scale)
    drawing = Drawing(picture.width * scale, picture.height * scale)
    # The drawing's and the table's own first font (else Helvetica, which is not embedded).
    # (renderPDF reads this attribute of a drawing; the type stubs do not name it)
    drawing.initialFontName = _FONT  # type: ignore[attr-defined]
    drawing.add(shapes)
    return drawing


def _add_marks(shapes: Group, picture: LoopPicture, top: Callable[[float], float]) -> None:
    """The strokes across cut and slow arrows, the cuts' numbers and the legend."""
    for st in picture.strokes:
        shapes.add(Stroke(st.x1, top(st.y1), st.x2, top(st.y2),
                          strokeColor=_CUT if st.cut else _ACCENT,
                          strokeWidth=2.2 if st.cut else 1.8))
    for note in picture.notes:
        shapes.add(String(note.x, top(note.baseline), note.text,
                          fontName=_BOLD if note.middle else _FONT, fontSize=11,
                          fillColor=_CUT if note.middle else _INK,
                          textAnchor="middle" if note.middle else "start"))


#: The triangle's bands, top to bottom: darker at the top.
_BANDS = (colors.HexColor("#d5e1f2"), colors.HexColor("#e4ecf7"), colors.HexColor("#f4f7fb"))


def triangle_drawing(layers: list[tuple[str, str]], width: float) -> Drawing:
    """The collaboration triangle of ``layers`` (title, detail) as vectors, at most
    ``width`` points wide."""
    picture = triangle_picture(layers)
    scale = min(1.0, width / picture.width)

    def top(y: float) -> float:  # the picture's rows run down; a PDF's y runs up
        return picture.height - y

    shapes = Group()
    for band in picture.bands:
        flat = [c for x, y in band.corners for c in (x, top(y))]
        shapes.add(Polygon(flat, fillColor=_BANDS[(band.number - 1) % len(_BANDS)],
                           strokeColor=_ACCENT, strokeWidth=1.2))
        shapes.add(String(band.number_x, top(band.number_baseline), str(band.number),
                          fontName=_BOLD, fontSize=13, fillColor=_ACCENT, textAnchor="middle"))
        for i, line in enumerate(band.title):
            shapes.add(String(band.label_x, top(band.baseline(i)), line, fontName=_BOLD,
                              fontSize=11, fillColor=_ACCENT))
        shapes.add(String(band.label_x, top(band.baseline(len(band.title))), band.detail,
                          fontName=_FONT, fontSize=11, fillColor=_INK))
    shapes.scale(scale, scale)
    drawing = Drawing(picture.width * scale, picture.height * scale)
    drawing.initialFontName = _FONT  # type: ignore[attr-defined]
    drawing.add(shapes)
    return drawing


def _arrow_head(start: tuple[float, float], end: tuple[float, float], top) -> Polygon:
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    length, spread = 8.0, 0.45
    points = [end]
    for side in (-spread, spread):
        points.append((end[0] - length * math.cos(angle + side),
                       end[1] - length * math.sin(angle + side)))
    flat = [c for x, y in points for c in (x, top(y))]
    return Polygon(flat, fillColor=_ACCENT, strokeColor=_ACCENT, strokeWidth=0.5)


def _loop(block: Loop, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    out: list[Flowable] = []
    drawing = loop_drawing(block.title, list(block.steps),
                           width * (0.6 * styles["body"].fontSize / 10 if block.small else 1),
                           small=block.small, marks=block.marks)
    if drawing is not None:
        drawing.hAlign = "CENTER"
        out += [drawing, Spacer(1, 4)]
        if block.small:  # the one-page summary: the drawing holds the steps
            return [KeepTogether(out)]
    items = [Para(_typed(step), styles["item"], bulletText=f"{n}.")
             for n, step in enumerate(block.steps, start=1)]
    closing = Para(f"Na stap {len(block.steps)} begint de cirkel weer bij stap 1.",
                   styles["body"])
    # The drawing and its first steps on one page; a long list may run on.
    return [KeepTogether([*out, *items[:2]]), *items[2:], closing]


def _flowables(doc: Document, width: float, scale: float) -> list[Flowable]:
    styles = _styles(scale)
    # On the one-page summary an item's line under it (a first step's owner) follows it.
    detail_break = " — " if doc.short else "<br/>"
    out: list[Flowable] = [Para(_typed(doc.title), styles["title"])]
    out += [Para(f"<b>{escape(label)}:</b> {_line(value)}", styles["body"])
            for label, value in doc.details]
    for block in doc.blocks:
        if isinstance(block, Heading):
            out += _heading(block, styles)
        elif isinstance(block, Paragraph):
            out.append(Para(_line(block.line), styles["body"]))
        elif isinstance(block, TypedText):
            out += _typed_text(block.text, styles)
        elif isinstance(block, Items):
            out += [Para(_typed(item.text) + (f"{detail_break}{_line(item.detail)}"
                                              if item.detail else ""),
                         styles["item"], bulletText=f"{n}." if block.numbered else "•")
                    for n, item in enumerate(block.items, start=1)]
        elif isinstance(block, Grid):
            out += [_grid(block, styles, width), Spacer(1, styles["body"].spaceAfter)]
        elif isinstance(block, Loop):
            out += _loop(block, styles, width)
        elif isinstance(block, Triangle):
            drawing = triangle_drawing(list(block.layers), width)
            drawing.hAlign = "LEFT"
            out += [drawing, Spacer(1, styles["body"].spaceAfter)]
    return out


def _pdf_date(moment: dt.datetime) -> str:
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


#: The sizes tried for the one-page summary, largest first: the first that fits one page.
_SHORT_SCALES = (1.0, 0.9, 0.82, 0.75, 0.68)


def render_pdf(doc: Document) -> bytes:
    """``doc`` as the bytes of an A4 PDF; the one-page summary (``doc.short``) made smaller
    until it fits one page (and left at the smallest size if it still does not)."""
    _fonts()
    if not doc.short:
        return _render(doc, 1.0)[0]
    for scale in _SHORT_SCALES:
        data, pages = _render(doc, scale)
        if pages == 1:
            break
    return data


def _render(doc: Document, scale: float) -> tuple[bytes, int]:
    out = io.BytesIO()
    title = " ".join(clean(doc.title).split())
    created = dt.datetime.combine(doc.created or dt.date(2000, 1, 1), dt.time())
    footer = f"{title} · {created:%d-%m-%Y}" if doc.created else title
    pdf = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=_MARGIN_X, rightMargin=_MARGIN_X, topMargin=_MARGIN_Y,
        bottomMargin=_MARGIN_Y, title=title, author=" ".join(clean(doc.author).split()),
        subject="Verslag van de workshop Samenwerken in interafhankelijkheid",
        creator="patroon", lang="nl-NL", invariant=1, initialFontName=_FONT,
    )

    def page(canvas, _doc) -> None:
        canvas.setDateFormatter(lambda *_: _pdf_date(created))
        canvas.saveState()
        canvas.setFont(_FONT, 8)
        canvas.setFillColor(colors.HexColor("#5b6778"))
        canvas.drawString(_MARGIN_X, 10 * mm, footer[:110])
        canvas.drawRightString(A4[0] - _MARGIN_X, 10 * mm, f"pagina {canvas.getPageNumber()}")
        canvas.restoreState()

    pdf.build(_flowables(doc, A4[0] - 2 * _MARGIN_X, scale), onFirstPage=page,
              onLaterPages=page)
    return out.getvalue(), pdf.page
