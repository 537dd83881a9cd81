"""The room state and presence files through which the two windows follow each other."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import FirstStep, Principle, Table, new_session
from patroon_tui.core.room import room_files as room
from patroon_tui.core.room.room_files import RoomReader, RoomState, Shown, TimerState


@pytest.fixture
def session_path(tmp_path):
    path = tmp_path / "2026-12-04-wijkteam.toml"
    path.write_text("format = 'patroon-session'\n", encoding="utf-8")
    return path


def live_process() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def state(**changes) -> RoomState:
    values = dict(session="2026-12-04-wijkteam", screen="programma", pid=os.getpid(), seq=1)
    values.update(changes)
    return RoomState(**values)


def test_a_state_comes_back_as_written(session_path):
    written = state(screen="patroon-1", reveal=2, highlight=1,
                    timer=TimerState(started=True, running=True, remaining=600, at=1000.0),
                    shown=Shown("Tafel 2", (("Patroon", "Slagbomen"), ("Vraag", "ж \"x\"\n"))))
    room.write_state(session_path, written)
    raw = room.room_path(session_path).read_bytes()
    assert RoomState.from_json(raw) == written
    reader = RoomReader(session_path, "2026-12-04-wijkteam")
    assert reader.poll(0.0) == written
    # Only the room file, private like the session; no temp file is left beside it.
    info = room.room_path(session_path).stat()
    assert stat.S_IMODE(info.st_mode) == 0o600
    assert sorted(p.name for p in session_path.parent.iterdir()) == [
        session_path.name, session_path.name + ".zaal"]


@pytest.mark.parametrize("raw", [
    b"", b"{", b"[]", b"\xff\xfe", b'{"version": 2, "session": "s", "screen": "x"}',
    b'{"version": 1, "screen": "x"}',
    b'{"version": 1, "session": "s", "screen": "x", "reveal": "2"}',
    b'{"version": 1, "session": "s", "screen": "x", "shown": {"title": "t", "items": [1]}}',
])
def test_anything_else_is_no_state(raw):
    assert RoomState.from_json(raw) is None


def test_the_reader_follows_only_a_live_writer_of_this_session(session_path):
    reader = RoomReader(session_path, "2026-12-04-wijkteam")
    assert reader.poll(0.0) is None  # no file: nobody to follow
    room.write_state(session_path, state(session="een-andere-sessie"))
    assert reader.poll(0.1) is None
    room.write_state(session_path, state(pid=dead_pid(), seq=2))
    assert reader.poll(0.2) is None
    room.write_state(session_path, state(seq=3, screen="complexer"))
    assert reader.poll(0.3).screen == "complexer"
    room.remove_state(session_path)
    assert reader.poll(0.4) is None


def test_a_writer_killed_without_removing_its_file_stops_being_followed(session_path):
    alive = {os.getpid(): True}
    reader = RoomReader(session_path, "2026-12-04-wijkteam", alive=lambda pid: alive[pid])
    room.write_state(session_path, state())
    assert reader.poll(10.0) is not None
    alive[os.getpid()] = False  # kill -9: the file stays as it was
    assert reader.poll(10.5) is not None  # looked at once a second, not on every poll
    assert reader.poll(11.0) is None


def test_the_timer_counts_down_from_the_moment_written():
    running = TimerState(started=True, running=True, remaining=600, at=1000.0)
    assert running.left(1000.0) == 600
    assert running.left(1030.2) == 570
    assert running.left(5000.0) == 0
    assert running.left(990.0) == 600  # a clock set back never adds time
    paused = TimerState(started=True, running=False, remaining=300, at=1000.0)
    assert paused.left(2000.0) == 300


def test_presence_is_there_while_the_audience_window_runs(session_path):
    presence = room.Presence(session_path)
    assert not room.audience_present(session_path)
    assert presence.announce()
    assert room.presence_path(session_path, os.getpid()).read_text() == f"{os.getpid()}\n"
    assert room.audience_pids(session_path) == [os.getpid()]
    assert room.audience_present(session_path)
    assert not room.audience_present(session_path, alive=lambda pid: False)
    presence.withdraw()
    assert not room.audience_present(session_path)
    assert sorted(p.name for p in session_path.parent.iterdir()) == [session_path.name]


def test_each_audience_window_has_its_own_presence(session_path):
    first = room.Presence(session_path)
    first.announce()
    other = live_process()
    try:
        # A second window, in its own process.
        room.presence_path(session_path, other.pid).write_text(str(other.pid))
        assert room.audience_pids(session_path) == sorted([os.getpid(), other.pid])
        first.withdraw()  # one window quits: the other still watches
        assert room.audience_pids(session_path) == [other.pid]
        assert room.audience_present(session_path)
    finally:
        other.kill()
        other.wait()
    # A window killed without removing its file: not watching.
    assert not room.audience_present(session_path)


def test_the_single_presence_file_of_earlier_versions_still_counts(session_path):
    room.presence_path(session_path).write_text(f"{os.getpid()}\n", encoding="ascii")
    assert room.audience_pids(session_path) == [os.getpid()]
    presence = room.Presence(session_path)
    presence.announce()
    presence.withdraw()  # this window's file goes, the older one is not this window's
    assert room.read_presence(room.presence_path(session_path)) == os.getpid()


def test_presence_names_of_other_sessions_and_other_files_do_not_count(session_path):
    folder = session_path.parent
    pid = os.getpid()
    for name in (f"andere.toml.publiek.{pid}", f"{session_path.name}.publiek.x{pid}",
                 f"{session_path.name}.publiek.{pid}.tmp", f".{session_path.name}.publiek.{pid}",
                 f"{session_path.name}.publiek.{'9' * 40}"):
        (folder / name).write_text(str(pid))
    (folder / f"{session_path.name}.publiek.{pid}").mkdir()  # a folder is no window
    assert room.audience_pids(session_path) == []


def test_presence_on_a_folder_that_cannot_be_written_is_not_an_error(tmp_path):
    presence = room.Presence(tmp_path / "geen-map" / "sessie.toml")
    assert presence.announce() is False
    presence.withdraw()


def test_answers_shown_to_the_room():
    deck = load_deck()
    session = new_session(session_id="2026-12-04-wijkteam", title="Wijkteam")
    question = next(q for q in deck.questions if q.kind == "text")
    session.tables = [
        Table(id="tafel-1", name="Tafel 1", answers={question.id: "Eerste tafel"}),
        Table(id="tafel-2", name="Tafel 2", pattern=deck.patterns[0].id,
              answers={question.id: "Wat tafel twee zei"}),
    ]
    session.progress.table = "tafel-2"
    screens = {s.kind: s for s in deck.screens}
    shown = room.shown_answers(session, deck, screens["tables"])
    assert shown.title == "Tafel 2"
    assert ("Patroon", deck.patterns[0].title) in shown.items
    assert (question.text, "Wat tafel twee zei") in shown.items
    session.principles = [Principle(text="Wat doen we als het schuurt? Bellen."),
                          Principle(text="  ")]
    assert room.shown_answers(session, deck, screens["principles"]).items == (
        ("", "Wat doen we als het schuurt? Bellen."),)
    session.first_steps = [FirstStep(text="Samen koffie", owner="Ans")]
    assert room.shown_answers(session, deck, screens["first_steps"]).items == (
        ("Ans", "Samen koffie"),)
    # Every table's answers at once: never on the projector.
    assert room.shown_answers(session, deck, screens["summary"]) is None
    assert room.shown_answers(session, deck, screens["pattern"]) is None
