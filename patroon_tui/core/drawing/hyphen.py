"""Where a Dutch word may be broken across lines: :func:`break_points`, :func:`load`, :func:`ready`.

The points come from pyphen's Dutch dictionary (``nl_NL``, the LibreOffice patterns). Reading
that dictionary takes a fifth of a second, so nothing here reads it at import: :func:`load`
does, once, and is safe to call from a thread; the app calls it in the background after its
first screen is shown, and a drawing made before that simply breaks words without it.

Only the dictionary's plain break points are used. Its "nonstandard" ones change the letters
at the break (as old Dutch spelling did), and a drawing must show the words as they were
typed.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Protocol

__all__ = ["break_points", "load", "ready"]

_LEFT = 2  # letters a broken word keeps before the hyphen
_RIGHT = 3  # and after it: no line starts with a stub such as "es"


class _Hyphenator(Protocol):
    def positions(self, word: str) -> list[int]: ...


_lock = threading.Lock()
_dictionary: _Hyphenator | None = None


def load() -> None:
    """Read the Dutch dictionary if it has not been read yet (blocks while another thread does)."""
    global _dictionary
    if _dictionary is not None:
        return
    with _lock:
        if _dictionary is None:
            import pyphen

            _dictionary = pyphen.Pyphen(lang="nl_NL", left=_LEFT, right=_RIGHT)


def ready() -> bool:
    """Whether the dictionary has been read, so breaking words costs no waiting."""
    return _dictionary is not None


@lru_cache(maxsize=4096)
def break_points(word: str) -> tuple[int, ...]:
    """Character offsets in ``word`` where a hyphen may go, in order; reads the dictionary
    the first time. Punctuation around the word (quotes, brackets, a full stop) is left out
    of the lookup, and a point is kept only between two letters."""
    load()
    assert _dictionary is not None
    start = 0
    end = len(word)
    while start < end and not word[start].isalpha():
        start += 1
    while end > start and not word[end - 1].isalpha():
        end -= 1
    core = word[start:end]
    if len(core) < _LEFT + _RIGHT:
        return ()
    points = []
    for point in _dictionary.positions(core):
        if getattr(point, "data", None):
            continue  # a nonstandard break, which would change the letters
        at = start + int(point)
        if word[at - 1].isalpha() and word[at].isalpha():
            points.append(at)
    return tuple(points)
