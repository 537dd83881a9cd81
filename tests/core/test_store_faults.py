"""Fault injection at each step of a save: the disk full or failing on write, fsync and
rename. Every time the file keeps its previous version, the session in memory is
unchanged, the message is Dutch and names the file, no temp file is left, and the next
save works."""

from __future__ import annotations

import datetime as dt
import errno
import os

import pytest

from patroon_tui.core.files import user_files as files
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.sessionfile.store import SessionStore, StoreError

REASONS = {errno.ENOSPC: "de schijf is vol", errno.EIO: "schrijffout van de schijf"}


class FailingFile:
    """A file whose writes fail the way a full or broken disk makes them fail."""

    def __init__(self, handle, code: int) -> None:
        self._handle = handle
        self._code = code

    def write(self, data: bytes) -> int:
        raise OSError(self._code, os.strerror(self._code))

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._handle.close()


def inject(monkeypatch, step: str, code: int) -> None:
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    if step == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(files.os, "fdopen",
                            lambda fd, *a, **k: FailingFile(real_fdopen(fd, *a, **k), code))
    elif step == "fsync":
        monkeypatch.setattr(os, "fsync", fail)
    else:
        monkeypatch.setattr(os, "replace", fail)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO], ids=["ENOSPC", "EIO"])
@pytest.mark.parametrize("step", ["write", "fsync", "rename"])
def test_a_failing_step_keeps_the_previous_version(tmp_path, monkeypatch, step, code):
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Noord", deck=load_deck(), date=dt.date(2026, 11, 28))
    path = store.path_for(session.session.id)
    session.notes["programma"] = "eerste versie"
    store.save(session)
    good = path.read_bytes()
    session.notes["programma"] = "tweede versie"
    in_memory = session.model_dump()

    inject(monkeypatch, step, code)
    with pytest.raises(StoreError) as info:
        store.save(session)
    monkeypatch.undo()

    message = str(info.value)
    assert str(path) in message and REASONS[code] in message and "vorige versie" in message
    assert path.read_bytes() == good
    assert session.model_dump() == in_memory
    assert sorted(p.name for p in store.folder.iterdir()) == [path.name]
    store.save(session)
    assert store.load(path).notes["programma"] == "tweede versie"
