"""The facilitator's window's link to the audience windows (``patroon present``).

Twice a second ``RoomLink`` looks whether an audience window watches the session (the
presence files, one per window, ``core/room/room_files.py``). The look runs in a thread of its own:
it reads the names in the session's folder and at most a few bytes of a regular file,
never following a link and never waiting on a pipe, but a folder on a network share or a
stick can still stall, and the UI thread only takes what the last look saw, so a typed
key never waits for the disk. While one window or more watches, every change of what the
room should see (the programme's ``room_changes``: a page turned, the loop revealed or
highlighted, the timer, answers shown) is written to the room state beside the session
at once, in the same call, before the programme paints; answers typed while they are
shown are written once per turn of the event loop. When one of several windows quits,
the others are still written for. When the first audience window arrives the programme becomes the
presenter console; when the facilitator's window ends, the room state is removed and the
audience windows wait for it to come back. A write that failed is tried again at the next look.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from patroon_tui.core.room.room_files import audience_present, remove_state, write_state

if TYPE_CHECKING:
    from patroon_tui.app.patroon import PatroonApp

#: Seconds between looks for an audience window (its arrival only; page turns are at once).
LOOK_EVERY = 0.5


class RoomLink:
    """Tells the audience window of one session what to show."""

    def __init__(self, app: PatroonApp, path: Path) -> None:
        self._app = app
        self._path = path
        self._present = False
        self._pending = False
        self._written = False
        self._failed = False
        self._seq = 0
        self._seen = False
        """What the looking thread saw last (a bool: set and read whole)."""
        self._looks = 0
        self._stop = threading.Event()
        self._looker = threading.Thread(target=self._keep_looking, daemon=True,
                                        name="patroon-publieksvenster")
        self._looker.start()
        app.set_interval(LOOK_EVERY, self.look)

    @property
    def present(self) -> bool:
        """Whether an audience window follows this session."""
        return self._present

    @property
    def looks(self) -> int:
        """How many looks for an audience window are done."""
        return self._looks

    def _keep_looking(self) -> None:
        while not self._stop.is_set():
            try:
                self._seen = audience_present(self._path)
            except Exception:  # noqa: BLE001 - whatever it was, the next look tries again
                self._seen = False
            self._looks += 1
            self._stop.wait(LOOK_EVERY)

    def look(self) -> None:
        """Take what the last look saw: an audience window came or went."""
        present = self._seen
        if present == self._present:
            if present and self._failed:
                # The last write was refused (on Windows: a reader held the file open for
                # longer than the replace waits): the room catches up with this one.
                self.publish()
            return
        self._present = present
        programme = self._app.programme
        if present:
            if programme is not None:
                programme.presenter.audience_arrived()
            self._app.notify("Het publieksvenster volgt dit venster.", title="Publieksvenster")
            self.publish()
        else:  # the last one: while another window watches, the state is still written
            self._app.notify("Het publieksvenster is gesloten.", title="Publieksvenster")

    def changed(self) -> None:
        """Answers shown to the room were typed in: write them once this turn of the event
        loop is done."""
        if self._present and not self._pending:
            self._pending = True
            self._app.call_later(self.publish)

    def publish(self) -> None:
        """Write the room state now."""
        self._pending = False
        programme = self._app.programme
        if not self._present or programme is None or not programme.is_attached:
            return
        self._seq += 1
        try:
            write_state(self._path, programme.presenter.state(pid=os.getpid(), seq=self._seq))
        except OSError as exc:
            if not self._failed:  # said once: the projector is not worth a stream of notices
                self._failed = True
                self._app.notify(
                    f"Het publieksvenster kan dit venster niet volgen: {exc.strerror or exc}.",
                    title="Publieksvenster", severity="warning",
                )
            return
        self._failed = False
        self._written = True

    def close(self) -> None:
        """The facilitator's window ends: the audience windows wait for it."""
        self._stop.set()
        if self._written:
            remove_state(self._path)
            self._written = False
