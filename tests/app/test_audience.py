"""The audience window (``patroon present``) and the facilitator's window that it follows.

The facilitator's side: with an audience window there (its presence file), every page
turn, reveal, highlight, timer and answers shown reaches the room state file; notes and
typing never do. The audience's side: it shows what the state says (polled by hand, with
its own clocks), waits while nobody writes one, and never writes the session nor takes
its lock.
"""

from __future__ import annotations

import os

import pytest

from patroon_tui.app.audience import AudienceApp
from patroon_tui.core.room import room_files as room
from patroon_tui.core.room.room_files import RoomState, Shown, TimerState
from patroon_tui.screens.audience import AudienceScreen
from patroon_tui.widgets.loop_view import LoopView
from patroon_tui.widgets.room_slide import RoomSlide
from tests.app.conftest import reopen
from tests.app.screen_text import screen_rows
from tests.app.test_typing import burst
from tests.platforms import SYSTEMS
from tests.waiting import until


def screen_text(app) -> str:
    return "\n".join(screen_rows(app))


def room_state(app) -> RoomState | None:
    path = room.room_path(app.path)
    return RoomState.from_json(path.read_bytes()) if path.exists() else None


def audience_there(path) -> None:
    # This process plays the audience window: its pid is alive, as a real window's is.
    room.presence_path(path, os.getpid()).write_text(str(os.getpid()), encoding="ascii")


async def test_with_an_audience_the_page_turns_reach_the_room(make_app, deck):
    app = make_app()
    audience_there(app.path)
    ids = [s.id for s in deck.screens]
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: room_state(app) is not None)
        # The facilitator's window became the console: notes beside the slide, time line.
        assert app.programme.has_class("-console")
        await until(pilot, lambda: f"Volgende: {deck.screens[1].title}" in screen_text(app))
        await burst(pilot, "<pagedown>", "<pagedown>")
        await until(pilot, lambda: room_state(app).screen == ids[2])
        await pilot.press("ctrl+q")
    # The facilitator's window is gone: the audience waits instead of following.
    assert not room.room_path(app.path).exists()


async def test_the_loop_reveal_and_highlight_reach_the_room(make_app, deck):
    pattern = next(s for s in deck.screens if s.kind == "pattern")
    app = make_app(start_screen=pattern.id)
    audience_there(app.path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: room_state(app) is not None)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: room_state(app).reveal == 1)
        await pilot.press("pagedown")  # the clicker reveals the next step first
        await until(pilot, lambda: room_state(app).reveal == 2)
        assert room_state(app).screen == pattern.id
        await pilot.press("ctrl+down", "ctrl+down")
        await until(pilot, lambda: room_state(app).highlight == 2)
        await pilot.press("escape")
        await until(pilot, lambda: room_state(app).highlight is None)
        await pilot.press("ctrl+q")


async def test_notes_and_typing_never_reach_the_room_unless_shown(make_app, deck):
    app = make_app(start_screen="tafels")
    audience_there(app.path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: room_state(app) is not None)
        await burst(pilot, "<f2>", *"geheime notitie", "<tab>", "<shift+tab>", *"Anna Jansen")
        await until(pilot, lambda: "geheime notitie" in app.session.notes.get("tafels", "")
                    or app.programme.notes.dirty)
        await pilot.press("f9")
        await burst(pilot, *"wat tafel een zei")
        await until(pilot, lambda: any("wat tafel een zei" in a
                                       for a in app.session.tables[0].answers.values()))
        await pilot.press("f6")  # the timer: that the room may see
        await until(pilot, lambda: room_state(app).timer.running)
        raw = room.room_path(app.path).read_text(encoding="utf-8")
        for secret in ("geheime", "Anna", "wat tafel"):
            assert secret not in raw
        # f10: the facilitator reads the table's answers back in the plenary round.
        await pilot.press("f10")
        await until(pilot, lambda: room_state(app).shown is not None)
        shown = room_state(app).shown
        assert shown.title == "Tafel 1"
        assert any(text == "wat tafel een zei" for _, text in shown.items)
        assert "DE ZAAL ZIET DE ANTWOORDEN" in screen_text(app)
        assert "geheime" not in room.room_path(app.path).read_text(encoding="utf-8")
        # What is typed while shown follows.
        await burst(pilot, *" en meer")
        await until(pilot, lambda: any(t.endswith("en meer")
                                       for _, t in room_state(app).shown.items))
        # A page turn ends the showing: the next screen's typing stays off the projector.
        await pilot.press("pagedown")
        await until(pilot, lambda: room_state(app).screen != "tafels")
        assert room_state(app).shown is None
        assert "DE ZAAL ZIET" not in screen_text(app)
        await pilot.press("ctrl+q")
    assert any("wat tafel een zei en meer" in a
               for a in store_answers(app))


def store_answers(app):
    from patroon_tui.core.sessionfile.store import SessionStore

    session = SessionStore(app.path.parent).load(app.path)
    return [a for t in session.tables for a in t.answers.values()]


@pytest.mark.parametrize("size", [(60, 20), (100, 30), (160, 45)])
async def test_without_an_audience_nothing_is_written_beside_the_session(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await burst(pilot, "<pagedown>", "<pagedown>")
        await pilot.pause(0.7)  # past the look for an audience window
        assert not room.room_path(app.path).exists()
        assert not app.programme.has_class("-console")
        await pilot.press("f3")  # the console on a key, also without an audience
        assert app.programme.has_class("-console")
        await until(pilot, lambda: "Volgende:" in screen_text(app))
        # The line sits above slide and notes, never a column between them.
        slide = app.programme.query_one("#slide")
        assert slide.size.width >= (size[0] - 40) // 2
        assert app.programme.current.title[:20] in screen_text(app)
        await pilot.press("ctrl+q")


# -- the audience window -----------------------------------------------------------------


class Clocks:
    def __init__(self) -> None:
        self.wall = 1000.0
        self.mono = 50.0


def audience(deck, app, clocks: Clocks) -> AudienceApp:
    return AudienceApp(deck, app.path, app.session.session.id, app.session.progress.screen,
                       wall=lambda: clocks.wall, clock=lambda: clocks.mono, poll_every=None)


def large_timer(viewer) -> str | None:
    """The time the large digits show on the audience window (``None``: not shown)."""
    from textual.widgets import Digits

    digits = viewer.screen.query_one("#room-timer-large Digits", Digits)
    return digits.value if digits.display and digits.parent.display else None


def write(app, **changes) -> None:
    values = dict(session=app.session.session.id, screen="programma", pid=os.getpid(), seq=1)
    values.update(changes)
    room.write_state(app.path, RoomState(**values))


async def follow(pilot, screen: AudienceScreen, clocks: Clocks) -> None:
    clocks.mono += 0.1
    await screen.poll()
    await pilot.pause()
    await pilot.pause()


async def test_the_audience_window_follows_screen_reveal_highlight_and_answers(make_app, deck):
    app = make_app()
    clocks = Clocks()
    pattern = next(s for s in deck.screens if s.kind == "pattern")
    viewer = audience(deck, app, clocks)
    async with viewer.run_test(size=(120, 36)) as pilot:
        screen = viewer.screen
        assert isinstance(screen, AudienceScreen)
        await follow(pilot, screen, clocks)
        assert "wacht op het venster van de begeleider" in screen_text(viewer)
        write(app, screen="complexer")
        await follow(pilot, screen, clocks)
        assert screen.screen_id == "complexer" and screen.following
        assert deck.screen("complexer").title in screen_text(viewer)
        assert "wacht op" not in screen_text(viewer)
        write(app, screen=pattern.id, reveal=2, highlight=1, seq=2)
        await follow(pilot, screen, clocks)
        await until(pilot, lambda: screen.body.query_one(LoopView).reveal == 2)
        loop = screen.body.query_one(LoopView)
        assert loop.highlight == 1
        write(app, screen=pattern.id, reveal=None, highlight=3, seq=3)
        await follow(pilot, screen, clocks)
        assert (loop.reveal, loop.highlight) == (None, 3)
        # The tables screen: the questions, never the fields; answers when shown.
        write(app, screen="tafels", seq=4,
              timer=TimerState(started=True, running=True, remaining=600, at=clocks.wall))
        await follow(pilot, screen, clocks)
        assert isinstance(screen.body, RoomSlide)
        text = screen_text(viewer)
        assert deck.screen("tafels").title in text
        assert large_timer(viewer) == "10:00"  # the table round: in large digits
        clocks.wall += 30
        await follow(pilot, screen, clocks)
        screen._show_timer()
        await pilot.pause()
        assert large_timer(viewer) == "09:30"
        write(app, screen="tafels", seq=5, shown=Shown("Tafel 2", (("Vraag een", "Wat we zagen"),)))
        await follow(pilot, screen, clocks)
        await until(pilot, lambda: "Wat we zagen" in screen_text(viewer))
        write(app, screen="tafels", seq=6)
        await follow(pilot, screen, clocks)
        await until(pilot, lambda: "Wat we zagen" not in screen_text(viewer))
        # The facilitator's window goes: the slide stays, one quiet line says it waits.
        room.remove_state(app.path)
        await follow(pilot, screen, clocks)
        assert "wacht op het venster van de begeleider" in screen_text(viewer)
        assert deck.screen("tafels").title in screen_text(viewer)
        await pilot.press("ctrl+q")


async def test_the_audience_never_writes_the_session_nor_takes_its_lock(make_app, deck, store):
    app = make_app()
    before = app.path.read_bytes()
    stamp = app.path.stat().st_mtime_ns
    viewer = AudienceApp(deck, app.path, app.session.session.id, "programma")
    async with viewer.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: room.presence_path(app.path, os.getpid()).exists())
        await pilot.pause(0.3)  # polling, as it does in the room
        # The lock is free: the facilitator's window can be started after the audience's.
        lock = store.lock(app.path)
        lock.release()
        await pilot.press("ctrl+q")
    assert app.path.read_bytes() == before
    assert app.path.stat().st_mtime_ns == stamp
    assert not room.audience_pids(app.path)
    assert not any(p.name.endswith(".lock") and p.name != app.path.name + ".lock"
                   for p in app.path.parent.iterdir())


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
async def test_the_audience_follows_a_facilitator_that_quits_and_comes_back(make_app, deck, store, system):
    app = make_app()
    clocks = Clocks()
    viewer = audience(deck, app, clocks)
    async with viewer.run_test(size=(120, 36)) as viewing:
        screen = viewer.screen
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: room_state(app) is not None)
            await burst(pilot, "<pagedown>", "<pagedown>")
            await until(pilot, lambda: room_state(app).screen == deck.screens[2].id)
            await follow(viewing, screen, clocks)
            assert screen.screen_id == deck.screens[2].id
            await pilot.press("ctrl+q")
        await follow(viewing, screen, clocks)
        assert not screen.following
        again = reopen(store, deck, app)
        async with again.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: room_state(again) is not None)
            await pilot.press("pagedown")
            await until(pilot, lambda: room_state(again).screen == deck.screens[3].id)
            await follow(viewing, screen, clocks)
            assert screen.following and screen.screen_id == deck.screens[3].id
            await pilot.press("ctrl+q")
        await viewing.press("ctrl+q")


async def test_the_start_screen_makes_this_terminal_the_audience_window(deck, store):
    from patroon_tui.app import PatroonApp
    from tests.app.conftest import FIXED_NOW

    session = store.create(title="Wijkteam Noord", deck=deck, date=FIXED_NOW.date())
    path = store.path_for(session.session.id)
    before = path.read_bytes()
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5")  # nothing chosen yet: said, nothing happens
        assert app.screen.id == "start"
        await pilot.press("ctrl+o", "f5")
        await until(pilot, lambda: isinstance(app.screen, AudienceScreen))
        await until(pilot, lambda: "wacht op het venster van de begeleider" in screen_text(app))
        await until(pilot, lambda: room.presence_path(path, os.getpid()).exists())
        await pilot.press("ctrl+s", "f1")  # nothing for the room to read
        assert isinstance(app.screen, AudienceScreen)
        # Its one palette: the themes of this window (the audience's), and nothing else.
        await pilot.press("ctrl+p")
        await until(pilot, lambda: "Thema: beamer" in screen_text(app))
        assert "Opslaan" not in screen_text(app) and "Ga naar" not in screen_text(app)
        await pilot.press("f1")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, AudienceScreen))
        # The facilitator's window opens the same session: the lock is free.
        store.lock(path).release()
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before
    assert not room.audience_pids(path)


async def test_f5_pressed_twice_on_the_start_screen_shows_one_audience_window(deck, store):
    # The second press was read before the first had switched screens: it switched again
    # from the audience window and ended the app with a traceback.
    from patroon_tui.app import PatroonApp
    from tests.app.conftest import FIXED_NOW

    session = store.create(title="Wijkteam Noord", deck=deck, date=FIXED_NOW.date())
    path = store.path_for(session.session.id)
    app = PatroonApp(deck, store, now=lambda: FIXED_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: app.screen.id == "start")
        await burst(pilot, "<ctrl+o>", "<f5>", "<f5>",
                    until=lambda: isinstance(app.screen, AudienceScreen))
        await until(pilot, lambda: "wacht op het venster van de begeleider" in screen_text(app))
        assert [s.id for s in app.screen_stack].count("audience") == 1
        await pilot.press("ctrl+q")
    assert app.return_code in (0, None)
    assert not room.audience_pids(path)


async def test_the_audience_shows_slides_built_ahead_forward_twice_and_back(make_app, deck):
    # The slides around the one shown are built while the room looks at it; turning two
    # pages at once, or one back, shows one of those, and only that one.
    app = make_app()
    clocks = Clocks()
    ids = [s.id for s in deck.screens]
    viewer = audience(deck, app, clocks)
    async with viewer.run_test(size=(120, 36)) as pilot:
        screen = viewer.screen
        for seq, index in enumerate((1, 3, 2, 4), start=1):
            write(app, screen=ids[index], seq=seq)
            await follow(pilot, screen, clocks)
            await screen._build_ahead()  # as its timer does, half a second after a turn
            await pilot.pause()
            text = screen_text(viewer)
            assert deck.screens[index].title in text
            others = {deck.screens[i].title for i in range(1, 6) if i != index}
            assert not any(title in text for title in others)
            shown = [b for b in screen.query("#stage > *") if b.display]
            assert shown == [screen.body]
        await pilot.press("ctrl+q")


async def test_f10_where_there_are_no_answers_says_so_and_shows_nothing(make_app, deck):
    app = make_app()
    audience_there(app.path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: room_state(app) is not None)
        told = []
        notify = app.notify
        app.notify = lambda message, **kw: (told.append(message), notify(message, **kw))
        await pilot.press("f10")
        await until(pilot, lambda: told)
        assert told == ["Op dit scherm zijn geen antwoorden om aan de zaal te tonen."]
        assert "DE ZAAL ZIET" not in screen_text(app)
        assert room_state(app).shown is None
        # The console came with the audience window; f3 puts it away and back.
        await until(pilot, lambda: "Volgende:" in screen_text(app))
        await pilot.press("f3")
        await until(pilot, lambda: "Volgende:" not in screen_text(app))
        await pilot.press("f3")
        await until(pilot, lambda: f"Volgende: {deck.screens[1].title}" in screen_text(app))
        await pilot.press("ctrl+q")


async def test_f10_asks_first_when_the_answers_hold_personal_data(make_app, deck):
    from patroon_tui.dialogs.choice import ChoiceDialog

    app = make_app(start_screen="tafels")
    audience_there(app.path)
    question = next(iter(app.session.tables[0].answers), "herkenbaar")
    app.session.tables[0].answers[question] = "Mevrouw, BSN 123456782, belt 06-12345678."
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: room_state(app) is not None)
        # Asked; the safe answer (the cursor's) shows nothing.
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        text = screen_text(app)
        assert "BSN ‘123456782’" in text and "telefoonnummer ‘06-12345678’" in text
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ChoiceDialog))
        assert room_state(app).shown is None
        assert "DE ZAAL ZIET" not in screen_text(app)
        # Shown with the personal data replaced, also what is typed while shown.
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("right", "enter")
        await until(pilot, lambda: room_state(app).shown is not None)
        raw = room.room_path(app.path).read_text(encoding="utf-8")
        assert "123456782" not in raw and "12345678" not in raw
        assert "[BSN verwijderd]" in raw and "[telefoonnummer verwijderd]" in raw
        assert "DE ZAAL ZIET DE ANTWOORDEN" in screen_text(app)
        # Off, and on again choosing to show it as typed.
        await pilot.press("f10")
        await until(pilot, lambda: room_state(app).shown is None)
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("right", "right", "enter")
        await until(pilot, lambda: room_state(app).shown is not None)
        assert "123456782" in room.room_path(app.path).read_text(encoding="utf-8")
        await pilot.press("ctrl+q")
    # The session keeps what was typed.
    assert any("BSN 123456782" in a for a in store_answers(app))


async def test_the_audience_window_shows_the_triangle_on_its_slides(make_app, deck):
    app = make_app()
    clocks = Clocks()
    viewer = audience(deck, app, clocks)
    async with viewer.run_test(size=(100, 40)) as pilot:
        screen = viewer.screen
        for screen_id in ("samenwerkingsdriehoek", "driehoek"):
            write(app, screen=screen_id)
            await follow(pilot, screen, clocks)
            rows = [row.strip() for row in screen_rows(viewer)]
            assert "/\\" in rows, screen_id
            text = " ".join(" ".join(rows).split())
            assert "Over spelregels" in text
        # The triangle screen: each layer with what it means and asks.
        assert deck.layers[0].paragraphs()[0] in text
        assert deck.layers[1].questions[0] in text
