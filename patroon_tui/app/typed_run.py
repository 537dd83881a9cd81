"""Typed keys applied together: the printable keys read one after another for one text
field go into it in one insert (``TypedRun``, used by ``app.key_routing.KeyRouter``).

Textual hands each key to the field and the field inserts it, posts a change that bubbles
up through every parent, and redraws: a burst of six hundred keys (a paste without
bracketed paste, or typing while the app is busy) took seconds, eleven times a bare text
area's time. Keys that follow each other for one field are inserted together instead, as
soon as the keys already read have been seen: the run is applied by a callback queued
behind them, or at once before any other key, a paste or the last save.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea

from patroon_tui.keyboard import is_text_field

#: A word and the spaces after it (or spaces alone, at the start).
WORDS = re.compile(r"\S+\s*|\s+")


def insert_typed(field: Widget, text: str) -> None:
    """Type ``text`` into ``field`` as its own key handling would, one key at a time: at
    the cursor, over a selection."""
    if isinstance(field, TextArea):
        start, end = field.selection
        field.replace(text, start, end, maintain_selection_offset=False)
        # Scrolled to the cursor once the new lines are wrapped: the area scrolls as the
        # cursor moves, still with the lines as they were before the insert, and a long
        # run would leave its end out of sight.
        field.call_after_refresh(field.scroll_cursor_visible)
    elif isinstance(field, Input):
        if not field.selection.is_empty:
            field.replace("", *field.selection)
        # Word by word: a one-line field's undo takes back a word at a time, as typed.
        for word in WORDS.findall(text):
            field.insert_text_at_cursor(word)


class TypedRun:
    """Printable keys read one after another for the same text field, not yet applied."""

    def __init__(self, schedule: Callable[[], None]) -> None:
        self._schedule = schedule
        self._field: Widget | None = None
        self._chars: list[str] = []

    def add(self, field: Widget | None, event: events.Key) -> bool:
        """Add a key typed into ``field``; ``False`` when it must be delivered as a key
        (not a plain text field, or the run is for another field). No printable key is a
        command anywhere in the app (``tests/app/test_questions.py`` checks every class),
        so none is kept from its binding here."""
        if field is None or not is_text_field(field) or event.character is None:
            return False
        if self._field is not field:
            if self._chars:
                return False
            self._field = field
        if not self._chars:
            self._schedule()
        self._chars.append(event.character)
        return True

    def take(self) -> tuple[Widget | None, str]:
        """The field and the text typed for it; the run starts anew."""
        field, text = self._field, "".join(self._chars)
        self._field, self._chars = None, []
        return field, text
