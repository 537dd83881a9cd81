"""The principles screen: the group's own leading principles, with the deck's examples."""

from __future__ import annotations

import pytest

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import Principle, new_session
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.widgets.principles import PrincipleInput, PrinciplesPanel
from tests.app.body_harness import BodyHarness, send_at_once, type_text


@pytest.fixture
def deck():
    return load_deck()


def make_app(deck, session) -> BodyHarness:
    return BodyHarness(deck, session, lambda d, s: PrinciplesPanel(d, s, id="body"))


async def test_type_two_principles_from_an_empty_list(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(PrinciplesPanel).focus_first()
        await pilot.pause()
        field = app.focused
        assert isinstance(field, PrincipleInput)
        assert field.placeholder == "Wat doen we als …"
        assert session.principles == []  # an empty field is not yet a principle
        await type_text(pilot, "Bel eerst")
        await pilot.press("enter")  # enter after a principle starts the next one
        await type_text(pilot, "Samen 🤝")
        assert [p.text for p in session.principles] == ["Bel eerst", "Samen 🤝"]
        assert app.changes > 0


async def test_examples_from_the_deck_are_shown(deck):
    session = new_session(session_id="s", title="S")
    async with make_app(deck, session).run_test(size=(80, 24)) as pilot:
        examples = [str(s.content) for s in pilot.app.query(".example")]
        assert len(examples) == len(deck.principles)
        assert deck.principles[0] in examples[0]


async def test_reorder_and_remove_after_confirmation(deck):
    session = new_session(session_id="s", title="S")
    session.principles = [Principle(text="een"), Principle(text="twee"), Principle(text="")]
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        fields = list(app.query(PrincipleInput))
        assert [f.value for f in fields] == ["een", "twee", ""]
        fields[1].focus()
        await pilot.press("alt+up")
        assert [p.text for p in session.principles] == ["twee", "een", ""]
        assert app.focused.value == "twee"

        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "twee" in app.screen.question
        await pilot.press("escape")
        await pilot.pause()
        assert [p.text for p in session.principles] == ["twee", "een", ""]
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("left", "enter")  # "Ja", chosen deliberately
        await pilot.pause()
        assert [p.text for p in session.principles] == ["een", ""]

        list(app.query(PrincipleInput))[1].focus()
        await pilot.press("f8")  # an empty principle goes without asking
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert [p.text for p in session.principles] == ["een"]


async def test_a_word_typed_right_after_enter_starts_the_next_principle(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(PrinciplesPanel).focus_first()
        await pilot.pause()
        await send_at_once(
            pilot, "a", "enter", "b", "enter", "c",
            until=lambda: [p.text for p in session.principles] == ["a", "b", "c"],
        )
        assert [p.text for p in session.principles] == ["a", "b", "c"]
