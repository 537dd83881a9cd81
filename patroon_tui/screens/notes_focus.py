"""Where the cursor goes as the programme's notes pane opens and closes.

f2 opens the notes and puts the cursor there, remembering the field it came from (a letter
typed on a slide outside any field opens them too); f2 in the notes closes them and goes back to that field (if it is still on this screen). Tab in
the notes goes back too, or to the body's typing field: the cursor must never be left on
nothing, where the next letters typed would turn pages.

``NotesFocus`` is given the notes pane and what to call when the notes take or give back
room (the agenda's fit); the slide body shown is handed to it with each request. It works
on the Textual screen the pane is on: its focus and its ``-notes`` class (the programme's
styles show the pane by it).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget

from patroon_tui.widgets.notes import NotesPane


class NotesFocus:
    """The notes pane's opening and closing, and the field the cursor goes back to."""

    def __init__(self, notes: NotesPane, *, relayout: Callable[[], None]) -> None:
        self._notes = notes
        self._relayout = relayout
        self._before: Widget | None = None
        """The field that had the cursor when the notes were opened with f2."""

    @staticmethod
    def _in_body(field: Widget | None, body: Widget | None) -> bool:
        return (
            field is not None and field.is_attached and body is not None
            and body in field.ancestors
        )

    async def toggle(self, body: Widget | None) -> None:
        """Show the notes with the cursor in them; in the notes, hide them again (the
        cursor back to its field if that is in ``body``, the slide shown)."""
        notes = self._notes
        screen = notes.screen
        if screen.has_class("-notes") and notes.typing:
            screen.remove_class("-notes")
            self._relayout()
            back, self._before = self._before, None
            keep = back is not None and self._in_body(back, body) and back.focusable
            screen.set_focus(back if keep else None)
            return
        screen.set_focus(await self.open())

    async def open(self) -> Widget:
        """Show the notes (the cursor is put there by the caller); their text field."""
        notes = self._notes
        screen = notes.screen
        focused = screen.focused
        if focused is not None and not notes.typing:
            self._before = focused
        screen.remove_class("-presenting")
        screen.add_class("-notes")
        self._relayout()
        # Awaited: keys typed right after f2 wait until the field exists and has the cursor.
        return await notes.show_area()

    def leave(self, body: Widget | None, typing_field: Callable[[], Widget | None]) -> None:
        """Tab in the notes: back to the field they were opened from (if it is in
        ``body``), else to the body's ``typing_field()``."""
        back = self._before if self._in_body(self._before, body) else None
        if back is None:
            back = typing_field()
        if back is not None and back.focusable:
            self._before = None
            self._notes.screen.set_focus(back)
