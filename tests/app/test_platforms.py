"""The app as on Windows and macOS (``tests/platforms.py``): the audience window follows a
page turn while its room file is held open, the keys a laptop without an external
keyboard has do what the footer and help say, and the bytes a Mac's terminals send for
them (in a real terminal) turn pages or stay text. The other flows (start, typing, save, quit,
resume, merge, export, a rescue copy) run "as on" each system in their own test files,
parametrized with ``system``."""

from __future__ import annotations

import os
import select
import termios
import time
from contextlib import contextmanager

import pytest
from textual.command import CommandPalette

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import FirstStep
from patroon_tui.core.platform import REPLACE_WAITS
from patroon_tui.core.room import room_files as room
from patroon_tui.core.sessionfile.store import SessionStore, loads_session
from patroon_tui.dialogs.choice import ChoiceDialog
from patroon_tui.widgets.first_steps import StepText
from patroon_tui.widgets.loop_view import LoopView
from tests.app.conftest import reopen
from tests.app.screen_text import screen_rows
from tests.app.test_audience import Clocks, audience, follow, room_state
from tests.app.test_signals import F2, read_until, start_app, wait_for_end
from tests.app.test_typing import burst, palette_offers
from tests.platforms import SYSTEMS
from tests.waiting import until


@contextmanager
def held_open(system, path):
    """Another program reads ``path`` and keeps it open (on Windows: a replace waits)."""
    if system is not None and hasattr(system, "hold_open"):
        with system.hold_open(path):
            yield
    else:
        with open(path, "rb"):
            yield


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
async def test_the_room_follows_a_page_turn_while_the_room_file_is_held_open(
        make_app, deck, system):
    app = make_app()
    clocks = Clocks()
    viewer = audience(deck, app, clocks)
    ids = [s.id for s in deck.screens]
    async with viewer.run_test(size=(120, 36)) as viewing:
        screen = viewer.screen
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: room_state(app) is not None)
            path = room.room_path(app.path)
            if system is not None and hasattr(system, "hold_open_for"):
                # The audience window in the middle of a read, in its own process.
                system.hold_open_for(path, 0.05)
            await pilot.press("pagedown")
            await until(pilot, lambda: room_state(app).screen == ids[1])
            await follow(viewing, screen, clocks)
            assert screen.screen_id == ids[1]
            # Held for longer than a replace waits: the room catches up once it is let go.
            with held_open(system, path):
                await pilot.press("pagedown")
                await pilot.pause()
            await until(pilot, lambda: room_state(app).screen == ids[2])
            await follow(viewing, screen, clocks)
            assert screen.following and screen.screen_id == ids[2]
            await pilot.press("ctrl+q")
        await viewing.press("ctrl+q")
    if system is not None and system.name == "windows":
        assert system.refused > 0  # the simulation did refuse replaces


# -- keys on every laptop ------------------------------------------------------------------


async def palette(pilot, app, title: str) -> None:
    """ctrl+p, ``title`` typed, enter: a command on every laptop."""
    await pilot.press("ctrl+p")
    await burst(pilot, title)
    await until(pilot, lambda: palette_offers(app, title))
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(app.screen, CommandPalette))


async def test_the_tables_and_the_marked_step_without_ctrl_arrows(make_app, deck):
    # On a Mac ctrl+↑/↓ open Mission Control: the palette has their commands.
    app = make_app(start_screen="tafels")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+n")
        await until(pilot, lambda: len(app.session.tables) == 2)
        await until(pilot, lambda: app.session.progress.table == app.session.tables[1].id)
        await palette(pilot, app, "Vorige tafel")
        await until(pilot, lambda: app.session.progress.table == app.session.tables[0].id)
        await palette(pilot, app, "Volgende tafel")
        await until(pilot, lambda: app.session.progress.table == app.session.tables[1].id)
        await burst(pilot, "Getypt na de palet")
        await until(pilot, lambda: app.session.tables[1].participants.endswith("Getypt na de palet"))
        pattern = next(s for s in deck.screens if s.kind == "pattern")
        app.programme.go_to(pattern.id)
        await pilot.pause()
        await palette(pilot, app, "Volgende stap markeren")
        await palette(pilot, app, "Volgende stap markeren")
        await until(pilot, lambda: app.programme.body.query_one(LoopView).highlight == 2)
        await palette(pilot, app, "Vorige stap markeren")
        await until(pilot, lambda: app.programme.body.query_one(LoopView).highlight == 1)
        await pilot.press("ctrl+q")


async def test_help_names_the_fn_keys_of_a_macbook(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await until(pilot, lambda: "fn+F2" in "\n".join(screen_rows(app)))
        text = " ".join(" ".join(screen_rows(app)).split())
        assert "Mission Control" in text and "ctrl+p" in text
        # The palette has what ctrl+↑/↓ do, not every command (f8, ctrl+t, … are not in it).
        assert "wat die doen, vind je ook met ctrl+p" in text and "Elke opdracht" not in text
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_the_macbook_note_of_the_help_can_be_read_whole_at_60x20(make_app):
    # The help's notes scroll with its keys: pinned above them they left two rows at 60x20.
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f1")
        await until(pilot, lambda: "Help: alle toetsen" in "\n".join(screen_rows(app)))
        for _ in range(30):
            text = " ".join(" ".join(screen_rows(app)).split())
            if "Op een MacBook" in text and "(Zoeken)." in text:
                break
            await pilot.press("down")
            await pilot.pause()
        assert "Op een MacBook" in text and "(Zoeken)." in text
        await pilot.press("escape")
        await pilot.press("ctrl+q")


# -- keys as a Mac's terminals send them, in a real terminal ----------------------------------

#: iTerm2's Option+→: Alt+→, a page turn.
ITERM2_OPTION_RIGHT = b"\x1b[1;3C"
#: macOS Terminal's fn+shift+↓ (PageDown with Shift; without it Terminal scrolls itself).
TERMINAL_FN_SHIFT_DOWN = b"\x1b[6~"
#: macOS Terminal's Option+→: Esc and f, which is what a fast Esc, f sends too.
TERMINAL_OPTION_RIGHT = b"\x1bf"


def test_the_keys_of_a_macs_terminals_turn_pages_and_a_letter_stays_text(tmp_path):
    deck = load_deck()
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Mac", deck=deck)
    ids = [s.id for s in deck.screens]
    pid, fd = start_app(store, session.session.id)
    try:
        read_until(fd, "Volgende".encode())
        os.write(fd, F2)
        read_until(fd, "esc terug".encode())
        for chunk in (b"een", ITERM2_OPTION_RIGHT, b"twee", TERMINAL_FN_SHIFT_DOWN, b"drie",
                      TERMINAL_OPTION_RIGHT, b"vier EINDE"):
            os.write(fd, chunk)
        read_until(fd, b"EINDE")
        os.write(fd, b"\x11")  # ctrl+q
        assert wait_for_end(pid, fd) == 0
    finally:
        os.close(fd)
    saved = store.load(session.session.id)
    assert saved.progress.screen == ids[2]
    assert [saved.notes.get(i) for i in ids[:3]] == ["een", "twee", "driefvier EINDE"]


def flow_control_given_up(fd: int, seconds: float = 20) -> list:
    """Read the terminal's output until the program in it has switched off its flow
    control (ctrl+s/ctrl+q); the terminal's settings at that moment."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        settings = termios.tcgetattr(fd)
        if not settings[0] & termios.IXON:
            return settings
        if select.select([fd], [], [], 0.002)[0]:
            os.read(fd, 65536)
    raise AssertionError("the terminal's flow control stayed on")


def test_ctrl_q_typed_while_the_app_starts_quits_it(tmp_path):
    # Linux and macOS terminals keep ctrl+q (and ctrl+s) for their flow control until the
    # app takes the terminal: typed in that moment, ctrl+q did not reach the app.
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Vlot", deck=load_deck())
    pid, fd = start_app(store, session.session.id)
    try:
        settings = flow_control_given_up(fd)
        assert settings[3] & termios.ICANON  # still the terminal's ordinary mode
        os.write(fd, b"Meteen weg\x11")
        assert wait_for_end(pid, fd) == 0
    finally:
        os.close(fd)
    assert store.load(session.session.id).notes.get("programma") == "Meteen weg"


@pytest.mark.parametrize("system", ["windows"], indirect=True)
async def test_a_session_held_open_by_another_program_loses_nothing(make_app, store, system):
    # A backup program or a virus scanner holds the session open on Windows: every try
    # of the replace is refused, quitting asks, and a copy elsewhere keeps the words.
    app = make_app()
    before = app.path.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        with system.hold_open(app.path):
            await burst(pilot, "<f2>", "Alles wat de zaal zei", "<ctrl+q>",
                        until=lambda: isinstance(app.screen, ChoiceDialog))
            assert "staat alleen nog in het geheugen" in app.screen.text
            await pilot.press("down", "down", "enter")  # "Kopie elders opslaan en stoppen"
            await until(pilot, lambda: not app.is_running)
    assert app.return_code == 1
    assert app.path.read_bytes() == before  # the previous version, whole
    copies = sorted((store.folder.parent / "patroon-redding").iterdir())
    assert len(copies) == 1
    copy = loads_session(copies[0].read_text(encoding="utf-8"), str(copies[0]))
    assert copy.notes["programma"] == "Alles wat de zaal zei"
    assert system.refused > len(REPLACE_WAITS)


async def test_the_arrow_a_first_step_breaks_without_ctrl_arrows(make_app, store, deck):
    first = make_app()
    first.session.first_steps = [FirstStep(text="Bellen", pattern="wereldvrede")]
    first.session.progress.screen = "eerste-stappen"
    store.save(first.session, first.path)
    app = reopen(store, deck, first)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.focused, StepText))
        await palette(pilot, app, "Volgende pijl van het patroon")
        await until(pilot, lambda: app.session.first_steps[0].breaks_after == 1)
        await palette(pilot, app, "Volgende pijl van het patroon")
        await palette(pilot, app, "Vorige pijl van het patroon")
        await until(pilot, lambda: app.session.first_steps[0].breaks_after == 1)
        await burst(pilot, " op maandag")
        await until(pilot, lambda: app.session.first_steps[0].text == "Bellen op maandag")
        await pilot.press("ctrl+q")
