"""``ReportView``: the report (``core.report_doc``) drawn as text lines in one scrolling widget.

The report of a big session is tens of thousands of lines. One widget per block (what a
Markdown widget mounts) costs seconds before anything shows, and more with every table. Here
the report is one widget that draws lines: only the lines the screen shows are drawn before
the first frame, and the rest is drawn after it, a few milliseconds at a time, so keys typed
meanwhile are handled between the pieces. A new width (a resize) or a new report starts
again from the top of the report, drawing as far as the screen shows.

The report looks as its Markdown does rendered: the title centred, headings in the theme's
heading colours, lists with bullets or numbers, the overview as a table drawn with lines,
each loop as drawn by ``core.loop.draw_loop`` with its steps as a numbered list. Text people
typed keeps its line breaks; control characters in it are shown escaped (``\\x1b``), so a
note from a shared file cannot act on the terminal.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import Worker

from patroon_tui.core import hyphen
from patroon_tui.core.loop import draw_loop
from patroon_tui.core.messages import printable
from patroon_tui.core.report_doc import (
    Block,
    Document,
    Grid,
    Heading,
    Item,
    Items,
    Line,
    Loop,
    Paragraph,
    TypedText,
)

#: The widest a loop is drawn, also on a wide screen (the exported file's width).
LOOP_WIDTH = 100

#: How long one piece of drawing after the first frame may take, and the pause after it
#: in which the app handles keys and paints, in seconds.
_SLICE = 0.008
_PAUSE = 0.004

#: How often the scroll bar follows the lines drawn after the first frame, in seconds.
_SIZE_EVERY = 0.1

#: Lines drawn before the first frame at least: a short report is whole at once (and looks
#: the same every time); a long one is drawn on after the frame. A few milliseconds.
_FIRST_LINES = 300


def _safe(text: str) -> str:
    return printable(text, keep="\n\t").expandtabs(4)


class _Drawing:
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


class ReportView(ScrollView, can_focus=True):
    """A report, drawn line by line as far as it is shown, the rest after the first frame."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "report--title", "report--h2", "report--h3", "report--h4", "report--label",
        "report--rule", "report--loop", "report--muted",
    }

    DEFAULT_CSS = """
    ReportView {
        height: 1fr;
        padding: 0 2;
        overflow-x: hidden;
        scrollbar-gutter: stable;
        background: $surface;
    }
    ReportView > .report--title {
        color: $markdown-h1-color;
        text-style: bold;
    }
    ReportView > .report--h2 {
        color: $markdown-h2-color;
        text-style: bold underline;
    }
    ReportView > .report--h3 {
        color: $markdown-h3-color;
        text-style: bold;
    }
    ReportView > .report--h4 {
        color: $markdown-h4-color;
        text-style: italic;
    }
    ReportView > .report--label {
        text-style: bold;
    }
    ReportView > .report--rule {
        color: $text-muted;
    }
    ReportView > .report--loop {
        color: $text;
    }
    ReportView > .report--muted {
        color: $text-muted;
    }
    """

    def __init__(
        self, document: Document, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._document = document
        self._shown = _Drawing(iter(()), 0)  # the lines on the screen (none yet)
        self._next: _Drawing | None = None  # a new report's lines, until they reach the view
        self._styles_drawn: dict[str, Style] = {}  # the styles the lines are drawn with
        self._line_style = Style()  # the widget's style, for the lines of one frame
        self._unhyphenated = False  # a loop was drawn before the dictionary was read
        self._filling: Worker[None] | None = None

    # -- public API -------------------------------------------------------------------

    @property
    def document(self) -> Document:
        """The report shown."""
        return self._document

    @property
    def complete(self) -> bool:
        """Whether every line of the report has been drawn."""
        return self._shown.width > 0 and self._next is None and self._shown.done

    def show(self, document: Document) -> None:
        """Show ``document`` instead. Near the top it is drawn at once; further down the
        report stays as it was until the new one is drawn as far, after the frame."""
        if document == self._document:
            return
        self._document = document
        self._redraw()

    def plain_lines(self) -> list[str]:
        """Every line of the report as text, as it is drawn at the current width."""
        if self._next is not None:
            self._next.draw_up_to(None)
            self._swap()
        self._shown.draw_up_to(None)
        self._update_size()
        return [strip.text for strip in self._shown.lines]

    # -- drawing on demand ------------------------------------------------------------

    def _text_width(self) -> int:
        return self.scrollable_content_region.width

    def _report_styles(self) -> dict[str, Style]:
        # The colour as the theme computes it (a muted colour is blended with the
        # background), without the background: the line's own is put under it when shown.
        styles = {}
        for name in self.COMPONENT_CLASSES:
            full = self.get_component_rich_style(name)
            styles[name] = Style(color=full.color, bold=full.bold, italic=full.italic,
                                 underline=full.underline)
        return styles

    def _redraw(self) -> None:
        """Draw the report again: near the top at once; further down the lines shown stay
        until the new ones are drawn as far, after the frame."""
        width = self._text_width()
        target = self.scroll_offset.y + self.size.height * 2
        if self._shown.width != width or target <= _FIRST_LINES:
            self._restart()
            return
        self._styles_drawn = self._report_styles()
        self._next = _Drawing(self._draw(self._document, width), width, target)
        self._fill_later()

    def _restart(self) -> None:
        width = self._text_width()
        self._next = None
        self._styles_drawn = self._report_styles()
        self._shown = _Drawing(self._draw(self._document, width) if width > 0 else iter(()),
                               width)
        if width > 0:
            shown_to = self.scroll_offset.y + self.size.height * 2
            self._shown.draw_up_to(max(_FIRST_LINES, shown_to))
            if not self._shown.done:
                self._fill_later()
        self._update_size()
        self.refresh()

    def _swap(self) -> None:
        if self._next is not None:
            self._shown, self._next = self._next, None
            self._update_size()
            self.refresh()

    def _update_size(self) -> None:
        self.virtual_size = Size(self._shown.width, len(self._shown.lines))

    def _fill_later(self) -> None:
        # After the frame now being made. exclusive: a drawing still under way is
        # cancelled at its next pause, between two pieces; this one goes on from there.
        def start() -> None:
            self._filling = self.run_worker(
                self._fill(), group="report-drawing", exclusive=True, exit_on_error=False
            )

        self.call_after_refresh(start)

    async def _fill(self) -> None:
        # The rest of the report after the first frame, a slice at a time: between slices
        # the app handles the keys typed meanwhile and paints.
        await asyncio.sleep(_PAUSE)
        sized = time.perf_counter()
        while self.is_attached:
            deadline = time.perf_counter() + _SLICE
            if self._next is not None:
                if self._next.draw_until(deadline):
                    self._swap()
            elif not self._shown.done:
                self._shown.draw_until(deadline)
                if self._shown.done or time.perf_counter() - sized > _SIZE_EVERY:
                    self._update_size()
                    sized = time.perf_counter()
            else:
                break
            await asyncio.sleep(_PAUSE)

    def on_resize(self) -> None:
        # Hidden (another screen shown), the width is 0: the lines drawn are kept.
        width = self._text_width()
        if width > 0 and width != self._shown.width:
            self._restart()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # A new theme or look: the lines are drawn again in it (not on every hover).
        if self._shown.width and self._report_styles() != self._styles_drawn:
            self._restart()

    def _read_dictionary(self) -> None:
        # Like the loop view: Dutch hyphenation is read in a thread, never on the way to a
        # frame; the loops drawn before it are drawn again once it is there.
        def read() -> None:
            hyphen.load()
            self.app.call_from_thread(self._dictionary_read)

        self.run_worker(read, thread=True, group="hyphen", exclusive=True, exit_on_error=False)

    def _dictionary_read(self) -> None:
        if self._unhyphenated and self.is_attached:
            self._unhyphenated = False
            self._redraw()

    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's style is looked up once a frame, not once a line.
        self._line_style = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self._text_width()
        index = scroll_y + y
        shown = self._shown
        if index >= len(shown.lines) and not shown.done and shown.width == width:
            before = len(shown.lines)
            shown.draw_up_to(index + self.size.height)
            if len(shown.lines) != before:
                self.call_after_refresh(self._update_size)
        style = self._line_style
        if index >= len(shown.lines):
            return Strip.blank(width, style)
        return shown.lines[index].crop_extend(scroll_x, scroll_x + width, style).apply_style(style)

    # -- the report as lines ----------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self._styles_drawn.get(name) or Style()

    def _text(self, line: Line, style: Style | None = None) -> Text:
        text = Text(style=style or Style())
        strong = self._style("report--label")
        for run in line:
            text.append(_safe(run.text), strong if run.strong else None)
        return text

    def _wrap(self, text: Text, width: int, *, justify: str = "left") -> list[Strip]:
        console = self.app.console
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

    def _draw(self, doc: Document, width: int) -> Iterator[list[Strip]]:
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
            wrapped = [self._wrap(cell, w) for cell, w in zip(cells, widths)]
            height = max(len(lines) for lines in wrapped)
            out = []
            for y in range(height):
                segments = [Segment("│ ", rule)]
                for n, (lines, w) in enumerate(zip(wrapped, widths)):
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
        if not hyphenate and not self._unhyphenated:
            self._unhyphenated = True
            self.call_later(self._read_dictionary)
        drawing = draw_loop(_safe(loop.title), [_safe(s) for s in loop.steps],
                            max(1, min(LOOP_WIDTH, width)), hyphenate=hyphenate)
        style = self._style("report--loop")
        yield [Strip([Segment(line.rstrip(), style)], cell_len(line.rstrip()))
               for line in drawing.lines] + [Strip.blank(0)]
        for n, step in enumerate(loop.steps, start=1):
            yield self._hanging(f"{n}. ", Text(_safe(step)), width)
        yield [Strip.blank(0)]
        yield self._wrap(Text(f"Na stap {len(loop.steps)} begint de cirkel weer bij stap 1."),
                         width)
