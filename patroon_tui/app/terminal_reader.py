"""Textual's terminal reader, given a decoder that takes what a terminal really sends: an
invalid byte, an escape inside a bracketed paste, and an escape followed by a key that
Textual would read together with it (``read_terminal_safely``; used by
``key_routing.KeyRoutedApp``).

``tests/app/test_keyboard_upstream.py`` fails once Textual's reader does this by itself.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from textual import constants

from patroon_tui.core.text.terminal_safe import printable


def read_terminal_safely() -> None:
    """Textual's terminal reader gets a decoder that takes what a terminal really sends.

    - An invalid UTF-8 byte (0xFF, or "é" from a Latin-1 terminal) becomes U+FFFD. Textual
      decodes strictly (Textual #6456, fix proposed in PR #6498): the reader's thread
      raised, the app panicked and the last keys were in no file.
    - An escape inside a bracketed paste is passed on in its visible form (``\\x1b``, as
      pasted control characters are shown everywhere): Textual's reader ended the paste
      there and sent the rest as keys before it (no upstream issue found).
    - An escape and the key after it are kept apart where Textual reads the two as one
      other key: Esc f and Esc b as ctrl+→/ctrl+← (macOS Terminal sends them for
      Option+→/←), Esc and a digit as "¡", "™", …, Esc backspace as "delete a word". A
      fast Esc then f lost both keys. Such an escape, and an escape read on its own (the
      Esc key: the next key may follow within Textual's escape delay), is passed on as
      the escape key's own sequence, as terminals with the kitty keyboard protocol send
      it; the key after it is then read as typed.

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

#: The escape key as the kitty keyboard protocol sends it: read as escape, whatever follows.
ESCAPE_KEY = "\x1b[27u"
#: An escape before a key that Textual's reader takes together with it as another key.
_GLUED = re.compile("\x1b(?=[fb0-9\\-=§\x7f\t])")
#: A read this short is everything the terminal had sent: an escape at its end was
#: written on its own (the Esc key), not cut from a sequence by the reader's buffer.
WHOLE_READ = 1024


def escape_apart(text: str, *, ends_read: bool) -> str:
    """``text`` (outside a paste) with each escape that Textual would read together with
    the key after it given as :data:`ESCAPE_KEY`; with ``ends_read``, a last escape too."""
    if constants.DISABLE_KITTY_KEY:
        return text  # the reader would not know the escape key's own sequence
    text = _GLUED.sub(lambda _glued: ESCAPE_KEY, text)
    if ends_read and text.endswith("\x1b"):
        text = text[:-1] + ESCAPE_KEY
    return text


def _whole(data: bytes) -> bool:
    """Whether a read ends on an escape byte the terminal sent last, on its own: not a
    read that filled the reader's buffer (it may have cut a sequence after its escape)."""
    return data.endswith(b"\x1b") and len(data) < WHOLE_READ


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
                    out.append(escape_apart(rest[:len(rest) - waiting],
                                            ends_read=not waiting and _whole(data)))
                    break
                end = found + len(PASTE_START)
                out.append(escape_apart(text[start:found], ends_read=False) + PASTE_START)
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
