"""``TableCursor``: where the cursor goes on the tables screen, one table at a time.

The tables panel (``tables.py``) shows one table in its form; this is the part of it the
programme screen and the keys ask about the cursor: the table's first field (who sits
there), its first answer, the fields tab goes round (never the name), and the field typed
in last per table, kept in the session's ``progress.fields`` under
``<screen id>/<table id>``.
"""

from __future__ import annotations

from textual.widget import Widget

from patroon_tui.core.model.session import Table
from patroon_tui.messages import SessionChanged
from patroon_tui.widgets.recording import RecordingBody
from patroon_tui.widgets.table_form import TableForm


class TableCursor(RecordingBody):
    """The cursor's places in the tables panel's form (the panel says which table)."""

    _form: TableForm

    def _current(self) -> Table | None:
        """The table shown in the form."""
        raise NotImplementedError

    @property
    def current_table_id(self) -> str | None:
        """Id of the table shown in the form (``None`` when there are no tables)."""
        raise NotImplementedError

    def first_field(self) -> Widget | None:
        """The current table's first field (who sits there)."""
        if not self.is_mounted or self._current() is None:
            return None
        return self._form.participants_field

    def first_answer_field(self) -> Widget | None:
        """The current table's first answer."""
        if not self.is_mounted or self._current() is None:
            return None
        return self._form.first_answer()

    def focus_first_answer(self) -> None:
        """Cursor in the current table's first answer."""
        self.focus_now(self.first_answer_field())

    def memory_key(self) -> str | None:
        """One key per table: ``<screen id>/<table id>``."""
        if self.current_table_id is None:
            return None
        return f"{self.screen_key}/{self.current_table_id}"

    def field_name(self, widget: Widget) -> str | None:
        return self._form.field_name(widget) if self.is_mounted else None

    def named_field(self, name: str) -> Widget | None:
        if not self.is_mounted or self._current() is None:
            return None
        return self._form.named_field(name)

    def tab_stops(self) -> list[Widget]:
        """Participants and the answers: never the table's name (ctrl+r, shift+tab)."""
        if not self.is_mounted or self._current() is None:
            return []
        return [w for w in self._form.text_fields() if w is not self._form.name_field]

    def remember_focused(self, table: Table) -> None:
        """The form's fields were read into ``table`` before another is shown: what was
        typed last (the field with the cursor) is remembered, though its own change
        event comes only once the next table is shown."""
        focused = self.screen.focused
        if table.id == self.current_table_id and focused in self._form.text_fields():
            self.remember(focused)

    async def new_record(self) -> None:
        """A new table, with the cursor in who sits there."""
        await self.action_new_table()

    async def action_new_table(self) -> None:
        """Add a table after the others and show it."""
        raise NotImplementedError

    def store_typed(self) -> None:
        """Before the form is reloaded from the session: what was typed whose change has
        not reached the session yet (keys typed right before a page turn) goes in first,
        or reloading would wipe it; the cursor then arrives where it was typed."""
        # Into the table the fields were loaded from, which is not the one chosen when the
        # choice changed in the session (a table put back from the trash is shown).
        table = self._form.editing()
        if table is None:
            return
        stored = self._form.read_typed(table)
        if stored:
            if table.id == self.current_table_id:
                last = self.typing_field()
                self.remember(last if last in stored else stored[-1])
            self.post_message(SessionChanged())
