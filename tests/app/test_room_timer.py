"""The table timer on the audience window: in large digits during the table round, with
the last five minutes, the end and a pause said in words (never by colour alone); one
line at the top on other screens; it fits 80×24 and 160×45."""

from __future__ import annotations

import pytest

from patroon_tui.core.room.room_files import TimerState
from patroon_tui.screens.audience import AudienceScreen
from patroon_tui.widgets.room_timer import SIGNALS, timer_signal
from tests.app.screen_text import screen_rows
from tests.app.test_audience import Clocks, audience, follow, large_timer, screen_text, write


def test_the_signal_follows_the_time_left():
    assert timer_signal(1500, running=True) == ""
    assert timer_signal(300, running=True) == "warning"
    assert timer_signal(1, running=True) == "warning"
    assert timer_signal(0, running=True) == "expired"
    assert timer_signal(0, running=False) == "expired"
    assert timer_signal(900, running=False) == "paused"


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_the_large_timer_fits_and_signals_in_words(make_app, deck, size):
    app = make_app()
    clocks = Clocks()
    viewer = audience(deck, app, clocks)
    async with viewer.run_test(size=size) as pilot:
        screen = viewer.screen
        assert isinstance(screen, AudienceScreen)
        running = TimerState(started=True, running=True, remaining=25 * 60, at=clocks.wall)
        write(app, screen="tafels", seq=1, timer=running)
        await follow(pilot, screen, clocks)
        assert large_timer(viewer) == "25:00"
        assert not any(word in screen_text(viewer) for word in SIGNALS.values())
        timer = screen.query_one("#room-timer-large")
        # Whole on the screen, under the slide's title.
        assert timer.region.bottom <= size[1] and timer.region.height == 3
        assert deck.screen("tafels").title in screen_text(viewer)
        for seconds, signal in ((280, "warning"), (0, "expired")):
            clocks.wall += 25 * 60 - seconds - (clocks.wall - running.at)
            screen._show_timer()
            await pilot.pause()
            assert large_timer(viewer) == f"{seconds // 60:02d}:{seconds % 60:02d}"
            rows = screen_rows(viewer)
            assert any(SIGNALS[signal] in row for row in rows), signal
        write(app, screen="tafels", seq=2,
              timer=TimerState(started=True, running=False, remaining=600, at=clocks.wall))
        await follow(pilot, screen, clocks)
        assert SIGNALS["paused"] in screen_text(viewer)
        # Another screen: the one line at the top.
        write(app, screen="programma", seq=3, timer=running)
        await follow(pilot, screen, clocks)
        assert large_timer(viewer) is None
        assert "⏱ " in screen_rows(viewer)[0]
        await pilot.press("ctrl+q")
