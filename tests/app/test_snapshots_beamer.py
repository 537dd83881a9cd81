"""Snapshots of the projector's theme (``--thema beamer``): the facilitator's window on a
text slide, a pattern slide and the tables screen at 80×24 and 160×45, the audience window
on the same three at 160×45 (a projector's terminal), and the table timer in large digits
on the audience window at 120×36, in its last five minutes.

Each picture was looked at before it was accepted (see ``test_snapshot_sizes``): light
background, black text, heavy lines round the loop's steps, the highlighted step reversed
and bold, the timer's signal in words in a heavy frame.
"""

from __future__ import annotations

import os

import pytest

from patroon_tui.app import PatroonApp
from patroon_tui.app.audience import AudienceApp
from patroon_tui.core.room import room_files as room
from patroon_tui.core.room.room_files import RoomState, TimerState
from tests.app.conftest import FIXED_NOW
from tests.app.test_snapshot_sizes import KINDS, SIZES, recorded_session
from tests.app.test_snapshots import _utc, steady_cursors

__all__ = ["_utc"]  # the time-zone fixture, used here too

BEAMER_KINDS = ["text", "pattern", "tables"]
WALL = 1_800_000_000.0


@pytest.mark.parametrize("size", ["80x24", "160x45"])
@pytest.mark.parametrize("kind", BEAMER_KINDS)
def test_the_beamer_theme_in_the_facilitators_window(snap_compare, deck, store, kind, size):
    session = recorded_session(deck, store, KINDS[kind])
    app = PatroonApp(deck, store, session, store.path_for(session.session.id),
                     now=lambda: FIXED_NOW, theme="beamer")
    keys = ["ctrl+down", "ctrl+down"] if kind == "pattern" else []
    assert snap_compare(app, terminal_size=SIZES[size], press=keys, run_before=steady_cursors)


def audience_window(deck, store, screen: str, **state) -> AudienceApp:
    session = recorded_session(deck, store, screen)
    path = store.path_for(session.session.id)
    room.write_state(path, RoomState(session=session.session.id, screen=screen,
                                     pid=os.getpid(), seq=1, **state))
    return AudienceApp(deck, path, session.session.id, screen, wall=lambda: WALL,
                       clock=lambda: 50.0, poll_every=None, theme="beamer")


async def followed(pilot) -> None:
    await pilot.app.screen.poll()
    await pilot.pause()


@pytest.mark.parametrize("kind", BEAMER_KINDS)
def test_the_beamer_theme_in_the_audience_window(snap_compare, deck, store, kind):
    app = audience_window(deck, store, KINDS[kind],
                          highlight=2 if kind == "pattern" else None)
    assert snap_compare(app, terminal_size=SIZES["160x45"], run_before=followed)


def test_the_large_timer_in_the_audience_window(snap_compare, deck, store):
    timer = TimerState(started=True, running=True, remaining=4 * 60 + 30, at=WALL)
    app = audience_window(deck, store, "tafels", timer=timer)
    assert snap_compare(app, terminal_size=(120, 36), run_before=followed)
