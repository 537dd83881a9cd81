"""Reading a loop drawing back the way a person reads it: cells, box labels and box text."""

from __future__ import annotations

import re

from patroon_tui.core.drawing.cells import graphemes
from patroon_tui.core.drawing.loop import LoopDrawing, char_width

# A box label is a step number written right after a box's left border and one space
# ("│ 3  …", "| 3  …"), or at the start of a chain line ("3  …"), followed by two spaces or
# the end of the line. Continuation lines are indented further, and step text is wrapped with
# single spaces, so nothing else in a drawing has this shape.
LABEL = re.compile(r"(?:^|[│|] )(\d+)(?:  |$)")


def cells(line: str, length: int = 0) -> list[str]:
    """A line as terminal cells: a wide character fills its cell and an empty next one."""
    out: list[str] = []
    for ch in graphemes(line):
        w = char_width(ch)
        if w == 0 and out:
            out[-1] += ch
        elif w == 2:
            out += [ch, ""]
        else:
            out.append(ch)
    return out + [" "] * (length - len(out))


def body_lines(drawing: LoopDrawing) -> list[str]:
    """The drawing without the detail block and the legend written under it."""
    lines = drawing.lines
    if drawing.legend:
        lines = lines[: len(lines) - len(drawing.legend) - 1]
    if not drawing.detail:
        return lines
    return lines[: len(lines) - len(drawing.detail) - 1]


def labels(drawing: LoopDrawing) -> list[int]:
    """Every box label in the drawing, in reading order."""
    return [int(m.group(1)) for line in body_lines(drawing) for m in LABEL.finditer(line)]


def box_text(drawing: LoopDrawing, step: int, like: str = "") -> str:
    """The characters inside a step's box (or chain entry), whitespace removed.

    A word cut at a line end carries a hyphen the step's text does not have; read the way
    a person reads it, ``gemeenschappelij-`` + ``kheid`` is one word. Pass the text the box
    should hold as ``like`` to drop such hyphens where ``like`` has none.
    """
    lines: list[str] = []
    rows = drawing.spans[step]
    if drawing.layout == "ring":
        rows = rows[1:-1]  # without the top and bottom borders
    for row, start, end in rows:
        row_cells = cells(drawing.lines[row], end)
        if drawing.layout == "ring":
            start, end = start + 1, end - 1  # inside the borders
        lines.append("".join("".join(row_cells[start:end]).split()))
    expected = "".join(like.split())
    out = ""
    for line in lines:
        if line.endswith("-") and not expected.startswith(line, len(out)):
            line = line[:-1]
        out += line
    return out
