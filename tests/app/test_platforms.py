"""The app as on Windows and macOS (``tests/platforms.py``): the audience window follows a
page turn while its room file is held open, and the keys a laptop without an external
keyboard has do what the footer and help say. The other flows (start, typing, save, quit,
resume, merge, export, a rescue copy) run "as on" each system in their own test files,
parametrized with ``system``."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from patroon_tui.core.room import room_files as room
from tests.app.test_audience import Clocks, audience, follow, room_state
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
