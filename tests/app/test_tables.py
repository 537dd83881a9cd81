"""The tables screen: recording what each table says, table by table, with the keyboard."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import OwnPattern, Table, new_session
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.widgets.choices import LayerChoice, PatternChoice
from patroon_tui.widgets.fields import RecordArea
from patroon_tui.widgets.tables import TablesPanel
from tests.app.body_harness import BodyHarness, send_at_once, type_text
from tests.app.screen_text import shown_in
from tests.waiting import mounted, settle, until as wait_until


@pytest.fixture
def deck():
    return load_deck()


def make_app(deck, session) -> BodyHarness:
    return BodyHarness(deck, session, lambda d, s: TablesPanel(d, s, id="body"))


def list_prompts(app) -> list[str]:
    option_list = app.query_one("#tables-list", OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def test_arrival_puts_the_cursor_in_the_first_field(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(TablesPanel)
        panel.focus_first()
        await pilot.pause()
        assert app.focused is app.query_one("#table-participants")
        await type_text(pilot, "GGZ")
        assert session.tables[0].participants == "GGZ"
        assert app.changes > 0
        panel.focus_first_answer()
        await pilot.pause()
        assert app.focused is app.query_one("#answer-herkenbaar")


async def test_every_question_is_shown_in_full_above_its_answer(deck):
    session = new_session(session_id="s", title="S")
    async with make_app(deck, session).run_test(size=(80, 24)) as pilot:
        questions = [str(s.content) for s in pilot.app.query(".question")]
        for question in deck.text_questions:
            assert question.text in questions


async def test_a_new_table_gets_the_next_free_number_and_a_stable_id(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", "ctrl+n")
        assert [t.name for t in session.tables] == ["Tafel 1", "Tafel 2", "Tafel 3"]
        assert [t.id for t in session.tables] == ["tafel-1", "tafel-2", "tafel-3"]
        panel = app.query_one(TablesPanel)
        assert panel.current_table_id == "tafel-3"
        assert app.focused is app.query_one("#table-participants")
        assert list_prompts(app) == ["0/4 Tafel 1", "0/4 Tafel 2", "0/4 Tafel 3"]


async def test_switching_tables_keeps_each_tables_words(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(TablesPanel)
        panel.focus_first_answer()
        await type_text(pilot, "een")
        await pilot.press("ctrl+n")
        panel.focus_first_answer()
        await type_text(pilot, "twee")
        await pilot.press("ctrl+up")
        assert panel.current_table_id == "tafel-1"
        assert app.query_one("#answer-herkenbaar", RecordArea).text == "een"
        await pilot.press("ctrl+down")
        assert panel.current_table_id == "tafel-2"
        assert app.query_one("#answer-herkenbaar", RecordArea).text == "twee"
        await pilot.press("ctrl+down")  # already the last: stays
        assert panel.current_table_id == "tafel-2"
        assert session.tables[0].answers["herkenbaar"] == "een"
        assert session.tables[1].answers["herkenbaar"] == "twee"
        assert list_prompts(app)[0].startswith("1/4 ")


async def test_typing_then_switching_at_once_loses_nothing(deck):
    session = new_session(session_id="s", title="S")
    session.tables.append(Table(id="tafel-2", name="Tafel 2"))
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(TablesPanel)
        panel.focus_first_answer()
        await pilot.press("a", "b", "ctrl+down", "c")
        await pilot.pause()
        assert session.tables[0].answers["herkenbaar"] == "ab"
        assert session.tables[1].answers["herkenbaar"] == "c"


async def test_removing_a_table_asks_first_and_cancel_keeps_it(deck):
    session = new_session(session_id="s", title="S")
    second = Table(
        id="tafel-2",
        name="Tafel 2",
        answers={"herkenbaar": "ja", "bijdrage": "veel", "eerste-stap": "bellen", "voor-jezelf": ""},
    )
    session.tables.append(second)
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+down", "f8")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "Tafel 2 verwijderen? 3 antwoorden gaan verloren."
        await pilot.press("enter")  # "Nee" has the cursor
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert [t.id for t in session.tables] == ["tafel-1", "tafel-2"]

        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert [t.id for t in session.tables] == ["tafel-1", "tafel-2"]

        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("left", "enter")  # "Ja", chosen deliberately
        await pilot.pause()
        assert [t.id for t in session.tables] == ["tafel-1"]
        assert app.query_one(TablesPanel).current_table_id == "tafel-1"
        assert len(list_prompts(app)) == 1


async def test_new_table_after_a_removal_and_the_removed_one_put_back(deck):
    """ctrl+n, ctrl+n, f8 Ja, ctrl+n, ctrl+z: four tables, each id once, each in the list."""
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", "ctrl+n", "f8")
        await pilot.pause()
        await pilot.press("left", "enter")
        await pilot.pause()
        assert [t.id for t in session.tables] == ["tafel-1", "tafel-2"]
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        ids = [t.id for t in session.tables]
        assert len(ids) == 4 == len(set(ids))
        assert "tafel-3" in ids
        assert len(list_prompts(app)) == 4


async def test_the_last_table_cannot_be_removed(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert len(session.tables) == 1
        assert any("laatste tafel" in n for n in app.notices)


async def test_rename_and_reorder(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", "ctrl+r")
        assert app.focused is app.query_one("#table-name")
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "Raam")
        await pilot.press("enter")
        assert session.tables[1].name == "Raam"
        assert app.focused is app.query_one("#table-participants")
        assert list_prompts(app)[1].split(" ", 1)[1].startswith("Raam")
        await pilot.press("alt+up")
        assert [t.id for t in session.tables] == ["tafel-2", "tafel-1"]
        assert list_prompts(app)[0].split(" ", 1)[1].startswith("Raam")
        assert app.query_one(TablesPanel).current_table_id == "tafel-2"
        await pilot.press("alt+down")
        assert [t.id for t in session.tables] == ["tafel-1", "tafel-2"]


async def test_pattern_choice_lists_deck_and_own_patterns_and_draws_the_loop(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(100, 30)) as pilot:
        choice = app.query_one("#table-pattern", PatternChoice)
        assert choice.value == ""
        assert shown_in(app, choice) == "Nog geen patroon ▼"
        assert [v for _t, v in choice.options] == [p.id for p in deck.patterns]
        assert not app.query_one("#table-loop").display
        await pilot.press("ctrl+t")  # the next pattern: the first of the deck
        await pilot.pause()
        assert session.tables[0].pattern == deck.patterns[0].id
        assert choice.value == deck.patterns[0].id
        assert shown_in(app, choice) == f"{deck.patterns[0].title} ▼"
        loop = app.query_one("#table-loop")
        assert loop.display


async def in_first_answer(pilot, app) -> RecordArea:
    """Put the cursor in the first answer, as a facilitator typing there; return it."""
    app.query_one(TablesPanel).focus_first_answer()
    await wait_until(pilot, lambda: isinstance(app.focused, RecordArea))
    return app.focused


async def open_menu(pilot):
    """Click the pattern choice; return its open menu."""
    await pilot.click("#table-pattern")
    return await mounted(pilot, "#table-pattern > PatternMenu")


async def test_a_pattern_is_chosen_from_its_menu_with_the_mouse(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await in_first_answer(pilot, app)
        menu = await open_menu(pilot)
        # The menu lists "none" first, then the deck's patterns, one per line in its frame.
        second = deck.patterns[1]
        await pilot.click(menu, offset=(2, 3))
        await wait_until(pilot, lambda: session.tables[0].pattern == second.id)
        await wait_until(pilot, lambda: not app.screen.query("PatternMenu"))
        choice = app.query_one("#table-pattern", PatternChoice)
        assert shown_in(app, choice) == f"{second.title} ▼"
        assert app.query_one("#table-loop").display
        assert app.focused is field  # the cursor stayed where it was typing
        menu = await open_menu(pilot)
        await pilot.click(menu, offset=(2, 1))  # "Nog geen patroon"
        await wait_until(pilot, lambda: session.tables[0].pattern == "")
        assert not app.query_one("#table-loop").display


async def test_a_pattern_the_form_does_not_offer_is_shown_and_kept(deck):
    # A file edited by hand can name a pattern that is neither the deck's nor an own one.
    session = new_session(session_id="s", title="S")
    session.tables[0].pattern = "door-de-hand"
    app = make_app(deck, session)
    async with app.run_test(size=(100, 30)) as pilot:
        choice = await mounted(pilot, "#table-pattern", PatternChoice)
        shown = "Onbekend patroon (door-de-hand) ▼"
        await wait_until(pilot, lambda: shown_in(app, choice) == shown)
        await in_first_answer(pilot, app)
        await send_at_once(pilot, *"ja",
                           until=lambda: session.tables[0].answers.get("herkenbaar") == "ja")
        assert session.tables[0].pattern == "door-de-hand"


async def test_the_pattern_menu_shows_a_typed_title_as_typed(deck):
    session = new_session(session_id="s", title="S")
    typed = OwnPattern(id="eigen-tafel-1", title="[b]Wij & [zij]", steps=["a", "b"])
    session.patterns.append(typed)
    app = make_app(deck, session)
    async with app.run_test(size=(100, 30)) as pilot:
        menu = await open_menu(pilot)
        await wait_until(pilot, lambda: "[b]Wij & [zij] (eigen patroon)" in shown_in(app, menu))


async def test_typing_goes_on_into_the_field_while_the_pattern_menu_is_open(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await in_first_answer(pilot, app)
        await open_menu(pilot)
        await send_at_once(pilot, *"wacht op", until=lambda: field.text == "wacht op")
        assert app.focused is field
        assert app.screen.query("PatternMenu")  # a click on the pattern again closes it
        await pilot.click("#table-pattern")
        await wait_until(pilot, lambda: not app.screen.query("PatternMenu"))
        assert session.tables[0].pattern == ""


async def test_the_layer_is_chosen_with_the_keyboard(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l", "ctrl+l", "ctrl+l")
        await pilot.pause()
        assert session.tables[0].layer == "relatie"
        layer = app.query_one("#table-layer", LayerChoice)
        assert layer.index == 3
        layer.scroll_visible(animate=False, immediate=True)
        await wait_until(pilot, lambda: "● Over relatienetwerk" in shown_in(app, layer))
        await pilot.press("ctrl+l")  # wraps round to "Geen"
        await pilot.pause()
        assert session.tables[0].layer == ""


async def test_a_click_on_a_question_leaves_the_cursor_in_its_field(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await in_first_answer(pilot, app)
        await pilot.click(app.query(".question").first(), offset=(2, 0))
        await send_at_once(pilot, *"dus", until=lambda: field.text == "dus")
        assert app.focused is field


async def test_a_layer_is_chosen_with_the_mouse(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await in_first_answer(pilot, app)
        layer = app.query_one("#table-layer", LayerChoice)
        layer.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        await pilot.click(layer, offset=(3, 2))  # the second layer's line
        await wait_until(pilot, lambda: session.tables[0].layer == deck.layers[1].id)
        assert layer.index == 2
        assert app.focused is field


async def test_the_timer_length_is_a_field_of_the_session(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        minutes = app.query_one("#timer-minutes", Input)
        assert minutes.value == str(deck.timer_minutes)
        assert session.progress.timer_seconds_total is None
        await pilot.press("ctrl+g", "ctrl+a", "ctrl+k", "2", "0")
        assert session.progress.timer_seconds_total == 20 * 60


async def test_plenary_holds_one_record_without_adding_or_removing(deck):
    session = new_session(session_id="s", title="S", werkvorm="plenair")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", "f8")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert [t.name for t in session.tables] == ["Plenair"]
        assert list_prompts(app)[0].split(" ", 1)[1].startswith("Plenair")
        app.query_one(TablesPanel).focus_first_answer()
        await type_text(pilot, "Ja")
        assert session.tables[0].answers["herkenbaar"] == "Ja"


async def test_showing_a_text_does_not_change_it(deck):
    session = new_session(session_id="s", title="S")
    odd = "een\r\ntwee\ndrie\u2028vier"
    session.tables[0].answers["bijdrage"] = odd
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert session.tables[0].answers["bijdrage"] == odd
        assert app.changes == 0


async def test_sixty_tables_switch_through_one_form(deck):
    session = new_session(session_id="s", title="S")
    for n in range(2, 61):
        session.tables.append(Table(id=f"tafel-{n}", name=f"Tafel {n}", answers={"herkenbaar": f"antwoord {n}"}))
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        assert len(app.query(RecordArea)) == len(deck.text_questions)
        panel = app.query_one(TablesPanel)
        await send_at_once(pilot, *["ctrl+down"] * 59,
                           until=lambda: panel.current_table_id == "tafel-60")
        assert panel.current_table_id == "tafel-60"
        assert app.query_one("#answer-herkenbaar", RecordArea).text == "antwoord 60"


async def test_refresh_from_session_shows_changes_made_elsewhere(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        session.tables[0].answers["herkenbaar"] = "van elders"
        session.tables.append(Table(id="tafel-2", name="Tafel 2"))
        app.query_one(TablesPanel).refresh_from_session()
        await pilot.pause()
        assert app.query_one("#answer-herkenbaar", RecordArea).text == "van elders"
        assert len(list_prompts(app)) == 2


async def test_keys_typed_right_after_a_table_key_go_to_the_new_place(deck):
    session = new_session(session_id="s", title="S")
    session.tables.append(Table(id="tafel-2", name="Tafel 2"))
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(TablesPanel).focus_first_answer()
        await pilot.pause()
        await send_at_once(
            pilot, "a", "ctrl+down", "b", "ctrl+n", "c", "ctrl+up", "d",
            until=lambda: session.tables[1].answers["herkenbaar"] == "bd",
        )
        # Each table's cursor is where it was typed in last; a new table's in who sits there.
        assert session.tables[0].answers["herkenbaar"] == "a"
        assert session.tables[1].answers["herkenbaar"] == "bd"
        assert session.tables[2].participants == "c"
        assert session.tables[1].participants == ""


async def test_the_table_shown_is_kept_in_the_session_and_shown_again(deck):
    session = new_session(session_id="s", title="S")
    for n in (2, 3):
        session.tables.append(Table(id=f"tafel-{n}", name=f"Tafel {n}", answers={"herkenbaar": f"t{n}"}))
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        assert session.progress.table is None  # nothing chosen yet: the first table
        await pilot.press("ctrl+down", "ctrl+down")
        assert session.progress.table == "tafel-3"
        assert app.changes > 0
    again = make_app(deck, session)
    async with again.run_test(size=(80, 24)) as pilot:
        panel = again.query_one(TablesPanel)
        assert panel.current_table_id == "tafel-3"
        assert again.query_one("#answer-herkenbaar", RecordArea).text == "t3"
        assert again.query_one("#tables-list", OptionList).highlighted == 2
        assert again.changes == 0  # showing the session changed nothing in it


async def test_an_unknown_table_in_progress_shows_the_first(deck):
    session = new_session(session_id="s", title="S")
    session.progress.table = "tafel-9"
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)):
        assert app.query_one(TablesPanel).current_table_id == "tafel-1"


async def test_a_word_typed_right_after_tab_goes_into_the_next_field(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(TablesPanel).focus_first()
        await pilot.pause()
        # participants → first answer → second answer; the choices are not in the way
        await send_at_once(
            pilot, "x", "tab", "y", "tab", "z", "shift+tab", "w",
            until=lambda: session.tables[0].answers["herkenbaar"] == "yw",
        )
        assert session.tables[0].participants == "x"
        assert session.tables[0].answers["herkenbaar"] == "yw"
        assert session.tables[0].answers["bijdrage"] == "z"


async def test_editing_keys_in_a_burst_apply_in_the_order_typed(deck):
    session = new_session(session_id="s", title="S")
    session.tables[0].answers["herkenbaar"] = "een"
    session.tables.append(Table(id="tafel-2", name="Tafel 2", answers={"herkenbaar": "twee"}))
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(TablesPanel).focus_first_answer()
        await pilot.pause()
        await send_at_once(
            pilot, "end", "space", "a", "b", "c", "backspace", "backspace", "x",
            "ctrl+down", "end", "space", "y", "home", "z",
            until=lambda: session.tables[1].answers["herkenbaar"] == "ztwee y",
        )
        assert session.tables[0].answers["herkenbaar"] == "een ax"
        assert session.tables[1].answers["herkenbaar"] == "ztwee y"


async def test_a_layer_chosen_in_a_burst_belongs_to_its_table(deck):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#answer-voor-jezelf").focus()
        await pilot.pause()
        await send_at_once(
            pilot, "N", "e", "e", "ctrl+l", "ctrl+l", "ctrl+n", "x",
            until=lambda: len(session.tables) == 2 and session.tables[1].participants == "x",
        )
        assert session.tables[0].answers["voor-jezelf"] == "Nee"
        assert session.tables[0].layer == "spelregels"
        assert session.tables[1].layer == ""


async def test_a_word_typed_while_another_part_of_the_app_waits_is_kept(deck, monkeypatch):
    """Filling the form for another table never swallows the keys typed right after.

    Textual's ``prevent()`` keeps one stack for every widget's task: anything posted while
    a message type is prevented carries that type along, and while its handler waits, the
    same type is dropped wherever it is posted, a field's ``Changed`` included. Here the
    screen gets such a waiting callback each time the form is filled, as Textual's own
    handlers may; the word typed meanwhile must still reach the session.
    """
    import asyncio

    session = new_session(session_id="s", title="S")
    session.tables.append(Table(id="tafel-2", name="Tafel 2"))
    app = make_app(deck, session)
    load_form = TablesPanel._load_form

    def load_form_then_wait(self: TablesPanel) -> None:
        load_form(self)
        self.screen.call_later(asyncio.sleep, 0.3)

    monkeypatch.setattr(TablesPanel, "_load_form", load_form_then_wait)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(TablesPanel).focus_first()
        await pilot.pause()
        await pilot.press("ctrl+down", "d")
        await wait_until(pilot, lambda: session.tables[1].answers.get("herkenbaar") == "d")
        assert session.tables[1].answers["herkenbaar"] == "d"
        assert app.query_one("#answer-herkenbaar", RecordArea).text == "d"


async def test_two_table_keys_in_a_burst_end_on_the_second_table(deck):
    session = new_session(session_id="s", title="S")
    session.tables += [Table(id="tafel-2", name="Tafel 2"), Table(id="tafel-3", name="Tafel 3")]
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(TablesPanel).focus_first()
        await pilot.pause()
        await send_at_once(
            pilot, "ctrl+down", "ctrl+down", "x",
            until=lambda: session.tables[2].answers.get("herkenbaar") == "x",
        )
        # Late highlight events of the list have arrived: the app is idle again.
        await settle(pilot)
        assert [t.answers.get("herkenbaar", "") for t in session.tables] == ["", "", "x"]
        assert app.query_one(TablesPanel).current_table_id == "tafel-3"
        assert app.query_one("#tables-list", OptionList).highlighted == 2


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (160, 45)])
async def test_every_field_row_shows_all_of_its_parts(deck, size):
    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for widget_id in ("table-name", "table-participants", "table-pattern",
                          "own-pattern-button"):
            widget = app.query_one(f"#{widget_id}")
            region = widget.region
            assert region.height >= 1 and region.width >= 1, (size, widget_id, region)
            row = widget.parent
            assert row is not None and row.region.contains_region(region), (size, widget_id)


async def test_the_own_pattern_editor_opens_from_the_keyboard(deck):
    from patroon_tui.dialogs.own_pattern import OwnPatternScreen

    session = new_session(session_id="s", title="S")
    app = make_app(deck, session)
    async with app.run_test(size=(80, 24)) as pilot:
        button = app.query_one("#own-pattern-button")
        assert "ctrl+o" in str(button.label)  # the button names its key; tab skips it
        await pilot.press("ctrl+o")
        for _ in range(20):
            await pilot.pause()
            if isinstance(app.screen, OwnPatternScreen):
                break
        assert isinstance(app.screen, OwnPatternScreen)

