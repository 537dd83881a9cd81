"""The Textual behaviour ``patroon_tui.app.key_routing.KeyRouting`` works around, shown on a bare app.

Textual #6605 (fix proposed in PR #6631): a field's editing keys (backspace, ctrl+k …) are
bindings that run only after the key has bubbled back up to the app, while the characters
typed after them are already inserted. These tests pass while that is so. Once one fails,
Textual keeps keys in order by itself: the part of ``KeyRouting`` that runs bindings in the
app's own turn can then go (keep the holds while a screen changes).
"""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input, TextArea
from tests.waiting import until as wait_until

UPSTREAM = (
    "Textual now applies a field's editing keys in the order typed (Textual #6605): "
    "the binding part of patroon_tui.app.key_routing.KeyRouting can be removed, and this test with it."
)


class Bare(App):
    def __init__(self, field) -> None:
        super().__init__()
        self.field = field

    def compose(self) -> ComposeResult:
        yield self.field


async def burst(app: App, pilot, *keys: str, until) -> None:
    """Keys arriving in one write from the terminal: none waits for the one before."""
    for key in keys:
        char = key if len(key) == 1 else None
        app.post_message(events.Key(key, char))
    await wait_until(pilot, until)


async def test_backspace_in_a_burst_lands_after_the_next_letter_in_an_input():
    field = Input()
    app = Bare(field)
    async with app.run_test() as pilot:
        field.focus()
        await pilot.pause()
        await burst(app, pilot, "b", "a", "backspace", "c", until=lambda: len(field.value) >= 2)
        assert field.value == "ba", UPSTREAM  # the late backspace took the "c"


async def test_backspace_in_a_burst_lands_after_the_next_letter_in_a_text_area():
    field = TextArea()
    app = Bare(field)
    async with app.run_test() as pilot:
        field.focus()
        await pilot.pause()
        await burst(app, pilot, "b", "a", "backspace", "c", until=lambda: len(field.text) >= 2)
        assert field.text == "ba", UPSTREAM


async def test_the_app_keeps_the_order():
    """The same burst through the app's key routing gives what was typed."""
    from patroon_tui.app.key_routing import KeyRouting

    class Routed(KeyRouting, Bare):
        pass

    for field in (Input(), TextArea()):
        app = Routed(field)
        async with app.run_test() as pilot:
            field.focus()
            await pilot.pause()

            def text() -> str:
                return field.value if isinstance(field, Input) else field.text

            await burst(app, pilot, "b", "a", "backspace", "c", until=lambda: text() == "bc")
            assert text() == "bc"
