"""The summary screen's body: everything recorded, readable in one place, and its export.

``SummaryPanel`` shows the session's report (``core.report.document.build_report``) in one
``ReportView``, which draws only the lines on the screen before the first frame and the rest
after it, its loops as wide as the screen shows them (the file gets ``REPORT_WIDTH``), and
exports it to a file the facilitator chooses (``ctrl+e`` or the button): a small dialog
(``dialogs.export``, asked for with ``AskReportPath``) proposes ``<session>-verslag.md``
beside the session file, offers Markdown, HTML and Word, the notes or not, and shows the
personal data found (``core.report.privacy``) with the choice to replace it; the file is written
atomically (0600: it holds every note), in a worker off the interface's path, and the
facilitator is told where it went or, in one plain sentence, why it could not be written. An existing file is replaced only after asking; a session
file never.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Static

from patroon_tui.core.model.deck import Deck
from patroon_tui.core.model.session import Session
from patroon_tui.core.report.document import Document, build_report
from patroon_tui.core.report.export import (
    ExportError,
    ExportRequest,
    export_report,
    save_report,
    target_problem,
)
from patroon_tui.core.report.since_last import with_since_last
from patroon_tui.core.text.terminal_safe import printable
from patroon_tui.messages import AskConfirm, AskReportPath
from patroon_tui.widgets.compact_button import CompactButton
from patroon_tui.widgets.recording import RecordingBody, SessionPlace, ask
from patroon_tui.widgets.report_view import ReportView

#: The width the loops are drawn at in the exported file and on a wide screen.
REPORT_WIDTH = 100


def default_report_path(session: Session, session_path: Path | None) -> Path:
    """``<session file stem>-verslag.md`` beside the session file (or in the current folder)."""
    if session_path is not None:
        return session_path.with_name(f"{session_path.stem}-verslag.md")
    return Path.cwd() / f"{session.session.id}-verslag.md"


class SummaryPanel(RecordingBody):
    """Everything recorded, as the report, with an export action."""

    DEFAULT_CSS = """
    SummaryPanel {
        height: 1fr;
        width: 1fr;
    }

    SummaryPanel #summary-bar {
        height: auto;
        padding: 0 1;
    }

    SummaryPanel #summary-intro {
        width: 1fr;
        color: $text-muted;
    }

    SummaryPanel #summary-export {
        width: auto;
    }

    SummaryPanel #summary-report {
        height: 1fr;
    }
    """

    BINDINGS = [
        Binding("ctrl+e", "export", "Exporteer verslag", id="summary.export"),
    ]

    def __init__(
        self,
        deck: Deck,
        session: Session,
        *,
        place: SessionPlace | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(deck, session, id=id, classes=classes)
        self._place = place or SessionPlace()
        """Where the session is kept: the report is proposed beside its file, and never
        written over a file in its folder or the folder of sessions."""

    # -- public API -------------------------------------------------------------------

    @property
    def session_path(self) -> Path | None:
        """The session's file (``None``: not saved anywhere)."""
        return self._place.path

    def first_field(self) -> Widget | None:
        """The export button (nothing to type here)."""
        return self.query_one("#summary-export", CompactButton) if self.is_mounted else None

    def typing_field(self) -> Widget | None:
        return None  # nothing to type in: letters are the programme's keys here

    def refresh_from_session(self) -> None:
        """Show the report again as the session is now (drawn again only if it changed)."""
        if not self.when_ready(self.refresh_from_session):
            return
        self.query_one("#summary-report", ReportView).show(self._report())

    def compose(self) -> ComposeResult:
        with Horizontal(id="summary-bar"):
            yield Static("Alles wat is vastgelegd, per tafel.", id="summary-intro")
            yield CompactButton("Exporteer verslag", id="summary-export")
        # One widget that draws only the lines shown: the report of a big session is tens
        # of thousands of lines, and a widget per block took seconds before the first frame.
        yield ReportView(self._report(), id="summary-report")

    def _report(self) -> Document:
        # A follow-up's opens with what became of last time's agreements.
        return with_since_last(build_report(self.session, self.deck), self.session)

    # -- exporting --------------------------------------------------------------------

    @on(Button.Pressed, "#summary-export")
    def _export_pressed(self) -> None:
        self.action_export()

    def action_export(self) -> None:
        from patroon_tui.core.report.privacy import find_personal_data

        proposed = default_report_path(self.session, self.session_path)
        findings = [f.describe() for f in find_personal_data(self.session, self.deck)]

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self._check_target(request)

        ask(self, AskReportPath(proposed, chosen, findings))

    @work(thread=True, exclusive=True, group="export-target")
    def _check_target(self, request: ExportRequest) -> None:
        # Whether the file there is a session may mean parsing all of it: not on the
        # thread that takes the facilitator's keys.
        problem = self._target_problem(request.path)
        exists = request.path.is_file()
        self.app.call_from_thread(self._target_checked, request, problem, exists)

    def _target_checked(self, request: ExportRequest, problem: str | None, exists: bool) -> None:
        if problem is not None:
            self.notify(printable(problem), title="Verslag niet opgeslagen",
                        severity="error", timeout=10)
        elif exists:
            ask(self, AskConfirm(
                f"{request.path.name} bestaat al. Overschrijven?",
                lambda yes: self._start_writing(request) if yes else None,
            ))
        else:
            self._start_writing(request)

    def _target_problem(self, path: Path) -> str | None:
        """Why the report must not go to ``path`` (it would replace a session), or ``None``."""
        place = self._place
        folders = [folder for folder in (place.path and place.path.parent, place.folder)
                   if folder is not None]
        return target_problem(path, folders)

    def _start_writing(self, request: ExportRequest) -> None:
        # The worker reads a copy: the session goes on changing as the facilitator types.
        self._write(request, self.session.model_copy(deep=True))

    @work(thread=True, exclusive=True, group="export-report")
    def _write(self, request: ExportRequest, session: Session) -> None:
        path = request.path
        try:
            data = export_report(session, self.deck, request.fmt, notes=request.notes,
                                 redact=request.redact, width=REPORT_WIDTH,
                                 short=request.short)
            # Asked and answered: a file there (made since, too) is replaced.
            save_report(path, data, replace=True)
        except Exception as exc:  # noqa: BLE001 - the workshop goes on; the facilitator is told
            message = (
                str(exc) if isinstance(exc, ExportError)
                else f"Het verslag kon niet worden gemaakt ({type(exc).__name__}); de sessie "
                "zelf is niet veranderd. Probeer een ander soort verslag."
            )
            self.app.call_from_thread(
                self.notify, message, title="Verslag niet opgeslagen", severity="error", timeout=10
            )
            return
        self.app.call_from_thread(self.notify, f"Verslag opgeslagen: {path}", title="Verslag")
