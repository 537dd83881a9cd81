"""A merged session from copies of one session: what :func:`merge_sessions` returns.

The fields merged by their versions (``fields.py``), the records kept and built from them
(``records.py``), the session's own fields, progress (the copy saved last, the time per
screen the most any copy counted), removals, conflicts, trash and versions.
"""

from __future__ import annotations

from collections.abc import Sequence

from patroon_tui.core.merge.fields import MergedFields, candidates, merge_fields, tombs, written
from patroon_tui.core.merge.records import MergedRecords, merged_records, present
from patroon_tui.core.model.session import Session
from patroon_tui.core.model.trash import merged_trash
from patroon_tui.core.model.uids import KINDS, records, unique_uids
from patroon_tui.core.model.versions import Version, digest, fields, origin as as_it_came

__all__ = ["MergeError", "identity", "merge_sessions"]


class MergeError(Exception):
    """Copies that cannot be merged; ``str(exc)`` is a Dutch sentence."""


def identity(session: Session) -> str:
    """Which session a file is a copy of: its origin, or else its own id."""
    return session.session.origin or session.session.id


def merge_sessions(copies: Sequence[Session]) -> Session:
    """One session holding everything of ``copies`` (copies of one session)."""
    if not copies:
        raise MergeError("Er is niets om samen te voegen.")
    ids = {identity(c) for c in copies}
    if len(ids) > 1:
        raise MergeError(
            "Dit zijn kopieën van verschillende sessies ("
            + ", ".join(sorted(ids)) + "); alleen kopieën van één sessie gaan samen."
        )
    from patroon_tui.core.sessionfile.session_toml import dumps_session

    # In an order of their own (their text), so whichever order they are given in, the
    # same copy gives a record its id and the keys this program does not know.
    texts_of = sorted(((dumps_session(c), c.model_copy(deep=True)) for c in copies),
                      key=lambda pair: pair[0])
    copies = [c for _, c in texts_of]
    for copy in copies:  # a uid taken twice, or with a "/": renamed, as opening does
        unique_uids(copy)
    # The copy whose progress and settings are kept: the one saved last (ties: content).
    latest = max(texts_of, key=lambda pair: (pair[1].session.updated, pair[0]))[1]
    result = latest.model_copy(deep=True)
    writers: dict[str, str] = {}
    for copy in copies:
        writers.update(copy.writers or {})
    result.writers = dict(sorted(writers.items())) or None

    found, removed = candidates(copies), tombs(copies)
    merged = merge_fields(found, removed, result)
    built = merged_records(copies, present(copies, found, removed), merged)
    _put_together(result, copies, latest, merged, built, removed)
    result.session.origin = None if result.session.id == (origin := ids.pop()) else origin
    _finish_versions(result, copies, merged)
    return result


def _put_together(result: Session, copies: Sequence[Session], latest: Session,
                  merged: MergedFields, built: MergedRecords, removed: dict[str, Version]) -> None:
    result.tables, result.patterns = built.tables, built.patterns
    result.principles, result.first_steps = built.principles, built.first_steps
    result.notes = {p.split("/", 1)[1]: t for p, t in merged.texts.items()
                    if p.startswith("notes/") and t}
    result.layer_notes = {p.split("/", 1)[1]: t for p, t in merged.texts.items()
                          if p.startswith("layer_notes/") and t}
    for name in ("title", "facilitator", "location"):
        setattr(result.session, name, merged.value(f"session/{name}",
                                                   getattr(result.session, name)))
    result.session.created = min(c.session.created for c in copies)
    result.session.updated = max(c.session.updated for c in copies)
    latest_table = {t.id: u for u, t in records(latest, "tables")}.get(latest.progress.table or "")
    result.progress.table = built.table_ids.get(latest_table or "")
    _merge_progress(result, copies)
    result.removed = {k: str(v) for k, v in sorted(removed.items())} or None
    # A choice between records is named by its id in the merged session.
    by_uid = {**{f"@{u}": i for u, i in built.table_ids.items()},
              **{f"@{u}": i for u, i in built.own_ids.items()}}
    for listed in merged.conflicts.values():
        for item in listed:
            item.text = by_uid.get(item.text, item.text)
    result.conflicts = merged.conflicts or None


def _finish_versions(result: Session, copies: Sequence[Session], merged: MergedFields) -> None:
    versions = merged.versions
    # Each version the digest of what is written (a choice's id, a renamed table), or the
    # next merge would take the merged file for one edited by hand.
    written_now = fields(result)
    for path in versions.keys() & written_now.keys():
        versions[path] = str(Version(digest(written_now[path]), written(versions[path]).edits))
    result.trash = merged_trash(copies, result, versions)
    # A version the text alone gives (never edited) is left out. Versions of emptied
    # notes stay (or a merge with an older copy would bring the text back); those of
    # records no longer there go.
    alive_uids = {f"{kind}/{u}" for kind in KINDS for u, _ in records(result, kind)}
    kept = {k: v for k, v in versions.items()
            if (k.partition("/")[0] not in KINDS or "/".join(k.split("/")[:2]) in alive_uids)
            and (p := Version.parse(v)) is not None and p.edits and p != as_it_came(p.hash)}
    result.versions = dict(sorted(kept.items())) or None


def _merge_progress(result: Session, copies: Sequence[Session]) -> None:
    progress = result.progress
    seconds: dict[str, int] = {}
    for copy in copies:
        for screen, n in (copy.progress.seconds or {}).items():
            seconds[screen] = max(seconds.get(screen, 0), n)
    progress.seconds = dict(sorted(seconds.items())) or None
    visited = sorted({s for c in copies for s in (c.progress.visited or [])})
    progress.visited = visited or None
    starts = [c.progress.started for c in copies if c.progress.started is not None]
    progress.started = min(starts) if starts else None
    actives = [c.progress.last_active for c in copies if c.progress.last_active is not None]
    progress.last_active = max(actives) if actives else None
