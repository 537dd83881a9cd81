"""The own-pattern editor: a table writes down its own loop, step by step.

``OwnPatternScreen(pattern_id, existing)`` is a dialog with a title and 2-12 steps (add,
edit, move up/down, remove) and the loop drawn beside them, redrawn as you type. It
dismisses with the new ``OwnPattern`` (the caller stores it in the session) or ``None``
when the facilitator cancels; escape asks before throwing changes away.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from patroon_tui.core.deck import MAX_STEPS, MIN_STEPS
from patroon_tui.core.session import OwnPattern
from patroon_tui.screens.confirm import ConfirmScreen
from patroon_tui.widgets.fields import KeysInOrder
from patroon_tui.widgets.loop_view import LoopView


class StepInput(KeysInOrder, Input):
    """The text of one step; knows its place in the cycle."""

    def __init__(self, value: str, index: int) -> None:
        super().__init__(value, placeholder="Wat gebeurt er dan?", classes="step-input")
        self.index = index


class TitleInput(KeysInOrder, Input):
    """The pattern's title."""


class OwnPatternScreen(ModalScreen[OwnPattern | None]):
    """Write or edit a table's own pattern; the loop redraws as you type."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    # Saving is ctrl+o, the key that opened the editor: the app's ctrl+s (save the session)
    # is a priority binding and would never reach this dialog.
    BINDINGS = [
        Binding("ctrl+o", "save", "Patroon opslaan", id="own-pattern.save"),
        Binding("escape", "cancel", "Annuleren", id="own-pattern.cancel"),
        Binding("ctrl+n", "add_step", "Stap toevoegen", id="own-pattern.add-step"),
        Binding("f8", "remove_step", "Stap verwijderen", id="own-pattern.remove-step"),
        Binding("alt+up", "move_step(-1)", "Stap omhoog", id="own-pattern.step-up"),
        Binding("alt+down", "move_step(1)", "Stap omlaag", id="own-pattern.step-down"),
        # Enter and tab move the cursor before the next key is read (priority bindings), so
        # a step typed right after enter lands in its own field, not behind the previous one.
        Binding("enter", "next_field", "Volgend veld", show=False, priority=True,
                id="own-pattern.next"),
        Binding("tab", "focus_next", "Volgend veld", show=False, priority=True,
                id="own-pattern.tab"),
        Binding("shift+tab", "focus_previous", "Vorig veld", show=False, priority=True,
                id="own-pattern.shift-tab"),
    ]

    def __init__(
        self,
        pattern_id: str,
        existing: OwnPattern | None = None,
        *,
        heading: str = "Eigen patroon",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.pattern_id = pattern_id
        self.existing = existing
        self.heading = heading
        self.title_text = existing.title if existing else ""
        self.steps: list[str] = list(existing.steps) if existing else ["", "", ""]
        self._initial = (self.title_text, list(self.steps))
        self.first_field = TitleInput(
            self.title_text, placeholder="Hoe noemen we dit patroon?", id="own-title"
        )
        """The title field; it has the cursor from the moment the dialog is pushed."""

    # -- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="own-dialog"):
            yield Static(self.heading, id="own-heading")
            with Horizontal(id="own-columns"):
                with VerticalScroll(id="own-form"):
                    yield Label("Titel", classes="field-label")
                    yield self.first_field
                    yield Label(
                        f"Stappen, in de volgorde van de cirkel ({MIN_STEPS}-{MAX_STEPS})",
                        classes="field-label",
                    )
                    yield Vertical(*self._step_rows(), id="own-steps")
                    yield Button("Stap toevoegen", id="own-add-step")
                yield LoopView(*self._drawn(), id="own-loop")
            with Horizontal(id="own-buttons"):
                yield Button("Opslaan", variant="primary", id="own-save")
                yield Button("Annuleren", id="own-cancel")

    def _step_rows(self) -> list[Horizontal]:
        return [self._step_row(text, index) for index, text in enumerate(self.steps)]

    @staticmethod
    def _step_row(text: str, index: int) -> Horizontal:
        number = Label(f"{index + 1:>2}", classes="step-number")
        return Horizontal(number, StepInput(text, index), classes="step-row")

    def on_mount(self) -> None:
        if self.focused is None:
            self.set_focus(self.first_field)

    def _drawn(self) -> tuple[str, list[str]]:
        title = self.title_text.strip() or "Eigen patroon"
        return title, [step.strip() or "…" for step in self.steps]

    def _redraw(self) -> None:
        self.query_one("#own-loop", LoopView).set_pattern(*self._drawn())
        self.query_one("#own-add-step", Button).disabled = len(self.steps) >= MAX_STEPS

    def _renumber(self, focus_index: int | None = None) -> None:
        """Number the rows again after one was added or removed; the loop follows."""
        inputs = list(self.query(StepInput))
        for index, (row, field) in enumerate(zip(self.query(".step-row"), inputs)):
            row.query_one(".step-number", Label).update(f"{index + 1:>2}")
            field.index = index
        self._redraw()
        if focus_index is not None and inputs:
            self.set_focus(inputs[max(0, min(focus_index, len(inputs) - 1))])

    async def _insert_step(self, index: int) -> None:
        self.steps.insert(index, "")
        container = self.query_one("#own-steps", Vertical)
        rows = list(container.children)
        row = self._step_row("", index)
        if index < len(rows):
            await container.mount(row, before=rows[index])
        else:
            await container.mount(row)
        self._renumber(index)

    def _focused_step(self) -> int | None:
        focused = self.focused
        return focused.index if isinstance(focused, StepInput) else None

    # -- typing -----------------------------------------------------------------------

    @on(Input.Changed, "#own-title")
    def _title_changed(self, event: Input.Changed) -> None:
        self.title_text = event.input.value
        self._redraw()

    @on(Input.Changed, ".step-input")
    def _step_changed(self, event: Input.Changed) -> None:
        step = event.input
        assert isinstance(step, StepInput)
        if step.index < len(self.steps):
            self.steps[step.index] = step.value
            self._redraw()

    async def action_next_field(self) -> None:
        # Enter moves on: from the title to the first step, from a step to the next one,
        # adding one after the last (as on paper). On a button, enter presses it.
        focused = self.focused
        if focused is self.first_field:
            self.set_focus(self.query(StepInput).first())
        elif isinstance(focused, StepInput):
            inputs = list(self.query(StepInput))
            if focused.index + 1 < len(inputs):
                self.set_focus(inputs[focused.index + 1])
            elif len(self.steps) < MAX_STEPS:
                await self.action_add_step()
            else:
                self.set_focus(self.query_one("#own-save", Button))
        else:
            raise SkipAction()

    # -- actions ----------------------------------------------------------------------

    async def action_add_step(self) -> None:
        if len(self.steps) >= MAX_STEPS:
            self.notify(f"Een patroon heeft hoogstens {MAX_STEPS} stappen.")
            return
        at = self._focused_step()
        await self._insert_step(len(self.steps) if at is None else at + 1)

    async def action_remove_step(self) -> None:
        at = self._focused_step()
        if at is None:
            self.notify("Zet de cursor in de stap die weg moet.")
            return
        if len(self.steps) <= MIN_STEPS:
            self.notify(f"Een patroon heeft minstens {MIN_STEPS} stappen.")
            return
        del self.steps[at]
        await list(self.query(".step-row"))[at].remove()
        self._renumber(at)

    def action_move_step(self, delta: int) -> None:
        at = self._focused_step()
        if at is None:
            return
        target = at + delta
        if not 0 <= target < len(self.steps):
            return
        self.steps[at], self.steps[target] = self.steps[target], self.steps[at]
        inputs = list(self.query(StepInput))
        # Swap the texts, not the rows: nothing is mounted again.
        inputs[at].value, inputs[target].value = self.steps[at], self.steps[target]
        self._renumber(target)

    @on(Button.Pressed, "#own-add-step")
    async def _add_pressed(self) -> None:
        if len(self.steps) < MAX_STEPS:
            await self._insert_step(len(self.steps))

    @on(Button.Pressed, "#own-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#own-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def _read_fields(self) -> None:
        # The fields hold every key typed so far; their change messages may still be on
        # their way when a fast ctrl+o arrives, so read the fields themselves.
        self.title_text = self.first_field.value
        self.steps = [field.value for field in self.query(StepInput)]

    def action_save(self) -> None:
        self._read_fields()
        if not self.title_text.strip():
            self.notify("Geef het patroon eerst een titel.", severity="warning")
            self.query_one("#own-title", Input).focus()
            return
        steps = [step for step in self.steps if step.strip()]
        if len(steps) < MIN_STEPS:
            self.notify(f"Een patroon heeft minstens {MIN_STEPS} stappen.", severity="warning")
            return
        if self.existing is not None:
            # model_copy keeps keys this program does not know (a newer tool's, a hand edit).
            pattern = self.existing.model_copy(update={"title": self.title_text, "steps": steps})
        else:
            pattern = OwnPattern(id=self.pattern_id, title=self.title_text, steps=steps)
        self.dismiss(pattern)

    def action_cancel(self) -> None:
        self._read_fields()
        if (self.title_text, self.steps) == self._initial:
            self.dismiss(None)
            return

        def answer(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Wijzigingen in dit patroon weggooien?"), answer)
