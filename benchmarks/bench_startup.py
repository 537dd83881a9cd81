"""Time from process start to the first programme screen painted, against a bare Textual app.

Three cases, each run in a fresh subprocess, interleaved (bare, new, resume, bare, …):

- ``bare``: a plain Textual app with the same kinds of widgets (Header, Tree, Markdown,
  TextArea, Footer) showing the first slide — the floor any Textual app pays.
- ``new``: ``patroon new`` — make a session and paint its first screen.
- ``resume``: ``patroon open`` of a session with 60 tables (answers and notes filled),
  resuming on the tables screen (the heaviest screen to resume on).
- ``resume-mid``: the same session resumed on a text screen of part 3, where a session
  with every table filled in typically stopped.

The project's modules are compiled to bytecode first, as ``pip install`` does, so a run
never pays for compiling them (Textual's own modules were compiled when installed).

The child runs headless and prints a marker once the screen is painted; the parent times
from just before starting the process to reading that marker (wall clock). The child also
reports the CPU time it used until then, which other programs running on the machine do
not inflate. Prints medians and ratios against ``bare`` for both (targets: new ≤ 1.2×,
resume ≤ 1.3×), and the median of the ratios per round: each round runs every case once,
back to back, so a machine that is slower for a while (measured here: the same child
taking 0.9 s and 1.45 s of CPU a minute apart) slows a round's cases alike.

    python benchmarks/bench_startup.py [--runs 10]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
MARKER = "PAINTED"
TARGETS = {"new": 1.2, "resume": 1.3, "resume-mid": 1.3}
MID_SCREEN = "leidende-principes"


# -- the children -------------------------------------------------------------------------


def child_bare() -> None:
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, Vertical
    from textual.widgets import Footer, Header, Markdown, TextArea, Tree

    from patroon_tui.core.model.deck import load_deck

    deck = load_deck()

    class Bare(App):
        def compose(self) -> ComposeResult:
            yield Header()
            with Horizontal():
                tree: Tree[str] = Tree("Programma")
                for part in deck.parts:
                    node = tree.root.add(part.title, expand=True)
                    for screen in part.screens:
                        node.add_leaf(screen.title)
                yield tree
                with Vertical():
                    yield Markdown(deck.screens[0].body)
                    yield TextArea()
            yield Footer()

    run_headless(Bare(), lambda app: True)


def child_app(command: list[str]) -> None:
    from patroon_tui import garbage_collector as collector

    collector.pause()  # as the command line does before it imports the app
    from patroon_tui.app import build_app
    from patroon_tui.core.model.deck import load_deck
    from patroon_tui.core.sessionfile.store import SessionStore

    store = SessionStore(Path(os.environ["BENCH_SESSIONS"]))
    deck = load_deck()
    if command[0] == "new":
        app = build_app(store=store, deck=deck, new_options={"title": "Meting"})
    else:
        screen = command[2] if len(command) > 2 else None
        app = build_app(store=store, deck=deck, session_path=store.resolve(command[1]),
                        screen=screen)
    run_headless(app, programme_shown)


def programme_shown(app) -> bool:
    """The programme is the screen and the current slide's body is mounted (with its fields)."""
    screen = app.screen
    if getattr(screen, "id", None) != "programme" or screen.body is None:
        return False
    return screen.body.is_mounted and all(child.is_mounted for child in screen.body.walk_children())


def run_headless(app, ready) -> None:
    async def auto_pilot(pilot) -> None:
        while not ready(pilot.app):
            await pilot.pause()
        await pilot.pause()  # one refresh: the screen is painted
        # CPU seconds since the process began: robust when other programs load the machine.
        print(f"{MARKER} {time.process_time():.4f}", flush=True)
        pilot.app.exit()

    app.run(headless=True, size=(100, 30), auto_pilot=auto_pilot)


# -- the parent ---------------------------------------------------------------------------


def make_big_session(folder: Path) -> str:
    sys.path.insert(0, str(REPO_ROOT))
    from patroon_tui.core.model.deck import load_deck
    from patroon_tui.core.model.session import Table
    from patroon_tui.core.sessionfile.store import SessionStore

    store = SessionStore(folder)
    deck = load_deck()
    session = store.create(title="Zestig tafels", deck=deck)
    session.tables = [
        Table(
            id=f"tafel-{n}", name=f"Tafel {n}", participants="gemeente, GGZ, corporatie",
            pattern="wereldvrede",
            answers={q.id: f"Antwoord van tafel {n} op {q.id}. " * 20 for q in deck.text_questions},
        )
        for n in range(1, 61)
    ]
    for screen in deck.screens:
        session.notes[screen.id] = f"Notitie bij {screen.title}.\n" * 30
    session.progress.screen = "tafels"
    store.save(session)
    return session.session.id


def time_once(case: str, sessions: Path, session_id: str) -> tuple[float, float]:
    args = {"bare": ["bare"], "new": ["new"], "resume": ["resume", session_id],
            "resume-mid": ["resume", session_id, MID_SCREEN]}[case]
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), BENCH_SESSIONS=str(sessions))
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(MARKER):
            elapsed = time.perf_counter() - start
            cpu = float(line.split()[1])
            break
    else:
        raise SystemExit(f"{case}: no marker; stderr:\n{proc.stderr.read() if proc.stderr else ''}")
    proc.wait(timeout=30)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        if args.child[0] == "bare":
            child_bare()
        else:
            child_app(args.child)
        return
    # Written even where PYTHONDONTWRITEBYTECODE is set; the children then read them.
    compileall.compile_dir(REPO_ROOT / "patroon_tui", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        sessions = Path(tmp) / "sessions"
        session_id = make_big_session(sessions)
        times: dict[str, list[tuple[float, float]]] = {
            "bare": [], "new": [], "resume": [], "resume-mid": []
        }
        time_once("bare", sessions, session_id)  # warm the file cache, not counted
        for _ in range(args.runs):
            for case in times:
                times[case].append(time_once(case, sessions, session_id))
    for label, pick in (("wall clock, s", 0), ("CPU time, s", 1)):
        medians = {case: statistics.median(v[pick] for v in values) for case, values in times.items()}
        print(f"{label:<14} {'median':>8} {'min':>8} {'max':>8}  ratio  per round  target")
        for case, values in times.items():
            picked = [v[pick] for v in values]
            ratio = medians[case] / medians["bare"]
            rounds = statistics.median(
                v[pick] / b[pick] for v, b in zip(values, times["bare"], strict=True)
            )
            target = f"<= {TARGETS[case]}x" if case in TARGETS else ""
            verdict = ("ok" if ratio <= TARGETS[case] else "OVER") if case in TARGETS else ""
            print(f"{case:<14} {medians[case]:8.3f} {min(picked):8.3f} {max(picked):8.3f}  "
                  f"{ratio:4.2f}x  {rounds:8.2f}x  {target} {verdict}")
        print()


if __name__ == "__main__":
    main()
