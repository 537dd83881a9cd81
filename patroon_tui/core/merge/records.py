"""The merged session's lists — own patterns, tables, principles, first steps — from
the merged fields.

Records are matched by uid. One removed on a copy stays removed unless another copy
changed it since (:func:`present`). Each record gets the id its copies gave it
(``uids.merged_id``); two tables with the same name (two laptops that each added
"Tafel 2") are both kept, the later one renamed after its uid, so the result is the same
in whichever grouping the copies are merged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from patroon_tui.core.merge.fields import Candidates, MergedFields, written
from patroon_tui.core.model.session import (
    FirstStep,
    OwnPattern,
    Principle,
    Session,
    Table,
    as_layer,
)
from patroon_tui.core.model.step_ties import STEP_LAYERS
from patroon_tui.core.model.uids import KINDS, merged_id, records, uid_order
from patroon_tui.core.model.versions import Version

__all__ = ["MergedRecords", "merged_records", "present"]


def present(copies: Sequence[Session], found: Candidates,
            removed: dict[str, Version]) -> dict[str, list[str]]:
    """The uids of each list the merge keeps, in order: every record of every copy but one
    removed and changed nowhere since its removal."""

    def alive(kind: str, uid: str) -> bool:
        tomb = removed.get(f"{kind}/{uid}")
        if tomb is None:
            return True
        prefix = f"{kind}/{uid}/"
        return any(not tomb.descends_from(v) for path, listed in found.items()
                   if path.startswith(prefix) for _, v in listed)

    kept: dict[str, list[str]] = {}
    for kind in KINDS:
        uids = {uid for copy in copies for uid, _ in records(copy, kind)}
        kept[kind] = sorted((u for u in uids if alive(kind, u)), key=uid_order)
    return kept


@dataclass
class MergedRecords:
    """The merged lists, and the id each kept table and own pattern got (by uid)."""

    patterns: list[OwnPattern] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    principles: list[Principle] = field(default_factory=list)
    first_steps: list[FirstStep] = field(default_factory=list)
    own_ids: dict[str, str] = field(default_factory=dict)
    table_ids: dict[str, str] = field(default_factory=dict)


def merged_records(copies: Sequence[Session], kept: dict[str, list[str]],
                   merged: MergedFields) -> MergedRecords:
    """The lists of the merged session (a renamed table's name version bumped in ``merged``)."""
    out = MergedRecords()
    loose = _loose(kept, merged)
    _patterns(out, copies, kept["patterns"], merged, loose["patterns"])  # tables refer to them
    _tables(out, copies, kept["tables"], merged, loose["tables"])
    value = merged.value
    out.principles = [Principle(**_extra(copies, "principles", uid), uid=uid,
                                text=value(f"principles/{uid}/text"),
                                **_looked_back(copies, merged, "principles", uid))
                      for uid in kept["principles"]]
    for uid in kept["first_steps"]:
        table = value(f"first_steps/{uid}/table")
        if table.startswith("@"):
            table = out.table_ids.get(table[1:], table)
        out.first_steps.append(FirstStep(**_extra(copies, "first_steps", uid), uid=uid,
                                         text=value(f"first_steps/{uid}/text"),
                                         owner=value(f"first_steps/{uid}/owner"), table=table,
                                         **_tie(out, merged, uid),
                                         **_looked_back(copies, merged, "first_steps", uid)))
    return out


def _tie(out: MergedRecords, merged: MergedFields, uid: str) -> dict:
    """A first step's tie to a loop (pattern, arrow, layer), the keys it has set."""
    pattern = merged.value(f"first_steps/{uid}/pattern")
    if pattern.startswith("@"):
        pattern = out.own_ids.get(pattern[1:], pattern)
    arrow = merged.value(f"first_steps/{uid}/breaks_after")
    layer = merged.value(f"first_steps/{uid}/layer")
    tie = {"pattern": pattern or None,
           "breaks_after": int(arrow) if arrow.isdigit() and 1 <= int(arrow) <= 12 else None,
           "layer": layer if layer in STEP_LAYERS else None}
    return {key: value for key, value in tie.items() if value is not None}


def _loose(kept: dict[str, list[str]], merged: MergedFields) -> dict[str, set[str]]:
    # A choice naming no record of its copy (a removed table) is kept as it is, and no
    # merged record takes that id: else it would name one in one grouping and not another.
    loose: dict[str, set[str]] = {"tables": set(), "patterns": set()}
    for kind, name, named in (("first_steps", "table", "tables"),
                              ("tables", "pattern", "patterns"),
                              ("first_steps", "pattern", "patterns")):
        for uid in kept[kind]:
            path = f"{kind}/{uid}/{name}"
            chosen = [merged.value(path), *(c.text for c in merged.conflicts.get(path, []))]
            loose[named] |= {t for t in chosen if t and not t.startswith("@")}
    return loose


def _patterns(out: MergedRecords, copies: Sequence[Session], uids: list[str],
              merged: MergedFields, taken: set[str]) -> None:
    for uid in uids:
        own = next(p for c in copies for u, p in records(c, "patterns") if u == uid)
        # Every row, empty ones too: a draft in the editor keeps them (core/model/pattern_draft.py).
        steps = merged.value(f"patterns/{uid}/steps").split("\n")
        pattern_id = merged_id(copies, "patterns", uid, {p.id for p in out.patterns} | taken)
        out.own_ids[uid] = pattern_id
        # What a pattern varies is set once, when it is started from a deck pattern: the
        # first copy that says so.
        variant_of = next((p.variant_of for c in copies for u, p in records(c, "patterns")
                           if u == uid and p.variant_of), None)
        out.patterns.append(OwnPattern(
            **(own.model_extra or {}), id=pattern_id, uid=uid,
            title=merged.value(f"patterns/{uid}/title"),
            steps=steps if len(steps) >= 2 else list(own.steps), variant_of=variant_of,
        ))


def _tables(out: MergedRecords, copies: Sequence[Session], uids: list[str],
            merged: MergedFields, taken: set[str]) -> None:
    value = merged.value
    for uid in uids:
        source = next(t for c in copies for u, t in records(c, "tables") if u == uid)
        table_id = merged_id(copies, "tables", uid, {t.id for t in out.tables} | taken)
        out.table_ids[uid] = table_id
        name = value(f"tables/{uid}/name", source.name)
        if name in {t.name for t in out.tables}:
            # Two laptops each added "Tafel 2": both kept, this one renamed after its uid,
            # not a count: the same name whatever the copies are merged with.
            name = f"{name} ({uid[-4:]})"
            path = f"tables/{uid}/name"
            merged.versions[path] = str(written(merged.versions[path]).bumped("samenvoegen", name))
        pattern = value(f"tables/{uid}/pattern")
        if pattern.startswith("@"):
            # A choice of a record no longer there keeps its uid (said at opening, as a
            # table's unknown pattern): the same in whichever grouping it went.
            pattern = out.own_ids.get(pattern[1:], pattern)
        prefix = f"tables/{uid}/answers/"
        answers = {path.removeprefix(prefix): text for path, text in merged.texts.items()
                   if path.startswith(prefix)}
        layer = value(f"tables/{uid}/layer")
        out.tables.append(Table(
            **(source.model_extra or {}), id=table_id, uid=uid, name=name,
            participants=value(f"tables/{uid}/participants"),
            pattern=pattern, layer=as_layer(layer),
            answers=answers,
        ))


def _looked_back(copies: Sequence[Session], merged: MergedFields, kind: str,
                 uid: str) -> dict:
    """A follow-up's keys of a record: status and note merged as the other fields; the
    history and the table's name as the first copy that has them holds them (written once,
    by ``patroon vervolg``; never typed)."""
    out: dict = {name: merged.value(f"{kind}/{uid}/{name}") or None
                 for name in ("status", "review")}
    for name in ("history", "table_name") if kind == "first_steps" else ("history",):
        out[name] = next((getattr(r, name) for c in copies for u, r in records(c, kind)
                          if u == uid and getattr(r, name) is not None), None)
    return out


def _extra(copies: Sequence[Session], kind: str, uid: str) -> dict:
    """The keys this program does not know of a record, as its first copy holds them."""
    record = next(r for c in copies for u, r in records(c, kind) if u == uid)
    return dict(record.model_extra or {})
