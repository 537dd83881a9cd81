"""The save indicator keeps its width through a save (gewijzigd, opslaan…, opgeslagen):
the header does not shift three times a save, and the indicator's text changes without a
layout of the whole screen."""

from __future__ import annotations

from patroon_tui.widgets.save_indicator import MIN_WIDTH, SaveIndicator
from tests.waiting import until


def test_the_least_width_in_the_css_is_that_of_a_save():
    assert f"min-width: {MIN_WIDTH};" in SaveIndicator.DEFAULT_CSS


async def test_a_save_keeps_the_indicator_in_its_place(make_app):
    app = make_app(start_screen="complexer")
    async with app.run_test(size=(100, 30)) as pilot:
        indicator = app.screen.query_one(SaveIndicator)
        await until(pilot, lambda: indicator.region.width > 0)
        regions = set()
        for state, text in (("dirty", "gewijzigd"), ("saving", "opslaan"),
                            ("saved", "opgeslagen")):
            app.save_state = state
            await until(pilot, lambda text=text: text in str(indicator.render()))
            await pilot.pause()
            regions.add(indicator.region)
        assert len(regions) == 1
        await pilot.press("ctrl+q")
