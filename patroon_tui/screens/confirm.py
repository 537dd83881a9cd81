"""A yes/no question in a small dialog, for actions that throw something away.

``ConfirmScreen(question)`` is pushed with a callback (or awaited with
``push_screen_wait``) and dismisses with ``True`` for yes and ``False`` for no.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Asks one question; ``j``/``y``/enter answer yes, ``n``/escape answer no."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

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
                yield Button(self._yes, variant="error", id="confirm-yes")
                yield Button(self._no, id="confirm-no")

    def on_mount(self) -> None:
        # Enter presses the focused button: "Ja" unless the facilitator tabbed to "Nee".
        self.query_one("#confirm-yes", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _yes_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no_pressed(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
