"""The help screen: every key of the app, generated from the bindings themselves.

Sections come from the classes that declare the bindings (the app, the programme screen,
the recording widgets), so a new binding shows up here without anyone editing a list.
Esc or F1 closes it; a letter, digit or space typed while it is up closes it too and goes,
with the keys typed after it, to the field the cursor was in (it is text, not a command).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from patroon_tui import keyboard
from patroon_tui.dialogs.dialog import ClosesOnTyping, PassesTyping

TYPING_NOTE = (
    "Een letter is altijd tekst: geen letter, cijfer, spatie of leesteken is een opdracht. "
    "Wat je op een dia typt, komt in de notities van die dia; blader met PgDn/PgUp (ook de "
    "klikker) of Alt+→/Alt+←, ook midden in een zin. Esc haalt de cursor uit een tekstveld; "
    "F4 toont of verbergt de agenda, die bij een smal venster wijkt voor het invulscherm en "
    "de lus."
)

LAPTOP_NOTE = (
    "Op een MacBook: de F-toetsen met fn (fn+F2), PgDn/PgUp met fn+↓/fn+↑ (in Terminal van "
    "macOS fn+shift+↓/↑); ctrl+↑/↓ zijn daar van Mission Control: wat die doen, vind je "
    "ook met ctrl+p (Zoeken)."
)

QUESTION_NOTE = (
    "Een vraag beantwoord je met ←/→ (of Tab) en Enter; Esc of verder typen geeft het "
    "veilige antwoord, en wat je typt komt in het veld waar de cursor stond."
)


def key_names(display: Callable[[Binding], str], binding: Binding) -> str:
    """The keys of ``binding`` as ``display`` (the app's ``get_key_display``) names them:
    every key of a comma-separated list, the binding's own ``key_display`` for one key."""
    keys = [key.strip() for key in binding.key.split(",")]
    if len(keys) == 1:
        return display(binding)
    return ", ".join(display(replace(binding, key=key, key_display=None)) for key in keys)


def bindings_of(declared: Iterable[BindingType]) -> list[Binding]:
    """The ``Binding`` objects of a ``BINDINGS`` list (tuples made into bindings), each
    key and description once (a key bound twice, to be shown only at times, is one key)."""
    bindings: dict[tuple[str, str], Binding] = {}
    for declared_binding in declared:
        binding = (declared_binding if isinstance(declared_binding, Binding)
                   else Binding(*declared_binding))
        bindings.setdefault((binding.key, binding.description), binding)
    return list(bindings.values())


class HelpScroll(PassesTyping, VerticalScroll):
    """The help's keys, scrolled with the arrows; a printable key typed here goes on to
    the field under the help."""


class HelpScreen(ClosesOnTyping, ModalScreen[None]):
    """All keys, per place where they work."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#help-scroll"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1", "close", "Help sluiten",
                tooltip="Help sluiten (verder typen sluit haar ook; het getypte gaat naar "
                "het veld)",
                id="help-close"),
    ]

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__(id="help")
        self.sections = sections
        """(section title, bindings) in the order shown."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Help: alle toetsen", id="help-title")
            # The notes scroll with the keys: at 60x20 they would leave the keys two rows.
            with HelpScroll(id="help-scroll"):
                yield Static(TYPING_NOTE, id="help-note")
                yield Static(QUESTION_NOTE, id="help-questions", classes="help-note")
                yield Static(LAPTOP_NOTE, id="help-laptop", classes="help-note")
                for title, bindings in self.sections:
                    table = Table(
                        title=title, title_justify="left", title_style="bold",
                        show_header=False, box=None, expand=True, padding=(0, 1),
                    )
                    table.add_column("toets", style="bold", ratio=1, no_wrap=False)
                    table.add_column("doet", ratio=2)
                    for binding in bindings:
                        # The tooltip, where a binding has one, is the longer text the footer has no room for.
                        table.add_row(Text(key_names(self.app.get_key_display, binding)), Text(binding.tooltip or binding.description))
                    yield Static(table, classes="help-section")
            yield Static("Esc of F1: terug · ↑/↓: schuiven · verder typen: terug naar het veld",
                         id="help-close")

    def action_close(self) -> None:
        if self.is_current:
            self.dismiss(None)

    def typed_at(self, event: events.Key | events.Paste) -> None:
        """A printable key typed at the help: it closes, and the key is text in the field."""
        keyboard.put_back(self, event)
        self.action_close()
