"""Two real terminals: the facilitator's window and ``patroon present`` beside it.

Keys go in as a terminal sends them (two PageDowns in one write); what the audience
window shows is read from its own terminal's output. Also: ctrl+q ends the audience window
while its room file is a pipe or a link to ``/dev/zero`` (and its memory stays small),
escape sequences in a room state never reach its terminal, and with two audience windows
the one left keeps following when the other quits.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import sys
import termios
import time

import pytest

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.room import room_files as room
from patroon_tui.core.room.room_files import RoomState
from patroon_tui.core.sessionfile.store import SessionStore
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


def peak_memory_kb(pid: int) -> int:
    """The most memory the process has held (VmHWM), in kB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise AssertionError("no VmHWM")


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads /proc")
@pytest.mark.parametrize("hostile", ["fifo", "dev-zero"])
def test_ctrl_q_ends_the_audience_window_while_the_room_file_is_hostile(tmp_path, hostile):
    deck = load_deck()
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Wijkteam Noord", deck=deck)
    path = store.path_for(session.session.id)
    if hostile == "fifo":
        os.mkfifo(room.room_path(path))
    else:
        os.symlink("/dev/zero", room.room_path(path))
    viewer, view_fd = start(store, "present", session.session.id, size=(100, 30))
    try:
        read_until(view_fd, b"wacht op het venster")
        # It looks at the file fifty times a second: a few looks, then quit.
        drain(view_fd, 0.5)
        peak = peak_memory_kb(viewer)
        os.write(view_fd, CTRL_Q)
        quit_at = time.monotonic()
        assert wait_for_end(viewer, view_fd, poll=0.01) == 0
        took = time.monotonic() - quit_at
        viewer = None
        print(f"{hostile}: ended {took:.2f} s after ctrl+q, peak {peak // 1024} MB")
        assert peak < 300 * 1024, f"{peak} kB"
        assert not room.audience_pids(path)
    finally:
        if viewer is not None:
            os.kill(viewer, 9)
            os.waitpid(viewer, 0)


def test_two_audience_windows_one_quits_the_other_still_follows(tmp_path):
    deck = load_deck()
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Wijkteam Noord", deck=deck)
    path = store.path_for(session.session.id)
    pids: list[int] = []
    try:
        first, first_fd = start(store, "present", session.session.id, size=(100, 30))
        pids.append(first)
        read_until(first_fd, b"Programma")
        second, second_fd = start(store, "present", session.session.id, size=(100, 30))
        pids.append(second)
        read_until(second_fd, b"Programma")
        facilitator, fd = start(store, "open", session.session.id, size=(100, 30))
        pids.append(facilitator)
        read_until(fd, b"Wijkteam Noord")
        wait_for(lambda: room.room_path(path).exists(), [fd, first_fd, second_fd],
                 "the room state")
        os.write(fd, PAGE_DOWN)
        second_title = deck.screens[1].title.split()[-1].encode()
        read_until(first_fd, second_title)
        read_until(second_fd, second_title)
        os.write(second_fd, CTRL_Q)
        assert wait_for_end(second, second_fd) == 0
        pids.remove(second)
        # Past the facilitator's next looks for an audience window (twice a second).
        for _ in range(3):
            drain(fd, 0.3)
            drain(first_fd, 0.1)
        os.write(fd, PAGE_DOWN + PAGE_DOWN)
        read_until(first_fd, deck.screens[3].title.split()[-1].encode())
        for pid, term in ((facilitator, fd), (first, first_fd)):
            os.write(term, CTRL_Q)
            assert wait_for_end(pid, term) == 0
            pids.remove(pid)
    finally:
        for pid in pids:
            os.kill(pid, 9)
            os.waitpid(pid, 0)


def test_escape_sequences_in_the_room_state_never_reach_the_audience_terminal(tmp_path):
    deck = load_deck()
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Wijkteam Noord", deck=deck)
    path = store.path_for(session.session.id)
    crafted = {"version": 1, "session": session.session.id, "screen": "tafels",
               "pid": os.getpid(), "seq": 1,
               "shown": {"title": "Tafel \x1b]0;GEKAPT\x07",
                         "items": [["Vraag", "Antwoord \x1b[2J\x1b]0;GEKAPT\x07 EINDE"]]}}
    room.room_path(path).write_text(json.dumps(crafted), encoding="utf-8")
    viewer, view_fd = start(store, "present", session.session.id, size=(120, 36))
    try:
        seen = read_until(view_fd, b"EINDE")
        assert b"\\x1b]0;GEKAPT" in seen  # shown, as typed text with a control character is
        assert b"\x1b]0;GEKAPT" not in seen and b"\x1b[2J" not in seen
        os.write(view_fd, CTRL_Q)
        assert wait_for_end(viewer, view_fd) == 0
        viewer = None
    finally:
        if viewer is not None:
            os.kill(viewer, 9)
            os.waitpid(viewer, 0)
