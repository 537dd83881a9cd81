"""The tables screen's body: what each table (or the plenary) says, typed while they talk.

``TablesPanel`` shows the tables in a list on the left and one form on the right for the
chosen table: name, participants, pattern (with its loop), the four questions with their
answers, and the layer of the triangle. The form is built once and reloaded when another
table is chosen, so a session with sixty tables costs no more than one with two. Every
edit goes straight into the session model and is announced with ``SessionChanged``.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.recording import (
    add_table,
    is_own_pattern,
    move_table,
    own_pattern_id,
    pattern_options,
    removal_question,
    store_own_pattern,
    table_name,
)
from patroon_tui.core.model.session import OwnPattern, Session, Table, TrashEntry
from patroon_tui.core.model.trash import TrashError, put_back, throw_away
from patroon_tui.messages import AskConfirm, EditOwnPattern, SessionChanged
from patroon_tui.widgets.fields import RecordArea
from patroon_tui.widgets.recording import ask
from patroon_tui.widgets.table_cursor import TableCursor
from patroon_tui.widgets.table_form import TableForm, width_classes
from patroon_tui.widgets.table_list import TableSide

#: ctrl+↑ and ctrl+↓ share one entry in the footer.
OTHER_TABLE = Binding.Group("Andere tafel", compact=True)


class TablesPanel(TableCursor):
    """Record the conversation per table: list of tables, one form for the chosen one."""

    DEFAULT_CSS = """
    TablesPanel {
        height: 1fr;
        width: 1fr;
    }

    TablesPanel #tables-body {
        height: 1fr;
    }

    TablesPanel #tables-side {
        width: 18;
        height: 1fr;
        border-right: vkey $panel;
    }

    TablesPanel.-roomy #tables-side {
        width: 28;
    }

    TablesPanel.-narrow #tables-side {
        width: 16;
    }

    TablesPanel .pane-title {
        text-style: bold;
        color: $accent;
        padding: 0 1;
    }

    TablesPanel #tables-list {
        height: 1fr;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }

    TablesPanel .list-legend {
        color: $text-muted;
        padding: 0 1;
        margin-bottom: 1;
    }

    TablesPanel .field-label {
        color: $text-muted;
        padding: 0 1;
    }

    TablesPanel #timer-minutes {
        width: 8;
        margin: 0 1 1 1;
    }

    TablesPanel #table-detail {
        height: 1fr;
        width: 1fr;
        padding: 0 1;
        /* The form is taller than the screen: with room kept for the scrollbar, its fields are
           laid out once, not again at a narrower width when the scrollbar appears. */
        scrollbar-gutter: stable;
    }

    /* One line each (compact fields): a fixed height spares the layout a pass through the
       row's contents to find it. */
    TablesPanel .field-row {
        height: 1;
        margin-bottom: 1;
    }

    TablesPanel .row-label {
        width: 12;
        color: $text-muted;
    }

    TablesPanel.-narrow .row-label {
        width: 11;
    }

    /* Fields look like fields: a filled background for the one-line ones, a frame for the
       answers (box-drawing characters show on any terminal, whatever its colours). */
    TablesPanel .field-row Input {
        width: 1fr;
        background: $boost;
    }

    TablesPanel .field-row Input:focus {
        background: $primary 25%;
    }

    TablesPanel #table-pattern {
        width: 1fr;
        min-width: 20;
    }

    TablesPanel #own-pattern-button {
        width: auto;
        margin-left: 1;
    }

    TablesPanel #table-loop {
        height: auto;
        margin-top: 1;
    }

    TablesPanel.-wide-form #table-loop {
        dock: right;
        width: 45%;
        height: 100%;
        margin: 0 0 0 2;
    }

    /* RING_WIDTH in table_form.py */
    TablesPanel.-ring-form #table-loop {
        width: 68;
    }

    TablesPanel .question {
        text-style: bold;
        width: 1fr;
    }

    TablesPanel .answer {
        height: auto;
        min-height: 4;
        max-height: 12;
        margin-bottom: 1;
        border: round $foreground 40%;
        padding: 0;
        background: $boost;
    }

    TablesPanel .answer:focus {
        border: round $accent;
    }

    TablesPanel #table-layer {
        width: 1fr;
        height: auto;
    }

    TablesPanel.-stack-pattern #pattern-row {
        layout: vertical;
        height: 3;
    }

    TablesPanel.-stack-pattern #own-pattern-button {
        margin: 0;
    }
    """

    # Priority bindings: the app runs them as soon as the key arrives, before it reads the
    # next key. A key typed right after ctrl+down or ctrl+o then goes to the next table or
    # into the editor, not into the field that had the cursor a moment earlier.
    # Tab goes round the text fields only; the choices of the form have their own keys.
    # The footer shows what fits at 80 columns beside the help key; the help lists the rest.
    BINDINGS = [
        Binding("ctrl+up", "previous_table", "Vorige tafel", id="tables.previous", priority=True,
                group=OTHER_TABLE),
        Binding("ctrl+down", "next_table", "Volgende tafel", id="tables.next", priority=True,
                group=OTHER_TABLE),
        Binding("ctrl+n", "new_table", "Nieuwe tafel", id="tables.new", priority=True),
        Binding("ctrl+t", "next_pattern", "Patroon kiezen", id="tables.pattern", priority=True),
        Binding("ctrl+l", "next_layer", "Laag kiezen", id="tables.layer", priority=True,
                show=False),
        Binding("ctrl+o", "own_pattern", "Eigen patroon", id="tables.own-pattern", priority=True,
                show=False),
        Binding("ctrl+g", "minutes", "Duur van de timer", id="tables.minutes", priority=True,
                show=False),
        Binding("f8", "remove_table", "Tafel verwijderen", id="tables.remove", priority=True,
                show=False, tooltip="Tafel naar de prullenbak (Ctrl+Z of Ctrl+P zet terug)"),
        Binding("ctrl+z", "restore_table", "Verwijderde tafel terugzetten", id="tables.restore",
                priority=True, show=False),
        Binding("ctrl+r", "rename_table", "Naam wijzigen", id="tables.rename", priority=True,
                show=False),
        Binding("alt+up", "move_table(-1)", "Tafel omhoog", id="tables.move-up", priority=True,
                show=False),
        Binding("alt+down", "move_table(1)", "Tafel omlaag", id="tables.move-down", priority=True,
                show=False),
        Binding("enter", "enter_next", "Volgend veld", id="tables.enter", priority=True,
                show=False),
    ]

    def __init__(
        self,
        deck: Deck,
        session: Session,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(deck, session, id=id, classes=classes)
        self._questions = deck.text_questions
        # The trash entry of the last table removed, while ctrl+z can still put it back.
        self._removed: TrashEntry | None = None
        self._side = TableSide(deck, session, plenary=self.plenary, id="tables-side")
        self._form = TableForm(
            deck, session, self._current(), pattern_options(deck, session), id="table-detail"
        )

    # -- public API -------------------------------------------------------------------

    @property
    def current_table_id(self) -> str | None:
        """Id of the table chosen: the session's ``progress.table``, kept there alone (so a
        resume shows it), or the first table while it names none (``None``: no tables)."""
        tables = self.session.tables
        chosen = self.session.progress.table
        if chosen is not None and any(t.id == chosen for t in tables):
            return chosen
        return tables[0].id if tables else None

    @property
    def plenary(self) -> bool:
        """Whether the session records one plenary conversation instead of tables."""
        return self.session.session.werkvorm == "plenair"

    def refresh_from_session(self) -> None:
        """Reload the list and the form from the session (it was changed elsewhere)."""
        if self.when_ready(self.refresh_from_session):
            self.store_typed()
            self._reload()

    def _reload(self) -> None:
        self._side.fill(self.current_table_id)
        self._show_pattern_row()
        self._load_form()

    def select_table(self, table_id: str) -> None:
        """Show the table with this id in the form; the cursor, if it was in the form,
        goes to where that table was typed in last (its first answer if nowhere yet)."""
        self.session.table(table_id)  # KeyError for an unknown id
        focused = self.screen.focused if self.is_attached else None
        in_form = focused is not None and focused in self._form.text_fields()
        self._flush()
        self._set_current(table_id)
        self._load_form()
        self._side.highlight(self.current_table_id)
        if in_form:
            self.focus_now(self.arrival_field())

    def _set_current(self, table_id: str) -> None:
        """Show ``table_id`` from now on (a resume shows it too)."""
        progress = self.session.progress
        if progress.table != table_id:
            progress.table = table_id
            self._changed()

    # -- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Width classes are set before the first layout (from the space the panel is put
        # in), so showing the screen does not restyle the whole form a moment later.
        parent = self.parent
        width = parent.size.width if isinstance(parent, Widget) and parent.size.width else 0
        self.update_classes(width_classes(width or self.app.size.width))
        with Horizontal(id="tables-body"):
            yield self._side
            yield self._form

    def on_mount(self) -> None:
        self._reload()

    def on_resize(self) -> None:
        # One batch: each separate class change would restyle every field in the form.
        self.update_classes(width_classes(self.size.width))

    # -- helpers ----------------------------------------------------------------------

    def _current(self) -> Table | None:
        table_id = self.current_table_id
        return None if table_id is None else self.session.table(table_id)

    def _show_pattern_row(self) -> None:
        """The pattern choice, its loop and the own-pattern button as the session has them."""
        self._form.set_pattern_options(pattern_options(self.deck, self.session))
        table = self._current()
        self._form.show_pattern(table.pattern if table is not None else "")

    def _load_form(self) -> None:
        """Show the current table in the form."""
        self._form.show(self._current())

    def _changed(self) -> None:
        self.post_message(SessionChanged())

    def _typed(self, table: Table, field: Widget) -> None:
        """A field of the form was edited: ctrl+z now undoes there, not a removal; the
        cursor arrives there again."""
        self._removed = None
        if table.id == self.current_table_id:
            self.remember(field)
        self._side.update_prompt(table)
        self._changed()

    def _flush(self) -> None:
        """Write every field of the form into the current table (before showing another)."""
        table = self._form.editing()
        if table is not None and self._form.read_all(table):
            self.remember_focused(table)
            self._side.update_prompt(table)
            self._changed()

    # -- the form's fields changed -----------------------------------------------------

    # Change events may arrive after the form was reloaded for another table; the handlers
    # therefore read the field as it is now and compare it with the current table, so a
    # late event never writes one table's words into another.

    @on(Input.Changed, "#table-name")
    def _name_changed(self) -> None:
        table = self._form.editing()
        if table is not None and self._form.read_name(table):
            self._typed(table, self._form.name_field)

    @on(Input.Changed, "#table-participants")
    def _participants_changed(self) -> None:
        table = self._form.editing()
        if table is not None and self._form.read_participants(table):
            self._typed(table, self._form.participants_field)

    @on(RecordArea.Changed, ".answer")
    def _answer_changed(self, event: RecordArea.Changed) -> None:
        table = self._form.editing()
        question_id = (event.text_area.id or "").removeprefix("answer-")
        if table is not None and self._form.read_answer(table, question_id):
            self._typed(table, event.text_area)

    @on(OptionList.OptionHighlighted, "#tables-list")
    def _table_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Only the list's present highlight counts: an event from a highlight since moved
        # on (the form showing one table after another quickly) must not pull the form back.
        if event.option_index != event.option_list.highlighted:
            return
        table_id = event.option.id
        if table_id is not None and table_id != self.current_table_id:
            self.select_table(table_id)

    @on(OptionList.OptionSelected, "#tables-list")
    def _table_chosen(self) -> None:
        self.focus_now(self.arrival_field())

    @on(Button.Pressed, "#own-pattern-button")
    async def _own_pattern_pressed(self) -> None:
        await self.action_own_pattern()

    # -- actions ----------------------------------------------------------------------

    def _step(self, delta: int) -> None:
        ids = [t.id for t in self.session.tables]
        if not ids or self.current_table_id not in ids:
            return
        index = ids.index(self.current_table_id) + delta
        if 0 <= index < len(ids):
            self.select_table(ids[index])

    # The keys typed before a table key have been handled by their field (the app waits
    # for each key, see keyboard.py); _flush reads the fields themselves.

    def action_previous_table(self) -> None:
        self._step(-1)

    def action_next_table(self) -> None:
        self._step(1)

    def action_enter_next(self) -> None:
        # Enter in a one-line field (name, participants) moves on, as tab does.
        self._move(1)

    def action_next_pattern(self) -> None:
        """Choose the next pattern for the current table (after the last: none)."""
        self._form.next_pattern()

    def action_next_layer(self) -> None:
        """Choose the next layer of the triangle for the current table."""
        self._form.next_layer()

    def action_minutes(self) -> None:
        minutes = self._side.minutes
        minutes.can_focus = True
        self.focus_now(minutes)
        minutes.cursor_position = len(minutes.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"new_table", "remove_table", "move_table"} and self.plenary:
            return False
        if action == "enter_next":
            return isinstance(self.screen.focused, Input) and self._in_body()
        if action == "restore_table":
            # Only while nothing was typed since (otherwise ctrl+z undoes in the field), and
            # while the table is still in the trash (the palette may have put it back).
            return any(entry is self._removed for entry in self.session.trash or [])
        return super().check_action(action, parameters)

    def _show_current(self) -> None:
        """After the list of tables changed: the list, the form and the cursor in it."""
        self._side.fill(self.current_table_id)
        self._load_form()
        self._changed()
        field = self.arrival_field()
        self.focus_now(field)
        self.bring_into_view(field)

    async def action_new_table(self) -> None:
        if self.plenary:
            return
        self._flush()
        # A table in the trash keeps its id, so the first steps that name it find it back.
        reserved = [e.table.id for e in self.session.trash or [] if e.table is not None]
        table = add_table(self.session, [q.id for q in self._questions], reserved)
        self._set_current(table.id)
        self.remember(self._form.participants_field)  # a new table: who sits there first
        self._show_current()

    def action_rename_table(self) -> None:
        if self._current() is not None:
            self.focus_now(self._form.name_field)

    async def action_remove_table(self) -> None:
        table = self._current()
        if table is None or self.plenary:
            return
        if len(self.session.tables) == 1:
            self.notify("De laatste tafel blijft staan: er moet er minstens één zijn.")
            return
        self._flush()
        table_id = table.id

        def answer(remove: bool | None) -> None:
            if remove:
                self._remove(table_id)

        ask(self, AskConfirm(removal_question(table), answer))

    def _remove(self, table_id: str) -> None:
        index = next((i for i, t in enumerate(self.session.tables) if t.id == table_id), None)
        if index is None:
            return
        was_current = self.current_table_id == table_id
        # Into the session's trash, whole: ctrl+z now, or the palette's Prullenbak later.
        entry = throw_away(self.session, "tables", index)
        remaining = self.session.tables
        if was_current and remaining:  # the one after it (the last: the one before)
            self._set_current(remaining[min(index, len(remaining) - 1)].id)
        self._show_current()
        self._removed = entry
        assert entry.table is not None  # a table was thrown away
        self.notify(f"{table_name(entry.table)} staat in de prullenbak. Ctrl+Z zet de tafel "
                    "terug; later kan dat met Ctrl+P, Prullenbak.", title="Tafel verwijderd")

    def action_restore_table(self) -> None:
        """Put the table removed last back where it was, with everything it said."""
        if self._removed is None:
            return
        entry, self._removed = self._removed, None
        self._flush()
        try:
            table = put_back(self.session, entry).record
        except TrashError:
            return  # put back from the trash already
        assert isinstance(table, Table)
        self._set_current(table.id)
        self._show_current()
        self.notify(f"{table_name(table)} staat er weer.", title="Tafel terug")

    def action_move_table(self, delta: int) -> None:
        table = self._current()
        if table is None or self.plenary:
            return
        if move_table(self.session, table.id, delta):
            self._side.fill(self.current_table_id)
            self._changed()

    async def action_own_pattern(self) -> None:
        table = self._current()
        if table is None:
            return
        self._flush()
        existing = (
            self.session.own_pattern(table.pattern)
            if is_own_pattern(self.session, table.pattern) else None
        )
        pattern_id = own_pattern_id(self.session, table)
        table_id = table.id

        def saved(pattern: OwnPattern | None) -> None:
            if pattern is not None:
                store_own_pattern(self.session, table_id, pattern)
                self._show_pattern_row()
                self._changed()
            else:
                # Thrown away: the editor put the session back as it was; so does the form.
                self._show_pattern_row()

        ask(self, EditOwnPattern(self.session, table_id, pattern_id, existing,
                                 f"Eigen patroon · {table_name(table)}", saved, deck=self.deck))
