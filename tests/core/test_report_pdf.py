"""The PDF report, read back as its reader gets it (pypdf): every typed word in it, A4
pages numbered at the foot, the session's title, facilitator and date in its properties,
every font embedded, each loop drawn (boxes and arrows), and no heading alone at the foot
of a page, whatever the lengths of the answers before it."""

from __future__ import annotations

import io
import re

from hypothesis import HealthCheck, given, settings, strategies as st
from pypdf import PdfReader

from patroon_tui.core.model.session import Table
from patroon_tui.core.report.document import build_report
from patroon_tui.core.report.pdf import loop_drawing, render_pdf
from tests.core.test_report_formats import DECK, session_with

# Text a reader of the PDF can get back: the font has Latin letters, not emoji.
_WORDS = st.lists(st.sampled_from(["wijkteam", "Één", "gemeente", "zorg", "<b>", "&amp;",
                                   "café", "ïdee", "\"aanhalingstekens\"", "a&b", "€ 12"]),
                  min_size=1, max_size=12).map(" ".join)


def read(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


def words_of(text: str) -> str:
    return " ".join(text.split())


def test_every_typed_text_is_in_it_escaped_not_read_as_markup():
    texts = [f"tekst {n}: <b>vet?</b> & <br/> café\tNaïef\r\nregel twee" for n in range(16)]
    reader = read(render_pdf(build_report(session_with(texts), DECK)))
    seen = words_of(" ".join(page_texts(reader)))
    for n in range(16):
        assert f"tekst {n}: <b>vet?</b> & <br/> café Naïef" in seen
    assert "regel twee" in seen


def test_the_properties_and_the_pages_are_the_sessions():
    session = session_with([f"tekst {n}" for n in range(16)])
    session.session.facilitator = "Anna de Vries"
    reader = read(render_pdf(build_report(session, DECK)))
    info = reader.metadata
    assert info is not None
    assert info.title == "tekst 0" and info.author == "Anna de Vries"
    assert info.creator == "patroon"
    assert info.creation_date is not None
    assert info.creation_date.date() == session.session.date
    texts = page_texts(reader)
    for number, text in enumerate(texts, start=1):
        assert f"pagina {number}" in text
        assert "tekst 0" in text  # the title at the foot of every page
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_every_font_is_embedded():
    reader = read(render_pdf(build_report(session_with([f"t{n}" for n in range(16)]), DECK)))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), name


def test_each_loop_is_drawn_with_its_boxes_and_arrows():
    session = session_with([f"stap {n}" for n in range(16)])
    reader = read(render_pdf(build_report(session, DECK)))
    pattern = DECK.patterns[0]
    pages = [p for p, text in zip(reader.pages, page_texts(reader), strict=True)
             if pattern.title in text and "Gekozen door" in text]
    assert pages
    stream = pages[0].get_contents().get_data().decode("latin-1")
    # A box per step (rounded: curves), an arrow per step (a line and a filled head).
    assert len(re.findall(r" c\n", stream)) >= 4 * len(pattern.steps)
    drawing = loop_drawing(pattern.title, list(pattern.steps), 500)
    assert drawing is not None and drawing.width <= 500


_HEADINGS_SETTINGS = settings(max_examples=6, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow])


def last_line_is_a_heading(page) -> bool:
    """Whether the lowest text above the page's foot is set as a heading is (bold, 10.5 pt
    or more: a bold word in the text or a table's header is smaller)."""
    pieces = []

    def seen(text, cm, tm, font, size):
        if not text.strip() or font is None:
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if y > 20 * 72 / 25.4:  # above the foot (10 mm up) and its margin
            pieces.append((y, str(font.get("/BaseFont", "")), size * abs(tm[3] or 1)))

    page.extract_text(visitor_text=seen)
    lowest = min(pieces)
    return "Bold" in lowest[1] and lowest[2] >= 10.4


@_HEADINGS_SETTINGS
@given(st.lists(st.integers(min_value=0, max_value=60), min_size=6, max_size=6), _WORDS)
def test_no_heading_is_alone_at_the_foot_of_a_page(lengths, words):
    session = session_with([words] * 16)
    session.tables = [
        Table(id=f"tafel-{n}", name=f"Tafel {n}", pattern=DECK.patterns[n % 4].id,
              answers={q.id: "\n".join([words] * length) for q in DECK.questions[:2]})
        for n, length in enumerate(lengths, start=1)
    ]
    reader = read(render_pdf(build_report(session, DECK)))
    assert len(reader.pages) > 1
    for number, page in enumerate(reader.pages, start=1):
        assert not last_line_is_a_heading(page), f"page {number} ends in a heading"
