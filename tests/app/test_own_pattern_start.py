"""The own-pattern editor starts from somewhere: a deck pattern's steps ("variant van",
ctrl+t) or an own pattern of an earlier session in the folder ("uit een eerdere sessie",
ctrl+l). What was typed is replaced only after a question that keeps it by default; the
pattern taken is editable, in the file, and the earlier one keeps its identity."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from patroon_tui.core.model.session import OwnPattern, Table
from patroon_tui.core.report.network_patterns import network_patterns
from patroon_tui.core.sessionfile.folder_sessions import read_sessions
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.dialogs.own_pattern import OwnPatternScreen
from patroon_tui.dialogs.pattern_pick import PatternPickScreen
from tests.app.screen_text import screen_rows
from tests.app.test_typing import burst
from tests.waiting import until

EARLIER_UID = "p019a0b0c0d0e1f2a3b4c5d6e7f"


def editor_of(app) -> OwnPatternScreen:
    screen = app.screen
    assert isinstance(screen, OwnPatternScreen)
    return screen


async def open_editor(pilot) -> OwnPatternScreen:
    await until(pilot, lambda: pilot.app.screen.query("#tables-list"))
    await pilot.press("ctrl+o")
    await until(pilot, lambda: isinstance(pilot.app.screen, OwnPatternScreen)
                and pilot.app.screen.is_mounted)
    return editor_of(pilot.app)


async def pick(pilot, key: str, downs: int) -> PatternPickScreen:
    await pilot.press(key)
    await until(pilot, lambda: isinstance(pilot.app.screen, PatternPickScreen))
    picker = pilot.app.screen
    assert isinstance(picker, PatternPickScreen)
    for _ in range(downs):
        await pilot.press("down")
    return picker


def screen_text(app) -> str:
    return "\n".join(screen_rows(app))


def saved(store, app) -> dict:
    return tomllib.loads(app.path.read_text("utf-8"))


async def test_a_variant_starts_with_the_deck_patterns_steps_and_is_editable(make_app, deck,
                                                                               store):
    app = make_app(start_screen="tafels")
    wereldvrede = deck.pattern("wereldvrede")
    at = [p.id for p in deck.patterns].index("wereldvrede")
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot)
        picker = await pick(pilot, "ctrl+t", at)
        assert picker.labels == [p.title for p in deck.patterns]
        await pilot.press("enter")
        await until(pilot, lambda: editor.steps == list(wereldvrede.steps))
        assert editor.first_field.value == "Wereldvrede, onze versie"
        assert "variant van Wereldvrede" in str(editor.query_one("#own-heading").render())
        # The cursor is in the first step; every word typed lands there.
        await burst(pilot, " (bij ons)", until=lambda: editor.steps[0].endswith("(bij ons)"))
        assert editor.steps[0] == wereldvrede.steps[0] + " (bij ons)"
        await pilot.press("ctrl+o")
        await until(pilot, lambda: not isinstance(app.screen, OwnPatternScreen))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: saved(store, app).get("patterns"))
    pattern = saved(store, app)["patterns"][0]
    assert pattern["variant_of"] == "wereldvrede"
    assert pattern["steps"] == [wereldvrede.steps[0] + " (bij ons)", *wereldvrede.steps[1:]]
    assert saved(store, app)["tables"][0]["pattern"] == pattern["id"]


async def test_typed_steps_are_replaced_only_after_asking_and_a_letter_keeps_them(make_app,
                                                                                   deck):
    app = make_app(start_screen="tafels")
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot)
        await burst(pilot, "Ons patroon", "<enter>", "Wij bellen",
                    until=lambda: editor.steps[0] == "Wij bellen")
        await pick(pilot, "ctrl+t", 0)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        # A letter is text: it answers "Nee" and lands in the step the cursor was in.
        await burst(pilot, "!", until=lambda: editor.steps[0] == "Wij bellen!")
        assert editor_of(app).first_field.value == "Ons patroon"
        assert app.session.patterns[0].variant_of is None
        # Asked again and answered "Ja": the typed title stays, the steps are the deck's.
        await pick(pilot, "ctrl+t", 0)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("left", "enter")
        first = deck.patterns[0]
        await until(pilot, lambda: editor.steps == list(first.steps))
        assert editor.first_field.value == "Ons patroon"
        assert app.session.patterns[0].variant_of == first.id


def write_earlier(store, deck) -> None:
    earlier = store.create(title="Noord", deck=deck, date=dt.date(2026, 10, 1))
    earlier.tables = [Table(id="tafel-2", name="Tafel 2", pattern="eigen-tafel-2")]
    earlier.patterns = [OwnPattern(id="eigen-tafel-2", title="Bellen zonder antwoord",
                                   uid=EARLIER_UID, variant_of="wereldvrede",
                                   steps=["Wij bellen", "Niemand neemt op", "Wij stoppen"])]
    store.save(earlier)


async def test_an_earlier_sessions_pattern_is_taken_over_with_its_identity(make_app, deck,
                                                                            store):
    write_earlier(store, deck)
    app = make_app(start_screen="tafels")
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot)
        picker = await pick(pilot, "ctrl+l", 0)
        assert picker.labels == ["Bellen zonder antwoord · Noord, 2026-10-01"]
        await pilot.press("enter")
        await until(pilot, lambda: editor.first_field.value == "Bellen zonder antwoord")
        assert editor.steps == ["Wij bellen", "Niemand neemt op", "Wij stoppen"]
        await burst(pilot, " en mailen", until=lambda: editor.steps[0].endswith("mailen"))
        await pilot.press("ctrl+o")
        await until(pilot, lambda: not isinstance(app.screen, OwnPatternScreen))
        # Taken over once: it is no longer offered.
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, OwnPatternScreen))
        picker = await pick(pilot, "ctrl+l", 0)
        assert picker.labels == []
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, OwnPatternScreen))
        await pilot.press("ctrl+o")
        await until(pilot, lambda: not isinstance(app.screen, OwnPatternScreen))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: saved(store, app).get("patterns"))
    pattern = saved(store, app)["patterns"][0]
    assert (pattern["id"], pattern["uid"], pattern["variant_of"]) == (
        "eigen-tafel-1", EARLIER_UID, "wereldvrede")
    assert pattern["steps"][0] == "Wij bellen en mailen"
    # One pattern across the two sessions, named as in the latest.
    sessions, skipped = read_sessions(store.folder)
    assert skipped == []
    rows = [r for r in network_patterns(sessions, deck) if r.kind == "eigen"]
    assert [(r.title, r.tables, len(r.sessions)) for r in rows] == [
        ("Bellen zonder antwoord", 2, 2)]


async def test_with_no_earlier_sessions_it_says_so_and_typing_goes_on(make_app):
    app = make_app(start_screen="tafels")
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot)
        picker = await pick(pilot, "ctrl+l", 0)
        assert "geen eigen patronen" in str(picker.query_one("#pick-empty").render())
        # A letter closes the list and is text in the title, where the cursor was.
        await burst(pilot, "Wachten", until=lambda: editor.first_field.value == "Wachten")
        assert isinstance(app.screen, OwnPatternScreen)


async def test_words_typed_at_once_after_ctrl_l_all_land_in_the_field(make_app, deck, store):
    write_earlier(store, deck)
    app = make_app(start_screen="tafels")
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot)
        # The folder is read in a thread meanwhile: the keys wait, the first letter closes
        # the list, and every one is text in the title.
        await burst(pilot, "Wa", "<ctrl+l>", "chten op", "<ctrl+l>", " elkaar",
                    until=lambda: editor.first_field.value == "Wachten op elkaar"
                    and isinstance(app.screen, OwnPatternScreen))
        assert app.session.patterns[0].title == "Wachten op elkaar"
        assert app.session.patterns[0].uid != EARLIER_UID


async def test_a_letter_typed_at_once_after_ctrl_t_is_text_and_no_step_changes(make_app):
    app = make_app(start_screen="tafels")
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot)
        await burst(pilot, "<enter>", "Wij", "<ctrl+t>", " bellen",
                    until=lambda: editor.steps[0] == "Wij bellen"
                    and isinstance(app.screen, OwnPatternScreen))
        assert app.session.patterns[0].steps[0] == "Wij bellen"
        assert app.session.patterns[0].variant_of is None


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_step_with_the_cursor_is_in_sight_after_taking_a_variant(make_app, deck,
                                                                           size):
    app = make_app(start_screen="tafels")
    at = [p.id for p in deck.patterns].index("wereldvrede")
    async with app.run_test(size=size) as pilot:
        editor = await open_editor(pilot)
        await burst(pilot, "Onze vrede", until=lambda: editor.first_field.value == "Onze vrede")
        await pick(pilot, "ctrl+t", at)
        await pilot.press("enter")
        await until(pilot, lambda: editor.steps[0] == deck.pattern("wereldvrede").steps[0])
        await burst(pilot, " QQ", until=lambda: editor.steps[0].endswith(" QQ"))
        await pilot.pause()
        # What the facilitator types is on the screen, not in a field scrolled out of view.
        assert any("QQ" in row for row in screen_rows(app)), "\n".join(screen_rows(app))


async def test_at_60x20_the_list_and_the_question_show_the_whole_title(make_app, deck, store):
    earlier = store.create(title="Zuid", deck=deck, date=dt.date(2026, 10, 1))
    earlier.patterns = [OwnPattern(
        id="eigen-tafel-1", title="Bellen zonder antwoord en dan nog een hele tijd wachten",
        uid=EARLIER_UID, steps=["Wij bellen", "Niemand neemt op"])]
    store.save(earlier)
    app = make_app(start_screen="tafels")
    async with app.run_test(size=(60, 20)) as pilot:
        editor = await open_editor(pilot)
        await burst(pilot, "Ons patroon", until=lambda: editor.first_field.value == "Ons patroon")
        await pick(pilot, "ctrl+l", 0)
        assert "Bellen zonder antwoord en dan nog een hele tijd" in screen_text(app)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.pause()
        shown = screen_text(app)
        # Every word of the question in sight, the dialog's frame inside the screen.
        flat = " ".join(shown.replace("█", " ").split())
        assert ("Wat er staat vervangen door ‘Bellen zonder antwoord en dan nog een hele "
                "tijd wachten’?") in flat
        assert "Esc of verder typen: Nee." in flat
        assert all(row.rstrip().endswith("█") for row in screen_rows(app)
                   if row.lstrip().startswith("█"))
        await burst(pilot, "!", until=lambda: editor.first_field.value == "Ons patroon!")


async def test_the_question_quotes_a_title_with_brackets_whole(make_app, deck, store):
    # A title is what someone typed: "[IT]" in it is text, not markup that drops it.
    earlier = store.create(title="Noord", deck=deck, date=dt.date(2026, 10, 1))
    earlier.tables = [Table(id="tafel-2", name="Tafel 2", pattern="eigen-tafel-2")]
    earlier.patterns = [OwnPattern(id="eigen-tafel-2", title="Wachten op [IT] en [$geld]",
                                   uid=EARLIER_UID, steps=["Wij bellen", "Wij stoppen"])]
    store.save(earlier)
    app = make_app(start_screen="tafels")
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot)
        await burst(pilot, "Ons", until=lambda: editor.first_field.value == "Ons")
        await pick(pilot, "ctrl+l", 0)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await until(pilot, lambda: "‘Wachten op [IT] en [$geld]’?" in screen_text(app))
