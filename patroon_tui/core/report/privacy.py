"""The privacy check before a report leaves the laptop: personal data typed as the room talked.

:func:`find_personal_data` looks through every typed field of a session for BSN-like numbers
(nine digits passing the 11-proef), Dutch phone numbers, e-mail addresses (also spelled out:
"jan [at] gemeente [dot] nl") and IBANs (their ISO 7064 check digits right, any case), and
says where each is (:class:`Finding`). Numbers are found as people type them: grouped by
spaces, dots, hyphens, slashes or brackets, with the no-break spaces and hyphens a word
processor puts in. :func:`redacted` gives a copy of the session with each finding replaced
by a marker, and nothing else changed: every report format is built from that copy, so none
can leak what another hides.

Hand-written, because no kept library checks Dutch formats offline: the patterns are small
and each candidate is confirmed by its checksum or its digit count, and by its neighbours,
so that a date, an amount (€ 123.456.782) or a case number (zaaknummer Z/26/123456782) is
not reported. ``tests/core/privacy_corpus.py`` holds the texts it is measured on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.session import Session

__all__ = [
    "KINDS", "Finding", "find_in_text", "find_personal_data", "redact_text", "redacted",
]

#: What each kind of finding is called in the report's marker and in the list shown.
KINDS = {
    "bsn": "BSN",
    "telefoon": "telefoonnummer",
    "e-mail": "e-mailadres",
    "iban": "IBAN",
}

# What people put between the digits of a number (1234.56.782, 06-12345678, 06/12345678,
# 010 - 123 45 67) and what a word processor puts there instead: no-break and thin spaces,
# hyphens and dashes of every kind.
_SPACES = "\u00a0\u2007\u2009\u202f"
_DASHES = "\u2010\u2011\u2012\u2013\u2212"
_SEPARATORS = f" {_SPACES}.\\-{_DASHES}/()"
# A run of digits joined by up to three separators; where a number starts and ends inside
# it is decided by ``_numbers_in``.
_DIGIT_RUN = re.compile(rf"(?:\+|\()?\d(?:[{_SEPARATORS}]{{0,3}}\d)*")
# Where one number may end and another begin: a space among the separators.
_SPLIT = re.compile(rf"[{_SEPARATORS}]*[\s{_SPACES}][{_SEPARATORS}]*")
# Every kind but an e-mail address holds at least nine digits, with at most a few other
# characters between them: text without such a stretch holds none.
_NINE_DIGITS = re.compile(r"\d(?:[^\d\n]{0,4}\d){8}")

# A date inside a run ("06 2026-12-07") makes it no number of a person's.
_DATE = re.compile(r"(?:19|20)\d\d([-/.])[01]\d\1[0-3]\d|[0-3]\d([-/.])[01]\d\2(?:19|20)\d\d")

_AT = r"(?:@| @ |\s?[\[({]\s?(?:at|apenstaartje)\s?[\])}]\s?)"
_DOT = r"(?:\.|\s?[\[({]\s?(?:dot|punt)\s?[\])}]\s?)"
# An address as typed, also spelled out against harvesting ("jan [at] gemeente [dot] nl").
_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[A-Za-z]{{2,}}(?![\w-])",
    re.IGNORECASE,
)
# Two letters, two check digits, then letters and digits, upper or lower case, in groups
# split by a space (of any kind) or a hyphen; how many belong to it is decided by its length.
_IBAN = re.compile(
    rf"(?<![A-Za-z0-9])[A-Za-z]{{2}}\d{{2}}(?:[ {_SPACES}\-{_DASHES}]?[A-Za-z0-9]){{11,30}}"
)
# ISO 13616's lengths of the countries whose accounts a Dutch room names; another
# country's IBAN is taken at the longest length whose check digits hold.
_IBAN_LENGTHS = {
    "NL": 18, "BE": 16, "DE": 22, "FR": 27, "LU": 20, "GB": 22, "IE": 22, "ES": 24,
    "IT": 27, "PT": 25, "AT": 20, "CH": 21, "DK": 18, "SE": 24, "NO": 15, "FI": 18, "PL": 28,
}
# A number right after these words is a case, file or invoice number, not a person's.
_NOT_PERSONAL = re.compile(
    r"(?:dossier|zaak)(?:-?(?:nummer|nr))?|(?:factuur|order|klant|polis|project|registratie|"
    r"referentie|volg|artikel|relatie|kvk|btw|huis)-?(?:nummer|nr)|kenmerk|ref|referentie|"
    r"versie|artikel|kvk|btw|postcode|factuur",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([\w.-]+)[\s:#.]{0,3}$")
_CURRENCY_BEFORE = re.compile(r"(?:€|eur|euro)\s?$", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"^(?:\s?(?:€|eur\b|euro)|,-|,\d)", re.IGNORECASE)


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
    compact = "".join(ch for ch in text if ch.isalnum()).upper()
    if not 15 <= len(compact) <= 34 or not compact.isascii():
        return False
    moved = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in moved)
    return int(number) % 97 == 1


def _iban_in(candidate: str) -> int:
    """How many characters of ``candidate`` (a match of ``_IBAN``) are a whole IBAN whose
    check digits hold, or 0. It ends where a group ends: "NL91ABNA0417164300 ING" is the
    account and the bank's name."""
    ends = [i + 1 for i, ch in enumerate(candidate) if ch.isalnum()]
    known = _IBAN_LENGTHS.get(candidate[:2].upper())
    lengths = [known] if known else range(min(len(ends), 34), 14, -1)
    for length in lengths:
        if length > len(ends):
            continue
        end = ends[length - 1]
        if (end == len(candidate) or not candidate[end].isalnum()) and is_iban(candidate[:end]):
            return end
    return 0


def _groups(number: str) -> list[str]:
    return re.findall(r"\d+", number)


def _kind_of(number: str) -> str | None:
    """"telefoon" or "bsn" if ``number`` (digits and separators) is one, else None."""
    groups = _groups(number)
    if not groups or _DATE.search(number):
        return None
    international = number.lstrip("(").startswith(("+31", "0031"))
    if (international or min(map(len, groups)) > 1) and is_phone(number):
        return "telefoon"
    if min(map(len, groups)) > 1 and is_bsn(number):
        return "bsn"
    return None


def _not_personal(text: str, start: int, end: int) -> bool:
    """A number that its neighbours say is an amount or a case number (€ 123.456.782,
    123 456 782 euro, dossiernummer 0123456789, Z/26/123456782)."""
    before, after = text[max(0, start - 30):start], text[end:end + 8]
    if before[-1:].isalnum() or before[-1:] in ("/", "\\", "_", "@") or (
        before[-1:] in "-." and before[-2:-1].isalpha()
    ):
        return True
    if _CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.match(after) or after[:1].isalnum():
        return True
    word = _WORD_BEFORE.search(before)
    return bool(word and _NOT_PERSONAL.fullmatch(word.group(1).rstrip(".-")))


def _numbers_in(run: str) -> Iterator[tuple[str, int, int]]:
    """The phone numbers and BSNs in a run of digits: each starts and ends where a space
    splits the run ("BSN 123456782 06 12345678" holds two), the longest first."""
    splits = list(_SPLIT.finditer(run))
    # An opening bracket belongs to the number only if it closes inside it: "(030) 234 56 78".
    first = 1 if run.startswith("(") and ")" not in run else 0
    cuts = [first] + [m.end() for m in splits]
    stops = [m.start() for m in splits] + [len(run)]
    i = 0
    while i < len(cuts):
        for stop in reversed([s for s in stops if s > cuts[i]]):
            kind = _kind_of(run[cuts[i]:stop])
            if kind:
                yield kind, cuts[i], stop
                i = next((n for n, c in enumerate(cuts) if c > stop), len(cuts))
                break
        else:
            i += 1


def find_in_text(text: str, where: str = "") -> list[Finding]:
    """The findings in one text, in order, never overlapping (the first kind found wins)."""
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        found.append(Finding(kind, text[start:end], where, start, end))

    # Most texts hold no "@" (or bracket, for a spelled-out one) and few digits: the
    # patterns run only where they can match (a megabyte of notes is then checked in
    # milliseconds).
    if "@" in text or "[" in text or "(" in text:
        for match in _EMAIL.finditer(text):
            add("e-mail", *match.span())
    if _NINE_DIGITS.search(text) is None:
        return sorted(found, key=lambda f: f.start)
    # Searched on from where an IBAN ends, not where its pattern did: the pattern may have
    # taken the start of the next one ("NL91ABNA0417164300 NL02SNSB…").
    pos = 0
    while account := _IBAN.search(text, pos):
        length = _iban_in(account.group())
        if length:
            add("iban", account.start(), account.start() + length)
        pos = account.start() + (length or 1)
    for run in _DIGIT_RUN.finditer(text):
        for kind, start, end in _numbers_in(run.group()):
            span = (run.start() + start, run.start() + end)
            if not _not_personal(text, *span):
                add(kind, *span)
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
        yield from _looked_back(f"principe {n}", principle)
    for n, step in enumerate(session.first_steps, start=1):
        yield f"eerste stap {n}", step.text, step, "text"
        yield f"eerste stap {n}, eigenaar", step.owner, step, "owner"
        yield f"eerste stap {n}, tafel", step.table_name or "", step, "table_name"
        yield from _looked_back(f"eerste stap {n}", step)
    titles = {s.id: s.title for s in deck.screens} if deck else {}
    for screen_id, note in session.notes.items():
        yield f"de notitie bij ‘{titles.get(screen_id, screen_id)}’", note, session.notes, screen_id
    layers: dict[str, str] = {layer.id: layer.title for layer in deck.layers} if deck else {}
    for layer_id, note in session.layer_notes.items():
        where = f"de notitie bij laag ‘{layers.get(layer_id, layer_id)}’"
        yield where, note, session.layer_notes, layer_id


def _looked_back(where: str, record: Any) -> Iterator[tuple[str, str, Any, Any]]:
    """A carried record's notes from the look back (follow-up sessions): now and earlier."""
    yield f"{where}, terugblik", record.review or "", record, "review"
    for entry in record.history or []:
        yield f"{where}, terugblik {entry.session}", entry.review or "", entry, "review"


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


def redact_text(text: str) -> str:
    """``text`` with each finding replaced by its marker."""
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
            holder[key] = redact_text(text)
        else:
            setattr(holder, key, redact_text(text))
    return copy
