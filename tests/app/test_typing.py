"""Every word typed lands: keys sent as a terminal sends them, in one burst.

Each test posts its keys to the app all at once, as the terminal driver does with a fast
typist (none waits for the one before), then waits until the app has worked through them.
``pilot.press`` waits for the app to be idle after every key and could not show a race.
"""

from __future__ import annotations

import unicodedata

import pytest
from textual import events
from textual.command import CommandList

from patroon_tui.dialogs.choice import ChoiceDialog
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.screens.programme import ProgrammeScreen
from patroon_tui.widgets.first_steps import StepOwner
from patroon_tui.widgets.principles import PrincipleInput
from patroon_tui.widgets.tables import TablesPanel
from tests.app.conftest import reopen
from tests.platforms import SYSTEMS
from tests.waiting import until as wait_until

TERMINAL_CHARACTERS = {"enter": "\r", "tab": "\t", "escape": "\x1b", "backspace": "\x7f"}


def key_events(*parts: str) -> list[events.Key]:
    """Key events for ``parts``: a part in ``<…>`` is one named key, anything else text."""
    keys = []
    for part in parts:
        if part.startswith("<") and part.endswith(">") and len(part) > 2:
            name = part[1:-1]
            # As a terminal sends them: enter is a carriage return, tab a tab character.
            keys.append(events.Key(name, TERMINAL_CHARACTERS.get(name)))
            continue
        for char in part:
            if char == " ":
                keys.append(events.Key("space", " "))
            elif char.isalnum():
                keys.append(events.Key(char, char))
            else:
                name = unicodedata.name(char, "").lower().replace(" ", "_").replace("-", "_")
                keys.append(events.Key(name or char, char))
    return keys


def palette_offers(app, title: str) -> bool:
    """Whether the open command palette's first hit is ``title`` (it searches in a worker)."""
    lists = app.screen.query(CommandList)
    if not lists or not lists.first().option_count:
        return False
    return title in str(lists.first().get_option_at_index(0).prompt)


async def burst(pilot, *parts: str, until=None) -> None:
    """Send ``parts`` in one go; then wait until ``until()`` holds, or the app is idle."""
    for key in key_events(*parts):
        pilot.app.post_message(key)
    if until is not None:
        await wait_until(pilot, until)
    else:
        # Nothing to wait for but the app working through the keys: Textual's idle wait.
        for _ in range(3):
            await pilot.pause()
    await pilot.pause()


def programme(app) -> ProgrammeScreen:
    screen = app.screen
    assert isinstance(screen, ProgrammeScreen)
    return screen


def table(app, n: int = 0):
    return app.session.tables[n]


def saved(store, app):
    """The session as the file holds it, after the app has saved."""
    assert app.autosave.save_sync()
    return store.load(app.path)


def with_participants(make_app, store, text="Zorgaanbieder, huisarts", screen="tafels"):
    """A session saved with the participants of the first table typed in last."""
    app = make_app()
    app.session.tables[0].participants = text
    app.session.progress.screen = screen
    app.session.progress.fields = {"tafels/tafel-1": "participants"}
    store.save(app.session, app.path)
    return app


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
async def test_resume_on_tables_and_type_at_once_appends(make_app, store, deck, system):
    first = with_participants(make_app, store)
    app = reopen(store, deck, first)
    async with app.run_test(size=(80, 24)) as pilot:
        # Typed the moment the app starts: before the screen, the body or a field exists.
        await burst(pilot, " plus wijkagent",
                    until=lambda: table(app).participants.endswith("wijkagent"))
        assert table(app).participants == "Zorgaanbieder, huisarts plus wijkagent"
        await pilot.press("ctrl+q")
    assert store.load(app.path).tables[0].participants.endswith("huisarts plus wijkagent")


async def test_pagedown_onto_tables_then_typing(make_app, store, deck):
    first = with_participants(make_app, store, screen="in-gesprek")
    app = reopen(store, deck, first)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "<pagedown>", " en Gemeente Noord",
                    until=lambda: table(app).participants.endswith("Noord"))
        assert programme(app).current.id == "tafels"
        assert table(app).participants == "Zorgaanbieder, huisarts en Gemeente Noord"


async def test_arrow_onto_tables_from_a_slide_then_typing(make_app, store, deck):
    first = with_participants(make_app, store, screen="in-gesprek")
    app = reopen(store, deck, first)
    async with app.run_test(size=(80, 24)) as pilot:
        # "→" is a key of the slide; the letters after it belong to the next screen's field,
        # and an "n" among them must not turn the page again.
        await burst(pilot, "<right>", " nu", until=lambda: table(app).participants.endswith("nu"))
        assert programme(app).current.id == "tafels"
        assert table(app).participants.endswith("huisarts nu")


async def test_palette_jump_then_typing(make_app, store, deck):
    first = with_participants(make_app, store, screen="in-gesprek")
    app = reopen(store, deck, first)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await burst(pilot, "Ga naar: Aan de tafels",
                    until=lambda: "tafels" in str(app.screen.query("Input").first().value))
        # The palette searches in a worker: wait for its hit.
        await wait_until(pilot, lambda: palette_offers(app, "Ga naar: Aan tafel"))
        await burst(pilot, "<enter>", " erbij", until=lambda: table(app).participants.endswith("erbij"))
        assert programme(app).current.id == "tafels"
        assert table(app).participants == "Zorgaanbieder, huisarts erbij"


async def test_palette_jump_typed_in_one_burst(make_app, store, deck):
    """ctrl+p, the screen's name, enter and the words for its field in one burst: enter
    waits for the search of what was typed, not the hit shown before it."""
    first = with_participants(make_app, store, screen="programma")
    app = reopen(store, deck, first)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "<ctrl+p>", "Aan de tafels", "<enter>", " plus wijkagent",
                    until=lambda: table(app).participants.endswith("wijkagent"))
        assert programme(app).current.id == "tafels"
        assert table(app).participants == "Zorgaanbieder, huisarts plus wijkagent"


async def test_table_switch_then_typing(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        programme(app).go_to("tafels")
        await pilot.pause()
        # A first visit starts in the first answer; a new table in who sits there; back
        # on the first table, the cursor is where it was typed in last.
        await burst(pilot, "Gemeente", "<ctrl+n>", "Politie", "<ctrl+up>", " en GGD",
                    until=lambda: table(app).answers["herkenbaar"].endswith("GGD"))
        assert table(app).answers["herkenbaar"] == "Gemeente en GGD"
        assert [t.participants for t in app.session.tables] == ["", "Politie"]


async def test_tab_through_the_tables_form_typing_after_each_tab(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = programme(app)
        screen.go_to("tafels")
        await pilot.pause()
        panel = app.query_one(TablesPanel)
        # The cursor arrives in the first answer; shift+tab twice reaches the name, tab
        # goes round participants and the answers, and after the last answer back to the
        # participants: never into the name.
        words = ["een", "twee", "drie", "vier"]
        await burst(pilot, "<shift+tab>", "<shift+tab>", "<ctrl+e>", "-naam", "<tab>", "-wie",
                    *(part for word in words for part in ("<tab>", word)), "<tab>", "+wie",
                    until=lambda: table(app).participants.endswith("+wie"))
        t = table(app)
        assert t.name == "Tafel 1-naam"
        assert t.participants == "-wie+wie"
        questions = [q.id for q in app.deck.text_questions]
        assert [t.answers[q] for q in questions] == words[:len(questions)]
        # Tab goes round the text fields only: never onto a choice where letters vanish.
        assert app.focused in panel.fields()


async def test_enter_in_the_name_moves_on(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        programme(app).go_to("tafels")
        await pilot.pause()
        await burst(pilot, "<ctrl+r>", " A", "<enter>", "Gemeente",
                    until=lambda: table(app).participants == "Gemeente")
        assert table(app).name == "Tafel 1 A"
        assert table(app).participants == "Gemeente"


async def test_tab_on_first_steps_never_lands_on_the_suggestions(make_app):
    app = make_app()
    app.session.tables[0].answers["eerste-stap"] = "Casusoverleg"
    async with app.run_test(size=(80, 24)) as pilot:
        screen = programme(app)
        screen.go_to("eerste-stappen")
        await pilot.pause()
        # Tab goes from item to item: from the last owner to a new step.
        await burst(pilot, "Stap een", "<tab>", "GGZ", "<tab>", "Stap twee",
                    until=lambda: "Stap twee" in str(app.session.first_steps))
        assert [(s.text, s.owner) for s in app.session.first_steps] == [
            ("Stap een", "GGZ"), ("Stap twee", "")
        ]
        suggestions = screen.body.query_one("#suggestions")
        # The tables' suggestions have their own key; enter takes the highlighted one over.
        await burst(pilot, "<ctrl+t>", until=lambda: app.focused is suggestions)
        assert app.focused is suggestions
        await burst(pilot, "<enter>", "Politie",
                    until=lambda: len(app.session.first_steps) == 3
                    and app.session.first_steps[2].owner == "Politie")
        assert [(s.text, s.owner) for s in app.session.first_steps][2] == ("Casusoverleg", "Politie")
        # Tab from the list goes back to the text field typed in last.
        await burst(pilot, "<ctrl+t>", "<tab>", "!", until=lambda: "Politie!" in str(app.session.first_steps))
        assert app.session.first_steps[2].owner == "Politie!"


async def test_letters_in_the_minutes_field_go_back_to_the_text(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        programme(app).go_to("tafels")
        await pilot.pause()
        await burst(pilot, "Gemeente", "<ctrl+g>", "<backspace>", "<backspace>", "30",
                    " en wijkteam",
                    until=lambda: table(app).answers["herkenbaar"].endswith("wijkteam"))
        assert app.session.progress.timer_seconds_total == 30 * 60
        assert table(app).answers["herkenbaar"] == "Gemeente en wijkteam"
        assert app.focused is app.query_one("#answer-herkenbaar")


async def test_letters_on_a_choice_go_into_a_field(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = programme(app)
        screen.go_to("eerste-stappen")
        await pilot.pause()
        suggestions = screen.body.query_one("#suggestions")
        screen.set_focus(suggestions)
        await burst(pilot, "Bellen", until=lambda: app.session.first_steps)
        assert screen.current.id == "eerste-stappen"
        assert [s.text for s in app.session.first_steps] == ["Bellen"]


async def test_tab_out_of_the_notes_back_to_the_answer(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = programme(app)
        screen.go_to("tafels")
        await pilot.pause()
        await burst(pilot, "GGD", "<f2>", "De zaal noemt", "<tab>", " en nog iets",
                    until=lambda: table(app).answers["herkenbaar"].endswith("iets"))
        assert screen.current.id == "tafels"
        assert table(app).answers["herkenbaar"] == "GGD en nog iets"
        screen.flush_notes()
        assert app.session.notes["tafels"] == "De zaal noemt"


async def test_tab_out_of_the_notes_on_a_slide_keeps_the_words(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = programme(app)
        start = screen.current.id
        await burst(pilot, "<f2>", "De zaal noemt", "<tab>", " en nog iets",
                    until=lambda: screen.notes.text_area.text.endswith("iets"))
        assert screen.current.id == start  # no n or space turned a page
        assert screen.notes.text_area.text == "De zaal noemt en nog iets"


async def test_last_principle_tab_and_enter(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = programme(app)
        screen.go_to("eigen-principes")
        await pilot.pause()
        await burst(pilot, "Eerst bellen", "<enter>", "Samen beslissen", "<tab>", "Nu",
                    until=lambda: len(app.session.principles) == 3
                    and app.session.principles[2].text == "Nu")
        assert screen.current.id == "eigen-principes"
        # Tab from the last principle starts a new one, as enter does: nothing fuses.
        assert [p.text for p in app.session.principles] == [
            "Eerst bellen", "Samen beslissen", "Nu"
        ]
        assert isinstance(app.focused, PrincipleInput)


async def test_enter_in_the_owner_starts_the_next_step(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = programme(app)
        screen.go_to("eerste-stappen")
        await pilot.pause()
        await burst(pilot, "Actie A", "<enter>", "Piet", "<enter>", "Actie B", "<enter>", "Jan",
                    until=lambda: len(app.session.first_steps) == 2
                    and app.session.first_steps[1].owner == "Jan")
        assert [(s.text, s.owner) for s in app.session.first_steps] == [
            ("Actie A", "Piet"), ("Actie B", "Jan")
        ]
        assert isinstance(app.focused, StepOwner)


async def test_removing_a_table_asks_safely_and_can_be_undone(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = programme(app)
        screen.go_to("tafels")
        await pilot.pause()
        await burst(pilot, "<ctrl+n>", "Politie", "<f8>", "<enter>", " en OM",
                    until=lambda: table(app, 1).participants.endswith("OM"))
        # A reflex enter keeps the table; the words after it land in its field.
        assert [t.participants for t in app.session.tables] == ["", "Politie en OM"]
        await burst(pilot, "<f8>", "<left>", "<enter>", until=lambda: len(app.session.tables) == 1)
        assert not isinstance(app.screen, ConfirmScreen)
        await burst(pilot, "<ctrl+z>", until=lambda: len(app.session.tables) == 2)
        assert [t.participants for t in app.session.tables] == ["", "Politie en OM"]
        assert [t.participants for t in saved(store, app).tables] == ["", "Politie en OM"]


async def test_ctrl_z_undoes_in_a_one_line_field(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        programme(app).go_to("tafels")
        await pilot.pause()
        await burst(pilot, "<shift+tab>", "Gemeente en", " GGD",
                    until=lambda: table(app).participants.endswith("GGD"))
        await burst(pilot, "<ctrl+z>", until=lambda: not table(app).participants.endswith("GGD"))
        assert table(app).participants == "Gemeente en "
        await burst(pilot, "<ctrl+y>", until=lambda: table(app).participants.endswith("GGD"))
        assert table(app).participants == "Gemeente en GGD"


async def test_lock_dialog_survives_a_stream_of_keys(make_app, store):
    app = make_app()
    lock = store.lock(app.path)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            assert isinstance(app.screen, ChoiceDialog)
            await burst(pilot, "<pagedown>", "attent", "<enter>", "<escape>", "tt", "<tab>",
                        "llll", "<pagedown>", "x")
            assert app.is_running
            assert app.screen.id == "start" or isinstance(app.screen, ProgrammeScreen)
    finally:
        lock.release()


async def test_a_dialog_answered_twice_pops_once(make_app, store):
    app = make_app()
    lock = store.lock(app.path)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await burst(pilot, "<enter>", "<enter>", "<pagedown>")
            screen = programme(app)
            assert screen.read_only
    finally:
        lock.release()


async def test_own_pattern_from_the_keyboard_keeps_every_word(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = programme(app)
        screen.go_to("tafels")
        await pilot.pause()
        await burst(pilot, "<ctrl+o>", "Titel1", "<tab>", "Stap1", "<enter>", "Stap2",
                    until=lambda: app.session.patterns
                    and app.session.patterns[0].steps[:2] == ["Stap1", "Stap2"])
        pattern = app.session.patterns[0]
        assert pattern.title == "Titel1"
        assert pattern.steps[:2] == ["Stap1", "Stap2"]
        # In the file before the editor is closed: closing the terminal now loses nothing.
        assert saved(store, app).patterns[0].title == "Titel1"


async def test_start_screen_burst_with_tab(make_app, store, deck):
    from patroon_tui.app import PatroonApp

    app = PatroonApp(deck, store, now=make_app().now)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        title = app.screen.query_one("#new-title")
        app.screen.set_focus(title)
        date = app.screen.query_one("#new-date")
        await burst(pilot, "Wijk", "<tab>", "01-12-2026", "<shift+tab>", " Noord",
                    until=lambda: title.value == "Wijk Noord")
        assert title.value == "Wijk Noord"
        # Today is only the placeholder: the typed date is the date, nothing in front of it.
        assert date.value == "01-12-2026"
        await burst(pilot, "<enter>", until=lambda: app.session is not None)
        assert app.session.session.date.isoformat() == "2026-12-01"


async def test_start_screen_empty_date_is_today(make_app, store, deck):
    from patroon_tui.app import PatroonApp

    app = PatroonApp(deck, store, now=make_app().now)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "Vandaag", "<enter>", until=lambda: app.session is not None)
        assert app.session.session.date == app.today()


def test_bursts_post_what_a_terminal_sends():
    keys = key_events("a B", "<tab>", "é,")
    assert [k.key for k in keys] == ["a", "space", "B", "tab", "é", "comma"]
    assert [k.is_printable for k in keys] == [True, True, True, False, True, True]
