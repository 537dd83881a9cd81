"""Render time of draw_loop for 6 and 12 steps at 80, 160 and 250 columns.

Prints the median of many runs per case: redrawing the same pattern (what a resize or a new
highlight does; wrapped text is cached), drawing a pattern never seen before ("new text",
its words shuffled anew each run), the same without Dutch hyphenation ("no hyph."), and, for
reference on the machine it ran on, ``textwrap.wrap`` of the same steps. Before that, the
time to read the hyphenation dictionary once. Ends with the figure the project holds itself
to: 12 new steps at 160x45 under 2 ms, with hyphenation.

    python benchmarks/bench_loop.py [--runs N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from patroon_tui.core.drawing import hyphen  # noqa: E402
from patroon_tui.core.drawing.loop import draw_loop  # noqa: E402

STEP = (
    "Bij het inzoomen op het vraagstuk zijn er verschillende (botsende) perspectieven op het "
    "probleem, wat nodig is én uiteenlopende belangen."
)


BUDGET_MS = 2.0


def median_ms(func, runs: int) -> float:
    times = []
    for run in range(runs):
        start = time.perf_counter()
        func(run)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    start = time.perf_counter()
    hyphen.load()
    load_ms = (time.perf_counter() - start) * 1000
    print(f"reading the Dutch hyphenation dictionary: {load_ms:.1f} ms")
    print(f"median of {args.runs} runs, milliseconds")
    budget = None
    print(
        f"{'steps':>5} {'width':>5} {'height':>6} {'redraw':>8} {'new text':>9}"
        f" {'no hyph.':>9} {'textwrap':>9} {'layout':>7}"
    )
    shuffler = random.Random(7)

    def shuffled(text: str, run: int) -> str:
        words = text.split()
        shuffler.shuffle(words)
        return " ".join(words) + f" {run}"

    for count in (6, 12):
        steps = [f"{STEP} ({i})" for i in range(1, count + 1)]
        for width in (80, 160, 200, 250):
            for height in (None, 45):
                drawing = draw_loop("Wereldvrede", steps, width, height)
                fresh = [[shuffled(s, run) for s in steps] for run in range(args.runs)]
                plain = [[shuffled(s, run) for s in steps] for run in range(args.runs)]
                redraw_ms = median_ms(
                    lambda run: draw_loop("Wereldvrede", steps, width, height, highlight=2),
                    args.runs,
                )
                new_ms = median_ms(
                    lambda run: draw_loop("Wereldvrede", fresh[run], width, height, highlight=2),
                    args.runs,
                )
                plain_ms = median_ms(
                    lambda run: draw_loop(
                        "Wereldvrede", plain[run], width, height, highlight=2, hyphenate=False
                    ),
                    args.runs,
                )
                wrap_ms = median_ms(
                    lambda run: [textwrap.wrap(s, width // 3) for s in steps], args.runs
                )
                print(
                    f"{count:>5} {width:>5} {height or '-':>6} {redraw_ms:>8.3f} {new_ms:>9.3f}"
                    f" {plain_ms:>9.3f} {wrap_ms:>9.3f} {drawing.layout:>7}"
                )
                if (count, width, height) == (12, 160, 45):
                    budget = new_ms
    verdict = "within" if budget is not None and budget < BUDGET_MS else "OVER"
    print(f"12 steps at 160x45, new text: {budget:.3f} ms ({verdict} the {BUDGET_MS} ms budget)")


if __name__ == "__main__":
    main()
