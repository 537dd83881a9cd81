"""``EditableList``: a recording body that edits one list of the session as rows of fields.

The principles and the agreed first steps are both such a list: one row per item, a field
per text of the item, and the same keys to add a row after the cursor, remove one (asking
first when it holds text; then it goes to the session's trash, to be put back later) and
move it up or down. When the list is empty an empty row is
ready; it becomes an item with the first character typed. Subclasses say which list, how a
row looks, and where enter goes.
"""

from __future__ import annotations

import re
from typing import Any

from textual import on
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget

from patroon_tui.core.model.trash import throw_away
from patroon_tui.messages import AskConfirm, SessionChanged
from patroon_tui.widgets.fields import FieldScroll, RecordArea
from patroon_tui.widgets.recording import RecordingBody, ask


def shorten(text: str, width: int = 60) -> str:
    """One line of at most ``width`` characters, for naming a text in a question."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


class ListField(RecordArea):
    """One text of one item: ``attribute`` of ``items[index]``.

    A field that grows with its text (a principle is a sentence, not a line); enter moves
    on to the next field instead of starting a new line (see ``EditableList``).
    """

    DEFAULT_CSS = """
    ListField { height: auto; max-height: 6; min-height: 1; }
    """

    attribute = "text"

    def __init__(self, value: str, index: int, *, placeholder: str, classes: str) -> None:
        super().__init__(
            value, placeholder=placeholder, classes=f"list-field {classes}", compact=True,
            show_line_numbers=False,
        )
        self.index = index

    @property
    def value(self) -> str:
        """The text as shown."""
        return self.text


class Rows(Vertical):
    """The rows of a list. When they grow (a new row, a field growing as it is typed in)
    the field with the cursor is kept in sight: the size is known only now."""

    def on_resize(self) -> None:
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            focused.scroll_visible(animate=False, immediate=True)


class EditableList(RecordingBody):
    """Rows of fields bound to ``items()``; add, remove (after a question), move, type."""

    #: The field that gets the cursor in a row (the item's main text).
    FIRST_FIELD: type[ListField] = ListField
    #: Id of the container holding the rows.
    LIST_ID = "list"
    #: The session's list, as the trash and ``progress.fields`` name it (``principles``,
    #: ``first_steps``).
    TRASH_KIND = ""

    # A priority binding, like the body's other keys: enter moves the cursor on before the
    # next key is read, so a word typed right after enter lands in the next field.
    BINDINGS = [
        Binding("enter", "submit_field", "Volgend veld", show=False, priority=True,
                id="list.submit"),
    ]

    @staticmethod
    def move_bindings(id_prefix: str) -> list[Binding]:
        """Alt+up / alt+down to move the row with the cursor (in help, not the footer)."""
        return [
            Binding("alt+up", "move(-1)", "Omhoog", id=f"{id_prefix}.move-up", priority=True,
                    show=False),
            Binding("alt+down", "move(1)", "Omlaag", id=f"{id_prefix}.move-down", priority=True,
                    show=False),
        ]

    # -- what subclasses say ----------------------------------------------------------

    def items(self) -> list[Any]:
        """The session's list this body edits."""
        raise NotImplementedError

    def new_item(self, **values: str) -> Any:
        """A new item with these texts."""
        raise NotImplementedError

    def rows(self) -> list[Widget]:
        """One row of fields per item (an empty one when there are none)."""
        raise NotImplementedError

    def removal_question(self, index: int, item: Any) -> str | None:
        """What to ask before removing ``item``; ``None``: it holds no text, just remove."""
        raise NotImplementedError

    async def submitted(self, field: ListField) -> None:
        """Enter was pressed in ``field``."""

    def edited(self, field: ListField) -> None:
        """``field`` changed its item (after the session was updated)."""

    def list_changed(self) -> None:
        """An item was added, removed or moved (before the rows are built again)."""

    # -- public API -------------------------------------------------------------------

    def first_field(self) -> Widget | None:
        """The first row's main field."""
        if not self.is_mounted:
            return None
        fields = self.query(self.FIRST_FIELD)
        return fields.first() if fields else None

    def field_name(self, widget: Widget) -> str | None:
        if not isinstance(widget, ListField) or self not in widget.ancestors:
            return None
        return f"{self.TRASH_KIND}[{widget.index}].{widget.attribute}"

    def named_field(self, name: str) -> Widget | None:
        found = re.fullmatch(rf"{re.escape(self.TRASH_KIND)}\[(\d{{1,6}})\]\.(\w+)", name)
        if found is None or not self.is_mounted:
            return None
        index, attribute = int(found[1]), found[2]
        return next(
            (f for f in self.query(ListField) if f.index == index and f.attribute == attribute),
            None,
        )

    async def new_record(self) -> None:
        """A new item after the one with the cursor (at the end when none has it)."""
        await self.action_add()

    def refresh_from_session(self) -> None:
        """Reload the rows from the session.

        Rows are rebuilt only when the number of items changed elsewhere; otherwise the
        fields are refilled where they are, so the cursor keeps its field.
        """
        if not self.when_ready(self.refresh_from_session):
            return
        fields = list(self.query(ListField))
        rows = max((f.index for f in fields), default=-1) + 1
        if rows == max(1, len(self.items())):
            # Keys typed right before a page turn may not have reached the session yet:
            # they go in first, or refilling would wipe them.
            typed = [field for field in fields if field.typed() and self._store(field)]
            if typed:
                self.remember(typed[-1])
                self.changed()
            self._refill(fields)
            return
        field = self.focused_field()
        focus = (field.index, type(field)) if field is not None else None
        self.run_worker(self.rebuild(focus), exclusive=True, group=f"{self.LIST_ID}-rebuild")

    def _refill(self, fields: list[ListField]) -> None:
        items = self.items()
        # No ``prevent(Input.Changed)`` here: its stack is shared by every widget's task and
        # can swallow the change of a field being typed in. The change events of refilling
        # find the field equal to its item and store nothing.
        for field in fields:
            value = getattr(items[field.index], field.attribute) if field.index < len(items) else ""
            if field.model_value() != value:
                field.load_value(value)

    # -- building ---------------------------------------------------------------------

    def list_container(self) -> Vertical:
        """The container of the rows, built with them."""
        return Rows(*self.rows(), id=self.LIST_ID)

    async def rebuild(self, focus: tuple[int, type[ListField]] | None) -> None:
        """Build the rows again; then put the cursor in row ``index``'s field of that kind."""
        container = self.query_one(f"#{self.LIST_ID}", Vertical)
        await container.remove_children()
        await container.mount_all(self.rows())
        if focus is not None:
            index, kind = focus
            fields = list(self.query(kind))
            if fields:
                field = fields[max(0, min(index, len(fields) - 1))]
                self.focus_now(field)
                self.remember(field)
                if field is fields[-1]:
                    # The last row: to the end of the list, which is known before the
                    # row's own place on the screen is.
                    self.call_after_refresh(self._to_the_end, field)
                self.bring_into_view(field)

    def _to_the_end(self, field: ListField) -> None:
        if field.is_attached and field.has_focus:
            for area in field.ancestors:
                if isinstance(area, FieldScroll):
                    area.scroll_end(animate=False, immediate=True)

    def changed(self) -> None:
        """Tell the app the session changed."""
        self.post_message(SessionChanged())

    def focused_field(self) -> ListField | None:
        """The row field with the cursor, if it is one of this list's."""
        focused = self.screen.focused
        return focused if isinstance(focused, ListField) and self in focused.ancestors else None

    def focused_index(self) -> int | None:
        """The row of the field with the cursor."""
        field = self.focused_field()
        return field.index if field is not None else None

    def fields_of(self, kind: type[ListField]) -> list[ListField]:
        """This list's fields of one kind, in row order."""
        return list(self.query(kind))

    # -- typing -----------------------------------------------------------------------

    @on(RecordArea.Changed, ".list-field")
    def _field_changed(self, event: RecordArea.Changed) -> None:
        field = event.text_area
        assert isinstance(field, ListField)
        if field.is_attached and self._store(field):
            self.remember(field)
            self.changed()
            self.edited(field)
            # The field grows as it is typed in: it stays in sight, also at the bottom.
            self.bring_into_view(field)

    def _store(self, field: ListField) -> bool:
        """Put what ``field`` shows into its item; ``True`` if that changed the session."""
        items = self.items()
        value = field.model_value()
        if field.index < len(items):
            if getattr(items[field.index], field.attribute) != value:
                setattr(items[field.index], field.attribute, value)
                return True
        elif value and field.index == len(items):
            # The ready row of an empty list becomes an item once something is typed.
            items.append(self.new_item(**{field.attribute: value}))
            return True
        return False

    async def flush(self) -> None:
        """Store every field (before the rows are built again).

        The keys typed before an action's key have reached their field (the app waits for
        each key); their change events may not have reached the session yet, and must not
        be lost with the old row.
        """
        if any([self._store(field) for field in self.query(ListField)]):
            self.changed()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit_field":
            # Only enter in one of this list's fields; elsewhere enter does what it does.
            return self.focused_field() is not None
        return super().check_action(action, parameters)

    async def action_submit_field(self) -> None:
        field = self.focused_field()
        if field is not None:
            await self.flush()
            await self.submitted(field)

    async def action_next_field(self) -> None:
        # Tab goes from item to item as enter does: after the last item with text, a new
        # one, so thoughts typed with a tab between them never fuse into one item. In an
        # empty last item it stays: the cursor is already where the next thought goes.
        field = self.focused_field()
        if field is None:
            self._move(1)
            return
        await self.flush()
        await self.submitted(field)

    # -- actions ----------------------------------------------------------------------

    async def action_add(self) -> None:
        await self.flush()
        at = self.focused_index()
        items = self.items()
        index = len(items) if at is None else min(at + 1, len(items))
        items.insert(index, self.new_item())
        self.changed()
        self.list_changed()
        await self.rebuild((index, self.FIRST_FIELD))

    async def action_remove(self) -> None:
        await self.flush()
        at = self.focused_index()
        items = self.items()
        if at is None or at >= len(items):
            return
        item = items[at]

        question = self.removal_question(at, item)

        async def answer(remove: bool | None) -> None:
            if remove and at < len(items) and items[at] is item:
                if question is None:
                    del items[at]  # holds no text: nothing to keep
                else:
                    throw_away(self.session, self.TRASH_KIND, at)
                self.changed()
                self.list_changed()
                await self.rebuild((at, self.FIRST_FIELD))

        if question is None:
            await answer(True)
            return
        ask(self, AskConfirm(question, answer))

    async def action_move(self, delta: int) -> None:
        await self.flush()
        field = self.focused_field()
        items = self.items()
        if field is None or field.index >= len(items):
            return
        at, target = field.index, field.index + delta
        if not 0 <= target < len(items):
            return
        items[at], items[target] = items[target], items[at]
        self.changed()
        self.list_changed()
        await self.rebuild((target, type(field)))
