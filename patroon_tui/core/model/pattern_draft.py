"""``PatternDraft``: a table's own pattern while it is being written, kept in the session.

The own-pattern editor (``dialogs.own_pattern``) hands every change of its fields to a
draft; the draft writes the pattern into ``session.patterns`` (every row, empty ones too)
and makes it the table's pattern, so the session holds each key as soon as the editor
does. ``discard`` puts the session back as it was when the editor opened (a new pattern
leaves it again: into the trash, when it holds any word). ``adopt`` makes it a deck pattern's
variant or an earlier session's pattern (its uid). No screen is involved: the editor says
when to post ``SessionChanged``.
"""

from __future__ import annotations

from pydantic import ValidationError

from patroon_tui.core.model.deck import MAX_STEPS, MIN_STEPS
from patroon_tui.core.model.session import OwnPattern, Session
from patroon_tui.core.model.trash import throw_away

Texts = tuple[str, list[str]]
"""A pattern as the editor's fields hold it: (title, steps)."""


def without_empty_tail(steps: list[str]) -> list[str]:
    """``steps`` without the empty rows at the end, down to the model's minimum (enter after
    the last step makes one; empty rows between steps stay)."""
    kept = list(steps)
    while len(kept) > MIN_STEPS and not kept[-1].strip():
        kept.pop()
    return kept


def unfinished_note(title: str, steps: list[str]) -> str | None:
    """The note for a pattern kept while it still lacks a title or filled-in steps."""
    missing = []
    if not title.strip():
        missing.append("een titel")
    if sum(1 for step in steps if step.strip()) < MIN_STEPS:
        missing.append(f"minstens {MIN_STEPS} ingevulde stappen")
    if not missing:
        return None
    return f"Bewaard, maar nog niet af: het patroon mist {' en '.join(missing)}."


class PatternDraft:
    """The pattern ``pattern_id`` of table ``table_id``, written into ``session`` as typed."""

    def __init__(
        self, session: Session, table_id: str, pattern_id: str, existing: OwnPattern | None,
    ) -> None:
        self.session = session
        self.table_id = table_id
        self.pattern_id = pattern_id
        self.existing = existing
        """The pattern as it was when the editor opened (``None``: a new one)."""
        self.initial: Texts = (
            (existing.title, list(existing.steps)) if existing else ("", ["", "", ""])
        )
        """The texts the editor starts with."""
        self._last: Texts | None = self.initial  # what the session holds (or would hold)
        self.identity: dict[str, str | None] = {}
        """Keys set by :meth:`adopt` (``uid``, ``variant_of``), written with the texts."""
        self.written = False
        """Whether this draft wrote the pattern into the session."""
        try:
            self._table_pattern_before: str | None = session.table(table_id).pattern
        except KeyError:
            self._table_pattern_before = None

    def write(self, title: str, steps: list[str]) -> bool:
        """Put the pattern as the fields hold it into the session; ``True`` if that changed
        the session."""
        state = (title, list(steps))
        if state == self._last:
            return False
        if not MIN_STEPS <= len(steps) <= MAX_STEPS:
            return False  # never: the editor keeps 2-12 rows
        try:
            if self.existing is not None:
                # model_copy keeps keys this program does not know (a newer tool, a hand edit).
                pattern = self.existing.model_copy(
                    update={**self.identity, "title": title, "steps": list(steps)}
                )
            else:
                pattern = OwnPattern(id=self.pattern_id, title=title, steps=list(steps),
                                     **self.identity)
        except ValidationError:
            return False  # an id the model refuses; the words stay in the fields
        self._last = state
        self._put(pattern)
        try:
            self.session.table(self.table_id).pattern = self.pattern_id
        except KeyError:
            pass
        self.written = True
        return True

    def adopt(self, *, uid: str | None = None, variant_of: str | None = None) -> None:
        """Write the pattern from now on as the one with ``uid`` (taken over from an earlier
        session; ``None``: keep its own) and as a variant of ``variant_of`` (``None``: of
        none); the next :meth:`write` writes it, even with the same texts."""
        if uid is not None:
            self.identity["uid"] = uid
        self.identity["variant_of"] = variant_of
        self._last = None

    def _put(self, pattern: OwnPattern) -> None:
        patterns = self.session.patterns
        for index, old in enumerate(patterns):
            if old.id == pattern.id:
                patterns[index] = pattern
                return
        patterns.append(pattern)

    def in_session(self) -> OwnPattern | None:
        """The pattern as the session holds it now (``None``: not there)."""
        return next((p for p in self.session.patterns if p.id == self.pattern_id), None)

    def has_changes(self, current: Texts) -> bool:
        """Whether there is anything to throw away, the fields holding ``current``."""
        if not self.written:
            return False
        if self.existing is None:
            return self.in_session() is not None
        return current != self.initial or any(
            getattr(self.existing, key) != value for key, value in self.identity.items())

    def is_empty_new(self, title: str, steps: list[str]) -> bool:
        """A new pattern written and emptied again: it holds no word."""
        return (
            self.existing is None
            and self.written
            and not title.strip()
            and not any(step.strip() for step in steps)
        )

    def discard(self) -> None:
        """The session as it was when the editor opened (a new pattern leaves it)."""
        if self.existing is None:
            patterns = self.session.patterns
            at = next((i for i, p in enumerate(patterns) if p.id == self.pattern_id), None)
            if at is not None:
                pattern = patterns[at]
                if pattern.title.strip() or any(step.strip() for step in pattern.steps):
                    # Thrown away with words in it: kept in the trash, to put back later.
                    throw_away(self.session, "patterns", at)
                else:
                    del patterns[at]
        else:
            self._put(self.existing)
        if self._table_pattern_before is not None:
            try:
                self.session.table(self.table_id).pattern = self._table_pattern_before
            except KeyError:
                pass
        self._last = self.initial
        self.identity = {}
        self.written = False
