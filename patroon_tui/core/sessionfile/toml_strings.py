"""Long texts in a session file as TOML literal strings, where that form holds them exactly.

:func:`literal_strings` takes the TOML text tomli-w wrote (every string a one-line basic
string, ``"..."``) and writes each long text value as a literal string instead: ``'...'``
on one line, or ``'''`` followed by a line break, the text as typed and ``'''`` when the
text has a line break or an apostrophe. Texts a literal string cannot hold exactly (see
:func:`literal_form`) keep their basic string. The same text always gives the same bytes.

Why: Python's ``tomllib`` reads a basic string one character at a time in Python, a
literal string by searching for its closing quote in C. Measured on the sessions of
``benchmarks/bench_tables.make_big_session``: parsing a 60-table session (1.2 MB) took
65 ms with basic strings and 10 ms with literal ones, a 500-table session (2.7 MB) 140
against 31 ms; every start of the app, ``check``, ``list`` and ``export`` pays it.
tomli-w has no option for it (its ``multiline_strings`` writes multi-line basic strings,
which also turn ``\\r\\n`` into ``\\n``), hence this pass over its output.
"""

from __future__ import annotations

import json
import re

__all__ = ["LITERAL_FROM", "literal_form", "literal_strings"]

#: Texts of at least this many characters are written as literal strings (when they can
#: be). Shorter ones (ids, names, the format line) keep the familiar ``"..."``: their
#: parsing costs next to nothing.
LITERAL_FROM = 80

# A basic string as tomli-w writes it: no raw quote, backslash or line break inside, only
# the escapes \b \t? \n \f \r \" \\ and \uXXXX. Outside strings tomli-w's output holds no
# double quote at all, so scanning the whole text from its start finds exactly its strings.
# A string directly followed by a line break (a ``key = "..."`` line) or by ``,`` and a
# line break (an item of an array) is a value; keys are followed by `` =``, ``.`` or
# ``]``, and values of inline tables by ``,`` and a space or `` }``: those are left alone.
# Every string is matched, keys too (group 1 is ``None`` for them), so each is passed over
# whole: a key left unmatched would be searched again from each escaped quote inside it,
# quadratic in its length.
_BASIC = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"((?=,?\n))?')

# What a literal string cannot hold: the control characters other than tab (TOML forbids
# them raw, and a carriage return would be read as part of a line break), and the bidi
# controls, which are written as escapes so an editor shows the text in its stored order
# (see ``session_toml._escape_bidi``).
_NOT_LITERAL = re.compile("[\x00-\x08\x0a-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NOT_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# tomli-w's escapes are all JSON escapes, and a tab is its only raw control character.
_decode = json.JSONDecoder(strict=False).decode


def literal_form(text: str) -> str | None:
    """``text`` as a TOML literal string that reads back as exactly ``text``, or ``None``.

    One line, ``'text'``, when the text has neither a line break nor an apostrophe. Else
    multi-line, ``'''`` + line break + text + ``'''`` (TOML drops the line break right after
    the opening quotes, so the text keeps its own first line break, if any), unless the text
    holds ``'''`` (which would end it) or ends in an apostrophe (which would touch the
    closing quotes). Never for control characters other than tab and line feed, a carriage
    return among them, nor for bidi controls.
    """
    if "\n" not in text and "'" not in text:
        return None if _NOT_LITERAL.search(text) else f"'{text}'"
    if "'''" in text or text.endswith("'") or _NOT_MULTILINE.search(text):
        return None
    return f"'''\n{text}'''"


def _literal(match: re.Match[str]) -> str:
    written = match[0]
    if match[1] is None or len(written) < LITERAL_FROM + 2:
        return written  # escapes only make a text's string longer: this one is short
    text = written[1:-1] if "\\" not in written else _decode(written)
    if len(text) < LITERAL_FROM:
        return written
    return literal_form(text) or written


def literal_strings(toml_text: str) -> str:
    """tomli-w's TOML text with every long text value as a literal string where one holds
    the text exactly (see :func:`literal_form`); keys and all else as they were."""
    return _BASIC.sub(_literal, toml_text)
