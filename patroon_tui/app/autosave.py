"""Autosave: keeps the open session on disk without ever making typing wait.

Every change marks the session dirty; a quarter-second tick saves it one second after the
last change (and at least every five seconds while typing goes on). A page turn saves
half a second after the last turn (``save_after_turn``): not on the way to the next
screen's first frame, and once for a clicker pressed several times. A save snapshots the
model on the UI thread (a deep copy, cheap) and writes it in a thread worker. Snapshots are
numbered and a lock makes sure an older snapshot never overwrites a newer one. A failed save
keeps everything in memory, shows the error and retries. Quitting, unmounting and deadly
signals save synchronously.

The save state is kept here and only here: the save under way, the last error and whether
the file was changed by someone else, and which change is known to be on disk. What the
header shows (``app.save_state``) is derived from them (``Autosave.state``) and written
in one place, ``_show_state``.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from patroon_tui.core.model.session import Session
from patroon_tui.core.model.versions import Baseline, stamp
from patroon_tui.core.text.wording import os_reason

if TYPE_CHECKING:
    from patroon_tui.app import PatroonApp
    from patroon_tui.core.sessionfile.store import SessionStore

DEBOUNCE_SECONDS = 1.0
"""Save this long after the last change (the promise is: within 2 seconds)."""
MAX_DIRTY_SECONDS = 5.0
"""While typing goes on without pause, save at least this often."""
RETRY_SECONDS = 5.0
"""After a failed save, try again this long after (or at the next change)."""
AFTER_TURN_SECONDS = 0.5
"""A page turn saves this long after the last turn: the new screen is painted and on the
projector by then, and writing a big session (its text serialised and checked, over a
tenth of a second at 60 tables, in a thread that shares the interpreter) does not slow
the paint."""


def unexpected_error_message(path: Path, exc: BaseException) -> str:
    """The sentence for a save that failed for a reason the program did not foresee."""
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return (
        f"Opslaan in {path.name} is mislukt door een onverwachte fout ({what}). "
        "Het bestand bevat nog de vorige versie."
    )


def save_error_message(path: Path, exc: BaseException) -> str:
    """One Dutch sentence saying that saving ``path`` failed, and why if known."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, OSError):
        cause = cause.__cause__
    # The core's wording of OS errors, so the app and the command line say the same.
    because = f": {os_reason(cause)}" if cause is not None else ""
    return f"Opslaan in {path.name} is mislukt{because}. Het bestand bevat nog de vorige versie."


class Autosave:
    """Saves one session to one path for the app, off the UI thread."""

    def __init__(
        self, app: PatroonApp, store: SessionStore, session: Session, path: Path
    ) -> None:
        self.app = app
        self.store = store
        self.session = session
        self.path = path
        # What each field held at the last save: a changed one counts as an edit of this
        # run in its version (core/model/versions.py), so copies of the session can be merged.
        self.baseline = Baseline.of(session)
        self.flushers: list[Callable[[], bool]] = []
        """Called before each snapshot to move text still inside widgets into the model;
        each returns ``True`` when it moved something."""
        self._changed = 0  # generation of the latest change
        self._saved = 0  # generation of the latest snapshot known to be on disk
        self._written = 0  # generation written by a writer thread (guarded by _write_lock)
        self._write_lock = threading.Lock()
        self._first_dirty: float | None = None
        self._last_change = 0.0
        self._retry_at: float | None = None
        self._turn_save_at: float | None = None
        self._in_flight = 0  # saves handed to a worker and not yet done
        self._error: str | None = None
        self._conflict = False
        # Where other versions of the file were kept lies in ``app.kept_versions`` (said on
        # the terminal once the app is gone); how many of them were said here already:
        self._kept_told = len(self.app.kept_versions)
        self._postponed_upto = 0
        self._loop = asyncio.get_running_loop()
        self._tick_timer = app.set_interval(0.25, self._tick, name="autosave")
        self._show_state()

    # -- the save state ----------------------------------------------------------------

    @property
    def error(self) -> str | None:
        """The last save error as a sentence, or ``None`` when the last save worked."""
        return self._error

    @property
    def conflict(self) -> bool:
        """The file was changed by someone else: no autosave until the facilitator chose."""
        return self._conflict

    @property
    def state(self) -> str:
        """What the header says: ``saving`` while a save is under way, ``error`` after a
        failed one, ``dirty`` while a change is not on disk yet, else ``saved``."""
        if self._in_flight:
            return "saving"
        if self._error is not None:
            return "error"
        return "dirty" if self._changed > self._saved else "saved"

    def _show_state(self) -> None:
        # The one place the app's save_state is written while a session is open (the
        # header's indicator watches it); unchanged, it is not set again: this runs on
        # every keystroke.
        state = self.state
        if self.app.save_state != state:
            self.app.save_state = state

    # -- marking changes (the keystroke path: cheap) -----------------------------------

    def changed(self) -> None:
        """Something in the session (or a text field) changed; save soon."""
        now = time.monotonic()
        self._changed += 1
        self._last_change = now
        if self._first_dirty is None:
            self._first_dirty = now
        self._show_state()

    def flush(self) -> None:
        """Move text still inside widgets into the model."""
        for flush in self.flushers:
            if flush():
                self._changed += 1

    @property
    def dirty(self) -> bool:
        """Whether some change is not yet known to be on disk (flushes text fields first)."""
        self.flush()
        return self._changed > self._saved

    def save_after_turn(self) -> None:
        """The programme turned a page: save (as ``save`` does) once the turns settle."""
        self.changed()
        self._turn_save_at = time.monotonic() + AFTER_TURN_SECONDS

    def _tick(self) -> None:
        now = time.monotonic()
        if self._turn_save_at is not None and now >= self._turn_save_at:
            self.save()
            return
        if self._retry_at is not None and now >= self._retry_at and self._in_flight == 0:
            self._retry_at = None
            self.save()
            return
        if self._conflict or self._first_dirty is None or self._in_flight:
            return
        if self._retry_at is not None:
            return
        if (
            now - self._last_change >= DEBOUNCE_SECONDS
            or now - self._first_dirty >= MAX_DIRTY_SECONDS
        ):
            self.save()

    # -- saving ------------------------------------------------------------------------

    def snapshot(self) -> tuple[int, Session]:
        """Flush text fields and copy the model; returns (generation, copy)."""
        self.flush()
        try:
            stamp(self.session, self.baseline)
        except Exception:  # versions only help merging: a fault there never stops a save
            self.baseline = Baseline.of(self.session)
        self._first_dirty = None
        self._turn_save_at = None
        self._changed += 1
        return self._changed, self.session.model_copy(deep=True)

    def _snapshot_or_report(self) -> tuple[int, Session] | None:
        """A snapshot, or ``None`` after reporting why none could be taken."""
        try:
            return self.snapshot()
        except Exception as exc:  # e.g. a widget's flush failing: say so, keep trying
            self._done(self._changed, None, unexpected_error_message(self.path, exc), False)
            return None

    def postpone(self) -> None:
        """The facilitator chose to decide later about a file changed elsewhere: saves
        already under way do not ask again; the next ctrl+s does."""
        self._postponed_upto = self._changed

    def save_mine(self) -> None:
        """The facilitator chose to save their version over the file changed elsewhere
        (which is kept aside): autosave goes on."""
        self._conflict = False
        self.save(keep_other=True)

    def save(self, *, keep_other: bool = False) -> None:
        """Save now, in a thread worker (the UI keeps going)."""
        taken = self._snapshot_or_report()
        if taken is None:
            return
        generation, snapshot = taken
        self._in_flight += 1
        self._show_state()
        self.app.run_worker(
            lambda: self.write(generation, snapshot, report="thread", keep_other=keep_other),
            thread=True,
            group="save",
            exit_on_error=False,
            name="save",
        )

    def save_sync(self, *, keep_other: bool = False) -> bool:
        """Save now and wait for it; ``True`` when the file holds everything typed."""
        taken = self._snapshot_or_report()
        if taken is None:
            return False
        generation, snapshot = taken
        return self.write(generation, snapshot, report="direct", keep_other=keep_other)

    def write(
        self, generation: int, snapshot: Session, *, report: str, keep_other: bool = False
    ) -> bool:
        """Write ``snapshot`` unless a newer one is already on disk.

        ``report``: ``"thread"`` (from a worker: hand the result to the UI thread),
        ``"direct"`` (on the UI thread) or ``"none"`` (from a signal handler). Whatever goes
        wrong is caught here, at the edge of the save, and reported: a save never ends
        quietly, and the next one is tried again. ``keep_other``: if someone else changed
        the file, keep their version in ``bewaard/`` and write ours (else it is refused).
        """
        from patroon_tui.core.sessionfile.store import SessionChangedOnDiskError, StoreError

        error: str | None = None
        conflict = False
        try:
            with self._write_lock:
                if generation > self._written:
                    self.store.save(snapshot, self.path, keep_other=keep_other)
                    self._written = generation
                    if keep_other and self.store.last_kept is not None:
                        self.app.kept_versions.append(self.store.last_kept)
        except SessionChangedOnDiskError as exc:
            error, conflict = str(exc), True
        except StoreError as exc:  # already a Dutch sentence naming the file and why
            error = str(exc)
        except OSError as exc:
            error = save_error_message(self.path, exc)
        except Exception as exc:  # a bug in the save path must not switch saving off
            error = unexpected_error_message(self.path, exc)
        updated = snapshot.session.updated
        if report == "thread":
            try:
                self._loop.call_soon_threadsafe(
                    self._done, generation, updated, error, True, conflict
                )
            except RuntimeError:  # the event loop is already closed (app gone)
                pass
        elif report == "direct":
            self._done(generation, updated, error, False, conflict)
        return error is None

    def _done(
        self, generation: int, updated, error: str | None, threaded: bool,
        conflict: bool = False,
    ) -> None:
        if threaded:
            self._in_flight -= 1
        if conflict:
            self._conflicted(generation, error)
        elif error is None:
            self._succeeded(generation, updated)
        else:
            self._failed(error)
        self._show_state()

    def _conflicted(self, generation: int, error: str | None) -> None:
        # Someone else changed the file: saving waits for the facilitator's choice.
        self._error = error
        self._conflict = True
        self._retry_at = None
        if generation > self._postponed_upto:  # not a save already in flight at "later"
            # Through the app's queue: a worker's result arrives outside the app's turn.
            self.app.call_later(self.app.ending.ask_about_other_version, error)

    def _succeeded(self, generation: int, updated) -> None:
        self._conflict = False
        kept = self.app.kept_versions
        if len(kept) > self._kept_told:
            self._kept_told = len(kept)
            self.app.notify(
                f"Opgeslagen. De andere versie staat in {kept[-1]}.",
                title="Beide versies bewaard",
                timeout=10,
            )
        self._saved = max(self._saved, generation)
        if updated is not None:
            self.session.session.updated = updated
        if self._error is not None:
            self.app.notify("Opslaan lukt weer; alles staat op schijf.", title="Opgeslagen")
        self._error = None
        self._retry_at = None

    def _failed(self, error: str) -> None:
        self._conflict = False
        if self._error != error:
            self.app.notify(
                f"{error} Je tekst blijft bewaard in het geheugen; opnieuw proberen over "
                f"{RETRY_SECONDS:.0f} seconden. Ctrl+Q biedt een kopie elders aan.",
                title="Niet opgeslagen",
                severity="error",
                timeout=10,
            )
        self._error = error
        self._retry_at = time.monotonic() + RETRY_SECONDS

    # -- ending ------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop the tick (before the app goes away)."""
        self._tick_timer.stop()
