"""The tables screen's body: what each table (or the plenary) says, typed while they talk.

``TablesPanel`` shows the tables in a list on the left and one form on the right for the
chosen table: name, participants, pattern (with its loop), the four questions with their
answers, and the layer of the triangle. The form is built once and reloaded when another
table is chosen, so a session with sixty tables costs no more than one with two. Every
edit goes straight into the session model and is announced with ``SessionChanged``.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import (
    Button,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    Static,
)
from textual.widgets.option_list import Option

from patroon_tui.core.deck import Deck
from patroon_tui.core.records import (
    answered,
    next_table_name,
    own_pattern_id,
    removal_question,
    table_name,
)
from patroon_tui.core.session import OwnPattern, Session, Table
from patroon_tui.messages import AskConfirm, EditOwnPattern, SessionChanged
from patroon_tui import keyboard
from patroon_tui.widgets.compact_button import CompactButton
from patroon_tui.widgets.fields import RecordArea, RecordInput
from patroon_tui.widgets.loop_view import LoopView
from patroon_tui.widgets.recording import RecordingBody, ask

#: Below this width of the form the loop is drawn under the pattern choice, not beside it.
WIDE_FORM = 90
#: Below this width of the panel the pattern choice and its button stack.
NARROW = 76
#: From this width of the panel the table list gets room for longer names.
ROOMY = 120
#: ctrl+↑ and ctrl+↓ share one entry in the footer.
OTHER_TABLE = Binding.Group("Andere tafel", compact=True)


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


class LayerChoice(RadioSet):
    """The layer of the triangle; ctrl+l chooses the next one (it never takes the cursor)."""

    can_focus = False


__all__ = ["TablesPanel", "answered", "removal_question", "table_name"]


class TablesPanel(RecordingBody):
    """Record the conversation per table: list of tables, one form for the chosen one."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

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
                show=False),
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
        ids = [t.id for t in session.tables]
        shown = session.progress.table
        self._current_id: str | None = shown if shown in ids else (ids[0] if ids else None)
        self._prompts: dict[str, str] = {}
        # What the list, the pattern choice and the form show, so that reloading from the
        # session (each time the screen is shown again) only touches what changed.
        self._list_shown: list[tuple[str, str]] | None = None
        self._options_shown: list[tuple[str, str]] | None = None
        self._form_table: str | None = None
        self._loop_shown: str | None = None
        # Whether the form shows the current table: until then it must not be read back.
        self._loaded = False
        # The last table removed, with its place, while ctrl+z can still put it back.
        self._removed: tuple[int, Table] | None = None

    # -- public API -------------------------------------------------------------------

    @property
    def current_table_id(self) -> str | None:
        """Id of the table shown in the form (``None`` when there are no tables)."""
        return self._current_id

    @property
    def plenary(self) -> bool:
        """Whether the session records one plenary conversation instead of tables."""
        return self.session.session.werkvorm == "plenair"

    def first_field(self) -> Widget | None:
        """The current table's first field (who sits there)."""
        if not self.is_mounted or self._current() is None:
            return None
        return self.query_one("#table-participants", Input)

    def first_answer_field(self) -> Widget | None:
        """The current table's first answer."""
        if not self.is_mounted or not self._questions:
            return self.first_field()
        return self._answer(self._questions[0].id) if self._current() else None

    def focus_first_answer(self) -> None:
        """Cursor in the current table's first answer."""
        self.focus_now(self.first_answer_field())

    def refresh_from_session(self) -> None:
        """Reload the list and the form from the session (it was changed elsewhere)."""
        if self.when_ready(self.refresh_from_session):
            self._reload()

    def _reload(self) -> None:
        ids = [t.id for t in self.session.tables]
        if self._current_id not in ids:
            self._current_id = ids[0] if ids else None
        self._fill_list()
        self._fill_pattern_options()
        self._load_form()
        self._load_minutes()

    def select_table(self, table_id: str) -> None:
        """Show the table with this id in the form."""
        self.session.table(table_id)  # KeyError for an unknown id
        self._flush()
        self._set_current(table_id)
        self._load_form()
        self._highlight_current()

    def _set_current(self, table_id: str | None) -> None:
        """Show ``table_id`` from now on, and remember it in the session for a resume."""
        self._current_id = table_id
        progress = self.session.progress
        if table_id is not None and progress.table != table_id:
            progress.table = table_id
            self._changed()

    # -- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Width classes are set before the first layout (from the space the panel is put
        # in), so showing the screen does not restyle the whole form a moment later.
        parent = self.parent
        width = parent.size.width if isinstance(parent, Widget) and parent.size.width else 0
        self.update_classes(self._width_classes(width or self.app.size.width))
        # Every field is built showing the current table, so the form is right in its first
        # layout; filling it after mounting would change (and lay out and paint) it again.
        table = self._current()
        prompts = {t.id: self._prompt(t) for t in self.session.tables}
        self._list_shown = [(table_id, prompt.plain) for table_id, prompt in prompts.items()]
        self._prompts = dict(self._list_shown)
        self._options_shown = self._pattern_options()
        found = self._pattern_steps(table.pattern) if table and table.pattern else None
        self._loop_shown = repr(found)
        self._form_table = table.id if table else None
        self._loaded = table is not None
        answers = table.answers if table else {}
        layers = self._layer_ids()
        layer = layers.index(table.layer) if table and table.layer in layers else 0
        with Horizontal(id="tables-body"):
            with Vertical(id="tables-side"):
                yield Static("Plenair" if self.plenary else "Tafels", classes="pane-title")
                yield TableList(
                    *(Option(prompt, id=table_id) for table_id, prompt in prompts.items()),
                    id="tables-list",
                    compact=True,
                )
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
            detail = VerticalScroll(id="table-detail")
            detail.display = table is not None
            with detail:
                with Horizontal(classes="field-row"):
                    yield Label("Naam", classes="row-label")
                    yield RecordInput(table.name if table else "", id="table-name", compact=True)
                with Horizontal(classes="field-row"):
                    yield Label("Deelnemers", classes="row-label")
                    yield RecordInput(
                        table.participants if table else "",
                        id="table-participants",
                        placeholder="Welke organisaties en rollen?",
                        compact=True,
                    )
                with Horizontal(classes="field-row", id="pattern-row"):
                    yield Label("Patroon", classes="row-label")
                    choice = Select[str](
                        self._options_shown,
                        prompt="Nog geen patroon",
                        value=table.pattern if table and table.pattern else Select.NULL,
                        id="table-pattern",
                        compact=True,
                    )
                    choice.can_focus = False
                    yield choice
                    own = CompactButton(
                        self._own_label(table.pattern if table else ""), id="own-pattern-button"
                    )
                    own.can_focus = False
                    yield own
                for question in self._questions:
                    yield Static(question.text, classes="question")
                    yield RecordArea(
                        answers.get(question.id, ""), id=f"answer-{question.id}", classes="answer"
                    )
                # The question is the deck's; a deck without one gets a plain label.
                layer_question = self.deck.layer_question.strip() or "Laag van de driehoek"
                yield Static(f"{layer_question} (ctrl+l)", classes="question")
                with LayerChoice(id="table-layer", compact=True):
                    for index, title in enumerate(["Geen", *(x.title for x in self.deck.layers)]):
                        yield RadioButton(title, value=index == layer, compact=True)
                # Last in the form: at narrow widths the loop comes after the fields being
                # typed in; at wide widths it is docked beside them (see the stylesheet).
                loop = LoopView(*(found or ("", ["…", "…"])), id="table-loop")
                loop.display = found is not None
                yield loop

    def on_mount(self) -> None:
        self._reload()

    @staticmethod
    def _width_classes(width: int) -> dict[str, bool]:
        side = 28 if width >= ROOMY else (16 if width < NARROW else 18)
        return {
            "-roomy": width >= ROOMY,
            "-narrow": width < NARROW,
            "-wide-form": width - side >= WIDE_FORM,
        }

    def on_resize(self) -> None:
        # One batch: each separate class change would restyle every field in the form.
        self.update_classes(self._width_classes(self.size.width))

    # -- helpers ----------------------------------------------------------------------

    def _current(self) -> Table | None:
        if self._current_id is None:
            return None
        try:
            return self.session.table(self._current_id)
        except KeyError:
            return None

    def _editing(self) -> Table | None:
        """The table the form's fields belong to, once the form shows it."""
        return self._current() if self._loaded else None

    def _answer(self, question_id: str) -> RecordArea:
        return self.query_one(f"#answer-{question_id}", RecordArea)

    def _layer_ids(self) -> list[str]:
        return ["", *(layer.id for layer in self.deck.layers)]

    def _prompt(self, table: Table) -> Text:
        text = Text(table_name(table))
        text.append(f"  {answered(table)}/{len(self._questions)}", style="dim")
        return text

    def _fill_list(self) -> None:
        prompts = {t.id: self._prompt(t) for t in self.session.tables}
        shown = [(table_id, prompt.plain) for table_id, prompt in prompts.items()]
        if shown != self._list_shown:
            option_list = self.query_one("#tables-list", OptionList)
            option_list.set_options(Option(prompt, id=tid) for tid, prompt in prompts.items())
            self._list_shown = shown
            self._prompts = dict(shown)
        self._highlight_current()

    def _update_prompt(self, table: Table) -> None:
        prompt = self._prompt(table)
        if self._prompts.get(table.id) != prompt.plain:
            self._prompts[table.id] = prompt.plain
            self.query_one("#tables-list", OptionList).replace_option_prompt(table.id, prompt)
            self._list_shown = None  # the list changed under it: compare afresh next time

    def _highlight_current(self) -> None:
        option_list = self.query_one("#tables-list", OptionList)
        if self._current_id is not None:
            option_list.highlighted = option_list.get_option_index(self._current_id)

    def _pattern_options(self) -> list[tuple[str, str]]:
        options = [(p.title, p.id) for p in self.deck.patterns]
        options += [(f"{p.title} (eigen patroon)", p.id) for p in self.session.patterns]
        known = {value for _, value in options}
        # A pattern id the deck and the session don't know (a hand-edited file) stays
        # choosable, so loading the table never drops it.
        for table in self.session.tables:
            if table.pattern and table.pattern not in known:
                options.append((f"Onbekend patroon ({table.pattern})", table.pattern))
                known.add(table.pattern)
        return options

    def _fill_pattern_options(self) -> None:
        select = self.query_one("#table-pattern", Select)
        options = self._pattern_options()
        if options != self._options_shown:
            select.set_options(options)
            self._options_shown = options
        table = self._current()
        value = table.pattern if table and table.pattern else Select.NULL
        if select.value != value:
            select.value = value

    def _pattern_steps(self, pattern_id: str) -> tuple[str, list[str]] | None:
        try:
            pattern = self.deck.pattern(pattern_id)
            return pattern.title, list(pattern.steps)
        except KeyError:
            pass
        try:
            own = self.session.own_pattern(pattern_id)
            return own.title, list(own.steps)
        except KeyError:
            return None

    def _show_loop(self, pattern_id: str) -> None:
        loop = self.query_one("#table-loop", LoopView)
        found = self._pattern_steps(pattern_id) if pattern_id else None
        loop.display = found is not None
        key = repr(found)
        if found is not None and key != self._loop_shown:
            loop.set_pattern(*found)
        self._loop_shown = key

    def _load_form(self) -> None:
        """Show the current table in the form."""
        table = self._current()
        detail = self.query_one("#table-detail")
        detail.display = table is not None
        self._loaded = table is not None
        if table is None:
            return
        fields: list[tuple[RecordInput | RecordArea, str]] = [
            (self.query_one("#table-name", RecordInput), table.name),
            (self.query_one("#table-participants", RecordInput), table.participants),
            *((self._answer(q.id), table.answers.get(q.id, "")) for q in self._questions),
        ]
        # Another table always loads every field (a field's undo history must not carry one
        # table's words into another); the same table reloaded only where it changed.
        same = self._form_table == table.id
        for field, value in fields:
            if not same or field.model_value() != value:
                field.load_value(value)
        select = self.query_one("#table-pattern", Select)
        value = table.pattern if table.pattern else Select.NULL
        if select.value != value:
            select.value = value
        self._show_loop(table.pattern)
        layers = self._layer_ids()
        index = layers.index(table.layer) if table.layer in layers else 0
        radio = self.query_one("#table-layer", RadioSet)
        if radio.pressed_index != index:
            buttons = list(radio.query(RadioButton))
            buttons[index].value = True
        own = self.query_one("#own-pattern-button", CompactButton)
        own.label = self._own_label(table.pattern)
        if self._form_table != table.id:
            # Another table: start at its top. The same one reloaded keeps its place.
            self._form_table = table.id
            detail.scroll_home(animate=False)

    def _is_own(self, pattern_id: str) -> bool:
        return any(p.id == pattern_id for p in self.session.patterns)

    def _own_label(self, pattern_id: str) -> str:
        return "Eigen patroon bewerken (ctrl+o)" if self._is_own(pattern_id) else "Eigen patroon (ctrl+o)"

    def _minutes_shown(self) -> str:
        total = self.session.progress.timer_seconds_total or self.deck.timer_minutes * 60
        return str(max(1, round(total / 60)))

    def _load_minutes(self) -> None:
        minutes = self.query_one("#timer-minutes", Input)
        value = self._minutes_shown()
        if minutes.value != value:
            minutes.value = value

    def _changed(self) -> None:
        self.post_message(SessionChanged())

    def _typed(self) -> None:
        """A field of the form was edited: ctrl+z now undoes there, not a removal."""
        self._removed = None
        self._changed()

    # -- reading the form into the session ---------------------------------------------

    def _flush(self) -> None:
        """Write every field of the form into the current table (before showing another)."""
        table = self._current()
        if table is None or not self._loaded:
            return
        changed = self._read_name(table) | self._read_participants(table)
        for question in self._questions:
            changed |= self._read_answer(table, question.id)
        changed |= self._read_layer(table)
        if changed:
            self._changed()

    def _read_layer(self, table: Table) -> bool:
        radio = self.query_one("#table-layer", RadioSet)
        buttons = list(radio.query(RadioButton))
        pressed = [i for i, button in enumerate(buttons) if button.value]
        if len(pressed) > 1:
            # Just pressed: the radio set has not switched the previous button off yet.
            pressed = [i for i in pressed if buttons[i] is not radio.pressed_button] or pressed
        layers = self._layer_ids()
        layer = layers[pressed[0]] if pressed and pressed[0] < len(layers) else ""
        if layer == table.layer:
            return False
        table.layer = layer
        return True

    def _read_name(self, table: Table) -> bool:
        value = self.query_one("#table-name", RecordInput).model_value()
        if value == table.name:
            return False
        table.name = value
        self._update_prompt(table)
        return True

    def _read_participants(self, table: Table) -> bool:
        value = self.query_one("#table-participants", RecordInput).model_value()
        if value == table.participants:
            return False
        table.participants = value
        return True

    def _read_answer(self, table: Table, question_id: str) -> bool:
        value = self._answer(question_id).model_value()
        if value == table.answers.get(question_id, ""):
            return False
        table.answers[question_id] = value
        self._update_prompt(table)
        return True

    # Change events may arrive after the form was reloaded for another table; the handlers
    # therefore read the field as it is now and compare it with the current table, so a
    # late event never writes one table's words into another.

    @on(Input.Changed, "#table-name")
    def _name_changed(self) -> None:
        table = self._editing()
        if table is not None and self._read_name(table):
            self._typed()

    @on(Input.Changed, "#table-participants")
    def _participants_changed(self) -> None:
        table = self._editing()
        if table is not None and self._read_participants(table):
            self._typed()

    @on(RecordArea.Changed, ".answer")
    def _answer_changed(self, event: RecordArea.Changed) -> None:
        table = self._editing()
        question_id = (event.text_area.id or "").removeprefix("answer-")
        if table is not None and self._read_answer(table, question_id):
            self._typed()

    @on(RecordArea.SelectionChanged, ".answer")
    def _answer_cursor_moved(self, event: RecordArea.SelectionChanged) -> None:
        # The answer grows as it is typed; once its layout is done, scroll the form so the
        # line being typed (and the field's lower edge) stays in sight.
        self.call_after_refresh(self._keep_cursor_in_view, event.text_area)

    def _keep_cursor_in_view(self, area: RecordArea) -> None:
        if not area.has_focus:
            return
        detail = self.query_one("#table-detail", VerticalScroll)
        cursor = area.cursor_screen_offset
        view = detail.content_region
        if view.y <= cursor.y < view.bottom - 1:
            return
        x, y = cursor - view.offset + detail.scroll_offset
        detail.scroll_to_region(Region(x, y, 1, 2), animate=False, immediate=True)

    @on(Select.Changed, "#table-pattern")
    def _pattern_changed(self) -> None:
        table = self._editing()
        if table is None:
            return
        value = self.query_one("#table-pattern", Select).value
        pattern_id = "" if value is Select.NULL else str(value)
        if pattern_id == table.pattern:
            return
        table.pattern = pattern_id
        self._show_loop(pattern_id)
        own = self.query_one("#own-pattern-button", CompactButton)
        own.label = self._own_label(pattern_id)
        self._changed()

    @on(RadioSet.Changed, "#table-layer")
    def _layer_changed(self) -> None:
        table = self._editing()
        if table is not None and self._read_layer(table):
            self._changed()

    @on(Input.Changed, "#timer-minutes")
    def _minutes_changed(self, event: Input.Changed) -> None:
        try:
            minutes = int(event.input.value)
        except ValueError:
            return
        if not 1 <= minutes <= 240:
            return
        progress = self.session.progress
        current = progress.timer_seconds_total or self.deck.timer_minutes * 60
        if minutes * 60 != current:
            progress.timer_seconds_total = minutes * 60
            self._changed()

    @on(OptionList.OptionHighlighted, "#tables-list")
    def _table_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Only the list's present highlight counts: an event from a highlight since moved
        # on (the form showing one table after another quickly) must not pull the form back.
        if event.option_index != event.option_list.highlighted:
            return
        table_id = event.option.id
        if table_id is not None and table_id != self._current_id:
            self.select_table(table_id)

    @on(OptionList.OptionSelected, "#tables-list")
    def _table_chosen(self) -> None:
        self.focus_first()

    @on(Button.Pressed, "#own-pattern-button")
    async def _own_pattern_pressed(self) -> None:
        await self.action_own_pattern()

    # -- actions ----------------------------------------------------------------------

    def _step(self, delta: int) -> None:
        ids = [t.id for t in self.session.tables]
        if not ids or self._current_id not in ids:
            return
        index = ids.index(self._current_id) + delta
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
        table = self._editing()
        if table is None:
            return
        ids = ["", *(value for _title, value in self._pattern_options())]
        at = ids.index(table.pattern) if table.pattern in ids else 0
        select = self.query_one("#table-pattern", Select)
        chosen = ids[(at + 1) % len(ids)]
        select.value = chosen if chosen else Select.NULL
        self._pattern_changed()

    def action_next_layer(self) -> None:
        """Choose the next layer of the triangle for the current table."""
        table = self._editing()
        if table is None:
            return
        layers = self._layer_ids()
        at = layers.index(table.layer) if table.layer in layers else 0
        table.layer = layers[(at + 1) % len(layers)]
        buttons = list(self.query_one("#table-layer", RadioSet).query(RadioButton))
        buttons[(at + 1) % len(layers)].value = True
        self._changed()

    def action_minutes(self) -> None:
        minutes = self.query_one("#timer-minutes", Input)
        minutes.can_focus = True
        self.focus_now(minutes)
        minutes.cursor_position = len(minutes.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"new_table", "remove_table", "move_table"} and self.plenary:
            return False
        if action == "enter_next":
            return isinstance(self.screen.focused, Input) and self._in_body()
        if action == "restore_table":
            # Only while nothing was typed since: otherwise ctrl+z undoes in the field.
            return self._removed is not None
        return super().check_action(action, parameters)

    async def action_new_table(self) -> None:
        if self.plenary:
            return
        self._flush()
        table = Table(
            id=self.session.new_table_id(
                reserved=[self._removed[1].id] if self._removed is not None else []
            ),
            name=next_table_name(self.session),
            answers={q.id: "" for q in self._questions},
        )
        self.session.tables.append(table)
        self._set_current(table.id)
        self._fill_list()
        self._load_form()
        self._changed()
        self.focus_first()

    def action_rename_table(self) -> None:
        if self._current() is not None:
            self.focus_now(self.query_one("#table-name", RecordInput))

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
        ids = [t.id for t in self.session.tables]
        if table_id not in ids:
            return
        index = ids.index(table_id)
        removed = self.session.tables.pop(index)
        if self._current_id == table_id:
            remaining = self.session.tables
            self._set_current(remaining[min(index, len(remaining) - 1)].id if remaining else None)
        self._fill_list()
        self._load_form()
        self._changed()
        self.focus_first()
        self._removed = (index, removed)
        self.notify(
            f"{table_name(removed)} is verwijderd. Ctrl+Z zet de tafel terug.",
            title="Tafel verwijderd",
        )

    def action_restore_table(self) -> None:
        """Put the table removed last back where it was, with everything it said."""
        if self._removed is None:
            return
        index, table = self._removed
        self._removed = None
        self._flush()
        if any(t.id == table.id for t in self.session.tables):
            table = table.model_copy(update={"id": self.session.new_table_id()})
        self.session.tables.insert(min(index, len(self.session.tables)), table)
        self._set_current(table.id)
        self._fill_list()
        self._load_form()
        self._changed()
        self.focus_first()
        self.notify(f"{table_name(table)} staat er weer.", title="Tafel terug")

    def action_move_table(self, delta: int) -> None:
        table = self._current()
        if table is None or self.plenary:
            return
        tables = self.session.tables
        index = tables.index(table)
        target = index + delta
        if not 0 <= target < len(tables):
            return
        tables[index], tables[target] = tables[target], tables[index]
        self._fill_list()
        self._changed()

    async def action_own_pattern(self) -> None:
        table = self._current()
        if table is None:
            return
        self._flush()
        existing = (
            self.session.own_pattern(table.pattern) if self._is_own(table.pattern) else None
        )
        pattern_id = own_pattern_id(self.session, table)
        table_id = table.id

        def saved(pattern: OwnPattern | None) -> None:
            if pattern is not None:
                self._store_own_pattern(table_id, pattern)
            else:
                # Thrown away: the editor put the session back as it was; so does the form.
                self._show_pattern_row()

        ask(self, EditOwnPattern(self.session, table_id, pattern_id, existing,
                                 f"Eigen patroon · {table_name(table)}", saved))

    def _show_pattern_row(self) -> None:
        """The pattern choice, its loop and the own-pattern button as the session has them."""
        self._fill_pattern_options()
        table = self._current()
        pattern_id = table.pattern if table is not None else ""
        self._show_loop(pattern_id)
        self.query_one("#own-pattern-button", CompactButton).label = self._own_label(pattern_id)

    def _store_own_pattern(self, table_id: str, pattern: OwnPattern) -> None:
        patterns = self.session.patterns
        for index, old in enumerate(patterns):
            if old.id == pattern.id:
                patterns[index] = pattern
                break
        else:
            patterns.append(pattern)
        try:
            self.session.table(table_id).pattern = pattern.id
        except KeyError:
            pass
        self._fill_pattern_options()
        self._show_loop(pattern.id)
        self.query_one("#own-pattern-button", CompactButton).label = self._own_label(pattern.id)
        self._changed()

