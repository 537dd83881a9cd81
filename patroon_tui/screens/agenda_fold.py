"""The programme screen's agenda sidebar: shown, or folded away where it would take the
room the current slide needs, and the facilitator's f4 choice kept per kind of screen.

The rules (how much room each kind of screen needs) are in ``core/drawing/agenda_fit.py``; this
module reads the screen's size and width class and sets the agenda's ``-folded`` class.
The class is on the agenda, not on the screen: a class on the screen restyles every
widget on it (every kept slide, the tables' fields), tens of milliseconds on a page turn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.query import NoMatches

from patroon_tui.core.drawing.agenda_fit import AgendaFit, Layout
from patroon_tui.widgets.agenda import Agenda
from patroon_tui.widgets.slide import RECORDING_WIDGETS

if TYPE_CHECKING:
    from patroon_tui.screens.programme import ProgrammeScreen


class AgendaFold:
    """Whether the agenda of one programme screen is shown."""

    def __init__(self, screen: ProgrammeScreen) -> None:
        self._screen = screen
        self._fit = AgendaFit()
        self.folded = False
        """Whether the agenda is folded away now."""

    def squeezes(self) -> bool:
        """Whether the agenda would take the room the current screen's content needs."""
        programme = self._screen
        width, height = programme.app.size
        current = programme.current
        layout: Layout = (
            "wide" if programme.has_class("-wide")
            else "narrow" if programme.has_class("-narrow") else "normal"
        )
        pattern = current.pattern or ""
        return self._fit.squeezes(
            current.id,
            recording=current.kind in RECORDING_WIDGETS,
            pattern=programme.deck.pattern(pattern) if current.kind == "pattern" else None,
            width=width,
            height=height,
            notes=programme.has_class("-notes"),
            layout=layout,
        )

    def fit(self) -> None:
        """Show or fold the agenda as the facilitator wants it for this kind of screen."""
        self.folded = not self._fit.shown(self.squeezes())
        # Looked up among the screen's children, not queried: a query walks every widget
        # of every kept slide, on every page turn. Before the agenda is composed, it is
        # built with the class (programme.compose).
        try:
            agenda = self._screen.get_child_by_id("main").get_child_by_id("agenda", Agenda)
        except NoMatches:
            return
        agenda.set_class(self.folded, "-folded")

    def toggle(self) -> None:
        """The facilitator's f4: fold the agenda away, or bring it back."""
        programme = self._screen
        self._fit.toggle(self.squeezes(), not self.folded)
        self.fit()
        if self.folded and programme.query_one(Agenda).has_focus:
            programme.set_focus(None)
