"""App-wide messages shared by screens and widgets.

Messages that only one widget sends live in that widget; this module holds the few that
cross the whole app.
"""

from __future__ import annotations

from textual.message import Message


class SessionChanged(Message):
    """A widget changed the session model in place.

    Posted (bubbling) by any widget that edited the session; the app marks the session
    dirty and saves it shortly after (debounced), so typing never waits for the disk.
    """
