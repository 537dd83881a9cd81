"""Dutch wording shared by the core's error messages.

Pydantic, ``tomllib`` and the operating system explain problems in English. The functions
here give the Dutch part of a sentence for each: :func:`field_path` (``tables[0].layer``),
:func:`pydantic_detail` (what is wrong with that field), :func:`more_errors` (how many
problems follow), :func:`toml_problem` and :func:`toml_reason` (where and why a file is not
TOML) and :func:`os_reason` (why the disk refused; :func:`failed_sentence` the whole sentence
for a command it stopped). The deck loader and the session store build their sentences
from them.
"""

from __future__ import annotations

import ast
import errno
import re
from collections.abc import Mapping
from typing import Any

__all__ = [
    "PYDANTIC_MESSAGES",
    "failed_sentence",
    "field_path",
    "more_errors",
    "os_reason",
    "pydantic_detail",
    "toml_problem",
    "toml_reason",
]


def field_path(loc: tuple[int | str, ...] | list[int | str]) -> str:
    """A pydantic location as a TOML path: ``("tables", 0, "layer")`` → ``tables[0].layer``."""
    out = ""
    for item in loc:
        out += f"[{item}]" if isinstance(item, int) else (f".{item}" if out else str(item))
    return out


# Pydantic has no Dutch messages; these cover what a hand-edited file typically gets wrong.
# Anything else falls back to pydantic's own (English) sentence, which still names the field.
PYDANTIC_MESSAGES: dict[str, str] = {
    "missing": "dit veld ontbreekt",
    "extra_forbidden": "dit veld is hier onbekend",
    "too_short": "te weinig items: minstens {min_length}, nu {actual_length}",
    "too_long": "te veel items: hoogstens {max_length}, nu {actual_length}",
    "string_too_short": "mag niet leeg zijn",
    "string_pattern_mismatch": (
        "een id bestaat uit kleine letters, cijfers en streepjes en begint niet met een streepje"
    ),
    "literal_error": "moet een van deze waarden zijn: {expected}",
    "string_type": "moet tekst zijn (tussen aanhalingstekens)",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een tabel zijn",
    "model_type": "moet een tabel zijn",
    "model_attributes_type": "moet een tabel zijn",
    "date_type": "moet een datum zijn, zonder aanhalingstekens, bijvoorbeeld 2026-11-28",
    "date_parsing": "moet een datum zijn, zonder aanhalingstekens, bijvoorbeeld 2026-11-28",
    "date_from_datetime_parsing": (
        "moet een datum zijn, zonder aanhalingstekens, bijvoorbeeld 2026-11-28"
    ),
    "datetime_type": (
        "moet een tijdstip zijn, zonder aanhalingstekens, bijvoorbeeld 2026-11-28T09:30:00Z"
    ),
    "datetime_parsing": (
        "moet een tijdstip zijn, zonder aanhalingstekens, bijvoorbeeld 2026-11-28T09:30:00Z"
    ),
    "greater_than": "moet groter zijn dan {gt}",
    "greater_than_equal": "moet minstens {ge} zijn",
    "less_than_equal": "mag hoogstens {le} zijn",
}


def pydantic_detail(error: Mapping[str, Any], overrides: Mapping[str, str] | None = None) -> str:
    """What is wrong, in Dutch, for one entry of ``ValidationError.errors()``.

    ``overrides`` replaces the wording of some error types (a deck says which fields a deck
    knows). An error type without Dutch wording keeps pydantic's own message.
    """
    template = (overrides or {}).get(error["type"]) or PYDANTIC_MESSAGES.get(error["type"])
    if template is None:
        return str(error["msg"])
    ctx = error.get("ctx") or {}
    values = {key: str(value).replace(" or ", " of ") for key, value in ctx.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return str(error["msg"])


def more_errors(count: int) -> str:
    """`` (en nog 2 fouten)`` after the first problem; empty when there are no more."""
    if count <= 0:
        return ""
    return f" (en nog {count} {'fout' if count == 1 else 'fouten'})"


# tomllib's reasons, without their "(at line …)" suffix. Regular expressions because a few
# carry the key or character concerned, which the Dutch text keeps.
_TOML_REASONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Invalid value"), "ongeldige waarde"),
    (re.compile(r"Invalid statement"), "deze regel is geen sleutel = waarde en geen [kop]"),
    (
        re.compile(r"Expected newline or end of document after a statement"),
        "na een waarde moet de regel eindigen",
    ),
    (re.compile(r"Expected '=' after a key in a key/value pair"), "na de sleutel hoort een ="),
    (re.compile(r"Expected ']' at the end of a table declaration"), "de kop mist een ]"),
    (re.compile(r"Expected ']]' at the end of an array declaration"), "de kop mist ]]"),
    (
        re.compile(r"Invalid initial character for a key part"),
        "een sleutel begint met een ongeldig teken",
    ),
    (re.compile(r"Unterminated string"), "een tekst mist het afsluitende aanhalingsteken"),
    (re.compile(r"Unclosed array"), "een lijst mist de afsluitende ]"),
    (re.compile(r"Unclosed inline table"), "een tabel mist de afsluitende }}"),
    (re.compile(r"Invalid date or datetime"), "ongeldige datum of tijd"),
    (re.compile(r"Cannot overwrite a value"), "deze sleutel heeft al een waarde"),
    (re.compile(r"Cannot declare (?P<key>.+) twice"), "de kop [{key}] staat er twee keer in"),
    (re.compile(r"Duplicate inline table key (?P<key>.+)"), "sleutel {key} staat er twee keer in"),
    # A line break inside a one-line string: the closing quote is missing on that line.
    (
        re.compile(r"Illegal character '\\n'"),
        "een tekst mist het afsluitende aanhalingsteken op deze regel",
    ),
    (re.compile(r"Illegal character (?P<char>.+)"), "ongeldig teken {char}"),
    (re.compile(r"Found invalid character (?P<char>.+)"), "ongeldig teken {char}"),
    (re.compile(r"Unescaped '\\' in a string"), "een \\ in een tekst moet \\\\ zijn"),
    (
        re.compile(r"Escaped character is not a Unicode scalar value"),
        "deze \\u- of \\U-code is geen bestaand teken",
    ),
    (
        re.compile(r"Invalid hex value"),
        "na \\u horen 4 en na \\U 8 hexadecimale cijfers (0-9, a-f)",
    ),
    (
        re.compile(r"Cannot mutate immutable namespace (?P<key>.+)"),
        "{key} staat al in één keer tussen haakjes en kan hier niet worden aangevuld",
    ),
    (
        re.compile(r"Cannot redefine namespace (?P<key>.+)"),
        "{key} is al eerder gemaakt en kan hier niet opnieuw worden gemaakt",
    ),
    # The general form last: the more specific "Expected …" reasons above go first.
    (re.compile(r"Expected (?P<what>.+)"), "hier ontbreekt {what}"),
]


def toml_reason(reason: str) -> str:
    """Dutch for a ``tomllib`` reason (the message without its position); else the original."""
    reason = reason.strip().rstrip(".")
    for pattern, dutch in _TOML_REASONS:
        match = pattern.fullmatch(reason)
        if match:
            return dutch.format(**{k: _key_text(v) for k, v in match.groupdict().items()})
    return reason


# tomllib (3.11) gives the position only inside its message, e.g. "Invalid value (at line 3,
# column 9)"; its lineno attribute arrives in Python 3.14.
_TOML_AT = re.compile(r"^(?P<what>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")
_TOML_END = re.compile(r"^(?P<what>.*?)\s*\(at end of document\)$")


def toml_problem(exc: ValueError, text: str) -> tuple[int | None, str]:
    """The line (``None`` if unknown) and where and why ``text`` is not TOML, in Dutch.

    The second part, e.g. `` (regel 3, kolom 9): ongeldige waarde``, is made to follow
    "… is geen geldige TOML" in the caller's sentence.
    """
    message = str(exc)
    at = _TOML_AT.match(message)
    if at:
        line = int(at["line"])
        return line, f" (regel {line}, kolom {at['col']}): {toml_reason(at['what'])}"
    end = _TOML_END.match(message)
    if end:
        line = text.count("\n") + 1
        return line, f" (regel {line}, het einde van het bestand): {toml_reason(end['what'])}"
    return None, f": {toml_reason(message)}"


def _key_text(text: str) -> str:
    # tomllib names a table by the repr of its key tuple, ``('tables', 'answers')``;
    # the file spells it ``tables.answers``.
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    if isinstance(value, tuple) and all(isinstance(part, str) for part in value):
        return ".".join(value)
    return text


_OS_REASONS: dict[int, str] = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
    errno.EACCES: "geen toegang",
    errno.EPERM: "geen toegang",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOENT: "de map bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "dat is een map, geen bestand",
    errno.EEXIST: "er staat al een bestand met die naam",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EIO: "schrijffout van de schijf",
}


def os_reason(exc: BaseException) -> str:
    """Why the operating system refused, in Dutch for common causes, else its own text."""
    if isinstance(exc, OSError):
        known = _OS_REASONS.get(exc.errno or 0)
        if known is not None:
            return known
        if exc.strerror:
            return exc.strerror
    return str(exc) or type(exc).__name__


def failed_sentence(exc: OSError) -> str:
    """The sentence for an ``OSError`` that stopped a command, naming its file if any."""
    reason = os_reason(exc)
    if exc.filename is None:
        return f"Dat lukte niet: {reason}."
    return f"Dat lukte niet met {exc.filename}: {reason}."
