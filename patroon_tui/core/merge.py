"""Merging copies of one session recorded on several laptops into one, losing nothing.

Each field is merged by its versions (``core/versions.py``): of all the versions the
copies hold (a field in conflict holds several), those made from another are dropped;
one left, or several with the same text, is the result; several texts left are a
*conflict*. A conflicting text field holds every text, each under a line naming the
laptop, and is listed in ``[conflicts]`` until the facilitator edits it; a conflicting
choice (a table's pattern or layer, a first step's table, an own pattern's steps) keeps
the choice of the latest edit and is listed too. Records are matched by uid; one removed
on a copy stays removed unless another copy changed it since. Two tables with the same
name (two laptops that each added "Tafel 2") are both kept, the later one renamed.

The result depends only on the set of copies: merging is commutative, associative and
idempotent, so merging again with a copy already in changes nothing. Why a merge of
versions and not a CRDT library: docs/merging.md.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import cast

from patroon_tui.core.session import (
    LAYERS,
    ConflictVersion,
    FirstStep,
    LayerChoice,
    OwnPattern,
    Principle,
    Session,
    Table,
)
from patroon_tui.core.trash import merged_trash
from patroon_tui.core.uids import KINDS as _KINDS
from patroon_tui.core.uids import merged_id, records, uid_order, unique_uids
from patroon_tui.core.versions import (
    CONFLICT_MARK,
    Version,
    digest,
    effective,
    fields,
    is_choice,
    joined,
    known,
    multi_line,
)
from patroon_tui.core.versions import origin as as_it_came

__all__ = ["MergeError", "conflict_text", "identity", "merge_files", "merge_sessions"]


class MergeError(Exception):
    """Copies that cannot be merged; ``str(exc)`` is a Dutch sentence."""


def _label(session_writers: dict[str, str], version: Version) -> str:
    writers = [w for w, _ in version.edits if not w.startswith("o-")]  # o-: as it came
    hand = [w for w in writers if w.startswith("hand-")]
    if hand:
        return "met de hand bewerkt"
    if not writers:
        return "zonder versie: het origineel of met de hand"
    # The laptop's name, and the writer: two copies on one laptop are told apart too.
    names = sorted(f"{session_writers[w]} {w}" if w in session_writers else w for w in writers)
    return ", ".join(names) or "het origineel"


def conflict_text(session: Session, versions: list[ConflictVersion], path: str = "") -> str:
    """The text a conflicting field holds: every version with the laptop it came from; in
    a text area each under a line of its own, in a one-line field on the one line."""
    writers = session.writers or {}
    labelled = []
    for number, item in enumerate(versions, 1):
        version = known(item.version, digest(item.text), check=False)
        labelled.append((f"versie {number} ({_label(writers, version)})", item.text))
    head = f"⚠ {len(versions)} {CONFLICT_MARK}"
    if not multi_line(path):
        return " ".join([head, *(f"[{label}] {text}" for label, text in labelled)])
    parts = [head]
    for label, text in labelled:
        parts += [f"── {label} ──", text]
    return "\n".join(parts)


def _candidates(session: Session, path: str, text: str) -> list[tuple[str, Version]]:
    listed = (session.conflicts or {}).get(path)
    if listed and (text == conflict_text(session, listed, path) or is_choice(path)):
        # A conflict's versions keep their digests: a choice's text is an id, renamed by
        # a merge where two records had one.
        found = [(c.text, known(c.version, digest(c.text), check=False)) for c in listed]
        if is_choice(path):
            mine = effective(session, path, text)
            # As the merge left it (its version made from theirs): the conflict stands.
            if mine.edits != joined([v for _, v in found], text).edits:
                found.append((text, mine))
        return found
    return [(text, effective(session, path, text))]


def _latest(found: list[tuple[str, Version]]) -> tuple[str, Version]:
    return max(found, key=lambda c: (sum(n for _, n in c[1].edits), str(c[1])))


def _merge_field(found: list[tuple[str, Version]]):
    """(text, version, conflict versions or None) of one field."""
    unique = {str(v): (t, v) for t, v in found}
    items = list(unique.values())
    top = [(t, v) for t, v in items
           if not any(o is not v and o.descends_from(v) and not v.descends_from(o)
                      for _, o in items)]
    # Versions that came to the same text agree: one version of it, made from them all
    # (so merging in steps or at once gives the same).
    by_text: dict[str, list[Version]] = {}
    for t, v in top:
        by_text.setdefault(t, []).append(v)
    top = [(t, joined(vs, t)) for t, vs in by_text.items()]
    if len(top) == 1:
        text, version = top[0]
        return text, version, None
    top.sort(key=lambda c: (sum(n for _, n in c[1].edits), str(c[1])))
    return None, None, [ConflictVersion(text=t, version=str(v)) for t, v in top]


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
    from patroon_tui.core.session_toml import dumps_session

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

    # References between records by id become references by uid, per copy.
    texts: dict[str, list[tuple[str, Version]]] = {}
    for copy in copies:
        table_uid = {t.id: uid for uid, t in records(copy, "tables")}
        own_uid = {p.id: uid for uid, p in records(copy, "patterns")}
        copy_fields = fields(copy)
        for path in (copy.versions or {}).keys() - copy_fields.keys():
            # Emptied here (a note whose key went): "" with its version, if its record is.
            head, _, rest = path.partition("/")
            if head in _KINDS and not any(u == rest.split("/")[0] for u, _ in records(copy, head)):
                continue
            copy_fields[path] = ""
        for path, text in copy_fields.items():
            for text_, version in _candidates(copy, path, text):
                if path.startswith("first_steps/") and path.endswith("/table"):
                    text_ = f"@{table_uid[text_]}" if text_ in table_uid else text_
                elif path.startswith("tables/") and path.endswith("/pattern"):
                    text_ = f"@{own_uid[text_]}" if text_ in own_uid else text_
                texts.setdefault(path, []).append((text_, version))

    removed: dict[str, Version] = {}
    for copy in copies:
        for key, text in (copy.removed or {}).items():
            tomb = Version.parse(text)
            if tomb is not None:
                removed[key] = joined([removed[key], tomb], "") if key in removed else tomb

    merged: dict[str, str] = {}
    versions: dict[str, str] = {}
    conflicts: dict[str, list[ConflictVersion]] = {}
    for path in sorted(texts):
        tomb = removed.get("/".join(path.split("/")[:2]))
        if tomb is not None:
            # A record kept by an edit elsewhere: the texts its removal was made after are
            # no longer candidates, as in a merge of the copies that removed it first.
            newer = [(t, v) for t, v in texts[path] if not tomb.descends_from(v)]
            texts[path] = newer or texts[path]
        text, merged_version, conflict = _merge_field(texts[path])
        if conflict is not None:
            found = [(c.text, _written(c.version)) for c in conflict]
            # A choice keeps the latest edit's; a text holds every version, marked.
            text = _latest(found)[0] if is_choice(path) else conflict_text(result, conflict, path)
            merged_version = joined([v for _, v in found], text)
            conflicts[path] = conflict
        assert text is not None and merged_version is not None
        merged[path] = text
        versions[path] = str(merged_version)

    def alive(kind: str, uid: str) -> bool:
        tomb = removed.get(f"{kind}/{uid}")
        if tomb is None:
            return True
        prefix = f"{kind}/{uid}/"
        return any(not tomb.descends_from(v) for path, found in texts.items()
                   if path.startswith(prefix) for _, v in found)

    present: dict[str, list[str]] = {}
    for kind in _KINDS:
        uids = {uid for copy in copies for uid, _ in records(copy, kind)}
        present[kind] = sorted((u for u in uids if alive(kind, u)), key=uid_order)

    def value(path: str, default: str = "") -> str:
        return merged.get(path, default)

    # A choice naming no record of its copy (a removed table) is kept as it is, and no
    # merged record takes that id: else it would name one in one grouping and not another.
    loose: dict[str, set[str]] = {"first_steps": set(), "tables": set()}
    for kind, uid, name in ((k, u, f) for k, f in (("first_steps", "table"), ("tables", "pattern"))
                            for u in present[k]):
        path = f"{kind}/{uid}/{name}"
        loose[kind] |= {t for t in [value(path), *(c.text for c in conflicts.get(path, []))]
                        if not t.startswith("@")}

    # Own patterns first: tables refer to them.
    patterns: list[OwnPattern] = []
    own_ids: dict[str, str] = {}
    for uid in present["patterns"]:
        own = next(p for c in copies for u, p in records(c, "patterns") if u == uid)
        # Every row, empty ones too: a draft in the editor keeps them (core/pattern_draft.py).
        steps = value(f"patterns/{uid}/steps").split("\n")
        pattern_id = merged_id(copies, "patterns", uid, {p.id for p in patterns} | loose["tables"])
        own_ids[uid] = pattern_id
        patterns.append(OwnPattern(
            **(own.model_extra or {}), id=pattern_id, uid=uid,
            title=value(f"patterns/{uid}/title"),
            steps=steps if len(steps) >= 2 else list(own.steps),
        ))
    tables: list[Table] = []
    table_ids: dict[str, str] = {}
    for uid in present["tables"]:
        source = next(t for c in copies for u, t in records(c, "tables") if u == uid)
        table_id = merged_id(copies, "tables", uid, {t.id for t in tables} | loose["first_steps"])
        table_ids[uid] = table_id
        name = value(f"tables/{uid}/name", source.name)
        names = {t.name for t in tables}
        if name in names:  # two laptops each added "Tafel 2": both kept, this one renamed
            # After its uid, not a count: the same name whatever the copies are merged with.
            name = f"{name} ({uid[-4:]})"
            versions[f"tables/{uid}/name"] = str(
                _written(versions[f"tables/{uid}/name"]).bumped("samenvoegen", name))
        pattern = value(f"tables/{uid}/pattern")
        if pattern.startswith("@"):
            # A choice of a record no longer there keeps its uid (said at opening, as a
            # table's unknown pattern): the same in whichever grouping it went.
            pattern = own_ids.get(pattern[1:], pattern)
        prefix = f"tables/{uid}/answers/"
        answers = {path.removeprefix(prefix): text for path, text in merged.items()
                   if path.startswith(prefix)}
        layer = value(f"tables/{uid}/layer")
        tables.append(Table(
            **(source.model_extra or {}), id=table_id, uid=uid, name=name,
            participants=value(f"tables/{uid}/participants"),
            pattern=pattern, layer=cast(LayerChoice, layer if layer in LAYERS else ""),
            answers=answers,
        ))
    principles = [Principle(**_extra(copies, "principles", uid), uid=uid,
                            text=value(f"principles/{uid}/text"))
                  for uid in present["principles"]]
    steps_ = []
    for uid in present["first_steps"]:
        table = value(f"first_steps/{uid}/table")
        if table.startswith("@"):
            table = table_ids.get(table[1:], table)
        steps_.append(FirstStep(**_extra(copies, "first_steps", uid), uid=uid,
                                text=value(f"first_steps/{uid}/text"),
                                owner=value(f"first_steps/{uid}/owner"), table=table))
    result.tables, result.patterns = tables, patterns
    result.principles, result.first_steps = principles, steps_
    result.notes = {p.split("/", 1)[1]: t for p, t in merged.items()
                    if p.startswith("notes/") and t}
    result.layer_notes = {p.split("/", 1)[1]: t for p, t in merged.items()
                          if p.startswith("layer_notes/") and t}
    for name in ("title", "facilitator", "location"):
        setattr(result.session, name, value(f"session/{name}", getattr(result.session, name)))
    origin = ids.pop()
    result.session.origin = None if result.session.id == origin else origin
    result.session.created = min(c.session.created for c in copies)
    result.session.updated = max(c.session.updated for c in copies)
    latest_table = {t.id: u for u, t in records(latest, "tables")}.get(latest.progress.table or "")
    result.progress.table = table_ids.get(latest_table or "")
    _merge_progress(result, copies)
    result.removed = {k: str(v) for k, v in sorted(removed.items())} or None
    # A choice between records is named by its id in the merged session.
    by_uid = {**{f"@{u}": i for u, i in table_ids.items()},
              **{f"@{u}": i for u, i in own_ids.items()}}
    for listed in conflicts.values():
        for item in listed:
            item.text = by_uid.get(item.text, item.text)
    result.conflicts = conflicts or None
    # Each version the digest of what is written (a choice's id, a renamed table), or the
    # next merge would take the merged file for one edited by hand.
    written = fields(result)
    for path in versions.keys() & written.keys():
        versions[path] = str(Version(digest(written[path]), _written(versions[path]).edits))
    result.trash = merged_trash(copies, result, versions)
    # A version the text alone gives (never edited) is left out. Versions of emptied
    # notes stay (or a merge with an older copy would bring the text back); those of
    # records no longer there go.
    alive_uids = {f"{kind}/{u}" for kind in _KINDS for u, _ in records(result, kind)}
    kept = {k: v for k, v in versions.items()
            if (k.partition("/")[0] not in _KINDS or "/".join(k.split("/")[:2]) in alive_uids)
            and (p := Version.parse(v)) is not None and p.edits and p != as_it_came(p.hash)}
    result.versions = dict(sorted(kept.items())) or None
    return result


def _written(text: str) -> Version:
    """A version this merge wrote (always one :meth:`Version.parse` reads)."""
    version = Version.parse(text)
    assert version is not None, text
    return version


def _extra(copies: Sequence[Session], kind: str, uid: str) -> dict:
    """The keys this program does not know of a record, as its first copy holds them."""
    record = next(r for c in copies for u, r in records(c, kind) if u == uid)
    return dict(record.model_extra or {})


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


def merge_files(store, paths: Sequence[Path], target: Path | None = None) -> tuple[Path, Session]:
    """Merge the session files at ``paths`` into a new file: ``target``, or a new session
    ``<id>-samen`` in ``store``'s folder. Never writes over a copy nor any existing file,
    and never through a symlink: a name taken by anything, a link to nowhere too, is
    refused (``target``) or passed over for the next (``<id>-samen-2``).

    Raises :class:`MergeError` (copies of different sessions, a target that exists or
    cannot be a session's name) and ``StoreError`` (a file that cannot be read or saved),
    each a Dutch sentence naming the file.
    """
    from patroon_tui.core.files import real_path
    from patroon_tui.core.session import ID_RE

    copies = [store.load(path) for path in paths]
    try:
        merged = merge_sessions(copies)
    except MergeError as exc:
        named = ", ".join(f"{Path(p).name} ({identity(c)})"
                          for p, c in zip(paths, copies, strict=True))
        raise MergeError(f"{exc} Gegeven: {named}.") from None
    origin_id = identity(merged)
    if target is not None:
        target = Path(target)
        if os.path.lexists(target) and real_path(target) in {real_path(Path(p)) for p in paths}:
            raise MergeError(f"{target} is een van de kopieën; samenvoegen overschrijft "
                             "nooit een kopie. Kies een nieuwe naam.")
        if target.suffix != ".toml" or not ID_RE.match(target.stem):
            raise MergeError(f"{target.name} kan geen sessiebestand heten: gebruik kleine "
                             "letters, cijfers en streepjes, en eindig op .toml.")
        names = iter([target])
    else:
        names = (store.path_for(f"{origin_id}-samen" + (f"-{n}" if n > 1 else ""))
                 for n in itertools.count(1))
    for name in names:
        merged.session.id = name.stem
        merged.session.origin = None if name.stem == origin_id else origin_id
        try:
            # A new file only, made beside the name and linked to it: what is at the name
            # (a file, a link to anywhere) stays as it is.
            return store.save(merged, name, new=True), merged
        except FileExistsError:
            if target is not None:
                link = " (een symbolische koppeling)" if name.is_symlink() else ""
                raise MergeError(f"{target} bestaat al{link}; samenvoegen schrijft alleen "
                                 "een nieuw bestand. Kies een nieuwe naam.") from None
    raise AssertionError("unreachable")
