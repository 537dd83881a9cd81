"""Time per screen and per part: what the session records of how long each screen was shown,
and how that compares with the deck's planned minutes.

:class:`TimeKeeper` counts, into ``progress.seconds``, the seconds each screen is shown
while the app runs (a resumed session goes on from what the file holds). What is not
counted, so that a break is not time on a slide:

- any time the app is not running (closed for the lunch, the laptop asleep);
- time on one screen beyond :data:`IDLE_LIMIT` after the last key or page turn: the room is
  on a break with the app left open. The next key counts again from then on;
- a step of the clock backwards, or forwards by more than :data:`TICK_LIMIT` between two
  ticks (the app ticks every second): the clock jumped, or the process stood still. What
  really passed is not known, so nothing of it counts.

The seconds per screen never go beyond ``session.MAX_SCREEN_SECONDS``, a number any TOML reader
can hold however often it is added to (validation sets a file's larger or negative number
right when it is opened). ``last_active`` follows the wall clock, but never runs ahead of
the time that passed on a clock the wall clock's corrections do not move
(:func:`awake_seconds`): a clock put 80 years forward leaves no moment in the future.

:func:`part_times` gives per part the planned and the spent minutes, and :func:`predicted_end`
the moment the programme ends if what remains goes as planned. Both take the clock as an
argument, so tests give them any time they like.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from patroon_tui.core import platform
from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.session import MAX_SCREEN_SECONDS, Progress

__all__ = [
    "IDLE_LIMIT",
    "TICK_LIMIT",
    "PartTime",
    "TimeKeeper",
    "awake_seconds",
    "bound_seconds",
    "part_times",
    "predicted_end",
]

#: Seconds on one screen without a key after which nothing more is counted (a break).
IDLE_LIMIT = 30 * 60
#: The longest step between two ticks that is counted (the app ticks every second).
TICK_LIMIT = 10
#: How far the wall clock may run ahead of the elapsed time (a time server's small steps).
_WALL_SLACK = 2
#: More than this between two moments is a clock that jumped, not a computer asleep.
_LONGEST_SLEEP = 30 * 24 * 3600


def awake_seconds() -> float:
    """Seconds on a clock that runs on while the computer sleeps and that corrections of
    the time of day do not move: what really passed between two readings (which clock
    that is differs per system: ``core/platform.py``)."""
    return platform.current().awake_seconds()


class TimeKeeper:
    """Counts the seconds the current screen is shown into ``progress.seconds``.

    ``clock`` is monotonic seconds (``time.monotonic``), ``wall`` the current moment (for
    ``started`` and ``last_active``), ``awake`` what really passed (:func:`awake_seconds`;
    ``clock`` when not given); all are given so tests can move time by hand.
    """

    def __init__(
        self, progress: Progress, screen_id: str, clock: Callable[[], float],
        wall: Callable[[], dt.datetime], awake: Callable[[], float] | None = None,
    ) -> None:
        self.progress = progress
        self.screen_id = screen_id
        self._clock = clock
        self._wall = wall
        self._awake = awake or clock
        now = clock()
        self._counted_to = now
        self._active_at = now
        self._fraction = 0.0
        self._moment_at = (self._now_on_the_wall(), self._awake())

    def shown(self, screen_id: str) -> bool:
        """The programme now shows ``screen_id``: what the last one had is counted first.
        Returns whether the session changed."""
        changed = self.activity()
        self.screen_id = screen_id
        return changed

    @property
    def active_at(self) -> float:
        """When the last key or page turn was (on ``clock``)."""
        return self._active_at

    def activity(self, at: float | None = None) -> bool:
        """A key was pressed (or the page turned), now or ``at``: time counts again from
        then. Returns whether the session changed (what was shown until then is counted
        first)."""
        changed = self.tick(at)
        self._active_at = self._clock() if at is None else at
        return changed

    def tick(self, at: float | None = None) -> bool:
        """Count the time since the last tick up to now (or ``at``), no further than the
        idle limit; returns whether a whole second more was written into ``progress``."""
        now = self._clock() if at is None else max(at, self._counted_to)
        step = now - self._counted_to
        if step < 0 or step > TICK_LIMIT:
            # The clock jumped, or the process stood still: what passed is not known. The
            # time since the last key moves along, so a jump neither starts nor ends a break.
            self._active_at += step
            self._counted_to = now
            return False
        end = min(now, self._active_at + IDLE_LIMIT)
        counted = max(0.0, end - self._counted_to)
        self._counted_to = now
        if counted <= 0:
            return False
        total = self._fraction + counted
        whole = int(total)
        self._fraction = total - whole
        if whole == 0:
            return False
        seconds = dict(self.progress.seconds or {})
        before = seconds.get(self.screen_id, 0)
        seconds[self.screen_id] = min(MAX_SCREEN_SECONDS, max(0, before) + whole)
        self.progress.seconds = seconds
        moment = self._moment()
        if self.progress.started is None:
            self.progress.started = moment
        self.progress.last_active = moment
        return True

    def _now_on_the_wall(self) -> dt.datetime:
        return self._wall().astimezone(dt.UTC)

    def _moment(self) -> dt.datetime:
        """Now on the wall clock, to the second, but never further on from the last moment
        than the time that really passed: a clock put forward is not followed (one put
        back is, as is one that was ahead and is set right)."""
        wall, awake = self._now_on_the_wall(), self._awake()
        last, last_awake = self._moment_at
        passed_seconds = awake - last_awake
        if not 0 <= passed_seconds <= _LONGEST_SLEEP:
            passed_seconds = 0.0  # that clock jumped too: what passed is not known
        passed = dt.timedelta(seconds=passed_seconds)
        if wall > last + passed + dt.timedelta(seconds=_WALL_SLACK):
            wall = last + passed
        self._moment_at = (wall, awake)
        return wall.replace(microsecond=0)


def bound_seconds(progress: Progress) -> list[tuple[str, int, int]]:
    """Set each screen's seconds below 0 or above ``MAX_SCREEN_SECONDS`` to the nearest the
    app could have counted; per change the screen, the number it was and the number now.

    Such a number was typed by hand; kept, adding to it would end beyond what TOML holds
    and the session could no longer be saved or opened.
    """
    changed = []
    seconds = progress.seconds or {}
    for screen_id, value in list(seconds.items()):
        bounded = min(max(value, 0), MAX_SCREEN_SECONDS)
        if bounded != value:
            seconds[screen_id] = bounded
            changed.append((screen_id, value, bounded))
    return changed


@dataclass(frozen=True)
class PartTime:
    """A part's planned minutes (``None``: the deck plans none) and spent seconds."""

    part_id: str
    title: str
    planned: int | None
    spent: int

    @property
    def over(self) -> bool:
        """Whether the part took longer than planned."""
        return self.planned is not None and self.spent > self.planned * 60


def part_times(deck: Deck, progress: Progress) -> list[PartTime]:
    """Per part of the programme, in order: the planned minutes and the seconds spent."""
    seconds = progress.seconds or {}
    return [
        PartTime(part.id, part.title, part.minutes,
                 sum(seconds.get(screen.id, 0) for screen in part.screens))
        for part in deck.parts
    ]


def predicted_end(deck: Deck, progress: Progress, current: str, now: dt.datetime) -> dt.datetime:
    """When the programme ends if what remains goes as planned: now, plus what is left of
    the current part's minutes (nothing when it ran over), plus every later part's; to
    the nearest whole minute (it is shown as HH:MM, and a second more or less spent must
    not flip the minute shown)."""
    remaining = 0
    reached = False
    for times, part in zip(part_times(deck, progress), deck.parts, strict=True):
        if reached:
            remaining += (part.minutes or 0) * 60
        elif any(screen.id == current for screen in part.screens):
            reached = True
            remaining += max(0, (part.minutes or 0) * 60 - times.spent)
    end = now + dt.timedelta(seconds=remaining)
    return (end + dt.timedelta(seconds=30)).replace(second=0, microsecond=0)
