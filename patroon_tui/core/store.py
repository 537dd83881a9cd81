"""The sessions folder: session files as canonical TOML, listed, loaded, saved atomically, locked.

``dumps_session`` and ``loads_session`` turn a :class:`~patroon_tui.core.session.Session` into
the TOML text of ``docs/session-format.md`` and back. :class:`SessionStore` owns one folder of
session files: it makes new sessions, lists them, finds one by id or path, loads it without
ever touching the file, saves it so that a crash or a full disk never leaves a half-written
file, and locks a session so a second program instance cannot write over it.

Every error a person can cause is a :class:`StoreError` whose text is one or two plain Dutch
sentences naming the file; the command line prints it and the app shows it.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import threading
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import filelock
import tomli_w
from pydantic import BaseModel, ValidationError

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
    "SessionEntry",
    "SessionFileError",
    "SessionLock",
    "SessionLockedError",
    "SessionNotFoundError",
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
            text = value.strftime("%Y-%m-%dT%H:%M:%S") + (f".{ms:03d}" if ms else "") + "Z"
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
    return "\n".join([tomli_w.dumps(head), *sections])


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

    Raises :class:`SessionFileError` for text that is not TOML (the message gives the line),
    not a session, made by a newer version, or invalid (the message gives the field path).
    """
    if not text.strip():
        raise SessionFileError(f"Sessiebestand {source} is leeg.")
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
    try:
        return Session.model_validate(_migrate(data))
    except ValidationError as exc:
        raise SessionFileError(_validation_message(exc, source)) from None


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


class SessionStore:
    """One folder of session files."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        """The sessions folder; made on the first save."""

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
        """The file of a session given by its id in the folder, or by a path (``.toml`` optional)."""
        text = str(id_or_path)
        if text and "/" not in text and os.sep not in text:
            by_id = self.path_for(text.removesuffix(SUFFIX))
            if by_id.exists():
                return by_id
        path = Path(text).expanduser()
        for candidate in (path, Path(f"{path}{SUFFIX}")):
            if text and candidate.exists():
                return candidate.resolve()
        raise SessionNotFoundError(
            f"Sessie {text!r} bestaat niet in {self.folder}, en er is ook geen bestand "
            "met die naam."
        )

    def load(self, id_or_path: str | Path) -> Session:
        """The session in a file, given by id or path; the file is never modified."""
        path = Path(id_or_path) if isinstance(id_or_path, Path) else self.resolve(id_or_path)
        return loads_session(_read_text(path), str(path))

    # -- saving ------------------------------------------------------------------------------

    def save(self, session: Session, path: Path | None = None) -> Path:
        """Write the session to its file atomically and set ``session.session.updated``.

        The file on disk is always either the previous save or this one, never a mix, even
        if the process is killed or the disk is full. On failure nothing changes (neither
        the file nor the session in memory) and :class:`StoreError` says why.
        """
        target = Path(path) if path is not None else self.path_for(session.session.id)
        self._write(session, target, exclusive=False)
        return target

    def _write(self, session: Session, target: Path, *, exclusive: bool) -> None:
        updated = utc_now()
        with _SAVE_LOCK:
            tmp: Path | None = None
            try:
                data = _canonical(session)
                data["session"]["updated"] = updated
                text = _emit(data)
                raw = text.encode("utf-8")
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    # Not passed on as FileExistsError: create() reads that as "this id was
                    # just taken" and would try the next id forever.
                    raise StoreError(
                        f"Opslaan van {target} is mislukt: de map {target.parent} kan niet "
                        f"worden gemaakt ({os_reason(exc)})."
                    ) from None
                _remove_stale_temps(target)
                tmp = write_temp(target.parent, raw, prefix=_temp_prefix(target), mode=FILE_MODE)
                # Exactly 0600 whatever the umask: the notes are the facilitator's alone.
                os.chmod(tmp, FILE_MODE)
                # What is on disk must parse back to exactly what we meant to write before
                # it may replace the previous good file.
                written = tmp.read_bytes()
                if written != raw or not _same(tomllib.loads(written.decode("utf-8")), data):
                    raise StoreError("wat op de schijf staat, is niet wat er geschreven werd")
                if exclusive:
                    _link_new(tmp, target)
                else:
                    os.replace(tmp, target)
                tmp = None
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
        """
        path = Path(path)
        lock = filelock.FileLock(
            f"{path}{LOCK_SUFFIX}", timeout=0, mode=FILE_MODE, thread_local=False
        )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
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
            raise StoreError(f"Vergrendelen van {path} is mislukt: {os_reason(exc)}.") from None
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
