"""A pattern to start an own pattern from: ``PatternPickScreen(title, labels, empty)``.

The own-pattern editor opens it for "variant van" (the deck's patterns) and "uit een
eerdere sessie" (the own patterns of the folder's other sessions). Keyboard only, as the
trash: the arrows choose, enter takes the chosen one (the dialog dismisses with its index),
escape closes (``None``). No key of it is printable: a letter typed here closes it and goes
on to the editor's field, where it was meant to go.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from patroon_tui import keyboard
from patroon_tui.dialogs.dialog import ClosesOnTyping, PassesTyping


class PatternList(PassesTyping, OptionList):
    """The patterns to choose from; a letter typed on it goes on to the field below."""


class PatternPickScreen(ClosesOnTyping, ModalScreen[int | None]):
    """Choose one of a few patterns; dismissed with its index, or ``None``."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#pick-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the list's own enter (select) would come after the key bubbled back.
        Binding("enter", "take", "Het gekozen patroon nemen", priority=True, id="pick.take"),
        Binding("escape", "close", "Sluiten zonder te kiezen", id="pick.close"),
    ]

    def __init__(self, title: str, labels: list[str], empty: str) -> None:
        super().__init__(id="pattern-pick")
        self.title_text = title
        self.labels = labels
        """What the list shows, in its order."""
        self.empty = empty
        """Said when there is nothing to choose."""
        self._done = False

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-dialog"):
            yield Static(self.title_text, id="pick-title", markup=False)
            if self.labels:
                yield PatternList(*(Option(label) for label in self.labels), id="pick-list",
                                  compact=True, markup=False)
                yield Static("↑/↓ kiezen · Enter neemt het over · Esc sluit", id="pick-keys")
            else:
                yield Static(self.empty, id="pick-empty", markup=False)
                yield Static("Esc of Enter sluit", id="pick-keys")

    def action_take(self) -> None:
        if not self.labels:
            self.action_close()
            return
        index = self.query_one("#pick-list", OptionList).highlighted
        if index is not None and 0 <= index < len(self.labels):
            self._finish(index)

    def action_close(self) -> None:
        self._finish(None)

    def _finish(self, index: int | None) -> None:
        # Only the first answer counts: a second enter typed before the dialog is gone
        # must not reach the editor below.
        if self._done or not self.is_current:
            return
        self._done = True
        self.dismiss(index)

    def typed_at(self, event: events.Key | events.Paste) -> None:
        """A letter typed here is text: the dialog closes and the letter goes on to the
        editor's field."""
        if not self._done:
            keyboard.put_back(self, event)
            self._finish(None)
