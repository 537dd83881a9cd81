"""A table's own version of a deck pattern: the report says what it varies, in one line,
in every format; an own pattern made from scratch says nothing of the kind."""

from __future__ import annotations

import io
import re

import docx
from pypdf import PdfReader

from patroon_tui.core.model.session import OwnPattern, Table, new_session
from patroon_tui.core.report.export import export_report
from tests.core.test_report_formats import DECK


def a_session(variant_of: str | None):
    session = new_session(session_id="variant", title="Wijkteam Noord")
    session.patterns = [OwnPattern(id="eigen-tafel-1", title="Vrede, bij ons",
                                   steps=["Wij willen", "Zij willen", "Niemand geeft"],
                                   variant_of=variant_of)]
    session.tables = [Table(id="tafel-1", name="Tafel 1", pattern="eigen-tafel-1")]
    return session


def text_of(fmt: str, session, *, short: bool = False) -> str:
    data = export_report(session, DECK, fmt, short=short)
    if fmt == "docx":
        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    if fmt == "pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    text = data.decode("utf-8")
    return re.sub(r"<[^>]+>", "", text) if fmt == "html" else text


def test_every_format_names_the_deck_pattern_a_variant_varies():
    title = DECK.pattern("wereldvrede").title
    for fmt in ("md", "html", "docx", "pdf"):
        assert f"Variant van {title}." in text_of(fmt, a_session("wereldvrede")), fmt
        assert "Variant van" not in text_of(fmt, a_session(None)), fmt


def test_a_variant_of_a_pattern_the_deck_lacks_is_named_by_its_id():
    assert "Variant van verdwenen-patroon." in text_of("md", a_session("verdwenen-patroon"))


def test_the_one_page_summary_names_it_too():
    title = DECK.pattern("wereldvrede").title
    for fmt in ("md", "pdf"):
        text = " ".join(text_of(fmt, a_session("wereldvrede"), short=True).split())
        assert f"Vrede, bij ons (eigen patroon, variant van {title})" in text, fmt
        assert "variant van" not in text_of(fmt, a_session(None), short=True), fmt
