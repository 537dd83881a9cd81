"""Resume on the summary of a big session, headless, against a bare Textual app in the same run.

For 60 and 500 tables (the 60-table session of ``bench_tables.make_big_session``, about
1 MB of notes; for 500 its first table repeated), each case in a fresh app of 100×30, wall
clock and CPU time of this process from building the app until the words are on the screen
(read from the app's own screenshot):

- ``bare``: a Textual app with one Static, until its text shows;
- ``first screen``: ``PatroonApp`` on the programme's first screen, until its footer shows;
- ``summary``: ``PatroonApp`` resumed on the summary, until the report's first lines show.

The session is read before the clock starts (it is the same for every screen). Prints the
median of N runs and the summary's ratio to the bare app and to the app's first screen.

    python benchmarks/bench_summary.py [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

import bench_tables
from textual.app import App
from textual.widgets import Static

from patroon_tui.app import PatroonApp
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.sessionfile.store import SessionStore
from tests.app.screen_text import screen_rows

SIZE = (100, 30)


def make_session(store: SessionStore, deck, tables: int) -> Path:
    path = bench_tables.make_big_session(store, deck, "samenvatting")
    if tables != 60:
        session = store.load(path)
        first = session.tables[0]
        session.tables = [first.model_copy(update={"id": f"tafel-{n}", "name": f"Tafel {n}"})
                          for n in range(1, tables + 1)]
        path = store.save(session)
    return path


async def until_shown(app, pilot, text: str) -> None:
    while not any(text in row for row in screen_rows(app)):
        await pilot.pause()


async def patroon(store, deck, path, screen: str, text: str) -> tuple[float, float]:
    session = store.load(path)
    session.progress.screen = screen
    start, cpu = time.perf_counter(), time.process_time()
    app = PatroonApp(deck, store, session, path)
    async with app.run_test(size=SIZE) as pilot:
        await until_shown(app, pilot, text)
        elapsed = time.perf_counter() - start, time.process_time() - cpu
        await pilot.press("ctrl+q")
    return elapsed


class Bare(App):
    def compose(self):
        yield Static("Kale Textual-app: eerste scherm")


async def bare() -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    app = Bare()
    async with app.run_test(size=SIZE) as pilot:
        await until_shown(app, pilot, "eerste scherm")
        return time.perf_counter() - start, time.process_time() - cpu


def median(values: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(v[0] for v in values), statistics.median(v[1] for v in values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    deck = load_deck()
    print(f"{'tables':>6} {'MB':>5} | {'bare':>6} {'cpu':>6} | {'first screen':>12} {'cpu':>6} | "
          f"{'summary':>7} {'cpu':>6} | vs bare  vs first screen")
    with tempfile.TemporaryDirectory() as tmp:
        for tables in (60, 500):
            store = SessionStore(Path(tmp) / str(tables))
            path = make_session(store, deck, tables)
            b, p, s = [], [], []
            for _ in range(args.runs):
                b.append(asyncio.run(bare()))
                p.append(asyncio.run(patroon(store, deck, path, deck.screens[0].id, "F1")))
                s.append(asyncio.run(patroon(store, deck, path, "samenvatting",
                                             "Gekozen patronen")))
            (bw, bc), (pw, pc), (sw, sc) = median(b), median(p), median(s)
            print(f"{tables:>6} {path.stat().st_size / 1e6:5.2f} | {bw:6.3f} {bc:6.3f} | "
                  f"{pw:12.3f} {pc:6.3f} | {sw:7.3f} {sc:6.3f} | {sw / bw:6.1f}x  {sw / pw:6.2f}x")


if __name__ == "__main__":
    main()
