"""``TableSide``: the left column of the tables screen — the list of tables with how many
questions each has answered, and how long the tables talk (the timer's minutes).

The list never takes the cursor: ctrl+↑/↓ choose a table, so a word typed after tab always
lands in a text field. Its looks are in the panel's ``DEFAULT_CSS`` (tables.py).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.recording import answered, table_name, timer_minutes
from patroon_tui.core.model.session import Session, Table
from patroon_tui.messages import SessionChanged

#: The longest the tables can talk, in minutes.
MAX_MINUTES = 240


class TableList(OptionList):
    """The list of tables. It never takes the cursor (ctrl+↑/↓ choose a table), so a word
    typed after tab always lands in a text field."""

    can_focus = False


class MinutesInput(Input):
    """How long the tables talk. Reached with ctrl+g only, never by tab: a word typed after
    tab must land in a text field, and this one takes digits only. A letter typed here goes
    back into the text field typed in last (``keyboard.CharacterField``)."""

    can_focus = False

    def accepts(self, character: str) -> bool:
        return character.isdigit()

    def on_blur(self) -> None:
        self.can_focus = False


class TableSide(Vertical):
    """The tables (or the plenary) and the timer's minutes."""

    def __init__(self, deck: Deck, session: Session, *, plenary: bool, id: str | None = None):
        super().__init__(id=id)
        self.deck = deck
        self.session = session
        self._plenary = plenary
        self._questions = len(deck.text_questions)
        # What the list shows, so that reloading from the session (each time the screen is
        # shown again) only touches what changed.
        self._prompts: dict[str, str] = {}
        self._list_shown: list[tuple[str, str]] | None = None

    def compose(self) -> ComposeResult:
        prompts = self._all_prompts()
        self._list_shown = [(table_id, prompt.plain) for table_id, prompt in prompts.items()]
        self._prompts = dict(self._list_shown)
        yield Static("Plenair" if self._plenary else "Tafels", classes="pane-title")
        yield TableList(
            *(Option(prompt, id=table_id) for table_id, prompt in prompts.items()),
            id="tables-list",
            compact=True,
        )
        # What "2/4" after a table's name means, said once under the list.
        yield Static(f"x/{self._questions} = vragen beantwoord", classes="list-legend")
        yield Label("Duur (min.) ^g", classes="field-label")
        yield MinutesInput(
            self._minutes_shown(),
            id="timer-minutes",
            type="integer",
            max_length=3,
            compact=True,
            select_on_focus=False,
            tooltip="Hoe lang de tafels praten; de timer loopt in de kopregel.",
        )

    @property
    def minutes(self) -> MinutesInput:
        return self.query_one("#timer-minutes", MinutesInput)

    def _prompt(self, table: Table) -> Text:
        # The count first and the name after it, on one line: a name longer than the list is
        # wide ends in "…" (the form shows it whole) instead of breaking a word at the
        # list's edge ("Veiligheidshu" / "is Noord  0/4").
        text = Text(f"{answered(table)}/{self._questions} ", style="dim")
        text.append(table_name(table))
        return text

    def _all_prompts(self) -> dict[str, Text]:
        return {t.id: self._prompt(t) for t in self.session.tables}

    def _minutes_shown(self) -> str:
        return str(timer_minutes(self.session, self.deck))

    def fill(self, current_id: str | None) -> None:
        """The list as the session has it (only touched where it changed), ``current_id``
        highlighted, and the minutes."""
        prompts = self._all_prompts()
        shown = [(table_id, prompt.plain) for table_id, prompt in prompts.items()]
        if shown != self._list_shown:
            found = self.query("#tables-list")
            if not found:
                # Only while the app closes: a tables body built ahead (the next slide)
                # finishes mounting after its children were already taken away.
                return
            option_list = found.first(OptionList)
            option_list.set_options(Option(prompt, id=tid) for tid, prompt in prompts.items())
            self._list_shown = shown
            self._prompts = dict(shown)
        self.highlight(current_id)
        value = self._minutes_shown()
        if self.minutes.value != value:
            self.minutes.value = value

    def update_prompt(self, table: Table) -> None:
        """The table's line in the list after its name or an answer changed."""
        prompt = self._prompt(table)
        if self._prompts.get(table.id) != prompt.plain:
            self._prompts[table.id] = prompt.plain
            self.query_one("#tables-list", OptionList).replace_option_prompt(table.id, prompt)
            self._list_shown = None  # the list changed under it: compare afresh next time

    def highlight(self, table_id: str | None) -> None:
        option_list = self.query_one("#tables-list", OptionList)
        if table_id is not None:
            option_list.highlighted = option_list.get_option_index(table_id)

    @on(Input.Changed, "#timer-minutes")
    def _minutes_changed(self, event: Input.Changed) -> None:
        try:
            minutes = int(event.input.value)
        except ValueError:
            return
        if not 1 <= minutes <= MAX_MINUTES:
            return
        progress = self.session.progress
        current = progress.timer_seconds_total or self.deck.timer_minutes * 60
        if minutes * 60 != current:
            progress.timer_seconds_total = minutes * 60
            self.post_message(SessionChanged())
