"""A small app that shows one recording body, for Pilot tests of the bodies on their own.

It records what the app would react to: ``SessionChanged`` messages, bells and
notifications. F6/F7 drive the timer as the real app's keys do.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer

from patroon_tui.app.key_routing import KeyRoutedApp
from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.session import Session
from patroon_tui.core.model.timer import TableTimer
from patroon_tui.dialogs import DialogHost
from patroon_tui.messages import AskConfirm, AskReportPath, EditOwnPattern, SessionChanged
from patroon_tui.widgets.timer import TimerDisplay
from tests.waiting import settle, until as wait_until


class BodyHarness(KeyRoutedApp):
    """Shows ``make_body(deck, session)`` (and the timer, when given) full screen."""

    BINDINGS = [
        Binding("f6", "timer_toggle", "Timer start/pauze", id="harness.timer-toggle", priority=True),
        Binding("f7", "timer_reset", "Timer opnieuw", id="harness.timer-reset", priority=True),
    ]

    def __init__(
        self,
        deck: Deck,
        session: Session,
        make_body: Callable[[Deck, Session], Widget],
        *,
        timer: TableTimer | None = None,
    ) -> None:
        super().__init__()
        self.deck = deck
        self.session = session
        self.make_body = make_body
        self.timer = timer
        self.changes = 0
        self.bells = 0
        self.notices: list[str] = []
        self.dialogs = DialogHost(self)

    def compose(self) -> ComposeResult:
        if self.timer is not None:
            yield TimerDisplay(self.timer, self.session.progress, id="timer")
        yield self.make_body(self.deck, self.session)
        yield Footer()

    async def on_ask_confirm(self, event: AskConfirm) -> None:
        await self.dialogs.ask_confirm(event)

    async def on_ask_report_path(self, event: AskReportPath) -> None:
        await self.dialogs.ask_report_path(event)

    async def on_edit_own_pattern(self, event: EditOwnPattern) -> None:
        await self.dialogs.edit_own_pattern(event)

    def on_session_changed(self, _: SessionChanged) -> None:
        self.changes += 1

    def bell(self) -> None:
        self.bells += 1

    def notify(self, message, *args, **kwargs) -> None:  # type: ignore[override]
        self.notices.append(str(message))
        super().notify(message, *args, **kwargs)

    def action_timer_toggle(self) -> None:
        self.query_one(TimerDisplay).toggle()

    def action_timer_reset(self) -> None:
        self.query_one(TimerDisplay).reset()


async def type_text(pilot, text: str) -> None:
    """Type ``text`` into the focused field, key by key; newlines as enter.

    Characters the Pilot cannot name as a key (emoji and other symbols outside ASCII) are
    sent as key events carrying that character, as a terminal does.
    """
    for char in text:
        if char == "\n":
            await pilot.press("enter")
        elif char.isalnum() or (char.isascii() and char.isprintable()):
            await pilot.press(char)
        else:
            assert pilot.app.focused is not None, "nothing has focus to type into"
            # Posted to the app, as the terminal driver does: it goes through the key
            # bindings and on to the focused widget.
            pilot.app.post_message(events.Key(char, char))
            await pilot.pause()


async def paste_text(pilot, text: str) -> None:
    """Paste ``text`` into the focused field in one go, as a terminal's bracketed paste does."""
    assert pilot.app.focused is not None, "nothing has focus to paste into"
    pilot.app.post_message(events.Paste(text))  # the app hands it to the focused widget
    await pilot.pause()


async def send_at_once(pilot, *keys: str, until=None) -> None:
    """Keys arriving together, as from a fast typist: none waits for the one before.

    Then lets the app work through them: until ``until()`` holds, or (none given) until
    it is idle.
    """
    for key in keys:
        char = " " if key == "space" else (key if len(key) == 1 else None)
        pilot.app.post_message(events.Key(key, char))
    if until is None:
        await settle(pilot)
    else:
        await wait_until(pilot, until)
