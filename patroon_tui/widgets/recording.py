"""``RecordingBody``: what the recording bodies (tables, principles, …) have in common.

The programme screen mounts a body and asks it, right after, to put the cursor in its first
field. The body's fields exist only once it has been composed, so a request that comes
earlier is kept and carried out as soon as the body is mounted.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget

from patroon_tui.core.deck import Deck
from patroon_tui.core.session import Session


class RecordingBody(Widget):
    """A screen body that records into the session: ``deck``, ``session``, deferred focus."""

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

    def when_ready(self, request: Callable[[], None]) -> bool:
        """``True`` when the fields exist; otherwise keep ``request`` for after mounting."""
        if self._ready:
            return True
        self._waiting.append(request)
        return False

    def on_mount(self) -> None:
        # Runs after the subclass's own on_mount (Textual calls handlers down the MRO).
        self._ready = True
        waiting, self._waiting = self._waiting, []
        for request in waiting:
            self.call_after_refresh(request)

    def focus_first(self) -> None:
        """Put the cursor in the first field."""

    def refresh_from_session(self) -> None:
        """Reload what is shown from the session."""
