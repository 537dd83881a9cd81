"""Documents written whole or not at all; files read as text or refused by name."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from patroon_tui.core.files.user_files import (
    FolderNotSynced,
    TextFileError,
    read_text,
    replace_atomically,
    write_new,
    write_text_atomic,
)

TEXT = "# Verslag\r\n\nJa, \"\"\"elke\"\"\" week \U0001f3e0 \u202eרוב\n"


def names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_write_creates_the_file_with_exactly_the_text(tmp_path):
    target = tmp_path / "verslag.md"
    write_text_atomic(target, TEXT)
    assert target.read_bytes() == TEXT.encode("utf-8")
    assert names(tmp_path) == ["verslag.md"]


def test_a_written_document_is_ordinary_not_private(tmp_path):
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "verslag.md", TEXT)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "verslag.md").stat().st_mode) == 0o644


def test_write_replaces_an_existing_file_whole(tmp_path):
    target = tmp_path / "verslag.md"
    target.write_text("oud verslag\n" * 1000, encoding="utf-8")
    write_text_atomic(target, TEXT)
    assert target.read_bytes() == TEXT.encode("utf-8")
    assert names(tmp_path) == ["verslag.md"]


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "verslag.md"
    target.write_bytes(b"oud verslag\n")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_text_atomic(target, TEXT)
    assert target.read_bytes() == b"oud verslag\n"
    assert names(tmp_path) == ["verslag.md"]


def test_a_failed_rename_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "verslag.md"
    target.write_bytes(b"oud verslag\n")

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(PermissionError):
        write_text_atomic(target, TEXT)
    assert target.read_bytes() == b"oud verslag\n"
    assert names(tmp_path) == ["verslag.md"]


def test_writing_onto_a_folder_is_refused_naming_it(tmp_path):
    with pytest.raises(IsADirectoryError) as info:
        write_text_atomic(tmp_path, TEXT)
    assert info.value.filename == str(tmp_path)


def test_writing_into_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_text_atomic(tmp_path / "nergens" / "verslag.md", TEXT)
    assert names(tmp_path) == []


def test_a_pipe_is_written_to_not_replaced(tmp_path):
    # `-o /dev/stdout` and the like: a rename would put a plain file where the pipe was.
    pipe = tmp_path / "pijp"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_text_atomic(pipe, TEXT)
    reader.join(timeout=10)
    assert received == [TEXT.encode("utf-8")]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert names(tmp_path) == ["pijp"]


def test_read_text_gives_the_text_exactly(tmp_path):
    path = tmp_path / "sessie.toml"
    path.write_bytes(TEXT.encode("utf-8"))
    assert read_text(path, "Sessiebestand") == TEXT


@pytest.mark.parametrize(
    "make, expected, missing",
    [
        (lambda p: None, "Sessiebestand {p} bestaat niet.", True),
        (lambda p: p.mkdir(), "Sessiebestand {p} is een map, geen bestand.", False),
        (lambda p: os.mkfifo(p), "Sessiebestand {p} is geen gewoon bestand.", False),
        (
            lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe"),
            "Sessiebestand {p} is geen tekstbestand (geen UTF-8).",
            False,
        ),
    ],
    ids=["missing", "folder", "pipe", "binary"],
)
def test_read_text_refuses_what_is_not_a_text_file_by_name(tmp_path, make, expected, missing):
    path = tmp_path / "sessie.toml"
    make(path)
    with pytest.raises(TextFileError) as info:
        read_text(path, "Sessiebestand")
    assert str(info.value) == expected.format(p=path)
    assert info.value.missing is missing


def test_read_text_of_an_unreadable_file_says_why(tmp_path, monkeypatch):
    # Tests may run as root, for whom permissions do not apply: raise what the OS would.
    path = tmp_path / "sessie.toml"
    path.write_text("x = 1\n", encoding="utf-8")

    real_open = os.open

    def refused(name, *args, **kwargs):
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(TextFileError) as info:
        read_text(path, "Deckbestand")
    assert str(info.value) == f"Deckbestand {path} kan niet worden gelezen: geen toegang."


# -- the one atomic write ----------------------------------------------------------------------


def test_every_file_is_written_through_the_one_atomic_write():
    # A rename or link of a temp file anywhere else would be a second way to write, with its
    # own chances to leave half a file or write through a link.
    # The rename itself is the platform module's (Windows may need a second try); only
    # the one atomic write calls it.
    package = Path(__file__).resolve().parents[2] / "patroon_tui"
    allowed = {package / "core" / "files" / "access.py", package / "core" / "platform.py"}
    found = []
    for module in package.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        for call in ("os.replace(", "os.rename(", "os.link(", ".rename(", ".replace(tmp",
                     ".replace(source"):
            if call in text and module not in allowed:
                found.append(f"{module.relative_to(package)}: {call}")
    assert found == []


def test_a_refused_temp_file_changes_nothing(tmp_path):
    target = tmp_path / "sessie.toml"
    target.write_bytes(b"oud")

    def refuse(tmp: Path) -> None:
        assert tmp.read_bytes() == b"nieuw" and tmp.parent == tmp_path
        raise ValueError("niet wat er geschreven werd")

    with pytest.raises(ValueError):
        replace_atomically(target, b"nieuw", mode=0o600, verify=refuse)
    assert target.read_bytes() == b"oud" and names(tmp_path) == ["sessie.toml"]


def test_a_new_name_is_never_a_file_that_is_there(tmp_path):
    target = tmp_path / "kopie.toml"
    target.write_bytes(b"van een ander")
    with pytest.raises(FileExistsError):
        replace_atomically(target, b"van mij", mode=0o600, exclusive=True)
    assert target.read_bytes() == b"van een ander" and names(tmp_path) == ["kopie.toml"]
    (tmp_path / "kopie-2.toml").write_bytes(b"ook van een ander")
    assert write_new(tmp_path, "kopie", ".toml", b"van mij", mode=0o600) == tmp_path / "kopie-3.toml"
    assert (tmp_path / "kopie-3.toml").read_bytes() == b"van mij"
    assert stat.S_IMODE((tmp_path / "kopie-3.toml").stat().st_mode) == 0o600
    assert (tmp_path / "kopie-2.toml").read_bytes() == b"ook van een ander"


def test_a_link_at_the_name_is_replaced_not_written_through(tmp_path):
    elsewhere = tmp_path / "elders.txt"
    elsewhere.write_bytes(b"niet aankomen")
    target = tmp_path / "sessie.zaal"
    target.symlink_to(elsewhere)
    replace_atomically(target, b"{}", mode=0o600, durable=False)
    assert not target.is_symlink() and target.read_bytes() == b"{}"
    assert elsewhere.read_bytes() == b"niet aankomen"


def test_an_unconfirmed_folder_sync_says_the_file_is_in_place(tmp_path, monkeypatch):
    from patroon_tui.core.files import access as file_access

    target = tmp_path / "sessie.toml"

    def no_sync(folder: Path) -> None:
        raise OSError(5, "schrijffout van de schijf")

    monkeypatch.setattr(file_access, "fsync_folder", no_sync)
    with pytest.raises(FolderNotSynced) as error:
        replace_atomically(target, b"nieuw", mode=0o600)
    assert target.read_bytes() == b"nieuw"
    assert error.value.info.st_ino == target.stat().st_ino
    assert names(tmp_path) == ["sessie.toml"]
