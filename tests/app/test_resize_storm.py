"""A resize storm (a window dragged between 20×10 and 250×70, fifty sizes, in bursts, with F5
on and off in between) on every kind of screen: what was typed stays in the field, in view,
and in the session."""

from __future__ import annotations

import random

from textual.events import Resize
from textual.geometry import Size
from textual.widgets import Input, TextArea

from patroon_tui.screens.programme import ProgrammeScreen
from tests.app.body_harness import send_at_once
from tests.app.conftest import one_per_kind
from tests.app.screen_text import shown_in
from tests.waiting import until

ANSWER = "De casus blijft hangen en iedereen wacht op de ander tot het weer escaleert"
SHORT = "GGZ en politie"


def storm_sizes(seed: int) -> list[tuple[int, int]]:
    """Fifty sizes between 20×10 and 250×70, both extremes among them."""
    rng = random.Random(seed)
    sizes = [(20, 10), (250, 70)]
    sizes += [(rng.randint(20, 250), rng.randint(10, 70)) for _ in range(48)]
    rng.shuffle(sizes)
    return sizes


async def test_a_resize_storm_keeps_every_typed_word(make_app, deck):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        programme = app.screen
        assert isinstance(programme, ProgrammeScreen)
        for n, screen in enumerate(one_per_kind(deck)):
            programme.go_to(screen.id)
            await pilot.pause()
            field = app.focused
            typed = None
            if isinstance(field, Input | TextArea):
                if isinstance(field, Input):
                    # the tables screen arrives in who sits there; the answers are a tab on
                    await send_at_once(pilot, *["space" if c == " " else c for c in SHORT])
                    await pilot.press("tab")
                    field = app.focused
                typed = ANSWER
                keys = ["space" if ch == " " else ch for ch in typed]
                await send_at_once(pilot, *keys, until=lambda f=field, typed=typed: f.text == typed)
            for i, (width, height) in enumerate(storm_sizes(n)):
                # As a dragged window sends them: several sizes before the app has drawn
                # the last one (the app waits a moment and lays out the newest).
                size = Size(width, height)
                app.post_message(Resize(size, size))
                if i % 5 == 4:
                    await pilot.pause()
                if i in (12, 37):  # presenting for half the storm
                    await pilot.press("f5")
            if programme.has_class("-presenting"):
                await pilot.press("f5")
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert programme.current.id == screen.id
            if typed is None:
                continue
            assert field.text == typed, screen.id
            assert typed in app.session.model_dump_json(), screen.id
            field.scroll_visible(animate=False)
            await pilot.pause()
            await until(pilot, lambda f=field, typed=typed: shown_in(app, f) == typed)
            # and presenting once more, then back: each word drawn once, none out of view
            for _ in range(2):
                await pilot.press("f5")
                await pilot.pause()
                if field.region.height:
                    await until(pilot, lambda f=field, typed=typed: shown_in(app, f) == typed)
        await pilot.press("ctrl+q")
