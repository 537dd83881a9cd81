"""The privacy check before a report leaves the laptop: personal data typed as the room talked.

:func:`find_personal_data` looks through every typed field of a session for BSN-like numbers
(nine digits passing the 11-proef), Dutch phone numbers, e-mail addresses and IBANs (their
ISO 7064 check digits right), and says where each is (:class:`Finding`). :func:`redacted`
gives a copy of the session with each finding replaced by a marker, and nothing else
changed: every report format is built from that copy, so none can leak what another hides.

Hand-written, because no kept library checks Dutch formats offline: the patterns are small
and each candidate is confirmed by its checksum or its digit count, so that a date, an amount
or a table number is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.session import Session

__all__ = ["KINDS", "Finding", "find_in_text", "find_personal_data", "redacted"]

#: What each kind of finding is called in the report's marker and in the list shown.
KINDS = {
    "bsn": "BSN",
    "telefoon": "telefoonnummer",
    "e-mail": "e-mailadres",
    "iban": "IBAN",
}

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# Nine digits, whole or grouped as people write them (123456782, 1234.56.782, 123 456 782).
_BSN = re.compile(r"(?<![\d.,-])(?:\d{9}|\d{4}[. ]\d{2}[. ]\d{3}|\d{3}[. -]\d{3}[. -]\d{3})(?![\d,]|\.\d)")
# A Dutch number: 0 or +31 / 0031 and nine more digits, with spaces, dashes, dots or the
# area code in brackets between them.
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ .-]?(?:\(0\)[ .-]?)?|\(0|0)[1-9](?:[ .)-]{0,2}\d){8}(?!\d)"
)
# Every kind but an e-mail address holds at least nine digits, in groups of at least two
# (an area code "(020)", a BSN's "1234.56.782"): text without such a stretch holds none.
_NINE_DIGITS = re.compile(r"\d(?:[^\d\n]{0,3}\d){8}")
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])")


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind (a key of :data:`KINDS`), the text as typed,
    where it was typed (in Dutch, e.g. "Tafel 2, vraag ‘Wat herken je?’") and its span."""

    kind: str
    text: str
    where: str
    start: int
    end: int

    def describe(self) -> str:
        """One line for the facilitator: what was found, and where."""
        return f"{KINDS[self.kind]} ‘{self.text}’ in {self.where}"


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def is_bsn(number: str) -> bool:
    """The 11-proef: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not all zeros)."""
    digits = _digits(number)
    if len(digits) != 9 or digits == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def is_phone(number: str) -> bool:
    """Ten digits starting with 0, or 31 and nine digits (+31, 0031), the first not 0."""
    digits = _digits(number)
    if number.lstrip("(").startswith(("+31", "0031")):
        digits = digits[2:] if number.startswith("+") else digits[4:]
        digits = digits.removeprefix("0") if "(0)" in number else digits
        return len(digits) == 9 and digits[0] != "0"
    return len(digits) == 10 and digits[0] == "0" and digits[1] != "0"


def is_iban(text: str) -> bool:
    """ISO 13616: the check digits make the rearranged number ≡ 1 (mod 97)."""
    compact = text.replace(" ", "")
    if not 15 <= len(compact) <= 34:
        return False
    moved = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in moved)
    return int(number) % 97 == 1


def find_in_text(text: str, where: str = "") -> list[Finding]:
    """The findings in one text, in order, never overlapping (the first kind found wins)."""
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, match: re.Match[str]) -> None:
        start, end = match.span()
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        found.append(Finding(kind, match.group(), where, start, end))

    # Most texts hold no "@" and few digits: the patterns run only where they can match
    # (a megabyte of notes is then checked in milliseconds).
    if "@" in text:
        for match in _EMAIL.finditer(text):
            add("e-mail", match)
    if _NINE_DIGITS.search(text) is None:
        return sorted(found, key=lambda f: f.start)
    for match in _IBAN.finditer(text):
        if is_iban(match.group()):
            add("iban", match)
    for match in _PHONE.finditer(text):
        if is_phone(match.group()):
            add("telefoon", match)
    for match in _BSN.finditer(text):
        if is_bsn(match.group()):
            add("bsn", match)
    return sorted(found, key=lambda f: f.start)


def _fields(session: Session, deck: Deck | None) -> Iterator[tuple[str, str, Any, Any]]:
    """Every typed text: (where, text, the record holding it, its attribute or key)."""
    info = session.session
    for attr, label in (("title", "de titel"), ("facilitator", "de facilitator"),
                        ("location", "de locatie")):
        yield f"{label} van de sessie", getattr(info, attr), info, attr
    questions = {q.id: q.text for q in deck.questions} if deck else {}
    for table in session.tables:
        name = table.name or table.id
        yield f"de naam van {name}", table.name, table, "name"
        yield f"{name}, deelnemers", table.participants, table, "participants"
        for qid, answer in table.answers.items():
            yield f"{name}, vraag ‘{questions.get(qid, qid)}’", answer, table.answers, qid
    for pattern in session.patterns:
        yield f"eigen patroon ‘{pattern.title}’, titel", pattern.title, pattern, "title"
        for n, row in enumerate(pattern.steps):
            yield f"eigen patroon ‘{pattern.title}’, stap {n + 1}", row, pattern.steps, n
    for n, principle in enumerate(session.principles, start=1):
        yield f"principe {n}", principle.text, principle, "text"
    for n, step in enumerate(session.first_steps, start=1):
        yield f"eerste stap {n}", step.text, step, "text"
        yield f"eerste stap {n}, eigenaar", step.owner, step, "owner"
    titles = {s.id: s.title for s in deck.screens} if deck else {}
    for screen_id, note in session.notes.items():
        yield f"de notitie bij ‘{titles.get(screen_id, screen_id)}’", note, session.notes, screen_id
    layers: dict[str, str] = {layer.id: layer.title for layer in deck.layers} if deck else {}
    for layer_id, note in session.layer_notes.items():
        where = f"de notitie bij laag ‘{layers.get(layer_id, layer_id)}’"
        yield where, note, session.layer_notes, layer_id


def find_personal_data(session: Session, deck: Deck | None = None) -> list[Finding]:
    """Every finding in every typed field of ``session``, in the order of the report."""
    return [
        finding
        for where, text, _, _ in _fields(session, deck)
        if text
        for finding in find_in_text(text, where)
    ]


def marker(kind: str) -> str:
    """What a finding is replaced with in a redacted report."""
    return f"[{KINDS[kind]} verwijderd]"


def _redact_text(text: str) -> str:
    out, last = [], 0
    for finding in find_in_text(text):
        out += [text[last:finding.start], marker(finding.kind)]
        last = finding.end
    return "".join(out) + text[last:]


def redacted(session: Session, deck: Deck | None = None) -> Session:
    """A copy of ``session`` with every finding replaced by its marker; ``session`` itself
    is not changed (it is what the app goes on saving)."""
    copy = session.model_copy(deep=True)
    for _, text, holder, key in _fields(copy, deck):
        if not text or not find_in_text(text):
            continue
        if isinstance(holder, dict | list):
            holder[key] = _redact_text(text)
        else:
            setattr(holder, key, _redact_text(text))
    return copy
