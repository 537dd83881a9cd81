"""The app counts the time each screen is shown into the session, saved with it; a
read-only session counts nothing."""

from __future__ import annotations

from tests.waiting import until


async def test_the_time_on_each_screen_is_counted_and_saved(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        progress = app.session.progress
        await until(pilot, lambda: (progress.seconds or {}).get("programma", 0) >= 1, timeout=10)
        await pilot.press("pagedown")
        second = app.screen.current.id
        await until(pilot, lambda: (progress.seconds or {}).get(second, 0) >= 1, timeout=10)
        await pilot.press("ctrl+q")
    saved = store.load(app.path).progress
    assert saved.seconds is not None
    assert saved.seconds["programma"] >= 1 and saved.seconds[second] >= 1
    assert saved.started is not None and saved.last_active >= saved.started


async def test_a_read_only_session_counts_nothing(make_app, store):
    app = make_app(read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.timekeeper is None
        await pilot.press("ctrl+q")
