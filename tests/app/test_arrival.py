"""Arriving on each recording screen and typing at once, in one burst: by PageDown, by a
ctrl+p jump, on resume, and (tables) after switching tables. The words go to the end of
the first answer field on a first visit, and of the field typed in last after that, after
what it already held."""

from __future__ import annotations

import pytest

from patroon_tui.core.model.session import FirstStep, Principle
from patroon_tui.screens.programme import ProgrammeScreen
from tests.app.conftest import reopen
from tests.app.test_typing import burst
from tests.waiting import until

TYPED = " wat doen we als"


def seed(session, screen_id: str) -> None:
    """What the screen's first field already holds."""
    if screen_id == "tafels":
        session.tables[0].answers["herkenbaar"] = "Eerder"
    elif screen_id == "eigen-principes":
        session.principles = [Principle(text="Eerder")]
    elif screen_id == "driehoek":
        session.layer_notes["doel"] = "Eerder"
    elif screen_id == "eerste-stappen":
        session.first_steps = [FirstStep(text="Eerder", owner="GGZ", table="tafel-1")]


def first_text(session, screen_id: str) -> str:
    if screen_id == "tafels":
        return session.tables[0].answers.get("herkenbaar", "")
    if screen_id == "eigen-principes":
        return session.principles[0].text
    if screen_id == "driehoek":
        return session.layer_notes.get("doel", "")
    return session.first_steps[0].text


SCREENS = ["tafels", "eigen-principes", "driehoek", "eerste-stappen"]
TITLES = {
    "tafels": "Aan tafel: wat zeggen de tafels?",
    "eigen-principes": "Onze leidende principes",
    "driehoek": "De drie lagen van de driehoek",
    "eerste-stappen": "Eerste stappen",
}


def prepared(make_app, store, deck, screen_id: str, stopped_on: str):
    first = make_app()
    seed(first.session, screen_id)
    first.session.progress.screen = stopped_on
    store.save(first.session, first.path)
    return reopen(store, deck, first)


@pytest.mark.parametrize("screen_id", SCREENS)
@pytest.mark.parametrize("way", ["pagedown", "ctrl+p", "resume"])
async def test_typing_at_once_on_arrival_appends(make_app, store, deck, screen_id, way):
    ids = [s.id for s in deck.screens]
    before = ids[ids.index(screen_id) - 1]
    stopped_on = screen_id if way == "resume" else ("programma" if way == "ctrl+p" else before)
    app = prepared(make_app, store, deck, screen_id, stopped_on)
    keys = {
        "pagedown": ["<pagedown>"],
        "ctrl+p": ["<ctrl+p>", TITLES[screen_id], "<enter>"],
        "resume": [],
    }[way]
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, *keys, TYPED,
                    until=lambda: first_text(app.session, screen_id).endswith(TYPED))
        screen = app.screen
        assert isinstance(screen, ProgrammeScreen) and screen.current.id == screen_id
        assert first_text(app.session, screen_id) == "Eerder" + TYPED
        await pilot.press("ctrl+q")
    assert first_text(store.load(app.path), screen_id) == "Eerder" + TYPED


@pytest.mark.parametrize("screen_id", SCREENS)
async def test_typing_while_the_app_starts_lands_whole(make_app, store, deck, screen_id):
    from textual import events

    # The keys are in the app's queue before it has drawn anything, as when a facilitator
    # types the moment ``patroon open`` is entered: the first of them used to reach the
    # screen before any field and vanish.
    app = prepared(make_app, store, deck, screen_id, screen_id)
    for ch in TYPED:
        app.post_message(events.Key("space" if ch == " " else ch, ch))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: first_text(app.session, screen_id).endswith(TYPED.strip()))
        await pilot.pause()
        assert first_text(app.session, screen_id) == "Eerder" + TYPED
        await pilot.press("ctrl+q")


async def test_the_collector_runs_again_once_the_first_screen_is_drawn(make_app):
    import gc

    from patroon_tui import garbage_collector as collector

    # The command line pauses it before the app is built (start-up allocates objects that
    # all stay); the app must turn it on again, or a long session's garbage piles up.
    collector.pause()
    try:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, gc.isenabled)
            await pilot.press("ctrl+q")
    finally:
        gc.enable()



@pytest.mark.parametrize("when", ["on-arrival", "while-starting", "before-raw-mode"])
async def test_enter_typed_at_once_on_resume_starts_the_next_principle(
    make_app, store, deck, when
):
    from textual import events

    from tests.app.test_typing import key_events

    # Resumed on the principles screen, the facilitator types a principle, enter and the
    # next one before the screen has settled: enter must start a new principle, not vanish
    # ("Eerder VierVijf" in one principle). Before the app has the terminal in raw mode,
    # the terminal sends enter as a line feed, which Textual reads as ctrl+j.
    app = prepared(make_app, store, deck, "eigen-principes", "eigen-principes")
    keys = key_events(" Vier", "<enter>", "Vijf")
    if when == "before-raw-mode":
        keys = [events.Key("ctrl+j", "\n") if k.key == "enter" else k for k in keys]
    if when != "on-arrival":
        for key in keys:
            app.post_message(key)
    async with app.run_test(size=(80, 24)) as pilot:
        if when == "on-arrival":
            for key in keys:
                app.post_message(key)
        await until(pilot, lambda: [p.text for p in app.session.principles][-1:] == ["Vijf"])
        await pilot.pause()
        assert [p.text for p in app.session.principles] == ["Eerder Vier", "Vijf"]
        await pilot.press("ctrl+q")
    assert [p.text for p in store.load(app.path).principles] == ["Eerder Vier", "Vijf"]
