"""The one-page summary for directors (``--kort``): the patterns the tables recognised and
how many chose each, the most chosen drawn, where in the triangle, the principles and the
first steps with their owners; no answers, no notes, no time per part; one A4 page as a PDF
for a 12-table session with 6 principles and 10 first steps; every format writes it."""

from __future__ import annotations

import io

import docx
from pypdf import PdfReader

from patroon_tui.core.model.session import FirstStep, Principle, Table, new_session
from patroon_tui.core.report.document import Loop
from patroon_tui.core.report.export import export_report
from patroon_tui.core.report.short import build_short_report
from tests.core.test_report_formats import DECK

ORGS = ["gemeente", "wijkteam", "GGZ Noord", "woningcorporatie", "politie", "Veilig Thuis"]


def workshop():
    """A real-sized workshop: 12 tables, 6 principles, 10 first steps with owners."""
    session = new_session(session_id="kort", title="Wijkteam Noord: samen doorbreken")
    session.session.facilitator = "Anna de Vries"
    session.session.location = "Stadhuis, zaal 3"
    patterns = [p.id for p in DECK.patterns]
    layers = [layer.id for layer in DECK.layers]
    session.tables = [
        Table(id=f"tafel-{n}", name=f"Tafel {n}", pattern=patterns[n % 3 if n < 10 else 3],
              layer=layers[n % len(layers)],
              answers={q.id: "Een lang antwoord dat in de korte versie niet staat. " * 8
                       for q in DECK.questions})
        for n in range(1, 13)
    ]
    session.principles = [
        Principle(text=f"Principe {n}: we bellen elkaar eerst, voordat we een casus "
                       "doorschuiven, en spreken af wie de regie houdt tot het is opgelost.")
        for n in range(1, 7)
    ]
    session.first_steps = [
        FirstStep(text=f"Stap {n}: binnen twee weken een gezamenlijk casusoverleg plannen "
                       "met alle partners die bij de casus betrokken zijn.",
                  owner=f"{ORGS[n % len(ORGS)]} (teamleider)", table=f"tafel-{n}")
        for n in range(1, 11)
    ]
    session.notes["programma"] = "Een notitie van de facilitator"
    return session


def test_what_a_director_reads_and_nothing_else():
    session = workshop()
    doc = build_short_report(session, DECK)
    text = export_report(session, DECK, "md", short=True).decode("utf-8")
    most = DECK.patterns[1]  # tafel 1, 4, 7 → patterns[1]; 2, 5, 8 → [2]; 3, 6, 9 → [0]
    assert "## Herkende patronen" in text and "## Waar in de driehoek" in text
    assert f"| {DECK.patterns[3].title} | 3 tafels: Tafel 10, Tafel 11, Tafel 12 |" in text
    assert "Over spelregels" in text and "4 tafels" in text
    for principle in session.principles:
        assert principle.text in text
    for step in session.first_steps:
        assert step.text in text and step.owner in text
    assert "Een lang antwoord" not in text
    assert "Een notitie van de facilitator" not in text
    assert "Tijdsverloop" not in text
    loops = [b for b in doc.blocks if isinstance(b, Loop)]
    assert len(loops) == 1 and loops[0].small
    assert loops[0].title in {p.title for p in DECK.patterns}
    assert most.title in text


def test_one_a4_page_as_a_pdf_with_the_loop_drawn():
    session = workshop()
    reader = PdfReader(io.BytesIO(export_report(session, DECK, "pdf", short=True)))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Herkende patronen" in text and "Eerste stappen" in text
    assert "Stap 10: binnen twee weken" in text
    assert "Principe 6" in text
    # The ring's boxes are curves in the page's drawing.
    stream = reader.pages[0].get_contents().get_data()
    assert stream.count(b" c\n") >= 4 * 4


def test_every_format_writes_it():
    session = workshop()
    html = export_report(session, DECK, "html", short=True).decode("utf-8")
    assert html.count("<svg") == 1 and 'class="loop small"' in html
    word = docx.Document(io.BytesIO(export_report(session, DECK, "docx", short=True)))
    paragraphs = [p.text for p in word.paragraphs]
    assert "Herkende patronen" in paragraphs
    assert any("Stap 10" in p for p in paragraphs)


def test_a_session_without_choices_says_so():
    session = new_session(session_id="leeg", title="Leeg")
    text = export_report(session, DECK, "md", short=True).decode("utf-8")
    assert "De tafels hebben nog geen patroon gekozen." in text
    assert "Er zijn geen eerste stappen vastgelegd." in text


def test_the_full_report_can_leave_the_time_out():
    session = workshop()
    session.progress.seconds = {"opening": 300}
    assert b"Tijdsverloop" in export_report(session, DECK, "md")
    assert b"Tijdsverloop" not in export_report(session, DECK, "md", time=False)
