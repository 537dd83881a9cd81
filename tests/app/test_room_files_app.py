"""Hostile room files through both windows: no traceback, no freeze, ctrl+q always works.

The audience window meets every case of the room-state corpus (``tests/core/room_corpus.py``)
and shows its quiet "wacht op…" line for each; escape sequences in a state are shown as
``\\x1b``, never sent. The facilitator's window keeps taking typed keys whatever lies at
the presence file's name (a pipe, a link to ``/dev/zero``, a folder …). Two audience
windows: one quits, the facilitator's window keeps writing for the other.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from patroon_tui.app.audience import AudienceApp
from patroon_tui.core.room import room_files as room
from patroon_tui.core.room.room_files import RoomState
from patroon_tui.screens.audience import WAITING, AudienceScreen
from tests.app.test_audience import Clocks, audience, follow, room_state, screen_text
from tests.app.test_typing import burst
from tests.core import room_corpus
from tests.waiting import until

CASES_FOR = room_corpus.unusable_cases


def good(app, **changes) -> None:
    values = {"session": app.session.session.id, "screen": "complexer", "pid": os.getpid(),
              "seq": 1}
    values.update(changes)
    room.write_state(app.path, RoomState(**values))


async def test_the_audience_window_waits_for_every_room_file_it_cannot_use(make_app, deck):
    app = make_app()
    clocks = Clocks()
    viewer = audience(deck, app, clocks)
    path = room.room_path(app.path)
    cases = CASES_FOR(app.session.session.id, os.getpid())
    async with viewer.run_test(size=(100, 30)) as pilot:
        screen = viewer.screen
        assert isinstance(screen, AudienceScreen)
        for index, case in enumerate(cases):
            room_corpus.clear(path)
            good(app, seq=index)
            await follow(pilot, screen, clocks)
            assert screen.following and WAITING not in screen_text(viewer), case.name
            room_corpus.clear(path)
            case.make(path)
            await follow(pilot, screen, clocks)
            text = screen_text(viewer)
            assert not screen.following and WAITING in text, case.name
            # The last slide stays; nothing of the file is on the screen.
            assert deck.screen("complexer").title in text, case.name
        await pilot.press("ctrl+q")
        await until(pilot, lambda: viewer.return_code is not None)
    assert viewer.return_code == 0


@pytest.mark.parametrize("name", ["fifo", "link-naar-dev-zero", "link-naar-fifo", "map"])
async def test_ctrl_q_ends_the_audience_window_whatever_the_room_file_is(make_app, deck, name):
    app = make_app()
    case = next(c for c in CASES_FOR(app.session.session.id, os.getpid()) if c.name == name)
    case.make(room.room_path(app.path))
    # Polling as in the room, fifty times a second, with the real clocks.
    viewer = AudienceApp(deck, app.path, app.session.session.id, "programma")
    async with viewer.run_test(size=(100, 30)) as pilot:
        screen = viewer.screen
        await until(pilot, lambda: isinstance(screen, AudienceScreen) and screen.is_mounted)
        await screen.poll()  # the look the interval makes: it returns
        await until(pilot, lambda: WAITING in screen_text(viewer))
        await pilot.press("ctrl+q")
        await until(pilot, lambda: viewer.return_code is not None)
    assert viewer.return_code == 0
    assert not room.audience_pids(app.path)


async def test_escape_sequences_in_the_room_state_are_shown_not_sent(make_app, deck):
    app = make_app()
    clocks = Clocks()
    viewer = audience(deck, app, clocks)
    [(_, make, seen)] = room_corpus.escaped_cases(app.session.session.id, os.getpid())
    async with viewer.run_test(size=(120, 36)) as pilot:
        screen = viewer.screen
        make(room.room_path(app.path))
        await follow(pilot, screen, clocks)
        await until(pilot, lambda: seen in screen_text(viewer))
        text = screen_text(viewer)
        assert "Tafel \\x1b]0;GEKAPT\\x071" in text
        assert "\x1b" not in text and "\x07" not in text
        await pilot.press("ctrl+q")


@pytest.mark.parametrize("kind", room_corpus.PRESENCE_KINDS)
async def test_the_facilitators_window_takes_keys_whatever_the_presence_file_is(
        make_app, kind):
    app = make_app(start_screen="tafels")
    room_corpus.hostile_presence(kind, app.path)
    async with app.run_test(size=(100, 30)) as pilot:
        # The looks made twice a second go on while keys are typed.
        await until(pilot, lambda: app.room.looks >= 1)
        await burst(pilot, "<f9>", *"wat tafel een zei")
        looked = app.room.looks
        await until(pilot, lambda: app.room.looks >= looked + 2)
        await burst(pilot, *" en meer")
        await until(pilot, lambda: any(a.endswith("wat tafel een zei en meer")
                                       for a in app.session.tables[0].answers.values()))
        assert not app.room.present  # nothing there is an audience window
        assert not room.room_path(app.path).exists()
        await pilot.press("ctrl+q")


@pytest.fixture
def other_process():
    """Another live process: it plays a second audience window (its pid alive while it runs)."""
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield other
    other.kill()
    other.wait()


async def test_one_audience_window_quits_the_facilitator_keeps_writing_for_the_other(
        make_app, deck, other_process):
    app = make_app()
    other = other_process
    room.presence_path(app.path, other.pid).write_text(f"{other.pid}\n")
    ids = [s.id for s in deck.screens]
    viewer = AudienceApp(deck, app.path, app.session.session.id, ids[0])
    async with app.run_test(size=(100, 30)) as pilot:
        async with viewer.run_test(size=(100, 30)) as viewing:
            await until(viewing, lambda: room.audience_pids(app.path) == sorted(
                [os.getpid(), other.pid]))
            await until(pilot, lambda: room_state(app) is not None)
            await viewing.press("ctrl+q")
        # This window is gone; the other one still watches.
        assert room.audience_pids(app.path) == [other.pid]
        looked = app.room.looks
        await until(pilot, lambda: app.room.looks >= looked + 2)
        assert app.room.present
        await burst(pilot, "<pagedown>", "<pagedown>")
        await until(pilot, lambda: room_state(app).screen == ids[2])
        await pilot.press("ctrl+q")
