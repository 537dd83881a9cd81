"""A small modal question with a few keyed answers (used for the lock and failed-save cases).

Returns the chosen answer's value through ``dismiss``.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from patroon_tui.dialogs.dialog import AnswerDialog


class ChoiceDialog(AnswerDialog[str]):
    """Asks one question; each answer is a button with its own key.

    The first answer has the cursor, so list the safe answer first.
    """

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "Button"

    # The answers' keys are bindings, so an answer is given in the key's own turn; only the
    # letters that are an answer's key are active (see check_action).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuleren", show=False, id="choice.cancel"),
        *(
            Binding(letter, f"letter('{letter}')", f"Antwoord {letter}", show=False,
                    id=f"choice.{letter}")
            for letter in string.ascii_lowercase
        ),
    ]

    def __init__(
        self, title: str, text: str, answers: list[tuple[str, str, str]], *,
        cancel: str, id: str | None = None, stacked: bool = False,
    ) -> None:
        """``answers``: (value, button label, key); ``cancel``: the value for escape;
        ``stacked``: the answers one under the other (for more than three)."""
        super().__init__(id=id, classes="-stacked" if stacked else None)
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

    def answer_of(self, button: Button) -> str:
        return button.name or self._cancel

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "letter":
            return any(key == parameters[0] for _value, _label, key in self._answers)
        return True

    def action_letter(self, key: str) -> None:
        for value, _label, answer_key in self._answers:
            if key == answer_key:
                self.answer(value)
                return

    def action_cancel(self) -> None:
        self.answer(self._cancel)

    def on_key(self, event: events.Key) -> None:
        # A dialog never lets a key through to the screen below it.
        event.stop()
