"""Where the first steps cut a loop, in every loop of the app: the pattern slide (ctrl+o
shows and hides it), the audience window following it, the tables screen and the summary.
Each compares the session with a first step tied to Wereldvrede's arrow after step 3 with
the same session without the tie."""

from __future__ import annotations

import os

import pytest

from patroon_tui.app.audience import AudienceApp
from patroon_tui.core.drawing.marks import CUT, SLOW_ACROSS, SLOW_DOWN
from patroon_tui.core.model.session import FirstStep
from patroon_tui.core.room import room_files as room
from patroon_tui.core.room.room_files import RoomState
from patroon_tui.screens.audience import AudienceScreen
from patroon_tui.widgets.loop_view import LoopView
from tests.app.screen_text import screen_rows
from tests.waiting import until

STEP = "Samen een visie schrijven"


def screen_text(app) -> str:
    return "\n".join(screen_rows(app))


def session_with(deck, store, *, tied: bool, screen: str):
    session = store.create(title="Wijkteam Noord", deck=deck)
    session.tables[0].pattern = "wereldvrede"
    session.first_steps = [
        FirstStep(text="Elke maand een casustafel", owner="GGD"),
        FirstStep(text=STEP, owner="Gemeente",
                  pattern="wereldvrede" if tied else None, breaks_after=3 if tied else None),
    ]
    session.progress.screen = screen
    store.save(session)
    return session


def wereldvrede_screen(deck) -> str:
    return next(s.id for s in deck.screens if s.kind == "pattern" and s.pattern == "wereldvrede")


def cut_shown(text: str) -> bool:
    """The cut with the first step's number on the arrow, or the legend naming the arrow."""
    return f"{CUT}2" in text and "3 → 4" in text


async def slide_after_ctrl_o(app, pilot, *, tied: bool, size) -> str:
    """The screen after ctrl+o on the Wereldvrede slide (and, tied, that it hides again)."""
    await until(pilot, lambda: app.programme.query(LoopView))
    loop = app.programme.query_one(LoopView)
    await pilot.pause()
    # Hidden until asked: the room first looks at the pattern itself.
    assert CUT not in screen_text(app)
    if size[0] >= 160:  # the footer offers the key where a first step is tied
        offered = "Ctrl+O Eerste stappen in de lus" in screen_text(app)
        assert offered == tied
    await pilot.press("ctrl+o")
    if tied:
        await until(pilot, lambda: loop.cuts)
    await pilot.pause()
    shown = screen_text(app)
    if tied:
        assert loop.cuts == {3: (2,)}
        await pilot.press("ctrl+o")
        await until(pilot, lambda: not loop.cuts)
        await pilot.pause()
        assert CUT not in screen_text(app)
    return shown


@pytest.mark.parametrize("size", [(160, 45), (80, 24), (60, 20)])
async def test_ctrl_o_shows_the_cut_on_the_wereldvrede_slide_and_hides_it(
    make_app, deck, store, size
):
    shown: dict[bool, str] = {}
    for tied in (True, False):
        session = session_with(deck, store, tied=tied, screen=wereldvrede_screen(deck))
        app = make_app(session)
        async with app.run_test(size=size) as pilot:
            shown[tied] = await slide_after_ctrl_o(app, pilot, tied=tied, size=size)
            await pilot.press("ctrl+q")
    # The first step's number on the arrow; with room to spare, the legend names the arrow
    # and says the step (on a small screen every line may go to the steps' words).
    assert f"{CUT}2" in shown[True]
    assert cut_shown(shown[True]) or size != (160, 45)
    assert CUT not in shown[False]


async def test_the_audience_window_follows_the_cuts_shown(make_app, deck, store):
    session = session_with(deck, store, tied=True, screen=wereldvrede_screen(deck))
    app = make_app(session)
    room.presence_path(app.path, os.getpid()).write_text(str(os.getpid()), encoding="ascii")

    def state() -> RoomState | None:
        path = room.room_path(app.path)
        return RoomState.from_json(path.read_bytes()) if path.exists() else None

    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: state() is not None)
        assert state().cuts == ()
        await pilot.press("ctrl+o")
        await until(pilot, lambda: state().cuts == ((3, 2, STEP),))
        written = room.room_path(app.path).read_bytes()
        await pilot.press("ctrl+o")
        await until(pilot, lambda: state().cuts == ())
        await pilot.press("ctrl+q")

    viewer = AudienceApp(deck, app.path, session.session.id, wereldvrede_screen(deck),
                         poll_every=None)
    async with viewer.run_test(size=(120, 36)) as pilot:
        screen = viewer.screen
        assert isinstance(screen, AudienceScreen)
        room.write_state(app.path, RoomState.from_json(written))
        await screen.poll()
        await until(pilot, lambda: cut_shown(screen_text(viewer)))
        assert STEP in screen_text(viewer)
        without = RoomState.from_json(written)
        assert without is not None
        room.write_state(app.path, RoomState(session=without.session, screen=without.screen,
                                             pid=without.pid, seq=without.seq + 1))
        await screen.poll()
        await until(pilot, lambda: CUT not in screen_text(viewer))
        await pilot.press("ctrl+q")


async def drawn_loop_text(app, pilot, screen: str) -> str:
    """The summary's report lines, or the tables screen's loop, as drawn."""
    from patroon_tui.widgets.report_view import ReportView

    if screen == "samenvatting":
        await until(pilot, lambda: app.screen.query("#summary-report"))
        view = app.screen.query_one("#summary-report", ReportView)
        await until(pilot, lambda: view.complete)
        return "\n".join(view.plain_lines())
    await until(pilot, lambda: app.programme.query(LoopView))
    loop = app.programme.query_one(LoopView)
    await until(pilot, lambda: loop.display)
    return "\n".join(loop.drawing().lines)


@pytest.mark.parametrize("screen", ["tafels", "samenvatting"])
async def test_the_summary_and_the_tables_screen_draw_the_cut_only_with_the_tie(
    make_app, deck, store, screen
):
    texts: dict[bool, str] = {}
    for tied in (True, False):
        app = make_app(session_with(deck, store, tied=tied, screen=screen))
        async with app.run_test(size=(160, 45)) as pilot:
            texts[tied] = await drawn_loop_text(app, pilot, screen)
            await pilot.press("ctrl+q")
    assert cut_shown(texts[True])
    assert STEP in " ".join(texts[True].split())
    assert CUT not in texts[False]
    # Wereldvrede has no slow arrow in the default deck.
    assert SLOW_ACROSS not in texts[True] and SLOW_DOWN not in texts[True]


async def test_the_room_reads_a_cut_first_step_with_personal_data_replaced(make_app, deck, store):
    session = session_with(deck, store, tied=True, screen=wereldvrede_screen(deck))
    session.first_steps[1].text = "Bel Piet op 06-12345678"
    app = make_app(session)
    room.presence_path(app.path, os.getpid()).write_text(str(os.getpid()), encoding="ascii")

    def cuts():
        path = room.room_path(app.path)
        state = RoomState.from_json(path.read_bytes()) if path.exists() else None
        return None if state is None else state.cuts

    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: cuts() == ())
        await pilot.press("ctrl+o")
        await until(pilot, lambda: cuts())
        ((arrow, number, text),) = cuts()
        assert (arrow, number) == (3, 2)
        assert text.startswith("Bel Piet op ") and "06-12345678" not in text
        # The facilitator's own window shows the step as typed.
        await until(pilot, lambda: "06-12345678" in screen_text(app))
        await pilot.press("ctrl+q")
