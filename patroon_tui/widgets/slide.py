"""The middle of the programme screen: one deck screen's body, chosen by its kind.

``programme``, ``text``, ``quote`` and ``conversation`` screens are the deck's Markdown;
``pattern`` screens draw the pattern's loop; the recording kinds are the widgets that edit
the session. Modules are imported when a kind is first shown, so the first screen appears
without paying for the others.
"""

from __future__ import annotations

import importlib

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from patroon_tui.core.deck import Deck, Screen
from patroon_tui.core.session import Session

#: The recording kinds and the widget class that records each: "module:Class".
RECORDING_WIDGETS: dict[str, str] = {
    "tables": "patroon_tui.widgets.tables:TablesPanel",
    "principles": "patroon_tui.widgets.principles:PrinciplesPanel",
    "first_steps": "patroon_tui.widgets.first_steps:FirstStepsPanel",
    "triangle": "patroon_tui.widgets.triangle:TrianglePanel",
    "summary": "patroon_tui.widgets.summary:SummaryPanel",
}


def recording_class(kind: str) -> type[Widget]:
    """The widget class that records ``kind``."""
    module_name, class_name = RECORDING_WIDGETS[kind].split(":")
    return getattr(importlib.import_module(module_name), class_name)


class SlideScroll(VerticalScroll, can_focus=False):
    """Scrolls a long slide; never takes focus, so the arrow keys keep turning pages."""


class TextSlide(SlideScroll):
    """A slide of Markdown: the title, then the deck's body."""

    def __init__(self, screen: Screen, markdown: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes=f"slide -{screen.kind}")
        self._screen = screen
        self._markdown = markdown

    def compose(self) -> ComposeResult:
        # Imported here: Markdown brings its parser and a syntax highlighter (tens of
        # milliseconds), which a session resumed on a pattern or recording screen does not
        # need before its first screen is shown.
        from textual.widgets import Markdown

        yield Static(self._screen.title, classes="slide-title", markup=False)
        yield Markdown(self._markdown, classes="slide-body")


class PatternSlide(Vertical):
    """An example pattern drawn as a loop that fills the room it gets."""

    def __init__(self, screen: Screen, deck: Deck, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="slide -pattern")
        self._screen = screen
        self._pattern = deck.pattern(screen.pattern or "")

    def compose(self) -> ComposeResult:
        from patroon_tui.widgets.loop_view import LoopView

        yield Static(self._screen.title, classes="slide-title", markup=False)
        yield LoopView(self._pattern.title, self._pattern.steps, classes="slide-loop")

    @property
    def loop(self) -> Widget:
        """The loop widget (reactives ``highlight`` and ``reveal``)."""
        return self.query_one(".slide-loop")


def conversation_markdown(deck: Deck, screen: Screen) -> str:
    """The conversation slide: its body, then the deck's questions numbered."""
    questions = "\n".join(f"{n}. {q.text}" for n, q in enumerate(deck.questions, 1))
    return f"{screen.body.strip()}\n\n{questions}\n" if screen.body.strip() else questions


def build_body(deck: Deck, session: Session, screen: Screen) -> Widget:
    """The widget that shows ``screen``."""
    body_id = f"body-{screen.id}"
    if screen.kind == "pattern":
        return PatternSlide(screen, deck, id=body_id)
    if screen.kind in RECORDING_WIDGETS:
        widget = recording_class(screen.kind)(deck, session, id=body_id)
        widget.add_class("slide", "-recording")
        return widget
    if screen.kind == "conversation":
        return TextSlide(screen, conversation_markdown(deck, screen), id=body_id)
    return TextSlide(screen, screen.body, id=body_id)
