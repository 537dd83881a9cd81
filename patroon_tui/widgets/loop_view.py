"""``LoopView``: a pattern drawn as a ring of boxes that fills the widget.

The drawing itself comes from :func:`patroon_tui.core.drawing.loop.draw_loop`; this widget redraws it
for its content size on every resize and styles the highlighted step's box with the
``loop-view--highlight`` component class. Words are broken where Dutch breaks them once the
hyphenation dictionary is read: the first view reads it in a thread half a second after it
is first shown (``DICTIONARY_AFTER``), and every view draws again when it is there.
The view marks the pattern's slow arrows, and the arrows first steps cut once it is given
them (``set_cuts``), with the legend under the loop.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from patroon_tui.core.drawing import hyphen
from patroon_tui.core.drawing.cells import cell_width, char_width, graphemes
from patroon_tui.core.drawing.heavy import heavy
from patroon_tui.core.drawing.loop import LoopDrawing, draw_loop
from patroon_tui.core.drawing.marks import Marks

#: The themes whose loops are drawn with heavy lines: a projector's, read from eight metres.
HEAVY_THEMES = frozenset({"beamer"})


def _split_at_cells(line: str, start: int, end: int) -> tuple[str, str, str]:
    """``line`` (padded to ``end`` cells) cut at two cell offsets: before, inside, after."""
    missing = end - cell_width(line)
    if missing > 0:
        line += " " * missing
    cell = index = 0
    i_start = i_end = len(line)
    # Per grapheme cluster, as the drawing was made: ``👩‍💻`` is one place of two cells.
    for ch in graphemes(line):
        w = char_width(ch)
        if w != 0:  # a combining mark stays with the character before it
            if i_start == len(line) and cell >= start:
                i_start = index
            if cell >= end:
                i_end = index
                break
            cell += w
        index += len(ch)
    return line[:i_start], line[i_start:i_end], line[i_end:]


#: Seconds after the first loop is drawn before the hyphenation dictionary is read.
DICTIONARY_AFTER = 0.5


class LoopView(Widget):
    """A pattern's steps as a ring (or a chain when narrow), with one step highlighted."""

    # In the widget, not in a screen's CSS: it travels with the widget to every screen that
    # shows a loop, and any screen or app CSS still overrides it (it outranks DEFAULT_CSS).
    DEFAULT_CSS = """
    /* Default look of LoopView; screens and the app may override any of it. */
    LoopView {
        width: 1fr;
        height: 1fr;
        min-height: 5;
    }

    /* The highlighted step's box: strong enough to read on a projector. */
    LoopView > .loop-view--highlight {
        color: $accent;
        text-style: bold reverse;
    }
    """

    COMPONENT_CLASSES = {"loop-view--highlight"}

    class Changed(Message):
        """The reveal or the highlight changed (the audience window follows them)."""

        def __init__(self, loop: LoopView) -> None:
            super().__init__()
            self.loop = loop

    highlight: reactive[int | None] = reactive(None, layout=True)
    """The highlighted step (1-based), or ``None``."""
    reveal: reactive[int | None] = reactive(None)
    """Show steps ``1..reveal`` and placeholders for the rest; ``None`` shows all."""

    def __init__(
        self,
        title: str,
        steps: Sequence[str],
        *,
        slow: Collection[int] = (),
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._title = title
        self._steps = list(steps)
        self._slow = frozenset(slow)
        self._cuts: dict[int, tuple[int, ...]] = {}
        self._notes: dict[int, str] = {}
        self._cache_key: tuple | None = None
        self._drawing: LoopDrawing | None = None
        self._base: Style | None = None
        self._dictionary_asked = False

    @property
    def title(self) -> str:
        """The pattern's title as drawn in the middle of the ring."""
        return self._title

    @property
    def steps(self) -> list[str]:
        """The pattern's steps in cycle order."""
        return list(self._steps)

    def on_show(self) -> None:
        if not hyphen.ready() and not self._dictionary_asked:
            # Reading the dictionary takes a fifth of a second of CPU. Not on the way to
            # the first paint, nor just after it while the screen settles: a thread holds
            # the interpreter's lock for much of that time. Until then loops are drawn
            # without breaking words at syllables, and drawn again once it is read.
            # Counted from the view first shown, not mounted: a slide built ahead while
            # the room looks at the one before would have it read as the page turns.
            self._dictionary_asked = True
            self.call_after_refresh(self.set_timer, DICTIONARY_AFTER, self._read_dictionary)

    def _read_dictionary(self) -> None:
        if not hyphen.ready():
            self.run_worker(hyphen.load, thread=True, group="hyphen", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "hyphen" and event.state == WorkerState.SUCCESS:
            self.refresh(layout=True)

    @property
    def cuts(self) -> dict[int, tuple[int, ...]]:
        """The arrows marked as cut: arrow -> numbers of the first steps that cut it."""
        return dict(self._cuts)

    @property
    def cut_notes(self) -> dict[int, str]:
        """The texts of the first steps that cut the arrows (for the legend)."""
        return dict(self._notes)

    def set_cuts(self, cuts: Mapping[int, Sequence[int]], notes: Mapping[int, str]) -> None:
        """Mark the arrows first steps cut (``{}``: none), with each first step's text by its
        number for the legend (``patroon_tui.core.model.breaks.breaks_of`` gives ``cuts``)."""
        kept = {arrow: tuple(steps) for arrow, steps in cuts.items() if steps}
        if kept == self._cuts and dict(notes) == self._notes:
            return
        self._cuts, self._notes = kept, dict(notes)
        self.refresh(layout=True)
        if self.is_mounted:
            self.post_message(self.Changed(self))

    def set_marks(self, marks: Marks | None) -> None:
        """Mark the slow arrows and the cuts of ``marks`` (``None``: none)."""
        marks = marks or Marks()
        if frozenset(marks.slow) != self._slow:
            self._slow = frozenset(marks.slow)
            self.refresh(layout=True)
        self.set_cuts(marks.cuts, marks.notes)

    def set_pattern(self, title: str, steps: Sequence[str], slow: Collection[int] = ()) -> None:
        """Draw another pattern (or the same one after an edit)."""
        self._title = title
        self._steps = list(steps)
        self._slow = frozenset(slow)
        self.highlight = self.validate_highlight(self.highlight)
        self.reveal = self.validate_reveal(self.reveal)
        self.refresh(layout=True)

    def watch_highlight(self) -> None:
        self.post_message(self.Changed(self))

    def watch_reveal(self) -> None:
        self.post_message(self.Changed(self))

    def reveal_next(self) -> None:
        """Show one more step; from the whole loop (or its last step), start over at 1."""
        shown = self.reveal
        self.reveal = 1 if shown is None or shown >= len(self._steps) else shown + 1

    def reveal_more(self) -> bool:
        """Show one more step while the loop is shown step by step; ``False`` (nothing
        done) once it is whole. A clicker has one key forward: it reveals, then turns."""
        if self.reveal is None or self.reveal >= len(self._steps):
            return False
        self.reveal += 1
        return True

    def step_highlight(self, delta: int) -> None:
        """Move the highlight one step on (``delta`` 1) or back (-1), round the loop."""
        current, steps = self.highlight, len(self._steps)
        if delta > 0:
            self.highlight = 1 if current is None or current >= steps else current + 1
        else:
            self.highlight = steps if current is None or current <= 1 else current - 1

    def validate_highlight(self, value: int | None) -> int | None:
        if value is None or not 1 <= value <= len(self._steps):
            return None
        return value

    def validate_reveal(self, value: int | None) -> int | None:
        if value is None:
            return None
        return max(0, min(value, len(self._steps)))

    def drawing(self, width: int | None = None, height: int | None = None) -> LoopDrawing:
        """The drawing for the current content size (or the size given)."""
        size = self.content_size
        width = size.width if width is None else width
        height = size.height if height is None else height
        hyphenate = hyphen.ready()
        key = (width, height, self.highlight, self.reveal, self._title, tuple(self._steps),
               hyphenate, self._slow, tuple(self._cuts.items()), tuple(self._notes.items()))
        if key != self._cache_key or self._drawing is None:
            self._drawing = draw_loop(
                self._title,
                self._steps,
                max(width, 1),
                max(height, 1),
                highlight=self.highlight,
                reveal=self.reveal,
                hyphenate=hyphenate,
                **self._marks(),
            )
            self._cache_key = key
        return self._drawing

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # for ``height: auto``: as tall as the drawing needs with every word shown
        drawing = draw_loop(
            self._title,
            self._steps,
            max(width, 1),
            None,
            highlight=self.highlight,
            hyphenate=hyphen.ready(),
            **self._marks(),
        )
        return len(drawing.lines)

    def _marks(self) -> dict:
        return {"cuts": self._cuts, "slow": self._slow, "notes": self._notes}

    def on_resize(self) -> None:
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's style once per paint: asked per line, it walks every ancestor's
        # styles for each of the ring's lines (milliseconds on the turn onto a pattern).
        self._base = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._base = None

    def render_line(self, y: int) -> Strip:
        width, height = self.content_size
        base = self._base if self._base is not None else self.rich_style
        drawing = self.drawing(width, height)
        top = max(0, (height - len(drawing.lines)) // 2)
        row = y - top
        if not 0 <= row < len(drawing.lines):
            return Strip.blank(width, base)
        line = drawing.lines[row]
        if self.app.theme in HEAVY_THEMES:
            line = heavy(line)
        segments = [Segment(line, base)]
        if self.highlight is not None:
            for span_row, start, end in drawing.spans.get(self.highlight, []):
                if span_row == row:
                    before, inside, after = _split_at_cells(line, start, end)
                    accent: Style = base + self.get_component_rich_style("loop-view--highlight")
                    segments = [
                        Segment(before, base),
                        Segment(inside, accent),
                        Segment(after, base),
                    ]
                    break
        return Strip(segments).adjust_cell_length(width, base)
