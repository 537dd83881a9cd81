"""The own-pattern editor: a table writes its own loop; it is in the session as it is typed."""

from __future__ import annotations

import pytest
from textual import events

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import OwnPattern, Table, new_session
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.dialogs.own_pattern import OwnPatternScreen, StepInput
from patroon_tui.widgets.choices import PatternChoice
from patroon_tui.widgets.loop_view import LoopView
from patroon_tui.widgets.tables import TablesPanel
from tests.app.body_harness import BodyHarness, send_at_once, type_text
from tests.waiting import mounted


@pytest.fixture
def deck():
    return load_deck()


def make_app(deck, session) -> BodyHarness:
    return BodyHarness(deck, session, lambda d, s: TablesPanel(d, s, id="body"))


async def open_editor(pilot) -> OwnPatternScreen:
    await pilot.press("ctrl+o")
    for _ in range(20):
        await pilot.pause()
        if isinstance(pilot.app.screen, OwnPatternScreen):
            break
    screen = pilot.app.screen
    assert isinstance(screen, OwnPatternScreen)
    return screen


async def test_make_an_own_pattern_with_four_steps(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot)
        assert app.focused.id == "own-title"
        assert session.patterns == []  # nothing typed, nothing in the session
        await type_text(pilot, "Wachten")
        # In the session from the first key, and chosen for the table.
        assert [(p.id, p.title) for p in session.patterns] == [("eigen-tafel-1", "Wachten")]
        assert session.tables[0].pattern == "eigen-tafel-1"
        await pilot.press("enter")
        loop = editor.query_one("#own-loop", LoopView)
        await type_text(pilot, "Vraag")
        assert loop.steps[0] == "Vraag"  # the loop is redrawn as you type
        assert session.patterns[0].steps[0] == "Vraag"
        await pilot.press("enter")
        for step in ["Wacht", "Druk"]:
            await type_text(pilot, step)
            await pilot.press("enter")
        await type_text(pilot, "Haast")  # the enter after "Druk" made a fourth row
        assert loop.title == "Wachten"
        assert loop.steps == ["Vraag", "Wacht", "Druk", "Haast"]
        await pilot.press("enter")  # a fifth, empty row: in the draft, not in the pattern
        assert session.patterns[0].steps == ["Vraag", "Wacht", "Druk", "Haast", ""]
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert not isinstance(app.screen, OwnPatternScreen)
        assert not any("nog niet af" in n for n in app.notices)
    assert session.patterns == [
        OwnPattern(id="eigen-tafel-1", title="Wachten", steps=["Vraag", "Wacht", "Druk", "Haast"])
    ]
    assert session.tables[0].pattern == "eigen-tafel-1"


async def test_an_unfinished_pattern_is_kept_with_a_note(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(pilot)
        await pilot.press("enter")  # no title yet
        await type_text(pilot, "Alleen deze stap")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert not isinstance(app.screen, OwnPatternScreen)
        assert any("nog niet af" in n and "titel" in n and "2" in n for n in app.notices)
    # The empty rows at the end go, down to the minimum of two.
    assert [(p.title, p.steps) for p in session.patterns] == [("", ["Alleen deze stap", ""])]
    assert session.tables[0].pattern == "eigen-tafel-1"


async def test_steps_move_and_are_removed_within_the_limits(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot)
        await pilot.press("enter")
        await type_text(pilot, "a")
        await pilot.press("enter")
        await type_text(pilot, "b")
        await pilot.press("enter")
        await type_text(pilot, "c")
        await pilot.press("alt+up")
        assert editor.steps == ["a", "c", "b"]
        assert session.patterns[0].steps == ["a", "c", "b"]
        assert isinstance(app.focused, StepInput) and app.focused.index == 1
        assert app.focused.cursor_position == 1  # at the end of the text it moved with
        # A step with text goes only after a question whose safe answer keeps it: a
        # letter typed at it keeps the step and is text in it.
        await pilot.press("f8")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("x")
        assert editor.steps == ["a", "cx", "b"]
        await pilot.press("f8", "left", "enter")
        assert editor.steps == ["a", "b"]
        assert session.patterns[0].steps == ["a", "b"]
        await pilot.press("f8")  # two is the minimum
        assert editor.steps == ["a", "b"]
        assert any("minstens 2" in n for n in app.notices)


async def test_no_more_than_twelve_steps(deck):
    session = new_session(session_id="s", title="S")
    steps = [f"stap {n}" for n in range(1, 12)]
    session.patterns.append(OwnPattern(id="eigen-tafel-1", title="Lang", steps=steps))
    session.tables[0].pattern = "eigen-tafel-1"
    app = make_app(deck, session)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot)
        editor.set_focus(editor.query(StepInput).first())
        await pilot.press("ctrl+n")
        assert len(editor.steps) == 12
        assert editor.steps[1] == ""
        assert [f.index for f in editor.query(StepInput)] == list(range(12))
        await pilot.press("ctrl+n")  # twelve is the maximum
        assert len(editor.steps) == 12
        assert any("hoogstens 12" in n for n in app.notices)
        assert len(session.patterns[0].steps) == 12


async def test_escape_closes_and_keeps_what_was_typed(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(pilot)
        await pilot.press("escape")  # nothing typed: closes, nothing stored
        await pilot.pause()
        assert not isinstance(app.screen, (OwnPatternScreen, ConfirmScreen))
        assert session.patterns == []
        assert session.tables[0].pattern == ""

        await open_editor(pilot)
        await type_text(pilot, "X")
        await pilot.press("escape")  # no question: nothing is thrown away
        await pilot.pause()
        assert not isinstance(app.screen, (OwnPatternScreen, ConfirmScreen))
        assert [p.title for p in session.patterns] == ["X"]
        assert session.tables[0].pattern == "eigen-tafel-1"


async def test_throwing_changes_away_asks_and_keeps_by_default(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(100, 40)) as pilot:
        editor = await open_editor(pilot)
        await type_text(pilot, "X")
        await pilot.press("ctrl+g")  # the tables screen's timer: nothing in the editor
        await pilot.pause()
        assert app.screen is editor
        await pilot.click("#own-discard")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.focused.id == "confirm-no"
        await pilot.press("enter")  # the reflex answer keeps everything
        await pilot.pause()
        assert app.screen is editor
        assert [p.title for p in session.patterns] == ["X"]
        await type_text(pilot, "Y")  # the cursor is back in the title
        assert session.patterns[0].title == "XY"
        await pilot.click("#own-discard")
        await pilot.pause()
        await pilot.press("left", "enter")  # "Ja", chosen deliberately
        await pilot.pause()
        assert not isinstance(app.screen, (OwnPatternScreen, ConfirmScreen))
        assert session.patterns == []
        assert session.tables[0].pattern == ""


async def test_edit_an_existing_own_pattern_and_choose_it_at_another_table(deck):
    session = new_session(session_id="s", title="S")
    session.patterns.append(
        OwnPattern(id="eigen-tafel-1", title="Oud", steps=["een", "twee"], kleur="rood")
    )
    session.tables[0].pattern = "eigen-tafel-1"
    session.tables.append(Table(id="tafel-2", name="Tafel 2"))
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot)
        assert editor.steps == ["een", "twee"]
        assert app.focused.cursor_position == 3  # at the end of "Oud"
        await type_text(pilot, "er")
        assert session.patterns[0].title == "Ouder"
        assert session.patterns[0].model_extra == {"kleur": "rood"}  # unknown keys kept
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert session.patterns[0].title == "Ouder"
        assert len(session.patterns) == 1

        await pilot.press("ctrl+down")
        assert app.query_one(TablesPanel).current_table_id == "tafel-2"
        # The tables form offers it by its new title; choosing it there works as for any.
        choice = app.query_one("#table-pattern", PatternChoice)
        assert ("Ouder (eigen patroon)", "eigen-tafel-1") in choice.options
        choice.open()
        menu = await mounted(pilot, "#table-pattern > PatternMenu")
        await pilot.click(menu, offset=(2, 1 + len(choice.options)))  # the last: Ouder
        await pilot.pause()
        assert session.tables[1].pattern == "eigen-tafel-1"


async def test_throwing_away_an_edit_restores_the_pattern_as_it_was(deck):
    session = new_session(session_id="s", title="S")
    old = OwnPattern(id="eigen-tafel-1", title="Oud", steps=["een", "twee"], kleur="rood")
    session.patterns.append(old)
    session.tables[0].pattern = "eigen-tafel-1"
    app = make_app(deck, session)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_editor(pilot)
        await type_text(pilot, "er")
        await pilot.press("tab", "tab", "x", "ctrl+n", "y")
        assert session.patterns[0].steps == ["een", "tweex", "y"]
        await pilot.click("#own-discard")
        await pilot.pause()
        await pilot.press("left", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, (OwnPatternScreen, ConfirmScreen))
    assert session.patterns == [old]
    assert session.patterns[0].model_extra == {"kleur": "rood"}
    assert session.tables[0].pattern == "eigen-tafel-1"


async def test_keys_typed_as_the_editor_opens_go_into_its_title(deck):
    session = new_session(session_id="s", title="S")
    session.tables[0].answers["herkenbaar"] = "ja"
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(TablesPanel).focus_first_answer()
        await pilot.pause()
        await pilot.press("end")
        # All at once, as from someone typing on while the dialog opens.
        for key in ("ctrl+o", "W", "a", "c", "h"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        for _ in range(50):
            await pilot.pause()
            if isinstance(app.screen, OwnPatternScreen) and app.screen.title_text == "Wach":
                break
        assert isinstance(app.screen, OwnPatternScreen)
        assert app.screen.query_one("#own-title").value == "Wach"
        assert app.screen.title_text == "Wach"
        assert session.patterns[0].title == "Wach"
        assert session.tables[0].answers["herkenbaar"] == "ja"


async def test_a_pattern_typed_in_one_burst_is_saved_whole(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(TablesPanel).focus_first_answer()
        await pilot.pause()
        keys = ["ctrl+o", *"Wacht", "enter", *"Vraag", "enter", *"Druk", "enter", *"Ruzie",
                "enter", *"Stop", "ctrl+o"]
        await send_at_once(
            pilot, *keys,
            until=lambda: not isinstance(app.screen, OwnPatternScreen)
            and bool(session.patterns) and session.patterns[0].steps[-1] == "Stop",
        )
        assert not isinstance(app.screen, OwnPatternScreen)
    assert [(p.title, p.steps) for p in session.patterns] == [
        ("Wacht", ["Vraag", "Druk", "Ruzie", "Stop"])
    ]
    assert session.tables[0].answers["herkenbaar"] == ""


async def test_the_buttons_work_with_the_mouse_and_leave_the_cursor_in_a_field(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(100, 40)) as pilot:
        editor = await open_editor(pilot)
        await type_text(pilot, "Klik")
        await pilot.click("#own-add-step")
        await pilot.pause()
        assert len(editor.steps) == 4
        assert isinstance(app.focused, StepInput) and app.focused.index == 3
        await type_text(pilot, "vier")
        assert session.patterns[0].steps == ["", "", "", "vier"]
        await pilot.click("#own-discard")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is editor
        await pilot.click("#own-done")
        await pilot.pause()
        assert not isinstance(app.screen, OwnPatternScreen)
    assert [(p.title, p.steps) for p in session.patterns] == [("Klik", ["", "", "", "vier"])]
