"""Merging session files into a new session file, never over a copy nor any file."""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from pathlib import Path

from patroon_tui.core.merge.sessions import MergeError, identity, merge_sessions
from patroon_tui.core.model.session import Session

__all__ = ["merge_files"]


def merge_files(store, paths: Sequence[Path], target: Path | None = None) -> tuple[Path, Session]:
    """Merge the session files at ``paths`` into a new file: ``target``, or a new session
    ``<id>-samen`` in ``store``'s folder. Never writes over a copy nor any existing file,
    and never through a symlink: a name taken by anything, a link to nowhere too, is
    refused (``target``) or passed over for the next (``<id>-samen-2``).

    Raises :class:`MergeError` (copies of different sessions, a target that exists or
    cannot be a session's name) and ``StoreError`` (a file that cannot be read or saved),
    each a Dutch sentence naming the file.
    """
    from patroon_tui.core.files.user_files import real_path
    from patroon_tui.core.model.session import ID_RE

    copies = [store.load(path) for path in paths]
    try:
        merged = merge_sessions(copies)
    except MergeError as exc:
        named = ", ".join(f"{Path(p).name} ({identity(c)})"
                          for p, c in zip(paths, copies, strict=True))
        raise MergeError(f"{exc} Gegeven: {named}.") from None
    origin_id = identity(merged)
    if target is not None:
        target = Path(target)
        if os.path.lexists(target) and real_path(target) in {real_path(Path(p)) for p in paths}:
            raise MergeError(f"{target} is een van de kopieën; samenvoegen overschrijft "
                             "nooit een kopie. Kies een nieuwe naam.")
        if target.suffix != ".toml" or not ID_RE.match(target.stem):
            raise MergeError(f"{target.name} kan geen sessiebestand heten: gebruik kleine "
                             "letters, cijfers en streepjes, en eindig op .toml.")
        names = iter([target])
    else:
        names = (store.path_for(f"{origin_id}-samen" + (f"-{n}" if n > 1 else ""))
                 for n in itertools.count(1))
    for name in names:
        merged.session.id = name.stem
        merged.session.origin = None if name.stem == origin_id else origin_id
        try:
            # A new file only, made beside the name and linked to it: what is at the name
            # (a file, a link to anywhere) stays as it is.
            return store.save(merged, name, new=True), merged
        except FileExistsError:
            if target is not None:
                link = " (een symbolische koppeling)" if name.is_symlink() else ""
                raise MergeError(f"{target} bestaat al{link}; samenvoegen schrijft alleen "
                                 "een nieuw bestand. Kies een nieuwe naam.") from None
    raise AssertionError("unreachable")
