"""A network's patterns over time (``patroon patronen``): :func:`network_patterns`, and the
list as Markdown (:func:`render_markdown`) or for a spreadsheet (:func:`render_csv`).

Every pattern recognised in the sessions of a folder, each once: a deck pattern by its id,
an own pattern by its identity across sessions (``core.model.network.own_key``: the same
app-made uid, else its session's own), and a pattern id a table holds that neither the deck
nor its session knows, by that id. For each: how many tables chose it in how many sessions,
the first and the last day it was seen (chosen, made or named by a first step), and the
first steps tied to it — a step whose ``pattern`` names it, or else whose table chose it.
A table or first step found in several files with one app-made uid (copies of a session,
a follow-up's carried steps), or carried along a follow-up chain from an old file, counts
once, where it was first seen. A deck pattern no table
chose and no step names is not listed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.network import first_held, own_key, shared_uid
from patroon_tui.core.model.session import FirstStep, Session
from patroon_tui.core.report.agreements_csv import spreadsheet_cell
from patroon_tui.core.report.document import dutch_date

__all__ = ["CSV_HEADER", "NetworkPattern", "TiedStep", "network_patterns", "render_csv",
           "render_markdown"]

Kind = Literal["programma", "eigen", "onbekend"]

CSV_HEADER = ("patroon", "soort", "variant van", "tafels", "sessies", "eerste keer",
              "laatste keer", "eerste stappen")


@dataclass(frozen=True)
class TiedStep:
    """A first step tied to a pattern, where it was agreed."""

    text: str
    owner: str
    session: str
    """The title of the session it was agreed in."""
    date: dt.date


@dataclass
class NetworkPattern:
    """One pattern across the folder's sessions."""

    title: str
    kind: Kind
    variant_of: str = ""
    """The title of the deck pattern an own pattern is a version of."""
    tables: int = 0
    sessions: set[str] = field(default_factory=set)
    """The ids of the sessions in which a table chose it."""
    first: dt.date | None = None
    last: dt.date | None = None
    steps: list[TiedStep] = field(default_factory=list)

    def seen(self, day: dt.date) -> None:
        self.first = day if self.first is None else min(self.first, day)
        self.last = day if self.last is None else max(self.last, day)


class _Collector:
    """Goes through the sessions, oldest first, and counts into one row per pattern."""

    def __init__(self, deck: Deck, folder: Mapping[str, Session]) -> None:
        self.deck = deck
        self.folder = folder
        self.rows: dict[str, NetworkPattern] = {}
        self.counted: set[str] = set()  # tables and steps seen already

    def once(self, session: Session, kind: str, uid: str | None) -> bool:
        """Whether a record is met for the first time (always, without an app-made uid,
        unless a follow-up carried it)."""
        if not uid:
            return True
        if shared_uid(uid):
            key = f"{kind}/{uid}"
        else:
            held = first_held(session, kind, uid, self.folder)
            key = f"{kind}/{held.session.id}/{uid}"
            if held is session:  # its own, and what its follow-ups carry is not
                self.counted.add(key)
                return True
        if key in self.counted:
            return False
        self.counted.add(key)
        return True

    def row(self, session: Session, pattern_id: str) -> NetworkPattern:
        """The row of a pattern id as ``session`` means it (the deck's first, as the app)."""
        try:
            found = self.deck.pattern(pattern_id)
        except KeyError:
            pass
        else:
            return self._row(f"programma:{pattern_id}", found.title, "programma")
        try:
            own = session.own_pattern(pattern_id)
        except KeyError:
            return self._row(f"onbekend:{pattern_id}", pattern_id, "onbekend")
        row = self._row(own_key(session, own, self.folder), own.title, "eigen")
        # Oldest first: the title and variant of the latest session that holds it win.
        row.title = own.title.strip() or row.title
        if own.variant_of:
            row.variant_of = self._deck_title(own.variant_of)
        return row

    def _row(self, key: str, title: str, kind: Kind) -> NetworkPattern:
        if key not in self.rows:
            self.rows[key] = NetworkPattern(title=title.strip() or "(zonder titel)", kind=kind)
        return self.rows[key]

    def _deck_title(self, pattern_id: str) -> str:
        try:
            return self.deck.pattern(pattern_id).title
        except KeyError:
            return pattern_id

    def add(self, session: Session) -> None:
        day = session.session.date
        for pattern in session.patterns:
            self.row(session, pattern.id).seen(day)
        chosen: dict[str, str] = {}
        for table in session.tables:
            chosen[table.id] = table.pattern
            if table.pattern and self.once(session, "tables", table.uid):
                row = self.row(session, table.pattern)
                row.tables += 1
                row.sessions.add(session.session.id)
                row.seen(day)
        for index, step in enumerate(session.first_steps):
            self._step(session, step, chosen.get(step.table, ""), f"f-{index + 1}")

    def _step(self, session: Session, step: FirstStep, table_pattern: str,
              place_uid: str) -> None:
        # Where a step was first agreed decides what it is tied to (a follow-up carries it
        # with a table id of the earlier session, which may name another table there).
        if not self.once(session, "first_steps", step.uid or place_uid):
            return
        pattern_id = step.pattern or table_pattern
        if not pattern_id or not (step.text.strip() or step.owner.strip()):
            return
        row = self.row(session, pattern_id)
        row.seen(session.session.date)
        row.steps.append(TiedStep(step.text, step.owner, session.session.title,
                                  session.session.date))


def network_patterns(sessions: Iterable[Session], deck: Deck) -> list[NetworkPattern]:
    """Every pattern of ``sessions``: the ones chosen in the most sessions, then by the most
    tables, first, then alphabetically."""
    ordered = sorted(sessions, key=lambda s: (s.session.date, s.session.id))
    collector = _Collector(deck, {s.session.id: s for s in ordered})
    for session in ordered:
        collector.add(session)
    rows = list(collector.rows.values())
    return sorted(rows, key=lambda r: (-len(r.sessions), -r.tables, r.title.casefold()))


def _counted(count: int, one: str, more: str) -> str:
    return f"{count} {one if count == 1 else more}"


def _kind_words(row: NetworkPattern) -> str:
    if row.kind == "programma":
        return "uit het programma"
    if row.kind == "onbekend":
        return "onbekend patroon"
    return f"eigen patroon, variant van {row.variant_of}" if row.variant_of else "eigen patroon"


def _when(row: NetworkPattern) -> str:
    if row.first is None or row.last is None:
        return ""
    if row.first == row.last:
        return f"op {dutch_date(row.first)}"
    return f"van {dutch_date(row.first)} tot {dutch_date(row.last)}"


def _md(text: str) -> str:
    """Typed text on one Markdown line, its markup characters shown as they are."""
    flat = " ".join(text.split())
    return "".join(f"\\{c}" if c in "\\`*_[]<>#|~" else c for c in flat)


def render_markdown(rows: list[NetworkPattern], sessions: int) -> str:
    """The list as Markdown: a heading per pattern, its counts, its first steps."""
    out = ["# Patronen in het netwerk", "",
           f"{_counted(sessions, 'sessie', 'sessies')} gelezen, "
           f"{_counted(len(rows), 'patroon', 'patronen')} gevonden.", ""]
    for row in rows:
        out += [f"## {_md(row.title)} ({_kind_words(row)})", ""]
        chosen = (f"Gekozen door {_counted(row.tables, 'tafel', 'tafels')} in "
                  f"{_counted(len(row.sessions), 'sessie', 'sessies')}"
                  if row.tables else "Door geen tafel gekozen")
        out += [f"{chosen}, {_when(row)}.", ""]
        if row.steps:
            out += ["Eerste stappen:", ""]
            for step in row.steps:
                owner = _md(step.owner) if step.owner.strip() else "nog niemand"
                out.append(f"- {_md(step.text)} — {owner} ({_md(step.session)}, "
                           f"{dutch_date(step.date)})")
            out.append("")
    return "\n".join(out)


def render_csv(rows: list[NetworkPattern]) -> bytes:
    """The list for a spreadsheet, one row per pattern, as ``patroon export``'s .csv is
    written (semicolons, UTF-8 with a byte order mark, CR LF); the first steps in one cell,
    one a line."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        steps = "\n".join(f"{step.text} ({step.owner or 'nog niemand'}, {step.date.isoformat()})"
                          for step in row.steps)
        writer.writerow(spreadsheet_cell(text) for text in (
            row.title, row.kind, row.variant_of, str(row.tables), str(len(row.sessions)),
            row.first.isoformat() if row.first else "", row.last.isoformat() if row.last else "",
            steps))
    return out.getvalue().encode("utf-8-sig")
