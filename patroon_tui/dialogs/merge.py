"""Choosing the copies of a session to merge ("Samenvoegen…" on the start screen).

``MergeScreen(entries)`` lists the saved sessions; Enter ticks one, and the button
"Samenvoegen" (Tab to it, Enter) merges the ticked ones: it dismisses with their paths, or
``None`` (Esc). No printable key is a command here (docs/typing.md): a letter or a space
does nothing (ctrl+s stays the app's save).
Copies of one session usually sit side by side in the list, under one title.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static

from patroon_tui.core.text.terminal_safe import printable


class CopiesList(SelectionList[str], inherit_bindings=False):
    """The sessions to tick: Enter ticks or unticks. Space, a printable key, is no command
    here (the list's own space binding is not inherited) and, with no text field to take
    it, does nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Omlaag", show=False),
        Binding("up", "cursor_up", "Omhoog", show=False),
        Binding("home", "first", "Eerste", show=False),
        Binding("end", "last", "Laatste", show=False),
        Binding("pagedown", "page_down", "Pagina omlaag", show=False),
        Binding("pageup", "page_up", "Pagina omhoog", show=False),
        Binding("enter", "select", "Aan- of afvinken", show=False),
    ]


class MergeScreen(ModalScreen[list[Path] | None]):
    """Tick two or more copies of one session; merge them into a new session."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#merge-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuleren", id="merge.cancel"),
    ]

    def __init__(self, entries: list[tuple[Path, str]]) -> None:
        super().__init__(id="merge")
        self._entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(id="merge-dialog"):
            yield Static("Kopieën samenvoegen", id="merge-title")
            yield Static("Vink met Enter de kopieën van één sessie aan (een per laptop), ga "
                         "met Tab naar Samenvoegen en druk Enter. De kopieën blijven zoals ze "
                         "zijn; het resultaat is een nieuwe sessie.", id="merge-help")
            yield CopiesList(
                *((printable(label), str(path)) for path, label in self._entries),
                id="merge-list", compact=True,
            )
            with Horizontal(id="merge-buttons"):
                yield Button("Samenvoegen", variant="primary", id="merge-go")
                yield Button("Annuleren (Esc)", id="merge-cancel")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_merge(self) -> None:
        chosen = self.query_one("#merge-list", SelectionList).selected
        if len(chosen) < 2:
            self.notify("Vink minstens twee kopieën aan (Enter).", severity="warning")
            return
        self.dismiss([Path(p) for p in chosen])

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "merge-go":
            self.action_merge()
        else:
            self.action_cancel()
