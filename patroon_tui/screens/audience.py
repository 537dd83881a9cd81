"""The audience window's screen: the slide the facilitator's window shows, for the room.

``AudienceScreen`` reads the session's room state (``core/room/room_files.py``) fifty times a second
and shows what it names: a text or pattern slide as the programme draws it (the loop with
the facilitator's reveal and highlight), a recording screen as ``RoomSlide`` (title,
introduction, the tables' questions; answers only when shown), and the table timer while
it runs (on the tables screen in large digits, ``RoomTimer``). It never reads the session file after opening, never writes it and never takes
its lock; it says it is there with a presence file of its own beside the session, which
the facilitator's window looks for. While no facilitator's window writes a state it can
use (none, a state of another session or programme, a file that is not a state), the last
slide stays and one quiet line at the bottom says the window waits. While the state says
the room sees nothing (the facilitator's ctrl+b), the window is black: no slide, no timer;
the pages turned meanwhile are followed, so the slide shown after is the current one. Reading the state
never blocks and never reads more than a megabyte (``RoomReader``), so ctrl+q always
ends the window whatever lies at the state's name.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.room.room_files import Presence, RoomReader, RoomState
from patroon_tui.widgets.room_slide import RoomSlide
from patroon_tui.widgets.room_timer import RoomTimer
from patroon_tui.widgets.slide import (
    RECORDING_WIDGETS,
    PatternSlide,
    TextSlide,
    conversation_markdown,
    slide_figure,
)
from patroon_tui.widgets.timer import format_seconds

#: Seconds between looks at the room state: a page turn is on the projector within this.
#: A look is one ``lstat`` of a file while nothing changed: cheap, so often.
POLL_EVERY = 0.02
#: Seconds after a page turn before the slides around it are built ahead.
AHEAD_AFTER = 0.5
#: The slides built ahead, from the one shown: the next two (a clicker pressed twice
#: quickly) and the one before (a clicker pressed back).
AHEAD = (1, 2, -1)
WAITING = "wacht op het venster van de begeleider…"


class AudienceScreen(Screen):
    """The slide, large and centred; no header, footer, notes or keys on view."""

    CSS_PATH = "audience.tcss"
    AUTO_FOCUS = ""
    # Quitting is the one key; it is shown nowhere the room would read it.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "app.quit", "Stop", show=False, priority=True),
        Binding("ctrl+c", "app.quit", "Stop", show=False, priority=True),
        # The theme of this window (the projector's): the one palette it has.
        Binding("ctrl+p", "app.choose_theme", "Thema", show=False, priority=True),
    ]

    def __init__(
        self, deck: Deck, session_path: Path, session_id: str, first_screen: str, *,
        wall: Callable[[], float] = time.time, clock: Callable[[], float] = time.monotonic,
        poll_every: float | None = POLL_EVERY,
    ) -> None:
        super().__init__(id="audience")
        self.deck = deck
        self._reader = RoomReader(session_path, session_id)
        self._presence = Presence(session_path)
        self._wall = wall
        self._clock = clock
        self._poll_every = poll_every
        self._state: RoomState | None = None
        ids = {s.id for s in deck.screens}
        self.screen_id = first_screen if first_screen in ids else deck.screens[0].id
        """The deck screen shown."""
        self.following = False
        """Whether a facilitator's window is being followed now."""
        self.blank = False
        """Whether the room sees nothing (the facilitator's ctrl+b)."""
        self._body: Widget | None = None
        self._ahead: dict[str, Widget] = {}

    def compose(self) -> ComposeResult:
        with Container(id="stage"):
            self._body = self._build(self.screen_id)
            yield self._body
        yield Static("", id="room-timer")
        yield RoomTimer(id="room-timer-large")
        yield Static(WAITING, id="waiting", markup=False)
        yield Static("", id="blank")

    def on_mount(self) -> None:
        self.set_timer(AHEAD_AFTER, self._build_ahead)
        self._presence.announce()
        if self._poll_every is not None:  # tests poll by hand, with their own clocks
            self.set_interval(self._poll_every, self.poll)
        self.set_interval(1.0, self._show_timer)
        self.call_later(self.poll)

    def on_unmount(self) -> None:
        self._presence.withdraw()

    @property
    def body(self) -> Widget | None:
        """The slide shown."""
        return self._body

    def _build(self, screen_id: str) -> Widget:
        screen = self.deck.screen(screen_id)
        if screen.kind in RECORDING_WIDGETS:
            return RoomSlide(self.deck, screen)
        # Text and pattern slides never read the session: the deck draws them.
        if screen.kind == "pattern":
            return PatternSlide(screen, self.deck)
        markdown = (conversation_markdown(self.deck, screen) if screen.kind == "conversation"
                    else screen.body)
        return TextSlide(screen, markdown, figure=slide_figure(self.deck, screen))

    # -- following ---------------------------------------------------------------------

    async def poll(self) -> None:
        """Look at the room state and show what it says."""
        state = self._reader.poll(self._clock())
        if state is not None and not self._knows(state.screen):
            state = None  # another programme's screen: nothing here to show of it
        self.following = state is not None
        self.query_one("#waiting", Static).display = state is None
        if state is None:
            self._state = None  # followed again from scratch when a window comes back
            self._show_timer()
            return
        if state == self._state:
            return
        self._state = state
        self._set_blank(state.blank)
        if state.screen != self.screen_id:
            await self._turn_to(state.screen)
        self._follow_details(state)
        self._show_timer()

    async def _turn_to(self, screen_id: str) -> None:
        old, old_id = self._body, self.screen_id
        self.screen_id = screen_id
        body = self._ahead.pop(screen_id, None)
        if body is not None:
            body.display = True
        else:
            body = self._build(screen_id)
            await self.query_one("#stage", Container).mount(body)
        self._body = body
        if old is not None:
            # Kept hidden: the clicker pressed back shows it again without building it.
            old.display = False
            self._ahead[old_id] = old
        for kept in set(self._ahead) - set(self._around(screen_id)):
            self._ahead.pop(kept).remove()
        # The slides around this one are built while the room looks at it: the clicker's
        # next page is then only shown, not built (Markdown takes tens of milliseconds).
        self.set_timer(AHEAD_AFTER, self._build_ahead)

    def _around(self, screen_id: str) -> list[str]:
        ids = [s.id for s in self.deck.screens]
        index = ids.index(screen_id)
        return [ids[index + step] for step in AHEAD if 0 <= index + step < len(ids)]

    async def _build_ahead(self) -> None:
        if not self.is_attached:
            return
        for screen_id in self._around(self.screen_id):
            if screen_id not in self._ahead:
                body = self._build(screen_id)
                body.display = False
                self._ahead[screen_id] = body
                await self.query_one("#stage", Container).mount(body)

    def _set_blank(self, blank: bool) -> None:
        # Kept while no facilitator's window writes: a room blanked stays blank.
        self.blank = blank
        self.query_one("#stage").display = not blank
        self.query_one("#blank").display = blank

    def _knows(self, screen_id: str) -> bool:
        return any(s.id == screen_id for s in self.deck.screens)

    def _follow_details(self, state: RoomState) -> None:
        body = self._body
        if isinstance(body, PatternSlide):
            body.loop.reveal = state.reveal
            body.loop.highlight = state.highlight
            cuts: dict[int, list[int]] = {}
            for arrow, number, _ in state.cuts:
                cuts.setdefault(arrow, []).append(number)
            body.loop.set_cuts(cuts, {number: text for _, number, text in state.cuts})
        elif isinstance(body, RoomSlide):
            body.show(state.shown)

    def _show_timer(self) -> None:
        label = self.query_one("#room-timer", Static)
        large = self.query_one("#room-timer-large", RoomTimer)
        state = self._state
        timer = state.timer if state is not None else None
        shown = timer is not None and timer.started and self.following and not self.blank
        # The table round: the time in large digits, for the back of the room.
        on_tables = self.deck.screen(self.screen_id).kind == "tables"
        label.display = shown and not on_tables
        large.display = shown and on_tables
        if timer is not None and timer.started:
            left = timer.left(self._wall())
            if on_tables:
                large.show(left, running=timer.running)
            else:
                label.update("⏱ Tijd!" if left == 0 else f"⏱ {format_seconds(left)}")
