"""The help screen: every key of the app, generated from the bindings themselves.

Sections come from the classes that declare the bindings (the app, the programme screen,
the recording widgets), so a new binding shows up here without anyone editing a list.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_NAMES = {
    "right": "→", "left": "←", "up": "↑", "down": "↓",
    "pagedown": "PgDn", "pageup": "PgUp", "space": "Spatie", "escape": "Esc",
    "enter": "Enter", "tab": "Tab", "home": "Home", "end": "End", "delete": "Delete",
    "backspace": "Backspace", "question_mark": "?", "insert": "Insert",
}
MODIFIERS = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift"}

TYPING_NOTE = (
    "Op de invulschermen (tafels, principes, eerste stappen, driehoek, samenvatting) typen "
    "n, p en spatie gewoon mee: blader daar met PgDn/PgUp (ook de klikker) of Alt+→/Alt+←. "
    "Esc haalt de cursor uit een tekstveld; F4 toont of verbergt de agenda, die bij een "
    "smal venster wijkt voor het invulscherm en de lus."
)


def format_key(key: str) -> str:
    """``ctrl+pagedown`` → ``Ctrl+PgDn``; ``f2`` → ``F2``; ``R`` → ``Shift+R``."""
    *mods, name = key.split("+")
    if len(name) == 1 and name.isupper():
        mods.append("shift")
    shown = KEY_NAMES.get(name, name.upper() if name.startswith("f") and name[1:].isdigit() else name)
    if len(shown) == 1 and mods:
        shown = shown.upper()
    return "+".join([*(MODIFIERS.get(m, m) for m in mods), shown])


def format_keys(keys: str) -> str:
    """A binding's comma-separated keys, each formatted."""
    return ", ".join(format_key(k.strip()) for k in keys.split(","))


def bindings_of(declared: Iterable[BindingType]) -> list[Binding]:
    """The ``Binding`` objects of a ``BINDINGS`` list (tuples made into bindings)."""
    return [b if isinstance(b, Binding) else Binding(*b) for b in declared]


class HelpScreen(ModalScreen[None]):
    """All keys, per place where they work."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#help-scroll"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "close", "Help sluiten", id="help-close"),
    ]

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__(id="help")
        self.sections = sections
        """(section title, bindings) in the order shown."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Help: alle toetsen", id="help-title")
            yield Static(TYPING_NOTE, id="help-note")
            with VerticalScroll(id="help-scroll"):
                for title, bindings in self.sections:
                    table = Table(
                        title=title, title_justify="left", title_style="bold",
                        show_header=False, box=None, expand=True, padding=(0, 1),
                    )
                    table.add_column("toets", style="bold", ratio=1, no_wrap=False)
                    table.add_column("doet", ratio=2)
                    for binding in bindings:
                        # The tooltip, where a binding has one, is the longer text the footer has no room for.
                        table.add_row(Text(format_keys(binding.key)), Text(binding.tooltip or binding.description))
                    yield Static(table, classes="help-section")
            yield Static("Esc of F1: terug · ↑/↓: schuiven", id="help-close")

    def action_close(self) -> None:
        self.dismiss(None)
