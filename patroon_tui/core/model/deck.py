"""The workshop programme as data: pydantic models of a deck and its loader.

A deck is a TOML file (the default one ships in ``patroon_tui/decks/``) holding the parts of
the programme and their screens, the example patterns, the conversation questions, the
example principles and the layers of the collaboration triangle. Screens never carry
workshop text in code: a new programme is a new deck file. Every text of a deck is made safe
for a terminal as it is read: a control character is written out (``\\x1b``), as in typed
text (``core.text.terminal_safe.printable``), so no screen shows a deck's escape sequence raw.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from patroon_tui.core.files.toml_scan import scan_text
from patroon_tui.core.files.user_files import TextFileError, read_text
from patroon_tui.core.text.terminal_safe import KEPT_CONTROLS, printable
from patroon_tui.core.text.wording import field_path, more_errors, pydantic_detail, toml_problem

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
    "review",  # a follow-up's look back on the earlier session's steps and principles
]

LayerId = Literal["doel", "spelregels", "relatie"]

MIN_STEPS = 2
MAX_STEPS = 12

_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class _DeckFieldError(ValueError):
    """A cross-reference problem found after the fields validated, with the field it concerns.

    A model validator can only raise at the level of the whole deck; carrying the path lets
    ``parse_deck`` name the exact field, as it does for pydantic's own field errors.
    """

    def __init__(self, loc: tuple[int | str, ...], message: str) -> None:
        super().__init__(message)
        self.loc = loc
        self.message = message


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _shown_safely(cls, data: object) -> object:
        # A deck may come from anyone: an escape sequence in a slide's text would act on
        # the facilitator's and the room's terminals (retitle, clear) wherever it is shown.
        # Made visible here, as typed text is on opening, so every screen gets safe text.
        if isinstance(data, dict):
            return {key: _visible(value) for key, value in data.items()}
        return data


def _visible(value: object) -> object:
    """A deck's text with its control characters written out (``\\x1b``), as typed text's."""
    if isinstance(value, str):
        return printable(value, keep=KEPT_CONTROLS)
    if isinstance(value, list):
        return [_visible(item) if isinstance(item, str) else item for item in value]
    return value


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
    minutes: int | None = Field(default=None, ge=0, le=600)
    """Planned minutes for this screen (optional; the part's minutes are what count)."""
    figure: Literal["triangle"] | None = None
    """A drawing on a text slide, under its title: ``triangle``, the deck's layers."""


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
    minutes: int | None = Field(default=None, ge=0, le=600)
    """Planned minutes for the part (optional): the agenda and the report compare the
    time spent with it."""


class Pattern(_Model):
    """An example pattern: a reinforcing loop of steps, the last leading back to the first."""

    id: str = Field(pattern=_ID_PATTERN)
    """Stable id (a contract: session files refer to it)."""
    title: str = Field(min_length=1)
    """The pattern's name, e.g. ``Wereldvrede``."""
    steps: list[str] = Field(min_length=MIN_STEPS, max_length=MAX_STEPS)
    """The steps in cycle order."""
    slow: list[int] = Field(default_factory=list)
    """The slow arrows (a delay: the next step follows only after a while), each by the
    number of the step it leaves from (1-based; the last step's arrow leads back to 1)."""

    @field_validator("slow")
    @classmethod
    def _slow_arrows_exist(cls, slow: list[int], info: ValidationInfo) -> list[int]:
        steps = info.data.get("steps")
        if steps is None:
            return slow  # the steps are wrong already, and said so
        for arrow in slow:
            if not 1 <= arrow <= len(steps):
                raise ValueError(
                    f"pijl {arrow} bestaat niet: het patroon heeft {len(steps)} stappen,"
                    f" dus de pijlen 1 tot en met {len(steps)} (pijl 1 gaat van stap 1 naar 2)"
                )
        return sorted(set(slow))


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

    def paragraphs(self) -> list[str]:
        """The explanation's paragraphs, each on one line (a line break inside a paragraph
        is the file's, not the slide's)."""
        return [" ".join(block.split()) for block in self.body.split("\n\n") if block.strip()]


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
    principle_prompt: str = ""
    """What an empty principle's field says, e.g. ``Wat doen we als …`` (none when empty)."""
    layer_question: str = ""
    """The question each table answers by choosing a layer of the triangle (optional: the
    tables form shows a plain label without it)."""
    layers: list[Layer] = Field(default_factory=list)
    """The collaboration triangle's layers, top to bottom."""
    review: Screen | None = None
    """The look back a follow-up session opens on (``kind = "review"``): put in front of
    the programme only for a session that follows up another (``core/model/follow_up.py``)."""

    @model_validator(mode="after")
    def _check_references(self) -> Deck:
        seen: set[str] = set()
        for p, part in enumerate(self.parts):
            for s, screen in enumerate(part.screens):
                if screen.id in seen:
                    raise _DeckFieldError(
                        ("parts", p, "screens", s, "id"),
                        f"scherm-id {screen.id!r} komt twee keer voor",
                    )
                seen.add(screen.id)
        for field, what, ids in (
            ("parts", "deel-id", [part.id for part in self.parts]),
            ("patterns", "patroon-id", [pattern.id for pattern in self.patterns]),
            ("questions", "vraag-id", [question.id for question in self.questions]),
            ("layers", "laag-id", [layer.id for layer in self.layers]),
        ):
            for index, item_id in enumerate(ids):
                if item_id in ids[:index]:
                    raise _DeckFieldError(
                        (field, index, "id"), f"{what} {item_id!r} komt twee keer voor"
                    )
        if self.review is not None:
            self._check_review(self.review, seen)
        pattern_ids = {pattern.id for pattern in self.patterns}
        for p, part in enumerate(self.parts):
            for s, screen in enumerate(part.screens):
                if screen.kind != "pattern":
                    continue
                where = ("parts", p, "screens", s, "pattern")
                if screen.pattern is None:
                    raise _DeckFieldError(where, "een patroonscherm moet een patroon noemen")
                if screen.pattern not in pattern_ids:
                    known = ", ".join(repr(i) for i in sorted(pattern_ids)) or "geen"
                    raise _DeckFieldError(
                        where,
                        f"patroon {screen.pattern!r} staat niet onder [[patterns]]"
                        f" (bekende patronen: {known})",
                    )
        return self

    def _check_review(self, review: Screen, screen_ids: set[str]) -> None:
        # A follow-up gets the look back as a part of its own in front of the programme
        # (``follow_up.programme_for``), unless a screen there has its id: then it would
        # open without one, and nobody would be told.
        if review.kind != "review":
            raise _DeckFieldError(("review", "kind"), 'de terugblik moet kind = "review" hebben')
        for ids, what in ((screen_ids, "scherm"), ({part.id for part in self.parts}, "deel")):
            if review.id in ids:
                raise _DeckFieldError(("review", "id"), f"scherm-id {review.id!r} is al een "
                                      f"{what} van het programma; geef de terugblik een eigen id")

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


# A deck forbids unknown keys; say so in the deck's own terms.
_DECK_WORDING = {"extra_forbidden": "dit veld kent een deck niet", "value_error": "{error}"}


def _describe(error: Mapping[str, Any]) -> tuple[tuple[int | str, ...], str]:
    """The field path and a plain Dutch description of one pydantic error."""
    ctx = error.get("ctx") or {}
    cause = ctx.get("error")
    if isinstance(cause, _DeckFieldError):
        return cause.loc, cause.message
    return tuple(error["loc"]), pydantic_detail(error, _DECK_WORDING)


def _owner_id(data: object, loc: tuple[int | str, ...]) -> str | None:
    """The id of the innermost table along ``loc`` that has one, so a message can say
    which screen or pattern is meant and not only its position."""
    found = None
    node = data
    for item in loc[:-1]:
        if isinstance(node, dict):
            node = node.get(item)
        elif isinstance(node, list) and isinstance(item, int) and 0 <= item < len(node):
            node = node[item]
        else:
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
    return found


def parse_deck(data: dict, source: str) -> Deck:
    """Validate parsed TOML data as a deck; errors name ``source`` and the field path."""
    try:
        return Deck.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        loc, detail = _describe(errors[0])
        where = field_path(loc)
        suffix = more_errors(len(errors) - 1)
        owner = _owner_id(data, loc)
        named = f" (id {owner!r})" if owner and loc[-1] != "id" else ""
        at = f" bij {where}{named}" if where else ""
        raise DeckError(f"Deckbestand {source} klopt niet{at}: {detail}{suffix}.") from None


def _toml_problem(exc: tomllib.TOMLDecodeError, text: str, source: str) -> str:
    """A sentence naming the file, the line, what is wrong and (short) that line's text.

    The line is quoted only from a ``.toml`` file: ``--deck`` pointed at some other file
    (the password database, a key) must not print what that file holds.
    """
    line, problem = toml_problem(exc, text)
    sentence = f"Deckbestand {source} is geen geldige TOML{problem}."
    if not source.endswith(".toml"):
        return sentence
    lines = text.splitlines()
    shown = lines[line - 1].strip() if line is not None and 0 < line <= len(lines) else ""
    if len(shown) > 60:
        shown = shown[:59] + "…"
    return f"{sentence} Regel {line} is: {shown}" if shown else sentence


def load_deck(path: Path | str | None = None) -> Deck:
    """Load a deck file, or the default deck when ``path`` is ``None``."""
    if path is None:
        ref = resources.files("patroon_tui.decks").joinpath(f"{DEFAULT_DECK_ID}.toml")
        source = f"{DEFAULT_DECK_ID}.toml"
        text = ref.read_text(encoding="utf-8")
    else:
        source = str(path)
        try:
            text = read_text(Path(path), "Deckbestand")
        except TextFileError as exc:
            raise DeckError(str(exc)) from None
    # The session files' check on the raw text: a byte order mark, nesting that would run
    # the parser out of stack, a number Python will not convert (both crash tomllib).
    raw_problem = scan_text(text)
    if raw_problem is not None:
        line, reason = raw_problem
        raise DeckError(f"Deckbestand {source} kan niet worden gelezen (regel {line}): {reason}.")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DeckError(_toml_problem(exc, text, source)) from None
    return parse_deck(data, source)
