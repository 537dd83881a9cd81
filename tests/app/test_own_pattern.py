"""The own-pattern editor: a table writes its own loop; it is stored and chosen for that table."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Select

from patroon_tui.core.deck import load_deck
from patroon_tui.core.session import OwnPattern, Table, new_session
from patroon_tui.screens.confirm import ConfirmScreen
from patroon_tui.screens.own_pattern import OwnPatternScreen, StepInput
from patroon_tui.widgets.loop_view import LoopView
from patroon_tui.widgets.tables import TablesPanel
from tests.app.body_harness import BodyHarness, send_at_once, type_text


@pytest.fixture
def deck():
    return load_deck()


def make_app(deck, session) -> BodyHarness:
    return BodyHarness(deck, session, lambda d, s: TablesPanel(d, s, id="body"))


async def open_editor(pilot) -> OwnPatternScreen:
    await pilot.press("ctrl+o")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, OwnPatternScreen)
    return screen


async def test_make_an_own_pattern_with_four_steps(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot)
        assert app.focused.id == "own-title"
        await pilot.press("ctrl+o")  # a title is needed first
        assert isinstance(app.screen, OwnPatternScreen)
        assert any("titel" in n for n in app.notices)
        await type_text(pilot, "Wachten")
        await pilot.press("enter")
        loop = editor.query_one("#own-loop", LoopView)
        await type_text(pilot, "Vraag")
        assert loop.steps[0] == "Vraag"  # the loop is redrawn as you type
        await pilot.press("enter")
        for step in ["Wacht", "Druk", "Haast"]:
            await type_text(pilot, step)
            await pilot.press("enter")
        assert loop.title == "Wachten"
        assert loop.steps[:4] == ["Vraag", "Wacht", "Druk", "Haast"]
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert not isinstance(app.screen, OwnPatternScreen)
    assert session.patterns == [
        OwnPattern(id="eigen-tafel-1", title="Wachten", steps=["Vraag", "Wacht", "Druk", "Haast"])
    ]
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
        assert isinstance(app.focused, StepInput) and app.focused.index == 1
        await pilot.press("f8")
        assert editor.steps == ["a", "b"]
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
        editor.query(StepInput).first().focus()
        await pilot.press("ctrl+n")
        assert len(editor.steps) == 12
        assert editor.steps[1] == ""
        assert [f.index for f in editor.query(StepInput)] == list(range(12))
        await pilot.press("ctrl+n")  # twelve is the maximum
        assert len(editor.steps) == 12
        assert any("hoogstens 12" in n for n in app.notices)


async def test_escape_asks_before_throwing_changes_away(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(pilot)
        await pilot.press("escape")  # nothing changed: closes without asking
        await pilot.pause()
        assert not isinstance(app.screen, (OwnPatternScreen, ConfirmScreen))

        await open_editor(pilot)
        await type_text(pilot, "X")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, OwnPatternScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert not isinstance(app.screen, (OwnPatternScreen, ConfirmScreen))
        assert session.patterns == []
        assert session.tables[0].pattern == ""


async def test_edit_an_existing_own_pattern_and_choose_it_at_another_table(deck):
    session = new_session(session_id="s", title="S")
    session.patterns.append(OwnPattern(id="eigen-tafel-1", title="Oud", steps=["een", "twee"]))
    session.tables[0].pattern = "eigen-tafel-1"
    session.tables.append(Table(id="tafel-2", name="Tafel 2"))
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot)
        assert editor.steps == ["een", "twee"]
        await pilot.press("end")
        await type_text(pilot, "er")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert session.patterns[0].title == "Ouder"
        assert len(session.patterns) == 1

        await pilot.press("alt+2")
        select = app.query_one("#table-pattern", Select)
        select.focus()
        await pilot.press("enter", "end", "enter")
        await pilot.pause()
        assert session.tables[1].pattern == "eigen-tafel-1"


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
        assert session.tables[0].answers["herkenbaar"] == "ja"


async def test_a_pattern_typed_in_one_burst_is_saved_whole(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(TablesPanel).focus_first_answer()
        await pilot.pause()
        keys = ["ctrl+o", *"Wacht", "enter", *"Vraag", "enter", *"Druk", "enter", *"Ruzie",
                "enter", *"Stop", "ctrl+o"]
        await send_at_once(pilot, *keys, until=lambda: bool(session.patterns))
    assert [(p.title, p.steps) for p in session.patterns] == [
        ("Wacht", ["Vraag", "Druk", "Ruzie", "Stop"])
    ]
    assert session.tables[0].answers["herkenbaar"] == ""
