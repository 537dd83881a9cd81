"""Turning pages faster than slides are built: a slide built ahead and dropped again while
it is still being mounted never stays behind, and never clashes with its own next build."""

from __future__ import annotations

import gc

from patroon_tui.screens.programme import ProgrammeScreen
from tests.app.screen_text import rows_in
from tests.app.test_typing import burst
from tests.waiting import until


def bodies_of(screen: ProgrammeScreen, screen_id: str) -> int:
    return len(screen.query(f"#body-{screen_id}"))


async def test_a_slide_dropped_while_mounting_is_removed_or_taken_back(make_app, deck):
    app = make_app()
    ids = [s.id for s in deck.screens]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ProgrammeScreen)
        # Built ahead (as the prefetch does a second after arriving), then dropped at once:
        # the page turns on four slides before that build has been mounted. (The pattern
        # slides: every text slide is drawn by the one text body, never built.)
        first = next(n for n, s in enumerate(deck.screens) if s.kind == "pattern")
        screen.go_to(ids[first - 1])
        await pilot.pause()
        screen._slides.prefetch(screen.index)  # the first pattern is being mounted now
        screen.go_to(ids[first + 4])
        # Removed once its mount has finished (waited for, not a number of frames).
        await until(pilot, lambda: bodies_of(screen, ids[first]) == 0)
        # The same, but the dropped slide is shown again before its mount finished.
        screen.go_to(ids[first])
        await pilot.pause()
        screen._slides.prefetch(screen.index)  # the second pattern
        screen.go_to(ids[first + 4])
        screen.go_to(ids[first + 1])
        await until(pilot, lambda: screen.query(f"#body-{ids[first + 1]}")
                    and screen.body is screen.query_one(f"#body-{ids[first + 1]}"))
        assert bodies_of(screen, ids[first + 1]) == 1
        # Page turning on over every slide, back and forth, in one burst: no crash.
        await burst(pilot, *(["<pagedown>"] * 12 + ["<pageup>"] * 6 + ["<pagedown>"] * 20))
        assert app.is_running
        assert all(bodies_of(screen, i) <= 1 for i in ids)
        await pilot.press("ctrl+q")


async def test_the_page_never_turns_onto_the_summary(make_app):
    # One PageDown after the closing slide must not put every table's answers on the
    # projector: the summary is opened on purpose (agenda, ctrl+p, ctrl+e).
    from patroon_tui.screens.programme import SUMMARY_ON_PURPOSE

    app = make_app(start_screen="vragen")
    told: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kwargs: (told.append(message), notify(message, **kwargs))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        for key in ("pagedown", "right", "alt+right"):
            await pilot.press(key)
            assert screen.current.id == "vragen"
        assert told.count(SUMMARY_ON_PURPOSE) == 3
        screen.go_to("samenvatting")
        await pilot.pause()
        assert screen.current.id == "samenvatting"
        await pilot.press("pageup")
        assert screen.current.id == "vragen"


async def test_the_garbage_collector_runs_again_after_page_turns(make_app, deck):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, gc.isenabled)  # the app's start ran it again
        await burst(pilot, "<pagedown>", "<pagedown>", "<pagedown>", "<pageup>")
        await until(pilot, lambda: app.programme.index == 2)
        # Held off while the turns are painted, never for longer.
        await until(pilot, gc.isenabled)
        await pilot.press("ctrl+q")


async def test_a_slide_built_ahead_shows_as_one_built_on_arrival(make_app, deck):
    # The slide drawn ahead (its lines drawn before the turn, at the width of the slide
    # shown): on arrival it must look exactly as when it is drawn on the turn itself.
    ids = [s.id for s in deck.screens]
    start = ids.index("complexer")
    after_turn: list[str] = []
    app = make_app(start_screen=ids[start])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        screen._slides.prefetch(screen.index)
        await pilot.pause()
        await pilot.press("pagedown")
        await until(pilot, lambda: screen.current.id == ids[start + 1] and screen.body.is_mounted)
        await pilot.pause()
        after_turn = rows_in(app, screen.body)
        await pilot.press("ctrl+q")
    fresh = make_app(start_screen=ids[start + 1])
    async with fresh.run_test(size=(100, 30)) as pilot:
        screen = fresh.screen
        await until(pilot, lambda: screen.body is not None and screen.body.is_mounted)
        await pilot.pause()
        assert after_turn == rows_in(fresh, screen.body)
        assert any("netwerk" in row.lower() for row in after_turn)
        await pilot.press("ctrl+q")


async def test_a_slide_shown_again_while_its_old_body_is_removed_is_built_once(make_app, deck):
    # A slide whose body is a widget of its own (not the text body): turned away from far
    # enough that its body is removed, and back in the same moment, while that removal is
    # still under way. The new body waits for the old one to go (they share an id).
    built = [n for n, s in enumerate(deck.screens) if s.kind == "pattern"]
    n = built[0]
    ids = [s.id for s in deck.screens]
    app = make_app(start_screen=ids[n])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await until(pilot, lambda: screen.query(f"#body-{ids[n]}"))
        screen.go_to(ids[n + 3])
        screen.go_to(ids[n])
        await until(pilot, lambda: screen.query(f"#body-{ids[n]}")
                    and screen.body is screen.query_one(f"#body-{ids[n]}")
                    and screen.body.display)
        assert app.is_running
        assert bodies_of(screen, ids[n]) == 1
        await pilot.press("ctrl+q")
