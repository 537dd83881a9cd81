"""Rescue copies: the session written somewhere else when its own file cannot be saved.

:func:`write_rescue_copy` is the last resort of a facilitator whose session file cannot be
written (disk full, a stick pulled out, a bug in the save path): it writes the whole session,
as TOML when that works and as JSON when even that fails, to the first place that takes it —
a ``patroon-redding`` folder beside the sessions folder, in the home folder, or in the
system's temp folder. The copy can be opened like any session (``patroon open PAD``) when it
is TOML; the JSON form keeps every word for a person to copy back.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from patroon_tui.core.files.user_files import FILE_MODE, FOLDER_MODE, write_new
from patroon_tui.core.model.session import Session
from patroon_tui.core.sessionfile.session_toml import dumps_session
from patroon_tui.core.text.wording import os_reason

__all__ = ["RESCUE_FOLDER", "RescueError", "rescue_folders", "write_rescue_copy"]

RESCUE_FOLDER = "patroon-redding"


class RescueError(Exception):
    """No place took the copy; ``str(exc)`` says where it was tried, in Dutch."""


def rescue_folders(sessions_folder: Path) -> list[Path]:
    """Where a rescue copy goes, the first that works: beside the sessions folder, in the
    home folder, in the temp folder."""
    candidates = [Path(sessions_folder).parent / RESCUE_FOLDER]
    try:
        candidates.append(Path.home() / RESCUE_FOLDER)
    except RuntimeError:  # no home folder known
        pass
    candidates.append(Path(tempfile.gettempdir()) / RESCUE_FOLDER)
    unique: list[Path] = []
    for folder in candidates:
        if folder not in unique:
            unique.append(folder)
    return unique


def _contents(session: Session) -> tuple[str, bytes]:
    """The session as TOML (preferred) or, when it cannot be written as TOML, as JSON."""
    try:
        return ".toml", dumps_session(session).encode("utf-8")
    except Exception:  # the very bug that stopped the save: keep the words in any form
        return ".json", session.model_dump_json(indent=2).encode("utf-8", "replace")


def write_rescue_copy(
    session: Session, sessions_folder: Path, *, now: dt.datetime | None = None
) -> Path:
    """Write the whole session to a new file in the first rescue folder that takes it."""
    moment = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    suffix, data = _contents(session)
    name = f"{session.session.id}-{moment}"
    reasons: list[str] = []
    for folder in rescue_folders(sessions_folder):
        try:
            folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            return write_new(folder, name, suffix, data, mode=FILE_MODE)
        except OSError as exc:
            reasons.append(f"{folder} ({os_reason(exc)})")
    raise RescueError(
        "Er kon ook nergens anders een kopie worden opgeslagen: " + "; ".join(reasons) + "."
    )
