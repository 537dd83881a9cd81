"""The report (``core.report.document``) as lines of a terminal, a few lines at a time.

``ReportLines.draw`` turns a report document into pieces of lines (``Strip``) at a width,
each piece a few lines, drawn only as the next is asked for: the report view
(``widgets.report_view``) draws the lines in view first and the rest later. ``Drawing``
holds the lines drawn so far and the pieces still to draw.

The report looks as its Markdown does rendered: the title centred, headings in the styles
given, lists with bullets or numbers, the overview as a table drawn with lines (a row at a
time), each loop as drawn by ``core.drawing.loop.draw_loop`` with its steps as a numbered list,
the collaboration triangle as the Markdown report draws it. Text
people typed keeps its line breaks (a line at a time: a long note is thousands of lines);
control characters in it are shown escaped (``\\x1b``), so a note from a shared file
cannot act on the terminal.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, JustifyMethod
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from patroon_tui.core.drawing import hyphen
from patroon_tui.core.drawing.loop import draw_loop
from patroon_tui.core.drawing.marks import Marks
from patroon_tui.core.report.document import (
    Block,
    Document,
    Grid,
    Heading,
    Item,
    Items,
    Line,
    Loop,
    Paragraph,
    Triangle,
    TypedText,
)
from patroon_tui.core.report.markdown import triangle_lines
from patroon_tui.core.text.terminal_safe import printable

__all__ = ["LOOP_WIDTH", "Drawing", "ReportLines"]

#: The widest a loop is drawn, also on a wide screen (the exported file's width).
LOOP_WIDTH = 100


def _safe(text: str) -> str:
    return printable(text, keep="\n\t").expandtabs(4)


class Drawing:
    """A report's lines at one width: those drawn so far and the pieces still to draw."""

    def __init__(self, pieces: Iterator[list[Strip]], width: int, target: int = 0) -> None:
        self.lines: list[Strip] = []
        self.width = width
        self.target = target  # how far to draw before it may be shown
        self._pieces: Iterator[list[Strip]] | None = pieces

    @property
    def done(self) -> bool:
        return self._pieces is None

    def _piece(self) -> bool:
        piece = next(self._pieces, None) if self._pieces is not None else None
        if piece is None:
            self._pieces = None
            return False
        self.lines.extend(piece)
        return True

    def draw_up_to(self, count: int | None) -> None:
        """Draw until there are ``count`` lines (``None``: all)."""
        while (count is None or len(self.lines) < count) and self._piece():
            pass

    def draw_until(self, deadline: float) -> bool:
        """Draw until ``deadline`` (``time.perf_counter``); ``True`` once ``target`` is
        reached or all is drawn."""
        while len(self.lines) < self.target or self.target == 0:
            if time.perf_counter() >= deadline or not self._piece():
                break
        return self.done or 0 < self.target <= len(self.lines)


class ReportLines:
    """Draws a report as lines with ``console`` in ``styles`` (by component class name:
    ``report--title``, ``report--h2``, ``report--h3``, ``report--h4``, ``report--label``,
    ``report--rule``, ``report--loop``, ``report--muted``)."""

    def __init__(self, console: Console, styles: dict[str, Style]) -> None:
        self._console = console
        self._styles = styles
        self.unhyphenated = False
        """Whether a loop was drawn before the hyphenation dictionary was read."""

    def _style(self, name: str) -> Style:
        return self._styles.get(name) or Style()

    def _text(self, line: Line, style: Style | None = None) -> Text:
        text = Text(style=style or Style())
        strong = self._style("report--label")
        for run in line:
            text.append(_safe(run.text), strong if run.strong else None)
        return text

    def _wrap(self, text: Text, width: int, *, justify: JustifyMethod = "left") -> list[Strip]:
        console = self._console
        # Text.render leaves out the text's own style (a console applies it): added here,
        # under the styles of its parts.
        base = console.get_style(text.style) if text.style else None
        strips = []
        for part in text.wrap(console, max(1, width), justify=justify, overflow="fold"):
            part.rstrip()
            segments = part.render(console)
            if base is not None:
                segments = Segment.apply_style(segments, base)
            strips.append(Strip(list(segments), part.cell_len))
        return strips or [Strip.blank(0)]

    def _hanging(self, prefix: str, text: Text, width: int) -> list[Strip]:
        """``text`` wrapped after ``prefix``; its next lines indented as far."""
        pad = cell_len(prefix)
        lines = self._wrap(text, width - pad)
        marker = self._style("report--muted")
        return [
            Strip([Segment(prefix if n == 0 else " " * pad, marker if n == 0 else None),
                   *strip], pad + strip.cell_length)
            for n, strip in enumerate(lines)
        ]

    def draw(self, doc: Document, width: int) -> Iterator[list[Strip]]:
        """The report as pieces of lines, each piece a few lines: drawn as it is asked for."""
        blank = [Strip.blank(0)]
        yield blank + self._wrap(Text(_safe(doc.title), self._style("report--title")), width,
                                 justify="center")
        yield blank
        label = self._style("report--label")
        for name, value in doc.details:
            text = Text.assemble((f"{name}: ", label)) + self._text(value)
            yield self._hanging("• ", text, width)
        yield blank
        for block in doc.blocks:
            yield from self._block(block, width)

    def _block(self, block: Block, width: int) -> Iterator[list[Strip]]:
        blank = [Strip.blank(0)]
        if isinstance(block, Heading):
            name = {1: "report--title", 2: "report--h2", 3: "report--h3"}.get(
                block.level, "report--h4")
            lines = self._wrap(self._text(block.line, self._style(name)), width)
            yield (blank + lines if block.level <= 2 else lines) + blank
        elif isinstance(block, Paragraph):
            yield self._wrap(self._text(block.line), width) + blank
        elif isinstance(block, TypedText):
            yield from self._typed(block.text, width)
            yield blank
        elif isinstance(block, Items):
            for n, item in enumerate(block.items, start=1):
                yield from self._item(f"{n}. " if block.numbered else "• ", item, width)
            yield blank
        elif isinstance(block, Grid):
            yield from self._grid(block, width)
            yield blank
        elif isinstance(block, Triangle):
            style = self._style("report--loop")
            drawn = [_safe(line) for line in triangle_lines(block)]
            yield [Strip([Segment(line, style)], cell_len(line)).crop(0, width)
                   for line in drawn] + blank
        else:
            yield from self._loop(block, width)
            yield blank

    def _typed(self, text: str, width: int) -> Iterator[list[Strip]]:
        # A line at a time: a long note is thousands of lines, each drawn as it is reached.
        body = text.replace("\r\n", "\n").replace("\r", "\n")
        body = body.removesuffix("\n")
        for line in body.split("\n"):
            yield self._wrap(Text(_safe(line)), width)

    def _item(self, prefix: str, item: Item, width: int) -> Iterator[list[Strip]]:
        lines = item.text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
        pad = " " * cell_len(prefix)
        style = None if item.typed else self._style("report--muted")
        for n, line in enumerate(lines):
            yield self._hanging(prefix if n == 0 else pad, Text(_safe(line), style or ""), width)
        if item.detail:
            yield self._hanging(pad, self._text(item.detail, self._style("report--muted")), width)

    def _grid(self, grid: Grid, width: int) -> Iterator[list[Strip]]:
        """A table drawn with lines: its columns as wide as their widest cell, narrowed
        to fit ``width``; a row at a time."""
        columns = len(grid.header)
        natural = [cell_len(name) for name in grid.header]
        for row in grid.rows:
            for n, cell in enumerate(row[:columns]):
                natural[n] = max(natural[n], max(cell_len(line) for line in
                                                 _safe("".join(r.text for r in cell)).split("\n")))
        room = max(columns * 3, width - (3 * columns + 1))
        widths = list(natural)
        while sum(widths) > room:
            widest = max(range(columns), key=widths.__getitem__)
            over = sum(widths) - room
            widths[widest] = max(3, widths[widest] - max(1, min(over, widths[widest] // 4)))
            if all(w <= 3 for w in widths):
                break
        rule = self._style("report--rule")

        def border(left: str, middle: str, right: str) -> Strip:
            text = left + middle.join("─" * (w + 2) for w in widths) + right
            return Strip([Segment(text, rule)], cell_len(text))

        def row_lines(cells: list[Text]) -> list[Strip]:
            wrapped = [self._wrap(cell, w) for cell, w in zip(cells, widths, strict=False)]
            height = max(len(lines) for lines in wrapped)
            out = []
            for y in range(height):
                segments = [Segment("│ ", rule)]
                for n, (lines, w) in enumerate(zip(wrapped, widths, strict=False)):
                    strip = lines[y] if y < len(lines) else Strip.blank(0)
                    segments += [*strip.adjust_cell_length(w)]
                    segments.append(Segment(" │" if n == columns - 1 else " │ ", rule))
                out.append(Strip(segments, sum(widths) + 3 * columns + 1))
            return out

        label = self._style("report--label")
        header = [Text(_safe(name), label) for name in grid.header]
        yield [border("┌", "┬", "┐"), *row_lines(header), border("├", "┼", "┤")]
        for n, row in enumerate(grid.rows):
            cells = [self._text(cell) for cell in row[:columns]]
            cells += [Text()] * (columns - len(cells))
            last = n == len(grid.rows) - 1
            yield [*row_lines(cells), border("└", "┴", "┘") if last else border("├", "┼", "┤")]
        if not grid.rows:
            yield [border("└", "┴", "┘")]

    def _loop(self, loop: Loop, width: int) -> Iterator[list[Strip]]:
        hyphenate = hyphen.ready()
        if not hyphenate:
            self.unhyphenated = True
        marks = loop.marks or Marks()
        drawing = draw_loop(_safe(loop.title), [_safe(s) for s in loop.steps],
                            max(1, min(LOOP_WIDTH, width)), hyphenate=hyphenate,
                            cuts=marks.cuts, slow=marks.slow,
                            notes={k: _safe(v) for k, v in marks.notes.items()})
        style = self._style("report--loop")
        yield [Strip([Segment(line.rstrip(), style)], cell_len(line.rstrip()))
               for line in drawing.lines] + [Strip.blank(0)]
        for n, step in enumerate(loop.steps, start=1):
            yield self._hanging(f"{n}. ", Text(_safe(step)), width)
        yield [Strip.blank(0)]
        yield self._wrap(Text(f"Na stap {len(loop.steps)} begint de cirkel weer bij stap 1."),
                         width)
