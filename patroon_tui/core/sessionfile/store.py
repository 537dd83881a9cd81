"""The sessions folder: new sessions, the list, finding one, loading it, saving it safely.

:class:`SessionStore` owns one folder of session files: it makes new sessions, lists them,
finds one by id or path, loads it without ever touching the file, saves it so that a crash
or a full disk never leaves a half-written file, and locks a session so a second program
instance cannot write over it (see :mod:`patroon_tui.core.files.lock`). The text of a file is
made and read by :mod:`patroon_tui.core.sessionfile.session_toml`, the errors are those of
:mod:`patroon_tui.core.files.store_errors`; this module re-exports both, so callers need one import.

A session given through a symlink is the file the link points to: it is locked and saved
there, and the link stays a link. A session that cannot be written (a read-only file, a
read-only disk, a folder without write permission or without free inodes) is refused by
:meth:`SessionStore.lock` with :class:`SessionReadOnlyError`, so it can be opened to look
at. The store remembers what it last read or wrote for each file (size, modification time,
a SHA-256 of the bytes); a save over a file someone else changed since then raises
:class:`SessionChangedOnDiskError` instead of writing, or, with ``keep_other=True``, first
copies the other version into ``bewaard/`` in the sessions folder.

Every error a person can cause is a :class:`StoreError`: one or two plain Dutch sentences
naming the file, printed by the command line and shown by the app.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from patroon_tui.core.files.lock import SAVE_LOCK, SessionLock, lock_session
from patroon_tui.core.files.store_errors import (
    SessionChangedOnDiskError,
    SessionFileError,
    SessionLockedError,
    SessionNotFoundError,
    SessionReadOnlyError,
    StoreError,
    changed_error,
    read_only_error,
    read_only_reason,
    save_failed_message,
)
from patroon_tui.core.files.user_files import (
    FILE_MODE,
    FOLDER_MODE,
    FolderNotSynced,
    file_read_only,
    make_folder,
    real_path,
    remove_stale_temps,
    replace_atomically,
)
from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.session import (
    QUESTION_IDS,
    Session,
    Werkvorm,
    new_session,
    slugify,
    utc_now,
)
from patroon_tui.core.sessionfile.external_edits import SeenFiles, TypedContent, keep_other
from patroon_tui.core.sessionfile.session_toml import (
    canonical_data,
    dumps_session,
    emit_toml,
    loads_session,
    read_session_text,
    same_data,
    utc_ms,
)
from patroon_tui.core.text.wording import os_reason

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
KEPT_FOLDER = "bewaard"  # the other versions kept by ``save(keep_other=True)``


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
    previous: str | None = None
    """The id of the session it follows up (``patroon vervolg``)."""


class SessionStore:
    """One folder of session files."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        """The sessions folder; made (0700) on the first save."""
        self._seen = SeenFiles()
        # What this store last read or wrote per real file, guarded by SAVE_LOCK.
        self._typed = TypedContent()
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
        while os.path.lexists(self.path_for(candidate)):  # a link to nothing takes it too
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
        A session under two names (a symlink to it) is listed once, by its own name.
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
        # Either name opens (and locks) the one real file: a second row would be the same
        # session twice. The real file's own name goes first; a link loop is unreadable.
        paths = [self.folder / n for n in names if n[:1] != "." and n.endswith(SUFFIX)]
        seen: set[Path] = set()
        entries = []
        for path in sorted(paths, key=Path.is_symlink):
            real = path.resolve() if path.exists() else path
            if real in seen:
                continue
            seen.add(real)
            try:
                session = loads_session(read_session_text(path), str(path))
            except StoreError as exc:
                entries.append(SessionEntry(path.stem, path, None, None, None, None, None, str(exc)))
                continue
            entries.append(
                SessionEntry(
                    id=path.stem,
                    path=path,
                    title=session.session.title,
                    date=session.session.date,
                    updated=utc_ms(session.session.updated),
                    tables=len(session.tables),
                    screen=session.progress.screen, error=None, previous=session.session.previous,
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
                return real_path(by_id)
        path = Path(text).expanduser()
        for candidate in (path, Path(f"{path}{SUFFIX}")):
            if text and candidate.exists():
                return real_path(candidate)
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
        real = real_path(path)
        # Taken before reading: a change made while we read shows as a changed stat at the
        # next save, which then compares the bytes and finds the version we did read.
        try:
            before: os.stat_result | None = os.stat(real)
        except OSError:
            before = None
        text = read_session_text(path)
        session = loads_session(text, str(path))
        if before is not None:
            # Strict UTF-8 decoding: encoding the text gives back exactly the file's bytes.
            with SAVE_LOCK:
                self._seen.remember(real, before, text.encode("utf-8"))
        return session

    def keep_other_version(self, path: Path) -> Path | None:
        """Copy the file's other version (changed by someone else) into ``bewaard/``.

        Returns the copy, ``<sessions folder>/bewaard/<name>-<YYYYmmdd-HHMMSS>.toml``
        (0600, the folder 0700), or ``None`` when the file did not change. Afterwards the
        store takes the file as it is now, so the next :meth:`save` writes over it.
        """
        with SAVE_LOCK:
            return self._keep_other(real_path(path))

    def _keep_other(self, real: Path) -> Path | None:
        return keep_other(self._seen, real, self.folder / KEPT_FOLDER, SUFFIX)

    # -- saving ------------------------------------------------------------------------------

    def save(self, session: Session, path: Path | None = None, *, keep_other=False, new=False) -> Path:
        """Write the session to its file atomically and set ``session.session.updated``.

        The file on disk is always either the previous save or this one, never a mix, even
        if the process is killed or the disk is full. On failure nothing changes (neither
        the file nor the session in memory) and :class:`StoreError` says why. A symlink is
        saved to the file it points to (the returned path) and stays a link; ``new=True``
        makes a new file at ``path`` itself (``FileExistsError`` if anything, a link too,
        is there). A file marked read-only raises :class:`SessionReadOnlyError`. When
        someone else changed the file since this store read or wrote it, nothing is written
        and :class:`SessionChangedOnDiskError` is raised; with ``keep_other=True`` that other
        version is first copied into ``bewaard/`` (see :meth:`keep_other_version`; its path
        is then in :attr:`last_kept`) and the session written after it.
        """
        target = path if new and path else real_path(path or self.path_for(session.session.id))
        self._write(session, target, exclusive=new, keep_other=keep_other)
        return target

    def _may_write(self, target: Path, *, exclusive: bool, keep_other: bool) -> None:
        """``StoreError`` when ``target`` must not be written (no folder, read-only, changed
        by another program; with ``keep_other`` that version is kept as a copy first)."""
        try:
            make_folder(target.parent, FOLDER_MODE)
        except OSError as exc:
            # Not passed on as FileExistsError: create() reads that as "this id was just
            # taken" and would try the next id forever.
            raise StoreError(f"Opslaan van {target} is mislukt: de map {target.parent} kan "
                             f"niet worden gemaakt ({os_reason(exc)}).") from None
        if exclusive:
            return
        if file_read_only(target):
            raise read_only_error(target, read_only_reason(target.parent, None))
        if keep_other:
            self.last_kept = self._keep_other(target)
        elif self._seen.other_version(target) is not None:
            raise changed_error(target)

    def _write(
        self, session: Session, target: Path, *, exclusive: bool, keep_other: bool = False
    ) -> None:
        with SAVE_LOCK:
            writing = False
            if not exclusive:
                self.last_kept = None
            try:
                data = canonical_data(session)
                # ``updated`` moves only when something typed or chosen changed: opening
                # a session, or turning a page, is not an update of what it says.
                updated = self._typed.unchanged_since(target, data) or utc_now()
                data["session"]["updated"] = updated
                raw = emit_toml(data).encode("utf-8")
                self._may_write(target, exclusive=exclusive, keep_other=keep_other)
                remove_stale_temps(target)
                writing = True

                def verify(tmp: Path) -> None:  # on disk, what we meant, or no rename
                    got = tmp.read_bytes()
                    if got != raw or not same_data(tomllib.loads(got.decode("utf-8")), data):
                        raise StoreError("wat op de schijf staat, is niet wat er geschreven werd")
                unconfirmed = None
                try:  # exactly 0600 whatever the umask: the notes are the facilitator's alone
                    info = replace_atomically(target, raw, mode=FILE_MODE, exclusive=exclusive,
                                              verify=verify)
                except FolderNotSynced as exc:
                    info, unconfirmed = exc.info, exc
                writing = False
                # The rename keeps inode and time: ``info`` is the file as it is at the target.
                self._seen.remember(real_path(target), info, raw)
                self._typed.remember(target, data, updated)
                if unconfirmed is not None:
                    raise StoreError(
                        f"{target} is opgeslagen, maar de schijf heeft dat niet bevestigd "
                        f"({os_reason(unconfirmed)}). Sla nog eens op om zeker te zijn."
                    ) from unconfirmed
            except FileExistsError:
                raise
            except StoreError as exc:
                if not writing:
                    raise
                raise StoreError(save_failed_message(target, str(exc), exclusive)) from exc
            except OSError as exc:
                raise StoreError(save_failed_message(target, os_reason(exc), exclusive)) from exc
            except (TypeError, ValueError, UnicodeError) as exc:
                reason = f"de sessie kan niet als TOML worden geschreven ({exc})"
                raise StoreError(save_failed_message(target, reason, exclusive)) from exc
        session.session.updated = updated

    # -- locking -----------------------------------------------------------------------------

    def lock(self, path: Path) -> SessionLock:
        """Take the session's lock so no other program instance writes it.

        Raises :class:`SessionLockedError` naming the process that holds it, and
        :class:`SessionReadOnlyError` when the session cannot be saved there; see
        :func:`patroon_tui.core.files.lock.lock_session`.
        """
        return lock_session(path)
