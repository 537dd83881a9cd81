"""The save indicator in the header: opgeslagen / opslaan… / niet opgeslagen / alleen lezen.

It follows the app's ``save_state`` reactive, so whoever saves only changes that one value.
"""

from __future__ import annotations

from textual.widgets import Static

#: What each save state looks like: (text, CSS class).
STATES: dict[str, tuple[str, str]] = {
    "saved": ("✓ opgeslagen", "-saved"),
    "dirty": ("● gewijzigd", "-dirty"),
    "saving": ("… opslaan…", "-saving"),
    "error": ("✗ niet opgeslagen", "-error"),
    "read_only": ("alleen lezen", "-read-only"),
}


class SaveIndicator(Static):
    """Shows whether everything typed is on disk."""

    DEFAULT_CSS = """
    SaveIndicator { width: auto; padding: 0 1; }
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
        self._state = state
        text, css_class = STATES.get(state, STATES["saved"])
        for _, other in STATES.values():
            if other != css_class:
                self.remove_class(other)
        self.add_class(css_class)
        self.update(text)
