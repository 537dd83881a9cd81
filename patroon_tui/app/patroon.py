"""``PatroonApp``: the wiring of the app — its keys, the command palette, and the
messages the screens send up (a change to save, a screen shown).

It is built from what it runs (deck, store, session, path), so tests and snapshots
construct it directly; ``factory`` builds and runs it for the command line. What it does
is done by its parts, each given the app: ``keys`` (``key_routing.KeyRouter``),
``opening`` (``opening.SessionOpening``), ``ending`` (``ending.SessionEnding``),
``dialogs`` (``dialogs.DialogHost``), ``trash`` (``trash.Trash``); the app keeps the
methods Textual calls (actions, message handlers, overrides), each handing over to a part.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.reactive import reactive
from textual.screen import Screen

from patroon_tui import garbage_collector as collector
from patroon_tui.app.autosave import Autosave
from patroon_tui.app.commands import PatroonCommands
from patroon_tui.app.ending import EndOnSignal, SessionEnding
from patroon_tui.app.key_routing import KeyRoutedApp
from patroon_tui.app.opening import SessionOpening
from patroon_tui.app.themes import Themes
from patroon_tui.app.trash import Trash
from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.session import Session
from patroon_tui.core.text.key_names import format_key
from patroon_tui.core.text.terminal_safe import printable
from patroon_tui.dialogs import DialogHost
from patroon_tui.messages import (
    AskChoice,
    AskConfirm,
    AskReportPath,
    CreateSession,
    EditOwnPattern,
    FollowUpSessionFile,
    OpenSessionFile,
    PresentSessionFile,
    ScreenShown,
    SessionChanged,
)

if TYPE_CHECKING:
    from patroon_tui.app.room_link import RoomLink
    from patroon_tui.core.model.timekeeping import TimeKeeper
    from patroon_tui.core.sessionfile.store import SessionStore
    from patroon_tui.screens.programme import ProgrammeScreen


BLANK_TIP = "Zaal zwart: het publieksvenster leeg, nog eens: terug"


class PatroonApp(KeyRoutedApp):
    """Runs one workshop session (or the start screen that picks one)."""

    # The programme's styles are the app's: the programme can be the first (default)
    # screen, and Textual loads a screen's own CSS_PATH only for pushed screens.
    CSS_PATH = ["app.tcss", "../screens/programme.tcss"]
    TITLE = "Patroon"
    COMMANDS: ClassVar = {PatroonCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Opslaan", show=False, priority=True, id="save"),
        # The room's window blank and back (like a presenter's B key, but never a letter).
        # In the footer while the presenter console is on; it works wherever a programme is.
        # Before ctrl+q, so an 80-column footer keeps it rather than the palette's key.
        # f12 too: inside tmux ctrl+b is tmux's own prefix, and the key typed after it
        # would be taken as a tmux command.
        Binding("ctrl+b,f12", "blank_room('console')", "Zaal zwart", tooltip=BLANK_TIP,
                priority=True, id="blank-room-console"),
        Binding("ctrl+b,f12", "blank_room", "Zaal zwart", tooltip=BLANK_TIP, show=False,
                priority=True, id="blank-room"),
        Binding("ctrl+q", "quit", "Stop", tooltip="Opslaan en stoppen", priority=True, id="quit"),
        Binding("ctrl+p", "command_palette", "Zoeken", priority=True, id="palette"),
        Binding("f1", "help", "Help", priority=True, id="help"),
        Binding("ctrl+c", "save", "Opslaan (afsluiten gaat met ctrl+q)", show=False, priority=True, id="ctrl-c"),
    ]

    # Not a repaint of the whole screen (a reactive on the app repaints it all, three
    # times a save): the save indicator, which watches it, repaints itself.
    save_state: reactive[str] = reactive("saved", repaint=False)
    """``saved``, ``dirty``, ``saving``, ``error`` or ``read_only`` (the header shows it).
    Written by the autosave alone (``Autosave.state``, from what it knows of the saves),
    and ``read_only`` by the opening of a session that is not saved."""

    def __init__(
        self,
        deck: Deck,
        store: SessionStore,
        session: Session | None = None,
        path: Path | None = None,
        *,
        read_only: bool = False,
        start_screen: str | None = None,
        now: Callable[[], dt.datetime] | None = None,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.themes = Themes(self, "begeleider", theme)
        """This window's theme (``theme``: given on the command line, and remembered)."""
        self.deck = deck
        self.store = store
        self.session = session
        self.path = path
        self.read_only = read_only
        self.start_screen = start_screen
        self._now = now or (lambda: dt.datetime.now().astimezone())
        self.autosave: Autosave | None = None
        self.room: RoomLink | None = None
        """The link to an audience window (not in read-only mode)."""
        self.timekeeper: TimeKeeper | None = None
        self.programme: ProgrammeScreen | None = None
        self.opening = SessionOpening(self)
        """Opens a session: lock, lock dialog, read-only, the programme screen."""
        self.ending = SessionEnding(self)
        """Ends a session: quit, rescue copies, a file changed elsewhere, signals."""
        self.dialogs = DialogHost(self)
        """Opens the dialogs the widgets ask for."""
        self.trash = Trash(self)
        """The palette's "Prullenbak": what was removed, put back."""
        self.kept_versions: list[Path] = []
        """Other versions of the session file, kept aside before ours replaced them."""
        self.rescue_message: str | None = None
        """Where a rescue copy went, for the terminal once the app is gone."""

    def now(self) -> dt.datetime:
        """Local wall-clock time."""
        return self._now()

    def today(self) -> dt.date:
        """Today's date."""
        return self._now().date()

    def on_mount(self) -> None:
        # The command line paused the collector while the app was built; it runs again
        # once the first screen is drawn, without rescanning what start-up built.
        self.call_after_refresh(collector.resume)
        self.ending.watch_signals()
        # Counted into the session, saved with the next save (never a save of its own).
        self.set_interval(1.0, self._count_time)
        self.opening.mounted()
        self.themes.mounted()

    async def action_quit(self) -> None:
        await self.ending.quit()

    def on_unmount(self) -> None:
        self.ending.unmounted()

    async def on_end_on_signal(self, message: EndOnSignal) -> None:
        await self.ending.end_on_signal(message)

    def get_default_screen(self) -> Screen:
        return self.opening.default_screen()

    def on_create_session(self, event: CreateSession) -> None:
        self.opening.create_session(title=event.title, date=event.date,
                                    facilitator=event.facilitator, location=event.location,
                                    werkvorm=event.werkvorm)

    def on_open_session_file(self, event: OpenSessionFile) -> None:
        self.opening.open_path(event.path)

    def on_follow_up_session_file(self, event: FollowUpSessionFile) -> None:
        self.opening.follow_up(event.path)

    def on_present_session_file(self, event: PresentSessionFile) -> None:
        self.opening.present(event.path)

    # -- changes and saving ------------------------------------------------------------

    @on(SessionChanged)
    def _on_session_changed(self, event: SessionChanged) -> None:
        self.session_changed()
        programme = self.programme
        if self.room is not None and programme is not None and (
                programme.presenter.showing or programme.current.kind == "review"):
            self.room.changed()  # the answers (or the look back's statuses) the room sees

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The audience window (from the start screen's f5) is on the projector: no help,
        # palette or save notice for the room to read; ctrl+q still ends it, and ctrl+p
        # chooses this window's theme. (By id: its
        # module is not imported on the way to every first screen.)
        if any(screen.id == "audience" for screen in self.screen_stack):
            return action in ("quit", "choose_theme")
        if action == "blank_room":
            programme = self.programme
            if programme is None or not programme.is_attached:
                return False
            return programme.presenter.console if parameters else True
        return True

    def explain_present(self) -> None:
        """Say how the audience window is opened (the palette's "Publieksvenster")."""
        name = self.path.stem if self.path is not None else "ID"
        self.notify(
            f"Open een tweede terminal op het scherm van de beamer en typ: patroon present "
            f"{printable(name)}. Dit venster wordt dan de console; f10 toont antwoorden aan "
            "de zaal.", title="Publieksvenster", timeout=20,
        )

    def link_room(self) -> None:
        """Follow an audience window of the open session (none while read-only)."""
        from patroon_tui.app.room_link import RoomLink

        if self.room is None and self.autosave is not None and self.path is not None:
            self.room = RoomLink(self, self.path)
            if self.programme is not None:
                # Written in the same call as the change (a page turned, f10, the loop, the
                # timer), before the programme paints: the projector does not wait for it.
                self.watch(self.programme, "room_changes", self.room.publish, init=False)

    @on(ScreenShown)
    def _on_screen_shown(self, event: ScreenShown) -> None:
        if self.timekeeper is not None:
            self.timekeeper.shown(event.screen_id)
        self.screen_changed()

    def _count_time(self) -> None:
        keeper = self.timekeeper
        if keeper is None:
            return
        last_key_at = self.keys.last_key_at
        if last_key_at is not None and last_key_at > keeper.active_at:
            keeper.activity(last_key_at)
        keeper.tick()

    def session_changed(self) -> None:
        """The session (or a text field) changed: save soon."""
        if self.autosave is not None:
            self.autosave.changed()

    def screen_changed(self) -> None:
        """The programme moved to another screen: save as soon as the turns settle (after
        the new screen is painted; see ``Autosave.save_after_turn``)."""
        if self.autosave is not None:
            self.autosave.save_after_turn()

    def action_save(self) -> None:
        if self.autosave is not None:
            self.autosave.save()
        elif self.read_only:
            self.notify("Alleen lezen: deze sessie wordt niet opgeslagen.", severity="warning")

    # -- dialogs the widgets ask for ------------------------------------------------------

    async def on_ask_confirm(self, event: AskConfirm) -> None:
        await self.dialogs.ask_confirm(event)

    async def on_ask_choice(self, event: AskChoice) -> None:
        await self.dialogs.ask_choice(event)

    async def on_ask_report_path(self, event: AskReportPath) -> None:
        await self.dialogs.ask_report_path(event)

    async def on_edit_own_pattern(self, event: EditOwnPattern) -> None:
        from patroon_tui.core.sessionfile.folder_sessions import sessions_beside

        # The sessions beside this one's file, read when the editor asks for them.
        folder = self.path.parent if self.path is not None else self.store.folder
        event.read_folder = partial(sessions_beside, folder)
        await self.dialogs.edit_own_pattern(event)

    # -- help and palette --------------------------------------------------------------

    def get_key_display(self, binding: Binding) -> str:
        # The one place keys get their names: the footer and the help screen both ask here.
        return binding.key_display or format_key(binding.key)

    def action_help(self) -> None:
        from patroon_tui.dialogs.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        from patroon_tui.app.help import help_sections

        # The programme the open session runs (a follow-up's has the look back too).
        deck = self.programme.deck if self.programme is not None else self.deck
        self.push_screen(HelpScreen(help_sections(self.BINDINGS, deck)))

    def action_blank_room(self, _where: str = "") -> None:
        if self.programme is not None:
            self.programme.presenter.toggle_blank()

    def action_choose_theme(self) -> None:
        self.themes.choose()

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder="Zoek een scherm of actie…", id="--command-palette")
            )
