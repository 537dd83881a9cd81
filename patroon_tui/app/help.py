"""The help screen's sections: every key of the app, per place where it works."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from patroon_tui.app.patroon import PatroonApp


def help_sections(app: PatroonApp) -> list[tuple[str, list]]:
    """The help screen's sections: every binding of the app, the programme and the
    recording widgets, each under a Dutch heading."""
    from patroon_tui.app.patroon import PatroonApp
    from patroon_tui.dialogs.help import HelpScreen, bindings_of
    from patroon_tui.screens.programme import ProgrammeScreen
    from patroon_tui.widgets.fields import RecordInput
    from patroon_tui.widgets.recording import RecordingBody
    from patroon_tui.widgets.slide import RECORDING_WIDGETS, recording_class

    sections = [
        ("Overal", bindings_of(PatroonApp.BINDINGS)),
        ("In het programma", bindings_of(ProgrammeScreen.BINDINGS)),
    ]
    kinds = {screen.kind: screen.title for screen in app.deck.screens}
    for kind in RECORDING_WIDGETS:
        if kind not in kinds:
            continue
        try:
            widget_class = recording_class(kind)
        except (ImportError, AttributeError):
            continue
        own = bindings_of(getattr(widget_class, "BINDINGS", []))
        if own:
            sections.append((f"Op het scherm ‘{kinds[kind]}’", own))
    if "tables" in kinds:
        from patroon_tui.dialogs.own_pattern import OwnPatternScreen

        sections.append(("In de editor voor een eigen patroon (ctrl+o)",
                         bindings_of(OwnPatternScreen.BINDINGS)))
    sections.append(
        ("In een tekstveld", bindings_of([*RecordingBody.BINDINGS, *RecordInput.BINDINGS]))
    )
    from patroon_tui.dialogs.trash import TrashScreen

    sections.append(("In de prullenbak (ctrl+p, Prullenbak; ↑/↓ kiezen)",
                     bindings_of(TrashScreen.BINDINGS)))
    sections.append(("In deze hulp", bindings_of(HelpScreen.BINDINGS)))
    return sections
