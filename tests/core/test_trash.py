"""The trash (``core/model/trash.py``): removed records kept in the session, to put back."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from patroon_tui.core.merge import merge_sessions
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.pattern_draft import PatternDraft
from patroon_tui.core.model.session import (
    FirstStep,
    OwnPattern,
    Principle,
    Table,
    TrashEntry,
    new_session,
)
from patroon_tui.core.model.trash import TrashError, describe, entries, put_back, throw_away
from patroon_tui.core.model.versions import Baseline, stamp
from patroon_tui.core.sessionfile.session_toml import dumps_session, loads_session

QUESTIONS = [q.id for q in load_deck().text_questions]
T0 = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.timezone.utc)


def full_session():
    session = new_session(session_id="2026-12-04-wijkteam", title="Wijkteam", now=T0)
    session.tables.append(Table(id="tafel-2", name="Tafel Zuid", participants="GGZ",
                                answers={q: f"antwoord {q}" for q in QUESTIONS}))
    session.patterns = [OwnPattern(id="eigen-tafel-2", title="Wachten", steps=["a", "b", "c"])]
    session.principles = [Principle(text="Eerst bellen"), Principle(text="Delen")]
    session.first_steps = [FirstStep(text="Casusoverleg", owner="GGZ", table="tafel-2")]
    Baseline.of(session)  # uids, as the app gives them when it opens the session
    return session


def reread(session):
    return loads_session(dumps_session(session), "sessie.toml")


@pytest.mark.parametrize(("kind", "index"), [
    ("tables", 1), ("patterns", 0), ("principles", 0), ("first_steps", 0)])
def test_a_removed_record_is_in_the_trash_in_the_model_and_the_file(kind, index):
    session = full_session()
    record = getattr(session, kind)[index].model_copy()
    entry = throw_away(session, kind, index, now=T0 + dt.timedelta(minutes=5))
    assert record not in getattr(session, kind)
    assert (entry.kind, entry.place, entry.record) == (kind, index, record)
    text = dumps_session(session)
    key = {"tables": "table", "patterns": "pattern", "principles": "principle",
           "first_steps": "first_step"}[kind]
    assert f"[[trash]]\nplace = {index}\nremoved_at = 2026-12-04T09:05:00Z\n" in text
    assert f"\n[trash.{key}]\n" in text
    back = loads_session(text, "sessie.toml")
    assert back.trash == [entry]
    assert dumps_session(back) == text

    came = put_back(back, back.trash[0])
    assert (came.kind, came.index, came.record) == (kind, index, record)
    assert getattr(back, kind)[index] == record  # same uid, every text
    assert back.trash is None
    assert "trash" not in dumps_session(back)


def test_a_file_without_the_key_loads_and_is_written_without_it():
    session = full_session()
    text = dumps_session(session)
    assert "trash" not in text
    back = loads_session(text, "sessie.toml")
    assert back.trash is None and entries(back) == []


def test_the_list_is_newest_first_and_says_kind_name_and_words():
    session = full_session()
    throw_away(session, "principles", 1, now=T0)
    throw_away(session, "tables", 1, now=T0 + dt.timedelta(minutes=1))
    throw_away(session, "first_steps", 0, now=T0 + dt.timedelta(minutes=1))
    listed = entries(reread(session))
    assert [describe(e) for e in listed] == [
        ("Eerste stap", "Casusoverleg (GGZ)"),
        ("Tafel", "Tafel Zuid (4 antwoorden)"),
        ("Principe", "Delen"),
    ]


def test_a_record_comes_back_at_its_place_or_at_the_end_of_a_shorter_list():
    session = full_session()
    throw_away(session, "principles", 1)
    del session.principles[0]
    came = put_back(session, session.trash[0])
    assert came.index == 0 and [p.text for p in session.principles] == ["Delen"]


def test_a_table_whose_id_was_given_out_since_comes_back_under_a_new_id():
    session = full_session()
    throw_away(session, "tables", 1)
    session.tables.append(Table(id="tafel-2", name="Nieuw"))
    came = put_back(session, session.trash[0])
    assert came.record.id not in ("tafel-2", "tafel-1")
    assert [t.name for t in session.tables] == ["Tafel 1", "Tafel Zuid", "Nieuw"]
    assert len({t.id for t in session.tables}) == 3
    reread(session)  # still a valid session


def test_a_pattern_whose_id_was_given_out_since_comes_back_under_a_new_id():
    session = full_session()
    throw_away(session, "patterns", 0)
    session.patterns.append(OwnPattern(id="eigen-tafel-2", title="Ander", steps=["x", "y"]))
    came = put_back(session, session.trash[0])
    assert came.record.id == "eigen-tafel-2-2"
    reread(session)


def test_a_second_table_cannot_come_back_into_a_plenary_session():
    session = new_session(session_id="p", title="P", werkvorm="plenair", now=T0)
    session.tables[0].answers["herkenbaar"] = "Plenair gesprek"
    throw_away(session, "tables", 0)
    session.tables.append(Table(id="plenair-2", name="Plenair"))
    with pytest.raises(TrashError, match="plenaire sessie heeft één gesprek"):
        put_back(session, session.trash[0])
    assert len(session.tables) == 1 and len(session.trash) == 1


def test_an_entry_of_an_unknown_kind_is_kept_and_not_listed():
    session = full_session()
    text = dumps_session(session) + (
        '\n[[trash]]\nplace = 0\nremoved_at = 2026-12-04T09:00:00Z\n\n[trash.notitie]\n'
        'tekst = "van een nieuwere versie"\n'
    )
    back = loads_session(text, "sessie.toml")
    assert entries(back) == []
    assert "van een nieuwere versie" in dumps_session(back)
    with pytest.raises(TrashError):
        put_back(back, back.trash[0])


def test_a_record_made_since_the_last_save_gets_its_uid_when_removed():
    session = full_session()
    session.principles.append(Principle(text="Nieuw"))
    entry = throw_away(session, "principles", 2)
    assert entry.principle.uid and entry.principle.uid not in {
        p.uid for p in session.principles}


def test_a_new_own_pattern_thrown_away_with_words_goes_to_the_trash():
    session = full_session()
    draft = PatternDraft(session, "tafel-1", "eigen-tafel-1", None)
    draft.write("Eigen lus", ["stap een", "", ""])
    draft.discard()
    assert [p.id for p in session.patterns] == ["eigen-tafel-2"]
    assert session.tables[0].pattern == ""
    assert [(e.pattern.title, e.pattern.steps) for e in session.trash] == [
        ("Eigen lus", ["stap een", "", ""])]
    # Emptied again before it was thrown away: nothing to keep.
    empty = PatternDraft(session, "tafel-1", "eigen-tafel-1", None)
    empty.write("x", ["", ""])
    empty.write("", ["", ""])
    empty.discard()
    assert len(session.trash) == 1


# -- saving and merging -------------------------------------------------------------------


class Laptop:
    """One copy of the session, edited as the app would (stamped at each save)."""

    def __init__(self, base, writer: str, minute: int) -> None:
        self.session = loads_session(dumps_session(base), "kopie")
        self.baseline = Baseline.of(self.session)
        self.writer = writer
        self.session.session.updated = T0 + dt.timedelta(minutes=minute)

    def save(self):
        stamp(self.session, self.baseline, self.writer)
        return loads_session(dumps_session(self.session), "kopie")


def test_a_trashed_record_is_removed_for_a_merge_and_its_entry_kept():
    base = full_session()
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    uid = one.session.tables[1].uid
    throw_away(one.session, "tables", 1, now=T0)
    saved = one.save()
    assert f"tables/{uid}" in saved.removed
    merged = reread(merge_sessions([saved, two.save()]))
    assert [t.name for t in merged.tables] == ["Tafel 1"]
    assert [e.table.uid for e in merged.trash] == [uid]
    assert merged.trash[0].table.answers == base.tables[1].answers
    # Put back in the merged session: there again, and no longer removed.
    baseline = Baseline.of(merged)
    put_back(merged, merged.trash[0])
    stamp(merged, baseline, "drie")
    assert [t.name for t in merged.tables] == ["Tafel 1", "Tafel Zuid"]
    assert f"tables/{uid}" not in (merged.removed or {})


def test_trashed_on_one_laptop_and_edited_on_another_stays_with_the_edit_and_leaves_the_trash():
    base = full_session()
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    throw_away(one.session, "tables", 1)
    two.session.tables[1].answers[QUESTIONS[1]] = "Toch nog iets"
    merged = merge_sessions([one.save(), two.save()])
    assert [t.name for t in merged.tables] == ["Tafel 1", "Tafel Zuid"]
    assert merged.tables[1].answers[QUESTIONS[1]] == "Toch nog iets"
    assert merged.trash is None


def test_words_typed_before_a_throw_away_stay_when_another_laptop_keeps_the_table():
    base = full_session()
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    one.session.tables[1].answers[QUESTIONS[0]] = "Alleen hier getypt"
    one.save()
    throw_away(one.session, "tables", 1, now=T0)
    two.session.tables[1].answers[QUESTIONS[1]] = "Toch nog iets"
    for copies in ([one.save(), two.save()], [two.save(), one.save()]):
        merged = reread(merge_sessions(copies))
        # The table stays with the other laptop's edit, and the words typed before it was
        # thrown away are in the trash, next to it.
        assert [t.answers[QUESTIONS[1]] for t in merged.tables] == ["", "Toch nog iets"]
        assert [describe(e) for e in entries(merged)] == [("Tafel", "Tafel Zuid (4 antwoorden)")]
        back = put_back(merged, entries(merged)[0])
        assert back.record.answers[QUESTIONS[0]] == "Alleen hier getypt"
        assert [t.name for t in merged.tables] == ["Tafel 1", "Tafel Zuid", "Tafel Zuid"]
        assert len({t.uid for t in merged.tables}) == 3


def test_a_table_thrown_away_on_two_laptops_keeps_the_words_only_one_had():
    base = full_session()
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    one.session.tables[1].answers[QUESTIONS[0]] = "Alleen hier getypt"  # never saved
    throw_away(one.session, "tables", 1, now=T0)
    throw_away(two.session, "tables", 1, now=T0 + dt.timedelta(minutes=5))
    merged = reread(merge_sessions([one.save(), two.save()]))
    assert [t.name for t in merged.tables] == ["Tafel 1"]
    held = [e.table.answers[QUESTIONS[0]] for e in entries(merged)]
    assert held == [base.tables[1].answers[QUESTIONS[0]], "Alleen hier getypt"]
    # An edit made from a text replaces it: thrown away later with that edit, one entry.
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    throw_away(one.session, "tables", 1, now=T0)
    two.session.tables[1].answers[QUESTIONS[0]] = "Verder getypt"
    two.save()
    throw_away(two.session, "tables", 1, now=T0 + dt.timedelta(minutes=5))
    merged = reread(merge_sessions([one.save(), two.save()]))
    assert [e.table.answers[QUESTIONS[0]] for e in entries(merged)] == ["Verder getypt"]


def test_put_back_on_one_laptop_wins_over_the_removal_still_on_another():
    base = full_session()
    throw_away(base, "principles", 0)
    laptop = Laptop(base, "een", 1)
    stamp(laptop.session, Baseline.of(full_session()), "een")  # the removal, saved
    removed = reread(laptop.session)
    assert removed.removed and removed.trash
    one, two = Laptop(removed, "een", 2), Laptop(removed, "twee", 3)
    put_back(one.session, one.session.trash[0])
    merged = merge_sessions([one.save(), two.save()])
    assert [p.text for p in merged.principles] == ["Eerst bellen", "Delen"]
    assert merged.trash is None
    # The removal stays known (as for a record edited elsewhere); merged again with the
    # copy that still has it removed, the put-back record stays.
    again = merge_sessions([reread(merged), two.save()])
    assert [p.text for p in again.principles] == ["Eerst bellen", "Delen"]


def test_the_trash_of_copies_is_merged_one_entry_per_record():
    base = full_session()
    one, two = Laptop(base, "een", 1), Laptop(base, "twee", 2)
    throw_away(one.session, "principles", 0, now=T0 + dt.timedelta(minutes=1))
    throw_away(two.session, "principles", 0, now=T0 + dt.timedelta(minutes=2))
    throw_away(two.session, "first_steps", 0, now=T0 + dt.timedelta(minutes=3))
    merged = merge_sessions([one.save(), two.save()])
    assert merged.principles == [base.principles[1]]
    assert [(e.kind, e.removed_at) for e in merged.trash] == [
        ("principles", T0 + dt.timedelta(minutes=2)),
        ("first_steps", T0 + dt.timedelta(minutes=3)),
    ]
    assert merge_sessions([two.save(), one.save()]).trash == merged.trash


kinds = st.sampled_from(["tables", "patterns", "principles", "first_steps"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(kinds, st.integers(0, 3), st.booleans()), max_size=8))
def test_whatever_is_removed_and_put_back_nothing_is_lost(script):
    """Every record is in its list or in the trash, whole, after any removals and
    put-backs, also once written and read back."""
    session = full_session()
    every = {r.uid: r.model_copy() for kind in ("tables", "patterns", "principles",
                                                 "first_steps") for r in getattr(session, kind)}
    for minute, (kind, index, back) in enumerate(script):
        items = getattr(session, kind)
        if back and session.trash:
            entry = session.trash[index % len(session.trash)]
            if not (entry.kind == "tables" and any(t.id == entry.table.id
                                                   for t in session.tables)):
                put_back(session, entry)
        elif items and not (kind == "tables" and len(items) == 1):
            throw_away(session, kind, index % len(items), now=T0 + dt.timedelta(minutes=minute))
        session = reread(session)
    kept = {r.uid: r for kind in ("tables", "patterns", "principles", "first_steps")
            for r in getattr(session, kind)}
    kept.update({e.record.uid: e.record for e in session.trash or []})
    assert kept == every


def test_a_trash_entry_keeps_keys_this_program_does_not_know():
    text = dumps_session(full_session()) + (
        '\n[[trash]]\nplace = 1\nremoved_at = 2026-12-04T09:00:00Z\nreden = "dubbel"\n\n'
        '[trash.principle]\ntext = "Oud"\nkleur = "rood"\n'
    )
    back = loads_session(text, "x.toml")
    assert isinstance(back.trash[0], TrashEntry)
    written = dumps_session(back)
    assert 'reden = "dubbel"' in written and 'kleur = "rood"' in written
    came = put_back(back, back.trash[0])
    assert came.record.model_extra == {"kleur": "rood"}


def test_control_characters_in_the_trash_are_made_visible_when_opened():
    from patroon_tui.core.sessionfile.validation import review

    text = dumps_session(full_session()) + (
        '\n[[trash]]\nplace = 0\nremoved_at = 2026-12-04T09:00:00Z\n\n'
        '[trash.principle]\ntext = "rood \\u001b[31m"\n'
    )
    back = loads_session(text, "x.toml")
    said = review(back, "x.toml")
    assert any("trash[0].principle.text" in line for line in said)
    assert back.trash[0].principle.text == "rood \\x1b[31m"
