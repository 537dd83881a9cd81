"""The one way to open a file the program reads, and the one way to write a file.

Every file the program reads — a session, a deck, the room state, a presence file, the
lock's pid — may be hostile: a pipe (an open that never returns), a link to
``/dev/zero`` (a read that never ends), a folder, a file far too large.
:func:`read_bytes_safely` opens it without blocking, refuses anything but a regular file
before a byte is read (looked at before the open and again on the open file), never
reads more than a size limit, and does not follow a symlink where the program owns the
name. Every file the program writes — a session, a report, a rescue copy, a kept copy,
the room state, the lock's pid — is written by :func:`replace_atomically`: a new temp file
with a random name, created exclusively and never through a link, then renamed over the
name (or, for a name that must be new, linked to it), so the name holds the old content or
the new, and a link planted at the name or at a guessed temp name is replaced, never
written through. What differs between systems (the flag that refuses a link, a replace
refused while another program reads the file, syncing a folder) is asked of
``core/platform.py``.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from patroon_tui.core import platform

__all__ = [
    "TEMP_SUFFIX",
    "FileTooLargeError",
    "FolderNotSynced",
    "NotRegularFileError",
    "fsync_folder",
    "read_bytes_safely",
    "replace_atomically",
    "temp_prefix",
    "unlink_quietly",
    "write_new",
]

TEMP_SUFFIX = ".tmp"
# Not every system has these flags (Windows lacks the non-blocking one and the one that
# refuses a link, which ``platform`` answers for); where one is missing, an ``lstat``
# before the open and a look at the opened file stand in for it.
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_CHUNK = 1 << 16


class NotRegularFileError(OSError):
    """The path is there but is not a regular file: a folder, a pipe, a device, or a symlink
    where none is followed."""


class FileTooLargeError(OSError):
    """The file holds more bytes than the reader's limit."""


def read_bytes_safely(path: Path, *, limit: int, follow_links: bool = True) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises ``FileNotFoundError`` for nothing there, :class:`NotRegularFileError` for a
    folder, a pipe, a socket or a device (looked at before the open and again on the open
    file, so nothing can be swapped in between) and, with ``follow_links=False``, for a
    symlink (also a dangling one), :class:`FileTooLargeError` for more than ``limit``
    bytes, and ``OSError`` for anything else that stops the read. Never blocks on a pipe
    and never reads more than ``limit + 1`` bytes, whatever the file claims its size is.
    """
    system = platform.current()
    info = os.stat(path) if follow_links else os.lstat(path)
    if not follow_links and system.is_link(info):
        raise _not_regular(path, stat.S_IFLNK)
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(path, info.st_mode)
    no_follow = 0 if follow_links else system.no_follow
    flags = os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY | no_follow
    try:
        fd = system.open_fd(path, flags)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK) and not follow_links:
            # The open refused a link put there after the lstat.
            raise _not_regular(path, stat.S_IFLNK) from None
        raise
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise _not_regular(path, opened.st_mode)
        if not follow_links and not no_follow and _swapped(path, info, opened, system):
            # No flag refused a link here: something was put at the name between the look
            # and the open.
            raise _not_regular(path, stat.S_IFLNK)
        if opened.st_size > limit:
            raise _too_large(path, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # it grew while being read
            raise _too_large(path, limit)
        return b"".join(chunks)
    finally:
        system.close_fd(fd)


def _swapped(path: Path, looked_at: os.stat_result, opened: os.stat_result,
             system: platform.Platform) -> bool:
    """Whether the file opened at ``path`` is not the one ``looked_at`` (an ``lstat``)."""
    if _same_file(looked_at, opened):
        return False
    # The open file may be numbered differently from the name (Windows gives file ids of
    # two lengths): the name is looked at again and must still be what it was.
    again = os.lstat(path)
    return system.is_link(again) or not _same_file(looked_at, again)


def _same_file(one: os.stat_result, other: os.stat_result) -> bool:
    return (one.st_dev, one.st_ino) == (other.st_dev, other.st_ino)


def _not_regular(path: Path, mode: int) -> NotRegularFileError:
    if stat.S_ISDIR(mode):
        return NotRegularFileError(errno.EISDIR, "is een map", str(path))
    if stat.S_ISLNK(mode):
        return NotRegularFileError(errno.ELOOP, "is een symbolische koppeling", str(path))
    return NotRegularFileError(errno.EINVAL, "is geen gewoon bestand", str(path))


def _too_large(path: Path, limit: int) -> FileTooLargeError:
    return FileTooLargeError(errno.EFBIG, f"is groter dan {limit} bytes", str(path))


def _write_temp(folder: Path, data: bytes, *, prefix: str, mode: int, sync: bool = True) -> Path:
    """A new file in ``folder`` holding ``data``, flushed and (with ``sync``) fsynced.

    Its name is ``prefix`` + random + ``.tmp``, created exclusively and never through a
    symlink, so nothing planted at a guessed name is written through. ``mode`` is passed
    to ``open``, so the umask applies (0o666 gives an ordinary document); on failure
    nothing is left behind.
    """
    # Not tempfile.mkstemp: it always creates the file 0600, and fixing that afterwards
    # needs the umask, which can only be read by changing it (racy with other threads).
    flags = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | platform.current().no_follow | _CLOEXEC
             | _BINARY)
    while True:
        path = folder / f"{prefix}{secrets.token_hex(8)}{TEMP_SUFFIX}"
        try:
            fd = os.open(path, flags, mode)
        except FileExistsError:
            continue
        break
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
    except BaseException:
        unlink_quietly(path)
        raise
    return path


def temp_prefix(target: Path) -> str:
    """How this process's temp files for ``target`` begin: ``.<stem>.<pid>.``."""
    # The pid in the name tells which process made a temp file, so temp files left by a
    # killed process can be told apart from one being written right now.
    return f".{target.stem}.{os.getpid()}."


class FolderNotSynced(OSError):
    """The new file is in place, but the system did not confirm the rename is on disk.

    ``info`` is the new file's ``stat``, as :func:`replace_atomically` returns it."""

    info: os.stat_result


def replace_atomically(
    target: Path,
    data: bytes,
    *,
    mode: int | None,
    durable: bool = True,
    exclusive: bool = False,
    verify: Callable[[Path], None] | None = None,
) -> os.stat_result:
    """Put ``data`` at ``target``: afterwards the name holds the old content or the new.

    Where another program may hold ``target`` open (Windows), the rename is tried again
    for about a third of a second before its ``PermissionError`` is raised.

    A new temp file beside ``target`` (a random name, created exclusively, never through a
    link) holds ``data``; ``verify(temp)`` may refuse it by raising (nothing is then
    changed); then it is renamed over ``target`` — whatever was there, a link too, is
    replaced, never written through — or, ``exclusive``, put there only if nothing is
    (``FileExistsError`` otherwise, also for a file made meanwhile). ``mode`` makes the new
    file exactly that mode; ``None`` leaves it to the umask, as for any document.
    ``durable``: the file and the rename fsynced (``FolderNotSynced`` when only the folder's
    sync failed: the file is in place). Returns the new file's ``stat`` (its inode and time
    stay with it through the rename). Raises ``OSError``; on failure no temp file is left.
    """
    target = Path(target)
    folder = target.parent
    tmp: Path | None = _write_temp(folder, data, prefix=temp_prefix(target),
                                   mode=0o666 if mode is None else mode, sync=durable)
    assert tmp is not None
    try:
        if mode is not None:
            os.chmod(tmp, mode)  # the umask may have taken bits away; this is exact
        if verify is not None:
            verify(tmp)
        info = os.stat(tmp)
        if exclusive:
            _put_new(tmp, target)
        else:
            platform.current().replace(tmp, target)
        tmp = None
    finally:
        if tmp is not None:
            unlink_quietly(tmp)
    if durable:
        try:
            fsync_folder(folder)
        except OSError as exc:
            error = FolderNotSynced(exc.errno, exc.strerror, str(folder))
            error.info = info
            raise error from exc
    return info


def write_new(folder: Path, name: str, suffix: str, data: bytes, *, mode: int) -> Path:
    """Put ``data`` in ``folder`` as ``name`` + ``suffix``, or ``name-2`` + ``suffix``, …:
    the first name free, through :func:`replace_atomically`, so an existing file — one
    made meanwhile too — is never replaced. Returns the path; raises ``OSError``."""
    for n in range(1, 1000):
        target = folder / f"{name}{'' if n == 1 else f'-{n}'}{suffix}"
        try:
            replace_atomically(target, data, mode=mode, exclusive=True)
        except FileExistsError:
            continue
        return target
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(folder / name))


def _put_new(tmp: Path, path: Path) -> None:
    """Put the temp file at ``path`` only if nothing is there (``FileExistsError`` otherwise)."""
    # A hard link fails if anything appeared at ``path`` since we looked: no window in
    # which a file made by someone else could be replaced.
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        # Some file systems have no hard links; a check and a rename is the best they allow.
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        platform.current().replace(tmp, path)
        return
    unlink_quietly(tmp)


def fsync_folder(folder: Path) -> None:
    """Make a rename or new file in ``folder`` durable (a no-op where the system can't)."""
    platform.current().sync_folder(folder)


def unlink_quietly(path: Path) -> None:
    """Remove ``path`` if it is there; a file that cannot be removed is left (best effort)."""
    try:
        os.unlink(path)
    except OSError:
        pass
