"""The one way to open a file the program reads, and the one way to write a file it owns.

Every file the program reads — a session, a deck, the room state, a presence file, the
lock's pid — may be hostile: a pipe (an open that never returns), a link to
``/dev/zero`` (a read that never ends), a folder, a file far too large.
:func:`read_bytes_safely` opens it without blocking, refuses anything but a regular file
before a byte is read (looked at before the open and again on the open file), never
reads more than a size limit, and does not follow a symlink where the program owns the
name. Every small file the program owns is written by :func:`write_owned`: a new temp
file with a random name (:func:`write_temp`), created exclusively and never through a
link, then renamed over the name, so a link planted at the name or at a guessed temp name
is replaced, never written through. ``core/files.py`` builds the session's and the
report's writes from the same :func:`write_temp`.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

__all__ = [
    "TEMP_SUFFIX",
    "FileTooLargeError",
    "NotRegularFileError",
    "read_bytes_safely",
    "unlink_quietly",
    "write_owned",
    "write_temp",
]

TEMP_SUFFIX = ".tmp"
# Not every system has these flags (Windows has neither O_NOFOLLOW nor O_NONBLOCK); where
# one is missing an ``lstat`` before the open stands in for it.
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
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
    info = os.stat(path) if follow_links else os.lstat(path)
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(path, info.st_mode)
    flags = os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY | (0 if follow_links else _NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK) and not follow_links:
            # O_NOFOLLOW met a link put there after the lstat.
            raise NotRegularFileError(errno.ELOOP, "is een symbolische koppeling",
                                      str(path)) from None
        raise
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise _not_regular(path, opened.st_mode)
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
        os.close(fd)


def _not_regular(path: Path, mode: int) -> NotRegularFileError:
    if stat.S_ISDIR(mode):
        return NotRegularFileError(errno.EISDIR, "is een map", str(path))
    if stat.S_ISLNK(mode):
        return NotRegularFileError(errno.ELOOP, "is een symbolische koppeling", str(path))
    return NotRegularFileError(errno.EINVAL, "is geen gewoon bestand", str(path))


def _too_large(path: Path, limit: int) -> FileTooLargeError:
    return FileTooLargeError(errno.EFBIG, f"is groter dan {limit} bytes", str(path))


def write_temp(folder: Path, data: bytes, *, prefix: str, mode: int, sync: bool = True) -> Path:
    """A new file in ``folder`` holding ``data``, flushed and (with ``sync``) fsynced.

    Its name is ``prefix`` + random + ``.tmp``, created exclusively and never through a
    symlink, so nothing planted at a guessed name is written through. ``mode`` is passed
    to ``open``, so the umask applies (0o666 gives an ordinary document); on failure
    nothing is left behind.
    """
    # Not tempfile.mkstemp: it always creates the file 0600, and fixing that afterwards
    # needs the umask, which can only be read by changing it (racy with other threads).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY
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


def write_owned(path: Path, data: bytes, *, mode: int, sync: bool = True) -> None:
    """Put ``data`` at ``path``, a name the program owns (raises ``OSError``).

    A new temp file beside it (:func:`write_temp`) renamed over the name: whatever was at
    ``path`` — the old version, or a symlink someone put there — is replaced, never
    written through, and no mode is ever changed on anything but the new file. Without
    ``sync`` nothing is fsynced: for small files worth nothing after a power cut (the room
    state must reach the projector at once).
    """
    path = Path(path)
    tmp = write_temp(path.parent, data, prefix=f".{path.name}.", mode=mode, sync=sync)
    try:
        os.replace(tmp, path)
    except BaseException:
        unlink_quietly(tmp)
        raise


def unlink_quietly(path: Path) -> None:
    """Remove ``path`` if it is there; a file that cannot be removed is left (best effort)."""
    try:
        os.unlink(path)
    except OSError:
        pass
