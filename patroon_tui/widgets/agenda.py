"""The agenda sidebar: the programme's parts and screens, current one marked.

Visited screens are ticked and screens with notes carry a pencil. An ``OptionList`` (not a
``Tree``) because its keys do not clash with the programme's navigation keys (a Tree binds
space) and one flat list is cheap to build for a few dozen screens.
"""

from __future__ import annotations

from collections.abc import Collection

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from patroon_tui.core.deck import Deck, Part


def part_label(part: Part) -> str:
    """``1 · Samenwerken …`` for numbered parts, the bare title otherwise."""
    return f"{part.number} · {part.title}" if part.number else part.title


class Agenda(OptionList):
    """Parts and their screens; selecting one (enter, click) jumps there."""

    DEFAULT_CSS = """
    Agenda { width: 24; height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; scrollbar-size-vertical: 1; border: none; border-right: vkey $panel-lighten-2; padding: 0; }
    Agenda:focus { border: none; border-right: vkey $accent; }
    """

    def __init__(
        self, deck: Deck, current: str, visited: Collection[str], noted: Collection[str], *,
        id: str | None = None,
    ) -> None:
        # Built with the marks already right, so the first paint needs no second pass.
        self._deck = deck
        self._marks: dict[str, tuple[bool, bool, bool]] = {}
        options: list[Option] = []
        for part in deck.parts:
            options.append(Option(Text(part_label(part), style="bold"), id=f"part:{part.id}", disabled=True))
            for screen in part.screens:
                marks = (screen.id == current, screen.id in visited, screen.id in noted)
                self._marks[screen.id] = marks
                options.append(Option(self._prompt(screen.title, *marks), id=screen.id))
        super().__init__(*options, id=id)

    @staticmethod
    def _prompt(title: str, current: bool, visited: bool, noted: bool) -> Text:
        mark = "▶" if current else ("✓" if visited else " ")
        text = Text(f"{mark}{'✎' if noted else ' '}")
        text.append(title, style="reverse bold" if current else ("dim" if visited else ""))
        return text

    def show_state(
        self, current: str, visited: Collection[str], noted: Collection[str]
    ) -> None:
        """Mark the current screen, tick visited ones, flag screens with notes."""
        for screen in self._deck.screens:
            marks = (screen.id == current, screen.id in visited, screen.id in noted)
            if self._marks.get(screen.id) != marks:
                self._marks[screen.id] = marks
                self.replace_option_prompt(screen.id, self._prompt(screen.title, *marks))
        index = self.get_option_index(current)
        if self.highlighted != index:
            self.highlighted = index
            self.scroll_to_highlight()
