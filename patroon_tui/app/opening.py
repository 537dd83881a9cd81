"""Opening a session in the app: from the command line, the start screen's form or list,
with the lock taken, the lock dialog when it is open elsewhere, and read-only when the file
cannot be written here.

``SessionOpening`` is a part of ``PatroonApp`` (``app.opening``): it makes the opened
session the app's (autosave, timer, the programme screen) and says what opening set right.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen

from patroon_tui.app.autosave import Autosave
from patroon_tui.core.model.session import Session, Werkvorm
from patroon_tui.core.model.timekeeping import TimeKeeper, awake_seconds
from patroon_tui.core.text.terminal_safe import printable

if TYPE_CHECKING:
    from patroon_tui.app.patroon import PatroonApp
    from patroon_tui.core.sessionfile.store import SessionLock
    from patroon_tui.screens.programme import ProgrammeScreen
    from patroon_tui.widgets.timer import TimerDisplay


class SessionOpening:
    """How ``PatroonApp`` opens a session (and shows the start screen)."""

    def __init__(self, app: PatroonApp) -> None:
        self.app = app
        self.lock: SessionLock | None = None
        """The open session's lock (none while read-only or locked elsewhere)."""
        self._locked_pid: int | None = None
        self._read_only_notice: str | None = None
        self._open_notices: list[str] = []

    def default_screen(self) -> Screen:
        """The app's first screen (``App.get_default_screen``)."""
        app = self.app
        # A session given on the command line: its programme is the first screen, so only
        # one screen is built and laid out before the first paint.
        if app.session is not None and app.path is not None:
            from patroon_tui.core.sessionfile.store import SessionLockedError, StoreError

            try:
                if not app.read_only:
                    self.lock = app.store.lock(app.path)
            except SessionLockedError as exc:
                self._locked_pid = exc.pid
            except StoreError as exc:
                # A read-only file, disk or folder: the notes can still be looked at. The
                # notice is shown once the app is mounted.
                self._read_only_notice = str(exc)
                return self._programme_for(app.session, app.path, app.start_screen,
                                           read_only=True)
            else:
                return self._programme_for(app.session, app.path, app.start_screen,
                                           read_only=app.read_only)
        return Screen(id="_default")

    def mounted(self) -> None:
        """The app runs: say what opening found, and ask or show what comes first."""
        app = self.app
        if self._read_only_notice is not None:
            self._notify_read_only(self._read_only_notice)
            self._read_only_notice = None
        self._show_open_notices()
        app.link_room()
        if app.programme is not None:
            # Keys typed while the app starts (a facilitator types as soon as the window
            # is there) wait until the programme has put the cursor in its field; the
            # first of them would otherwise reach the screen before any field and be lost.
            app.keys.hold_for_screen()
            return
        if app.session is not None and app.path is not None:
            self._ask_locked(app.session, app.path, app.start_screen, self._locked_pid)
        else:
            self._show_start()

    def release_lock(self) -> None:
        """Let go of the session file (the app ends)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _show_start(self) -> None:
        from patroon_tui.screens.start import StartScreen

        app = self.app
        before = app.screen
        app.push_screen(StartScreen(app.deck, app.store, app.today()))
        app.keys.hold_after_screen_change(before)

    def ask_merge(self) -> None:
        """The start screen's "Samenvoegen…": tick copies of a session, merge them."""
        from patroon_tui.core.sessionfile.store import StoreError
        from patroon_tui.dialogs.merge import MergeScreen

        try:
            entries = [(e.path, f"{e.title} · {e.path.name}") for e in self.app.store.list()
                       if e.error is None]
        except StoreError as exc:
            self.app.notify(printable(exc), title="Samenvoegen", severity="error")
            return
        self.app.push_screen(MergeScreen(entries), self._merge_chosen)

    def _merge_chosen(self, paths: list[Path] | None) -> None:
        from patroon_tui.core.merge import MergeError, merge_files
        from patroon_tui.core.sessionfile.store import StoreError
        from patroon_tui.screens.start import StartScreen

        app = self.app
        if not paths:
            return
        try:
            written, merged = merge_files(app.store, paths)
        except (MergeError, StoreError) as exc:
            app.notify(printable(exc, keep="\n"), title="Samenvoegen lukt niet",
                       severity="error", timeout=15)
            return
        conflicts = len(merged.conflicts or {})
        app.notify(
            f"{len(paths)} kopieën samengevoegd in {printable(written.name)}; "
            + ("1 veld is op meer laptops anders ingevuld en toont alle versies."
               if conflicts == 1 else
               f"{conflicts} velden zijn op meer laptops anders ingevuld en tonen alle "
               "versies." if conflicts else "niets was tegenstrijdig."),
            title="Samengevoegd", timeout=15,
        )
        if isinstance(app.screen, StartScreen):
            app.screen.reload()

    def on_start_screen(self) -> bool:
        """Whether the start screen is still the one shown. Its key pressed twice (a key
        that repeats, an impatient second press) asks twice before the first is done: the
        second finds the session open already and does nothing (it made a second file and
        ended the app)."""
        return self.app.screen.id == "start"

    def present(self, path: Path) -> None:
        """This terminal becomes the audience window of a saved session (never locked)."""
        from patroon_tui.core.sessionfile.store import StoreError
        from patroon_tui.screens.audience import AudienceScreen

        app = self.app
        if not self.on_start_screen():
            return
        try:
            session = app.store.load(path)
        except StoreError as exc:
            app.notify(printable(exc, keep="\n"), title="Kan niet tonen", severity="error")
            return
        from patroon_tui.core.model.follow_up import programme_for

        app.themes.become("publiek")
        app.switch_screen(AudienceScreen(programme_for(app.deck, session), Path(path), session.session.id,
                                         session.progress.screen))

    def create_session(self, *, title: str, date: dt.date, facilitator: str, location: str,
                       werkvorm: Werkvorm) -> None:
        """Make a new session from the start screen's form and open it."""
        from patroon_tui.core.sessionfile.store import StoreError

        app = self.app
        if not self.on_start_screen():
            return
        try:
            session = app.store.create(
                title=title, deck=app.deck, date=date, facilitator=facilitator,
                location=location, werkvorm=werkvorm,
            )
        except StoreError as exc:
            app.notify(printable(exc, keep="\n"), title="Kan de sessie niet maken",
                       severity="error")
            return
        self.open_session(session, app.store.path_for(session.session.id))

    def follow_up(self, path: Path) -> None:
        """Make a follow-up of a saved session (from the start screen) and open it on its
        look back; the saved one is only read."""
        from patroon_tui.core.sessionfile.follow_up_file import create_follow_up
        from patroon_tui.core.sessionfile.store import StoreError

        app = self.app
        if not self.on_start_screen():
            return
        try:
            session = create_follow_up(app.store, app.store.load(path), app.deck,
                                       date=app.today())
        except StoreError as exc:
            app.notify(printable(exc, keep="\n"), title="Kan geen vervolgsessie maken",
                       severity="error")
            return
        self.open_session(session, app.store.path_for(session.session.id))

    def open_path(self, path: Path) -> None:
        """Load a saved session and open it (from the start screen)."""
        from patroon_tui.core.sessionfile.store import StoreError

        if not self.on_start_screen():
            return
        try:
            session = self.app.store.load(path)
        except StoreError as exc:
            self.app.notify(printable(exc, keep="\n"), title="Kan niet openen",
                            severity="error")
            return
        self.open_session(session, path)

    def open_session(self, session: Session, path: Path, *, screen_id: str | None = None,
                     read_only: bool = False) -> None:
        """Lock the file and show the programme; if locked elsewhere, ask what to do.

        A session that cannot be written here (read-only file, disk or folder) opens
        read-only, with a notice saying why.
        """
        from patroon_tui.core.sessionfile.store import SessionLockedError, StoreError

        if read_only:
            self._enter(session, path, screen_id, read_only=True)
            return
        try:
            self.lock = self.app.store.lock(path)
        except SessionLockedError as exc:
            self._ask_locked(session, path, screen_id, exc.pid)
            return
        except StoreError as exc:
            self._notify_read_only(str(exc))
            self._enter(session, path, screen_id, read_only=True)
            return
        self._enter(session, path, screen_id, read_only=False)

    def _notify_read_only(self, reason: str) -> None:
        self.app.notify(printable(reason, keep="\n"), title="Alleen lezen",
                        severity="warning", timeout=15)

    def _ask_locked(self, session: Session, path: Path, screen_id: str | None,
                    pid: int | None) -> None:
        from patroon_tui.dialogs.choice import ChoiceDialog

        app = self.app
        who = f" (proces {pid})" if pid else ""
        dialog = ChoiceDialog(
            "Sessie al geopend",
            f"Deze sessie is al geopend in een ander venster{who}. Je kunt haar alleen "
            "bekijken: wijzigingen worden dan niet opgeslagen.",
            [("read_only", "Alleen lezen"), ("back", "Terug")],
            cancel="back",
            id="locked",
        )

        def answered(choice: str | None) -> None:
            if choice == "read_only":
                self._enter(session, path, screen_id, read_only=True)
            elif not any(s.id == "start" for s in app.screen_stack):
                self._show_start()

        before = app.screen
        app.push_screen(dialog, answered)
        app.keys.hold_after_screen_change(before)

    def _enter(self, session: Session, path: Path, screen_id: str | None, *,
               read_only: bool) -> None:
        app = self.app
        programme = self._programme_for(session, path, screen_id, read_only=read_only)
        if app.screen.id == "start":
            app.switch_screen(programme)
        else:
            app.push_screen(programme)
        app.link_room()

    def _programme_for(self, session: Session, path: Path, screen_id: str | None, *,
                       read_only: bool) -> ProgrammeScreen:
        """Make ``session`` the open one (autosave, timer) and build its programme screen."""
        from patroon_tui.screens.programme import ProgrammeScreen
        from patroon_tui.widgets.recording import SessionPlace

        app = self.app
        app.session = session
        app.path = path
        app.read_only = read_only
        app.title = session.session.title
        # What opening sets right in a hand-edited file (a resume screen the programme does
        # not have, a timer past its length, …) is said, never done silently; the next
        # save writes it. Shown once the app runs, when opened from the command line.
        from patroon_tui.core.model.follow_up import programme_for
        from patroon_tui.core.sessionfile.validation import review

        # A follow-up looks back first: its programme has the look back in front.
        deck = programme_for(app.deck, session)
        self._open_notices = review(session, path, deck=deck)
        if app.is_running:
            self._show_open_notices()
        if not read_only:
            app.autosave = Autosave(app, app.store, session, path)  # shows "saved"
        else:
            app.save_state = "read_only"
        programme = ProgrammeScreen(deck, session, screen_id=screen_id,
                                    read_only=read_only, timer=self._make_timer(session),
                                    now=app.now, place=SessionPlace(path, app.store.folder))
        app.programme = programme
        autosave = app.autosave
        if autosave is not None:
            autosave.flushers.append(programme.flush_notes)
            # Time per screen is counted while the app runs (core/model/timekeeping.py), from the
            # screen the programme opens on (``--screen``, or where the file stopped).
            app.timekeeper = TimeKeeper(session.progress, programme.current.id,
                                        time.monotonic, app.now, awake_seconds)
        return programme

    def _show_open_notices(self) -> None:
        for notice in self._open_notices:
            self.app.notify(printable(notice), title="Aangepast bij het openen",
                            severity="warning", timeout=15)
        self._open_notices = []

    def _make_timer(self, session: Session) -> TimerDisplay:
        from patroon_tui.core.model.timer import TableTimer
        from patroon_tui.widgets.timer import TimerDisplay

        timer = TableTimer.from_progress(session.progress, self.app.deck.timer_minutes * 60)
        return TimerDisplay(timer, session.progress, id="timer")
