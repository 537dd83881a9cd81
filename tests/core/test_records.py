"""The rules of what the session records, without a screen: names, questions, ids, counts."""

from __future__ import annotations

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.recording import (
    add_table,
    answered,
    count_label,
    first_step_suggestions,
    following,
    is_own_pattern,
    layer_ids,
    move_table,
    next_table_name,
    own_pattern_id,
    pattern_options,
    pattern_steps,
    removal_question,
    remove_table,
    restore_table,
    store_own_pattern,
    table_name,
    tables_on_layer,
    timer_minutes,
)
from patroon_tui.core.model.session import OwnPattern, Session, Table, new_session


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


DECK = load_deck()


def ids(made: Session) -> list[str]:
    return [t.id for t in made.tables]


def test_a_new_table_gets_a_free_id_and_name_and_empty_answers() -> None:
    made = session(Table(id="tafel-1", name="Tafel 1"))
    table = add_table(made, ["herkenbaar", "eerste-stap"], reserved=["tafel-2"])
    assert (table.id, table.name) == ("tafel-3", "Tafel 2")
    assert table.answers == {"herkenbaar": "", "eerste-stap": ""}
    assert ids(made) == ["tafel-1", "tafel-3"]


def test_a_removed_table_goes_back_to_its_place_with_what_it_said() -> None:
    made = session(Table(id="a", name="A"), Table(id="b", name="B", answers={"x": "ja"}),
                   Table(id="c", name="C"))
    assert remove_table(made, "onbekend") is None
    removed = remove_table(made, "b")
    assert removed is not None and removed[0] == 1 and ids(made) == ["a", "c"]
    back = restore_table(made, *removed)
    assert ids(made) == ["a", "b", "c"] and back.answers == {"x": "ja"}


def test_a_table_put_back_after_its_id_was_given_out_gets_a_new_one() -> None:
    made = session(Table(id="tafel-1", name="A"), Table(id="tafel-2", name="B"))
    removed = remove_table(made, "tafel-2")
    assert removed is not None
    made.tables.append(Table(id="tafel-2", name="Nieuw"))
    back = restore_table(made, *removed)
    assert back.name == "B" and back.id not in {"tafel-1", "tafel-2"}
    assert [t.name for t in made.tables] == ["A", "B", "Nieuw"]


def test_a_table_moves_up_and_down_but_not_off_the_list() -> None:
    made = session(Table(id="a", name="A"), Table(id="b", name="B"))
    assert not move_table(made, "a", -1) and not move_table(made, "b", 1)
    assert not move_table(made, "onbekend", 1)
    assert move_table(made, "b", -1) and ids(made) == ["b", "a"]


def test_the_pattern_choices_keep_an_id_nobody_knows() -> None:
    made = session(Table(id="a", name="A", pattern="weg-patroon"))
    made.patterns.append(OwnPattern(id="eigen-a", title="Ons", steps=["x", "y"]))
    options = pattern_options(DECK, made)
    assert options[: len(DECK.patterns)] == [(p.title, p.id) for p in DECK.patterns]
    assert options[len(DECK.patterns):] == [
        ("Ons (eigen patroon)", "eigen-a"),
        ("Onbekend patroon (weg-patroon)", "weg-patroon"),
    ]
    assert is_own_pattern(made, "eigen-a") and not is_own_pattern(made, "weg-patroon")
    deck_pattern = DECK.patterns[0]
    assert pattern_steps(DECK, made, deck_pattern.id) == (
        deck_pattern.title, list(deck_pattern.steps))
    assert pattern_steps(DECK, made, "eigen-a") == ("Ons", ["x", "y"])
    assert pattern_steps(DECK, made, "weg-patroon") is None


def test_an_own_pattern_is_kept_once_and_chosen_by_its_table() -> None:
    made = session(Table(id="a", name="A"))
    store_own_pattern(made, "a", OwnPattern(id="eigen-a", title="Een", steps=["x", "y"]))
    store_own_pattern(made, "a", OwnPattern(id="eigen-a", title="Twee", steps=["x", "y"]))
    assert [p.title for p in made.patterns] == ["Twee"]
    assert made.tables[0].pattern == "eigen-a"
    # The table removed meanwhile: the pattern is still kept.
    store_own_pattern(made, "weg", OwnPattern(id="eigen-b", title="Drie", steps=["x", "y"]))
    assert [p.id for p in made.patterns] == ["eigen-a", "eigen-b"]


def test_choices_go_round_and_layers_start_with_none() -> None:
    layers = layer_ids(DECK)
    assert layers[0] == "" and layers[1:] == [layer.id for layer in DECK.layers]
    assert following(layers, "") == layers[1]
    assert following(layers, layers[-1]) == ""
    assert following(layers, "onbekend") == layers[1]


def test_the_timer_minutes_come_from_the_session_or_the_deck() -> None:
    made = session()
    assert timer_minutes(made, DECK) == max(1, DECK.timer_minutes)
    made.progress.timer_seconds_total = 90
    assert timer_minutes(made, DECK) == 2
    made.progress.timer_seconds_total = 20
    assert timer_minutes(made, DECK) == 1
