"""The look back as the room sees it: each first step and principle with its status."""

from __future__ import annotations

from patroon_tui.core.model.follow_up import STATUS_LABELS
from patroon_tui.core.model.session import Session

__all__ = ["looked_back"]


def looked_back(session: Session, *, notes: bool) -> tuple[tuple[str, str], ...]:
    """(label, text) per first step and principle carried from the earlier session (one
    agreed today has no ``history``): the record's text as the label, then who and the
    status; with ``notes``, what was said of it too (f10)."""
    items: list[tuple[str, str]] = []
    for step in session.first_steps:
        if step.text.strip() and step.history:
            about = [f"door {step.owner}"] if step.owner.strip() else []
            about.append(STATUS_LABELS.get(step.status or "", "nog geen stand"))
            items.append((step.text, _with_note(" · ".join(about), step.review, notes)))
    for principle in session.principles:
        if principle.text.strip() and principle.history:
            status = STATUS_LABELS.get(principle.status or "", "nog geen stand")
            items.append((principle.text, _with_note(status, principle.review, notes)))
    return tuple(items)


def _with_note(text: str, note: str | None, notes: bool) -> str:
    return f"{text}\n{note}" if notes and note and note.strip() else text
