"""A carried record's ``history`` in the session file: always ``[[….history]]`` sections.

tomli-w writes a short array of tables inline and moves it to sections once an entry
grows past a line; the file would reshuffle as a note in the history grows. The session
writer takes the history off the record (:func:`history_sections`) and writes it after
the record as sections of its own; an empty history is no history (:func:`no_empty_history`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import tomli_w

__all__ = ["history_sections", "no_empty_history"]


def no_empty_history(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` without an empty ``history``: no section reads back as absent, not ``[]``."""
    if record.get("history") == []:
        del record["history"]
    return record


def history_sections(key: str, item: dict[str, Any],
                     trash_records: Iterable[str]) -> tuple[dict[str, Any], str]:
    """``item`` of the array ``key`` without its record's ``history``, and that history as
    the ``[[key.history]]`` sections to write after it (``[[trash.<record>.history]]`` for
    a record in the trash, whose sub-table is one of ``trash_records``)."""
    if key == "trash":
        name = next((k for k in trash_records if isinstance(item.get(k), dict)), None)
        if name is None:
            return item, ""
        record, path = item[name], f"trash.{name}"
    else:
        name, record, path = None, item, key
    history = record.get("history")
    if not isinstance(history, list) or not all(isinstance(h, dict) for h in history):
        return item, ""
    record = {k: v for k, v in record.items() if k != "history"}
    item = record if name is None else {**item, name: record}
    later = "".join(f"\n[[{path}.history]]\n{_entry(path, entry)}" for entry in history)
    return item, later


def _entry(path: str, entry: dict[str, Any]) -> str:
    """The keys of one history entry, a table inside it under ``[path.history.…]``: dumped
    on its own, such a table would land at the top of the file."""
    nested: dict[str, Any] = {"history": entry}
    for part in reversed(path.split(".")):
        nested = {part: nested}
    chunk = tomli_w.dumps(nested)
    header = f"[{path}.history]\n"
    return chunk[len(header):] if chunk.startswith(header) else chunk
