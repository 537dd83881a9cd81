"""Where the cursor is on the recording screens (tables, principles, first steps), at
80×24 and 60×20, with keys sent in one burst as a terminal sends them:

- ctrl+n makes a new record wherever the cursor is (a field, a list, nowhere after Esc)
  and puts the cursor in its first field, in sight;
- tab goes round the fields answers are typed in: never into a table's name; on the
  principles and first steps from item to item, a new one after the last;
- the cursor arrives in the field typed in last on the screen (per table), after a page
  turn, a table switch and a resume; f9 in the first answer; a first visit in the first
  answer field;
- new items below the fold are scrolled into sight, and stay so as they grow.

Every marker word is checked in the session and in the saved file's bytes.
"""

from __future__ import annotations

import pytest
from textual.containers import ScrollableContainer
from textual.widget import Widget

from patroon_tui.core.model.session import FirstStep, Principle, Table
from tests.app.conftest import reopen
from tests.app.test_typing import burst, programme
from tests.waiting import until

SIZES = [(80, 24), (60, 20)]
SCREENS = ["tafels", "eigen-principes", "eerste-stappen"]


def in_sight(app, field: Widget | None) -> bool:
    """The field has the cursor and can be seen: the cell under its cursor shows it, and
    the whole field is inside the screen and inside every scroll area around it."""
    if field is None or app.focused is not field:
        return False
    region = field.region
    if not region or not app.screen.region.contains_region(region):
        return False
    for area in field.ancestors:
        if isinstance(area, ScrollableContainer) and not area.region.contains_region(region):
            return False
    x, y = field.cursor_screen_offset
    return app.screen.get_widget_at(x, y)[0] is field


def records(session, screen_id: str) -> list[str]:
    """The texts of the screen's records, in order (a table: its participants)."""
    if screen_id == "tafels":
        return [t.participants for t in session.tables]
    if screen_id == "eigen-principes":
        return [p.text for p in session.principles]
    return [s.text for s in session.first_steps]


def saved_bytes(app) -> bytes:
    assert app.autosave.save_sync()
    return app.path.read_bytes()


def start_on(make_app, screen_id: str, **kwargs):
    app = make_app(**kwargs)
    app.session.progress.screen = screen_id
    return app


# -- ctrl+n ------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen_id", SCREENS)
async def test_ctrl_n_after_escape_makes_a_new_record(make_app, store, screen_id, size):
    app = start_on(make_app, screen_id)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.focused is not None)
        await burst(pilot, "AAP7 een", "<escape>", "<ctrl+n>", "MIES7 nieuw",
                    until=lambda: "MIES7 nieuw" in records(app.session, screen_id))
        await until(pilot, lambda: in_sight(app, app.focused))
        if screen_id == "tafels":
            assert app.session.tables[0].answers["herkenbaar"] == "AAP7 een"
            assert records(app.session, screen_id) == ["", "MIES7 nieuw"]
        else:
            assert records(app.session, screen_id) == ["AAP7 een", "MIES7 nieuw"]
        data = saved_bytes(app)
        assert b"AAP7 een" in data and b"MIES7 nieuw" in data
        await pilot.press("ctrl+q")
    again = store.load(app.path)
    assert "MIES7 nieuw" in records(again, screen_id)


async def test_ctrl_n_with_the_suggestions_list_focused_makes_a_step(make_app):
    app = start_on(make_app, "eerste-stappen")
    app.session.tables[0].answers["eerste-stap"] = "Casusoverleg"
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.focused is not None)
        suggestions = programme(app).body.query_one("#suggestions")
        await burst(pilot, "STAP1", "<ctrl+t>", until=lambda: app.focused is suggestions)
        await burst(pilot, "<ctrl+n>", "STAP2",
                    until=lambda: records(app.session, "eerste-stappen")[-1:] == ["STAP2"])
        assert records(app.session, "eerste-stappen") == ["STAP1", "STAP2"]
        await until(pilot, lambda: in_sight(app, app.focused))
        assert b'"STAP2"' in saved_bytes(app)


async def test_ctrl_n_from_the_notes_makes_a_table(make_app):
    app = start_on(make_app, "tafels")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.focused is not None)
        await burst(pilot, "<f2>", "NOTITIE8", "<ctrl+n>", "WIE8",
                    until=lambda: records(app.session, "tafels") == ["", "WIE8"])
        programme(app).flush_notes()
        assert app.session.notes["tafels"] == "NOTITIE8"
        assert b'participants = "WIE8"' in saved_bytes(app)


# -- tab -----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_tab_after_the_last_answer_goes_to_the_participants_not_the_name(make_app, size):
    app = start_on(make_app, "tafels")
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.focused is not None)
        questions = [q.id for q in app.deck.text_questions]
        words = [f"ANTW{n}" for n in range(1, len(questions) + 1)]
        parts = [part for word in words for part in (word, "<tab>")]
        await burst(pilot, *parts, "WIE1", "<tab>", "ANTW1+",
                    until=lambda: app.session.tables[0].answers["herkenbaar"] == "ANTW1ANTW1+")
        table = app.session.tables[0]
        assert table.name == "Tafel 1"
        assert table.participants == "WIE1"
        assert [table.answers[q] for q in questions] == ["ANTW1ANTW1+", *words[1:]]
        await until(pilot, lambda: in_sight(app, app.focused))
        # The name has its own key, and shift+tab reaches it from the participants.
        await burst(pilot, "<shift+tab>", "<shift+tab>", "<end>", " NAAM1",
                    until=lambda: app.session.tables[0].name.endswith("NAAM1"))
        assert app.session.tables[0].name == "Tafel 1 NAAM1"
        data = saved_bytes(app)
        assert b'name = "Tafel 1 NAAM1"' in data and b'participants = "WIE1"' in data


@pytest.mark.parametrize("size", SIZES)
async def test_tab_between_principles_keeps_each_thought_apart(make_app, size):
    app = start_on(make_app, "eigen-principes")
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.focused is not None)
        await burst(pilot, "EEN principe", "<tab>", "TWEE principe", "<tab>", "DRIE principe",
                    "<tab>", "<tab>", "VIER",
                    until=lambda: records(app.session, "eigen-principes")[-1:] == ["VIER"])
        # Tab in the new, still empty principle stays there: nothing glues onto another.
        assert records(app.session, "eigen-principes") == [
            "EEN principe", "TWEE principe", "DRIE principe", "VIER"
        ]
        await until(pilot, lambda: in_sight(app, app.focused))
        data = saved_bytes(app)
        for word in (b"EEN principe", b"TWEE principe", b"DRIE principe", b'"VIER"'):
            assert word in data


@pytest.mark.parametrize("size", SIZES)
async def test_tab_on_first_steps_goes_from_what_to_who_to_the_next_step(make_app, size):
    app = start_on(make_app, "eerste-stappen")
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.focused is not None)
        await burst(pilot, "STAP1", "<tab>", "WIE1", "<tab>", "STAP2", "<tab>", "WIE2",
                    until=lambda: [s.owner for s in app.session.first_steps][-1:] == ["WIE2"])
        assert [(s.text, s.owner) for s in app.session.first_steps] == [
            ("STAP1", "WIE1"), ("STAP2", "WIE2")
        ]
        await until(pilot, lambda: in_sight(app, app.focused))
        data = saved_bytes(app)
        assert data.index(b"STAP1") < data.index(b"WIE1") < data.index(b"STAP2")


# -- arrival -------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_a_page_turn_and_back_arrives_in_the_field_typed_in_last(make_app, size):
    app = start_on(make_app, "tafels")
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.focused is not None)
        # The clicker is pressed twice a person's beat apart, the words around it at once.
        await burst(pilot, "<tab>", "<tab>", "DERDE", "<pagedown>",
                    until=lambda: app.screen.current.id != "tafels")
        await burst(pilot, "<pageup>", " TERUG",
                    until=lambda: "TERUG" in str(app.session.tables[0]))
        questions = [q.id for q in app.deck.text_questions]
        assert app.session.tables[0].answers[questions[2]] == "DERDE TERUG"
        await until(pilot, lambda: in_sight(app, app.focused))
        assert b"DERDE TERUG" in saved_bytes(app)


async def test_each_table_keeps_its_own_field(make_app):
    app = start_on(make_app, "tafels")
    app.session.tables.append(Table(id="tafel-2", name="Tafel 2"))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.focused is not None)
        await burst(pilot, "<tab>", "T1B", "<ctrl+down>", "<shift+tab>", "T2W",
                    "<ctrl+up>", "+", "<ctrl+down>", "+",
                    until=lambda: app.session.tables[1].participants == "T2W+")
        first, second = app.session.tables
        questions = [q.id for q in app.deck.text_questions]
        assert first.answers[questions[1]] == "T1B+"
        assert second.participants == "T2W+"
        assert not second.answers.get(questions[0])
        await until(pilot, lambda: in_sight(app, app.focused))


async def test_f9_arrives_in_the_first_answer(make_app):
    app = start_on(make_app, "in-gesprek")
    app.session.progress.fields = {"tafels/tafel-1": "participants"}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "<f9>", "F9WOORD",
                    until=lambda: "F9WOORD" in str(app.session.tables[0]))
        assert app.session.tables[0].answers["herkenbaar"] == "F9WOORD"
        await until(pilot, lambda: in_sight(app, app.focused))


@pytest.mark.parametrize("screen_id", SCREENS)
async def test_a_resume_arrives_in_the_field_typed_in_last(make_app, store, deck, screen_id):
    app = start_on(make_app, screen_id)
    if screen_id == "eigen-principes":
        app.session.principles = [Principle(text="een"), Principle(text="twee")]
        keys, check = ["<tab>", " LAATST"], lambda s: s.principles[1].text
        expected = "twee LAATST"
    elif screen_id == "eerste-stappen":
        app.session.first_steps = [FirstStep(text="bellen", owner="GGZ")]
        keys, check = ["<tab>", " LAATST"], lambda s: s.first_steps[0].owner
        expected = "GGZ LAATST"
    else:
        keys, check = ["<tab>", "<tab>", "LAATST"], lambda s: s.tables[0].answers.get(
            app.deck.text_questions[2].id, "")
        expected = "LAATST"
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.focused is not None)
        await burst(pilot, *keys, until=lambda: check(app.session) == expected)
        await pilot.press("ctrl+q")
    assert check(store.load(app.path)) == expected
    again = reopen(store, deck, app)
    async with again.run_test(size=(60, 20)) as pilot:
        await burst(pilot, " WEER", until=lambda: check(again.session).endswith("WEER"))
        assert check(again.session) == expected + " WEER"
        await until(pilot, lambda: in_sight(again, again.focused))
        await pilot.press("ctrl+q")
    assert (expected + " WEER").encode() in again.path.read_bytes()


async def test_a_field_the_file_names_that_is_not_there_is_ignored(make_app, store, deck):
    first = start_on(make_app, "tafels")
    first.session.progress.fields = {
        "tafels/tafel-1": "answers.bestaat-niet",
        "tafels/tafel-9": "participants",
        "eigen-principes": "principles[99].text\x1b[2J",
    }
    store.save(first.session, first.path)
    app = reopen(store, deck, first)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "EERSTE", until=lambda: "EERSTE" in str(app.session.tables[0]))
        assert app.session.tables[0].answers["herkenbaar"] == "EERSTE"
        await pilot.press("ctrl+q")


# -- below the fold ------------------------------------------------------------------------

LONG = "Wat doen we als een partner niet komt opdagen bij het overleg van de wijk"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen_id", ["eigen-principes", "eerste-stappen"])
async def test_new_items_below_the_fold_are_in_sight(make_app, screen_id, size):
    app = start_on(make_app, screen_id)
    if screen_id == "eigen-principes":
        app.session.principles = [Principle(text=f"{LONG} {n}") for n in range(1, 5)]
        app.session.progress.fields = {screen_id: "principles[3].text"}
    else:
        app.session.first_steps = [FirstStep(text=f"{LONG} {n}", owner="GGZ")
                                   for n in range(1, 5)]
        app.session.progress.fields = {screen_id: "first_steps[3].text"}
    async with app.run_test(size=size) as pilot:
        # Typed in last in the fourth item, below the fold at 60×20: the cursor arrives
        # there, in sight.
        await until(pilot, lambda: in_sight(app, app.focused))
        assert app.focused.text.endswith(" 4")
        for n in range(5, 8):
            await burst(pilot, "<ctrl+n>", f"PUNT{n}",
                        until=lambda n=n: f"PUNT{n}" in records(app.session, screen_id))
            await until(pilot, lambda: in_sight(app, app.focused))
        # The field being typed in grows with its text and stays in sight.
        await burst(pilot, f" {LONG} {LONG} EINDE",
                    until=lambda: records(app.session, screen_id)[-1].endswith("EINDE"))
        await until(pilot, lambda: in_sight(app, app.focused))
        assert records(app.session, screen_id)[4:] == [
            "PUNT5", "PUNT6", f"PUNT7 {LONG} {LONG} EINDE"
        ]
        data = saved_bytes(app)
        assert all(f"PUNT{n}".encode() in data for n in (5, 6, 7))


# -- typed, then reloaded before its change arrived -----------------------------------------


@pytest.mark.parametrize("screen_id", ["tafels", "eigen-principes"])
async def test_text_typed_right_before_a_reload_is_kept(make_app, screen_id):
    # A page turn away and back in one burst reloads the body from the session before the
    # field's change has reached it: the text typed must be stored, not wiped.
    app = start_on(make_app, screen_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.focused is not None)
        field = app.focused
        body = programme(app).body
        field.insert("VLAK VOOR")
        body.refresh_from_session()
        await pilot.pause()
        assert field.text == "VLAK VOOR"
        assert "VLAK VOOR" in str(app.session.tables[0] if screen_id == "tafels"
                                  else app.session.principles)
        assert b"VLAK VOOR" in saved_bytes(app)
