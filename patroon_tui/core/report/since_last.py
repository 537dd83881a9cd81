"""A follow-up's report opens with "Sinds de vorige keer": what became of last time's agreements.

:func:`since_last_time` gives the full report's section: each first step carried from the
earlier session with its owner, table, status, the note of what happened and its history
(where it was agreed, what was said of it at each session since), then the principles
kept, changed and let go. :func:`since_last_time_short` gives the one-page summary's lines.
Both are empty for a session that follows up none. Blocks of the report document, so
every format (Markdown, HTML, Word, PDF) writes them; :func:`with_since_last` puts them in
front of a report built (``export.py``, and the summary screen).
"""

from __future__ import annotations

from patroon_tui.core.model.follow_up import STATUS_LABELS, history_lines
from patroon_tui.core.model.session import (
    PRINCIPLE_STATUSES,
    FirstStep,
    LookedBack,
    Principle,
    Session,
)
from patroon_tui.core.report.document import (
    Block,
    Document,
    Heading,
    Item,
    Items,
    Line,
    Paragraph,
    Run,
    TypedText,
    dutch_date,
    words,
)

__all__ = ["since_last_time", "since_last_time_short", "with_since_last"]

TITLE = "Sinds de vorige keer"

#: The principles grouped by what the follow-up does with them, in this order.
_GROUPS = {"houden": "Gehouden", "aanpassen": "Aangepast", "loslaten": "Losgelaten"}


def _status(record: FirstStep | Principle) -> str:
    return STATUS_LABELS.get(record.status or "", "nog niet besproken")


def _previous(session: Session) -> Line:
    previous = session.session.previous or ""
    entries: list[LookedBack] = [h for s in session.first_steps for h in s.history or []]
    entries += [h for p in session.principles for h in p.history or []]
    dates = [h.date for h in entries if h.session == previous]
    when = (words(f" van {dutch_date(dates[0])}"),) if dates else ()
    return (words("Vervolg op de sessie "), Run(previous), *when, words("."))


def _step(n: int, step: FirstStep) -> list[Block]:
    about: Line = (words("Eigenaar: "), Run(step.owner) if step.owner.strip()
                   else words("niemand genoemd"))
    if step.table_name:
        about += (words(" · tafel: "), Run(step.table_name))
    about += (words(" · stand: "), words(_status(step), strong=True))
    out: list[Block] = [Heading(4, (words(f"{n}. "), Run(step.text or "(geen omschrijving)"))),
                        Paragraph(about)]
    if step.review and step.review.strip():
        out.append(TypedText(step.review))
    lines = history_lines(step.history, date_text=dutch_date)
    if lines:
        out.append(Paragraph((words("Eerder:"),)))
        out.append(Items(tuple(Item(line) for line in lines)))
    return out


def _principles(principles: list[Principle]) -> list[Block]:
    out: list[Block] = [Heading(3, (words("Principes"),))]
    if not principles:
        return out + [Paragraph((words("Er waren geen principes om op terug te kijken."),))]
    for status in (*PRINCIPLE_STATUSES, None):
        group = [p for p in principles if (p.status if p.status in _GROUPS else None) == status]
        if not group:
            continue
        out.append(Heading(4, (words(_GROUPS[status] if status else "Nog niet besproken"),)))
        out.append(Items(tuple(
            Item(p.text, (Run(" ".join(p.review.split())),) if p.review and p.review.strip()
                 else ())
            for p in group
        )))
    return out


def since_last_time(session: Session) -> list[Block]:
    """The full report's section on the earlier session's agreements (none: ``[]``)."""
    if session.session.previous is None:
        return []
    out: list[Block] = [Heading(2, (words(TITLE),)), Paragraph(_previous(session)),
                        Heading(3, (words("Eerste stappen"),))]
    steps = [s for s in session.first_steps if s.history]
    if not steps:
        out.append(Paragraph((words("Er waren geen eerste stappen om op terug te kijken."),)))
    for n, step in enumerate(steps, start=1):
        out += _step(n, step)
    return out + _principles([p for p in session.principles if p.history])


def since_last_time_short(session: Session) -> list[Block]:
    """The one-page summary's lines: each step's status (and note), the principles counted."""
    if session.session.previous is None:
        return []
    out: list[Block] = [Heading(2, (words(TITLE),))]
    items = []
    for step in (s for s in session.first_steps if s.history):
        detail: Line = (words(_status(step), strong=True),)
        if step.owner.strip():
            detail += (words(" · "), Run(step.owner))
        if step.review and step.review.strip():
            detail += (words(" · "), Run(" ".join(step.review.split())))
        items.append(Item(step.text, detail))
    if items:
        out.append(Items(tuple(items), numbered=True))
    principles = [p for p in session.principles if p.history]
    if principles:
        counts = [f"{sum(p.status == s for p in principles)} {_GROUPS[s].lower()}"
                  for s in PRINCIPLE_STATUSES]
        # Else "0 gehouden, 0 aangepast, 0 losgelaten" reads as if they were all looked at.
        left = sum(p.status not in PRINCIPLE_STATUSES for p in principles)
        if left:
            counts.append(f"{left} nog niet besproken")
        out.append(Paragraph((words("Principes: " + ", ".join(counts) + "."),)))
    return out


def with_since_last(doc: Document, session: Session) -> Document:
    """``doc`` (the full report or, ``doc.short``, the summary) opening with what became of
    last time's agreements, when ``session`` follows one up."""
    doc.blocks[:0] = since_last_time_short(session) if doc.short else since_last_time(session)
    return doc
