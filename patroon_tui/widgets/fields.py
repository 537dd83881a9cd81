"""Text fields that remember what the session held, so showing a text never changes it.

``TextArea`` rewrites line endings when it loads a text (``\\r\\n`` mixed with ``\\n``,
U+2028 and friends all become one newline style). Reading ``.text`` back straight into the
session would change a person's words just by showing them. These fields keep the value
they were loaded with: as long as the field shows exactly what was loaded, ``model_value()``
gives back the original; once the facilitator edits it, it gives what is on the screen
(what the person sees is what is saved).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea


class KeysInOrder:
    """Runs the field's own editing keys (backspace, end, ctrl+k …) as they come.

    Textual runs a widget's key bindings only once the key has bubbled up to the app, while
    typed characters are inserted at once. When keys arrive in a burst (a fast typist while
    the screen is busy), "abc, backspace, x" became "abx" deleted from the wrong place, and
    ctrl+a or ctrl+k could act on the next table's text after a table switch. Handled here,
    every key is applied in the order it was typed.
    """

    async def _on_key(self, event: events.Key) -> None:
        widget: Input | TextArea = self  # type: ignore[assignment]
        for binding in widget._bindings.key_to_bindings.get(event.key, ()):
            if binding.priority:
                continue
            if await widget.app.run_action(binding.action, widget):
                event.stop()
                event.prevent_default()
                return


class RecordArea(KeysInOrder, TextArea):
    """A multi-line field bound to one text in the session."""

    def __init__(self, value: str = "", **kwargs) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(value, **kwargs)
        self._original = value
        self._shown = self.text

    def load_value(self, value: str) -> None:
        """Show ``value`` (from the session); clears the undo history."""
        self._original = value
        self.load_text(value)
        self._shown = self.text

    def model_value(self) -> str:
        """What the session should hold for what the field shows now."""
        text = self.text
        return self._original if text == self._shown else text


class RecordInput(KeysInOrder, Input):
    """A one-line field bound to one text in the session."""

    def __init__(self, value: str = "", **kwargs) -> None:
        super().__init__(value, **kwargs)

    def load_value(self, value: str) -> None:
        """Show ``value`` (from the session)."""
        self.value = value

    def model_value(self) -> str:
        """What the session should hold for what the field shows now."""
        return self.value
