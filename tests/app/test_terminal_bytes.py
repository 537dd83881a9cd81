"""What a terminal really sends: an invalid UTF-8 byte, an escape inside a bracketed paste.

In a real pseudo-terminal the app reads them with Textual's own reader, given the decoder
of ``patroon_tui.app.terminal_reader`` (``read_terminal_safely``); the decoder itself is shown
to give the same text however the terminal's bytes are cut into reads.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings, strategies as st

from patroon_tui.app.terminal_reader import (
    ESCAPE_KEY,
    PASTE_END,
    PASTE_START,
    WHOLE_READ,
    TerminalDecoder,
    escape_apart,
)
from patroon_tui.core.model.deck import load_deck
from patroon_tui.core.sessionfile.store import SessionStore
from tests.app.test_signals import F2, read_until, start_app, wait_for_end

CTRL_Q = b"\x11"


def notes_after(tmp_path, typed: list[bytes]) -> str:
    """Open the notes of the first screen in a real terminal, send each of ``typed`` as
    one write, quit with ctrl+q, and give back what the file holds."""
    store = SessionStore(tmp_path / "sessies")
    session = store.create(title="Bytes", deck=load_deck())
    pid, fd = start_app(store, session.session.id)
    try:
        read_until(fd, "Volgende".encode())
        os.write(fd, F2)
        read_until(fd, "esc terug".encode())
        for chunk in typed:
            os.write(fd, chunk)
        read_until(fd, b"EINDE")
        os.write(fd, CTRL_Q)
        wait_for_end(pid, fd)
    finally:
        os.close(fd)
    return store.load(session.session.id).notes.get("programma", "")


def test_an_invalid_byte_from_the_terminal_is_shown_and_typing_goes_on(tmp_path):
    """0xFF, and "é" from a Latin-1 terminal (0xE9): each is U+FFFD and the app goes on
    (it used to end with a traceback, the last words in no file)."""
    text = notes_after(tmp_path, [b"ab\xffcd", b" caf\xe9 ", "weer goed é EINDE".encode()])
    assert text == "ab\ufffdcd caf\ufffd weer goed é EINDE"


def test_an_escape_inside_a_paste_keeps_the_order_and_is_shown(tmp_path):
    """"Y1␛[31mY2 einde" pasted between typed words used to be saved as
    "^[31mY2 eindeY1": the paste was cut at the escape and its start came last."""
    pasted = b"\x1b[200~Y1\x1b[31mY2 einde\x1b[201~"
    text = notes_after(tmp_path, [b"X0 ", pasted, b" EINDE"])
    assert text == "X0 Y1\\x1b[31mY2 einde EINDE"


def decode_in_reads(data: bytes, cuts: list[int]) -> str:
    decoder = TerminalDecoder("utf-8")
    points = sorted({c for c in cuts if 0 < c < len(data)})
    pieces = [data[a:b] for a, b in zip([0, *points], [*points, len(data)], strict=True)]
    return "".join(decoder.decode(piece) for piece in pieces) + decoder.decode(b"", True)


TEXT = st.text(st.sampled_from(["a", "é", "🙂", " ", "\x1b", "[", "2", "0", "1", "~"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(before=TEXT, pasted=TEXT, after=TEXT,
       cuts=st.lists(st.integers(min_value=0, max_value=120), max_size=6))
def test_the_decoder_gives_the_same_text_however_the_reads_fall(before, pasted, after, cuts):
    """Outside a paste the text is as sent, but for an escape Textual would read together
    with the digit after it; inside, every escape is its visible form; where the
    terminal's bytes are cut into reads changes nothing (but for a read that ends on an
    escape outside a paste: that one is the Esc key)."""
    if PASTE_START in before or PASTE_END in pasted or PASTE_START in pasted:
        return
    if before.endswith("\x1b") or (before + PASTE_START).count(PASTE_START) != 1:
        return
    data = (before + PASTE_START + pasted + PASTE_END + after).encode()
    # A short read ending on an escape outside a paste is the Esc key, sent on its own: a
    # paste's start is cut after its escape only by a full read (the test below).
    cuts = [c for c in cuts if c > len(before.encode()) + 1 or data[c - 1:c] != b"\x1b"]
    expected = (escape_apart(before, ends_read=False) + PASTE_START
                + pasted.replace("\x1b", "\\x1b") + PASTE_END)
    assert decode_in_reads(data, cuts).startswith(expected)


@pytest.mark.parametrize(("sent", "decoded"), [
    (b"\x1bf", ESCAPE_KEY + "f"),  # macOS Terminal's Option+right, or Esc f typed fast
    (b"\x1bb", ESCAPE_KEY + "b"),
    (b"\x1b1", ESCAPE_KEY + "1"),  # Textual would read "!" upside down
    (b"\x1b\x7f", ESCAPE_KEY + "\x7f"),  # Textual would delete a word
    (b"\x1b", ESCAPE_KEY),  # the Esc key on its own: the next key is not glued to it
    (b"\x1bja", "\x1bja"),  # alt+j: the app reads it as Esc j (key_routing.as_typed)
    (b"\x1b[1;3C", "\x1b[1;3C"),  # Alt+right from iTerm2
    (b"\x1b[6~", "\x1b[6~"),  # PageDown
    (b"\x1bOQ", "\x1bOQ"),  # F2
])
def test_an_escape_is_kept_apart_from_the_key_after_it(sent, decoded):
    assert TerminalDecoder("utf-8").decode(sent) == decoded


def test_an_escape_at_the_end_of_a_full_read_may_be_cut_from_a_sequence():
    # A read that filled the reader's buffer may end inside a sequence: left as it is, and
    # a paste's start cut there is still a paste's start.
    decoder = TerminalDecoder("utf-8")
    first = decoder.decode(b"a" * (WHOLE_READ - 1) + b"\x1b")
    assert first.endswith("a\x1b")
    rest = decoder.decode(b"[200~Y1\x1bY2\x1b[201~ b")
    assert first[-1:] + rest == PASTE_START + "Y1\\x1bY2" + PASTE_END + " b"


def test_an_invalid_byte_in_any_read_becomes_a_replacement_character():
    assert decode_in_reads(b"ab\xffcd\xe9f", [3]) == "ab\ufffdcd\ufffdf"
