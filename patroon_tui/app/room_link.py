"""The facilitator's window's link to an audience window (``patroon present``).

Twice a second ``RoomLink`` looks whether an audience window watches the session (the
presence files, one per window, ``core/room.py``). The look reads names in the session's
folder and at most a few bytes of a regular file, never following a link and never
waiting on a pipe, so it stays on the UI thread without holding up a key. While one
window or more does, every change of what the room should see
(``RoomChanged``: a page turned, the loop revealed or highlighted, the timer, answers
shown) is written to the room state beside the session, coalesced to one write per turn
of the event loop. When the audience arrives the programme becomes the presenter
console; when the facilitator's window ends, the room state is removed and the audience
window waits for it to come back.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from patroon_tui.core.room import audience_present, remove_state, write_state

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
        app.set_interval(LOOK_EVERY, self.look)

    @property
    def present(self) -> bool:
        """Whether an audience window follows this session."""
        return self._present

    def look(self) -> None:
        """See whether an audience window came or went."""
        present = audience_present(self._path)
        if present == self._present:
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
        """What the room sees changed: write it once this turn of the event loop is done."""
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
        """The facilitator's window ends: the audience window waits for it."""
        if self._written:
            remove_state(self._path)
            self._written = False
