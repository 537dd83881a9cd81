"""Versions of what was typed, so copies of one session recorded on several laptops can be
merged without losing anything (``core/merge.py``; docs/merging.md).

Every text the facilitator types is a *field* with a path (``tables/<uid>/answers/<qid>``,
``notes/<screen>``, …). Its *version* says how it came to be: a digest of the text and,
per *writer* (one run of the app on one laptop), how many times that writer changed it.
One version *descends from* another when it counts at least as many edits of every
writer: it was made from it. Two versions neither of which descends from the other were
made apart: a conflict.

The app stamps versions when it saves (:func:`stamp`): a field whose text changed since
the last save gets one more edit of this writer. A file edited in a text editor has texts
whose digest does not match their version: :func:`effective` counts that as an edit of
its own (named after the digest), so a hand edit merges as any other edit.

Records get a ``uid`` that stays the same in every copy: records from before uids existed
get one made from where they stand (:func:`legacy_uid`), the same in every copy of one
file; records made since get a random one.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from patroon_tui.core.session import Session

__all__ = [
    "WRITER",
    "Baseline",
    "Version",
    "digest",
    "effective",
    "ensure_uids",
    "fields",
    "record_uid",
    "stamp",
]

WRITER = secrets.token_hex(3)
"""This run of the program: a new writer every time the app starts."""
_KINDS = ("tables", "patterns", "principles", "first_steps")


def digest(text: str) -> str:
    """A short digest of a text (8 hex digits: collisions among one field's versions are
    not a concern)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


@dataclass(frozen=True)
class Version:
    """A field's version: the digest of its text and the edits per writer."""

    hash: str
    edits: tuple[tuple[str, int], ...] = ()
    """(writer, count), sorted by writer."""

    @classmethod
    def parse(cls, text: str) -> Version | None:
        """``"3fa9c2d1 a1b2c3:2 d4e5f6:1"``; ``None`` for anything else."""
        parts = str(text).split()
        if not parts:
            return None
        edits: dict[str, int] = {}
        for part in parts[1:]:
            writer, _, count = part.rpartition(":")
            if not writer or not count.isdigit():
                return None
            edits[writer] = max(edits.get(writer, 0), int(count))
        return cls(parts[0], tuple(sorted(edits.items())))

    def __str__(self) -> str:
        return " ".join([self.hash, *(f"{w}:{n}" for w, n in self.edits)])

    @property
    def counts(self) -> dict[str, int]:
        return dict(self.edits)

    def descends_from(self, other: Version) -> bool:
        """Whether this version was made from ``other`` (or is it)."""
        mine = self.counts
        return all(mine.get(w, 0) >= n for w, n in other.edits)

    def bumped(self, writer: str, text: str) -> Version:
        """The version after ``writer`` changed the text to ``text``."""
        counts = self.counts
        counts[writer] = counts.get(writer, 0) + 1
        return Version(digest(text), tuple(sorted(counts.items())))


def joined(versions: list[Version], text: str) -> Version:
    """A version descending from all of ``versions``, of ``text``."""
    counts: dict[str, int] = {}
    for version in versions:
        for writer, n in version.edits:
            counts[writer] = max(counts.get(writer, 0), n)
    return Version(digest(text), tuple(sorted(counts.items())))


def effective(session: Session, path: str, text: str) -> Version:
    """The version of the field at ``path`` with ``text``, as the file says; a text that
    does not match its version was edited by hand: one edit of a writer named after it."""
    stored = Version.parse((session.versions or {}).get(path, "")) or Version(digest(text))
    if stored.hash != digest(text):
        return stored.bumped(f"hand-{digest(text)}", text)
    return stored


# -- identity ------------------------------------------------------------------------------


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
    return f"{kind[0]}{time.time_ns() // 1_000_000:011x}{secrets.token_hex(2)}"


def uid_order(uid: str) -> tuple:
    """Sort key of uids: records from before uids (in their old order), then by time."""
    if "-" in uid:
        return (0, [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", uid)])
    return (1, [uid])


def record_uid(kind: str, index: int, record) -> str:
    """A record's identity across copies."""
    return record.uid or legacy_uid(kind, index, record)


def ensure_uids(session: Session, *, fresh: bool) -> None:
    """Give every record a uid: made from its place (``fresh=False``: a session as read,
    the same in every copy) or random (``fresh=True``: records made since)."""
    for kind in _KINDS:
        for index, record in enumerate(getattr(session, kind)):
            if not record.uid:
                record.uid = new_uid(kind) if fresh else legacy_uid(kind, index, record)


def records(session: Session, kind: str) -> Iterator[tuple[str, object]]:
    """(uid, record) of one kind, in order."""
    for index, record in enumerate(getattr(session, kind)):
        yield record_uid(kind, index, record), record


def fields(session: Session) -> dict[str, str]:
    """Every field the facilitator types, by path, with its text."""
    out: dict[str, str] = {}
    info = session.session
    for name in ("title", "facilitator", "location"):
        out[f"session/{name}"] = getattr(info, name)
    for key, text in session.notes.items():
        out[f"notes/{key}"] = text
    for key, text in session.layer_notes.items():
        out[f"layer_notes/{key}"] = text
    for uid, table in records(session, "tables"):
        for name in ("name", "participants", "pattern", "layer"):
            out[f"tables/{uid}/{name}"] = getattr(table, name)
        for qid, text in table.answers.items():
            out[f"tables/{uid}/answers/{qid}"] = text
    for uid, pattern in records(session, "patterns"):
        out[f"patterns/{uid}/title"] = pattern.title
        out[f"patterns/{uid}/steps"] = "\n".join(pattern.steps)
    for uid, principle in records(session, "principles"):
        out[f"principles/{uid}/text"] = principle.text
    for uid, step in records(session, "first_steps"):
        for name in ("text", "owner", "table"):
            out[f"first_steps/{uid}/{name}"] = getattr(step, name)
    return out


# -- stamping ------------------------------------------------------------------------------


@dataclass
class Baseline:
    """What the fields held at the last stamp (or when the session was opened)."""

    hashes: dict[str, str] = field(default_factory=dict)
    uids: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, session: Session) -> Baseline:
        """The session as it is now: its records given uids (from their place)."""
        ensure_uids(session, fresh=False)
        return cls(
            {path: digest(text) for path, text in fields(session).items()},
            {f"{kind}/{uid}" for kind in _KINDS for uid, _ in records(session, kind)},
        )


def writer_label() -> str:
    """How this laptop is named beside its versions."""
    try:
        host = socket.gethostname()
    except OSError:
        host = ""
    return host or os.environ.get("USER", "") or "laptop"


def stamp(session: Session, baseline: Baseline, writer: str = WRITER) -> None:
    """Count this writer's edits since ``baseline`` into the session's versions, remember
    removed records, and drop conflicts the facilitator has resolved by editing."""
    ensure_uids(session, fresh=True)
    versions = dict(session.versions or {})
    now = fields(session)
    stamped = False
    changed: set[str] = set()
    for path, text in now.items():
        h = digest(text)
        if baseline.hashes.get(path) == h:
            continue
        before = Version.parse(versions.get(path, "")) or Version(h)
        versions[path] = str(before.bumped(writer, text))
        changed.add(path)
        stamped = True
    uids = {f"{kind}/{uid}" for kind in _KINDS for uid, _ in records(session, kind)}
    gone = baseline.uids - uids
    for path in baseline.hashes.keys() - now.keys():
        # A note emptied (its key goes): an edit to "", or a merge would bring it back.
        if not any(path.startswith(key + "/") for key in gone):
            before = Version.parse(versions.get(path, "")) or Version(baseline.hashes[path])
            versions[path] = str(before.bumped(writer, ""))
            stamped = True
    back = (uids - baseline.uids) & set(session.removed or {})
    if back:  # removed and put back (ctrl+z, the trash): no longer removed
        for key in back:
            # Put back after it was removed: its texts are newer than the removal, so a
            # merge with a copy that still has it removed keeps it.
            tomb = Version.parse(session.removed[key])
            if tomb is None:
                continue
            for path, text in now.items():
                if path.startswith(key + "/"):
                    mine = Version.parse(versions.get(path, "")) or Version(digest(text))
                    versions[path] = str(joined([tomb, mine], text).bumped(writer, text))
        session.removed = {k: v for k, v in session.removed.items() if k not in back} or None
        stamped = True
    if gone:
        removed = dict(session.removed or {})
        for key in gone:
            removed[key] = str(joined(
                [v for p, s in versions.items() if p.startswith(key + "/")
                 if (v := Version.parse(s)) is not None], "",
            ).bumped(writer, ""))
        session.removed = removed
        stamped = True
    if session.conflicts:
        # Resolved: a text once its marked first line is gone, a choice once it is made
        # again (changed); a field whose record is gone has nothing left to resolve.
        from patroon_tui.core.merge import CONFLICT_MARK, is_choice

        left = {path: vs for path, vs in session.conflicts.items()
                if path in now and (path not in changed if is_choice(path)
                                    else CONFLICT_MARK in now[path])}
        session.conflicts = left or None
    if stamped:
        session.versions = versions
        labels = dict(session.writers or {})
        labels.setdefault(writer, writer_label())
        session.writers = labels
    baseline.hashes = {path: digest(text) for path, text in now.items()}
    baseline.uids = uids
