"""The blank key (ctrl+b, or f12 where ctrl+b is tmux's): the audience window shows nothing
until it is pressed again, page turns made meanwhile are followed, and the facilitator's
header says the room sees nothing, with the clock still in view. In one process (both
windows, polled by hand) and in two real terminals."""

from __future__ import annotations

import os

import pytest

from patroon_tui.core.room import room_files as room
from patroon_tui.screens.audience import WAITING, AudienceScreen
from patroon_tui.widgets.header import (
    ROOM_BLANK,
    ROOM_BLANK_KEYS,
    ROOM_BLANK_SHORT,
    ROOM_SEES,
    ROOM_SEES_KEY,
)
from tests.app.test_audience import (
    Clocks,
    audience,
    audience_there,
    follow,
    room_state,
    screen_text,
    write,
)
from tests.app.test_present_terminals import CTRL_Q, PAGE_DOWN, start, wait_for
from tests.app.test_signals import drain, read_until, wait_for_end
from tests.app.test_typing import burst
from tests.waiting import until

CTRL_B = b"\x02"
F12 = b"\x1b[24~"


async def test_ctrl_b_blanks_the_room_and_the_header_says_so(make_app, deck):
    app = make_app()
    audience_there(app.path)
    ids = [s.id for s in deck.screens]
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: room_state(app) is not None)
        # In the presenter console the footer shows the key.
        await until(pilot, lambda: "Zaal zwart" in screen_text(app))
        assert ROOM_BLANK not in screen_text(app)
        await pilot.press("ctrl+b")
        await until(pilot, lambda: room_state(app).blank)
        await until(pilot, lambda: ROOM_BLANK in screen_text(app))
        # Pages turned while blank: the room state follows, still blank.
        await pilot.press("pagedown", "pagedown")
        await until(pilot, lambda: room_state(app).screen == ids[2])
        assert room_state(app).blank and ROOM_BLANK in screen_text(app)
        await pilot.press("ctrl+b")
        await until(pilot, lambda: not room_state(app).blank)
        await until(pilot, lambda: ROOM_BLANK not in screen_text(app))
        assert room_state(app).screen == ids[2]
        await pilot.press("ctrl+q")


async def test_ctrl_b_works_outside_the_console_too_and_is_in_the_help(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.programme is not None and app.programme.is_mounted)
        assert "Zaal zwart" not in screen_text(app)  # the footer without an audience
        await pilot.press("ctrl+b")
        await until(pilot, lambda: ROOM_BLANK in screen_text(app))
        await pilot.press("ctrl+b")
        await until(pilot, lambda: ROOM_BLANK not in screen_text(app))
        # The palette has it too.
        await pilot.press("ctrl+p")
        await until(pilot, lambda: app.screen.id == "--command-palette")
        await burst(pilot, *"Zaal zwart")
        await until(pilot, lambda: "Zaal zwart / terug" in screen_text(app))
        await pilot.press("enter")
        await until(pilot, lambda: ROOM_BLANK in screen_text(app))
        await pilot.press("ctrl+b")
        await until(pilot, lambda: ROOM_BLANK not in screen_text(app))
        await pilot.press("f1")
        await until(pilot, lambda: "het publieksvenster leeg" in screen_text(app))
        assert screen_text(app).count("het publieksvenster leeg") == 1
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_the_blank_audience_window_shows_nothing_and_follows_the_pages(make_app, deck):
    app = make_app()
    clocks = Clocks()
    viewer = audience(deck, app, clocks)
    first, third = deck.screens[0], deck.screens[2]
    async with viewer.run_test(size=(100, 30)) as pilot:
        screen = viewer.screen
        assert isinstance(screen, AudienceScreen)
        write(app, screen=first.id, seq=1)
        await follow(pilot, screen, clocks)
        assert first.title in screen_text(viewer)
        write(app, screen=first.id, seq=2, blank=True)
        await follow(pilot, screen, clocks)
        await until(pilot, lambda: screen_text(viewer).strip() == "")
        write(app, screen=third.id, seq=3, blank=True)
        await follow(pilot, screen, clocks)
        assert screen_text(viewer).strip() == ""
        # The facilitator's window goes away: still blank (the room sees nothing sudden).
        room.remove_state(app.path)
        await follow(pilot, screen, clocks)
        text = screen_text(viewer)
        assert third.title not in text and first.title not in text and WAITING in text
        write(app, screen=third.id, seq=4, blank=False)
        await follow(pilot, screen, clocks)
        await until(pilot, lambda: third.title in screen_text(viewer))
        await pilot.press("ctrl+q")


async def test_f12_blanks_the_room_too(make_app, deck):
    app = make_app()
    audience_there(app.path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: room_state(app) is not None)
        await pilot.press("f12")
        await until(pilot, lambda: room_state(app).blank)
        await until(pilot, lambda: ROOM_BLANK in screen_text(app))
        await pilot.press("f12")
        await until(pilot, lambda: not room_state(app).blank)
        await until(pilot, lambda: ROOM_BLANK not in screen_text(app))
        await pilot.press("ctrl+q")


@pytest.mark.parametrize(("size", "mark"), [((60, 20), ROOM_BLANK_SHORT),
                                            ((80, 24), ROOM_BLANK),
                                            ((160, 45), ROOM_BLANK_KEYS)])
async def test_the_blank_mark_leaves_the_clock_and_the_timer_in_view(make_app, size, mark):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.programme is not None and app.programme.is_mounted)
        await pilot.press("f9", "f6")
        await until(pilot, lambda: "⏱ " in screen_text(app).splitlines()[0])
        await pilot.press("ctrl+b")
        await until(pilot, lambda: mark in screen_text(app).splitlines()[0])
        header = screen_text(app).splitlines()[0]
        # The clock whole at the right edge, the timer and the save state beside it.
        assert header.rstrip().endswith(" 09:30"), header
        assert "⏱ " in header and ("opgeslagen" in header or "gewijzigd" in header), header
        await pilot.press("ctrl+b")
        await until(pilot, lambda: "Zaal z" not in screen_text(app).splitlines()[0])
        await pilot.press("ctrl+q")


@pytest.mark.parametrize(("size", "mark"), [((80, 24), ROOM_SEES), ((160, 45), ROOM_SEES_KEY)])
async def test_the_answers_mark_leaves_the_clock_in_view_too(make_app, size, mark):
    app = make_app()
    audience_there(app.path)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: room_state(app) is not None)
        await pilot.press("f9", "f6")
        await until(pilot, lambda: "⏱ " in screen_text(app).splitlines()[0])
        await pilot.press("f10")
        await until(pilot, lambda: mark in screen_text(app).splitlines()[0])
        header = screen_text(app).splitlines()[0]
        assert header.rstrip().endswith(" 09:30") and "⏱ " in header, header
        await pilot.press("f10")
        await until(pilot, lambda: ROOM_SEES not in screen_text(app).splitlines()[0])
        await pilot.press("ctrl+q")


def test_the_blank_key_in_two_terminals(tmp_path):
    from patroon_tui.core.model.deck import load_deck
    from patroon_tui.core.room.room_files import RoomState
    from patroon_tui.core.sessionfile.store import SessionStore

    deck = load_deck()
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Wijkteam Noord", deck=deck)
    path = store.path_for(session.session.id)
    viewer, view_fd = start(store, "present", session.session.id, size=(120, 36))
    facilitator = None

    def state() -> RoomState | None:
        raw = room.room_path(path).read_bytes() if room.room_path(path).exists() else b""
        return RoomState.from_json(raw)

    try:
        read_until(view_fd, b"Programma")
        facilitator, fd = start(store, "open", session.session.id, size=(100, 30))
        read_until(fd, b"Wijkteam Noord")
        wait_for(lambda: state() is not None, [fd, view_fd], "the room state")
        os.write(fd, CTRL_B)
        read_until(fd, b"Zaal ziet niets")
        wait_for(lambda: state().blank, [fd, view_fd], "the blank state")
        drain(view_fd, 0.5)  # the blank frame painted
        os.write(fd, PAGE_DOWN + PAGE_DOWN)
        third = deck.screens[2]
        wait_for(lambda: state().screen == third.id, [fd], "the third screen in the state")
        seen = b""
        for _ in range(25):  # half a second of the audience window's output
            seen += _read_for(view_fd, 0.02)
        words = [w.encode() for s in deck.screens[:3] for w in s.title.split() if len(w) > 4]
        assert not any(w in seen for w in words), seen[-500:]
        os.write(fd, CTRL_B)
        read_until(view_fd, third.title.split()[-1].encode())
        # f12 as a terminal sends it (ctrl+b is tmux's prefix): blank, and back.
        os.write(fd, F12)
        wait_for(lambda: state().blank, [fd, view_fd], "blank on f12")
        os.write(fd, F12)
        wait_for(lambda: not state().blank, [fd, view_fd], "back on f12")
        os.write(fd, CTRL_Q)
        wait_for_end(facilitator, fd)
        facilitator = None
        os.write(view_fd, CTRL_Q)
        wait_for_end(viewer, view_fd)
        viewer = None
    finally:
        for pid in (facilitator, viewer):
            if pid is not None:
                os.kill(pid, 9)
                os.waitpid(pid, 0)


def _read_for(fd: int, seconds: float) -> bytes:
    import select

    ready, _, _ = select.select([fd], [], [], seconds)
    if not ready:
        return b""
    try:
        return os.read(fd, 65536)
    except OSError:
        return b""
