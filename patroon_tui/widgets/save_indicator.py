"""The save indicator in the header: opgeslagen / opslaan… / niet opgeslagen / alleen lezen.

It follows the app's ``save_state`` reactive, so whoever saves only changes that one value.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static

#: What each save state looks like: (text, CSS class).
STATES: dict[str, tuple[str, str]] = {
    "saved": ("✓ opgeslagen", "-saved"),
    "dirty": ("● gewijzigd", "-dirty"),
    "saving": ("… opslaan…", "-saving"),
    "error": ("✗ niet opgeslagen", "-error"),
    "read_only": ("alleen lezen", "-read-only"),
}

#: The indicator's least width: that of the states a save goes through (gewijzigd,
#: opslaan, opgeslagen, and the padding), so a save changes no width.
MIN_WIDTH = max(cell_len(STATES[s][0]) for s in ("saved", "dirty", "saving")) + 2


class SaveIndicator(Static):
    """Shows whether everything typed is on disk."""

    # min-width is MIN_WIDTH (tests/app/test_save_indicator.py holds the two equal).
    DEFAULT_CSS = """
    SaveIndicator { width: auto; min-width: 14; padding: 0 1; }
    SaveIndicator.-saved { color: $text-success; }
    SaveIndicator.-dirty { color: $text-muted; }
    SaveIndicator.-saving { color: $text-muted; }
    SaveIndicator.-error { background: $error; color: $text; text-style: bold; }
    SaveIndicator.-read-only { background: $warning; color: $text; }
    """

    def __init__(self, state: str = "saved", *, id: str | None = None) -> None:
        # Built showing the state it starts in: no second paint right after the first.
        text, css_class = STATES.get(state, STATES["saved"])
        super().__init__(text, id=id, classes=css_class)
        self._state: str | None = state

    def on_mount(self) -> None:
        self.watch(self.app, "save_state", self._show, init=True)

    def _show(self, state: str) -> None:
        if state == self._state:
            return
        old, _ = STATES.get(self._state or "saved", STATES["saved"])
        self._state = state
        text, css_class = STATES.get(state, STATES["saved"])
        for _, other in STATES.values():
            if other != css_class:
                self.remove_class(other)
        self.add_class(css_class)
        # A save (gewijzigd, opslaan, opgeslagen) keeps the width: no layout of the screen,
        # three times a save.
        self.update(text, layout=_width(text) != _width(old))


def _width(text: str) -> int:
    return max(cell_len(text) + 2, MIN_WIDTH)
