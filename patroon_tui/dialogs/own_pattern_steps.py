"""The own-pattern editor's cursor and rows: tab, shift+tab and enter between the fields;
a step added (ctrl+n, enter after the last), removed (f8) or moved (alt+up/down).

Tab goes round the steps only: from the title to the first step, from the last step to the
first, never into the title (the next words typed are a step's, whatever Tab was one too
many). Shift+Tab goes back, from the first step to the title; ctrl+r goes to the title.

``StepsEditor`` is the base of ``OwnPatternScreen`` (``dialogs.own_pattern``), which holds
the bindings, the draft in the session and closing. Every action runs in its key's own
turn, so the next key typed lands in the field that got the cursor.
"""

from __future__ import annotations

from textual.actions import SkipAction
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label

from patroon_tui.core.model.deck import MAX_STEPS, MIN_STEPS
from patroon_tui.core.model.session import OwnPattern
from patroon_tui.widgets.pattern_fields import PatternField, StepInput, TitleInput, step_row


def row_of(field: StepInput) -> Widget | None:
    """The row ``field`` sits in (``step_row``), while it is in one."""
    row = field.parent
    return row if isinstance(row, Widget) else None


class StepsEditor(ModalScreen[OwnPattern | None]):
    """Moves the cursor between the title and the steps, and adds, removes and moves steps."""

    first_field: TitleInput
    """The title field (set by the editor)."""
    _fields: list[StepInput]
    _quiet = False  # several fields change together (a move): one write after

    def _idle(self) -> bool:
        """Whether a key may act now (the editor says no while closing or asking)."""
        return True

    def _edited(self) -> None:
        """A field changed (the editor writes the session)."""

    def all_fields(self) -> list[PatternField]:
        """The title and the steps, in tab order."""
        return [self.first_field, *self._fields]

    def _renumber(self) -> None:
        for index, field in enumerate(self._fields):
            field.index = index
            row = field.parent
            if row is not None:
                try:
                    row.query_one(".step-number", Label).update(f"{index + 1:>2}")
                except NoMatches:
                    pass

    def _focus(self, field: Widget | None) -> None:
        """Give ``field`` the cursor now, at the end of its text (the next key goes there)."""
        if field is None or not field.is_attached:
            return
        if isinstance(field, Input):
            field.cursor_position = len(field.value)
        self.set_focus(field)

    # -- moving between fields --------------------------------------------------------

    def _focused_index(self) -> int | None:
        fields = self.all_fields()
        focused = self.focused
        return fields.index(focused) if focused in fields else None

    def action_next_field(self) -> None:
        if not self._idle() or not self._fields:
            return
        at = self._focused_step()
        self._focus(self._fields[0 if at is None else (at + 1) % len(self._fields)])

    def action_previous_field(self) -> None:
        if not self._idle():
            return
        fields = self.all_fields()
        at = self._focused_index()
        self._focus(fields[-1 if at is None else (at - 1) % len(fields)])

    def action_title(self) -> None:
        if self._idle():
            self._focus(self.first_field)

    async def action_enter(self) -> None:
        # Enter moves on: from the title to the first step, from a step to the next one,
        # adding one after the last (as on paper).
        if not self._idle():
            return
        focused = self.focused
        if focused is self.first_field:
            self._focus(self._fields[0])
        elif isinstance(focused, StepInput) and focused in self._fields:
            at = self._fields.index(focused)
            if at + 1 < len(self._fields):
                self._focus(self._fields[at + 1])
            elif len(self._fields) < MAX_STEPS:
                await self._insert_step(at + 1)
            else:
                self.notify(
                    f"Een patroon heeft hoogstens {MAX_STEPS} stappen; met Ctrl+O ben je klaar."
                )
        else:
            raise SkipAction()

    # -- steps ------------------------------------------------------------------------

    def _focused_step(self) -> int | None:
        focused = self.focused
        if isinstance(focused, StepInput) and focused in self._fields:
            return self._fields.index(focused)
        return None

    async def _insert_step(self, index: int) -> None:
        """A new, empty step at ``index``, with the cursor; mounted before the next key."""
        field = StepInput("", index)
        field.on_edit = self._edited
        row = step_row(field)
        rows = [row_of(f) for f in self._fields]
        self._fields.insert(index, field)
        self._renumber()
        container = self.query_one("#own-steps", Vertical)
        if index < len(rows) and rows[index] is not None:
            await container.mount(row, before=rows[index])
        else:
            await container.mount(row)
        self._focus(field)
        if not self._quiet:
            # Fields filled together (a variant taken over) end with the cursor in the
            # first step: scrolling to each new one would leave it out of sight.
            field.scroll_visible(animate=False)
        self._edited()

    async def action_add_step(self) -> None:
        if not self._idle():
            return
        if len(self._fields) >= MAX_STEPS:
            self.notify(f"Een patroon heeft hoogstens {MAX_STEPS} stappen.")
            return
        at = self._focused_step()
        await self._insert_step(len(self._fields) if at is None else at + 1)

    async def action_remove_step(self) -> None:
        if not self._idle():
            return
        at = self._focused_step()
        if at is None:
            self.notify("Zet de cursor in de stap die weg moet.")
            return
        if len(self._fields) <= MIN_STEPS:
            self.notify(f"Een patroon heeft minstens {MIN_STEPS} stappen.")
            return
        if self._fields[at].value.strip():
            # Typed words go only after a question whose safe answer keeps them.
            await self._ask_remove_step(self._fields[at])
            return
        await self.remove_step_at(at)

    async def _ask_remove_step(self, field: StepInput) -> None:
        """Ask before removing ``field``, a step with text (the editor asks)."""
        await self.remove_step_at(self._fields.index(field))

    async def remove_step_at(self, at: int) -> None:
        """Remove the step at ``at``; the cursor goes to the step now in its place."""
        field = self._fields.pop(at)
        field.on_edit = None
        self._renumber()
        # The cursor moves first, so the keys after f8 go to the step now in its place.
        self._focus(self._fields[min(at, len(self._fields) - 1)])
        self._edited()
        row = row_of(field)
        if row is not None:
            await row.remove()

    def action_move_step(self, delta: int) -> None:
        if not self._idle():
            return
        at = self._focused_step()
        if at is None:
            return
        target = at + delta
        if not 0 <= target < len(self._fields):
            return
        one, other = self._fields[at], self._fields[target]
        # Swap the texts, not the rows: nothing is mounted again.
        self._quiet = True
        try:
            one.value, other.value = other.value, one.value
        finally:
            self._quiet = False
        self._focus(other)
        self._edited()
