"""The follow-up session: a new session that looks back on an earlier one.

:func:`follow_up` builds it from the earlier session: ``session.previous`` names that one;
its principles and first steps are carried with their uids (a first step with its owner,
the name of its table and the pattern it belongs to), and its own patterns; the tables
start fresh. Each carried record's ``history`` grows by the earlier session and what was
said of the record there, so a step carried twice still says where it was agreed and what
became of it each time since.

:func:`programme_for` is the programme a session runs: for a follow-up the deck's
programme with the look back (``review``, the screen "Terugblik") in front of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from patroon_tui.core.model.deck import Deck, Part, Screen
from patroon_tui.core.model.session import (
    PRINCIPLE_STATUSES,
    STEP_STATUSES,
    FirstStep,
    LookedBack,
    Principle,
    PrincipleLookedBack,
    Session,
    new_session,
    utc_now,
)
from patroon_tui.core.model.uids import record_uid

__all__ = [
    "REVIEW_SCREEN",
    "STATUS_LABELS",
    "follow_up",
    "follow_up_title",
    "history_lines",
    "next_status",
    "programme_for",
    "review_screen",
    "statuses_of",
]

#: The look back when the deck names none (``[review]`` in the deck).
REVIEW_SCREEN = Screen(
    id="terugblik", kind="review", title="Terugblik",
    body="Wat is er sinds de vorige keer gebeurd met onze eerste stappen en principes?",
)

#: Each status as it is said and shown (the file writes ``niet-begonnen``).
STATUS_LABELS = {
    "gedaan": "gedaan", "loopt": "loopt", "vastgelopen": "vastgelopen",
    "niet-begonnen": "niet begonnen", "losgelaten": "losgelaten",
    "houden": "houden", "aanpassen": "aanpassen", "loslaten": "loslaten",
}


def statuses_of(kind: str) -> tuple[str, ...]:
    """The statuses offered for a record of the list ``kind`` (``first_steps``, ``principles``)."""
    return STEP_STATUSES if kind == "first_steps" else PRINCIPLE_STATUSES


def next_status(statuses: Sequence[str], current: str | None) -> str | None:
    """The status after ``current``: from none the first, after the last none again (as
    the pattern on the tables screen), so every choice is reached by the one key."""
    if current not in statuses:
        return statuses[0]
    at = statuses.index(current)
    return statuses[at + 1] if at + 1 < len(statuses) else None


def _short_date(date: dt.date) -> str:
    return f"{date.day}-{date.month}-{date.year}"


def history_lines(history: Sequence[LookedBack] | None, *, agreed: str = "afgesproken",
                  date_text: Callable[[dt.date], str] = _short_date) -> list[str]:
    """A record's history as lines to read: where it was agreed, then each later session's
    status and note (``agreed``: the word for the first, ``opgeschreven`` for a principle)."""
    lines: list[str] = []
    for n, entry in enumerate(history or []):
        said = STATUS_LABELS.get(entry.status or "", entry.status or "")
        if n == 0 and not said and not entry.review:
            lines.append(f"{agreed} op {date_text(entry.date)} ({entry.session})")
            continue
        line = f"{date_text(entry.date)}: {said or 'geen stand'}"
        lines.append(f"{line} — {entry.review}" if entry.review else line)
    return lines


_FOLLOW_UP = re.compile(r"\s*\(vervolg\)$")


def follow_up_title(title: str) -> str:
    """The title a follow-up gets when none is given: the earlier one's, marked once."""
    return f"{_FOLLOW_UP.sub('', title)} (vervolg)"


def _carried_principle(earlier: Session, index: int, principle: Principle) -> Principle:
    info = earlier.session
    history = [*(principle.history or []), PrincipleLookedBack(
        session=info.id, date=info.date, status=principle.status,
        review=principle.review or None)]
    return Principle(
        **(principle.model_extra or {}), text=principle.text,
        uid=record_uid("principles", index, principle),
        history=[h.model_copy(deep=True) for h in history],
    )


def _carried_step(earlier: Session, index: int, step: FirstStep) -> FirstStep:
    table = next((t for t in earlier.tables if t.id == step.table), None)
    info = earlier.session
    history = [*(step.history or []), LookedBack(
        session=info.id, date=info.date, status=step.status, review=step.review or None)]
    return FirstStep(
        **(step.model_extra or {}), text=step.text, owner=step.owner,
        uid=record_uid("first_steps", index, step),
        pattern=step.pattern or (table.pattern if table is not None and table.pattern else None),
        breaks_after=step.breaks_after, layer=step.layer,
        table_name=table.name if table is not None else step.table_name,
        history=[h.model_copy(deep=True) for h in history],
    )


def follow_up(
    earlier: Session,
    *,
    session_id: str,
    title: str | None = None,
    date: dt.date | None = None,
    question_ids: tuple[str, ...] | None = None,
    now: dt.datetime | None = None,
) -> Session:
    """A new session ``session_id`` that follows up ``earlier`` (which is not changed).

    It runs the same programme with the same facilitator, place and werkvorm, opens on the
    look back, and has one fresh table (or the plenary record) as a new session has.
    """
    info = earlier.session
    now = now or utc_now()
    session = new_session(
        session_id=session_id,
        title=title or follow_up_title(info.title),
        date=date,
        facilitator=info.facilitator,
        location=info.location,
        werkvorm=info.werkvorm,
        deck_id=info.deck,
        first_screen=REVIEW_SCREEN.id,
        now=now,
        **({"question_ids": question_ids} if question_ids is not None else {}),
    )
    session.session.previous = info.id
    session.patterns = [p.model_copy(deep=True) for p in earlier.patterns]
    for index, pattern in enumerate(session.patterns):
        pattern.uid = record_uid("patterns", index, pattern)
    session.principles = [_carried_principle(earlier, i, p)
                          for i, p in enumerate(earlier.principles)]
    session.first_steps = [_carried_step(earlier, i, s)
                           for i, s in enumerate(earlier.first_steps)]
    return session


def review_screen(deck: Deck) -> Screen:
    """The deck's look back, or the plain one."""
    return deck.review or REVIEW_SCREEN


def programme_for(deck: Deck, session: Session) -> Deck:
    """The programme ``session`` runs: a follow-up looks back first (a part of its own,
    before the deck's first), any other session runs the deck as it is."""
    if session.session.previous is None or any(s.kind == "review" for s in deck.screens):
        return deck
    screen = review_screen(deck)
    if any(s.id == screen.id for s in deck.screens):
        return deck
    part = Part(id=screen.id, title=screen.title, screens=[screen], minutes=screen.minutes)
    return deck.model_copy(update={"parts": [part, *deck.parts]})
