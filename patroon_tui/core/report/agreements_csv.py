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
from patroon_tui.core.model.follow_up import STATUS_LABELS
from patroon_tui.core.model.recording import pattern_steps, table_name
from patroon_tui.core.model.session import Session

__all__ = ["HEADER", "render_csv", "spreadsheet_cell"]

HEADER = ("soort", "nummer", "tekst", "eigenaar", "tafel", "patroon")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    """``text`` as a cell a spreadsheet shows and never runs."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def render_csv(session: Session, deck: Deck) -> bytes:
    """The first steps and principles of ``session`` as the bytes of a .csv file."""
    tables = {t.id: t for t in session.tables}
    # A follow-up's sheet says what became of each: its status and the note (two columns more).
    looked_back = session.session.previous is not None
    rows: list[tuple[str, ...]] = [HEADER + (("stand", "terugblik") if looked_back else ())]
    for n, step in enumerate(session.first_steps, start=1):
        table = tables.get(step.table)
        name = table_name(table) if table else (step.table or step.table_name or "")
        pattern_id = table.pattern if table and table.pattern else (step.pattern or "")
        pattern = ""
        if pattern_id:
            found = pattern_steps(deck, session, pattern_id)
            pattern = found[0] if found else pattern_id
        row = ("eerste stap", str(n), step.text, step.owner, name, pattern)
        rows.append(row + ((STATUS_LABELS.get(step.status or "", ""), step.review or "")
                           if looked_back else ()))
    for n, principle in enumerate(session.principles, start=1):
        row = ("principe", str(n), principle.text, "", "", "")
        rows.append(row + ((STATUS_LABELS.get(principle.status or "", ""), principle.review or "")
                           if looked_back else ()))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows(tuple(spreadsheet_cell(text) for text in row) for row in rows)
    return out.getvalue().encode("utf-8-sig")
