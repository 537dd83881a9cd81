"""Small and large terminals: what a facilitator must read is shown whole, nothing is cut
mid-word, and what a mark means is said on the screen."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from tests.waiting import until


async def test_at_60x20_each_table_is_one_line_and_the_count_is_explained(make_app):
    app = make_app()
    app.session.tables[0].name = "Veiligheidshuis Noord"
    app.session.progress.screen = "tafels"
    async with app.run_test(size=(60, 20)) as pilot:
        await until(pilot, lambda: app.screen.query("#tables-list"))
        await pilot.pause()
        option_list = app.screen.query_one("#tables-list", OptionList)
        first = option_list.render_line(0).text.strip()
        assert first.startswith("0/4 Veilig") and first.endswith("…")
        assert option_list.render_line(1).text.strip() == ""  # no second line of the name
        legend = app.screen.query_one(".list-legend", Static)
        assert "x/4 = vragen beantwoord" in " ".join(str(legend.render()).split())
        assert legend.region.height and app.screen.region.contains_region(legend.region)
        await pilot.press("ctrl+q")


async def test_at_60x20_the_header_keeps_the_parts_name_beside_a_running_timer(make_app):
    app = make_app()
    app.session.progress.screen = "tafels"
    async with app.run_test(size=(60, 20)) as pilot:
        await until(pilot, lambda: app.screen.query("#tables-list"))
        await pilot.press("f6")
        holder = app.screen.query_one("#header-timer")
        await until(pilot, lambda: holder.region.width >= 8)  # the timer is in the row
        part = app.screen.query_one("#header-part", Static).render_line(0).text.strip()
        assert part.startswith("2 · Patr") and part.endswith("…")
        await pilot.press("ctrl+q")
