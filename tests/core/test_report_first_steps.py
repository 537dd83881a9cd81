"""The report's first steps tied to a loop: each says the pattern, the arrow it breaks
("breekt de pijl van stap 3 naar 4") and its layer; the full report groups them under the
pattern they break and per layer of the triangle; ``--kort`` says it on each step's line.
Every format (md, html, docx, pdf) carries the same words."""

from __future__ import annotations

import io
import re

import docx
from pypdf import PdfReader

from patroon_tui.core.model.session import FirstStep, OwnPattern, new_session
from patroon_tui.core.report.export import export_report
from tests.core.test_report_formats import DECK
from tests.core.test_report_short import workshop

ARROW = "breekt de pijl van stap 3 naar 4"


def tied_session():
    session = new_session(session_id="doorbreken", title="Doorbreken")
    session.patterns = [OwnPattern(id="eigen-1", title="Ons gedoe", steps=["a", "b", "c"])]
    session.first_steps = [
        FirstStep(text="Elke maand een casusoverleg", owner="GGZ", pattern="wereldvrede",
                  breaks_after=3, layer="spelregels"),
        FirstStep(text="Een vast telefoonnummer", owner="Wijkteam", layer="relatie"),
        FirstStep(text="Samen de intake doen", owner="Gemeente", pattern="eigen-1",
                  breaks_after=3),
        FirstStep(text="Zonder band", owner="Politie"),
    ]
    return session


def markdown(session, **options) -> str:
    return export_report(session, DECK, "md", **options).decode("utf-8")


def section(text: str, start: str, end: str) -> str:
    """From ``start`` up to the next ``end`` after it."""
    at = text.index(start)
    return text[at: text.index(end, at + len(start))]


def test_each_step_says_its_pattern_arrow_and_layer():
    text = markdown(tied_session())
    steps = section(text, "### Eerste stappen", "### Eerste stappen per laag")
    assert ("Eigenaar: GGZ · patroon: Wereldvrede, breekt de pijl van stap 3 naar 4 · "
            "laag: Over spelregels") in steps
    # The own pattern's last arrow goes back to its first step.
    assert "patroon: Ons gedoe, breekt de pijl van stap 3 naar 1" in steps
    assert "Eigenaar: Politie\n" in steps


def test_the_steps_are_grouped_under_the_pattern_they_break():
    text = markdown(tied_session())
    patterns = text[text.index("## Patronen"):]
    # Wereldvrede is chosen by no table: the step that breaks it brings it into the report.
    wereldvrede = patterns[patterns.index("### Wereldvrede"):]  # the last one
    assert "Eerste stappen die dit patroon doorbreken:" in wereldvrede
    assert "Elke maand een casusoverleg" in wereldvrede
    assert f"Eerste stap 1 · {ARROW} · laag: Over spelregels" in wereldvrede
    assert "Samen de intake doen" not in wereldvrede
    own = section(patterns, "### Ons gedoe", "### Wereldvrede")
    assert "Eerste stap 3 · breekt de pijl van stap 3 naar 1" in own


def test_a_list_per_layer_of_the_steps_that_work_there():
    text = markdown(tied_session())
    layers = section(text, "### Eerste stappen per laag", "\n## ")
    doel = section(layers, "**Over doel en vakinhoud**", "**Over spelregels**")
    assert "Geen eerste stap op deze laag." in doel
    spelregels = section(layers, "**Over spelregels**", "**Over relatienetwerk")
    assert "Elke maand een casusoverleg" in spelregels and "Eerste stap 1" in spelregels
    assert "Een vast telefoonnummer" in layers[layers.index("**Over relatienetwerk"):]
    assert "Zonder band" not in layers


def test_without_ties_the_report_is_as_before():
    session = tied_session()
    for step in session.first_steps:
        step.pattern = step.breaks_after = step.layer = None
    text = markdown(session)
    assert "breekt" not in text and "per laag van de driehoek" not in text
    assert "### Wereldvrede" not in text and "patroon:" not in text


def test_the_short_report_says_it_on_each_step_and_per_layer():
    text = markdown(tied_session(), short=True)
    assert ("Eigenaar: GGZ · patroon: Wereldvrede, breekt de pijl van stap 3 naar 4 · "
            "laag: Over spelregels") in text
    assert "Over spelregels\n\n  geen tafel · eerste stap 1\n" in text
    assert "geen tafel · eerste stap 2" in text


def test_every_format_says_which_arrow_a_step_breaks():
    session = tied_session()
    html = export_report(session, DECK, "html").decode("utf-8")
    assert ARROW in html and "Eerste stappen die dit patroon doorbreken:" in html
    word = docx.Document(io.BytesIO(export_report(session, DECK, "docx")))
    paragraphs = "\n".join(p.text for p in word.paragraphs)
    assert ARROW in paragraphs and "Eerste stappen per laag van de driehoek" in paragraphs
    reader = PdfReader(io.BytesIO(export_report(session, DECK, "pdf")))
    pdf = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert re.search(r"breekt de pijl van stap 3\s*naar 4", pdf)
    assert "Eerste stappen die dit patroon doorbreken:" in pdf


def test_the_short_pdf_stays_one_page_with_every_step_tied():
    session = workshop()
    for n, step in enumerate(session.first_steps):
        step.pattern, step.breaks_after = DECK.patterns[n % 4].id, 1 + n % 4
        step.layer = ("doel", "spelregels", "relatie")[n % 3]
    reader = PdfReader(io.BytesIO(export_report(session, DECK, "pdf", short=True)))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Stap 10: binnen twee weken" in text


def test_an_empty_row_before_a_step_does_not_shift_its_number():
    """The report lists only steps with a word in them: the loop's cut, its legend, the
    steps under the loop and the triangle name a step by the number the reader finds it
    under in that list, never by its row in the session (an empty row left before it)."""
    session = tied_session()
    session.first_steps.insert(0, FirstStep(text="", owner=""))
    session.first_steps.insert(2, FirstStep(text="  ", owner=" "))
    text = markdown(session)
    steps = section(text, "### Eerste stappen", "### Eerste stappen per laag")
    assert re.search(r"^1\. Elke maand een casusoverleg$", steps, re.M)
    assert re.search(r"^3\. Samen de intake doen$", steps, re.M)
    assert "×1  3 → 4 doorbroken door eerste stap 1: Elke maand een casusoverleg" in text
    assert "×3  3 → 1 doorbroken door eerste stap 3: Samen de intake doen" in text
    per_layer = section(text, "### Eerste stappen per laag", "## ")
    assert "Eerste stap 1" in per_layer and "Eerste stap 2" in per_layer
    short = markdown(session, short=True)
    listed = short[short.index("## Eerste stappen"):]
    assert re.search(r"^1\. Elke maand een casusoverleg$", listed, re.M)
    assert "eerste stap 1" in section(short, "## Waar in de driehoek", "## Leidende")
