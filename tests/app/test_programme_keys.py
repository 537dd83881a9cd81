"""Presentation mode, pattern keys, the command palette and the help screen."""

from __future__ import annotations

import io

from rich.console import Console
from textual.binding import Binding
from textual.widgets import Footer

from patroon_tui.app import PatroonApp
from patroon_tui.core.text.key_names import format_keys
from patroon_tui.dialogs.help import HelpScreen, bindings_of
from patroon_tui.dialogs.own_pattern import OwnPatternScreen
from patroon_tui.dialogs.trash import TrashScreen
from patroon_tui.screens.programme import ProgrammeScreen
from patroon_tui.widgets.agenda import Agenda
from patroon_tui.widgets.fields import RecordInput
from patroon_tui.widgets.header import AppHeader
from patroon_tui.widgets.recording import RecordingBody
from patroon_tui.widgets.slide import RECORDING_WIDGETS, PatternSlide, recording_class
from tests.app.conftest import one_per_kind
from tests.app.test_typing import palette_offers
from tests.waiting import until


async def test_presentation_mode_hides_everything_but_the_slide(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await pilot.press("f2")  # notes open and focused
        await pilot.press("f5")
        assert screen.has_class("-presenting")
        for widget in (screen.query_one(AppHeader), screen.query_one(Footer),
                       screen.query_one(Agenda), screen.notes):
            assert not widget.display
        assert app.focused is None  # the hidden notes gave up the cursor
        assert screen.body.region.width == 100
        await pilot.press("right")  # still turns pages
        assert screen.current.id == "hetzelfde-gesprek"
        await pilot.press("f5")
        assert not screen.has_class("-presenting")
        assert screen.query_one(AppHeader).display and screen.query_one(Agenda).display


async def test_pattern_reveal_and_highlight_keys(make_app):
    app = make_app(start_screen="wereldvrede")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen.body, PatternSlide)
        loop = screen.body.loop
        assert loop.reveal is None  # whole on arrival
        await pilot.press("ctrl+r")
        assert loop.reveal == 1
        await pilot.press("ctrl+r", "ctrl+r")
        assert loop.reveal == 3
        await pilot.press("ctrl+f")
        assert loop.reveal is None
        await pilot.press("ctrl+down")
        assert loop.highlight == 1
        await pilot.press("ctrl+up")
        assert loop.highlight == 6
        await pilot.press("f5", "ctrl+down")  # the keys work in presentation mode too
        assert loop.highlight == 1
        await pilot.press("escape")
        assert loop.highlight is None
        # The letters that used to be these keys are text: they go into the notes.
        await pilot.press("r", "h")
        assert screen.notes.typing and screen.notes.text_area.text == "rh"
        assert loop.reveal is None and loop.highlight is None
        await pilot.press("ctrl+r")  # also with the cursor in the notes
        assert loop.reveal == 1
        await pilot.press("escape", "ctrl+f", "f5", "right", "ctrl+r")
        assert screen.current.id == "in-gesprek"  # not a pattern: ctrl+r does nothing
        assert app.session.progress.screen == "in-gesprek"


async def test_palette_jumps_to_a_screen_by_title(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"wereldvrede")
        await until(pilot, lambda: palette_offers(app, "Wereldvrede"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProgrammeScreen)
        assert app.screen.current.id == "wereldvrede"


def render_text(widget) -> str:
    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(widget.content)
    return console.file.getvalue()


async def test_help_lists_every_binding(make_app, deck):
    app = make_app()
    declared: list[Binding] = bindings_of(PatroonApp.BINDINGS) + bindings_of(ProgrammeScreen.BINDINGS)
    kinds = {s.kind for s in deck.screens}
    for kind in RECORDING_WIDGETS:
        if kind in kinds:
            declared += bindings_of(recording_class(kind).BINDINGS)
    declared += bindings_of(OwnPatternScreen.BINDINGS)
    declared += bindings_of(RecordingBody.BINDINGS) + bindings_of(RecordInput.BINDINGS)
    declared += bindings_of(TrashScreen.BINDINGS)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        text = "\n".join(render_text(s) for s in help_screen.query(".help-section"))
        assert "In de editor voor een eigen patroon (ctrl+o)" in text
        for binding in declared:
            assert binding.id, binding
            assert binding.description, binding
            shown = binding.tooltip or binding.description
            assert shown in text, shown
            assert format_keys(binding.key).split(", ")[0] in text, binding.key
        await pilot.press("escape")
        assert isinstance(app.screen, ProgrammeScreen)
        # "?" is text, never a command: it opens no help.
        await pilot.press("question_mark")
        assert not isinstance(app.screen, HelpScreen)


async def test_the_footer_and_the_help_name_keys_alike(make_app):
    """One name per key (the app's get_key_display): not "^q" in the footer and
    "Ctrl+Q" in the help."""
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        footer = app.screen.query_one(Footer)
        await until(pilot, lambda: footer.query("FooterKey"))
        shown = {getattr(key, "action", ""): getattr(key, "key_display", "")
                 for key in footer.query("FooterKey")}
        assert shown["quit"] == "Ctrl+Q", shown
        assert shown["notes"] == "F2", shown
        await pilot.press("f1")
        text = "\n".join(render_text(s) for s in app.screen.query(".help-section"))
        for name in ("Ctrl+Q", "Ctrl+P", "F2", "PgDn, Alt+→, Ctrl+PgDn", "Ctrl+R"):
            assert name in text, name


async def test_the_help_key_is_in_the_footer_on_every_kind_of_screen(make_app, deck):
    """However many keys a screen has, f1 stays in sight (docked right); the rest is in help."""
    for size in ((80, 24), (60, 20)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            for screen in one_per_kind(deck):
                app.screen.go_to(screen.id)
                footer = app.screen.query_one(Footer)
                await until(pilot, lambda footer=footer: footer.query("FooterKey"))
                await pilot.pause()
                keys = [key for key in footer.query("FooterKey") if getattr(key, "action", "") == "help"]
                assert len(keys) == 1, app.screen.current.id
                region = keys[0].region
                assert region.width and region.right <= size[0], (size, app.screen.current.id)


async def test_the_clicker_shows_the_next_step_of_a_reveal_before_it_turns_the_page(make_app):
    app = make_app(start_screen="wereldvrede")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await pilot.press("pagedown")  # the whole loop is shown: the page turns
        assert screen.current.id != "wereldvrede"
        await pilot.press("pageup", "ctrl+r")
        assert screen.current.id == "wereldvrede" and screen.body.loop.reveal == 1
        loop = screen.body.loop
        steps = len(loop.steps)
        for shown in range(2, steps + 1):
            await pilot.press("pagedown")
            assert screen.current.id == "wereldvrede" and loop.reveal == shown
        await pilot.press("pagedown")  # every step shown: now the page turns
        assert screen.current.id != "wereldvrede"


async def test_a_started_table_timer_stays_in_view_while_presenting(make_app):
    from patroon_tui.widgets.header import AppHeader
    from patroon_tui.widgets.timer import TimerDisplay
    from tests.waiting import until

    app = make_app(start_screen="tafels")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        header = screen.query_one(AppHeader)
        timer = screen.query_one(TimerDisplay)
        await pilot.press("f5")
        assert not header.display  # nothing started: presenting shows the slide only
        await pilot.press("f6")
        await until(pilot, lambda: header.display and timer.display)
        assert timer.region.width > 0 and timer.region.y == 0
        # Alone: the title, the part, the save state and the clock stay out of view.
        assert not header.query_one("#header-title").display
        assert not header.query_one("#header-clock").display
        await pilot.press("f6", "f7")  # paused, then reset: it goes away again
        await until(pilot, lambda: not header.display)
        await pilot.press("f5")
        assert header.display and header.query_one("#header-title").display
