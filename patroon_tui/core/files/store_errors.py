"""The errors of the session store, each with a Dutch sentence a person can act on.

:class:`StoreError` is the family: the command line prints ``str(exc)`` and the app shows
it. :class:`SessionFileError` (a file that is not a usable session),
:class:`SessionNotFoundError`, :class:`SessionLockedError` (open in another window),
:class:`SessionReadOnlyError` (can be looked at, not written) and
:class:`SessionChangedOnDiskError` (someone else wrote it) say which case it is, so a
caller can offer the right way out. :func:`read_only_error`, :func:`read_only_reason` and
:func:`changed_error` and :func:`save_failed_message` build the sentences the store raises them with.
"""

from __future__ import annotations

import errno
from pathlib import Path

from patroon_tui.core import platform
from patroon_tui.core.text.wording import os_reason

__all__ = [
    "SessionChangedOnDiskError",
    "SessionFileError",
    "SessionLockedError",
    "SessionNotFoundError",
    "SessionReadOnlyError",
    "StoreError",
    "changed_error",
    "read_only_error",
    "read_only_reason",
    "save_failed_message",
]


class StoreError(Exception):
    """Something went wrong with a session file; ``str(exc)`` is a plain sentence for the user."""


class SessionFileError(StoreError):
    """A session file that cannot be used: not TOML, not a session, invalid, or too new."""


class SessionNotFoundError(StoreError):
    """No session with that id in the folder, and no file at that path."""


class SessionLockedError(StoreError):
    """The session is open in another program instance."""

    def __init__(self, message: str, pid: int | None = None) -> None:
        super().__init__(message)
        self.pid = pid
        """The process holding the lock, when known."""


class SessionReadOnlyError(StoreError):
    """The session cannot be written here: a read-only file, disk or folder, or no free inodes.

    The session can still be opened to look at; ``str(exc)`` says which file and why.
    """

    def __init__(self, message: str, path: Path, reason: str) -> None:
        super().__init__(message)
        self.path = path
        """The session file (the real file, when it was given through a symlink)."""
        self.reason = reason
        """Why it cannot be written, as a Dutch phrase (``het bestand is alleen-lezen``)."""


class SessionChangedOnDiskError(StoreError):
    """The file was changed by someone else since this store last read or wrote it.

    Nothing was written. Save again with ``keep_other=True`` to keep that other version in
    ``bewaard/`` and write this one, or load the file to continue from the other version.
    """

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path
        """The session file that changed (the real file)."""


def read_only_reason(folder: Path, exc: OSError | None) -> str:
    """Why nothing can be written in ``folder``, as a Dutch phrase.

    ``exc`` is what the system said when we tried; ``None`` when the file itself is
    marked read-only.
    """
    code = exc.errno if exc is not None else None
    if code == errno.EROFS or platform.current().disk_read_only(folder):
        return f"de schijf met de map {folder} is alleen-lezen"
    if code in (errno.EACCES, errno.EPERM):
        return f"er is geen toestemming om in de map {folder} te schrijven"
    if code in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"in de map {folder} kan geen bestand meer worden gemaakt "
            "(de schijf is vol of heeft geen vrije inodes)"
        )
    if exc is None:
        return "het bestand is alleen-lezen (schrijfbeveiligd)"
    return os_reason(exc)


def read_only_error(path: Path, reason: str) -> SessionReadOnlyError:
    """The error for a session that can be looked at but not saved, ``reason`` saying why."""
    return SessionReadOnlyError(
        f"Sessie {path} kan hier alleen worden bekeken: {reason}. "
        "Wijzigingen worden niet opgeslagen.",
        path,
        reason,
    )


def changed_error(path: Path) -> SessionChangedOnDiskError:
    """The error for a save refused because someone else changed the file."""
    return SessionChangedOnDiskError(
        f"Sessie {path} is buiten dit venster gewijzigd sinds hij werd geopend of "
        "opgeslagen. Er is niets opgeslagen, zodat die andere versie niet verloren gaat.",
        path,
    )


def save_failed_message(target: Path, reason: str, exclusive: bool) -> str:
    """The sentence for a failed save; it says the previous version is kept when there is one.

    ``exclusive`` is set for the first save of a new session: there is no previous version.
    """
    kept = " Het bestand bevat nog de vorige versie." if not exclusive and target.is_file() else ""
    return f"Opslaan van {target} is mislukt: {reason}.{kept}"
