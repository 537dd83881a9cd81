"""The look back ("Terugblik") of a follow-up session: statuses, notes, arrival, the room."""

from __future__ import annotations

import datetime as dt
import re

from patroon_tui.app import PatroonApp
from patroon_tui.core.model.session import FirstStep, Principle, Table, new_session
from patroon_tui.core.sessionfile.follow_up_file import create_follow_up
from patroon_tui.screens.programme import ProgrammeScreen
from patroon_tui.widgets.review import ReviewNote, ReviewPanel, StatusChoice
from tests.app.conftest import FIXED_NOW
from tests.app.screen_text import screen_rows
from tests.app.test_typing import burst
from tests.waiting import until

EARLIER = "2026-11-28-noord"


def screen_text(app) -> str:
    return "\n".join(screen_rows(app))


def earlier_session(store):
    """An earlier session with 3 principles and 4 first steps, saved in ``store``."""
    session = new_session(session_id=EARLIER, title="Noord", date=dt.date(2026, 11, 28))
    session.tables = [Table(id="tafel-1", name="De ouders")]
    session.principles = [Principle(text=f"Principe {n}") for n in range(1, 4)]
    session.first_steps = [FirstStep(text=f"Stap {n}", owner=f"Eigenaar {n}", table="tafel-1")
                           for n in range(1, 5)]
    store.save(session, store.path_for(EARLIER), new=True)
    return session


def follow_up_app(store, deck, earlier=None, **kwargs) -> PatroonApp:
    follow = create_follow_up(store, earlier or earlier_session(store), deck,
                              date=dt.date(2027, 1, 10))
    return PatroonApp(deck, store, follow, store.path_for(follow.session.id),
                      now=lambda: FIXED_NOW, **kwargs)


def review_shown(app) -> bool:
    screen = app.screen
    return isinstance(screen, ProgrammeScreen) and screen.current.id == "terugblik" \
        and isinstance(app.focused, ReviewNote)


async def test_a_follow_up_opens_on_the_look_back_typing_lands_in_the_first_note(store, deck):
    app = follow_up_app(store, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "Twee keer geweest",
                    until=lambda: app.session.first_steps[0].review == "Twee keer geweest")
        assert review_shown(app)
        await burst(pilot, "<ctrl+t>", until=lambda: app.session.first_steps[0].status)
        assert app.session.first_steps[0].status == "gedaan"
        await burst(pilot, "<ctrl+t>", until=lambda: app.session.first_steps[0].status == "loopt")
        text = screen_text(app)
        assert "Stap 1" in text and "Eigenaar 1" in text and "De ouders" in text
        assert "Ctrl+T" in text or "^t" in text  # the footer names the key
        await pilot.press("ctrl+q")
    saved = store.load(app.path)
    assert saved.first_steps[0].review == "Twee keer geweest"
    assert saved.first_steps[0].status == "loopt"
    assert saved.session.previous == EARLIER
    assert [s.uid for s in saved.first_steps] == ["f-1", "f-2", "f-3", "f-4"]


async def test_tab_goes_from_note_to_note_and_ctrl_t_follows_the_cursor(store, deck):
    app = follow_up_app(store, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: review_shown(app))
        for _ in range(4):  # past the four steps to the first principle
            await burst(pilot, "<tab>")
        note = app.focused
        assert isinstance(note, ReviewNote) and (note.kind, note.index) == ("principles", 0)
        await burst(pilot, "Blijft", "<ctrl+t>", "<ctrl+t>",
                    until=lambda: app.session.principles[0].status == "aanpassen")
        assert app.session.principles[0].review == "Blijft"
        assert app.session.first_steps[0].status is None
        for _ in range(2):  # after the last status: none again
            await burst(pilot, "<ctrl+t>")
        assert app.session.principles[0].status is None
        choice = next(c for c in app.query(StatusChoice) if c.kind == "principles")
        assert choice.index == -1


async def test_resumed_it_arrives_in_the_note_typed_in_last(store, deck):
    app = follow_up_app(store, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: review_shown(app))
        await burst(pilot, "<tab>", "<tab>", "Derde",
                    until=lambda: app.session.first_steps[2].review == "Derde")
        await pilot.press("ctrl+q")
    again = PatroonApp(deck, store, store.load(app.path), app.path, now=lambda: FIXED_NOW)
    async with again.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: review_shown(again))
        note = again.focused
        assert isinstance(note, ReviewNote) and note.index == 2
        await burst(pilot, "!", until=lambda: again.session.first_steps[2].review == "Derde!")
        await pilot.press("ctrl+q")


async def test_the_look_back_is_in_the_agenda_and_turns_to_the_programme(store, deck):
    app = follow_up_app(store, deck)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: review_shown(app))
        assert "Terugblik" in screen_text(app)
        await pilot.press("pagedown")
        await until(pilot, lambda: app.screen.current.id == "programma")
        await pilot.press("pageup")
        await until(pilot, lambda: review_shown(app))
        await pilot.press("ctrl+q")


async def test_a_plain_session_has_no_look_back(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ProgrammeScreen))
        assert all(s.kind != "review" for s in app.screen.deck.screens)
        assert not app.query(ReviewPanel)
        await pilot.press("ctrl+q")


async def test_the_room_sees_steps_and_statuses_never_the_notes_unless_f10(store, deck):
    import os

    from patroon_tui.core.room import room_files as room
    from patroon_tui.core.room.room_files import RoomState

    def state() -> RoomState | None:
        path = room.room_path(app.path)
        return RoomState.from_json(path.read_bytes()) if path.exists() else None

    def seen() -> str:
        current = state()
        shown = current.shown if current is not None else None
        return "" if shown is None else "\n".join(f"{a}\n{b}" for a, b in shown.items)

    app = follow_up_app(store, deck)
    room.presence_path(app.path, os.getpid()).write_text(str(os.getpid()), encoding="ascii")
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: "Stap 1" in seen())
        assert "Principe 3" in seen() and "nog geen stand" in seen()
        await burst(pilot, "Geheim verhaal", "<ctrl+t>", until=lambda: "gedaan" in seen())
        assert "Eigenaar 1" in seen()
        assert "Geheim" not in seen()
        await burst(pilot, "<f10>", until=lambda: "Geheim verhaal" in seen())
        await burst(pilot, "<f10>", until=lambda: "Geheim" not in seen())
        await pilot.press("pagedown")
        await until(pilot, lambda: state() is not None and state().screen == "programma")
        assert seen() == ""
        await pilot.press("ctrl+q")


async def test_a_follow_up_from_the_start_screen_opens_on_the_look_back(store, deck):
    earlier_session(store)
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.id == "start"
        await pilot.press("ctrl+r")  # nothing chosen yet: it says how
        await pilot.press("ctrl+o", "ctrl+r")
        await until(pilot, lambda: review_shown(app))
        await burst(pilot, "Gelukt", until=lambda: app.session.first_steps[0].review == "Gelukt")
        assert app.session.session.previous == EARLIER
        assert app.session.session.date == FIXED_NOW.date()
        await pilot.press("ctrl+q")
    assert store.load(app.path).first_steps[0].review == "Gelukt"


async def test_the_palette_offers_the_follow_up_on_the_start_screen(store, deck):
    earlier_session(store)
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await burst(pilot, "<ctrl+p>")
        await burst(pilot, "Vervolgsessie", "<enter>", until=lambda: review_shown(app))
        await pilot.press("ctrl+q")


async def test_at_60x20_the_first_step_its_statuses_and_its_note_are_in_sight(store, deck):
    app = follow_up_app(store, deck)
    async with app.run_test(size=(60, 20)) as pilot:
        await until(pilot, lambda: review_shown(app))
        await burst(pilot, "<ctrl+t>", until=lambda: app.session.first_steps[0].status)
        rows = screen_rows(app)
        text = "\n".join(rows)
        assert "1. Stap 1" in text and "door Eigenaar 1 · tafel De ouders" in text
        for status in ("gedaan", "loopt", "vastgelopen", "niet begonnen", "losgelaten"):
            assert any(status in row for row in rows), status  # no word cut across rows
        note = app.focused
        assert note is not None and app.screen.region.contains_region(note.region)
        await pilot.press("ctrl+q")


async def test_the_summary_of_a_follow_up_and_the_help_name_the_look_back(store, deck):
    from patroon_tui.app.help import help_sections

    app = follow_up_app(store, deck, start_screen="samenvatting")
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: "Sinds de vorige keer" in screen_text(app))
        assert "Stap 1" in screen_text(app)
        # The help (f1) is made from the programme the session runs.
        titles = [title for title, _ in help_sections(app.BINDINGS, app.programme.deck)]
        assert "Op het scherm ‘Terugblik’" in titles
        await pilot.press("ctrl+q")


async def test_the_help_on_the_start_screen_names_the_follow_up_key(store, deck):
    earlier_session(store)
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(100, 45)) as pilot:
        await pilot.press("ctrl+o", "f1")
        await until(pilot, lambda: "Op het startscherm" in screen_text(app))
        rows = screen_rows(app)
        assert any("Ctrl+R" in row and "Vervolgsessie" in row for row in rows)
        assert any("F5" in row and "Publieksvenster" in row for row in rows)
        await pilot.press("escape", "ctrl+r")
        await until(pilot, lambda: review_shown(app))
        await pilot.press("ctrl+q")


def rows_under(app, label: str) -> str:
    """The screen's rows from the one with ``label`` to the next numbered record."""
    rows = screen_rows(app)
    at = next(n for n, row in enumerate(rows) if label in row)
    end = next((n for n in range(at + 1, len(rows))
                if re.match(r"\s*\d+\. ", rows[n])), len(rows))
    return "\n".join(rows[at:end])


async def test_a_step_agreed_today_is_not_looked_back_on(store, deck):
    app = follow_up_app(store, deck)
    app.session.first_steps.append(FirstStep(text="Vandaag bedacht", owner="Zelf"))
    app.session.principles.append(Principle(text="Nieuw principe"))
    async with app.run_test(size=(100, 60)) as pilot:
        await until(pilot, lambda: review_shown(app))
        text = screen_text(app)
        assert "4. Stap 4" in text and "3. Principe 3" in text
        assert "Vandaag bedacht" not in text and "Nieuw principe" not in text
        # Nor does the room see it there.
        from patroon_tui.core.room.looked_back import looked_back

        labels = [label for label, _ in looked_back(app.session, notes=True)]
        assert "Stap 4" in labels and "Principe 3" in labels
        assert "Vandaag bedacht" not in labels and "Nieuw principe" not in labels
        await pilot.press("ctrl+q")


async def test_steps_moved_on_their_own_screen_keep_their_notes_under_their_names(store, deck):
    app = follow_up_app(store, deck)
    async with app.run_test(size=(100, 60)) as pilot:
        await burst(pilot, "Over een", until=lambda: app.session.first_steps[0].review == "Over een")
        # On the first steps screen the first step moves down one (alt+↓).
        app.programme.go_to("eerste-stappen")
        await until(pilot, lambda: app.programme.current.id == "eerste-stappen"
                    and app.focused is not None and "Stap 1" in screen_text(app))
        await burst(pilot, "<alt+down>",
                    until=lambda: app.session.first_steps[1].text == "Stap 1")
        app.programme.go_to("terugblik")
        await until(pilot, lambda: review_shown(app) and "2. Stap 1" in screen_text(app))
        assert "Over een" in rows_under(app, "2. Stap 1")
        assert "Over een" not in rows_under(app, "1. Stap 2")
        await pilot.press("ctrl+q")
    saved = store.load(app.path)
    assert [(s.text, s.review) for s in saved.first_steps[:2]] == [
        ("Stap 2", None), ("Stap 1", "Over een")]


async def test_a_carried_steps_table_name_is_shown_as_typed_on_the_first_steps(store, deck):
    # The table's name is what someone typed: "[B]" in it is text, not markup.
    earlier = new_session(session_id=EARLIER, title="Noord", date=dt.date(2026, 11, 28))
    earlier.tables = [Table(id="tafel-1", name="Groep [B]")]
    earlier.first_steps = [FirstStep(text="Bellen", owner="Ans", table="tafel-1")]
    store.save(earlier, store.path_for(EARLIER), new=True)
    app = follow_up_app(store, deck, earlier)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(pilot, lambda: review_shown(app))
        app.programme.go_to("eerste-stappen")
        await until(pilot, lambda: app.programme.current.id == "eerste-stappen"
                    and "Bellen" in screen_text(app))
        await until(pilot, lambda: "(Groep [B])" in screen_text(app))
        await pilot.press("ctrl+q")


async def test_a_link_at_the_follow_ups_name_is_passed_over(store, deck):
    # A link that points nowhere, at the name the follow-up would get: it is written
    # under the next free name rather than tried for ever (the window hung).
    import os

    earlier_session(store)
    taken = store.path_for(f"{FIXED_NOW.date().isoformat()}-noord-vervolg")
    os.symlink(store.folder / "nergens", taken)
    # The name is taken (asked first: without this the window below never answers).
    assert store.unique_id("Noord (vervolg)", FIXED_NOW.date()) == f"{taken.stem}-2"
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o", "ctrl+r")
        await until(pilot, lambda: review_shown(app))
        assert app.path == store.path_for(f"{FIXED_NOW.date().isoformat()}-noord-vervolg-2")
        await pilot.press("ctrl+q")
    assert taken.is_symlink() and not taken.exists()


async def test_ctrl_r_pressed_twice_makes_one_follow_up_and_typing_lands(store, deck):
    # The second press was read before the first had opened the follow-up: it made a
    # second file and ended the app with a traceback, and the words typed were gone.
    earlier_session(store)
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.id == "start")
        await burst(pilot, "<ctrl+o>", "<ctrl+r>", "<ctrl+r>", "Gelukt",
                    until=lambda: app.session is not None
                    and app.session.first_steps[0].review == "Gelukt")
        assert review_shown(app)
        await pilot.press("ctrl+q")
    follow = f"{FIXED_NOW.date().isoformat()}-noord-vervolg.toml"
    assert sorted(p.name for p in store.folder.glob("*.toml")) == sorted(
        [f"{EARLIER}.toml", follow])
