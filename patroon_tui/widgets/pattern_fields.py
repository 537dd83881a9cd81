"""The own-pattern editor's fields: its title, its steps and the form that holds them.

Each field calls ``on_edit`` in the same turn as the change (not when its ``Changed``
message arrives), so the editor can put each key into the session as soon as the field
holds it. The editor itself is ``dialogs.own_pattern.OwnPatternScreen``.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label

from patroon_tui.widgets.fields import ShowsControls


class PatternField(ShowsControls, Input):
    """One line of the editor: nothing is selected on focus; every change goes on at once."""

    on_edit: Callable[[], None] | None = None
    """Called with every change of the text (set by the editor once it is built)."""

    def __init__(
        self,
        value: str,
        *,
        placeholder: str,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        # The cursor starts at the end of the text (Input puts it there for a first value).
        super().__init__(
            value, placeholder=placeholder, select_on_focus=False, id=id, classes=classes
        )

    def watch_value(self, value: str) -> None:
        if self.on_edit is not None:
            self.on_edit()


class TitleInput(PatternField):
    """The pattern's title."""


class StepInput(PatternField):
    """The text of one step; knows its place in the cycle."""

    def __init__(self, value: str, index: int) -> None:
        super().__init__(value, placeholder="Wat gebeurt er dan?", classes="step-input")
        self.index = index


class PatternForm(VerticalScroll, can_focus=False):
    """The title and the steps; scrolls, but never takes the cursor from a field."""


def step_row(field: StepInput) -> Horizontal:
    """A step's row: its number, then its field."""
    number = Label(f"{field.index + 1:>2}", classes="step-number")
    return Horizontal(number, field, classes="step-row")
