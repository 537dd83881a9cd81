"""Rules about what the session records, shared by the recording screens and tested alone.

Table names and the question asked before removing one, the next free table name, adding,
removing, putting back and moving a table, the patterns a table can choose and the id of its
own pattern, the layers and timer minutes of the tables form, the tables per layer of the
triangle and the first steps the tables suggest. No screen is needed to decide any of these.
"""

from __future__ import annotations

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.session import OwnPattern, Session, Table

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


# -- the tables form ------------------------------------------------------------------


def layer_ids(deck: Deck) -> list[str]:
    """The layer choices of a table: none (``""``) first, then the deck's layers."""
    return ["", *(layer.id for layer in deck.layers)]


def timer_minutes(session: Session, deck: Deck) -> int:
    """How long the tables talk, in whole minutes (at least one)."""
    total = session.progress.timer_seconds_total or deck.timer_minutes * 60
    return max(1, round(total / 60))


def is_own_pattern(session: Session, pattern_id: str) -> bool:
    """Whether ``pattern_id`` is one of the session's own patterns."""
    return any(p.id == pattern_id for p in session.patterns)


def pattern_options(deck: Deck, session: Session) -> list[tuple[str, str]]:
    """(label, id) of every pattern a table can choose: the deck's, the session's own, and
    any id a table holds that neither knows (a hand-edited file), so loading the table never
    drops it."""
    options = [(p.title, p.id) for p in deck.patterns]
    options += [(f"{p.title} (eigen patroon)", p.id) for p in session.patterns]
    known = {value for _, value in options}
    for table in session.tables:
        if table.pattern and table.pattern not in known:
            options.append((f"Onbekend patroon ({table.pattern})", table.pattern))
            known.add(table.pattern)
    return options


def pattern_steps(deck: Deck, session: Session, pattern_id: str) -> tuple[str, list[str]] | None:
    """Title and steps of a deck pattern or an own pattern; ``None`` for an unknown id."""
    try:
        pattern = deck.pattern(pattern_id)
        return pattern.title, list(pattern.steps)
    except KeyError:
        pass
    try:
        own = session.own_pattern(pattern_id)
        return own.title, list(own.steps)
    except KeyError:
        return None


def following(choices: list[str], current: str) -> str:
    """The choice after ``current`` (after the last, the first; unknown counts as the first)."""
    at = choices.index(current) if current in choices else 0
    return choices[(at + 1) % len(choices)]


def add_table(session: Session, question_ids: list[str], reserved: list[str]) -> Table:
    """Append a new table with the next free name and empty answers; ``reserved`` ids (a
    table that may still be put back) are not given out."""
    table = Table(
        id=session.new_table_id(reserved=reserved),
        name=next_table_name(session),
        answers={question_id: "" for question_id in question_ids},
    )
    session.tables.append(table)
    return table


def plenary_record(session: Session) -> Table | None:
    """A plenary session without its record gets one (the record added, else ``None``): the
    plenary screen has nowhere else to put what is typed, and no key to add a record."""
    if session.session.werkvorm != "plenair" or session.tables:
        return None
    # A record in the trash keeps its id for when it comes back.
    taken = {e.table.id for e in session.trash or [] if e.table is not None}
    record_id = next(i for i in ("plenair", *(f"plenair-{n}" for n in range(2, 10**6)))
                     if i not in taken)
    session.tables.append(Table(id=record_id, name="Plenair"))
    return session.tables[-1]


def remove_table(session: Session, table_id: str) -> tuple[int, Table] | None:
    """Take a table out; its place and the table itself, to put it back with
    ``restore_table``. ``None`` when no table has this id."""
    for index, table in enumerate(session.tables):
        if table.id == table_id:
            return index, session.tables.pop(index)
    return None


def restore_table(session: Session, index: int, table: Table) -> Table:
    """Put a removed table back at its place, with a new id if its own was given out since."""
    if any(t.id == table.id for t in session.tables):
        table = table.model_copy(update={"id": session.new_table_id()})
    session.tables.insert(min(index, len(session.tables)), table)
    return table


def move_table(session: Session, table_id: str, delta: int) -> bool:
    """Move a table ``delta`` places up or down the list; ``False`` when it cannot move."""
    ids = [t.id for t in session.tables]
    if table_id not in ids:
        return False
    index = ids.index(table_id)
    target = index + delta
    if not 0 <= target < len(ids):
        return False
    tables = session.tables
    tables[index], tables[target] = tables[target], tables[index]
    return True


def store_own_pattern(session: Session, table_id: str, pattern: OwnPattern) -> None:
    """Keep an own pattern (replacing the one with its id) and choose it for the table."""
    patterns = session.patterns
    for index, old in enumerate(patterns):
        if old.id == pattern.id:
            patterns[index] = pattern
            break
    else:
        patterns.append(pattern)
    try:
        session.table(table_id).pattern = pattern.id
    except KeyError:
        pass
