"""The agenda sidebar: the programme's parts and screens, current one marked.

Visited screens are ticked and screens with notes carry a pencil. Under each part's title
the minutes spent and planned (``⚠`` when it ran over), and at the top when the programme
will end if what remains goes as planned (``core/timekeeping.py``), kept up to date every
half minute.

An ``OptionList`` (not a ``Tree``) because its keys do not clash with the programme's
navigation keys (a Tree binds space) and one flat list is cheap to build for a few dozen
screens.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from patroon_tui.core.deck import Deck, Part
from patroon_tui.core.session import Progress
from patroon_tui.core.timekeeping import PartTime, part_times, predicted_end

END_ID = "part:einde"


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
        progress: Progress | None = None, now: Callable[[], dt.datetime] | None = None,
        id: str | None = None,
    ) -> None:
        # Built with the marks already right, so the first paint needs no second pass.
        self._deck = deck
        self._current = current
        self._progress = progress
        self._now = now or (lambda: dt.datetime.now().astimezone())
        self._marks: dict[str, tuple[bool, bool, bool]] = {}
        self._times: dict[str, Text] = {}
        times = self._part_times()
        options: list[Option] = []
        for part in deck.parts:
            prompt = self._part_prompt(part, times.get(part.id))
            self._times[part.id] = prompt
            options.append(Option(prompt, id=f"part:{part.id}", disabled=True))
            for screen in part.screens:
                marks = (screen.id == current, screen.id in visited, screen.id in noted)
                self._marks[screen.id] = marks
                options.append(Option(self._prompt(screen.title, *marks), id=screen.id))
        if self._plans():
            # First: the one figure a facilitator glances at, in view however long the list.
            self._end = self._end_prompt()
            options.insert(0, Option(self._end, id=END_ID, disabled=True))
        super().__init__(*options, id=id)

    def on_mount(self) -> None:
        if self._progress is not None and self._plans():
            self.set_interval(30, self._show_time)

    # -- time ----------------------------------------------------------------------------

    def _plans(self) -> bool:
        return self._progress is not None and any(p.minutes for p in self._deck.parts)

    def _part_times(self) -> dict[str, PartTime]:
        if self._progress is None:
            return {}
        return {t.part_id: t for t in part_times(self._deck, self._progress)}

    @staticmethod
    def _part_prompt(part: Part, times: PartTime | None) -> Text:
        text = Text(part_label(part), style="bold")
        if times is None or (times.planned is None and not times.spent):
            return text
        spent = round(times.spent / 60)
        line = f"{spent} van {times.planned} min" if times.planned is not None else f"{spent} min"
        text.append("\n")
        text.append(f"  ⚠ {line}" if times.over else f"  {line}", style="bold" if times.over else "dim")
        return text

    def _end_prompt(self) -> Text:
        assert self._progress is not None
        end = predicted_end(self._deck, self._progress, self._current, self._now())
        return Text(f"Einde rond {end.astimezone(self._now().tzinfo):%H:%M}", style="dim")

    def _show_time(self) -> None:
        """The minutes per part and the expected end, as the session has them now."""
        times = self._part_times()
        for part in self._deck.parts:
            prompt = self._part_prompt(part, times.get(part.id))
            if prompt != self._times.get(part.id):
                self._times[part.id] = prompt
                self.replace_option_prompt(f"part:{part.id}", prompt)
        if self._plans():
            end = self._end_prompt()
            if end != self._end:
                self._end = end
                self.replace_option_prompt(END_ID, end)

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
        self._current = current
        for screen in self._deck.screens:
            marks = (screen.id == current, screen.id in visited, screen.id in noted)
            if self._marks.get(screen.id) != marks:
                self._marks[screen.id] = marks
                self.replace_option_prompt(screen.id, self._prompt(screen.title, *marks))
        if self._progress is not None:
            self._show_time()
        index = self.get_option_index(current)
        if self.highlighted != index:
            self.highlighted = index
            self.scroll_to_highlight()
