"""The report in its three formats, read back the way a reader's tool reads it: python-docx
for Word, an HTML parser for the web page, markdown-it for Markdown. Whatever was typed in
any field (quotes, <, &, emoji, right-to-left text, line breaks) is in each, escaped."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import docx
from hypothesis import HealthCheck, given, settings, strategies as st
from markdown_it import MarkdownIt

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.session import FirstStep, OwnPattern, Principle, Table, new_session
from patroon_tui.core.report.document import build_report
from patroon_tui.core.report.html_page import render_html
from patroon_tui.core.report.markdown import render_markdown
from patroon_tui.core.report.word import render_docx

DECK = load_deck()

_PIECES = list("ab Zé\"'<>&;#*_`|\\\n🙂") + ["👩‍💻", "❤️", "\u05d0\u05d1", "\u0627", "&amp;", "- "]
_TYPED = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=20).map("".join).filter(
    str.strip
)


def session_with(texts: list[str]):
    """A session with a different typed text in every field (``texts`` has 16)."""
    t = iter(texts)
    session = new_session(session_id="formaten", title=next(t))
    session.session.facilitator = next(t)
    session.session.location = next(t)
    own = OwnPattern(id="eigen-tafel-1", title=next(t), steps=[next(t), next(t), next(t)])
    session.patterns = [own]
    session.tables = [
        Table(id="tafel-1", name=next(t), participants=next(t), pattern=own.id, layer="doel",
              answers={"herkenbaar": next(t), "bijdrage": next(t)}),
        Table(id="tafel-2", name="Tafel 2", pattern=DECK.patterns[0].id),
    ]
    session.principles = [Principle(text=next(t))]
    session.first_steps = [FirstStep(text=next(t), owner=next(t), table="tafel-1")]
    session.notes = {"programma": next(t)}
    session.layer_notes = {"relatie": next(t)}
    return session


def lines_of(text: str) -> list[str]:
    """What a reader must find of a typed text: each of its lines, without outer blanks."""
    return [line.strip() for line in re.split(r"\r\n|\r|\n", text) if line.strip()]


def assert_all_typed_in(texts: list[str], seen: str) -> None:
    for text in texts:
        for line in lines_of(text):
            assert line in seen, f"{line!r} is not in the report"


class Reader(HTMLParser):
    """Collects a page's text (``<br>`` as a line break), its tags and their attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "br":
            self.text.append("\n")

    def handle_data(self, data):
        self.text.append(data)


_SETTINGS = settings(max_examples=25, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.lists(_TYPED, min_size=16, max_size=16))
def test_html_holds_every_typed_character_escaped(texts):
    page = render_html(build_report(session_with(texts), DECK))
    reader = Reader()
    reader.feed(page)
    reader.close()
    assert_all_typed_in(texts, "".join(reader.text))
    tags = [tag for tag, _ in reader.tags]
    assert ("html", {"lang": "nl"}) in reader.tags
    # Typed text never becomes markup: only the renderer's own elements are in the page.
    assert set(tags) <= {
        "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "h3",
        "h4", "dl", "dt", "dd", "p", "strong", "br", "table", "thead", "tbody", "tr", "th",
        "td", "ol", "ul", "li", "span", "figure", "svg", "desc", "defs", "marker", "path",
        "line", "g", "rect", "text", "polygon",
    }
    # One picture per pattern in the report (the own pattern and Tafel 2's deck pattern),
    # and the triangle.
    assert tags.count("svg") == 3
    for _, attrs in reader.tags:
        for name in ("src", "href"):
            assert "http" not in (attrs.get(name) or "")


@_SETTINGS
@given(st.lists(_TYPED, min_size=16, max_size=16))
def test_word_holds_every_typed_character(texts):
    data = render_docx(build_report(session_with(texts), DECK))
    word = docx.Document(io.BytesIO(data))
    seen = [p.text for p in word.paragraphs]
    seen += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert_all_typed_in(texts, "\n".join(seen))
    assert word.core_properties.language == "nl-NL"


@_SETTINGS
@given(st.lists(_TYPED, min_size=16, max_size=16))
def test_markdown_holds_every_typed_character(texts):
    report = render_markdown(build_report(session_with(texts), DECK))
    seen = []

    def walk(tokens):
        for token in tokens:
            if token.type in ("text", "code_inline", "fence", "code_block", "html_inline"):
                seen.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                seen.append("\n")
            if token.children:
                walk(token.children)

    walk(MarkdownIt("commonmark").enable("table").parse(report))
    text = "".join(seen).replace("<br>", "\n")
    assert_all_typed_in(texts, text)


def test_word_has_real_headings_and_the_overview_table():
    session = session_with([f"tekst {n}" for n in range(16)])
    word = docx.Document(io.BytesIO(render_docx(build_report(session, DECK))))
    styles = {p.style.name for p in word.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3"} <= styles
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[:4] == ["Overzicht", "De samenwerkingsdriehoek", "Tafels", "Patronen"]
    overview = word.tables[0]
    assert [c.text for c in overview.rows[0].cells] == ["Tafel", "Patroon", "Laag in de driehoek"]
    assert [c.text for c in overview.rows[1].cells] == [
        "tekst 7", "tekst 3 (eigen patroon)", "Over doel en vakinhoud",
    ]
    # The loop's steps in cycle order, numbered, and the circle closes.
    texts = [p.text for p in word.paragraphs]
    at = texts.index("1.\ttekst 4")
    assert texts[at : at + 4] == [
        "1.\ttekst 4", "2.\ttekst 5", "3.\ttekst 6", "Na stap 3 begint de cirkel weer bij stap 1."
    ]


def test_a_control_character_is_shown_in_word_not_refused():
    session = session_with([f"tekst {n}" for n in range(16)])
    session.tables[0].answers["herkenbaar"] = "bel\x07 aan"
    word = docx.Document(io.BytesIO(render_docx(build_report(session, DECK))))
    assert "bel␇ aan" in [p.text for p in word.paragraphs]


def test_word_keeps_every_note_and_table_in_order_in_a_long_session():
    # The Word writer adds paragraphs past python-docx's own calls (for time linear in
    # the session): the order, the styles and the overview must be what they were.
    session = session_with([f"tekst {n}" for n in range(16)])
    session.notes = {f"scherm-{n}": f"notitie {n}\nregel twee" for n in range(300)}
    session.tables += [Table(id=f"extra-{n}", name=f"Extra {n}") for n in range(200)]
    word = docx.Document(io.BytesIO(render_docx(build_report(session, DECK))))
    texts = [p.text for p in word.paragraphs]
    notes = [t for t in texts if t.startswith("notitie ")]
    assert notes == [f"notitie {n}\nregel twee" for n in range(300)]
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert [h for h in headings if h.startswith("scherm-")] == [
        f"scherm-{n} (onbekend scherm)" for n in range(300)
    ]
    assert word.paragraphs[0].style.name == "Title"
    assert word.tables[0].rows[-1].cells[0].text == "Extra 199"
    # The body still ends with its section properties, as Word requires.
    assert word.element.body[-1].tag.endswith("}sectPr")
