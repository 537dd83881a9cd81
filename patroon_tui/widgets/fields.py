"""Text fields bound to one text of the session: they never replace what they hold.

- The cursor arrives at the end of the text; nothing is selected on focus (a first key
  would otherwise replace the whole text).
- ``model_value()`` gives back exactly what the session held as long as the field shows
  it unchanged: ``TextArea`` rewrites line endings when it loads a text (``\\r\\n``,
  U+2028 … become one newline style), and merely showing a text must not change it.
- Pasted text shows its control characters (an escape sequence could clear or retitle the
  terminal) in their visible form, ``\\x1b`` (``ShowsControls``); tabs, new lines and
  bidi marks stay.
- A click in a form's scroll area (``FieldScroll``) between its fields, on a label or a
  question, leaves the cursor in the field being typed in: the next letters go on there.
- Ctrl+Z / ctrl+Y undo and redo in every field. ``TextArea`` has its own history; Textual's
  ``Input`` (8.2) has none, so ``RecordInput`` keeps a small one of its own.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input

from patroon_tui.core.text.terminal_safe import KEPT_CONTROLS, printable
from patroon_tui.widgets.rewrap import RedrawnOnResize

#: Undo steps a one-line field keeps.
UNDO_DEPTH = 200


class FieldScroll(VerticalScroll):
    """The scroll area of a form: scrolled with the keys when it has the cursor, never
    given it by a click (Textual focuses the nearest focusable widget under the mouse).
    When what it holds grows or shrinks (a new row, a field growing as it is typed in,
    another window size), the field with the cursor stays in sight."""

    FOCUS_ON_CLICK = False

    def on_resize(self) -> None:
        # Only now are the new sizes known; scrolling earlier stops short of a new row.
        focused = self.screen.focused
        if (
            focused is not None
            and self in focused.ancestors
            and focused.outer_size.height <= self.scrollable_content_region.height
        ):
            focused.scroll_visible(animate=False, immediate=True)


class ShowsControls:
    """Mixed into a text field: what is pasted reaches the screen without raw control
    characters (runs before the field's own paste handling)."""

    def on_paste(self, event: events.Paste) -> None:
        event.text = printable(event.text, keep=KEPT_CONTROLS)


class RecordArea(ShowsControls, RedrawnOnResize):
    """A multi-line field bound to one text in the session."""

    def __init__(self, value: str = "", **kwargs) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(value, **kwargs)
        self._original = value
        self._shown = self.text
        self.move_cursor(self.document.end)

    def load_value(self, value: str) -> None:
        """Show ``value`` (from the session); clears the undo history."""
        self._original = value
        self.load_text(value)
        self._shown = self.text
        self.move_cursor(self.document.end)

    def model_value(self) -> str:
        """What the session should hold for what the field shows now."""
        text = self.text
        return self._original if text == self._shown else text

    def typed(self) -> bool:
        """Whether the text was changed since it was loaded (its change may not have
        reached the session yet)."""
        return self.text != self._shown


class RecordInput(ShowsControls, Input):
    """A one-line field bound to one text in the session, with undo."""

    BINDINGS = [
        Binding("ctrl+z", "undo", "Ongedaan maken", show=False, id="field.undo"),
        Binding("ctrl+y", "redo", "Opnieuw", show=False, id="field.redo"),
    ]

    def __init__(self, value: str = "", **kwargs) -> None:
        kwargs.setdefault("select_on_focus", False)
        self._undo: list[str] = []
        self._redo: list[str] = []
        self._previous = value
        self._restoring = False
        self._in_word = False
        self._loaded = value
        super().__init__(value, **kwargs)

    def load_value(self, value: str) -> None:
        """Show ``value`` (from the session); clears the undo history."""
        self._restoring = True
        self.value = value
        self._restoring = False
        self._previous = value
        self._loaded = value
        self._undo.clear()
        self._redo.clear()
        self._in_word = False
        self.cursor_position = len(value)

    def model_value(self) -> str:
        """What the session should hold for what the field shows now."""
        return self.value

    def typed(self) -> bool:
        """Whether the text was changed since it was loaded."""
        return self.value != self._loaded

    def watch_value(self, value: str) -> None:
        previous = self._previous
        if self._restoring or value == previous:
            return
        # One undo step per word typed: a character typed on at the end joins the step of
        # the word it belongs to (a space closes the word); anything else is a step.
        typed = value[len(previous):] if value.startswith(previous) else ""
        joins = len(typed) == 1 and self._in_word and bool(self._undo)
        if not joins:
            self._undo.append(previous)
            del self._undo[:-UNDO_DEPTH]
        self._in_word = len(typed) == 1 and typed != " "
        self._redo.clear()
        self._previous = value

    def _restore(self, value: str) -> None:
        self._restoring = True
        self.value = value
        self._restoring = False
        self._previous = value
        self._in_word = False
        self.cursor_position = len(value)

    def action_undo(self) -> None:
        if self._undo:
            self._redo.append(self.value)
            self._restore(self._undo.pop())

    def action_redo(self) -> None:
        if self._redo:
            self._undo.append(self.value)
            self._restore(self._redo.pop())
