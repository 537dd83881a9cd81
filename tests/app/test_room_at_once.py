"""What the room sees is written the moment it changes, not after the facilitator's window
has painted: a page turn, f10 and the loop reach the room state in the same call that
changed them (nothing awaited in between), and the session is still saved after a turn.
"""

from __future__ import annotations

from patroon_tui.core.sessionfile.store import SessionStore
from tests.app.test_audience import audience_there, room_state
from tests.waiting import until


async def test_a_page_turn_is_in_the_room_state_before_the_window_paints(make_app, deck):
    app = make_app()
    audience_there(app.path)
    ids = [s.id for s in deck.screens]
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: room_state(app) is not None)
        programme = app.programme
        programme.action_next()  # as the clicker's key runs it; nothing awaited after it
        assert room_state(app).screen == ids[1]
        programme.action_next()
        programme.action_previous()
        assert room_state(app).screen == ids[1]
        # The page turn is saved too, once the turns have settled.
        await until(pilot, lambda: SessionStore(app.path.parent).load(app.path)
                    .progress.screen == ids[1])
        await pilot.press("ctrl+q")


async def test_f10_is_in_the_room_state_at_once_and_gone_at_once(make_app, deck):
    app = make_app(start_screen="tafels")
    audience_there(app.path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: room_state(app) is not None)
        app.programme.action_show_room()
        shown = room_state(app).shown
        assert shown is not None and shown.title == "Tafel 1"
        app.programme.action_show_room()
        assert room_state(app).shown is None
        await pilot.press("ctrl+q")


async def test_the_loop_revealed_is_in_the_room_state_at_once(make_app, deck):
    pattern = next(s for s in deck.screens if s.kind == "pattern")
    app = make_app(start_screen=pattern.id)
    audience_there(app.path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: room_state(app) is not None)
        await until(pilot, lambda: app.programme.body.loop.is_mounted)
        app.programme.action_reveal_next()
        assert room_state(app).reveal == 1
        await pilot.press("ctrl+q")
