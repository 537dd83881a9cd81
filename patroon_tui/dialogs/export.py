"""The export dialog: where the report goes, as what, with or without the notes, and the
personal data found in the session, shown before anything is written.

The format is chosen with the radio buttons or by the file name's ending (the buttons put
the ending on the name; a name typed with ``.html`` or ``.docx`` is that format). The
dialog dismisses with an :class:`~patroon_tui.core.report.export.ExportRequest`, or ``None`` when
cancelled.

A printable key is text (docs/typing.md): the choices toggle with Enter (not space), and a
letter or space typed while the cursor is on a choice or a button goes into the file name.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from patroon_tui.core.report.export import FORMATS, SUFFIXES, ExportRequest, format_for, suffix_for
from patroon_tui.core.text.terminal_safe import printable


class ReportFormat(RadioSet, inherit_bindings=False):
    """The report's format: the arrows move, Enter chooses (space is text)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "next_button", "Volgende soort", show=False),
        Binding("enter", "toggle_button", "Kiezen", show=False),
        Binding("up,left", "previous_button", "Vorige soort", show=False),
    ]


class ReportOption(Checkbox, inherit_bindings=False):
    """A yes/no choice of the report: Enter toggles it (space is text)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "toggle_button", "Aan/uit", show=False),
    ]


class ExportReportScreen(ModalScreen[ExportRequest | None]):
    """Asks where the report goes and as what; dismisses with the choice, or ``None``."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "#export-path"

    BINDINGS = [
        Binding("escape", "cancel", "Annuleren", id="export.cancel"),
    ]

    def __init__(self, proposed: Path, findings: list[str] | None = None) -> None:
        super().__init__()
        self.proposed = proposed
        self.findings = findings or []

    def compose(self) -> ComposeResult:
        chosen = format_for(self.proposed) or "md"
        with VerticalScroll(id="export-dialog", can_focus=False):
            yield Static("Verslag exporteren", id="export-title")
            yield Label("Soort verslag:")
            with ReportFormat(id="export-format", compact=True):
                for fmt, label in FORMATS.items():
                    yield RadioButton(label, value=fmt == chosen, id=f"export-{fmt}")
            yield Label("Bestand:")
            yield Input(str(self.proposed), id="export-path", select_on_focus=False,
                        compact=True)
            yield ReportOption("Notities opnemen", value=True,
                           id="export-notes", compact=True)
            yield ReportOption("Kort: één pagina voor bestuurders", value=False,
                               id="export-short", compact=True)
            if self.findings:
                count = len(self.findings)
                yield Static(
                    f"Mogelijk persoonsgegevens gevonden ({count}); ze komen zo in het "
                    "verslag, tenzij je ze laat vervangen:",
                    id="export-findings-title",
                )
                # Tab reaches the list, so that arrows scroll a long one into view.
                with VerticalScroll(id="export-findings"):
                    for finding in self.findings:
                        yield Static(f"• {printable(finding)}", classes="finding", markup=False)
                yield ReportOption("Vervang ze door een markering", value=False,
                               id="export-redact", compact=True)
            with Horizontal(id="export-buttons"):
                yield Button("Opslaan", variant="primary", id="export-save")
                yield Button("Annuleren", id="export-cancel")

    def stray_key_field(self) -> Widget | None:
        """A letter or space typed while the cursor is on a choice or a button: the name."""
        return self.query_one("#export-path", Input)

    @on(RadioSet.Changed, "#export-format")
    def _format_chosen(self, event: RadioSet.Changed) -> None:
        fmt = (event.pressed.id or "export-md").removeprefix("export-")
        field = self.query_one("#export-path", Input)
        text = field.value.strip()
        path = Path(text)
        # The name follows the chosen format where its ending was one of the report's.
        if text and path.suffix.lower() in SUFFIXES:
            field.value = str(path.with_suffix(suffix_for(fmt)))
        elif text:
            field.value = text + suffix_for(fmt)

    def _format(self) -> str:
        pressed = self.query_one("#export-format", RadioSet).pressed_button
        return (pressed.id if pressed and pressed.id else "export-md").removeprefix("export-")

    def _chosen(self) -> ExportRequest | None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            return None
        path = Path(text).expanduser()
        # A bare name goes beside the proposed file, where the dialog was looking.
        if not path.is_absolute():
            path = self.proposed.parent / path
        redact = bool(self.query("#export-redact")) and self.query_one(
            "#export-redact", Checkbox
        ).value
        return ExportRequest(
            path, format_for(path) or self._format(),
            notes=self.query_one("#export-notes", Checkbox).value, redact=redact,
            short=self.query_one("#export-short", Checkbox).value,
        )

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-save")
    def _save(self) -> None:
        request = self._chosen()
        if request is None:
            self.notify("Vul een bestandsnaam in.", severity="warning")
            return
        self.dismiss(request)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
