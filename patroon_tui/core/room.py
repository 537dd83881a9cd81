"""What the room sees: the small files through which the facilitator's window and the
audience window (``patroon present``) find and follow each other.

Two files lie beside the session file, and neither is the session:

- ``<session>.toml.zaal`` — the *room state*, written by the facilitator's window whenever
  what the room should see changes (the screen, the loop's reveal and highlight, the
  table timer, answers shown to the room). JSON of a few hundred bytes, replaced
  atomically (a temp file and ``os.replace``), so a reader sees the old state or the new
  one, never half of one. It holds the writer's pid: a state whose writer is gone (quit,
  or killed) is not followed.
- ``<session>.toml.publiek`` — the audience window's *presence*: its pid, written when it
  starts and removed when it stops. The facilitator's window writes the room state only
  while an audience is there, and turns into a presenter console when one arrives.

Why files and not a socket: both windows already agree on one thing, the session's path;
a file needs no port, no permission dialog of a firewall, survives either side quitting
and coming back in any order, and a reader polling a file of a few hundred bytes ten
times a second costs nothing. The session file itself is not the channel: it is written
at most every two seconds while typing, is 1 MB with 60 tables, and holds what the room
must not see. See docs/presenting.md.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from patroon_tui.core.deck import Deck, Screen as DeckScreen
from patroon_tui.core.files import FILE_MODE, TEMP_SUFFIX, pid_alive, unlink_quietly
from patroon_tui.core.records import table_name
from patroon_tui.core.session import Session

__all__ = [
    "PRESENCE_SUFFIX",
    "ROOM_SUFFIX",
    "Presence",
    "RoomReader",
    "RoomState",
    "Shown",
    "TimerState",
    "audience_present",
    "presence_path",
    "read_presence",
    "remove_state",
    "room_path",
    "shown_answers",
    "write_state",
]

ROOM_SUFFIX = ".zaal"
PRESENCE_SUFFIX = ".publiek"
_VERSION = 1
_MAX_BYTES = 1 << 20  # a state is a few hundred bytes; anything this big is not ours


def room_path(session_path: Path) -> Path:
    """Where the facilitator's window writes the room state of this session."""
    session_path = Path(session_path)
    return session_path.with_name(session_path.name + ROOM_SUFFIX)


def presence_path(session_path: Path) -> Path:
    """Where an audience window of this session says that it is there."""
    session_path = Path(session_path)
    return session_path.with_name(session_path.name + PRESENCE_SUFFIX)


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
    timer: TimerState = field(default_factory=TimerState)
    shown: Shown | None = None
    pid: int = 0
    """The facilitator window's process."""
    seq: int = 0
    """Counts the states written by one window; a reader skips repeats."""

    def to_json(self) -> bytes:
        """The state as the file holds it."""
        data = asdict(self)
        data["version"] = _VERSION
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> RoomState | None:
        """The state in ``raw``, or ``None`` for anything that is not one (a torn or
        foreign file is simply not followed)."""
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.get("version") != _VERSION:
                return None
            timer = TimerState(**data.get("timer") or {})
            shown = data.get("shown")
            if shown is not None:
                shown = Shown(str(shown["title"]),
                              tuple((str(label), str(text)) for label, text in shown["items"]))
            return cls(
                session=str(data["session"]), screen=str(data["screen"]),
                reveal=_int_or_none(data.get("reveal")),
                highlight=_int_or_none(data.get("highlight")),
                timer=timer, shown=shown, pid=int(data.get("pid", 0)),
                seq=int(data.get("seq", 0)),
            )
        except (ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError):
            return None


def _int_or_none(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not a whole number")
    return value


def write_state(session_path: Path, state: RoomState) -> None:
    """Replace the room state beside ``session_path`` (raises ``OSError``).

    No fsync: the state is worth nothing after a power cut, and a page turn must reach the
    projector at once. The temp file is this process's own (one name per process): not
    named like the session's temp files, which a save in another thread may tidy away.
    """
    target = room_path(session_path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}{TEMP_SUFFIX}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(state.to_json())
        os.replace(tmp, target)
    except BaseException:
        unlink_quietly(tmp)
        raise


def remove_state(session_path: Path) -> None:
    """Remove the room state (the facilitator's window closes): the audience waits."""
    unlink_quietly(room_path(session_path))


class RoomReader:
    """Reads the room state of one session for the audience window, cheaply and often.

    ``poll()`` looks at the file's size and modification time first and reads it only when
    they changed; a state whose writer is gone counts as no state.
    """

    def __init__(self, session_path: Path, session_id: str, *,
                 alive=pid_alive) -> None:
        self._path = room_path(session_path)
        self._session_id = session_id
        self._alive = alive
        self._seen: tuple[int, int, int] | None = None
        self._state: RoomState | None = None
        self._checked_at = 0.0

    def poll(self, now: float | None = None) -> RoomState | None:
        """The state to follow now, or ``None`` while no facilitator's window writes one."""
        now = time.monotonic() if now is None else now
        try:
            info = self._path.stat()
        except OSError:
            self._seen, self._state = None, None
            return None
        key = (info.st_ino, info.st_mtime_ns, info.st_size)
        if key != self._seen:
            self._seen = key
            self._state = self._read() if info.st_size <= _MAX_BYTES else None
            self._checked_at = now
        elif self._state is not None and now - self._checked_at >= 1.0:
            # The writer killed (no chance to remove its file): checked once a second.
            self._checked_at = now
            if not self._alive(self._state.pid):
                self._state = None
        return self._state

    def _read(self) -> RoomState | None:
        try:
            raw = self._path.read_bytes()
        except OSError:
            return None
        state = RoomState.from_json(raw)
        if state is None or state.session != self._session_id:
            return None
        if state.pid and not self._alive(state.pid):
            return None
        return state


class Presence:
    """An audience window's presence file: there while the window runs."""

    def __init__(self, session_path: Path) -> None:
        self._path = presence_path(session_path)
        self._written = False

    def announce(self) -> bool:
        """Say that this process watches the session; ``False`` where no file can be
        written (a read-only stick): the audience then follows without being announced."""
        try:
            self._path.write_text(str(os.getpid()), encoding="ascii")
            os.chmod(self._path, FILE_MODE)
        except OSError:
            return False
        self._written = True
        return True

    def withdraw(self) -> None:
        """Remove the file, if it is still this process's."""
        if self._written and read_presence(self._path) == os.getpid():
            unlink_quietly(self._path)
        self._written = False


def read_presence(path: Path) -> int | None:
    """The pid in a presence file, or ``None``."""
    try:
        return int(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def audience_present(session_path: Path, *, alive=pid_alive) -> bool:
    """Whether an audience window watches this session now."""
    pid = read_presence(presence_path(session_path))
    return pid is not None and pid > 0 and alive(pid)


# -- answers shown to the room ---------------------------------------------------------


def shown_answers(session: Session, deck: Deck, screen: DeckScreen) -> Shown | None:
    """What the room sees when the facilitator shows the answers of ``screen``: on the
    tables screen the chosen table's, on the lists their entries. ``None`` where nothing
    may be shown (the summary holds every table's answers at once)."""
    kind = screen.kind
    if kind == "tables":
        return _table_answers(session, deck)
    if kind == "principles":
        items = tuple(("", p.text) for p in session.principles if p.text.strip())
    elif kind == "first_steps":
        items = tuple((s.owner, s.text) for s in session.first_steps if s.text.strip())
    elif kind == "triangle":
        items = tuple(
            (layer.title, session.layer_notes[layer.id])
            for layer in deck.layers if session.layer_notes.get(layer.id, "").strip()
        )
    else:
        return None
    return Shown(screen.title, items)


def _table_answers(session: Session, deck: Deck) -> Shown | None:
    tables = session.tables
    if not tables:
        return None
    table = next((t for t in tables if t.id == session.progress.table), tables[0])
    items: list[tuple[str, str]] = []
    if table.pattern:
        try:
            items.append(("Patroon", deck.pattern(table.pattern).title))
        except KeyError:
            own = next((p for p in session.patterns if p.id == table.pattern), None)
            items.append(("Patroon", own.title if own is not None else table.pattern))
    for question in deck.questions:
        answer = table.answers.get(question.id, "")
        if question.kind == "text" and answer.strip():
            items.append((question.text, answer))
    layers = {layer.id: layer.title for layer in deck.layers}
    if table.layer:
        items.append(("Laag in de driehoek", layers.get(table.layer, table.layer)))
    return Shown(table_name(table), tuple(items))
