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


# -- numbers the app adds to stay within what a file holds; a jumping clock --------------------


def _with_seconds(store, deck, seconds: dict[str, int]):
    session = store.create(title="Tijd", deck=deck)
    session.progress.screen = "tafels"
    path = store.save(session)
    text = path.read_text("utf-8").replace(
        "[progress]\n",
        "[progress]\nseconds = { " + ", ".join(f"{k} = {v}" for k, v in seconds.items()) + " }\n",
        1)
    path.write_text(text, "utf-8")
    return path


async def test_the_biggest_number_a_file_holds_stays_openable_and_savable(store, deck, capsys):
    from patroon_tui.app import PatroonApp
    from patroon_tui.cli import main
    from patroon_tui.core.model.session import MAX_SCREEN_SECONDS

    path = _with_seconds(store, deck, {"tafels": 2**63 - 1})
    app = PatroonApp(deck, store, store.load(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        progress = app.session.progress
        await until(pilot, lambda: progress.last_active is not None, timeout=10)  # it counted
        assert progress.seconds["tafels"] == MAX_SCREEN_SECONDS
        await pilot.press("ctrl+q")
    assert store.load(path).progress.seconds["tafels"] == MAX_SCREEN_SECONDS
    capsys.readouterr()
    assert main(["check", str(path)]) == 0
    assert "Let op" not in capsys.readouterr().out  # set right for good


def test_the_report_never_shows_negative_minutes(store, deck, capsys):
    from patroon_tui.cli import main

    path = _with_seconds(store, deck, {"tafels": -(2**63), "programma": 600})
    assert main(["export", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "Tijdsverloop" in out and "-9223372036854775808" not in out
    assert "153722867280912" not in out and "| -" not in out
    assert "Let op: In" in err and "progress.seconds.tafels" in err


async def test_the_time_of_day_put_80_years_on_leaves_no_moment_in_the_future(store, deck):
    from patroon_tui.app import PatroonApp

    jump = dt.timedelta(0)

    def wall() -> dt.datetime:
        return dt.datetime.now(dt.UTC) + jump

    session = store.create(title="Tijd", deck=deck)
    path = store.path_for(session.session.id)
    app = PatroonApp(deck, store, session, path, now=wall)
    async with app.run_test(size=(80, 24)) as pilot:
        progress = app.session.progress
        await until(pilot, lambda: (progress.seconds or {}).get("programma", 0) >= 1, timeout=10)
        jump = dt.timedelta(days=80 * 365)  # the laptop's time corrected, wrongly
        await until(pilot, lambda: progress.seconds["programma"] >= 3, timeout=10)
        await pilot.press("ctrl+q")
    saved = store.load(path).progress
    assert saved.last_active <= dt.datetime.now(dt.UTC) + dt.timedelta(seconds=5)
    assert saved.started <= saved.last_active
