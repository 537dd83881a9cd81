"""The report as a Word document (.docx): :func:`render_docx`.

Real headings (the Title style for the session's title, Heading 1–3 below it), so Word's
navigation pane and its PDF export keep the structure; the document's language is Dutch;
the overview's tables have a header row that repeats on each page. Each loop is a picture
(:mod:`.word_pictures`: the same drawing as the web page's and the PDF's, its steps as the
picture's description), then its steps as a numbered list in cycle order and a sentence
saying the circle closes; the collaboration triangle is a picture too.

The package around the body is python-docx's: its default template with the document's
language and font size set, loaded and written out once per process (:func:`_template`),
without what the template says of itself (its creator "python-docx", a description, a date
in 2013, "Microsoft Macintosh Word" as the application, a thumbnail of another document):
the properties are the session's (title, the facilitator as author, the session's date).
The body's paragraphs are written as WordprocessingML text, exactly the elements
python-docx's own ``add_paragraph``/``add_run`` would make (``tests/core/docx_reference.py``
is the writer that made them with those calls, and the tests hold the two to the same
bytes). Going through python-docx's objects cost a Python object, a schema lookup and
an element insert per run and per character of text: 0.9 s for 8,000 notes, against
0.05 s for the Markdown of the same session.

python-docx (and lxml under it) take about a tenth of a second to import: this module is
imported only when a report is exported, never while the app starts.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from dataclasses import dataclass

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import Cm, Emu, Pt

from patroon_tui.core.report.document import (
    Document,
    Grid,
    Heading,
    Items,
    Line,
    Loop,
    Paragraph,
    Triangle,
    TypedText,
)
from patroon_tui.core.report.word_pictures import Pictures, png_content_type

__all__ = ["render_docx", "xml_safe"]

LANGUAGE = "nl-NL"
_LINE_BREAK = re.compile(r"\r\n|\r")
# Characters XML 1.0 cannot hold (lxml refuses them): C0 controls but tab, line feed and
# carriage return; lone surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CONTROL_BYTES = bytes(c for c in range(0x20) if c not in b"\t\n\r")
# A w:t whose text starts or ends with white space (``\s`` is str.isspace(), what
# python-docx's ``strip()`` takes off): python-docx marks it to keep its spaces.
# (Possessive, so a text is read once, not again from its end for each character.)
_SPACE_AT_END = re.compile(r"<w:t>(?=\s|[^<]*+(?<=\s)</w:t>)")
_BOLD = "<w:rPr><w:b/></w:rPr>"
_BREAK_RUN = "<w:r><w:br/></w:r>"
# Numbers written out, with a hanging indent: Word's own numbered lists in python-docx
# share one numbering, so every list after the first would go on counting.
_INDENT = Cm(0.9).twips
_TABLE_LOOK = ('<w:tblW w:type="auto" w:w="0"/><w:tblLook w:firstColumn="1" w:firstRow="1" '
               'w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>')
_STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3", "List Paragraph", "List Bullet",
           "Table Grid")


def xml_safe(text: str) -> str:
    """``text`` as Word can hold it: line breaks as ``\\n``, a control character XML
    cannot hold shown as its Unicode picture (U+2400…: ␀, ␁ …), so it is still seen."""
    if _is_safe(text):
        return text
    text = _LINE_BREAK.sub("\n", text)
    return _NOT_XML.sub(
        lambda m: chr(0x2400 + ord(m.group())) if ord(m.group()) < 0x20 else "\ufffd", text
    )


def _is_safe(text: str) -> bool:
    """Whether :func:`xml_safe` leaves ``text`` as it is: told faster than its regular
    expressions would tell (the whole report's body is given to it at once)."""
    if "\r" in text or "\ufffe" in text or "\uffff" in text:
        return False
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return len(data.translate(None, _CONTROL_BYTES)) == len(data)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _run(text: str, bold: bool = False) -> str:
    """A ``w:r`` of ``text`` (``<w:r/>`` when empty, as python-docx's ``add_run("")``),
    bold when asked; its tabs and line breaks are made elements by :func:`_finished`."""
    if not text and not bold:
        return "<w:r/>"
    return f"<w:r>{_BOLD if bold else ''}<w:t>{_escaped(text)}</w:t></w:r>"


def _finished(body: str) -> str:
    """The body's runs as python-docx's ``Run.text`` makes them, done on the whole body
    at once (its markup holds no tab, line break or control character, a text no ``<``):
    every text made safe for XML, each tab a ``w:tab`` and each line break a ``w:br``
    between the ``w:t`` of the text around it, no empty ``w:t``, and the spaces kept at
    either end of a ``w:t``."""
    body = xml_safe(body)
    body = body.replace("\t", "</w:t><w:tab/><w:t>").replace("\n", "</w:t><w:br/><w:t>")
    body = body.replace("<w:t></w:t>", "")
    return _SPACE_AT_END.sub('<w:t xml:space="preserve">', body)


def _runs(line: Line) -> str:
    if len(line) == 1:  # most lines: no generator, no join
        run = line[0]
        return _run(run.text, run.strong) if run.text else ""
    return "".join(_run(run.text, run.strong) for run in line if run.text)


def _p(runs: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{runs}</w:p>" if runs or ppr else "<w:p/>"


_APP = "docProps/app.xml"
_TYPES = "[Content_Types].xml"
# The extended properties name the application that wrote the file; the template's named
# Microsoft's Word for the Mac and counted the pages and words of an empty page.
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"><Application>patroon</Application><DocSecurity>0</DocSecurity>'
    b"</Properties>"
)


@dataclass(frozen=True)
class _Template:
    """What every export shares: the package's other parts as python-docx writes them,
    already compressed (most of it is Word's style sheets, 0.8 MB), and the pieces of the
    document part around its body."""

    shared: bytes
    document: str
    head: bytes
    tail: bytes
    core: str
    core_xml: bytes
    rels: str
    rels_xml: bytes
    style_ids: dict[str, str]
    block_width: int

    def ppr(self, style: str, extra: str = "") -> str:
        return f'<w:pPr><w:pStyle w:val="{self.style_ids[style]}"/>{extra}</w:pPr>'


def _set_language(doc: WordDocument) -> None:
    doc.core_properties.language = LANGUAGE
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), LANGUAGE)
    rpr.append(lang)


@functools.cache
def _template() -> _Template:
    """python-docx's default document with the report's language and font, once."""
    word = new_document()
    package = word.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # a picture of python-docx's own sample document
            del package.rels[rid]
    _set_language(word)
    word.styles["Normal"].font.size = Pt(11)
    section = word.sections[-1]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    # The default template sets all three; python-docx types them as optional.
    assert width is not None and left is not None and right is not None
    block_width = width - left - right
    out = io.BytesIO()
    word.save(out)
    with zipfile.ZipFile(out) as zipped:
        parts = {info.filename: zipped.read(info) for info in zipped.infolist()}
    parts[_APP] = _APP_XML
    # Whether or not a picture is in it: the types stay the package's first part, written once.
    parts[_TYPES] = png_content_type(parts[_TYPES])
    document, core = word.part.partname.membername, "docProps/core.xml"
    # The document's relations and the content types gain a line per picture.
    rels = f"word/_rels/{document.removeprefix('word/')}.rels"
    shared = io.BytesIO()
    with zipfile.ZipFile(shared, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for name, data in parts.items():
            if name not in (document, core, rels):
                zipped.writestr(name, data)
    # The template's body holds only its section properties: the report goes before them.
    xml = parts[document]
    at = xml.index(b"<w:sectPr")
    return _Template(
        shared=shared.getvalue(), document=document, head=xml[:at], tail=xml[at:],
        core=core, core_xml=parts[core], rels=rels, rels_xml=parts[rels],
        style_ids={name: word.styles[name].style_id for name in _STYLES},
        block_width=block_width,
    )


def _core(template: _Template, doc: Document) -> bytes:
    """The document's properties: the session's title, author and dates, nothing of the
    template's (python-docx's creator, description and dates)."""
    element = parse_xml(template.core_xml)
    props = CoreProperties(element)
    props.title = xml_safe(" ".join(doc.title.split()))
    props.author = props.last_modified_by = xml_safe(" ".join(doc.author.split()))
    props.comments = ""
    created = dt.datetime.combine(doc.created or dt.date(2000, 1, 1), dt.time())
    props.created = created
    props.modified = (doc.modified.astimezone(dt.UTC).replace(tzinfo=None)
                      if doc.modified else created)
    return serialize_part_xml(element)


def _numbered(t: _Template, number: int, text: str, detail: Line = ()) -> str:
    ppr = t.ppr("List Paragraph", f'<w:ind w:left="{_INDENT}" w:hanging="{_INDENT}"/>')
    runs = f"<w:r><w:t>{number}.</w:t><w:tab/></w:r>{_run(text)}"
    if detail:
        runs += _BREAK_RUN + _runs(detail)
    return _p(runs, ppr)


def _items(t: _Template, block: Items) -> str:
    out = []
    for n, item in enumerate(block.items, start=1):
        if block.numbered:
            out.append(_numbered(t, n, item.text, item.detail))
            continue
        runs = _run(item.text)
        if item.detail:
            runs += _BREAK_RUN + _runs(item.detail)
        out.append(_p(runs, t.ppr("List Bullet")))
    return "".join(out)


def _grid(t: _Template, block: Grid) -> str:
    # A table as python-docx's add_table and add_row make it: the width between the
    # margins shared evenly by the columns, each cell given its column's width.
    cols = len(block.header)
    width = Emu(t.block_width // cols).twips if cols else 0
    cell = f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>'
    out = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{t.style_ids["Table Grid"]}"/>{_TABLE_LOOK}',
        "<w:tblGrid>", f'<w:gridCol w:w="{width}"/>' * cols, "</w:tblGrid>",
        # The header row repeats on every page and tells screen readers what each column is.
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>",
    ]
    out += [f"{cell}{_p(_run(text, bold=True))}</w:tc>" for text in block.header]
    out.append("</w:tr>")
    for row in block.rows:
        if len(row) != cols:
            raise ValueError(f"a row of {len(row)} cells in a table of {cols} columns")
        out.append("<w:tr>")
        out += [f"{cell}{_p(_runs(line))}</w:tc>" for line in row]
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _body(t: _Template, doc: Document, pictures: Pictures) -> str:
    """The body's paragraphs and tables as WordprocessingML text; the loops' pictures
    are made in ``pictures``."""
    out = [_p(_run(doc.title) if doc.title else "", t.ppr("Title"))]
    out += [_p(_run(f"{label}: ", bold=True) + _runs(value)) for label, value in doc.details]
    for block in doc.blocks:
        if isinstance(block, Heading):
            # Level 2 of the document (its sections) is Word's Heading 1, and so on.
            style = f"Heading {max(1, min(block.level - 1, 3))}"
            out.append(_p(_runs(block.line),
                          t.ppr(style, "<w:pageBreakBefore/>" if block.new_page else "")))
        elif isinstance(block, Paragraph):
            out.append(_p(_runs(block.line)))
        elif isinstance(block, TypedText):
            # One line break at the end left off, as xml_safe(text).removesuffix("\n").
            text = block.text
            if text.endswith("\n"):
                text = text[:-2] if text.endswith("\r\n") else text[:-1]
            elif text.endswith("\r"):
                text = text[:-1]
            out.append(_p(_run(text) if text else ""))
        elif isinstance(block, Items):
            out.append(_items(t, block))
        elif isinstance(block, Grid):
            out.append(_grid(t, block))
        elif isinstance(block, Triangle):
            out.append(pictures.triangle(list(block.layers)))
        elif isinstance(block, Loop):
            out.append(pictures.loop(block.title, list(block.steps), block.marks))
            out += [_numbered(t, n, step) for n, step in enumerate(block.steps, start=1)]
            out.append(_p(_run(f"Na stap {len(block.steps)} begint de cirkel weer bij stap 1.")))
    return _finished("".join(out))


def render_docx(doc: Document) -> bytes:
    """``doc`` as the bytes of a .docx file."""
    t = _template()
    pictures = Pictures(t.block_width)
    document = t.head + _body(t, doc, pictures).encode("utf-8") + t.tail
    core = _core(t, doc)
    out = io.BytesIO(t.shared)
    # The document part compressed quickly: its XML repeats itself so much that the
    # quickest level makes it nearly as small (8,000 notes: 51 KB against 52 KB; the
    # 500-table session 63 KB against 38 KB) in half the time.
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr(t.core, core)
        package.writestr(t.document, document)
        package.writestr(t.rels, pictures.relations(t.rels_xml))
        for _, name, png in pictures.media:  # a PNG is compressed already
            package.writestr(name, png, compress_type=zipfile.ZIP_STORED)
    return out.getvalue()
