"""The sessions folder: session files as canonical TOML, listed, loaded, saved atomically, locked.

``dumps_session`` and ``loads_session`` turn a :class:`~patroon_tui.core.session.Session` into
the TOML text of ``docs/session-format.md`` and back. :class:`SessionStore` owns one folder of
session files: it makes new sessions, lists them, finds one by id or path, loads it without
ever touching the file, saves it so that a crash or a full disk never leaves a half-written
file, and locks a session so a second program instance cannot write over it.

A session given through a symlink is the file the link points to: it is locked and saved
there, and the link stays a link. A session that cannot be written (a read-only file, a
read-only disk, a folder without write permission or without free inodes) is refused by
:meth:`SessionStore.lock` with :class:`SessionReadOnlyError`, so it can be opened to look
at. The store remembers what it last read or wrote for each file (size, modification time,
a SHA-256 of the bytes); a save over a file someone else changed since then raises
:class:`SessionChangedOnDiskError` instead of writing, or, with ``keep_other=True``, first
copies the other version into ``bewaard/`` in the sessions folder.

Every error a person can cause is a :class:`StoreError` whose text is one or two plain Dutch
sentences naming the file; the command line prints it and the app shows it.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import secrets
import stat
import threading
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import filelock
import tomli_w
from pydantic import BaseModel, ValidationError

from patroon_tui.core import validation
from patroon_tui.core.deck import Deck
from patroon_tui.core.files import (
    TEMP_SUFFIX,
    TextFileError,
    fsync_folder,
    read_text,
    write_temp,
)
from patroon_tui.core.messages import (
    field_path,
    more_errors,
    os_reason,
    pydantic_detail,
    toml_problem,
)
from patroon_tui.core.session import (
    FORMAT,
    FORMAT_VERSION,
    QUESTION_IDS,
    FirstStep,
    OwnPattern,
    Principle,
    Progress,
    Session,
    SessionInfo,
    Table,
    Werkvorm,
    new_session,
    slugify,
    utc_now,
)

__all__ = [
    "SessionChangedOnDiskError",
    "SessionEntry",
    "SessionFileError",
    "SessionLock",
    "SessionLockedError",
    "SessionNotFoundError",
    "SessionReadOnlyError",
    "SessionStore",
    "StoreError",
    "dumps_session",
    "loads_session",
]

SESSIONS_DIR_ENV = "PATROON_SESSIONS_DIR"
DEFAULT_SESSIONS_DIR = "sessions"
SUFFIX = ".toml"
LOCK_SUFFIX = ".lock"
PID_SUFFIX = ".pid"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
KEPT_FOLDER = "bewaard"
"""Subfolder of the sessions folder holding other versions kept by ``save(keep_other=True)``."""


# -- errors -----------------------------------------------------------------------------


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


# -- canonical TOML -----------------------------------------------------------------------

# Sections that are arrays of tables. tomli-w writes a short array of tables inline, at the
# top of the file, and moves it to ``[[...]]`` sections once an entry grows past one line;
# the file would reshuffle as the facilitator types. We always write ``[[...]]`` sections.
_TABLE_ARRAYS: dict[str, type[BaseModel]] = {
    "tables": Table,
    "patterns": OwnPattern,
    "principles": Principle,
    "first_steps": FirstStep,
}
_SECTIONS: dict[str, type[BaseModel]] = {"session": SessionInfo, "progress": Progress}
_SORTED_TEXT_MAPS = ("notes", "layer_notes")

_SURROGATES = re.compile("[\ud800-\udfff]")


def _clean_text(text: str) -> str:
    # A lone surrogate (e.g. from a broken paste) cannot be encoded as UTF-8; tomli-w would
    # raise and the whole session would be unsaveable. Replace it, as UTF-8 decoders do.
    return _SURROGATES.sub("\ufffd", text)


def _plain(value: Any) -> Any:
    """Unknown (extra) values made canonical: mappings key-sorted, tuples as lists, text clean."""
    if isinstance(value, dict):
        return {_clean_text(str(k)): _plain(value[k]) for k in sorted(value, key=str)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return _clean_text(value)
    return value


def _declared(value: Any) -> Any:
    # A declared field's value keeps its order (dicts among them are already canonical).
    if isinstance(value, str):
        return _clean_text(value)
    if isinstance(value, (list, tuple)):
        return [_declared(v) for v in value]
    return value


def _ordered(data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """The model's declared fields in declaration order, then unknown keys sorted."""
    out: dict[str, Any] = {}
    for name in model.model_fields:
        if name in data:
            out[name] = _declared(data[name])
    for name in sorted(k for k in data if k not in model.model_fields):
        out[_clean_text(name)] = _plain(data[name])
    return out


def _utc_ms(value: dt.datetime) -> dt.datetime:
    # A hand-edited file may hold a local (naive) datetime; the contract says UTC.
    value = value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value
    value = value.astimezone(dt.timezone.utc)
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def _answers(answers: dict[str, str]) -> dict[str, str]:
    known = [q for q in QUESTION_IDS if q in answers]
    rest = sorted(q for q in answers if q not in QUESTION_IDS)
    return {_clean_text(q): _clean_text(answers[q]) for q in known + rest}


def _canonical(session: Session) -> dict[str, Any]:
    """The session as plain TOML-ready data in the canonical key order."""
    raw = session.model_dump(mode="python", exclude_none=True)
    info = raw["session"]
    info["created"] = _utc_ms(info["created"])
    info["updated"] = _utc_ms(info["updated"])
    if isinstance(info["date"], dt.datetime):
        info["date"] = info["date"].date()
    raw["session"] = _ordered(info, SessionInfo)
    raw["progress"] = _ordered(raw["progress"], Progress)
    for key in _SORTED_TEXT_MAPS:
        raw[key] = _plain(raw[key])
    tables = []
    for table in raw["tables"]:
        table["answers"] = _answers(table["answers"])
        tables.append(_ordered(table, Table))
    raw["tables"] = tables
    for key in ("patterns", "principles", "first_steps"):
        raw[key] = [_ordered(item, _TABLE_ARRAYS[key]) for item in raw[key]]
    for key in _TABLE_ARRAYS:
        # An empty array of tables has no ``[[...]]`` section to write; absent means empty.
        if not raw[key]:
            del raw[key]
    return _ordered(raw, Session)


def _contract_datetimes(chunk: str, info: dict[str, Any]) -> str:
    # tomli-w writes ``2026-11-28 09:30:00.456000+00:00``; the contract shows the RFC 3339
    # form ``2026-11-28T09:30:00.456Z``. Both parse to the same value; we write the latter.
    # The declared datetimes are the first lines of ``[session]`` with these exact texts.
    for key in ("created", "updated"):
        value = info.get(key)
        if isinstance(value, dt.datetime) and value.utcoffset() == dt.timedelta(0):
            ms = value.microsecond // 1000
            # Not strftime: its %Y writes the year 1 as "1", which is not TOML.
            text = value.replace(microsecond=0, tzinfo=None).isoformat()
            text += (f".{ms:03d}" if ms else "") + "Z"
            chunk = chunk.replace(f"\n{key} = {value}\n", f"\n{key} = {text}\n", 1)
    return chunk


def _emit(data: dict[str, Any]) -> str:
    """TOML text of canonical data: top-level values, then each section, in the data's order."""
    head: dict[str, Any] = {}
    sections: list[str] = []
    for key, value in data.items():
        if key in _TABLE_ARRAYS and isinstance(value, list):
            for item in value:
                chunk = tomli_w.dumps({key: item})
                header = f"[{key}]\n"
                if chunk.startswith(header):
                    chunk = chunk[len(header) :]
                sections.append(f"[[{key}]]\n{chunk}")
        elif isinstance(value, dict):
            chunk = tomli_w.dumps({key: value})
            if key == "session":
                chunk = _contract_datetimes(chunk, value)
            sections.append(chunk)
        else:
            head[key] = value
    return _escape_bidi("\n".join([tomli_w.dumps(head), *sections]))


# Bidi controls make an editor or a terminal show text in another order than it is stored
# ("Trojan source"): a file read by eye would not say what it holds. They are kept (they
# can belong to right-to-left text) but written as escapes, which read back as the same
# characters. tomli-w writes every string and quoted key as a basic "..." string, the one
# place these characters can be, and escapes are valid in all of them.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape_bidi(text: str) -> str:
    return _BIDI_CONTROLS.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def _same(a: Any, b: Any) -> bool:
    """Equality of parsed TOML data, where NaN equals NaN (TOML can hold ``nan``)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def dumps_session(session: Session) -> str:
    """The session as canonical TOML text: the same content always gives the same text.

    Keys follow the contract's order (declared fields first, unknown keys after them,
    sorted); notes are sorted by screen id; answers list the contract's questions first.
    Lone surrogates in any text become U+FFFD. Raises :class:`StoreError` when an unknown
    key holds something TOML cannot represent.
    """
    try:
        return _emit(_canonical(session))
    except (TypeError, ValueError) as exc:
        raise StoreError(f"De sessie kan niet als TOML worden geschreven: {exc}.") from None


# -- reading -----------------------------------------------------------------------------

#: Migrations from format version N to N+1, keyed by N. Version 1 is the first: none yet.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring parsed data of a known, older or current format version to the current one."""
    version = data["format_version"]
    while version < FORMAT_VERSION:
        data = _MIGRATIONS[version](data)
        version += 1
        data["format_version"] = version
    return data


def _validation_message(exc: ValidationError, source: str) -> str:
    errors = exc.errors()
    first = errors[0]
    where = field_path(first["loc"])
    at = f" bij {where}" if where else ""
    detail = pydantic_detail(first)
    return f"Sessiebestand {source} klopt niet{at}: {detail}{more_errors(len(errors) - 1)}."


def loads_session(text: str, source: str) -> Session:
    """Parse and validate session TOML text; ``source`` names the file in error messages.

    This is the one verdict on a file that ``check``, ``open``, ``list``, ``export`` and the
    start screen share (the checks are in :mod:`patroon_tui.core.validation`): a session
    it returns can be shown and saved. Raises :class:`SessionFileError` for text that is
    not TOML or nested too deep (the message gives the line), not a session, made by a
    newer version, invalid or ambiguous (the message gives the field path); never another
    exception. The session is returned as the file holds it: what a caller opening it
    should set right, and say, comes from :func:`patroon_tui.core.validation.review`.
    """
    try:
        return _loads_checked(text, source)
    except StoreError:
        raise
    except Exception as exc:
        # The last line of defence, should a check above miss something: whatever a file
        # holds, reading it ends in a sentence, never in a traceback that also takes every
        # other session of the list or the start screen with it.
        raise SessionFileError(
            f"Sessiebestand {source} kan niet worden gelezen: een onverwachte fout "
            f"({type(exc).__name__})."
        ) from exc


def _loads_checked(text: str, source: str) -> Session:
    if not text.strip():
        raise SessionFileError(f"Sessiebestand {source} is leeg.")
    raw_problem = validation.scan_text(text)
    if raw_problem is not None:
        line, reason = raw_problem
        raise SessionFileError(
            f"Sessiebestand {source} kan niet worden gelezen (regel {line}): {reason}."
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        _, problem = toml_problem(exc, text)
        raise SessionFileError(f"Sessiebestand {source} is geen geldige TOML{problem}.") from None
    if data.get("format") != FORMAT:
        if "format" not in data:
            raise SessionFileError(
                f"Sessiebestand {source} is geen patroon-sessie: "
                f'de regel format = "{FORMAT}" ontbreekt.'
            )
        raise SessionFileError(
            f"Sessiebestand {source} is geen patroon-sessie: het format is "
            f'{data["format"]!r} en niet {FORMAT!r}.'
        )
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        what = "geen format_version" if version is None else f"format_version {version!r}"
        raise SessionFileError(
            f"Sessiebestand {source} heeft {what}; dat moet een geheel getal zijn, "
            f"zoals {FORMAT_VERSION}."
        )
    if version > FORMAT_VERSION:
        raise SessionFileError(
            f"Sessiebestand {source} is gemaakt met een nieuwere versie van patroon "
            f"(format_version {version}; deze versie kent {FORMAT_VERSION}). "
            "Werk patroon bij om het te openen."
        )
    if version < 1:
        raise SessionFileError(
            f"Sessiebestand {source} heeft format_version {version}; die bestaat niet."
        )
    value_problem = validation.data_problem(data)
    if value_problem is not None:
        where, reason = value_problem
        raise SessionFileError(f"Sessiebestand {source} klopt niet bij {where}: {reason}.")
    try:
        # Strict: the contract gives each key's type, and lax mode would quietly turn a
        # timer "812" into 812 or a created "2026-11-28T09:30:00Z" (a string) into a moment.
        session = Session.model_validate(_migrate(data), strict=True)
    except ValidationError as exc:
        raise SessionFileError(_validation_message(exc, source)) from None
    ambiguous = validation.refusal(session)
    if ambiguous is not None:
        where, reason = ambiguous
        raise SessionFileError(f"Sessiebestand {source} klopt niet bij {where}: {reason}.")
    return session


def _read_text(path: Path) -> str:
    """The file's text; refuses missing files, folders, special files and non-UTF-8 bytes."""
    try:
        return read_text(path, "Sessiebestand")
    except TextFileError as exc:
        if exc.missing:
            raise SessionNotFoundError(str(exc)) from None
        raise SessionFileError(str(exc)) from None


# -- the folder ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionEntry:
    """One session file in the folder, as shown by ``list``."""

    id: str
    """The file's stem."""
    path: Path
    """The file."""
    title: str | None
    """The session's title; ``None`` when the file is unreadable."""
    date: dt.date | None
    """The day of the workshop."""
    updated: dt.datetime | None
    """When it was last saved (UTC)."""
    tables: int | None
    """How many tables it records."""
    screen: str | None
    """The screen it resumes on."""
    error: str | None
    """Why the file cannot be opened (a plain Dutch sentence); ``None`` when it is fine."""


# Saves of all stores in this process are serialised by one lock, so a save never sees
# another thread's half-written temp file and never deletes it as stale.
_SAVE_LOCK = threading.Lock()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _save_failed(target: Path, reason: str, exclusive: bool) -> str:
    """The sentence for a failed save; it says the previous version is kept when there is one."""
    kept = " Het bestand bevat nog de vorige versie." if not exclusive and target.is_file() else ""
    return f"Opslaan van {target} is mislukt: {reason}.{kept}"


@dataclass(frozen=True)
class _Seen:
    """A session file as this store last read or wrote it."""

    inode: int
    mtime_ns: int
    size: int
    sha256: str

    def same_stat(self, info: os.stat_result) -> bool:
        return (info.st_ino, info.st_mtime_ns, info.st_size) == (
            self.inode,
            self.mtime_ns,
            self.size,
        )


def _real(path: Path) -> Path:
    """The file a path stands for: symlinks followed, absolute (a missing file stays as named)."""
    return Path(os.path.realpath(Path(path).expanduser()))


def _make_folder(folder: Path) -> None:
    """Make ``folder`` (and its parents) if missing; a folder made here is 0700 whatever the umask.

    The sessions folder holds every note of every workshop: only its owner may list it.
    An existing folder keeps its mode (the owner chose it).
    """
    if folder.is_dir():
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.mkdir(folder, FOLDER_MODE)
    except FileExistsError:
        if folder.is_dir():
            return
        raise
    os.chmod(folder, FOLDER_MODE)


def _file_read_only(path: Path) -> bool:
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


def _read_only_reason(folder: Path, exc: OSError | None) -> str:
    """Why nothing can be written in ``folder``, as a Dutch phrase."""
    code = exc.errno if exc is not None else None
    try:
        on_read_only_disk = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        on_read_only_disk = False
    if code == errno.EROFS or on_read_only_disk:
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


def _read_only_error(path: Path, reason: str) -> SessionReadOnlyError:
    return SessionReadOnlyError(
        f"Sessie {path} kan hier alleen worden bekeken: {reason}. "
        "Wijzigingen worden niet opgeslagen.",
        path,
        reason,
    )


def _changed_error(path: Path) -> SessionChangedOnDiskError:
    return SessionChangedOnDiskError(
        f"Sessie {path} is buiten dit venster gewijzigd sinds hij werd geopend of "
        "opgeslagen. Er is niets opgeslagen, zodat die andere versie niet verloren gaat.",
        path,
    )


class SessionStore:
    """One folder of session files."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        """The sessions folder; made (0700) on the first save."""
        self._seen: dict[Path, _Seen] = {}
        # What this store last read or wrote per real file, guarded by _SAVE_LOCK.
        self.last_kept: Path | None = None
        """Where the last ``save(keep_other=True)`` kept the other version; ``None`` when
        the file had not changed (or no save kept one)."""

    @classmethod
    def from_option(cls, sessions_dir: str | Path | None) -> SessionStore:
        """The folder from ``--sessions-dir``, else ``$PATROON_SESSIONS_DIR``, else ``./sessions``."""
        chosen = sessions_dir or os.environ.get(SESSIONS_DIR_ENV) or DEFAULT_SESSIONS_DIR
        return cls(Path(chosen).expanduser().absolute())

    def check_folder(self) -> None:
        """Raise :class:`StoreError` when something other than a folder is at its path."""
        if self.folder.exists() and not self.folder.is_dir():
            raise self._not_a_folder()

    def _not_a_folder(self) -> StoreError:
        return StoreError(
            f"De sessiemap {self.folder} is een bestand, geen map. "
            "Kies een andere map met --sessions-dir."
        )

    # -- names ---------------------------------------------------------------------------

    def path_for(self, session_id: str) -> Path:
        """The file of the session with this id in the folder."""
        return self.folder / f"{session_id}{SUFFIX}"

    def unique_id(self, title: str, date: dt.date) -> str:
        """``<date>-<slug of title>``, with ``-2``, ``-3``, … when that file already exists."""
        base = f"{date.isoformat()}-{slugify(title)}"
        candidate, n = base, 1
        while self.path_for(candidate).exists():
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    # -- making, listing, finding, loading ---------------------------------------------------

    def create(
        self,
        *,
        title: str,
        deck: Deck,
        date: dt.date | None = None,
        facilitator: str = "",
        location: str = "",
        werkvorm: Werkvorm = "tafels",
    ) -> Session:
        """A new session for ``deck``, saved to a new file in the folder."""
        # The workshop's day is the facilitator's local day, not the UTC one.
        date = date or dt.date.today()
        questions = tuple(q.id for q in deck.text_questions) or QUESTION_IDS
        while True:
            session = new_session(
                session_id=self.unique_id(title, date),
                title=title,
                date=date,
                facilitator=facilitator,
                location=location,
                werkvorm=werkvorm,
                deck_id=deck.id,
                first_screen=deck.screens[0].id,
                question_ids=questions,
            )
            try:
                self._write(session, self.path_for(session.session.id), exclusive=True)
            except FileExistsError:
                continue  # another process took this id a moment ago
            return session

    def list(self) -> list[SessionEntry]:
        """Every session file in the folder, the most recently saved first.

        A file that cannot be read is listed with ``error`` set instead of breaking the list;
        a folder that cannot be read raises :class:`StoreError`. No folder: no sessions yet.
        """
        try:
            names = sorted(os.listdir(self.folder))
        except FileNotFoundError:
            return []  # made on the first save
        except NotADirectoryError:
            raise self._not_a_folder() from None
        except OSError as exc:
            raise StoreError(
                f"De sessiemap {self.folder} kan niet worden gelezen: {os_reason(exc)}."
            ) from None
        entries = []
        for name in names:
            if name.startswith(".") or not name.endswith(SUFFIX):
                continue
            path = self.folder / name
            try:
                session = loads_session(_read_text(path), str(path))
            except StoreError as exc:
                entries.append(SessionEntry(path.stem, path, None, None, None, None, None, str(exc)))
                continue
            entries.append(
                SessionEntry(
                    id=path.stem,
                    path=path,
                    title=session.session.title,
                    date=session.session.date,
                    updated=_utc_ms(session.session.updated),
                    tables=len(session.tables),
                    screen=session.progress.screen,
                    error=None,
                )
            )
        oldest = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
        entries.sort(key=lambda e: e.id)
        entries.sort(key=lambda e: e.updated or oldest, reverse=True)
        return entries

    def resolve(self, id_or_path: str) -> Path:
        """The file of a session given by its id in the folder, or by a path (``.toml`` optional).

        A symlink is followed: the result is the real file.
        """
        text = str(id_or_path)
        # The real file, not a symlink to it: a second name for a session must not get a
        # lock of its own (and a second window writing the same file).
        if text and "/" not in text and os.sep not in text:
            by_id = self.path_for(text.removesuffix(SUFFIX))
            if by_id.exists():
                return _real(by_id)
        path = Path(text).expanduser()
        for candidate in (path, Path(f"{path}{SUFFIX}")):
            if text and candidate.exists():
                return _real(candidate)
        raise SessionNotFoundError(
            f"Sessie {text!r} bestaat niet in {self.folder}, en er is ook geen bestand "
            "met die naam."
        )

    def load(self, id_or_path: str | Path) -> Session:
        """The session in a file, given by id or path; the file is never modified.

        The store remembers the file as read, so a later :meth:`save` notices when someone
        else changed it in between.
        """
        path = Path(id_or_path) if isinstance(id_or_path, Path) else self.resolve(id_or_path)
        real = _real(path)
        # Taken before reading: a change made while we read shows as a changed stat at the
        # next save, which then compares the bytes and finds the version we did read.
        try:
            before: os.stat_result | None = os.stat(real)
        except OSError:
            before = None
        text = _read_text(path)
        session = loads_session(text, str(path))
        if before is not None:
            # Strict UTF-8 decoding: encoding the text gives back exactly the file's bytes.
            with _SAVE_LOCK:
                self._remember(real, before, text.encode("utf-8"))
        return session

    def _remember(self, real: Path, info: os.stat_result, raw: bytes) -> None:
        self._seen[real] = _Seen(
            info.st_ino, info.st_mtime_ns, info.st_size, hashlib.sha256(raw).hexdigest()
        )

    def _other_version(self, real: Path) -> bytes | None:
        """The file's bytes if someone else changed it since this store read or wrote it.

        ``None`` when the store does not know the file, when it is unchanged, and when it
        is gone (writing it again then loses nothing). The caller holds ``_SAVE_LOCK``.
        """
        seen = self._seen.get(real)
        if seen is None:
            return None
        try:
            info = os.stat(real)
            if seen.same_stat(info):
                return None
            raw = real.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(
                f"Opslaan van {real} is mislukt: het bestand kan niet worden gelezen om te "
                f"zien of iemand anders het veranderde ({os_reason(exc)})."
            ) from None
        if hashlib.sha256(raw).hexdigest() == seen.sha256:
            # Touched or rewritten with the same bytes: nothing of anyone's is lost.
            self._remember(real, info, raw)
            return None
        return raw

    def keep_other_version(self, path: Path) -> Path | None:
        """Copy the file's other version (changed by someone else) into ``bewaard/``.

        Returns the copy, ``<sessions folder>/bewaard/<name>-<YYYYmmdd-HHMMSS>.toml``
        (0600, the folder 0700), or ``None`` when the file did not change. Afterwards the
        store takes the file as it is now, so the next :meth:`save` writes over it.
        """
        with _SAVE_LOCK:
            return self._keep_other(_real(path))

    def _keep_other(self, real: Path) -> Path | None:
        raw = self._other_version(real)
        if raw is None:
            return None
        folder = self.folder / KEPT_FOLDER
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        try:
            _make_folder(folder)
            n = 1
            while True:
                name = f"{real.stem}-{stamp}{'' if n == 1 else f'-{n}'}{SUFFIX}"
                copy = folder / name
                tmp = write_temp(folder, raw, prefix=f".{name}.", mode=FILE_MODE)
                try:
                    os.chmod(tmp, FILE_MODE)
                    _link_new(tmp, copy)
                except FileExistsError:
                    n += 1
                    continue
                finally:
                    if tmp.exists():
                        tmp.unlink()
                break
            fsync_folder(folder)
            info = os.stat(real)
        except OSError as exc:
            raise StoreError(
                f"De andere versie van {real} kan niet worden bewaard in {folder}: "
                f"{os_reason(exc)}. Er is niets opgeslagen."
            ) from None
        self._remember(real, info, raw)
        return copy

    # -- saving ------------------------------------------------------------------------------

    def save(self, session: Session, path: Path | None = None, *, keep_other: bool = False) -> Path:
        """Write the session to its file atomically and set ``session.session.updated``.

        The file on disk is always either the previous save or this one, never a mix, even
        if the process is killed or the disk is full. On failure nothing changes (neither
        the file nor the session in memory) and :class:`StoreError` says why.

        A symlink is saved to the file it points to (the returned path) and stays a link.
        A file marked read-only raises :class:`SessionReadOnlyError`. When someone else
        changed the file since this store read or wrote it, nothing is written and
        :class:`SessionChangedOnDiskError` is raised; with ``keep_other=True`` that other
        version is first copied into ``bewaard/`` (see :meth:`keep_other_version`; the
        copy's path is then in :attr:`last_kept`) and the session written after it.
        """
        target = _real(path if path is not None else self.path_for(session.session.id))
        self._write(session, target, exclusive=False, keep_other=keep_other)
        return target

    def _write(
        self, session: Session, target: Path, *, exclusive: bool, keep_other: bool = False
    ) -> None:
        updated = utc_now()
        with _SAVE_LOCK:
            tmp: Path | None = None
            if not exclusive:
                self.last_kept = None
            try:
                data = _canonical(session)
                data["session"]["updated"] = updated
                text = _emit(data)
                raw = text.encode("utf-8")
                try:
                    _make_folder(target.parent)
                except OSError as exc:
                    # Not passed on as FileExistsError: create() reads that as "this id was
                    # just taken" and would try the next id forever.
                    raise StoreError(
                        f"Opslaan van {target} is mislukt: de map {target.parent} kan niet "
                        f"worden gemaakt ({os_reason(exc)})."
                    ) from None
                if not exclusive:
                    if _file_read_only(target):
                        raise _read_only_error(target, _read_only_reason(target.parent, None))
                    if keep_other:
                        self.last_kept = self._keep_other(target)
                    elif self._other_version(target) is not None:
                        raise _changed_error(target)
                _remove_stale_temps(target)
                tmp = write_temp(target.parent, raw, prefix=_temp_prefix(target), mode=FILE_MODE)
                # Exactly 0600 whatever the umask: the notes are the facilitator's alone.
                os.chmod(tmp, FILE_MODE)
                # What is on disk must parse back to exactly what we meant to write before
                # it may replace the previous good file.
                written = tmp.read_bytes()
                if written != raw or not _same(tomllib.loads(written.decode("utf-8")), data):
                    raise StoreError("wat op de schijf staat, is niet wat er geschreven werd")
                # The rename keeps inode and modification time: this is the file as it
                # will be at the target.
                info = os.stat(tmp)
                if exclusive:
                    _link_new(tmp, target)
                else:
                    os.replace(tmp, target)
                tmp = None
                self._remember(_real(target), info, raw)
                try:
                    fsync_folder(target.parent)
                except OSError as exc:
                    raise StoreError(
                        f"{target} is opgeslagen, maar de schijf heeft dat niet bevestigd "
                        f"({os_reason(exc)}). Sla nog eens op om zeker te zijn."
                    ) from exc
            except FileExistsError:
                raise
            except StoreError as exc:
                if tmp is None:
                    raise
                raise StoreError(_save_failed(target, str(exc), exclusive)) from exc
            except OSError as exc:
                raise StoreError(_save_failed(target, os_reason(exc), exclusive)) from exc
            except (TypeError, ValueError, UnicodeError) as exc:
                reason = f"de sessie kan niet als TOML worden geschreven ({exc})"
                raise StoreError(_save_failed(target, reason, exclusive)) from exc
            finally:
                if tmp is not None:
                    try:
                        os.unlink(tmp)
                    except OSError:
                        pass
        session.session.updated = updated

    # -- locking -----------------------------------------------------------------------------

    def lock(self, path: Path) -> SessionLock:
        """Take the session's lock so no other program instance writes it.

        Raises :class:`SessionLockedError` naming the process that holds it. The lock is a
        kernel ``flock``: when the holder dies, even by ``kill -9``, the lock is free.
        A symlink is locked as the file it points to, so two names of one file share one
        lock. Raises :class:`SessionReadOnlyError` when the session cannot be saved there:
        the file is read-only, or the folder cannot hold a lock or a new file (read-only
        disk, no write permission, no free inodes).
        """
        path = _real(path)
        if _file_read_only(path):
            raise _read_only_error(path, _read_only_reason(path.parent, None))
        lock = filelock.FileLock(
            f"{path}{LOCK_SUFFIX}", timeout=0, mode=FILE_MODE, thread_local=False
        )
        try:
            _make_folder(path.parent)
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
            raise _read_only_error(path, _read_only_reason(path.parent, exc)) from None
        try:
            # The lock file may be there from before while nothing new fits in the folder
            # (no inodes left, permission taken away): every save would then fail.
            _probe_folder(path)
        except OSError as exc:
            lock.release()
            raise _read_only_error(path, _read_only_reason(path.parent, exc)) from None
        _write_pid(path)
        with _SAVE_LOCK:
            _remove_stale_temps(path)
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


# -- helpers for files beside the session ------------------------------------------------------


def _temp_prefix(target: Path) -> str:
    # The pid in the name tells which process made a temp file, so temp files left by a
    # killed process can be told apart from one being written right now.
    return f".{target.stem}.{os.getpid()}."


def _remove_stale_temps(target: Path) -> None:
    """Delete temp files of this session left by a process that was killed mid-save.

    A ``kill -9`` between creating the temp file and renaming it leaves it behind; nothing
    in that process can clean up. A temp file is stale when the process named in it is
    gone, or is this one (the caller holds ``_SAVE_LOCK``, so no save of ours is running).
    """
    pattern = re.compile(re.escape(f".{target.stem}.") + r"(\d+)\.[A-Za-z0-9_]+" + re.escape(TEMP_SUFFIX))
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        match = pattern.fullmatch(name)
        if not match:
            continue
        pid = int(match[1])
        if pid == os.getpid() or not _pid_alive(pid):
            try:
                os.unlink(target.parent / name)
            except OSError:
                pass


def _probe_folder(target: Path) -> None:
    """Make and remove an empty file beside ``target``: raises ``OSError`` if none can be made."""
    # Named like a temp file of this process, so a kill -9 right here leaves nothing that
    # the next lock or save would not remove.
    probe = target.parent / f"{_temp_prefix(target)}probe{secrets.token_hex(4)}{TEMP_SUFFIX}"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    os.close(fd)
    os.unlink(probe)


def _link_new(tmp: Path, target: Path) -> None:
    """Put the temp file at ``target`` only if nothing is there (``FileExistsError`` otherwise)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:
        # Some file systems have no hard links; fall back to a check and a rename.
        if target.exists():
            raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _pid_path(path: Path) -> Path:
    # The holder's pid lives in its own file: older filelock versions truncate the lock file
    # when a second process merely tries to take the lock.
    return Path(f"{path}{LOCK_SUFFIX}{PID_SUFFIX}")


def _write_pid(path: Path) -> None:
    pid_file = _pid_path(path)
    tmp = pid_file.with_name(f".{pid_file.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        tmp.write_text(f"{os.getpid()}\n", encoding="ascii")
        os.replace(tmp, pid_file)
    except OSError:
        pass  # only used to name the holder in a message


def _read_pid(path: Path) -> int | None:
    try:
        text = _pid_path(path).read_text(encoding="ascii").strip()
        return int(text)
    except (OSError, ValueError, UnicodeError):
        return None
