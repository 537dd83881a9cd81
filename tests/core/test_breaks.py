"""Which arrows of a loop the first steps break, and by which step numbers."""

import datetime as dt

from patroon_tui.core.model.breaks import breaks_of
from patroon_tui.core.model.session import FirstStep, new_session


def session_with(*steps: FirstStep):
    session = new_session(session_id="s", title="S", date=dt.date(2026, 12, 7))
    session.first_steps = list(steps)
    return session


def test_each_cut_arrow_lists_the_numbers_of_the_steps_that_cut_it():
    session = session_with(
        FirstStep(text="bellen", pattern="wereldvrede", breaks_after=3),
        FirstStep(text="geen tie"),
        FirstStep(text="andere lus", pattern="tussen-wal-en-schip", breaks_after=3),
        FirstStep(text="ook bellen", pattern="wereldvrede", breaks_after=3),
        FirstStep(text="eerder", pattern="wereldvrede", breaks_after=1),
    )
    assert breaks_of(session, "wereldvrede", 6) == {1: [5], 3: [1, 4]}
    assert breaks_of(session, "tussen-wal-en-schip", 6) == {3: [3]}


def test_a_step_tied_to_a_pattern_without_an_arrow_or_past_its_end_cuts_nothing():
    session = session_with(
        FirstStep(text="zonder pijl", pattern="wereldvrede"),
        FirstStep(text="voorbij het eind", pattern="eigen-1", breaks_after=5),
    )
    assert breaks_of(session, "wereldvrede", 6) == {}
    assert breaks_of(session, "eigen-1", 4) == {}
    assert breaks_of(session, "eigen-1", 5) == {5: [2]}
