"""The report's loops with the session's cuts and the deck's slow arrows: the exports (md,
html, docx, pdf) draw the arrow after step 3 of Wereldvrede cut with the first step's
number when a first step is tied to it, and whole without the tie; a slow arrow of a deck
is drawn slow in the ring and the SVG."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import tomli_w
from pypdf import PdfReader

from patroon_tui.core.drawing.loop import draw_loop
from patroon_tui.core.drawing.marks import CUT, SLOW_ACROSS, SLOW_DOWN
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import FirstStep, Table, new_session
from patroon_tui.core.report.document import Loop, build_report
from patroon_tui.core.report.html_page import render_html
from patroon_tui.core.report.loop_svg import loop_svg
from patroon_tui.core.report.markdown import render_markdown
from patroon_tui.core.report.pdf import render_pdf
from patroon_tui.core.report.short import build_short_report
from patroon_tui.core.report.word import render_docx

DECK = load_deck()
STEP = "Samen een visie schrijven"


def session(*, tied: bool):
    s = new_session(session_id="doorbreken", title="Wijkteam Noord")
    s.tables = [Table(id="tafel-1", name="Tafel 1", pattern="wereldvrede")]
    s.first_steps = [
        FirstStep(text="Elke maand een casustafel", owner="GGD"),
        FirstStep(text=STEP, owner="Gemeente", pattern="wereldvrede" if tied else None,
                  breaks_after=3 if tied else None),
    ]
    return s


def wereldvrede_loop(doc) -> Loop:
    return next(b for b in doc.blocks if isinstance(b, Loop) and b.title == "Wereldvrede")


def test_the_report_passes_the_cut_and_not_without_the_tie():
    cut = wereldvrede_loop(build_report(session(tied=True), DECK))
    whole = wereldvrede_loop(build_report(session(tied=False), DECK))
    assert cut.marks is not None
    assert dict(cut.marks.cuts) == {3: (2,)} and cut.marks.notes == {2: STEP}
    assert whole.marks is None  # Wereldvrede has no slow arrow: drawn exactly as before


def test_markdown_draws_the_cut_with_the_steps_number():
    cut = render_markdown(build_report(session(tied=True), DECK))
    whole = render_markdown(build_report(session(tied=False), DECK))
    assert f"{CUT}2" in cut and f"{CUT}2  3 → 4 doorbroken door eerste stap 2: {STEP}" in cut
    assert CUT not in whole


def test_html_draws_the_cut_and_the_legend():
    cut = render_html(build_report(session(tied=True), DECK))
    whole = render_html(build_report(session(tied=False), DECK))
    assert cut.count('<line class="cut"') == 2  # the cross
    assert '<text class="cut-number" text-anchor="middle"' in cut
    assert f"{CUT}2  3 naar 4 doorbroken door eerste stap 2: {STEP}" in cut
    assert 'class="cut' not in whole and 'class="legend"' not in whole


def test_word_draws_the_cut_and_says_it_in_the_pictures_description():
    def package(tied: bool) -> dict[str, bytes]:
        data = render_docx(build_report(session(tied=tied), DECK))
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {name: z.read(name) for name in z.namelist()}

    cut, whole = package(True), package(False)
    pictures = sorted(n for n in cut if n.startswith("word/media/"))
    assert pictures == sorted(n for n in whole if n.startswith("word/media/"))
    assert any(cut[n] != whole[n] for n in pictures)  # the loop's picture differs
    said = f"3 naar 4 doorbroken door eerste stap 2: {STEP}"
    assert said in cut["word/document.xml"].decode()
    assert said not in whole["word/document.xml"].decode()


def test_pdf_draws_the_cut_and_the_legend():
    def text(tied: bool) -> str:
        reader = PdfReader(io.BytesIO(render_pdf(build_report(session(tied=tied), DECK))))
        return " ".join(" ".join((p.extract_text() or "") for p in reader.pages).split())

    cut, whole = text(True), text(False)
    assert "3 naar 4 doorbroken door eerste stap 2" in cut
    assert "doorbroken" not in whole


def test_the_one_page_summary_draws_the_cut_too():
    cut = render_html(build_short_report(session(tied=True), DECK))
    whole = render_html(build_short_report(session(tied=False), DECK))
    assert '<line class="cut"' in cut and '<line class="cut"' not in whole


# -- slow arrows from a deck ----------------------------------------------------------------


def test_a_deck_with_a_slow_arrow_draws_it_slow_in_the_ring_and_the_svg(tmp_path: Path):
    data = {
        "id": "mini", "title": "Mini", "timer_minutes": 10,
        "parts": [{"id": "deel", "title": "Deel", "screens": [
            {"id": "rondje", "kind": "pattern", "title": "Rondje", "pattern": "rondje"}]}],
        "patterns": [{"id": "rondje", "title": "Rondje", "slow": [2],
                      "steps": ["Het begint.", "Het duurt.", "Het komt terug."]}],
        "questions": [{"id": "wat", "text": "Wat zie je?"}],
        "principles": ["Samen."],
        "layers": [{"id": "doel", "title": "Doel"}],
    }
    path = tmp_path / "deck.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    pattern = load_deck(path).pattern("rondje")
    ring = draw_loop(pattern.title, pattern.steps, 100, slow=pattern.slow)
    plain = draw_loop(pattern.title, pattern.steps, 100)
    body = "\n".join(ring.lines)
    assert SLOW_ACROSS in body or SLOW_DOWN in body
    assert "traag (dat duurt even): 2 → 3" in body
    assert not {SLOW_ACROSS, SLOW_DOWN} & set("\n".join(plain.lines))
    from patroon_tui.core.drawing.marks import Marks

    svg = loop_svg(pattern.title, pattern.steps, "x", marks=Marks.of(3, slow=pattern.slow))
    assert svg is not None and svg.count('<line class="slow"') == 2
    assert "traag (dat duurt even): 2 naar 3" in svg
    assert '<line class="slow"' not in (loop_svg(pattern.title, pattern.steps, "x") or "")


@pytest.mark.parametrize("pattern_id", ["tussen-wal-en-schip", "wat-is-voorliggend"])
def test_the_default_decks_slow_arrows_reach_the_report(pattern_id):
    s = new_session(session_id="traag", title="Traag")
    s.tables = [Table(id="tafel-1", name="Tafel 1", pattern=pattern_id)]
    html = render_html(build_report(s, DECK))
    assert len(re.findall(r'<line class="slow"', html)) == 2
    assert "traag (dat duurt even): 5 naar 6" in html
