"""The terminal's screen as text rows, read from the app's own screenshot: what the
compositor last drew, so a line a widget failed to repaint shows as it is on screen (a
widget's ``render_line`` would draw it afresh)."""

from __future__ import annotations

import html
import re

_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>'
)
_CELL = 12.2  # the screenshot's width of one cell, in SVG units


def screen_rows(app) -> list[str]:
    """Every row of the screen as drawn, one string per row."""
    cells: dict[int, dict[int, str]] = {}
    for x, row, text in _TEXT.findall(app.export_screenshot()):
        col = round(float(x) / _CELL)
        line = cells.setdefault(int(row), {})
        for i, ch in enumerate(html.unescape(text).replace("\xa0", " ")):
            line[col + i] = ch
    height = app.size.height
    return ["".join(cells.get(r, {}).get(c, " ") for c in range(app.size.width)) for r in range(height)]


def rows_in(app, widget) -> list[str]:
    """The screen's rows across ``widget``'s region (border included), one string per row."""
    region = widget.region
    return [row[region.x : region.right] for row in screen_rows(app)[region.y : region.bottom]]


def shown_in(app, widget) -> str:
    """The words drawn inside ``widget`` (within its border and padding), as one line."""
    region = widget.content_region
    rows = screen_rows(app)[region.y : region.y + region.height]
    inside = [row[region.x : region.x + region.width] for row in rows]
    return " ".join(" ".join(inside).split())
