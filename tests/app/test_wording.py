"""What the screens say: each question once on the conversation slide, Dutch key names."""

from __future__ import annotations

import pytest

from patroon_tui.screens.programme import ProgrammeScreen
from tests.app.screen_text import shown_in
from tests.waiting import mounted, until


async def test_the_conversation_slide_lists_each_question_once(make_app, deck):
    app = make_app()
    app.session.progress.screen = "in-gesprek"
    async with app.run_test(size=(100, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ProgrammeScreen)
        # What the slide shows, its lines joined.
        await until(pilot, lambda: "25 minuten" in shown_in(app, screen.body))
        shown = shown_in(app, screen.body)
        assert [shown.count(q.text) for q in deck.questions] == [1] * len(deck.questions)
        await pilot.press("ctrl+q")


def footer_descriptions(app) -> list[str]:
    return [str(getattr(key, "description", "")) for key in app.screen.query("AppFooter > *")]


def footer_fitted(footer, narrow: bool) -> bool:
    """Every key shown lies left of the help key; keys are left out from the end of the
    row only, and some must be below 100 columns."""
    all_keys = [key for key in footer.children if hasattr(key, "action")]  # it rebuilds them
    help_key = next((k for k in all_keys if k.has_class("-help")), None)
    shown = [k for k in all_keys if k.display and k is not help_key]
    if help_key is None or not shown:
        return False
    if any(k.region.right > help_key.region.x for k in shown):
        return False
    left_out = [k for k in all_keys if not k.display]
    return all_keys[: len(shown)] == shown and (bool(left_out) or not narrow)


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (100, 24)])
async def test_a_key_that_does_not_fit_the_footer_is_left_out_whole(make_app, size):
    app = make_app()
    app.session.progress.screen = "tafels"
    async with app.run_test(size=size) as pilot:
        await mounted(pilot, "#table-pattern")
        footer = app.screen.query_one("AppFooter")
        await until(pilot, lambda: footer_fitted(footer, narrow=size[0] < 100))
        await pilot.press("ctrl+q")


async def test_keys_that_changed_while_presenting_are_fitted_when_the_footer_returns(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        footer = app.screen.query_one("AppFooter")
        await pilot.press("f5")
        app.screen.go_to("tafels")  # other keys, built while the footer is hidden
        await mounted(pilot, "#table-pattern")
        await pilot.press("f5")
        await until(pilot, lambda: footer_fitted(footer, narrow=True))
        await pilot.press("ctrl+q")
