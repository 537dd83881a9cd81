"""Session TOML: a session as the canonical text of ``docs/session-format.md``, and back.

:func:`dumps_session` writes a :class:`~patroon_tui.core.model.session.Session` so that the same
content always gives the same text (the contract's key order, ``[[...]]`` sections, RFC 3339
times, bidi controls escaped). :func:`loads_session` is the one verdict on a file's text:
it scans, parses, migrates older format versions and validates, and says in one Dutch
sentence what is wrong; :func:`read_session_text` gives it a file's text. The store builds
its saves from the parts :func:`canonical_data`, :func:`emit_toml` and :func:`same_data`
(to check what reached the disk).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import BaseModel, ValidationError

from patroon_tui.core.files.store_errors import SessionFileError, SessionNotFoundError, StoreError
from patroon_tui.core.files.toml_scan import data_problem, scan_text
from patroon_tui.core.files.user_files import TextFileError, read_text
from patroon_tui.core.model.session import (
    FORMAT,
    FORMAT_VERSION,
    QUESTION_IDS,
    FirstStep,
    OwnPattern,
    Principle,
    Progress,
    Session,
    SessionInfo,
    Table,
    TrashEntry,
)
from patroon_tui.core.sessionfile import validation
from patroon_tui.core.sessionfile.history_sections import history_sections, no_empty_history
from patroon_tui.core.sessionfile.toml_strings import literal_strings
from patroon_tui.core.text.wording import field_path, more_errors, pydantic_detail, toml_problem

__all__ = [
    "canonical_data",
    "dumps_session",
    "emit_toml",
    "loads_session",
    "read_session_text",
    "same_data",
    "utc_ms",
]

# -- writing ---------------------------------------------------------------------------

# Sections that are arrays of tables. tomli-w writes a short array of tables inline, at the
# top of the file, and moves it to ``[[...]]`` sections once an entry grows past one line;
# the file would reshuffle as the facilitator types. We always write ``[[...]]`` sections.
_TABLE_ARRAYS: dict[str, type[BaseModel]] = {
    "tables": Table,
    "patterns": OwnPattern,
    "principles": Principle,
    "first_steps": FirstStep,
}
_SORTED_TEXT_MAPS = ("notes", "layer_notes")

_SURROGATES = re.compile("[\ud800-\udfff]")


def _clean_text(text: str) -> str:
    # A lone surrogate (e.g. from a broken paste) cannot be encoded as UTF-8; tomli-w would
    # raise and the whole session would be unsaveable. Replace it, as UTF-8 decoders do.
    return _SURROGATES.sub("\ufffd", text)


def _plain(value: Any) -> Any:
    """Unknown (extra) values made canonical: mappings key-sorted, tuples as lists, text clean."""
    if isinstance(value, dict):
        return {_clean_text(str(k)): _plain(value[k]) for k in sorted(value, key=str)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return _clean_text(value)
    return value


def _declared(value: Any) -> Any:
    # A declared field's value keeps its order (dicts among them are already canonical).
    if isinstance(value, str):
        return _clean_text(value)
    if isinstance(value, (list, tuple)):
        return [_declared(v) for v in value]
    return value


def _ordered(data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """The model's declared fields in declaration order, then unknown keys sorted."""
    out: dict[str, Any] = {}
    for name in model.model_fields:
        if name in data:
            out[name] = _declared(data[name])
    for name in sorted(k for k in data if k not in model.model_fields):
        out[_clean_text(name)] = _plain(data[name])
    return out


def utc_ms(value: dt.datetime) -> dt.datetime:
    """The moment in UTC, to the millisecond: how the file writes ``created`` and ``updated``."""
    # A hand-edited file may hold a local (naive) datetime; the contract says UTC.
    value = value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value
    value = value.astimezone(dt.timezone.utc)
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def _answers(answers: dict[str, str]) -> dict[str, str]:
    known = [q for q in QUESTION_IDS if q in answers]
    rest = sorted(q for q in answers if q not in QUESTION_IDS)
    return {_clean_text(q): _clean_text(answers[q]) for q in known + rest}


def canonical_data(session: Session) -> dict[str, Any]:
    """The session as plain TOML-ready data in the canonical key order."""
    raw = session.model_dump(mode="python", exclude_none=True)
    info = raw["session"]
    info["created"] = utc_ms(info["created"])
    info["updated"] = utc_ms(info["updated"])
    if isinstance(info["date"], dt.datetime):
        info["date"] = info["date"].date()
    raw["session"] = _ordered(info, SessionInfo)
    progress = raw["progress"]
    for key in ("started", "last_active"):
        if isinstance(progress.get(key), dt.datetime):
            progress[key] = utc_ms(progress[key])
    if isinstance(progress.get("seconds"), dict):
        progress["seconds"] = dict(sorted(progress["seconds"].items()))
    if isinstance(progress.get("fields"), dict):
        progress["fields"] = _plain(progress["fields"])
    raw["progress"] = _ordered(progress, Progress)
    for key in _SORTED_TEXT_MAPS:
        raw[key] = _plain(raw[key])
    tables = []
    for table in raw["tables"]:
        table["answers"] = _answers(table["answers"])
        tables.append(_ordered(table, Table))
    raw["tables"] = tables
    for key in ("patterns", "principles", "first_steps"):
        raw[key] = [_ordered(no_empty_history(item), _TABLE_ARRAYS[key]) for item in raw[key]]
    if "trash" in raw:
        raw["trash"] = [_trash_entry(entry) for entry in raw["trash"]] or None
        if raw["trash"] is None:
            del raw["trash"]
    for key in _TABLE_ARRAYS:
        # An empty array of tables has no ``[[...]]`` section to write; absent means empty.
        if not raw[key]:
            del raw[key]
    return _ordered(raw, Session)


#: The record sub-table of a ``[[trash]]`` entry and its model.
_TRASH_RECORDS: dict[str, type[BaseModel]] = {
    "table": Table, "pattern": OwnPattern, "principle": Principle, "first_step": FirstStep,
}


def _trash_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """A ``[[trash]]`` entry in canonical order, its record as its own list writes it."""
    if isinstance(entry.get("removed_at"), dt.datetime):
        entry["removed_at"] = utc_ms(entry["removed_at"])
    for key, model in _TRASH_RECORDS.items():
        if isinstance(entry.get(key), dict):
            record = entry[key]
            if key == "table" and isinstance(record.get("answers"), dict):
                record["answers"] = _answers(record["answers"])
            entry[key] = _ordered(no_empty_history(record), model)
    return _ordered(entry, TrashEntry)



def _contract_datetimes(
    chunk: str, info: dict[str, Any], keys: tuple[str, ...] = ("created", "updated")
) -> str:
    # tomli-w writes ``2026-11-28 09:30:00.456000+00:00``; the contract shows the RFC 3339
    # form ``2026-11-28T09:30:00.456Z``. Both parse to the same value; we write the latter.
    # The declared datetimes are the first lines of their section with these exact texts.
    for key in keys:
        value = info.get(key)
        if isinstance(value, dt.datetime) and value.utcoffset() == dt.timedelta(0):
            ms = value.microsecond // 1000
            # Not strftime: its %Y writes the year 1 as "1", which is not TOML.
            text = value.replace(microsecond=0, tzinfo=None).isoformat()
            text += (f".{ms:03d}" if ms else "") + "Z"
            chunk = chunk.replace(f"\n{key} = {value}\n", f"\n{key} = {text}\n", 1)
    return chunk


def emit_toml(data: dict[str, Any]) -> str:
    """TOML text of canonical data: top-level values, then each section, in the data's order."""
    head: dict[str, Any] = {}
    sections: list[str] = []
    for key, value in data.items():
        if (key in _TABLE_ARRAYS or key == "trash") and isinstance(value, list):
            for item in value:
                item, later = history_sections(key, item, _TRASH_RECORDS)
                chunk = tomli_w.dumps({key: item})
                if key == "trash":
                    chunk = _contract_datetimes(chunk, item, ("removed_at",))
                header = f"[{key}]\n"
                if chunk.startswith(header):
                    chunk = chunk[len(header) :]
                sections.append(f"[[{key}]]\n{chunk}{later}")
        elif isinstance(value, dict):
            chunk = tomli_w.dumps({key: value})
            if key == "session":
                chunk = _contract_datetimes(chunk, value)
            elif key == "progress":
                chunk = _contract_datetimes(chunk, value, ("started", "last_active"))
            sections.append(chunk)
        else:
            head[key] = value
    # Long texts as literal strings: they read several times faster (see toml_strings).
    return _escape_bidi(literal_strings("\n".join([tomli_w.dumps(head), *sections])))


# Bidi controls make an editor or a terminal show text in another order than it is stored
# ("Trojan source"): a file read by eye would not say what it holds. They are kept (they
# can belong to right-to-left text) but written as escapes, which read back as the same
# characters. tomli-w writes every string and quoted key as a basic "..." string, the one
# place these characters can be, and escapes are valid in all of them (a text holding one
# is never made a literal string, where an escape would be read as it stands).
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape_bidi(text: str) -> str:
    return _BIDI_CONTROLS.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def same_data(a: Any, b: Any) -> bool:
    """Equality of parsed TOML data, where NaN equals NaN (TOML can hold ``nan``)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_data(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def typed_content(data: dict[str, Any]) -> dict[str, Any]:
    """The parts of session data the facilitator typed or chose: all but ``[progress]``
    (where the app stands) and ``session.updated`` (when that last changed)."""
    content = {key: value for key, value in data.items() if key != "progress"}
    if isinstance(content.get("session"), dict):
        content["session"] = {k: v for k, v in content["session"].items() if k != "updated"}
    return content


def dumps_session(session: Session) -> str:
    """The session as canonical TOML text: the same content always gives the same text.

    Keys follow the contract's order (declared fields first, unknown keys after them,
    sorted); notes are sorted by screen id; answers list the contract's questions first.
    Lone surrogates in any text become U+FFFD. Raises :class:`StoreError` when an unknown
    key holds something TOML cannot represent.
    """
    try:
        return emit_toml(canonical_data(session))
    except (TypeError, ValueError) as exc:
        raise StoreError(f"De sessie kan niet als TOML worden geschreven: {exc}.") from None


# -- reading -----------------------------------------------------------------------------

#: Migrations from format version N to N+1, keyed by N. Version 1 is the first: none yet.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring parsed data of a known, older or current format version to the current one."""
    version = data["format_version"]
    while version < FORMAT_VERSION:
        data = _MIGRATIONS[version](data)
        version += 1
        data["format_version"] = version
    return data


def _validation_message(exc: ValidationError, source: str) -> str:
    errors = exc.errors()
    first = errors[0]
    where = field_path(first["loc"])
    at = f" bij {where}" if where else ""
    detail = pydantic_detail(first)
    return f"Sessiebestand {source} klopt niet{at}: {detail}{more_errors(len(errors) - 1)}."


def loads_session(text: str, source: str) -> Session:
    """Parse and validate session TOML text; ``source`` names the file in error messages.

    This is the one verdict on a file that ``check``, ``open``, ``list``, ``export`` and the
    start screen share (the checks are in :mod:`patroon_tui.core.sessionfile.validation`): a session
    it returns can be shown and saved. Raises :class:`SessionFileError` for text that is
    not TOML or nested too deep (the message gives the line), not a session, made by a
    newer version, invalid or ambiguous (the message gives the field path); never another
    exception. The session is returned as the file holds it: what a caller opening it
    should set right, and say, comes from :func:`patroon_tui.core.sessionfile.validation.review`.
    """
    try:
        return _loads_checked(text, source)
    except StoreError:
        raise
    except Exception as exc:
        # The last line of defence, should a check above miss something: whatever a file
        # holds, reading it ends in a sentence, never in a traceback that also takes every
        # other session of the list or the start screen with it.
        raise SessionFileError(
            f"Sessiebestand {source} kan niet worden gelezen: een onverwachte fout "
            f"({type(exc).__name__})."
        ) from exc


def _loads_checked(text: str, source: str) -> Session:
    if not text.strip():
        raise SessionFileError(f"Sessiebestand {source} is leeg.")
    raw_problem = scan_text(text)
    if raw_problem is not None:
        line, reason = raw_problem
        raise SessionFileError(
            f"Sessiebestand {source} kan niet worden gelezen (regel {line}): {reason}."
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        _, problem = toml_problem(exc, text)
        raise SessionFileError(f"Sessiebestand {source} is geen geldige TOML{problem}.") from None
    if data.get("format") != FORMAT:
        if "format" not in data:
            raise SessionFileError(
                f"Sessiebestand {source} is geen patroon-sessie: "
                f'de regel format = "{FORMAT}" ontbreekt.'
            )
        raise SessionFileError(
            f"Sessiebestand {source} is geen patroon-sessie: het format is "
            f'{data["format"]!r} en niet {FORMAT!r}.'
        )
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        what = "geen format_version" if version is None else f"format_version {version!r}"
        raise SessionFileError(
            f"Sessiebestand {source} heeft {what}; dat moet een geheel getal zijn, "
            f"zoals {FORMAT_VERSION}."
        )
    if version > FORMAT_VERSION:
        raise SessionFileError(
            f"Sessiebestand {source} is gemaakt met een nieuwere versie van patroon "
            f"(format_version {version}; deze versie kent {FORMAT_VERSION}). "
            "Werk patroon bij om het te openen."
        )
    if version < 1:
        raise SessionFileError(
            f"Sessiebestand {source} heeft format_version {version}; die bestaat niet."
        )
    value_problem = data_problem(data)
    if value_problem is not None:
        where, reason = value_problem
        raise SessionFileError(f"Sessiebestand {source} klopt niet bij {where}: {reason}.")
    try:
        # Strict: the contract gives each key's type, and lax mode would quietly turn a
        # timer "812" into 812 or a created "2026-11-28T09:30:00Z" (a string) into a moment.
        session = Session.model_validate(_migrate(data), strict=True)
    except ValidationError as exc:
        raise SessionFileError(_validation_message(exc, source)) from None
    ambiguous = validation.refusal(session)
    if ambiguous is not None:
        where, reason = ambiguous
        raise SessionFileError(f"Sessiebestand {source} klopt niet bij {where}: {reason}.")
    return session


def read_session_text(path: Path) -> str:
    """The text of a session file, for :func:`loads_session`.

    Raises :class:`SessionNotFoundError` for a missing file and :class:`SessionFileError`
    for a folder, a special file, a file that cannot be read and non-UTF-8 bytes.
    """
    try:
        return read_text(path, "Sessiebestand")
    except TextFileError as exc:
        if exc.missing:
            raise SessionNotFoundError(str(exc)) from None
        raise SessionFileError(str(exc)) from None
