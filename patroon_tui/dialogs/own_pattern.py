"""The own-pattern editor: a table writes down its own loop, step by step.

``OwnPatternScreen(session, table_id, pattern_id, existing)`` is a dialog with a title and
2-12 steps (add, edit, move up/down, remove) and the loop drawn beside them, redrawn as you
type.

The draft is part of the session from its first keystroke: every change of the title or a
step writes the pattern into ``session.patterns`` (every row, empty ones too), makes it the
table's pattern and posts ``SessionChanged``, so the app saves it like any other text.
Quitting, a closed terminal or a crash keep it.

- Ctrl+O ("Klaar") and escape close the editor and keep what was typed, also an unfinished
  pattern (a short note says what is still missing).
- Ctrl+G throws the changes away, after a question whose safe answer ("Nee") has the
  cursor: the pattern and the table's choice are put back as they were when the editor
  opened (a new pattern leaves the session again).

The dialog dismisses once, with the ``OwnPattern`` as it stands in the session, or ``None``
when there is none (nothing was typed in a new pattern, or it was thrown away).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError
from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from patroon_tui.core.deck import MAX_STEPS, MIN_STEPS
from patroon_tui.core.session import OwnPattern, Session
from patroon_tui.messages import SessionChanged
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.widgets.compact_button import CompactButton
from patroon_tui.widgets.fields import ShowsControls
from patroon_tui.widgets.loop_view import LoopView

#: The keys shown at the bottom of the dialog (all of them; the help has the same list).
KEYS_SHOWN = (
    "[b]Tab[/b]/[b]Enter[/b] volgend veld · [b]Ctrl+N[/b] stap toevoegen · "
    "[b]F8[/b] stap verwijderen · [b]Alt+↑/↓[/b] stap verplaatsen · "
    "[b]Ctrl+O[/b]/[b]Esc[/b] klaar · [b]Ctrl+G[/b] wijzigingen weggooien"
)

#: How long closing waits for keys already sent to a field before it reads the fields.
SETTLE_SECONDS = 1.0


class PatternField(ShowsControls, Input):
    """One line of the editor: nothing is selected on focus; every change goes on at once.

    ``on_edit`` is called in the same turn as the change (not when its ``Changed`` message
    arrives), so the session holds each key as soon as the field does.
    """

    on_edit: Callable[[], None] | None = None
    """Called with every change of the text (set by the editor once it is built)."""

    def __init__(
        self,
        value: str,
        *,
        placeholder: str,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        # The cursor starts at the end of the text (Input puts it there for a first value).
        super().__init__(
            value, placeholder=placeholder, select_on_focus=False, id=id, classes=classes
        )

    def watch_value(self, value: str) -> None:
        if self.on_edit is not None:
            self.on_edit()


class TitleInput(PatternField):
    """The pattern's title."""


class StepInput(PatternField):
    """The text of one step; knows its place in the cycle."""

    def __init__(self, value: str, index: int) -> None:
        super().__init__(value, placeholder="Wat gebeurt er dan?", classes="step-input")
        self.index = index


class _Form(VerticalScroll, can_focus=False):
    """The title and the steps; scrolls, but never takes the cursor from a field."""


class OwnPatternScreen(ModalScreen[OwnPattern | None]):
    """Write or edit a table's own pattern; it is in the session from the first key."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#own-title"

    # All priority bindings: each runs in the key's own turn, before the next key is read,
    # so a word typed right after tab, enter or ctrl+n lands in the field that got the
    # cursor. No key here is one the fields use for editing (see Textual's Input.BINDINGS).
    BINDINGS = [
        Binding("tab", "next_field", "Volgend veld", show=False, priority=True,
                id="own-pattern.tab"),
        Binding("shift+tab", "previous_field", "Vorig veld", show=False, priority=True,
                id="own-pattern.shift-tab"),
        Binding("enter", "enter", "Volgend veld (na de laatste stap: een stap erbij)",
                show=False, priority=True, id="own-pattern.next"),
        Binding("ctrl+n", "add_step", "Stap toevoegen", priority=True,
                id="own-pattern.add-step"),
        Binding("f8", "remove_step", "Stap verwijderen", priority=True,
                id="own-pattern.remove-step"),
        Binding("alt+up", "move_step(-1)", "Stap omhoog", key_display="alt+↑", priority=True,
                id="own-pattern.step-up"),
        Binding("alt+down", "move_step(1)", "Stap omlaag", key_display="alt+↓",
                priority=True, id="own-pattern.step-down"),
        Binding("ctrl+o", "close", "Klaar (alles blijft bewaard)", priority=True,
                id="own-pattern.done"),
        Binding("escape", "close", "Klaar (alles blijft bewaard)", priority=True,
                id="own-pattern.close"),
        Binding("ctrl+g", "discard", "Wijzigingen weggooien", priority=True,
                id="own-pattern.discard"),
    ]

    def __init__(
        self,
        session: Session,
        table_id: str,
        pattern_id: str,
        existing: OwnPattern | None = None,
        *,
        heading: str = "Eigen patroon",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.session = session
        self.table_id = table_id
        self.pattern_id = pattern_id
        self.existing = existing
        """The pattern as it was when the editor opened (``None``: a new one)."""
        self.heading = heading
        self.title_text = existing.title if existing else ""
        self.steps: list[str] = list(existing.steps) if existing else ["", "", ""]
        self._initial = (self.title_text, list(self.steps))
        self._last = self._initial  # what the session holds (or would hold, for a new one)
        self._written = False  # whether this editor wrote the pattern into the session
        try:
            self._table_pattern_before: str | None = session.table(table_id).pattern
        except KeyError:
            self._table_pattern_before = None
        self._done = False  # dismissed (or about to be): every later key does nothing
        self._busy = False  # closing or asking: waits for the keys already typed
        self._asking = False  # the discard question is open
        self._dismiss_result: OwnPattern | None = None
        self._dismiss_waiting = False
        self._last_field: PatternField | None = None
        self._quiet = False  # several fields change together (a move): one write after
        self._fields: list[StepInput] = [
            StepInput(text, index) for index, text in enumerate(self.steps)
        ]
        self.first_field = TitleInput(
            self.title_text, placeholder="Hoe noemen we dit patroon?", id="own-title"
        )
        """The title field; it has the cursor from the moment the dialog is pushed."""
        for field in (self.first_field, *self._fields):
            field.on_edit = self._edited

    # -- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="own-dialog"):
            yield Static(self.heading, id="own-heading", markup=False)
            with Horizontal(id="own-columns"):
                with _Form(id="own-form"):
                    yield Label("Titel", classes="field-label")
                    yield self.first_field
                    yield Label(
                        f"Stappen, in volgorde ({MIN_STEPS}-{MAX_STEPS})",
                        classes="field-label",
                    )
                    yield Vertical(*(self._row(f) for f in self._fields), id="own-steps")
                    yield self._button("Stap toevoegen", "own-add-step")
                yield LoopView(*self._drawn(), id="own-loop")
            with Horizontal(id="own-buttons"):
                yield self._button("Klaar", "own-done")
                yield self._button("Wijzigingen weggooien", "own-discard")
            yield Static(KEYS_SHOWN, id="own-keys")

    @staticmethod
    def _button(label: str, button_id: str) -> CompactButton:
        # Clicked, never focused: the cursor stays in a text field, where typing goes.
        button = CompactButton(label, id=button_id)
        button.can_focus = False
        return button

    @staticmethod
    def _row(field: StepInput) -> Horizontal:
        number = Label(f"{field.index + 1:>2}", classes="step-number")
        return Horizontal(number, field, classes="step-row")

    def all_fields(self) -> list[PatternField]:
        """The title and the steps, in tab order."""
        return [self.first_field, *self._fields]

    def on_mount(self) -> None:
        if self.focused is None:
            self.set_focus(self.first_field)
        self._redraw()

    def _drawn(self) -> tuple[str, list[str]]:
        title = self.title_text.strip() or "Eigen patroon"
        return title, [step.strip() or "…" for step in self.steps]

    def _redraw(self) -> None:
        if not self.is_mounted:
            return
        try:
            self.query_one("#own-loop", LoopView).set_pattern(*self._drawn())
            self.query_one("#own-add-step", CompactButton).disabled = (
                len(self._fields) >= MAX_STEPS
            )
        except NoMatches:
            pass

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

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, PatternField):
            self._last_field = event.widget

    def stray_key_field(self) -> Widget | None:
        """Where a letter typed while no field has the cursor goes: the last field used."""
        last = self._last_field
        if last is not None and last.is_attached and last in self.all_fields():
            return last
        return self.first_field

    def on_key(self, event: events.Key) -> None:
        # A letter that reaches the screen had no field to go to (a click beside the fields
        # took the cursor away): it goes into the last field used, never nowhere.
        if self._done or not event.is_printable or event.character is None:
            return
        if isinstance(self.focused, Input):
            return
        field = self.stray_key_field()
        if isinstance(field, Input):
            event.stop()
            event.prevent_default()
            self._focus(field)
            field.insert_text_at_cursor(event.character)

    # -- the draft in the session -----------------------------------------------------

    def _read(self) -> tuple[str, list[str]]:
        return self.first_field.value, [field.value for field in self._fields]

    def _edited(self) -> None:
        """A field changed: the session gets the pattern as the fields hold it now."""
        if self._quiet or self._done:
            return
        self.title_text, self.steps = self._read()
        self._redraw()
        self._write()

    def _write(self) -> None:
        state = (self.title_text, list(self.steps))
        if state == self._last:
            return
        if not MIN_STEPS <= len(state[1]) <= MAX_STEPS:
            return  # never: the editor keeps 2-12 rows
        try:
            if self.existing is not None:
                # model_copy keeps keys this program does not know (a newer tool, a hand edit).
                pattern = self.existing.model_copy(
                    update={"title": state[0], "steps": list(state[1])}
                )
            else:
                pattern = OwnPattern(id=self.pattern_id, title=state[0], steps=list(state[1]))
        except ValidationError:
            return  # an id the model refuses; the words stay in the fields
        self._last = state
        self._put(pattern)
        try:
            self.session.table(self.table_id).pattern = self.pattern_id
        except KeyError:
            pass
        self._written = True
        self.post_message(SessionChanged())

    def _put(self, pattern: OwnPattern) -> None:
        patterns = self.session.patterns
        for index, old in enumerate(patterns):
            if old.id == pattern.id:
                patterns[index] = pattern
                return
        patterns.append(pattern)

    def _in_session(self) -> OwnPattern | None:
        return next((p for p in self.session.patterns if p.id == self.pattern_id), None)

    async def _settle(self) -> None:
        """Let the keys already sent to the focused field be typed there first."""
        focused = self.focused
        if focused is None or not focused.is_running:
            return
        done = asyncio.Event()
        if not focused.call_later(done.set):
            return
        try:
            await asyncio.wait_for(done.wait(), SETTLE_SECONDS)
        except TimeoutError:
            pass

    # -- moving between fields --------------------------------------------------------

    def _focused_index(self) -> int | None:
        fields = self.all_fields()
        focused = self.focused
        return fields.index(focused) if focused in fields else None

    def action_next_field(self) -> None:
        if not self._idle():
            return
        fields = self.all_fields()
        at = self._focused_index()
        self._focus(fields[0 if at is None else (at + 1) % len(fields)])

    def action_previous_field(self) -> None:
        if not self._idle():
            return
        fields = self.all_fields()
        at = self._focused_index()
        self._focus(fields[-1 if at is None else (at - 1) % len(fields)])

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
        row = self._row(field)
        rows = [f.parent for f in self._fields]
        self._fields.insert(index, field)
        self._renumber()
        container = self.query_one("#own-steps", Vertical)
        if index < len(rows) and rows[index] is not None:
            await container.mount(row, before=rows[index])
        else:
            await container.mount(row)
        self._focus(field)
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
        field = self._fields.pop(at)
        field.on_edit = None
        self._renumber()
        # The cursor moves first, so the keys after f8 go to the step now in its place.
        self._focus(self._fields[min(at, len(self._fields) - 1)])
        self._edited()
        row = field.parent
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

    @on(CompactButton.Pressed, "#own-add-step")
    async def _add_pressed(self, event: CompactButton.Pressed) -> None:
        event.stop()
        if self._idle() and len(self._fields) < MAX_STEPS:
            await self._insert_step(len(self._fields))

    @on(CompactButton.Pressed, "#own-done")
    async def _done_pressed(self, event: CompactButton.Pressed) -> None:
        event.stop()
        await self.action_close()

    @on(CompactButton.Pressed, "#own-discard")
    async def _discard_pressed(self, event: CompactButton.Pressed) -> None:
        event.stop()
        await self.action_discard()

    # -- closing ----------------------------------------------------------------------

    def _idle(self) -> bool:
        return not (self._done or self._busy or self._asking)

    def _finish(self, result: OwnPattern | None) -> None:
        """Dismiss once; if another dialog is on top (the help), as soon as it is gone."""
        self._done = True
        self._dismiss_result = result
        if self.is_current:
            self.dismiss(result)
        else:
            self._dismiss_waiting = True

    def on_screen_resume(self) -> None:
        if self._dismiss_waiting and self.is_current:
            self._dismiss_waiting = False
            self.dismiss(self._dismiss_result)

    async def action_close(self) -> None:
        """Klaar: close, keeping everything (it is in the session already)."""
        if not self._idle():
            return
        self._busy = True  # a second escape or ctrl+o typed meanwhile does nothing
        await self._settle()
        self._edited()
        title, steps = self.title_text, self.steps
        if (
            self.existing is None
            and self._written
            and not title.strip()
            and not any(step.strip() for step in steps)
        ):
            # A new pattern emptied again holds no word: it leaves the session.
            self._discard()
        elif self._written:
            # The empty rows at the end (enter after the last step makes one) hold no word;
            # they go, down to the model's minimum. Empty rows between steps stay.
            kept = list(steps)
            while len(kept) > MIN_STEPS and not kept[-1].strip():
                kept.pop()
            if kept != steps:
                self.steps = steps = kept
                self._write()
        pattern = self._in_session()
        if pattern is not None:
            missing = []
            if not title.strip():
                missing.append("een titel")
            if sum(1 for step in steps if step.strip()) < MIN_STEPS:
                missing.append(f"minstens {MIN_STEPS} ingevulde stappen")
            if missing:
                self.notify(
                    f"Bewaard, maar nog niet af: het patroon mist {' en '.join(missing)}.",
                    title="Eigen patroon",
                )
        self._finish(pattern)

    def _has_changes(self) -> bool:
        if not self._written:
            return False
        if self.existing is None:
            return self._in_session() is not None
        return self._read() != self._initial

    async def action_discard(self) -> None:
        """Throw the changes away, after a question that keeps them by default."""
        if not self._idle():
            return
        self._busy = True
        await self._settle()
        self._edited()
        if not self._has_changes():
            # Nothing to throw away: the editor just closes.
            if self._written:
                self._discard()  # the texts are as they were; put back the rest too
            self._finish(self._in_session())
            return
        self._asking = True
        self._busy = False
        confirm = ConfirmScreen("Wijzigingen in dit patroon weggooien?")
        await self.app.push_screen(confirm, self._discard_answered)
        try:
            # The safe answer has the cursor: a reflex enter keeps everything.
            no = confirm.query_one("#confirm-no")
            if confirm.focused is not no:
                confirm.set_focus(no)
        except NoMatches:
            pass

    def _discard_answered(self, discard: bool | None) -> None:
        self._asking = False
        if not discard or self._done:
            return
        self._discard()
        self._finish(self._in_session())

    def _discard(self) -> None:
        """The session as it was when the editor opened (a new pattern leaves it)."""
        if self.existing is None:
            self.session.patterns[:] = [
                p for p in self.session.patterns if p.id != self.pattern_id
            ]
        else:
            self._put(self.existing)
        if self._table_pattern_before is not None:
            try:
                self.session.table(self.table_id).pattern = self._table_pattern_before
            except KeyError:
                pass
        self._last = self._initial
        self._written = False
        self.post_message(SessionChanged())
