"""In a real terminal: text from a deck file or the command line never acts on the
terminal. An escape sequence in a slide's title, body or hint, a question, the deck's title
or a session's title given to ``patroon new`` is shown written out (``\\x1b``), as typed
text is; the terminal never receives it raw."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time
from importlib import resources
from pathlib import Path

import pytest

from patroon_tui.core.model.deck import DEFAULT_DECK_ID, load_deck
from patroon_tui.core.sessionfile.store import SessionStore
from tests.app.test_signals import F2, REPO_ROOT, read_until, wait_for_end

CTRL_Q = b"\x11"
RETITLE = b"\x1b]0;"  # OSC 0: a new title for the terminal's window


def hostile_deck(tmp_path: Path) -> Path:
    """The bundled deck with a retitling sequence (TOML escapes) in every kind of text
    the programme's screens show, each naming where it came from."""
    text = resources.files("patroon_tui.decks").joinpath(f"{DEFAULT_DECK_ID}.toml").read_text(
        encoding="utf-8")

    def osc(name: str) -> str:
        return f"\\u001b]0;{name}\\u0007"

    replaced = {
        'title = "Samenwerken in interafhankelijkheid"\ntimer': (
            f'title = "Samenwerken in interafhankelijkheid{osc("deck")}"\ntimer'),
        'title = "Programma"': f'title = "Programma{osc("titel")}"',
        "1. Introductie": f"1. Introductie{osc('body')}",
        'hint = "Loop de drie delen': f'hint = "{osc("hint")}Loop de drie delen',
        'title = "In gesprek"': f'title = "In gesprek{osc("titel2")}"',
    }
    for old, new in replaced.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    text = text.replace('text = "', f'text = "{osc("vraag")}')  # every question
    path = tmp_path / "deck.toml"
    path.write_text(text, encoding="utf-8")
    return path


def read_all(fd: int, seen: bytes, needles: list[bytes], seconds: float = 20) -> bytes:
    """Read the terminal's output onto ``seen`` until every one of ``needles`` is in it."""
    end = time.monotonic() + seconds
    while not all(needle in seen for needle in needles):
        assert time.monotonic() < end, [n for n in needles if n not in seen]
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            seen += os.read(fd, 65536)
    return seen


def run_app(store: SessionStore, *args: str) -> tuple[int, int]:
    """``patroon ARGS`` in a pseudo-terminal of 100×24."""
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), TERM="xterm-256color")
        os.execvpe(sys.executable, [sys.executable, "-m", "patroon_tui", *args,
                                    "--sessions-dir", str(store.folder)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    return pid, fd


@pytest.mark.parametrize(("screen", "shown"), [
    ("programma", [b"titel", b"body", b"hint"]),
    ("in-gesprek", [b"titel2", b"vraag"]),
])
def test_a_decks_escape_sequences_never_reach_the_terminal(tmp_path, screen, shown):
    deck_path = hostile_deck(tmp_path)
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Noord", deck=load_deck(deck_path))
    pid, fd = run_app(store, "open", session.session.id, "--screen", screen,
                      "--deck", str(deck_path))
    seen = b""
    try:
        seen += read_until(fd, b"Volgende")
        os.write(fd, F2)  # the notes, with the screen's hint
        # Written out where the screen shows it: "\x1b]0;titel\x07" as text.
        seen = read_all(fd, seen, [b"\\x1b]0;" + name for name in shown])
        os.write(fd, CTRL_Q)
        assert wait_for_end(pid, fd) == 0
    finally:
        os.close(fd)
    assert RETITLE not in seen


def test_a_title_given_to_new_never_reaches_the_terminal_raw(tmp_path):
    store = SessionStore(tmp_path / "sessies")
    pid, fd = run_app(store, "new", "--title", "Noord\x1b]0;nieuw\x07",
                      "--location", "Zaal\x1b[2J")
    try:
        seen = read_until(fd, b"Noord\\x1b]0;nieuw")
        os.write(fd, CTRL_Q)
        assert wait_for_end(pid, fd) == 0
    finally:
        os.close(fd)
    assert RETITLE not in seen
    [session] = [store.load(path) for path in store.folder.glob("*.toml")]
    assert session.session.title == "Noord\\x1b]0;nieuw\\x07"
    assert session.session.location == "Zaal\\x1b[2J"
