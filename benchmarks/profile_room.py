"""Where the time goes on the paths the room waits on: pyinstrument profiles of a page
turn, the summary's resume, F10, the audience window and a keystroke into an answer.

Each path runs in this process in Textual's headless ``run_test`` (100×30) on
``bench_tables.make_big_session`` of N tables (``--tables 60,500``). The main thread is
sampled every millisecond (``async_mode="disabled"``: every task of the event loop is
seen, the idle wait for events too), in two profiles per path:

- ``frame``: from the key (or the app's construction) until the Pilot's next pause
  returns: the key handled, the messages it caused handled, the screen refreshed. This is
  what the room waits on before the next frame.
- ``after``: the ``--after`` seconds that follow (timers, autosave, prefetch, redraws):
  work that runs after the frame, still on the UI thread, where the next key waits for it.

Headless, Textual composes the frame but does not encode it for a terminal
(``App._display`` skips ``render_segments``), so the terminal's share is missing here;
``bench_room.py`` measures the whole path in tmux.

Writes each profile's call tree to ``--out`` (``<path>-<tables>-<phase>.txt``) and prints
per profile: the events profiled, the milliseconds sampled per event (idle excluded), and
the functions with the most time of their own (``file:line``).

    python benchmarks/profile_room.py [--tables 60,500] [--paths turn,summary,f10,audience,key]
                                      [--out profiles] [--after 1.5] [--top 15]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

import bench_tables
from pyinstrument import Profiler
from pyinstrument.session import Session as ProfileSession
from textual import events

from patroon_tui.app import PatroonApp
from patroon_tui.app.audience import AudienceApp
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.room.room_files import Presence, RoomState, shown_answers, write_state
from patroon_tui.core.sessionfile.store import SessionStore

SIZE = (100, 30)
TURNS = 18
KEYS = 40
TOGGLES = 6
#: Where the main thread waits for something to do (the event loop's selector): not work.
IDLE_FILE = "selectors.py"


def idle(frame) -> bool:
    return (frame.file_path or "").endswith(IDLE_FILE)


class Phases:
    """A ``frame`` and an ``after`` profile, each added to across the path's events."""

    def __init__(self) -> None:
        self.frame = Profiler(interval=0.001, async_mode="disabled")
        self.after = Profiler(interval=0.001, async_mode="disabled")
        self.events = 0
        self.walls: list[float] = []

    def start_frame(self) -> float:
        self.frame.start()
        return time.perf_counter()

    def stop_frame(self, start: float) -> None:
        self.walls.append(time.perf_counter() - start)
        self.frame.stop()
        self.events += 1

    async def settle(self, seconds: float) -> None:
        self.after.start()
        await asyncio.sleep(seconds)
        self.after.stop()

    async def event(self, app, cause, condition) -> None:
        """Profile from ``cause()`` until ``condition()`` holds and the screen has
        refreshed once more: the first frame that shows what the event changed."""
        start = self.start_frame()
        cause()
        await painted(app, condition)
        self.stop_frame(start)


async def painted(app, condition, timeout: float = 120.0) -> None:
    """Wait (idle) until ``condition()``, then until the screen's next refresh is done."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the condition was not met")
        await asyncio.sleep(0.001)
    done = asyncio.get_running_loop().create_future()
    app.screen.call_after_refresh(lambda: done.done() or done.set_result(None))
    await done


def key(app, name: str, character: str | None = None):
    """A key as the terminal's driver posts it (not the Pilot's, which waits for idle)."""
    return lambda: app.post_message(events.Key(name, character))


async def until(pilot, condition, timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the condition was not met")
        await pilot.pause(0.01)
    await pilot.pause()


def build(store: SessionStore, path: Path) -> PatroonApp:
    deck = load_deck()
    return PatroonApp(deck, store, store.load(path), path)


async def profile_turn(store, path, after: float) -> Phases:
    phases = Phases()
    app = build(store, path)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.programme is not None and app.programme.body is not None)
        await asyncio.sleep(after)
        programme = app.programme
        for n in range(1, TURNS + 1):
            await phases.event(app, key(app, "pagedown"),
                               lambda n=n: programme.index == n and programme.body.is_mounted)
            await phases.settle(after)
        await pilot.press("ctrl+q")
    return phases


async def profile_summary(store, path, after: float) -> Phases:
    phases = Phases()
    start = phases.start_frame()
    app = build(store, path)
    async with app.run_test(size=SIZE) as pilot:
        def shown() -> bool:
            body = app.programme.body if app.programme is not None else None
            return body is not None and body.is_mounted and bool(body.query("#summary-report"))

        await painted(app, shown)
        phases.stop_frame(start)
        await phases.settle(after)
        await pilot.press("ctrl+q")
    return phases


async def profile_f10(store, path, after: float) -> Phases:
    phases = Phases()
    presence = Presence(path)  # this process plays the audience window
    presence.announce()
    try:
        app = build(store, path)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app.room is not None and app.room.present)
            await asyncio.sleep(after)
            presenter = app.programme.presenter
            for n in range(TOGGLES * 2):
                showing = n % 2 == 0
                # The frame: F10 handled and the room state written (the audience window
                # reads it at its next look: see the audience path).
                await phases.event(app, key(app, "f10"), lambda s=showing: (
                    presenter.showing == s and not app.room._pending))  # noqa: SLF001
                await phases.settle(after)
            await pilot.press("ctrl+q")
    finally:
        presence.withdraw()
    return phases


async def profile_audience(store, path, after: float) -> Phases:
    phases = Phases()
    deck = load_deck()
    session = store.load(path)
    sid = session.session.id
    seq = 0

    def state(screen_id: str, shown=None) -> RoomState:
        nonlocal seq
        seq += 1
        return RoomState(session=sid, screen=screen_id, shown=shown, pid=os.getpid(), seq=seq)

    write_state(path, state(deck.screens[0].id))
    app = AudienceApp(deck, path, sid, deck.screens[0].id)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await until(pilot, lambda: getattr(screen, "following", False))
        await asyncio.sleep(after)
        answers = shown_answers(session, deck, deck.screen("tafels"))
        steps = [(s.id, None) for s in deck.screens[1:TURNS + 1]] + [("tafels", None)]
        steps += [("tafels", answers), ("tafels", None)] * TOGGLES
        for screen_id, shown in steps:
            # From the state written by the facilitator's window to the audience's frame;
            # the wait for its next look (every POLL_EVERY) is idle.
            await phases.event(
                app, lambda s=screen_id, a=shown: write_state(path, state(s, a)),
                lambda s=screen_id, a=shown: screen.screen_id == s and screen.body.is_mounted
                and (a is None) != bool(screen.body.query(".room-text")))
            await phases.settle(after)
        await pilot.press("ctrl+q")
    return phases


async def profile_key(store, path, after: float) -> Phases:
    phases = Phases()
    app = build(store, path)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.programme is not None and app.programme.body is not None)
        await pilot.press("f9")
        await until(pilot, lambda: (app.focused is not None
                                    and (app.focused.id or "").startswith("answer-")))
        await pilot.press("end")
        await asyncio.sleep(after)
        field = app.focused
        for n in range(KEYS):
            length = len(field.text)
            letter = "abcdefghij"[n % 10]
            await phases.event(app, key(app, letter, letter),
                               lambda length=length: len(field.text) == length + 1)
            if n % 10 == 9:  # a typist stops: the autosave runs
                await phases.settle(after)
            else:
                await asyncio.sleep(0.05)
        await pilot.press("ctrl+q")
    return phases


PATHS = {
    "turn": ("programma", profile_turn),
    "summary": ("samenvatting", profile_summary),
    "f10": ("tafels", profile_f10),
    "audience": ("programma", profile_audience),
    "key": ("programma", profile_key),
}


def busy_ms(session: ProfileSession) -> float:
    """Milliseconds sampled outside the idle wait for events."""
    root = session.root_frame()
    if root is None:
        return 0.0
    idle_time = 0.0

    def walk(frame) -> None:
        nonlocal idle_time
        if idle(frame):
            idle_time += frame.time
            return
        for child in frame.children:
            walk(child)

    walk(root)
    return (root.time - idle_time) * 1000


def top_self(profiler: Profiler, top: int) -> list[str]:
    """The functions with the most time of their own, idle left out."""
    session = profiler.last_session
    root = session.root_frame() if session is not None else None
    totals: dict[tuple[str, str, int], float] = {}

    def walk(frame) -> None:
        if idle(frame) or frame.is_synthetic:  # "[self]": counted in its parent
            return
        own = frame.total_self_time
        key = (frame.function, frame.file_path_short or "", frame.line_no or 0)
        totals[key] = totals.get(key, 0.0) + own
        for child in frame.children:
            walk(child)

    if root is not None:
        walk(root)
    rows = sorted(((t, k) for k, t in totals.items()), reverse=True)
    return [f"{t * 1000:9.1f} ms  {k[0]}  {k[1]}:{k[2]}" for t, k in rows[:top]]


def top_total(profiler: Profiler, top: int, prefix: str = "patroon_tui") -> list[str]:
    """The project's functions with the most time inclusive of what they call."""
    session = profiler.last_session
    root = session.root_frame() if session is not None else None
    totals: dict[tuple[str, str, int], float] = {}

    def walk(frame, seen: frozenset) -> None:
        if frame.is_synthetic:
            return
        key = (frame.function, frame.file_path_short or "", frame.line_no or 0)
        if prefix in (frame.file_path or "") and key not in seen:
            totals[key] = totals.get(key, 0.0) + frame.time
            seen = seen | {key}
        for child in frame.children:
            walk(child, seen)

    if root is not None:
        walk(root, frozenset())
    rows = sorted(((t, k) for k, t in totals.items()), reverse=True)
    return [f"{t * 1000:9.1f} ms  {k[0]}  {k[1]}:{k[2]}" for t, k in rows[:top]]


def write(out: Path, name: str, profiler: Profiler) -> None:
    """The call tree with the project's frames (``NAME.txt``), with every frame of 1 % or
    more (``NAME-all.txt``), and the session (``NAME.pyisession``, for ``pyinstrument
    --load``: other views, HTML)."""
    text = profiler.output_text(unicode=True, color=False, show_all=False,
                                processor_options={"filter_threshold": 0.005})
    (out / f"{name}.txt").write_text(text, encoding="utf-8")
    text = profiler.output_text(unicode=True, color=False, show_all=True,
                                processor_options={"filter_threshold": 0.01})
    (out / f"{name}-all.txt").write_text(text, encoding="utf-8")
    profiler.last_session.save(str(out / f"{name}.pyisession"))


#: Textual's stages of a frame and of building widgets, inclusive: where the library's
#: time goes, whichever of the project's functions caused it.
STAGES = ("_refresh_layout", "update_nodes", "_update_styles", "apply", "reflow",
          "_arrange_root", "render_update", "_get_renders", "render_lines", "_compose",
          "_on_compose", "_mount", "mount", "mount_all", "_process_messages",
          "get_content_height", "_get_box_model", "update", "_parse_markdown", "process")


def top_stages(profiler: Profiler, top: int) -> list[str]:
    session = profiler.last_session
    root = session.root_frame() if session is not None else None
    totals: dict[str, float] = {}

    def walk(frame, seen: frozenset) -> None:
        if frame.is_synthetic:
            return
        path = frame.file_path or ""
        name = f"{frame.function}  {frame.file_path_short}"
        if frame.function in STAGES and "textual" in path and name not in seen:
            totals[name] = totals.get(name, 0.0) + frame.time
            seen = seen | {name}
        for child in frame.children:
            walk(child, seen)

    if root is not None:
        walk(root, frozenset())
    rows = sorted(((t, k) for k, t in totals.items()), reverse=True)
    return [f"{t * 1000:9.1f} ms  {k}" for t, k in rows[:top]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", default="60,500")
    parser.add_argument("--paths", default=",".join(PATHS))
    parser.add_argument("--out", default="profiles", help="folder for the call trees")
    parser.add_argument("--after", type=float, default=1.5,
                        help="seconds profiled after each frame")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    deck = load_deck()
    for tables in (int(n) for n in args.tables.split(",")):
        for name in args.paths.split(","):
            screen, profile = PATHS[name]
            with tempfile.TemporaryDirectory(prefix="profile-room-") as tmp:
                store = SessionStore(Path(tmp) / "sessions")
                path = bench_tables.make_big_session(store, deck, screen, tables=tables)
                phases = asyncio.run(profile(store, path, args.after))
            walls = sorted(phases.walls)
            print(f"\n=== {name}, {tables} tables: {phases.events} events; wall to the frame "
                  f"median {walls[len(walls) // 2] * 1000:.0f} ms, max {walls[-1] * 1000:.0f} ms",
                  flush=True)
            for phase in ("frame", "after"):
                profiler = getattr(phases, phase)
                if profiler.last_session is None:
                    continue
                write(out, f"{name}-{tables}-{phase}", profiler)
                busy = busy_ms(profiler.last_session)
                print(f"-- {phase}: {busy:.0f} ms busy in all, {busy / phases.events:.1f} ms "
                      f"per event; own time:")
                print("\n".join(top_self(profiler, args.top)))
                print("   project functions, inclusive:")
                print("\n".join(top_total(profiler, args.top)))
                print("   Textual's stages, inclusive:")
                print("\n".join(top_stages(profiler, 10)), flush=True)


if __name__ == "__main__":
    main()
