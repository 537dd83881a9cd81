"""A small modal question with a few answers (used for the lock and failed-save cases).

Returns the chosen answer's value through ``dismiss``. The answers are buttons: the arrows,
Tab and Shift+Tab choose, Enter gives the answer; Esc and a typed key give the ``cancel``
answer (a typed key then goes on to the field, see ``AnswerDialog``).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from patroon_tui.dialogs.dialog import AnswerButton, AnswerDialog

#: Under the answers: how one is given.
HOW_TO_ANSWER = "Pijltjes kiezen, Enter bevestigt. Esc of verder typen: {cancel}."


class ChoiceDialog(AnswerDialog[str]):
    """Asks one question; each answer is a button.

    The first answer has the cursor, so list the safe answer first.
    """

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "Button"

    def __init__(
        self, title: str, text: str, answers: list[tuple[str, str]], *,
        cancel: str, id: str | None = None, stacked: bool = False,
    ) -> None:
        """``answers``: (value, button label); ``cancel``: the value for Esc and a typed
        key; ``stacked``: the answers one under the other (for more than three)."""
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
                for value, label in self._answers:
                    yield AnswerButton(label, id=f"answer-{value}", name=value)
            cancel = next((label for value, label in self._answers if value == self._cancel),
                          "Annuleren")
            yield Static(HOW_TO_ANSWER.format(cancel=cancel), id="choice-how", markup=False)

    def answer_of(self, button: Button) -> str:
        return button.name or self._cancel

    def safe_answer(self) -> str:
        return self._cancel
