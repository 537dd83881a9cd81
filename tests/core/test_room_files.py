"""Hostile room files: whatever lies at a room file's name, reading it never blocks, never
holds more than a megabyte and never raises; writing never goes through a planted link.

The corpus (``room_corpus.py``) goes through :class:`RoomReader` directly; the audience
window meets it in ``tests/app/test_room_files_app.py``. Reads run in a thread here, so a
read that blocks (a pipe) fails the test instead of hanging it.
"""

from __future__ import annotations

import functools
import math
import os
import stat
import threading
import tracemalloc

import pytest

from patroon_tui.core.files import lock, user_files as files
from patroon_tui.core.room import room_files as room
from patroon_tui.core.room.room_files import RoomReader, RoomState, Shown, TimerState
from tests.core import room_corpus
from tests.waiting import until_sync

SESSION_ID = "2026-12-04-wijkteam"


@pytest.fixture
def session_path(tmp_path):
    path = tmp_path / f"{SESSION_ID}.toml"
    path.write_text("format = 'patroon-session'\n", encoding="utf-8")
    return path


def in_a_thread(call):
    """``call()`` in a daemon thread: its result, or the test fails if it does not return
    (a read blocked on a pipe stays blocked; the thread is left behind)."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except Exception as exc:  # noqa: BLE001 (raised again in the test)
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    until_sync(lambda: not thread.is_alive())
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def bounded(state: RoomState) -> None:
    """A state the window can show: every number in range, no control character raw."""
    assert 0 <= state.pid < 2**31 and 0 <= state.seq < 2**63
    for step in (state.reveal, state.highlight):
        assert step is None or 0 <= step <= 64
    assert 0 <= state.timer.remaining <= 86400 and math.isfinite(state.timer.at)
    texts = [state.session, state.screen]
    if state.shown is not None:
        texts += [state.shown.title, *(t for item in state.shown.items for t in item)]
    for text in texts:
        assert not any(ord(c) < 32 and c not in "\t\n\r\x0b\x0c\x1c\x1d\x1e" for c in text)
        assert "\x1b" not in text and "\x9b" not in text


CASES = room_corpus.unusable_cases(SESSION_ID, os.getpid())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_room_file_that_is_not_a_state_is_not_followed(session_path, case):
    path = room.room_path(session_path)
    case.make(path)
    reader = RoomReader(session_path, SESSION_ID)
    tracemalloc.start()
    try:
        first = in_a_thread(lambda: reader.poll(0.0))
        again = in_a_thread(lambda: reader.poll(2.0))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    if case.screen_only:
        assert first is not None and first.screen == "bestaat-niet"
    else:
        assert (first, again) == (None, None)
    # Never more than the megabyte a state may be, and what parsing it takes.
    assert peak < 16 << 20, f"{peak} bytes"


def test_the_corpus_one_after_another_at_one_reader(session_path):
    """One audience window meets them all in turn, with a good state between each."""
    path = room.room_path(session_path)
    reader = RoomReader(session_path, SESSION_ID)
    now = 0.0
    for index, case in enumerate(CASES):
        room_corpus.clear(path)
        room.write_state(session_path, RoomState(SESSION_ID, "complexer", seq=index))
        now += 0.1
        assert in_a_thread(functools.partial(reader.poll, now)).screen == "complexer"
        room_corpus.clear(path)
        case.make(path)
        now += 0.1
        got = in_a_thread(functools.partial(reader.poll, now))
        assert got is None or case.screen_only, case.name
    room_corpus.clear(path)
    assert reader.poll(now + 1) is None


@pytest.mark.parametrize(("name", "make", "seen"),
                         room_corpus.escaped_cases(SESSION_ID, os.getpid()))
def test_escape_sequences_in_a_state_are_shown_not_sent(session_path, name, make, seen):
    make(room.room_path(session_path))
    state = RoomReader(session_path, SESSION_ID).poll(0.0)
    assert state is not None
    bounded(state)
    assert state.shown.items[0][1] == seen
    assert state.shown.title == "Tafel \\x1b]0;GEKAPT\\x071"


def test_a_good_state_at_its_limits_is_followed(session_path):
    written = RoomState(
        SESSION_ID, "patroon-1", reveal=64, highlight=0,
        timer=TimerState(started=True, running=False, remaining=86400, at=1e10),
        shown=Shown("T" * 50_000, (("vraag\n", "regel één\nregel twee\t."),) * 5),
        pid=2**31 - 1, seq=2**63 - 1,
    )
    room.write_state(session_path, written)
    state = RoomReader(session_path, SESSION_ID, alive=lambda pid: True).poll(0.0)
    assert state == written
    bounded(state)


def test_a_timer_from_the_file_always_counts_down_to_a_number():
    state = RoomState.from_json(
        b'{"version":1,"session":"s","screen":"p","timer":'
        b'{"started":true,"running":true,"remaining":86400,"at":0}}')
    assert state.timer.left(1e10) == 0 and state.timer.left(0.0) == 86400


@pytest.mark.parametrize("kind", room_corpus.PRESENCE_KINDS)
def test_a_presence_file_that_is_no_audience_window_is_not_one(session_path, kind):
    room_corpus.hostile_presence(kind, session_path)
    assert in_a_thread(lambda: room.audience_pids(session_path)) == []
    # A real window beside it still counts.
    presence = room.Presence(session_path)
    if presence.announce():
        assert in_a_thread(lambda: room.audience_pids(session_path)) == [os.getpid()]
        presence.withdraw()


# -- the one way to read ---------------------------------------------------------------


def test_reading_refuses_what_is_not_a_regular_file(tmp_path):
    good = tmp_path / "goed"
    good.write_bytes(b"123")
    os.mkfifo(tmp_path / "pijp")
    os.symlink("/dev/zero", tmp_path / "nul")
    os.symlink(good, tmp_path / "koppeling")
    os.symlink("weg", tmp_path / "los")
    (tmp_path / "map").mkdir()
    read = files.read_bytes_safely
    assert read(good, limit=3) == b"123"
    assert read(tmp_path / "koppeling", limit=3) == b"123"  # a link is followed if asked
    for name in ("pijp", "nul", "map"):
        with pytest.raises(files.NotRegularFileError):
            in_a_thread(functools.partial(read, tmp_path / name, limit=100))
    for name in ("koppeling", "nul", "los"):
        with pytest.raises(files.NotRegularFileError):
            read(tmp_path / name, limit=100, follow_links=False)
    with pytest.raises(FileNotFoundError):
        read(tmp_path / "los", limit=100)
    with pytest.raises(files.FileTooLargeError):
        read(good, limit=2)


def test_a_session_or_deck_file_beyond_the_limit_is_refused_by_name(tmp_path, monkeypatch):
    path = tmp_path / "sessie.toml"
    path.write_bytes(b"# " + b"x" * 200 + b"\n")
    monkeypatch.setattr(files, "MAX_TEXT_BYTES", 100)
    with pytest.raises(files.TextFileError) as info:
        files.read_text(path, "Sessiebestand")
    assert str(info.value).startswith(f"Sessiebestand {path} is te groot")
    os.mkfifo(tmp_path / "pijp.toml")
    with pytest.raises(files.TextFileError) as info:
        in_a_thread(lambda: files.read_text(tmp_path / "pijp.toml", "Deckbestand"))
    assert "geen gewoon bestand" in str(info.value)


# -- the one way to write: a planted link is never written through -----------------------


def planted(tmp_path, *names):
    """Symlinks at ``names`` to a file of someone else's: its bytes and mode, to compare."""
    target = tmp_path / "anders" / "van-iemand-anders.txt"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(b"niet van patroon\n")
    os.chmod(target, 0o644)
    for name in names:
        os.symlink(target, name)
    return target


def untouched(target) -> None:
    assert target.read_bytes() == b"niet van patroon\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_the_room_state_is_never_written_through_a_planted_link(session_path):
    state_file = room.room_path(session_path)
    # The temp name of earlier versions was easy to guess: the pid is in .lock.pid.
    guessed = state_file.with_name(f".{state_file.name}.{os.getpid()}.tmp")
    target = planted(session_path.parent, guessed, state_file)
    room.write_state(session_path, RoomState(SESSION_ID, "programma", pid=os.getpid()))
    untouched(target)
    assert not state_file.is_symlink()
    assert RoomReader(session_path, SESSION_ID).poll(0.0).screen == "programma"
    room.remove_state(session_path)
    untouched(target)


def test_presence_is_never_written_through_a_planted_link(session_path):
    pid = os.getpid()
    own = session_path.with_name(f"{session_path.name}.publiek.{pid}")
    target = planted(session_path.parent, room.presence_path(session_path), own,
                     own.with_name(f".{own.name}.{pid}.tmp"))
    presence = room.Presence(session_path)
    assert presence.announce()
    untouched(target)
    assert not own.is_symlink() and own.read_text() == f"{pid}\n"
    presence.withdraw()
    untouched(target)
    # The older presence file is a link: it is not this window's, it stays.
    assert room.presence_path(session_path).is_symlink()


def test_the_lock_pid_is_never_written_through_a_planted_link(session_path):
    pid_file = session_path.with_name(session_path.name + ".lock.pid")
    target = planted(session_path.parent, pid_file,
                     pid_file.with_name(f".{pid_file.name}.{os.getpid()}.tmp"))
    held = lock.lock_session(session_path)
    try:
        untouched(target)
        assert not pid_file.is_symlink() and pid_file.read_text() == f"{os.getpid()}\n"
    finally:
        held.release()
    untouched(target)


def test_a_lock_pid_that_is_not_a_small_file_of_digits_names_no_process(session_path):
    pid_file = session_path.with_name(session_path.name + ".lock.pid")
    for make in (os.mkfifo, lambda p: os.symlink("/dev/zero", p),
                 lambda p: p.write_text("9" * 40), lambda p: p.write_text("-1"),
                 lambda p: p.write_text("²")):
        make(pid_file)
        assert in_a_thread(lambda: lock._read_pid(session_path)) is None
        pid_file.unlink()


def test_a_temp_file_named_for_a_process_beyond_32_bits_is_tidied_not_a_crash(session_path):
    stale = session_path.with_name(f".{session_path.stem}.{'9' * 30}.abc.tmp")
    stale.write_text("x")
    files.remove_stale_temps(session_path)
    assert not stale.exists()
    assert not files.pid_alive(10**30) and not files.pid_alive(-1) and not files.pid_alive(0)
