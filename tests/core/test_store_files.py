"""Session files that are links, read-only, on a disk that cannot take them, or changed by others.

The fault injections use real file systems where the test can make them: a small tmpfs
(read-only, or with almost no inodes) and the immutable attribute (``chattr +i``) for a
folder without write permission, since root passes every permission check. Where that is
not possible the test is skipped with the reason.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.sessionfile.store import (
    KEPT_FOLDER,
    SessionChangedOnDiskError,
    SessionLockedError,
    SessionReadOnlyError,
    SessionStore,
    StoreError,
)

DAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def deck():
    return load_deck()


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.fixture
def tmpfs(tmp_path):
    """``mount(name, *options)``: a fresh 1 MB tmpfs at ``tmp_path/name``, unmounted afterwards."""
    mounted: list[Path] = []

    def mount(name: str, *options: str) -> Path:
        if shutil.which("mount") is None:
            pytest.skip("geen mount-commando op dit systeem")
        folder = tmp_path / name
        folder.mkdir()
        done = _run("mount", "-t", "tmpfs", "-o", ",".join(["size=1m", *options]),
                    "patroon-test", str(folder))
        if done.returncode != 0:
            pytest.skip(f"kan hier geen tmpfs aankoppelen: {done.stderr.strip()}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        _run("umount", "-l", str(folder))


def _remount_read_only(folder: Path) -> None:
    done = _run("mount", "-o", "remount,ro", str(folder))
    if done.returncode != 0:
        pytest.skip(f"kan de tmpfs niet alleen-lezen maken: {done.stderr.strip()}")


@pytest.fixture
def unwritable():
    """``deny(folder)``: no one may make files in ``folder`` any more (undone afterwards)."""
    undo: list[tuple[str, ...]] = []

    def deny(folder: Path) -> None:
        if os.geteuid() != 0:
            folder.chmod(0o555)
            undo.append(("chmod", "755", str(folder)))
            return
        # Root ignores the mode bits; the immutable attribute holds even for root.
        if shutil.which("chattr") is None:
            pytest.skip("als root zonder chattr is een map niet onbeschrijfbaar te maken")
        done = _run("chattr", "+i", str(folder))
        if done.returncode != 0:
            pytest.skip(f"chattr +i lukt hier niet: {done.stderr.strip()}")
        undo.append(("chattr", "-i", str(folder)))

    yield deny
    for command in reversed(undo):
        _run(*command)


def _fill_inodes(folder: Path) -> None:
    for n in range(10_000):
        try:
            (folder / f"vulsel-{n}").touch()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
            return
    pytest.skip("de tmpfs raakte niet door zijn inodes heen")


def _session_in(folder: Path, deck) -> tuple[SessionStore, Path, bytes]:
    store = SessionStore(folder)
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    return store, path, path.read_bytes()


# -- symlinks ---------------------------------------------------------------------------------


def test_a_symlink_resolves_to_its_target_and_shares_its_lock(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    real = store.path_for(session.session.id)
    alias = store.folder / "alias.toml"
    alias.symlink_to(real.name)
    assert store.resolve("alias") == real
    assert store.resolve(str(alias)) == real
    with store.lock(real):
        # The bypass of the issue: a second window through the link must be refused.
        with pytest.raises(SessionLockedError):
            store.lock(alias)
    with store.lock(alias) as lock:
        assert lock.path == real
        with pytest.raises(SessionLockedError):
            store.lock(real)


def test_a_symlinked_session_is_saved_to_its_target_and_stays_a_link(store, deck, tmp_path):
    session = store.create(title="Noord", deck=deck, date=DAY)
    elsewhere = tmp_path / "gedeeld"
    elsewhere.mkdir()
    real = elsewhere / "noord.toml"
    store.path_for(session.session.id).rename(real)
    link = store.path_for(session.session.id)
    link.symlink_to(real)

    loaded = store.load(link)
    loaded.notes["complexer"] = "via de link"
    assert store.save(loaded, link) == real
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert store.load(real).notes["complexer"] == "via de link"
    # Saved by id too: the link in the folder is followed, not replaced.
    loaded.notes["complexer"] = "via het id"
    store.save(loaded)
    assert link.is_symlink()
    assert store.load(real).notes["complexer"] == "via het id"
    assert sorted(p.name for p in elsewhere.iterdir() if not p.name.startswith(".")) == [
        "noord.toml"
    ]


def test_a_session_under_two_names_is_listed_once(store, deck, tmp_path):
    beside = store.create(title="Noord", deck=deck, date=DAY)
    (store.folder / "a-alias.toml").symlink_to(store.path_for(beside.session.id).name)
    elsewhere = tmp_path / "gedeeld"
    elsewhere.mkdir()
    away = store.create(title="Zuid", deck=deck, date=DAY)
    store.path_for(away.session.id).rename(elsewhere / "zuid.toml")
    (store.folder / "zuid-1.toml").symlink_to(elsewhere / "zuid.toml")
    (store.folder / "zuid-2.toml").symlink_to(elsewhere / "zuid.toml")
    (store.folder / "rondje.toml").symlink_to("rondje.toml")

    entries = store.list()
    assert sorted(e.id for e in entries) == [
        beside.session.id, "rondje", "zuid-1"
    ]
    assert {e.title for e in entries if e.error is None} == {"Noord", "Zuid"}
    assert next(e for e in entries if e.id == "rondje").error


# -- read-only files, disks and folders ---------------------------------------------------------


def test_a_read_only_file_is_refused_by_lock_and_save_and_left_alone(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(SessionReadOnlyError) as info:
        store.lock(path)
    message = str(info.value)
    assert str(path) in message and "alleen-lezen" in message
    assert "Wijzigingen worden niet opgeslagen." in message
    assert info.value.path == path
    session.notes["complexer"] = "mag er niet in"
    with pytest.raises(SessionReadOnlyError):
        store.save(session)
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    # Reading stays possible: the app opens it read-only.
    assert store.load(path).session.id == session.session.id


def test_a_read_only_disk_gives_read_only_not_a_traceback(tmpfs, deck):
    folder = tmpfs("stick")
    store, path, before = _session_in(folder / "sessions", deck)
    _remount_read_only(folder)
    with pytest.raises(SessionReadOnlyError) as info:
        store.lock(path)
    assert "alleen-lezen" in str(info.value) and str(path) in str(info.value)
    assert isinstance(info.value, StoreError)
    assert store.load(path).session.title == "Noord"
    with pytest.raises(StoreError):
        store.save(store.load(path))
    assert path.read_bytes() == before


def test_a_read_only_disk_where_the_folder_is_missing(tmpfs):
    folder = tmpfs("leeg")
    _remount_read_only(folder)
    store = SessionStore(folder / "sessions")
    with pytest.raises(SessionReadOnlyError, match="alleen-lezen"):
        store.lock(store.path_for("nieuw"))


def test_a_folder_without_write_permission_gives_read_only(store, deck, unwritable):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    before = path.read_bytes()
    unwritable(store.folder)
    with pytest.raises(SessionReadOnlyError) as info:
        store.lock(path)
    assert "geen toestemming" in str(info.value) and str(store.folder) in str(info.value)
    with pytest.raises(StoreError):
        store.save(session)
    assert path.read_bytes() == before


def test_a_folder_without_write_permission_but_an_old_lock_file(store, deck, unwritable):
    # The lock file from an earlier run can be opened, yet no save could make its temp file.
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    store.lock(path).release()
    unwritable(store.folder)
    with pytest.raises(SessionReadOnlyError, match="geen toestemming"):
        store.lock(path)


def test_no_free_inodes_gives_read_only(tmpfs, deck):
    folder = tmpfs("vol", "nr_inodes=64")
    store, path, before = _session_in(folder, deck)
    _fill_inodes(folder)
    with pytest.raises(SessionReadOnlyError) as info:
        store.lock(path)
    assert "inodes" in str(info.value) and str(path) in str(info.value)
    assert path.read_bytes() == before


def test_no_free_inodes_with_the_lock_file_already_there(tmpfs, deck):
    folder = tmpfs("vol", "nr_inodes=64")
    store, path, _ = _session_in(folder, deck)
    store.lock(path).release()
    _fill_inodes(folder)
    with pytest.raises(SessionReadOnlyError, match="inodes"):
        store.lock(path)
    # The lock was given back: once there is room again, the session opens normally.
    (folder / "vulsel-0").unlink()
    (folder / "vulsel-1").unlink()
    store.lock(path).release()


def test_the_lock_probe_leaves_no_file_behind(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    with store.lock(path):
        names = sorted(p.name for p in store.folder.iterdir())
    assert names == [path.name, f"{path.name}.lock", f"{path.name}.lock.pid"]


# -- folder modes ----------------------------------------------------------------------------


def test_the_sessions_folder_is_made_0700_whatever_the_umask(tmp_path, deck):
    old = os.umask(0)
    try:
        store = SessionStore(tmp_path / "nieuw" / "sessions")
        store.create(title="Noord", deck=deck, date=DAY)
    finally:
        os.umask(old)
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700


def test_an_existing_sessions_folder_keeps_its_mode(tmp_path, deck):
    folder = tmp_path / "sessions"
    folder.mkdir()
    folder.chmod(0o750)
    SessionStore(folder).create(title="Noord", deck=deck, date=DAY)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o750


# -- changed by someone else ------------------------------------------------------------------------


def test_a_hand_edit_while_open_is_detected_and_not_overwritten(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    opened = store.load(path)
    edited = path.read_text("utf-8").replace('title = "Noord"', 'title = "Noord (met de hand)"')
    path.write_text(edited, "utf-8")
    opened.notes["complexer"] = "getypt in de app"
    with pytest.raises(SessionChangedOnDiskError) as info:
        store.save(opened)
    message = str(info.value)
    assert str(path) in message and "gewijzigd" in message and "niets opgeslagen" in message
    assert info.value.path == path
    assert path.read_text("utf-8") == edited
    # Still refused on the next try: the app has to decide.
    with pytest.raises(SessionChangedOnDiskError):
        store.save(opened)


def test_keep_other_copies_the_other_version_then_writes(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    edited = path.read_text("utf-8").replace('title = "Noord"', 'title = "Ander"')
    path.write_text(edited, "utf-8")
    session.notes["complexer"] = "mijn versie"
    assert store.save(session, keep_other=True) == path
    kept = store.last_kept
    assert kept is not None and kept.parent == store.folder / KEPT_FOLDER
    assert kept.name.startswith(f"{session.session.id}-") and kept.suffix == ".toml"
    assert kept.read_text("utf-8") == edited
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    assert store.load(path).notes["complexer"] == "mijn versie"
    # The kept copies are not sessions of the folder.
    assert [entry.id for entry in store.list()] == [session.session.id]
    # Nothing changed since: a plain save works, and keep_other keeps nothing.
    store.save(session)
    store.save(session, keep_other=True)
    assert store.last_kept is None
    assert len(list(kept.parent.iterdir())) == 1


def test_two_other_versions_in_one_second_get_two_names(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    kept = []
    for n in range(2):
        path.write_text(path.read_text("utf-8") + f"\n# hand {n}\n", "utf-8")
        copy = store.keep_other_version(path)
        assert copy is not None
        kept.append(copy)
    assert kept[0] != kept[1]
    assert kept[0].read_text("utf-8").endswith("# hand 0\n")
    assert kept[1].read_text("utf-8").endswith("# hand 1\n")
    store.save(session)  # the store took the file as it is now


def test_a_touch_or_same_bytes_is_not_a_change(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    os.utime(path, ns=(1, 1))
    store.save(session)
    path.write_bytes(path.read_bytes())  # rewritten, same bytes
    store.save(session)


def test_an_editor_that_replaces_the_file_is_detected(store, deck, tmp_path):
    # Like vim or a sync tool: a new file renamed over the old one, same size.
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    text = path.read_text("utf-8").replace('title = "Noord"', 'title = "Zuid!"')
    new = tmp_path / "nieuw.toml"
    new.write_text(text, "utf-8")
    os.utime(new, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    os.replace(new, path)
    with pytest.raises(SessionChangedOnDiskError):
        store.save(session)


def test_only_paths_the_store_knows_are_checked(store, deck, tmp_path):
    session = store.create(title="Noord", deck=deck, date=DAY)
    other = tmp_path / "elders.toml"
    other.write_text("iets anders\n", "utf-8")
    # An explicit new target (a rescue copy, say) was never read: it is simply written.
    store.save(session, other)
    assert store.load(other).session.id == session.session.id
    # Another store (another window's) does not know what this one read.
    path = store.path_for(session.session.id)
    path.write_text(path.read_text("utf-8") + "\n# hand\n", "utf-8")
    SessionStore(store.folder).save(session)


def test_a_deleted_file_is_written_again(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    path.unlink()
    session.notes["complexer"] = "niet verloren"
    store.save(session)
    assert store.load(path).notes["complexer"] == "niet verloren"


def test_loading_again_takes_the_other_version_as_the_new_base(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = store.path_for(session.session.id)
    path.write_text(path.read_text("utf-8").replace('title = "Noord"', 'title = "Ander"'), "utf-8")
    reloaded = store.load(path)
    assert reloaded.session.title == "Ander"
    store.save(reloaded)


def test_a_change_through_a_symlink_is_detected(store, deck):
    session = store.create(title="Noord", deck=deck, date=DAY)
    real = store.path_for(session.session.id)
    alias = store.folder / "alias.toml"
    alias.symlink_to(real.name)
    opened = store.load(alias)
    real.write_text(real.read_text("utf-8") + "\n# hand\n", "utf-8")
    with pytest.raises(SessionChangedOnDiskError):
        store.save(opened, alias)


def test_a_sessions_folder_reached_through_a_symlink_still_detects_changes(tmp_path, deck):
    real_folder = tmp_path / "echt"
    real_folder.mkdir()
    (tmp_path / "via").symlink_to(real_folder)
    store = SessionStore(tmp_path / "via")
    session = store.create(title="Noord", deck=deck, date=DAY)
    path = real_folder / f"{session.session.id}.toml"
    path.write_text(path.read_text("utf-8") + "\n# hand\n", "utf-8")
    with pytest.raises(SessionChangedOnDiskError):
        store.save(session)
