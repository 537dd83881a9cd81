"""Every session of a sessions folder, read for what spans sessions: :func:`read_sessions`
(``patroon patronen``) and :func:`sessions_beside` (the own-pattern editor's "uit een eerdere
sessie").

The folder is listed as ``patroon list`` lists it (``SessionStore.list``: a session under
two names once, hidden files and the kept versions in ``bewaard/`` left out) and each file
read the one safe way (``read_session_text``, ``loads_session``). A file that cannot be
read, or is not a session, is skipped with the sentence saying why, never an exception:
one bad file in a shared folder must not hide the others.
"""

from __future__ import annotations

from pathlib import Path

from patroon_tui.core.model.session import Session
from patroon_tui.core.sessionfile.session_toml import loads_session, read_session_text
from patroon_tui.core.sessionfile.store import SessionStore, StoreError

__all__ = ["read_sessions", "sessions_beside"]


def read_sessions(folder: Path) -> tuple[list[Session], list[str]]:
    """The sessions in ``folder``, oldest workshop first, and a Dutch sentence for each file
    skipped. A folder that cannot be listed raises ``StoreError``; none at all: no sessions."""
    sessions: list[Session] = []
    skipped: list[str] = []
    for entry in SessionStore(folder).list():
        if entry.error is not None:
            skipped.append(entry.error)
            continue
        try:
            sessions.append(loads_session(read_session_text(entry.path), str(entry.path)))
        except StoreError as exc:  # changed into something else since it was listed
            skipped.append(str(exc))
    sessions.sort(key=lambda s: (s.session.date, s.session.id))
    return sessions, skipped



def sessions_beside(folder: Path) -> list[Session]:
    """The sessions in ``folder`` that can be read; a folder that cannot be listed has none.
    For offering what other sessions hold (the own-pattern editor): a file that cannot be
    read is left out without a word, as it would be in a list."""
    try:
        sessions, _ = read_sessions(folder)
    except StoreError:
        return []
    return sessions
