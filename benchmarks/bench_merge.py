"""How long merging three copies of a 60-table, 1 MB session takes.

The session is ``bench_tables``' one (60 tables with long answers, about 1 MB of notes).
Three laptops each change an answer of every table (the same question on two of them,
so every table has a conflict) and add a table; then ``patroon merge`` of the three files
is timed in a fresh process, as a facilitator runs it, and ``merge_sessions`` alone in
this one. Prints the median of the runs in seconds.

    python benchmarks/bench_merge.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

import bench_tables  # noqa: E402

from patroon_tui.core.merge import merge_sessions  # noqa: E402
from patroon_tui.core.model.deck import load_deck  # noqa: E402
from patroon_tui.core.model.session import Table  # noqa: E402
from patroon_tui.core.model.versions import Baseline, stamp  # noqa: E402
from patroon_tui.core.sessionfile.store import SessionStore  # noqa: E402


def make_copies(folder: Path) -> list[Path]:
    deck = load_deck()
    store = SessionStore(folder / "sessies")
    original = bench_tables.make_big_session(store, deck, "tafels")
    paths = []
    for n in range(3):
        copy = folder / f"laptop-{n}" / original.name
        copy.parent.mkdir()
        shutil.copy(original, copy)
        laptop = SessionStore(copy.parent)
        session = laptop.load(copy)
        baseline = Baseline.of(session)
        question = deck.text_questions[0 if n < 2 else 1].id
        for table in session.tables:
            table.answers[question] = f"Laptop {n} over {table.name}"
        session.tables.append(Table(id=session.new_table_id(), name="Nieuwe tafel"))
        stamp(session, baseline, f"laptop{n}")
        laptop.save(session, copy)
        paths.append(copy)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-merge-"))
    paths = make_copies(folder)
    print(f"three copies of {paths[0].stat().st_size / 1e6:.2f} MB")
    store = SessionStore(folder / "sessies")
    sessions = [store.load(p) for p in paths]
    in_process = []
    for _ in range(args.runs):
        start = time.perf_counter()
        merged = merge_sessions(sessions)
        in_process.append(time.perf_counter() - start)
    command = []
    for n in range(args.runs):
        out = folder / f"samen-{n}.toml"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "patroon_tui", "merge", *map(str, paths),
                        "-o", str(out), "--sessions-dir", str(store.folder)],
                       check=True, capture_output=True, cwd=REPO_ROOT)
        command.append(time.perf_counter() - start)
    print(f"merge_sessions   median {statistics.median(in_process):.2f} s "
          f"({len(merged.tables)} tables, {len(merged.conflicts or {})} conflicts)")
    print(f"patroon merge    median {statistics.median(command):.2f} s (read, merge, write)")


if __name__ == "__main__":
    main()
