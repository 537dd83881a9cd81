"""The first-steps screen: agreed first steps with an owner, suggested by the tables."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import FirstStep, Table, new_session
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.widgets.first_steps import FirstStepsPanel, StepOwner, StepText
from tests.app.body_harness import BodyHarness, type_text


@pytest.fixture
def deck():
    return load_deck()


def make_app(deck, session) -> BodyHarness:
    return BodyHarness(deck, session, lambda d, s: FirstStepsPanel(d, s, id="body"))


async def test_a_tables_answer_becomes_an_agreed_step_with_an_owner(deck):
    session = new_session(session_id="s", title="S")
    session.tables[0].answers["eerste-stap"] = "Maandelijks casusoverleg"
    session.tables.append(Table(id="tafel-2", name="Tafel 2", answers={"eerste-stap": ""}))
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        suggestions = app.query_one("#suggestions", OptionList)
        assert suggestions.option_count == 1
        assert "Tafel 1: Maandelijks casusoverleg" in str(suggestions.get_option_at_index(0).prompt)
        suggestions.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert session.first_steps == [
            FirstStep(text="Maandelijks casusoverleg", owner="", table="tafel-1")
        ]
        assert isinstance(app.focused, StepOwner)
        await type_text(pilot, "GGZ")
        assert session.first_steps[0].owner == "GGZ"
        assert str(suggestions.get_option_at_index(0).prompt).startswith("✓")
        assert "(Tafel 1)" in [str(label.content) for label in app.query(".source")]


async def test_a_long_answer_is_suggested_short_and_taken_over_whole(deck):
    session = new_session(session_id="s", title="S")
    answer = "Elke maand een casusoverleg met de wijkagent erbij. " * 12
    session.tables[0].answers["eerste-stap"] = answer
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        suggestions = app.query_one("#suggestions", OptionList)
        prompt = str(suggestions.get_option_at_index(0).prompt)
        assert prompt.startswith("• Tafel 1: Elke maand een casusoverleg")
        assert prompt.endswith("…") and len(prompt) < len(answer) // 2
        suggestions.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert session.first_steps[0].text == answer


async def test_add_type_reorder_and_remove_steps(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(FirstStepsPanel).focus_first()
        await pilot.pause()
        assert isinstance(app.focused, StepText)
        await type_text(pilot, "Bellen")
        await pilot.press("enter")  # on to the owner
        await type_text(pilot, "Wijkteam")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Mailen")
        assert [(s.text, s.owner) for s in session.first_steps] == [
            ("Bellen", "Wijkteam"), ("Mailen", "")
        ]
        await pilot.press("alt+up")
        assert [s.text for s in session.first_steps] == ["Mailen", "Bellen"]
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the safe answer has the cursor: nothing removed
        await pilot.pause()
        assert [s.text for s in session.first_steps] == ["Mailen", "Bellen"]
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("left", "enter")  # "Ja", chosen deliberately
        await pilot.pause()
        assert [s.text for s in session.first_steps] == ["Bellen"]


@pytest.mark.parametrize("text", ["Bel [/b] de GGZ", "Overleg met [IT] en [@click=app.quit]wijk[/]"])
async def test_the_removal_question_quotes_a_step_with_brackets_as_typed(deck, text):
    from tests.app.screen_text import screen_rows

    session = new_session(session_id="s", title="S")
    session.first_steps = [FirstStep(text=text)]
    app = make_app(deck, session)
    async with app.run_test(size=(100, 24)) as pilot:
        app.query_one(FirstStepsPanel).focus_first()
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert any(text in row for row in screen_rows(app))
        await pilot.press("escape")  # the safe answer: the step stays
        await pilot.pause()
        assert [s.text for s in session.first_steps] == [text]
