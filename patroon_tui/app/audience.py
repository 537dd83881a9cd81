"""``AudienceApp``: the audience window of ``patroon present`` — one screen, read-only.

It shows ``AudienceScreen`` (screens/audience.py) and nothing else: no header, footer,
notifications or keys the room could read. ctrl+q (or ctrl+c) ends it; ctrl+p opens the
one palette it has, the themes (``app/themes.py``) for this window.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from patroon_tui.app.themes import Themes
from patroon_tui.core.model.deck import Deck
from patroon_tui.screens.audience import POLL_EVERY, AudienceScreen


class AudienceApp(App):
    """Follows the facilitator's window of one session on a second terminal."""

    TITLE = "Patroon (zaal)"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Stop", show=False, priority=True),
        Binding("ctrl+c", "quit", "Stop", show=False, priority=True),
    ]

    def __init__(
        self, deck: Deck, session_path: Path, session_id: str, first_screen: str, *,
        wall: Callable[[], float] = time.time, clock: Callable[[], float] = time.monotonic,
        poll_every: float | None = POLL_EVERY, theme: str | None = None,
    ) -> None:
        super().__init__()
        self.themes = Themes(self, "publiek", theme)
        """This window's theme (``theme``: given on the command line, and remembered)."""

        def make_screen() -> AudienceScreen:
            return AudienceScreen(deck, Path(session_path), session_id, first_screen,
                                  wall=wall, clock=clock, poll_every=poll_every)

        self._make_screen = make_screen

    def on_mount(self) -> None:
        self.push_screen(self._make_screen())
        self.themes.mounted()

    def action_choose_theme(self) -> None:
        self.themes.choose()
