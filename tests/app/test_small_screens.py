"""Small and large terminals: what a facilitator must read is shown whole, nothing is cut
mid-word, and what a mark means is said on the screen."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from tests.app.screen_text import rows_in, screen_rows, shown_in
from tests.waiting import mounted, until


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


async def test_on_a_big_terminal_a_presented_text_slide_sits_in_the_middle(make_app):
    app = make_app()
    app.session.progress.screen = "complexer"
    async with app.run_test(size=(160, 45)) as pilot:
        title = "Organisatie in het publieke domein wordt complexer"
        await until(pilot, lambda: any(title in row for row in screen_rows(app)))
        await pilot.press("f5")

        def placed() -> tuple[int, int, int, int] | None:
            rows = screen_rows(app)
            drawn = [n for n, row in enumerate(rows) if row.strip()]
            lefts = [len(row) - len(row.lstrip()) for row in rows if row.strip().startswith("•")]
            if not any(title in row for row in rows) or not lefts:
                return None
            longest = max(len(row.rstrip()) for row in rows if row.strip().startswith("•"))
            return drawn[0], len(rows) - 1 - drawn[-1], min(lefts), len(rows[0]) - longest

        await until(pilot, lambda: placed() is not None and placed()[0] > 5)
        above, below, left, right = placed()
        assert abs(above - below) <= 3  # in the middle, not in the top rows
        assert left >= 20 and right >= 20  # a readable measure, centred
        await pilot.press("ctrl+q")


async def test_the_summarys_rings_fit_the_width_they_are_shown_in(make_app, deck):
    from patroon_tui.core.model.session import Table

    app = make_app()
    app.session.tables = [Table(id="tafel-1", name="Tafel 1", pattern="wereldvrede")]
    app.session.progress.screen = "samenvatting"
    async with app.run_test(size=(80, 150)) as pilot:
        step = deck.pattern("wereldvrede").steps[0]

        def boxes() -> list[str]:
            return [row for row in screen_rows(app) if "┌" in row]

        def whole() -> bool:  # every box that starts also ends on the screen
            return all(row.count("┌") == row.count("┐") for row in boxes())

        await until(pilot, lambda: boxes() and step[:12] in "".join(screen_rows(app)) and whole())
        await pilot.press("ctrl+q")


async def test_the_tables_screen_draws_the_chosen_pattern_as_a_ring_where_one_fits(make_app):
    from patroon_tui.widgets.loop_view import LoopView

    app = make_app()
    app.session.tables[0].pattern = "wereldvrede"
    app.session.progress.screen = "tafels"
    async with app.run_test(size=(160, 45)) as pilot:
        loop = await mounted(pilot, "#table-loop", LoopView)

        def drawn() -> str:
            return "\n".join(rows_in(app, loop))

        await until(pilot, lambda: "terug naar 1" in drawn())  # beside the agenda: a chain
        await pilot.press("f4")  # the agenda away: room for a ring
        await until(pilot, lambda: "┌" in drawn())
        assert all(row.count("┌") == row.count("┐") for row in drawn().splitlines())
        await pilot.press("f4")
        await until(pilot, lambda: "terug naar 1" in drawn())
        await pilot.press("ctrl+q")


async def test_at_60x20_f4_lays_the_agenda_over_the_form_and_typing_goes_on(make_app):
    from textual.widgets import TextArea

    from tests.app.body_harness import send_at_once

    app = make_app()
    app.session.progress.screen = "tafels"
    async with app.run_test(size=(60, 20)) as pilot:
        await until(pilot, lambda: isinstance(app.focused, TextArea))
        field = app.focused
        width = field.region.width
        agenda = app.screen.query_one("#agenda")
        assert not agenda.region.width  # folded away below 80 columns
        await pilot.press("f4")
        await until(pilot, lambda: agenda.region.width >= 24)
        await pilot.pause()
        assert field.region.width == width  # the form is not squeezed beside it
        await send_at_once(pilot, *"wijkteam", until=lambda: field.text == "wijkteam")
        assert app.focused is field
        await pilot.press("f4")
        await until(pilot, lambda: not agenda.region.width)
        await pilot.press("ctrl+q")


async def test_the_open_pattern_list_is_framed_and_shows_each_name_on_one_line(make_app):
    app = make_app()
    app.session.progress.screen = "tafels"
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query("#table-pattern"))
        await pilot.click("#table-pattern")
        overlay = await mounted(pilot, "#table-pattern > PatternMenu")
        await until(pilot, lambda: overlay.region.height > 2)
        await pilot.pause()
        drawn = rows_in(app, overlay)
        assert drawn[0].startswith("╭") and drawn[-1].startswith("╰")
        assert any("│Slagbomen neer bij schaarste" in row for row in drawn)
        await pilot.press("ctrl+q")


async def test_at_60x20_the_triangle_gives_a_long_layer_name_two_lines(make_app, deck):
    app = make_app()
    app.session.progress.screen = "driehoek"
    async with app.run_test(size=(60, 20)) as pilot:
        figure = await mounted(pilot, "#triangle-figure", Static)
        words = " ".join(layer.title for layer in deck.layers).split()

        def shown() -> str:
            return " ".join(shown_in(app, figure).split())

        await until(pilot, lambda: all(word in shown().split() for word in words))
        assert "…" not in shown()
        await pilot.press("ctrl+q")


async def test_beside_a_chain_the_pattern_row_stacks_so_its_button_shows_whole(make_app):
    app = make_app()
    app.session.tables[0].pattern = "wereldvrede"
    app.session.progress.screen = "tafels"
    async with app.run_test(size=(160, 45)) as pilot:
        button = await mounted(pilot, "#own-pattern-button")
        await until(pilot, lambda: shown_in(app, button) == "Eigen patroon (ctrl+o)")
        await pilot.press("ctrl+q")
