"""The typing model: every key is handled whole, in the order typed, where the cursor is then.

The rule the facilitator relies on (docs/typing.md): every printable character typed ends
up in a text field, in the order typed, and nothing already in a field is replaced unless
it was selected. Textual delivers keys asynchronously: the app reads a key, hands it to the
focused widget's queue and reads the next one at once. Three things then go wrong:

1. A field's own editing keys (backspace, ctrl+k, enter …) run as bindings only after the
   key has bubbled back up to the app, while the characters after it are inserted at once
   (Textual #6605, fix proposed in PR #6631): "ab⌫c" becomes "ac" deleted elsewhere.
2. The same holds for every non-priority binding of a screen (→, n, escape, tab …): the
   keys typed after it reach the old field, or the screen, before the binding has moved
   the cursor.
3. A change of screen, table or dialog finishes a moment later (mounting, a dialog's
   answer); keys typed in that moment reach what had the cursor before, or nothing.

``KeyRouting`` (the app's base class) answers all three in one place:

- each key's binding, if any, runs in the app's own turn before the next key is read (the
  binding Textual would have found, via the public ``Screen.active_bindings``);
- a key handed to a widget is waited for (``drained``) before the next one is read;
- while a change is under way (``hold``), keys wait in order and are delivered, when it
  ends, to whatever has the cursor then;
- on a recording screen a printable key typed while the cursor is not in a text field goes
  into the screen's text field (``stray_key_field``), never nowhere.

The only code here that works around Textual is ``KeyRouting`` for (1)/(2); the test
``tests/app/test_keyboard_upstream.py`` fails once Textual runs a field's bindings in order
by itself, and then the field part of it can go.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any, Protocol, runtime_checkable

from textual import events, on
from textual.app import App
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, TextArea

#: How long a key may wait for a widget or a change before it goes on regardless: a stuck
#: change must never swallow what the facilitator types.
KEY_WAIT = 1.0
HOLD_WAIT = 2.0
PALETTE_WAIT = 0.5


def is_text_field(widget: object) -> bool:
    """Whether ``widget`` is a field that takes typed text (any letter)."""
    return (
        isinstance(widget, (Input, TextArea))
        and not getattr(widget, "read_only", False)
        and not widget.disabled
        and not isinstance(widget, CharacterField)
    )


@runtime_checkable
class CharacterField(Protocol):
    """A field that takes some characters only (a number): the others are not lost in it
    but go, like any letter typed outside a text field, to the screen's text field."""

    def accepts(self, character: str) -> bool:
        """Whether ``character`` belongs in this field."""


def takes(widget: object, event: events.Key) -> bool:
    """Whether the key typed goes into ``widget`` as text."""
    if is_text_field(widget):
        return True
    return (
        isinstance(widget, CharacterField)
        and event.character is not None
        and widget.accepts(event.character)
    )


@runtime_checkable
class StrayKeys(Protocol):
    """A screen where a letter must never go nowhere (the programme on recording screens)."""

    def stray_key_field(self) -> Widget | None:
        """The text field a printable key goes to when the cursor is not in one."""


async def drained(widget: DOMNode, timeout: float = KEY_WAIT) -> None:
    """Wait until ``widget`` has handled every message already sent to it."""
    if not widget.is_running:
        return
    done = asyncio.Event()
    if not widget.call_later(done.set):
        return
    try:
        await asyncio.wait_for(done.wait(), timeout)
    except TimeoutError:
        pass


async def settled(widget: Widget | None, *, stop: DOMNode | None = None) -> None:
    """Wait until the messages ``widget`` sent upward (its change events) have been handled.

    A message bubbles one level per round; each round lets every node from ``widget`` up to
    (not including) ``stop`` work through its queue.
    """
    if widget is None:
        return
    chain = [node for node in (widget, *widget.ancestors) if node is not stop]
    for _ in range(len(chain) + 1):
        await asyncio.gather(*(drained(node) for node in chain if node.is_running))


class Release:
    """Ends one ``hold``; calling it twice is harmless."""

    def __init__(self, gate: KeyRouting) -> None:
        self._gate = gate
        self.done = False

    def __call__(self) -> None:
        if not self.done:
            self.done = True
            self._gate._released(self)


def hold(node: DOMNode, timeout: float = HOLD_WAIT) -> Release:
    """Keys typed from now on wait (in order) until the returned ``Release`` is called.

    For a change that finishes later than the key that started it: a dialog being built, a
    body being mounted, an answer being carried out. After ``timeout`` seconds the keys go
    on regardless. Without a ``KeyRouting`` app (a bare test app) nothing is held.
    """
    app = node.app
    if not isinstance(app, KeyRouting):
        return _NO_HOLD
    return app._hold(timeout)


class _NoHold(Release):
    def __init__(self) -> None:
        self.done = True


_NO_HOLD = _NoHold()


class KeyRouting(App):
    """An App that delivers keys as described above (the patroon app is one)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_keys: deque[events.Key] = deque()
        self._holds: set[Release] = set()
        self._palette_hold: Release | None = None
        self.keys_received = 0
        """How many keys the terminal has sent so far (handled or still queued)."""

    def post_message(self, message: Message) -> bool:
        if isinstance(message, events.Key):
            self.keys_received += 1
        return super().post_message(message)

    async def deliver_held_keys(self) -> None:
        """Deliver the keys waiting for a change now, to wherever the cursor is (the app
        is about to end and will not wait for the change)."""
        self._holds.clear()
        await self._replay()

    # -- holding -----------------------------------------------------------------------

    def _hold(self, timeout: float) -> Release:
        release = Release(self)
        self._holds.add(release)
        self.set_timer(timeout, release)
        return release

    def _released(self, release: Release) -> None:
        self._holds.discard(release)
        if not self._holds and self._held_keys:
            self.call_later(self._replay)

    async def _replay(self) -> None:
        while self._held_keys and not self._holds:
            await self._deliver(self._held_keys.popleft())

    def hold_after_screen_change(self, before: object) -> None:
        """Hold keys until a screen just pushed or popped has set itself up."""
        screen = self.screen
        if screen is before:
            return
        release = self._hold(HOLD_WAIT)

        def after_screen() -> None:
            self.call_after_refresh(release)

        if not screen.call_later(after_screen):
            release()

    # -- delivering --------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._holds or self._held_keys:
                self._held_keys.append(event)
                return
            await self._deliver(event)
            return
        await super().on_event(event)

    async def _deliver(self, event: events.Key) -> None:
        screen = self.screen
        if isinstance(screen, CommandPalette) and event.key == "enter":
            # Enter picks what the list shows: first let the search for what was typed
            # finish (it runs in a worker of the palette), or enter picks a stale hit.
            await settled(self.focused, stop=self)
            searching = [w for w in self.workers if w.node is screen and not w.is_finished]
            if searching:
                try:
                    await asyncio.wait_for(
                        self.workers.wait_for_complete(searching), PALETTE_WAIT
                    )
                except TimeoutError:
                    pass
            # The palette closes and runs its command a moment after enter; the keys typed
            # behind enter belong to where the command puts the cursor.
            self._palette_hold = self._hold(PALETTE_WAIT)
        try:
            await self._route(event)
        finally:
            self.hold_after_screen_change(screen)

    @on(CommandPalette.Closed)
    def _palette_closed(self) -> None:
        release, self._palette_hold = self._palette_hold, None
        if release is not None:
            # Queued behind the command the palette has just asked the app to run.
            self.call_later(self.call_after_refresh, release)

    async def _route(self, event: events.Key) -> None:
        focused = self.focused
        # Enter in a multi-line field is a new line, not a binding of the screen around it.
        typing = event.is_printable or (event.key == "enter" and isinstance(focused, TextArea))
        if typing and takes(focused, event):
            # Typing: straight to the field (priority bindings, e.g. tab, still come first).
            await super().on_event(event)
            await drained(focused)
            return
        screen = self.screen
        active = screen.active_bindings.get(event.key)
        if active is not None and active.enabled and not active.binding.priority:
            # Textual would run this binding only once the key has come back up from the
            # focused widget, after the keys typed behind it (Textual #6605): run it now.
            if await self.run_action(active.binding.action, active.node):
                # What the binding set off by message (a list's choice, a form's change)
                # happens before the next key is read, too.
                await settled(focused or screen, stop=self)
                return
        if active is None and event.is_printable and not takes(focused, event):
            field = screen.stray_key_field() if isinstance(screen, StrayKeys) else None
            if field is not None:
                screen.set_focus(field, scroll_visible=False)
                focused = field
        await super().on_event(event)
        await drained(focused or screen)

