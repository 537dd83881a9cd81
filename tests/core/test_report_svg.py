"""The loop as an SVG ring in the HTML report: for 2 to 12 steps of any length the boxes do
not overlap, every line of a step's text lies inside its box, and a screen reader gets the
title and every step."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings, strategies as st

from patroon_tui.core.report.loop_svg import CELL_W, LINE_H, loop_svg

SVG = "{http://www.w3.org/2000/svg}"

_WORD = st.sampled_from(
    ["casus", "organisaties", "domeinoverstijgende", "wie", "is", "aan", "zet?", "de", "druk",
     "loopt", "op.", "👩‍💻", "❤️", "samenwerkingsafspraken", "&", "<wijk>", "ééé"]
)
_STEP = st.lists(_WORD, min_size=1, max_size=25).map(" ".join)


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def boxes(root: ET.Element) -> dict[int, tuple[float, float, float, float]]:
    out = {}
    for group in root.iter(f"{SVG}g"):
        rect = group.find(f"{SVG}rect")
        assert rect is not None
        out[int(group.get("data-step"))] = tuple(
            float(rect.get(k)) for k in ("x", "y", "width", "height")
        )
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(_STEP, min_size=2, max_size=12), _STEP)
def test_boxes_never_overlap_and_text_stays_inside(steps, title):
    svg = loop_svg(title, steps, "p")
    assert svg is not None
    root = parsed(svg)
    placed = boxes(root)
    assert sorted(placed) == list(range(1, len(steps) + 1))
    rects = list(placed.values())
    for i, (x1, y1, w1, h1) in enumerate(rects):
        for x2, y2, w2, h2 in rects[i + 1 :]:
            apart = x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1
            assert apart, "two step boxes overlap"
    for group in root.iter(f"{SVG}g"):
        x, y, w, h = placed[int(group.get("data-step"))]
        for text in group.iter(f"{SVG}text"):
            left, baseline = float(text.get("x")), float(text.get("y"))
            cells = int(text.get("data-cells", len(text.text or "")))
            assert x < left and left + cells * CELL_W <= x + w - CELL_W
            assert y + LINE_H / 2 < baseline <= y + h - LINE_H / 4


@settings(max_examples=30, deadline=None)
@given(st.lists(_STEP, min_size=2, max_size=12), _STEP)
def test_every_word_of_the_steps_are_in_the_boxes_and_the_description(steps, title):
    root = parsed(loop_svg(title, steps, "p"))
    shown = {}
    for group in root.iter(f"{SVG}g"):
        texts = [t for t in group.iter(f"{SVG}text") if t.get("class") == "step-text"]
        shown[int(group.get("data-step"))] = " ".join(t.text or "" for t in texts)
    for n, step in enumerate(steps, start=1):
        # Lines break between words or at a hyphen: the words are all there, in order.
        assert shown[n].replace("- ", "").replace("-", "").split() == step.replace(
            "-", ""
        ).split()
    desc = root.find(f"{SVG}desc").text
    assert all(f"Stap {n}: {step}" in desc for n, step in enumerate(steps, start=1))
    assert root.find(f"{SVG}title").text == title
    assert root.get("role") == "img"


def test_arrows_run_from_each_step_to_the_next_and_back_to_the_first():
    steps = ["Een", "Twee", "Drie", "Vier", "Vijf"]
    root = parsed(loop_svg("Rond", steps, "p"))
    lines = list(root.iter(f"{SVG}line"))
    assert len(lines) == len(steps)
    placed = boxes(root)

    def nearest(px: float, py: float) -> int:
        def distance(box):
            x, y, w, h = box
            dx = max(x - px, 0, px - (x + w))
            dy = max(y - py, 0, py - (y + h))
            return dx * dx + dy * dy

        return min(placed, key=lambda step: distance(placed[step]))

    pairs = [
        (nearest(float(ln.get("x1")), float(ln.get("y1"))),
         nearest(float(ln.get("x2")), float(ln.get("y2"))))
        for ln in lines
    ]
    assert pairs == [(1, 2), (2, 3), (3, 4), (4, 5), (5, 1)]
