"""The follow-up session built from an earlier one, its history and its file."""

from __future__ import annotations

import datetime as dt

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.follow_up import follow_up, follow_up_title, programme_for
from patroon_tui.core.model.session import (
    FirstStep,
    OwnPattern,
    Principle,
    Session,
    Table,
    new_session,
)
from patroon_tui.core.sessionfile.session_toml import dumps_session, loads_session

NOW = dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.timezone.utc)


def earlier() -> Session:
    session = new_session(session_id="2026-11-28-noord", title="Noord",
                          date=dt.date(2026, 11, 28), facilitator="An", location="Zaal",
                          now=NOW)
    session.tables = [Table(id="tafel-1", name="De ouders", pattern="eigen-tafel-1"),
                      Table(id="tafel-2", name="Tafel 2")]
    session.patterns = [OwnPattern(id="eigen-tafel-1", title="Wachten", steps=["a", "b"])]
    session.principles = [Principle(text=f"Principe {n}") for n in range(1, 4)]
    session.first_steps = [
        FirstStep(text="Casusoverleg", owner="GGZ", table="tafel-1"),
        FirstStep(text="Bellen", owner="Wijkteam", table="tafel-2", uid="f-eigen"),
        FirstStep(text="Lijst", owner="", table=""),
        FirstStep(text="Agenda", owner="Gemeente", table="weg"),
    ]
    return session


def test_carries_principles_steps_and_own_patterns_with_uids() -> None:
    new = follow_up(earlier(), session_id="2027-01-10-noord", date=dt.date(2027, 1, 10),
                    now=NOW)
    assert new.session.previous == "2026-11-28-noord"
    assert new.session.title == "Noord (vervolg)"
    assert (new.session.facilitator, new.session.location) == ("An", "Zaal")
    assert new.progress.screen == "terugblik"
    assert [p.uid for p in new.principles] == ["p-1", "p-2", "p-3"]
    assert [p.text for p in new.principles] == ["Principe 1", "Principe 2", "Principe 3"]
    assert [s.uid for s in new.first_steps] == ["f-1", "f-eigen", "f-3", "f-4"]
    first = new.first_steps[0]
    assert (first.text, first.owner, first.table, first.table_name, first.pattern) == (
        "Casusoverleg", "GGZ", "", "De ouders", "eigen-tafel-1")
    assert new.first_steps[1].pattern is None
    assert [s.table_name for s in new.first_steps] == ["De ouders", "Tafel 2", None, None]
    assert [p.id for p in new.patterns] == ["eigen-tafel-1"]
    assert [t.name for t in new.tables] == ["Tafel 1"]  # tables start fresh
    assert all(s.status is None and s.review is None for s in new.first_steps)
    assert first.history is not None and [(h.session, h.date, h.status) for h in first.history] \
        == [("2026-11-28-noord", dt.date(2026, 11, 28), None)]


def test_a_chain_of_three_keeps_each_sessions_status() -> None:
    second = follow_up(earlier(), session_id="b", date=dt.date(2027, 1, 10), now=NOW)
    second.first_steps[0].status = "loopt"
    second.first_steps[0].review = "Twee keer geweest."
    second.principles[1].status = "aanpassen"
    third = follow_up(second, session_id="c", date=dt.date(2027, 3, 1), now=NOW)
    assert third.session.title == "Noord (vervolg)"
    step = third.first_steps[0]
    assert step.uid == "f-1" and step.table_name == "De ouders"
    assert step.history is not None
    assert [(h.session, h.status, h.review) for h in step.history] == [
        ("2026-11-28-noord", None, None), ("b", "loopt", "Twee keer geweest.")]
    assert step.status is None
    principle = third.principles[1]
    assert principle.history is not None
    assert [h.status for h in principle.history] == [None, "aanpassen"]
    # The file holds it, and reads back the same.
    text = dumps_session(third)
    assert "[[first_steps.history]]" in text
    again = loads_session(text, "c.toml")
    assert again == third
    assert dumps_session(again) == text


def test_a_session_without_the_added_keys_writes_as_before() -> None:
    session = earlier()
    text = dumps_session(session)
    for key in ("history", "table_name", "previous", "status", "review"):
        assert key not in text


def test_bad_history_is_refused_naming_the_key() -> None:
    second = follow_up(earlier(), session_id="b", date=dt.date(2027, 1, 10), now=NOW)
    text = dumps_session(second).replace('status = ', 'status = ').replace(
        'session = "2026-11-28-noord"', 'session = "Niet Goed"', 1)
    try:
        loads_session(text, "b.toml")
    except Exception as exc:  # noqa: BLE001 - the sentence is what matters
        assert "history" in str(exc)
    else:
        raise AssertionError("a history naming no session id was accepted")


def test_follow_up_title_marks_once() -> None:
    assert follow_up_title("Noord") == "Noord (vervolg)"
    assert follow_up_title("Noord (vervolg)") == "Noord (vervolg)"


def test_the_programme_of_a_follow_up_starts_with_the_look_back() -> None:
    deck = load_deck()
    assert programme_for(deck, earlier()) is deck
    new = follow_up(earlier(), session_id="b", date=dt.date(2027, 1, 10), now=NOW)
    programme = programme_for(deck, new)
    assert programme.screens[0].id == "terugblik"
    assert programme.screens[0].kind == "review"
    assert programme.screens[1:] == deck.screens
    assert programme.part_of("terugblik").title == "Terugblik"


def test_a_carried_step_in_the_trash_keeps_its_history() -> None:
    from patroon_tui.core.model.trash import throw_away

    second = follow_up(earlier(), session_id="b", date=dt.date(2027, 1, 10), now=NOW)
    throw_away(second, "first_steps", 0)
    text = dumps_session(second)
    assert "[[trash.first_step.history]]" in text
    again = loads_session(text, "b.toml")
    assert again.trash is not None and again.trash[0].first_step is not None
    assert again.trash[0].first_step.history == second.trash[0].first_step.history  # type: ignore[index,union-attr]
    assert dumps_session(again) == text


def test_a_wrong_status_is_refused_in_dutch_naming_the_key() -> None:
    second = follow_up(earlier(), session_id="b", date=dt.date(2027, 1, 10), now=NOW)
    second.first_steps[0].status = "loopt"
    text = dumps_session(second).replace('status = "loopt"', 'status = "bijna"')
    try:
        loads_session(text, "b.toml")
    except Exception as exc:  # noqa: BLE001 - the sentence is what matters
        message = str(exc)
    else:
        raise AssertionError("an unknown status was accepted")
    assert "first_steps[0].status" in message
    print(message)


def test_copies_of_a_follow_up_merge_statuses_notes_and_history() -> None:
    from patroon_tui.core.merge import merge_sessions
    from patroon_tui.core.model.versions import Baseline, stamp

    second = follow_up(earlier(), session_id="b", date=dt.date(2027, 1, 10), now=NOW)
    text = dumps_session(second)

    def laptop(writer: str, change) -> Session:
        copy = loads_session(text, writer)
        baseline = Baseline.of(copy)
        change(copy)
        stamp(copy, baseline, writer)
        return loads_session(dumps_session(copy), writer)

    def one(copy: Session) -> None:
        copy.first_steps[0].status = "loopt"
        copy.first_steps[0].review = "Op tafel één gezegd."

    def two(copy: Session) -> None:
        copy.principles[2].status = "loslaten"
        copy.first_steps[1].review = "Op tafel twee gezegd."

    merged = merge_sessions([laptop("aaaaaa", one), laptop("bbbbbb", two)])
    steps = {s.uid: s for s in merged.first_steps}
    assert steps["f-1"].status == "loopt"
    assert steps["f-1"].review == "Op tafel één gezegd."
    assert steps["f-eigen"].review == "Op tafel twee gezegd."
    assert merged.principles[2].status == "loslaten"
    assert merged.first_steps[0].history == second.first_steps[0].history
    assert merged.first_steps[0].table_name == "De ouders"
    assert merged.principles[0].history == second.principles[0].history
    assert merged.session.previous == "2026-11-28-noord"


def test_a_principle_history_takes_only_a_principles_status() -> None:
    second = follow_up(earlier(), session_id="b", date=dt.date(2027, 1, 10), now=NOW)
    text = dumps_session(second).replace(
        "[[principles.history]]\n", '[[principles.history]]\nstatus = "gedaan"\n', 1)
    try:
        loads_session(text, "b.toml")
    except Exception as exc:  # noqa: BLE001 - the sentence is what matters
        message = str(exc)
    else:
        raise AssertionError("a step's status on a principle was accepted")
    assert "principles[0].history[0].status" in message and "houden" in message


def test_a_table_inside_a_history_entry_stays_in_that_entry() -> None:
    """A key a newer tool or a hand edit put in a history entry as a table of its own is
    written under that entry, never as a table at the top of the file (where one named
    ``progress`` or ``session`` made every later save fail)."""
    second = follow_up(earlier(), session_id="b", date=dt.date(2027, 1, 10), now=NOW)
    text = dumps_session(second).replace(
        "[[first_steps.history]]\n",
        "[[first_steps.history]]\nprogress = { screen = 1, deeper = { x = 2 } }\n", 1)
    text = text.replace(
        "[[principles.history]]\n",
        "[[principles.history]]\nsession_note = [{ a = 1 }]\nextra = { y = 3 }\n", 1)
    read = loads_session(text, "b.toml")
    history = read.first_steps[0].history
    assert history is not None
    assert (history[0].model_extra or {})["progress"] == {"screen": 1, "deeper": {"x": 2}}
    written = dumps_session(read)
    again = loads_session(written, "b.toml")
    assert again == read
    assert (again.principles[0].history or [])[0].model_extra == {
        "session_note": [{"a": 1}], "extra": {"y": 3}}
    assert dumps_session(again) == written


def test_a_table_inside_a_trashed_steps_history_stays_there() -> None:
    from patroon_tui.core.model.trash import throw_away

    second = follow_up(earlier(), session_id="b", date=dt.date(2027, 1, 10), now=NOW)
    throw_away(second, "first_steps", 0)
    text = dumps_session(second).replace(
        "[[trash.first_step.history]]\n",
        "[[trash.first_step.history]]\nnotes = { kort = \"ja\" }\n", 1)
    read = loads_session(text, "b.toml")
    written = dumps_session(read)
    again = loads_session(written, "b.toml")
    assert again == read
    assert again.notes == read.notes
    assert dumps_session(again) == written


def test_control_characters_in_the_look_back_are_made_visible_on_opening() -> None:
    """The look back's notes, a carried step's table name and the notes of earlier
    sessions are typed text like any other: an escape sequence from a shared file is
    written out visibly, never passed raw to the terminal that shows it."""
    from patroon_tui.core.model.trash import throw_away
    from patroon_tui.core.sessionfile.validation import review

    escape = "\x1b[2J\x1b]0;gehackt\x07"
    second = follow_up(earlier(), session_id="b", date=dt.date(2027, 1, 10), now=NOW)
    second.first_steps[0].review = f"liep{escape}\ngoed"
    second.first_steps[0].table_name = f"De ouders{escape}"
    second.principles[0].review = f"houden{escape}"
    third = follow_up(second, session_id="c", date=dt.date(2027, 3, 1), now=NOW)
    third.first_steps[1].review = f"weg{escape}"
    throw_away(third, "first_steps", 1)
    third.first_steps[0].review = f"nu{escape}"
    said = review(third, "c.toml")
    visible = "\\x1b[2J\\x1b]0;gehackt\\x07"
    step = third.first_steps[0]
    assert step.review == f"nu{visible}"
    assert step.table_name == f"De ouders{visible}"
    assert (step.history or [])[1].review == f"liep{visible}\ngoed"
    assert (third.principles[0].history or [])[1].review == f"houden{visible}"
    trashed = (third.trash or [])[0].first_step
    assert trashed is not None and trashed.review == f"weg{visible}"
    assert len(said) == 1 and "stuurtekens" in said[0]
