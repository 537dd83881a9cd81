"""The trash ("Prullenbak", from the command palette): what was removed, to put back.

``TrashScreen(entries, now)`` lists the session's removed tables, own patterns, principles
and first steps, newest first: kind, name or first words, and when. Keyboard only: the
arrows choose, enter puts the chosen one back (the dialog dismisses with its
``TrashEntry``; the app puts it back and shows it), escape closes (``None``). The dialog
has no text field and no key of it is printable: a letter typed here closes it and goes
on to the field below (as at a question), and no key reaches the screen below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from patroon_tui import keyboard
from patroon_tui.core.model.session import TrashEntry
from patroon_tui.core.model.trash import describe
from patroon_tui.dialogs.dialog import ClosesOnTyping, PassesTyping

#: Said when nothing was removed.
EMPTY = "De prullenbak is leeg: er is niets verwijderd."


def when(moment: dt.datetime, now: dt.datetime) -> str:
    """When something was removed, in the local time: ``10:02`` today, else with the date."""
    local = moment.astimezone(now.tzinfo) if now.tzinfo else moment.astimezone()
    if local.date() == now.date():
        return f"vandaag {local:%H:%M}"
    return f"{local.day}-{local.month}-{local.year} {local:%H:%M}"


class TrashList(PassesTyping, OptionList):
    """The removed records; a letter typed on it goes on to the field below."""


class TrashScreen(ClosesOnTyping, ModalScreen[TrashEntry | None]):
    """Choose a removed record and put it back where it was."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#trash-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the list's own enter (select) would come after the key bubbled back.
        Binding("enter", "put_back", "Het gekozene terugzetten waar het stond", priority=True,
                id="trash.put-back"),
        Binding("escape", "close", "Prullenbak sluiten", id="trash.close"),
    ]

    def __init__(self, entries: list[TrashEntry], now: dt.datetime) -> None:
        super().__init__(id="trash")
        self.entries = entries
        """What the list shows, in its order (newest first)."""
        self._now = now
        self._done = False

    def compose(self) -> ComposeResult:
        with Vertical(id="trash-dialog"):
            yield Static("Prullenbak", id="trash-title")
            if self.entries:
                yield TrashList(*(self._option(e) for e in self.entries), id="trash-list",
                                compact=True)
                yield Static("↑/↓ kiezen · Enter zet terug · Esc sluit", id="trash-keys")
            else:
                yield Static(EMPTY, id="trash-empty")
                yield Static("Esc of Enter sluit", id="trash-keys")

    def _option(self, entry: TrashEntry) -> Option:
        kind, name = describe(entry)
        line = Text()
        line.append(f"{kind}: ", style="bold")
        line.append(name or "(leeg)")
        line.append(f" · {when(entry.removed_at, self._now)}", style="dim")
        return Option(line)

    def action_put_back(self) -> None:
        if not self.entries:
            self.action_close()
            return
        index = self.query_one("#trash-list", OptionList).highlighted
        if index is not None and 0 <= index < len(self.entries):
            self._finish(self.entries[index])

    def action_close(self) -> None:
        self._finish(None)

    def _finish(self, entry: TrashEntry | None) -> None:
        # Only the first answer counts: a second enter typed before the dialog is gone
        # must not pop the screen below.
        if self._done or not self.is_current:
            return
        self._done = True
        self.dismiss(entry)

    def typed_at(self, event: events.Key | events.Paste) -> None:
        """A letter typed here is text, as at a question: the dialog closes and the
        letter goes on to the field below."""
        if not self._done:
            keyboard.put_back(self, event)
            self._finish(None)
