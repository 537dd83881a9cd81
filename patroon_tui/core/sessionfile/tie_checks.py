"""The checks of a first step's tie to a loop that need the programme (``validation``).

A step that names a pattern neither the deck nor the session knows, an arrow past the end
of its pattern, or an arrow without a pattern is kept as it is (the step and what was
decided about it matter more than the tie) and said, like a step naming a removed table.
"""

from __future__ import annotations

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.recording import pattern_steps
from patroon_tui.core.model.session import Session

__all__ = ["loose_ties"]


def loose_ties(session: Session, deck: Deck) -> list[tuple[str, str]]:
    """(field path, Dutch text without a full stop) for each tie that points at nothing."""
    said: list[tuple[str, str]] = []
    for index, step in enumerate(session.first_steps):
        path = f"first_steps[{index}]"
        arrow = step.breaks_after
        if not step.pattern:
            if arrow is not None:
                said.append((f"{path}.breaks_after", f"een pijl na stap {arrow} zonder "
                             "patroon; de stap houdt het getal, maar breekt zo geen lus"))
            continue
        found = pattern_steps(deck, session, step.pattern)
        if found is None:
            said.append((f"{path}.pattern", f"'{step.pattern}' is geen patroon uit het "
                         "programma en geen eigen patroon; de stap houdt het, maar breekt "
                         "zo geen lus"))
        elif arrow is not None and arrow > len(found[1]):
            said.append((f"{path}.breaks_after", f"'{found[0]}' heeft {len(found[1])} "
                         f"stappen, dus geen pijl na stap {arrow}; de stap houdt het getal, "
                         "maar geen pijl wordt doorgesneden"))
    return said
