"""Merging one field of a session's copies by its versions.

Of all the versions the copies hold of a field (a field in conflict holds several), those
made from another are dropped; one left, or several with the same text, is the result;
several texts left are a conflict: a text holds every version, each under a line naming
the laptop, a choice keeps the latest edit's. References between records (a table's own
pattern, a first step's table and pattern) are compared by uid, written ``@uid``, until the merged
records have their ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from patroon_tui.core.model.session import ConflictVersion, Session
from patroon_tui.core.model.uids import KINDS, records
from patroon_tui.core.model.versions import (
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

__all__ = ["Candidates", "MergedFields", "candidates", "conflict_text", "merge_fields",
           "tombs", "written"]

Candidates = dict[str, list[tuple[str, Version]]]
"""Per field path, every (text, version) the copies hold of it."""


@dataclass
class MergedFields:
    """Every field's merged text and version, and the fields left in conflict."""

    texts: dict[str, str] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    conflicts: dict[str, list[ConflictVersion]] = field(default_factory=dict)

    def value(self, path: str, default: str = "") -> str:
        return self.texts.get(path, default)


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


def written(text: str) -> Version:
    """A version this merge wrote (always one :meth:`Version.parse` reads)."""
    version = Version.parse(text)
    assert version is not None, text
    return version


def candidates(copies: Sequence[Session]) -> Candidates:
    """Every field's texts and versions in ``copies``; references between records by uid."""
    found: Candidates = {}
    for copy in copies:
        table_uid = {t.id: uid for uid, t in records(copy, "tables")}
        own_uid = {p.id: uid for uid, p in records(copy, "patterns")}
        copy_fields = fields(copy)
        for path in (copy.versions or {}).keys() - copy_fields.keys():
            # Emptied here (a note whose key went): "" with its version, if its record is.
            head, _, rest = path.partition("/")
            if head in KINDS and not any(u == rest.split("/")[0] for u, _ in records(copy, head)):
                continue
            copy_fields[path] = ""
        for path, text in copy_fields.items():
            for text_, version in _candidates(copy, path, text):
                if path.startswith("first_steps/") and path.endswith("/table"):
                    text_ = f"@{table_uid[text_]}" if text_ in table_uid else text_
                elif path.endswith("/pattern"):  # a table's or a first step's
                    text_ = f"@{own_uid[text_]}" if text_ in own_uid else text_
                found.setdefault(path, []).append((text_, version))
    return found


def tombs(copies: Sequence[Session]) -> dict[str, Version]:
    """Each removed record's removal (``kind/uid``), made from every copy's."""
    removed: dict[str, Version] = {}
    for copy in copies:
        for key, text in (copy.removed or {}).items():
            tomb = Version.parse(text)
            if tomb is not None:
                removed[key] = joined([removed[key], tomb], "") if key in removed else tomb
    return removed


def merge_fields(found: Candidates, removed: dict[str, Version], result: Session) -> MergedFields:
    """Every field merged (``found`` narrowed where a removal was made after a text);
    ``result`` names the laptops in a conflict's text."""
    merged = MergedFields()
    for path in sorted(found):
        tomb = removed.get("/".join(path.split("/")[:2]))
        if tomb is not None:
            # A record kept by an edit elsewhere: the texts its removal was made after are
            # no longer candidates, as in a merge of the copies that removed it first.
            newer = [(t, v) for t, v in found[path] if not tomb.descends_from(v)]
            found[path] = newer or found[path]
        text, version, conflict = _merge_field(found[path])
        if conflict is not None:
            listed = [(c.text, written(c.version)) for c in conflict]
            # A choice keeps the latest edit's; a text holds every version, marked.
            text = _latest(listed)[0] if is_choice(path) else conflict_text(result, conflict, path)
            version = joined([v for _, v in listed], text)
            merged.conflicts[path] = conflict
        assert text is not None and version is not None
        merged.texts[path] = text
        merged.versions[path] = str(version)
    return merged
