"""The end of a session in the app: quitting (only ever in a safe way), rescue copies, a
file changed by someone else, and the signals that end a program (a closed terminal, a
kill; which ones a system has is asked of ``core/platform.py``), with a last save that
keeps every key already typed.

``SessionEnding`` is a part of ``PatroonApp`` (``app.ending``).
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from patroon_tui import keyboard
from patroon_tui.app.autosave import Autosave
from patroon_tui.core import platform
from patroon_tui.core.model.session import Session

if TYPE_CHECKING:
    from patroon_tui.app.patroon import PatroonApp


class EndOnSignal(Message):
    """A signal to end arrived (hang-up, terminate): end after the keys typed before it."""

    def __init__(self, ending: SignalEnd, seen: int, rounds: int = 0) -> None:
        super().__init__()
        self.ending = ending
        self.seen = seen
        """How many keys the app had received when this message was sent."""
        self.rounds = rounds


#: How long the facilitator must have stopped typing before a question nobody asked for
#: (the file was changed elsewhere) is put in front of the text.
TYPING_PAUSE = 1.5


class SessionEnding:
    """How ``PatroonApp`` ends: quit, signals, rescue."""

    def __init__(self, app: PatroonApp) -> None:
        self.app = app
        self._asking_later = False  # the question about the other version waits for a pause
        self._ended = False
        self._restore_signals: Callable[[], None] = lambda: None
        self._loop: asyncio.AbstractEventLoop | None = None

    def watch_signals(self) -> None:
        """End on the signals that end a program from now on (the app is mounted)."""
        self._loop = asyncio.get_running_loop()
        self._restore_signals = install_signal_handlers(self._on_deadly_signal)

    async def quit(self) -> None:
        """Save and quit (ctrl+q); when the file cannot hold everything, ask."""
        app = self.app
        autosave = app.autosave
        if autosave is None:
            self._end()
            return
        # The keys typed before ctrl+q have reached their field; let the changes they made
        # travel up into the session before saving for good.
        await keyboard.settled(app.focused, stop=app)
        # Always write on quit: a running timer changes the session without a message.
        autosave.changed()
        # Quitting is "save and quit": if someone else changed the file, theirs is kept aside.
        if autosave.save_sync(keep_other=True):
            self._end()
            return
        self._ask_unsaved()

    def _ask_unsaved(self) -> None:
        """Quitting while the file does not hold everything: offer only safe ways out."""
        from patroon_tui.dialogs.choice import ChoiceDialog

        app = self.app
        dialog = ChoiceDialog(
            "Niet opgeslagen",
            f"{app.autosave.error if app.autosave else ''} Wat je sinds de laatste keer "
            "opslaan typte, staat alleen nog in het geheugen.",
            [
                ("stay", "Niet stoppen"),
                ("retry", "Opnieuw proberen op te slaan"),
                ("copy", "Kopie elders opslaan en stoppen"),
                ("quit", "Stoppen zonder opslaan"),
            ],
            cancel="stay",
            id="quit-unsaved",
            stacked=True,
        )

        def answered(choice: str | None) -> None:
            if choice == "retry":
                app.call_later(app.action_quit)
            elif choice == "copy":
                self._rescue_and_end()
            elif choice == "quit":
                self._confirm_quit_unsaved()

        app.push_screen(dialog, answered)

    def _confirm_quit_unsaved(self) -> None:
        from patroon_tui.dialogs.confirm import ConfirmScreen

        def answered(sure: bool | None) -> None:
            if sure:
                self._end(save=False)

        self.app.push_screen(
            ConfirmScreen("Echt stoppen zonder opslaan? Wat niet is opgeslagen, gaat verloren."),
            answered,
        )

    def ask_about_other_version(self, error: str | None) -> None:
        """Someone else changed the session file: ask before ours replaces it (both kept)."""
        from patroon_tui.dialogs.choice import ChoiceDialog

        app = self.app
        if app.screen.id == "other-version" or app.autosave is None:
            return
        # Not in the middle of a word: a dialog that appears while the facilitator types
        # takes the next letters as its keys, and they never reach the text.
        wait = TYPING_PAUSE - app.keys.typing_pause()
        if wait > 0:
            if not self._asking_later:
                self._asking_later = True

                def ask_now() -> None:
                    self._asking_later = False
                    self.ask_about_other_version(error)

                app.set_timer(wait, ask_now)
            return

        def answered(choice: str | None) -> None:
            autosave = app.autosave
            if autosave is None:
                return
            if choice == "mine":
                autosave.save_mine()
            else:
                autosave.postpone()
                app.notify(
                    "Er wordt niet opgeslagen tot je kiest: ctrl+s vraagt het opnieuw. "
                    "Wat je typt, blijft in het geheugen.",
                    title="Niet opgeslagen",
                    severity="warning",
                )

        app.push_screen(
            ChoiceDialog(
                "Bestand buiten patroon gewijzigd",
                f"{error or ''} Als je jouw versie opslaat, blijft de andere bewaard in de "
                "map bewaard/ naast de sessies.",
                [("mine", "Mijn versie opslaan"), ("later", "Later kiezen")],
                cancel="later",
                id="other-version",
            ),
            answered,
        )

    def rescue_copy(self) -> Path | None:
        """Write the whole session outside its own file; ``None`` (and a notice) if no
        place took it."""
        from patroon_tui.core.sessionfile.rescue import RescueError, write_rescue_copy

        app = self.app
        if app.session is None:
            return None
        if app.autosave is not None:
            try:
                app.autosave.flush()
            except Exception:  # the words already in the model are what we can keep
                pass
        try:
            return write_rescue_copy(app.session, app.store.folder)
        except RescueError as exc:
            app.notify(str(exc), title="Geen kopie", severity="error", timeout=15)
            return None

    def _rescue_and_end(self) -> None:
        copy = self.rescue_copy()
        if copy is None:
            return
        self.app.rescue_message = f"Een kopie van de sessie staat in {copy}."
        self._end(save=False)

    def _end(self, *, save: bool = True) -> None:
        app = self.app
        if not save and app.autosave is not None:
            app.autosave.stop()
            app.autosave = None
            # The session file does not hold everything: say so to whoever started us.
            app.exit(return_code=1)
            return
        app.exit()

    def _final_save(self) -> None:
        """Save what is left (idempotent: a second call finds nothing to do)."""
        app = self.app
        autosave = app.autosave
        if autosave is not None:
            autosave.stop()
            if autosave.dirty and not autosave.save_sync(keep_other=True):
                # The app is going away with words not on disk: keep them elsewhere.
                copy = self.rescue_copy()
                if copy is not None:
                    app.rescue_message = (
                        f"{autosave.error} Een kopie van de sessie staat in {copy}."
                    )
        if app.room is not None:
            app.room.close()
        app.opening.release_lock()

    def unmounted(self) -> None:
        """The app is going away: the last save, the lock let go, the signals as before."""
        self._final_save()
        self._restore_signals()

    def _on_deadly_signal(self, signum: int) -> None:
        if self._ended or self._loop is None:
            return
        self._ended = True
        app = self.app
        ending = SignalEnd(app.autosave, signum)
        # A signal handler runs between two bytecodes of the main thread: ask the event
        # loop to end the app instead of touching Textual from here.
        try:
            self._loop.call_soon_threadsafe(
                app.post_message, EndOnSignal(ending, app.keys.received)
            )
        except RuntimeError:  # no loop any more: the fallback saves and ends
            pass

    async def end_on_signal(self, message: EndOnSignal) -> None:
        """End after a signal to end, once the keys typed before it are in."""
        app = self.app
        # Keys read from the terminal before the signal may be queued behind this message
        # (the terminal's reader posts from its own thread). While keys keep arriving, go
        # to the back of the queue again; bytes still on their way get a moment too.
        if app.keys.received == message.seen:
            await asyncio.sleep(0.05)
        if app.keys.received != message.seen and message.rounds < 8:
            app.post_message(EndOnSignal(message.ending, app.keys.received, message.rounds + 1))
            return
        await app.keys.deliver_held_keys()
        await keyboard.settled(app.focused, stop=app)
        self._final_save()
        message.ending.finished()
        app.exit(return_code=message.ending.code)


def install_signal_handlers(on_signal: Callable[[int], None]) -> Callable[[], None]:
    """Call ``on_signal(signum)`` on the signals that end a program where the system has
    them (hang-up and terminate; Windows' console break); returns a function that undoes it.

    ``signal.signal`` (not the event loop's handler) so the handler runs even while the
    loop is busy. Only possible in the main thread; elsewhere this does nothing.
    """
    return platform.current().catch_signals(on_signal)


class SignalEnd:
    """Ends the app after a signal to end without losing what was typed just before.

    The handler runs between two bytecodes of the UI thread. It takes a snapshot at once (so
    something is saved whatever happens next) and asks the event loop to end the app the
    ordinary way: the keys already read from the terminal are handled first, then a last
    save. If the loop does not manage that within ``FALLBACK_SECONDS``, a helper thread
    writes the snapshot and ends the process (``128 + signal``).
    """

    FALLBACK_SECONDS = 1.0

    def __init__(self, autosave: Autosave | None, signum: int) -> None:
        self.autosave = autosave
        self.signum = signum
        self.code = 128 + signum
        self._taken: tuple[int, Session] | None = None
        if autosave is not None:
            try:
                self._taken = autosave.snapshot()
            except Exception:  # a broken flush: the loop's own save still runs
                self._taken = None
        self._fallback = threading.Timer(self.FALLBACK_SECONDS, self._give_up)
        self._fallback.daemon = True
        self._fallback.start()

    def _give_up(self) -> None:
        if self.autosave is not None and self._taken is not None:
            generation, snapshot = self._taken
            # Nobody can be asked now: someone else's version of the file is kept aside.
            self.autosave.write(generation, snapshot, report="none", keep_other=True)
        os._exit(self.code)

    def finished(self) -> None:
        """The loop has saved: no fallback needed. After a hang-up there is no terminal to
        restore, so the process ends now; after a terminate the app winds down normally."""
        self._fallback.cancel()
        if platform.current().is_hang_up(self.signum):
            os._exit(self.code)
        # Should winding down hang (terminal gone, loop stuck), end hard soon.
        ender = threading.Timer(1.0, os._exit, args=(self.code,))
        ender.daemon = True
        ender.start()
