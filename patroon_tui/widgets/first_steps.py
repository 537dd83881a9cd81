"""The first-steps screen's body: agreed first steps (what, by whom), gathered from the tables.

``FirstStepsPanel`` lists the agreed first steps as fields (text and owner): add, edit,
remove (after a question), reorder. Below or beside them, each table's answer to the
question about a first step is offered as a suggestion; taking one over makes it an agreed
step with the text filled in and the table recorded, and puts the cursor on its owner.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from patroon_tui.core.deck import Deck
from patroon_tui.core.session import FirstStep, Session
from patroon_tui.messages import SessionChanged
from patroon_tui.screens.confirm import ConfirmScreen
from patroon_tui.widgets.fields import RecordInput
from patroon_tui.widgets.principles import shorten
from patroon_tui.widgets.recording import RecordingBody

#: The question whose answers are the suggestions (a contract id).
FIRST_STEP_QUESTION = "eerste-stap"

#: From this width the suggestions stand beside the agreed steps.
WIDE = 110


class StepText(RecordInput):
    """What will be done; ``index`` is the step's place in ``session.first_steps``."""

    def __init__(self, value: str, index: int) -> None:
        super().__init__(value, placeholder="Wat gaan we doen?", classes="step-text", compact=True)
        self.index = index


class StepOwner(RecordInput):
    """Who does it."""

    def __init__(self, value: str, index: int) -> None:
        super().__init__(value, placeholder="Wie?", classes="step-owner", compact=True)
        self.index = index


class FirstStepsPanel(RecordingBody):
    """Agree on first steps, each with an owner; suggestions come from the tables."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

    BINDINGS = [
        Binding("ctrl+n", "add", "Nieuwe stap", id="first-steps.add"),
        Binding("ctrl+t", "adopt", "Voorstel overnemen", id="first-steps.adopt"),
        Binding("f8", "remove", "Stap verwijderen", id="first-steps.remove"),
        Binding("alt+up", "move(-1)", "Omhoog", id="first-steps.move-up"),
        Binding("alt+down", "move(1)", "Omlaag", id="first-steps.move-down"),
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

    # -- public API -------------------------------------------------------------------

    def focus_first(self) -> None:
        """Cursor in the first step's text (an empty one is ready when there are none)."""
        if not self.when_ready(self.focus_first):
            return
        fields = self.query(StepText)
        if fields:
            fields.first().focus()

    def refresh_from_session(self) -> None:
        """Reload the steps and the suggestions from the session."""
        if not self.when_ready(self.refresh_from_session):
            return
        self._fill_suggestions()
        self.run_worker(self._rebuild(None), exclusive=True, group="first-steps-rebuild")

    # -- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="first-steps-columns"):
            with VerticalScroll(id="first-steps-agreed"):
                yield Static("Afgesproken eerste stappen", classes="section-title")
                yield Vertical(*self._rows(), id="first-steps-list")
            with Vertical(id="first-steps-suggestions"):
                yield Static("Voorstellen van de tafels", classes="section-title")
                yield OptionList(id="suggestions", compact=True)
                yield Static("Enter of ctrl+t neemt een voorstel over.", classes="hint")

    def on_mount(self) -> None:
        self._fill_suggestions()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")

    def _table_names(self) -> dict[str, str]:
        return {t.id: t.name.strip() or t.id for t in self.session.tables}

    def _rows(self) -> list[Horizontal]:
        steps = self.session.first_steps or [FirstStep(text="")]
        names = self._table_names()
        rows = []
        for n, step in enumerate(steps, start=1):
            source = names.get(step.table, step.table) if step.table else ""
            rows.append(
                Horizontal(
                    Label(f"{n}.", classes="number"),
                    Vertical(
                        StepText(step.text, n - 1),
                        Horizontal(
                            Label("door", classes="owner-label"),
                            StepOwner(step.owner, n - 1),
                            Label(f"({source})" if source else "", classes="source"),
                            classes="owner-row",
                        ),
                        classes="step-fields",
                    ),
                    classes="row",
                )
            )
        return rows

    async def _rebuild(self, focus: tuple[int, type[RecordInput]] | None) -> None:
        container = self.query_one("#first-steps-list", Vertical)
        await container.remove_children()
        await container.mount_all(self._rows())
        if focus is not None:
            index, kind = focus
            fields = list(self.query(kind))
            fields[max(0, min(index, len(fields) - 1))].focus()

    def _suggestions(self) -> list[tuple[str, str]]:
        """(table id, answer) for each table that answered the first-step question."""
        return [
            (table.id, table.answers[FIRST_STEP_QUESTION])
            for table in self.session.tables
            if table.answers.get(FIRST_STEP_QUESTION, "").strip()
        ]

    def _fill_suggestions(self) -> None:
        option_list = self.query_one("#suggestions", OptionList)
        names = self._table_names()
        taken = {(s.table, s.text) for s in self.session.first_steps}
        options = []
        for table_id, answer in self._suggestions():
            prompt = Text()
            prompt.append("✓ " if (table_id, answer) in taken else "• ")
            prompt.append(names.get(table_id, table_id), style="bold")
            prompt.append(f": {answer.strip()}")
            options.append(Option(prompt, id=table_id))
        highlighted = option_list.highlighted
        option_list.set_options(options)
        if not options:
            empty = Text("Nog geen tafel noemde een eerste stap.", style="dim")
            option_list.add_option(Option(empty, disabled=True))
        else:
            option_list.highlighted = min(highlighted or 0, len(options) - 1)

    def _changed(self) -> None:
        self.post_message(SessionChanged())

    def _focused_index(self) -> int | None:
        focused = self.screen.focused
        if isinstance(focused, (StepText, StepOwner)):
            return focused.index
        return None

    # -- typing -----------------------------------------------------------------------

    @on(Input.Changed, ".step-text, .step-owner")
    def _field_changed(self, event: Input.Changed) -> None:
        field = event.input
        assert isinstance(field, (StepText, StepOwner))
        steps = self.session.first_steps
        value = field.model_value()
        attribute = "text" if isinstance(field, StepText) else "owner"
        if field.index < len(steps):
            if getattr(steps[field.index], attribute) != value:
                setattr(steps[field.index], attribute, value)
                self._changed()
                if attribute == "text":
                    self._fill_suggestions()
        elif value and field.index == len(steps):
            # The ready row of an empty list becomes a step once something is typed.
            steps.append(FirstStep(**{"text": "", attribute: value}))
            self._changed()

    @on(Input.Submitted, ".step-text")
    def _text_done(self, event: Input.Submitted) -> None:
        field = event.input
        assert isinstance(field, StepText)
        owners = list(self.query(StepOwner))
        if field.index < len(owners):
            owners[field.index].focus()

    @on(Input.Submitted, ".step-owner")
    async def _owner_done(self, event: Input.Submitted) -> None:
        field = event.input
        assert isinstance(field, StepOwner)
        texts = list(self.query(StepText))
        if field.index + 1 < len(texts):
            texts[field.index + 1].focus()

    @on(OptionList.OptionSelected, "#suggestions")
    async def _suggestion_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            await self._adopt(event.option.id)

    # -- actions ----------------------------------------------------------------------

    async def _adopt(self, table_id: str) -> None:
        try:
            table = self.session.table(table_id)
        except KeyError:
            return
        text = table.answers.get(FIRST_STEP_QUESTION, "")
        steps = self.session.first_steps
        steps.append(FirstStep(text=text, owner="", table=table_id))
        self._changed()
        self._fill_suggestions()
        await self._rebuild((len(steps) - 1, StepOwner))

    async def action_adopt(self) -> None:
        option = self.query_one("#suggestions", OptionList).highlighted_option
        if option is None or option.id is None:
            self.notify("Kies eerst een voorstel in de lijst van de tafels.")
            return
        await self._adopt(option.id)

    async def action_add(self) -> None:
        at = self._focused_index()
        steps = self.session.first_steps
        index = len(steps) if at is None else min(at + 1, len(steps))
        steps.insert(index, FirstStep(text=""))
        self._changed()
        await self._rebuild((index, StepText))

    def action_remove(self) -> None:
        at = self._focused_index()
        steps = self.session.first_steps
        if at is None or at >= len(steps):
            return
        step = steps[at]

        async def answer(remove: bool | None) -> None:
            if remove and at < len(steps) and steps[at] is step:
                del steps[at]
                self._changed()
                self._fill_suggestions()
                await self._rebuild((at, StepText))

        if not step.text.strip() and not step.owner.strip():
            self.run_worker(answer(True))
            return
        self.app.push_screen(
            ConfirmScreen(f"Eerste stap {at + 1} verwijderen? “{shorten(step.text)}”"), answer
        )

    async def action_move(self, delta: int) -> None:
        at = self._focused_index()
        steps = self.session.first_steps
        if at is None or at >= len(steps):
            return
        target = at + delta
        if not 0 <= target < len(steps):
            return
        steps[at], steps[target] = steps[target], steps[at]
        self._changed()
        kind = type(self.screen.focused)
        await self._rebuild((target, kind if kind in (StepText, StepOwner) else StepText))

