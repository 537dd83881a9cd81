"""Textual's soft-wrapped ``TextArea`` repaints only some lines when the layout around it
changes its width, is not wrapped in its first layout, and cannot be drawn without its
component styles; ``patroon_tui.widgets.rewrap`` works around all three.

Each ``plain_text_area`` test shows one in a plain ``TextArea``: once it fails, Textual
does it by itself and that part of ``RedrawnOnResize`` can go. The others show the
workaround holds.
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.widgets import TextArea

from patroon_tui.widgets.rewrap import RedrawnOnResize
from tests.app.body_harness import send_at_once
from tests.app.screen_text import shown_in
from tests.waiting import settle

TEXT = (
    "De casus blijft hangen en iedereen wacht op de ander tot het weer escaleert en dan "
    "begint het gesprek opnieuw bij de gemeente en de corporatie"
)


class Frame(App):
    CSS = """
    #frame { width: 92; height: auto; }
    #frame.-wide { width: 128; }
    TextArea { height: auto; }
    """

    def __init__(self, area: type[TextArea]) -> None:
        super().__init__()
        self.area = area

    def compose(self) -> ComposeResult:
        with Vertical(id="frame"):
            yield self.area(soft_wrap=True, id="area")


async def widened_and_back(area: type[TextArea]) -> tuple[str, TextArea]:
    app = Frame(area)
    async with app.run_test(size=(160, 20)) as pilot:
        field = app.query_one("#area", TextArea)
        field.focus()
        await send_at_once(pilot, *["space" if c == " " else c for c in TEXT])
        assert field.text == TEXT
        frame = app.query_one("#frame")
        frame.add_class("-wide")
        await settle(pilot)
        frame.remove_class("-wide")
        await settle(pilot)
        return shown_in(app, field), field


async def test_a_plain_text_area_still_shows_its_old_wrapping_after_a_width_change():
    shown, _ = await widened_and_back(TextArea)
    assert shown != TEXT  # a word shown twice, or one missing: Textual's bug is still there


async def test_redrawn_on_resize_shows_every_word_once():
    shown, _ = await widened_and_back(RedrawnOnResize)
    assert shown == TEXT


class FirstHeights(App):
    """A long answer in a narrow auto-height area; records the height of each layout."""

    CSS = "TextArea { width: 40; height: auto; max-height: 20; }"

    def __init__(self, area: type[TextArea]) -> None:
        super().__init__()
        self.area = area
        self.heights: list[int] = []

    def compose(self) -> ComposeResult:
        heights = self.heights

        class Recorded(self.area):
            def get_content_height(self, container, viewport, width):
                height = super().get_content_height(container, viewport, width)
                heights.append(height)
                return height

        yield Recorded(TEXT, soft_wrap=True, id="area")


async def first_and_last_height(area: type[TextArea]) -> tuple[int, int]:
    app = FirstHeights(area)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        field = app.query_one("#area", TextArea)
        assert field.wrapped_document.height > 1  # wrapped in the end
        return app.heights[0], field.wrapped_document.height


async def test_a_plain_text_area_is_one_line_high_in_its_first_layout():
    first, wrapped = await first_and_last_height(TextArea)
    assert first == 1 < wrapped  # laid out unwrapped first: the screen is laid out twice


async def test_redrawn_on_resize_is_as_high_as_its_wrapped_text_from_its_first_layout():
    first, wrapped = await first_and_last_height(RedrawnOnResize)
    assert first == wrapped


async def drawn_once_removed(area: type[TextArea]):
    app = Frame(area)
    async with app.run_test(size=(80, 10)) as pilot:
        field = app.query_one("#area", TextArea)
        await settle(pilot)
        await field.remove()
        # What a frame drawn from the last layout does before the next layout drops it.
        return field.render_lines(Region(0, 0, 20, 2))


async def test_a_plain_text_area_drawn_just_after_it_was_removed_raises():
    with pytest.raises(KeyError, match="text-area--gutter"):  # Textual #6208, #6528
        await drawn_once_removed(TextArea)


async def test_redrawn_on_resize_is_drawn_blank_just_after_it_was_removed():
    lines = await drawn_once_removed(RedrawnOnResize)
    assert [line.text for line in lines] == [" " * 20] * 2
