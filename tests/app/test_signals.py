"""In a real terminal: closing it (SIGHUP), killing the app (SIGTERM, kill -9 after the
autosave) or ctrl+q keeps what was typed, also in the own-pattern editor."""

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

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.sessionfile.store import SessionStore

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
    """Read and drop the terminal's output for ``seconds``, between checks of a condition:
    an app whose terminal is not read blocks once the pseudo-terminal's buffer is full."""
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
        os.write(fd, F2)
        read_until(fd, "esc terug".encode())  # the notes pane is open
        for char in "Tot hier getypt é 🙂":
            os.write(fd, char.encode())
            time.sleep(0.02)  # typed one key at a time, as a person types
        read_until(fd, "🙂".encode())  # the last key is on the screen
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


def start_app(store: SessionStore, session_id: str, typed: bytes = b"") -> tuple[int, int]:
    """The app in a pseudo-terminal of 80×24, as a facilitator starts it; ``typed`` is
    typed at once, before the app has taken the terminal."""
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), TERM="xterm-256color")
        os.execvpe(
            sys.executable,
            [sys.executable, "-m", "patroon_tui", "open", session_id,
             "--sessions-dir", str(store.folder)],
            env,
        )
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    if typed:
        os.write(fd, typed)
    return pid, fd


def wait_for_end(pid: int, fd: int, seconds: float = 15, poll: float = 0.1) -> int:
    """Read the terminal until the process ends; its exit code. A process still running
    after ``seconds`` is killed and the test fails."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        drain(fd, poll)
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError("the app did not end")


def own_pattern_on_disk(store: SessionStore, session_id: str):
    saved = store.load(session_id)  # saves replace the file whole: never half written
    return [(p.title, p.steps) for p in saved.patterns], saved.tables[0].pattern


DRAFT = ([("Wachten op elkaar", ["Vraag", "Antwoord", "Nog één klaarzetten"])], "eigen-tafel-1")


@pytest.mark.parametrize("ending", ["ctrl+q", "sighup", "kill -9"])
def test_own_pattern_draft_survives_the_end(tmp_path, ending):
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Eigen", deck=load_deck())
    session.progress.screen = "tafels"
    store.save(session, store.path_for(session.session.id))
    pid, fd = start_app(store, session.session.id)
    try:
        read_until(fd, "Deelnemers".encode())
        # One write, as a fast typist's terminal sends it: open the editor and type on.
        os.write(fd, b"\x0f" + "Wachten op elkaar\tVraag\tAntwoord\tNog één klaarzetten".encode())
        read_until(fd, "klaarzetten".encode())
        if ending == "ctrl+q":
            os.write(fd, b"\x11")
        elif ending == "sighup":
            os.kill(pid, signal.SIGHUP)
        else:
            # The draft reaches the file by itself (autosave), then the app dies at once.
            deadline = time.monotonic() + 10
            while own_pattern_on_disk(store, session.session.id) != DRAFT:
                assert time.monotonic() < deadline, own_pattern_on_disk(store, session.session.id)
                drain(fd, 0.1)
            os.kill(pid, signal.SIGKILL)
        wait_for_end(pid, fd)
    finally:
        os.close(fd)
    assert own_pattern_on_disk(store, session.session.id) == DRAFT


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_the_last_keys_before_a_signal_are_in_the_file(tmp_path, signum):
    """Typed in one burst a tenth of a second before the terminal closes or the app is
    stopped: every character is in the file, and the exit status is 128 + the signal."""
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Laatste", deck=load_deck())
    pid, fd = start_app(store, session.session.id)
    try:
        read_until(fd, "Volgende".encode())
        os.write(fd, F2 + "Tot de laatste letter é".encode())
        time.sleep(0.1)  # the scenario itself: the signal comes a tenth of a second later
        os.kill(pid, signum)
        code = wait_for_end(pid, fd, poll=0.02)
    finally:
        os.close(fd)
    assert code == 128 + signum
    assert store.load(session.session.id).notes.get("programma") == "Tot de laatste letter é"


def on_principles(tmp_path, title: str) -> tuple[SessionStore, str]:
    """A saved session that resumes on the principles screen, one principle typed."""
    from patroon_tui.core.model.session import Principle

    store = SessionStore(tmp_path / "sessies")
    session = store.create(title=title, deck=load_deck())
    session.principles = [Principle(text="Eerder")]
    session.progress.screen = "eigen-principes"
    store.save(session, store.path_for(session.session.id))
    return store, session.session.id


def until_saved(fd: int, condition, what: str, seconds: float = 15) -> None:
    """Read the terminal until ``condition()`` holds of the file (the autosave wrote it)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        drain(fd, 0.1)


def test_enter_typed_while_the_app_starts_is_enter(tmp_path):
    """Resumed on the principles screen, typed the moment the command is entered: the
    terminal still turns enter into a line feed then, and the enter used to vanish
    ("Eerder VierVijf" in one principle)."""
    store, session_id = on_principles(tmp_path, "Meteen")
    pid, fd = start_app(store, session_id, typed=" Vier\rVijf".encode())
    try:
        read_until(fd, "Nieuw principe".encode())  # the screen's footer: it is drawn
        until_saved(fd, lambda: len(store.load(session_id).principles) >= 2,
                    "the second principle was never saved")
        os.write(fd, b"\x11")  # ctrl+q
        wait_for_end(pid, fd)
    finally:
        os.close(fd)
    assert [p.text for p in store.load(session_id).principles] == ["Eerder Vier", "Vijf"]


def test_escape_and_a_word_typed_at_once_leave_the_notes(tmp_path):
    """Escape and the next letters in one write, as a fast typist's terminal sends them:
    Textual reads escape's byte and the letter as alt+letter; the escape must still take
    the cursor back to the principle, and the word land there."""
    store, session_id = on_principles(tmp_path, "Esc")
    pid, fd = start_app(store, session_id)
    try:
        read_until(fd, "Nieuw principe".encode())
        os.write(fd, F2)
        read_until(fd, "esc terug".encode())
        os.write(fd, b"nota")
        read_until(fd, b"nota")
        os.write(fd, b"\x1bja")
        until_saved(fd, lambda: store.load(session_id).principles[0].text == "Eerderja",
                    "the word after escape never reached the principle")
        os.write(fd, b"\x11")  # ctrl+q
        wait_for_end(pid, fd)
    finally:
        os.close(fd)
    saved = store.load(session_id)
    assert [p.text for p in saved.principles] == ["Eerderja"]
    assert saved.notes.get("eigen-principes") == "nota"


#: Long answers: a session file of about 0.75 MB, as in benchmarks/bench_typing.py.
REPEAT = 95


def sixty_tables(tmp_path, title: str) -> tuple[SessionStore, str]:
    """A saved session of 60 tables with long answers, resumed on the tables screen: every
    save and every key costs what it costs in a big workshop."""
    from patroon_tui.core.model.session import Table

    deck = load_deck()
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title=title, deck=deck)
    session.tables = [
        Table(id=f"tafel-{n}", name=f"Tafel {n}", participants="gemeente, GGZ, corporatie",
              answers={q.id: f"Antwoord van tafel {n} op {q.id}. " * REPEAT
                       for q in deck.text_questions})
        for n in range(1, 61)
    ]
    session.progress.screen = "tafels"
    store.save(session, store.path_for(session.session.id))
    return store, session.session.id


F9 = b"\x1b[20~"


def test_a_burst_of_300_keys_then_the_terminal_closes(tmp_path):
    """300 characters in one write (a paste without bracketed paste, or fast typing while
    the app is busy) into an answer, and the terminal closes half a second later: every
    key the app had read is in the file."""
    store, session_id = sixty_tables(tmp_path, "Driehonderd")
    first = load_deck().text_questions[0].id
    words = " ".join(f"w{n:03d}" for n in range(60))[:299] + "."
    assert len(words) == 300
    pid, fd = start_app(store, session_id)
    try:
        read_until(fd, b"Deelnemers")
        os.write(fd, F9 + b" BEGIN")  # the cursor to the end of the first answer
        until_saved(fd, lambda: store.load(session_id).tables[0].answers[first].endswith("BEGIN"),
                    "the word typed after F9 never reached the first answer")
        os.write(fd, words.encode())
        time.sleep(0.5)  # the scenario itself: the terminal closes half a second later
        os.kill(pid, signal.SIGHUP)
        wait_for_end(pid, fd)
    finally:
        os.close(fd)
    answer = store.load(session_id).tables[0].answers[first]
    typed = answer.rpartition(" BEGIN")[2]
    assert typed == words, f"{len(typed)} of the 300 characters are in the file: …{typed[-40:]}"
