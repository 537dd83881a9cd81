"""``StepTie``: under a first step, what it is tied to — the pattern, the arrow, the layer.

Drawn as text, never focused: ctrl+o, ctrl+↓/ctrl+↑ and ctrl+l choose from the keyboard
(``FirstStepsPanel``) while the cursor stays in the step. The arrow is shown with the texts
of the two steps it joins, shortened to the width, so the facilitator sees which arrow it
is; the step's own text is in its field above, whole.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.recording import pattern_steps
from patroon_tui.core.model.session import FirstStep, Session


def _short(text: str, cells: int) -> Content:
    """``text`` on one line, cut to ``cells`` cells with an ellipsis (wide characters count
    double): the deck's or own pattern's step, never the text typed in the first step."""
    return Content(" ".join(text.split())).truncate(cells, ellipsis=True)


class StepTie(Widget, can_focus=False):
    """The tie of the first step at ``index``; hidden while it has none."""

    DEFAULT_CSS = """
    StepTie {
        height: auto;
        width: 1fr;
        color: $text-muted;
        &.-none { display: none; }
    }
    """

    def __init__(self, index: int) -> None:
        super().__init__(classes="step-tie -none")
        self.index = index
        self._words = ""
        self._arrow: tuple[int, str, int, str] | None = None

    def show(self, step: FirstStep, deck: Deck, session: Session) -> None:
        """Show ``step``'s tie (nothing when it has none)."""
        parts: list[str] = []
        arrow = None
        if step.pattern:
            found = pattern_steps(deck, session, step.pattern)
            steps = found[1] if found else []
            parts.append("Breekt " + (found[0] if found else f"onbekend patroon ({step.pattern})"))
            at = step.breaks_after
            if at is not None and 1 <= at <= len(steps):
                to = at % len(steps) + 1
                arrow = (at, steps[at - 1], to, steps[to - 1])
                parts.append(f"pijl {at} → {to}")
            elif at is not None:  # kept from the file; drawn once the pattern has the arrow
                parts.append(f"pijl na stap {at}"
                             + (" (het patroon heeft er minder)" if found else ""))
            else:
                parts.append("welke pijl? ctrl+↓")
        if step.layer:
            parts.append(f"laag {step.layer}")
        elif parts:
            parts.append("laag? ctrl+l")
        words = " · ".join(parts)
        if (words, arrow) != (self._words, self._arrow):
            self._words, self._arrow = words, arrow
            self.set_class(not words, "-none")
            self.refresh(layout=True)

    @property
    def words(self) -> str:
        """The tie as shown on its first line."""
        return self._words

    def render(self) -> Content:
        lines = [Content(self._words)]
        if self._arrow is not None:
            at, text, to, next_text = self._arrow
            room = max((self.content_region.width - len(f"{at}  → {to} ")) // 2, 8)
            lines.append(Content.assemble(f"{at} ", _short(text, room), f" → {to} ",
                                          _short(next_text, room)))
        return Content("\n").join(lines)
