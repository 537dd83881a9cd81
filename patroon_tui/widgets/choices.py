"""Two choices drawn as text, for the tables form: ``PatternChoice`` and ``LayerChoice``.

The form had Textual's ``Select`` and ``RadioSet`` here. In this form neither takes the
cursor: ctrl+t and ctrl+l choose from the keyboard, and a letter typed goes on into the
field being typed in. What the two brought besides a mouse click (eleven widgets with their
stylesheets, and a list built up front for a menu that is rarely opened) cost resuming on
the tables screen some 4 % (``benchmarks/bench_startup.py``, old and new paired). Each
choice here is one widget that draws its text; the pattern's menu is built only while it
is open.

Both are for the mouse and never take the focus. A click on the pattern opens its menu
under it; a click on a name chooses it, and the menu closes on a choice, on a second click
on the pattern, when the mouse leaves it, or when the form is hidden. A click on a layer
chooses it. Each posts ``Changed`` on a choice made with the mouse; setting ``value`` or
``index`` from code redraws without a message, as the form does when it shows a table.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.markup import escape
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static


def _link(action: str, text: str) -> str:
    """Markup for ``text`` (typed, so escaped) that runs ``action`` on a click."""
    return f"[@click={action}]{escape(text)}[/]"


class PatternMenu(Static, can_focus=False):
    """The open list of a ``PatternChoice``: one clickable line per pattern."""

    def __init__(self, options: list[tuple[str, str]], prompt: str, value: str) -> None:
        super().__init__()
        self.set_options(options, prompt, value)

    def set_options(self, options: list[tuple[str, str]], prompt: str, value: str) -> None:
        """List ``options`` after ``prompt`` (no pattern), the one chosen (``value``) bold."""
        #: The values in the order shown; the first is no pattern.
        self.values = ["", *(v for _title, v in options)]
        titles = [prompt, *(title for title, _v in options)]
        lines = [_link(f"choose({i})", title) for i, title in enumerate(titles)]
        chosen = self.values.index(value) if value in self.values else 0
        lines[chosen] = f"[b]{lines[chosen]}[/b]"
        self.update(Content.from_markup("\n".join(lines)))

    def action_choose(self, index: int) -> None:
        self.post_message(self.Chosen(self.values[index]))

    def on_leave(self, event: events.Leave) -> None:
        if event.node is self:
            self.post_message(self.Chosen(None))

    class Chosen(Message):
        """A line was clicked (``value``), or the mouse left the menu (``None``)."""

        def __init__(self, value: str | None) -> None:
            super().__init__()
            self.value = value


class PatternChoice(Widget, can_focus=False):
    """The chosen pattern's title (or the prompt) on one line; a click opens the menu."""

    DEFAULT_CSS = """
    PatternChoice {
        width: 1fr;
        height: 1;
        background: $surface;
        color: $foreground;
        pointer: pointer;
        &.-empty { color: $foreground 50%; }
        &:hover { background: $surface-lighten-1; }
        /* The open menu lies over the form: framed, on its own background and as wide as
           its longest name, so it never reads as one text with the words behind it. */
        & > PatternMenu {
            overlay: screen;
            constrain: none inside;
            margin-top: 1;
            width: auto;
            min-width: 100%;
            max-width: 40;
            height: auto;
            text-wrap: nowrap;
            text-overflow: ellipsis;
            color: $foreground;
            background: $panel;
            border: round $accent;
            link-style: none;
            link-color: $foreground;
            link-background: transparent;
            link-style-hover: bold;
            link-color-hover: $foreground;
            link-background-hover: $accent 40%;
        }
    }
    """

    def __init__(
        self, options: list[tuple[str, str]], value: str, *, prompt: str, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.prompt = prompt
        self._options = options
        self._value = value
        self.set_class(not value, "-empty")

    @property
    def options(self) -> list[tuple[str, str]]:
        return self._options

    @property
    def value(self) -> str:
        """The chosen pattern's id; ``""`` is none."""
        return self._value

    @value.setter
    def value(self, value: str) -> None:
        # Any id is shown, also one that is not offered (a file edited by hand names a
        # pattern that is not there): it is the table's, and is never silently dropped.
        if value != self._value:
            self._value = value
            self.set_class(not value, "-empty")
            self.refresh()

    def set_options(self, options: list[tuple[str, str]]) -> None:
        """Offer ``options`` ((title, id) pairs); the value stays as it is."""
        self._options = options
        self.refresh()
        for menu in self.query(PatternMenu):
            menu.set_options(options, self.prompt, self._value)

    @property
    def expanded(self) -> bool:
        return bool(self.query(PatternMenu))

    def open(self) -> None:
        if not self.expanded:
            self.mount(PatternMenu(self._options, self.prompt, self._value))

    def close(self) -> None:
        self.query(PatternMenu).remove()

    def render(self) -> Content:
        title = next((t for t, v in self._options if v == self._value), self._value)
        title = title or self.prompt
        width = max(self.content_region.width - 2, 1)
        return Content.assemble(Content(title).truncate(width, ellipsis=True, pad=True), " ▼")

    def on_click(self, event: events.Click) -> None:
        if event.widget is not self:
            return
        if self.expanded:
            self.close()
        else:
            self.open()

    def on_hide(self) -> None:
        # The screen turned, or the form hid: the menu is not left open for its return.
        self.close()

    def on_pattern_menu_chosen(self, event: PatternMenu.Chosen) -> None:
        event.stop()
        self.close()
        if event.value is not None and event.value != self._value:
            self.value = event.value
            self.post_message(self.Changed(self, event.value))

    class Changed(Message):
        """A pattern was chosen with the mouse (``value``: its id, ``""`` for none)."""

        def __init__(self, choice: PatternChoice, value: str) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> PatternChoice:
            return self.choice


class LayerChoice(Widget, can_focus=False):
    """The layers, one per line, the chosen one marked; a click on one chooses it."""

    DEFAULT_CSS = """
    LayerChoice {
        width: 1fr;
        height: auto;
        link-style: none;
        link-color: $foreground;
        link-background: transparent;
        link-color-hover: $foreground;
        link-background-hover: $surface-lighten-1;
    }
    """

    def __init__(self, titles: list[str], index: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.titles = titles
        self._index = index

    @property
    def index(self) -> int:
        """The chosen line (0: the first)."""
        return self._index

    @index.setter
    def index(self, index: int) -> None:
        if index != self._index:
            self._index = index
            self.refresh()  # the same lines, other marks: no layout

    def render(self) -> Content:
        lines = []
        for i, title in enumerate(self.titles):
            if i == self._index:
                lines.append(f"[$success]●[/] [b]{_link(f'choose({i})', title)}[/b]")
            else:
                lines.append(f"[$foreground 50%]○[/] {_link(f'choose({i})', title)}")
        return Content.from_markup("\n".join(lines))

    def action_choose(self, index: int) -> None:
        if index != self._index:
            self.index = index
            self.post_message(self.Changed(self, index))

    class Changed(Message):
        """A layer was chosen with the mouse (``index``: its line)."""

        def __init__(self, choice: LayerChoice, index: int) -> None:
            super().__init__()
            self.choice = choice
            self.index = index

        @property
        def control(self) -> LayerChoice:
            return self.choice

