"""``RecordingBody``: what the recording bodies (tables, principles, …) have in common.

The programme screen mounts a body and asks it, right after, to put the cursor in its first
field. The body's fields exist only once it has been composed, so a request that comes
earlier is kept and carried out as soon as the body is mounted.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from patroon_tui.core.deck import Deck
from patroon_tui.core.session import Session


class RecordingBody(Widget):
    """A screen body that records into the session: ``deck``, ``session``, deferred focus."""

    # Tab is the screen's key, handled once the key has passed through the focused field;
    # a word typed right after it would reach that field first. As a priority binding the
    # cursor moves on before the next key is read.
    BINDINGS = [
        Binding("tab", "next_field", "Volgend veld", show=False, priority=True, id="field.next"),
        Binding(
            "shift+tab", "previous_field", "Vorig veld", show=False, priority=True,
            id="field.previous",
        ),
    ]

    def __init__(
        self,
        deck: Deck,
        session: Session,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.deck = deck
        self.session = session
        self._ready = False
        self._waiting: list[Callable[[], None]] = []
        self._focus_wish: Callable[[], None] | None = None
        self._warned_at = -10.0

    def when_ready(self, request: Callable[[], None]) -> bool:
        """``True`` when the fields exist; otherwise keep ``request`` for after mounting."""
        if self._ready:
            return True
        self._waiting.append(request)
        return False

    def focus_ready(self, request: Callable[[], None]) -> bool:
        """Like ``when_ready``, for putting the cursor somewhere: the latest wish wins.

        Only one such request waits; one carried out now cancels an earlier one still
        waiting, so a late "first field" cannot take the cursor from where f9 put it.
        """
        if self._ready:
            self._focus_wish = None
            return True
        self._focus_wish = request
        return False

    def on_mount(self) -> None:
        # Runs after the subclass's own on_mount (Textual calls handlers down the MRO).
        self._ready = True
        waiting, self._waiting = self._waiting, []
        for request in waiting:
            self.call_after_refresh(request)
        wish = self._focus_wish
        if wish is not None:

            def carry_out() -> None:
                if self._focus_wish is wish:
                    self._focus_wish = None
                    wish()

            self.call_after_refresh(carry_out)

    def focus_now(self, widget: Widget) -> None:
        """Give ``widget`` the cursor now, not after the pending messages.

        ``Widget.focus()`` waits its turn; a key typed in between would still go to the
        field that had the cursor before (an answer of the previous table, say).
        """
        self.screen.set_focus(widget)

    async def settle(self) -> None:
        """Wait until the field with the cursor has handled the keys already sent to it.

        The body's keys are priority bindings: they run as soon as they arrive, while keys
        typed just before may still wait in the field's queue. An action that reads the
        field or shows another record in it waits for those first, so they land where they
        were typed.
        """
        focused = self.screen.focused
        if focused is None or not focused.is_running:
            return
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def handled() -> None:
            if not done.done():
                done.set_result(None)

        focused.call_later(handled)
        try:
            # A field that stopped (removed meanwhile) never answers; don't hang on it.
            await asyncio.wait_for(done, timeout=5.0)
        except TimeoutError:
            pass

    def _in_body(self) -> bool:
        focused = self.screen.focused
        return focused is not None and self in focused.ancestors

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_field", "previous_field"):
            return self._in_body()
        return True

    def action_next_field(self) -> None:
        self.screen.focus_next()

    def action_previous_field(self) -> None:
        self.screen.focus_previous()

    def on_key(self, event: events.Key) -> None:
        # A letter typed while the cursor is on a choice in the body (the layer, a button,
        # the list of tables) reaches this point unused. Left to bubble on, "n", "p" or a
        # space would turn the page of the programme in the middle of recording; such a
        # key stops here, with a bell. Keys the choice itself uses never get here.
        if not event.is_printable:
            return
        active = self.screen.active_bindings.get(event.key)
        if active is not None and self in active.node.ancestors_with_self:
            return  # one of this body's own keys
        event.stop()
        event.prevent_default()
        self.app.bell()
        now = time.monotonic()
        if now - self._warned_at > 3:
            self._warned_at = now
            self.notify(
                "De cursor staat niet in een tekstveld; Tab of F9 brengt je naar een antwoord.",
                title="Niet getypt",
                severity="warning",
            )

    def focus_first(self) -> None:
        """Put the cursor in the first field."""

    def refresh_from_session(self) -> None:
        """Reload what is shown from the session."""


def open_dialog(app: App, screen: Screen, callback: Callable | None = None) -> None:
    """Push ``screen`` and give its ``first_field`` the cursor at once.

    A dialog's widgets are mounted a moment after it is pushed. A key typed in that moment
    would reach the dialog with nothing focused and be dropped; with the field focused
    right away it waits in that field's queue and is typed there once the field is ready.
    """
    app.push_screen(screen, callback)
    field = getattr(screen, "first_field", None)
    if field is not None:
        screen.set_focus(field, scroll_visible=False)
