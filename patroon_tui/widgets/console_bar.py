"""The presenter console's line above the notes: the next screen, the time of this part,
and when the programme ends if the rest goes as planned.

The clock and the table timer are in the header already; the slide stays in the middle,
smaller beside the notes. The programme screen shows this line in console mode (f3, or
on its own when an audience window arrives).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.widgets import Static

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.session import Progress
from patroon_tui.core.model.timekeeping import part_times, predicted_end


def console_text(deck: Deck, progress: Progress, current: str, now: dt.datetime) -> str:
    """``Volgende: … · Deel 2: 12 van 20 min · einde rond 11:45`` for screen ``current``."""
    ids = [screen.id for screen in deck.screens]
    index = ids.index(current) if current in ids else -1
    following = deck.screens[index + 1] if 0 <= index < len(ids) - 1 else None
    parts = [f"Volgende: {following.title}" if following is not None else "Laatste scherm"]
    part = deck.part_of(current) if index >= 0 else None
    for times in part_times(deck, progress):
        if part is not None and times.part_id == part.id:
            spent = times.spent // 60
            planned = f" van {times.planned}" if times.planned is not None else ""
            mark = " ⚠" if times.over else ""
            parts.append(f"{times.title}: {spent}{planned} min{mark}")
    parts.append(f"einde rond {predicted_end(deck, progress, current, now):%H:%M}")
    return "  ·  ".join(parts)


class ConsoleBar(Static):
    """One line: what comes next and how the time goes."""

    DEFAULT_CSS = """
    /* Docked: beside the slide and the notes (wide screens lay them out side by side),
       not one more column between them. */
    ConsoleBar { dock: top; height: auto; max-height: 2; padding: 0 1; background: $boost;
                 color: $text-muted; display: none; }
    """

    def __init__(self, deck: Deck, progress: Progress, current: Callable[[], str], *,
                 now: Callable[[], dt.datetime] | None = None, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._deck = deck
        self._progress = progress
        self._current = current
        """The id of the deck screen shown (asked each time: the programme keeps it)."""
        self._now = now or (lambda: dt.datetime.now().astimezone())

    def on_mount(self) -> None:
        # The part's minutes move on while a slide is shown: a few times a minute is enough.
        self.set_interval(15, self.redraw)

    def redraw(self) -> None:
        """Show the line for the screen shown now (another screen, or the console opened)."""
        text = console_text(self._deck, self._progress, self._current(), self._now())
        if str(self.content) != text:
            if self.display:
                self.update(text)
            else:
                # Off (the console is not shown): after the page turn's frame, whose
                # layout it would otherwise add to.
                self.call_after_refresh(self.update, text)
