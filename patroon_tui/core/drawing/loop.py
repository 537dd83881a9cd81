"""A pattern drawn as a ring of boxes in plain text: ``draw_loop`` and ``LoopDrawing``.

Graph renderers lay a cycle out as a column with one back-edge; a workshop room must see at a
glance that a pattern goes round, so the steps are drawn as boxes on a ring (top row left to
right, down the right side, bottom row right to left, up the left side) joined by arrows that
all turn the same way, with the pattern's title and the kind of loop in the middle.

The drawing adapts to the space it gets: with room, every box shows its step's whole text;
with too little height the boxes show their first words and ``…`` and the highlighted step's
full text is written under the ring; below about 60 columns (or when even one-line boxes do
not fit) the ring becomes a vertical chain. Every line's display width stays within the width
asked for, counting wide characters (CJK, emoji) as two cells. The result is a pure function
of its arguments, so it can be cached, tested against text fixtures and shown by any front end.

This module chooses the layout and draws the chain; the ring is laid out and drawn by
:mod:`patroon_tui.core.drawing.ring` on a :mod:`patroon_tui.core.drawing.canvas`, text is measured by
:mod:`patroon_tui.core.drawing.cells` (``cell_width`` and ``char_width`` are re-exported here) and
fitted by :mod:`patroon_tui.core.drawing.wrap`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from patroon_tui.core.drawing.canvas import ASCII, UNICODE, Glyphs
from patroon_tui.core.drawing.cells import cell_width, char_width, clean
from patroon_tui.core.drawing.marks import SLOW_DOWN, Marks, legend
from patroon_tui.core.drawing.ring import (
    CONFIGS,
    Ring,
    draw_ring,
    fits_one_line,
    most_text,
    plan_ring,
)
from patroon_tui.core.drawing.wrap import Breaking, label_lines, shorten, truncate, wrap

__all__ = [
    "CHAIN_TRUNCATE_WIDTH",
    "DEFAULT_MARKER",
    "LoopDrawing",
    "RING_MIN_WIDTH",
    "cell_width",
    "char_width",
    "draw_loop",
]

DEFAULT_MARKER = "↻ versterkende lus"
RING_MIN_WIDTH = 60
"""Below this width the ring is always drawn as a vertical chain."""
CHAIN_TRUNCATE_WIDTH = 24
"""Below this width each chain step is one line, cut short with ``…``."""
RETURN_TEXT = "terug naar 1"


@dataclass(frozen=True)
class LoopDrawing:
    """A drawn pattern: text lines plus where each step's box is, for styling."""

    lines: list[str]
    """The drawing; each line's display width is at most the width asked for."""
    spans: dict[int, list[tuple[int, int, int]]]
    """Step number (1-based) -> ``(row, start_cell, end_cell)`` of its box, one per row of the
    box; ``end_cell`` is exclusive. In the chain layout: the cells of the step's lines."""
    layout: Literal["ring", "chain"]
    """``ring`` (boxes around the title) or ``chain`` (a vertical list, for narrow spaces)."""
    detail: list[str]
    """The highlighted step's full text as shown under the drawing when boxes were shortened
    (``[]`` otherwise). These are the last lines of ``lines`` (before the legend)."""
    legend: list[str] = field(default_factory=list)
    """Which arrows first steps cut and which are slow, as written under the drawing (and
    its detail) after a blank line; ``[]`` without marks. The very last lines of ``lines``."""


# -- chain layout --------------------------------------------------------------------------


def _draw_chain(
    title: str,
    marker: str,
    steps: list[str],
    width: int,
    height: int | None,
    highlight: int | None,
    reveal: int,
    glyphs: Glyphs,
    hyphenate: bool,
    marks: Marks,
) -> tuple[LoopDrawing, bool]:
    whole, tight_words = _breakings(hyphenate)
    n = len(steps)
    label_width = len(str(max(n, 1)))
    quoted = f"‘{title.strip()}’" if title.strip() else ""
    head = "  ".join(part for part in (quoted, marker.strip()) if part)
    header = [truncate(head, width), ""] if head else []
    one_line = width < CHAIN_TRUNCATE_WIDTH
    text_w = width - label_width - 2
    full = [wrap(s, text_w, whole) or [""] for s in steps]

    def block_height(k: int) -> int:
        return len(header) + sum(min(len(f), k) for f in full) + max(n - 1, 0) + 1

    if height is not None and block_height(10**6) > height:
        full = [wrap(s, text_w, tight_words) or [""] for s in steps]
    most = max((len(f) for f in full), default=1)

    k = 1 if one_line else most
    if height is not None and not one_line and block_height(most) > height:
        reserve = _detail_room(steps, width, label_width, whole) if steps else 1
        k = _fit(block_height, most, height, reserve)
    shortened = one_line or k < most

    out: list[str] = list(header)
    spans: dict[int, list[tuple[int, int, int]]] = {}
    pad = " " * (label_width + 2)
    for i, step_lines in enumerate(full, start=1):
        if one_line:
            shown = [truncate(" ".join(step_lines), text_w)]
        else:
            shown = shorten(step_lines, k, text_w)
        rows: list[str] = []
        for r, line in enumerate(shown):
            if i > reveal:  # a placeholder as tall as the step, so nothing moves on reveal
                rows.append(pad + glyphs.ph * min(8, text_w) if r == 0 else "")
            else:
                rows.append((f"{i:<{label_width}}  " if r == 0 else pad) + line)
        spans[i] = []
        for line in rows:
            line = truncate(line, width)
            spans[i].append((len(out), 0, cell_width(line)))
            out.append(line.rstrip())
        if i < n:
            down = _chain_arrow(glyphs.chain_down, i, marks, glyphs is ASCII, width)
            out.append(down if i < reveal else "")
    if n:
        back = f"{glyphs.chain_back}  {RETURN_TEXT}"
        back = _chain_arrow(back, n, marks, glyphs is ASCII, width)
        out.append(truncate(back, width) if reveal >= n else "")
    detail: list[str] = []
    if shortened and highlight is not None:
        detail = _detail(highlight, steps[highlight - 1], width, label_width, whole)
        room = len(detail) if height is None else height - len(out) - 1
        detail = shorten(detail, room, width) if room > 0 else []
        if detail:
            out += [""] + detail
    return LoopDrawing(out, spans, "chain", detail), shortened


def _chain_arrow(arrow: str, number: int, marks: Marks, ascii: bool, width: int) -> str:
    """A chain's arrow with its marks after it, as many as fit ``width``."""
    slow = ("#" if ascii else SLOW_DOWN) if number in marks.slow else ""
    for cut in [*marks.cut_labels(number, ascii), ""]:
        text = f"{arrow}  {slow}{cut}".rstrip()
        if cell_width(text) <= width:
            return text
    return arrow


def _breakings(hyphenate: bool) -> tuple[Breaking, Breaking]:
    """How words break when every word fits, and when room is short."""
    if hyphenate:
        return Breaking.SYLLABLES, Breaking.FILL
    return Breaking.CUT, Breaking.CUT


def _detail(number: int, text: str, width: int, label_width: int, breaking: Breaking) -> list[str]:
    """A step's full text as written under a shortened drawing."""
    lines = label_lines(number, text, width, label_width, breaking)
    return [truncate(line, width) for line in lines]


def _detail_room(steps: list[str], width: int, label_width: int, breaking: Breaking) -> int:
    """Lines to keep free under a drawing for the longest step's detail (and a blank line)."""
    text_w = width - label_width - 2
    return 1 + max(max(len(wrap(s, text_w, breaking)), 1) for s in steps)


def _fit(block_height: Callable[[int], int], most: int, height: int, reserve: int) -> int:
    """The most text lines per step that fit ``height``, with the detail's room if possible."""
    for use_reserve in (reserve, 0):
        for k in range(most - 1, 0, -1):
            if block_height(k) + use_reserve <= height:
                return k
    return 1


def _every_word(
    config: tuple[int, int, int] | None, texts: list[str], title: str, marker: str, width: int,
    height: int, whole: Breaking, tight_words: Breaking,
) -> Ring | None:
    """The layout with every word shown that fits ``height``: with short arrows, then with
    words broken to fill lines (before any text is cut short); ``None`` when none does."""
    tries = [(1, whole)]
    if tight_words != whole:
        tries += [(2, tight_words), (1, tight_words)]
    for connector, breaking in tries:
        tight = plan_ring(config, texts, title, marker, width, None, connector, breaking)
        if tight is not None and tight.height <= height:
            return tight
    return None


# -- entry point ---------------------------------------------------------------------------


def draw_loop(
    title: str,
    steps: Sequence[str],
    width: int,
    height: int | None = None,
    *,
    highlight: int | None = None,
    reveal: int | None = None,
    ascii: bool = False,
    marker: str = DEFAULT_MARKER,
    hyphenate: bool = True,
    cuts: Mapping[int, Sequence[int]] | None = None,
    slow: Collection[int] = (),
    notes: Mapping[int, str] | None = None,
) -> LoopDrawing:
    """Draw a pattern's steps as a ring of boxes (or a chain when space is short).

    ``width`` is the number of cells available (every line fits in it); ``height``, when
    given, is the number of lines the drawing should fit in if at all possible: box text is
    shortened first, and the ring becomes a chain when even one-line boxes do not fit. With
    ``height=None`` boxes are as tall as their text needs. ``highlight`` (1-based) selects the
    step whose full text is written under the drawing when boxes were shortened; ``reveal``
    shows steps ``1..reveal`` and empty placeholder boxes (same places) for the rest, with
    arrows only between shown steps. ``ascii`` draws with ``+ - | > < ^ v``. ``hyphenate``
    breaks words where Dutch breaks them (reading the dictionary the first time, see
    :mod:`patroon_tui.core.drawing.hyphen`); ``False`` cuts a word only when it fits no line.

    ``cuts`` (arrow -> numbers of the first steps that cut it, as
    :func:`patroon_tui.core.model.breaks.breaks_of` gives them; arrow ``a`` leaves step
    ``a``) and ``slow`` (arrow numbers) are marked on the arrows where there is room
    (:mod:`patroon_tui.core.drawing.marks`) and named in a legend under the drawing, with
    each first step's text from ``notes`` (first step number -> text). The legend takes
    only lines the drawing leaves free: marks never cost a word of a step.
    """
    width = max(1, int(width))
    n = len(steps)
    shown = n if reveal is None else max(0, min(int(reveal), n))
    # Shown step by step, the room sees an arrow's marks (and its legend) with the arrow.
    drawn = {a for a in range(1, n + 1) if a <= shown and a % n + 1 <= shown}
    marks = Marks.of(n, {a: s for a, s in (cuts or {}).items() if a in drawn},
                     [a for a in slow if a in drawn],
                     {k: clean(v) for k, v in (notes or {}).items()})
    drawing, shortened = _draw(title, steps, width, height, highlight, reveal, ascii, marker,
                               hyphenate, marks)
    if not marks:
        return drawing
    spare = None if height is None else height - len(drawing.lines) - 1
    lines = _legend(drawing, n, marks, width, ascii, spare)
    if not lines and height is not None and not shortened:
        # No line left for the legend: the drawing one line lower, if that costs no word.
        lower, lower_shortened = _draw(title, steps, width, height - 2, highlight, reveal,
                                       ascii, marker, hyphenate, marks)
        if not lower_shortened and len(lower.lines) <= height - 2:
            drawing, lines = lower, _legend(lower, n, marks, width, ascii, 1)
    if not lines:
        return drawing
    return LoopDrawing(drawing.lines + ["", *lines], drawing.spans, drawing.layout,
                       drawing.detail, lines)


def _legend(
    drawing: LoopDrawing, n: int, marks: Marks, width: int, ascii: bool, lines: int | None
) -> list[str]:
    """The legend, from the ring's left edge (a chain's starts at the line's start)."""
    indent = 0
    if drawing.layout == "ring":
        indent = min((len(x) - len(x.lstrip()) for x in drawing.lines if x.strip()), default=0)
    found = legend(n, marks, width - indent, ascii, lines)
    return [" " * indent + line for line in found]


def _draw(
    title: str, steps: Sequence[str], width: int, height: int | None, highlight: int | None,
    reveal: int | None, ascii: bool, marker: str, hyphenate: bool, marks: Marks,
) -> tuple[LoopDrawing, bool]:
    """The drawing without its legend, and whether any step's text was shortened."""
    texts = [clean(str(s)) for s in steps]
    title = clean(title)
    marker = clean(marker)
    n = len(texts)
    glyphs = ASCII if ascii else UNICODE
    shown_up_to = n if reveal is None else max(0, min(int(reveal), n))
    if highlight is not None and not 1 <= highlight <= n:
        highlight = None

    configs: list[tuple[int, int, int] | None]
    configs = [None] if n == 2 else list(CONFIGS.get(n, []))
    if width < RING_MIN_WIDTH or not configs:
        return _draw_chain(
            title, marker, texts, width, height, highlight, shown_up_to, glyphs, hyphenate,
            marks,
        )

    label_width = len(str(n))
    whole, tight_words = _breakings(hyphenate)
    best: Ring | None = None
    reserves: dict[int, int] = {}  # detail width -> room the longest step's detail needs
    for config in configs:
        full = plan_ring(config, texts, title, marker, width, None, 2, whole)
        if full is None:
            continue
        if height is None or full.height <= height:
            best = full
            break
        best = _every_word(config, texts, title, marker, width, height, whole, tight_words) or best
        if best is not None and not best.text_shortened:
            break
        # At most one line less per box than the full text; an earlier layout wins a tie.
        most = max(max(len(b.lines) for b in full.boxes.values()), 1)
        least = 1 if best is None else best.lines_per_box + 1
        if least >= most:
            continue
        detail_width = min(width, full.width)
        if detail_width not in reserves:
            reserves[detail_width] = _detail_room(texts, detail_width, label_width, whole)
        reserve = reserves[detail_width]
        room = height - reserve
        found = most_text(config, texts, title, marker, width, most, room, least, tight_words)
        if found is None and not fits_one_line(
            config, texts, title, marker, width, room, tight_words
        ):
            # Not even one-line boxes leave room for the detail: fill the height instead.
            found = most_text(
                config, texts, title, marker, width, most, height, least, tight_words
            )
        if found is not None:
            best = found
    if best is None:
        return _draw_chain(
            title, marker, texts, width, height, highlight, shown_up_to, glyphs, hyphenate,
            marks,
        )

    ring = best
    detail: list[str] = []
    if ring.text_shortened and highlight is not None:
        detail_width = min(width, ring.width)
        detail = _detail(highlight, texts[highlight - 1], detail_width, label_width, whole)
        if height is not None:
            room = height - ring.height - 1
            detail = shorten(detail, room, min(width, ring.width)) if room > 0 else []
    lines, spans = draw_ring(ring, n, width, shown_up_to, glyphs, detail, marks)
    return LoopDrawing(lines, spans, "ring", detail), ring.text_shortened

