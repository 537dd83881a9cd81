"""A follow-up's report opens with "Sinds de vorige keer", in every format and in --kort."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.model.follow_up import follow_up
from patroon_tui.core.model.session import FirstStep, Principle, Table, new_session
from patroon_tui.core.report.export import export_report

NOW = dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.timezone.utc)


def chain():
    """Three sessions: a step agreed in the first, looked back on in the second and third."""
    first = new_session(session_id="a", title="Noord", date=dt.date(2026, 11, 28), now=NOW)
    first.tables = [Table(id="tafel-1", name="De ouders")]
    first.principles = [Principle(text="Eerst bellen"), Principle(text="Samen beslissen"),
                        Principle(text="Niemand alleen")]
    first.first_steps = [FirstStep(text="Casusoverleg starten", owner="GGZ", table="tafel-1"),
                         FirstStep(text="Lijst maken", owner="Wijkteam")]
    second = follow_up(first, session_id="b", date=dt.date(2027, 1, 10), now=NOW)
    second.first_steps[0].status = "loopt"
    second.first_steps[0].review = "Eén keer geweest."
    second.principles[0].status = "houden"
    third = follow_up(second, session_id="c", date=dt.date(2027, 3, 1), now=NOW)
    third.first_steps[0].status = "gedaan"
    third.first_steps[0].review = "Elke maand, vast."
    third.principles[0].status = "houden"
    third.principles[1].status = "aanpassen"
    third.principles[1].review = "Alleen bij spoed."
    third.principles[2].status = "loslaten"
    return first, second, third


def text_of(data: bytes, fmt: str) -> str:
    if fmt == "pdf":
        from pypdf import PdfReader

        pages = PdfReader(io.BytesIO(data)).pages
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pages)
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as docx:
            return docx.read("word/document.xml").decode("utf-8")
    return data.decode("utf-8")


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_the_report_starts_with_since_last_time(fmt):
    *_, third = chain()
    text = text_of(export_report(third, load_deck(), fmt), fmt)
    start = text.index("Sinds de vorige keer")
    assert start < text.index("Overzicht")
    section = text[start:text.index("Overzicht")]
    for said in ("Casusoverleg starten", "gedaan", "Elke maand, vast.",  # now
                 "loopt", "Eén keer geweest.",  # in the second session
                 "28 november 2026",  # agreed in the first
                 "Gehouden", "Aangepast", "Alleen bij spoed.", "Losgelaten", "Niemand alleen"):
        assert said in section, said


def test_the_second_session_shows_the_step_from_the_first():
    _, second, _ = chain()
    report = export_report(second, load_deck(), "md").decode("utf-8")
    section = report[report.index("Sinds de vorige keer"):report.index("Overzicht")]
    assert "Casusoverleg starten" in section and "loopt" in section
    assert "Vervolg op de sessie a van 28 november 2026." in section


def test_the_one_page_summary_has_it_too():
    *_, third = chain()
    report = export_report(third, load_deck(), "md", short=True).decode("utf-8")
    section = report[report.index("Sinds de vorige keer"):]
    assert "Casusoverleg starten" in section and "gedaan" in section
    assert "1 gehouden, 1 aangepast, 1 losgelaten" in section


def test_a_session_that_follows_none_has_no_such_section():
    first, *_ = chain()
    assert b"Sinds de vorige keer" not in export_report(first, load_deck(), "md")


def test_redact_reaches_the_look_back_notes():
    *_, third = chain()
    third.first_steps[0].review = "Bel 06-12345678 voor de planning."
    report = export_report(third, load_deck(), "md", redact=True).decode("utf-8")
    assert "06-12345678" not in report


def test_the_sheet_of_a_follow_up_has_status_and_note():
    import csv

    *_, third = chain()
    text = export_report(third, load_deck(), "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][-2:] == ["stand", "terugblik"]
    assert rows[1] == ["eerste stap", "1", "Casusoverleg starten", "GGZ", "De ouders", "",
                       "gedaan", "Elke maand, vast."]
    first, *_ = chain()
    plain = export_report(first, load_deck(), "csv").decode("utf-8-sig")
    assert "stand" not in plain.splitlines()[0]


def test_the_one_page_summary_counts_the_principles_not_yet_looked_at():
    _, second, _ = chain()  # one principle kept, two not discussed
    report = export_report(second, load_deck(), "md", short=True).decode("utf-8")
    assert "Principes: 1 gehouden, 0 aangepast, 0 losgelaten, 2 nog niet besproken." in report
