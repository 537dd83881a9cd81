"""The report as a document: one model of sections, paragraphs, lists, tables and loops that
the Markdown, HTML and Word renderers all read, so the three formats never drift apart.

:func:`build_report` turns a session and its deck into a :class:`Document` in the order a
director reads it: the title block, an overview (the pattern and layer each table chose, the
tables per layer, the principles, the first steps with their owners, the time per part
where the session counted it), the collaboration triangle (drawn, with what each layer
means and asks), then each table, then
the patterns (each chosen or own pattern once, drawn as a loop), then the notes per screen
and per layer (unless left out). Nothing recorded is left out, not even answers to
questions or notes on screens the deck does not know.

Text people typed is kept apart from the report's own wording (:class:`Run` ``typed``):
renderers keep every character of it and escape it for their format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.recording import count_label, table_name
from patroon_tui.core.model.session import Session, Table
from patroon_tui.core.model.timekeeping import part_times
from patroon_tui.core.report.first_steps import (
    first_steps_overview,
    report_numbers,
    steps_breaking,
    tied_patterns,
)
from patroon_tui.core.report.loop_marks import Marks, loop_marks
from patroon_tui.core.report.text_blocks import (
    Heading,
    Item,
    Items,
    Line,
    Paragraph,
    Run,
    TypedText,
    plain,
    words,
)

__all__ = ["Block", "Document", "Heading", "Item", "Items", "Loop", "Paragraph", "Run", "Grid",
           "Triangle", "TypedText", "build_report", "dutch_date", "local_time", "plain"]

# A hand-kept list rather than the locale module: the report must be Dutch whatever locale
# the machine runs in, and Dutch month names are all we need.
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")  # fmt: skip

_WERKVORM = {"tafels": "in gesprek aan tafels", "plenair": "plenair gesprek"}


@dataclass(frozen=True)
class Grid:
    """A table: a header row of the report's words and rows of lines."""

    header: tuple[str, ...]
    rows: tuple[tuple[Line, ...], ...]


@dataclass(frozen=True)
class Loop:
    """A pattern's loop in cycle order (drawn or listed); ``small``: drawn small, steps only in
    the drawing (the one-page summary); ``marks``: where first steps cut it, and slow arrows."""

    title: str
    steps: tuple[str, ...]
    small: bool = False
    marks: Marks | None = None


@dataclass(frozen=True)
class Triangle:
    """The collaboration triangle: its layers top to bottom, each (title, detail: how many
    tables placed their pattern there); drawn where a drawing is made."""

    layers: tuple[tuple[str, str], ...]


Block = Heading | Paragraph | TypedText | Items | Grid | Loop | Triangle


@dataclass
class Document:
    """The report: its title, the title block's lines (label, value) and the blocks."""

    title: str
    details: list[tuple[str, Line]]
    blocks: list[Block] = field(default_factory=list)
    language: str = "nl"
    author: str = ""
    """Who made it (the facilitator), for the properties of a file that has them."""
    created: dt.date | None = None
    """The session's date."""
    modified: dt.datetime | None = None
    """When the session was last changed."""
    short: bool = False
    """The one-page summary: a renderer that lays out pages keeps it to one."""


# -- pieces ----------------------------------------------------------------------------


def dutch_date(date: dt.date) -> str:
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def local_time(moment: dt.datetime) -> str:
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{dutch_date(local.date())}, {local:%H:%M}"


def _name(table: Table) -> Line:
    return (Run(table_name(table)),)


def pattern_of(session: Session, deck: Deck, pattern_id: str) -> tuple[str, tuple[str, ...], bool] | None:
    """(title, steps, own) of a pattern id, ``None`` when neither deck nor session has it."""
    try:
        pattern = deck.pattern(pattern_id)
        return pattern.title, tuple(pattern.steps), False
    except KeyError:
        pass
    try:
        own = session.own_pattern(pattern_id)
    except KeyError:
        return None
    return own.title, tuple(own.steps), True


def _pattern_line(session: Session, deck: Deck, pattern_id: str) -> Line:
    if not pattern_id:
        return (words("Nog geen patroon gekozen."),)
    found = pattern_of(session, deck, pattern_id)
    if found is None:
        return (
            words("Patroon "), Run(pattern_id),
            words(" (dit patroon staat niet in het programma en niet bij de eigen patronen)"),
        )
    title, _, own = found
    return (Run(title), words(" (eigen patroon)")) if own else (Run(title),)


def _layer_line(deck: Deck, layer_id: str) -> Line:
    if not layer_id:
        return (words("Nog geen laag gekozen."),)
    titles = {layer.id: layer.title for layer in deck.layers}
    return (Run(titles[layer_id]),) if layer_id in titles else (Run(layer_id),)


# -- sections --------------------------------------------------------------------------


def _overview(session: Session, deck: Deck) -> list[Block]:
    out: list[Block] = [Heading(2, (words("Overzicht"),))]
    out.append(Heading(3, (words("Gekozen patronen"),)))
    if session.tables:
        rows = tuple(
            (_name(t), _pattern_line(session, deck, t.pattern), _layer_line(deck, t.layer))
            for t in session.tables
        )
        out.append(Grid(("Tafel", "Patroon", "Laag in de driehoek"), rows))
    else:
        out.append(Paragraph((words("Er zijn geen tafels vastgelegd."),)))
    if deck.layers:
        out.append(Heading(3, (words("Lagen in de driehoek"),)))
        layer_rows = []
        for layer in deck.layers:
            at = [table_name(t) for t in session.tables if t.layer == layer.id]
            layer_rows.append(((words(layer.title),), (Run(", ".join(at)),) if at else (
                words("geen tafel"),
            )))
        out.append(Grid(("Laag", "Tafels"), tuple(layer_rows)))
    out.append(Heading(3, (words("Leidende principes"),)))
    principles = [p.text for p in session.principles if p.text]
    if principles:
        out.append(Items(tuple(Item(text) for text in principles), numbered=True))
    else:
        out.append(Paragraph((words("Er zijn geen leidende principes vastgelegd."),)))
    out += first_steps_overview(session, deck)
    return out


def _triangle(session: Session, deck: Deck) -> list[Block]:
    """The triangle drawn, then each layer: what it is about and what it asks."""
    if not deck.layers:
        return []
    out: list[Block] = [Heading(2, (words("De samenwerkingsdriehoek"),))]
    drawn = []
    for layer in deck.layers:
        count = sum(1 for t in session.tables if t.layer == layer.id)
        drawn.append((layer.title, count_label(count) if count else "geen tafel"))
    out.append(Triangle(tuple(drawn)))
    for n, layer in enumerate(deck.layers, start=1):
        out.append(Heading(3, (words(f"{n}. "), Run(layer.title))))
        out += [Paragraph((Run(text),)) for text in layer.paragraphs()]
        if layer.questions:
            out.append(Items(tuple(Item(question) for question in layer.questions)))
    return out


def _minutes(seconds: int) -> str:
    return str(round(seconds / 60))


def _time_spent(session: Session, deck: Deck) -> list[Block]:
    """Per part the planned and the spent minutes, where the session counted any."""
    progress = session.progress
    if not progress.seconds:
        return []
    rows = tuple(
        ((words(t.title),), (words("–" if t.planned is None else str(t.planned)),),
         (words(_minutes(t.spent) + (" (uitgelopen)" if t.over else "")),))
        for t in part_times(deck, progress)
    )
    out: list[Block] = [Heading(3, (words("Tijdsverloop"),)),
                        Grid(("Deel", "Gepland (min.)", "Werkelijk (min.)"), rows)]
    if progress.started is not None and progress.last_active is not None:
        out.append(Paragraph((words(
            f"Begonnen: {local_time(progress.started)}; "
            f"laatst actief: {local_time(progress.last_active)}."
        ),)))
    return out


def _table(session: Session, deck: Deck, table: Table, new_page: bool) -> list[Block]:
    out: list[Block] = [Heading(3, _name(table), new_page=new_page)]
    out.append(Heading(4, (words("Deelnemers"),)))
    if table.participants:
        out.append(TypedText(table.participants))
    else:
        out.append(Paragraph((words("Niet ingevuld."),)))
    out.append(Heading(4, (words("Patroon"),)))
    out.append(Paragraph(_pattern_line(session, deck, table.pattern)))
    out.append(Heading(4, (words("Antwoorden"),)))
    known = {q.id for q in deck.questions}
    questions: list[tuple[str, Line]] = [
        (q.id, (words(q.text, strong=True),))
        for q in deck.questions
        if q.kind == "text" or q.id in table.answers
    ]
    # Answers to questions the deck does not have (another programme, a hand edit) are
    # printed too, under their id: nothing recorded is dropped.
    questions += [
        (qid, (words("Vraag ", strong=True), Run(qid, strong=True)))
        for qid in table.answers
        if qid not in known
    ]
    for qid, question in questions:
        out.append(Paragraph(question))
        answer = table.answers.get(qid, "")
        out.append(TypedText(answer) if answer else Paragraph((words("Geen antwoord."),)))
    out.append(Heading(4, (words("Laag in de driehoek"),)))
    out.append(Paragraph(_layer_line(deck, table.layer)))
    return out


def _patterns(session: Session, deck: Deck) -> list[Block]:
    """Each pattern a table chose, and each own pattern, once: who chose it, and its loop."""
    chosen: dict[str, list[str]] = {}
    for table in session.tables:
        if table.pattern and pattern_of(session, deck, table.pattern) is not None:
            chosen.setdefault(table.pattern, []).append(table_name(table))
    ids = list(chosen) + [p.id for p in session.patterns if p.id not in chosen]
    ids += [p for p in tied_patterns(session)  # a pattern only first steps break, too
            if p not in ids and pattern_of(session, deck, p) is not None]
    out: list[Block] = [Heading(2, (words("Patronen"),), new_page=True)]
    if not ids:
        out.append(Paragraph((words("Er is nog geen patroon gekozen of gemaakt."),)))
    for n, pattern_id in enumerate(ids):
        found = pattern_of(session, deck, pattern_id)
        assert found is not None
        title, steps, own = found
        # Printed, each pattern gets a page: its heading never ends a page without its loop.
        heading = (Run(title),) + ((words(" (eigen patroon)"),) if own else ())
        out.append(Heading(3, heading, new_page=n > 0))
        variant = session.own_pattern(pattern_id).variant_of if own else None
        if variant:  # what a table's own version varies, named as the programme names it
            of = (pattern_of(session, deck, variant) or (variant,))[0]
            out.append(Paragraph((words("Variant van "), Run(of), words("."))))
        tables = chosen.get(pattern_id)
        if tables:
            out.append(Paragraph((words("Gekozen door: "), Run(", ".join(tables)))))
        else:
            out.append(Paragraph((words("Door geen tafel gekozen."),)))
        marks = loop_marks(session, deck, pattern_id, len(steps), report_numbers(session))
        out.append(Loop(title, steps, marks=marks))
        out += steps_breaking(session, deck, pattern_id)
    return out


def _notes(
    heading: str, notes: dict[str, str], order: Sequence[tuple[str, str]], unknown: str
) -> list[Block]:
    filled = {key: text for key, text in notes.items() if text}
    if not filled:
        return []
    out: list[Block] = [Heading(2, (words(heading),), new_page=True)]
    for key, title in order:
        if key in filled:
            out += [Heading(3, (Run(title),)), TypedText(filled.pop(key))]
    for key, text in filled.items():
        out += [Heading(3, (Run(key), words(f" ({unknown})"))), TypedText(text)]
    return out


def build_report(session: Session, deck: Deck, *, notes: bool = True,
                 time: bool = True) -> Document:
    """The whole session as a report document in Dutch; ``notes=False`` leaves the
    facilitator's notes out, ``time=False`` the time spent per part."""
    info = session.session
    details: list[tuple[str, Line]] = [("Datum", (words(dutch_date(info.date)),))]
    if info.facilitator:
        details.append(("Facilitator", (Run(info.facilitator),)))
    if info.location:
        details.append(("Locatie", (Run(info.location),)))
    details.append(("Werkvorm", (words(_WERKVORM.get(info.werkvorm, info.werkvorm)),)))
    programme = deck.title if info.deck == deck.id else info.deck
    details.append(("Programma", (Run(programme),)))
    details.append(("Laatst bijgewerkt", (words(local_time(info.updated)),)))
    doc = Document(info.title, details, author=info.facilitator, created=info.date,
                   modified=info.updated)
    doc.blocks += _overview(session, deck)
    if time:
        doc.blocks += _time_spent(session, deck)
    doc.blocks += _triangle(session, deck)
    doc.blocks.append(Heading(2, (words("Tafels"),), new_page=True))
    if not session.tables:
        doc.blocks.append(Paragraph((words("Er zijn geen tafels vastgelegd."),)))
    for n, table in enumerate(session.tables):
        # Each table on a page of its own when printed; the first under the section's title.
        doc.blocks += _table(session, deck, table, new_page=n > 0)
    doc.blocks += _patterns(session, deck)
    if notes:
        screens = [(s.id, s.title) for s in deck.screens]
        doc.blocks += _notes("Notities per scherm", session.notes, screens, "onbekend scherm")
        layers = [(layer.id, layer.title) for layer in deck.layers]
        doc.blocks += _notes("Notities per laag", session.layer_notes, layers, "onbekende laag")
    return doc
