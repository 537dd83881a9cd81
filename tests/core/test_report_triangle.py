"""The collaboration triangle in the report: in every format the layers with what they mean
and ask, and the triangle drawn (a code block in Markdown, an SVG on the web page, vectors
in the PDF, a picture in Word) with how many tables placed their pattern in each layer."""

from __future__ import annotations

import io
import re

import docx
from pypdf import PdfReader

from patroon_tui.core.model.session import Table, new_session
from patroon_tui.core.report.document import Triangle, build_report
from patroon_tui.core.report.html_page import render_html
from patroon_tui.core.report.markdown import render_markdown
from patroon_tui.core.report.pdf import render_pdf, triangle_drawing
from patroon_tui.core.report.word import render_docx
from tests.core.test_report_formats import DECK


def session():
    made = new_session(session_id="s", title="Driehoek")
    made.tables[0].layer = "spelregels"
    made.tables.append(Table(id="tafel-2", name="Tafel 2", layer="spelregels"))
    made.tables.append(Table(id="tafel-3", name="Tafel 3", layer="relatie"))
    return made


def layer_texts() -> list[str]:
    """What a reader must find of the triangle: each layer's title, explanation and
    questions."""
    out = []
    for layer in DECK.layers:
        out += [layer.title, *layer.paragraphs(), *layer.questions]
    return out


def words_of(text: str) -> str:
    return " ".join(text.split())


def test_the_report_has_the_triangle_and_each_layers_text_under_the_overview():
    doc = build_report(session(), DECK)
    (triangle,) = [b for b in doc.blocks if isinstance(b, Triangle)]
    assert triangle.layers == (("Over doel en vakinhoud", "geen tafel"),
                               ("Over spelregels", "2 tafels"),
                               ("Over relatienetwerk en onderling samenspel", "1 tafel"))
    # The seed's first layer explains rather than asks: its four sentences are there.
    assert "Doelen zijn vaak te groots, abstract, competitief waardoor ze systemen onder druk " \
           "zetten." in layer_texts()


def test_markdown_draws_the_triangle_in_a_code_block_and_lists_the_layers():
    text = render_markdown(build_report(session(), DECK))
    block = text.split("## De samenwerkingsdriehoek", 1)[1].split("```", 2)[1]
    assert "/\\" in block and "1  Over doel en vakinhoud" in block and "2 tafels" in block
    seen = words_of(text)
    assert [t for t in layer_texts() if words_of(t) not in seen] == []


def test_the_web_page_draws_the_triangle_as_an_svg_with_three_bands():
    page = render_html(build_report(session(), DECK))
    svg = re.search(r'<svg[^>]*class="triangle-picture".*?</svg>', page, re.S)
    assert svg is not None
    assert svg.group(0).count("<polygon") == 3
    assert "Over spelregels" in svg.group(0) and "2 tafels" in svg.group(0)
    seen = words_of(re.sub(r"<[^>]+>", " ", page))
    assert [t for t in layer_texts() if words_of(t) not in seen] == []


def test_the_pdf_draws_the_triangle_as_vectors_beside_the_layers_text():
    reader = PdfReader(io.BytesIO(render_pdf(build_report(session(), DECK))))
    texts = [page.extract_text() or "" for page in reader.pages]
    seen = words_of(" ".join(texts))
    assert [t for t in layer_texts() if words_of(t) not in seen] == []
    page = next(p for p, t in zip(reader.pages, texts, strict=True)
                if "De samenwerkingsdriehoek" in t)
    stream = page.get_contents().get_data().decode("latin-1")
    # Three bands, each a filled and stroked closed path ("b" or "B").
    assert len(re.findall(r"\n[bB]\*?\n", "\n" + stream.replace(" ", "\n"))) >= 3
    drawing = triangle_drawing([("Doel", "geen tafel")] * 3, 300)
    assert drawing.width <= 300


def test_word_has_the_triangle_as_a_described_picture_and_the_layers_as_text():
    data = render_docx(build_report(session(), DECK))
    word = docx.Document(io.BytesIO(data))
    seen = words_of(" ".join(p.text for p in word.paragraphs))
    assert [t for t in layer_texts() if words_of(t) not in seen] == []
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    (described,) = re.findall(r'name="Driehoek \d+" descr="([^"]*)"', xml)
    assert "2. Over spelregels (2 tafels)" in described
    assert len(word.inline_shapes) == 1  # no pattern chosen: the triangle alone
