"""The programme screen: one Textual screen shows every deck screen in turn — the header,
the agenda, the current slide (its body built when first shown, then kept: a turn swaps
which body is visible), the notes pane and the footer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container, Horizontal, ScrollableContainer
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea

from patroon_tui import keyboard
from patroon_tui.core.drawing.agenda_fit import SHORT_BELOW
from patroon_tui.core.model.deck import Deck, Screen as DeckScreen
from patroon_tui.core.model.session import Session
from patroon_tui.messages import ScreenShown, SessionChanged
from patroon_tui.screens.agenda_fold import AgendaFold, room_of
from patroon_tui.screens.bodies import Bodies
from patroon_tui.screens.notes_focus import NotesFocus
from patroon_tui.screens.presenter import Presenter
from patroon_tui.screens.programme_keys import PROGRAMME_BINDINGS
from patroon_tui.widgets.agenda import Agenda, part_label
from patroon_tui.widgets.footer import AppFooter
from patroon_tui.widgets.header import AppHeader
from patroon_tui.widgets.notes import NotesPane
from patroon_tui.widgets.recording import (
    AnswerFirstBody,
    ExportingBody,
    NewRecordBody,
    RecordingBodyProtocol,
    SessionPlace,
)
from patroon_tui.widgets.slide import PatternSlide

if TYPE_CHECKING:
    from patroon_tui.widgets.loop_view import LoopView
    from patroon_tui.widgets.timer import TimerDisplay

PATTERN_ACTIONS = {"reveal_next", "reveal_all", "highlight_next", "highlight_previous", "breaks"}
SUMMARY_ON_PURPOSE = "De samenvatting toont alle antwoorden: open haar met F4 of ctrl+p."


class ProgrammeScreen(Screen):
    """Walks through the deck; owns the keys that only make sense inside the programme."""

    # Styles: programme.tcss, loaded by the app (see PatroonApp).
    AUTO_FOCUS = ""  # nothing focused on arrival: the navigation keys work at once
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-normal"), (140, "-wide")]
    # -short: a pattern slide's title row goes to the loop; -roomy: text slides centre.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT_BELOW, "-tall"), (40, "-roomy")]

    BINDINGS: ClassVar[list[BindingType]] = PROGRAMME_BINDINGS

    room_changes: var[int] = var(0, init=False)
    """Changes of what the room sees (``tell_room``), watched by ``app/room_link.py``."""

    def __init__(
        self, deck: Deck, session: Session, *, screen_id: str | None = None,
        read_only: bool = False, timer: TimerDisplay | None = None,
        now: Callable[[], dt.datetime] | None = None, place: SessionPlace | None = None,
    ) -> None:
        super().__init__(id="programme", classes="-read-only" if read_only else None)
        self._timer = timer
        self._now = now
        self.deck = deck
        self.session = session
        self.read_only = read_only
        self._screens = deck.screens
        start = screen_id or session.progress.screen
        if not any(screen.id == start for screen in self._screens):
            start = self._screens[0].id
        # Where the programme is: the session's progress, the one place that says it.
        session.progress.screen = start
        # The slides' bodies: built, kept, built ahead, arrived in (screens/bodies.py).
        self._slides = Bodies(deck, session, self.index, read_only=read_only, place=place,
                              id="slide")
        self._notes_pane = NotesPane(read_only=read_only, id="notes")
        self._offered: tuple[bool, bool, bool] | None = None
        current = self._screens[self.index].id
        noted = {sid for sid, text in session.notes.items() if text}
        self._agenda_list = Agenda(deck, current, set(session.progress.visited or []) | {current},
                                   noted, id="agenda", progress=session.progress, now=now)
        # When the agenda folds away (screens/agenda_fold.py), with the facilitator's f4.
        self._agenda = AgendaFold(deck, self._agenda_list, current=lambda: self.current,
                                  room=lambda: room_of(self))
        self._notes_focus = NotesFocus(self._notes_pane, relayout=self._agenda.fit)
        self.presenter = Presenter(  # the console, the answers shown, the room's state
            deck, session, self._notes_pane, timer=timer, read_only=read_only, now=now,
            current=lambda: self.current, body=lambda: self.body, changed=self.tell_room,
            relayout=self._agenda.fit)

    @property
    def has_timer(self) -> bool:
        """Whether the table timer can be started here (not in read-only mode)."""
        return self._timer is not None and not self.read_only

    # -- building ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The size classes are set now, so the first layout does not restyle everything.
        width, height = self.app.size
        self.add_class(next(n for m, n in reversed(self.HORIZONTAL_BREAKPOINTS) if width >= m),
                       next(n for m, n in reversed(self.VERTICAL_BREAKPOINTS) if height >= m))
        self._agenda.fit()
        part = part_label(self.deck.part_of(self._screens[self.index].id))
        yield AppHeader(self.session.session.title, part=part, timer=self._timer,
                        now=self._now, id="header")
        with Horizontal(id="main"):
            agenda = self._agenda_list
            yield agenda.set_class(agenda.folded, "-folded", update=False)
            with Container(id="centre"):
                yield self._slides
                yield self.presenter.bar
                yield self._notes_pane
        yield AppFooter()

    def on_mount(self) -> None:
        self._show(self.index, fresh=True)

    @property
    def current(self) -> DeckScreen:
        """The deck screen being shown."""
        return self._screens[self.index]

    @property
    def notes(self) -> NotesPane:
        """The notes pane (kept, so notes can still be read while shutting down)."""
        return self._notes_pane

    @property
    def body(self) -> Widget | None:
        """The current screen's body widget."""
        return self._slides.get(self.current.id)

    @property
    def index(self) -> int:
        """Position of the current deck screen (the session's ``progress.screen``)."""
        return self.deck.screen_index(self.session.progress.screen)

    @index.setter
    def index(self, index: int) -> None:
        if index != self.index:
            self.session.progress.screen = self._screens[index].id
            self._show(index)
            self.tell_room()
            self.post_message(ScreenShown(self.current.id))

    def _show(self, index: int, *, fresh: bool = False) -> None:
        screen = self._screens[index]
        fresh = fresh or not self._slides.is_built(screen.id)
        body = self._slides.show(index)
        if body.has_class("-recording"):
            # A body not mounted yet builds itself from the session as it is now.
            if not fresh and body.is_mounted and isinstance(body, RecordingBodyProtocol):
                body.refresh_from_session()
            if not self.read_only:
                # Keys typed from now on wait until the cursor is in the body's field.
                release = keyboard.hold(self)
                self.call_later(self._slides.arrive, body, release)
        elif not self.notes.typing:
            # The cursor stays in the notes across a page turn (a clicker pressed while
            # typing): the next words go into the next screen's notes.
            self.set_focus(None)
        self._agenda.fit()
        # Notes: what was typed for the previous screen goes into the model first.
        self.flush_notes()
        self.notes.load(screen.id, self.session.notes.get(screen.id, ""), screen.hint)
        self.presenter.screen_shown()
        part = self.deck.part_of(screen.id)
        self.query_one(AppHeader).set_part(part_label(part))
        visited = self.session.progress.visited or []
        if screen.id not in visited:
            self.session.progress.visited = [*visited, screen.id]
        self._refresh_agenda()
        # Refreshing bindings rebuilds the footer; only do it when the offered keys change.
        offered = (screen.kind == "pattern", self.has_timer, bool(getattr(body, "tied", False)))
        if offered != self._offered:
            # The footer was composed with the first screen's keys already.
            if self._offered is not None:
                self.refresh_bindings()
            self._offered = offered
        # The next slide is built while the room still looks at this one.
        self.call_after_refresh(self.set_timer, 1.0, lambda: self._slides.prefetch(self.index))

    def stray_key_field(self) -> Widget | None:
        """Where a letter typed outside a text field goes: the body's field, on a
        recording screen (on the others it is a key of the programme)."""
        body = self.body
        if self.read_only or body is None or not body.has_class("-recording"):
            return None
        if not body.is_mounted or not isinstance(body, RecordingBodyProtocol):
            return None
        return body.typing_field()

    async def open_stray_field(self) -> Widget | None:
        """Where a letter typed outside a text field goes: on a recording screen the
        body's field; on any other screen this screen's notes, opened for it."""
        if self.read_only:
            return None
        field = self.stray_key_field()
        if field is not None:
            return field
        # A slide, or a recording screen with no field (the summary).
        return await self._notes_focus.open()

    def _refresh_agenda(self) -> None:
        noted = {sid for sid, text in self.session.notes.items() if text}
        visited = self.session.progress.visited or []
        self._agenda_list.show_state(self.current.id, visited, noted)

    def flush_notes(self) -> bool:
        """Move edited notes from the pane into the session; ``True`` if anything moved."""
        return self.notes.flush_into(self.session.notes)

    # -- navigation --------------------------------------------------------------------

    def go_to(self, screen_id: str) -> None:
        """Show the deck screen ``screen_id``."""
        self.index = self.deck.screen_index(screen_id)

    def tell_room(self) -> None:
        """What the room sees changed: a page turned, the loop, the timer, answers shown."""
        self.room_changes += 1

    def action_next(self) -> None:
        if (loop := self._loop()) is not None and loop.reveal_more():
            self.tell_room()
            return
        following = self._screens[self.index + 1] if self.index < len(self._screens) - 1 else None
        if following is not None and following.kind != "summary":
            self.index += 1
            return
        self.app.bell()
        if following is not None:  # every table's answers: never one key away from the room
            self.notify(SUMMARY_ON_PURPOSE, title="Einde van het programma")

    def action_previous(self) -> None:
        if self.index > 0:
            self.index -= 1
        else:
            self.app.bell()

    @on(OptionList.OptionSelected, "#agenda")
    def _agenda_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id and not event.option_id.startswith("part:"):
            self.go_to(event.option_id)
            self.set_focus(None)

    def action_scroll(self, lines: int) -> None:
        body = self.body
        if body is None:
            return
        # The slide itself, or (a recording body, e.g. read-only where nothing takes the
        # cursor) the first part of it that has more to show than fits.
        for part in (body, *body.query(ScrollableContainer)):
            if part.is_scrollable and part.max_scroll_y > 0:
                part.scroll_relative(y=lines, animate=False)
                return

    # -- panes and modes ---------------------------------------------------------------

    async def action_notes(self) -> None:  # f2: in the notes, or out of them again
        await self._notes_focus.toggle(self.body)

    def action_leave_notes(self) -> None:
        self._notes_focus.leave(self.body, self.stray_key_field)

    def action_agenda(self) -> None:
        self._agenda.toggle()

    def on_resize(self) -> None:
        self._agenda.fit()

    def action_presentation(self) -> None:
        presenting = not self.has_class("-presenting")
        self.set_class(presenting, "-presenting")
        self.remove_class("-console")
        if presenting and self.focused is not None and self.focused in self.notes.walk_children():
            self.set_focus(None)

    def action_console(self) -> None:
        self.presenter.toggle_console()

    def action_show_room(self) -> None:
        self.presenter.toggle_showing()

    # By name, not ``@on``: importing the loop view here would slow every start.
    def on_loop_view_changed(self, event: LoopView.Changed) -> None:
        if (loop := self._loop()) is not None and event.loop is loop:
            self.tell_room()

    def action_escape(self) -> None:
        focused = self.focused
        if isinstance(focused, (TextArea, Input, OptionList)):
            self.set_focus(None)
        else:
            self.presenter.change_loop(lambda loop: setattr(loop, "highlight", None))

    # -- pattern screens ---------------------------------------------------------------

    def _loop(self) -> LoopView | None:
        body = self.body  # a slide still being built has no loop yet (whole on arrival)
        return body.loop if isinstance(body, PatternSlide) and body.is_mounted else None

    def action_reveal_next(self) -> None:
        self.presenter.change_loop(lambda loop: loop.reveal_next())

    def action_reveal_all(self) -> None:
        self.presenter.change_loop(lambda loop: setattr(loop, "reveal", None))

    def action_highlight_next(self) -> None:
        self.presenter.change_loop(lambda loop: loop.step_highlight(1))

    def action_highlight_previous(self) -> None:
        self.presenter.change_loop(lambda loop: loop.step_highlight(-1))

    def action_breaks(self) -> None:
        self.presenter.toggle_breaks()

    # -- timer and tables --------------------------------------------------------------

    def action_timer_toggle(self) -> None:
        if self._timer is not None and self.has_timer:
            self._timer.toggle()
            self.tell_room()

    def action_timer_reset(self) -> None:
        if self._timer is not None and self.has_timer:
            self._timer.reset()
            self.tell_room()

    async def action_new_record(self) -> None:
        """Ctrl+n wherever the cursor is: a new record on the recording screen shown."""
        body = self.body
        if isinstance(body, NewRecordBody) and body.is_mounted and not self.read_only:
            await body.new_record()

    def action_to_tables(self) -> None:
        tables = next((s for s in self._screens if s.kind == "tables"), None)
        if tables is None or self.read_only:
            if tables is not None:
                self.go_to(tables.id)
            return
        body = self._slides.get(tables.id)
        if self.current.id == tables.id and isinstance(body, AnswerFirstBody) and body.is_mounted:
            field = body.first_answer_field()
            if field is not None:
                self.set_focus(field)
            return
        # The arrival puts the cursor in the first answer instead of the first field; the
        # keys typed right after f9 wait for it (see Bodies.arrive).
        self._slides.to_answer = True
        self.go_to(tables.id)

    def export(self, summary_id: str) -> None:
        """Go to the summary and start its export of the report."""
        self.go_to(summary_id)
        if self.body is not None:
            self.call_later(self._export, self.body)

    async def _export(self, body: Widget) -> None:
        if await self._slides.ready(body) and isinstance(body, ExportingBody):
            body.action_export()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in PATTERN_ACTIONS:  # ctrl+o where first steps cut this loop (or to hide it)
            body = self.body
            return isinstance(body, PatternSlide) and (action != "breaks" or body.tied)
        if action in ("timer_toggle", "timer_reset"):
            return self.has_timer
        if action == "to_tables":
            return any(s.kind == "tables" for s in self._screens)
        if action == "leave_notes":
            return self.notes.typing
        if action == "new_record":
            return not self.read_only and isinstance(self.body, NewRecordBody)
        return True

    # -- changes -----------------------------------------------------------------------

    @on(NotesPane.Edited)
    def _notes_edited(self, event: NotesPane.Edited) -> None:
        event.stop()
        self._refresh_agenda()
        self.post_message(SessionChanged())

    @on(SessionChanged)
    def _session_changed(self, event: SessionChanged) -> None:
        # The agenda marks screens with notes; the message goes on up to the app, which
        # saves.
        self._refresh_agenda()
