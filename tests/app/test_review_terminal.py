"""In a real terminal: ``patroon vervolg`` opens on the look back, and what is typed at once
lands in the first step's note; ctrl+t sets its status; both are in the file after ctrl+q."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import pty
import struct
import sys
import termios

from patroon_tui.core.model.session import FirstStep, Principle, new_session
from patroon_tui.core.sessionfile.store import SessionStore
from tests.app.test_signals import REPO_ROOT, read_until, start_app, wait_for_end

EARLIER = "2026-11-28-noord"
FOLLOW_UP = "2027-01-10-noord-vervolg"
CTRL_Q = b"\x11"
CTRL_T = b"\x14"


def earlier(tmp_path) -> SessionStore:
    store = SessionStore(tmp_path / "sessies")
    session = new_session(session_id=EARLIER, title="Noord", date=dt.date(2026, 11, 28))
    session.principles = [Principle(text=f"Principe {n}") for n in range(1, 4)]
    session.first_steps = [FirstStep(text=f"Stap {n}", owner="GGZ") for n in range(1, 5)]
    store.save(session, store.path_for(EARLIER), new=True)
    return store


def start_follow_up(store: SessionStore, typed: bytes) -> tuple[int, int]:
    """``patroon vervolg`` in a pseudo-terminal of 80×24; ``typed`` typed at once."""
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), TERM="xterm-256color")
        os.execvpe(sys.executable,
                   [sys.executable, "-m", "patroon_tui", "vervolg", EARLIER, "--date",
                    "2027-01-10", "--sessions-dir", str(store.folder)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    os.write(fd, typed)
    return pid, fd


def test_typed_at_once_after_vervolg_lands_in_the_first_note(tmp_path):
    store = earlier(tmp_path)
    pid, fd = start_follow_up(store, "Twee keer geweest, één keer ‘goed’".encode())
    try:
        read_until(fd, b"Terugblik")
        os.write(fd, CTRL_T + CTRL_T + CTRL_Q)  # gedaan, then loopt; quit
        assert wait_for_end(pid, fd, seconds=30) == 0
    finally:
        os.close(fd)
    saved = store.load(FOLLOW_UP)
    assert saved.session.previous == EARLIER
    assert saved.first_steps[0].review == "Twee keer geweest, één keer ‘goed’"
    assert saved.first_steps[0].status == "loopt"
    assert [s.uid for s in saved.first_steps] == ["f-1", "f-2", "f-3", "f-4"]
    assert [p.uid for p in saved.principles] == ["p-1", "p-2", "p-3"]


def test_opened_again_it_arrives_where_typing_stopped(tmp_path):
    store = earlier(tmp_path)
    pid, fd = start_follow_up(store, b"")
    try:
        read_until(fd, b"Terugblik")
        os.write(fd, b"\tTweede" + CTRL_Q)  # to the second step's note
        wait_for_end(pid, fd, seconds=30)
    finally:
        os.close(fd)
    pid, fd = start_app(store, FOLLOW_UP, typed=b" en meer")
    try:
        read_until(fd, b"Terugblik")
        os.write(fd, CTRL_Q)
        wait_for_end(pid, fd, seconds=30)
    finally:
        os.close(fd)
    assert store.load(FOLLOW_UP).first_steps[1].review == "Tweede en meer"
