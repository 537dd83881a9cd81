"""Room for the content at every size, and the cursor in a text field on recording screens."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from patroon_tui.screens.programme import ProgrammeScreen
from patroon_tui.widgets.agenda import Agenda
from patroon_tui.widgets.slide import RECORDING_WIDGETS
from tests.app.conftest import reopen
from tests.app.test_typing import palette_offers
from tests.waiting import until as wait_until

TYPED_IN = ("tables", "principles", "first_steps", "triangle")


def agenda_shown(screen: ProgrammeScreen) -> bool:
    agenda = screen.query_one(Agenda)
    return agenda.display and agenda.region.width > 0


def first_of(deck, kind: str) -> str:
    return next(s.id for s in deck.screens if s.kind == kind)


async def test_agenda_folds_where_it_would_squeeze_at_80x24(make_app, deck):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert agenda_shown(screen)  # a text slide has room beside it
        assert screen.body.region.width >= 56

        screen.go_to("wereldvrede")
        await pilot.pause()
        assert not agenda_shown(screen)
        loop = screen.body.loop
        assert loop.drawing().layout == "ring"  # the point of the screen: it goes round

        screen.go_to(first_of(deck, "tables"))
        await pilot.pause()
        assert not agenda_shown(screen)
        assert screen.body.region.width == 80

        # f4 shows it anyway; that choice holds for the other squeezed screens too.
        await pilot.press("f4")
        await pilot.pause()
        assert agenda_shown(screen)
        screen.go_to(first_of(deck, "principles"))
        await pilot.pause()
        assert agenda_shown(screen)
        await pilot.press("f4")
        await pilot.pause()
        assert not agenda_shown(screen)
        # Text slides keep their own choice: shown.
        screen.go_to("programma")
        await pilot.pause()
        assert agenda_shown(screen)
        await pilot.press("ctrl+q")


async def test_agenda_beside_everything_when_wide_and_folded_when_small(make_app, deck):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = app.screen
        for screen_id in ("programma", "wereldvrede", first_of(deck, "tables")):
            screen.go_to(screen_id)
            await pilot.pause()
            assert agenda_shown(screen), screen_id
        await pilot.press("f4")  # hidden by choice, also after a page turn
        await pilot.press("alt+right")
        await pilot.pause()
        assert not agenda_shown(screen)

        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        screen.go_to("programma")
        await pilot.pause()
        assert not agenda_shown(screen)  # 60 columns: the slide gets them all
        assert screen.body.region.width == 60
        await pilot.press("ctrl+q")


def assert_typing_field(app, where: str) -> None:
    assert isinstance(app.focused, (Input, TextArea)), (where, app.focused)


@pytest.mark.parametrize("kind", TYPED_IN)
async def test_arrival_puts_the_cursor_in_a_text_field(make_app, store, deck, kind):
    screen_id = first_of(deck, kind)
    index = deck.screen_index(screen_id)
    app = make_app(start_screen=deck.screens[index - 1].id)
    async with app.run_test(size=(100, 30)) as pilot:
        programme = app.screen
        # by the keys
        await pilot.press("pagedown" if app.focused is None else "alt+right")
        await pilot.pause()
        assert programme.current.id == screen_id
        assert_typing_field(app, "keys")
        # letters type here, they never turn the page
        await pilot.press("n", "space", "p")
        await pilot.pause()
        assert programme.current.id == screen_id
        assert_typing_field(app, "after typing")
        # not typing (escape): they still do not turn the page; the clicker does
        await pilot.press("escape", "n", "space", "p")
        assert programme.current.id == screen_id
        await pilot.press("pageup", "pagedown")
        await pilot.pause()
        assert programme.current.id == screen_id
        assert_typing_field(app, "clicker back and forth")

        # by the palette
        programme.go_to("programma")
        await pilot.pause()
        await pilot.press("ctrl+p", *deck.screens[index].title[:12].lower().replace(" ", ""))
        await wait_until(pilot, lambda: palette_offers(app, deck.screens[index].title))
        await pilot.press("enter")
        await pilot.pause()
        assert programme.current.id == screen_id
        assert_typing_field(app, "palette")

        if kind == "tables":
            programme.go_to("programma")
            await pilot.pause()
            await pilot.press("f9")
            await pilot.pause()
            assert programme.current.id == screen_id
            assert_typing_field(app, "f9")
        await pilot.press("ctrl+q")

    # by resuming there
    again = reopen(store, deck, app)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.screen.current.id == screen_id
        assert_typing_field(again, "resume")
        await pilot.press("ctrl+q")


async def test_letters_on_a_slide_go_into_its_notes_and_never_turn_a_page(make_app, deck):
    """n, p and space used to turn pages where no field had the cursor: now they are text,
    in the notes of the slide shown (opened for them), also on the summary."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        programme = app.screen
        first = programme.current.id
        await pilot.press("n", "space", "p")
        assert programme.current.id == first
        assert programme.notes.typing and programme.notes.text_area.text == "n p"
        await pilot.press("escape", "n")
        assert programme.current.id == first
        assert programme.notes.text_area.text == "n pn"
        summary = first_of(deck, "summary")
        assert "summary" in RECORDING_WIDGETS
        programme.go_to(summary)
        await pilot.pause()
        await pilot.press("escape", "p")
        assert programme.current.id == summary
        assert programme.notes.text_area.text == "p"
        await pilot.press("escape", "pageup")
        assert programme.current.id == deck.screens[deck.screen_index(summary) - 1].id
        await pilot.press("ctrl+q")
    assert app.session.notes[first] == "n pn"
    assert app.session.notes[summary] == "p"


@pytest.mark.parametrize("kind", TYPED_IN)
async def test_a_click_beside_the_fields_leaves_the_cursor_where_it_types(make_app, deck, kind):
    from tests.app.test_typing import burst

    app = make_app(start_screen=first_of(deck, kind))
    # Small, so the scroll area has more than fits: only then can it take the cursor.
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.focused, (Input, TextArea)))
        field = app.focused
        before = field.value if isinstance(field, Input) else field.text
        # A heading or question in the body's scroll area: not a field.
        label = next(w for w in app.screen.body.query("VerticalScroll Static")
                     if w.region.height and not w.focusable)
        assert any(a.focusable for a in label.ancestors_with_self[1:] if a is not app.screen
                   and a in app.screen.body.walk_children())
        await pilot.click(label, offset=(1, 0))
        await pilot.pause()
        assert app.focused is field  # the field keeps its cursor on the screen too
        await burst(pilot, "zo", until=lambda: (field.value if isinstance(field, Input)
                                                else field.text) == before + "zo")
        assert app.focused is field
        await pilot.press("ctrl+q")
