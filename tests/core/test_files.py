"""Documents written whole or not at all; files read as text or refused by name."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from patroon_tui.core.files import TextFileError, read_text, write_text_atomic

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
