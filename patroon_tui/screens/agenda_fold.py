"""Whether the programme's agenda is shown, or folded away where it would take the room the
current slide needs, and the facilitator's f4 choice kept per kind of screen.

The rules (how much room each kind of screen needs) are in ``core/drawing/agenda_fit.py``; this
object is given the agenda, the deck screen shown and the room the screen has (its size,
its width class, whether the notes are open), and sets the agenda's ``folded``. The
agenda marks itself ``-folded``: a class on the screen would restyle every widget on it
(every kept slide, the tables' fields), tens of milliseconds on a page turn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from textual.screen import Screen as TextualScreen

from patroon_tui.core.drawing.agenda_fit import AgendaFit, Layout
from patroon_tui.core.model.deck import Deck, Screen
from patroon_tui.widgets.agenda import Agenda
from patroon_tui.widgets.slide import RECORDING_WIDGETS


class Room(NamedTuple):
    """The room the programme screen has: its size, width class, and the notes."""

    width: int
    height: int
    layout: Layout
    notes: bool


def room_of(screen: TextualScreen) -> Room:
    """The room ``screen`` has: the terminal's size, its width class (``-wide``,
    ``-narrow``), and whether it shows the notes (``-notes``)."""
    width, height = screen.app.size
    layout: Layout = ("wide" if screen.has_class("-wide")
                      else "narrow" if screen.has_class("-narrow") else "normal")
    return Room(width, height, layout, screen.has_class("-notes"))


class AgendaFold:
    """Whether one programme screen's agenda is shown."""

    def __init__(self, deck: Deck, agenda: Agenda, *, current: Callable[[], Screen],
                 room: Callable[[], Room]) -> None:
        self._deck = deck
        self._agenda = agenda
        self._current = current
        self._room = room
        self._fit = AgendaFit()

    @property
    def folded(self) -> bool:
        """Whether the agenda is folded away now."""
        return self._agenda.folded

    def squeezes(self) -> bool:
        """Whether the agenda would take the room the current screen's content needs."""
        current = self._current()
        room = self._room()
        pattern = current.pattern or ""
        return self._fit.squeezes(
            current.id,
            recording=current.kind in RECORDING_WIDGETS,
            pattern=self._deck.pattern(pattern) if current.kind == "pattern" else None,
            width=room.width,
            height=room.height,
            notes=room.notes,
            layout=room.layout,
        )

    def fit(self) -> None:
        """Show or fold the agenda as the facilitator wants it for this kind of screen."""
        self._agenda.folded = not self._fit.shown(self.squeezes())

    def toggle(self) -> None:
        """The facilitator's f4: fold the agenda away, or bring it back."""
        self._fit.toggle(self.squeezes(), not self.folded)
        self.fit()
