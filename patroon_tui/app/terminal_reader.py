"""Textual's terminal reader, given a decoder that takes what a terminal really sends: an
invalid byte, and an escape inside a bracketed paste (``read_terminal_safely``; used by
``key_routing.KeyRoutedApp``).

``tests/app/test_keyboard_upstream.py`` fails once Textual's reader does this by itself.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

from patroon_tui.core.text.terminal_safe import printable


def read_terminal_safely() -> None:
    """Textual's terminal reader gets a decoder that takes what a terminal really sends.

    - An invalid UTF-8 byte (0xFF, or "é" from a Latin-1 terminal) becomes U+FFFD. Textual
      decodes strictly (Textual #6456, fix proposed in PR #6498): the reader's thread
      raised, the app panicked and the last keys were in no file.
    - An escape inside a bracketed paste is passed on in its visible form (``\\x1b``, as
      pasted control characters are shown everywhere): Textual's reader ended the paste
      there and sent the rest as keys before it (no upstream issue found).

    The reader takes its decoder from the name ``getincrementaldecoder`` in its module
    (``textual.drivers.linux_driver``), which is given ``terminal_decoder``.
    """
    from textual.drivers import linux_driver

    if linux_driver.getincrementaldecoder is not terminal_decoder:
        # A module's name replaced on purpose: the reader only calls it as
        # ``getincrementaldecoder("utf-8")().decode``, which ``terminal_decoder`` answers;
        # typeshed's overloads name codecs' own decoder classes.
        linux_driver.getincrementaldecoder = terminal_decoder  # type: ignore[assignment]


def terminal_decoder(encoding: str) -> Callable[..., TerminalDecoder]:
    """``codecs.getincrementaldecoder`` for Textual's terminal reader."""

    def make(errors: str = "strict") -> TerminalDecoder:
        return TerminalDecoder(encoding)

    return make


PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


def held_back(text: str, marker: str, *, least: int) -> int:
    """How many characters at the end of ``text`` may be the start of ``marker`` (at least
    ``least`` of them, else 0)."""
    return next((n for n in range(len(marker) - 1, least - 1, -1)
                 if text.endswith(marker[:n])), 0)


class TerminalDecoder:
    """Decodes what the terminal sends (see ``read_terminal_safely``), read by read."""

    def __init__(self, encoding: str) -> None:
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._in_paste = False
        self._held = ""  # the end of a read that may be the start of the paste's end
        self._after_escape = False

    def decode(self, data: bytes, final: bool = False) -> str:
        text = self._held + self._decoder.decode(data, final)
        self._held = ""
        out: list[str] = []
        start = 0
        if self._after_escape and not self._in_paste:
            # The last read ended on an escape (never held: it may be the escape key);
            # this one may go on with the rest of a paste's start.
            if text.startswith(PASTE_START[1:]):
                out.append(PASTE_START[1:])
                start = len(PASTE_START) - 1
                self._in_paste = True
            elif text and PASTE_START[1:].startswith(text) and not final:
                self._held = text
                return ""
        while start < len(text):
            if not self._in_paste:
                found = text.find(PASTE_START, start)
                if found < 0:
                    rest = text[start:]
                    # A paste's start cut in two by the read: wait for the rest. (A lone
                    # escape is never held: it is the escape key.)
                    waiting = 0 if final else held_back(rest, PASTE_START, least=2)
                    self._held = rest[len(rest) - waiting:]
                    out.append(rest[:len(rest) - waiting])
                    break
                end = found + len(PASTE_START)
                out.append(text[start:end])
                start = end
                self._in_paste = True
                continue
            found = text.find(PASTE_END, start)
            pasted = text[start:] if found < 0 else text[start:found]
            if found < 0 and not final:
                waiting = held_back(pasted, PASTE_END, least=1)
                self._held = pasted[len(pasted) - waiting:]
                pasted = pasted[:len(pasted) - waiting]
            out.append(pasted.replace("\x1b", printable("\x1b")))
            if found < 0:
                break
            out.append(PASTE_END)
            start = found + len(PASTE_END)
            self._in_paste = False
        decoded = "".join(out)
        self._after_escape = decoded.endswith("\x1b") and not self._in_paste
        return decoded
