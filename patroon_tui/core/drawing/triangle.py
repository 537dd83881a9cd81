"""The collaboration triangle drawn in text: :func:`draw_triangle`, for the triangle screen,
the summary on screen and the Markdown report; :func:`slide_triangle`, small, for a slide."""

from __future__ import annotations

from patroon_tui.core.drawing.wrap import wrap

__all__ = ["BAND_ROWS", "draw_triangle", "slide_triangle"]

#: Rows each layer takes in the drawing.
BAND_ROWS = 3


def draw_triangle(labels: list[str], band_rows: int = BAND_ROWS) -> list[str]:
    """A triangle in ASCII, cut into one band per label, each label beside its band.

    A label's lines (split at ``\\n``) go beside its band from the middle row down, or from
    higher up when there are more lines than rows below the middle. Drawn by hand rather
    than with a library: it is a dozen lines of slashes, and the labels must line up with
    the bands.
    """
    rows = band_rows * len(labels)
    base = 2 * rows  # inner width of the bottom row
    lines = []
    for row in range(rows):
        indent = rows - 1 - row
        inner = 2 * row
        last_of_band = row % band_rows == band_rows - 1
        fill = "_" if last_of_band else " "
        shape = " " * indent + "/" + fill * inner + "\\"
        label_lines = labels[row // band_rows].split("\n")
        start = max(0, min(band_rows // 2, band_rows - len(label_lines)))
        at = row % band_rows - start
        label = label_lines[at] if 0 <= at < len(label_lines) else ""
        line = shape.ljust(base + 2)
        lines.append(f"{line}   {label}".rstrip())
    return lines


def slide_triangle(titles: list[str], width: int = 26) -> list[str]:
    """A small triangle, two rows a layer, each title numbered beside its band in at most
    two lines of ``width`` cells: it fits a slide of 60 columns."""
    labels = []
    for n, title in enumerate(titles, start=1):
        lines = wrap(title, width) or [""]
        if len(lines) > 2:
            lines = [lines[0], " ".join(lines[1:])]
        labels.append("\n".join([f"{n}  {lines[0]}", *(f"   {line}" for line in lines[1:])]))
    return draw_triangle(labels, band_rows=2)
