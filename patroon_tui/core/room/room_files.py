"""What the room sees: the small files through which the facilitator's window and the
audience windows (``patroon present``) find and follow each other.

Beside the session file lie, and none of them is the session:

- ``<session>.toml.zaal`` — the *room state*, written by the facilitator's window whenever
  what the room should see changes (the screen, the loop's reveal and highlight, the
  table timer, answers shown to the room). JSON of a few hundred bytes, replaced
  atomically (a temp file and ``os.replace``), so a reader sees the old state or the new
  one, never half of one. It holds the writer's pid: a state whose writer is gone (quit,
  or killed) is not followed.
- ``<session>.toml.publiek.<pid>`` — one audience window's *presence*, one file per
  window, its pid in the name; written when it starts and removed when it stops. The
  facilitator's window writes the room state while any audience window is there, and
  turns into a presenter console when the first one arrives. ``<session>.toml.publiek``
  (a pid inside), the single presence file of earlier versions, still counts.

Every one of these files may be hostile (anything with write access to the folder can put
a pipe, a link to ``/dev/zero`` or a crafted state there): they are read with
``read_bytes_safely`` (no symlink followed, regular files only, a size limit, never
blocking) and written with ``replace_atomically`` (never through a link), both from
``core/files/access.py``. What a state holds, and what a file must be to be one, is
``core/room/state.py``.

Why files and not a socket: both windows already agree on one thing, the session's path;
a file needs no port, no permission dialog of a firewall, survives either side quitting
and coming back in any order, and a reader polling a file of a few hundred bytes ten
times a second costs nothing. The session file itself is not the channel: it is written
at most every two seconds while typing, is 1 MB with 60 tables, and holds what the room
must not see. See docs/presenting.md.
"""

from __future__ import annotations

import os
import re
import stat
import time
from pathlib import Path

from patroon_tui.core.files.user_files import (
    FILE_MODE,
    MAX_PID,
    pid_alive,
    read_bytes_safely,
    replace_atomically,
    unlink_quietly,
)
from patroon_tui.core.model.deck import Deck, Screen as DeckScreen
from patroon_tui.core.model.recording import table_name
from patroon_tui.core.model.session import Session
from patroon_tui.core.model.step_ties import tie_words
from patroon_tui.core.room.looked_back import looked_back
from patroon_tui.core.room.state import MAX_STATE_BYTES, RoomState, Shown, TimerState

__all__ = [
    "PRESENCE_SUFFIX",
    "ROOM_SUFFIX",
    "Presence",
    "RoomReader",
    "RoomState",
    "Shown",
    "TimerState",
    "audience_pids",
    "audience_present",
    "presence_path",
    "read_presence",
    "remove_state",
    "room_path",
    "room_view",
    "shown_answers",
    "write_state",
]

ROOM_SUFFIX = ".zaal"
PRESENCE_SUFFIX = ".publiek"
_MAX_PRESENCE_BYTES = 64  # a pid and a line end


def room_path(session_path: Path) -> Path:
    """Where the facilitator's window writes the room state of this session."""
    session_path = Path(session_path)
    return session_path.with_name(session_path.name + ROOM_SUFFIX)


def presence_path(session_path: Path, pid: int | None = None) -> Path:
    """Where the audience window of process ``pid`` says that it is there; without a pid
    the single presence file of earlier versions."""
    session_path = Path(session_path)
    name = session_path.name + PRESENCE_SUFFIX
    return session_path.with_name(name if pid is None else f"{name}.{pid}")


def write_state(session_path: Path, state: RoomState) -> None:
    """Replace the room state beside ``session_path`` (raises ``OSError``).

    No fsync: the state is worth nothing after a power cut, and a page turn must reach the
    projector at once. ``files.replace_atomically``: a temp file with a random name, never
    written through a link, renamed over the state.
    """
    replace_atomically(room_path(session_path), state.to_json(), mode=FILE_MODE,
                       durable=False)


def remove_state(session_path: Path) -> None:
    """Remove the room state (the facilitator's window closes): the audience waits."""
    unlink_quietly(room_path(session_path))


class RoomReader:
    """Reads the room state of one session for the audience window, cheaply and often.

    ``poll()`` looks at the file's size and modification time first (``lstat``: no link
    is followed, nothing is opened) and reads it only when they changed; anything that is
    not a regular file, not a state of this session, or a state whose writer is gone
    counts as no state. It never blocks and never reads more than a megabyte.
    """

    def __init__(self, session_path: Path, session_id: str, *,
                 alive=pid_alive) -> None:
        self._path = room_path(session_path)
        self._session_id = session_id
        self._alive = alive
        self._seen: tuple[int, int, int, int] | None = None
        self._state: RoomState | None = None
        self._checked_at = 0.0

    def poll(self, now: float | None = None) -> RoomState | None:
        """The state to follow now, or ``None`` while no facilitator's window writes one."""
        now = time.monotonic() if now is None else now
        try:
            info = os.lstat(self._path)
        except (OSError, ValueError):
            self._seen, self._state = None, None
            return None
        key = (info.st_mode, info.st_ino, info.st_mtime_ns, info.st_size)
        if key != self._seen:
            self._seen = key
            usable = stat.S_ISREG(info.st_mode) and info.st_size <= MAX_STATE_BYTES
            self._state = self._read() if usable else None
            self._checked_at = now
        elif self._state is not None and now - self._checked_at >= 1.0:
            # The writer killed (no chance to remove its file): checked once a second.
            self._checked_at = now
            if not self._alive(self._state.pid):
                self._state = None
        return self._state

    def _read(self) -> RoomState | None:
        try:
            raw = read_bytes_safely(self._path, limit=MAX_STATE_BYTES, follow_links=False)
        except (OSError, ValueError):
            return None
        state = RoomState.from_json(raw)
        if state is None or state.session != self._session_id:
            return None
        if state.pid and not self._alive(state.pid):
            return None
        return state


class Presence:
    """An audience window's presence file: there while the window runs, one per window."""

    def __init__(self, session_path: Path) -> None:
        self._session_path = Path(session_path)
        self._path: Path | None = None

    def announce(self) -> bool:
        """Say that this process watches the session; ``False`` where no file can be
        written (a read-only stick): the audience then follows without being announced."""
        path = presence_path(self._session_path, os.getpid())
        try:
            replace_atomically(path, f"{os.getpid()}\n".encode("ascii"), mode=FILE_MODE,
                               durable=False)
        except (OSError, ValueError):
            return False
        self._path = path
        return True

    def withdraw(self) -> None:
        """Remove this window's file; other windows' files stay."""
        if self._path is not None:
            unlink_quietly(self._path)
        self._path = None


def read_presence(path: Path) -> int | None:
    """The pid in a presence file, or ``None`` (also for anything but a small regular file:
    no link is followed, a pipe never blocks)."""
    try:
        raw = read_bytes_safely(path, limit=_MAX_PRESENCE_BYTES, follow_links=False)
    except (OSError, ValueError):
        return None
    text = raw.strip()
    if not text or len(text) > 10 or not text.isdigit() or not text.isascii():
        return None
    pid = int(text)
    return pid if 0 < pid <= MAX_PID else None


_PRESENCE_NAME = re.compile(r"([0-9]{1,10})")


def audience_pids(session_path: Path, *, alive=pid_alive) -> list[int]:
    """The processes of the audience windows that watch this session now.

    Only names are read (one look at the folder): a window's pid is in its file's name.
    The presence file of earlier versions is read, as a small regular file only.
    """
    session_path = Path(session_path)
    prefix = session_path.name + PRESENCE_SUFFIX + "."
    pids: list[int] = []
    try:
        with os.scandir(session_path.parent) as entries:
            for entry in entries:
                name = entry.name
                if not name.startswith(prefix):
                    continue
                match = _PRESENCE_NAME.fullmatch(name[len(prefix):])
                if match is None or not entry.is_file(follow_symlinks=False):
                    continue
                pids.append(int(match[1]))
    except (OSError, ValueError):
        pass
    legacy = read_presence(presence_path(session_path))
    if legacy is not None:
        pids.append(legacy)
    return sorted(pid for pid in set(pids) if 0 < pid <= MAX_PID and alive(pid))


def audience_present(session_path: Path, *, alive=pid_alive) -> bool:
    """Whether an audience window watches this session now."""
    return bool(audience_pids(session_path, alive=alive))


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
        # The owner, and the loop the step should break: the room sees where it intervenes.
        items = tuple((" · ".join(filter(None, (s.owner, tie_words(s, deck, session)))), s.text)
                      for s in session.first_steps if s.text.strip())
    elif kind == "review":
        return Shown("Sinds de vorige keer", looked_back(session, notes=True))
    elif kind == "triangle":
        items = tuple(
            (layer.title, session.layer_notes[layer.id])
            for layer in deck.layers if session.layer_notes.get(layer.id, "").strip()
        )
    else:
        return None
    return Shown(screen.title, items)


def room_view(session: Session, screen: DeckScreen) -> Shown | None:
    """What the room sees of ``screen`` without answers shown: on the look back each step
    and principle with its status, never the notes (f10 shows them); elsewhere nothing."""
    if screen.kind != "review":
        return None
    return Shown("Sinds de vorige keer", looked_back(session, notes=False))


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
