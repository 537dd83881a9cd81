"""The first-steps screen's body: agreed first steps (what, by whom), gathered from the tables.

``FirstStepsPanel`` lists the agreed first steps as fields (text and owner): add, edit,
remove (after a question), reorder (``EditableList``). Below or beside them, each table's
answer to the question about a first step is offered as a suggestion; taking one over makes
it an agreed step with the text filled in and the table recorded, and puts the cursor on
its owner. Each step can be tied to the loop it should break: ctrl+o the pattern (the
tables' choices first), ctrl+↓/ctrl+↑ the arrow, ctrl+l the triangle layer; the line under
the step (``StepTie``) shows the tie, the arrow with the two steps it joins.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from patroon_tui.core.model.recording import FIRST_STEP_QUESTION, first_step_suggestions
from patroon_tui.core.model.session import FirstStep
from patroon_tui.core.model.step_ties import next_arrow, next_layer, next_pattern
from patroon_tui.widgets.editable_list import EditableList, ListField, shorten
from patroon_tui.widgets.fields import FieldScroll
from patroon_tui.widgets.step_tie import StepTie

__all__ = ["FIRST_STEP_QUESTION", "FirstStepsPanel", "StepOwner", "StepText"]

#: From this width the suggestions stand beside the agreed steps.
WIDE = 110
#: A suggestion in the list is a table's answer up to this many characters (taking it
#: over takes the whole answer): a few lines each, so several fit in the list, and the
#: list measures hundreds of them in milliseconds, not tenths of a second.
SUGGESTION_CHARACTERS = 200


class StepText(ListField):
    """What will be done; ``index`` is the step's place in ``session.first_steps``."""

    def __init__(self, value: str, index: int) -> None:
        super().__init__(value, index, placeholder="Wat gaan we doen?", classes="step-text")


class StepOwner(ListField):
    """Who does it."""

    attribute = "owner"

    def __init__(self, value: str, index: int) -> None:
        super().__init__(value, index, placeholder="Wie?", classes="step-owner")


class FirstStepsPanel(EditableList):
    """Agree on first steps, each with an owner; suggestions come from the tables."""

    DEFAULT_CSS = """
    FirstStepsPanel {
        height: 1fr;
        width: 1fr;
    }

    FirstStepsPanel #first-steps-columns {
        layout: vertical;
        height: 1fr;
    }

    FirstStepsPanel.-wide #first-steps-columns {
        layout: horizontal;
    }

    FirstStepsPanel #first-steps-agreed {
        height: 2fr;
        padding: 0 1;
    }

    FirstStepsPanel #first-steps-suggestions {
        height: 1fr;
        padding: 0 1;
        border-top: hkey $panel;
    }

    FirstStepsPanel.-wide #first-steps-agreed {
        width: 3fr;
        height: 1fr;
    }

    FirstStepsPanel.-wide #first-steps-suggestions {
        width: 2fr;
        height: 1fr;
        border-top: none;
        border-left: vkey $panel;
    }

    FirstStepsPanel .section-title {
        text-style: bold;
        color: $accent;
        margin-bottom: 1;
    }

    FirstStepsPanel #first-steps-list {
        height: auto;
    }

    FirstStepsPanel .row {
        height: auto;
        margin-bottom: 1;
    }

    FirstStepsPanel .number {
        width: 4;
    }

    FirstStepsPanel .step-fields {
        height: auto;
        width: 1fr;
    }

    FirstStepsPanel .step-text {
        width: 1fr;
    }

    FirstStepsPanel .owner-row {
        height: auto;
    }

    FirstStepsPanel .owner-label {
        width: 5;
        color: $text-muted;
    }

    FirstStepsPanel .step-owner {
        width: 24;
    }

    FirstStepsPanel .source {
        margin-left: 2;
        color: $text-muted;
    }

    FirstStepsPanel #suggestions {
        height: 1fr;
    }

    FirstStepsPanel .hint {
        color: $text-muted;
    }

    /* Fields look like fields, also on a terminal with few colours. */
    FirstStepsPanel .list-field {
        background: $boost;
    }

    FirstStepsPanel .list-field:focus {
        background: $primary 25%;
    }
    """

    BINDINGS = [
        Binding("ctrl+n", "add", "Nieuwe stap", id="first-steps.add", priority=True),
        # The step's tie to a loop: chords, as on the tables screen (ctrl+l the layer);
        # ctrl+↓/ctrl+↑ go along the loop's arrows as they mark its steps on a pattern.
        # Ctrl+o before the rest: at 80 columns the footer has room for three keys.
        Binding("ctrl+o", "tie_pattern", "Patroon", id="first-steps.pattern", priority=True,
                tooltip="Welk patroon deze stap doorbreekt (telkens het volgende)"),
        Binding("ctrl+t", "adopt", "Voorstellen / overnemen", id="first-steps.adopt",
                priority=True),
        Binding("f8", "remove", "Stap verwijderen", id="first-steps.remove", priority=True,
                tooltip="Stap naar de prullenbak (Ctrl+P zet terug)"),
        Binding("ctrl+down", "tie_arrow(1)", "Volgende pijl van het patroon",
                id="first-steps.arrow-next", priority=True, show=False),
        Binding("ctrl+up", "tie_arrow(-1)", "Vorige pijl van het patroon",
                id="first-steps.arrow-previous", priority=True, show=False),
        Binding("ctrl+l", "tie_layer", "Laag van de driehoek", id="first-steps.layer",
                priority=True, show=False),
        *EditableList.move_bindings("first-steps"),
    ]

    FIRST_FIELD = StepText
    LIST_ID = "first-steps-list"
    TRASH_KIND = "first_steps"

    _suggestions_shown: list[tuple[str, str]] | None = None
    """The suggestions in the list now (table and text), to leave an unchanged list be."""

    # -- the list ---------------------------------------------------------------------

    def items(self) -> list[FirstStep]:
        return self.session.first_steps

    def new_item(self, **values: str) -> FirstStep:
        return FirstStep(text=values.get("text", ""), owner=values.get("owner", ""))

    def rows(self) -> list[Widget]:
        steps = self.session.first_steps or [FirstStep(text="")]
        names = self._table_names()
        rows: list[Widget] = []
        for n, step in enumerate(steps, start=1):
            # A step carried into a follow-up keeps its table's name, not its id.
            source = names.get(step.table, step.table) if step.table else (step.table_name or "")
            rows.append(
                Horizontal(
                    Label(f"{n}.", classes="number"),
                    Vertical(
                        StepText(step.text, n - 1),
                        Horizontal(
                            Label("door", classes="owner-label"),
                            StepOwner(step.owner, n - 1),
                            # A table's name is typed text: "[B]" in it is not markup.
                            Label(f"({source})" if source else "", classes="source",
                                  markup=False),
                            classes="owner-row",
                        ),
                        self._tie(step, n - 1),
                        classes="step-fields",
                    ),
                    classes="row",
                )
            )
        return rows

    def removal_question(self, index: int, item: FirstStep) -> str | None:
        if not item.text.strip() and not item.owner.strip():
            return None
        return f"Eerste stap {index + 1} verwijderen? “{shorten(item.text)}”"

    async def submitted(self, field: ListField) -> None:
        # Enter: from what to who (same step), from who to the next step's what.
        if isinstance(field, StepText):
            owners = self.fields_of(StepOwner)
            if field.index < len(owners):
                self.focus_now(owners[field.index])
        else:
            texts = self.fields_of(StepText)
            if field.index + 1 < len(texts):
                self.focus_now(texts[field.index + 1])
            elif field.value.strip() or texts[field.index].value.strip():
                await self.action_add()  # after the last owner: a new first step

    def edited(self, field: ListField) -> None:
        if isinstance(field, StepText):
            self._fill_suggestions()  # the tick on a suggestion follows the text

    def list_changed(self) -> None:
        self._fill_suggestions()

    # -- public API -------------------------------------------------------------------

    def refresh_from_session(self) -> None:
        """Reload the steps, their ties and the suggestions from the session."""
        if self.when_ready(self._fill_suggestions):
            self._fill_suggestions()
            self._show_ties()
        super().refresh_from_session()

    # -- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="first-steps-columns"):
            with FieldScroll(id="first-steps-agreed"):
                yield Static("Afgesproken eerste stappen", classes="section-title")
                yield self.list_container()
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

    def _fill_suggestions(self) -> None:
        option_list = self.query_one("#suggestions", OptionList)
        names = self._table_names()
        taken = {(s.table, s.text) for s in self.session.first_steps}
        options = []
        for table_id, answer in first_step_suggestions(self.session):
            prompt = Text()
            prompt.append("✓ " if (table_id, answer) in taken else "• ")
            prompt.append(names.get(table_id, table_id), style="bold")
            prompt.append(f": {shorten(answer, SUGGESTION_CHARACTERS)}")
            options.append(Option(prompt, id=table_id))
        shown = [(option.id or "", str(option.prompt)) for option in options]
        if shown == self._suggestions_shown:
            # Unchanged (a page turn back here, a word typed in a step): setting the options
            # again makes the list measure every suggestion anew, a table's whole answer
            # each, a tenth of a second and more with hundreds of tables.
            return
        self._suggestions_shown = shown
        highlighted = option_list.highlighted
        option_list.set_options(options)
        if not options:
            empty = Text("Nog geen tafel noemde een eerste stap.", style="dim")
            option_list.add_option(Option(empty, disabled=True))
        else:
            option_list.highlighted = min(highlighted or 0, len(options) - 1)

    # -- suggestions ------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#suggestions")
    async def _suggestion_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            await self._adopt(event.option.id)

    async def _adopt(self, table_id: str) -> None:
        await self.flush()
        try:
            table = self.session.table(table_id)
        except KeyError:
            return
        text = table.answers.get(FIRST_STEP_QUESTION, "")
        steps = self.session.first_steps
        steps.append(FirstStep(text=text, owner="", table=table_id))
        self.changed()
        self._fill_suggestions()
        await self.rebuild((len(steps) - 1, StepOwner))

    async def action_adopt(self) -> None:
        suggestions = self.query_one("#suggestions", OptionList)
        if self.screen.focused is not suggestions:
            # The list is a choice, not a text field: tab never lands on it, this key does
            # (↑/↓ choose, enter or ctrl+t takes it over, tab goes back to the steps).
            if suggestions.option_count:
                if suggestions.highlighted is None:
                    suggestions.highlighted = 0
                self.focus_now(suggestions)
            else:
                self.notify("Er zijn nog geen voorstellen van de tafels.")
            return
        option = suggestions.highlighted_option
        if option is None or option.id is None:
            self.notify("Kies eerst een voorstel in de lijst van de tafels.")
            return
        await self._adopt(option.id)

    # -- the tie to a loop: pattern, arrow, layer -------------------------------------

    def _tie(self, step: FirstStep, index: int) -> StepTie:
        tie = StepTie(index)
        tie.show(step, self.deck, self.session)
        return tie

    def _show_ties(self) -> None:
        steps = self.session.first_steps
        for tie in self.query(StepTie):
            if tie.index < len(steps):
                tie.show(steps[tie.index], self.deck, self.session)

    async def _tied_step(self) -> FirstStep | None:
        """The step with the cursor (or the one typed in last), its typing stored first."""
        await self.flush()
        field = self.focused_field() or self.remembered_field()
        index = field.index if isinstance(field, ListField) and self in field.ancestors else None
        steps = self.session.first_steps
        if index is None or index > len(steps):
            self.notify("Zet de cursor eerst in een eerste stap.")
            return None
        if index == len(steps):
            steps.append(self.new_item())  # the ready row of an empty list
        return steps[index]

    def _tied(self) -> None:
        self.changed()
        self._show_ties()

    async def action_tie_pattern(self) -> None:
        step = await self._tied_step()
        if step is not None:
            next_pattern(step, self.deck, self.session)
            self._tied()

    async def action_tie_arrow(self, delta: int) -> None:
        step = await self._tied_step()
        if step is None:
            return
        if not next_arrow(step, self.deck, self.session, delta):
            self.notify("Kies eerst met ctrl+o het patroon dat deze stap doorbreekt.")
            return
        self._tied()

    async def action_tie_layer(self) -> None:
        step = await self._tied_step()
        if step is not None:
            next_layer(step)
            self._tied()
