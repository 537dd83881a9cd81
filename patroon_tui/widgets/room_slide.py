"""What the audience window shows of a recording screen: never the fields being typed in.

The room sees the screen's title and introduction; on the tables screen also the
questions the tables talk about; on the triangle screen the triangle drawn and each layer
with what it means and asks. Answers appear only when the facilitator shows them
(f10 in the facilitator's window), as the room state brings them (``core/room/room_files.py``).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from patroon_tui.core.drawing.triangle import draw_triangle
from patroon_tui.core.model.deck import Deck, Screen
from patroon_tui.core.room.room_files import Shown
from patroon_tui.widgets.slide import SlideScroll


class RoomSlide(SlideScroll):
    """A recording screen as the room sees it."""

    DEFAULT_CSS = """
    RoomSlide { padding: 1 2; }
    RoomSlide .slide-title { text-style: bold; color: $accent; margin-bottom: 1; }
    RoomSlide .room-intro { margin-bottom: 1; }
    RoomSlide .room-question { margin-bottom: 1; }
    RoomSlide #room-shown { height: auto; border-top: hkey $accent 50%; padding-top: 1; }
    RoomSlide #room-shown.-empty { display: none; }
    /* Answers shown: they are what the room reads now, at any size; the questions are
       their labels. */
    RoomSlide.-showing .room-intro, RoomSlide.-showing .room-question { display: none; }
    RoomSlide.-showing #room-shown { border-top: none; padding-top: 0; }
    RoomSlide .room-shown-title { text-style: bold; margin-bottom: 1; }
    RoomSlide .room-label { text-style: bold; }
    RoomSlide .room-text { margin-bottom: 1; }
    """

    def __init__(self, deck: Deck, screen: Screen, *, id: str | None = None) -> None:
        super().__init__(id=id, classes=f"slide -room -{screen.kind}")
        self._deck = deck
        self._screen = screen
        self._shown: Shown | None = None

    def compose(self) -> ComposeResult:
        screen = self._screen
        yield Static(screen.title, classes="slide-title", markup=False)
        if screen.body.strip():
            yield Static(screen.body.strip(), classes="room-intro", markup=False)
        if screen.kind == "tables":
            questions = [q for q in self._deck.questions if q.kind == "text"]
            for number, question in enumerate(questions, 1):
                yield Static(f"{number}. {question.text}", classes="room-question", markup=False)
        if screen.kind == "triangle":
            yield from self._layers()
        yield Vertical(id="room-shown", classes="-empty")

    def _layers(self) -> ComposeResult:
        layers = self._deck.layers
        labels = [f"{n}  {layer.title}" for n, layer in enumerate(layers, 1)]
        yield Static("\n".join(draw_triangle(labels)), classes="room-question", markup=False)
        for number, layer in enumerate(layers, 1):
            lines = [f"{number}. {layer.title}", *layer.paragraphs()]
            lines += [f"• {question}" for question in layer.questions]
            yield Static("\n".join(lines), classes="room-question", markup=False)

    def on_mount(self) -> None:
        wanted, self._shown = self._shown, None
        self.show(wanted)

    def show(self, shown: Shown | None) -> None:
        """Show these answers to the room (``None``: take them away)."""
        if not self.is_mounted:
            self._shown = shown  # drawn once mounted
            return
        if shown == self._shown:
            return
        self._shown = shown
        box = self.query_one("#room-shown", Vertical)
        box.remove_children()
        box.set_class(shown is None, "-empty")
        self.set_class(shown is not None, "-showing")
        self.scroll_home(animate=False)
        if shown is None:
            return
        parts = [Static(shown.title, classes="room-shown-title", markup=False)]
        for label, text in shown.items:
            if label:
                parts.append(Static(label, classes="room-label", markup=False))
            parts.append(Static(text, classes="room-text", markup=False))
        if not shown.items:
            parts.append(Static("Nog niets ingevuld.", classes="room-text", markup=False))
        box.mount_all(parts)
