"""The table timer: a countdown for the conversation at the tables, kept in the session.

``TableTimer`` is pure: it reads time from an injectable monotonic clock (a function
returning seconds), so tests drive it with a fake clock and no event loop. It knows how to
write itself into the session's ``[progress]`` and read itself back, so a resumed running
timer continues from what was left when the session was last saved, and a timer whose time
ran out comes back still signalling until the facilitator acknowledges it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from patroon_tui.core.model.session import Progress

#: Seconds left at or below which the timer warns (the room should start wrapping up).
WARNING_SECONDS = 5 * 60

Clock = Callable[[], float]


class TableTimer:
    """A countdown of ``total_seconds`` that can be started, paused, resumed and reset.

    States: *idle* (never started since creation or the last reset: nothing to show),
    *running*, *paused*, and *expired* (0 left). Expiry raises a signal that stays until
    it is acknowledged.
    """

    def __init__(self, total_seconds: int = 25 * 60, *, clock: Clock = time.monotonic) -> None:
        if total_seconds < 1:
            raise ValueError("a timer needs at least one second")
        self._clock = clock
        self.total_seconds: int = total_seconds
        """The timer's length in seconds."""
        self._custom_total = False
        # Seconds left at the moment of the last start/pause; while running the remaining
        # time is this minus the time elapsed since ``_started_at``.
        self._left = float(total_seconds)
        self._started_at: float | None = None
        self._ever_started = False
        self.acknowledged: bool = False
        """Whether the facilitator acknowledged the signal at 0."""

    # -- reading ----------------------------------------------------------------------

    def _left_now(self) -> float:
        if self._started_at is None:
            return self._left
        return max(0.0, self._left - (self._clock() - self._started_at))

    def remaining(self) -> int:
        """Whole seconds left, rounded up (shows 0 only when the time is really up)."""
        return math.ceil(self._left_now())

    @property
    def started(self) -> bool:
        """Whether the timer has run since it was made or last reset (else: nothing to show)."""
        return self._ever_started

    @property
    def running(self) -> bool:
        """Whether the timer is counting down now (it stops by itself at 0)."""
        return self._started_at is not None and self._left_now() > 0

    @property
    def expired(self) -> bool:
        """Whether the time is up."""
        return self._ever_started and self.remaining() == 0

    @property
    def warning(self) -> bool:
        """Whether 5 minutes or less are left (but the time is not up yet)."""
        return self._ever_started and 0 < self.remaining() <= WARNING_SECONDS

    # -- changing ---------------------------------------------------------------------

    def start(self) -> None:
        """Start or resume counting down; does nothing when running or when the time is up."""
        if self._started_at is not None or self._left <= 0:
            return
        self._started_at = self._clock()
        self._ever_started = True

    def pause(self) -> None:
        """Stop counting down, keeping what is left."""
        if self._started_at is None:
            return
        self._left = self._left_now()
        self._started_at = None

    def toggle(self) -> None:
        """The start/pause key: acknowledges an unacknowledged 0-signal, else starts or pauses."""
        if self.expired:
            self.pause()
            self.acknowledge()
        elif self._started_at is not None:
            self.pause()
        else:
            self.start()

    def acknowledge(self) -> None:
        """The facilitator saw that the time is up; the signal may stop."""
        self.acknowledged = True

    def reset(self) -> None:
        """Back to the full length, not running, nothing to show."""
        self._left = float(self.total_seconds)
        self._started_at = None
        self._ever_started = False
        self.acknowledged = False

    def set_total(self, total_seconds: int) -> None:
        """Change the length; a started timer gains or loses the difference."""
        if total_seconds < 1:
            raise ValueError("a timer needs at least one second")
        left = self._left_now()
        if self._ever_started:
            left = max(0.0, left + (total_seconds - self.total_seconds))
        else:
            left = float(total_seconds)
        if self._started_at is not None:
            self._started_at = self._clock()
        if left > 0:
            self.acknowledged = False
        self._left = left
        self.total_seconds = total_seconds
        self._custom_total = True

    # -- the session ------------------------------------------------------------------

    def to_progress(self, progress: Progress) -> None:
        """Write the timer into ``progress``; the keys are left out when no timer ran.

        A timer at 0 whose signal was not acknowledged is written as running: it has not
        been stopped yet, and it resumes signalling (without sounding again).
        """
        if self._ever_started:
            progress.timer_seconds_left = self.remaining()
            progress.timer_running = self.running or (self.expired and not self.acknowledged)
        else:
            progress.timer_seconds_left = None
            progress.timer_running = None
        if self._ever_started or self._custom_total:
            progress.timer_seconds_total = self.total_seconds
        else:
            progress.timer_seconds_total = None

    @classmethod
    def from_progress(
        cls, progress: Progress, default_total: int, *, clock: Clock = time.monotonic
    ) -> TableTimer:
        """The timer as saved in ``progress``: a running one keeps running from what was left."""
        timer = cls(progress.timer_seconds_total or default_total, clock=clock)
        timer._custom_total = progress.timer_seconds_total is not None
        left = progress.timer_seconds_left
        if left is not None:
            timer._ever_started = True
            timer._left = float(left)
            if left == 0:
                # Still signalling when saved (written as running) or already acknowledged.
                timer.acknowledged = not progress.timer_running
            elif progress.timer_running:
                timer._started_at = clock()
        return timer
