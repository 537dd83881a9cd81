"""Every text slide is drawn by one widget (``TextBody``) that a page turn only redraws; it
looks exactly as the slide Textual lays out from widgets (``TextSlide``: a title over the
slide's Markdown in a scrolling column): every character, colour and style on the screen,
for a text slide, a quote, a long slide scrolled, the conversation slide, small and large
terminals, presenting or not."""

from __future__ import annotations

import pytest

from patroon_tui.screens.programme import ProgrammeScreen
from patroon_tui.widgets.slide import TextSlide, text_markdown
from patroon_tui.widgets.slide_text import TextBody
from tests.app.screen_text import screen_rows
from tests.app.test_slide_markdown import cells
from tests.waiting import until

SLIDES = ["hetzelfde-gesprek", "moeilijk", "in-gesprek"]


def below_header(app) -> list[str]:
    """The screen's cells under its first row (where the save indicator comes and goes)."""
    return [cell for cell in cells(app.export_screenshot()) if not cell.startswith("(") or
            not cell.split(",")[1].lstrip().startswith("0)")]


async def settled(pilot) -> None:
    for _ in range(3):
        await pilot.pause()


@pytest.mark.parametrize("presenting", [False, True], ids=["programme", "presenting"])
@pytest.mark.parametrize("size", [(60, 20), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_text_body_looks_as_the_slide_textual_lays_out(make_app, deck, size,
                                                                 presenting):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, ProgrammeScreen)
        if presenting:
            await pilot.press("f5")
        for screen_id in SLIDES:
            screen.go_to(screen_id)
            body = screen.body
            assert isinstance(body, TextBody)
            await until(pilot, lambda: any(screen.current.title[:20] in row
                                           for row in screen_rows(app)))
            await settled(pilot)
            drawn = below_header(app)
            screen.action_scroll(4)
            await settled(pilot)
            scrolled = below_header(app)

            # The same slide as Textual's widgets lay it out, in its place.
            slide = TextSlide(screen.current, text_markdown(deck, screen.current) or "")
            body.display = False
            await screen.query_one("#slide").mount(slide)
            await settled(pilot)
            assert below_header(app) == drawn, screen_id
            slide.scroll_relative(y=4, animate=False)
            await settled(pilot)
            assert below_header(app) == scrolled, screen_id
            await slide.remove()
            body.display = True
            screen.action_scroll(-4)
        await pilot.press("ctrl+q")


async def test_a_turn_between_text_slides_redraws_one_widget(make_app, deck):
    # What makes the turn cheap: the same widget shows the next slide, in the same place.
    app = make_app(start_screen="complexer")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ProgrammeScreen)
        body = screen.body
        region = body.region
        await pilot.press("pagedown")
        following = deck.screens[deck.screen_index("complexer") + 1]
        await until(pilot, lambda: any(following.title[:30] in row for row in screen_rows(app)))
        assert screen.body is body and body.region == region
        await pilot.press("ctrl+q")
