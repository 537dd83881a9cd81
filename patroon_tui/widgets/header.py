"""The programme header: session title, current part, table timer, save state and clock.

Textual's own ``Header`` shows one title and an English clock icon; the facilitator needs
the part of the programme, the running table timer and whether everything is saved, so
this header is a small row of labels instead.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from patroon_tui.widgets.save_indicator import SaveIndicator


class AppHeader(Horizontal):
    """One line at the top of the programme screen."""

    DEFAULT_CSS = """
    AppHeader { height: 1; dock: top; background: $panel; color: $text; }
    AppHeader #header-title { width: auto; max-width: 40%; padding: 0 1; text-style: bold; }
    AppHeader #header-part { width: 1fr; color: $text-muted; padding: 0 1; }
    AppHeader #header-timer { width: auto; }
    AppHeader #header-clock { width: auto; padding: 0 1; }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = title

    def compose(self) -> ComposeResult:
        yield Static(self._title, id="header-title", markup=False)
        yield Static("", id="header-part", markup=False)
        yield Horizontal(id="header-timer")
        yield SaveIndicator(id="header-save")
        yield Static("", id="header-clock")

    def on_mount(self) -> None:
        self._tick()
        # A minute clock: checking every few seconds is plenty and costs nothing.
        self.set_interval(5, self._tick)

    def _tick(self) -> None:
        now = self.app.now()  # type: ignore[attr-defined]
        self.query_one("#header-clock", Static).update(now.strftime("%H:%M"))

    def set_part(self, text: str) -> None:
        """Show the current part of the programme."""
        self.query_one("#header-part", Static).update(text)

    def slot_timer(self, timer: Widget) -> None:
        """Place the table timer widget in the header."""
        self.query_one("#header-timer", Horizontal).mount(timer)
