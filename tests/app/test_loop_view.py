"""LoopView in a small app: shows a deck pattern, survives resizing, styles the highlight."""

from __future__ import annotations

from textual.app import App, ComposeResult

from patroon_tui.core.drawing import hyphen
from patroon_tui.core.model.deck import load_deck
from patroon_tui.widgets.loop_view import LoopView
from tests.waiting import until

SIZES = [(60, 20), (80, 24), (100, 30), (120, 40), (160, 45), (200, 60), (250, 70), (70, 22)]


class LoopApp(App):
    def __init__(self, pattern_id: str = "wereldvrede") -> None:
        super().__init__()
        self.pattern = load_deck().pattern(pattern_id)

    def compose(self) -> ComposeResult:
        yield LoopView(self.pattern.title, self.pattern.steps, id="loop")


def screen_lines(view: LoopView) -> list[str]:
    """What the widget shows, line by line."""
    return [view.render_line(y).text for y in range(view.content_size.height)]


async def test_shows_a_deck_pattern_whole():
    app = LoopApp()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        view = app.query_one(LoopView)
        shown = "\n".join(screen_lines(view))
        words = shown.split()
        assert "‘Wereldvrede’" in shown
        for step in app.pattern.steps:
            for word in step.split():
                assert word in words, word


async def test_survives_resizing_and_fills_the_width():
    app = LoopApp("tussen-wal-en-schip")
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(LoopView)
        view.highlight = 2
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert view.content_size == (width, height)
            lines = screen_lines(view)
            assert all(len(line) == width for line in lines)
            assert any(line.strip() for line in lines)
            if width >= 100:
                assert view.drawing().layout == "ring"


async def test_highlight_styles_the_cells_of_that_step_only():
    app = LoopApp()
    async with app.run_test(size=(100, 40)) as pilot:
        view = app.query_one(LoopView)
        await pilot.pause()
        plain = [view.render_line(y) for y in range(40)]
        view.highlight = 3
        await pilot.pause()
        drawing = view.drawing()
        top = (40 - len(drawing.lines)) // 2
        boxed = {
            (row + top, cell)
            for row, start, end in drawing.spans[3]
            for cell in range(start, end)
        }
        assert boxed
        for y in range(40):
            cell = 0
            for segment in view.render_line(y):
                for _ in range(segment.cell_length):
                    reverse = bool(segment.style and segment.style.reverse)
                    assert reverse == ((y, cell) in boxed), (y, cell)
                    cell += 1
        assert [s.text for s in plain] == [view.render_line(y).text for y in range(40)]
        view.highlight = None
        await pilot.pause()
        assert not any(
            segment.style and segment.style.reverse
            for y in range(40)
            for segment in view.render_line(y)
        )


async def test_reveal_and_set_pattern():
    app = LoopApp()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.query_one(LoopView)
        view.reveal = 1
        await pilot.pause()
        shown = "\n".join(screen_lines(view))
        assert "Er doet zich een" in shown and "Een gezamenlijke visie" not in shown
        view.highlight = 9  # out of range: no highlight
        assert view.highlight is None
        view.set_pattern("Eigen patroon", ["Eerst dit.", "Dan dat."])
        view.reveal = None
        await pilot.pause()
        shown = "\n".join(screen_lines(view))
        assert "‘Eigen patroon’" in shown and "Dan dat." in shown
        assert "Wereldvrede" not in shown


async def test_breaks_words_once_the_dictionary_is_read(monkeypatch):
    monkeypatch.setattr(hyphen, "_dictionary", None)  # as in a fresh process
    app = LoopApp("tussen-wal-en-schip")
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(LoopView)
        # read in a thread, then drawn again: "organisa-" / "ties" saves the line that
        # lets every word of the loop be shown in 24 rows
        await until(pilot, lambda: "voor organisa-" in "\n".join(screen_lines(view)))
        assert hyphen.ready()


async def test_a_pattern_slide_built_ahead_reads_the_dictionary_only_once_shown(
        make_app, monkeypatch):
    """The slide after this one is built while the room looks at this one; reading the
    dictionary (a fifth of a second holding the interpreter) waits until the loop is
    shown, so it does not land on the page turn."""
    from patroon_tui.widgets import loop_view

    monkeypatch.setattr(hyphen, "_dictionary", None)  # as in a fresh process
    monkeypatch.setattr(loop_view, "DICTIONARY_AFTER", 0.01)
    app = make_app(start_screen="wat-levert-het-op")  # the slide before the first pattern
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        # built ahead a second after the slide shows
        await until(pilot, lambda: any(view.is_mounted for view in screen.query(LoopView)))
        for _ in range(5):
            await pilot.pause()
        assert not hyphen.ready()
        await pilot.press("pagedown")
        await until(pilot, hyphen.ready)
