"""The commands of keys a laptop may not deliver, offered in the command palette too.

macOS gives ctrl+↑ and ctrl+↓ to Mission Control, so on a Mac the app never sees them:
every binding of those keys on the current screen's body (the tables: another table; the
first steps: the arrow a step breaks) and, on a pattern, the programme's own (mark a
step) can also be found by name with ctrl+p. See docs/platforms.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType
from textual.widget import Widget

if TYPE_CHECKING:
    from patroon_tui.screens.programme import ProgrammeScreen

#: The keys macOS keeps for itself, as the palette's help names them.
MISSION_CONTROL = {"ctrl+up": "ctrl+↑", "ctrl+down": "ctrl+↓"}


def laptop_actions(programme: ProgrammeScreen) -> list[tuple[str, Callable[[], object], str]]:
    """(title, callback, help) for each command on :data:`MISSION_CONTROL`'s keys here."""
    actions: list[tuple[str, Callable[[], object], str]] = []
    body = programme.body
    if body is not None:
        actions += _commands_of(body, getattr(body, "BINDINGS", []))
    if programme.current.kind == "pattern":
        actions += _commands_of(programme, programme.BINDINGS)
    return actions


def _commands_of(node: Widget, bindings: Iterable[BindingType]
                 ) -> list[tuple[str, Callable[[], object], str]]:
    found: list[tuple[str, Callable[[], object], str]] = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        keys = [key.strip() for key in binding.key.split(",")]
        shown = [MISSION_CONTROL[key] for key in keys if key in MISSION_CONTROL]
        if shown:
            found.append((binding.description, partial(node.run_action, binding.action),
                          ", ".join(shown)))
    return found
