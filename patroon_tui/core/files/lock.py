"""Locks on session files: one program instance writes a session, others may only look.

:func:`lock_session` takes a session's lock, a kernel ``flock`` on ``<file>.lock`` that is
free again when its holder dies, even by ``kill -9``. It writes the holder's pid beside it
(``<file>.lock.pid``) so a second instance can say which process has the session open, and
it refuses a session that could be looked at but never saved. The :class:`SessionLock` it
returns frees the lock. :data:`SAVE_LOCK` serialises the saves within this process.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import filelock

from patroon_tui.core.files.store_errors import (
    SessionLockedError,
    read_only_error,
    read_only_reason,
)
from patroon_tui.core.files.user_files import (
    FILE_MODE,
    FOLDER_MODE,
    MAX_PID,
    file_read_only,
    make_folder,
    probe_folder,
    read_bytes_safely,
    real_path,
    remove_stale_temps,
    replace_atomically,
)

__all__ = ["LOCK_SUFFIX", "PID_SUFFIX", "SAVE_LOCK", "SessionLock", "lock_session"]

LOCK_SUFFIX = ".lock"
PID_SUFFIX = ".pid"

SAVE_LOCK = threading.Lock()
"""Held by every save of every store in this process, and by the cleanup of temp files.

So a save never sees another thread's half-written temp file and never deletes it as stale.
"""


def lock_session(path: Path) -> SessionLock:
    """Take the session's lock so no other program instance writes it.

    Raises :class:`SessionLockedError` naming the process that holds it. A symlink is
    locked as the file it points to, so two names of one file share one lock. Raises
    :class:`SessionReadOnlyError` when the session cannot be saved there: the file is
    read-only, or the folder cannot hold a lock or a new file (read-only disk, no write
    permission, no free inodes). Temp files left by a killed save of this session are
    removed.
    """
    path = real_path(path)
    if file_read_only(path):
        raise read_only_error(path, read_only_reason(path.parent, None))
    lock = filelock.FileLock(
        f"{path}{LOCK_SUFFIX}", timeout=0, mode=FILE_MODE, thread_local=False
    )
    try:
        make_folder(path.parent, FOLDER_MODE)
        lock.acquire()
    except filelock.Timeout:
        pid = _read_pid(path)
        holder = f" (proces {pid})" if pid is not None else ""
        raise SessionLockedError(
            f"Sessie {path} is al geopend in een ander venster{holder}. "
            "Hier kan hij alleen worden bekeken.",
            pid,
        ) from None
    except OSError as exc:
        raise read_only_error(path, read_only_reason(path.parent, exc)) from None
    try:
        # The lock file may be there from before while nothing new fits in the folder
        # (no inodes left, permission taken away): every save would then fail.
        probe_folder(path)
    except OSError as exc:
        lock.release()
        raise read_only_error(path, read_only_reason(path.parent, exc)) from None
    _write_pid(path)
    with SAVE_LOCK:
        remove_stale_temps(path)
    return SessionLock(path, lock)


class SessionLock:
    """A held session lock; release it, or use it as a context manager."""

    def __init__(self, path: Path, lock: filelock.BaseFileLock) -> None:
        self.path = path
        """The session file this lock guards."""
        self._lock = lock

    def release(self) -> None:
        """Free the lock (safe to call more than once)."""
        if self._lock.is_locked:
            try:
                _pid_path(self.path).unlink()
            except OSError:
                pass
            self._lock.release()

    def __enter__(self) -> SessionLock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def _pid_path(path: Path) -> Path:
    # The holder's pid lives in its own file: older filelock versions truncate the lock file
    # when a second process merely tries to take the lock.
    return Path(f"{path}{LOCK_SUFFIX}{PID_SUFFIX}")


def _write_pid(path: Path) -> None:
    # Written as the program writes every file it owns: a random temp name renamed over
    # the name, so a link planted at ``.lock.pid`` (the name is easy to guess) is
    # replaced, never written through.
    try:
        replace_atomically(_pid_path(path), f"{os.getpid()}\n".encode("ascii"),
                           mode=FILE_MODE, durable=False)
    except OSError:
        pass  # only used to name the holder in a message


def _read_pid(path: Path) -> int | None:
    try:
        text = read_bytes_safely(_pid_path(path), limit=64, follow_links=False).strip()
    except OSError:
        return None
    if not text.isdigit() or not text.isascii() or len(text) > 10:
        return None
    pid = int(text)
    return pid if 0 < pid <= MAX_PID else None
