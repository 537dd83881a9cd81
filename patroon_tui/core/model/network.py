"""A network's sessions together: which records are the same across sessions, and the own
patterns of earlier sessions a table can take over.

A network meets more than once, each meeting a session file in one folder. An own pattern
is the same pattern in two sessions when both hold it with the same uid made by the app
(:func:`shared_uid`): it was taken over from an earlier session ("uit een eerdere sessie"
in the own-pattern editor), or carried into a follow-up session, and kept its uid. A uid
made from a record's place in an old file (``o-eigen-tafel-1``, see ``uids.legacy_uid``)
is the same in unrelated sessions, so it joins nothing: such a pattern is its session's
own, unless a follow-up carried it (:func:`first_held`: a follow-up keeps the uid its
earlier session gives the record, and names that session in ``previous``). The same holds
for tables and first steps (several copies of one session, a follow-up's carried steps):
counted once per app-made uid, or per record a follow-up chain carries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from patroon_tui.core.model.session import OwnPattern, Session
from patroon_tui.core.model.uids import records

__all__ = ["EarlierPattern", "earlier_patterns", "first_held", "own_key", "shared_uid"]

#: The lists a follow-up carries from its earlier session (its tables start fresh).
CARRIED = ("patterns", "principles", "first_steps")


def shared_uid(uid: str | None) -> bool:
    """Whether ``uid`` names one record wherever it is found: made by the app (time and
    chance), not from the record's place in an old file (``t-tafel-1``, ``p-2``)."""
    return uid is not None and uid != "" and uid[1:2] != "-"


def first_held(session: Session, kind: str, uid: str,
               folder: Mapping[str, Session] | None) -> Session:
    """The session of ``folder`` (by id) a record of ``session`` with a place-made ``uid``
    was first held in: following ``previous`` while the earlier session holds a record of
    ``kind`` by that uid (a follow-up carried it), else ``session`` itself."""
    seen = {session.session.id}
    while folder and kind in CARRIED:
        earlier = folder.get(session.session.previous or "")
        if earlier is None or earlier.session.id in seen:
            break
        if all(held != uid for held, _ in records(earlier, kind)):
            break
        seen.add(earlier.session.id)
        session = earlier
    return session


def own_key(session: Session, pattern: OwnPattern,
            folder: Mapping[str, Session] | None = None) -> str:
    """What an own pattern is known by across the folder's sessions (``folder``: the
    sessions by id, for a pattern a follow-up carried from an old file)."""
    if pattern.uid and shared_uid(pattern.uid):
        return f"eigen:{pattern.uid}"
    held = first_held(session, "patterns", pattern.uid or f"o-{pattern.id}", folder)
    return f"eigen:{held.session.id}/{pattern.id}"


@dataclass(frozen=True)
class EarlierPattern:
    """An own pattern of another session of the folder, as it stands in its latest session."""

    title: str
    steps: tuple[str, ...]
    uid: str | None
    """Its uid, kept when it is taken over (``None``: it had none the app made)."""
    variant_of: str | None
    """The deck pattern it is a version of, if any."""
    session_title: str
    date: dt.date
    """The day of the latest session that holds it."""

    def label(self) -> str:
        """How the choice is shown: the title and where it was last."""
        return f"{self.title} · {self.session_title}, {self.date.isoformat()}"


def earlier_patterns(sessions: Iterable[Session], current: Session) -> list[EarlierPattern]:
    """The own patterns of ``sessions`` other than ``current`` that ``current`` does not
    hold yet, each once (the latest session's version), alphabetically.

    Only patterns with a title and at least two steps filled in: a draft left half-way is
    nothing to build on.
    """
    sessions = list(sessions)
    folder = {s.session.id: s for s in sessions}
    folder[current.session.id] = current
    here = {own_key(current, p, folder) for p in current.patterns}
    latest: dict[str, tuple[tuple[dt.date, str], EarlierPattern]] = {}
    for session in sessions:
        if session.session.id == current.session.id:
            continue
        when = (session.session.date, session.session.id)
        for pattern in session.patterns:
            steps = tuple(s for s in pattern.steps if s.strip())
            if not pattern.title.strip() or len(steps) < 2:
                continue
            key = own_key(session, pattern, folder)
            if key in here or (key in latest and latest[key][0] > when):
                continue
            latest[key] = (when, EarlierPattern(
                title=pattern.title, steps=steps,
                uid=pattern.uid if shared_uid(pattern.uid) else None,
                variant_of=pattern.variant_of, session_title=session.session.title,
                date=session.session.date))
    found = [pattern for _, pattern in latest.values()]
    return sorted(found, key=lambda p: (p.title.casefold(), p.date))
