"""The middle of the programme screen: one deck screen's body, chosen by its kind.

``programme``, ``text``, ``quote`` and ``conversation`` screens are the deck's Markdown;
``pattern`` screens draw the pattern's loop; the recording kinds are the widgets that edit
the session, each built by the plain function that ``RECORDING_WIDGETS`` names for its kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from patroon_tui.core.drawing.triangle import slide_triangle
from patroon_tui.core.model.deck import Deck, Screen
from patroon_tui.core.model.session import Session

if TYPE_CHECKING:
    from patroon_tui.widgets.loop_view import LoopView
    from patroon_tui.widgets.recording import RecordingBody, SessionPlace
    from patroon_tui.widgets.summary import SummaryPanel

# One function per kind, each importing its module when called: the first screen appears
# without paying for the recording widgets (the tables form alone brings its choices,
# the own-pattern button and the loop view), and a session resumed on one of them loads
# only that one.


def _tables() -> type[RecordingBody]:
    from patroon_tui.widgets.tables import TablesPanel

    return TablesPanel


def _principles() -> type[RecordingBody]:
    from patroon_tui.widgets.principles import PrinciplesPanel

    return PrinciplesPanel


def _first_steps() -> type[RecordingBody]:
    from patroon_tui.widgets.first_steps import FirstStepsPanel

    return FirstStepsPanel


def _triangle() -> type[RecordingBody]:
    from patroon_tui.widgets.triangle import TrianglePanel

    return TrianglePanel


def _review() -> type[RecordingBody]:
    from patroon_tui.widgets.review import ReviewPanel

    return ReviewPanel


def _summary() -> type[SummaryPanel]:
    from patroon_tui.widgets.summary import SummaryPanel

    return SummaryPanel


#: The recording kinds and, for each, the function giving the widget class that records it.
RECORDING_WIDGETS: dict[str, Callable[[], type[RecordingBody]]] = {
    "tables": _tables,
    "principles": _principles,
    "first_steps": _first_steps,
    "triangle": _triangle,
    "summary": _summary,
    "review": _review,
}


def recording_class(kind: str) -> type[RecordingBody]:
    """The widget class that records ``kind``."""
    return RECORDING_WIDGETS[kind]()


class SlideScroll(VerticalScroll, can_focus=False):
    """Scrolls a long slide; never takes focus, so the arrow keys keep turning pages."""


class TextSlide(SlideScroll):
    """A slide of Markdown: the title, then the deck's body."""

    # A readable line length; a quote large and centred.
    DEFAULT_CSS = """
    TextSlide { height: 1fr; padding: 1 2; }
    TextSlide .slide-title { text-style: bold; color: $accent; margin-bottom: 1; }
    TextSlide .slide-body { margin: 0; padding: 0; }
    TextSlide.-quote { align: center middle; }
    TextSlide.-quote .slide-title { text-align: center; width: 100%; }
    TextSlide.-quote .slide-body { text-style: bold italic; width: 100%; max-width: 90; }
    """

    def __init__(self, screen: Screen, markdown: str, *, id: str | None = None,
                 figure: list[str] | None = None) -> None:
        super().__init__(id=id, classes=f"slide -{screen.kind}")
        self._screen = screen
        self._markdown = markdown
        self._figure = figure or []

    def compose(self) -> ComposeResult:
        yield Static(self._screen.title, classes="slide-title", markup=False)
        if self._figure:  # a drawing the deck asks for, lines of text: see slide_figure
            yield Static("\n".join([*self._figure, ""]), classes="slide-figure", markup=False)
        # One widget drawing the lines (a page turn lays out and paints it alone), or, for
        # Markdown beyond what it draws, Textual's, a widget per block. Imported here: the
        # parser and Textual's Markdown (its syntax highlighter) cost tens of milliseconds
        # a session resumed on a pattern or recording screen need not pay before it shows.
        from patroon_tui.widgets.slide_markdown import SlideMarkdown, parse

        blocks = parse(self._markdown)
        if blocks is not None:
            yield SlideMarkdown(self._markdown, blocks, classes="slide-body")
            return
        from textual.widgets import Markdown

        yield Markdown(self._markdown, classes="slide-body")


class PatternSlide(Vertical):
    """An example pattern drawn as a loop that fills the room it gets.

    Where the session's first steps cut the loop is hidden until asked (``show_breaks``):
    the room first looks at the pattern itself, as it is recognised, before it sees where
    it decided to intervene; the facilitator shows that when the talk gets there.
    """

    DEFAULT_CSS = """
    PatternSlide { height: 1fr; padding: 0 1; }
    PatternSlide .slide-title { text-style: bold; color: $accent; height: auto; }
    PatternSlide .slide-loop { height: 1fr; }
    """

    def __init__(self, screen: Screen, deck: Deck, *, session: Session | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id, classes="slide -pattern")
        self._screen = screen
        self._pattern = deck.pattern(screen.pattern or "")
        self._session = session
        self.breaks_shown = False
        """Whether the loop shows where the session's first steps cut it."""

    def compose(self) -> ComposeResult:
        from patroon_tui.widgets.loop_view import LoopView

        yield Static(self._screen.title, classes="slide-title", markup=False)
        yield LoopView(self._pattern.title, self._pattern.steps, slow=self._pattern.slow,
                       classes="slide-loop")

    @property
    def tied(self) -> bool:
        """Whether a first step cuts this loop (or the cuts are shown, to be hidden again)."""
        from patroon_tui.core.model.breaks import breaks_of

        session = self._session
        return self.breaks_shown or session is not None and bool(
            breaks_of(session, self._pattern.id, len(self._pattern.steps)))

    def on_show(self) -> None:
        if self.breaks_shown:  # first steps tied or changed on their screen since
            self.show_breaks(True)

    def show_breaks(self, shown: bool) -> int:
        """Show (or hide) where the first steps agreed so far cut the loop; the number of
        first steps shown on it."""
        from patroon_tui.core.model.breaks import breaks_of

        self.breaks_shown = shown
        session = self._session
        cuts = {} if session is None or not shown else breaks_of(
            session, self._pattern.id, len(self._pattern.steps))
        notes = {n: session.first_steps[n - 1].text
                 for steps in cuts.values() for n in steps} if session else {}
        self.loop.set_cuts(cuts, notes)
        return len(notes)

    @property
    def loop(self) -> LoopView:
        """The loop widget (reactives ``highlight`` and ``reveal``)."""
        from patroon_tui.widgets.loop_view import LoopView

        return self.query_one(".slide-loop", LoopView)


def conversation_markdown(deck: Deck, screen: Screen) -> str:
    """The conversation slide: its body, then the deck's questions numbered."""
    questions = "\n".join(f"{n}. {q.text}" for n, q in enumerate(deck.questions, 1))
    return f"{screen.body.strip()}\n\n{questions}\n" if screen.body.strip() else questions


def slide_figure(deck: Deck, screen: Screen) -> list[str]:
    """The drawing a text slide shows under its title (``figure`` in the deck)."""
    if screen.figure == "triangle" and deck.layers:
        return slide_triangle([layer.title for layer in deck.layers])
    return []


def text_markdown(deck: Deck, screen: Screen) -> str | None:
    """The Markdown of a text slide (``None`` for a pattern or recording screen)."""
    if screen.kind == "pattern" or screen.kind in RECORDING_WIDGETS:
        return None
    if screen.kind == "conversation":
        return conversation_markdown(deck, screen)
    return screen.body


def build_body(deck: Deck, session: Session, screen: Screen,
               place: SessionPlace | None = None) -> Widget:
    """The widget that shows ``screen`` (the summary writes its report beside ``place``)."""
    body_id = f"body-{screen.id}"
    if screen.kind == "pattern":
        return PatternSlide(screen, deck, session=session, id=body_id)
    if screen.kind in RECORDING_WIDGETS:
        widget = (_summary()(deck, session, place=place, id=body_id) if screen.kind == "summary"
                  else recording_class(screen.kind)(deck, session, id=body_id))
        widget.add_class("slide", "-recording")
        return widget
    if screen.kind == "conversation":
        return TextSlide(screen, conversation_markdown(deck, screen), id=body_id)
    return TextSlide(screen, screen.body, id=body_id, figure=slide_figure(deck, screen))
