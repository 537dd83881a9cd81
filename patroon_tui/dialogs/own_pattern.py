"""The own-pattern editor: a table writes down its own loop, step by step.

``OwnPatternScreen(session, table_id, pattern_id, existing)`` is a dialog with a title and
2-12 steps (add, edit, move up/down, remove) and the loop drawn beside them, redrawn as you
type. Its fields are in ``widgets.pattern_fields``, the moves between them and the step
operations in ``dialogs.own_pattern_steps``, starting from a deck pattern (ctrl+t) or an
earlier session's (ctrl+l) in ``dialogs.own_pattern_start``, the draft's bookkeeping in
``core.model.pattern_draft``; this module holds the keys, the building and closing.

The draft is part of the session from its first keystroke: every change of the title or a
step writes the pattern into ``session.patterns`` (every row, empty ones too), makes it the
table's pattern and posts ``SessionChanged``, so the app saves it like any other text.
Quitting, a closed terminal or a crash keep it.

- Ctrl+O ("Klaar") and escape close the editor and keep what was typed, also an unfinished
  pattern (a short note says what is still missing).
- Tab goes round the steps (from the title to the first step, from the last step back to
  the first: never into the title, so an answer typed after one Tab too many stays a step);
  the title is reached with Shift+Tab from the first step or with Ctrl+R (as a table's name).
- No key of the screen under the editor works here, and none reaches it: Ctrl+G (the timer
  on the tables screen) does nothing, so what is typed after it stays in the editor.
- The button "Wijzigingen weggooien" throws the changes away, after a question whose safe
  answer ("Nee") has the cursor and which any typed letter answers "Nee": the pattern and
  the table's choice are put back as they were when the editor opened (a new pattern
  leaves the session again). No key does this: nothing typed is thrown away by a key.

The dialog dismisses once, with the ``OwnPattern`` as it stands in the session, or ``None``
when there is none (nothing was typed in a new pattern, or it was thrown away).
"""

from __future__ import annotations

from pathlib import Path

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from patroon_tui import keyboard
from patroon_tui.core.model.deck import MAX_STEPS, MIN_STEPS, Deck
from patroon_tui.core.model.pattern_draft import PatternDraft, unfinished_note, without_empty_tail
from patroon_tui.core.model.session import OwnPattern, Session
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.dialogs.own_pattern_start import ReadFolder, StartingPoints
from patroon_tui.messages import SessionChanged
from patroon_tui.widgets.compact_button import CompactButton
from patroon_tui.widgets.loop_view import LoopView
from patroon_tui.widgets.pattern_fields import (
    PatternField,
    PatternForm,
    StepInput,
    TitleInput,
    step_row,
)

__all__ = ["KEYS_SHOWN", "OwnPatternScreen", "PatternField", "StepInput", "TitleInput"]

#: The keys shown at the bottom of the dialog (all of them; the help has the same list).
KEYS_SHOWN = (
    "[b]Tab[/b]/[b]Enter[/b] volgende stap · [b]Ctrl+R[/b] titel · "
    "[b]Ctrl+N[/b] stap toevoegen · [b]F8[/b] stap verwijderen · "
    "[b]Alt+↑/↓[/b] stap verplaatsen · [b]Ctrl+T[/b] variant van een patroon · "
    "[b]Ctrl+L[/b] uit een eerdere sessie · [b]Ctrl+O[/b]/[b]Esc[/b] klaar"
)

#: How long closing waits for keys already sent to a field before it reads the fields.
SETTLE_SECONDS = 1.0


class OwnPatternScreen(StartingPoints):
    """Write or edit a table's own pattern; it is in the session from the first key."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#own-title"

    # All priority bindings: each runs in the key's own turn, before the next key is read,
    # so a word typed right after tab, enter or ctrl+n lands in the field that got the
    # cursor. No key here is one the fields use for editing (see Textual's Input.BINDINGS).
    BINDINGS = [
        Binding("tab", "next_field", "Volgende stap (nooit naar de titel)", show=False,
                priority=True, id="own-pattern.tab"),
        Binding("shift+tab", "previous_field", "Vorig veld (van de eerste stap: de titel)",
                show=False, priority=True, id="own-pattern.shift-tab"),
        Binding("ctrl+r", "title", "Naar de titel", show=False, priority=True,
                id="own-pattern.title"),
        Binding("enter", "enter", "Volgend veld (na de laatste stap: een stap erbij)",
                show=False, priority=True, id="own-pattern.next"),
        Binding("ctrl+n", "add_step", "Stap toevoegen", priority=True,
                id="own-pattern.add-step"),
        Binding("f8", "remove_step", "Stap verwijderen", priority=True,
                id="own-pattern.remove-step"),
        Binding("alt+up", "move_step(-1)", "Stap omhoog", priority=True,
                id="own-pattern.step-up"),
        Binding("alt+down", "move_step(1)", "Stap omlaag",
                priority=True, id="own-pattern.step-down"),
        Binding("ctrl+t", "variant", "Variant van een patroon uit het programma",
                priority=True, id="own-pattern.variant"),
        Binding("ctrl+l", "earlier", "Een eigen patroon uit een eerdere sessie",
                priority=True, id="own-pattern.earlier"),
        Binding("ctrl+o", "close", "Klaar (alles blijft bewaard)", priority=True,
                id="own-pattern.done"),
        Binding("escape", "close", "Klaar (alles blijft bewaard)", priority=True,
                id="own-pattern.close"),
    ]

    def __init__(
        self,
        session: Session,
        table_id: str,
        pattern_id: str,
        existing: OwnPattern | None = None,
        *,
        heading: str = "Eigen patroon",
        deck: Deck | None = None,
        read_folder: ReadFolder | None = None,
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
        self.deck = deck
        """The programme, whose patterns a variant starts from (``None``: none offered)."""
        self.read_folder = read_folder
        """Reads the sessions of the folder, for their own patterns (``None``: none offered)."""
        self.draft = PatternDraft(session, table_id, pattern_id, existing)
        """The pattern in the session, as typed."""
        self.title_text, initial_steps = self.draft.initial
        self.steps: list[str] = list(initial_steps)
        self._done = False  # dismissed (or about to be): every later key does nothing
        self._busy = False  # closing or asking: waits for the keys already typed
        self._asking = False  # the discard question is open
        self._dismiss_result: OwnPattern | None = None
        self._dismiss_waiting = False
        self._last_field: PatternField | None = None
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
                with PatternForm(id="own-form"):
                    yield Label("Titel", classes="field-label")
                    yield self.first_field
                    yield Label(
                        f"Stappen, in volgorde ({MIN_STEPS}-{MAX_STEPS})",
                        classes="field-label",
                    )
                    yield Vertical(*(step_row(f) for f in self._fields), id="own-steps")
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

    def on_mount(self) -> None:
        if self.focused is None:
            self.set_focus(self.first_field)
        self._show_origin()
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
        if self.draft.write(self.title_text, self.steps):
            self.post_message(SessionChanged())

    async def _settle(self) -> None:
        """Let the keys already sent to the focused field be typed there first."""
        if self.focused is not None:
            await keyboard.drained(self.focused, SETTLE_SECONDS)

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
        if self.draft.is_empty_new(title, steps):
            # A new pattern emptied again holds no word: it leaves the session.
            self._discard()
        elif self.draft.written:
            # The empty rows at the end (enter after the last step makes one) hold no word.
            kept = without_empty_tail(steps)
            if kept != steps:
                self.steps = steps = kept
                self._write()
        pattern = self.draft.in_session()
        note = unfinished_note(title, steps) if pattern is not None else None
        if note is not None:
            self.notify(note, title="Eigen patroon")
        self._finish(pattern)

    async def action_discard(self) -> None:
        """Throw the changes away, after a question that keeps them by default."""
        if not self._idle():
            return
        self._busy = True
        await self._settle()
        self._edited()
        if not self.draft.has_changes(self._read()):
            # Nothing to throw away: the editor just closes.
            if self.draft.written:
                self._discard()  # the texts are as they were; put back the rest too
            self._finish(self.draft.in_session())
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

    async def _ask_remove_step(self, field: StepInput) -> None:
        self._asking = True
        number = self._fields.index(field) + 1
        words = " ".join(field.value.split())
        shown = words if len(words) <= 40 else words[:39] + "…"
        confirm = ConfirmScreen(f"Stap {number} (‘{shown}’) verwijderen?")

        def answered(remove: bool | None) -> None:
            self._asking = False
            if remove and not self._done and field in self._fields:
                self.call_later(self.remove_step_at, self._fields.index(field))

        await self.app.push_screen(confirm, answered)

    def _discard_answered(self, discard: bool | None) -> None:
        self._asking = False
        if not discard or self._done:
            return
        self._discard()
        self._finish(self.draft.in_session())

    def _discard(self) -> None:
        """The session as it was when the editor opened (a new pattern leaves it)."""
        self.draft.discard()
        self.post_message(SessionChanged())
