"""A first step tied to the loop it breaks: ctrl+o the pattern, ctrl+↓/ctrl+↑ the arrow,
ctrl+l the layer, while the cursor stays in the step and every typed word lands."""

from __future__ import annotations

import pytest

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import FirstStep, OwnPattern, new_session
from patroon_tui.widgets.first_steps import FirstStepsPanel, StepText
from patroon_tui.widgets.step_tie import StepTie
from tests.app.body_harness import BodyHarness
from tests.app.screen_text import screen_rows
from tests.app.test_typing import burst


@pytest.fixture
def deck():
    return load_deck()


def make_app(deck, session) -> BodyHarness:
    return BodyHarness(deck, session, lambda d, s: FirstStepsPanel(d, s, id="body"))


def first_deck_ids(deck, n: int) -> list[str]:
    return [p.id for p in deck.patterns][:n]


def screen(app) -> str:
    return "\n".join(screen_rows(app))


async def test_typed_step_tied_to_pattern_arrow_and_layer_with_the_cursor_staying(deck):
    session = new_session(session_id="s", title="S")
    session.tables[0].pattern = "wereldvrede"  # the tables' choice comes first
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(FirstStepsPanel).focus_first()
        await pilot.pause()
        # Keys between the chords land in the step, in order.
        await burst(pilot, "Elke maand", "<ctrl+o>", " een", "<ctrl+down>", "<ctrl+down>",
                    "<ctrl+down>", " overleg", "<ctrl+l>", "<ctrl+l>", "!",
                    until=lambda: session.first_steps and
                    session.first_steps[0].text.endswith("!"))
        step = session.first_steps[0]
        assert step.text == "Elke maand een overleg!"
        assert (step.pattern, step.breaks_after, step.layer) == ("wereldvrede", 3, "spelregels")
        assert isinstance(app.focused, StepText)
        shown = screen(app)
        assert "Breekt Wereldvrede · pijl 3 → 4 · laag spelregels" in shown
        # The arrow with the texts of the steps it joins (the deck's, shortened).
        assert "3 Er wordt een opdracht" in shown and "→ 4 Een gezamenlijke visie" in shown


async def test_the_arrow_goes_round_the_loop_and_back_to_none(deck):
    session = new_session(session_id="s", title="S")
    session.first_steps = [FirstStep(text="Bellen", pattern="wereldvrede")]
    steps = len(deck.pattern("wereldvrede").steps)
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(FirstStepsPanel).focus_first()
        await pilot.pause()
        await pilot.press("ctrl+up")
        assert session.first_steps[0].breaks_after == steps  # the arrow back to step 1
        assert f"pijl {steps} → 1" in screen(app)
        await pilot.press("ctrl+down")
        assert session.first_steps[0].breaks_after is None
        await pilot.press("ctrl+down")
        assert session.first_steps[0].breaks_after == 1


async def test_another_pattern_drops_the_arrow_and_the_last_press_unties(deck):
    session = new_session(session_id="s", title="S")
    session.patterns = [OwnPattern(id="eigen-1", title="Ons gedoe", steps=["a", "b", "c"])]
    session.first_steps = [FirstStep(text="Bellen", pattern="eigen-1", breaks_after=2,
                                     layer="doel")]
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(FirstStepsPanel).focus_first()
        await pilot.pause()
        assert "Breekt Ons gedoe · pijl 2 → 3 · laag doel" in screen(app)
        await pilot.press("ctrl+o")  # the own pattern is the last: none
        step = session.first_steps[0]
        assert (step.pattern, step.breaks_after, step.layer) == (None, None, "doel")
        await pilot.press("ctrl+o")
        assert step.pattern == first_deck_ids(deck, 1)[0]
        assert "welke pijl? ctrl+↓" in screen(app)
        for _ in range(3):
            await pilot.press("ctrl+l")
        assert step.layer is None


async def test_an_arrow_without_a_pattern_is_explained(deck):
    session = new_session(session_id="s", title="S")
    session.first_steps = [FirstStep(text="Bellen")]
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(FirstStepsPanel).focus_first()
        await pilot.pause()
        await pilot.press("ctrl+down")
        assert session.first_steps[0].breaks_after is None
        assert any("ctrl+o" in notice for notice in app.notices)
        assert not app.query_one(StepTie).display


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_tie_costs_no_word_of_the_step_text(deck, size):
    text = "Elke maand een casusoverleg met de wijkagent en het jongerenwerk erbij"
    session = new_session(session_id="s", title="S")
    session.first_steps = [FirstStep(text=text, owner="Wijkteam", pattern="wereldvrede",
                                     breaks_after=5, layer="relatie")]
    app = make_app(deck, session)
    async with app.run_test(size=size) as pilot:
        app.query_one(FirstStepsPanel).focus_first()
        await pilot.pause()
        shown = " ".join(screen(app).split())
        for word in text.split():
            assert word in shown
        assert "pijl 5 → 6" in shown and "Wijkteam" in shown


async def test_a_tie_on_the_empty_ready_row_makes_the_step_and_typing_goes_into_it(deck):
    session = new_session(session_id="s", title="S")
    session.tables[0].pattern = "wereldvrede"
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(FirstStepsPanel).focus_first()
        await pilot.pause()
        await burst(pilot, "<ctrl+l>", "<ctrl+o>", "Bellen",
                    until=lambda: session.first_steps and session.first_steps[0].text)
        assert [(s.text, s.pattern, s.layer) for s in session.first_steps] == [
            ("Bellen", "wereldvrede", "doel")]


async def test_a_tie_the_session_cannot_draw_is_shown_as_kept(deck):
    session = new_session(session_id="s", title="S")
    session.first_steps = [FirstStep(text="Bellen", pattern="wereldvrede", breaks_after=9),
                           FirstStep(text="Mailen", pattern="weg", breaks_after=2)]
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(FirstStepsPanel).focus_first()
        await pilot.pause()
        shown = screen(app)
        assert "Breekt Wereldvrede · pijl na stap 9 (het patroon heeft er minder)" in shown
        # Of a pattern nobody knows, nothing is said about its steps.
        assert "Breekt onbekend patroon (weg) · pijl na stap 2 · laag? ctrl+l" in shown
