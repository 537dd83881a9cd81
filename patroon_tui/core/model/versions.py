"""Versions of what was typed, so copies of one session recorded on several laptops can be
merged without losing anything (``core/merge/``; docs/merging.md).

Every text the facilitator types is a *field* with a path (``tables/<uid>/answers/<qid>``,
``notes/<screen>``, …). Its *version* says how it came to be: a digest of the text and,
per *writer* (one run of the app on one laptop), how many times that writer changed it.
One version *descends from* another when it counts at least as many edits of every
writer: it was made from it. Two versions neither of which descends from the other were
made apart: a conflict.

The app stamps versions when it saves (:func:`stamp`): a field whose text changed since
the last save gets one more edit of this writer. A text the app never saved has no
version: it counts as made once by a writer named after its digest (:func:`origin`), so
an edit made from it descends from it and a different text beside it is a conflict. A
file edited in a text editor has texts whose digest does not match their version, or a
version the app cannot have written: :func:`known` counts that as an edit of its own
(named after the digest), so a hand edit merges as any other edit and never loses to one.

Records are matched by ``uid`` (``core/model/uids.py``, whose names are also found here).
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import socket
from dataclasses import dataclass, field
from typing import Any

from patroon_tui.core.model.session import Session
from patroon_tui.core.model.uids import (
    KINDS as _KINDS,
    ensure_uids,
    legacy_uid,
    new_uid,
    record_uid,
    records,
    uid_order,
)

__all__ = [
    "CONFLICT_MARK",
    "WRITER",
    "Baseline",
    "Version",
    "digest",
    "effective",
    "ensure_uids",
    "fields",
    "is_choice",
    "joined",
    "known",
    "legacy_uid",
    "multi_line",
    "new_uid",
    "record_fields",
    "record_uid",
    "records",
    "stamp",
    "uid_order",
]

WRITER = secrets.token_hex(3)
"""This run of the program: a new writer every time the app starts."""
# A version as the app writes it: the digest, then one or more writer:count pairs. Anything
# else (a superscript digit, a count of 5,000 digits, a stray space) was typed by hand.
_VERSION = re.compile(r"([0-9a-f]{8})((?: [A-Za-z0-9_.-]{1,64}:[0-9]{1,18})+)", re.ASCII)
_MAX_VERSION = 1 << 16
_MAX_COUNT = 10**18 - 1


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
        """``"3fa9c2d1 a1b2c3:2 d4e5f6:1"`` (ASCII digits, at most 18 a count); ``None``
        for anything else."""
        text = str(text)
        match = _VERSION.fullmatch(text) if len(text) <= _MAX_VERSION else None
        if match is None:
            return None
        edits: dict[str, int] = {}
        for part in match[2].split():
            writer, _, count = part.rpartition(":")
            edits[writer] = max(edits.get(writer, 0), int(count))
        return cls(match[1], tuple(sorted(edits.items())))

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
        return self.bumped_to(writer, digest(text))

    def bumped_to(self, writer: str, hash_: str) -> Version:
        """The version after ``writer`` changed the text to one with digest ``hash_``."""
        counts = self.counts
        # Within what a version may hold (18 digits): a count this high is typed, not made.
        counts[writer] = min(counts.get(writer, 0) + 1, _MAX_COUNT)
        return Version(hash_, tuple(sorted(counts.items())))


def origin(hash_: str) -> Version:
    """The version of a text the app never saved: made once, by a writer named after it.
    Two such texts differ as two edits made apart (a conflict); an edit made from it
    descends from it."""
    return Version(hash_, ((f"o-{hash_}", 1),))


def known(stored: str | None, hash_: str, *, check: bool = True) -> Version:
    """The version the file gives a text with digest ``hash_``: ``stored`` (its string in
    ``[versions]``, ``None`` when there is none) as far as it can be trusted.

    No version, or one the app cannot have written (empty, a digest alone, a negative or
    superscript count, …: edited by hand, its history unknown): the text as it came (:func:`origin`),
    a conflict beside any other text but one made from it. A digest that is not the
    text's (``check``): edited by hand after the app saved it, one edit more."""
    version = None if stored is None else Version.parse(stored)
    if version is None:
        return origin(hash_)
    if check and version.hash != hash_:
        return version.bumped_to(f"hand-{hash_}", hash_)
    return version


def joined(versions: list[Version], text: str) -> Version:
    """A version descending from all of ``versions``, of ``text``."""
    counts: dict[str, int] = {}
    for version in versions:
        for writer, n in version.edits:
            counts[writer] = max(counts.get(writer, 0), n)
    return Version(digest(text), tuple(sorted(counts.items())))


def effective(session: Session, path: str, text: str) -> Version:
    """The version of the field at ``path`` with ``text``, as the file says (:func:`known`)."""
    return known((session.versions or {}).get(path), digest(text))


def is_choice(path: str) -> bool:
    """Whether the field at ``path`` holds a choice (an id, the steps of an own pattern),
    which a conflict cannot hold two of, not a typed text."""
    return (path.endswith(("/pattern", "/layer", "/steps", "/breaks_after", "/status"))
            or (path.startswith("first_steps/") and path.endswith("/table")))


def multi_line(path: str) -> bool:
    """Whether the field at ``path`` is a text area (answers, notes), not a one-line field."""
    return ("/answers/" in path or path.endswith("/review")
            or path.startswith(("notes/", "layer_notes/")))


#: In the first line of a conflicting text (``core/merge/``): it is resolved once this
#: is no longer there.
CONFLICT_MARK = "versies; kies of combineer, en haal deze regels weg."


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
    for kind in _KINDS:
        for uid, record in records(session, kind):
            out.update(record_fields(kind, uid, record))
    return out


def record_fields(kind: str, uid: str, record: Any) -> dict[str, str]:
    """The fields of one record of the list ``kind`` with ``uid``, by path, with their text."""
    out: dict[str, str] = {}
    if kind == "tables":
        for name in ("name", "participants", "pattern", "layer"):
            out[f"tables/{uid}/{name}"] = getattr(record, name)
        for qid, text in record.answers.items():
            out[f"tables/{uid}/answers/{qid}"] = text
    elif kind == "patterns":
        out[f"patterns/{uid}/title"] = record.title
        out[f"patterns/{uid}/steps"] = "\n".join(record.steps)
    elif kind == "principles":
        out[f"principles/{uid}/text"] = record.text
    elif kind == "first_steps":
        for name in ("text", "owner", "table"):
            out[f"first_steps/{uid}/{name}"] = getattr(record, name)
        # Its tie to a loop (added keys): a field only once set, so a session without
        # ties gets no versions for them and is written as before.
        for name in ("pattern", "breaks_after", "layer"):
            if getattr(record, name) is not None:
                out[f"first_steps/{uid}/{name}"] = str(getattr(record, name))
    if kind in ("principles", "first_steps"):
        # A follow-up's look back (added keys): there only once set, as a note is, so a
        # session without them counts and writes no versions for them.
        for name in ("status", "review"):
            if getattr(record, name, None):
                out[f"{kind}/{uid}/{name}"] = getattr(record, name)
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


def _before(stored: str | None, hash_: str | None) -> Version:
    """A field's version at the last save (``hash_``: its digest then; ``None``: there
    was no such field, as in a record made since)."""
    if hash_ is None:
        return known(stored, digest("")) if stored is not None else Version(digest(""))
    return known(stored, hash_)


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
        before = _before(versions.get(path), baseline.hashes.get(path))
        versions[path] = str(before.bumped(writer, text))
        changed.add(path)
        stamped = True
    uids = {f"{kind}/{uid}" for kind in _KINDS for uid, _ in records(session, kind)}
    gone = baseline.uids - uids
    for path in baseline.hashes.keys() - now.keys():
        # A note emptied (its key goes): an edit to "", or a merge would bring it back.
        if not any(path.startswith(key + "/") for key in gone):
            before = known(versions.get(path), baseline.hashes[path])
            versions[path] = str(before.bumped(writer, ""))
            stamped = True
    removed_before = session.removed or {}
    back = (uids - baseline.uids) & set(removed_before)
    if back:  # removed and put back (ctrl+z, the trash): no longer removed
        for key in back:
            # Put back after it was removed: its texts are newer than the removal, so a
            # merge with a copy that still has it removed keeps it.
            tomb = Version.parse(removed_before[key])
            if tomb is None:
                continue
            for path, text in now.items():
                if path.startswith(key + "/"):
                    mine = known(versions.get(path), digest(text))
                    versions[path] = str(joined([tomb, mine], text).bumped(writer, text))
        session.removed = {k: v for k, v in removed_before.items() if k not in back} or None
        stamped = True
    if gone:
        removed = dict(session.removed or {})
        for key in gone:
            # Made from every field as it was: texts without a version too, or a merge
            # would take a copy where they are unchanged for an edit, and bring it back.
            paths = {p for p in [*versions, *baseline.hashes] if p.startswith(key + "/")}
            removed[key] = str(joined(
                [_before(versions.get(p), baseline.hashes.get(p)) for p in sorted(paths)], "",
            ).bumped(writer, ""))
        session.removed = removed
        stamped = True
    if session.conflicts:
        # Resolved: a text once its marked first line is gone, a choice once it is made
        # again (changed); a field whose record is gone has nothing left to resolve.
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
