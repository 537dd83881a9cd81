"""The report's pieces of text: runs of words (typed or the report's own), headings,
paragraphs, typed texts and lists. The report document (``document.py``) and the sections
built beside it (``first_steps.py``) are made of them; every renderer reads them.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Heading", "Item", "Items", "Line", "Paragraph", "Run", "TypedText", "plain", "words"]


@dataclass(frozen=True)
class Run:
    """A piece of a line: typed by people (kept and escaped) or the report's own words."""

    text: str
    typed: bool = True
    strong: bool = False


def words(text: str, *, strong: bool = False) -> Run:
    """The report's own wording."""
    return Run(text, typed=False, strong=strong)


Line = tuple[Run, ...]


def plain(line: Line) -> str:
    """A line's text without any markup."""
    return "".join(run.text for run in line)


@dataclass(frozen=True)
class Heading:
    """A heading, level 1 (the title) to 4; ``new_page``: printed on a new page."""

    level: int
    line: Line
    new_page: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of short text (may hold typed labels)."""

    line: Line


@dataclass(frozen=True)
class TypedText:
    """A longer text as typed (an answer, a note): every line break kept."""

    text: str


@dataclass(frozen=True)
class Item:
    """A list item: its text (typed, line breaks kept) and an optional line under it."""

    text: str
    detail: Line = ()
    typed: bool = True


@dataclass(frozen=True)
class Items:
    """A bulleted or numbered list."""

    items: tuple[Item, ...]
    numbered: bool = False
