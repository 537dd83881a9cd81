"""The Word report as python-docx's own calls make it: the reference for the tests.

This was the Word writer before it wrote the body's XML itself: every paragraph, run, bold
and table through python-docx (with paragraphs added past the body's end directly and each
style's id looked up once, which python-docx's calls would do in quadratic time). The tests
hold the writer to the same bytes, part by part, for any text typed.
"""

from __future__ import annotations

import io
import re

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as WordParagraph

from patroon_tui.core.report.document import (
    Document,
    Grid,
    Heading,
    Items,
    Line,
    Loop,
    Paragraph,
    TypedText,
)

LANGUAGE = "nl-NL"
_LINE_BREAK = re.compile(r"\r\n|\r")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    text = _LINE_BREAK.sub("\n", text)
    return _NOT_XML.sub(
        lambda m: chr(0x2400 + ord(m.group())) if ord(m.group()) < 0x20 else "\ufffd", text
    )


def _runs(paragraph: WordParagraph, line: Line) -> None:
    for run in line:
        if run.text:
            added = paragraph.add_run(xml_safe(run.text))
            if run.strong:
                added.bold = True


def _set_language(doc: WordDocument) -> None:
    doc.core_properties.language = LANGUAGE
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), LANGUAGE)
    rpr.append(lang)


class _Body:
    """Adds paragraphs at the end of a document's body, in time independent of its length."""

    def __init__(self, word: WordDocument) -> None:
        self.word = word
        # Every paragraph goes just before the body's last element, its section properties;
        # python-docx would look for that element among all the paragraphs each time.
        self._end = word.element.body.get_or_add_sectPr()
        self._style_ids: dict[str, str] = {}

    def paragraph(self, text: str = "", style: str | None = None) -> WordParagraph:
        p: CT_P = OxmlElement("w:p")  # type: ignore[assignment]
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.word.styles[style].style_id
            p.style = self._style_ids[style]
        self._end.addprevious(p)
        paragraph = WordParagraph(p, self.word)
        if text:
            paragraph.add_run(text)
        return paragraph

    def heading(self, text: str, level: int) -> WordParagraph:
        return self.paragraph(text, "Title" if level == 0 else f"Heading {level}")


def _numbered(doc: _Body, number: int, text: str, detail: Line = ()) -> None:
    # Numbers written out, with a hanging indent: Word's own numbered lists in python-docx
    # share one numbering, so every list after the first would go on counting.
    paragraph = doc.paragraph(style="List Paragraph")
    paragraph.paragraph_format.left_indent = Cm(0.9)
    paragraph.paragraph_format.first_line_indent = Cm(-0.9)
    paragraph.add_run(f"{number}.\t")
    paragraph.add_run(xml_safe(text))
    if detail:
        paragraph.add_run().add_break()
        _runs(paragraph, detail)


def _items(doc: _Body, block: Items) -> None:
    for n, item in enumerate(block.items, start=1):
        if block.numbered:
            _numbered(doc, n, item.text, item.detail)
            continue
        paragraph = doc.paragraph(style="List Bullet")
        paragraph.add_run(xml_safe(item.text))
        if item.detail:
            paragraph.add_run().add_break()
            _runs(paragraph, item.detail)


def _grid(doc: _Body, block: Grid) -> None:
    table = doc.word.add_table(rows=1, cols=len(block.header), style="Table Grid")
    header = table.rows[0]
    # The header row repeats on every page and tells screen readers what each column is
    # (python-docx has no public call for it: the row element is set directly).
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(header.cells, block.header, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for row in block.rows:
        cells = table.add_row().cells
        for cell, line in zip(cells, row, strict=True):
            _runs(cell.paragraphs[0], line)


def render_docx(doc: Document) -> bytes:
    """``doc`` as the bytes of a .docx file."""
    word = new_document()
    _set_language(word)
    word.core_properties.title = xml_safe(" ".join(doc.title.split()))
    word.styles["Normal"].font.size = Pt(11)
    body = _Body(word)
    body.heading(xml_safe(doc.title), level=0)
    for label, value in doc.details:
        paragraph = body.paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        _runs(paragraph, value)
    for block in doc.blocks:
        if isinstance(block, Heading):
            # Level 2 of the document (its sections) is Word's Heading 1, and so on.
            heading = body.heading("", level=max(1, min(block.level - 1, 3)))
            _runs(heading, block.line)
            heading.paragraph_format.page_break_before = block.new_page or None
        elif isinstance(block, Paragraph):
            _runs(body.paragraph(), block.line)
        elif isinstance(block, TypedText):
            body.paragraph(xml_safe(block.text).removesuffix("\n"))
        elif isinstance(block, Items):
            _items(body, block)
        elif isinstance(block, Grid):
            _grid(body, block)
        elif isinstance(block, Loop):
            for n, step in enumerate(block.steps, start=1):
                _numbered(body, n, step)
            body.paragraph(f"Na stap {len(block.steps)} begint de cirkel weer bij stap 1.")
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
