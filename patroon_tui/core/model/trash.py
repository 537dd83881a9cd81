"""The trash: records removed from the session, kept whole so they can be put back.

A table, own pattern, principle or first step that is removed leaves its list and becomes a
``[[trash]]`` entry of the session (``TrashEntry``): the record with its uid and every text,
the place it stood in its list and when it was removed. It is saved with the session, so
it can be put back at any time, also after the app was closed. For a merge it is removed
like any other record (``versions.stamp`` gives it a tombstone in ``removed``); putting it
back clears the tombstone, so a merge keeps it (``versions.stamp`` again).

:func:`throw_away` moves a record from its list to the trash, :func:`entries` lists what
the trash holds (newest first), :func:`put_back` returns an entry's record to its list,
:func:`merged_trash` is the trash of a merge (``core/merge/``).
:func:`describe` names an entry in a line of Dutch, for the list the facilitator picks from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from patroon_tui.core.model.recording import table_name
from patroon_tui.core.model.session import (
    TRASH_KINDS,
    FirstStep,
    OwnPattern,
    Principle,
    Session,
    Table,
    TrashEntry,
    utc_now,
)
from patroon_tui.core.model.uids import KINDS, records
from patroon_tui.core.model.versions import (
    Version,
    digest,
    fields,
    known,
    new_uid,
    record_fields,
)
from patroon_tui.core.text.terminal_safe import printable

__all__ = [
    "PutBack", "TrashError", "describe", "entries", "merged_trash", "put_back", "throw_away",
]

Record = Table | OwnPattern | Principle | FirstStep

#: The record key of an entry, per session list.
_KEY_OF = {kind: key for key, kind in TRASH_KINDS.items()}

#: How each kind is named in the list, in Dutch.
KIND_NAMES = {
    "tables": "Tafel",
    "patterns": "Eigen patroon",
    "principles": "Principe",
    "first_steps": "Eerste stap",
}


class TrashError(Exception):
    """An entry that cannot be put back; the text is a Dutch sentence."""


@dataclass(frozen=True)
class PutBack:
    """A record put back: its list, its place there and the record itself."""

    kind: str
    index: int
    record: Record


def throw_away(
    session: Session, kind: str, index: int, *, now: dt.datetime | None = None
) -> TrashEntry:
    """Take record ``index`` out of the list ``kind`` (``tables`` …) and keep it in the trash.

    Raises ``IndexError`` for a place the list does not have.
    """
    items = getattr(session, kind)
    record = items[index]
    if not record.uid:
        # Made since the last save: its identity is given now, so it comes back as itself.
        record.uid = new_uid(kind)
    entry = TrashEntry(place=index, removed_at=now or utc_now(),
                       versions=_versions_of(kind, record, session.versions), **{_KEY_OF[kind]: record})
    del items[index]
    session.trash = [*(session.trash or []), entry]
    return entry


def entries(session: Session) -> list[TrashEntry]:
    """The entries that can be put back, newest first (an unknown kind is left out)."""
    known = [(i, e) for i, e in enumerate(session.trash or []) if e.kind is not None]
    # Removed within one millisecond: the one kept last is the newer.
    known.sort(key=lambda item: (_moment(item[1].removed_at), item[0]), reverse=True)
    return [entry for _, entry in known]


def _moment(value: dt.datetime) -> dt.datetime:
    # A naive time (a hand edit) counts as UTC, so it can be compared with the others.
    return value.replace(tzinfo=dt.UTC) if value.utcoffset() is None else value


def put_back(session: Session, entry: TrashEntry) -> PutBack:
    """Return ``entry``'s record to its list, at its old place (or the end, when the list
    is shorter now), with its uid and every text, and take it out of the trash.

    A table or own pattern whose id was given to another since gets a free id; a record
    whose uid is in the list again (a copy merged in) gets a new uid. Raises
    :class:`TrashError` when it cannot come back (a second table in a plenary session).
    """
    kind, record = entry.kind, entry.record
    trash = list(session.trash or [])
    at = next((i for i, e in enumerate(trash) if e is entry),
              next((i for i, e in enumerate(trash) if e == entry), None))
    if kind is None or record is None or at is None:
        raise TrashError("Dit staat niet (meer) in de prullenbak.")
    items = getattr(session, kind)
    if kind == "tables" and session.session.werkvorm == "plenair" and items:
        raise TrashError(
            "Een plenaire sessie heeft één gesprek; deze tafel kan er niet bij terug."
        )
    record = record.model_copy(deep=True)
    if isinstance(record, Table) and any(t.id == record.id for t in items):
        record.id = session.new_table_id()
    elif isinstance(record, OwnPattern) and any(p.id == record.id for p in items):
        record.id = _free_pattern_id(session, record.id)
    if any(item.uid == record.uid for item in items):
        record.uid = new_uid(kind)
    index = min(entry.place, len(items))
    items.insert(index, record)
    del trash[at]
    session.trash = trash or None
    return PutBack(kind, index, record)


def merged_trash(
    copies: Sequence[Session], merged: Session, versions: dict[str, str]
) -> list[TrashEntry] | None:
    """The trash of a merge of ``copies`` into ``merged`` (``versions``: the merged fields'
    versions): every copy's entries, one per record (``kind/uid``; the one removed last).

    A record the merge keeps (changed on another laptop, or put back there) is in its list,
    not in the trash. An entry that would go (the record kept, or removed on two laptops and
    another entry kept) stays when it holds a text that is nowhere else: typed on the laptop
    that removed it, and neither in what is kept nor replaced there by an edit made from it.
    The trash shows it; putting it back makes a second record. Entries of a kind this
    program does not know are kept."""
    live = {f"{kind}/{uid}": record for kind in KINDS for uid, record in records(merged, kind)}
    now = fields(merged)
    merged_versions = {path: Version.parse(text) for path, text in versions.items()}
    by_record: dict[str, list[tuple[TrashEntry, Session]]] = {}
    unknown: list[TrashEntry] = []
    for copy in copies:
        for entry in copy.trash or []:
            record = entry.record
            if record is None or not record.uid:
                if entry not in unknown:
                    unknown.append(entry.model_copy(deep=True))
                continue
            by_record.setdefault(f"{entry.kind}/{record.uid}", []).append((entry, copy))
    kept: list[TrashEntry] = []
    for key, found in by_record.items():
        found.sort(key=lambda pair: _order(pair[0]), reverse=True)
        holders: list[_Holder] = []
        if key in live:
            holders.append((now, lambda path: merged_versions.get(path)))
        for entry, copy in found:
            entry = _with_versions(entry, copy)
            if not holders or _loses_text(entry, holders):
                kept.append(entry)
                holders.append(_holder(entry))
    merged_ = sorted(kept, key=_order) + sorted(unknown, key=_order)
    return merged_ or None


#: What holds a record's texts after a merge: the texts by path, and each one's version.
_Holder = tuple[dict[str, str], Callable[[str], "Version | None"]]


def _with_versions(entry: TrashEntry, copy: Session) -> TrashEntry:
    """A copy of ``entry`` holding the versions its texts have in ``copy`` (an entry made
    before entries held them), so the next merge judges it the same way."""
    entry = entry.model_copy(deep=True)
    assert entry.kind is not None and entry.record is not None
    if entry.versions is None:
        entry.versions = _versions_of(entry.kind, entry.record, copy.versions)
    return entry


def _versions_of(kind: str, record: Record, stored: dict[str, str] | None) -> dict[str, str] | None:
    """The stored versions of ``record``'s texts that are of the text it holds (one typed
    since the last save has none yet: no other laptop can have seen it)."""
    stored = stored or {}
    texts = record_fields(kind, record.uid or "", record)
    versions = {path: stored[path] for path, text in texts.items() if path in stored
                and (v := Version.parse(stored[path])) is not None and v.hash == digest(text)}
    return dict(sorted(versions.items())) or None


def _holder(entry: TrashEntry) -> _Holder:
    assert entry.kind is not None and entry.record is not None
    texts = record_fields(entry.kind, entry.record.uid or "", entry.record)
    stored = entry.versions or {}

    def version_of(path: str) -> Version | None:
        return known(stored.get(path), digest(texts[path])) if path in texts else None

    return texts, version_of


def _loses_text(entry: TrashEntry, holders: list[_Holder]) -> bool:
    """Whether a text of ``entry`` is in none of ``holders``, neither as it is nor replaced
    by an edit made from it."""
    texts, version_of = _holder(entry)
    for path, text in texts.items():
        if path.endswith(_CHOICES) or not text.strip():
            continue
        # The version the entry gives the text: one saved (an edit made from it descends
        # from it), or else one no other laptop can have seen.
        mine = version_of(path)
        assert mine is not None
        if not any(text in held.get(path, "")
                   or ((theirs := other(path)) is not None and theirs.descends_from(mine))
                   for held, other in holders):
            return True
    return False


#: Fields that hold a choice (an id), not a typed text.
_CHOICES = ("/pattern", "/layer", "/table", "/breaks_after")


def _order(entry: TrashEntry) -> tuple:
    # When removed, then (two removed at one moment) what it holds: the same order in
    # whichever grouping copies are merged.
    return (_moment(entry.removed_at), entry.model_dump_json())


def _free_pattern_id(session: Session, wanted: str) -> str:
    taken = {p.id for p in session.patterns}
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


def _words(text: str, width: int = 36) -> str:
    line = " ".join(printable(text).split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def describe(entry: TrashEntry) -> tuple[str, str]:
    """(kind, name or first words) of an entry, in Dutch, safe to show."""
    kind, record = entry.kind, entry.record
    label = KIND_NAMES.get(kind or "", "Onbekend")
    if isinstance(record, Table):
        name = _words(table_name(record))
        answered = sum(1 for text in record.answers.values() if text.strip())
        if answered:
            name += f" ({answered} antwoord{'' if answered == 1 else 'en'})"
        return label, name
    if isinstance(record, OwnPattern):
        return label, _words(record.title or next((s for s in record.steps if s.strip()), ""))
    if isinstance(record, FirstStep):
        if not record.owner.strip():
            return label, _words(record.text)
        return label, f"{_words(record.text, 24)} ({_words(record.owner, 12)})"
    if isinstance(record, Principle):
        return label, _words(record.text)
    return label, ""
