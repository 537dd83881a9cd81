"""The default deck's example patterns are shown to the last word at the sizes a room uses:
80×24 presenting (F5), and 80×24, 120×34 and 160×45 on the facilitator's screen.

At 80×24 on the facilitator's screen 'Tussen wal en schip' needs 24 rows and gets 22 (the
header and footer take two): its boxes are shortened there, and a highlighted step's text is
written out in full under the ring."""

from __future__ import annotations

import pytest

from patroon_tui.core.drawing import hyphen
from patroon_tui.widgets.loop_view import LoopView
from tests.core.loop_helpers import box_text
from tests.waiting import until

CASES = [
    ((80, 24), True, ()),
    ((80, 24), False, ("tussen-wal-en-schip",)),
    ((120, 34), False, ()),
    ((160, 45), False, ()),
]


def shown_lines(view: LoopView) -> list[str]:
    """What the widget shows, line by line."""
    return [view.render_line(y).text.rstrip() for y in range(view.content_size.height)]


@pytest.mark.parametrize(
    "size,presenting,too_long", CASES, ids=["80x24-f5", "80x24", "120x34", "160x45"]
)
async def test_every_step_of_every_example_pattern_is_shown_whole(
    make_app, deck, size, presenting, too_long
):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        programme = app.screen
        if presenting:
            await pilot.press("f5")
        for screen in [s for s in deck.screens if s.kind == "pattern" and s.id not in too_long]:
            programme.go_to(screen.id)
            await pilot.pause()
            view = programme.body.query_one(LoopView)
            # The dictionary is read in the background once a loop is on screen.
            await until(pilot, hyphen.ready)
            await pilot.pause()
            drawing = view.drawing()
            shown = shown_lines(view)
            assert drawing.layout == "ring", screen.id
            assert len(drawing.lines) <= len(shown), screen.id
            top = shown.index(drawing.lines[0].rstrip())
            assert shown[top : top + len(drawing.lines)] == [
                line.rstrip() for line in drawing.lines
            ], screen.id
            assert not any("…" in line for line in shown), screen.id
            pattern = deck.pattern(screen.pattern)
            for number, step in enumerate(pattern.steps, 1):
                assert box_text(drawing, number, like=step) == f"{number}{''.join(step.split())}"
