"""The agreements as a spreadsheet: every first step (with its owner, table and that table's
pattern) and every principle is a row, read back by the ``csv`` module as typed, whatever
was typed; Excel's needs (semicolons, a byte order mark) are met, and a typed formula stays
text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, settings, strategies as st

from patroon_tui.core.model.session import FirstStep, Principle, Table, new_session
from patroon_tui.core.report.agreements_csv import HEADER, render_csv
from patroon_tui.core.report.export import export_report, format_for
from tests.core.test_report_formats import DECK


def rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the byte order mark Excel needs for UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def a_session():
    session = new_session(session_id="csv", title="Wijkteam Noord")
    pattern = DECK.patterns[0]
    session.tables = [Table(id="tafel-1", name="Tafel 1", pattern=pattern.id),
                      Table(id="tafel-2", name="Tafel 2")]
    session.first_steps = [
        FirstStep(text="Eén keer per maand samen aan tafel; ook met de huisarts",
                  owner="Anna (gemeente)", table="tafel-1"),
        FirstStep(text="Zorgplan delen", owner="", table="tafel-2"),
        FirstStep(text="Zonder tafel", owner="Piet"),
    ]
    session.principles = [Principle(text="Wie het eerst ziet, belt"),
                          Principle(text="Samen \"nee\" zeggen,\nals het moet")]
    return session


def test_a_row_per_first_step_and_principle_with_owner_table_and_pattern():
    assert rows(render_csv(a_session(), DECK)) == [
        list(HEADER),
        ["eerste stap", "1", "Eén keer per maand samen aan tafel; ook met de huisarts",
         "Anna (gemeente)", "Tafel 1", DECK.patterns[0].title],
        ["eerste stap", "2", "Zorgplan delen", "", "Tafel 2", ""],
        ["eerste stap", "3", "Zonder tafel", "Piet", "", ""],
        ["principe", "1", "Wie het eerst ziet, belt", "", "", ""],
        ["principe", "2", "Samen \"nee\" zeggen,\nals het moet", "", "", ""],
    ]


def test_excel_reads_it_split_by_semicolons_with_crlf_lines():
    data = render_csv(a_session(), DECK)
    assert data.splitlines()[0] == b"\xef\xbb\xbfsoort;nummer;tekst;eigenaar;tafel;patroon"
    assert data.count(b"\r\n") == 6


def test_a_typed_formula_stays_text():
    session = a_session()
    session.first_steps[0].text = '=HYPERLINK("http://x","klik")'
    session.first_steps[1].owner = "+31 6 1234"
    session.principles[0].text = "-2+3"
    session.principles[1].text = "@SUM(A1)"
    found = rows(render_csv(session, DECK))
    assert found[1][2] == "'=HYPERLINK(\"http://x\",\"klik\")"
    assert found[2][3] == "'+31 6 1234"
    assert found[4][2] == "'-2+3"
    assert found[5][2] == "'@SUM(A1)"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
                min_size=4, max_size=4))
def test_any_typed_text_comes_back_as_typed(texts):
    session = a_session()
    session.first_steps[0].text, session.first_steps[0].owner = texts[0], texts[1]
    session.principles[0].text = texts[2]
    session.tables[0].name = texts[3]
    found = rows(render_csv(session, DECK))

    def typed(text: str) -> str:
        return f"'{text}" if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text

    expected_table = typed(texts[3]) if texts[3].strip() else "(tafel-1)"
    # csv reads a lone CR inside a quoted field back as it was written.
    assert found[1][2:5] == [typed(texts[0]), typed(texts[1]), expected_table]
    assert found[4][2] == typed(texts[2])


def test_the_export_flow_knows_it_by_its_suffix_and_redacts_it():
    session = a_session()
    session.first_steps[1].owner = "bel 06-12345678"
    assert format_for(Path("acties.CSV")) == "csv"
    data = export_report(session, DECK, "csv", redact=True)
    assert rows(data)[2][3] == "bel [telefoonnummer verwijderd]"
    assert b"12345678" not in data
