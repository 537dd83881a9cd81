"""Key routing: the app delivers every key whole, in the order typed, where the cursor is then.

Textual delivers keys asynchronously: the app reads a key, hands it to the focused widget's
queue and reads the next one at once. Three things then go wrong:

1. A field's own editing keys (backspace, ctrl+k, enter …) run as bindings only after the
   key has bubbled back up to the app, while the characters after it are inserted at once
   (Textual #6605, fix proposed in PR #6631): "ab⌫c" becomes "ac" deleted elsewhere.
2. The same holds for every non-priority binding of a screen (→, n, escape, tab …): the
   keys typed after it reach the old field, or the screen, before the binding has moved
   the cursor.
3. A change of screen, table or dialog finishes a moment later (mounting, a dialog's
   answer); keys typed in that moment reach what had the cursor before, or nothing.

``KeyRouter`` (the app's part ``app.keys``) answers all three in one place:

- each key's binding, if any, runs in the app's own turn before the next key is read (the
  binding Textual would have found, via the public ``Screen.active_bindings``);
- a key handed to a widget is waited for (``keyboard.drained``) before the next one is read;
- while a change is under way (``keyboard.hold``), keys wait in order and are delivered,
  when it ends, to whatever has the cursor then;
- a printable key typed while the cursor is not in a text field goes into the screen's
  field (``open_stray_field``: on a slide its notes, on a recording screen the field typed
  in last), never nowhere and never as a command;
- printable keys read one after another for one text field go in together
  (``app.typed_run``), before any other key, a paste or the last save;
- enter typed before the app has taken the terminal is enter, and escape with a letter
  typed right after it is escape and the letter, not alt+letter (``as_typed``);
- Textual's terminal reader gets a decoder that survives an invalid byte and keeps a
  pasted escape inside its paste (``terminal_reader.read_terminal_safely``, Textual #6456).

This module and ``terminal_reader`` are where the keys work around Textual;
``tests/app/test_keyboard_upstream.py`` fails once Textual runs a field's bindings in order
by itself (then the binding part can go) or its reader does what ``read_terminal_safely``
does.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events, on
from textual.app import App
from textual.command import CommandPalette
from textual.message import Message
from textual.widget import Widget
from textual.widgets import TextArea

from patroon_tui.app.terminal_reader import read_terminal_safely
from patroon_tui.app.typed_run import TypedRun, insert_typed
from patroon_tui.core import platform
from patroon_tui.keyboard import (
    HOLD_WAIT,
    OpensStrayField,
    Release,
    StrayKeys,
    drained,
    is_text_field,
    settled,
    takes,
)

#: Keys that type text besides the printable ones.
TYPING_KEYS = frozenset({"enter", "backspace", "delete", "tab"})

#: How long enter in the command palette waits for its search, and the palette's command
#: for the keys typed behind it.
PALETTE_WAIT = 0.5


def as_typed(event: events.Key) -> list[events.Key]:
    """The keys the facilitator pressed, where the terminal's bytes say otherwise.

    - Enter as a line feed: keys typed while the app starts wait in the terminal, which is
      still in its ordinary (cooked) mode and turns enter's carriage return into a line
      feed (the terminal's ICRNL setting); Textual reads that as ctrl+j, which no field takes, and the
      enter was lost. A line feed typed later is ctrl+j, which terminals send for enter too.
    - Escape and a letter: a letter typed within a tenth of a second after escape arrives
      in the same read as the escape's byte, and Textual reads the two as alt+letter (the
      terminal's "meta" prefix): the escape was lost and the letter went where the escape
      would have taken the cursor away from. The app binds no alt+letter, so it is read
      as what was typed: escape, then the letter.
    """
    if event.key == "ctrl+j" and event.character == "\n":
        return [events.Key("enter", "\r")]
    char = event.character
    if (
        event.key.startswith("alt+")
        and char is not None
        and len(char) == 1
        and char.isalpha()
        and event.key in (f"alt+{char}", f"alt+shift+{char.lower()}")
    ):
        # As the terminal sends a letter on its own: "a" is the key a, "A" the key A.
        return [events.Key("escape", "\x1b"), events.Key(char, char)]
    return [event]


class KeyRouter:
    """Delivers the keys of one app as described above (``KeyRoutedApp`` hands it every
    key and paste)."""

    def __init__(self, app: App, forward: Callable[[events.Event], Awaitable[None]]) -> None:
        self.app = app
        self._forward = forward
        """Textual's own handling of an event by the app (delivery to the focused widget,
        priority bindings first)."""
        self._held_keys: deque[events.Key | events.Paste] = deque()
        self._holds: set[Release] = set()
        self._palette_hold: Release | None = None
        self.received = 0
        """How many keys the terminal has sent so far (handled or still queued)."""
        self._typed_at: float | None = None
        self.last_key_at: float | None = None
        """When the last key arrived (``time.monotonic``)."""
        self._typed = TypedRun(self._apply_typed_later)

    def arrived(self, message: Message) -> None:
        """Count ``message`` as it is posted to the app, if it is a key."""
        if isinstance(message, events.Key):
            self.received += 1
            self.last_key_at = time.monotonic()
            typing = message.is_printable or message.key in TYPING_KEYS
            self._typed_at = self.last_key_at if typing else None

    def typing_pause(self) -> float:
        """Seconds since the last key that typed text; infinite when the last key was a
        command (ctrl+s …) or none came yet. A question nobody asked for waits for a pause,
        or the words typed at it would be taken as its answers."""
        return math.inf if self._typed_at is None else time.monotonic() - self._typed_at

    async def deliver_held_keys(self) -> None:
        """Deliver the keys waiting for a change now, to wherever the cursor is (the app
        is about to end and will not wait for the change)."""
        self._holds.clear()
        await self._replay()
        await self.apply_typed()

    # -- holding -----------------------------------------------------------------------

    def hold_keys(self, timeout: float) -> Release:
        """Keys typed from now on wait until the returned ``Release`` is called (see
        ``keyboard.hold``)."""
        release = Release(self)
        self._holds.add(release)
        self.app.set_timer(timeout, release)
        return release

    def release_hold(self, release: Release) -> None:
        self._holds.discard(release)
        if not self._holds and self._held_keys:
            self.app.call_later(self._replay)

    def put_back(self, event: events.Key | events.Paste) -> None:
        """``event`` goes again, first, once the holds under way have ended (see
        ``keyboard.put_back``); the keys behind it wait at least until the app's next turn,
        when a dialog that closed on it has gone."""
        # A fresh event: the one handled now has been stopped on its way.
        again = (events.Paste(event.text) if isinstance(event, events.Paste)
                 else events.Key(event.key, event.character))
        self._held_keys.appendleft(again)
        release = self.hold_keys(HOLD_WAIT)
        # By the app's next turn the dialog has gone: hold on until the screen under it
        # has its cursor back (also for a paste, which no screen change holds for).
        self.app.call_later(self.hold_for_screen)
        self.app.call_later(release.__call__)

    async def _replay(self) -> None:
        while self._held_keys and not self._holds:
            await self._deliver(self._held_keys.popleft())

    def hold_after_screen_change(self, before: object) -> None:
        """Hold keys until a screen just pushed or popped has set itself up."""
        if self.app.screen is not before:
            self.hold_for_screen()

    def hold_for_screen(self) -> None:
        """Hold keys until the current screen has set itself up (mounted, drawn once, the
        cursor in its field): also the first screen, while the app starts."""
        release = self.hold_keys(HOLD_WAIT)

        def after_screen() -> None:
            self.app.call_after_refresh(release)

        if not self.app.screen.call_later(after_screen):
            release()

    # -- delivering --------------------------------------------------------------------

    async def take(self, event: events.Event) -> bool:
        """Deliver ``event`` if it is a key or a paste from the terminal (``True``); other
        events are the app's to handle as Textual does."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            for key in as_typed(event):
                if self._holds or self._held_keys:
                    self._held_keys.append(key)
                else:
                    await self._deliver(key)
            return True
        if isinstance(event, events.Paste):
            # A paste is typing too: it takes its turn behind the keys typed before it.
            if self._holds or self._held_keys:
                self._held_keys.append(event)
            else:
                await self._deliver(event)
            return True
        return False

    async def _deliver(self, event: events.Key | events.Paste) -> None:
        app = self.app
        if not app.screen_stack:
            # The app is ending and its screens are gone: no field is left to take a key
            # typed after that (``app.screen`` would raise).
            return
        if isinstance(event, events.Paste):
            await self.apply_typed()
            await self._forward(event)
            await drained(app.focused or app.screen)
            return
        if not event.is_printable:
            # The text typed before this key goes in first (the palette searches it).
            await self.apply_typed()
        screen = app.screen
        if isinstance(screen, CommandPalette) and event.key == "enter":
            # Enter picks what the list shows: first let the search for what was typed
            # finish (it runs in a worker of the palette), or enter picks a stale hit.
            await settled(app.focused, stop=app)
            searching = [w for w in app.workers if w.node is screen and not w.is_finished]
            if searching:
                try:
                    await asyncio.wait_for(
                        app.workers.wait_for_complete(searching), PALETTE_WAIT
                    )
                except TimeoutError:
                    pass
            # The palette closes and runs its command a moment after enter; the keys typed
            # behind enter belong to where the command puts the cursor.
            self._palette_hold = self.hold_keys(PALETTE_WAIT)
        try:
            await self._route(event)
        finally:
            self.hold_after_screen_change(screen)

    def palette_closed(self) -> None:
        """The command palette has closed: the keys typed behind its enter go on."""
        release, self._palette_hold = self._palette_hold, None
        if release is not None:
            # Queued behind the command the palette has just asked the app to run.
            self.app.call_later(self.app.call_after_refresh, release)

    async def _route(self, event: events.Key) -> None:
        app = self.app
        focused = app.focused
        # Enter in a multi-line field is a new line, not a binding of the screen around it.
        typing = event.is_printable or (event.key == "enter" and isinstance(focused, TextArea))
        if typing and takes(focused, event):
            if event.is_printable and self._typed.add(focused, event):
                return
            await self.apply_typed()
            # Typing: straight to the field (priority bindings, e.g. tab, still come first).
            await self._forward(event)
            await drained(focused or app.screen)
            return
        await self.apply_typed()
        screen = app.screen
        active = screen.active_bindings.get(event.key)
        if active is not None and active.enabled and not active.binding.priority:
            # Textual would run this binding only once the key has come back up from the
            # focused widget, after the keys typed behind it (Textual #6605): run it now.
            if await app.run_action(active.binding.action, active.node):
                # What the binding set off by message (a list's choice, a form's change)
                # happens before the next key is read, too.
                await settled(focused or screen, stop=app)
                return
        if active is None and event.is_printable and not takes(focused, event):
            field = await stray_field(screen)
            if field is not None:
                screen.set_focus(field, scroll_visible=False)
                if self._typed.add(field, event):
                    return
                focused = field
        await self._forward(event)
        await drained(focused or screen)

    async def apply_typed(self) -> None:
        """Put the printable keys read so far but not yet in their field into it (before
        any other key, a paste, a save on a signal)."""
        field, text = self._typed.take()
        if field is None or not text:
            return
        if field.is_attached and is_text_field(field):
            insert_typed(field, text)
            # As for a key handed to the field: its change is on its way up before the
            # next key is read.
            await drained(field)
            return
        # The field went away between the keys and now (its screen closed): the keys go
        # where the cursor is now, as if typed now.
        for char in text:
            await self._route(events.Key(char, char))

    def _apply_typed_later(self) -> None:
        self.app.call_later(self.apply_typed)


class KeyRoutedApp(App):
    """An App whose keys and pastes go through a ``KeyRouter`` (``self.keys``): the
    patroon app, and the small apps tests show one widget in. Only the overrides Textual
    calls are here, each handing over to the router."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if platform.current().posix_terminal:
            read_terminal_safely()
        self.keys = KeyRouter(self, super().on_event)

    def post_message(self, message: Message) -> bool:
        self.keys.arrived(message)
        return super().post_message(message)

    async def on_event(self, event: events.Event) -> None:
        if not await self.keys.take(event):
            await super().on_event(event)

    @on(CommandPalette.Closed)
    def _palette_closed(self) -> None:
        self.keys.palette_closed()

    # What ``keyboard.hold`` and ``keyboard.put_back`` ask of the app (``keyboard.KeyGate``).

    def hold_keys(self, timeout: float) -> Release:
        return self.keys.hold_keys(timeout)

    def put_back(self, event: events.Key | events.Paste) -> None:
        self.keys.put_back(event)


async def stray_field(screen: object) -> Widget | None:
    """The field a printable key typed outside any text field goes to on ``screen``."""
    if isinstance(screen, OpensStrayField):
        return await screen.open_stray_field()
    if isinstance(screen, StrayKeys):
        return screen.stray_key_field()
    return None
