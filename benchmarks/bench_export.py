"""How long the report of a big session takes in each format, and what Word costs to import.

The session is ``bench_tables``' one (60 tables with long answers, about 600 characters
each, and 1 MB of notes), with a phone number in every answer. Printed, as medians of N runs in this process (wall clock and CPU):

- ``privacy``: the privacy check over every typed field;
- ``md``, ``html``, ``docx``: building the report and writing it in that format, as
  ``patroon export`` and the app's export worker do (the app runs this in a worker thread:
  what its interface waits for is only ``copy``, the session copied for the worker);
- ``import docx``: python-docx (and lxml) imported in a fresh interpreter, against a
  fresh interpreter that imports nothing: the cost kept off the app's start.

    python benchmarks/bench_export.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_tables  # noqa: E402

from patroon_tui.core.model.deck import load_deck  # noqa: E402
from patroon_tui.core.report.export import export_report  # noqa: E402
from patroon_tui.core.report.privacy import find_personal_data  # noqa: E402
from patroon_tui.core.sessionfile.store import SessionStore  # noqa: E402


def make_big_session(store: SessionStore, deck):
    """The tables benchmark's session, each table choosing another pattern and mentioning
    a phone number in every answer (so the privacy check and the redaction have work)."""
    path = bench_tables.make_big_session(store, deck, "samenvatting")
    session = store.load(path)
    for n, table in enumerate(session.tables, start=1):
        table.pattern = deck.patterns[n % len(deck.patterns)].id
        for qid, answer in table.answers.items():
            table.answers[qid] = f"{answer}Bel 06-1234{n:04d}."
    return session, store.save(session, path)


def timed(work, runs: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def fresh_import(code: str, runs: int) -> float:
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    deck = load_deck()
    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp) / "sessions")
        session, path = make_big_session(store, deck)
        print(f"session file: {path.stat().st_size / 1e6:.2f} MB, {len(session.tables)} tables")
        found = find_personal_data(session, deck)
        print(f"personal data found: {len(found)}")
        print(f"{'':<12} {'wall, s':>9} {'CPU, s':>9}  output")
        rows = [
            ("copy", lambda: session.model_copy(deep=True), ""),
            ("privacy", lambda: find_personal_data(session, deck), ""),
        ]
        for fmt in ("md", "html", "docx", "pdf", "csv"):
            target = Path(tmp) / f"verslag.{fmt}"
            rows.append((fmt, lambda fmt=fmt, target=target: target.write_bytes(
                export_report(session, deck, fmt)), target))
        rows.append(("docx redact", lambda: export_report(session, deck, "docx", redact=True), ""))
        for label, work, target in rows:
            wall, cpu = timed(work, args.runs)
            size = f"{Path(target).stat().st_size / 1e6:.2f} MB" if target else ""
            print(f"{label:<12} {wall:9.3f} {cpu:9.3f}  {size}")
    bare = fresh_import("pass", args.runs)
    with_docx = fresh_import("import docx", args.runs)
    print(f"\nfresh interpreter: {bare:.3f} s; importing python-docx: {with_docx:.3f} s "
          f"(+{with_docx - bare:.3f} s, paid on the first Word export only)")


if __name__ == "__main__":
    main()
