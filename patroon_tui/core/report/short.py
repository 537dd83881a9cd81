"""The one-page summary for directors (``patroon export --kort``): :func:`build_short_report`.

What a *bestuurder* reads before the next meeting, on one A4 page: the session (title,
date, who led it, how many tables), the patterns the tables recognised with how many tables
(and which) chose each, the most chosen one drawn small, where in the triangle the tables placed
themselves, the leading principles and the first steps with their owners. No answers, no
notes and no time per part: those are in the full report. A report document like the full
one (:mod:`patroon_tui.core.report.document`), so every format writes it.
"""

from __future__ import annotations

from collections import Counter

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.recording import table_name
from patroon_tui.core.model.session import Session
from patroon_tui.core.report.document import (
    Block,
    Document,
    Grid,
    Heading,
    Item,
    Items,
    Line,
    Loop,
    Paragraph,
    Run,
    dutch_date,
    pattern_of,
    words,
)
from patroon_tui.core.report.first_steps import (
    layer_steps,
    recorded,
    report_numbers,
    tie_detail,
)
from patroon_tui.core.report.loop_marks import loop_marks

__all__ = ["build_short_report"]


def _tables(count: int) -> str:
    return "1 tafel" if count == 1 else f"{count} tafels"


def _patterns(session: Session, deck: Deck) -> list[Block]:
    counts = Counter(t.pattern for t in session.tables
                     if t.pattern and pattern_of(session, deck, t.pattern) is not None)
    out: list[Block] = [Heading(2, (words("Herkende patronen"),))]
    if not counts:
        return out + [Paragraph((words("De tafels hebben nog geen patroon gekozen."),))]
    rows = []
    for pattern_id, count in counts.most_common():
        found = pattern_of(session, deck, pattern_id)
        assert found is not None
        title, _, own = found
        names = ", ".join(table_name(t) for t in session.tables if t.pattern == pattern_id)
        name: Line = (Run(title),) + ((words(" (eigen patroon)"),) if own else ())
        variant = session.own_pattern(pattern_id).variant_of if own else None
        if variant:  # a director reads which example of the programme the table adapted
            of = (pattern_of(session, deck, variant) or (variant,))[0]
            name = (Run(title), words(" (eigen patroon, variant van "), Run(of), words(")"))
        rows.append((name, (words(f"{_tables(count)}: "), Run(names))))
    out.append(Grid(("Patroon", "Gekozen door"), tuple(rows)))
    top, _ = counts.most_common(1)[0]
    found = pattern_of(session, deck, top)
    assert found is not None
    out.append(Paragraph((words("Het meest herkend: "), Run(found[0]))))
    marks = loop_marks(session, deck, top, len(found[1]), report_numbers(session))
    out.append(Loop(found[0], found[1], small=True, marks=marks))
    return out


def _triangle(session: Session, deck: Deck) -> list[Block]:
    """Per layer of the triangle how many tables placed their pattern there."""
    if not deck.layers:
        return []
    items = []
    for layer in deck.layers:
        n = sum(t.layer == layer.id for t in session.tables)
        steps = layer_steps(session, layer.id)
        said = (f" · eerste stap{'pen' if len(steps) > 1 else ''} "
                f"{', '.join(map(str, steps))}" if steps else "")
        items.append(Item(layer.title, (words((_tables(n) if n else "geen tafel") + said),),
                          typed=False))
    return [Heading(2, (words("Waar in de driehoek"),)), Items(tuple(items))]


def _agreements(session: Session, deck: Deck) -> list[Block]:
    out: list[Block] = [Heading(2, (words("Leidende principes"),))]
    principles = [p.text for p in session.principles if p.text.strip()]
    out.append(Items(tuple(Item(text) for text in principles), numbered=True) if principles
               else Paragraph((words("Er zijn geen leidende principes vastgelegd."),)))
    out.append(Heading(2, (words("Eerste stappen"),)))
    steps = recorded(session)  # numbered as the loop's cuts and the triangle name them
    items = tuple(
        Item(step.text if step.text.strip() else "(geen omschrijving)",
             (words("Eigenaar: "),) + ((Run(step.owner),) if step.owner.strip()
                                       else (words("nog niemand"),))
             + tie_detail(step, session, deck),
             typed=bool(step.text.strip()))
        for step in steps
    )
    out.append(Items(items, numbered=True) if items
               else Paragraph((words("Er zijn geen eerste stappen vastgelegd."),)))
    return out


def build_short_report(session: Session, deck: Deck) -> Document:
    """The session on one page for directors, in Dutch."""
    info = session.session
    about = [dutch_date(info.date)]
    if info.location.strip():
        about.append(info.location.strip())
    about.append(_tables(len(session.tables)))
    details: list[tuple[str, Line]] = [("Sessie", (Run(" · ".join(about)),))]
    if info.facilitator.strip():
        details.append(("Facilitator", (Run(info.facilitator),)))
    doc = Document(info.title, details, author=info.facilitator, created=info.date,
                   modified=info.updated, short=True)
    doc.blocks += _patterns(session, deck)
    doc.blocks += _triangle(session, deck)
    doc.blocks += _agreements(session, deck)
    return doc
