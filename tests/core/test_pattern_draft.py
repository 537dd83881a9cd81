"""A table's own pattern while it is written: in the session as typed, put back on discard."""

from __future__ import annotations

from patroon_tui.core.model.pattern_draft import PatternDraft, unfinished_note, without_empty_tail
from patroon_tui.core.model.session import OwnPattern, Table, new_session


def session_with_table(pattern: str | None = None):
    made = new_session(session_id="s", title="Sessie")
    table = Table(id="tafel-1", name="Zorg")
    if pattern is not None:
        table.pattern = pattern
    made.tables[:] = [table]
    return made


def test_every_change_is_in_the_session_at_once_and_the_table_uses_it() -> None:
    session = session_with_table()
    draft = PatternDraft(session, "tafel-1", "eigen-1", None)
    assert draft.initial == ("", ["", "", ""])
    assert draft.write("Wachten", ["Vraag", "", ""])
    assert session.patterns == [OwnPattern(id="eigen-1", title="Wachten", steps=["Vraag", "", ""])]
    assert session.table("tafel-1").pattern == "eigen-1"
    assert not draft.write("Wachten", ["Vraag", "", ""])  # nothing new
    assert draft.has_changes(("Wachten", ["Vraag", "", ""]))


def test_discarding_a_new_pattern_takes_it_out_and_gives_the_table_its_choice_back() -> None:
    session = session_with_table(pattern="P1")
    draft = PatternDraft(session, "tafel-1", "eigen-1", None)
    draft.write("Wachten", ["Vraag", "Wacht"])
    draft.discard()
    assert session.patterns == []
    assert session.table("tafel-1").pattern == "P1"
    assert not draft.written


def test_discarding_an_edit_puts_the_old_pattern_back() -> None:
    old = OwnPattern(id="eigen-1", title="Oud", steps=["a", "b"])
    session = session_with_table(pattern="eigen-1")
    session.patterns.append(old)
    draft = PatternDraft(session, "tafel-1", "eigen-1", old)
    draft.write("Nieuw", ["a", "b", "c"])
    assert draft.in_session().title == "Nieuw"
    assert not draft.has_changes(("Oud", ["a", "b"]))
    draft.discard()
    assert session.patterns == [old]


def test_a_new_pattern_emptied_again_holds_no_word() -> None:
    draft = PatternDraft(session_with_table(), "tafel-1", "eigen-1", None)
    assert not draft.is_empty_new("", ["", ""])  # nothing written yet
    draft.write("x", ["", ""])
    assert draft.is_empty_new(" ", ["", " "])


def test_empty_rows_at_the_end_go_down_to_two_and_the_note_says_what_is_missing() -> None:
    assert without_empty_tail(["a", "", "b", "", ""]) == ["a", "", "b"]
    assert without_empty_tail(["", "", ""]) == ["", ""]
    assert unfinished_note("Titel", ["a", "b"]) is None
    assert unfinished_note("", ["a", ""]) == (
        "Bewaard, maar nog niet af: het patroon mist een titel en minstens 2 ingevulde stappen."
    )
