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
from textual.widget import AwaitMount
from textual.widgets import Static, TextArea

from patroon_tui.widgets.fields import ShowsControls
from patroon_tui.widgets.rewrap import RedrawnOnResize


class NotesArea(ShowsControls, RedrawnOnResize):
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

    def on_mount(self) -> None:
        # Built with its text before it was mounted: the cursor goes where typing continues.
        self.move_cursor(self.document.end)

    def load_unedited(self, text: str) -> None:
        """Load ``text`` and clear the edited flag."""
        self._loading = True
        try:
            self.load_text(text)
        finally:
            self._loading = False
        self.edited = False


class NotesPane(Vertical):
    """Notes for one screen at a time; reports edits without reading the text.

    The text field is built the first time it is asked for and mounted the first time the
    pane is shown: most sessions open the notes on a few screens only, and a hidden text
    field would still be built, mounted and styled with every start. Until then the pane
    keeps the current screen's notes as loaded, and nothing can have been edited.
    """

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
        self._area: NotesArea | None = None
        self._text = ""  # the notes loaded while there is no text field yet
        self._mounting: AwaitMount | None = None
        self._hint = ""  # the tip to draw: the one of the screen whose notes are loaded

    def compose(self) -> ComposeResult:
        yield Static("Notities (f2 · esc terug)", id="notes-label")
        yield Static("", id="notes-hint", classes="-empty", markup=False)
        if self._area is not None:
            yield self._area

    @property
    def text_area(self) -> NotesArea:
        """The text field itself (kept, so notes can still be read while shutting down).

        Built, and mounted in the pane, the first time it is asked for.
        """
        if self._area is None:
            self._area = NotesArea(
                self._text, id="notes-text", soft_wrap=True, read_only=self._read_only,
                compact=True,
            )
            if self.is_attached:
                self._mounting = self.mount(self._area)
        return self._area

    @property
    def typing(self) -> bool:
        """True when the cursor is in the notes."""
        return self._area is not None and self._area.has_focus

    async def show_area(self) -> NotesArea:
        """The text field, mounted (the first time the pane is shown)."""
        area = self.text_area
        mounting, self._mounting = self._mounting, None
        if mounting is not None:
            await mounting
        return area

    @property
    def dirty(self) -> bool:
        """True when the text was edited since it was loaded or last taken."""
        return self._area is not None and self._area.edited

    def load(self, screen_id: str, text: str, hint: str = "") -> None:
        """Show the notes and hint of ``screen_id`` (call ``take_text`` first)."""
        self.screen_id = screen_id
        area = self._area
        if area is None:
            self._text = text
        else:
            area.load_unedited(text)
            if area.is_mounted:
                area.move_cursor(area.document.end)
        hint_label = self.query_one("#notes-hint", Static)
        self._hint = f"Tip: {hint}" if hint else ""
        if str(hint_label.content) != self._hint:
            if self.display:
                self._show_hint()
            else:
                # The notes are hidden: after the page turn's frame (an update lays out
                # the whole screen, which the turn itself need not do).
                self.call_after_refresh(self._show_hint)

    def _show_hint(self) -> None:
        # The tip of the screen shown by now: pages turned back and forth before the
        # frame leave one pending call per turn, the last screen's tip is the one drawn.
        hint_label = self.query_one("#notes-hint", Static)
        if str(hint_label.content) != self._hint:
            hint_label.update(self._hint)
            hint_label.set_class(not self._hint, "-empty")

    def take_text(self) -> str | None:
        """The edited text (lines joined with ``\\n``), or ``None`` if nothing changed."""
        area = self._area
        if area is None or not area.edited:
            return None
        area.edited = False
        return "\n".join(area.document.lines)

    def flush_into(self, notes: dict[str, str]) -> bool:
        """Move the edited text into ``notes`` under this pane's screen id (an emptied text
        removes the entry); ``True`` if anything moved."""
        text = self.take_text() if self.screen_id is not None else None
        if text is None or self.screen_id is None:
            return False
        if text:
            notes[self.screen_id] = text
        else:
            notes.pop(self.screen_id, None)
        return True

    @on(TextArea.Changed, "#notes-text")
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.text_area.edited:
            self.post_message(self.Edited())
