"""The Word report is the same document, part by part and byte by byte, as python-docx's
own calls make it (``docx_reference.py``), for any text typed: every character, control
characters, tabs and line breaks of each kind, white space at either end, markup. Only the
package's description of itself differs: its properties are the session's, not the
template's."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from patroon_tui.core.model.session import Table
from patroon_tui.core.report.document import build_report
from patroon_tui.core.report.word import render_docx, xml_safe
from tests.core.docx_reference import render_docx as reference_docx, xml_safe as reference_xml_safe
from tests.core.test_report_formats import DECK, session_with

# Any character, lone surrogates and control characters included, and the ones that
# matter most to a writer of XML, often.
_ANY = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=())
_HOSTILE = st.sampled_from(list("\t\n\r &<>\"' \x00\x07\x0b\x1f\x85\xa0\u2028\u3000\ufffe")
                           + ["\r\n", "]]>", "<w:t>", "</w:t>", "<w:t></w:t>", "&amp;"])
_TYPED = st.lists(st.one_of(st.text(_ANY, max_size=4), _HOSTILE), max_size=12).map("".join)


def parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(info.filename, package.read(info)) for info in package.infolist()]


# What the package says of itself (properties, a thumbnail, the relations and content
# types that name them), and the loops' pictures with their relations: python-docx's own
# calls made no picture.
PACKAGE = {"docProps/core.xml", "docProps/app.xml", "docProps/thumbnail.jpeg", "_rels/.rels",
           "[Content_Types].xml", "word/_rels/document.xml.rels"}
PICTURE = re.compile(rb'<w:p><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>.*?</w:p>')


def without_pictures(parts_of: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    return [(name, PICTURE.sub(b"", data)) for name, data in parts_of
            if not name.startswith("word/media/")]


def assert_same_document(session) -> None:
    doc = build_report(session, DECK)
    ours, reference = without_pictures(parts(render_docx(doc))), parts(reference_docx(doc))
    assert ours[0][0] == "[Content_Types].xml"
    assert (sorted(name for name, _ in ours if name not in PACKAGE)
            == sorted(name for name, _ in reference if name not in PACKAGE))
    expected = dict(reference)
    for name, data in ours:
        if name not in PACKAGE:
            assert data == expected[name], f"{name} differs"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TYPED, min_size=16, max_size=16))
def test_any_typed_text_makes_the_same_document(texts):
    assert_same_document(session_with(texts))


def test_hostile_text_makes_the_same_document_and_reads_back():
    texts = [f" tekst {n} <&>\"' \t tab \r\n lijn\x07\x00\ud800\uffff\r\x0b\xa0 " for n in range(16)]
    session = session_with(texts)
    assert_same_document(session)
    word = docx.Document(io.BytesIO(render_docx(build_report(session, DECK))))
    title = word.paragraphs[0]
    assert title.style.name == "Title"
    assert title.text == " tekst 0 <&>\"' \t tab \n lijn␇␀\ufffd\ufffd\n␋\xa0 "
    # The properties' title is on one line: white space (a vertical tab too) between words.
    assert word.core_properties.title == "tekst 0 <&>\"' tab lijn␇␀\ufffd\ufffd"
    assert word.core_properties.language == "nl-NL"


def test_empty_and_blank_texts_make_the_same_document():
    session = session_with(["", " ", "\t", "\n", "\r", "\r\n", "x\n", "\n\n", "&", "<", ">",
                            "\x1f", "\u2028", "\x85", "👩‍💻", "é"])
    assert_same_document(session)


def test_a_long_session_makes_the_same_document():
    session = session_with([f"tekst {n}" for n in range(16)])
    session.notes = {f"scherm-{n}": f"notitie {n}\nregel\ttwee \n" for n in range(300)}
    session.tables += [Table(id=f"extra-{n}", name=f"Extra {n}", participants=f"Ans {n}",
                             answers={"herkenbaar": f"ja\n{n}"}) for n in range(200)]
    assert_same_document(session)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x0c", "\x1f", "\ud800",
                                  "\ufffe", "\uffff", "\r", "\r\n", "\t", "\xa0"])
def test_one_character_xml_cannot_hold_or_word_writes_apart_makes_the_same_document(char):
    # Alone in the session: the whole body is checked at once for what must change.
    texts = [f"tekst {n}" for n in range(16)]
    texts[8] = f"a{char}b {char}"
    assert_same_document(session_with(texts))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(_ANY), _TYPED))
def test_xml_safe_changes_what_its_regular_expressions_change(text):
    # Its shortcut (nothing to change) must never skip a change.
    assert xml_safe(text) == reference_xml_safe(text)


def test_the_properties_are_the_sessions_and_nothing_of_the_template():
    session = session_with(["antwoord"] * 16)
    session.session.facilitator = "Anna de Vries"
    data = render_docx(build_report(session, DECK))
    word = docx.Document(io.BytesIO(data))
    props = word.core_properties
    assert props.title == session.session.title
    assert props.author == props.last_modified_by == "Anna de Vries"
    assert props.created is not None and props.created.date() == session.session.date
    assert props.modified is not None
    assert props.comments == "" and props.language == "nl-NL"
    package = dict(parts(data))
    assert "docProps/thumbnail.jpeg" not in package
    described = b"".join(package[name] for name in ("docProps/core.xml", "docProps/app.xml"))
    for default in (b"python-docx", b"Macintosh", b"2013-12-23"):
        assert default not in described
    assert b"<Application>patroon</Application>" in package["docProps/app.xml"]
    # Every relation of the package points at a part that is in it.
    targets = re.findall(rb'Target="/?([^"]+)"', package["_rels/.rels"])
    assert targets and all(t.decode() in package for t in targets)


def test_each_loop_is_a_picture_described_by_its_steps():
    from PIL import Image

    session = session_with([f"stap {n}\nregel" for n in range(16)])
    data = render_docx(build_report(session, DECK))
    word = docx.Document(io.BytesIO(data))
    # Two patterns in the report (the own one and Tafel 2's) and the triangle: three
    # pictures, each in line.
    assert len(word.inline_shapes) == 3
    package = dict(parts(data))
    described = re.findall(rb'<wp:docPr id="\d+" name="Patroon \d+" descr="([^"]*)"/>',
                           package["word/document.xml"])
    own = session.patterns[0]
    said = " ".join(f"Stap {i}: {s}" for i, s in enumerate(own.steps, start=1))
    expected = (f"Patroon ‘{own.title}’. {said} Na stap {len(own.steps)} begint de cirkel "
                "weer bij stap 1.")
    # On one line: white space (the typed line breaks too) as single spaces.
    assert described[0].decode() == " ".join(expected.split())
    for n in (1, 2):
        picture = Image.open(io.BytesIO(package[f"word/media/patroon-{n}.png"]))
        assert picture.format == "PNG" and picture.width > 800
    assert b'Target="media/patroon-2.png"' in package["word/_rels/document.xml.rels"]
    assert b'Extension="png"' in package["[Content_Types].xml"]
    # The steps are still text, to read aloud and to edit.
    assert any(p.text.startswith("1.") for p in word.paragraphs)
