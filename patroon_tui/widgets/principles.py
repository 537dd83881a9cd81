"""The principles screen's body: the group's own leading principles and the deck's examples.

``PrinciplesPanel`` lists the principles the group drafts ("Wat doen we als …") as fields
to type in: add, edit, remove (after a question), reorder (``EditableList``). The deck's
example principles are shown beside or below them, muted, for reference. When there are
none yet, an empty field is ready; it becomes a principle with the first character typed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, Static

from patroon_tui.core.model.session import Principle
from patroon_tui.widgets.editable_list import EditableList, ListField, shorten
from patroon_tui.widgets.fields import FieldScroll

__all__ = ["PrincipleInput", "PrinciplesPanel", "shorten"]

#: From this width the examples stand beside the group's own principles.
WIDE = 110


class PrincipleInput(ListField):
    """One principle's text; ``index`` is its place in ``session.principles``; ``prompt``
    is what it says while empty (the deck's ``principle_prompt``)."""

    def __init__(self, value: str, index: int, prompt: str = "") -> None:
        super().__init__(value, index, placeholder=prompt, classes="principle-input")


class PrinciplesPanel(EditableList):
    """Draft the group's own leading principles."""

    DEFAULT_CSS = """
    PrinciplesPanel {
        height: 1fr;
        width: 1fr;
    }

    PrinciplesPanel #principles-columns {
        layout: vertical;
        height: 1fr;
    }

    PrinciplesPanel.-wide #principles-columns {
        layout: horizontal;
    }

    PrinciplesPanel #principles-own {
        height: 2fr;
        padding: 0 1;
    }

    PrinciplesPanel #principles-examples {
        height: 1fr;
        padding: 0 1;
        border-top: hkey $panel;
        color: $text-muted;
    }

    PrinciplesPanel.-wide #principles-own {
        width: 3fr;
        height: 1fr;
    }

    PrinciplesPanel.-wide #principles-examples {
        width: 2fr;
        height: 1fr;
        border-top: none;
        border-left: vkey $panel;
    }

    PrinciplesPanel .section-title {
        text-style: bold;
        color: $accent;
        margin-bottom: 1;
    }

    PrinciplesPanel #principles-examples .section-title {
        color: $text-muted;
    }

    PrinciplesPanel #principles-list {
        height: auto;
    }

    PrinciplesPanel .row {
        height: auto;
        margin-bottom: 1;
    }

    PrinciplesPanel .number {
        width: 4;
    }

    PrinciplesPanel .principle-input {
        width: 1fr;
    }

    PrinciplesPanel .example {
        margin-bottom: 1;
        text-style: italic;
    }

    /* Fields look like fields, also on a terminal with few colours. */
    PrinciplesPanel .list-field {
        background: $boost;
    }

    PrinciplesPanel .list-field:focus {
        background: $primary 25%;
    }
    """

    BINDINGS = [
        Binding("ctrl+n", "add", "Nieuw principe", id="principles.add", priority=True),
        Binding("f8", "remove", "Principe verwijderen", id="principles.remove", priority=True,
                tooltip="Principe naar de prullenbak (Ctrl+P zet terug)"),
        *EditableList.move_bindings("principles"),
    ]

    FIRST_FIELD = PrincipleInput
    LIST_ID = "principles-list"
    TRASH_KIND = "principles"

    # -- the list ---------------------------------------------------------------------

    def items(self) -> list[Principle]:
        return self.session.principles

    def new_item(self, **values: str) -> Principle:
        return Principle(text=values.get("text", ""))

    def rows(self) -> list[Widget]:
        texts = [p.text for p in self.session.principles] or [""]
        return [
            Horizontal(
                Label(f"{n}.", classes="number"),
                PrincipleInput(text, n - 1, self.deck.principle_prompt),
                classes="row",
            )
            for n, text in enumerate(texts, start=1)
        ]

    def removal_question(self, index: int, item: Principle) -> str | None:
        if not item.text.strip():
            return None
        return f"Principe {index + 1} verwijderen? “{shorten(item.text)}”"

    async def submitted(self, field: ListField) -> None:
        # Enter goes to the next principle; after the last one (with text) it starts a new one.
        inputs = self.fields_of(PrincipleInput)
        if field.index + 1 < len(inputs):
            self.focus_now(inputs[field.index + 1])
        elif field.value.strip():
            await self.action_add()

    # -- building ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="principles-columns"):
            with FieldScroll(id="principles-own"):
                yield Static("Onze principes", classes="section-title")
                yield self.list_container()
            if self.deck.principles:
                with FieldScroll(id="principles-examples"):
                    yield Static("Voorbeelden", classes="section-title")
                    for n, text in enumerate(self.deck.principles, start=1):
                        yield Static(f"{n}. {text}", classes="example")

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")
