"""``RedrawnOnResize``: a ``TextArea`` that draws every line again when its width changes.

Works around a Textual bug (8.2.8, not yet reported upstream): when a soft-wrapped
``TextArea`` changes width because the layout around it changes (presentation mode on and
off, the agenda folding away) rather than because it was typed in, Textual wraps the text
again but repaints only some of its lines. The others keep the old wrapping on screen, so
words vanish from view or show twice ("… en dan begint" / "begint het gesprek …"); the
text itself is intact. Drawing the whole widget again after its resize fixes what is shown.

``tests/app/test_textual_rewrap_upstream.py`` shows the bug in a plain ``TextArea`` and fails
once Textual repaints by itself; this module can then go.
"""

from __future__ import annotations

from textual.widgets import TextArea

__all__ = ["RedrawnOnResize"]


class RedrawnOnResize(TextArea):
    """A ``TextArea`` whose lines are all drawn again after a change of size."""

    def on_resize(self) -> None:
        # TextArea's own resize handler has wrapped the text for the new width by now.
        self.refresh()
