"""Two real terminals: the facilitator's window and ``patroon present`` beside it.

Keys go in as a terminal sends them (two PageDowns in one write); what the audience
window shows is read from its own terminal's output.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import sys
import termios
import time

from patroon_tui.core import room
from patroon_tui.core.deck import load_deck
from patroon_tui.core.room import RoomState
from patroon_tui.core.store import SessionStore
from tests.app.test_signals import F2, REPO_ROOT, drain, read_until, wait_for_end

PAGE_DOWN = b"\x1b[6~"
CTRL_Q = b"\x11"


def start(store: SessionStore, *args: str, size: tuple[int, int]) -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), TERM="xterm-256color")
        os.execvpe(sys.executable, [sys.executable, "-m", "patroon_tui", *args,
                                    "--sessions-dir", str(store.folder)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    return pid, fd


def wait_for(condition, fds: list[int], what: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for fd in fds:
            drain(fd, 0.02)
        if condition():
            return
    raise AssertionError(f"waited {seconds} s for {what}")


def test_the_audience_window_follows_and_never_shows_what_is_typed(tmp_path):
    deck = load_deck()
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Wijkteam Noord", deck=deck)
    path = store.path_for(session.session.id)
    viewer, view_fd = start(store, "present", session.session.id, size=(120, 36))
    facilitator = None
    try:
        read_until(view_fd, b"Programma")
        assert room.presence_path(path, viewer).exists()
        facilitator, fd = start(store, "open", session.session.id, size=(100, 30))
        read_until(fd, b"Wijkteam Noord")
        wait_for(lambda: room.room_path(path).exists(), [fd, view_fd], "the room state")
        os.write(fd, PAGE_DOWN + PAGE_DOWN)
        third = deck.screens[2]
        seen = read_until(view_fd, third.title.split()[-1].encode())
        os.write(fd, F2 + "geheime notitie".encode())

        def note_saved() -> bool:
            return "geheime notitie" in store.load(path).notes.get(third.id, "")

        wait_for(note_saved, [fd], "the note in the file")
        drain(view_fd, 0.5)
        os.write(fd, CTRL_Q)
        wait_for_end(facilitator, fd)
        facilitator = None
        assert not room.room_path(path).exists()
        seen += read_until(view_fd, b"wacht op het venster")
        assert b"geheime" not in seen
        done, _ = os.waitpid(viewer, os.WNOHANG)
        assert done == 0, "the audience window ended with the facilitator's"
        # Opened again (the lock is free): it follows again.
        facilitator, fd = start(store, "open", session.session.id, size=(100, 30))
        read_until(fd, b"Wijkteam Noord")
        os.write(fd, PAGE_DOWN)

        def followed() -> bool:
            raw = room.room_path(path).read_bytes() if room.room_path(path).exists() else b""
            state = RoomState.from_json(raw)
            return state is not None and state.screen == deck.screens[3].id

        wait_for(followed, [fd, view_fd], "the fourth screen in the room state")
        read_until(view_fd, deck.screens[3].title.split()[-1].encode())
        os.write(fd, CTRL_Q)
        wait_for_end(facilitator, fd)
        facilitator = None
        os.write(view_fd, CTRL_Q)
        wait_for_end(viewer, view_fd)
        viewer = None
        assert not room.audience_pids(path)
        assert "geheime notitie" in store.load(path).notes[third.id]
    finally:
        for pid in (facilitator, viewer):
            if pid is not None:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
