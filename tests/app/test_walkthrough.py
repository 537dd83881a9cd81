"""A facilitator's whole session: every screen, notes on three of them, quit, resume."""

from __future__ import annotations

import pytest

from patroon_tui.screens.programme import ProgrammeScreen
from tests.app.conftest import one_per_kind, reopen
from tests.app.test_typing import burst, palette_offers
from tests.platforms import SYSTEMS
from tests.waiting import until

NOTES = {
    "complexer": "Woningnood: 'urgent'.",
    "wereldvrede": "Herkenbaar\nTweede (regel)",
    "vragen": "Mail iedereen",
}


async def walk_every_screen(pilot, deck) -> None:
    """Turn every page with the navigation keys; assert each screen is shown in order."""
    app = pilot.app
    programme = app.screen
    assert isinstance(programme, ProgrammeScreen)
    assert programme.current.id == "programma"
    screen_ids = [s.id for s in deck.screens]
    seen = [programme.current.id]
    keys = ["right", "pagedown", "alt+right", "ctrl+pagedown"]
    for step in range(len(screen_ids) - 1):
        # Recording screens put the cursor in a text field; the chord still turns the page.
        key = "alt+right" if app.focused is not None else keys[step % len(keys)]
        if screen_ids[step + 1] == "samenvatting":
            # Every table's answers are never one key away from the room: the page does
            # not turn onto the summary; the facilitator opens it on purpose.
            await pilot.press("pagedown")
            assert programme.current.id == screen_ids[step]
            await pilot.press("ctrl+p", *"samenvatting")
            await until(pilot, lambda: palette_offers(app, "Samenvatting"))
            await pilot.press("enter")
            await until(pilot, lambda: programme.current.id == "samenvatting")
        else:
            await pilot.press(key)
        seen.append(programme.current.id)
        assert programme.body is not None and programme.body.display
    assert seen == screen_ids
    assert app.session.progress.visited == screen_ids


async def test_every_kind_of_screen_at_160x45(make_app, deck):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        programme = app.screen
        for screen in one_per_kind(deck):
            programme.go_to(screen.id)
            await pilot.pause()
            body = programme.body
            assert programme.current.id == screen.id
            assert body is not None and body.display and body.region.width > 100, screen.id
        assert programme.has_class("-wide")
        await pilot.press("ctrl+q")
    assert app.return_code == 0


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
async def test_every_screen_notes_quit_resume_at_80x24(make_app, store, deck, system):
    app = make_app()
    screen_ids = [s.id for s in deck.screens]
    size = (80, 24)
    async with app.run_test(size=size) as pilot:
        await walk_every_screen(pilot, deck)
        programme = app.screen
        # Back with the other keys (on recording screens `p` would type, so the chord).
        for key in ["escape", "left", "pageup", "ctrl+pageup"]:
            await pilot.press(key)
        await pilot.pause()
        assert programme.current.id == screen_ids[-4]

        for screen_id, text in NOTES.items():
            programme.go_to(screen_id)
            await pilot.pause()
            await pilot.press("f2")
            area = programme.notes.text_area
            assert app.focused is area
            # As a terminal sends them, the line breaks as enter.
            lines = text.split("\n")
            parts = [part for line in lines[1:] for part in ("<enter>", line)]
            await burst(pilot, lines[0], *parts, until=lambda a=area, t=text: a.text == t)
            await pilot.press("escape")
            assert app.focused is None
        programme.go_to("in-gesprek")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert app.return_code == 0

    on_disk = store.load(app.path)
    assert on_disk.notes == NOTES
    assert on_disk.progress.screen == "in-gesprek"

    again = reopen(store, deck, app)
    async with again.run_test(size=size) as pilot:
        programme = again.screen
        assert programme.current.id == "in-gesprek"
        for screen_id, text in NOTES.items():
            programme.go_to(screen_id)
            await pilot.pause()
            assert programme.notes.text_area.text == text
        await pilot.press("ctrl+q")
