"""The programme screen's side of presenting: the presenter console, the answers shown to
the room, and the room state the audience window follows (``core/room/room_files.py``).

The programme screen owns one ``Presenter``. The console (f3, or on its own when an
audience window arrives) shows the notes pane beside the slide and a line with the next
screen and the programme's time. ctrl+b blanks the audience window and brings it back;
the header says so while the room sees nothing. f10 shows this screen's answers in the
audience window; the header says so loudly while it is on, and turning the page switches
it off, so what is typed on the next screen is never on the projector unasked. On a pattern screen ctrl+o
shows (or hides) where the first steps agreed so far cut the loop, in both windows (offered
only where a first step is tied to the pattern).

``Presenter`` is given what it reads (deck, session, timer, the notes pane, and the deck
screen and body shown, as functions) and what it calls (``changed``: the room must hear;
``relayout``: the notes took or gave back room). It works on the Textual screen its console
line is on: the ``-console`` and ``-notes`` classes the programme's styles lay out by, the
slide's ``-showing`` border and the header.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.widget import Widget

from patroon_tui.core.model.deck import Deck, Screen as DeckScreen
from patroon_tui.core.model.session import Session
from patroon_tui.core.report.privacy import KINDS, find_in_text, redact_text
from patroon_tui.core.room.room_files import (
    RoomState,
    Shown,
    TimerState,
    room_view,
    shown_answers,
)
from patroon_tui.core.text.terminal_safe import printable
from patroon_tui.messages import AskChoice
from patroon_tui.widgets.console_bar import ConsoleBar
from patroon_tui.widgets.header import AppHeader
from patroon_tui.widgets.notes import NotesPane
from patroon_tui.widgets.recording import ask
from patroon_tui.widgets.slide import PatternSlide

if TYPE_CHECKING:
    from patroon_tui.widgets.loop_view import LoopView
    from patroon_tui.widgets.timer import TimerDisplay

NOTHING_TO_SHOW = "Op dit scherm zijn geen antwoorden om aan de zaal te tonen."
#: The answers to "personal data for the room?", the safe one first.
SHOW_CHOICES = [("niet", "Niet tonen"), ("vervangen", "Vervangen"),
                ("tonen", "Wel tonen")]


class Presenter:
    """Console mode, answers shown to the room, and the state the room follows."""

    def __init__(
        self, deck: Deck, session: Session, notes: NotesPane, *,
        current: Callable[[], DeckScreen], body: Callable[[], Widget | None],
        changed: Callable[[], None], relayout: Callable[[], None],
        timer: TimerDisplay | None = None, read_only: bool = False,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self._deck = deck
        self._session = session
        self._notes = notes
        self._current = current
        self._body = body
        self._changed = changed
        self._relayout = relayout
        self._timer = timer
        self._read_only = read_only
        self.showing = False
        """Whether the room sees the current screen's answers (f10)."""
        self.blank = False
        """Whether the room sees nothing (ctrl+b): its window is blank until pressed again."""
        self._personal = False
        # Whether the facilitator chose to show personal data as it is: else every piece
        # found, also one typed while the answers are shown, reaches the room replaced.
        self.bar = ConsoleBar(deck, session.progress, lambda: current().id, now=now,
                              id="console-bar")

    @property
    def console(self) -> bool:
        """Whether the screen is in console mode."""
        return self.bar.is_attached and self.bar.screen.has_class("-console")

    def toggle_console(self) -> None:
        """Console mode on (notes beside the slide, the console line) or off again."""
        screen = self.bar.screen
        if self.console:
            screen.remove_class("-console")
            if not self._notes.typing:
                screen.remove_class("-notes")
            self._relayout()
            screen.refresh_bindings()
            return
        screen.remove_class("-presenting")
        screen.add_class("-console", "-notes")
        _ = self._notes.text_area  # built and mounted, without taking the cursor
        self._relayout()  # the notes take room: a narrow screen folds the agenda away
        self.bar.redraw()
        screen.refresh_bindings()  # the footer shows the room's keys (ctrl+b) now

    def audience_arrived(self) -> None:
        """An audience window follows now: the facilitator's window becomes the console."""
        if not self.console:
            self.toggle_console()

    def toggle_showing(self) -> None:
        """Show this screen's answers to the room, or stop showing them. Where they hold
        personal data, the facilitator is asked first (the safe answer: not shown)."""
        if self._read_only:
            return
        if self.showing:
            self._set_showing(False)
            self.bar.notify("De zaal ziet de antwoorden niet meer.", title="Publieksvenster")
            return
        shown = self.shown()
        if shown is None:
            self.bar.notify(NOTHING_TO_SHOW, severity="warning")
            return
        found = [f for label, text in shown.items for f in find_in_text(text, label)]
        if not found:
            self._show(personal=False, replaced=False)
            return
        named = ", ".join(dict.fromkeys(
            f"{KINDS[f.kind]} ‘{printable(f.text)}’" for f in found))
        ask(self.bar, AskChoice(
            "Persoonsgegevens voor de zaal?",
            f"In de antwoorden op dit scherm staan mogelijk persoonsgegevens: {named}. "
            "Niet tonen, tonen met de persoonsgegevens vervangen, of wel tonen zoals getypt?",
            SHOW_CHOICES, cancel="niet", on_answer=self._answered,
        ))

    def _answered(self, answer: str | None) -> None:
        if answer in ("vervangen", "tonen") and not self.showing:
            self._show(personal=answer == "tonen", replaced=answer == "vervangen")

    def _show(self, *, personal: bool, replaced: bool) -> None:
        self._personal = personal
        self._set_showing(True)
        self.bar.notify(
            "De zaal ziet nu de antwoorden, met de persoonsgegevens vervangen." if replaced
            else "De zaal ziet nu de antwoorden op dit scherm.",
            title="Publieksvenster",
        )

    def _set_showing(self, showing: bool) -> None:
        if showing == self.showing:
            return
        self.showing = showing
        if not showing:
            self._personal = False
        self._changed()  # the room first: restyling below takes a while
        screen = self.bar.screen
        # On the slide, not the screen: a class on the screen restyles every widget on it.
        screen.query_one("#slide").set_class(showing, "-showing")
        screen.query_one(AppHeader).set_showing(showing)

    def toggle_breaks(self) -> None:
        """Show where the first steps cut the pattern's loop, or hide it (here and in the
        audience window)."""
        body = self._body()
        if isinstance(body, PatternSlide):
            body.show_breaks(not body.breaks_shown)
            self._changed()

    def toggle_blank(self) -> None:
        """Blank the audience window, or show the slide again (the page turns made while
        it was blank are followed: it shows the screen shown then)."""
        self.blank = not self.blank
        self._changed()  # the room first, as for the answers
        self.bar.screen.query_one(AppHeader).set_blank(self.blank)

    def change_loop(self, change: Callable[[LoopView], object]) -> None:
        """Change the loop of a pattern screen (its reveal, its highlight); the room state
        has it at once."""
        body = self._body()
        if isinstance(body, PatternSlide):
            change(body.loop)
            self._changed()

    def screen_shown(self) -> None:
        """Another screen: its answers are not shown until asked for again."""
        self._set_showing(False)
        self.bar.redraw()

    def shown(self) -> Shown | None:
        """The answers of this screen as typed (``None``: none here)."""
        return shown_answers(self._session, self._deck, self._current())

    def _shown_to_room(self) -> Shown | None:
        shown = self.shown()
        if shown is None or self._personal:
            return shown
        return Shown(shown.title, tuple((label, redact_text(text)) for label, text in shown.items))

    def _seen_anyway(self) -> Shown | None:
        # What the room sees of a screen unasked (the look back's statuses): personal data
        # replaced, as the facilitator was not asked.
        shown = room_view(self._session, self._current())
        if shown is None:
            return None
        return Shown(shown.title, tuple((redact_text(label), redact_text(text))
                                        for label, text in shown.items))

    def state(self, *, pid: int, seq: int) -> RoomState:
        """What the room should see now."""
        reveal = highlight = None
        cuts: tuple[tuple[int, int, str], ...] = ()
        body = self._body()
        if isinstance(body, PatternSlide):
            try:
                loop = body.loop
            except NoMatches:  # not composed yet: the loop is whole on arrival
                pass
            else:
                reveal, highlight = loop.reveal, loop.highlight
                # The room reads the first steps with personal data replaced, as answers.
                notes = loop.cut_notes
                cuts = tuple((arrow, n, redact_text(notes.get(n, "")))
                             for arrow, steps in loop.cuts.items() for n in steps)
        timer = TimerState()
        if self._timer is not None and self._timer.timer.started:
            t = self._timer.timer
            timer = TimerState(started=True, running=t.running, remaining=t.remaining(),
                               at=time.time())
        return RoomState(
            session=self._session.session.id, screen=self._current().id,
            reveal=reveal, highlight=highlight, cuts=cuts, timer=timer,
            shown=self._shown_to_room() if self.showing else self._seen_anyway(), pid=pid,
            seq=seq, blank=self.blank,
        )
