"""``AnswerDialog``: a small modal question whose answers are buttons, answered once.

Every question the app asks (remove a table, overwrite a file, a session open elsewhere)
is one. The answer is given in the turn of the key that gives it (enter, or the answer's
own letter), so the keys typed after it already reach the screen below; a second answer
key typed before the dialog is gone does nothing (it used to pop a screen too many).
"""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Button

T = TypeVar("T")


class AnswerDialog(ModalScreen[T], Generic[T]):
    """A question with buttons; ``answer_of(button)`` says what a button answers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "press_focused", "Kiezen", show=False, priority=True, id="dialog.choose"),
        Binding("space", "press_focused", "Kiezen", show=False, priority=True, id="dialog.space"),
        Binding("left", "app.focus_previous", "Vorige knop", show=False, id="dialog.left"),
        Binding("right", "app.focus_next", "Volgende knop", show=False, id="dialog.right"),
    ]

    _answered = False

    def answer_of(self, button: Button) -> T:
        """The answer a button gives."""
        raise NotImplementedError

    def answer(self, value: T) -> None:
        """Close the dialog with ``value``; only the first answer counts."""
        if self._answered or not self.is_current:
            return
        self._answered = True
        self.dismiss(value)

    def action_press_focused(self) -> None:
        focused = self.focused
        if isinstance(focused, Button):
            self.answer(self.answer_of(focused))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.answer(self.answer_of(event.button))
