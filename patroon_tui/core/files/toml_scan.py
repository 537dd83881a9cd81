"""What ``tomllib`` must not be given, and what no TOML writer can write back.

Any TOML file the program reads (a session, a deck) goes through these before it is
trusted: :func:`scan_text` finds in the raw text a UTF-8 byte order mark, lists or inline
tables nested deeper than :data:`MAX_DEPTH` (the parser would run out of stack) and digit
runs longer than :data:`MAX_DIGITS` (Python would refuse to convert them);
:func:`data_problem` finds in the parsed data nesting deeper than :data:`MAX_DEPTH` and
integers outside TOML's signed 64-bit range. Each gives where and the Dutch part of a
sentence; the caller names the file.
"""

from __future__ import annotations

import re
from typing import Any

from patroon_tui.core.text.wording import field_path

__all__ = ["INT_MAX", "INT_MIN", "MAX_DEPTH", "MAX_DIGITS", "data_problem", "scan_text"]

#: How many lists and tables may sit inside each other, counted from the top of the file.
#: A session itself needs four (``tables[0].answers.herkenbaar``); the limit leaves plenty
#: for unknown keys of a future version while staying far below what the parser, pydantic
#: and the writer can recurse through (about 250 levels of arrays), also on a worker
#: thread that is already deep in its own stack.
MAX_DEPTH = 32

#: TOML integers are signed 64-bit: other TOML readers refuse anything outside this range.
INT_MIN = -(2**63)
INT_MAX = 2**63 - 1

#: A run of more digits than this outside strings is refused before parsing: Python refuses
#: to convert more than 4300 digits to an integer (a ``ValueError`` from inside ``tomllib``),
#: and no number a session can hold (64-bit integers, floats) needs this many.
MAX_DIGITS = 1000

_BOM = "\ufeff"

# -- the raw text --------------------------------------------------------------------------

# tomllib parses nested arrays and inline tables by recursion and has no depth limit of its
# own: 5000 ``[`` give a RecursionError (a crash, not a TOMLDecodeError). No TOML library
# offers a depth limit or a pre-parse depth count, so this small hand-written tokenizer
# counts ``[`` and ``{`` outside strings and comments. It only has to find the spans that
# are *not* structure; anything else that is wrong is left to tomllib to report.
# The string patterns are written as "unrolled loops" (a run of plain characters, then any
# number of escape-or-quote plus a run): the same strings as ``(?:[^"\\]|\\.)*``, but the
# regex engine takes a run of plain characters in one step instead of one alternation per
# character, which made this scan a tenth of the time it takes to open a large session.
_TOKENS = re.compile(
    r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*""""{0,2}'  # multi-line basic (+ up to 2 quotes)
    r"|'''[^']*(?:'(?!'')[^']*)*''''{0,2}"  # multi-line literal string
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"?'  # basic string (an unterminated one ends at the line's end)
    r"|'[^'\n]*'?"  # literal string
    r"|#[^\n]*"  # comment
    r"|(?P<open>[\[{])"
    r"|(?P<close>[\]}])"
    rf"|(?P<digits>(?<![0-9_])[0-9_]{{{MAX_DIGITS + 1},}})",
    re.DOTALL,
)


def _line_at(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def scan_text(text: str) -> tuple[int, str] | None:
    """The line and Dutch reason of the first thing ``tomllib`` must not be given; else ``None``.

    Finds a byte order mark at the start, nesting of lists and inline tables deeper than
    :data:`MAX_DEPTH` and digit runs longer than :data:`MAX_DIGITS`.
    """
    if text.startswith(_BOM):
        return 1, (
            "het begint met een BOM (het onzichtbare teken U+FEFF dat sommige editors "
            "vooraan zetten), en dat staat TOML niet toe. Sla het bestand op als UTF-8 "
            "zonder BOM"
        )
    depth = 0
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                return _line_at(text, match.start()), _too_deep()
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "digits":
            return _line_at(text, match.start()), (
                f"er staat een getal van meer dan {MAX_DIGITS} cijfers"
            )
    return None


def _too_deep() -> str:
    return f"er zitten meer dan {MAX_DEPTH} lijsten of tabellen in elkaar"


# -- the parsed data -----------------------------------------------------------------------


def _path_text(loc: tuple[int | str, ...]) -> str:
    # A path hundreds of keys long would fill the screen; its start says where to look.
    if len(loc) > 8:
        return field_path(loc[:6]) + "…"
    return field_path(loc)


def data_problem(data: dict[str, Any]) -> tuple[str, str] | None:
    """The field path and Dutch reason of the first value no TOML writer can write back.

    Nesting deeper than :data:`MAX_DEPTH`, or an integer outside TOML's 64-bit range.
    Walks without recursion, so any depth ``tomllib`` produced is safe to inspect.
    """
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(data, ())]
    while stack:
        value, loc = stack.pop()
        if isinstance(value, dict):
            if len(loc) >= MAX_DEPTH + 1:
                return _path_text(loc), _too_deep()
            # Reversed so the first problem in the file's order is the one reported.
            stack.extend((value[k], (*loc, k)) for k in reversed(list(value)))
        elif isinstance(value, list):
            if len(loc) >= MAX_DEPTH + 1:
                return _path_text(loc), _too_deep()
            stack.extend((value[i], (*loc, i)) for i in reversed(range(len(value))))
        elif isinstance(value, int) and not isinstance(value, bool):
            if not INT_MIN <= value <= INT_MAX:
                return _path_text(loc), (
                    "dit getal is te groot voor TOML (hoogstens 9223372036854775807, "
                    "minstens -9223372036854775808)"
                )
    return None
