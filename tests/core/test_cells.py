"""Display width per grapheme cluster: emoji sequences, variation selectors, accents, CJK."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from patroon_tui.core.drawing.cells import cell_width, char_width, graphemes
from patroon_tui.core.drawing.loop import draw_loop
from patroon_tui.core.drawing.wrap import truncate, wrap
from tests.core.loop_helpers import box_text, cells

CODER = "👩\u200d💻"  # woman, zero width joiner, laptop: one emoji on screen
HEART = "❤\ufe0f"  # heavy black heart + emoji variation selector: drawn as an emoji

SAMPLES = [CODER, HEART, "❤", "漢", "e\u0301", "🇳🇱", "👍🏽", "a", "‘", "…", "─"]


@pytest.mark.parametrize(
    ("text", "width"),
    [(CODER, 2), (HEART, 2), ("❤", 1), ("e\u0301", 1), ("🇳🇱", 2), ("👍🏽", 2), ("漢字", 4)],
)
def test_cell_width_counts_what_the_terminal_shows(text, width):
    assert cell_width(text) == width


@pytest.mark.parametrize("text", SAMPLES)
def test_cell_width_agrees_with_what_textual_draws(text):
    assert cell_width(text) == cell_len(text)
    assert char_width(text) == cell_len(text)


def test_graphemes_keep_sequences_whole():
    text = f"a{CODER}{HEART}e\u0301!"
    assert list(graphemes(text)) == ["a", CODER, HEART, "e\u0301", "!"]
    assert "".join(graphemes(text)) == text


def test_text_is_never_cut_inside_a_cluster():
    assert truncate(f"ab{CODER}cd", 3) == "ab…"
    assert truncate(f"ab{CODER}cd", 5) == f"ab{CODER}…"
    for line in wrap(f"{CODER * 12} {HEART * 9}", 7):
        assert cell_width(line) <= 7
        assert all(g in (CODER, HEART, "-") for g in graphemes(line))


@pytest.mark.parametrize("width", [40, 70, 100, 140])
def test_a_ring_with_emoji_sequences_stays_aligned(width):
    steps = [
        f"{CODER} de programmeur wacht op de vraag",
        f"{HEART} de klant wacht op het antwoord",
        f"niemand vraagt {CODER}{HEART} wat er nodig is",
        "en dus blijft het stil",
    ]
    drawing = draw_loop(f"Stilte {HEART}", steps, width)
    for line in drawing.lines:
        assert cell_len(line) == cell_width(line) <= width
    for step, rows in drawing.spans.items():
        for row, start, end in rows:
            line_cells = cells(drawing.lines[row], end)
            if drawing.layout == "ring":
                # each row of a box has its borders in the same two cells
                assert line_cells[start] in "┌│└" and line_cells[end - 1] in "┐│┘", (row, step)
        assert box_text(drawing, step, like=f"{step}{steps[step - 1]}") == (
            f"{step}{''.join(steps[step - 1].split())}"
        )


def test_plain_characters_are_one_cell_and_one_cluster_as_wcwidth_says():
    import wcwidth

    from patroon_tui.core.drawing.cells import PLAIN

    plain = [chr(c) for c in range(0x10000) if PLAIN.fullmatch(chr(c))]
    assert "‘" in plain and "┌" in plain and "é" in plain and "\u0301" not in plain
    for ch in plain:
        assert wcwidth.wcwidth(ch) == 1, hex(ord(ch))
        assert len(list(wcwidth.iter_graphemes("x" + ch + ch + "y"))) == 4, hex(ord(ch))
        assert cell_width("a" + ch) == 2 and list(graphemes(ch + ch)) == [ch, ch]


def test_a_drawing_of_plain_dutch_text_does_not_import_wcwidth():
    # wcwidth's import costs some 70 ms on the way to the first screen; a fresh interpreter.
    import os
    import subprocess
    import sys
    from pathlib import Path

    check = (
        "import sys\n"
        "from patroon_tui.core.drawing.loop import draw_loop\n"
        "draw_loop('‘Wereldvrede’', ['Eén stap — ‘Hier moeten we iets mee.’', 'Daarna…'], 80,"
        " hyphenate=False)\n"
        "print('wcwidth' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "False"
