"""Textual's soft-wrapped ``TextArea`` repaints only some lines when the layout around it
changes its width; ``patroon_tui.widgets.rewrap`` works around it.

The first test shows the bug in a plain ``TextArea``: once it fails, Textual repaints by
itself and ``RedrawnOnResize`` can go. The second shows the workaround holds.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Vertical
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
