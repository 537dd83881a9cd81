"""What a session file must be, beyond its pydantic model, to be opened and saved safely.

``loads_session`` in :mod:`patroon_tui.core.sessionfile.session_toml` runs these checks in this order,
so that ``check``, ``open``, ``list``, ``export`` and the start screen all share one verdict:

1. :func:`scan_text` on the raw text, before ``tomllib`` sees it: a UTF-8 byte order mark,
   lists or inline tables nested so deep that the parser would run out of stack, and
   numbers too long for Python to convert.
2. :func:`data_problem` on the parsed TOML: nesting deeper than :data:`MAX_DEPTH` (also
   through dotted keys and table headers, which the scanner cannot see) and integers that
   TOML's signed 64-bit range cannot hold, anywhere, also under unknown keys.
3. The model (``Session.model_validate(..., strict=True)``): types as the contract says.
4. :func:`refusal`: what cannot be written or shown (a ``created`` or ``updated`` too near
   the year 1 or 9999, or without a time zone), or what the program would have to guess
   at (two tables with one id, two own patterns with one id, a plenary session with
   several tables): the file is refused.

What can be set right without losing a word is not refused: :func:`review` (made of
:func:`adjust` and, with the programme, :func:`fit_to_deck`) sets it right in the session
in memory and says each change in a Dutch sentence, so nothing is changed silently. The
app runs it when it opens a session (and the next save writes the change), ``check`` and
``export`` run it to say what opening would change; ``loads_session`` itself returns the
session as the file holds it.

Every function gives the Dutch part of a sentence; the store adds the file's name. Steps 1
and 2 live in :mod:`patroon_tui.core.files.toml_scan` (the deck loader runs them too: a deck file
is parsed by the same ``tomllib``) and are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from patroon_tui.core.files.toml_scan import (
    INT_MAX,
    INT_MIN,
    MAX_DEPTH,
    MAX_DIGITS,
    data_problem,
    scan_text,
)
from patroon_tui.core.model.recording import plenary_record
from patroon_tui.core.model.session import ID_RE, MAX_SCREEN_SECONDS, TRASH_KINDS, Session
from patroon_tui.core.model.timekeeping import bound_seconds
from patroon_tui.core.model.uids import unique_uids
from patroon_tui.core.sessionfile.tie_checks import loose_ties
from patroon_tui.core.text.terminal_safe import KEPT_CONTROLS, printable
from patroon_tui.core.text.wording import field_path

if TYPE_CHECKING:
    from patroon_tui.core.model.deck import Deck

__all__ = [
    "INT_MAX", "INT_MIN", "MAX_DEPTH", "MAX_DIGITS", "Notice", "adjust", "file_id_of",
    "data_problem", "fit_to_deck", "moment_problem", "refusal", "review", "scan_text",
]

# -- 4. refused: what cannot be written or shown, or where the program would have to guess ----

# ``created`` and ``updated`` are written in UTC and shown in the local time zone. Python's
# datetimes end at the years 1 and 9999, and a UTC offset is less than a day, so a moment at
# least a day inside that range can be converted to UTC and to any local time and back;
# closer to the edge, ``9999-12-31T23:00:00Z`` shown in Amsterdam is past the year 9999
# (an OverflowError). Bounding the moments this way (rather than to "sensible" years) keeps
# every file that any version wrote readable, and refuses only what would crash.
EARLIEST_MOMENT = dt.datetime(1, 1, 2, tzinfo=dt.timezone.utc)
LATEST_MOMENT = dt.datetime(9999, 12, 30, 23, 59, 59, 999999, tzinfo=dt.timezone.utc)


def moment_problem(value: dt.datetime) -> str | None:
    """Why ``created`` or ``updated`` cannot be kept, in Dutch; ``None`` when it can."""
    # A moment without an offset is refused rather than read as UTC: a hand-typed 09:30 is
    # most likely local time, and guessing would shift it by hours without a word.
    if value.utcoffset() is None:
        return (
            "dit tijdstip heeft geen tijdzone; zet er Z (UTC) of het verschil met UTC "
            "achter, bijvoorbeeld 2026-11-28T09:30:00Z"
        )
    try:
        in_range = EARLIEST_MOMENT <= value.astimezone(dt.timezone.utc) <= LATEST_MOMENT
    except (OverflowError, ValueError):
        in_range = False
    if not in_range:
        return (
            "dit tijdstip ligt te dicht bij het jaar 1 of 9999 om in elke tijdzone te kunnen "
            "tonen; kies een tijdstip van 0001-01-02T00:00:00Z tot en met 9999-12-30T23:59:59Z"
        )
    return None


def refusal(session: Session) -> tuple[str, str] | None:
    """The field path and Dutch reason when the session cannot be kept as it is; else ``None``.

    * ``created`` or ``updated`` without a time zone, or too close to the year 1 or 9999
      (:func:`moment_problem`).
    * A ``[[trash]]`` entry's ``removed_at`` that ``created`` could not be either: it is
      shown in the local time zone too.
    * Two tables with one id: the screens and the first steps find a table by its id, so
      the second could never be edited and its answers would be hidden.
    * Two own patterns with one id: a table choosing that id gets the first; the second
      could never be shown or edited.
    * ``werkvorm = "plenair"`` with more than one table: the plenary screen shows one
      record, so the other tables' answers would be out of sight. Which was meant (tafels,
      or one of the records) only the facilitator knows.
    """
    for key in ("created", "updated"):
        problem = moment_problem(getattr(session.session, key))
        if problem is not None:
            return f"session.{key}", problem
    for index, entry in enumerate(session.trash or []):
        problem = moment_problem(entry.removed_at)
        if problem is not None:
            return f"trash[{index}].removed_at", problem
    seen: dict[str, int] = {}
    for index, table in enumerate(session.tables):
        if table.id in seen:
            return field_path(("tables", index, "id")), (
                f"tables[{seen[table.id]}] heeft ook het id '{table.id}'; "
                "geef elke tafel een eigen id"
            )
        seen[table.id] = index
    seen = {}
    for index, pattern in enumerate(session.patterns):
        if pattern.id in seen:
            return field_path(("patterns", index, "id")), (
                f"patterns[{seen[pattern.id]}] heeft ook het id '{pattern.id}'; "
                "geef elk eigen patroon een eigen id"
            )
        seen[pattern.id] = index
    if session.session.werkvorm == "plenair" and len(session.tables) > 1:
        return "session.werkvorm", (
            f'bij "plenair" hoort één gesprek, maar er zijn {len(session.tables)} '
            '[[tables]]; zet werkvorm op "tafels" of houd één [[tables]] over'
        )
    return None


# -- 5. adjusted, and said ---------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """Something set right, or worth knowing, when a file was read."""

    path: str
    """The field concerned, e.g. ``progress.table``."""
    text: str
    """What is the matter and what the program does, in Dutch (no full stop)."""

    def sentence(self, source: str) -> str:
        """One or two Dutch sentences naming the file and the field."""
        return f"In {source} bij {self.path}: {self.text}."


def adjust(session: Session, file_id: str | None) -> list[Notice]:
    """Set right what can be without losing anything, and say each change.

    * ``session.id`` other than the file's name (a copied file): the file's name wins,
      since that is where the session is saved and how ``list`` and ``open`` name it. A
      file name that cannot be an id keeps the session's id, with the advice to rename.
    * ``progress.table`` naming no table: the first table is shown (the key is dropped).
    * ``progress.timer_seconds_left`` above ``timer_seconds_total``: set to the total.
    * ``first_steps[i].table`` naming no table (the app leaves it so when a table is
      removed): kept as it is, and said, since the step itself is what matters.
    * ``progress.seconds`` below 0 or above a year, a plenary without its one record: set
      right (``timekeeping.bound_seconds``, ``records.plenary_record``).
    * A record's ``uid`` taken by an earlier one or holding a ``/``: a new one, said
      (:func:`~patroon_tui.core.model.uids.unique_uids`).
    """
    notices: list[Notice] = []
    info = session.session
    if file_id is not None and info.id != file_id:
        if ID_RE.match(file_id):
            notices.append(
                Notice(
                    "session.id",
                    f"het id is '{info.id}', maar het bestand heet '{file_id}'; "
                    "patroon gebruikt de naam van het bestand als id",
                )
            )
            if info.origin is None:  # still known as a copy of that session (merging)
                info.origin = info.id
            info.id = file_id
        else:
            notices.append(
                Notice(
                    "session.id",
                    f"het id is '{info.id}', maar het bestand heet '{file_id}', en dat kan "
                    f"geen id zijn; hernoem het bestand naar {info.id}.toml",
                )
            )
    notices += [Notice(field_path(("progress", "seconds", screen)), f"{was} seconden kan niet"
                       f" (0 tot en met {MAX_SCREEN_SECONDS}, een jaar); het wordt {now}")
                for screen, was, now in bound_seconds(session.progress)]
    if plenary_record(session) is not None:
        notices.append(Notice("session.werkvorm", 'bij "plenair" hoort één gesprek, maar er '
                              "is geen [[tables]]; patroon voegt er een toe"))
    table_ids = {table.id for table in session.tables}
    progress = session.progress
    if progress.table is not None and progress.table not in table_ids:
        notices.append(Notice("progress.table", f"'{progress.table}' is geen tafel van deze "
                              "sessie; de eerste tafel wordt getoond"))
        progress.table = None
    left, total = progress.timer_seconds_left, progress.timer_seconds_total
    if left is not None and total is not None and left > total:
        notices.append(
            Notice(
                "progress.timer_seconds_left",
                f"{left} seconden over is meer dan de hele timer ({total}); "
                f"de timer gaat verder met {total} seconden",
            )
        )
        progress.timer_seconds_left = total
    notices += _escaped_controls(session)
    notices += [Notice(path, text) for path, text in unique_uids(session)]
    notices += [Notice(f"first_steps[{index}].table", f"'{step.table}' is geen tafel (meer) "
                       "van deze sessie; de stap blijft staan, zonder tafel erbij")
                for index, step in enumerate(session.first_steps)
                if step.table and step.table not in table_ids]
    return notices


def _texts(session: Session):
    """Every text a person typed, as (field path, owner, key) to read and set it; the
    records in the trash too (they come back into the fields)."""
    info = session.session
    for key in ("title", "facilitator", "location"):
        yield f"session.{key}", info, key
    lists = [(f"{kind}[{i}]", r) for kind in ("tables", "principles", "first_steps", "patterns")
             for i, r in enumerate(getattr(session, kind))]
    lists += [(f"trash[{i}].{key}", getattr(e, key)) for i, e in enumerate(session.trash or [])
              for key in TRASH_KINDS if getattr(e, key) is not None]
    for path, record in lists:
        for key in ("name", "participants", "text", "owner", "title", "review", "table_name"):
            if key in type(record).model_fields:
                yield f"{path}.{key}", record, key
        for entry_index, entry in enumerate(getattr(record, "history", None) or []):
            yield f"{path}.history[{entry_index}].review", entry, "review"
        for question in getattr(record, "answers", {}):
            yield f"{path}.answers.{question}", record.answers, question
        for step_index in range(len(getattr(record, "steps", []))):
            yield f"{path}.steps[{step_index}]", record.steps, step_index
    for key in ("notes", "layer_notes"):
        texts = getattr(session, key)
        for screen_id in texts:
            yield f"{key}.{screen_id}", texts, screen_id


def _escaped_controls(session: Session) -> list[Notice]:
    """Control characters in typed text (an escape sequence from a shared file could
    clear or retitle the facilitator's terminal when shown) are set right as their
    visible form, ``\\x1b``: every character stays readable, nothing reaches the terminal
    raw. Tabs, new lines and bidi marks stay (``KEPT_CONTROLS``)."""
    changed: list[str] = []
    for path, owner, key in _texts(session):
        value = owner[key] if isinstance(owner, (dict, list)) else getattr(owner, key)
        if not isinstance(value, str):
            continue
        shown = printable(value, keep=KEPT_CONTROLS)
        if shown != value:
            changed.append(path)
            if isinstance(owner, (dict, list)):
                owner[key] = shown
            else:
                setattr(owner, key, shown)
    if not changed:
        return []
    others = len(changed) - 1
    more = ""
    if others:
        more = f" (en in {others} andere tekst{'en' if others > 1 else ''})"
    return [
        Notice(
            changed[0],
            f"stuurtekens in de tekst{more} worden zichtbaar geschreven, als \\x1b",
        )
    ]


def fit_to_deck(session: Session, deck: Deck) -> list[Notice]:
    """The checks that need the programme; adjusts what it says, as :func:`adjust` does.

    * ``progress.screen`` the deck has no screen for: the session resumes on the deck's
      first screen (the app would otherwise fall back there without a word).
    * ``progress.timer_seconds_left`` above the deck's timer when the session has no
      ``timer_seconds_total`` of its own: set to the deck's length.
    * An own pattern with the id of a deck pattern: a table choosing that id is shown the
      deck's pattern; both are kept, and said.
    * A table's pattern that is neither a deck pattern nor an own pattern: kept, and said
      (the tables screen shows it as an unknown pattern); a first step's tie to a pattern
      or an arrow that is not there: kept, and said (``tie_checks.loose_ties``).
    * An own pattern a variant of no deck pattern (``variant_of``): kept, and said.
    """
    notices: list[Notice] = []
    screens = [screen.id for screen in deck.screens]
    progress = session.progress
    if screens and progress.screen not in screens:
        notices.append(
            Notice(
                "progress.screen",
                f"het programma heeft geen scherm '{progress.screen}'; "
                f"de sessie gaat verder bij het eerste scherm ('{screens[0]}')",
            )
        )
        progress.screen = screens[0]
    default_total = deck.timer_minutes * 60
    left = progress.timer_seconds_left
    if progress.timer_seconds_total is None and left is not None and left > default_total:
        notices.append(
            Notice(
                "progress.timer_seconds_left",
                f"{left} seconden over is meer dan de timer van het programma "
                f"({default_total}); de timer gaat verder met {default_total} seconden",
            )
        )
        progress.timer_seconds_left = default_total
    deck_patterns = {pattern.id for pattern in deck.patterns}
    for index, pattern in enumerate(session.patterns):
        if pattern.id in deck_patterns:
            notices.append(
                Notice(
                    f"patterns[{index}].id",
                    f"'{pattern.id}' is ook een patroon uit het programma; een tafel met dat "
                    "patroon toont dat uit het programma. Geef het eigen patroon een ander id",
                )
            )
        if pattern.variant_of and pattern.variant_of not in deck_patterns:
            notices.append(Notice(
                f"patterns[{index}].variant_of",
                f"'{pattern.variant_of}' is geen patroon uit het programma; het eigen patroon "
                "blijft, als variant van een onbekend patroon"))
    own = {pattern.id for pattern in session.patterns}
    for index, table in enumerate(session.tables):
        if table.pattern and table.pattern not in deck_patterns | own:
            notices.append(
                Notice(
                    f"tables[{index}].pattern",
                    f"'{table.pattern}' is geen patroon uit het programma en geen eigen "
                    "patroon; de tafel houdt het, als onbekend patroon",
                )
            )
    return notices + [Notice(path, text) for path, text in loose_ties(session, deck)]


def file_id_of(path: str | Path) -> str | None:
    """The session id a file's name gives (its name without ``.toml``); ``None`` for others."""
    path = Path(path)
    return path.stem if path.suffix == ".toml" else None


def review(session: Session, source: str | Path, *, deck: Deck | None = None) -> list[str]:
    """Set right in ``session`` what :func:`adjust` and :func:`fit_to_deck` can; say each.

    ``source`` is the file the session was read from (its name is the session's id);
    ``deck`` the programme it is opened with, ``None`` to leave out the deck's checks.
    Returns one or two Dutch sentences per change, naming the file and the field.
    """
    notices = adjust(session, file_id_of(source))
    if deck is not None:
        notices += fit_to_deck(session, deck)
    sentences = [notice.sentence(str(source)) for notice in notices]
    if session.conflicts:
        sentences.append(conflicts_sentence(session, str(source)))
    return sentences


def conflicts_sentence(session: Session, source: str) -> str:
    """The fields of a merged session that copies changed differently, named."""
    from patroon_tui.core.model.versions import records

    names = {uid: table.name for uid, table in records(session, "tables")}
    dutch = {"name": "naam", "participants": "deelnemers", "pattern": "patroon",
             "layer": "laag", "text": "tekst", "owner": "wie", "table": "tafel",
             "title": "titel", "steps": "stappen"}
    where = []
    for path in session.conflicts or {}:
        head, _, rest = path.partition("/")
        if head == "tables":
            uid, _, field = rest.partition("/")
            field = field.replace("answers/", "vraag ")
            where.append(f"{names.get(uid, uid)}: {dutch.get(field, field)}")
        elif head == "notes":
            where.append(f"notities bij {rest}")
        else:
            where.append(path)
    fields, filled = ("veld dat", "is") if len(where) == 1 else ("velden die", "zijn")
    return (
        f"{source} heeft {len(where)} {fields} bij het samenvoegen op meer laptops anders "
        f"{filled} ingevuld: {'; '.join(where)}. Elk zulk veld toont alle versies met de "
        "laptop erbij; kies of combineer, en haal de markering (⚠ …) weg."
    )
