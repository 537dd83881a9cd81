"""The Dutch wording of errors: what a user reads when the disk, TOML or a field is wrong."""

from __future__ import annotations

import errno
import os

import pytest
from pydantic import BaseModel, ValidationError

from patroon_tui.core.sessionfile.store import SessionFileError, loads_session
from patroon_tui.core.text.wording import (
    failed_sentence,
    field_path,
    os_reason,
    pydantic_detail,
    toml_reason,
)


@pytest.mark.parametrize(
    ("code", "dutch"),
    [
        (errno.ENOSPC, "de schijf is vol"),
        (errno.EACCES, "geen toegang"),
        (errno.EPERM, "geen toegang"),
        (errno.EROFS, "de schijf is alleen-lezen"),
        (errno.ENOENT, "de map bestaat niet"),
        (errno.EIO, "schrijffout van de schijf"),
    ],
)
def test_common_os_errors_are_said_in_dutch(code, dutch):
    assert os_reason(OSError(code, os.strerror(code))) == dutch


def test_an_uncommon_os_error_keeps_the_system_text():
    assert os_reason(OSError(errno.ELOOP, "Too many levels of symbolic links")) == (
        "Too many levels of symbolic links"
    )


def test_a_command_stopped_by_the_system_says_so_with_the_file():
    denied = PermissionError(errno.EACCES, "Permission denied", "/tmp/verslag.pdf")
    assert failed_sentence(denied) == "Dat lukte niet met /tmp/verslag.pdf: geen toegang."
    assert failed_sentence(OSError(errno.EIO, "I/O error")) == (
        "Dat lukte niet: schrijffout van de schijf.")


def test_toml_reasons_are_dutch_and_keep_the_key():
    assert toml_reason("Cannot declare ('tables', 'answers') twice") == (
        "de kop [tables.answers] staat er twee keer in"
    )
    assert toml_reason("Something tomllib may say one day") == "Something tomllib may say one day"


class _Example(BaseModel):
    count: int
    ratio: float


def test_pydantic_detail_is_dutch_where_known_and_pydantic_text_otherwise():
    with pytest.raises(ValidationError) as info:
        _Example.model_validate({"count": "veel", "ratio": "half"})
    count, ratio = info.value.errors()
    assert field_path(count["loc"]) == "count"
    assert pydantic_detail(count) == "moet een geheel getal zijn"
    assert pydantic_detail(ratio) == ratio["msg"]


def test_a_toml_error_gives_line_and_column_in_dutch():
    text = 'format = "patroon-session"\nformat_version = 1\n[session]\nid = ?\n'
    with pytest.raises(SessionFileError) as info:
        loads_session(text, "/pad/x.toml")
    assert str(info.value) == (
        "Sessiebestand /pad/x.toml is geen geldige TOML (regel 4, kolom 6): ongeldige waarde."
    )
