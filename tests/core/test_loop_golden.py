"""The loop drawings as text fixtures in ``tests/core/golden/``, reviewed by eye.

Run with ``UPDATE_GOLDEN=1`` to write the fixtures again after an intended change to the
drawing, then read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from patroon_tui.core.drawing.loop import draw_loop
from patroon_tui.core.model.deck import load_deck

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

_WORDS = (
    "de casus blijft hangen en relaties komen onder druk te staan terwijl organisaties naar "
    "elkaar kijken en vragen wie er aan zet is omdat niemand het overzicht heeft"
).split()


def made_up_steps(count: int) -> list[str]:
    """Steps of different lengths, the same on every run."""
    steps = []
    for i in range(count):
        length = 4 + (i * 5) % 13
        words = [_WORDS[(i * 7 + j) % len(_WORDS)] for j in range(length)]
        steps.append(" ".join(words).capitalize() + ".")
    return steps


def _cases() -> list[tuple[str, dict]]:
    deck = load_deck()
    cases: list[tuple[str, dict]] = []
    for pattern in deck.patterns:
        for width in (80, 100, 160):
            for ascii in (False, True):
                name = f"{pattern.id}-{width}{'-ascii' if ascii else ''}"
                cases.append(
                    (name, dict(title=pattern.title, steps=pattern.steps, width=width, ascii=ascii))
                )
        cases.append(
            (f"{pattern.id}-50-chain", dict(title=pattern.title, steps=pattern.steps, width=50))
        )
    for count in (2, 3, 4, 6, 8, 12):
        for width in (70, 120, 200):
            steps = made_up_steps(count)
            cases.append(
                (f"steps{count}-{width}", dict(title="Eigen patroon", steps=steps, width=width))
            )
    wereldvrede = deck.pattern("wereldvrede")
    base = dict(title=wereldvrede.title, steps=wereldvrede.steps)
    cases += [
        ("wereldvrede-100x20-highlight5", dict(base, width=100, height=20, highlight=5)),
        ("wereldvrede-160x16-highlight2", dict(base, width=160, height=16, highlight=2)),
        ("wereldvrede-100-reveal3", dict(base, width=100, reveal=3)),
        ("wereldvrede-50-chain-ascii", dict(base, width=50, ascii=True)),
        ("wereldvrede-22-truncated-highlight2", dict(base, width=22, highlight=2)),
        (
            "steps12-200x40-highlight7",
            dict(title="Eigen patroon", steps=made_up_steps(12), width=200, height=40, highlight=7),
        ),
    ]
    return cases


CASES = _cases()


@pytest.mark.parametrize("name,kwargs", CASES, ids=[name for name, _ in CASES])
def test_drawing_matches_its_fixture(name: str, kwargs: dict):
    kwargs = dict(kwargs)
    drawing = draw_loop(kwargs.pop("title"), kwargs.pop("steps"), kwargs.pop("width"), **kwargs)
    text = "\n".join(drawing.lines) + "\n"
    path = GOLDEN / f"{name}.txt"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no fixture {path.name}; run with UPDATE_GOLDEN=1 to write it"
    assert text == path.read_text(encoding="utf-8")
