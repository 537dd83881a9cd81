"""What is the same across a folder's sessions, and the own patterns of earlier sessions a
table can take over: each once, its latest version, never one the session holds already,
never a half-written draft, and an old file's place-made uid joins nothing."""

from __future__ import annotations

import datetime as dt

from patroon_tui.core.model.network import earlier_patterns, own_key, shared_uid
from patroon_tui.core.model.session import OwnPattern, new_session

UID = "p019a0b0c0d0e1f2a3b4c5d6e7f"


def session(day: int, *patterns: OwnPattern):
    made = new_session(session_id=f"2026-10-{day:02d}-s", title=f"Sessie {day}",
                       date=dt.date(2026, 10, day))
    made.patterns = list(patterns)
    return made


def pattern(title: str, uid: str | None, pattern_id: str = "eigen-tafel-1", steps=("a", "b")):
    return OwnPattern(id=pattern_id, title=title, uid=uid, steps=list(steps))


def test_uids_made_by_the_app_are_shared_place_made_ones_are_not():
    assert shared_uid(UID)
    assert not shared_uid("o-eigen-tafel-1") and not shared_uid(None) and not shared_uid("")
    one, two = session(1, pattern("A", "o-eigen-tafel-1")), session(2, pattern("B", "o-eigen-tafel-1"))
    assert own_key(one, one.patterns[0]) != own_key(two, two.patterns[0])


def test_each_pattern_once_in_its_latest_version_and_none_the_session_holds():
    sessions = [session(8, pattern("Bellen, later", UID)), session(1, pattern("Bellen", UID)),
                session(3, pattern("Oud", "o-eigen-tafel-1"),
                        pattern("Half", None, "eigen-tafel-2", ("a", " ")),
                        pattern("", None, "eigen-tafel-3"))]
    now = session(20)
    found = earlier_patterns(sessions, now)
    assert [(p.title, p.uid, p.date.day) for p in found] == [
        ("Bellen, later", UID, 8), ("Oud", None, 3)]
    now.patterns = [pattern("Bellen", UID)]
    assert [p.title for p in earlier_patterns(sessions, now)] == ["Oud"]
    # The session itself, read back from the folder, offers nothing to itself.
    assert earlier_patterns([now], now) == []


def test_a_follow_up_of_an_old_file_is_not_offered_the_pattern_it_carried():
    from patroon_tui.core.model.follow_up import follow_up

    first = session(1, pattern("Wachten", None))  # an old file: no uid
    second = follow_up(first, session_id="2026-10-08-s", date=dt.date(2026, 10, 8))
    third = follow_up(second, session_id="2026-10-15-s", date=dt.date(2026, 10, 15))
    assert earlier_patterns([first, second], third) == []
    assert own_key(third, third.patterns[0], {s.session.id: s for s in (first, second)}) \
        == own_key(first, first.patterns[0])
    # Without the chain (another session's place-made uid) it is offered, as before.
    other = session(20)
    assert [p.title for p in earlier_patterns([first, second, third], other)] == ["Wachten"]
