"""A yes/no question in a small dialog, for actions that throw something away.

``ConfirmScreen(question)`` is pushed with a callback and dismisses with ``True`` for yes
and ``False`` for no. ``question`` is plain text (it quotes what someone typed: a step
with ``[IT]`` or ``[/b]`` in it is shown as typed, never read as markup), or ``Content``.
The safe answer, no, has the cursor: a reflex enter keeps everything. Yes is chosen
deliberately (←, Tab or Shift+Tab to it, then Enter); Esc and any typed letter or space
answer no, and the letter goes on to the field (``AnswerDialog``).
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from patroon_tui.dialogs.dialog import AnswerButton, AnswerDialog

#: Under the question: how it is answered ({no}: the safe answer's label).
HOW_TO_ANSWER = "←/→ kiezen, Enter bevestigt. Esc of verder typen: {no}."


class ConfirmScreen(AnswerDialog[bool]):
    """Asks one question; Enter gives the answer with the cursor (no, at first)."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#confirm-no"

    def __init__(
        self,
        question: str | Content,
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
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield AnswerButton(self._yes, variant="error", id="confirm-yes")
                yield AnswerButton(self._no, id="confirm-no")
            yield Static(HOW_TO_ANSWER.format(no=self._no), id="confirm-how", markup=False)

    def on_resize(self, event: events.Resize) -> None:
        # A long question (a pattern's title in it) at 60 columns: the dialog stays on the
        # screen and the question wraps in it, every word in sight.
        dialog = self.query_one("#confirm-dialog")
        dialog.styles.max_width = max(20, min(70, event.size.width - 4))

    def answer_of(self, button: Button) -> bool:
        return button.id == "confirm-yes"

    def safe_answer(self) -> bool:
        return False
