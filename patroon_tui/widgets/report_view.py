"""``ReportView``: the report (``core.report.document``) drawn as text lines in one scrolling widget.

The report of a big session is tens of thousands of lines. One widget per block (what a
Markdown widget mounts) costs seconds before anything shows, and more with every table. Here
the report is one widget that draws lines: only the lines the screen shows are drawn before
the first frame, and the rest is drawn after it, a few milliseconds at a time, so keys typed
meanwhile are handled between the pieces. A new width (a resize) draws again as far as the
screen shows; a new report read further down replaces the lines shown once it is drawn as
far, so the facilitator keeps reading where they were.

The lines are drawn by ``widgets.report_lines`` in the theme's colours (the view's component
classes); a new theme draws them again.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import ClassVar

from rich.style import Style
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import Worker

from patroon_tui.core.drawing import hyphen
from patroon_tui.core.report.document import Document
from patroon_tui.widgets.report_lines import Drawing, ReportLines

#: How long one piece of drawing after the first frame may take, and the pause after it
#: in which the app handles keys and paints, in seconds.
_SLICE = 0.008
_PAUSE = 0.004

#: How often the scroll bar follows the lines drawn after the first frame, in seconds.
_SIZE_EVERY = 0.1

#: Lines drawn before the first frame at least: a short report is whole at once (and looks
#: the same every time); a long one is drawn on after the frame. Three screens: 2-4 ms
#: (300 lines took 6-9 ms, most of them a table of 500 rows no one sees yet).
_FIRST_LINES = 100


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
        self._shown = Drawing(iter(()), 0)  # the lines on the screen (none yet)
        self._next: Drawing | None = None  # a new report's lines, until they reach the view
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

    def _draw(self, document: Document, width: int) -> Iterator[list[Strip]]:
        lines = ReportLines(self.app.console, self._styles_drawn)
        for piece in lines.draw(document, width):
            if lines.unhyphenated and not self._unhyphenated:
                self._unhyphenated = True
                self.call_later(self._read_dictionary)
            yield piece

    def _redraw(self) -> None:
        """Draw the report again: near the top at once; further down the lines shown stay
        until the new ones are drawn as far, after the frame."""
        width = self._text_width()
        target = self.scroll_offset.y + self.size.height * 2
        if self._shown.width != width or target <= _FIRST_LINES:
            self._restart()
            return
        self._styles_drawn = self._report_styles()
        self._next = Drawing(self._draw(self._document, width), width, target)
        self._fill_later()

    def _restart(self, *, painting: bool = False) -> None:
        width = self._text_width()
        self._next = None
        self._styles_drawn = self._report_styles()
        self._shown = Drawing(self._draw(self._document, width) if width > 0 else iter(()),
                               width)
        if width > 0:
            shown_to = self.scroll_offset.y + self.size.height * 2
            self._shown.draw_up_to(max(_FIRST_LINES, shown_to))
            if not self._shown.done:
                self._fill_later()
        if painting:
            # In the middle of a frame: the lines are for this one; the scroll bar follows.
            self.call_after_refresh(self._update_size)
            return
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
                self._fill, group="report-drawing", exclusive=True, exit_on_error=False
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
        width = self._text_width()
        if width > 0 and width != self._shown.width:
            # The first frame at a new width (the very first one too) shows the lines drawn
            # at it, not the frame after the resize is handled (on the summary's first
            # screen, 20 ms and a frame later).
            self._restart(painting=True)
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
