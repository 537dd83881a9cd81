"""The session: pydantic models of one workshop's record, as in the session TOML file.

The field names and types are the contract of ``docs/session-format.md``. Every model keeps
unknown keys (``extra="allow"``) so a file written by a newer tool, or edited by hand, loses
nothing when this program writes it back. Models are mutable: screens change them in place
and the store saves them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

FORMAT: Literal["patroon-session"] = "patroon-session"
FORMAT_VERSION = 1

#: The contract's question ids, in the order they are asked (and written).
QUESTION_IDS = ("herkenbaar", "bijdrage", "eerste-stap", "voor-jezelf")

Werkvorm = Literal["tafels", "plenair"]
LayerChoice = Literal["", "doel", "spelregels", "relatie"]
LAYERS: tuple[LayerChoice, ...] = ("", "doel", "spelregels", "relatie")
"""The layer choices a table can have ('': none chosen)."""

StepStatus = Literal["gedaan", "loopt", "vastgelopen", "niet-begonnen", "losgelaten"]
STEP_STATUSES: tuple[StepStatus, ...] = (
    "gedaan", "loopt", "vastgelopen", "niet-begonnen", "losgelaten")
"""What became of a first step, looked back on in a follow-up session, in the order offered."""

PrincipleStatus = Literal["houden", "aanpassen", "loslaten"]
PRINCIPLE_STATUSES: tuple[PrincipleStatus, ...] = ("houden", "aanpassen", "loslaten")
"""What a follow-up session does with a principle, in the order offered."""

StepLayer = Literal["doel", "spelregels", "relatie"]
"""The triangle layer a first step works on."""


def as_layer(text: str) -> LayerChoice:
    """``text`` as a table's layer choice; anything that is not one is no choice (``""``)."""
    return text if text in LAYERS else ""

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")

#: The longest table timer a session may hold: a day. The app offers 1 to 240 minutes; a
#: larger number in a file is a typing error, and an unbounded one (10**400) cannot even be
#: counted down (it does not fit in a float).
MAX_TIMER_SECONDS = 24 * 60 * 60
#: The most seconds ``progress.seconds`` holds for one screen: a year. No workshop shows a
#: screen that long, and the number stays far from what TOML can hold however it is added to.
MAX_SCREEN_SECONDS = 366 * 24 * 60 * 60


def utc_now() -> dt.datetime:
    """Now, in UTC, truncated to whole milliseconds (what TOML datetimes keep)."""
    now = dt.datetime.now(dt.timezone.utc)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def slugify(text: str, *, fallback: str = "sessie") -> str:
    """``[a-z0-9-]`` slug of ``text``: accents dropped, other characters become dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].rstrip("-") or fallback


class _Model(BaseModel):
    # Unknown keys are kept and written back (forward compatibility). Each model's
    # validator is built when first used, not at import: the session's is built for the
    # file read at the start, the others (a record's own, for typing into it) later.
    # Measured, 7 -> 3 ms at import, about 1 ms more to read a session: 2-3 ms a start.
    model_config = ConfigDict(extra="allow", validate_assignment=True, defer_build=True)


class SessionInfo(_Model):
    """``[session]``: what the workshop is."""

    id: str = Field(pattern=ID_RE.pattern)
    """The file's stem; ``[a-z0-9-]`` only."""
    title: str
    """The session's title, e.g. ``Wijkteam Noord``."""
    date: dt.date
    """The day of the workshop (TOML local date)."""
    facilitator: str = ""
    """Who leads the workshop; free text, may be empty."""
    location: str = ""
    """Where it takes place; free text, may be empty."""
    werkvorm: Werkvorm = "tafels"
    """``tafels`` (conversation at tables) or ``plenair`` (one plenary record)."""
    deck: str = "samenwerken-in-interafhankelijkheid"
    """Id of the programme (deck) the session runs."""
    created: dt.datetime
    """When the session was made (UTC)."""
    updated: dt.datetime
    """When the session was last saved (UTC)."""
    origin: str | None = None
    """The id of the session this file is a copy of, when its own id differs (a copy
    saved under another name, a merge): copies merge when their origins match."""
    previous: str | None = Field(default=None, pattern=ID_RE.pattern)
    """The id of the earlier session this one follows up (added key): its principles and
    first steps were carried over to be looked back on."""


class Progress(_Model):
    """``[progress]``: where the programme is, so a resumed session continues there."""

    screen: str = "programma"
    """Id of the screen to resume on."""
    timer_seconds_left: int | None = Field(default=None, ge=0, le=MAX_TIMER_SECONDS)
    """Seconds left on the table timer; absent when no timer ran."""
    timer_running: bool | None = None
    """Whether the timer was running when last saved (added key; absent = not running)."""
    timer_seconds_total: int | None = Field(default=None, ge=1, le=MAX_TIMER_SECONDS)
    """The timer's length for this session (added key; absent = the deck's default)."""
    visited: list[str] | None = None
    """Ids of the screens shown so far, in first-visit order (added key; absent = none)."""
    table: str | None = None
    """Id of the table shown on the tables screen (added key; absent = the first table)."""
    fields: dict[str, str] | None = None
    """The field typed in last per recording screen, so the cursor arrives there again
    (added key; absent = none yet). Keyed by screen id, on the tables screen by
    ``<screen id>/<table id>``; see docs/session-format.md for the values."""
    seconds: dict[str, int] | None = None
    """Seconds each screen was shown while the app ran, by screen id (added key; absent =
    none counted yet). See ``core/model/timekeeping.py`` for what counts."""
    started: dt.datetime | None = None
    """When the first second was counted (UTC; added key)."""
    last_active: dt.datetime | None = None
    """When the last second was counted (UTC; added key)."""


class Table(_Model):
    """``[[tables]]``: one table's (or the plenary's) conversation."""

    id: str = Field(pattern=ID_RE.pattern)
    """Stable id, e.g. ``tafel-1``; first steps refer to it."""
    name: str
    """Shown name, e.g. ``Tafel 1`` or ``Plenair``."""
    participants: str = ""
    """Who sits there (organisations, roles); free text."""
    pattern: str = ""
    """Id of a deck pattern or an own pattern; ``""`` = not chosen."""
    layer: LayerChoice = ""
    """Where in the triangle the pattern mainly lives."""
    answers: dict[str, str] = Field(default_factory=dict)
    """Answers keyed by question id."""
    uid: str | None = None
    """Identity across copies of the session (merging); written once the app gave one."""


class OwnPattern(_Model):
    """``[[patterns]]``: a pattern a table made itself."""
    id: str = Field(pattern=ID_RE.pattern)
    """Stable id, e.g. ``eigen-tafel-2``; tables refer to it."""
    title: str
    """The pattern's name."""
    steps: list[str] = Field(min_length=2, max_length=12)
    """2-12 steps, in cycle order."""
    uid: str | None = None
    """Identity across copies of the session (merging) and across sessions (taken over)."""
    variant_of: str | None = None  # added key: the id of the deck pattern it is a version of


class LookedBack(_Model):
    """``[[first_steps.history]]``: an earlier session a carried step was in (added key)."""
    session: str = Field(pattern=ID_RE.pattern)
    """The earlier session's id (``date``: its day)."""
    date: dt.date
    status: StepStatus | None = None
    """The status it got there; absent in the session it was agreed in."""
    review: str | None = None
    """What was said of it there when looking back."""


class PrincipleLookedBack(LookedBack):
    """``[[principles.history]]``: as a first step's, with a principle's statuses."""
    status: PrincipleStatus | None = None  # type: ignore[assignment]  # a principle's own


class Principle(_Model):
    """``[[principles]]``: a leading principle the group drafted."""

    text: str
    """The principle, e.g. ``Als een casus niet past, bellen we eerst …``."""
    uid: str | None = None
    """Identity across copies of the session (merging)."""
    status: PrincipleStatus | None = None
    """In a follow-up session: keep, change or let go of it (added key); unset: not yet
    looked back on."""
    review: str | None = None
    """In a follow-up session: what was said about it when looking back (added key)."""
    history: list[PrincipleLookedBack] | None = None
    """The earlier sessions it was in, oldest first, the first where drafted (added key)."""


class FirstStep(_Model):
    """``[[first_steps]]``: an agreed first step."""

    text: str
    """What will be done."""
    owner: str = ""
    """Who does it."""
    table: str = ""
    """Id of the table it came from; ``""`` = none."""
    uid: str | None = None
    """Identity across copies of the session (merging)."""
    status: StepStatus | None = None
    """In a follow-up session: what became of it (added key); unset: not yet looked back on."""
    review: str | None = None
    """In a follow-up session: what happened, as said when looking back (added key)."""
    pattern: str | None = None
    """Id of the deck or own pattern whose loop it should break (added key)."""
    breaks_after: int | None = Field(default=None, ge=1, le=12)
    """The number (1-based) of the step the arrow it breaks leaves from (added key)."""
    layer: StepLayer | None = None
    """The triangle layer it works on (added key)."""
    table_name: str | None = None
    """Its table's name in an earlier session (added key): a follow-up's tables are new."""
    history: list[LookedBack] | None = None
    """The earlier sessions it was in, oldest first, the first where agreed (added key)."""


class ConflictVersion(_Model):
    """One copy's text of a field two copies changed differently (``[conflicts]``)."""

    text: str
    version: str
    """The version it is (``core/model/versions.py``: digest, then edits per writer)."""


#: The record keys of a ``[[trash]]`` entry and the session list each came from.
TRASH_KINDS = {
    "table": "tables",
    "pattern": "patterns",
    "principle": "principles",
    "first_step": "first_steps",
}


class TrashEntry(_Model):
    """``[[trash]]``: a removed record, kept whole so it can be put back (added key).

    The record is the entry's one sub-table named after its kind (``table``, ``pattern``,
    ``principle`` or ``first_step``); ``place`` is where it stood in its list. An entry
    with none of these (a kind a newer version added) is kept as it is and not listed.
    """

    place: int = Field(default=0, ge=0)
    """Its index in its list when it was removed (0 = first)."""
    removed_at: dt.datetime
    """When it was removed (UTC)."""
    versions: dict[str, str] | None = None
    """The versions of the record's texts when it was removed, as ``[versions]`` holds
    them (added key): a merge tells from them whether a text was edited further elsewhere."""
    table: Table | None = None
    pattern: OwnPattern | None = None
    principle: Principle | None = None
    first_step: FirstStep | None = None

    @model_validator(mode="after")
    def _one_record(self) -> TrashEntry:
        held = [key for key in TRASH_KINDS if getattr(self, key) is not None]
        if len(held) > 1:
            raise PydanticCustomError(
                "trash_records",
                "een verwijderd item houdt precies één van table, pattern, principle of "
                "first_step, niet {held}",
                {"held": " en ".join(held)},
            )
        return self

    @property
    def kind(self) -> str | None:
        """The session list the record came from (``tables`` …); ``None``: unknown kind."""
        return next((TRASH_KINDS[k] for k in TRASH_KINDS if getattr(self, k) is not None),
                    None)

    @property
    def record(self) -> Table | OwnPattern | Principle | FirstStep | None:
        """The removed record itself."""
        return next((getattr(self, k) for k in TRASH_KINDS if getattr(self, k) is not None),
                    None)


class Session(_Model):
    """A whole session file."""

    format: Literal["patroon-session"] = FORMAT
    """Marks the file as a session."""
    format_version: int = FORMAT_VERSION
    """The file format's version; newer versions are refused."""
    session: SessionInfo
    """What the workshop is."""
    progress: Progress = Field(default_factory=Progress)
    """Where the programme is."""
    notes: dict[str, str] = Field(default_factory=dict)
    """Facilitator notes keyed by screen id."""
    layer_notes: dict[str, str] = Field(default_factory=dict)
    """Notes on the triangle screen keyed by layer id (added key)."""
    tables: list[Table] = Field(default_factory=list)
    """The tables (or one plenary record), in order."""
    patterns: list[OwnPattern] = Field(default_factory=list)
    """Own patterns made in this session."""
    principles: list[Principle] = Field(default_factory=list)
    """Drafted leading principles."""
    first_steps: list[FirstStep] = Field(default_factory=list)
    """Agreed first steps."""
    # Merging copies recorded on several laptops (docs/merging.md); all added keys.
    versions: dict[str, str] | None = None
    """Per field path, the version of its text: a digest and the edits per writer."""
    removed: dict[str, str] | None = None
    """Removed records (``kind/uid``) and the version they were removed at."""
    conflicts: dict[str, list[ConflictVersion]] | None = None
    """Per field path, the versions two or more copies gave it, until resolved."""
    writers: dict[str, str] | None = None
    """Writer ids and who they are (the laptop's name), for labelling versions."""
    trash: list[TrashEntry] | None = None
    """Removed records, kept whole so they can be put back (added key)."""

    @field_validator("format_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > FORMAT_VERSION:
            raise PydanticCustomError(
                "format_version_newer",
                "versie {value} is nieuwer dan deze versie van patroon kent ({known})",
                {"value": value, "known": FORMAT_VERSION},
            )
        if value < 1:
            raise PydanticCustomError(
                "format_version_low", "moet 1 of meer zijn", {"value": value}
            )
        return value

    # -- helpers used by screens and the store ----------------------------------------

    def table(self, table_id: str) -> Table:
        """The table with this id; ``KeyError`` if unknown."""
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)

    def own_pattern(self, pattern_id: str) -> OwnPattern:
        """The own pattern with this id; ``KeyError`` if unknown."""
        for pattern in self.patterns:
            if pattern.id == pattern_id:
                return pattern
        raise KeyError(pattern_id)

    def new_table_id(self, reserved: Iterable[str] = ()) -> str:
        """A fresh ``tafel-N`` id not used by any table nor in ``reserved`` (for example
        the id of a removed table that may still be put back)."""
        used = {t.id for t in self.tables} | set(reserved)
        n = 1
        while f"tafel-{n}" in used:
            n += 1
        return f"tafel-{n}"


def new_session(
    *,
    session_id: str,
    title: str,
    date: dt.date | None = None,
    facilitator: str = "",
    location: str = "",
    werkvorm: Werkvorm = "tafels",
    deck_id: str = "samenwerken-in-interafhankelijkheid",
    first_screen: str = "programma",
    question_ids: tuple[str, ...] = QUESTION_IDS,
    now: dt.datetime | None = None,
) -> Session:
    """A fresh session: one table "Tafel 1" (werkvorm tafels) or one record "Plenair"."""
    now = now or utc_now()
    answers = {qid: "" for qid in question_ids}
    if werkvorm == "plenair":
        first = Table(id="plenair", name="Plenair", answers=answers)
    else:
        first = Table(id="tafel-1", name="Tafel 1", answers=answers)
    return Session(
        session=SessionInfo(
            id=session_id,
            title=title,
            date=date or now.date(),
            facilitator=facilitator,
            location=location,
            werkvorm=werkvorm,
            deck=deck_id,
            created=now,
            updated=now,
        ),
        progress=Progress(screen=first_screen),
        tables=[first],
    )
