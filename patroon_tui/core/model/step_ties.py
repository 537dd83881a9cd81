"""What a first step is tied to: the pattern whose loop it breaks, the arrow, the layer.

The first-steps screen chooses them with keys that each give the next choice; these are
the rules of that choosing (which patterns, in which order; what becomes of the arrow when
the pattern changes) and how the arrow is said in Dutch in the report.
"""

from __future__ import annotations

from typing import get_args

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.recording import following, pattern_options, pattern_steps
from patroon_tui.core.model.session import FirstStep, Session, StepLayer

__all__ = [
    "STEP_LAYERS",
    "arrow_words",
    "next_arrow",
    "next_layer",
    "next_pattern",
    "step_pattern_options",
    "tie_words",
]

STEP_LAYERS: tuple[StepLayer, ...] = get_args(StepLayer)
"""The triangle layers a first step can work on, in the order offered."""


def step_pattern_options(deck: Deck, session: Session) -> list[tuple[str, str]]:
    """(title, id) of every pattern a first step can break: first those the tables chose
    (in the tables' order: the room talked about them), then the rest of the deck's and
    the own patterns, then any id a step holds that neither knows (kept, never dropped)."""
    options = pattern_options(deck, session)
    chosen = [t.pattern for t in session.tables if t.pattern]
    first = [o for p in dict.fromkeys(chosen) for o in options if o[1] == p]
    ordered = first + [o for o in options if o not in first]
    known = {value for _title, value in ordered}
    for step in session.first_steps:
        if step.pattern and step.pattern not in known:
            ordered.append((f"Onbekend patroon ({step.pattern})", step.pattern))
            known.add(step.pattern)
    return ordered


def next_pattern(step: FirstStep, deck: Deck, session: Session) -> None:
    """Tie ``step`` to the next pattern (after the last: none). The arrow belonged to the
    pattern it was tied to, so it goes; the layer stays."""
    ids = ["", *(value for _title, value in step_pattern_options(deck, session))]
    chosen = following(ids, step.pattern or "")
    step.pattern = chosen or None
    step.breaks_after = None


def next_arrow(step: FirstStep, deck: Deck, session: Session, delta: int) -> bool:
    """The next (``delta`` 1) or previous (-1) arrow of the step's pattern, then none;
    ``False`` when the step has no pattern with steps to choose an arrow of."""
    found = pattern_steps(deck, session, step.pattern) if step.pattern else None
    if found is None or not found[1]:
        return False
    arrows: list[int | None] = [None, *range(1, len(found[1]) + 1)]
    at = arrows.index(step.breaks_after) if step.breaks_after in arrows else 0
    step.breaks_after = arrows[(at + delta) % len(arrows)]
    return True


def next_layer(step: FirstStep) -> None:
    """The next triangle layer for ``step`` (after the last: none)."""
    layers = ["", *STEP_LAYERS]
    chosen = following(layers, step.layer or "")
    step.layer = chosen or None  # type: ignore[assignment]  # one of STEP_LAYERS or ""


def arrow_words(arrow: int, steps: int) -> str:
    """The arrow leaving step ``arrow`` in a loop of ``steps`` steps, in Dutch."""
    following_step = arrow % steps + 1 if steps else arrow + 1
    return f"breekt de pijl van stap {arrow} naar {following_step}"



def tie_words(step: FirstStep, deck: Deck, session: Session) -> str:
    """The step's tie in one line, ``Wereldvrede, breekt de pijl van stap 3 naar 4; laag
    spelregels`` (``""`` when it has none)."""
    parts: list[str] = []
    if step.pattern:
        found = pattern_steps(deck, session, step.pattern)
        title = found[0] if found else f"onbekend patroon ({step.pattern})"
        arrow = step.breaks_after
        if found and arrow is not None and arrow <= len(found[1]):
            title += ", " + arrow_words(arrow, len(found[1]))
        parts.append(title)
    if step.layer:
        parts.append(f"laag {step.layer}")
    return "; ".join(parts)
