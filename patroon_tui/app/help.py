"""The help screen's sections: every key of the app, per place where it works."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

if TYPE_CHECKING:
    from patroon_tui.core.model.deck import Deck


def help_sections(
    app_bindings: Sequence[BindingType], deck: Deck,
) -> list[tuple[str, list[Binding]]]:
    """The help screen's sections: every binding of the app (``app_bindings``), the
    programme and the recording widgets of ``deck``, each under a Dutch heading."""
    from patroon_tui.dialogs.help import HelpScreen, bindings_of
    from patroon_tui.screens.programme import ProgrammeScreen
    from patroon_tui.screens.start import StartScreen
    from patroon_tui.widgets.fields import RecordInput
    from patroon_tui.widgets.recording import RecordingBody
    from patroon_tui.widgets.slide import RECORDING_WIDGETS, recording_class

    sections = [
        ("Overal", bindings_of(app_bindings)),
        # Its follow-up and audience window keys are not in its footer (ctrl+q would go).
        ("Op het startscherm", bindings_of(StartScreen.BINDINGS)),
        ("In het programma", bindings_of(ProgrammeScreen.BINDINGS)),
    ]
    kinds = {screen.kind: screen.title for screen in deck.screens}
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
