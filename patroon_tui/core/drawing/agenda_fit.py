"""When the programme's agenda sidebar folds away: the room each kind of screen needs.

The agenda stays beside a slide unless it would take the room the slide's content needs: a
recording screen needs ``RECORDING_ROOM`` columns, a text slide ``TEXT_ROOM``, and a pattern
folds the agenda away when that turns its chain into a ring. The facilitator's choice (f4)
is kept apart for the screens the agenda leaves room for and those it would squeeze.
"""

from __future__ import annotations

from typing import Literal

from patroon_tui.core.model.deck import Pattern

AGENDA_WIDTH = 24
"""Columns of the agenda sidebar (titles are cut short with …)."""
AGENDA_WIDTH_WIDE = 36
"""Columns of the agenda from the wide width on."""
WIDE_FROM = 140
"""The terminal width from which the agenda is wider (the screen's ``-wide`` breakpoint)."""
TEXT_ROOM = 56
"""Columns a text slide needs; below this beside the agenda, the agenda folds away."""
RECORDING_ROOM = 96
"""Columns a recording screen needs (the tables form with its loop beside the fields)."""

Layout = Literal["narrow", "normal", "wide"]
"""The programme screen's width class, which decides where the notes pane goes."""


#: Below this many rows a pattern slide has no title row (``-short`` on the screen).
SHORT_BELOW = 30


def agenda_width(width: int) -> int:
    """Columns the agenda takes in a terminal ``width`` wide."""
    return AGENDA_WIDTH_WIDE if width >= WIDE_FROM else AGENDA_WIDTH


def slide_room(width: int, height: int, *, notes: bool, layout: Layout) -> tuple[int, int]:
    """Columns and rows a slide gets without the agenda (the notes pane open or not)."""
    # padding; header, footer and (from SHORT_BELOW rows, see the stylesheet) the title
    slide_width = width - 2
    slide_height = height - (3 if height >= SHORT_BELOW else 2)
    if notes:
        if layout == "wide":
            slide_width -= 56  # the notes beside the slide
        else:
            slide_height -= 7 if layout == "narrow" else 10  # the notes under it
    return slide_width, slide_height


def ring_fits(pattern: Pattern, width: int, height: int) -> bool:
    """Whether ``pattern`` is drawn as a ring (not a chain) in ``width`` × ``height``."""
    # Imported here: drawing is needed only once a pattern screen is asked about, so a
    # session resumed elsewhere does not load it before its first screen is shown.
    from patroon_tui.core.drawing import hyphen
    from patroon_tui.core.drawing.loop import RING_MIN_WIDTH, draw_loop

    if width < RING_MIN_WIDTH or height < 1:
        return False
    # Drawn as the screen will draw it: without the dictionary until it has been read.
    drawing = draw_loop(pattern.title, pattern.steps, width, height, hyphenate=hyphen.ready())
    return drawing.layout == "ring"


class AgendaFit:
    """Decides per screen whether the agenda is shown; remembers the facilitator's f4."""

    def __init__(self) -> None:
        # Whether the agenda is shown, for screens it leaves room for (False) and for
        # screens it would squeeze (True); f4 flips the one that applies to the screen shown.
        self._wanted = {False: True, True: False}
        self._ring_cache: dict[tuple, bool] = {}

    def squeezes(
        self,
        screen_id: str,
        *,
        recording: bool,
        pattern: Pattern | None,
        width: int,
        height: int,
        notes: bool,
        layout: Layout,
    ) -> bool:
        """Whether the agenda would take the room the screen's content needs.

        ``recording``: the screen records into the session; ``pattern``: the pattern a
        pattern screen draws (``None`` for other screens).
        """
        agenda = agenda_width(width)
        if recording:
            return width - agenda < RECORDING_ROOM
        if width - agenda < TEXT_ROOM:
            return True
        if pattern is None:
            return False
        # A pattern is about going round: fold the agenda away when that turns the chain
        # into a ring (at sizes where it is a chain either way, the agenda may stay).
        slide_width, slide_height = slide_room(width, height, notes=notes, layout=layout)
        key = (screen_id, slide_width, slide_height, agenda)
        if key not in self._ring_cache:
            self._ring_cache[key] = (
                ring_fits(pattern, slide_width, slide_height)
                and not ring_fits(pattern, slide_width - agenda, slide_height)
            )
        return self._ring_cache[key]

    def shown(self, squeezes: bool) -> bool:
        """Whether the agenda is shown on a screen it would (or would not) squeeze."""
        return self._wanted[squeezes]

    def toggle(self, squeezes: bool, shown: bool) -> None:
        """f4: from now on show the agenda (or not) on screens like this one."""
        self._wanted[squeezes] = not shown
