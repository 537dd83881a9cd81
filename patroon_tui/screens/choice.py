"""A small modal question with a few keyed answers (used for the lock and failed-save cases).

Returns the chosen answer's value through ``dismiss``.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ChoiceDialog(ModalScreen[str]):
    """Asks one question; each answer is a button with its own key."""

    DEFAULT_CSS = """
    ChoiceDialog { align: center middle; }
    ChoiceDialog > Vertical {
        width: 70; max-width: 95%; height: auto; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    ChoiceDialog #choice-title { text-style: bold; margin-bottom: 1; }
    ChoiceDialog #choice-text { margin-bottom: 1; }
    ChoiceDialog Horizontal { height: auto; align-horizontal: right; }
    ChoiceDialog Button { margin-left: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "app.focus_previous", "Vorige knop", show=False, id="choice-left"),
        Binding("right", "app.focus_next", "Volgende knop", show=False, id="choice-right"),
    ]

    def __init__(
        self, title: str, text: str, answers: list[tuple[str, str, str]], *,
        cancel: str, id: str | None = None,
    ) -> None:
        """``answers``: (value, button label, key); ``cancel``: the value for escape."""
        super().__init__(id=id)
        self._title = title
        self.text = text
        """The question, as shown."""
        self._answers = answers
        self._cancel = cancel

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title, id="choice-title", markup=False)
            yield Static(self.text, id="choice-text", markup=False)
            with Horizontal():
                for value, label, key in self._answers:
                    yield Button(f"{label} ({key})", id=f"answer-{value}", name=value)

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_key(self, event) -> None:
        if event.key == "escape":
            event.stop()
            self.dismiss(self._cancel)
            return
        for value, _label, key in self._answers:
            if event.key == key:
                event.stop()
                self.dismiss(value)
                return

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.name or self._cancel)
