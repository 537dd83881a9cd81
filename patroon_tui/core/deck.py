"""The workshop programme as data: pydantic models of a deck and its loader.

A deck is a TOML file (the default one ships in ``patroon_tui/decks/``) holding the parts of
the programme and their screens, the example patterns, the conversation questions, the
example principles and the layers of the collaboration triangle. Screens never carry
workshop text in code: a new programme is a new deck file.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

DEFAULT_DECK_ID = "samenwerken-in-interafhankelijkheid"

ScreenKind = Literal[
    "programme",  # the opening agenda of the three parts
    "text",  # a slide of text (Markdown)
    "quote",  # one or more quotes, shown large
    "pattern",  # an example pattern drawn as a loop
    "conversation",  # the questions for the tables / plenary conversation
    "tables",  # recording what each table says
    "principles",  # drafting the group's own leading principles
    "first_steps",  # agreeing first steps with an owner
    "triangle",  # the collaboration triangle with its three layers
    "summary",  # everything recorded, ready to export
]

LayerId = Literal["doel", "spelregels", "relatie"]

MIN_STEPS = 2
MAX_STEPS = 12

_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Screen(_Model):
    """One screen of the programme."""

    id: str = Field(pattern=_ID_PATTERN)
    """Stable id; used in session files (notes, progress) and on the command line."""
    kind: ScreenKind
    """How the screen is shown and what it records."""
    title: str = Field(min_length=1)
    """The slide's title, in Dutch, as on the slide."""
    body: str = ""
    """The slide's text as Markdown (bullets as ``-``, quotes as ``>``)."""
    hint: str = ""
    """A short tip for the facilitator; shown in the notes pane, never on the projector."""
    pattern: str | None = None
    """For ``kind = "pattern"``: the id of the pattern drawn on this screen."""


class Part(_Model):
    """A part of the programme: a titled group of screens."""

    id: str = Field(pattern=_ID_PATTERN)
    """Stable id of the part."""
    title: str = Field(min_length=1)
    """Title as shown in the agenda."""
    number: int | None = None
    """The part's number in the programme (1-3); ``None`` for the opening."""
    screens: list[Screen] = Field(min_length=1)
    """The part's screens in order."""


class Pattern(_Model):
    """An example pattern: a reinforcing loop of steps, the last leading back to the first."""

    id: str = Field(pattern=_ID_PATTERN)
    """Stable id (a contract: session files refer to it)."""
    title: str = Field(min_length=1)
    """The pattern's name, e.g. ``Wereldvrede``."""
    steps: list[str] = Field(min_length=MIN_STEPS, max_length=MAX_STEPS)
    """The steps in cycle order."""


class Question(_Model):
    """A question the tables answer in the conversation."""

    id: str = Field(pattern=_ID_PATTERN)
    """Stable id (a contract: the keys of ``[tables.answers]``)."""
    text: str = Field(min_length=1)
    """The full question as on the slide."""
    kind: Literal["choice", "text"] = "text"
    """``choice`` for choosing the pattern; ``text`` for a free answer."""


class Layer(_Model):
    """One layer of the collaboration triangle, top to bottom."""

    id: LayerId
    """``doel``, ``spelregels`` or ``relatie`` (a contract: the tables' ``layer``)."""
    title: str = Field(min_length=1)
    """E.g. ``Over doel en vakinhoud``."""
    body: str = ""
    """The layer's explanation as Markdown."""
    questions: list[str] = Field(default_factory=list)
    """The questions to ask at this layer."""


class Deck(_Model):
    """A whole workshop programme."""

    format: Literal["patroon-deck"] = "patroon-deck"
    """Marks the file as a deck."""
    id: str = Field(pattern=_ID_PATTERN)
    """The deck's id, recorded in each session as ``session.deck``."""
    title: str = Field(min_length=1)
    """The workshop's title."""
    timer_minutes: int = Field(default=25, ge=1, le=240)
    """Default length of the table conversation."""
    parts: list[Part] = Field(min_length=1)
    """The programme, in order."""
    patterns: list[Pattern] = Field(default_factory=list)
    """The example patterns."""
    questions: list[Question] = Field(default_factory=list)
    """The conversation's questions, in order."""
    principles: list[str] = Field(default_factory=list)
    """The example leading principles."""
    layers: list[Layer] = Field(default_factory=list)
    """The collaboration triangle's layers, top to bottom."""

    @model_validator(mode="after")
    def _check_references(self) -> Deck:
        seen: set[str] = set()
        for part in self.parts:
            for screen in part.screens:
                if screen.id in seen:
                    raise ValueError(f"screen id {screen.id!r} is used twice")
                seen.add(screen.id)
        for what, ids in (
            ("part", [p.id for p in self.parts]),
            ("pattern", [p.id for p in self.patterns]),
            ("question", [q.id for q in self.questions]),
            ("layer", [layer.id for layer in self.layers]),
        ):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"{what} id {dupes[0]!r} is used twice")
        pattern_ids = {p.id for p in self.patterns}
        for screen in self.screens:
            if screen.kind == "pattern":
                if screen.pattern is None:
                    raise ValueError(f"pattern screen {screen.id!r} names no pattern")
                if screen.pattern not in pattern_ids:
                    raise ValueError(
                        f"screen {screen.id!r} refers to unknown pattern {screen.pattern!r}"
                    )
        return self

    # -- lookups -----------------------------------------------------------------------

    @property
    def screens(self) -> list[Screen]:
        """Every screen of every part, in programme order."""
        return [screen for part in self.parts for screen in part.screens]

    def screen_index(self, screen_id: str) -> int:
        """Position of a screen in programme order; ``ValueError`` if unknown."""
        for index, screen in enumerate(self.screens):
            if screen.id == screen_id:
                return index
        raise ValueError(f"unknown screen {screen_id!r}")

    def screen(self, screen_id: str) -> Screen:
        """The screen with this id; ``KeyError`` if unknown."""
        for screen in self.screens:
            if screen.id == screen_id:
                return screen
        raise KeyError(screen_id)

    def part_of(self, screen_id: str) -> Part:
        """The part a screen belongs to; ``KeyError`` if unknown."""
        for part in self.parts:
            if any(s.id == screen_id for s in part.screens):
                return part
        raise KeyError(screen_id)

    def pattern(self, pattern_id: str) -> Pattern:
        """The example pattern with this id; ``KeyError`` if unknown."""
        for pattern in self.patterns:
            if pattern.id == pattern_id:
                return pattern
        raise KeyError(pattern_id)

    @property
    def text_questions(self) -> list[Question]:
        """The questions answered in free text (``herkenbaar`` … ``voor-jezelf``)."""
        return [q for q in self.questions if q.kind == "text"]


class DeckError(Exception):
    """A deck file that cannot be used; the message names the file and what is wrong."""


def _field_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for item in loc:
        out += f"[{item}]" if isinstance(item, int) else (f".{item}" if out else str(item))
    return out


def parse_deck(data: dict, source: str) -> Deck:
    """Validate parsed TOML data as a deck; errors name ``source`` and the field path."""
    try:
        return Deck.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _field_path(first["loc"])
        detail = first["msg"]
        more = len(exc.errors()) - 1
        suffix = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        at = f" at {where}" if where else ""
        raise DeckError(f"Deck file {source} is not valid{at}: {detail}{suffix}.") from None


def load_deck(path: Path | str | None = None) -> Deck:
    """Load a deck file, or the default deck when ``path`` is ``None``."""
    if path is None:
        ref = resources.files("patroon_tui.decks").joinpath(f"{DEFAULT_DECK_ID}.toml")
        source = f"{DEFAULT_DECK_ID}.toml"
        raw = ref.read_bytes()
    else:
        path = Path(path)
        source = str(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise DeckError(f"Deck file {source} does not exist.") from None
        except IsADirectoryError:
            raise DeckError(f"Deck file {source} is a folder, not a file.") from None
        except OSError as exc:
            raise DeckError(f"Deck file {source} cannot be read: {exc.strerror}.") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise DeckError(f"Deck file {source} is not UTF-8 text.") from None
    except tomllib.TOMLDecodeError as exc:
        raise DeckError(f"Deck file {source} is not valid TOML: {exc}.") from None
    return parse_deck(data, source)
