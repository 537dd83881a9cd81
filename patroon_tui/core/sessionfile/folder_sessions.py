"""Every session of a sessions folder, read for what spans sessions: :func:`read_sessions`
(``patroon patronen``) and :func:`earlier_own_patterns` (the own-pattern editor's "uit een
eerdere sessie").

The folder is listed as ``patroon list`` lists it (``SessionStore.list``: a session under
two names once, hidden files and the kept versions in ``bewaard/`` left out) and each file
read the one safe way (``read_session_text``, ``loads_session``). A file that cannot be
read, or is not a session, is skipped with the sentence saying why, never an exception:
one bad file in a shared folder must not hide the others.
"""

from __future__ import annotations

from pathlib import Path

from patroon_tui.core.model.network import EarlierPattern, earlier_patterns
from patroon_tui.core.model.session import Session
from patroon_tui.core.sessionfile.session_toml import loads_session, read_session_text
from patroon_tui.core.sessionfile.store import SessionStore, StoreError

__all__ = ["earlier_own_patterns", "read_sessions"]


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


def earlier_own_patterns(folder: Path, current: Session) -> list[EarlierPattern]:
    """The own patterns of the other sessions in ``folder`` that ``current`` does not hold
    yet; files that cannot be read are left out (the editor offers what it can), and a
    folder that cannot be listed offers nothing."""
    try:
        sessions, _ = read_sessions(folder)
    except StoreError:
        return []
    return earlier_patterns(sessions, current)
