"""A compact button for forms: Textual's ``Button``, with a stylesheet of its own.

``Button`` brings 57 style rules (every variant, flat and ANSI styles), and once one button
is on screen, every style application anywhere in the app looks through them. A form needs
one look only: Textual's compact default button, whose rules are repeated here; everything
else about the button (keys, clicks, ``Button.Pressed``) is Textual's.

Without Button's stylesheet it also leaves Button's CSS type name behind: a selector or a
query for ``Button`` does not find it (``query_one("#id", CompactButton)`` does).
"""

from __future__ import annotations

from textual.widgets import Button


class CompactButton(Button, inherit_css=False):
    """Looks like ``Button(..., compact=True)`` in the default variant."""

    DEFAULT_CSS = """
    CompactButton {
        width: auto;
        min-width: 16;
        height: auto;
        line-pad: 1;
        text-align: center;
        content-align: center middle;
        pointer: pointer;
        text-style: bold;
        color: $button-foreground;
        background: $surface;
        border: none;
        &:disabled { text-opacity: 0.6; pointer: not-allowed; }
        &:focus { text-style: $button-focus-text-style; background-tint: $foreground 5%; }
        &:hover { background: $surface-darken-1; }
        &.-active { background: $surface; tint: $background 30%; }
    }
    """

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(label, id=id, compact=True)
