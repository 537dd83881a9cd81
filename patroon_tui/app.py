"""The Textual app: wiring of the screens, the global keys, autosave, lock and palette.

``PatroonApp`` is built from its parts (deck, store, session, path) so tests and snapshots
construct it directly; ``build_app`` and ``run_app`` are what the command line uses.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen

from patroon_tui import keyboard
from patroon_tui.autosave import Autosave, SignalEnd, install_signal_handlers
from patroon_tui.commands import PatroonCommands
from patroon_tui.core.deck import Deck
from patroon_tui.core.messages import printable
from patroon_tui.core.session import Session
from patroon_tui.messages import SessionChanged

if TYPE_CHECKING:
    from patroon_tui.core.store import SessionLock, SessionStore
    from patroon_tui.screens.programme import ProgrammeScreen
    from patroon_tui.widgets.timer import TimerDisplay


class EndOnSignal(Message):
    """SIGHUP or SIGTERM arrived: end after the keys typed before it."""

    def __init__(self, ending: SignalEnd, seen: int, rounds: int = 0) -> None:
        super().__init__()
        self.ending = ending
        self.seen = seen
        """How many keys the app had received when this message was sent."""
        self.rounds = rounds


class PatroonApp(keyboard.KeyRouting):
    """Runs one workshop session (or the start screen that picks one)."""

    # The programme's styles are the app's: the programme can be the first (default)
    # screen, and Textual loads a screen's own CSS_PATH only for pushed screens.
    CSS_PATH = ["app.tcss", "screens/programme.tcss", "widgets/slide.tcss"]
    TITLE = "Patroon"
    COMMANDS: ClassVar = {PatroonCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Opslaan", show=False, priority=True, id="save"),
        Binding("ctrl+q", "quit", "Stop", tooltip="Opslaan en stoppen", priority=True, id="quit"),
        Binding("ctrl+p", "command_palette", "Zoeken", priority=True, id="palette"),
        Binding("f1", "help", "Help", priority=True, id="help"),
        Binding("question_mark", "help", "Help (buiten tekstvelden)", show=False, key_display="?", id="help-question"),
        Binding("ctrl+c", "save", "Opslaan (afsluiten gaat met ctrl+q)", show=False, priority=True, id="ctrl-c"),
    ]

    save_state: reactive[str] = reactive("saved")
    """``saved``, ``dirty``, ``saving``, ``error`` or ``read_only`` (the header shows it)."""

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
    ) -> None:
        super().__init__()
        self.deck = deck
        self.store = store
        self.session = session
        self.path = path
        self.read_only = read_only
        self.start_screen = start_screen
        self._now = now or (lambda: dt.datetime.now().astimezone())
        self.autosave: Autosave | None = None
        self.programme: ProgrammeScreen | None = None
        self.timer_widget: TimerDisplay | None = None
        self._lock: SessionLock | None = None
        self._locked_pid: int | None = None
        self._read_only_notice: str | None = None
        self._open_notices: list[str] = []
        self._restore_signals: Callable[[], None] = lambda: None
        self._ended = False
        self.rescue_message: str | None = None
        self.kept_versions: list[Path] = []
        """Other versions of the session file, kept aside before ours replaced them."""
        """Where a rescue copy went, for the terminal once the app is gone."""

    # -- clock (injectable so snapshots are stable) -------------------------------------

    def now(self) -> dt.datetime:
        """Local wall-clock time."""
        return self._now()

    def today(self) -> dt.date:
        """Today's date."""
        return self._now().date()

    # -- opening -----------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        # A session given on the command line: its programme is the first screen, so only
        # one screen is built and laid out before the first paint.
        if self.session is not None and self.path is not None:
            from patroon_tui.core.store import SessionLockedError, StoreError

            try:
                if not self.read_only:
                    self._lock = self.store.lock(self.path)
            except SessionLockedError as exc:
                self._locked_pid = exc.pid
            except StoreError as exc:
                # A read-only file, disk or folder: the notes can still be looked at. The
                # notice is shown once the app is mounted.
                self._read_only_notice = str(exc)
                return self._programme_for(self.session, self.path, self.start_screen,
                                           read_only=True)
            else:
                return self._programme_for(self.session, self.path, self.start_screen,
                                           read_only=self.read_only)
        return Screen(id="_default")

    def on_mount(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._restore_signals = install_signal_handlers(self._on_deadly_signal)
        if self._read_only_notice is not None:
            self._notify_read_only(self._read_only_notice)
            self._read_only_notice = None
        self._show_open_notices()
        if self.programme is not None:
            return
        if self.session is not None and self.path is not None:
            self._ask_locked(self.session, self.path, self.start_screen, self._locked_pid)
        else:
            self._show_start()

    def _show_start(self) -> None:
        from patroon_tui.screens.start import StartScreen

        before = self.screen
        self.push_screen(StartScreen())
        self.hold_after_screen_change(before)

    def create_session(self, *, title: str, date: dt.date, facilitator: str, location: str,
                       werkvorm: str) -> None:
        """Make a new session from the start screen's form and open it."""
        from patroon_tui.core.store import StoreError

        try:
            session = self.store.create(
                title=title, deck=self.deck, date=date, facilitator=facilitator,
                location=location, werkvorm=werkvorm,
            )
        except StoreError as exc:
            self.notify(printable(exc, keep="\n"), title="Kan de sessie niet maken",
                        severity="error")
            return
        self.open_session(session, self.store.path_for(session.session.id))

    def open_path(self, path: Path) -> None:
        """Load a saved session and open it (from the start screen)."""
        from patroon_tui.core.store import StoreError

        try:
            session = self.store.load(path)
        except StoreError as exc:
            self.notify(printable(exc, keep="\n"), title="Kan niet openen", severity="error")
            return
        self.open_session(session, path)

    def open_session(self, session: Session, path: Path, *, screen_id: str | None = None,
                     read_only: bool = False) -> None:
        """Lock the file and show the programme; if locked elsewhere, ask what to do.

        A session that cannot be written here (read-only file, disk or folder) opens
        read-only, with a notice saying why.
        """
        from patroon_tui.core.store import SessionLockedError, StoreError

        if read_only:
            self._enter(session, path, screen_id, read_only=True)
            return
        try:
            self._lock = self.store.lock(path)
        except SessionLockedError as exc:
            self._ask_locked(session, path, screen_id, exc.pid)
            return
        except StoreError as exc:
            self._notify_read_only(str(exc))
            self._enter(session, path, screen_id, read_only=True)
            return
        self._enter(session, path, screen_id, read_only=False)

    def _notify_read_only(self, reason: str) -> None:
        self.notify(printable(reason, keep="\n"), title="Alleen lezen", severity="warning",
                    timeout=15)

    def _ask_locked(self, session: Session, path: Path, screen_id: str | None,
                    pid: int | None) -> None:
        from patroon_tui.screens.choice import ChoiceDialog

        who = f" (proces {pid})" if pid else ""
        dialog = ChoiceDialog(
            "Sessie al geopend",
            f"Deze sessie is al geopend in een ander venster{who}. Je kunt haar alleen "
            "bekijken: wijzigingen worden dan niet opgeslagen.",
            [("read_only", "Alleen lezen", "l"), ("back", "Terug", "t")],
            cancel="back",
            id="locked",
        )

        def answered(choice: str | None) -> None:
            if choice == "read_only":
                self._enter(session, path, screen_id, read_only=True)
            elif not any(s.id == "start" for s in self.screen_stack):
                self._show_start()

        before = self.screen
        self.push_screen(dialog, answered)
        self.hold_after_screen_change(before)

    def _enter(self, session: Session, path: Path, screen_id: str | None, *,
               read_only: bool) -> None:
        programme = self._programme_for(session, path, screen_id, read_only=read_only)
        if self.screen.id == "start":
            self.switch_screen(programme)
        else:
            self.push_screen(programme)

    def _programme_for(self, session: Session, path: Path, screen_id: str | None, *,
                       read_only: bool) -> ProgrammeScreen:
        """Make ``session`` the open one (autosave, timer) and build its programme screen."""
        from patroon_tui.screens.programme import ProgrammeScreen

        self.session = session
        self.path = path
        self.read_only = read_only
        self.title = session.session.title
        # What opening sets right in a hand-edited file (a resume screen the programme does
        # not have, a timer past its length, …) is said, never done silently; the next
        # save writes it. Shown once the app runs, when opened from the command line.
        from patroon_tui.core.validation import review

        self._open_notices = review(session, path, deck=self.deck)
        if self.is_running:
            self._show_open_notices()
        if not read_only:
            self.autosave = Autosave(self, self.store, session, path)
            self.autosave.kept = self.kept_versions
            self.save_state = "saved"
        else:
            self.save_state = "read_only"
        self.timer_widget = self._make_timer(session)
        self.programme = ProgrammeScreen(self.deck, session, screen_id=screen_id,
                                         read_only=read_only, timer=self.timer_widget)
        if self.autosave is not None:
            self.autosave.flushers.append(self.programme.flush_notes)
        return self.programme

    def _show_open_notices(self) -> None:
        for notice in self._open_notices:
            self.notify(printable(notice), title="Aangepast bij het openen", severity="warning",
                        timeout=15)
        self._open_notices = []

    # -- timer (slot for the table timer widget) -----------------------------------------

    @property
    def has_timer(self) -> bool:
        """Whether the table timer can be started (not in read-only mode)."""
        return self.timer_widget is not None and not self.read_only

    def _make_timer(self, session: Session) -> TimerDisplay:
        from patroon_tui.core.timer import TableTimer
        from patroon_tui.widgets.timer import TimerDisplay

        timer = TableTimer.from_progress(session.progress, self.deck.timer_minutes * 60)
        return TimerDisplay(timer, session.progress, id="timer")

    def timer_toggle(self) -> None:
        """Start or pause the table timer (also acknowledges its signal)."""
        if self.has_timer:
            self.timer_widget.toggle()

    def timer_reset(self) -> None:
        """Reset the table timer."""
        if self.has_timer:
            self.timer_widget.reset()

    # -- changes and saving ------------------------------------------------------------

    @on(SessionChanged)
    def _on_session_changed(self, event: SessionChanged) -> None:
        self.session_changed()

    def session_changed(self) -> None:
        """The session (or a text field) changed: save soon."""
        if self.autosave is not None:
            self.autosave.changed()

    def screen_changed(self) -> None:
        """The programme moved to another screen: save now."""
        if self.autosave is not None:
            self.autosave.changed()
            self.autosave.save()

    def action_save(self) -> None:
        if self.autosave is not None:
            self.autosave.save()
        elif self.read_only:
            self.notify("Alleen lezen: deze sessie wordt niet opgeslagen.", severity="warning")

    async def action_quit(self) -> None:
        if self.autosave is None:
            self._end()
            return
        # The keys typed before ctrl+q have reached their field; let the changes they made
        # travel up into the session before saving for good.
        await keyboard.settled(self.focused, stop=self)
        # Always write on quit: a running timer changes the session without a message.
        self.autosave.changed()
        # Quitting is "save and quit": if someone else changed the file, theirs is kept aside.
        if self.autosave.save_sync(keep_other=True):
            self._end()
            return
        self._ask_unsaved()

    def _ask_unsaved(self) -> None:
        """Quitting while the file does not hold everything: offer only safe ways out."""
        from patroon_tui.screens.choice import ChoiceDialog

        dialog = ChoiceDialog(
            "Niet opgeslagen",
            f"{self.autosave.error if self.autosave else ''} Wat je sinds de laatste keer "
            "opslaan typte, staat alleen nog in het geheugen.",
            [
                ("stay", "Niet stoppen", "n"),
                ("retry", "Opnieuw proberen op te slaan", "o"),
                ("copy", "Kopie elders opslaan en stoppen", "k"),
                ("quit", "Stoppen zonder opslaan", "s"),
            ],
            cancel="stay",
            id="quit-unsaved",
            stacked=True,
        )

        def answered(choice: str | None) -> None:
            if choice == "retry":
                self.call_later(self.action_quit)
            elif choice == "copy":
                self._rescue_and_end()
            elif choice == "quit":
                self._confirm_quit_unsaved()

        self.push_screen(dialog, answered)

    def _confirm_quit_unsaved(self) -> None:
        from patroon_tui.screens.confirm import ConfirmScreen

        def answered(sure: bool | None) -> None:
            if sure:
                self._end(save=False)

        self.push_screen(
            ConfirmScreen("Echt stoppen zonder opslaan? Wat niet is opgeslagen, gaat verloren."),
            answered,
        )

    def ask_about_other_version(self, error: str | None) -> None:
        """Someone else changed the session file: ask before ours replaces it (both kept)."""
        from patroon_tui.screens.choice import ChoiceDialog

        if self.screen.id == "other-version" or self.autosave is None:
            return

        def answered(choice: str | None) -> None:
            autosave = self.autosave
            if autosave is None:
                return
            if choice == "mine":
                autosave.conflict = False
                autosave.save(keep_other=True)
            else:
                autosave.postpone()
                self.notify(
                    "Er wordt niet opgeslagen tot je kiest: ctrl+s vraagt het opnieuw. "
                    "Wat je typt, blijft in het geheugen.",
                    title="Niet opgeslagen",
                    severity="warning",
                )

        self.push_screen(
            ChoiceDialog(
                "Bestand buiten patroon gewijzigd",
                f"{error or ''} Als je jouw versie opslaat, blijft de andere bewaard in de "
                "map bewaard/ naast de sessies.",
                [("mine", "Mijn versie opslaan", "m"), ("later", "Later kiezen", "l")],
                cancel="later",
                id="other-version",
            ),
            answered,
        )

    def rescue_copy(self) -> Path | None:
        """Write the whole session outside its own file; ``None`` (and a notice) if no
        place took it."""
        from patroon_tui.core.rescue import RescueError, write_rescue_copy

        if self.session is None:
            return None
        if self.autosave is not None:
            try:
                self.autosave.flush()
            except Exception:  # the words already in the model are what we can keep
                pass
        try:
            return write_rescue_copy(self.session, self.store.folder)
        except RescueError as exc:
            self.notify(str(exc), title="Geen kopie", severity="error", timeout=15)
            return None

    def _rescue_and_end(self) -> None:
        copy = self.rescue_copy()
        if copy is None:
            return
        self.rescue_message = f"Een kopie van de sessie staat in {copy}."
        self._end(save=False)

    def _end(self, *, save: bool = True) -> None:
        if not save and self.autosave is not None:
            self.autosave.stop()
            self.autosave = None
            # The session file does not hold everything: say so to whoever started us.
            self.exit(return_code=1)
            return
        self.exit()

    def action_help(self) -> None:
        from patroon_tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(HelpScreen(help_sections(self)))

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder="Zoek een scherm of actie…", id="--command-palette")
            )

    def _final_save(self) -> None:
        """Save what is left (idempotent: a second call finds nothing to do)."""
        autosave = self.autosave
        if autosave is not None:
            autosave.stop()
            if autosave.dirty and not autosave.save_sync(keep_other=True):
                # The app is going away with words not on disk: keep them elsewhere.
                copy = self.rescue_copy()
                if copy is not None:
                    self.rescue_message = (
                        f"{autosave.error} Een kopie van de sessie staat in {copy}."
                    )
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def on_unmount(self) -> None:
        self._final_save()
        self._restore_signals()

    def _on_deadly_signal(self, signum: int) -> None:
        if self._ended:
            return
        self._ended = True
        ending = SignalEnd(self.autosave, signum)
        # A signal handler runs between two bytecodes of the main thread: ask the event
        # loop to end the app instead of touching Textual from here.
        try:
            self._loop.call_soon_threadsafe(
                self.post_message, EndOnSignal(ending, self.keys_received)
            )
        except RuntimeError:  # no loop any more: the fallback saves and ends
            pass

    @on(EndOnSignal)
    async def _end_on_signal(self, message: EndOnSignal) -> None:
        # Keys read from the terminal before the signal may be queued behind this message
        # (the terminal's reader posts from its own thread). While keys keep arriving, go
        # to the back of the queue again; bytes still on their way get a moment too.
        if self.keys_received == message.seen:
            await asyncio.sleep(0.05)
        if self.keys_received != message.seen and message.rounds < 8:
            self.post_message(EndOnSignal(message.ending, self.keys_received, message.rounds + 1))
            return
        await self.deliver_held_keys()
        await keyboard.settled(self.focused, stop=self)
        self._final_save()
        message.ending.finished()
        self.exit(return_code=message.ending.code)


def help_sections(app: PatroonApp) -> list[tuple[str, list]]:
    """The help screen's sections: every binding of the app, the programme and the
    recording widgets, each under a Dutch heading."""
    from patroon_tui.screens.help import HelpScreen, bindings_of
    from patroon_tui.screens.programme import ProgrammeScreen
    from patroon_tui.widgets.fields import RecordInput
    from patroon_tui.widgets.recording import RecordingBody
    from patroon_tui.widgets.slide import RECORDING_WIDGETS, recording_class

    sections = [
        ("Overal", bindings_of(PatroonApp.BINDINGS)),
        ("In het programma", bindings_of(ProgrammeScreen.BINDINGS)),
    ]
    kinds = {screen.kind: screen.title for screen in app.deck.screens}
    for kind in RECORDING_WIDGETS:
        if kind not in kinds:
            continue
        try:
            widget_class = recording_class(kind)
        except (ImportError, AttributeError):
            continue
        own = bindings_of(getattr(widget_class, "BINDINGS", []))
        if own:
            sections.append((f"Op het scherm ‘{kinds[kind]}’", own))
    if "tables" in kinds:
        from patroon_tui.screens.own_pattern import OwnPatternScreen

        sections.append(("In de editor voor een eigen patroon (ctrl+o)",
                         bindings_of(OwnPatternScreen.BINDINGS)))
    sections.append(
        ("In een tekstveld", bindings_of([*RecordingBody.BINDINGS, *RecordInput.BINDINGS]))
    )
    sections.append(("In deze hulp", bindings_of(HelpScreen.BINDINGS)))
    return sections


#: Objects allocated between two collections of the youngest generation (Python's default
#: is 700). Building a screen allocates tens of thousands of objects that all stay.
GC_THRESHOLD = 10_000


def tune_garbage_collection() -> None:
    """Make Python's cyclic garbage collector cheaper for the app's lifetime.

    Everything imported and loaded so far (modules, classes, the deck) lives as long as the
    app: frozen, the collector no longer scans it again and again. Building the programme
    screen allocates many objects that all stay; with the default threshold the collector
    ran hundreds of times while the first screen was built, together about a tenth of the
    start-up time.
    """
    gc.freeze()
    gen0, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(max(gen0, GC_THRESHOLD), gen1, gen2)


def build_app(
    *,
    store: SessionStore,
    deck: Deck,
    session_path: Path | None = None,
    screen: str | None = None,
    new_options: dict | None = None,
) -> PatroonApp:
    """The app for a command: the start screen, a new session, or a saved one.

    Raises ``StoreError`` when the session cannot be made or read.
    """
    tune_garbage_collection()
    if new_options is not None:
        today = dt.date.today()
        session = store.create(
            title=new_options.get("title") or f"Sessie {today:%d-%m-%Y}",
            deck=deck,
            date=new_options.get("date"),
            facilitator=new_options.get("facilitator") or "",
            location=new_options.get("location") or "",
            werkvorm=new_options.get("werkvorm") or "tafels",
        )
        return PatroonApp(deck, store, session, store.path_for(session.session.id))
    if session_path is not None:
        session = store.load(session_path)
        return PatroonApp(deck, store, session, Path(session_path), start_screen=screen)
    return PatroonApp(deck, store)


def run_app(
    *,
    store: SessionStore,
    deck: Deck,
    session_path: Path | None = None,
    screen: str | None = None,
    new_options: dict | None = None,
) -> int:
    """Run the app in the terminal until the facilitator quits; returns the exit status.

    Without a terminal (output piped, run from a script) there is nothing to show: ``new``
    still makes the session and says where it is; the other commands say a terminal is
    needed.
    """
    app = build_app(
        store=store, deck=deck, session_path=session_path, screen=screen,
        new_options=new_options,
    )
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        if new_options is not None and app.path is not None:
            print(printable(f"Sessie is aangemaakt in {app.path}. Open hem in een terminal "
                            f"met: patroon open {app.path.stem}"), file=sys.stderr)
            return 0
        print("De app heeft een terminal nodig; start hem in een terminalvenster.",
              file=sys.stderr)
        return 1
    app.run()
    # After the terminal is restored, where the facilitator can read it.
    for kept in app.kept_versions:
        print(printable(f"Iemand anders had het sessiebestand gewijzigd; die versie staat in "
                        f"{kept}."), file=sys.stderr)
    if app.rescue_message:
        print(printable(app.rescue_message), file=sys.stderr)
    return app.return_code or 0
