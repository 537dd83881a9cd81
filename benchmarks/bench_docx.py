"""Whether the Word report grows in step with the session: notes and tables, small and big.

A session with N notes on screens of their own (each a heading and a paragraph in the
report) and one with N tables (each a row in the overview and a section of its own), for
N = 1,000 and 8,000. Printed per size: the Markdown and the Word report built in this
process (wall clock, median of N runs), and how much longer the big one took than the small
one: a writer linear in the session takes about 8 times as long for 8 times as much.

    python benchmarks/bench_docx.py [--runs 3] [--sizes 1000 8000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from patroon_tui.core.model.deck import load_deck  # noqa: E402
from patroon_tui.core.model.session import Session, Table, new_session  # noqa: E402
from patroon_tui.core.report.export import export_report  # noqa: E402


def with_notes(n: int) -> Session:
    session = new_session(session_id="veel-notities", title="Veel notities")
    session.notes = {f"scherm-{i}": f"Notitie {i}: wat de tafel zei.\nEn een tweede regel."
                     for i in range(n)}
    return session


def with_tables(n: int) -> Session:
    session = new_session(session_id="veel-tafels", title="Veel tafels")
    session.tables = [
        Table(id=f"tafel-{i}", name=f"Tafel {i}", participants="Ans, Bas",
              answers={"herkenbaar": f"Herkenbaar {i}.", "bijdrage": f"Bijdrage {i}."})
        for i in range(1, n + 1)
    ]
    return session


def timed(work, runs: int) -> float:
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs=2, default=[1000, 8000])
    args = parser.parse_args()
    deck = load_deck()
    small, big = args.sizes
    print(f"{'':<8} {'N':>6} {'md, s':>8} {'docx, s':>8} {'docx MB':>8}")
    for kind, make in (("notes", with_notes), ("tables", with_tables)):
        docx_times = {}
        for n in (small, big):
            session = make(n)
            md = timed(lambda session=session: export_report(session, deck, "md"), args.runs)
            size = len(export_report(session, deck, "docx")) / 1e6
            docx_times[n] = timed(lambda session=session: export_report(session, deck, "docx"),
                                  args.runs)
            print(f"{kind:<8} {n:>6} {md:8.3f} {docx_times[n]:8.3f} {size:8.2f}")
        print(f"{kind:<8} Word: {big / small:.0f}× the session took "
              f"{docx_times[big] / docx_times[small]:.1f}× as long\n")


if __name__ == "__main__":
    main()
