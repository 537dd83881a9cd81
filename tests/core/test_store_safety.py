"""Bad files are refused and left alone; failed saves change nothing; locks hold across processes."""

from __future__ import annotations

import datetime as dt
import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.sessionfile.store import (
    SessionFileError,
    SessionLockedError,
    SessionStore,
    StoreError,
    loads_session,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 11, 28)

GOOD_HEAD = """format = "patroon-session"
format_version = 1

[session]
id = "kapot"
title = "Kapot"
date = 2026-11-28
created = 2026-11-28T09:30:00Z
updated = 2026-11-28T10:02:13Z
"""

BAD_FILES = {
    "not-toml": (b'format = "patroon-session"\nformat_version = 1\n[session\n', "regel 3"),
    "truncated": (GOOD_HEAD.encode()[:-30], "regel 9"),
    "wrong-type": (GOOD_HEAD.encode() + b'\n[[tables]]\nid = "tafel-1"\nname = 7\n', "tables[0].name"),
    "wrong-layer": (GOOD_HEAD.encode() + b'\n[[tables]]\nid = "t"\nname = "T"\nlayer = "boven"\n',
                    "tables[0].layer"),
    "bad-date": (GOOD_HEAD.encode().replace(b"date = 2026-11-28", b'date = "gisteren"'), "session.date"),
    "empty": (b"", "leeg"),
    "blank": (b"\n   \n\t\n", "leeg"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "geen UTF-8"),
    "nul-bytes": (b"\x00\x00\x00\x00", "geen geldige TOML"),
    "other-format": (GOOD_HEAD.encode().replace(b"patroon-session", b"patroon-deck"), "patroon-deck"),
    "no-format": (b'title = "boodschappen"\n', 'format = "patroon-session" ontbreekt'),
    "no-session": (b'format = "patroon-session"\nformat_version = 1\n', "session"),
    "newer-version": (GOOD_HEAD.encode().replace(b"format_version = 1", b"format_version = 2"),
                      "nieuwere versie"),
    "version-text": (GOOD_HEAD.encode().replace(b"format_version = 1", b'format_version = "1"'),
                     "format_version"),
}


@pytest.fixture(scope="module")
def deck():
    return load_deck()


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_file_is_refused_by_name_and_left_untouched(store, kind):
    content, detail = BAD_FILES[kind]
    store.folder.mkdir(parents=True)
    path = store.folder / f"{kind}.toml"
    path.write_bytes(content)
    before = path.stat()
    with pytest.raises(SessionFileError) as info:
        store.load(kind)
    message = str(info.value)
    assert f"{kind}.toml" in message
    assert detail in message
    assert "\n" not in message and "Traceback" not in message
    listed = {entry.id: entry for entry in store.list()}
    assert listed[kind].error == message
    assert path.read_bytes() == content
    after = path.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)


def test_newer_format_is_refused_before_reading_the_rest():
    text = 'format = "patroon-session"\nformat_version = 7\n[session]\nsomething = "new"\n'
    with pytest.raises(SessionFileError, match="nieuwere versie van patroon.*format_version 7"):
        loads_session(text, "toekomst.toml")


def test_validation_message_counts_further_problems():
    text = GOOD_HEAD + '\n[[tables]]\nid = "Tafel 1"\nname = 3\n'
    with pytest.raises(SessionFileError) as info:
        loads_session(text, "x.toml")
    assert str(info.value).startswith("Sessiebestand x.toml klopt niet bij tables[0].id")
    assert "(en nog 1 fout)." in str(info.value)


# -- failed saves -----------------------------------------------------------------------------


def _no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("call", ["replace", "fsync"])
def test_failed_save_leaves_file_and_memory_unchanged_and_a_retry_works(store, deck, monkeypatch, call):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    session.notes["complexer"] = "eerste versie"
    store.save(session)
    good = path.read_bytes()
    good_mtime = path.stat().st_mtime_ns
    session.notes["complexer"] = "tweede versie, nog niet op schijf"
    in_memory = session.model_dump()

    monkeypatch.setattr(os, call, _no_space)
    with pytest.raises(StoreError) as info:
        store.save(session)
    monkeypatch.undo()

    message = str(info.value)
    assert str(path) in message and "de schijf is vol" in message
    assert "vorige versie" in message
    assert "\n" not in message
    assert path.read_bytes() == good and path.stat().st_mtime_ns == good_mtime
    assert session.model_dump() == in_memory
    assert sorted(p.name for p in store.folder.iterdir()) == [path.name]

    store.save(session)
    assert store.load(path).notes["complexer"] == "tweede versie, nog niet op schijf"
    assert sorted(p.name for p in store.folder.iterdir()) == [path.name]


def test_unwritable_extra_value_is_a_store_error_and_the_file_is_kept(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    good = path.read_bytes()
    session.progress.unknown = {1, 2}  # an extra key holding a value TOML cannot represent
    with pytest.raises(StoreError, match="Opslaan van .* is mislukt"):
        store.save(session)
    assert path.read_bytes() == good


# -- locks across processes -----------------------------------------------------------------------

HOLDER = """
import sys
from pathlib import Path
from patroon_tui.core.sessionfile.store import SessionStore
lock = SessionStore(Path(sys.argv[1])).lock(Path(sys.argv[2]))
print("locked", flush=True)
sys.stdin.read()
"""


def test_second_opener_is_refused_with_the_pid_and_the_lock_frees_on_kill(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store.folder), str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(SessionLockedError) as info:
            store.lock(path)
        assert info.value.pid == holder.pid
        assert f"(proces {holder.pid})" in str(info.value)
        assert path.name in str(info.value)
        # Reading is still possible while another process holds the lock.
        assert store.load(path) == session
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with store.lock(path) as lock:
        assert lock.path == path
        with pytest.raises(SessionLockedError):
            store.lock(path)
    store.lock(path).release()


def test_lock_release_is_idempotent(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    lock = store.lock(store.path_for(session.session.id))
    lock.release()
    lock.release()
    store.lock(store.path_for(session.session.id)).release()


def test_a_lock_whose_holder_is_unknown_is_still_refused_plainly(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    with store.lock(path):
        Path(f"{path}.lock.pid").unlink()
        with pytest.raises(SessionLockedError) as info:
            store.lock(path)
    assert info.value.pid is None
    assert str(info.value) == (
        f"Sessie {path} is al geopend in een ander venster. Hier kan hij alleen worden bekeken."
    )
