"""The principles screen's body: the group's own leading principles and the deck's examples.

``PrinciplesPanel`` lists the principles the group drafts ("Wat doen we als …") as fields
to type in: add, edit, remove (after a question), reorder. The deck's example principles
are shown beside or below them, muted, for reference. When there are none yet, an empty
field is ready; it becomes a principle with the first character typed.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from patroon_tui.core.deck import Deck
from patroon_tui.core.session import Principle, Session
from patroon_tui.messages import SessionChanged
from patroon_tui.screens.confirm import ConfirmScreen
from patroon_tui.widgets.fields import RecordInput
from patroon_tui.widgets.recording import RecordingBody

PROMPT = "Wat doen we als …"

#: From this width the examples stand beside the group's own principles.
WIDE = 110


def shorten(text: str, width: int = 60) -> str:
    """One line of at most ``width`` characters, for naming a text in a question."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


class PrincipleInput(RecordInput):
    """One principle's text; ``index`` is its place in ``session.principles``."""

    def __init__(self, value: str, index: int) -> None:
        super().__init__(value, placeholder=PROMPT, classes="principle-input", compact=True)
        self.index = index


class PrinciplesPanel(RecordingBody):
    """Draft the group's own leading principles."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

    BINDINGS = [
        Binding("ctrl+n", "add", "Nieuw principe", id="principles.add"),
        Binding("f8", "remove", "Principe verwijderen", id="principles.remove"),
        Binding("alt+up", "move(-1)", "Omhoog", id="principles.move-up"),
        Binding("alt+down", "move(1)", "Omlaag", id="principles.move-down"),
    ]

    def __init__(
        self,
        deck: Deck,
        session: Session,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(deck, session, id=id, classes=classes)

    # -- public API -------------------------------------------------------------------

    def focus_first(self) -> None:
        """Cursor in the first principle (an empty one is ready when there are none)."""
        if not self.when_ready(self.focus_first):
            return
        inputs = self.query(PrincipleInput)
        if inputs:
            inputs.first().focus()

    def refresh_from_session(self) -> None:
        """Reload the principles from the session."""
        if not self.when_ready(self.refresh_from_session):
            return
        self.run_worker(self._rebuild(None), exclusive=True, group="principles-rebuild")

    # -- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="principles-columns"):
            with VerticalScroll(id="principles-own"):
                yield Static("Onze principes", classes="section-title")
                yield Vertical(*self._rows(), id="principles-list")
            if self.deck.principles:
                with VerticalScroll(id="principles-examples"):
                    yield Static("Voorbeelden", classes="section-title")
                    for n, text in enumerate(self.deck.principles, start=1):
                        yield Static(f"{n}. {text}", classes="example")

    def _rows(self) -> list[Horizontal]:
        texts = [p.text for p in self.session.principles] or [""]
        return [
            Horizontal(Label(f"{n}.", classes="number"), PrincipleInput(text, n - 1), classes="row")
            for n, text in enumerate(texts, start=1)
        ]

    async def _rebuild(self, focus_index: int | None) -> None:
        container = self.query_one("#principles-list", Vertical)
        await container.remove_children()
        await container.mount_all(self._rows())
        if focus_index is not None:
            inputs = list(self.query(PrincipleInput))
            inputs[max(0, min(focus_index, len(inputs) - 1))].focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")

    def _changed(self) -> None:
        self.post_message(SessionChanged())

    def _focused_index(self) -> int | None:
        focused = self.screen.focused
        return focused.index if isinstance(focused, PrincipleInput) else None

    # -- typing -----------------------------------------------------------------------

    @on(Input.Changed, ".principle-input")
    def _text_changed(self, event: Input.Changed) -> None:
        field = event.input
        assert isinstance(field, PrincipleInput)
        principles = self.session.principles
        value = field.model_value()
        if field.index < len(principles):
            if principles[field.index].text != value:
                principles[field.index].text = value
                self._changed()
        elif value and field.index == len(principles):
            # The ready field of an empty list becomes a principle once something is typed.
            principles.append(Principle(text=value))
            self._changed()

    @on(Input.Submitted, ".principle-input")
    async def _text_done(self, event: Input.Submitted) -> None:
        field = event.input
        assert isinstance(field, PrincipleInput)
        inputs = list(self.query(PrincipleInput))
        if field.index + 1 < len(inputs):
            inputs[field.index + 1].focus()
        elif field.value.strip():
            await self.action_add()

    # -- actions ----------------------------------------------------------------------

    async def action_add(self) -> None:
        at = self._focused_index()
        principles = self.session.principles
        index = len(principles) if at is None else min(at + 1, len(principles))
        principles.insert(index, Principle(text=""))
        self._changed()
        await self._rebuild(index)

    def action_remove(self) -> None:
        at = self._focused_index()
        principles = self.session.principles
        if at is None or at >= len(principles):
            return
        text = principles[at].text

        async def answer(remove: bool | None) -> None:
            if remove and at < len(principles) and principles[at].text == text:
                del principles[at]
                self._changed()
                await self._rebuild(at)

        if not text.strip():
            self.run_worker(answer(True))
            return
        self.app.push_screen(
            ConfirmScreen(f"Principe {at + 1} verwijderen? “{shorten(text)}”"), answer
        )

    async def action_move(self, delta: int) -> None:
        at = self._focused_index()
        principles = self.session.principles
        if at is None or at >= len(principles):
            return
        target = at + delta
        if not 0 <= target < len(principles):
            return
        principles[at], principles[target] = principles[target], principles[at]
        self._changed()
        await self._rebuild(target)

