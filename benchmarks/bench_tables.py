"""How fast the tables screen is with a big session: shown on resume, reached with F9, typed in.

The session has 60 tables with long answers (about 600 characters each) and 1 MB of notes.
Three measurements, each in a fresh headless app of 100×30 (wall clock, median of N runs):

- ``resume``: from building the app on a session saved on the tables screen until the
  cursor is in the current table's field and the screen is painted.
- ``f9``: from pressing F9 on the first screen until the cursor is in the first answer.
- ``typing``: time per key typed into an answer (the Pilot's own overhead included; it is
  the same in every version, so compare the numbers between versions, not with zero).

Each is given as wall-clock and CPU time of this process; the CPU time is not inflated by
other programs running on the machine.

It also counts what the tables panel did while it was shown (form loads, list fills) and
the screen's layout passes, which is where time went before the panel was built once.

    python benchmarks/bench_tables.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from textual.message_pump import MessagePump  # noqa: E402
from textual.screen import Screen  # noqa: E402

from patroon_tui.app import PatroonApp  # noqa: E402
from patroon_tui.core.model.deck import load_deck  # noqa: E402
from patroon_tui.core.model.session import Table  # noqa: E402
from patroon_tui.core.sessionfile.store import SessionStore  # noqa: E402
from patroon_tui.widgets import tables as tables_module  # noqa: E402

SIZE = (100, 30)
COUNTED = ("_reload", "_fill_list", "_load_form", "_fill_pattern_options")


def make_big_session(store: SessionStore, deck, screen: str, tables: int = 60) -> Path:
    """A session of ``tables`` tables with long answers and 1 MB of notes, saved on
    ``screen``; returns its file."""
    session = store.create(title="Zestig tafels", deck=deck)
    session.tables = [
        Table(
            id=f"tafel-{n}", name=f"Tafel {n}", participants="gemeente, GGZ, corporatie",
            pattern="wereldvrede", layer="spelregels",
            answers={q.id: f"Antwoord van tafel {n} op {q.id}. " * 20 for q in deck.text_questions},
        )
        for n in range(1, tables + 1)
    ]
    per_screen = 1_000_000 // len(deck.screens)
    for s in deck.screens:
        line = f"Notitie bij {s.title}.\n"
        session.notes[s.id] = line * (per_screen // len(line))
    session.progress.screen = screen
    return store.save(session)


class Counts:
    """Counts calls of the panel's loading methods and of the screen's layout passes."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self._originals: list[tuple[object, str, object]] = []

    def wrap(self, owner: object, name: str, label: str) -> None:
        original = getattr(owner, name, None)
        if original is None:
            return
        calls = self.calls

        def counted(*args, **kwargs):
            calls[label] += 1
            return original(*args, **kwargs)

        self._originals.append((owner, name, original))
        setattr(owner, name, counted)

    def __enter__(self) -> Counts:
        for name in COUNTED:
            self.wrap(tables_module.TablesPanel, name, name)
        self.wrap(Screen, "_refresh_layout", "layout passes")
        # Change events the panel handles (its fields' Changed messages bubbling up to it).
        original = MessagePump._on_message
        calls = self.calls

        async def on_message(pump, message):
            if isinstance(pump, tables_module.TablesPanel) and "Changed" in type(message).__qualname__:
                calls["change events"] += 1
            return await original(pump, message)

        self._originals.append((MessagePump, "_on_message", original))
        MessagePump._on_message = on_message
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, original in reversed(self._originals):
            setattr(owner, name, original)


def panel_of(app):
    try:
        return app.screen.query_one(tables_module.TablesPanel)
    except Exception:
        return None


async def measure_resume(store, deck, path) -> tuple[tuple[float, float], Counter[str]]:
    with Counts() as counts:
        start, cpu = time.perf_counter(), time.process_time()
        app = PatroonApp(deck, store, store.load(path), path)
        async with app.run_test(size=SIZE) as pilot:
            while not (panel_of(app) and app.focused is not None
                       and panel_of(app) in app.focused.ancestors):
                await pilot.pause()
            await pilot.pause()
            elapsed = time.perf_counter() - start, time.process_time() - cpu
            await pilot.press("ctrl+q")
    return elapsed, counts.calls


async def measure_f9(store, deck, path) -> tuple[tuple[float, float], Counter[str]]:
    session = store.load(path)
    session.progress.screen = deck.screens[0].id
    app = PatroonApp(deck, store, session, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        with Counts() as counts:
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press("f9")
            while not (app.focused is not None and (app.focused.id or "").startswith("answer-")):
                await pilot.pause()
            await pilot.pause()
            elapsed = time.perf_counter() - start, time.process_time() - cpu
        await pilot.press("ctrl+q")
    return elapsed, counts.calls


async def measure_typing(store, deck, path, keys: int = 120) -> tuple[float, float]:
    app = PatroonApp(deck, store, store.load(path), path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        while not (app.focused is not None and (app.focused.id or "").startswith("answer-")):
            await pilot.pause()
        await pilot.press("end")
        start, cpu = time.perf_counter(), time.process_time()
        for n in range(keys):
            await pilot.press("abcdefghij "[n % 11])
        elapsed = (time.perf_counter() - start) / keys, (time.process_time() - cpu) / keys
        await pilot.press("ctrl+q")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    deck = load_deck()
    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp) / "sessions")
        path = make_big_session(store, deck, "tafels")
        resume, f9, typing = [], [], []
        for _ in range(args.runs):
            elapsed, resume_counts = asyncio.run(measure_resume(store, deck, path))
            resume.append(elapsed)
            elapsed, f9_counts = asyncio.run(measure_f9(store, deck, path))
            f9.append(elapsed)
            typing.append(asyncio.run(measure_typing(store, deck, path)))
    print(f"{'case':<8} {'wall':>9} {'min':>9} {'max':>9}   {'CPU':>9} {'min':>9} {'max':>9}")
    for label, values, unit in (("resume", resume, 1), ("f9", f9, 1), ("typing", typing, 1000)):
        name = "s" if unit == 1 else "ms/key"
        row = f"{label:<8}"
        for pick in (0, 1):
            picked = [v[pick] * unit for v in values]
            row += f" {statistics.median(picked):9.3f} {min(picked):9.3f} {max(picked):9.3f}  "
        print(f"{row}{name}")
    for label, calls in (("resume", resume_counts), ("f9", f9_counts)):
        names = (*COUNTED, "change events", "layout passes")
        shown = ", ".join(f"{name} {calls[name]}" for name in names)
        print(f"{label}: {shown}")


if __name__ == "__main__":
    main()
