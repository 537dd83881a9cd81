"""The table timer as shown in the header: "⏱ 24:13", a warning from 5:00, "Tijd!" at 0.

``TimerDisplay`` shows a ``TableTimer`` and keeps it in the session's ``[progress]`` once a
second, so whatever the app saves holds the time left. The app binds the start/pause and
reset keys to ``toggle()`` and ``reset()``. When the time is up the display rings the bell
and notifies once, and shows "Tijd!" until the facilitator acknowledges it.
"""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Static

from patroon_tui.core.model.session import Progress
from patroon_tui.core.model.timer import TableTimer
from patroon_tui.messages import SessionChanged


def format_seconds(seconds: int) -> str:
    """``mm:ss`` (minutes may run past 59: the longest timer is a few hours)."""
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


class TimerDisplay(Static):
    class Shown(Message):
        """The timer appeared (it was started) or went away (reset): the header keeps
        it in view while presenting."""

        def __init__(self, shown: bool) -> None:
            super().__init__()
            self.shown = shown

    """Shows the table timer; hidden while no timer ran."""

    DEFAULT_CSS = """
    TimerDisplay {
        width: auto;
        height: 1;
        padding: 0 1;
        text-style: bold;
    }

    TimerDisplay.-paused {
        color: $text-muted;
    }

    TimerDisplay.-warning {
        background: $warning;
        color: $text;
    }

    TimerDisplay.-expired {
        background: $error;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(
        self,
        timer: TableTimer,
        progress: Progress | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__("", id=id, classes=classes)
        self.timer = timer
        """The timer shown (the app owns it)."""
        self.progress = progress
        """Where the timer is kept in the session, if anywhere."""
        # A resumed timer that is already low or up does not signal again.
        self._warned = timer.warning or timer.expired
        self._signalled = timer.expired
        self._text = ""
        self._shown: bool | None = None

    def on_mount(self) -> None:
        self._show()
        self.set_interval(1, self.update_now)

    # -- what the app calls -----------------------------------------------------------

    def toggle(self) -> None:
        """Start or pause the timer; when the time is up, acknowledge the signal."""
        self._sync_total()
        self.timer.toggle()
        self._changed()

    def reset(self) -> None:
        """Back to the full length; hidden until started again."""
        self.timer.reset()
        self._warned = False
        self._signalled = False
        self._changed()

    # -- internals --------------------------------------------------------------------

    def _sync_total(self) -> None:
        # The tables screen sets the length in the session; follow it.
        if self.progress is None:
            return
        total = self.progress.timer_seconds_total
        if total is not None and total != self.timer.total_seconds:
            self.timer.set_total(total)
            if not self.timer.warning:
                self._warned = False
            if not self.timer.expired:
                self._signalled = False

    def _changed(self) -> None:
        self._store()
        self._show()
        self.post_message(SessionChanged())

    def _store(self) -> None:
        if self.progress is not None:
            self.timer.to_progress(self.progress)

    def update_now(self) -> None:
        """Show the time left now and signal the warning or the end (runs every second)."""
        was_running = self.timer.running
        self._sync_total()
        self._store()
        self._show()
        if self.timer.warning and not self._warned:
            self._warned = True
            self.notify("Nog 5 minuten.", title="Tafeltimer", severity="warning")
        if self.timer.expired and not self._signalled:
            self._signalled = True
            self.app.bell()
            minutes = self.timer.total_seconds // 60
            what = f"De {minutes} minuten zijn om." if minutes else "De tijd is om."
            self.notify(what, title="Tafeltimer", severity="warning", timeout=10)
        if was_running and not self.timer.running:
            self.post_message(SessionChanged())

    def _show(self) -> None:
        timer = self.timer
        self.display = timer.started
        if self._shown != timer.started:
            self._shown = timer.started
            self.post_message(self.Shown(timer.started))
        alarm = timer.expired and not timer.acknowledged
        self.set_class(timer.warning, "-warning")
        self.set_class(alarm, "-expired")
        self.set_class(timer.started and not timer.running and not alarm, "-paused")
        if alarm:
            text = "⏱ Tijd!"
        elif timer.running or timer.expired:
            text = f"⏱ {format_seconds(timer.remaining())}"
        else:
            text = f"⏸ {format_seconds(timer.remaining())}"
        # Updating a Static lays out the whole screen again; once a second while someone
        # types, only when the text really changes (a paused or hidden timer never does).
        if text != self._text:
            self._text = text
            self.update(text)
