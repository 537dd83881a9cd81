"""The app counts the time each screen is shown into the session, saved with it; a
read-only session counts nothing."""

from __future__ import annotations

import datetime as dt

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


async def test_the_agenda_shows_minutes_per_part_and_the_expected_end(make_app, deck):
    from patroon_tui.widgets.agenda import END_ID, Agenda
    from tests.app.conftest import FIXED_NOW

    app = make_app()
    one, two = deck.parts[1], deck.parts[2]
    # Part 1 ran five minutes over; part 2 is ten minutes in.
    app.session.progress.seconds = {
        one.screens[0].id: (one.minutes + 5) * 60, two.screens[0].id: 10 * 60,
    }
    app.session.progress.screen = two.screens[1].id
    async with app.run_test(size=(100, 30)) as pilot:
        agenda = app.screen.query_one(Agenda)

        def prompt(option_id: str) -> str:
            return str(agenda.get_option(option_id).prompt)

        assert prompt(f"part:{one.id}").splitlines()[1].strip() == (
            f"⚠ {one.minutes + 5} van {one.minutes} min"
        )
        assert prompt(f"part:{two.id}").splitlines()[1].strip() == f"10 van {two.minutes} min"
        remaining = (two.minutes - 10) + sum(p.minutes for p in deck.parts[3:])
        end = FIXED_NOW + dt.timedelta(minutes=remaining)
        assert prompt(END_ID) == f"Einde rond {end:%H:%M}"
        await pilot.press("ctrl+q")


async def test_time_counts_for_the_screen_opened_on_not_the_one_the_file_stopped_at(
    make_app, store, deck
):
    from tests.app.conftest import reopen

    first = make_app()
    first.session.progress.screen = "vragen"
    store.save(first.session, first.path)
    app = reopen(store, deck, first, start_screen="tafels")  # patroon open --screen tafels
    async with app.run_test(size=(80, 24)) as pilot:
        progress = app.session.progress
        await until(pilot, lambda: (progress.seconds or {}).get("tafels", 0) >= 1, timeout=10)
        assert "vragen" not in (progress.seconds or {})
        await pilot.press("ctrl+q")
