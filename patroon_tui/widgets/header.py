"""The programme header: session title, current part, table timer, save state and clock,
and what the room sees when that is not the slide (the answers, or nothing).

Textual's own ``Header`` shows one title and an English clock icon; the facilitator needs
the part of the programme, the running table timer and whether everything is saved, so
this header is a small row of labels instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from patroon_tui.core.text.terminal_safe import printable
from patroon_tui.widgets.save_indicator import SaveIndicator
from patroon_tui.widgets.timer import TimerDisplay

#: The header's mark while the room sees the answers typed on this screen.
ROOM_SEES = "● DE ZAAL ZIET DE ANTWOORDEN"
#: The mark with its key, where the header is wide enough to keep the clock in view too.
ROOM_SEES_KEY = f"{ROOM_SEES} (f10 uit)"
#: The header's mark while the audience window is blank (ctrl+b or f12).
ROOM_BLANK = "■ Zaal ziet niets"
#: The mark with its keys, where the header is wide enough to keep the clock in view too.
ROOM_BLANK_KEYS = f"{ROOM_BLANK} (terug: ctrl+b of f12)"
#: The mark in a narrow header (60 columns), as the footer and the palette name it.
ROOM_BLANK_SHORT = "■ Zaal zwart"
#: The header widths from which the blank mark is the plain one and the one with its
#: keys (the answers' mark: with its key): beside it the title, the timer, the save state
#: and the clock stay in view.
_BLANK_PLAIN_FROM, _BLANK_KEYS_FROM = 72, 110


class AppHeader(Horizontal):
    """One line at the top of the programme screen."""

    DEFAULT_CSS = """
    AppHeader { height: 1; dock: top; background: $panel; color: $text; }
    AppHeader #header-title { width: auto; max-width: 30%; padding: 0 1; text-style: bold; }
    AppHeader #header-part { width: 1fr; color: $text-muted; padding: 0 1; }
    /* One row: a title or part too long for it ends in "…" instead of wrapping out of view
       (a part wrapped after "2 ·" showed only the number). */
    AppHeader #header-title, AppHeader #header-part { text-wrap: nowrap; text-overflow: ellipsis; }
    AppHeader #header-timer { width: auto; }
    AppHeader #header-clock { width: auto; padding: 0 1; }
    /* While the audience window shows this screen's answers (f10): loud, never missed. */
    AppHeader #header-room { display: none; width: auto; padding: 0 1; text-style: bold;
                             background: $error; color: $text; }
    AppHeader.-showing #header-room { display: block; }
    /* While the audience window is blank (ctrl+b): said in words, reversed to stand out. */
    AppHeader #header-blank { display: none; width: auto; padding: 0 1; text-style: bold reverse; }
    AppHeader.-blank #header-blank { display: block; }
    /* Narrow with a mark: the part (squeezed to its padding by then) makes room for the clock. */
    AppHeader.-narrow.-blank #header-part, AppHeader.-narrow.-showing #header-part { display: none; }
    """

    def __init__(self, title: str, *, part: str = "", timer: Widget | None = None,
                 now: Callable[[], dt.datetime] | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        # The clock is given (a fixed one in snapshots), not asked of the app.
        self._now = now or (lambda: dt.datetime.now().astimezone())
        # A title from a shared file may hold ESC sequences, which Textual would pass on
        # to the terminal (retitling the window, clearing the screen).
        self._title = printable(title)
        self._part = part
        self._timer = timer

    def compose(self) -> ComposeResult:
        # Everything is composed with its text, so the first paint is the final one.
        yield Static(self._title, id="header-title", markup=False)
        yield Static(self._part, id="header-part", markup=False)
        yield Static(ROOM_SEES, id="header-room", markup=False)
        yield Static(ROOM_BLANK, id="header-blank", markup=False)
        with Horizontal(id="header-timer"):
            if self._timer is not None:
                yield self._timer
        yield SaveIndicator(id="header-save")
        yield Static(self._clock(), id="header-clock")

    def on_timer_display_shown(self, event: TimerDisplay.Shown) -> None:
        event.stop()
        self.set_class(event.shown, "-timer-on")

    def on_mount(self) -> None:
        # A minute clock: checking every few seconds is plenty and costs nothing.
        self.set_interval(5, self._tick)

    def on_resize(self, event: events.Resize) -> None:
        # The labels beside the part do not shrink: a mark wider than the room left would
        # push the clock out at the right edge (cut to "19:2").
        width = event.size.width
        text = (ROOM_BLANK_KEYS if width >= _BLANK_KEYS_FROM
                else ROOM_BLANK if width >= _BLANK_PLAIN_FROM else ROOM_BLANK_SHORT)
        self.set_class(width < _BLANK_PLAIN_FROM, "-narrow")
        for label, fits in ((self.query_one("#header-blank", Static), text),
                            (self.query_one("#header-room", Static),
                             ROOM_SEES_KEY if width >= _BLANK_KEYS_FROM else ROOM_SEES)):
            if str(label.content) != fits:
                label.update(fits)

    def _clock(self) -> str:
        return self._now().strftime("%H:%M")

    def _tick(self) -> None:
        clock = self._clock()
        label = self.query_one("#header-clock", Static)
        if str(label.content) != clock:
            label.update(clock)

    def set_showing(self, showing: bool) -> None:
        """Mark that the room sees this screen's answers (or no longer does)."""
        self.set_class(showing, "-showing")

    def set_blank(self, blank: bool) -> None:
        """Mark that the room sees nothing (or sees the slide again)."""
        self.set_class(blank, "-blank")

    def set_part(self, text: str) -> None:
        """Show the current part of the programme."""
        if text != self._part:
            self._part = text
            self.query_one("#header-part", Static).update(text)
