"""In a real terminal: closing it (SIGHUP) or killing the app (SIGTERM) keeps what was typed."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from patroon_tui.core.deck import load_deck
from patroon_tui.core.store import SessionStore

REPO_ROOT = Path(__file__).resolve().parents[2]
F2 = b"\x1bOQ"


def read_until(fd: int, needle: bytes, seconds: float = 20) -> bytes:
    """Read the terminal's output until ``needle`` appears (or fail after ``seconds``)."""
    seen = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            if needle in seen:
                return seen
    raise AssertionError(f"{needle!r} did not appear; got {seen[-500:]!r}")


def drain(fd: int, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                return


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_signal_while_typing_keeps_the_text(tmp_path, signum):
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Signaal", deck=load_deck())
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app, as a facilitator starts it
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), TERM="xterm-256color")
        os.execvpe(
            sys.executable,
            [sys.executable, "-m", "patroon_tui", "open", session.session.id,
             "--sessions-dir", str(store.folder)],
            env,
        )
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        read_until(fd, "Volgende".encode())
        drain(fd, 0.5)
        os.write(fd, F2)
        drain(fd, 0.3)
        for char in "Tot hier getypt é 🙂":
            os.write(fd, char.encode())
            time.sleep(0.02)
        time.sleep(0.3)
        os.kill(pid, signum)
        deadline = time.monotonic() + 15
        status = None
        while time.monotonic() < deadline:
            drain(fd, 0.1)
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise AssertionError("the app did not end after the signal")
    finally:
        os.close(fd)
    assert store.load(session.session.id).notes.get("programma") == "Tot hier getypt é 🙂"
