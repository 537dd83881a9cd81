"""Snapshots at 100×30 of the start screen, a text screen and a pattern screen.

Fixed date and clock, fixed session files and a fixed time zone keep them stable.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from textual.widgets import Input

from patroon_tui.app import PatroonApp
from patroon_tui.core.model.session import new_session
from patroon_tui.core.sessionfile.store import dumps_session
from tests.app.conftest import FIXED_NOW

SIZE = (100, 30)


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def write_session(store, title: str, screen: str, minutes: int):
    """A session file with fixed timestamps (the store would stamp the real time)."""
    stamp = FIXED_NOW - dt.timedelta(minutes=minutes)
    session = new_session(session_id=store.unique_id(title, FIXED_NOW.date()), title=title,
                          date=FIXED_NOW.date(), now=stamp)
    session.progress.screen = screen
    store.folder.mkdir(parents=True, exist_ok=True)
    store.path_for(session.session.id).write_text(dumps_session(session), encoding="utf-8")
    return session


def test_start_screen(snap_compare, deck, store):
    write_session(store, "Wijkteam Noord", "wereldvrede", 20)
    write_session(store, "Regio Oost", "programma", 90)
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)

    async def steady_cursor(pilot) -> None:
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=steady_cursor)


def test_text_screen(snap_compare, deck, store):
    session = write_session(store, "Wijkteam Noord", "gedwongen", 5)
    session.notes["gedwongen"] = "Iedereen knikt bij ‘gedwongen’."
    app = PatroonApp(deck, store, session, store.path_for(session.session.id),
                     now=lambda: FIXED_NOW)
    assert snap_compare(app, terminal_size=SIZE)


def test_pattern_screen(snap_compare, deck, store):
    session = write_session(store, "Wijkteam Noord", "wereldvrede", 5)
    app = PatroonApp(deck, store, session, store.path_for(session.session.id),
                     now=lambda: FIXED_NOW)
    assert snap_compare(app, terminal_size=SIZE, press=["ctrl+down", "ctrl+down"])


async def steady_cursors(pilot) -> None:
    """No blinking cursors, so the picture does not depend on the moment it is taken."""
    await pilot.pause()
    for field in pilot.app.screen.query("Input, TextArea"):
        field.cursor_blink = False
    await pilot.pause()


def test_tables_screen(snap_compare, deck, store):
    from patroon_tui.core.model.session import Table

    session = write_session(store, "Wijkteam Noord", "tafels", 5)
    questions = deck.text_questions
    session.tables = [
        Table(id="tafel-1", name="Tafel 1", participants="gemeente, GGZ, corporatie",
              pattern="wereldvrede",
              answers={questions[0].id: "Herkenbaar: iedereen wacht op de ander."}),
        Table(id="tafel-2", name="Tafel 2", participants="wijkteam"),
    ]
    store.path_for(session.session.id).write_text(dumps_session(session), encoding="utf-8")
    app = PatroonApp(deck, store, session, store.path_for(session.session.id),
                     now=lambda: FIXED_NOW)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady_cursors)


def test_presentation_mode_on_a_pattern_screen(snap_compare, deck, store):
    session = write_session(store, "Wijkteam Noord", "wereldvrede", 5)
    app = PatroonApp(deck, store, session, store.path_for(session.session.id),
                     now=lambda: FIXED_NOW)
    # Presenting, the loop revealed up to step 4, step 3 highlighted.
    assert snap_compare(app, terminal_size=SIZE, press=["f5", "ctrl+r", "ctrl+r", "ctrl+r", "ctrl+r", "ctrl+down", "ctrl+down", "ctrl+down"])
