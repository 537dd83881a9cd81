"""``RedrawnOnResize``: a ``TextArea`` that wraps and draws its lines right for its width.

Works around two shortcomings of Textual's soft-wrapped ``TextArea`` (8.2.8, neither
reported upstream yet).

**Its first height.** Until its first resize the area's text is not wrapped, so with
``height: auto`` the first layout gives a long answer one line per paragraph; the resize
then wraps it, the height changes, and the whole screen is laid out and painted again
(resuming on the tables screen, four answers did this). Here the text is wrapped for the
width the first layout offers, so the height is right at once and the resize changes
nothing.

**Its lines after a width change.** When a soft-wrapped ``TextArea`` changes width because
the layout around it changes (presentation mode on and off, the agenda folding away)
rather than because it was typed in, Textual wraps the text again but repaints only some
of its lines. The others keep the old wrapping on screen, so
words vanish from view or show twice ("… en dan begint" / "begint het gesprek …"); the
text itself is intact. Drawing the whole widget again after its resize fixes what is shown.

``tests/app/test_textual_rewrap_upstream.py`` shows both in a plain ``TextArea``; each of
its two tests fails once Textual does it by itself, and that part here can then go.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import TextArea

__all__ = ["RedrawnOnResize"]


class RedrawnOnResize(TextArea):
    """A ``TextArea`` as tall as its wrapped text from its first layout, whose lines are
    all drawn again after a change of size."""

    def on_resize(self) -> None:
        # TextArea's own resize handler has wrapped the text for the new width by now.
        self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Only before the first layout: afterwards Textual wraps on each resize, and a
        # wrap here would not match the lines it has drawn and keeps. The width is the
        # one TextArea wraps at (``wrap_width``: the content, less gutter and cursor).
        if self.soft_wrap and not self.size.width:
            wrap_width = max(0, width - self.gutter_width - 1)
            self.wrapped_document.wrap(wrap_width, tab_width=self.indent_width)
            self.set_reactive(TextArea.virtual_size, Size(0, self.wrapped_document.height))
        return super().get_content_height(container, viewport, width)
