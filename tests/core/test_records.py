"""The rules of what the session records, without a screen: names, questions, ids, counts."""

from __future__ import annotations

from patroon_tui.core.records import (
    answered,
    count_label,
    first_step_suggestions,
    next_table_name,
    own_pattern_id,
    removal_question,
    table_name,
    tables_on_layer,
)
from patroon_tui.core.session import OwnPattern, Session, Table, new_session


def session(*tables: Table) -> Session:
    made = new_session(session_id="s", title="Sessie")
    made.tables[:] = list(tables)
    return made


def test_a_table_without_a_name_is_shown_by_its_id() -> None:
    assert table_name(Table(id="tafel-2", name="Zorg")) == "Zorg"
    assert table_name(Table(id="tafel-2", name="  ")) == "(tafel-2)"


def test_answered_counts_answers_with_text() -> None:
    table = Table(id="t", name="T", answers={"a": "ja", "b": " ", "c": ""})
    assert answered(table) == 1


def test_the_removal_question_names_what_is_lost() -> None:
    table = Table(id="t", name="Tafel 3", answers={"a": "", "b": ""})
    assert removal_question(table) == "Tafel 3 verwijderen? Er zijn nog geen antwoorden."
    table.answers["a"] = "iets"
    assert removal_question(table) == "Tafel 3 verwijderen? 1 antwoord gaat verloren."
    table.answers["b"] = "meer"
    assert removal_question(table) == "Tafel 3 verwijderen? 2 antwoorden gaan verloren."


def test_the_next_table_name_is_the_lowest_free_number() -> None:
    assert next_table_name(session()) == "Tafel 1"
    made = session(Table(id="a", name="Tafel 1"), Table(id="b", name=" Tafel 3 "))
    assert next_table_name(made) == "Tafel 2"
    made.tables.append(Table(id="c", name="Tafel 2"))
    assert next_table_name(made) == "Tafel 4"


def test_an_own_pattern_id_is_the_tables_or_a_free_one() -> None:
    table = Table(id="tafel-2", name="T")
    made = session(table)
    assert own_pattern_id(made, table) == "eigen-tafel-2"
    made.patterns.append(OwnPattern(id="eigen-tafel-2", title="X", steps=["a", "b"]))
    made.patterns.append(OwnPattern(id="eigen-tafel-2-2", title="Y", steps=["a", "b"]))
    assert own_pattern_id(made, table) == "eigen-tafel-2-3"
    # A table that chose an own pattern edits that one.
    table.pattern = "eigen-tafel-2-2"
    assert own_pattern_id(made, table) == "eigen-tafel-2-2"
    # A deck pattern chosen: a new own pattern.
    table.pattern = "wereldvrede"
    assert own_pattern_id(made, table) == "eigen-tafel-2-3"


def test_tables_on_a_layer_by_name_or_id() -> None:
    made = session(
        Table(id="a", name="Zorg", layer="doel"),
        Table(id="b", name=" ", layer="doel"),
        Table(id="c", name="Werk", layer="relatie"),
    )
    assert tables_on_layer(made, "doel") == ["Zorg", "b"]
    assert tables_on_layer(made, "spelregels") == []
    assert [count_label(n) for n in (0, 1, 2)] == ["0 tafels", "1 tafel", "2 tafels"]


def test_first_step_suggestions_are_the_answered_tables() -> None:
    made = session(
        Table(id="a", name="A", answers={"eerste-stap": "Bellen"}),
        Table(id="b", name="B", answers={"eerste-stap": "  "}),
        Table(id="c", name="C"),
        Table(id="d", name="D", answers={"eerste-stap": "Mailen "}),
    )
    assert first_step_suggestions(made) == [("a", "Bellen"), ("d", "Mailen ")]
