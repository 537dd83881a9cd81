"""The start screen: begin a new session, or pick a saved one to resume (newest first)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Label, OptionList, RadioButton, RadioSet, Static
from textual.widgets.option_list import Option

from patroon_tui.core.model.follow_up import review_screen
from patroon_tui.core.model.session import Werkvorm
from patroon_tui.core.sessionfile.store import StoreError
from patroon_tui.core.text.terminal_safe import printable
from patroon_tui.messages import (
    CreateSession,
    FollowUpSessionFile,
    OpenSessionFile,
    PresentSessionFile,
)
from patroon_tui.widgets.footer import AppFooter

if TYPE_CHECKING:
    from patroon_tui.core.model.deck import Deck
    from patroon_tui.core.sessionfile.store import SessionEntry, SessionStore

WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


def describe_entry(entry: SessionEntry, today: dt.date, titles: dict[str, str]) -> Text:
    """One row of the saved sessions: title, date, last change, where it stopped.

    Everything that comes from the file or its name is shown with control characters
    escaped (``\\x1b``): Textual passes an ESC in a title on to the terminal.
    """
    if entry.error:
        text = Text(f"⚠ {printable(entry.path.name)}", style="bold")
        text.append(f"\n   {printable(entry.error)}", style="italic")
        return text
    text = Text(printable(entry.title or entry.id), style="bold")
    details = []
    if entry.date:
        details.append(entry.date.strftime("%d-%m-%Y"))
    if entry.updated:
        local = entry.updated.astimezone()
        when = local.strftime("%H:%M") if local.date() == today else local.strftime("%d-%m %H:%M")
        details.append(f"gewijzigd {when}")
    if entry.screen:
        details.append(f"gestopt bij: {printable(titles.get(entry.screen, entry.screen))}")
    if entry.tables is not None:
        details.append(f"{entry.tables} tafel{'s' if entry.tables != 1 else ''}")
    text.append("\n   " + " · ".join(details), style="dim")
    return text


WERKVORMEN = {"tafels": "aan tafels", "plenair": "plenair"}
"""How each werkvorm is named on the start screen."""


class StartScreen(Screen):
    """New session form on the left, saved sessions on the right."""

    CSS_PATH = "start.tcss"
    # Below 80 columns the form and the list share the width, and the form drops its gaps.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-normal")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "focus_form", "Nieuwe sessie", id="start-new"),
        Binding("ctrl+o", "focus_list", "Opgeslagen sessies", id="start-list"),
        # This terminal becomes the audience window of the session chosen in the list.
        # Named in the palette, not the footer: at 80 columns it would push out ctrl+q.
        Binding("f5", "present", "Publieksvenster", show=False, id="start-present"),
        # A follow-up of the session chosen in the list (patroon vervolg), in the palette too.
        Binding("ctrl+r", "follow_up", "Vervolgsessie", show=False, id="start-follow-up"),
    ]

    def __init__(self, deck: Deck, store: SessionStore, today: dt.date) -> None:
        super().__init__(id="start")
        self.deck = deck
        self.store = store
        self.today = today
        self._entries: dict[str, SessionEntry] = {}

    def compose(self) -> ComposeResult:
        yield Static(self.deck.title, id="start-title", markup=False)
        with Horizontal(id="start-columns"):
            with Vertical(id="new-session"):
                yield Label("Nieuwe sessie", classes="start-heading")
                yield Label("Titel")
                yield Input(placeholder="bijv. Wijkteam Noord", id="new-title", compact=True, select_on_focus=False)
                yield Label("Datum (leeg = vandaag)")
                # Today as a placeholder, not as text: a date typed here is the date, never
                # today's with the typed one behind it (no field selects its text).
                yield Input(placeholder=self.today.strftime("%d-%m-%Y"), id="new-date",
                            compact=True, select_on_focus=False)
                yield Label("Facilitator")
                yield Input(id="new-facilitator", compact=True, select_on_focus=False)
                yield Label("Locatie")
                yield Input(id="new-location", compact=True, select_on_focus=False)
                # The choice in words as well: the dot's colour alone is easy to miss, and
                # is lost on a projector or in a terminal without colours.
                yield Label(f"Werkvorm: {WERKVORMEN['tafels']}", id="werkvorm-label")
                with RadioSet(id="new-werkvorm", compact=True):
                    yield RadioButton(WERKVORMEN["tafels"], value=True, name="tafels")
                    yield RadioButton(WERKVORMEN["plenair"], name="plenair")
                yield Button("Start de sessie", id="new-start", variant="primary", compact=True)
            with Vertical(id="saved-sessions"):
                yield Label("Opgeslagen sessies (nieuwste eerst)", classes="start-heading")
                yield OptionList(id="saved-list")
        yield AppFooter()

    @on(RadioSet.Changed, "#new-werkvorm")
    def _werkvorm_chosen(self, event: RadioSet.Changed) -> None:
        chosen = WERKVORMEN.get(event.pressed.name or "", "")
        self.query_one("#werkvorm-label", Label).update(f"Werkvorm: {chosen}")

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#new-title", Input).focus()

    def reload(self) -> None:
        """Read the sessions folder again."""
        listing = self.query_one("#saved-list", OptionList)
        listing.clear_options()
        self._entries = {}
        try:
            entries = self.store.list()
        except StoreError as exc:  # an unreadable folder must not stop a new session
            listing.add_option(Option(str(exc), disabled=True))
            return
        today = self.today
        titles = {screen.id: screen.title for screen in self.deck.screens}
        titles.setdefault(review_screen(self.deck).id, review_screen(self.deck).title)
        for entry in entries:
            key = str(entry.path)
            self._entries[key] = entry
            try:
                row = describe_entry(entry, today, titles)
            except Exception as exc:
                # One file that cannot be shown must not hide every other session.
                row = Text(f"⚠ {printable(entry.path.name)}", style="bold")
                row.append(f"\n   kan niet worden getoond ({type(exc).__name__})", style="italic")
            listing.add_option(Option(row, id=key))
        if not entries:
            listing.add_option(Option("Nog geen opgeslagen sessies.", disabled=True))

    def action_focus_form(self) -> None:
        self.query_one("#new-title", Input).focus()

    def action_focus_list(self) -> None:
        listing = self.query_one("#saved-list", OptionList)
        listing.focus()
        if listing.highlighted is None and listing.option_count:
            listing.highlighted = 0

    def _chosen(self, what: str, key: str) -> SessionEntry | None:
        listing = self.query_one("#saved-list", OptionList)
        option = (listing.get_option_at_index(listing.highlighted)
                  if listing.highlighted is not None else None)
        entry = self._entries.get((option.id or "") if option is not None else "")
        if entry is None or entry.error:
            self.app.notify(f"Kies eerst in de lijst de sessie voor {what} (ctrl+o, "
                            f"pijltjes), en druk dan op {key}.", severity="warning")
            return None
        return entry

    def action_present(self) -> None:
        entry = self._chosen("het publieksvenster", "f5")
        if entry is not None:
            self.post_message(PresentSessionFile(entry.path))

    def action_follow_up(self) -> None:
        """A follow-up of the session chosen in the list, opened on its look back."""
        entry = self._chosen("een vervolgsessie", "ctrl+r")
        if entry is not None:
            self.post_message(FollowUpSessionFile(entry.path))

    @on(Input.Submitted)
    @on(Button.Pressed, "#new-start")
    def _start(self) -> None:
        title = self.query_one("#new-title", Input).value.strip()
        if not title:
            self.app.notify("Geef de sessie eerst een titel.", severity="warning")
            self.query_one("#new-title", Input).focus()
            return
        raw_date = self.query_one("#new-date", Input).value.strip()
        try:
            date = (dt.datetime.strptime(raw_date, "%d-%m-%Y").date() if raw_date
                    else self.today)
        except ValueError:
            self.app.notify(
                f"‘{raw_date}’ is geen datum; schrijf hem als dd-mm-jjjj.", severity="warning"
            )
            self.query_one("#new-date", Input).focus()
            return
        pressed = self.query_one("#new-werkvorm", RadioSet).pressed_button
        werkvorm: Werkvorm = "plenair" if pressed and pressed.name == "plenair" else "tafels"
        self.post_message(CreateSession(
            title=title,
            date=date,
            facilitator=self.query_one("#new-facilitator", Input).value.strip(),
            location=self.query_one("#new-location", Input).value.strip(),
            werkvorm=werkvorm,
        ))

    @on(OptionList.OptionSelected, "#saved-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        entry = self._entries.get(event.option_id or "")
        if entry is None:
            return
        if entry.error:
            self.app.notify(printable(entry.error), title="Kan niet openen", severity="error")
            return
        self.post_message(OpenSessionFile(entry.path))
