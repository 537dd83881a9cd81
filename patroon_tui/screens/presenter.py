"""The programme screen's side of presenting: the presenter console, the answers shown to
the room, and the room state the audience window follows (``core/room/room_files.py``).

``ProgrammeScreen`` owns one ``Presenter``. The console (f3, or on its own when an audience
window arrives) shows the notes pane beside the slide and a line with the next screen and
the programme's time. f10 shows this screen's answers in the audience window; the header
says so loudly while it is on, and turning the page switches it off, so what is typed on
the next screen is never on the projector unasked.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.css.query import NoMatches

from patroon_tui.core.room.room_files import RoomState, TimerState, shown_answers
from patroon_tui.widgets.console_bar import ConsoleBar
from patroon_tui.widgets.header import AppHeader
from patroon_tui.widgets.slide import PatternSlide

if TYPE_CHECKING:
    from patroon_tui.screens.agenda_fold import AgendaFold
    from patroon_tui.screens.programme import ProgrammeScreen
    from patroon_tui.widgets.loop_view import LoopView
    from patroon_tui.widgets.timer import TimerDisplay

NOTHING_TO_SHOW = "Op dit scherm zijn geen antwoorden om aan de zaal te tonen."


class Presenter:
    """Console mode, answers shown to the room, and the state the room follows."""

    def __init__(self, screen: ProgrammeScreen, timer: TimerDisplay | None,
                 agenda: AgendaFold, *, now: Callable[[], dt.datetime] | None = None) -> None:
        self._screen = screen
        self._agenda = agenda
        self._timer = timer
        self.showing = False
        """Whether the room sees the current screen's answers (f10)."""
        self.bar = ConsoleBar(screen.deck, screen.session.progress, now=now,
                              id="console-bar")

    @property
    def console(self) -> bool:
        """Whether the screen is in console mode."""
        return self._screen.has_class("-console")

    def toggle_console(self) -> None:
        """Console mode on (notes beside the slide, the console line) or off again."""
        programme = self._screen
        if self.console:
            programme.remove_class("-console")
            if not programme.notes.typing:
                programme.remove_class("-notes")
            self._agenda.fit()
            return
        programme.remove_class("-presenting")
        programme.add_class("-console", "-notes")
        _ = programme.notes.text_area  # built and mounted, without taking the cursor
        self._agenda.fit()  # the notes take room: a narrow screen folds the agenda away
        self.bar.follow(programme.current.id)

    def audience_arrived(self) -> None:
        """An audience window follows now: the facilitator's window becomes the console."""
        if not self.console:
            self.toggle_console()

    def toggle_showing(self) -> None:
        """Show this screen's answers to the room, or stop showing them."""
        programme = self._screen
        if programme.read_only:
            return
        if not self.showing and self.shown() is None:
            programme.notify(NOTHING_TO_SHOW, severity="warning")
            return
        self._set_showing(not self.showing)
        programme.notify(
            "De zaal ziet nu de antwoorden op dit scherm." if self.showing
            else "De zaal ziet de antwoorden niet meer.",
            title="Publieksvenster",
        )

    def _set_showing(self, showing: bool) -> None:
        if showing == self.showing:
            return
        self.showing = showing
        self._screen.tell_room()  # the room first: restyling below takes a while
        # On the slide, not the screen: a class on the screen restyles every widget on it.
        self._screen.query_one("#slide").set_class(showing, "-showing")
        self._screen.query_one(AppHeader).set_showing(showing)

    def change_loop(self, change: Callable[[LoopView], object]) -> None:
        """Change the loop of a pattern screen (its reveal, its highlight); the room state
        has it at once."""
        body = self._screen.body
        if isinstance(body, PatternSlide):
            change(body.loop)
            self._screen.tell_room()

    def screen_shown(self) -> None:
        """Another screen: its answers are not shown until asked for again."""
        self._set_showing(False)
        self.bar.follow(self._screen.current.id)

    def shown(self):
        """The answers of this screen as the room would see them (``None``: none here)."""
        programme = self._screen
        return shown_answers(programme.session, programme.deck, programme.current)

    def state(self, *, pid: int, seq: int) -> RoomState:
        """What the room should see now."""
        programme = self._screen
        reveal = highlight = None
        body = programme.body
        if isinstance(body, PatternSlide):
            try:
                loop = body.loop
            except NoMatches:  # not composed yet: the loop is whole on arrival
                pass
            else:
                reveal, highlight = loop.reveal, loop.highlight
        timer = TimerState()
        if self._timer is not None and self._timer.timer.started:
            t = self._timer.timer
            timer = TimerState(started=True, running=t.running, remaining=t.remaining(),
                               at=time.time())
        return RoomState(
            session=programme.session.session.id, screen=programme.current.id,
            reveal=reveal, highlight=highlight, timer=timer,
            shown=self.shown() if self.showing else None, pid=pid, seq=seq,
        )
