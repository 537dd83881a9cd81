"""Marks on a loop's arrows: where first steps cut it and where it is slow (:class:`Marks`).

A first step tied to an arrow cuts it: the arrow carries ``×`` and the first step's number
(``×1``), and a legend under the loop says which arrow each first step cuts and what the
step is. A slow arrow (a delay: the next step follows only after a while) carries two
strokes across it, the causal-loop diagrams' sign for a delay: ``╫`` on an arrow running
across, ``╪`` on one running down or up. Every sign is one cell in every terminal font
(Latin-1 and box drawing).

Marks go only into cells left empty by the boxes, the arrows' ends and the title, so they
never cover a word: where the number does not fit, the arrow gets its sign alone or nothing,
and the legend still says which arrow is cut.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from patroon_tui.core.drawing.canvas import Canvas
from patroon_tui.core.drawing.cells import cell_width
from patroon_tui.core.drawing.wrap import Breaking, truncate, wrap

__all__ = ["CUT", "SLOW_ACROSS", "SLOW_DOWN", "Arrow", "Marks", "legend", "place"]

CUT = "×"
"""The cut sign, before the numbers of the first steps that cut the arrow."""
SLOW_ACROSS = "╫"
"""Two strokes across an arrow running left or right: the arrow is slow."""
SLOW_DOWN = "╪"
"""Two strokes across an arrow running down or up."""
_ASCII = {CUT: "x", SLOW_ACROSS: "#", SLOW_DOWN: "#"}


@dataclass(frozen=True)
class Marks:
    """What a loop's arrows carry; arrow ``a`` runs from step ``a`` to the next."""

    cuts: Mapping[int, Sequence[int]] = field(default_factory=dict)
    """Arrow -> the numbers of the first steps that cut it (``breaks_of`` gives these)."""
    slow: Collection[int] = ()
    """The slow arrows."""
    notes: Mapping[int, str] = field(default_factory=dict)
    """First step number -> its text, for the legend (``{}``: the legend names numbers)."""

    @classmethod
    def of(cls, n: int, cuts: Mapping[int, Sequence[int]] | None = None,
           slow: Collection[int] = (), notes: Mapping[int, str] | None = None) -> Marks:
        """Marks for a loop of ``n`` steps: arrows outside ``1..n`` are left out."""
        kept = {a: tuple(s) for a, s in sorted((cuts or {}).items()) if 1 <= a <= n and s}
        return cls(kept, frozenset(a for a in slow if 1 <= a <= n), dict(notes or {}))

    def __bool__(self) -> bool:
        return bool(self.cuts or self.slow)

    def cut_labels(self, arrow: int, ascii: bool) -> list[str]:
        """The cut label of ``arrow``, longest first: with the numbers, the sign alone."""
        steps = self.cuts.get(arrow, ())
        if not steps:
            return []
        sign = _ASCII[CUT] if ascii else CUT
        return [sign + ",".join(map(str, steps)), sign]


@dataclass(frozen=True)
class Arrow:
    """Where an arrow is drawn, its head included: ``across`` on row ``line`` from cell
    ``start`` to cell ``end``, or down or up in column ``line`` from row ``start`` to row
    ``end``; its head is at ``end`` when it runs ``forward`` (right or down), else at
    ``start``."""

    number: int
    across: bool
    line: int
    start: int
    end: int
    forward: bool


def place(canvas: Canvas, arrows: Sequence[Arrow], marks: Marks, ascii: bool) -> None:
    """Put each arrow's marks where they fit in empty cells (after the boxes, arrows and
    title are drawn): with the first steps' numbers where there is room, else the signs."""
    for arrow in arrows:
        slow = ""
        if arrow.number in marks.slow:
            slow = SLOW_ACROSS if arrow.across else SLOW_DOWN
            slow = _ASCII[slow] if ascii else slow
        cuts = marks.cut_labels(arrow.number, ascii)
        if arrow.across:
            # The numbers first: the slow sign is in the legend too.
            tries = [slow + c for c in cuts[:1]] + cuts[:1]
            tries += [slow + c for c in cuts[1:]] + cuts[1:] + [slow]
            for text in dict.fromkeys(t for t in tries if t):
                if _across(canvas, arrow, text):
                    break
            continue
        row = _down_slow(canvas, arrow, slow)
        for text in cuts:
            if _beside(canvas, arrow.line, row, text):
                break


def _across(canvas: Canvas, arrow: Arrow, text: str) -> bool:
    """On the shaft of an arrow running left or right, clear of its head."""
    first, last = (arrow.start, arrow.end - 1) if arrow.forward else (arrow.start + 1, arrow.end)
    room = last - first + 1
    w = cell_width(text)
    if w > room:
        return False
    canvas.put(first + (room - w + 1) // 2, arrow.line, text)
    return True


def _down_slow(canvas: Canvas, arrow: Arrow, slow: str) -> int:
    """The slow sign on the shaft of an arrow running down or up (where it has a cell
    besides its head; else beside it); the row for the cut label."""
    head = arrow.end if arrow.forward else arrow.start
    rows = [r for r in range(arrow.start, arrow.end + 1) if r != head] or [head]
    row = rows[len(rows) // 2]
    if slow and row != head:
        canvas.put(arrow.line, row, slow)
    elif slow:
        _beside(canvas, arrow.line, row, slow)
    return row


def _beside(canvas: Canvas, col: int, row: int, text: str) -> bool:
    """``text`` right of column ``col`` (else left of it) on ``row``, in empty cells with an
    empty cell on its far side, so it never touches a word."""
    w = cell_width(text)
    right = col + 1
    if right < canvas.width and canvas.cells[row][right] in (SLOW_DOWN, _ASCII[SLOW_DOWN]):
        right += 1  # after the slow sign put beside the arrow's head
    for x, start in ((right, right), (col - w, col - w - 1)):
        if _free(canvas, start, row, w + 1):
            canvas.put(x, row, text)
            return True
    return False


def _free(canvas: Canvas, x: int, y: int, w: int) -> bool:
    """Whether ``w`` cells from ``x`` on row ``y`` are inside the canvas and empty."""
    if not 0 <= y < canvas.height or x < 0 or x + w > canvas.width:
        return False
    return all(cell == " " for cell in canvas.cells[y][x:x + w])


def legend(n: int, marks: Marks, width: int, ascii: bool, lines: int | None, *,
           to: str | None = None, slow_sign: str | None = None) -> list[str]:
    """The legend under a loop, in at most ``lines`` lines (``None``: as many as it takes):
    a line per cut arrow with its first steps' text, and one for the slow arrows; when
    that is too many, one line naming every arrow. ``to`` joins an arrow's two steps and
    ``slow_sign`` stands for a slow arrow (a picture's font has no arrows or box lines)."""
    cut_sign = _ASCII[CUT] if ascii else CUT
    if slow_sign is None:
        slow_sign = _ASCII[SLOW_ACROSS] if ascii else f"{SLOW_ACROSS}{SLOW_DOWN}"
    if to is None:
        to = " -> " if ascii else " → "
    full: list[str] = []
    short: list[str] = []
    for arrow, steps in marks.cuts.items():
        numbers = ",".join(map(str, steps))
        where = f"{arrow}{to}{arrow % n + 1}"
        said = [marks.notes[s] for s in steps if marks.notes.get(s, "").strip()]
        what = f"eerste stap {numbers}" if len(steps) == 1 else f"eerste stappen {numbers}"
        text = f": {' · '.join(' '.join(s.split()) for s in said)}" if said else ""
        full.append(f"{cut_sign}{numbers}  {where} doorbroken door {what}{text}")
        short.append(f"{cut_sign}{numbers} {where}")
    if marks.slow:
        where = ", ".join(f"{a}{to}{a % n + 1}" for a in sorted(marks.slow))
        full.append(f"{slow_sign}  traag (dat duurt even): {where}")
        short.append(f"{slow_sign} traag {where}")
    wrapped = [row for line in full for row in _hanging(line, width)]
    if lines is None or len(wrapped) <= lines:
        return wrapped
    if len(full) <= lines:
        return [truncate(line, width) for line in full]
    if lines <= 0:
        return []
    return [truncate("  ".join(short), width)]


def _hanging(line: str, width: int) -> list[str]:
    """A legend line wrapped to ``width``, its next lines indented under its text."""
    sign, _, text = line.partition("  ")
    indent = cell_width(sign) + 2
    if cell_width(line) <= width or width - indent < 16:
        return [truncate(line, width)]
    rows = wrap(text, width - indent, Breaking.CUT)
    return [f"{sign}  {rows[0]}", *(" " * indent + row for row in rows[1:])]
