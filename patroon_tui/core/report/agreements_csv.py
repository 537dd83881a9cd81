"""The agreements as a spreadsheet (.csv): :func:`render_csv`.

One row per first step (its text, owner, the table it came from and the pattern that table
recognised) and per leading principle, with a first column saying which of the two it is:
the action lists facilitators keep in Excel or a shared sheet. Written for a Dutch Excel,
which is what opens it when double-clicked: fields split by a semicolon (the comma is the
decimal sign there), UTF-8 with a byte order mark (else Excel reads it as Windows-1252 and
"ë" becomes "Ã«"), lines ending in CR LF, every field quoted where it needs to be by the
standard ``csv`` module.

A cell that starts with ``=``, ``+``, ``-``, ``@`` or a tab or carriage return is a formula
to a spreadsheet, which may run it: such a text gets an apostrophe before it (the usual
defence, which spreadsheets show as text), so a typed "=HYPERLINK(…)" stays words.
"""

from __future__ import annotations

import csv
import io

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.recording import pattern_steps, table_name
from patroon_tui.core.model.session import Session

__all__ = ["HEADER", "render_csv"]

HEADER = ("soort", "nummer", "tekst", "eigenaar", "tafel", "patroon")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def render_csv(session: Session, deck: Deck) -> bytes:
    """The first steps and principles of ``session`` as the bytes of a .csv file."""
    tables = {t.id: t for t in session.tables}
    rows: list[tuple[str, ...]] = [HEADER]
    for n, step in enumerate(session.first_steps, start=1):
        table = tables.get(step.table)
        name = table_name(table) if table else step.table
        pattern = ""
        if table and table.pattern:
            found = pattern_steps(deck, session, table.pattern)
            pattern = found[0] if found else table.pattern
        rows.append(("eerste stap", str(n), step.text, step.owner, name, pattern))
    for n, principle in enumerate(session.principles, start=1):
        rows.append(("principe", str(n), principle.text, "", "", ""))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows(tuple(_cell(text) for text in row) for row in rows)
    return out.getvalue().encode("utf-8-sig")
