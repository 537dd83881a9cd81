"""Text made safe for a terminal: :func:`printable` shows control characters and escape
sequences (from a shared file, a deck, a typed name) as ``\\x1b`` instead of letting them
act on the terminal; :data:`KEPT_CONTROLS` are the ones a typed text keeps.
"""

from __future__ import annotations

import functools
import re

__all__ = ["KEPT_CONTROLS", "printable"]


# Characters that act on a terminal or on how the text around them is shown: C0 controls
# (ESC starts the sequences that retitle a window or clear the screen), DEL, C1 controls
# (0x9b is a one-byte CSI in some terminals), line and paragraph separators, and the bidi
# controls that make text display in another order than it is stored.
_UNPRINTABLE_CHARS = (
    "".join(map(chr, range(0x20))) + "".join(map(chr, range(0x7F, 0xA0)))
    + "\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_UNPRINTABLE = re.compile(f"[{re.escape(_UNPRINTABLE_CHARS)}]")


@functools.lru_cache(maxsize=8)
def _unprintable_but(keep: str) -> re.Pattern[str]:
    # The characters kept are left out of the pattern rather than matched and given back:
    # a note of thousands of lines made as many Python calls (50 ms for a large session).
    return re.compile(f"[{re.escape(''.join(c for c in _UNPRINTABLE_CHARS if c not in keep))}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


#: Control characters a typed text keeps as they are: tabs, the line ends Python knows
#: (``\r\n`` from Windows, form feeds, U+2028 …: the text fields show each as a new line,
#: and a session file gives them back unchanged) and the bidi marks (not overrides) that
#: right-to-left names can need. None of them starts an escape sequence.
KEPT_CONTROLS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\u200e\u200f\u061c"


def printable(text: object, *, keep: str = "") -> str:
    """``text`` safe for a terminal: each control character shown as ``\\x1b`` or ``\\u202e``.

    ``keep`` lists control characters that stay as they are (``"\\n"`` for a message of
    several lines). Everything else is left alone, so the result of an already printable
    text is the same text.
    """
    text = str(text)
    if text.isprintable():
        # Every character of the pattern is unprintable to Python too: nothing to escape,
        # found at C speed (most texts of a session, read on every opening).
        return text
    if keep:
        return _unprintable_but(keep).sub(_escape, text)
    return _UNPRINTABLE.sub(_escape, text)
