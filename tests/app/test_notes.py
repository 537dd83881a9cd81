"""Notes: what is typed is what is saved is what is shown again; untouched notes keep their bytes."""

from __future__ import annotations

from tests.app.conftest import reopen

EXOTIC = "eerste\r\ntweede\u2028derde\x0cvierde\r\n"


async def test_typed_equals_saved_equals_shown(make_app, store, deck):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "a", "space", "b", "enter", "enter", "c", "tab", "d")
        # On a slide tab stays in the notes (no tab character, and the next letter is not
        # taken for a page key).
        assert app.screen.notes.text_area.text == "a b\n\ncd"
        await pilot.press("ctrl+q")
    saved = store.load(app.path).notes["programma"]
    assert saved == "a b\n\ncd"
    again = reopen(store, deck, app)
    async with again.run_test(size=(80, 24)) as pilot:
        area = again.screen.notes.text_area
        assert area.text == saved
        assert area.document.lines == ["a b", "", "cd"]
        await pilot.press("ctrl+q")


async def test_unedited_exotic_note_is_saved_back_unchanged(make_app, store, deck):
    session = store.create(title="Oud", deck=deck)
    session.notes["programma"] = EXOTIC
    session.notes["complexer"] = "ook\r\noud"
    store.save(session)
    path = store.path_for(session.session.id)
    notes_before = notes_lines(path)
    app = make_app(store.load(path))
    async with app.run_test(size=(80, 24)) as pilot:
        area = app.screen.notes.text_area
        # Every separator is shown as a line break.
        assert area.document.lines == ["eerste", "tweede", "derde", "vierde", ""]
        await pilot.press("right", "left", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")
    assert store.load(path).notes == {"programma": EXOTIC, "complexer": "ook\r\noud"}
    assert notes_lines(path) == notes_before


def notes_lines(path) -> list[bytes]:
    """The bytes of the file's ``[notes]`` table."""
    raw = path.read_bytes()
    start = raw.index(b"[notes]")
    end = raw.index(b"\n[", start)
    return raw[start:end].splitlines()


async def test_edited_exotic_note_is_saved_as_shown(make_app, store, deck):
    session = store.create(title="Oud", deck=deck)
    session.notes["programma"] = EXOTIC
    store.save(session)
    app = make_app(store.load(store.path_for(session.session.id)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "x")  # the cursor sits at the end of the note
        shown = app.screen.notes.text_area.document.lines
        await pilot.press("ctrl+q")
    saved = store.load(app.path).notes["programma"]
    assert saved == "eerste\ntweede\nderde\nvierde\nx"
    assert saved.split("\n") == shown


async def test_emptied_note_is_removed(make_app, store, deck):
    session = store.create(title="Leeg", deck=deck)
    session.notes["programma"] = "weg"
    store.save(session)
    app = make_app(store.load(store.path_for(session.session.id)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "backspace", "backspace", "backspace", "escape", "right")
        await pilot.press("ctrl+q")
    assert "programma" not in store.load(app.path).notes


async def test_word_typed_just_before_a_page_turn_stays_with_its_screen(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "o", "k", "alt+right", "alt+right")
        assert app.screen.current.id == "complexer"
        assert app.session.notes == {"programma": "ok"}
        await pilot.press("ctrl+q")
    assert store.load(app.path).notes == {"programma": "ok"}


async def test_words_typed_in_one_burst_with_f2_go_into_the_notes(make_app, store):
    """The notes field is built when first shown; keys right behind f2 wait for it."""
    from tests.app.body_harness import send_at_once

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        programme = app.screen
        assert not programme.notes.typing
        await send_at_once(
            pilot, "f2", "n", "o", "t", "a",
            until=lambda: programme.notes.typing and programme.notes.text_area.text == "nota",
        )
        assert programme.notes.text_area.text == "nota"
        assert programme.current.id == "programma"  # "n" and "p" typed, no page turned
        await pilot.press("ctrl+q")
    assert store.load(app.path).notes == {"programma": "nota"}


async def test_notes_of_a_resumed_screen_are_there_before_the_pane_is_opened(make_app, store, deck):
    session = store.create(title="Terug", deck=deck)
    session.notes["complexer"] = "al geschreven"
    session.progress.screen = "complexer"
    store.save(session)
    app = make_app(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "space", "e", "n", "space", "m", "e", "e", "r")
        assert app.screen.notes.text_area.text == "al geschreven en meer"
        assert app.focused is app.screen.notes.text_area
        await pilot.press("ctrl+q")
    assert store.load(app.path).notes["complexer"] == "al geschreven en meer"


async def test_f2_from_a_table_answer_and_back_returns_to_that_answer(make_app, deck):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        programme = app.screen
        programme.go_to("tafels")
        await pilot.press("f9")
        for _ in range(20):
            await pilot.pause()
            if app.focused is not None and app.focused.id == "answer-herkenbaar":
                break
        answer = app.focused
        assert answer is not None and answer.id == "answer-herkenbaar"
        await pilot.press("f2", "x", "f2")
        assert app.focused is answer
        await pilot.press("y")
        assert app.session.tables[0].answers["herkenbaar"] == "y"
        await pilot.press("ctrl+q")


async def test_a_word_typed_right_after_escape_goes_back_to_the_answer(make_app, store):
    from textual import events

    from tests.waiting import until

    # Within a tenth of a second of escape, a terminal's next letter arrives with escape's
    # byte and Textual reads "alt+j": the escape was lost and "ja" went into the notes.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        programme = app.screen
        programme.go_to("tafels")
        await pilot.press("f9")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "answer-herkenbaar")
        await pilot.press("f2", "n", "o", "t", "a")
        for key in (events.Key("alt+j", "j"), events.Key("a", "a")):
            app.post_message(key)
        await until(pilot, lambda: app.session.tables[0].answers.get("herkenbaar") == "ja")
        assert programme.notes.text_area.text == "nota"
        assert app.focused is not None and app.focused.id == "answer-herkenbaar"
        for key in (events.Key("escape", "\x1b"), events.Key("alt+shift+n", "N")):
            app.post_message(key)  # escape in an answer, then a capital: it lands too
        await until(pilot, lambda: app.session.tables[0].answers.get("herkenbaar") == "jaN")
        await pilot.press("ctrl+q")
    assert store.load(app.path).tables[0].answers["herkenbaar"] == "jaN"
    assert store.load(app.path).notes["tafels"] == "nota"


async def test_the_clicker_keeps_the_cursor_in_the_notes_from_slide_to_slide_but_not_onto_the_tables(
    make_app, deck
):
    """Typing notes and clicking on between slides types on into the next slide's notes;
    a recording screen takes the cursor into its field (the room's answers go there)."""
    from tests.app.test_typing import burst

    app = make_app(start_screen="hetzelfde-gesprek")
    before_tables = deck.screens[deck.screen_index("tafels") - 1].id
    async with app.run_test(size=(80, 24)) as pilot:
        programme = app.screen
        await burst(pilot, "EEN", "<pagedown>", " TWEE",
                    until=lambda: programme.current.id == "complexer" and programme.notes.typing
                    and programme.notes.text_area.text == " TWEE")
        await burst(pilot, "<escape>")
        programme.go_to(before_tables)
        await pilot.pause()
        await burst(pilot, "DRIE", "<pagedown>", "VIER",
                    until=lambda: "VIER" in str(app.session.tables[0].answers))
        await pilot.press("ctrl+q")
    notes = app.session.notes
    assert notes["hetzelfde-gesprek"] == "EEN"
    assert notes["complexer"] == " TWEE"
    assert notes[before_tables] == "DRIE"
    assert "VIER" in app.session.tables[0].answers[deck.text_questions[0].id]
    assert "tafels" not in notes


async def test_tab_in_the_notes_goes_back_to_the_answer_they_were_opened_from(make_app):
    from tests.app.test_typing import burst
    from tests.waiting import until

    app = make_app(start_screen="tafels")
    async with app.run_test(size=(80, 24)) as pilot:
        programme = app.screen
        await pilot.press("f9")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "answer-herkenbaar")
        await burst(pilot, "<f2>", "nota", "<tab>", "ja",
                    until=lambda: app.session.tables[0].answers.get("herkenbaar") == "ja")
        assert app.focused is not None and app.focused.id == "answer-herkenbaar"
        assert programme.notes.text_area.text == "nota"
        await pilot.press("ctrl+q")


async def test_f2_twice_on_a_slide_leaves_the_cursor_on_nothing_and_the_clicker_turns_pages(
    make_app, deck
):
    from tests.app.screen_text import screen_rows
    from tests.app.test_typing import burst
    from tests.waiting import until

    app = make_app()
    first, second = deck.screens[0].id, deck.screens[1].id
    async with app.run_test(size=(80, 24)) as pilot:
        programme = app.screen
        await burst(pilot, "<f2>", "nota", "<f2>",
                    until=lambda: not programme.has_class("-notes"))
        await until(pilot, lambda: "Notities (f2" not in "\n".join(screen_rows(app)))
        assert app.focused is None
        await burst(pilot, "<pagedown>", until=lambda: programme.current.id == second)
        await pilot.press("ctrl+q")
    assert app.session.notes[first] == "nota"


async def test_a_page_turned_back_before_the_tip_was_drawn_shows_this_screens_tip():
    # The clicker pressed twice while the notes open: the hidden pane's tip for the screen
    # turned to is drawn after the frame, by which time the page is back.
    from textual.app import App

    from patroon_tui.widgets.notes import NotesPane
    from tests.app.screen_text import screen_rows

    class Notes(App):
        def compose(self):
            yield NotesPane(id="notes")

    app = Notes()
    async with app.run_test(size=(60, 12)) as pilot:
        pane = app.query_one(NotesPane)
        pane.load("terugblik", "", "Loop de eerste stappen langs.")
        await pilot.pause()
        pane.display = False
        pane.load("programma", "", "Loop de drie delen door.")  # hidden: after the frame
        pane.display = True  # a letter typed opens the notes
        pane.load("terugblik", "", "Loop de eerste stappen langs.")
        for _ in range(3):
            await pilot.pause()
        shown = "\n".join(screen_rows(app))
        assert "Tip: Loop de eerste stappen langs." in shown
        assert "drie delen" not in shown
