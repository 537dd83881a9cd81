"""The table timer for the room: large digits, read from the back of the room.

``RoomTimer`` shows the time left of the table round in Textual's ``Digits`` (three rows
high) with, beside it, what the time means in words and a mark — the last five minutes,
the end, a pause — so the signal never rests on colour alone (a projector washes colours
out, and some people do not see them). The audience window shows it on the tables screen
while the timer runs; elsewhere the one-line timer at the top will do.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Digits, Static

from patroon_tui.core.model.timer import WARNING_SECONDS
from patroon_tui.widgets.timer import format_seconds

#: What the signal beside the digits says, by the timer's state.
SIGNALS = {
    "warning": "▲ LAATSTE 5 MINUTEN",
    "expired": "■ DE TIJD IS OM",
    "paused": "⏸ GEPAUZEERD",
}


def timer_signal(seconds_left: int, *, running: bool) -> str:
    """The timer's state for the room: ``expired``, ``paused``, ``warning`` or ``""``."""
    if seconds_left <= 0:
        return "expired"
    if not running:
        return "paused"
    return "warning" if seconds_left <= WARNING_SECONDS else ""


class RoomTimer(Horizontal):
    """The time left in large digits, and its signal in words."""

    DEFAULT_CSS = """
    RoomTimer { height: 3; width: 100%; align-horizontal: center; }
    RoomTimer Digits { width: auto; text-style: bold; }
    /* The signal in a heavy frame, in words: it reads without its colour. */
    RoomTimer #room-timer-signal { display: none; width: auto; height: 3; margin-left: 3;
                                   padding: 0 1; text-style: bold; border: heavy $foreground; }
    RoomTimer.-warning #room-timer-signal, RoomTimer.-expired #room-timer-signal,
    RoomTimer.-paused #room-timer-signal { display: block; }
    /* On a coloured field the frame takes the window's own colour, so it stands out. */
    RoomTimer.-warning #room-timer-signal { background: $warning; color: $text;
                                            border: heavy $background; }
    RoomTimer.-expired #room-timer-signal { background: $error; color: $text;
                                            border: heavy $background; }
    RoomTimer.-expired Digits { color: $error; }
    RoomTimer.-paused Digits { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[int, str] | None = None

    def compose(self) -> ComposeResult:
        yield Digits("", id="room-timer-digits")
        yield Static("", id="room-timer-signal", markup=False)

    def show(self, seconds_left: int, *, running: bool) -> None:
        """Show ``seconds_left`` and what it means (a paused timer: ``running`` false)."""
        signal = timer_signal(seconds_left, running=running)
        if self._shown == (seconds_left, signal):
            return
        self._shown = (seconds_left, signal)
        self.query_one(Digits).update(format_seconds(seconds_left))
        self.query_one("#room-timer-signal", Static).update(SIGNALS.get(signal, ""))
        for name in SIGNALS:
            self.set_class(signal == name, f"-{name}")
