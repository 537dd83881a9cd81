"""Rules about what the session records, shared by the recording screens and tested alone.

Table names and the question asked before removing one, the next free table name, the id
of a table's own pattern, the tables per layer of the triangle and the first steps the
tables suggest. No screen is needed to decide any of these.
"""

from __future__ import annotations

from patroon_tui.core.session import Session, Table

#: The question whose answers are the first-step suggestions (a contract id).
FIRST_STEP_QUESTION = "eerste-stap"


def table_name(table: Table) -> str:
    """The table's name as shown; a table whose name was cleared still needs a label."""
    return table.name if table.name.strip() else f"({table.id})"


def answered(table: Table) -> int:
    """How many answers hold any text."""
    return sum(1 for text in table.answers.values() if text.strip())


def removal_question(table: Table) -> str:
    """The question asked before a table is removed, naming what is lost."""
    count = answered(table)
    if count == 0:
        lost = "Er zijn nog geen antwoorden."
    elif count == 1:
        lost = "1 antwoord gaat verloren."
    else:
        lost = f"{count} antwoorden gaan verloren."
    return f"{table_name(table)} verwijderen? {lost}"


def next_table_name(session: Session) -> str:
    """``Tafel n`` with the lowest ``n`` no table is called yet."""
    names = {t.name.strip() for t in session.tables}
    n = 1
    while f"Tafel {n}" in names:
        n += 1
    return f"Tafel {n}"


def own_pattern_id(session: Session, table: Table) -> str:
    """The id under which ``table``'s own pattern is edited: the one it has chosen, if that
    is an own pattern, else ``eigen-<table id>`` (with ``-2``, ``-3`` … while taken)."""
    used = {p.id for p in session.patterns}
    if table.pattern in used:
        return table.pattern
    base = f"eigen-{table.id}"
    pattern_id, n = base, 2
    while pattern_id in used:
        pattern_id, n = f"{base}-{n}", n + 1
    return pattern_id


def tables_on_layer(session: Session, layer_id: str) -> list[str]:
    """The names (or ids, when unnamed) of the tables that placed their pattern on a layer."""
    return [t.name.strip() or t.id for t in session.tables if t.layer == layer_id]


def count_label(count: int) -> str:
    """``1 tafel`` / ``3 tafels``."""
    return f"{count} tafel" if count == 1 else f"{count} tafels"


def first_step_suggestions(session: Session) -> list[tuple[str, str]]:
    """(table id, answer) for each table that answered the first-step question."""
    return [
        (table.id, table.answers[FIRST_STEP_QUESTION])
        for table in session.tables
        if table.answers.get(FIRST_STEP_QUESTION, "").strip()
    ]
