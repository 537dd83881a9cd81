"""The report as a Word document (.docx), written with python-docx: :func:`render_docx`.

Real headings (the Title style for the session's title, Heading 1–3 below it), so Word's
navigation pane and its PDF export keep the structure; the document's language is Dutch;
the overview's tables have a header row that repeats on each page. python-docx cannot
place an SVG, so each loop is its steps as a numbered list in cycle order and a sentence
saying the circle closes.

python-docx (and lxml under it) take about a tenth of a second to import: this module is
imported only when a report is exported, never while the app starts.

The time grows in step with the session (``benchmarks/bench_docx.py``). Profiled with
cProfile, python-docx's own ``add_paragraph``/``add_heading`` were what made 8,000 notes take
half a minute: a paragraph given a style by name looks the name up among all of Word's
styles and scans them again for the default one (a fixed cost, but most of the time), and
every new paragraph is put before the body's closing section by looking for that section
among all the paragraphs already there (quadratic). :class:`_Body` adds paragraphs with
the section element at hand and each style's id looked up once.
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

from patroon_tui.core.report_doc import (
    Document, Grid, Heading, Items, Line, Loop, Paragraph, TypedText,
)

__all__ = ["render_docx", "xml_safe"]

LANGUAGE = "nl-NL"
_LINE_BREAK = re.compile(r"\r\n|\r")
# Characters XML 1.0 cannot hold (lxml refuses them): C0 controls but tab, line feed and
# carriage return; lone surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` as Word can hold it: line breaks as ``\\n``, a control character XML
    cannot hold shown as its Unicode picture (U+2400…: ␀, ␁ …), so it is still seen."""
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
