"""``RedrawnOnResize``: a ``TextArea`` that wraps and draws its lines right for its width.

Works around three shortcomings of Textual's ``TextArea`` (8.2.8).

**Its first height** (not reported upstream yet). Until its first resize the area's text is not wrapped, so with
``height: auto`` the first layout gives a long answer one line per paragraph; the resize
then wraps it, the height changes, and the whole screen is laid out and painted again
(resuming on the tables screen, four answers did this). Here the text is wrapped for the
width the first layout offers, so the height is right at once and the resize changes
nothing.

**Its lines after a width change** (not reported upstream yet). When a soft-wrapped ``TextArea`` changes width because
the layout around it changes (presentation mode on and off, the agenda folding away)
rather than because it was typed in, Textual wraps the text again but repaints only some
of its lines. The others keep the old wrapping on screen, so
words vanish from view or show twice ("… en dan begint" / "begint het gesprek …"); the
text itself is intact. Drawing the whole widget again after its resize fixes what is shown.

**Drawn without its styles** (Textual #6208, #6528). A ``TextArea`` drawn while it has no
component styles (just removed, as a list's rows are when they are built again, but still
in the screen's last layout; or not yet styled) raises ``KeyError: 'text-area--gutter'``
and the app stops. Here it is drawn blank for that one frame and drawn again after it.

``tests/app/test_textual_rewrap_upstream.py`` shows each in a plain ``TextArea``; each of
those tests fails once Textual does it right by itself, and that part here can then go.
"""

from __future__ import annotations

from textual.geometry import Region, Size
from textual.strip import Strip
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

    def render_lines(self, crop: Region) -> list[Strip]:
        try:
            return super().render_lines(crop)
        except KeyError:
            # Its component styles are gone or not there yet (see the module's docstring).
            self.refresh()
            return [Strip.blank(crop.width)] * crop.height
