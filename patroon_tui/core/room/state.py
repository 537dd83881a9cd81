"""What the room should see (:class:`RoomState`), and what a room state file must be.

The facilitator's window writes a :class:`RoomState` as JSON (``RoomState.to_json``); the
audience window follows a file only when the pydantic model :class:`_StateFile` accepts
it (``RoomState.from_json``): JSON of at most :data:`MAX_STATE_BYTES` with nesting within
the parser's limit, strict types, every number finite and in range (reveal and highlight,
the timer's seconds and moment, the pid, the counter), texts of bounded length, and every
control character in a text shown as ``\\x1b`` (``messages.printable``, as typed text),
so nothing from the file acts on a terminal or ends the window with a traceback.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from patroon_tui.core.files.user_files import MAX_PID
from patroon_tui.core.model.session import MAX_TIMER_SECONDS
from patroon_tui.core.text.terminal_safe import KEPT_CONTROLS, printable

__all__ = ["MAX_STATE_BYTES", "RoomState", "Shown", "TimerState"]

MAX_STATE_BYTES = 1 << 20
"""A state is a few hundred bytes; a file this big is not one."""
_VERSION = 1
_MAX_ID = 200  # a session's or screen's id: [a-z0-9-], a few dozen characters
_MAX_TEXT = 100_000  # one answer shown to the room: pages of text
_MAX_ITEMS = 1_000  # answers shown at once: a table's few, or every principle
_MAX_STEP = 64  # a loop has at most a dozen steps
_LATEST_MOMENT = 32_503_680_000.0  # the year 3000, in seconds since the epoch


@dataclass(frozen=True)
class TimerState:
    """The table timer as the room sees it: counting down from ``remaining`` at ``at``."""

    started: bool = False
    running: bool = False
    remaining: int = 0
    """Seconds left at the moment ``at`` (seconds since the epoch)."""
    at: float = 0.0

    def left(self, now: float) -> int:
        """Seconds left at ``now`` (the wall clock of the same machine)."""
        if not self.running:
            return self.remaining
        return max(0, round(self.remaining - max(0.0, now - self.at)))


@dataclass(frozen=True)
class Shown:
    """Answers the facilitator shows to the room: a heading and labelled texts."""

    title: str
    items: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RoomState:
    """What the room should see now."""

    session: str
    """The session's id (a state of another session beside the same name is not followed)."""
    screen: str
    reveal: int | None = None
    highlight: int | None = None
    cuts: tuple[tuple[int, int, str], ...] = ()
    """Where first steps cut the pattern's loop, when shown: (arrow, first step, its text)."""
    timer: TimerState = field(default_factory=TimerState)
    shown: Shown | None = None
    pid: int = 0
    """The facilitator window's process."""
    seq: int = 0
    """Counts the states written by one window; a reader skips repeats."""
    blank: bool = False
    """The room sees nothing (the facilitator's ctrl+b): no slide, no timer."""

    def to_json(self) -> bytes:
        """The state as the file holds it."""
        data = asdict(self)
        data["version"] = _VERSION
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> RoomState | None:
        """The state in ``raw``, or ``None`` for anything that is not one (a torn, foreign
        or crafted file is simply not followed)."""
        if len(raw) > MAX_STATE_BYTES:
            return None
        try:
            # pydantic's own JSON parser: nesting has a limit (no RecursionError), a number
            # too large for its type is an error, not a 5,000-digit int.
            data = _StateFile.model_validate_json(raw)
        except (ValidationError, ValueError, RecursionError):
            return None
        return data.state()


# -- what a room state file must be ------------------------------------------------------

_Id = Field(min_length=1, max_length=_MAX_ID)
_Step = Field(default=None, ge=0, le=_MAX_STEP)


class _Strict(BaseModel):
    # Strict: a number written as a string, a bool for a number or a float for a whole
    # number is not a state. Unknown keys are left (a newer writer may add some).
    model_config = ConfigDict(strict=True, frozen=True, extra="ignore", allow_inf_nan=False)


class _TimerFile(_Strict):
    started: bool = False
    running: bool = False
    remaining: int = Field(default=0, ge=0, le=MAX_TIMER_SECONDS)
    at: float = Field(default=0.0, ge=0, le=_LATEST_MOMENT)


class _ShownFile(_Strict):
    title: str = Field(max_length=_MAX_TEXT)
    items: list[tuple[str, str]] = Field(default=[], max_length=_MAX_ITEMS)


class _StateFile(_Strict):
    """The room state file: every number bounded, every text of bounded length."""

    version: Literal[1]
    session: str = _Id
    screen: str = _Id
    reveal: int | None = _Step
    highlight: int | None = _Step
    cuts: list[tuple[int, int, str]] = Field(default=[], max_length=_MAX_ITEMS)
    timer: _TimerFile | None = None
    shown: _ShownFile | None = None
    pid: int = Field(default=0, ge=0, le=MAX_PID)
    seq: int = Field(default=0, ge=0, le=2**63 - 1)
    blank: bool = False

    def state(self) -> RoomState | None:
        shown = None
        if self.shown is not None:
            items = self.shown.items
            if any(len(label) > _MAX_TEXT or len(text) > _MAX_TEXT for label, text in items):
                return None
            shown = Shown(_text(self.shown.title),
                          tuple((_text(label), _text(text)) for label, text in items))
        if any(not (1 <= arrow <= _MAX_STEP and 1 <= n <= _MAX_ITEMS and len(text) <= _MAX_TEXT)
               for arrow, n, text in self.cuts):
            return None
        timer = self.timer or _TimerFile()
        return RoomState(
            session=printable(self.session), screen=printable(self.screen),
            reveal=self.reveal, highlight=self.highlight,
            cuts=tuple((arrow, n, _text(text)) for arrow, n, text in self.cuts),
            timer=TimerState(started=timer.started, running=timer.running,
                             remaining=timer.remaining, at=float(timer.at)),
            shown=shown, pid=self.pid, seq=self.seq, blank=self.blank,
        )


def _text(value: str) -> str:
    # As typed text is kept: line ends and tabs stay, every other control character is
    # shown as \x1b, so an escape sequence in the file never reaches a terminal raw.
    return printable(value, keep=KEPT_CONTROLS)
