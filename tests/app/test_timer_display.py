"""The table timer in the app: shown, warning at 5 minutes, signal at 0, resumed after a save."""

from __future__ import annotations

import pytest

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import new_session
from patroon_tui.core.model.timer import TableTimer
from patroon_tui.core.sessionfile.store import SessionStore
from patroon_tui.widgets.tables import TablesPanel
from patroon_tui.widgets.timer import TimerDisplay
from tests.app.body_harness import BodyHarness


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def deck():
    return load_deck()


@pytest.fixture
def clock():
    return FakeClock()


def make_app(deck, session, timer) -> BodyHarness:
    return BodyHarness(deck, session, lambda d, s: TablesPanel(d, s, id="body"), timer=timer)


def shown(app) -> str:
    display = app.query_one(TimerDisplay)
    return str(display.content) if display.display else ""


async def test_hidden_until_started_then_counts_down(deck, clock):
    session = new_session(session_id="s", title="S")
    timer = TableTimer(25 * 60, clock=clock)
    app = make_app(deck, session, timer)
    async with app.run_test(size=(80, 24)) as pilot:
        assert shown(app) == ""
        await pilot.press("f6")
        assert shown(app) == "⏱ 25:00"
        assert session.progress.timer_running is True
        clock.advance(47)
        app.query_one(TimerDisplay).update_now()
        assert shown(app) == "⏱ 24:13"
        await pilot.press("f6")
        assert shown(app) == "⏸ 24:13"
        assert session.progress.timer_seconds_left == 24 * 60 + 13
        assert session.progress.timer_running is False
        await pilot.press("f7")
        assert shown(app) == ""
        assert session.progress.timer_seconds_left is None


async def test_warns_at_five_minutes_and_signals_once_at_zero_until_acknowledged(deck, clock):
    session = new_session(session_id="s", title="S")
    timer = TableTimer(25 * 60, clock=clock)
    app = make_app(deck, session, timer)
    async with app.run_test(size=(80, 24)) as pilot:
        display = app.query_one(TimerDisplay)
        await pilot.press("f6")
        clock.advance(20 * 60 - 1)
        display.update_now()
        assert not display.has_class("-warning")
        clock.advance(1)
        display.update_now()
        assert shown(app) == "⏱ 05:00"
        assert display.has_class("-warning")
        assert app.notices.count("Nog 5 minuten.") == 1

        clock.advance(5 * 60)
        display.update_now()
        display.update_now()
        assert shown(app) == "⏱ Tijd!"
        assert display.has_class("-expired")
        assert app.bells == 1
        assert app.notices.count("De 25 minuten zijn om.") == 1
        assert session.progress.timer_seconds_left == 0
        assert session.progress.timer_running is True  # still signalling

        clock.advance(120)  # nobody looked: the signal stays, but does not repeat
        display.update_now()
        assert shown(app) == "⏱ Tijd!"
        assert app.bells == 1

        await pilot.press("f6")  # acknowledged
        assert shown(app) == "⏱ 00:00"
        assert not display.has_class("-expired")
        assert session.progress.timer_running is False
        display.update_now()
        assert app.bells == 1


async def test_an_unacknowledged_signal_is_still_shown_after_save_and_load(deck, clock, tmp_path):
    store = SessionStore(tmp_path / "sessions")
    session = store.create(title="Timer", deck=deck)
    timer = TableTimer.from_progress(session.progress, deck.timer_minutes * 60, clock=clock)
    app = make_app(deck, session, timer)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        clock.advance(26 * 60)
        app.query_one(TimerDisplay).update_now()
        assert shown(app) == "⏱ Tijd!"
        assert app.bells == 1
        path = store.save(session)

    loaded = store.load(path)
    resumed = TableTimer.from_progress(loaded.progress, deck.timer_minutes * 60, clock=clock)
    app = make_app(deck, loaded, resumed)
    async with app.run_test(size=(80, 24)) as pilot:
        display = app.query_one(TimerDisplay)
        display.update_now()
        assert shown(app) == "⏱ Tijd!"
        assert display.has_class("-expired")
        assert app.bells == 0  # it rang before the resume, not again
        await pilot.press("f6")
        assert shown(app) == "⏱ 00:00"
        assert loaded.progress.timer_running is False


async def test_the_length_set_on_the_tables_screen_is_used(deck, clock):
    session = new_session(session_id="s", title="S")
    timer = TableTimer(deck.timer_minutes * 60, clock=clock)
    app = make_app(deck, session, timer)
    async with app.run_test(size=(80, 24)) as pilot:
        minutes = app.query_one("#timer-minutes")
        await pilot.press("ctrl+g", "ctrl+a", "ctrl+k", "1", "0")
        assert app.focused is minutes  # ctrl+g took the cursor to the minutes
        await pilot.press("f6")
        assert shown(app) == "⏱ 10:00"
        clock.advance(10 * 60)
        app.query_one(TimerDisplay).update_now()
        assert app.notices.count("De 10 minuten zijn om.") == 1


async def test_a_running_timer_continues_after_save_and_load(deck, clock, tmp_path):
    store = SessionStore(tmp_path / "sessions")
    session = store.create(title="Timer", deck=deck)
    timer = TableTimer.from_progress(session.progress, deck.timer_minutes * 60, clock=clock)
    app = make_app(deck, session, timer)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        clock.advance(100)
        await pilot.press("f6")  # pause at 23:20
        clock.advance(600)  # a break
        await pilot.press("f6")  # resume
        clock.advance(200)
        app.query_one(TimerDisplay).update_now()  # what the interval does every second
        path = store.save(session)

    loaded = store.load(path)
    assert loaded.progress.timer_seconds_left == 25 * 60 - 300
    assert loaded.progress.timer_running is True
    clock.advance(3600)  # the app was closed for an hour
    resumed = TableTimer.from_progress(loaded.progress, deck.timer_minutes * 60, clock=clock)
    app = make_app(deck, loaded, resumed)
    async with app.run_test(size=(80, 24)) as pilot:
        assert shown(app) == "⏱ 20:00"
        clock.advance(30)
        app.query_one(TimerDisplay).update_now()
        assert shown(app) == "⏱ 19:30"


async def test_the_timer_keys_are_in_the_help_in_dutch(deck, tmp_path):
    from patroon_tui.app import PatroonApp
    from patroon_tui.dialogs.help import HelpScreen

    store = SessionStore(tmp_path / "sessions")
    session = store.create(title="Hulp", deck=deck)
    app = PatroonApp(deck, store, session, store.path_for(session.session.id))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        rows = {
            (str(row[0]), str(row[1]))
            for _, bindings in app.screen.sections
            for row in [(b.key, b.description) for b in bindings]
        }
        assert ("f6", "Timer start/pauze") in rows
        assert ("f7", "Timer opnieuw") in rows
        assert ("f9", "Naar tafels") in rows
