"""Noticing that someone else changed a session file, and keeping their version.

A store remembers each file as it last read or wrote it (:class:`SeenFiles`: inode, size,
modification time and a SHA-256 of the bytes). Before a save it asks
:meth:`SeenFiles.other_version` whether the file on disk is still that one; when it is not,
the save is refused, or the other version is first kept by :func:`keep_other` in a folder
of its own, so that nobody's words are lost.

:class:`TypedContent` remembers what each file says (apart from where the app stands), so
that its ``updated`` moves only when that changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from patroon_tui.core.files.store_errors import StoreError
from patroon_tui.core.files.user_files import (
    FILE_MODE,
    FOLDER_MODE,
    make_folder,
    write_new,
)
from patroon_tui.core.sessionfile.session_toml import same_data, typed_content
from patroon_tui.core.text.wording import os_reason

__all__ = ["SeenFiles", "TypedContent", "keep_copy", "keep_other"]


@dataclass(frozen=True)
class _Seen:
    """A session file as a store last read or wrote it."""

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


class SeenFiles:
    """What one store last read or wrote, per real file.

    Not locked itself: the store calls it while holding
    :data:`patroon_tui.core.files.lock.SAVE_LOCK`.
    """

    def __init__(self) -> None:
        self._seen: dict[Path, _Seen] = {}

    def remember(self, real: Path, info: os.stat_result, raw: bytes) -> None:
        """Take ``raw``, with the file's stat ``info``, as the version of ``real`` we know."""
        self._seen[real] = _Seen(
            info.st_ino, info.st_mtime_ns, info.st_size, hashlib.sha256(raw).hexdigest()
        )

    def other_version(self, real: Path) -> bytes | None:
        """The file's bytes if someone else changed it since it was remembered.

        ``None`` when the file is not known, when it is unchanged, and when it is gone
        (writing it again then loses nothing). Raises :class:`StoreError` when the file
        cannot be read to compare.
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
            self.remember(real, info, raw)
            return None
        return raw


class TypedContent:
    """Per session file, what was typed or chosen in it and when that last changed.

    ``updated`` moves only when something typed or chosen changed: opening a session or
    turning a page is not an update of what it says. Not locked itself: the store calls it
    while holding :data:`patroon_tui.core.files.lock.SAVE_LOCK`.
    """

    def __init__(self) -> None:
        self._known: dict[Path, tuple[dict[str, Any], dt.datetime]] = {}

    def remember(self, target: Path, data: dict[str, Any], updated: dt.datetime) -> None:
        """``data`` was written to ``target`` with this ``updated``."""
        self._known[target] = (typed_content(data), updated)

    def unchanged_since(self, target: Path, data: dict[str, Any]) -> dt.datetime | None:
        """The file's ``updated`` when ``data`` types and chooses nothing new over it."""
        known = self._known.get(target)
        if known is None:
            try:  # the first save since opening: compare with the file as it was opened
                parsed = tomllib.loads(target.read_text(encoding="utf-8"))
                known = (typed_content(parsed), parsed["session"]["updated"])
            except (OSError, ValueError, UnicodeError, KeyError, TypeError):
                return None
        content, updated = known
        if isinstance(updated, dt.datetime) and same_data(content, typed_content(data)):
            return updated
        return None


def keep_other(seen: SeenFiles, real: Path, folder: Path, suffix: str) -> Path | None:
    """Copy the other version of ``real`` (if someone else changed it) into ``folder``.

    Afterwards ``seen`` takes the file as it is now. Returns the copy, or ``None`` when the
    file did not change; raises :class:`StoreError` naming the file when it cannot be kept.
    """
    raw = seen.other_version(real)
    if raw is None:
        return None
    try:
        copy = keep_copy(folder, real.stem, suffix, raw)
        info = os.stat(real)
    except OSError as exc:
        raise StoreError(
            f"De andere versie van {real} kan niet worden bewaard in {folder}: "
            f"{os_reason(exc)}. Er is niets opgeslagen."
        ) from None
    seen.remember(real, info, raw)
    return copy


def keep_copy(folder: Path, stem: str, suffix: str, raw: bytes) -> Path:
    """Write ``raw`` to a new file ``<stem>-<YYYYmmdd-HHMMSS><suffix>`` in ``folder``.

    Two copies in one second get ``-2``, ``-3``, …: an existing file is never replaced.
    The copy is 0600, a folder made for it 0700. Raises ``OSError``.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    make_folder(folder, FOLDER_MODE)
    return write_new(folder, f"{stem}-{stamp}", suffix, raw, mode=FILE_MODE)
