"""draw_loop: the ring's shape, fitting in the space given, reveal, highlight and ASCII."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from patroon_tui.core.drawing.loop import CHAIN_TRUNCATE_WIDTH, cell_width, char_width, draw_loop
from patroon_tui.core.model.deck import load_deck
from tests.core.loop_helpers import body_lines, box_text, labels

LONG_STEP = (
    "Bij het inzoomen op het vraagstuk zijn er verschillende perspectieven op het probleem, "
    "wat nodig is en uiteenlopende belangen van alle partijen."
)


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_six_long_steps_show_every_word_at_160_by_45():
    steps = [f"{LONG_STEP[: 140 - 2]} {i}" for i in range(1, 7)]
    assert all(len(s) == 140 for s in steps)
    drawing = draw_loop("Wereldvrede", steps, 160, 45)
    assert drawing.layout == "ring"
    assert len(drawing.lines) <= 45
    assert drawing.detail == []
    for number, step in enumerate(steps, start=1):
        assert box_text(drawing, number, like=f"{number}{step}") == f"{number}{squeeze(step)}"


def test_deck_pattern_ring_goes_round_in_cycle_order():
    pattern = load_deck().pattern("wereldvrede")
    drawing = draw_loop(pattern.title, pattern.steps, 100)
    text = "\n".join(drawing.lines)
    assert drawing.layout == "ring"
    assert sorted(labels(drawing)) == [1, 2, 3, 4, 5, 6]
    assert "‘Wereldvrede’" in text and "↻ versterkende lus" in text
    # one arrow each way along the rows, one down the right side and one up the left side
    assert text.count("▶") == 1 and text.count("◀") == 1
    assert text.count("▼") == 2 and text.count("▲") == 2
    top = {n: min(r for r, _s, _e in drawing.spans[n]) for n in range(1, 7)}
    left = {n: drawing.spans[n][0][1] for n in range(1, 7)}
    assert top[1] == top[2] < top[3] == top[6] < top[4] == top[5]
    assert left[1] < left[2] and left[6] < left[3] and left[5] < left[4]


def test_two_steps_have_arrows_both_ways():
    drawing = draw_loop("Twee", ["Eerst dit.", "Dan dat."], 80)
    text = "\n".join(drawing.lines)
    assert text.count("▶") == 1 and text.count("◀") == 1
    right_row = next(i for i, line in enumerate(drawing.lines) if "▶" in line)
    left_row = next(i for i, line in enumerate(drawing.lines) if "◀" in line)
    assert right_row < left_row


def test_short_height_shortens_boxes_and_writes_highlighted_step_below():
    pattern = load_deck().pattern("wereldvrede")
    drawing = draw_loop(pattern.title, pattern.steps, 100, 16, highlight=5)
    assert drawing.layout == "ring"
    assert len(drawing.lines) <= 16
    assert any("…" in line for line in body_lines(drawing))
    assert drawing.detail and drawing.lines[-len(drawing.detail) :] == drawing.detail
    assert squeeze(" ".join(drawing.detail)) == "5" + squeeze(pattern.steps[4])
    without = draw_loop(pattern.title, pattern.steps, 100, 16)
    assert without.detail == []
    # the ring does not move when a step is highlighted
    assert body_lines(without) == body_lines(drawing)


def test_narrow_width_gives_a_chain_in_dutch():
    pattern = load_deck().pattern("wereldvrede")
    drawing = draw_loop(pattern.title, pattern.steps, 50)
    assert drawing.layout == "chain"
    assert drawing.lines[-1] == "↺  terug naar 1"
    assert drawing.lines.count("↓") == 5
    assert labels(drawing) == [1, 2, 3, 4, 5, 6]


def test_ring_that_cannot_fit_the_height_becomes_a_chain():
    pattern = load_deck().pattern("wereldvrede")
    drawing = draw_loop(pattern.title, pattern.steps, 120, 7)
    assert drawing.layout == "chain"


def test_very_narrow_chain_truncates_lines():
    pattern = load_deck().pattern("wereldvrede")
    drawing = draw_loop(pattern.title, pattern.steps, 20)
    assert drawing.layout == "chain"
    assert all(cell_width(line) <= 20 for line in drawing.lines)
    assert any(line.endswith("…") for line in drawing.lines)


def test_reveal_keeps_the_layout_and_only_joins_shown_steps():
    pattern = load_deck().pattern("wereldvrede")
    full = draw_loop(pattern.title, pattern.steps, 100)
    partial = draw_loop(pattern.title, pattern.steps, 100, reveal=2)
    assert partial.spans == full.spans
    assert sorted(labels(partial)) == [1, 2]
    text = "\n".join(partial.lines)
    assert text.count("▶") == 1  # 1 → 2 only
    assert "▼" not in text and "▲" not in text and "◀" not in text
    assert "Er wordt een opdracht" not in text
    nothing = draw_loop(pattern.title, pattern.steps, 100, reveal=0)
    assert labels(nothing) == [] and "▶" not in "\n".join(nothing.lines)


def test_ascii_draws_the_same_ring_with_plain_characters():
    pattern = load_deck().pattern("wereldvrede")
    box = draw_loop(pattern.title, pattern.steps, 100)
    plain = draw_loop(pattern.title, pattern.steps, 100, ascii=True)
    assert plain.spans == box.spans
    frame = set("".join(plain.lines)) & set("┌┐└┘─│▶◀▲▼")
    assert frame == set()
    text = "\n".join(plain.lines)
    assert "-->" in text or "->" in text
    assert "<-" in text and "v" in text and "^" in text


def test_a_word_too_long_for_its_box_breaks_where_dutch_breaks_it():
    pattern = load_deck().pattern("wereldvrede")
    drawing = draw_loop(pattern.title, pattern.steps, 80)
    # 17 cells of text per line: the word fills the line it starts on, then goes on
    rows = [i for i, line in enumerate(drawing.lines) if "mee.’ (gemeen-    │" in line]
    assert len(rows) == 1
    assert "│    schappelijkheid)  │" in drawing.lines[rows[0] + 1]
    # the other words of the box stay whole: breaking them would not save a line
    assert "│ 2  Op abstract       │" in drawing.lines[rows[0] - 5]
    assert "│    partners het      │" in drawing.lines[rows[0] - 3]


def test_without_the_dictionary_a_word_too_long_is_cut_between_letters():
    pattern = load_deck().pattern("wereldvrede")
    drawing = draw_loop(pattern.title, pattern.steps, 80, hyphenate=False)
    rows = [i for i, line in enumerate(drawing.lines) if "mee.’ (gemeensch- │" in line]
    assert len(rows) == 1
    assert "│    appelijkheid)" in drawing.lines[rows[0] + 1]


def test_words_are_broken_to_fill_lines_only_where_room_is_short():
    pattern = load_deck().pattern("tussen-wal-en-schip")
    roomy = draw_loop(pattern.title, pattern.steps, 78)
    assert "-" not in "".join(roomy.lines)  # with room enough no word is broken
    plain = draw_loop(pattern.title, pattern.steps, 78, 24, hyphenate=False)
    broken = draw_loop(pattern.title, pattern.steps, 78, 24)
    assert any("…" in line for line in plain.lines)
    assert not any("…" in line for line in broken.lines)
    assert "│    voor organisa-    │" in "\n".join(broken.lines)
    # box 1 is lower than box 2 in any case: its words stay whole
    assert "-" not in box_text(broken, 1)
    for number, step in enumerate(pattern.steps, 1):
        assert box_text(broken, number, like=step) == f"{number}{squeeze(step)}"


def test_a_word_breaks_after_its_own_hyphen_first():
    steps = ["Alle samenwerkingsverbanden-overleggen wachten.", "Niemand belt."]
    drawing = draw_loop("Wachten", steps, 30)  # a chain: 27 cells of text per line
    text = "\n".join(drawing.lines)
    assert "samenwerkingsverbanden-\n" in text
    assert "--" not in text
    assert box_text(drawing, 1, like=f"1{steps[0]}") == f"1{squeeze(steps[0])}"


def test_wide_characters_and_very_narrow_lines_break_without_a_hyphen():
    wide = draw_loop("Lus", ["漢字" * 20, "Terug."], 30)
    assert "-" not in "".join(wide.lines)
    narrow = draw_loop("Lus", ["abcdefghijklmnop", "q"], 6)  # 3 cells of text per line
    assert "-" not in "".join(narrow.lines)


def test_wide_characters_count_as_two_cells():
    assert char_width("漢") == 2 and char_width("😀") == 2
    assert char_width("a") == 1 and char_width("\u0301") == 0
    steps = ["漢字の文章 " * 12, "😀 emoji 👍 " * 10, "gewone tekst"]
    for width in (20, 45, 60, 83, 140):
        drawing = draw_loop("Tekens", steps, width)
        assert all(cell_width(line) <= width for line in drawing.lines)


def test_cell_width_agrees_with_the_terminal_library():
    from rich.cells import cell_len

    sample = "aé漢字😀👍ñ\u0301‘’…↻▶─│ＡＢ한국어"
    for ch in sample:
        assert char_width(ch) == cell_len(ch), ch


def test_drawing_is_deterministic():
    pattern = load_deck().pattern("tussen-wal-en-schip")
    first = draw_loop(pattern.title, pattern.steps, 123, 40, highlight=2)
    second = draw_loop(pattern.title, pattern.steps, 123, 40, highlight=2)
    assert first == second


def test_core_loop_does_not_import_textual_or_rich():
    root = Path(__file__).resolve().parents[2]
    code = (
        "import sys, patroon_tui.core.drawing.loop; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"


# -- properties ----------------------------------------------------------------------------

_letters = st.characters(
    exclude_categories=("Cc", "Cs", "Cf", "Co", "Cn", "Zl", "Zp"),
    exclude_characters="│|┆",
)
_char = st.one_of(_letters, st.sampled_from(list("漢字😀👍é   ")))
_step = st.one_of(
    st.text(_char, max_size=160),
    st.text(st.sampled_from("abcdefgh"), min_size=25, max_size=90),  # long unbroken words
    st.sampled_from(["", " ", ".", "—"]),
)
_title = st.text(st.sampled_from("abcdefghij ABC"), max_size=40)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=_title,
    steps=st.lists(_step, min_size=2, max_size=12),
    width=st.integers(20, 300),
    height=st.one_of(st.none(), st.integers(5, 80)),
    highlight=st.one_of(st.none(), st.integers(1, 12)),
    ascii=st.booleans(),
)
def test_any_pattern_fits_the_width_and_labels_every_step_once(
    title, steps, width, height, highlight, ascii
):
    drawing = draw_loop(title, steps, width, height, highlight=highlight, ascii=ascii)
    assert all(cell_width(line) <= width for line in drawing.lines)
    assert sorted(labels(drawing)) == list(range(1, len(steps) + 1))
    assert set(drawing.spans) == set(range(1, len(steps) + 1))
    if height is not None:
        # a ring is only drawn when it fits; a chain fits when one line per step can
        smallest_chain = 2 + len(steps) + (len(steps) - 1) + 1
        if drawing.layout == "ring" or smallest_chain <= height:
            assert len(drawing.lines) <= height
    if height is None and width >= CHAIN_TRUNCATE_WIDTH:
        # full text fits: every word of every step is in its box
        assert drawing.detail == []
        for number, step in enumerate(steps, start=1):
            assert box_text(drawing, number, like=f"{number}{step}") == f"{number}{squeeze(step)}"


@settings(max_examples=80, deadline=None)
@given(
    steps=st.lists(_step, min_size=2, max_size=12),
    width=st.integers(20, 300),
    reveal=st.integers(0, 12),
)
def test_reveal_shows_only_the_first_steps(steps, width, reveal):
    drawing = draw_loop("Patroon", steps, width, reveal=reveal)
    shown = min(reveal, len(steps))
    assert sorted(labels(drawing)) == list(range(1, shown + 1))
    assert all(cell_width(line) <= width for line in drawing.lines)
