"""The triangle screen: the three layers, live counts of the tables, a note per layer."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import Table, new_session
from patroon_tui.widgets.triangle import LayerNote, TrianglePanel, draw_triangle
from tests.app.body_harness import BodyHarness, type_text


@pytest.fixture
def deck():
    return load_deck()


def test_the_figure_is_narrow_at_the_top_and_wide_at_the_bottom():
    lines = draw_triangle(["doel", "spelregels", "relatie"])
    shapes = [line.split("   ")[0].strip() for line in lines]
    widths = [len(shape) for shape in shapes]
    assert widths == sorted(widths) and widths[0] < widths[-1]
    labelled = [line for line in lines if line.rstrip().endswith(("doel", "spelregels", "relatie"))]
    assert [line.split()[-1] for line in labelled] == ["doel", "spelregels", "relatie"]


async def test_counts_follow_the_tables_and_notes_are_kept(deck):
    session = new_session(session_id="s", title="S")
    session.tables[0].layer = "spelregels"
    session.tables.append(Table(id="tafel-2", name="Tafel 2", layer="spelregels"))
    app = BodyHarness(deck, session, lambda d, s: TrianglePanel(d, s, id="body"))
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(TrianglePanel)
        figure = str(app.query_one("#triangle-figure", Static).content)
        rows = figure.splitlines()
        row = next(i for i, line in enumerate(rows) if line.endswith("2  Over spelregels"))
        assert rows[row + 1].endswith("   2 tafels")
        assert str(app.query_one("#count-spelregels", Static).content) == "2 tafels: Tafel 1, Tafel 2"
        questions = str(app.query_one("#layer-spelregels .layer-questions", Static).content)
        assert deck.layers[1].questions[0] in questions

        session.tables[1].layer = "relatie"
        panel.refresh_from_session()
        assert "1 tafel: Tafel 2" == str(app.query_one("#count-relatie", Static).content)

        panel.focus_first()
        await pilot.pause()
        assert isinstance(app.focused, LayerNote)
        await type_text(pilot, "Doel\nis helder")
        assert session.layer_notes == {"doel": "Doel\nis helder"}


async def test_each_layer_shows_what_it_means_and_asks(deck):
    from tests.app.screen_text import screen_rows

    session = new_session(session_id="s", title="S")
    app = BodyHarness(deck, session, lambda d, s: TrianglePanel(d, s, id="body"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        doel = str(app.query_one("#layer-doel .layer-body", Static).content)
        assert doel.split("\n") == deck.layers[0].paragraphs()
        assert "Doelen zijn vaak te groots, abstract, competitief" in doel
        # On screen: the first layer's title, and its explanation (under its note).
        rows = " ".join(" ".join(screen_rows(app)).split())
        assert "1. Over doel en vakinhoud" in rows
        assert "Wat is het waartoe van onze bezigheden" in rows


async def test_the_room_sees_the_triangle_and_each_layers_text(deck):
    from textual.app import App

    from patroon_tui.widgets.room_slide import RoomSlide
    from tests.app.screen_text import screen_rows

    class Room(App):
        def compose(self):
            yield RoomSlide(deck, deck.screen("driehoek"))

    app = Room()
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        rows = screen_rows(app)
        assert any("/\\" in row for row in rows)
        text = " ".join(" ".join(rows).split())
        for layer in deck.layers:
            assert layer.title in text
            for sentence in [*layer.paragraphs(), *layer.questions]:
                assert sentence in text, sentence


async def test_the_triangle_slide_draws_the_triangle_with_its_layers_above_its_text(
        deck):
    from textual.app import App

    from patroon_tui.widgets.slide import build_body
    from tests.app.screen_text import screen_rows

    screen = deck.screen("samenwerkingsdriehoek")

    class Slide(App):
        def compose(self):
            yield build_body(deck, new_session(session_id="s", title="S"), screen)

    for size in ((60, 20), (80, 24)):
        app = Slide()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            rows = screen_rows(app)
            stripped = [row.strip() for row in rows]
            # Under the title, above the text: the triangle, a layer's number and name
            # beside each band (a long name in two lines).
            top = stripped.index("/\\")
            assert stripped.index("De samenwerkingsdriehoek") < top
            assert top < stripped.index("Twee mechanismen:")
            text = " ".join(" ".join(rows).split())
            for n, layer in enumerate(deck.layers, start=1):
                assert f"{n} {layer.title}" in text or f"{n} Over relatienetwerk en" in text
