"""The facilitator's notes pane: one text area for the current screen's notes, plus its hint.

Line breaks: ``TextArea`` splits on every line separator Python knows (``\\r\\n``, U+2028,
``\\f`` …) and shows each as a line break. A note is therefore saved as the lines the
facilitator sees, joined with ``\\n`` — but only once it was edited: a loaded note that is
never touched is not read back, so its bytes stay exactly as they were in the file.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static, TextArea


class NotesArea(TextArea):
    """A text area that knows, at once, whether it was edited since it was loaded.

    ``TextArea.Changed`` arrives through the message queue, possibly after the key that
    switches screens; waiting for it could attach a just-typed word to the wrong screen.
    Every edit, undo and redo posts that message synchronously, so the flag is set here.
    """

    edited = False
    _loading = False

    def post_message(self, message: Message) -> bool:
        if isinstance(message, TextArea.Changed) and not self._loading:
            self.edited = True
        return super().post_message(message)

    def load_unedited(self, text: str) -> None:
        """Load ``text`` and clear the edited flag."""
        self._loading = True
        try:
            self.load_text(text)
        finally:
            self._loading = False
        self.edited = False


class NotesPane(Vertical):
    """Notes for one screen at a time; reports edits without reading the text."""

    DEFAULT_CSS = """
    NotesPane { height: 10; border-top: hkey $panel-lighten-2; }
    NotesPane #notes-label { height: 1; color: $text-muted; padding: 0 1; }
    NotesPane #notes-hint { height: auto; max-height: 3; color: $text-warning; padding: 0 1; }
    NotesPane #notes-hint.-empty { display: none; }
    NotesPane TextArea { height: 1fr; border: none; padding: 0 1; }
    NotesPane TextArea:focus { border: none; background: $boost; }
    """

    class Edited(Message):
        """The facilitator typed in the notes (the text is read when saving)."""

    def __init__(self, *, read_only: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._read_only = read_only
        self.screen_id: str | None = None
        """The screen whose notes are shown."""
        self._area = NotesArea(
            id="notes-text", soft_wrap=True, read_only=read_only, compact=True
        )

    def compose(self) -> ComposeResult:
        yield Static("Notities (f2 · esc terug)", id="notes-label")
        yield Static("", id="notes-hint", classes="-empty", markup=False)
        yield self._area

    @property
    def text_area(self) -> NotesArea:
        """The text field itself (kept, so notes can still be read while shutting down)."""
        return self._area

    @property
    def dirty(self) -> bool:
        """True when the text was edited since it was loaded or last taken."""
        return self.text_area.edited

    def load(self, screen_id: str, text: str, hint: str = "") -> None:
        """Show the notes and hint of ``screen_id`` (call ``take_text`` first)."""
        self.screen_id = screen_id
        area = self.text_area
        area.load_unedited(text)
        area.move_cursor(area.document.end)
        hint_label = self.query_one("#notes-hint", Static)
        hint_label.update(f"Tip: {hint}" if hint else "")
        hint_label.set_class(not hint, "-empty")

    def take_text(self) -> str | None:
        """The edited text (lines joined with ``\\n``), or ``None`` if nothing changed."""
        area = self.text_area
        if not area.edited:
            return None
        area.edited = False
        return "\n".join(self.text_area.document.lines)

    @on(TextArea.Changed, "#notes-text")
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.text_area.edited:
            self.post_message(self.Edited())
