"""Where the agreed first steps break a pattern's loop: per arrow, the steps that cut it.

A first step tied to a pattern (``pattern``) and an arrow (``breaks_after``: the 1-based
number of the step the arrow leaves from) is drawn as a cut in every loop of that pattern.
"""

from __future__ import annotations

from patroon_tui.core.model.session import Session

__all__ = ["breaks_of"]


def breaks_of(session: Session, pattern_id: str, steps: int) -> dict[int, list[int]]:
    """For the pattern ``pattern_id`` drawn with ``steps`` steps: the arrows cut, by the
    number of the step they leave from, each with the numbers (1-based, in the session's
    order) of the first steps that cut it. A step whose arrow is past the loop's end (the
    pattern lost steps since) cuts nothing."""
    cuts: dict[int, list[int]] = {}
    for number, step in enumerate(session.first_steps, start=1):
        arrow = step.breaks_after
        if step.pattern == pattern_id and arrow is not None and arrow <= steps:
            cuts.setdefault(arrow, []).append(number)
    return dict(sorted(cuts.items()))
