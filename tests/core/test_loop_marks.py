"""Cuts and slow arrows on a loop: marked on the arrow where there is room, named in the
legend under it, and never at the cost of a step's word, a box or the title."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from patroon_tui.core.drawing.loop import LoopDrawing, cell_width, draw_loop
from patroon_tui.core.drawing.marks import CUT, SLOW_ACROSS, SLOW_DOWN
from patroon_tui.core.model.deck import load_deck
from tests.core.loop_helpers import body_lines, box_text, cells, labels
from tests.core.test_loop import _step
from tests.core.test_loop_golden import made_up_steps

#: What a mark may write over: empty cells and the shafts of arrows.
_UNDER_A_MARK = {" ", "─", "│"}
_MARK_CELLS = set(f"{CUT}{SLOW_ACROSS}{SLOW_DOWN},0123456789")
_MARKS = {CUT, SLOW_ACROSS, SLOW_DOWN}


def _changed_cells(plain: LoopDrawing, marked: LoopDrawing) -> list[tuple[str, str]]:
    """(cell before, cell after) for every cell of the body the marks changed."""
    before, after = body_lines(plain), body_lines(marked)
    assert len(before) == len(after)
    changed = []
    for old, new in zip(before, after, strict=True):
        width = max(len(cells(old)), len(cells(new)))
        for a, b in zip(cells(old, width), cells(new, width), strict=True):
            if a != b:
                changed.append((a, b))
    return changed


def _assert_boxes_apart(drawing: LoopDrawing, steps) -> None:
    """No two steps share a cell, no mark lies in a step's place, and a ring's boxes keep
    their corners: the boxes neither overlap nor are drawn over."""
    taken: dict[tuple[int, int], int] = {}
    typed = set("".join(steps))  # a step may hold a mark's character itself
    for step, rows in drawing.spans.items():
        for row, start, end in rows:
            row_cells = cells(drawing.lines[row], end)
            for x in range(start, end):
                assert (row, x) not in taken, (step, taken.get((row, x)), row, x)
                taken[(row, x)] = step
                assert row_cells[x] not in _MARKS - typed, (step, row, x)
        if drawing.layout == "ring":
            (top, left, right), (bottom, _l, _r) = rows[0], rows[-1]
            corners = [cells(drawing.lines[r], right)[x]
                       for r in (top, bottom) for x in (left, right - 1)]
            assert corners in (["┌", "┐", "└", "┘"], ["+", "+", "+", "+"]), (step, corners)


def _assert_marks_cost_nothing(plain: LoopDrawing, marked: LoopDrawing, steps, width):
    assert all(cell_width(line) <= width for line in marked.lines)
    _assert_boxes_apart(marked, steps)
    assert sorted(labels(marked)) == list(range(1, len(steps) + 1))
    for number, step in enumerate(steps, start=1):
        like = f"{number}{step}"
        assert box_text(marked, number, like) == box_text(plain, number, like)
    if marked.spans == plain.spans:  # the same layout: marks only in empty cells or shafts
        for old, new in _changed_cells(plain, marked):
            assert old in _UNDER_A_MARK and new in _MARK_CELLS, (old, new)


def _arrow_named(drawing: LoopDrawing, arrow: int, n: int) -> bool:
    where = f"{arrow} → {arrow % n + 1}"
    return any(where in line for line in drawing.legend)


_CASES = [(n, width, height) for n in range(2, 13) for width in (60, 80, 120, 160)
          for height in (None, 20)]


@pytest.mark.parametrize(("n", "width", "height"), _CASES)
def test_every_arrow_cut_or_slow_in_turn_costs_no_word(n, width, height):
    steps = made_up_steps(n)
    plain = draw_loop("Eigen patroon", steps, width, height)
    for arrow in range(1, n + 1):
        for marks in ({"cuts": {arrow: [1]}}, {"slow": {arrow}}, {"cuts": {arrow: [2, 11]},
                                                                   "slow": {arrow}}):
            marked = draw_loop("Eigen patroon", steps, width, height, **marks,
                               notes={1: "Elke maand samen aan tafel."})
            _assert_marks_cost_nothing(plain, marked, steps, width)
            if height is None:
                # with room, the legend always says which arrow is cut or slow
                assert _arrow_named(marked, arrow, n), marked.lines
            if height is not None and marked.spans == plain.spans:
                assert len(marked.lines) <= max(height, len(plain.lines))
            body = "\n".join(body_lines(marked))
            if "cuts" in marks:
                # the cut is on the drawing, or the legend says which arrow it is
                assert CUT in body or _arrow_named(marked, arrow, n)


@pytest.mark.parametrize("width", [60, 80, 120, 160])
def test_wereldvrede_cut_after_step_3_shows_the_step_number(width):
    pattern = load_deck().pattern("wereldvrede")
    plain = draw_loop(pattern.title, pattern.steps, width)
    cut = draw_loop(pattern.title, pattern.steps, width, cuts={3: [1]},
                    notes={1: "Samen een visie schrijven."})
    assert CUT not in "\n".join(plain.lines)
    assert f"{CUT}1" in "\n".join(body_lines(cut))
    assert cut.legend[0].lstrip().startswith(f"{CUT}1  3 → 4 ")
    assert "Samen een visie schrijven." in " ".join(" ".join(cut.legend).split())
    # the same drawing but for the mark
    assert [(a, b) for a, b in _changed_cells(plain, cut)] in (
        [("│", CUT), (" ", "1")], [(" ", CUT), (" ", "1")], [("─", CUT), ("─", "1")])


@pytest.mark.parametrize(("width", "height"), [(60, 20), (80, 24), (60, 14), (80, 17)])
def test_small_screens_lose_no_word_to_the_marks(width, height):
    for pattern in load_deck().patterns:
        plain = draw_loop(pattern.title, pattern.steps, width, height, highlight=2)
        marked = draw_loop(pattern.title, pattern.steps, width, height, highlight=2,
                           cuts={3: [1], 6: [2]}, slow={5})
        _assert_marks_cost_nothing(plain, marked, pattern.steps, width)
        assert len(marked.lines) <= max(height, len(plain.lines))
        body = "\n".join(body_lines(marked))
        for arrow, number in ((3, 1), (6, 2)):
            # the number on the arrow, or the legend names the arrow
            assert (f"{CUT}{number}" in body
                    or any(f"{arrow} → {arrow % 6 + 1}" in line for line in marked.legend))


def test_chain_marks_its_arrows_and_the_way_back():
    steps = made_up_steps(4)
    drawing = draw_loop("Eigen", steps, 50, cuts={4: [1], 2: [3]}, slow={1})
    assert drawing.layout == "chain"
    body = body_lines(drawing)
    assert f"↓  {SLOW_DOWN}" in body
    assert f"↓  {CUT}3" in body
    assert any(line.startswith("↺  terug naar 1") and line.endswith(f"{CUT}1") for line in body)


def test_ascii_marks_are_ascii():
    steps = made_up_steps(6)
    drawing = draw_loop("Eigen", steps, 100, ascii=True, cuts={3: [1]}, slow={1, 4})
    assert all(line.isascii() for line in drawing.legend)
    assert not set(f"{CUT}{SLOW_ACROSS}{SLOW_DOWN}") & set("".join(drawing.lines))
    assert "x1" in "\n".join(body_lines(drawing))


def test_no_marks_draw_exactly_as_before():
    steps = made_up_steps(7)
    for width in (60, 100):
        assert draw_loop("E", steps, width, 20) == draw_loop("E", steps, width, 20, cuts={},
                                                             slow=())
        # a cut past the loop's end (the pattern lost steps since) draws nothing
        assert draw_loop("E", steps, width) == draw_loop("E", steps, width, cuts={9: [1]})


def test_shown_step_by_step_an_arrows_marks_come_with_the_arrow():
    steps = made_up_steps(6)
    for reveal in range(0, 7):
        drawing = draw_loop("Eigen", steps, 120, reveal=reveal, cuts={3: [1], 6: [2]}, slow={1})
        legend = " ".join(drawing.legend)
        assert ("3 → 4" in legend) == (reveal >= 4)
        assert ("6 → 1" in legend) == (reveal >= 6)
        assert ("1 → 2" in legend) == (reveal >= 2)
        assert (f"{CUT}1" in "\n".join(body_lines(drawing))) == (reveal >= 4)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    steps=st.lists(_step, min_size=2, max_size=12),
    width=st.integers(20, 220),
    height=st.one_of(st.none(), st.integers(5, 60)),
    cuts=st.dictionaries(st.integers(1, 12), st.lists(st.integers(1, 30), min_size=1,
                                                      max_size=3), max_size=4),
    slow=st.sets(st.integers(1, 12), max_size=4),
    ascii=st.booleans(),
)
def test_any_marks_cost_no_word_and_fit_the_width(steps, width, height, cuts, slow, ascii):
    plain = draw_loop("Patroon", steps, width, height, ascii=ascii)
    marked = draw_loop("Patroon", steps, width, height, ascii=ascii, cuts=cuts, slow=slow,
                       notes={1: "Een eerste stap met een lange tekst die moet passen."})
    assert all(cell_width(line) <= width for line in marked.lines)
    assert sorted(labels(marked)) == list(range(1, len(steps) + 1))
    if not ascii:
        _assert_boxes_apart(marked, steps)
    if width >= 24:
        for number, step in enumerate(steps, start=1):
            like = f"{number}{step}"
            assert box_text(marked, number, like) == box_text(plain, number, like)
    if marked.spans == plain.spans:
        for old, new in _changed_cells(plain, marked):
            assert old in _UNDER_A_MARK | set("-|") and new in _MARK_CELLS | set("x#"), (old, new)
    if height is not None and marked.spans == plain.spans:
        assert len(marked.lines) <= max(height, len(plain.lines))
