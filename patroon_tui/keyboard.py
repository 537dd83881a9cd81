"""What the widgets and screens need of the typing model (docs/typing.md).

The rule: every printable character typed ends up in a text field, in the order typed, and
nothing already in a field is replaced unless it was selected. The app delivers keys one at
a time, each handled whole (``patroon_tui.app.key_routing``); this module is what the layers
below the app use to take part:

- ``is_text_field`` / ``CharacterField`` / ``takes``: where a typed key belongs;
- ``StrayKeys``: a screen says where a letter typed outside a text field goes;
- ``hold``: a change that finishes later than the key that started it (a dialog being
  built, a body being mounted) makes the keys typed meanwhile wait, in order;
- ``put_back``: a key that closed a dialog goes again, first, to where the cursor is once
  the dialog has gone (a letter typed at a question is text, not its answer);
- ``drained`` / ``settled``: wait until a widget (and the nodes above it) has handled what
  was already sent to it.
"""

from __future__ import annotations

import asyncio
from typing import Protocol, runtime_checkable

from textual import events
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Input, TextArea

#: How long a key may wait for a widget or a change before it goes on regardless: a stuck
#: change must never swallow what the facilitator types.
KEY_WAIT = 1.0
HOLD_WAIT = 2.0


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


@runtime_checkable
class OpensStrayField(Protocol):
    """A screen where a letter typed outside a text field opens a field to go into (the
    programme: a slide's notes open for it)."""

    async def open_stray_field(self) -> Widget | None:
        """The text field a printable key goes to, made ready (shown, mounted)."""


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


@runtime_checkable
class KeyGate(Protocol):
    """An app that can hold keys (``app.key_routing.KeyRoutedApp``)."""

    def hold_keys(self, timeout: float) -> Release:
        """Hold keys from now on until the returned ``Release`` is called."""

    def put_back(self, event: events.Key | events.Paste) -> None:
        """Deliver ``event`` again, before every key waiting, once the change under way
        has ended (keys wait at least until the app's next turn)."""


class HoldKeeper(Protocol):
    """What keeps the holds a ``Release`` ends (the app's key router)."""

    def release_hold(self, release: Release) -> None:
        """One hold has ended."""


class Release:
    """Ends one ``hold``; calling it twice is harmless."""

    def __init__(self, keeper: HoldKeeper) -> None:
        self._keeper = keeper
        self.done = False

    def __call__(self) -> None:
        if not self.done:
            self.done = True
            self._keeper.release_hold(self)


def hold(node: DOMNode, timeout: float = HOLD_WAIT) -> Release:
    """Keys typed from now on wait (in order) until the returned ``Release`` is called.

    For a change that finishes later than the key that started it: a dialog being built, a
    body being mounted, an answer being carried out. After ``timeout`` seconds the keys go
    on regardless. Without an app that holds keys (a bare test app) nothing is held.
    """
    app = node.app
    if not isinstance(app, KeyGate):
        return _NO_HOLD
    return app.hold_keys(timeout)


def put_back(node: DOMNode, event: events.Key | events.Paste) -> bool:
    """The key (or paste) ``event``, being handled now, goes again, before the keys typed
    after it, to wherever the cursor is once the change it sets off has ended: a dialog
    that closes on a letter hands the letter to the field under it. ``False`` without an
    app that holds keys (a bare test app): the key is not delivered again.
    """
    app = node.app
    if not isinstance(app, KeyGate):
        return False
    app.put_back(event)
    return True


class _NoHold(Release):
    def __init__(self) -> None:
        self.done = True


_NO_HOLD = _NoHold()
