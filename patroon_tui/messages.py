"""App-wide messages shared by screens and widgets.

Messages that only one widget sends live in that widget; this module holds the few that
cross the whole app.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    import datetime as dt

    from patroon_tui.core.model.deck import Deck
    from patroon_tui.core.model.session import OwnPattern, Session, Werkvorm
    from patroon_tui.core.report.export import ExportRequest


class ScreenShown(Message):
    """The programme shows another screen: the app saves once the page turns settle (half
    a second after the last), after the new screen is painted."""

    def __init__(self, screen_id: str) -> None:
        super().__init__()
        self.screen_id = screen_id


class CreateSession(Message):
    """The start screen's form asks for a new session."""

    def __init__(self, *, title: str, date: dt.date, facilitator: str, location: str,
                 werkvorm: Werkvorm) -> None:
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


class FollowUpSessionFile(Message):
    """The start screen's list asks for a follow-up of a saved session (``patroon vervolg``)."""

    def __init__(self, path) -> None:
        super().__init__()
        self.path = path


class PresentSessionFile(Message):
    """The start screen's list asks to show a saved session's audience window here."""

    def __init__(self, path) -> None:
        super().__init__()
        self.path = path


class SessionChanged(Message):
    """A widget changed the session model in place.

    Posted (bubbling) by any widget that edited the session; the app marks the session
    dirty and saves it shortly after (debounced), so typing never waits for the disk.
    """


# -- dialogs a widget asks for -----------------------------------------------------------
# A widget never opens a dialog itself (dialogs sit above widgets): it posts one of these,
# and the app shows the dialog (``dialogs.DialogHost``) and hands the answer to the
# callback. Keys typed meanwhile wait for the dialog (the app holds them).


class AskConfirm(Message):
    """Ask a yes/no question whose safe answer ("Nee") has the cursor."""

    def __init__(self, question: str, on_answer: Callable[[bool | None], object]) -> None:
        super().__init__()
        self.question = question
        self.on_answer = on_answer
        self.release: Callable[[], None] | None = None
        """Ends the key hold the asker took (set by ``widgets.recording.ask``)."""


class AskChoice(Message):
    """Ask a question with a few answers (``answers``: value and button label, the safe
    one first); ``cancel`` is the answer of Esc and of a typed key."""

    def __init__(
        self, title: str, question: str, answers: list[tuple[str, str]], cancel: str,
        on_answer: Callable[[str | None], object],
    ) -> None:
        super().__init__()
        self.title = title
        self.question = question
        self.answers = answers
        self.cancel = cancel
        self.on_answer = on_answer
        self.release: Callable[[], None] | None = None


class AskReportPath(Message):
    """Ask where the report goes and as what, proposing ``proposed`` and showing the
    personal data found (``findings``, one line each); answered with an ``ExportRequest``."""

    def __init__(
        self, proposed: Path, on_answer: Callable[[ExportRequest | None], object],
        findings: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.proposed = proposed
        self.on_answer = on_answer
        self.findings = findings or []
        self.release: Callable[[], None] | None = None


class EditOwnPattern(Message):
    """Open the own-pattern editor for a table (``existing`` is the pattern being edited,
    ``None`` for a new one). ``deck``: its patterns can be started from ("variant van");
    ``read_folder``, set by the app on the way: reads the sessions of the folder (for the
    own patterns of earlier sessions; it may take a while, so not on the UI thread)."""

    def __init__(
        self, session: Session, table_id: str, pattern_id: str, existing: OwnPattern | None,
        heading: str, on_done: Callable[[OwnPattern | None], object],
        deck: Deck | None = None,
    ) -> None:
        super().__init__()
        self.deck = deck
        self.read_folder: Callable[[], list[Session]] | None = None
        self.session = session
        self.table_id = table_id
        self.pattern_id = pattern_id
        self.existing = existing
        self.heading = heading
        self.on_done = on_done
        self.release: Callable[[], None] | None = None

