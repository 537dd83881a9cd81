"""The rules of tying a first step to a loop (``core/model/step_ties.py``): which patterns in
which order, the arrow round its pattern, the layer, and how the arrow is said."""

from __future__ import annotations

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import FirstStep, OwnPattern, Table, new_session
from patroon_tui.core.model.step_ties import (
    STEP_LAYERS,
    arrow_words,
    next_arrow,
    next_layer,
    next_pattern,
    step_pattern_options,
    tie_words,
)
from patroon_tui.core.room.room_files import shown_answers

DECK = load_deck()


def session_with_choices():
    session = new_session(session_id="s", title="S")
    session.patterns = [OwnPattern(id="eigen-1", title="Ons gedoe", steps=["a", "b", "c"])]
    session.tables[0].pattern = "wereldvrede"
    session.tables.append(Table(id="tafel-2", name="Tafel 2", pattern="eigen-1"))
    session.tables.append(Table(id="tafel-3", name="Tafel 3", pattern="wereldvrede"))
    return session


def test_the_tables_choices_come_first_then_the_rest_and_unknown_ids_are_kept():
    session = session_with_choices()
    session.first_steps = [FirstStep(text="x", pattern="weg")]
    ids = [value for _title, value in step_pattern_options(DECK, session)]
    assert ids[:2] == ["wereldvrede", "eigen-1"]
    assert sorted(ids[2:-1]) == sorted(p.id for p in DECK.patterns if p.id != "wereldvrede")
    assert ids[-1] == "weg"
    assert len(ids) == len(set(ids))


def test_a_new_pattern_clears_the_arrow_and_after_the_last_comes_none():
    session = session_with_choices()
    step = FirstStep(text="x", layer="doel")
    next_pattern(step, DECK, session)
    assert step.pattern == "wereldvrede"
    step.breaks_after = 3
    next_pattern(step, DECK, session)
    assert (step.pattern, step.breaks_after, step.layer) == ("eigen-1", None, "doel")
    for _ in range(len(step_pattern_options(DECK, session)) - 1):
        next_pattern(step, DECK, session)
    assert step.pattern is None


def test_the_arrow_goes_round_the_pattern_both_ways():
    session = session_with_choices()
    step = FirstStep(text="x", pattern="eigen-1")
    seen = []
    for _ in range(4):
        assert next_arrow(step, DECK, session, 1)
        seen.append(step.breaks_after)
    assert seen == [1, 2, 3, None]
    assert next_arrow(step, DECK, session, -1) and step.breaks_after == 3
    # An arrow past the end (the pattern lost steps) goes on from none.
    step.breaks_after = 9
    assert next_arrow(step, DECK, session, 1) and step.breaks_after == 1


def test_no_arrow_without_a_known_pattern():
    session = session_with_choices()
    for pattern in (None, "weg"):
        step = FirstStep(text="x", pattern=pattern)
        assert not next_arrow(step, DECK, session, 1)
        assert step.breaks_after is None


def test_the_layer_goes_round_the_triangle_then_none():
    step = FirstStep(text="x")
    seen = []
    for _ in range(4):
        next_layer(step)
        seen.append(step.layer)
    assert seen == [*STEP_LAYERS, None]



def test_the_arrow_in_dutch():
    assert arrow_words(3, 6) == "breekt de pijl van stap 3 naar 4"
    assert arrow_words(6, 6) == "breekt de pijl van stap 6 naar 1"


def test_the_tie_in_one_line_and_on_the_projector():
    session = session_with_choices()
    step = FirstStep(text="Samen koffie", owner="Ans", pattern="wereldvrede", breaks_after=3,
                     layer="spelregels")
    said = "Wereldvrede, breekt de pijl van stap 3 naar 4; laag spelregels"
    assert tie_words(step, DECK, session) == said
    assert tie_words(FirstStep(text="x"), DECK, session) == ""
    assert tie_words(FirstStep(text="x", pattern="weg", breaks_after=2), DECK, session) == (
        "onbekend patroon (weg)")
    # Shown to the room (F10 on the first-steps screen): who, and the loop it breaks.
    session.first_steps = [step, FirstStep(text="Bellen", layer="doel"),
                           FirstStep(text="Mailen", owner="Piet")]
    screen = next(s for s in DECK.screens if s.kind == "first_steps")
    assert shown_answers(session, DECK, screen).items == (
        (f"Ans · {said}", "Samen koffie"), ("laag doel", "Bellen"), ("Piet", "Mailen"))
