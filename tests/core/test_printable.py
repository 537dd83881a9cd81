"""``printable``: text from a shared file made safe to print to a terminal."""

from __future__ import annotations

import pytest

from patroon_tui.core.text.terminal_safe import printable


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Wijkteam Noord", "Wijkteam Noord"),
        ("a\x1b]0;titel\x07b", "a\\x1b]0;titel\\x07b"),
        ("\x1b[2J\x1b[?1049h", "\\x1b[2J\\x1b[?1049h"),
        ("nul\x00del\x7f", "nul\\x00del\\x7f"),
        ("csi\x9b31m", "csi\\x9b31m"),
        ("regel\nnog een\ttab\r", "regel\\x0anog een\\x09tab\\x0d"),
        ("abc\u202edcb", "abc\\u202edcb"),
        ("\u2066iso\u2069 \u200f", "\\u2066iso\\u2069 \\u200f"),
        ("scheiding\u2028", "scheiding\\u2028"),
        ("emoji 🙂, שלום, é, C:\\pad", "emoji 🙂, שלום, é, C:\\pad"),
    ],
)
def test_control_characters_are_shown_escaped(raw, shown):
    assert printable(raw) == shown


def test_keep_leaves_the_named_characters_alone():
    assert printable("een\ntwee\x1b", keep="\n") == "een\ntwee\\x1b"


def test_printable_text_is_left_as_it_is():
    once = printable("x\x1b[31m\u202e")
    assert printable(once) == once


def test_anything_is_turned_into_text():
    assert printable(OSError("pad\x1b")) == "pad\\x1b"
