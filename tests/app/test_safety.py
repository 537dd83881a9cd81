"""A session open elsewhere opens read-only; a failing disk never loses the text in memory."""

from __future__ import annotations

import errno
import os

from patroon_tui.core.sessionfile import store as store_module
from patroon_tui.dialogs.choice import ChoiceDialog
from patroon_tui.screens.programme import ProgrammeScreen
from tests.waiting import until as wait_until


async def test_locked_session_offers_read_only(make_app, store):
    app = make_app()
    lock = store.lock(app.path)  # another window has it open
    before = app.path.read_bytes()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            dialog = app.screen
            assert isinstance(dialog, ChoiceDialog)
            assert f"(proces {os.getpid()})" in dialog.text
            assert "al geopend in een ander venster" in dialog.text
            await pilot.press("enter")  # Alleen lezen (it has the cursor)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ProgrammeScreen) and screen.read_only
            assert app.save_state == "read_only"
            # Everything is shown; typing changes nothing and nothing is saved.
            await pilot.press("f2", "x", "y", "escape", "right", "ctrl+s")
            assert screen.notes.text_area.text == ""
            assert screen.current.id == "hetzelfde-gesprek"
            # Recording screens: nothing can be changed, everything stays legible.
            await pilot.press("f9")
            await pilot.pause()
            assert screen.body.disabled and app.focused is None
            fields = list(screen.body.query("Input, TextArea"))
            assert fields and all(f.styles.opacity == 1.0 for f in fields)
            # Nothing in the form is faded, its containers included (that would fade all).
            faded = [w for w in screen.body.walk_children(with_self=True) if w.styles.opacity < 1]
            assert faded == []
            await pilot.press("ctrl+q")
    finally:
        lock.release()
    assert app.path.read_bytes() == before


async def test_locked_session_back_goes_to_the_start_screen(make_app, store):
    app = make_app()
    lock = store.lock(app.path)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("down", "enter")  # Terug
            await pilot.pause()
            assert app.screen.id == "start"
    finally:
        lock.release()


async def test_failing_disk_keeps_text_and_retries(make_app, store, monkeypatch):
    app = make_app()
    before = app.path.read_bytes()
    real_replace = os.replace

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(store_module.os, "replace", disk_full)
        await pilot.press("f2", "h", "o", "i", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.save_state == "error"
        assert "de schijf is vol" in app.autosave.error
        assert app.session.notes["programma"] == "hoi"
        assert app.path.read_bytes() == before
        assert not app.return_code  # still running

        # Quitting while the disk is full asks first; "Niet stoppen" keeps the app open.
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ProgrammeScreen)

        monkeypatch.setattr(store_module.os, "replace", real_replace)
        await pilot.press("!", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.save_state == "saved"
        assert store.load(app.path).notes["programma"] == "hoi!"
        await pilot.press("ctrl+q")


async def test_failing_disk_retries_by_itself(make_app, store, monkeypatch):
    from patroon_tui.app import autosave

    monkeypatch.setattr(autosave, "RETRY_SECONDS", 0.2)
    app = make_app()
    failures = []
    real_replace = os.replace

    def fail_once(*args, **kwargs):
        if not failures:
            failures.append(1)
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(*args, **kwargs)

    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(store_module.os, "replace", fail_once)
        await pilot.press("f2", "o", "k", "ctrl+s")
        await wait_until(pilot, lambda: failures and app.save_state == "saved")
        assert failures and app.save_state == "saved"
        assert store.load(app.path).notes["programma"] == "ok"
        await pilot.press("ctrl+q")


async def test_quit_right_after_typing_keeps_the_last_letters(make_app, store):
    from textual import events

    app = make_app(start_screen="tafels")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f9")
        # f9 moves the cursor once the tables screen has laid out its form.
        await wait_until(pilot, lambda: (app.focused.id or "").startswith("answer-"))
        field = app.focused
        assert field is not None and field.id.startswith("answer-")
        # The letters are still queued in the field when ctrl+q is handled.
        for char in "wacht op":
            field.post_message(events.Key("space" if char == " " else char, char))
        await app.action_quit()
    table = store.load(app.path).tables[0]
    assert "wacht op" in table.answers[field.id.removeprefix("answer-")]
