"""Reading and writing the files a person cares about: never half-written, refused plainly.

:func:`write_text_atomic` writes a document (a report) so that the file at the path is
always either the old version or the new one, even when the process is killed or the disk
fills up: temp file in the same folder, flush, ``fsync``, ``os.replace``, ``fsync`` of the
folder, through the one atomic write of ``core/files/access.py`` (re-exported here with
:func:`read_bytes_safely`: :func:`replace_atomically`, which the session store, the rescue
copy, kept copies, the room state and the lock's pid use too). After a killed process
:func:`remove_stale_temps` tidies up the temp files it left.
:func:`read_text` reads a file the program is given (a session, a deck) through it and
refuses anything that is not UTF-8 text in a regular file of at most
:data:`MAX_TEXT_BYTES` with one Dutch sentence naming it. :func:`report_target_problem`
says why a report must not be written to a path: it would replace a session. The small questions the
store asks of the file system (:func:`real_path`, :func:`file_read_only`,
:func:`probe_folder`) and :func:`make_folder` (exact mode whatever the umask) are here too.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from pathlib import Path

from patroon_tui.core import platform
from patroon_tui.core.files.access import (
    TEMP_SUFFIX,
    FileTooLargeError,
    FolderNotSynced,
    NotRegularFileError,
    fsync_folder,
    read_bytes_safely,
    replace_atomically,
    temp_prefix,
    unlink_quietly,
    write_new,
)
from patroon_tui.core.text.wording import os_reason

__all__ = [
    "FILE_MODE",
    "FOLDER_MODE",
    "MAX_PID",
    "MAX_TEXT_BYTES",
    "TEMP_SUFFIX",
    "FileTooLargeError",
    "FolderNotSynced",
    "NotRegularFileError",
    "TextFileError",
    "file_read_only",
    "fsync_folder",
    "make_folder",
    "pid_alive",
    "probe_folder",
    "read_bytes_safely",
    "read_text",
    "real_path",
    "remove_stale_temps",
    "replace_atomically",
    "report_target_problem",
    "temp_prefix",
    "unlink_quietly",
    "write_bytes_atomic",
    "write_new",
    "write_text_atomic",
]

FILE_MODE = 0o600
"""A session file and what lies beside it: the notes are the facilitator's alone."""
FOLDER_MODE = 0o700
"""A sessions folder made by the program: it holds every note of every workshop."""
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
MAX_TEXT_BYTES = 64 << 20
"""The largest session or deck file read: a session with 60 tables is about 1 MB, so 64 MB
is far beyond any workshop, and the program never holds more than this of one file."""


class TextFileError(Exception):
    """A file that cannot be read as text; ``str(exc)`` is a Dutch sentence naming it."""

    def __init__(self, message: str, *, missing: bool = False) -> None:
        super().__init__(message)
        self.missing = missing
        """True when there is no file at the path at all."""


def read_text(path: Path, label: str) -> str:
    """The UTF-8 text of the regular file at ``path``; ``label`` names its kind in errors.

    ``label`` starts the sentence (``"Sessiebestand"``, ``"Deckbestand"``). A symlink is
    followed (a person may link a session into the folder). Raises :class:`TextFileError`
    for a missing file (``missing`` set), a folder, a special file (a pipe or a device,
    which could block or never end), a file larger than :data:`MAX_TEXT_BYTES`, a file
    that cannot be read, and bytes that are not UTF-8.
    """
    try:
        raw = read_bytes_safely(path, limit=MAX_TEXT_BYTES)
    except FileNotFoundError:
        raise TextFileError(f"{label} {path} bestaat niet.", missing=True) from None
    except NotRegularFileError as exc:
        if exc.errno == errno.EISDIR:
            raise TextFileError(f"{label} {path} is een map, geen bestand.") from None
        raise TextFileError(f"{label} {path} is geen gewoon bestand.") from None
    except FileTooLargeError:
        raise TextFileError(
            f"{label} {path} is te groot: meer dan {MAX_TEXT_BYTES >> 20} MB. "
            "Een sessie of programma is hooguit enkele MB."
        ) from None
    except OSError as exc:
        raise TextFileError(f"{label} {path} kan niet worden gelezen: {os_reason(exc)}.") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise TextFileError(f"{label} {path} is geen tekstbestand (geen UTF-8).") from None


def write_text_atomic(
    path: Path, text: str, *, mode: int | None = None, replace: bool = True
) -> None:
    """Write ``text`` (UTF-8) to ``path``, as :func:`write_bytes_atomic` does."""
    write_bytes_atomic(path, text.encode("utf-8"), mode=mode, replace=replace)


def write_bytes_atomic(
    path: Path, data: bytes, *, mode: int | None = None, replace: bool = True
) -> None:
    """Write ``data`` to ``path``: afterwards the file is the old or the new content.

    Raises ``OSError`` (``IsADirectoryError`` for a folder) naming ``path``; an existing
    file is then left as it was. A path that is a device or a pipe (``/dev/stdout``) is
    written to directly: replacing it would put a plain file where the device was.
    ``mode`` makes the new file exactly that mode (``0o600``: only its owner reads it);
    without it the umask decides, as for any document. With ``replace=False`` an existing
    file is never replaced: ``FileExistsError`` is raised and nothing is written.
    """
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(path, "wb") as handle:
            handle.write(data)
        return
    if info is not None and not replace:
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    replace_atomically(path, data, mode=mode, exclusive=not replace)


# The line that makes a TOML file a session (see docs/session-format.md), as the app
# writes it: a file that fails to parse but starts like this is still taken for a session.
_SESSION_FORMAT_LINE = re.compile(rb"""(?m)^(?:\xef\xbb\xbf)?[ \t]*format[ \t]*=[ \t]*["']patroon-session["']""")
_SESSION_HEAD_BYTES = 1 << 20
SESSION_MOST_BYTES = 64 << 20
"""The largest file read whole to see whether it is a session (64 MiB).

A session of 100,000 tables is about 20 MB; tomllib reads some 7 MB a second. A bigger
file is a session only when its first megabyte says so as the app writes it: parsing it
would keep the facilitator waiting for a file that is almost certainly something else.
"""
_SESSION_SUFFIX = ".toml"
_SESSION_COMPANIONS = (".toml.lock", ".toml.lock.pid")
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
#: Windows opens a file in text mode unless told: its reads would end at a ctrl+z byte.
_BINARY = getattr(os, "O_BINARY", 0)


def is_session_file(path: Path) -> bool:
    """Whether the regular file at ``path`` is a session: it parses as TOML with
    ``format = "patroon-session"`` at the top, however that key and string are written,
    or it fails to parse but its first megabyte has the format line as the app writes it.

    Reads at most :data:`SESSION_MOST_BYTES` and never blocks on a pipe or a device
    (they are not sessions). Anything that cannot be read is not a session.
    """
    try:
        # O_NONBLOCK: a pipe put at the path after any check is opened without waiting
        # for a writer, and then refused by fstat.
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return False
            head = handle.read(_SESSION_HEAD_BYTES)
            if _SESSION_FORMAT_LINE.match(head):
                # The first line, as the app writes it: a session whether or not the
                # rest parses, so a big session is not read further.
                return True
            if info.st_size > SESSION_MOST_BYTES:
                return bool(_SESSION_FORMAT_LINE.search(head))
            raw = head + handle.read(SESSION_MOST_BYTES + 1 - len(head))
    except OSError:
        return False
    parsed = _parsed(raw[: SESSION_MOST_BYTES + 1])
    if parsed is None:  # not TOML: a session broken by hand still starts like one
        return bool(_SESSION_FORMAT_LINE.search(head))
    return parsed.get("format") == "patroon-session"


def _parsed(raw: bytes) -> dict | None:
    """The TOML document in ``raw``, or ``None`` when it is not one (or too big to be ours)."""
    import tomllib

    from patroon_tui.core.files.toml_scan import scan_text

    if len(raw) > SESSION_MOST_BYTES:
        return None  # it grew while being read
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None
    if scan_text(text) is not None:
        return None  # nesting or numbers tomllib must not be given
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return None


def report_target_problem(path: Path, sessions_folder: Path) -> str | None:
    """Why a report must not be written to ``path`` (a Dutch sentence), or ``None``.

    A report written over a session would silently replace the facilitator's notes with
    a summary of them. Refused: any ``.toml`` file in the sessions folder (or below it,
    like the kept versions in ``bewaard/``), the lock files beside the sessions, and any
    file anywhere that is a session file (:func:`is_session_file`). Symlinks are followed.
    A big file may be read whole: ask this off the interface's thread.
    """
    real = Path(os.path.realpath(Path(path).expanduser()))
    folder = Path(os.path.realpath(Path(sessions_folder).expanduser()))
    name = real.name.lower()
    if real.is_relative_to(folder) and (
        name.endswith(_SESSION_SUFFIX) or name.endswith(_SESSION_COMPANIONS)
    ):
        return (
            f"{path} ligt in de sessiemap {sessions_folder}; daar schrijft patroon geen "
            "verslag, zodat geen sessie wordt overschreven. Kies een bestand buiten die map."
        )
    if is_session_file(real):
        return (
            f"{path} is een sessiebestand; patroon schrijft er geen verslag overheen. "
            "Kies een andere naam voor het verslag."
        )
    return None


# -- what the session store asks of the file system -----------------------------------------


def real_path(path: Path) -> Path:
    """The file a path stands for: symlinks followed, absolute (a missing file stays as named)."""
    return Path(os.path.realpath(Path(path).expanduser()))


def make_folder(folder: Path, mode: int) -> None:
    """Make ``folder`` (and its parents) if missing; a folder made here is ``mode`` exactly.

    The umask is not applied to it. An existing folder keeps its mode (the owner chose it).
    """
    if folder.is_dir():
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.mkdir(folder, mode)
    except FileExistsError:
        if folder.is_dir():
            return
        raise
    os.chmod(folder, mode)


def file_read_only(path: Path) -> bool:
    """Whether an existing regular file at ``path`` is marked read-only for us.

    ``os.replace`` needs only write permission on the folder, so a save would quietly
    replace a file its owner made read-only (``chmod 444``). Root passes every ``access``
    check, so the owner's write bit counts too.
    """
    try:
        info = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    return not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)


#: The largest process id any system hands out (``pid_t`` is 32 bits).
MAX_PID = 2**31 - 1


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists (someone else's counts).

    Only ids a process can have are asked about: 0 and negative ids name process groups
    (``kill(-1, 0)`` succeeds for everyone), and an id beyond 32 bits cannot be asked
    about; for those there is no such process.
    """
    if isinstance(pid, bool) or not isinstance(pid, int) or not 0 < pid <= MAX_PID:
        return False
    # Asked of the platform: on Windows the usual ``kill(pid, 0)`` ends the process.
    return platform.current().process_alive(pid)


def remove_stale_temps(target: Path) -> None:
    """Delete temp files of ``target`` left by a process that was killed mid-save.

    A ``kill -9`` between creating the temp file and renaming it leaves it behind; nothing
    in that process can clean up. A temp file is stale when the process named in it is
    gone, or is this one: the caller makes sure no save of this process is running (the
    store holds its save lock).
    """
    pattern = re.compile(
        re.escape(f".{target.stem}.") + r"(\d+)\.[A-Za-z0-9_]+" + re.escape(TEMP_SUFFIX)
    )
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        match = pattern.fullmatch(name)
        if not match:
            continue
        pid = int(match[1])
        if pid == os.getpid() or not pid_alive(pid):
            unlink_quietly(target.parent / name)


def probe_folder(target: Path) -> None:
    """Make and remove an empty file beside ``target``: raises ``OSError`` if none can be made."""
    # Named like a temp file of this process, so a kill -9 right here leaves nothing that
    # the next lock or save would not remove.
    probe = target.parent / f"{temp_prefix(target)}probe{secrets.token_hex(4)}{TEMP_SUFFIX}"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC, 0o600)
    os.close(fd)
    os.unlink(probe)
