"""Where the cursor goes as the programme's notes pane opens and closes.

f2 opens the notes and puts the cursor there, remembering the field it came from (a letter
typed on a slide outside any field opens them too); f2 in the notes closes them and goes back to that field (if it is still on this screen). Tab in
the notes goes back too, or to the body's typing field: the cursor must never be left on
nothing, where the next letters typed would turn pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widget import Widget

if TYPE_CHECKING:
    from patroon_tui.screens.agenda_fold import AgendaFold
    from patroon_tui.screens.programme import ProgrammeScreen


class NotesFocus:
    """The notes pane's opening and closing for one programme screen."""

    def __init__(self, screen: ProgrammeScreen, agenda: AgendaFold) -> None:
        self._screen = screen
        self._agenda = agenda
        self._before: Widget | None = None
        """The field that had the cursor when the notes were opened with f2."""

    def _on_this_screen(self, field: Widget | None) -> bool:
        body = self._screen.body
        return (
            field is not None and field.is_attached and body is not None
            and body in field.ancestors
        )

    async def toggle(self) -> None:
        """Show the notes with the cursor in them; in the notes, hide them again."""
        programme = self._screen
        notes = programme.notes
        if programme.has_class("-notes") and notes.typing:
            programme.remove_class("-notes")
            self._agenda.fit()
            back, self._before = self._before, None
            keep = back is not None and self._on_this_screen(back) and back.focusable
            programme.set_focus(back if keep else None)
            return
        programme.set_focus(await self.open())

    async def open(self) -> Widget:
        """Show the notes (the cursor is put there by the caller); their text field."""
        programme = self._screen
        notes = programme.notes
        focused = programme.focused
        if focused is not None and not notes.typing:
            self._before = focused
        programme.remove_class("-presenting")
        programme.add_class("-notes")
        self._agenda.fit()
        # Awaited: keys typed right after f2 wait until the field exists and has the cursor.
        return await notes.show_area()

    def leave(self) -> None:
        """Tab in the notes: back to the field they were opened from, or the body's."""
        programme = self._screen
        back = self._before if self._on_this_screen(self._before) else None
        if back is None:
            back = programme.stray_key_field()
        if back is not None and back.focusable:
            self._before = None
            programme.set_focus(back)
