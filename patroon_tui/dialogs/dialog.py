"""``AnswerDialog``: a small modal question whose answers are buttons, answered once.

Every question the app asks (remove a table, overwrite a file, a session open elsewhere)
is one. An answer is chosen with the arrows, Tab or Shift+Tab and given with Enter; Esc
gives the safe answer, which has the cursor when the question appears. No printable key
answers (docs/typing.md): a letter, a digit or a space typed at a question closes it with
the safe answer and goes, with the keys typed after it, to the field the cursor was in
before. The answer is given in the turn of the key that gives it, so the keys after it
reach the screen below; a second answer key typed before the dialog is gone does nothing
(it used to pop a screen too many).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from textual import events
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.widgets import Button

from patroon_tui import keyboard

T = TypeVar("T")


class ClosesOnTyping:
    """Mixed into a dialog without a text field (a question, the help, the trash): no key
    reaches the screen under it, and a printable key or a paste is text, not a command —
    ``typed_at`` closes the dialog and hands the key on to the field below."""

    def typed_at(self, event: events.Key | events.Paste) -> None:
        """Close the dialog; ``event`` goes on to the field the cursor was in."""
        raise NotImplementedError

    def on_key(self, event: events.Key) -> None:
        event.stop()
        if event.is_printable:
            event.prevent_default()
            self.typed_at(event)

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        self.typed_at(event)


class PassesTyping:
    """Mixed into the widget that has the cursor in a ``ClosesOnTyping`` dialog: a typed
    key is handled in this widget's own turn, and the app reads the next key only once it
    has been, so every key after it waits for the dialog to go (bubbled up to the dialog,
    the next key could reach the closing dialog first)."""

    if TYPE_CHECKING:  # a widget's

        @property
        def screen(self) -> Screen: ...

    def on_key(self, event: events.Key) -> None:
        screen = self.screen
        if event.is_printable and isinstance(screen, ClosesOnTyping):
            event.stop()
            event.prevent_default()
            screen.typed_at(event)

    def on_paste(self, event: events.Paste) -> None:
        screen = self.screen
        if isinstance(screen, ClosesOnTyping):
            event.stop()
            event.prevent_default()
            screen.typed_at(event)


class AnswerButton(PassesTyping, Button):
    """One answer of an ``AnswerDialog``: Enter gives it; a printable key typed while it
    has the cursor closes the dialog with its safe answer (the key goes on to the field)."""


class AnswerDialog(ClosesOnTyping, ModalScreen[T], Generic[T]):
    """A question with buttons; ``answer_of(button)`` says what a button answers and
    ``safe_answer()`` what Esc and a typed key answer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "press_focused", "Kiezen", show=False, priority=True, id="dialog.choose"),
        Binding("left,up", "app.focus_previous", "Vorige knop", show=False, id="dialog.left"),
        Binding("right,down", "app.focus_next", "Volgende knop", show=False, id="dialog.right"),
        Binding("escape", "safe_answer", "Het veilige antwoord", show=False, id="dialog.escape"),
    ]

    _answered = False

    def answer_of(self, button: Button) -> T:
        """The answer a button gives."""
        raise NotImplementedError

    def safe_answer(self) -> T:
        """The answer that keeps everything: Esc and a typed key give it."""
        raise NotImplementedError

    def answer(self, value: T) -> None:
        """Close the dialog with ``value``; only the first answer counts."""
        if self._answered or not self.is_current:
            return
        self._answered = True
        self.dismiss(value)

    def typed_at(self, event: events.Key | events.Paste) -> None:
        """A printable key (or a paste) came to the question: it is text, not an answer.
        The dialog closes with the safe answer and the text goes to the field below."""
        keyboard.put_back(self, event)
        self.answer(self.safe_answer())

    def action_safe_answer(self) -> None:
        self.answer(self.safe_answer())

    def action_press_focused(self) -> None:
        focused = self.focused
        if isinstance(focused, Button):
            self.answer(self.answer_of(focused))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.answer(self.answer_of(event.button))
