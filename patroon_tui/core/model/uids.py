"""Records' identities across copies of one session (``uid``), for merging them
(``core/merge/``; docs/merging.md).

Every record (a table, an own pattern, a principle, a first step) is known by a uid that
is the same in every copy of the session. Records from before uids existed get one made
from where they stand (:func:`legacy_uid`), the same in every copy of one file; records
made since get a new one (:func:`new_uid`: the time and 64 random bits, so two laptops,
or one laptop making 500 tables in one millisecond, do not make the same uid).

A uid is part of the path of each of its record's fields (``tables/<uid>/answers/<qid>``),
so it must be unique within its kind and hold no ``/``: :func:`unique_uids` gives a record
whose uid is taken by an earlier one (a ``[[tables]]`` block copied by hand) or cannot be
used (a ``/``, a space, more than 64 characters) a new uid, and says so. The new uid is
made from the record (a table's or own pattern's id: ``t-tafel-3``) or from the old uid
(``p-2-2``), not by chance: every copy of one file renames the same record the same way,
so the copies still match when merged. Nor does it take a uid the copy removed: the copy
would bring that record back.

:func:`merged_id` gives a record its id in a merge (two copies may each have a
``tafel-2``), the same in whichever grouping the copies are merged.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Iterator, Sequence
from typing import Literal, overload

from patroon_tui.core.model.session import FirstStep, OwnPattern, Principle, Session, Table
from patroon_tui.core.text.terminal_safe import printable

Record = Table | OwnPattern | Principle | FirstStep
"""A record of one of the session's lists that has a uid."""

__all__ = [
    "KINDS",
    "ensure_uids",
    "legacy_uid",
    "merged_id",
    "new_uid",
    "record_uid",
    "records",
    "uid_order",
    "unique_uids",
]

KINDS = ("tables", "patterns", "principles", "first_steps")
"""The lists of records that have uids, as the session names them."""
_USABLE = re.compile(r"[A-Za-z0-9_-]{1,64}", re.ASCII)
_THIS = {"tables": "deze tafel", "patterns": "dit eigen patroon",
         "principles": "dit principe", "first_steps": "deze eerste stap"}


def legacy_uid(kind: str, index: int, record) -> str:
    """The identity of a record without a uid: the same in every copy of one file."""
    if kind == "tables":
        return f"t-{record.id}"
    if kind == "patterns":
        return f"o-{record.id}"
    return f"{kind[0]}-{index + 1}"


def new_uid(kind: str) -> str:
    """A uid for a record made now: its kind's letter, the time, and chance (sorting uids
    sorts records made on several laptops by when they were made)."""
    return f"{kind[0]}{time.time_ns() // 1_000_000:011x}{secrets.token_hex(8)}"


def uid_order(uid: str) -> tuple:
    """Sort key of uids: records from before uids (``t-tafel-2``, ``p-3``: in their old
    order), then by time (a renamed uid, ``…-2``, right after the one it was named after)."""
    if uid[1:2] == "-":
        return (0, [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", uid)])
    return (1, [uid])


def record_uid(kind: str, index: int, record) -> str:
    """A record's identity across copies."""
    return record.uid or legacy_uid(kind, index, record)


@overload
def records(session: Session, kind: Literal["tables"]) -> Iterator[tuple[str, Table]]: ...
@overload
def records(session: Session, kind: Literal["patterns"]) -> Iterator[tuple[str, OwnPattern]]: ...
@overload
def records(session: Session, kind: Literal["principles"]) -> Iterator[tuple[str, Principle]]: ...
@overload
def records(session: Session, kind: Literal["first_steps"]) -> Iterator[tuple[str, FirstStep]]: ...
@overload
def records(
    session: Session, kind: Literal["tables", "patterns"]
) -> Iterator[tuple[str, Table | OwnPattern]]: ...
@overload
def records(session: Session, kind: str) -> Iterator[tuple[str, Record]]: ...
def records(session: Session, kind: str) -> Iterator[tuple[str, Record]]:
    """(uid, record) of one kind, in order."""
    for index, record in enumerate(getattr(session, kind)):
        yield record_uid(kind, index, record), record


def ensure_uids(session: Session, *, fresh: bool) -> None:
    """Give every record a uid: made from its place (``fresh=False``: a session as read,
    the same in every copy) or random (``fresh=True``: records made since)."""
    for kind in KINDS:
        for index, record in enumerate(getattr(session, kind)):
            if not record.uid:
                record.uid = new_uid(kind) if fresh else legacy_uid(kind, index, record)


def unique_uids(session: Session) -> list[tuple[str, str]]:
    """Give each record whose uid is taken by an earlier record of its kind, or holds
    anything but letters, digits, ``-`` and ``_``, a uid of its own; returns the field
    path and a Dutch clause for each (for :class:`~patroon_tui.core.sessionfile.validation.Notice`)."""
    said: list[tuple[str, str]] = []
    for kind in KINDS:
        listed = list(records(session, kind))
        # Nor a uid this copy removed (or holds in its trash): a record made by copying a
        # block would come back as the removed one, with the removed one's texts.
        taken = {uid for uid, _ in listed} | {
            key.partition("/")[2] for key in session.removed or {} if key.startswith(f"{kind}/")}
        taken |= {e.record.uid for e in session.trash or [] if e.kind == kind and e.record is not None and e.record.uid}
        first: dict[str, int] = {}
        for index, (uid, record) in enumerate(listed):
            if _USABLE.fullmatch(uid) and uid not in first:
                first[uid] = index
                continue
            fresh = _renamed(kind, record, uid, taken)
            taken.add(fresh)
            first[fresh] = index
            record.uid = fresh
            shown = printable(uid)[:40]
            why = (f"de uid '{shown}' heeft {kind}[{first[uid]}] ook" if uid in first
                   else f"de uid '{shown}' kan niet (alleen letters, cijfers, - en _)")
            said.append((f"{kind}[{index}].uid", (f"{why}; {_THIS[kind]} krijgt de uid "
                         f"'{fresh}', zodat samenvoegen niets door elkaar haalt")))
    return said


def _renamed(kind: str, record, uid: str, taken: set[str]) -> str:
    """A usable uid made from the record, not in ``taken``: the same for the same file."""
    if kind in ("tables", "patterns"):
        # Made from its id, unique in its copy: two laptops that each copied a table by
        # hand keep two tables (a table's id is not merged as a text is).
        own = legacy_uid(kind, 0, record)
        if own not in taken:
            return own
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", uid, flags=re.ASCII)[:48].strip("-") or "r"
    if base != uid and base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def merged_id(
    copies: Sequence[Session], kind: Literal["tables", "patterns"], uid: str, taken: set[str]
) -> str:
    """A record's id in a merge of ``copies`` (``core/merge/``): the least of its ids
    there as they were before a merge renamed them (:func:`_unfreed`), or when that is in
    ``taken`` one made from its uid. So the same id however the copies are grouped: a
    merge of some of them may rename for a record that a later merge drops."""
    wanted = min(_unfreed(r.id, uid) for c in copies for u, r in records(c, kind) if u == uid)
    if wanted not in taken:
        return wanted
    tail = "".join(ch for ch in uid.lower() if ch.isalnum())
    for size in range(4, len(tail) + 1):
        candidate = f"{wanted}-{tail[-size:]}"
        if candidate not in taken:
            return candidate
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


def _unfreed(record_id: str, uid: str) -> str:
    """The id a record had before :func:`merged_id` renamed it (``tafel-2-7721``: ``tafel-2``)."""
    tail = "".join(ch for ch in uid.lower() if ch.isalnum())
    base, _, end = record_id.rpartition("-")
    if base and len(end) >= 4 and tail.endswith(end) and uid[1:] != f"-{record_id}":
        return base
    return record_id
