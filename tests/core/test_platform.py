"""What differs between Linux, Windows and macOS is asked of one module, and the files are
still written whole and read safely when it answers as Windows or macOS would."""

from __future__ import annotations

import errno
import os
import re
import signal
import stat
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from patroon_tui.app.ending import install_signal_handlers
from patroon_tui.core import platform
from patroon_tui.core.files.access import NotRegularFileError, read_bytes_safely
from patroon_tui.core.files.store_errors import read_only_reason
from patroon_tui.core.files.user_files import pid_alive, replace_atomically
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.sessionfile.store import SessionStore, StoreError
from tests.platforms import SYSTEMS

PACKAGE = Path(__file__).resolve().parents[2] / "patroon_tui"
ONLY_ON_SOME_SYSTEMS = re.compile(r"signal\.SIG|os\.statvfs|O_NOFOLLOW|fcntl|termios")


def test_calls_that_exist_only_on_some_systems_are_only_in_the_platform_module():
    # Comments and docstrings too: a name there is where the next person puts the call.
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != PACKAGE / "core" / "platform.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ONLY_ON_SOME_SYSTEMS.search(line)
    ]
    assert found == []


def test_the_grep_finds_what_it_looks_for():
    assert ONLY_ON_SOME_SYSTEMS.search("for signum in (signal.SIGHUP, signal.SIGTERM):")
    assert ONLY_ON_SOME_SYSTEMS.search("flags |= os.O_NOFOLLOW")
    assert ONLY_ON_SOME_SYSTEMS.search("import termios")


# -- signals ------------------------------------------------------------------------------


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
def test_the_app_catches_the_signals_the_system_has(system):
    caught: list[int] = []
    previous = signal.getsignal(signal.SIGTERM)
    restore = install_signal_handlers(caught.append)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        assert caught == [signal.SIGTERM]
        assert not platform.current().is_hang_up(signal.SIGTERM)
    finally:
        restore()
    assert signal.getsignal(signal.SIGTERM) is previous
    names = {signal.Signals(s).name for s in platform.current().ending_signals()}
    assert names == ({"SIGTERM"} if system is not None and system.name == "windows"
                     else {"SIGHUP", "SIGTERM"})


def test_a_hang_up_is_a_terminal_gone():
    assert platform.current().is_hang_up(signal.SIGHUP)


# -- files --------------------------------------------------------------------------------


@pytest.mark.parametrize("system", ["windows"], indirect=True)
def test_a_replace_waits_for_a_reader_that_holds_the_file_open(tmp_path, system):
    target = tmp_path / "sessie.toml.zaal"
    target.write_bytes(b"oud")
    holder = system.hold_open_for(target, 0.05)
    replace_atomically(target, b"nieuw", mode=0o600, durable=False)
    holder.join()
    assert target.read_bytes() == b"nieuw"
    assert system.refused >= 1
    assert sorted(os.listdir(tmp_path)) == ["sessie.toml.zaal"]


@pytest.mark.parametrize("system", ["windows"], indirect=True)
def test_a_replace_refused_for_too_long_keeps_the_old_file_whole(tmp_path, system):
    target = tmp_path / "verslag.md"
    target.write_bytes(b"oud")
    with system.hold_open(target), pytest.raises(PermissionError):
        replace_atomically(target, b"nieuw", mode=None)
    assert target.read_bytes() == b"oud"
    assert sorted(os.listdir(tmp_path)) == ["verslag.md"]
    replace_atomically(target, b"nieuw", mode=None)
    assert target.read_bytes() == b"nieuw"


def test_on_linux_a_refused_replace_is_not_tried_again(tmp_path, monkeypatch):
    tries = []

    def refused(source, target):
        tries.append(target)
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(platform.current(), "replace_once", refused)
    with pytest.raises(PermissionError):
        replace_atomically(tmp_path / "x", b"x", mode=None)
    assert len(tries) == (len(platform.REPLACE_WAITS) + 1 if platform.current().name == "windows"
                          else 1)


@pytest.mark.parametrize("system", ["windows", "macos"], indirect=True)
def test_a_link_is_refused_where_no_link_is_followed(tmp_path, system):
    real = tmp_path / "echt"
    real.write_bytes(b"123\n")
    link = tmp_path / "sessie.toml.lock.pid"
    link.symlink_to(real)
    with pytest.raises(NotRegularFileError) as info:
        read_bytes_safely(link, limit=64, follow_links=False)
    assert info.value.errno == errno.ELOOP
    assert read_bytes_safely(link, limit=64) == b"123\n"


@pytest.mark.parametrize("system", ["windows"], indirect=True)
def test_a_link_put_in_place_after_the_look_is_refused_without_the_flag(
        tmp_path, system, monkeypatch):
    # Windows has no flag that refuses a link at the open: the file opened is compared
    # with the file looked at.
    name = tmp_path / "sessie.toml.zaal"
    name.write_bytes(b"{}")
    secret = tmp_path / "geheim"
    secret.write_bytes(b"geheim")
    opened = system.open_fd

    def swapped_first(path, flags, mode=0o777):
        os.unlink(path)
        os.symlink(secret, path)
        return opened(path, flags, mode)

    monkeypatch.setattr(system, "open_fd", swapped_first)
    with pytest.raises(NotRegularFileError):
        read_bytes_safely(name, limit=64, follow_links=False)


@pytest.mark.parametrize("system", ["windows"], indirect=True)
def test_a_file_numbered_differently_once_open_is_still_read(tmp_path, system, monkeypatch):
    # Windows may give the open file a file id of another length than its name has.
    name = tmp_path / "sessie.toml.zaal"
    name.write_bytes(b"{}")
    real_fstat = os.fstat

    def other_number(fd):
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, info.st_ino + 1, *info[2:10]))

    monkeypatch.setattr(os, "fstat", other_number)
    assert read_bytes_safely(name, limit=64, follow_links=False) == b"{}"


def test_a_reparse_point_that_names_another_path_counts_as_a_link():
    # As os.lstat describes them on Windows: a junction (a folder with the reparse
    # attribute and the mount point's tag), a file kept by OneDrive (a reparse point of
    # its own kind), a plain file.
    junction = SimpleNamespace(st_mode=stat.S_IFDIR | 0o777, st_file_attributes=0x400,
                               st_reparse_tag=0xA0000003)
    cloud = SimpleNamespace(st_mode=stat.S_IFREG | 0o666, st_file_attributes=0x420,
                            st_reparse_tag=0x9000601A)
    plain = SimpleNamespace(st_mode=stat.S_IFREG | 0o600, st_file_attributes=0x20)
    assert platform.current().is_link(junction)  # type: ignore[arg-type]
    assert not platform.current().is_link(cloud)  # type: ignore[arg-type]
    assert not platform.current().is_link(plain)  # type: ignore[arg-type]


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
def test_a_read_only_disk_is_named_where_the_system_cannot_be_asked(tmp_path, system):
    refused = OSError(errno.EROFS, "Read-only file system")
    assert "alleen-lezen" in read_only_reason(tmp_path, refused)
    denied = PermissionError(errno.EACCES, "Permission denied")
    assert "geen toestemming" in read_only_reason(tmp_path, denied)


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
def test_whether_a_process_lives_is_asked_without_ending_it(system):
    # As on Windows, os.kill(pid, 0) fails the test (there it would end the process).
    assert pid_alive(os.getpid())
    child = os.fork() if hasattr(os, "fork") else None
    if child == 0:
        os._exit(0)
    assert child is not None
    os.waitpid(child, 0)
    assert not pid_alive(child)


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
def test_a_session_is_saved_created_locked_and_read_back(tmp_path, system):
    deck = load_deck()
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Wijkteam Noord", deck=deck)
    path = store.path_for(session.session.id)
    with store.lock(path):
        session.notes["welkom"] = "Tot hier getypt é"
        store.save(session, path)
    assert store.load(path).notes["welkom"] == "Tot hier getypt é"


@pytest.mark.parametrize("system", ["windows"], indirect=True)
def test_a_session_held_open_elsewhere_is_not_lost(tmp_path, system):
    # A backup program or a virus scanner holds the session open on Windows: the save is
    # refused, the file keeps the last version, and the next save after it lets go works.
    deck = load_deck()
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Wijkteam Noord", deck=deck)
    path = store.path_for(session.session.id)
    before = path.read_bytes()
    session.notes["welkom"] = "Het woord"
    with system.hold_open(path), pytest.raises(StoreError):
        store.save(session, path)
    assert path.read_bytes() == before
    store.save(session, path)
    assert store.load(path).notes["welkom"] == "Het woord"


def test_the_platform_can_be_switched_and_put_back():
    before = platform.current()
    restore = platform.use(platform.Platform("windows"))
    try:
        assert platform.current().name == "windows"
        assert not platform.current().syncs_folders
        assert platform.current().replace_waits == platform.REPLACE_WAITS
    finally:
        restore()
    assert platform.current() is before


def test_threads_share_the_answer():
    seen = []
    thread = threading.Thread(target=lambda: seen.append(platform.current()))
    thread.start()
    thread.join()
    assert seen == [platform.current()]


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
def test_the_awake_clock_runs_on_every_system(system):
    from patroon_tui.core.model.timekeeping import awake_seconds

    first = awake_seconds()
    assert awake_seconds() >= first > 0


# -- the terminal -------------------------------------------------------------------------


@pytest.mark.parametrize("system", SYSTEMS, indirect=True)
def test_the_flow_keys_reach_the_app_and_the_terminal_gets_its_setting_back(
        system, monkeypatch):
    import termios

    leader, follower = os.openpty()
    try:
        settings = termios.tcgetattr(follower)
        settings[0] |= termios.IXON
        termios.tcsetattr(follower, termios.TCSANOW, settings)
        with os.fdopen(os.dup(follower), "r") as terminal:
            monkeypatch.setattr("sys.stdin", terminal)
            restore = platform.current().pass_flow_keys()
            on_windows = system is not None and system.name == "windows"
            assert bool(termios.tcgetattr(follower)[0] & termios.IXON) == on_windows
            restore()
            assert termios.tcgetattr(follower)[0] & termios.IXON
    finally:
        os.close(leader)
        os.close(follower)


@pytest.mark.parametrize("closed", [False, True], ids=["a-file", "input-closed"])
def test_without_a_terminal_the_flow_keys_are_left_alone(monkeypatch, tmp_path, closed):
    import termios

    set_to: list[object] = []
    monkeypatch.setattr(termios, "tcsetattr", lambda *args: set_to.append(args))
    with open(tmp_path / "invoer", "w+") as not_a_terminal:
        # Input closed (``<&-``): Python has no ``sys.stdin`` at all.
        monkeypatch.setattr("sys.stdin", None if closed else not_a_terminal)
        platform.current().pass_flow_keys()()
    assert set_to == []
