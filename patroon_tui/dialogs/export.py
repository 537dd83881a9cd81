"""The export dialog: where the report of the session goes (a file the facilitator names)."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


class ExportReportScreen(ModalScreen[Path | None]):
    """Asks where the report goes; dismisses with the path, or ``None`` when cancelled."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#export-path"

    BINDINGS = [
        Binding("escape", "cancel", "Annuleren", id="export.cancel"),
    ]

    def __init__(self, proposed: Path) -> None:
        super().__init__()
        self.proposed = proposed

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static("Verslag exporteren", id="export-title")
            yield Label("Bestand (Markdown):")
            yield Input(str(self.proposed), id="export-path", select_on_focus=False)
            with Horizontal(id="export-buttons"):
                yield Button("Opslaan", variant="primary", id="export-save")
                yield Button("Annuleren", id="export-cancel")

    def _chosen(self) -> Path | None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            return None
        path = Path(text).expanduser()
        # A bare name goes beside the proposed file, where the dialog was looking.
        return path if path.is_absolute() else self.proposed.parent / path

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-save")
    def _save(self) -> None:
        path = self._chosen()
        if path is None:
            self.notify("Vul een bestandsnaam in.", severity="warning")
            return
        self.dismiss(path)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
