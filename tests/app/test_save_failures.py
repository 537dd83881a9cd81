"""A save can never die quietly: any error in the writer is shown, retried, and quitting
offers only safe ways out (try again, a copy elsewhere, or a confirmed quit)."""

from __future__ import annotations

import time

import pytest

from patroon_tui.app import autosave as autosave_module
from patroon_tui.app.autosave import DEBOUNCE_SECONDS
from patroon_tui.core.sessionfile.store import SessionStore, loads_session
from patroon_tui.dialogs.choice import ChoiceDialog
from patroon_tui.dialogs.confirm import ConfirmScreen
from patroon_tui.screens.programme import ProgrammeScreen
from patroon_tui.widgets.save_indicator import SaveIndicator
from tests.app.test_typing import burst
from tests.platforms import SYSTEMS
from tests.waiting import until


def notices_of(app) -> list[tuple[str, str]]:
    notices: list[tuple[str, str]] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        notices.append((str(kwargs.get("title", "")), str(message)))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return notices


def broken_writer(store: SessionStore, monkeypatch, error: Exception) -> list[int]:
    """Make every save of ``store`` raise ``error`` (a bug nobody foresaw); returns the
    list that counts the attempts."""
    attempts: list[int] = []

    def boom(*args, **kwargs):
        attempts.append(1)
        raise error

    monkeypatch.setattr(store, "save", boom)
    return attempts


def indicator(app) -> str:
    return str(app.screen.query_one(SaveIndicator).render())


def rescued(store: SessionStore) -> list:
    folder = store.folder.parent / "patroon-redding"
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


async def test_an_unexpected_error_in_the_writer_is_shown_and_retried(make_app, store, monkeypatch):
    monkeypatch.setattr(autosave_module, "RETRY_SECONDS", 0.2)
    app = make_app()
    before = app.path.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        notices = notices_of(app)
        attempts = broken_writer(store, monkeypatch, OverflowError("date value out of range"))
        await burst(pilot, "<f2>", "De zaal noemt", "<ctrl+s>",
                    until=lambda: app.save_state == "error")
        assert app.save_state == "error"
        assert "niet opgeslagen" in indicator(app)
        assert "onverwachte fout (OverflowError: date value out of range)" in app.autosave.error
        assert any(title == "Niet opgeslagen" for title, _ in notices)
        assert app.session.notes["programma"] == "De zaal noemt"
        assert app.path.read_bytes() == before
        # Saving is not switched off: it is tried again by itself …
        tried = len(attempts)
        await until(pilot, lambda: len(attempts) > tried)
        assert len(attempts) > tried
        # … and once the writer works again, everything reaches the file without a key.
        monkeypatch.undo()
        await until(pilot, lambda: app.save_state == "saved")
        assert app.save_state == "saved"
        assert store.load(app.path).notes["programma"] == "De zaal noemt"
        await pilot.press("ctrl+q")


async def test_the_header_says_whether_the_file_holds_what_was_typed(make_app, store,
                                                                    monkeypatch):
    """Opgeslagen, gewijzigd, opslaan…, niet opgeslagen: one state, what the saves did.
    A failed save stays said while typing goes on, until a save works again."""
    import threading

    # Saves come only from ctrl+s here, so each state can be seen before the next.
    monkeypatch.setattr(autosave_module, "DEBOUNCE_SECONDS", 3600)
    monkeypatch.setattr(autosave_module, "MAX_DIRTY_SECONDS", 3600)
    monkeypatch.setattr(autosave_module, "RETRY_SECONDS", 3600)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert indicator(app) == "✓ opgeslagen"
        await burst(pilot, "<f2>", "eerst", until=lambda: "gewijzigd" in indicator(app))
        assert indicator(app) == "● gewijzigd"
        # A save under way: the writer waits until the test lets it go.
        go_on = threading.Event()
        save = store.save

        def slow_save(*args, **kwargs):
            go_on.wait(10)
            return save(*args, **kwargs)

        monkeypatch.setattr(store, "save", slow_save)
        await burst(pilot, "<ctrl+s>", until=lambda: "opslaan" in indicator(app))
        assert indicator(app) == "… opslaan…"
        go_on.set()
        await until(pilot, lambda: indicator(app) == "✓ opgeslagen")
        assert b"eerst" in app.path.read_bytes()
        broken_writer(store, monkeypatch, RuntimeError("kapot"))
        await burst(pilot, " dan", "<ctrl+s>", until=lambda: "niet" in indicator(app))
        await burst(pilot, " meer", until=lambda: app.screen.notes.text_area.text.endswith("meer"))
        assert indicator(app) == "✗ niet opgeslagen"  # typed on: still not on disk
        monkeypatch.setattr(store, "save", save)
        await burst(pilot, "<ctrl+s>", until=lambda: indicator(app) == "✓ opgeslagen")
        assert store.load(app.path).notes["programma"] == "eerst dan meer"
        await pilot.press("ctrl+q")


async def test_a_failing_flush_is_reported_not_fatal(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        def broken() -> bool:
            raise RuntimeError("widget kwijt")

        app.autosave.flushers.append(broken)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.save_state == "error"
        assert "RuntimeError: widget kwijt" in app.autosave.error
        app.autosave.flushers.remove(broken)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.save_state == "saved"
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_quit_while_saving_fails_offers_a_copy_elsewhere(make_app, store, monkeypatch):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        broken_writer(store, monkeypatch, ValueError("kapot"))
        await burst(pilot, "<f2>", "Alles wat de zaal zei", "<ctrl+q>",
                    until=lambda: isinstance(app.screen, ChoiceDialog))
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "staat alleen nog in het geheugen" in dialog.text
        # A reflex enter keeps the app open (the first answer is "Niet stoppen").
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProgrammeScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # "Kopie elders opslaan en stoppen"
        await pilot.pause()
    assert app.return_code == 1
    copies = rescued(store)
    assert len(copies) == 1
    assert copies[0].stat().st_mode & 0o777 == 0o600
    copy = loads_session(copies[0].read_text(encoding="utf-8"), str(copies[0]))
    assert copy.notes["programma"] == "Alles wat de zaal zei"
    assert str(copies[0]) in app.rescue_message


async def test_quit_without_saving_asks_again_and_defaults_to_no(make_app, store, monkeypatch):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        broken_writer(store, monkeypatch, RuntimeError("kapot"))
        await burst(pilot, "<f2>", "woorden", "<ctrl+q>",
                    until=lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("down", "down", "down", "enter")  # "Stoppen zonder opslaan"
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # "Nee" has the cursor
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ProgrammeScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        await pilot.press("left", "enter")
        await pilot.pause()
    assert app.return_code == 1
    assert rescued(store) == []


async def test_retry_from_the_quit_question_saves_and_ends(make_app, store, monkeypatch):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        broken_writer(store, monkeypatch, RuntimeError("kapot"))
        await burst(pilot, "<f2>", "bijna", "<ctrl+q>",
                    until=lambda: isinstance(app.screen, ChoiceDialog))
        monkeypatch.undo()  # the stick is back in
        await pilot.press("down", "enter")  # "Opnieuw proberen op te slaan"
        await until(pilot, lambda: not app.is_running)
    assert app.return_code == 0
    assert store.load(app.path).notes["programma"] == "bijna"


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
async def test_an_app_that_goes_away_unsaved_leaves_a_copy(make_app, store, monkeypatch, system):
    """The terminal closes or the app is stopped while saving fails: a copy is kept."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        broken_writer(store, monkeypatch, RuntimeError("kapot"))
        await burst(pilot, "<f2>", "laatste woorden",
                    until=lambda: app.session.notes.get("programma") == "laatste woorden")
        app.exit()
    copies = rescued(store)
    assert len(copies) == 1
    assert "laatste woorden" in copies[0].read_text(encoding="utf-8")
    assert "Een kopie van de sessie staat in" in app.rescue_message


def changed_by_someone_else(path) -> bytes:
    """A hand edit of the open session file, as another program would make it."""
    text = path.read_text(encoding="utf-8").replace('title = "Wijkteam Noord"',
                                                    'title = "Wijkteam Noord (bewerkt)"')
    path.write_text(text, encoding="utf-8")
    return text.encode("utf-8")


def kept_versions(store) -> list:
    folder = store.folder / "bewaard"
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


async def test_a_file_changed_elsewhere_is_not_overwritten_without_asking(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "<f2>", "eerst", "<ctrl+s>",
                    until=lambda: app.save_state == "saved" and b"eerst" in app.path.read_bytes())
        theirs = changed_by_someone_else(app.path)
        await burst(pilot, " en meer", "<ctrl+s>",
                    until=lambda: isinstance(app.screen, ChoiceDialog))
        dialog = app.screen
        assert dialog.id == "other-version" and "gewijzigd" in dialog.text
        assert app.path.read_bytes() == theirs
        await pilot.press("down", "enter")  # later: nothing is written, nothing is asked meanwhile
        await pilot.pause()
        assert app.path.read_bytes() == theirs
        await burst(pilot, "!", until=lambda: app.screen.notes.text_area.text.endswith("!"))
        # Nothing can be waited for here: the check is that no save comes. Long enough for
        # the autosave to have saved the "!" had it been free to (its pause, then a tick).
        typed = time.monotonic()
        await until(pilot, lambda: time.monotonic() - typed > DEBOUNCE_SECONDS + 0.5)
        assert app.path.read_bytes() == theirs and isinstance(app.screen, ProgrammeScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.id == "other-version"
        await pilot.press("enter")  # mine (it has the cursor), with theirs kept
        await until(pilot, lambda: app.save_state == "saved")
        assert store.load(app.path).notes["programma"] == "eerst en meer!"
        (kept,) = kept_versions(store)
        assert kept.read_bytes() == theirs
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_quit_keeps_both_versions_without_asking(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "<f2>", "eerst", "<ctrl+s>",
                    until=lambda: app.save_state == "saved" and b"eerst" in app.path.read_bytes())
        theirs = changed_by_someone_else(app.path)
        await burst(pilot, " en dan", "<ctrl+q>", until=lambda: not app.is_running)
    assert store.load(app.path).notes["programma"] == "eerst en dan"
    (kept,) = kept_versions(store)
    assert kept.read_bytes() == theirs
    assert app.kept_versions == [kept]


async def test_the_question_about_the_other_version_waits_for_a_pause_in_typing(
        make_app, store, monkeypatch):
    import asyncio

    from textual import events

    # Typing longer than the autosave lets it go unsaved is what matters, not how long
    # that is: a shorter limit, a shorter text.
    monkeypatch.setattr(autosave_module, "MAX_DIRTY_SECONDS", 1.5)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "<f2>", "eerst", "<ctrl+s>",
                    until=lambda: app.save_state == "saved" and b"eerst" in app.path.read_bytes())
        changed_by_someone_else(app.path)
        programme = app.screen
        # Typing on at a typist's pace, longer than the autosave lets typing go unsaved: it
        # finds the other version, and its question must not take the letters typed then.
        text = " en dan gaan we verder" * 3
        typed = time.monotonic()
        for char in text:
            app.post_message(events.Key("space" if char == " " else char, char))
            await asyncio.sleep(0.04)  # the typist's pace, not a wait for the app
            assert not isinstance(app.screen, ChoiceDialog)
        assert time.monotonic() - typed > autosave_module.MAX_DIRTY_SECONDS + 1
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert app.screen.id == "other-version"
        assert programme.notes.text_area.text == "eerst" + text
        await pilot.press("enter")  # "Mijn versie opslaan" has the cursor
        await until(pilot, lambda: app.save_state == "saved")
        await pilot.press("ctrl+q")
    assert store.load(app.path).notes["programma"] == "eerst" + text
