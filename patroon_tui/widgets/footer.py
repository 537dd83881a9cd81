"""The key footer: Textual's ``Footer``, compact, with help always in sight.

Two differences from ``Footer(compact=True)``:

- The compact look comes from rules on the footer itself. Textual's compact footer gives
  each key a ``-compact`` class through a data binding: one class change, and one restyle,
  per key each time the footer is rebuilt, which it is on every focus change.
- The help key (f1) is docked at the right edge, so it stays visible when a screen has more
  keys than the terminal is wide; the keys that do not fit are all in the help.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer


class AppFooter(Footer):
    """A compact footer, help key on the right, no command palette key (ctrl+p is in help)."""

    DEFAULT_CSS = """
    AppFooter FooterKey .footer-key--key { padding: 0; }
    AppFooter FooterKey .footer-key--description { padding: 0 0 0 1; }
    AppFooter.-compact FooterLabel { margin: 0 1 0 0; }
    AppFooter.-compact FooterKey.-help { dock: right; margin: 0; border-left: vkey $foreground 20%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, show_command_palette=False, compact=False)
        # ``-compact`` on the footer alone (after the constructor, which sets the class from
        # ``compact``): Footer's own rules for it space the keys.
        self.add_class("-compact", update=False)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            # Keys are Textual's FooterKey, which is not public: recognised by their action.
            if getattr(widget, "action", None) == "help":
                widget.add_class("-help", update=False)
            yield widget
