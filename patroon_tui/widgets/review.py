"""The look back's body ("Terugblik"): what became of last time's first steps and principles.

``ReviewPanel`` lists each first step carried from the earlier session (its text, owner,
table and history) and each principle, with a status and a note. The status is a choice
drawn as text (``StatusChoice``, like the layer on the tables screen): ctrl+t moves the
record with the cursor to its next status, a click chooses one; it never takes the cursor.
The notes are the only text fields, so whatever is typed lands in a note: on arrival in the
first step's note (or the one typed in last).
"""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from patroon_tui.core.model.follow_up import (
    STATUS_LABELS,
    history_lines,
    next_status,
    statuses_of,
)
from patroon_tui.core.model.session import FirstStep, Principle
from patroon_tui.messages import SessionChanged
from patroon_tui.widgets.choices import LayerChoice
from patroon_tui.widgets.fields import FieldScroll, RecordArea
from patroon_tui.widgets.recording import RecordingBody

__all__ = ["ReviewNote", "ReviewPanel", "StatusChoice"]

#: The two lists looked back on, in the order shown.
KINDS = ("first_steps", "principles")


class StatusChoice(LayerChoice):
    """A record's statuses on one line, the chosen one marked; a click on one chooses it.

    ``index`` -1 is none chosen yet. Never takes the cursor: ctrl+t chooses from the keys.
    """

    DEFAULT_CSS = """
    StatusChoice { height: auto; }
    """

    def __init__(self, kind: str, index: int, status: str | None) -> None:
        self.statuses = statuses_of(kind)
        super().__init__([STATUS_LABELS[s] for s in self.statuses], self.place(status))
        self.add_class("review-status")
        self.kind = kind
        self.record = index

    def place(self, status: str | None) -> int:
        """The line of ``status`` (-1: none)."""
        return self.statuses.index(status) if status in self.statuses else -1

    @property
    def status(self) -> str | None:
        """The status chosen (``None``: none yet)."""
        return self.statuses[self.index] if self.index >= 0 else None

    def render(self) -> Content:
        # One line, wrapped by the terminal's width: five statuses fit 60 columns in two.
        parts = []
        for i, title in enumerate(self.titles):
            if i == self.index:
                parts.append(f"[$success]●[/] [b][@click=choose({i})]{title}[/][/b]")
            else:
                parts.append(f"[$foreground 50%]○[/] [@click=choose({i})]{title}[/]")
        return Content.from_markup("   ".join(parts))


class ReviewNote(RecordArea):
    """What was said of one record: ``review`` of ``session.<kind>[index]``."""

    DEFAULT_CSS = """
    ReviewNote { height: auto; min-height: 1; max-height: 6; }
    """

    def __init__(self, kind: str, index: int, value: str) -> None:
        placeholder = "Wat is er gebeurd?" if kind == "first_steps" else "Wat zeggen we erover?"
        super().__init__(value, placeholder=placeholder, classes="review-note", compact=True,
                         show_line_numbers=False)
        self.kind = kind
        self.index = index


class ReviewPanel(RecordingBody):
    """Each first step and principle of the earlier session: a status and a note."""

    DEFAULT_CSS = """
    ReviewPanel { height: 1fr; width: 1fr; }
    ReviewPanel #review-scroll { height: 1fr; padding: 0 1; }
    ReviewPanel .section-title { text-style: bold; color: $accent; margin-bottom: 1; }
    ReviewPanel .review-row { height: auto; margin-bottom: 1; }
    ReviewPanel .review-text { text-style: bold; }
    ReviewPanel .review-about { color: $text-muted; padding-left: 3; }
    ReviewPanel .review-status { padding-left: 3; }
    ReviewPanel .review-note { margin-left: 3; width: 1fr; background: $boost; }
    ReviewPanel .review-note:focus { background: $primary 25%; }
    ReviewPanel .review-empty { color: $text-muted; }
    """

    _built: tuple = ()
    """The records the rows were built for, in their order, as shown (``_shape``)."""

    BINDINGS = [
        Binding("ctrl+t", "next_status", "Stand kiezen", id="review.status", priority=True,
                tooltip="De volgende stand van deze stap of dit principe"),
    ]

    # -- the records ------------------------------------------------------------------

    def records(self, kind: str) -> list[FirstStep | Principle]:
        """The session's list ``kind`` (a copy of the list: its records are the session's)."""
        return [*(self.session.first_steps if kind == "first_steps"
                  else self.session.principles)]

    def _shape(self) -> tuple:
        # A note is bound to its record's place: a record moved, removed, added or
        # renamed on its own screen rebuilds the rows, so no note is shown, or typed in,
        # under another record's name.
        return tuple(tuple((id(r), r.text, getattr(r, "owner", ""), getattr(r, "table_name", ""),
                            bool(r.history), str(r.history)) for r in self.records(kind))
                     for kind in KINDS)

    # -- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self._built = self._shape()
        with FieldScroll(id="review-scroll"):
            if self.session.session.previous is None:
                yield Static("Deze sessie is geen vervolg: er is niets om op terug te kijken.",
                             classes="review-empty")
                return
            yield Static(f"Sinds de vorige keer ({self.session.session.previous})",
                         classes="section-title", markup=False)
            # Only what was carried from last time (a record agreed today has no history);
            # each keeps its number on its own screen.
            carried = {kind: [(index, record) for index, record in enumerate(self.records(kind))
                              if record.history] for kind in KINDS}
            if not any(carried.values()):
                yield Static("De vorige keer zijn geen eerste stappen of principes "
                             "afgesproken.", classes="review-empty")
            for kind in KINDS:
                if carried[kind]:
                    title = "Eerste stappen" if kind == "first_steps" else "Principes"
                    yield Static(title, classes="section-title")
                for index, record in carried[kind]:
                    yield self._row(kind, index, record)

    def _row(self, kind: str, index: int, record: FirstStep | Principle) -> Widget:
        return Vertical(
            Static(f"{index + 1}. {record.text}", classes="review-text", markup=False),
            Static("\n".join(self._about(record)), classes="review-about", markup=False),
            StatusChoice(kind, index, record.status),
            ReviewNote(kind, index, record.review or ""),
            classes="review-row",
        )

    @staticmethod
    def _about(record: FirstStep | Principle) -> list[str]:
        if isinstance(record, FirstStep):
            who = [f"door {record.owner}"] if record.owner.strip() else []
            table = record.table_name or ""
            where = [f"tafel {table}" if not table.lower().startswith("tafel") else table]
            head = " · ".join(who + (where if table else []))
            return [line for line in (head, *history_lines(record.history)) if line]
        return history_lines(record.history, agreed="opgeschreven")

    # -- what the programme asks ------------------------------------------------------

    def first_answer_field(self) -> Widget | None:
        """The first note: the first step's, else the first principle's."""
        notes = self.query(ReviewNote) if self.is_mounted else None
        return notes.first() if notes else None

    def first_field(self) -> Widget | None:
        return self.first_answer_field()

    def field_name(self, widget: Widget) -> str | None:
        if isinstance(widget, ReviewNote) and self in widget.ancestors:
            return f"{widget.kind}[{widget.index}].review"
        return None

    def named_field(self, name: str) -> Widget | None:
        found = re.fullmatch(r"(first_steps|principles)\[(\d{1,6})\]\.review", name)
        if found is None or not self.is_mounted:
            return None
        return self._note(found[1], int(found[2]))

    def _note(self, kind: str, index: int) -> ReviewNote | None:
        return next((n for n in self.query(ReviewNote)
                     if n.kind == kind and n.index == index), None)

    def _choice(self, kind: str, index: int) -> StatusChoice | None:
        return next((c for c in self.query(StatusChoice)
                     if c.kind == kind and c.record == index), None)

    def refresh_from_session(self) -> None:
        """Reload the statuses and notes from the session (all again when records came or
        went elsewhere: a merge, the trash)."""
        if not self.when_ready(self.refresh_from_session):
            return
        if self._shape() != self._built:
            self.run_worker(self.recompose(), exclusive=True, group="review-rebuild")
            return
        for note in self.query(ReviewNote):
            record = self.records(note.kind)[note.index]
            if note.typed() and self._store(note):
                self.post_message(SessionChanged())
            elif note.model_value() != (record.review or ""):
                note.load_value(record.review or "")
        for choice in self.query(StatusChoice):
            choice.index = choice.place(self.records(choice.kind)[choice.record].status)

    # -- typing and choosing ----------------------------------------------------------

    def _store(self, note: ReviewNote) -> bool:
        """Put the note's text into its record; ``True`` if that changed the session."""
        records = self.records(note.kind)
        if note.index >= len(records):
            return False
        record = records[note.index]
        value = note.model_value() or None
        if record.review == value:
            return False
        record.review = value
        return True

    @on(RecordArea.Changed, ".review-note")
    def _note_changed(self, event: RecordArea.Changed) -> None:
        note = event.text_area
        assert isinstance(note, ReviewNote)
        if note.is_attached and self._store(note):
            self.remember(note)
            self.post_message(SessionChanged())
            self.bring_into_view(note)

    def _set_status(self, kind: str, index: int, status: str | None) -> None:
        records = self.records(kind)
        if index < len(records) and records[index].status != status:
            records[index].status = status  # type: ignore[assignment]  # one of statuses_of(kind)
            self.post_message(SessionChanged())
        choice = self._choice(kind, index)
        if choice is not None:
            choice.index = choice.place(status)

    def action_next_status(self) -> None:
        """The record with the cursor (or typed in last) to its next status."""
        focused = self.screen.focused
        note = focused if isinstance(focused, ReviewNote) else self.typing_field()
        if not isinstance(note, ReviewNote):
            self.notify("Er is hier geen stap of principe om een stand voor te kiezen.")
            return
        record = self.records(note.kind)[note.index]
        self._set_status(note.kind, note.index, next_status(statuses_of(note.kind),
                                                            record.status))

    @on(LayerChoice.Changed, ".review-status")
    def _clicked(self, event: LayerChoice.Changed) -> None:
        event.stop()
        choice = event.choice
        assert isinstance(choice, StatusChoice)
        self._set_status(choice.kind, choice.record, choice.status)
