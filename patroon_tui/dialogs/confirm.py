"""A yes/no question in a small dialog, for actions that throw something away.

``ConfirmScreen(question)`` is pushed with a callback and dismisses with ``True`` for yes
and ``False`` for no. The safe answer, no, has the cursor: a reflex enter keeps everything.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from patroon_tui.dialogs.dialog import AnswerDialog


class ConfirmScreen(AnswerDialog[bool]):
    """Asks one question; ``j``/``y`` answer yes, ``n``/escape no, enter the focused button."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#confirm-no"

    BINDINGS = [
        Binding("j,y", "answer(True)", "Ja", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "Nee", id="confirm.no"),
    ]

    def __init__(
        self,
        question: str,
        *,
        yes: str = "Ja",
        no: str = "Nee",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.question = question
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(self.question, id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self._yes} (j)", variant="error", id="confirm-yes")
                yield Button(f"{self._no} (n)", id="confirm-no")

    def answer_of(self, button: Button) -> bool:
        return button.id == "confirm-yes"

    def action_answer(self, answer: bool) -> None:
        self.answer(answer)
