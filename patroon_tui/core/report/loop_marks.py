"""What a report's loop of a pattern carries from the session: :func:`loop_marks`.

The arrows the session's first steps cut (:func:`patroon_tui.core.model.breaks.breaks_of`),
with each first step's text for the legend, and the deck's slow arrows of a deck pattern.
"""

from __future__ import annotations

from collections.abc import Mapping

from patroon_tui.core.drawing.marks import Marks
from patroon_tui.core.model.breaks import breaks_of
from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.session import Session

__all__ = ["Marks", "loop_marks"]


def loop_marks(session: Session, deck: Deck, pattern_id: str, steps: int,
               numbers: Mapping[int, int] | None = None) -> Marks | None:
    """The marks of the loop of ``pattern_id`` (``steps`` steps); ``None`` without any, so
    a report without first steps tied to it nor slow arrows is drawn as before.

    The first steps are named by their number in the session's order (as the first-steps
    screen lists them), or through ``numbers`` (session number -> the number the report
    lists it under; a step not in it is not named)."""
    cuts = breaks_of(session, pattern_id, steps)
    # A deck pattern's id is the deck's (as the report names it); an own pattern has no delays.
    slow = next((p.slow for p in deck.patterns if p.id == pattern_id), [])
    notes = {number: session.first_steps[number - 1].text
             for found in cuts.values() for number in found}
    if numbers is not None:
        cuts = {arrow: [numbers[n] for n in found if n in numbers]
                for arrow, found in cuts.items()}
        notes = {numbers[n]: text for n, text in notes.items() if n in numbers}
    marks = Marks.of(steps, cuts, slow, notes)
    return marks or None
