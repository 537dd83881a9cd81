"""``TableForm``: the tables screen's form for one table, built once and reloaded per table.

Name, participants, the pattern with its loop and the own-pattern button, the deck's
questions with their answers, and the layer of the triangle. The form shows a table
(``show``) and reads its fields back (``read_*``); the tables panel around it decides which
table that is and announces each change. Its looks are in the panel's ``DEFAULT_CSS``: the
panel's width classes (``-narrow``, ``-wide-form``, ``-ring-form``, ``-stack-pattern``,
from ``width_classes``) arrange it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.geometry import Region
from textual.widgets import Label, Static

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.recording import (
    following,
    is_own_pattern,
    layer_ids,
    pattern_options,
    pattern_steps,
)
from patroon_tui.core.model.session import Session, Table, as_layer
from patroon_tui.core.report.loop_marks import loop_marks
from patroon_tui.messages import SessionChanged
from patroon_tui.widgets.choices import LayerChoice, PatternChoice
from patroon_tui.widgets.compact_button import CompactButton
from patroon_tui.widgets.fields import FieldScroll, RecordArea, RecordInput
from patroon_tui.widgets.loop_view import LoopView

#: Below this width of the form the loop is drawn under the pattern choice, not beside it.
WIDE_FORM = 90
#: From this width of the form the loop beside it is a ring (68 columns) instead of a chain:
#: the form keeps some 60 columns, and the example patterns need 66 to be drawn as a ring.
RING_FORM = 128
RING_WIDTH = 68
#: Below this width of the panel the list and labels narrow, and the pattern row stacks.
NARROW = 76
#: The pattern row on one line: its label, the choice at its narrowest, the button.
PATTERN_ROW = 58
#: From this width of the panel the table list gets room for longer names.
ROOMY = 120


def width_classes(width: int) -> dict[str, bool]:
    """The tables panel's classes at ``width`` columns, which arrange the list and form."""
    side = 28 if width >= ROOMY else (16 if width < NARROW else 18)
    form = width - side
    # The fields' own width: beside the loop (a ring of RING_WIDTH, or 45 % for a chain,
    # see the stylesheet) when there is room for it there, else the whole form.
    fields = form - RING_WIDTH - 2 if form >= RING_FORM else (
        int(form * 0.55) - 2 if form >= WIDE_FORM else form
    )
    return {
        "-roomy": width >= ROOMY,
        "-narrow": width < NARROW,
        "-wide-form": form >= WIDE_FORM,
        "-ring-form": form >= RING_FORM,
        "-stack-pattern": width < NARROW or fields < PATTERN_ROW,
    }


class TableForm(FieldScroll):
    """The fields of one table; ``table`` is the one shown when it is built."""

    def __init__(
        self,
        deck: Deck,
        session: Session,
        table: Table | None,
        options: list[tuple[str, str]],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.deck = deck
        self.session = session
        self._questions = deck.text_questions
        self._table = table
        self._options = options
        #: The table the fields were last loaded with (kept while the form is hidden).
        self.shown_id: str | None = table.id if table else None
        #: Whether the form shows the current table: until then it must not be read back.
        self.loaded = table is not None
        self._keeping = False
        found = self._steps(table.pattern) if table and table.pattern else None
        self._loop_shown = repr(found)
        self.display = table is not None

    # -- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Every field is built showing the table, so the form is right in its first layout;
        # filling it after mounting would change (and lay out and paint) it again.
        table = self._table
        answers = table.answers if table else {}
        layers = layer_ids(self.deck)
        layer = layers.index(table.layer) if table and table.layer in layers else 0
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
            # Neither choice takes the cursor: ctrl+t and ctrl+l choose from the keyboard.
            yield PatternChoice(
                self._options,
                table.pattern if table else "",
                prompt="Nog geen patroon",
                id="table-pattern",
            )
            own = CompactButton(self.own_label(table.pattern if table else ""),
                                id="own-pattern-button")
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
        yield LayerChoice(["Geen", *(x.title for x in self.deck.layers)], layer, id="table-layer")
        # Last in the form: at narrow widths the loop comes after the fields being typed
        # in; at wide widths it is docked beside them (see the stylesheet).
        found = self._steps(table.pattern) if table and table.pattern else None
        loop = LoopView(*(found or ("", ["…", "…"])), id="table-loop")
        loop.display = found is not None
        if found is not None and table is not None:
            loop.set_marks(loop_marks(self.session, self.deck, table.pattern, len(found[1])))
        yield loop

    # -- the fields -------------------------------------------------------------------

    @property
    def name_field(self) -> RecordInput:
        return self.query_one("#table-name", RecordInput)

    @property
    def participants_field(self) -> RecordInput:
        return self.query_one("#table-participants", RecordInput)

    def answer(self, question_id: str) -> RecordArea:
        return self.query_one(f"#answer-{question_id}", RecordArea)

    def text_fields(self) -> list[RecordInput | RecordArea]:
        """Name, participants and the answers, in the order of the form."""
        return [self.name_field, self.participants_field,
                *(self.answer(q.id) for q in self._questions)]

    def field_name(self, widget: object) -> str | None:
        """How the session's ``progress.fields`` names one of the form's text fields."""
        if widget is self.name_field:
            return "name"
        if widget is self.participants_field:
            return "participants"
        if widget in self.text_fields():
            return "answers." + (getattr(widget, "id", "") or "").removeprefix("answer-")
        return None

    def named_field(self, name: str) -> RecordInput | RecordArea | None:
        """The field ``progress.fields`` names ``name``, if the form has it."""
        fields = {self.field_name(field): field for field in self.text_fields()}
        return fields.get(name)

    def first_answer(self) -> RecordArea | RecordInput:
        """The first answer's field (the participants where the deck asks nothing)."""
        if not self._questions:
            return self.participants_field
        return self.answer(self._questions[0].id)

    def own_label(self, pattern_id: str) -> str:
        if is_own_pattern(self.session, pattern_id):
            return "Eigen patroon bewerken (ctrl+o)"
        return "Eigen patroon (ctrl+o)"

    def _steps(self, pattern_id: str) -> tuple[str, list[str]] | None:
        return pattern_steps(self.deck, self.session, pattern_id)

    # -- showing ----------------------------------------------------------------------

    def show(self, table: Table | None) -> None:
        """Show ``table`` in the fields (``None``: hide the form)."""
        self.display = table is not None
        self.loaded = table is not None
        if table is None:
            return
        fields: list[tuple[RecordInput | RecordArea, str]] = [
            (self.name_field, table.name),
            (self.participants_field, table.participants),
            *((self.answer(q.id), table.answers.get(q.id, "")) for q in self._questions),
        ]
        # Another table always loads every field (a field's undo history must not carry one
        # table's words into another); the same table reloaded only where it changed.
        same = self.shown_id == table.id
        for field, value in fields:
            if not same or field.model_value() != value:
                field.load_value(value)
        self.show_pattern(table.pattern)
        layers = layer_ids(self.deck)
        self.show_layer(layers.index(table.layer) if table.layer in layers else 0)
        if not same:
            # Another table: start at its top. The same one reloaded keeps its place; a
            # menu opened for the one before is not for this one.
            self.query_one("#table-pattern", PatternChoice).close()
            self.shown_id = table.id
            self.scroll_home(animate=False)

    def set_pattern_options(self, options: list[tuple[str, str]]) -> None:
        """The patterns to choose from (only touched when they changed)."""
        if options != self._options:
            self.query_one("#table-pattern", PatternChoice).set_options(options)
            self._options = options

    def show_pattern(self, pattern_id: str) -> None:
        """The pattern choice, its loop and the own-pattern button for ``pattern_id``."""
        choice = self.query_one("#table-pattern", PatternChoice)
        choice.value = pattern_id
        loop = self.query_one("#table-loop", LoopView)
        found = self._steps(pattern_id) if pattern_id else None
        loop.display = found is not None
        key = repr(found)
        if found is not None and key != self._loop_shown:
            loop.set_pattern(*found)
        if found is not None:  # where first steps cut it, also after they changed
            loop.set_marks(loop_marks(self.session, self.deck, pattern_id, len(found[1])))
        self._loop_shown = key
        self.query_one("#own-pattern-button", CompactButton).label = self.own_label(pattern_id)

    def show_layer(self, index: int) -> None:
        """Mark the layer at ``index`` (0: none)."""
        self.query_one("#table-layer", LayerChoice).index = index

    # -- the choices: a pattern and a layer -------------------------------------------

    def editing(self) -> Table | None:
        """The table the fields belong to, once the form shows it."""
        if not self.loaded or self.shown_id is None:
            return None
        try:
            return self.session.table(self.shown_id)
        except KeyError:
            return None

    def next_pattern(self) -> None:
        """Choose the next pattern (after the last: none)."""
        table = self.editing()
        if table is not None:
            ids = ["", *(value for _title, value in pattern_options(self.deck, self.session))]
            table.pattern = following(ids, table.pattern)
            self.show_pattern(table.pattern)
            self.post_message(SessionChanged())

    def next_layer(self) -> None:
        """Choose the next layer of the triangle."""
        table = self.editing()
        if table is not None:
            layers = layer_ids(self.deck)
            table.layer = as_layer(following(layers, table.layer))
            self.show_layer(layers.index(table.layer))
            self.post_message(SessionChanged())

    @on(PatternChoice.Changed, "#table-pattern")
    def _pattern_changed(self) -> None:
        table = self.editing()
        pattern_id = self.chosen_pattern()
        if table is not None and pattern_id != table.pattern:
            table.pattern = pattern_id
            self.show_pattern(pattern_id)
            self.post_message(SessionChanged())

    @on(LayerChoice.Changed, "#table-layer")
    def _layer_changed(self) -> None:
        table = self.editing()
        if table is not None and self.read_layer(table):
            self.post_message(SessionChanged())

    # -- reading back into the table ---------------------------------------------------

    def chosen_pattern(self) -> str:
        return self.query_one("#table-pattern", PatternChoice).value

    def read_layer(self, table: Table) -> bool:
        index = self.query_one("#table-layer", LayerChoice).index
        layers = layer_ids(self.deck)
        layer = layers[index] if index < len(layers) else ""
        if layer == table.layer:
            return False
        table.layer = as_layer(layer)
        return True

    def read_name(self, table: Table) -> bool:
        value = self.name_field.model_value()
        if value == table.name:
            return False
        table.name = value
        return True

    def read_participants(self, table: Table) -> bool:
        value = self.participants_field.model_value()
        if value == table.participants:
            return False
        table.participants = value
        return True

    def read_answer(self, table: Table, question_id: str) -> bool:
        value = self.answer(question_id).model_value()
        if value == table.answers.get(question_id, ""):
            return False
        table.answers[question_id] = value
        return True

    def read_typed(self, table: Table) -> list[RecordInput | RecordArea]:
        """Write the fields typed in since they were loaded into ``table``, where it does
        not hold their text yet; the fields that changed it."""
        return [field for field in self.text_fields()
                if field.typed() and self._read_field(table, field)]

    def _read_field(self, table: Table, field: RecordInput | RecordArea) -> bool:
        if field is self.name_field:
            return self.read_name(table)
        if field is self.participants_field:
            return self.read_participants(table)
        return self.read_answer(table, (field.id or "").removeprefix("answer-"))

    def read_all(self, table: Table) -> bool:
        """Write every field into ``table``; whether anything changed."""
        changed = self.read_name(table) | self.read_participants(table)
        for question in self._questions:
            changed |= self.read_answer(table, question.id)
        return self.read_layer(table) | changed

    # -- keeping the line typed in sight -----------------------------------------------

    @on(RecordArea.SelectionChanged, ".answer")
    def _answer_cursor_moved(self, event: RecordArea.SelectionChanged) -> None:
        # The answer grows as it is typed; once its layout is done, scroll the form so the
        # line being typed (and the field's lower edge) stays in sight.
        # One look per refresh: a second one in the same turn would read the positions
        # from before the first one scrolled, and scroll again, past the field.
        if not self._keeping:
            self._keeping = True
            self.call_after_refresh(self._keep_cursor_in_view, event.text_area)

    def _keep_cursor_in_view(self, area: RecordArea) -> None:
        self._keeping = False
        if not area.has_focus or not self.is_on_screen or not area.region:
            # Shown again after a page turn, the form is not laid out yet: its arrival
            # scrolls it (measured now, the places would be those from before).
            return
        if area.outer_size.height <= self.scrollable_content_region.height:
            # The whole field fits: show all of it, its question's line under it included
            # (nothing to do, as with most keys, when it is in sight already).
            if not self.scrollable_content_region.contains_region(area.region):
                area.scroll_visible(animate=False, immediate=True)
            return
        cursor = area.cursor_screen_offset
        view = self.content_region
        if view.y <= cursor.y < view.bottom - 1:
            return
        x, y = cursor - view.offset + self.scroll_offset
        self.scroll_to_region(Region(x, y, 1, 2), animate=False, immediate=True)
