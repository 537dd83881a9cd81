"""App-wide messages shared by screens and widgets.

Messages that only one widget sends live in that widget; this module holds the few that
cross the whole app.
"""

from __future__ import annotations

from textual.message import Message


class ScreenShown(Message):
    """The programme shows another screen: the app saves at once (the promise: on every
    screen change)."""

    def __init__(self, screen_id: str) -> None:
        super().__init__()
        self.screen_id = screen_id


class CreateSession(Message):
    """The start screen's form asks for a new session."""

    def __init__(self, *, title: str, date, facilitator: str, location: str,
                 werkvorm: str) -> None:
        super().__init__()
        self.title = title
        self.date = date
        self.facilitator = facilitator
        self.location = location
        self.werkvorm = werkvorm


class OpenSessionFile(Message):
    """The start screen's list asks to open a saved session."""

    def __init__(self, path) -> None:
        super().__init__()
        self.path = path


class SessionChanged(Message):
    """A widget changed the session model in place.

    Posted (bubbling) by any widget that edited the session; the app marks the session
    dirty and saves it shortly after (debounced), so typing never waits for the disk.
    """
