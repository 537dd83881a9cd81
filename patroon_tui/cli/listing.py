"""``patroon list``: the saved sessions as a table, one a line, newest first."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from patroon_tui.cli.parser import PROG
from patroon_tui.core.text.terminal_safe import printable

if TYPE_CHECKING:
    from patroon_tui.core.sessionfile.store import SessionStore


def list_sessions(store: SessionStore) -> int:
    """Print the sessions of ``store``'s folder, newest first; the exit status (0)."""
    entries = store.list()
    if not entries:
        print(
            f"Er zijn nog geen sessies in {store.folder}. "
            f'Maak er een met: {PROG} new --title "Naam van de sessie"'
        )
        return 0
    # rich comes with Textual but is light on its own; its table measures emoji and wide
    # characters in titles so the columns stay straight. Never wrapped: one session a line.
    import io

    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 2, 0, 0),
                  header_style="")
    # "vervolg op": the session a follow-up continues (patroon vervolg), so a chain reads.
    for column in ("id", "titel", "datum", "laatst gewijzigd", "tafels", "gestopt bij",
                   "vervolg op"):
        table.add_column(column, no_wrap=True, overflow="ignore")
    unreadable: list[str] = []
    for entry in entries:
        # Ids, titles and errors come from file names and file contents, which may hold
        # terminal escapes (a shared file): printed escaped, one row per line.
        if entry.error is not None:
            unreadable.append(f"{printable(entry.id)}  onleesbaar: {printable(entry.error)}")
            continue
        table.add_row(
            printable(entry.id),
            printable(entry.title or ""),
            entry.date.isoformat() if entry.date else "",
            _local(entry.updated) if entry.updated else "",
            "" if entry.tables is None else str(entry.tables),
            printable(entry.screen or ""),
            printable(entry.previous or ""),
        )
    out = io.StringIO()
    Console(file=out, width=100_000, color_system=None, highlight=False, markup=False,
            emoji=False).print(table)
    for line in out.getvalue().splitlines():
        print(line.rstrip())
    # A file that cannot be read has no updated time: they come last anyway.
    for line in unreadable:
        print(line)
    return 0


def _local(moment: dt.datetime) -> str:
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{local:%Y-%m-%d %H:%M}"
