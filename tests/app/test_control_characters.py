"""Control characters never reach the terminal raw from a text field: a shared file's
escape sequences are set right (and said) on opening, a paste shows them visibly."""

from __future__ import annotations

from textual import events

from patroon_tui.app import PatroonApp
from patroon_tui.core.sessionfile.validation import review
from tests.app.conftest import FIXED_NOW
from tests.app.test_typing import burst
from tests.waiting import until as wait_until

CLEAR_AND_RETITLE = "\x1b[2J\x1b]0;gehackt\x07"


def test_opening_sets_control_characters_right_and_says_so(make_app, store):
    app = make_app()
    session = app.session
    session.tables[0].participants = f"gemeente{CLEAR_AND_RETITLE}\tGGZ\nwijkteam"
    session.notes["programma"] = "\x9b31m rood"
    said = review(session, app.path)
    assert session.tables[0].participants == (
        "gemeente\\x1b[2J\\x1b]0;gehackt\\x07\tGGZ\nwijkteam"
    )
    assert session.notes["programma"] == "\\x9b31m rood"
    assert len(said) == 1 and "tables[0].participants" in said[0]
    assert "stuurtekens" in said[0] and "1 andere tekst" in said[0]


async def test_a_file_with_escape_sequences_opens_with_them_visible(make_app, store, deck):
    first = make_app()
    first.session.tables[0].participants = f"gemeente{CLEAR_AND_RETITLE}"
    first.session.progress.screen = "tafels"
    store.save(first.session, first.path)
    app = PatroonApp(deck, store, store.load(first.path), first.path, now=lambda: FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#table-participants")
        assert "\x1b" not in field.value and field.value.startswith("gemeente\\x1b[2J")
        await pilot.press("ctrl+q")
    assert "\x1b" not in store.load(first.path).tables[0].participants


async def test_a_paste_shows_its_control_characters(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "<f2>", "Notitie ", until=lambda: app.focused is not None)
        app.post_message(events.Paste(f"geplakt{CLEAR_AND_RETITLE}\nregel twee"))
        await wait_until(pilot, lambda: "regel twee" in app.screen.notes.text_area.text)
        text = app.screen.notes.text_area.text
        assert text.startswith("Notitie geplakt\\x1b[2J") and "\x1b" not in text
        assert text.endswith("\nregel twee")
