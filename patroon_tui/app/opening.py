"""Opening a session in the app: from the command line, the start screen's form or list,
with the lock taken, the lock dialog when it is open elsewhere, and read-only when the file
cannot be written here.

``SessionOpening`` is a part of ``PatroonApp`` (a mixin): it makes the opened session the
app's (autosave, timer, the programme screen) and says what opening set right.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen

from patroon_tui.app.autosave import Autosave
from patroon_tui.core.messages import printable
from patroon_tui.core.session import Session
from patroon_tui.core.timekeeping import TimeKeeper, awake_seconds
from patroon_tui.messages import CreateSession, OpenSessionFile, PresentSessionFile

if TYPE_CHECKING:
    from patroon_tui.screens.programme import ProgrammeScreen


class SessionOpening:
    """How ``PatroonApp`` opens a session (and shows the start screen)."""

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

    def _show_start(self) -> None:
        from patroon_tui.screens.start import StartScreen

        before = self.screen
        self.push_screen(StartScreen(self.deck, self.store, self.today()))
        self.keys.hold_after_screen_change(before)

    # Handlers named after their messages (not ``@on``): a mixin is not a message pump.
    def on_create_session(self, event: CreateSession) -> None:
        self.create_session(title=event.title, date=event.date, facilitator=event.facilitator,
                            location=event.location, werkvorm=event.werkvorm)

    def on_open_session_file(self, event: OpenSessionFile) -> None:
        self.open_path(event.path)

    def ask_merge(self) -> None:
        """The start screen's "Samenvoegen…": tick copies of a session, merge them."""
        from patroon_tui.core.store import StoreError
        from patroon_tui.dialogs.merge import MergeScreen

        try:
            entries = [(e.path, f"{e.title} · {e.path.name}") for e in self.store.list()
                       if e.error is None]
        except StoreError as exc:
            self.notify(printable(exc), title="Samenvoegen", severity="error")
            return
        self.push_screen(MergeScreen(entries), self._merge_chosen)

    def _merge_chosen(self, paths: list[Path] | None) -> None:
        from patroon_tui.core.merge import MergeError, merge_files
        from patroon_tui.core.store import StoreError

        if not paths:
            return
        try:
            written, merged = merge_files(self.store, paths)
        except (MergeError, StoreError) as exc:
            self.notify(printable(exc, keep="\n"), title="Samenvoegen lukt niet",
                        severity="error", timeout=15)
            return
        conflicts = len(merged.conflicts or {})
        self.notify(
            f"{len(paths)} kopieën samengevoegd in {printable(written.name)}; "
            + (f"{conflicts} velden zijn op meer laptops anders ingevuld en tonen alle "
               "versies." if conflicts else "niets was tegenstrijdig."),
            title="Samengevoegd", timeout=15,
        )
        if self.screen.id == "start":
            self.screen.reload()

    def on_present_session_file(self, event: PresentSessionFile) -> None:
        """This terminal becomes the audience window of a saved session (never locked)."""
        from patroon_tui.core.store import StoreError
        from patroon_tui.screens.audience import AudienceScreen

        try:
            session = self.store.load(event.path)
        except StoreError as exc:
            self.notify(printable(exc, keep="\n"), title="Kan niet tonen", severity="error")
            return
        self.switch_screen(AudienceScreen(self.deck, Path(event.path), session.session.id,
                                          session.progress.screen))

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
        from patroon_tui.dialogs.choice import ChoiceDialog

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
            elif not any(s.id == "start" for s in self.screen_stack):
                self._show_start()

        before = self.screen
        self.push_screen(dialog, answered)
        self.keys.hold_after_screen_change(before)

    def _enter(self, session: Session, path: Path, screen_id: str | None, *,
               read_only: bool) -> None:
        programme = self._programme_for(session, path, screen_id, read_only=read_only)
        if self.screen.id == "start":
            self.switch_screen(programme)
        else:
            self.push_screen(programme)
        self.link_room()

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
                                         read_only=read_only, timer=self.timer_widget,
                                         now=self.now)
        if self.autosave is not None:
            self.autosave.flushers.append(self.programme.flush_notes)
            # Time per screen is counted while the app runs (core/timekeeping.py), from the
            # screen the programme opens on (``--screen``, or where the file stopped).
            self.timekeeper = TimeKeeper(session.progress, self.programme.current.id,
                                         time.monotonic, self.now, awake_seconds)
        return self.programme

    def _show_open_notices(self) -> None:
        for notice in self._open_notices:
            self.notify(printable(notice), title="Aangepast bij het openen", severity="warning",
                        timeout=15)
        self._open_notices = []
