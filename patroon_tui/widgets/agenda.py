"""The agenda sidebar: the programme's parts and screens, current one marked.

Visited screens are ticked and screens with notes carry a pencil. Under each part's title
the minutes spent and planned (``⚠`` when it ran over), and at the top when the programme
will end if what remains goes as planned (``core/model/timekeeping.py``), kept up to date every
half minute.

An ``OptionList`` (not a ``Tree``) because its keys do not clash with the programme's
navigation keys (a Tree binds space) and one flat list is cheap to build for a few dozen
screens. The marks (current, visited, notes) are drawn by the agenda, not kept in the
options' prompts: a page turn changes two rows' marks and repaints those two rows, where
changing a prompt makes Textual's list measure every option and draw every row again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection

from rich.text import Text
from textual import events
from textual.reactive import var
from textual.strip import Strip
from textual.visual import Padding, Visual, visualize
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from patroon_tui.core.model.deck import Deck, Part
from patroon_tui.core.model.session import Progress
from patroon_tui.core.model.timekeeping import PartTime, part_times, predicted_end

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
        self._titles = {screen.id: screen.title for screen in deck.screens}
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
                # Fixed: the two cells of the marks, then the title (drawn with its marks).
                options.append(Option(Text(f"  {screen.title}"), id=screen.id))
        if self._plans():
            # First: the one figure a facilitator glances at, in view however long the list.
            self._end = self._end_prompt()
            options.insert(0, Option(self._end, id=END_ID, disabled=True))
        super().__init__(*options, id=id)
        # Each option's lines as drawn, by index: (prompt, look, width, lines).
        self._drawn: dict[int, tuple[object, object, int, list[Strip]]] = {}
        # What a screen's row shows (its marks and title), by option index.
        self._shown: dict[int, Text] = {}
        self._rows: list[tuple[int, int]] | None = None
        self._hover: int | None = None

    folded: var[bool] = var(False, init=False)
    """Folded away (``-folded``): where it would take the room the slide needs, or by f4."""

    def watch_folded(self, folded: bool) -> None:
        self.set_class(folded, "-folded")
        if folded and self.has_focus:
            self.screen.set_focus(None)

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

    # -- drawing -------------------------------------------------------------------------

    def _option_rows(self) -> list[tuple[int, int]]:
        """Each line of the list as (option index, line of the option); every option is as
        many lines as its prompt (the agenda does not wrap)."""
        if self._rows is None:
            self._rows = [(index, line) for index, option in enumerate(self.options)
                          for line in range(str(option.prompt).count("\n") + 1)]
        return self._rows

    def _refresh_option(self, index: int | None) -> None:
        """Repaint the rows of the option at ``index`` only."""
        if index is None:
            return
        rows = [n for n, (option, _) in enumerate(self._option_rows()) if option == index]
        if rows:
            self.refresh_lines(rows[0], len(rows))

    def _prompt_shown(self, index: int, option: Option) -> object:
        """What the option's row shows: a screen with its marks, a part as it is."""
        marks = self._marks.get(option.id or "")
        if marks is None:
            return option.prompt
        shown = self._shown.get(index)
        if shown is None:
            shown = self._shown[index] = self._prompt(self._titles[option.id or ""], *marks)
        return shown

    def replace_option_prompt(self, option_id: str, prompt) -> Agenda:
        super().replace_option_prompt(option_id, prompt)
        self._rows = None
        return self

    def on_resize(self) -> None:
        self._drawn.clear()

    def notify_style_update(self) -> None:
        self._drawn.clear()
        super().notify_style_update()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = event.style.meta.get("option")
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def render_line(self, y: int) -> Strip:
        # As OptionList draws a line, but an option's lines are drawn again only when its
        # prompt or look changes (OptionList draws every option anew after any change).
        width = self.scrollable_content_region.width
        rows = self._option_rows()
        line = self.scroll_offset.y + y
        if not 0 <= line < len(rows):
            return Strip.blank(width, self.get_visual_style("option-list--option").rich_style)
        index, offset = rows[line]
        option = self.options[index]
        prompt = self._prompt_shown(index, option)
        look = ("option-list--option-disabled" if option.disabled
                else "option-list--option-highlighted" if self.highlighted == index
                else "option-list--option-hover" if self._hover == index else "")
        # The look's style follows focus and theme (cached by Textual per pseudo-class).
        style = (self.get_visual_style("option-list--option", look) if look
                 else self.get_visual_style("option-list--option"))
        drawn = self._drawn.get(index)
        if drawn is None or drawn[0] is not prompt or drawn[1] != style or drawn[2] != width:
            visual: Visual = visualize(self, prompt)
            padding = self.get_component_styles("option-list--option").padding
            if padding:
                visual = Padding(visual, padding)
            strips = [strip.extend_cell_length(width, style.rich_style).apply_meta({"option": index})
                      for strip in Visual.to_strips(self, visual, width, None, style)]
            drawn = self._drawn[index] = (prompt, style, width, strips)
        strips = drawn[3]
        if offset < len(strips):
            return strips[offset]
        return Strip.blank(width, self.get_visual_style("option-list--option").rich_style)

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
                index = self.get_option_index(screen.id)
                self._shown.pop(index, None)
                self._refresh_option(index)
        if self._progress is not None:
            self._show_time()
        index = self.get_option_index(current)
        if self.highlighted != index:
            # Set without the list's own watcher, which repaints every row: the rows of the
            # option left and the one arrived on are repainted, and scrolled into view.
            before = self.highlighted
            self.set_reactive(Agenda.highlighted, index)
            self._refresh_option(before)
            self._refresh_option(index)
            if self.scrollable_content_region.height:
                # (Hidden, it has no rows to scroll: the list scrolls to it once shown.)
                self.scroll_to_highlight()

